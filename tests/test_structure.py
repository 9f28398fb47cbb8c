"""Items: golden files for the seeds, small outlines for each marker kind, and the
span invariant on generated text."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.header import parse_header
from ingest.normalize import normalize
from ingest.structure import parse_items
from ingest.vocabulary import split_sentences
from tests.helpers import GOLDEN, SEEDS, load_json, read_normalized

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_golden(name: str) -> None:
    gold = load_json(GOLDEN / name.replace(".txt", ".json"))
    text = read_normalized(SEEDS / name)
    header = parse_header(text)
    for field, value in gold["header"].items():
        got = getattr(header, field)
        if field == "signer":
            got = {"name": got.name, "title": got.title, "authority": got.authority}
        if field == "recipients":
            got = list(got)
        assert got == value, field
    items = parse_items(text, header)
    assert dict(Counter(i.role for i in items)) == gold["role_counts"]
    by_path = {i.path: i for i in items}
    for expected in gold["items"]:
        item = by_path[expected["path"]]
        assert (item.role, item.period) == (expected["role"], expected["period"]), expected["path"]
        assert item.text.startswith(expected["starts"]), (expected["path"], item.text[:80])
    for i in items:
        assert text[i.start : i.end] == i.text


OUTLINE = """NGHỊ QUYẾT
về kết quả công tác tháng 11 và nhiệm vụ trọng tâm tháng 12 năm 2025

