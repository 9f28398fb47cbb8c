"""Files -> store: walk, parse, write one transaction per document, report.

``ingest_paths(store, paths)`` is what ``vanban ingest`` runs:

* a folder is walked (sorted, recursively) for ``.txt``, ``.docx``, ``.doc``, ``.pdf``;
  its other files are listed as *skipped*, not failed; a file named
  explicitly is always tried, so another extension fails with the reader's
  reason;
* each file is parsed (:func:`ingest.pipeline.parse_file`) and written with
  ``store.upsert_document`` — one transaction: a file that fails to parse or
  to write leaves nothing behind, and the batch goes on;
* into an empty embedded store, a large batch (``BULK_MIN`` files or more)
  is parsed first and written with ``store.bulk_load`` (``COPY``, one
  transaction); should that fail, it falls back to one upsert per document;
* parsing runs in a process pool when the batch is large and the machine has
  more than one core (a :class:`ParseError` crosses the pool as its reason);
* ``link=True``: the month-to-month links of every unit the batch touched
  are recomputed afterwards (:mod:`graph.linking`), one transaction per unit.
"""

from __future__ import annotations

import importlib
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from graph.store import Store, UpsertResult
from ingest.models import ParsedDocument
from vanban.errors import VanbanError

#: what a folder walk picks up
EXTENSIONS = (".txt", ".docx", ".doc", ".pdf")
#: a batch this large, into an empty embedded store, goes through COPY
BULK_MIN = 200
#: a batch this large is parsed in a process pool
POOL_MIN = 24

#: on_progress(path, ok): called once per file, after it is stored (or failed)
Progress = Callable[[str, bool], None]
#: graph.linking functions tried, in order, to relink units: f(store, units)
_LINKERS = ("relink_units", "link_units", "relink_store", "link_store")

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
    bulk: bool = False
    #: units whose month-to-month links were recomputed
    linked_units: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        """Documents in the store from this batch (new, replaced or already there unchanged)."""
        return self.created + self.replaced + self.unchanged

    @property
    def ok(self) -> bool:
        return not self.failures

    def add(self, r: UpsertResult) -> None:
        self.results.append(r)
        setattr(self, r.status, getattr(self, r.status) + 1)
        self.items += r.items
        self.citations += r.citations
        self.bodies += r.bodies

    def lines(self) -> list[str]:
        """The closing summary, a line each.

        >>> s = IngestSummary(created=2, unchanged=1, items=40, citations=7, bodies=9,
        ...                   failures=[Failure("x.pdf", "empty file")])
        >>> print("\\n".join(s.lines()))
        documents: 3 (2 new, 0 replaced, 1 unchanged)
        items: 40, citations: 7, bodies: 9
        failed: 1
          x.pdf: empty file
        """
        out = [
            f"documents: {self.documents} ({self.created} new, {self.replaced} replaced, {self.unchanged} unchanged)",
            f"items: {self.items}, citations: {self.citations}, bodies: {self.bodies}",
        ]
        if self.skipped:
            out.append(f"skipped (not .txt/.docx/.doc/.pdf): {len(self.skipped)}")
        out.append(f"failed: {len(self.failures)}")
        out += [f"  {f.path}: {f.reason}" for f in self.failures]
        return out


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[str], list[Failure]]:
    """``(files to parse, skipped files, failures)`` for the paths given on the command line."""
    files: list[Path] = []
    skipped: list[str] = []
    failures: list[Failure] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            # not only regular files: a FIFO or a link to a device is reported by the reader, not dropped in silence
            for f in sorted(x for x in p.rglob("*") if not x.is_dir()):
                if any(part.startswith(".") for part in f.relative_to(p).parts):
                    continue  # .git, .DS_Store: not documents, not worth listing
                (files.append(f) if f.suffix.lower() in EXTENSIONS else skipped.append(str(f)))
        elif p.exists():
            files.append(p)  # named explicitly: the reader decides, and says why not
        else:
            failures.append(Failure(str(p), "no such file or folder"))
    return files, skipped, failures


