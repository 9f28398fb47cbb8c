"""The one vocabulary: every table more than one module needs, loaded from ``ingest/data/*.json``.

Header, citations, structure, bodies, the graph schema, the linker, the
reports and the explorer's pages all derive their tables from here; none keeps a
copy of its own (``tests/test_vocabulary.py`` fails when one does). Adding a
document type or a verdict label is a change to one data file:

* ``doc_types.json`` -> :data:`DOC_TYPES` (:class:`DocType`): what a citation may
  name (:data:`CITED_TYPES`), what a header's type line reads
  (:data:`HEADER_TYPES`), the type a symbol's code implies (:data:`SYMBOL_TYPES`),
  the short label of a document (:func:`short_type`);
* ``verdicts.json`` -> :data:`VERDICTS` (:class:`Verdict`): what became of a task,
  its Vietnamese label, colours, and which an inspector may set
  (:data:`REVIEW_VERDICTS`);
* ``levels.json`` -> three kinds of level, named apart: :data:`UNIT_LEVELS` (the
  administrative unit a document governs: phường, xã, tỉnh ...), :data:`BODY_LEVELS`
  (the tier of a body in ``bodies.json``) and :data:`ISSUER_LEVELS` (the tiers of a
  directive's lineage, with their colours).

And the few text helpers every stage shares: :func:`slug` and :func:`id_slug`
(two alphabets, kept apart because ids depend on them), sentence spans
(:func:`split_sentences` for items, :class:`Sentences` for a mention's sentence)
and the item that holds a span (:func:`item_at`).

Everything is loaded once, at import, from files inside the package.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

import regex

from ingest.normalize import fold

DATA = Path(__file__).with_name("data")

__all__ = [
    "APPENDIX_TYPES",
    "BODY_LEVELS",
    "CITED_TYPES",
    "DOC_TYPES",
    "HEADER_TYPES",
    "ISSUER_LEVELS",
    "ABOVE_WARD",
    "issuer_tier",
    "REVIEW_VERDICTS",
    "SYMBOL_TYPES",
    "UNIT_LEVELS",
    "VERDICTS",
    "VERDICT_COLORS",
    "VERDICT_FILLS",
    "VERDICT_LABELS",
    "DocType",
    "IssuerLevel",
    "Sentences",
    "Verdict",
    "data",
    "id_slug",
    "item_at",
    "short_type",
    "slug",
    "split_sentences",
]


@functools.cache
def data(name: str) -> dict[str, Any]:
    """The JSON vocabulary ``ingest/data/<name>.json`` (loaded once)."""
    with open(DATA / f"{name}.json", encoding="utf-8") as fh:
        return json.load(fh)


# --- document types ------------------------------------------------------------------


@dataclass(frozen=True)
class DocType:
    """One document type (``doc_types.json``; its ``_about`` says what each field means)."""

    name: str
    code: str | None
    cited: bool
    header: bool
    attached: bool
    words: tuple[str, ...]
    abbreviations: tuple[str, ...]
    symbol_codes: tuple[str, ...]
    short: bool
    examples: tuple[str, ...]


def _doc_type(e: dict[str, Any]) -> DocType:
    return DocType(
        name=e["name"], code=e["code"], cited=e["cited"], header=e["header"], attached=e["attached"], words=tuple(e["words"]),
        abbreviations=tuple(e["abbreviations"]), symbol_codes=tuple(e["symbol_codes"]), short=e["short"],
        examples=tuple(e["examples"]),
    )


#: every type, in the file's order
DOC_TYPES: tuple[DocType, ...] = tuple(_doc_type(e) for e in data("doc_types")["types"])
#: the types a citation may name (ingest.citations, ingest.patterns)
CITED_TYPES: tuple[DocType, ...] = tuple(t for t in DOC_TYPES if t.cited)
#: a header's type line, folded -> doc_type: "thong bao ket luan" -> "Thông báo kết luận"
HEADER_TYPES: dict[str, str] = {fold(t.name): t.name for t in DOC_TYPES if t.header}
#: the code at the head of a header's symbol, folded -> doc_type: "nq" -> "Nghị quyết", "qdi" -> "Quy định"
SYMBOL_TYPES: dict[str, str] = {fold(c): t.name for t in reversed(DOC_TYPES) for c in t.symbol_codes}  # the first type wins
#: types that travel as a file of their own beside the document they belong to ("Phụ lục", "Danh sách" ...)
APPENDIX_TYPES: tuple[str, ...] = tuple(t.name for t in DOC_TYPES if t.attached)
_SHORT = {t.name: t.code for t in DOC_TYPES if t.code}


def short_type(doc_type: str | None) -> str | None:
    """How a document's type is shortened in a label: its code, else the type itself.

    >>> short_type("Nghị quyết"), short_type("Thông báo kết luận"), short_type("Biên bản"), short_type(None)
    ('NQ', 'TB', 'Biên bản', None)
    """
    if not doc_type:
        return doc_type
    return _SHORT.get(doc_type, doc_type)


# --- verdicts ------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """What became of a planned task (``verdicts.json``)."""

    name: str
    label: str
    color: str
    fill: str
    review: bool


VERDICT_TABLE: tuple[Verdict, ...] = tuple(Verdict(**v) for v in data("verdicts")["verdicts"])
#: item verdicts, as in CONTRACT.md, in the board's order
VERDICTS: tuple[str, ...] = tuple(v.name for v in VERDICT_TABLE)
#: verdicts an inspector may set by hand ("pending" is the linker's: no report yet)
REVIEW_VERDICTS: tuple[str, ...] = tuple(v.name for v in VERDICT_TABLE if v.review)
#: how the board, the exports and the reports name them
VERDICT_LABELS: dict[str | None, str] = {v.name: v.label for v in VERDICT_TABLE}
VERDICT_COLORS: dict[str | None, str] = {v.name: v.color for v in VERDICT_TABLE}
#: light backgrounds for spreadsheet cells and chips
VERDICT_FILLS: dict[str | None, str] = {v.name: v.fill for v in VERDICT_TABLE}


# --- levels: three meanings, three names --------------------------------------------------

_LEVELS = data("levels")

#: administrative units a document governs, folded -> as written in running text: "thanh pho" -> "thành phố"
UNIT_LEVELS: dict[str, str] = {fold(u["name"]): u["name"] for u in _LEVELS["units"]}
#: the ward-level words ("phuong" -> "phường") and the province-level ones with their short forms ("tp" -> "thành phố")
WARD_LEVELS: dict[str, str] = {fold(u["name"]): u["name"] for u in _LEVELS["units"] if u["tier"] == "ward"}
PROVINCE_LEVELS: dict[str, str] = {
    w: u["name"] for u in _LEVELS["units"] if u["tier"] == "province" for w in (fold(u["name"]), *u["abbreviations"])
}
#: short forms of a unit level, folded -> the folded level: "tp." -> "thanh pho"
UNIT_LEVEL_ABBREVIATIONS: dict[str, str] = {a: fold(u["name"]) for u in _LEVELS["units"] for a in u["abbreviations"]}
#: short forms of kinds of work and programmes, folded -> their folded words: "bhyt" -> "bao hiem y te" (abbreviations.json)
WORK_ABBREVIATIONS: dict[str, str] = dict(data("abbreviations")["forms"])
#: the tier of a body in bodies.json ("level"): tw, tinh, xa, co-so
BODY_LEVELS: tuple[str, ...] = tuple(b["id"] for b in _LEVELS["body_levels"])


@dataclass(frozen=True)
class IssuerLevel:
    """A tier of a directive's lineage, and how a document is placed in it."""

    id: str
    label: str
    color: str
    symbol_codes: frozenset[str]
    issuer_words: tuple[str, ...]


