"""Score the month-to-month links on labelled monthly series (``gold.json`` beside the documents).

    python tools/eval_series.py tests/data/series/dev-hand-a [more series ...] [--store] [--misses]

A series folder holds the documents and a ``gold.json`` (format in
``tests/data/series/README.md``: tasks, results, follow-through, carry-over and
gap labels written by hand). Scoring is the hidden checks' way: every task or
result text vanban returns is mapped to a gold item (containment, else word-set
overlap >= 0.6 after folding accents), then precision, recall and F1 of

* follow-through links (task -> result, verdict done/partial),
* carry-over links (task -> the same task planned again; a ``next_task`` of
  ``follow_through`` counts too),
* gaps (tasks called ``silent``).

By default the documents are parsed and linked in memory (fast, for
development). ``--store`` runs what a user runs instead: ``vanban ingest`` into
a temporary embedded store, then the named queries ``follow_through`` and
``carry_over``. ``--misses`` prints every missed and spurious link. ``--first N`` scores the first N documents of each
unit only (a series as a user who has just begun has it).

The mapping by text cannot tell two gold items of the same wording apart (two communes given the same
district task word for word, a routine task repeated verbatim): every returned text goes to the first of
them. :func:`ceiling` is what a perfect linker scores under that mapping; a series under 1 prints it.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any


def _fold(s: str | None) -> str:
    if s is None:
        return ""
    s = unicodedata.normalize("NFD", str(s)).replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return re.sub(r"\s+", " ", s).strip().lower()


def _match_items(texts: list[str | None], gold_items: list[dict[str, Any]]) -> dict[str, str | None]:
    gi = [(g["id"], set(_fold(g["text"]).split()), _fold(g["text"])) for g in gold_items]
    out: dict[str, str | None] = {}
    for t in texts:
        if not t or t in out:
            continue
        ft = _fold(t)
        st = set(ft.split())
        best, bs = None, 0.0
        for gid, gs, gt in gi:
            if gt and (gt in ft or ft in gt):
                s = min(len(gt), len(ft)) / max(len(gt), len(ft)) + 1.0
            else:
                s = len(st & gs) / max(1, len(st | gs))
            if s > bs:
                best, bs = gid, s
        out[t] = best if bs >= 0.6 else None
    return out


def _prf(pred: set[Any], gold: set[Any]) -> tuple[float, float, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _rows_in_memory(files: list[Path]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from graph.linking import link_documents, linkdoc_from_parsed
    from graph.loader import local_notices_cited, unit_of_signer
    from ingest.pipeline import parse_file, with_unit

    parsed = {str(f): parse_file(f) for f in files}
    # a notice without a unit goes where `vanban ingest` files it by its signer (graph.loader.units_from_signer)
    signed = [(p.header.signer.name if p.header.signer else None, p.header.symbol, p.header.unit) for p in parsed.values()]
    for name, p in parsed.items():
        if not p.header.unit and not local_notices_cited(p):
            unit = unit_of_signer(p, signed)
            if unit:
                parsed[name] = with_unit(p, unit, "signer")
    docs = [linkdoc_from_parsed(p, name) for name, p in parsed.items()]
    result = link_documents(docs)
    items = {it.id: (d, it) for d in docs for it in d.items}
    ft: list[dict[str, Any]] = []
    co: list[dict[str, Any]] = []
    follows: dict[str, list[str]] = {}
    carries: dict[str, list[str]] = {}
    for lk in result.links:
        if lk.kind == "FOLLOWED_BY":
            follows.setdefault(lk.source, []).append(lk.target)
        elif lk.kind == "CARRIED_OVER":
            carries.setdefault(lk.source, []).append(lk.target)
            d, t = items[lk.source]
            co.append({"unit": d.unit, "from_task": t.text, "to_task": items[lk.target][1].text})
    link_verdicts = {(lk.source, lk.target): lk.verdict for lk in result.links if lk.kind == "FOLLOWED_BY"}
    for d in docs:
        for it in d.items:
            if it.role != "task":
                continue
            rs: list[str | None] = [*follows.get(it.id, [])] or [None]
            ns: list[str | None] = [*carries.get(it.id, [])] or [None]
            for r in rs:
                for n in ns:
                    verdict = link_verdicts.get((it.id, r)) if r else result.verdicts.get(it.id)
                    ft.append({"unit": d.unit, "task": it.text, "verdict": verdict,
                               "result": items[r][1].text if r else None, "next_task": items[n][1].text if n else None})
    return ft, co


def _rows_from_store(files: list[Path]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "eval.db")
        vanban = [sys.executable, "-m", "vanban"]
        p = subprocess.run([*vanban, "ingest", "--db", db, "--no-progress", *map(str, files)], capture_output=True, text=True)
        if p.returncode not in (0, 1):
            raise SystemExit(f"ingest failed: {p.stderr[-500:]}")
        out = []
        for name in ("follow_through", "carry_over"):
            q = subprocess.run([*vanban, "query", name, "--db", db, "--format", "json"], capture_output=True, text=True, check=True)
            out.append(json.loads(q.stdout))
    return out[0], out[1]


def first_documents(gold: dict[str, Any], n: int) -> dict[str, Any]:
    """The labels of a series cut to the first ``n`` documents of each unit (by planned period): as a user
    who has just begun would have it. Links keep both ends in the kept documents; gaps stay those of the
    full labels in a kept document that is not its unit's last kept one."""
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for d in gold["documents"]:
        by_unit.setdefault(d["unit"], []).append(d)
    keep: set[str] = set()
    last: set[str] = set()
    for docs in by_unit.values():
        docs = sorted(docs, key=lambda d: (str(d["planned_period"]), d["file"]))[:n]
        keep |= {d["file"] for d in docs}
        last.add(docs[-1]["file"])
    tasks = [t for t in gold["tasks"] if t["file"] in keep]
    results = [r for r in gold["results"] if r["file"] in keep]
    ids = {x["id"] for x in tasks + results}
    where = {t["id"]: t["file"] for t in tasks}
    return {
        **gold,
        "documents": [d for d in gold["documents"] if d["file"] in keep],
        "tasks": tasks,
        "results": results,
        "follow_through": [x for x in gold["follow_through"] if x["task"] in ids and x["result"] in ids],
        "carry_over": [x for x in gold["carry_over"] if x["from"] in ids and x["to"] in ids],
        "gaps": [g for g in gold["gaps"] if g in where and where[g] not in last],
        "cross_unit_decoys": [p for p in gold.get("cross_unit_decoys", []) if p[0] in ids and p[1] in ids],
    }


