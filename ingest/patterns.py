"""Named regex building blocks for references to documents (citations stage).

Every block is a small string written for ``regex.VERBOSE`` with a worked
example above it, composed by the ``*_re`` helpers below and compiled lazily
(``functools.cache``), never at import time. Two traps (eyecite's): under
VERBOSE an intended space must be written ``\\x20`` or ``\\s`` ("Nghị quyết"
would otherwise match "Nghịquyết"), and in an alternation the longer option
goes first. Vocabularies (type words, issuer codes, bodies) are data in
``ingest/data/*.json``; this module only turns them into patterns.

Party numbering ``50-CT/TW`` and state numbering ``36/CT-TTg``,
``154/2025/NĐ-CP`` fill the same ``number`` group (the ``regex`` package
allows one group name in two alternatives).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any

import regex

from ingest.prefilter import matches_from_starts
from ingest.vocabulary import CITED_TYPES, data

FLAGS = regex.VERBOSE | regex.V0


#: the JSON vocabulary ``ingest/data/<name>.json``, loaded once (:func:`ingest.vocabulary.data`)
vocab = data


def _words(phrase: str) -> str:
    """A literal phrase for a VERBOSE pattern, any run of spaces between words.

    >>> _words("Nghị quyết")
    'Nghị\\\\s+quyết'
    """
    return r"\s+".join(regex.escape(w) for w in phrase.split())


def alternation(phrases: list[str] | tuple[str, ...]) -> str:
    """Longest phrase first, so that "Thông báo kết luận" wins over "Thông báo"."""
    uniq = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(_words(p) for p in uniq) + ")"


def trie_alternation(phrases: Iterable[str]) -> str:
    r"""Literal phrases as one trie of characters: the same matches as their alternation longest first, where
    Python's ``re`` no longer tries every phrase at every place (the linker's 83 stop phrases: 9 -> 3.7 µs an item).

    A node that ends a phrase makes the longer phrases through it optional and tried first, so at one place the
    longest phrase that lets the rest of the pattern match wins, as in the alternation sorted longest first.

    >>> trie_alternation(["to", "tot", "va"])
    '(?:t(?:o(?:(?:t))?)|v(?:a))'
    >>> import re
    >>> re.sub(r"\b(?:" + trie_alternation(["trien khai", "trien khai thuc hien"]) + r")\b", "|", "trien khai thuc hienx")
    '| thuc hienx'
    """
    trie: dict[str, Any] = {}
    for p in phrases:
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


@functools.cache
def compiled(pattern: str) -> regex.Pattern[str]:
    """A small helper pattern (not verbose), compiled on first use."""
    return regex.compile(pattern)


# --- numbers and symbols ------------------------------------------------------

# "57", "03", "18345"; a sub-number after a dot: "66.4/2025/NQ-CP" (Nghị quyết 66.4 of the
# Government, one of the numbered series "66.1" ... "66.13"), never a thousands dot ("3.114")
NUMBER = r"(?P<number>\d{1,6}(?:\.\d{1,2}(?=\x20?[-/]))?)"

# A hyphen inside a symbol, with the stray space real text puts on one side:
# "NĐ-CP", "66- NQ/TW", "NĐ -CP". Not " - " (a dash between two phrases).
DASH = r"(?:\x20-(?!\x20)|-\x20?)"

# A slash, with a stray space: "4834 /TTr-SXD".
SLASH = r"(?:\x20?/\x20?)"

# One code of a symbol: "NQ", "QĐi", "TTg", "UBTVQH15", "SNN&MT", "ĐĐQH15".
# It starts with a capital and ends at the end of the word ("Quyết" is not "Quy").
# An OCR'd "QH15" whose Q came out as a zero ("0H15") is a code too (repaired in ingest.citations).
CODE = r"(?:(?:[A-ZĐ][A-Za-zĐđ0-9&]*|0H\d{2})(?!\w))"

# Party numbering: "57-NQ/TW", "188- KL/TW", "57 - NQ/TW", "11-QĐi/TW", "3260-KH/ĐĐQH15"
# (the "/" that must follow makes a spaced dash safe here).
PARTY_SYMBOL = rf"""
    {NUMBER} \x20?-\x20? (?P<ptype>{CODE}) {SLASH} (?P<pissuer>{CODE})
