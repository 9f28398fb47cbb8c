"""Deadlines: by when a task must be done, from its own words or, failing that, its notice's plan.

A task states its deadline in many ways: a date ("trước ngày 20/8/2026",
"hoàn thành trước 31/5", "chậm nhất ngày 15 tháng 9"), a part of a month
("cuối tháng", "đầu tháng 9", "trong tuần đầu tháng", "nửa đầu tháng 8"), a
month or a longer period ("trong tháng 8", "đến hết tháng 10", "trong quý
III", "trong 6 tháng cuối năm"), a holiday ("trước Tết Nguyên đán", "trước Tết
Dương lịch") or a lunar date ("trước ngày 25 tháng Chạp"). Most tasks state
none: then the deadline is the month their notice plans them for, marked
``default``.

* :func:`task_deadline` — the deadline of one task's text (the one public
  function of the ingest stage).
* :func:`stated_date` — a day a result sentence says something was done
  ("đã thu hoạch xong trước ngày 28/5"), for the official status.
* :func:`tet` and :func:`lunar_date` — the lunar calendar of Vietnam (UTC+7), from
  the ``lunar-vn`` package (Hồ Ngọc Đức's algorithm, computed offline; it is
  not China's calendar: Tết Canh Tuất is 2 February 2030 in Vietnam, 3
  February in China).

Conventions, each one a choice a reader of the report should know:

* a deadline is as precise as the text: ``2026-08-20`` for a day, ``2026-08``
  for a month or a longer period (its last month: "quý III" is ``2026-09``,
  "6 tháng cuối năm" ``2026-12``), with ``due``, the last day a task done
  on it is on time (``2026-08-31``; "đầu tháng 9" is due on the 10th,
  "giữa tháng" the 20th, "tuần đầu" the 7th, "nửa đầu" the 15th);
* the day a deadline names is the day it is due: "trước ngày 20/8" is 20/8,
  as the Government Office records such a deadline, and "trước Tết" is the
  first day of Tết (Tết Nguyên đán of the coming lunar year, or the one named:
  "Tết Đinh Mùi", "Tết Nguyên đán 2027");
* a time phrase is a deadline only after a word that makes it one ("trước",
  "đến hết", "trong", "chậm nhất", "hạn chót", "thời hạn:", a date after
  "ngày"): "sơ kết 6 tháng đầu năm", "Cách mạng tháng Tám" and "Nghị quyết
  số 57-NQ/TW ngày 22/12/2024" are not deadlines;
* when a task states several, the most precise wins (a day over a month over
  a quarter: "Trong tháng 8, ... trước ngày 20/8" is due on 20/8), and among
  equals the latest;
* a year left out is the one that puts the deadline after the notice ("trước
  15/01" in a December notice is next January);
* a deadline long before the notice (more than a month) is a date cited, not
  a deadline, and is dropped.

All matching runs on folded text (:func:`ingest.normalize.fold`), the same
length as the text, so spans index the text itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ingest.normalize import fold
from ingest.periods import Periods, fill_years, months_in
from ingest.prefilter import matches_from_starts

#: where a deadline came from: the task's own words, or the month its notice plans it for
SOURCES = ("text", "default")

# the ten stems and twelve branches that name a lunar year: "Tết Đinh Mùi" is 2027
_CAN = ("canh", "tan", "nham", "quy", "giap", "at", "binh", "dinh", "mau", "ky")  # year % 10
_CHI = ("than", "dau", "tuat", "hoi", "ty", "suu", "dan", "mao", "thin", "ti", "ngo", "mui")  # year % 12
_LUNAR_MONTHS = {"gieng": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
                 "muoi mot": 11, "chap": 12}


@dataclass(frozen=True)
class Deadline:
    """A task's deadline. ``start``/``end`` index the text given to :func:`task_deadline` (None for a default)."""

    #: as precise as the text: "2026-08-20" or "2026-08"
    value: str
    #: the last day a task done on it is on time, ISO date
    due: str
    #: "text" | "default"
    source: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    value: str
    due: dt.date
    #: how many days the expression spans: a day 1, a month ~30, a quarter ~90 (smaller is more precise)
    width: int


