"""The read-only Cypher console (graph/guard.py, graph/console.py, `vanban cypher`).

* the guard: the lexer, a table of attacks (each refused with the token and where it
  stands), a table of legitimate queries (every example in the README and the docs, the
  explorer's default, every named query), keyword or name by grammar position;
* the worker: what it returns is what the engine returns; the time limit, the row cap,
  a crash and a setting stay in the worker; a second query is not blocked;
* `vanban cypher` as a user runs it; the same on a real Neo4j (`@pytest.mark.neo4j`).

The store is the hand-built corpus of tests/graph_docs.py.
"""

from __future__ import annotations

import ast
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph import console, guard
from graph import queries as named
from graph.embedded import EmbeddedStore
from tests import graph_docs as g
from vanban.config import StoreConfig
from vanban.errors import QueryCrashed, QueryNotAllowed, QueryTimeout, WriteNotAllowed

ROOT = Path(__file__).resolve().parent.parent

# Passes the allowlist (reading only) yet segfaults LadybugDB 0.22 (so do nodes(NULL), properties(NULL),
# list_sum(NULL) ... found by calling every allowed function): why each query runs in its own process.
CRASHES_LADYBUG = "RETURN id(NULL) AS x"

# Heavy on any store: 10^10 pairs, each compared (the engine cannot count them without looking).
CROSS_PRODUCT = "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a, b WHERE a * b = -1 RETURN count(*) AS n"


# -- the lexer ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("1LOAD", [("number", "1"), ("word", "LOAD")]),  # a keyword glued to a digit is its own word
        ("1.5e3 .5 1..3", [("number", "1.5e3"), ("number", ".5"), ("number", "1"), ("op", ".."), ("number", "3")]),
        ("0x1F", [("number", "0"), ("word", "x1F")]),  # no hexadecimal: LadybugDB has none either
        ("`a``b` `LOAD`", [("name", "`a``b`"), ("name", "`LOAD`")]),  # backticks escape by doubling
        ("'it\\'s' \"a\\\"b\"", [("string", "'it\\'s'"), ("string", '"a\\"b"')]),
        ("'LOAD FROM x // not a comment'", [("string", "'LOAD FROM x // not a comment'")]),
        ("$unit $0", [("param", "$unit"), ("param", "$0")]),
        ("a /* CALL */ b // CALL\nc", [("word", "a"), ("word", "b"), ("word", "c")]),  # comments are not tokens
        ("<>=~<=->", [("op", "<>"), ("op", "=~"), ("op", "<="), ("op", "-"), ("op", ">")]),
        ("phường\u00a0Đồng", [("word", "phường"), ("word", "Đồng")]),  # a no-break space is a space
    ],
)
def test_lexer(text, tokens):
    got, _ = guard.tokenize(text)
    assert [(t.kind, t.text) for t in got[:-1]] == tokens and got[-1].kind == "end"


@pytest.mark.parametrize(
    "text, why",
    [
        ("RETURN '\\u0027' AS q", "\\u escape"),  # a Java-style parser may decode it into a quote first
        ("RETURN 'a\\x41' AS q", "the escape \\x"),
        ("RETURN 'never closed", "a string that is never closed"),
        ("RETURN `never closed", "never closed"),
        ("RETURN 1 /* never closed", "a comment that is never closed"),
        ("RETURN \\u0043ALL", "'\\\\'"),  # no backslash outside a string: no escapes in names
        ("RETURN 1 ? 2", "'?'"),
        ("RETURN ``", "an empty `` name"),
    ],
)
def test_lexer_refuses(text, why):
    with pytest.raises(QueryNotAllowed, match=re.escape(why)):
        guard.tokenize(text)


# -- attacks ---------------------------------------------------------------------------------