def ceiling(gold: dict[str, Any]) -> dict[str, float]:
    """F1 of the gold links themselves mapped the scorer's way: the most any linker can score on the series."""
    text = {x["id"]: x["text"] for x in gold["tasks"] + gold["results"]}
    ft = [{"task": text[x["task"]], "result": text[x["result"]], "verdict": "done"} for x in gold["follow_through"]]
    ft += [{"task": text[g], "result": None, "verdict": "silent"} for g in gold["gaps"]]
    co = [{"from_task": text[x["from"]], "to_task": text[x["to"]]} for x in gold["carry_over"]]
    pred, want, _ = _linked(ft, co, gold)
    return {k: _prf(pred[k], want[k])[2] for k in pred}


def _linked(ft: list[dict[str, Any]], co: list[dict[str, Any]], gold: dict[str, Any]) -> tuple[dict[str, set[Any]], dict[str, set[Any]], dict[str, str | None]]:
    """The follow-through pairs, carry-over pairs and silent tasks of the rows of ``follow_through`` and
    ``carry_over``, as gold ids (the scorer's mapping by text), beside the gold's own; and the task mapping."""
    tmap = _match_items([r.get("task") for r in ft] + [r.get("from_task") for r in co] + [r.get("to_task") for r in co]
                        + [r.get("next_task") for r in ft], gold["tasks"])
    rmap = _match_items([r.get("result") for r in ft], gold["results"])
    pred_ft = {(tmap.get(r["task"]), rmap.get(r["result"])) for r in ft if r.get("result") and r.get("verdict") in ("done", "partial")}
    pred_co = {(tmap.get(r["from_task"]), tmap.get(r["to_task"])) for r in co}
    pred_co |= {(tmap.get(r["task"]), tmap.get(r["next_task"])) for r in ft if r.get("next_task")}
    pred: dict[str, set[Any]] = {
        "follow_through": {x for x in pred_ft if None not in x},
        "carry_over": {x for x in pred_co if None not in x},
        "gaps": {g for r in ft if r.get("verdict") == "silent" and (g := tmap.get(r["task"])) is not None},
    }
    want = {
        "follow_through": {(x["task"], x["result"]) for x in gold["follow_through"]},
        "carry_over": {(x["from"], x["to"]) for x in gold["carry_over"]},
        "gaps": set(gold["gaps"]),
    }
    return pred, want, tmap


