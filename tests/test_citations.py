"""Citations stage (ingest.citations): tables of real and grammar cases, spans inline.

A case is written as the text with each expected citation between ``[[`` and
``]]``; the factories below fill the fields. ANNOTATION.md ("Citations") says
what counts. The corpus strings (tests/data/citations/strings.json) come from
the hand-annotated gold documents in the same folder.
"""

from __future__ import annotations

import doctest
import json
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest import citation_finder, citation_resolver, citations
from ingest import patterns as P
from ingest.citation_finder import match_issuer
from ingest.citation_resolver import citation_key
from ingest.citations import extract_citations, resolve_anaphora
from ingest.normalize import normalize
from tests.helpers import corpus_path
from vanban.stages import ADVERSARIAL

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "citations"
FIELDS = ("kind", "doc_type", "number", "symbol", "year", "date", "issuer")


# --- factories and inline spans -------------------------------------------------------


def N(
    doc_type: str, number: str, symbol: str, year: int | None = None, date: str | None = None, issuer: str | None = None
) -> dict:
    """A numbered citation."""
    return {
        "kind": "numbered",
        "doc_type": doc_type,
        "number": number,
        "symbol": symbol,
        "year": year,
        "date": date,
        "issuer": issuer,
    }


def S(doc_type: str, number: str, issuer: str | None = None, year: int | None = None) -> dict:
    """A short form ("Nghị quyết 57")."""
    return {
        "kind": "short",
        "doc_type": doc_type,
        "number": number,
        "symbol": None,
        "year": year,
        "date": None,
        "issuer": issuer,
    }


def M(doc_type: str, year: int | None = None, date: str | None = None, issuer: str | None = None) -> dict:
    """A citation by name ("Luật Đất đai", "Nghị quyết Đại hội XIV")."""
    return {
        "kind": "named",
        "doc_type": doc_type,
        "number": None,
        "symbol": None,
        "year": year,
        "date": date,
        "issuer": issuer,
    }


def unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """ "thực hiện [[Chỉ thị số 50-CT/TW]] về" -> plain text and the spans of the [[...]]."""
    text, spans, i = "", [], 0
    while True:
        a = marked.find("[[", i)
        if a < 0:
            return text + marked[i:], spans
        b = marked.index("]]", a)
        text += marked[i:a]
        spans.append((len(text), len(text) + b - a - 2))
        text += marked[a + 2 : b]
        i = b + 2


def found(text: str, **kw) -> list[tuple[tuple[int, int], dict]]:
    return [((c.start, c.end), {k: getattr(c, k) for k in FIELDS}) for c in extract_citations(text, **kw)]


def check(marked: str, expect: list[dict], **kw) -> None:
    """The extractor works on normalised text: normalise first, then read the spans."""
    text, spans = unmark(normalize(marked))
    got = found(text, **kw)
    for c in extract_citations(text, **kw):
        assert text[c.start : c.end] == c.text  # the span invariant
    assert [s for s, _ in got] == spans, f"spans: got {[text[a:b] for (a, b), _ in got]}"
    assert [f for _, f in got] == expect


# --- the grammar, one case per line ------------------------------------------------------

BBT, BCT, CP, TTG = "Ban Bí thư", "Bộ Chính trị", "Chính phủ", "Thủ tướng Chính phủ"

