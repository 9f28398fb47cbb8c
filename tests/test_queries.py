"""Named queries: headers, parameters, contract columns, and every query on both backends.

The strongest check is the last one: every query gives the same rows on
LadybugDB and on Neo4j over a corpus with a citation cycle, optional
parameters given and left null. A query that leans on one engine's reading
of Cypher (a walk that reuses an edge, a null parameter typed as boolean,
1-based lists) shows up there.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph import queries
from graph.embedded import EmbeddedStore
from graph.records import document_id, own_key
from graph.store import check_read_only
from tests import graph_docs as g
from tests.neo4j_server import neo4j_server  # noqa: F401 - session fixture
from tests.test_store_contract import _numbered
from vanban.errors import QueryNotFound, QueryParameterError, WriteNotAllowed

ALL = queries.names()

#: CONTRACT.md: these names, parameters and columns are fixed.
CONTRACT = {
    "documents": ({"unit"}, ["document", "doc_type", "number", "symbol", "issuer", "unit", "date", "reported_period",
                             "planned_period", "source", "sha256"]),
    "citing_documents": ({"key"}, ["document", "doc_type", "number", "symbol", "unit", "date", "evidence"]),
    "directive_lineage": ({"key"}, ["document", "key", "doc_type", "issuer", "date", "depth"]),
    "follow_through": ({"unit", "period"}, ["unit", "period", "task", "verdict", "result", "next_task", "score", "evidence"]),
    "carry_over": ({"unit"}, ["unit", "from_period", "from_task", "to_period", "to_task", "score"]),
    "recurring_limitations": ({"unit"}, ["unit", "period", "limitation", "next_period", "next_limitation", "score"]),
    "tasks_by_body": ({"body"}, ["unit", "period", "task", "role"]),
    "themes_by_month": ({"unit"}, ["theme", "period", "items"]),
}

#: a value for every parameter name any query declares (a new name must be added here)
VALUES = {"key": g.KEY_05, "unit": "phường Đông Hải", "period": "2026-02", "body": "ủy ban nhân dân", "q": "dong hai",
          "role": "task", "limit": 3, "document": document_id(g.dh_feb()), "item": f"{document_id(g.dh_feb())}#i3",
          "reviewer": "lan", "from_period": "2026-01", "to_period": "2026-03", "verdicts": ["done", "carried_over"],
          "bodies": ["Ủy ban nhân dân phường Đông Hải", "Công an phường Đông Hải"], "themes": ["Chuyển đổi số"],
          "directives": [g.KEY_05], "text": "tết", "items": [f"{document_id(g.dh_feb())}#i3", f"{document_id(g.dh_feb())}#i4"],
          "skip": 0, "link": "carried_over"}


def _corpus():
    return [*g.corpus(), _numbered("1", "KL/TW", cites="2"), _numbered("2", "KL/TW", cites="1")]


def _links(store) -> None:
    feb = {i.id: f"{document_id(g.dh_feb())}#{i.id}" for i in g.dh_feb().items}
    mar = {i.id: f"{document_id(g.dh_mar())}#{i.id}" for i in g.dh_mar().items}
    store.replace_links("phường Đông Hải", [
        {"type": "FOLLOWED_BY", "from": feb["i3"], "to": mar["i1"], "verdict": "done", "score": 0.8, "evidence": "Tết"},
        {"type": "CARRIED_OVER", "from": feb["i4"], "to": mar["i3"], "score": 0.7},
        {"type": "RECURS", "from": feb["i2"], "to": mar["i2"], "score": 0.5},
    ], verdicts={feb["i4"]: "carried_over", mar["i3"]: "pending"})


@pytest.fixture(scope="module")
def ladybug_store(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("queries") / "q.db")
    for d in _corpus():
        s.upsert_document(d)
    _links(s)
    yield s
    s.close()


@pytest.fixture(scope="module")
def neo4j_store(request):
    from graph.neo4j_store import Neo4jStore

    server = request.getfixturevalue("neo4j_server")
    s = Neo4jStore(server.uri, server.user, server.password)
    s.wipe()
    for d in _corpus():
        s.upsert_document(d)
    _links(s)
    yield s
    s.close()


@pytest.fixture(params=["ladybug", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def loaded(request):
    return request.getfixturevalue(f"{request.param}_store")


# -- the files ------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL)
def test_declared_and_used_params_agree(name):
    q = queries.get(name)
    declared = {p.name for p in q.params}
    for dialect, text in q.texts.items():
        assert queries.used_params(text) == declared, f"{name} ({dialect or 'common'})"
    assert q.description, name


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_queries_exist_with_their_params(name):
    q = queries.get(name)
    assert {p.name for p in q.params} == CONTRACT[name][0]


def test_every_param_name_has_a_sample_value():
    names = {p.name for n in ALL for p in queries.get(n).params}
    assert names <= set(VALUES), f"add a value for {names - set(VALUES)} to VALUES"


# -- running --------------------------------------------------------------------


def _required(name):
    return {p.name: VALUES[p.name] for p in queries.get(name).params if not p.optional}


def _all(name):
    return {p.name: VALUES[p.name] for p in queries.get(name).params}


@pytest.mark.parametrize("name", ALL)
@pytest.mark.slow
def test_every_query_runs_with_optional_params_null_and_given(loaded, name):
    for params in (_required(name), _all(name)):
        rows = loaded.query(name, params)
        assert isinstance(rows, list)


@pytest.mark.parametrize("name", sorted(CONTRACT))
@pytest.mark.slow
def test_contract_columns(loaded, name):
    rows = loaded.query(name, _required(name))
    assert rows, f"{name} returned nothing on the test corpus"
    # the contract's columns first, in order; the project may add more after them (follow_through: source ...)
    assert list(rows[0])[: len(CONTRACT[name][1])] == CONTRACT[name][1]


def _rows(store, name, params):
    rows = store.query(name, params)
    text = queries.get(name).text(store.dialect)
    ordered = "ORDER BY" in text.rsplit("RETURN", 1)[-1] and "UNION" not in text
    out = [tuple(sorted(r.items())) for r in rows]
    return out if ordered else sorted(out, key=repr)


@pytest.mark.neo4j
@pytest.mark.parametrize("name", ALL)
@pytest.mark.slow
def test_both_backends_give_the_same_rows(ladybug_store, neo4j_store, name):
    for params in (_required(name), _all(name)):
        assert _rows(ladybug_store, name, params) == _rows(neo4j_store, name, params), (name, params)


@pytest.mark.slow
def test_optional_params_filter(ladybug_store):
    everyone = ladybug_store.query("documents", {})
    one = ladybug_store.query("documents", {"unit": "phường Đông Hải"})
    assert 0 < len(one) < len(everyone)
    assert {r["unit"] for r in one} == {"phường Đông Hải"}


@pytest.mark.slow
def test_search_is_accent_insensitive(ladybug_store):
    with_accents = ladybug_store.query("search", {"q": "Đông Hải"})
    without = ladybug_store.query("search", {"q": "DONG HAI"})
    # a UNION's row order is not defined: the same hits, in any order (the explorer sorts them)
    assert sorted(map(repr, with_accents)) == sorted(map(repr, without))
    assert {r["kind"] for r in without} >= {"Document", "Body"}
    assert {r["kind"] for r in ladybug_store.query("search", {"q": "định danh"})} == {"Item"}


@pytest.mark.slow
def test_lineage_of_a_cycle_has_each_document_once(loaded):
    rows = loaded.query("directive_lineage", {"key": own_key(_numbered("1", "KL/TW", cites="2"))})
    assert sorted(r["depth"] for r in rows) == [-1, 1]


# -- parameters -----------------------------------------------------------------


@pytest.mark.parametrize(
    "type_, given, bound",
    [
        ("int", "12", 12),
        ("float", "0.5", 0.5),
        ("bool", "yes", True),
        ("bool", "false", False),
        ("month", "2026-03", "2026-03"),
        ("folded", "Ủy ban  nhân dân", "uy ban nhan dan"),  # accents off, spaces squeezed
        ("string", "phường Đồ Sơn", "phường Đồ Sơn"),  # strings are bound as given
    ],
)
def test_param_conversion(type_, given, bound):
    assert queries.convert(queries.Param("p", type_, False, ""), given) == bound


@pytest.mark.parametrize(
    "type_, given",
    [("int", "twelve"), ("month", "2026-13"), ("month", "03/2026"), ("bool", "perhaps"), ("float", "x")],
)
def test_param_conversion_refuses(type_, given):
    with pytest.raises(QueryParameterError, match=f"is not a {type_}"):
        queries.convert(queries.Param("p", type_, False, ""), given)


def test_unknown_missing_and_default_params():
    with pytest.raises(QueryParameterError, match=r"unknown parameter colour; it takes unit \(string\?\)"):
        queries.bind(queries.get("documents"), {"colour": "red"})
    with pytest.raises(QueryParameterError, match="parameter key .* is required"):
        queries.bind(queries.get("citing_documents"), {})
    assert queries.bind(queries.get("most_cited_directives"), {}) == {"unit": None, "limit": 20}
    with pytest.raises(QueryNotFound, match="queries: .*citing_documents"):
        queries.get("no_such_query")


def test_dialect_files_are_chosen_per_backend(tmp_path, monkeypatch):
    header = "// name: q\n// description: d\n// param unit: string? — u\n"
    (tmp_path / "q.cypher").write_text(header + "MATCH (d:Document) WHERE $unit IS NULL RETURN 'common' AS x")
    (tmp_path / "q.ladybug.cypher").write_text(header + "MATCH (d:Document) WHERE $unit IS NULL RETURN 'ladybug' AS x")
    loaded_ = queries.load(tmp_path)
    assert "'ladybug'" in loaded_["q"].text("ladybug")
    assert "'common'" in loaded_["q"].text("neo4j")
    (tmp_path / "q.neo4j.cypher").write_text("// name: q\n// description: d\nRETURN 1 AS x")
    with pytest.raises(ValueError, match="params differ"):
        queries.load(tmp_path)


@pytest.mark.parametrize(
    "text, problem",
    [
        ("// name: q\nRETURN 1", "opens with '// name:' and '// description:'"),
        ("// name: q\n// description: d\n// param x: colour — ?\nRETURN $x", "type 'colour' is not one of"),
        ("// name: q\n// description: d\n// param x string\nRETURN $x", "bad param line"),
    ],
)
def test_malformed_headers_are_refused(text, problem):
    with pytest.raises(ValueError, match=problem):
        queries.parse_header(text)


# -- read-only guard ------------------------------------------------------------


@pytest.mark.parametrize(
    "query, is_write",
    [
        ("MATCH (d:Document) RETURN d.id", False),
        ("MATCH (d:Document) RETURN 'CREATE' AS word, \"SET\" AS other", False),  # inside strings
        ("MATCH (d:Document) // DELETE everything\nRETURN d", False),  # inside a comment
        ("MATCH (d:Document) RETURN d.created, d.set, $delete", False),  # properties and parameters
        ("create (n:X)", True),  # any case
        ("MATCH (d) DETACH DELETE d", True),
        ("MATCH (d) SET d.x = 1", True),
        ("MATCH (d) REMOVE d.x", True),
        ("MERGE (n:X {id: 1})", True),
        ("COPY Document FROM 'x.csv'", True),  # LadybugDB bulk load
        ("LOAD FROM 'x.csv' RETURN *", True),
        ("DROP TABLE Document", True),
        ("MATCH (d) FOREACH (x IN [1] | SET d.y = x)", True),
    ],
)
def test_read_only_guard(query, is_write):
    if is_write:
        with pytest.raises(WriteNotAllowed):
            check_read_only(query)
    else:
        check_read_only(query)


# -- the differences the suite is here to catch -----------------------------------


@pytest.mark.neo4j
@pytest.mark.parametrize(
    "probe, ladybug, neo4j",
    [
        # labels(n): a string on LadybugDB, a list on Neo4j
        ("MATCH (d:Document {id: $doc}) RETURN labels(d) AS v", "Document", ["Document"]),
        # list indexing: 1-based on LadybugDB
        ("RETURN [10, 20, 30][1] AS v", 10, 20),
        # var-length paths: LadybugDB walks may reuse an edge, Neo4j's trails may not
        ("MATCH p = (k:Directive {key: $k1})-[:REALIZED_BY|CITES*1..8]->() RETURN count(p) AS v", 8, 4),
    ],
)
@pytest.mark.slow
def test_known_engine_differences(ladybug_store, neo4j_store, probe, ladybug, neo4j):
    params = {"doc": document_id(g.ct05()), "k1": own_key(_numbered("1", "KL/TW", cites="2"))}
    params = {k: v for k, v in params.items() if f"${k}" in probe}
    assert ladybug_store.cypher(probe, params) == [{"v": ladybug}]
    assert neo4j_store.cypher(probe, params) == [{"v": neo4j}]


@pytest.mark.slow
def test_null_parameter_typing_is_handled_for_named_queries(ladybug_store):
    # LadybugDB types a bare null parameter as BOOLEAN: "$unit IS NULL OR d.unit = $unit" then fails ...
    with pytest.raises(Exception, match="boolean|BOOL"):
        ladybug_store._read("MATCH (d:Document) WHERE $unit IS NULL OR d.unit = $unit RETURN d.id AS id", {"unit": None})
    # ... so named queries bind a null as the type their header declares
    assert len(ladybug_store.query("documents", {"unit": None})) == len(_corpus())


def test_queries_dir_holds_only_loadable_files():
    here = Path(queries.queries_dir())
    assert sorted(p.name.split(".")[0] for p in here.glob("*.cypher")) == sorted(
        n for n in ALL for _ in queries.get(n).texts
    )



@pytest.fixture(scope="module")
def synthetic_store(tmp_path_factory):
    """Four synthetic wards × 12 notices, linked: big enough that the planner's choices are the real ones."""
    from graph.loader import ingest_paths
    from vanban import synth

    root = tmp_path_factory.mktemp("plans")
    files = synth.generate_corpus(root / "corpus", 48, months=12)
    s = EmbeddedStore(root / "s.db")
    ingest_paths(s, files, link=True, workers=1)
    yield s
    s.close()


