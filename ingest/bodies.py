"""Stage: bodies — which organs a notice names, scoped to their ward or city,
and which of them each task is assigned to.

Input: the normalised text, its :class:`~ingest.models.Header` and its
:class:`~ingest.models.Item` list. Output: :class:`~ingest.models.BodyMention`
objects, one per mention, with

* ``name``: the canonical scoped name ("UBND phường" in a notice of phường Tân
  Hưng -> "Ủy ban nhân dân phường Tân Hưng");
* ``body_id``: a stable id, ``<registry id>@<scope slug>`` ("ubnd@phuong-tan-hung");
  a central body has no scope ("bo-chinh-tri"); a body whose ward or city is
  not known gets a scope no other document can share, so that two wards'
  bodies are never merged;
* ``role``: ``lead`` / ``partner`` when the mention is assigned a task (or the
  closing assignment of the document), ``mention`` otherwise.

The vocabulary is data (``ingest/data/bodies.json``); the rules for roles are
the named patterns below. Matching runs on :func:`ingest.normalize.fold` (same
length as the text), so accents, case and tone placement do not matter.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from ingest.models import BodyMention, Header, Item
from ingest.normalize import fold, unify_tone_placement
from ingest.prefilter import register, word_hits
from ingest.vocabulary import BODY_LEVELS, PROVINCE_LEVELS, WARD_LEVELS, item_at, slug

log = logging.getLogger(__name__)

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
def _types() -> dict[str, BodyType]:
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


@functools.cache
def _alias_index() -> _AliasIndex:
    pairs: list[tuple[BodyType, str]] = []
    for bt in _types().values():
        for a in bt.aliases:
            pairs.append((bt, a))

    def shortest(a: str) -> int:  # length with each placeholder at its shortest
        return len(fold(re.sub(r"\{\w+\}", "xx", a)))

    pairs.sort(key=lambda p: -shortest(p[1]))
    buckets: dict[str, list[str]] = {}
    for i, (_, a) in enumerate(pairs):
        for w in _first_words(a):
            buckets.setdefault(w, []).append(f"(?P<a{i}>{_alias_re(a)})")
    # not inside a document symbol: "Số -TB/ĐU", "KH-UBND", "/UBND-VP"
    tail = WB_R + r"(?![ ]?/|-\w)"
    by_word = {w: regex.compile("(?:" + "|".join(alts) + ")" + tail) for w, alts in buckets.items()}
    return _AliasIndex(by_word, tuple(pairs))


register("bodies", lambda: _alias_index().by_word)


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
    doc_key: str  # for bodies whose scope is unknown: never shared by two documents
    unit_level: str | None = None  # "xa" | "tinh" | None

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
    doc_key = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return Scope(unit=unit, city=city, doc_key=doc_key, unit_level=level)


# --- finding mentions ------------------------------------------------------------


@dataclass
class _Raw:
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


def _find(text: str, folded: str) -> list[_Raw]:
    index = _alias_index()
    out: list[_Raw] = []
    pos = 0
    # the words an alias can start with: the literal prefilter's hits (one Aho–Corasick
    # scan shared with the themes); its words are runs of [\w&], ours of \w, the same
    # where the text has no "&", else every word is walked
    words: Iterable[tuple[int, str]] = (
        word_hits(folded) if "&" not in folded else ((w.start(), w.group()) for w in _TOKEN.finditer(folded))
    )
    for ws, word in words:
        if ws < pos:
            continue  # inside the previous mention
        sub = index.by_word.get(word)
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
        if _ANNIVERSARY.search(folded, max(0, s - 30), s) or (bt.id == "thu-tuong" and _DEPUTY.search(folded, max(0, s - 6), s)):
            continue
        r = _Raw(bt, s, e, e)
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
        e = _read_tail(text, folded, r, e)
        if e is None:
            continue
        r.end = e
        pos = e
        if bt.scope == "unit" and _ALL_LEVELS.match(folded, e):
            continue  # "HĐND các cấp", "MTTQ các cấp"
        out.append(r)
    return out


def registry_matches(text: str) -> list[tuple[str, int, int]]:
    """(registry id, start, end) of every body named in ``text``, before scoping.

    >>> registry_matches("Giao Ủy ban Kiểm tra Đảng uỷ phường chủ trì")
    [('ubkt', 5, 35)]
    """
    return [(r.bt.id, r.start, r.end) for r in _find(text, fold(text))]


def _read_tail(text: str, folded: str, r: _Raw, e: int) -> int | None:
    """Extend a mention over its number/name, owner and place; None to drop it."""
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
        m = _NUMBER.match(folded, e)
        if m:
            r.n, e = m.group("n").upper() if m.group("n")[-1].isalpha() else m.group("n"), m.end()
        else:
            name, ne = _read_name(text, e, max_tokens=3)
            if name and not _TAIL_WARD.match(folded, e):
                r.n, e = name, ne
    if bt.named:
        name, ne = _read_name(text, e, max_tokens=4)
        if not name:
            return None
        r.proper, e = name, ne
    if bt.party_tail:
        m = _TAIL_PARTY.match(folded, e)
        if m:
            e = m.end()
    m = _TAIL_WARD.match(folded, e)
    if m:
        r.ward_word = _WARD_WORDS[re.sub(r"\s+", " ", m.group("ward"))]
        e = m.end()
        name, ne = _read_name(text, e)
        if name:
            r.ward_name, e = name, ne
    return e


# --- naming and identity ---------------------------------------------------------


def _fill(template: str, **kw: str | None) -> str:
    out = template
    for k, v in kw.items():
        out = out.replace("{" + k + "}", v or "")
    return re.sub(r"\s+", " ", out).strip()


def _resolve(r: _Raw, scope: Scope, types: dict[str, BodyType]) -> None:
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


# --- roles ---------------------------------------------------------------------------

# Clause boundaries inside an item: ". ", "; ", ": ", line breaks (not "3.096", "1.1.")
_CLAUSE_END = re.compile(r"[.;:!?](?=\s|$)|\n")

# Bullets and numbering at the start of a clause: "- ", "+ ", "(1) ", "1.1. ", "a) ", "2.2.1."
_MARKER = regex.compile(r"\s*(?:[-+•*]\s*|\(\d+\)\s*|\d+(?:\.\d+)*\.?\s+|[a-zđ]\)\s*|[ivx]+\.\s+)*")

# Discourse openers before a subject: "Đồng thời, UBND phường ...", "Trong đó, Công an phường ..."
_OPENER = regex.compile(
    r"\s*(?:(?:dong" + SP + r"thoi|trong" + SP + r"do|ngoai" + SP + r"ra|ben" + SP + r"canh" + SP + r"do|theo" + SP + r"do"
    r"|tren" + SP + r"co" + SP + r"so" + SP + r"do)\s*,\s*)?"
)

# Words that may stand before or between the bodies of a list:
#   "Giao [các đồng chí Ủy viên] BTV Đảng ủy, [ủy viên] BCH đảng bộ, ..."
#   "chỉ đạo [lực lượng] Công an phường tăng cường ..."
_FILLER_WORDS = (
    r"cac|nhung|toan" + SP + r"the|tap" + SP + r"the|dong" + SP + r"chi|uy" + SP + r"vien|pho" + SP + r"bi" + SP + r"thu"
    r"|bi" + SP + r"thu|lanh" + SP + r"dao|luc" + SP + r"luong|can" + SP + r"bo|pho" + SP + r"chu" + SP + r"tich"
    r"|chu" + SP + r"tich|thanh" + SP + r"vien|cap" + SP + r"uy|ban" + SP + r"chi" + SP + r"dao|moi"
)
_FILLERS = regex.compile(r"(?:(?:" + _FILLER_WORDS + r")" + WB_R + r"\s*)*")
# Between two bodies of one list: "," "và" "cùng" "; " plus fillers
_GAP = regex.compile(r"\s*(?:,|;|va|cung|voi|hoac)?\s*(?:(?:" + _FILLER_WORDS + r")" + WB_R + r"\s*)*")

# Adverbs before a verb: "Tiếp tục chỉ đạo", "Kịp thời chỉ đạo, hướng dẫn"
_ADVERBS = r"(?:(?:tiep" + SP + r"tuc|tap" + SP + r"trung|kip" + SP + r"thoi|thuong" + SP + r"xuyen|dong" + SP + r"thoi,?|tang" + SP + r"cuong|day" + SP + r"manh)" + SP + r")*"

# A verb that hands the task to the bodies after it:
#   "Giao Ủy ban Kiểm tra ...", "Chỉ đạo các chi, đảng bộ trực thuộc ...",
#   "Lãnh đạo, chỉ đạo UBND ...", "chỉ đạo, hướng dẫn các chi, đảng bộ ..."
_ASSIGN_VERB = (
    r"(?P<verb>giao(?:" + SP + r"cho)?|(?:lanh" + SP + r"dao\s*,?\s*)?chi" + SP + r"dao|yeu" + SP + r"cau|de" + SP + r"nghi|phan" + SP + r"cong|huy" + SP + r"dong)"
    r"(?:\s*(?:,|va)\s*(?:huong" + SP + r"dan|don" + SP + r"doc|chi" + SP + r"dao|giao))*" + WB_R + r"\s+"
)
_ASSIGN_AT_START = regex.compile(_ADVERBS + _ASSIGN_VERB)
# The same verb after a subject: "Ban Thường vụ Đảng ủy| giao Văn phòng Đảng ủy ..."
_ASSIGN_AFTER_SUBJECT = regex.compile(r"\s*" + _ADVERBS + _ASSIGN_VERB)
# The same verb after a comma inside a clause: "..., chỉ đạo lực lượng Công an phường tăng cường"
_ASSIGN_INSIDE = regex.compile(r"(?:,|\bva)\s+" + _ADVERBS + _ASSIGN_VERB)

# Before a body that heads a list of tasks: "Đối với| Công an phường:", "Giao| UBND phường:"
_FOR_BODY = regex.compile(r"(?:doi" + SP + r"voi|giao|de" + SP + r"nghi|yeu" + SP + r"cau)" + SP)

# "X chủ trì", "X (làm) đầu mối": the lead
_CHAIRS = regex.compile(r"\s*,?\s*(?:chu" + SP + r"tri|lam" + SP + r"dau" + SP + r"moi|la" + SP + r"co" + SP + r"quan" + SP + r"chu" + SP + r"tri)" + WB_R)
# "phối hợp (chặt chẽ) (với|cùng) Y": partners
_COOPERATE = regex.compile(
    r"(?:phoi" + SP + r"hop|cung" + SP + r"voi)(?:" + SP + r"chat" + SP + r"che)?(?:" + SP + r"(?:voi|cung))?" + WB_R + r"\s*"
)

# After a subject list, words showing it is not the subject:
#   "UBND| của ...", "Đảng ủy| về ...", "Quốc hội| năm ..."
_NOT_A_PREDICATE = regex.compile(
    r"\s*(?:cua|ve|tai|trong|theo(?!" + SP + r"doi)|doi" + SP + r"voi|nam|den|tu|o|nhu|la|quy|thang|ngay|so)" + WB_R
    + r"|\s*(?:$|[.;:)])"
)

# In the closing assignment, a predicate of oversight makes a partner:
#   "Ủy ban Kiểm tra, Văn phòng Đảng ủy phường thường xuyên kiểm tra, đôn đốc việc thực hiện"
#   "... chịu trách nhiệm giúp Đảng ủy theo dõi, kiểm tra, đôn đốc"
_OVERSIGHT = regex.compile(r"\b(?:theo" + SP + r"doi|don" + SP + r"doc|giup" + SP + r"(?!viec)|giam" + SP + r"sat" + SP + r"viec)")
_EXECUTE = regex.compile(r"^\s*(?:\S+\s+){0,4}?(?:to" + SP + r"chuc|trien" + SP + r"khai)" + SP + r"thuc" + SP + r"hien")

# "Nơi nhận:" — the recipients block
_RECIPIENTS = regex.compile(r"(?m)^[ *]*noi" + SP + r"nhan\s*:?")

_CLOSING = regex.compile(
    r"(?:to" + SP + r"chuc|trien" + SP + r"khai)" + SP + r"thuc" + SP + r"hien"
    r"|theo" + SP + r"doi\s*,\s*kiem" + SP + r"tra|kiem" + SP + r"tra\s*,\s*don" + SP + r"doc|^\s*giao" + SP + r"cac" + SP + r"dong" + SP + r"chi"
)


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    s = start
    for m in _CLAUSE_END.finditer(text, start, end):
        if m.start() > s:
            out.append((s, m.start()))
        s = m.end()
    if s < end:
        out.append((s, end))
    return out


def _body_list(folded: str, ms: list[_Raw], pos: int, end: int) -> tuple[list[_Raw], int]:
    """The bodies listed from ``pos`` on: "X, Y và các Z" (gaps of commas and fillers)."""
    found: list[_Raw] = []

    def next_at(a: int, b: int) -> _Raw | None:
        # a mention starting between a and b (the span of fillers/commas); "các trường học" keeps its "các"
        return next((m for m in ms if a <= m.start <= b and m.start < end), None)

    m = next_at(pos, _FILLERS.match(folded, pos).end())
    while m is not None:
        found.append(m)
        g = _GAP.match(folded, m.end, end)
        m = next_at(m.end, g.end() if g else m.end)
    return found, (found[-1].end if found else pos)


def _assign(mentions: list[_Raw], role: str, roles: dict[int, str]) -> None:
    for m in mentions:
        old = roles.get(id(m))
        if old == "lead" and role == "partner":
            continue
        roles[id(m)] = role


def _clause_roles(text: str, folded: str, s: int, e: int, ms: list[_Raw], assignment: bool, issuer_level: str | None) -> dict[int, str]:
    """lead/partner for the mentions of one clause (keyed by id())."""
    roles: dict[int, str] = {}
    if not ms:
        return roles
    pos = _MARKER.match(folded, s, e).end()
    pos = _OPENER.match(folded, pos, e).end()

    def closing_role(lst_end: int) -> str:
        if not assignment:
            return "lead"
        rest = folded[lst_end:e]
        if _EXECUTE.match(rest):
            return "lead"
        return "partner" if _OVERSIGHT.search(rest) else "lead"

    def upper(m: _Raw) -> bool:
        order = {"tw": 0, "tinh": 1, "xa": 2, "co-so": 3}
        return issuer_level is not None and order.get(m.bt.level, 2) < order.get(issuer_level, 2)

    # 0. "UBND phường: ...", "Đối với Công an phường: ..." — the bodies before a colon own the rest
    if e < len(folded) and folded[e] == ":":
        h = _FOR_BODY.match(folded, pos, e)
        lst, lend = _body_list(folded, ms, h.end() if h else pos, e)
        if lst and not folded[lend:e].strip():
            for m in lst:
                roles[id(m)] = "lead"
            return roles
    # 1. "Giao/Chỉ đạo/Đề nghị X ..." at the start of the clause
    a = _ASSIGN_AT_START.match(folded, pos, e)
    if a:
        lst, lend = _body_list(folded, ms, a.end(), e)
        verb = fold(a.group("verb"))
        for m in lst:
            if verb.startswith(("de nghi", "yeu cau")) and upper(m):
                continue  # a request to a higher level is not an assignment
            roles[id(m)] = closing_role(lend)
    else:
        # 2. a subject list: "Hội đồng nhân dân phường tiếp tục ...", "Công an phường tăng cường ..."
        lst, lend = _body_list(folded, ms, pos, e)
        if lst and not _NOT_A_PREDICATE.match(folded, lend, e):
            v = _ASSIGN_AFTER_SUBJECT.match(folded, lend, e)
            if v and fold(v.group("verb")).startswith(("giao", "yeu cau", "de nghi", "phan cong")):
                # "Ban Thường vụ yêu cầu X ...": X leads, the one asking does not
                lst2, lend2 = _body_list(folded, ms, v.end(), e)
                for m in lst2:
                    roles[id(m)] = closing_role(lend2)
            else:
                for m in lst:
                    if not upper(m) or assignment:
                        roles[id(m)] = closing_role(lend)
                if v:
                    lst2, lend2 = _body_list(folded, ms, v.end(), e)
                    for m in lst2:
                        roles[id(m)] = closing_role(lend2)
    # 3. "..., chỉ đạo lực lượng Công an phường tăng cường ..." inside the clause
    for a in _ASSIGN_INSIDE.finditer(folded, pos, e):
        lst, lend = _body_list(folded, ms, a.end(), e)
        if lst and not _NOT_A_PREDICATE.match(folded, lend, e):
            for m in lst:
                roles.setdefault(id(m), closing_role(lend))
    # 4. "X chủ trì": lead, wherever it stands ("do X chủ trì", "Giao X chủ trì, ...")
    for m in ms:
        if _CHAIRS.match(folded, m.end, e):
            roles[id(m)] = "lead"
    # 5. "phối hợp (với) Y, Z": partners
    for c in _COOPERATE.finditer(folded, pos, e):
        lst, _ = _body_list(folded, ms, c.end(), e)
        _assign(lst, "partner", roles)
    return roles


# A heading that hands what follows to bodies is short: "Giao UBND phường:",
# "4.10. Phòng Văn hóa - Xã hội phường chủ trì, phối hợp với Công an phường:";
# the long lead-in "Ban Thường vụ Đảng ủy yêu cầu các cơ quan ..., HĐND, UBND ...
# tập trung chỉ đạo, tổ chức thực hiện tốt một số nhiệm vụ trọng tâm sau:" is not.
HEADING_MAX = 160


def _heading_roles(
    text: str, folded: str, item: Item, ms: list[_Raw], issuer_level: str | None
) -> list[tuple[_Raw, str]]:
    """Bodies (and roles) of a heading that hands the item under it to them.

    * inline: "4.10. Phòng Văn hóa - Xã hội phường chủ trì, phối hợp với Công an
      phường: nâng cao ..." when the item starts after the colon;
    * a line above: "Giao Ủy ban nhân dân phường:\n- Chỉ đạo ...\n- Rà soát ...",
      reached over sibling bullets only.
    """
    line_start = text.rfind("\n", 0, item.start) + 1

    def roles_of(hs: int, he: int) -> list[tuple[_Raw, str]]:
        colon = text.rfind(":", hs, he)
        if colon < 0 or text[colon + 1 : he].strip() or colon - hs > HEADING_MAX:
            return []
        hm = [m for m in ms if hs <= m.start < colon]
        roles = _clause_roles(text, folded, hs, colon, hm, False, issuer_level)
        return [(m, roles[id(m)]) for m in hm if id(m) in roles]

    prefix = text[line_start : item.start]
    if prefix.strip():
        return roles_of(line_start, item.start) if prefix.rstrip().endswith(":") else []
    steps = 0
    while line_start > 0 and steps < 40:
        prev_end = line_start - 1
        prev_start = text.rfind("\n", 0, prev_end) + 1
        line = text[prev_start:prev_end].strip()
        if not line:
            line_start = prev_start
            steps += 1
            continue
        if line.endswith(":"):
            return roles_of(prev_start, prev_end)
        if not re.match(r"[-+•*]|[a-zđ]\)", line):
            return []
        line_start = prev_start
        steps += 1
    return []


def extract_bodies(text: str, header: Header, items: Sequence[Item]) -> list[BodyMention]:
    """Every mention of a body, with its scoped name, id, item and role.

    Roles (only in ``task`` and ``assignment`` items; elsewhere ``mention``):

    * ``lead``: the subject of a clause ("Công an phường tăng cường ..."), the
      object of "Giao / Chỉ đạo / Yêu cầu / Đề nghị X ...", "X chủ trì", the
      bodies of a short heading "Giao Ủy ban nhân dân phường:" for each item
      under it (one more mention per item, with the heading's span);
    * ``partner``: "phối hợp (với) Y"; in the closing assignment, bodies whose
      predicate is oversight ("theo dõi, kiểm tra, đôn đốc", "giúp Đảng ủy");
    * recipients ("Nơi nhận") and everything else: ``mention``.

    >>> from ingest.models import Header, Item
    >>> t = "1. Giao Ủy ban Kiểm tra Đảng ủy chủ trì, phối hợp Ban Xây dựng Đảng kiểm tra."
    >>> it = Item("i1", "1", "task", "2026-03", t, 0, len(t))
    >>> [(b.name, b.role) for b in extract_bodies(t, Header(unit="phường Đồ Sơn"), [it])]
    [('Ủy ban Kiểm tra Đảng ủy phường Đồ Sơn', 'lead'), ('Ban Xây dựng Đảng Đảng ủy phường Đồ Sơn', 'partner')]
    """
    folded = fold(text)
    scope = document_scope(text, header)
    types = _types()
    raws = _find(text, folded)
    for r in raws:
        _resolve(r, scope, types)

    # the last "Nơi nhận:" opens the recipients block
    starts = [m.start() for m in _RECIPIENTS.finditer(folded)]
    recipients_from = starts[-1] if starts else len(text)

    issuer_level = scope.unit_level
    items = list(items)
    for r in raws:
        it = item_at(items, r.start) if r.start < recipients_from else None
        r.item = it.id if it else None

    roles: dict[int, str] = {}
    # per item; an "other" item after the last task that reads like the
    # closing assignment ("... chịu trách nhiệm tổ chức thực hiện") is one
    last_task = max((it.end for it in items if it.role == "task"), default=None)

    def role_of(it: Item) -> str:
        if (
            it.role == "other"
            and last_task is not None
            and it.start >= last_task
            and _CLOSING.search(folded, it.start, min(it.end, recipients_from))
        ):
            return "assignment"
        return it.role

    for it in items:
        role = role_of(it)
        if role not in ("task", "assignment") or it.start >= recipients_from:
            continue
        ms = [r for r in raws if r.item == it.id]
        for cs, ce in _clauses(text, it.start, min(it.end, recipients_from)):
            cms = [m for m in ms if cs <= m.start < ce]
            roles.update(_clause_roles(text, folded, cs, ce, cms, role == "assignment", issuer_level))
    # the closing assignment when no item covers it
    covered = [(it.start, it.end) for it in items]
    task_ends = [it.end for it in items if it.role == "task"]
    body_mid = (header.body_start + (header.body_end or recipients_from)) // 2
    floor = max(task_ends) if task_ends else body_mid
    covered = [(s, e) for s, e in covered if e > floor]
    for ps, pe in _paragraphs(text, floor, recipients_from):
        if any(s <= ps < e for s, e in covered):
            continue
        if not _CLOSING.search(folded, ps, pe):
            continue
        ms = [r for r in raws if ps <= r.start < pe]
        for cs, ce in _clauses(text, ps, pe):
            cms = [m for m in ms if cs <= m.start < ce]
            roles.update(_clause_roles(text, folded, cs, ce, cms, True, issuer_level))

    out: list[BodyMention] = []
    for r in raws:
        role = roles.get(id(r), "mention") if r.start < recipients_from else "mention"
        out.append(
            BodyMention(
                text=text[r.start : r.end],
                start=r.start,
                end=r.end,
                name=r.name,
                body_id=r.body_id,
                role=role,
                item=r.item,
                level=r.level,
                kind=r.bt.kind,
            )
        )
    # a heading's bodies lead (or partner) each item under it: one mention per item, the heading's span
    led = {b.item for b in out if b.role == "lead"}
    for it in items:
        if it.role != "task" or it.id in led:
            continue
        for h, role in _heading_roles(text, folded, it, raws, issuer_level):
            if h.item == it.id:
                continue  # inside the item: already counted
            out.append(BodyMention(text[h.start : h.end], h.start, h.end, h.name, h.body_id, role, it.id, h.level, h.bt.kind))
    out.sort(key=lambda b: (b.start, b.item or ""))
    return out


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        out.append((start + m.start(), start + m.end()))
    return out
