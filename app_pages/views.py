"""What the pages show, as pure functions of query rows: no Streamlit here.

Every function takes the rows a named query returns (``list[dict]``) and
gives back what a page draws: a DataFrame, an escaped HTML fragment, the
nodes and edges of a graph (:mod:`graph.visual`), the bytes of a download.
The pages (``app_pages/*.py``) only fetch rows and place these on screen, so
everything here is tested without a browser (``tests/test_app.py``).

Every text that comes from a document goes through :func:`html.escape`
before it enters HTML: a notice that contains ``<script>`` shows it.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import pandas as pd

from graph.report import deadline_label
from graph.status import OPEN_OVERDUE, STATUS_COLORS, TaskStatus
from graph.status import STATUS_LABELS as OFFICIAL_LABELS
from graph.visual import VEdge, VNode
from ingest.normalize import fold
from ingest.vocabulary import ISSUER_LEVELS, ISSUER_WORD_ORDER, VERDICTS, short_type
from ingest.vocabulary import VERDICT_COLORS as VERDICT_COLORS
from ingest.vocabulary import VERDICT_FILLS as VERDICT_FILLS
from ingest.vocabulary import VERDICT_LABELS as VERDICT_LABELS

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
    "unit_link_features": "Dữ liệu đối chiếu nhiệm vụ của một phường, xã",
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


# -- a document with its spans ----------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of a document: ``text[start:end]``."""

    start: int
    end: int
    kind: str  # an item role, or a mark kind: citation | body | theme | person
    title: str = ""


def _open_tag(s: Span, layer: int) -> str:
    if layer == 0:
        return (
            f'<span class="vb-item" data-role="{html.escape(s.kind)}" '
            f'style="background:{ROLE_COLORS.get(s.kind, "#fff")}" title="{html.escape(s.title)}">'
        )
    return (
        f'<mark class="vb-{html.escape(s.kind)}" data-kind="{html.escape(s.kind)}" '
        f'style="{MARK_STYLES.get(s.kind, "")}" title="{html.escape(s.title)}">'
    )


def highlight_html(text: str, items: Sequence[Span], marks: Sequence[Span]) -> str:
    """The document's text as escaped HTML: items on their role's background, mentions marked.

    Tags are properly nested: a span that starts earlier (or is longer) is
    the outer one, items outside marks; a body named inside a citation is a
    ``<mark>`` inside the citation's ``<mark>``. Where two spans cross, the
    inner one is closed and reopened so the outer stays whole. Spans beyond
    the text are clipped; empty ones are dropped.

    >>> out = highlight_html("Xem <b>57-NQ/TW</b>.", [Span(0, 20, "task", "1.1")], [Span(7, 15, "citation", "NQ 57")])
    >>> "Xem &lt;b&gt;" in out, 'title="NQ 57">57-NQ/TW</mark>' in out, "<b>" in out
    (True, True, False)
    """
    n = len(text)
    spans: list[tuple[Span, int]] = [
        (Span(max(0, s.start), min(n, s.end), s.kind, s.title), layer)
        for layer, group in ((0, items), (1, marks))
        for s in group
        if s.start < s.end and s.start < n and s.end > 0
    ]
    starts: dict[int, list[tuple[Span, int]]] = defaultdict(list)
    for sp in spans:
        starts[sp[0].start].append(sp)
    cuts = sorted({0, n, *(s.start for s, _ in spans), *(s.end for s, _ in spans)})
    out = [
        '<div class="vb-doc" style="white-space:pre-wrap;line-height:1.7;font-size:15px;'
        'font-family:\'DejaVu Serif\',\'Times New Roman\',serif;padding:12px;border:1px solid #ddd;border-radius:6px">'
    ]
    stack: list[tuple[Span, int]] = []
    for i, pos in enumerate(cuts):
        if any(s.end == pos for s, _ in stack):
            reopen = []
            while any(s.end == pos for s, _ in stack):
                top = stack.pop()
                out.append("</span>" if top[1] == 0 else "</mark>")
                if top[0].end != pos:
                    reopen.append(top)
            for sp in reversed(reopen):
                stack.append(sp)
                out.append(_open_tag(*sp))
        for sp in sorted(starts.get(pos, ()), key=lambda x: (-x[0].end, x[1], x[0].kind)):
            stack.append(sp)
            out.append(_open_tag(*sp))
        if i + 1 < len(cuts):
            out.append(html.escape(text[pos : cuts[i + 1]]))
    for _, layer in reversed(stack):  # only spans ending at the very end can remain
        out.append("</span>" if layer == 0 else "</mark>")
    out.append("</div>")
    return "".join(out)


