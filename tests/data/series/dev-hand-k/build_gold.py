#!/usr/bin/env python3
"""Builds gold.json for series hand-k from the hand-written documents and the hand-made link tables below.

Items are the "- " bullets of section I (results) and section III (tasks) of each document; ids are
<ward>-<T|R><issue month>-<nn> in order of appearance (ward D = phường Phước Khang Đông,
T = phường Phước Khang Tây). Links are written by hand as (document key, unique snippet) pairs and
resolved to ids here, so that a typo fails loudly instead of producing a wrong id.
"""
import json, os, re, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
NFC = lambda s: unicodedata.normalize("NFC", s)

DOCS = {
    # key: (file, unit, reported_months, planned_period)
    "D05": ("phuoc-khang-dong_2026-05.txt", "phường Phước Khang Đông", ["2026-05"], "2026-06"),
    "D06": ("phuoc-khang-dong_2026-06.txt", "phường Phước Khang Đông", ["2026-06"], "2026-07"),
    "D07": ("phuoc-khang-dong_2026-07.txt", "phường Phước Khang Đông", ["2026-07"], "2026-08"),
    "D09": ("phuoc-khang-dong_2026-09.txt", "phường Phước Khang Đông", ["2026-08", "2026-09"], "2026-10"),
    "D10": ("phuoc-khang-dong_2026-10.txt", "phường Phước Khang Đông", ["2026-10"], "2026-11"),
    "T05": ("phuoc-khang-tay_2026-05.txt", "phường Phước Khang Tây", ["2026-05"], "2026-06"),
    "T06": ("phuoc-khang-tay_2026-06.txt", "phường Phước Khang Tây", ["2026-06"], "2026-07"),
    "T07": ("phuoc-khang-tay_2026-07.txt", "phường Phước Khang Tây", ["2026-07"], "2026-08"),
    "T08": ("phuoc-khang-tay_2026-08.txt", "phường Phước Khang Tây", ["2026-08"], "2026-09"),
    "T09": ("phuoc-khang-tay_2026-09.txt", "phường Phước Khang Tây", ["2026-07", "2026-08", "2026-09"], "2026-10"),
}

# Result periods: default is the last reported month of the document. In the two-month report D09 the
# results that are dated inside August get 2026-08; results dated in September or covering both months
# keep 2026-09. The quarterly report T09: every result gets 2026-09 (quarter totals are read "as of" September).
RESULT_PERIOD_OVERRIDES = {
    ("D09", "Tổ chức trang trọng Lễ mít tinh"): "2026-08",
    ("D09", "Từ ngày 10 đến 21/8"): "2026-08",
    ("D09", "05 chi bộ trường học hoàn thành"): "2026-08",
    ("D09", "Ngày 27/8, diễn tập"): "2026-08",
}


def sections(text):
    """Return (results, tasks): bullet texts of section I and of section III."""
    lines = [l.rstrip() for l in text.split("\n")]
    cur, res, tasks = None, [], []
    for l in lines:
        s = l.strip()
        if re.match(r"^I\.\s", s):
            cur = "R"; continue
        if re.match(r"^II\.\s", s):
            cur = None; continue
        if re.match(r"^III\.\s", s):
            cur = "T"; continue
        if re.match(r"^IV\.\s", s) or s.startswith("Giao ") or s.startswith("Trên đây"):
            cur = None; continue
        if cur and s.startswith("- "):
            (res if cur == "R" else tasks).append(s[2:].strip())
    return res, tasks


items = {}  # key -> {"R": [(id, text)], "T": [(id, text)]}
gold = {"documents": [], "tasks": [], "results": [], "follow_through": [], "carry_over": [], "gaps": [],
        "cross_unit_decoys": []}
for key, (f, unit, rep, plan) in DOCS.items():
    text = NFC(open(os.path.join(HERE, f), encoding="utf-8").read())
    res, tasks = sections(text)
    ward, mm = key[0], key[1:]
    gold["documents"].append({"file": f, "unit": unit, "reported_months": rep, "planned_period": plan})
    items[key] = {"R": [], "T": []}
    for i, t in enumerate(res, 1):
        rid = f"{ward}-R{mm}-{i:02d}"
        per = rep[-1]
        for (k, snip), p in RESULT_PERIOD_OVERRIDES.items():
            if k == key and snip in t:
                per = p
        gold["results"].append({"id": rid, "file": f, "period": per, "text": t})
        items[key]["R"].append((rid, t))
    for i, t in enumerate(tasks, 1):
        tid = f"{ward}-T{mm}-{i:02d}"
        gold["tasks"].append({"id": tid, "file": f, "period": plan, "text": t})
        items[key]["T"].append((tid, t))


