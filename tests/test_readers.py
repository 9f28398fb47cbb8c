"""Readers: .txt in every encoding, .docx in reading order, text and scanned PDF, and the errors.

Every binary fixture is built here, in tmp_path, from the seeds' paragraphs
(tools/make_sample_files.py); none is committed.
"""

from __future__ import annotations

import importlib.util
import io
import os
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest

from ingest.legacy import encode_legacy, unicode_to_tcvn3, unicode_to_vni
from ingest.normalize import normalize
from ingest.readers import decode_text, ocr, ocr_available, read_file
from tests.helpers import corpus_path
from vanban.errors import ParseError, UnsupportedFormat

ROOT = Path(__file__).resolve().parent.parent
SEED = corpus_path("seeds/003_283bb7c43c322961.txt")

_spec = importlib.util.spec_from_file_location("make_sample_files", ROOT / "tools" / "make_sample_files.py")
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)

needs_ocr = pytest.mark.skipif(not ocr_available(), reason="needs tesseract-ocr with tesseract-ocr-vie")


def _seed(path: Path = SEED) -> tuple[tuple[list[str], list[str]], list[str]]:
    """A seed's header lines and paragraphs, the seed's own broken paragraphs joined (by normalize)."""
    return samples.split_document(normalize(path.read_text(encoding="utf-8")))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


# --- .txt -----------------------------------------------------------------------