def _scans(store, name: str, params: dict) -> list[int]:
    """How many rows each node-table scan of the LadybugDB plan of ``name`` reads (PROFILE)."""
    text, bound = queries.prepare(name, params, store.dialect)
    text = store._bind_nulls(text, bound, queries.get(name).types)  # typed nulls, as store.query does
    res = store._conn.execute("PROFILE " + text, bound)
    try:
        plan = res.get_next()[0]
    finally:
        res.close()
    found = []
    for line in plan.splitlines():
        found += re.findall(r"│\s*([A-Z_]+)\[\d+\]\s*│", line)
    counts = [int(x) for x in re.findall(r"NumOutputTuples: (\d+)", plan)]
    return [n for op, n in zip(found, counts, strict=False) if op == "SCAN_NODE_TABLE"]


@pytest.mark.slow
@pytest.mark.parametrize("name", [n for n in ALL if "unit" in {p.name for p in queries.get(n).params}])
def test_a_unit_query_reads_the_units_items_not_every_item(synthetic_store, name):
    """LadybugDB has no secondary index: a filter on an item's role in the MATCH makes it scan every item of
    the store (the cost then grows with the country); filtered after a WITH, it extends from the unit's documents."""
    conn = synthetic_store._conn
    unit = conn.execute("MATCH (d:Document) RETURN d.unit ORDER BY d.unit LIMIT 1").get_next()[0]
    total = conn.execute("MATCH (i:Item) RETURN count(i)").get_next()[0]
    params = {**_all(name), "unit": unit, "items": None, "text": None, "verdicts": None}
    params = {k: v for k, v in params.items() if k in {p.name for p in queries.get(name).params}}
    assert max(_scans(synthetic_store, name, params), default=0) < total / 2, name


