"""Stage 3a: normalised text -> :class:`~ingest.models.Header`.

The header of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP,
Hướng dẫn 36-HD/VPTW for Party documents) is a fixed set of blocks: the issuer
block ("ĐẢNG BỘ THÀNH PHỐ ... / ĐẢNG ỦY PHƯỜNG ..." or "ỦY BAN NHÂN DÂN /
TỈNH ..."), the national or Party motto, the "Số" line, the place-and-date line,
the document type and its summary (trích yếu); at the end "Nơi nhận" and the
signature. Crawled and PDF-extracted files lose or reorder some of these, so
every field is looked for on its own and may be ``None``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from ingest.legacy import is_syllable
from ingest.models import Header, Signer
from ingest.normalize import after_break, at_line_starts, fold
from ingest.periods import document_periods
from ingest.units import cell_unit, is_cell
from ingest.vocabulary import APPENDIX_TYPES, HEADER_TYPES, SYMBOL_TYPES, UNIT_LEVELS

# --- vocabulary ----------------------------------------------------------------

#: Canonical spelling of organisation words (folded phrase -> cased phrase);
#: longer phrases first when matching.
_ORG_WORDS: dict[str, str] = {
    "ban chap hanh trung uong": "Ban Chấp hành Trung ương",
    "ban chap hanh": "Ban Chấp hành",
    "ban thuong vu": "Ban Thường vụ",
    "thuong truc": "Thường trực",
    "dang uy": "Đảng ủy",
    "dang bo": "Đảng bộ",
    "dang doan": "Đảng đoàn",
    "ban can su dang": "Ban cán sự đảng",
    "dang cong san viet nam": "Đảng Cộng sản Việt Nam",
    "uy ban nhan dan": "Ủy ban nhân dân",
    "hoi dong nhan dan": "Hội đồng nhân dân",
    "uy ban kiem tra": "Ủy ban Kiểm tra",
    "uy ban mat tran to quoc viet nam": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "mat tran to quoc viet nam": "Mặt trận Tổ quốc Việt Nam",
    "van phong chinh phu": "Văn phòng Chính phủ",
    "van phong trung uong dang": "Văn phòng Trung ương Đảng",
    "thu tuong chinh phu": "Thủ tướng Chính phủ",
    "thu tuong": "Thủ tướng",
    "chinh phu": "Chính phủ",
    "bo chinh tri": "Bộ Chính trị",
    "ban bi thu": "Ban Bí thư",
    "quoc hoi": "Quốc hội",
    "trung uong": "Trung ương",
    "van phong": "Văn phòng",
    "ban chi dao": "Ban Chỉ đạo",
    "ban to chuc": "Ban Tổ chức",
    "ban tuyen giao va dan van": "Ban Tuyên giáo và Dân vận",
    "ban noi chinh": "Ban Nội chính",
    "ban xay dung dang": "Ban Xây dựng Đảng",
    "tinh uy": "Tỉnh ủy",
    "thanh uy": "Thành ủy",
    "huyen uy": "Huyện ủy",
    "quan uy": "Quận ủy",
    "thi uy": "Thị ủy",
    "de an": "Đề án",
}

_LEADING_ORGS = ("ban", "bo", "uy ban", "hoi dong", "dang", "thuong truc", "van phong", "chinh phu", "quoc hoi", "thu tuong", "so", "cuc", "tong cuc", "hoi", "doan", "mat tran", "cong an", "toa an", "vien", "kiem toan")
#: Titles of people: "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG ..." names a person, not the issuer.
_PERSON_TITLES = ("pho thu tuong", "bo truong", "chu tich", "pho chu tich", "thu truong", "bi thu", "pho bi thu", "tong bi thu", "truong ban", "pho truong ban", "giam doc", "chanh van phong")


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _title_words(text: str) -> str:
    """Each syllable capitalised: "ĐỒ SƠN" -> "Đồ Sơn"."""
    return " ".join(_cap(w.lower()) for w in text.split())


#: Heads of a name whose next word starts with a capital, as do the parts after
#: its commas ("Bộ Văn hóa, Thể thao và Du lịch", "Sở Nội vụ", "Hội Nông dân").
_NAMED_HEADS = ("bo", "so", "cuc", "tong cuc", "chi cuc", "vu", "hoi", "hiep hoi", "lien doan", "phong", "vien", "trung tam")
#: Party committees named by their place: "TỈNH ỦY LÂM ĐỒNG".
_PARTY_COMMITTEES = ("tinh uy", "thanh uy", "huyen uy", "quan uy", "thi uy")
#: Abbreviations written out in an issuer's name.
_ABBREVIATIONS = {"ubnd": "Ủy ban nhân dân", "hdnd": "Hội đồng nhân dân", "mttq": "Mặt trận Tổ quốc"}


def _abbreviation(word: str) -> bool:
    """An upper-case abbreviation or code, kept as written: "ATVSLĐ", "C04", "PV01"."""
    w = word.strip(",.")
    vowels = sum(1 for c in fold(w).lower() if c in "aeiouy")
    return len(w) >= 2 and w.isupper() and (any(c.isdigit() for c in w) or (not is_syllable(w) and (vowels == 0 or (len(w) >= 5 and vowels <= 1))))


@functools.cache
def _org_case_tables() -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...], tuple[tuple[str, str, int], ...]]:
    """:func:`org_case`'s phrases, named heads and level words, longest first, with their lengths in words
    (sorted once, not at every call)."""
    phrases = tuple((p, len(p.split())) for p in sorted(_ORG_WORDS, key=lambda p: -len(p.split())))
    heads = tuple((h, len(h.split())) for h in sorted(_NAMED_HEADS, key=len, reverse=True))
    levels = tuple(
        (level, written, len(level.split())) for level, written in sorted(UNIT_LEVELS.items(), key=lambda kv: -len(kv[0].split()))
    )
    return phrases, heads, levels


def org_case(text: str) -> str:
    """Write an upper-case organisation name the way running text does.

    >>> org_case("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ")
    'Ủy ban nhân dân tỉnh Quảng Trị'
    >>> org_case("BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG ĐỒ SƠN")
    'Ban Thường vụ Đảng ủy phường Đồ Sơn'
    >>> org_case("BỘ KHOA HỌC VÀ CÔNG NGHỆ")
    'Bộ Khoa học và Công nghệ'
    >>> org_case("VĂN PHÒNG UBND TỈNH LÂM ĐỒNG"), org_case("TỈNH ỦY LÂM ĐỒNG")
    ('Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng', 'Tỉnh ủy Lâm Đồng')
    """
    words = text.split()
    folded = [fold(w).lower() for w in words]
    out: list[str] = []
    i = 0
    phrases, heads, levels = _org_case_tables()
    head = next((h for h, n in heads if " ".join(folded[:n]) == h), None)
    capitalise_next = True
    while i < len(words):
        # a level word ("tỉnh", not "Tỉnh ủy"): the rest is a place name
        for level, written, n in levels:
            if " ".join(folded[i : i + n]) == level and i + n < len(words) and folded[i + n] != "uy":
                out.append(written)
                out.append(_title_words(" ".join(words[i + n :])))
                return " ".join(out)
        for phrase, n in phrases:
            if " ".join(folded[i : i + n]) == phrase:
                out.append(_ORG_WORDS[phrase])
                i += n
                capitalise_next = False
                if phrase in _PARTY_COMMITTEES and i < len(words):  # "Tỉnh ủy | Lâm Đồng": a place name follows
                    return " ".join([*out, _title_words(" ".join(words[i:]))])
                break
        else:
            if folded[i] in _ABBREVIATIONS:
                out.append(_ABBREVIATIONS[folded[i]])
                capitalise_next = False
            elif _abbreviation(words[i]):
                out.append(words[i])
                capitalise_next = False
            else:
                out.append(_cap(words[i].lower()) if capitalise_next else words[i].lower())
                capitalise_next = bool(head) and (folded[i] == "va" or words[i].endswith(","))
            if head and i == len(head.split()) - 1:
                capitalise_next = True  # "Sở | Nội vụ", "Bộ | Khoa học"
            i += 1
    return " ".join(out)


# --- patterns --------------------------------------------------------------------

_UPPER_LINE = re.compile(r"^[^a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]+$")

# "Số 45-HD/BTCTW", "Số: 2581/QĐ-TTg", "Số -TB/ĐU", "Số: - CV/ĐU", "Số:\n21/2025/NQ-HĐND",
# "Số:10988/BNV-CQĐP V/v tuyên truyền ..."
_SO_LINE = re.compile(
    r"""^[ ]*S[ốố][ ]*:?[ ]*\n?[ ]*
        (?P<number>\d{1,6}[a-zA-Z]?)?[ ]*
        (?:(?P<sep>[-/])[ ]*)?
        (?:(?P<year>(?:19|20)\d{2})[ ]*/[ ]*)?
        (?P<symbol>[A-ZĐa-zđ][A-Za-zĐđƠơƯư0-9.&]*(?:(?:[ ]*/[ ]*|-[ ]*|[ ]+-[ ]*(?!(?:BÁO|NGHỊ|THÔNG|KẾT|CHỈ|KẾ|QUYẾT|TỜ|CÔNG|HƯỚNG|ĐỀ)[ ]))[A-ZĐa-zđ0-9][A-Za-zĐđƠơƯư0-9.&]*)*)?
    """,
    re.M | re.X,
)

# "Đồ Sơn, ngày tháng 03 năm 2026", "Hà Nội, ngày 21 tháng 11 năm 2025", "Huế, ngày 18/11/2025"
_PLACE_DATE = re.compile(
    # (a scan read by OCR may lose or change a tone or a vowel's hat: "ngay 29 thảng 12 nam 2025")
    r"""^[ ]*(?P<place>[^\W\d_][^\n,]{0,40}?)[ ]*,[ ]*ng[aàáảãạ]y[ ]*
        (?:(?P<d>\d{1,2})?[ ]*th[aàáảãạ]ng[ ]*(?P<m>\d{1,2})?[ ]*n[aăâàáảãạằắẳẵặầấẩẫậ]m[ ]*(?P<y>\d{4})
          |(?P<d2>\d{1,2})[ ]*[/.-][ ]*(?P<m2>\d{1,2})[ ]*[/.-][ ]*(?P<y2>\d{4}))
        |^[ ]*(?P<place3>[^\W\d_][^\n,]{0,40}?)[ ]*,[ ]*(?P<d3>\d{1,2})/(?P<m3>\d{1,2})/(?P<y3>\d{4})[ ]*$
    """,
    re.M | re.X,
)

#: the first characters :data:`_AUTHORITY` can match on a stripped line
_AUTHORITY_FIRST = ("T", "K", "Q")
_AUTHORITY = re.compile(r"^[ ]*(?P<auth>T/M|TM\.|T/L|TL\.|KT\.|K/T|Q\.|TUQ\.|TM|TL|KT)[ ]*(?P<rest>\S.*)?$", re.M)
_MOTTO = re.compile(r"cong hoa xa hoi chu nghia viet nam|doc lap - tu do - hanh phuc|dang cong san viet nam")
_BODY_START = re.compile(
    r"^(?:căn cứ|thực hiện|xét |theo đề nghị|kính gửi|ngày \d|sau khi|trên cơ sở|để |nhằm |trong |phát triển|thời gian|qua |[-–•]|[IVX]+[.-]|\d+[.)]|điều \d)",
    re.I,
)
_RECIPIENTS = re.compile(r"^[ ]*(?:Nơi nhận|Kính gửi)[ ]*:?", re.M | re.I)
#: the same after a line break (:func:`ingest.normalize.after_break`: found by a search that skips to the line breaks)
_RECIPIENTS_AFTER_BREAK = after_break(_RECIPIENTS)
_NOTE = re.compile(r"\((?:để\s*)?(?:b/c|báo cáo|biết|t/h|thực hiện|chỉ đạo|phối hợp)[^)]*\)", re.I)
_APPENDIX_SELF = re.compile(
    r"\((?:Ban hành |Gửi )?[Kk]èm theo (?P<type>[^\d()]{2,30}?)[ ]*số[ ]*:?[ ]*(?P<num>\d{1,6})?[ ]*(?P<sep>[-/])[ ]*(?:(?P<year>\d{4})/)?(?P<sym>[^\s,;()]+)[ ,]*(?:ngày[ ]*(?P<d>\d{1,2})?[ ]*(?:tháng|/)[ ]*(?P<m>\d{1,2})[ ]*(?:năm|/)[ ]*(?P<y>\d{4}))?[ ]*(?:của (?P<issuer>[^)]+))?\)"
)


def _lines(text: str) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


@functools.cache
def _header_types_longest() -> tuple[str, ...]:
    return tuple(sorted(HEADER_TYPES, key=len, reverse=True))


def _doc_type_of(line: str) -> str | None:
    f = fold(line).strip().rstrip(".")
    if f.endswith(":"):
        return None  # "QUYẾT ĐỊNH:" is the enacting clause, not the type line
    for key in _header_types_longest():
        if f == key or f.startswith(key + " "):
            return HEADER_TYPES[key]
    return None


def _symbol_type(symbol: str | None) -> str | None:
    if not symbol:
        return None
    head = fold(re.split(r"[-/]", symbol)[0]).lower()
    return SYMBOL_TYPES.get(head)


def _iso(y: str | None, m: str | None, d: str | None) -> str | None:
    if not y:
        return None
    if not m:
        return y
    if not d:
        return f"{y}-{int(m):02d}"
    return f"{y}-{int(m):02d}-{int(d):02d}"


def _place_unit(level_word: str, name: str) -> str:
    return f"{UNIT_LEVELS[fold(level_word).lower()]} {_title_words(name)}"


@functools.cache
def _unit_re() -> re.Pattern[str]:
    # "ĐẢNG ỦY PHƯỜNG ĐỒ SƠN", "TỈNH VĨNH LONG", "Đảng bộ phường Tân Hưng"
    return re.compile(r"\b(?P<level>thị trấn|thị xã|đặc khu|thành phố|phường|xã|quận|huyện|tỉnh)[ ]+(?P<name>[^\W\d_][^\s,;.:()]*(?:[ ]+[^\W\d_][^\s,;.:()]*){0,3})", re.I)


#: words that end a place name when capitalised after it ("Tân Hưng Khóa I", "Bình An Năm 2025"), compared with
#: their accents: "Nam" of "Quảng Nam", "Hà Nam", "Hòa Nam" is a name's syllable, "Năm" is a year's word
_NAME_STOP = {"lần", "nhiệm", "khóa", "khoá", "năm", "và", "đến", "tại", "theo", "về", "trong", "trên", "hiện", "cũ"}


def _clean_place_name(name: str) -> str | None:
    """Keep the capitalised syllables of a place name: "Tân Hưng lần thứ I" -> "Tân Hưng".

    >>> _clean_place_name("Tân Hưng lần thứ I"), _clean_place_name("Cư Hriêng tỉnh Đắk Lắk"), _clean_place_name("Nam Đàn")
    ('Tân Hưng', 'Cư Hriêng', 'Nam Đàn')
    >>> _clean_place_name("Quảng Nam"), _clean_place_name("Hà Nam Năm 2025"), _clean_place_name("Tân Hưng Khóa I")
    ('Quảng Nam', 'Hà Nam', 'Tân Hưng')
    """
    kept: list[str] = []
    for w in name.split():
        # a stop word ends a name, never starts one: "Cư Hriêng", "Cư M'gar", "Nam Đàn" are names
        if not w[:1].isupper() or (kept and unicodedata.normalize("NFC", w).lower() in _NAME_STOP):
            break
        kept.append(w)
    if not kept or fold(kept[0]) in {"hoi", "uy", "dang", "ubnd", "hdnd"}:
        return None
    return " ".join(kept)


_SHORT_LEVEL = re.compile(r"\b(ỦY|UỶ|ủy|uỷ|UBND|HĐND|BỘ|bộ)[ ]+(P|X|TT|p|x|tt)\.[ ]*(?=[^\W\d_])")
_SHORT_LEVELS = {"P": "phường", "X": "xã", "TT": "thị trấn"}


def _expand_short_level(text: str, upper: bool = False) -> str:
    """ "ĐẢNG ỦY P. HÒA TÂN HẢI" -> "ĐẢNG ỦY phường HÒA TÂN HẢI" (``upper``: "ĐẢNG ỦY PHƯỜNG HÒA TÂN HẢI")."""
    def level(m: re.Match[str]) -> str:
        word = _SHORT_LEVELS[m.group(2).upper()]
        return f"{m.group(1)} {word.upper() if upper else word} "
    return _SHORT_LEVEL.sub(level, text)
#: "TỈNH ỦY TÂY LĨNH", "Thành ủy Hải Phòng": a province's or a city's Party committee, named after its unit
_COMMITTEE_OF = re.compile(r"^(?P<level>tỉnh|thành|huyện|quận|thị)[ ]+(?:ủy|uỷ)[ ]+(?P<name>[^\W\d_].*)$", re.I)
#: the committee's first word -> the folded unit level: "Thành ủy" is a city's, "Thị ủy" a town's
_COMMITTEE_LEVEL = {"thanh": "thanh pho", "thi": "thi xa"}


def _unit_from_org(org: str) -> str | None:
    """The administrative unit an organisation's name gives.

    >>> _unit_from_org("ĐẢNG ỦY PHƯỜNG ĐỒ SƠN"), _unit_from_org("TỈNH ỦY TÂY LĨNH"), _unit_from_org("Thành ủy Hải Phòng")
    ('phường Đồ Sơn', 'tỉnh Tây Lĩnh', 'thành phố Hải Phòng')
    >>> _unit_from_org("ĐẢNG ỦY P. HÒA TÂN HẢI (KH)")
    'phường Hòa Tân Hải'
    """
    # "ĐẢNG ỦY P. HÒA TÂN HẢI (KH)", "UBND X. NÀ KHƯƠNG": the level's short form after the organ
    org = _expand_short_level(org)
    c = _COMMITTEE_OF.match(org.strip())
    if c:
        name = c.group("name").strip()
        cleaned = _title_words(name) if name.isupper() else _clean_place_name(name)
        level = fold(c.group("level")).lower()
        return f"{UNIT_LEVELS[_COMMITTEE_LEVEL.get(level, level)]} {cleaned}" if cleaned else None
    m = _unit_re().search(org)
    if not m:
        return None
    name = m.group("name").strip()
    if not name:
        return None
    if name.isupper():
        return _place_unit(m.group("level"), name)
    cleaned = _clean_place_name(name)
    return _place_unit(m.group("level"), cleaned) if cleaned else None


def _unit_from_top(top: str) -> str | None:
    r"""The lowest administrative unit named by an organisation line above the title.

    >>> _unit_from_top("ĐẢNG BỘ TỈNH LAM GIANG          ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY PHƯỜNG BÍCH LAM\n*")
    'phường Bích Lam'
    """
    found = None
    for line in top.split("\n")[:14]:
        for column in re.split(r"\s{3,}|\t", line.strip()):
            f = fold(column)
            if not f.startswith(("dang uy", "dang bo", "uy ban nhan dan", "hoi dong nhan dan", "ubnd", "hdnd")):
                continue
            unit = _unit_from_org(column)
            if unit and fold(unit).split()[0] in {"phuong", "xa", "thi", "dac"}:
                return unit
            found = found or unit
    return found


_DAY_DATE = re.compile(r"(?<![\d/])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>(?:19|20)\d\d)(?![\d/])")


def _first_date(head: Sequence[Line]) -> str | None:
    """The first full date ("29/01/2026") in a headerless message's first lines, or None.

    >>> _first_date(_lines("[VP ĐU P THẠCH LÂM]\\n📢 THÔNG BÁO NHANH KL giao ban ngày 29/01/2026\\n"))
    '2026-01-29'
    """
    for _s, _e, line in head:
        m = _DAY_DATE.search(line)
        if m and 1 <= int(m.group("m")) <= 12 and 1 <= int(m.group("d")) <= 31 and not _CITES_A_NUMBER.search(line):
            return _iso(m.group("y"), m.group("m"), m.group("d"))
    return None


#: a document's number on the line of a date: the date is that document's ("... đã có văn bản số 07-TB/CQTTBCĐ",
#: "(theo TB số 05-TB/ĐU, Thạch Lâm 30/01/2026)"), not the message's
_CITES_A_NUMBER = re.compile(r"\b(?:[Ss]ố|[Ss]o)[ ]*:?[ ]*\d|\d+/[A-ZĐ]|\d+-[A-ZĐ]")


#: a ward, a commune or a township as a clerk abbreviates its organs: "ĐU P Thạch Lâm", "UBND X. Tà Sình", "VP ĐU P THẠCH LÂM"
_ABBREVIATED_UNIT = re.compile(
    r"\b(?:ĐU|ĐẢNG ỦY|Đảng ủy|UBND|HĐND|UB|MTTQ|CA)[ ]+(?P<level>P|X|TT)\.?[ ]+"
    r"(?P<name>[A-ZĐÀ-Ỹ][^\W\d_]*(?:[ ]+[A-ZĐÀ-Ỹ][^\W\d_]*){0,3})")
_ABBREVIATED_LEVELS = {"P": "phường", "X": "xã", "TT": "thị trấn"}


def _unit_from_abbreviation(text: str) -> str | None:
    """The unit a message names only the way its clerk abbreviates it, the name it gives most often, or None.

    >>> _unit_from_abbreviation("[VP ĐU P THẠCH LÂM - TỈNH LAM GIANG]\\n...\\nCV Văn phòng ĐU P Thạch Lâm")
    'phường Thạch Lâm'
    """
    counts: Counter[str] = Counter()
    for m in _ABBREVIATED_UNIT.finditer(text):
        name = _clean_place_name(_title_words(m.group("name")))
        if name:
            counts[f"{_ABBREVIATED_LEVELS[m.group('level')]} {name}"] += 1
    return counts.most_common(1)[0][0] if counts else None


def _unit_from_body(text: str, place: str | None) -> str | None:
    """Headerless notices ("NGHỊ QUYẾT CỦA BAN THƯỜNG VỤ ĐẢNG ỦY" and nothing above):
    the ward is the one its own organs are named after."""
    counts: Counter[str] = Counter()
    strong: Counter[str] = Counter()
    for m in _unit_re().finditer(text):
        level = fold(m.group("level")).lower()
        if level not in {"phuong", "xa", "thi tran", "dac khu"} or not m.group("level").islower():
            continue
        name = _clean_place_name(m.group("name"))
        if not name:
            continue
        unit = _place_unit(level, name)
        counts[unit] += 1
        before = fold(text[max(0, m.start() - 30) : m.start()])
        if re.search(r"(dang bo|dang uy|ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|chinh quyen)\s*$", before):
            strong[unit] += 1
    if place:
        for unit in counts:
            if fold(unit).endswith(fold(place)):
                return unit
    if strong:
        return strong.most_common(1)[0][0]
    if counts:
        unit, n = counts.most_common(1)[0]
        return unit if n >= 2 else None
    return None


#: the copy's note after a signer's name on its line: "(đã ký)", "[đã ký]", "(ký)"
_SIGNED_NOTE = re.compile(r"[ ]*[\[(](?:đã ký|da ky|ký|signed)[\])]$", re.I)


def _parse_signer(lines: Sequence[tuple[int, int, str]], start_idx: int) -> tuple[Signer | None, str | None, int | None]:
    """Signature block from an authority line on: (signer, collective on whose behalf, start offset)."""
    auths: list[str] = []
    collective = None
    title_parts: list[str] = []
    name = None
    name_end = None
    first_start = lines[start_idx][0]
    i = start_idx
    while i < len(lines) and i < start_idx + 10:
        s, e, line = lines[i]
        stripped = line.strip()
        i += 1
        if not stripped:
            continue
        m = _AUTHORITY.match(stripped)
        if m and not title_parts:
            auth = m.group("auth")
            auth = {"TM": "TM.", "TL": "TL.", "KT": "KT.", "K/T": "KT."}.get(auth, auth)
            auths.append(auth)
            rest = (m.group("rest") or "").strip()
            if auth in {"T/M", "TM."}:
                collective = rest or None
            elif rest:
                # "KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG", "KT.CHỦ TỊCH PHÓ CHỦ TỊCH": on whose behalf, then the title
                fr = fold(rest)
                for head in ("pho thu tuong", "pho chu tich", "thu truong", "pho truong ban", "pho bi thu", "chanh van phong", "pho chanh van phong"):
                    k = fr.find(" " + head)
                    if k > 0:
                        title_parts.append(rest[k + 1 :])
                        break
            continue
        if re.fullmatch(r"[\[(]?(?:đã ký|da ky|ký|\(ký\)|signed)[\])]?", stripped, re.I) or stripped in {"(Đã ký)", "[đã ký]"}:
            continue
        if _UPPER_LINE.match(stripped) and not name:
            title_parts.append(stripped)
            continue
        # "Lê Thị Mỹ Hạnh (đã ký)": the name with the copy's note beside it
        signed = _SIGNED_NOTE.search(stripped)
        named = stripped[: signed.start()] if signed else stripped
        words = named.split()
        if 2 <= len(words) <= 6 and all(w[:1].isupper() and not any(c.isdigit() for c in w) for w in words) and not _UPPER_LINE.match(named):
            name = named
            name_end = e - (len(line) - len(line.rstrip())) - (len(stripped) - len(named))
        break
    if not auths and not title_parts:
        return None, None, None
    title = " ".join(title_parts) or None
    if title is None and auths and auths[-1] not in {"T/M", "TM."}:
        pass
    signer = Signer(name=name, title=title, authority=auths[-1] if auths else None, start=first_start, end=name_end)
    return signer, collective, first_start


def _find_signature(text: str, lines: Sequence[tuple[int, int, str]], body_end: int | None) -> tuple[Signer | None, str | None, int | None]:
    """The signature is the first authority line after "Nơi nhận" (its column comes
    first in extraction order), else the last authority line of the main text."""
    # an authority line starts with T, K or Q ("TM.", "KT.", "Q."): the patterns run on those only
    candidates = [
        i for i, (s, e, line) in enumerate(lines)
        if line.strip()[:1] in _AUTHORITY_FIRST and _AUTHORITY.match(line.strip()) and _UPPER_LINE.match(line.strip())
    ]
    if candidates:
        after = [i for i in candidates if body_end is not None and lines[i][0] >= body_end]
        idx = after[0] if after else candidates[-1]
        return _parse_signer(lines, idx)
    # No authority: "CHỦ TỊCH\nNguyễn Minh Dũng" right after the recipients list
    if body_end is not None:
        for i, (s, _e, line) in enumerate(lines):
            if s < body_end or not line.strip():
                continue
            st = line.strip()
            if _UPPER_LINE.match(st) and fold(st) in _PERSON_TITLES + ("thu tuong", "bo truong", "chu nhiem", "tong kiem toan"):
                return _parse_signer(lines, i)
    return None, None, None


def _recipients(text: str, lines: Sequence[tuple[int, int, str]]) -> tuple[tuple[str, ...], tuple[int, int] | None]:
    m = None
    for cand in at_line_starts(_RECIPIENTS, _RECIPIENTS_AFTER_BREAK, text):
        if fold(cand.group(0)).strip().startswith("noi nhan"):
            m = cand
            break
    if m is None:
        return (), None
    out: list[str] = []
    end = m.end()
    rest = text[m.end() :]
    first = True
    for raw in rest.split("\n"):
        line = raw.strip()
        if not line:
            if out:
                break
            end += len(raw) + 1
            continue
        if _AUTHORITY.match(line) and _UPPER_LINE.match(line):
            break
        if not (line.startswith(("-", "+", "•", "–")) or first or (out and not re.match(r"^[A-ZĐ]{2,}", line) and not out[-1].endswith(";"))):
            break
        first = False
        entry = _NOTE.sub("", line.lstrip("-+•– ")).strip().rstrip(",;.").strip().rstrip(",").strip()
        if entry:
            if raw.lstrip()[:1] not in "-+•–" and out and not out[-1].endswith(";"):
                out[-1] = (out[-1] + " " + entry).strip()
            else:
                out.append(entry)
        end += len(raw) + 1
    return tuple(out), (m.start(), min(end, len(text)))


Line = tuple[int, int, str]  # (start, end, text): a line, or one column of a line, and where it is in the text


def _number_line(text: str, head: Sequence[Line]) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """The "Số" line: ``(number, symbol, span)``.

    "Số 45-HD/BTCTW", "Số: 2581/QĐ-TTg", "Số -TB/ĐU" (number blank in a draft),
    "Số:\n21/2025/NQ-HĐND", "Số:10988/BNV-CQĐP V/v tuyên truyền ..." (the
    summary on the same line is not part of the symbol).
    """
    for s, _e, line in head:
        if re.match(r"^[ ]*S[ốố][ ]*:?", line) and len(line) < 200:
            m = _SO_LINE.match(text, s)
            if m:
                symbol = m.group("symbol")
                if symbol:
                    symbol = re.sub(r"[ ]*([-/])[ ]*", r"\1", symbol).rstrip(".")
                    symbol = re.split(r"[ ]+(?=V/v|v/v|Về|về)", symbol)[0].strip()
                return m.group("number"), symbol, (m.start(), m.end())
    return None, None, None


def _place_date(text: str, head: Sequence[Line]) -> tuple[str | None, str | None, int | None]:
    """The place-and-date line: ``(place, ISO date, end offset)``.

    "Đồ Sơn, ngày tháng 03 năm 2026" -> ("Đồ Sơn", "2026-03"); a place is a
    proper name ("Hà Nội", "Thành phố Huế", "TP. Hồ Chí Minh"), so "Thời gian:
    01 buổi sáng, ngày 26/11/2025" is not one.
    """
    for s, _e, line in head:
        m = _PLACE_DATE.match(line)
        if not m:
            continue
        cand = (m.group("place") or m.group("place3")).strip().strip("*").strip()
        words = [w for w in cand.split() if fold(w) not in {"pho", "xa", "tran"}]
        numbered = re.match(r"S[ốố]\b", cand) is not None and m.group("place") is not None
        if not numbered and (":" in cand or not words or not all(w[:1].isupper() for w in words)):
            continue
        if numbered:
            cand = None  # "Số 52-TB/ĐU, ngày 30/3/2026": the number and the date on one line, no place
        if m.group("y"):
            date = _iso(m.group("y"), m.group("m"), m.group("d"))
        elif m.group("y2"):
            date = _iso(m.group("y2"), m.group("m2"), m.group("d2"))
        else:  # "Cát Lâm Hải, 03/9/2026" (no "ngày")
            date = _iso(m.group("y3"), m.group("m3"), m.group("d3"))
        return cand, date, s + m.end()
    return None, None, None


def _type_line(head: Sequence[Line]) -> tuple[str | None, int | None, list[str]]:
    """The document type line: ``(doc_type, its index in head, title words on the same line)``.

    "NGHỊ QUYẾT", "THÔNG BÁO", "NGHỊ QUYẾT về ..." (the title joined to the type).
    """
    for idx, (_s, _e, line) in enumerate(head):
        if len(line) > 120 and not _UPPER_LINE.match(re.split(r" (?:về|VỀ) ", line)[0]):
            break  # prose: the header (if any) is above; a crawl that lost it starts here
        if re.match(r"^\s*Kính gửi", line):
            break
        if len(line) > 60 and not _UPPER_LINE.match(line[:40]):
            continue
        dt = _doc_type_of(line.strip())
        if dt and _UPPER_LINE.match(line.strip().split(" về ")[0].split(" VỀ ")[0]) or (dt and line.strip()[:1].isupper() and len(line.strip()) <= len(dt) + 1):
            tail = " ".join(line.strip().split()[len(dt.split()) :])
            return dt, idx, [tail] if tail else []
    return None, None, []


#: "của Ban Thường vụ Tỉnh ủy về …", "của Thường trực Đảng ủy tại hội nghị … về …": a collective in running-text case
_OF_COLLECTIVE_LC = re.compile(
    r"^của[ ]+(?P<of>(?:Ban|Thường trực|Đảng ủy|Đảng uỷ|Ủy ban|Uỷ ban|Chủ tịch|Tập thể|tập thể|Hội nghị)[^\n]{0,60}?)"
    r"(?:[ ]+tại[ ]+[^\n]*?)?[ ]+(?P<title>về[ ][^\n]+)$"
)


def _title_block(head: Sequence[Line], doc_type: str, type_idx: int, title_lines: list[str]) -> tuple[str, list[str], str | None, int]:
    """The lines under the type line: ``(doc_type, title lines, "CỦA ..." issuer line, body start)``.

    "THÔNG BÁO / KẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY / về ..." is a Thông báo
    kết luận of the Ban Thường vụ; the title ends at a blank line, at the
    first line of the body ("Căn cứ ...") or at the enacting authority
    ("CHÍNH PHỦ" under the title of a Nghị định).
    """
    of_line = None
    if title_lines:
        # "NGHỊ QUYẾT CỦA BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG về lãnh đạo ...": type, issuer and title on one line
        m = re.match(r"^(?:KẾT LUẬN[ ]+)?(?:CỦA|của)[ ]+(?P<of>[^\n]+?)(?:[ ]+(?P<title>(?:về|VỀ)[ ].+))?$", title_lines[0])
        if m and _UPPER_LINE.match(m.group("of")) and len(m.group("of")) < 60:
            of_line, title_lines = re.split(r"[ ]+TẠI[ ]+", m.group("of"))[0], [m.group("title")] if m.group("title") else []
            if doc_type == "Thông báo" and "ket luan" in fold(head[type_idx][2]).lower():
                doc_type = "Thông báo kết luận"  # "THÔNG BÁO KẾT LUẬN CỦA ..." on one line
    j = type_idx + 1
    while j < len(head):
        s, e, line = head[j]
        st = line.strip()
        if not st:
            if title_lines:
                j += 1
                # a blank line closes the title unless the next line continues it in lower case
                if j < len(head) and head[j][2].strip()[:1].islower() and fold(head[j][2].strip()).startswith("ve "):
                    continue
                break
            j += 1
            continue
        f = fold(st)
        if st.startswith("---") or st == "*":
            j += 1
            if title_lines:
                break
            continue
        if doc_type == "Thông báo" and not title_lines and f.startswith("ket luan"):
            doc_type = "Thông báo kết luận"
            st = st[len("KẾT LUẬN") :].strip()
            f = fold(st)
            if not st:
                j += 1
                continue
        m_of = _OF_COLLECTIVE_LC.match(st) if not title_lines and f.startswith("cua ") and not _UPPER_LINE.match(st) else None
        if m_of:
            # "của Ban Thường vụ Tỉnh ủy về kết quả …" under "THÔNG BÁO KẾT LUẬN": the collective, then the title
            of_line = m_of.group("of")
            st = st[m_of.start("title"):]
            f = fold(st)
        if not title_lines and f.startswith("cua ") and _UPPER_LINE.match(st):
            # "CỦA THƯỜNG TRỰC ĐẢNG ỦY TẠI HỘI NGHỊ GIAO BAN THÁNG 10/2026": the collective, not where it met
            of_line = re.split(r"[ ]+(?:TẠI|tại)[ ]+", st[4:].strip())[0]
            # "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG ... TẠI CUỘC HỌP ..." is a title, not an issuer
            if not any(fold(of_line).lower().startswith(t) for t in _PERSON_TITLES) and len(of_line) < 60:
                j += 1
                continue
            of_line = None
            if not title_lines and doc_type == "Thông báo kết luận":
                st = "KẾT LUẬN " + st
        if title_lines and (_BODY_START.match(st) and not f.startswith("ve ")):
            break
        if title_lines and re.match(r"S[ốố][ ]*:?[ ]*\d", st):
            break  # "Số 52-TB/ĐU, ngày 30/3/2026" under a post's title: its number line
        if title_lines and (len(st) > 300 or len(st) > 160 and re.search(r"[.!?][ ]+[^\W\d_]", st)):
            break  # a paragraph of sentences right under the title: the body, not a title's line
        if title_lines and (st.startswith("(") or re.match(r"chuong\s+[ivx\d]+\b", f.lower())):
            break  # "(Kèm theo Quyết định số ...)" under an appendix's title, "Chương I" of a charter
        if not title_lines and _BODY_START.match(st) and not f.startswith("ve "):
            break
        if title_lines and _UPPER_LINE.match(st) and not _UPPER_LINE.match(title_lines[-1]):
            break  # "CHÍNH PHỦ" after a lower-case title: the enacting authority
        if title_lines and _UPPER_LINE.match(st) and (fold(st).startswith(("chu tich", "thu tuong", "uy ban nhan dan", "hoi dong nhan dan", "chinh phu", "bo truong", "ban chap hanh", "ban thuong vu")) and len(st) < 70):
            break  # the enacting authority line under an upper-case title
        title_lines.append(st)
        j += 1
        if len(title_lines) >= 6:
            break
    body_start = head[j - 1][1] + 1 if j - 1 < len(head) and j > 0 else 0
    # do not swallow the first body line when the loop broke on it
    if j < len(head):
        body_start = head[j][0]
    return doc_type, title_lines, of_line, body_start


def _subject_line(head: Sequence[Line]) -> str | None:
    """A Công văn's summary: "V/v ..." under its number, over as many lines as it takes.

    "V/v báo cáo giải trình việc / Giải thể Hiệp hội rau quả Đà Lạt" is one
    summary; it ends at a blank line, the motto, the date line, "Kính gửi".
    """
    for idx, (_s, _e, line) in enumerate(head[:25]):
        k = line.find("V/v")
        if k < 0:
            k = line.find("v/v")
        if k < 0:
            continue
        parts = [line[k:].strip()]
        for _s2, _e2, nxt in head[idx + 1 : idx + 4]:
            st = nxt.strip()
            f = fold(st)
            if (not st or len(st) > 120 or _UPPER_LINE.match(st) or _MOTTO.search(f) or _PLACE_DATE.match(st)
                    or re.match(r"^(?:kinh gui|so\b|can cu|thuc hien|\d+[.)]|[-–•])", f) or parts[-1].endswith((".", ":", ";"))):
                break
            parts.append(st)
        return " ".join(parts)
    return None


def _type_from_symbol(text: str, symbol: str | None, title: str | None) -> str | None:
    """The type of a document with no type line: from its symbol ("TB/ĐU"), else a Công văn.

    A symbol that names an issuer, not a type ("BNV-CQĐP"), a "V/v" summary and
    a "Kính gửi" opening are the marks of a Công văn.
    """
    doc_type = _symbol_type(symbol)
    if doc_type is None and symbol and re.match(r"^[A-ZĐ]", symbol) and "/" not in symbol.split("-")[0]:
        doc_type = "Công văn"
    if doc_type is None and (title or "").startswith(("V/v", "v/v")):
        doc_type = "Công văn"
    if doc_type is None and re.match(r"^\s*Kính gửi", text):
        doc_type = "Công văn"
    return doc_type


#: first words of a line that names an organisation of its own (not the rest of the line above)
_ORG_HEADS = (*_LEADING_ORGS, "tinh uy", "thanh uy", "huyen uy", "quan uy", "thi uy", "ubnd", "hdnd", "phong", "trung tam",
              "chi cuc", "truong", "benh vien", "thanh tra", "kho bac", "lien doan", "hiep hoi", "chi bo", "cong ty", "tong")
#: a draft's mark above or beside the header: "DỰ THẢO", "(Dự thảo lần 2)"
_DRAFT_MARK = re.compile(r"^[(\[]?\s*du thao(?:\s+lan\s+\d+)?\s*[)\]]?$")


def _continues_org(prev: str, line: str) -> bool:
    """Whether an upper-case header line carries on the name above it.

    "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, / CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO, / CHUYỂN
    ĐỔI SỐ VÀ ĐỀ ÁN 06 TỈNH LÂM ĐỒNG" is one name; "ĐẢNG BỘ TỈNH X / ĐẢNG ỦY
    XÃ Y" and "ỦY BAN NHÂN DÂN / TỈNH QUẢNG TRỊ" are two lines.
    """
    f = fold(line).lower()
    if prev.rstrip().endswith((",", "-", "–")) or fold(prev).lower().endswith(" va") or f.startswith("va "):
        return True
    first = f.split()[:2]
    return not any(" ".join(first[: len(h.split())]) == h for h in (*_ORG_HEADS, *UNIT_LEVELS))


#: an issuer block typed in running case: each part opens on a Party or State organ and names its level
_MIXED_CASE_ORGS = re.compile(
    r"^(?:(?:Đảng (?:bộ|ủy|uỷ)|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|HĐND|Hội đồng nhân dân|Tỉnh ủy|Thành ủy)[ ]+"
    r"(?:tỉnh|thành phố|xã|phường|thị trấn|đặc khu|TP\.?)[ ]+[A-ZĐÀ-Ỹ][^,.:;()]*?(?:[ ]+[-–][ ]+|$))+$"
)


def _issuer_lines(head: Sequence[Line]) -> list[str]:
    """The upper-case lines of the issuer block, above the motto and the "Số" line; a name over several lines is joined."""
    org_lines: list[str] = []
    skipped = 0
    for _s, _e, line in head[:14]:
        st = line.strip()
        if not st or st.startswith("---") or st == "*" or st.startswith("-----"):
            continue
        if st.startswith("[") and st.endswith("]"):
            continue  # an editor's note above the header: "[VĂN BẢN GIẢ ĐỊNH ...]", "[Dự thảo]"
        f = fold(st)
        if _DRAFT_MARK.match(f.lower()):
            continue
        if _MOTTO.search(f):
            # "CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": two columns on one line
            k = f.find("cong hoa xa hoi chu nghia")
            if k > 0:
                org_lines.append(st[:k].strip())
            if f.startswith("dang cong san viet nam"):
                continue
            if k <= 0 and org_lines and fold(org_lines[-1]).lower() in {"uy ban nhan dan", "hoi dong nhan dan"}:
                continue  # "ỦY BAN NHÂN DÂN / CỘNG HÒA … / TỈNH X / Độc lập …": the columns interleaved, the unit below
            break
        if re.match(r"^S[ốố]", st) or _PLACE_DATE.match(st) or _doc_type_of(st):
            break
        if not _UPPER_LINE.match(st) and len(st) < 90 and _MIXED_CASE_ORGS.match(st):
            # "Đảng bộ tỉnh Khánh Hòa - Đảng ủy phường Hòa Tân Hải": the block typed in running case, on one line
            org_lines.extend(p.strip() for p in re.split(r"[ ]+[-–][ ]+", st) if p.strip())
            continue
        if _UPPER_LINE.match(st) and len(st) < 90:
            if _SHORT_LEVEL.search(st):
                # "ĐẢNG ỦY P. HÒA TÂN HẢI (KH)": the level written out, the province's code dropped
                st = re.sub(r"[ ]*\([A-ZĐ]{1,4}\)$", "", _expand_short_level(st, upper=True))
            if org_lines and _continues_org(org_lines[-1], st):
                org_lines[-1] = f"{org_lines[-1]} {st}"
            else:
                org_lines.append(st)
        elif not org_lines and skipped < 2 and len(st) < 90:
            # a line above the block that is none of its own (a stamp, a copy's note): the block may follow
            skipped += 1
        else:
            break
    return org_lines


def _appendix_identity(text: str, number: str | None, symbol: str | None) -> tuple[dict[str, str | None], list[tuple[int, int]]]:
    """Own identity from an appendix line when the header lost it, and the spans of such lines.

    "(Kèm theo Công văn số: 17899/BTC-TCCB ngày 18 tháng 11 năm 2025 của Bộ
    Tài chính)": the number, symbol, type, date and issuer of the document it
    is attached to, when the document has no number of its own; the line is
    the document's own identity (not a citation) when the numbers agree.
    """
    found: dict[str, str | None] = {}
    spans: list[tuple[int, int]] = []
    for m in _APPENDIX_SELF.finditer(text):
        if number is None and symbol is None and m.group("num"):
            number, symbol = m.group("num"), m.group("sym")
            found = {
                "number": number,
                "symbol": symbol,
                "doc_type": HEADER_TYPES.get(fold(m.group("type")).strip().lower()),
                "date": _iso(m.group("y"), m.group("m"), m.group("d")) if m.group("y") else None,
                "issuer": (m.group("issuer") or "").strip() or None,
            }
        if m.group("num") and number == m.group("num") and symbol and m.group("sym") and fold(symbol) == fold(m.group("sym")):
            spans.append((m.start(), m.end()))
    return found, spans


def _unit_name(unit: str) -> str:
    """A unit's name without its level: "tỉnh Tây Lĩnh" -> "Tây Lĩnh", "thành phố Cần Thơ" -> "Cần Thơ"."""
    return unit.split(" ", 2)[-1] if unit.startswith("thành phố") else unit.split(" ", 1)[-1]