# -- the lunar calendar ---------------------------------------------------------------


@functools.cache
def lunar_date(day: int, month: int, lunar_year: int) -> dt.date:
    """The solar date of a lunar date in Vietnam's calendar (UTC+7); not leap months.

    >>> lunar_date(25, 12, 2026)
    datetime.date(2027, 2, 1)
    """
    from lunar_vn import convert_lunar_to_solar

    return convert_lunar_to_solar(day, month, lunar_year, 0, 7.0)


def tet(year: int) -> dt.date:
    """The first day of the lunar year that starts in solar ``year`` (Tết Nguyên đán).

    >>> tet(2026), tet(2027), tet(2030)
    (datetime.date(2026, 2, 17), datetime.date(2027, 2, 6), datetime.date(2030, 2, 2))
    """
    return lunar_date(1, 1, year)


def _lunar_month_end(month: int, lunar_year: int) -> dt.date:
    if month == 12:
        return tet(lunar_year + 1) - dt.timedelta(days=1)
    return lunar_date(1, month + 1, lunar_year) - dt.timedelta(days=1)


def _year_of(can: str | None, chi: str | None, near: int) -> int | None:
    """The year nearest ``near`` named by its stem and branch ("Đinh Mùi" -> 2027)."""
    if not can or not chi:
        return None
    for y in sorted(range(near - 30, near + 31), key=lambda y: abs(y - near)):
        if _CAN[y % 10] == can and _CHI[y % 12] == chi:
            return y
    return None


# -- building blocks (folded text) -------------------------------------------------------

# Words that make a time phrase a deadline, right before it: "trước", "chậm nhất là",
# "đến hết", "hạn chót", "thời hạn hoàn thành:", "từ nay đến". Longer options first.
_CUE = r"""(?:
      tu[ ]nay[ ]den(?:[ ]het)?
    | cham[ ]nhat(?:[ ]la)?(?:[ ]vao|[ ]trong)?
    | han[ ]chot(?:[ ]la)?
    | thoi[ ]han(?:[ ]hoan[ ]thanh|[ ]thuc[ ]hien)?(?:[ ]la)?[ ]*:?
    | thoi[ ]gian[ ]hoan[ ]thanh(?:[ ]la)?[ ]*:?
    | xong[ ](?:truoc|trong)
    | ket[ ]thuc[ ]truoc
    | den[ ]het | den | toi
    | truoc
    | ngay[ ]trong | trong[ ](?:cac|nhung) | trong
    | vao
)"""


def _dmy(k: str) -> str:
    """ "20/8/2026", "20/8", "20 / 8": day and month, the year optional."""
    return rf"(?P<d{k}>\d{{1,2}})[ ]*/[ ]*(?P<m{k}>\d{{1,2}})(?:[ ]*/[ ]*(?P<y{k}>(?:19|20)\d\d))?(?![/\d])"


def _dmy_dash(k: str) -> str:
    """ "20-8-2026", "20.8.2026": only after "ngày" ("2.016,4" is a sum), the year written."""
    return rf"(?P<d{k}>\d{{1,2}})[ ]*[-.][ ]*(?P<m{k}>\d{{1,2}})[ ]*[-.][ ]*(?P<y{k}>(?:19|20)\d\d)(?!\d)"


def _dtm(k: str) -> str:
    """ "15 tháng 9 năm 2026", "15 tháng 9", "15 tháng 9/2026" (after "ngày")."""
    return rf"(?P<d{k}>\d{{1,2}})[ ]+thang[ ]+(?P<m{k}>\d{{1,2}})(?:[ ]*(?:/|nam)[ ]*(?P<y{k}>(?:19|20)\d\d))?(?!\d)"


def _after_ngay(k: str) -> str:
    return f"(?:{_dmy_dash(k + 'x')}|{_dtm(k + 't')}|{_dmy(k)})"


#: the group suffixes of :func:`_date_re`, each naming one way a day is written
_DATE_KEYS = ("rx", "rt", "r", "cx", "ct", "c", "n", "bx", "bt", "b")


