#!/usr/bin/env python3
"""Checks gold.json of this folder: every text an exact substring of its (NFC) file,
ids unique and well-formed, links pointing at existing ids in the right direction,
gaps = exactly the non-censored tasks with neither follow-through nor carry-over.
Prints counts. Run from anywhere: python3 check_gold.py"""
import json, os, re, sys, unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
errors = []
def err(msg): errors.append(msg)

docs = {d["file"]: d for d in g["documents"]}
texts = {}
for f in docs:
    raw = open(os.path.join(HERE, f), encoding="utf-8").read()
    if raw != unicodedata.normalize("NFC", raw):
        err(f"{f}: not NFC")
    texts[f] = unicodedata.normalize("NFC", raw)

ids = Counter(x["id"] for x in g["tasks"] + g["results"])
for i, c in ids.items():
    if c > 1: err(f"duplicate id {i}")
items = {}
for kind, lst, pfx in (("task", g["tasks"], "T"), ("result", g["results"], "R")):
    for x in lst:
        items[x["id"]] = (kind, x)
        m = re.fullmatch(pfx + r"(\d\d)-(\d+)", x["id"])
        if not m: err(f"bad id {x['id']}")
        if x["file"] not in docs: err(f"{x['id']}: unknown file {x['file']}")
        elif not x["file"].endswith(f"_2026-{m.group(1)}.txt"): err(f"{x['id']}: id month differs from file")
        t = x["text"]
        if not t.strip(): err(f"{x['id']}: empty text")
        n = texts.get(x["file"], "").count(t)
        if n == 0: err(f"{x['id']}: text not found in {x['file']}")
        elif n > 1: err(f"{x['id']}: text found {n} times (ambiguous)")
        if not re.fullmatch(r"\d{4}-\d\d", x["period"]): err(f"{x['id']}: bad period")
        if kind == "task" and x["period"] != docs[x["file"]]["planned_period"]:
            err(f"{x['id']}: task period != planned_period of its document")
        if kind == "result" and x["period"] not in docs[x["file"]]["reported_months"]:
            err(f"{x['id']}: result period not among reported_months")

order = sorted(docs)                       # files sort by month of issue
pos = {f: i for i, f in enumerate(order)}
linked = set()
for l in g["follow_through"]:
    t, r = items.get(l["task"]), items.get(l["result"])
    if not t or t[0] != "task": err(f"follow_through: bad task {l['task']}"); continue
    if not r or r[0] != "result": err(f"follow_through: bad result {l['result']}"); continue
    if l["status"] not in ("done", "partial", "progress"): err(f"bad status {l}")
    if pos[r[1]["file"]] <= pos[t[1]["file"]]: err(f"follow_through not forward: {l}")
    if r[1]["period"] < t[1]["period"]: err(f"result period before task period: {l}")
    linked.add(l["task"])
for l in g["carry_over"]:
    a, b = items.get(l["from"]), items.get(l["to"])
    if not a or not b or a[0] != "task" or b[0] != "task": err(f"carry_over: bad ids {l}"); continue
    if pos[b[1]["file"]] <= pos[a[1]["file"]]: err(f"carry_over not forward: {l}")
    if l["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"): err(f"bad kind {l}")
    linked.add(l["from"])
last = order[-1]
expected_gaps = {x["id"] for x in g["tasks"] if x["file"] != last and x["id"] not in linked}
if set(g["gaps"]) != expected_gaps:
    err(f"gaps mismatch: listed-only {sorted(set(g['gaps'])-expected_gaps)}, missing {sorted(expected_gaps-set(g['gaps']))}")
for x in g["gaps"]:
    if x in items and items[x][1]["file"] == last: err(f"{x}: last document's tasks are right-censored, not gaps")

per = defaultdict(lambda: [0, 0])
for x in g["tasks"]: per[x["file"]][0] += 1
for x in g["results"]: per[x["file"]][1] += 1
print(f"{'file':28} lines tasks results")
for f in order:
    print(f"{f:28} {len(texts[f].splitlines()):5} {per[f][0]:5} {per[f][1]:7}")
st = Counter(l["status"] for l in g["follow_through"]); kd = Counter(l["kind"] for l in g["carry_over"])
print(f"documents {len(docs)}, tasks {len(g['tasks'])}, results {len(g['results'])}")
print(f"follow_through {len(g['follow_through'])} {dict(st)}")
print(f"carry_over {len(g['carry_over'])} {dict(kd)}")
print(f"gaps {len(g['gaps'])} {g['gaps']}; right-censored tasks (last document) {per[last][0]}")
print(f"items whose text spans a line break: {sum(1 for x in g['tasks']+g['results'] if chr(10) in x['text'])}")
if errors:
    print("ERRORS:"); [print("  " + e) for e in errors]; sys.exit(1)
print("OK")
