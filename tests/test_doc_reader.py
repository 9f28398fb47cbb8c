"""Word 97–2003 .doc files: real ones from an office folder, legacy fonts, batches, and the errors.

The .doc fixtures that are not in tests/data/office are made here by
LibreOffice itself, from a .docx built with python-docx.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from graph.loader import collect_files
from ingest import worddoc
from ingest.legacy import unicode_to_tcvn3, unicode_to_vni
from ingest.normalize import normalize
from ingest.readers import read_file
from vanban.errors import ParseError

OFFICE = Path(__file__).resolve().parent / "data" / "office"

needs_soffice = pytest.mark.skipif(not worddoc.doc_available(), reason=f"needs LibreOffice ({worddoc.DOC_INSTALL})")


def _to_doc(docx: Path) -> Path:
    """Save a .docx as Word 97–2003 with LibreOffice (how an office's .doc files are made)."""
    profile = docx.parent / "lo-profile"
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", "doc:MS Word 97", "--outdir", str(docx.parent), str(docx)],
        check=True, capture_output=True, timeout=300, env={"HOME": str(docx.parent), "PATH": "/usr/bin:/bin"},
    )
    return docx.with_suffix(".doc")


# file, lines that must come out whole (header table cells, a two-line title, the signature)
REAL_DOCS = [
    ("cv-giai-trinh-vp-ubnd-lamdong-2025.doc",
     ["UBND TỈNH LÂM ĐỒNG", "VĂN PHÒNG", "Số: /VP-NC", "V/v báo cáo giải trình việc", "Giải thể Hiệp hội rau quả Đà Lạt",
      "Lâm Đồng, ngày tháng 9 năm 2025", "2. Về đề xuất cho phép thành lập Hiệp hội rau quả tỉnh Lâm Đồng", "Nguyễn Nhân Bản"]),
    ("ttr-atvsld-snv-lamdong-2025.doc",
     ["SỞ NỘI VỤ", "Số: /TTr - SNV", "TỜ TRÌNH", "Về việc đề nghị ban hành Quyết định thành lập",
      "Hội đồng An toàn, vệ sinh lao động trên địa bàn tỉnh Lâm Đồng", "Kính gửi: Ủy ban nhân dân tỉnh Lâm Đồng", "Đỗ Văn Chung"]),
    ("qd-duthao-hoi-ccv-lamdong-2025.doc",
     ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "DỰ THẢO", "QUYẾT ĐỊNH",
      "Căn cứ Nghị quyết số 202/2025/QH15 ngày 12 tháng 06 năm 2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh;",
      "Điều 4. Quyết định này có hiệu lực kể từ ngày ký.", "TM. ỦY BAN NHÂN DÂN"]),
]


@needs_soffice
@pytest.mark.parametrize(("name", "lines"), REAL_DOCS, ids=[r[0] for r in REAL_DOCS])
@pytest.mark.slow
def test_real_doc_files_keep_their_lines(name: str, lines: list[str]) -> None:
    raw = read_file(OFFICE / name)
    assert raw.format == "doc"
    got = {" ".join(line.split()) for line in normalize(raw.text).split("\n")}
    for line in lines:
        assert line in got, line


@needs_soffice
@pytest.mark.parametrize(
    ("font", "convert", "encoding"),
    [(".VnTime", unicode_to_tcvn3, "tcvn3"), ("VNI-Times", unicode_to_vni, "vni")],
)
@pytest.mark.slow
def test_doc_runs_in_legacy_fonts_are_converted(tmp_path: Path, font: str, convert, encoding: str) -> None:  # noqa: ANN001
    from docx import Document

    doc = Document()
    p = doc.add_paragraph()
    p.add_run("Unicode: Đảng ủy; ")
    p.add_run(convert("cũ: Cộng hòa xã hội chủ nghĩa Việt Nam")).font.name = font
    doc.save(tmp_path / "t.docx")
    raw = read_file(_to_doc(tmp_path / "t.docx"))
    assert (raw.format, raw.encoding) == ("doc", encoding)
    assert raw.text == "Unicode: Đảng ủy; cũ: Cộng hòa xã hội chủ nghĩa Việt Nam"


