"""Stage 1: a file -> :class:`~ingest.models.RawText`.

``read_file(path)`` reads

* ``.txt``: UTF-8 (with or without BOM), UTF-16 (BOM), Windows-1258, and the
  legacy TCVN3/VNI encodings, as bytes or as mojibake inside UTF-8
  (:func:`decode_text`, :mod:`ingest.legacy`);
* ``.docx``: the body's paragraphs and tables in reading order, one paragraph
  or table-cell paragraph per line, automatic list numbers written out, runs
  in ``.VnTime``/``VNI-`` fonts converted;
* ``.pdf``: the text layer (pypdfium2), rebuilt into one paragraph per line;
  pages with no text go through OCR (``tesseract -l vie``), and the format is
  then ``pdf-ocr``.

Pages are joined with ``"\\f"`` so that :func:`ingest.normalize.normalize` can
drop page numbers and running headers and join a paragraph split by a page.
Every failure is a :class:`~vanban.errors.ParseError` (or
:class:`~vanban.errors.UnsupportedFormat`) naming the file and the reason.
"""

from __future__ import annotations

import functools
import io
import logging
import os
import re
import shutil
import stat
import statistics
import subprocess
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest import worddoc
from ingest.legacy import detect_legacy, syllable_score, tcvn3_to_unicode, vni_to_unicode
from ingest.limits import Limits
from ingest.models import RawText
from vanban.errors import ParseError, UnsupportedFormat

__all__ = [
    "EXTENSIONS",
    "Word",
    "decode_text",
    "detect_legacy",
    "layout_pages",
    "ocr_available",
    "read_file",
    "tcvn3_to_unicode",
    "vni_to_unicode",
]

log = logging.getLogger(__name__)

#: The extensions read_file accepts, and the format each gives.
EXTENSIONS = {".txt": "txt", ".docx": "docx", ".doc": "doc", ".pdf": "pdf"}
_VALID = ", ".join(EXTENSIONS)
_HINTS = {
    ".rtf": " (save it as .docx)",
    ".odt": " (save it as .docx)",
}

#: tesseract's Vietnamese model; the apt line that installs what OCR needs.
OCR_INSTALL = "apt-get install -y tesseract-ocr tesseract-ocr-vie"
OCR_DPI = 300
OCR_TIMEOUT = 180  # seconds per page

#: on_page(done, total): called as each OCR'd page of a scanned PDF comes back
PageProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class _Options:
    ocr: bool
    limits: Limits
    on_page: PageProgress | None = None


