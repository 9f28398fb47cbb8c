"""Bodies, the registry: the organs a notice may name (``ingest/data/bodies.json``: types,
aliases, levels, domains), the scope of a document (its ward or city), the mentions of
registered bodies in a text with their spans, and the canonical scoped name and stable id
of each ("UBND phường" in a notice of phường Tân Hưng -> ``ubnd@phuong-tan-hung``).

Which of them a task is assigned to is :mod:`ingest.body_roles`' grammar;
:mod:`ingest.bodies` runs the stage. Matching runs on :func:`ingest.normalize.fold`
(same length as the text), so accents, case and tone placement do not matter.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from ingest.models import Header
from ingest.normalize import fold, unify_tone_placement
from ingest.prefilter import phrase_automaton, phrase_hits, re_agrees, re_twin, share_scan
from ingest.vocabulary import BODY_LEVELS, PROVINCE_LEVELS, WARD_LEVELS, slug

DATA = Path(__file__).parent / "data" / "bodies.json"
KINDS = ("party", "state", "front", "mass", "upper")
SCOPES = ("unit", "city", "none")

# --- the registry -------------------------------------------------------------


@dataclass(frozen=True)
class BodyType:
    """One entry of ``bodies.json``: an organ that exists once per scope."""

    id: str
    name: str
    kind: str
    level: str
    scope: str
    aliases: tuple[str, ...]
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    party_tail: bool = False  # may be followed by "Đảng ủy"/"Đảng bộ"/"ĐU"
    capitalised: bool = False  # "Công an" yes, "lực lượng công an" no
    numbered: bool = False  # "Tổ dân phố số 8", "Tổ dân phố Đoàn Kết"
    named: bool = False  # "Trường THCS Ngọc Xuyên": a proper name must follow
    collective: bool = False  # "các tổ chức chính trị - xã hội"
    collective_name: str | None = None
    city_twin: str | None = None  # the same organ one level up
    branch: str | None = None  # for kind "upper": party | state | front | mass


@functools.cache
def _data() -> dict:
    with DATA.open(encoding="utf-8") as f:
        return json.load(f)


@functools.cache
def body_types() -> dict[str, BodyType]:
    out: dict[str, BodyType] = {}
    fields = set(BodyType.__dataclass_fields__)
    for e in _data()["bodies"]:
        if e["kind"] not in KINDS or e["level"] not in BODY_LEVELS or e["scope"] not in SCOPES:
            raise ValueError(
                f"bodies.json: entry {e['id']!r}: kind must be one of {KINDS}, level one of {BODY_LEVELS}, scope one of {SCOPES}"
            )
        kw: dict[str, Any] = {k: (tuple(v) if isinstance(v, list) else v) for k, v in e.items() if k in fields}
        out[e["id"]] = BodyType(**kw)
    return out


def body_registry() -> list[dict]:
    """The entries of ``ingest/data/bodies.json`` (a fresh copy).

    >>> any(e["id"] == "ubnd" and e["kind"] == "state" for e in body_registry())
    True
    """
    return json.loads(json.dumps(_data()["bodies"]))


def domains() -> list[list[str]]:
    """Ministry/department domains: canonical name first, then abbreviations."""
    return [list(d) for d in _data()["domains"]]


# --- regex building blocks (all on folded text) -------------------------------

# A space between two words of a name; a single line break is allowed
# ("Ban Chấp hành Đảng bộ\nphường"), a blank line is not.
SP = r"(?:[ ]+|[ ]*\n(?!\s*\n)[ ]*)"

# A word boundary on folded text: letters, digits and "&" belong to a word.
WB_L = r"(?<![\w&])"
WB_R = r"(?![\w&])"


def _phrase(text: str) -> str:
    """Regex for a literal phrase, accent-free, flexible in spaces and dashes.

    "Văn hóa - Xã hội"  ->  van\\ hoa (dash) xa\\ hoi, matching "Văn hóa-Xã hội" too;
    "Giáo dục, Đào tạo"  ->  a comma with optional spaces. Spaces at either end
    are kept (as ``SP``), so that "Ban Thường vụ " + "{tu}" stays two words.
    """
    out = []
    for tok in re.split(r"(\s*[-–]\s*|\s*,\s*|\s*&\s*|\s+)", fold(unify_tone_placement(text))):
        if not tok:
            continue
        s = tok.strip()
        if s in ("-", "–"):
            out.append(r"\s*[-–]\s*")
        elif s == ",":
            out.append(r"\s*,\s*")
        elif s == "&":
            out.append(r"\s*&\s*")
        elif not s:
            out.append(SP)
        else:
            out.append(re.escape(s))
    return "".join(out)


def _alternation(options: Sequence[str]) -> str:
    """Longest first: an alternation tries its options in order."""
    return "(?:" + "|".join(_phrase(o) for o in sorted(set(options), key=lambda o: -len(fold(o)))) + ")"


@functools.cache
def _placeholders() -> dict[str, str]:
    d = _data()
    ph = {k: _alternation(v) for k, v in d["placeholders"].items()}
    ph["domain"] = _alternation([a for dom in d["domains"] for a in dom])
    return ph


def _alias_re(alias: str) -> str:
    """An alias with ``{tu}``/``{city}``/``{domain}`` placeholders, as a regex."""
    ph = _placeholders()
    parts = re.split(r"(\{\w+\})", alias)
    return "".join(ph[p[1:-1]] if p.startswith("{") else _phrase(p) for p in parts if p)


@functools.cache  # the registry's aliases only: a bounded set
def _is_abbreviation(alias: str) -> bool:
    # "UBND", "BTV", "ĐU", "MTTQ": one all-caps token (digits and & allowed)
    return bool(re.fullmatch(r"[A-ZĐ&]{2,}", alias))


def _first_words(alias: str) -> set[str]:
    """The folded first word(s) an alias can start with ("{tu}" -> thanh, tinh)."""
    m = re.match(r"\{(\w+)\}", alias)
    if m:
        d = _data()
        opts = d["placeholders"].get(m.group(1)) or [a for dom in d["domains"] for a in dom]
        return {re.split(r"[\s,&-]+", fold(o).strip())[0] for o in opts}
    return {re.split(r"[\s,&-]+", fold(unify_tone_placement(alias)).strip())[0]}


_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class _AliasIndex:
    """Aliases bucketed by their first word.

    Each word of the folded text is looked up in ``by_word``; at a hit only
    the aliases starting with that word are tried, longest first, so "Ban
    Thường vụ Thành ủy" wins over "Ban Thường vụ" and "UBND thành phố" over
    "UBND". The group name (``a<i>``) says which alias matched.
    """

    by_word: dict[str, regex.Pattern[str]]
    pairs: tuple[tuple[BodyType, str], ...]
    #: each first word -> the folded words after it, alias by alias (None: an alias of one word)
    heads: dict[str, frozenset[tuple[str, ...]] | None]


@functools.cache
def _alias_index() -> _AliasIndex:
    pairs: list[tuple[BodyType, str]] = []
    for bt in body_types().values():
        for a in bt.aliases:
            pairs.append((bt, a))

    def shortest(a: str) -> int:  # length with each placeholder at its shortest
        return len(fold(re.sub(r"\{\w+\}", "xx", a)))

    pairs.sort(key=lambda p: -shortest(p[1]))
    buckets: dict[str, list[str]] = {}
    heads: dict[str, set[tuple[str, ...]] | None] = {}
    for i, (_, a) in enumerate(pairs):
        for w in _first_words(a):
            buckets.setdefault(w, []).append(f"(?P<a{i}>{_alias_re(a)})")
        for words in _spelled_out(a):
            w, rest = words[0], words[1:]
            after = heads.setdefault(w, set())
            if after is not None:
                if not rest:
                    heads[w] = None
                else:
                    after.add(rest)
    # not inside a document symbol: "Số -TB/ĐU", "KH-UBND", "/UBND-VP"
    tail = WB_R + r"(?![ ]?/|-\w)"
    by_word = {w: regex.compile("(?:" + "|".join(alts) + ")" + tail) for w, alts in buckets.items()}
    return _AliasIndex(by_word, tuple(pairs), {w: None if h is None else frozenset(h) for w, h in heads.items()})


@functools.cache
def _alias_twins() -> dict[str, re.Pattern[str]]:
    """The alias patterns compiled by ``re`` (:func:`ingest.prefilter.re_twin`), for a text :func:`ingest.prefilter.re_agrees` accepts."""
    return {w: re_twin(p.pattern) for w, p in _alias_index().by_word.items()}


def _spelled_out(alias: str) -> set[tuple[str, ...]]:
    """The folded words of an alias, placeholders spelled out ("Ban Thường vụ {tu}" -> ("ban", "thuong",
    "vu", "thanh", "uy"), ("ban", "thuong", "vu", "tinh", "uy")); words are split as :func:`_first_words`
    splits them, so the first words are its own.

    >>> sorted(_spelled_out("BTV {tu}")), sorted(_spelled_out("UBND"))
    ([('btv', 'thanh', 'uy'), ('btv', 'tinh', 'uy')], [('ubnd',)])
    """
    d = _data()
    texts = [""]
    for p in re.split(r"(\{\w+\})", alias):
        if not p:
            continue
        if p.startswith("{"):
            opts = d["placeholders"].get(p[1:-1]) or [a for dom in d["domains"] for a in dom]
        else:
            opts = [p]
        texts = [t + o for t in texts for o in opts]
    return {tuple(w for w in re.split(r"[\s,&-]+", fold(unify_tone_placement(t)).strip()) if w) for t in texts}


@share_scan  # (one scan of a notice for the bodies, themes and people: ingest.prefilter)
@functools.cache
def _alias_scanner() -> Any:
    """The bodies' literal prefilter (:func:`ingest.prefilter.phrase_automaton`): each first word of
    an alias with the words that follow it in each alias, so the alias patterns run only where one can
    match ("ban" starts 60 aliases, and a notice says "ban" in "ban hành", "ban đêm" ...; "tổ chức" starts
    a few, and a notice says "tổ chức thực hiện" ten times)."""
    return phrase_automaton(_alias_index().heads)


# After a ward-level organ, its owner and its ward:
#   "Ủy ban Kiểm tra| Đảng uỷ phường"   "đoàn thể chính trị - xã hội| của phường"
#   "Ban Chấp hành| Đảng bộ phường Tân Hưng" (the name itself is read from the text)
_TAIL_PARTY = regex.compile(SP + r"(?:cua" + SP + r")?(?:dang" + SP + r"uy|dang" + SP + r"bo|du)" + WB_R)
_TAIL_WARD = regex.compile(
    SP + r"(?:cua" + SP + r")?(?P<ward>phuong|xa(?!" + SP + r"hoi)|thi" + SP + r"tran|dac" + SP + r"khu)" + WB_R
)
# "Tổ dân phố| số 8", "Tổ dân phố| 8", "TDP| số 12a"
_NUMBER = regex.compile(SP + r"(?:so" + SP + r")?(?P<n>\d{1,3}[a-z]?)" + WB_R)
# "HĐND| các cấp": every level at once, not one body
_ALL_LEVELS = regex.compile(SP + r"cac" + SP + r"cap" + WB_R)
# "Ngày thành lập| Đoàn Thanh niên ...": an anniversary, not the ward's organ
_ANNIVERSARY = regex.compile(r"(?:ngay|nam|ky niem)" + SP + r"(?:thanh" + SP + r"lap|truyen" + SP + r"thong)" + SP + r"$")
# "Phó| Thủ tướng": a deputy, i.e. a person
_DEPUTY = regex.compile(r"pho" + SP + r"$")



class _Tails:
    """The patterns above, as one object: compiled by ``regex`` (the module's own), or (``twin``) the same
    sources by ``re`` (:func:`ingest.prefilter.re_twin`: a third to a half of the cost of a call: ≈ 160 a
    notice), for a folded text :func:`ingest.prefilter.re_agrees` accepts."""

    def __init__(self, twin: bool) -> None:
        def c(p: regex.Pattern[str]) -> Any:
            return re_twin(p.pattern) if twin else p

        self.tail_party = c(_TAIL_PARTY)
        self.tail_ward = c(_TAIL_WARD)
        self.number = c(_NUMBER)
        self.all_levels = c(_ALL_LEVELS)
        self.anniversary = c(_ANNIVERSARY)
        self.deputy = c(_DEPUTY)


#: by whether the folded text agrees (``_TAILS[re_agrees(folded)]``)
_TAILS = (_Tails(False), _Tails(True))

_WARD_WORDS = WARD_LEVELS
_CITY_WORDS = PROVINCE_LEVELS

# A proper-name token: capitalised ("Tân", "ĐỒ") or, first, a number ("Phường 5")
_NAME_TOKEN = re.compile(r"[ ]+([^\W\d_][\w]*|\d{1,3})([,.;:)\]”\"]*)")
# Capitalised words that start the next phrase, not a place name; only checked
# after the first token ("thành phố Quy Nhơn" is a city, "UBND thành phố Đà
# Nẵng Quy định về ..." is not):
_NOT_NAME = frozenset(
    fold(w)
    for w in "Quy Sửa Ban Bãi Hướng Kế Nghị Quyết Chỉ Thông Tờ Báo Luật Đề Chương Ủy Uỷ Sở Khóa Khoá "
    "Nhiệm Lần Thực Triển Tổ Chi Trường Của Về Và Tại Năm Ngày Theo Đối Tiếp Tập Tăng Xây Tỉnh Huyện "
    "Xã Phường Đảng Kỳ Số Các Tháng Quý".split()
)


def _read_name(text: str, pos: int, max_tokens: int = 4) -> tuple[str, int]:
    """Capitalised words right after ``pos`` (same line): "Tân Hưng", "Đồ Sơn".

    >>> _read_name("phường Tân Hưng, nhiệm kỳ", 6)
    ('Tân Hưng', 15)
    >>> _read_name("phường khóa II", 6)
    ('', 6)
    """
    toks: list[str] = []
    end = pos
    while len(toks) < max_tokens:
        m = _NAME_TOKEN.match(text, end)
        if not m:
            break
        tok = m.group(1)
        if not (tok[0].isupper() or (tok.isdigit() and not toks)):
            break
        if toks and fold(tok) in _NOT_NAME:
            break
        toks.append(tok)
        end = m.start(2)
        if m.group(2):
            break
    name = " ".join(toks)
    if name.isupper() and any(c.isalpha() for c in name):
        name = " ".join(t.capitalize() for t in toks)
    return name, end


# --- scope of a document ---------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """Where a document sits: its ward (unit), its city, and a key of its own."""

    unit: str | None  # "phường Tân Hưng"
    city: str | None  # "thành phố Hải Phòng"
    text: str = field(default="", repr=False, compare=False)  # the document's, for its key
    unit_level: str | None = None  # "xa" | "tinh" | None

    @functools.cached_property
    def doc_key(self) -> str:
        """For bodies whose scope is unknown: never shared by two documents. Made when a body needs it (most notices
        name their ward, and hashing a whole notice costs 0.05 ms)."""
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:8]

    @property
    def unit_slug(self) -> str | None:
        return slug(self.unit) if self.unit else None


_UNIT_IN = re.compile(r"\b(phường|xã|thị trấn|đặc khu|thành phố|tỉnh)\s+([A-ZĐÀ-Ỹ0-9][\w ]*?)\s*$", re.I)
_WARD_TYPE = re.compile(r"^(phuong|xa|thi tran|dac khu)\b")
_CITY_TYPE = re.compile(r"^(thanh pho|tinh)\b")

# Lines of the issuer block that name the city:
#   "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG", "THÀNH ỦY HẢI PHÒNG", "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"
_CITY_LINE = re.compile(
    r"^\s*(?:dang bo|uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)\s+(?P<w>thanh pho|tinh)\s+(?=\S)"
    r"|^\s*(?P<tu>thanh uy|tinh uy)\s+(?=\S)"
)
_DOC_TYPE_LINE = re.compile(
    r"^\s*(?:nghi quyet|thong bao|bao cao|quyet dinh|ke hoach|chi thi|cong van|to trinh|huong dan|quy dinh|ket luan|chuong trinh|cong dien)\b"
)


def _city_from_issuer_block(text: str, header: Header) -> str | None:
    """The city named in the issuer block above the title, else None (never guessed)."""
    end = header.body_start if header.body_start else min(len(text), 1500)
    block = text[:end]
    folded = fold(block)
    pos = 0
    for n, line in enumerate(block.split("\n")):
        fl = folded[pos : pos + len(line)]
        if n > 0 and _DOC_TYPE_LINE.match(fl) and not header.body_start:
            break
        m = _CITY_LINE.match(fl)
        if m:
            name, _ = _read_name(line, m.end() - 1)
            if name:
                word = "thành phố" if (m.group("w") == "thanh pho" or m.group("tu") == "thanh uy") else "tỉnh"
                return f"{word} {name}"
        pos += len(line) + 1
        if n > 25:
            break
    return None


def document_scope(text: str, header: Header) -> Scope:
    """The ward and city a document belongs to, from its header only.

    The unit is ``header.unit`` (else the ward at the end of ``header.issuer``);
    the city comes from the issuer block ("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG / ĐẢNG ỦY
    PHƯỜNG ĐỒ SƠN"), or is the unit itself when the unit is a city; otherwise
    it is unknown.
    """
    unit = header.unit
    if not unit and header.issuer:
        m = _UNIT_IN.search(header.issuer)
        if m:
            unit = f"{m.group(1).lower()} {m.group(2)}"
    level = None
    city = _city_from_issuer_block(text, header)
    if unit:
        fu = fold(unit)
        if _WARD_TYPE.match(fu):
            level = "xa"
        elif _CITY_TYPE.match(fu):
            level = "tinh"
            city = city or unit
    return Scope(unit=unit, city=city, text=text, unit_level=level)


# --- finding mentions ------------------------------------------------------------


@dataclass
class RawMention:
    bt: BodyType
    start: int
    end: int
    alias_end: int
    ward_word: str | None = None  # "phường" as written after the organ
    ward_name: str | None = None  # "Tân Hưng"
    city_word: str | None = None
    city_name: str | None = None
    tu: str | None = None  # "Thành ủy" | "Tỉnh ủy"
    domain: str | None = None
    n: str | None = None
    proper: str | None = None
    name: str = ""
    body_id: str = ""
    level: str = ""
    role: str = "mention"
    item: str | None = None
    extra: dict = field(default_factory=dict)


@functools.cache
def _domain_lookup() -> tuple[tuple[regex.Pattern[str], str], ...]:
    out = []
    for dom in _data()["domains"]:
        out.append((regex.compile(_alternation(dom)), dom[0]))
    return tuple(out)


def find_mentions(text: str, folded: str) -> list[RawMention]:
    index = _alias_index()
    out: list[RawMention] = []
    pos = 0
    # the places an alias can start: the several-word prefilter's hits (an alias's first word
    # followed by the words of one of its aliases, or by several separators, or an alias of one
    # word: one Aho–Corasick scan of the separated text the themes and people scan too);
    # its words are runs of [\w&], ours of \w, the same where the text has no "&", else
    # every word is walked
    words: Iterable[tuple[int, str]] = (
        phrase_hits(folded, _alias_scanner()) if "&" not in folded else ((w.start(), w.group()) for w in _TOKEN.finditer(folded))
    )
    # the same patterns run by ``re`` (half the cost of a call) where the text has no character the two read apart
    agrees = re_agrees(folded)
    by_word: dict[str, Any] = _alias_twins() if agrees else index.by_word
    tails = _TAILS[agrees]
    for ws, word in words:
        if ws < pos:
            continue  # inside the previous mention
        sub = by_word.get(word)
        if sub is None or (ws > 0 and folded[ws - 1] in "&/-"):
            continue
        m = sub.match(folded, ws)
        if not m:
            continue
        bt, alias = index.pairs[int(m.lastgroup[1:])]
        s, e = m.span()
        pos = e
        raw_alias = text[s:e]
        if _is_abbreviation(alias) and raw_alias not in (alias, fold(alias).upper()):
            continue  # "DỰ", "ĐỦ", "bct" are words, not "ĐU", "BCT"
        if bt.capitalised and not raw_alias[0].isupper():
            continue
        # (an anniversary's words end on "lập" or "thống", then spaces: the literal check before its search)
        if (folded[max(0, s - 30) : s].rstrip().endswith(("lap", "thong")) and tails.anniversary.search(folded, max(0, s - 30), s)) \
                or (bt.id == "thu-tuong" and tails.deputy.search(folded, max(0, s - 6), s)):
            continue
        r = RawMention(bt, s, e, e)
        fa = folded[s:e]
        if "{tu}" in alias or "{city}" in alias:
            tu = re.search(r"(thanh|tinh) uy", fa)
            if tu:
                r.tu = "Thành ủy" if tu.group(1) == "thanh" else "Tỉnh ủy"
                r.city_word = "thành phố" if tu.group(1) == "thanh" else "tỉnh"
            r.extra["tu_only"] = "{city}" not in alias
            cw = re.search(r"(thanh pho|tinh|tp)$", fa)
            if cw and "{city}" in alias:
                r.city_word = _CITY_WORDS[cw.group(1)]
        if "{domain}" in alias:
            for dp, canon in _domain_lookup():
                if dp.search(fa):
                    r.domain = canon
                    break
        e = _read_tail(text, folded, r, e, tails)
        if e is None:
            continue
        r.end = e
        pos = e
        if bt.scope == "unit" and tails.all_levels.match(folded, e):
            continue  # "HĐND các cấp", "MTTQ các cấp"
        out.append(r)
    return out


def registry_matches(text: str) -> list[tuple[str, int, int]]:
    """(registry id, start, end) of every body named in ``text``, before scoping.

    >>> registry_matches("Giao Ủy ban Kiểm tra Đảng uỷ phường chủ trì")
    [('ubkt', 5, 35)]
    """
    return [(r.bt.id, r.start, r.end) for r in find_mentions(text, fold(text))]


def _read_tail(text: str, folded: str, r: RawMention, e: int, tails: _Tails = _TAILS[False]) -> int | None:
    """Extend a mention over its number/name, owner and place; None to drop it (``tails``: the patterns, :class:`_Tails`)."""
    bt = r.bt
    if bt.scope == "city":
        if r.extra.get("tu_only"):
            # "Thành ủy| TP Hà Nội", "Tỉnh ủy| tỉnh Quảng Ninh"
            m = regex.match(SP + r"(?:thanh" + SP + r"pho|tinh|tp)" + WB_R, folded, pos=e)
            if m:
                e = m.end()
        if r.city_word or r.tu:
            name, ne = _read_name(text, e)
            if name:
                r.city_name, e = name, ne
        else:  # "Sở Y tế| thành phố Hải Phòng"
            m = regex.match(SP + r"(?P<w>thanh" + SP + r"pho|tinh)" + WB_R, folded, pos=e)
            if m:
                r.city_word = _CITY_WORDS[re.sub(r"\s+", " ", m.group("w"))]
                e = m.end()
                name, ne = _read_name(text, e)
                if name:
                    r.city_name, e = name, ne
        return e
    if bt.scope != "unit":
        return e
    if bt.numbered:
        m = tails.number.match(folded, e)
        if m:
            r.n, e = m.group("n").upper() if m.group("n")[-1].isalpha() else m.group("n"), m.end()
        else:
            name, ne = _read_name(text, e, max_tokens=3)
            if name and not tails.tail_ward.match(folded, e):
                r.n, e = name, ne
    if bt.named:
        name, ne = _read_name(text, e, max_tokens=4)
        if not name:
            return None
        r.proper, e = name, ne
    if bt.party_tail:
        m = tails.tail_party.match(folded, e)
        if m:
            e = m.end()
    m = tails.tail_ward.match(folded, e)
    if m:
        r.ward_word = _WARD_WORDS[re.sub(r"\s+", " ", m.group("ward"))]
        e = m.end()
        name, ne = _read_name(text, e)
        if name:
            r.ward_name, e = name, ne
    return e


# --- naming and identity ---------------------------------------------------------


def _fill(template: str, **kw: str | None) -> str:
    return _filled(template, tuple(kw.items()))


@functools.lru_cache(maxsize=4096)
def _filled(template: str, kw: tuple[tuple[str, str | None], ...]) -> str:
    # a notice names the same few bodies again and again: each name is made once
    out = template
    for k, v in kw:
        out = out.replace("{" + k + "}", v or "")
    return re.sub(r"\s+", " ", out).strip()


def resolve_mention(r: RawMention, scope: Scope, types: dict[str, BodyType]) -> None:
    """Give a raw mention its canonical scoped name, id and level."""
    bt = r.bt
    # a ward organ named bare in a city's own document is the city's organ
    if (
        bt.scope == "unit"
        and not r.ward_word
        and scope.unit_level == "tinh"
        and bt.city_twin
        and bt.city_twin in types
    ):
        bt = types[bt.city_twin]
        r.bt = bt
        r.tu = r.tu or ("Thành ủy" if scope.city and fold(scope.city).startswith("thanh pho") else "Tỉnh ủy")
    r.level = bt.level
    base = bt.id
    if r.domain:
        base = f"{bt.id}-{slug(r.domain)}"
    if bt.named and r.proper:
        base = f"{bt.id}-{slug(r.proper)}"
    if bt.numbered and r.n:
        base = f"{bt.id}-{slug(r.n)}"

    if bt.scope == "none":
        r.name = _fill(bt.name, domain=r.domain)
        r.body_id = base
        return

    if bt.scope == "city":
        city = None
        if r.city_name:
            city = f"{r.city_word or 'thành phố'} {r.city_name}"
            if scope.city and fold(scope.city).endswith(fold(r.city_name)):
                city = scope.city
        elif scope.city:
            city = scope.city
        if city:
            word, _, cname = city.partition(" ")
            if fold(city).startswith("thanh pho"):
                word, cname = "thành phố", city[len("thành phố ") :]
            tu = "Thành ủy" if word == "thành phố" else "Tỉnh ủy"
            r.name = _fill(bt.name, city=city, city_name=cname, tu=tu, domain=r.domain)
            r.body_id = f"{base}@{slug(city)}"
        else:
            # the city is not known: name it as written ("UBND thành phố", "Sở Y tế")
            tu = r.tu or ("Tỉnh ủy" if r.city_word == "tỉnh" else "Thành ủy")
            r.name = _fill(bt.name, city=r.city_word, city_name="", tu=tu, domain=r.domain)
            if scope.unit:  # "the province-level unit of this ward": shared by the ward's documents only
                r.body_id = f"{base}@cap-tinh-cua-{scope.unit_slug}"
            else:
                r.body_id = f"{base}@unscoped-{scope.doc_key}"
        return

    # ward-level organ
    unit = None
    if r.ward_name:
        unit = f"{r.ward_word} {r.ward_name}"
        if scope.unit and fold(scope.unit) == fold(unit):
            unit = scope.unit
        elif scope.unit and fold(unit).startswith(fold(scope.unit) + " "):
            unit = scope.unit  # "phường Đồ Sơn Tổ ..." read one word too far
    elif scope.unit and (not r.ward_word or fold(scope.unit).startswith(fold(r.ward_word) + " ")):
        unit = scope.unit
    collective = bt.numbered and not r.n
    template = bt.collective_name if (collective and bt.collective_name) else bt.name
    if bt.numbered and r.n:
        n = f"số {r.n}" if r.n[0].isdigit() else r.n
    else:
        n = ""
    if unit:
        r.name = _fill(template, unit=unit, n=n, proper=r.proper)
        r.body_id = f"{base}@{slug(unit)}"
    else:
        r.name = _fill(template, unit=r.ward_word or "", n=n, proper=r.proper)
        r.body_id = f"{base}@unscoped-{scope.doc_key}"