# (query, what the refusal names). Each probe of issue 12 first, then our own.
ATTACKS = [
    # issue 12: a keyword glued to a digit read /etc/shadow
    ("UNWIND [1] AS a WITH a WHERE a = 1LOAD FROM '/etc/shadow' (file_format='csv', header=false, delim='|') RETURN column0",
     "LOAD at line 1, column 35"),
    # issue 12: table functions that segfault LadybugDB
    ("CALL READ_CSV_PARALLEL('/etc/hostname') RETURN *", "CALL at line 1, column 1"),
    ("CALL READ_PARQUET('/etc/hostname') RETURN *", "CALL at line 1, column 1"),
    ("CALL READ_CSV_SERIAL('/etc/hostname') RETURN *", "CALL at line 1, column 1"),
    ("CALL READ_NPY('/etc/hostname') RETURN *", "CALL at line 1, column 1"),
    ("MATCH (n) RETURN READ_CSV_PARALLEL('/etc/hostname') AS x", "the function READ_CSV_PARALLEL at line 1, column 18"),
    # issue 12: settings of the shared connection
    ("CALL timeout=1", "CALL at line 1, column 1"),
    ("CALL home_directory='/etc'", "CALL at line 1, column 1"),
    ("CALL file_search_path='/etc'", "CALL at line 1, column 1"),
    ("CALL current_setting('timeout') RETURN *", "CALL at line 1, column 1"),
    # issue 12: COPY ... TO would write a file
    ("COPY (MATCH (d:Document) RETURN d.id) TO '/tmp/vanban-copy.csv'", "COPY at line 1, column 1"),
    # issue 12: Neo4j administration in a read session
    ("SHOW USERS", "SHOW at line 1, column 1"),
    ("SHOW TRANSACTIONS", "SHOW at line 1, column 1"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-42'", "TERMINATE at line 1, column 1"),
    ("CALL dbms.listConfig()", "CALL at line 1, column 1"),
    ("CALL db.clearQueryCaches()", "CALL at line 1, column 1"),
    ("USE system SHOW USERS", "USE at line 1, column 1"),
    # a keyword behind a comment, a line break, a semicolon
    ("MATCH (n) /* harmless */ CALL db.labels() YIELD label RETURN label", "CALL at line 1, column 26"),
    ("MATCH (n) // harmless\nCALL db.labels() YIELD label RETURN label", "CALL at line 2, column 1"),
    ("RETURN 1 AS one; CALL db.labels()", "CALL at line 1, column 18"),
    ("RETURN 1 AS one; RETURN 2 AS two", "nothing after ';' (one statement at a time)"),
    ("MATCH (n) RETURN n // harmless\n; CALL db.labels()", "CALL at line 2, column 3"),
    # a keyword in a place only a clause can stand
    ("MATCH (n) WITH n LOAD FROM '/etc/passwd' RETURN *", "LOAD at line 1, column 18"),
    ("MATCH (n) RETURN n AS `x` LOAD FROM '/etc/passwd' RETURN *", "LOAD at line 1, column 27"),
    ("MATCH (n) RETURN n.id AS i UNION LOAD FROM '/etc/passwd' RETURN *", "LOAD at line 1, column 34"),
    ("RETURN 1e1LOAD", "LOAD at line 1, column 11"),
    ("RETURN 1 AS x\u00a0LOAD FROM '/etc/passwd' RETURN *", "LOAD at line 1, column 15"),  # a no-break space
    ("MATCH (n) RETURN n ＬＯＡＤ", "ＬＯＡＤ at line 1, column 20"),  # full-width letters: a word, not a clause
    ("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "LOAD at line 1, column 1"),
    ("WITH 1 AS x LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "LOAD at line 1, column 13"),
    # writes, on either engine
    ("CREATE (n:Document {id: 'x'})", "CREATE at line 1, column 1"),
    ("MATCH (d:Document) SET d.title = 'x'", "SET at line 1, column 20"),
    ("MATCH (d:Document) DETACH DELETE d", "DETACH at line 1, column 20"),
    ("MERGE (k:Directive {key: 'x'})", "MERGE at line 1, column 1"),
    ("MATCH (d) REMOVE d.title", "REMOVE at line 1, column 11"),
    ("MATCH (d) FOREACH (x IN [1] | CREATE (:A)) RETURN d", "FOREACH at line 1, column 11"),
    ("DROP TABLE Document", "DROP at line 1, column 1"),
    ("INSTALL httpfs", "INSTALL at line 1, column 1"),
    ("ATTACH '/tmp/other.db' AS o (dbtype lbug)", "ATTACH at line 1, column 1"),
    ("BEGIN TRANSACTION", "BEGIN at line 1, column 1"),
    ("CHECKPOINT", "CHECKPOINT at line 1, column 1"),
    # subqueries that do more than read
    ("MATCH (n) CALL { MATCH (m) RETURN m } RETURN n", "CALL at line 1, column 11"),
    ("MATCH (n) WHERE EXISTS { CALL db.labels() YIELD label RETURN label } RETURN n", "CALL at line 1, column 26"),
    ("MATCH (n) RETURN COUNT { MATCH (n)-->(m) SET m.x = 1 } AS c", "SET at line 1, column 42"),
    # procedures and functions outside the list
    ("MATCH (n) RETURN apoc.load.json('file:///etc/passwd') AS j", "the function apoc.load.json at line 1, column 18"),
    ("RETURN nextval('seq') AS v", "the function nextval"),
    ("RETURN setseed(0.5) AS v", "the function setseed"),
    ("RETURN current_setting('timeout') AS v", "the function current_setting"),
    # what is not a query
    ("EXPLAIN MATCH (n) RETURN n", "EXPLAIN at line 1, column 1"),
    ("PROFILE MATCH (n) RETURN n", "PROFILE at line 1, column 1"),
    (":param x => 1", ": at line 1, column 1"),
    ("MATCH (n)", "the end of the query"),  # a query ends with RETURN
    ("", "an empty query"),
    ("RETURN " + "(" * 60 + "1" + ")" * 60 + " AS x", "nested more than 40 deep"),
    ("MATCH " + "(" * 5000 + "n" + ")" * 5000 + " RETURN n", "nested more than 40 deep"),  # was a RecursionError
]


@pytest.mark.parametrize("query, named_in_refusal", ATTACKS)
def test_attacks_are_refused(query, named_in_refusal):
    with pytest.raises(QueryNotAllowed) as e:
        guard.check(query)
    assert named_in_refusal in str(e.value)
    assert isinstance(e.value, WriteNotAllowed)  # what callers already catch


def test_a_refused_clause_says_why_and_what_is_allowed():
    with pytest.raises(QueryNotAllowed) as e:
        guard.check("CALL db.labels()")
    msg = str(e.value)
    assert "only reads the graph" in msg and "MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN" in msg


# -- legitimate queries --------------------------------------------------------------------------

# Run through the console on LadybugDB: each must pass and give what the engine gives directly.
LEGIT_LADYBUG = [
    "MATCH (d:Document) RETURN d.unit AS unit, count(*) AS n ORDER BY unit",
    "MATCH (d:Document)-[c:CITES]->(k:Directive)\nRETURN d.unit AS unit, k.label AS directive, count(c) AS citations\nORDER BY citations DESC, unit, directive LIMIT 25",
    "MATCH (d:Document) OPTIONAL MATCH (d)-[:HAS_ITEM]->(i:Item) WITH d, count(i) AS items WHERE items >= 0 RETURN d.id AS id, items ORDER BY id SKIP 1 LIMIT 2",
    "UNWIND [3, 1, 2] AS x WITH x ORDER BY x DESC LIMIT 2 RETURN collect(x) AS xs",
    "MATCH (d:Document) RETURN DISTINCT d.unit AS u ORDER BY u",
    "MATCH (d:Document) RETURN d.id AS x UNION ALL MATCH (k:Directive) RETURN k.key AS x",
    "MATCH (d:Document) RETURN d.id AS x UNION MATCH (d:Document) RETURN d.id AS x",
    "MATCH (i:Item) RETURN CASE WHEN i.role = 'task' THEN 'nhiệm vụ' ELSE i.role END AS r, count(*) AS n ORDER BY r",
    "MATCH (i:Item) RETURN CASE i.role WHEN 'task' THEN 1 ELSE 0 END AS t, count(*) AS n ORDER BY t",
    "MATCH (d:Document) WHERE EXISTS { MATCH (d)-[:HAS_ITEM]->(:Item) } RETURN d.id AS id ORDER BY id",
    "MATCH (d:Document) RETURN d.id AS id, COUNT { MATCH (d)-[:HAS_ITEM]->(:Item) } AS items ORDER BY id",
    "MATCH (d:Document) WHERE NOT (d)-[:HAS_ITEM]->(:Item) RETURN d.id AS id ORDER BY id",
    "MATCH (d:Document) WHERE d.unit STARTS WITH 'phường' AND d.id ENDS WITH 'dong-hai' OR d.title CONTAINS 'Chỉ thị' RETURN d.id AS id ORDER BY id",
    "MATCH (d:Document) WHERE d.number IS NULL OR d.unit IN ['phường Tây Sơn'] RETURN d.id AS id, d.number IS NOT NULL AS numbered ORDER BY id",
    "MATCH (d:Document) WHERE d.unit =~ '.*Đông.*' RETURN d.id AS id ORDER BY id",
    "MATCH (d:Document) WHERE d.title CONTAINS 'LOAD FROM' OR d.id = 'CALL db.labels()' RETURN count(*) AS n",  # words in strings
    "MATCH (d:Document) // one per ward\nRETURN /* the ward */ d.unit AS unit, count(*) AS n ORDER BY unit",  # comments
    "MATCH (d:Document) WHERE d.unit = $unit RETURN d.id AS id ORDER BY id",
    "MATCH p = (d:Document)-[:CITES|REALIZED_BY*1..3]->(k:Directive) RETURN d.id AS doc, k.key AS directive, length(p) AS hops ORDER BY doc, directive, hops",
    "MATCH (a:Document)<-[:REALIZED_BY]-(k:Directive)<-[:CITES]-(b:Document) RETURN a.id AS realized, b.id AS citing ORDER BY realized, citing",
    "MATCH (d:Document)-[r]->(x) RETURN label(r) AS t, count(*) AS n ORDER BY t",
    "MATCH (i:Item) RETURN i.role AS role, count(DISTINCT i.period) AS periods, collect(i.id)[1] AS first ORDER BY role",
    "MATCH (d:Document) RETURN toLower(coalesce(d.unit, '')) AS u, size(d.text) > 0 AS has_text, substring(d.id, 0, 3) AS head ORDER BY u, head",
    "MATCH (d:Document) RETURN d.id AS id, d LIMIT 1",  # a whole node
    "MATCH p = (d:Document)-[:HAS_ITEM]->(:Item) RETURN p LIMIT 1",  # a whole path
    "MATCH (d:Document) RETURN d.id AS `the id`, 1 AS `a`` CALL db.labels() //` ORDER BY `the id` LIMIT 1",  # a backtick name holding words
    "MATCH (load:Document) RETURN load.id AS copy ORDER BY copy LIMIT 1",  # keywords as names
    "RETURN date('2026-03-01') AS d, 1.5 AS f, [1, 2] AS l, {a: 1} AS m, NULL AS n, true AS t",
    "RETURN list_transform([1, 2, 3], x -> x * 2) AS doubled, CAST(1 AS STRING) AS s",
    "RETURN all(x IN [1, 2] WHERE x > 0) AS every, any(x IN [1, 2] WHERE x > 1) AS some",
    "RETURN 1 AS one;",  # a trailing semicolon
]

# Neo4j syntax LadybugDB has not (checked by the guard here, run on Neo4j below).
LEGIT_NEO4J = [
    "MATCH (d:Document) RETURN d {.id, .unit} AS doc ORDER BY doc.id",
    "MATCH (d:Document) RETURN [(d)-[:HAS_ITEM]->(i:Item) | i.id] AS items, d.id AS id ORDER BY id",
    "UNWIND [1, 2, 3] AS x RETURN [y IN range(1, x) WHERE y > 1 | y * 10] AS ys, reduce(s = 0, y IN range(1, x) | s + y) AS total ORDER BY total",
    "MATCH (d) WHERE d:Document RETURN toString(d.id) AS id, labels(d) AS labels, elementId(d) IS NOT NULL AS e ORDER BY id",
    "MATCH (a:Document), (b:Directive) WITH a, b LIMIT 1 MATCH p = shortestPath((a)-[*..4]-(b)) RETURN length(p) >= 0 AS reachable",
    "MATCH (d:Document) RETURN duration.between(date('2026-01-01'), date('2026-03-01')).months AS months LIMIT 1",
]


def _doc_examples() -> list[str]:
    """Every `vanban cypher "..."` written in the README and docs/, and the explorer's default query."""
    out = []
    for md in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        out += [q for q in re.findall(r'vanban cypher "([^"]+)"', md.read_text(encoding="utf-8")) if "RETURN" in q]
    page = (ROOT / "app_pages" / "queries.py").read_text(encoding="utf-8")
    default = re.search(r'"cypher", ("MATCH[^"]+")', page)
    assert default, "the Truy vấn page's default query moved: update _doc_examples"
    out.append(ast.literal_eval(default.group(1)))
    return out


def test_the_docs_have_examples():
    assert len(_doc_examples()) >= 2


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in guard.tokenize(text)[0]]


@pytest.mark.parametrize("query", LEGIT_LADYBUG + LEGIT_NEO4J + _doc_examples())
def test_legitimate_queries_pass(query):
    text = guard.check(query)
    # the engine gets the same tokens, without the comments
    assert _tokens(text) == _tokens(query) and not guard.tokenize(text)[1]


@pytest.mark.parametrize("path", sorted((ROOT / "queries").glob("*.cypher")), ids=lambda p: p.name)
def test_every_named_query_passes_the_guard(path):
    guard.check(path.read_text(encoding="utf-8"))


def test_every_named_query_is_covered():
    assert {p.name.split(".")[0] for p in (ROOT / "queries").glob("*.cypher")} == set(named.names())


@pytest.mark.parametrize(
    "query, passes",
    [
        # LOAD, COPY, CALL as names: a variable, a label, a property key, a map key, an alias
        ("MATCH (load:Load) RETURN load.copy AS copy", True),
        ("MATCH (n:`LOAD`) RETURN n.call AS `CALL`", True),
        ("RETURN {load: 1, copy: 2} AS m", True),
        ("MATCH (d) WHERE d.set = 1 AND d.delete IS NULL RETURN d.create AS create", True),
        ("MATCH (d)-[r:COPY]->(x) RETURN type(r) AS t", True),
        # the same words where a clause stands
        ("MATCH (load:Load) LOAD FROM 'x.csv' RETURN *", False),
        ("MATCH (n) COPY n TO 'x.csv'", False),
        ("MATCH (n) CALL n", False),
        ("MATCH (n) RETURN n.copy COPY", False),
    ],
)
def test_keyword_or_name_is_decided_by_position(query, passes):
    if passes:
        guard.check(query)
    else:
        with pytest.raises(QueryNotAllowed):
            guard.check(query)


def test_the_engine_gets_the_text_without_comments_and_glued_words_split():
    assert guard.check("RETURN 1AS one // CALL db.labels()") == "RETURN 1 AS one" + " " * 20
    text = "MATCH (d) /* a\nCALL */ RETURN d.id AS id"
    out = guard.check(text)
    assert "CALL" not in out and out.index("RETURN") == text.index("RETURN") and out.count("\n") == 1


def test_every_allowed_function_name_is_a_word_or_a_namespace():
    assert all(re.fullmatch(r"[a-z_][a-z0-9_]*(\.[a-z]+)?", f) for f in guard.FUNCTIONS)
    # nothing that reads files, changes state or runs a procedure slipped into the list
    for bad in ("read_csv_parallel", "read_parquet", "read_npy", "current_setting", "nextval", "setseed", "file", "linenumber"):
        assert bad not in guard.FUNCTIONS


def test_crafted_nesting_is_refused_or_parsed_fast():
    started = time.monotonic()
    with pytest.raises(QueryNotAllowed):  # 30 pattern-or-expression choices, nested
        guard.check("RETURN " + "({a: " * 30 + "1" + "})" * 30 + " AS x")
    guard.check("RETURN " + "((" * 15 + "1" + "))" * 15 + " AS x")
    with pytest.raises(QueryNotAllowed, match="characters"):
        guard.check("RETURN 1 AS x " + " " * guard.MAX_LENGTH)
    # a guard against exponential parsing (a hang), not a speed figure: this takes milliseconds,
    # and a bound near that fails on a busy machine (it did: 2.5 s under load)
    assert time.monotonic() - started < 30


_SOUP = st.lists(st.sampled_from([
    "MATCH", "OPTIONAL", "WHERE", "WITH", "UNWIND", "RETURN", "AS", "UNION", "ALL", "ORDER", "BY", "LIMIT", "CALL", "LOAD",
    "FROM", "COPY", "TO", "SET", "CREATE", "SHOW", "EXISTS", "COUNT", "CASE", "WHEN", "THEN", "END", "NOT", "AND", "IN",
    "n", "d", "`x`", "'s'", "\"t\"", "1", "2.5", "$p", "(", ")", "[", "]", "{", "}", ",", ".", ":", ";", "=", "<", ">",
    "-", "*", "|", "/*", "*/", "//", "\n", " ", "`", "'", "\\",
]), max_size=40)


@settings(max_examples=400, deadline=None)
@given(_SOUP)
@pytest.mark.slow
def test_a_refused_word_passes_only_where_any_name_could(parts):
    """Any text is refused or passed (never another error); and where CALL, LOAD, COPY... pass, they are names:
    the same text with each of them renamed ``zz`` passes too."""
    text = " ".join(parts)
    try:
        out = guard.check(text)
    except QueryNotAllowed:
        return
    tokens, _ = guard.tokenize(out)
    renamed = out
    for t in reversed(tokens):
        if t.word in ("CALL", "LOAD", "COPY", "SET", "CREATE", "SHOW"):
            renamed = renamed[: t.start] + "zz" + renamed[t.end:]
    guard.check(renamed)


# -- the worker: LadybugDB --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("console") / "graph.db"
    s = EmbeddedStore(db)
    for d in g.corpus():
        s.upsert_document(d)
    s.close()
    return db


@pytest.fixture(scope="module")
def cfg(small_db: Path) -> StoreConfig:
    return StoreConfig(str(small_db), None, None, None)


def _workers() -> list[psutil.Process]:
    """This process's console workers still alive."""
    out = []
    for p in psutil.Process().children(recursive=True):
        try:
            if "graph.console" in " ".join(p.cmdline()):
                out.append(p)
        except psutil.Error:  # ended meanwhile
            pass
    return out


def _same(rows):
    return json.loads(json.dumps(rows, default=str))


@pytest.mark.parametrize("query", LEGIT_LADYBUG + _doc_examples())
@pytest.mark.slow
def test_console_gives_what_the_engine_gives(cfg, small_db, query):
    params = {"unit": "phường Đông Hải"} if "$unit" in query else {}
    result = console.run(cfg, query, params)
    direct = EmbeddedStore(small_db, read_only=True)
    try:
        expected = direct._read(guard.check(query), params)
    finally:
        direct.close()
    assert not result.truncated
    if "ORDER BY" in query.upper():
        assert result.rows == _same(expected)
    else:  # without ORDER BY (a UNION, say) the engine promises no order: the same rows, in any order
        key = lambda r: json.dumps(r, sort_keys=True, default=str)  # noqa: E731
        assert sorted(result.rows, key=key) == sorted(_same(expected), key=key)


def test_files_are_never_read_nor_written(cfg, tmp_path):
    secret = tmp_path / "secrets.toml"
    secret.write_text('password = "vanban-secret-7f3a"\n')
    target = tmp_path / "copied.csv"
    for probe in (
        f"UNWIND [1] AS a WITH a WHERE a = 1LOAD FROM '{secret}' (file_format='csv', header=false, delim='|') RETURN column0",
        f"CALL READ_CSV_PARALLEL('{secret}') RETURN *",
        f"COPY (MATCH (d:Document) RETURN d.id) TO '{target}'",
    ):
        with pytest.raises(QueryNotAllowed) as e:
            console.run(cfg, probe)
        assert "vanban-secret" not in str(e.value)
    assert not target.exists()


@pytest.mark.slow
def test_a_cross_product_ends_within_the_time_limit(cfg):
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="time limit of 2 s"):
        console.run(cfg, CROSS_PRODUCT, timeout=2)
    assert time.monotonic() - started < 2 + console.KILL_MARGIN + 3  # + starting the worker


@pytest.mark.slow
def test_work_the_engine_does_not_interrupt_is_killed(cfg, monkeypatch):
    # building a 100-million list does not look at the engine's timeout (it takes seconds on any machine
    # we know); with a short margin the caller kills the worker long before the engine could stop it
    monkeypatch.setattr(console, "KILL_MARGIN", 0.2)
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="time limit of 0.3 s"):
        console.run(cfg, "UNWIND range(1, 100000000) AS x RETURN sum(x) AS s", timeout=0.3)
    assert time.monotonic() - started < 0.3 + 0.2 + 3  # + starting the worker
    assert not _workers()


