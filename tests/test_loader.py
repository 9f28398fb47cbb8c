"""``graph.loader.ingest_paths`` on the real documents: walk, parse, store, report, idempotence, faults."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from graph import schema
from graph.embedded import EmbeddedStore
from graph.loader import collect_files, ingest_paths
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


# -- batches, identity, failures (issue 12) ----------------------------------------------------

DEMO = Path(__file__).resolve().parent.parent / "samples" / "demo"

DRAFT = """ỦY BAN NHÂN DÂN
PHƯỜNG AN LẠC
Số: /BC-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
An Lạc, ngày tháng 3 năm 2026

BÁO CÁO
Kết quả thực hiện nhiệm vụ tháng 02 năm 2026

I. KẾT QUẢ THỰC HIỆN
1. {result}
2. Tổ chức kiểm tra an toàn thực phẩm tại chợ An Lạc.
II. NHIỆM VỤ THÁNG 3
1. Tiếp tục cấp tài khoản định danh điện tử.

Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn Bình
"""


@pytest.fixture(scope="module")
def synth(tmp_path_factory):
    from vanban.synth import generate_corpus

    return generate_corpus(tmp_path_factory.mktemp("synth"), 14, seed=5, months=7)


def test_batches_of_copy_give_the_graph_of_one_upsert_at_a_time(synth, tmp_path):
    """Batch after batch into a store that is no longer empty; the second unit starts inside a batch."""
    batched, single = EmbeddedStore(tmp_path / "a.db"), EmbeddedStore(tmp_path / "b.db")
    try:
        a = ingest_paths(batched, synth, batch=5, link=True)
        b = ingest_paths(single, synth, bulk=False, link=True)
        assert a.bulk and not b.bulk and a.created == b.created == len(synth) and a.failures == b.failures == []
        assert batched.counts() == single.counts()
        assert batched.dump(include_text=False).nodes == single.dump(include_text=False).nodes
    finally:
        batched.close()
        single.close()


class _SlowWriter(EmbeddedStore):
    """The embedded store, its batches noted (size, rows prebuilt, thread) and slowed: a writer busier than the parser."""

    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.calls: list[tuple[int, bool, str]] = []

    def bulk_load(self, docs, records=None):
        import threading
        import time

        docs = list(docs)
        self.calls.append((len(docs), records is not None and all(r is not None for r in records), threading.current_thread().name))
        time.sleep(0.5 if len(self.calls) == 1 else 0)
        return super().bulk_load(docs, records)


def test_the_pool_builds_the_rows_and_batches_grow_while_the_writer_is_busy(tmp_path):
    """Parsed in the pool, each document's rows come built; the writer thread writes a batch while the next
    one parses, and that one grows (up to batch * BATCH_GROWTH) while the writer is busy. The graph is that
    of one upsert at a time."""
    from graph.loader import BATCH_GROWTH, POOL_MIN
    from vanban.synth import generate_corpus

    files = generate_corpus(tmp_path / "corpus", POOL_MIN + 12, seed=3, months=6)
    slow, single = _SlowWriter(tmp_path / "a.db"), EmbeddedStore(tmp_path / "b.db")
    try:
        a = ingest_paths(slow, files, batch=4, workers=2, link=True)
        b = ingest_paths(single, files, bulk=False, workers=1, link=True)
        assert a.created == b.created == len(files) and a.failures == b.failures == []
        sizes = [n for n, _, _ in slow.calls]
        assert sum(sizes) == len(files) and all(n <= 4 * BATCH_GROWTH for n in sizes)
        assert max(sizes) > 4, sizes  # the first batch kept the writer busy for half a second
        assert all(prebuilt for _, prebuilt, _ in slow.calls) and {t for _, _, t in slow.calls} != {"MainThread"}
        assert a.write_seconds >= 0.5
        assert slow.counts() == single.counts()
        got, want = slow.dump(include_text=False), single.dump(include_text=False)
        assert got.nodes == want.nodes
        links = set(schema.LINK_TYPES)  # (near-ties may link differently in another process: compared by counts)
        assert {k: v for k, v in got.rels.items() if k[0] not in links} == {k: v for k, v in want.rels.items() if k[0] not in links}
    finally:
        slow.close()
        single.close()


def test_a_revised_file_replaces_its_document_and_is_named(synth, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    first = folder / synth[2].name
    first.write_text(synth[2].read_text(encoding="utf-8"), encoding="utf-8")
    store = EmbeddedStore(tmp_path / "t.db")
    try:
        assert ingest_paths(store, [folder], batch=2).created == 1
        # the same notice (number, symbol, issuer, year) revised in place, and a copy of the revision elsewhere
        first.write_text(first.read_text(encoding="utf-8") + "\n- Bổ sung: rà soát lại danh sách hộ nghèo.\n", encoding="utf-8")
        again = ingest_paths(store, [first], batch=2)
        assert (again.created, again.replaced) == (0, 1)
        assert f"replaced: {first} (was the same file, earlier content)" in again.lines()
        moved = tmp_path / "copy.txt"
        moved.write_text(synth[2].read_text(encoding="utf-8"), encoding="utf-8")
        back = ingest_paths(store, [moved])
        assert f"replaced: {moved} (was {first})" in back.lines()
        assert store.counts()["Document"] == 1
    finally:
        store.close()


def test_drafts_without_a_number_from_one_issuer_stay_three_documents(tmp_path):
    """"Số: /BC-UBND" three times from UBND phường An Lạc, same month and title: three drafts, three Documents."""
    results = ["Hoàn thành cấp 120 tài khoản định danh điện tử.", "Hoàn thành cấp 135 tài khoản định danh điện tử.",
               "Cấp 140 tài khoản định danh điện tử, đạt 93% kế hoạch."]
    for n, r in enumerate(results):
        (tmp_path / f"du-thao-{n}.txt").write_text(DRAFT.format(result=r), encoding="utf-8")
    store = EmbeddedStore(tmp_path / "t.db")
    try:
        summary = ingest_paths(store, [tmp_path])
        assert (summary.created, summary.replaced, summary.failures) == (3, 0, [])
        rows = store.cypher("MATCH (d:Document) RETURN d.number AS n, d.symbol AS s, d.source AS f ORDER BY f")
        assert [(r["n"], r["s"]) for r in rows] == [(None, "BC-UBND")] * 3
        assert ingest_paths(store, [tmp_path]).unchanged == 3  # and the same drafts again change nothing
    finally:
        store.close()


def test_an_ocr_number_is_stored_and_the_batch_goes_on(synth, tmp_path):
    """"Số: 4J/QĐ-UBND" (OCR noise) used to raise inside the bulk load and lose the whole batch."""
    folder = tmp_path / "in"
    folder.mkdir()
    numbered = [p for p in synth if re.search(r"^Số \d+-", p.read_text(encoding="utf-8"), re.M)]
    text = numbered[0].read_text(encoding="utf-8")
    (folder / "ocr.txt").write_text(re.sub(r"^Số \d+-\S+", "Số: 4J/QĐ-UBND", text, count=1, flags=re.M), encoding="utf-8")
    for p in numbered[1:4]:
        (folder / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    store = EmbeddedStore(tmp_path / "t.db")
    try:
        summary = ingest_paths(store, [folder], batch=10)
        assert (summary.created, summary.failures) == (4, [])
        assert store.cypher("MATCH (d:Document) WHERE d.number = '4J' RETURN d.key AS key") == [{"key": None}]
    finally:
        store.close()


@pytest.mark.parametrize("stage", ["parse", "rows", "write"])
def test_any_exception_for_one_document_is_a_failure_line(synth, tmp_path, monkeypatch, stage):
    """A bug while parsing, building rows or writing one document: that file fails, the batch is stored."""
    from dataclasses import replace

    import graph.embedded
    import ingest.pipeline

    victim = synth[1]
    real_parse, real_rows = ingest.pipeline.parse_file, graph.embedded.to_records

    def parse_file(path, *a, **k):
        doc = real_parse(path, *a, **k)
        if Path(path) != victim:
            return doc
        if stage == "parse":
            raise KeyError("a parser bug")
        # "write": a citation without a key; its Directive's primary key would be null, which the engine refuses
        return replace(doc, citations=(replace(doc.citations[0], key=None), *doc.citations[1:]))

    def to_records(doc):
        if doc.source.path == str(victim):
            raise ValueError("citation_key needs a number of digits")
        return real_rows(doc)

    monkeypatch.setattr(ingest.pipeline, "parse_file", parse_file)
    if stage == "rows":
        monkeypatch.setattr(graph.embedded, "to_records", to_records)
    store = EmbeddedStore(tmp_path / "t.db")
    try:
        summary = ingest_paths(store, synth[:4], batch=4, workers=1)
        assert [f.path for f in summary.failures] == [str(victim)]
        assert {"parse": "KeyError", "rows": "ValueError", "write": "not stored"}[stage] in summary.failures[0].reason
        assert summary.created == 3 and store.counts()["Document"] == 3
    finally:
        store.close()


def test_only_regular_files_are_read(synth, tmp_path):
    """A FIFO or a link to /dev/zero named .txt would hang or exhaust memory: they fail with the reason."""
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(synth[0].read_text(encoding="utf-8"), encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "link.txt").symlink_to(synth[1])  # a link to a regular file is a regular file
    store = EmbeddedStore(tmp_path / "t.db")
    try:
        summary = ingest_paths(store, [folder, folder / "pipe.txt"])
        reasons = {Path(f.path).name: f.reason for f in summary.failures}
        assert reasons == {"pipe.txt": "not a regular file (a FIFO)", "zero.txt": "not a regular file (a character device)"}
        assert summary.created == 2
    finally:
        store.close()


def test_a_parser_crash_in_the_pool_fails_that_file_only(synth, tmp_path, monkeypatch):
    """A worker killed by a segfault on one file: the pool is rebuilt, that file fails, the others are stored."""
    import faulthandler
    import os
    import signal

    import graph.loader
    import ingest.pipeline

    real = ingest.pipeline.parse_file

    def parse_file(path, *a, **k):
        if Path(path) == synth[3]:
            faulthandler.disable()  # pytest's handler would print the worker's stack
            os.kill(os.getpid(), signal.SIGSEGV)
        return real(path, *a, **k)

    monkeypatch.setattr(ingest.pipeline, "parse_file", parse_file)  # the forked workers inherit it
    monkeypatch.setattr(graph.loader, "POOL_MIN", 2)
    store = EmbeddedStore(tmp_path / "t.db")
    try:
        summary = ingest_paths(store, synth[:8], workers=2, batch=3)
        assert [f.path for f in summary.failures] == [str(synth[3])]
        assert "process died" in summary.failures[0].reason
        assert summary.created == 7
    finally:
        store.close()


# A notice whose header lost its organisation lines: no unit can be read from it.
_NO_UNIT = """NGHỊ QUYẾT
về kết quả thực hiện nhiệm vụ tháng 5, nhiệm vụ trọng tâm tháng 6 năm 2026