#: the tiers of a lineage, top to bottom ("" last: anything else)
ISSUER_LEVELS: dict[str, IssuerLevel] = {
    e["id"]: IssuerLevel(e["id"], e["label"], e["color"], frozenset(e["symbol_codes"]), tuple(e["issuer_words"]))
    for e in _LEVELS["issuer_levels"]
}
#: the order in which the words of an issuer are tried ("Bộ Chính trị" is Trung ương before "bộ" makes it a ministry)
ISSUER_WORD_ORDER: tuple[IssuerLevel, ...] = tuple(ISSUER_LEVELS[i] for i in _LEVELS["issuer_word_order"])


def issuer_tier(symbol: str | None, issuer: str | None = None) -> IssuerLevel:
    """The tier of a directive's lineage a document comes from: by its symbol's issuing codes, else by its issuer.

    >>> [issuer_tier(s).id for s in ("NQ/TW", "2025/NĐ-CP", "KH/TU", "NQ/ĐU")]
    ['tw', 'cp', 'tinh', 'xa']
    >>> issuer_tier("QĐ-UBND", "Ủy ban nhân dân phường An Lạc").id, issuer_tier(None, None).id
    ('xa', '')
    >>> issuer_tier("CV/ĐU", "Đảng ủy Chính phủ").id, issuer_tier("NQ/ĐU", "Ban Thường vụ Đảng ủy phường An Lạc").id
    ('cp', 'xa')
    """
    code = fold(symbol or "").rsplit("/", 1)[-1]
    codes = set(re.split(r"[^0-9a-z]+", code)) - {""}
    words = " " + " ".join(re.split(r"[^0-9a-z]+", fold(issuer or ""))) + " "
    by_words = next((lv for lv in ISSUER_WORD_ORDER if any(f" {h.strip()} " in words for h in lv.issuer_words)), None)
    for lv in ISSUER_LEVELS.values():
        if codes & lv.symbol_codes:
            # "ĐU" is a ward's Đảng ủy, unless the issuer says whose: "Đảng ủy Chính phủ" (CV/ĐU) is not a ward's
            return by_words if lv.id == "xa" and by_words is not None else lv
    return by_words or ISSUER_LEVELS[""]


