"""Files -> store: walk, parse, write batch by batch, recover, relink, report.

``ingest_paths(store, paths)`` is what ``vanban ingest`` runs:

* **recover first**: what an interrupted run left is repaired before anything
  is written (:meth:`graph.store.CypherStore.recover`: half-written
  documents removed, so that their files given again are created whole and
  not found "unchanged"; units whose relink did not finish remembered);
* a folder is walked (sorted, recursively) for ``.txt``, ``.docx``, ``.doc``, ``.pdf``;
  its other files are listed as *skipped*, not failed; a file named
  explicitly is always tried, so another extension fails with the reader's
  reason. Only regular files are read: a FIFO, a device or a link to one
  fails with that reason instead of hanging the batch;
* files are parsed in order, in a process pool when the batch is large and
  the machine has more than one core; the pool's workers exit when the
  parent dies (each watches its parent's pid), and a worker that crashes on
  a file fails that file, not the batch;
* parsed documents are written **as they come, in batches** of ``batch``
  documents or more (``store.bulk_load``: on the embedded store one ``COPY``
  transaction a batch, one transaction a document elsewhere), by a writer
  thread while the pool parses the next batch. A full batch is handed to the
  writer when it is free; while it still writes the batch before, the next one
  grows, up to ``batch * BATCH_GROWTH`` documents (group commit: a commit costs
  nearly as much for few documents as for many, and more as the store grows).
  A crash late in a run keeps every batch written before it; at most two
  batches of parsed documents (one being written) and the pool's few files in
  flight are held in memory. Each document's rows are built by the parse
  worker (:func:`_parse_rows`), not by the writer;
* **one bad file never stops or loses a batch**: any exception while
  parsing or writing a document becomes a failure line for its file;
* ``link=True``: the month-to-month links of every unit marked stale (the
  units this run wrote, and any a killed run left) are recomputed with
  :func:`graph.linking.compute_unit_links` (in a pool of processes when
  there are several units), one transaction per unit.
"""

from __future__ import annotations

import collections
import logging
import multiprocessing as mp
import os
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from graph.linking import UnitLinks, compute_unit_links, read_unit, write_unit_links, write_units_links
from graph.records import Records
from graph.store import Recovery, Store, UpsertResult, failed_result
from ingest.models import ParsedDocument
from ingest.units import ward_in_header
from ingest.vocabulary import ABOVE_WARD, issuer_tier
from vanban.errors import VanbanError

#: what a folder walk picks up
EXTENSIONS = (".txt", ".docx", ".doc", ".pdf")
#: documents written per batch (one transaction a batch on the embedded store), at least
BATCH = 100
#: at most this many batches' documents in one transaction: while the writer is still busy with
#: the batch before, the next one grows up to ``batch * BATCH_GROWTH`` (a commit costs about as much
#: for 100 documents as for 500, and more as the store grows: LadybugDB rewrites the node groups
#: a ``COPY`` appends to)
BATCH_GROWTH = 5
#: units whose links are written in one transaction (``relink``), at least
LINK_BATCH = 48
#: ... and the finished units wait at least this many times the last commit's time before they are written: a
#: commit's cost grows with the store, not with its units (LadybugDB rewrites every node group the links and verdicts
#: touch, and a unit's items are spread over the whole store: 0.4 s at 1,000 notices, 1.7-3 s at 10,000 for 8 to 96
#: units), so a larger store writes larger batches, and commits take about a tenth of the linking's time
LINK_COMMIT_SHARE = 10
#: a batch this large is parsed in a process pool
POOL_MIN = 24
#: seconds between a pool worker's checks that its parent is alive
WATCH_PARENT_S = 0.5

#: on_progress(path, ok): called once per file, after it is stored (or failed)
Progress = Callable[[str, bool], None]

log = logging.getLogger(__name__)


class Failure(NamedTuple):
    """A file that did not make it into the store, and why (unpacks as ``path, reason``)."""

    path: str
    reason: str