1. Kết quả thực hiện nhiệm vụ tháng 5
- Hoàn thành tổng vệ sinh môi trường tại các khu dân cư.

2. Nhiệm vụ trọng tâm tháng 6
- Tổ chức ra quân lập lại trật tự vỉa hè tuyến phố chính.
"""


def test_a_ward_notice_filed_under_its_province_is_named(tmp_path):
    """A header the reader gets wrong ("TỈNH LÀO CAI > ĐẢNG ỦY XÃ NÀ KHƯƠNG": a separator it does not know, read as tỉnh
    Lào Cai) would take a commune's notice out of its series without a word: the summary and the CLI name it, with the
    organ the header names; a province's own notice is not named. (" - " between the parts is read since session 6.)"""
    body = ("\nSố 17-NQ/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nNà Khương, ngày 05 tháng 8 năm 2026\n\nNGHỊ QUYẾT\n"
            "về lãnh đạo thực hiện nhiệm vụ tháng 8 năm 2026\n\n1. Kết quả tháng 7\n- Thu ngân sách đạt 61% dự toán.\n")
    ward = tmp_path / "na-khuong.txt"
    ward.write_text("TỈNH LÀO CAI > ĐẢNG ỦY XÃ NÀ KHƯƠNG\n*" + body, encoding="utf-8")
    province = tmp_path / "tinh-uy.txt"
    province.write_text("TỈNH ỦY LÀO CAI\n*" + body.replace("17-NQ/ĐU", "05-NQ/TU").replace("Nà Khương,", "Lào Cai,"), encoding="utf-8")
    store = EmbeddedStore(str(tmp_path / "u.db"))
    try:
        summary = ingest_paths(store, [ward, province])
    finally:
        store.close()
    assert summary.unit_doubt == [(str(ward), "tỉnh Lào Cai", "ĐẢNG ỦY XÃ NÀ KHƯƠNG")]
    assert any(str(ward) in line and "ĐẢNG ỦY XÃ NÀ KHƯƠNG" in line for line in summary.lines())


