"""Caps on what one input file may cost, each with a default, an environment
variable and a ``--limit NAME=VALUE`` option of ``vanban parse`` / ``vanban ingest``.

A notice is 10–30 KB of text; a long charter (Điều lệ) 50 KB; a law a few
hundred KB. The defaults leave a wide margin above that and stop what is not a
document before it costs minutes or gigabytes: a 50 MB .txt, a 2,000-page
blank PDF sent to OCR page by page, a 540 KB .docx holding a 500 MB XML.

=================  ======================  ========  ===========================================
name               environment             default   what it caps
=================  ======================  ========  ===========================================
``file_mb``        ``VANBAN_MAX_FILE_MB``  50        size of the file on disk, any format
``chars``          ``VANBAN_MAX_CHARS``    2000000   characters of text in one document
``pages``          ``VANBAN_MAX_PAGES``    1000      pages of one PDF
``ocr_pages``      ``VANBAN_MAX_OCR_PAGES`` 100      pages of one PDF that need OCR
``docx_mb``        ``VANBAN_MAX_DOCX_MB``  200       uncompressed size of a .docx's parts
``docx_ratio``     ``VANBAN_MAX_DOCX_RATIO`` 200     uncompressed / compressed size of a part
``convert_s``      ``VANBAN_MAX_CONVERT_S`` 120      seconds LibreOffice may take on one .doc
=================  ======================  ========  ===========================================
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace

__all__ = ["ENV", "Limits", "LimitError"]


class LimitError(ValueError):
    """A ``--limit`` option or ``VANBAN_MAX_*`` variable that is not a known limit with a positive number."""


@dataclass(frozen=True)
class Limits:
    """What one input file may cost (see the module docstring for each field)."""

    file_mb: float = 50
    chars: int = 2_000_000
    pages: int = 1000
    ocr_pages: int = 100
    docx_mb: float = 200
    docx_ratio: float = 200
    convert_s: float = 120

    @property
    def file_bytes(self) -> int:
        return int(self.file_mb * 1024 * 1024)

    @property
    def docx_bytes(self) -> int:
        return int(self.docx_mb * 1024 * 1024)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The defaults, overridden by the ``VANBAN_MAX_*`` variables that are set."""
        environ = os.environ if environ is None else environ
        values = {name: environ[var] for name, var in ENV.items() if environ.get(var, "").strip()}
        return cls().with_values(values, source="environment")

    def with_options(self, options: Iterable[str]) -> Limits:
        """These limits with ``NAME=VALUE`` options applied ("file_mb=10", "ocr-pages=20").

        >>> Limits().with_options(["file_mb=10", "ocr-pages=20"]).ocr_pages
        20
        """
        values: dict[str, str] = {}
        for opt in options:
            if "=" not in opt:
                raise LimitError(f"limit {opt!r} is not NAME=VALUE; names: {', '.join(ENV)}")
            name, value = opt.split("=", 1)
            values[name.strip().replace("-", "_")] = value.strip()
        return self.with_values(values, source="--limit")

    def with_values(self, values: Mapping[str, str | float], *, source: str) -> Limits:
        changes: dict[str, float | int] = {}
        kinds = {f.name: f.type for f in fields(self)}
        for name, raw in values.items():
            if name not in kinds:
                raise LimitError(f"unknown limit {name!r} ({source}); names: {', '.join(ENV)}")
            try:
                value = float(raw)
            except ValueError:
                raise LimitError(f"limit {name}={raw!r} ({source}) is not a number") from None
            if not value > 0:
                raise LimitError(f"limit {name}={raw!r} ({source}) must be positive")
            changes[name] = int(value) if kinds[name] in ("int", int) else value
        return replace(self, **changes)  # type: ignore[arg-type]  # each value has its field's type (int or float, above)

    def to_env(self) -> dict[str, str]:
        """These limits as ``VANBAN_MAX_*`` variables (what worker processes read)."""
        return {var: str(getattr(self, name)) for name, var in ENV.items()}


#: limit name -> environment variable
ENV: dict[str, str] = {
    "file_mb": "VANBAN_MAX_FILE_MB",
    "chars": "VANBAN_MAX_CHARS",
    "pages": "VANBAN_MAX_PAGES",
    "ocr_pages": "VANBAN_MAX_OCR_PAGES",
    "docx_mb": "VANBAN_MAX_DOCX_MB",
    "docx_ratio": "VANBAN_MAX_DOCX_RATIO",
    "convert_s": "VANBAN_MAX_CONVERT_S",
}