@dataclass
class IngestSummary:
    """What a batch did: documents by outcome, what they hold, what failed and why."""

    created: int = 0
    replaced: int = 0
    unchanged: int = 0
    items: int = 0
    citations: int = 0
    bodies: int = 0
    failures: list[Failure] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    results: list[UpsertResult] = field(default_factory=list)
    seconds: float = 0.0
    #: time spent writing (bulk_load / upsert_document, in the writer thread: it overlaps parsing)
    write_seconds: float = 0.0
    #: of which the parsing waited for (the writer still busy with the batch before when the next was ready)
    write_wait_seconds: float = 0.0
    bulk: bool = False
    #: units whose month-to-month links were recomputed
    linked_units: list[str] = field(default_factory=list)
    #: what an interrupted earlier run had left, repaired before this one wrote
    recovery: Recovery | None = None
    #: files stored whose unit could not be read: outside every month-to-month series
    no_unit: list[str] = field(default_factory=list)
    #: files stored without a unit that come from above the ward (Trung ương, Chính phủ, a province): directives,
    #: with the tier they come from; named too, but they belong to no ward's series
    above_ward: list[tuple[str, str]] = field(default_factory=list)
    #: files whose unit was read as a province or a city while their header names a ward's organ: (path, unit, organ)
    unit_doubt: list[tuple[str, str, str]] = field(default_factory=list)
    #: files whose header named no unit, filed under the unit of the earlier notice they cite: (path, unit, cited key)
    unit_from_cited: list[tuple[str, str, str]] = field(default_factory=list)
    #: files whose header named no unit and cite no stored notice, filed under the one unit whose stored notices
    #: their signer signed: (path, unit, signer)
    unit_from_signer: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def documents(self) -> int:
        """Documents in the store from this batch (new, replaced or already there unchanged)."""
        return self.created + self.replaced + self.unchanged

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def replacements(self) -> list[UpsertResult]:
        """Documents whose stored version this batch replaced, with the file each came from."""
        return [r for r in self.results if r.status == "replaced"]

    def add(self, r: UpsertResult) -> None:
        if r.status == "failed":
            self.failures.append(Failure(r.source or r.document, r.reason or "not stored"))
            return
        self.results.append(r)
        setattr(self, r.status, getattr(self, r.status) + 1)
        self.items += r.items
        self.citations += r.citations
        self.bodies += r.bodies

    def lines(self) -> list[str]:
        """The closing summary, a line each.

        >>> s = IngestSummary(created=2, unchanged=1, items=40, citations=7, bodies=9,
        ...                   failures=[Failure("x.pdf", "empty file")])
        >>> s.results.append(UpsertResult("NQ:2-NQ/ĐU:2025@phuong-an-lac/btv", "replaced", source="b.docx",
        ...                               previous_source="a.docx"))
        >>> print("\\n".join(s.lines()))
        documents: 3 (2 new, 0 replaced, 1 unchanged)
        items: 40, citations: 7, bodies: 9
        replaced: b.docx (was a.docx)
        failed: 1
          x.pdf: empty file
        """
        out = [
            f"documents: {self.documents} ({self.created} new, {self.replaced} replaced, {self.unchanged} unchanged)",
            f"items: {self.items}, citations: {self.citations}, bodies: {self.bodies}",
        ]
        out += recovery_lines(self.recovery)
        out += replacement_lines(self.results)
        if self.unit_from_cited:
            out.append(f"unit taken from the earlier notice each cites (its header names none): {len(self.unit_from_cited)}")
            out += [f"  {p}: {unit} (cites {key})" for p, unit, key in self.unit_from_cited]
        if self.unit_from_signer:
            out.append(f"unit taken from the notices its signer signed (its header names none): {len(self.unit_from_signer)}")
            out += [f"  {p}: {unit} (signed by {name})" for p, unit, name in self.unit_from_signer]
        if self.no_unit:
            out.append(f"without a unit (not linked month to month; give it with --unit): {len(self.no_unit)}")
            out += [f"  {p}" for p in self.no_unit]
        if self.unit_doubt:
            out.append(f"unit read as a province or a city, but the header names a ward's organ (check; give it with --unit): {len(self.unit_doubt)}")
            out += [f"  {p}: {unit}, header: {organ}" for p, unit, organ in self.unit_doubt]
        if self.above_ward:
            out.append(f"directives from above the ward (in no ward's monthly series): {len(self.above_ward)}")
            out += [f"  {p} ({tier})" for p, tier in self.above_ward]
        if self.skipped:
            out.append(f"skipped (not .txt/.docx/.doc/.pdf): {len(self.skipped)}")
        out.append(f"failed: {len(self.failures)}")
        out += [f"  {f.path}: {f.reason}" for f in self.failures]
        return out