@pytest.mark.slow
def test_the_row_cap_stops_fetching_and_says_so(cfg):
    rows = console.run(cfg, "UNWIND range(1, 1000000) AS x RETURN x", max_rows=5)
    assert rows.truncated and [r["x"] for r in rows.rows] == [1, 2, 3, 4, 5]
    exact = console.run(cfg, "UNWIND range(1, 5) AS x RETURN x", max_rows=5)
    assert not exact.truncated and len(exact.rows) == 5


@pytest.mark.slow
def test_another_query_is_not_blocked_by_a_slow_one(cfg):
    slow: dict[str, object] = {}

    def run_slow() -> None:
        try:
            console.run(cfg, CROSS_PRODUCT, timeout=8)
        except QueryTimeout as e:
            slow["error"] = e

    t = threading.Thread(target=run_slow)
    t.start()
    time.sleep(1.0)  # the slow one is running
    started = time.monotonic()
    rows = console.run(cfg, "MATCH (d:Document) RETURN count(*) AS n").rows
    took = time.monotonic() - started
    assert rows == [{"n": len(g.corpus())}]
    assert t.is_alive(), "the slow query ended before the quick one: make CROSS_PRODUCT heavier"
    t.join()
    assert isinstance(slow.get("error"), QueryTimeout) and took < 6


