"""The store contract: the same tests on every backend (LadybugDB embedded, Neo4j).

Documents come from the hand-built factory in ``tests/graph_docs.py``, so
what is checked here is the store, not the extractors. Expected numbers are
computed from the factory's documents, never copied from a run.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import replace

import pytest

from graph import schema
from graph.backends import open_store
from graph.embedded import EmbeddedStore
from graph.records import document_id, own_key, to_records
from graph.store import CypherStore
from ingest.models import Citation, Header
from tests import graph_docs as g
from tests.neo4j_server import neo4j_server  # noqa: F401 - session fixture
from vanban.errors import StoreError, WriteNotAllowed

pytestmark = pytest.mark.slow  # every test writes a store

BACKENDS = ["ladybug", pytest.param("neo4j", marks=pytest.mark.neo4j)]


def _open(request: pytest.FixtureRequest, tmp_path, read_only: bool = False, wipe: bool = True) -> CypherStore:
    if request.param == "ladybug":
        return EmbeddedStore(tmp_path / "graph.db", read_only=read_only)
    from graph.neo4j_store import Neo4jStore

    server = request.getfixturevalue("neo4j_server")
    store = Neo4jStore(server.uri, server.user, server.password, read_only=read_only)
    if wipe and not read_only:
        store.wipe()
    return store


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    s = _open(request, tmp_path)
    yield s
    s.close()


@pytest.fixture(params=BACKENDS)
def reopen(request, tmp_path):
    """``reopen(read_only)``: open the same store (the same file, the same server) again."""
    opened = []

    def _again(read_only: bool = False) -> CypherStore:
        s = _open(request, tmp_path, read_only=read_only, wipe=not opened)
        opened.append(s)
        return s

    yield _again
    for s in reversed(opened):
        s.close()


def expected_counts(docs) -> dict[str, int]:
    """What a store must hold after ingesting ``docs``, from the documents themselves."""
    keys = {c.key for d in docs for c in d.citations} | {own_key(d) for d in docs if own_key(d)}
    return {
        "Document": len({document_id(d) for d in docs}),
        "Item": sum(len(d.items) for d in docs),
        "CITES": sum(len(d.citations) for d in docs),
        "Directive": len(keys),
        "REALIZED_BY": sum(1 for d in docs if own_key(d)),
        "HAS_ITEM": sum(len(d.items) for d in docs),
        "ASSIGNED_TO": sum(1 for d in docs for b in d.bodies if b.role in ("lead", "partner")),
        "Theme": len({t.id for d in docs for t in d.themes}),
        "Unit": len({d.header.unit for d in docs if d.header.unit}),
        "Month": len({m for d in docs for m in (d.header.reported_period, d.header.planned_period,
                                                 *(i.period for i in d.items)) if m}),
    }


def subset(counts: dict[str, int], keys) -> dict[str, int]:
    return {k: counts[k] for k in keys}


# -- writing --------------------------------------------------------------------


def test_ingest_writes_every_document_item_citation(store):
    docs = g.corpus()
    results = [store.upsert_document(d) for d in docs]
    assert [r.status for r in results] == ["created"] * len(docs)
    want = expected_counts(docs)
    assert subset(store.counts(), want) == want


def test_reingest_changes_nothing(store):
    docs = g.corpus()
    for d in docs:
        store.upsert_document(d)
    before = store.counts()
    dump_before = store.dump()
    assert [store.upsert_document(d).status for d in docs] == ["unchanged"] * len(docs)
    assert store.counts() == before
    assert store.dump() == dump_before


def test_revised_document_replaces_items_and_edges_without_stale_nodes(store):
    only_here = Citation("Kết luận số 99-KL/TW", 0, 5, "Kết luận", "99", "KL/TW", 2025, None, None, "kl-99-only-here")
    original = g.numbered(g.dh_mar(), "15")  # a revision keeps number, symbol, issuer and year
    original = replace(original, citations=(*original.citations, only_here),
                       themes=(*original.themes, g.ThemeTag("only-here", "Chỉ ở đây", ("i1",))))
    for d in (g.ct05(), g.dh_feb(), original):
        store.upsert_document(d)
    assert store.cypher("MATCH (k:Directive {key: 'kl-99-only-here'}) RETURN k.key AS k")
    rev = replace(g.revised(original), themes=original.themes[:-1])  # drops its last item, citation, theme
    result = store.upsert_document(rev)
    assert (result.status, result.document) == ("replaced", document_id(original))
    assert (result.source, result.previous_source) == (rev.source.path, original.source.path)
    want = expected_counts([g.ct05(), g.dh_feb(), rev])
    assert subset(store.counts(), want) == want
    # the directive only the old version cited, its theme: gone; the item it lost: gone
    assert store.cypher("MATCH (k:Directive {key: 'kl-99-only-here'}) RETURN k.key AS k") == []
    assert store.cypher("MATCH (t:Theme {id: 'only-here'}) RETURN t.id AS t") == []
    lost = f"{document_id(original)}#{original.items[-1].id}"
    assert store.cypher("MATCH (i:Item {id: $id}) RETURN i.id AS i", {"id": lost}) == []
    text = store.cypher("MATCH (d:Document {id: $id}) RETURN d.text AS t", {"id": rev and document_id(rev)})
    assert text == [{"t": rev.text}]


def test_delete_document_leaves_no_trace(store):
    for d in (g.ct05(), g.dh_feb()):
        store.upsert_document(d)
    before = store.dump()
    store.upsert_document(g.ts_02())
    assert store.delete_document(document_id(g.ts_02())) is True
    assert store.dump() == before
    assert store.delete_document("no-such-document") is False


def test_failed_write_leaves_nothing_behind(store, monkeypatch):
    store.upsert_document(g.ct05())
    before = store.dump()

    def boom(self, tx, key, rows):
        raise RuntimeError("disk full")

    monkeypatch.setattr(type(store), "_create_rels", boom)
    with pytest.raises((StoreError, RuntimeError)):
        store.upsert_document(g.dh_feb())
    monkeypatch.undo()
    assert store.dump() == before
    assert store.upsert_document(g.dh_feb()).status == "created"  # and the store still works


def test_cited_directive_and_its_ingested_text_are_one_node(store):
    store.upsert_document(g.dh_feb())  # cites 05-CT/TU before it is ingested
    q = "MATCH (k:Directive {key: $key}) RETURN k.ingested AS ingested, k.ingested_document AS doc, k.label AS label"
    assert store.cypher(q, {"key": g.KEY_05}) == [{"ingested": False, "doc": None, "label": "Chỉ thị số 05-CT/TU"}]
    n_directives = store.counts()["Directive"]
    store.upsert_document(g.ct05())
    assert store.cypher(q, {"key": g.KEY_05}) == [{"ingested": True, "doc": document_id(g.ct05()), "label": "Chỉ thị số 05-CT/TU"}]
    assert store.counts()["Directive"] == n_directives  # 57-NQ/TW, which ct05 cites, dh_feb cites too
    # the citation made before the ingest reaches the ingested text through the same node
    rows = store.cypher(
        "MATCH (d:Document)-[:CITES]->(k:Directive)-[:REALIZED_BY]->(t:Document) RETURN d.id AS d, t.id AS t"
    )
    assert rows == [{"d": document_id(g.dh_feb()), "t": document_id(g.ct05())}]
    store.delete_document(document_id(g.ct05()))
    assert store.cypher(q, {"key": g.KEY_05})[0]["ingested"] is False  # still cited: stays, not ingested


def test_same_number_in_two_wards_is_two_documents_two_directives(store):
    # "02-NQ/ĐU" of one ward is not that of another: a ward's own numbering is scoped by its unit
    other = replace(g.ts_02(), header=replace(g.ts_02().header, unit="phường Đông Hải",
                                              issuer="Ban Thường vụ Đảng ủy phường Đông Hải"))
    store.upsert_document(g.ts_02())
    store.upsert_document(other)
    assert document_id(other) != document_id(g.ts_02())
    rows = store.cypher("MATCH (k:Directive)-[:REALIZED_BY]->(d:Document) WHERE k.key STARTS WITH $k "
                        "RETURN k.key AS key, d.unit AS unit ORDER BY unit", {"k": g.KEY_02})
    assert rows == [{"key": g.KEY_02 + "@phuong-tay-son", "unit": "phường Tây Sơn"},
                    {"key": g.KEY_02 + "@phuong-dong-hai", "unit": "phường Đông Hải"}]


def test_every_span_in_the_store_is_its_text(store):
    for d in g.corpus():
        store.upsert_document(d)
    dump = store.dump()
    texts = {r["id"]: r["text"] for r in dump.nodes["Document"]}
    items = {r["id"]: r["document"] for r in dump.nodes["Item"]}
    checked = 0
    for (type_, a, _b), rows in dump.rels.items():
        for r in rows:
            if r.get("span_start") is None:
                continue
            doc = texts[r["from"]] if a == "Document" else texts[items[r["from"]]]
            assert doc[r["span_start"]:r["span_end"]] == r["text"], (type_, r)
            if type_ == "CITES":
                assert doc[r["evidence_start"]:r["evidence_end"]] == r["evidence"]
            checked += 1
    for it in dump.nodes["Item"]:
        assert texts[it["document"]][it["span_start"]:it["span_end"]] == it["text"]
    assert checked >= expected_counts(g.corpus())["CITES"]


def test_bulk_load_equals_one_by_one(store, tmp_path):
    mar = g.numbered(g.dh_mar(), "15")
    docs = [*g.corpus(), mar, g.revised(mar)]  # a later version of a document in the same batch wins
    results = store.bulk_load(docs)
    assert [r.document for r in results] == [document_id(d) for d in docs]
    assert [r.status for r in results] == ["created"] * 5 + ["replaced"]
    one_by_one = EmbeddedStore(tmp_path / "one-by-one.db")
    for d in docs:
        one_by_one.upsert_document(d)
    assert store.dump() == one_by_one.dump()
    again = [g.ct05(), g.ts_02()]  # a store that is not empty takes upserts: nothing changes
    assert [r.status for r in store.bulk_load(again)] == ["unchanged"] * len(again)
    one_by_one.close()


# -- links of the follow-through linker ------------------------------------------


def _ids(doc):
    did = document_id(doc)
    return {i.id: f"{did}#{i.id}" for i in doc.items}


def test_replace_links_writes_and_replaces_a_units_links(store):
    for d in g.corpus():
        store.upsert_document(d)
    feb, mar = _ids(g.dh_feb()), _ids(g.dh_mar())
    links = [
        {"type": "FOLLOWED_BY", "from": feb["i3"], "to": mar["i1"], "verdict": "done", "score": 0.8, "evidence": "Tổ chức Tết an toàn"},
        {"type": "CARRIED_OVER", "from": feb["i4"], "to": mar["i3"], "score": 0.7},
        {"type": "RECURS", "from": feb["i2"], "to": mar["i2"], "score": 0.5},
        {"type": "FOLLOWS_UP", "from": document_id(g.dh_mar()), "to": document_id(g.dh_feb()), "score": 1.0},
        {"type": "verdict", "item": feb["i4"], "verdict": "carried_over"},
    ]
    assert store.replace_links("phường Đông Hải", links, verdicts={mar["i3"]: "pending"}) == 4
    rows = store.query("follow_through", {"unit": "phường Đông Hải", "period": "2026-02"})
    feb_doc, mar_doc = g.dh_feb(), g.dh_mar()
    assert [(r["task"], r["verdict"], r["result"], r["next_task"], r["evidence"]) for r in rows] == [
        (feb_doc.items[2].text, "done", mar_doc.items[0].text, None, "Tổ chức Tết an toàn"),
        (feb_doc.items[3].text, "carried_over", None, mar_doc.items[2].text, None),
    ]
    assert store.query("carry_over", {"unit": "phường Đông Hải"})[0]["score"] == pytest.approx(0.7)
    assert store.query("recurring_limitations", {})[0]["next_period"] == "2026-02"
    # again, with less: the old links and verdicts are gone
    assert store.replace_links("phường Đông Hải", links[:1]) == 1
    counts = store.counts()
    assert (counts["FOLLOWED_BY"], counts["CARRIED_OVER"], counts["RECURS"], counts["FOLLOWS_UP"]) == (1, 0, 0, 0)
    assert store.cypher("MATCH (i:Item) WHERE i.verdict IS NOT NULL RETURN i.id AS i") == []


def test_links_never_cross_units(store):
    for d in g.corpus():
        store.upsert_document(d)
    feb, ts = _ids(g.dh_feb()), _ids(g.ts_02())
    store.replace_links("phường Đông Hải", [{"type": "RECURS", "from": feb["i2"], "to": feb["i2"], "score": 1.0}])
    with pytest.raises(StoreError, match="not nodes of that unit"):
        store.replace_links("phường Đông Hải", [{"type": "CARRIED_OVER", "from": feb["i3"], "to": ts["i1"], "score": 0.9}])
    assert store.counts()["RECURS"] == 1  # the failed call changed nothing
    with pytest.raises(ValueError, match="not one of"):
        store.replace_links("phường Đông Hải", [{"type": "FOLLOWED_BY", "from": feb["i3"], "to": feb["i1"], "verdict": "maybe"}])


def test_links_of_several_units_are_written_together_or_not_at_all(store):
    """``replace_links_many``: one transaction for a batch of units (``vanban ingest`` writes 16 at a time)."""
    for d in g.corpus():
        store.upsert_document(d)
    feb, mar, ts = _ids(g.dh_feb()), _ids(g.dh_mar()), _ids(g.ts_02())
    ts_unit = g.ts_02().header.unit
    good = ("phường Đông Hải", [{"type": "RECURS", "from": feb["i2"], "to": mar["i2"], "score": 0.5}], None, None)
    other = (ts_unit, [{"type": "RECURS", "from": ts["i1"], "to": ts["i1"], "score": 0.4}], None, None)
    assert store.replace_links_many([good, other]) == {"phường Đông Hải": 1, ts_unit: 1}
    assert store.counts()["RECURS"] == 2
    # one unit of the batch names another unit's item: the whole batch is refused, nothing changes
    bad = (ts_unit, [{"type": "CARRIED_OVER", "from": ts["i1"], "to": feb["i3"], "score": 0.9}], None, None)
    with pytest.raises(StoreError, match="not nodes of that unit"):
        store.replace_links_many([(good[0], [], None, None), bad])
    assert store.counts()["RECURS"] == 2 and store.counts()["CARRIED_OVER"] == 0


# -- reading, read-only -------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "CREATE (n:X) RETURN n",
        "MATCH (d:Document) SET d.title = 'x'",
        "MATCH (d:Document) DETACH DELETE d",
        "MERGE (k:Directive {key: 'x'})",
    ],
)
def test_cypher_refuses_writes(store, query):
    store.upsert_document(g.ct05())
    before = store.counts()
    with pytest.raises(WriteNotAllowed):
        store.cypher(query)
    assert store.counts() == before


def test_engine_itself_refuses_writes_on_a_read_only_store(reopen):
    writer = reopen()
    writer.upsert_document(g.ct05())
    if writer.backend == "ladybug":
        writer.close()  # one writer per file: the reader below opens it read-only
    reader = reopen(read_only=True)
    # past the up-front check: the engine's read-only path must refuse on its own
    with pytest.raises(WriteNotAllowed):
        reader._read("CREATE (n:Document {id: 'sneaked-in'}) RETURN n.id AS id", {})
    with pytest.raises(WriteNotAllowed):
        reader.upsert_document(g.dh_feb())
    assert reader.cypher("MATCH (d:Document) RETURN d.id AS id") == [{"id": document_id(g.ct05())}]


def test_contract_queries_answer_on_the_small_corpus(store):
    for d in g.corpus():
        store.upsert_document(d)
    citing = store.query("citing_documents", {"key": g.KEY_57})
    assert {r["document"] for r in citing} == {document_id(g.ct05()), document_id(g.dh_feb())}
    feb = next(r for r in citing if r["document"] == document_id(g.dh_feb()))
    assert feb["evidence"] == "Hoàn thành cấp 300 tài khoản định danh điện tử theo Nghị quyết 57-NQ/TW của Bộ Chính trị."
    lineage = {(r["document"], r["key"], r["depth"]) for r in store.query("directive_lineage", {"key": g.KEY_05})}
    assert lineage == {
        (None, g.KEY_57, -1),  # 05-CT/TU cites 57-NQ/TW, which is not ingested
        (document_id(g.dh_feb()), None, 1),
        (document_id(g.dh_mar()), None, 1),
        (document_id(g.ts_02()), g.KEY_02 + "@phuong-tay-son", 1),  # a ward's own number is scoped by the ward
    }
    deep = {(r["document"], r["depth"]) for r in store.query("directive_lineage", {"key": g.KEY_57})}
    assert deep == {(document_id(g.ct05()), 1), (document_id(g.dh_feb()), 1),  # dh_feb cites 57 directly too
                    (document_id(g.dh_mar()), 2), (document_id(g.ts_02()), 2)}
    tasks = store.query("tasks_by_body", {"body": "Công an phường Đông Hải"})
    assert [(r["unit"], r["period"], r["role"]) for r in tasks] == [("phường Đông Hải", "2026-02", "partner")]
    docs = store.query("documents", {"unit": "phường Đông Hải"})
    assert [r["document"] for r in docs] == [document_id(g.dh_feb()), document_id(g.dh_mar())]
    assert len(store.query("documents", {})) == 4


def test_lineage_with_a_citation_cycle_counts_each_document_once(store):
    a = _numbered("1", "KL/TW", cites="2")
    b = _numbered("2", "KL/TW", cites="1")
    for d in (a, b):
        store.upsert_document(d)
    rows = store.query("directive_lineage", {"key": own_key(a)})
    assert sorted((r["key"], r["depth"]) for r in rows) == sorted([(own_key(b), 1), (own_key(b), -1)])


def _numbered(number: str, symbol: str, cites: str) -> g.ParsedDocument:
    text, m = g.spans(f"Số {number}-{symbol}\nKẾT LUẬN\nThực hiện [[Kết luận số {cites}-{symbol}]].\n")
    key = g.citation_key("Kết luận", cites, symbol, 2025)
    header = Header(doc_type="Kết luận", number=number, symbol=symbol, issuer="Bộ Chính trị", date="2025-05-01")
    cite = Citation(m[0][0], m[0][1], m[0][2], "Kết luận", cites, symbol, 2025, None, None, key)
    return g.ParsedDocument(g._src(f"kl{number}.txt", text), text, header, citations=(cite,))


def test_counts_and_dump_cover_the_schema(store):
    store.upsert_document(g.dh_feb())
    counts = store.counts()
    assert set(counts) == {n.label for n in schema.NODES if n.label != "Meta"} | {r.type for r in schema.RELS}
    dump = store.dump(include_text=False)
    assert "text" not in dump.nodes["Document"][0]
    assert set(dump.nodes["Item"][0]) == set(schema.node("Item").columns)
    recs = to_records(g.dh_feb())
    assert len(dump.rels[("CITES", "Document", "Directive")]) == recs.count("CITES")


# -- the embedded file: one writer, readers alongside -------------------------------

_WRITER = textwrap.dedent(
    """
    import sys, time
    from graph.embedded import EmbeddedStore
    from tests import graph_docs as g
    s = EmbeddedStore(sys.argv[1])
    s.upsert_document(g.ct05())
    print("open", flush=True)
    sys.stdin.readline()
    s.close()
    """
)


def test_embedded_one_writer_and_readers_alongside(tmp_path):
    path = tmp_path / "shared.db"
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True, cwd=str(__import__("pathlib").Path(__file__).resolve().parent.parent))
    try:
        assert writer.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="open for writing by another process"):
            EmbeddedStore(path)
        reader = open_store(db=str(path), read_only=True)
        assert reader.query("documents", {})[0]["document"] == document_id(g.ct05())
        reader.close()
    finally:
        writer.stdin.close()
        writer.wait(timeout=30)


def test_embedded_read_only_on_a_missing_file_says_so(tmp_path):
    with pytest.raises(StoreError, match="no database there yet"):
        EmbeddedStore(tmp_path / "nothing.db", read_only=True)


def test_embedded_store_makes_the_folders_of_a_new_database(tmp_path):
    """`vanban ingest --db stores/2026/ward.db` on a fresh machine: the folders are made, as any tool writing a file
    would; a folder that cannot be made is named."""
    s = EmbeddedStore(tmp_path / "stores" / "2026" / "ward.db")
    assert s.query("documents", {}) == []
    s.close()
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="cannot create the folder"):
        EmbeddedStore(tmp_path / "file" / "ward.db")


def test_open_store_chooses_the_backend_by_address(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    s = open_store(db=str(tmp_path / "x.db"))
    assert s.backend == "ladybug"
    s.close()
    with pytest.raises(StoreError, match="cannot connect"):
        open_store(db="bolt://127.0.0.1:9")  # a URI in --db means Neo4j


def test_embedded_long_lived_reader_sees_later_commits(tmp_path):
    writer = EmbeddedStore(tmp_path / "live.db")
    writer.upsert_document(g.ct05())
    reader = EmbeddedStore(tmp_path / "live.db", read_only=True)  # the explorer keeps one open
    assert len(reader.query("documents", {})) == 1
    writer.upsert_document(g.dh_feb())
    assert len(reader.query("documents", {})) == 2
    reader.close()
    writer.close()


def test_embedded_database_of_another_schema_is_refused(tmp_path):
    s = EmbeddedStore(tmp_path / "old.db")
    with s._transaction() as tx:
        tx.run("MATCH (m:Meta {key: 'schema'}) SET m.value = 'vanban.graph/0'")
    s.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match="holds a vanban.graph/0 graph"):
            EmbeddedStore(tmp_path / "old.db", read_only=read_only)


# -- identity: what is one document ----------------------------------------------------


def test_drafts_without_a_number_are_three_documents(store):
    """Three drafts of one issuer's notice, "Số -TB/ĐU", same month and title, in three files: three documents."""
    draft = g.dh_mar()
    drafts = [replace(g.revised(draft) if n else draft, source=replace(draft.source, path=f"/corpus/du-thao-{n}.txt"))
              for n in range(3)]
    assert [store.upsert_document(d).status for d in drafts] == ["created"] * 3
    assert store.counts()["Document"] == 3
    assert store.upsert_document(drafts[1]).status == "unchanged"  # the same file again is the same draft
    saved_again = replace(g.revised(drafts[1]), source=drafts[1].source)
    assert store.upsert_document(saved_again).status == "replaced"  # a draft saved again under its name replaces itself


