"""What every page shows the same way: the screen's vocabulary (verdicts, roles, levels in Vietnamese), small formatters (months, dates, numbers, escaped Markdown), search hits and links that reopen a page.

Pure functions of query rows, no Streamlit here: tested without a browser (``tests/test_app.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

import pandas as pd

from ingest.normalize import fold
from ingest.vocabulary import VERDICT_COLORS as VERDICT_COLORS
from ingest.vocabulary import VERDICT_FILLS as VERDICT_FILLS
from ingest.vocabulary import VERDICT_LABELS as VERDICT_LABELS
from ingest.vocabulary import VERDICTS as VERDICTS

# -- vocabulary of the screen ---------------------------------------------------

UNRATED = "Chưa đánh giá"

#: item roles (CONTRACT.md) and the background each gets in a document
ROLE_LABELS: dict[str | None, str] = {
    "result": "Kết quả",
    "limitation": "Hạn chế",
    "task": "Nhiệm vụ",
    "assignment": "Phân công",
    "other": "Khác",
}
ROLE_COLORS: dict[str | None, str] = {
    "result": "#e6f4ea",
    "limitation": "#fdecea",
    "task": "#e3f0fd",
    "assignment": "#f3e8fb",
    "other": "#f4f4f4",
}

#: mention kinds highlighted in a document
MARK_LABELS = {"citation": "Trích dẫn văn bản", "body": "Cơ quan, tổ chức", "theme": "Chủ đề", "person": "Người"}
MARK_STYLES = {
    "citation": "background:#ffe082;border-bottom:2px solid #e65100;padding:0 1px",
    "body": "background:#b2ebf2;border-bottom:2px solid #00838f;padding:0 1px",
    "theme": "background:#efe3f7;border-bottom:2px dashed #6a1b9a;padding:0 1px",
    "person": "background:#f8bbd0;padding:0 1px",
}
BODY_ROLE_LABELS: dict[str | None, str] = {"lead": "chủ trì", "partner": "phối hợp", "mention": "được nhắc đến", "issuer": "cơ quan ban hành"}

SEARCH_KINDS: dict[str | None, str] = {"Document": "Văn bản", "Directive": "Văn bản chỉ đạo", "Body": "Cơ quan, tổ chức", "Item": "Mục trong văn bản"}

#: Vietnamese names of the named queries (queries/*.cypher describe themselves in English)
QUERY_TITLES = {
    "documents": "Danh sách văn bản",
    "citing_documents": "Văn bản trích dẫn một văn bản chỉ đạo",
    "directive_lineage": "Dòng chỉ đạo của một văn bản",
    "directive_timeline": "Trích dẫn một văn bản chỉ đạo theo tháng",
    "directive_citers": "Văn bản trích dẫn (một bậc xuống)",
    "directive_sources": "Văn bản được căn cứ (một bậc lên)",
    "lineage_edges": "Các cạnh của dòng chỉ đạo (văn bản trích dẫn → văn bản được trích dẫn)",
    "directives": "Danh sách văn bản chỉ đạo",
    "most_cited_directives": "Văn bản chỉ đạo được trích dẫn nhiều nhất",
    "follow_through": "Theo dõi thực hiện nhiệm vụ",
    "carry_over": "Nhiệm vụ chuyển sang tháng sau",
    "recurring_limitations": "Hạn chế lặp lại",
    "tasks_by_body": "Nhiệm vụ của một cơ quan",
    "body_tasks_by_month": "Nhiệm vụ của các cơ quan theo tháng",
    "themes_by_month": "Chủ đề theo tháng",
    "search": "Tìm kiếm không dấu",
    "units": "Danh sách phường, xã",
    "unit_documents": "Văn bản của một phường, xã",
    "unit_items": "Các mục trong văn bản của một phường, xã",
    "board_tasks": "Bảng theo dõi: nhiệm vụ",
    "board_links": "Bảng theo dõi: kết quả và chuyển tiếp",
    "document_detail": "Một văn bản: thông tin và toàn văn",
    "document_items": "Một văn bản: các mục",
    "document_mentions": "Một văn bản: trích dẫn, cơ quan, người",
    "document_citations": "Một văn bản: các văn bản được trích dẫn",
    "overview_counts": "Tổng quan: số văn bản, phường, xã, tháng đầu và cuối",
    "documents_page": "Danh sách văn bản, mới nhất trước (một trang)",
    "units_page": "Danh sách phường, xã (một trang, lọc theo tên)",
    "directives_page": "Danh sách văn bản chỉ đạo (một trang, lọc theo tên)",
    "directive_summary": "Một văn bản chỉ đạo: số văn bản, đơn vị, lần trích dẫn",
    "directive_months": "Trích dẫn một văn bản chỉ đạo theo tháng, mọi đơn vị",
    "directive_units_page": "Các đơn vị trích dẫn một văn bản chỉ đạo (một trang)",
    "citing_documents_page": "Văn bản trích dẫn một văn bản chỉ đạo (một trang)",
    "lineage_level": "Một bậc của dòng chỉ đạo (có giới hạn số dòng)",
}


# -- small formatters -----------------------------------------------------------

_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def month_label(period: str | None) -> str:
    """``2025-10`` -> ``10/2025``; anything else as it is.

    >>> month_label("2025-10"), month_label(None), month_label("2025"), month_label(float("nan"))
    ('10/2025', '', '2025', '')
    """
    if not isinstance(period, str) or not period:  # pandas gives NaN for a missing month
        return ""
    m = _MONTH_RE.match(period)
    return f"{m.group(2)}/{m.group(1)}" if m else period


def date_label(date: str | None) -> str:
    """ISO date as written in Vietnam: ``2025-10-28`` -> ``28/10/2025``, ``2026-03`` -> ``03/2026``.

    >>> date_label("2025-10-28"), date_label("2026-03")
    ('28/10/2025', '03/2026')
    """
    if not isinstance(date, str) or not date:
        return ""
    m = _DATE_RE.match(date)
    if m:
        return f"{m.group(3)}/{m.group(2)}/{m.group(1)}"
    return month_label(date)


def number(n: int) -> str:
    """A count as written in Vietnam: ``12.345``.

    >>> number(12345), number(7)
    ('12.345', '7')
    """
    return f"{n:,}".replace(",", ".")


def page_label(skip: int, shown: int, total: int) -> str:
    """Where a page of a list is: its first and last row and how many there are, as on every paged list.

    >>> page_label(0, 50, 6214), page_label(6200, 14, 6214), page_label(0, 0, 0)
    ('1–50 / 6.214', '6.201–6.214 / 6.214', '0 / 0')
    """
    if not shown:
        return f"0 / {number(total)}"
    return f"{number(skip + 1)}–{number(skip + shown)} / {number(total)}"


def pages(total: int, size: int) -> int:
    """How many pages ``total`` rows make, ``size`` a page (one when there is none).

    >>> pages(0, 50), pages(50, 50), pages(51, 50)
    (1, 1, 2)
    """
    return max(1, -(-total // max(1, size)))


def shorten(text: str | None, limit: int = 120) -> str:
    """One line of at most ``limit`` characters.

    >>> shorten("a  b\\nc"), shorten("x" * 10, 5)
    ('a b c', 'xxxx…')
    """
    s = " ".join((text or "").split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def doc_code(row: Mapping[str, Any]) -> str:
    """``12-NQ/ĐU`` (Party numbering), ``154/2025/NĐ-CP`` (State), ``-TB/ĐU`` when the number is blank.

    >>> doc_code({"number": "12", "symbol": "NQ/ĐU"}), doc_code({"number": "154", "symbol": "2025/NĐ-CP"})
    ('12-NQ/ĐU', '154/2025/NĐ-CP')
    >>> doc_code({"number": None, "symbol": "TB/ĐU"}), doc_code({})
    ('-TB/ĐU', '')
    """
    number, symbol = row.get("number"), row.get("symbol")
    if not symbol:
        return number or ""
    if not number:
        return f"-{symbol}"
    sep = "/" if "-" in symbol or symbol[:1].isdigit() else "-"
    return f"{number}{sep}{symbol}"


def doc_label(row: Mapping[str, Any]) -> str:
    """How a document is named in lists: type, number, unit, date.

    >>> doc_label({"doc_type": "Nghị quyết", "number": "12", "symbol": "NQ/ĐU", "unit": "phường An Lạc",
    ...            "date": "2025-10-28"})
    'Nghị quyết 12-NQ/ĐU · phường An Lạc · 28/10/2025'
    """
    head = " ".join(x for x in (row.get("doc_type"), doc_code(row)) if x) or str(row.get("document") or "?")
    period = date_label(row.get("date")) or month_label(row.get("planned_period") or row.get("reported_period"))
    return " · ".join(x for x in (head, row.get("unit"), period) if x)


# Every ASCII punctuation character may be backslash-escaped in CommonMark;
# Streamlit adds ":red[...]", ":material/x:" and "$...$" (LaTeX), escaped too.
_MD_SPECIAL_RE = re.compile(r"([!-/:-@\[-`{-~])")


def md_escape(text: Any) -> str:
    """Text to put in Streamlit markdown (titles, captions, labels) so that it shows as typed.

    >>> print(md_escape("<script>alert(1)</script> *x* :red[y] $z$"))
    \\<script\\>alert\\(1\\)\\<\\/script\\> \\*x\\* \\:red\\[y\\] \\$z\\$
    """
    return _MD_SPECIAL_RE.sub(r"\\\1", "" if text is None else " ".join(str(text).split()))


def plain_list(values: Iterable[Any] | None) -> list[str]:
    """A collected list without nulls and duplicates, in order (LadybugDB's collect keeps nulls).

    >>> plain_list(["a", None, "b", "a"])
    ['a', 'b']
    """
    out: list[str] = []
    for v in values or ():
        if v is not None and v != "" and v not in out:
            out.append(str(v))
    return out


def matches(query: str, *fields: Any) -> bool:
    """Whether every word of ``query`` occurs in the fields, ignoring accents and case.

    >>> matches("nq 57 tw", "Nghị quyết số 57-NQ/TW"), matches("hòa phong", "phường Hoà Phong")
    (True, True)
    >>> matches("dong hai", "phường Đồ Sơn")
    False
    """
    hay = fold(" ".join(str(f) for f in fields if f))
    hay = re.sub(r"[^0-9a-z]+", " ", hay)
    words = re.sub(r"[^0-9a-z]+", " ", fold(query)).split()
    return all(w in hay for w in words)


# -- links that reopen a page -----------------------------------------------------


def query_link(url_path: str, params: Mapping[str, Any]) -> str:
    """A relative link that reopens a page with the same parameters (empty ones left out).

    >>> query_link("truy-van", {"query": "documents", "unit": "phường An Lạc", "period": None})
    'truy-van?query=documents&unit=ph%C6%B0%E1%BB%9Dng+An+L%E1%BA%A1c'
    """
    kept = {k: str(v) for k, v in params.items() if v is not None and str(v) != ""}
    return f"{url_path}?{urlencode(kept)}" if kept else url_path


def search_frame(rows: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Rows of the ``search`` query with a Vietnamese kind and a short label, in a stable order.

    The query is a UNION, whose row order neither engine defines: documents come first, then directives,
    bodies and items, each kind by label.
    """
    rank = {kind: n for n, kind in enumerate(SEARCH_KINDS)}
    rows = sorted(rows, key=lambda r: (rank.get(r.get("kind"), len(rank)), str(r.get("label") or ""), str(r.get("id"))))
    return pd.DataFrame(
        [
            {
                "Loại": SEARCH_KINDS.get(r.get("kind"), r.get("kind")),
                "Kết quả": shorten(r.get("label"), 160),
                "Thuộc": r.get("context") or "",
                "kind": r.get("kind"),
                "id": r.get("id"),
            }
            for r in rows
        ],
        columns=["Loại", "Kết quả", "Thuộc", "kind", "id"],
    )