# -- the explorer's pages and counts (issue "National scale") -------------------------
# Each paged query gives a slice of the full query it pages, in the same order, and each count
# the size of what it counts: the explorer reads a page and a total, never the whole list.


def _slices(full: list, page) -> None:
    for skip, limit in ((0, 1), (0, 2), (1, 2), (2, 50), (len(full), 5)):
        assert page(skip, limit) == full[skip: skip + limit], (skip, limit)


@pytest.mark.parametrize("key", [g.KEY_05, "no such key"])
def test_citing_documents_page_is_a_page_of_citing_documents(loaded, key):
    full = loaded.query("citing_documents", {"key": key})
    _slices(full, lambda skip, limit: loaded.query("citing_documents_page", {"key": key, "skip": skip, "limit": limit}))
    summary = loaded.query("directive_summary", {"key": key})
    assert len(summary) == 1 and summary[0]["documents"] == len(full)
    assert summary[0]["units"] == len({r["unit"] for r in full if r["unit"]})
    if key == g.KEY_05:
        assert len(full) >= 2  # the slices above are not all empty


def test_directive_months_and_units_sum_the_timeline(loaded):
    timeline = loaded.query("directive_timeline", {"key": g.KEY_05})
    months = loaded.query("directive_months", {"key": g.KEY_05})
    assert [r["month"] for r in months] == sorted({r["month"] for r in timeline})
    for m in months:
        rows = [r for r in timeline if r["month"] == m["month"]]
        assert (m["units"], m["citations"]) == (len({r["unit"] for r in rows}), sum(r["citations"] for r in rows))
    units = loaded.query("directive_units_page", {"key": g.KEY_05, "limit": 1000})
    summary = loaded.query("directive_summary", {"key": g.KEY_05})[0]
    assert len(units) == summary["units"] and sum(u["citations"] for u in units) == summary["citations"]
    assert sum(u["documents"] for u in units) == summary["documents"]
    assert loaded.query("directive_units_page", {"key": g.KEY_05, "limit": 1}) == units[:1]