"""

# State numbering: "154/2025/NĐ-CP", "36/CT-TTg", "96/2025/QH15",
# "04/TTr-BKHCN-BTTTT", "3565 /QĐ -UBND", "20/2020/QĐ- TTg".
STATE_SYMBOL = rf"""
    {NUMBER} {SLASH} (?:(?P<year>(?:19|20)\d\d) {SLASH})?
    (?P<scode>{CODE}(?:{DASH}{CODE}){{0,3}})
"""

# Where a number may start: not inside a word, a date or another symbol
# ("2025/QĐ" inside "89/2025/QĐ-UBND"), not after "01:" ("QCVN 01:2021/BXD").
NUMBER_START = r"(?<![\w/.,\-&]|\d:)"

# Either numbering: "57-NQ/TW" | "154/2025/NĐ-CP".
NUMSYM = rf"""
    {NUMBER_START}
    (?: {PARTY_SYMBOL} | {STATE_SYMBOL} )
"""


# --- type words ---------------------------------------------------------------


def type_words() -> list[str]:
    """Every way a type is written in full: "Nghị quyết", "Văn bản", ..."""
    return [w for t in CITED_TYPES for w in t.words]


def type_abbreviations() -> list[str]:
    return [a for t in CITED_TYPES for a in t.abbreviations]


# A type word, any case for the full words ("NGHỊ QUYẾT", "nghị định"),
# upper case for the abbreviations ("NQ 66/NQ-CP", never "nq").
#   "Thông báo kết luận", "Nghị quyết", "NĐ"
def type_word() -> str:
    return rf"""
        (?P<type>
            (?i:{alternation(type_words())})
          | (?-i:{alternation(type_abbreviations())})
        )
        (?!\w)
    """


# A type word starting with a capital (a short form names a specific document:
# "Nghị quyết 57", "Đề án 06"; "các nghị quyết" is generic).
#   "Nghị quyết", "NGHỊ QUYẾT", "NQ"
def capitalised_type_word(short_only: bool = True) -> str:
    return rf"(?P<type>(?-i:{alternation(_capitalised_words(short_only))}))(?!\w)"


def _capitalised_words(short_only: bool = True) -> list[str]:
    """The phrases of :func:`capitalised_type_word`: "Nghị quyết", "NGHỊ QUYẾT", "NQ"."""
    words: list[str] = []
    for t in CITED_TYPES:
        if short_only and not t.short:
            continue
        for w in t.words:
            words += [w[0].upper() + w[1:], w.upper()]
        words += t.abbreviations
    return words


# "số", "Số:", "SỐ" between the type word and the number.
SO = r"(?i:số)(?!\w)"


# --- dates --------------------------------------------------------------------

# "22/12/2025", "01-4-2025", "22 tháng 12 năm 2025", "01 tháng 4 năm 2025"
DATE_BODY = r"""
    (?: (?P<day>\d{1,2}) \s*[/.\-]\s* (?P<month>\d{1,2}) \s*[/.\-]\s* (?P<dyear>(?:19|20)\d\d) (?!\d)
      | (?P<day>\d{1,2}) \s+ (?i:tháng) \s+ (?P<month>\d{1,2}) \s+ (?i:năm) \s+ (?P<dyear>(?:19|20)\d\d) (?!\d)
    )
"""

# ", ngày 22/12/2025", " ngày 22 tháng 12 năm 2025", " ban hành ngày 01/4/2025"
DATE_PHRASE = rf"""
    (?: \x20*,\x20* | \x20+ ) (?:(?i:ban\x20+hành)\x20+)? (?i:ngày) \x20+ {DATE_BODY}
"""


# --- issuers ------------------------------------------------------------------

# A place name: capitalised words, at most four, not a verb that starts the
# subject of the reference. "Quảng Bình", "Đồ Sơn", "ĐÀ NẴNG", "Hồ Chí Minh";
# stops before "Ban hành", "Quy định", "QUY ĐỊNH", "về", "(cũ)".
PLACE_STOP = r"""
    (?i: ban\s+hành | quy\s+định | quy\s+chế | sửa\s+đổi | bổ\s+sung | phê\s+duyệt
       | hướng\s+dẫn | bãi\s+bỏ | công\s+bố | thay\s+thế | quyết\s+định | kèm\s+theo
       | thông\s+qua | ban\s+chỉ | về | và | tại | theo | năm | ngày | khóa | khoá
       | giai | được | nay | của | số | điều | gửi | trình | cho | với | để | trong | đã | cũ | thông )
    (?!\w)
