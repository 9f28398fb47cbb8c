"""Directive lineage, one implementation: the edges of the citation chain come from one named
query, ``lineage_edges`` (``queries/lineage_edges.cypher``), and everything that draws or
measures a lineage reads them.

* :func:`walk` — the *Dòng chỉ đạo* page: a directive's chain walked breadth first, both
  ways, one query a level (``lineage_edges`` with the level's keys);
* :func:`work_graph` — the networkx citation graph of :mod:`graph.analytics`, built from
  every row of the same query (``analytics.lineage`` measures on it);
* the contract query ``directive_lineage`` gives the same documents at the same depths
  (``tests/test_lineage.py`` checks the three agree on the demo corpus and on a cycle).

A *work* is a directive key, or ``doc:<id>`` (the page) / ``<id>`` (the analytics) for an
ingested document without a number; a document that realises a directive is that
directive's work, so chains run through ingested texts. Pure functions of query rows:
no store here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

#: the named query every lineage reads
EDGES_QUERY = "lineage_edges"

Row = dict[str, Any]
#: ``edges(keys)``: the rows of ``lineage_edges`` touching these directive keys
EdgeSource = Callable[[list[str]], list[Row]]


@dataclass
class Lineage:
    """A directive's chain: nodes by id (directive key, or ``doc:<id>`` for an unnumbered document), edges with evidence."""

    root: str
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False


def cited(row: Mapping[str, Any]) -> Row:
    """The cited directive of an edge row, as a lineage node (one step up)."""
    return {
        "document": row.get("document"), "key": row.get("key"), "label": row.get("label"),
        "doc_type": row.get("cited_doc_type"), "number": row.get("cited_number"), "symbol": row.get("cited_symbol"),
        "issuer": row.get("cited_issuer"), "date": row.get("cited_date"), "ingested": row.get("ingested"),
        "mention": row.get("mention"), "evidence": row.get("evidence"), "relation": row.get("relation"),
        "unit": row.get("unit"), "month": row.get("month"),
    }


def citer(row: Mapping[str, Any]) -> Row:
    """The citing document of an edge row, as a lineage node (one step down)."""
    return {
        "document": row.get("document"), "document_key": row.get("document_key"), "doc_type": row.get("doc_type"),
        "number": row.get("number"), "symbol": row.get("symbol"), "issuer": row.get("issuer"), "unit": row.get("unit"),
        "date": row.get("date"), "title": row.get("title"), "month": row.get("month"), "mention": row.get("mention"),
        "evidence": row.get("evidence"), "relation": row.get("relation"),
    }


def _up(rows: Iterable[Row], k: str) -> list[Row]:
    """What the ingested text of ``k`` cites, in the order it cites them."""
    return sorted((r for r in rows if r.get("document_key") == k), key=lambda r: r.get("first") or 0)


def _down(rows: Iterable[Row], k: str) -> list[Row]:
    """The documents citing ``k``, oldest first."""
    def when(r: Row) -> tuple[bool, str, str]:
        w = r.get("date") or r.get("month")
        return (w is None, w or "", str(r.get("document")))

    return sorted((r for r in rows if r.get("key") == k), key=when)


def walk(
    key: str,
    root: Mapping[str, Any],
    edges: EdgeSource,
    *,
    max_depth: int = 3,
    max_nodes: int = 300,
) -> Lineage:
    """Walk a directive's chain both ways, breadth first: up through what its text cites,
    down through the documents citing it and whatever cites those; ``edges(keys)`` gives
    the rows of ``lineage_edges`` for a level's keys (one query a level).

    Depth is negative above the directive, positive below; a work is placed where it is
    first met (above before below). Stops at ``max_depth`` steps each way or
    ``max_nodes`` nodes (``truncated`` then says so).

    >>> rows = [{"document": "dk", "document_key": "k", "key": "tw", "label": "NQ 57-NQ/TW", "first": 0,
    ...          "evidence": "Thực hiện NQ 57", "mention": "NQ 57"},
    ...         {"document": "d1", "document_key": None, "key": "k", "doc_type": "Thông báo", "unit": "phường A",
    ...          "evidence": "Theo KH k", "mention": "KH k", "month": "2025-10"}]
    >>> edges = lambda keys: [r for r in rows if r["key"] in keys or r["document_key"] in keys]
    >>> lin = walk("k", {"label": "KH k"}, edges)
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
        rows = edges(frontier) if frontier else []
        for k in frontier:
            for row in map(cited, _up(rows, k)):
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
        rows = edges(frontier) if frontier else []
        for k in frontier:
            for row in map(citer, _down(rows, k)):
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


def work_graph(rows: Iterable[Mapping[str, Any]], work_of: Mapping[str, str] | None = None, g: nx.DiGraph | None = None) -> nx.DiGraph:
    """The citation graph between works from rows of ``lineage_edges``: an edge ``citing -> cited``
    with ``citations`` (how many mentions); a work citing itself has no edge.

    ``work_of`` maps a document id to its work (default: its key, else its id); ``g``
    is a graph to add the edges to (its nodes keep their attributes).

    >>> rows = [{"document": "d1", "document_key": None, "key": "nq57", "citations": 2},
    ...         {"document": "d2", "document_key": "ct05", "key": "nq57", "citations": 1},
    ...         {"document": "d1", "document_key": None, "key": "ct05", "citations": 1}]
    >>> sorted(work_graph(rows).edges(data="citations"))
    [('ct05', 'nq57', 1), ('d1', 'ct05', 1), ('d1', 'nq57', 2)]
    """
    g = nx.DiGraph() if g is None else g
    for r in rows:
        a = work_of[r["document"]] if work_of is not None else (r.get("document_key") or r["document"])
        b = r["key"]
        if a == b:
            continue
        if g.has_edge(a, b):
            g[a][b]["citations"] += r["citations"]
        else:
            g.add_edge(a, b, citations=r["citations"])
    return g
