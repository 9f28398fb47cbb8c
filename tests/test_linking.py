"""Month-to-month links, measured against hand labels: the demo corpus (samples/demo/labels.json),
the blind-written series of tests/data/series (a development set and held-out test sets), plus the
rules that must hold on any series."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import linking
from graph.linking import LinkDoc, LinkItem, link_documents, verdict_of_result
from tests.helpers import DEMO
from tools.eval_linking import evaluate


@pytest.fixture(scope="module")
def scores() -> dict:
    return evaluate(DEMO)


# measure, minimum F1 (figures in the README; the thresholds were chosen on this corpus and dev-hand-a)
FLOORS = [
    ("follow_through", 0.90),
    ("carry_over", 0.72),
    ("silent", 0.80),
    ("pending", 0.99),
    ("recurring_limitations", 0.70),
    ("cites_previous", 0.99),
]


@pytest.mark.parametrize("measure, floor", FLOORS)
@pytest.mark.slow
def test_demo_links_against_hand_labels(scores: dict, measure: str, floor: float) -> None:
    assert scores[measure]["f1"] >= floor, scores[measure]


@pytest.mark.slow
def test_done_or_partial_is_right_on_matched_links(scores: dict) -> None:
    assert scores["verdict_accuracy"] >= 0.9


@pytest.mark.slow
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


def _pair_scores_with_and_without(task: str, result: str, constant: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[float, float]]:
    """The score of a task and a result, from the matrix and from the pair score, with the linker's ``constant`` as
    shipped and then set to 0: (with, without) for each."""
    import graph.linking as linking

    t = LinkItem(id="t", doc_id="d1", role="task", period="2026-07", text=task)
    r = LinkItem(id="r", doc_id="d2", role="result", period="2026-07", text=result)
    other = LinkItem(id="o", doc_id="d1", role="task", period="2026-07", text="Tổ chức Lễ kỷ niệm Ngày Thương binh - Liệt sỹ.")
    scorer = linking._Scorer([t, r, other])
    shipped = (scorer.matrix(["t"], ["r"])[0, 0], scorer.score(t, r))
    monkeypatch.setattr(linking, constant, 0.0)
    zero = (scorer.matrix(["t"], ["r"])[0, 0], scorer.score(t, r))
    return list(zip(shipped, zero, strict=True))


@pytest.mark.parametrize("task, result, elsewhere", [
    # the same kind of work somewhere else (hand CD: a gap beside a look-alike result)
    ("Kiểm tra, gia cố 03 điểm sạt lở bờ sông Ngàn Thương đoạn tổ dân phố Bến Ngự.",
     "Hoàn thành gia cố 120 m kè tạm bờ kênh Tây đoạn tổ dân phố Đông Hạ.", True),
    ("Xử lý dứt điểm 05 công trình xây dựng không phép tại tổ dân phố Hòa Bình.",
     "Lập biên bản, đình chỉ 03 công trình xây dựng sai phép trên tuyến đường Trần Khánh Dư.", True),
    # one place in common: the same work
    ("Kiểm tra, gia cố 03 điểm sạt lở bờ sông Ngàn Thương đoạn tổ dân phố Bến Ngự.",
     "Đã gia cố xong 03 điểm sạt lở đoạn qua tổ dân phố Bến Ngự.", False),
    ("Ra quân lập lại trật tự vỉa hè khu vực chợ Lam Thịnh và tuyến đường Phan Đăng Lưu.",
     "Tháo dỡ 42 mái che lấn chiếm vỉa hè đường Phan Đăng Lưu.", False),
    # a result that names no place says nothing against the task's
    ("Kiểm tra, gia cố 03 điểm sạt lở bờ sông Ngàn Thương đoạn tổ dân phố Bến Ngự.",
     "Đã gia cố xong 03 điểm sạt lở trên địa bàn phường.", False),
    ("Tổ chức khám tuyển nghĩa vụ quân sự cho 85 công dân.", "Có 82/85 thanh niên ở khu phố 3 có mặt khám tuyển.", False),
    # the Party cell of another residential group (hand FC: each cell collects its own fees, holds its own meeting)
    ("Chi bộ Tổ dân phố 2: hoàn thành thu, nộp đảng phí quý I năm 2026 về Văn phòng Đảng ủy trước ngày 15/4/2026.",
     "Chi bộ Tổ dân phố 6 đã thu, nộp đủ đảng phí quý I của 41/41 đảng viên ngày 12/4.", True),
    ("Chi bộ Tổ dân phố 2: hoàn thành thu, nộp đảng phí quý I năm 2026 về Văn phòng Đảng ủy trước ngày 15/4/2026.",
     "Chi bộ Tổ dân phố 2 nộp đủ đảng phí quý I về Văn phòng Đảng ủy ngày 14/4.", False),
])
def test_the_same_work_at_another_place_counts_against_the_pair(task: str, result: str, elsewhere: bool,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Items naming places of the unit (a tổ dân phố, a street, a river, a school) and none in common are about
    different work of the same kind: the pair's score loses OTHER_PLACE, in the pair score and in the matrix alike."""
    for penalised, plain in _pair_scores_with_and_without(task, result, "OTHER_PLACE", monkeypatch):
        assert (abs(plain - penalised - 0.08) < 1e-9) == elsewhere, (penalised, plain)


def test_a_result_at_another_place_loses_more_than_a_later_task(monkeypatch: pytest.MonkeyPatch) -> None:
    """A result of the same kind of work somewhere else is what a vanished task is taken for: against a result the
    pair loses OTHER_PLACE_ANSWER, against a later task (planned again elsewhere: still the unit's next step)
    OTHER_PLACE."""
    import graph.linking as linking

    t = LinkItem(id="t", doc_id="d1", role="task", period="2026-07", text=_LOOKALIKE_TASK)
    r = LinkItem(id="r", doc_id="d2", role="result", period="2026-07", text=_LOOKALIKE_RESULT)
    other = LinkItem(id="o", doc_id="d1", role="task", period="2026-07", text="Tổ chức Lễ kỷ niệm Ngày Thương binh - Liệt sỹ.")
    scorer = linking._Scorer([t, r, other])
    answer = (scorer.matrix(["t"], ["r"], answer=True)[0, 0], scorer.score(t, r, answer=True))
    plain = (scorer.matrix(["t"], ["r"])[0, 0], scorer.score(t, r))
    for a, p in zip(answer, plain, strict=True):
        assert abs(p - a - (linking.OTHER_PLACE_ANSWER - linking.OTHER_PLACE)) < 1e-9 and linking.OTHER_PLACE_ANSWER > linking.OTHER_PLACE


#: hand IA (session 21): a vanished task beside a result of the same body and field on another street
_LOOKALIKE_TASK = "Kiểm tra việc chấp hành giấy phép xây dựng đối với 12 công trình nhà ở riêng lẻ đang thi công trên tuyến đường Lý Thái Tổ."
_LOOKALIKE_RESULT = "Kiểm tra 09 công trình sửa chữa, cải tạo nhà ở trên phố Bến Gạo, đình chỉ thi công 01 công trình sai phép."


@pytest.mark.parametrize("result, linked", [
    (_LOOKALIKE_RESULT, False),
    ("Kiểm tra 11 công trình nhà ở riêng lẻ trên tuyến đường Lý Thái Tổ, đình chỉ thi công 01 công trình sai phép.", True),
])
def test_a_vanished_task_is_not_taken_as_answered_by_the_same_work_elsewhere(result: str, linked: bool) -> None:
    # a month's other work, each answered: what makes the look-alike's shared words rare enough to link before
    others = ["Tổ chức Lễ giao nhận quân năm 2026 trang trọng.", "Thu ngân sách tháng 3 đạt 12% dự toán.",
              "Tuyên truyền phòng, chống cháy nổ tại chợ Kim Dương.", "Hoàn thành tổng vệ sinh môi trường các tuyến phố.",
              "Rà soát hộ nghèo, hộ cận nghèo năm 2026.", "Kích hoạt tài khoản định danh điện tử mức 2 cho 500 người dân."]
    d1 = _doc("d1", "phường A", "2026-02", "2026-03",
              [("task", "2026-03", _LOOKALIKE_TASK), ("task", "2026-03", TASK)] + [("task", "2026-03", o) for o in others])
    d2 = _doc("d2", "phường A", "2026-03", "2026-04", [("result", "2026-03", RESULT), ("result", "2026-03", result)]
              + [("result", "2026-03", "Đã " + o[0].lower() + o[1:]) for o in others])
    out = link_documents([d1, d2])
    assert (("d1#0", "d2#1") in {(lk.source, lk.target) for lk in out.links if lk.kind == "FOLLOWED_BY"}) == linked
    assert out.verdicts["d1#0"] == ("done" if linked else "silent")


