"""Stage 1: a file -> :class:`~ingest.models.RawText`.

``read_file(path)`` reads

* ``.txt``: UTF-8 (with or without BOM), UTF-16 (BOM), Windows-1258, and the
  legacy TCVN3/VNI encodings, as bytes or as mojibake inside UTF-8
  (:func:`decode_text`, :mod:`ingest.legacy`);
* ``.docx``: the body's paragraphs and tables in reading order, one paragraph
  or table-cell paragraph per line, automatic list numbers written out, runs
  in ``.VnTime``/``VNI-`` fonts converted;
* ``.pdf``: the text layer (pypdfium2), rebuilt into one paragraph per line;
  pages with no text go through OCR (``tesseract -l vie``), and the format is
  then ``pdf-ocr``.

One module per format: :mod:`~ingest.readers.text`, :mod:`~ingest.readers.word`
(.docx and .doc), :mod:`~ingest.readers.pdf` with :mod:`~ingest.readers.layout` and
:mod:`~ingest.readers.ocr`; what they share is in :mod:`~ingest.readers.common`.

Pages are joined with ``"\\f"`` so that :func:`ingest.normalize.normalize` can
drop page numbers and running headers and join a paragraph split by a page.
Every failure is a :class:`~vanban.errors.ParseError` (or
:class:`~vanban.errors.UnsupportedFormat`) naming the file and the reason.
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from ingest.legacy import detect_legacy, tcvn3_to_unicode, vni_to_unicode
from ingest.limits import Limits
from ingest.models import RawText
from ingest.readers.common import Options, PageProgress, mb
from ingest.readers.layout import Word, layout_pages
from ingest.readers.ocr import OCR_INSTALL, ocr_available, ocr_workers
from ingest.readers.pdf import read_pdf
from ingest.readers.text import decode_text, read_txt
from ingest.readers.word import read_doc, read_docx
from vanban.errors import ParseError, UnsupportedFormat

__all__ = [
    "EXTENSIONS",
    "OCR_INSTALL",
    "PageProgress",
    "Word",
    "decode_text",
    "detect_legacy",
    "layout_pages",
    "ocr_available",
    "ocr_workers",
    "read_file",
    "tcvn3_to_unicode",
    "vni_to_unicode",
]

#: The extensions read_file accepts, and the format each gives.
EXTENSIONS = {".txt": "txt", ".docx": "docx", ".doc": "doc", ".pdf": "pdf"}
_VALID = ", ".join(EXTENSIONS)
_HINTS = {
    ".rtf": " (save it as .docx)",
    ".odt": " (save it as .docx)",
}


def read_file(path: str | Path, *, ocr: bool = True, limits: Limits | None = None, on_page: PageProgress | None = None) -> RawText:
    """Read a .txt, .docx, .doc or .pdf file into raw text (see the module docstring).

    ``ocr=False`` never runs tesseract: a PDF without a text layer is then an error.
    ``limits`` (default :meth:`Limits.from_env`) caps what the file may cost;
    ``on_page(done, total)`` reports OCR progress page by page.
    """
    name = str(path)
    p = Path(path)
    limits = limits or Limits.from_env()
    if p.is_dir():
        raise ParseError(name, "is a directory, not a file")
    ext = p.suffix.lower()
    if ext not in EXTENSIONS:
        shown = ext or "(no extension)"
        raise UnsupportedFormat(name, f"unsupported file type {shown}{_HINTS.get(ext, '')}; vanban reads {_VALID}")
    data = _read_bytes(name, p, limits)
    if not data.strip():
        raise ParseError(name, "empty file")
    raw = _READERS[ext](name, data, Options(ocr, limits, on_page))
    if len(raw.text) > limits.chars:
        raise ParseError(name, f"too long: {len(raw.text):,} characters of text, more than the limit of {limits.chars:,} (--limit chars=N)")
    return raw


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _read_bytes(name: str, p: Path, limits: Limits) -> bytes:
    """The file's bytes; only a regular file, and no more than ``limits.file_mb``.

    A symlink is followed, and what it points to must be a regular file too: a
    ``.txt`` linked to ``/dev/zero`` or a FIFO would never end.
    """
    try:
        st = p.stat()
    except FileNotFoundError:
        raise ParseError(name, "no such file") from None
    except PermissionError:
        raise ParseError(name, "permission denied: the file cannot be read") from None
    except OSError as e:
        raise ParseError(name, f"cannot read the file: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise ParseError(name, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        what = next((w for test, w in _KINDS if test(st.st_mode)), "a special file")
        raise ParseError(name, f"not a regular file: it is {what}")
    cap = limits.file_bytes
    if st.st_size > cap:
        raise ParseError(name, f"too large: {mb(st.st_size)}, more than the limit of {mb(cap)} (--limit file_mb=N)")
    try:
        with p.open("rb") as f:
            data = f.read(cap + 1)
    except PermissionError:
        raise ParseError(name, "permission denied: the file cannot be read") from None
    except IsADirectoryError:
        raise ParseError(name, "is a directory, not a file") from None
    except OSError as e:
        raise ParseError(name, f"cannot read the file: {e.strerror or e}") from None
    if len(data) > cap:  # it grew while we read it
        raise ParseError(name, f"too large: more than the limit of {mb(cap)} (--limit file_mb=N)")
    return data



_READERS: dict[str, Callable[[str, bytes, Options], RawText]] = {
    ".txt": read_txt,
    ".docx": read_docx,
    ".doc": read_doc,
    ".pdf": read_pdf,
}
