"""The Cypher console (``vanban cypher``, the explorer's Truy vấn box): a user's query, fenced in three ways.

1. **Only reading passes** (:mod:`graph.guard`): a lexer and an allowlist
   parser refuse anything but reading clauses and allowed functions; the
   engine then runs the text the guard returned (comments blanked).
2. **The engine bounds it**: the store is opened read-only; LadybugDB stops
   the query after the time limit (``Connection.set_query_timeout``), Neo4j
   runs it in a READ transaction with a transaction timeout; at most
   ``max_rows`` rows are fetched (one more to know there were more).
3. **Its own process or connection**: on LadybugDB, an embedded engine,
   every query runs in a fresh worker (``python -m graph.console``), so a crash
   of the engine (it segfaults on some table functions), a setting or a slow
   query stays there. The caller kills the worker when the time limit plus a
   small margin has passed (some work, building a huge list, does not look at
   the engine's timeout), and turns a dead worker into
   :class:`~vanban.errors.QueryCrashed`. On Neo4j the query runs on the server:
   each gets a driver of its own (its own connection), and the caller stops
   waiting at the time limit plus a margin.

The request goes to the worker on its stdin as JSON; the worker prints
``ready`` once the store is open, then one JSON line with the rows or the
error. Rows travel as JSON: dates become ISO strings.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any

from vanban.config import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, StoreConfig
from vanban.errors import (
    QueryCrashed,
    QueryNotAllowed,
    QueryTimeout,
    StoreError,
    VanbanError,
    WriteNotAllowed,
)

__all__ = ["DEFAULT_MAX_ROWS", "DEFAULT_TIMEOUT", "ConsoleResult", "run"]

#: seconds past the time limit before the worker is killed (the engine's own stop comes first)
KILL_MARGIN = 2.0
#: seconds the worker may take to start and open the store (a reader retries while a writer commits)
OPEN_TIMEOUT = 30.0
#: seconds allowed to connect to Neo4j, on top of the time limit
NEO4J_CONNECT_TIMEOUT = 10.0
#: console queries running at once in this process (the explorer serves every session from one process);
#: more wait for a free slot up to their time limit, so many open tabs cannot start many engines
MAX_PARALLEL = 4
_SLOTS = threading.BoundedSemaphore(MAX_PARALLEL)

# errors the worker reports by name, and only these
_ERRORS: dict[str, type[VanbanError]] = {
    c.__name__: c for c in (QueryNotAllowed, WriteNotAllowed, QueryTimeout, StoreError, VanbanError)
}


@dataclass(frozen=True)
class ConsoleResult:
    """The rows of a console query; ``truncated`` when it had more than the row cap."""

    rows: list[dict[str, Any]]
    truncated: bool
    max_rows: int
    seconds: float


def run(
    cfg: StoreConfig,
    text: str,
    params: dict[str, Any] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_rows: int = DEFAULT_MAX_ROWS,
) -> ConsoleResult:
    """Check ``text``, run it in a worker process on the store ``cfg`` names, return at most ``max_rows`` rows.

    Raises :class:`QueryNotAllowed` (before any process starts), :class:`QueryTimeout`,
    :class:`QueryCrashed`, :class:`StoreError`.
    """
    from graph.guard import check

    if timeout <= 0:
        raise ValueError(f"timeout must be a positive number of seconds, not {timeout}")
    if max_rows < 1:
        raise ValueError(f"max_rows must be at least 1, not {max_rows}")
    checked = check(text)
    request = {
        "db": cfg.db, "neo4j_uri": cfg.neo4j_uri, "user": cfg.user, "password": cfg.password,
        "query": checked, "params": params or {}, "timeout": timeout, "max_rows": max_rows,
    }
    started = time.monotonic()
    if not _SLOTS.acquire(timeout=timeout):
        raise QueryTimeout(f"the console is busy ({MAX_PARALLEL} queries running) for longer than the time limit of {timeout:g} s; try again")
    try:
        reply = _in_session(request, timeout) if cfg.neo4j_uri else _in_worker(request, timeout)
    finally:
        _SLOTS.release()
    seconds = time.monotonic() - started
    if "error" in reply:
        raise _ERRORS.get(reply["error"], VanbanError)(reply["message"])
    return ConsoleResult(reply["rows"], bool(reply["truncated"]), max_rows, seconds)


def _in_session(request: dict[str, Any], timeout: float) -> dict[str, Any]:
    """Neo4j: the query runs on the server, which stops it; a driver of its own (its own connection) per query.

    The caller waits on a thread, so a server that does not answer costs it the
    time limit plus a margin, not more.
    """
    box: dict[str, dict[str, Any]] = {}

    def work() -> None:
        try:
            # as JSON, like the worker's reply: the same plain values from both stores
            box["reply"] = json.loads(json.dumps(_answer(request), ensure_ascii=False, default=_json_default))
        except Exception as e:  # noqa: BLE001 - a driver failure (server gone) is a store error for the caller
            box["reply"] = {"error": "StoreError", "message": f"{request['neo4j_uri']}: {e}"}

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(timeout + KILL_MARGIN + NEO4J_CONNECT_TIMEOUT)
    if "reply" not in box:
        raise QueryTimeout(f"the query ran past the time limit of {timeout:g} s and was abandoned (Neo4j did not answer)")
    return box["reply"]


def _in_worker(request: dict[str, Any], timeout: float) -> dict[str, Any]:
    """Send ``request`` to a fresh worker; its reply, or the error its death means."""
    token = uuid.uuid4().hex  # the reply line is marked: nothing the engine prints can pass for it
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "graph.console", token],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, env=_worker_env(),
        )
        lines: queue.Queue[bytes] = queue.Queue()
        reader = threading.Thread(target=_pump, args=(proc.stdout, lines), daemon=True)
        reader.start()
        try:
            assert proc.stdin is not None
            proc.stdin.write(json.dumps(request).encode("utf-8"))
            proc.stdin.close()
            ready = _next_line(lines, token, OPEN_TIMEOUT)
            if ready is _ENDED:
                raise _died(_reap(proc), err)
            if ready is None:
                raise StoreError(f"the query worker did not open the store within {OPEN_TIMEOUT:g} s")
            line = _next_line(lines, token, timeout + KILL_MARGIN)
            if line is _ENDED:  # the worker died before it answered
                raise _died(_reap(proc), err)
            if line is None:
                raise QueryTimeout(f"the query ran past the time limit of {timeout:g} s and was stopped")
            _reap(proc)  # it closes the store and exits; killed below if it does not
            return json.loads(line)
        finally:
            _stop(proc)
            reader.join(timeout=5)


def _pump(stream: IO[bytes] | None, lines: queue.Queue[bytes]) -> None:
    assert stream is not None
    for line in stream:
        lines.put(line)
    lines.put(b"")  # end of stream


_ENDED = b"\0ended"


def _next_line(lines: queue.Queue[bytes], token: str, seconds: float) -> bytes | None:
    """The next line that carries ``token`` (its payload); ``_ENDED`` when the worker's output ended; None past the wait."""
    deadline = time.monotonic() + seconds
    prefix = token.encode() + b" "
    while True:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            return None
        if not line:
            return _ENDED
        if line.startswith(prefix):
            return line[len(prefix):].rstrip(b"\n")


