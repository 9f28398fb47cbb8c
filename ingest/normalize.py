"""Stage 2: raw text -> normalised text, once, before any offset exists.

``normalize(raw)`` returns the text every later stage indexes into:

* Unicode NFC (Windows-1258 and some PDFs give decomposed tone marks);
* one tone-mark placement: the *classic* one ("hòa, ủy, thủy, khỏe"), see
  :func:`unify_tone_placement` for why;
* PDF artefacts: page numbers and running headers at page breaks (``\\f``), a
  paragraph broken across a page ("thành\\n\\nphổ" -> "thành phổ");
* look-alike Cyrillic letters inside Latin words ("BТС" -> "BTC"), and the
  Icelandic eth a font put for Đ ("NÐ-CP" -> "NĐ-CP");
* markdown bold markers left by converters (``**T/M BAN THƯỜNG VỤ``);
* a two-column header flattened into lines with wide gaps ("ĐẢNG BỘ TỈNH X
  <spaces> ĐẢNG CỘNG SẢN VIỆT NAM") read column by column, as a .docx header
  table or a PDF's header block reads (:func:`unflatten_header`);
* whitespace: one space between words, at most one blank line.

``fold(text)`` is the accent-free, lower-case key used for matching and search;
it keeps the length of its input, so offsets found on folded text are offsets
in the original.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import regex

from ingest.reflow import reflow

# Combining tone marks (the five Vietnamese tones).
_TONES = "\u0300\u0301\u0303\u0309\u0323"

# "BТС" (Cyrillic Т) in a crawled symbol: look-alike Cyrillic capitals and
# small letters mapped to their Latin twins. Vietnamese text has no Cyrillic.
_CYRILLIC = str.maketrans(
    "АВЕКМНОРСТХУаеорсху",
    "ABEKMHOPCTXYaeopcxy",
)
# "NÐ-CP" with the Icelandic eth (U+00D0) a font or an OCR engine put for Đ (U+0110):
# Vietnamese has no eth, and the two look the same.
_ETH = str.maketrans("Ðð", "Đđ")

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " ", "\u3000": " "})

#: the characters each table changes: ``str.translate`` looks every character of
#: the text up in its table one by one (≈ 1 ms on a 20 KB notice, four tables), so
#: a text runs through a table only when a regex scan (C speed) finds one of them
_INVISIBLE_ANY = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# a bullet of a Word symbol font ("Symbol", "Wingdings") copied as the font's private-use code point ("\uf0b7", "\uf0a7",
# "\uf076", "\uf0d8"): the list's bullet it stands for, as the structure stage reads it
_SYMBOL_FONT_BULLETS = dict.fromkeys(range(0xF020, 0xF100), "•")
_LOOKALIKES: dict[int, Any] = {**_SPACES, **_CYRILLIC, **_ETH, **_SYMBOL_FONT_BULLETS}  # disjoint, no output another's input
_LOOKALIKE_ANY = re.compile("[" + re.escape("".join(map(chr, _LOOKALIKES))) + "]")


def _translate_if_any(text: str, table: dict[int, Any], any_re: re.Pattern[str]) -> str:
    return text.translate(table) if any_re.search(text) else text


@functools.cache
def _split_tone(ch: str) -> tuple[str, str]:
    d = unicodedata.normalize("NFD", ch)
    tone = "".join(c for c in d if c in _TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
    return base, tone


def _with_tone(ch: str, tone: str) -> str:
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", ch) + tone)


# A word-final "oa", "oe" or "uy" whose second vowel carries the tone:
#   "hoà" -> "hòa", "khoẻ" -> "khỏe", "uỷ" -> "ủy", "thuỷ" -> "thủy".
# Not after "q": in "quý" the "u" belongs to the consonant "qu".
# Not before a letter: "hoàng", "thuyết" place the tone the same way in both styles.
# (The "not after q" test stands after the vowel, as a look-behind over two
# characters, so that the pattern starts with a character class and the engine
# skips ahead to the next o/u instead of trying the look-behind everywhere.)
_TONE_PAIR = re.compile(
    r"([oOuU])(?<![qQ][oOuU])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?![^\W\d_])"
)


def _move_tone(m: re.Match[str]) -> str:
    first, second = m.group(1), m.group(2)
    base, tone = _split_tone(second)
    if (first.lower(), base.lower()) not in {("o", "a"), ("o", "e"), ("u", "y")}:
        return m.group(0)
    return _with_tone(first, tone) + base


def unify_tone_placement(text: str) -> str:
    """Put the tone of word-final "oa/oe/uy" on the first vowel.

    Why the classic placement: it is what the Government's rules on
    administrative documents (Nghị định 30/2020/NĐ-CP) and the Party's own
    templates print ("Ủy ban", "hòa bình", "Thủy"), what most notices use, and
    what officials type when they search.

    >>> unify_tone_placement("Uỷ ban hoà giải, thuỷ lợi, khoẻ; quý, hoàng, thuyết")
    'Ủy ban hòa giải, thủy lợi, khỏe; quý, hoàng, thuyết'
    """
    if text is _last_normalized:
        return text  # placed by normalize() already (a second pass moves nothing: the themes' accented key)
    return _TONE_PAIR.sub(_move_tone, text)


#: the last text :func:`normalize` returned: its tones are placed (no pair is left for a second pass to move,
#: and stripping the ends moves none either), so :func:`unify_tone_placement` gives it back as it is
_last_normalized: str | None = None


class _FoldTable(dict[int, str]):
    """``str.translate`` table: each character to one lower-case, accent-free character."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in "đĐ":
            out = "d"
        else:
            base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
            low = base.lower()
            out = low if len(low) == 1 else (ch.lower() if len(ch.lower()) == 1 else ch)
        self[code] = out
        return out


_FOLD = _FoldTable()
#: the same table filled in for every character below U+2500 (Latin, Vietnamese, combining
#: marks, punctuation): a plain dict, which ``str.translate`` reads twice as fast as a
#: dict with ``__missing__``; a text with a character above it uses ``_FOLD``
_FOLD_BMP_LOW = 0x2500
_FOLD_FAST = {code: _FOLD[code] for code in range(_FOLD_BMP_LOW)}
_ABOVE_FAST = re.compile(f"[^\\x00-\\u{_FOLD_BMP_LOW - 1:04x}]")
#: the last long text folded and its fold: every stage folds the whole document once
#: (themes, bodies, citations, people, metrics), and a document's text is one object
_last_fold: tuple[str, str] = ("", "")
#: folds of short texts (words, names, units, aliases: the same few hundred, folded again
#: and again by every stage); a dict lookup costs a sixth of a translate; bounded
_SHORT = 64
_short_folds: dict[str, str] = {}


#: from this length on, a text is folded through a lookup table in numpy (see :func:`_fold_long`)
_ARRAY_MIN = 256


