"""Deadlines of tasks: dates written every way the genre writes them, months and periods, holidays, ranges.

Each case is a task sentence as the notices write it (most taken from the
real and hand-written series: ``tests/data/series``, ``samples/demo``), with
the deadline's span marked ``[[...]]``, the notice's date and planned month,
and the deadline expected (``value``: as precise as the text; ``due``: the
last day that is on time). A case without ``[[...]]`` states no deadline: the
planned month is the default.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from ingest.deadlines import lunar_date, stated_date, task_deadline, tet
from ingest.periods import Periods

# (task text with [[span]], document date, planned month, value, due)
CASES = [
    # -- a day, written every way
    ("Chỉ đạo các hợp tác xã hoàn thành gieo cấy 100% diện tích lúa vụ Mùa [[trước ngày 10/8]].", "2026-07-30", "2026-08", "2026-08-10", "2026-08-10"),
    ("Cập nhật 16 tàu cá còn lại lên VNFishbase, hoàn thành [[trước ngày 30/11/2025]].", "2025-10-28", "2025-11", "2025-11-30", "2025-11-30"),
    ("Hoàn thành kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm 2025 [[trước ngày 15/01/2026]].", "2025-12-26", "2026-01", "2026-01-15", "2026-01-15"),
    ("Gieo cấy lúa Hè Thu [[xong trước ngày 20/6]], sử dụng giống ngắn ngày trên 70% diện tích.", "2026-05-29", "2026-06", "2026-06-20", "2026-06-20"),
    ("Chỉ đạo 100% chi bộ hoàn thành kiểm điểm tập thể, cá nhân năm 2026 [[trước ngày 15/12]].", "2026-11-27", "2026-12", "2026-12-15", "2026-12-15"),
    # a year left out: the one after the notice ("15/01" in a December notice is next January)
    ("Hoàn thành chi trả trợ cấp Tết cho người có công [[trước 15/01]].", "2026-12-21", "2027-01", "2027-01-15", "2027-01-15"),
    ("Tập trung thu hoạch dứt điểm 376 ha lúa Đông Xuân, hoàn thành [[trước 31/5]].", "2026-04-29", "2026-05", "2026-05-31", "2026-05-31"),
    ("Nộp báo cáo tổng kết năm về Văn phòng Đảng ủy [[trước 15/12]].", "2026-11-27", "2026-12", "2026-12-15", "2026-12-15"),
    ("Phấn đấu [[đến ngày 31/01/2027]] có ít nhất 95% công dân từ đủ 14 tuổi trở lên được kích hoạt tài khoản định danh điện tử mức độ 2.", "2026-12-21", "2027-01", "2027-01-31", "2027-01-31"),
    ("Đẩy mạnh cài đặt, sử dụng ứng dụng “Sổ tay đảng viên điện tử”, phấn đấu [[đến ngày 31/10/2025]] đạt 75% đảng viên sử dụng.", "2025-09-29", "2025-10", "2025-10-31", "2025-10-31"),
    ("Các chi bộ gửi báo cáo về Văn phòng Đảng ủy [[chậm nhất là ngày 15 tháng 9 năm 2026]].", "2026-08-28", "2026-09", "2026-09-15", "2026-09-15"),
    ("Ủy ban nhân dân phường tổng hợp, báo cáo kết quả [[chậm nhất ngày 25/8]].", "2026-07-29", "2026-08", "2026-08-25", "2026-08-25"),
    ("Tổ chức Hội nghị sơ kết công tác dân vận [[vào ngày 20-8-2026]].", "2026-07-29", "2026-08", "2026-08-20", "2026-08-20"),
    ("Tổ chức Hội nghị sơ kết 6 tháng thực hiện Đề án 06 [[ngày 15/9]] tại Hội trường Đảng ủy.", "2026-08-28", "2026-09", "2026-09-15", "2026-09-15"),
    ("Các chi bộ hoàn thành đại hội [[hạn chót ngày 10/9]].", "2026-08-28", "2026-09", "2026-09-10", "2026-09-10"),
    ("Rà soát, cập nhật dữ liệu đất đai. [[Thời hạn hoàn thành: 30/9/2026]].", "2026-08-28", "2026-09", "2026-09-30", "2026-09-30"),
    # a range: its end
    ("Ra quân tổng vệ sinh môi trường, khơi thông cống rãnh [[từ ngày 01/8 đến ngày 15/8]].", "2026-07-29", "2026-08", "2026-08-15", "2026-08-15"),
    ("Tổ chức đợt cao điểm tuyên truyền phòng, chống ma túy [[từ 01/9 - 20/9/2026]].", "2026-08-28", "2026-09", "2026-09-20", "2026-09-20"),
    # the most precise wins: a lead-in month does not override the day
    ("Trong tháng 8, hoàn thành hồ sơ kết nạp 06 quần chúng ưu tú vào Đảng [[trước ngày 20/8]].", "2026-07-29", "2026-08", "2026-08-20", "2026-08-20"),
    # -- a month
    ("Đôn đốc 04 hộ trúng đấu giá còn lại hoàn thành nộp tiền sử dụng đất [[trong tháng 12]].", "2025-11-27", "2025-12", "2025-12", "2025-12-31"),
    ("Khẩn trương ban hành kế hoạch kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm 2026, hoàn thành [[trong tháng 11]].", "2026-10", "2026-11", "2026-11", "2026-11-30"),
    ("Giải quyết các hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu còn tồn đọng, phấn đấu cấp mới 30 giấy chứng nhận [[trong tháng]].", "2026-12-21", "2027-01", "2027-01", "2027-01-31"),
    ("Tập trung các giải pháp thu ngân sách quý IV, phấn đấu [[đến hết tháng 10]] thu đạt 85% dự toán năm.", "2025-09-29", "2025-10", "2025-10", "2025-10-31"),
    ("Phấn đấu [[đến hết tháng 11/2025]] có 85% đảng viên cài đặt và sử dụng Sổ tay đảng viên điện tử.", "2025-10-28", "2025-11", "2025-11", "2025-11-30"),
    ("Kiểm tra an toàn phòng cháy tại 35 cơ sở nhà trọ [[trong tháng 8 và tháng 9]].", "2026-07-29", "2026-08", "2026-09", "2026-09-30"),
    ("Hoàn thành giải phóng mặt bằng, bàn giao cho chủ đầu tư [[trước tháng 10]].", "2026-08-28", "2026-09", "2026-09", "2026-09-30"),
    # -- a part of a month
    ("Hoàn thành sửa chữa 4 phòng học xuống cấp tại điểm trường Khe Nứa [[vào cuối tháng 8]].", "2026-07-29", "2026-08", "2026-08", "2026-08-31"),
    ("Tổ chức khai giảng lớp bồi dưỡng lý luận chính trị cho đảng viên mới [[đầu tháng 9]].", "2026-08-28", "2026-09", "2026-09", "2026-09-10"),
    ("Chốt danh sách hộ nghèo, hộ cận nghèo năm 2027 [[trong tuần đầu tháng]].", "2026-11-27", "2026-12", "2026-12", "2026-12-07"),
    ("Tổ chức diễn tập phòng chống lụt bão, tìm kiếm cứu nạn tại thôn Bến Đò [[trong nửa đầu tháng 8]], không lùi thời gian thêm.", "2026-07-30", "2026-08", "2026-08", "2026-08-15"),
    ("Tổ chức Đại hội Chi bộ tổ dân phố số 5 [[trong trung tuần tháng 9]].", "2026-08-28", "2026-09", "2026-09", "2026-09-20"),
    ("Hoàn thành lắp đặt hệ thống camera an ninh [[cuối tháng]].", "2026-11-25", "2026-12", "2026-12", "2026-12-31"),
    # -- a quarter, a half year, a year
    ("Các chi bộ thôn rà soát nguồn, bồi dưỡng quần chúng ưu tú, phấn đấu kết nạp đủ 05 đảng viên mới [[trong quý III]].", "2026-07-30", "2026-08", "2026-09", "2026-09-30"),
    ("Chỉ đạo các chi bộ đổi mới nội dung sinh hoạt, mỗi chi bộ tổ chức ít nhất 01 buổi sinh hoạt chuyên đề [[trong quý IV]].", "2025-09-30", "2025-10", "2025-12", "2025-12-31"),
    ("Phấn đấu hoàn thành các chỉ tiêu kinh tế - xã hội [[trong 6 tháng cuối năm]].", "2026-06-30", "2026-07", "2026-12", "2026-12-31"),
    ("Hoàn thành xây dựng 05 nhà Đại đoàn kết cho hộ nghèo [[trong năm 2026]].", "2026-06-30", "2026-07", "2026-12", "2026-12-31"),
    ("Phấn đấu [[từ nay đến cuối năm]] giải ngân 100% vốn đầu tư công được giao.", "2026-09-25", "2026-10", "2026-12", "2026-12-31"),
    ("Tập trung thu ngân sách [[trong những tháng cuối năm]], phấn đấu hoàn thành dự toán được giao.", "2026-10-28", "2026-11", "2026-12", "2026-12-31"),
    ("Tập trung thu ngân sách [[những tháng cuối năm]], phấn đấu hoàn thành dự toán thu năm 2026 được giao.", "2026-09-30", "2026-10", "2026-12", "2026-12-31"),
    ("Phấn đấu [[đến năm 2030]] 100% hộ dân được sử dụng nước sạch.", "2026-07-29", "2026-08", "2030-12", "2030-12-31"),
    # -- holidays and the lunar calendar
    ("Hoàn thành sắp xếp 34 điểm kinh doanh còn lại tại chợ Đình Phong [[trước Tết Nguyên đán]].", "2026-01-29", "2026-02", "2026-02-17", "2026-02-17"),
    ("Ra quân tổng vệ sinh môi trường [[trước Tết]], thu gom dứt điểm rác thải tồn đọng tại các tuyến mương, khu đất trống.", "2027-01-22", "2027-02", "2027-02-06", "2027-02-06"),
    ("Hoàn thành chỉnh trang các tuyến phố chính [[trước Tết Nguyên đán Đinh Mùi 2027]].", "2026-11-27", "2026-12", "2027-02-06", "2027-02-06"),
    # Tết Canh Tuất: 2 February 2030 in Vietnam's calendar (3 February in China's)
    ("Hoàn thành sửa chữa nhà văn hóa các thôn [[trước Tết Nguyên đán Canh Tuất]].", "2029-12-20", "2030-01", "2030-02-02", "2030-02-02"),
    ("Hoàn thành giải ngân vốn hỗ trợ nhà ở [[trước kỳ nghỉ Tết]].", "2027-01-22", "2027-02", "2027-02-06", "2027-02-06"),
    ("Trao quà Tết đến tận tay các gia đình chính sách, hộ nghèo [[trước ngày 25 tháng Chạp]].", "2026-12-30", "2027-01", "2027-02-01", "2027-02-01"),
    ("Hoàn thành trang trí đường phố [[trước ngày 23 tháng Chạp]].", "2026-12-21", "2027-01", "2027-01-30", "2027-01-30"),
    ("Tổ chức thăm hỏi các gia đình chính sách [[trước Rằm tháng Giêng]].", "2027-01-22", "2027-02", "2027-02-20", "2027-02-20"),
    ("Hoàn thành kiểm tra an ninh trật tự các điểm vui chơi [[trước Tết Dương lịch 2027]].", "2026-11-25", "2026-12", "2027-01-01", "2027-01-01"),
    # -- no deadline stated: the planned month, marked default
    ("Triển khai thực hiện nghiêm Chỉ thị số 55-CT/TW ngày 22/12/2025 của Ban Bí thư về việc tổ chức Tết Bính Ngọ năm 2026.", "2025-12-26", "2026-01", "2026-01", "2026-01-31"),
    ("Triển khai chính sách đối với cán bộ nghỉ hưu trước tuổi theo Nghị định số 154/2025/NĐ-CP ngày 15/6/2025 của Chính phủ.", "2026-10", "2026-11", "2026-11", "2026-11-30"),
    ("Tiếp tục thực hiện Kế hoạch số 12-KH/ĐU ngày 10/01/2027 của Ban Thường vụ Đảng ủy.", "2027-01-22", "2027-02", "2027-02", "2027-02-28"),
    ("Tổ chức Hội nghị Ban Chấp hành Đảng bộ xã sơ kết 6 tháng đầu năm 2026, triển khai nhiệm vụ 6 tháng cuối năm.", "2026-06-30", "2026-07", "2026-07", "2026-07-31"),
    ("Tổ chức các hoạt động kỷ niệm 81 năm Cách mạng tháng Tám và Quốc khánh 2/9.", "2026-07-29", "2026-08", "2026-08", "2026-08-31"),
    ("Quản lý chặt chẽ việc mua bán, sử dụng pháo; bảo đảm an ninh trật tự trước, trong và sau Tết.", "2026-12-29", "2027-01", "2027-01", "2027-01-31"),
    ("Tăng cường tuần tra, kiểm soát, bảo đảm an ninh trật tự dịp trước Tết.", "2026-12-29", "2027-01", "2027-01", "2027-01-31"),
    ("Tăng cường tuần tra, bảo đảm an ninh trật tự, phòng chống cháy nổ dịp cuối năm và Tết Dương lịch 2027.", "2026-11-27", "2026-12", "2026-12", "2026-12-31"),
    ("Tổ chức gặp mặt, tặng quà 42 công dân trúng tuyển trước ngày lên đường nhập ngũ.", "2026-01-28", "2026-02", "2026-02", "2026-02-28"),
    ("Nạo vét, khơi thông toàn tuyến mương thoát nước kênh Ba Gian trước mùa mưa bão.", "2026-07-29", "2026-08", "2026-08", "2026-08-31"),
    ("Tăng cường kiểm tra trật tự xây dựng; giải quyết 100% hồ sơ cấp giấy phép xây dựng đúng thời hạn.", "2026-09-25", "2026-10", "2026-10", "2026-10-31"),
    ("Triển khai nhiệm vụ thu ngân sách năm 2027 ngay từ đầu năm, phấn đấu thu tháng 01 đạt trên 10% dự toán.", "2026-12-21", "2027-01", "2027-01", "2027-01-31"),
    ("Có 19/27 hộ đã tự tháo dỡ nhà tạm; vận động 08 hộ còn lại tháo dỡ.", "2026-10-28", "2026-11", "2026-11", "2026-11-30"),
    # "phấn đấu tháng 01": "đấu" is not "đầu tháng"
    ("Lãnh đạo triển khai thu ngân sách ngay từ đầu năm 2027, phấn đấu tháng 01 đạt trên 9% dự toán.", "2026-12-24", "2027-01", "2027-01", "2027-01-31"),
    # a programme's horizon is not the task's deadline
    ("Triển khai thực hiện Nghị quyết của HĐND thành phố về phát triển thanh niên phường Tân Hưng đến năm 2030.", "2026-01-28", "2026-02", "2026-02", "2026-02-28"),
]


def _unmark(case: str) -> tuple[str, tuple[int, int] | None]:
    m = re.search(r"\[\[(.+?)\]\]", case)
    if not m:
        return case, None
    text = case[: m.start()] + m.group(1) + case[m.end() :]
    return text, (m.start(), m.start() + len(m.group(1)))


def _periods(planned: str) -> Periods:
    y, m = int(planned[:4]), int(planned[5:7])
    reported = f"{y - (m == 1)}-{(m - 2) % 12 + 1:02d}"
    return Periods(reported=(reported,), planned=(planned,))


def test_there_are_at_least_thirty_cases():
    assert len(CASES) >= 30 and len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize(("case", "doc_date", "planned", "value", "due"), CASES, ids=[c[0][:50] for c in CASES])
def test_task_deadline(case, doc_date, planned, value, due):
    text, span = _unmark(case)
    d = task_deadline(text, _periods(planned), doc_date, (planned,))
    assert d is not None
    assert (d.value, d.due) == (value, due)
    if span is None:
        assert (d.source, d.start, d.end) == ("default", None, None)
    else:
        assert d.source == "text"
        assert text[d.start : d.end] == text[span[0] : span[1]], text[d.start : d.end]


def test_no_month_anywhere_gives_no_deadline():
    assert task_deadline("Tăng cường công tác tuyên truyền.", Periods(), None) is None


def test_the_tasks_own_months_are_the_default():
    # a two-month plan: the task that says "Trong tháng 11, ..." is due in November, the others in December
    p = Periods(reported=("2026-10",), planned=("2026-11", "2026-12"))
    assert task_deadline("Tổ chức hội nghị.", p, "2026-10-30", ("2026-11",)).value == "2026-11"
    assert task_deadline("Tổ chức hội nghị.", p, "2026-10-30", ("2026-11", "2026-12")).value == "2026-12"


# Tết Nguyên đán, 2024-2030: the first day of the lunar year in Vietnam's calendar (UTC+7). 2024-2026 are
# the days of the Government's Tết holiday notices (Giáp Thìn 10/02/2024, Ất Tỵ 29/01/2025, Bính Ngọ
# 17/02/2026); 2027-2030 are Hồ Ngọc Đức's calendar, the one Vietnamese calendars print (in 2030 it
# differs from China's: 02/02 against 03/02, as the new moon falls at 23:07 in Hanoi and 00:07 in Beijing).
TET = {2024: "2024-02-10", 2025: "2025-01-29", 2026: "2026-02-17", 2027: "2027-02-06", 2028: "2028-01-26",
       2029: "2029-02-13", 2030: "2030-02-02"}


@pytest.mark.parametrize("year", sorted(TET))
def test_tet_dates(year):
    assert tet(year).isoformat() == TET[year]


def test_lunar_month_twelve_ends_on_the_eve_of_tet():
    # 30 tháng Chạp Bính Ngọ or 29 when the month is short: the day before Tết Đinh Mùi
    last = max(lunar_date(d, 12, 2026) for d in (29, 30) if lunar_date(d, 12, 2026) < tet(2027))
    assert last == tet(2027) - dt.timedelta(days=1)


RESULTS = [
    # (result text with [[span]], report date, reported month, day stated or None)
    ("Toàn bộ 412 ha lúa Đông Xuân đã thu hoạch [[xong trước ngày 28/5]], năng suất bình quân 63,5 tạ/ha.", "2026-05-29", "2026-05", "2026-05-28"),
    ("[[Ngày 25/9]], đã hoàn thành sửa chữa 23 nhà bị tốc mái sau bão số 3.", "2026-09-30", "2026-09", "2026-09-25"),
    ("Đã hoàn thành bàn giao mặt bằng cho chủ đầu tư [[vào ngày 18/12/2026]].", "2026-12-21", "2026-12", "2026-12-18"),
    # a date of a document cited is not the day of the result
    ("Triển khai thực hiện Chỉ thị số 38/CT-TTg ngày 18/12/2026 của Thủ tướng Chính phủ.", "2027-01-22", "2027-01", None),
    # no day, or a day after the report: nothing stated
    ("Đã hoàn thành kiểm điểm, đánh giá, xếp loại 100% chi bộ.", "2026-12-21", "2026-12", None),
    ("Dự kiến hoàn thành trước ngày 30/01/2027.", "2026-12-21", "2026-12", None),
]


@pytest.mark.parametrize(("case", "doc_date", "month", "day"), RESULTS, ids=[c[0][:40] for c in RESULTS])
def test_stated_date_of_a_result(case, doc_date, month, day):
    text, span = _unmark(case)
    got = stated_date(text, doc_date, (month,))
    if day is None:
        assert got is None
    else:
        assert got is not None and got[0] == day
        assert text[got[1] : got[2]] == text[span[0] : span[1]]