#: the tiers above a ward: a document from one of them is a directive, in no ward's monthly series
ABOVE_WARD = frozenset({"tw", "cp", "tinh"})


# --- slugs ---------------------------------------------------------------------------


def slug(text: str | None) -> str:
    """Accent-free, lower-case, dash-separated: letters and digits only.

    Body ids (ingest.bodies) and the names in citation keys ("L:to-chuc-chinh-quyen-dia-phuong") use it.

    >>> slug("phường Tân Hưng"), slug("Tổ chức chính quyền địa phương")
    ('phuong-tan-hung', 'to-chuc-chinh-quyen-dia-phuong')
    """
    return _slug(text or "")


@functools.lru_cache(maxsize=8192)
def _slug(text: str) -> str:
    # the same names are slugged for every mention of a body (a notice names its ward's
    # organs again and again): each once, a bounded number kept
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def id_slug(text: str | None) -> str:
    """Like :func:`slug`, but a slash stays: the graph's document, body and person ids (graph.records).

    "NQ/ĐU" and "NQ-ĐU" are different symbols, so the ids keep them apart.

    >>> id_slug("Ban Thường vụ Đảng ủy phường Đồ Sơn"), id_slug("NQ/ĐU")
    ('ban-thuong-vu-dang-uy-phuong-do-son', 'nq/du')
    """
    return re.sub(r"[^0-9a-z/]+", "-", fold(text or "")).strip("-")


# --- sentences -----------------------------------------------------------------------

# Sentence ends inside a paragraph: ". " / "… " / "! " / "? " (and ".." from typos) before a capital or an opening quote.
# (One to three dots written "\.(?:\.\.?)?", tried longest first as "\.{1,3}" is, and "!" and "?" apart: each option
# then opens on a character of its own, and a search skips to those rather than trying every place: a third of the cost.)
_SENT_END = re.compile(r"(?:\.(?:\.\.?)?|…|!|\?)(?=[ ]+[\"“'(]?[A-ZĐÂĂÊÔƠƯÀ-ỸА-Я0-9])")
_ABBREV = re.compile(r"(?:\b(?:TP|Tp|TS|ThS|PGS|GS|KT|TM|TL|Q|TT|Ths|BS|CN|Th\.S|ĐC|Đ/c|đ/c|St|No|UBND|v\.v)|\b[A-ZĐ])$")
_DIGIT_END = re.compile(r"\d$")
#: "... đạt 100% chỉ tiêu quý I. Các chi bộ ...": a quarter (a term) in Roman figures ends the sentence, not an initial
_ROMAN_END = re.compile(r"(?i:quý|khóa|khoá)[ ]+[IVX]$")
#: both patterns end at the end of the head (or before a last "\n"): searched from its last
#: characters only (``\b`` still sees the character before), not from its start
_TAIL = 6


_DIGITS_AFTER = re.compile(r"[ ]+\d")


