"""Periods: the months a document reports on and plans, and an item's own month, as the genre writes them."""

from __future__ import annotations

import pytest

from ingest.periods import Periods, document_periods, item_months, months_in


def _months(phrase: str) -> list[tuple[int | None, int]]:
    return [m for sp in months_in(phrase) for m in sp.months]


@pytest.mark.parametrize(
    "phrase, months",
    [
        ("tháng 9/2025", [(2025, 9)]),
        ("tháng 11 năm 2026", [(2026, 11)]),
        ("tháng 02", [(None, 2)]),
        ("kết quả tháng 11 và tháng 12", [(None, 11), (None, 12)]),  # a skipped meeting: two months at once
        ("tháng 10, 11 và 12 năm 2026", [(2026, 10), (2026, 11), (2026, 12)]),
        ("tháng 11-12/2026", [(2026, 11), (2026, 12)]),  # a range
        ("quý IV năm 2026", [(2026, 10), (2026, 11), (2026, 12)]),
        ("quý 2/2026", [(2026, 4), (2026, 5), (2026, 6)]),
        ("6 tháng đầu năm 2026", [(2026, m) for m in range(1, 7)]),
        ("sáu tháng cuối năm", [(None, m) for m in range(7, 13)]),
        ("9 tháng đầu năm", [(None, m) for m in range(1, 10)]),
        ("tháng Mười Hai", [(None, 12)]),  # in words
        ("tháng Giêng năm 2027", [(2027, 1)]),
        ("tháng XII năm 2026", [(2026, 12)]),  # in Roman figures (hand ES)
        ("tháng IX/2026", [(2026, 9)]),
        ("tháng Mười, tháng Mười một", [(None, 10), (None, 11)]),
        ("năm 2026", [(2026, m) for m in range(1, 13)]),  # a year report
        ("ngày 22 tháng 12 năm 2024", []),  # a date, not a period
        ("nhiệm kỳ 2026 - 2031", []),  # a term, not a year reviewed
    ],
)
def test_period_expressions(phrase: str, months: list) -> None:
    assert _months(phrase) == months


