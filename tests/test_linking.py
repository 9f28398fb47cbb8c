"""Month-to-month links, measured against the hand labels of the demo corpus
(samples/demo/labels.json), plus the rules that must hold on any series."""

from __future__ import annotations

import pytest

from graph.linking import LinkDoc, LinkItem, link_documents, verdict_of_result
from tests.helpers import DEMO
from tools.eval_linking import evaluate


@pytest.fixture(scope="module")
def scores() -> dict:
    return evaluate(DEMO)


# measure, minimum F1 (figures in the README; the thresholds were chosen on this corpus)
FLOORS = [
    ("follow_through", 0.90),
    ("carry_over", 0.75),
    ("silent", 0.80),
    ("pending", 0.99),
    ("recurring_limitations", 0.70),
    ("cites_previous", 0.99),
]


@pytest.mark.parametrize("measure, floor", FLOORS)
def test_demo_links_against_hand_labels(scores: dict, measure: str, floor: float) -> None:
    assert scores[measure]["f1"] >= floor, scores[measure]


def test_done_or_partial_is_right_on_matched_links(scores: dict) -> None:
    assert scores["verdict_accuracy"] >= 0.9


def test_nothing_links_across_units(scores: dict) -> None:
    assert scores["cross_unit_links"] == 0


def _doc(doc_id: str, unit: str, reported: str, planned: str, items: list[tuple[str, str, str]]) -> LinkDoc:
    return LinkDoc(
        id=doc_id, unit=unit, reported_period=reported, planned_period=planned, date=None,
        items=tuple(LinkItem(id=f"{doc_id}#{k}", doc_id=doc_id, role=role, period=period, text=text) for k, (role, period, text) in enumerate(items)),
    )


TASK = "Tổ chức Hội nghị hiệp thương lần thứ ba, lập danh sách người ứng cử đại biểu Hội đồng nhân dân phường."
RESULT = "Đã tổ chức thành công Hội nghị hiệp thương lần thứ ba, lập danh sách chính thức người ứng cử đại biểu Hội đồng nhân dân phường."


def test_identical_wards_do_not_link_to_each_other() -> None:
    a1 = _doc("a1", "phường A", "2026-01", "2026-02", [("task", "2026-02", TASK)])
    b2 = _doc("b2", "phường B", "2026-02", "2026-03", [("result", "2026-02", RESULT)])
    out = link_documents([a1, b2])
    assert out.links == []
    assert out.verdicts == {"a1#0": "pending"}  # no later document of phường A


def test_done_silent_and_pending() -> None:
    d1 = _doc("d1", "phường A", "2026-01", "2026-02", [("task", "2026-02", TASK), ("task", "2026-02", "Tổ chức giải bóng đá thiếu niên hè năm 2026.")])
    d2 = _doc("d2", "phường A", "2026-02", "2026-03", [("result", "2026-02", RESULT), ("task", "2026-03", "Chuẩn bị kỳ họp thứ nhất Hội đồng nhân dân phường khóa mới.")])
    out = link_documents([d2, d1])  # order of input does not matter
    assert [(lk.kind, lk.source, lk.target, lk.verdict) for lk in out.links] == [("FOLLOWED_BY", "d1#0", "d2#0", "done")]
    assert out.verdicts == {"d1#0": "done", "d1#1": "silent", "d2#1": "pending"}
    assert out.links[0].source_text == TASK and out.links[0].target_text == RESULT


@pytest.mark.parametrize(
    "text, verdict",
    [
        ("Tỷ lệ đảng viên cài đặt Sổ tay đảng viên điện tử đạt 69,2%.", "partial"),  # share below the goal
        ("Bước đầu triển khai mô hình dân vận khéo tại 03 tổ dân phố.", "partial"),
        ("Đang triển khai lắp đặt camera an ninh tại các tuyến phố.", "partial"),
        ("Đã giải quyết chế độ cho 03/04 trường hợp.", "partial"),
        ("Đã trình Thành ủy hồ sơ đề nghị tặng Huy hiệu Đảng cho 47 đảng viên đợt 03/02/2026.", "done"),  # "Đảng cho" is not "đang chờ"; a date is no ratio
        ("Thu ngân sách năm 2025 ước đạt 101,3% dự toán.", "done"),
        ("Tỷ lệ kích hoạt định danh điện tử đạt 91,3%, vượt chỉ tiêu đề ra.", "done"),
        ("Tổ chức thành công Đại hội Hội Liên hiệp thanh niên phường.", "done"),
    ],
)
def test_verdict_of_result(text: str, verdict: str) -> None:
    assert verdict_of_result(text) == verdict


def test_links_computed_in_the_store_match_the_parse(tmp_path) -> None:
    """`vanban ingest` relinks from the store's rows: same verdicts as linking the parses directly."""
    from collections import Counter

    from graph.ingest import ingest_paths
    from graph.linking import linkdoc_from_parsed
    from graph.store import open_store
    from ingest.pipeline import parse_file

    files = sorted(DEMO.glob("*.txt"))
    direct = link_documents([linkdoc_from_parsed(parse_file(f), f.name) for f in files])
    store = open_store(db=str(tmp_path / "demo.db"))
    try:
        ingest_paths(store, files, link=True)
        stored = store.cypher("MATCH (i:Item) WHERE i.verdict IS NOT NULL RETURN i.verdict AS verdict, count(*) AS n")
        followed = store.cypher("MATCH (:Item)-[f:FOLLOWED_BY]->(:Item) RETURN count(f) AS n")[0]["n"]
        carried = store.cypher("MATCH (:Item)-[c:CARRIED_OVER]->(:Item) RETURN count(c) AS n")[0]["n"]
    finally:
        store.close()
    assert {r["verdict"]: r["n"] for r in stored} == dict(Counter(direct.verdicts.values()))
    assert followed == sum(lk.kind == "FOLLOWED_BY" for lk in direct.links)
    assert carried == sum(lk.kind == "CARRIED_OVER" for lk in direct.links)