I. KẾT QUẢ CÔNG TÁC THÁNG 11
1. Công tác xây dựng Đảng
a) Tổ chức thành công Hội nghị sơ kết. Kết nạp 05 đảng viên mới.
b) Hoàn thành 80% kế hoạch kiểm tra.
2. Hạn chế
- Tỷ lệ cài đặt Sổ tay đảng viên còn thấp.
+ Một số chi bộ chưa sinh hoạt đúng kỳ.
II. NHIỆM VỤ TRỌNG TÂM THÁNG 12
(1) Tổ chức tổng kết công tác năm 2025.
(2) Chuẩn bị bầu cử; rà soát danh sách cử tri.
Giao các đồng chí Ủy viên Ban Thường vụ tổ chức thực hiện Nghị quyết này.
"""

# path, role, period, text
OUTLINE_ITEMS = [
    ("I.1.a.s1", "result", "2025-11", "Tổ chức thành công Hội nghị sơ kết."),  # "a)" point, two sentences
    ("I.1.a.s2", "result", "2025-11", "Kết nạp 05 đảng viên mới."),
    ("I.1.b", "result", "2025-11", "Hoàn thành 80% kế hoạch kiểm tra."),
    ("I.2.b1", "limitation", "2025-11", "Tỷ lệ cài đặt Sổ tay đảng viên còn thấp."),  # "-" bullet under "Hạn chế"
    ("I.2.b1.p1", "limitation", "2025-11", "Một số chi bộ chưa sinh hoạt đúng kỳ."),  # "+" under "-"
    ("II.(1)", "task", "2025-12", "Tổ chức tổng kết công tác năm 2025."),
    ("II.(2)", "task", "2025-12", "Chuẩn bị bầu cử; rà soát danh sách cử tri."),  # a semicolon does not cut
    ("close", "assignment", "2025-12", "Giao các đồng chí Ủy viên Ban Thường vụ tổ chức thực hiện Nghị quyết này."),
]


def test_outline_markers() -> None:
    text = normalize(OUTLINE)
    header = parse_header(text)
    got = [(i.path, i.role, i.period, i.text) for i in parse_items(text, header)]
    assert got == OUTLINE_ITEMS


@pytest.mark.parametrize(
    "paragraph, sentences",
    [
        ("Giải quyết 3.096/3.114 hồ sơ. Tiếp nhận 39 hồ sơ.", ["Giải quyết 3.096/3.114 hồ sơ.", "Tiếp nhận 39 hồ sơ."]),  # thousands dot is no end
        ("Làm việc với UBND TP. Hải Phòng về dự án.", ["Làm việc với UBND TP. Hải Phòng về dự án."]),  # abbreviation
        ("Tuyên truyền Nghị quyết đại hội XIV của Đảng.. Xây dựng Kế hoạch năm 2026.", ["Tuyên truyền Nghị quyết đại hội XIV của Đảng..", "Xây dựng Kế hoạch năm 2026."]),  # ".." typo
        ("Ngày 15/03/2026. Bầu cử.", ["Ngày 15/03/2026. Bầu cử."]),  # a fragment under 12 characters joins its neighbour
    ],
)
def test_split_sentences(paragraph: str, sentences: list[str]) -> None:
    assert [paragraph[s:e] for s, e in split_sentences(paragraph, 0)] == sentences


_word = st.sampled_from(["Tổ chức", "hội nghị", "UBND", "3.114", "phường", "Uỷ ban", "hoà", "(1)", "-", "+", "a)", "1.1.", "II.", ":", ";", ".", "…", "\n", "\n\n", " ", "Nghị quyết số 57-NQ/TW", "tháng 02/2026"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_word, min_size=1, max_size=80))
def test_span_invariant_on_generated_text(words: list[str]) -> None:
    text = normalize(" ".join(words))
    header = parse_header(text)
    for item in parse_items(text, header):
        assert text[item.start : item.end] == item.text
        assert item.text.strip() == item.text and item.text


# Real documents, read by hand: which part of the outline carries which role.
# file, path prefix, role every item there has
REAL_SECTIONS = [
    ("nq-57-tw-2024.txt", "I.", "other"),  # I- QUAN ĐIỂM CHỈ ĐẠO
    ("nq-57-tw-2024.txt", "II.", "other"),  # II- MỤC TIÊU
    ("nq-57-tw-2024.txt", "III.1", "task"),  # III- NHIỆM VỤ, GIẢI PHÁP
    ("nq-57-tw-2024.txt", "IV.", "assignment"),  # IV- TỔ CHỨC THỰC HIỆN
    ("nq-08-2025-cp.txt", "Điều 2", "other"),
    ("nq-08-2025-cp.txt", "Điều 6", "assignment"),  # Điều 6. Điều khoản thi hành
    ("nq-21-2025-hdnd-vinhlong.txt", "Điều 3", "assignment"),  # Điều 3. Điều khoản thi hành
    ("kh-3260-ddqh15-2025.txt", "III.", "assignment"),  # III. TỔ CHỨC THỰC HIỆN
    ("hd-45-btctw-2025.txt", "VII", "assignment"),  # VII. Tổ chức thực hiện
]


@pytest.mark.parametrize("name, prefix, role", REAL_SECTIONS, ids=[f"{r[0]}:{r[1]}" for r in REAL_SECTIONS])
def test_real_sections(name: str, prefix: str, role: str) -> None:
    from tests.helpers import REAL

    text = read_normalized(REAL / name)
    items = [i for i in parse_items(text, parse_header(text)) if i.path.startswith(prefix)]
    assert items, f"no item under {prefix}"
    assert {i.role for i in items} == {role}


# Short real documents whose every item was counted by hand.
# file, {role: count}
REAL_COUNTS = [
    ("nq-08-2025-cp.txt", {"other": 16, "assignment": 3}),  # 5 "Căn cứ" + "Theo đề nghị" + enacting line; Điều 1-5: 9; Điều 6: 3
    ("nq-21-2025-hdnd-vinhlong.txt", {"other": 17, "assignment": 5}),  # 8 preamble lines; Điều 1: 3, Điều 2: 6 sentences; Điều 3: 4 + closing line
]


@pytest.mark.parametrize("name, counts", REAL_COUNTS, ids=[r[0] for r in REAL_COUNTS])
def test_real_counts(name: str, counts: dict[str, int]) -> None:
    from tests.helpers import REAL

    text = read_normalized(REAL / name)
    assert dict(Counter(i.role for i in parse_items(text, parse_header(text)))) == counts


# Layouts of conclusions and reports seen in series written blind by other hands (tests/data/series):
# "A." above "I.", "Một là / Hai là" points, a "Hạn chế:" paragraph, lines addressed to a body.
LAYOUTS = [
    (
        "A. KẾT QUẢ THÁNG 8\nI. Lĩnh vực kinh tế\nGieo sạ xong 2.300 ha lúa Thu Đông.\n"
        "VI. Hạn chế\nViệc di dời hộ dân còn chậm.\nB. NHIỆM VỤ THÁNG 9\na) Thi công mặt đường tuyến Cái Sơn.\n",
        [("result", "Gieo sạ xong 2.300 ha lúa Thu Đông."), ("limitation", "Việc di dời hộ dân còn chậm."),
         ("task", "Thi công mặt đường tuyến Cái Sơn.")],
    ),
    (
        "Một là, về kết quả thực hiện nhiệm vụ tháng 6\nThu ngân sách đạt 57,3% dự toán.\n"
        "Hai là, về nhiệm vụ trọng tâm tháng 7\nTrên cơ sở mục tiêu cả năm, yêu cầu thực hiện các nhiệm vụ sau:\n"
        "- Công an phường: hoàn thiện hồ sơ công nhận 02 tổ dân phố không ma túy.\n",
        [("result", "Thu ngân sách đạt 57,3% dự toán."),
         ("task", "Công an phường: hoàn thiện hồ sơ công nhận 02 tổ dân phố không ma túy.")],
    ),
    (
        "1. Về kết quả tháng 5\nThu ngân sách 5 tháng đạt 41,2% dự toán. Hạn chế: quản lý đất đai ở một số khu còn sơ hở. "
        "Tình trạng đổ trộm phế thải chưa được xử lý triệt để.\n2. Nhiệm vụ trọng tâm tháng 6\n"
        "- Ủy ban nhân dân phường: kiên trì vận động 04 hộ còn lại bàn giao mặt bằng; phối hợp bảo đảm an toàn kỳ thi tốt nghiệp THPT.\n",
        [("result", "Thu ngân sách 5 tháng đạt 41,2% dự toán."),
         ("limitation", "Hạn chế: quản lý đất đai ở một số khu còn sơ hở."),
         ("limitation", "Tình trạng đổ trộm phế thải chưa được xử lý triệt để."),
         # one bullet, one item (ANNOTATION: "every sentence or bullet"), although it gives the body two tasks
         ("task", "Ủy ban nhân dân phường: kiên trì vận động 04 hộ còn lại bàn giao mặt bằng; phối hợp bảo đảm an toàn kỳ thi tốt nghiệp THPT.")],
    ),
]


LAYOUTS += [
    (
        "1. Kết quả tháng 8\nThu ngân sách đạt 63,8% dự toán.\n2. Thường trực Đảng ủy thống nhất:\n"
        "(1) Ủy ban Kiểm tra Đảng ủy hoàn thành cuộc kiểm tra chi bộ khối Yên Giang.\n",
        [("result", "Thu ngân sách đạt 63,8% dự toán."), ("task", "Ủy ban Kiểm tra Đảng ủy hoàn thành cuộc kiểm tra chi bộ khối Yên Giang.")],
    ),
    (
        "III. NHIỆM VỤ TRỌNG TÂM THÁNG 9\nSTT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tThời gian\n"
        "1\tHoàn thành xuống giống lúa Thu Đông\tPhòng Kinh tế\tTrong tháng 9\n"
        "2\tVận động 05 hộ còn lại nhận tiền bồi thường\tTổ công tác\tTrước ngày 15/9\n\tdự án đường ĐH.12\t\t\n"
        "Trên đây là báo cáo kết quả thực hiện nhiệm vụ tháng 8 của Ủy ban nhân dân xã.\n",
        [("task", "Hoàn thành xuống giống lúa Thu Đông"), ("task", "Vận động 05 hộ còn lại nhận tiền bồi thường"),
         ("assignment", "Trên đây là báo cáo kết quả thực hiện nhiệm vụ tháng 8 của Ủy ban nhân dân xã.")],
    ),
]


# A lead-in without a number opens the points after it, whatever their marker; "Phần thứ nhất" with its
# title on the next line; a field heading inside the results that holds "nhiệm vụ" stays in the results;
# a meeting's preamble ("Sau khi nghe báo cáo tình hình ..., kết luận như sau:") announces no role.
LAYOUTS += [
    (
        "Thường trực Đảng ủy thống nhất kết luận nhiệm vụ trọng tâm tháng 7/2026 như sau:\n"
        "(1) Tổ chức diễn tập phòng chống lụt bão tại khu 4.\n(2) Hoàn thành tuyển sinh lớp 1.\n",
        [("task", "Tổ chức diễn tập phòng chống lụt bão tại khu 4."), ("task", "Hoàn thành tuyển sinh lớp 1.")],
    ),
    (
        "Phần thứ nhất\nKẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 6 NĂM 2026\nI. CÔNG TÁC XÂY DỰNG ĐẢNG\n"
        "- Kết nạp 04 đảng viên mới.\nII. KINH TẾ - XÃ HỘI\n- Thu ngân sách đạt 52% dự toán.\n"
        "Phần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 7\na) Khởi công nhà văn hóa khu 2.\n",
        [("result", "Kết nạp 04 đảng viên mới."), ("result", "Thu ngân sách đạt 52% dự toán."), ("task", "Khởi công nhà văn hóa khu 2.")],
    ),
    (
        "I. ĐÁNH GIÁ KẾT QUẢ THÁNG 6\n1. Công tác xây dựng Đảng\n- Trao Huy hiệu Đảng cho 09 đảng viên.\n"
        "2. Lãnh đạo thực hiện nhiệm vụ phát triển kinh tế - xã hội\n- Thu ngân sách đạt 52% dự toán.\n"
        "3. Những hạn chế\n- Giải ngân vốn đầu tư còn chậm.\nII. NHIỆM VỤ TRỌNG TÂM THÁNG 7\n1. Khởi công nhà văn hóa khu 2.\n",
        [("result", "Trao Huy hiệu Đảng cho 09 đảng viên."), ("result", "Thu ngân sách đạt 52% dự toán."),
         ("limitation", "Giải ngân vốn đầu tư còn chậm."), ("task", "Khởi công nhà văn hóa khu 2.")],
    ),
    (
        "Sau khi nghe Ủy ban nhân dân phường báo cáo tình hình và ý kiến các đồng chí dự họp, đồng chí Bí thư kết luận như sau:\n"
        "1. Về kết quả tháng 6\nTrao Huy hiệu Đảng cho 09 đảng viên.\n2. Về nhiệm vụ tháng 7\nKhởi công nhà văn hóa khu 2.\n",
        [("result", "Trao Huy hiệu Đảng cho 09 đảng viên."), ("task", "Khởi công nhà văn hóa khu 2.")],
    ),
]


# Points numbered again from 1 under a numbered heading are its children; a closing "Thường trực Đảng ủy giao
# các đồng chí ..." is the document's assignment, not a task.
LAYOUTS += [
    (
        "1. Đánh giá chung\nTrong tháng 8, thu ngân sách đạt 61% dự toán.\n2. Nhiệm vụ trọng tâm tháng 9 năm 2026\n"
        "1. Giao Ủy ban nhân dân xã hoàn thành bồi thường tuyến đường liên thôn.\n2. Công an xã tăng cường tuần tra ban đêm.\n"
        "Thường trực Đảng ủy giao các đồng chí Ủy viên Ban Thường vụ theo dõi, đôn đốc thực hiện.\n",
        [("result", "Trong tháng 8, thu ngân sách đạt 61% dự toán."),
         ("task", "Giao Ủy ban nhân dân xã hoàn thành bồi thường tuyến đường liên thôn."),
         ("task", "Công an xã tăng cường tuần tra ban đêm."),
         ("assignment", "Thường trực Đảng ủy giao các đồng chí Ủy viên Ban Thường vụ theo dõi, đôn đốc thực hiện.")],
    ),
    # "Thứ nhất, ..." after "1." and "2." are the points of the numbered heading above them (hand N)
    (
        "1. Kết quả thực hiện nhiệm vụ tháng 9\n- Thu ngân sách 9 tháng đạt 76,3% dự toán.\n"
        "2. Phương hướng, nhiệm vụ tháng 10\n\nThứ nhất, công bố công khai danh sách học sinh được hỗ trợ.\n\n"
        "Thứ hai, duy trì tiếp công dân định kỳ của Bí thư Đảng ủy.\n",
        [("result", "Thu ngân sách 9 tháng đạt 76,3% dự toán."),
         ("task", "công bố công khai danh sách học sinh được hỗ trợ."), ("task", "duy trì tiếp công dân định kỳ của Bí thư Đảng ủy.")],
    ),
]

# A lead-in under the results heading that says the tasks were done announces results, not tasks (hand S)
LAYOUTS += [
    (
        "A. KẾT QUẢ THÁNG 10 NĂM 2026\nBan Thường vụ ghi nhận các cơ quan, đơn vị đã nỗ lực hoàn thành các nhiệm vụ tháng 10 "
        "trong điều kiện bão số 12, cụ thể:\n+ Sơ tán 318 hộ đến nơi an toàn.\nB. NHIỆM VỤ TRỌNG TÂM THÁNG 11\n"
        "- Hỗ trợ lợp lại mái cho 27 hộ.\n",
        [("result", "Sơ tán 318 hộ đến nơi an toàn."), ("task", "Hỗ trợ lợp lại mái cho 27 hộ.")],
    ),
]

# A field's or a body's name over the points under it is not an item, whatever marks it (hand T): an unmarked
# line, "* UBND xã" over "- ..." points, "b) UBND xã" over "- ..." points; "Văn phòng Đảng ủy theo dõi, tổng hợp
# báo cáo ..." closes the document
LAYOUTS += [
    (
        "I. KẾT QUẢ ĐẠT ĐƯỢC\nXây dựng Đảng\n+ Tháng 9: kết nạp 03 đảng viên mới.\n\nKinh tế - xã hội\n"
        "+ Tháng 9: tiêm phòng đợt 2 đạt 92% diện tiêm.\nII. NHIỆM VỤ THÁNG 11\n* Khối Đảng\n- Kiểm tra đảng phí tại chi bộ thôn Gò Găng.\n"
        "* UBND xã\n- Thu ngân sách 10 tháng đạt 82% dự toán.\nb) Ủy ban MTTQ và các đoàn thể\n- Phát động tháng cao điểm \"Vì người nghèo\".\n"
        "Văn phòng Đảng ủy theo dõi, tổng hợp báo cáo Thường trực Đảng ủy.\n",
        [("result", "Tháng 9: kết nạp 03 đảng viên mới."), ("result", "Tháng 9: tiêm phòng đợt 2 đạt 92% diện tiêm."),
         ("task", "Kiểm tra đảng phí tại chi bộ thôn Gò Găng."), ("task", "Thu ngân sách 10 tháng đạt 82% dự toán."),
         ("task", 'Phát động tháng cao điểm "Vì người nghèo".'),
         ("assignment", "Văn phòng Đảng ủy theo dõi, tổng hợp báo cáo Thường trực Đảng ủy.")],
    ),
]

# Points numbered again from 1 under "3. Nhiệm vụ ..." past a lead-in and a field's title, or through the fields'
# lettered titles, are the heading's children (hand W, a province's notices)
LAYOUTS += [
    (
        "1. Kết quả đạt được\nThu ngân sách tháng 6 đạt 712 tỷ đồng.\n2. Hạn chế\nGiải ngân còn chậm.\n3. Nhiệm vụ trọng tâm tháng 7/2026\n"
        "Ban Thường vụ Tỉnh ủy yêu cầu tập trung thực hiện tốt các nhiệm vụ sau:\n- Về công tác xây dựng Đảng, hệ thống chính trị:\n"
        "1. Ban Tổ chức Tỉnh ủy hoàn thiện Báo cáo đánh giá 01 năm vận hành mô hình chính quyền địa phương 2 cấp.\n"
        "- Về kinh tế - xã hội:\n2. Phấn đấu thu ngân sách tháng 7 đạt trên 700 tỷ đồng.\n",
        [("result", "Thu ngân sách tháng 6 đạt 712 tỷ đồng."), ("limitation", "Giải ngân còn chậm."),
         ("task", "Ban Tổ chức Tỉnh ủy hoàn thiện Báo cáo đánh giá 01 năm vận hành mô hình chính quyền địa phương 2 cấp."),
         ("task", "Phấn đấu thu ngân sách tháng 7 đạt trên 700 tỷ đồng.")],
    ),
    (
        "1. Kết quả đạt được\nThu ngân sách tháng 10 đạt 690 tỷ đồng.\n3. Nhiệm vụ trọng tâm tháng 11/2026\n"
        "a) Công tác xây dựng Đảng, hệ thống chính trị\n1. Ủy ban Kiểm tra Tỉnh ủy giải quyết dứt điểm 02 đơn tố cáo.\n"
        "b) Kinh tế - xã hội\n2. Hoàn thành gieo trồng 1.580 ha cây vụ Đông còn lại.\n",
        [("result", "Thu ngân sách tháng 10 đạt 690 tỷ đồng."), ("task", "Ủy ban Kiểm tra Tỉnh ủy giải quyết dứt điểm 02 đơn tố cáo."),
         ("task", "Hoàn thành gieo trồng 1.580 ha cây vụ Đông còn lại.")],
    ),
]

# Markers of a document typed in Word by an older hand: "I- ...", "II/ ...", "1/ ...", "a- ..." (hand Z); "1/2 số hộ" and
# "15/8" opening a line are figures, not points
LAYOUTS += [
    (
        "I- KẾT QUẢ ĐẠT ĐƯỢC\n1/ Về kinh tế, đô thị\n* Thu ngân sách 6 tháng ước đạt 53,8% dự toán.\n2/ Về xây dựng Đảng\n"
        "* 26 quần chúng ưu tú hoàn thành lớp học.\nII/ HẠN CHẾ\n* Thu ngân sách chưa đạt chỉ tiêu.\n"
        "III- PHƯƠNG HƯỚNG NHIỆM VỤ THÁNG 7\na- Thẩm tra lý lịch của 26 quần chúng.\nb- Hoàn thành kiểm tra PCCC 14 nhà trọ.\n",
        [("result", "Thu ngân sách 6 tháng ước đạt 53,8% dự toán."), ("result", "26 quần chúng ưu tú hoàn thành lớp học."),
         ("limitation", "Thu ngân sách chưa đạt chỉ tiêu."), ("task", "Thẩm tra lý lịch của 26 quần chúng."),
         ("task", "Hoàn thành kiểm tra PCCC 14 nhà trọ.")],
    ),
]

# "… triển khai cơ bản đầy đủ các nhiệm vụ đề ra; nổi bật là:" under the results heading announces results (hand X)
LAYOUTS += [
    (
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 6 NĂM 2026\nTrong tháng, các chi bộ, cơ quan, đơn vị đã bám sát sự lãnh đạo của Đảng ủy, "
        "triển khai cơ bản đầy đủ các nhiệm vụ đề ra; nổi bật là:\n- Kết nạp 06 đảng viên mới.\nII. NHIỆM VỤ TRỌNG TÂM THÁNG 7\n"
        "1. Tổ chức Lễ kỷ niệm Ngày Thương binh - Liệt sĩ.\n",
        [("result", "Kết nạp 06 đảng viên mới."), ("task", "Tổ chức Lễ kỷ niệm Ngày Thương binh - Liệt sĩ.")],
    ),
]

# hand AR (session 7): a lead-in that says the month's tasks were carried out announces results
LAYOUTS += [
    (
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 12/2025\n\nNhìn chung, các nhiệm vụ trọng tâm của tháng cuối năm được triển khai "
        "đồng bộ, cụ thể:\n\n+ Tổng thu ngân sách năm 2025 đạt 13,35 tỷ đồng.\n\nII. NHIỆM VỤ TRỌNG TÂM THÁNG 01/2026\n"
        "1. Tổ chức Hội nghị Ban Chấp hành Đảng bộ xã.\n",
        [("result", "Tổng thu ngân sách năm 2025 đạt 13,35 tỷ đồng."), ("task", "Tổ chức Hội nghị Ban Chấp hành Đảng bộ xã.")],
    ),
]

# hand AO (session 7): results as tab-separated rows with an empty last cell, tasks as a Markdown table; rows of
# about the same length must not be reflowed into one paragraph
LAYOUTS += [
    (
        "I. KẾT QUẢ THÁNG 6/2026\nTT\tKết quả\tGhi chú\n"
        "1\t9/12 hạng mục sửa chữa trường lớp đã khởi công; 03 hạng mục chưa chọn được nhà thầu\t\n"
        "2\tTờ trình xin bổ sung vốn 07 hạng mục đã gửi UBND tỉnh (qua Sở Tài chính) ngày 18/6\t\n"
        "3\tHộ bà Phạm Thị Lụa tự nguyện bàn giao mặt bằng ngày 12/6, không phải cưỡng chế\tđoạn 2 Trần Khắc Chung\n"
        "4\tKhơi thông toàn tuyến mương Bãi Sậy - Xóm Chài, tổng chiều dài 2.600 m và nạo vét cống\t\n\n"
        "II. NHIỆM VỤ THÁNG 7/2026\n\n| TT | Nội dung | Chủ trì | Thời hạn |\n|---|---|---|---|\n"
        "| 1 | Lựa chọn nhà thầu, khởi công 03 hạng mục còn lại; nghiệm thu toàn bộ trước năm học mới | Phòng VH-XH | 31/7 |\n"
        "| 2 | Theo dõi, đôn đốc việc thẩm định vốn bổ sung cho 07 hạng mục | UBND | 31/7 |\n",
        [("result", "9/12 hạng mục sửa chữa trường lớp đã khởi công; 03 hạng mục chưa chọn được nhà thầu"),
         ("result", "Tờ trình xin bổ sung vốn 07 hạng mục đã gửi UBND tỉnh (qua Sở Tài chính) ngày 18/6"),
         ("result", "Hộ bà Phạm Thị Lụa tự nguyện bàn giao mặt bằng ngày 12/6, không phải cưỡng chế"),
         ("result", "Khơi thông toàn tuyến mương Bãi Sậy - Xóm Chài, tổng chiều dài 2.600 m và nạo vét cống"),
         ("task", "Lựa chọn nhà thầu, khởi công 03 hạng mục còn lại; nghiệm thu toàn bộ trước năm học mới"),
         ("task", "Theo dõi, đôn đốc việc thẩm định vốn bổ sung cho 07 hạng mục")],
    ),
]

# hand BH (session 9): unnumbered tasks opening with the body they are given to; "Giao Văn phòng Đảng ủy ..." is a task
# of the office, not the closing that gives it the follow-up ("Giao Văn phòng Đảng ủy theo dõi, đôn đốc")
LAYOUTS += [
    (
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 4 NĂM 2026\n\nĐã bàn giao 02 nhà Đại đoàn kết cho hộ ông Nguyễn Văn Bảy.\n\n"
        "Kiểm tra 14 nhà hàng, cơ sở chế biến hải sản; xử phạt 03 cơ sở.\n\n"
        "II. NHIỆM VỤ TRỌNG TÂM THÁNG 5 NĂM 2026\n\nGiao Công an xã tiếp tục triển khai Đề án 06.\n\n"
        "Giao Văn phòng Đảng ủy phối hợp các đoàn thể tổ chức các hoạt động kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh.\n\n"
        "Giao Ủy ban Kiểm tra Đảng ủy giám sát việc quản lý, sử dụng đảng phí tại 03 chi bộ thôn.\n\n"
        "Giao Thường trực HĐND xã chuẩn bị chu đáo kỳ họp thứ nhất HĐND xã khóa II.\n\n"
        "Đề nghị Ủy ban MTTQ xã giám sát việc thu, chi các khoản đóng góp tự nguyện tại các trường học.\n\n"
        "Giao Văn phòng Đảng ủy theo dõi, đôn đốc việc thực hiện Thông báo này.\n",
        [("result", "Đã bàn giao 02 nhà Đại đoàn kết cho hộ ông Nguyễn Văn Bảy."),
         ("result", "Kiểm tra 14 nhà hàng, cơ sở chế biến hải sản; xử phạt 03 cơ sở."),
         ("task", "Giao Công an xã tiếp tục triển khai Đề án 06."),
         ("task", "Giao Văn phòng Đảng ủy phối hợp các đoàn thể tổ chức các hoạt động kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh."),
         ("task", "Giao Ủy ban Kiểm tra Đảng ủy giám sát việc quản lý, sử dụng đảng phí tại 03 chi bộ thôn."),
         ("task", "Giao Thường trực HĐND xã chuẩn bị chu đáo kỳ họp thứ nhất HĐND xã khóa II."),
         ("task", "Đề nghị Ủy ban MTTQ xã giám sát việc thu, chi các khoản đóng góp tự nguyện tại các trường học."),
         ("assignment", "Giao Văn phòng Đảng ủy theo dõi, đôn đốc việc thực hiện Thông báo này.")],
    ),
]


# session 10: a notice typed from the minutes, in prose without headings, its points numbered inside the paragraph
# ("... kết quả: (1) ...; (2) ..."); each point is an item, as a bullet is (ANNOTATION: "every sentence or bullet")
LAYOUTS += [
    (
        "Trong tháng 9/2026, dưới sự lãnh đạo của Đảng ủy, phường đạt được một số kết quả: (1) thu ngân sách đạt 1,2 tỷ đồng, "
        "lũy kế đạt 86% dự toán; (2) hoàn thành khám sức khỏe nghĩa vụ quân sự cho 64/70 công dân; (3) tỷ lệ hồ sơ giải quyết "
        "trực tuyến đạt 92%.\n\nTuy nhiên, còn một số hạn chế: tiến độ giải phóng mặt bằng dự án đường Nguyễn Văn Cừ còn chậm.\n\n"
        "Đồng chí Bí thư Đảng ủy yêu cầu trong tháng 10 tập trung thực hiện tốt các nhiệm vụ sau: 1) phấn đấu thu ngân sách đạt 95% "
        "dự toán năm; 2) hoàn thành bàn giao mặt bằng 0,8 ha còn lại; 3) tổ chức sơ kết 9 tháng thực hiện Nghị quyết 57-NQ/TW.\n\n"
        "Giao Văn phòng Đảng ủy theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Thường trực Đảng ủy.\n",
        [("result", "(1) thu ngân sách đạt 1,2 tỷ đồng, lũy kế đạt 86% dự toán;"),
         ("result", "(2) hoàn thành khám sức khỏe nghĩa vụ quân sự cho 64/70 công dân;"),
         ("result", "(3) tỷ lệ hồ sơ giải quyết trực tuyến đạt 92%."),
         ("limitation", "tiến độ giải phóng mặt bằng dự án đường Nguyễn Văn Cừ còn chậm."),
         ("task", "1) phấn đấu thu ngân sách đạt 95% dự toán năm;"),
         ("task", "2) hoàn thành bàn giao mặt bằng 0,8 ha còn lại;"),
         ("task", "3) tổ chức sơ kết 9 tháng thực hiện Nghị quyết 57-NQ/TW."),
         ("assignment", "Giao Văn phòng Đảng ủy theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Thường trực Đảng ủy.")],
    ),
    (
        "1. Kết quả tháng 9\n- Công tác xây dựng Đảng: a) kết nạp 03 đảng viên mới; b) chuyển sinh hoạt đảng cho 12 đảng viên.\n"
        "2. Nhiệm vụ tháng 10\n- Đối với Ủy ban nhân dân phường: (1) hoàn thành thu thuế sử dụng đất phi nông nghiệp; "
        "(2) ra quân lập lại trật tự vỉa hè tuyến phố Ngọc Lâm.\n- Tổ chức Hội nghị cán bộ chủ chốt, số 2) và số 3) của kế hoạch.\n",
        [("result", "Công tác xây dựng Đảng: a) kết nạp 03 đảng viên mới;"),
         ("result", "b) chuyển sinh hoạt đảng cho 12 đảng viên."),
         ("task", "Đối với Ủy ban nhân dân phường: (1) hoàn thành thu thuế sử dụng đất phi nông nghiệp;"),
         ("task", "(2) ra quân lập lại trật tự vỉa hè tuyến phố Ngọc Lâm."),
         ("task", "Tổ chức Hội nghị cán bộ chủ chốt, số 2) và số 3) của kế hoạch.")],
    ),
    (
        # a lettered field after a blank line is no continuation of the heading above it; ordinal points go on
        # across paragraphs ("Thứ sáu, X; thứ bảy, Y": the paragraph's own marker read apart, then the run goes on)
        "1. Kết quả thực hiện nhiệm vụ tháng 6/2026\n\na. Về kinh tế, đô thị\n- Thu ngân sách 6 tháng đạt 14,2 tỷ đồng, bằng 50,9% dự toán.\n"
        "2. Nhiệm vụ tháng 7/2026\nĐảng ủy yêu cầu tập trung: thứ nhất, phấn đấu thu ngân sách 7 tháng đạt 58% dự toán; thứ hai, "
        "hoàn thành bàn giao mặt bằng đường ĐT.615 đoạn qua thôn Tân An.\nThứ ba, gieo cấy 580 ha lúa vụ Mùa bảo đảm khung thời vụ; "
        "thứ tư, hoàn thành đăng ký nghĩa vụ quân sự lần đầu cho công dân nam đủ 17 tuổi.\n",
        [("result", "Thu ngân sách 6 tháng đạt 14,2 tỷ đồng, bằng 50,9% dự toán."),
         ("task", "Đảng ủy yêu cầu tập trung: thứ nhất, phấn đấu thu ngân sách 7 tháng đạt 58% dự toán;"),
         ("task", "thứ hai, hoàn thành bàn giao mặt bằng đường ĐT.615 đoạn qua thôn Tân An."),
         ("task", "gieo cấy 580 ha lúa vụ Mùa bảo đảm khung thời vụ;"),
         ("task", "thứ tư, hoàn thành đăng ký nghĩa vụ quân sự lần đầu cho công dân nam đủ 17 tuổi.")],
    ),
]


# session 10, hands BM, BP, BT and BU: a report written field by field ("* Kết quả:" / "* Nhiệm vụ tháng tới:" inside
# each field); a Word document whose numbering was lost in the copy (an upper-case heading, fields ending in ":",
# a table's header row); a work programme; a follow-up table ("Nhiệm vụ | Kết quả thực hiện")
LAYOUTS += [
    (
        "1. Công tác chính trị tư tưởng\n* Kết quả:\n- Tổ chức hội nghị học tập Nghị quyết Đại hội XIV cho 86 cán bộ chủ chốt.\n"
        "* Nhiệm vụ tháng tới:\n- Tổ chức học tập Nghị quyết Đại hội XIV cho toàn thể đảng viên tại 19 chi bộ.\n"
        "2. Công tác kiểm tra, giám sát\n* Kết quả:\n- Kiểm tra đảng phí tại 7 chi bộ còn lại.\n"
        "* Nhiệm vụ tháng tới:\n- Giám sát công tác chuẩn bị bầu cử tại 7 khu vực bỏ phiếu.\n",
        [("result", "Tổ chức hội nghị học tập Nghị quyết Đại hội XIV cho 86 cán bộ chủ chốt."),
         ("task", "Tổ chức học tập Nghị quyết Đại hội XIV cho toàn thể đảng viên tại 19 chi bộ."),
         ("result", "Kiểm tra đảng phí tại 7 chi bộ còn lại."),
         ("task", "Giám sát công tác chuẩn bị bầu cử tại 7 khu vực bỏ phiếu.")],
    ),
    (
        "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 4 VÀ THÁNG 5 NĂM 2026\n\nLĩnh vực kinh tế:\n\n"
        "Thu hoạch xong 430 ha lúa Đông Xuân, năng suất bình quân 63,4 tạ/ha.\n\n"
        "Chỉ tiêu | Kế hoạch năm | Thực hiện tháng | Lũy kế | Tỷ lệ\n"
        "Thu ngân sách nhà nước (triệu đồng) | 9.800 | 806 | 3.839 | 39,2%\n\n"
        "Văn hóa - xã hội:\n\nBàn giao 03 căn nhà cuối cùng, hoàn thành xóa 14/14 nhà tạm.\n\n"
        "NHIỆM VỤ TRỌNG TÂM THÁNG 6\n\nHoàn thành sửa chữa cầu tràn Suối Đá trước ngày 15/6.\n",
        [("result", "Thu hoạch xong 430 ha lúa Đông Xuân, năng suất bình quân 63,4 tạ/ha."),
         ("result", "Thu ngân sách nhà nước (triệu đồng) | 9.800 | 806 | 3.839 | 39,2%"),
         ("result", "Bàn giao 03 căn nhà cuối cùng, hoàn thành xóa 14/14 nhà tạm."),
         ("task", "Hoàn thành sửa chữa cầu tràn Suối Đá trước ngày 15/6.")],
    ),
    (
        "III. KẾT QUẢ THÁNG 5\n- Tổ chức mít tinh hưởng ứng Tháng hành động phòng, chống ma túy.\n"
        "IV. CHƯƠNG TRÌNH CÔNG TÁC THÁNG 6/2026\n1. Lịch công tác\n- Ngày 05/6: Hội nghị sơ kết 6 tháng thực hiện Đề án 06.\n"
        "2. Nhiệm vụ của các bộ phận\n- Công an phường: Kiểm tra phòng cháy, chữa cháy đối với 07 cơ sở còn lại; đôn đốc 11 cơ sở khắc phục.\n",
        [("result", "Tổ chức mít tinh hưởng ứng Tháng hành động phòng, chống ma túy."),
         ("task", "Ngày 05/6: Hội nghị sơ kết 6 tháng thực hiện Đề án 06."),
         ("task", "Công an phường: Kiểm tra phòng cháy, chữa cháy đối với 07 cơ sở còn lại; đôn đốc 11 cơ sở khắc phục.")],
    ),
    (
        "I. KẾT QUẢ THÁNG 5\nTT | Nhiệm vụ theo Thông báo số 47-TB/ĐU | Kết quả thực hiện | Ghi chú\n"
        "1 | Khởi công căn nhà của hộ ông Lê Văn Tám | Đã khởi công ngày 12/5/2026 | Thôn Cầu Sắt\n"
        "2 | Giám sát việc thu, nộp đảng phí tại 04 chi bộ | Chưa thực hiện | \n"
        "II. NHIỆM VỤ THÁNG 6\n1. Hoàn thành phần thô căn nhà của hộ ông Lê Văn Tám.\n",
        [("result", "Khởi công căn nhà của hộ ông Lê Văn Tám | Đã khởi công ngày 12/5/2026"),
         ("result", "Giám sát việc thu, nộp đảng phí tại 04 chi bộ | Chưa thực hiện"),
         ("task", "Hoàn thành phần thô căn nhà của hộ ông Lê Văn Tám.")],
    ),
    (
        "I. KẾT QUẢ ĐẠT ĐƯỢC\n\n1. Kinh tế\n\na) Thu, chi ngân sách\n\n"
        "Tổng thu ngân sách tháng 10 ước đạt 2.016,4 triệu đồng, lũy kế 10 tháng bằng 82,5% dự toán tỉnh giao.\n\n"
        "b) Quản lý đô thị, đất đai, xây dựng\n\n"
        "Tổ công tác liên ngành của phường tháo dỡ 42 mái che, mái vẩy lấn chiếm vỉa hè dọc đường Trần Phú và quanh chợ Lam Kiều.\n\n"
        "II. NHIỆM VỤ THÁNG 11\n\na) Tổ chức đối thoại với Nhân dân về bồi thường, giải phóng mặt bằng.\n\n"
        "b) Hoàn thành đấu giá 12 lô đất ở khu quy hoạch dân cư Đồng Bàu\n",
        [("result", "Tổng thu ngân sách tháng 10 ước đạt 2.016,4 triệu đồng, lũy kế 10 tháng bằng 82,5% dự toán tỉnh giao."),
         ("result", "Tổ công tác liên ngành của phường tháo dỡ 42 mái che, mái vẩy lấn chiếm vỉa hè dọc đường Trần Phú và quanh chợ Lam Kiều."),
         ("task", "Tổ chức đối thoại với Nhân dân về bồi thường, giải phóng mặt bằng."),
         ("task", "Hoàn thành đấu giá 12 lô đất ở khu quy hoạch dân cư Đồng Bàu")],
    ),
    (
        "I. KẾT QUẢ CÔNG TÁC THÁNG 4/2026\n- Thu ngân sách 4 tháng ước đạt 5.164 tỷ đồng.\n- Tổng kết bầu cử xong ở 94/94 xã, phường.\n"
        "- Kiện toàn Ban Chỉ huy phòng thủ dân sự ở 94/94 xã, phường.\n"
        "II. NHIỆM VỤ TRỌNG TÂM THÁNG 5/2026\n"
        "Ban Thường vụ Tỉnh ủy giao các cơ quan, đơn vị, địa phương thực hiện các nhiệm vụ sau:\n"
        "- Giao Tỉnh đoàn phát động, ra quân Chiến dịch Thanh niên tình nguyện hè năm 2026.\n"
        "- Giao Sở Khoa học và Công nghệ hoàn thành lắp đặt, chạy thử Trung tâm dữ liệu tỉnh.\n"
        "III. TỔ CHỨC THỰC HIỆN\nGiao Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Thông báo này.\n",
        [("result", "Thu ngân sách 4 tháng ước đạt 5.164 tỷ đồng."), ("result", "Tổng kết bầu cử xong ở 94/94 xã, phường."),
         ("result", "Kiện toàn Ban Chỉ huy phòng thủ dân sự ở 94/94 xã, phường."),
         ("task", "Giao Tỉnh đoàn phát động, ra quân Chiến dịch Thanh niên tình nguyện hè năm 2026."),
         ("task", "Giao Sở Khoa học và Công nghệ hoàn thành lắp đặt, chạy thử Trung tâm dữ liệu tỉnh."),
         ("assignment", "Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Thông báo này.")],
    ),
]


# session 12, hands CK and CL: a body given its tasks as one paragraph of clauses ("Đảng ủy giao Ủy ban nhân dân xã:
# X; Y; Z.") and a closing that opens "Trên đây là kết luận ..."; a lead-in right under the heading of the tasks
# that gives them to "các cơ quan, đơn vị" is no closing
LAYOUTS += [
    (
        "I. KẾT QUẢ THÁNG 3\n1. Kinh tế\nThu ngân sách quý I ước đạt 1,75 tỷ đồng, bằng 25,7% dự toán.\n"
        "II. NHIỆM VỤ TRỌNG TÂM THÁNG 4\n"
        "Đảng ủy giao Ủy ban nhân dân xã: tổ chức cấp căn cước lưu động tại các bản vùng cao; chỉ đạo trồng hết 16 ha "
        "ngô xuân còn lại tại bản Phiêng Cại; khởi công đường liên bản Pá Mòn – Phiêng Cại dài 3,4 km.\n"
        "Giao Công an xã: nắm chắc tình hình, giữ vững an ninh trật tự; hoàn thiện hồ sơ bản Huổi Lếch không ma túy.\n"
        "Trên đây là kết luận của Thường trực Đảng ủy xã tại cuộc họp giao ban tháng 03/2026. Giao các đồng chí Ủy viên "
        "Ban Thường vụ Đảng ủy phụ trách lĩnh vực tổ chức thực hiện./.\n",
        [("result", "Thu ngân sách quý I ước đạt 1,75 tỷ đồng, bằng 25,7% dự toán."),
         ("task", "Đảng ủy giao Ủy ban nhân dân xã: tổ chức cấp căn cước lưu động tại các bản vùng cao;"),
         ("task", "chỉ đạo trồng hết 16 ha ngô xuân còn lại tại bản Phiêng Cại;"),
         ("task", "khởi công đường liên bản Pá Mòn – Phiêng Cại dài 3,4 km."),
         ("task", "Giao Công an xã: nắm chắc tình hình, giữ vững an ninh trật tự; hoàn thiện hồ sơ bản Huổi Lếch không ma túy."),
         ("assignment", "Trên đây là kết luận của Thường trực Đảng ủy xã tại cuộc họp giao ban tháng 03/2026."),
         ("assignment", "Giao các đồng chí Ủy viên Ban Thường vụ Đảng ủy phụ trách lĩnh vực tổ chức thực hiện./.")],
    ),
    (
        "1. Về kết quả tháng 7\n(1) Thu ngân sách tháng 7 đạt 8,3 tỷ đồng.\n"
        "3. Về nhiệm vụ trọng tâm tháng 8/2026\nBan Thường vụ Đảng ủy thống nhất giao các cơ quan, đơn vị tập trung thực hiện:\n"
        "(1) Tập trung thu ngân sách, phấn đấu số thu tháng 8 đạt tối thiểu 8 tỷ đồng.\n"
        "(2) Số hóa 1.000 hồ sơ hộ tịch còn lại, hoàn thành trước ngày 15/8/2026.\n\n"
        "Giao Văn phòng Đảng ủy theo dõi, tổng hợp, báo cáo Ban Thường vụ tại phiên họp tháng 8/2026.\n",
        [("result", "Thu ngân sách tháng 7 đạt 8,3 tỷ đồng."),
         ("task", "Tập trung thu ngân sách, phấn đấu số thu tháng 8 đạt tối thiểu 8 tỷ đồng."),
         ("task", "Số hóa 1.000 hồ sơ hộ tịch còn lại, hoàn thành trước ngày 15/8/2026."),
         ("assignment", "Giao Văn phòng Đảng ủy theo dõi, tổng hợp, báo cáo Ban Thường vụ tại phiên họp tháng 8/2026.")],
    ),
    (
        # hand CX: each field's paragraph tells its results, then what it must do next month; no section of tasks
        "I. KẾT QUẢ THÁNG 11 VÀ NHIỆM VỤ THÁNG 12 TRÊN TỪNG LĨNH VỰC\n1. Về chuyển đổi số, cải cách hành chính\n"
        "Tỷ lệ hồ sơ nộp trực tuyến toàn trình đạt 56%, tăng 8 điểm phần trăm. Trong tháng tới, phấn đấu đạt 60% hồ sơ trực "
        "tuyến toàn trình. Cập nhật dữ liệu đất đai đã làm sạch lên hệ thống của tỉnh trước ngày 25/12.\n"
        "2. Về văn hóa - xã hội\nBàn giao 1 nhà Đại đoàn kết cho hộ ông Trần Văn Lộc. Thời gian tới, hoàn thành căn nhà tại "
        "tổ dân phố 12 trước ngày 20/12.\n",
        [("result", "Tỷ lệ hồ sơ nộp trực tuyến toàn trình đạt 56%, tăng 8 điểm phần trăm."),
         ("task", "Trong tháng tới, phấn đấu đạt 60% hồ sơ trực tuyến toàn trình."),
         ("task", "Cập nhật dữ liệu đất đai đã làm sạch lên hệ thống của tỉnh trước ngày 25/12."),
         ("result", "Bàn giao 1 nhà Đại đoàn kết cho hộ ông Trần Văn Lộc."),
         ("task", "Thời gian tới, hoàn thành căn nhà tại tổ dân phố 12 trước ngày 20/12.")],
    ),
]


# session 13, hand DH (a hurried clerk): the standing board's demand as the heading of the tasks, numbered with the
# report ("3. Tháng 5, Thường trực Đảng ủy yêu cầu tập trung:"), and a role-less lead-in right under the one that opened
# the tasks ("Phương hướng tháng 12:" / "Thường trực Đảng ủy yêu cầu tập trung làm tốt một số nội dung sau:")
LAYOUTS += [
    (
        "1. Kết quả tháng 4\n- Thu ngân sách đạt 41% dự toán.\n2. Hạn chế\n- Còn 08 trường hợp chưa tự tháo dỡ công trình lấn chiếm.\n\n"
        "3. Tháng 5, Thường trực Đảng ủy yêu cầu tập trung:\n"
        "• Cưỡng chế 08 trường hợp cố tình không tự tháo dỡ công trình lấn chiếm hành lang tuyến ĐT.318C.\n"
        "- Nâng tỷ lệ thanh toán trực tuyến phí, lệ phí thủ tục hành chính lên trên 50%.\n",
        [("result", "Thu ngân sách đạt 41% dự toán."),
         ("limitation", "Còn 08 trường hợp chưa tự tháo dỡ công trình lấn chiếm."),
         ("task", "Cưỡng chế 08 trường hợp cố tình không tự tháo dỡ công trình lấn chiếm hành lang tuyến ĐT.318C."),
         ("task", "Nâng tỷ lệ thanh toán trực tuyến phí, lệ phí thủ tục hành chính lên trên 50%.")],
    ),
    (
        "Kết quả tháng 11:\n- Kết nạp 03 đảng viên mới.\n\nPhương hướng tháng 12:\n"
        "Thường trực Đảng ủy yêu cầu tập trung làm tốt một số nội dung sau:\n"
        "- Chi bộ thôn Đồng Vàng hoàn tất thủ tục kết nạp 01 quần chúng ưu tú còn lại.\n"
        "- Các chi bộ tổ chức kiểm điểm tập thể, cá nhân năm 2025, xong trước ngày 20/12.\n",
        [("result", "Kết nạp 03 đảng viên mới."),
         ("task", "Chi bộ thôn Đồng Vàng hoàn tất thủ tục kết nạp 01 quần chúng ưu tú còn lại."),
         ("task", "Các chi bộ tổ chức kiểm điểm tập thể, cá nhân năm 2025, xong trước ngày 20/12.")],
    ),
]


# session 16, hand DQ: a People's Committee's report whose plan is headed "KẾ HOẠCH THÁNG ...", its lead-in naming no part
LAYOUTS += [
    (
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 01 NĂM 2026\n1. Lĩnh vực kinh tế - ngân sách\n"
        "Thu ngân sách trong tháng được 1,62 tỷ đồng, tương đương 11,2% dự toán cả năm. Toàn xã đã xuống giống 590/590 ha lúa.\n"
        "II. TỒN TẠI, HẠN CHẾ\nTỷ lệ tiêm phòng dại cho chó, mèo chưa đạt kế hoạch.\n\n"
        "III. KẾ HOẠCH THÁNG 02 NĂM 2026\nỦy ban nhân dân xã tập trung chỉ đạo thực hiện các nội dung sau:\n"
        "1. Niêm yết danh sách cử tri tại 8 khu vực bỏ phiếu (Ủy ban bầu cử xã; từ ngày 03/02/2026).\n"
        "2. Tiêm phòng dại bổ sung cho đàn chó, mèo tại thôn Khe Lim (Phòng Kinh tế; trước ngày 28/02/2026).\n",
        [("result", "Thu ngân sách trong tháng được 1,62 tỷ đồng, tương đương 11,2% dự toán cả năm."),
         ("result", "Toàn xã đã xuống giống 590/590 ha lúa."),
         ("limitation", "Tỷ lệ tiêm phòng dại cho chó, mèo chưa đạt kế hoạch."),
         ("task", "Niêm yết danh sách cử tri tại 8 khu vực bỏ phiếu (Ủy ban bầu cử xã; từ ngày 03/02/2026)."),
         ("task", "Tiêm phòng dại bổ sung cho đàn chó, mèo tại thôn Khe Lim (Phòng Kinh tế; trước ngày 28/02/2026).")],
    ),
]


# session 16, hand DP: lettered field titles ("a) Công tác xây dựng Đảng") over "(1) ..." points numbered on through the fields
LAYOUTS += [
    (
        "I. KẾT QUẢ THÁNG 8/2025\n\na) Công tác xây dựng Đảng\n\n(1) Ban Thường vụ họp 05 phiên, ban hành 38 văn bản.\n"
        "(2) Kết nạp 12 đảng viên mới.\n\nb) Lãnh đạo phát triển kinh tế - xã hội\n\n(3) Thu ngân sách 8 tháng đạt 69,3% dự toán.\n\n"
        "c) Công tác dân vận\n\n(4) Ủy ban MTTQ tỉnh tiếp nhận 3,6 tỷ đồng ủng hộ đồng bào bị thiệt hại do bão, lũ.\n",
        [("result", "Ban Thường vụ họp 05 phiên, ban hành 38 văn bản."), ("result", "Kết nạp 12 đảng viên mới."),
         ("result", "Thu ngân sách 8 tháng đạt 69,3% dự toán."),
         ("result", "Ủy ban MTTQ tỉnh tiếp nhận 3,6 tỷ đồng ủng hộ đồng bào bị thiệt hại do bão, lũ.")],
    ),
]


# session 17, hand DV: a result opening "Những ..." (those) is no limitation, though folded it opens as "Nhưng ..." (but);
# hand DR: a result's label holding a body's word is no addressee ("Hội nghị sơ kết ...:", "Sinh hoạt chi bộ ...:")
LAYOUTS += [
    (
        "I. KẾT QUẢ THÁNG 02/2026\nb) Công tác bầu cử\n- Danh sách 6.812 cử tri được niêm yết tại 11 khu vực bỏ phiếu.\n"
        "- Những người ứng cử đã tiếp xúc cử tri tại 11/14 bản; 3 bản chưa tổ chức được do mưa rét.\n"
        "- Nhưng việc tuyên truyền ở các bản vùng cao còn chậm.\n",
        [("result", "Danh sách 6.812 cử tri được niêm yết tại 11 khu vực bỏ phiếu."),
         ("result", "Những người ứng cử đã tiếp xúc cử tri tại 11/14 bản; 3 bản chưa tổ chức được do mưa rét."),
         ("limitation", "Nhưng việc tuyên truyền ở các bản vùng cao còn chậm.")],
    ),
]


# session 17, hand DX: a meeting's conclusions on each item of its agenda, the month's assessment then the work given
LAYOUTS += [
    (
        "1. Về báo cáo kết quả thực hiện nhiệm vụ tháng 6 và nhiệm vụ trọng tâm tháng 7 năm 2026\n"
        "Thường trực Đảng ủy ghi nhận thu ngân sách tháng 6 đạt 5,9 tỷ đồng. Tuy nhiên, việc lấn chiếm vỉa hè còn tái diễn.\n"
        "Giao Ủy ban nhân dân phường xử lý dứt điểm lấn chiếm vỉa hè tại phố Chợ Mới.\n\n"
        "2. Về tiến độ dự án nâng cấp đường Lê Đình Chinh\n"
        "Hội đồng bồi thường đã kiểm đếm 146/146 hộ.\n"
        "Đề nghị Đội Quản lý điện lực di dời 17 cột điện trung thế. Yêu cầu Công an phường bảo vệ thi công.\n\n"
        "3. Các nội dung khác\nGiao các chi bộ:\n- Sinh hoạt chuyên đề tháng 7.\n",
        [("result", "Thường trực Đảng ủy ghi nhận thu ngân sách tháng 6 đạt 5,9 tỷ đồng."),
         ("limitation", "Tuy nhiên, việc lấn chiếm vỉa hè còn tái diễn."),
         ("task", "Giao Ủy ban nhân dân phường xử lý dứt điểm lấn chiếm vỉa hè tại phố Chợ Mới."),
         ("result", "Hội đồng bồi thường đã kiểm đếm 146/146 hộ."),
         ("task", "Đề nghị Đội Quản lý điện lực di dời 17 cột điện trung thế."), ("task", "Yêu cầu Công an phường bảo vệ thi công."),
         ("task", "Sinh hoạt chuyên đề tháng 7.")],
    ),
]


# session 17, hand DZ: a ward chairman's conclusions, each content's assessment then "Chủ tịch ... giao:" over lines
# addressed to offices; the office's "... thông báo để ... biết, thực hiện" closes the notice
LAYOUTS += [
    (
        "1. Về kết quả thực hiện nhiệm vụ tháng 6 và nhiệm vụ trọng tâm tháng 7 năm 2026\n"
        "Thu ngân sách tháng 6 đạt 14,2 tỷ đồng.\nChủ tịch Ủy ban nhân dân phường giao:\n"
        "- Công chức Tài chính - Kế toán: theo dõi sát tiến độ thu ngân sách tháng 7.\n\n"
        "2. Về công tác giải phóng mặt bằng\nTổ công tác đã kiểm đếm xong 39/46 hộ.\n"
        "Đồng ý chủ trương lập dự thảo phương án bồi thường, giao:\n"
        "- Phòng Kinh tế, Hạ tầng và Đô thị: hoàn thành kiểm đếm 07 hộ còn lại.\n\n"
        "Văn phòng HĐND và UBND phường thông báo để các phòng, ban, đơn vị biết, thực hiện.\n",
        [("result", "Thu ngân sách tháng 6 đạt 14,2 tỷ đồng."),
         ("task", "Công chức Tài chính - Kế toán: theo dõi sát tiến độ thu ngân sách tháng 7."),
         ("result", "Tổ công tác đã kiểm đếm xong 39/46 hộ."),
         ("task", "Phòng Kinh tế, Hạ tầng và Đô thị: hoàn thành kiểm đếm 07 hộ còn lại."),
         ("assignment", "Văn phòng HĐND và UBND phường thông báo để các phòng, ban, đơn vị biết, thực hiện.")],
    ),
]


# session 17, hand EB: a chairman's conclusions body by body, each paragraph what the body did, then its next month
LAYOUTS += [
    (
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 6 VÀ NHIỆM VỤ TRỌNG TÂM THÁNG 7 NĂM 2026\n\nII. KẾT LUẬN ĐỐI VỚI CÁC CƠ QUAN, ĐƠN VỊ\n"
        "1. Đối với Công an xã:\nLực lượng Công an xã duy trì 24 ca tuần tra tại khu vực chợ phiên. Tỷ lệ kích hoạt định danh điện tử "
        "mức 2 đạt 72%. Tháng 7/2026, tăng cường kiểm soát việc vận chuyển pháo nổ. Tiếp tục vận động công dân kích hoạt định danh "
        "điện tử, phấn đấu đạt 80%.\n",
        [("result", "Lực lượng Công an xã duy trì 24 ca tuần tra tại khu vực chợ phiên."),
         ("result", "Tỷ lệ kích hoạt định danh điện tử mức 2 đạt 72%."),
         ("task", "Tháng 7/2026, tăng cường kiểm soát việc vận chuyển pháo nổ."),
         ("task", "Tiếp tục vận động công dân kích hoạt định danh điện tử, phấn đấu đạt 80%.")],
    ),
]


# session 18, hand ED: a clerk who names each part differently month after month ("I. KẾT QUẢ ĐẠT ĐƯỢC" with no month,
# "Những mặt còn hạn chế" and "* Tồn tại, hạn chế" unnumbered, "II. NHỮNG VIỆC CẦN LÀM ...", "II. CHƯƠNG TRÌNH HÀNH ĐỘNG ...")
_ED_PLANS = ["NHỮNG VIỆC CẦN LÀM TRONG THÁNG 3/2026", "MỘT SỐ CÔNG VIỆC CẦN TẬP TRUNG TRONG THÁNG 3/2026",
             "CHƯƠNG TRÌNH HÀNH ĐỘNG THÁNG 3 NĂM 2026", "PHƯƠNG HƯỚNG THÁNG 3/2026"]
_ED_LIMITS = ["Những mặt còn hạn chế", "* Tồn tại, hạn chế", "Một số tồn tại, hạn chế"]
LAYOUTS += [
    (
        f"I. KẾT QUẢ ĐẠT ĐƯỢC\n1. Công tác bầu cử\n- Danh sách cử tri được niêm yết tại 19/19 khu vực bỏ phiếu.\n\n{limit}\n"
        f"- Công tác giải phóng mặt bằng tuyến đường Lê Hoàn chưa dứt điểm.\n\nII. {plan}\n1. Công tác bầu cử\n"
        "- Lãnh đạo tổ chức thành công cuộc bầu cử ngày 15/3/2026.\n",
        [("result", "Danh sách cử tri được niêm yết tại 19/19 khu vực bỏ phiếu."),
         ("limitation", "Công tác giải phóng mặt bằng tuyến đường Lê Hoàn chưa dứt điểm."),
         ("task", "Lãnh đạo tổ chức thành công cuộc bầu cử ngày 15/3/2026.")],
    )
    for plan, limit in zip(_ED_PLANS, [*_ED_LIMITS, _ED_LIMITS[0]], strict=True)
]


# session 18, hand EI: a follow-up table whose last column judges each row ("Đánh giá": the row's item runs through it, so
# that "Chưa thực hiện" and "Đang thực hiện" reach the linker), under a caption that is no result
LAYOUTS += [
    (
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 6/2026\nBảng 1. Kết quả thực hiện các nhiệm vụ theo Thông báo số 26-TB/ĐU ngày 29/5/2026\n"
        "TT | Nhiệm vụ | Kết quả thực hiện | Đánh giá\n"
        "1 | Thu NS 6 tháng | Thu NS 6 tháng ước đạt 18,4 tỷ đồng, bằng 47,8% dự toán | Đang thực hiện\n"
        "2 | Lớp dạy bơi cho học sinh | Chưa mở được lớp do chưa thuê được bể bơi di động | Chưa thực hiện\n"
        "3 | Kế hoạch kỷ niệm 27/7 | UBND xã ban hành Kế hoạch số 112/KH-UBND ngày 18/6/2026 |\n\n"
        "II. NHIỆM VỤ TRỌNG TÂM THÁNG 7/2026\n- Tổ chức kỷ niệm 79 năm Ngày Thương binh - Liệt sĩ.\n",
        [("result", "Thu NS 6 tháng | Thu NS 6 tháng ước đạt 18,4 tỷ đồng, bằng 47,8% dự toán | Đang thực hiện"),
         ("result", "Lớp dạy bơi cho học sinh | Chưa mở được lớp do chưa thuê được bể bơi di động | Chưa thực hiện"),
         ("result", "Kế hoạch kỷ niệm 27/7 | UBND xã ban hành Kế hoạch số 112/KH-UBND ngày 18/6/2026"),
         ("task", "Tổ chức kỷ niệm 79 năm Ngày Thương binh - Liệt sĩ.")],
    ),
]


# session 18, hand EP: a table of indicators opens the results ("TT | Chỉ tiêu | Kế hoạch tháng | Thực hiện | Tỷ lệ (%)"): a
# row's item is the whole row, the indicator with its figures, which answer a target of the plan
LAYOUTS += [
    (
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 6/2026\nTT | Chỉ tiêu | Kế hoạch tháng | Thực hiện | Tỷ lệ (%) | Ghi chú\n"
        "1 | Thu ngân sách nhà nước trên địa bàn (tỷ đồng) | 4,5 | 4,61 | 102,4 |\n"
        "2 | Tài khoản định danh điện tử mức 2 kích hoạt mới (tài khoản) | 400 | 352 | 88,0 | do mưa bão\n\n"
        "II. NHIỆM VỤ TRỌNG TÂM THÁNG 7/2026\n- Phấn đấu thu ngân sách tháng 7 đạt 4,4 tỷ đồng.\n",
        [("result", "Thu ngân sách nhà nước trên địa bàn (tỷ đồng) | 4,5 | 4,61 | 102,4"),
         ("result", "Tài khoản định danh điện tử mức 2 kích hoạt mới (tài khoản) | 400 | 352 | 88,0 | do mưa bão"),
         ("task", "Phấn đấu thu ngân sách tháng 7 đạt 4,4 tỷ đồng.")],
    ),
]


# session 20, hand EY: a report that goes field by field under one part "KẾT QUẢ ... VÀ NHIỆM VỤ ...", each field its
# results as "+" bullets, then "Thời gian tới:" over its work ahead; or one paragraph, turning with "Trong tháng 7 tiếp tục"
LAYOUTS += [
    (
        "I. KẾT QUẢ THÁNG 6 VÀ NHIỆM VỤ THÁNG 7 TRÊN TỪNG LĨNH VỰC\n1. Lĩnh vực kinh tế\n"
        "+ Thu ngân sách 6 tháng đạt 13,7 tỷ đồng, bằng 52,1% dự toán năm.\n"
        f"{lead}\n- Chăm sóc lúa mùa; chủ động phòng trừ sâu bệnh.\n",
        [("result", "Thu ngân sách 6 tháng đạt 13,7 tỷ đồng, bằng 52,1% dự toán năm."),
         ("task", "Chăm sóc lúa mùa; chủ động phòng trừ sâu bệnh.")],
    )
    for lead in ("Thời gian tới:", "Nhiệm vụ tháng tới:", "Tháng tới:")
]


# session 20, hand GB: a clerk who numbers the whole report straight through — the results, the limitations, then the
# plan's title as a numbered point and its tasks numbered on; next month's results name a task by its number
LAYOUTS += [
    (
        "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 6 NĂM 2026\n"
        "1. Nhiệm vụ 17: lễ giao nhận quân được tổ chức trang trọng, 32/32 tân binh lên đường nhập ngũ.\n"
        "2. Nhiệm vụ 22 (Đề án 06): tỷ lệ kích hoạt tài khoản định danh điện tử mức 2 đạt 80,3%.\n\n"
        "HẠN CHẾ, TỒN TẠI\n3. Tuyến đường liên thôn Khe Su - Đồng Mới chậm tiến độ.\n\n"
        f"4. {title}\n"
        "5. Tập trung thu ngân sách, phấn đấu tháng 7 thu đạt 1,6 tỷ đồng (Giao: Ủy ban nhân dân xã; thời gian: trong tháng 7).\n"
        "6. Tổ chức các hoạt động kỷ niệm 79 năm Ngày Thương binh - Liệt sĩ (Giao: Ủy ban MTTQ Việt Nam xã; thời gian: trước 27/7).\n",
        [("result", "Nhiệm vụ 17: lễ giao nhận quân được tổ chức trang trọng, 32/32 tân binh lên đường nhập ngũ."),
         ("result", "Nhiệm vụ 22 (Đề án 06): tỷ lệ kích hoạt tài khoản định danh điện tử mức 2 đạt 80,3%."),
         ("limitation", "Tuyến đường liên thôn Khe Su - Đồng Mới chậm tiến độ."),
         ("task", "Tập trung thu ngân sách, phấn đấu tháng 7 thu đạt 1,6 tỷ đồng (Giao: Ủy ban nhân dân xã; thời gian: trong tháng 7)."),
         ("task", "Tổ chức các hoạt động kỷ niệm 79 năm Ngày Thương binh - Liệt sĩ (Giao: Ủy ban MTTQ Việt Nam xã; thời gian: trước 27/7).")],
    )
    for title in ("Phương hướng, nhiệm vụ tháng 7 năm 2026", "Nhiệm vụ trọng tâm tháng 7/2026")
]


# session 20, hand GC: tables copied out of a PDF viewer that draws them with box-drawing characters, a long cell wrapping
# onto lines whose other cells are blank
LAYOUTS += [
    (
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 02 NĂM 2026\n"
        "┌─────┬──────────────────────────────────────┬──────────┬───────────┬─────────┐\n"
        "│ STT │               Chỉ tiêu               │  KH năm  │  TH tháng │ Đạt (%) │\n"
        "├─────┼──────────────────────────────────────┼──────────┼───────────┼─────────┤\n"
        "│  1  │ Tỷ lệ hồ sơ thủ tục hành chính giải  │     ≥ 98 │      99,4 │     Đạt │\n"
        "│     │ quyết đúng và trước hạn              │          │           │         │\n"
        "└─────┴──────────────────────────────────────┴──────────┴───────────┴─────────┘\n\n"
        "II. NHIỆM VỤ TRỌNG TÂM THÁNG 03 NĂM 2026\n"
        "┌─────┬──────────────────────────────────────────────┬─────────────────┐\n"
        "│ STT │                   Nội dung                   │  Đơn vị chủ trì │\n"
        "├─────┼──────────────────────────────────────────────┼─────────────────┤\n"
        "│  1  │ Phấn đấu thu ngân sách tháng 3 đạt 2.000     │ Phòng KT-HT-ĐT  │\n"
        "│     │ triệu đồng; tập trung thu thuế hộ kinh doanh.│                 │\n"
        "├─────┼──────────────────────────────────────────────┼─────────────────┤\n"
        "│  2  │ Tổ chức Lễ giao nhận quân ngày 04/3/2026.    │ BCHQS phường    │\n"
        "└─────┴──────────────────────────────────────────────┴─────────────────┘\n",
        [("result", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng và trước hạn | ≥ 98 | 99,4 | Đạt"),
         ("task", "Phấn đấu thu ngân sách tháng 3 đạt 2.000 triệu đồng; tập trung thu thuế hộ kinh doanh."),
         ("task", "Tổ chức Lễ giao nhận quân ngày 04/3/2026.")],
    ),
]


# session 20, hand HA: last month's results sorted under "Những nhiệm vụ đã hoàn thành:", "... đang triển khai, hoàn thành một
# phần:", "... chưa thực hiện:" — the tasks by what became of them, results all
LAYOUTS += [
    (
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 01 NĂM 2026\n1. Những nhiệm vụ đã hoàn thành:\n"
        "- Hội đồng nghĩa vụ quân sự xã đã xét duyệt danh sách 32/32 thanh niên gọi nhập ngũ;\n"
        "2. Những nhiệm vụ đang triển khai, hoàn thành một phần:\n"
        "- Tỷ lệ kích hoạt định danh điện tử mức 2 đạt 93,4%, chưa đạt chỉ tiêu đề ra;\n"
        "3. Những nhiệm vụ chưa thực hiện:\n- Tuyến kênh mương nội đồng Bàu Trâm chưa khởi công do chưa chọn được nhà thầu.\n\n"
        "II. NHIỆM VỤ TRỌNG TÂM THÁNG 02 NĂM 2026\n- Khởi công tuyến kênh mương nội đồng Bàu Trâm.\n",
        [("result", "Hội đồng nghĩa vụ quân sự xã đã xét duyệt danh sách 32/32 thanh niên gọi nhập ngũ;"),
         ("result", "Tỷ lệ kích hoạt định danh điện tử mức 2 đạt 93,4%, chưa đạt chỉ tiêu đề ra;"),
         ("result", "Tuyến kênh mương nội đồng Bàu Trâm chưa khởi công do chưa chọn được nhà thầu."),
         ("task", "Khởi công tuyến kênh mương nội đồng Bàu Trâm.")],
    ),
]


def test_a_report_announcing_results_and_plan_has_its_plan_and_targets_as_tasks() -> None:
    """Hand KB: "... báo cáo kết quả ... tháng 02 và kế hoạch tháng 3 như sau:" announces both, and "III. KẾ HOẠCH THỰC HIỆN
    NHIỆM VỤ THÁNG 3/2026" under it is the plan (not a field of the results); the plan's table of targets ("TT | Chỉ tiêu |
    Kế hoạch tháng 3") gives a task a row, the indicator with its target, as the results' table of indicators does."""
    from ingest.pipeline import parse_text

    doc = parse_text(
        "BÁO CÁO\nKết quả thực hiện nhiệm vụ tháng 02 và kế hoạch tháng 3 năm 2026\n\nThực hiện Chương trình công tác năm 2026, "
        "Ủy ban nhân dân xã Lạc Hải báo cáo kết quả thực hiện nhiệm vụ tháng 02 và kế hoạch tháng 3 năm 2026 như sau:\n\n"
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 02/2026\n\n1. Các chỉ tiêu chủ yếu\n\n| TT | Chỉ tiêu | Kế hoạch tháng | Thực hiện | Tỷ lệ |\n"
        "| 1 | Thu ngân sách trên địa bàn (triệu đồng) | 950 | 1.027 | 108,1% |\n\n2. Kết quả trên các lĩnh vực\n\n"
        "- Mở 02 lớp bồi dưỡng kỹ năng số cho Tổ công nghệ số cộng đồng.\n\nII. HẠN CHẾ, TỒN TẠI\n\n"
        "- Tỷ lệ bao phủ bảo hiểm y tế chưa đạt kế hoạch.\n\nIII. KẾ HOẠCH THỰC HIỆN NHIỆM VỤ THÁNG 3/2026\n\n"
        "1. Các chỉ tiêu chủ yếu\n\n| TT | Chỉ tiêu | Kế hoạch tháng 3 |\n| 1 | Thu ngân sách nhà nước trên địa bàn (triệu đồng) | 1.100 |\n"
        "| 2 | Tiêm phòng đợt 1 cho đàn gia súc (% tổng đàn) | 80 |\n\n2. Nhiệm vụ trọng tâm theo lĩnh vực\n\n"
        "- Tổ chức Lễ giao nhận quân năm 2026 trang trọng.\n"
    )
    assert [(it.role, it.text) for it in doc.items if it.role in {"result", "task", "limitation"}] == [
        ("result", "Thu ngân sách trên địa bàn (triệu đồng) | 950 | 1.027 | 108,1%"),
        ("result", "Mở 02 lớp bồi dưỡng kỹ năng số cho Tổ công nghệ số cộng đồng."),
        ("limitation", "Tỷ lệ bao phủ bảo hiểm y tế chưa đạt kế hoạch."),
        ("task", "Thu ngân sách nhà nước trên địa bàn (triệu đồng) | 1.100"),
        ("task", "Tiêm phòng đợt 1 cho đàn gia súc (% tổng đàn) | 80"),
        ("task", "Tổ chức Lễ giao nhận quân năm 2026 trang trọng."),
    ]


