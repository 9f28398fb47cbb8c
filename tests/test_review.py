"""Inspectors confirm and correct the month-to-month links: decisions kept apart from the
computed links, keyed by stable item identities, surviving re-ingest and revision, on both stores."""

from __future__ import annotations

import shutil

import pytest

from graph import review
from graph.linking import Link, LinkItem, LinkResult, apply_reviews
from graph.loader import ingest_paths
from graph.records import item_scope, stable_key, to_records
from ingest.pipeline import parse_file
from tests.helpers import DEMO
from tests.neo4j_server import neo4j_server  # noqa: F401 - session fixture
from tests.test_store_contract import _open
from vanban import security
from vanban.errors import WriteNotAllowed

BACKENDS = ["ladybug", pytest.param("neo4j", marks=pytest.mark.neo4j)]
UNIT = "phường An Lạc"
# three months of one ward: September's plan, October's report and plan, November's report
SERIES = ("gia-dinh-phuong-an-lac-2025-09-tb.txt", "gia-dinh-phuong-an-lac-2025-10-nq.txt", "gia-dinh-phuong-an-lac-2025-11-tb.txt")


# -- stable identity ------------------------------------------------------------------

SCOPE = item_scope(UNIT, "Nghị quyết", ["2025-10"], ["2025-11"], "result")


@pytest.mark.parametrize(
    "a, b, same",
    [
        # spacing, case, punctuation and accents do not change an item's identity
        ("Kết nạp 03 đảng viên mới.", "Kết nạp  03 đảng viên mới", True),
        ("Kết nạp 03 đảng viên mới.", "KẾT NẠP 03 ĐẢNG VIÊN MỚI.", True),
        ("Kết nạp 03 đảng viên mới.", "Ket nap 03 dang vien moi.", True),
        # a different figure is a different item
        ("Kết nạp 03 đảng viên mới.", "Kết nạp 04 đảng viên mới.", False),
    ],
)
def test_stable_key_ignores_form_not_content(a: str, b: str, same: bool) -> None:
    assert (stable_key(SCOPE, a) == stable_key(SCOPE, b)) is same


def test_stable_key_is_kept_by_a_reparse_and_differs_per_item() -> None:
    path = DEMO / SERIES[1]
    keys = [r["stable_key"] for r in to_records(parse_file(path)).nodes["Item"]]
    again = [r["stable_key"] for r in to_records(parse_file(path)).nodes["Item"]]
    assert keys == again
    assert len(set(keys)) == len(keys)  # the same sentence twice gets ~2
    # the scope differs by role and by the document's months
    assert item_scope(UNIT, "Nghị quyết", ["2025-10"], ["2025-11"], "task") != SCOPE
    assert item_scope(UNIT, "Nghị quyết", ["2025-11"], ["2025-12"], "result") != SCOPE


# -- the overlay, without a store ---------------------------------------------------------

def _item(iid: str, role: str, text: str) -> LinkItem:
    return LinkItem(iid, iid.split("#")[0], role, None, text, stable_key=f"s:{iid}")


ITEMS = [
    _item("a#t1", "task", "Hoàn thành giải phóng mặt bằng kênh Ba Gian."),
    _item("a#t2", "task", "Kết nạp đảng viên mới."),
    _item("b#r1", "result", "Đã hoàn thành giải phóng mặt bằng kênh Ba Gian."),
    _item("b#r2", "result", "Đạt 69,2% kế hoạch kết nạp đảng viên."),
    _item("b#r3", "result", "Kết nạp 03 đảng viên mới."),
]
COMPUTED = LinkResult(
    links=[Link("FOLLOWED_BY", "a#t1", "b#r1", 0.8, "done"), Link("FOLLOWED_BY", "a#t2", "b#r2", 0.3, "partial")],
    verdicts={"a#t1": "done", "a#t2": "partial"},
)


