"""Directive lineage for the page: who issued what at which level, walked both ways from a directive, and its graph.

Pure functions of query rows, no Streamlit here: tested without a browser (``tests/test_app.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app_pages.screen import date_label, doc_code, doc_label, month_label, shorten
from graph.visual import VEdge, VNode
from ingest.normalize import fold
from ingest.vocabulary import ISSUER_LEVELS, ISSUER_WORD_ORDER, short_type
from ingest.vocabulary import VERDICT_COLORS as VERDICT_COLORS
from ingest.vocabulary import VERDICT_FILLS as VERDICT_FILLS
from ingest.vocabulary import VERDICT_LABELS as VERDICT_LABELS

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