@pytest.mark.parametrize("name, tier", [
    ("nq-57-tw-2024.txt", "Trung ương"), ("tb-648-vpcp-2025.txt", "Chính phủ, bộ, ngành"),
    ("bc-duthao-dang-uy-cp-nq57-2025.txt", "Chính phủ, bộ, ngành"),  # CV/ĐU, but the Đảng ủy is the Government's
])
def test_a_directive_from_above_the_ward_is_named_as_one(tmp_path, name, tier):
    """A real Politburo resolution or Government notice has no ward: it is named in the summary as a directive from
    its tier, not as a ward's notice whose unit could not be read."""
    from tests.helpers import REAL

    store = EmbeddedStore(str(tmp_path / "u.db"))
    try:
        summary = ingest_paths(store, [REAL / name])
        assert summary.no_unit == [] and summary.above_ward == [(str(REAL / name), tier)]
        assert any(name in line and tier in line for line in summary.lines())
    finally:
        store.close()


@pytest.mark.parametrize("unit, stored_unit, named", [(None, None, True), ("phường Thử Nghiệm", "phường Thử Nghiệm", False)])
def test_a_document_without_a_unit_is_named_or_filed_under_the_given_one(tmp_path, unit, stored_unit, named):
    """Never dropped from its series in silence: named in the summary, or filed with --unit."""
    f = tmp_path / "khong-ro-don-vi.txt"
    f.write_text(_NO_UNIT, encoding="utf-8")
    store = EmbeddedStore(str(tmp_path / "u.db"))
    try:
        summary = ingest_paths(store, [f], link=True, unit=unit)
        assert (str(f) in summary.no_unit) is named
        assert any(str(f) in line for line in summary.lines()) is named
        assert [r["unit"] for r in store.query("documents", {"unit": None})] == [stored_unit]
    finally:
        store.close()