def _rv(action: str, src: str, tgt: str | None = None, at: str = "2026-01-01T00:00:00", **kw: str) -> dict:
    texts = {it.id: it.text for it in ITEMS}
    return {"action": action, "kind": "FOLLOWED_BY", "source_key": f"s:{src}", "target_key": f"s:{tgt}" if tgt else None,
            "source_text": texts[src], "target_text": texts.get(tgt or ""), "at": at, "id": at, **kw}


@pytest.mark.parametrize(
    "reviews, links, verdicts, human_verdicts",
    [
        # confirm: the computed link stays, marked human
        ([_rv("confirm", "a#t1", "b#r1")], {("a#t1", "b#r1", "human"), ("a#t2", "b#r2", "computed")}, {"a#t1": "done"}, set()),
        # reject: the link goes; with no other answer the task is silent
        ([_rv("reject", "a#t2", "b#r2")], {("a#t1", "b#r1", "computed")}, {"a#t2": "silent"}, set()),
        # link: the human link replaces the computed one; its verdict follows the new result
        ([_rv("link", "a#t2", "b#r3")], {("a#t1", "b#r1", "computed"), ("a#t2", "b#r3", "human")}, {"a#t2": "done"}, set()),
        # a later decision overrides an earlier one on the same link
        ([_rv("reject", "a#t1", "b#r1", at="2026-01-01"), _rv("confirm", "a#t1", "b#r1", at="2026-01-02")],
         {("a#t1", "b#r1", "human"), ("a#t2", "b#r2", "computed")}, {"a#t1": "done"}, set()),
        # a verdict by hand wins over the links' verdict
        ([_rv("verdict", "a#t1", verdict="partial")], {("a#t1", "b#r1", "computed"), ("a#t2", "b#r2", "computed")},
         {"a#t1": "partial"}, {"a#t1"}),
        # a decision whose item is gone changes nothing
        ([{**_rv("reject", "a#t1", "b#r1"), "source_key": "gone:x", "source_text": "Một việc khác hẳn."}],
         {("a#t1", "b#r1", "computed"), ("a#t2", "b#r2", "computed")}, {"a#t1": "done"}, set()),
    ],
)
def test_apply_reviews(reviews, links, verdicts, human_verdicts) -> None:
    out = apply_reviews(COMPUTED, reviews, ITEMS)
    assert {(lk.source, lk.target, lk.origin) for lk in out.links} == links
    for k, v in verdicts.items():
        assert out.verdicts[k] == v
    assert {k for k, v in out.verdict_sources.items() if v == "human"} == human_verdicts
    assert COMPUTED.links[0].origin == "computed"  # the computed result is not changed in place


@pytest.mark.parametrize(
    "scope, text, status",
    [
        # one word added in a revision: the same result, re-attached
        ("report", "Đã hoàn thành giải phóng mặt bằng tuyến kênh Ba Gian.", "reattached"),
        # the same words in another scope (another document's months, another role): not this item
        ("other", "Đã hoàn thành giải phóng mặt bằng kênh Ba Gian.", "orphaned"),
        # rewritten: too few words left
        ("report", "Kênh Ba Gian đã được bàn giao mặt bằng cho chủ đầu tư.", "orphaned"),
        # unchanged: found by its key
        ("report", "Đã hoàn thành giải phóng mặt bằng kênh Ba Gian.", "attached"),
    ],
)
def test_an_edited_item_is_reattached_by_its_words(scope: str, text: str, status: str) -> None:
    old = "Đã hoàn thành giải phóng mặt bằng kênh Ba Gian."
    task = LinkItem("a#t1", "a", "task", None, "Hoàn thành giải phóng mặt bằng kênh Ba Gian.", stable_key=stable_key("plan", ITEMS[0].text))
    now = LinkItem("b#r9", "b", "result", None, text, stable_key=stable_key(scope, text))
    rv = {"action": "confirm", "kind": "FOLLOWED_BY", "source_key": task.stable_key, "target_key": stable_key("report", old),
          "source_text": task.text, "target_text": old}
    _, tgt, got = review.review_status(rv, [task, now])
    assert got == status and (tgt is now) is (status != "orphaned")