def score(folder: Path, *, store: bool = False, misses: bool = False, first: int | None = None) -> dict[str, tuple[float, float, float]]:
    """Precision, recall and F1 of follow-through, carry-over and gaps on one series (on the first ``first``
    documents of each unit only, if given)."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    if first:
        gold = first_documents(gold, first)
    files = sorted(folder / d["file"] for d in gold["documents"])
    ft, co = (_rows_from_store if store else _rows_in_memory)(files)
    tasks, results = gold["tasks"], gold["results"]
    pred, want, tmap = _linked(ft, co, gold)
    out = {k: _prf(pred[k], want[k]) for k in pred}
    if misses:
        text = {g["id"]: g["text"] for g in tasks + results}
        mapped = {v for v in tmap.values() if v}
        unmapped = [t["id"] for t in tasks if t["id"] not in mapped]
        print(f"-- {folder.name}: gold tasks never returned as tasks: {unmapped}")
        for name in ("follow_through", "carry_over"):
            for a, b in sorted(want[name] - pred[name]):
                print(f"  MISSED {name} {a} -> {b}\n     {text.get(a, '')[:110]}\n     {text.get(b, '')[:110]}")
            for a, b in sorted(pred[name] - want[name]):
                print(f"  WRONG  {name} {a} -> {b}\n     {text.get(a, '')[:110]}\n     {text.get(b, '')[:110]}")
        for g in sorted(want["gaps"] - pred["gaps"]):
            print(f"  MISSED gap {g}: {text.get(g, '')[:110]}")
        for g in sorted(pred["gaps"] - want["gaps"]):
            print(f"  WRONG  gap {g}: {text.get(g, '')[:110]}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("series", nargs="+", type=Path)
    ap.add_argument("--store", action="store_true", help="ingest into a temporary store and read the named queries")
    ap.add_argument("--misses", action="store_true", help="print every missed and spurious link")
    ap.add_argument("--first", type=int, metavar="N", help="score the first N documents of each unit only")
    args = ap.parse_args(argv)
    f1s: dict[str, list[float]] = {}
    for folder in args.series:
        s = score(folder, store=args.store, misses=args.misses, first=args.first)
        line = "; ".join(f"{k} P={p:.2f} R={r:.2f} F1={f:.2f}" for k, (p, r, f) in s.items())
        print(f"{folder.name}: {line}")
        top = ceiling(json.loads((folder / "gold.json").read_text(encoding="utf-8")))
        if min(top.values()) < 1:
            print("  the scorer's ceiling (gold items worded alike): " + "; ".join(f"{k} F1={f:.2f}" for k, f in top.items()))
        for k, (_, _, f) in s.items():
            f1s.setdefault(k, []).append(f)
    if len(args.series) > 1:  # the unweighted mean over the series, as the README reports it
        print(f"mean of {len(args.series)}: " + "; ".join(f"{k} F1={sum(v) / len(v):.3f}" for k, v in f1s.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