@pytest.mark.parametrize(
    "change, same",
    [
        ({}, True),  # the same header: a revision
        ({"number": "16"}, False),
        ({"symbol": "KL/ĐU"}, False),
        ({"issuer": "Ủy ban Kiểm tra Đảng ủy phường Đông Hải"}, False),
        ({"date": "2027-03"}, False),  # another year's 15-TB/ĐU
        ({"number": "4J"}, False),  # OCR noise: no number, told apart by content
    ],
)
def test_a_revision_needs_number_symbol_issuer_and_year(change, same):
    base = g.numbered(g.dh_mar(), "15")
    other = g.revised(replace(base, header=replace(base.header, **change)))
    assert (document_id(other) == document_id(base)) is same


def test_an_ocr_number_gives_no_key_and_no_error():
    doc = g.numbered(g.dh_mar(), "4J")
    assert own_key(doc) is None
    assert to_records(doc).document_id == document_id(doc)


# -- batches, failures, durability bookkeeping --------------------------------------------


def test_bulk_load_appends_to_a_store_that_is_not_empty(store, tmp_path):
    """Batch after batch (COPY appends on the embedded store): the same graph as one upsert at a time."""
    mar = g.numbered(g.dh_mar(), "15")
    batches = [[g.ct05(), g.dh_feb()], [mar, g.ts_02()], [g.revised(mar), g.ts_02()]]
    got = [[r.status for r in store.bulk_load(b)] for b in batches]
    assert got == [["created", "created"], ["created", "created"], ["replaced", "unchanged"]]
    one_by_one = EmbeddedStore(tmp_path / "one-by-one.db")
    for b in batches:
        for d in b:
            one_by_one.upsert_document(d)
    assert store.dump() == one_by_one.dump()
    one_by_one.close()