"""
PLACE_WORD = rf"(?:(?!{PLACE_STOP})(?-i:\p{{Lu}}[\p{{L}}]*)(?!\w))"
PLACE = rf"(?:{PLACE_WORD}(?:(?:\x20|\x20-\x20){PLACE_WORD}){{0,3}})"


def _issuers() -> dict[str, Any]:
    return vocab("issuers")


# After the name of a local body, where it is: "tỉnh Quảng Trị", "thành phố",
# "TP Hà Nội", "phường Đồ Sơn", or a bare place name ("Tỉnh ủy Điện Biên").
def locality() -> str:
    words = _issuers()["localities"]["words"]
    return rf"""
        \x20+ (?: (?: (?-i:TP\.?) | (?i:{alternation(words)}) (?!\w) ) (?: \x20+ {PLACE} )?
                | {PLACE}
              )
    """


# A Party or Quốc hội term after a body: " khóa XIII", " khoá XV".
TERM = r"\x20+ (?i:khóa|khoá) \x20+ (?-i:[IVXLC]+) (?!\w)"

# "của " before an issuer, after the number or its date: " của ", ", của ".
OF = r"(?: \x20*,\x20* | \x20+ ) (?i:của) \x20+"

# Between two issuers of a list: "Bộ Chính trị, Ban Bí thư", "... và UBND tỉnh".
ISSUER_SEP = r"(?: \x20*,\x20* | \x20+ (?i:và) \x20+ )"

# After a list of bodies, a verb shows that the last one is the subject of the
# next clause, not an issuer: "của Quốc hội, Chính phủ đã ban hành ...".
SUBJECT_VERB = r"""
    \x20+ (?i: đã | đang | sẽ | ban\x20hành | đề\x20nghị | yêu\x20cầu | chỉ\x20đạo | giao | thực\x20hiện
             | tổ\x20chức | có | là | được | trình | hướng\x20dẫn | triển\x20khai | thông\x20báo | báo\x20cáo ) (?!\w)
"""


@functools.cache
def locality_re() -> regex.Pattern[str]:
    return regex.compile(locality(), FLAGS)


@functools.cache
def term_re() -> regex.Pattern[str]:
    return regex.compile(TERM, FLAGS)


@functools.cache
def of_re() -> regex.Pattern[str]:
    return regex.compile(OF, FLAGS)


@functools.cache
def issuer_sep_re() -> regex.Pattern[str]:
    return regex.compile(ISSUER_SEP, FLAGS)


@functools.cache
def subject_verb_re() -> regex.Pattern[str]:
    return regex.compile(SUBJECT_VERB, FLAGS)


# Words of a body's name, for the vocabulary lookup: "Bộ Văn hóa, Thể thao và
# Du lịch" -> bộ, văn, hóa, ",", thể, ... (a comma or a dash is a word too).
NAME_TOKEN = r"[^\W_]+ | [,\-]"


@functools.cache
def name_token_re() -> regex.Pattern[str]:
    return regex.compile(NAME_TOKEN, FLAGS)


# --- compiled patterns --------------------------------------------------------


@functools.cache
def numsym_re() -> regex.Pattern[str]:
    """A number with its symbol, either numbering.

    >>> [m.group("number") for m in numsym_re().finditer("Chỉ thị số 50-CT/TW và 154/2025/NĐ-CP")]
    ['50', '154']
    """
    return regex.compile(NUMSYM, FLAGS)


@functools.cache
def head_re() -> regex.Pattern[str]:
    """What stands before a number: type word, "số", a list of bare numbers.

    Searched in a window that ends where the number starts (``\\Z``):
    "Nghị quyết số ", "Thông báo kết luận số ", "NQ ", "văn bản số: ",
    "các Kết luận số 187, " (the 187 shares the symbol of the next number).
    """
    return regex.compile(
        rf"""
        (?<!\w) {type_word()}
        (?: \s+ {SO} )? \s* :? \s*
        (?P<pre> \d{{1,6}} (?: \s*,\s* \d{{1,6}} )* \s* (?:,|(?i:và)) \s* )?
        \Z
        """,
        FLAGS,
    )


# A law's name before its number: "Luật Tổ chức chính quyền địa phương số ",
# "Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật số ",
# "Luật Khoa học, công nghệ và đổi mới sáng tạo số ".
LAW_WORD = r"""
    (?: (?<=một\x20)số | (?<=một\x20số\x20)điều | (?!(?i:số|ngày|năm|tháng|được|theo|tại|bởi|và\x20Luật|điều|khoản|chương|mục|điểm)(?!\w))
        (?: (?<=(?:của|sung|các)\x20)Luật | (?!Luật(?!\w))[^\W\d_]+ ) )
