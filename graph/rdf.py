"""The graph as RDF: ELI for documents and their relations, SKOS for themes,
PROV for evidence, and a closed vocabulary (:class:`VB`) for our own terms.

* ``Directive`` -> ``eli:LegalResource`` (the work: what citations point to);
  ``Document`` -> ``eli:LegalExpression`` (the ingested text); the work
  ``eli:is_realized_by`` its text.
* A citation is a direct triple (``eli:cites``, ``eli:based_on``,
  ``eli:applies``, ``eli:amends``, ``eli:repeals`` as the sentence says) plus a
  ``vb:Mention`` (a ``prov:Entity``) that ``prov:wasQuotedFrom`` the document,
  with the mention (``prov:value``), its span, the sentence and its span.
  Every other edge that came from text (issuer, assignments, mentions,
  signer) is qualified the same way; the follow-through links are qualified
  by a ``vb:Link`` holding score, verdict and evidence.
* Themes are ``skos:Concept`` in one ``skos:ConceptScheme``.

:func:`to_graph` builds an rdflib ``Graph``; :func:`serialize` writes it with
rdflib, or, for a large export, with pyoxigraph (the same triples, about 50
times faster: docs/graph.md has the figures).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS, DefinedNamespace

from graph.store import GraphDump

ELI = Namespace("http://data.europa.eu/eli/ontology#")
BASE = "urn:vanban:"


class VB(DefinedNamespace):
    """vanban's own terms. Closed: a term not listed here raises (``VB.Documnet`` is a typo, not a new term)."""

    _fail = True
    _NS = Namespace("urn:vanban:ns#")

    # classes
    Document: URIRef  # an ingested document (also eli:LegalExpression)
    Directive: URIRef  # a citable work (also eli:LegalResource)
    Item: URIRef  # a result, limitation, task, assignment of a document
    Body: URIRef
    Person: URIRef
    Unit: URIRef
    Mention: URIRef  # a span of text an edge came from (also prov:Entity)
    Link: URIRef  # a month-to-month link with its score
    # document and directive fields
    key: URIRef
    docType: URIRef
    number: URIRef
    symbol: URIRef
    unit: URIRef
    place: URIRef
    reportedPeriod: URIRef
    plannedPeriod: URIRef
    sha256: URIRef
    format: URIRef
    text: URIRef
    ingested: URIRef
    # items
    role: URIRef
    period: URIRef
    path: URIRef
    section: URIRef
    ordinal: URIRef
    verdict: URIRef
    spanStart: URIRef
    spanEnd: URIRef
    hasItem: URIRef
    # bodies
    level: URIRef
    kind: URIRef
    # edges
    assignedTo: URIRef
    mentions: URIRef
    signedBy: URIRef
    addressedTo: URIRef
    # qualified edges (mentions, links)
    subject: URIRef
    object: URIRef
    relation: URIRef
    evidence: URIRef
    evidenceStart: URIRef
    evidenceEnd: URIRef
    title: URIRef
    authority: URIRef
    score: URIRef
    followedBy: URIRef
    carriedOver: URIRef
    recurs: URIRef
    followsUp: URIRef


THEMES = URIRef(BASE + "themes")

#: CITES.relation -> the ELI property
CITATION_PROPERTY = {
    "cites": ELI.cites,
    "based_on": ELI.based_on,
    "applies": ELI.applies,
    "amends": ELI.amends,
    "repeals": ELI.repeals,
}
_EDGE_PROPERTY = {
    "ISSUED_BY": ELI.passed_by,
    "ASSIGNED_TO": VB.assignedTo,
    "MENTIONS": VB.mentions,
    "SIGNED_BY": VB.signedBy,
    "ADDRESSED_TO": VB.addressedTo,
    "ABOUT": ELI.is_about,
    "PART_OF": VB.unit,
    "HAS_ITEM": VB.hasItem,
    "REALIZED_BY": ELI.is_realized_by,
    "FOLLOWED_BY": VB.followedBy,
    "CARRIED_OVER": VB.carriedOver,
    "RECURS": VB.recurs,
    "FOLLOWS_UP": VB.followsUp,
}


def iri(label: str, key: str) -> URIRef:
    """The IRI of a node: ``urn:vanban:document:<id>`` (the id percent-encoded).

    >>> iri("Directive", "NQ:57-NQ/TW:2024")
    rdflib.term.URIRef('urn:vanban:directive:NQ%3A57-NQ%2FTW%3A2024')
    """
    return URIRef(f"{BASE}{label.lower()}:{quote(key, safe='')}")


def _when(value: str | None) -> Literal | None:
    """A date as precise as the document: xsd:date, xsd:gYearMonth or xsd:gYear."""
    if not value:
        return None
    dtype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(value))
    return Literal(value, datatype=dtype) if dtype else Literal(value)


def _lit(value: object) -> Literal | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(value, datatype=XSD.double)
    return Literal(str(value))