GRAMMAR = [
    # Party numbering, date after, issuer after
    (
        "thực hiện [[Chỉ thị số 50-CT/TW, ngày 22/12/2025 của Ban Bí thư]] về việc tổ chức Tết",
        [N("Chỉ thị", "50", "CT/TW", 2025, "2025-12-22", BBT)],
    ),
    (
        "[[Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị]] về đột phá",
        [N("Nghị quyết", "57", "NQ/TW", 2024, "2024-12-22", BCT)],
    ),
    (
        "theo [[Chỉ thị 05-CT/TU, ngày 08/01/2026 của Ban Thường vụ Thành ủy]]",
        [N("Chỉ thị", "05", "CT/TU", 2026, "2026-01-08", "Ban Thường vụ Thành ủy")],
    ),
    (
        "tại [[Nghị quyết số 02-NQ/ĐU ngày 17/12/2025]] về mục tiêu",
        [N("Nghị quyết", "02", "NQ/ĐU", 2025, "2025-12-17")],
    ),
    (
        "[[Kết luận số 221-KL/TW, ngày 28/11/2025 của Bộ Chính trị, Ban Bí thư]],",
        [N("Kết luận", "221", "KL/TW", 2025, "2025-11-28", "Bộ Chính trị, Ban Bí thư")],
    ),
    (
        "theo [[Thông báo số 432-TB/VPTW ngày 03/11/2025 của Văn phòng Trung ương Đảng]]",
        [N("Thông báo", "432", "TB/VPTW", 2025, "2025-11-03", "Văn phòng Trung ương Đảng")],
    ),
    (
        "[[Hướng dẫn số 45-HD/BTCTW ngày 21/11/2025 của Ban Tổ chức Trung ương]]",
        [N("Hướng dẫn", "45", "HD/BTCTW", 2025, "2025-11-21", "Ban Tổ chức Trung ương")],
    ),
    (
        "[[Quy định số 383-QĐ/TW ngày 19/11/2025 của Ban Bí thư]] về Phông lưu trữ",
        [N("Quy định", "383", "QĐ/TW", 2025, "2025-11-19", BBT)],
    ),
    ("[[Quy định số 11-QĐi/TW]] về trách nhiệm nêu gương", [N("Quy định", "11", "QĐi/TW")]),
    ("[[Kế hoạch số 3260-KH/ĐĐQH15]] của Đảng đoàn", [N("Kế hoạch", "3260", "KH/ĐĐQH15")]),
    (
        "[[Văn bản số 14748-CV/VPTW ngày 6/5/2025 của Văn phòng Trung ương]] sửa đổi",
        [N("Công văn", "14748", "CV/VPTW", 2025, "2025-05-06", "Văn phòng Trung ương")],
    ),
    ("đã có [[văn bản số 07-TB/CQTTBCĐ]] thông báo", [N("Thông báo", "07", "TB/CQTTBCĐ")]),
    # state numbering
    (
        "theo [[Nghị định số 154/2025/NĐ-CP ngày 15/6/2025 của Chính phủ]].",
        [N("Nghị định", "154", "NĐ-CP", 2025, "2025-06-15", CP)],
    ),
    (
        "[[Chỉ thị số 36/CT-TTg ngày 31/12/2025 của Thủ tướng Chính phủ]] về",
        [N("Chỉ thị", "36", "CT-TTg", 2025, "2025-12-31", TTG)],
    ),
    ("tiện ích theo [[Quyết định số 06/QĐ-TTg]] của", [N("Quyết định", "06", "QĐ-TTg")]),
    ("tại [[Thông báo số 559/TB-VP ngày 04/10/2025]]", [N("Thông báo", "559", "TB-VP", 2025, "2025-10-04")]),
    (
        "triển khai [[Kế hoạch số 980/KH-UBND ngày 05/01/2026 của UBND phường]] về",
        [N("Kế hoạch", "980", "KH-UBND", 2026, "2026-01-05", "UBND phường")],
    ),
    ("[[Luật số 96/2025/QH15]]", [N("Luật", "96", "QH15", 2025)]),
    (
        "theo [[Công văn số 4001/UBND-ĐT ngày 2/12/2025 của UBND thành phố]]",
        [N("Công văn", "4001", "UBND-ĐT", 2025, "2025-12-02", "UBND thành phố")],
    ),
    (
        "thực hiện [[văn bản số 18345/BTC-NSNN ngày 1/12/2025 của Bộ Tài chính]]",
        [N("Công văn", "18345", "BTC-NSNN", 2025, "2025-12-01", "Bộ Tài chính")],
    ),
    ("[[Nghị quyết số 1314/NQ-UBTVQH15]] về việc sắp xếp", [N("Nghị quyết", "1314", "NQ-UBTVQH15")]),
    (
        "[[Tờ trình số 04/TTr-BKHCN-BTTTT ngày 02 tháng 01 năm 2025]] và",
        [N("Tờ trình", "04", "TTr-BKHCN-BTTTT", 2025, "2025-01-02")],
    ),
    (
        "[[Thông tư số 02/2017/TT-VPCP ngày 31 tháng 10 năm 2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ]] hướng dẫn",
        [N("Thông tư", "02", "TT-VPCP", 2017, "2017-10-31", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ")],
    ),
    (
        "[[Quyết định số 3659/QĐ-BKHCN ngày 13 tháng 11 năm 2025 của Bộ trưởng Bộ Khoa học và Công nghệ]] về việc",
        [N("Quyết định", "3659", "QĐ-BKHCN", 2025, "2025-11-13", "Bộ trưởng Bộ Khoa học và Công nghệ")],
    ),
    (
        "[[Quyết định 90/2004/QĐ-UB ngày 16/12/2004 của UBND tỉnh Quảng Bình]] Ban hành điều lệ",
        [N("Quyết định", "90", "QĐ-UB", 2004, "2004-12-16", "UBND tỉnh Quảng Bình")],
    ),
    (
        "[[Quyết định 07/2014/QĐ-UBND ngày 25/01/2014 của UBND tỉnh Quảng Trị]] (cũ) Ban hành",
        [N("Quyết định", "07", "QĐ-UBND", 2014, "2014-01-25", "UBND tỉnh Quảng Trị")],
    ),
    (
        "BÃI BỎ [[QUYẾT ĐỊNH SỐ 55/2014/QĐ-UBND NGÀY 31/12/2014 CỦA UBND THÀNH PHỐ ĐÀ NẴNG]] QUY ĐỊNH VỀ",
        [N("Quyết định", "55", "QĐ-UBND", 2014, "2014-12-31", "UBND THÀNH PHỐ ĐÀ NẴNG")],
    ),
    (
        "[[Luật Lưu trữ số 33/2024/QH15, ngày 21/6/2024 của Quốc hội khoá XV]];",
        [N("Luật", "33", "QH15", 2024, "2024-06-21", "Quốc hội khóa XV")],
    ),
    ("Căn cứ [[Luật Tổ chức chính quyền địa phương số 72/2025/QH15]];", [N("Luật", "72", "QH15", 2025)]),
    (
        "Căn cứ [[Luật Sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật số 87/2025/QH15]];",
        [N("Luật", "87", "QH15", 2025)],
    ),
    (
        "[[Nghị quyết số 45-NQ/TW ngày 24 tháng 11 năm 2023 của Ban Chấp hành Trung ương Đảng khóa XIII]];",
        [N("Nghị quyết", "45", "NQ/TW", 2023, "2023-11-24", "Ban Chấp hành Trung ương Đảng khóa XIII")],
    ),
    (
        "[[Nghị quyết số 05-NQ/TU, ngày 20/10/2025 của Ban Chấp hành Đảng bộ thành phố khóa XVII]] về",
        [N("Nghị quyết", "05", "NQ/TU", 2025, "2025-10-20", "Ban Chấp hành Đảng bộ thành phố khóa XVII")],
    ),
    (
        "[[Kế hoạch số 125-KH/ĐU ngày 10/01/2026 của BTV Đảng ủy phường Đồ Sơn]] về",
        [N("Kế hoạch", "125", "KH/ĐU", 2026, "2026-01-10", "BTV Đảng ủy phường Đồ Sơn")],
    ),
    ("[[NQ 66/NQ-CP]] (26/3/2025)", [N("Nghị quyết", "66", "NQ-CP")]),
    ("ban hành [[NĐ 88/2025/NĐ-CP]] (13/4/2025)", [N("Nghị định", "88", "NĐ-CP", 2025)]),
    (
        "Mã cơ quan theo quy định tại [[Quyết định số 20/2020/QĐ- TTg ngày 22/7/2020]]",
        [N("Quyết định", "20", "QĐ-TTg", 2020, "2020-07-22")],
    ),
    # without "số", with a stray space, wrong case, Cyrillic letters
    (
        "[[Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị]] và",
        [N("Quy định", "366", "QĐ/TW", 2025, "2025-08-30", BCT)],
    ),
    ("triển khai [[Nghị quyết số 66- NQ/TW của Bộ Chính trị]] về", [N("Nghị quyết", "66", "NQ/TW", None, None, BCT)]),
    ("[[Nghị quyết số 57 - NQ/TW]]", [N("Nghị quyết", "57", "NQ/TW")]),
    (
        "[[Nghị định số 135/2020/NĐ -CP ngày 18/11/2020 của Chính phủ]] trừ đi",
        [N("Nghị định", "135", "NĐ-CP", 2020, "2020-11-18", CP)],
    ),
    ("và [[Quyết định số 123/QĐ-TTG]]", [N("Quyết định", "123", "QĐ-TTg")]),
    ("[[Thông tư số 12/2025/TT-BТС của Bộ Tài chính]]", [N("Thông tư", "12", "TT-BTC", 2025, None, "Bộ Tài chính")]),
    ("[[Thông tư số 25/2023/TTBKHĐT ngày 31/12/2023]] sửa đổi", [N("Thông tư", "25", "TT-BKHĐT", 2023, "2023-12-31")]),
    ("[[Tờ trình số 4834 /TTr-SXD ngày 19 tháng 9 năm 2025]];", [N("Tờ trình", "4834", "TTr-SXD", 2025, "2025-09-19")]),
    (
        "[[Chỉ thị số 36-CT/TTg, ngày 31/12/2025 của Thủ tướng Chính phủ]]",
        [N("Chỉ thị", "36", "CT-TTg", 2025, "2025-12-31", TTG)],
    ),
    ("[[Nghị quyết số 57/NQ-TW ngày 22/12/2024]]", [N("Nghị quyết", "57", "NQ/TW", 2024, "2024-12-22")]),
    (
        "[[nghị định số 31/2021/NĐ-CP ngày 26 tháng 3 năm 2021 của chính phủ]] quy định",
        [N("Nghị định", "31", "NĐ-CP", 2021, "2021-03-26", "chính phủ")],
    ),
    # lists: a trailing issuer shared, a member without its own type word
    (
        "[[Chỉ thị số 35-CT/TW]] và [[Quy định số 11-QĐi/TW của Bộ Chính trị]]",
        [N("Chỉ thị", "35", "CT/TW", None, None, BCT), N("Quy định", "11", "QĐi/TW", None, None, BCT)],
    ),
    (
        "[[Kết luận số 186-KL/TW ngày 29/8/2025]] và [[Kết luận số 195-KL/TW ngày 26/9/2025 của Bộ Chính trị, Ban Bí thư]] về",
        [
            N("Kết luận", "186", "KL/TW", 2025, "2025-08-29", "Bộ Chính trị, Ban Bí thư"),
            N("Kết luận", "195", "KL/TW", 2025, "2025-09-26", "Bộ Chính trị, Ban Bí thư"),
        ],
    ),
    (
        "các [[Thông báo kết luận số 49/TB-VPCP ngày 07 tháng 02 năm 2024]] và [[số 160/TB-VPCP ngày 24 tháng 4 năm 2023 của Văn phòng Chính phủ]],",
        [
            N("Thông báo", "49", "TB-VPCP", 2024, "2024-02-07", "Văn phòng Chính phủ"),
            N("Thông báo", "160", "TB-VPCP", 2023, "2023-04-24", "Văn phòng Chính phủ"),
        ],
    ),
    (
        "các [[văn bản số: 8004/BNNMT-ĐCKS ngày 17 tháng 10 năm 2025]], [[8008/BNNMT-ĐCKS ngày 17 tháng 10 năm 2025]] và [[8796/BNNMT-ĐCKS ngày 06 tháng 11 năm 2025]].",
        [
            N("Công văn", "8004", "BNNMT-ĐCKS", 2025, "2025-10-17"),
            N("Công văn", "8008", "BNNMT-ĐCKS", 2025, "2025-10-17"),
            N("Công văn", "8796", "BNNMT-ĐCKS", 2025, "2025-11-06"),
        ],
    ),
    (
        "các [[Kết luận số 187]], [[188- KL/TW ngày 29/8/2025 của Bộ Chính trị, Ban Bí thư]] và",
        [
            N("Kết luận", "187", "KL/TW", 2025, "2025-08-29", "Bộ Chính trị, Ban Bí thư"),
            N("Kết luận", "188", "KL/TW", 2025, "2025-08-29", "Bộ Chính trị, Ban Bí thư"),
        ],
    ),
    (
        "[[Nghị quyết số 57-NQ/TW]] và [[Nghị quyết số 193/2025/NQ-QH15 của Quốc hội]], Chính phủ đã ban hành",
        [N("Nghị quyết", "57", "NQ/TW"), N("Nghị quyết", "193", "NQ-QH15", 2025, None, "Quốc hội")],
    ),
    (
        "[[văn bản số 1552/BTTTT-TTH]] và [[708/BTTTT-CATTT]];",
        [N("Công văn", "1552", "BTTTT-TTH"), N("Công văn", "708", "BTTTT-CATTT")],
    ),
    (
        "các [[Nghị quyết 57]], [[59]], [[66]] và [[68 của Bộ Chính trị]] về",
        [
            S("Nghị quyết", "57", BCT),
            S("Nghị quyết", "59", BCT),
            S("Nghị quyết", "66", BCT),
            S("Nghị quyết", "68", BCT),
        ],
    ),
    # short forms
    ("nội dung [[Nghị quyết 57]] và [[NQ 57]]", [S("Nghị quyết", "57"), S("Nghị quyết", "57")]),
    ("các tiện ích của [[Đề án 06/CP]].", [S("Đề án", "06")]),
    ("đẩy mạnh triển khai [[Đề án 06 của Chính phủ]], nâng cao", [S("Đề án", "06", CP)]),
    ("chuyển đổi số và [[Đề án 06]]¹ (Ban Chỉ đạo)", [S("Đề án", "06")]),
    ("(sau đây gọi tắt là [[Quy định 377]]);", [S("Quy định", "377")]),
    ("sau khi tổng kết việc thực hiện [[Chỉ thị số 45]] và các kết luận", [S("Chỉ thị", "45")]),
    ("theo [[Nghị định số 154/2025]] về chế độ", [S("Nghị định", "154", None, 2025)]),
    # named
    ("Đẩy mạnh tuyên truyền [[Nghị quyết Đại hội XIV của Đảng]];", [M("Nghị quyết", issuer="Đảng")]),
    ("các nội dung [[Nghị quyết đại hội XIV của Đảng]]..", [M("Nghị quyết", issuer="Đảng")]),
    ("quán triệt [[Nghị quyết Trung ương 4 khóa XII]] về", [M("Nghị quyết")]),
    ("[[Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII]]", [M("Nghị quyết")]),
    ("Căn cứ [[Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025]];", [M("Luật", 2025, "2025-06-16")]),
    ("Căn cứ [[Luật Trật tự, an toàn giao thông đường bộ năm 2024]];", [M("Luật", 2024)]),
    ("theo [[Hiến pháp năm 2013]] và [[Bộ luật Lao động]]", [M("Hiến pháp", 2013), M("Luật")]),
    ("phù hợp với [[Luật Tổ chức chính quyền địa phương]], giúp địa phương", [M("Luật")]),
    (
        "Căn cứ [[Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019]];",
        [M("Luật", 2019, "2019-11-22")],
    ),
    ("Sửa đổi [[Luật Khoa học và Công nghệ (2013)]] và các luật có liên quan", [M("Luật", 2013)]),
    # not citations
    ("thực hiện tốt các Chỉ thị, Nghị quyết của Đảng, chính sách pháp luật của Nhà nước", []),
    ("Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ phường Tân Hưng, nhiệm kỳ 2025 - 2030", []),
    ("Xây dựng Kế hoạch thực hiện chuyên đề năm 2026; ban hành Quy chế làm việc", []),
    ("Xây dựng Kế hoạch triển khai nhiệm vụ Ban Chỉ đạo 35.", []),
    ("Kế hoạch 5 năm 2021-2025 và Chương trình 2030", []),
    ("theo Mẫu số 01/TB và Phụ lục số 02/BC kèm theo", []),
    ("chịu trách nhiệm tổ chức thực hiện Thông báo này.", []),
    ("các dự án: Luật Tổ chức Quốc hội, Luật Tổ chức Chính phủ, Luật Viên chức.", []),
    ("Luật Thuế thu nhập doanh nghiệp (sửa đổi) trình Quốc hội", []),
    ("đã giải quyết 3.096/3.114 hồ sơ; 22/22 bộ; ngày 15/03/2026; WO3/năm; 24/24h", []),
    ("QCVN 01:2021/BXD về quy hoạch", []),
]


@pytest.mark.parametrize(("marked", "expect"), GRAMMAR, ids=[m[:60] for m, _ in GRAMMAR])
def test_grammar(marked: str, expect: list[dict]) -> None:
    check(marked, expect)


def _corpus_strings() -> list[dict]:
    return json.loads((DATA / "strings.json").read_text(encoding="utf-8"))


# the one gold mention the extractor misses: a law's name written in lower case
_KNOWN_MISSES = {"hướng dẫn thi hành [[luật ban hành văn bản quy phạm pháp luật]]"}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="law name in lower case"))
        if any(k in c["text"] for k in _KNOWN_MISSES)
        else c
        for c in _corpus_strings()
    ],
    ids=lambda c: c["text"][:70],
)
def test_corpus_strings(case: dict) -> None:
    check(case["text"], case["expect"])