def read_file(path: str | Path, *, ocr: bool = True, limits: Limits | None = None, on_page: PageProgress | None = None) -> RawText:
    """Read a .txt, .docx, .doc or .pdf file into raw text (see the module docstring).

    ``ocr=False`` never runs tesseract: a PDF without a text layer is then an error.
    ``limits`` (default :meth:`Limits.from_env`) caps what the file may cost;
    ``on_page(done, total)`` reports OCR progress page by page.
    """
    name = str(path)
    p = Path(path)
    limits = limits or Limits.from_env()
    if p.is_dir():
        raise ParseError(name, "is a directory, not a file")
    ext = p.suffix.lower()
    if ext not in EXTENSIONS:
        shown = ext or "(no extension)"
        raise UnsupportedFormat(name, f"unsupported file type {shown}{_HINTS.get(ext, '')}; vanban reads {_VALID}")
    data = _read_bytes(name, p, limits)
    if not data.strip():
        raise ParseError(name, "empty file")
    raw = _READERS[ext](name, data, _Options(ocr, limits, on_page))
    if len(raw.text) > limits.chars:
        raise ParseError(name, f"too long: {len(raw.text):,} characters of text, more than the limit of {limits.chars:,} (--limit chars=N)")
    return raw


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _read_bytes(name: str, p: Path, limits: Limits) -> bytes:
    """The file's bytes; only a regular file, and no more than ``limits.file_mb``.

    A symlink is followed, and what it points to must be a regular file too: a
    ``.txt`` linked to ``/dev/zero`` or a FIFO would never end.
    """
    try:
        st = p.stat()
    except FileNotFoundError:
        raise ParseError(name, "no such file") from None
    except PermissionError:
        raise ParseError(name, "permission denied: the file cannot be read") from None
    except OSError as e:
        raise ParseError(name, f"cannot read the file: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise ParseError(name, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        what = next((w for test, w in _KINDS if test(st.st_mode)), "a special file")
        raise ParseError(name, f"not a regular file: it is {what}")
    cap = limits.file_bytes
    if st.st_size > cap:
        raise ParseError(name, f"too large: {_mb(st.st_size)}, more than the limit of {_mb(cap)} (--limit file_mb=N)")
    try:
        with p.open("rb") as f:
            data = f.read(cap + 1)
    except PermissionError:
        raise ParseError(name, "permission denied: the file cannot be read") from None
    except IsADirectoryError:
        raise ParseError(name, "is a directory, not a file") from None
    except OSError as e:
        raise ParseError(name, f"cannot read the file: {e.strerror or e}") from None
    if len(data) > cap:  # it grew while we read it
        raise ParseError(name, f"too large: more than the limit of {_mb(cap)} (--limit file_mb=N)")
    return data


def _mb(n: float) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


# --- .txt ---------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Control characters text files do not hold (tab, LF, VT, FF, CR and ESC-free text allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a zip archive (a .docx?)"),
    (b"\xd0\xcf\x11\xe0", "an old Office (.doc/.xls) file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"{\\rtf", "an RTF file"),
)


class _NotText(ValueError):
    """Bytes that are no text in any encoding vanban knows."""


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a text file's bytes: ``(text, encoding)``.

    The encoding is ``utf-8``, ``utf-8-sig``, ``utf-16`` (by its BOM or its
    NUL bytes), ``cp1258``, ``tcvn3`` or ``vni``. Bytes that are not UTF-8 are
    decoded each way, and the decoding with the most valid Vietnamese
    syllables wins; text that is valid UTF-8 but reads as TCVN3/VNI mojibake
    ("Céng hoµ") is converted too. Raises :class:`~vanban.errors.ParseError`
    (path ``"<bytes>"``) for binary data.

    >>> decode_text("Cộng hòa".encode())
    ('Cộng hòa', 'utf-8')
    >>> decode_text("Céng hoµ x· héi chñ nghÜa".encode("cp1252"))
    ('Cộng hoà xã hội chủ nghĩa', 'tcvn3')
    """
    try:
        return _decode(data)
    except _NotText as e:
        raise ParseError("<bytes>", str(e)) from None


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _unicode(data.decode(encoding), encoding)
    utf16 = _sniff_utf16(data)
    if utf16:
        return _unicode(data.decode(utf16), "utf-16")
    if b"\x00" in data:
        raise _NotText(_binary_reason(data))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _unicode(text, "utf-8")
    head = data.lstrip()[:8]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise _NotText(f"binary file ({what}), not text")
    candidates = [
        ("cp1258", unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))),
        ("tcvn3", tcvn3_to_unicode(_western(data))),
        ("vni", vni_to_unicode(_western(data))),
    ]
    # ties go to Windows-1258, the encoding Windows itself names Vietnamese
    encoding, text = max(candidates, key=lambda c: syllable_score(c[1]))
    _check_text(text)
    return text, encoding


def _unicode(text: str, encoding: str) -> tuple[str, str]:
    text = text.lstrip("\ufeff")
    _check_text(text)
    legacy = detect_legacy(text)
    if legacy == "tcvn3":
        return tcvn3_to_unicode(text), "tcvn3"
    if legacy == "vni":
        return vni_to_unicode(text), "vni"
    return text, encoding


def _check_text(text: str) -> None:
    bad = len(_CONTROL.findall(text))
    if "\x00" in text or bad > max(2, len(text) // 100):
        raise _NotText("binary file (control characters), not text")
    if not text.strip():
        raise _NotText("empty file (only white space)")


def _binary_reason(data: bytes) -> str:
    head = data.lstrip()[:8]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"binary file ({what}), not text"
    return "binary file (NUL bytes), not text"


def _sniff_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' for BOM-less UTF-16: NUL in every other byte of ASCII letters."""
    sample = data[:4000]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.02 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.02 * len(odd):
        return "utf-16-be"
    return None


@functools.cache
def _western_table() -> dict[int, str]:
    # Windows-1252 where it defines a byte, Latin-1 elsewhere: what legacy-font
    # bytes look like once a Western program has opened them
    table = {}
    for b in range(256):
        try:
            table[b] = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            table[b] = chr(b)
    return table


def _western(data: bytes) -> str:
    return data.decode("latin-1").translate(_western_table())


def _read_txt(name: str, data: bytes, opts: _Options) -> RawText:
    if len(data) > 4 * opts.limits.chars:  # no encoding spends more than 4 bytes on a character
        raise ParseError(name, f"too long: {_mb(len(data))} of text, more than the limit of {opts.limits.chars:,} characters (--limit chars=N)")
    try:
        text, encoding = _decode(data)
    except _NotText as e:
        raise ParseError(name, str(e)) from None
    return RawText(text=text, format="txt", encoding=encoding, pages=None)


# --- .docx --------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _read_docx(name: str, data: bytes, opts: _Options) -> RawText:
    if not data.startswith(b"PK"):
        raise ParseError(name, "not a .docx file (not a zip archive)" + _sniff_hint(data))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ParseError(name, "broken .docx file (damaged zip archive)") from None
    if "word/document.xml" not in {i.filename for i in infos}:
        raise ParseError(name, "not a Word document (the zip has no word/document.xml)")
    _check_zip(name, infos, opts.limits)
    try:
        from docx import Document

        doc = Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many kinds on a damaged package
        raise ParseError(name, f"broken .docx file ({type(e).__name__}: {e})") from None
    reader = _DocxReader(doc)
    lines = reader.block_lines(doc.element.body)
    text = "\n".join(lines)
    if not text.strip():
        raise ParseError(name, "the document has no text")
    encoding = "tcvn3" if reader.legacy_runs else None
    legacy = detect_legacy(text)
    if legacy:
        text = tcvn3_to_unicode(text) if legacy == "tcvn3" else vni_to_unicode(text)
        encoding = legacy
    elif reader.legacy_runs:
        encoding = reader.legacy_runs.most_common(1)[0][0]
    return RawText(text=text, format="docx", encoding=encoding, pages=None)


# --- .doc (Word 97–2003) -----------------------------------------------------------

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _read_doc(name: str, data: bytes, opts: _Options) -> RawText:
    """A Word 97–2003 file: LibreOffice makes a .docx of it (:mod:`ingest.worddoc`), read as a .docx.

    Offices also save RTF and HTML under a .doc name; LibreOffice reads those
    too. A .docx renamed .doc is read directly.
    """
    if data.startswith(b"PK"):
        return _read_docx(name, data, opts)
    head = data.lstrip()[:8]
    if not (data.startswith(_OLE) or head.startswith((b"{\\rtf", b"<", b"MIME"))):
        for magic, what in _MAGIC:
            if head.startswith(magic):
                raise ParseError(name, f"not a Word .doc file: it is {what}")
    try:
        docx = worddoc.convert(data, timeout=opts.limits.convert_s)
    except worddoc.ConversionFailed as e:
        raise ParseError(name, f"cannot read the .doc file: {e}") from None
    raw = _read_docx(name, docx, opts)
    return RawText(text=raw.text, format="doc", encoding=raw.encoding, pages=None)


def _check_zip(name: str, infos: Sequence[zipfile.ZipInfo], limits: Limits) -> None:
    """Refuse a .docx whose parts would unpack to more than the limits allow (a zip bomb).

    Judged from the sizes the archive declares, before anything is unpacked;
    python-docx reads a part with ``zipfile``, which stops at the declared size.
    """
    total = sum(i.file_size for i in infos)
    if total > limits.docx_bytes:
        raise ParseError(name, f"too large unpacked: the .docx holds {_mb(total)}, more than the limit of {_mb(limits.docx_bytes)} (--limit docx_mb=N)")
    for i in infos:
        if i.file_size > 1024 * 1024 and i.file_size > limits.docx_ratio * max(i.compress_size, 1):
            ratio = i.file_size / max(i.compress_size, 1)
            raise ParseError(
                name,
                f"suspicious .docx: {i.filename} unpacks {ratio:,.0f} times its packed size ({_mb(i.file_size)}), "
                f"more than the limit of {limits.docx_ratio:g} (--limit docx_ratio=N)",
            )


def _sniff_hint(data: bytes) -> str:
    head = data.lstrip()[:8]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f": it is {what}"
    return ""


def _legacy_font(font: str | None) -> str | None:
    """'tcvn3' for the ABC fonts (".VnTime", ".VnArialH"), 'vni' for "VNI-Times"..., else None."""
    if not font:
        return None
    f = font.strip().lower()
    if f.startswith(".vn"):
        return "tcvn3"
    if f.startswith("vni-") or f.startswith("vni "):
        return "vni"
    return None


class _DocxReader:
    """Walks a document body in reading order: paragraphs, tables (row by row, cell by cell), content controls."""

    def __init__(self, doc) -> None:  # noqa: ANN001 - docx.document.Document
        self.doc = doc
        self.numbering = _Numbering(doc)
        self.legacy_runs: Counter[str] = Counter()
        self._style_fonts: dict[str, str | None] = {}
        try:
            self.default_font = doc.styles["Normal"].font.name
        except KeyError:
            self.default_font = None

    def block_lines(self, parent) -> list[str]:  # noqa: ANN001 - lxml element
        lines: list[str] = []
        for child in parent.iterchildren():
            tag = child.tag
            if tag == _W + "p":
                lines.extend(self.paragraph_lines(child))
            elif tag == _W + "tbl":
                for tr in child.iter(_W + "tr"):
                    if _nearest(tr, _W + "tbl") is not child:
                        continue  # a row of a nested table: read with its cell
                    for tc in tr.iterchildren(_W + "tc"):
                        lines.extend(self.block_lines(tc))
            elif tag in (_W + "sdt", _W + "customXml"):
                content = child.find(_W + "sdtContent")
                lines.extend(self.block_lines(content if content is not None else child))
            elif tag in (_W + "sdtContent", _W + "ins", _W + "smartTag"):
                lines.extend(self.block_lines(child))
        return lines

    def paragraph_lines(self, p) -> list[str]:  # noqa: ANN001
        style_el = p.find(f"{_W}pPr/{_W}pStyle")
        style_id = style_el.get(_W + "val") if style_el is not None else None
        parts: list[tuple[str, str | None]] = []
        boxes: list[str] = []
        for r in p.iter(_W + "r"):
            if _nearest(r, _W + "p") is not p:
                continue  # a run of a text box inside this paragraph
            if _inside(r, p, _W + "del"):
                continue
            parts.append(self.run_text(r, style_id))
        for box in p.iter(_W + "txbxContent"):
            if _inside(box, p, _MC_FALLBACK) or _nearest(box.getparent(), _W + "p") is not p:
                continue  # the VML copy of a text box drawn twice, or a box in a box
            boxes.extend(self.block_lines(box))
        text = self.legacy_join(parts)
        lines = []
        if text.strip():
            number = self.numbering.label(p, style_id, self.doc)
            lines.append((number + " " if number else "") + text.strip())
        return lines + boxes

    def legacy_join(self, parts: Sequence[tuple[str, str | None]]) -> str:
        """A paragraph's runs joined, those in a legacy font converted when that makes better Vietnamese.

        A font name is only a hint: offices retype old documents in Unicode
        and keep the ``VNI-Times`` style ("Thông" in a VNI font would become
        "Thơng"), so the conversion must turn more words into valid syllables.
        """
        plain = "".join(t for t, _ in parts)
        if not any(enc for _, enc in parts):
            return plain
        converted = "".join((tcvn3_to_unicode(t) if enc == "tcvn3" else vni_to_unicode(t)) if enc else t for t, enc in parts)
        if converted == plain or syllable_score(converted) <= syllable_score(plain):
            return plain
        for _, enc in parts:
            if enc:
                self.legacy_runs[enc] += 1
        return converted

    def run_text(self, r, style_id: str | None) -> tuple[str, str | None]:  # noqa: ANN001
        out = []
        for el in r.iterchildren():
            tag = el.tag
            if tag == _W + "t":
                out.append(el.text or "")
            elif tag == _W + "tab":
                out.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                out.append("\n")
            elif tag == _W + "noBreakHyphen":
                out.append("-")
        text = "".join(out)
        return text, (_legacy_font(self._run_font(r, style_id)) if text else None)

    def _run_font(self, r, style_id: str | None) -> str | None:  # noqa: ANN001
        fonts = r.find(f"{_W}rPr/{_W}rFonts")
        if fonts is not None:
            for attr in ("ascii", "hAnsi"):
                if fonts.get(_W + attr):
                    return fonts.get(_W + attr)
        rstyle = r.find(f"{_W}rPr/{_W}rStyle")
        if rstyle is not None:
            font = self._style_font(rstyle.get(_W + "val"))
            if font:
                return font
        return (self._style_font(style_id) if style_id else None) or self.default_font

    def _style_font(self, style_id: str | None) -> str | None:
        if not style_id:
            return None
        if style_id not in self._style_fonts:
            font = None
            style = self.doc.styles.element.get_by_id(style_id)
            while style is not None and font is None:
                rfonts = style.find(f"{_W}rPr/{_W}rFonts")
                if rfonts is not None:
                    font = rfonts.get(_W + "ascii") or rfonts.get(_W + "hAnsi")
                based = style.find(_W + "basedOn")
                style = self.doc.styles.element.get_by_id(based.get(_W + "val")) if based is not None else None
            self._style_fonts[style_id] = font
        return self._style_fonts[style_id]


def _nearest(el, tag: str):  # noqa: ANN001, ANN202
    """The closest ancestor of ``el`` (or ``el`` itself) with ``tag``."""
    while el is not None and el.tag != tag:
        el = el.getparent()
    return el


def _inside(el, stop, tag: str) -> bool:  # noqa: ANN001
    el = el.getparent()
    while el is not None and el is not stop:
        if el.tag == tag:
            return True
        el = el.getparent()
    return False


class _Numbering:
    """Automatic list numbers ("1.", "a)", "II.") that Word draws but does not store in the text."""

    def __init__(self, doc) -> None:  # noqa: ANN001
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = doc.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for absnum in root.iterchildren(_W + "abstractNum"):
            levels = {}
            for lvl in absnum.iterchildren(_W + "lvl"):
                ilvl = int(lvl.get(_W + "ilvl", "0"))
                fmt = _val(lvl.find(_W + "numFmt")) or "decimal"
                text = _val(lvl.find(_W + "lvlText")) or ""
                start = int(_val(lvl.find(_W + "start")) or "1")
                levels[ilvl] = (fmt, text, start)
            self.levels[absnum.get(_W + "abstractNumId")] = levels
        for num in root.iterchildren(_W + "num"):
            abstract = _val(num.find(_W + "abstractNumId"))
            overrides = {}
            for o in num.iterchildren(_W + "lvlOverride"):
                override = _val(o.find(_W + "startOverride"))
                if override is not None:
                    overrides[int(o.get(_W + "ilvl", "0"))] = int(override)
            self.nums[num.get(_W + "numId")] = (abstract or "", overrides)

    def label(self, p, style_id: str | None, doc) -> str:  # noqa: ANN001
        numpr = p.find(f"{_W}pPr/{_W}numPr")
        if numpr is None and style_id:
            style = doc.styles.element.get_by_id(style_id)
            numpr = style.find(f"{_W}pPr/{_W}numPr") if style is not None else None
        if numpr is None:
            return ""
        num_id = _val(numpr.find(_W + "numId"))
        ilvl = int(_val(numpr.find(_W + "ilvl")) or "0")
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        fmt, text, start = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, overrides.get(ilvl, start) - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt == "bullet":
            return "•" if not text or any("\ue000" <= c <= "\uf8ff" for c in text) else text
        if fmt == "none":
            return text if "%" not in text else ""

        def level_value(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            kfmt, _, kstart = levels.get(k, ("decimal", "", 1))
            value = counters.get(k, overrides.get(k, kstart))
            return _format_number(value, kfmt)

        return re.sub(r"%([1-9])", level_value, text)


def _val(el) -> str | None:  # noqa: ANN001
    return el.get(_W + "val") if el is not None else None


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s.lower() if fmt == "lowerRoman" else s
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


# --- PDF layout -----------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    """A word on a page and its box, ``top`` < ``bottom`` (y grows downwards), in any unit."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class _Line:
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> float:
        return statistics.median(w.bottom - w.top for w in self.words)


def _group_lines(words: Iterable[Word]) -> list[_Line]:
    """Words -> lines, top to bottom, each left to right (a word joins a line it overlaps by half its height)."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        mid = (w.top + w.bottom) / 2
        for line in reversed(lines[-3:]):
            top = statistics.median(x.top for x in line)
            bottom = statistics.median(x.bottom for x in line)
            if top <= mid <= bottom:
                line.append(w)
                break
        else:
            lines.append([w])
    return [_Line(tuple(sorted(line, key=lambda w: w.x0))) for line in lines]


def _split_columns(line: _Line, left: float, right: float) -> list[_Line]:
    """Split a line at a wide gap near the middle of the text block.

    The header of a notice sets two columns side by side on the same lines:
    "ĐẢNG BỘ PHƯỜNG ĐỒ SƠN      ĐẢNG CỘNG SẢN VIỆT NAM". A tab after a list
    number ("1.      Kết quả") sits near the margin and is not a split.
    """
    width = max(right - left, 1.0)
    h = line.height
    parts: list[list[Word]] = [[line.words[0]]]
    for prev, w in zip(line.words, line.words[1:], strict=False):
        gap = w.x0 - prev.x1
        middle = (w.x0 + prev.x1) / 2
        if gap > 1.5 * h and left + 0.2 * width < middle < left + 0.8 * width:
            parts.append([w])
        else:
            parts[-1].append(w)
    return [_Line(tuple(p)) for p in parts]


_LIST_MARK = re.compile(r"^(?:[-+•–*]|\(?\d{1,3}[.)]|\(?[a-zđ][.)]|[IVXLC]{1,6}\.)(?:\s|$)")
_TERMINAL = (".", ":", ";", "!", "?", "…")


def _reading_order(lines: list[_Line], left: float, right: float) -> list[tuple[_Line, bool]]:
    """Lines in reading order; ``True`` marks a line set in a column (never joined to others).

    A run of lines split into two columns (the header block) is read column by
    column: the left column top to bottom, then the right one, as a .docx
    header table reads cell by cell. The run ends at a line that crosses the
    gap between the columns.
    """
    out: list[tuple[_Line, bool]] = []
    i = 0
    while i < len(lines):
        parts = _split_columns(lines[i], left, right)
        if len(parts) < 2:
            out.append((lines[i], False))
            i += 1
            continue
        if len(parts) > 2:  # a table row: cell by cell
            out.extend((p, True) for p in parts)
            i += 1
            continue
        split = (parts[0].x1 + parts[1].x0) / 2
        columns: tuple[list[_Line], list[_Line]] = ([parts[0]], [parts[1]])
        i += 1
        while i < len(lines):
            nxt = _split_columns(lines[i], left, right)
            if any(p.x0 < split < p.x1 for p in nxt) or len(nxt) > 2:
                break
            for p in nxt:
                columns[0 if p.x1 <= split else 1].append(p)
            i += 1
        out.extend((p, True) for p in columns[0])
        out.extend((p, True) for p in columns[1])
    return out


def _paragraphs(lines: list[_Line], left: float, right: float) -> list[tuple[list[_Line], bool]]:
    """Join wrapped lines back into paragraphs: ``(lines, set in a column)`` each.

    Line B continues the paragraph of line A when A was full (B's first word
    would not have fitted at its end), B starts at the left margin (a first
    line is indented or stands apart), the spacing is the usual one and the
    type the same size. "vào ngày\\n- Tổ chức" after a full line still breaks:
    a list mark after closing punctuation starts an item.
    """
    ordered = _reading_order(lines, left, right)
    body = [ln for ln, col in ordered if not col]
    pitches = [b.top - a.top for a, b in zip(body, body[1:], strict=False) if 0 < b.top - a.top < 3 * a.height]
    pitch = statistics.median(pitches) if pitches else None
    paragraphs: list[tuple[list[_Line], bool]] = []
    for line, col in ordered:
        if paragraphs and not col and not paragraphs[-1][1] and _continues(paragraphs[-1][0][-1], line, left, right):
            a = paragraphs[-1][0][-1]
            h = max(a.height, 1e-6)
            spacing = line.top - a.top
            if spacing > 0 and line.top - a.bottom <= h and (pitch is None or spacing <= 1.3 * pitch):
                paragraphs[-1][0].append(line)
                continue
        paragraphs.append(([line], col))
    return paragraphs


def _continues(a: _Line, b: _Line, left: float, right: float) -> bool:
    """Whether line ``b`` can continue the paragraph whose last line is ``a`` (spacing aside)."""
    h = max(a.height, 1e-6)
    if abs(b.height - a.height) > 0.35 * max(h, b.height):  # OCR boxes grow with diacritics
        return False
    if b.x0 > left + 0.8 * h:
        return False
    first = b.words[0]
    if right - a.x1 > (first.x1 - first.x0) + 0.6 * h:
        return False
    return not (a.text.endswith(_TERMINAL) and _LIST_MARK.match(b.text))


def _furniture(para: tuple[list[_Line], bool], left: float, right: float) -> bool:
    """A lone short line off the left margin: a page number, a running header or footer."""
    lines, col = para
    if col or len(lines) != 1:
        return col
    line = lines[0]
    return line.x0 > left + 0.8 * line.height and line.x1 < right - 2 * line.height


def _join_across_pages(pages: list[list[tuple[list[_Line], bool]]], left: float, right: float) -> None:
    """Move a paragraph's continuation from the top of the next page to its start.

    "... các trường\\n5\\f Mầm non trên địa bàn": the last full line of one page
    and the first line of the next, at the margin, are one paragraph, whatever
    the case of the word that continues it. The page number and any running
    header stay where they are, for normalize to drop.
    """
    for k in range(len(pages) - 1):
        this, nxt = pages[k], pages[k + 1]
        i = len(this) - 1
        while i >= 0 and _furniture(this[i], left, right):
            i -= 1
        j = 0
        while j < len(nxt) and _furniture(nxt[j], left, right):
            j += 1
        if i < 0 or j >= len(nxt) or this[i][1] or nxt[j][1]:
            continue
        if _continues(this[i][0][-1], nxt[j][0][0], left, right):
            this[i][0].extend(nxt.pop(j)[0])


def layout_pages(pages: Sequence[Sequence[Word]]) -> list[str]:
    """Each page's words -> its text, one paragraph per line, in reading order.

    The margins are the document's: the most common line start (continuation
    lines start there) and the right end of the longest lines. A paragraph
    that runs over a page break is joined on the page where it starts.
    """
    page_lines = [_group_lines(words) for words in pages]
    starts = Counter(round(ln.x0) for lines in page_lines for ln in lines)
    ends = sorted(ln.x1 for lines in page_lines for ln in lines)
    if not ends:
        return ["" for _ in pages]
    left = min(x for x, n in starts.items() if n == max(starts.values()))
    right = ends[int(0.95 * (len(ends) - 1))]
    paragraphs = [_paragraphs(lines, left, right) for lines in page_lines]
    _join_across_pages(paragraphs, left, right)
    return ["\n".join(_join_lines(p) for p, _ in paras) for paras in paragraphs]


def _join_lines(lines: list[_Line]) -> str:
    """One paragraph's lines as one line of text.

    A line that ends inside a word broken after "/" or "-" ("154/2025/" +
    "NĐ-CP", "2026-" + "2031") is joined without a space; a dash standing
    alone ("kinh tế -" + "xã hội") keeps its spaces.
    """
    out = lines[0].text
    for line in lines[1:]:
        last = out.rsplit(" ", 1)[-1]
        glue = "" if len(last) > 1 and last.endswith(("/", "-")) else " "
        out += glue + line.text
    return out


# --- PDF ----------------------------------------------------------------------

_MIN_PAGE_LETTERS = 20  # fewer letters than this: a scanned page (a stamp, a page number)


def _read_pdf(name: str, data: bytes, opts: _Options) -> RawText:
    if b"%PDF" not in data[:1024]:
        raise ParseError(name, "not a PDF file (no %PDF header)" + _sniff_hint(data))
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
            if opts.ocr and ocr_available():
                if len(scanned) > limits.ocr_pages:
                    raise ParseError(
                        name,
                        f"too many pages to OCR: {len(scanned):,} pages without text, more than the limit of "
                        f"{limits.ocr_pages:,} (--limit ocr_pages=N)",
                    )
                progress = opts.on_page or (lambda done, total: log.info("%s: OCR page %d/%d", name, done, total))
                ocr_words = _ocr_pages(pdf, scanned, progress)
                ocr_texts = layout_pages(ocr_words)
                for i, t in zip(scanned, ocr_texts, strict=True):
                    if sum(c.isalpha() for c in t) > letters[i]:
                        texts[i] = t
                        fmt = "pdf-ocr"
            elif len(scanned) == n:
                why = "OCR disabled" if not opts.ocr else f"OCR unavailable: install tesseract-ocr-vie ({OCR_INSTALL})"
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


# --- OCR ------------------------------------------------------------------------


@functools.cache
def ocr_available() -> bool:
    """Whether ``tesseract`` with its Vietnamese model (``vie``) is installed."""
    exe = shutil.which("tesseract")
    if not exe:
        return False
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return "vie" in (out.stdout + out.stderr).split()


def ocr_workers() -> int:
    """tesseract processes run at once: one per core (``$VANBAN_OCR_WORKERS`` overrides)."""
    env = os.environ.get("VANBAN_OCR_WORKERS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, os.cpu_count() or 1)


def _render_png(page) -> bytes:  # noqa: ANN001 - pypdfium2.PdfPage
    """A page at 300 dpi, grey, as PNG bytes (pdfium: called from one thread only)."""
    image = page.render(scale=OCR_DPI / 72, grayscale=True).to_pil()
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def _tesseract(png: bytes) -> list[Word]:
    """Words of one page image: ``tesseract - - -l vie tsv``, one thread (``OMP_THREAD_LIMIT=1``)."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # parallel pages beat tesseract's own threads on few cores
    try:
        proc = subprocess.run(
            ["tesseract", "-", "-", "-l", "vie", "--dpi", str(OCR_DPI), "tsv"],
            input=png, capture_output=True, timeout=OCR_TIMEOUT, env=env,
        )
    except subprocess.TimeoutExpired:
        return []
    return list(_tsv_words(proc.stdout.decode("utf-8", errors="replace")))


def _ocr_pages(pdf, pages: Sequence[int], on_page: PageProgress | None = None) -> list[list[Word]]:  # noqa: ANN001
    """OCR ``pages`` of ``pdf`` with one tesseract process per core; words per page, in order.

    Pages are rendered here one at a time (pdfium is not thread-safe) and each
    image goes to a thread that waits on its tesseract, so that rendering the
    next page overlaps the recognition of the previous ones. At most twice as
    many images as workers wait in memory. ``on_page(done, total)`` is called
    as pages finish.
    """
    from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

    total = len(pages)
    workers = min(ocr_workers(), total) or 1
    results: dict[int, list[Word]] = {}
    done = 0
    with ThreadPoolExecutor(max_workers=workers) as pool:
        running: dict[Future[list[Word]], int] = {}

        def collect(block: bool) -> None:
            nonlocal done
            if not running:
                return
            finished, _ = wait(running, timeout=None if block else 0, return_when=FIRST_COMPLETED)
            for fut in finished:
                results[running.pop(fut)] = fut.result()
                done += 1
                if on_page:
                    on_page(done, total)

        for k, i in enumerate(pages):
            while len(running) >= 2 * workers:
                collect(block=True)
            running[pool.submit(_tesseract, _render_png(pdf[i]))] = k
            collect(block=False)
        while running:
            collect(block=True)
    return [results[k] for k in range(total)]


def _tsv_words(tsv: str) -> Iterable[Word]:
    rows = tsv.splitlines()
    for row in rows[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = unicodedata.normalize("NFC", cols[11].strip())
        if not text:
            continue
        left, top, width, height = (float(c) for c in cols[6:10])
        yield Word(text, left, top, left + width, top + height)


_READERS: dict[str, Callable[[str, bytes, _Options], RawText]] = {
    ".txt": _read_txt,
    ".docx": _read_docx,
    ".doc": _read_doc,
    ".pdf": _read_pdf,
}
