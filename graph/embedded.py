"""The embedded store: LadybugDB (``import ladybug``, the maintained fork of Kùzu) on disk.

One writer at a time: a second read-write open fails on the file lock and
becomes a :class:`StoreError` naming the path. Readers open the database
``read_only=True`` (allowed while a writer is open; they see what it has
committed) and retry a few times, because a reader that opens while the
writer commits can hit a transient recovery error. A read-only connection
sees the database as it was when it opened, so a read-only store reopens
itself when the file or its WAL has changed since (a long-lived explorer
then shows what an ingest wrote meanwhile).

Dialect notes the shared statements rely on (docs/graph.md lists them all):

* a null parameter is typed by its *value*, and LadybugDB types a bare null
  as BOOLEAN: ``$unit IS NULL OR d.unit = $unit`` then casts ``d.unit`` to
  boolean and fails. Named queries bind a null parameter as
  ``CAST($unit AS STRING)`` (the type its header declares), and generated
  writes cast every field (``CAST(r.score AS DOUBLE)``) because a struct field
  that is null in every row is typed STRING.
* ``sum()`` returns a Decimal: results go through :func:`graph.store.plain`.
"""

from __future__ import annotations

import contextlib
import re
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from graph import schema
from graph.records import merge_all, to_records
from graph.store import CypherStore, UpsertResult, coerce_row, plain
from ingest.models import ParsedDocument
from vanban.errors import QueryNotAllowed, QueryTimeout, StoreError, WriteNotAllowed

_READ_ONLY_MSG = "read-only database"
# messages worth a retry for a reader: the writer is committing/checkpointing
# what the engine says when its query timeout (or interrupt()) stopped a query
_INTERRUPTED = re.compile(r"^Interrupted", re.I)
_TRANSIENT = re.compile(r"wal|recover|checkpoint|shadow|lock|IO exception|being used", re.I)


def _lb():  # imported lazily: the CLI's help and the parser stages do not need the engine
    import ladybug

    return ladybug


