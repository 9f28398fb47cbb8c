"""One lineage: the page's walk (``graph.lineage.walk``), the analytics' networkx lineage
(``graph.analytics.lineage`` on ``citation_graph``) and the contract query ``directive_lineage``
agree, directive by directive, on the demo corpus with a citation cycle added (two
conclusions citing each other), on both stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import analytics, lineage
from graph.records import own_key
from ingest.pipeline import parse_file
from tests.neo4j_server import neo4j_server  # noqa: F401 - session fixture
from tests.test_store_contract import BACKENDS, _numbered, _open

pytestmark = pytest.mark.slow  # parses the demo corpus into a store

DEMO = Path(__file__).resolve().parents[1] / "samples" / "demo"
CYCLE = (_numbered("1", "KL/TW", cites="2"), _numbered("2", "KL/TW", cites="1"))
#: the contract query's bound: 9 hops down, 10 up, two hops a level
DEPTH = 5


@pytest.fixture(scope="module")
def demo_docs():
    return [parse_file(p) for p in sorted(DEMO.glob("*.txt"))]


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path, demo_docs):
    s = _open(request, tmp_path)
    for d in [*demo_docs, *CYCLE]:
        s.upsert_document(d)
    yield s
    s.close()


def _from_query(rows: list[dict]) -> dict[str, int]:
    """Work -> depth from ``directive_lineage`` rows: a work both above and below (a cycle)
    is where it is nearer, above on a tie."""
    out: dict[str, int] = {}
    for r in rows:
        work = r["key"] or r["document"]
        d = r["depth"]
        if work not in out or abs(d) < abs(out[work]) or (abs(d) == abs(out[work]) and d < 0):
            out[work] = d
    return out


def test_page_analytics_and_query_give_one_lineage(store):
    graph = analytics.citation_graph(store)
    keys = sorted({r["key"] for r in store.query("directives", {})})
    assert own_key(CYCLE[0]) in keys and len(keys) > 10
    chains = 0
    for key in keys:
        want = _from_query(store.query("directive_lineage", {"key": key}))
        assert analytics.lineage(graph, key, max_depth=DEPTH) == dict(sorted(want.items(), key=lambda kv: (kv[1], kv[0]))), key
        walked = lineage.walk(key, {}, lambda ks: store.query(lineage.EDGES_QUERY, {"directives": ks}),
                              max_depth=DEPTH, max_nodes=10_000)
        page = {(v["key"] or n.removeprefix("doc:")): v["depth"] for n, v in walked.nodes.items() if n != key}
        assert page == want, key
        chains += len(want) > 1
    assert chains  # some directive has a chain of more than one step


def test_the_cycle_is_counted_once_each_way(store):
    a, b = (own_key(d) for d in CYCLE)
    walked = lineage.walk(a, {}, lambda ks: store.query(lineage.EDGES_QUERY, {"directives": ks}))
    assert {n: v["depth"] for n, v in walked.nodes.items()} == {a: 0, b: -1}
    assert sorted((e["source"], e["target"]) for e in walked.edges) == sorted([(a, b), (b, a)])
    assert analytics.lineage(analytics.citation_graph(store), a) == {b: -1}


def test_every_edge_or_only_the_edges_touching_the_keys(store):
    every = store.query(lineage.EDGES_QUERY, {})
    assert every == store.query(lineage.EDGES_QUERY, {"directives": None})
    a = own_key(CYCLE[0])
    touching = store.query(lineage.EDGES_QUERY, {"directives": [a]})
    assert touching == [r for r in every if a in (r["key"], r["document_key"])]
    assert sum(r["citations"] for r in every) == len(store.cypher("MATCH (:Document)-[c:CITES]->(:Directive) RETURN c.ord AS o"))