@pytest.mark.parametrize(
    "title, body, date, reported, planned",
    [
        # the seeds' form
        ("về kết quả thực hiện nhiệm vụ tháng 2, phương hướng nhiệm vụ trọng tâm tháng 3 năm 2026", "", None,
         ("2026-02",), ("2026-03",)),
        # a two-month report after a skipped meeting, planning the next year's first month
        ("về kết quả thực hiện nhiệm vụ tháng 11 và tháng 12, phương hướng tháng 01 năm 2027", "", "2027-01-05",
         ("2026-11", "2026-12"), ("2027-01",)),
        # a quarterly report
        ("Báo cáo kết quả thực hiện nhiệm vụ quý II năm 2026 và phương hướng nhiệm vụ tháng 7", "", "2026-07-03",
         ("2026-04", "2026-05", "2026-06"), ("2026-07",)),
        # a December notice planning January: the year turns
        ("kết quả tháng 12, nhiệm vụ tháng 01", "", "2026-12-29", ("2026-12",), ("2027-01",)),
        # the plan named only by a heading of the body
        ("Báo cáo kết quả thực hiện nhiệm vụ tháng 11 năm 2026", "I. KẾT QUẢ\nII. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 12/2026\n",
         "2026-11-28", ("2026-11",), ("2026-12",)),
        # a provincial report planning in its last section's lead phrase
        ("Báo cáo kết quả triển khai Đề án 06 tháng 8/2025", "III. NHIỆM VỤ\nTrong tháng 9/2025, tập trung thực hiện tốt các nhiệm vụ.",
         "2025-08-28", ("2025-08",), ("2025-09",)),
        # a plan with no report: a meeting that only sets the month's tasks
        ("về phương hướng, nhiệm vụ trọng tâm tháng 6 năm 2026", "", "2026-06-02", (), ("2026-06",)),
        # the monthly meeting reviews its month; a numbered point of content is no heading ("sơ kết ... năm 2026")
        ("tại cuộc họp giao ban tháng 8 năm 2026",
         "1. Đánh giá chung\n2. Nhiệm vụ trọng tâm tháng 9 năm 2026\n"
         "3. Đảng ủy chỉ đạo các chi bộ tổ chức tổng kết công tác năm 2026, đánh giá việc thực hiện nghị quyết đại hội.\n",
         "2026-08-28", ("2026-08",), ("2026-09",)),
        ("Hội nghị Ban Chấp hành thường kỳ tháng 10", "II. NHIỆM VỤ THÁNG 11\n", "2026-10-30", ("2026-10",), ("2026-11",)),
        # "lãnh đạo thực hiện nhiệm vụ tháng N": what N is, the rest of the title or the date says
        ("về lãnh đạo thực hiện nhiệm vụ tháng 7 và nhiệm vụ trọng tâm tháng 8 năm 2026", "", "2026-07-31", ("2026-07",), ("2026-08",)),
        ("về lãnh đạo thực hiện nhiệm vụ tháng 9 năm 2026", "", "2026-08-27", (), ("2026-09",)),
        ("về lãnh đạo thực hiện nhiệm vụ tháng 10 năm 2026", "", "2026-10-14", (), ("2026-10",)),
        # a quarter and a month reviewed together
        ("về lãnh đạo thực hiện nhiệm vụ quý III, tháng 10 và nhiệm vụ trọng tâm tháng 11 năm 2026", "", "2026-10-29",
         ("2026-07", "2026-08", "2026-09", "2026-10"), ("2026-11",)),
        # a meeting's month in the title; its opening sentence says what it reviewed and planned (a notice in prose)
        ("tại cuộc họp giao ban tháng 10 năm 2026",
         "Ngày 01/10/2026, Thường trực Đảng ủy phường họp giao ban đánh giá kết quả thực hiện nhiệm vụ tháng 9 và triển khai "
         "nhiệm vụ tháng 10 năm 2026. Sau khi nghe báo cáo, đồng chí Bí thư kết luận như sau:\n", "2026-10-02", ("2026-09",), ("2026-10",)),
        # no period in the title at all: the opening sentence gives both
        ("THÔNG BÁO KẾT LUẬN của Ban Thường vụ Đảng ủy xã",
         "Chiều ngày 03/11, Ban Thường vụ Đảng ủy xã họp nghe báo cáo kết quả tháng 10 và bàn nhiệm vụ trọng tâm tháng 11.\n",
         "2026-11-04", ("2026-10",), ("2026-11",)),
        # an opening that tells of no meeting is not read for months
        ("về phương hướng, nhiệm vụ trọng tâm tháng 6 năm 2026",
         "Thực hiện Kế hoạch số 12-KH/ĐU về kết quả tháng 3 năm 2026 của cấp ủy các chi bộ trực thuộc và các đoàn thể.\n", "2026-06-02",
         (), ("2026-06",)),
        # a half-year review
        ("Báo cáo sơ kết 6 tháng đầu năm 2026, phương hướng nhiệm vụ 6 tháng cuối năm", "", "2026-06-25",
         tuple(f"2026-{m:02d}" for m in range(1, 7)), tuple(f"2026-{m:02d}" for m in range(7, 13))),
        # hand CU: a title without a month, headings "tháng qua" / "tháng tới", read from the date: early in a month
        # the month before is reviewed and this one planned, late in it this one is reviewed and the next planned
        ("KẾT LUẬN HỘI NGHỊ GIAO BAN THƯỜNG TRỰC ĐẢNG ỦY", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG QUA\n- Thu ngân sách tăng 3,1% so với tháng "
         "trước.\nIII. NHIỆM VỤ TRỌNG TÂM THÁNG TỚI\n", "2025-11-05", ("2025-10",), ("2025-11",)),
        ("KẾT LUẬN HỘI NGHỊ GIAO BAN", "I. KẾT QUẢ THÁNG QUA\nIII. NHIỆM VỤ THÁNG TỚI\n", "2025-12-29", ("2025-12",), ("2026-01",)),
        ("KẾT LUẬN HỘI NGHỊ GIAO BAN", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 11\nIII. NHIỆM VỤ TRỌNG TÂM THÁNG TỚI\n", "2025-12-03",
         ("2025-11",), ("2025-12",)),
        # hand ES: a clerk who names the months in words and Roman figures; the year's review reports its last month
        ("về kết quả thực hiện nhiệm vụ tháng Mười, tháng Mười một và phương hướng, nhiệm vụ trọng tâm tháng XII năm 2026", "",
         "2026-11-27", ("2026-10", "2026-11"), ("2026-12",)),
        ("về kết quả thực hiện nhiệm vụ tháng XII, kết quả năm 2026 và phương hướng, nhiệm vụ trọng tâm tháng 01 năm 2027", "",
         "2026-12-29", ("2026-12",), ("2027-01",)),
        ("về kết quả thực hiện nhiệm vụ tháng Hai và phương hướng, nhiệm vụ trọng tâm tháng Ba năm 2027", "", "2027-02-25",
         ("2027-02",), ("2027-03",)),
        ("Thông báo kết luận", "I. KẾT QUẢ THÁNG XI\nII. NHIỆM VỤ THÁNG XII\n", "2026-11-28", ("2026-11",), ("2026-12",)),
        # hand IB (session 21): a ward's People's Committee reporting from the 16th to the 15th; each period is the month
        # it ends in, a skipped report's two periods two months
        ("Tình hình, kết quả thực hiện nhiệm vụ từ ngày 16/3/2026 đến ngày 15/4/2026; nhiệm vụ trọng tâm từ ngày 16/4/2026 "
         "đến ngày 15/5/2026", "", "2026-04-15", ("2026-04",), ("2026-05",)),
        ("Tình hình, kết quả thực hiện nhiệm vụ từ ngày 16/02/2026 đến ngày 15/4/2026;\nnhiệm vụ trọng tâm từ ngày 16/4/2026 "
         "đến ngày 15/5/2026", "", "2026-04-15", ("2026-03", "2026-04"), ("2026-05",)),
        ("kết quả từ ngày 16/12/2025 đến ngày 15/01/2026, nhiệm vụ từ ngày 16/01 đến ngày 15/02/2026", "", "2026-01-15",
         ("2026-01",), ("2026-02",)),
        ("BÁO CÁO", "I. KẾT QUẢ TỪ NGÀY 16 THÁNG 5 ĐẾN NGÀY 15 THÁNG 6 NĂM 2026\nII. NHIỆM VỤ TỪ NGÀY 16/6 ĐẾN 15/7/2026\n",
         "2026-06-15", ("2026-06",), ("2026-07",)),
        # a calendar quarter written as days
        ("báo cáo kết quả từ ngày 01/01/2026 đến ngày 31/3/2026 và nhiệm vụ tháng 4", "", "2026-03-30",
         ("2026-01", "2026-02", "2026-03"), ("2026-04",)),
        # hand UD (session 24): a meeting's month in the title, the gloss under it naming the month reviewed and the month
        # given ("việc giao" unknown to the period words: the date makes March the plan, February stays reported)
        ("Kết luận của Chủ tịch Ủy ban nhân dân đặc khu tại phiên giao ban thường kỳ tháng 02/2026",
         "(Việc đã làm tháng 02 - Việc giao tháng 3/2026)\n", "2026-02-27", ("2026-02",), ("2026-03",)),
    ],
)
def test_document_periods(title: str, body: str, date: str | None, reported: tuple, planned: tuple) -> None:
    p = document_periods(title, body, date)
    assert (p.reported, p.planned) == (reported, planned)
    assert p.reported_period == (reported[-1] if reported else None)
    assert p.planned_period == (planned[0] if planned else None)


