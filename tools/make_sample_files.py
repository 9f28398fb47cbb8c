"""Write a document's text as .docx, text PDF, scanned (image-only) PDF and legacy-encoded .txt.

For trying ``vanban parse`` on real formats, and used by the tests to build
their fixtures at run time (no binary fixture is committed)::

    python tools/make_sample_files.py tests/data/corpus/seeds/003_283bb7c43c322961.txt /tmp/samples

writes ``/tmp/samples/<stem>.docx``, ``<stem>.pdf`` (several pages, page
numbers, a header table), ``<stem>-scan.pdf`` (the first page as an image,
for OCR) and ``<stem>.tcvn3.txt``, ``<stem>.vni.txt``, ``<stem>.cp1258.txt``.

Fonts: DejaVu Sans (Debian ``fonts-dejavu-core``), which has every Vietnamese
letter.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

# The line naming the document's type opens its title; lines before it are the
# header block ("ĐẢNG BỘ ...", "Số 02-TB/ĐU", "Đồ Sơn, ngày ...").
_TITLE = re.compile(r"^(NGHỊ QUYẾT|THÔNG BÁO|BÁO CÁO|CHỈ THỊ|KẾ HOẠCH|QUYẾT ĐỊNH|HƯỚNG DẪN|QUY ĐỊNH|CÔNG VĂN)\b")
_RIGHT = re.compile(r"(ngày|tháng|năm \d|CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|Độc lập)", re.I)


def split_document(text: str) -> tuple[tuple[list[str], list[str]], list[str]]:
    """``((left header lines, right header lines), body paragraphs)`` of a plain-text document."""
    lines = [line.replace("**", "").strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    start = next((i for i, line in enumerate(lines) if _TITLE.match(line)), 0)
    left = [line for line in lines[:start] if not _RIGHT.search(line)]
    right = [line for line in lines[:start] if _RIGHT.search(line)]
    return (left, right), lines[start:]


def _is_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(line) < 90 and bool(letters) and all(c.isupper() for c in letters)


def write_docx(
    paragraphs: Sequence[str],
    path: str | Path,
    *,
    header: tuple[Sequence[str], Sequence[str]] | None = None,
    table: Sequence[Sequence[str]] | None = None,
) -> Path:
    """A .docx with an optional two-cell header table, the paragraphs, and an optional data table at the end."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    if header and (header[0] or header[1]):
        t = doc.add_table(rows=1, cols=2)
        for cell, lines in zip(t.rows[0].cells, header, strict=True):
            cell.paragraphs[0].text = lines[0] if lines else ""
            for line in lines[1:]:
                cell.add_paragraph(line)
    for text in paragraphs:
        p = doc.add_paragraph(text)
        if _is_heading(text):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in p.runs:
                run.bold = True
    if table:
        t = doc.add_table(rows=len(table), cols=max(len(r) for r in table))
        for row, values in zip(t.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=False):
                cell.text = value
    path = Path(path)
    doc.save(str(path))
    return path


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", FONT))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", FONT_BOLD))


