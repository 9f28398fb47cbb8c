"""Load the hand-annotated golden files of tests/data/bodies/ (bodies, themes, metrics).

A golden file names its document (under ``tests/data/corpus``), the header
fields the annotation assumes, the items (by the start of each paragraph),
and the expected mentions, written inline: ``"at": "chỉ đạo lực lượng [[Công
an phường]] tăng cường"`` (the context occurs once in the normalised text).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ingest.models import Header, Item
from ingest.normalize import normalize, unify_tone_placement
from tests.helpers import corpus_path

GOLDEN_DIR = Path(__file__).parent / "data" / "bodies"


@dataclass
class Golden:
    name: str
    text: str
    header: Header
    city: str | None
    items: list[Item]
    bodies: list[dict]  # each with "span": (start, end)
    themes: dict[str, list[str]]
    metrics: list[dict]
    signer: dict


def _key(s: str) -> str:
    return unify_tone_placement(unicodedata.normalize("NFC", s))


def locate(text: str, at: str) -> tuple[int, int]:
    """Span of the ``[[...]]`` part of ``at``, whose context must occur exactly once."""
    at = _key(at)
    context = at.replace("[[", "").replace("]]", "")
    k = text.find(context)
    if k < 0 or text.find(context, k + 1) >= 0:
        raise AssertionError(f"context not found exactly once: {context!r}")
    s = k + at.index("[[")
    e = s + len(at[at.index("[[") + 2 : at.index("]]")])
    return s, e


def _line_start(text: str, prefix: str) -> int:
    prefix = _key(prefix)
    hits = [i for i in range(len(text)) if text.startswith(prefix, i) and (i == 0 or text[i - 1] == "\n")]
    if len(hits) != 1:
        raise AssertionError(f"line start {prefix!r} found {len(hits)} times")
    return hits[0]


def golden_files() -> list[Path]:
    return sorted(GOLDEN_DIR.glob("*.json"))


def load(path: Path) -> Golden:
    g = json.loads(path.read_text(encoding="utf-8"))
    text = normalize(corpus_path(g["source"]).read_text(encoding="utf-8"))
    items = []
    section = None
    for it in g["items"]:
        section = it.get("section", section)  # a section runs until the next one
        start = _line_start(text, it["lines"][0])
        last = _line_start(text, it["lines"][-1])
        end = text.find("\n", last)
        end = len(text) if end < 0 else end
        items.append(Item(it["id"], it["path"], it["role"], it.get("period"), text[start:end], start, end, section))
    bodies = []
    for b in g["bodies"]:
        bodies.append({**b, "span": locate(text, b["at"])})
    metrics = [{**m, "span": locate(text, m["at"])} for m in g.get("metrics", [])]
    h = g["header"]
    header = Header(unit=h.get("unit"), issuer=h.get("issuer"))
    return Golden(path.stem, text, header, h.get("city"), items, bodies, g.get("themes", {}), metrics, g.get("signer", {}))
