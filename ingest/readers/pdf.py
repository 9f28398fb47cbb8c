""".pdf: the text layer (pypdfium2), rebuilt into one paragraph per line by
:mod:`ingest.readers.layout`; pages with no text go through OCR (:mod:`ingest.readers.ocr`),
and the format is then ``pdf-ocr``. Pages are joined with ``"\\f"``."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence

from ingest.legacy import detect_legacy, syllable_score, tcvn3_to_unicode, vni_to_unicode
from ingest.models import RawText
from ingest.readers import ocr
from ingest.readers.common import Options, sniff_hint
from ingest.readers.layout import Word, layout_pages
from vanban.errors import ParseError

# the CLI shows OCR progress on this logger ("scan.pdf: OCR page 3/40")
log = logging.getLogger("ingest.readers")

_MIN_PAGE_LETTERS = 20  # fewer letters than this: a scanned page (a stamp, a page number)


def read_pdf(name: str, data: bytes, opts: Options) -> RawText:
    if b"%PDF" not in data[:1024]:
        raise ParseError(name, "not a PDF file (no %PDF header)" + sniff_hint(data))
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        reason = str(e)
        if "password" in reason.lower():
            raise ParseError(name, "the PDF is encrypted (password-protected)") from None
        raise ParseError(name, f"broken PDF file ({reason})") from None
    limits = opts.limits
    try:
        n = len(pdf)
        if n == 0:
            raise ParseError(name, "the PDF has no pages")
        if n > limits.pages:
            raise ParseError(name, f"too many pages: {n:,}, more than the limit of {limits.pages:,} (--limit pages=N)")
        words = [_pdfium_words(pdf[i]) for i in range(n)]
        texts = layout_pages(words)
        letters = [sum(c.isalpha() for c in t) for t in texts]
        scanned = [i for i, k in enumerate(letters) if k < _MIN_PAGE_LETTERS]
        if len(scanned) < n and _garbled(texts):
            scanned = list(range(n))  # a text layer without a usable Unicode map
        fmt = "pdf"
        if scanned:
            if opts.ocr and ocr.ocr_available():
                if len(scanned) > limits.ocr_pages:
                    raise ParseError(
                        name,
                        f"too many pages to OCR: {len(scanned):,} pages without text, more than the limit of "
                        f"{limits.ocr_pages:,} (--limit ocr_pages=N)",
                    )
                progress = opts.on_page or (lambda done, total: log.info("%s: OCR page %d/%d", name, done, total))
                ocr_words = ocr.ocr_pages(pdf, scanned, progress)
                ocr_texts = layout_pages(ocr_words)
                for i, t in zip(scanned, ocr_texts, strict=True):
                    if sum(c.isalpha() for c in t) > letters[i]:
                        texts[i] = t
                        fmt = "pdf-ocr"
            elif len(scanned) == n:
                why = "OCR disabled" if not opts.ocr else f"OCR unavailable: install tesseract-ocr-vie ({ocr.OCR_INSTALL})"
                raise ParseError(name, f"no text layer and {why}")
    finally:
        pdf.close()
    text = "\f".join(texts)
    if not text.strip():
        raise ParseError(name, "no text found in the PDF (not even by OCR)")
    encoding = None
    legacy = detect_legacy(text)
    if legacy:
        text = tcvn3_to_unicode(text) if legacy == "tcvn3" else vni_to_unicode(text)
        encoding = legacy
    return RawText(text=text, format=fmt, encoding=encoding, pages=n)


def _garbled(texts: Sequence[str]) -> bool:
    """A text layer whose words are mostly not Vietnamese (glyph ids, a broken font map)."""
    text = "\n".join(texts)
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < 30 or detect_legacy(text):
        return False
    return syllable_score(text) < -0.4 * len(words)


def _pdfium_words(page) -> list[Word]:  # noqa: ANN001 - pypdfium2.PdfPage
    """Words of a page's text layer, in the order pdfium stores them, with top-down boxes."""
    import ctypes

    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    rect = raw.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    height = page.get_height()
    words: list[Word] = []
    chars: list[str] = []
    box: list[float] = []

    def flush() -> None:
        if chars:
            text = unicodedata.normalize("NFC", "".join(chars))
            if text.strip():
                words.append(Word(text, box[0], height - box[3], box[2], height - box[1]))
            chars.clear()
            box.clear()

    try:
        for i in range(textpage.count_chars()):
            code = raw.FPDFText_GetUnicode(textpage.raw, i)
            if code == 2:
                code = ord("-")  # pdfium marks a hyphen that ends a line ("559/TB-" + "VP") with U+0002
            ch = chr(code) if 0 < code < 0x110000 else ""
            if not ch or ch.isspace() or ch in "\ufffe\uffff":
                flush()
                continue
            if unicodedata.category(ch) == "Cc":
                flush()
                continue
            raw.FPDFText_GetLooseCharBox(textpage.raw, i, rect_ref)
            left, bottom, right, top = rect.left, rect.bottom, rect.right, rect.top
            if box and not unicodedata.combining(ch):
                size = box[3] - box[1]
                # the next glyph is far away or on another line: a new word
                if left - box[2] > 0.25 * size or left < box[0] - 0.5 * size or bottom > box[3] or top < box[1]:
                    flush()
            chars.append(ch)
            if not box:
                box.extend((left, bottom, right, top))
            else:
                box[:] = [min(box[0], left), min(box[1], bottom), max(box[2], right), max(box[3], top)]
        flush()
    finally:
        textpage.close()
    return words