class _Rdflib:
    """Makes the terms of :func:`triples` (rdflib's; :class:`_Oxigraph` makes pyoxigraph's)."""

    iri = staticmethod(iri)
    when = staticmethod(_when)
    lit = staticmethod(_lit)
    bnode = staticmethod(BNode)

    @staticmethod
    def vi(text: str) -> Literal:
        return Literal(text, lang="vi")


class _Oxigraph:
    """The same terms as pyoxigraph objects: building rdflib Literals costs more than writing them."""

    def __init__(self) -> None:
        import pyoxigraph as ox

        self.ox = ox
        self._types = {t: ox.NamedNode(str(t)) for t in (XSD.date, XSD.gYearMonth, XSD.gYear, XSD.integer, XSD.double, XSD.boolean)}

    def iri(self, label: str, key: str):
        return self.ox.NamedNode(f"{BASE}{label.lower()}:{quote(key, safe='')}")

    def when(self, value: str | None):
        if not value:
            return None
        dtype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(value))
        return self.ox.Literal(value, datatype=self._types[dtype]) if dtype else self.ox.Literal(value)

    def lit(self, value: object):
        if value is None:
            return None
        if isinstance(value, bool):
            return self.ox.Literal("true" if value else "false", datatype=self._types[XSD.boolean])
        if isinstance(value, int):
            return self.ox.Literal(str(value), datatype=self._types[XSD.integer])
        if isinstance(value, float):
            return self.ox.Literal(Literal(value, datatype=XSD.double).__str__(), datatype=self._types[XSD.double])
        return self.ox.Literal(str(value))

    def bnode(self):
        return self.ox.BlankNode()

    def vi(self, text: str):
        return self.ox.Literal(text, language="vi")


def triples(dump: GraphDump, f=_Rdflib) -> Iterator[tuple]:
    """Every triple of the graph (the one place the mapping is written); ``f`` makes the terms."""
    iri, _lit, _when, BNode = f.iri, f.lit, f.when, f.bnode  # noqa: N806 - the names the mapping reads with

    def add(s, p, o):
        if o is not None:
            yield (s, p, o)

    yield (THEMES, RDF.type, SKOS.ConceptScheme)
    yield (THEMES, SKOS.prefLabel, f.vi("Chủ đề"))
    n = dump.nodes
    for d in n.get("Document", []):
        s = iri("Document", d["id"])
        yield (s, RDF.type, VB.Document)
        yield (s, RDF.type, ELI.LegalExpression)
        for p, col in ((VB.key, "key"), (VB.docType, "doc_type"), (VB.number, "number"), (VB.symbol, "symbol"),
                       (ELI.title, "title"), (VB.place, "place"), (DCTERMS.source, "source"), (VB.sha256, "sha256"),
                       (VB.format, "format"), (VB.text, "text"), (DCTERMS.creator, "issuer")):
            yield from add(s, p, _lit(d.get(col)))
        yield from add(s, ELI.date_document, _when(d.get("date")))
        yield from add(s, VB.reportedPeriod, _when(d.get("reported_period")))
        yield from add(s, VB.plannedPeriod, _when(d.get("planned_period")))
    for k in n.get("Directive", []):
        s = iri("Directive", k["key"])
        yield (s, RDF.type, VB.Directive)
        yield (s, RDF.type, ELI.LegalResource)
        for p, col in ((VB.key, "key"), (VB.docType, "doc_type"), (VB.number, "number"), (VB.symbol, "symbol"),
                       (RDFS.label, "label"), (DCTERMS.creator, "issuer"), (VB.ingested, "ingested")):
            yield from add(s, p, _lit(k.get(col)))
        yield from add(s, ELI.date_document, _when(k.get("date")))
    for i in n.get("Item", []):
        s = iri("Item", i["id"])
        yield (s, RDF.type, VB.Item)
        yield (s, DCTERMS.isPartOf, iri("Document", i["document"]))
        for p, col in ((VB.role, "role"), (VB.path, "path"), (VB.section, "section"), (VB.text, "text"),
                       (VB.ordinal, "ord"), (VB.spanStart, "span_start"), (VB.spanEnd, "span_end"), (VB.verdict, "verdict")):
            yield from add(s, p, _lit(i.get(col)))
        yield from add(s, VB.period, _when(i.get("period")))
    for body in n.get("Body", []):
        s = iri("Body", body["id"])
        yield (s, RDF.type, VB.Body)
        yield (s, RDF.type, PROV.Agent)
        yield from add(s, RDFS.label, _lit(body.get("name")))
        yield from add(s, VB.level, _lit(body.get("level")))
        yield from add(s, VB.kind, _lit(body.get("kind")))
    for p_ in n.get("Person", []):
        s = iri("Person", p_["id"])
        yield (s, RDF.type, VB.Person)
        yield (s, RDF.type, PROV.Person)
        yield from add(s, RDFS.label, _lit(p_.get("name")))
    for t in n.get("Theme", []):
        s = iri("Theme", t["id"])
        yield (s, RDF.type, SKOS.Concept)
        yield (s, SKOS.inScheme, THEMES)
        yield from add(s, SKOS.prefLabel, f.vi(t["label"]) if t.get("label") else None)
    for u in n.get("Unit", []):
        s = iri("Unit", u["id"])
        yield (s, RDF.type, VB.Unit)
        yield from add(s, RDFS.label, _lit(u.get("name")))

    for (type_, a, b), rows in sorted(dump.rels.items()):
        if type_ == "FOR_MONTH":
            continue  # months are the literals vb:period, vb:reportedPeriod, vb:plannedPeriod
        for r in rows:
            s, o = iri(a, r["from"]), iri(b, r["to"])
            prop = CITATION_PROPERTY.get(r.get("relation") or "cites", ELI.cites) if type_ == "CITES" else _EDGE_PROPERTY[type_]
            if type_ == "HAS_ITEM":
                continue  # said by the item's dcterms:isPartOf
            yield (s, prop, o)
            if r.get("span_start") is not None or r.get("evidence") or type_ in ("SIGNED_BY", "ADDRESSED_TO"):
                yield from _mention(f, type_, a, r, s, o, prop)
            elif "score" in r:
                q = BNode()
                yield (q, RDF.type, VB.Link)
                yield (q, VB.subject, s)
                yield (q, VB.object, o)
                yield (q, VB.relation, prop)
                for p, col in ((VB.score, "score"), (VB.verdict, "verdict"), (VB.evidence, "evidence")):
                    yield from add(q, p, _lit(r.get(col)))