def _full_org(org: Sequence[str]) -> str | None:
    """The issuing organisation from the issuer block's lines, in running-text case.

    "ỦY BAN NHÂN DÂN / TỈNH QUẢNG TRỊ" is one name; "BAN CHẤP HÀNH TRUNG ƯƠNG /
    BAN TỔ CHỨC" is the Ban Tổ chức Trung ương; otherwise the lowest line.
    """
    if not org:
        return None
    parts = list(org)
    child = fold(parts[-1]).lower()
    parent = fold(parts[-2]).lower() if len(parts) >= 2 else ""
    if parent and child in {"tinh uy", "thanh uy"} and _unit_from_org(parts[-2]):
        # "ĐẢNG BỘ TỈNH BẢO GIANG / TỈNH ỦY": the Tỉnh ủy Bảo Giang
        org_full = f"{org_case(parts[-1])} {_unit_name(_unit_from_org(parts[-2]) or '')}"
    elif parent and child.startswith(tuple(UNIT_LEVELS)) and parent.startswith(("uy ban nhan dan", "hoi dong nhan dan", "dang uy", "dang bo")):
        org_full = parts[-2] + " " + parts[-1][0].lower() + parts[-1][1:]
    elif parent == "ban chap hanh trung uong" and child.startswith("ban "):
        org_full = parts[-1] + " Trung ương"
    elif parent and _unit_from_org(parts[-2]) is None and parent.startswith(_PARTY_COMMITTEES) and not _unit_from_org(parts[-1]):
        # "TỈNH ỦY LÂM ĐỒNG / BAN TUYÊN GIÁO VÀ DÂN VẬN", "/ VĂN PHÒNG": a body of the committee
        org_full = f"{parts[-1]} {parts[-2]}"
    elif parent and _unit_from_org(parts[-2]) and not _unit_from_org(parts[-1]) and child.startswith(_ORG_HEADS) and child != "ban chap hanh":
        # "UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ": the department of that province; "/ VĂN PHÒNG": the People's Committee's office
        if child == "van phong":
            org_full = f"{parts[-1]} {parts[-2]}"
        else:
            unit = _unit_from_org(parts[-2])
            org_full = f"{parts[-1]} {unit}"
    else:
        org_full = parts[-1]
    if fold(org_full) == "dang cong san viet nam":
        return None
    return org_full


