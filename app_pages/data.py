"""The explorer's one way to the store: opened once, read through caches.

* The store is opened read-only once per process (``st.cache_resource``) and
  shared by every browser session; a lock serialises calls into it (an
  embedded connection is not meant for concurrent threads).
* Query results are cached (``st.cache_data``) under the query, its
  parameters and the store's *data signature*.
* An ad-hoc query of the Truy vấn box never touches that shared store: it
  goes through :func:`graph.console.run` (checked by :mod:`graph.guard`, run
  in its own worker process with a time limit and a row cap), without the lock.
* ``vanban ingest`` may write while the explorer is open (LadybugDB allows one
  writer and any number of read-only readers; a reader sees the data as it was
  when it opened). For the embedded store the signature is the size and
  modification time of the database file and its write-ahead log: when ingest
  commits, the next interaction sees a new signature, reopens the store and
  reruns the queries, so new documents appear without a restart. For Neo4j
  (always live) the signature changes every minute. The sidebar button
  "Tải lại dữ liệu" clears every cache and reopens the store at once.
* Neo4j credentials come from the environment (``NEO4J_URI``, ``NEO4J_USER``,
  ``NEO4J_PASSWORD``, which ``vanban app`` sets) or from a ``[neo4j]`` section
  of ``.streamlit/secrets.toml`` (``uri``, ``user``, ``password``).
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

import streamlit as st

from graph import console
from vanban.config import ConsoleLimits, StoreConfig, console_limits, store_config
from vanban.errors import StoreError, VanbanError

_LOCK = threading.RLock()


def config() -> StoreConfig:
    """Where the store is: the environment first, then ``[neo4j]`` in secrets, else ``./vanban.db``."""
    cfg = store_config()
    if cfg.neo4j_uri:
        return cfg
    try:
        neo = st.secrets.get("neo4j") if "neo4j" in st.secrets else None
    except Exception:  # no secrets.toml: Streamlit raises its own error type
        neo = None
    if neo and neo.get("uri"):
        return StoreConfig(cfg.db, neo.get("uri"), neo.get("user") or "neo4j", neo.get("password"))
    return cfg


def signature(cfg: StoreConfig | None = None) -> tuple[Any, ...]:
    """What changes when the data does (see the module docstring)."""
    cfg = cfg or config()
    if cfg.neo4j_uri:
        return ("neo4j", int(time.time() // 60))
    out: list[Any] = ["ladybug"]
    for p in (Path(cfg.db), Path(cfg.db + ".wal")):
        try:
            s = p.stat()
            out += [s.st_size, s.st_mtime_ns]
        except OSError:
            out += [None, None]
    return tuple(out)


def _close(store: Any) -> None:
    with _LOCK:
        store.close()


@st.cache_resource(show_spinner="Đang mở kho dữ liệu…", max_entries=1, on_release=_close)
def _open(db: str, neo4j_uri: str | None, user: str | None, password: str | None, sig: tuple[Any, ...]) -> Any:
    from graph.backends import open_store

    return open_store(db=db, neo4j_uri=neo4j_uri, user=user, password=password, read_only=True)


def store() -> Any:
    """The open store (reopened when the data signature changed)."""
    cfg = config()
    return _open(cfg.db, cfg.neo4j_uri, cfg.user, cfg.password, signature(cfg))


@st.cache_data(show_spinner=False, max_entries=2000)
def _query(name: str, params: tuple[tuple[str, Any], ...], sig: tuple[Any, ...]) -> list[dict[str, Any]]:
    with _LOCK:
        return store().query(name, dict(params))


@st.cache_data(show_spinner=False, max_entries=500)
def _query_page(name: str, params: tuple[tuple[str, Any], ...], skip: int, limit: int, sig: tuple[Any, ...]) -> list[dict[str, Any]]:
    with _LOCK:
        return store().query_page(name, dict(params), skip, limit)


@st.cache_data(show_spinner=False, max_entries=200)
def _cypher(text: str, params: tuple[tuple[str, Any], ...], sig: tuple[Any, ...], timeout: float, max_rows: int) -> Any:
    # its own worker process, no lock: a slow, crashing or setting-changing query reaches no one else
    return console.run(config(), text, dict(params), timeout=timeout, max_rows=max_rows)


@st.cache_data(show_spinner=False, max_entries=20)
def _counts(sig: tuple[Any, ...]) -> dict[str, int]:
    with _LOCK:
        return store().counts()


def query(name: str, **params: Any) -> list[dict[str, Any]]:
    """Rows of the named query ``queries/NAME.cypher`` (``None`` parameters are left out)."""
    kept = tuple(sorted((k, v) for k, v in params.items() if v is not None and v != ""))
    return _query(name, kept, signature())


def query_page(name: str, skip: int, limit: int, **params: Any) -> list[dict[str, Any]]:
    """Rows ``skip`` to ``skip + limit`` of a named query, read as a page (:meth:`graph.store.CypherStore.query_page`)."""
    kept = tuple(sorted((k, v) for k, v in params.items() if v is not None and v != ""))
    return _query_page(name, kept, skip, limit, signature())


def limits() -> ConsoleLimits:
    """The console's time limit and row cap: ``$VANBAN_CONSOLE_TIMEOUT``, ``$VANBAN_CONSOLE_MAX_ROWS`` (``vanban app`` options)."""
    return console_limits()