def test_bulk_load_takes_rows_built_elsewhere(store, tmp_path):
    """``bulk_load(docs, records)`` (rows built by the parser's workers): the graph and results of ``bulk_load(docs)``."""
    mar = g.numbered(g.dh_mar(), "15")
    batches = [[g.ct05(), g.dh_feb()], [mar, g.ts_02()], [g.revised(mar), g.ts_02()]]
    # rows of some documents given, of others not (a worker that could not build them sends None)
    got = [[r.status for r in store.bulk_load(b, [to_records(d) if n % 2 == 0 else None for n, d in enumerate(b)])]
           for b in batches]
    assert got == [["created", "created"], ["created", "created"], ["replaced", "unchanged"]]
    plain = EmbeddedStore(tmp_path / "plain.db")
    for b in batches:
        plain.bulk_load(b)
    assert store.dump() == plain.dump()
    plain.close()
    if store.supports_copy:
        with pytest.raises(ValueError, match="2 records for 1 documents"):
            store.bulk_load([g.ct05()], [None, None])


def test_copy_files_type_every_column_as_the_schema_says(tmp_path):
    """The Parquet files COPY reads: typed rows as they are, a mistyped value converted as coerce_row converts it."""
    import pyarrow.parquet as pq

    from graph.embedded import _parquet
    from graph.store import coerce_row

    table = schema.node("Item")
    typed = [{"id": "a#1", "ord": 3, "text": "Đôn đốc", "span_start": 0, "extra": "not a column"}, {"id": "a#2"}]
    mistyped = [{"id": 7, "ord": "4", "span_end": 12.0}, {"id": "a#3", "ord": True}]
    for rows in (typed, mistyped):
        got = pq.read_table(_parquet(tmp_path / "t.parquet", table.props, rows, ())).to_pylist()
        assert got == [coerce_row(table.props, r) for r in rows]
    rel = schema.rel("HAS_ITEM")
    got = pq.read_table(_parquet(tmp_path / "r.parquet", rel.props, [{"from": "d", "to": "d#1", "ord": 0}], ("from", "to")))
    assert got.column_names == ["from", "to", "ord"] and got.to_pylist() == [{"from": "d", "to": "d#1", "ord": 0}]