def header_html(fields: Mapping[str, Any], columns: int = 2) -> str:
    """A document's header fields as an escaped two-column table (empty fields left out).

    >>> out = header_html({"Loại văn bản": "Nghị quyết", "Người ký": None, "Tiêu đề": "<b>x</b>"})
    >>> "Người ký" in out, "&lt;b&gt;x&lt;/b&gt;" in out
    (False, True)
    """
    pairs = [(k, str(v)) for k, v in fields.items() if v not in (None, "")]
    rows = [pairs[i : i + columns] for i in range(0, len(pairs), columns)]
    cell = "padding:4px 10px;border-bottom:1px solid #eee;vertical-align:top"
    body = "".join(
        "<tr>"
        + "".join(
            f'<th style="{cell};text-align:left;color:#555;font-weight:600;white-space:nowrap">{html.escape(k)}</th>'
            f'<td style="{cell}">{html.escape(v)}</td>'
            for k, v in row
        )
        + "</tr>"
        for row in rows
    )
    return f'<table class="vb-header" style="border-collapse:collapse;font-size:14px;width:100%">{body}</table>'


def legend_html() -> str:
    """The colour key of a document page.

    >>> "Nhiệm vụ" in legend_html() and "Trích dẫn văn bản" in legend_html()
    True
    """
    parts = [
        f'<span style="background:{ROLE_COLORS[r]};padding:2px 8px;margin-right:6px;border-radius:4px">{html.escape(lbl)}</span>'
        for r, lbl in ROLE_LABELS.items()
    ]
    parts += [
        f'<mark style="{MARK_STYLES[k]};margin-right:6px">{html.escape(lbl)}</mark>' for k, lbl in MARK_LABELS.items()
    ]
    return '<div class="vb-legend" style="font-size:13px;line-height:2">' + "".join(parts) + "</div>"


def theme_keywords(text: str) -> dict[str, list[tuple[int, int]]]:
    """Theme label -> spans of its keywords in ``text`` (the theme stage's own matcher)."""
    from ingest.themes import match_themes, theme_scheme

    labels = {t["id"]: t["prefLabel"] for t in theme_scheme()}
    return {labels.get(tid, tid): spans for tid, spans in match_themes(text).items()}


def document_spans(
    items: Sequence[Mapping[str, Any]],
    mentions: Sequence[Mapping[str, Any]],
    keywords: Mapping[str, Sequence[tuple[int, int]]] | None = None,
) -> tuple[list[Span], list[Span]]:
    """Rows of ``document_items`` and ``document_mentions`` -> item spans and mark spans.

    An item is *about* a theme in the graph, without a span of its own: the
    theme is marked at its keywords (``keywords``, from :func:`theme_keywords`)
    inside the items tagged with it; every item's tooltip names its themes.

    >>> items = [{"span_start": 0, "span_end": 30, "role": "task", "path": "1", "themes": ["Chuyển đổi số"]}]
    >>> mentions = [{"kind": "citation", "span_start": 10, "span_end": 20, "label": "NQ 57", "target": "k"}]
    >>> its, marks = document_spans(items, mentions, {"Chuyển đổi số": [(2, 8), (40, 45)], "Bầu cử": [(3, 5)]})
    >>> [(m.start, m.end, m.kind) for m in marks]
    [(2, 8, 'theme'), (10, 20, 'citation')]
    """
    item_spans: list[Span] = []
    marks: list[Span] = []
    keywords = keywords or {}
    for it in items:
        s, e = it.get("span_start"), it.get("span_end")
        if s is None or e is None:
            continue
        role = it.get("role") or "other"
        verdict = it.get("verdict")
        themes = plain_list(it.get("themes"))
        title = " · ".join(
            x
            for x in (
                f"{ROLE_LABELS.get(role, role)} {it.get('path') or ''}".strip(),
                f"tháng {month_label(it.get('period'))}" if it.get("period") else "",
                VERDICT_LABELS.get(verdict, "") if verdict else "",
                "Chủ đề: " + ", ".join(themes) if themes else "",
            )
            if x
        )
        item_spans.append(Span(int(s), int(e), role, title))
        for theme in themes:
            for ks, ke in keywords.get(theme, ()):
                if int(s) <= ks < ke <= int(e):
                    marks.append(Span(ks, ke, "theme", f"Chủ đề: {theme}"))
    for m in mentions:
        s, e = m.get("span_start"), m.get("span_end")
        if s is None or e is None:
            continue
        kind = m.get("kind") or "body"
        if kind == "citation":
            title = " · ".join(x for x in (m.get("label"), m.get("target")) if x)
        elif kind == "body":
            title = f"{m.get('label') or ''} ({BODY_ROLE_LABELS.get(m.get('role') or 'mention', m.get('role') or '')})"
        else:
            title = m.get("label") or ""
        marks.append(Span(int(s), int(e), kind, title))
    return item_spans, marks


def evidence_html(sentence: str | None, mention: str | None = None) -> str:
    """A sentence, escaped, with the mention in it marked (the evidence of an edge or a verdict).

    >>> out = evidence_html("Thực hiện <Chỉ thị 50>.", "<Chỉ thị 50>")
    >>> out.endswith('>&lt;Chỉ thị 50&gt;</mark>.</blockquote>'), "<Chỉ" in out
    (True, False)
    """
    s = sentence or ""
    style = 'style="margin:4px 0;padding:6px 12px;border-left:4px solid #e65100;background:#fffaf0;white-space:pre-wrap"'
    i = s.find(mention) if mention else -1
    if i < 0:
        inner = html.escape(s)
    else:
        inner = (
            html.escape(s[:i])
            + f'<mark class="vb-citation" style="{MARK_STYLES["citation"]}">{html.escape(mention or "")}</mark>'
            + html.escape(s[i + len(mention or "") :])
        )
    return f'<blockquote class="vb-evidence" {style}>{inner}</blockquote>'


