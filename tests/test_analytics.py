"""networkx measures read from a store (the doctests in graph/analytics.py show each on a tiny graph)."""

from __future__ import annotations

import pytest

from graph import analytics
from graph.embedded import EmbeddedStore
from graph.records import document_id
from tests import graph_docs as g

pytestmark = pytest.mark.slow  # reads a store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("analytics") / "a.db")
    for d in g.corpus():
        s.upsert_document(d)
    yield s
    s.close()


def test_lineage_agrees_with_the_named_query(store):
    graph = analytics.citation_graph(store)
    rows = store.query("directive_lineage", {"key": g.KEY_05})
    by_query = {(r["key"] or r["document"]): r["depth"] for r in rows}
    assert analytics.lineage(graph, g.KEY_05) == dict(sorted(by_query.items(), key=lambda kv: (kv[1], kv[0])))


@pytest.mark.parametrize(
    "weight, expected",
    [
        (None, {g.KEY_05: 3, g.KEY_57: 2}),  # ct05 is the same node as its key: it cites 57 once
        ("citations", {g.KEY_05: 3, g.KEY_57: 2}),
    ],
)
def test_most_cited(store, weight, expected):
    assert analytics.most_cited(analytics.citation_graph(store), weight=weight) == expected


def test_most_cited_agrees_with_the_named_query(store):
    rows = store.query("most_cited_directives", {})
    assert {r["key"]: r["documents"] for r in rows} == analytics.most_cited(analytics.citation_graph(store))


def test_task_load(store):
    graph = analytics.assignment_graph(store)
    assert analytics.task_load(graph) == {"ca-phuong-dong-hai": 1, "ubnd-phuong-dong-hai": 1, "ubnd-phuong-tay-son": 1}
    assert analytics.task_load(graph, role="partner") == {"ca-phuong-dong-hai": 1}
    assert analytics.task_load(graph, period="2026-03") == {}


def test_a_document_without_number_is_its_own_node(store):
    graph = analytics.citation_graph(store)
    feb = document_id(g.dh_feb())
    assert graph.nodes[feb]["kind"] == "document"
    assert set(graph.successors(feb)) == {g.KEY_05, g.KEY_57}
