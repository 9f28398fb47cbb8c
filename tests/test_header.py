"""Header fields: golden values for real documents (written by reading them) and
small synthetic headers for each variant of the genre."""

from __future__ import annotations

import pytest

from ingest.header import org_case, parse_header
from ingest.normalize import normalize
from tests.helpers import REAL, read_normalized

# file, doc_type, number, symbol, issuer, unit, place, date
REAL_HEADERS = [
    ("qd-383-tw-2025.txt", "Quy định", "383", "QĐ/TW", "Ban Bí thư", None, "Hà Nội", "2025-11-19"),  # issuer from "T/M BAN BÍ THƯ"
    ("qd-384-tw-2025.txt", "Quy định", "384", "QĐ/TW", "Ban Bí thư", None, "Hà Nội", "2025-11-19"),
    ("hd-45-btctw-2025.txt", "Hướng dẫn", "45", "HD/BTCTW", "Ban Tổ chức Trung ương", None, "Hà Nội", "2025-11-21"),  # "BAN CHẤP HÀNH TRUNG ƯƠNG / BAN TỔ CHỨC"
    ("tb-631-vpcp-2025.txt", "Thông báo kết luận", "631", "TB-VPCP", "Văn phòng Chính phủ", None, "Hà Nội", "2025-11-19"),
    ("tb-648-vpcp-2025.txt", "Thông báo kết luận", "648", "TB-VPCP", "Văn phòng Chính phủ", None, "Hà Nội", "2025-11-27"),
    ("nq-08-2025-cp.txt", "Nghị quyết", "08", "NQ-CP", "Chính phủ", None, "Hà Nội", "2025-11-26"),  # "08/2025/NQ-CP"
    ("qd-2581-ttg-2025.txt", "Quyết định", "2581", "QĐ-TTg", "Thủ tướng Chính phủ", None, "Hà Nội", "2025-11-24"),
    ("cv-10988-bnv-2025.txt", "Công văn", "10988", "BNV-CQĐP", "Bộ Nội vụ", None, "Hà Nội", "2025-11-21"),  # "Số:10988/BNV-CQĐP V/v ..." on one line
    ("cv-17899-btc-2025.txt", "Công văn", "17899", "BTC-TCCB", "Bộ Tài chính", None, None, "2025-11-18"),  # header lost: from "(Kèm theo Công văn số: ...)"
    ("nq-21-2025-hdnd-vinhlong.txt", "Nghị quyết", "21", "NQ-HĐND", "Hội đồng nhân dân tỉnh Vĩnh Long", "tỉnh Vĩnh Long", "Vĩnh Long", "2025-11-18"),  # "Số:\n21/2025/NQ-HĐND"
    ("nq-34-2025-hdnd-hue.txt", "Nghị quyết", "34", "NQ-HĐND", "Hội đồng nhân dân thành phố Huế", "thành phố Huế", "Thành phố Huế", "2025-11-18"),
    ("qd-2688-ubnd-quangtri-2025.txt", "Quyết định", "2688", "QĐ-UBND", "Ủy ban nhân dân tỉnh Quảng Trị", "tỉnh Quảng Trị", "Quảng Trị", "2025-11-18"),
    ("qd-3565-ubnd-hue-2025.txt", "Quyết định", "3565", "QĐ-UBND", "Ủy ban nhân dân thành phố Huế", "thành phố Huế", "Huế", "2025-11-21"),
    ("qd-1936-ubnd-thainguyen-2025.txt", "Quyết định", "1936", "QĐ-UBND", "Ủy ban nhân dân tỉnh Thái Nguyên", "tỉnh Thái Nguyên", "Thái Nguyên", "2025-11-19"),
    ("nq-57-tw-2024.txt", "Nghị quyết", "57", "NQ/TW", "Bộ Chính trị", None, "Hà Nội", "2024-12-22"),  # "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ"
    ("kh-3260-ddqh15-2025.txt", "Kế hoạch", "3260", "KH/ĐĐQH15", "Đảng đoàn Quốc hội", None, "Hà Nội", "2025-01-10"),
    ("nq-03-cp-2025.txt", "Nghị quyết", "03", "NQ-CP", "Chính phủ", None, "Hà Nội", "2025-01-09"),  # "CHÍNH PHỦ CỘNG HÒA XÃ HỘI ..." on one line
    ("bc-duthao-dang-uy-cp-nq57-2025.txt", "Công văn", None, "CV/ĐU", "Đảng ủy Chính phủ", None, "Hà Nội", "2025-05"),  # draft: "Số: - CV/ĐU", "ngày tháng 5 năm 2025"
]