@functools.cache
def _date_re() -> re.Pattern[str]:
    """A solar date with what precedes it.

    "trước ngày 20/8/2026", "hoàn thành trước 31/5" (a cue, no "ngày"),
    "ngày 15/9" (no cue: a bare date, kept unless it stands after a number
    and symbol, "Chỉ thị số 38/CT-TTg ngày 18/12/2026"), "từ ngày 01/8 đến
    ngày 15/8" (a range: its end).
    """
    return re.compile(
        r"""
        # "từ ngày 01/8 đến ngày 15/8/2026", "từ 01/8 - 15/8": the end of a range
        tu[ ]+(?:ngay[ ]+)?\d{1,2}(?:[ ]*/[ ]*\d{1,2}(?:[ ]*/[ ]*\d{4})?)?[ ]*(?:den|-|–)[ ]*(?:het[ ]+)?(?:ngay[ ]+)?"""
        + _after_ngay("r")
        + r"""
        # "trước ngày 20/8", "chậm nhất là ngày 15 tháng 9", "vào ngày 20-8-2026", "trước 31/5"
        | (?P<cue>""" + _CUE + r""")[ ]+(?:(?:het[ ]+)?ngay[ ]+""" + _after_ngay("c") + "|" + _dmy("n") + r""")
        # "ngày 15/9": a bare date
        | (?P<bare>ngay)[ ]+""" + _after_ngay("b") + r"""
        """,
        re.X,
    )


@functools.cache
def _lunar_re() -> re.Pattern[str]:
    """Lunar dates and holidays after a cue.

    "trước ngày 25 tháng Chạp", "trước Rằm tháng Giêng", "trước ngày 23/12 âm
    lịch", "trước Tết Nguyên đán Đinh Mùi 2027", "trước kỳ nghỉ Tết", "trước
    Tết Dương lịch", "trước Tết Trung thu", "trong tháng Chạp".
    """
    months = "|".join(k.replace(" ", "[ ]") for k in sorted(_LUNAR_MONTHS, key=len, reverse=True))
    return re.compile(
        r"""
        (?P<cue>""" + _CUE + r""")[ ]+
        (?:
            # "ngày 25 tháng Chạp", "mùng 10 tháng Giêng"
            (?:(?:ngay|mung|mong)[ ]+)?(?P<ld>\d{1,2})[ ]+thang[ ]+(?P<lm>chap|gieng)\b
            # "ngày 23/12 âm lịch", "ngày 23/12 (âm lịch)"
          | (?:ngay[ ]+)?(?P<ld2>\d{1,2})[ ]*/[ ]*(?P<lm2>\d{1,2})[ ]*\(?[ ]*am[ ]lich
            # "Rằm tháng Giêng", "Rằm tháng Bảy"
          | (?:ngay[ ]+)?ram[ ]+thang[ ]+(?P<lm3>""" + months + r""")\b
            # "tháng Chạp", "tháng Giêng": a lunar month
          | thang[ ]+(?P<lmonth>chap|gieng)\b
            # the holidays
          | (?:dip[ ]+|ky[ ]+nghi[ ]+)?tet[ ]+duong[ ]+lich(?:[ ]+(?:nam[ ]+)?(?P<dly>(?:19|20)\d\d))?
          | (?:dip[ ]+)?tet[ ]+trung[ ]+thu(?:[ ]+(?:nam[ ]+)?(?P<tty>(?:19|20)\d\d))?
          | (?:dip[ ]+|ky[ ]+nghi[ ]+)?tet(?![ ]+(?:trong[ ]+cay|duong|trung|sum|0|khong))
            (?:[ ]+nguyen[ ]+dan)?
            (?:[ ]+(?P<can>""" + "|".join(_CAN) + r""")[ ]+(?P<chi>""" + "|".join(_CHI) + r"""|meo))?
            (?:[ ]+(?:nam[ ]+)?(?P<ty>(?:19|20)\d\d))?
        )
        """,
        re.X,
    )


