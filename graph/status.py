"""The official status of every task, as the Government Office's follow-through rules count them.

Quyết định 42/2014/QĐ-TTg (amended by 23/2018/QĐ-TTg) counts the tasks
assigned by their deadline, and its yearly reports write them in one form:
"16.051 nhiệm vụ đến hạn đã hoàn thành (đúng hạn: 14.068, quá hạn: 1.983);
chưa hoàn thành: 5.863 (trong hạn: 5.640, quá hạn: 223)". This module puts
each task of the store in one of those four boxes, beside vanban's own
verdict (:mod:`graph.linking`):

* ``done_on_time`` — hoàn thành đúng hạn;
* ``done_late`` — hoàn thành quá hạn;
* ``open_in_time`` — chưa hoàn thành, trong hạn;
* ``open_overdue`` — chưa hoàn thành, quá hạn.

What it is computed from:

* **done or not**: the verdict ``done`` (a later result reports it done) is
  done; ``partial``, ``carried_over``, ``silent`` and ``pending`` are not.
  A task carried over to a later month and done there is done — late, when
  that is after its deadline. A result reported after the ``as_of`` date
  does not count yet.
* **the deadline**: ``Item.deadline_due`` (:mod:`ingest.deadlines`): stated in
  the task, else the last day of the month it was planned for.
* **the date of the result**, as precise as the documents are: a day the
  result states ("đã thu hoạch xong trước ngày 28/5"), else the month the
  report reviews for it (a report dated 5 September that reviews August
  reports work done in August), else the report's own date. A task is done
  late only when its result is known to fall after the deadline: a day after
  it, or a month that starts after it. A result reported in the review of the
  deadline's own month, without a day, is on time.
* **as of**: a date the user picks; by default the date of the newest
  document of the task's unit (so the same store always gives the same
  report), the first day of its month when the day is left blank.

:func:`official_status` is the rule, a pure function; :func:`task_statuses`
applies it to the rows of ``queries/task_status.cypher``; :func:`summarize`
counts them per unit and period and per responsible body, in the official
form. The Cypher returns the facts; the dates are compared here, where
LadybugDB and Neo4j cannot disagree about date arithmetic.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.records import directive_label
from ingest.deadlines import stated_date

# vanban's verdicts as the reports name them (the same words as the board): ingest/data/verdicts.json
from ingest.vocabulary import VERDICT_LABELS as VERDICT_LABELS

DONE_ON_TIME = "done_on_time"
DONE_LATE = "done_late"
OPEN_IN_TIME = "open_in_time"
OPEN_OVERDUE = "open_overdue"
#: the four official statuses, in the order the reports list them
STATUSES = (DONE_ON_TIME, DONE_LATE, OPEN_IN_TIME, OPEN_OVERDUE)
STATUS_LABELS = {
    DONE_ON_TIME: "Hoàn thành đúng hạn",
    DONE_LATE: "Hoàn thành quá hạn",
    OPEN_IN_TIME: "Chưa hoàn thành, trong hạn",
    OPEN_OVERDUE: "Chưa hoàn thành, quá hạn",
}
#: how the board and the spreadsheets colour them (quá hạn in red)
STATUS_COLORS = {DONE_ON_TIME: "#2e7d32", DONE_LATE: "#ef6c00", OPEN_IN_TIME: "#1565c0", OPEN_OVERDUE: "#c62828"}
#: how the date of a result is known
RESULT_BASIS_LABELS = {"text": "ngày nêu trong kết quả", "period": "tháng được báo cáo", "report": "ngày của văn bản báo cáo"}
#: tasks whose deadline is unknown (no date stated, no month planned) are counted apart
NO_DEADLINE_LABEL = "Không xác định được thời hạn"
#: tasks without a lead body, in the table per responsible body
NO_LEAD_LABEL = "Chưa xác định cơ quan chủ trì"

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")


def _first_day(iso: str) -> dt.date:
    """The earliest day an ISO date as precise as a document is can mean ("2026-09" -> 1 September)."""
    if _ISO_DAY.match(iso):
        return dt.date.fromisoformat(iso)
    if _ISO_MONTH.match(iso):
        return dt.date(int(iso[:4]), int(iso[5:7]), 1)
    raise ValueError(f"not an ISO date or month: {iso!r}; expected YYYY-MM-DD or YYYY-MM")


def _last_day(iso: str) -> dt.date:
    if _ISO_DAY.match(iso):
        return dt.date.fromisoformat(iso)
    y, m = int(iso[:4]), int(iso[5:7])
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def official_status(verdict: str | None, result_date: str | None, deadline_due: str | None, as_of: dt.date) -> str | None:
    """One of :data:`STATUSES`, or None when the task has no deadline.

    ``verdict``: vanban's verdict (``done`` is done, anything else is not);
    ``result_date``: when the result was done, as precise as known
    (``2026-09-25`` or ``2026-09``), None when unknown; ``deadline_due``: the
    last day that is on time; ``as_of``: the day the status is taken on.

    >>> d = dt.date(2026, 10, 1)
    >>> official_status("done", "2026-09-10", "2026-09-15", d), official_status("done", "2026-09-25", "2026-09-15", d)
    ('done_on_time', 'done_late')
    >>> official_status("done", "2026-09", "2026-09-15", d), official_status("done", "2026-10", "2026-09-30", d)
    ('done_on_time', 'done_late')
    >>> official_status("silent", None, "2026-09-30", d), official_status("pending", None, "2026-10-31", d)
    ('open_overdue', 'open_in_time')
    """
    if not deadline_due:
        return None
    due = dt.date.fromisoformat(deadline_due)
    if verdict == "done":
        if result_date and _first_day(result_date) > due:
            return DONE_LATE
        return DONE_ON_TIME
    return OPEN_OVERDUE if as_of > due else OPEN_IN_TIME


@dataclass(frozen=True)
class TaskStatus:
    """One task, its deadline, its verdict and its official status, with the evidence behind them."""

    item: str
    document: str
    unit: str
    period: str
    path: str
    task: str
    deadline: str | None
    deadline_due: str | None
    deadline_source: str | None
    #: the words that set the deadline ("trước ngày 15/9"), when the task states one
    deadline_text: str | None
    verdict: str | None
    leads: tuple[str, ...]
    #: one of STATUSES, None when the deadline is unknown
    status: str | None
    as_of: str
    #: the result that made it done (or the last one reported), its date and where that date came from
    result: str | None = None
    result_date: str | None = None
    #: "text" (a day the result states) | "period" (the month its report reviews) | "report" (the report's date)
    result_basis: str | None = None
    #: where the task was set: "Thông báo kết luận số 12-TB/ĐU, 28/08/2026"
    document_label: str = ""
    #: sentences an inspector reads to check the status: results, the task planned again
    evidence: tuple[str, ...] = ()

    @property
    def result_basis_label(self) -> str:
        return RESULT_BASIS_LABELS.get(self.result_basis or "", "")

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status or "", NO_DEADLINE_LABEL)


def _months(value: Any) -> list[str]:
    if not value:
        return []
    return sorted(m for m in str(value).split(",") if _ISO_MONTH.match(m.strip()))


def _date_label(iso: str | None) -> str:
    """'28/08/2026', '08/2026'."""
    if not iso:
        return ""
    if _ISO_DAY.match(iso):
        return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"
    if _ISO_MONTH.match(iso):
        return f"{iso[5:7]}/{iso[:4]}"
    return iso


def _doc_label(row: Mapping[str, Any]) -> str:
    label = directive_label(row.get("doc_type"), row.get("number"), row.get("symbol")) if row.get("number") else (
        " ".join(x for x in (row.get("doc_type"), row.get("symbol")) if x) or str(row.get("document") or ""))
    date = _date_label(row.get("document_date"))
    return f"{label}, {date}" if date else label


def result_time(result: str | None, report_date: str | None, months: Sequence[str]) -> tuple[str | None, str | None]:
    """When a result was done, as precise as known, and how it is known (module docstring).

    >>> result_time("Đã thu hoạch xong trước ngày 28/5.", "2026-05-29", ["2026-05"])
    ('2026-05-28', 'text')
    >>> result_time("Đã hoàn thành nạo vét kênh.", "2026-09-05", ["2026-08"])
    ('2026-08', 'period')
    >>> result_time("Đã hoàn thành nạo vét kênh.", "2026-09-05", [])
    ('2026-09-05', 'report')
    """
    stated = stated_date(result or "", report_date, months)
    if stated:
        return stated[0], "text"
    if months:
        return months[0], "period"
    if report_date:
        return report_date, "report"
    return None, None


@dataclass
class _Task:
    row: Mapping[str, Any]
    results: list[Mapping[str, Any]] = field(default_factory=list)
    next_item: str | None = None


def _group(rows: Iterable[Mapping[str, Any]]) -> dict[str, _Task]:
    tasks: dict[str, _Task] = {}
    for r in rows:
        t = tasks.setdefault(r["item"], _Task(r))
        if r.get("result_item") and all(x["result_item"] != r["result_item"] for x in t.results):
            t.results.append(r)
        if r.get("next_item"):
            t.next_item = r["next_item"]
    return tasks


def _known_by(row: Mapping[str, Any], as_of: dt.date) -> bool:
    """Whether the report giving a result was out on ``as_of`` (a report of unknown date counts)."""
    date = row.get("result_date")
    if date and (_ISO_DAY.match(date) or _ISO_MONTH.match(date)):
        return _first_day(date) <= as_of
    return True


def newest_dates(documents: Iterable[Mapping[str, Any]]) -> dict[str, dt.date]:
    """The default ``as_of`` of each unit: the date of its newest document (the first day of a month-only date).

    ``documents`` are rows of the ``documents`` query; a document without a date counts by the
    month it plans or reviews.
    """
    out: dict[str, dt.date] = {}
    for d in documents:
        unit = d.get("unit")
        when = d.get("date") or d.get("planned_period") or d.get("reported_period")
        if not unit or not when or not (_ISO_DAY.match(when) or _ISO_MONTH.match(when)):
            continue
        day = _first_day(when)
        if unit not in out or day > out[unit]:
            out[unit] = day
    return out


def task_statuses(
    rows: Iterable[Mapping[str, Any]],
    as_of: dt.date | None = None,
    newest: Mapping[str, dt.date] | None = None,
) -> list[TaskStatus]:
    """The official status of every task in ``rows`` (rows of ``queries/task_status.cypher``).

    ``as_of`` is the day for every unit; when None, each unit's day is its
    entry in ``newest`` (:func:`newest_dates`), else today. Tasks of documents
    issued after that day are left out: they were not assigned yet.
    """
    tasks = _group(rows)
    out = []
    for item, t in tasks.items():
        r = t.row
        unit = r.get("unit") or ""
        day = as_of or (newest or {}).get(unit) or dt.date.today()
        set_on = r.get("document_date")
        if set_on and (_ISO_DAY.match(set_on) or _ISO_MONTH.match(set_on)) and _first_day(set_on) > day:
            continue  # set by a document issued after as_of: not assigned yet
        verdict = r.get("verdict")
        evidence: list[str] = []
        known = [x for x in t.results if _known_by(x, day)]
        done = [x for x in known if x.get("result_verdict") == "done"]
        chosen = done or known
        result = chosen[0] if chosen else None
        effective = "done" if done else (verdict if verdict != "done" else "partial")
        if not known and verdict == "done":
            effective = "pending"  # its result came out after as_of
        for x in known:
            evidence.append(f"Kết quả (báo cáo {_date_label(x.get('result_date'))}): {x.get('result')}")
        # carried over: follow the task to the month it was planned again, and see whether it was done there
        seen = {item}
        nxt = t.next_item
        while effective != "done" and nxt and nxt in tasks and nxt not in seen:
            seen.add(nxt)
            later = tasks[nxt]
            later_on = later.row.get("document_date")
            if later_on and (_ISO_DAY.match(later_on) or _ISO_MONTH.match(later_on)) and _first_day(later_on) > day:
                break  # planned again only after as_of
            evidence.append(f"Được đề ra lại ({_date_label(later.row.get('period'))}): {later.row.get('task')}")
            later_done = [x for x in later.results if _known_by(x, day) and x.get("result_verdict") == "done"]
            if later_done:
                effective, result = "done", later_done[0]
                evidence.append(f"Kết quả (báo cáo {_date_label(result.get('result_date'))}): {result.get('result')}")
            nxt = later.next_item
        rdate, basis = (None, None)
        if result is not None:
            rdate, basis = result_time(result.get("result"), result.get("result_date"), _months(result.get("result_months")))
        status = official_status(effective, rdate if effective == "done" else None, r.get("deadline_due"), day)
        text = r.get("task") or ""
        deadline_text = None
        if r.get("deadline_start") is not None and r.get("task_start") is not None:
            s, e = r["deadline_start"] - r["task_start"], r["deadline_end"] - r["task_start"]
            if 0 <= s < e <= len(text):
                deadline_text = text[s:e]
        out.append(
            TaskStatus(
                item=item, document=r.get("document") or "", unit=unit, period=r.get("period") or "", path=r.get("path") or "",
                task=text, deadline=r.get("deadline"), deadline_due=r.get("deadline_due"), deadline_source=r.get("deadline_source"),
                deadline_text=deadline_text, verdict=verdict, leads=tuple(sorted({x for x in r.get("leads") or () if x})),
                status=status, as_of=day.isoformat(), result=result.get("result") if result else None,
                result_date=rdate, result_basis=basis, document_label=_doc_label(r), evidence=tuple(evidence),
            )
        )
    return out


# -- counting, in the official form ------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """How many tasks in each status; ``total`` includes those without a deadline (``undated``)."""

    total: int = 0
    done_on_time: int = 0
    done_late: int = 0
    open_in_time: int = 0
    open_overdue: int = 0
    undated: int = 0

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late

    @property
    def open(self) -> int:
        return self.open_in_time + self.open_overdue

    def get(self, status: str) -> int:
        return int(getattr(self, status))

    def share(self, status: str) -> float:
        """Per cent of ``total`` (0 when there is no task)."""
        return 100.0 * self.get(status) / self.total if self.total else 0.0

    @classmethod
    def of(cls, tasks: Iterable[TaskStatus]) -> Counts:
        n: dict[str, int] = defaultdict(int)
        total = 0
        for t in tasks:
            total += 1
            n[t.status or "undated"] += 1
        return cls(total, n[DONE_ON_TIME], n[DONE_LATE], n[OPEN_IN_TIME], n[OPEN_OVERDUE], n["undated"])


@dataclass(frozen=True)
class Report:
    """What an inspection committee reports: counts per unit and period, per responsible body, the overdue list."""

    tasks: tuple[TaskStatus, ...]
    #: the as-of day of each unit
    as_of: dict[str, str]
    by_period: tuple[tuple[str, str, Counts], ...]
    by_body: tuple[tuple[str, Counts], ...]
    totals: Counts
    #: the tasks not done past their deadline, and those done late, with their evidence
    overdue: tuple[TaskStatus, ...]
    late: tuple[TaskStatus, ...]
    units: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()


def summarize(tasks: Sequence[TaskStatus]) -> Report:
    """Counts per unit and period, per responsible body (each lead; a task with two leads counts for both), in total.

    >>> t = TaskStatus("i", "d", "phường A", "2026-09", "1", "Nạo vét kênh.", "2026-09", "2026-09-30", "default", None,
    ...                "silent", ("UBND phường",), OPEN_OVERDUE, "2026-10-01")
    >>> r = summarize([t]); r.totals.open_overdue, r.by_body[0][0], len(r.overdue)
    (1, 'UBND phường', 1)
    """
    groups: dict[tuple[str, str], list[TaskStatus]] = defaultdict(list)
    bodies: dict[str, list[TaskStatus]] = defaultdict(list)
    for t in tasks:
        groups[(t.unit, t.period)].append(t)
        for b in t.leads or (NO_LEAD_LABEL,):
            bodies[b].append(t)
    order = sorted(tasks, key=lambda t: (t.unit, t.period, t.document, t.path))
    return Report(
        tasks=tuple(order),
        as_of={t.unit: t.as_of for t in tasks},
        by_period=tuple((u, p, Counts.of(ts)) for (u, p), ts in sorted(groups.items())),
        by_body=tuple((b, Counts.of(ts)) for b, ts in sorted(bodies.items(), key=lambda kv: (kv[0] == NO_LEAD_LABEL, kv[0]))),
        totals=Counts.of(tasks),
        overdue=tuple(t for t in order if t.status == OPEN_OVERDUE),
        late=tuple(t for t in order if t.status == DONE_LATE),
        units=tuple(sorted({t.unit for t in tasks})),
        periods=tuple(sorted({t.period for t in tasks if t.period})),
    )


def status_report(store: Any, unit: str | None = None, as_of: dt.date | None = None, period: str | None = None) -> Report:
    """The report of ``unit`` (every unit when None), as of ``as_of`` (default: each unit's newest document)."""
    rows = store.query("task_status", {"unit": unit})
    if period:
        rows = [r for r in rows if r.get("period") == period]
    newest = newest_dates(store.query("documents", {"unit": unit})) if as_of is None else None
    return summarize(task_statuses(rows, as_of, newest))


def percent(value: float) -> str:
    """A share as Vietnamese reports write it: '87,5%'.

    >>> percent(87.5), percent(100.0), percent(0)
    ('87,5%', '100%', '0%')
    """
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def form_sentence(c: Counts) -> str:
    """The counts in the words of the Government Office's reports.

    >>> form_sentence(Counts(10, 6, 1, 2, 1))
    'Tổng số 10 nhiệm vụ; đã hoàn thành 7 (đúng hạn: 6, quá hạn: 1); chưa hoàn thành 3 (trong hạn: 2, quá hạn: 1).'
    """
    out = (f"Tổng số {c.total} nhiệm vụ; đã hoàn thành {c.done} (đúng hạn: {c.done_on_time}, quá hạn: {c.done_late}); "
           f"chưa hoàn thành {c.open} (trong hạn: {c.open_in_time}, quá hạn: {c.open_overdue})")
    if c.undated:
        out += f"; {c.undated} nhiệm vụ không xác định được thời hạn"
    return out + "."
