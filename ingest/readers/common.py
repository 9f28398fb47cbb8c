"""What the readers of every format share: the options of one read, sizes in words, the magic numbers that name a file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ingest.limits import Limits

#: on_page(done, total): called as each OCR'd page of a scanned PDF comes back
PageProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class Options:
    ocr: bool
    limits: Limits
    on_page: PageProgress | None = None


def mb(n: float) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


# What the first bytes of a file say it is.
MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a zip archive (a .docx?)"),
    (b"\xd0\xcf\x11\xe0", "an old Office (.doc/.xls) file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"{\\rtf", "an RTF file"),
)



def sniff(data: bytes) -> str | None:
    """What a file's first bytes say it is ("a PDF", "a PNG image"), or None."""
    head = data.lstrip()[:8]
    return next((what for magic, what in MAGIC if head.startswith(magic)), None)


def sniff_hint(data: bytes) -> str:
    what = sniff(data)
    return f": it is {what}" if what else ""


