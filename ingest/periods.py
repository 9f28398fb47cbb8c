"""Periods: which months a document reports on, which it plans, and an item's own month.

A monthly notice usually reviews one month and plans the next ("kết quả tháng
10, nhiệm vụ trọng tâm tháng 11"). Real series are less regular: a skipped
meeting makes the next notice review two months ("kết quả tháng 11 và tháng
12"), a quarterly report reviews three ("quý IV"), a half-year or year report
six or twelve ("6 tháng đầu năm", "năm 2026"); a December notice may plan
nothing but "tháng 01/2027". This module reads those expressions into sets of
``YYYY-MM`` months.

* :func:`months_in` — every period expression in a phrase, as month lists
  (years filled in later).
* :func:`document_periods` — the months a document reports and plans, from its
  title, then its headings, then the body's own lead phrases ("Trong tháng
  9/2025, tập trung ...").
* :func:`item_months` — the months an item's own words give ("Trong tháng 11",
  "quý IV"), resolved against the document's periods.

All matching runs on folded text (:func:`ingest.normalize.fold`: no accents,
lower case), so "Tháng Mười Một" and "thang muoi mot" read alike.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.normalize import fold
from ingest.prefilter import matches_from_starts
from ingest.vocabulary import split_sentences

#: Roman figures as clerks write quarters ("quý IV") and months ("tháng XII")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12}
# "tháng Giêng", "tháng Năm", "tháng Mười Hai": months written in words (longest first)
_MONTH_WORDS = {
    "muoi hai": 12, "muoi mot": 11, "gieng": 1, "chap": 12, "muoi": 10, "mot": 1, "hai": 2, "ba": 3, "tu": 4,
    "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
}


def _words_re(words: list[str]) -> str:
    """An alternation of ``words``, longest first, its spaces written ``[ ]`` (they hold under ``re.X`` too)."""
    return "|".join(w.replace(" ", "[ ]") for w in sorted(words, key=len, reverse=True))


#: a month after "tháng" (folded) that no other word after "tháng" can be: its figure, its Roman figure ("tháng XII"),
#: or its name but "Năm" and "Sáu" ("tháng năm 2026" of a date, "tháng sau": next month); :func:`month_number` reads it
MONTH_TOKEN = "(?:\\d{1,2}|" + _words_re([*(w for w in _MONTH_WORDS if w not in ("nam", "sau")), *_ROMAN]) + ")(?!\\w)"


def month_number(token: str) -> int | None:
    """The month a :data:`MONTH_TOKEN` names (folded), None outside 1–12.

    >>> [month_number(t) for t in ("09", "xii", "muoi mot", "13")]
    [9, 12, 11, None]
    """
    t = " ".join(token.split())
    n = int(t) if t.isdigit() else _ROMAN.get(t) or _MONTH_WORDS.get(t)
    return n if n is not None and 1 <= n <= 12 else None


@dataclass(frozen=True)
class Span:
    """One period expression: its months (``(year or None, month)``) and where it stands in the phrase."""

    start: int
    end: int
    months: tuple[tuple[int | None, int], ...]


#: what a quarter starts with (:func:`_period_re`'s ``quarter``): the literal check before the pattern
_QUARTER_HINT = re.compile(r"quy[ ]+[iv1-4]")


@functools.cache
def _period_re() -> re.Pattern[str]:
    month_word = _words_re([*_MONTH_WORDS, *_ROMAN])
    year = r"(?:[ ]*/[ ]*|[ ]+nam[ ]+|[ ]*-[ ]*)(?P<{name}>(?:19|20)\d\d)"
    return re.compile(
        r"""
        # "6 tháng đầu năm 2026", "sáu tháng cuối năm": a half year (before the plain month)
        (?P<half>(?:6|sau)[ ]+thang[ ]+(?P<hdir>dau|cuoi)[ ]+nam(?:[ ]+(?P<hy>(?:19|20)\d\d))?)
        # "9 tháng đầu năm": the first nine months
        | (?P<nine>(?P<nn>9|chin)[ ]+thang(?:[ ]+dau[ ]+nam)?(?:[ ]+(?:nam[ ]+)?(?P<ny>(?:19|20)\d\d))?)
        # "quý IV năm 2026", "quý 4/2026", "quý I và quý II"
        | (?P<quarter>quy[ ]+(?P<q>iv|iii|ii|i|[1-4])\b(?:""" + year.format(name="qy") + r""")?)
        # "tháng 11 và tháng 12/2026", "tháng 10, 11 và 12 năm 2026", "tháng 11-12/2026", "tháng 9/2025"
        # ("tháng 7 và 6 tháng cuối năm": "6 tháng" is a count of months, not June)
        | (?P<month>thang[ ]*(?P<ms>\d{1,2}(?:[ ]*(?:,|va|-|–)[ ]*(?:thang[ ]*)?\d{1,2}(?!\d)(?![ ]+thang\b))*)(?:""" + year.format(name="my")
        + r""")?)
        # "tháng Mười Một", "tháng Giêng năm 2027", "tháng XII/2026"
        | (?P<mword>thang[ ]+(?P<mw>""" + month_word + r""")\b(?:""" + year.format(name="mwy") + r""")?)
        # "năm 2026" alone: a whole year ("kết quả thực hiện nhiệm vụ năm 2026")
        | (?P<year>\bnam[ ]+(?P<yy>(?:19|20)\d\d))
        # "KQ T1/2026", "NV trọng tâm T2:" (a clerk's abbreviation of "tháng": with its year, or closing the phrase)
        # ("KQ T3 + T4/2026": two months)
        | (?P<tabbr>(?<![\w/.])t(?P<tm>\d{1,2}(?:[ ]*(?:\+|,|va|-)[ ]*t\d{1,2})*)(?:[ ]*/[ ]*(?P<ty>(?:19|20)\d\d)(?![\d/])|(?=[ ]*(?:[:,;)]|$))))
        """,
        re.X,
    )


#: where a period can start: the words each option of :func:`_period_re` opens with ("6 ", "sáu ", "9 ", "chín ", "quý ",
#: "tháng", "năm 20.."). A search for them skips to their first letters, where one for the pattern tries its six options
#: at every place of the phrase (a task's, a heading's: 14 µs for one of 300 characters)
#: a clerk's "T1/2026", "T2:" for a month: where :func:`_period_re`'s ``tabbr`` starts
_T_MONTH = r"(?<![\w/.])t\d"
_PERIOD_START = re.compile(r"6[ ]|sau[ ]|9[ ]|chin[ ]|quy[ ]|thang|nam[ ]+(?:19|20)|" + _T_MONTH)
_T_MONTH_HINT = re.compile(_T_MONTH)


def _periods_in(f: str) -> Iterator[re.Match[str]]:
    """``_period_re().finditer(f)``, the pattern tried only where :data:`_PERIOD_START` finds an opening (every match
    of it starts at one: :func:`ingest.prefilter.matches_from_starts`)."""
    return matches_from_starts(_period_re(), _PERIOD_START, f)


#: a period between two days, as a report issued mid-month names it ("từ ngày 16/02/2026 đến ngày 15/4/2026",
#: "từ ngày 16 tháng 4 đến ngày 15 tháng 5 năm 2026", "từ 20 đến 25/3"): the months it touches (:func:`months_in`'s ``ranges``)
_DAY_RANGE = re.compile(
    r"\b(?:ke[ ]+)?tu[ ]+(?:ngay[ ]+)?(?P<d1>[0-3]?\d)(?:(?:[ ]*/[ ]*|[ ]+thang[ ]+)(?P<m1>[01]?\d)"
    r"(?:(?:[ ]*/[ ]*|[ ]+nam[ ]+)(?P<y1>(?:19|20)\d\d))?)?"
    r"[ ]*(?:den|[-–])[ ]*(?:het[ ]+)?(?:ngay[ ]+)?(?P<d2>[0-3]?\d)(?:[ ]*/[ ]*|[ ]+thang[ ]+)(?P<m2>[01]?\d)"
    r"(?:(?:[ ]*/[ ]*|[ ]+nam[ ]+)(?P<y2>(?:19|20)\d\d))?(?![\d/])"
)


def _day_ranges(f: str) -> list[Span]:
    """The periods between two days in folded ``f`` (:data:`_DAY_RANGE`), each as the months it stands for, by the
    reporting period of Nghị định 09/2019/NĐ-CP (the 15th of the month before to the 14th of the month): a ward reporting
    "from the 15th to the 14th" or "from the 16th to the 15th" names each period by the month it ends in (15/6 to 14/7
    is July's, 16/3 to 15/4 April's), as the calendar month's report would.

    >>> [s.months for s in _day_ranges("ket qua tu ngay 16/02/2026 den ngay 15/4/2026")]
    [((2026, 3), (2026, 4))]
    >>> [s.months for s in _day_ranges("tu ngay 15/6 den ngay 14/7/2026 va nhiem vu tu ngay 15/7 den ngay 15/8/2026")]
    [((2026, 7),), ((2026, 8),)]
    >>> [s.months for s in _day_ranges("tu ngay 16/12/2025 den ngay 15/01/2026")], [s.months for s in _day_ranges("tu 01/01 den 31/3/2026")]
    ([((2026, 1),)], [((2026, 1), (2026, 2), (2026, 3))])
    >>> [s.months for s in _day_ranges("tu 20 den 25/3")], _day_ranges("tu ngay 16/4 den ngay 15/14")
    ([((None, 3),)], [])
    """
    out = []
    for m in _DAY_RANGE.finditer(f):
        d1, d2 = int(m.group("d1")), int(m.group("d2"))
        m2, y2 = int(m.group("m2")), int(m.group("y2")) if m.group("y2") else None
        m1 = int(m.group("m1")) if m.group("m1") else m2
        if not (1 <= m1 <= 12 and 1 <= m2 <= 12 and 1 <= d1 <= 31 and 1 <= d2 <= 31):
            continue
        # months counted from the range's first: k = 0 is (y1, m1)
        span = (m2 - m1) % 12 if m.group("y1") is None or y2 is None else (y2 - int(m.group("y1"))) * 12 + m2 - m1
        if not 0 <= span < 12:
            continue
        # the monthly reporting period of Nghị định 09/2019/NĐ-CP runs from the 15th of the month before to the 14th: a
        # range that starts after the 13th belongs to the months after its first, one that ends after the 13th to its last
        first = 0 if d1 <= 13 else 1
        last = span if d2 >= 14 else span - 1
        if first > last:
            first = last = span
        months: tuple[tuple[int | None, int], ...] = tuple(
            (None if y2 is None else y2 - (span - k + 12 - m2) // 12, (m2 - 1 - (span - k)) % 12 + 1) for k in range(first, last + 1)
        )
        out.append(Span(m.start(), m.end(), months))
    return out


def months_in(phrase: str, *, folded: bool = False, years: bool = True, ranges: bool = False) -> list[Span]:
    """Every period expression in ``phrase``, left to right.

    A day-month date ("ngày 22 tháng 12 năm 2024") is not a period; a bare year
    counts only when ``years`` is true; a period between two days ("từ ngày
    16/3 đến ngày 15/4/2026": March and April) only when ``ranges`` is true (a
    title or a heading names a report's period so; an item's own words name
    days, not its month).

    >>> [s.months for s in months_in("kết quả tháng 11 và tháng 12/2026")]
    [((2026, 11), (2026, 12))]
    >>> [s.months for s in months_in("Báo cáo quý IV năm 2026")]
    [((2026, 10), (2026, 11), (2026, 12))]
    >>> [s.months for s in months_in("6 tháng đầu năm")][0][-1]
    (None, 6)
    >>> [s.months for s in months_in("nhiệm vụ tháng 7 và 6 tháng cuối năm 2026")][0]
    ((None, 7),)
    >>> months_in("ngày 22 tháng 12 năm 2024")
    []
    >>> [s.months for s in months_in("V/v KQ T1/2026 và NV trọng tâm T2/2026")], months_in("T2 có Tết Bính Ngọ")
    ([((2026, 1),), ((2026, 2),)], [])
    >>> [s.months for s in months_in("KQ T3 + T4/2026:")]
    [((2026, 3), (2026, 4))]
    """
    f = phrase if folded else fold(phrase)
    out: list[Span] = _day_ranges(f) if ranges and "den" in f and "tu" in f else []
    if out:
        # the days' months are the range's own, not periods of their own ("... đến ngày 15 tháng 4 năm 2026")
        inside = [(sp.start, sp.end) for sp in out]
        found = [sp for sp in months_in(f, folded=True, years=years) if not any(a <= sp.start < b for a, b in inside)]
        return sorted(out + found, key=lambda sp: sp.start)
    if (
        "thang" not in f
        and ("quy" not in f or _QUARTER_HINT.search(f) is None)
        and (not years or "nam" not in f or ("19" not in f and "20" not in f))
        and not (("/20" in f or "kq" in f or "nv" in f) and _T_MONTH_HINT.search(f))
    ):
        # every alternative of the period pattern holds "thang", "quy" and a quarter's number ("quy" alone is
        # mostly "quy định", "quy chế"), or "nam" and a year, which counts only with ``years``
        return out
    for m in _periods_in(f):
        before = f[max(0, m.start() - 14) : m.start()]
        if re.search(r"ngay[ ]*\d{0,2}[ ]*$", before):
            continue  # "ngày 22 tháng 12": a date
        kind = m.lastgroup
        months: list[tuple[int | None, int]] = []
        if m.group("half"):
            y = int(m.group("hy")) if m.group("hy") else None
            rng = range(1, 7) if m.group("hdir") == "dau" else range(7, 13)
            months = [(y, k) for k in rng]
        elif m.group("nine"):
            y = int(m.group("ny")) if m.group("ny") else None
            months = [(y, k) for k in range(1, 10)]
        elif m.group("quarter"):
            q = m.group("q")
            qn = _ROMAN[q] if q in _ROMAN else int(q)
            y = int(m.group("qy")) if m.group("qy") else None
            months = [(y, 3 * (qn - 1) + k) for k in (1, 2, 3)]
        elif m.group("month"):
            y = int(m.group("my")) if m.group("my") else None
            nums = [int(x) for x in re.findall(r"\d{1,2}", m.group("ms"))]
            if "-" in m.group("ms") or "–" in m.group("ms"):
                if len(nums) == 2 and nums[0] < nums[1]:
                    nums = list(range(nums[0], nums[1] + 1))
            months = [(y, k) for k in nums if 1 <= k <= 12]
        elif m.group("mword"):
            y = int(m.group("mwy")) if m.group("mwy") else None
            months = [(y, n) for n in (month_number(m.group("mw")),) if n is not None]
        elif m.group("tabbr"):
            y = int(m.group("ty")) if m.group("ty") else None
            months = [(y, n) for n in map(int, re.findall(r"\d{1,2}", m.group("tm"))) if 1 <= n <= 12]
        elif m.group("year") and years:
            after = f[m.end() : m.end() + 3]
            if re.match(r"[ ]*[-–]", after):
                continue  # "nhiệm kỳ 2026 - 2031"
            y = int(m.group("yy"))
            months = [(y, k) for k in range(1, 13)]
        if months:
            out.append(Span(m.start(), m.end(), tuple(months)))
        del kind
    return out


def _iso(y: int, m: int) -> str:
    return f"{y}-{m:02d}"


def fill_years(months: tuple[tuple[int | None, int], ...], ref: tuple[int, int] | None, *, after: bool) -> list[str]:
    """Months with their years: written ones kept, others the nearest to ``ref`` (year, month).

    ``after``: a planned month lies on or after ``ref``; a reported one on or before it.

    >>> fill_years(((None, 1),), (2026, 12), after=True)
    ['2027-01']
    >>> fill_years(((None, 11), (None, 12)), (2027, 1), after=False)
    ['2026-11', '2026-12']
    """
    out = []
    for y, m in months:
        if y is None:
            if ref is None:
                continue
            ry, rm = ref
            y = ry
            if after and m < rm - 5:
                y = ry + 1
            elif not after and m > rm + 5:
                y = ry - 1
        out.append(_iso(y, m))
    return sorted(set(out))


# "tại cuộc họp giao ban tháng 5", "Hội nghị thường kỳ tháng 8": a monthly meeting reviews its month
# ("báo cáo nhanh KQ tháng 6 - dự kiến CV tháng 7": a clerk's e-mail, hand PC; "điểm lại công việc tháng 02 và giao việc
# tháng 3": a briefing's notice, hand ND)
_RESULT_KEYS = ("ket qua", "kq ", "danh gia", "tinh hinh", "bao cao", "so ket", "tong ket", "kiem diem", "giao ban", "thuong ky",
                "diem lai", "viec da lam", "nhin lai")
# "về lãnh đạo thực hiện nhiệm vụ tháng 7 và nhiệm vụ trọng tâm tháng 8" reviews July; "về lãnh đạo thực hiện nhiệm vụ
# tháng 9", dated in August, plans September: which one, the rest of the title or the date says (document_periods)
_EITHER_KEYS = ("thuc hien nhiem vu", "lanh dao thuc hien")
# ("lịch công tác tháng 6": a calendar of the month's work, hand NC)
_TASK_KEYS = ("nhiem vu", "phuong huong", "ke hoach", "chuong trinh cong tac", "lich cong tac", "trong tam", "viec can lam", "can tap trung",
              "chuong trinh hanh dong", "du kien", "giao viec")
# a heading or a title line, where a period says what a whole section is about
_HEADING = re.compile(r"^\s*(?:(?:[IVX]+|\d+|[A-Z]|Phần thứ [^\s.:]+)[.:)-]|PHẦN\b)")
_UPPER = re.compile(r"^[^a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]+$")
# "Trong tháng 9/2025, tập trung thực hiện ...", "Tháng 12 tới, tiếp tục ..." (a plan's lead phrase)
_PLAN_LEAD = re.compile(
    r"^(?:[-+•]\s*)?(?:trong|thoi gian toi|den het)?\s*(thang[^.\n]{1,60}?)"
    r"(?:tap trung|tiep tuc|trien khai|thuc hien|uu tien|chu dong|phan dau|can\b)"
)


def _keyword_hits(segment: str) -> list[tuple[int, str]]:
    """``(where, "result" | "task" | "either")`` of each keyword in a folded segment, at its first place."""
    hits = [(segment.find(k), "result") for k in _RESULT_KEYS if k in segment]
    hits += [(segment.find(k), "task") for k in _TASK_KEYS if k in segment]
    hits += [(segment.find(k), "either") for k in _EITHER_KEYS if k in segment]
    return hits


def _classify(phrase: str) -> list[tuple[str, Span]]:
    """(``result`` | ``task``, period) for each period in a title or heading, by the keyword before it."""
    f = fold(phrase)
    out: list[tuple[str, Span]] = []
    prev = 0
    kind: str | None = None
    for sp in months_in(f, folded=True, ranges=True):
        segment = f[prev : sp.start]
        prev = sp.end
        hits = _keyword_hits(segment)
        if hits:
            # the first keyword since the last period speaks for it: "kết quả thực hiện nhiệm vụ tháng 11"; after a "và", the
            # first keyword of what follows it: "đánh giá kết quả công tác trong tháng và thống nhất các nhiệm vụ trọng tâm
            # tháng 3/2026" (hand PA)
            kind = min(hits)[1]
            joined = segment.rfind(" va ")
            tail_hits = _keyword_hits(segment[joined:]) if joined > 0 else []
            if tail_hits:
                kind = min(tail_hits)[1]
        elif out and _JOINED.fullmatch(segment):
            # "quý III và tháng 10": one period of two parts
            k, last = out[-1]
            months = tuple(dict.fromkeys(last.months + sp.months))
            if k == "task":
                # "nhiệm vụ trọng tâm tháng 7 và 6 tháng cuối năm", "tháng 4 và quý II": the month in focus is planned
                single = [p.months for p in (last, sp) if len(p.months) == 1]
                wide = [p.months for p in (last, sp) if len(p.months) > 1]
                if len(single) == 1 and len(wide) == 1 and single[0][0][1] in {m for _, m in wide[0]}:
                    months = single[0]
            out[-1] = (k, Span(last.start, sp.end, months))
            continue
        if kind:
            out.append((kind, sp))
    return out


_JOINED = re.compile(r"[ ]*(?:,|va|-)[ ]*")
#: a title of a monthly meeting's notice (folded): "phiên giao ban", "họp thường kỳ", "hằng tháng", "định kỳ"
_MONTHLY_MEETING = re.compile(r"\b(?:giao ban|thuong ky|hang thang|dinh ky)\b")
#: a point of work to do, by its first word (folded): "Tổ chức hội nghị sơ kết quý II." is no heading of a quarter's results
_PLAN_POINT = re.compile(r"[ ]*(?:to chuc|trien khai|thuc hien|hoan thanh|chuan bi|tap trung|tiep tuc|phan dau|day manh|xay dung"
                         r"|ra soat|kiem tra|van dong|duy tri|tang cuong)\b")
#: the first words of an unnumbered line that leads a part of results or of tasks (:func:`document_periods`)
_LEAD_KEYS = ("ket qua", "nhiem vu", "phuong huong", "ke hoach", "tinh hinh", "danh gia", "kq ", "nv ")
#: the symbols a clerk sets before a part's lead line ("✅ KQ đạt được T5:", "➡️ NV trọng tâm T6/2026:", hand RA)
LEADING_SYMBOLS = re.compile(r"^[^\w(\[\-–+•*]+(?=\w)")


@dataclass(frozen=True)
class Periods:
    """What a document reports on and plans, as sorted ``YYYY-MM`` tuples."""

    reported: tuple[str, ...] = ()
    planned: tuple[str, ...] = ()

    @property
    def reported_period(self) -> str | None:
        """The latest month reported on (``vanban.parse/1``'s ``reported_period``)."""
        return self.reported[-1] if self.reported else None

    @property
    def planned_period(self) -> str | None:
        """The first month planned (``vanban.parse/1``'s ``planned_period``)."""
        return self.planned[0] if self.planned else None


def _either(sp: Span, found: list[tuple[str, Span]], date: str | None) -> str:
    """A title's "lãnh đạo thực hiện nhiệm vụ tháng N": the months it reviews when a plan follows it in the title
    or when the document is dated after month N; else the month it plans (a resolution alone in its title,
    dated before or in the month it names).

    >>> _either(months_in("về lãnh đạo thực hiện nhiệm vụ tháng 9 năm 2026")[0], [], "2026-08-27")
    'task'
    >>> _either(months_in("về lãnh đạo thực hiện nhiệm vụ tháng 01")[0], [], "2026-12-28")
    'task'
    >>> _either(months_in("về lãnh đạo thực hiện nhiệm vụ tháng 8")[0], [], "2026-09-02")
    'result'
    """
    if any(k == "task" and other.start > sp.start for k, other in found):
        return "result"
    if date and len(date) >= 7:
        y, m = int(date[:4]), int(date[5:7])
        year, month = sp.months[0]
        if year is None:
            year = y + 1 if m - month > 6 else y  # "tháng 01" in a December notice: next year
        if (year, month) >= (y, m):
            return "task"  # a resolution dated in the month it names, late, plans it
    return "result"


#: an aside in brackets: why a sentence says what it says, not what it announces (a title's, an opening's, a lead-in's)
ASIDE = re.compile(r"\([^()]{0,300}\)")
_NO_MEETING = re.compile(r"\bkhong (?:to chuc|hop)\b")
#: a month named by where it stands ("tháng qua", "tháng tới", folded); "so với tháng trước" is a comparison, not a period
_RELATIVE = re.compile(r"(?<!voi )\bthang (vua qua|qua|truoc|toi|sau|ke tiep|den|nay)\b(?![ ]*(?:/|\d))")


def absolute_months(phrase: str, date: str | None) -> str:
    """``phrase`` with "tháng qua" / "tháng tới" / "tháng này" written as the months they are, from the document's date
    (folded when it changes): a notice dated in the first half of month M reviews M-1 and plans M ("giao ban ngày 3/10:
    kết quả tháng 9, nhiệm vụ tháng 10"), one dated later reviews M and plans M+1.

    >>> absolute_months("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG QUA", "2025-11-05")
    'i. ket qua thuc hien nhiem vu thang 10/2025'
    >>> absolute_months("III. NHIỆM VỤ TRỌNG TÂM THÁNG TỚI", "2025-12-29")
    'iii. nhiem vu trong tam thang 1/2026'
    >>> absolute_months("tăng 3,1% so với tháng trước", "2025-11-05")
    'tăng 3,1% so với tháng trước'
    """
    if not date or len(date) < 10 or not date[8:10].isdigit():
        return phrase
    f = fold(phrase)
    if "thang " not in f or not _RELATIVE.search(f):
        return phrase
    y, m, d = int(date[:4]), int(date[5:7]), int(date[8:10])
    worked = m if d > 15 else m - 1  # the month just worked

    def absolute(mt: re.Match[str]) -> str:
        w = mt.group(1)
        k = m if w == "nay" else worked if w in ("vua qua", "qua", "truoc") else worked + 1
        return f"thang {(k - 1) % 12 + 1}/{y + (k - 1) // 12}"

    return _RELATIVE.sub(absolute, f)


def _opening_periods(lines: list[str], date: str | None = None) -> tuple[tuple[tuple[int | None, int], ...], tuple[tuple[int | None, int], ...]]:
    """The months reviewed and planned that one sentence of a body's opening names together ("... họp đánh giá
    kết quả tháng 9 và triển khai nhiệm vụ tháng 10"; "Nay Ban Chấp hành đánh giá kết quả tháng 10 và tháng 11, đề ra
    nhiệm vụ tháng 12 như sau:"): the first sentence of the first two prose lines that names both.

    >>> _opening_periods(["Ngày 01/10/2026, Thường trực Đảng ủy họp giao ban đánh giá kết quả tháng 9 và triển khai nhiệm vụ tháng 10."])
    (((None, 9),), ((None, 10),))
    >>> _opening_periods(["Ngày 27/3/2026, Ban Thường vụ họp đánh giá kết quả thực hiện nhiệm vụ tháng 02 và tháng 3, thống nhất nhiệm vụ "
    ...                   "trọng tâm tháng 4 năm 2026 (tháng 02 trùng dịp Tết nên Ban Thường vụ không tổ chức phiên họp thường kỳ)."])
    (((None, 2), (None, 3)), ((2026, 4),))
    >>> _opening_periods(["Do mưa bão, Ban Chấp hành không tổ chức hội nghị tháng 10; nhiệm vụ tháng 11 tiếp tục thực hiện. Nay "
    ...                   "đánh giá kết quả tháng 10 và tháng 11, đề ra nhiệm vụ tháng 12 năm 2026 như sau:"])
    (((None, 10), (None, 11)), ((2026, 12),))
    """
    for sentence in _opening_sentences(lines):
        # an aside in brackets says why, not what: "... tháng 02 và tháng 3, thống nhất nhiệm vụ tháng 4 (tháng 02 trùng
        # dịp Tết nên Ban Thường vụ không tổ chức phiên họp thường kỳ)"
        sentence = ASIDE.sub(" ", sentence)
        if _NO_MEETING.search(fold(sentence)):
            continue  # "không tổ chức hội nghị tháng 10": a meeting that was not held
        found = _classify(absolute_months(sentence, date))
        rep = next((sp.months for kind, sp in found if kind == "result"), ())
        pla = next((sp.months for kind, sp in found if kind == "task"), ())
        if rep and pla and 1 <= (pla[0][1] - rep[-1][1]) % 12 <= 3:
            return rep, pla  # what was reviewed comes before what is planned ("kết quả ... trong tháng và ... tháng 6": not read)
    return (), ()


def _opening_sentences(lines: list[str]) -> Iterator[str]:
    """The sentences of a body's opening: those of its first two lines of prose (12 words or more, no heading)."""
    prose = [ln for ln in (ln.strip() for ln in lines[:40]) if len(ln.split()) >= 12 and not _HEADING.match(ln) and not _UPPER.match(ln)]
    for line in prose[:2]:
        yield from (line[a:b] for a, b in split_sentences(line, 0))


def _opening_results(lines: list[str], date: str | None, planned: tuple[tuple[int | None, int], ...]) -> tuple[tuple[int | None, int], ...]:
    """The months whose results the opening announces in a sentence closing on its colon (:func:`_opening_periods`' lines),
    when the last of them is one to three months before the first month ``planned``; else none.

    >>> _opening_results(["Do tập trung cho Tết và cuộc bầu cử, UBND xã không ban hành văn bản triển khai nhiệm vụ tháng 3/2026; nay "
    ...                   "UBND xã thông tin kết quả tháng 02 và tháng 3/2026 như sau:"], "2026-03-31", ((2026, 4),))
    ((2026, 2), (2026, 3))
    """
    for sentence in _opening_sentences(lines):
        if not sentence.rstrip().endswith(":"):
            continue  # (only a sentence that announces what follows: "... sẽ được đánh giá tại kỳ sau" announces nothing)
        for kind, sp in _classify(absolute_months(ASIDE.sub(" ", sentence), date)):
            if kind == "result" and 1 <= (planned[0][1] - sp.months[-1][1]) % 12 <= 3:
                return sp.months
    return ()


def document_periods(title: str | None, body: str, date: str | None) -> Periods:
    """The months a document reports on and the months it plans.

    Looked for in the title, then in the body's headings (for what the title
    does not say), then in the lead phrase of a plan ("Trong tháng 9/2025, tập
    trung ..."). Years not written are inferred from each other and from the
    document's date.

    >>> document_periods("kết quả công tác tháng 01 và nhiệm vụ trọng tâm tháng 02/2026", "", None)
    Periods(reported=('2026-01',), planned=('2026-02',))
    >>> document_periods("về kết quả thực hiện nhiệm vụ tháng 11 và tháng 12, phương hướng tháng 01 năm 2027", "", "2027-01-05")
    Periods(reported=('2026-11', '2026-12'), planned=('2027-01',))
    >>> document_periods("Báo cáo kết quả triển khai Đề án 06 tháng 8/2025", "III. NHIỆM VỤ\\nTrong tháng 9/2025, tập trung thực hiện tốt ...", "2025-08-28")
    Periods(reported=('2025-08',), planned=('2025-09',))
    >>> document_periods("KẾT LUẬN ... tại hội nghị giao ban tháng 11 năm 2026", "1. Đánh giá kết quả tháng 10 và tháng 11 năm 2026\\n"
    ...                  "3. Nhiệm vụ trọng tâm tháng 12 năm 2026", "2026-11-27")
    Periods(reported=('2026-10', '2026-11'), planned=('2026-12',))
    >>> document_periods("tại hội nghị giao ban tháng 7 năm 2026", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 6 NĂM 2026\\n"
    ...                  "II. NHIỆM VỤ TRỌNG TÂM THÁNG 7", "2026-07-06")
    Periods(reported=('2026-06',), planned=('2026-07',))
    >>> document_periods("về kết quả thực hiện nhiệm vụ tháng 6, phương hướng nhiệm vụ trọng tâm tháng 7 năm 2025", "", "2026-06-30")
    Periods(reported=('2026-06',), planned=('2026-07',))
    >>> document_periods("Tình hình tháng 5, tháng 6 và 6 tháng đầu năm; nhiệm vụ trọng tâm tháng 7 và 6 tháng cuối năm 2026", "", "2026-06-26")
    Periods(reported=('2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'), planned=('2026-07',))
    >>> document_periods("kết quả quý III, phương hướng quý IV, trọng tâm tháng 10 năm 2026", "", "2026-09-28")
    Periods(reported=('2026-07', '2026-08', '2026-09'), planned=('2026-10',))
    >>> document_periods("tại hội nghị giao ban tháng 10 năm 2026", "(đánh giá kết quả tháng 9 và tháng 10, nhiệm vụ tháng 11)\\n"
    ...                  "I. KẾT QUẢ ĐẠT ĐƯỢC", "2026-10-30")
    Periods(reported=('2026-09', '2026-10'), planned=('2026-11',))
    """
    reported: tuple[tuple[int | None, int], ...] = ()
    planned: tuple[tuple[int | None, int], ...] = ()
    title_kind_free: list[Span] = []

    date_ym = (int(date[:4]), int(date[5:7])) if date and len(date) >= 7 else None

    def ahead(months: tuple[tuple[int | None, int], ...]) -> bool:
        """Whether every month of a period is after the date's (a year not written: the date's year, or the next one
        for a month just after a December date); no notice reports them."""
        if date_ym is None:
            return False
        at = date_ym[0] * 12 + date_ym[1]
        return all(0 < (y or date_ym[0]) * 12 + m - at <= 6 for y, m in months)

    def take(found: list[tuple[str, Span]]) -> None:
        nonlocal reported, planned
        for kind, sp in found:
            if kind == "result" and reported and not planned and ahead(sp.months) and not ahead(reported):
                # "tại phiên giao ban tháng 02 và bàn việc tháng 3" dated 27/02: its words for the plan not known, the
                # second month, after the date, is no month reported: the month planned
                planned = sp.months
            elif kind == "result" and not reported:
                reported = sp.months
            elif kind == "task" and not planned:
                planned = sp.months
            elif kind == "task" and len(sp.months) < len(planned) and all(
                any(m == pm and (y is None or py is None or y == py) for py, pm in planned) for y, m in sp.months
            ):
                planned = sp.months  # "phương hướng quý IV, trọng tâm tháng 10": the month in focus is the one planned

    meeting = False
    if title:
        classified = _classify(absolute_months(title, date))
        found = [(_either(sp, classified, date) if kind == "either" else kind, sp) for kind, sp in classified]
        take(found)
        if not found:
            title_kind_free = months_in(title)
            if len(title_kind_free) > 1 and date_ym is not None:
                # "Hai tháng 5, 6 xã làm được gì, còn vướng gì và tháng 7 năm 2026 phải lo những việc gì" (hand TB), no word of
                # this reader's before either month: dated 29/6, the months not begun are the ones planned, the others reported
                spans = [sp.months for sp in title_kind_free]
                future = next((m for m in spans if ahead(m)), ())
                past = next((m for m in spans if not ahead(m)), ())
                if future and past:
                    reported, planned = past, future
        # "tại hội nghị giao ban tháng 7": the month the meeting was held, not necessarily the month it reviewed
        f = fold(title)
        meeting = bool(reported) and not any(k in f for k in ("ket qua", "kq ", "danh gia", "tinh hinh", "so ket", "tong ket", "kiem diem"))
    lines = body.split("\n")
    titled = reported
    wider: tuple[tuple[int | None, int], ...] = ()
    for line in lines:
        s = line.strip()
        if not s or len(s) > 180:
            continue
        numbered = _HEADING.match(s) is not None
        if numbered and s.endswith((".", ";")) and (len(s.split()) > 12 or _PLAN_POINT.match(fold(_HEADING.sub("", s, count=1)))):
            # a numbered point of content ("2. Đảng ủy chỉ đạo ... sơ kết 6 tháng đầu năm 2026 ...", "1. Tổ chức hội nghị sơ kết
            # quý II."), not a heading
            continue
        # "(đánh giá kết quả tháng 9 và tháng 10, nhiệm vụ tháng 11)": the title's gloss in brackets under it
        glossed = s.startswith("(") and s.endswith(")") and len(s) < 140
        # "Kết quả tháng 4:", "Nhiệm vụ tháng 5:": a part's lead line, unnumbered (a notice posted in a chat group)
        lead = len(s) < 90 and s.endswith(":") and fold(LEADING_SYMBOLS.sub("", s)).startswith(_LEAD_KEYS)
        if numbered or glossed or lead or (len(s) < 140 and _UPPER.match(s)):
            found = [("result" if k == "either" else k, sp) for k, sp in _classify(absolute_months(s, date))]
            take(found)
            # the title names the meeting's month ("giao ban tháng 11"), the results' heading every month it
            # reviews ("1. Đánh giá kết quả tháng 10 và tháng 11"): the heading's months, when they hold the title's
            if titled and not wider:
                for kind, sp in found:
                    if kind == "result" and sp.months != planned and ({m for _, m in titled} < {m for _, m in sp.months} or meeting):
                        wider = sp.months  # a meeting's month in the title gives way to the months its results name
                        # (the first: "(Việc đã làm tháng 02 - Việc giao tháng 3/2026)", its second month taken for the plan
                        # by the date, hand UD)
                        break
        if reported and planned and (wider or not titled):
            break
    if wider:
        reported = wider
    if (meeting and not wider) or not (reported and planned):
        # the opening sentence of a notice in prose: "Ngày 01/10, Thường trực Đảng ủy họp đánh giá kết quả
        # tháng 9 và triển khai nhiệm vụ tháng 10": what the meeting reviewed and planned, where the title
        # names only the meeting's month or nothing
        o_rep, o_pla = _opening_periods(lines, date)
        if o_rep and ((meeting and not wider) or not reported):
            reported = o_rep
            planned = planned or o_pla
        elif not reported and planned:
            # a letter that plans its month in the title and says in its opening which months its results cover ("... không
            # ban hành văn bản triển khai nhiệm vụ tháng 3/2026; nay UBND xã thông tin kết quả tháng 02 và tháng 3/2026 như
            # sau:", hand OC): the months reported, when they come just before the month planned
            reported = _opening_results(lines, date, planned)
    if not planned:
        # the plan's lead phrase: "Trong tháng 9/2025, tập trung thực hiện ..."
        for line in lines:
            f = fold(line.strip())
            m = _PLAN_LEAD.match(f)
            if m:
                sps = months_in(m.group(1), folded=True, years=False)
                if sps:
                    planned = sps[0].months
                    break
    if not reported and not planned and title_kind_free:
        # "Báo cáo ... tháng 8/2025": a report's title names the month it reviews
        reported = title_kind_free[0].months
    if not reported and not planned and title and date_ym and _MONTHLY_MEETING.search(fold(title)):
        # "Kết luận ... tại phiên giao ban" naming no month at all: a monthly meeting reviews the month that ends by its date
        # (the reporting month of Nghị định 09/2019/NĐ-CP closes on the 14th) and plans the month after it
        met_y, met_m = date_ym
        if date is not None and len(date) >= 10 and int(date[8:10]) < 14:
            met_y, met_m = (met_y, met_m - 1) if met_m > 1 else (met_y - 1, 12)
        reported = ((met_y, met_m),)
        planned = ((met_y, met_m + 1) if met_m < 12 else (met_y + 1, 1),)

    # years: the written ones; then each part from the other; then the date
    ry = next((y for y, _ in reported if y), None)
    py = next((y for y, _ in planned if y), None)
    if reported and ry is None and py is not None and planned:
        first_planned = planned[0][1]
        ry = py - (1 if reported[-1][1] > first_planned else 0)
        reported = tuple((ry if y is None else y, m) for y, m in reported)
    if planned and py is None and ry is not None and reported:
        last_reported = reported[-1][1]
        py = ry + (1 if planned[0][1] < last_reported else 0)
        planned = tuple((py if y is None else y, m) for y, m in planned)
    rep = fill_years(reported, date_ym, after=False) if reported else []
    pla = fill_years(planned, date_ym, after=True) if planned else []
    if rep and pla and not any(y for y, _ in planned) and pla[0] <= rep[-1]:
        # "tháng 01" planned after "tháng 12" reported: next year
        pla = fill_years(planned, (int(rep[-1][:4]), int(rep[-1][5:7])), after=True)
    if date_ym and (rep or pla) and len(rep) <= 3 and len(pla) <= 3:
        # a year copied from last year's template ("… tháng 7 năm 2025" in a notice dated 30/6/2026): the
        # months a monthly notice names lie within half a year of its date, so the years move with the date
        anchor = _month_index(pla[0] if pla else rep[-1])
        dated = date_ym[0] * 12 + date_ym[1] - 1
        shift = round((dated - anchor) / 12)
        if abs(shift) == 1 and abs(dated - anchor) > 6 and abs(dated - anchor - 12 * shift) <= 6:
            rep = [_shift_year(m, shift) for m in rep]
            pla = [_shift_year(m, shift) for m in pla]
    this_month = _iso(*date_ym) if date_ym else ""
    if date_ym and rep and len(rep) <= 3 and rep[-1] > this_month and _month_index(rep[-1]) - _month_index(this_month) <= 6:
        # no monthly notice reports a month that has not begun by its date: "về công việc tháng 02 và tháng 3" dated 27/02,
        # the words before "tháng 3" ("giao việc", "bàn việc", ...) not known, plans March
        not_begun = [m for m in rep if m > this_month]
        rep = [m for m in rep if m <= this_month]
        pla = pla or not_begun
    return Periods(tuple(rep), tuple(pla))


def _month_index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def shift_month(month: str, by: int) -> str:
    """``month`` (``YYYY-MM``) moved ``by`` months.

    >>> shift_month("2026-12", 1), shift_month("2026-01", -1)
    ('2027-01', '2025-12')
    """
    k = _month_index(month) + by
    return _iso(k // 12, k % 12 + 1)


def _shift_year(month: str, years: int) -> str:
    return f"{int(month[:4]) + years:04d}{month[4:]}"


def item_months(text: str, periods: Periods, role: str, folded: str | None = None) -> tuple[str, ...]:
    """The months an item's own words place it in, when they are among the document's.

    A result in a two-month report that says "Trong tháng 11, ..." belongs to
    November; one that says nothing belongs to every month reported.

    >>> p = Periods(reported=("2026-11", "2026-12"), planned=("2027-01",))
    >>> item_months("Trong tháng 11, đã tổ chức ...", p, "result")
    ('2026-11',)
    >>> item_months("Đã tổ chức ...", p, "result")
    ()

    ``folded``: ``fold(text)`` when the caller has it (a slice of its document's fold).
    """
    own = periods.planned if role in {"task", "assignment"} else periods.reported
    if not own:
        return ()
    f = fold(text[:160]) if folded is None else folded[:160]
    if "thang" not in f and ("quy" not in f or _QUARTER_HINT.search(f) is None):
        return ()  # the common case, without the period regex (months_in's own check, years left out)
    ref = (int(own[-1][:4]), int(own[-1][5:7]))
    found: list[str] = []
    for sp in months_in(f, folded=True, years=False):
        found += fill_years(sp.months, ref, after=False if role not in {"task", "assignment"} else True)
    hits = tuple(sorted(set(found) & set(own)))
    return hits
