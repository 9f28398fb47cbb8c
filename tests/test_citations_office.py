"""Citations as real office documents write them: dotted numbers, agency codes
kept whole, OCR slips in well-known codes read as the code they stand for
(the surface text kept), and the same forms inside whole real documents.

Each case: the text with the expected citations marked ``[[...]]``, and the
fields of each.
"""

from __future__ import annotations

import re

import pytest

from ingest.citations import extract_citations
from ingest.normalize import normalize


def _cases(marked: str) -> tuple[str, list[tuple[int, int]]]:
    spans, text, pos = [], "", 0
    for m in re.finditer(r"\[\[(.+?)\]\]", marked):
        text += marked[pos : m.start()]
        spans.append((len(text), len(text) + len(m.group(1))))
        text += m.group(1)
        pos = m.end()
    return text + marked[pos:], spans


CASES = [
    # a sub-number after a dot: Nghị quyết 66.4 of the Government's 66.x series
    ("Căn cứ [[Nghị quyết số 66.4/2025/NQ-CP ngày 01/8/2025 của Chính phủ]] về cơ chế đặc thù;",
     [("Nghị quyết", "66.4", "NQ-CP", 2025, "NQ:66.4/NQ-CP:2025")]),
    # a thousands dot is no sub-number
    ("đạt 3.114 hộ, theo [[Kế hoạch số 15/KH-UBND]]", [("Kế hoạch", "15", "KH-UBND", None, "KH:15/KH-UBND")]),
    # an agency code kept whole: Thanh tra Chính phủ, not Thông tư + Chính phủ
    ("thực hiện [[Kế hoạch số 12/KH-TTCP ngày 3/2/2025 của Thanh tra Chính phủ]]",
     [("Kế hoạch", "12", "KH-TTCP", 2025, "KH:12/KH-TTCP:2025")]),
    # a Party report followed by a comma, with and without its date
    ("theo [[Báo cáo số 565-BC/BTCTW]], Ban Tổ chức Trung ương đề nghị", [("Báo cáo", "565", "BC/BTCTW", None, "BC:565-BC/BTCTW")]),
    ("[[Báo cáo số 565-BC/BTCTW, ngày 10/11/2025 của Ban Tổ chức Trung ương]] nêu",
     [("Báo cáo", "565", "BC/BTCTW", 2025, "BC:565-BC/BTCTW:2025")]),
    # units of a ministry and of a provincial police in the symbol
    ("[[Kế hoạch số 996/KH-TCTLNTW-C04]] và [[Kế hoạch số 1014/KH-C04-P6 của Bộ Công an]]",
     [("Kế hoạch", "996", "KH-TCTLNTW-C04", None, "KH:996/KH-TCTLNTW-C04"), ("Kế hoạch", "1014", "KH-C04-P6", None, "KH:1014/KH-C04-P6")]),
    ("[[Tờ trình số 238/TTr-CAT-PC04 ngày 06/10/2025 của Công an tỉnh]].",
     [("Tờ trình", "238", "TTr-CAT-PC04", 2025, "TTr:238/TTr-CAT-PC04:2025")]),
    ("[[văn bản số 553/SNV-LĐVL&TN]] về việc cử thành viên", [("Công văn", "553", "SNV-LĐVL&TN", None, "CV:553/SNV-LĐVL&TN")]),
    # OCR slips in the Quốc hội's term code: O or 0 for Q; the text keeps what was read
    ("Căn cứ [[Nghị quyết số 202/2025/OH15 ngày 12/6/2025 của Quốc hội]];",
     [("Nghị quyết", "202", "QH15", 2025, "NQ:202/QH15:2025")]),
    ("[[Luật số 87/2025/0H15]] có hiệu lực", [("Luật", "87", "QH15", 2025, "L:87/QH15:2025")]),
    ("[[Nghị quyết số 1211/2016/UBTVOH13]]", [("Nghị quyết", "1211", "UBTVQH13", 2016, "NQ:1211/UBTVQH13:2016")]),
    # an association or a department named by its own name and its place, as the issuer
    ("theo [[Tờ trình số 59/TTr-HCCV ngày 28 tháng 11 năm 2025 của Hội Công chứng viên tỉnh Lâm Đồng]] về việc",
     [("Tờ trình", "59", "TTr-HCCV", 2025, "TTr:59/TTr-HCCV:2025")]),
    ("[[Kế hoạch số 3/KH-HHDN của Hiệp hội Doanh nghiệp tỉnh Bình Thuận]].", [("Kế hoạch", "3", "KH-HHDN", None, "KH:3/KH-HHDN")]),
    # ... but not a "Hội" without a place
    ("[[Công văn số 7/CV-HND]] của Hội viên", [("Công văn", "7", "CV-HND", None, "CV:7/CV-HND")]),
    # the Icelandic eth a PDF font put for Đ
    ("[[Nghị định số 154/2025/NÐ-CP]]", [("Nghị định", "154", "NĐ-CP", 2025, "NĐ:154/NĐ-CP:2025")]),
]


@pytest.mark.parametrize(("marked", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_office_citation_forms(marked: str, expected: list[tuple[str, str, str, int | None, str]]) -> None:
    raw, _ = _cases(marked)
    text = normalize(raw)
    _, spans = _cases(normalize(marked))
    found = [c for c in extract_citations(text) if c.kind == "numbered"]
    assert [(c.start, c.end) for c in found] == spans
    assert [(c.doc_type, c.number, c.symbol, c.year, c.key) for c in found] == expected
    for c in found:
        assert text[c.start : c.end] == c.text  # the surface text as written ("OH15"), not the repaired code
