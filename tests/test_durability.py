"""kill -9 at several moments of a real batch, then the same ingest again: the store equals a clean ingest.

The batch: synthetic notices of four units (:func:`vanban.synth.generate_corpus`)
and the demo corpus of two wards, ingested by the ``vanban`` command in a
subprocess (a process pool parses, batches of a few documents are written,
six units are linked). It is killed with SIGKILL when its ``-v`` log shows
a moment (after some batches, in the middle of a batch, while linking), the
next run is killed at a later moment, and so on; the last run finishes. The
kills land wherever the engine happens to be (parsing, inside a ``COPY``
transaction or its checkpoint, between a unit's links and its marker),
because they are timed on the log, not on hooks in the code.

Also checked at the kills: no parser process outlives the killed ``vanban
ingest``; a read-only open (the explorer's) works on the killed store.
"""

from __future__ import annotations

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
MOMENTS = [
    # the first "stored:" line is logged when the next batch is handed to the writer thread, from inside
    # the parse loop: the pool is still open (a batch grows while the writer is busy, so a 32-file run
    # has only a few batches, and the pool may have parsed everything by the second)
    ("stored:", 1, 0.0),  # after a batch, while the pool parses the next ones
    ("stored:", 2, 0.4),  # most likely inside the next batch's transaction or its checkpoint
    ("linking", 2, 0.3),  # while a unit's links are written
    ("linking", 5, 0.05),  # late in linking
]


def test_kill_9_at_several_moments_then_ingest_again_equals_a_clean_ingest(corpus, clean, tmp_path):
    db = tmp_path / "killed.db"
    killed_at = []
    for n, moment in enumerate(MOMENTS):
        code, workers, log = _run_until(corpus, db, moment)
        if code != -signal.SIGKILL:  # finished before the moment came (a fast machine): nothing was killed
            continue
        killed_at.append((moment, log[-1] if log else ""))
        if n == 0:  # the pool was parsing ahead of the writes
            assert len(workers) >= 2, "the parser pool was not running at the kill"
        # pool workers watch their parent: none outlives it
        assert _survivors(workers) == [], f"parser processes outlived the killed ingest ({moment})"
        if n == 2:
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
