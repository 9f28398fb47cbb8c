"""Fit the sentence-role model (:mod:`ingest.sentence_role`) on the labelled development series.

    python tools/train_sentence_role.py [--series 'tests/data/series/dev-hand-*'] [--cv] [--write]

Every task and every result item of each development series' ``gold.json`` is a labelled sentence: its features
(:func:`ingest.sentence_role.features`) are read against its document's header (date, reported and planned months,
as ``vanban parse`` reads them). A logistic regression (L2, full-batch Adam on sparse rows, numpy only) is fitted on
all of them; features seen in fewer than ``MIN_COUNT`` items are left out, and weights below ``KEEP`` are dropped
from the file.

``--cv`` first measures what the model is worth on series it has not seen: five folds by series, each fitted on the
other four fifths; the share of items whose role it gets right, overall and for the worst series. ``--write`` writes
``ingest/data/sentence_role.json``. Held-out series (tests/data/series/test-*) are never read.
"""

from __future__ import annotations

import argparse
import glob
import json
import math
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest import sentence_role  # noqa: E402
from ingest.header import parse_header  # noqa: E402
from ingest.normalize import fold, normalize  # noqa: E402

L2 = 1.0
EPOCHS = 300
STEP = 0.05
MIN_COUNT = 2
KEEP = 0.005
FOLDS = 5


class Row(NamedTuple):
    series: str
    task: bool
    features: list[str]


def rows_of(folder: Path) -> list[Row]:
    """The labelled sentences of one series."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    headers: dict[str, tuple[str | None, tuple[str, ...], tuple[str, ...]]] = {}
    out = []
    for key, task in (("tasks", True), ("results", False)):
        for item in gold[key]:
            name = item["file"]
            if name not in headers:
                h = parse_header(normalize((folder / name).read_text(encoding="utf-8")))
                headers[name] = (h.date, tuple(h.planned_months), tuple(h.reported_months))
            date, planned, reported = headers[name]
            out.append(Row(folder.name, task, sentence_role.features(fold(normalize(item["text"])), date, planned, reported)))
    return out


def fit(rows: Sequence[Row]) -> dict[str, Any]:
    """The model's JSON fitted on ``rows`` (deterministic: full batches, features in sorted order)."""
    counts = Counter(f for r in rows for f in r.features)
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    cols = [[vocab[f] for f in r.features if f in vocab] for r in rows]
    idx = np.array([c for row in cols for c in row], dtype=np.int64)
    owner = np.repeat(np.arange(len(cols)), [len(row) for row in cols])
    y = np.array([1.0 if r.task else 0.0 for r in rows])
    n, size = len(vocab), len(rows)
    w, b = np.zeros(n), 0.0
    m, v, mb, vb = np.zeros(n), np.zeros(n), 0.0, 0.0
    b1, b2 = 0.9, 0.999
    for t in range(1, EPOCHS + 1):
        z = np.bincount(owner, weights=w[idx], minlength=size) + b
        g = 1.0 / (1.0 + np.exp(-z)) - y
        gw = np.bincount(idx, weights=g[owner], minlength=n) / size + L2 * w / size
        gb = float(g.mean())
        m = b1 * m + (1 - b1) * gw
        v = b2 * v + (1 - b2) * gw * gw
        w -= STEP * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + 1e-8)
        mb = b1 * mb + (1 - b1) * gb
        vb = b2 * vb + (1 - b2) * gb * gb
        b -= STEP * (mb / (1 - b1**t)) / (math.sqrt(vb / (1 - b2**t)) + 1e-8)
    weights = {f: round(float(w[i]), 4) for f, i in vocab.items() if abs(w[i]) >= KEEP}
    return {"bias": round(b, 4), "weights": weights}


def accuracy(model: dict[str, Any], rows: Sequence[Row]) -> Counter[str]:
    """Items whose role the model gets right, and wrong, by series."""
    out: Counter[str] = Counter()
    weights = model["weights"]
    for r in rows:
        z = model["bias"] + math.fsum(weights.get(f, 0.0) for f in r.features)
        out[f"{r.series}:{(z > 0) == r.task}"] += 1
    return out


def cross_validate(rows: Sequence[Row]) -> dict[str, float]:
    """Share right by series over ``FOLDS`` folds of whole series (fixed shuffle)."""
    series = sorted({r.series for r in rows})
    random.Random(1).shuffle(series)
    right: dict[str, Counter[bool]] = defaultdict(Counter)
    for k in range(FOLDS):
        test = set(series[k::FOLDS])
        tally = accuracy(fit([r for r in rows if r.series not in test]), [r for r in rows if r.series in test])
        for key, count in tally.items():
            name, ok = key.rsplit(":", 1)
            right[name][ok == "True"] += count
    return {s: c[True] / sum(c.values()) for s, c in right.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--series", default=str(ROOT / "tests" / "data" / "series" / "dev-hand-*"))
    ap.add_argument("--cv", action="store_true", help="five folds by series: what the model is worth on unseen series")
    ap.add_argument("--write", action="store_true", help="write ingest/data/sentence_role.json")
    args = ap.parse_args(argv)
    folders = sorted(Path(p) for p in glob.glob(args.series) if (Path(p) / "gold.json").exists())
    if any(f.name.startswith("test-") for f in folders):
        ap.error("held-out series (test-*) are never trained on")
    rows = [r for f in folders for r in rows_of(f)]
    print(f"{len(rows)} labelled sentences from {len(folders)} series ({sum(r.task for r in rows)} tasks)")
    if args.cv:
        by_series = cross_validate(rows)
        total = sum(by_series[r.series] for r in rows) / len(rows)
        print(f"cross-validated ({FOLDS} folds by series): {total:.3f} of items right")
        for name, share in sorted(by_series.items(), key=lambda kv: kv[1])[:8]:
            print(f"  {name}: {share:.3f}")
    if args.write:
        model = fit(rows)
        model["trained_on"] = [f.name for f in folders]
        sentence_role.MODEL_PATH.write_text(json.dumps(model, indent=0, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        sentence_role.model.cache_clear()
        print(f"wrote {sentence_role.MODEL_PATH.relative_to(ROOT)}: {len(model['weights'])} weights")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
