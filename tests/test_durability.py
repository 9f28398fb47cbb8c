"""kill -9 at several moments of a real batch, then the same ingest again: the store equals a clean ingest.

The batch: synthetic notices of four units (:func:`vanban.synth.generate_corpus`)
and the demo corpus of two wards, ingested by the ``vanban`` command in a
subprocess (a process pool parses, batches of a few documents are written,
six units are linked). It is killed with SIGKILL when its parser pool is up, or when
its ``-v`` log shows a moment (after some batches, in the middle of a batch, while linking), the
next run is killed at a later moment, and so on; the last run finishes. The
kills land wherever the engine happens to be (parsing, inside a ``COPY``
transaction or its checkpoint, between a unit's links and its marker),
because they are timed on the log, not on hooks in the code.

Also checked at the kills: no parser process outlives the killed ``vanban
ingest``; a read-only open (the explorer's) works on the killed store.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from graph import schema
from graph.backends import open_store
from graph.loader import ingest_paths

pytestmark = pytest.mark.slow  # four interrupted runs and two whole ones of a real batch

DEMO = Path(__file__).resolve().parent.parent / "samples" / "demo"
VANBAN = [sys.executable, "-m", "vanban"]
#: documents per transaction in these runs (small: many batches in a short corpus)
BATCH = "5"
#: 18 synthetic notices (three units, six months) and the 14 of the demo corpus (two wards)
N_FILES = 32


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from vanban.synth import generate_corpus

    root = tmp_path_factory.mktemp("corpus")
    generate_corpus(root / "synth", N_FILES - 14, seed=11, months=6)
    shutil.copytree(DEMO, root / "demo")
    return root


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory):
    """The store a clean, uninterrupted ingest gives."""
    store = open_store(db=str(tmp_path_factory.mktemp("clean") / "clean.db"))
    summary = ingest_paths(store, [corpus], link=True, batch=int(BATCH))
    assert summary.failures == [] and summary.created == N_FILES
    yield store
    store.close()


def _run_until(corpus: Path, db: Path, moment: tuple[str, int, float] | None) -> tuple[int, list[int], list[str]]:
    """Run ``vanban ingest``; with ``moment`` (log prefix, n-th such line, delay), SIGKILL it then.

    Returns the exit code, the pids of its worker processes at the kill, and its log.
    """
    cmd = [*VANBAN, "ingest", str(corpus), "--db", str(db), "-v", "--batch", BATCH, "--no-progress"]
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=corpus)
    log: list[str] = []
    workers: list[int] = []
    seen = 0
    assert p.stderr is not None
    if moment and moment[0] == POOL:
        # no log line is tied to the pool's life (a short corpus may be parsed whole before the first
        # "stored:"): watch the process tree and kill as soon as the pool's workers are there
        deadline = time.monotonic() + 120
        while p.poll() is None and time.monotonic() < deadline:
            try:
                workers = [c.pid for c in psutil.Process(p.pid).children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            if len(workers) >= POOL_WORKERS:
                time.sleep(moment[2])
                p.send_signal(signal.SIGKILL)
                break
            time.sleep(0.01)
        log.extend(line.rstrip() for line in p.stderr)
        return p.wait(timeout=600), workers, log
    for line in p.stderr:
        log.append(line.rstrip())
        if moment and line.startswith(moment[0]):
            seen += 1
            if seen == moment[1]:
                time.sleep(moment[2])
                try:
                    workers = [c.pid for c in psutil.Process(p.pid).children(recursive=True)]
                except psutil.NoSuchProcess:
                    pass
                p.send_signal(signal.SIGKILL)
                break
    return p.wait(timeout=600), workers, log


def _without_verdict(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "verdict"} for r in rows]


def _survivors(pids: list[int], wait_s: float = 5.0) -> list[int]:
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        alive = [pid for pid in pids if psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE]
        if not alive:
            return []
        time.sleep(0.2)
    return alive


# Each run is killed at a later moment than the one before; the last one finishes.
#: the moment the parser pool's workers are up (watched in the process tree, not in the log)
POOL = "<pool>"
#: the workers of a pool on a machine of two cores or more (``vanban ingest`` starts one a core)
POOL_WORKERS = min(2, os.cpu_count() or 1)
MOMENTS = [
    (POOL, 0, 0.05),  # while the pool parses
    ("stored:", 1, 0.0),  # after the first batch
    ("stored:", 2, 0.4),  # most likely inside the next batch's transaction or its checkpoint
    ("linking", 2, 0.3),  # while a unit's links are written
    ("linking", 5, 0.05),  # late in linking
]


def test_kill_9_at_several_moments_then_ingest_again_equals_a_clean_ingest(corpus, clean, tmp_path):
    db = tmp_path / "killed.db"
    killed_at = []
    read_checked = False
    for n, moment in enumerate(MOMENTS):
        code, workers, log = _run_until(corpus, db, moment)
        if n == 0 and (os.cpu_count() or 1) > 1:
            assert code == -signal.SIGKILL, "the parser pool never came up: " + "\n".join(log[-5:])
        if code != -signal.SIGKILL:  # finished before the moment came (a fast machine): nothing was killed
            continue
        killed_at.append((moment, log[-1] if log else ""))
        if n == 0:  # killed while the pool parsed
            assert len(workers) >= POOL_WORKERS, "the parser pool was not running at the kill"
        # pool workers watch their parent: none outlives it
        assert _survivors(workers) == [], f"parser processes outlived the killed ingest ({moment})"
        if moment[0] == "linking" and not read_checked:
            read_checked = True
            # the explorer opens read-only; after a kill the engine wants a read-write open first: it gets one
            reader = open_store(db=str(db), read_only=True)
            assert reader.counts()["Document"] == N_FILES
            reader.close()
    assert killed_at, "no run was killed: the moments never came"
    code, _, log = _run_until(corpus, db, None)
    assert code == 0, "\n".join(log[-20:])

    store = open_store(db=str(db))
    try:
        assert store.recover().stale_units == []  # nothing left to repair or relink
        # every label, every edge type, the month-to-month links included
        assert store.counts() == clean.counts(), killed_at
        got, want = store.dump(include_text=False), clean.dump(include_text=False)
        assert got.nodes.keys() == want.nodes.keys()
        for label in got.nodes:  # verdicts come from the linker, whose near-ties are compared by count above
            assert _without_verdict(got.nodes[label]) == _without_verdict(want.nodes[label]), label
        for key in got.rels:  # every edge the documents themselves write, exactly
            if not schema.rel(key[0]).link:
                assert got.rels[key] == want.rels[key], key
        for key in got.rels:  # links: the same tasks and limitations linked, unit by unit
            if schema.rel(key[0]).link:
                assert sorted(r["from"] for r in got.rels[key]) == sorted(r["from"] for r in want.rels[key]), key
    finally:
        store.close()