def test_relink_writes_units_a_batch_at_a_time_and_each_alone_when_a_batch_fails(tmp_path, monkeypatch):
    """The links of several units go in one transaction; a batch that fails is written a unit at a
    time, so the good units get their links and only the bad one is a failure line."""
    from graph import loader
    from graph.loader import IngestSummary, relink
    from tests.helpers import DEMO

    with EmbeddedStore(tmp_path / "s.db") as s:
        ingest_paths(s, [DEMO], link=False, workers=1)
        units = sorted({r["unit"] for r in s.query("units", {})})
        assert len(units) >= 2
        batches: list[list[str]] = []
        real = loader.write_units_links

        def watched(store, batch):
            batches.append([x.unit for x in batch])
            return real(store, batch)

        monkeypatch.setattr(loader, "write_units_links", watched)
        assert sorted(relink(s, units)) == units
        assert batches == [units]  # one transaction for both
        links = s.counts()["FOLLOWED_BY"]
        assert links > 0

        def failing(store, batch):
            raise RuntimeError("the batch failed")

        real_one = loader.write_unit_links

        def one(store, links_):
            if links_.unit == units[0]:
                raise RuntimeError("this unit cannot be written")
            return real_one(store, links_)

        monkeypatch.setattr(loader, "write_units_links", failing)
        monkeypatch.setattr(loader, "write_unit_links", one)
        summary = IngestSummary()
        assert relink(s, units, summary) == units[1:]
        assert [f.path for f in summary.failures] == [f"links of {units[0]}"]