"""
LAW_NAME = rf"(?P<lawname>(?:\x20|,\x20){LAW_WORD}(?:(?:\x20|,\x20){LAW_WORD}){{0,24}}?)"
LAW_TYPE = r"(?P<type>(?-i:Bộ\x20luật|BỘ\x20LUẬT|Luật|LUẬT))(?!\w)"


@functools.cache
def law_head_re() -> regex.Pattern[str]:
    """A named law followed by "số", ending where its number starts."""
    return regex.compile(rf"(?<!\w) {LAW_TYPE} {LAW_NAME} \s+ {SO} \s* :? \s* \Z", FLAGS)


@functools.cache
def so_head_re() -> regex.Pattern[str]:
    """A bare "số" before a number: "và số 160/TB-VPCP", "GPKT số 1710/GP-BTNMT"."""
    return regex.compile(rf"(?<!\w) (?P<word>[^\W\d_]+ \s+)? {SO} \s* :? \s* \Z", FLAGS)


@functools.cache
def continuation_re() -> regex.Pattern[str]:
    """What joins two members of a list: ", ", " và ", "; ", ", và số "."""
    return regex.compile(r"\A (?: \s*[,;]\s* (?:(?i:và)\s+)? | \s+(?i:và)\s+ ) (?P<so>(?i:số)\s*:?\s*)? \Z", FLAGS)


@functools.cache
def date_re() -> regex.Pattern[str]:
    """The date right after a number (", ngày 22/12/2025"); a repeated date or year
    ("ngày 31/12/2024 ngày 31/12/2024", "ngày 31/12/2024 2024") is tolerated.

    >>> m = date_re().match(", ngày 22/12/2025 của Ban Bí thư")
    >>> m.group("day"), m.group("month"), m.group("dyear")
    ('22', '12', '2025')
    """
    return regex.compile(
        rf"{DATE_PHRASE} (?: \x20+ (?i:ngày) \x20+ \d{{1,2}}/\d{{1,2}}/\d{{4}} | \x20+ (?:19|20)\d\d (?![\d/]) )?",
        FLAGS,
    )


# A short form: a capitalised type word and a bare number, "Nghị quyết 57",
# "NQ 57", "Chỉ thị số 45", "Quy định 377", "Đề án 06", "Đề án 06/CP",
# "Nghị định số 154/2025" (number and year, the symbol left out).
# Not "Kế hoạch 5 năm", not a year ("Chương trình 2030"), not a numbered symbol.
SHORT_UNITS = r"""
    (?i: năm | tháng | ngày | tuần | quý | giờ | người | lần | cấp | bước | điểm | nội\s+dung
       | nhiệm\s+vụ | tỷ | triệu | nghìn | ngàn | đồng | km | ha | trường | xã | phường | tỉnh | %)
"""


# More numbers of a list of short forms: "Nghị quyết 57, 59, 66 và 68".
SHORT_MORE = rf"""
    (?: \x20*,\x20* (?:(?i:và)\x20+)? | \x20+ (?i:và) \x20+ )
    (?P<number>\d{{1,3}})
    (?! \d | [\w/\-] | [.,]\d | \s?[/\-]\s?\w | \s+{SHORT_UNITS}(?!\w) )