def test_one_bad_document_fails_alone_in_a_batch(store):
    # a citation without a key: its Directive would have a null primary key, which the engine refuses
    bad = replace(g.ts_02(), citations=(replace(g.ts_02().citations[0], key=None),))
    results = store.bulk_load([g.ct05(), bad, g.dh_feb()])
    assert [r.status for r in results] == ["created", "failed", "created"]
    assert results[1].source == bad.source.path and results[1].reason.startswith("not stored: ")
    assert store.counts()["Document"] == 2
    assert store.cypher("MATCH (d:Document {id: $id}) RETURN d.id AS id", {"id": document_id(bad)}) == []


def test_units_are_stale_until_their_links_are_written(store):
    assert store.stale_units() == []
    for d in g.corpus():
        store.upsert_document(d)
    assert store.stale_units() == ["phường Tây Sơn", "phường Đông Hải", "thành phố Hải Phòng"]
    store.replace_links("phường Đông Hải", [])
    assert store.stale_units() == ["phường Tây Sơn", "thành phố Hải Phòng"]
    store.upsert_document(g.dh_feb())  # unchanged: the links still hold
    assert "phường Đông Hải" not in store.stale_units()
    store.delete_document(document_id(g.dh_feb()))
    assert "phường Đông Hải" in store.stale_units()