@pytest.mark.parametrize("name, doc_type, number, symbol, issuer, unit, place, date", REAL_HEADERS, ids=[r[0] for r in REAL_HEADERS])
def test_real_header(name: str, doc_type: str, number: str | None, symbol: str | None, issuer: str, unit: str | None, place: str | None, date: str) -> None:
    h = parse_header(read_normalized(REAL / name))
    assert (h.doc_type, h.number, h.symbol, h.issuer, h.unit, h.place, h.date) == (doc_type, number, symbol, issuer, unit, place, date)


# file, signer name, title, authority
SIGNERS = [
    ("cv-10988-bnv-2025.txt", "Trương Hải Long", "THỨ TRƯỞNG", "KT."),
    ("qd-2581-ttg-2025.txt", "Trần Hồng Hà", "PHÓ THỦ TƯỚNG", "KT."),
    ("nq-08-2025-cp.txt", "Hồ Đức Phớc", "PHÓ THỦ TƯỚNG", "KT."),  # "KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG" on one line
    ("qd-2688-ubnd-quangtri-2025.txt", "Phan Phong Phú", "PHÓ CHỦ TỊCH", "KT."),  # "KT.CHỦ TỊCH PHÓ CHỦ TỊCH"
    ("nq-21-2025-hdnd-vinhlong.txt", "Nguyễn Minh Dũng", "CHỦ TỊCH", None),  # no authority line
    ("kh-3260-ddqh15-2025.txt", "Trần Thanh Mẫn", "BÍ THƯ", "T/M"),  # blank lines inside the block
    ("hd-45-btctw-2025.txt", "Hoàng Đăng Quang", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "KT."),  # "K/T TRƯỞNG BAN"
    ("cv-17899-btc-2025.txt", "Phạm Chí Thanh", "CHÁNH VĂN PHÒNG", "TL."),
    ("qd-383-tw-2025.txt", "Trần Cẩm Tú", None, "T/M"),  # "T/M BAN BÍ THƯ" then the name
]


@pytest.mark.parametrize("name, person, title, authority", SIGNERS, ids=[s[0] for s in SIGNERS])
def test_real_signer(name: str, person: str, title: str | None, authority: str | None) -> None:
    s = parse_header(read_normalized(REAL / name)).signer
    assert s is not None
    assert (s.name, s.title, s.authority) == (person, title, authority)


# Synthetic headers: one variant of the genre per line.
SYNTHETIC = [
    # Party form with the city above the ward
    ("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG\nĐẢNG ỦY PHƯỜNG AN LẠC\n*\nSố 12-NQ/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nAn Lạc, ngày 28 tháng 10 năm 2025\n\nNGHỊ QUYẾT\nCỦA BAN THƯỜNG VỤ ĐẢNG ỦY\nvề kết quả công tác tháng 10 và nhiệm vụ trọng tâm tháng 11 năm 2025\n\nI. KẾT QUẢ",
     {"doc_type": "Nghị quyết", "number": "12", "symbol": "NQ/ĐU", "issuer": "Ban Thường vụ Đảng ủy phường An Lạc", "unit": "phường An Lạc", "date": "2025-10-28", "reported_period": "2025-10", "planned_period": "2025-11"}),
    # a commune, state form, number on the next line
    ("ỦY BAN NHÂN DÂN\nXÃ HÒA PHONG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố:\n45/BC-UBND\nHòa Phong, ngày 05 tháng 01 năm 2026\nBÁO CÁO\nKết quả công tác tháng 12/2025 và phương hướng nhiệm vụ tháng 01/2026\n1. Kết quả",
     {"doc_type": "Báo cáo", "number": "45", "symbol": "BC-UBND", "issuer": "Ủy ban nhân dân xã Hòa Phong", "unit": "xã Hòa Phong", "date": "2026-01-05", "reported_period": "2025-12", "planned_period": "2026-01"}),
    # blank number and blank day in a draft; December reviewed, January planned across the year
    ("ĐẢNG ỦY PHƯỜNG ĐÔNG HẢI\n*\nSố -TB/ĐU\nĐông Hải, ngày tháng 01 năm 2026\nTHÔNG BÁO\nKẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY\nvề kết quả thực hiện nhiệm vụ tháng 12, phương hướng nhiệm vụ tháng 01 năm 2026\n",
     {"doc_type": "Thông báo kết luận", "number": None, "symbol": "TB/ĐU", "issuer": "Ban Thường vụ Đảng ủy phường Đông Hải", "unit": "phường Đông Hải", "date": "2026-01", "reported_period": "2025-12", "planned_period": "2026-01"}),
    # a ward People's Committee with "TM. / KT." signature
    ("ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN HƯNG\nSố: 980/KH-UBND\nTân Hưng, ngày 02/02/2026\nKẾ HOẠCH\nTriển khai nhiệm vụ trọng tâm tháng 02/2026\nNội dung.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Bình",
     {"doc_type": "Kế hoạch", "number": "980", "symbol": "KH-UBND", "issuer": "Ủy ban nhân dân phường Tân Hưng", "unit": "phường Tân Hưng", "date": "2026-02-02", "planned_period": "2026-02"}),
    # Công văn: no type line, "V/v" summary
    ("BỘ TÀI CHÍNH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 18345/BTC-NSNN\nV/v bổ sung dự toán ngân sách\nHà Nội, ngày 01 tháng 12 năm 2025\nKính gửi: Ủy ban nhân dân các tỉnh",
     {"doc_type": "Công văn", "number": "18345", "symbol": "BTC-NSNN", "issuer": "Bộ Tài chính", "unit": None, "date": "2025-12-01", "title": "V/v bổ sung dự toán ngân sách"}),
]


