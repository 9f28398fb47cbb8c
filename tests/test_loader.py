"""``graph.ingest.ingest_paths`` on the real documents: walk, parse, store, report, idempotence."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from graph.ingest import collect_files, ingest_paths
from ingest.pipeline import parse_file
from tests.helpers import REAL, SEEDS, corpus_path

pytestmark = pytest.mark.slow  # ingests the real corpus into a store

DO_SON = corpus_path("seeds/003_283bb7c43c322961.txt")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("ingest") / "real.db")
    progress = []
    summary = ingest_paths(store, [SEEDS, REAL], on_progress=lambda *a: progress.append(a), bulk=False)
    yield store, summary, progress
    store.close()


def _documents_in(*folders):
    return [f for d in folders for f in d.iterdir() if f.suffix in (".txt", ".docx", ".pdf")]


def test_every_document_is_stored_and_reported(ingested):
    store, summary, progress = ingested
    n = len(_documents_in(SEEDS, REAL))
    assert summary.failures == []
    assert summary.documents == summary.created == n
    assert {Path(p).name for p in summary.skipped} == {"README.md"}  # listed, not failed
    assert sorted(path for path, _ in progress) == sorted(str(f) for f in _documents_in(SEEDS, REAL))
    assert all(ok for _, ok in progress)
    counts = store.counts()
    assert counts["Document"] <= n and counts["CITES"] == summary.citations and counts["Item"] == summary.items
    assert summary.lines()[0].startswith(f"documents: {n} ")


def test_citing_documents_of_57_returns_the_do_son_notice_with_its_sentence(ingested):
    store, _, _ = ingested
    doc = parse_file(DO_SON)
    key = next(c.key for c in doc.citations if c.number == "57" and c.symbol == "NQ/TW")
    first = next(c for c in doc.citations if c.key == key)  # the row carries the first citation's sentence
    rows = store.query("citing_documents", {"key": key})
    do_son = [r for r in rows if r["unit"] == "phường Đồ Sơn"]
    assert len(do_son) == 1
    evidence = do_son[0]["evidence"]
    assert "57-NQ/TW" in evidence and evidence in doc.text
    if first.sentence_start is not None:
        assert evidence == doc.text[first.sentence_start:first.sentence_end]


def test_ingesting_everything_again_changes_no_count(ingested):
    store, first, _ = ingested
    before = store.counts()
    again = ingest_paths(store, [SEEDS, REAL])
    assert (again.unchanged, again.created, again.replaced, again.failures) == (first.documents, 0, 0, [])
    assert store.counts() == before


def test_bulk_copy_gives_the_same_graph(ingested, tmp_path):
    store, _, _ = ingested
    bulk = EmbeddedStore(tmp_path / "bulk.db")
    summary = ingest_paths(bulk, [SEEDS, REAL], bulk=True)
    assert summary.bulk and summary.failures == []
    assert bulk.dump() == store.dump()
    bulk.close()


def test_bad_files_fail_with_their_reason_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "notes.md").write_text("not a document")
    (folder / "good.txt").write_text(DO_SON.read_text(encoding="utf-8"), encoding="utf-8")
    legacy = tmp_path / "old.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0")
    store = EmbeddedStore(tmp_path / "t.db")
    summary = ingest_paths(store, [folder, legacy, tmp_path / "missing.txt"])
    assert summary.created == 1
    assert summary.skipped == [str(folder / "notes.md")]
    reasons = {Path(f.path).name: f.reason for f in summary.failures}
    assert set(reasons) == {"empty.txt", "old.doc", "missing.txt"}
    assert "empty" in reasons["empty.txt"] and ".doc" in reasons["old.doc"]
    assert store.counts()["Document"] == 1  # the failures left nothing behind
    store.close()


def test_collect_files_walks_folders_and_keeps_explicit_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.PDF").write_bytes(b"%PDF")
    (tmp_path / "a" / ".hidden.txt").write_text("x")
    (tmp_path / "b.rtf").write_text("x")
    files, skipped, failures = collect_files([tmp_path / "a", tmp_path / "b.rtf"])
    assert [f.name for f in files] == ["x.PDF", "b.rtf"] and skipped == [] and failures == []