_SCOPED_COLLECTIVES = ("ban thuong vu", "ban chap hanh", "thuong truc", "uy ban kiem tra", "dang uy", "ban thuong vu dang uy")


#: a state organ named without its unit, as a signature's "TM." line names it
_BARE_STATE_ORGANS = frozenset({"uy ban nhan dan", "hoi dong nhan dan"})


def _issuer_and_unit(
    text: str, org: Sequence[str], of_line: str | None, collective: str | None, place: str | None,
    doc_type: str | None, appendix_issuer: str | None,
) -> tuple[str | None, str | None]:
    """``(issuer, unit)`` from the issuer block, the "CỦA ..." line and the signature's T/M line.

    A collective named without its ward ("CỦA BAN THƯỜNG VỤ ĐẢNG ỦY") takes
    the ward from the issuer block, else from the body: "Ban Thường vụ Đảng
    ủy phường Đông Hải".
    """
    org_full = _full_org(org)
    unit = None
    for cand in [org_full, *(list(org)[::-1])]:
        if cand:
            unit = _unit_from_org(cand)
            if unit:
                break
    issuer = None
    generic_org = org_full is None or fold(org_full) == "ban chap hanh trung uong"
    for cand in (of_line, collective if generic_org else None):
        if not cand:
            continue
        # "CỦA BAN THƯỜNG VỤ ĐẢNG ỦY XÃ": the level without its name, which the unit gives
        cand = re.sub(r"[ ]+(?:XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|xã|phường|thị trấn|đặc khu)$", "", cand.strip())
        c = org_case(cand)
        fc = fold(c)
        if org_full and fold(org_full).startswith(fc):
            issuer = org_full
        elif _unit_from_org(c):
            issuer = c
        elif fc.startswith(_SCOPED_COLLECTIVES):
            if unit is None and fc.startswith(("ban thuong vu", "ban chap hanh", "thuong truc", "dang uy", "uy ban kiem tra")):
                unit = _unit_from_body(text, place)
            if unit is None and place and re.search(r"\b(?:tinh|thanh) uy$", fc):
                # "CỦA BAN THƯỜNG VỤ TỈNH ỦY" under a header that names no province: a province's Party
                # committee dates its documents at the province's name (Hướng dẫn 36-HD/VPTW)
                unit = _place_unit("tinh" if fc.endswith("tinh uy") else "thanh pho", place)
            if "dang uy" not in fc and org_full and fold(org_full).startswith(("dang uy", "dang doan", "ban can su")):
                issuer = f"{c} {org_full}"
            elif unit and re.search(r"\b(?:tinh|thanh|huyen|quan|thi) uy$", fc):
                # "Ban Thường vụ Tỉnh ủy" of tỉnh Tây Lĩnh: "Ban Thường vụ Tỉnh ủy Tây Lĩnh"
                issuer = f"{c} {_unit_name(unit)}"
            elif unit:
                base = c if "dang uy" in fc or "dang bo" in fc else f"{c} Đảng ủy"
                issuer = f"{base} {unit}"
            else:
                issuer = c
        else:
            issuer = c
        if issuer:
            break
    if issuer is None:
        issuer = org_full or appendix_issuer
    party_organ = issuer is not None and fold(issuer).lower().startswith(("dang uy", "ban thuong vu", "thuong truc", "ban chap hanh", "chi bo"))
    # "TM. ỦY BAN NHÂN DÂN" of the signature, the issuer block unread (a line above it that is none of its own):
    # the organ without its ward, which the body names as it names a Party organ's
    bare_state = issuer is not None and fold(issuer).lower() in _BARE_STATE_ORGANS
    if unit is None and (issuer is None or party_organ or bare_state) and doc_type in {"Nghị quyết", "Thông báo kết luận", "Thông báo", "Báo cáo", "Kết luận"}:
        unit = _unit_from_body(text, place)
        if unit and bare_state and issuer is not None:
            issuer = f"{issuer} {unit}"
    cell = next((x for x in org if is_cell(x)), None)
    if cell and unit and fold(unit).lower().startswith(("phuong ", "xa ", "thi tran ", "dac khu ")):
        # a Party cell of the ward ("ĐẢNG BỘ PHƯỜNG MINH HÒA TÂY / CHI BỘ KHU PHỐ 3") keeps its own monthly series:
        # its unit is the cell within its ward, not the ward, whose other cells' resolutions are not its own
        unit = cell_unit(cell, unit)
    return issuer, unit


