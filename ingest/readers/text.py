""".txt: UTF-8 (with or without BOM), UTF-16 (BOM or NUL bytes), Windows-1258, and the
legacy TCVN3/VNI encodings, as bytes or as mojibake inside UTF-8 (:func:`decode_text`,
:mod:`ingest.legacy`)."""

from __future__ import annotations

import functools
import re
import unicodedata

from ingest.legacy import detect_legacy, syllable_score, tcvn3_to_unicode, vni_to_unicode
from ingest.models import RawText
from ingest.readers.common import Options, mb, sniff
from vanban.errors import ParseError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Control characters text files do not hold (tab, LF, VT, FF, CR and ESC-free text allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
#: the same characters as bytes: each is one byte in UTF-8, and no other character's bytes hold one (:func:`_check_text`)
_CONTROL_BYTES = bytes(b for b in range(128) if _CONTROL.match(chr(b)))

class _NotText(ValueError):
    """Bytes that are no text in any encoding vanban knows."""


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a text file's bytes: ``(text, encoding)``.

    The encoding is ``utf-8``, ``utf-8-sig``, ``utf-16`` (by its BOM or its
    NUL bytes), ``cp1258``, ``tcvn3`` or ``vni``. Bytes that are not UTF-8 are
    decoded each way, and the decoding with the most valid Vietnamese
    syllables wins; text that is valid UTF-8 but reads as TCVN3/VNI mojibake
    ("Céng hoµ") is converted too. Raises :class:`~vanban.errors.ParseError`
    (path ``"<bytes>"``) for binary data.

    >>> decode_text("Cộng hòa".encode())
    ('Cộng hòa', 'utf-8')
    >>> decode_text("Céng hoµ x· héi chñ nghÜa".encode("cp1252"))
    ('Cộng hoà xã hội chủ nghĩa', 'tcvn3')
    """
    try:
        return _decode(data)
    except _NotText as e:
        raise ParseError("<bytes>", str(e)) from None


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _unicode(data.decode(encoding), encoding)
    utf16 = _sniff_utf16(data)
    if utf16:
        return _unicode(data.decode(utf16), "utf-16")
    if b"\x00" in data:
        raise _NotText(_binary_reason(data))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _unicode(text, "utf-8")
    what = sniff(data)
    if what:
        raise _NotText(f"binary file ({what}), not text")
    candidates = [
        ("cp1258", unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))),
        ("tcvn3", tcvn3_to_unicode(_western(data))),
        ("vni", vni_to_unicode(_western(data))),
    ]
    # ties go to Windows-1258, the encoding Windows itself names Vietnamese
    encoding, text = max(candidates, key=lambda c: syllable_score(c[1]))
    _check_text(text)
    return text, encoding


def _unicode(text: str, encoding: str) -> tuple[str, str]:
    text = text.lstrip("\ufeff")
    _check_text(text)
    legacy = detect_legacy(text)
    if legacy == "tcvn3":
        return tcvn3_to_unicode(text), "tcvn3"
    if legacy == "vni":
        return vni_to_unicode(text), "vni"
    return text, encoding


def _check_text(text: str) -> None:
    # (counted as bytes: half the cost of the regex's scan)
    utf8 = text.encode("utf-8", "surrogatepass")
    bad = len(utf8) - len(utf8.translate(None, _CONTROL_BYTES))
    if "\x00" in text or bad > max(2, len(text) // 100):
        raise _NotText("binary file (control characters), not text")
    if not text.strip():
        raise _NotText("empty file (only white space)")


def _binary_reason(data: bytes) -> str:
    return f"binary file ({sniff(data) or 'NUL bytes'}), not text"


def _sniff_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' for BOM-less UTF-16: NUL in every other byte of ASCII letters."""
    sample = data[:4000]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.02 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.02 * len(odd):
        return "utf-16-be"
    return None


@functools.cache
def _western_table() -> dict[int, str]:
    # Windows-1252 where it defines a byte, Latin-1 elsewhere: what legacy-font
    # bytes look like once a Western program has opened them
    table = {}
    for b in range(256):
        try:
            table[b] = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            table[b] = chr(b)
    return table


def _western(data: bytes) -> str:
    return data.decode("latin-1").translate(_western_table())


def read_txt(name: str, data: bytes, opts: Options) -> RawText:
    if len(data) > 4 * opts.limits.chars:  # no encoding spends more than 4 bytes on a character
        raise ParseError(name, f"too long: {mb(len(data))} of text, more than the limit of {opts.limits.chars:,} characters (--limit chars=N)")
    try:
        text, encoding = _decode(data)
    except _NotText as e:
        raise ParseError(name, str(e)) from None
    return RawText(text=text, format="txt", encoding=encoding, pages=None)