@pytest.mark.parametrize("task, result, other", [
    # a vaccination against another disease (hand DT: a vanished task beside a look-alike result)
    ("Tổ chức tiêm vắc xin sởi - rubella cho trẻ em từ 1 đến 5 tuổi tại các thôn vùng cao.",
     "Tổ chức tiêm vắc xin phòng dại cho 1.240 con chó, mèo tại các thôn vùng cao.", True),
    ("Tiêm bổ sung vắc xin lở mồm long móng cho 260 con trâu, bò.", "Tiêm phòng vắc xin cúm gia cầm cho 38.000 con gà, vịt.", True),
    # the same disease, or none named on one side
    ("Tiêm bổ sung vắc xin lở mồm long móng cho 260 con trâu, bò.", "Đã tiêm vắc xin LMLM cho 241/260 con trâu, bò.", False),
    ("Phun hóa chất phòng, chống sốt xuất huyết tại 4 thôn.", "Phun thuốc diệt muỗi, ra quân diệt lăng quăng tại 4 thôn.", False),
    ("Tổ chức tiêm vắc xin sởi - rubella cho trẻ em.", "Đã tiêm chủng cho 312 trẻ em, đạt 96,3%.", False),
    # crop pests are not counted: one crop's care names a new pest each month
    ("Phòng trừ chuột hại lúa Đông Xuân.", "Phun thuốc phòng trừ rầy nâu trên 320 ha lúa Đông Xuân.", False),
])
def test_work_against_another_disease_counts_against_the_pair(task: str, result: str, other: bool,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Items naming diseases of people or animals and none in common are different campaigns of the same kind: the
    pair's score loses OTHER_DISEASE, in the pair score and in the matrix alike."""
    for penalised, plain in _pair_scores_with_and_without(task, result, "OTHER_DISEASE", monkeypatch):
        assert (abs(plain - penalised - 0.08) < 1e-9) == other, (penalised, plain)


def test_two_answers_are_not_also_linked_crosswise() -> None:
    """Hand DU: two tasks on one resolution and their two results; each result answers its own task, and the pair of
    a task with the other's result, though it scores over FOLLOW_EXTRA, is no second link."""
    from graph.linking import linkdoc_from_parsed
    from ingest.pipeline import parse_file

    files = sorted((SERIES / "dev-hand-du").glob("*.txt"))
    out = link_documents([linkdoc_from_parsed(parse_file(f), f.name) for f in files])
    programme, relearn = "Chương trình hành động của Đảng ủy phường thực hiện Nghị quyết Đại hội XIV", "học tập bổ sung Nghị quyết Đại hội XIV"
    drafted, relearnt = "Dự thảo Chương trình hành động", "học bù cho 88 đảng viên"
    answers = {(lk.source_text, lk.target_text) for lk in out.links if lk.kind == "FOLLOWED_BY"}

    def linked(task: str, result: str) -> bool:
        return any(task in (t or "") and result in (r or "") for t, r in answers)

    assert linked(programme, drafted) and linked(relearn, relearnt)
    assert not linked(programme, relearnt) and not linked(relearn, drafted)


def test_a_task_of_two_clauses_keeps_an_answer_for_each() -> None:
    """Each clause of "A; B" answered by its own result: both are links (one result a task is the rule otherwise)."""
    task = "Chỉ đạo thu hoạch dứt điểm 1.240 ha lúa Hè Thu; hướng dẫn nông dân xuống giống vụ Thu Đông đúng lịch thời vụ."
    results = [
        "Vụ lúa Hè Thu đã thu hoạch xong toàn bộ 1.240 ha, năng suất bình quân đạt 5,8 tấn/ha.",
        "Nông dân đã gieo sạ vụ Thu Đông được 860 ha, đạt 78,2% kế hoạch.",
        "Tổ chức Lễ kỷ niệm 81 năm Cách mạng Tháng Tám trang trọng.",
    ]
    d1 = _doc("d1", "xã A", "2026-07", "2026-08", [("task", "2026-08", task), ("task", "2026-08", "Tổ chức giải bóng đá thiếu niên hè.")])
    d2 = _doc("d2", "xã A", "2026-08", "2026-09", [("result", "2026-08", r) for r in results])
    out = link_documents([d1, d2])
    assert sorted(lk.target for lk in out.links if lk.kind == "FOLLOWED_BY" and lk.source == "d1#0") == ["d2#0", "d2#1"]
    assert out.verdicts["d1#1"] == "silent"


def test_a_result_that_says_it_did_two_things_answers_two_tasks() -> None:
    """"Hội nghị sơ kết 6 tháng đầu năm, đồng thời đánh giá một năm vận hành chính quyền hai cấp" (hand N): the
    assessment takes the result by its many shared words, and the part before "đồng thời" still answers the
    review, which scores well below the taker on the whole result; without "đồng thời" it does not."""
    tasks = [
        "Tổ chức Hội nghị sơ kết công tác xây dựng Đảng, thực hiện nhiệm vụ chính trị 6 tháng đầu năm, triển khai nhiệm vụ "
        "6 tháng cuối năm 2026; Văn phòng Đảng ủy chủ trì tham mưu.",
        "Đánh giá, sơ kết 01 năm vận hành mô hình chính quyền địa phương hai cấp, đề xuất giải pháp khắc phục hạn chế.",
        "Tổ chức giải bóng đá thiếu niên hè năm 2026.",
    ]
    result = ("Ngày 10/7/2026, Đảng ủy phường tổ chức Hội nghị sơ kết 6 tháng đầu năm, đồng thời đánh giá một năm vận hành "
              "chính quyền địa phương hai cấp; 100% đại biểu thống nhất các giải pháp khắc phục hạn chế.")
    d1 = _doc("d1", "phường A", "2026-06", "2026-07", [("task", "2026-07", t) for t in tasks])
    d2 = _doc("d2", "phường A", "2026-07", "2026-08", [("result", "2026-07", result)])
    out = link_documents([d1, d2])
    assert sorted(lk.source for lk in out.links if lk.kind == "FOLLOWED_BY") == ["d1#0", "d1#1"]
    plain = _doc("d2", "phường A", "2026-07", "2026-08", [("result", "2026-07", result.replace(", đồng thời", " và"))])
    assert [lk.source for lk in link_documents([d1, plain]).links if lk.kind == "FOLLOWED_BY"] == ["d1#1"]


def test_a_result_of_several_facts_answers_the_task_of_each() -> None:
    """"Thu ngân sách ... đạt 67,9% dự toán; giải ngân vốn đầu tư công đạt 52,3% kế hoạch; tỷ lệ hồ sơ ... trực
    tuyến toàn trình đạt 76,4%" (hand R: one sentence, three facts): the budget task takes it, and the fact on
    online filing answers the task on online filing."""
    tasks = [
        "Phấn đấu thu ngân sách 8 tháng đạt trên 65% dự toán, tập trung thu tiền sử dụng đất.",
        "Tiếp tục thực hiện Đề án 06, nâng tỷ lệ hồ sơ thủ tục hành chính trực tuyến toàn trình lên trên 75%.",
        "Tổ chức giải bóng đá thiếu niên hè năm 2026.",
    ]
    result = ("Thu ngân sách 8 tháng ước đạt 44,9 tỷ đồng, bằng 67,9% dự toán; giải ngân vốn đầu tư công đạt 52,3% kế hoạch; "
              "tỷ lệ hồ sơ thủ tục hành chính trực tuyến toàn trình đạt 76,4% trong tháng.")
    d1 = _doc("d1", "phường A", "2026-07", "2026-08", [("task", "2026-08", t) for t in tasks])
    others = ["Lễ kỷ niệm 81 năm Cách mạng Tháng Tám được tổ chức trang trọng tại Nhà văn hóa phường.",
              "Công an phường xử lý 53 trường hợp vi phạm trật tự an toàn giao thông, tạm giữ 07 phương tiện.",
              "Kết nạp 05 đảng viên mới tại các chi bộ tổ dân phố số 3, số 7 và số 9."]
    d2 = _doc("d2", "phường A", "2026-08", "2026-09", [("result", "2026-08", r) for r in [result, *others]])
    assert sorted(lk.source for lk in link_documents([d1, d2]).links if lk.kind == "FOLLOWED_BY") == ["d1#0", "d1#1"]


def test_a_task_split_in_two_is_carried_over_to_both() -> None:
    """A task planned again as two tasks (hand L: the landslide works became the embankment and the warning signs):
    the alignment takes one, and the other scores nearly as well on the same task, so both are carried over; a task
    on another subject is not."""
    d1 = _doc("d1", "xã A", "2026-06", "2026-07", [
        ("task", "2026-07", "Khắc phục 07 điểm sạt lở trên tuyến Nậm Ngần - Tả Thàng: gia cố taluy, xây kè rọ đá, lắp biển cảnh báo "
                            "và bố trí người canh gác."),
    ])
    d2 = _doc("d2", "xã A", "2026-07", "2026-08", [
        ("task", "2026-08", "Gia cố taluy, xây kè rọ đá tại 05 điểm sạt lở còn lại."),
        ("task", "2026-08", "Lắp biển cảnh báo, bố trí người canh gác tại 02 điểm sạt lở chưa xử lý."),
        ("task", "2026-08", "Tổ chức Lễ kỷ niệm 81 năm Cách mạng Tháng Tám và Quốc khánh 2/9."),
    ])
    out = link_documents([d1, d2])
    assert sorted(lk.target for lk in out.links if lk.kind == "CARRIED_OVER") == ["d2#0", "d2#1"]


@pytest.mark.parametrize("said, linked", [
    ("Chưa thực hiện", False),
    ("Chưa tổ chức, lùi sang tháng 7 theo hướng dẫn của Bộ Chỉ huy Quân sự tỉnh", False),
    ("Đã giám sát tại 04/04 chi bộ, 01 chi bộ nộp chậm", True),
])
def test_a_result_that_says_its_task_was_not_carried_out_answers_nothing(said: str, linked: bool) -> None:
    """Hand BU's follow-up table: "Nhiệm vụ | Chưa thực hiện" is no follow-through (ANNOTATION: done or partial)."""
    d1 = _doc("d1", "xã A", "2026-04", "2026-05", [("task", "2026-05", "Giám sát việc thu, nộp đảng phí tại 04 chi bộ trực thuộc.")])
    d2 = _doc("d2", "xã A", "2026-05", "2026-06", [("result", "2026-05", f"Giám sát việc thu, nộp đảng phí tại 04 chi bộ | {said}")])
    out = link_documents([d1, d2])
    assert any(lk.kind == "FOLLOWED_BY" for lk in out.links) is linked


def test_a_task_said_not_done_is_not_looked_for_in_the_next_report() -> None:
    """Hand DR: "<task>: Chưa thực hiện do ...; chuyển sang tháng 4" answers nothing and closes the task for its month:
    the next report's result of the task planned again is that task's answer, not this one's."""
    task = "Ra quân giải tỏa lấn chiếm vỉa hè đường 30 Tháng 4 và Hẻm 12 đường Lê Lợi."
    d1 = _doc("d1", "phường A", "2026-02", "2026-03", [("task", "2026-03", task)])
    d2 = _doc("d2", "phường A", "2026-03", "2026-04", [
        ("result", "2026-03", "Giải tỏa vỉa hè đường 30 Tháng 4, Hẻm 12 đường Lê Lợi: Chưa thực hiện do tập trung cho bầu cử; "
                              "chuyển sang tháng 4 tiếp tục thực hiện."),
        ("task", "2026-04", "Tiếp tục giải tỏa lấn chiếm vỉa hè đường 30 Tháng 4, Hẻm 12 đường Lê Lợi."),
    ])
    d3 = _doc("d3", "phường A", "2026-04", "2026-05", [
        ("result", "2026-04", "Giải tỏa lấn chiếm vỉa hè: đã giải tỏa 46/61 điểm trên đường 30 Tháng 4; Hẻm 12 chuyển sang tháng 5."),
    ])
    out = link_documents([d1, d2, d3])
    answered = {lk.source for lk in out.links if lk.kind == "FOLLOWED_BY"}
    assert "d1#0" not in answered and "d2#1" in answered


def test_the_next_step_of_a_step_done_is_carried_over() -> None:
    """A call-up done ("đã giao lệnh gọi nhập ngũ cho 38/38 công dân") is followed by the send-off: a next step of
    the procedure is carried over at the bar of a task planned again, not at the higher bar of a routine task done."""
    d1 = _doc("d1", "phường A", "2027-01", "2027-02", [("task", "2027-02", "Phát lệnh gọi nhập ngũ năm 2027 cho công dân đã được xét duyệt.")])
    d2 = _doc("d2", "phường A", "2027-02", "2027-03", [
        ("result", "2027-02", "Ban Chỉ huy Quân sự phường đã giao lệnh gọi nhập ngũ cho 38/38 công dân."),
        ("task", "2027-03", "Tổ chức Lễ giao nhận quân năm 2027 trang trọng, an toàn, đúng quy định."),
    ])
    out = link_documents([d1, d2])
    assert ("CARRIED_OVER", "d1#0", "d2#1") in {(lk.kind, lk.source, lk.target) for lk in out.links}
    assert out.verdicts["d1#0"] == "done"


def test_two_tasks_of_one_body_are_not_one_task_planned_twice() -> None:
    """The body a task is addressed to is not what it does: two inspections of the inspection committee on
    different subjects are different tasks (its name made them look alike)."""
    d1 = _doc("d1", "phường A", "2026-07", "2026-08", [
        ("task", "2026-08", "Ủy ban Kiểm tra Đảng ủy phường kiểm tra thu, chi tài chính đảng năm 2025 tại Văn phòng Đảng ủy."),
    ])
    d2 = _doc("d2", "phường A", "2026-08", "2026-09", [
        ("task", "2026-09", "Ủy ban Kiểm tra Đảng ủy phường giám sát việc kê khai tài sản, thu nhập năm 2026 tại 02 chi bộ."),
    ])
    out = link_documents([d1, d2])
    assert not [lk for lk in out.links if lk.kind == "CARRIED_OVER"]


@pytest.mark.parametrize(
    "task, result, near",
    [
        ("Vận động Nhân dân tham gia BHYT hộ gia đình, phấn đấu tỷ lệ bao phủ 95%.", "BHYT đạt 91,2%, tăng 1,5% so tháng trước.", True),
        ("Phấn đấu giải ngân vốn đầu tư công đạt trên 60% kế hoạch.", "Tỷ lệ giải ngân đến 30/9 đạt 57,8%.", True),
        ("Vận động Nhân dân tham gia BHYT hộ gia đình, phấn đấu tỷ lệ bao phủ 95%.", "BHYT đạt 41,2%.", False),
        ("Hoàn thành 100% hồ sơ trực tuyến.", "Tỷ lệ hồ sơ trực tuyến đạt 100%.", False),  # "100%" is said of everything
    ],
)
def test_a_figure_near_its_target_counts_for_the_pair(task: str, result: str, near: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """"BHYT đạt 91,2%" answers "phấn đấu tỷ lệ bao phủ 95%" with one word in common (hand V): a result's figure
    short of (or just past) the task's target adds to the pair's score; a figure far from it does not."""
    for w, wo in _pair_scores_with_and_without(task, result, "TARGET_BONUS", monkeypatch):
        assert (abs(w - wo - 0.06) < 1e-9) == near, (w, wo)


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


@pytest.mark.slow
def test_links_computed_in_the_store_match_the_parse(tmp_path) -> None:
    """`vanban ingest` relinks from the store's rows: same verdicts as linking the parses directly."""
    from collections import Counter

    from graph.backends import open_store
    from graph.linking import linkdoc_from_parsed
    from graph.loader import ingest_paths
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


SERIES = Path(__file__).parent / "data" / "series"
# series, measure, minimum F1: a guard against regressions a little under the figures the README
# reports (`python tools/eval_series.py tests/data/series/*`). The dev-hand-* series chose the thresholds and rules;
# the test-hand-* series, written blind by other hands, were never used to choose anything (scored once, with the
# final code of the session that added them).
SERIES_FLOORS = [
    ("dev-hand-a", "follow_through", 0.85), ("dev-hand-a", "carry_over", 0.81), ("dev-hand-a", "gaps", 0.71),
    ("dev-hand-aa", "follow_through", 0.83), ("dev-hand-aa", "carry_over", 0.73), ("dev-hand-aa", "gaps", 0.70),
    ("dev-hand-ab", "follow_through", 0.94), ("dev-hand-ab", "carry_over", 0.87), ("dev-hand-ab", "gaps", 0.85),
    ("dev-hand-ac", "follow_through", 0.95), ("dev-hand-ac", "carry_over", 0.91), ("dev-hand-ac", "gaps", 0.95),
    ("dev-hand-ad", "follow_through", 0.90), ("dev-hand-ad", "carry_over", 0.88), ("dev-hand-ad", "gaps", 0.83),
    ("dev-hand-ae", "follow_through", 0.93), ("dev-hand-ae", "carry_over", 0.80), ("dev-hand-ae", "gaps", 0.82),
    ("dev-hand-af", "follow_through", 0.93), ("dev-hand-af", "carry_over", 0.77), ("dev-hand-af", "gaps", 0.82),
    ("dev-hand-ag", "follow_through", 0.95), ("dev-hand-ag", "carry_over", 0.78), ("dev-hand-ag", "gaps", 0.95),
    ("dev-hand-ah", "follow_through", 0.90), ("dev-hand-ah", "carry_over", 0.80), ("dev-hand-ah", "gaps", 0.81),
    ("dev-hand-ai", "follow_through", 0.91), ("dev-hand-ai", "carry_over", 0.88), ("dev-hand-ai", "gaps", 0.95),
    ("dev-hand-aj", "follow_through", 0.92), ("dev-hand-aj", "carry_over", 0.79), ("dev-hand-aj", "gaps", 0.88),
    ("dev-hand-ak", "follow_through", 0.91), ("dev-hand-ak", "carry_over", 0.84), ("dev-hand-ak", "gaps", 0.77),
    ("dev-hand-al", "follow_through", 0.92), ("dev-hand-al", "carry_over", 0.86), ("dev-hand-al", "gaps", 0.87),
    ("dev-hand-am", "follow_through", 0.93), ("dev-hand-am", "carry_over", 0.81), ("dev-hand-am", "gaps", 0.87),
    ("dev-hand-an", "follow_through", 0.94), ("dev-hand-an", "carry_over", 0.81), ("dev-hand-an", "gaps", 0.85),
    ("dev-hand-ao", "follow_through", 0.90), ("dev-hand-ao", "carry_over", 0.82), ("dev-hand-ao", "gaps", 0.71),
    ("dev-hand-ap", "follow_through", 0.92), ("dev-hand-ap", "carry_over", 0.91), ("dev-hand-ap", "gaps", 0.85),
    ("dev-hand-aq", "follow_through", 0.92), ("dev-hand-aq", "carry_over", 0.80), ("dev-hand-aq", "gaps", 0.88),
    ("dev-hand-ar", "follow_through", 0.94), ("dev-hand-ar", "carry_over", 0.79), ("dev-hand-ar", "gaps", 0.89),
    ("dev-hand-as", "follow_through", 0.94), ("dev-hand-as", "carry_over", 0.86), ("dev-hand-as", "gaps", 0.95),
    ("dev-hand-at", "follow_through", 0.93), ("dev-hand-at", "carry_over", 0.85), ("dev-hand-at", "gaps", 0.95),
    ("dev-hand-au", "follow_through", 0.94), ("dev-hand-au", "carry_over", 0.78), ("dev-hand-au", "gaps", 0.88),
    ("dev-hand-b", "follow_through", 0.94), ("dev-hand-b", "carry_over", 0.82), ("dev-hand-b", "gaps", 0.95),
    ("dev-hand-bb", "follow_through", 0.92), ("dev-hand-bb", "carry_over", 0.86), ("dev-hand-bb", "gaps", 0.83),
    ("dev-hand-bc", "follow_through", 0.16), ("dev-hand-bc", "carry_over", 0.08), ("dev-hand-bc", "gaps", 0.00),
    ("dev-hand-bh", "follow_through", 0.92), ("dev-hand-bh", "carry_over", 0.85), ("dev-hand-bh", "gaps", 0.85),
    ("dev-hand-c", "follow_through", 0.93), ("dev-hand-c", "carry_over", 0.85), ("dev-hand-c", "gaps", 0.85),
    ("dev-hand-d", "follow_through", 0.89), ("dev-hand-d", "carry_over", 0.79), ("dev-hand-d", "gaps", 0.73),
    ("dev-hand-e", "follow_through", 0.64), ("dev-hand-e", "carry_over", 0.42), ("dev-hand-e", "gaps", 0.59),
    ("dev-hand-f", "follow_through", 0.86), ("dev-hand-f", "carry_over", 0.75), ("dev-hand-f", "gaps", 0.83),
    ("dev-hand-g", "follow_through", 0.95), ("dev-hand-g", "carry_over", 0.73), ("dev-hand-g", "gaps", 0.95),
    ("dev-hand-h", "follow_through", 0.91), ("dev-hand-h", "carry_over", 0.88), ("dev-hand-h", "gaps", 0.87),
    ("dev-hand-i", "follow_through", 0.88), ("dev-hand-i", "carry_over", 0.80), ("dev-hand-i", "gaps", 0.85),
    ("dev-hand-j", "follow_through", 0.90), ("dev-hand-j", "carry_over", 0.87), ("dev-hand-j", "gaps", 0.90),
    ("dev-hand-k", "follow_through", 0.92), ("dev-hand-k", "carry_over", 0.86), ("dev-hand-k", "gaps", 0.65),
    ("dev-hand-l", "follow_through", 0.89), ("dev-hand-l", "carry_over", 0.76), ("dev-hand-l", "gaps", 0.65),
    ("dev-hand-m", "follow_through", 0.87), ("dev-hand-m", "carry_over", 0.91), ("dev-hand-m", "gaps", 0.95),
    ("dev-hand-n", "follow_through", 0.90), ("dev-hand-n", "carry_over", 0.92), ("dev-hand-n", "gaps", 0.75),
    ("dev-hand-o", "follow_through", 0.91), ("dev-hand-o", "carry_over", 0.67), ("dev-hand-o", "gaps", 0.78),
    ("dev-hand-p", "follow_through", 0.93), ("dev-hand-p", "carry_over", 0.85), ("dev-hand-p", "gaps", 0.71),
    ("dev-hand-q", "follow_through", 0.90), ("dev-hand-q", "carry_over", 0.88), ("dev-hand-q", "gaps", 0.95),
    ("dev-hand-r", "follow_through", 0.64), ("dev-hand-r", "carry_over", 0.78), ("dev-hand-r", "gaps", 0.67),
    ("dev-hand-s", "follow_through", 0.93), ("dev-hand-s", "carry_over", 0.85), ("dev-hand-s", "gaps", 0.83),
    ("dev-hand-t", "follow_through", 0.95), ("dev-hand-t", "carry_over", 0.89), ("dev-hand-t", "gaps", 0.95),
    ("dev-hand-u", "follow_through", 0.93), ("dev-hand-u", "carry_over", 0.87), ("dev-hand-u", "gaps", 0.95),
    ("dev-hand-v", "follow_through", 0.92), ("dev-hand-v", "carry_over", 0.87), ("dev-hand-v", "gaps", 0.89),
    ("dev-hand-w", "follow_through", 0.88), ("dev-hand-w", "carry_over", 0.89), ("dev-hand-w", "gaps", 0.45),
    ("dev-hand-x", "follow_through", 0.94), ("dev-hand-x", "carry_over", 0.92), ("dev-hand-x", "gaps", 0.85),
    ("dev-hand-y", "follow_through", 0.86), ("dev-hand-y", "carry_over", 0.77), ("dev-hand-y", "gaps", 0.70),
    ("dev-hand-z", "follow_through", 0.92), ("dev-hand-z", "carry_over", 0.78), ("dev-hand-z", "gaps", 0.66),
    ("dev-hand-bl", "follow_through", 0.84), ("dev-hand-bl", "carry_over", 0.73), ("dev-hand-bl", "gaps", 0.95),
    ("dev-hand-bm", "follow_through", 0.91), ("dev-hand-bm", "carry_over", 0.83), ("dev-hand-bm", "gaps", 0.72),
    ("dev-hand-bp", "follow_through", 0.86), ("dev-hand-bp", "carry_over", 0.75), ("dev-hand-bp", "gaps", 0.77),
    ("dev-hand-bt", "follow_through", 0.92), ("dev-hand-bt", "carry_over", 0.80), ("dev-hand-bt", "gaps", 0.85),
    ("dev-hand-bu", "follow_through", 0.87), ("dev-hand-bu", "carry_over", 0.83), ("dev-hand-bu", "gaps", 0.65),
    ("dev-hand-bx", "follow_through", 0.91), ("dev-hand-bx", "carry_over", 0.80), ("dev-hand-bx", "gaps", 0.81),
    ("dev-hand-ca", "follow_through", 0.89), ("dev-hand-ca", "carry_over", 0.79), ("dev-hand-ca", "gaps", 0.80),
    ("dev-hand-cb", "follow_through", 0.93), ("dev-hand-cb", "carry_over", 0.86), ("dev-hand-cb", "gaps", 0.85),
    ("dev-hand-cd", "follow_through", 0.87), ("dev-hand-cd", "carry_over", 0.80), ("dev-hand-cd", "gaps", 0.67),
    ("dev-hand-cf", "follow_through", 0.91), ("dev-hand-cf", "carry_over", 0.77), ("dev-hand-cf", "gaps", 0.66),
    ("dev-hand-ch", "follow_through", 0.92), ("dev-hand-ch", "carry_over", 0.83), ("dev-hand-ch", "gaps", 0.80),
    ("dev-hand-ck", "follow_through", 0.65), ("dev-hand-ck", "carry_over", 0.60), ("dev-hand-ck", "gaps", 0.70),
    ("dev-hand-cl", "follow_through", 0.89), ("dev-hand-cl", "carry_over", 0.83), ("dev-hand-cl", "gaps", 0.66),
    ("dev-hand-co", "follow_through", 0.92), ("dev-hand-co", "carry_over", 0.83), ("dev-hand-co", "gaps", 0.75),
    ("dev-hand-cp", "follow_through", 0.89), ("dev-hand-cp", "carry_over", 0.88), ("dev-hand-cp", "gaps", 0.75),
    ("dev-hand-cu", "follow_through", 0.92), ("dev-hand-cu", "carry_over", 0.83), ("dev-hand-cu", "gaps", 0.75),
    ("dev-hand-cx", "follow_through", 0.91), ("dev-hand-cx", "carry_over", 0.76), ("dev-hand-cx", "gaps", 0.75),
    ("dev-hand-dc", "follow_through", 0.95), ("dev-hand-dc", "carry_over", 0.85), ("dev-hand-dc", "gaps", 0.95),
    ("dev-hand-dh", "follow_through", 0.90), ("dev-hand-dh", "carry_over", 0.86), ("dev-hand-dh", "gaps", 0.23),
    ("dev-hand-di", "follow_through", 0.87), ("dev-hand-di", "carry_over", 0.93), ("dev-hand-di", "gaps", 0.61),
    ("dev-hand-cm", "follow_through", 0.84), ("dev-hand-cm", "carry_over", 0.82), ("dev-hand-cm", "gaps", 0.71),
    ("dev-hand-dk", "follow_through", 0.76), ("dev-hand-dk", "carry_over", 0.61), ("dev-hand-dk", "gaps", 0.72),
    ("dev-hand-dm", "follow_through", 0.91), ("dev-hand-dm", "carry_over", 0.91), ("dev-hand-dm", "gaps", 0.83),
    ("dev-hand-dp", "follow_through", 0.89), ("dev-hand-dp", "carry_over", 0.81), ("dev-hand-dp", "gaps", 0.75),
    ("dev-hand-dq", "follow_through", 0.89), ("dev-hand-dq", "carry_over", 0.81), ("dev-hand-dq", "gaps", 0.95),
    ("dev-hand-dr", "follow_through", 0.92), ("dev-hand-dr", "carry_over", 0.88), ("dev-hand-dr", "gaps", 0.82),
    ("dev-hand-ds", "follow_through", 0.88), ("dev-hand-ds", "carry_over", 0.81), ("dev-hand-ds", "gaps", 0.95),
    ("dev-hand-dt", "follow_through", 0.92), ("dev-hand-dt", "carry_over", 0.84), ("dev-hand-dt", "gaps", 0.77),
    ("dev-hand-du", "follow_through", 0.92), ("dev-hand-du", "carry_over", 0.80), ("dev-hand-du", "gaps", 0.88),
    ("dev-hand-dv", "follow_through", 0.85), ("dev-hand-dv", "carry_over", 0.67), ("dev-hand-dv", "gaps", 0.57),
    ("dev-hand-dw", "follow_through", 0.91), ("dev-hand-dw", "carry_over", 0.88), ("dev-hand-dw", "gaps", 0.85),
    ("dev-hand-dx", "follow_through", 0.92), ("dev-hand-dx", "carry_over", 0.82), ("dev-hand-dx", "gaps", 0.87),
    ("dev-hand-dz", "follow_through", 0.93), ("dev-hand-dz", "carry_over", 0.79), ("dev-hand-dz", "gaps", 0.85),
    ("dev-hand-ea", "follow_through", 0.94), ("dev-hand-ea", "carry_over", 0.86), ("dev-hand-ea", "gaps", 0.82),
    ("dev-hand-eb", "follow_through", 0.91), ("dev-hand-eb", "carry_over", 0.70), ("dev-hand-eb", "gaps", 0.71),
    ("dev-hand-ed", "follow_through", 0.94), ("dev-hand-ed", "carry_over", 0.78), ("dev-hand-ed", "gaps", 0.95),
    ("dev-hand-ee", "follow_through", 0.91), ("dev-hand-ee", "carry_over", 0.78), ("dev-hand-ee", "gaps", 0.95),
    ("dev-hand-eg", "follow_through", 0.95), ("dev-hand-eg", "carry_over", 0.84), ("dev-hand-eg", "gaps", 0.95),
    ("dev-hand-ei", "follow_through", 0.94), ("dev-hand-ei", "carry_over", 0.83), ("dev-hand-ei", "gaps", 0.89),
    ("dev-hand-ej", "follow_through", 0.90), ("dev-hand-ej", "carry_over", 0.79), ("dev-hand-ej", "gaps", 0.80),
    ("dev-hand-ek", "follow_through", 0.93), ("dev-hand-ek", "carry_over", 0.83), ("dev-hand-ek", "gaps", 0.95),
    ("dev-hand-el", "follow_through", 0.94), ("dev-hand-el", "carry_over", 0.89), ("dev-hand-el", "gaps", 0.87),
    ("dev-hand-em", "follow_through", 0.94), ("dev-hand-em", "carry_over", 0.83), ("dev-hand-em", "gaps", 0.88),
    ("dev-hand-en", "follow_through", 0.88), ("dev-hand-en", "carry_over", 0.78), ("dev-hand-en", "gaps", 0.95),
    ("dev-hand-eo", "follow_through", 0.94), ("dev-hand-eo", "carry_over", 0.81), ("dev-hand-eo", "gaps", 0.95),
    ("dev-hand-ep", "follow_through", 0.92), ("dev-hand-ep", "carry_over", 0.91), ("dev-hand-ep", "gaps", 0.61),
    ("dev-hand-eq", "follow_through", 0.77), ("dev-hand-eq", "carry_over", 0.45), ("dev-hand-eq", "gaps", 0.61),
    ("dev-hand-er", "follow_through", 0.94), ("dev-hand-er", "carry_over", 0.91), ("dev-hand-er", "gaps", 0.89),
    ("dev-hand-es", "follow_through", 0.95), ("dev-hand-es", "carry_over", 0.86), ("dev-hand-es", "gaps", 0.95),
    ("dev-hand-et", "follow_through", 0.93), ("dev-hand-et", "carry_over", 0.89), ("dev-hand-et", "gaps", 0.82),
    ("dev-hand-eu", "follow_through", 0.92), ("dev-hand-eu", "carry_over", 0.79), ("dev-hand-eu", "gaps", 0.89),
    ("dev-hand-ew", "follow_through", 0.87), ("dev-hand-ew", "carry_over", 0.82), ("dev-hand-ew", "gaps", 0.56),
    ("dev-hand-ex", "follow_through", 0.90), ("dev-hand-ex", "carry_over", 0.81), ("dev-hand-ex", "gaps", 0.95),
    ("dev-hand-ey", "follow_through", 0.93), ("dev-hand-ey", "carry_over", 0.81), ("dev-hand-ey", "gaps", 0.80),
    ("dev-hand-fa", "follow_through", 0.93), ("dev-hand-fa", "carry_over", 0.89), ("dev-hand-fa", "gaps", 0.95),
    ("dev-hand-fb", "follow_through", 0.91), ("dev-hand-fb", "carry_over", 0.90), ("dev-hand-fb", "gaps", 0.90),
    ("dev-hand-fc", "follow_through", 0.94), ("dev-hand-fc", "carry_over", 0.91), ("dev-hand-fc", "gaps", 0.95),
    ("dev-hand-ga", "follow_through", 0.89), ("dev-hand-ga", "carry_over", 0.87), ("dev-hand-ga", "gaps", 0.49),
    ("dev-hand-gb", "follow_through", 0.93), ("dev-hand-gb", "carry_over", 0.90), ("dev-hand-gb", "gaps", 0.89),
    ("dev-hand-gc", "follow_through", 0.76), ("dev-hand-gc", "carry_over", 0.66), ("dev-hand-gc", "gaps", 0.71),
    ("dev-hand-ha", "follow_through", 0.92), ("dev-hand-ha", "carry_over", 0.91), ("dev-hand-ha", "gaps", 0.95),
    ("dev-hand-ia", "follow_through", 0.86), ("dev-hand-ia", "carry_over", 0.77), ("dev-hand-ia", "gaps", 0.52),
    ("dev-hand-ib", "follow_through", 0.91), ("dev-hand-ib", "carry_over", 0.87), ("dev-hand-ib", "gaps", 0.78),
    ("dev-hand-ic", "follow_through", 0.91), ("dev-hand-ic", "carry_over", 0.80), ("dev-hand-ic", "gaps", 0.85),
    ("dev-hand-ja", "follow_through", 0.92), ("dev-hand-ja", "carry_over", 0.82), ("dev-hand-ja", "gaps", 0.80),
    ("dev-hand-jb", "follow_through", 0.92), ("dev-hand-jb", "carry_over", 0.83), ("dev-hand-jb", "gaps", 0.85),
    ("dev-hand-jc", "follow_through", 0.89), ("dev-hand-jc", "carry_over", 0.72), ("dev-hand-jc", "gaps", 0.83),
    ("dev-hand-ka", "follow_through", 0.90), ("dev-hand-ka", "carry_over", 0.84), ("dev-hand-ka", "gaps", 0.71),
    ("dev-hand-kb", "follow_through", 0.89), ("dev-hand-kb", "carry_over", 0.75), ("dev-hand-kb", "gaps", 0.88),
    ("dev-hand-kc", "follow_through", 0.92), ("dev-hand-kc", "carry_over", 0.93), ("dev-hand-kc", "gaps", 0.89),
    ("dev-hand-la", "follow_through", 0.92), ("dev-hand-la", "carry_over", 0.79), ("dev-hand-la", "gaps", 0.95),
    ("dev-hand-lb", "follow_through", 0.89), ("dev-hand-lb", "carry_over", 0.71), ("dev-hand-lb", "gaps", 0.61),
    ("dev-hand-lc", "follow_through", 0.91), ("dev-hand-lc", "carry_over", 0.78), ("dev-hand-lc", "gaps", 0.95),
    ("dev-hand-jd", "follow_through", 0.92), ("dev-hand-jd", "carry_over", 0.81), ("dev-hand-jd", "gaps", 0.75),
    ("dev-hand-ma", "follow_through", 0.92), ("dev-hand-ma", "carry_over", 0.81), ("dev-hand-ma", "gaps", 0.83),
    ("dev-hand-mb", "follow_through", 0.89), ("dev-hand-mb", "carry_over", 0.88), ("dev-hand-mb", "gaps", 0.80),
    ("dev-hand-mc", "follow_through", 0.88), ("dev-hand-mc", "carry_over", 0.78), ("dev-hand-mc", "gaps", 0.52),
    ("dev-hand-na", "follow_through", 0.93), ("dev-hand-na", "carry_over", 0.83), ("dev-hand-na", "gaps", 0.75),
    ("dev-hand-nb", "follow_through", 0.91), ("dev-hand-nb", "carry_over", 0.76), ("dev-hand-nb", "gaps", 0.80),
    ("dev-hand-nc", "follow_through", 0.87), ("dev-hand-nc", "carry_over", 0.81), ("dev-hand-nc", "gaps", 0.61),
    ("dev-hand-oa", "follow_through", 0.91), ("dev-hand-oa", "carry_over", 0.80), ("dev-hand-oa", "gaps", 0.67),
    ("dev-hand-ob", "follow_through", 0.92), ("dev-hand-ob", "carry_over", 0.75), ("dev-hand-ob", "gaps", 0.82),
    ("dev-hand-oc", "follow_through", 0.90), ("dev-hand-oc", "carry_over", 0.89), ("dev-hand-oc", "gaps", 0.82),
    ("dev-hand-pa", "follow_through", 0.89), ("dev-hand-pa", "carry_over", 0.88), ("dev-hand-pa", "gaps", 0.23),
    ("dev-hand-pb", "follow_through", 0.91), ("dev-hand-pb", "carry_over", 0.87), ("dev-hand-pb", "gaps", 0.78),
    ("dev-hand-pc", "follow_through", 0.89), ("dev-hand-pc", "carry_over", 0.83), ("dev-hand-pc", "gaps", 0.82),
    ("dev-hand-nd", "follow_through", 0.89), ("dev-hand-nd", "carry_over", 0.78), ("dev-hand-nd", "gaps", 0.49),
    ("dev-hand-pd", "follow_through", 0.90), ("dev-hand-pd", "carry_over", 0.86), ("dev-hand-pd", "gaps", 0.61),
    ("dev-hand-qa", "follow_through", 0.89), ("dev-hand-qa", "carry_over", 0.87), ("dev-hand-qa", "gaps", 0.61),
    ("dev-hand-qb", "follow_through", 0.91), ("dev-hand-qb", "carry_over", 0.90), ("dev-hand-qb", "gaps", 0.95),
    ("dev-hand-qc", "follow_through", 0.85), ("dev-hand-qc", "carry_over", 0.72), ("dev-hand-qc", "gaps", 0.88),
    ("dev-hand-ra", "follow_through", 0.95), ("dev-hand-ra", "carry_over", 0.80), ("dev-hand-ra", "gaps", 0.95),
    ("dev-hand-rb", "follow_through", 0.89), ("dev-hand-rb", "carry_over", 0.71), ("dev-hand-rb", "gaps", 0.35),
    ("dev-hand-rc", "follow_through", 0.91), ("dev-hand-rc", "carry_over", 0.91), ("dev-hand-rc", "gaps", 0.66),
    ("dev-hand-sa", "follow_through", 0.92), ("dev-hand-sa", "carry_over", 0.85), ("dev-hand-sa", "gaps", 0.85),
    ("dev-hand-sb", "follow_through", 0.80), ("dev-hand-sb", "carry_over", 0.82), ("dev-hand-sb", "gaps", 0.88),
    ("dev-hand-sc", "follow_through", 0.88), ("dev-hand-sc", "carry_over", 0.79), ("dev-hand-sc", "gaps", 0.68),
    ("dev-hand-ta", "follow_through", 0.93), ("dev-hand-ta", "carry_over", 0.86), ("dev-hand-ta", "gaps", 0.95),
    ("dev-hand-tb", "follow_through", 0.86), ("dev-hand-tb", "carry_over", 0.83), ("dev-hand-tb", "gaps", 0.65),
    ("dev-hand-tc", "follow_through", 0.93), ("dev-hand-tc", "carry_over", 0.81), ("dev-hand-tc", "gaps", 0.75),
    ("dev-hand-ua", "follow_through", 0.91), ("dev-hand-ua", "carry_over", 0.85), ("dev-hand-ua", "gaps", 0.89),
    ("dev-hand-uc", "follow_through", 0.92), ("dev-hand-uc", "carry_over", 0.85), ("dev-hand-uc", "gaps", 0.87),
    ("dev-hand-rd", "follow_through", 0.92), ("dev-hand-rd", "carry_over", 0.90), ("dev-hand-rd", "gaps", 0.85),
    ("dev-hand-td", "follow_through", 0.90), ("dev-hand-td", "carry_over", 0.84), ("dev-hand-td", "gaps", 0.89),
    ("dev-hand-te", "follow_through", 0.91), ("dev-hand-te", "carry_over", 0.81), ("dev-hand-te", "gaps", 0.81),
    ("dev-hand-ud", "follow_through", 0.92), ("dev-hand-ud", "carry_over", 0.77), ("dev-hand-ud", "gaps", 0.85),
    ("dev-hand-va", "follow_through", 0.91), ("dev-hand-va", "carry_over", 0.84), ("dev-hand-va", "gaps", 0.67),
    ("dev-hand-vb", "follow_through", 0.92), ("dev-hand-vb", "carry_over", 0.89), ("dev-hand-vb", "gaps", 0.85),
    ("dev-hand-vc", "follow_through", 0.89), ("dev-hand-vc", "carry_over", 0.72), ("dev-hand-vc", "gaps", 0.55),
    ("dev-hand-wa", "follow_through", 0.94), ("dev-hand-wa", "carry_over", 0.90), ("dev-hand-wa", "gaps", 0.88),
    ("dev-hand-wb", "follow_through", 0.88), ("dev-hand-wb", "carry_over", 0.78), ("dev-hand-wb", "gaps", 0.91),
    ("dev-hand-wc", "follow_through", 0.88), ("dev-hand-wc", "carry_over", 0.82), ("dev-hand-wc", "gaps", 0.80),
    ("dev-hand-xa", "follow_through", 0.92), ("dev-hand-xa", "carry_over", 0.81), ("dev-hand-xa", "gaps", 0.85),
    ("dev-hand-xb", "follow_through", 0.91), ("dev-hand-xb", "carry_over", 0.66), ("dev-hand-xb", "gaps", 0.66),
    ("dev-hand-xc", "follow_through", 0.92), ("dev-hand-xc", "carry_over", 0.83), ("dev-hand-xc", "gaps", 0.80),
    ("dev-hand-ya", "follow_through", 0.92), ("dev-hand-ya", "carry_over", 0.88), ("dev-hand-ya", "gaps", 0.89),
    ("dev-hand-yb", "follow_through", 0.89), ("dev-hand-yb", "carry_over", 0.86), ("dev-hand-yb", "gaps", 0.61),
    ("dev-hand-yc", "follow_through", 0.88), ("dev-hand-yc", "carry_over", 0.72), ("dev-hand-yc", "gaps", 0.95),
    ("dev-hand-za", "follow_through", 0.89), ("dev-hand-za", "carry_over", 0.85), ("dev-hand-za", "gaps", 0.45),
    ("dev-hand-zb", "follow_through", 0.93), ("dev-hand-zb", "carry_over", 0.89), ("dev-hand-zb", "gaps", 0.90),
    ("dev-hand-zc", "follow_through", 0.89), ("dev-hand-zc", "carry_over", 0.70), ("dev-hand-zc", "gaps", 0.88),
    ("test-hand-av", "follow_through", 0.91), ("test-hand-av", "carry_over", 0.80), ("test-hand-av", "gaps", 0.84),
    ("test-hand-aw", "follow_through", 0.92), ("test-hand-aw", "carry_over", 0.81), ("test-hand-aw", "gaps", 0.85),
    ("test-hand-ax", "follow_through", 0.92), ("test-hand-ax", "carry_over", 0.80), ("test-hand-ax", "gaps", 0.80),
    ("test-hand-ay", "follow_through", 0.93), ("test-hand-ay", "carry_over", 0.89), ("test-hand-ay", "gaps", 0.88),
    ("test-hand-az", "follow_through", 0.89), ("test-hand-az", "carry_over", 0.87), ("test-hand-az", "gaps", 0.73),
    ("test-hand-ba", "follow_through", 0.92), ("test-hand-ba", "carry_over", 0.77), ("test-hand-ba", "gaps", 0.86),
    ("test-hand-bd", "follow_through", 0.89), ("test-hand-bd", "carry_over", 0.85), ("test-hand-bd", "gaps", 0.83),
    ("test-hand-be", "follow_through", 0.90), ("test-hand-be", "carry_over", 0.83), ("test-hand-be", "gaps", 0.87),
    ("test-hand-bf", "follow_through", 0.87), ("test-hand-bf", "carry_over", 0.81), ("test-hand-bf", "gaps", 0.75),
    ("test-hand-bn", "follow_through", 0.92), ("test-hand-bn", "carry_over", 0.83), ("test-hand-bn", "gaps", 0.90),
    ("test-hand-bo", "follow_through", 0.91), ("test-hand-bo", "carry_over", 0.81), ("test-hand-bo", "gaps", 0.91),
    ("test-hand-bv", "follow_through", 0.86), ("test-hand-bv", "carry_over", 0.76), ("test-hand-bv", "gaps", 0.95),
    ("test-hand-bw", "follow_through", 0.92), ("test-hand-bw", "carry_over", 0.84), ("test-hand-bw", "gaps", 0.90),
    ("test-hand-cc", "follow_through", 0.87), ("test-hand-cc", "carry_over", 0.81), ("test-hand-cc", "gaps", 0.80),
    ("test-hand-cg", "follow_through", 0.95), ("test-hand-cg", "carry_over", 0.88), ("test-hand-cg", "gaps", 0.95),
    ("test-hand-ci", "follow_through", 0.85), ("test-hand-ci", "carry_over", 0.70), ("test-hand-ci", "gaps", 0.70),
    ("test-hand-cj", "follow_through", 0.93), ("test-hand-cj", "carry_over", 0.90), ("test-hand-cj", "gaps", 0.95),
    ("test-hand-cn", "follow_through", 0.93), ("test-hand-cn", "carry_over", 0.83), ("test-hand-cn", "gaps", 0.95),
    ("test-hand-cq", "follow_through", 0.92), ("test-hand-cq", "carry_over", 0.79), ("test-hand-cq", "gaps", 0.90),
    ("test-hand-cv", "follow_through", 0.92), ("test-hand-cv", "carry_over", 0.87), ("test-hand-cv", "gaps", 0.95),
    ("test-hand-cy", "follow_through", 0.84), ("test-hand-cy", "carry_over", 0.77), ("test-hand-cy", "gaps", 0.82),
    ("test-hand-de", "follow_through", 0.93), ("test-hand-de", "carry_over", 0.87), ("test-hand-de", "gaps", 0.95),
    ("test-hand-df", "follow_through", 0.88), ("test-hand-df", "carry_over", 0.77), ("test-hand-df", "gaps", 0.88),
    ("test-hand-dg", "follow_through", 0.89), ("test-hand-dg", "carry_over", 0.91), ("test-hand-dg", "gaps", 0.89),
    ("test-hand-dj", "follow_through", 0.92), ("test-hand-dj", "carry_over", 0.86), ("test-hand-dj", "gaps", 0.70),
    ("test-hand-dl", "follow_through", 0.92), ("test-hand-dl", "carry_over", 0.81), ("test-hand-dl", "gaps", 0.82),
    ("test-hand-dn", "follow_through", 0.94), ("test-hand-dn", "carry_over", 0.88), ("test-hand-dn", "gaps", 0.89),
    ("test-hand-do", "follow_through", 0.91), ("test-hand-do", "carry_over", 0.86), ("test-hand-do", "gaps", 0.67),
    ("test-hand-dy", "follow_through", 0.92), ("test-hand-dy", "carry_over", 0.72), ("test-hand-dy", "gaps", 0.85),
    ("test-hand-eh", "follow_through", 0.91), ("test-hand-eh", "carry_over", 0.89), ("test-hand-eh", "gaps", 0.90),
    ("test-hand-ev", "follow_through", 0.93), ("test-hand-ev", "carry_over", 0.92), ("test-hand-ev", "gaps", 0.95),
    ("test-hand-ez", "follow_through", 0.93), ("test-hand-ez", "carry_over", 0.83), ("test-hand-ez", "gaps", 0.90),
    ("test-hand-fd", "follow_through", 0.92), ("test-hand-fd", "carry_over", 0.83), ("test-hand-fd", "gaps", 0.79),
    ("test-hand-gd", "follow_through", 0.91), ("test-hand-gd", "carry_over", 0.87), ("test-hand-gd", "gaps", 0.87),
    ("test-hand-hd", "follow_through", 0.90), ("test-hand-hd", "carry_over", 0.84), ("test-hand-hd", "gaps", 0.55),
    ("test-hand-id", "follow_through", 0.92), ("test-hand-id", "carry_over", 0.84), ("test-hand-id", "gaps", 0.85),
    ("test-hand-kd", "follow_through", 0.91), ("test-hand-kd", "carry_over", 0.86), ("test-hand-kd", "gaps", 0.87),
    ("test-hand-ld", "follow_through", 0.91), ("test-hand-ld", "carry_over", 0.86), ("test-hand-ld", "gaps", 0.83),
    ("test-hand-md", "follow_through", 0.79), ("test-hand-md", "carry_over", 0.77), ("test-hand-md", "gaps", 0.42),
    ("test-hand-me", "follow_through", 0.88), ("test-hand-me", "carry_over", 0.84), ("test-hand-me", "gaps", 0.55),
    ("test-hand-od", "follow_through", 0.93), ("test-hand-od", "carry_over", 0.82), ("test-hand-od", "gaps", 0.91),
    ("test-hand-qd", "follow_through", 0.90), ("test-hand-qd", "carry_over", 0.83), ("test-hand-qd", "gaps", 0.75),
    ("test-hand-qe", "follow_through", 0.91), ("test-hand-qe", "carry_over", 0.81), ("test-hand-qe", "gaps", 0.88),
    ("test-hand-re", "follow_through", 0.89), ("test-hand-re", "carry_over", 0.72), ("test-hand-re", "gaps", 0.95),
    ("test-hand-sd", "follow_through", 0.92), ("test-hand-sd", "carry_over", 0.85), ("test-hand-sd", "gaps", 0.88),
    ("test-hand-se", "follow_through", 0.92), ("test-hand-se", "carry_over", 0.83), ("test-hand-se", "gaps", 0.90),
    ("test-hand-ue", "follow_through", 0.90), ("test-hand-ue", "carry_over", 0.82), ("test-hand-ue", "gaps", 0.85),
    ("test-hand-vd", "follow_through", 0.69), ("test-hand-vd", "carry_over", 0.65), ("test-hand-vd", "gaps", 0.41),
    ("test-hand-ve", "follow_through", 0.63), ("test-hand-ve", "carry_over", 0.36), ("test-hand-ve", "gaps", 0.59),
    ("test-hand-wd", "follow_through", 0.00), ("test-hand-wd", "carry_over", 0.67), ("test-hand-wd", "gaps", 0.24),
    ("test-hand-we", "follow_through", 0.86), ("test-hand-we", "carry_over", 0.68), ("test-hand-we", "gaps", 0.85),
    ("test-hand-xd", "follow_through", 0.91), ("test-hand-xd", "carry_over", 0.81), ("test-hand-xd", "gaps", 0.83),
    ("test-hand-xe", "follow_through", 0.89), ("test-hand-xe", "carry_over", 0.76), ("test-hand-xe", "gaps", 0.95),
    ("test-hand-yd", "follow_through", 0.91), ("test-hand-yd", "carry_over", 0.91), ("test-hand-yd", "gaps", 0.45),
    ("test-hand-ye", "follow_through", 0.91), ("test-hand-ye", "carry_over", 0.86), ("test-hand-ye", "gaps", 0.83),
    ("test-hand-zd", "follow_through", 0.52), ("test-hand-zd", "carry_over", 0.41), ("test-hand-zd", "gaps", 0.45),
    ("test-hand-ze", "follow_through", 0.95), ("test-hand-ze", "carry_over", 0.85), ("test-hand-ze", "gaps", 0.95),
]


#: scored through `vanban ingest`'s path: hand AZ's July notice names no unit anywhere, only the earlier notice it
#: cites (filed under that notice's unit by the store's ingest, not by the in-memory linker: 0.72 / 0.59 / 0.48 there)
THROUGH_STORE = {"test-hand-az"}


@pytest.fixture(scope="module")
def series_scores() -> dict:
    from tools.eval_series import score

    return {name: score(SERIES / name, store=name in THROUGH_STORE) for name in sorted({s for s, _, _ in SERIES_FLOORS})}


@pytest.mark.parametrize("series, measure, floor", SERIES_FLOORS)
@pytest.mark.slow
def test_blind_series_against_their_labels(series_scores: dict, series: str, measure: str, floor: float) -> None:
    p, r, f1 = series_scores[series][measure]
    assert f1 >= floor, (series, measure, p, r, f1)


# A user who has just begun has two notices of a unit, not six: the carry-over model must still find the tasks planned
# again with one candidate notice (its features are read per pair, not from a long history). Mean F1 over every
# labelled series cut to the first two documents of each unit (`tools/eval_series.py --first 2`); the README
# gives the figures.
@pytest.mark.parametrize("role, floors", [("dev", (0.90, 0.80, 0.78)), ("test", (0.90, 0.80, 0.78))])
@pytest.mark.slow
def test_a_series_of_two_notices_links_as_well_as_a_long_one(role: str, floors: tuple[float, float, float]) -> None:
    from tools.eval_series import score

    folders = sorted(SERIES.glob(f"{role}-hand-*"))
    means = [sum(score(f, first=2)[m][2] for f in folders) / len(folders) for m in ("follow_through", "carry_over", "gaps")]
    assert all(mean >= floor for mean, floor in zip(means, floors, strict=True)), (role, means)


@pytest.mark.parametrize("series", sorted(p.name for p in SERIES.iterdir() if (p / "gold.json").exists()))
def test_series_labels_are_consistent(series: str) -> None:
    """Every labelled text is in its file; every link names known items; every non-final task has a fate."""
    import json
    import unicodedata

    gold = json.loads((SERIES / series / "gold.json").read_text(encoding="utf-8"))
    texts = {d["file"]: unicodedata.normalize("NFC", (SERIES / series / d["file"]).read_text(encoding="utf-8")) for d in gold["documents"]}
    ids = {}
    for x in gold["tasks"] + gold["results"]:
        assert x["text"] in texts[x["file"]], x["id"]
        assert x["id"] not in ids, x["id"]
        ids[x["id"]] = x
    fated = {x["task"] for x in gold["follow_through"]} | {x["from"] for x in gold["carry_over"]} | set(gold["gaps"])
    for x in gold["follow_through"]:
        assert x["task"] in ids and x["result"] in ids
    for x in gold["carry_over"]:
        assert x["from"] in ids and x["to"] in ids
    units = {d["file"]: d["unit"] for d in gold["documents"]}
    last = {}
    def order(d: dict) -> str:  # "2026-Q4" plans from October: it comes before a plan for November
        p = d["planned_period"] or ""
        return f"{p[:4]}-{3 * int(p[6]) - 2:02d}" if p[5:6] == "Q" else p

    for d in sorted(gold["documents"], key=order):
        last[d["unit"]] = d["file"]
    reported: dict[str, str] = {}  # the last month each unit reports on: a task planned after it has no fate yet
    for d in gold["documents"]:
        reported[d["unit"]] = max([reported.get(d["unit"], ""), *d["reported_months"]])
    for t in gold["tasks"]:
        if t["file"] != last[units[t["file"]]] and not t["period"][:7] > reported[units[t["file"]]]:
            assert t["id"] in fated, t["id"]
    for a, b in gold.get("cross_unit_decoys", []):
        assert units[ids[a]["file"]] != units[ids[b]["file"]]


@pytest.mark.parametrize("series, worded_alike", [
    ("dev-hand-dk", True),  # two communes given the same district tasks word for word, routine tasks repeated verbatim
    ("test-hand-dj", False),
    ("dev-hand-a", True),   # one routine task planned again in the same words
])
def test_the_scorers_ceiling_is_below_one_only_where_gold_items_are_worded_alike(series: str, worded_alike: bool) -> None:
    """tools/eval_series.py maps returned texts to gold items by text, as the hidden checks do: two gold items of the
    same wording collapse to the first, so even the gold links cannot score 1 there."""
    import json
    from collections import Counter

    from tools.eval_series import _fold, ceiling

    gold = json.loads((SERIES / series / "gold.json").read_text(encoding="utf-8"))
    top = ceiling(gold)
    twins = [t for t, n in Counter(_fold(x["text"]) for x in gold["tasks"]).items() if n > 1]
    assert bool(twins) == worded_alike, twins
    assert (min(top.values()) < 1) == worded_alike, top


def test_every_procedure_example_names_a_stage_of_its_procedure() -> None:
    """ingest/data/procedures.json: each example is read as a step of the procedure it illustrates."""
    import json

    from graph.linking import PROCEDURES, procedure_stages

    data = json.loads(PROCEDURES.read_text(encoding="utf-8"))
    for p in data["procedures"]:
        assert p["examples"], p["id"]
        for example in p["examples"]:
            assert p["id"] in procedure_stages(example), (p["id"], example)


@pytest.mark.parametrize(
    "task, later, next_step",
    [
        ("Ban Chỉ huy Quân sự xã tổ chức đăng ký nghĩa vụ quân sự cho nam công dân đủ 17 tuổi.",
         "Phối hợp Trạm Y tế xã sơ tuyển sức khỏe cho công dân thuộc nguồn gọi nhập ngũ năm 2027.", True),
        ("Hoàn thành kiểm đếm, lập phương án bồi thường cho 41 hộ.", "Lập, niêm yết công khai dự thảo phương án bồi thường.", True),
        ("Chuẩn bị các điều kiện tổ chức Lễ giao nhận quân năm 2027.", "Tổ chức sơ tuyển sức khỏe nghĩa vụ quân sự.", False),  # backwards
        ("Tổ chức sơ tuyển sức khỏe nghĩa vụ quân sự.", "Lập, niêm yết công khai dự thảo phương án bồi thường.", False),  # another procedure
        # "đối thoại" and "phê duyệt" are stages of land clearance only beside its context words (hand K: a dialogue
        # with businesses was "carried over" into the approval of a school's repair estimate)
        ("Tổ chức đối thoại giữa Bí thư Đảng ủy phường với doanh nghiệp, hộ kinh doanh về tháo gỡ khó khăn.",
         "Thẩm định, phê duyệt dự toán sửa chữa 12 phòng học Trường Tiểu học cơ sở 2.", False),
        ("Tổ chức đối thoại với 12 hộ dân chưa đồng thuận phương án bồi thường dự án đường ĐH.12.",
         "Phê duyệt phương án bồi thường, hỗ trợ cho 12 hộ dân dự án đường ĐH.12.", True),
        # a task of two stages is measured from its first: the call-up and the send-off follow the health check (hand C)
        ("Tổ chức sơ tuyển và khám sức khỏe nghĩa vụ quân sự năm 2027 bảo đảm đúng luật, công khai, dân chủ.",
         "Phát lệnh gọi nhập ngũ năm 2027 cho 52 công dân đã được xét duyệt; động viên công dân chuẩn bị lên đường nhập ngũ.", True),
        ("Tổ chức lấy ý kiến cử tri về phương án sáp nhập tổ dân phố Đông Hải 1 và tổ dân phố Đông Hải 2.",
         "Trình Hội đồng nhân dân phường xem xét, thông qua nghị quyết sáp nhập tổ dân phố Đông Hải 1 và Đông Hải 2.", True),
        ("Phê duyệt kết quả lựa chọn nhà thầu gói thầu xây lắp số 01 Dự án đường ven sông Khê.",
         "Đôn đốc nhà thầu thi công gói thầu số 01, bảo đảm tiến độ dự án.", True),
    ],
)
def test_next_step_of_a_procedure(task: str, later: str, next_step: bool) -> None:
    from graph.linking import _Scorer

    a = LinkItem("a", "d1", "task", "2026-08", task)
    b = LinkItem("b", "d2", "task", "2026-09", later)
    assert (_Scorer([a, b]).stage_bonus(a, b, next_step=True) > 0.1) is next_step


@pytest.mark.parametrize("series", ["dev-hand-a", "dev-hand-c"])
def test_score_matrix_is_the_pair_score(series: str) -> None:
    """The linker scores blocks of pairs at once (_Scorer.matrix); every cell is the one-pair score."""
    import numpy as np

    from graph.linking import _Scorer, linkdoc_from_parsed
    from ingest.pipeline import parse_file

    folder = Path(__file__).parent / "data" / "series" / series
    docs = [linkdoc_from_parsed(parse_file(f), f.name) for f in sorted(folder.glob("*.txt"))]
    items = [it for d in docs for it in d.items]
    scorer = _Scorer(items)
    tasks = [it for it in items if it.role == "task"][:60]
    others = [it for it in items if it.role in ("result", "task", "limitation")][-80:]
    for next_step in (False, True):
        got = scorer.matrix([t.id for t in tasks], [o.id for o in others], next_step=next_step)
        want = np.array([[scorer.score(t, o, next_step=next_step) for o in others] for t in tasks])
        assert np.allclose(got, want, atol=1e-12), series
    assert (want > 0.3).sum() > 5  # the block holds real matches, not only zeros


@pytest.mark.parametrize("series", ["dev-hand-a", "dev-hand-dm"])
def test_a_scorer_without_the_bodies_words_taken_from_another_is_the_scorer_read_afresh(series: str) -> None:
    """The linker's second scorer (a task planned again is more than the same body) is taken from the first's
    arrays (session 15): the same features, weights, totals and scores, to the last bit, as reading every item
    again without the bodies' words."""
    import numpy as np

    from graph.linking import _Scorer, linkdoc_from_parsed
    from ingest.pipeline import parse_file

    folder = Path(__file__).parent / "data" / "series" / series
    docs = [linkdoc_from_parsed(parse_file(f), f.name) for f in sorted(folder.glob("*.txt"))]
    items = [it for d in docs for it in d.items]
    first = _Scorer(items)
    taken, afresh = _Scorer(items, bodies=False, like=first), _Scorer(items, bodies=False)
    assert taken.features == afresh.features and taken.idf == afresh.idf and taken.total == afresh.total
    assert taken._column == afresh._column and np.array_equal(taken._weights, afresh._weights)
    assert any(t[0] == "B" for f in first.features.values() for t in f)  # there were bodies' words to leave out
    tasks = [it.id for it in items if it.role == "task"]
    for next_step in (False, True):
        assert np.array_equal(taken.matrix(tasks, tasks, next_step=next_step), afresh.matrix(tasks, tasks, next_step=next_step))


@pytest.mark.slow
def test_what_the_linker_reads_from_the_store_is_what_the_parse_says(tmp_path) -> None:
    """`read_unit` (four plain reads of a unit's rows) gives the documents and items `linkdoc_from_parsed` builds
    from the parses: the same items, roles, months, bodies, citations and themes."""
    from dataclasses import replace

    from graph.embedded import EmbeddedStore
    from graph.linking import linkdoc_from_parsed, read_unit
    from graph.loader import ingest_paths
    from graph.records import document_id
    from ingest.pipeline import parse_file

    files = sorted(DEMO.glob("*.txt"))
    parsed = [parse_file(f) for f in files]
    store = EmbeddedStore(tmp_path / "demo.db")
    try:
        ingest_paths(store, files, link=False)
        units = sorted({d.header.unit for d in parsed if d.header.unit})
        read = {d.id: d for u in units for d in read_unit(store, u)[0]}
    finally:
        store.close()
    assert len(units) > 1 and len(read) == len([d for d in parsed if d.header.unit and d.items])
    for doc in parsed:
        if not doc.header.unit or not doc.items:
            continue
        want = linkdoc_from_parsed(doc, document_id(doc))
        got = read[want.id]
        assert [replace(it, stable_key=None) for it in got.items] == list(want.items)
        assert all(it.stable_key for it in got.items)
        own = {want.own_key} if want.own_key else set()
        assert got.cites == want.cites - own
        assert replace(got, items=(), cites=frozenset()) == replace(want, items=(), cites=frozenset())


@pytest.mark.slow
def test_the_carry_over_model_is_the_one_the_development_series_train() -> None:
    """ingest/data/carry_model.json is what tools/train_carry.py fits on the dev-hand-* series (and on nothing else):
    refitted here from the labels, its weights come out the same."""
    import json

    import numpy as np

    from graph import linking
    from tools.train_carry import fit_series, pairs_of

    shipped = json.loads(linking.CARRY_MODEL.read_text(encoding="utf-8"))
    assert shipped["features"] == list(linking.CARRY_FEATURES)
    assert all(name.startswith("dev-hand-") for name in shipped["trained_on"])
    folders = sorted(p for p in SERIES.glob("dev-hand-*") if (p / "gold.json").exists())
    assert {p.name for p in folders} >= set(shipped["trained_on"])
    data = [pairs_of(SERIES / name) for name in shipped["trained_on"]]
    refit = fit_series(data)
    assert np.allclose(refit["weights"], shipped["weights"], atol=1e-6)
    assert abs(refit["bias"] - shipped["bias"]) < 1e-6


def test_a_carry_over_model_of_other_features_is_refused(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from graph import linking

    model = json.loads(linking.CARRY_MODEL.read_text(encoding="utf-8"))
    model["features"] = model["features"][:-1]
    bad = tmp_path / "carry_model.json"
    bad.write_text(json.dumps(model), encoding="utf-8")
    monkeypatch.setattr(linking, "CARRY_MODEL", bad)
    linking.carry_model.cache_clear()
    try:
        with pytest.raises(ValueError, match="train_carry"):
            linking.carry_model()
    finally:
        monkeypatch.undo()
        linking.carry_model.cache_clear()


@pytest.mark.parametrize("step", [True, False])
def test_a_task_planned_again_is_answered_by_the_result_of_the_task_it_carries_on(step: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hand CL (real text of a labelled series): the half-year report's "Hoàn thành số hóa 100% hồ sơ hộ tịch ... trong
    quý III", planned again for August ("Số hóa 1.000 hồ sơ hộ tịch còn lại, hoàn thành trước ngày 15/8/2026"); the
    quarter's report answers both with one result ("Ngày 12/8/2026, phường hoàn thành số hóa toàn bộ 11.200 hồ sơ").
    The alignment gives that result to one task; the August task takes it too instead of being called silent.
    Without the step (``step=False``) it is silent."""
    from pathlib import Path

    from graph.linking import linkdoc_from_parsed
    from ingest.pipeline import parse_file

    if not step:
        monkeypatch.setattr(linking, "_answer_carried", lambda *a: None)
    folder = Path(__file__).parent / "data" / "series" / "dev-hand-cl"
    docs = [linkdoc_from_parsed(parse_file(f), f.name) for f in sorted(folder.glob("*.txt"))]
    items = {it.id: it for d in docs for it in d.items}
    out = link_documents(docs)
    august = next(i for i, it in items.items() if it.role == "task" and it.text.startswith("Số hóa 1.000 hồ sơ hộ tịch còn lại"))
    answer = next(i for i, it in items.items() if it.role == "result" and it.text.startswith("Ngày 12/8/2026, phường hoàn thành số hóa"))
    half = next(i for i, it in items.items() if it.role == "task" and it.text.startswith("Hoàn thành số hóa 100% hồ sơ hộ tịch"))
    found = {(lk.kind, lk.source, lk.target) for lk in out.links}
    assert {("FOLLOWED_BY", half, answer), ("CARRIED_OVER", half, august)} <= found
    assert (("FOLLOWED_BY", august, answer) in found) is step
    assert out.verdicts[august] == ("done" if step else "silent")


@pytest.mark.parametrize("refs", [True, False])
def test_a_result_that_names_its_task_by_number_answers_it(refs: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hand CP (real text of a labelled series): the clerk numbers the month's tasks straight through and the next
    notice's results name them ("Nhiệm vụ số 5 và số 6 tại Thông báo số 47-TB/ĐU: ...", "(nhiệm vụ 12) Đã xong dự
    thảo ..."), sometimes in words that share nothing with the task. Each such result answers the tasks it names;
    without the reading of the numbers (``refs=False``) "(nhiệm vụ 12)" answers nothing."""
    from pathlib import Path

    from graph.linking import linkdoc_from_parsed
    from ingest.pipeline import parse_file

    if not refs:
        monkeypatch.setattr(linking, "task_refs", lambda text: frozenset())
    folder = Path(__file__).parent / "data" / "series" / "dev-hand-cp"
    docs = [linkdoc_from_parsed(parse_file(f), f.name) for f in sorted(folder.glob("*.txt"))[:3]]
    items = {it.id: it for d in docs for it in d.items}
    out = link_documents(docs)
    follows = {(lk.source, lk.target) for lk in out.links if lk.kind == "FOLLOWED_BY"}
    feb = docs[1].id
    task = {it.number: it.id for it in items.values() if it.doc_id == feb and it.role == "task"}
    result = {it.text.split(")")[0] if it.text.startswith("(") else it.text.split(":")[0]: it.id
              for it in items.values() if it.doc_id == docs[2].id and it.role == "result"}
    both = result["Nhiệm vụ số 5 và số 6 tại Thông báo số 47-TB/ĐU"]
    if refs:
        assert {(task["5"], both), (task["6"], both), (task["12"], result["(nhiệm vụ 12"])} <= follows
    else:
        assert (task["12"], result["(nhiệm vụ 12"]) not in follows


@pytest.mark.slow
@pytest.mark.parametrize("succession", [False, True], ids=["paraphrase", "succession"])
def test_the_lexicons_are_the_ones_the_development_series_mine(succession: bool) -> None:
    """ingest/data/paraphrase.json (task word -> result word, from the follow-through labels) and succession.json
    (task word -> later task word, from the carry-over labels) are what tools/train_paraphrase.py mines from the
    dev-hand-* series (and from nothing else): mined again here, the same word pairs with the same weights, from
    every development series there is."""
    import json

    from tools.train_paraphrase import mine

    shipped = json.loads((linking.SUCCESSION if succession else linking.PARAPHRASE).read_text(encoding="utf-8"))
    assert shipped["trained_on"] and all(name.startswith("dev-hand-") for name in shipped["trained_on"])
    assert shipped["trained_on"] == sorted(p.name for p in SERIES.glob("dev-hand-*") if (p / "gold.json").exists())
    again = mine([SERIES / name for name in shipped["trained_on"]], shipped["min_series"], shipped["min_ratio"],
                 succession=succession)
    assert [list(p) for p in again] == shipped["pairs"]


@pytest.mark.parametrize("lexicon", [True, False])
def test_a_next_step_in_other_words_is_carried_over_through_the_succession_lexicon(lexicon: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Development hand P: October's "Khám sơ tuyển sức khỏe nghĩa vụ quân sự năm 2027 cho công dân trong độ tuổi" is
    followed in November's plan by its next step, "Xét duyệt, phát lệnh gọi công dân nhập ngũ năm 2027": the same
    procedure in other words. The succession lexicon (sơ tuyển → nhập ngũ, mined from the development series' carry-over
    labels; in-sample here, the honest figures are the README's) carries it over; without it
    (``SUCCESSION_WEIGHT = 0``) the two tasks share too little."""
    from graph.linking import linkdoc_from_parsed
    from ingest.pipeline import parse_file

    if not lexicon:
        monkeypatch.setattr(linking, "SUCCESSION_WEIGHT", 0.0)
    folder = SERIES / "dev-hand-p"
    docs = [linkdoc_from_parsed(parse_file(folder / f), f) for f in ("van-giang_2026-10.txt", "van-giang_2026-11.txt")]
    items = {it.id: it for d in docs for it in d.items}
    task = next(i for i, it in items.items() if it.role == "task" and it.text.startswith("Khám sơ tuyển sức khỏe"))
    later = next(i for i, it in items.items() if it.role == "task" and it.text.startswith("Xét duyệt, phát lệnh gọi"))
    assert linking.succession_lexicon(), "ingest/data/succession.json is shipped"
    carried = {(lk.source, lk.target) for lk in link_documents(docs).links if lk.kind == "CARRIED_OVER"}
    assert ((task, later) in carried) is lexicon


@pytest.mark.parametrize("lexicon", [True, False])
def test_a_result_in_other_words_is_answered_through_the_genre_lexicon(lexicon: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Held-out hand BA (real text of a labelled series the lexicon never saw): April's "Theo dõi chặt chẽ sâu bệnh,
    chăm sóc lúa xuân giai đoạn đứng cái - làm đòng" comes back in May as "Rầy nâu, sâu cuốn lá phát sinh rải rác trên
    18 ha lúa xuân, đã được phun trừ kịp thời": one word in common with the task besides the crop. The associations
    mined from the development series (theo dõi sâu bệnh → phun trừ) link them; without the lexicon
    (``PARAPHRASE_WEIGHT = 0``) it is answered by nothing and taken for carried over."""
    from graph.linking import linkdoc_from_parsed
    from ingest.pipeline import parse_file

    if not lexicon:
        monkeypatch.setattr(linking, "PARAPHRASE_WEIGHT", 0.0)
    folder = SERIES / "test-hand-ba"
    docs = [linkdoc_from_parsed(parse_file(f), f.name) for f in sorted(folder.glob("yen-trach_2026-0[345].txt"))]
    items = {it.id: it for d in docs for it in d.items}
    out = link_documents(docs)
    task = next(i for i, it in items.items() if it.role == "task" and it.text.startswith("Theo dõi chặt chẽ sâu bệnh"))
    answer = next(i for i, it in items.items() if it.role == "result" and it.text.startswith("Rầy nâu, sâu cuốn lá"))
    follows = {(lk.source, lk.target) for lk in out.links if lk.kind == "FOLLOWED_BY"}
    assert ((task, answer) in follows) is lexicon
    assert (out.verdicts[task] == "done") is lexicon


def _texts_and_mutants(folder: Path) -> list[str]:
    """Every line of a folder's documents, and a mutated copy of each (capitals, marks of sentence ends, letters a
    case-blind match reads apart from their lower case, characters beyond the first 65,536): what the linker's
    fast readings must read as a plain scan does."""
    import random

    rnd = random.Random(folder.name)
    lines = [ln for p in sorted(folder.rglob("*.txt")) for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    mutants = []
    for ln in lines:
        cs = list(ln)
        for _ in range(4):
            i = rnd.randrange(len(cs) + 1)
            cs.insert(i, rnd.choice([".", ";", "\n", "/", "-", "_", " ", "ſ", "ı", "\u212a", "Đ", "Ư", "A", "ǅ", "😀", "𝐀", "0"]))
            j = rnd.randrange(len(cs))
            cs[j] = cs[j].upper() if rnd.random() < 0.5 else cs[j].lower()
        mutants.append("".join(cs))
    return lines + mutants


def _names_word_by_word(text: str, folded: str) -> set[str]:
    """The linker's names as it read them before session 15, every word looked at: the fast path's reference."""
    names, run, first = set(), [], True
    for m in linking._NAME_TOKEN.finditer(text):
        w = m.group()
        if w[0] in ".;:!?\n":
            first = True
        elif first:
            first = False
        elif w[0].isupper():
            run.append(folded[m.start() : m.end()])
            continue
        if run:
            names.add(" ".join(run))
            run = []
    if run:
        names.add(" ".join(run))
    return names


@pytest.mark.parametrize("folder", ["tests/data/corpus/real", "tests/data/series/dev-hand-dh", "tests/data/series/dev-hand-k", "samples/demo"])
def test_the_fast_readings_read_what_a_plain_scan_reads(folder: str) -> None:
    """The linker's readings were sped up (session 15) without changing a link: each fast path is checked here
    against the plain scan it replaced, on real and written lines and their mutated copies."""
    import re

    texts = _texts_and_mutants(Path(__file__).resolve().parents[1] / folder)
    assert len(texts) > 100
    stop_plain = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(linking._STOP_PHRASES, key=lambda p: -len(p))) + r")\b")
    short_plain = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(linking.WORK_ABBREVIATIONS, key=len, reverse=True))
                             + r")(?![\w-])")
    keys = linking._stage_keys()
    single, pairs = linking._stage_words()
    for text in texts:
        folded = linking._fold(text)
        # names: read at capitals and sentence ends, as word by word
        assert linking.anchors(text)[1] == _names_word_by_word(text, folded), text
        # place words: in the lowered text, at the places the case-blind pattern finds them
        low = text.lower()
        if len(low) == len(text) and not linking._CASE_ODD.search(text):
            assert [m.span() for m in linking._PLACE_WORD_LOW.finditer(low)] == [m.span() for m in linking._PLACE_WORD.finditer(text)], text
        # stop phrases and short forms: the trie substitutes what the longest-first alternation does
        assert linking._stop_re().sub(" | ", folded) == stop_plain.sub(" | ", folded), text
        assert linking._abbreviation_re().sub("#", folded) == short_plain.sub("#", folded), text
        # procedure keys: looked up by word and next word, the keys among the words and pairs
        words = linking._WORDS.findall(folded.lower())
        held = set(single.intersection(words)) | pairs.intersection(zip(words, words[1:], strict=False))
        assert held == {*words, *zip(words, words[1:], strict=False)} & keys.keys(), text
        # (session 22) diseases looked for only in a text that holds a piece of one, as the pattern alone
        assert linking._diseases(text) == frozenset(
            linking._DISEASES[int(m.lastgroup[1:])][1] for m in linking._DISEASE.finditer(low) if m.lastgroup), text


@pytest.mark.parametrize("later_reports, answered", [
    ("2026-04", True),  # after a month without a meeting, the next resolution names only the month before its plan
    ("2026-02", False),  # a document that reports an earlier month answers nothing of March
    ("2026-06", False),  # nor one that reports months later (the report of March and April is missing)
])
def test_a_task_of_a_month_no_document_names_is_answered_by_the_next_report_after_it(later_reports: str, answered: bool) -> None:
    """No document names March as reported: the next one that reports results, every month of it after March, answers
    March's tasks (the resolution that follows a skipped month and heads its results "I. KẾT QUẢ ĐẠT ĐƯỢC")."""
    docs = [
        _doc("d1", "phường X", "2026-02", "2026-03", [("task", "2026-03", TASK)]),
        _doc("d2", "phường X", later_reports, "2026-05", [("result", later_reports, RESULT), ("task", "2026-05", "Tổ chức Lễ kỷ niệm Ngày Thương binh - Liệt sỹ.")]),
    ]
    res = link_documents(docs)
    followed = [(link.source, link.target) for link in res.links if link.kind == "FOLLOWED_BY"]
    assert followed == ([("d1#0", "d2#0")] if answered else [])