#: a run of pictographs opening a line ("📢 THÔNG BÁO ...", "🔔📢", "📌 Kết quả tháng 4:"): emoji, their variation
#: selectors and joiners, keycaps, the dingbats and arrows a chat's clerk types
_MARKS = re.compile("^[ ]*(?:[\u2190-\u2bff\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d\u20e3][ ]*)+", re.M)
#: "(Số 103-TB/ĐU, ngày 31/7/2026)": the number line of a post, in brackets
_BRACKETED_NUMBER = re.compile(r"^([ ]*)\((S[ốố][ ]*:?[ ]*\d[^()\n]*)\)([ ]*)$", re.M)
#: :data:`_MARKS` after a line break (:func:`ingest.normalize.after_break`): whether a line other than the first opens
#: on a pictograph, found by a search that skips to the line breaks (most notices have none: no substitution then)
_MARKS_AFTER_BREAK = after_break(_MARKS)


def _plain_marks(text: str) -> str:
    r"""``text`` with the pictographs that open its lines and the brackets of a bracketed number line blanked, every
    offset kept: a notice posted in a chat group ("📢 THÔNG BÁO KẾT LUẬN ...", "(Số 103-TB/ĐU, ngày 31/7/2026)") has the
    header of a typed one under its decoration.

    >>> _plain_marks("📢 THÔNG BÁO\n(Số 12-TB/ĐU, ngày 31/7/2026)\n✅ Đã xong")
    '  THÔNG BÁO\n Số 12-TB/ĐU, ngày 31/7/2026 \n  Đã xong'
    """
    if "(S" in text:  # (what a bracketed number line opens with: most notices have none, and the search reads every line)
        text = _BRACKETED_NUMBER.sub(lambda m: f"{m.group(1)} {m.group(2)} {m.group(3)}", text)
    if _MARKS.match(text) is None and _MARKS_AFTER_BREAK.search(text) is None:
        return text
    return _MARKS.sub(lambda m: " " * len(m.group(0)), text)


