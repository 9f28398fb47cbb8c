#!/usr/bin/env python3
"""Checks gold.json in this folder: exact (NFC) substrings, unique ids, valid links, gap logic; prints counts."""
import json, os, sys, unicodedata
from collections import Counter
H = os.path.dirname(os.path.abspath(__file__))
g = json.load(open(os.path.join(H, "gold.json"), encoding="utf-8"))
nfc = lambda s: unicodedata.normalize("NFC", s)
err = []
docs = [d["file"] for d in g["documents"]]
text = {f: nfc(open(os.path.join(H, f), encoding="utf-8").read()) for f in docs}
order = {f: i for i, f in enumerate(sorted(docs))}
last = sorted(docs)[-1]
items = {}
for kind in ("tasks", "results"):
    for it in g[kind]:
        if it["id"] in items: err.append(f"duplicate id {it['id']}")
        items[it["id"]] = (kind, it)
        if it["file"] not in text: err.append(f"{it['id']}: unknown file"); continue
        t = nfc(it["text"]); n = text[it["file"]].count(t)
        if n == 0: err.append(f"{it['id']}: text not found in {it['file']}")
        elif n > 1: err.append(f"{it['id']}: text occurs {n} times")
        if t != t.strip() or "\n" in t: err.append(f"{it['id']}: whitespace/newline in text")
ft_tasks, co_tasks = set(), set()
for l in g["follow_through"]:
    a, b = items.get(l["task"]), items.get(l["result"])
    if not a or a[0] != "tasks" or not b or b[0] != "results": err.append(f"bad ft {l}"); continue
    if l["status"] not in ("done", "partial"): err.append(f"bad status {l}")
    if order[a[1]["file"]] >= order[b[1]["file"]]: err.append(f"ft not forward {l}")
    ft_tasks.add(l["task"])
for l in g["carry_over"]:
    a, b = items.get(l["from"]), items.get(l["to"])
    if not a or a[0] != "tasks" or not b or b[0] != "tasks": err.append(f"bad co {l}"); continue
    if l["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"): err.append(f"bad kind {l}")
    if a[1]["period"] >= b[1]["period"]: err.append(f"co not forward {l}")
    co_tasks.add(l["from"])
for x in g["gaps"]:
    if x not in items or items[x][0] != "tasks": err.append(f"bad gap {x}"); continue
    if x in ft_tasks or x in co_tasks: err.append(f"gap {x} has a link")
    if items[x][1]["file"] == last: err.append(f"gap {x} is right-censored")
for tid, (k, it) in items.items():
    if k == "tasks" and it["file"] != last and tid not in ft_tasks | co_tasks | set(g["gaps"]):
        err.append(f"task {tid} has no link and is not a gap")
print("file                      tasks results")
tc = Counter(i["file"] for i in g["tasks"]); rc = Counter(i["file"] for i in g["results"])
for f in sorted(docs):
    print(f"{f:26s}{tc[f]:5d}{rc[f]:8d}   {len(text[f].splitlines())} lines")
print(f"tasks {len(g['tasks'])}, results {len(g['results'])}, follow_through {len(g['follow_through'])} "
      f"({Counter(l['status'] for l in g['follow_through'])}), carry_over {len(g['carry_over'])} "
      f"({Counter(l['kind'] for l in g['carry_over'])}), gaps {len(g['gaps'])}, "
      f"right-censored tasks {tc[last]}")
if err:
    print("ERRORS:"); [print(" ", e) for e in err]; sys.exit(1)
print("OK")