# -- the follow-through board -----------------------------------------------------

#: above this many units the board shows one unit at a time
BOARD_ALL_UNITS = 12
#: the official statuses the board marks in red (quá hạn)
OVERDUE_STATUSES = ("open_overdue", "done_late")

BOARD_COLUMNS = {  # column -> heading in the exports
    "unit": "Đơn vị",
    "period": "Tháng",
    "path": "Mục",
    "task": "Nhiệm vụ",
    "verdict_label": "Kết luận",
    "verdict_origin": "Nguồn kết luận",
    "score": "Điểm tự động",
    "deadline_label": "Thời hạn",
    "status_label": "Tình trạng theo thời hạn",
    "leads": "Chủ trì",
    "partners": "Phối hợp",
    "themes": "Chủ đề",
    "directives": "Văn bản chỉ đạo",
    "result": "Kết quả được báo cáo",
    "next_period": "Chuyển sang tháng",
    "next_task": "Nhiệm vụ tháng sau",
    "chain": "Chuỗi chuyển tiếp",
    "document": "Văn bản",
}

#: who set a verdict or made a link: an inspector, or the linker
ORIGIN_LABELS = {"human": "Người duyệt", "computed": "Tự động"}
ORIGIN_ICONS = {"human": "✔ người duyệt", "computed": "⚙ tự động"}
#: the review log's columns, with their headings in the exports
LOG_COLUMNS = {
    "at": "Thời điểm", "reviewer": "Người duyệt", "unit": "Đơn vị", "action": "Quyết định", "kind": "Loại liên kết",
    "verdict": "Kết luận đặt", "note": "Ghi chú", "task": "Nhiệm vụ", "target": "Mục được liên kết",
    "computed_score": "Điểm tự động khi đó", "computed_verdict": "Kết luận tự động khi đó", "status": "Tình trạng",
}
ACTION_LABELS = {"confirm": "Xác nhận", "reject": "Bác bỏ", "link": "Liên kết lại", "verdict": "Đặt kết luận"}
STATUS_LABELS = {"attached": "còn nguyên", "reattached": "gắn lại (mục đã sửa)", "orphaned": "mồ côi (mục không còn)"}


def carry_chains(links: Iterable[Mapping[str, Any]], periods: Mapping[str, str | None]) -> dict[str, str]:
    """Chains of CARRIED_OVER links: item id -> chain name ``C1``, ``C2``... (oldest first).

    >>> carry_chains([{"link": "carried_over", "from_item": "a", "to_item": "b"},
    ...               {"link": "carried_over", "from_item": "b", "to_item": "c"},
    ...               {"link": "carried_over", "from_item": "x", "to_item": "y"}],
    ...              {"a": "2025-09", "b": "2025-10", "c": "2025-11", "x": "2025-08", "y": "2025-09"})
    {'x': 'C1', 'y': 'C1', 'a': 'C2', 'b': 'C2', 'c': 'C2'}
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        if link.get("link") != "carried_over":
            continue
        a, b = find(link["from_item"]), find(link["to_item"])
        if a != b:
            parent[b] = a
    groups: dict[str, list[str]] = defaultdict(list)
    for x in list(parent):
        groups[find(x)].append(x)
    ordered = sorted(
        (sorted(g, key=lambda i: (periods.get(i) or "", i)) for g in groups.values() if len(g) > 1),
        key=lambda g: (periods.get(g[0]) or "", g[0]),
    )
    return {i: f"C{n}" for n, g in enumerate(ordered, 1) for i in g}


def board_frame(tasks: Sequence[Mapping[str, Any]], links: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Rows of ``board_tasks`` and ``board_links`` -> one row per task, ready to filter, draw and export.

    Columns: those of :data:`BOARD_COLUMNS` plus ``item``, ``verdict``,
    ``directive_keys`` (list), ``evidence`` (list of ``(kind, text, extra)``).
    """
    out_links: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for link in links:
        out_links[link["from_item"]].append(link)
    periods = {t["item"]: t.get("period") for t in tasks}
    periods.update({link["to_item"]: link.get("to_period") for link in links})
    chains = carry_chains(links, periods)
    rows = []
    for t in tasks:
        mine = out_links.get(t["item"], [])
        followed = sorted((x for x in mine if x.get("link") == "followed_by"), key=lambda x: -(x.get("score") or 0))
        carried = sorted((x for x in mine if x.get("link") == "carried_over"), key=lambda x: (x.get("to_period") or ""))
        verdict = t.get("verdict")
        if verdict not in VERDICT_LABELS:
            verdict = followed[0].get("verdict") if followed and followed[0].get("verdict") in VERDICT_LABELS else None
        evidence: list[tuple[str, str, str]] = []
        link_rows = [
            {"link": x.get("link"), "to_item": x.get("to_item"), "to_text": x.get("to_text") or "", "score": x.get("score"),
             "source": x.get("source") or "computed", "to_period": x.get("to_period")}
            for x in (*followed, *carried)
        ]
        first = followed[0] if followed else (carried[0] if carried else None)
        origin = t.get("verdict_source") or "computed"
        for f in followed:
            evidence.append(("result", f.get("to_text") or "", f.get("evidence") or ""))
        for c in carried:
            evidence.append(("carried_over", c.get("to_text") or "", month_label(c.get("to_period"))))
        rows.append(
            {
                "item": t["item"],
                "document": t.get("document"),
                "unit": t.get("unit") or "",
                "period": t.get("period") or "",
                "path": t.get("path") or "",
                "task": t.get("task") or "",
                "verdict": verdict,
                "verdict_label": VERDICT_LABELS.get(verdict, UNRATED) if verdict else UNRATED,
                "verdict_origin": ORIGIN_LABELS.get(origin, origin) if verdict else "",
                "verdict_source": origin,
                "score": "" if first is None or first.get("score") is None else f"{first['score']:.2f}",
                "links": link_rows,
                "status": None,  # the official status and the deadline: with_status
                "status_label": "",
                "deadline_label": "",
                "leads": ", ".join(plain_list(t.get("leads"))),
                "partners": ", ".join(plain_list(t.get("partners"))),
                "themes": ", ".join(plain_list(t.get("themes"))),
                "directives": ", ".join(plain_list(t.get("directives"))),
                "directive_keys": plain_list(t.get("directive_keys")),
                "result": followed[0].get("to_text") if followed else None,
                "next_period": carried[0].get("to_period") if carried else None,
                "next_task": carried[0].get("to_text") if carried else None,
                "chain": chains.get(t["item"], ""),
                "evidence": evidence,
            }
        )
    cols = ["item", "verdict", "verdict_source", "status", "links", "directive_keys", "evidence", *BOARD_COLUMNS]
    # dtype=object: pandas 3 would turn the None of a text column into NaN
    return pd.DataFrame(rows, columns=list(dict.fromkeys(cols)), dtype=object)