# -- on the stores ------------------------------------------------------------------------

@pytest.fixture(params=BACKENDS)
def series(request, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in SERIES:
        shutil.copy(DEMO / name, folder / name)
    store = _open(request, tmp_path)
    ingest_paths(store, [folder], link=True, workers=1, bulk=False)
    yield store, folder, request
    store.close()


def _board(store) -> dict:
    links = {(r["link"], r["from_item"], r["to_item"]): (r["source"], r["score"]) for r in store.query("board_links", {"unit": UNIT})}
    verdicts = {r["item"]: (r["verdict"], r["verdict_source"]) for r in store.query("board_tasks", {"unit": UNIT})}
    return {"links": links, "verdicts": verdicts}


def _log(store) -> list:
    return [{k: r[k] for k in ("at", "reviewer", "action", "kind", "verdict", "note", "task", "target", "status")}
            for r in review.review_log(store)]


def test_decisions_survive_reingest_and_a_revised_file(series) -> None:
    store, folder, _ = series
    before = _board(store)
    follows = sorted(k for k in before["links"] if k[0] == "followed_by")
    assert len(follows) >= 3 and all(before["links"][k][0] == "computed" for k in follows)
    (_, t_ok, r_ok), (_, t_bad, r_bad) = follows[0], follows[1]
    # a result of the same report that the third task is not linked to: the inspector re-links it
    _, t_re, r_old = follows[2]
    report = r_old.split("#")[0]
    r_new = next(r["item"] for r in store.query("unit_items", {"unit": UNIT, "role": "result"})
                 if r["document"] == report and r["item"] != r_old)
    review.decide(store, "confirm", t_ok, target=r_ok, reviewer="lan", note="đúng", at="2026-01-01T08:00:00+00:00")
    review.decide(store, "reject", t_bad, target=r_bad, reviewer="lan", note="không liên quan", at="2026-01-01T08:01:00+00:00")
    review.decide(store, "link", t_re, target=r_new, reviewer="minh", at="2026-01-01T08:02:00+00:00")
    silent = next(t for t, (v, _) in before["verdicts"].items() if v not in ("done", "partial") and t != t_re)
    review.decide(store, "verdict", silent, verdict="partial", reviewer="minh", note="báo cáo miệng", at="2026-01-01T08:03:00+00:00")

    after = _board(store)
    assert after["links"][("followed_by", t_ok, r_ok)] == ("human", before["links"][("followed_by", t_ok, r_ok)][1])
    assert ("followed_by", t_bad, r_bad) not in after["links"]
    assert ("followed_by", t_re, r_old) not in after["links"]
    assert after["links"][("followed_by", t_re, r_new)][0] == "human"
    assert after["verdicts"][silent] == ("partial", "human")
    untouched = {k for k in before["links"] if k[1] not in {t_ok, t_bad, t_re}}
    assert all(after["links"][k] == before["links"][k] for k in untouched)
    ft = [r for r in store.query("follow_through", {"unit": UNIT}) if r["task_item"] == t_ok and r["result"]]
    assert {r["source"] for r in ft} == {"human"}
    log = _log(store)
    assert [(r["action"], r["reviewer"], r["status"]) for r in log] == [
        ("confirm", "lan", "attached"), ("reject", "lan", "attached"), ("link", "minh", "attached"), ("verdict", "minh", "attached")]
    assert log[1]["note"] == "không liên quan"
    assert [r["action"] for r in store.query("review_log", {"reviewer": "lan"})] == ["confirm", "reject"]

    # the same files again: nothing changes, the decisions hold
    summary = ingest_paths(store, [folder], link=True, workers=1, bulk=False)
    assert summary.unchanged == len(SERIES)
    from graph.linking import relink_units

    relink_units(store, [UNIT])  # a relink recomputes and lays the decisions over again
    assert _board(store) == after and _log(store) == log

    # a revised October: the confirmed result's sentence edited, the rejected result's sentence removed
    ok_text = next(r["text"] for r in store.query("unit_items", {"unit": UNIT}) if r["item"] == r_ok)
    bad_text = next(r["text"] for r in store.query("unit_items", {"unit": UNIT}) if r["item"] == r_bad)
    october = next(p for p in folder.iterdir() if ok_text in p.read_text(encoding="utf-8"))
    text = october.read_text(encoding="utf-8")
    edited = ok_text.rstrip(".") + " theo kế hoạch."
    assert ok_text in text and (bad_text in text or r_bad.split("#")[0] != r_ok.split("#")[0])
    october.write_text(text.replace(ok_text, edited).replace(bad_text, ""), encoding="utf-8")
    summary = ingest_paths(store, [folder], link=True, workers=1, bulk=False)
    assert summary.replaced == 1
    now = _board(store)
    ok_now = [k for k, v in now["links"].items() if k[1] == t_ok and k[0] == "followed_by" and v[0] == "human"]
    assert len(ok_now) == 1
    assert next(r["text"] for r in store.query("unit_items", {"unit": UNIT}) if r["item"] == ok_now[0][2]) == edited
    assert now["verdicts"][silent] == ("partial", "human")
    assert now["links"][("followed_by", t_re, r_new)][0] == "human"
    statuses = {r["action"]: r["status"] for r in _log(store)}
    assert statuses["confirm"] == "reattached"
    if bad_text in text:
        assert statuses["reject"] == "orphaned"  # its result is gone: kept in the log, shown orphaned
    assert len(_log(store)) == 4


def test_a_reader_cannot_write_a_decision(series, tmp_path) -> None:
    store, _, request = series
    task = store.query("board_tasks", {"unit": UNIT})[0]
    row = {"unit": UNIT, "action": "verdict", "source_key": task["stable_key"], "verdict": "done", "reviewer": "x",
           "at": "2026-01-01T00:00:00"}
    if store.backend == "ladybug":
        store.close()  # one writer or readers on a LadybugDB file
    reader = _open(request, tmp_path, read_only=True, wipe=False)
    try:
        with pytest.raises(WriteNotAllowed):
            reader.add_review(row)
        with pytest.raises(WriteNotAllowed):
            review.decide(reader, "verdict", task["item"], verdict="done", reviewer="x")
        assert reader.reviews(UNIT) == []
    finally:
        reader.close()


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"action": "approve"}, "review action 'approve' is not one of confirm, reject, link, verdict"),
        ({"reviewer": " "}, "a review needs a reviewer"),
        ({"action": "verdict", "verdict": "pending"}, "verdict 'pending' is not one of done, partial, carried_over, silent"),
        ({"kind": "RECURS"}, "review kind 'RECURS' is not one of FOLLOWED_BY, CARRIED_OVER"),
        ({"target_key": None}, "a confirm decision needs the target item's stable key"),
    ],
)
def test_a_bad_decision_is_refused_with_its_reason(tmp_path, bad: dict, message: str) -> None:
    from graph.embedded import EmbeddedStore

    good = {"unit": UNIT, "action": "confirm", "kind": "FOLLOWED_BY", "source_key": "a:b", "target_key": "c:d",
            "reviewer": "lan", "at": "2026-01-01T00:00:00"}
    with EmbeddedStore(tmp_path / "g.db") as store:
        with pytest.raises(ValueError, match=message.replace("(", r"\(")):
            store.add_review({**good, **bad})
        assert store.reviews() == []