"""


@functools.cache
def short_more_re() -> regex.Pattern[str]:
    return regex.compile(SHORT_MORE, FLAGS)


@functools.cache
def short_re() -> regex.Pattern[str]:
    """Short forms: a type word and a number without a symbol.

    >>> [m.group(0) for m in short_re().finditer("theo NQ 57 và Đề án 06/CP; Kế hoạch 5 năm")]
    ['NQ 57', 'Đề án 06/CP']
    """
    return regex.compile(
        rf"""
        (?<!\w) {capitalised_type_word()}
        (?: \x20+ {SO} )? \x20+
        (?P<number>\d{{1,4}})
        (?: / (?P<hint>{CODE}) | / (?P<syear>(?:19|20)\d\d) )?
        (?! \d | [\w/\-] | [.,]\d | \s?[/\-]\s?\w | \s+{SHORT_UNITS}(?!\w) )
        """,
        FLAGS,
    )


@functools.cache
def short_start_re() -> re.Pattern[str]:
    """Where a short form can start: the first word of one of its type words, a literal
    ("Nghị", "NGHỊ", "NQ", "Đề"; the type word is matched case and all, as written here).

    >>> short_start_re().search("theo Nghị quyết 57").group()
    'Nghị'
    """
    firsts = sorted({w.split()[0] for w in _capitalised_words()}, key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, firsts)))


def finditer_short(text: str) -> Iterator[regex.Match[str]]:
    """The matches of ``short_re().finditer(text)``, the pattern tried only where
    :func:`short_start_re` finds the first word of a type word (every match starts at one:
    the places skipped are places it cannot match at). The grammar's look-behind at its
    start kept ``regex`` from skipping ahead: it was tried at every character (0.115 ms
    a notice, 0.075 so).

    >>> [m.group(0) for m in finditer_short("theo NQ 57 và Đề án 06/CP; Kế hoạch 5 năm")]
    ['NQ 57', 'Đề án 06/CP']
    """
    return matches_from_starts(short_re(), short_start_re(), text)


# Ordinals written in words: "Hội nghị lần thứ tư" = 4.
ORDINALS = {
    "nhất": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "mười một": 11,
    "mười hai": 12,
    "mười ba": 13,
    "mười bốn": 14,
    "mười lăm": 15,
}
ROMAN = r"(?-i:[IVXLC]+)(?!\w)"

# A Party congress resolution: "Nghị quyết Đại hội XIV của Đảng",
# "Nghị quyết đại hội XIV", "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
# "Nghị quyết Đại hội Đảng bộ thành phố lần thứ XVII".
CONGRESS = rf"""
    (?P<type>(?-i:Nghị\x20quyết|NGHỊ\x20QUYẾT|NQ))\s+(?i:Đại\s+hội)
    (?P<org>(?:\s+(?!lần\b)(?i:đại\s+biểu|toàn\s+quốc|Đảng\s+bộ|Đảng|{alternation(["thành phố", "tỉnh", "phường", "xã", "quận", "huyện"])})(?!\w)(?:\s+{PLACE})?){{0,4}})
    \s+ (?:(?i:lần\s+thứ)\s+)? (?P<ord>{ROMAN})
    (?: \s*,?\s* (?i:nhiệm\s+kỳ) \s+ \d{{4}}\s*-\s*\d{{4}} )?
    (?: \s+ (?i:của\s+Đảng) (?!\s+bộ) )?
"""

# A Central Committee plenum resolution: "Nghị quyết Trung ương 4 khóa XII",
# "Nghị quyết Hội nghị Trung ương 8 khóa XIII", "Nghị quyết TW4 khóa XII",
# "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII".
PLENUM = rf"""
    (?P<type>(?-i:Nghị\x20quyết|NGHỊ\x20QUYẾT|NQ))\s+
    (?: (?i:Hội\s+nghị)\s+ )?
    (?: (?i:lần\s+thứ)\s+(?P<nth>\d{{1,2}}|(?i:{alternation(list(ORDINALS))}))\s+(?i:Ban\s+Chấp\s+hành)\s+ )?
    (?i:Trung\s+ương|TW) (?:\s+(?i:Đảng))? \s* (?P<n>\d{{1,2}})?
    \s+ (?i:khóa|khoá) \s+ (?P<term>{ROMAN})