SENTENCE = "Ủy ban nhân dân phường Đồ Sơn triển khai Nghị quyết số 57-NQ/TW.\nTHÔNG BÁO KẾT LUẬN"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SENTENCE.encode("utf-8"), "utf-8"),
        (SENTENCE.encode("utf-8-sig"), "utf-8-sig"),  # Notepad's BOM
        (SENTENCE.encode("utf-16"), "utf-16"),  # BOM + little-endian
        (b"\xfe\xff" + SENTENCE.encode("utf-16-be"), "utf-16"),
        (SENTENCE.encode("utf-16-le"), "utf-16"),  # no BOM: told by its NUL bytes
        (encode_legacy(SENTENCE, "cp1258"), "cp1258"),  # Windows Vietnamese, tones as combining bytes
        (encode_legacy(SENTENCE, "vni"), "vni"),
        (unicode_to_vni(SENTENCE).encode("utf-8"), "vni"),  # VNI mojibake saved as UTF-8
    ],
)
def test_txt_encodings(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    raw = read_file(path)
    assert (raw.format, raw.encoding, raw.pages) == ("txt", encoding, None)
    assert unicodedata.normalize("NFC", raw.text) == SENTENCE


@pytest.mark.parametrize("carrier", ["bytes", "utf-8 mojibake"])
def test_txt_tcvn3(tmp_path: Path, carrier: str) -> None:
    # TCVN3 keeps toned capitals only in capitals: "Ủy" comes back as "ủy"
    legacy = unicode_to_tcvn3(SENTENCE)
    path = tmp_path / "doc.txt"
    path.write_bytes(legacy.encode("cp1252") if carrier == "bytes" else legacy.encode("utf-8"))
    raw = read_file(path)
    assert raw.encoding == "tcvn3"
    assert raw.text.split("\n")[1] == "THÔNG BÁO KẾT LUẬN"
    assert raw.text.lower() == SENTENCE.lower()


def test_txt_whole_seed_in_every_encoding(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    for encoding in ("cp1258", "vni", "tcvn3"):
        path = tmp_path / f"seed.{encoding}.txt"
        path.write_bytes(encode_legacy(text, encoding))
        raw = read_file(path)
        assert raw.encoding == encoding
        got = normalize(raw.text)
        assert got.lower() == normalize(text).lower() if encoding == "tcvn3" else got == normalize(text)


def test_decode_text_reports_binary() -> None:
    with pytest.raises(ParseError, match="binary file"):
        decode_text(b"\x00\x01\x02abc\x00")


# --- .docx ----------------------------------------------------------------------


def test_docx_paragraphs_and_tables_in_reading_order(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Trước bảng")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "ĐẢNG BỘ PHƯỜNG ĐỒ SƠN"
    table.cell(0, 0).add_paragraph("BAN THƯỜNG VỤ")
    table.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    table.cell(1, 0).text = ""  # an empty cell is skipped
    table.cell(1, 1).text = "Đồ Sơn, ngày 05 tháng 3 năm 2026"
    doc.add_paragraph("")  # an empty paragraph is skipped
    doc.add_paragraph("Sau bảng")
    doc.save(tmp_path / "t.docx")
    raw = read_file(tmp_path / "t.docx")
    assert raw.text.split("\n") == [
        "Trước bảng",
        "ĐẢNG BỘ PHƯỜNG ĐỒ SƠN",
        "BAN THƯỜNG VỤ",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Đồ Sơn, ngày 05 tháng 3 năm 2026",
        "Sau bảng",
    ]
    assert (raw.format, raw.encoding, raw.pages) == ("docx", None, None)


def test_docx_merged_and_nested_cells_are_read_once(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    table = doc.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Chỉ tiêu"
    table.cell(0, 2).text = "Kết quả"
    table.cell(1, 0).text = "Hồ sơ"
    inner = table.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "tiếp nhận 3.114"
    inner.cell(0, 1).text = "giải quyết 3.096"
    table.cell(1, 2).text = "99,4%"
    doc.save(tmp_path / "t.docx")
    assert read_file(tmp_path / "t.docx").text.split("\n") == [
        "Chỉ tiêu",
        "Kết quả",
        "Hồ sơ",
        "tiếp nhận 3.114",
        "giải quyết 3.096",
        "99,4%",
    ]


def test_docx_writes_out_automatic_numbers(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Nhiệm vụ trọng tâm:")
    doc.add_paragraph("Công tác xây dựng Đảng", style="List Number")
    doc.add_paragraph("Công tác chính quyền", style="List Number")
    doc.add_paragraph("rà soát hồ sơ", style="List Bullet")
    doc.save(tmp_path / "t.docx")
    assert read_file(tmp_path / "t.docx").text.split("\n") == [
        "Nhiệm vụ trọng tâm:",
        "1. Công tác xây dựng Đảng",
        "2. Công tác chính quyền",
        "• rà soát hồ sơ",
    ]


@pytest.mark.parametrize(
    ("font", "convert", "encoding"),
    [(".VnTime", unicode_to_tcvn3, "tcvn3"), ("VNI-Times", unicode_to_vni, "vni")],
)
def test_docx_runs_in_legacy_fonts(tmp_path: Path, font: str, convert, encoding: str) -> None:
    from docx import Document

    doc = Document()
    p = doc.add_paragraph()
    p.add_run("Unicode: Đảng ủy; ")
    run = p.add_run(convert("cũ: Cộng hòa xã hội chủ nghĩa Việt Nam"))
    run.font.name = font
    doc.save(tmp_path / "t.docx")
    raw = read_file(tmp_path / "t.docx")
    assert raw.text == "Unicode: Đảng ủy; cũ: Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert raw.encoding == encoding


def test_docx_typed_in_a_legacy_font_without_its_name(tmp_path: Path) -> None:
    # the font was renamed or lost: the text itself shows it is TCVN3
    from docx import Document

    doc = Document()
    for para in ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Sè 02-TB/§U, ngµy 05 th¸ng 3 n¨m 2026"):
        doc.add_paragraph(para)
    doc.save(tmp_path / "t.docx")
    raw = read_file(tmp_path / "t.docx")
    assert raw.text == "Cộng hoà xã hội chủ nghĩa Việt Nam\nSố 02-TB/ĐU, ngày 05 tháng 3 năm 2026"
    assert raw.encoding == "tcvn3"


def test_docx_from_seed_keeps_every_paragraph(tmp_path: Path) -> None:
    header, paragraphs = _seed()
    path = samples.write_docx(paragraphs, tmp_path / "seed.docx", header=header)
    assert read_file(path).text.split("\n") == [*header[0], *header[1], *paragraphs]


# --- text PDF ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "page_numbers", "running_header"),
    [
        ("003_283bb7c43c322961.txt", "{n}", None),
        ("003_283bb7c43c322961.txt", "- {n} -", "ĐẢNG BỘ PHƯỜNG ĐỒ SƠN"),
        ("000_af8ae71dad894608.txt", "Trang {n}", None),
    ],
)
def test_pdf_multi_page(tmp_path: Path, seed: str, page_numbers: str, running_header: str | None) -> None:
    header, paragraphs = _seed(corpus_path("seeds") / seed)
    path = samples.write_pdf(
        paragraphs, tmp_path / "seed.pdf", header=header, page_numbers=page_numbers, running_header=running_header
    )
    raw = read_file(path)
    assert raw.format == "pdf" and raw.pages is not None and raw.pages >= 4
    pages = raw.text.split("\f")
    assert len(pages) == raw.pages
    wanted = [normalize(p) for p in paragraphs]
    # the fixture does what it is for: paragraphs run over a page break
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    plain = [_squash(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))]
    pdf.close()
    broken = [p for p in wanted if not any(p in page for page in plain)]
    assert broken
    text = normalize(raw.text)
    assert [p for p in wanted if p not in text.split("\n")] == []
    numbers = {page_numbers.format(n=n) for n in range(1, raw.pages + 1)}
    assert not numbers & set(text.split("\n"))
    if running_header:
        assert running_header not in text


def test_pdf_header_columns_read_column_by_column(tmp_path: Path) -> None:
    left = ["ĐẢNG BỘ PHƯỜNG ĐỒ SƠN", "BAN THƯỜNG VỤ", "*", "Số 02-TB/ĐU"]
    right = ["ĐẢNG CỘNG SẢN VIỆT NAM", "Đồ Sơn, ngày 05 tháng 3 năm 2026"]
    body = ["THÔNG BÁO", "Ban Thường vụ Đảng ủy kết luận như sau:"]
    path = samples.write_pdf(body, tmp_path / "h.pdf", header=(left, right), page_numbers=None)
    assert read_file(path).text.split("\n") == [*left, *right, *body]


def test_pdf_diacritics_survive_decomposed_text(tmp_path: Path) -> None:
    # some producers draw "ệ" as "e" + "̂" + "̣": the reader gives NFC text back
    text = "Việt Nam: Nghị quyết của Ban Thường vụ Đảng ủy về nhiệm vụ trọng tâm."
    path = samples.write_pdf([unicodedata.normalize("NFD", text)], tmp_path / "d.pdf", page_numbers=None)
    assert normalize(read_file(path).text) == text


def test_pdf_text_layer_in_a_legacy_font(tmp_path: Path) -> None:
    # a PDF printed from a .VnTime document: its text layer holds TCVN3 code points
    _, paragraphs = _seed()
    body = [p for p in paragraphs if not samples._is_heading(p)][:6]
    path = samples.write_canvas_pdf([unicode_to_tcvn3(p) for p in body], tmp_path / "old.pdf")
    raw = read_file(path)
    assert raw.encoding == "tcvn3"
    assert normalize(raw.text).lower() == normalize("\n".join(body)).lower()


# --- scanned PDF (OCR) ------------------------------------------------------------

SCAN_LINES = [
    "THÔNG BÁO",
    "Ban Thường vụ Đảng ủy phường Đồ Sơn kết luận:",
    "Tiếp tục triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ.",
]


@needs_ocr
@pytest.mark.slow
def test_scanned_pdf_goes_through_ocr(tmp_path: Path) -> None:
    path = samples.write_scanned_pdf(SCAN_LINES, tmp_path / "scan.pdf")
    raw = read_file(path)
    assert (raw.format, raw.pages) == ("pdf-ocr", 1)
    got = set(normalize(raw.text).split())
    want = normalize(" ".join(SCAN_LINES)).split()
    assert sum(w in got for w in want) >= 0.9 * len(want)
    # wrapped lines come back as one paragraph
    assert len([line for line in normalize(raw.text).split("\n") if line.strip()]) == len(SCAN_LINES)


def test_scanned_pdf_without_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = samples.write_scanned_pdf(SCAN_LINES[:1], tmp_path / "scan.pdf")
    with pytest.raises(ParseError) as err:
        read_file(path, ocr=False)
    assert err.value.reason == "no text layer and OCR disabled"
    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    with pytest.raises(ParseError) as err:
        read_file(path)
    assert err.value.reason.startswith("no text layer and OCR unavailable: install tesseract-ocr-vie")


# --- errors -----------------------------------------------------------------------


def _zip_without_document() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("content.xml", "<x/>")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("empty.docx", b"", "empty file"),
        ("empty.pdf", b"", "empty file"),
        ("blank.txt", b"  \r\n\t\n", "empty file"),
        ("nul.txt", b"abc\x00\x00\x01\x02def", "binary file (NUL bytes), not text"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (a PNG image), not text"),
        ("controls.txt", bytes(range(1, 9)) * 50, "binary file (control characters), not text"),
        ("notzip.docx", "Nghị quyết".encode(), "not a .docx file (not a zip archive)"),
        ("pdf.docx", b"%PDF-1.4\n...", "not a .docx file (not a zip archive): it is a PDF file"),
        ("other.docx", _zip_without_document(), "not a Word document (the zip has no word/document.xml)"),
        ("broken.docx", b"PK\x03\x04garbage", "broken .docx file (damaged zip archive)"),
        ("text.pdf", "Nghị quyết".encode(), "not a PDF file (no %PDF header)"),
    ],
)
def test_bad_input_is_a_named_error(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ParseError) as err:
        read_file(path)
    assert err.value.reason == reason
    assert err.value.path == str(path)
    assert str(err.value) == f"{path}: {reason}"


def test_truncated_pdf(tmp_path: Path) -> None:
    good = samples.write_pdf(["Nghị quyết của Ban Thường vụ"], tmp_path / "good.pdf")
    path = tmp_path / "cut.pdf"
    path.write_bytes(good.read_bytes()[:300])
    with pytest.raises(ParseError, match="broken PDF file"):
        read_file(path)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("a.rtf", "unsupported file type .rtf (save it as .docx); vanban reads .txt, .docx, .doc, .pdf"),
        ("a.xlsx", "unsupported file type .xlsx; vanban reads .txt, .docx, .doc, .pdf"),
        ("README", "unsupported file type (no extension); vanban reads .txt, .docx, .doc, .pdf"),
    ],
)
def test_unknown_extension(tmp_path: Path, name: str, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"x")
    with pytest.raises(UnsupportedFormat) as err:
        read_file(path)
    assert err.value.reason == reason


def test_upper_case_extension_is_read(tmp_path: Path) -> None:
    (tmp_path / "A.TXT").write_text("Đảng ủy", encoding="utf-8")
    assert read_file(tmp_path / "A.TXT").text == "Đảng ủy"


def test_directory_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(ParseError) as err:
        read_file(tmp_path / "folder.txt")
    assert err.value.reason == "is a directory, not a file"
    with pytest.raises(ParseError) as err:
        read_file(tmp_path / "missing.txt")
    assert err.value.reason == "no such file"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Mật", encoding="utf-8")
    if os.geteuid() != 0:  # root reads anything: simulate the refusal then
        path.chmod(0)
    else:

        def refuse(self: Path, *args: object, **kwargs: object) -> bytes:
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "open", refuse)
    try:
        with pytest.raises(ParseError) as err:
            read_file(path)
        assert err.value.reason == "permission denied: the file cannot be read"
    finally:
        path.chmod(0o644)
