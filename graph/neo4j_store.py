"""The Neo4j 5 store, through the official ``neo4j`` driver.

Constraints (a unique key per label) and indexes are created on first use
(``IF NOT EXISTS``); every write is a batched ``UNWIND $rows`` with
parameters, one transaction per document (a transaction function, so the
driver retries transient failures). Reads go through READ access-mode
transactions: the server itself refuses a write there, which is what makes
``vanban cypher`` read-only on Neo4j even past the up-front check.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from typing import Any

from graph import schema
from graph.store import CypherStore, Tx, plain, register_backend
from vanban.errors import QueryTimeout, StoreError, WriteNotAllowed

logging.getLogger("neo4j").setLevel(logging.ERROR)  # "label does not exist" notices on an empty database


def _convert(value: Any) -> Any:
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"_label": sorted(value.labels)[0] if value.labels else None, **{k: _convert(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: _convert(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [_convert(n) for n in value.nodes], "rels": [_convert(r) for r in value.relationships]}
    if isinstance(value, list | tuple):
        return [_convert(v) for v in value]
    if isinstance(value, dict):
        return {k: _convert(v) for k, v in value.items()}
    return plain(value)


class _Tx:
    def __init__(self, tx: Any) -> None:
        self.tx = tx

    def run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        res = self.tx.run(query, params or {})
        return [{k: _convert(v) for k, v in rec.items()} for rec in res]


_OPTIONAL = re.compile(r"\(\$(\w+) IS NULL OR ")


def specialise_optional_filters(text: str, params: dict[str, Any]) -> str:
    """A named query's optional filters written for the parameters given: ``($unit IS NULL OR d.unit = $unit)``
    becomes ``(d.unit = $unit)`` when ``unit`` is given and ``(true)`` when it is not.

    The same rows either way (``false OR x`` is ``x``); Neo4j's planner cannot seek an index through the
    ``IS NULL OR`` form, so without this every filtered query scanned every document (``board_options`` of
    one ward took 3.7 s at 10k notices). Only the query's own text changes, by which parameters are null:
    no value is written into it.

    >>> specialise_optional_filters("WHERE ($unit IS NULL OR d.unit = $unit) AND ($q IS NULL OR all(w IN $q WHERE x CONTAINS w))",
    ...                             {"unit": "xã A", "q": None})
    'WHERE (d.unit = $unit) AND (true)'
    >>> specialise_optional_filters("MATCH (d:Document)\\nWHERE $unit IS NULL OR d.unit = $unit\\nRETURN d", {"unit": None})
    'MATCH (d:Document)\\nWHERE true\\nRETURN d'
    """
    out: list[str] = []
    pos = 0
    for m in _OPTIONAL.finditer(text):
        if m.start() < pos:
            continue
        depth, end = 1, m.end()
        while end < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            end += 1
        if depth:
            break  # unbalanced: leave the rest as written
        given = params.get(m.group(1)) is not None
        out += [text[pos : m.start()], f"({text[m.end() : end - 1]})" if given else "(true)"]
        pos = end
    out.append(text[pos:])
    return _WHOLE_WHERE.sub(lambda m: m.group(1) + (m.group(3) if params.get(m.group(2)) is not None else "true"), "".join(out))


#: "WHERE $unit IS NULL OR d.unit = $unit" as a whole clause: the next line opens another clause
_WHOLE_WHERE = re.compile(
    r"^([ ]*WHERE )\$(\w+) IS NULL OR ([^\n]+)$(?=\n*(?:\Z|[ ]*(?:MATCH|OPTIONAL|WITH|RETURN|UNWIND|CALL|ORDER|UNION)\b))", re.M
)


class Neo4jStore(CypherStore):
    backend = "neo4j"
    dialect = "neo4j"

    def __init__(self, uri: str, user: str | None = None, password: str | None = None,
                 read_only: bool = False, database: str | None = None) -> None:
        import neo4j

        self.uri = uri
        self.read_only = read_only
        self.database = database
        auth = (user, password or "") if user else None
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF")
            self._driver.verify_connectivity()
        except Exception as e:  # noqa: BLE001 - any driver failure is "cannot open the store"
            raise StoreError(f"{uri}: cannot connect to Neo4j: {e}") from None
        if not read_only:
            self._create_schema()

    @classmethod
    def from_address(
        cls, address: str, *, user: str | None = None, password: str | None = None, read_only: bool = False
    ) -> Neo4jStore:
        return cls(address, user, password, read_only=read_only)

    def _session(self, read: bool) -> Any:
        import neo4j

        return self._driver.session(
            database=self.database, default_access_mode=neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS
        )

    def _create_schema(self) -> None:
        with self._session(read=False) as s:
            for stmt in schema.neo4j_constraints():
                s.run(stmt).consume()
            rec = s.run("MERGE (m:Meta {key: 'schema'}) ON CREATE SET m.value = $v RETURN m.value AS v",
                        v=schema.SCHEMA_VERSION).single()
        if rec and rec["v"] != schema.SCHEMA_VERSION:
            raise StoreError(f"{self.uri}: holds a {rec['v']} graph; this vanban writes {schema.SCHEMA_VERSION}")

    def close(self) -> None:
        self._driver.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Tx]:
        from neo4j.exceptions import Neo4jError

        self._check_writable()
        with self._session(read=False) as s:
            tx = s.begin_transaction()
            try:
                yield _Tx(tx)
            except BaseException as e:
                tx.rollback()
                if isinstance(e, Neo4jError):
                    raise StoreError(f"{self.uri}: write failed, rolled back: {e.message or e}") from e
                raise
            else:
                tx.commit()

    def _bind_nulls(self, text: str, params: dict[str, Any], types: dict[str, str]) -> str:
        return specialise_optional_filters(text, params)

    def _read(self, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        from neo4j.exceptions import Neo4jError

        def work(tx: Any) -> list[dict[str, Any]]:
            return _Tx(tx).run(query, params)

        try:
            with self._session(read=True) as s:
                return s.execute_read(work)
        except Neo4jError as e:
            if e.code and ("AccessMode" in e.code or "ForbiddenOnReadOnlyDatabase" in e.code):
                raise WriteNotAllowed(f"read-only: Neo4j refused a write in a read transaction ({e.message})") from None
            raise StoreError(f"query failed: {e.message or e}") from None

    def read_bounded(self, query: str, params: dict[str, Any], timeout: float, max_rows: int) -> tuple[list[dict[str, Any]], bool]:
        """At most ``max_rows`` rows of a READ transaction that the server stops after ``timeout`` seconds.

        The rest of a long result is discarded on the server when the
        transaction ends (the driver sends DISCARD), never fetched.
        """
        from neo4j import unit_of_work
        from neo4j.exceptions import ClientError, Neo4jError

        @unit_of_work(timeout=timeout)
        def work(tx: Any) -> list[dict[str, Any]]:
            rows: list[dict[str, Any]] = []
            for rec in tx.run(query, params):
                rows.append({k: _convert(v) for k, v in rec.items()})
                if len(rows) > max_rows:
                    break
            return rows

        try:
            with self._session(read=True) as s:
                rows = s.execute_read(work)
        except Neo4jError as e:
            code = e.code or ""
            if "TransactionTimedOut" in code or "TransactionTimedOutClientConfiguration" in code or (
                isinstance(e, ClientError) and "Terminated" in code
            ):
                raise QueryTimeout(f"the query ran past the time limit of {timeout:g} s and was stopped") from None
            if "AccessMode" in code or "ForbiddenOnReadOnlyDatabase" in code or "Forbidden" in code:
                raise WriteNotAllowed(f"read-only: Neo4j refused it in a read transaction ({e.message})") from None
            raise StoreError(f"query failed: {e.message or e}") from None
        return rows[:max_rows], len(rows) > max_rows

    def wipe(self) -> None:
        """Delete every node but the schema version (tests use one server for many cases)."""
        self._check_writable()
        with self._session(read=False) as s:
            s.run("MATCH (n) WHERE NOT (n:Meta AND n.key = 'schema') DETACH DELETE n").consume()


register_backend("neo4j", Neo4jStore, schemes=("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"))
