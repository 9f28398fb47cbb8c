"""The measurement behind ``ingest/prefilter.py``: which literal prefilter finds the words a
theme keyword or a body alias can start with, fastest, on real text.

Candidates, each giving exactly the (offset, word) list of the walk it replaces:

* ``walk``: what the stages did: ``re`` finds every word, a dict lookup keeps the first words;
* ``pyahocorasick``: one automaton of `` word `` over the folded text with separators made spaces;
* ``ahocorasick-rs``: the same automaton in Rust (``find_matches_as_indexes``, overlapping);
* ``alternation``: one ``re`` alternation of every first word between word boundaries.

Text: every .txt of tests/data and samples/demo, normalised and folded. Usage (the
Aho–Corasick packages only where installed)::

    .venv/bin/pip install ahocorasick-rs   # not a dependency: only for this comparison
    .venv/bin/python tools/measure_prefilter.py
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.body_registry import _alias_index  # noqa: E402
from ingest.normalize import fold, normalize  # noqa: E402
from ingest.prefilter import separated  # noqa: E402
from ingest.themes import _first_words  # noqa: E402

Hits = list[tuple[int, str]]


def main() -> int:
    words = {w for w in _first_words() | set(_alias_index().by_word) if not re.search(r"[^\w&]", w)}
    files = sorted((ROOT / "tests" / "data").rglob("*.txt")) + sorted((ROOT / "samples" / "demo").rglob("*.txt"))
    texts = [fold(normalize(p.read_text(encoding="utf-8", errors="replace"))) for p in files]
    word_re = re.compile(r"(?<![\w&])[\w&]+")
    cands: dict[str, Callable[[str], Hits]] = {"walk": lambda t: [(m.start(), m.group()) for m in word_re.finditer(t) if m.group() in words]}
    try:
        import ahocorasick

        auto = ahocorasick.Automaton()
        for w in words:
            auto.add_word(f" {w} ", w)
        auto.make_automaton()
        cands["pyahocorasick"] = lambda t: [(e - len(w) - 1, w) for e, w in auto.iter(f" {separated(t)} ")]
    except ImportError:
        print("pyahocorasick: not installed")
    try:
        import ahocorasick_rs

        wl = sorted(words)
        rs = ahocorasick_rs.AhoCorasick([f" {w} " for w in wl], matchkind=ahocorasick_rs.MatchKind.Standard)
        cands["ahocorasick-rs"] = lambda t: [(s, wl[i]) for i, s, _ in rs.find_matches_as_indexes(f" {separated(t)} ", overlapping=True)]
    except ImportError:
        print("ahocorasick-rs: not installed")
    alt = re.compile(r"(?<![\w&])(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?![\w&])")
    cands["alternation"] = lambda t: [(m.start(), m.group()) for m in alt.finditer(t)]

    ref = [cands["walk"](t) for t in texts]
    size = sum(len(t) for t in texts)
    print(f"{len(texts)} documents, {size / 1000:.0f} k characters, {len(words)} first words, "
          f"{sum(map(len, ref)) / len(texts):.0f} hits a document")
    for name, fn in cands.items():
        same = all(fn(t) == r for t, r in zip(texts, ref, strict=True))
        best = float("inf")
        for _ in range(5):
            t0 = time.process_time()
            for t in texts:
                fn(t)
            best = min(best, time.process_time() - t0)
        print(f"{name:15} same hits: {same!s:5}  {1000 * best / len(texts):.3f} ms a document, {1000 * best / (size / 10_000):.3f} ms per 10 k characters")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
