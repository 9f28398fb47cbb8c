"""Caps on what one input file may cost (issue 12), and OCR that keeps every core busy.

Each cap fails fast with a reason that names the limit and how to raise it;
only regular files are read (a .txt linked to /dev/zero or a FIFO would
never end).
"""

from __future__ import annotations

import importlib.util
import io
import os
import threading
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.limits import LimitError, Limits
from ingest.readers import Word, ocr, read_file
from vanban.cli import app
from vanban.errors import ParseError

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("make_sample_files", ROOT / "tools" / "make_sample_files.py")
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)


@pytest.fixture(autouse=True)
def _restore_environment():  # noqa: ANN202
    """The CLI writes its --limit/--province to the environment (for its worker processes): undo it after each test."""
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


def _reason(path: Path, limits: Limits | None = None) -> str:
    with pytest.raises(ParseError) as err:
        read_file(path, limits=limits)
    assert err.value.path == str(path)
    return err.value.reason


# --- the Limits value ------------------------------------------------------------


def test_defaults_environment_and_options() -> None:
    assert Limits.from_env({}) == Limits()
    env = Limits.from_env({"VANBAN_MAX_FILE_MB": "5", "VANBAN_MAX_OCR_PAGES": "7", "VANBAN_MAX_CHARS": " "})
    assert (env.file_mb, env.ocr_pages, env.chars) == (5.0, 7, Limits().chars)
    opt = env.with_options(["ocr-pages=9", "docx_ratio=50"])
    assert (opt.file_mb, opt.ocr_pages, opt.docx_ratio) == (5.0, 9, 50.0)
    assert Limits.from_env(opt.to_env()) == opt  # what worker processes read back


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["size=3"], "unknown limit 'size' (--limit); names: file_mb, chars, pages, ocr_pages, docx_mb, docx_ratio, convert_s"),
        (["pages"], "limit 'pages' is not NAME=VALUE; names: file_mb, chars, pages, ocr_pages, docx_mb, docx_ratio, convert_s"),
        (["pages=many"], "limit pages='many' (--limit) is not a number"),
        (["file_mb=0"], "limit file_mb='0' (--limit) must be positive"),
    ],
)
def test_bad_limits_are_named(options: list[str], message: str) -> None:
    with pytest.raises(LimitError) as err:
        Limits().with_options(options)
    assert str(err.value) == message


# --- size and kind of file ------------------------------------------------------------


def test_file_larger_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes("Đảng ủy phường. ".encode() * 80_000)  # 1.8 MB
    assert _reason(path, Limits(file_mb=1)) == "too large: 1.8 MB, more than the limit of 1.0 MB (--limit file_mb=N)"


@pytest.mark.slow
def test_fifty_megabytes_of_text_fail_fast(tmp_path: Path) -> None:
    # today's complaint: a 50 MB .txt ran past 5 minutes; the default character cap stops it unread
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Nghi quyet so 57-NQ/TW. " * (50 * 1024 * 1024 // 24))
    started = time.perf_counter()
    reason = _reason(path, Limits(file_mb=100))
    assert time.perf_counter() - started < 30  # reading it all took minutes; refused unread it takes milliseconds
    assert reason == "too long: 50.0 MB of text, more than the limit of 2,000,000 characters (--limit chars=N)"