@pytest.mark.parametrize(("share", "sizes"), [(0, [2, 2, 2]), (10_000, [2, 4])])
def test_relink_waits_for_more_units_after_a_slow_commit(tmp_path, monkeypatch, share, sizes):
    """A commit costs as much for many units as for a few, and more as the store grows: after a commit the finished
    units wait ``LINK_COMMIT_SHARE`` times its time and go in fewer, larger transactions; none is lost."""
    from graph import loader
    from graph.loader import relink
    from tests.helpers import DEMO

    with EmbeddedStore(tmp_path / "s.db") as s:
        ingest_paths(s, [DEMO], link=False, workers=1)
        units = sorted({r["unit"] for r in s.query("units", {})})
        assert len(units) >= 2
        many = (units * 3)[:6]  # six units' links to write, some units twice over
        written: list[list[str]] = []
        real = loader.write_units_links

        def watched(store, batch):
            written.append([x.unit for x in batch])
            time.sleep(0.01)  # a commit takes time
            return real(store, batch)

        monkeypatch.setattr(loader, "write_units_links", watched)
        monkeypatch.setattr(loader, "LINK_BATCH", 2)
        monkeypatch.setattr(loader, "LINK_COMMIT_SHARE", share)
        assert relink(s, many) == many
        assert [len(b) for b in written] == sizes
        assert [u for b in written for u in b] == many
        assert s.counts()["FOLLOWED_BY"] > 0


def _notice(number: str, header: str, month: int, cites: str, results: str, tasks: str) -> str:
    """A ward's monthly conclusion notice; ``header`` is what stands above its number (empty: no unit in it)."""
    return (f"{header}Số {number}-TB/ĐU\n\nTHÔNG BÁO KẾT LUẬN\nvề kết quả tháng {month}, nhiệm vụ trọng tâm tháng {month + 1} năm 2026\n\n"
            f"Ban Thường vụ Đảng ủy họp đánh giá việc thực hiện {cites}, kết luận như sau:\n\n"
            f"I. KẾT QUẢ THÁNG {month}\n1. {results}\n\nII. NHIỆM VỤ THÁNG {month + 1}\n1. {tasks}\n\n"
            "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nNguyễn Văn Bình\n")


def _ward_header(ward: str) -> str:
    return f"ĐẢNG BỘ TỈNH THỬ NGHIỆM\nĐẢNG ỦY PHƯỜNG {ward.upper()}\n*\n"


_MAY = ("Thông báo kết luận số 06-TB/ĐU ngày 29/4/2026", "Hoàn thành tổng vệ sinh môi trường tại 12 khu dân cư.",
        "Tổ chức ra quân lập lại trật tự vỉa hè tuyến phố Lê Lợi.")
_JUNE = ("Thông báo kết luận số 07-TB/ĐU ngày 30/5/2026", "Đã ra quân lập lại trật tự vỉa hè tuyến phố Lê Lợi, xử lý 14 trường hợp.",
         "Hoàn thành thu thập dữ liệu dân cư tại 2 tổ dân phố còn lại.")
_JULY = ("Thông báo kết luận số 08-TB/ĐU", "Đã thu thập xong dữ liệu dân cư tại 2 tổ dân phố còn lại.",
         "Tổ chức tổng kết 6 tháng đầu năm.")


def _dated(text: str, place: str, day: int, month: int) -> str:
    """The notice with its place and date line under the number."""
    return text.replace("\n\nTHÔNG BÁO", f"\n{place}, ngày {day} tháng {month} năm 2026\n\nTHÔNG BÁO", 1)


