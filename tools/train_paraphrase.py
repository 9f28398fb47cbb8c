"""Mine the genre's task-word → result-word associations from the labelled development series.

    python tools/train_paraphrase.py [--series 'tests/data/series/dev-hand-*'] [--succession] [--write] [--cv]

A task and the result that answers it are often worded apart: "tặng quà gia đình chính sách" comes back
as "trao 415 suất quà", "giao nhận quân" as "nhập ngũ", "đôn đốc thu thuế" as "đạt 8,3% dự toán". For
every follow-through pair of every development series' ``gold.json``, each word (syllable or syllable
pair, as the linker reads them: :func:`graph.linking._features`) of the task that the result does not
have is paired with each word of the result that the task does not have; the same is counted for the
task against every *other* result of the same report (the negatives). A word pair is kept when it is
seen in the answers of at least ``--min-series`` different series (one author's habit is not the
genre's) and is at least ``--min-ratio`` times as frequent among answers as among the other results;
its weight is the log of that ratio. ``--write`` writes ``ingest/data/paraphrase.json``, which the
linker reads (:func:`graph.linking.paraphrase_lexicon`, ``PARAPHRASE_WEIGHT``).

``--succession`` mines the same way from the carry-over labels instead: a task's words against the later task
that plans it again (its next step: "sơ tuyển" → "nhập ngũ", "kiểm đếm" → "phương án bồi thường"), the negatives
the other tasks of that later plan; ``--write`` then writes ``ingest/data/succession.json``
(:func:`graph.linking.succession_lexicon`, ``SUCCESSION_WEIGHT``, added to a carry-over pair's score before the
carry-over model weighs it). ``--succession --cv`` is two-fold with everything learnt on the other half: both
lexicons and the carry-over model, with and without the succession lexicon.

``--cv`` measures it the honest way: the series are cut in two halves; each half is linked with the
lexicon mined on the other half only, and scored with ``tools/eval_series.py`` beside the linker
without a lexicon.

The carry-over model is fitted on the links the linker makes (which tasks are still waiting for a
later plan depends on what was answered): after writing a new lexicon, run ``tools/train_carry.py
--write`` until it no longer changes (twice or three times).
"""

from __future__ import annotations

import argparse
import glob
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from graph import linking  # noqa: E402

MIN_SERIES = 4
MIN_RATIO = 3.0


def _words(text: str) -> frozenset[str]:
    return frozenset(f for f in linking._features(text, bodies=False) if f[0] in "12")


def mine(folders: list[Path], min_series: int = MIN_SERIES, min_ratio: float = MIN_RATIO,
         succession: bool = False) -> list[tuple[str, str, float]]:
    """``(task word, result word, weight)`` of every association kept, strongest first.

    ``succession``: a task against the later task that carries it over (the carry-over labels), the negatives
    the other tasks of that later plan."""
    pos: Counter[tuple[str, str]] = Counter()
    neg: Counter[tuple[str, str]] = Counter()
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    n_pos = n_neg = 0
    for folder in folders:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        texts = {i["id"]: i["text"] for i in gold["tasks"] + gold["results"]}
        words = {k: _words(v) for k, v in texts.items()}
        answering = gold["tasks"] if succession else gold["results"]
        report_of = {r["id"]: r["file"] for r in answering}
        by_report: dict[str, list[str]] = defaultdict(list)
        for r in answering:
            by_report[r["file"]].append(r["id"])
        if succession:
            answers = {(c["from"], c["to"]) for c in gold.get("carry_over", [])}
        else:
            answers = {(f["task"], f["result"]) for f in gold["follow_through"]}
        for task, result in sorted(answers):
            a = words[task]
            for other in by_report[report_of[result]]:
                b = words[other]
                cross = [(x, y) for x in a - b for y in b - a]
                if (task, other) in answers:
                    n_pos += 1
                    pos.update(cross)
                    for k in cross:
                        seen[k].add(folder.name)
                else:
                    n_neg += 1
                    neg.update(cross)
    out = []
    for k, p in pos.items():
        if len(seen[k]) < min_series:
            continue
        ratio = ((p + 0.5) / max(1, n_pos)) / ((neg[k] + 0.5) / max(1, n_neg))
        if ratio >= min_ratio:
            out.append((k[0], k[1], round(math.log(ratio), 3)))
    out.sort(key=lambda r: (-r[2], r[0], r[1]))
    return out