#: a web portal's masthead line over an article: "Cổng Thông tin điện tử phường An Lạc Đông - Thứ Sáu, 27/02/2026"
_PORTAL_LINE = re.compile(
    r"^(?:Cổng|Trang)[ ]+(?:[Tt]hông tin[ ]+)?(?:điện tử|ĐIỆN TỬ|Thông tin điện tử)?[ ]*(?P<org>[^-–|]{3,80}?)[ ]*[-–|][ ]*"
    r"(?:[Tt]hứ[ ]+\w+|[Cc]hủ [Nn]hật)?[ ,]*(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})")
#: an article's source line at its end: "Nguồn: Văn phòng Đảng ủy phường An Lạc Đông"
_SOURCE_LINE = re.compile(r"^(?:Nguồn|Theo)[ ]*:[ ]*\S")


def is_portal_article(text: str) -> bool:
    """Whether a normalised text opens on a web portal's masthead line (:data:`_PORTAL_LINE`): an article on a meeting."""
    first = text.lstrip()[:200].split("\n", 1)[0]
    return first[:5] in ("Cổng ", "Trang") and _PORTAL_LINE.match(first.strip()) is not None


def _portal_header(text: str, head: Sequence[Line]) -> tuple[str | None, str | None, str | None, int] | None:
    """A portal article's masthead: ``(headline, date, unit, end of the headline)``, or None when the text does not open on
    a masthead line.

    >>> t = "Cổng Thông tin điện tử phường An Lạc Đông - Thứ Sáu, 27/02/2026\\n\\nPhường An Lạc Đông: Dồn sức cho cuộc bầu cử\\n\\nALĐ - Sáng 26/2, ..."
    >>> _portal_header(t, _lines(t)[:6])
    ('Phường An Lạc Đông: Dồn sức cho cuộc bầu cử', '2026-02-27', 'phường An Lạc Đông', 108)
    """
    first = next(((s, e, line) for s, e, line in head[:3] if line.strip()), None)
    if first is None:
        return None
    m = _PORTAL_LINE.match(first[2].strip())
    if m is None:
        return None
    headline = next(((s, e, line) for s, e, line in head if s > first[1] and line.strip()), None)
    return (headline[2].strip() if headline else None, _iso(m.group("y"), m.group("m"), m.group("d")), _unit_from_org(m.group("org")),
            headline[1] if headline else first[1])