def rid(key, kind, snip):
    snip = NFC(snip)
    hits = [i for i, t in items[key][kind] if snip in t]
    if len(hits) != 1:
        raise SystemExit(f"snippet {key}/{kind} {snip!r}: {len(hits)} hits")
    return hits[0]


def anyid(key, snip):
    hits = []
    for kind in "TR":
        hits += [i for i, t in items[key][kind] if NFC(snip) in t]
    if len(hits) != 1:
        raise SystemExit(f"snippet {key} {snip!r}: {len(hits)} hits")
    return hits[0]


# ---------------------------------------------------------------- follow-through (task doc, task, result doc, result, status)
FT = [
    # Đông: tasks for June (D05) -> report on June (D06)
    ("D05", "Tổ chức Hội nghị sơ kết công tác xây dựng Đảng 6 tháng", "D06", "Ngày 24/6/2026, Ban Chấp hành", "done"),
    ("D05", "Chỉ đạo 46 chi bộ trực thuộc đẩy mạnh", "D06", "Số đảng viên dùng Sổ tay", "partial"),
    ("D05", "Kiểm tra việc thu, nộp, quản lý và sử dụng đảng phí", "D06", "Ủy ban Kiểm tra Đảng ủy làm việc với Chi bộ khu phố 2", "done"),
    ("D05", "Hoàn thành xét kết nạp đảng viên cho 05", "D06", "Kết nạp 04 quần chúng vào Đảng", "partial"),
    ("D05", "Hoàn thiện hồ sơ đề xuất chủ trương đầu tư", "D06", "Công trình thoát nước, mặt đường hẻm 72 (khu phố 6)", "done"),
    ("D05", "Phấn đấu thu ngân sách 6 tháng đạt trên 50%", "D06", "Thu ngân sách 6 tháng ước đạt 53,8%", "done"),
    ("D05", "Tiếp tục ra quân lập lại trật tự đô thị", "D06", "Thu ngân sách 6 tháng ước đạt 53,8%", "done"),
    ("D05", "Tổ chức tốt các hoạt động hè năm 2026", "D06", "Ngày 06/6, khai mạc hoạt động hè", "done"),
    ("D05", "Triển khai tuyển sinh đầu cấp năm học 2026 - 2027 đúng kế hoạch", "D06", "Tiếp nhận hồ sơ trực tuyến vào lớp 1", "partial"),
    ("D05", "Tổ chức các hoạt động hưởng ứng Ngày Gia đình", "D06", "Ngày 06/6, khai mạc hoạt động hè", "done"),
    ("D05", "Bảo đảm an ninh, trật tự kỳ thi tốt nghiệp", "D06", "Điểm thi Trường THPT Phước Khang", "done"),
    ("D05", "Đẩy mạnh thực hiện Đề án 06, phấn đấu", "D06", "Kích hoạt thêm 1.684", "partial"),
    # Đông: tasks for July (D06) -> D07
    ("D06", "Chỉ đạo Chi bộ khu phố 14, Chi bộ khu phố 21", "D07", "Sau đợt chấn chỉnh", "partial"),
    ("D06", "Hoàn tất thẩm tra lý lịch", "D07", "Kết nạp 03 đảng viên mới, trong đó", "done"),
    ("D06", "Tổ chức các hoạt động kỷ niệm 79 năm", "D07", "Ngày 25/7, dâng hương", "done"),
    ("D06", "Triển khai học tập, quán triệt Nghị quyết số 71-NQ/TW", "D07", "41/46 chi bộ", "partial"),
    ("D06", "Thực hiện tốt công tác tiếp công dân", "D07", "Tiếp 23 lượt công dân", "done"),
    ("D06", "Phối hợp phòng chuyên môn thẩm định", "D07", "Hội đồng thẩm định phường họp ngày 15/7", "partial"),
    ("D06", "Tăng cường kiểm soát trật tự xây dựng", "D07", "Lập biên bản 06 công trình", "done"),
    ("D06", "Thu ngân sách tháng 7 đạt trên 9%", "D07", "Thu ngân sách tháng 7 đạt 7,6 tỷ", "partial"),
    ("D06", "Nạo vét 2,3 km", "D07", "Lập biên bản 06 công trình", "partial"),
    ("D06", "Hoàn tất tuyển sinh lớp 6", "D07", "Công bố kết quả tuyển sinh đầu cấp: 1.236", "done"),
    ("D06", "Vận động đóng góp Quỹ Đền ơn đáp nghĩa", "D07", "Ngày 25/7, dâng hương", "partial"),
    ("D06", "Tiếp tục thực hiện Đề án 06; rà soát, làm sạch", "D07", "Điều chỉnh 1.437 trường hợp", "done"),
    # Đông: tasks for August (D07) -> D09 (no August report; the two-month report is the first to report on August)
    ("D07", "Tổ chức kỷ niệm 81 năm Cách mạng Tháng Tám (19/8", "D09", "Tổ chức trang trọng Lễ mít tinh", "done"),
    ("D07", "Kiểm tra việc lãnh đạo thực hiện nhiệm vụ chuyển đổi số", "D09", "Từ ngày 10 đến 21/8", "done"),
    ("D07", "Hướng dẫn 05 chi bộ trường học", "D09", "05 chi bộ trường học hoàn thành", "done"),
    ("D07", "Duy trì tiếp công dân định kỳ của Bí thư", "D09", "Trong hai tháng kết nạp 04", "partial"),
    ("D07", "Đẩy nhanh tiến độ kết nạp đảng viên", "D09", "Trong hai tháng kết nạp 04", "done"),
    ("D07", "Hoàn chỉnh dự toán công trình thoát nước hẻm 72", "D09", "Ngày 21/8, Ủy ban nhân dân phường phê duyệt", "done"),
    ("D07", "Hoàn thành nạo vét đoạn cống còn lại", "D09", "Đoạn cống 0,5 km", "done"),
    ("D07", "Phấn đấu giải ngân vốn đầu tư công đạt trên 60%", "D09", "Giải ngân vốn đầu tư công đến 31/8", "partial"),
    ("D07", "Đôn đốc thu ngân sách, tập trung", "D09", "Giải ngân vốn đầu tư công đến 31/8", "done"),
    ("D07", "Tổng kết hoạt động hè năm 2026; chuẩn bị", "D09", "Ngày 22/8 tổng kết hoạt động hè", "done"),
    ("D07", "Hoàn thành vận động Quỹ Đền ơn đáp nghĩa", "D09", "Quỹ Đền ơn đáp nghĩa năm 2026 đạt 362", "done"),
    ("D07", "Tổ chức diễn tập chiến đấu phòng thủ", "D09", "Ngày 27/8, diễn tập", "done"),
    ("D07", "Bảo đảm tuyệt đối an toàn các sự kiện", "D09", "Dịp Quốc khánh 2/9 không xảy ra", "done"),
    # Đông: tasks for October (D09) -> D10
    ("D09", "Tổ chức Hội nghị Ban Chấp hành Đảng bộ phường đánh giá kết quả 9 tháng", "D10", "Ngày 07/10, Hội nghị", "done"),
    ("D09", "Hướng dẫn các chi bộ chuẩn bị kiểm điểm", "D10", "Ban hành Hướng dẫn số 09-HD/ĐU", "done"),
    ("D09", "Tiếp tục kết nạp đảng viên, bảo đảm", "D10", "Ban hành Hướng dẫn số 09-HD/ĐU", "partial"),
    ("D09", "Giám sát việc khắc phục sau kiểm tra", "D10", "Chi bộ khu phố 15 đã hoàn thành", "done"),
    ("D09", "Duy trì tiếp công dân; đôn đốc", "D10", "Tiếp 19 lượt công dân", "done"),
    ("D09", "Khởi công công trình thoát nước", "D10", "Ngày 14/10/2026, công trình thoát nước", "done"),
    ("D09", "Phấn đấu giải ngân vốn đầu tư công đạt 80%", "D10", "Giải ngân vốn đầu tư công đạt 76,3%", "partial"),
    ("D09", "Triển khai các khoản thu ngân sách quý IV", "D10", "Giải ngân vốn đầu tư công đạt 76,3%", "partial"),
    ("D09", "Ngày Chủ nhật xanh", "D10", "Ngày 11/10, khoảng 1.200", "done"),
    ("D09", "kỷ niệm 96 năm Ngày thành lập Hội Liên hiệp Phụ nữ", "D10", "Hội Liên hiệp Phụ nữ phường họp mặt", "done"),
    ("D09", "Rà soát hộ nghèo, hộ cận nghèo", "D10", "Đã rà soát hộ nghèo", "partial"),
    ("D09", "Tổ chức sơ tuyển sức khỏe nghĩa vụ quân sự", "D10", "Ngày 17/10 có 57/60", "partial"),
    ("D09", "Tuyên truyền hưởng ứng Ngày toàn dân phòng cháy", "D10", "Kiểm tra 134 nhà trọ", "done"),
    # Tây: tasks for June (T05) -> T06
    ("T05", "Tổ chức Hội nghị Ban Chấp hành Đảng bộ phường sơ kết 6 tháng", "T06", "Ngày 26/6, Ban Chấp hành", "done"),
    ("T05", "Đôn đốc các chi bộ hoàn thành cập nhật", "T06", "1.805/1.872", "done"),
    ("T05", "Kiểm tra tài chính đảng tại Văn phòng", "T06", "1.805/1.872", "done"),
    ("T05", "Giải quyết dứt điểm chế độ cho cán bộ", "T06", "Chi trả chế độ cho 03/04", "partial"),
    ("T05", "Lập hồ sơ đề xuất sửa chữa", "T06", "Hồ sơ sửa chữa 12 phòng học", "done"),
    ("T05", "Thu ngân sách 6 tháng đạt trên 50%", "T06", "Ngày 18/6, đồng chí Bí thư", "done"),
    ("T05", "Tổ chức đối thoại giữa Bí thư", "T06", "Ngày 18/6, đồng chí Bí thư", "done"),
    ("T05", "Khai mạc hoạt động hè, bảo đảm an toàn", "T06", "Ngày 07/6, khai mạc hè", "done"),
    ("T05", "Triển khai tuyển sinh đầu cấp", "T06", "Tuyển sinh trực tuyến lớp 1 tiếp nhận 986", "partial"),
    ("T05", "Tăng cường phòng, chống sốt xuất huyết", "T06", "Ra quân diệt lăng quăng", "done"),
    ("T05", "Bảo đảm an ninh, trật tự kỳ thi", "T06", "Kỳ thi tốt nghiệp trung học phổ thông tại điểm thi", "done"),
    ("T05", "Tiếp tục thực hiện Đề án 06; kích hoạt thêm 1.500", "T06", "Kỳ thi tốt nghiệp trung học phổ thông tại điểm thi", "done"),
    # Tây: tasks for July (T06) -> T07
    ("T06", "Kỷ niệm 79 năm", "T07", "Ngày 24/7, Đoàn đại biểu", "done"),
    ("T06", "Quán triệt Nghị quyết số 71-NQ/TW", "T07", "39/39 chi bộ", "done"),
    ("T06", "Thực hiện nghiêm lịch tiếp công dân", "T07", "Bí thư Đảng ủy, Chủ tịch", "done"),
    ("T06", "Hoàn thành chi trả chế độ", "T07", "Ngày 16/7, chi trả xong", "done"),
    ("T06", "Thẩm định, phê duyệt dự toán", "T07", "Dự toán sửa chữa 12 phòng học được phê duyệt", "done"),
    ("T06", "Tập trung thu ngân sách, phấn đấu tháng 7", "T07", "Thu ngân sách tháng 7 đạt 6,9", "done"),
    ("T06", "Ra quân nạo vét 1,6 km", "T07", "Thu ngân sách tháng 7 đạt 6,9", "done"),
    ("T06", "Công bố kết quả tuyển sinh lớp 1, lớp 6", "T07", "Công bố kết quả tuyển sinh đầu cấp: 1.002", "done"),
    ("T06", "Vận động Quỹ Đền ơn đáp nghĩa đạt 300", "T07", "Ngày 24/7, Đoàn đại biểu", "done"),
    ("T06", "Chuẩn bị tổ chức diễn tập", "T07", "Văn kiện diễn tập", "done"),
    ("T06", "Rà soát, cập nhật biến động dữ liệu dân cư", "T07", "Kích hoạt thêm 1.318", "partial"),
    # Tây: tasks for August (T07) -> T08
    ("T07", "Tổ chức kỷ niệm 81 năm Cách mạng Tháng Tám", "T08", "Sáng 19/8", "done"),
    ("T07", "Sơ kết 01 năm", "T08", "Ngày 14/8, hội nghị", "done"),
    ("T07", "Kiểm tra việc thực hiện Nghị quyết số 57-NQ/TW", "T08", "Ủy ban Kiểm tra Đảng ủy làm việc với Chi bộ khu phố 2, 6, 13", "done"),
    ("T07", "Giải quyết đơn còn tồn", "T08", "Ngày 06/8, tổ chức tọa đàm", "done"),
    ("T07", "Đẩy nhanh tiến độ sửa chữa 12 phòng học", "T08", "Ngày 27/8, nghiệm thu", "done"),
    ("T07", "Thu ngân sách tháng 8 đạt 9%", "T08", "Thu ngân sách tháng 8 ước đạt 6,1", "partial"),
    ("T07", "Giải ngân vốn đầu tư công đạt trên 60%", "T08", "Giải ngân vốn đầu tư công đạt 62,5%", "done"),
    ("T07", "Tổng kết hoạt động hè; chuẩn bị khai giảng", "T08", "Ngày 20/8 tổng kết", "done"),
    ("T07", "Huấn luyện lực lượng dân quân", "T08", "Huấn luyện 02 đợt", "partial"),
    ("T07", "Bảo đảm an ninh, trật tự dịp Quốc khánh 2/9", "T08", "Từ ngày 22 đến 25/8", "done"),
    ("T07", "Triển khai đợt cao điểm phòng, chống ma túy", "T08", "Trong đợt cao điểm, triệt xóa", "done"),
    ("T07", "Vận động đoàn viên, hội viên", "T08", "Kích hoạt thêm 1.744", "done"),
    ("T07", "Làm sạch dữ liệu dân cư tại 09", "T08", "Kích hoạt thêm 1.744", "done"),
    # Tây: tasks for September (T08) -> T09 (quarterly report, the first to report on September)
    ("T08", "đánh giá kết quả quý III", "T09", "Ngày 24/9, Hội nghị", "done"),
    ("T08", "Kết nạp đảng viên, phấn đấu lũy kế 9 tháng", "T09", "Quý III kết nạp 06", "partial"),
    ("T08", "Tổ chức sinh hoạt chuyên đề về Nghị quyết số 66-NQ/TW", "T09", "Quý III kết nạp 06", "partial"),
    ("T08", "Duy trì tiếp công dân, xử lý kịp thời", "T09", "Trong quý tiếp 49 lượt", "done"),
    ("T08", "Đẩy mạnh thu ngân sách, bù đắp", "T09", "Thu ngân sách quý III đạt 20,3", "done"),
    ("T08", "Phát động phong trào", "T09", "Ngày 13/9 và 27/9", "done"),
    ("T08", "Lập danh mục công trình đầu tư công năm 2027", "T09", "Danh mục công trình đầu tư công năm 2027 chưa trình", "not_done"),
    ("T08", "Tổ chức khai giảng năm học 2026 - 2027", "T09", "Bàn giao 12 phòng học sửa chữa", "done"),
    ("T08", "Tổ chức Tết Trung thu", "T09", "Đêm hội trăng rằm", "done"),
    ("T08", "Tổ chức diễn tập khu vực phòng thủ", "T09", "Ngày 18/9, diễn tập", "done"),
    ("T08", "Lập danh sách, chuẩn bị sơ tuyển", "T09", "Hội đồng nghĩa vụ quân sự phường xét duyệt danh sách 58", "done"),
]

