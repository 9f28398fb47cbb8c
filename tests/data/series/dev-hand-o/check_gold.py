#!/usr/bin/env python3
"""Checks gold.json in this folder: exact substrings, ids, link consistency; prints counts."""
import json, os, sys, unicodedata
from collections import Counter, defaultdict
D = os.path.dirname(os.path.abspath(__file__))
g = json.load(open(os.path.join(D, "gold.json"), encoding="utf-8"))
err = []
docs = {d["file"]: d for d in g["documents"]}
texts = {}
for f in docs:
    t = open(os.path.join(D, f), encoding="utf-8").read()
    if t != unicodedata.normalize("NFC", t): err.append(f"{f}: not NFC")
    texts[f] = t
    n = t.count("\n") + (0 if t.endswith("\n") else 1)
    if not 40 <= n <= 120: err.append(f"{f}: {n} lines")
    if "[[" in t or "]]" in t: err.append(f"{f}: markup left")
ids = {}
for kind in ("tasks", "results"):
    for it in g[kind]:
        if it["id"] in ids: err.append(f"duplicate id {it['id']}")
        ids[it["id"]] = (kind, it)
        if it["file"] not in docs: err.append(f"{it['id']}: unknown file"); continue
        c = texts[it["file"]].count(it["text"])
        if c != 1: err.append(f"{it['id']}: text occurs {c} times in {it['file']}")
        if "\n" in it["text"]: err.append(f"{it['id']}: multi-line text")
        if kind == "tasks" and it["period"] != docs[it["file"]]["planned_period"]:
            err.append(f"{it['id']}: period != planned period")
        if kind == "results" and it["period"] not in docs[it["file"]]["reported_months"]:
            err.append(f"{it['id']}: period not among reported months")
order = [d["file"] for d in g["documents"]]
def kind_of(i, k):
    if i not in ids: err.append(f"unknown id {i}"); return None
    if ids[i][0] != k: err.append(f"{i} is not a {k[:-1]}")
    return ids[i][1]
ft_t, co_t = defaultdict(list), defaultdict(list)
for l in g["follow_through"]:
    t, r = kind_of(l["task"], "tasks"), kind_of(l["result"], "results")
    if l["status"] not in ("done", "partial", "not_done"): err.append(f"bad status {l}")
    if t and r:
        if order.index(r["file"]) <= order.index(t["file"]): err.append(f"FT backwards {l}")
        if r["period"] < t["period"] and not r.get("periods"): err.append(f"FT result period before task {l}")
    ft_t[l["task"]].append(l["result"])
for l in g["carry_over"]:
    a, b = kind_of(l["from"], "tasks"), kind_of(l["to"], "tasks")
    if a and b and b["period"] <= a["period"]: err.append(f"CO not forward {l}")
    co_t[l["from"]].append(l["to"])
last = order[-1]
status = Counter()
for it in g["tasks"]:
    i = it["id"]; linked = i in ft_t or i in co_t
    if i in g["gaps"]:
        if linked: err.append(f"gap {i} has links")
        if it["file"] == last: err.append(f"gap {i} in last document (right-censored)")
        status["gap"] += 1
    elif it["file"] == last: status["censored"] += 1
    elif not linked: err.append(f"{i}: unlinked but not listed as gap")
    else: status["linked"] += 1
for gi in g["gaps"]: kind_of(gi, "tasks")
print("documents:", len(g["documents"]))
for f in order:
    nt = sum(1 for x in g["tasks"] if x["file"] == f); nr = sum(1 for x in g["results"] if x["file"] == f)
    print(f"  {f}: {nt} tasks, {nr} results, {texts[f].count(chr(10))} lines")
print("tasks:", len(g["tasks"]), "results:", len(g["results"]))
print("follow_through:", len(g["follow_through"]), dict(Counter(l["status"] for l in g["follow_through"])))
print("carry_over:", len(g["carry_over"]), dict(Counter(l["kind"] for l in g["carry_over"])))
print("gaps:", len(g["gaps"]), g["gaps"])
print("task status:", dict(status))
print("results without a task:", [r["id"] for r in g["results"] if r["id"] not in {l["result"] for l in g["follow_through"]}])
if err:
    print("ERRORS:"); [print("  ", e) for e in err]; sys.exit(1)
print("OK")
