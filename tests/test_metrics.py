"""Metrics: figures with their unit and total, in the Vietnamese number format."""

from __future__ import annotations

import pytest

from ingest.metrics import extract_metrics, parse_number
from ingest.models import Item
from ingest.normalize import normalize
from tests.golden_bodies import golden_files, load


@pytest.mark.parametrize(
    "text,value",
    [
        ("3.096", 3096.0),  # a dot groups thousands
        ("1.234.567", 1234567.0),
        ("69,2", 69.2),  # a comma is the decimal mark
        ("1.234,5", 1234.5),
        ("05", 5.0),
        ("0,75", 0.75),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


CASES = [
    # (text, [(span text, value, total, unit)])
    ("đã giải quyết 3.096/3.114 hồ sơ", [("3.096/3.114 hồ sơ", 3096.0, 3114.0, "hồ sơ")]),
    ("Lễ trao huy hiệu Đảng cho 53 đảng viên", [("53 đảng viên", 53.0, None, "đảng viên")]),
    ("tỷ lệ cài đặt đạt 69,2%", [("69,2%", 69.2, None, "%")]),
    ("thu ngân sách đạt 98,5 % dự toán", [("98,5 %", 98.5, None, "%")]),
    ("hỗ trợ 12,5 tỷ đồng và 500.000 đồng", [("12,5 tỷ đồng", 12.5, None, "tỷ đồng"), ("500.000 đồng", 500000.0, None, "đồng")]),
    ("01 cuộc kiểm tra đối với 02 tổ chức đảng", [("01 cuộc kiểm tra", 1.0, None, "cuộc kiểm tra"), ("02 tổ chức đảng", 2.0, None, "tổ chức đảng")]),
    ("xác minh đối với 04 đồng chí", [("04 đồng chí", 4.0, None, "đồng chí")]),  # not the currency "đồng"
    ("giải quyết 12/15 đúng hạn", [("12/15", 12.0, 15.0, None)]),  # a ratio after a verb, no unit
    ("Ủy BAN nhân dân ĐẠT 100% KẾ HOẠCH", [("100%", 100.0, None, "%")]),
    # dates, periods, ordinals and identifiers are not figures
    ("Lễ trao huy hiệu Đảng đợt 03/02/2026", []),
    ("nhiệm vụ trọng tâm tháng 02/2026", []),
    ("ngày 27/02/2026 Ban Thường vụ họp", []),
    ("bầu cử đại biểu Quốc hội khóa XVI, nhiệm kỳ 2026 - 2031", []),
    ("Cấp ủy chi bộ tổ dân phố 8 và Tổ dân phố số 12", []),
    ("Đề án 06/CP, Nghị quyết 57-NQ/TW, Nghị định số 154/2025/NĐ-CP", []),
    ("ứng trực 24/24h", []),
    ("Ngày Quốc tế Phụ nữ (08/03)", []),
    ("kỳ họp thứ 5, thứ 6 HĐND phường", []),
    ("cơ sở dữ liệu đảng viên 4.0", []),
    ("Bộ Tư pháp\n\n28\n\nCần thực hiện", []),  # a table cell, then a capitalised word: no unit across lines
    ("Bộ Nội vụ 3 Hà Nội", []),  # one-syllable units need their accents: "Hà" is not "ha"
    ("Tinh quặng (103 tấn), diện tích 151,8 ha", [("103 tấn", 103.0, None, "tấn"), ("151,8 ha", 151.8, None, "ha")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_metrics(text, expected):
    text = normalize(text)
    got = [(m.text, m.value, m.total, m.unit) for m in extract_metrics(text, [])]
    assert got == expected
    for m in extract_metrics(text, []):
        assert text[m.start : m.end] == m.text


def test_metric_is_attached_to_its_item():
    text = "Kết quả: đã giải quyết 3.096/3.114 hồ sơ. Nhiệm vụ: kết nạp 20 đảng viên."
    k = text.index("Nhiệm")
    items = [Item("i1", "1", "result", None, "", 0, k), Item("i2", "2", "task", None, "", k, len(text))]
    assert [(m.item, m.value) for m in extract_metrics(text, items)] == [("i1", 3096.0), ("i2", 20.0)]


@pytest.mark.parametrize("path", golden_files(), ids=lambda p: p.stem)
def test_golden_metrics(path):
    g = load(path)
    got = {(m.start, m.end): (m.value, m.total, m.unit, m.item) for m in extract_metrics(g.text, g.items)}
    gold = {m["span"]: (float(m["value"]), None if m["total"] is None else float(m["total"]), m["unit"], m["item"])
            for m in g.metrics}
    assert got == gold