#: a field of an e-mail's header, as a mail client prints or a clerk pastes it: "Tiêu đề: ...", "Từ: ...", "Ngày gửi: ..."
_MAIL_FIELD = re.compile(
    r"^(?P<key>Tiêu đề|Chủ đề|Subject|Từ|From|Ngày gửi|Thời gian gửi|Date|Sent|Gửi|Đến|To|CC|Cc|BCC|Bcc)[ ]*:[ ]*(?P<value>.*)$")
_SIGN_OFF = re.compile(r"^(?:Trân trọng|Trân trọng cảm ơn|Kính thư|Thân ái|Thân chào|Best regards|Regards)[ ]*[,.!]?[ ]*\S?$")
_MAIL_DATE = re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b")


def _last_line_start(lines: Sequence[Line], pattern: re.Pattern[str], after: int) -> int | None:
    """Where the last line after ``after`` that ``pattern`` matches (stripped) starts: an article's source line, a mail's
    sign-off."""
    return next((s for s, _e, line in reversed(lines) if s > after and pattern.match(line.strip())), None)


def _mail_header(text: str, head: Sequence[Line]) -> tuple[str | None, str | None, int] | None:
    """An e-mail's header fields at the top of a text: ``(subject, date sent, end of the fields)``, or None when the text
    does not open on a subject and a sender, a date or a recipient.

    >>> t = "Tiêu đề: Báo cáo nhanh tháng 02, dự kiến công việc tháng 3/2026\\nTừ: Hà <ha@x.vn>\\nNgày gửi: thứ Sáu, 27/02/2026, 17:10\\n\\nKính gửi anh chị,"
    >>> _mail_header(t, _lines(t)[:5])
    ('Báo cáo nhanh tháng 02, dự kiến công việc tháng 3/2026', '2026-02-27', 117)
    """
    fields: dict[str, str] = {}
    end = 0
    for _s, e, line in head[:12]:
        m = _MAIL_FIELD.match(line.strip())
        if m is None:
            if fields and line.strip():
                break
            continue
        fields[fold(m.group("key")).lower()] = m.group("value").strip()
        end = e
    subject = fields.get("tieu de") or fields.get("chu de") or fields.get("subject")
    if not subject or not any(k in fields for k in ("tu", "from", "ngay gui", "thoi gian gui", "date", "sent", "gui", "den", "to")):
        return None
    sent = next((fields[k] for k in ("ngay gui", "thoi gian gui", "date", "sent") if k in fields), "")
    d = _MAIL_DATE.search(sent)
    return subject, _iso(d.group("y"), d.group("m"), d.group("d")) if d else None, end


