"""Shared test helpers: where the corpora are, the span invariant, golden files.

Every real document a test reads is under ``tests/data/corpus/`` (listed with its
source in ``tests/data/corpus/SOURCES.tsv``); tests name it through
:func:`corpus_path`, so nothing reads outside the repository.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ingest.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CORPUS = DATA / "corpus"
SEEDS = CORPUS / "seeds"
REAL = CORPUS / "real"
GOLDEN = DATA / "golden"
DEMO = ROOT / "samples" / "demo"


def corpus_path(relative: str | Path = "") -> Path:
    """A file or folder of the test corpus, by its path under ``tests/data/corpus``.

    >>> corpus_path("seeds/003_283bb7c43c322961.txt").is_file()
    True
    >>> corpus_path("seeds/nothing.txt")
    Traceback (most recent call last):
    ...
    FileNotFoundError: tests/data/corpus/seeds/nothing.txt: not in the test corpus (see tests/data/corpus/README.md)
    """
    path = CORPUS / relative
    if not path.exists():
        raise FileNotFoundError(f"{path.relative_to(ROOT)}: not in the test corpus (see tests/data/corpus/README.md)")
    return path


def read_normalized(path: Path) -> str:
    return normalize(path.read_text(encoding="utf-8"))


def assert_spans(parse: dict[str, Any]) -> None:
    """The span invariant of CONTRACT.md: text[start:end] is the mention, for every mention."""
    text = parse["text"]
    for key in ("items", "citations", "bodies", "people", "metrics"):
        for m in parse.get(key, []):
            s, e = m["span"]
            assert 0 <= s <= e <= len(text), (key, m)
            assert text[s:e] == m["text"], (key, m, text[s:e])


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
