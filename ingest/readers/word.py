"""Word files: ``.docx`` (the body's paragraphs and tables in reading order, one paragraph
or table-cell paragraph per line, automatic list numbers written out, runs in
``.VnTime``/``VNI-`` fonts converted) and ``.doc`` (Word 97–2003: LibreOffice makes a
.docx of it, :mod:`ingest.worddoc`).

(Named ``word``, not ``docx``, so as not to shadow python-docx's ``docx`` package.)
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Sequence

from ingest import worddoc
from ingest.legacy import detect_legacy, syllable_score, tcvn3_to_unicode, vni_to_unicode
from ingest.limits import Limits
from ingest.models import RawText
from ingest.readers.common import Options, mb, sniff, sniff_hint
from vanban.errors import ParseError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def read_docx(name: str, data: bytes, opts: Options) -> RawText:
    if not data.startswith(b"PK"):
        raise ParseError(name, "not a .docx file (not a zip archive)" + sniff_hint(data))
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


def read_doc(name: str, data: bytes, opts: Options) -> RawText:
    """A Word 97–2003 file: LibreOffice makes a .docx of it (:mod:`ingest.worddoc`), read as a .docx.

    Offices also save RTF and HTML under a .doc name; LibreOffice reads those
    too. A .docx renamed .doc is read directly.
    """
    if data.startswith(b"PK"):
        return read_docx(name, data, opts)
    head = data.lstrip()[:8]
    if not (data.startswith(_OLE) or head.startswith((b"{\\rtf", b"<", b"MIME"))):
        what = sniff(data)
        if what:
            raise ParseError(name, f"not a Word .doc file: it is {what}")
    try:
        docx = worddoc.convert(data, timeout=opts.limits.convert_s)
    except worddoc.ConversionFailed as e:
        raise ParseError(name, f"cannot read the .doc file: {e}") from None
    raw = read_docx(name, docx, opts)
    return RawText(text=raw.text, format="doc", encoding=raw.encoding, pages=None)


def _check_zip(name: str, infos: Sequence[zipfile.ZipInfo], limits: Limits) -> None:
    """Refuse a .docx whose parts would unpack to more than the limits allow (a zip bomb).

    Judged from the sizes the archive declares, before anything is unpacked;
    python-docx reads a part with ``zipfile``, which stops at the declared size.
    """
    total = sum(i.file_size for i in infos)
    if total > limits.docx_bytes:
        raise ParseError(name, f"too large unpacked: the .docx holds {mb(total)}, more than the limit of {mb(limits.docx_bytes)} (--limit docx_mb=N)")
    for i in infos:
        if i.file_size > 1024 * 1024 and i.file_size > limits.docx_ratio * max(i.compress_size, 1):
            ratio = i.file_size / max(i.compress_size, 1)
            raise ParseError(
                name,
                f"suspicious .docx: {i.filename} unpacks {ratio:,.0f} times its packed size ({mb(i.file_size)}), "
                f"more than the limit of {limits.docx_ratio:g} (--limit docx_ratio=N)",
            )


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