"""

# The constitution: "Hiến pháp", "Hiến pháp năm 2013".
CONSTITUTION = r"""
    (?P<type>(?-i:Hiến\x20pháp|HIẾN\x20PHÁP))(?!\w)
    (?: \s+ (?:(?i:năm)\s+)? (?P<year>(?:19|20)\d\d)(?!\d) )?
"""

# A law by name: "Luật Đất đai", "Luật Tổ chức chính quyền địa phương",
# "Bộ luật Lao động", "Luật Trật tự, an toàn giao thông đường bộ",
# "Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật".
NAMED_LAW_WORD = r"""
    (?: (?<=một\x20)số | (?<=một\x20số\x20)điều
      | (?!(?i:số|ngày|năm|tháng|được|đã|đang|sẽ|theo|tại|bởi|về|để|trong|khi|thì|có|là|do|cho|với
              |hoặc|nhằm|quy\x20định|hướng\x20dẫn|thi\x20hành|này|trên|nêu|hiện\x20hành|các|những|trình|hoàn
              |thiện|thông\x20qua|gồm|như|sau|đến|cùng|phù|hợp|lần|cũ|và|điều|khoản|chương|mục|điểm|chuyên\x20ngành
              |phụ\x20lục)(?!\w))
        (?: (?<=(?:của|sung)\x20)(?:\d{1,2}\x20)?Luật | (?!Luật(?!\w))(?-i:\p{Lu}?\p{Ll}+)(?!\w) ) )
"""
# A law's name: a capitalised first word (or two words in lower case, "Luật viên
# chức"), then words in lower case (or title case: "Chính phủ"); a comma only early in the name ("Trật tự, an toàn
# giao thông đường bộ", "Khoa học, công nghệ và đổi mới sáng tạo"), so that
# "Luật Tổ chức chính quyền địa phương, giúp ..." stops at the comma.
NOT_IN_NAME = r"""(?:Nghị\x20(?:quyết|định)|Chỉ\x20thị|Kết\x20luận|Quy\x20(?:định|chế)|Quyết\x20định|Hướng\x20dẫn
    |Thông\x20(?:báo|tư)|Kế\x20hoạch|Công\x20văn|Văn\x20bản|Báo\x20cáo|Tờ\x20trình|Đề\x20án|Chương\x20trình
    |Hiến\x20pháp|Pháp\x20lệnh|Điều|Khoản|Bộ\x20luật|Luật)(?!\w)"""
NAMED_LAW = rf"""
    (?(DEFINE) (?P<lw> {NAMED_LAW_WORD} ) )
    (?<!(?i:các|những|mọi|dự\x20án|dự\x20thảo)\x20)
    (?P<type>(?-i:Bộ\x20luật|Luật))(?!\w)
    (?P<lawname>
        \x20 (?: (?-i:sửa\x20đổi,\x20bổ\x20sung|sửa\x20đổi|\p{{Lu}}\p{{Ll}}+) (?!\w)
              | (?=(?-i:\p{{Ll}}+)\x20(?&lw)) (?&lw) )
        (?: \x20 (?&lw) ){{0,2}}
        (?: ,\x20(?=\p{{Ll}}) (?&lw) (?: \x20 (?&lw) ){{0,2}} ){{0,3}}
        (?: (?: \x20 | \x20và\x20(?=\p{{Ll}}|(?!{NOT_IN_NAME})\p{{Lu}}\p{{Ll}}) ) (?&lw) ){{0,20}}
    )
    (?: \x20* (?:(?i:năm)\x20+|\()? (?P<year>(?:19|20)\d\d)(?!\d)\)? )?