# ---------------------------------------------------------------- carry-over (from doc, from task, to doc, to task, kind)
CO = [
    ("D05", "Chỉ đạo 46 chi bộ trực thuộc đẩy mạnh", "D06", "Chỉ đạo Chi bộ khu phố 14, Chi bộ khu phố 21", "unfinished_reworded"),
    ("D05", "Hoàn thành xét kết nạp đảng viên cho 05", "D06", "Hoàn tất thẩm tra lý lịch", "unfinished_reworded"),
    ("D05", "Hoàn thiện hồ sơ đề xuất chủ trương đầu tư", "D06", "Phối hợp phòng chuyên môn thẩm định", "next_step"),
    ("D05", "Phấn đấu thu ngân sách 6 tháng đạt trên 50%", "D06", "Thu ngân sách tháng 7 đạt trên 9%", "routine"),
    ("D05", "Triển khai tuyển sinh đầu cấp năm học 2026 - 2027 đúng kế hoạch", "D06", "Hoàn tất tuyển sinh lớp 6", "unfinished_reworded"),
    ("D05", "Đẩy mạnh thực hiện Đề án 06, phấn đấu", "D06", "Tiếp tục thực hiện Đề án 06; rà soát, làm sạch", "routine"),
    ("D06", "Triển khai học tập, quán triệt Nghị quyết số 71-NQ/TW", "D07", "Hướng dẫn 05 chi bộ trường học", "unfinished_reworded"),
    ("D06", "Thực hiện tốt công tác tiếp công dân", "D07", "Duy trì tiếp công dân định kỳ của Bí thư", "routine"),
    ("D06", "Phối hợp phòng chuyên môn thẩm định", "D07", "Hoàn chỉnh dự toán công trình thoát nước hẻm 72", "next_step"),
    ("D06", "Thu ngân sách tháng 7 đạt trên 9%", "D07", "Đôn đốc thu ngân sách, tập trung", "routine"),
    ("D06", "Nạo vét 2,3 km", "D07", "Hoàn thành nạo vét đoạn cống còn lại", "unfinished_reworded"),
    ("D06", "Vận động đóng góp Quỹ Đền ơn đáp nghĩa", "D07", "Hoàn thành vận động Quỹ Đền ơn đáp nghĩa", "unfinished_reworded"),
    ("D06", "Chuẩn bị lực lượng, phương tiện tham gia diễn tập", "D07", "Tổ chức diễn tập chiến đấu phòng thủ", "next_step"),
    ("D07", "Kiểm tra việc lãnh đạo thực hiện nhiệm vụ chuyển đổi số", "D09", "Giám sát việc khắc phục sau kiểm tra", "next_step"),
    ("D07", "Duy trì tiếp công dân định kỳ của Bí thư", "D09", "Duy trì tiếp công dân; đôn đốc", "unfinished_reworded"),
    ("D07", "Đẩy nhanh tiến độ kết nạp đảng viên", "D09", "Tiếp tục kết nạp đảng viên, bảo đảm", "routine"),
    ("D07", "Hoàn chỉnh dự toán công trình thoát nước hẻm 72", "D09", "Khởi công công trình thoát nước", "next_step"),
    ("D07", "Phấn đấu giải ngân vốn đầu tư công đạt trên 60%", "D09", "Phấn đấu giải ngân vốn đầu tư công đạt 80%", "unfinished_reworded"),
    ("D07", "Đôn đốc thu ngân sách, tập trung", "D09", "Triển khai các khoản thu ngân sách quý IV", "routine"),
    ("D09", "Hướng dẫn các chi bộ chuẩn bị kiểm điểm", "D10", "Tổ chức kiểm điểm, đánh giá, xếp loại chất lượng tập thể", "next_step"),
    ("D09", "Tiếp tục kết nạp đảng viên, bảo đảm", "D10", "Hoàn thành kết nạp 02 đảng viên còn lại", "unfinished_reworded"),
    ("D09", "Khởi công công trình thoát nước", "D10", "Giám sát thi công công trình thoát nước hẻm 72", "next_step"),
    ("D09", "Phấn đấu giải ngân vốn đầu tư công đạt 80%", "D10", "Giải ngân vốn đầu tư công đạt 90%", "unfinished_reworded"),
    ("D09", "Triển khai các khoản thu ngân sách quý IV", "D10", "Phấn đấu hoàn thành 100% dự toán thu", "routine"),
    ("D09", "Rà soát hộ nghèo, hộ cận nghèo", "D10", "Rà soát hộ nghèo, hộ cận nghèo", "unfinished"),
    ("D09", "Tổ chức sơ tuyển sức khỏe nghĩa vụ quân sự", "D10", "Hoàn thành khám tuyển nghĩa vụ quân sự", "next_step"),
    ("T05", "Giải quyết dứt điểm chế độ cho cán bộ", "T06", "Hoàn thành chi trả chế độ", "unfinished_reworded"),
    ("T05", "Lập hồ sơ đề xuất sửa chữa", "T06", "Thẩm định, phê duyệt dự toán", "next_step"),
    ("T05", "Thu ngân sách 6 tháng đạt trên 50%", "T06", "Tập trung thu ngân sách, phấn đấu tháng 7", "routine"),
    ("T05", "Triển khai tuyển sinh đầu cấp", "T06", "Công bố kết quả tuyển sinh lớp 1, lớp 6", "unfinished_reworded"),
    ("T05", "Tiếp tục thực hiện Đề án 06; kích hoạt thêm 1.500", "T06", "Rà soát, cập nhật biến động dữ liệu dân cư", "routine"),
    ("T06", "Thực hiện nghiêm lịch tiếp công dân", "T07", "Giải quyết đơn còn tồn", "routine"),
    ("T06", "Thẩm định, phê duyệt dự toán", "T07", "Đẩy nhanh tiến độ sửa chữa 12 phòng học", "next_step"),
    ("T06", "Tập trung thu ngân sách, phấn đấu tháng 7", "T07", "Thu ngân sách tháng 8 đạt 9%", "routine"),
    ("T06", "Chuẩn bị tổ chức diễn tập", "T07", "Huấn luyện lực lượng dân quân", "next_step"),
    ("T06", "Rà soát, cập nhật biến động dữ liệu dân cư", "T07", "Vận động đoàn viên, hội viên", "split"),
    ("T06", "Rà soát, cập nhật biến động dữ liệu dân cư", "T07", "Làm sạch dữ liệu dân cư tại 09", "split"),
    ("T07", "Giải quyết đơn còn tồn", "T08", "Duy trì tiếp công dân, xử lý kịp thời", "routine"),
    ("T07", "Thu ngân sách tháng 8 đạt 9%", "T08", "Đẩy mạnh thu ngân sách, bù đắp", "unfinished_reworded"),
    ("T07", "Huấn luyện lực lượng dân quân", "T08", "Tổ chức diễn tập khu vực phòng thủ", "next_step"),
    ("T07", "Giải ngân vốn đầu tư công đạt trên 60%", "T09", "Giải ngân vốn đầu tư công đạt 80%", "routine"),
    ("T08", "Kết nạp đảng viên, phấn đấu lũy kế 9 tháng", "T09", "Tập trung phát triển đảng viên", "unfinished_reworded"),
    ("T08", "Tổ chức sinh hoạt chuyên đề về Nghị quyết số 66-NQ/TW", "T09", "Hoàn thành sinh hoạt chuyên đề", "unfinished_reworded"),
    ("T08", "Đẩy mạnh thu ngân sách, bù đắp", "T09", "Tăng cường thu ngân sách quý IV", "routine"),
    ("T08", "Lập danh mục công trình đầu tư công năm 2027", "T09", "Hoàn thiện, trình Hội đồng nhân dân phường", "unfinished_reworded"),
    ("T08", "Lập danh sách, chuẩn bị sơ tuyển", "T09", "Tổ chức sơ tuyển sức khỏe nghĩa vụ quân sự", "next_step"),
]

