"""OCR of scanned PDF pages: pypdfium2 renders each page at 300 dpi, ``tesseract -l vie``
reads it, one process per core."""

from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable, Sequence

from ingest.readers.common import PageProgress
from ingest.readers.layout import Word

#: tesseract's Vietnamese model; the apt line that installs what OCR needs.
OCR_INSTALL = "apt-get install -y tesseract-ocr tesseract-ocr-vie"
OCR_DPI = 300
OCR_TIMEOUT = 180  # seconds per page

@functools.cache
def ocr_available() -> bool:
    """Whether ``tesseract`` with its Vietnamese model (``vie``) is installed."""
    exe = shutil.which("tesseract")
    if not exe:
        return False
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return "vie" in (out.stdout + out.stderr).split()


def ocr_workers() -> int:
    """tesseract processes run at once: one per core (``$VANBAN_OCR_WORKERS`` overrides)."""
    env = os.environ.get("VANBAN_OCR_WORKERS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, os.cpu_count() or 1)


def _render_png(page) -> bytes:  # noqa: ANN001 - pypdfium2.PdfPage
    """A page at 300 dpi, grey, as PNG bytes (pdfium: called from one thread only)."""
    image = page.render(scale=OCR_DPI / 72, grayscale=True).to_pil()
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def _tesseract(png: bytes) -> list[Word]:
    """Words of one page image: ``tesseract - - -l vie tsv``, one thread (``OMP_THREAD_LIMIT=1``)."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # parallel pages beat tesseract's own threads on few cores
    try:
        proc = subprocess.run(
            ["tesseract", "-", "-", "-l", "vie", "--dpi", str(OCR_DPI), "tsv"],
            input=png, capture_output=True, timeout=OCR_TIMEOUT, env=env,
        )
    except subprocess.TimeoutExpired:
        return []
    return list(_tsv_words(proc.stdout.decode("utf-8", errors="replace")))


def ocr_pages(pdf, pages: Sequence[int], on_page: PageProgress | None = None) -> list[list[Word]]:  # noqa: ANN001
    """OCR ``pages`` of ``pdf`` with one tesseract process per core; words per page, in order.

    Pages are rendered here one at a time (pdfium is not thread-safe) and each
    image goes to a thread that waits on its tesseract, so that rendering the
    next page overlaps the recognition of the previous ones. At most twice as
    many images as workers wait in memory. ``on_page(done, total)`` is called
    as pages finish.
    """
    from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

    total = len(pages)
    workers = min(ocr_workers(), total) or 1
    results: dict[int, list[Word]] = {}
    done = 0
    with ThreadPoolExecutor(max_workers=workers) as pool:
        running: dict[Future[list[Word]], int] = {}

        def collect(block: bool) -> None:
            nonlocal done
            if not running:
                return
            finished, _ = wait(running, timeout=None if block else 0, return_when=FIRST_COMPLETED)
            for fut in finished:
                results[running.pop(fut)] = fut.result()
                done += 1
                if on_page:
                    on_page(done, total)

        for k, i in enumerate(pages):
            while len(running) >= 2 * workers:
                collect(block=True)
            running[pool.submit(_tesseract, _render_png(pdf[i]))] = k
            collect(block=False)
        while running:
            collect(block=True)
    return [results[k] for k in range(total)]


def _tsv_words(tsv: str) -> Iterable[Word]:
    rows = tsv.splitlines()
    for row in rows[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = unicodedata.normalize("NFC", cols[11].strip())
        if not text:
            continue
        left, top, width, height = (float(c) for c in cols[6:10])
        yield Word(text, left, top, left + width, top + height)