def parse_header(text: str) -> Header:
    """Read the header fields of a normalised document text.

    Input: the text of :func:`ingest.normalize.normalize`. Output: a :class:`Header`
    whose ``body_start``/``body_end`` bound the numbered body for the structure stage.
    Each field is looked for on its own (a crawl or a draft lacks some) and may be None.
    The steps, in order: the "Số" line, place and date, type and title, "Nơi nhận" and
    the signature (where the body ends), an appendix's identity, the issuer block, the
    periods.
    """
    text = _plain_marks(text)
    lines = _lines(text)
    head = lines[:60]
    number, symbol, so_span = _number_line(text, head)
    place, date, date_end = _place_date(text, head)
    doc_type, title, of_line, body_start = _type_and_title(text, head, symbol, so_span, date_end)
    recipients, rec_span = _recipients(text, lines)
    signer, collective, body_end = _signature_and_body_end(text, lines, rec_span, body_start)
    if date is None and len(lines) > len(head):
        # a date written only above the signature ("Hòn Mây, ngày 05 tháng 5 năm 2026 / T/M BAN THƯỜNG VỤ")
        tail_place, date, _ = _place_date(text, lines[-30:])
        place = place or tail_place
    portal = _portal_header(text, head) if doc_type is None and number is None else None
    if portal is not None:
        # a web portal's article on the meeting (hand PA): its masthead line gives the date and the unit, its headline the
        # title; the body runs from the lead to the byline and its source ("Nguồn: Văn phòng Đảng ủy phường ...")
        title = portal[0]
        date = date or portal[1]
        body_start = max(body_start, portal[3])
        byline = _last_line_start(lines, _SOURCE_LINE, body_start)
        if byline is not None:
            prev = [ln for ln in lines if ln[1] < byline and ln[2].strip()]
            # (the author's name on the line above the source)
            body_end = prev[-1][0] if prev and len(prev[-1][2].split()) <= 8 and not prev[-1][2].rstrip().endswith((".", ":", ";", "”")) else byline
    mail = _mail_header(text, head)
    if mail is not None:
        # a clerk's e-mail (hand PC): its subject is the title, the day it was sent the date; the body follows its fields
        title = title or mail[0]
        date = date or mail[1]
        body_start = max(body_start, mail[2])
    attached_to, appendix, appendix_spans = _appendix_or_parent(text, head, doc_type, number, symbol)
    if appendix:
        number, symbol = appendix["number"], appendix["symbol"]
        doc_type = doc_type or appendix["doc_type"]
        date = date or appendix["date"]
    own_spans = [span for span in (so_span, rec_span) if span] + appendix_spans
    issuer, unit, province = _issuer_block(text, head, of_line, collective, place, doc_type, appendix.get("issuer"), body_start)
    if portal is not None and unit is None:
        unit = portal[2]
    if mail is not None and unit is None:
        unit = _unit_from_body(text, place)  # (its ward named in its body or its sign-off: "Văn phòng HĐND-UBND phường An Trạch")
    if body_end is None and (mail is not None or doc_type is None or number is None):
        # an e-mail's body ends at its sign-off ("Trân trọng,", then the clerk's name, office and phone), and so does a
        # message's with no signature block when the sign-off stands in its last lines ("Trân trọng!", the sender's name)
        signed = _last_line_start(lines, _SIGN_OFF, body_start)
        if signed is not None and (mail is not None or signed >= lines[max(0, len(lines) - 8)][0]):
            body_end = signed
    if date is None and number is None:
        # a message with no header block (a summary posted in a work chat group, hand RA): its first lines say when
        # ("📢 THÔNG BÁO NHANH KL giao ban BTV ĐU ngày 29/01/2026")
        date = _first_date(lines[:8])
    if unit is None:
        # ... and its first lines or its sign-off whose ward, the way its clerk abbreviates ("[VP ĐU P THẠCH LÂM]")
        unit = _unit_from_abbreviation(text)
    periods = document_periods(title, text[body_start : body_end or len(text)], date)
    return Header(
        doc_type=doc_type,
        number=number,
        symbol=symbol,
        issuer=issuer,
        unit=unit,
        place=place,
        date=date,
        title=title,
        reported_period=periods.reported_period,
        planned_period=periods.planned_period,
        reported_months=periods.reported,
        planned_months=periods.planned,
        signer=signer,
        recipients=recipients,
        own_spans=tuple(own_spans),
        body_start=body_start,
        body_end=body_end,
        province=province,
        attached_to=attached_to,
    )


