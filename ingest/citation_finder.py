"""Citations, finding: the mentions of other documents in a text, with their spans.

Eyecite-style: find anchors (a number with its symbol; a short form; a name), then
look left for the type word (``head``) and right for the date and the issuer
(``tail``: :func:`match_issuer`); then share a list's trailing issuer, drop the
document's own number and read the relation the sentence states. The grammar is
:mod:`ingest.patterns`'; what a mention names (its key) is
:mod:`ingest.citation_resolver`'s.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import replace

import regex

from ingest import patterns as P
from ingest.citation_resolver import (
    Mention,
    Symbol,
    doc_type_of_word,
    parse_symbol,
    plain_number,
    short_types,
    squash,
    symbol_from_match,
    type_by_symbol_code,
)
from ingest.normalize import fold
from ingest.vocabulary import Sentences as _Sentences
from ingest.vocabulary import slug as _slug

__all__ = [
    "find_named",
    "find_numbered",
    "find_short",
    "is_own",
    "match_issuer",
    "own_designations",
    "prefilter",
    "relations",
    "share_list_issuers",
    "without_overlaps",
]


def _doc_type_for(word: str | None, sym: Symbol | None) -> str | None:
    """The doc_type a mention states: its type word, else its symbol's type code.
    "văn bản số 07-TB/CQTTBCĐ" is a Thông báo; "văn bản số 18345/BTC-NSNN" a Công văn."""
    from_symbol = type_by_symbol_code().get(sym.type_code) if sym and sym.type_code else None
    if word:
        dt = doc_type_of_word(word)
        if dt == "Công văn" and squash(word) == "van ban" and from_symbol:
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
    words = tuple(fold(t.group()) for t in toks)  # folded once, not once per length tried
    for k in range(len(toks), 0, -1):
        hit = table.get(words[:k])
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


def _apply_tail(text: str, men: Mention, pos: int) -> None:
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


def find_numbered(text: str) -> list[Mention]:
    out: list[Mention] = []
    head_re, law_re, so_re, cont_re = P.head_re(), P.law_head_re(), P.so_head_re(), P.continuation_re()
    for m in P.numsym_re().finditer(text):
        s = m.start()
        sym = symbol_from_match(m)
        start, word, lawname = s, None, None
        h = head_re.search(text, max(0, s - 90), s)
        pre = h.group("pre") if h else None
        if h:
            start, word = h.start(), h.group("type")
        if h is None or (squash(h.group("type")) == "luat" and not pre):
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
                men = Mention(start, m.end(), "numbered", dt, sym.number, sym, sym.year)
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
        if sym.numbering == "state" and sym.year is None and "-" not in sym.symbol and dt in short_types():
            continue  # "Đề án 06/CP": an issuer, not a symbol; a short form
        men = Mention(start, m.end(), "numbered", dt, sym.number, sym, sym.year)
        if lawname:
            men.name = _slug(lawname)
        _apply_tail(text, men, m.end())
        if pre and h is not None:
            # "các Kết luận số 187, 188- KL/TW ngày 29/8/2025 của Bộ Chính trị":
            # 187 shares the symbol, the date and the issuer of 188
            for j, n in enumerate(P.compiled(P.BARE_NUMBER).finditer(pre)):
                ps = start if j == 0 else h.start("pre") + n.start()
                pm = Mention(ps, h.start("pre") + n.end(), "numbered", dt, n.group(), replace(sym, number=n.group()))
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
        return sym.type_code in type_by_symbol_code()
    return bool(sym.type_code or sym.year or "-" in sym.symbol)


def find_named(text: str, folded: str) -> list[Mention]:
    out: list[Mention] = []
    draft_end: int | None = None
    for m in P.finditer_named(text):
        if m.group("congress"):
            org = [w for w in _slug(m.group("org") or "").split("-") if w]
            org = [w for w in org if w not in {"dai", "bieu", "toan", "quoc"}]
            org_slug = "-".join(org) if org and org != ["dang"] else ""
            name = f"dai-hoi{'-' + org_slug if org_slug else ''}:{m.group('ord')}"
            men = Mention(m.start(), m.end(), "named", "Nghị quyết", name=name)
            men.named_key = f"NQ:{name}"
            if P.compiled(P.OF_THE_PARTY).search(m.group(0)):
                men.issuer = "Đảng"
        elif m.group("plenum"):
            nth = m.group("nth")
            n = m.group("n") or (str(P.ORDINALS.get(nth.lower(), nth)) if nth else None)
            name = f"tw{'-' + n if n else ''}:{m.group('term')}"
            men = Mention(m.start(), m.end(), "named", "Nghị quyết", name=name)
            men.named_key = f"NQ:{name}"
        elif m.group("constitution"):
            year = m.group("year")
            men = Mention(m.start(), m.end(), "named", "Hiến pháp", name="hien-phap", year=int(year) if year else None)
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
            men = Mention(s, m.end(), "named", "Luật", name=name, year=year)
            if year is None:
                _apply_tail(text, men, m.end())
                if men.date is None:
                    men.issuer = None
                    men.end = men.core_end = m.end()
            else:
                men.core_end = m.end()
        out.append(men)
    return out


def find_short(text: str) -> list[Mention]:
    out = []
    more = P.short_more_re()
    for m in P.finditer_short(text):
        number = m.group("number")
        if (
            len(number) == 4
            and number[:2] in ("19", "20")
            and not P.compiled(P.SO_BEFORE).search(text[m.start() : m.start("number")])
        ):
            continue  # "Chương trình 2030": a year
        dt = doc_type_of_word(m.group("type"))
        men = Mention(m.start(), m.end(), "short", dt, number, hint=m.group("hint"))
        if m.group("syear"):
            men.year = int(m.group("syear"))
        group = [men]
        pos = m.end()
        while (n := more.match(text, pos)) is not None:
            # "Nghị quyết 57, 59, 66 và 68 của Bộ Chính trị": one short form per number
            group.append(Mention(n.start("number"), n.end(), "short", dt, n.group("number")))
            pos = n.end()
        _apply_tail(text, group[-1], pos)
        for g in group[:-1]:
            g.core_end = g.end
            g.issuer = group[-1].issuer
        out += group
    return out


# --- the document's own number -------------------------------------------------------


def own_designations(
    text: str, mentions: list[Mention], own_id: tuple[str | None, str | None] | None
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
            sym = symbol_from_match(n)
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


def is_own(men: Mention, own: dict[tuple[str, str], int | None]) -> bool:
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


def relations(folded: str, mentions: list[Mention], sents: _Sentences) -> None:
    for i, men in enumerate(mentions):
        ss, _ = sents.bounds(men.start)
        last = None
        for r in P.finditer_relations(folded, max(ss, men.start - 400), men.start):
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


# --- assembling ---------------------------------------------------------------------------


def without_overlaps(found: list[Mention], taken: list[Mention]) -> list[Mention]:
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


def prefilter(text: str) -> bool:
    """Cheap test before any pattern: every citation has a digit, except the named
    ones ("Bộ luật Lao động", "Hiến pháp", "Nghị quyết Đại hội XIV")."""
    return any(c.isdigit() for c in text) or any(h in text for h in _NAMED_HINTS)


def share_list_issuers(text: str, mentions: list[Mention]) -> None:
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