def write(pairs: list[tuple[str, str, float]], folders: list[Path], succession: bool = False) -> None:
    if succession:
        about = ("Task-word -> later-task-word associations of the genre, mined by tools/train_paraphrase.py "
                 f"--succession from the carry-over labels of {len(folders)} development series (never a held-out one): "
                 f"a pair is kept when seen in the carry-overs of >= {MIN_SERIES} series and >= {MIN_RATIO} times as "
                 "often as between a task and the other tasks of the later plan; the weight is the log of that ratio.")
    else:
        about = ("Task-word -> result-word associations of the genre, mined by tools/train_paraphrase.py from the "
                 f"follow-through labels of {len(folders)} development series (never a held-out one): a pair is kept "
                 f"when seen in the answers of >= {MIN_SERIES} series and >= {MIN_RATIO} times as often as between a "
                 "task and the other results of its report; the weight is the log of that ratio.")
    # one pair a line: the file diffs readably when it is mined again
    lines = ",\n".join(json.dumps(list(p), ensure_ascii=False) for p in pairs)
    trained_on = json.dumps([f.name for f in folders])
    (linking.SUCCESSION if succession else linking.PARAPHRASE).write_text(f'{{"_about": {json.dumps(about)},\n"trained_on": {trained_on},\n"min_series": {MIN_SERIES},\n'
                                  f'"min_ratio": {MIN_RATIO},\n"pairs": [\n{lines}\n]}}\n', encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--series", default=str(ROOT / "tests/data/series/dev-hand-*"))
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--weight", type=float, default=None, help="PARAPHRASE_WEIGHT for --cv (default: the linker's)")
    ap.add_argument("--half", type=float, default=None, help="PARAPHRASE_HALF for --cv (default: the linker's)")
    ap.add_argument("--min-series", type=int, default=MIN_SERIES)
    ap.add_argument("--min-ratio", type=float, default=MIN_RATIO)
    ap.add_argument("--succession", action="store_true",
                    help="mine task -> later task associations from the carry-over labels (ingest/data/succession.json)")
    args = ap.parse_args(argv)
    folders = sorted(Path(p) for p in glob.glob(args.series))
    if args.cv and args.succession:
        return _cv_succession(folders, args)
    if args.cv:
        weight = linking.PARAPHRASE_WEIGHT if args.weight is None else args.weight
        if args.half is not None:
            linking.PARAPHRASE_HALF = args.half
        halves = [folders[0::2], folders[1::2]]
        sums = {"without": [0.0, 0.0, 0.0], "with": [0.0, 0.0, 0.0]}
        for h in (0, 1):
            table = _table(mine(halves[1 - h], args.min_series, args.min_ratio))
            for name, wt in (("without", 0.0), ("with", weight)):
                linking.PARAPHRASE_WEIGHT = wt
                linking.paraphrase_lexicon = lambda t=table: t  # type: ignore[assignment]
                _add_scores(sums[name], halves[h])
        return _print_means(sums, len(folders))
    pairs = mine(folders, args.min_series, args.min_ratio, succession=args.succession)
    print(f"{len(pairs)} associations from {len(folders)} series")
    for a, b, w in pairs[:40]:
        print(f"  {w:.2f}  {a} -> {b}")
    if args.write:
        write(pairs, folders, succession=args.succession)
        print(f"wrote {linking.SUCCESSION if args.succession else linking.PARAPHRASE}")
    return 0


def _table(pairs: list[tuple[str, str, float]]) -> dict[str, dict[str, float]]:
    table: dict[str, dict[str, float]] = defaultdict(dict)
    for a, b, w in pairs:
        table[a][b] = w
    return dict(table)


def _add_scores(sums: list[float], folders: list[Path]) -> None:
    """Add each series' follow-through, carry-over and gaps F1 (as linked with what is in place now) to ``sums``."""
    from eval_series import score

    for f in folders:
        got = score(f)
        for m, key in enumerate(("follow_through", "carry_over", "gaps")):
            sums[m] += got[key][2]


def _print_means(sums: dict[str, list[float]], n: int) -> int:
    for name, v in sums.items():
        print(f"{name}: " + " / ".join(f"{x / n:.3f}" for x in v))
    return 0


def _cv_succession(folders: list[Path], args: argparse.Namespace) -> int:
    """Two-fold, everything learnt on the other half: both lexicons mined there and the carry-over model fitted
    there (``tools/train_carry.py``'s fit, on the pairs the linker weighs with that half's lexicons), with and
    without the succession lexicon."""
    import tempfile

    from train_carry import COVERAGE_MIN, fit_series, model_json, pairs_of, use_model

    weight = linking.SUCCESSION_WEIGHT if args.weight is None else args.weight
    if args.half is not None:
        linking.SUCCESSION_HALF = args.half
    threshold = linking.carry_model().threshold
    halves = [folders[0::2], folders[1::2]]
    sums = {"without": [0.0, 0.0, 0.0], "with": [0.0, 0.0, 0.0]}
    with tempfile.TemporaryDirectory() as tmp:
        for h in (0, 1):
            train = halves[1 - h]
            answer = _table(mine(train, args.min_series, args.min_ratio))
            after = _table(mine(train, args.min_series, args.min_ratio, succession=True))
            linking.paraphrase_lexicon = lambda t=answer: t  # type: ignore[assignment]
            for name, wt in (("without", 0.0), ("with", weight)):
                linking.SUCCESSION_WEIGHT = wt
                linking.succession_lexicon = lambda t=after: t  # type: ignore[assignment]
                for _ in range(2):  # the pairs weighed depend on the model in place: fit twice
                    data = [pairs_of(f) for f in train]
                    data = [d for d in data if d.coverage >= COVERAGE_MIN and len(d.y)]
                    params = fit_series(data)
                    use_model(model_json(params, threshold, [f.name for f in train], None), Path(tmp) / f"m{h}{name}.json")
                _add_scores(sums[name], halves[h])
    return _print_means(sums, len(folders))


if __name__ == "__main__":
    raise SystemExit(main())