def _convert(value: Any) -> Any:
    """Engine values as plain Python: nodes {"_label", props}, edges {"_type", props}, paths."""
    if isinstance(value, dict):
        if "_LABEL" in value and "_ID" in value:
            props = {k: _convert(v) for k, v in value.items() if not k.startswith("_")}
            if "_SRC" in value:
                return {"_type": value["_LABEL"], **props}
            return {"_label": value["_LABEL"], **props}
        if "_nodes" in value and "_rels" in value:
            return {"nodes": [_convert(n) for n in value["_nodes"]], "rels": [_convert(r) for r in value["_rels"]]}
        return {k: _convert(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_convert(v) for v in value]
    return plain(value)


class _Tx:
    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        res = self.conn.execute(query, params or {})
        try:
            return [{k: _convert(v) for k, v in row.items()} for row in res.rows_as_dict().get_all()]
        finally:
            res.close()


class EmbeddedStore(CypherStore):
    backend = "ladybug"
    dialect = "ladybug"

    def __init__(self, path: str | Path, read_only: bool = False, retries: int = 8) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._retries = retries
        self._db: Any = None
        self._conn: Any = None
        self._stamp: tuple = ()
        self._open()

    def _file_stamp(self) -> tuple:
        out: list[tuple[int, int] | None] = []
        for p in (Path(self.path), Path(self.path + ".wal")):
            try:
                st = p.stat()
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    # --- opening
    def _open(self) -> None:
        lb = _lb()
        if self.read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no database there yet; run `vanban ingest` first")
        delay = 0.05
        for attempt in range(self._retries):
            try:
                self._db = lb.Database(self.path, read_only=self.read_only)
                self._conn = lb.Connection(self._db)
                break
            except RuntimeError as e:
                msg = str(e)
                if "lock" in msg.lower() and not self.read_only:
                    raise StoreError(f"{self.path}: the database is open for writing by another process ({msg.split('(')[-1].rstrip(')')})") from None
                if attempt == self._retries - 1 or not _TRANSIENT.search(msg):
                    raise StoreError(f"{self.path}: cannot open the database: {msg}") from None
                time.sleep(delay)
                delay *= 2
        if self.read_only:
            self._check_schema()
            self._stamp = self._file_stamp()
        else:
            self._create_schema()

    def _create_schema(self) -> None:
        tx = _Tx(self._conn)
        for stmt in schema.ladybug_ddl():
            tx.run(stmt)
        rows = tx.run("MATCH (m:Meta {key: 'schema'}) RETURN m.value AS v")
        if not rows:
            tx.run("CREATE (m:Meta {key: 'schema', value: $v})", {"v": schema.SCHEMA_VERSION})
        elif rows[0]["v"] != schema.SCHEMA_VERSION:
            raise StoreError(f"{self.path}: holds a {rows[0]['v']} graph; this vanban writes {schema.SCHEMA_VERSION}; ingest into a new --db")

    def _check_schema(self) -> None:
        try:
            rows = _Tx(self._conn).run("MATCH (m:Meta {key: 'schema'}) RETURN m.value AS v")
        except RuntimeError as e:
            raise StoreError(f"{self.path}: not a vanban database ({e})") from None
        if not rows or rows[0]["v"] != schema.SCHEMA_VERSION:
            raise StoreError(f"{self.path}: holds a {rows[0]['v'] if rows else 'unknown'} graph; expected {schema.SCHEMA_VERSION}")

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._db.close()
            self._conn = self._db = None

    # --- engine hooks
    def _typed(self, expr: str, type_: str) -> str:
        return f"CAST({expr} AS {type_})"

    def _bind_nulls(self, text: str, params: dict[str, Any], types: dict[str, str]) -> str:
        for name, value in params.items():
            if value is None and name in types:
                text = re.sub(rf"\${name}\b", f"CAST(${name} AS {types[name]})", text)
        return text

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[_Tx]:
        self._check_writable()
        tx = _Tx(self._conn)
        tx.run("BEGIN TRANSACTION")
        try:
            yield tx
        except BaseException as e:
            with contextlib.suppress(RuntimeError):  # an engine error has already rolled back
                tx.run("ROLLBACK")
            if isinstance(e, RuntimeError):
                raise StoreError(f"{self.path}: write failed, rolled back: {e}") from e
            raise
        else:
            tx.run("COMMIT")

    def _read(self, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self.read_only and self._file_stamp() != self._stamp:
            self.close()  # a writer committed since we opened: see it
            self._open()
        for attempt in range(3):
            try:
                return _Tx(self._conn).run(query, params)
            except RuntimeError as e:
                msg = str(e)
                if _READ_ONLY_MSG in msg:
                    raise WriteNotAllowed(f"read-only: the store is opened read-only ({msg})") from None
                if self.read_only and attempt < 2 and _TRANSIENT.search(msg):
                    self.close()
                    time.sleep(0.1 * (attempt + 1))
                    self._open()
                    continue
                raise StoreError(f"query failed: {msg}") from None
        raise AssertionError("unreachable")  # pragma: no cover

    def read_bounded(self, query: str, params: dict[str, Any], timeout: float, max_rows: int) -> tuple[list[dict[str, Any]], bool]:
        """At most ``max_rows`` rows; LadybugDB interrupts the query after ``timeout`` seconds (``set_query_timeout``)."""
        if self.read_only and self._file_stamp() != self._stamp:
            self.close()
            self._open()
        conn = self._conn
        conn.set_query_timeout(max(1, int(timeout * 1000)))
        try:
            res = conn.execute(query, params)
        except RuntimeError as e:
            msg = str(e)
            if _INTERRUPTED.search(msg):
                raise QueryTimeout(f"the query ran past the time limit of {timeout:g} s and was stopped") from None
            if _READ_ONLY_MSG in msg:
                raise WriteNotAllowed(f"read-only: the store is opened read-only ({msg})") from None
            raise StoreError(f"query failed: {msg}") from None
        finally:
            conn.set_query_timeout(0)
        results = res if isinstance(res, list) else [res]
        try:
            if len(results) != 1:
                raise QueryNotAllowed("not allowed in the read-only console: more than one statement")
            out = results[0]
            columns = out.get_column_names()
            rows: list[dict[str, Any]] = []
            while len(rows) <= max_rows and out.has_next():
                rows.append({c: _convert(v) for c, v in zip(columns, out.get_next(), strict=True)})
        finally:
            for r in results:
                r.close()
        return rows[:max_rows], len(rows) > max_rows

    def _create_rels(self, tx: _Tx, key: tuple[str, str, str], rows: list[dict[str, Any]]) -> int:  # type: ignore[override]
        """Many edges at once (a unit's links, a large document) go through ``COPY``:
        ``UNWIND ... MATCH ... CREATE`` grows with the store (an hour for the links
        of 1,000 notices), ``COPY`` does not."""
        if len(rows) < _COPY_MIN_ROWS:
            return super()._create_rels(tx, key, rows)
        type_, a, b = key
        rtable = schema.rel(type_)
        with tempfile.TemporaryDirectory(prefix="vanban-copy-") as tmp:
            path = _parquet(Path(tmp) / f"{type_}.parquet", rtable.props, rows, ("from", "to"))
            opts = f" (from='{a}', to='{b}')" if len(rtable.pairs) > 1 else ""
            tx.run(f"COPY {type_} FROM '{path}'{opts}")
        return len(rows)

    # --- bulk
    def bulk_load(self, docs: Iterable[ParsedDocument]) -> list[UpsertResult]:
        """Into an empty store: every table written with one ``COPY`` (all in one transaction).

        Into a non-empty store: one upsert per document, as ``upsert_document``.
        """
        self._check_writable()
        docs = list(docs)
        if not self.is_empty():
            return super().bulk_load(docs)
        records = [to_records(d) for d in docs]
        nodes, rels = merge_all(records)
        with self._transaction() as tx, tempfile.TemporaryDirectory(prefix="vanban-copy-") as tmp:
            for label, by_key in nodes.items():
                path = _parquet(Path(tmp) / f"{label}.parquet", schema.node(label).props, list(by_key.values()), ())
                tx.run(f"COPY {label} FROM '{path}'")
            for (type_, a, b), rows in rels.items():
                rtable = schema.rel(type_)
                path = _parquet(Path(tmp) / f"{type_}_{a}_{b}.parquet", rtable.props, rows, ("from", "to"))
                opts = f" (from='{a}', to='{b}')" if len(rtable.pairs) > 1 else ""
                tx.run(f"COPY {type_} FROM '{path}'{opts}")
        out, done = [], set()
        for r in records:
            status = "replaced" if r.document_id in done else "created"
            done.add(r.document_id)
            out.append(UpsertResult(r.document_id, status, r.count("Item"), r.count("CITES"), r.count("Body"),
                                    r.nodes["Document"][0]["unit"]))
        return out


#: From how many edges a write uses COPY instead of UNWIND (on a large store even a
#: few rows are faster through COPY: UNWIND + MATCH scans the endpoint tables).
_COPY_MIN_ROWS = 1


def _parquet(path: Path, props: tuple[schema.Prop, ...], rows: list[dict[str, Any]], ends: tuple[str, ...]) -> str:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"STRING": pa.string(), "INT64": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_()}
    cols: dict[str, Any] = {}
    for e in ends:
        cols[e] = pa.array([r[e] for r in rows], pa.string())
    typed = [coerce_row(props, r) for r in rows]
    for p in props:
        cols[p.name] = pa.array([r[p.name] for r in typed], types[p.type])
    if not cols:  # a relationship table without properties still has its ends
        raise ValueError(f"{path}: no columns")
    pq.write_table(pa.table(cols), path)
    return str(path).replace("'", "\\'")