"""


@functools.cache
def named_re() -> regex.Pattern[str]:
    """Documents cited by name (kind ``named``)."""
    return regex.compile(
        rf"(?<!\w) (?: (?P<congress>{CONGRESS}) | (?P<plenum>{PLENUM}) | (?P<constitution>{CONSTITUTION}) | (?P<law>{NAMED_LAW}) )",
        FLAGS,
    )


#: the literal words every match of :func:`named_re` starts with (the ``type`` group
#: of each alternative, case as written): its citation triggers
NAMED_TRIGGERS = ("Nghị quyết", "NGHỊ QUYẾT", "NQ", "Hiến pháp", "HIẾN PHÁP", "Bộ luật", "Luật")


@functools.cache
def named_trigger_re() -> re.Pattern[str]:
    """The triggers of :func:`named_re`, found by a literal search (none is part of another).

    >>> [m.group() for m in named_trigger_re().finditer("Luật Đất đai, NQ Đại hội XIII; luật")]
    ['Luật', 'NQ']
    """
    return re.compile("|".join(map(re.escape, NAMED_TRIGGERS)))


def finditer_named(text: str) -> Iterator[regex.Match[str]]:
    """The matches of ``named_re().finditer(text)``, the pattern tried only where a trigger
    stands (the scan for the triggers is a plain literal search, the grammar runs a few
    times per document instead of at every character).

    >>> [m.group() for m in finditer_named("theo Hiến pháp năm 2013 và Bộ luật Lao động")]
    ['Hiến pháp năm 2013', 'Bộ luật Lao động']
    """
    pattern = named_re()
    pos = 0
    for t in named_trigger_re().finditer(text):
        if t.start() < pos:
            continue  # inside the previous match
        m = pattern.match(text, t.start())
        if m is not None:
            pos = m.end()
            yield m


# An anaphor: a type word and "này", "trên", "nêu trên" ... ("Nghị quyết trên",
# "Chỉ thị này", "Kế hoạch nêu trên", "Luật này").
ANAPHOR_DET = r"(?P<det>(?i:nêu\s+trên|nói\s+trên|kể\s+trên|đã\s+nêu|vừa\s+nêu|này|trên))(?!\w)"


@functools.cache
def anaphora_re() -> regex.Pattern[str]:
    """Type word + "này/trên": not a citation, a pointer to one."""
    return regex.compile(rf"(?<!\w) (?<!(?i:các|những)\s) (?!luật\s) {type_word()} \x20+ {ANAPHOR_DET}", FLAGS)


@functools.cache
def own_header_re() -> regex.Pattern[str]:
    """The document's own "Số:" line: "Số: 2688/QĐ-UBND", "Số:\\n21/2025/NQ-HĐND"."""
    return regex.compile(rf"(?m)^ \s* (?i:số) \s* :? \s* (?={NUMSYM})", FLAGS)


@functools.cache
def own_appendix_re() -> regex.Pattern[str]:
    """An appendix line naming the document it belongs to:
    "(Kèm theo Công văn số: 17899/BTC-TCCB ngày 18 tháng 11 năm 2025 của Bộ Tài chính)",
    "(Ban hành kèm theo Quyết định số 62/2025/QĐ-UBND ...)"."""
    return regex.compile(r"\( \s* (?:(?i:ban\s+hành)\s+)? (?i:kèm\s+theo) \s+ \Z", FLAGS)


@functools.cache
def relation_re() -> regex.Pattern[str]:
    """Words that state how a document relates to what it cites (on fold(text))."""
    return regex.compile(
        r"""
        (?<!\w)
        (?: (?P<passive> duoc \s+ (?:sua\s+doi|bo\s+sung|thay\s+the)(?:\s*,\s*bo\s+sung)? (?:\s*,\s*thay\s+the)? \s+ (?:boi|tai) )
          | (?P<based_on> can\s+cu | tren\s+co\s+so )
          | (?P<amends> sua\s+doi )
          | (?P<repeals> thay\s+the | bai\s+bo | huy\s+bo | het\s+hieu\s+luc )
          | (?P<applies> thuc\s+hien | trien\s+khai | quan\s+triet | cu\s+the\s+hoa | thi\s+hanh )
        )
        (?!\w)
        """,
        FLAGS,
    )


#: where a match of :func:`relation_re` can open: the first word of one of its options, a literal
_RELATION_START = re.compile(r"duoc|can|tren|sua|thay|bai|huy|het|thuc|trien|quan|cu|thi")


def finditer_relations(folded: str, pos: int, endpos: int) -> Iterator[regex.Match[str]]:
    """The matches of ``relation_re().finditer(folded, pos, endpos)``, the pattern tried only where
    ``_RELATION_START`` finds the first word of one of its options (every match starts at one: the places
    skipped are places it cannot match at). The look-behind at its start kept ``regex`` from skipping
    ahead: it was tried at every place of the 400 characters before each mention (0.050 ms a notice, 0.026 so).

    >>> [m.lastgroup for m in finditer_relations("can cu nghi quyet; thuc hien, duoc sua doi boi", 0, 46)]
    ['based_on', 'applies', 'passive']
    """
    return matches_from_starts(relation_re(), _RELATION_START, folded, pos, endpos)