def _kill_worker_when_it_runs(sig: int) -> threading.Thread:
    def kill() -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            for p in _workers():
                try:
                    if time.time() - p.create_time() > 1.5:
                        os.kill(p.pid, sig)
                        return
                except (psutil.Error, ProcessLookupError):
                    pass
            time.sleep(0.1)

    t = threading.Thread(target=kill, daemon=True)
    t.start()
    return t


@pytest.mark.slow
def test_a_segfaulting_query_stays_in_the_worker(cfg):
    started = time.monotonic()
    with pytest.raises(QueryCrashed, match=r"crashed the database engine \(SIGSEGV\) and was stopped") as e:
        console.run(cfg, CRASHES_LADYBUG)
    assert time.monotonic() - started < 15
    assert "no longer" not in str(e.value)
    assert console.run(cfg, "RETURN 1 AS one").rows == [{"one": 1}]  # the caller lives on


@pytest.mark.slow
def test_a_crash_of_the_engine_stays_in_the_worker(cfg):
    # the same for a worker killed during a query, whatever the engine's bugs of the day
    killer = _kill_worker_when_it_runs(signal.SIGSEGV)
    with pytest.raises(QueryCrashed, match=r"crashed the database engine \(SIGSEGV\) and was stopped"):
        console.run(cfg, CROSS_PRODUCT, timeout=15)
    killer.join()
    assert console.run(cfg, "RETURN 1 AS one").rows == [{"one": 1}]  # and the next query runs