def write_pdf(
    paragraphs: Sequence[str],
    path: str | Path,
    *,
    header: tuple[Sequence[str], Sequence[str]] | None = None,
    font_size: float = 12,
    page_numbers: str | None = "{n}",
    running_header: str | None = None,
) -> Path:
    """A text PDF (reportlab): justified paragraphs with a first-line indent, headings centred.

    ``page_numbers`` is a format for the number at the foot of each page
    ("{n}", "- {n} -", "Trang {n}"), None for none; ``running_header`` is
    printed at the top of every page after the first.
    """
    from xml.sax.saxutils import escape

    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _register_fonts()
    body = ParagraphStyle(
        "body",
        fontName="DejaVu",
        fontSize=font_size,
        leading=font_size * 1.35,
        alignment=TA_JUSTIFY,
        firstLineIndent=1 * cm,
        spaceAfter=font_size * 0.4,
    )
    heading = ParagraphStyle(
        "heading",
        parent=body,
        fontName="DejaVu-Bold",
        alignment=TA_CENTER,
        firstLineIndent=0,
    )
    small = ParagraphStyle("small", parent=heading, fontSize=font_size - 1, leading=(font_size - 1) * 1.3, spaceAfter=0)

    def furniture(canvas, doc) -> None:  # noqa: ANN001 - reportlab callback
        canvas.saveState()
        canvas.setFont("DejaVu", font_size - 2)
        n = canvas.getPageNumber()
        if page_numbers:
            canvas.drawCentredString(A4[0] / 2, 1.2 * cm, page_numbers.format(n=n))
        if running_header and n > 1:
            canvas.drawCentredString(A4[0] / 2, A4[1] - 1.3 * cm, running_header)
        canvas.restoreState()

    story: list = []
    if header and (header[0] or header[1]):
        cells = [[Paragraph(escape(line), small) for line in lines] for lines in header]
        t = Table([cells], colWidths=[8 * cm, 9 * cm])
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story += [t, Spacer(1, font_size)]
    for text in paragraphs:
        story.append(Paragraph(escape(text), heading if _is_heading(text) else body))
    path = Path(path)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=3 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title="vanban sample",
        author="vanban",
    )
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def write_canvas_pdf(paragraphs: Sequence[str], path: str | Path, *, font_size: float = 12) -> Path:
    """A text PDF drawn line by line on a reportlab canvas, every character kept as given.

    reportlab's Paragraph drops U+00AD (a soft hyphen to it, "ư" to TCVN3):
    this writer is for text in a legacy encoding, as a PDF printed from a
    ``.VnTime`` document holds it. Ragged right, a first-line indent.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    _register_fonts()
    leading = font_size * 1.35
    left, right, top, bottom = 3 * cm, A4[0] - 2 * cm, A4[1] - 2 * cm, 2 * cm
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("DejaVu", font_size)
    y = top

    def put(x: float, text: str) -> None:
        nonlocal y
        if y - leading < bottom:
            canvas.showPage()
            canvas.setFont("DejaVu", font_size)
            y = top
        y -= leading
        canvas.drawString(x, y, text)

    for para in paragraphs:
        line, indent = "", 1 * cm
        for word in para.split():
            trial = f"{line} {word}".strip()
            if line and stringWidth(trial, "DejaVu", font_size) > right - left - indent:
                put(left + indent, line)
                line, indent = word, 0
            else:
                line = trial
        put(left + indent, line)
        y -= leading / 2
    canvas.save()
    return Path(path)


def wrap_lines(paragraphs: Sequence[str], width_px: float, font) -> list[str]:  # noqa: ANN001 - PIL font
    """Greedy word wrap of paragraphs into lines no wider than ``width_px``, a blank line between paragraphs."""
    lines: list[str] = []
    for text in paragraphs:
        line = ""
        for word in text.split():
            trial = f"{line} {word}".strip()
            if line and font.getlength(trial) > width_px:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
        lines.append("")
    return lines


def write_scanned_pdf(paragraphs: Sequence[str], path: str | Path, *, dpi: int = 150, max_lines: int = 40) -> Path:
    """A one-page PDF holding only an image of the text (as a scanner makes), no text layer."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = int(8.27 * dpi), int(11.69 * dpi)
    font = ImageFont.truetype(FONT, int(12 * dpi / 72))
    margin = int(0.9 * dpi)
    line_height = int(12 * dpi / 72 * 1.45)
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    lines = wrap_lines(paragraphs, width - 2 * margin, font)[:max_lines]
    y = margin
    for line in lines:
        if y + line_height > height - margin:
            break
        draw.text((margin, y), line, font=font, fill=0)
        y += line_height
    path = Path(path)
    img.save(str(path), "PDF", resolution=dpi)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("text", type=Path, help="a UTF-8 .txt document (e.g. a seed)")
    parser.add_argument("out", type=Path, help="folder to write into")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from ingest.legacy import encode_legacy

    text = args.text.read_text(encoding="utf-8-sig")
    header, paragraphs = split_document(text)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.text.stem
    written = [
        write_docx(paragraphs, args.out / f"{stem}.docx", header=header),
        write_pdf(paragraphs, args.out / f"{stem}.pdf", header=header, page_numbers="- {n} -"),
        write_scanned_pdf([*header[0], *header[1], *paragraphs], args.out / f"{stem}-scan.pdf"),
    ]
    for encoding in ("tcvn3", "vni", "cp1258"):
        target = args.out / f"{stem}.{encoding}.txt"
        target.write_bytes(encode_legacy(text.replace("**", ""), encoding))
        written.append(target)
    for p in written:
        print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
