"""The graph model, in one place: node tables, relationship tables, their properties.

Everything else is generated from these tables: the LadybugDB DDL
(:func:`ladybug_ddl`), the Neo4j constraints and indexes
(:func:`neo4j_constraints`), the rows :mod:`graph.records` builds, the
statements the stores write with, the export columns.

The model in one paragraph (docs/graph.md has the picture):

* ``Document`` — an ingested file's document (a notice, a resolution, a plan).
* ``Directive`` — a document *as a work that can be cited*, keyed by its
  citation key (``ingest.citation_resolver.citation_key``). Every citation points to
  one; every ingested document that has a number is one too. When a cited
  directive is itself ingested, its ``Directive`` node stays the same node and
  gains ``ingested = true``, ``ingested_document`` and an edge
  ``(Directive)-[:REALIZED_BY]->(Document)`` (ELI's ``is_realized_by``: the
  work and the text that expresses it). Two wards' "Nghị quyết số 02-NQ/ĐU"
  share a key: both documents realise the same Directive node instead of one
  overwriting the other.
* ``Item`` — a result, limitation, task, assignment of a document, with its
  span; ``verdict`` is written by the follow-through linker.
* ``Body``, ``Person``, ``Theme``, ``Unit``, ``Month`` — shared nodes, created
  on first mention and removed when nothing points to them any more.

Edges that come from text keep their evidence: the mention (``text``) and its
span (``span_start``/``span_end``) in ``Document.text``; ``CITES`` also keeps the sentence
(``evidence``) and its span.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

# item verdicts (CONTRACT.md), and those an inspector may set by hand (graph.review): ingest/data/verdicts.json
from ingest.vocabulary import REVIEW_VERDICTS as REVIEW_VERDICTS
from ingest.vocabulary import VERDICTS as VERDICTS

#: bumped when a table or property changes meaning; stored in the database.
SCHEMA_VERSION = "vanban.graph/4"

#: property types, as LadybugDB spells them.
TYPES = ("STRING", "INT64", "DOUBLE", "BOOLEAN")


@dataclass(frozen=True)
class Prop:
    name: str
    type: str = "STRING"
    doc: str = ""
    #: Neo4j gets a range index on it (the embedded store scans; it is fast enough).
    indexed: bool = False

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"property {self.name}: type {self.type!r} is not one of {', '.join(TYPES)}")


@dataclass(frozen=True)
class NodeTable:
    label: str
    key: str
    props: tuple[Prop, ...]
    doc: str
    #: owned nodes are replaced with their document; shared ones are merged
    #: and garbage-collected when nothing points to them.
    owned: bool = False

    @functools.cached_property
    def columns(self) -> tuple[str, ...]:  # cached: to_records asks for it once a row
        return tuple(p.name for p in self.props)

    def prop(self, name: str) -> Prop:
        for p in self.props:
            if p.name == name:
                return p
        raise KeyError(f"{self.label} has no property {name!r}; it has {', '.join(self.columns)}")


@dataclass(frozen=True)
class RelTable:
    type: str
    pairs: tuple[tuple[str, str], ...]
    props: tuple[Prop, ...]
    doc: str
    #: written by the follow-through linker, not by ingest.
    link: bool = False

    @functools.cached_property
    def columns(self) -> tuple[str, ...]:  # cached: to_records asks for it once a row
        return tuple(p.name for p in self.props)


def _p(name: str, type: str = "STRING", doc: str = "", indexed: bool = False) -> Prop:
    return Prop(name, type, doc, indexed)


# Spans of a mention in Document.text: Document.text[span_start:span_end] == text.
# ("end" is a reserved word in LadybugDB map literals: {end: 3} does not parse.)
_SPAN = (_p("text", doc="the mention as written"), _p("span_start", "INT64"), _p("span_end", "INT64"))

NODES: tuple[NodeTable, ...] = (
    NodeTable(
        "Document",
        "id",
        (
            _p("id", doc="stable id, see graph.records.document_id"),
            _p("key", doc="its own citation key when it has a number, else null", indexed=True),
            _p("doc_type"),
            _p("number"),
            _p("symbol"),
            _p("issuer"),
            _p("unit", indexed=True),
            _p("place"),
            _p("date", doc="ISO date, as precise as the document: 2026-03 or 2026-03-05"),
            _p("year", "INT64"),
            _p("title"),
            _p("reported_period", doc="YYYY-MM reviewed"),
            _p("planned_period", doc="YYYY-MM planned"),
            _p("reported_months", doc="every month reviewed, comma-separated: 2026-11,2026-12 (a two-month report)"),
            _p("planned_months", doc="every month planned, comma-separated"),
            _p("signer"),
            _p("source", doc="the file it came from"),
            _p("sha256"),
            _p("format"),
            _p("encoding"),
            _p("text", doc="the normalised text every span indexes into"),
            _p("folded", doc="ingest.normalize.fold of title, number/symbol, issuer, unit: for search"),
            _p("content_hash", doc="hash of the rows written: re-ingesting the same parse is a no-op"),
        ),
        "An ingested document.",
        owned=True,
    ),
    NodeTable(
        "Directive",
        "key",
        (
            _p("key", doc="citation key (ingest.citation_resolver.citation_key)"),
            _p("doc_type"),
            _p("number"),
            _p("symbol"),
            _p("year", "INT64"),
            _p("date"),
            _p("issuer"),
            _p("label", doc="how to show it: 'Nghị quyết số 57-NQ/TW'"),
            _p("folded", doc="fold(label + issuer): for search"),
            _p("ingested", "BOOLEAN", doc="true while a Document realises it"),
            _p("ingested_document", doc="id of the Document that realises it (the latest one)"),
        ),
        "A document as a citable work: cited, ingested, or both (the same node).",
    ),
    NodeTable(
        "Item",
        "id",
        (
            _p("id", doc="document id + '#' + item id"),
            _p("document"),
            _p("local_id", doc="i1, i2, ... as in vanban parse"),
            _p("ord", "INT64", doc="position in the document"),
            _p("path", doc="numbering: II.1.1, 2.2.1.b3"),
            _p("role", indexed=True),
            _p("period", indexed=True),
            _p("months", doc="every month the item may speak of, comma-separated (its own, else its document's)"),
            _p("section"),
            _p("text"),
            _p("span_start", "INT64"),
            _p("span_end", "INT64"),
            _p("folded"),
            _p("verdict", doc="tasks: done | partial | carried_over | silent | pending (the linker)", indexed=True),
            _p("verdict_source", doc="computed | human: who set the verdict (graph.linking.apply_reviews)"),
            _p("stable_key", doc="identity that survives a re-parse or a revised file (graph.records.stable_key)", indexed=True),
            _p("deadline", doc="tasks: by when, as precise as the text: 2026-08-20 or 2026-08 (ingest.deadlines)"),
            _p("deadline_due", doc="tasks: the last day that is on time, ISO date"),
            _p("deadline_source", doc="tasks: text (stated, span below) | default (the month planned)"),
            _p("deadline_start", "INT64", doc="span of the deadline in Document.text, when stated"),
            _p("deadline_end", "INT64"),
        ),
        "A result, limitation, task or assignment of a document.",
        owned=True,
    ),
    NodeTable(
        "Body",
        "id",
        (_p("id"), _p("name", indexed=True), _p("level"), _p("kind"), _p("folded")),
        "An organisation: Party committee, People's Committee, mass organisation, office.",
    ),
    NodeTable("Person", "id", (_p("id"), _p("name"), _p("folded")), "A person who signs or is named."),
    NodeTable("Theme", "id", (_p("id"), _p("label", indexed=True), _p("folded")), "A theme (SKOS concept)."),
    NodeTable("Unit", "id", (_p("id"), _p("name"), _p("folded")), "An administrative unit: phường Đồ Sơn."),
    NodeTable("Month", "id", (_p("id", doc="YYYY-MM"),), "A calendar month."),
    NodeTable(
        "Review",
        "id",
        (
            _p("id"),
            _p("unit", indexed=True),
            _p("action", doc="confirm | reject | link | verdict"),
            _p("kind", doc="FOLLOWED_BY | CARRIED_OVER"),
            _p("source_key", doc="stable_key of the task", indexed=True),
            _p("target_key", doc="stable_key of the result or later task (confirm, reject, link)"),
            _p("verdict", doc="the verdict set by hand (action verdict)"),
            _p("note"),
            _p("reviewer"),
            _p("at", doc="ISO 8601 timestamp, UTC"),
            _p("source_text", doc="the task's text when the decision was taken"),
            _p("target_text", doc="the target's text when the decision was taken"),
            _p("source_item", doc="the task's item id when the decision was taken"),
            _p("target_item", doc="the target's item id when the decision was taken"),
            _p("computed_score", "DOUBLE", doc="the linker's score of that link then (null: the linker did not propose it)"),
            _p("computed_verdict", doc="the task's verdict then (before the decision)"),
        ),
        "An inspector's decision on a month-to-month link or verdict; never touched by ingest or the linker.",
    ),
    NodeTable("Meta", "key", (_p("key"), _p("value")), "Store metadata: the schema version."),
)

RELS: tuple[RelTable, ...] = (
    RelTable("ISSUED_BY", (("Document", "Body"),), _SPAN, "The issuing body, from the header."),
    RelTable(
        "CITES",
        (("Document", "Directive"),),
        (
            _p("relation", doc="cites | based_on | applies | amends | repeals"),
            _p("kind", doc="numbered | short | named"),
            *_SPAN,
            _p("item", doc="id of the Item node it stands in, or null"),
            _p("evidence", doc="the sentence"),
            _p("evidence_start", "INT64"),
            _p("evidence_end", "INT64"),
            _p("ord", "INT64"),
        ),
        "A citation: the mention, the sentence it stands in, and their spans.",
    ),
    RelTable("REALIZED_BY", (("Directive", "Document"),), (), "The ingested text of a cited work."),
    RelTable("HAS_ITEM", (("Document", "Item"),), (_p("ord", "INT64"),), "Items of a document, in order."),
    RelTable(
        "ASSIGNED_TO",
        (("Item", "Body"),),
        (_p("role", doc="lead | partner"), *_SPAN),
        "The body an item assigns, as lead or partner.",
    ),
    RelTable(
        "MENTIONS",
        (("Document", "Body"), ("Document", "Person")),
        (*_SPAN, _p("item")),
        "A body or person named in the text without being assigned.",
    ),
    RelTable("ABOUT", (("Document", "Theme"), ("Item", "Theme")), (), "Theme of a document or an item."),
    RelTable(
        "SIGNED_BY",
        (("Document", "Person"),),
        (_p("title"), _p("authority", doc="T/M | T/L | KT. | ..."), *_SPAN),
        "The signer.",
    ),
    RelTable("ADDRESSED_TO", (("Document", "Body"),), (_p("text"), _p("ord", "INT64")), "A recipient ('Nơi nhận')."),
    RelTable("PART_OF", (("Document", "Unit"),), (), "The unit a document governs."),
    RelTable(
        "FOR_MONTH",
        (("Document", "Month"), ("Item", "Month")),
        (_p("kind", doc="documents: reported | planned; items: null"),),
        "The month a document reviews or plans, the month an item is about.",
    ),
    RelTable(
        "FOLLOWED_BY",
        (("Item", "Item"),),
        (_p("verdict", doc="done | partial"), _p("score", "DOUBLE"), _p("evidence"),
         _p("source", doc="computed | human (an inspector confirmed or made it)")),
        "A task answered by a later result of the same unit.",
        link=True,
    ),
    RelTable(
        "CARRIED_OVER",
        (("Item", "Item"),),
        (_p("score", "DOUBLE"), _p("source", doc="computed | human")),
        "A task planned again later.",
        link=True,
    ),
    RelTable("RECURS", (("Item", "Item"),), (_p("score", "DOUBLE"),), "A limitation that comes back.", link=True),
    RelTable(
        "FOLLOWS_UP",
        (("Document", "Document"),),
        (_p("score", "DOUBLE"),),
        "A document reviewing the month an earlier document of the unit planned.",
        link=True,
    ),
)

NODE_BY_LABEL: dict[str, NodeTable] = {n.label: n for n in NODES}
REL_BY_TYPE: dict[str, RelTable] = {r.type: r for r in RELS}
#: relationship types the follow-through linker owns.
LINK_TYPES: tuple[str, ...] = tuple(r.type for r in RELS if r.link)
#: node tables no document or edge touches: left alone by ingest, deletion and garbage collection.
DETACHED = ("Meta", "Review")
#: what an inspector may decide (graph.linking.apply_reviews), and on which links.
REVIEW_ACTIONS = ("confirm", "reject", "link", "verdict")
REVIEW_KINDS = ("FOLLOWED_BY", "CARRIED_OVER")


def node(label: str) -> NodeTable:
    """The node table of ``label``; a ``KeyError`` lists the valid labels."""
    try:
        return NODE_BY_LABEL[label]
    except KeyError:
        raise KeyError(f"no node table {label!r}; valid: {', '.join(NODE_BY_LABEL)}") from None


def rel(type: str) -> RelTable:
    """The relationship table of ``type``; a ``KeyError`` lists the valid types."""
    try:
        return REL_BY_TYPE[type]
    except KeyError:
        raise KeyError(f"no relationship table {type!r}; valid: {', '.join(REL_BY_TYPE)}") from None


def ladybug_ddl() -> list[str]:
    """``CREATE NODE/REL TABLE`` statements for LadybugDB, nodes first.

    >>> ladybug_ddl()[-1]
    'CREATE REL TABLE IF NOT EXISTS FOLLOWS_UP(FROM Document TO Document, score DOUBLE)'
    """
    out = []
    for n in NODES:
        cols = ", ".join(f"{p.name} {p.type}" for p in n.props)
        out.append(f"CREATE NODE TABLE IF NOT EXISTS {n.label}({cols}, PRIMARY KEY({n.key}))")
    for r in RELS:
        parts = [f"FROM {a} TO {b}" for a, b in r.pairs] + [f"{p.name} {p.type}" for p in r.props]
        out.append(f"CREATE REL TABLE IF NOT EXISTS {r.type}({', '.join(parts)})")
    return out


def neo4j_constraints() -> list[str]:
    """Uniqueness constraints on every node key, and the range indexes.

    >>> neo4j_constraints()[0]
    'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE'
    """
    out = [
        f"CREATE CONSTRAINT {n.label.lower()}_{n.key} IF NOT EXISTS FOR (n:{n.label}) REQUIRE n.{n.key} IS UNIQUE"
        for n in NODES
    ]
    out += [
        f"CREATE INDEX {n.label.lower()}_{p.name} IF NOT EXISTS FOR (n:{n.label}) ON (n.{p.name})"
        for n in NODES
        for p in n.props
        if p.indexed
    ]
    return out
