"""Stage: citations. Normalised text -> references to other documents.

``extract_citations(text)`` finds every mention of a specific existing
document (ANNOTATION.md, "Citations"):

* **numbered** — a number and symbol, in either numbering: Party
  ``57-NQ/TW``, state ``154/2025/NĐ-CP``; with or without a type word and
  "số"; a list member without its own type word ("... và số 160/TB-VPCP");
  a bare number sharing the next one's symbol ("Kết luận số 187, 188-KL/TW");
* **short** — a type word and a bare number: "Nghị quyết 57", "Đề án 06";
* **named** — a law, the constitution, a Party congress or plenum resolution.

How it works, eyecite-style: find anchors (a number with its symbol; a short
form; a name), then look left for the type word (``head``) and right for the
date and the issuer (``tail``); then share a list's trailing issuer, drop the
document's own number, read the relation the sentence states, and give each
mention a ``key`` from normalised fields (see :func:`citation_key`).

Anaphora ("Nghị quyết trên", "Chỉ thị này") are not citations; they are
resolved separately by :func:`resolve_anaphora`.
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import regex

from ingest import patterns as P
from ingest.models import Citation
from ingest.normalize import fold
from ingest.vocabulary import CITED_TYPES
from ingest.vocabulary import Sentences as _Sentences
from ingest.vocabulary import slug as _slug

log = logging.getLogger(__name__)

__all__ = ["extract_citations", "resolve_anaphora", "citation_key", "catalog", "parse_symbol", "match_issuer"]


# --- vocabularies as lookup tables ------------------------------------------------


def _squash(s: str) -> str:
    return " ".join(fold(s).split())


@functools.cache
def _type_by_word() -> dict[str, str]:
    """fold(type word) -> doc_type: "van ban" -> "Công văn", "nq" -> "Nghị quyết"."""
    out: dict[str, str] = {}
    for t in CITED_TYPES:
        for w in [t.name, *t.words, *t.abbreviations]:
            out.setdefault(_squash(w), t.name)
    return out


@functools.cache
def _type_by_symbol_code() -> dict[str, str]:
    """Type code inside a symbol -> doc_type: "NĐ" -> "Nghị định", "QĐi" -> "Quy định"."""
    return {c: t.name for t in CITED_TYPES for c in t.symbol_codes}


@functools.cache
def _short_types() -> frozenset[str]:
    """Types cited by a bare number ("Nghị quyết 57", "Đề án 06")."""
    return frozenset(t.name for t in CITED_TYPES if t.short)


@functools.cache
def _code_of_type() -> dict[str, str]:
    """doc_type -> type code of the key: "Nghị quyết" -> "NQ", "Luật" -> "L"."""
    return {t.name: t.code for t in CITED_TYPES if t.code}


@functools.cache
def _issuer_codes() -> dict[str, dict[str, Any]]:
    return {c["code"]: c for c in P.vocab("issuers")["codes"]}


@functools.cache
def _canonical_codes() -> dict[str, str]:
    """Upper-cased code -> its spelling: "TTG" -> "TTg", "QĐI" -> "QĐi"."""
    out = {c.upper(): c for c in _issuer_codes()}
    for t in CITED_TYPES:
        for c in t.symbol_codes:
            out[c.upper()] = c
    return out


def _canon_code(code: str) -> str:
    """One code of a symbol, noise repaired: "TTG" -> "TTg", "qh15" -> "QH15".

    >>> _canon_code("TTG"), _canon_code("QĐI"), _canon_code("NSNN"), _canon_code("Qh15"), _canon_code("OH15")
    ('TTg', 'QĐi', 'NSNN', 'QH15', 'QH15')
    """
    known = _canonical_codes().get(code.upper())
    if known:
        return known
    m = P.compiled(P.TERM_CODE).match(code)
    if m:
        return m.group(1).upper() + m.group(2)
    m = P.compiled(P.OCR_TERM_CODE).match(code)
    if m:
        # an OCR slip in a term code: "OH15", "0H15", "QHl5" -> "QH15" (the text keeps what was read)
        return f"{m.group(1) or ''}QH{m.group(2).replace('l', '1').replace('I', '1')}"
    return code


def _issuer_code_entry(code: str) -> dict[str, Any] | None:
    m = P.compiled(P.TERM_CODE).match(code)
    return _issuer_codes().get(m.group(1).upper() if m else code)


def _is_state_issuer(code: str) -> bool:
    entry = _issuer_code_entry(code)
    return bool(entry and entry["kind"] == "state")


# --- symbols ------------------------------------------------------------------------

_NUMBER = regex.compile(r"\d{1,6}(?:\.\d{1,2})?")


def plain_number(number: str) -> str:
    """A document number without leading zeros, a sub-number kept: "05" -> "5", "66.04" -> "66.4".

    >>> plain_number("05"), plain_number("66.4")
    ('5', '66.4')
    """
    return ".".join(str(int(part)) for part in number.strip().split("."))



@dataclass(frozen=True)
class Symbol:
    """A parsed number and symbol."""

    numbering: str  # party | state
    number: str  # as written: "57", "03"
    symbol: str  # normalised, without the year: "NQ/TW", "NĐ-CP", "QH15"
    year: int | None  # the year inside the symbol (state numbering)
    type_code: str | None  # "NQ", "NĐ", "QĐi"
    issuer_code: str | None  # "TW", "CP", "QH15"

    @property
    def designation(self) -> str:
        """Number without leading zeros and the symbol, in the key's layout:
        "57-NQ/TW", "154/NĐ-CP", "193/QH15" (a Quốc hội resolution written
        "193/2025/NQ-QH15" is "193/2025/QH15")."""
        n = plain_number(self.number)
        if self.numbering == "party":
            return f"{n}-{self.symbol}"
        sym = self.symbol
        ic = self.issuer_code or ""
        if self.type_code == "NQ" and ic[:2] == "QH" and ic[2:].isdigit() and sym.count("-") == 1:
            sym = ic
        return f"{n}/{sym}"


def _split_glued(seg: str) -> list[str]:
    """ "TTBKHĐT" (hyphen lost) -> ["TT", "BKHĐT"] when both halves are known codes."""
    types = _type_by_symbol_code()
    if seg in types or _issuer_code_entry(seg):
        return [seg]
    for t in sorted(types, key=len, reverse=True):
        if len(seg) > len(t) and seg.startswith(t) and _issuer_code_entry(_canon_code(seg[len(t) :])):
            return [t, _canon_code(seg[len(t) :])]
    return [seg]


def _symbol_from_match(m: regex.Match[str]) -> Symbol:
    number = m.group("number")
    if m.group("ptype"):
        ptype, pissuer = _canon_code(m.group("ptype")), _canon_code(m.group("pissuer"))
        if _is_state_issuer(pissuer):
            # "36-CT/TTg": Party layout, state issuer -> the state symbol CT-TTg
            return Symbol("state", number, f"{ptype}-{pissuer}", None, ptype, pissuer)
        return Symbol("party", number, f"{ptype}/{pissuer}", None, ptype, pissuer)
    segs: list[str] = []
    for k, raw in enumerate(P.compiled(P.SYMBOL_DASH).split(m.group("scode"))):
        # a lost hyphen ("TTBKHĐT") only in the type's place: "KH-TTCP" is the Thanh tra Chính phủ's, whole
        segs += _split_glued(_canon_code(raw)) if k == 0 else [_canon_code(raw)]
    year = int(m.group("year")) if m.group("year") else None
    type_code = segs[0] if segs[0] in _type_by_symbol_code() and len(segs) > 1 else None
    if type_code and year is None and len(segs) == 2 and not _is_state_issuer(segs[1]) and _issuer_code_entry(segs[1]):
        # "57/NQ-TW": state layout, Party issuer -> the Party symbol NQ/TW
        return Symbol("party", number, f"{segs[0]}/{segs[1]}", None, segs[0], segs[1])
    rest = segs[1:] if type_code else segs
    issuer_code = next((c for c in rest if _issuer_code_entry(c)), rest[0] if rest else None)
    return Symbol("state", number, "-".join(segs), year, type_code, issuer_code)


def parse_symbol(number: str, symbol: str | None, year: int | None = None) -> Symbol | None:
    """Parse a number and a symbol given as fields (a header's, the catalog's).

    A symbol with a "/" between two codes is Party numbering ("NQ/TW"), one
    with "-" state numbering ("NĐ-CP"); a leading year is taken out.

    >>> parse_symbol("36", "CT/TTg").designation
    '36/CT-TTg'
    >>> s = parse_symbol("154", "2025/NĐ-CP"); s.symbol, s.year, s.designation
    ('NĐ-CP', 2025, '154/NĐ-CP')
    """
    if not symbol or not number or not _NUMBER.fullmatch(number.strip()):
        return None
    sym = symbol.strip()
    y = P.compiled(P.YEAR_PREFIX).match(sym)
    if y:
        sym = sym[y.end() :]
    text = f"{number.strip()}-{sym}" if "/" in sym else f"{number.strip()}/{sym}"
    m = P.numsym_re().fullmatch(text)
    if m is None:
        return None
    parsed = _symbol_from_match(m)
    if y:
        parsed = replace(parsed, year=int(y.group(1)))
    return parsed


# --- keys -----------------------------------------------------------------------------


def _type_code(doc_type: str | None, sym: Symbol | None) -> str:
    if sym and sym.type_code:
        return _code_of_type().get(_type_by_symbol_code()[sym.type_code], sym.type_code)
    if doc_type:
        # "Thông báo kết luận" (a header's doc_type) is a Thông báo
        name = doc_type if doc_type in _code_of_type() else _type_by_word().get(_squash(doc_type), "")
        return _code_of_type().get(name, _squash(doc_type))
    return "?"


def _numbered_key(doc_type: str | None, sym: Symbol, year: int | None) -> str:
    y = sym.year or year
    return f"{_type_code(doc_type, sym)}:{sym.designation}" + (f":{y}" if y else "")


def citation_key(doc_type: str | None, number: str | None, symbol: str | None, year: int | None) -> str:
    """The stable identity of a cited document, from normalised fields.

    Format (docs/citations.md): ``TYPE:DESIGNATION[:YEAR]``. TYPE is the type
    code (NQ, CT, KL, QĐ, NĐ, TT, CV, L, ...; from the symbol when it has one,
    so "Quy định" and "Quyết định" 377-QĐ/TW agree); DESIGNATION the number
    without leading zeros and the normalised symbol, in its own numbering
    ("57-NQ/TW", "36/CT-TTg", "154/NĐ-CP"); YEAR the year of issue when known
    (in the symbol or the date). Party numbers restart every term, so two
    "05-CT/TU" of different years get different keys. A yearless number the
    catalog knows exactly once takes the catalog's key; a short form without
    symbol is ``TYPE:NUMBER`` unless the catalog knows it. A symbol that is not
    one (a header's odd field) gives ``TYPE:NUMBER/SYMBOL[:YEAR]`` and a warning.

    >>> citation_key("Nghị quyết", "57", "NQ/TW", 2024)
    'NQ:57-NQ/TW:2024'
    >>> citation_key("Nghị quyết", "57", None, None)
    'NQ:57-NQ/TW:2024'
    >>> citation_key("Chỉ thị", "05", "CT/TU", None)
    'CT:5-CT/TU'
    >>> citation_key("Nghị định", "154", "NĐ-CP", 2025)
    'NĐ:154/NĐ-CP:2025'
    >>> citation_key("Đề án", "06", None, None) == citation_key("Quyết định", "06", "QĐ-TTg", 2022)
    True
    """
    if not number or not _NUMBER.fullmatch(number.strip()):
        raise ValueError(
            f"citation_key needs a number of digits, got {number!r}; named documents get their key from extract_citations"
        )
    if symbol:
        sym = parse_symbol(number, symbol, year)
        if sym is None:
            # a header's odd symbol must not stop an ingest: a key from the fields as written
            log.warning("not a symbol: %r (expected e.g. 'NQ/TW', 'CT/TU', 'NĐ-CP', 'QĐ-TTg', 'QH15')", symbol)
            tail = "".join(symbol.split())
            return f"{_type_code(doc_type, None)}:{plain_number(number)}/{tail}" + (f":{year}" if year else "")
        y = sym.year or year
        if y is None:
            hit = _catalog_by_designation().get((_type_code(doc_type, sym), sym.designation))
            if hit and len(hit) == 1:
                return hit[0]
        return _numbered_key(doc_type, sym, y)
    return _catalog_alias(doc_type, number, None) or f"{_type_code(doc_type, None)}:{plain_number(number)}"


# --- catalog --------------------------------------------------------------------------


@functools.cache
def _catalog_entries() -> tuple[tuple[str, dict[str, Any]], ...]:
    out = []
    for e in P.vocab("catalog")["entries"]:
        sym = parse_symbol(e["number"], e["symbol"], e["year"])
        if sym is None:
            raise ValueError(f"catalog entry with a bad symbol: {e['number']} {e['symbol']}")
        out.append((_numbered_key(e["doc_type"], sym, e["year"] or sym.year), e))
    return tuple(out)


def catalog() -> dict[str, dict[str, Any]]:
    """The catalog of national directives: key -> {title, doc_type, number, symbol,
    issuer, date, year, aliases, source}.

    >>> catalog()["NQ:57-NQ/TW:2024"]["issuer"]
    'Bộ Chính trị'
    """
    return {k: {**e, "key": k} for k, e in _catalog_entries()}


@functools.cache
def _catalog_by_designation() -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for key, e in _catalog_entries():
        sym = parse_symbol(e["number"], e["symbol"], e["year"])
        assert sym is not None
        out.setdefault((_type_code(e["doc_type"], sym), sym.designation), []).append(key)
    return out


@functools.cache
def _catalog_aliases() -> dict[tuple, str]:
    """(type code, number, hint) and ("L", slug) -> catalog key, from the aliases."""
    out: dict[tuple, str] = {}
    for key, e in _catalog_entries():
        for alias in e["aliases"]:
            m = P.short_re().fullmatch(alias)
            if m:
                tc = _code_of_type()[_doc_type_of_word(m.group("type"))]
                out[(tc, int(m.group("number")), m.group("hint"))] = key
                out.setdefault((tc, int(m.group("number")), None), key)
                continue
            n = P.named_re().fullmatch(alias)
            if n and n.group("law"):
                out[("L", _slug(n.group("lawname")))] = key
                continue
            raise ValueError(f"catalog alias {alias!r} is neither a short form nor a name")
    return out


def _catalog_alias(doc_type: str | None, number: str, hint: str | None) -> str | None:
    tc = _type_code(doc_type, None)
    table = _catalog_aliases()
    return table.get((tc, int(number), hint)) or table.get((tc, int(number), None))


def _catalog_year(key: str) -> int | None:
    for k, e in _catalog_entries():
        if k == key:
            return e["year"]
    return None


# --- mentions ------------------------------------------------------------------------


@dataclass
class _Mention:
    start: int
    end: int
    kind: str  # numbered | short | named
    doc_type: str | None
    number: str | None = None
    sym: Symbol | None = None
    year: int | None = None
    date: str | None = None
    issuer: str | None = None
    core_end: int = 0  # end of number/symbol/date, before the issuer
    name: str | None = None  # named: a slug; numbered laws: the law's slug
    hint: str | None = None  # "CP" in "Đề án 06/CP"
    named_key: str | None = None
    own: bool = False
    relation: str = "cites"
    key: str = ""


def _doc_type_of_word(word: str) -> str:
    return _type_by_word()[_squash(word)]


def _doc_type_for(word: str | None, sym: Symbol | None) -> str | None:
    """The doc_type a mention states: its type word, else its symbol's type code.
    "văn bản số 07-TB/CQTTBCĐ" is a Thông báo; "văn bản số 18345/BTC-NSNN" a Công văn."""
    from_symbol = _type_by_symbol_code().get(sym.type_code) if sym and sym.type_code else None
    if word:
        dt = _doc_type_of_word(word)
        if dt == "Công văn" and _squash(word) == "van ban" and from_symbol:
            return from_symbol
        return dt
    if from_symbol:
        return from_symbol
    if sym and sym.numbering == "state" and "-" in sym.symbol:
        return "Công văn"  # "1447/BKHCN-CĐSQG": issuer-department, the layout of a công văn
    return None


def _iso(m: regex.Match[str]) -> str | None:
    if not m.group("day"):
        return None
    d, mo, y = int(m.group("day")), int(m.group("month")), int(m.group("dyear"))
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


@functools.cache
def _body_table() -> tuple[dict[tuple[str, ...], tuple[bool, bool]], int]:
    """Issuer names (issuers.json) as folded word tuples -> (a locality may follow,
    a term may follow); and the length of the longest name, in words."""
    data = P.vocab("issuers")
    table: dict[tuple[str, ...], tuple[bool, bool]] = {}

    def words(name: str) -> tuple[str, ...]:
        return tuple(fold(w) for w in P.name_token_re().findall(name))

    for b in data["bodies"]:
        table[words(b["name"])] = (False, bool(b.get("term")))
    for head in data["ministries"]["heads"]:
        for name in data["ministries"]["names"]:
            table[words(f"{head} {name}")] = (True, False)
    for h in data["local"]["heads"]:
        table.setdefault(words(h["name"]), (True, True))
        for organ in data["local"]["organs"]:
            table.setdefault(words(f"{organ} {h['name']}"), (True, True))
    return table, max(len(k) for k in table)


def _match_body(text: str, pos: int) -> int | None:
    """End of the issuing body whose name starts at ``pos`` (longest known name,
    then its locality and term), or None: "UBND tỉnh Quảng Bình", "Bộ Chính trị",
    "Quốc hội khóa XV", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"."""
    table, longest = _body_table()
    toks: list[regex.Match[str]] = []
    last = pos
    for m in P.name_token_re().finditer(text, pos, min(len(text), pos + 200)):
        if m.start() != last and (text[last : m.start()] != " " or not toks):
            break
        toks.append(m)
        last = m.end()
        if len(toks) == longest:
            break
    for k in range(len(toks), 0, -1):
        hit = table.get(tuple(fold(t.group()) for t in toks[:k]))
        if hit is None:
            continue
        end = toks[k - 1].end()
        if hit[0]:
            loc = P.locality_re().match(text, end)
            end = loc.end() if loc else end
        if hit[1]:
            term = P.term_re().match(text, end)
            end = term.end() if term else end
        return end
    return _match_named_body(text, toks)


#: heads of a body named by its own name and its place: "Hội Công chứng viên tỉnh Lâm Đồng"
_NAMED_BODY_HEADS = (("hiep", "hoi"), ("lien", "doan"), ("cau", "lac", "bo"), ("doan", "luat", "su"), ("hoi",), ("so",))
_PLACE_WORDS = frozenset({"tinh", "thanh", "phuong", "xa", "dac"})


def _match_named_body(text: str, toks: Sequence[regex.Match[str]]) -> int | None:
    """End of an association or department named by its own name and its place, or None.

    "Hội Công chứng viên tỉnh Lâm Đồng", "Hiệp hội Doanh nghiệp tỉnh Bình Thuận",
    "Sở Tư pháp tỉnh Lâm Đồng": a head, a capitalised name of at most five words,
    then a locality, which must be there (a bare "Hội" is no issuer).
    """
    folded = [fold(t.group()).lower() for t in toks]
    head = next((h for h in _NAMED_BODY_HEADS if tuple(folded[: len(h)]) == h), None)
    if head is None or len(toks) <= len(head) or not toks[len(head)].group()[:1].isupper():
        return None
    for k in range(len(head) + 1, min(len(toks), len(head) + 6)):
        if folded[k] in _PLACE_WORDS:
            loc = P.locality_re().match(text, toks[k - 1].end())
            return loc.end() if loc else None
    return None


def match_issuer(text: str, pos: int) -> tuple[int, int] | None:
    """The issuer phrase attached at ``pos`` ("của Bộ Chính trị, Ban Bí thư"): the span
    of the issuer itself, without "của"; a list of bodies belongs together.

    >>> t = " của Bộ Chính trị, Ban Bí thư về"
    >>> s, e = match_issuer(t, 0); t[s:e]
    'Bộ Chính trị, Ban Bí thư'
    """
    m = P.of_re().match(text, pos)
    if m is None:
        return None
    end = _match_body(text, m.end())
    if end is None:
        return None
    while True:
        sep = P.issuer_sep_re().match(text, end)
        if sep is None:
            break
        nxt = _match_body(text, sep.end())
        if nxt is None or P.subject_verb_re().match(text, nxt):
            break  # "của Quốc hội, Chính phủ đã ban hành": Chính phủ starts the next clause
        end = nxt
    return m.end(), end


def _apply_tail(text: str, men: _Mention, pos: int) -> None:
    """Read the date and the issuer written right after ``pos`` into ``men``."""
    men.core_end = men.end = pos
    d = P.date_re().match(text, pos)
    if d is not None:
        date = _iso(d)
        if date is None:
            return
        men.date = date
        men.year = men.year or int(d.group("dyear"))
        men.core_end = men.end = pos = d.end()
    iss = match_issuer(text, pos)
    if iss is not None:
        men.issuer = text[iss[0] : iss[1]]
        men.end = iss[1]


_BARE_SO_BLOCK = {"mau", "bieu", "luc", "khoan", "tai", "muc", "diem", "phu", "hieu", "tu", "ma", "thua", "do"}


def _find_numbered(text: str) -> list[_Mention]:
    out: list[_Mention] = []
    head_re, law_re, so_re, cont_re = P.head_re(), P.law_head_re(), P.so_head_re(), P.continuation_re()
    for m in P.numsym_re().finditer(text):
        s = m.start()
        sym = _symbol_from_match(m)
        start, word, lawname = s, None, None
        h = head_re.search(text, max(0, s - 90), s)
        pre = h.group("pre") if h else None
        if h:
            start, word = h.start(), h.group("type")
        if h is None or (_squash(h.group("type")) == "luat" and not pre):
            # "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15": the law's name
            # comes first ("pháp luật số" is not the type word)
            lh = law_re.search(text, max(0, s - 220), s)
            if lh:
                start, word, lawname, pre = lh.start(), lh.group("type"), lh.group("lawname"), None
            elif h is not None and h.group("type")[0].islower():
                h, start, word = None, s, None
        prev = out[-1] if out else None
        if word is None and prev is not None and prev.end <= s and prev.sym is not None:
            c = cont_re.match(text, prev.end, s)
            if c:
                # "... và số 160/TB-VPCP", "..., 8008/BNNMT-ĐCKS": a member of a list
                start = c.start("so") if c.group("so") else s
                dt = _doc_type_for(None, sym) if sym.type_code else prev.doc_type
                if sym.type_code == "QĐ" and prev.doc_type in ("Quy định", "Quyết định"):
                    dt = prev.doc_type
                men = _Mention(start, m.end(), "numbered", dt, sym.number, sym, sym.year)
                _apply_tail(text, men, m.end())
                out.append(men)
                continue
        if word is None:
            so = so_re.search(text, max(0, s - 40), s)
            if so:
                before = fold(so.group("word") or "").strip()
                if before in _BARE_SO_BLOCK:
                    continue  # "Mẫu số 01/TB", "Phụ lục số 2/BC": a form or a part, not a document
                start = so.start() + len(so.group("word") or "")
            elif not _strong_bare(sym):
                continue
        dt = _doc_type_for(word, sym)
        if sym.numbering == "state" and sym.year is None and "-" not in sym.symbol and dt in _short_types():
            continue  # "Đề án 06/CP": an issuer, not a symbol; a short form
        men = _Mention(start, m.end(), "numbered", dt, sym.number, sym, sym.year)
        if lawname:
            men.name = _slug(lawname)
        _apply_tail(text, men, m.end())
        if pre and h is not None:
            # "các Kết luận số 187, 188- KL/TW ngày 29/8/2025 của Bộ Chính trị":
            # 187 shares the symbol, the date and the issuer of 188
            for j, n in enumerate(P.compiled(P.BARE_NUMBER).finditer(pre)):
                ps = start if j == 0 else h.start("pre") + n.start()
                pm = _Mention(ps, h.start("pre") + n.end(), "numbered", dt, n.group(), replace(sym, number=n.group()))
                pm.year, pm.date, pm.issuer = men.year, men.date, men.issuer
                pm.core_end = pm.end
                out.append(pm)
            men.start = s
        out.append(men)
    return out


def _strong_bare(sym: Symbol) -> bool:
    """A number and symbol with no type word before it still names a document when the
    symbol is unmistakable: Party layout with a known type code ("57-NQ/TW"), or state
    layout with a type code or a year ("88/2025/NĐ-CP", "1447/BKHCN-CĐSQG")."""
    if sym.numbering == "party":
        return sym.type_code in _type_by_symbol_code()
    return bool(sym.type_code or sym.year or "-" in sym.symbol)


def _find_named(text: str, folded: str) -> list[_Mention]:
    out: list[_Mention] = []
    draft_end: int | None = None
    for m in P.finditer_named(text):
        if m.group("congress"):
            org = [w for w in _slug(m.group("org") or "").split("-") if w]
            org = [w for w in org if w not in {"dai", "bieu", "toan", "quoc"}]
            org_slug = "-".join(org) if org and org != ["dang"] else ""
            name = f"dai-hoi{'-' + org_slug if org_slug else ''}:{m.group('ord')}"
            men = _Mention(m.start(), m.end(), "named", "Nghị quyết", name=name)
            men.named_key = f"NQ:{name}"
            if P.compiled(P.OF_THE_PARTY).search(m.group(0)):
                men.issuer = "Đảng"
        elif m.group("plenum"):
            nth = m.group("nth")
            n = m.group("n") or (str(P.ORDINALS.get(nth.lower(), nth)) if nth else None)
            name = f"tw{'-' + n if n else ''}:{m.group('term')}"
            men = _Mention(m.start(), m.end(), "named", "Nghị quyết", name=name)
            men.named_key = f"NQ:{name}"
        elif m.group("constitution"):
            year = m.group("year")
            men = _Mention(m.start(), m.end(), "named", "Hiến pháp", name="hien-phap", year=int(year) if year else None)
            men.named_key = "HP" + (f":{year}" if year else "")
        else:
            s = m.start()
            listed = draft_end is not None and P.compiled(P.DRAFT_LIST_GAP).fullmatch(text[draft_end:s])
            if (
                listed
                or P.compiled(P.DRAFT_BEFORE).search(folded, max(0, s - 40), s)
                or P.compiled(P.DRAFT_AFTER).match(text, m.end("lawname"))
            ):
                draft_end = m.end()
                continue  # "các dự án: Luật A, Luật B", "Luật ... (sửa đổi)": laws still to be made
            if (
                out
                and out[-1].doc_type == "Luật"
                and (out[-1].name or "").startswith("sua-doi")
                and P.compiled(r"\x20và\x20").fullmatch(text[out[-1].end : s])
            ):
                # "Luật sửa đổi, bổ sung một số điều của Luật A và Luật B ngày ...": one law
                prev = out.pop()
                m_end = m.end()
                prev.end = prev.core_end = m_end
                prev.name = (prev.name or "") + "-va-" + _slug(m.group("lawname"))
                prev.year = int(m.group("year")) if m.group("year") else None
                if prev.year is None:
                    _apply_tail(text, prev, m_end)
                    if prev.date is None:
                        prev.issuer, prev.end, prev.core_end = None, m_end, m_end
                out.append(prev)
                continue
            name = _slug(m.group("lawname"))
            year = int(m.group("year")) if m.group("year") else None
            men = _Mention(s, m.end(), "named", "Luật", name=name, year=year)
            if year is None:
                _apply_tail(text, men, m.end())
                if men.date is None:
                    men.issuer = None
                    men.end = men.core_end = m.end()
            else:
                men.core_end = m.end()
        out.append(men)
    return out


def _find_short(text: str) -> list[_Mention]:
    out = []
    more = P.short_more_re()
    for m in P.short_re().finditer(text):
        number = m.group("number")
        if (
            len(number) == 4
            and number[:2] in ("19", "20")
            and not P.compiled(P.SO_BEFORE).search(text[m.start() : m.start("number")])
        ):
            continue  # "Chương trình 2030": a year
        dt = _doc_type_of_word(m.group("type"))
        men = _Mention(m.start(), m.end(), "short", dt, number, hint=m.group("hint"))
        if m.group("syear"):
            men.year = int(m.group("syear"))
        group = [men]
        pos = m.end()
        while (n := more.match(text, pos)) is not None:
            # "Nghị quyết 57, 59, 66 và 68 của Bộ Chính trị": one short form per number
            group.append(_Mention(n.start("number"), n.end(), "short", dt, n.group("number")))
            pos = n.end()
        _apply_tail(text, group[-1], pos)
        for g in group[:-1]:
            g.core_end = g.end
            g.issuer = group[-1].issuer
        out += group
    return out


# --- the document's own number -------------------------------------------------------


def _own_designations(
    text: str, mentions: list[_Mention], own_id: tuple[str | None, str | None] | None
) -> dict[tuple[str, str], int | None]:
    """(number, symbol) of the document itself -> its year when known: given as
    ``own_id``, read from its "Số:" line (the year from the date line below it),
    or from its appendix headings "(Kèm theo Quyết định số ...)"."""
    own: dict[tuple[str, str], int | None] = {}
    if own_id and own_id[0] and own_id[1]:
        sym = parse_symbol(own_id[0], own_id[1])
        if sym:
            own[(plain_number(sym.number), sym.symbol)] = sym.year
    for h in P.own_header_re().finditer(text, 0, min(len(text), 2500)):
        n = P.numsym_re().match(text, h.end())
        if n:
            sym = _symbol_from_match(n)
            dated = P.compiled(P.HEADER_DATE).search(text, n.end(), n.end() + 300)
            year = sym.year or (int(dated.group(1)) if dated else None)
            own[(plain_number(sym.number), sym.symbol)] = own.get((plain_number(sym.number), sym.symbol)) or year
    for men in mentions:
        if men.kind != "numbered" or men.sym is None:
            continue
        a = P.own_appendix_re().search(text, max(0, men.start - 30), men.start)
        if a and P.compiled(P.APPENDIX_CLOSE).match(text, men.end):
            ident = (plain_number(men.sym.number), men.sym.symbol)
            own[ident] = own.get(ident) or men.year
    return own


def _is_own(men: _Mention, own: dict[tuple[str, str], int | None]) -> bool:
    """The document's own number; a mention of another year is another document
    ("Nghị quyết số 01-NQ/ĐU ngày 05/01/2025" cited by the 01-NQ/ĐU of 2026)."""
    if men.sym is None:
        return False
    ident = (plain_number(men.sym.number), men.sym.symbol)
    if ident not in own:
        return False
    year = own[ident]
    return year is None or men.year is None or men.year == year


# --- sentences and relations ------------------------------------------------------------


def _relations(folded: str, mentions: list[_Mention], sents: _Sentences) -> None:
    rel_re = P.relation_re()
    for i, men in enumerate(mentions):
        ss, _ = sents.bounds(men.start)
        last = None
        for r in rel_re.finditer(folded, max(ss, men.start - 400), men.start):
            last = r
        if last is None:
            men.relation = "cites"
            continue
        kind = last.lastgroup or "cites"
        j = i - 1
        while j >= 0 and mentions[j].start >= ss and mentions[j].end > last.start():
            j -= 1
        prev = mentions[j] if j >= 0 and mentions[j].start >= ss else None
        gap = folded[prev.end : last.start()] if prev else ""
        attached = prev is not None and ";" not in gap and ":" not in gap and len(gap) < 150
        if kind == "passive":
            men.relation = prev.relation if prev else "cites"
        elif attached:
            # "Nghị định số 187/2025/NĐ-CP ... sửa đổi, bổ sung ... Nghị định số 78/2025/NĐ-CP":
            # the verb says what 187 does to 78, not what this document does
            men.relation = "cites"
        else:
            men.relation = kind


# --- keys -------------------------------------------------------------------------------


def _assign_keys(text: str, mentions: list[_Mention]) -> None:
    """Keys from normalised fields, then the joins that the notice or the catalog make safe:
    a yearless number takes the year the same notice gives it elsewhere (only one), else
    the catalog's entry (only one); a short form takes the one numbered mention of its
    type and number in the notice, else the catalog's alias; a law's name takes the
    numbered mention of that law in the notice, else the catalog's alias."""
    numbered = [m for m in mentions if m.kind == "numbered" and m.sym is not None]
    years: dict[tuple[str, str], set[int]] = {}
    for m in numbered:
        assert m.sym is not None
        if m.year:
            years.setdefault((_type_code(m.doc_type, m.sym), m.sym.designation), set()).add(m.year)
    for m in numbered:
        assert m.sym is not None
        tc, desig = _type_code(m.doc_type, m.sym), m.sym.designation
        y = m.year
        if y is None:
            known = years.get((tc, desig), set())
            hit = _catalog_by_designation().get((tc, desig), [])
            if len(known) == 1:
                y = next(iter(known))
            elif not known and len(hit) == 1:
                m.key = hit[0]
                continue
        m.key = _numbered_key(m.doc_type, m.sym, y)
    by_number: dict[tuple[str, str], set[str]] = {}
    by_law: dict[str, set[str]] = {}
    for m in numbered:
        by_number.setdefault((_type_code(m.doc_type, m.sym), plain_number(m.number or "0")), set()).add(m.key)
        if m.name:
            by_law.setdefault(m.name, set()).add(m.key)
    for m in mentions:
        if m.kind == "short":
            tc, n = _type_code(m.doc_type, None), plain_number(m.number or "0")
            cands = by_number.get((tc, n), set())
            if m.year:
                cands = {k for k in cands if k.endswith(f":{m.year}")}
            unresolved = f"{tc}:{n}" + (f":{m.year}" if m.year else "")
            if len(cands) == 1:
                m.key = next(iter(cands))
            elif not cands and not m.year:
                m.key = _catalog_alias(m.doc_type, m.number or "0", m.hint) or unresolved
            else:
                m.key = unresolved
        elif m.kind == "named":
            m.key = _law_key(m, by_law) if m.doc_type == "Luật" else (m.named_key or f"?:{m.name}")
    # "Luật Khoa học và công nghệ (Luật số 29/2013/QH13 ngày 18/6/2013)": the name and its number
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.kind == "named" and a.doc_type == "Luật" and b.kind == "numbered" and b.doc_type == "Luật":
            if P.compiled(P.PAREN_OPEN).fullmatch(text[a.end : b.start]):
                a.key = b.key
    # a law's name without a year joins the same name with a year in the same notice
    dated: dict[str, set[str]] = {}
    for m in mentions:
        if m.kind == "named" and m.doc_type == "Luật" and m.year:
            dated.setdefault(m.name or "", set()).add(m.key)
    for m in mentions:
        if m.kind == "named" and m.doc_type == "Luật" and not m.year and m.key == f"L:{m.name}":
            cands = dated.get(m.name or "", set())
            if len(cands) == 1:
                m.key = next(iter(cands))


def _law_key(m: _Mention, by_law: dict[str, set[str]]) -> str:
    name = m.name or ""
    cands = by_law.get(name, set())
    if len(cands) == 1:
        return next(iter(cands))
    hit = _catalog_aliases().get(("L", name))
    if hit and (m.year is None or _catalog_year(hit) in (None, m.year)):
        return hit
    return f"L:{name}" + (f":{m.year}" if m.year else "")


# --- assembling ---------------------------------------------------------------------------


def _without_overlaps(found: list[_Mention], taken: list[_Mention]) -> list[_Mention]:
    """``found`` minus the mentions that overlap one of ``taken`` (kept first)."""
    spans = sorted((m.start, m.end) for m in taken)
    starts = [s for s, _ in spans]
    out = []
    for m in found:
        i = bisect.bisect_left(starts, m.end)
        if any(s < m.end and m.start < e for s, e in spans[max(0, i - 3) : i]):
            continue
        out.append(m)
    return out


_NAMED_HINTS = ("uật", "UẬT", "iến pháp", "IẾN PHÁP", "ại hội", "ẠI HỘI", "rung ương", "RUNG ƯƠNG")


def _prefilter(text: str) -> bool:
    """Cheap test before any pattern: every citation has a digit, except the named
    ones ("Bộ luật Lao động", "Hiến pháp", "Nghị quyết Đại hội XIV")."""
    return any(c.isdigit() for c in text) or any(h in text for h in _NAMED_HINTS)


def _share_list_issuers(text: str, mentions: list[_Mention]) -> None:
    """ "Chỉ thị số 35-CT/TW và Quy định số 11-QĐi/TW của Bộ Chính trị": the trailing
    issuer belongs to each member of the list whose symbol has the same issuer code."""
    for i in range(len(mentions) - 2, -1, -1):
        a, b = mentions[i], mentions[i + 1]
        if a.issuer or b.issuer is None or a.kind != "numbered" or b.kind != "numbered":
            continue
        if not P.compiled(P.LIST_GAP).fullmatch(text[a.end : b.start]):
            continue
        if a.sym and b.sym and a.sym.issuer_code and a.sym.issuer_code == b.sym.issuer_code:
            a.issuer = b.issuer


def extract_citations(
    text: str,
    own_spans: Sequence[tuple[int, int]] = (),
    own_id: tuple[str | None, str | None] | None = None,
) -> list[Citation]:
    """Normalised text -> the citations of other documents in it, in text order.

    ``own_spans``: spans of the document's own identity (its "Số" line, "Nơi
    nhận", its own appendix headings); mentions inside them are dropped.
    ``own_id``: the document's own (number, symbol); mentions of it are dropped.
    Mentions in the "Số:" line at the top and in "(Kèm theo Quyết định số ...)"
    appendix lines are recognised as the document's own even without them.
    Returned citations have ``item=None``, ``sentence_start``/``sentence_end``,
    ``kind``, ``relation`` and ``key`` set.

    >>> [c.key for c in extract_citations("thực hiện Chỉ thị số 50-CT/TW, ngày 22/12/2025 của Ban Bí thư và NQ 57")]
    ['CT:50-CT/TW:2025', 'NQ:57-NQ/TW:2024']
    """
    if not text or not _prefilter(text):
        return []
    folded = fold(text)
    numbered = _find_numbered(text)
    named = _without_overlaps(_find_named(text, folded), numbered)
    taken = sorted(numbered + named, key=lambda m: m.start)
    short = _without_overlaps(_find_short(text), taken)
    mentions = sorted(taken + short, key=lambda m: (m.start, -m.end))
    own = _own_designations(text, mentions, own_id)
    spans = sorted(own_spans)
    kept = []
    for men in mentions:
        if _is_own(men, own):
            continue
        if any(s <= men.start < e for s, e in spans):
            continue
        kept.append(men)
    mentions = kept
    _share_list_issuers(text, mentions)
    sents = _Sentences(text)
    _relations(folded, mentions, sents)
    _assign_keys(text, mentions)
    out = []
    for men in mentions:
        ss, se = sents.bounds(men.start)
        se = max(se, men.end)
        out.append(
            Citation(
                text=text[men.start : men.end],
                start=men.start,
                end=men.end,
                doc_type=men.doc_type,
                number=men.number,
                symbol=men.sym.symbol if men.sym else None,
                year=men.year,
                date=men.date,
                issuer=men.issuer,
                key=men.key,
                kind=men.kind,
                relation=men.relation,
                item=None,
                sentence_start=ss,
                sentence_end=se,
            )
        )
    return out


# --- anaphora ------------------------------------------------------------------------------


def _own_type(text: str) -> str | None:
    m = P.compiled(P.OWN_TYPE_LINE).search(text, 0, min(len(text), 3000))
    if m:
        return _doc_type_of_word(m.group("t"))
    if P.compiled(P.SUBJECT_LINE).search(text[:1500]):
        return "Công văn"
    return None


def resolve_anaphora(text: str, citations: Sequence[Citation]) -> list[tuple[int, int, str | None]]:
    """Anaphora ("Nghị quyết trên", "Chỉ thị này", "Kế hoạch nêu trên") -> their antecedent's key.

    The antecedent is the most recent group of citations (one sentence) before
    the anaphor, within 1500 characters: resolved when exactly one directive of
    the anaphor's type stands in it; left ``None`` when another reference
    stands between, when two candidates compete, and for "X này" where X is the
    document's own type (it names the document itself).

    >>> t = "Thực hiện Chỉ thị số 05-CT/TU ngày 08/01/2026. Chỉ thị trên yêu cầu ..."
    >>> resolve_anaphora(t, extract_citations(t))
    [(47, 59, 'CT:5-CT/TU:2026')]
    """
    out: list[tuple[int, int, str | None]] = []
    cits = sorted(citations, key=lambda c: c.start)
    starts = [c.start for c in cits]
    own_type = _own_type(text)
    sents = _Sentences(text)
    for m in P.anaphora_re().finditer(text):
        s, e = m.start(), m.end()
        if any(c.start <= s < c.end for c in cits):
            continue
        t = _doc_type_of_word(m.group("type"))
        det = fold(m.group("det"))
        key: str | None = None
        i = bisect.bisect_left(starts, s) - 1
        while i >= 0 and cits[i].end > s:
            i -= 1
        if det == "nay" and t == own_type:
            key = None
        elif i >= 0 and s - cits[i].end <= 1500:
            last = cits[i]
            ls, le = sents.bounds(last.start)
            group = [c for c in cits[: i + 1] if c.start >= ls]
            keys = {c.key for c in group if c.doc_type == t}
            if len(keys) == 1:
                key = next(iter(keys))
        out.append((s, e, key))
    return out


# Issuer codes of a ward's or commune's own organs: their numbers are unique only
# within the unit ("Nghị quyết số 02-NQ/ĐU" of phường Đồ Sơn is not that of phường
# Tân Hưng), so such keys are qualified by the unit of the notice that cites them.
_WARD_PARTY_CODES = frozenset({"du", "dup", "cb", "dub"})
_WARD_STATE_CODES = frozenset({"ubnd", "hdnd", "ubmttq", "mttq", "uban"})
_OTHER_LEVEL = re.compile(r"\b(?:thanh pho|tinh|trung uong|quan|huyen|thi xa|thanh uy|tinh uy|chinh phu|bo)\b")


def scope_key(key: str, symbol: str | None, issuer: str | None, unit: str | None) -> str:
    """Qualify a ward-level key by the citing notice's unit.

    >>> scope_key("NQ:2-NQ/ĐU:2025", "NQ/ĐU", None, "phường Đồ Sơn")
    'NQ:2-NQ/ĐU:2025@phuong-do-son'
    >>> scope_key("KH:980/KH-UBND:2025", "KH-UBND", "Ủy ban nhân dân thành phố", "phường Đồ Sơn")
    'KH:980/KH-UBND:2025'
    >>> scope_key("NQ:57-NQ/TW:2024", "NQ/TW", "Bộ Chính trị", "phường Đồ Sơn")
    'NQ:57-NQ/TW:2024'
    """
    if not unit or not symbol or "@" in key or not re.match(r"(?:phuong|xa|thi tran|dac khu)\b", fold(unit)):
        return key  # only a ward's or commune's own numbering is scoped
    f = fold(symbol)
    party = f.split("/", 1)[1] if "/" in f else None
    state = f.rsplit("-", 1)[1] if "-" in f and "/" not in f.split("-", 1)[1] else None
    local = (party in _WARD_PARTY_CODES) or (state in _WARD_STATE_CODES)
    if not local:
        return key
    if issuer:
        fi = fold(issuer)
        own = fold(unit)
        if _OTHER_LEVEL.search(fi) or (re.search(r"\b(?:phuong|xa|thi tran)\s+\S", fi) and own not in fi):
            return key  # "của UBND thành phố", "của Đảng ủy phường X" (another ward): not this unit's own
    return f"{key}@{re.sub(r'[^0-9a-z]+', '-', fold(unit)).strip('-')}"