def test_recover_removes_what_a_batch_that_never_committed_left(store):
    """A batch's marker still there and its document stored: the engine kept part of it; it goes."""
    for d in (g.ct05(), g.dh_feb()):
        store.upsert_document(d)
    before = store.dump()
    recs = to_records(g.ts_02())
    store.upsert_document(g.ts_02())
    store._journal({recs.document_id: recs.content_hash, "never-written": "0"}, ["phường Tây Sơn"])  # as a batch does before writing
    got = store.recover()
    assert (got.removed, got.unfinished_batches, got.orphan_items) == ([recs.document_id], 1, 0)
    assert store.dump() == before
    assert "phường Tây Sơn" in got.stale_units
    assert store.upsert_document(g.ts_02()).status == "created"  # not "unchanged": it is written again
    assert not store.recover().repaired


def test_recover_removes_a_document_whose_items_lost_their_edge(store):
    """The symptom of a half-written document: Items without HAS_ITEM."""
    for d in (g.ct05(), g.dh_feb()):
        store.upsert_document(d)
    before = store.dump()
    store.upsert_document(g.dh_mar())
    with store._transaction() as tx:  # damage, as an engine that lost part of a transaction would leave
        tx.run("MATCH (d:Document {id: $id})-[r:HAS_ITEM]->(:Item) DELETE r", {"id": document_id(g.dh_mar())})
    got = store.recover()
    assert got.removed == [document_id(g.dh_mar())] and got.orphan_items == len(g.dh_mar().items)
    assert store.dump() == before