def test_a_meetings_minutes_give_the_chairs_conclusion_as_the_tasks() -> None:
    """Hand LB: the minutes of a standing board's monthly meeting ("BIÊN BẢN", "Số 03-BB/ĐU") — the report of results, the
    members' remarks (neither results nor tasks, though they propose work), then "3. KẾT LUẬN CỦA ĐỒNG CHÍ CHỦ TRÌ": the
    chair's words, "Nhiệm vụ trọng tâm tháng 02 năm 2026:" and its points numbered from 1 again (the chair's tasks), the
    closing that gives the conclusion to the bodies and the minutes' own end (no tasks)."""
    from ingest.pipeline import parse_text

    doc = parse_text(
        "ĐẢNG BỘ TỈNH THANH SƠN\nĐẢNG ỦY XÃ HỢP THỊNH\n*\nSố 03-BB/ĐU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
        "Hợp Thịnh, ngày 28 tháng 01 năm 2026\n\nBIÊN BẢN\nHỌP BAN THƯỜNG VỤ ĐẢNG ỦY XÃ THÁNG 01 NĂM 2026\n\n"
        "I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN\n\n- Thời gian: bắt đầu lúc 08 giờ 00 phút, ngày 28/01/2026.\n\n"
        "II. NỘI DUNG CUỘC HỌP\n\n1. Báo cáo kết quả thực hiện nhiệm vụ tháng 01 năm 2026\n\n"
        "Đồng chí Trần Minh Tuấn, Phó Chủ tịch UBND xã báo cáo:\n\n- Thu ngân sách tháng 01 ước đạt 1,27 tỷ đồng, bằng 8,2% dự toán năm;\n\n"
        "2. Ý kiến tham gia của các đồng chí dự họp\n\n"
        "- Đồng chí Nguyễn Quang Hưng, Chủ tịch UBND xã: thống nhất với báo cáo; đề nghị tổ chức tặng quà Tết sớm.\n\n"
        "3. KẾT LUẬN CỦA ĐỒNG CHÍ CHỦ TRÌ\n\n"
        "Đồng chí Hà Văn Thịnh, Bí thư Đảng ủy xã, ghi nhận các ý kiến phát biểu và đề nghị các cơ quan tập trung làm tốt các việc sau.\n\n"
        "Nhiệm vụ trọng tâm tháng 02 năm 2026:\n\n"
        "1. Tổ chức thăm, tặng quà Tết cho gia đình chính sách, hộ nghèo trước ngày 12/02/2026;\n"
        "2. Phát lệnh gọi nhập ngũ cho 32 công dân trúng tuyển.\n\n"
        "Giao Ủy ban nhân dân xã, Ủy ban MTTQ và các chi bộ trực thuộc căn cứ nội dung kết luận tổ chức thực hiện.\n\n"
        "Cuộc họp kết thúc lúc 11 giờ 20 phút cùng ngày. Biên bản đã được đọc lại cho các đồng chí dự họp nghe.\n\n"
        "THƯ KÝ\n(Đã ký)\nNguyễn Thị Hồng Nhung\n"
    )
    roles = {it.text: it.role for it in doc.items}
    assert roles["Thu ngân sách tháng 01 ước đạt 1,27 tỷ đồng, bằng 8,2% dự toán năm;"] == "result"
    assert roles["Đồng chí Nguyễn Quang Hưng, Chủ tịch UBND xã: thống nhất với báo cáo; đề nghị tổ chức tặng quà Tết sớm."] == "other"
    assert [it.text for it in doc.items if it.role == "task" and "Đồng chí" not in it.text] == [
        "Tổ chức thăm, tặng quà Tết cho gia đình chính sách, hộ nghèo trước ngày 12/02/2026;",
        "Phát lệnh gọi nhập ngũ cho 32 công dân trúng tuyển.",
    ]
    assert {roles[t] for t in roles if t.startswith(("Giao Ủy ban", "Cuộc họp kết thúc", "Biên bản đã"))} == {"assignment"}
    assert doc.header.doc_type == "Biên bản" and (doc.header.reported_months, doc.header.planned_months) == (("2026-01",), ("2026-02",))


