"""Citations, resolving: what a mention found in the text names.

The lookup tables of document types and issuer codes (from the vocabulary), a
symbol's parts (:func:`parse_symbol`), the stable ``key`` from normalised fields
(:func:`citation_key`: ``NQ:57-NQ/TW:2024``), the catalog of national directives
(``data/catalog.json``), the joins a notice or the catalog make safe (a yearless
number, a short form, a law's name: :func:`assign_keys`), and a ward's own numbering
scoped to its unit (:func:`scope_key`). Finding the mentions is
:mod:`ingest.citation_finder`'s job; :mod:`ingest.citations` runs both.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, replace
from typing import Any

import regex

from ingest import patterns as P
from ingest.normalize import fold
from ingest.vocabulary import CITED_TYPES
from ingest.vocabulary import slug as _slug

# the stage's logger: a header's odd symbol is reported as a citation warning
log = logging.getLogger("ingest.citations")

__all__ = [
    "Mention",
    "Symbol",
    "assign_keys",
    "catalog",
    "citation_key",
    "doc_type_of_word",
    "parse_symbol",
    "plain_number",
    "scope_key",
]


# --- vocabularies as lookup tables ------------------------------------------------


def squash(s: str) -> str:
    return " ".join(fold(s).split())


@functools.cache
def type_by_word() -> dict[str, str]:
    """fold(type word) -> doc_type: "van ban" -> "Công văn", "nq" -> "Nghị quyết"."""
    out: dict[str, str] = {}
    for t in CITED_TYPES:
        for w in [t.name, *t.words, *t.abbreviations]:
            out.setdefault(squash(w), t.name)
    return out


@functools.cache
def type_by_symbol_code() -> dict[str, str]:
    """Type code inside a symbol -> doc_type: "NĐ" -> "Nghị định", "QĐi" -> "Quy định"."""
    return {c: t.name for t in CITED_TYPES for c in t.symbol_codes}


@functools.cache
def short_types() -> frozenset[str]:
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


def doc_type_of_word(word: str) -> str:
    return type_by_word()[squash(word)]


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
    types = type_by_symbol_code()
    if seg in types or _issuer_code_entry(seg):
        return [seg]
    for t in sorted(types, key=len, reverse=True):
        if len(seg) > len(t) and seg.startswith(t) and _issuer_code_entry(_canon_code(seg[len(t) :])):
            return [t, _canon_code(seg[len(t) :])]
    return [seg]


def symbol_from_match(m: regex.Match[str]) -> Symbol:
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
    type_code = segs[0] if segs[0] in type_by_symbol_code() and len(segs) > 1 else None
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
    parsed = symbol_from_match(m)
    if y:
        parsed = replace(parsed, year=int(y.group(1)))
    return parsed


# --- keys -----------------------------------------------------------------------------


def _type_code(doc_type: str | None, sym: Symbol | None) -> str:
    if sym and sym.type_code:
        # a code no cited type has ("BB" of a Biên bản, "-BB/ĐU": minutes are filed, never cited) is its own key code
        name = type_by_symbol_code().get(sym.type_code)
        return _code_of_type().get(name, sym.type_code) if name else sym.type_code
    if doc_type:
        # "Thông báo kết luận" (a header's doc_type) is a Thông báo
        name = doc_type if doc_type in _code_of_type() else type_by_word().get(squash(doc_type), "")
        return _code_of_type().get(name, squash(doc_type))
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
                tc = _code_of_type()[doc_type_of_word(m.group("type"))]
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



# --- a mention, as found and then resolved ------------------------------------------


@dataclass
class Mention:
    """A mention as :mod:`ingest.citation_finder` finds it (span, fields, relation); :func:`assign_keys` gives its ``key``."""

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


# --- keys -------------------------------------------------------------------------------


def assign_keys(text: str, mentions: list[Mention]) -> None:
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


def _law_key(m: Mention, by_law: dict[str, set[str]]) -> str:
    name = m.name or ""
    cands = by_law.get(name, set())
    if len(cands) == 1:
        return next(iter(cands))
    hit = _catalog_aliases().get(("L", name))
    if hit and (m.year is None or _catalog_year(hit) in (None, m.year)):
        return hit
    return f"L:{name}" + (f":{m.year}" if m.year else "")



# Issuer codes of a ward's or commune's own organs: their numbers are unique only
# within the unit ("Nghị quyết số 02-NQ/ĐU" of phường Đồ Sơn is not that of phường
# Tân Hưng), so such keys are qualified by the unit of the notice that cites them.
_WARD_PARTY_CODES = frozenset({"du", "dup", "cb", "dub"})
_WARD_STATE_CODES = frozenset({"ubnd", "hdnd", "ubmttq", "mttq", "uban"})
_OTHER_LEVEL = re.compile(r"\b(?:thanh pho|tinh|trung uong|quan|huyen|thi xa|thanh uy|tinh uy|chinh phu|bo)\b")


def ward_numbering(symbol: str) -> bool:
    """Whether a symbol is one a ward or commune numbers its own documents in (every ward has a "07-TB/ĐU").

    >>> [ward_numbering(s) for s in ("TB/ĐU", "NQ-HĐND", "NQ/TW", "KH-UBND", "CT/TU")]
    [True, True, False, True, False]
    """
    f = fold(symbol)
    party = f.split("/", 1)[1] if "/" in f else None
    state = f.rsplit("-", 1)[1] if "-" in f and "/" not in f.split("-", 1)[1] else None
    return (party in _WARD_PARTY_CODES) or (state in _WARD_STATE_CODES)


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
    if not ward_numbering(symbol):
        return key
    if issuer:
        fi = fold(issuer)
        own = fold(unit)
        if _OTHER_LEVEL.search(fi) or (re.search(r"\b(?:phuong|xa|thi tran)\s+\S", fi) and own not in fi):
            return key  # "của UBND thành phố", "của Đảng ủy phường X" (another ward): not this unit's own
    return f"{key}@{re.sub(r'[^0-9a-z]+', '-', fold(unit)).strip('-')}"