def split_sentences(text: str, start: int) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph ``text`` that begins at offset ``start`` (the items of ingest.structure).

    >>> p = "Tiếp nhận 3.114 hồ sơ. Tổ chức Lễ ngày 03/02/2026 cho 53 đảng viên... Chỉ đạo TP. Hải Phòng."
    >>> [p[s:e] for s, e in split_sentences(p, 0)]
    ['Tiếp nhận 3.114 hồ sơ.', 'Tổ chức Lễ ngày 03/02/2026 cho 53 đảng viên...', 'Chỉ đạo TP. Hải Phòng.']
    >>> p = "Đã kết nạp 04 đảng viên mới, đạt 100% chỉ tiêu quý I. Các chi bộ sinh hoạt định kỳ tháng 3."
    >>> [p[s:e] for s, e in split_sentences(p, 0)]
    ['Đã kết nạp 04 đảng viên mới, đạt 100% chỉ tiêu quý I.', 'Các chi bộ sinh hoạt định kỳ tháng 3.']
    """
    if ". " not in text and "! " not in text and "? " not in text and "… " not in text:
        # one sentence (most paragraphs): every end _SENT_END finds is one of these before a space
        tail = text.rstrip()
        return [(start, start + len(tail))] if tail.strip() else []
    spans = []
    cur = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        at = m.start()
        # (the head ``text[cur:at]`` searched in place, from its last characters: the character before ``cur`` is a
        # space, or there is none, so ``\b`` reads its start as it would the start of the head cut out)
        if end - at == 1 and text[at] == "." and (
                _ABBREV.search(text, max(cur, at - _TAIL), at) and not _ROMAN_END.search(text, max(cur, at - 8), at)
                or _DIGIT_END.search(text, max(cur, at - _TAIL), at) and _DIGITS_AFTER.match(text, end)):
            continue
        if len(text[cur:end].strip()) < 12:
            continue  # "1.6." or "Ví dụ." alone: not a sentence of its own
        spans.append((cur, end))
        cur = end
        while cur < len(text) and text[cur] == " ":
            cur += 1
    if cur < len(text) and text[cur:].strip():
        tail = text[cur:].rstrip()
        if spans and len(tail.strip()) < 12:
            spans[-1] = (spans[-1][0], cur + len(tail))
        else:
            spans.append((cur, cur + len(tail)))
    return [(start + s, start + e) for s, e in spans]


@functools.cache
def sentence_end_re() -> regex.Pattern[str]:
    """Where a sentence of a whole document ends: a line break, or ". " before a capital or a digit."""
    return regex.compile(
        r"\n | (?<!\b(?:TP|Tp|tp|P|Q|TS|ThS|GS|PGS|Th|St|v\.v))[.!?…](?=\s+[\p{Lu}\d\-+(\"“])", regex.VERBOSE | regex.V0
    )


class Sentences:
    """The sentences of a whole document, for the sentence around a mention (a citation's evidence).

    Unlike :func:`split_sentences` (one paragraph, into items), a line break always ends one here.

    >>> t = "Thực hiện Nghị quyết 57. Giao UBND phường\\nchủ trì."
    >>> s = Sentences(t); t[slice(*s.bounds(12))], t[slice(*s.bounds(30))]
    ('Thực hiện Nghị quyết 57.', 'Giao UBND phường')
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def _start(self, pos: int) -> int:
        """Where the sentence that holds ``pos`` starts: the end of the last sentence end before ``pos``, else 0.

        Every end is one character, found where it stands whatever comes before the place a search starts (its
        look-behind reads the text before it): the ends in a window before ``pos`` are the whole text's there, and
        the window widens until one is found. (A notice has thousands of ends and a few mentions: reading only
        around them, not every end of the text, spares the scan of a whole notice, 0.2 ms.)
        """
        pattern, text, width, lo = sentence_end_re(), self.text, 256, pos
        while lo > 0:
            lo = max(0, lo - width)
            last = -1
            for m in pattern.finditer(text, lo):
                if m.start() >= pos:
                    break
                last = m.end()
            if last >= 0:
                return last
            width *= 4
        return 0

    def bounds(self, pos: int) -> tuple[int, int]:
        """The span of the sentence that holds offset ``pos``, without its surrounding spaces."""
        s = self._start(pos)
        m = sentence_end_re().search(self.text, pos)
        e = m.end() if m is not None else len(self.text)
        while s < e and self.text[s].isspace():
            s += 1
        while e > s and self.text[e - 1].isspace():
            e -= 1
        return s, e


# --- which item holds a span ------------------------------------------------------------


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_T = TypeVar("_T", bound=_Span)


def item_at(items: Sequence[_T], start: int, end: int | None = None) -> _T | None:
    """The item whose span holds ``[start, end)`` (``end`` omitted: the offset ``start``); else None.

    ``items`` are a document's items: sorted by their start and disjoint (ingest.structure
    makes them so), so at most one holds an offset. A span that runs out of its item
    into the next is held by none.

    >>> from ingest.models import Item
    >>> its = [Item("i1", "1", "task", None, "Một.", 0, 4), Item("i2", "2", "task", None, "Hai.", 5, 9)]
    >>> item_at(its, 6).id, item_at(its, 0, 4).id, item_at(its, 4), item_at(its, 2, 7)
    ('i2', 'i1', None, None)
    """
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid].end <= start:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(items) and items[lo].start <= start and (end is None or end <= items[lo].end):
        return items[lo]
    return None
