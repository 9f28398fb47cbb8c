#!/usr/bin/env python3
"""Check gold.json of this series: exact substrings (NFC), ids, referential
integrity, verdicts, and the ANNOTATION.md linking rules (same unit; a task for
month M is answered in the first later document of its unit reporting on M;
carry-over goes forward in time; gaps have neither link and are not censored)."""
import json, os, sys, unicodedata
D = os.path.dirname(os.path.abspath(__file__))
g = json.load(open(os.path.join(D, "gold.json"), encoding="utf-8"))
err = []; warn = []
docs = {d["file"]: d for d in g["documents"]}
order = sorted(docs, key=lambda f: (docs[f]["planned_period"]))
texts = {}
for f in docs:
    t = open(os.path.join(D, f), encoding="utf-8").read()
    if unicodedata.normalize("NFC", t) != t: err.append(f"{f} not NFC")
    texts[f] = t
items = {}
for kind in ("tasks", "results"):
    for it in g[kind]:
        if it["id"] in items: err.append("dup id " + it["id"])
        items[it["id"]] = dict(it, kind=kind)
        if it["file"] not in docs: err.append(f"{it['id']}: unknown file"); continue
        n = texts[it["file"]].count(it["text"])
        if n == 0: err.append(f"{it['id']}: text not in {it['file']}")
        elif n > 1: warn.append(f"{it['id']}: text occurs {n}x")
        if kind == "tasks" and it["period"] != docs[it["file"]]["planned_period"]:
            err.append(f"{it['id']}: period != planned_period")
        if kind == "results" and it["period"] not in docs[it["file"]]["reported_months"]:
            err.append(f"{it['id']}: period not among reported_months")
def answering_doc(task):
    d0 = docs[task["file"]]
    for f in order:
        d = docs[f]
        if d["unit"] == d0["unit"] and d["planned_period"] > d0["planned_period"] and task["period"] in d["reported_months"]:
            return f
    return None
ft_tasks = set(); co_from = set()
for l in g["follow_through"]:
    t, r = items.get(l["task"]), items.get(l["result"])
    if not t or not r or t["kind"] != "tasks" or r["kind"] != "results":
        err.append(f"FT bad ref {l}"); continue
    if l["status"] not in ("done", "partial"): err.append(f"FT bad status {l}")
    if docs[t["file"]]["unit"] != docs[r["file"]]["unit"]: err.append(f"FT cross-unit {l}")
    if r["file"] != answering_doc(t): err.append(f"FT result not in first later doc reporting on {t['period']}: {l}")
    ft_tasks.add(t["id"])
kinds = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in g["carry_over"]:
    a, b = items.get(l["from"]), items.get(l["to"])
    if not a or not b or a["kind"] != "tasks" or b["kind"] != "tasks":
        err.append(f"CO bad ref {l}"); continue
    if l["kind"] not in kinds: err.append(f"CO bad kind {l}")
    if not b["period"] > a["period"]: err.append(f"CO not forward {l}")
    if docs[a["file"]]["unit"] != docs[b["file"]]["unit"]: err.append(f"CO cross-unit {l}")
    co_from.add(a["id"])
gaps = set(g["gaps"])
for tid in gaps:
    t = items.get(tid)
    if not t or t["kind"] != "tasks": err.append(f"gap bad ref {tid}"); continue
    if tid in ft_tasks or tid in co_from: err.append(f"gap {tid} has a link")
    if answering_doc(t) is None: err.append(f"gap {tid} is censored/pending")
for t in g["tasks"]:
    if answering_doc(t) and t["id"] not in ft_tasks | co_from | gaps:
        warn.append(f"task {t['id']} neither linked nor gap")
for w in warn: print("WARN", w)
for e in err: print("ERROR", e)
print({k: len(v) for k, v in g.items()}, "OK" if not err else f"{len(err)} errors")
sys.exit(1 if err else 0)