@pytest.mark.parametrize(
    "text, role, months",
    [
        ("Trong tháng 11, đã tổ chức 3 hội nghị.", "result", ("2026-11",)),
        ("Tháng 12 đã hoàn thành kiểm đếm 41 hộ.", "result", ("2026-12",)),
        ("Đã tổ chức 3 hội nghị.", "result", ()),  # says nothing: every reported month
        ("Trong tháng 9, đã tiếp nhận 120 hồ sơ.", "result", ()),  # not a month this document reports
    ],
)
def test_item_months(text: str, role: str, months: tuple) -> None:
    assert item_months(text, Periods(("2026-11", "2026-12"), ("2027-01",)), role) == months


_MEETING = """ĐẢNG BỘ TỈNH ĐÔNG HẢI
ĐẢNG ỦY XÃ CỬA VẠN
*
Số 96-TB/ĐU

ĐẢNG CỘNG SẢN VIỆT NAM
Cửa Vạn, ngày {day} năm 2026

THÔNG BÁO
ý kiến chỉ đạo của đồng chí Bí thư Đảng ủy xã tại hội nghị Ban Thường vụ tháng 02 năm 2026

I. TÌNH HÌNH, KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 02

Thu ngân sách tháng 02 đạt 2,6 tỷ đồng, lũy kế đạt 14,1% dự toán.

II. Ý KIẾN CHỈ ĐẠO

1. Phát triển kinh tế: Ủy ban nhân dân xã tập trung khai thác các nguồn thu, phấn đấu lũy kế quý I đạt 25% dự toán.

Ban Thường vụ Đảng ủy thông báo ý kiến chỉ đạo của đồng chí Bí thư Đảng ủy xã để các chi bộ, đoàn thể biết, thực hiện.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Trần Quang Vinh
"""