# ---------------------------------------------------------------- gaps (silent tasks)
GAPS = [
    ("D05", "Rà soát, bổ sung quy hoạch"),
    ("D05", "Tổ chức Hội nghị đối thoại với doanh nghiệp"),   # reported only in D07 (two documents late): not linked
    ("D06", "Khảo sát, chuẩn bị mặt bằng"),
    ("D07", "Rà soát các tuyến hẻm chưa có đèn"),
    ("D09", "Xây dựng kế hoạch chuyển đổi số trong trường học"),
    ("T05", "Lắp đặt camera"),
    ("T06", "Tổ chức tọa đàm"),                                # reported only in T08 (two documents late): not linked
    ("T06", "Khu phố không rác thải nhựa"),
    ("T07", "Rà soát, đề xuất lắp đặt đèn"),
    ("T08", "Thực hiện chiến dịch tiêm vắc-xin sởi"),
]

# ---------------------------------------------------------------- cross-unit decoys (look-alike items of the two wards)
DECOYS = [
    (("D05", "Tổ chức Hội nghị sơ kết công tác xây dựng Đảng 6 tháng"), ("T06", "Ngày 26/6, Ban Chấp hành")),
    (("T05", "Tổ chức Hội nghị Ban Chấp hành Đảng bộ phường sơ kết 6 tháng"), ("D06", "Ngày 24/6/2026, Ban Chấp hành")),
    (("D05", "Chỉ đạo 46 chi bộ trực thuộc đẩy mạnh"), ("T06", "1.805/1.872")),
    (("D05", "Tổ chức Hội nghị đối thoại với doanh nghiệp"), ("T06", "Ngày 18/6, đồng chí Bí thư")),
    (("T05", "Tổ chức đối thoại giữa Bí thư"), ("D07", "Ngày 09/7, Ban Thường vụ")),
    (("D05", "Triển khai tuyển sinh đầu cấp năm học 2026 - 2027 đúng kế hoạch"), ("T06", "Tuyển sinh trực tuyến lớp 1 tiếp nhận 986")),
    (("T05", "Triển khai tuyển sinh đầu cấp"), ("D06", "Tiếp nhận hồ sơ trực tuyến vào lớp 1")),
    (("D05", "Đẩy mạnh thực hiện Đề án 06, phấn đấu"), ("T06", "Kỳ thi tốt nghiệp trung học phổ thông tại điểm thi")),
    (("D06", "Tổ chức các hoạt động kỷ niệm 79 năm"), ("T07", "Ngày 24/7, Đoàn đại biểu")),
    (("T06", "Kỷ niệm 79 năm"), ("D07", "Ngày 25/7, dâng hương")),
    (("D06", "Triển khai học tập, quán triệt Nghị quyết số 71-NQ/TW"), ("T07", "39/39 chi bộ")),
    (("D06", "Vận động đóng góp Quỹ Đền ơn đáp nghĩa"), ("T06", "Vận động Quỹ Đền ơn đáp nghĩa đạt 300")),
    (("D07", "Tổ chức kỷ niệm 81 năm Cách mạng Tháng Tám (19/8"), ("T07", "Tổ chức kỷ niệm 81 năm Cách mạng Tháng Tám")),
    (("D07", "Kiểm tra việc lãnh đạo thực hiện nhiệm vụ chuyển đổi số"), ("T08", "Ủy ban Kiểm tra Đảng ủy làm việc với Chi bộ khu phố 2, 6, 13")),
    (("T07", "Kiểm tra việc thực hiện Nghị quyết số 57-NQ/TW"), ("D09", "Từ ngày 10 đến 21/8")),
    (("D07", "Rà soát các tuyến hẻm chưa có đèn"), ("T07", "Rà soát, đề xuất lắp đặt đèn")),
    (("D07", "Phấn đấu giải ngân vốn đầu tư công đạt trên 60%"), ("T08", "Giải ngân vốn đầu tư công đạt 62,5%")),
    (("D07", "Tổng kết hoạt động hè năm 2026; chuẩn bị"), ("T08", "Ngày 20/8 tổng kết")),
    (("T08", "Tổ chức diễn tập khu vực phòng thủ"), ("D09", "Ngày 27/8, diễn tập")),
    (("D07", "Tổ chức diễn tập chiến đấu phòng thủ"), ("T09", "Ngày 18/9, diễn tập")),
    (("D09", "Tổ chức sơ tuyển sức khỏe nghĩa vụ quân sự"), ("T09", "Tổ chức sơ tuyển sức khỏe nghĩa vụ quân sự")),
    (("T09", "Tổ chức sơ tuyển sức khỏe nghĩa vụ quân sự"), ("D10", "Ngày 17/10 có 57/60")),
    (("T09", "Giải ngân vốn đầu tư công đạt 80%"), ("D10", "Giải ngân vốn đầu tư công đạt 76,3%")),
    (("T09", "Kỷ niệm Ngày Phụ nữ Việt Nam"), ("D10", "Hội Liên hiệp Phụ nữ phường họp mặt")),
    (("T09", "Hưởng ứng Ngày toàn dân phòng cháy"), ("D10", "Kiểm tra 134 nhà trọ")),
    (("T09", "Rà soát hộ nghèo, hộ cận nghèo"), ("D10", "Đã rà soát hộ nghèo")),
    (("T09", "Hướng dẫn kiểm điểm, đánh giá"), ("D10", "Ban hành Hướng dẫn số 09-HD/ĐU")),
]

for tk, ts, rk, rs, st in FT:
    gold["follow_through"].append({"task": rid(tk, "T", ts), "result": rid(rk, "R", rs), "status": st})
for fk, fs, tk, ts, kind in CO:
    gold["carry_over"].append({"from": rid(fk, "T", fs), "to": rid(tk, "T", ts), "kind": kind})
for k, s in GAPS:
    gold["gaps"].append(rid(k, "T", s))
for (ka, sa), (kb, sb) in DECOYS:
    gold["cross_unit_decoys"].append([anyid(ka, sa), anyid(kb, sb)])

with open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8") as fh:
    json.dump(gold, fh, ensure_ascii=False, indent=1)
print({k: len(v) for k, v in gold.items()})