# "cuối tháng 8", "đầu tháng", "trong tuần đầu của tháng 9", "nửa đầu tháng 8", "trung tuần tháng 9":
# the day of the month a part of it ends on (0: the last day)
_PARTS = (
    (r"tuan[ ]+dau(?:[ ]+tien)?(?:[ ]+cua)?", 7),
    (r"tuan[ ]+thu[ ]+(?:hai|2)(?:[ ]+cua)?", 14),
    (r"tuan[ ]+thu[ ]+(?:ba|3)(?:[ ]+cua)?", 21),
    (r"tuan[ ]+cuoi(?:[ ]+cung)?(?:[ ]+cua)?", 0),
    (r"nua[ ]+dau", 15),
    (r"nua[ ]+cuoi", 0),
    (r"thuong[ ]+tuan", 10),
    (r"trung[ ]+tuan", 20),
    (r"ha[ ]+tuan", 0),
    # not "phấn đấu tháng 01", "bước đầu", "hàng đầu", "lần đầu"
    (r"(?<!phan[ ])(?<!buoc[ ])(?<!hang[ ])(?<!lan[ ])(?<!di[ ])(?<!top[ ])dau", 10),
    (r"giua", 20),
    (r"cuoi", 0),
)


@functools.cache
def _part_re() -> re.Pattern[str]:
    alts = "|".join(f"(?P<p{k}>{p})" for k, (p, _) in enumerate(_PARTS))
    return re.compile(r"(?:^|[^a-z])(?:" + alts + r")[ ]+$", re.X)


@functools.cache
def _cue_before_re() -> re.Pattern[str]:
    return re.compile(r"(?:^|(?<=[^a-z]))" + _CUE + r"[ ]+$", re.X)


# "trong tháng", "cuối tháng", "trong tuần đầu tháng", "trong quý", "đến hết năm", "trong tháng này":
# no number, so the task's own month, quarter or year
@functools.cache
def _bare_re() -> re.Pattern[str]:
    # "\b(?:thang|quy|nam)" with each unit opening on its letter (no word character before it, as "\b" reads it
    # there): a search skips to the t's, q's and n's rather than trying every place of the task
    return re.compile(r"(?P<unit>t(?<!\wt)hang|q(?<!\wq)uy|n(?<!\wn)am)\b(?:[ ]+(?:nay|toi))?(?![ ]*(?:\d|/))")


# "Chỉ thị số 38/CT-TTg ngày ...", "Kết luận số 12-KL/TW, ngày ...": a date of a document, not a deadline
_CITED_BEFORE = re.compile(r"(?:\b\d+[\w/.-]*[/-][a-z][\w/.-]*|\bso[ ]+\S+)[ ]*,?[ ]*$")
# "(trong) những tháng cuối năm", "các tháng cuối năm": the end of the year (a time phrase even without a cue)
_YEAR_END = re.compile(r"(?:(?:trong|den)[ ]+)?(?:nhung|cac)[ ]+thang[ ]+cuoi[ ]+nam\b")


def _last_day(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month(iso: str) -> tuple[int, int]:
    return int(iso[:4]), int(iso[5:7])


@dataclass(frozen=True)
class _Context:
    """What a year left out, a bare "trong tháng" and a deadline "too early" are judged against."""

    #: the notice's own day: its date, else the first day of its month, of the month it reports, of the month it plans
    ref: dt.date
    #: the month "trong tháng", "cuối tháng" refer to (the task's month)
    base: tuple[int, int] | None
    #: a deadline due before this day is a date cited, not a deadline
    floor: dt.date


def _context(periods: Periods, doc_date: str | None, months: Sequence[str]) -> _Context | None:
    base_iso = (sorted(months)[0] if months else None) or periods.planned_period or periods.reported_period
    base = _month(base_iso) if base_iso else None
    if doc_date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc_date):
        ref = dt.date.fromisoformat(doc_date)
        return _Context(ref, base, ref - dt.timedelta(days=7))
    if doc_date and re.fullmatch(r"\d{4}-\d{2}", doc_date):
        ref = dt.date(*_month(doc_date), 1)
        return _Context(ref, base, ref)
    if periods.reported_period:
        ref = dt.date(*_month(periods.reported_period), 1)
        return _Context(ref, base, ref)
    if base:
        ref = dt.date(base[0], base[1], 1)
        return _Context(ref, base, ref - dt.timedelta(days=31))
    return None