# --- small helpers (not verbose; compile with ``compiled``) ---------------------

# A code that carries a term number: "QH15", "UBTVQH13", "ĐĐQH15".
TERM_CODE = r"(?i)^(ĐĐQH|UBTVQH|QH)(\d+)$"

# The same codes as OCR reads them: "OH15", "0H15", "QHl5", "UBTVOH13" (O or 0 for Q, l or I for 1).
OCR_TERM_CODE = r"^(ĐĐ|UBTV)?[OQ0][HN]([0-9lI]{2})$"

# The hyphen between the codes of a state symbol, stray spaces included: "QĐ -UBND".
SYMBOL_DASH = r"\s?-\s?"

# A year in front of a symbol given as a field: "2025/NĐ-CP".
YEAR_PREFIX = r"\A((?:19|20)\d\d)\s?/\s?"

# On folded text, what makes a law's name a law still to be made:
# "các dự án: Luật ...", "dự thảo Luật ...", "xây dựng Luật ...", "trình Quốc hội ban hành Luật ...".
DRAFT_BEFORE = (
    r"(?:du\s+an|du\s+thao|xay\s+dung|soan\s+thao|trinh|ban\s+hanh|hoan\s+thien)(?:\s+cac)?\s*(?:\w+\s*)?:?\s*\Z"
)

# After a law's name, the same: "Luật Thuế thu nhập doanh nghiệp (sửa đổi)".
DRAFT_AFTER = r"\s*\(\s*(?:sửa\s+đổi|thay\s+thế)\s*\)"

# Between two members of a list: ", ", " và ", "; ", ", và ".
LIST_GAP = r"\s*(?:[,;]\s*(?:(?i:và)\s+)?|(?i:và)\s+|\s)\s*"

# Between laws listed as drafts: "các dự án: Luật A, Luật B và Luật C".
DRAFT_LIST_GAP = r"\s*(?:[,;]|và|,\s*và)\s*"

# A name and its number in parentheses: "Luật Khoa học và công nghệ (Luật số 29/2013/QH13)".
PAREN_OPEN = r"\s*\(\s*"

# What may stand between an appendix's "(Kèm theo Quyết định số ..." and its ")":
# the rest of the date or issuer, on the same line.
APPENDIX_CLOSE = r"[^()\n]{0,80}\)"

# A header line that is the document's own type: "NGHỊ QUYẾT", "THÔNG BÁO", "QUYẾT ĐỊNH".
OWN_TYPE_LINE = (
    r"(?m)^[ \t]*(?P<t>NGHỊ QUYẾT|QUYẾT ĐỊNH|THÔNG BÁO|KẾ HOẠCH|HƯỚNG DẪN|QUY ĐỊNH|CHỈ THỊ|BÁO CÁO|KẾT LUẬN"
    r"|TỜ TRÌNH|CÔNG VĂN|CHƯƠNG TRÌNH|ĐỀ ÁN|QUY CHẾ|THÔNG TƯ|NGHỊ ĐỊNH|LUẬT)\b"
)

# A công văn's subject line, which no other type has: "V/v tuyên truyền ...".
SUBJECT_LINE = r"(?i)V/v"

# The year of the header's date line, below the "Số:" line:
# "Đồ Sơn, ngày 17 tháng 12 năm 2025", "Hà Nội, ngày 22/12/2024".
HEADER_DATE = r"(?i)ngày[^\n]{0,20}?(?:năm\s+|/)((?:19|20)\d\d)(?!\d)"

# "của Đảng" closing a congress resolution's name.
OF_THE_PARTY = r"(?i)của\s+Đảng\s*\Z"

# "số" right before a number (a 4-digit number after "số" is not a year).
SO_BEFORE = r"(?i)số\s*\Z"

# The numbers of "các Kết luận số 187, 188-KL/TW".
BARE_NUMBER = r"\d{1,6}"