def test_overview_counts_count_what_documents_and_units_list(loaded):
    docs, units = loaded.query("documents", {}), loaded.query("units", {})
    c = loaded.query("overview_counts", {})
    assert c == [{"documents": len(docs), "units": len(units), "first": min(u["first"] for u in units),
                  "last": max(u["last"] for u in units)}]
    one = loaded.query("overview_counts", {"unit": "phường Đông Hải"})[0]
    assert one["documents"] == len(loaded.query("documents", {"unit": "phường Đông Hải"})) > 0 and one["units"] == 1
    assert loaded.query("overview_counts", {"unit": "no such unit"})[0]["documents"] == 0


def test_documents_page_is_documents_newest_first(loaded):
    newest = list(reversed(loaded.query("documents", {})))
    assert len(newest) >= 3
    _slices(newest, lambda skip, limit: loaded.query("documents_page", {"skip": skip, "limit": limit}))
    mine = list(reversed(loaded.query("documents", {"unit": "phường Đông Hải"})))
    assert loaded.query("documents_page", {"unit": "phường Đông Hải", "limit": 100}) == mine


def test_units_page_is_units_a_page_at_a_time_and_finds_a_name_without_accents(loaded):
    units = loaded.query("units", {})
    assert len(units) >= 2
    _slices(units, lambda skip, limit: loaded.query("units_page", {"skip": skip, "limit": limit}))
    assert [r["unit"] for r in loaded.query("units_page", {"q": "DONG hai"})] == ["phường Đông Hải"]
    assert [r["unit"] for r in loaded.query("units_page", {"q": "Đông Hải"})] == ["phường Đông Hải"]