@functools.lru_cache(maxsize=512)
def _context_of(periods: Periods, doc_date: str | None, months: tuple[str, ...]) -> _Context | None:
    """:func:`_context`, once per notice and months (a notice's tasks share a few)."""
    return _context(periods, doc_date, months)


def _solar(ctx: _Context, d: int, m: int, y: int | None) -> dt.date | None:
    """A day and month with their year: written, else the first that is not long before the notice."""
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    if y is not None:
        return _date(y, m, d)
    out = _date(ctx.ref.year, m, d)
    if out is not None and out < ctx.ref - dt.timedelta(days=60):
        out = _date(ctx.ref.year + 1, m, d)
    return out


#: every way of writing a solar date (:func:`_date_re`: :func:`_dmy`, :func:`_dmy_dash`, :func:`_dtm`) has a day's
#: digit, then a slash, a dash or a dot, or "tháng", then the month's: most tasks have none ("100%", "05 đảng viên",
#: "Kế hoạch số 12-KH/ĐU"), and no date regex runs for them (it tries every place of the task)
_DAY_MONTH = re.compile(r"\d[ ]*[-./][ ]*\d|\d[ ]+thang[ ]+\d")
#: a lunar date or holiday names one of these (the literal check before :func:`_lunar_re`)
_LUNAR_WORDS = ("tet", "chap", "gieng", "am lich", "ram")
#: every period (:func:`ingest.periods.months_in`) and bare unit (:func:`_bare_re`, ``_YEAR_END``) holds one of these
_PERIOD_WORDS = ("thang", "quy", "nam")


#: where a match of :func:`_date_re` can open: "tu", a cue's first word or "ngay", each with its space (every option
#: has one after its first word)
_DATE_START = re.compile(r"(?:tu|cham|han|thoi|xong|ket|den|toi|truoc|ngay|trong|vao)[ ]")


def _dates_in(f: str) -> Iterator[re.Match[str]]:
    """``_date_re().finditer(f)``, the pattern tried only where :data:`_DATE_START` finds an opening (every match
    of it starts at one: the places skipped are places it cannot match at). Its options open on a named group,
    where ``re`` finds no first characters to skip to: it was tried at every place of the task (0.041 ms a
    notice, 0.015 so; :func:`ingest.prefilter.matches_from_starts`)."""
    return matches_from_starts(_date_re(), _DATE_START, f)


def _date_hits(f: str, ctx: _Context) -> list[_Hit]:
    out: list[_Hit] = []
    if not _DAY_MONTH.search(f):
        return out
    for m in _dates_in(f):
        if m.group("bare") and _CITED_BEFORE.search(f[max(0, m.start() - 40) : m.start()]):
            continue  # "Chỉ thị số 38/CT-TTg ngày 18/12/2026"
        k = next(k for k in _DATE_KEYS if m.group(f"d{k}"))
        y = m.group(f"y{k}")
        day = _solar(ctx, int(m.group(f"d{k}")), int(m.group(f"m{k}")), int(y) if y else None)
        if day is not None:
            out.append(_Hit(m.start(), m.end(), day.isoformat(), day, 1))
    return out


def _next_lunar(ctx: _Context, day: int, month: int) -> dt.date:
    """The solar date of a lunar day: the first one not long before the notice."""
    for ly in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1):
        d = lunar_date(day, month, ly)
        if d >= ctx.ref - dt.timedelta(days=15):
            return d
    return lunar_date(day, month, ctx.ref.year + 1)


def _lunar_year_of(solar: dt.date) -> int:
    from lunar_vn import convert_solar_to_lunar

    return int(convert_solar_to_lunar(solar.day, solar.month, solar.year, 7.0).year)