@pytest.mark.parametrize("day, planned", [
    ("25 tháng 02", ("2026-03",)),  # dated in the month it reviews: the tasks are the next month's
    ("02 tháng 3", ("2026-03",)),  # dated early in the next month: the same
    ("15 tháng 6", ()),  # written months later: no month planned by this
])
def test_a_meeting_notice_that_names_no_month_planned_plans_the_next(day: str, planned: tuple) -> None:
    """Hand EA: the conclusions of a meeting name the month reviewed, not the month the work given is for; a notice
    that reports a month, gives tasks and names no month planned plans the next one, and its tasks are for it. Its
    closing, "... thông báo ... để các chi bộ ... biết, thực hiện", is no task."""
    from ingest.pipeline import parse_text

    doc = parse_text(_MEETING.format(day=day))
    assert doc.header.reported_months == ("2026-02",)
    assert doc.header.planned_months == planned
    tasks = [it for it in doc.items if it.role == "task"]
    assert len(tasks) == 1 and "Ủy ban nhân dân xã tập trung khai thác các nguồn thu" in tasks[0].text
    assert tasks[0].months == planned


_UNNAMED_RESULTS = """ĐẢNG BỘ THÀNH PHỐ LẠC GIANG
ĐẢNG ỦY PHƯỜNG BÌNH LỘC
*
Số 24-NQ/ĐU

ĐẢNG CỘNG SẢN VIỆT NAM
Bình Lộc, ngày {day} năm 2026

NGHỊ QUYẾT
của Ban Chấp hành Đảng bộ phường về lãnh đạo thực hiện nhiệm vụ tháng 3 năm 2026

BAN CHẤP HÀNH ĐẢNG BỘ PHƯỜNG QUYẾT NGHỊ:

I. KẾT QUẢ ĐẠT ĐƯỢC
{results}
II. NHỮNG VIỆC CẦN LÀM
- Lãnh đạo tổ chức thành công cuộc bầu cử đại biểu Quốc hội và đại biểu HĐND các cấp ngày 15/3/2026.

T/M BAN CHẤP HÀNH
BÍ THƯ

Hoàng Minh Tuấn
"""


@pytest.mark.parametrize("day, results, reported", [
    ("27 tháng 02", "- Danh sách cử tri được niêm yết tại 19/19 khu vực bỏ phiếu.\n", ("2026-02",)),  # the month before
    ("02 tháng 3", "- Danh sách cử tri được niêm yết tại 19/19 khu vực bỏ phiếu.\n", ("2026-02",)),
    ("05 tháng 01", "- Danh sách cử tri được niêm yết tại 19/19 khu vực bỏ phiếu.\n", ()),  # a plan written months ahead
    ("27 tháng 02", "", ()),  # no result: nothing reported
])
def test_a_resolution_whose_results_name_no_month_reports_the_month_before_its_plan(day: str, results: str, reported: tuple) -> None:
    """Hand ED: results headed "I. KẾT QUẢ ĐẠT ĐƯỢC" or "I. TÌNH HÌNH CHUNG" under a title that names only the month
    planned are the month before it, when the resolution is dated then or early in the month it plans; its results are
    that month's, so the tasks of the month before are looked for in them."""
    from ingest.pipeline import parse_text

    doc = parse_text(_UNNAMED_RESULTS.format(day=day, results=results))
    assert doc.header.planned_months == ("2026-03",)
    assert doc.header.reported_months == reported
    assert all(it.months == reported for it in doc.items if it.role == "result")
    assert [it.role for it in doc.items if it.role in {"task", "result"}].count("task") == 1


# Session 23 (hands ND, PD): a month after the notice's date is no month reported — whatever the words before it
# ("giao việc", "bàn việc", or none), it is the month planned; a wider span (a plan to 2030) is left as it was read.
@pytest.mark.parametrize("title, reported, planned", [
    ("về công việc tháng 02 và tháng 3 năm 2026", ("2026-02",), ("2026-03",)),
    ("tại phiên giao ban tháng 02 và bàn việc tháng 3 năm 2026", ("2026-02",), ("2026-03",)),
    ("tại phiên làm việc tháng 3 năm 2026", (), ("2026-03",)),
])
def test_a_month_not_begun_by_the_notices_date_is_the_month_planned(title: str, reported: tuple, planned: tuple) -> None:
    from ingest.pipeline import parse_text

    doc = parse_text("ỦY BAN NHÂN DÂN\nXÃ HÒA MỸ\nSố: 77/TB-UBND\n\nHòa Mỹ, ngày 27 tháng 02 năm 2026\n\nTHÔNG BÁO\n"
                     f"Kết luận của Chủ tịch Ủy ban nhân dân xã\n{title}\n\nNgày 26/02/2026, Chủ tịch chủ trì.\n\n"
                     "1. Thu ngân sách đạt 2 tỷ đồng.\n")
    assert (doc.header.reported_months, doc.header.planned_months) == (reported, planned)