def _reap(proc: subprocess.Popen[bytes]) -> int | None:
    """The exit code of a worker whose output ended (it may take a moment to become waitable)."""
    try:
        return proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        return None


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def _died(code: int | None, err: IO[bytes]) -> VanbanError:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return QueryCrashed(f"the query crashed the database engine ({name}) and was stopped; nothing else was affected")
    err.seek(0)
    tail = err.read().decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
    return QueryCrashed(f"the query worker failed (exit code {code}: {tail[0][:300]})")


def _worker_env() -> dict[str, str]:
    env = dict(os.environ)
    # the worker imports this package from where this file is, whatever the caller's directory
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


# -- the worker ------------------------------------------------------------------------


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "iso_format"):  # neo4j.time values
        return value.iso_format()
    return str(value)


def _answer(request: dict[str, Any], ready: Any = None) -> dict[str, Any]:
    """Open the store read-only, run the request's query bounded, close: the reply (rows or the error, by name)."""
    from graph.backends import open_store
    from graph.guard import check

    try:
        query = check(request["query"])  # again: the worker may be started by hand
        store = open_store(db=request["db"], neo4j_uri=request["neo4j_uri"], user=request["user"],
                           password=request["password"], read_only=True)
    except VanbanError as e:
        return {"error": type(e).__name__, "message": str(e)}
    if ready is not None:
        ready()
    try:
        rows, truncated = store.read_bounded(query, request["params"], float(request["timeout"]), int(request["max_rows"]))
        return {"rows": rows, "truncated": truncated}
    except VanbanError as e:
        return {"error": type(e).__name__, "message": str(e)}
    finally:
        store.close()


def _serve(token: str) -> int:
    """Read one request on stdin, answer it on stdout (``TOKEN ready`` once the store is open, then ``TOKEN {json}``)."""
    out = sys.stdout.buffer
    said_ready = False

    def say(payload: str) -> None:
        out.write(f"{token} {payload}\n".encode())
        out.flush()

    def ready() -> None:
        nonlocal said_ready
        said_ready = True
        say("ready")

    reply = _answer(json.loads(sys.stdin.buffer.read().decode("utf-8")), ready)
    if not said_ready:
        say("ready")
    say(json.dumps(reply, ensure_ascii=False, default=_json_default))
    return 0


if __name__ == "__main__":
    if hasattr(os, "nice"):
        os.nice(5)  # a heavy console query yields the CPU to the pages
    sys.exit(_serve(sys.argv[1]))
