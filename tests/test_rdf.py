"""RDF export: a round trip (export, parse, isomorphic), the vocabulary, and the other formats."""

from __future__ import annotations

import csv
import zipfile

import networkx as nx
import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, SKOS

from graph import rdf, schema
from graph.embedded import EmbeddedStore
from graph.export import export, to_networkx
from graph.records import document_id
from tests import graph_docs as g


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("rdf") / "rdf.db")
    for d in g.corpus():
        s.upsert_document(d)
    feb = {i.id: f"{document_id(g.dh_feb())}#{i.id}" for i in g.dh_feb().items}
    mar = {i.id: f"{document_id(g.dh_mar())}#{i.id}" for i in g.dh_mar().items}
    s.replace_links("phường Đông Hải", [{"type": "FOLLOWED_BY", "from": feb["i3"], "to": mar["i1"], "verdict": "done",
                                          "score": 0.75, "evidence": "Tổ chức Tết"}])
    yield s
    s.close()


@pytest.mark.parametrize("fmt, parse_as", [("ttl", "turtle"), ("jsonld", "json-ld")])
@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
@pytest.mark.slow
def test_round_trip_is_isomorphic(store, tmp_path, fmt, parse_as, engine):
    out = tmp_path / f"graph.{fmt}"
    written = export(store, fmt, out, engine=engine)
    back = Graph().parse(out, format=parse_as)
    built = rdf.to_graph(store.dump())
    assert written["triples"] == len(built) == len(back)
    assert isomorphic(built, back)


@pytest.mark.slow
def test_citations_carry_their_eli_relation_and_prov_evidence(store):
    graph = rdf.to_graph(store.dump())
    ct05, nq57 = rdf.iri("Document", document_id(g.ct05())), rdf.iri("Directive", g.KEY_57)
    assert (ct05, rdf.ELI.based_on, nq57) in graph  # "Thực hiện ..." in ct05 is written based_on
    feb = rdf.iri("Document", document_id(g.dh_feb()))
    assert (feb, rdf.ELI.cites, nq57) in graph
    assert (feb, rdf.ELI.applies, rdf.iri("Directive", g.KEY_05)) in graph
    mentions = [m for m in graph.subjects(PROV.wasQuotedFrom, feb) if (m, rdf.VB.object, nq57) in graph]
    assert len(mentions) == 1
    text = g.dh_feb().text
    s, e = int(graph.value(mentions[0], rdf.VB.spanStart)), int(graph.value(mentions[0], rdf.VB.spanEnd))
    assert text[s:e] == str(graph.value(mentions[0], PROV.value)) == "Nghị quyết 57-NQ/TW"
    assert "57-NQ/TW" in str(graph.value(mentions[0], rdf.VB.evidence))
    # the ingested directive is realised by its text; themes are SKOS concepts in one scheme
    assert (rdf.iri("Directive", g.KEY_05), rdf.ELI.is_realized_by, rdf.iri("Document", document_id(g.ct05()))) in graph
    assert set(graph.subjects(RDF.type, SKOS.Concept)) == set(graph.subjects(SKOS.inScheme, rdf.THEMES))


def test_vocabulary_is_closed():
    assert rdf.VB.Directive == URIRef("urn:vanban:ns#Directive")
    with pytest.raises(AttributeError):
        rdf.VB.Directve  # noqa: B018 - a typo must raise, not mint a term


@pytest.mark.slow
def test_every_vb_term_used_is_declared(store):
    graph = rdf.to_graph(store.dump())
    ns = str(rdf.VB._NS)
    used = {str(t)[len(ns):] for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(ns)}
    assert used <= set(rdf.VB.__annotations__)


@pytest.mark.slow
def test_graphml_and_csv_hold_every_node_and_edge(store, tmp_path):
    counts = store.counts()
    n_nodes = sum(counts[n.label] for n in schema.NODES if n.label != "Meta")
    n_edges = sum(counts[r.type] for r in schema.RELS)
    info = export(store, "graphml", tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert (info["nodes"], info["edges"]) == (n_nodes, n_edges) == (back.number_of_nodes(), back.number_of_edges())
    export(store, "csv", tmp_path / "csv")
    with open(tmp_path / "csv" / "edges_CITES_Document_Directive.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == counts["CITES"] and {"from", "to", "evidence", "span_start"} <= set(rows[0])
    export(store, "csv", tmp_path / "graph.zip")
    with zipfile.ZipFile(tmp_path / "graph.zip") as z:
        assert "nodes_Document.csv" in z.namelist()
    assert to_networkx(store.dump(), include=("Document",)).number_of_edges() == counts["FOLLOWS_UP"]


@pytest.mark.slow
def test_unknown_format_lists_the_valid_ones(store, tmp_path):
    with pytest.raises(ValueError, match="ttl, jsonld, graphml, csv"):
        export(store, "xml", tmp_path / "x")