def _holiday(ctx: _Context, g: dict[str, str | None], text: str) -> dt.date:
    """The first day of the holiday a match names: Tết Dương lịch, Tết Trung thu, else Tết Nguyên đán."""
    if "duong lich" in text:
        y = int(g["dly"]) if g["dly"] else (ctx.ref.year if (ctx.ref.month, ctx.ref.day) <= (1, 3) else ctx.ref.year + 1)
        return dt.date(y, 1, 1)
    if "trung thu" in text:
        return lunar_date(15, 8, int(g["tty"])) if g["tty"] else _next_lunar(ctx, 15, 8)
    year = int(g["ty"]) if g["ty"] else None
    if year is None and g["can"]:
        year = _year_of(g["can"], "mao" if g["chi"] == "meo" else g["chi"], ctx.ref.year)
    if year is not None:
        return tet(year)
    y = ctx.ref.year
    return tet(y) if tet(y) >= ctx.ref - dt.timedelta(days=3) else tet(y + 1)


def _lunar_hits(f: str, ctx: _Context) -> list[_Hit]:
    out: list[_Hit] = []
    if not ("tet" in f or "chap" in f or "gieng" in f or "am lich" in f or "ram" in f):  # _LUNAR_WORDS, unrolled
        return out
    for m in _lunar_re().finditer(f):
        g = m.groupdict()
        s, e = m.start(), m.end()
        cue = g["cue"] or ""
        if f[max(0, s - 4) : s].endswith("dip "):
            continue  # "dịp trước Tết": the days before Tết, a time of year, not a deadline
        if g["ld"]:
            day = _next_lunar(ctx, int(g["ld"]), 12 if g["lm"] == "chap" else 1)
        elif g["ld2"]:
            day = _next_lunar(ctx, int(g["ld2"]), int(g["lm2"]))
        elif g["lm3"]:
            day = _next_lunar(ctx, 15, _LUNAR_MONTHS[g["lm3"]])
        elif g["lmonth"]:
            if not cue.startswith(("trong", "den", "ngay trong", "cham nhat", "xong trong")):
                continue
            month = 12 if g["lmonth"] == "chap" else 1
            end = _lunar_month_end(month, _lunar_year_of(_next_lunar(ctx, 1, month)))
            out.append(_Hit(s, e, end.strftime("%Y-%m"), end, 30))
            continue
        else:
            if not cue.startswith("truoc"):
                continue  # "đến Tết", "trong dịp Tết": the holiday is when, not by when
            day = _holiday(ctx, g, f[s:e])  # "trước Tết": due on the day named, as "trước ngày 20/8"
        out.append(_Hit(s, e, day.isoformat(), day, 1))
    return out


def _part_before(f: str, start: int) -> tuple[int, int | None]:
    """Where a part of a month before ``start`` begins ("cuối ", "tuần đầu của "), and its day (None: no part)."""
    before = f[max(0, start - 40) : start]
    pm = _part_re().search(before)
    if not pm:
        return start, None
    day = next(_PARTS[k][1] for k in range(len(_PARTS)) if pm.group(f"p{k}"))
    s = start - len(before) + pm.start()
    while s < start and not f[s].isalpha():
        s += 1
    return s, day


def _cue_before(f: str, start: int) -> int | None:
    """Where a cue right before ``start`` begins, or None."""
    before = f[max(0, start - 40) : start]
    cm = _cue_before_re().search(before)
    if not cm:
        return None
    s = start - len(before) + cm.start()
    while s < start and not f[s].isalpha():
        s += 1
    return s