def test_enough_cases() -> None:
    # the issue asks for at least 200 citation strings from the seeds and the real documents
    assert len(GRAMMAR) + len(_corpus_strings()) >= 200
    assert sum(len(c["expect"]) for c in _corpus_strings()) >= 200


# --- the document's own number -----------------------------------------------------------


def test_own_header_number_is_not_a_citation() -> None:
    text = "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 89/2025/QĐ-UBND\nLai Châu, ngày 28\nQUYẾT ĐỊNH\nCăn cứ Nghị định số 78/2025/NĐ-CP;"
    assert [c.number for c in extract_citations(text)] == ["78"]


def test_own_appendix_line_is_not_a_citation() -> None:
    path = corpus_path("real/cv-17899-btc-2025.txt")
    text = normalize(path.read_text(encoding="utf-8"))
    assert "17899" not in {c.number for c in extract_citations(text)}
    assert [c.number for c in extract_citations(text)] == ["186", "195"]


def test_own_id_and_own_spans() -> None:
    text = "thay thế Quyết định số 1936/QĐ-UBND và Quyết định số 1388/QĐ-UBND"
    assert [c.number for c in extract_citations(text, own_id=("1936", "QĐ-UBND"))] == ["1388"]
    assert [c.number for c in extract_citations(text, own_spans=[(0, 30)])] == ["1388"]