def collect_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[str], list[str]]:
    """``(files, skipped, missing)``: :func:`collect_files` with the missing paths as plain strings."""
    files, skipped, failures = collect_files(paths)
    return files, skipped, [f.path for f in failures]


def _parse(path: str) -> tuple[str, ParsedDocument | str]:
    """Parse one file; a failure comes back as its reason (exceptions do not pickle well)."""
    from ingest.pipeline import parse_file

    try:
        return "ok", parse_file(path)
    except VanbanError as e:
        return "failed", getattr(e, "reason", None) or str(e)
    except Exception as e:  # noqa: BLE001 - a parser bug must not stop the batch; it is reported
        return "failed", f"internal error while parsing ({type(e).__name__}: {e})"


def _parsed(files: Sequence[Path], workers: int) -> Iterator[tuple[Path, str, ParsedDocument | str]]:
    if workers > 1 and len(files) >= POOL_MIN:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for f, (status, out) in zip(files, pool.map(_parse, [str(f) for f in files], chunksize=4), strict=True):
                yield f, status, out
    else:
        for f in files:
            status, out = _parse(str(f))
            yield f, status, out


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    on_progress: Progress | None = None,
    *,
    link: bool = False,
    bulk: bool | None = None,
    workers: int | None = None,
) -> IngestSummary:
    """Parse and store every document under ``paths``; never raises for one bad file.

    ``bulk=None`` chooses: COPY into an empty embedded store for ``BULK_MIN``
    files or more. ``workers=None``: a process per core for large batches.
    """
    started = time.perf_counter()
    files, skipped, failures = collect_files(paths)
    summary = IngestSummary(failures=list(failures), skipped=skipped)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    progress = on_progress or (lambda path, ok: None)
    if bulk is None:
        bulk = getattr(store, "backend", "") == "ladybug" and len(files) >= BULK_MIN and store.is_empty()
    summary.bulk = bool(bulk)

    if bulk:
        docs: list[ParsedDocument] = []
        for f, status, out in _parsed(files, workers):
            if status == "ok":
                docs.append(out)  # type: ignore[arg-type]
            else:
                summary.failures.append(Failure(str(f), str(out)))
            progress(str(f), status == "ok")
        try:
            for r in store.bulk_load(docs):
                summary.add(r)
        except VanbanError as e:  # COPY refused the batch (rolled back): write them one by one
            log.warning("bulk load failed (%s); writing one document at a time", e)
            summary.bulk = False
            summary.results.clear()
            summary.created = summary.replaced = summary.unchanged = summary.items = summary.citations = summary.bodies = 0
            for doc in docs:
                _upsert(store, doc, summary)
    else:
        for f, status, out in _parsed(files, workers):
            if status != "ok":
                summary.failures.append(Failure(str(f), str(out)))
                progress(str(f), False)
                continue
            progress(str(f), _upsert(store, out, summary) != "failed")  # type: ignore[arg-type]
    if link:
        units = sorted({r.unit for r in summary.results if r.unit and r.status != "unchanged"})
        if units:
            summary.linked_units = relink(store, units)
    summary.seconds = time.perf_counter() - started
    return summary


def relink(store: Store, units: Sequence[str]) -> list[str]:
    """Recompute the month-to-month links of ``units`` with :mod:`graph.linking` (when it offers a way)."""
    try:
        linking = importlib.import_module("graph.linking")
    except ImportError:  # pragma: no cover - linking is part of the package
        return []
    for name in _LINKERS:
        fn = getattr(linking, name, None)
        if callable(fn):
            fn(store, list(units))
            return list(units)
    log.warning("graph.linking offers none of %s: links not recomputed", ", ".join(_LINKERS))
    return []


def _upsert(store: Store, doc: ParsedDocument, summary: IngestSummary) -> str:
    try:
        r = store.upsert_document(doc)
    except VanbanError as e:
        summary.failures.append(Failure(doc.source.path, f"not stored: {e}"))
        return "failed"
    summary.add(r)
    return r.status