@pytest.mark.slow
def test_many_slow_queries_wait_for_a_slot(cfg):
    """However many tabs run a cross product, at most MAX_PARALLEL engines run at once; the others wait, then say so."""
    n = console.MAX_PARALLEL + 2
    errors: list[Exception] = []
    peak = 0

    def one() -> None:
        try:
            console.run(cfg, CROSS_PRODUCT, timeout=2)
        except (QueryTimeout, QueryCrashed) as e:
            errors.append(e)

    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        peak = max(peak, len(_workers()))
        time.sleep(0.05)
    assert len(errors) == n and all(isinstance(e, QueryTimeout) for e in errors)
    assert 1 <= peak <= console.MAX_PARALLEL
    assert sum("console is busy" in str(e) for e in errors) >= 1


@pytest.mark.slow
def test_a_timed_out_query_leaves_nothing_behind(cfg):
    with pytest.raises(QueryTimeout):
        console.run(cfg, CROSS_PRODUCT, timeout=1)
    # the next query runs with the default limit, not "Interrupted" (issue 12: CALL timeout=1 reached everyone)
    assert console.run(cfg, "MATCH (d:Document) RETURN count(*) AS n").rows == [{"n": len(g.corpus())}]


def test_the_worker_checks_again_when_started_by_hand(small_db):
    request = {"db": str(small_db), "neo4j_uri": None, "user": None, "password": None,
               "query": "CALL READ_CSV_PARALLEL('/etc/hostname') RETURN *", "params": {}, "timeout": 5, "max_rows": 10}
    proc = subprocess.run([sys.executable, "-m", "graph.console", "tok"], input=json.dumps(request), capture_output=True,
                          text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    reply = json.loads(proc.stdout.splitlines()[-1].removeprefix("tok "))
    assert reply["error"] == "QueryNotAllowed" and "CALL at line 1, column 1" in reply["message"]


@pytest.mark.slow
def test_a_missing_store_is_a_store_error(tmp_path):
    from vanban.errors import StoreError

    with pytest.raises(StoreError, match="no database there yet"):
        console.run(StoreConfig(str(tmp_path / "none.db"), None, None, None), "RETURN 1 AS one")


# -- vanban cypher ---------------------------------------------------------------------------------


def _vanban(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vanban", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, env={**os.environ, **(env or {})})


@pytest.mark.slow
def test_cli_refuses_the_issue_probe_and_prints_nothing(small_db):
    proc = _vanban("cypher", ATTACKS[0][0], "--db", str(small_db))
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.startswith("Error: not allowed in the read-only console: LOAD at line 1, column 35")


@pytest.mark.slow
def test_cli_runs_a_query_with_a_row_cap(small_db):
    proc = _vanban("cypher", "MATCH (d:Document) RETURN d.id AS id ORDER BY id", "--db", str(small_db),
                   "--format", "json", "--max-rows", "2")
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)) == 2
    assert "stopped after 2 rows (--max-rows)" in proc.stderr


