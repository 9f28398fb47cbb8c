"""``vanban export``: the whole graph as Turtle, JSON-LD, GraphML or CSV.

* ``ttl``, ``jsonld``: RDF (:mod:`graph.rdf`);
* ``graphml``: one node per graph node (id ``Label:key``, attribute
  ``labels`` = ``:Label`` as APOC writes it), one edge per relationship (attribute ``type``), every property
  that is not null (GraphML has no null);
* ``csv``: a folder (or a ``.zip``) with ``nodes_<Label>.csv`` and
  ``edges_<TYPE>_<From>_<To>.csv`` per table, the schema's columns in order.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

from graph import schema
from graph.store import GraphDump, Store

FORMATS = ("ttl", "jsonld", "graphml", "csv")
EXPORT_FORMATS = FORMATS


def export(store: Store, fmt: str, out: str | Path, *, engine: str = "auto") -> dict[str, Any]:
    """Write the store to ``out`` in ``fmt``; returns what was written (counts, path)."""
    if fmt not in FORMATS:
        raise ValueError(f"export format {fmt!r} is not one of {', '.join(FORMATS)}")
    out = Path(out)
    dump = store.dump()
    if fmt in ("ttl", "jsonld"):
        from graph.rdf import serialize

        return {"path": str(out), "triples": serialize(dump, fmt, out, engine=engine)}
    if fmt == "graphml":
        import networkx as nx

        g = to_networkx(dump)
        nx.write_graphml(g, out)
        return {"path": str(out), "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
    return {"path": str(out), "files": write_csv(dump, out)}


def export_graph(store: Store, fmt: str, out: str | Path) -> str:
    """:func:`export`, summed up in words for the command line: "1234 triples", "40 nodes, 95 edges", "23 files"."""
    info = export(store, fmt, out)
    if "triples" in info:
        return f"{info['triples']} triples"
    if "nodes" in info:
        return f"{info['nodes']} nodes, {info['edges']} edges"
    return f"{len(info['files'])} files"


def node_id(label: str, key: str) -> str:
    """``Document:<id>``: ids are unique per label only."""
    return f"{label}:{key}"


def to_networkx(dump: GraphDump, include: tuple[str, ...] | None = None) -> Any:
    """A ``networkx.MultiDiGraph`` of the dump (``include``: only these node labels and the edges between them)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for label, rows in dump.nodes.items():
        if include and label not in include:
            continue
        key = schema.node(label).key
        for r in rows:
            g.add_node(node_id(label, r[key]), labels=f":{label}", **{k: v for k, v in r.items() if v is not None})
    for (type_, a, b), rows in dump.rels.items():
        if include and (a not in include or b not in include):
            continue
        for r in rows:
            attrs = {k: v for k, v in r.items() if k not in ("from", "to") and v is not None}
            g.add_edge(node_id(a, r["from"]), node_id(b, r["to"]), type=type_, **attrs)
    return g


def csv_tables(dump: GraphDump) -> dict[str, str]:
    """File name -> CSV text, one per node and relationship table."""
    files = {}
    for label, rows in dump.nodes.items():
        cols = [c for c in schema.node(label).columns if not rows or c in rows[0]]
        files[f"nodes_{label}.csv"] = _csv(cols, rows)
    for (type_, a, b), rows in dump.rels.items():
        files[f"edges_{type_}_{a}_{b}.csv"] = _csv(["from", "to", *schema.rel(type_).columns], rows)
    return files


def write_csv(dump: GraphDump, out: Path) -> list[str]:
    files = csv_tables(dump)
    if out.suffix.lower() == ".zip":
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in files.items():
                z.writestr(name, text)
    else:
        out.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (out / name).write_text(text, encoding="utf-8")
    return sorted(files)


def _csv(cols: list[str], rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({c: "" if r.get(c) is None else r[c] for c in cols})
    return buf.getvalue()
