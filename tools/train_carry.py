"""Train the linker's carry-over model on the labelled development series.

    python tools/train_carry.py [--series 'tests/data/series/dev-hand-*'] [--write] [--loso]

For every development series the documents are parsed and linked as ``vanban ingest`` links them
(:func:`graph.linking.link_unit`); each block of (task, later task) pairs the linker weighs for
carry-over is recorded with its features (:func:`graph.linking.carry_features`) and labelled from the
series' ``gold.json`` (a pair is positive when the gold lists the two tasks as a carry-over). A
logistic regression (L2, Newton's method, numpy only; features standardised) is fitted on every pair.

A series whose labels cut items finer than the parse (``COVERAGE_MIN``) is left out.

``--loso`` first scores the model the honest way: for each series, a model fitted on all the *other*
series links it and the project's scorer (``tools/eval_series.py``) scores it; the mean of those
figures is what the model is worth on a series it has not seen. ``--write`` writes
``ingest/data/carry_model.json`` (the threshold is ``--threshold``, chosen on the same
leave-one-series-out figures, never on a held-out series).

The blocks are recorded with the model in place (which tasks are still waiting for a later plan
depends on what it carried): after a change of features, train and write twice.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from eval_series import _match_items, score  # noqa: E402

from graph import linking  # noqa: E402
from graph.linking import CARRY_FEATURES, link_documents, linkdoc_from_parsed  # noqa: E402
from ingest.pipeline import parse_file  # noqa: E402

L2 = 1.0


#: a series whose labels cut items finer than the parse (fewer of its gold tasks found among the parsed tasks) is left out
COVERAGE_MIN = 0.8


class Series(NamedTuple):
    """One labelled series as the linker sees it: every weighed pair's features and gold label, and its coverage."""

    x: np.ndarray
    y: np.ndarray
    #: the share of its gold tasks that some parsed task maps to (the scorer's mapping)
    coverage: float


def pairs_of(folder: Path) -> Series:
    """The features and the gold label of every (task, later task) pair the linker weighs in one series."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    files = sorted(folder / d["file"] for d in gold["documents"])
    docs = [linkdoc_from_parsed(parse_file(f), str(f)) for f in files]
    record: list[dict[str, Any]] = []
    link_documents(docs, record=record)
    # each parsed task to a gold task of its own file: the scorer's mapping by text alone sends a task worded like
    # an earlier one (a routine task planned again word for word, two communes given the same task) to the
    # first of them, which would label the verbatim repeat a negative
    gid: dict[str, str | None] = {}
    for f, d in zip(files, docs, strict=True):
        texts = {it.id: it.text for it in d.items if it.role == "task"}
        tmap = _match_items(list(texts.values()), [t for t in gold["tasks"] if t["file"] == f.name])
        gid.update({i: tmap.get(t) for i, t in texts.items()})
    coverage = len({g for g in gid.values() if g}) / max(1, len(gold["tasks"]))
    positive = {(x["from"], x["to"]) for x in gold["carry_over"]}
    xs: list[np.ndarray] = []
    ys: list[int] = []
    for block in record:
        seen = block["seen"]
        for x, a in enumerate(block["left"]):
            for y, b in enumerate(block["later"]):
                if seen[x, y]:
                    xs.append(block["features"][x, y])
                    ys.append(int((gid.get(a), gid.get(b)) in positive))
    if not xs:
        return Series(np.zeros((0, len(CARRY_FEATURES))), np.zeros(0), coverage)
    return Series(np.array(xs), np.array(ys, dtype=float), coverage)


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> dict[str, Any]:
    """A logistic regression on standardised features (Newton's method, L2 on the weights, not the bias)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    penalty = np.r_[np.full(len(w) - 1, l2), 0.0]
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return {"mean": mean.tolist(), "scale": scale.tolist(), "weights": w[:-1].tolist(), "bias": float(w[-1])}


def fit_series(series: Sequence[Series], l2: float = L2) -> dict[str, Any]:
    """:func:`fit` on the pairs of several series together."""
    return fit(np.vstack([s.x for s in series]), np.concatenate([s.y for s in series]), l2)


def model_json(params: dict[str, Any], threshold: float, trained_on: list[str], loso: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "about": "vanban's carry-over model: a logistic regression over graph.linking.CARRY_FEATURES, "
                 "written by tools/train_carry.py; a pair is a carry-over when its probability is at least the threshold",
        "features": list(CARRY_FEATURES),
        **{k: [round(v, 12) for v in params[k]] for k in ("mean", "scale", "weights")},
        "bias": round(params["bias"], 12),
        "threshold": threshold,
        "l2": L2,
        "trained_on": trained_on,
        "leave_one_series_out": loso,
    }


def use_model(model: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(model), encoding="utf-8")
    linking.CARRY_MODEL = path
    linking.carry_model.cache_clear()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--series", default=str(ROOT / "tests/data/series/dev-hand-*"))
    ap.add_argument("--threshold", type=float, default=None, help="default: the model's current threshold")
    ap.add_argument("--loso", action="store_true", help="score each series with a model fitted on the others")
    ap.add_argument("--write", action="store_true", help="write ingest/data/carry_model.json")
    args = ap.parse_args(argv)
    folders = sorted(Path(p) for p in glob.glob(args.series) if (Path(p) / "gold.json").exists())
    threshold = args.threshold if args.threshold is not None else linking.carry_model().threshold
    original = linking.CARRY_MODEL
    data = {f.name: pairs_of(f) for f in folders}
    for f in [f for f in folders if data[f.name].coverage < COVERAGE_MIN]:
        # its labels would call "no carry-over" every pair of items it does not cut as the parse does
        print(f"{f.name}: left out, fewer than {COVERAGE_MIN:.0%} of its gold tasks are tasks of the parse", file=sys.stderr)
        folders.remove(f)
        del data[f.name]
    names = [f.name for f in folders]
    print(f"{len(names)} series, {sum(len(s.y) for s in data.values())} pairs, "
          f"{int(sum(s.y.sum() for s in data.values()))} carry-overs among them", file=sys.stderr)
    loso = None
    if args.loso:
        rows = []
        with tempfile.TemporaryDirectory() as tmp:
            for f in folders:
                others = [n for n in names if n != f.name and len(data[n].y)]
                params = fit_series([data[n] for n in others])
                use_model(model_json(params, threshold, others, None), Path(tmp) / "m.json")
                s = score(f)
                rows.append([s[k][2] for k in ("follow_through", "carry_over", "gaps")])
                print(f"{f.name}: " + " / ".join(f"{v:.2f}" for v in rows[-1]), file=sys.stderr)
        linking.CARRY_MODEL = original
        linking.carry_model.cache_clear()
        mean = np.array(rows).mean(axis=0)
        loso = {"series": len(rows), "threshold": threshold, "follow_through_f1": round(float(mean[0]), 3),
                "carry_over_f1": round(float(mean[1]), 3), "gaps_f1": round(float(mean[2]), 3)}
        print(json.dumps(loso))
    if args.write:
        used = [n for n in names if len(data[n].y)]
        params = fit_series([data[n] for n in used])
        model = model_json(params, threshold, used, loso)
        original.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {original}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