def test_own_number_of_another_year_is_another_document() -> None:
    text = "Số: 01-NQ/ĐU\nĐồ Sơn, ngày 05 tháng 01 năm 2026\nNGHỊ QUYẾT\nTiếp tục thực hiện Nghị quyết số 01-NQ/ĐU ngày 06/01/2025."
    assert [(c.number, c.year) for c in extract_citations(text)] == [("01", 2025)]
    assert extract_citations(text.replace("ngày 06/01/2025", "ngày 05/01/2026")) == []


def test_own_number_on_a_blank_number_line() -> None:
    # "Số -TB/ĐU": the number left blank in a draft, nothing to cite
    assert extract_citations("Số -TB/ĐU\nĐồ Sơn, ngày tháng 03 năm 2026") == []


# --- keys ------------------------------------------------------------------------------------

SAME_KEY = [
    # same directive, different words (the catalog or the notice makes it unambiguous)
    [
        "Nghị quyết 57",
        "NQ 57",
        "Nghị quyết số 57-NQ/TW ngày 22/12/2024",
        "Nghị quyết 57-NQ/TW",
        "Nghị quyết số 57 - NQ/TW",
        "NGHỊ QUYẾT SỐ 57-NQ/TW",
    ],
    ["Đề án 06", "Đề án 06/CP", "Đề án 06 của Chính phủ", "Quyết định số 06/QĐ-TTg ngày 06/01/2022"],
    [
        "Chỉ thị số 36-CT/TTg, ngày 31/12/2025",
        "Chỉ thị số 36/CT-TTg ngày 31/12/2025",
        "Chỉ thị 36/CT-TTG ngày 31 tháng 12 năm 2025",
    ],
    ["Nghị quyết số 193/2025/NQ-QH15", "Nghị quyết số 193/2025/QH15 ngày 19 tháng 02 năm 2025", "NQ 193/2025/QH15"],
    [
        "Luật Tổ chức chính quyền địa phương",
        "Luật Tổ chức chính quyền địa phương số 72/2025/QH15",
        "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
    ],
    ["Quy định số 377-QĐ/TW ngày 08/10/2025", "Quyết định số 377-QĐ/TW ngày 08/10/2025", "Quy định 377"],
    ["Nghị định số 154/2025/NĐ-CP", "Nghị định 154/2025/NĐ- CP ngày 15/6/2025"],
]