@pytest.mark.parametrize("turn", ["Trong tháng 7 tiếp tục", "Trong tháng 7, tiếp tục", "Tháng 7/2026, tiếp tục", "Thời gian tới, tiếp tục"])
def test_a_field_paragraph_turns_to_the_month_planned(turn: str) -> None:
    """Hand EY: a field's paragraph under a part of results, turning to the month planned; the rest of it is work ahead."""
    from ingest.pipeline import parse_text

    doc = parse_text(
        "BÁO CÁO\nKết quả thực hiện nhiệm vụ tháng 6 và nhiệm vụ trọng tâm tháng 7 năm 2026\n\n"
        "I. KẾT QUẢ THÁNG 6 VÀ NHIỆM VỤ THÁNG 7 TRÊN TỪNG LĨNH VỰC\n1. Lĩnh vực chuyển đổi số\n"
        f"Tỷ lệ hồ sơ nộp trực tuyến đạt 71,3%. {turn} làm sạch 745 thửa đất còn lại. "
        "Khai giảng 04 lớp “Bình dân học vụ số” cho cán bộ tổ dân phố.\n"
    )
    assert [it.role for it in doc.items if it.role != "other"] == ["result", "task", "task"]


@pytest.mark.parametrize("body, expected", LAYOUTS, ids=["A-above-I", "ordinal-points", "addressed-lines", "decided", "pasted-table",
                                                         "leadin-opens-numbered-points", "part-title-on-next-line",
                                                         "field-heading-inside-results", "meeting-preamble", "numbered-again-under-a-heading",
                                                         "ordinal-points-under-a-number", "tasks-done-lead-in", "field-and-body-titles", "renumbered-past-a-lead-in", "renumbered-through-lettered-fields", "word-typed-markers", "tasks-set-lead-in",
                                                         "tasks-carried-out-lead-in", "tab-and-markdown-tables", "tasks-given-to-the-office",
                                                         "prose-with-inline-points", "inline-points-under-headings",
                                                         "ordinal-points-across-paragraphs", "results-and-tasks-in-each-field",
                                                         "word-numbering-lost", "work-programme", "follow-up-table",
                                                         "lettered-sub-field-over-prose", "standing-board-gives-the-tasks-lead-in",
                                                         "body-given-a-list-of-tasks", "agreed-lead-in-under-the-tasks-heading",
                                                         "results-then-next-month-in-each-field",
                                                         "numbered-demand-heads-the-tasks", "demand-under-the-tasks-heading",
                                                         "plan-headed-ke-hoach-thang", "lettered-fields-over-numbered-points",
                                                         "those-is-not-but", "conclusions-on-each-agenda-item",
                                                         "chairman-gives-the-work", "body-by-body-then-next-month",
                                                         "plan-headed-nhung-viec-can-lam", "plan-headed-cong-viec-can-tap-trung",
                                                         "plan-headed-chuong-trinh-hanh-dong", "plan-headed-phuong-huong",
                                                         "follow-up-table-judged-under-a-caption", "table-of-indicators",
                                                         "field-then-thoi-gian-toi", "field-then-nhiem-vu-thang-toi",
                                                         "field-then-thang-toi", "numbered-through-phuong-huong",
                                                         "numbered-through-nhiem-vu-trong-tam", "box-drawn-tables",
                                                         "results-sorted-by-what-became-of-the-tasks"])
def test_layouts_of_other_hands(body: str, expected: list[tuple[str, str]]) -> None:
    intro = "Ngày 30/6/2026, Ban Thường vụ Đảng ủy phường họp thường kỳ; đồng chí Bí thư kết luận như sau:\n"
    text = normalize("THÔNG BÁO KẾT LUẬN\ncủa Ban Thường vụ Đảng ủy phường\n-----\n" + intro + body)
    items = parse_items(text, parse_header(text))
    assert [(i.role, i.text) for i in items if i.role != "other"] == expected


