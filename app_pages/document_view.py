"""A document with its spans: the text with its items, citations, bodies and theme words marked, every document text escaped before it enters HTML.

Pure functions of query rows, no Streamlit here: tested without a browser (``tests/test_app.py``).
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app_pages.screen import (
    BODY_ROLE_LABELS,
    MARK_LABELS,
    MARK_STYLES,
    ROLE_COLORS,
    ROLE_LABELS,
    month_label,
    plain_list,
)
from ingest.vocabulary import VERDICT_COLORS as VERDICT_COLORS
from ingest.vocabulary import VERDICT_FILLS as VERDICT_FILLS
from ingest.vocabulary import VERDICT_LABELS as VERDICT_LABELS

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