@pytest.mark.parametrize("group", SAME_KEY, ids=[g[0] for g in SAME_KEY])
def test_same_directive_same_key(group: list[str]) -> None:
    keys = {c.key for t in group for c in extract_citations(t)}
    assert len(keys) == 1, keys


def test_party_numbers_restart_per_term() -> None:
    # two 05-CT/TU of different years must not merge; the yearless one joins the dated one of its notice
    one = extract_citations("Chỉ thị số 05-CT/TU ngày 08/01/2026. Thực hiện Chỉ thị số 05-CT/TU,")
    other = extract_citations("Chỉ thị số 05-CT/TU ngày 03/02/2021")
    assert one[0].key == one[1].key == "CT:5-CT/TU:2026"
    assert other[0].key == "CT:5-CT/TU:2021"
    # yearless and unknown to the catalog: it stays yearless
    assert extract_citations("Chỉ thị số 05-CT/TU")[0].key == "CT:5-CT/TU"
    # two years in one notice: the yearless mention cannot choose
    both = extract_citations(
        "Chỉ thị số 05-CT/TU ngày 08/01/2026 thay Chỉ thị số 05-CT/TU ngày 3/2/2021; Chỉ thị số 05-CT/TU"
    )
    assert [c.key for c in both] == ["CT:5-CT/TU:2026", "CT:5-CT/TU:2021", "CT:5-CT/TU"]


