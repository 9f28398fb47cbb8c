"""Directive lineage for the page: who issued what at which level, and the graph of a lineage walked by
:func:`graph.lineage.walk` (the one lineage implementation, on the rows of ``lineage_edges``).

Pure functions of query rows, no Streamlit here: tested without a browser (``tests/test_app.py``).
"""

from __future__ import annotations

from app_pages.screen import date_label, doc_code, doc_label, month_label, shorten
from graph.lineage import Lineage
from graph.visual import VEdge, VNode
from ingest.vocabulary import ISSUER_LEVELS, issuer_tier, short_type
from ingest.vocabulary import VERDICT_COLORS as VERDICT_COLORS
from ingest.vocabulary import VERDICT_FILLS as VERDICT_FILLS
from ingest.vocabulary import VERDICT_LABELS as VERDICT_LABELS

# -- directive lineage ------------------------------------------------------------

#: the levels of the chain, top to bottom, with their colours (ingest/data/levels.json)
LINEAGE_LEVELS: dict[str, tuple[str, str]] = {lv.id: (lv.label, lv.color) for lv in ISSUER_LEVELS.values()}


def issuer_level(symbol: str | None, issuer: str | None = None) -> tuple[str, str]:
    """The level a document comes from, and its colour (:func:`ingest.vocabulary.issuer_tier`: by its symbol, else by
    its issuer; the same tier `vanban ingest` names a directive from above the ward by).

    >>> issuer_level("NQ/TW")[0], issuer_level("2025/NĐ-CP")[0], issuer_level("KH/TU")[0], issuer_level("NQ/ĐU")[0]
    ('Trung ương', 'Chính phủ, bộ, ngành', 'Tỉnh, thành phố', 'Phường, xã')
    >>> issuer_level("QĐ-UBND", "Ủy ban nhân dân phường An Lạc")[0], issuer_level(None, None)[0]
    ('Phường, xã', 'Khác')
    """
    return LINEAGE_LEVELS[issuer_tier(symbol, issuer).id]


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
