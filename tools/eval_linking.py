"""Score the month-to-month linker against the hand labels of the demo corpus.

    python tools/eval_linking.py [samples/demo]

Prints precision, recall and F1 for follow-through, carry-over, silent tasks and
recurring limitations, and the accuracy of done/partial on matched links.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from graph.linking import link_documents, linkdoc_from_parsed
from ingest.pipeline import parse_file


def _prf(gold: set[Any], pred: set[Any]) -> dict[str, float]:
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "gold": len(gold), "predicted": len(pred)}


def evaluate(folder: Path) -> dict[str, Any]:
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    parsed = {p.name: parse_file(p) for p in sorted(folder.glob("*.txt"))}
    docs = [linkdoc_from_parsed(d, name) for name, d in parsed.items()]
    result = link_documents(docs)

    def item_id(doc: str, substring: str) -> str:
        hits = [it.id for it in parsed[doc].items if substring in it.text]
        if len(hits) != 1:
            raise AssertionError(f"{doc}: {substring!r} is in {len(hits)} items")
        return f"{doc}#{hits[0]}"

    gold_ft = {(item_id(x["task_doc"], x["task"]), item_id(x["result_doc"], x["result"])) for x in labels["follow_through"]}
    gold_verdict = {(item_id(x["task_doc"], x["task"]), item_id(x["result_doc"], x["result"])): x["verdict"] for x in labels["follow_through"]}
    gold_co = {(item_id(x["from_doc"], x["from_task"]), item_id(x["to_doc"], x["to_task"])) for x in labels["carry_over"]}
    gold_silent = {item_id(x["doc"], x["task"]) for x in labels["silent"]}
    gold_pending = {item_id(x["doc"], x["task"]) for x in labels["pending"]}
    gold_rec = {(item_id(x["from_doc"], x["limitation"]), item_id(x["to_doc"], x["next_limitation"])) for x in labels["recurring_limitations"]}
    gold_prev = {(x["doc"], x["previous_doc"]) for x in labels["cites_previous"]}

    pred_ft = {(lk.source, lk.target) for lk in result.links if lk.kind == "FOLLOWED_BY"}
    pred_verdict = {(lk.source, lk.target): lk.verdict for lk in result.links if lk.kind == "FOLLOWED_BY"}
    pred_co = {(lk.source, lk.target) for lk in result.links if lk.kind == "CARRIED_OVER"}
    pred_silent = {i for i, v in result.verdicts.items() if v == "silent"}
    pred_pending = {i for i, v in result.verdicts.items() if v == "pending"}
    pred_rec = {(lk.source, lk.target) for lk in result.links if lk.kind == "RECURS"}
    pred_prev = {(lk.source, lk.target) for lk in result.links if lk.kind == "FOLLOWS_UP"}
    matched = gold_ft & pred_ft
    units = {d.id: d.unit for d in docs}
    cross = [lk for lk in result.links if units.get(lk.source.split("#")[0]) != units.get(lk.target.split("#")[0])]
    return {
        "follow_through": _prf(gold_ft, pred_ft),
        "verdict_accuracy": round(sum(gold_verdict[k] == pred_verdict[k] for k in matched) / max(1, len(matched)), 3),
        "carry_over": _prf(gold_co, pred_co),
        "silent": _prf(gold_silent, pred_silent),
        "pending": _prf(gold_pending, pred_pending),
        "recurring_limitations": _prf(gold_rec, pred_rec),
        "cites_previous": _prf(gold_prev, pred_prev),
        "cross_unit_links": len(cross),
    }


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "samples" / "demo"
    print(json.dumps(evaluate(folder), indent=2))
