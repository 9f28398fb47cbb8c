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
import logging
import re
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from graph import schema
from graph.records import Records, merge_all, merge_node, to_records
from graph.store import CypherStore, UpsertResult, coerce_row, failed_result, plain, register_backend, result_of
from ingest.models import ParsedDocument
from vanban.errors import QueryNotAllowed, QueryTimeout, StoreError, WriteNotAllowed

log = logging.getLogger(__name__)

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


#: values :func:`_convert` returns as they are
_SCALARS = frozenset({str, int, float, bool, type(None)})


class _Tx:
    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        res = self.conn.execute(query, params or {})
        try:
            columns = res.get_column_names()
            rows = res.get_all()
            # most reads return strings and numbers: a row of them is taken as it is, only a row that
            # holds a node, a list or a Decimal sum goes through _convert
            return [
                dict(zip(columns, row, strict=True)) if all(type(v) in _SCALARS for v in row)
                else {c: _convert(v) for c, v in zip(columns, row, strict=True)}
                for row in rows
            ]
        finally:
            res.close()


class EmbeddedStore(CypherStore):
    backend = "ladybug"
    dialect = "ladybug"
    supports_copy = True
    atomic_commit = False  # a kill during a commit's checkpoint loses COPY data, keeps the rest (graph.store)

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
        if not self.read_only and self.path != ":memory:":
            # `vanban ingest --db stores/2026/ward.db` makes the folders, as any tool writing a file would
            try:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"{self.path}: cannot create the folder for the database: {e.strerror}") from None
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
                if self.read_only and "recovery is pending" in msg and attempt == 0 and self._replay_log():
                    continue  # a killed writer's log was replayed: open read-only again
                if attempt == self._retries - 1 or not _TRANSIENT.search(msg):
                    raise StoreError(f"{self.path}: cannot open the database: {msg}") from None
                time.sleep(delay)
                delay *= 2
        if self.read_only:
            self._check_schema()
            self._stamp = self._file_stamp()
        else:
            self._create_schema()

    def _replay_log(self) -> bool:
        """Open read-write once, so that the engine replays what a killed writer left, and close.

        A read-only open refuses a database whose recovery is pending (the
        explorer after an ingest was killed); only a read-write open replays
        it. Nothing else is written. False when a writer holds the file: it
        will replay the log itself.
        """
        lb = _lb()
        try:
            db = lb.Database(self.path, read_only=False)
        except RuntimeError:
            return False
        db.close()
        return True

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

    def _durable(self) -> None:
        # the commit checkpointed already when its log was large; this makes sure of it (cheap otherwise)
        _Tx(self._conn).run("CHECKPOINT")

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
    def bulk_load(self, docs: Iterable[ParsedDocument], records: Sequence[Records | None] | None = None) -> list[UpsertResult]:
        """A batch of documents in one transaction, through ``COPY``, into an empty store or not.

        Each document's status is what upserting them one after the other
        would give: ``unchanged`` (same content stored), ``replaced`` (an
        earlier version stored, or earlier in the batch), ``created``; a
        document whose rows cannot be built is ``failed``. New and revised
        documents are written in one transaction: the stored versions of the
        revised ones are deleted, owned nodes and every edge are copied, and
        shared nodes (a Body, a Directive, a Month another document named
        already) are merged with :func:`graph.records.merge_node` and only the
        new ones copied (``COPY`` appends, it cannot merge). Should the
        transaction fail, the batch is written again one document per
        transaction, and the document that fails is reported with its reason.

        Before the transaction, the ids and content hashes it is about to write
        are noted in a ``pending:`` marker, removed once the transaction is
        committed and checkpointed (see :mod:`graph.store` and :meth:`recover`).
        LadybugDB's automatic checkpoint stays on: with it off, committed
        ``COPY`` batches are lost when the process is killed (measured with
        ``kill -9``; docs/graph.md).

        ``records``: the rows of ``docs`` (``to_records(doc)``, aligned with them) where they were
        built already, by the parser's worker processes (``None`` where not: built here).
        """
        self._check_writable()
        docs = list(docs)
        prebuilt = list(records) if records is not None else []
        if prebuilt and len(prebuilt) != len(docs):
            raise ValueError(f"bulk_load: {len(prebuilt)} records for {len(docs)} documents")
        results: list[UpsertResult | None] = [None] * len(docs)
        built: list[tuple[int, Records]] = []
        for n, d in enumerate(docs):
            try:
                ready = prebuilt[n] if prebuilt else None
                built.append((n, ready if ready is not None else to_records(d)))
            except Exception as e:  # noqa: BLE001 - a document whose rows cannot be built fails alone
                results[n] = failed_result(d, e)
        with self._transaction() as tx:
            stored = self._stored(tx, (r.document_id for _, r in built))
        # statuses as sequential upserts would give them; the last version of each id is written
        state = {i: (row["h"], row["source"], row["unit"]) for i, row in stored.items()}
        last: dict[str, tuple[int, Records]] = {}
        for n, r in built:
            before = state.get(r.document_id)
            if before and before[0] == r.content_hash:
                results[n] = result_of(r, "unchanged")
            elif before:
                results[n] = result_of(r, "replaced", previous_source=before[1])
            else:
                results[n] = result_of(r, "created")
            state[r.document_id] = (r.content_hash, r.nodes["Document"][0]["source"], None)
            last[r.document_id] = (n, r)
        write = [(n, r) for i, (n, r) in last.items() if not (i in stored and stored[i]["h"] == r.content_hash)]
        if write:
            units = [r.nodes["Document"][0]["unit"] for _, r in write] + [stored[i]["unit"] for i in last if i in stored]
            key = self._journal({r.document_id: r.content_hash for _, r in write}, units)
            try:
                with self._transaction() as tx, tempfile.TemporaryDirectory(prefix="vanban-copy-") as tmp:
                    self._copy_batch(tx, Path(tmp), [r for _, r in write], stored)
            except Exception as e:  # noqa: BLE001 - rolled back: one transaction per document finds the bad one
                log.warning("%s: a batch of %d documents failed (%s); writing them one by one", self.path, len(write), e)
                self._settle(key)
                for n, _ in built:
                    try:
                        results[n] = self.upsert_document(docs[n])
                    except Exception as e1:  # noqa: BLE001 - reported, the batch goes on
                        results[n] = failed_result(docs[n], e1)
            else:
                self._settle(key)
        return [r for r in results if r is not None]

    def _copy_batch(self, tx: _Tx, tmp: Path, write: list[Records], stored: dict[str, Any]) -> None:
        touched: dict[str, set[str]] = {}
        for r in write:
            if r.document_id in stored:
                for label, keys in self._delete(tx, r.document_id).items():
                    touched.setdefault(label, set()).update(keys)
        nodes, rels = merge_all(write)
        for label, by_key in nodes.items():
            table = schema.node(label)
            fresh = list(by_key.values())
            if not table.owned:
                old = self._fetch_nodes(tx, label, by_key)
                update = []
                for k, o in old.items():
                    merged = merge_node(label, {c: plain(v) for c, v in o.items()}, by_key[k])
                    if coerce_row(table.props, merged) != coerce_row(table.props, o):
                        update.append(merged)
                self._update_nodes(tx, label, update)
                fresh = [row for k, row in by_key.items() if k not in old]
            if fresh:
                path = _parquet(tmp / f"{label}.parquet", table.props, fresh, ())
                tx.run(f"COPY {label} FROM '{path}'")
        for (type_, a, b), rows in rels.items():
            if not rows:
                continue
            rtable = schema.rel(type_)
            path = _parquet(tmp / f"{type_}_{a}_{b}.parquet", rtable.props, rows, ("from", "to"))
            opts = f" (from='{a}', to='{b}')" if len(rtable.pairs) > 1 else ""
            tx.run(f"COPY {type_} FROM '{path}'{opts}")
        self._after_delete(tx, touched)
        self._mark_stale(tx, [r.nodes["Document"][0]["unit"] for r in write]
                         + [stored[r.document_id]["unit"] for r in write if r.document_id in stored])