def _type_and_title(
    text: str, head: Sequence[Line], symbol: str | None, so_span: tuple[int, int] | None, date_end: int | None
) -> tuple[str | None, str | None, str | None, int]:
    """``(doc_type, title, of_line, body_start)``: the type line and the title block under it
    (with its "CỦA ..." line), else the "V/v" subject line; a type the text does not
    print is read from the symbol. Without a type line the body starts after the
    "Số" line and the date line."""
    doc_type, type_idx, title_lines = _type_line(head)
    of_line = None
    if doc_type is not None and type_idx is not None:
        doc_type, title_lines, of_line, body_start = _title_block(head, doc_type, type_idx, title_lines)
    else:
        body_start = max(so_span[1] if so_span else 0, date_end or 0)
    title = " ".join(title_lines).strip() or None
    if title is None:
        title = _subject_line(head)
    if doc_type is None:
        doc_type = _type_from_symbol(text, symbol, title)
    return doc_type, title, of_line, body_start


def _signature_and_body_end(
    text: str, lines: Sequence[Line], rec_span: tuple[int, int] | None, body_start: int
) -> tuple[Signer | None, str | None, int | None]:
    """``(signer, collective, body_end)``: the body ends at "Nơi nhận", else at the signature."""
    body_end = rec_span[0] if rec_span else None
    signer, collective, sig_start = _find_signature(text, lines, body_end)
    if body_end is None and sig_start is not None and sig_start > body_start:
        body_end = sig_start
    return signer, collective, body_end


def _appendix_or_parent(
    text: str, head: Sequence[Line], doc_type: str | None, number: str | None, symbol: str | None
) -> tuple[str | None, dict[str, str | None], list[tuple[int, int]]]:
    """``(attached_to, appendix, appendix_spans)``.

    A file of its own that is an appendix ("PHỤ LỤC ... (Kèm theo Quyết định số ...)")
    names its parent in ``attached_to``; the decision's number is its parent's, not its
    own (else both would be one document). Otherwise a crawl that lost its header takes
    its identity from "(Kèm theo Công văn số ...)" (:func:`_appendix_identity`).
    """
    attached_to = _attached_to(text, head) if doc_type is None or doc_type in APPENDIX_TYPES else None
    if attached_to:
        return attached_to, {}, []
    appendix, appendix_spans = _appendix_identity(text, number, symbol)
    return attached_to, appendix, appendix_spans


def _issuer_block(
    text: str, head: Sequence[Line], of_line: str | None, collective: str | None, place: str | None,
    doc_type: str | None, appendix_issuer: str | None, body_start: int,
) -> tuple[str | None, str | None, str | None]:
    """``(issuer, unit, province)`` from the issuer block's lines (the motto left out)."""
    org = [org_case(x) for x in _issuer_lines(head) if not _MOTTO.search(fold(x))]
    issuer, unit = _issuer_and_unit(text, org, of_line, collective, place, doc_type, appendix_issuer)
    if unit is None:
        # a two-column header flattened onto one line ("ĐẢNG BỘ TỈNH X      ĐẢNG CỘNG SẢN VIỆT NAM"):
        # the organisation lines are still there, each column apart
        unit = _unit_from_top(text[: body_start or 800])
    return issuer, unit, _province_line(org)


_ATTACHED = re.compile(r"\(\s*(?:Ban hành |Gửi |Phê duyệt )?[Kk]èm theo\s+(?P<what>[^()]{5,300}?)\s*\)")


def _attached_to(text: str, head: Sequence[Line]) -> str | None:
    """The document an appendix file belongs to, as its first lines name it.

    "PHỤ LỤC / Danh sách ... / (Kèm theo Quyết định /QĐ-UBND ngày tháng 9 năm
    2025 / của Ủy ban nhân dân tỉnh)" -> "Quyết định /QĐ-UBND ngày tháng 9 năm
    2025 của Ủy ban nhân dân tỉnh" (white space collapsed; a draft's blank
    number stays blank).
    """
    if not head:
        return None
    end = head[min(len(head), 15) - 1][1]
    m = _ATTACHED.search(text, 0, end)
    return " ".join(m.group("what").split()) if m else None


def _province_line(org: Sequence[str]) -> str | None:
    """The province the issuer block's lines name: "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG" -> "thành phố Hải Phòng".

    It tells same-named wards apart (ingest.units); the first province-level
    unit of the block, the ward's own line being below it.
    """
    for line in org:
        unit = _unit_from_org(line)
        if unit and fold(unit).lower().startswith(("tinh ", "thanh pho ")):
            return unit
    return None


def year_of(header: Header) -> int | None:
    """The document's year: from its symbol ("21/2025/NQ-HĐND") or its date."""
    if header.date:
        return int(header.date[:4])
    return None
