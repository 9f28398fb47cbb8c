#!/usr/bin/env python3
"""Sanity checks for gold.json of this series (run: python3 check_gold.py [DIR]).

Checks: every text is an exact substring of its NFC file (and items of one file do not
overlap); ids unique; referential integrity (files, ids, periods vs. the document's
reported_months / planned_period); follow-through goes from a task to a result in the FIRST
later document of the same unit that reports on the task's month; statuses and carry-over
kinds are known; carry-over goes forward in time; every task that a later document must
answer is linked (follow-through or carry-over) or is a gap, never both; right-censored
tasks (no later document reports on their month) are not gaps. Prints OK or the problems.
"""
import json, os, sys, unicodedata
from collections import Counter

d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
g = json.load(open(os.path.join(d, "gold.json"), encoding="utf-8"))
err = []
docs = g["documents"]
order = {x["file"]: i for i, x in enumerate(docs)}          # documents listed in issue order
dates = [x.get("date") for x in docs]
for i in range(1, len(dates)):
    a, b = dates[i - 1], dates[i]                          # a draft may carry only "YYYY-MM"
    if a and b and b[:min(len(a), len(b))] < a[:min(len(a), len(b))]:
        err.append(f"documents not in date order: {docs[i-1]['file']} {a} > {docs[i]['file']} {b}")
text = {}
for x in docs:
    p = os.path.join(d, x["file"])
    if not os.path.exists(p):
        err.append(f"missing file {x['file']}"); continue
    text[x["file"]] = unicodedata.normalize("NFC", open(p, encoding="utf-8").read())
docmap = {x["file"]: x for x in docs}

ids = Counter(i["id"] for i in g["tasks"] + g["results"])
err += [f"duplicate id {k}" for k, v in ids.items() if v > 1]
T = {t["id"]: t for t in g["tasks"]}
R = {r["id"]: r for r in g["results"]}

spans = {}
for kind, coll in (("task", g["tasks"]), ("result", g["results"])):
    for it in coll:
        f = it["file"]
        if f not in docmap:
            err.append(f"{it['id']}: unknown file {f}"); continue
        t = unicodedata.normalize("NFC", it["text"])
        n = text.get(f, "").count(t)
        if n == 0:
            err.append(f"{it['id']}: text not found in {f}")
        elif n > 1:
            err.append(f"{it['id']}: text occurs {n} times in {f}")
        else:
            s = text[f].index(t); spans.setdefault(f, []).append((s, s + len(t), it["id"]))
        if kind == "task" and it["period"] != docmap[f]["planned_period"]:
            err.append(f"{it['id']}: period {it['period']} != planned_period of {f}")
        if kind == "result" and it["period"] not in docmap[f]["reported_months"]:
            err.append(f"{it['id']}: period {it['period']} not reported by {f}")
for f, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err.append(f"overlapping items {a[2]} / {b[2]} in {f}")

def answering_doc(task):
    """First later document of the same unit that reports on the task's month."""
    i = order[task["file"]]; unit = docmap[task["file"]]["unit"]
    for x in docs[i + 1:]:
        if x["unit"] == unit and task["period"] in x["reported_months"]:
            return x["file"]
    return None

linked = set()
for l in g["follow_through"]:
    t, r = T.get(l["task"]), R.get(l["result"])
    if not t or not r:
        err.append(f"follow_through {l}: unknown id"); continue
    if l["status"] not in ("done", "partial", "not_done"):
        err.append(f"follow_through {l}: bad status")
    if docmap[t["file"]]["unit"] != docmap[r["file"]]["unit"]:
        err.append(f"follow_through {l}: crosses units")
    want = answering_doc(t)
    if r["file"] != want:
        err.append(f"follow_through {l}: result in {r['file']}, answering document is {want}")
    if r["period"] != t["period"]:
        err.append(f"follow_through {l}: result period {r['period']} != task period {t['period']}")
    linked.add(t["id"])
dup = Counter((l["task"], l["result"]) for l in g["follow_through"])
err += [f"duplicate follow_through {k}" for k, v in dup.items() if v > 1]

for l in g["carry_over"]:
    a, b = T.get(l["from"]), T.get(l["to"])
    if not a or not b:
        err.append(f"carry_over {l}: unknown id"); continue
    if l["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
        err.append(f"carry_over {l}: bad kind")
    if docmap[a["file"]]["unit"] != docmap[b["file"]]["unit"]:
        err.append(f"carry_over {l}: crosses units")
    if not (b["period"] > a["period"] and order[b["file"]] > order[a["file"]]):
        err.append(f"carry_over {l}: not forward in time ({a['period']} -> {b['period']})")
    linked.add(a["id"])
dup = Counter((l["from"], l["to"]) for l in g["carry_over"])
err += [f"duplicate carry_over {k}" for k, v in dup.items() if v > 1]

gaps = set(g["gaps"])
for gid in gaps:
    if gid not in T:
        err.append(f"gap {gid}: unknown task")
for t in g["tasks"]:
    censored = answering_doc(t) is None
    if censored:
        if t["id"] in gaps:
            err.append(f"{t['id']}: right-censored task listed as gap")
        if any(l["task"] == t["id"] for l in g["follow_through"]):
            err.append(f"{t['id']}: right-censored task has follow-through")
        continue
    if t["id"] in gaps and t["id"] in linked:
        err.append(f"{t['id']}: both linked and a gap")
    if t["id"] not in gaps and t["id"] not in linked:
        err.append(f"{t['id']}: neither linked nor a gap")

if err:
    print("\n".join(err)); print(f"{len(err)} problem(s)"); sys.exit(1)
st = Counter(l["status"] for l in g["follow_through"]); ki = Counter(l["kind"] for l in g["carry_over"])
print(f"documents={len(docs)} tasks={len(T)} results={len(R)} follow_through={len(g['follow_through'])} {dict(st)} "
      f"carry_over={len(g['carry_over'])} {dict(ki)} gaps={len(gaps)}")
print("OK")