@pytest.mark.parametrize("raw, expected", SYNTHETIC, ids=[f"synthetic-{i}" for i in range(len(SYNTHETIC))])
def test_synthetic_header(raw: str, expected: dict[str, object]) -> None:
    h = parse_header(normalize(raw))
    got = {k: getattr(h, k) for k in expected}
    assert got == expected


def test_signer_of_synthetic_ward_committee() -> None:
    raw = SYNTHETIC[3][0]
    s = parse_header(normalize(raw)).signer
    assert s is not None and (s.name, s.title, s.authority) == ("Lê Văn Bình", "PHÓ CHỦ TỊCH", "KT.")


@pytest.mark.parametrize(
    "upper, expected",
    [
        ("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", "Ủy ban nhân dân tỉnh Quảng Trị"),
        ("BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG ĐỒ SƠN", "Ban Thường vụ Đảng ủy phường Đồ Sơn"),
        ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"),
        ("VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"),
        ("ĐẢNG ĐOÀN QUỐC HỘI", "Đảng đoàn Quốc hội"),
        ("HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Hội đồng nhân dân thành phố Hồ Chí Minh"),
    ],
)
def test_org_case(upper: str, expected: str) -> None:
    assert org_case(upper) == expected


def test_a_clerks_e_mail_has_its_subject_date_unit_and_body() -> None:
    """Hand PC: a clerk's plain-text e-mail — no formal header: the subject line is the title and names the months, the day
    it was sent is the date, the ward is named in its sign-off, and the body ends at "Trân trọng,"."""
    from ingest.pipeline import parse_text

    doc = parse_text(
        "Tiêu đề: V/v báo cáo nhanh KQ tháng 6 - dự kiến CV tháng 7/2026\nTừ: Lê Minh Khoa <khoa.lm@antrach.lamgiang.gov.vn>\n"
        "Ngày gửi: thứ Hai, 29/06/2026, 10:32\nGửi: TT Đảng ủy; TT HĐND; lãnh đạo UBND phường\n\nKính gửi các anh, chị lãnh đạo,\n\n"
        "Văn phòng xin báo cáo nhanh kết quả tháng 6 và dự kiến công việc tháng 7/2026 như sau:\n\nI. KẾT QUẢ THÁNG 6\n"
        "1) Thu ngân sách tháng 6 được 4,1 tỷ đồng.\n\nII. DỰ KIẾN CÔNG VIỆC THÁNG 7\n1) Tổ chức Ngày hội gia đình 28/6.\n\n"
        "Trân trọng,\nLê Minh Khoa\nVăn phòng HĐND-UBND phường An Trạch\nĐT: 0988 516 274\n"
    )
    h = doc.header
    assert (h.unit, h.date, h.reported_months, h.planned_months) == ("phường An Trạch", "2026-06-29", ("2026-06",), ("2026-07",))
    assert [(it.role, it.text) for it in doc.items if it.role in {"result", "task"}] == [
        ("result", "Thu ngân sách tháng 6 được 4,1 tỷ đồng."), ("task", "Tổ chức Ngày hội gia đình 28/6."),
    ]