@pytest.mark.parametrize("order", ["earlier first", "later first"])
def test_a_notice_without_a_unit_takes_the_unit_of_the_notice_it_cites(tmp_path, order):
    """Issue 14's third fallback: June's notice names no unit anywhere (no header, "Đảng ủy" alone), but cites May's
    "07-TB/ĐU ngày 30/5/2026", which phường Hòa An issued: it is filed there and linked into its series, whichever
    file comes first; July's, citing June's "08-TB/ĐU" (no date), follows in the next round. Said in the summary."""
    may = tmp_path / "a.txt"
    may.write_text(_dated(_notice("07", _ward_header("Hòa An"), 5, *_MAY), "Hòa An", 30, 5), encoding="utf-8")
    june = tmp_path / "b.txt"
    june.write_text(_notice("08", "", 6, *_JUNE), encoding="utf-8")
    july = tmp_path / "c.txt"
    july.write_text(_notice("09", "", 7, *_JULY), encoding="utf-8")
    files = [may, june, july] if order == "earlier first" else [july, june, may]
    with EmbeddedStore(str(tmp_path / "u.db")) as store:
        summary = ingest_paths(store, files, link=True, workers=1)
        docs = store.query("documents", {"unit": None})
        done = store.query("follow_through", {"unit": "phường Hòa An"})
    assert summary.no_unit == []
    assert sorted((Path(p).name, u, k) for p, u, k in summary.unit_from_cited) == [
        ("b.txt", "phường Hòa An", "TB:7-TB/ĐU:2026"), ("c.txt", "phường Hòa An", "TB:8-TB/ĐU")]
    assert sorted(d["unit"] for d in docs) == ["phường Hòa An"] * 3  # the unitless versions are gone
    assert summary.documents == 3 and any("b.txt: phường Hòa An" in line for line in summary.lines())
    verdicts = {(r["period"], r["verdict"]) for r in done if r["result"]}
    assert verdicts == {("2026-06", "done"), ("2026-07", "done")}


@pytest.mark.parametrize("case", ["two wards issued that number that day", "the number of another day"])
def test_a_notice_whose_cited_notice_is_not_one_units_stays_without_a_unit(tmp_path, case):
    """Every ward numbers its own "07-TB/ĐU": when two wards stored one of that day, or the stored one is of another
    day, the notice is not guessed into either series; it stays named in the summary."""
    may = tmp_path / "a.txt"
    may.write_text(_dated(_notice("07", _ward_header("Hòa An"), 5, *_MAY), "Hòa An", 30, 5), encoding="utf-8")
    other = tmp_path / "a2.txt"
    day = 30 if case.startswith("two wards") else 29
    other.write_text(_dated(_notice("07", _ward_header("Bình Minh"), 5, *_MAY), "Bình Minh", day, 5), encoding="utf-8")
    june = tmp_path / "b.txt"
    june.write_text(_notice("08", "", 6, *_JUNE), encoding="utf-8")
    files = [may, other, june] if day == 30 else [other, june]
    with EmbeddedStore(str(tmp_path / "u.db")) as store:
        summary = ingest_paths(store, files, workers=1)
        units = sorted(str(d["unit"]) for d in store.query("documents", {"unit": None}))
    assert summary.no_unit == [str(june)] and summary.unit_from_cited == []
    assert "None" in units


def _signed(text: str, name: str) -> str:
    return text.replace("Nguyễn Văn Bình", name)


@pytest.mark.parametrize("case", ["one unit", "two units", "a short name", "cites another notice"])
def test_a_notice_without_a_unit_takes_the_unit_its_signer_signed_for(tmp_path, case):
    """A ward's office signs every notice with the same name: a post without its header (hand JB's chat group's copy),
    citing no earlier notice, goes where its signer's other notices of its kind are stored — when that is one unit and
    the name is a full one. Said in the summary; otherwise it stays named there without a unit."""
    name = "Văn Bình" if case == "a short name" else "Lê Thị Mỹ Hạnh"
    may = tmp_path / "a.txt"
    may.write_text(_signed(_dated(_notice("07", _ward_header("Hòa An"), 5, *_MAY), "Hòa An", 30, 5), name), encoding="utf-8")
    files = [may]
    if case == "two units":
        other = tmp_path / "a2.txt"
        other.write_text(_signed(_dated(_notice("07", _ward_header("Bình Minh"), 5, *_MAY), "Bình Minh", 29, 5), name), encoding="utf-8")
        files.append(other)
    june = tmp_path / "b.txt"
    cites = _JUNE[0] if case == "cites another notice" else "các nhiệm vụ tháng 5"
    june.write_text(_signed(_notice("08", "", 6, cites.replace("30/5", "28/5"), *_JUNE[1:]), name), encoding="utf-8")
    files.append(june)
    with EmbeddedStore(str(tmp_path / "u.db")) as store:
        summary = ingest_paths(store, files, link=True, workers=1)
        units = sorted(str(d["unit"]) for d in store.query("documents", {"unit": None}))
    if case == "one unit":
        assert summary.no_unit == [] and summary.unit_from_signer == [(str(june), "phường Hòa An", name)]
        assert units == ["phường Hòa An"] * 2 and any("b.txt: phường Hòa An (signed by" in line for line in summary.lines())
    else:
        assert summary.no_unit == [str(june)] and summary.unit_from_signer == [] and "None" in units


