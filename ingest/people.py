"""Stage: people — the signer of a notice and the officials its text names.

Input: the normalised text and its :class:`~ingest.models.Header`. Output:
:class:`~ingest.models.PersonMention` objects (span = the person's name).

* The signer: ``header.signer`` when the header stage found it, else the
  signature block read here (:func:`find_signer`): an authority line ("T/M BAN
  THƯỜNG VỤ", "KT. BỘ TRƯỞNG"), a title line ("BÍ THƯ"), a name line.
* Officials: a personal name (a Vietnamese surname and one to three more
  capitalised words) right after a title ("Phó Thủ tướng Chính phủ Lê Thành
  Long", "Tổng Bí thư Tô Lâm", "đồng chí Nguyễn Văn A").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import regex

from ingest.models import Header, Item, PersonMention, Signer
from ingest.normalize import fold
from ingest.prefilter import has_wide_word, pair_automaton, pair_hits, share_scan
from ingest.vocabulary import item_at

# Common Vietnamese surnames (folded). A name must start with one of them, so
# that "Hồ Chí Minh" in "tư tưởng Hồ Chí Minh" needs a title to count at all.
SURNAMES = frozenset(
    s
    for s in (
        "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Tô Đinh Lương Trịnh Mai Cao Tạ "
        "Đào Hà Lâm Chu Thái Vương Phùng Quách Kiều Triệu Đoàn Lưu Châu Tăng Văn Hứa Khúc Lục Mạc Nghiêm Ông Tôn "
        "Trương Lại Thân Tống Từ Âu Diệp Giang Kim La Lạc Mã Nông Quan Thạch Tiêu Vi Viên Ninh Đàm Đồng Doãn Khổng Bế "
        "Cù Cấn Kha Lã Lò Hầu Trịnh Ứng Yên"
    ).split()
)

#: Titles that introduce an official, longest first when matched.
TITLES = (
    "Tổng Bí thư", "Chủ tịch nước", "Phó Chủ tịch nước", "Chủ tịch Quốc hội", "Phó Chủ tịch Quốc hội",
    "Thủ tướng Chính phủ", "Thủ tướng", "Phó Thủ tướng Chính phủ", "Phó Thủ tướng", "Thường trực Ban Bí thư",
    "Ủy viên Bộ Chính trị", "Bộ trưởng", "Thứ trưởng", "Bí thư", "Phó Bí thư", "Chủ tịch", "Phó Chủ tịch",
    "Giám đốc", "Phó Giám đốc", "Trưởng ban", "Phó Trưởng ban", "Chánh Văn phòng", "Phó Chánh Văn phòng",
    "Chủ nhiệm", "Phó Chủ nhiệm", "Trưởng Công an", "Chỉ huy trưởng", "Trưởng phòng", "Phó Trưởng phòng",
    "đồng chí", "ông", "bà",
)

# Casing of titles read from an all-caps signature block ("CHÁNH VĂN PHÒNG")
_TITLE_CASE = {fold(t): t for t in TITLES if t[0].isupper()}

# The authority line of a signature block:
#   "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN", "KT. BỘ TRƯỞNG", "T/L BAN THƯỜNG VỤ", "TUQ. CHỦ TỊCH"
_AUTHORITY = re.compile(r"^\s*(T/M|TM\.|TM(?=\s)|T/L|TL\.|TL(?=\s)|KT\.|KT(?=\s)|K/T|Q\.|TUQ\.|TUQ(?=\s))\s*(.+?)\s*$")
_AUTH_NORMAL = {"T/M": "T/M", "TM": "T/M", "TM.": "T/M", "T/L": "T/L", "TL": "T/L", "TL.": "T/L", "KT": "KT.", "KT.": "KT.",
                "K/T": "KT.", "Q.": "Q.", "TUQ": "TUQ.", "TUQ.": "TUQ."}

# A personal name on its own line: 2-5 capitalised words, no digits ("Nguyễn Trường Thắng")
_NAME_LINE = re.compile(r"^\s*([^\W\d_][\w]*(?:[ ][^\W\d_][\w]*){1,4})\s*$")


def _is_name(words: Sequence[str]) -> bool:
    return (
        2 <= len(words) <= 5
        and all(w[0].isupper() and not w.isupper() for w in words if len(w) > 1)
        and words[0] in SURNAMES
    )


def _title_case(s: str) -> str:
    key = fold(s).strip()
    if key in _TITLE_CASE:
        return _TITLE_CASE[key]
    return s[:1].upper() + s[1:].lower() if s.isupper() else s


def find_signer(text: str) -> Signer | None:
    """The signer from the signature block near the end of the text.

    >>> s = find_signer("... Lưu VPĐU.\\n\\nT/M BAN THƯỜNG VỤ\\nBÍ THƯ\\n\\nNguyễn Trường Thắng")
    >>> (s.name, s.title, s.authority)
    ('Nguyễn Trường Thắng', 'Bí thư', 'T/M')
    """
    tail_start = max(0, len(text) - 2500)
    lines = []
    pos = tail_start
    for line in text[tail_start:].split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    # the last name line, and the capitalised lines above it
    for i in range(len(lines) - 1, -1, -1):
        ls, line = lines[i]
        m = _NAME_LINE.match(line)
        if not m or not _is_name(m.group(1).split()):
            continue
        above = [(p, ln.strip()) for p, ln in lines[max(0, i - 6) : i] if ln.strip()]
        caps: list[str] = []
        for _p, ln in reversed(above):
            if ln.isupper() or _AUTHORITY.match(ln):
                caps.insert(0, ln)
            else:
                break
        if not caps:
            continue
        authority = None
        title_lines: list[str] = []
        last_auth = None
        for ln in caps:
            a = _AUTHORITY.match(ln)
            if a:
                authority = _AUTH_NORMAL.get(a.group(1), a.group(1))
                last_auth = a
                title_lines = []  # what follows the authority line is the title
            else:
                title_lines.append(ln)
        if not title_lines and last_auth and authority in ("KT.", "Q.", "TUQ."):
            # "KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG" (two lines joined): the signer is the deputy
            head = last_auth.group(2)
            k = fold(head).find("pho ")
            title_lines = [head[k:] if k > 0 else head]
        title = _title_case(" ".join(title_lines)) if title_lines else None
        start = ls + m.start(1)
        return Signer(m.group(1), title, authority, start, start + len(m.group(1)))
    return None


@functools.cache
def _official_re() -> regex.Pattern[str]:
    titles = sorted({fold(t) for t in TITLES}, key=len, reverse=True)
    # "Phó Thủ tướng Chính phủ| Lê Thành Long", "đồng chí| Nguyễn Văn A"
    return regex.compile(r"(?<!\w)(?P<title>" + "|".join(re.escape(t) for t in titles) + r")[ ]+(?=\S)")


_WORD = re.compile(r"[^\W\d_][\w]*")


@share_scan  # (one scan of a notice for the bodies, themes and people: ingest.prefilter)
@functools.cache
def _title_scanner() -> object:
    """Where a title can start (:func:`ingest.prefilter.pair_automaton`): its first word, and its second
    ("pho chu", "bi thu"), or the word alone for a title of one word ("ong", "ba")."""
    words: dict[str, list[str] | None] = {}
    for t in TITLES:
        first, *rest = fold(t).split()
        if not rest or words.get(first, []) is None:
            words[first] = None
        else:
            words.setdefault(first, []).append(rest[0])  # type: ignore[union-attr]
    return pair_automaton(words)


#: where the prefilter's words (runs of ``[\w&]``, stdlib ``re``) and the title pattern's
#: ``(?<!\w)`` (``regex``) disagree: "&", "²", "³", "¹", "¼", "½", "¾" in Latin-1, and a
#: word character above it (:func:`ingest.prefilter.has_wide_word`); a text holding one is scanned whole
_OTHER_WORDS = "&\xb2\xb3\xb9\xbc\xbd\xbe"


def _officials(folded: str) -> list[regex.Match[str]]:
    """The matches of :func:`_official_re` in ``folded``, as ``finditer`` gives them.

    The pattern runs only at the words a title starts with (one Aho–Corasick scan), not at every character.
    """
    pattern = _official_re()
    if any(c in folded for c in _OTHER_WORDS) or has_wide_word(folded):
        return list(pattern.finditer(folded))
    out = []
    pos = 0
    for start, _w in pair_hits(folded, _title_scanner()):  # type: ignore[arg-type]
        if start < pos:
            continue  # inside the previous match (finditer does not overlap them)
        m = pattern.match(folded, start)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def extract_people(text: str, header: Header, items: Sequence[Item] = ()) -> list[PersonMention]:
    """The signer and the officials named in the text.

    >>> t = "Phó Thủ tướng Chính phủ Lê Thành Long đã dự; phát biểu của đồng chí Bí thư Tỉnh ủy."
    >>> [(p.name, p.title) for p in extract_people(t, Header())]
    [('Lê Thành Long', 'Phó Thủ tướng Chính phủ')]
    """
    folded = fold(text)
    out: list[PersonMention] = []
    signer = header.signer if header.signer and header.signer.name else find_signer(text)
    if signer and signer.name:
        s, e = signer.start, signer.end
        if s is None or e is None or text[s:e] != signer.name:
            k = text.rfind(signer.name)
            s, e = (k, k + len(signer.name)) if k >= 0 else (None, None)
        if s is not None and e is not None:
            title = _title_case(signer.title) if signer.title else None  # "BÍ THƯ" -> "Bí thư"
            out.append(PersonMention(signer.name, s, e, signer.name, title))
    for m in _officials(folded):
        pos = m.end()
        words: list[str] = []
        for w in _WORD.finditer(text, pos):
            if w.start() != pos or len(words) == 4:
                break
            words.append(w.group())
            pos = w.end()
            if pos < len(text) and text[pos] == " ":
                pos += 1
            else:
                break
        # the longest prefix that is a name: "Lê Thành Long đã dự" -> "Lê Thành Long"
        while words and not (_is_name(words) and words[-1][0].isupper()):
            words.pop()
        if not words or fold(" ".join(words)) in ("ho chi minh",):
            continue
        name = " ".join(words)
        s = m.end()
        if any(p.start == s for p in out):
            continue
        title = _title_case(text[m.start("title") : m.end("title")])
        held = item_at(items, s)
        out.append(PersonMention(name, s, s + len(name), name, title, held.id if held else None))
    out.sort(key=lambda p: p.start)
    return out