def test_short_form_joins_the_notice_before_the_catalog() -> None:
    # in a Government notice "Nghị quyết 71" is the 71/NQ-CP it cites, not 71-NQ/TW
    cs = extract_citations(
        "Chính phủ ban hành Nghị quyết số 71/NQ-CP ngày 01/4/2025. Theo Nghị quyết 71, có 37 nhiệm vụ"
    )
    assert cs[1].key == cs[0].key == "NQ:71/NQ-CP:2025"
    assert extract_citations("thực hiện Nghị quyết 71")[0].key == "NQ:71-NQ/TW:2025"


def test_unknown_short_form_key() -> None:
    assert extract_citations("thực hiện Kế hoạch 15 của Thành ủy")[0].key == "KH:15"


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        (("Nghị quyết", "57", "NQ/TW", 2024), "NQ:57-NQ/TW:2024"),
        (("Chỉ thị", "05", "CT/TU", None), "CT:5-CT/TU"),
        (("Chỉ thị", "36", "CT/TTg", 2025), "CT:36/CT-TTg:2025"),  # Party layout, state issuer
        (("Nghị định", "154", "2025/NĐ-CP", None), "NĐ:154/NĐ-CP:2025"),  # the year inside the symbol
        (("Quyết định", "06", "QĐ-TTg", 2022), "QĐ:6/QĐ-TTg:2022"),
        (("Luật", "72", "QH15", 2025), "L:72/QH15:2025"),
        (("Đề án", "06", None, None), "QĐ:6/QĐ-TTg:2022"),  # the catalog's alias
        (("Kế hoạch", "12", None, None), "KH:12"),
        # a type no citation names (hand LB's minutes, "Số 03-BB/ĐU": its code was looked up among the cited types'
        # and every Biên bản failed to store, KeyError 'BB')
        (("Biên bản", "03", "BB/ĐU", 2026), "BB:3-BB/ĐU:2026"),
        ((None, "12", "GM/UBND", 2026), "GM:12/GM-UBND:2026"),
    ],
)
def test_citation_key(fields: tuple, key: str) -> None:
    assert citation_key(*fields) == key


def test_citation_key_needs_a_number() -> None:
    with pytest.raises(ValueError, match="number"):
        citation_key("Luật", None, None, None)


def test_citation_key_of_an_odd_symbol_warns(caplog: pytest.LogCaptureFixture) -> None:
    # a header's symbol that is no symbol must not stop an ingest
    assert citation_key("Nghị quyết", "57", "n q ?", 2025) == "NQ:57/nq?:2025"
    assert "expected e.g." in caplog.text


# --- anaphora ----------------------------------------------------------------------------------

