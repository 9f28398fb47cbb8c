"""Mine the genre's task-word → result-word associations from the labelled development series.

    python tools/train_paraphrase.py [--series 'tests/data/series/dev-hand-*'] [--write] [--cv]

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


def mine(folders: list[Path], min_series: int = MIN_SERIES, min_ratio: float = MIN_RATIO) -> list[tuple[str, str, float]]:
    """``(task word, result word, weight)`` of every association kept, strongest first."""
    pos: Counter[tuple[str, str]] = Counter()
    neg: Counter[tuple[str, str]] = Counter()
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    n_pos = n_neg = 0
    for folder in folders:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        texts = {i["id"]: i["text"] for i in gold["tasks"] + gold["results"]}
        words = {k: _words(v) for k, v in texts.items()}
        report_of = {r["id"]: r["file"] for r in gold["results"]}
        by_report: dict[str, list[str]] = defaultdict(list)
        for r in gold["results"]:
            by_report[r["file"]].append(r["id"])
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


def write(pairs: list[tuple[str, str, float]], folders: list[Path]) -> None:
    about = ("Task-word -> result-word associations of the genre, mined by tools/train_paraphrase.py from the "
             f"follow-through labels of {len(folders)} development series (never a held-out one): a pair is kept "
             f"when seen in the answers of >= {MIN_SERIES} series and >= {MIN_RATIO} times as often as between a "
             "task and the other results of its report; the weight is the log of that ratio.")
    # one pair a line: the file diffs readably when it is mined again
    lines = ",\n".join(json.dumps(list(p), ensure_ascii=False) for p in pairs)
    trained_on = json.dumps([f.name for f in folders])
    linking.PARAPHRASE.write_text(f'{{"_about": {json.dumps(about)},\n"trained_on": {trained_on},\n"min_series": {MIN_SERIES},\n'
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
    args = ap.parse_args(argv)
    folders = sorted(Path(p) for p in glob.glob(args.series))
    if args.cv:
        from eval_series import score

        weight = linking.PARAPHRASE_WEIGHT if args.weight is None else args.weight
        if args.half is not None:
            linking.PARAPHRASE_HALF = args.half
        halves = [folders[0::2], folders[1::2]]
        sums = {"without": [0.0, 0.0, 0.0], "with": [0.0, 0.0, 0.0]}
        for h in (0, 1):
            lexicon = mine(halves[1 - h], args.min_series, args.min_ratio)
            table: dict[str, dict[str, float]] = defaultdict(dict)
            for a, b, w in lexicon:
                table[a][b] = w
            for name, wt in (("without", 0.0), ("with", weight)):
                linking.PARAPHRASE_WEIGHT = wt
                linking.paraphrase_lexicon = lambda t=dict(table): t  # type: ignore[assignment]
                for f in halves[h]:
                    got = score(f)
                    for m, key in enumerate(("follow_through", "carry_over", "gaps")):
                        sums[name][m] += got[key][2]
        for name, v in sums.items():
            print(f"{name}: " + " / ".join(f"{x / len(folders):.3f}" for x in v))
        return 0
    pairs = mine(folders, args.min_series, args.min_ratio)
    print(f"{len(pairs)} associations from {len(folders)} series")
    for a, b, w in pairs[:40]:
        print(f"  {w:.2f}  {a} -> {b}")
    if args.write:
        write(pairs, folders)
        print(f"wrote {linking.PARAPHRASE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