def with_status(df: pd.DataFrame, statuses: Iterable[TaskStatus]) -> pd.DataFrame:
    """The board with each task's deadline and official status (:mod:`graph.status`) beside its verdict.

    A task without a status (set by a document issued after the as-of day) keeps empty cells.
    """
    by_item = {s.item: s for s in statuses}
    out = df.copy()
    if out.empty:
        return out
    out["status"] = [by_item[i].status if i in by_item else None for i in out["item"]]
    out["status_label"] = [by_item[i].status_label if i in by_item else "" for i in out["item"]]
    out["deadline_label"] = [deadline_label(by_item[i]) if i in by_item else "" for i in out["item"]]
    return out


def filter_board(
    df: pd.DataFrame,
    *,
    units: Sequence[str] = (),
    bodies: Sequence[str] = (),
    themes: Sequence[str] = (),
    verdicts: Sequence[str] = (),
    directives: Sequence[str] = (),
    text: str = "",
    statuses: Sequence[str] = (),
) -> pd.DataFrame:
    """The board's rows that pass every filter given (an empty filter passes everything).

    ``bodies`` match leads or partners; ``directives`` are citation keys;
    ``verdicts`` may include ``None`` for tasks not yet rated; ``text`` ignores accents;
    ``statuses`` are official statuses (``open_overdue``: chưa hoàn thành, quá hạn).
    """
    if df.empty:
        return df
    keep = pd.Series(True, index=df.index)
    if units:
        keep &= df["unit"].isin(units)
    if bodies:
        keep &= df.apply(lambda r: any(b in _split(r["leads"]) + _split(r["partners"]) for b in bodies), axis=1)
    if themes:
        keep &= df["themes"].map(lambda v: any(t in _split(v) for t in themes))
    if verdicts:
        keep &= df["verdict"].map(lambda v: v in verdicts)
    if directives:
        keep &= df["directive_keys"].map(lambda ks: any(k in ks for k in directives))
    if text.strip():
        keep &= df.apply(lambda r: matches(text, r["task"], r["result"], r["next_task"]), axis=1)
    if statuses:
        keep &= df["status"].map(lambda v: v in statuses)
    return df[keep]


def _split(value: str | None) -> list[str]:
    return [x.strip() for x in (value or "").split(", ") if x.strip()]