def test_review_errors_name_the_item(series) -> None:
    store, _, _ = series
    tasks = store.query("board_tasks", {"unit": UNIT})
    with pytest.raises(review.ReviewError, match="no item 'nope#i1' in the store"):
        review.decide(store, "verdict", "nope#i1", verdict="done", reviewer="lan")
    t = tasks[0]["item"]
    same_doc = next(r["item"] for r in store.query("unit_items", {"unit": UNIT, "role": "result"})
                    if r["document"] == tasks[0]["document"]) if any(
        r["document"] == tasks[0]["document"] for r in store.query("unit_items", {"unit": UNIT, "role": "result"})) else None
    if same_doc:
        with pytest.raises(review.ReviewError, match="in the task's own document"):
            review.decide(store, "link", t, target=same_doc, reviewer="lan")
    with pytest.raises(review.ReviewError, match="a task; a FOLLOWED_BY link goes to a result"):
        review.decide(store, "link", t, target=tasks[-1]["item"], reviewer="lan")


def test_stats_measure_the_linker_against_the_decisions(series) -> None:
    store, _, _ = series
    follows = sorted((r["from_item"], r["to_item"]) for r in store.query("board_links", {"unit": UNIT}) if r["link"] == "followed_by")
    for t, r in follows[:3]:
        review.decide(store, "confirm", t, target=r, reviewer="lan")
    review.decide(store, "reject", *follows[3][:1], target=follows[3][1], reviewer="lan")
    stats = review.review_stats(store)
    assert stats == [{"unit": UNIT, "confirmed": 3, "rejected": 1, "linked": 0, "precision": 0.75, "recall": 1.0,
                      "verdicts": 0, "verdict_agreement": None}]


