"""Smoke test of an installed vanban, run outside the checkout (``make wheel-smoke``; CI: ``.ci/run``).

    VENV/bin/python -I tools/smoke_installed.py NOTICES_FOLDER

``-I`` keeps the checkout off ``sys.path``: everything comes from the installed
wheel. In the current folder it ingests the notices, runs every named query
(parameters taken from the ingested data), an ad-hoc Cypher query, the four
export formats, ``vanban parse``, and the explorer (its router in Streamlit's
AppTest, then ``vanban app`` answering its health check). Prints one line per
step; exits 1 at the first step that fails, with its output.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent
VANBAN = str(BIN / "vanban")
DB = "smoke.db"


def fail(step: str, detail: str) -> None:
    print(f"FAIL {step}\n{detail[-4000:]}", file=sys.stderr)
    raise SystemExit(1)


def run(step: str, *args: str, want_json: bool = False) -> str | list:
    t0 = time.perf_counter()
    proc = subprocess.run([VANBAN, *args], capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        fail(step, f"$ vanban {' '.join(args)}\nexit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    print(f"ok   {step} ({time.perf_counter() - t0:.1f} s)")
    return json.loads(proc.stdout) if want_json else proc.stdout


def installed_outside(checkout_marker: str = "pyproject.toml") -> None:
    """The modules come from site-packages, not from a checkout."""
    import graph
    import ingest
    import vanban

    for mod in (vanban, ingest, graph):
        where = Path(mod.__file__ or "").resolve().parent
        if "site-packages" not in where.parts or (where.parent / checkout_marker).exists():
            fail("installed", f"{mod.__name__} comes from {where}, not from an installed wheel")
    print(f"ok   installed: vanban from {Path(vanban.__file__ or '').resolve().parent}")


def main(notices: Path) -> None:
    installed_outside()
    files = sorted(p for p in notices.iterdir() if p.suffix == ".txt")
    if len(files) < 2:
        fail("notices", f"{notices}: expected two or more .txt notices")

    parse = run("parse", "parse", str(files[0]), want_json=True)
    assert isinstance(parse, dict) and parse["schema"] == "vanban.parse/1", parse
    out = run("ingest", "ingest", *map(str, files), "--db", DB, "--no-progress")
    if f"ingested {len(files)} documents" not in out:
        fail("ingest", out)

    from graph.queries import load_queries

    queries = load_queries()
    listed = run("query --list", "query", "--list")
    missing = [name for name in queries if f"{name}(" not in listed]
    if len(queries) < 8 or missing:
        fail("query --list", f"{len(queries)} queries; not listed: {missing}")

    docs = run("documents", "query", "documents", "--db", DB, "--format", "json", want_json=True)
    if len(docs) != len(files):
        fail("documents", json.dumps(docs, ensure_ascii=False))
    directives = run("directives", "query", "directives", "--db", DB, "--format", "json", want_json=True)
    keys = [r["key"] for r in directives if "57-NQ/TW" in (r.get("key") or "")] or [directives[0]["key"]]
    items = run("unit_items", "query", "unit_items", "-p", f"unit={docs[-1]['unit']}", "--db", DB, "--format", "json", want_json=True)
    if not items:
        fail("unit_items", f"no item in {docs[-1]['unit']}")
    values = {"unit": docs[-1]["unit"], "document": docs[-1]["document"], "key": keys[0], "body": "ubnd", "q": "chuyen doi so",
              "item": items[0]["item"],
              "period": docs[-1].get("planned_period") or "2026-03", "role": "task", "limit": "5", "directives": keys[0]}
    for name, q in sorted(queries.items()):
        unknown = [p.name for p in q.params if p.required and p.name not in values]
        if unknown:
            fail(f"query {name}", f"no smoke value for its required parameters {unknown}: add them to values")
        args = [f"{p.name}={values[p.name]}" for p in q.params if p.required]
        rows = run(f"query {name}", "query", name, *(a for kv in args for a in ("-p", kv)), "--db", DB, "--format", "json", want_json=True)
        if not isinstance(rows, list):
            fail(f"query {name}", repr(rows))
    citing = run("citing_documents 57", "query", "citing_documents", "-p", f"key={keys[0]}", "--db", DB, "--format", "json", want_json=True)
    if not citing:
        fail("citing_documents 57", f"no notice cites {keys[0]}")

    n = run("cypher", "cypher", "MATCH (d:Document) RETURN count(*) AS n", "--db", DB, "--format", "json", want_json=True)
    if n != [{"n": len(files)}]:
        fail("cypher", repr(n))
    for fmt, out_path in (("ttl", "graph.ttl"), ("jsonld", "graph.jsonld"), ("graphml", "graph.graphml"), ("csv", "csv")):
        run(f"export {fmt}", "export", "--format", fmt, out_path, "--db", DB)
        p = Path(out_path)
        size = sum(f.stat().st_size for f in p.iterdir()) if p.is_dir() else p.stat().st_size
        if size < 1000:
            fail(f"export {fmt}", f"{out_path}: only {size} bytes")

    run("app --help", "app", "--help")
    explorer_router()
    explorer_server()


def explorer_router() -> None:
    """The installed app.py and its pages run in Streamlit's AppTest on the ingested store."""
    from streamlit.testing.v1 import AppTest

    import vanban

    os.environ["VANBAN_DB"] = str(Path(DB).resolve())
    app_py = Path(vanban.__file__ or "").resolve().parent.parent / "app.py"
    at = AppTest.from_file(str(app_py), default_timeout=120).run()
    if at.exception:
        fail("explorer", "\n".join(str(e.value) for e in at.exception))
    print("ok   explorer: app.py runs from the wheel")


def explorer_server() -> None:
    """``vanban app`` starts Streamlit on the installed app.py and answers its health check."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # its own process group: `vanban app` runs Streamlit as a child, and both must stop at the end
    proc = subprocess.Popen([VANBAN, "app", "--db", DB, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    if r.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                fail("vanban app", proc.stdout.read() if proc.stdout else "")
            time.sleep(0.5)
        print(f"ok   vanban app: health check on port {port}")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]).resolve())