ANAPHORA = [
    # resolved to the one directive of its type in the latest group of citations
    ("Thực hiện [[Chỉ thị số 05-CT/TU ngày 08/01/2026]]. {Chỉ thị trên} yêu cầu", ["CT:5-CT/TU:2026"]),
    (
        "Ngày 16/6/2025, Quốc hội thông qua [[Luật Tổ chức chính quyền địa phương số 72/2025/QH15]]. Để thi hành {Luật này}",
        ["L:72/QH15:2025"],
    ),
    ("[[Kế hoạch số 12/KH-UBND]]. Thực hiện {Kế hoạch nêu trên}, cần", ["KH:12/KH-UBND"]),
    # an unrelated reference stands between: left unresolved
    ("[[Kế hoạch số 12/KH-UBND]]. Theo [[Chỉ thị số 05-CT/TU]] ... {Kế hoạch nêu trên}", [None]),
    # two candidates in one group: left unresolved
    ("[[Chỉ thị số 50-CT/TW]] và [[Chỉ thị số 36/CT-TTg]]. {Chỉ thị trên}", [None]),
    # "X này" in a document of type X names the document itself
    ("THÔNG BÁO\nKẾT LUẬN\nTheo [[Thông báo số 559/TB-VP]]. Các đơn vị thực hiện {Thông báo này}.", [None]),
    # no antecedent at all
    ("{Nghị quyết này} có hiệu lực từ ngày ký.", [None]),
]


@pytest.mark.parametrize(("marked", "keys"), ANAPHORA, ids=[a[:50] for a, _ in ANAPHORA])
def test_anaphora(marked: str, keys: list[str | None]) -> None:
    text = marked.replace("{", "").replace("}", "")
    text_c, spans = unmark(text)
    cits = extract_citations(text_c)
    assert [(c.start, c.end) for c in cits] == spans  # anaphora are not citations
    plain = unmark(marked)[0]
    anaphors = []
    while "{" in plain:
        a = plain.index("{")
        b = plain.index("}")
        anaphors.append((a, b - 1))
        plain = plain[:a] + plain[a + 1 : b] + plain[b + 1 :]
    got = resolve_anaphora(text_c, cits)
    assert [(s, e) for s, e, _ in got] == anaphors
    assert [k for _, _, k in got] == keys


# --- relations ----------------------------------------------------------------------------------

RELATIONS = [
    ("Căn cứ Nghị định số 78/2025/NĐ-CP;", ["based_on"]),
    ("Thực hiện Kết luận số 186-KL/TW và Kết luận số 195-KL/TW,", ["applies", "applies"]),
    ("triển khai Đề án 06 của Chính phủ", ["applies"]),
    ("SỬA ĐỔI, BỔ SUNG QUYẾT ĐỊNH SỐ 3470/QĐ-UBND NGÀY 10 THÁNG 11 NĂM 2025", ["amends"]),
    ("Quyết định này thay thế Quyết định số 25/2025/QĐ-UBND.", ["repeals"]),
    ("Bãi bỏ toàn bộ Quyết định số 55/2014/QĐ-UBND.", ["repeals"]),
    ("theo Nghị định số 154/2025/NĐ-CP ngày 15/6/2025 của Chính phủ.", ["cites"]),
    # the verb after a citation says what that document does, not this one
    (
        "Căn cứ Nghị định số 187/2025/NĐ-CP của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 78/2025/NĐ-CP;",
        ["based_on", "cites"],
    ),
    # "được sửa đổi, bổ sung bởi": the amending law is a basis too
    ("Căn cứ Luật Viên chức số 58/2010/QH12 được sửa đổi, bổ sung bởi Luật số 52/2019/QH14;", ["based_on", "based_on"]),
]


@pytest.mark.parametrize(("text", "relations"), RELATIONS, ids=[r[0][:50] for r in RELATIONS])
def test_relation(text: str, relations: list[str]) -> None:
    assert [c.relation for c in extract_citations(text)] == relations


def test_evidence_sentence() -> None:
    text = "Tổ chức tốt. Giải quyết chế độ theo Nghị định số 154/2025/NĐ-CP của Chính phủ. Tiếp tục."
    c = extract_citations(text)[0]
    assert (
        text[c.sentence_start : c.sentence_end] == "Giải quyết chế độ theo Nghị định số 154/2025/NĐ-CP của Chính phủ."
    )
    assert c.item is None


# --- vocabularies: patterns <-> examples, both ways ------------------------------------------------


def _types() -> list[dict]:
    """The types a citation may name (a header-only type, "cited": false, has no words of its own)."""
    return [t for t in P.vocab("doc_types")["types"] if t["cited"]]


@pytest.mark.parametrize("entry", _types(), ids=lambda t: t["name"])
def test_doc_type_examples_are_matched(entry: dict) -> None:
    for example in entry["examples"]:
        cs = extract_citations(normalize(example))
        assert cs, f"{example!r} not matched"
        assert cs[0].doc_type == entry["name"], f"{example!r}: {cs[0].doc_type}"


@pytest.mark.parametrize("entry", _types(), ids=lambda t: t["name"])
def test_every_type_word_has_an_example(entry: dict) -> None:
    examples = " | ".join(entry["examples"])
    for word in entry["words"]:
        assert word.lower() in examples.lower(), f"{word!r} has no example"
    for abbr in entry["abbreviations"] + entry["symbol_codes"]:
        assert abbr in examples, f"{abbr!r} has no example"