def test_password_hash_round_trip() -> None:
    h = security.hash_password("mật khẩu")
    assert security.verify_password("mật khẩu", h)
    assert not security.verify_password("mat khau", h)
    assert not security.verify_password("mật khẩu", "plain-text")
    assert security.hash_password("mật khẩu") != h  # salted


# -- the command line ----------------------------------------------------------------------

def test_cli_review_verbs(series, tmp_path) -> None:
    import json

    from typer.testing import CliRunner

    from vanban.cli import app

    store, _, _ = series
    if store.backend != "ladybug":
        pytest.skip("the CLI is the same code on both stores; run once")
    follows = sorted((r["from_item"], r["to_item"]) for r in store.query("board_links", {"unit": UNIT}) if r["link"] == "followed_by")
    store.close()
    db = ["--db", str(tmp_path / "graph.db")]
    run = CliRunner().invoke
    (t1, r1), (t2, r2) = follows[0], follows[1]

    out = run(app, ["review", "confirm", t1, r1, *db])  # no reviewer: refused by typer
    assert out.exit_code != 0 and "--reviewer" in out.output
    out = run(app, ["review", "confirm", t1, r1, "--reviewer", "lan", "--note", "đúng", *db])
    assert out.exit_code == 0, out.output
    out = run(app, ["review", "reject", t2, r2, "--reviewer", "minh", *db])
    assert out.exit_code == 0, out.output
    out = run(app, ["review", "verdict", t2, "pending", "--reviewer", "minh", *db])
    assert out.exit_code == 1 and "Error: verdict 'pending' is not one of done, partial, carried_over, silent" in out.output
    out = run(app, ["review", "link", t1, "nope#i9", "--reviewer", "lan", *db])
    assert out.exit_code == 1 and "Error: no item 'nope#i9' in the store" in out.output

    log = json.loads(run(app, ["review", "log", "--format", "json", *db]).stdout)
    assert [(r["action"], r["reviewer"], r["note"], r["status"]) for r in log] == [
        ("confirm", "lan", "đúng", "attached"), ("reject", "minh", None, "attached")]
    stats = json.loads(run(app, ["review", "stats", "--format", "json", *db]).stdout)
    assert stats == [{"unit": UNIT, "confirmed": 1, "rejected": 1, "linked": 0, "precision": 0.5, "recall": 1.0,
                      "verdicts": 0, "verdict_agreement": None}]
    ft = json.loads(run(app, ["query", "follow_through", "-p", f"unit={UNIT}", "--format", "json", *db]).stdout)
    assert {r["source"] for r in ft if r["task_item"] == t1 and r["result"]} == {"human"}
    out = run(app, ["review", "hash-password", "--password", "abc"])
    assert out.exit_code == 0 and security.verify_password("abc", out.stdout.strip())