def _period_hits(f: str, ctx: _Context) -> list[_Hit]:
    """Months, quarters, half-years, years (:func:`ingest.periods.months_in`) after a cue; parts of months."""
    out = []
    ref_month = (ctx.ref.year, ctx.ref.month)
    for sp in months_in(f, folded=True):
        text = f[sp.start : sp.end]
        if re.match(r"thang[ ]+(?:chap|gieng)\b", text):
            continue  # lunar months (see _lunar_hits)
        start, part_day = _part_before(f, sp.start) if text.startswith("thang") and len(sp.months) == 1 else (sp.start, None)
        cue_at = _cue_before(f, start)
        if cue_at is None and part_day is None:
            continue  # no cue: "sơ kết 6 tháng đầu năm", "Cách mạng tháng Tám"
        if cue_at is not None:
            start = cue_at
        if f[max(0, start - 4) : start].endswith("dip "):
            continue  # "dịp cuối tháng 12"
        months = fill_years(sp.months, ref_month, after=True)
        if not months:
            continue
        cue = f[start : sp.start].strip()
        if len(sp.months) == 12 and cue in ("den", "toi") and not f[max(0, start - 9) : start].endswith("phan dau "):
            continue  # "Chiến lược ... đến năm 2030": a programme's horizon, unless "phấn đấu đến năm 2030"
        if part_day is None and cue.startswith("truoc"):
            # "trước tháng 10": by the end of September
            y, m = _month(months[0])
            y, m = (y - 1, 12) if m == 1 else (y, m - 1)
            out.append(_Hit(start, sp.end, f"{y}-{m:02d}", _last_day(y, m), 30))
            continue
        y, m = _month(months[-1])
        if part_day is not None:
            due = _last_day(y, m) if part_day == 0 else dt.date(y, m, part_day)
            out.append(_Hit(start, sp.end, f"{y}-{m:02d}", due, part_day or 10))
        else:
            first = _month(months[0])
            width = ((y - first[0]) * 12 + m - first[1] + 1) * 30
            out.append(_Hit(start, sp.end, f"{y}-{m:02d}", _last_day(y, m), width))
    return out


