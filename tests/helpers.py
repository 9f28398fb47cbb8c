"""Shared test helpers: where the corpora are, the span invariant, golden files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ingest.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
REAL = SHARED / "corpus" / "real"
DATA = Path(__file__).resolve().parent / "data"
GOLDEN = DATA / "golden"
DEMO = ROOT / "samples" / "demo"


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