def replacement_lines(results: Iterable[UpsertResult]) -> list[str]:
    """``replaced: FILE (was FILE)`` for every replaced document: a replacement is never silent."""
    out = []
    for r in results:
        if r.status == "replaced":
            was = "the same file, earlier content" if r.previous_source == r.source else r.previous_source
            out.append(f"replaced: {r.source} (was {was})")
    return out


def recovery_lines(rec: Recovery | None) -> list[str]:
    """What was repaired at the start, in words (nothing when there was nothing)."""
    if rec is None or not (rec.repaired or rec.stale_units):
        return []
    out = []
    if rec.repaired:
        out.append(
            f"recovered an interrupted ingest: {len(rec.removed)} half-written documents removed "
            f"({rec.orphan_items} items without their document, {rec.unfinished_batches} unfinished batches); "
            "ingest their files again"
        )
        out += [f"  removed: {d}" for d in rec.removed]
    if rec.stale_units:
        out.append(f"links to recompute from an earlier run: {len(rec.stale_units)} units")
    return out


# -- which files ------------------------------------------------------------------------

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def not_regular(path: Path) -> str | None:
    """Why ``path`` is not a regular file to read (None when it is one; a link is judged by its target).

    >>> not_regular(Path("/dev/null"))
    'not a regular file (a character device)'
    """
    try:
        st = path.stat()
    except OSError as e:
        return f"cannot read it ({e.strerror or e})"
    if stat.S_ISREG(st.st_mode):
        return None
    kind = next((name for test, name in _KINDS if test(st.st_mode)), "not a file")
    return f"not a regular file ({kind})"


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[str], list[Failure]]:
    """``(files to parse, skipped files, failures)`` for the paths given on the command line."""
    files: list[Path] = []
    skipped: list[str] = []
    failures: list[Failure] = []
    seen: set[Path] = set()

    def take(f: Path) -> None:
        real = f.resolve()
        if real not in seen:  # a file named twice (a folder and a file in it) is read once
            seen.add(real)
            files.append(f)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if any(part.startswith(".") for part in f.relative_to(p).parts) or f.is_dir():
                    continue  # .git, .DS_Store: not documents, not worth listing
                if f.suffix.lower() not in EXTENSIONS:
                    if f.is_file():
                        skipped.append(str(f))
                    continue
                why = not_regular(f)
                (failures.append(Failure(str(f), why)) if why else take(f))
        elif p.exists() or p.is_symlink():
            why = not_regular(p)  # named explicitly: the reader decides, and says why not
            (failures.append(Failure(str(p), why)) if why else take(p))
        else:
            failures.append(Failure(str(p), "no such file or folder"))
    return files, skipped, failures


def collect_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[str], list[str]]:
    """``(files, skipped, missing)``: :func:`collect_files` with the missing paths as plain strings."""
    files, skipped, failures = collect_files(paths)
    return files, skipped, [f.path for f in failures]


# -- parsing ------------------------------------------------------------------------------

Parsed = tuple[str, "ParsedDocument | str"]  # ("ok", document) | ("failed", reason)


def _parse(path: str, unit: str | None = None) -> Parsed:
    """Parse one file; a failure comes back as its reason (exceptions do not pickle well).

    ``unit``: the administrative unit to file it under when its header does not say (``--unit``).
    """
    from ingest.pipeline import parse_file

    try:
        return "ok", parse_file(path, unit=unit)
    except VanbanError as e:
        return "failed", getattr(e, "reason", None) or str(e)
    except Exception as e:  # noqa: BLE001 - a parser bug must not stop the batch; it is reported
        return "failed", f"internal error while parsing ({type(e).__name__}: {e})"