@functools.cache
def _fold_array() -> tuple[Any, Any]:
    """numpy (imported on the first long text: the parser's warm-up, before a pool forks) and ``_FOLD_FAST``
    as an array of code points: every character below ``_FOLD_BMP_LOW`` folds to one character."""
    import numpy as np

    return np, np.array([ord(_FOLD_FAST[c]) for c in range(_FOLD_BMP_LOW)], dtype=np.uint32)


def _fold_long(text: str) -> str | None:
    """``text.translate(_FOLD_FAST)`` as one array lookup (0.05 ms for a 20 KB notice, not 0.55); None when
    ``text`` has a character at or above ``_FOLD_BMP_LOW`` (or a lone surrogate, which UTF-32 cannot hold)."""
    np, table = _fold_array()
    try:
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:
        return None
    if codes.max() >= _FOLD_BMP_LOW:
        return None
    out: str = table[codes].tobytes().decode("utf-32-le")
    return out


def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text`` with exactly the same length.

    >>> fold("Ủy ban nhân dân phường Đồ Sơn")
    'uy ban nhan dan phuong do son'
    >>> len(fold("Uỷ")) == len("Uỷ")
    True
    """
    global _last_fold
    if text.isascii():
        return text.lower()  # what the table gives every ASCII character
    if len(text) <= _SHORT:
        out = _short_folds.get(text)
        if out is None:
            out = text.translate(_FOLD if _ABOVE_FAST.search(text) else _FOLD_FAST)
            if len(_short_folds) >= 50_000:
                _short_folds.clear()
            _short_folds[text] = out
        return out
    last = _last_fold
    if text is last[0]:
        return last[1]
    long_out = _fold_long(text) if len(text) >= _ARRAY_MIN else None
    out = long_out if long_out is not None else text.translate(_FOLD if _ABOVE_FAST.search(text) else _FOLD_FAST)
    if len(text) > 1000:
        _last_fold = (text, out)
    return out


# --- PDF artefacts -----------------------------------------------------------

# "12", "- 12 -", "Trang 3", "Trang 3/10", "3/10": a line that is only a page number.
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*-)?\s*$", re.I)
_TERMINAL = ".:;!?…)\"”»"
#: "Trang 2/3", "Trang 2" alone on its line (the word written out): where a page ended, in text that lost its page breaks
_PAGE_LINE = re.compile(r"(?im)^[ \t]*trang[ \t]+\d{1,4}(?:[ \t]*/[ \t]*\d{1,4})?[ \t]*$")


def after_break(pattern: re.Pattern[str]) -> re.Pattern[str]:
    r"""``pattern``, which opens on a line start (``re.M``, ``^`` first) and never reads past its line, opened on the
    line break before the line instead: a search for ``^`` tries every place of a text (0.05 ms for a notice), one
    for "\n" skips to the line breaks (0.007 ms). A line start where ``pattern`` matches is the text's start (where
    ``pattern.match(text)`` says) or one after the start of a match of this (:func:`at_line_starts`).

    >>> after_break(re.compile(r"(?m)^[ ]*x")).pattern
    '(?m)\\n[ ]*x'
    """
    src = pattern.pattern
    flags = re.match(r"\(\?[aiLmsux]+\)", src)
    at = flags.end() if flags else 0
    if src[at : at + 1] != "^" or not pattern.flags & re.M:
        raise ValueError(f"not a pattern of line starts: {src!r}")
    return re.compile(src[:at] + r"\n" + src[at + 1 :], pattern.flags)


def at_line_starts(pattern: re.Pattern[str], after: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    r"""``pattern.finditer(text)`` for a pattern :func:`after_break` can take (``after`` its result): ``pattern`` tried at
    the text's start and at the line starts ``after`` finds, which are the only places it can match.

    >>> p, t = re.compile(r"(?m)^[ ]*x+"), "xx\na x\n x"
    >>> [m.span() for m in at_line_starts(p, after_break(p), t)], [m.span() for m in p.finditer(t)]
    ([(0, 2), (7, 9)], [(0, 2), (7, 9)])
    """
    m = pattern.match(text)
    if m is not None:
        yield m
    for b in after.finditer(text):
        m = pattern.match(text, b.start() + 1)
        if m is not None:
            yield m


_PAGE_LINE_AFTER_BREAK = after_break(_PAGE_LINE)


def _strip_page_furniture(pages: list[str]) -> list[str]:
    """Drop page numbers and running headers/footers repeated across pages."""
    split = [p.strip("\n").split("\n") for p in pages]
    if len(split) >= 3:
        firsts = Counter(lines[0].strip() for lines in split[1:] if lines)
        lasts = Counter(lines[-1].strip() for lines in split if lines)
        limit = max(2, len(split) // 2)
        heads = {s for s, n in firsts.items() if n >= limit and s and not _PAGE_NUMBER.match(s)}
        foots = {s for s, n in lasts.items() if n >= limit and s and not _PAGE_NUMBER.match(s)}
    else:
        heads, foots = set(), set()
    out = []
    for i, lines in enumerate(split):
        lines = list(lines)
        # page numbers at the top or bottom of a page
        while lines and (not lines[0].strip() or _PAGE_NUMBER.match(lines[0])):
            lines.pop(0)
        while lines and (not lines[-1].strip() or _PAGE_NUMBER.match(lines[-1])):
            lines.pop()
        if i > 0 and lines and lines[0].strip() in heads:
            lines.pop(0)
        if lines and lines[-1].strip() in foots:
            lines.pop()
        out.append("\n".join(lines))
    return out


# A paragraph that stops without closing punctuation, a blank line (a page
# ended there), and a continuation starting with a lower-case letter:
#   "phần mềm một cửa của thành\n\nphổ, phần mềm chuyên ngành"
_BROKEN_PARAGRAPH = re.compile(r"(?<=[^\s" + re.escape(_TERMINAL) + r"])[ ]*\n(?:[ ]*\n)+[ ]*(?=[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])")
# The same on text whose lines carry no spaces at either end (``normalize`` has
# removed them when it runs): the pattern starts with its literal "\n\n", which the
# engine finds at C speed, and the look-behind is checked in ``_join_broken``.
_BROKEN_PARAGRAPH_TRIMMED = re.compile(r"\n\n+(?=[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])")
_NOT_BEFORE_BREAK = frozenset(_TERMINAL)


# A line that stops on a function word cannot end a paragraph: the line was wrapped.
#   "2. Doanh nghiệp thực hiện dự án casino quy định tại\nĐiều 3 Nghị quyết này ..."
#   (not when the word ends a compound: "chuyển đổi số", "dân số", "tồn tại", "hiện tại", "đạt được", "trực thuộc":
#   "3. Cải cách hành chính, chuyển đổi số", "2. Hạn chế, tồn tại", "1. Kết quả đạt được" are headings)
_DIGITAL = "(?<!đổi số)(?<!tế số)(?<!quyền số)(?<!hội số)(?<!dân số)(?<!tầng số)(?<!tảng số)(?<!nghệ số)(?<!liệu số)"
_TAI, _DUOC, _THUOC = "tại(?<!tồn tại)(?<!hiện tại)", "được(?<!đạt được)", "thuộc(?<!trực thuộc)"
_WRAPPED_WORDS = f"{_TAI}|của|và|theo|với|các|cho|đến|trong|là|{_DUOC}|để|những|từ|số{_DIGITAL}|{_THUOC}|hoặc"
_WRAPPED_LINE = re.compile(r"(?<=[ ])(?P<w>" + _WRAPPED_WORDS + r")[ ]*\n(?=[^\n\-+•–(*\d])")
# The same on trimmed lines, found from its newline (a literal the engine skips to)
# with the word in a look-behind (``regex`` allows one of variable width): the
# newline becomes the space.
_WRAPPED_LINE_TRIMMED = regex.compile(r"(?<=[ ](?:" + _WRAPPED_WORDS + r"))\n(?=[^\n\-+•–(*\d])")
#: the line breaks it can stand at: its newline and its look-ahead, without the look-behind at its start, which
#: keeps ``regex`` from skipping to the newlines (a notice has ≈ 175 line breaks and ≈ 25 of these)
_WRAPPED_LINE_BREAK = regex.compile(r"\n(?=[^\n\-+•–(*\d])")


def _join_wrapped(text: str) -> str:
    """``_WRAPPED_LINE_TRIMMED.sub(" ", text)``, its pattern tried only at the breaks ``_WRAPPED_LINE_BREAK``
    finds (each match is one of them; a match is one character, replaced by a space, so the matches found
    one by one are the ones the substitution makes): 0.036 ms a notice, not 0.096.

    >>> _join_wrapped("quy định tại\\nĐiều 3 và\\n- a của\\n1 theo\\nb")
    'quy định tại Điều 3 và\\n- a của\\n1 theo b'
    """
    pattern = _WRAPPED_LINE_TRIMMED
    return _spaces_at(text, (c.start() for c in _WRAPPED_LINE_BREAK.finditer(text) if pattern.match(text, c.start())))


def _spaces_at(text: str, breaks: Iterable[int]) -> str:
    """``text`` with a space for each of its line breaks at ``breaks`` (in text order): the lines they end joined.

    >>> _spaces_at("a\\nb\\nc", [1, 3])
    'a b c'
    """
    parts: list[str] = []
    last = 0
    for i in breaks:
        parts += (text[last:i], " ")
        last = i + 1
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def _join_broken(m: re.Match[str]) -> str:
    """Join across the blank line unless the line before is an upper-case heading ("KẾ HOẠCH") or a lettered point follows."""
    text = m.string
    if m.re is _BROKEN_PARAGRAPH_TRIMMED and (m.start() == 0 or text[m.start() - 1].isspace() or text[m.start() - 1] in _NOT_BEFORE_BREAK):
        return m.group(0)  # the look-behind of _BROKEN_PARAGRAPH
    line_start = text.rfind("\n", 0, m.start()) + 1
    before = text[line_start : m.start()]
    if before == before.upper():
        return m.group(0)
    if _LETTER_POINT.match(text, m.end()):
        return m.group(0)  # "3. Quốc phòng - an ninh\n\na) Ngày 21-10 ...", "a. Về kinh tế": a lettered point, not a continuation
    return " "


_LETTER_POINT = re.compile(r"[a-zđ][).][ ]")


#: a gap between the two columns of a flattened header: a tab, 3+ spaces or a table's "|"
_GAP = re.compile(r"[ \u00a0]*\t[ \t\u00a0]*|[ \u00a0]{3,}|[ \u00a0]*\|[ \u00a0]*")
#: ... but not the blank of a draft's number or day: "Số:     /BC-UBND", "ngày      tháng 9"
_BLANK_BEFORE = re.compile(r"(?:\bS[ốố][ ]*:?|\bngày|\btháng|\bnăm|[:/-])$", re.I)


def _split_columns(line: str) -> list[str]:
    """A header line set in two columns, as its parts.

    A part starts with a capital, a digit or "(" after a gap; a gap that is a
    draft's blank ("Số:     /BC-UBND", "ngày      tháng 9") splits nothing.

    >>> _split_columns("Số 07-TB/ĐU          Tân Hà, ngày      tháng 6 năm 2026")
    ['Số 07-TB/ĐU', 'Tân Hà, ngày      tháng 6 năm 2026']
    """
    parts: list[str] = []
    pos = len(line) - len(line.lstrip(" \t|"))
    # (a gap has a tab, a bar, a no-break space or three spaces: most lines have none, and no search runs on them)
    gapped = "\t" in line or "|" in line or "   " in line or "\u00a0" in line
    for m in _GAP.finditer(line, pos) if gapped else ():
        left, right = line[pos : m.start()].rstrip(), line[m.end() :]
        if not left.strip() or not right.strip():
            continue
        if _BLANK_BEFORE.search(left) or not (right[:1].isupper() or right[:1].isdigit() or right[:1] == "("):
            continue
        parts.append(left)
        pos = m.end()
    rest = line[pos:].rstrip(" \t|")
    if rest.strip():
        parts.append(rest)
    return parts or [line]


#: what the right column of a header says: the Party's or the State's name, the motto, the place and date
_RIGHT_COLUMN = re.compile(r"(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập|ĐỘC LẬP|[^,\n]{1,40}, ngày\b)")


#: a line of a header's left column: the organ (upper case), its star or rule, the number
_LEFT_PART = re.compile(
    r"(?:\*|-{3,}|Số[ ]*:?[ ]*\d\S*|(?:ĐẢNG (?:ỦY|UỶ|BỘ)|BAN |ỦY BAN|UỶ BAN|UBND|HĐND|CHI BỘ|VĂN PHÒNG|SỞ |PHÒNG |TỈNH (?:ỦY|UỶ)|THÀNH (?:ỦY|UỶ))[^a-zđ]*)$"
)


def unflatten_header(text: str) -> str:
    r"""Read a two-column header kept as single lines with wide gaps column by column.

    Plain text keeps the two columns of a header (Nghị định 30/2020/NĐ-CP,
    Hướng dẫn 36-HD/VPTW) side by side: "ĐẢNG BỘ TỈNH X        ĐẢNG CỘNG SẢN
    VIỆT NAM", "Số 07-TB/ĐU        Xã Y, ngày 30 tháng 6 năm 2026". The block
    of such lines at the top (it must start within the first three lines) is
    rewritten as its left column top to bottom, then its right column; a line
    between them that is not split goes with the right column when indented
    as far as it. Nothing else changes.

    The whole header on one line goes part by part to its column by what each part says:

    >>> print(unflatten_header("ĐẢNG BỘ TỈNH X      ĐẢNG ỦY XÃ Y      *      ĐẢNG CỘNG SẢN VIỆT NAM      Số 17-NQ/ĐU      "
    ...                        "Y, ngày 05 tháng 8 năm 2026\nNGHỊ QUYẾT"))
    ĐẢNG BỘ TỈNH X
    ĐẢNG ỦY XÃ Y
    *
    Số 17-NQ/ĐU
    ĐẢNG CỘNG SẢN VIỆT NAM
    Y, ngày 05 tháng 8 năm 2026
    NGHỊ QUYẾT

    A line set in the right column by tabs, and the number beside the Party's name under the organ and its star:

    >>> print(unflatten_header("ĐẢNG BỘ TP X\t\tĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY PHƯỜNG Y\n\t\tY, ngày 27 tháng 8 năm 2026\n*\nSố 29-NQ/ĐU\n\nNGHỊ QUYẾT"))
    ĐẢNG BỘ TP X
    ĐẢNG ỦY PHƯỜNG Y
    *
    Số 29-NQ/ĐU
    ĐẢNG CỘNG SẢN VIỆT NAM
    Y, ngày 27 tháng 8 năm 2026
    <BLANKLINE>
    NGHỊ QUYẾT
    >>> print(unflatten_header("ĐẢNG BỘ TP X\nBAN CHẤP HÀNH ĐẢNG BỘ PHƯỜNG Y\n*\nSố 33-NQ/ĐU\tĐẢNG CỘNG SẢN VIỆT NAM\n\tY, ngày 30 tháng 9 năm 2026\n\nNGHỊ QUYẾT"))
    ĐẢNG BỘ TP X
    BAN CHẤP HÀNH ĐẢNG BỘ PHƯỜNG Y
    *
    Số 33-NQ/ĐU
    ĐẢNG CỘNG SẢN VIỆT NAM
    Y, ngày 30 tháng 9 năm 2026
    <BLANKLINE>
    NGHỊ QUYẾT

    >>> print(unflatten_header("ĐẢNG BỘ TỈNH X      ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ Y\nSố 07-TB/ĐU      Y, ngày 30 tháng 6 năm 2026\nTHÔNG BÁO"))
    ĐẢNG BỘ TỈNH X
    ĐẢNG ỦY XÃ Y
    Số 07-TB/ĐU
    ĐẢNG CỘNG SẢN VIỆT NAM
    Y, ngày 30 tháng 6 năm 2026
    THÔNG BÁO
    """
    lines = text.split("\n", 20)
    head = lines[:20]
    split = [_split_columns(line) for line in head]
    two = [i for i, parts in enumerate(split) if len(parts) >= 2]
    filled = [i for i, line in enumerate(head) if line.strip()]
    # the block starts within the first three lines, or (a header's organ, its star, then "Số 33-NQ/ĐU<TAB>ĐẢNG
    # CỘNG SẢN VIỆT NAM") within five when that line holds a header's part on each side
    if not two or (two[0] not in filled[:3] and not (
            two[0] in filled[:5] and _RIGHT_COLUMN.match(split[two[0]][-1]) and _HEADER_PART.search(split[two[0]][0]))):
        return text
    end = two[0]
    for i in two[1:]:
        if i - end > 6:
            break
        end = i
    end += 1
    starts = sorted(len(head[i]) - len(head[i].lstrip(" \t|")) + head[i].lstrip(" \t|").find(split[i][1]) for i in two if i < end)
    column = starts[len(starts) // 2]

    def indent(line: str) -> int:
        if line.startswith("\t") and line.strip():
            return column  # "<TAB><TAB>Rạch Sen, ngày …": set in the right column by tab stops
        return len(line) - len(line.lstrip())

    # lines of the right column below the last split line ("Độc lập - Tự do - Hạnh phúc" set alone)
    # and the left column's own lines among them (the organ's second line, its star, the number), up to a blank line
    while end < len(head) and head[end].strip() and (indent(head[end]) >= 0.6 * column or _LEFT_PART.match(head[end].strip())):
        end += 1
    left: list[str] = []
    right: list[str] = []
    for line, parts in zip(head[:end], split[:end], strict=True):
        if len(parts) >= 3:
            # the whole header on one line ("ĐẢNG BỘ TỈNH X    ĐẢNG ỦY XÃ Y    *    ĐẢNG CỘNG SẢN VIỆT NAM    Số 17-NQ/ĐU
            # Y, ngày 05 tháng 8 năm 2026"): each part to its column by what it says
            for part in parts:
                if _RIGHT_COLUMN.match(part):
                    right.append(part)
                else:  # "ĐẢNG ỦY XÃ Y      *": the star under the organ's name is a line of its own
                    left.extend(x for x in re.split(r"[ ]{2,}(?=\*$)", part) if x)
        elif len(parts) == 2:
            left.append(parts[0])
            right.append(parts[1])
        elif line.strip():
            (right if indent(line) >= 0.6 * column else left).append(line.strip())
    return "\n".join([*left, *right, *lines[end:]])


#: a part of a header joined to the next by " - " or " * " on one line: an organ, the Party's or the State's name
_HEADER_JOIN = re.compile(r"[ ]+[-–*][ ]+(?=ĐẢNG |ĐẢNG$|CỘNG HÒA|CỘNG HOÀ|\*|ĐẢNG ỦY|ĐẢNG UỶ|ỦY BAN|UỶ BAN|UBND|HĐND|BAN |CHI BỘ)")
#: "Số 21-NQ/ĐU - Tân Mỹ Thạnh, ngày 03 tháng 6 năm 2026": the number and the place-and-date joined by a dash
_NUMBER_JOIN = re.compile(r"^(Số[ ]*:?[ ]*\S+)[ ]+(?:[-–][ ]+)?(?=[^\W\d_][^,\n]{0,40},[ ]*ngày\b)")
#: a rule drawn under a header's part with dashes, underscores or equals signs, typed on the same line
_RULE = re.compile(r"[ ]*(?:-{3,}|_{3,}|={3,})[ ]*")
#: "UBND TỈNH X VĂN PHÒNG", "ỦY BAN NHÂN DÂN TỈNH X SỞ NỘI VỤ": an office or a department after its People's Committee
_OFFICE_AFTER_UNIT = re.compile(
    r"^((?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)[ ]+(?:TỈNH|THÀNH PHỐ|XÃ|PHƯỜNG|ĐẶC KHU)[ ]+[^\W\d_a-zđ][^a-zđ\n]*?)[ ]+"
    r"((?:VĂN PHÒNG|SỞ)(?:[ ]+[^\W\d_a-zđ][^a-zđ\n]*)?)$"
)
#: a separator a hand types between a header's parts: a dash, a star or two, a slash or two, a bar or three, spaced
_ANY_SEPARATOR = re.compile(r"[ ]+(?:[-–—]|\*{1,3}|/{1,2}|\|{1,3})[ ]+")
#: what marks a line as the header's: an organ's name at its start, the Party's or the State's name, the number
_HEADER_PART = re.compile(
    r"^(?:ĐẢNG (?:BỘ|ỦY|UỶ)|ỦY BAN|UỶ BAN|UBND|HĐND|TỈNH (?:ỦY|UỶ)|THÀNH (?:ỦY|UỶ))\b|ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG H[ÒO]A XÃ HỘI|(?:^|[ ])Số[ ]*:?[ ]*\d"
)
#: the State's motto keeps its dashes
_STATE_MOTTO = re.compile(r"Độc lập|ĐỘC LẬP")
#: the Party's or the State's name inside a line that holds more than it
_INNER_MOTTO = re.compile(r"(?:(?<=\S)[ ]+(?:[-–*][ ]+)?|^)(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG H[ÒO]A XÃ HỘI CHỦ NGHĨA VIỆT NAM)(?=[ ]+\S|[ ]*$)")
#: rules only: "-------- ---------------"
_RULES_ONLY = re.compile(r"^(?:-{3,}|_{3,}|={3,})(?:[ ]+(?:-{3,}|_{3,}|={3,}))+$")
#: a left column's line in capitals, then the State's motto: "TỈNH LAM GIANG Độc lập - Tự do - Hạnh phúc"
_MOTTO_AFTER = re.compile(r"^([^a-zđ\n]*[A-ZĐ][^a-zđ\n]*?)[ ]+(?:Độc lập|ĐỘC LẬP)[ ]*-")
#: a header's star with a part typed after it on the same line
_STAR_THEN = re.compile(r"^\*[ ]+(?=(?:Số\b|[^\W\d_][^,\n]{0,40},[ ]*ngày\b|[^\W\d_][^,\n]{0,40},[ ]*\d{1,2}/\d{1,2}/\d{4}))")
#: a committee's name after its Party organisation's on one line ("ĐẢNG BỘ TỈNH X ĐẢNG ỦY XÃ Y")
_INNER_ORGAN = re.compile(r"^(ĐẢNG BỘ [^\n]{3,60}?[^\s\-–*/|])[ ]+(?=(?:ĐẢNG ỦY|ĐẢNG UỶ|BAN CHẤP HÀNH|BAN THƯỜNG VỤ) )", re.M)
#: the place and the date after an organ's name: "Tân Khê Bình, ngày 30 …"
_PLACE_THEN_DATE = re.compile(r"[^\W\d_][^,\n]{0,40},[ ]*ngày\b")


def _seam(line: str) -> int:
    """Where a header line typed as two parts with a single space between them splits; 0 when it is not one.

    "ĐẢNG BỘ TỈNH X ĐẢNG ỦY XÃ Y …" (the Party organisation, then its committee), "TỈNH X Độc lập - Tự do -
    Hạnh phúc" (the left column's line, then the motto), "ĐẢNG ỦY XÃ Y Y, ngày …" (the organ, then the place and
    date), "* Y, ngày …" (the star under the organ, then the next part).
    """
    for m in (_INNER_ORGAN.match(line), _MOTTO_AFTER.match(line)):
        if m:
            return m.end(1)
    return 1 if _STAR_THEN.match(line) else _org_then_place(line)


def _org_then_place(line: str) -> int:
    """Where the place starts in "ĐẢNG ỦY XÃ TÂN KHÊ Tân Khê, ngày …" (an organ in capitals, then the place and
    date in running case on the same line); 0 when the line is not one."""
    if ", ngày" not in line or not _HEADER_PART.search(line):
        return 0
    pos = 0
    for word in line.split(" "):
        if any(c.islower() for c in word):
            head = line[:pos].strip()
            if head and _HEADER_PART.search(head) and word[:1].isupper() and _PLACE_THEN_DATE.match(line, pos):
                return pos
            return 0
        pos += len(word) + 1
    return 0


#: the Party's or the State's name on a line of its own
_MOTTO_ALONE = re.compile(r"^[-–* ]*(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG H[ÒO]A XÃ HỘI CHỦ NGHĨA VIỆT NAM)[ ]*$")
#: "… * Số 149-TB/TU …": the number line's start inside a header line
_INNER_NUMBER = re.compile(r"(?<=\S)[ ]+(?:[-–*|][ ]+)?(?=Số[ ]*:?[ ]*\d)")


_MD_ROW = re.compile(r"^[ ]*\|(.*)\|[ ]*$")
_MD_RULE = re.compile(r"^[ ]*\|(?:[ ]*:?-{3,}:?[ ]*\|)+[ ]*$")


def markdown_header(text: str) -> str:
    r"""A header typed as a Markdown table, read as the two columns it stands for.

    >>> print(markdown_header("| ĐẢNG BỘ TỈNH X | ĐẢNG CỘNG SẢN VIỆT NAM |\n|---|---|\n| ĐẢNG ỦY XÃ Y | |\n"
    ...                       "| * | Y, ngày 29 tháng 5 năm 2026 |\n| Số 19-NQ/ĐU | |\n\nNGHỊ QUYẾT"))
    ĐẢNG BỘ TỈNH X      ĐẢNG CỘNG SẢN VIỆT NAM
    ĐẢNG ỦY XÃ Y
    *      Y, ngày 29 tháng 5 năm 2026
    Số 19-NQ/ĐU
    <BLANKLINE>
    NGHỊ QUYẾT
    """
    if not text.lstrip().startswith("|"):
        return text
    lines = text.split("\n", 12)
    out = []
    for k, line in enumerate(lines[:12]):
        if _MD_RULE.match(line):
            continue
        m = _MD_ROW.match(line)
        if not m:
            out.extend(lines[k:])
            break
        cells = [c.strip() for c in m.group(1).split("|")]
        out.append("      ".join(c for c in cells if c))
    else:
        out.extend(lines[12:])
    return "\n".join(out)


def split_joined_header(text: str) -> str:
    r"""Put on lines of their own the parts of a header typed on one line with dashes or stars between them.

    >>> print(split_joined_header("ĐẢNG BỘ TỈNH X - ĐẢNG ỦY PHƯỜNG Y * ĐẢNG CỘNG SẢN VIỆT NAM\nSố 21-NQ/ĐU - Y, ngày 03 tháng 6 năm 2026\nNGHỊ QUYẾT"))
    ĐẢNG BỘ TỈNH X
    ĐẢNG ỦY PHƯỜNG Y
    ĐẢNG CỘNG SẢN VIỆT NAM
    Số 21-NQ/ĐU
    Y, ngày 03 tháng 6 năm 2026
    NGHỊ QUYẾT

    >>> print(split_joined_header("ĐẢNG BỘ TỈNH X / ĐẢNG ỦY PHƯỜNG Y / * / Số 53-TB/ĐU ||| ĐẢNG CỘNG SẢN VIỆT NAM / Y, ngày 30 tháng 10 năm 2026"))
    ĐẢNG BỘ TỈNH X
    ĐẢNG ỦY PHƯỜNG Y
    Số 53-TB/ĐU
    ĐẢNG CỘNG SẢN VIỆT NAM
    Y, ngày 30 tháng 10 năm 2026

    >>> print(split_joined_header("TỈNH ỦY X * Số 149-TB/TU ĐẢNG CỘNG SẢN VIỆT NAM Tây Lĩnh, ngày 28 tháng 8 năm 2026\nTHÔNG BÁO"))
    TỈNH ỦY X
    Số 149-TB/TU
    ĐẢNG CỘNG SẢN VIỆT NAM
    Tây Lĩnh, ngày 28 tháng 8 năm 2026
    THÔNG BÁO

    >>> print(split_joined_header("TỈNH ỦY X ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 402-TB/TU X, ngày 02 tháng 4 năm 2026"))
    TỈNH ỦY X
    ĐẢNG CỘNG SẢN VIỆT NAM
    *
    Số 402-TB/TU
    X, ngày 02 tháng 4 năm 2026

    >>> print(split_joined_header("ĐẢNG BỘ TỈNH X ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ TÂN KHÊ Tân Khê, ngày 30 tháng 12 năm 2025\n*"))
    ĐẢNG BỘ TỈNH X
    ĐẢNG CỘNG SẢN VIỆT NAM
    ĐẢNG ỦY XÃ TÂN KHÊ
    Tân Khê, ngày 30 tháng 12 năm 2025
    *

    >>> print(split_joined_header("ĐẢNG BỘ TỈNH X ĐẢNG ỦY XÃ ĐÔNG KHÊ * Số 97-TB/ĐU ĐẢNG CỘNG SẢN VIỆT NAM Đông Khê, ngày 30 tháng 6 năm 2026"))
    ĐẢNG BỘ TỈNH X
    ĐẢNG ỦY XÃ ĐÔNG KHÊ
    Số 97-TB/ĐU
    ĐẢNG CỘNG SẢN VIỆT NAM
    Đông Khê, ngày 30 tháng 6 năm 2026

    >>> print(split_joined_header("UBND TỈNH X VĂN PHÒNG ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc -----\nSố: 86/TB-VPUBND    X, ngày 04 tháng 3 năm 2026"))
    UBND TỈNH X
    VĂN PHÒNG
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Độc lập - Tự do - Hạnh phúc
    Số: 86/TB-VPUBND
    X, ngày 04 tháng 3 năm 2026

    An upper-case title with a dash ("QUY CHẾ - TỔ CHỨC ...") is not a header's parts: only the first lines are
    read, and only where a part names an organ or the Party's or State's name.
    """
    lines = text.split("\n", 6)
    joined = False  # a line of the header was typed with its parts run together
    for i, line in enumerate(lines[:6]):
        st = line.strip()
        if _RULE.search(st) and (_HEADER_PART.search(st) or _STATE_MOTTO.search(st)):
            # "UBND TỈNH X VĂN PHÒNG ------- CỘNG HÒA …": the rule drawn under an organ's name or the motto ends a part
            st = _RULE.sub(" - ", st.rstrip(" -_=")).strip()
            lines[i] = st
        if _RULES_ONLY.match(st):
            lines[i] = ""  # "-------- ---------------": the rules under both columns, typed on one line
            continue
        seam = _seam(st)
        if seam:
            # two of a header's parts run together with a single space: each on its line, each read again
            lines[i] = split_joined_header(st[:seam].strip()) + "\n" + split_joined_header(st[seam:].strip())
            joined = True
            continue
        if not st or re.search(r"[ ]{3,}|\t", st):
            if joined and _NUMBER_JOIN.match(st):
                lines[i] = _NUMBER_JOIN.sub(r"\1\n", st)  # "Số: 86/TB-VP    X, ngày …" below a header run together
            continue  # columns set apart by wide gaps: unflatten_header reads them
        office = _OFFICE_AFTER_UNIT.match(st)
        if office:
            # "UBND TỈNH X VĂN PHÒNG": the office under its People's Committee, on its own line
            st = office.group(1) + " - " + office.group(2)
        if _ANY_SEPARATOR.search(st) and _HEADER_PART.search(st) and not _STATE_MOTTO.search(st):
            # "ĐẢNG BỘ TỈNH X – ĐẢNG ỦY PHƯỜNG Y  **  ĐẢNG CỘNG SẢN VIỆT NAM", "Số 74-BC/ĐU  //  Y, 03/9/2026",
            # "… / Số 53-TB/ĐU ||| ĐẢNG CỘNG SẢN VIỆT NAM / Y, ngày …": whatever the separator, each part on its line
            pieces = [p.strip() for p in _ANY_SEPARATOR.split(st)]
            lines[i] = "\n".join(split_joined_header(p) for p in pieces if p.strip("* "))
            joined = True
            continue
        if (_INNER_MOTTO.search(st) and not _MOTTO_ALONE.match(st)) or _INNER_NUMBER.search(st):
            joined = True
            # "TỈNH ỦY X * Số 149-TB/TU ĐẢNG CỘNG SẢN VIỆT NAM X, ngày 28 tháng 8 năm 2026": every part on its line
            st = _INNER_NUMBER.sub("\n", _INNER_MOTTO.sub(lambda m: "\n" + m.group(0).strip().lstrip("-–* ") + "\n", st))
            pieces = [p.strip().rstrip(" *") for p in st.split("\n") if p.strip() and p.strip() != "*"]
            pieces = [_NUMBER_JOIN.sub(r"\1\n", p) if _NUMBER_JOIN.match(p) else p for p in pieces]
            lines[i] = "\n".join(split_joined_header(p) for p in pieces)
            continue
        if _NUMBER_JOIN.match(st):
            lines[i] = _NUMBER_JOIN.sub(r"\1\n", st)
            continue
        letters = [c for c in st if c.isalpha()]
        if letters and all(c.isupper() for c in letters) and _HEADER_JOIN.search(st) and re.match(r"(?:ĐẢNG|ỦY|UỶ|UBND|HĐND|BAN|TỈNH|THÀNH)", st):
            parts = [p.strip() for p in _HEADER_JOIN.split(st)]
            lines[i] = "\n".join(p for p in parts if p and p != "*")
    return "\n".join(lines)


# a table row pasted from Word: "1<TAB>Nội dung<TAB>Đơn vị<TAB>Thời gian", its header row, or a cell's second line
_TAB_ROW = re.compile(r"^(?:\d{1,3}\.?|STT|TT)?[ ]*\t[^\n]*$", re.M)


#: a header line set in the right column by tabs alone: "<TAB>Y, ngày 03 tháng 6 năm 2026"
_INDENTED = re.compile(r"^[ \t]*\t(?=[^\t\n]*$)")


def _indented_header(text: str) -> str:
    r"""The header's right-column lines indented with tabs, unindented (in its first 12 lines): they are not a table's rows.

    >>> _indented_header("ĐẢNG ỦY PHƯỜNG Y\nSố 55-NQ/ĐU\n\tĐẢNG CỘNG SẢN VIỆT NAM\n\t\tY, ngày 03 tháng 6 năm 2026\nNGHỊ QUYẾT")
    'ĐẢNG ỦY PHƯỜNG Y\nSố 55-NQ/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nY, ngày 03 tháng 6 năm 2026\nNGHỊ QUYẾT'
    """
    lines = text.split("\n", 12)
    for k, line in enumerate(lines[:12]):
        if line[:1] in " \t" and "\t" in line:
            lines[k] = _INDENTED.sub("", line)
    return "\n".join(lines)


def _tab_cells(m: re.Match[str]) -> str:
    r"""The cells of a pasted table row separated by " | ", as a plain-text table writes them.

    "1.<TAB>Tháng 9, tình hình ..." (one tab after a numbered point's "1.") is Word's numbered list saved as
    text, not a row: the tab is a space.

    >>> _TAB_ROW.sub(_tab_cells, "1\tXuống giống lúa\tPhòng Kinh tế\n2.\tTháng 9, tình hình ổn định.")
    '1 | Xuống giống lúa | Phòng Kinh tế\n2. Tháng 9, tình hình ổn định.'
    """
    row = m.group(0)
    if row.count("\t") == 1:
        head, rest = row.split("\t")
        if head.rstrip().endswith(".") and rest.strip():
            return f"{head.rstrip()} {rest.strip()}"
    return " | ".join(cell.strip() for cell in row.split("\t")).rstrip()


#: the stamp of a digital signature at the top of a signed PDF's copy ("Ký bởi: Ủy ban nhân dân phường X", "Cơ quan: Tỉnh
#: Y", "Ngày ký: 25.02.2026 17:05:12 +07:00"): no line of the document; above its header, it hides the header's first lines
_SIGNATURE_STAMP = re.compile(
    r"\A(?:[ \t]*\n)*[ \t]*(?:Ký bởi|Người ký)[ \t]*:[^\n]*\n(?:[ \t]*(?:Cơ quan|Ngày ký|Thời gian ký|Email|Chức vụ|Đơn vị)[ \t]*:[^\n]*\n)*",
    re.IGNORECASE)

#: the vertical rules of a table drawn with box-drawing characters (a PDF viewer's or a console's copy of a table)
_BOX_BARS = "│┃║"
#: a line of a drawn table: a rule of its own ("┌───┬───┐", "├───┼───┤", "╞═══╡") or a row between bars
_BOX_LINE = re.compile(r"^[ ]*[┌├└╔╠╚┏┣┗╒╞╘╓╟╙│┃║]")
_BOX_RULE = re.compile(r"^[ ]*[\u2500-\u257f ]+$")


def box_tables(text: str) -> str:
    r"""A table drawn with box-drawing characters, as plain-text rows: one line a row, its cells between " | ".

    A cell that wraps onto the next lines of its row ("│     │ quyết đúng và trước hạn │" under "│  3  │ Tỷ lệ hồ sơ
    ... giải │") is joined to it with a space: a row is the lines from one rule to the next, or a line that opens on
    a cell of the first column with the lines under it whose first cell is empty. The rules go.

    >>> print(box_tables("Bảng:\n┌─────┬──────────────┬────────┐\n│ STT │ Nội dung     │ Đơn vị │\n├─────┼──────────────┼────────┤\n"
    ...                  "│  1  │ Thu ngân     │ UBND   │\n│     │ sách đạt 2%. │        │\n└─────┴──────────────┴────────┘\nHết."))
    Bảng:
    STT | Nội dung | Đơn vị
    1 | Thu ngân sách đạt 2%. | UBND
    Hết.
    """
    lines = text.split("\n")
    out: list[str] = []
    row: list[list[str]] | None = None

    def flush() -> None:
        nonlocal row
        if row is not None:
            out.append(" | ".join(" ".join(part for part in cell if part) for cell in row).strip())
            row = None

    for line in lines:
        if not _BOX_LINE.match(line):
            flush()
            out.append(line)
            continue
        if _BOX_RULE.match(line):
            flush()  # a rule between two rows (or the table's top or bottom): no line of its own
            continue
        inner = line.strip().strip(_BOX_BARS)
        cells = [c.strip() for c in re.split(f"[{_BOX_BARS}]", inner)]
        if row is not None and not cells[0] and len(cells) == len(row):
            for k, c in enumerate(cells):
                row[k].append(c)  # the row goes on: its cells wrap
            continue
        flush()
        row = [[c] for c in cells]
    flush()
    return "\n".join(out)


def normalize(raw: str) -> str:
    """Normalise raw document text (see the module docstring).

    >>> normalize("của thành\\n\\nphổ, Uỷ ban  **T/M**")
    'của thành phổ, Ủy ban T/M'
    >>> normalize("- Kết nạp 03 đảng viên.\\n\\nTrang 1/2\\n\\n- Thu ngân sách đạt 77% dự toán.")
    '- Kết nạp 03 đảng viên.\\n\\n- Thu ngân sách đạt 77% dự toán.'
    >>> normalize("Ký bởi: Ủy ban nhân dân phường Sa Lộc\\nCơ quan: Tỉnh Vân Hải\\nNgày ký: 25.02.2026 17:05:12 +07:00\\n\\nỦY BAN NHÂN DÂN")
    'ỦY BAN NHÂN DÂN'
    """
    global _last_normalized
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _translate_if_any(text, _INVISIBLE, _INVISIBLE_ANY)
    text = _SIGNATURE_STAMP.sub("", text, count=1)
    text = unflatten_header(split_joined_header(markdown_header(text)))
    if any(bar in text for bar in _BOX_BARS):
        text = box_tables(text)  # a table drawn with box-drawing characters: one line a row, cells between " | "
    if "\t" in text:
        text = _indented_header(text)
        text = _TAB_ROW.sub(_tab_cells, text)  # a Word table pasted as text: one row a line, cells between tabs
    text = _translate_if_any(text, _LOOKALIKES, _LOOKALIKE_ANY)
    if "\f" not in text and (_PAGE_LINE.match(text) or _PAGE_LINE_AFTER_BREAK.search(text)):  # (_PAGE_LINE.search, faster)
        # text saved from a scan or a PDF without its page breaks: "Trang 2/3" on a line of its own marks one
        text = _PAGE_LINE.sub("\f", text)
    if "\f" in text:
        text = "\n\n".join(_strip_page_furniture(text.split("\f")))
    text = text.replace("**", "")
    text = _MARKDOWN_UNDERLINE.sub(r"\1", text)  # "__Nơi nhận: __" (markdown bold from a crawl)
    # Each substitution below matches only where it changes something (a run of
    # spaces is one space; a single space is left alone rather than replaced by
    # itself): the same text as the plain patterns, without touching every word.
    text = _collapse_spaces(text)
    text = _trim_lines(text)
    text = reflow(text)  # text copied out of a PDF: lines cut at a fixed width, page numbers between pages
    # from here on no line starts or ends with a space
    text = _BROKEN_PARAGRAPH_TRIMMED.sub(_join_broken, text)
    text = _join_wrapped(text)
    text = ocr_litter(text)
    text = _BLANK_LINES.sub("\n\n", text)
    text = unify_tone_placement(text)
    text = _last_normalized = text.strip()
    return text


#: a stray mark a scan's OCR put before a line (hand MA): "| (5) Hội đồng ...", ". (7) Hội nghị ...", "— (4) Ủy ban ..."
#: (a bar or a dot before anything; a dash only before a point's own number, which no list of dashes has)
_STRAY_MARK = re.compile(r"^(?:[|.][ ]+(?=[^\s|.])|[—–•][ ]+(?=\(\d{1,2}\)[ ]|\d{1,2}[.)][ ]))", re.M)
#: a sentence a scan broke over two lines (hand MA): a long line that stops without its full stop, the next opening on a
#: small letter ("... tình trạng họp chợ tạm dưới" / "lòng đường cơ bản được chấm dứt.")
# (not before a lettered point: "... → P. Kinh tế" / "b- Kiểm tra ...", hand ZC)
_BROKEN_LINE = re.compile(r"(?<=[^\s.:;!?…)\"”»])\n(?![a-zđ][).\-][ ])(?=[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])")
#: :data:`_STRAY_MARK` after a line break (:func:`after_break`: a search that skips to the line breaks)
_STRAY_MARK_AFTER_BREAK = after_break(_STRAY_MARK)
#: how much of a notice's start holds its header, where the ward's word is set right
_OCR_HEAD = 1500
#: the pairs of letters the misspelt ward's word holds (a notice without any needs no search)
_OCR_WARD_PAIRS = tuple(a + b for a in "uU" for b in "ỜờÒò") + tuple(a + b for a in "ưƯ" for b in "Òò")
#: a line break before a small letter, where :data:`_BROKEN_LINE` can match (its look-behind checked in Python)
_BREAK_BEFORE_SMALL = re.compile(_BROKEN_LINE.pattern[_BROKEN_LINE.pattern.index(r"\n") :])
_NOT_BROKEN = frozenset(" \t\n.:;!?…)\"”»")
#: the shortest line the rule reads as broken (a title's lines and a list's are shorter)
_BROKEN_LINE_MIN = 90


#: "phường" as a scan's OCR may spell it (hand MA: "ĐẢNG UỶ PHUỜNG TÂN KHÊ"): the falling tone of the word kept, a hook or
#: a horn lost ("phương", with no tone, is another word)
_OCR_WARD = re.compile(r"\b([Pp][Hh])(?:([Uu])([ỜờÒò])|([Ưư])([Òò]))([Nn][Gg])\b")


def _ward_word(m: re.Match[str]) -> str:
    upper = m.group(0).isupper()
    return m.group(1) + ("ƯỜ" if upper else "ườ") + m.group(6)


def _line_from(text: str, at: int) -> str:
    """The rest of the line from ``at``."""
    end = text.find("\n", at)
    return text[at : end if end >= 0 else len(text)]


def ocr_litter(text: str) -> str:
    """The litter of a scan read by OCR, taken out: a stray mark before a line (:data:`_STRAY_MARK`), the ward's word
    misspelt in the header (:data:`_OCR_WARD`) and a sentence broken over two lines (joined when the line before is long,
    :data:`_BROKEN_LINE`).

    >>> ocr_litter("| (5) Hội đồng nghĩa vụ quân sự xã tổ chức khám sức khỏe, chốt danh sách 28 công dân đủ điều kiện nhập\\nngũ năm 2026.\\n. (6) Xong.")
    '(5) Hội đồng nghĩa vụ quân sự xã tổ chức khám sức khỏe, chốt danh sách 28 công dân đủ điều kiện nhập ngũ năm 2026.\\n(6) Xong.'
    >>> ocr_litter("ĐẢNG UỶ PHUỜNG TÂN KHÊ, phưòng Tân Khê; địa phương")
    'ĐẢNG UỶ PHƯỜNG TÂN KHÊ, phường Tân Khê; địa phương'
    >>> ocr_litter("| STT | Nội dung |\\n- Thu ngân sách\\n...")
    '| STT | Nội dung |\\n- Thu ngân sách\\n...'
    >>> t = "a- Thu ngân sách tháng 6 tối thiểu 7 tỷ đồng, bảo đảm 6 tháng đạt 50% dự toán năm. → Phòng Kinh tế\\nb- Kiểm tra 100% tàu cá."
    >>> ocr_litter(t) == t  # (a lettered point after a line closed by its lead body, hand ZC)
    True
    """
    # (each pattern tried only where it can match: the line starts that open on a stray mark, the spellings of the
    # ward's word, the line breaks before a small letter; a search of the whole notice for each was 0.5 ms)
    cut: list[str] = []
    last = 0
    for m in at_line_starts(_STRAY_MARK, _STRAY_MARK_AFTER_BREAK, text):
        if "|" not in _line_from(text, m.end()):  # (a table's row keeps its bar)
            cut.append(text[last : m.start()])
            last = m.end()
    if cut:
        text = "".join(cut) + text[last:]
    head = text[:_OCR_HEAD]  # (the unit is read in the header: the word set right there, as cheaply as it can be)
    if any(w in head for w in _OCR_WARD_PAIRS):
        text = _OCR_WARD.sub(_ward_word, head) + text[_OCR_HEAD:]
    return _spaces_at(text, (
        i for i in (m.start() for m in _BREAK_BEFORE_SMALL.finditer(text))
        if i > 0 and text[i - 1] not in _NOT_BROKEN and i - (text.rfind("\n", 0, i) + 1) >= _BROKEN_LINE_MIN))


_MARKDOWN_UNDERLINE = re.compile(r"__([^_\n]+?)[ ]*__")
#: = ``[ \u2000-\u200a]+`` -> " ", without the single spaces that stay as they are
_SPACE_RUN = re.compile(r"[ \u2000-\u200a]{2,}|[\u2000-\u200a]")
#: = `` *\n *`` -> "\n", without the newlines that have no space beside them
_SPACE_AT_NEWLINE = re.compile(r" +\n *|\n +")
_BLANK_LINES = re.compile(r"\n\n\n+")
_WIDE_SPACE = re.compile(r"[\u2000-\u200a]")


def _collapse_spaces(text: str) -> str:
    r"""``_SPACE_RUN.sub(" ", text)``: without a wide space, a run of spaces halved by ``str.replace`` until one is left.

    >>> _collapse_spaces("a     b  c d"), _collapse_spaces("a \u2003 b\u2002c")
    ('a b c d', 'a b c')
    """
    if _WIDE_SPACE.search(text):
        return _SPACE_RUN.sub(" ", text)
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def _trim_lines(text: str) -> str:
    r"""``_SPACE_AT_NEWLINE.sub("\n", text)``: the spaces beside every line break removed, line by line (no regex over every character).

    >>> _trim_lines("  a \n  b\n\n c  ")
    '  a\nb\n\nc  '
    """
    if " \n" not in text and "\n " not in text:
        return text
    lines = text.split("\n")
    last = len(lines) - 1
    return "\n".join(
        line.rstrip(" ") if i == 0 else line.lstrip(" ") if i == last else line.strip(" ") for i, line in enumerate(lines)
    )