# Session 23 (hand RC): a briefing held on the 15th reports "từ ngày 15/6 đến ngày 14/7" — by the reporting period of
# Nghị định 09/2019/NĐ-CP (the 15th of the month before to the 14th), July's — and plans "từ ngày 15/7 đến ngày 15/8", August.
@pytest.mark.parametrize("phrase, months", [
    ("từ ngày 15/6 đến ngày 14/7/2026", ((2026, 7),)),
    ("từ ngày 15/7 đến ngày 15/8/2026", ((2026, 8),)),
    ("từ ngày 15/7 đến ngày 14/9/2026", ((2026, 8), (2026, 9))),
    ("từ ngày 16/02/2026 đến ngày 15/4/2026", ((2026, 3), (2026, 4))),
    ("từ ngày 01/01 đến ngày 31/3/2026", ((2026, 1), (2026, 2), (2026, 3))),
])
def test_a_period_between_two_days_is_the_months_it_reports_by_the_15th_to_14th_rule(phrase: str, months: tuple) -> None:
    assert [sp.months for sp in months_in(phrase, ranges=True)] == [months]


@pytest.mark.parametrize("day, reported, planned", [("29", ("2026-05",), ("2026-06",)), ("03", ("2026-04",), ("2026-05",)),
                                                     ("16", ("2026-05",), ("2026-06",))])
def test_a_monthly_meetings_notice_that_names_no_month_reviews_the_month_its_date_closes(day: str, reported: tuple,
                                                                                        planned: tuple) -> None:
    """Session 23: "Kết luận ... tại phiên giao ban" and no month named anywhere — the month that ends by the notice's date
    (the reporting month closes on the 14th) is reviewed, the one after it planned; its sentences then read by their words."""
    from ingest.pipeline import parse_text

    body = ("◇ NHÌN LẠI\n\n- Thu ngân sách được 2,3 tỷ đồng, bằng 92% mức phấn đấu.\n- Đã cấp 412 thẻ căn cước cho công dân.\n"
            "- Lễ giao nhận quân đã tổ chức trang trọng, 38/38 thanh niên lên đường.\n- Trạm Y tế xã đã tiêm vắc xin sởi cho 96 trẻ.\n\n"
            "◇ HƯỚNG TỚI\n\n- Phấn đấu thu ngân sách đạt 2,5 tỷ đồng.\n- Tổ chức diễn tập phòng chống bão.\n"
            "- Hoàn thành nạo vét 1,2 km kênh tiêu thôn Đông.\n- Vận động 30 hộ còn lại đăng ký tài khoản định danh điện tử.\n")
    doc = parse_text(f"ỦY BAN NHÂN DÂN\nXÃ HÒA MỸ\nSố: 77/TB-UBND\n\nHòa Mỹ, ngày {day} tháng 5 năm 2026\n\nTHÔNG BÁO\n"
                     "Kết luận của Chủ tịch Ủy ban nhân dân xã tại phiên giao ban\n\n" + body + "\nNơi nhận:\n- Lưu: VT.\n")
    assert (doc.header.reported_months, doc.header.planned_months) == (reported, planned)
    assert [i.role for i in doc.items if i.role != "other"] == ["result"] * 4 + ["task"] * 4


def test_a_title_naming_its_months_in_words_not_known_takes_their_roles_from_its_date() -> None:
    """Hand TB: "Hai tháng 5, 6 xã làm được gì, còn vướng gì và tháng 7 năm 2026 phải lo những việc gì", dated 29/6 — no word
    of this reader's before either month: the months not begun by the date are planned, the others reported."""
    title = "Hai tháng 5, 6 xã làm được gì, còn vướng gì và tháng 7 năm 2026 phải lo những việc gì"
    assert document_periods(title, "", "2026-06-29") == Periods(("2026-05", "2026-06"), ("2026-07",))
    assert document_periods(title, "Tháng 6 tập trung hoàn thành tái canh cà phê.\n", "2026-06-29") == Periods(("2026-05", "2026-06"), ("2026-07",))
