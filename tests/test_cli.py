"""The command line as a user meets it: `vanban parse` on real files, clear errors on
bad input, and every verb documented in the README."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.helpers import REAL, ROOT, SEEDS, assert_spans
from vanban.cli import app

runner = CliRunner()


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")) + [REAL / "nq-57-tw-2024.txt", REAL / "cv-17899-btc-2025.txt"], ids=lambda p: p.name)
def test_parse_prints_contract_json(path: Path) -> None:
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 0, result.output
    parse = json.loads(result.stdout)
    assert parse["schema"] == "vanban.parse/1"
    assert set(parse) >= {"schema", "source", "text", "header", "items", "citations", "bodies", "themes"}
    assert parse["source"]["format"] == "txt" and len(parse["source"]["sha256"]) == 64
    assert set(parse["header"]) >= {"doc_type", "number", "symbol", "issuer", "unit", "place", "date", "title", "reported_period", "planned_period", "signer", "recipients"}
    assert_spans(parse)
    ids = {i["id"] for i in parse["items"]}
    for key in ("citations", "bodies"):
        assert all(m["item"] is None or m["item"] in ids for m in parse[key])


@pytest.mark.slow
def test_parse_as_a_subprocess_of_the_installed_command() -> None:
    exe = Path(sys.executable).with_name("vanban")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "vanban"]
    out = subprocess.run([*cmd, "parse", str(SEEDS / "003_283bb7c43c322961.txt")], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    parse = json.loads(out.stdout)
    assert parse["header"]["unit"] == "phường Đồ Sơn"
    keys = {c["key"] for c in parse["citations"]}
    assert any("57" in k for k in keys)


def _bad_files(tmp: Path) -> list[tuple[Path, str]]:
    empty = tmp / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    not_zip = tmp / "broken.docx"
    not_zip.write_text("this is not a zip archive", encoding="utf-8")
    zip_no_doc = tmp / "nodoc.docx"
    with zipfile.ZipFile(zip_no_doc, "w") as z:
        z.writestr("hello.txt", "hi")
    unknown = tmp / "notice.odt"
    unknown.write_text("Nghị quyết", encoding="utf-8")
    missing = tmp / "missing.txt"
    empty_pdf = tmp / "empty.pdf"
    empty_pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    folder = tmp / "folder.txt"
    folder.mkdir()
    return [(empty, "empty"), (binary, "binary"), (not_zip, "docx"), (zip_no_doc, "docx"), (unknown, ".odt"), (missing, ""), (empty_pdf, "pdf"), (folder, "")]


def test_bad_input_gives_one_clear_error_line(tmp_path: Path) -> None:
    for path, word in _bad_files(tmp_path):
        result = runner.invoke(app, ["parse", str(path)])
        assert result.exit_code == 1, (path, result.output)
        assert "Traceback" not in result.output
        line = result.output.strip().splitlines()[-1]
        assert line.startswith(f"Error: {path}: "), line
        assert word.lower() in line.lower(), line


def test_every_verb_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.lstrip().startswith("#")
    head = readme[:1500]
    assert "make demo" in head and "make test" in head
    for verb in ("parse", "ingest", "query", "cypher", "export", "app", "bench", "report"):
        assert f"vanban {verb}" in readme, verb
    registered = {c.name or c.callback.__name__ for c in app.registered_commands}
    assert registered == {"parse", "ingest", "query", "cypher", "export", "app", "bench", "report"}


def test_report_writes_xlsx_and_docx_with_the_counts(tmp_path: Path) -> None:
    from docx import Document
    from openpyxl import load_workbook

    db = tmp_path / "s.db"
    series = ROOT / "tests" / "data" / "deadlines"
    assert runner.invoke(app, ["ingest", str(series), "--db", str(db), "--no-progress"]).exit_code == 0
    unit = json.loads((series / "expected.json").read_text(encoding="utf-8"))["unit"]
    out = tmp_path / "r.xlsx"
    result = runner.invoke(app, ["report", str(out), "--unit", unit, "--as-of", "2026-10-28", "--db", str(db)])
    assert result.exit_code == 0, result.output
    sentence = result.output.split(": ", 1)[1].strip()
    assert sentence.startswith("Tổng số 9 nhiệm vụ")
    ws = load_workbook(out)["Tổng hợp"]
    assert ws["A3"].value == sentence
    docx = tmp_path / "r.docx"
    result = runner.invoke(app, ["report", str(docx), "--format", "docx", "--as-of", "2026-10-28", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert sentence in "\n".join(p.text for p in Document(str(docx)).paragraphs)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["OUT.pdf"], "unknown report format 'pdf'; choose one of: xlsx, docx"),
        (["OUT.xlsx", "--as-of", "28/10/2026"], "--as-of '28/10/2026': not a date; expected YYYY-MM-DD or 'today'"),
        (["OUT.xlsx", "--period", "2026-9"], "--period '2026-9': not a month; expected YYYY-MM"),
        (["OUT.xlsx", "--unit", "phường Không Có"], "no documents of unit 'phường Không Có'"),
    ],
)
def test_report_refuses_bad_options_with_one_clear_line(tmp_path: Path, args: list[str], says: str) -> None:
    db = tmp_path / "empty.db"
    from graph.embedded import EmbeddedStore

    EmbeddedStore(db).close()
    args = [str(tmp_path / a) if a.startswith("OUT") else a for a in args]
    result = runner.invoke(app, ["report", *args, "--db", str(db)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert says in result.output.strip().splitlines()[-1]


def test_app_refuses_a_public_address_without_a_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # no user-level secrets.toml
    result = runner.invoke(app, ["app", "--address", "0.0.0.0", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "Error: refusing to serve on 0.0.0.0 without a password" in result.output


def test_ingest_notes_a_notice_filed_under_the_unit_of_the_notice_it_cites(tmp_path):
    """`vanban ingest` says which file took its unit from the notice it cites, and which notice."""
    from tests.test_loader import _JUNE, _MAY, _dated, _notice, _ward_header

    (tmp_path / "a.txt").write_text(_dated(_notice("07", _ward_header("Hòa An"), 5, *_MAY), "Hòa An", 30, 5), encoding="utf-8")
    (tmp_path / "b.txt").write_text(_notice("08", "", 6, *_JUNE), encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "s.db"), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert f"{tmp_path / 'b.txt'}: no unit in its header; filed under phường Hòa An" in result.output
    assert "TB:7-TB/ĐU:2026" in result.output and "no administrative unit read" not in result.output
