#!/usr/bin/env python3
"""Checks gold.json in this folder: every text is an exact (NFC) substring of its file
(and occurs once), every referenced id exists and has the right kind, links stay inside
one unit and point forward in time, gaps are really silent, the last document of each
unit is right-censored, decoys cross units. Prints counts."""
import json, os, sys, unicodedata
from collections import Counter, defaultdict
D = os.path.dirname(os.path.abspath(__file__))
g = json.load(open(os.path.join(D, "gold.json"), encoding="utf-8"))
err = []
docs = {d["file"]: d for d in g["documents"]}
text = {}
for f in docs:
    raw = open(os.path.join(D, f), encoding="utf-8").read()
    if unicodedata.normalize("NFC", raw) != raw:
        err.append(f"{f}: not NFC")
    text[f] = raw
    n = raw.count("\n") + (0 if raw.endswith("\n") else 1)
    if not 40 <= n <= 120:
        err.append(f"{f}: {n} lines")
items = {}
for kind in ("tasks", "results"):
    for it in g[kind]:
        if it["id"] in items:
            err.append("duplicate id " + it["id"])
        items[it["id"]] = (kind, it)
        if it["file"] not in docs:
            err.append(f"{it['id']}: unknown file"); continue
        c = text[it["file"]].count(it["text"])
        if c != 1:
            err.append(f"{it['id']}: text occurs {c} times in {it['file']}")
        d = docs[it["file"]]
        if kind == "tasks" and it["period"] != d["planned_period"]:
            err.append(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
        if kind == "results" and it["period"] not in d["reported_months"]:
            err.append(f"{it['id']}: period {it['period']} not reported by {it['file']}")
unit = lambda i: docs[items[i][1]["file"]]["unit"]
order = {}
for u in {d["unit"] for d in g["documents"]}:
    fs = sorted(f for f in docs if docs[f]["unit"] == u)
    for k, f in enumerate(fs):
        order[f] = (k, len(fs))
def need(i, kind, where):
    if i not in items: err.append(f"{where}: unknown id {i}"); return False
    if items[i][0] != kind: err.append(f"{where}: {i} is not a {kind[:-1]}"); return False
    return True
linked = set()
for ft in g["follow_through"]:
    w = f"follow_through {ft}"
    if need(ft["task"], "tasks", w) and need(ft["result"], "results", w):
        t, r = items[ft["task"]][1], items[ft["result"]][1]
        if unit(ft["task"]) != unit(ft["result"]): err.append(w + ": crosses units")
        if order[r["file"]][0] <= order[t["file"]][0]: err.append(w + ": result not in a later document")
        if ft["status"] not in ("done", "partial", "not_done"): err.append(w + ": bad status")
        linked.add(ft["task"])
for co in g["carry_over"]:
    w = f"carry_over {co}"
    if need(co["from"], "tasks", w) and need(co["to"], "tasks", w):
        a, b = items[co["from"]][1], items[co["to"]][1]
        if unit(co["from"]) != unit(co["to"]): err.append(w + ": crosses units")
        if b["period"] <= a["period"]: err.append(w + ": not planned later")
        if co["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"): err.append(w + ": bad kind")
        linked.add(co["from"])
for i in g["gaps"]:
    if need(i, "tasks", "gaps"):
        if i in linked: err.append(f"gap {i} has a link")
        k, n = order[items[i][1]["file"]]
        if k == n - 1: err.append(f"gap {i} is in the last (right-censored) document")
for kind, it in items.values():
    if kind == "tasks":
        k, n = order[it["file"]]
        if k < n - 1 and it["id"] not in linked and it["id"] not in g["gaps"]:
            err.append(f"{it['id']}: neither linked nor a gap")
for a, b in g.get("cross_unit_decoys", []):
    if a in items and b in items:
        if unit(a) == unit(b): err.append(f"decoy {a} {b} same unit")
        if any(ft["task"] == a and ft["result"] == b for ft in g["follow_through"]): err.append(f"decoy {a} {b} is linked")
    else:
        err.append(f"decoy {a} {b}: unknown id")
print("documents", len(g["documents"]), "| tasks", len(g["tasks"]), "| results", len(g["results"]),
      "| follow_through", len(g["follow_through"]), dict(Counter(x["status"] for x in g["follow_through"])),
      "| carry_over", len(g["carry_over"]), dict(Counter(x["kind"] for x in g["carry_over"])),
      "| gaps", len(g["gaps"]), "| decoys", len(g.get("cross_unit_decoys", [])))
per = defaultdict(lambda: [0, 0])
for kind, it in items.values():
    per[it["file"]][kind == "results"] += 1
for f in sorted(per):
    print(f"  {f}: {per[f][0]} tasks, {per[f][1]} results")
if err:
    print("ERRORS:"); [print("  " + e) for e in err]; sys.exit(1)
print("OK")