def _blas_threads() -> list[int]:
    from threadpoolctl import threadpool_info

    return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]


def test_a_pool_worker_runs_one_blas_thread():
    """The parse and link pools' workers cap OpenBLAS at one thread (a process per core already): with OpenBLAS's
    own threads on top, linking on two workers was no faster than on one process (README, Benchmark)."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    import numpy  # noqa: F401 - OpenBLAS loaded in the parent, before the fork, as in vanban ingest

    from graph.loader import _watch_parent

    with ProcessPoolExecutor(1, mp_context=mp.get_context("fork"), initializer=_watch_parent, initargs=(os.getpid(),)) as pool:
        threads = pool.submit(_blas_threads).result()
    assert threads and set(threads) == {1}


def test_a_store_failure_while_filing_under_the_cited_unit_is_named_and_the_next_run_repairs_it(tmp_path, monkeypatch):
    """The unitless version is deleted only after the filed one is stored: when the delete fails (or the run is killed
    there), both stay, the file is a failure line, the batch goes on; the next run leaves only the filed one."""
    may = tmp_path / "a.txt"
    may.write_text(_dated(_notice("07", _ward_header("Hòa An"), 5, *_MAY), "Hòa An", 30, 5), encoding="utf-8")
    june = tmp_path / "b.txt"
    june.write_text(_notice("08", "", 6, *_JUNE), encoding="utf-8")
    with EmbeddedStore(str(tmp_path / "u.db")) as store:
        def broken(document_id: str) -> bool:
            raise OSError("disk full")

        monkeypatch.setattr(store, "delete_document", broken)
        first = ingest_paths(store, [may, june], workers=1)
        monkeypatch.undo()
        assert [(f.path, "disk full" in f.reason) for f in first.failures] == [(str(june), True)]
        assert sorted(str(d["unit"]) for d in store.query("documents", {"unit": None})) == ["None", "phường Hòa An", "phường Hòa An"]
        second = ingest_paths(store, [may, june], workers=1)
        assert second.failures == [] and second.no_unit == [] and second.unchanged == 2
        assert sorted(str(d["unit"]) for d in store.query("documents", {"unit": None})) == ["phường Hòa An"] * 2


@pytest.mark.parametrize("path", [
    "tests/data/series/test-hand-az/dong-vinh-phat_2026-07.txt",  # the notice that names no unit
    "tests/data/corpus/real/nq-21-2025-hdnd-vinhlong.txt",  # a province council's resolution
])
def test_a_document_parsed_again_under_a_unit_is_what_parsing_its_file_with_that_unit_gives(path):
    """Filing under the cited notice's unit parses the document again from its normalised text, not from its file
    (a scan is not recognised twice): the same document, item for item, as `--unit` on the file."""
    from ingest.pipeline import parse_file, to_json, with_unit

    root = Path(__file__).resolve().parent.parent
    again = to_json(with_unit(parse_file(root / path), "phường Thử Nghiệm", "cited"))
    direct = to_json(parse_file(root / path, unit="phường Thử Nghiệm"))
    assert again["header"].pop("unit_source") == "cited" and direct["header"].pop("unit_source") == "option"
    assert again == direct and again["header"]["unit"] == "phường Thử Nghiệm"
