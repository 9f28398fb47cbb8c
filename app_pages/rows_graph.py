"""Ad-hoc query results (the Cypher console) drawn as a graph.

Pure functions of query rows, no Streamlit here: tested without a browser (``tests/test_app.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from app_pages.screen import shorten
from graph.visual import VEdge, VNode
from ingest.vocabulary import VERDICT_COLORS as VERDICT_COLORS
from ingest.vocabulary import VERDICT_FILLS as VERDICT_FILLS
from ingest.vocabulary import VERDICT_LABELS as VERDICT_LABELS

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