def test_hard_wrapped_text_is_reflowed_into_items() -> None:
    """A notice copied out of a PDF (lines cut at ~85 characters, page number and running header
    between pages) gives the same items as the same notice with a paragraph per line."""
    para = [
        "Đến ngày 25/9, đã hoàn thành di dời 16 hộ còn lại về khu dân cư vượt lũ Mương Khai, nâng tổng số hộ di dời khỏi vùng sạt lở lên 37/37 hộ.",
        "Đã gia cố 03 đoạn đê bao xung yếu với tổng chiều dài 640 m tại ấp Rạch Chanh và ấp Bình Hòa B; lực lượng, phương tiện ứng cứu được bố trí sẵn sàng tại 7/7 ấp.",
        "Tổ công nghệ số cộng đồng các ấp đã hướng dẫn 1.240 lượt người dân cài đặt, kích hoạt tài khoản định danh điện tử; tỷ lệ đạt 82,4%.",
        "Mặt đường bê tông tuyến ấp Cái Sơn đã đổ được 1,1/1,8 km (đạt 61,1%); do mưa lớn kéo dài trong tháng 9, phần còn lại dự kiến hoàn thành trong tháng 10.",
        "Kết nạp 02 đảng viên mới tại Chi bộ ấp Mương Khai và Chi bộ Trường THCS Vàm Lách, lũy kế 13/18 đảng viên, tỷ lệ đạt 72,2% chỉ tiêu năm.",
        "Ngành giáo dục đã sửa chữa xong 06 phòng học, bổ sung 120 bộ bàn ghế cho Trường Tiểu học Vàm Lách 2 và Trường Mầm non Tân Hội.",
    ]
    head = "BÁO CÁO\nkết quả tháng 9 và nhiệm vụ tháng 10 năm 2026\n-----\nI. KẾT QUẢ THÁNG 9\n"

    flat = normalize(head + "\n".join(f"- {p}" for p in para))
    wrapped_lines = [line for p in para for line in _wrap(f"- {p}", 85)]
    wrapped_lines[5:5] = ["", "2", "ĐẢNG ỦY XÃ VÀM LÁCH - BC tháng 9/2026", ""]  # a page break mid-paragraph
    wrapped = normalize(head + "\n".join(wrapped_lines))
    texts = [[i.text for i in parse_items(t, parse_header(t))] for t in (flat, wrapped)]
    assert texts[0] == texts[1] == para
    # the same two pages with no blank line about the break: the running header, seen once, names the
    # document itself (its number, or its organ as the header writes it) and goes with the page number
    top = "ĐẢNG BỘ TỈNH CAO MAI\nĐẢNG ỦY XÃ VÀM LÁCH\n*\nSố 58-BC/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nVàm Lách, ngày 28 tháng 9 năm 2026\n\n"
    for running in ("Báo cáo số 58-BC/ĐU ngày 28/9/2026 của Ban Thường vụ Đảng ủy xã Vàm Lách",
                    "ĐẢNG ỦY XÃ VÀM LÁCH - BÁO CÁO THÁNG 9/2026"):
        lines = [line for p in para for line in _wrap(f"- {p}", 85)]
        lines[5:5] = ["- 2 -", running]
        t = normalize(top + head + "\n".join(lines))
        assert [i.text for i in parse_items(t, parse_header(t)) if i.role == "result"] == para, running


# The same notice typed in another hand: bullets as "•", points as "1)", a tab after each marker (Word's lists saved
# as text), no blank lines between paragraphs. Every item keeps its role and its words (the two development series
# whose layouts differ most: hand F's conclusions with "(1)" points, hand N's I./A./"+" under "-"/"Thứ nhất").
_RETYPED = {
    "bullets": (r"(?m)^([ \t]*)-[ \t]+", r"\1• "),
    "paren-numbers": (r"(?m)^(\d{1,2})\.[ \t]+(?=\D)", r"\1) "),
    "tab-after-marker": (r"(?m)^([ \t]*(?:[-+•]|\d{1,2}\.|[a-zđ]\)|\(\d{1,2}\)))[ ]+", "\\1\t"),
    "no-blank-lines": (r"\n[ \t]*\n+", "\n"),
}


@pytest.mark.parametrize("hand", ["dev-hand-f", "dev-hand-n"])
@pytest.mark.parametrize("retype", sorted(_RETYPED))
def test_a_notice_retyped_in_another_hand_gives_the_same_items(hand: str, retype: str) -> None:
    import re
    from pathlib import Path

    pattern, repl = _RETYPED[retype]
    folder = Path(__file__).parent / "data" / "series" / hand
    paths = sorted(folder.glob("*.txt"))
    assert len(paths) >= 5
    changed = 0
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        retyped = re.sub(pattern, repl, raw)
        changed += retyped != raw

        def roles(text: str) -> list[tuple[str, str]]:
            t = normalize(text)
            return [(i.role, " ".join(i.text.split())) for i in parse_items(t, parse_header(t)) if i.role != "other"]

        assert roles(retyped) == roles(raw), (path.name, retype)
    assert changed >= 3


_APPENDIX_NOTICE = """ĐẢNG BỘ TỈNH LÂM GIANG
ĐẢNG ỦY XÃ HÒA TRUNG
*
Số 112-TB/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Hòa Trung, ngày 30 tháng 01 năm 2026

THÔNG BÁO
KẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY XÃ
về kết quả tháng 01 và nhiệm vụ trọng tâm tháng 02 năm 2026

I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 01 NĂM 2026
Thu ngân sách tháng 01 ước đạt 2,05 tỷ đồng, bằng 10,8% dự toán{detail}.

II. NHIỆM VỤ TRỌNG TÂM THÁNG 02 NĂM 2026
{pointer}

III. TỔ CHỨC THỰC HIỆN
Giao các đồng chí Ủy viên Ban Thường vụ Đảng ủy theo lĩnh vực được phân công tổ chức thực hiện.

Nơi nhận:
- Thường trực Tỉnh ủy,
- Lưu Văn phòng Đảng ủy.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Lê Quang Vinh

PHỤ LỤC: DANH MỤC NHIỆM VỤ TRỌNG TÂM THÁNG 02 NĂM 2026
(Kèm theo Thông báo số 112-TB/ĐU ngày 30/01/2026 của Ban Thường vụ Đảng ủy xã)

TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành
1\tTrao lệnh gọi nhập ngũ cho 38 công dân\tBan Chỉ huy Quân sự xã\tCông an xã\t10/02/2026
2\tXử lý dứt điểm 08 trường hợp còn lấn chiếm hành lang tuyến ĐT.642\tỦy ban nhân dân xã\tCông an xã\tTháng 02/2026
"""


@pytest.mark.parametrize("pointer, detail, tasks", [
    # hand CO: the tasks are in the appendix the task section sends its reader to
    ("Ban Thường vụ Đảng ủy thống nhất các nhiệm vụ trọng tâm tháng 02 năm 2026 theo Phụ lục kèm theo Thông báo này.", "",
     ["Trao lệnh gọi nhập ngũ cho 38 công dân", "Xử lý dứt điểm 08 trường hợp còn lấn chiếm hành lang tuyến ĐT.642"]),
    # an appendix the results refer to for detail is not the plan: the task section's own sentence is the task
    ("Tập trung thu ngân sách tháng 02 đạt 1,8 tỷ đồng.", " (chi tiết tại Phụ lục kèm theo)",
     ["Tập trung thu ngân sách tháng 02 đạt 1,8 tỷ đồng."]),
], ids=["tasks-in-the-appendix", "appendix-of-details"])
def test_the_tasks_of_an_appendix_after_the_signature(pointer: str, detail: str, tasks: list[str]) -> None:
    text = normalize(_APPENDIX_NOTICE.format(pointer=pointer, detail=detail))
    items = parse_items(text, parse_header(text))
    assert [i.text for i in items if i.role == "task"] == tasks
    assert all(i.months == ("2026-02",) for i in items if i.role == "task")
    assert not any("Phụ lục kèm theo Thông báo này" in i.text for i in items if i.role == "task")


_RESULTS_APPENDIX = """ĐẢNG BỘ TỈNH BÌNH LAM
ĐẢNG ỦY XÃ TÂN LAM HÒA
*
Số 27-TB/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Tân Lam Hòa, ngày 29 tháng 12 năm 2025

THÔNG BÁO
KẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY XÃ
về kết quả tháng 12 năm 2025 và nhiệm vụ trọng tâm tháng 01 năm 2026

1. Đánh giá chung
Tháng 12 năm 2025, các cấp ủy, chính quyền đã hoàn thành các chỉ tiêu, nhiệm vụ năm 2025{pointer}.

2. Nhiệm vụ trọng tâm tháng 01 năm 2026
- Phát lệnh gọi nhập ngũ cho 38 công dân.

Nơi nhận:
- Lưu Văn phòng Đảng ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Trần Minh Khoa

PHỤ LỤC
KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ THÁNG 12 NĂM 2025
(Kèm theo Thông báo số 27-TB/ĐU ngày 29/12/2025 của Ban Thường vụ Đảng ủy xã)
TT | Nhiệm vụ | Kết quả thực hiện | Ghi chú
1 | Phát triển đảng viên | Kết nạp thêm 6 đảng viên, đạt 95,2% chỉ tiêu | Chưa đạt
2 | Đề án 06 | Tỷ lệ kích hoạt tài khoản định danh điện tử mức độ 2 đạt 81,6% | Chưa đạt 85%
"""


@pytest.mark.parametrize("pointer, results", [
    # hand DC: the results of last month's tasks are a follow-up table in an appendix the assessment points to
    ("; kết quả cụ thể tại Phụ lục kèm theo", ["Phát triển đảng viên | Kết nạp thêm 6 đảng viên, đạt 95,2% chỉ tiêu",
                                               "Đề án 06 | Tỷ lệ kích hoạt tài khoản định danh điện tử mức độ 2 đạt 81,6%"]),
    ("", ["Tháng 12 năm 2025, các cấp ủy, chính quyền đã hoàn thành các chỉ tiêu, nhiệm vụ năm 2025."]),
], ids=["results-in-the-appendix", "no-pointer-no-appendix"])
def test_the_results_of_an_appendix_after_the_signature(pointer: str, results: list[str]) -> None:
    text = normalize(_RESULTS_APPENDIX.format(pointer=pointer))
    items = parse_items(text, parse_header(text))
    assert [i.text for i in items if i.role == "result"] == results
    assert all(i.months == ("2025-12",) for i in items if i.role == "result")
    assert [i.text for i in items if i.role == "task"] == ["Phát lệnh gọi nhập ngũ cho 38 công dân."]