@pytest.mark.parametrize("font", [".VnTime", "VNI-Times"])
def test_unicode_typed_in_a_legacy_font_is_left_alone(tmp_path: Path, font: str) -> None:
    # Offices retype old files in Unicode and keep the old style: read as VNI,
    # "Thông" would become "Thơng" and "không" "khơng" (2 of 171 real office files).
    from docx import Document

    doc = Document()
    doc.add_paragraph().add_run("Thông báo: không phòng, Ngô Tôn").font.name = font
    doc.save(tmp_path / "t.docx")
    raw = read_file(tmp_path / "t.docx")
    assert (raw.text, raw.encoding) == ("Thông báo: không phòng, Ngô Tôn", None)


def test_docx_saved_under_a_doc_name_is_read_as_it_is(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Đảng ủy phường Đồ Sơn")
    doc.save(tmp_path / "renamed.doc")
    raw = read_file(tmp_path / "renamed.doc")
    assert raw.text == "Đảng ủy phường Đồ Sơn"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.4\n...", "not a Word .doc file: it is a PDF file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a Word .doc file: it is a PNG image"),
    ],
)
def test_doc_that_is_something_else(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "x.doc"
    path.write_bytes(data)
    with pytest.raises(ParseError) as err:
        read_file(path)
    assert err.value.reason == reason


@needs_soffice
@pytest.mark.slow
def test_damaged_doc_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.doc"
    path.write_bytes((OFFICE / "cv-giai-trinh-vp-ubnd-lamdong-2025.doc").read_bytes()[:600])
    with pytest.raises(ParseError) as err:
        read_file(path)
    assert err.value.reason.startswith("cannot read the .doc file")


def test_without_libreoffice_the_error_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worddoc, "_soffice", lambda: None)
    monkeypatch.delenv(worddoc.CACHE_ENV, raising=False)
    with pytest.raises(ParseError) as err:
        read_file(OFFICE / "cv-giai-trinh-vp-ubnd-lamdong-2025.doc")
    assert err.value.reason == f"cannot read the .doc file: LibreOffice is not installed ({worddoc.DOC_INSTALL})"


@pytest.mark.slow
def test_a_stuck_conversion_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # LibreOffice waiting on a dialog or a broken file: killed at the limit, the reason says so
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30\n")
    fake.chmod(0o755)
    monkeypatch.setattr(worddoc, "_soffice", lambda: str(fake))
    monkeypatch.delenv(worddoc.CACHE_ENV, raising=False)
    monkeypatch.setenv("VANBAN_MAX_CONVERT_S", "1")
    with pytest.raises(ParseError) as err:
        read_file(OFFICE / "cv-giai-trinh-vp-ubnd-lamdong-2025.doc")
    assert err.value.reason == "cannot read the .doc file: LibreOffice took longer than 1 s"


@needs_soffice
@pytest.mark.slow
def test_batch_conversion_is_what_the_reader_uses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(OFFICE.glob("*.doc"))
    calls: list[int] = []
    run = worddoc._run_soffice

    def counting(inputs, outdir, timeout, profile):  # noqa: ANN001, ANN202
        calls.append(len(inputs))
        return run(inputs, outdir, timeout, profile)

    monkeypatch.setattr(worddoc, "_run_soffice", counting)
    with worddoc.batch_convert([*files, tmp_path / "not-a-doc.txt"], workers=1) as converted:
        assert converted == len(files)
        assert calls == [len(files)]  # one LibreOffice run for the whole batch
        texts = [read_file(f).text for f in files]  # no further run: read from the batch's folder
        assert calls == [len(files)]
    assert all("LÂM ĐỒNG" in t for t in texts)
    assert worddoc.CACHE_ENV not in __import__("os").environ


def test_folder_walk_picks_up_doc_files(tmp_path: Path) -> None:
    for name in ("a.txt", "b.docx", "c.doc", "d.PDF", "e.xls"):
        (tmp_path / name).write_bytes(b"x")
    files, skipped, failures = collect_files([tmp_path])
    assert [f.name for f in files] == ["a.txt", "b.docx", "c.doc", "d.PDF"]
    assert skipped == [str(tmp_path / "e.xls")] and failures == []
