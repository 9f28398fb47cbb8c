"""Stage: metrics — the figures a notice reports, with their unit and total.

Input: the normalised text and its items. Output: :class:`~ingest.models.Metric`
objects: "giải quyết 3.096/3.114 hồ sơ" -> value 3096, total 3114, unit "hồ
sơ"; "53 đảng viên" -> 53 "đảng viên"; "đạt 69,2%" -> 69.2 "%".

Numbers are read in the Vietnamese format: a dot groups thousands
("3.096" = 3096), a comma is the decimal mark ("69,2" = 69.2).

A figure counts only with a unit from :data:`UNITS` (or "%") on the same
line, or, for a ratio "a/b" without unit, after a verb of achievement
("giải quyết 12/15"). Units match accent-insensitively, except one-syllable
units, which must carry their accents ("căn" is not "Cần", "ha" not "Hà").
Dates ("03/02/2026", "tháng 02/2026"), ordinal and identifying numbers ("khóa
XVI", "lần thứ 5", "Tổ dân phố số 8", "Đề án 06", "57-NQ/TW") are not figures.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

import regex

from ingest.models import Item, Metric, new_metric
from ingest.normalize import fold, unify_tone_placement
from ingest.prefilter import re_agrees, re_twin
from ingest.vocabulary import item_at

#: Counted nouns and measures, as written (matched accent-insensitively, longest first).
UNITS: tuple[str, ...] = (
    "%", "hồ sơ", "đảng viên", "đảng viên mới", "quần chúng", "đơn", "đơn thư", "vụ", "vụ việc", "đối tượng", "người",
    "lượt", "lượt người", "hộ", "hộ gia đình", "hộ nghèo", "hộ cận nghèo", "hộ kinh doanh", "cơ sở", "doanh nghiệp", "tổ chức",
    "tổ chức đảng", "chi bộ", "đảng bộ", "cấp ủy viên", "đồng chí", "cán bộ", "công chức", "viên chức", "hội viên", "đoàn viên",
    "cuộc", "cuộc kiểm tra", "cuộc giám sát", "buổi", "lớp", "hội nghị", "văn bản", "kế hoạch", "quyết định", "thủ tục",
    "thủ tục hành chính", "TTHC", "giấy chứng nhận", "giấy phép", "trường hợp", "công trình", "dự án", "tàu", "tàu cá",
    "phương tiện", "suất quà", "xuất quà", "suất", "phần quà", "tỷ đồng", "triệu đồng", "nghìn đồng", "ngàn đồng", "đồng",
    "ha", "héc-ta", "m2", "m²", "km", "tấn", "cây", "con", "tổ dân phố", "khu dân cư", "thanh niên", "công dân", "tân binh",
    "học sinh", "giáo viên", "trẻ", "cháu", "bệnh nhân", "người bệnh", "ca", "mô hình", "tin", "bài", "tin bài", "camera",
    "điểm", "cử tri", "ứng cử viên", "đại biểu", "đơn vị", "gia đình", "nhà", "căn", "thẻ", "tài khoản", "ý kiến", "kiến nghị",
    "lao động", "xã", "phường", "thôn", "lần", "ngày", "tháng", "năm", "giờ", "chỉ tiêu", "nhiệm vụ",
)

# "đồng" is a currency only when it is not the first half of another word:
#   "3 đồng chí", "đồng bào", "đồng thời", "đồng bộ"
_NOT_CURRENCY = r"(?!\s+(?:chi|bao|thoi|bo|y|hanh|doi|nghiep|ho|tam|loat)(?![\w&]))"

# A Vietnamese number: "3.096", "1.234.567", "69,2", "1.234,5", "53"
#   (a dot followed by exactly three digits groups thousands; a comma is the decimal mark)
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"

# Words before a number that make it a date, an ordinal or an identifier:
#   "tháng 02", "năm 2026", "ngày 15", "số 8", "khóa XVI", "lần thứ 5", "Đề án 06", "đợt 03/02"
_ID_BEFORE = regex.compile(
    r"(?:ngay|thang|nam|so|khoa|quy|thu|lan|dot|ky|de an|chi dao|nghi quyet|chi thi|nghi dinh|thong tu|quyet dinh"
    r"|to dan pho|tdp|khu|doi|dieu|khoan|muc|phu luc|gio|luc|phong|tuyen|quoc lo|tinh lo|duong|so nha|can cu|phien|lo|nhom|xxx)"
    r"\s*[:.]?\s*$"
)
_VERB_BEFORE = regex.compile(r"(?:giai quyet|dat|hoan thanh|tiep nhan|xu ly|thuc hien|co|tra|ket nap|thu)\s*(?:duoc\s*)?$")

#: the two patterns above compiled by ``re`` (:func:`ingest.prefilter.re_twin`), for a text :func:`ingest.prefilter.re_agrees` accepts
_BEFORE_RE = (re_twin(_ID_BEFORE.pattern), re_twin(_VERB_BEFORE.pattern))


@functools.cache
def _pattern() -> regex.Pattern[str]:
    units = sorted({fold(u) for u in UNITS}, key=len, reverse=True)
    unit_alt = "|".join(
        re.escape(u).replace(r"\ ", " ").replace(" ", r"\s+") + (_NOT_CURRENCY if u.endswith("dong") else "")
        for u in units
        if u != "%"
    )
    # "3.096/3.114 hồ sơ", "53 đảng viên", "69,2%", "12/15"
    return regex.compile(
        r"(?<![\w.,/\-])(?P<value>" + NUMBER + r")"
        r"(?:\s*/\s*(?P<total>" + NUMBER + r"))?"
        r"(?![\d/]|[.,]\d|-\w)"
        r"(?:(?P<pct>[ ]*%)|[ ]+(?P<unit>" + unit_alt + r")(?![\w&]))?"
    )


@functools.cache
def _units() -> dict[str, str]:
    """Folded unit -> the unit as written in :data:`UNITS`."""
    return {fold(u): u for u in UNITS}


def _exact(word: str) -> str:
    return unify_tone_placement(unicodedata.normalize("NFC", word)).lower()


@functools.cache
def _exact_unit(unit: str) -> str:
    """:func:`_exact` of a unit of :data:`UNITS` (the vocabulary's, made once)."""
    return _exact(unit)


#: a run of spaces in a unit as written ("hồ  sơ"), and a number with thousands points ("3.096", "1.234,5")
_SPACE_RUN = re.compile(r"\s+")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")


def parse_number(text: str) -> float:
    """A number in the Vietnamese format.

    >>> parse_number("3.096"), parse_number("69,2"), parse_number("1.234,5"), parse_number("05")
    (3096.0, 69.2, 1234.5, 5.0)
    """
    t = text.strip()
    if _THOUSANDS.fullmatch(t):
        t = t.replace(".", "")
    return float(t.replace(",", "."))


def extract_metrics(text: str, items: Sequence[Item]) -> list[Metric]:
    """Every figure with a unit (or a ratio after a verb), attached to its item.

    >>> [(m.text, m.value, m.total, m.unit) for m in extract_metrics("đã giải quyết 3.096/3.114 hồ sơ; đạt 69,2%", [])]
    [('3.096/3.114 hồ sơ', 3096.0, 3114.0, 'hồ sơ'), ('69,2%', 69.2, None, '%')]
    >>> extract_metrics("ngày 15/03/2026, tháng 02/2026, khóa XVI, Tổ dân phố số 8, Đề án 06/CP", [])
    []
    """
    folded = fold(text)
    units = _units()
    out: list[Metric] = []
    # the look-backs searched by re (a third of the cost: ≈ 60 a notice) where the text agrees; the scan itself
    # stays with regex, which is the faster of the two over a whole notice
    id_before, verb_before = _BEFORE_RE if re_agrees(folded) else (_ID_BEFORE, _VERB_BEFORE)
    for m in _pattern().finditer(folded):
        before = folded[max(0, m.start() - 20) : m.start()]
        if id_before.search(before):
            continue
        unit = None
        if m.group("pct"):
            unit = "%"
        elif m.group("unit"):
            unit = units.get(_SPACE_RUN.sub(" ", m.group("unit")))
            written = text[m.start("unit") : m.end("unit")]
            if unit and " " not in unit and unit.isalpha() and _exact(written) != _exact_unit(unit):
                # one syllable must match with its accents: "Cần" is not "căn", "Hà" not "ha", "Đồng" not "đồng"
                unit = None
        if unit is None:
            if not (m.group("total") and verb_before.search(before)):
                continue
        value = parse_number(m.group("value"))
        total = parse_number(m.group("total")) if m.group("total") else None
        if total is not None and total < value:
            continue  # "15/6" day/month, not a share
        end = m.end()
        held = item_at(items, m.start())
        out.append(new_metric(text[m.start() : end], m.start(), end, value, unit, total, held.id if held else None))
    return out