def _mention(f, type_: str, a: str, r: dict, s: URIRef, o: URIRef, prop: URIRef) -> Iterator[tuple]:
    """The qualified edge: a prov:Entity quoted from the document, with spans."""
    m = f.bnode()
    doc = s if a == "Document" else None
    yield (m, RDF.type, VB.Mention)
    yield (m, RDF.type, PROV.Entity)
    yield (m, VB.subject, s)
    yield (m, VB.object, o)
    yield (m, VB.relation, prop)
    if doc is not None:
        yield (m, PROV.wasQuotedFrom, doc)
    for p, col in ((PROV.value, "text"), (VB.spanStart, "span_start"), (VB.spanEnd, "span_end"), (VB.role, "role"),
                   (VB.evidence, "evidence"), (VB.evidenceStart, "evidence_start"), (VB.evidenceEnd, "evidence_end"),
                   (VB.kind, "kind"), (VB.title, "title"), (VB.authority, "authority"), (VB.ordinal, "ord")):
        v = f.lit(r.get(col))
        if v is not None:
            yield (m, p, v)
    if r.get("item"):
        yield (m, DCTERMS.isPartOf, f.iri("Item", r["item"]))


PREFIXES = {"eli": ELI, "vb": VB._NS, "skos": SKOS, "prov": PROV, "dcterms": DCTERMS, "rdfs": RDFS, "xsd": XSD}


def to_graph(dump: GraphDump) -> Graph:
    """An rdflib graph of the whole store."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for t in triples(dump):
        g.add(t)
    return g


#: above about this many triples, ``engine="auto"`` writes with pyoxigraph
OXIGRAPH_FROM = 50_000
FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}


def serialize(dump: GraphDump, fmt: str, out: str | Path, engine: str = "auto") -> int:
    """Write the graph as ``ttl``, ``jsonld`` or ``nt``; returns the number of triples.

    ``engine``: ``rdflib``, ``oxigraph`` or ``auto`` (oxigraph above :data:`OXIGRAPH_FROM` triples).
    """
    if fmt not in FORMATS:
        raise ValueError(f"RDF format {fmt!r} is not one of {', '.join(FORMATS)}")
    if engine not in ("auto", "rdflib", "oxigraph"):
        raise ValueError(f"engine {engine!r} is not one of auto, rdflib, oxigraph")
    if engine == "auto":
        n = sum(len(v) for v in dump.nodes.values()) * 6 + sum(len(v) for v in dump.rels.values()) * 8
        engine = "oxigraph" if n > OXIGRAPH_FROM else "rdflib"
    if engine == "rdflib":
        g = to_graph(dump)
        if fmt == "jsonld":
            g.serialize(destination=str(out), format=FORMATS[fmt], auto_compact=True)
        else:
            g.serialize(destination=str(out), format=FORMATS[fmt])
        return len(g)
    return _oxigraph(dump, fmt, Path(out))


def _oxigraph(dump: GraphDump, fmt: str, out: Path) -> int:
    import pyoxigraph as ox

    f = _Oxigraph()
    known: dict[URIRef, ox.NamedNode] = {}

    def term(t):  # the vocabulary's constants are rdflib URIRefs: a few dozen, converted once
        if isinstance(t, URIRef):
            n = known.get(t)
            if n is None:
                n = known[t] = ox.NamedNode(str(t))
            return n
        return t

    quads = {ox.Triple(term(s), term(p), term(o)) for s, p, o in triples(dump, f)}
    fmt_ = {"ttl": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD, "nt": ox.RdfFormat.N_TRIPLES}[fmt]
    with open(out, "wb") as fh:
        if fmt == "ttl":
            ox.serialize(quads, fh, fmt_, prefixes={k: str(v) for k, v in PREFIXES.items()})
        else:
            ox.serialize(quads, fh, fmt_)
    return len(quads)