@pytest.mark.slow
def test_cli_time_limit_from_the_option_and_the_environment(small_db):
    started = time.monotonic()
    proc = _vanban("cypher", CROSS_PRODUCT, "--db", str(small_db), env={"VANBAN_CONSOLE_TIMEOUT": "1"})
    assert proc.returncode == 1 and "time limit of 1 s" in proc.stderr
    assert time.monotonic() - started < 1 + console.KILL_MARGIN + 8  # + two Python start-ups
    proc = _vanban("cypher", "RETURN 1 AS one", "--db", str(small_db), "--timeout", "0")
    assert proc.returncode == 1 and "console limit: 0.0 is not a float of at least 0.1" in proc.stderr


@pytest.mark.slow
def test_cli_survives_a_segfaulting_query(small_db):
    proc = _vanban("cypher", CRASHES_LADYBUG, "--db", str(small_db))
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.startswith("Error: the query crashed the database engine (SIGSEGV) and was stopped")


@pytest.mark.slow
def test_cli_lists_what_is_allowed():
    proc = _vanban("cypher", "--allowed")
    assert proc.returncode == 0
    assert "clauses: MATCH, OPTIONAL MATCH" in proc.stdout and "tolower" in proc.stdout
    assert "read_csv" not in proc.stdout


# -- Neo4j -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def neo4j_cfg(neo4j_server) -> StoreConfig:
    from graph.neo4j_store import Neo4jStore

    s = Neo4jStore(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    s.wipe()
    for d in g.corpus():
        s.upsert_document(d)
    s.close()
    return StoreConfig("unused.db", neo4j_server.uri, neo4j_server.user, neo4j_server.password)


NEO4J_ADMIN = [
    "SHOW USERS",
    "SHOW TRANSACTIONS",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "CALL dbms.listConfig()",
    "CALL db.clearQueryCaches()",
    "CALL dbms.setConfigValue('db.transaction.timeout', '1s')",
    "MATCH (n) CALL { WITH n DETACH DELETE n } RETURN 1 AS x",
    "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
]


@pytest.mark.neo4j
@pytest.mark.parametrize("query", NEO4J_ADMIN)
def test_neo4j_admin_commands_are_refused(neo4j_cfg, query):
    with pytest.raises(QueryNotAllowed):
        console.run(neo4j_cfg, query)


@pytest.mark.neo4j
@pytest.mark.parametrize("query", [q for q in LEGIT_LADYBUG if "label(" not in q and "list_transform" not in q] + LEGIT_NEO4J)
def test_neo4j_runs_legitimate_queries(neo4j_cfg, query):
    params = {"unit": "phường Đông Hải"} if "$unit" in query else {}
    result = console.run(neo4j_cfg, query, params)
    assert not result.truncated


@pytest.mark.neo4j
def test_neo4j_time_limit_and_row_cap(neo4j_cfg):
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="time limit of 1 s and was stopped"):  # by the server
        console.run(neo4j_cfg, CROSS_PRODUCT, timeout=1)
    assert time.monotonic() - started < 1 + console.KILL_MARGIN + 4
    rows = console.run(neo4j_cfg, "UNWIND range(1, 1000000) AS x RETURN x", max_rows=3)
    assert rows.truncated and [r["x"] for r in rows.rows] == [1, 2, 3]
    assert console.run(neo4j_cfg, "MATCH (d:Document) RETURN count(*) AS n").rows == [{"n": len(g.corpus())}]