_PAGED = [p for p in sorted((Path(__file__).parent / "data" / "series" / "dev-hand-bx").glob("*.txt"))
          if re.search(r"(?m)^Trang \d/\d$", p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("path", _PAGED, ids=lambda p: p.name)
def test_page_numbers_and_running_headers_of_a_scan_saved_as_text_are_no_items(path: Path) -> None:
    """Hand BX's notices went through OCR and lost their page breaks: "Trang 1/3" stands on a line of its own, then the
    running header ("UBND xã Gia Tân - Báo cáo tháng 01/2026"). Each such line is a page break, so the page
    number and the header repeated on every page are gone, not sentences of the item before them."""
    from ingest.pipeline import parse_file

    assert len(_PAGED) >= 4
    doc = parse_file(path)
    assert not re.search(r"(?m)^Trang \d", doc.text)
    assert not [it.text for it in doc.items if "Trang " in it.text or " - Báo cáo tháng" in it.text]


def _wrap(line: str, width: int) -> list[str]:
    """``line`` cut between words into lines of at most ``width`` characters (a longer word on a line of its own)."""
    pieces, cur = [], ""
    for word in line.split():
        if cur and len(cur) + 1 + len(word) > width:
            pieces.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    return [*pieces, cur]


def _as_copied_from_pdf(raw: str, width: int = 80) -> str:
    """A notice as an office copies it out of its PDF: every line of prose cut at ``width`` characters between words,
    a page number alone on a line every 45 lines ("2", "- 3 -"), often in the middle of a paragraph. The header's
    lines and a table's rows stay as they are."""
    out: list[str] = []
    for k, line in enumerate(raw.split("\n")):
        pieces = [line]
        if k > 6 and len(line) > width + 5 and " | " not in line and "\t" not in line:
            pieces = _wrap(line, width)
        for piece in pieces:
            out.append(piece)
            if len(out) % 45 == 0:
                page = len(out) // 45 + 1
                out.append(f"- {page} -" if page % 2 else str(page))
    return "\n".join(out)


@pytest.mark.parametrize("hand", ["dev-hand-ao", "dev-hand-ca", "dev-hand-co", "dev-hand-dr", "dev-hand-dt", "dev-hand-dw",
                                  "dev-hand-f", "dev-hand-q"])
def test_a_series_copied_out_of_its_pdf_gives_the_same_items(hand: str) -> None:
    """Hard-wrapped lines, page numbers inside paragraphs, numbered headings followed by their text, a figure wrapped
    alone to the next line: every notice of eight development series reads as the same items, with the same roles."""
    from pathlib import Path

    folder = Path(__file__).parent / "data" / "series" / hand
    wrapped = 0
    for path in sorted(folder.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        copied = _as_copied_from_pdf(raw)
        wrapped += copied.count("\n") >= raw.count("\n") + 10

        def roles(text: str) -> list[tuple[str, str]]:
            t = normalize(text)
            return [(i.role, " ".join(i.text.split())) for i in parse_items(t, parse_header(t)) if i.role in {"task", "result"}]

        assert roles(copied) == roles(raw), path.name
    assert wrapped >= 4


@pytest.mark.parametrize(("lines", "joined"), [
    # an upper-case heading ends its line: the sentence after it is not its continuation
    (["I. KẾT QUẢ LÃNH ĐẠO, CHỈ ĐẠO THỰC HIỆN NHIỆM VỤ THÁNG 01 NĂM 2026 CỦA BAN THƯỜNG VỤ",
      "Tháng 01 năm 2026 diễn ra nhiều sự kiện chính trị quan trọng của đất nước; Ban Thường vụ"],
     ["I. KẾT QUẢ LÃNH ĐẠO, CHỈ ĐẠO THỰC HIỆN NHIỆM VỤ THÁNG 01 NĂM 2026 CỦA BAN THƯỜNG VỤ",
      "Tháng 01 năm 2026 diễn ra nhiều sự kiện chính trị quan trọng của đất nước; Ban Thường vụ"]),
    # a numbered heading well short of the width, then a capital: two paragraphs
    (["1. Về kết quả thực hiện nhiệm vụ tháng 02 năm 2026", "Tháng 02 là tháng có Tết Nguyên đán Bính Ngọ, các phòng, ban, đơn vị đã"],
     ["1. Về kết quả thực hiện nhiệm vụ tháng 02 năm 2026", "Tháng 02 là tháng có Tết Nguyên đán Bính Ngọ, các phòng, ban, đơn vị đã"]),
    # a month's number wrapped alone is no numbered point
    (["- Công an phường: vận động số công dân còn lại kích hoạt tài khoản, bảo đảm đạt 90% trong tháng", "3."],
     ["- Công an phường: vận động số công dân còn lại kích hoạt tài khoản, bảo đảm đạt 90% trong tháng 3."]),
    # a clause on ";" goes on on a figure; on ":" in lower case
    (["+ Ra mắt mô hình “Thôn không có ma túy” tại 04 thôn An Lạc, Phú Mỹ, Hòa Bình và Bàu Sen;", "02 thôn Mỹ Thạnh chưa tổ chức ra mắt."],
     ["+ Ra mắt mô hình “Thôn không có ma túy” tại 04 thôn An Lạc, Phú Mỹ, Hòa Bình và Bàu Sen; 02 thôn Mỹ Thạnh chưa tổ chức ra mắt."]),
    (["3. Tổ chức kỷ niệm 79 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2026):", "viếng nghĩa trang liệt sĩ xã, thăm, tặng quà gia đình chính sách."],
     ["3. Tổ chức kỷ niệm 79 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2026): viếng nghĩa trang liệt sĩ xã, thăm, tặng quà gia đình chính sách."]),
])
def test_a_wrapped_line_joins_the_next_only_where_the_sentence_goes_on(lines: list[str], joined: list[str]) -> None:
    from ingest.reflow import reflow

    filler = ["- Ủy ban nhân dân xã đã ban hành quyết định thành lập Ban bầu cử đại biểu Hội đồng",
              "nhân dân xã gồm 11 thành viên và 16 Tổ bầu cử, hoàn thành trước thời hạn quy định."] * 4
    assert reflow("\n".join([*filler, *lines, *filler])).split("\n")[4:-4] == joined


_MIXED_FIELDS = """ĐẢNG BỘ THÀNH PHỐ LẠC GIANG
ĐẢNG ỦY PHƯỜNG HÒA THẠNH
*
Số 47-TB/ĐU

ĐẢNG CỘNG SẢN VIỆT NAM

Hòa Thạnh, ngày 26 tháng 02 năm 2026

THÔNG BÁO KẾT LUẬN
của Ban Thường vụ Đảng ủy về kết quả công tác tháng 02
và nhiệm vụ trọng tâm tháng 3 năm 2026

Ngày 25/02/2026, Ban Thường vụ Đảng ủy phường họp đánh giá kết quả công tác tháng 02 và bàn nhiệm vụ trọng tâm tháng 3 năm 2026. Sau khi thảo luận, Ban Thường vụ Đảng ủy kết luận như sau:

1. Về quốc phòng, an ninh: Tết Nguyên đán diễn ra an toàn, thu giữ 9 kg pháo nổ. Tổ chức lễ giao nhận quân ngày 05/3/2026 trang trọng, đủ 33 tân binh. Đã kết nạp đảng viên cho 02 quần chúng ưu tú chuẩn bị nhập ngũ.

2. Về thu ngân sách: Lũy kế thu ngân sách 2 tháng đạt 13,5 tỷ đồng, bằng 18,6% dự toán. Thu ngân sách lũy kế quý I đạt tối thiểu 27% dự toán.

3. Về xây dựng Đảng: Ngày 24/02/2026, Đảng ủy tổ chức hội nghị học tập Nghị quyết cho 168 cán bộ chủ chốt. Phấn đấu kết nạp 04 quần chúng ưu tú vào Đảng.

Ban Thường vụ Đảng ủy giao các đồng chí Ủy viên Ban Thường vụ phụ trách lĩnh vực chỉ đạo thực hiện các nội dung trên.

T/L BAN THƯỜNG VỤ
CHÁNH VĂN PHÒNG

Lê Thị Mỹ Hạnh
"""


def test_a_field_paragraph_mixing_what_was_done_and_what_to_do() -> None:
    """Hand EN's second ward: "1. Về quốc phòng, an ninh: ..." — a field named before its paragraph's colon, in a notice of
    no part of its own; each sentence is what was done, or what to do (a day of the month planned, after the notice's
    date; "Phấn đấu ..."; a target "đạt tối thiểu ..."), in any order."""
    from ingest.pipeline import parse_text

    doc = parse_text(_MIXED_FIELDS)
    assert doc.header.planned_months == ("2026-03",) and doc.header.reported_months == ("2026-02",)
    got = [(it.role, it.text.split(",")[0].split(" ")[0:3]) for it in doc.items if it.role in {"task", "result"}]
    assert [(r, " ".join(w)) for r, w in got] == [
        ("result", "Tết Nguyên đán"), ("task", "Tổ chức lễ"), ("result", "Đã kết nạp"),
        ("result", "Lũy kế thu"), ("task", "Thu ngân sách"),
        ("result", "Ngày 24/02/2026"), ("task", "Phấn đấu kết"),
    ]
    assert {it.section for it in doc.items if it.role in {"task", "result"}} == {"Về quốc phòng, an ninh", "Về thu ngân sách", "Về xây dựng Đảng"}


# Session 22: a notice cut into work blocks under banners ("═══ KHỐI 1. ..."), each block's own results, limitations and
# tasks opened by glyph bullets ("▪ Đã làm được trong tháng 02:", "▪ Còn vướng:", "▪ Giao thực hiện trong tháng 3:",
# hand JD), the follower of each block named in brackets; glyph bullets as plain points under a dash; a minutes' particulars.
BLOCKS = [
    (
        "═══ KHỐI 1. KINH TẾ - ĐÔ THỊ\n(Phó Chủ tịch UBND phường Đinh Văn Lực theo dõi)\n\n▪ Đã làm được trong tháng 6:\n"
        "+ Thu ngân sách tháng 6 được 10,2 tỷ đồng, vượt mức đề ra.\n▪ Còn vướng:\nChưa lập được phương án bồi thường đường Ven Sông.\n"
        "▪ Giao thực hiện trong tháng 7:\n– Vận động 8 hộ đoạn cầu Ngói đồng thuận cho kiểm đếm (chủ trì: Ban Quản lý dự án).\n\n"
        "═══ KHỐI 2. VĂN HÓA - XÃ HỘI\n(Chủ tịch UBND phường trực tiếp theo dõi)\n\n▪ Kết quả tháng 6:\n"
        "Tháng 6/2026:\nTiêm đủ mũi cho 96 trẻ trong chương trình tiêm chủng mở rộng.\n"
        "▪ Nhiệm vụ tháng 7:\n(1) Trồng bổ sung 90 cây xanh dọc bờ kênh Mương Đào — Giao: Đoàn Thanh niên phường.\n",
        [("result", "Thu ngân sách tháng 6 được 10,2 tỷ đồng, vượt mức đề ra."),
         ("limitation", "Chưa lập được phương án bồi thường đường Ven Sông."),
         ("task", "Vận động 8 hộ đoạn cầu Ngói đồng thuận cho kiểm đếm (chủ trì: Ban Quản lý dự án)."),
         ("result", "Tiêm đủ mũi cho 96 trẻ trong chương trình tiêm chủng mở rộng."),
         ("task", "Trồng bổ sung 90 cây xanh dọc bờ kênh Mương Đào — Giao: Đoàn Thanh niên phường.")],
    ),
    (
        "1. Kết quả tháng 6\n- Công tác xây dựng Đảng:\n▪️ Kết nạp 04 đảng viên mới.\n▪️ Trao Huy hiệu Đảng cho 27 đảng viên.\n"
        "2. Nhiệm vụ tháng 7\n- Tổ chức sinh hoạt chi bộ chuyên đề quý III.\n",
        [("result", "Kết nạp 04 đảng viên mới."), ("result", "Trao Huy hiệu Đảng cho 27 đảng viên."),
         ("task", "Tổ chức sinh hoạt chi bộ chuyên đề quý III.")],
    ),
]


@pytest.mark.parametrize("body, expected", BLOCKS, ids=["work-blocks-under-banners", "glyph-bullets-under-a-dash"])
def test_work_blocks_and_glyph_bullets(body: str, expected: list[tuple[str, str]]) -> None:
    intro = "Ngày 30/6/2026, Chủ tịch UBND phường chủ trì phiên giao ban; kết luận theo từng khối công tác như sau:\n\n"
    text = normalize("THÔNG BÁO KẾT LUẬN\ncủa Chủ tịch UBND phường\n-----\n" + intro + body)
    items = parse_items(text, parse_header(text))
    assert [(i.role, i.text) for i in items if i.role != "other"] == expected


def test_a_meetings_particulars_agenda_and_chairs_praise_are_neither_results_nor_tasks() -> None:
    """Hand LB: "I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN" (when, where, who), the chair putting the agenda ("Đồng chí chủ trì thông
    qua chương trình cuộc họp gồm: ...; thống nhất nhiệm vụ trọng tâm tháng 01"), the chair's praise under the conclusion's
    heading and its lead-in closing on a full stop ("... các nội dung sau.") are no items of work."""
    from ingest.pipeline import parse_text

    doc = parse_text(
        "ĐẢNG BỘ TỈNH THANH SƠN\nĐẢNG ỦY XÃ HỢP THỊNH\n*\nSố 41-BB/ĐU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
        "Hợp Thịnh, ngày 29 tháng 12 năm 2025\n\nBIÊN BẢN\nHỌP BAN THƯỜNG VỤ ĐẢNG ỦY XÃ THÁNG 12 NĂM 2025\n\n"
        "I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN\n\n- Thời gian: bắt đầu lúc 14 giờ 00 phút, ngày 29/12/2025.\n"
        "- Chủ trì: đồng chí Hà Văn Thịnh, Bí thư Đảng ủy xã.\n\n"
        "II. NỘI DUNG CUỘC HỌP\n\nĐồng chí chủ trì thông qua chương trình cuộc họp gồm: đánh giá kết quả thực hiện nhiệm vụ "
        "tháng 12 năm 2025; thống nhất nhiệm vụ trọng tâm tháng 01 năm 2026. Hội nghị nhất trí với chương trình.\n\n"
        "1. Báo cáo kết quả thực hiện nhiệm vụ tháng 12 năm 2025\n\n- Thu ngân sách cả năm ước đạt 14,86 tỷ đồng;\n\n"
        "2. KẾT LUẬN CỦA ĐỒNG CHÍ CHỦ TRÌ\n\nĐồng chí Hà Văn Thịnh, Bí thư Đảng ủy xã, đánh giá cao tinh thần trách nhiệm của tập thể "
        "Ban Thường vụ; các chỉ tiêu chủ yếu năm 2025 đều đạt và vượt. Ban Thường vụ Đảng ủy thống nhất kết luận, yêu cầu tập trung "
        "lãnh đạo thực hiện các nội dung sau.\n\n1. Tập trung các giải pháp thu ngân sách ngay từ đầu năm.\n\n"
        "Cuộc họp kết thúc lúc 17 giờ 10 phút cùng ngày.\n"
    )
    assert [(it.role, it.text) for it in doc.items if it.role in {"result", "task"}] == [
        ("result", "Thu ngân sách cả năm ước đạt 14,86 tỷ đồng;"),
        ("task", "Tập trung các giải pháp thu ngân sách ngay từ đầu năm."),
    ]


OCR_NOTICE = (
    "ĐẢNG CỘNG SẢN VIỆT NAM\nTân Khê, ngày 30 thảng 01 năm 2026\nĐẢNG BỘ TỈNH SƠN HẢI\nĐẢNG UỶ PHUỜNG TÂN KHÊ\n*\nSố 52-TB/ĐU\n\n"
    "THÔNG BÁO\nKẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG\nvề kết quả thực hiện nhiệm vụ tháng 01, nhiệm vụ tháng 02 năm 2026\n\n"
    "Ngày 28/01/2026, Ban Thường vụ Đảng ủy phường họp; Ban Thường vụ Đảng ủy kết luận như sau:\n\n"
    "l. Kết quả thực hiện nhiệm vụ tháng 01 năm 2026\n"
    "(l) Lệnh gọi nhập ngũ được trao tận tay 28/28 công dân trong ngày 14/01/2026.\n"
    "| (2) Tổ chức 06 đợt ra quân trên tuyến đường Trần Khánh Dư và khu vực chợ Tân Khê, nhắc nhở 74 trường hợp; tình trạng họp chợ tạm dưới\n"
    "lòng đường cơ bản được chấm dứt.\n\nTrang 2/3\n\n"
    "— (3) Thu ngân sách tháng 01 ước đạt 2,86 tỷ đồng.\n"
    "2, Hạn chế, tồn tại\n- Thu ngân sách tháng 01 chưa đạt kế hoạch.\n"
    "3, Nhiệm vụ trọng tâm tháng 02 năm 2026\n"
    "l) Tổ chức gặp mặt, tặng quà 28 công dân trúng tuyển nghĩa vụ quân sự.\n"
    "2) Tập trung thu ngân sách, phấn đấu lũy kế 2 tháng đạt 18% dự toán năm.\n\n"
    "Nơi nhận:\n- Như trên,\n- Lưu VP.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn Hải\n"
)


def test_a_notice_read_by_ocr_from_its_scan() -> None:
    """Hand MA: a scan's OCR text — the header's columns out of order, "thảng" for "tháng", "PHUỜNG" for "PHƯỜNG", "l." and
    "(l)" for "1." and "(1)", "2," for "2.", a stray "|" or "—" before a point, a sentence broken over two lines, a page
    number between pages: the unit, the date, the results and the tasks as in the clean notice."""
    from ingest.pipeline import parse_text

    doc = parse_text(OCR_NOTICE)
    assert (doc.header.unit, doc.header.date) == ("phường Tân Khê", "2026-01-30")
    assert [(it.role, it.text) for it in doc.items if it.role in {"result", "limitation", "task"}] == [
        ("result", "Lệnh gọi nhập ngũ được trao tận tay 28/28 công dân trong ngày 14/01/2026."),
        ("result", "Tổ chức 06 đợt ra quân trên tuyến đường Trần Khánh Dư và khu vực chợ Tân Khê, nhắc nhở 74 trường hợp; "
                   "tình trạng họp chợ tạm dưới lòng đường cơ bản được chấm dứt."),
        ("result", "Thu ngân sách tháng 01 ước đạt 2,86 tỷ đồng."),
        ("limitation", "Thu ngân sách tháng 01 chưa đạt kế hoạch."),
        ("task", "Tổ chức gặp mặt, tặng quà 28 công dân trúng tuyển nghĩa vụ quân sự."),
        ("task", "Tập trung thu ngân sách, phấn đấu lũy kế 2 tháng đạt 18% dự toán năm."),
    ]


@pytest.mark.parametrize("sep", [" | ", "\t"], ids=["bars", "tabs"])
def test_a_tracking_table_gives_each_months_result_and_next_months_task(sep: str) -> None:
    """Hand NA: a report followed in one table, a row a piece of work, its result cells (one a month after a skipped month)
    and its cell of next month's work each an item; a group's row ("I | BẦU CỬ", or "I BẦU CỬ" when a Word table's single
    tab became a space) is neither and does not end the table."""
    from ingest.pipeline import parse_text

    def row(*cells: str) -> str:
        return sep.join(cells) + "\n"

    doc = parse_text(
        "ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN PHƯỚC ĐÔNG\n\nSố: 61/BC-UBND\n\nTân Phước Đông, ngày 28 tháng 4 năm 2026\n\n"
        "BÁO CÁO\nKết quả thực hiện nhiệm vụ tháng 3, tháng 4 và nhiệm vụ tháng 5 năm 2026\n\n"
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 3, THÁNG 4 VÀ NHIỆM VỤ THÁNG 5/2026\n\nKết quả được tổng hợp tại bảng sau:\n\n"
        + row("STT", "Nội dung công việc", "Kết quả tháng 3/2026", "Kết quả tháng 4/2026", "Tồn tại, vướng mắc", "Nhiệm vụ tháng 5/2026", "Đơn vị chủ trì")
        + row("I", "BẦU CỬ VÀ CHÍNH QUYỀN")
        + row("1", "Cuộc bầu cử", "Ngày 15/3/2026, 21.430/21.486 cử tri đi bầu, đạt 99,74%", "Tổng kết công tác bầu cử ngày 10/4", "", "", "Ủy ban bầu cử")
        + row("2", "Lắp đèn chiếu sáng tuyến Ven Kênh Xáng", "", "Đã lắp 40/45 bộ đèn", "Nhà thầu chậm vật tư", "Lắp 05 bộ đèn còn lại, nghiệm thu đưa vào sử dụng", "Phòng Kinh tế")
        + "\nII. TỒN TẠI, HẠN CHẾ\n\nTiến độ lắp đặt đèn chiếu sáng còn chậm.\n"
    )
    assert [(it.role, it.months, it.text) for it in doc.items if it.role in {"result", "task"}] == [
        ("result", ("2026-03",), "Ngày 15/3/2026, 21.430/21.486 cử tri đi bầu, đạt 99,74%"),
        ("result", ("2026-04",), "Tổng kết công tác bầu cử ngày 10/4"),
        ("result", ("2026-04",), "Đã lắp 40/45 bộ đèn"),
        ("task", ("2026-05",), "Lắp 05 bộ đèn còn lại, nghiệm thu đưa vào sử dụng"),
    ]


def test_a_calendar_of_the_months_work_names_the_month_planned() -> None:
    """Hand NC: "về kết quả công tác tháng 4, tháng 5 và lịch công tác tháng 6 năm 2026" plans June."""
    from ingest.pipeline import parse_text

    doc = parse_text("ĐẢNG ỦY XÃ TÀ SÌNH\nSố 131-TB/ĐU\nTà Sình, ngày 29 tháng 5 năm 2026\n\nTHÔNG BÁO\nKẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY\n"
                     "về kết quả công tác tháng 4, tháng 5 và lịch công tác tháng 6 năm 2026\n\nI. KẾT QUẢ\n\nThu ngân sách đạt 1,2 tỷ đồng.\n")
    assert (doc.header.reported_months, doc.header.planned_months) == (("2026-04", "2026-05"), ("2026-06",))


def test_a_communes_letter_reports_two_months_and_asks_for_points() -> None:
    """Hand OC: a công văn that plans April in its subject line, says in its opening that it reports February and March
    ("... không ban hành văn bản triển khai nhiệm vụ tháng 3/2026; nay UBND xã thông tin kết quả tháng 02 và tháng 3/2026 như
    sau:"), gives each month a paragraph opening on it ("Tháng 02/2026, trọng tâm là ..., kết quả: ...") and asks for its
    points without naming them tasks ("... đề nghị các đơn vị thực hiện một số nội dung sau:")."""
    from ingest.pipeline import parse_text

    doc = parse_text(
        "ỦY BAN NHÂN DÂN\nXÃ PHƯỚC LONG THẠNH\n-------\nSố: 368/UBND-VP\nV/v triển khai nhiệm vụ trọng tâm tháng 4 năm 2026\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nPhước Long Thạnh, ngày 31 tháng 3 năm 2026\n\n"
        "Kính gửi:\n- Các ban, ngành, đoàn thể xã;\n- Trưởng các ấp.\n\n"
        "Do tập trung cho Tết Nguyên đán và cuộc bầu cử, UBND xã không ban hành văn bản triển khai nhiệm vụ tháng 3/2026; nay UBND "
        "xã thông tin kết quả tháng 02 và tháng 3/2026 như sau:\n\n"
        "Tháng 02/2026, trọng tâm là tổ chức Tết và các bước chuẩn bị bầu cử, kết quả: Ngày 27/02/2026, xã tổ chức Lễ giao nhận "
        "quân, bàn giao đủ 22/22 tân binh. Tết Nguyên đán diễn ra an toàn, không có cháy nổ.\n\n"
        "Tháng 3/2026, toàn xã tập trung cho ngày bầu cử, kết quả: Cuộc bầu cử diễn ra an toàn, tỷ lệ cử tri đi bầu đạt 99,62%.\n\n"
        "Để hoàn thành nhiệm vụ tháng 4, Chủ tịch Ủy ban nhân dân xã đề nghị các đơn vị thực hiện một số nội dung sau:\n\n"
        "1. Phòng Kinh tế đôn đốc thu ngân sách, phấn đấu lũy kế đạt 30% dự toán năm.\n"
        "2. Công an xã bảo đảm an ninh trật tự dịp lễ 30/4.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyễn Văn An\n"
    )
    assert (doc.header.reported_months, doc.header.planned_months) == (("2026-02", "2026-03"), ("2026-04",))
    assert [(it.role, it.period, it.text) for it in doc.items if it.role in {"result", "task"}] == [
        ("result", "2026-02", "Ngày 27/02/2026, xã tổ chức Lễ giao nhận quân, bàn giao đủ 22/22 tân binh."),
        ("result", "2026-02", "Tết Nguyên đán diễn ra an toàn, không có cháy nổ."),
        ("result", "2026-03", "Cuộc bầu cử diễn ra an toàn, tỷ lệ cử tri đi bầu đạt 99,62%."),
        ("task", "2026-04", "Phòng Kinh tế đôn đốc thu ngân sách, phấn đấu lũy kế đạt 30% dự toán năm."),
        ("task", "2026-04", "Công an xã bảo đảm an ninh trật tự dịp lễ 30/4."),
    ]


def test_a_portal_article_on_the_meeting_gives_results_and_the_chairs_tasks() -> None:
    """Hand PA: a ward portal's article on the standing board's meeting — the masthead line gives the date and the ward, the
    lead the months ("... họp phiên thường kỳ tháng 2 nhằm đánh giá kết quả công tác trong tháng và thống nhất các nhiệm vụ
    trọng tâm tháng 3/2026"), the prose before the conclusion the results (not the lead, who attended, the subheads or "Theo
    báo cáo, ..."), what follows "Phát biểu kết luận" the tasks (not the chair's praise, a quote or the office's follow-up);
    the byline and the source are no part of the body."""
    from ingest.pipeline import parse_text

    doc = parse_text(
        "Cổng Thông tin điện tử phường An Lạc Đông - Thứ Sáu, 27/02/2026\n\nPhường An Lạc Đông: Dồn sức cho cuộc bầu cử\n\n"
        "ALĐ - Sáng 26/2, Ban Thường vụ Đảng ủy phường An Lạc Đông họp phiên thường kỳ tháng 2 nhằm đánh giá kết quả công tác trong "
        "tháng và thống nhất các nhiệm vụ trọng tâm tháng 3/2026.\n\nĐồng chí Trần Minh Khôi, Bí thư Đảng ủy phường chủ trì hội nghị; "
        "cùng dự có các đồng chí trong Ban Thường vụ.\n\nTết an toàn, đầm ấm\n\nTheo báo cáo, tháng 2 có kỳ nghỉ Tết kéo dài. "
        "Phường đã trao 1.145 suất quà Tết.\n\nTuy vậy, tiến độ thu ngân sách vẫn chưa đạt kế hoạch.\n\n"
        "Phát biểu kết luận, đồng chí Bí thư ghi nhận những nỗ lực của các chi bộ trong tháng.\n\n"
        "Đồng chí Bí thư yêu cầu trong tháng 3 cần tập trung vào các nhiệm vụ sau. Trước hết, tổ chức thành công cuộc bầu cử ngày 15/3.\n\n"
        "Đồng chí Bí thư nhấn mạnh: “Bầu cử là nhiệm vụ chính trị trọng tâm.”\n\n"
        "Đồng chí Bí thư giao Văn phòng Đảng ủy theo dõi, đôn đốc thực hiện.\n\nMinh Đức\nNguồn: Văn phòng Đảng ủy phường An Lạc Đông\n"
    )
    h = doc.header
    assert (h.unit, h.date, h.reported_months, h.planned_months) == ("phường An Lạc Đông", "2026-02-27", ("2026-02",), ("2026-03",))
    assert [(it.role, it.text) for it in doc.items if it.role in {"result", "limitation", "task"}] == [
        ("result", "Phường đã trao 1.145 suất quà Tết."),
        ("limitation", "Tuy vậy, tiến độ thu ngân sách vẫn chưa đạt kế hoạch."),
        ("task", "Trước hết, tổ chức thành công cuộc bầu cử ngày 15/3."),
    ]


# Session 23: a briefing's notice in the words of its own office (hands ND, PD): "A – ĐIỂM LẠI CÔNG VIỆC THÁNG 5" (a letter
# and a dash between spaces), "B – CHỖ CÒN VƯỚNG", "C – GIAO VIỆC THÁNG 6"; "Phần thứ nhất / VIỆC ĐÃ LÀM ...", "ĐIỀU CHƯA
# LÀM ĐƯỢC", "BẢNG GIAO VIỆC"; "Mục 1. ..." parts; a lead-in's aside in brackets ("(... báo cáo kết quả ...)") no role.
BRIEFINGS = [
    (
        "về điểm lại công việc tháng 5 và giao việc tháng 6 năm 2026",
        "A – ĐIỂM LẠI CÔNG VIỆC THÁNG 5\n\nVề ngân sách:\n– Thu ngân sách trong tháng được 2,3 tỷ đồng, bằng 92% mức phấn đấu.\n\n"
        "B – CHỖ CÒN VƯỚNG\n\n– Còn 04 hộ chưa nhận tiền bồi thường tuyến đường liên thôn.\n\n"
        "C – GIAO VIỆC THÁNG 6\n\nChủ tịch UBND xã giao việc như sau (đơn vị chủ trì báo cáo kết quả vào cuối tháng):\n\n"
        "Phòng Kinh tế:\n– Vận động 04 hộ còn lại nhận tiền bồi thường trước ngày 20/6.\n\n"
        "D – YÊU CẦU CHUNG\n\nCác đơn vị gửi báo cáo về Văn phòng trước ngày 27/6.\n",
        [("result", "Thu ngân sách trong tháng được 2,3 tỷ đồng, bằng 92% mức phấn đấu."),
         ("limitation", "Còn 04 hộ chưa nhận tiền bồi thường tuyến đường liên thôn."),
         ("task", "Vận động 04 hộ còn lại nhận tiền bồi thường trước ngày 20/6.")],
    ),
    (
        "tại phiên giao ban tháng 5 và giao việc tháng 6 năm 2026",
        "Phần thứ nhất\nVIỆC ĐÃ LÀM TRONG THÁNG 5/2026\n\n(1) Kinh tế\n1.1. Kè chắn sóng thôn Mũi Gió đạt 35% khối lượng.\n\n"
        "Phần thứ hai\nĐIỀU CHƯA LÀM ĐƯỢC\n\n- Giải đua thuyền chưa tổ chức được vì sóng lớn.\n\n"
        "Phần thứ ba\nBẢNG GIAO VIỆC THÁNG 6/2026\n\nStt | Nội dung việc | Chủ trì | Hạn\n"
        "1 | Đưa khối lượng kè chắn sóng thôn Mũi Gió lên 50% | Ban Quản lý dự án | 30/6\n",
        [("result", "Kè chắn sóng thôn Mũi Gió đạt 35% khối lượng."),
         ("limitation", "Giải đua thuyền chưa tổ chức được vì sóng lớn."),
         ("task", "Đưa khối lượng kè chắn sóng thôn Mũi Gió lên 50%")],
    ),
    (
        "tại phiên giao ban đánh giá gộp tháng 4, tháng 5 và phân công nhiệm vụ tháng 6 năm 2026",
        "Mục 1. Kết quả tháng 4 và tháng 5\n\nNgân sách: Thu ngân sách tháng 5 được 2,04 tỷ đồng.\n\n"
        "Mục 2. Những điểm chưa đạt\n\nĐấu giá 02 lô đất chưa có người đăng ký.\n\n"
        "Mục 3. Phân công nhiệm vụ tháng 6\n\n(1) Phòng Kinh tế tổ chức lại phiên đấu giá 02 lô đất.\n",
        [("result", "Ngân sách: Thu ngân sách tháng 5 được 2,04 tỷ đồng."),
         ("limitation", "Đấu giá 02 lô đất chưa có người đăng ký."),
         ("task", "Phòng Kinh tế tổ chức lại phiên đấu giá 02 lô đất.")],
    ),
]


@pytest.mark.parametrize("title, body, expected", BRIEFINGS, ids=["letters-between-dashes", "parts-and-a-table", "numbered-sections"])
def test_a_briefings_review_its_shortfalls_and_the_work_it_gives(title: str, body: str, expected: list[tuple[str, str]]) -> None:
    from ingest.pipeline import parse_text

    doc = parse_text("ỦY BAN NHÂN DÂN\nXÃ HÒA MỸ\nSố: 77/TB-UBND\n\nHòa Mỹ, ngày 29 tháng 5 năm 2026\n\nTHÔNG BÁO\n"
                     f"Kết luận của Chủ tịch Ủy ban nhân dân xã\n{title}\n\n"
                     "Ngày 28/5/2026, Chủ tịch Ủy ban nhân dân xã chủ trì phiên giao ban. Chủ tịch UBND xã kết luận như sau:\n\n"
                     + body + "\nNơi nhận:\n- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyễn Văn An\n")
    assert doc.header.planned_months == ("2026-06",)
    assert [(i.role, i.text) for i in doc.items if i.role in {"result", "limitation", "task"}] == expected


# Session 23 (hands QA, QB): an office's own word for its parts ("MẢNG 1. ...", "Mảng việc thứ hai - ..."), each part's
# results and tasks under short lead-ins that name only a month ("Đã làm (tháng 5):", "Tháng 6 làm:") or under headings
# written with a full stop ("Kết quả tháng 5.", "Còn vướng.", "Giao việc tháng 6."); a group of the month's tasks
# reviewed under the results ("1. Nhóm nhiệm vụ bầu cử, quốc phòng:").
AREAS = [
    (
        "MẢNG 1. BIỂN, NGHỀ CÁ, NGÂN SÁCH\n\nĐã làm (tháng 5):\n+ Thu ngân sách tháng 5 được 4,1 tỷ đồng.\n\nTháng 6 làm:\n"
        "- Phấn đấu thu ngân sách tháng 6 đạt 4,5 tỷ đồng (Phòng Kinh tế).\n\nMẢNG 2. HẠ TẦNG, MÔI TRƯỜNG\n\nĐã làm (tháng 5):\n"
        "+ Kè Cát Vàng đổ được 22% khối lượng.\n\nTháng 6 làm:\n- Đưa khối lượng kè Cát Vàng lên 40% (Ban Quản lý dự án).\n",
        [("result", "Thu ngân sách tháng 5 được 4,1 tỷ đồng."), ("task", "Phấn đấu thu ngân sách tháng 6 đạt 4,5 tỷ đồng (Phòng Kinh tế)."),
         ("result", "Kè Cát Vàng đổ được 22% khối lượng."), ("task", "Đưa khối lượng kè Cát Vàng lên 40% (Ban Quản lý dự án).")],
    ),
    (
        "Mảng việc thứ nhất - Quốc phòng, an ninh\n\nKết quả tháng 5.\nLực lượng vũ trang trực 24/24 giờ trong tháng.\n\nCòn vướng.\n"
        "Các bãi tắm tự phát chưa có biển cảnh báo.\n\nGiao việc tháng 6.\nCông an đặc khu cắm biển cảnh báo tại các bãi tắm.\n\n"
        "Mảng việc thứ hai - Chính quyền, chuyển đổi số\n\nKết quả tháng 5.\nBộ phận Một cửa tiếp nhận 412 hồ sơ.\n\nGiao việc tháng 6.\n"
        "Văn phòng cấp chữ ký số cho 9 công chức còn lại.\n",
        [("result", "Lực lượng vũ trang trực 24/24 giờ trong tháng."), ("limitation", "Các bãi tắm tự phát chưa có biển cảnh báo."),
         ("task", "Công an đặc khu cắm biển cảnh báo tại các bãi tắm."), ("result", "Bộ phận Một cửa tiếp nhận 412 hồ sơ."),
         ("task", "Văn phòng cấp chữ ký số cho 9 công chức còn lại.")],
    ),
    (
        "I. KẾT QUẢ THỰC HIỆN THÔNG BÁO KẾT LUẬN THÁNG 5\n\n1. Nhóm nhiệm vụ quốc phòng, an ninh\n\n(1) Giao nhận quân: Kết quả: "
        "37/38 công dân lên đường nhập ngũ.\n\nII. NHIỆM VỤ THÁNG 6\n\n1. Giao bổ sung 01 công dân nhập ngũ đợt 2.\n",
        [("result", "Giao nhận quân: Kết quả: 37/38 công dân lên đường nhập ngũ."), ("task", "Giao bổ sung 01 công dân nhập ngũ đợt 2.")],
    ),
    (
        "PHẦN THỨ NHẤT\nTÌNH HÌNH, KẾT QUẢ THÁNG 5\n\nThu ngân sách 5 tháng ước đạt 34,5 tỷ đồng.\n\nPHẦN THỨ HAI\n"
        "PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 6/2026\n\nBan Thường vụ thống nhất các nhiệm vụ trọng tâm tháng 6/2026 như sau:\n\nNhóm 1. Xây dựng Đảng\n+ Kết nạp 03 quần chúng ưu tú còn lại.\n"
        "+ Chuẩn bị nội dung sơ kết công tác xây dựng Đảng 6 tháng đầu năm.\n\nNhóm 2. Kinh tế, đô thị\n"
        "+ Hoàn thành nạo vét mương thoát nước trước ngày 15/6.\n",
        [("result", "Thu ngân sách 5 tháng ước đạt 34,5 tỷ đồng."), ("task", "Kết nạp 03 quần chúng ưu tú còn lại."),
         ("task", "Chuẩn bị nội dung sơ kết công tác xây dựng Đảng 6 tháng đầu năm."), ("task", "Hoàn thành nạo vét mương thoát nước trước ngày 15/6.")],
    ),
]


@pytest.mark.parametrize("body, expected", AREAS, ids=["areas-in-capitals", "areas-by-ordinal-full-stop-headings", "group-of-tasks-reviewed", "groups-inside-a-part"])
def test_parts_by_area_with_month_lead_ins(body: str, expected: list[tuple[str, str]]) -> None:
    from ingest.pipeline import parse_text

    doc = parse_text("ỦY BAN NHÂN DÂN\nĐẶC KHU BẠCH SA\nSố: 61/BC-UBND\n\nBạch Sa, ngày 28 tháng 5 năm 2026\n\nBÁO CÁO\n"
                     "Giao ban tháng 5 năm 2026 và lịch công việc tháng 6 năm 2026\n\nNgày 27/5/2026, UBND đặc khu họp giao ban tháng 5.\n\n"
                     + body + "\nNơi nhận:\n- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyễn Văn An\n")
    assert [(i.role, i.text) for i in doc.items if i.role in {"result", "limitation", "task"}] == expected


def test_a_notice_whose_parts_are_named_in_words_not_known_is_read_sentence_by_sentence() -> None:
    """Session 23: when no part of a monthly notice is known by its words (every item "other", the layout of an office
    this reader has not met), each sentence's own words decide (the learned sentence-role model, read along its section):
    what was done a result, what is to be done a task, the opening and the headings none."""
    from ingest.pipeline import parse_text

    body = ("Sáng ngày 28/5/2026, Chủ tịch UBND xã chủ trì phiên họp.\n\n"
            "◇ NHÌN LẠI THÁNG QUA\n\n"
            "- Thu ngân sách trong tháng được 2,3 tỷ đồng, bằng 92% mức phấn đấu.\n"
            "- Đã cấp 412 thẻ căn cước cho công dân trên địa bàn.\n"
            "- Lễ giao nhận quân đã tổ chức trang trọng, 38/38 thanh niên lên đường.\n"
            "- Trạm Y tế xã đã tiêm vắc xin sởi cho 96 trẻ.\n\n"
            "◇ HƯỚNG TỚI\n\n"
            "- Phấn đấu thu ngân sách đạt 2,5 tỷ đồng.\n"
            "- Tổ chức diễn tập phòng chống bão trước ngày 20/6/2026.\n"
            "- Hoàn thành nạo vét 1,2 km kênh tiêu thôn Đông.\n"
            "- Vận động 30 hộ còn lại đăng ký tài khoản định danh điện tử.\n")
    doc = parse_text("ỦY BAN NHÂN DÂN\nXÃ HÒA MỸ\nSố: 77/TB-UBND\n\nHòa Mỹ, ngày 29 tháng 5 năm 2026\n\nTHÔNG BÁO\n"
                     "Kết luận của Chủ tịch Ủy ban nhân dân xã về công việc tháng 5 và tháng 6 năm 2026\n\n"
                     + body + "\nNơi nhận:\n- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyễn Văn An\n")
    assert [(i.role, i.text[:20]) for i in doc.items if i.role != "other"] == [
        ("result", "Thu ngân sách trong "), ("result", "Đã cấp 412 thẻ căn c"), ("result", "Lễ giao nhận quân đã"),
        ("result", "Trạm Y tế xã đã tiêm"), ("task", "Phấn đấu thu ngân sá"), ("task", "Tổ chức diễn tập phò"),
        ("task", "Hoàn thành nạo vét 1"), ("task", "Vận động 30 hộ còn l"),
    ]
    assert {i.months for i in doc.items if i.role == "task"} == {("2026-06",)}


def test_a_summary_posted_in_a_work_chat_group() -> None:
    """Hand RA: no header block — the ward named the way its clerk abbreviates it ("[VP ĐU P AN HÒA]", "ĐU P An Hòa"), the
    date in the first lines, the months as "T3/2026", "T3 + T4/2026", "T5:"; parts opened by "📌 KQ ...:", "⚠️ Tồn tại:",
    "🎯 NV trọng tâm ...:" with fields ("▪ QP - AN:") inside them; the subject line "V/v ..." no Roman part V."""
    from ingest.pipeline import parse_text

    doc = parse_text(
        "[VP ĐU P AN HÒA - TỈNH LAM GIANG]\n📢 THÔNG BÁO NHANH KL giao ban BTV ĐU ngày 28/4/2026\nV/v KQ T3 + T4/2026 và NV trọng tâm T5/2026\n"
        "Kính gửi các đ/c BCH ĐU, BT chi bộ 🙏\n\n📌 KQ T3/2026:\n▪ XD Đảng:\n🔹 Bầu cử 15/3 thành công, 99,9% cử tri đi bầu.\n"
        "▪ QP - AN:\n🔹 CA P kiểm tra 14/14 cơ sở karaoke.\n\n📌 KQ T4/2026:\n🔹 Thu NS T4 được 3,9 tỷ đồng.\n\n⚠️ Tồn tại:\n"
        "- Thu NS chưa đạt KH tháng.\n\n🎯 NV trọng tâm T5/2026:\n1. Thu NS T5 đạt 9% DT.\n2. UBND P ra quân TTĐT các sáng thứ 6.\n\n"
        "Trân trọng!\nNguyễn Thị Thu Hà\nCV Văn phòng ĐU P An Hòa\n")
    h = doc.header
    assert (h.unit, h.date, h.reported_months, h.planned_months) == ("phường An Hòa", "2026-04-28", ("2026-03", "2026-04"), ("2026-05",))
    assert [(i.role, i.text) for i in doc.items if i.role in {"result", "limitation", "task"}] == [
        ("result", "🔹 Bầu cử 15/3 thành công, 99,9% cử tri đi bầu."), ("result", "🔹 CA P kiểm tra 14/14 cơ sở karaoke."),
        ("result", "🔹 Thu NS T4 được 3,9 tỷ đồng."), ("limitation", "Thu NS chưa đạt KH tháng."),
        ("task", "Thu NS T5 đạt 9% DT."), ("task", "UBND P ra quân TTĐT các sáng thứ 6."),
    ]


def test_a_resolution_in_running_prose_turns_to_the_month_ahead_sentence_by_sentence() -> None:
    """Hand RB: no parts, a paragraph a field, what was done then "Tháng tới, ..." — read sentence by sentence, a sentence
    that turns to the month ahead is work to do even where the model alone would read it as done."""
    from ingest.pipeline import parse_text

    para = ("Công an xã triệt xóa 01 tụ điểm ma túy tại ấp Cây Gáo, bắt giữ 04 đối tượng. Tình hình an ninh chính trị ổn định. "
            "Tháng tới, Hội đồng nghĩa vụ quân sự xã hoàn tất hồ sơ, phát lệnh gọi nhập ngũ cho 18 công dân theo chỉ tiêu được giao. "
            "Công an xã mở đợt cao điểm trấn áp tội phạm dịp Tết Nguyên đán.\n\n"
            "Thu ngân sách năm 2025 ước đạt 14,6 tỷ đồng, bằng 108% dự toán. Vụ lúa Thu Đông thu hoạch 1.240 ha. "
            "Tháng tới, chỉ đạo xuống giống vụ Đông Xuân đúng lịch thời vụ.\n")
    doc = parse_text("ĐẢNG BỘ XÃ THẠNH LỘC\nSố 19-NQ/ĐU\n\nThạnh Lộc, ngày 26 tháng 12 năm 2025\n\nNGHỊ QUYẾT\n"
                     "về kết quả tháng 12 năm 2025 và nhiệm vụ tháng 01 năm 2026\n\n" + para + "\nNơi nhận:\n- Lưu: VT.\n")
    roles = {i.text[:24]: i.role for i in doc.items}
    assert roles["Tháng tới, Hội đồng nghĩ"] == "task" and roles["Tháng tới, chỉ đạo xuống"] == "task"
    assert roles["Công an xã triệt xóa 01 "] == "result" and roles["Thu ngân sách năm 2025 ư"] == "result"


@pytest.mark.parametrize("bullet", ["\uf0b7", "\uf0a7", "\uf076"], ids=["symbol-dot", "wingdings-square", "wingdings-diamond"])
def test_a_word_symbol_fonts_bullets_and_numbered_parts(bullet: str) -> None:
    """Session 23: a Word list's bullet copied as its symbol font's private-use character is the list's bullet (no part
    of the item's text); "PHẦN 1." and "Phần 2 -" are parts as "PHẦN I" is."""
    from ingest.pipeline import parse_text

    body = (f"PHẦN 1. KẾT QUẢ THÁNG 5\n\n{bullet} Thu ngân sách được 2,3 tỷ đồng.\n{bullet}\tĐã cấp 412 thẻ căn cước.\n\n"
            f"Phần 2 - NHIỆM VỤ THÁNG 6\n\n{bullet} Phấn đấu thu ngân sách đạt 2,5 tỷ đồng.\n")
    doc = parse_text("ỦY BAN NHÂN DÂN\nXÃ HÒA MỸ\nSố: 77/TB-UBND\n\nHòa Mỹ, ngày 29 tháng 5 năm 2026\n\nTHÔNG BÁO\n"
                     "Kết luận về kết quả tháng 5 và nhiệm vụ tháng 6\n\n" + body)
    assert [(i.role, i.text, i.section) for i in doc.items] == [
        ("result", "Thu ngân sách được 2,3 tỷ đồng.", "KẾT QUẢ THÁNG 5"), ("result", "Đã cấp 412 thẻ căn cước.", "KẾT QUẢ THÁNG 5"),
        ("task", "Phấn đấu thu ngân sách đạt 2,5 tỷ đồng.", "NHIỆM VỤ THÁNG 6")]


def test_a_wards_task_codes_kept_from_plan_to_report() -> None:
    """Hand SB: the plan numbers its tasks "NV 04.03", the next notice reports "NV 04.03 – ...: đã hoàn thành ..." or
    "NV 05.10 (...): hoàn thành; ..." under "1. Các nhiệm vụ có mã số" — each a result, whole; the plan's lead-in "giao các
    nhiệm vụ ..., đánh mã số để theo dõi ... và báo cáo kết quả như sau:" opens tasks."""
    from ingest.pipeline import parse_text

    body = ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 5/2026\n\n1. Các nhiệm vụ có mã số\n\n"
            "- NV 05.10 (kỷ niệm Ngày sinh Bác): hoàn thành; ngày 18/5 tổ chức dâng hoa tại Nhà văn hóa phường.\n"
            "- NV 05.05 – Thủ tục hành chính: tiếp nhận 1.097 hồ sơ, tỷ lệ trực tuyến toàn trình 63,5%.\n\n"
            "II. NHIỆM VỤ TRỌNG TÂM THÁNG 6/2026\n\nỦy ban nhân dân phường giao các nhiệm vụ trọng tâm tháng 6/2026, đánh mã số để "
            "theo dõi, đôn đốc và báo cáo kết quả như sau:\n\n"
            "NV 06.01 – Nâng tỷ lệ hồ sơ trực tuyến toàn trình lên 65%.\nNV 06.02 – Tổ chức thi tốt nghiệp THPT an toàn.\n")
    doc = parse_text("ỦY BAN NHÂN DÂN\nPHƯỜNG TRÀ LIÊN\nSố: 88/TB-UBND\n\nTrà Liên, ngày 29 tháng 5 năm 2026\n\nTHÔNG BÁO\n"
                     "Kết quả thực hiện nhiệm vụ tháng 5 và nhiệm vụ trọng tâm tháng 6 năm 2026\n\n" + body)
    assert [(i.role, i.text[:24]) for i in doc.items if i.role in {"result", "task"}] == [
        ("result", "NV 05.10 (kỷ niệm Ngày s"), ("result", "NV 05.05 – Thủ tục hành "),
        ("task", "NV 06.01 – Nâng tỷ lệ hồ"), ("task", "NV 06.02 – Tổ chức thi t")]


def test_a_result_naming_its_tasks_code_is_linked_to_that_task() -> None:
    """Hand SB: "NV 04.02 – ...: ..." answers the task coded NV 04.02 of the plan, not the look-alike its words fit better."""
    from graph.linking import link_documents, linkdoc_from_parsed
    from ingest.pipeline import parse_text

    head = "ỦY BAN NHÂN DÂN\nPHƯỜNG TRÀ LIÊN\nSố: {n}/TB-UBND\n\nTrà Liên, ngày {d} tháng {m} năm 2026\n\nTHÔNG BÁO\n"
    plan = parse_text(head.format(n=70, d=29, m=3) + "Kết quả tháng 3 và nhiệm vụ tháng 4 năm 2026\n\nII. NHIỆM VỤ THÁNG 4/2026\n\n"
                      "NV 04.01 – Tổ chức thực tập phương án chữa cháy tại chợ Trà Liên với tiểu thương.\n"
                      "NV 04.02 – Tổ chức thực tập phương án chữa cháy tại Trường THCS Trà Liên.\n")
    report = parse_text(head.format(n=88, d=29, m=4) + "Kết quả tháng 4 và nhiệm vụ tháng 5 năm 2026\n\n"
                        "I. KẾT QUẢ THÁNG 4/2026\n\n- NV 04.02 – Thực tập chữa cháy: đã tổ chức với 134 người tham gia tại chợ và trường.\n"
                        "\nII. NHIỆM VỤ THÁNG 5/2026\n\n1. Tổ chức hội nghị sơ kết quý II.\n")
    docs = [linkdoc_from_parsed(plan, "plan"), linkdoc_from_parsed(report, "report")]
    texts = {it.id: it.text for d in docs for it in d.items}
    links = [(texts[lk.source][:8], texts[lk.target][:8]) for lk in link_documents(docs).links if lk.kind == "FOLLOWED_BY"]
    assert links == [("NV 04.02", "NV 04.02")]


@pytest.mark.parametrize("title, body, expected", [
    (   # hand SA: parts numbered in words, their names an office's own
        "Kết luận tại phiên họp thường kỳ tháng 02/2026",
        "PHẦN MỘT – SỔ VIỆC THÁNG 02/2026 (những việc đã làm được)\n\nViệc bầu cử:\n+ Danh sách 7.946 cử tri được niêm yết tại 18 khu "
        "vực bỏ phiếu.\n\nPHẦN HAI – CHỖ CÒN CHẬM, CÒN VƯỚNG\n\n+ Tiến độ cấy lúa xuân ở các thôn vùng cao chậm.\n\n"
        "PHẦN BA – GIAO VIỆC THÁNG 03/2026\n\nViệc 01 – Tổ chức ngày bầu cử Chủ nhật 15/3/2026 an toàn.\n",
        [("result", "Danh sách 7.946 cử tri được niêm yết tại 18 khu vực bỏ phiếu."),
         ("limitation", "Tiến độ cấy lúa xuân ở các thôn vùng cao chậm."),
         ("task", "Việc 01 – Tổ chức ngày bầu cử Chủ nhật 15/3/2026 an toàn.")],
    ),
    (   # hand SC: a council's conclusions name the month they review only; their requests are the next month's work
        "Ý kiến kết luận của Thường trực Hội đồng nhân dân tại Hội nghị giao ban liên tịch tháng 3 năm 2026",
        "1. NHỮNG KẾT QUẢ GHI NHẬN TRONG THÁNG 3\n\n– Cuộc bầu cử ngày 15/3/2026 diễn ra dân chủ, đúng luật.\n\n"
        "2. ĐỀ NGHỊ TRONG THÁNG 4 NĂM 2026\n\n2.1. Đối với Ủy ban nhân dân đặc khu:\n– Tổ chức kỳ họp thứ nhất Hội đồng nhân dân khóa mới.\n",
        [("result", "Cuộc bầu cử ngày 15/3/2026 diễn ra dân chủ, đúng luật."),
         ("task", "Tổ chức kỳ họp thứ nhất Hội đồng nhân dân khóa mới.")],
    ),
], ids=["parts-in-words", "requests-for-the-next-month"])
def test_parts_named_in_an_offices_own_words(title: str, body: str, expected: list[tuple[str, str]]) -> None:
    from ingest.pipeline import parse_text

    doc = parse_text("ỦY BAN NHÂN DÂN\nXÃ NÀ KHUỔI\nSố: 47/TB-UBND\n\nNà Khuổi, ngày 27 tháng 3 năm 2026\n\nTHÔNG BÁO\n"
                     f"{title}\n\nNgày 26/3/2026, Chủ tịch UBND xã chủ trì phiên họp.\n\n" + body)
    assert [(i.role, i.text) for i in doc.items if i.role in {"result", "limitation", "task"}] == expected


# Session 24 (hands RD, TD, TE, UD, VC: layouts their authors invented): blocks named "KHỐI I –", "KHỐI A.", "MỤC A –";
# their halves "A.1." / "A.2."; letters over numbers in brackets; a review of the work given ("KIỂM ĐIỂM VIỆC ĐÃ GIAO");
# a field's paragraphs each under its own label ("Đã thực hiện tháng 5:", "Tồn tại:", "Kế hoạch tháng 6:"); parts framed
# by rules ("━━ PHẦN MỘT: ... ━━"); fields in square brackets and bodies after a "»".
LAYOUTS_24 = [
    (
        "tại phiên giao ban định kỳ tháng 5/2026",
        "KHỐI I – KINH TẾ, NGÂN SÁCH\n\na) Việc đã làm tháng 5/2026\n+ Thu ngân sách tháng 5 ước 3,2 tỷ đồng, bằng 9% dự toán năm.\n\n"
        "b) Chỗ còn chậm\n- Thu tiền sử dụng đất chưa phát sinh.\n\nc) Giao việc tháng 6/2026\n"
        "(1) Đôn đốc thu thuế hộ kinh doanh, phấn đấu đạt 3,5 tỷ đồng. — Chủ trì: Phòng Kinh tế.\n\n"
        "KHỐI II – VĂN HÓA, XÃ HỘI\n\na) Việc đã làm tháng 5/2026\n+ Trao 214 suất quà cho hộ nghèo.\n\nc) Giao việc tháng 6/2026\n"
        "(2) Tổ chức Ngày hội Gia đình Việt Nam tại 5 thôn. — Chủ trì: Phòng Văn hóa - Xã hội.\n",
        [("result", "Thu ngân sách tháng 5 ước 3,2 tỷ đồng, bằng 9% dự toán năm."),
         ("limitation", "Thu tiền sử dụng đất chưa phát sinh."),
         ("task", "Đôn đốc thu thuế hộ kinh doanh, phấn đấu đạt 3,5 tỷ đồng. — Chủ trì: Phòng Kinh tế."),
         ("result", "Trao 214 suất quà cho hộ nghèo."),
         ("task", "Tổ chức Ngày hội Gia đình Việt Nam tại 5 thôn. — Chủ trì: Phòng Văn hóa - Xã hội.")],
    ),
    (
        "tại phiên giao ban thường kỳ tháng 5/2026\n(Việc đã làm tháng 5 - Việc giao tháng 6/2026)",
        "KHỐI A. NỘI CHÍNH: QUỐC PHÒNG - AN NINH - TRẬT TỰ\nA.1. Đã làm trong tháng 5:\n• Kiểm tra 131/131 tàu cá từ 15 m trở lên.\n\n"
        "A.2. Việc giao tháng 6/2026:\n→ Duy trì kiểm soát 100% tàu cá xuất, nhập bến.\n\nE. ĐIỂM NGHẼN CẦN THÁO GỠ\n"
        "Kè bờ Tây chưa về đích theo mốc đã đề ra.\n",
        [("result", "Kiểm tra 131/131 tàu cá từ 15 m trở lên."), ("task", "Duy trì kiểm soát 100% tàu cá xuất, nhập bến."),
         ("limitation", "Kè bờ Tây chưa về đích theo mốc đã đề ra.")],
    ),
    (
        "tại phiên giao ban gộp tháng 4 và tháng 5/2026",
        "Phần thứ nhất\nKIỂM ĐIỂM VIỆC ĐÃ GIAO\n\n1. Việc tháng 4/2026\n\n+ Ngày 14/4, tuyến đường thôn Đá Chồng đã được khởi công.\n\n"
        "2. Việc tháng 5/2026\n\n+ Thu ngân sách tháng 5 đạt 6,8 tỷ đồng.\n\nPhần thứ hai\nNHỮNG VIỆC CÒN VƯỚNG\n\n"
        "+ Vẫn còn đổ trộm rác tại bãi Tây.\n\nPhần thứ ba\nPHIẾU GIAO VIỆC THÁNG 6/2026\n\n+ Phòng Kinh tế: lắp camera giám sát tại bãi Tây.\n",
        [("result", "Ngày 14/4, tuyến đường thôn Đá Chồng đã được khởi công."), ("result", "Thu ngân sách tháng 5 đạt 6,8 tỷ đồng."),
         ("limitation", "Vẫn còn đổ trộm rác tại bãi Tây."), ("task", "Phòng Kinh tế: lắp camera giám sát tại bãi Tây.")],
    ),
    (
        "về kết quả công tác tháng 5 và chương trình công tác tháng 6 năm 2026",
        "I. KINH TẾ\n\n1. Nông nghiệp, thủy lợi\nĐã thực hiện tháng 5: Phun thuốc phòng trừ sâu cuốn lá trên 210 ha. Tiêm 375 con trâu, bò.\n"
        "Tồn tại: Tiến độ nạo vét kênh N2 chậm.\nKế hoạch tháng 6: Gieo cấy 1.100 ha lúa Hè Thu. Nạo vét 3,2 km kênh N2.\n",
        [("result", "Phun thuốc phòng trừ sâu cuốn lá trên 210 ha."), ("result", "Tiêm 375 con trâu, bò."),
         ("limitation", "Tiến độ nạo vét kênh N2 chậm."), ("task", "Gieo cấy 1.100 ha lúa Hè Thu."),
         ("task", "Nạo vét 3,2 km kênh N2.")],
    ),
    (
        "tại phiên giao ban tháng\n(điểm lại tháng Năm, giao việc tháng Sáu năm 2026)",
        "━━ PHẦN MỘT: THÁNG NĂM ĐÃ LÀM ĐƯỢC ━━\n\n[Kinh tế, ngân sách]\n1/ Thu ngân sách tháng 5 đạt 2,1 tỷ đồng.\n[Văn hóa, xã hội]\n"
        "2/ Khởi công 9 căn nhà cho hộ nghèo.\n━━ PHẦN HAI: NHỮNG CHỖ CÒN VƯỚNG ━━\n- Còn 276 ngư dân chưa làm căn cước.\n"
        "━━ PHẦN BA: GIAO VIỆC THÁNG SÁU ━━\n» Phòng Kinh tế\n☐ Thu ngân sách tháng Sáu tối thiểu 2 tỷ đồng.\n» Công an đặc khu\n"
        "☐ Bố trí tổ thu nhận căn cước lưu động tại cảng cá.\n",
        [("result", "Thu ngân sách tháng 5 đạt 2,1 tỷ đồng."), ("result", "Khởi công 9 căn nhà cho hộ nghèo."),
         ("limitation", "Còn 276 ngư dân chưa làm căn cước."), ("task", "Thu ngân sách tháng Sáu tối thiểu 2 tỷ đồng."),
         ("task", "Bố trí tổ thu nhận căn cước lưu động tại cảng cá.")],
    ),
    (
        "tại cuộc họp giao ban tháng 5 năm 2026",
        "MỤC A – TÌNH HÌNH, KẾT QUẢ THÁNG 5/2026\n\nHạ tầng, đầu tư: Đã chi trả bồi thường cho 11/14 hộ. Máy lọc nước biển thứ nhất đi vào hoạt động.\n\n"
        "MỤC B – ĐIỂM NGHẼN\n\nCòn 3 hộ chưa nhận tiền bồi thường.\n\nMỤC C – LỊCH VIỆC THÁNG 6/2026\n\nThượng tuần (01 - 10/6)\n"
        "▪ Đối thoại với 3 hộ còn kiến nghị về đơn giá bồi thường.\n",
        [("result", "Hạ tầng, đầu tư: Đã chi trả bồi thường cho 11/14 hộ."), ("result", "Máy lọc nước biển thứ nhất đi vào hoạt động."),
         ("limitation", "Còn 3 hộ chưa nhận tiền bồi thường."), ("task", "Đối thoại với 3 hộ còn kiến nghị về đơn giá bồi thường.")],
    ),
]


LAYOUTS_24.append((   # hand XB: a Party cell's letters with a slash, its shortfalls after minus signs
    "tại kỳ sinh hoạt chi bộ tháng 5 năm 2026\n(nhìn lại việc tháng 5 - giao việc tháng 6/2026)",
    "A/ VIỆC ĐÃ LÀM TRONG THÁNG 5/2026\n\nVề công tác Đảng:\n+ Đảng phí tháng 5 thu đủ 32/32 đồng chí.\n\nB/ VIỆC CÒN CHƯA ĐƯỢC\n\n"
    "\u2212 Việc học tập Nghị quyết chưa làm được.\n\nC/ VIỆC CHI BỘ GIAO CHO THÁNG 6/2026\n\n1/ Thu đảng phí tháng 6 đầy đủ (đ/c Hạnh).\n",
    [("result", "Đảng phí tháng 5 thu đủ 32/32 đồng chí."), ("limitation", "Việc học tập Nghị quyết chưa làm được."),
     ("task", "Thu đảng phí tháng 6 đầy đủ (đ/c Hạnh).")],
))


LAYOUTS_24.append((   # hand ZB: each field of the report its own "done" and "to do", under the report's opening lead-in
    "về điểm tình hình theo từng mảng việc tháng 5 và những việc sẽ làm trong tháng 6 năm 2026",
    "Ủy ban nhân dân đặc khu báo cáo kết quả theo từng mảng việc, mỗi mảng gồm việc đã chạy được, chỗ còn vướng và việc sẽ làm, "
    "như sau:\n\nMẢNG 1. KINH TẾ, NGÂN SÁCH\n\nViệc đã chạy được:\nThu ngân sách tháng 5 đạt 9,4% dự toán năm.\n\n"
    "Sẽ làm trong tháng 6:\n– Phấn đấu thu ngân sách tháng 6 đạt 8% dự toán năm.\n\nMẢNG 2. VĂN HÓA, XÃ HỘI\n\n"
    "Việc đã chạy được:\nTrao 251 suất quà cho gia đình người có công.\n\nSẽ làm trong tháng 6:\n"
    "– Tổ chức Ngày hội Gia đình Việt Nam tại 5 thôn.\n",
    [("result", "Thu ngân sách tháng 5 đạt 9,4% dự toán năm."), ("task", "Phấn đấu thu ngân sách tháng 6 đạt 8% dự toán năm."),
     ("result", "Trao 251 suất quà cho gia đình người có công."), ("task", "Tổ chức Ngày hội Gia đình Việt Nam tại 5 thôn.")],
))
LAYOUTS_24.append((   # hand YC: parts numbered in words, in capitals, with no "PHẦN" before them
    "tại phiên giao ban công tác tháng 5 năm 2026",
    "MỘT – NHỮNG VIỆC ĐÃ LÀM ĐƯỢC TRONG THÁNG 5/2026\n\na) Kinh tế, ngân sách\nThu ngân sách 5 tháng đạt 6,47 tỷ đồng, bằng 46,2% dự toán năm. Toàn bộ 820 ha lúa Đông Xuân đủ nước tưới.\n\n"
    "HAI – NHỮNG VIỆC CHƯA LÀM ĐƯỢC\nTiêm phòng gia súc chậm, chưa đạt chỉ tiêu.\n\nBA – NHỮNG VIỆC PHẢI LÀM TRONG THÁNG 6/2026\n"
    "1/ Tiêm bù cho đàn gia súc chưa tiêm đợt 1;\n",
    [("result", "Thu ngân sách 5 tháng đạt 6,47 tỷ đồng, bằng 46,2% dự toán năm."), ("result", "Toàn bộ 820 ha lúa Đông Xuân đủ nước tưới."),
     ("limitation", "Tiêm phòng gia súc chậm, chưa đạt chỉ tiêu."),
     ("task", "Tiêm bù cho đàn gia súc chưa tiêm đợt 1;")],
))
LAYOUTS_24.append((   # hand YB: a department's groups of work, each with three rows, announced by a lead-in that names them
    "về công việc tháng 5/2026 và việc dự kiến tháng 6/2026",
    "Sở báo cáo theo 02 nhóm việc, mỗi nhóm ba mục ĐÃ LÀM - CHƯA ĐẠT - THÁNG 6 LÀM, như sau:\n\nNHÓM 1 - ĐẤT ĐAI\nĐÃ LÀM\n"
    "- Cấp 964 giấy chứng nhận lần đầu.\nCHƯA ĐẠT\n- Còn khoảng 240 hồ sơ tồn.\nTHÁNG 6 LÀM\n- Xử lý dứt điểm 240 hồ sơ còn tồn.\n",
    [("result", "Cấp 964 giấy chứng nhận lần đầu."), ("limitation", "Còn khoảng 240 hồ sơ tồn."),
     ("task", "Xử lý dứt điểm 240 hồ sơ còn tồn.")],
))
LAYOUTS_24.append((   # hand XC: the meeting "thống nhất như sau:", then a part that names only the month reviewed
    "về lãnh đạo thực hiện nhiệm vụ tháng 6 năm 2026",
    "Hội nghị Ban Thường vụ ngày 28/5/2026 đã thảo luận và thống nhất như sau:\n\nI. SƠ LƯỢC THÁNG 5/2026\n\n"
    "1. Kinh tế, đô thị\nThu ngân sách 5 tháng được 13,8 tỷ đồng.\n\nII. NHIỆM VỤ TRỌNG TÂM THÁNG 6/2026\n\n"
    "1.1. Phấn đấu thu ngân sách 6 tháng đạt 50% dự toán.\n",
    [("result", "Thu ngân sách 5 tháng được 13,8 tỷ đồng."), ("task", "Phấn đấu thu ngân sách 6 tháng đạt 50% dự toán.")],
))


@pytest.mark.parametrize("title, body, expected", LAYOUTS_24, ids=[
    "blocks-by-roman-letters-over-brackets", "lettered-blocks-and-halves", "review-of-the-work-given", "labelled-paragraphs",
    "framed-parts-bracketed-fields", "lettered-sections-and-a-calendar", "a-cells-letters-with-slashes",
    "fields-each-done-and-to-do", "parts-numbered-in-words-alone", "a-departments-rows", "a-part-naming-only-the-month-reviewed"])
def test_layouts_an_office_invents(title: str, body: str, expected: list[tuple[str, str]]) -> None:
    from ingest.pipeline import parse_text

    doc = parse_text("ỦY BAN NHÂN DÂN\nĐẶC KHU BẠCH SA\nSố: 77/TB-UBND\n\nBạch Sa, ngày 29 tháng 5 năm 2026\n\nTHÔNG BÁO\n"
                     f"Kết luận của Chủ tịch Ủy ban nhân dân đặc khu\n{title}\n\n"
                     "Ngày 28/5/2026, Chủ tịch Ủy ban nhân dân đặc khu chủ trì phiên giao ban. Chủ tịch UBND đặc khu kết luận như sau:\n\n"
                     + body + "\nNơi nhận:\n- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyễn Văn An\n")
    assert doc.header.planned_months == ("2026-06",)
    assert [(i.role, i.text) for i in doc.items if i.role in {"result", "limitation", "task"}] == expected


@pytest.mark.parametrize("named, unnamed", [
    ("A. KẾT QUẢ THÁNG 5/2026", "B. SẮP TỚI"), ("◇ KẾT QUẢ", "◇ HƯỚNG TỚI"), ("1. Kết quả tháng 5", "2. Bắt tay vào việc"),
    ("I. ĐIỂM QUA", "II. NHIỆM VỤ THÁNG 6"),
], ids=["letters", "glyphs", "numbers", "results-unnamed"])
def test_a_part_named_in_words_not_known_beside_one_named(named: str, unnamed: str) -> None:
    """Session 24: the results named and the work to do in an office's own words (or the other way round) — the unnamed
    part's sentences read by their own words, as a notice none of whose parts is named is read."""
    from ingest.pipeline import parse_text

    results = ["Thu ngân sách trong tháng được 2,3 tỷ đồng, bằng 92% mức phấn đấu.", "Đã cấp 412 thẻ căn cước cho công dân.",
               "Trạm Y tế xã đã tiêm vắc xin sởi cho 96 trẻ."]
    tasks = ["Phấn đấu thu ngân sách đạt 2,5 tỷ đồng.", "Tổ chức diễn tập phòng chống bão trước ngày 20/6/2026.",
             "Vận động 30 hộ còn lại đăng ký tài khoản định danh điện tử."]
    body = (named + "\n\n" + "".join(f"- {r}\n" for r in results) + "\n" + unnamed + "\n\n" + "".join(f"- {t}\n" for t in tasks))
    doc = parse_text("ỦY BAN NHÂN DÂN\nXÃ HÒA MỸ\nSố: 77/TB-UBND\n\nHòa Mỹ, ngày 29 tháng 5 năm 2026\n\nTHÔNG BÁO\n"
                     "Kết luận của Chủ tịch Ủy ban nhân dân xã về công việc tháng 5 và tháng 6 năm 2026\n\n"
                     "Sáng ngày 28/5/2026, Chủ tịch UBND xã chủ trì phiên họp.\n\n" + body + "\nNơi nhận:\n- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyễn Văn An\n")
    assert [(i.role, i.text) for i in doc.items if i.role != "other"] == [("result", r) for r in results] + [("task", t) for t in tasks]