def board_grid_html(df: pd.DataFrame, max_chars: int = 110) -> str:
    """Unit × month: every task a chip coloured by its verdict (escaped HTML)."""
    if df.empty:
        return '<p class="vb-empty">Không có nhiệm vụ nào khớp bộ lọc.</p>'
    months = sorted({p for p in df["period"] if isinstance(p, str) and p})
    if any(not (isinstance(p, str) and p) for p in df["period"]):
        months.append("")  # tasks whose month the parser could not tell: a last column
    units = sorted(set(df["unit"]))
    cell: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for r in df.to_dict("records"):
        cell[(r["unit"], r["period"])].append(r)
    th = "padding:6px;border-bottom:2px solid #999;text-align:left;white-space:nowrap"
    head = f'<th style="{th}">Đơn vị</th>' + "".join(
        f'<th style="{th}">{"Tháng " + html.escape(month_label(m)) if m else "Chưa rõ tháng"}</th>' for m in months
    )
    body = []
    for u in units:
        tds = [f'<th style="padding:6px;vertical-align:top;text-align:left">{html.escape(u)}</th>']
        for m in months:
            chips = "".join(_chip(r, max_chars) for r in cell.get((u, m), []))
            tds.append(f'<td style="padding:4px;vertical-align:top;min-width:220px">{chips}</td>')
        body.append("<tr>" + "".join(tds) + "</tr>")
    return (
        '<div style="overflow-x:auto"><table class="vb-board" style="border-collapse:collapse;font-size:13px">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def _chip(r: Mapping[str, Any], max_chars: int) -> str:
    v = r.get("verdict")
    color = VERDICT_COLORS.get(v, "#9e9e9e")
    fill = "#" + VERDICT_FILLS.get(v, "FFFFFF")
    chain = f' <b style="color:#1565c0">⟶ {html.escape(r["chain"])}</b>' if r.get("chain") else ""
    label = html.escape(r.get("verdict_label") or UNRATED)
    title = html.escape(f"{r.get('path') or ''} {r.get('task') or ''}".strip())
    # an inspector's hand: on the verdict or on one of the links
    human = r.get("verdict_source") == "human" or any(x.get("source") == "human" for x in r.get("links") or ())
    origin = "human" if human else "computed"
    mark = ' <span class="vb-human" title="Đã được người duyệt xác nhận hoặc sửa">✔</span>' if human else ""
    status = r.get("status")
    # quá hạn in red: not done past its deadline (a red frame), or done after it (a tag)
    late = ""
    outline = ""
    if status in OVERDUE_STATUSES:
        late = (f' <span class="vb-late" style="color:white;background:{STATUS_COLORS[status]};border-radius:8px;'
                f'padding:0 6px;font-size:11px">{html.escape(OFFICIAL_LABELS[status])}</span>')
    if status == OPEN_OVERDUE:
        outline = f"outline:2px solid {STATUS_COLORS[status]};"
    deadline = f'<br><span style="color:#555;font-size:11px">Hạn: {html.escape(r["deadline_label"])}</span>' if r.get("deadline_label") else ""
    return (
        f'<div class="vb-task" data-verdict="{html.escape(v or "")}" data-origin="{origin}" data-status="{html.escape(status or "")}" '
        f'title="{title}" style="border-left:5px solid {color};background:{fill};{outline}margin:3px 0;padding:3px 6px;border-radius:3px">'
        f'<span style="font-weight:600;color:{color}">{label}</span>{mark}{late}{chain}<br>'
        f"{html.escape(shorten(r.get('task'), max_chars))}{deadline}</div>"
    )


def chains_html(df: pd.DataFrame) -> str:
    """Each carry-over chain as one line across the months, a dot per month it was planned."""
    chained = df[df["chain"] != ""] if not df.empty else df
    if chained.empty:
        return '<p class="vb-empty">Không có nhiệm vụ nào bị chuyển sang tháng sau.</p>'
    months = sorted({p for p in (*df["period"], *chained["next_period"]) if isinstance(p, str) and p})
    rows = []
    for name, g in sorted(chained.groupby("chain"), key=lambda kv: int(kv[0][1:])):
        g = g.sort_values("period")
        at = {r["period"]: r for r in g.to_dict("records")}
        first, last = min(at), max(at)
        tds = []
        for m in months:
            inside = first <= m <= last
            left = "border-top:3px solid #1565c0" if inside and m != first else ""
            right = "border-top:3px solid #1565c0" if inside and m != last else ""
            if m in at:
                r = at[m]
                color = VERDICT_COLORS.get(r["verdict"], "#9e9e9e")
                dot = (
                    f'<span class="vb-dot" title="{html.escape(r["verdict_label"])}: {html.escape(r["task"])}" '
                    f'style="display:inline-block;width:16px;height:16px;border-radius:50%;background:{color};'
                    f'position:relative;top:-9px;border:2px solid white"></span>'
                )
            else:
                dot = ""
            tds.append(
                '<td style="padding:0;text-align:center;min-width:90px;height:26px">'
                f'<div style="display:flex;height:100%"><div style="flex:1;{left};margin-top:12px"></div>'
                f'<div style="flex:1;{right};margin-top:12px"></div></div>'
                f'<div style="margin-top:-26px">{dot}</div></td>'
            )
        first_task = at[first]
        label = f"{name} · {first_task['unit']}: {shorten(first_task['task'], 70)}"
        rows.append(
            f'<tr class="vb-chain" data-chain="{html.escape(name)}"><th style="text-align:left;font-weight:normal;'
            f'padding:4px 8px;font-size:13px;max-width:420px">{html.escape(label)}</th>{"".join(tds)}</tr>'
        )
    head = '<th style="text-align:left;padding:4px 8px">Chuỗi</th>' + "".join(
        f'<th style="padding:4px;font-size:13px">{html.escape(month_label(m))}</th>' for m in months
    )
    return (
        '<div style="overflow-x:auto"><table class="vb-chains" style="border-collapse:collapse">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def board_export_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The board with Vietnamese headings, months as MM/YYYY: what the inspection committee gets."""
    out = df[list(BOARD_COLUMNS)].copy()
    for col in ("period", "next_period"):
        out[col] = out[col].map(lambda p: month_label(p) if isinstance(p, str) else "")
    return out.rename(columns=BOARD_COLUMNS).fillna("")


# A cell that starts with one of these is a formula to Excel and LibreOffice:
# "- Tiếp tục ..." (a bullet) would show #NAME?, "=HYPERLINK(...)" would run.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def board_csv(df: pd.DataFrame) -> bytes:
    """The board as CSV, UTF-8 with a byte-order mark (so Excel reads the accents), no formulas.

    >>> board_csv(pd.DataFrame([{c: "" for c in BOARD_COLUMNS} | {"task": "- Làm", "unit": "phường A"}]))[:3]
    b'\\xef\\xbb\\xbf'
    """
    frame = board_export_frame(df)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(frame.columns)
    for row in frame.itertuples(index=False):
        w.writerow([_csv_cell(v) for v in row])
    return buf.getvalue().encode("utf-8-sig")


def rows_csv(rows: Sequence[Mapping[str, Any]]) -> bytes:
    """Query rows as CSV (UTF-8 with a byte-order mark), lists as JSON, no formulas."""
    import json

    columns: list[str] = []
    for r in rows:
        for k in r:
            if k not in columns:
                columns.append(k)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    for r in rows:
        out = []
        for c in columns:
            v = r.get(c)
            if isinstance(v, list | dict):
                v = json.dumps(v, ensure_ascii=False, default=str)
            out.append(_csv_cell("" if v is None else v))
        w.writerow(out)
    return buf.getvalue().encode("utf-8-sig")


def log_export_frame(log: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """The review log with Vietnamese headings and labels: what is exported beside the board."""
    rows = []
    for r in log:
        row = {c: r.get(c) for c in LOG_COLUMNS}
        row["action"] = ACTION_LABELS.get(str(row["action"]), row["action"])
        row["status"] = STATUS_LABELS.get(str(row["status"]), row["status"])
        for c in ("verdict", "computed_verdict"):
            row[c] = VERDICT_LABELS.get(str(row[c]), row[c])
        score = row["computed_score"]
        row["computed_score"] = "" if score is None else f"{float(score):.2f}"
        rows.append(row)
    return pd.DataFrame(rows, columns=list(LOG_COLUMNS), dtype=object).rename(columns=LOG_COLUMNS).fillna("")


def log_csv(log: Sequence[Mapping[str, Any]]) -> bytes:
    """The review log as CSV (UTF-8 with a byte-order mark, no formulas)."""
    frame = log_export_frame(log)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(frame.columns)
    for row in frame.itertuples(index=False):
        w.writerow([_csv_cell(v) for v in row])
    return buf.getvalue().encode("utf-8-sig")


def board_xlsx(df: pd.DataFrame, log: Sequence[Mapping[str, Any]] | None = None) -> bytes:
    """The board as an Excel workbook: one sheet of tasks coloured by verdict, one of counts per unit and month,
    and, when ``log`` is given, the inspectors' decisions (who, when, what, the note).

    Every cell is written as text, so a task starting with "=" or "-" stays text.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    frame = board_export_frame(df)
    wb = Workbook()
    ws = wb.active
    ws.title = "Theo dõi thực hiện"
    ws.append(list(frame.columns))
    for c in ws[1]:
        c.font = Font(bold=True)
    verdict_col = list(frame.columns).index(BOARD_COLUMNS["verdict_label"]) + 1
    for i, (row, verdict) in enumerate(zip(frame.itertuples(index=False), df["verdict"], strict=True), start=2):
        for j, v in enumerate(row, start=1):
            cell = ws.cell(row=i, column=j)
            cell.value = "" if v is None else str(v)
            cell.data_type = "s"  # never a formula
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if verdict in VERDICT_FILLS:
            ws.cell(row=i, column=verdict_col).fill = PatternFill("solid", fgColor=VERDICT_FILLS[verdict])
    widths = {"Nhiệm vụ": 70, "Kết quả được báo cáo": 60, "Nhiệm vụ tháng sau": 60, "Văn bản": 40}
    for j, name in enumerate(frame.columns, start=1):
        ws.column_dimensions[get_column_letter(j)].width = widths.get(name, 18)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions

    summary = wb.create_sheet("Tổng hợp")
    summary.append(["Đơn vị", "Tháng", *[VERDICT_LABELS[v] for v in VERDICTS], UNRATED, "Tổng"])
    for c in summary[1]:
        c.font = Font(bold=True)
    for (unit, period), g in sorted(df.groupby(["unit", "period"]), key=lambda kv: kv[0]) if not df.empty else []:
        counts = [int((g["verdict"] == v).sum()) for v in VERDICTS]
        summary.append([unit, month_label(period), *counts, int(g["verdict"].isna().sum()), len(g)])
    if log is not None:
        sheet = wb.create_sheet("Nhật ký duyệt")
        frame = log_export_frame(log)
        sheet.append(list(frame.columns))
        for c in sheet[1]:
            c.font = Font(bold=True)
        for i, row in enumerate(frame.itertuples(index=False), start=2):
            for j, v in enumerate(row, start=1):
                cell = sheet.cell(row=i, column=j)
                cell.value = "" if v is None else str(v)
                cell.data_type = "s"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# -- directive lineage ------------------------------------------------------------

#: the levels of the chain, top to bottom, with their colours (ingest/data/levels.json)
LINEAGE_LEVELS: dict[str, tuple[str, str]] = {lv.id: (lv.label, lv.color) for lv in ISSUER_LEVELS.values()}


def issuer_level(symbol: str | None, issuer: str | None = None) -> tuple[str, str]:
    """The level a document comes from, and its colour: by its symbol, else by its issuer.

    >>> issuer_level("NQ/TW")[0], issuer_level("2025/NĐ-CP")[0], issuer_level("KH/TU")[0], issuer_level("NQ/ĐU")[0]
    ('Trung ương', 'Chính phủ, bộ, ngành', 'Tỉnh, thành phố', 'Phường, xã')
    >>> issuer_level("QĐ-UBND", "Ủy ban nhân dân phường An Lạc")[0], issuer_level(None, None)[0]
    ('Phường, xã', 'Khác')
    """
    code = fold(symbol or "").rsplit("/", 1)[-1]
    codes = set(re.split(r"[^0-9a-z]+", code)) - {""}
    for lv in ISSUER_LEVELS.values():
        if codes & lv.symbol_codes:
            return LINEAGE_LEVELS[lv.id]
    words = " " + " ".join(re.split(r"[^0-9a-z]+", fold(issuer or ""))) + " "
    for lv in ISSUER_WORD_ORDER:
        if any(f" {h.strip()} " in words for h in lv.issuer_words):
            return LINEAGE_LEVELS[lv.id]
    return LINEAGE_LEVELS[""]


@dataclass
class Lineage:
    """A directive's chain: nodes by id (directive key, or ``doc:<id>`` for an unnumbered document), edges with evidence."""

    root: str
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False


def build_lineage(
    key: str,
    root: Mapping[str, Any],
    citers: Callable[[str], list[dict[str, Any]]],
    sources: Callable[[str], list[dict[str, Any]]],
    *,
    max_depth: int = 3,
    max_nodes: int = 300,
) -> Lineage:
    """Walk a directive's chain both ways, breadth first: up through what its text cites
    (``sources``: rows of ``directive_sources``), down through the documents citing it
    (``citers``: rows of ``directive_citers``) and whatever cites those.

    Depth is negative above the directive, positive below. Stops at ``max_depth``
    steps each way or ``max_nodes`` nodes (``truncated`` then says so).

    >>> up = {"k": [{"key": "tw", "label": "NQ 57-NQ/TW", "evidence": "Thực hiện NQ 57", "mention": "NQ 57"}]}
    >>> down = {"k": [{"document": "d1", "document_key": None, "doc_type": "Thông báo", "unit": "phường A",
    ...                "evidence": "Theo KH k", "mention": "KH k", "month": "2025-10"}]}
    >>> lin = build_lineage("k", {"label": "KH k"}, lambda k: down.get(k, []), lambda k: up.get(k, []))
    >>> sorted((n, v["depth"]) for n, v in lin.nodes.items()), [(e["source"], e["target"]) for e in lin.edges]
    ([('doc:d1', 1), ('k', 0), ('tw', -1)], [('k', 'tw'), ('doc:d1', 'k')])
    """
    lin = Lineage(root=key)
    lin.nodes[key] = {**root, "depth": 0, "key": key}
    seen_edges: set[tuple[str, str]] = set()

    def add_edge(src: str, dst: str, row: Mapping[str, Any]) -> None:
        if (src, dst) in seen_edges:
            return
        seen_edges.add((src, dst))
        lin.edges.append(
            {
                "source": src,
                "target": dst,
                "evidence": row.get("evidence") or "",
                "mention": row.get("mention") or "",
                "document": row.get("document"),
                "unit": row.get("unit"),
                "month": row.get("month"),
            }
        )

    frontier = [key]
    for depth in range(1, max_depth + 1):  # upwards: what the text cites
        nxt = []
        for k in frontier:
            for row in sources(k):
                s = row.get("key")
                if not s or s == k:
                    continue
                if s not in lin.nodes:
                    if len(lin.nodes) >= max_nodes:
                        lin.truncated = True
                        continue
                    lin.nodes[s] = {**row, "depth": -depth, "key": s}
                    nxt.append(s)
                add_edge(k, s, row)
        frontier = nxt
    frontier = [key]
    for depth in range(1, max_depth + 1):  # downwards: who cites it
        nxt = []
        for k in frontier:
            for row in citers(k):
                own = row.get("document_key")
                nid = own or f"doc:{row.get('document')}"
                if nid == k:
                    continue
                if nid not in lin.nodes:
                    if len(lin.nodes) >= max_nodes:
                        lin.truncated = True
                        continue
                    lin.nodes[nid] = {**row, "depth": depth, "key": own}
                    if own:
                        nxt.append(own)
                add_edge(nid, k, row)
        frontier = nxt
    return lin


def lineage_visual(lin: Lineage) -> tuple[list[VNode], list[VEdge]]:
    """The lineage as pyvis nodes (issuing level on top, wards below) and edges (citing -> cited)."""
    top = min((n["depth"] for n in lin.nodes.values()), default=0)
    order = sorted(lin.nodes.items(), key=lambda kv: (abs(kv[1]["depth"]), kv[1]["depth"], kv[0]))
    nodes = []
    for nid, n in order:
        level_name, color = issuer_level(n.get("symbol"), n.get("issuer"))
        if n.get("document") and (nid.startswith("doc:") or not n.get("label")):
            # a citing document: "NQ 20-NQ/ĐU" over its unit
            label = " ".join(x for x in (short_type(n.get("doc_type")), doc_code(n)) if x)
            label = "\n".join(x for x in (label or nid, n.get("unit")) if x)
        else:
            label = n.get("label") or nid
        title = "\n".join(
            x
            for x in (
                n.get("label") or doc_label(n),
                n.get("title") or "",
                f"Cơ quan ban hành: {n['issuer']}" if n.get("issuer") else "",
                f"Đơn vị: {n['unit']}" if n.get("unit") else "",
                f"Ngày: {date_label(n.get('date'))}" if n.get("date") else "",
                f"Cấp: {level_name}",
            )
            if x
        )
        nodes.append(
            VNode(
                nid,
                shorten(label.split("\n")[0], 40) + ("\n" + shorten(label.split("\n")[1], 30) if "\n" in label else ""),
                title,
                color=color,
                shape="star" if nid == lin.root else ("dot" if not nid.startswith("doc:") else "square"),
                level=n["depth"] - top,
                size=26 if nid == lin.root else 14,
            )
        )
    edges = [
        VEdge(
            e["source"],
            e["target"],
            title="\n".join(x for x in (e["evidence"], f"— {e['unit']}, tháng {month_label(e['month'])}" if e.get("unit") else "") if x),
            color="#8d6e63",
        )
        for e in lin.edges
    ]
    return nodes, edges


# -- ad-hoc results as a graph ----------------------------------------------------

_NODE_KEYS = ("id", "key")


def _node_id(value: Mapping[str, Any]) -> str:
    for k in _NODE_KEYS:
        if value.get(k) is not None:
            return f"{value.get('_label')}:{value[k]}"
    return f"{value.get('_label')}:{sorted((k, str(v)) for k, v in value.items())}"


def _node_label(value: Mapping[str, Any]) -> str:
    for k in ("label", "name", "title", "text", "key", "id"):
        if value.get(k):
            return str(value[k])
    return str(value.get("_label") or "?")


def rows_graph(rows: Sequence[Mapping[str, Any]]) -> tuple[list[VNode], list[VEdge]]:
    """Query results as a graph.

    Nodes and paths in the results are drawn as they are (a path's
    relationships join its consecutive nodes). Plain rows join the value of
    their first column to the value of their second, the other columns as the
    edge's tooltip.

    >>> ns, es = rows_graph([{"unit": "phường A", "theme": "Chuyển đổi số", "items": 3}])
    >>> [n.label for n in ns], [(e.source, e.target, e.title) for e in es]
    (['phường A', 'Chuyển đổi số'], [('unit:phường A', 'theme:Chuyển đổi số', 'items: 3')])
    """
    nodes: dict[str, VNode] = {}
    edges: list[VEdge] = []

    def add(value: Mapping[str, Any]) -> str:
        nid = _node_id(value)
        if nid not in nodes:
            props = "\n".join(f"{k}: {shorten(str(v), 200)}" for k, v in value.items() if not k.startswith("_") and v is not None)
            nodes[nid] = VNode(nid, shorten(_node_label(value), 50), f"{value.get('_label')}\n{props}", color=_label_color(value.get("_label")))
        return nid

    structured = False
    for row in rows:
        for v in row.values():
            if isinstance(v, dict) and "nodes" in v and "rels" in v:
                structured = True
                ids = [add(n) for n in v["nodes"] if isinstance(n, dict)]
                for i, rel in enumerate(v["rels"]):
                    if i + 1 < len(ids):
                        edges.append(VEdge(ids[i], ids[i + 1], title=str(rel.get("_type") or ""), label=str(rel.get("_type") or "")))
            elif isinstance(v, dict) and "_label" in v:
                structured = True
                add(v)
    if structured:
        return list(nodes.values()), edges
    for row in rows:
        cols = [k for k, v in row.items() if v is not None and not isinstance(v, dict | list)]
        if len(cols) < 2:
            if cols:
                add({"_label": cols[0], "id": row[cols[0]], "label": row[cols[0]]})
            continue
        a, b = cols[0], cols[1]
        na = add({"_label": a, "id": row[a], "label": row[a]})
        nb = add({"_label": b, "id": row[b], "label": row[b]})
        edges.append(VEdge(na, nb, title="\n".join(f"{k}: {row[k]}" for k in cols[2:])))
    return list(nodes.values()), edges


_PALETTE = ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#c62828", "#00838f", "#5d4037", "#455a64")


def _label_color(label: Any) -> str:
    return _PALETTE[sum(map(ord, str(label))) % len(_PALETTE)]


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
