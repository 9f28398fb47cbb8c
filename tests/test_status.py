"""The official status of every task, and the inspection committee's report.

* the rule (:func:`graph.status.official_status`) as a table;
* how a result's date is known, carried-over tasks followed, what ``as_of`` hides;
* end to end on ``tests/data/deadlines`` (three fictional notices, every task
  labelled by hand in ``expected.json``): ingest, link, the statuses on two
  days, the counts, and the XLSX and DOCX opened again (openpyxl,
  python-docx) holding the same numbers — on LadybugDB and on Neo4j.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from graph import status as st
from graph.embedded import EmbeddedStore
from graph.linking import relink_units
from graph.report import TITLE, report_docx, report_xlsx, write_report
from ingest.pipeline import parse_file
from tests.helpers import ROOT
from tests.neo4j_server import neo4j_server  # noqa: F401 - session fixture

SERIES = ROOT / "tests" / "data" / "deadlines"
EXPECTED = json.loads((SERIES / "expected.json").read_text(encoding="utf-8"))
D = dt.date

# (verdict, result date, due, as of, status)
RULE = [
    ("done", "2026-09-10", "2026-09-15", D(2026, 10, 1), st.DONE_ON_TIME),   # a day before the deadline
    ("done", "2026-09-15", "2026-09-15", D(2026, 10, 1), st.DONE_ON_TIME),   # on the day: on time
    ("done", "2026-09-16", "2026-09-15", D(2026, 10, 1), st.DONE_LATE),      # a day after
    ("done", "2026-09", "2026-09-15", D(2026, 10, 1), st.DONE_ON_TIME),      # reported for the deadline's month, no day
    ("done", "2026-10", "2026-09-30", D(2026, 11, 1), st.DONE_LATE),         # reported for the month after
    ("done", None, "2026-09-30", D(2026, 11, 1), st.DONE_ON_TIME),           # nothing says it was late
    ("partial", "2026-09", "2026-09-30", D(2026, 10, 1), st.OPEN_OVERDUE),   # not finished, past the deadline
    ("partial", "2026-09", "2026-09-30", D(2026, 9, 30), st.OPEN_IN_TIME),   # the deadline is today
    ("silent", None, "2026-09-30", D(2026, 10, 28), st.OPEN_OVERDUE),
    ("carried_over", None, "2026-10-20", D(2026, 10, 28), st.OPEN_OVERDUE),
    ("pending", None, "2026-11-30", D(2026, 10, 28), st.OPEN_IN_TIME),
    (None, None, "2026-11-30", D(2026, 12, 1), st.OPEN_OVERDUE),             # not rated yet: not done
    ("done", "2026-09-10", None, D(2026, 10, 1), None),                      # no deadline known
]


@pytest.mark.parametrize(("verdict", "result", "due", "as_of", "expected"), RULE)
def test_official_status(verdict, result, due, as_of, expected):
    assert st.official_status(verdict, result, due, as_of) == expected


def test_a_bad_result_date_is_refused_with_its_value():
    with pytest.raises(ValueError, match="'9/2026'"):
        st.official_status("done", "9/2026", "2026-09-30", D(2026, 10, 1))


@pytest.mark.parametrize(
    ("result", "report", "months", "expected"),
    [
        ("Ngày 24/9, hoàn thành nạo vét 1,2 km mương thoát nước.", "2026-09-29", ["2026-09"], ("2026-09-24", "text")),
        # a report of 5 October reviewing September: the work was done in September
        ("Đã hoàn thành nạo vét mương thoát nước.", "2026-10-05", ["2026-09"], ("2026-09", "period")),
        # a two-month report: the earliest month it can be
        ("Đã hoàn thành nạo vét mương thoát nước.", "2027-01-05", ["2026-11", "2026-12"], ("2026-11", "period")),
        ("Đã hoàn thành nạo vét mương thoát nước.", "2026-10-05", [], ("2026-10-05", "report")),
        ("Đã hoàn thành nạo vét mương thoát nước.", None, [], (None, None)),
    ],
)
def test_when_a_result_was_done(result, report, months, expected):
    assert st.result_time(result, report, months) == expected


def _row(item, verdict, *, due="2026-09-30", period="2026-09", doc_date="2026-08-28", results=(), next_item=None, leads=()):
    base = {"item": item, "document": "d", "unit": "phường A", "period": period, "path": "1", "task": f"Nhiệm vụ {item}.",
            "task_start": 0, "doc_type": "Thông báo kết luận", "number": "1", "symbol": "TB/ĐU", "document_date": doc_date,
            "deadline": due[:7], "deadline_due": due, "deadline_source": "default", "deadline_start": None, "deadline_end": None,
            "verdict": verdict, "leads": list(leads), "next_item": next_item}
    if not results:
        return [base | {"result_item": None, "result": None, "result_verdict": None, "result_document": None,
                        "result_date": None, "result_months": None}]
    return [base | {"result_item": f"{item}-r{k}", "result": text, "result_verdict": v, "result_document": "e",
                    "result_date": date, "result_months": months} for k, (text, v, date, months) in enumerate(results)]


def test_a_task_carried_over_and_done_later_is_done_late():
    rows = _row("t1", "carried_over", next_item="t2") + _row(
        "t2", "done", due="2026-10-31", period="2026-10", doc_date="2026-09-29",
        results=[("Đã hoàn thành.", "done", "2026-10-28", "2026-10")])
    got = {t.item: t for t in st.task_statuses(rows, D(2026, 10, 28))}
    assert got["t1"].status == st.DONE_LATE and got["t1"].result_date == "2026-10"
    assert any("Được đề ra lại" in e for e in got["t1"].evidence)
    assert got["t2"].status == st.DONE_ON_TIME


def test_as_of_hides_later_results_and_later_tasks():
    rows = _row("t1", "done", results=[("Đã hoàn thành.", "done", "2026-09-29", "2026-09")]) + _row(
        "t2", "pending", due="2026-10-31", period="2026-10", doc_date="2026-09-29")
    before = {t.item: t.status for t in st.task_statuses(rows, D(2026, 9, 20))}
    assert before == {"t1": st.OPEN_IN_TIME}  # the result and the October task were not out yet
    after = {t.item: t.status for t in st.task_statuses(rows, D(2026, 10, 1))}
    assert after == {"t1": st.DONE_ON_TIME, "t2": st.OPEN_IN_TIME}


def test_default_as_of_is_each_units_newest_document():
    docs = [{"unit": "phường A", "date": "2026-09-29"}, {"unit": "phường A", "date": "2026-10"},
            {"unit": "phường B", "date": None, "planned_period": "2026-12"}, {"unit": None, "date": "2027-01-01"}]
    assert st.newest_dates(docs) == {"phường A": D(2026, 10, 1), "phường B": D(2026, 12, 1)}


def test_counts_per_body_count_a_task_for_each_lead():
    rows = _row("t1", "silent", leads=["UBND phường", "Công an phường"]) + _row("t2", "silent")
    r = st.summarize(st.task_statuses(rows, D(2026, 10, 28)))
    assert dict((b, c.total) for b, c in r.by_body) == {"Công an phường": 1, "UBND phường": 1, st.NO_LEAD_LABEL: 1}
    assert r.totals.total == 2 and r.totals.open_overdue == 2 and len(r.overdue) == 2


# -- end to end: the three notices of tests/data/deadlines ------------------------------------


def _load(store) -> None:
    for f in sorted(SERIES.glob("*.txt")):
        store.upsert_document(parse_file(f))
    relink_units(store, [EXPECTED["unit"]])


@pytest.fixture(scope="module")
def ladybug_series(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("deadlines") / "s.db")
    _load(s)
    yield s
    s.close()


@pytest.fixture(scope="module")
def neo4j_series(request):
    from graph.neo4j_store import Neo4jStore

    server = request.getfixturevalue("neo4j_server")
    s = Neo4jStore(server.uri, server.user, server.password)
    s.wipe()
    _load(s)
    yield s
    s.close()


@pytest.fixture(params=["ladybug", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def series(request):
    return request.getfixturevalue(f"{request.param}_series")


def _match(report: st.Report) -> dict[str, st.TaskStatus]:
    """Each hand-labelled task (by a fragment of its words) -> its computed status."""
    out = {}
    for e in EXPECTED["tasks"]:
        found = [t for t in report.tasks if e["task"] in t.task]
        assert len(found) <= 1, e["task"]
        if found:
            out[e["task"]] = found[0]
    return out


def test_every_task_gets_the_deadline_read_by_hand(series):
    got = _match(st.status_report(series))
    assert len(got) == len(EXPECTED["tasks"])
    for e in EXPECTED["tasks"]:
        t = got[e["task"]]
        assert (t.deadline, t.deadline_source) == (e["deadline"], e["source"]), e["task"]


@pytest.mark.parametrize("day", ["2026-10-28", "2026-09-30"])
def test_statuses_and_counts_match_the_hand_count(series, day):
    as_of = None if day == "2026-10-28" else D.fromisoformat(day)  # 28/10: the default, the newest notice
    report = st.status_report(series, as_of=as_of)
    assert set(report.as_of.values()) == {day}
    got = _match(report)
    for e in EXPECTED["tasks"]:
        want = e["status"][day]
        assert (got[e["task"]].status if e["task"] in got else None) == want, (e["task"], e["why"])
    hand = Counter(e["status"][day] for e in EXPECTED["tasks"] if e["status"][day])
    assert {s: report.totals.get(s) for s in st.STATUSES} == {s: hand[s] for s in st.STATUSES}
    assert report.totals.total == sum(hand.values())
    assert [t.task for t in report.overdue] == [t.task for t in report.tasks if t.status == st.OPEN_OVERDUE]


def test_one_late_one_on_time_one_open_past_its_deadline(series):
    report = st.status_report(series)
    by = {t.status for t in report.tasks}
    assert {st.DONE_LATE, st.DONE_ON_TIME, st.OPEN_OVERDUE} <= by
    late = next(t for t in report.late if "mương" in t.task)
    assert (late.result_date, late.result_basis, late.deadline_text) == ("2026-09-24", "text", "trước ngày 15/9")
    assert any("Ngày 24/9" in e for e in late.evidence)


@pytest.mark.neo4j
def test_both_stores_give_the_same_report(ladybug_series, neo4j_series):
    a, b = st.status_report(ladybug_series), st.status_report(neo4j_series)
    assert [(t.task, t.deadline, t.status, t.result_date) for t in a.tasks] == [
        (t.task, t.deadline, t.status, t.result_date) for t in b.tasks]


def _xlsx_counts(data: bytes) -> tuple[dict[tuple[str, str], list], list]:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    ws = wb["Tổng hợp"]
    rows = list(ws.iter_rows(min_row=6, values_only=True))
    per = {(r[0], r[1]): list(r[2:]) for r in rows if r[0] and r[0] != "Tổng cộng"}
    total = next(list(r[2:]) for r in rows if r[0] == "Tổng cộng")
    return per, total


def test_xlsx_and_docx_hold_the_numbers_of_the_board(series):
    from docx import Document

    report = st.status_report(series)
    expected_total = [report.totals.total]
    for s in st.STATUSES:
        expected_total += [report.totals.get(s), st.percent(report.totals.share(s))]

    per, total = _xlsx_counts(report_xlsx(report))
    assert total == expected_total
    assert len(per) == len(report.by_period)
    for unit, period, c in report.by_period:
        row = per[(unit, f"{period[5:]}/{period[:4]}")]
        assert row[0] == c.total and row[1::2] == [c.get(s) for s in st.STATUSES]

    doc = Document(io.BytesIO(report_docx(report)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert TITLE.upper() in text and st.form_sentence(report.totals) in text
    total_row = [c.text for c in doc.tables[0].rows[-1].cells]
    assert total_row[0] == "Tổng cộng" and total_row[2] == str(report.totals.total)
    assert total_row[3:] == [f"{report.totals.get(s)} ({st.percent(report.totals.share(s))})" for s in st.STATUSES]
    # every overdue task is listed with its evidence
    for t in report.overdue:
        assert t.task in text
    assert "Các văn bản sau của đơn vị không báo cáo kết quả nhiệm vụ này." in text or all(t.evidence for t in report.overdue)
    # the board computes the same counts from the same rows
    from app_pages import board_view

    rows = series.query("task_status", {})
    board = board_view.with_status(board_view.board_frame(series.query("board_tasks", {}), series.query("board_links", {})),
                              st.task_statuses(rows, None, st.newest_dates(series.query("documents", {}))))
    assert Counter(board["status"]) == Counter({s: report.totals.get(s) for s in st.STATUSES if report.totals.get(s)})
    overdue = board_view.filter_board(board, statuses=[st.OPEN_OVERDUE])
    assert sorted(overdue["task"]) == sorted(t.task for t in report.overdue)


def test_write_report_names_the_valid_formats():
    with pytest.raises(ValueError, match="xlsx, docx"):
        write_report(st.summarize([]), "pdf")


def test_percent_and_the_official_sentence():
    c = st.Counts(21914, 14068, 1983, 5640, 223)
    assert st.form_sentence(c) == ("Tổng số 21914 nhiệm vụ; đã hoàn thành 16051 (đúng hạn: 14068, quá hạn: 1983); "
                                   "chưa hoàn thành 5863 (trong hạn: 5640, quá hạn: 223).")
    assert st.percent(c.share(st.DONE_ON_TIME)) == "64,2%"


def test_verdict_labels_are_the_boards():
    from app_pages import screen

    assert st.VERDICT_LABELS == screen.VERDICT_LABELS


def test_an_empty_store_gives_an_empty_report(tmp_path: Path):
    s = EmbeddedStore(tmp_path / "e.db")
    try:
        r = st.status_report(s)
    finally:
        s.close()
    assert r.totals == st.Counts() and not r.tasks
    data = report_docx(r)
    assert data[:2] == b"PK"