def test_directives_page_is_directives_a_page_at_a_time(loaded):
    full = loaded.query("directives", {})
    assert len(full) >= 3
    _slices(full, lambda skip, limit: loaded.query("directives_page", {"skip": skip, "limit": limit}))
    assert loaded.query("directives_page", {"key": g.KEY_05}) == [r for r in full if r["key"] == g.KEY_05]
    found = loaded.query("directives_page", {"q": "05-ct/tu"})
    assert g.KEY_05 in {r["key"] for r in found} and len(found) < len(full)
    # a directive is found by its key too ("154/2025" for Nghị định 154/2025/NĐ-CP, whose label has no year)
    from ingest.normalize import fold

    for r in full:
        assert r["key"] in {x["key"] for x in loaded.query("directives_page", {"q": fold(r["key"]), "limit": 1000})}, r["key"]


def test_lineage_level_is_lineage_edges_at_most_limit_rows_up_first(loaded):
    keys = [g.KEY_05, own_key(_numbered("1", "KL/TW", cites="2"))]
    for k in ([g.KEY_05], keys):
        full = loaded.query("lineage_edges", {"directives": k})
        every = loaded.query("lineage_level", {"directives": k, "limit": 10_000})
        assert sorted(map(repr, every)) == sorted(map(repr, full)) and len(full) >= 1
        for n in range(1, len(full) + 1):
            assert loaded.query("lineage_level", {"directives": k, "limit": n}) == every[:n]
    # the edges up from a directive (what its own text cites) come before the documents citing it
    every = loaded.query("lineage_level", {"directives": keys, "limit": 10_000})
    up = [r["document_key"] in keys for r in every]
    assert up == sorted(up, reverse=True) and any(up)


@pytest.mark.parametrize("name", ALL)
def test_query_page_reads_a_slice_of_every_named_query(loaded, name):
    """The console's pages: SKIP/LIMIT after a query's last clause give the rows the whole query gives there."""
    text = queries.get(name).text(loaded.dialect)
    for params in (_required(name), _all(name)):
        full = loaded.query(name, params)
        for skip, limit in ((0, 1), (1, 2), (0, len(full) + 1)):
            page = loaded.query_page(name, params, skip, limit)
            if "ORDER BY" in text.rsplit("RETURN", 1)[-1] and "UNION" not in text:
                assert page == full[skip: skip + limit], (name, params, skip, limit)
            else:  # no order: the same number of rows, each one of the query's
                assert len(page) == len(full[skip: skip + limit]) and all(r in full for r in page), (name, skip, limit)