def _issuer_examples() -> list[str]:
    data = P.vocab("issuers")
    return (
        [e for b in data["bodies"] for e in b["examples"]]
        + data["local"]["examples"]
        + data["ministries"]["examples"]
        + data["localities"]["examples"]
    )


@pytest.mark.parametrize("example", _issuer_examples())
def test_issuer_examples_are_matched(example: str) -> None:
    text = " " + example + " về việc"
    span = match_issuer(text, 0)
    assert span is not None
    assert text[span[0] : span[1]] == example.removeprefix("của ")


def test_every_body_has_an_example() -> None:
    data = P.vocab("issuers")
    examples = " | ".join(_issuer_examples()).lower()
    for name in [b["name"] for b in data["bodies"]] + [
        h["name"] for h in data["local"]["heads"] if h["kind"] == "party" and h["name"] != "Thị ủy"
    ]:
        assert name.lower() in examples, name


@pytest.mark.parametrize("entry", P.vocab("issuers")["codes"], ids=lambda c: c["code"])
def test_issuer_code_examples(entry: dict) -> None:
    assert entry["examples"], f"{entry['code']} has no example"
    for example in entry["examples"]:
        m = P.numsym_re().fullmatch(example)
        assert m, example
        sym = citation_resolver.symbol_from_match(m)
        code = P.compiled(P.TERM_CODE).sub(r"\1", sym.issuer_code or "")
        assert code == entry["code"], f"{example}: {sym.issuer_code}"


# --- the hand-annotated documents ------------------------------------------------------------------


def test_gold_documents_precision_recall() -> None:
    sys.path.insert(0, str(HERE))
    from eval_citations import evaluate

    for mode in ("exact", "overlap"):
        total = evaluate(mode, ("numbered",))["TOTAL"]
        assert total.precision >= 0.97, (mode, total.misses)
        assert total.recall >= 0.95, (mode, total.misses)
        for field in ("year", "date", "issuer"):
            assert total.field_hits[field] >= 0.95 * total.field_total, (field, total.misses)
    every = evaluate("exact", ("numbered", "short", "named"))["TOTAL"]
    assert every.precision >= 0.95 and every.recall >= 0.95, every.misses


def test_gold_files_cover_eight_real_documents() -> None:
    files = [json.loads(p.read_text(encoding="utf-8"))["file"] for p in DATA.glob("*.json") if p.name != "strings.json"]
    assert sum(f.startswith("real/") for f in files) >= 8


# --- robustness and speed ---------------------------------------------------------------------------


# Speed is measured by `vanban bench` (vanban/stages.py), not asserted here. The hostile inputs must
# still come back with sound citations; the bound below only catches a regex gone exponential (a hang:
# these take well under a second, and under 5 s on a machine busy with other work).
HANG = 30.0


@pytest.mark.parametrize("text", ADVERSARIAL, ids=lambda t: t[:20])
@pytest.mark.slow
def test_no_catastrophic_backtracking(text: str) -> None:
    t0 = time.perf_counter()
    cits = extract_citations(text)
    assert time.perf_counter() - t0 < HANG, "exponential backtracking"
    assert all(text[c.start : c.end] == c.text for c in cits)
    assert all(a.end <= b.start for a, b in zip(cits, cits[1:], strict=False))


_PIECES = st.sampled_from(
    [
        "Nghị quyết số 57-NQ/TW",
        " ngày 22/12/2024",
        " của Bộ Chính trị",
        ", ",
        " và ",
        "số 160/TB-VPCP",
        "Luật Đất đai",
        " Nghị quyết 57",
        "Đề án 06",
        "\n",
        ". ",
        "Căn cứ ",
        "Quyết định số 3565 /QĐ -UBND",
        "(Kèm theo ",
        ")",
        "Số: ",
        "66- NQ/TW",
        " UBND tỉnh Quảng Trị",
        "Chỉ thị trên",
        "BТС",
        "Uỷ ban",
        " tháng 12 năm 2025",
        "Hiến pháp",
        "187, ",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_invariants_on_generated_text(pieces: list[str]) -> None:
    text = normalize("".join(pieces))
    cits = extract_citations(text)
    for c in cits:
        assert text[c.start : c.end] == c.text
        assert c.key and c.kind in ("numbered", "short", "named")
        assert c.sentence_start is not None and c.sentence_start <= c.start < c.end <= c.sentence_end
    assert [c.start for c in cits] == sorted(c.start for c in cits)
    assert all(a.end <= b.start for a, b in zip(cits, cits[1:], strict=False))
    for s, e, _ in resolve_anaphora(text, cits):
        assert 0 <= s < e <= len(text)


def test_doctests() -> None:
    for module in (citations, citation_finder, citation_resolver, P):
        result = doctest.testmod(module)
        assert result.failed == 0, module.__name__
