"""Keep the labelled series' floors, per-series figures (docs/accuracy.md) and period checks in step with the code.

    python tools/series_upkeep.py periods [SERIES ...]   # documents whose reported/planned months differ from the labels
    python tools/series_upkeep.py floors [--held]        # rewrite the development floors of tests/test_linking.py
    python tools/series_upkeep.py readme [--held]        # rewrite the per-series figures of docs/accuracy.md

After a change of the parser or the linker (and the carry-over model's refit, ``tools/train_carry.py``):

* ``floors`` sets each development series' floors in ``SERIES_FLOORS`` to its F1 minus 0.05 (rounded down),
  adding a row for a series that has none; the held-out rows are left alone (``--held`` sets them, with a
  session's final code only, when the held-out series are scored for docs/accuracy.md);
* ``readme`` rewrites every ``dev-hand-x: follow-through F1 ... gaps F1 ...`` segment of the follow-through
  sections of ``docs/accuracy.md`` (the README's accuracy table until session 21; the README keeps the
  means over the series, written by hand from the mean ``tools/eval_series.py`` prints) from
  ``tools/eval_series.py`` (``--held``: the ``hand XX: ...`` segments of the held-out series, through
  ``vanban ingest`` as that section says; run it only with the final code, once) and prints the segments
  of series docs/accuracy.md does not name yet;
* ``periods`` lists the documents whose months, as the header reads them, differ from their labels.

The development and held-out series are in ``tests/data/series`` (its README says which is which).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERIES = ROOT / "tests" / "data" / "series"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from eval_series import score  # noqa: E402

MEASURES = ("follow_through", "carry_over", "gaps")
#: a floor sits this far under the figure it guards (the series' own noise between two sound changes)
MARGIN = 0.05


def _floor(f1: float) -> float:
    return max(0.0, math.floor((f1 - MARGIN) * 100 + 1e-9) / 100)


def floors(test_file: Path = ROOT / "tests" / "test_linking.py", held: bool = False) -> list[str]:
    """Rewrite the development (or held-out) rows of ``SERIES_FLOORS``; the names of the series given a new row.
    A held-out series named in the test's ``THROUGH_STORE`` is scored through ``vanban ingest``, as the test scores it."""
    text = test_file.read_text(encoding="utf-8")
    through = re.search(r"^THROUGH_STORE = \{(.*)\}$", text, re.M)
    through_store = set(re.findall(r'"([^"]+)"', through.group(1))) if through else set()
    added = []
    for folder in sorted(SERIES.glob("test-hand-*" if held else "dev-hand-*")):
        s = score(folder, store=folder.name in through_store)
        name = folder.name
        row = ", ".join(f'("{name}", "{m}", {_floor(s[m][2]):.2f})' for m in MEASURES)
        line = f"    {row},"
        pattern = re.compile(r'^    \("' + re.escape(name) + r'", "follow_through".*$', re.M)
        if pattern.search(text):
            text = pattern.sub(line.replace("\\", r"\\"), text, count=1)
        else:
            # a development row goes before the held-out rows, a held-out row at the end of the list
            at = text.index('    ("test-hand-') if not held else text.index("\n]\n", text.index("SERIES_FLOORS = [")) + 1
            text = text[:at] + line + "\n" + text[at:]
            added.append(name)
    test_file.write_text(text, encoding="utf-8")
    return added


def segment(label: str, s: dict[str, tuple[float, float, float]]) -> str:
    """docs/accuracy.md's words for one series' figures."""
    (fp, fr, ff), (cp, cr, cf), (_gp, _gr, gf) = (s[m] for m in MEASURES)
    return (f"{label}: follow-through F1 {ff:.2f} (P {fp:.2f}, R {fr:.2f}), carry-over F1 {cf:.2f} (P {cp:.2f}, R {cr:.2f}), "
            f"gaps F1 {gf:.2f}")


def readme(held: bool = False, path: Path = ROOT / "docs" / "accuracy.md") -> list[str]:
    """Rewrite docs/accuracy.md's segments of the development (or held-out) series; the segments it lacks."""
    text = path.read_text(encoding="utf-8")
    missing = []
    for folder in sorted(SERIES.glob("test-hand-*" if held else "dev-hand-*")):
        label = f"hand {folder.name.rsplit('-', 1)[-1].upper()}" if held else folder.name
        new = segment(label, score(folder, store=held))
        pattern = re.compile(re.escape(label) + r": follow-through F1 [0-9.]+ \(P [0-9.]+, R [0-9.]+\), "
                             r"carry-over F1 [0-9.]+ \(P [0-9.]+, R [0-9.]+\), gaps F1 [0-9.]+")
        if pattern.search(text):
            text = pattern.sub(new.replace("\\", r"\\"), text, count=1)
        else:
            missing.append(new)
    path.write_text(text, encoding="utf-8")
    return missing


def periods(folders: list[Path]) -> list[str]:
    """The documents whose reported months or planned month, as the header reads them, differ from the labels."""
    from ingest.pipeline import parse_file

    out = []
    for folder in folders:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        for doc in gold["documents"]:
            h = parse_file(str(folder / doc["file"])).header
            reported, planned = list(h.reported_months or ()), list(h.planned_months or ())
            # (a report that plans nothing is labelled with no planned month: null)
            if reported != doc["reported_months"] or (doc["planned_period"] not in planned if doc["planned_period"] else planned):
                out.append(f"{folder.name}/{doc['file']}: labelled {doc['reported_months']} -> {doc['planned_period']}, "
                           f"read {reported} -> {planned}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("periods", help="documents whose months differ from their labels")
    p.add_argument("series", nargs="*", type=Path)
    f = sub.add_parser("floors", help="rewrite the development floors of tests/test_linking.py")
    f.add_argument("--held", action="store_true", help="the held-out rows instead (final code only, once)")
    r = sub.add_parser("readme", help="rewrite the per-series figures of docs/accuracy.md")
    r.add_argument("--held", action="store_true", help="the held-out series (final code only, once)")
    args = ap.parse_args(argv)
    if args.command == "periods":
        folders = args.series or sorted(SERIES.glob("dev-hand-*"))
        lines = periods(folders)
        print("\n".join(lines))
        print(f"{len(lines)} of {sum(len(json.loads((f / 'gold.json').read_text())['documents']) for f in folders)} "
              "documents read otherwise than labelled")
    elif args.command == "floors":
        for name in floors(held=args.held):
            print(f"added a row for {name}")
    else:
        for seg in readme(held=args.held):
            print(f"not in docs/accuracy.md yet: {seg}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