def _parse_rows(path: str, unit: str | None = None) -> tuple[str, ParsedDocument | str, Records | None]:
    """:func:`_parse`, and the document's store rows (:func:`graph.records.to_records`) built here too.

    What a pool worker runs for a store that takes prebuilt rows (``bulk_load(docs, records)``): the
    rows are then built on the worker's core instead of the writer's. Rows that cannot be built come
    back None; the store builds them again and reports the reason with the document.
    """
    status, out = _parse(path, unit)
    if status != "ok":
        return status, out, None
    from graph.records import to_records

    try:
        return status, out, to_records(out)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - the store tries again and fails the document with its reason
        return status, out, None


def _watch_parent(parent: int) -> None:
    """Pool initializer: exit this worker as soon as its parent is gone (killed with -9 included).

    A worker blocked on the pool's queue never sees its parent die (it holds
    the queue's write end itself), so it would outlive it; this thread checks
    the parent's pid instead.
    """

    def watch() -> None:
        while True:
            time.sleep(WATCH_PARENT_S)
            if os.getppid() != parent:
                os._exit(70)

    threading.Thread(target=watch, daemon=True, name="vanban-parent-watch").start()
    single_threaded_blas()


def single_threaded_blas() -> None:
    """One BLAS thread in this process: a pool already has a process per core, and the linker's matrices
    are small; OpenBLAS's own threads on top of two workers made linking on 2 cores no faster than one
    process (measured: 20 ward-years in 5.5 s on two workers against 2.4 s with one BLAS thread each)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


class ParsePool:
    """Files parsed in worker processes, results in the order of the files, a bounded number in flight.

    A worker that dies on a file (a crash in a native reader, the kernel's
    OOM killer) breaks the pool; the files that were in flight are then
    parsed again one at a time in a fresh pool, and the one that breaks it
    again fails with that reason. The others go on.
    """

    def __init__(self, workers: int, inflight: int | None = None) -> None:
        self.workers = workers
        self.inflight = inflight or workers * 4
        self._pool: ProcessPoolExecutor | None = None

    def _new_pool(self, workers: int) -> ProcessPoolExecutor:
        # fork: the workers inherit the imported parser instead of importing it again, and
        # its compiled patterns: warmed here once, not on each worker's first file
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        if ctx.get_start_method() == "fork":
            from ingest.pipeline import warm_up

            warm_up()
        return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_watch_parent, initargs=(os.getpid(),))

    def __enter__(self) -> ParsePool:
        self._pool = self._new_pool(self.workers)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, paths: Sequence[str], unit: str | None = None, rows: bool = False) -> Iterator[tuple[str, Parsed]]:
        """``(path, parsed)`` in the order of ``paths``; ``rows``: each parsed document comes as
        ``("ok", document, records)`` (:func:`_parse_rows`)."""
        assert self._pool is not None, "use ParsePool as a context manager"
        parse: Callable[..., Parsed] = _parse_rows if rows else _parse  # type: ignore[assignment]
        queue: collections.deque[tuple[str, Future[Parsed]]] = collections.deque()
        todo = iter(paths)

        def fill() -> None:
            while len(queue) < self.inflight:
                p = next(todo, None)
                if p is None:
                    return
                assert self._pool is not None
                queue.append((p, self._pool.submit(parse, p, unit)))

        fill()
        while queue:
            path, fut = queue[0]
            try:
                out = fut.result()
            except BrokenProcessPool:
                suspects = [p for p, _ in queue]
                queue.clear()
                self._pool.shutdown(wait=False, cancel_futures=True)
                for p in suspects:
                    yield p, self._alone(p, parse, unit)
                self._pool = self._new_pool(self.workers)
                fill()
                continue
            queue.popleft()
            fill()
            yield path, out

    def _alone(self, path: str, parse: Callable[..., Parsed] = _parse, unit: str | None = None) -> Parsed:
        with self._new_pool(1) as pool:
            try:
                return pool.submit(parse, path, unit).result()
            except BrokenProcessPool:
                return "failed", "the parser's process died on this file (a crash in a reader, or out of memory)"


def parse_stream(files: Sequence[Path], workers: int, unit: str | None = None, rows: bool = False) -> Iterator[tuple[Path, Parsed]]:
    """``(file, ("ok", document) | ("failed", reason))`` for each file, in order, as they are parsed.

    ``rows``: where a pool parses, a document comes as ``("ok", document, records)``, its store rows
    built by the worker (:func:`_parse_rows`); parsed in this process, it comes without them.
    """
    if workers > 1 and len(files) >= POOL_MIN:
        with ParsePool(workers) as pool:
            for f, (_, out) in zip(files, pool.map([str(f) for f in files], unit, rows), strict=True):
                yield f, out
    else:
        for f in files:
            yield f, _parse(str(f), unit)


# -- the run ---------------------------------------------------------------------------------


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    on_progress: Progress | None = None,
    *,
    link: bool = False,
    bulk: bool = True,
    workers: int | None = None,
    batch: int = BATCH,
    unit: str | None = None,
) -> IngestSummary:
    """Parse and store every document under ``paths``; never raises for one bad file.

    ``unit`` files every document whose header names no unit under that one (``vanban ingest --unit``);
    a document stored with no unit at all is named in the summary (``no_unit``): it cannot join a
    month-to-month series.

    ``bulk``: write each batch with ``store.bulk_load`` (``COPY`` on the
    embedded store); ``False``: one ``upsert_document`` a document.
    ``workers=None``: a parser process per core for large batches.
    """
    started = time.perf_counter()
    summary = IngestSummary(bulk=bulk and getattr(store, "supports_copy", False))
    summary.recovery = store.recover()
    for line in recovery_lines(summary.recovery):
        log.info(line)
    files, summary.skipped, failures = collect_files(paths)
    summary.failures.extend(failures)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    progress = on_progress or (lambda path, ok: None)
    batch = max(1, batch)
    # a store that writes a batch through COPY takes the rows prebuilt: the parser's workers build them
    rows = bulk and bool(getattr(store, "supports_copy", False))
    pending: list[ParsedDocument] = []
    pending_rows: list[Records | None] = []
    # documents stored without a unit, with their stored ids: filed under the unit of a ward's own earlier notice
    # they cite, else of the notices their signer signed, when one unit is that
    unitless: list[tuple[str, ParsedDocument]] = []
    handled = 0
    # one writer thread: batch k is written (the engine releases the GIL) while batch k+1 is parsed
    writer = ThreadPoolExecutor(1, thread_name_prefix="vanban-writer")
    writing: tuple[list[ParsedDocument], Future[tuple[list[UpsertResult], float]]] | None = None

    def timed_write(docs: list[ParsedDocument], recs: list[Records | None]) -> tuple[list[UpsertResult], float]:
        t = time.perf_counter()
        results = _write(store, docs, bulk, recs)
        return results, time.perf_counter() - t

    def settle() -> None:
        """Wait for the batch being written and account for it (here, in the calling thread)."""
        nonlocal handled, writing
        if writing is None:
            return
        docs, fut = writing
        writing = None
        t = time.perf_counter()
        results, spent = fut.result()
        summary.write_wait_seconds += time.perf_counter() - t
        summary.write_seconds += spent
        for doc, r in zip(docs, results, strict=True):
            summary.add(r)
            organ = ward_in_header(doc.text, doc.header.body_start, doc.header.unit) if r.status != "failed" else None
            if organ and doc.header.unit:
                summary.unit_doubt.append((doc.source.path, doc.header.unit, organ))
            if r.status != "failed" and not doc.header.unit:
                tier = issuer_tier(doc.header.symbol, doc.header.issuer)
                if tier.id in ABOVE_WARD:
                    summary.above_ward.append((doc.source.path, tier.label))
                else:
                    summary.no_unit.append(doc.source.path)
                    unitless.append((r.document, doc))
            progress(doc.source.path, r.status != "failed")
        handled += len(docs)
        log.info("stored: %d of %d files done (%d documents written or unchanged)", handled, len(files), len(summary.results))

    def flush() -> None:
        nonlocal writing
        if not pending:
            return
        docs, recs = pending[:], pending_rows[:]
        pending.clear()
        pending_rows.clear()
        settle()  # one batch written at a time, in order
        writing = docs, writer.submit(timed_write, docs, recs)

    try:
        for f, parsed in parse_stream(files, workers, unit, rows):
            status, out = parsed[0], parsed[1]
            if status != "ok":
                summary.failures.append(Failure(str(f), str(out)))
                progress(str(f), False)
                handled += 1
                continue
            pending.append(out)  # type: ignore[arg-type]
            pending_rows.append(parsed[2] if len(parsed) > 2 else None)  # type: ignore[misc]
            # a full batch goes to the writer as soon as it is free; while it is busy, the batch grows
            if len(pending) >= batch and (writing is None or writing[1].done() or len(pending) >= batch * BATCH_GROWTH):
                flush()
        flush()
    finally:
        try:
            settle()  # the batch in flight is written whole (or fails whole) before anything else happens
        finally:
            writer.shutdown(wait=True)
    if unitless:
        units_from_cited(store, [(i, d) for i, d in unitless if local_notices_cited(d)], summary)
        # one that cites a ward's notice no stored unit has as it cites it is not guessed by its signer's name either
        units_from_signer(store, [(i, d) for i, d in unitless if d.source.path in summary.no_unit and not local_notices_cited(d)], summary)
    if link:
        summary.linked_units = relink(store, store.stale_units(), summary, workers)
    summary.seconds = time.perf_counter() - started
    return summary


#: a ward's document with its own key: "TB:7-TB/ĐU:2026@phuong-tan-hung"
_STORED_KEYS = (
    "MATCH (d:Document) WHERE d.key STARTS WITH $prefix AND d.unit IS NOT NULL "
    "RETURN d.key AS key, d.unit AS unit, d.date AS date"
)
#: a chain of notices without a unit, each citing the one before, is filed a notice a round
CITED_ROUNDS = 6


def local_notices_cited(doc: ParsedDocument) -> list[tuple[str, str | None]]:
    """The ward-numbered notices a document cites, as ``(key, date)``: where a notice whose header names
    no unit can take it from (its previous notice, "Thông báo số 07-TB/ĐU ngày 30/5/2026").
    """
    from ingest.citation_resolver import ward_numbering

    out = []
    for c in doc.citations:
        if c.kind == "numbered" and c.symbol and "@" not in c.key and ward_numbering(c.symbol) and (c.key, c.date) not in out:
            out.append((c.key, c.date))
    return out


def cited_unit(store: Store, cited: Sequence[tuple[str, str | None]]) -> tuple[str, str] | None:
    """``(unit, key)`` of the one stored ward notice among ``cited`` that a single unit issued; None when
    none is stored or several units have one of that number (and date, where the citation gives it).

    A key without a year ("TB:7-TB/ĐU") matches the same number of any year.
    """
    units: dict[str, str] = {}
    for key, date in cited:
        for row in store.cypher(_STORED_KEYS, {"prefix": key}):
            base = str(row["key"]).split("@", 1)[0]
            if base != key and not base.startswith(key + ":"):
                continue  # "TB:7-TB/ĐU" is not "TB:70-TB/ĐU"
            if date and row.get("date") and str(row["date"])[: len(date)] != date[: len(str(row["date"]))]:
                continue  # the same number, another day
            units.setdefault(str(row["unit"]), key)
    if len(units) != 1:
        return None
    ((unit, key),) = units.items()
    return unit, key


def units_from_cited(store: Store, cite_local: list[tuple[str, ParsedDocument]], summary: IngestSummary) -> None:
    """File each document stored without a unit (``(stored id, document)``) under the unit of the earlier notice
    it cites (the issue's third fallback, after the header, the issuer line and the lead-in): parsed again under
    that unit from its text (:func:`ingest.pipeline.with_unit`, the file is not read again), stored under its new
    id, then the unitless version deleted. A crash between the two leaves both; the next run stores the unitless
    one again (unchanged) and repeats this. A document whose cited notices are not stored, or were issued by
    several units, stays in ``summary.no_unit``.
    """
    for _ in range(CITED_ROUNDS):
        waiting, found = [], False
        for old_id, doc in cite_local:
            try:
                hit = cited_unit(store, local_notices_cited(doc))
                if hit is None:
                    waiting.append((old_id, doc))
                    continue
                _file_under(store, doc, old_id, *hit, summary)
                found = True
            except Exception as e:  # noqa: BLE001 - the store failed for this one: named, never out of the batch
                summary.failures.append(Failure(doc.source.path, f"not filed under the unit of the notice it cites: {type(e).__name__}: {e}"))
        cite_local = waiting
        if not found or not cite_local:
            return


#: the units of the stored notices a person signed, with their symbols
_SIGNED_UNITS = "MATCH (d:Document) WHERE d.signer = $name AND d.unit IS NOT NULL RETURN DISTINCT d.unit AS unit, d.symbol AS symbol"


def signer_unit(store: Store, doc: ParsedDocument) -> str | None:
    """:func:`unit_of_signer` over the stored notices."""
    name = doc.header.signer.name if doc.header.signer else None
    if not name:
        return None
    return unit_of_signer(doc, ((name, row.get("symbol"), row["unit"]) for row in store.cypher(_SIGNED_UNITS, {"name": name})))


def unit_of_signer(doc: ParsedDocument, signed: Iterable[tuple[str | None, str | None, str | None]]) -> str | None:
    """The one unit whose notices of ``doc``'s kind (its symbol, "TB/ĐU") were signed by ``doc``'s signer, among
    ``signed`` (``(signer, symbol, unit)`` of other notices); None when the signer is not named by a full name, signed
    none of them, or signed for several units.

    A ward's office signs every month's notice with the same name ("TL. THƯỜNG TRỰC ĐẢNG ỦY / CHÁNH VĂN PHÒNG /
    Lê Thị Mỹ Hạnh"): a notice posted without its header (a chat group's copy) is that office's."""
    name = doc.header.signer.name if doc.header.signer else None
    if not name or len(name.split()) < 3:
        return None  # "Văn An": too short a name to tell one office from another
    units = {str(unit) for who, symbol, unit in signed
             if who == name and unit and (doc.header.symbol is None or symbol == doc.header.symbol)}
    return units.pop() if len(units) == 1 else None


def units_from_signer(store: Store, unitless: list[tuple[str, ParsedDocument]], summary: IngestSummary) -> None:
    """File each document stored without a unit (``(stored id, document)``) under :func:`signer_unit`'s unit, as
    :func:`units_from_cited` files one under the unit of the notice it cites (the same steps; said in the summary).
    One whose signer tells no single unit stays in ``summary.no_unit``."""
    for old_id, doc in unitless:
        try:
            unit = signer_unit(store, doc)
            if unit is not None:
                name = doc.header.signer.name if doc.header.signer else ""
                _file_under(store, doc, old_id, unit, name or "", summary, summary.unit_from_signer, "signer")
        except Exception as e:  # noqa: BLE001 - the store failed for this one: named, never out of the batch
            summary.failures.append(Failure(doc.source.path, f"not filed under the unit of its signer: {type(e).__name__}: {e}"))


def _file_under(store: Store, doc: ParsedDocument, old_id: str, unit: str, key: str, summary: IngestSummary,
                record: list[tuple[str, str, str]] | None = None, source: str = "cited") -> None:
    """Store ``doc`` again under ``unit``, then delete its unitless version ``old_id``; ``(path, unit, key)`` goes to
    ``record`` (``summary.unit_from_cited`` unless given), ``source`` is where the unit came from (``unit_source``)."""
    from dataclasses import replace

    from ingest.pipeline import with_unit

    path = doc.source.path
    (result,) = _write(store, [with_unit(doc, unit, source)], False)
    if result.status == "failed":
        raise VanbanError(result.reason or "not stored")
    if result.document != old_id:
        store.delete_document(old_id)
    summary.no_unit.remove(path)
    (summary.unit_from_cited if record is None else record).append((path, unit, key))
    for i, r in enumerate(summary.results):
        if r.document == old_id:
            if r.status == "created" and result.status == "unchanged":  # a re-run: it was filed before
                summary.created -= 1
                summary.unchanged += 1
                r = replace(r, status="unchanged")
            summary.results[i] = replace(r, document=result.document, unit=unit)


def _write(store: Store, docs: list[ParsedDocument], bulk: bool, records: Sequence[Records | None] = ()) -> list[UpsertResult]:
    """One result per document; whatever goes wrong goes into the results, never out as an exception.

    ``records``: the documents' rows where the parser built them already (``None`` where not).
    """
    if bulk:
        try:
            if any(r is not None for r in records):
                return store.bulk_load(docs, records)
            return store.bulk_load(docs)
        except Exception as e:  # noqa: BLE001 - the store itself failed (journal, connection): the batch is reported
            log.warning("a batch of %d documents could not be written: %s", len(docs), e)
            return [failed_result(d, e) for d in docs]
    out = []
    for d in docs:
        try:
            out.append(store.upsert_document(d))
        except Exception as e:  # noqa: BLE001 - one bad document never stops a batch
            out.append(failed_result(d, e))
    return out


def relink(store: Store, units: Sequence[str], summary: IngestSummary | None = None, workers: int = 1) -> list[str]:
    """Recompute the month-to-month links of ``units``; the units done.

    Reading a unit and writing its links happen here (the store has one writer), the links of
    ``LINK_BATCH`` units in one transaction (a commit costs as much for one unit as for twenty; a
    batch that fails is written again a unit at a time); computing them is pure and, with ``workers > 1`` and several units, runs in a pool of
    processes while the next units are read and the finished ones written. A unit whose linking
    fails keeps its stale marker (the next run tries it again) and, with ``summary``, becomes a
    failure line.
    """
    done: list[str] = []

    def failed(unit: str, e: BaseException) -> None:
        if summary is None:
            raise e
        summary.failures.append(Failure(f"links of {unit}", f"not recomputed ({type(e).__name__}: {e})"))

    pending: list[UnitLinks] = []
    # when the last batch was written and how long its commit took
    last = {"at": time.monotonic(), "took": 0.0}

    def flush() -> None:
        """Write the computed units: one transaction for the batch, else one per unit (to find the bad one)."""
        batch = pending[:]
        pending.clear()
        if not batch:
            return
        started = time.monotonic()
        try:
            write_units_links(store, batch)
            last["took"] = time.monotonic() - started
        except Exception:  # noqa: BLE001 - the batch failed: each unit alone, so one bad unit fails alone
            for links in batch:
                try:
                    write_unit_links(store, links)
                except Exception as e:  # noqa: BLE001 - one unit's linking must not stop the others
                    failed(links.unit, e)
                    continue
                done.append(links.unit)
            return
        done.extend(x.unit for x in batch)
        last["at"] = time.monotonic()

    def write(unit: str, compute: Callable[[], UnitLinks]) -> None:
        try:
            pending.append(compute())
        except Exception as e:  # noqa: BLE001 - one unit's linking must not stop the others
            failed(unit, e)
            return
        if len(pending) >= LINK_BATCH and time.monotonic() - last["at"] >= LINK_COMMIT_SHARE * last["took"]:
            flush()

    if workers <= 1 or len(units) < 2:
        for n, unit in enumerate(units, 1):
            log.info("linking %s (%d/%d)", unit, n, len(units))
            write(unit, lambda unit=unit: compute_unit_links(unit, *read_unit(store, unit)))  # type: ignore[misc]
    else:
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_watch_parent, initargs=(os.getpid(),)) as pool:
            inflight: collections.deque[tuple[str, Future[UnitLinks]]] = collections.deque()
            for n, unit in enumerate(units, 1):
                log.info("linking %s (%d/%d)", unit, n, len(units))
                try:
                    inflight.append((unit, pool.submit(compute_unit_links, unit, *read_unit(store, unit))))
                except Exception as e:  # noqa: BLE001
                    failed(unit, e)
                # enough units queued that the workers stay busy while the main process writes a batch
                while len(inflight) > max(2 * workers, LINK_BATCH // 2):
                    u, fut = inflight.popleft()
                    write(u, fut.result)
            while inflight:
                u, fut = inflight.popleft()
                write(u, fut.result)
    flush()
    log.info("linked %d units", len(done))
    return done
