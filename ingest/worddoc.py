"""Word 97–2003 ``.doc`` files -> ``.docx`` bytes, through LibreOffice.

Offices still save ``.doc`` (28% of one real provincial folder). LibreOffice
headless (``soffice --convert-to docx``, Debian ``libreoffice-writer-nogui``)
was chosen over ``antiword`` and ``catdoc`` by reading the 69 real ``.doc``
files of an office folder with each (``docs/readers.md``): all three keep the
Vietnamese letters, but only LibreOffice keeps the document's structure —
header tables stay cells, a paragraph stays one line, the run fonts survive so
``.VnTime``/``VNI-`` runs are converted by the ``.docx`` reader exactly as for
a ``.docx``; ``antiword`` draws tables as ``|``-bordered text with long cells
wrapped over several lines, ``catdoc`` mixed binary garbage into 1 of the 69.
LibreOffice is slow to start (≈2 s per file alone), so a folder is converted
in batches (:func:`batch_convert`: one LibreOffice run per batch, ≈0.4 s per
file, one run per core) before it is parsed.

The converted ``.docx`` never leaves a temporary folder: :func:`batch_convert`
fills one (named by ``$VANBAN_DOC_CACHE`` while it runs, so worker processes
see it too) and removes it afterwards.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

__all__ = ["DOC_INSTALL", "CACHE_ENV", "batch_convert", "convert", "doc_available", "ConversionFailed"]

#: the apt line that installs what .doc reading needs
DOC_INSTALL = "apt-get install -y --no-install-recommends libreoffice-writer-nogui"
#: while :func:`batch_convert` runs: the folder of converted files, ``<sha256>.docx``
CACHE_ENV = "VANBAN_DOC_CACHE"
#: files per LibreOffice run in a batch (a crash or a timeout loses no more than this)
BATCH = 24


class ConversionFailed(RuntimeError):
    """LibreOffice did not turn the file into a .docx; the message says why."""


@functools.cache
def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def doc_available() -> bool:
    """Whether LibreOffice (``soffice``) is installed."""
    return _soffice() is not None


#: LibreOffice user profiles, one per (process, thread): two running instances cannot share one
_profiles: dict[tuple[int, int], str] = {}


def _thread_profile() -> str:
    key = (os.getpid(), threading.get_ident())
    if key not in _profiles:
        _profiles[key] = tempfile.mkdtemp(prefix="vanban-lo-")
    return _profiles[key]


@atexit.register
def _remove_profiles() -> None:
    for (pid, _), d in list(_profiles.items()):
        if pid == os.getpid():
            shutil.rmtree(d, ignore_errors=True)
    _profiles.clear()


def _run_soffice(inputs: Sequence[Path], outdir: Path, timeout: float, profile: str) -> None:
    """One LibreOffice run converting ``inputs`` into ``outdir``; killed, with its children, at ``timeout``."""
    exe = _soffice()
    if exe is None:
        raise ConversionFailed(f"LibreOffice is not installed ({DOC_INSTALL})")
    cmd = [
        exe, "--headless", "--invisible", "--norestore", "--nolockcheck", "--nodefault",
        f"-env:UserInstallation={Path(profile).as_uri()}",
        "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(outdir), *map(str, inputs),
    ]
    env = dict(os.environ, HOME=profile)  # LibreOffice writes under $HOME even with its own profile
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise ConversionFailed(f"LibreOffice took longer than {timeout:.0f} s") from None


def _convert_many(items: Sequence[tuple[str, bytes]], outdir: Path, timeout_each: float, profile: str) -> None:
    """Convert ``(key, .doc bytes)`` pairs into ``outdir/<key>.docx`` with one LibreOffice run."""
    with tempfile.TemporaryDirectory(prefix="vanban-doc-") as tmp:
        inputs = []
        for key, data in items:
            p = Path(tmp) / f"{key}.doc"
            p.write_bytes(data)
            inputs.append(p)
        # a batch may take its files' time, but one stuck file stops it early
        timeout = min(timeout_each * len(items), timeout_each + 15 * len(items))
        _run_soffice(inputs, outdir, timeout, profile)


def convert(data: bytes, *, timeout: float = 120) -> bytes:
    """One ``.doc`` file's bytes -> the ``.docx`` bytes LibreOffice makes of it.

    Looks first in the folder :func:`batch_convert` filled. Raises
    :class:`ConversionFailed` with the reason when LibreOffice is missing,
    times out, or writes nothing (a damaged or encrypted file).
    """
    key = hashlib.sha256(data).hexdigest()
    cache = os.environ.get(CACHE_ENV)
    if cache:
        done = Path(cache) / f"{key}.docx"
        if done.is_file():
            return done.read_bytes()
    if not doc_available():
        raise ConversionFailed(f"LibreOffice is not installed ({DOC_INSTALL})")
    with tempfile.TemporaryDirectory(prefix="vanban-docx-") as out:
        # a profile of its own, removed with the result: this may run in a worker process, whose exit skips atexit
        profile = Path(out) / "profile"
        profile.mkdir()
        _convert_many([(key, data)], Path(out), timeout, str(profile))
        result = Path(out) / f"{key}.docx"
        if not result.is_file() or result.stat().st_size == 0:
            raise ConversionFailed("LibreOffice could not convert it (a damaged, encrypted or non-Word file)")
        return result.read_bytes()


@contextlib.contextmanager
def batch_convert(
    paths: Iterable[str | Path],
    *,
    timeout: float = 120,
    max_bytes: int | None = None,
    workers: int | None = None,
    on_batch: Callable[[int, int], None] | None = None,
) -> Iterator[int]:
    """Convert the ``.doc`` files among ``paths`` ahead of parsing; yields how many were converted.

    While the ``with`` block runs, ``$VANBAN_DOC_CACHE`` names the folder of
    results, so :func:`convert` (in this process or in a worker forked from
    it) finds them instead of starting LibreOffice once per file. Files that
    fail here are left out: reading them again converts them alone and
    reports the reason. ``on_batch(done, total)`` is called after each batch.
    """
    docs = [Path(p) for p in paths if str(p).lower().endswith(".doc")]
    if not docs or not doc_available() or os.environ.get(CACHE_ENV):
        yield 0
        return
    items: list[tuple[str, bytes]] = []
    seen: set[str] = set()
    for p in docs:
        try:
            if not p.is_file() or (max_bytes is not None and p.stat().st_size > max_bytes):
                continue  # the reader reports it
            data = p.read_bytes()
        except OSError:
            continue
        if data.startswith(b"PK"):
            continue  # a .docx under a .doc name: read as it is
        key = hashlib.sha256(data).hexdigest()
        if key not in seen:
            seen.add(key)
            items.append((key, data))
    with tempfile.TemporaryDirectory(prefix="vanban-doc-cache-") as cache:
        out = Path(cache)
        batches = [items[i : i + BATCH] for i in range(0, len(items), BATCH)]
        workers = max(1, min(workers or os.cpu_count() or 1, len(batches) or 1))
        done = 0

        def run(batch: Sequence[tuple[str, bytes]]) -> int:
            with contextlib.suppress(ConversionFailed):
                _convert_many(batch, out, timeout, _thread_profile())
            return len(batch)

        with ThreadPoolExecutor(max_workers=workers) as pool:
            for n in pool.map(run, batches):
                done += n
                if on_batch:
                    on_batch(done, len(items))
        converted = sum(1 for key, _ in items if (out / f"{key}.docx").is_file())
        previous = os.environ.get(CACHE_ENV)
        os.environ[CACHE_ENV] = cache
        try:
            yield converted
        finally:
            if previous is None:
                os.environ.pop(CACHE_ENV, None)
            else:
                os.environ[CACHE_ENV] = previous