def test_characters_per_document(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Ủy ban nhân dân phường. " * 100, encoding="utf-8")
    assert _reason(path, Limits(chars=1000)) == "too long: 2,400 characters of text, more than the limit of 1,000 (--limit chars=N)"
    assert read_file(path, limits=Limits(chars=5000)).text.startswith("Ủy ban")


def test_symlink_to_dev_zero_fails_at_once(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    assert _reason(link) == "not a regular file: it is a character device"


def test_fifo_fails_at_once_instead_of_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[str] = []
    t = threading.Thread(target=lambda: outcome.append(_reason(fifo)), daemon=True)
    t.start()
    t.join(5)
    if t.is_alive():  # unblock the reader so that the test run can end
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a FIFO hung")
    assert outcome == ["not a regular file: it is a named pipe (FIFO)"]


# --- .docx ---------------------------------------------------------------------------

_DOC_XML = (
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Đảng ủy</w:t></w:r></w:p>{pad}</w:body></w:document>"
)


def _docx(path: Path, pad_mb: float) -> Path:
    """A minimal .docx whose document.xml carries ``pad_mb`` MB of white space (it packs ~1000 to 1)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
                   'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                   'Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", _DOC_XML.format(pad=" " * int(pad_mb * 1024 * 1024)))
    path.write_bytes(buf.getvalue())
    return path


@pytest.mark.slow
def test_docx_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = _docx(tmp_path / "bomb.docx", 100)  # ~100 KB on disk, 100 MB of XML
    assert path.stat().st_size < 1024 * 1024
    started = time.perf_counter()
    reason = _reason(path)
    assert time.perf_counter() - started < 30  # unpacked, 100 MB of XML takes far longer; refused, milliseconds
    assert reason.startswith("suspicious .docx: word/document.xml unpacks ")
    assert reason.endswith("times its packed size (100.0 MB), more than the limit of 200 (--limit docx_ratio=N)")


def test_docx_unpacked_size(tmp_path: Path) -> None:
    path = _docx(tmp_path / "padded.docx", 3)
    assert _reason(path, Limits(docx_mb=2, docx_ratio=1e9)) == (
        "too large unpacked: the .docx holds 3.0 MB, more than the limit of 2.0 MB (--limit docx_mb=N)"
    )
    assert read_file(path, limits=Limits(docx_ratio=1e9)).text == "Đảng ủy"  # a limit raised lets it through


# --- PDF pages and OCR ---------------------------------------------------------------


@pytest.mark.slow
def test_pages_per_pdf(tmp_path: Path) -> None:
    path = samples.write_pdf([f"Đoạn văn số {i}. " * 40 for i in range(60)], tmp_path / "long.pdf")
    n = read_file(path).pages
    assert n and n > 2
    assert _reason(path, Limits(pages=2)) == f"too many pages: {n}, more than the limit of 2 (--limit pages=N)"


def test_ocr_pages_are_capped_before_any_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # today's complaint: a 2,000-page blank PDF went through OCR page by page for 20 minutes
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(5):
        pdf.new_page(595, 842)
    path = tmp_path / "blank.pdf"
    pdf.save(str(path))
    monkeypatch.setattr(ocr, "ocr_available", lambda: True)
    monkeypatch.setattr(ocr, "_tesseract", lambda png: pytest.fail("OCR ran"))
    assert _reason(path, Limits(ocr_pages=4)) == (
        "too many pages to OCR: 5 pages without text, more than the limit of 4 (--limit ocr_pages=N)"
    )


def test_ocr_runs_pages_in_parallel_in_order_with_progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(6):
        pdf.new_page(200, 300)
    running, peak, lock = [0], [0], threading.Lock()
    rendered: list[int] = []

    def fake_render(page) -> bytes:  # noqa: ANN001 - cheap, and tells the pages apart
        rendered.append(len(rendered))
        return f"page {rendered[-1]}".encode()

    def fake_tesseract(png: bytes) -> list[Word]:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.3 if png.endswith(b"0") else 0.1)  # the first page finishes last
        with lock:
            running[0] -= 1
        return [Word(png.decode(), 0, 0, 1, 1)]

    monkeypatch.setattr(ocr, "_render_png", fake_render)
    monkeypatch.setattr(ocr, "_tesseract", fake_tesseract)
    monkeypatch.setenv("VANBAN_OCR_WORKERS", "2")
    progress: list[tuple[int, int]] = []
    words = ocr.ocr_pages(pdf, range(6), lambda done, total: progress.append((done, total)))
    pdf.close()
    assert peak[0] == 2  # two tesseracts at once on two workers
    assert [w[0].text for w in words] == [f"page {i}" for i in range(6)]  # each page's words in its place
    assert progress == [(k, 6) for k in range(1, 7)]


# --- the command line ------------------------------------------------------------------


@pytest.mark.slow
def test_cli_limit_option_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Đảng ủy phường Đồ Sơn. " * 200, encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(app, ["parse", str(path), "--limit", "chars=2000"])
    assert r.exit_code == 1
    assert f"Error: {path}: too long: 4,600 characters of text, more than the limit of 2,000 (--limit chars=N)" in r.output
    monkeypatch.setenv("VANBAN_MAX_CHARS", "2000")
    assert runner.invoke(app, ["parse", str(path)]).exit_code == 1
    assert runner.invoke(app, ["parse", str(path), "--limit", "chars=10000"]).exit_code == 0  # the option wins
    r = runner.invoke(app, ["parse", str(path), "--limit", "colour=1"])
    assert r.exit_code == 1 and "unknown limit 'colour'" in r.output


@pytest.mark.slow
def test_cli_ingest_reports_a_capped_file_and_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text("THÔNG BÁO\nĐảng ủy phường Đồ Sơn kết luận.", encoding="utf-8")
    (folder / "big.txt").write_text("Đảng ủy. " * 100, encoding="utf-8")
    (folder / "zero.txt").symlink_to("/dev/zero")
    r = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "t.db"), "--no-link", "--no-progress", "--limit", "chars=500"])
    assert r.exit_code == 1, r.output
    assert f"Error: {folder / 'big.txt'}: too long: 900 characters of text, more than the limit of 500 (--limit chars=N)" in r.output
    # the folder walk refuses it before any reader opens it (graph.loader.collect_files)
    assert f"Error: {folder / 'zero.txt'}: not a regular file" in r.output and "character device" in r.output
    assert "ingested 1 documents" in r.output