#: From how many edges a write uses COPY instead of UNWIND (on a large store even a
#: few rows are faster through COPY: UNWIND + MATCH scans the endpoint tables).
_COPY_MIN_ROWS = 1


def _parquet(path: Path, props: tuple[schema.Prop, ...], rows: list[dict[str, Any]], ends: tuple[str, ...]) -> str:
    """Write ``rows`` (the ``ends`` columns, then the typed ``props``) to a Parquet file for ``COPY``.

    The rows :func:`graph.records.to_records` builds are typed already: Arrow converts them all at
    once (a struct array from the dicts, in C++; keys not in the table are ignored). A value of
    another type than its column's (an int in a STRING column) sends the table through
    :func:`coerce_row` first, row by row, as before.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not ends and not props:  # a relationship table without properties still has its ends
        raise ValueError(f"{path}: no columns")
    types = {"STRING": pa.string(), "INT64": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_()}
    fields = [pa.field(e, pa.string()) for e in ends] + [pa.field(p.name, types[p.type]) for p in props]
    try:
        batch = pa.RecordBatch.from_struct_array(pa.array(rows, pa.struct(fields)))
    except (pa.ArrowTypeError, pa.ArrowInvalid, OverflowError):
        typed = [{**{e: r[e] for e in ends}, **coerce_row(props, r)} for r in rows]
        batch = pa.RecordBatch.from_struct_array(pa.array(typed, pa.struct(fields)))
    pq.write_table(pa.Table.from_batches([batch]), path)
    return str(path).replace("'", "\\'")


register_backend("ladybug", EmbeddedStore)