def _bare_hits(f: str, ctx: _Context) -> list[_Hit]:
    """ "trong tháng", "cuối tháng", "trong quý", "đến hết năm": the task's own month, quarter or year."""
    if ctx.base is None or not ("thang" in f or "quy" in f or "nam" in f):  # _PERIOD_WORDS, unrolled
        return []
    by, bm = ctx.base
    # (every end of the year says "cuối": the literal check spares a search that tries every place of the task)
    out = [_Hit(m.start(), m.end(), f"{by}-12", _last_day(by, 12), 90) for m in _YEAR_END.finditer(f)] if "cuoi" in f else []
    taken = [(h.start, h.end) for h in out]
    for m in _bare_re().finditer(f):
        if any(s <= m.start() < e for s, e in taken):
            continue
        unit = m.group("unit")
        after = f[m.end() : m.end() + 12]
        if unit == "thang" and re.match(r"[ ]+(?:chap|gieng|mot|hai|ba|tu|nam|sau|bay|tam|chin|muoi|cuoi|dau)\b", after):
            continue  # "tháng Tám" is a month named (months_in); "tháng cuối năm"
        if unit == "quy" and re.match(r"[ ]+(?:i|ii|iii|iv|[1-4])\b", after):
            continue
        if unit == "nam" and re.match(r"[ ]+(?:hoc|moi|sau|truoc|qua|ngoai|\d)", after):
            continue  # "năm học mới", "năm sau"
        start, part_day = _part_before(f, m.start()) if unit in ("thang", "nam") else (m.start(), None)
        cue_at = _cue_before(f, start)
        if cue_at is None and (part_day is None or unit == "nam"):
            continue  # "tháng" alone; "cuối năm" alone (a time of year)
        if cue_at is not None:
            start = cue_at
        if f[max(0, start - 4) : start].endswith("dip "):
            continue  # "dịp cuối tháng"
        if unit == "thang":
            due = dt.date(by, bm, part_day) if part_day else _last_day(by, bm)
            out.append(_Hit(start, m.end(), f"{by}-{bm:02d}", due, 10 if part_day is not None else 30))
        elif unit == "quy":
            qm = 3 * ((bm - 1) // 3) + 3
            out.append(_Hit(start, m.end(), f"{by}-{qm:02d}", _last_day(by, qm), 90))
        else:
            out.append(_Hit(start, m.end(), f"{by}-12", _last_day(by, 12), 60 if part_day is not None else 365))
    return out


def _hits(f: str, ctx: _Context) -> list[_Hit]:
    hits = _date_hits(f, ctx) + _lunar_hits(f, ctx) + _period_hits(f, ctx) + _bare_hits(f, ctx)
    return [h for h in hits if h.due >= ctx.floor]


def _best(hits: Sequence[_Hit]) -> _Hit | None:
    """The most precise deadline stated; among equals, the latest."""
    if not hits:
        return None
    return min(hits, key=lambda h: (h.width, -h.due.toordinal(), -h.start))


def task_deadline(
    text: str, periods: Periods, doc_date: str | None, months: Sequence[str] = (), folded: str | None = None,
) -> Deadline | None:
    """The deadline of a task: stated in ``text``, else the month it is planned for (``default``).

    ``periods`` are the notice's months (:func:`ingest.periods.document_periods`),
    ``doc_date`` its date, ``months`` the task's own months (``Item.months``).
    None when neither the text nor the notice gives a month. ``folded``: ``fold(text)``
    when the caller has it (a slice of its document's fold).

    >>> p = Periods(reported=("2026-07",), planned=("2026-08",))
    >>> t = "Chỉ đạo các hợp tác xã hoàn thành gieo cấy 100% diện tích lúa vụ Mùa trước ngày 10/8."
    >>> d = task_deadline(t, p, "2026-07-30"); (d.value, d.due, d.source, t[d.start:d.end])
    ('2026-08-10', '2026-08-10', 'text', 'trước ngày 10/8')
    >>> d = task_deadline("Kết nạp 05 đảng viên mới trong quý III.", p, "2026-07-30"); (d.value, d.due)
    ('2026-09', '2026-09-30')
    >>> task_deadline("Tổ chức Hội nghị sơ kết 6 tháng đầu năm 2026.", p, "2026-07-30")
    Deadline(value='2026-08', due='2026-08-31', source='default', start=None, end=None)
    """
    ctx = _context_of(periods, doc_date, tuple(months))
    if ctx is None:
        return None
    best = _best(_hits(fold(text) if folded is None else folded, ctx))
    if best is not None:
        return Deadline(best.value, best.due.isoformat(), "text", best.start, best.end)
    own = sorted(months) or list(periods.planned)
    if not own:
        return None
    return _default_deadline(own[-1])


@functools.lru_cache(maxsize=512)
def _default_deadline(month: str) -> Deadline:
    """The deadline of a task that states none: the last day of its month (a notice's tasks share a few months)."""
    y, m = _month(month)
    return Deadline(month, _last_day(y, m).isoformat(), "default")


def stated_date(text: str, doc_date: str | None, months: Sequence[str] = ()) -> tuple[str, int, int] | None:
    """A day a result says it was done by, as ``(ISO date, start, end)``; the latest when several.

    Only days ("ngày 15/9", "trước ngày 28/5", "đến 30/9"), none after the
    report's own date (``doc_date``) and none long before the months it
    reports (``months``): those are dates of documents cited.

    >>> r = "Toàn bộ 412 ha lúa Đông Xuân đã thu hoạch xong trước ngày 28/5, năng suất 63,5 tạ/ha."
    >>> day, s, e = stated_date(r, "2026-05-29"); day, r[s:e]
    ('2026-05-28', 'xong trước ngày 28/5')
    >>> stated_date("Triển khai Chỉ thị số 38/CT-TTg ngày 18/12/2026 của Thủ tướng.", "2027-01-22") is None
    True
    """
    top = None
    if doc_date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc_date):
        top = dt.date.fromisoformat(doc_date)
    elif doc_date and re.fullmatch(r"\d{4}-\d{2}", doc_date):
        top = _last_day(*_month(doc_date))
    elif months:
        top = _last_day(*_month(sorted(months)[-1]))
    if top is None:
        return None
    first = dt.date(*_month(sorted(months)[0]), 1) if months else dt.date(top.year, top.month, 1)
    # a year left out is the one that puts the day on or before the report
    ctx = _Context(ref=top - dt.timedelta(days=300), base=None, floor=first - dt.timedelta(days=31))
    f = fold(text)
    found = []
    for h in _date_hits(f, ctx):
        day = h.due
        if day > top + dt.timedelta(days=7) or day < first - dt.timedelta(days=31):
            continue
        found.append((day, h.start, h.end))
    if not found:
        return None
    day, s, e = max(found)
    return day.isoformat(), s, e
