"""Measures over the graph with networkx: graphs in, ``dict[node, value]`` out.

Two graphs are read from a store:

* :func:`citation_graph` — one node per *work*: a Directive key, or the id
  of an ingested document that has no number; an edge ``citing -> cited``
  with ``citations`` (how many mentions), from the rows of the named query
  ``lineage_edges`` (:mod:`graph.lineage`, the one lineage implementation). A
  document that realises a directive is that directive's node, so chains run
  through ingested texts.
* :func:`assignment_graph` — ``item -> body`` edges for tasks, with ``role``
  (lead or partner) and the item's ``period`` and ``unit`` (a store or a
  :class:`~graph.store.GraphDump`).

Then one function per measure: :func:`lineage`, :func:`most_cited`,
:func:`task_load`.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.lineage import EDGES_QUERY, work_graph
from graph.store import GraphDump


def _dump(source: Any) -> GraphDump:
    return source if isinstance(source, GraphDump) else source.dump(include_text=False)


def citation_graph(store: Any) -> nx.DiGraph:
    """The citation graph of a store (module docstring): its nodes from the store's documents and
    directives, its edges from the rows of the named query ``lineage_edges``
    (:func:`graph.lineage.work_graph`), the one source of every lineage."""
    dump = _dump(store)
    g = nx.DiGraph()
    work_of = {}
    for d in dump.nodes.get("Document", []):
        work_of[d["id"]] = d["key"] or d["id"]
        g.add_node(work_of[d["id"]], kind="directive" if d["key"] else "document", document=d["id"],
                   label=d.get("title") or d["id"], unit=d.get("unit"))
    for k in dump.nodes.get("Directive", []):
        if k["key"] not in g:
            g.add_node(k["key"], kind="directive", document=None, label=k.get("label"), unit=None)
        else:
            g.nodes[k["key"]]["label"] = k.get("label") or g.nodes[k["key"]]["label"]
    return work_graph(store.query(EDGES_QUERY, {}), work_of, g)


def assignment_graph(source: Any) -> nx.DiGraph:
    """Tasks and the bodies they are assigned to (lead or partner)."""
    dump = _dump(source)
    g = nx.DiGraph()
    units = {d["id"]: d.get("unit") for d in dump.nodes.get("Document", [])}
    items = {i["id"]: i for i in dump.nodes.get("Item", [])}
    for b in dump.nodes.get("Body", []):
        g.add_node(b["id"], kind="body", label=b.get("name"))
    for r in dump.rels.get(("ASSIGNED_TO", "Item", "Body"), []):
        it = items[r["from"]]
        g.add_node(it["id"], kind="item", role=it.get("role"), period=it.get("period"), unit=units.get(it["document"]))
        g.add_edge(it["id"], r["to"], role=r.get("role"))
    return g


def lineage(g: nx.DiGraph, node: Any, max_depth: int | None = None) -> dict[Any, int]:
    """Works above (what ``node`` cites, negative depth) and below (what cites it, positive).

    The shortest distance counts; ``node`` itself is left out.

    >>> g = nx.DiGraph([("notice", "ct05"), ("ct05", "nq57"), ("notice", "nq57")])
    >>> lineage(g, "ct05")
    {'nq57': -1, 'notice': 1}
    >>> lineage(g, "nq57")
    {'ct05': 1, 'notice': 1}
    """
    above = nx.single_source_shortest_path_length(g, node, cutoff=max_depth)
    below = nx.single_source_shortest_path_length(g.reverse(copy=False), node, cutoff=max_depth)
    out = {n: -d for n, d in above.items() if n != node}
    for n, d in below.items():
        if n != node and (n not in out or d < -out[n]):
            out[n] = d
    return dict(sorted(out.items(), key=lambda kv: (kv[1], str(kv[0]))))


def most_cited(g: nx.DiGraph, weight: str | None = None) -> dict[Any, int]:
    """How many works cite each cited work (``weight="citations"``: how many mentions), most first.

    >>> g = nx.DiGraph()
    >>> g.add_edge("a", "nq57", citations=3); g.add_edge("b", "nq57", citations=1); g.add_edge("a", "ct05", citations=1)
    >>> most_cited(g)
    {'nq57': 2, 'ct05': 1}
    >>> most_cited(g, weight="citations")
    {'nq57': 4, 'ct05': 1}
    """
    counts = {n: int(d) for n, d in g.in_degree(weight=weight) if d}
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def task_load(g: nx.DiGraph, role: str | None = None, period: str | None = None) -> dict[Any, int]:
    """Tasks assigned to each body (``role``: only as lead or partner; ``period``: only that month).

    >>> g = nx.DiGraph()
    >>> g.add_node("t1", kind="item", period="2026-02"); g.add_node("t2", kind="item", period="2026-03")
    >>> g.add_edge("t1", "ubnd", role="lead"); g.add_edge("t2", "ubnd", role="partner")
    >>> g.add_edge("t2", "cong-an", role="lead")
    >>> task_load(g)
    {'ubnd': 2, 'cong-an': 1}
    >>> task_load(g, role="lead", period="2026-03")
    {'cong-an': 1}
    """
    counts: dict[Any, int] = {}
    for item, body, data in g.edges(data=True):
        if role is not None and data.get("role") != role:
            continue
        if period is not None and g.nodes[item].get("period") != period:
            continue
        counts[body] = counts.get(body, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0]))))