def cypher(text: str, **params: Any) -> console.ConsoleResult:
    """An ad-hoc query through the console (:func:`graph.console.run`): checked, in its own process, bounded.

    Raises ``QueryNotAllowed`` (a ``WriteNotAllowed``), ``QueryTimeout``, ``QueryCrashed``, ``StoreError``.
    """
    lim = limits()
    return _cypher(text, tuple(sorted(params.items())), signature(), lim.timeout, lim.max_rows)


def counts() -> dict[str, int]:
    return _counts(signature())


@st.cache_data(show_spinner=False, max_entries=50)
def _graph(nodes: tuple, edges: tuple, options: tuple) -> Any:
    from graph.visual import graph_html

    return graph_html(list(nodes), list(edges), **dict(options))


def graph(nodes: list, edges: list, **options: Any) -> Any:
    """:func:`graph.visual.graph_html`, cached: the page is ~700 KB (vis-network pasted in) and takes up to 0.3 s."""
    return _graph(tuple(nodes), tuple(edges), tuple(sorted(options.items())))


def write(fn: Any) -> Any:
    """Run ``fn(store)`` on a store opened for writing (a reviewer's decision), then reread everything.

    The explorer's own store stays read-only: the shared reader is closed first (LadybugDB takes
    one writer or readers), a writer is opened for this one call and closed, and every cache
    is cleared so the next run reads what was written. A ``vanban ingest`` holding the
    file makes this raise :class:`vanban.errors.StoreError` (shown on the page).
    """
    from graph.backends import open_store

    cfg = config()
    with _LOCK:
        st.cache_resource.clear()
        st.cache_data.clear()
        s = open_store(db=cfg.db, neo4j_uri=cfg.neo4j_uri, user=cfg.user, password=cfg.password, read_only=False)
        try:
            return fn(s)
        finally:
            s.close()
            st.cache_data.clear()


@st.cache_data(show_spinner=False, max_entries=50)
def _review_log(unit: str | None, sig: tuple[Any, ...]) -> list[dict[str, Any]]:
    from graph.review import review_log as log

    with _LOCK:
        return log(store(), unit)


def review_log(unit: str | None = None) -> list[dict[str, Any]]:
    """The inspectors' decisions (:func:`graph.review.review_log`: with attached / reattached / orphaned)."""
    return _review_log(unit, signature())


def reload() -> None:
    """Forget every cached result and reopen the store."""
    st.cache_data.clear()
    st.cache_resource.clear()


def describe() -> str:
    """Which store the explorer reads, for the sidebar (no password shown)."""
    cfg = config()
    if cfg.neo4j_uri:
        return f"Neo4j: {cfg.neo4j_uri}"
    return f"LadybugDB: {os.path.basename(cfg.db)}"


def rows_or_stop(name: str, **params: Any) -> list[dict[str, Any]]:
    """Rows of a named query; on a store error, say why on the page and stop it."""
    try:
        return query(name, **params)
    except VanbanError as e:
        show_store_error(e)
        st.stop()
        raise  # unreachable: st.stop() raises


def show_store_error(e: Exception) -> None:
    if isinstance(e, StoreError) and "no database there yet" in str(e):
        st.info(
            "Chưa có dữ liệu. Hãy nạp văn bản trước: `vanban ingest samples/demo` "
            "(hoặc `make demo`), rồi bấm **Tải lại dữ liệu**."
        )
    else:
        st.error(f"Không đọc được kho dữ liệu: {e}")


def sidebar() -> None:
    """The store in use and the reload button."""
    with st.sidebar:
        st.caption(describe())
        if st.button("Tải lại dữ liệu", help="Đọc lại kho dữ liệu (sau khi nạp thêm văn bản bằng vanban ingest)."):
            reload()
            st.toast("Đã tải lại dữ liệu.")
