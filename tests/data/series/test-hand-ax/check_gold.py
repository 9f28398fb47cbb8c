#!/usr/bin/env python3
"""Verifies gold.json of this folder against the documents and the rules of ANNOTATION.md /
tools/README.md. Prints OK when everything holds, else the list of problems."""
import json, os, re, sys, unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errs = []
def err(m): errs.append(m)

g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for k in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"):
    if k not in g: err(f"missing key {k}")

# documents
docs, texts = {}, {}
for d in g["documents"]:
    fn = d["file"]
    m = re.fullmatch(r"([a-z0-9-]+)_(\d{4}-\d{2})\.txt", fn)
    if not m: err(f"bad file name {fn}"); continue
    p = os.path.join(HERE, fn)
    if not os.path.exists(p): err(f"missing file {fn}"); continue
    raw = open(p, encoding="utf-8").read()
    if unicodedata.normalize("NFC", raw) != raw: err(f"{fn} is not NFC")
    texts[fn] = unicodedata.normalize("NFC", raw)
    if d["planned_period"] != m.group(2): err(f"{fn}: planned_period {d['planned_period']} != name")
    if not d["reported_months"] or any(rm >= d["planned_period"] for rm in d["reported_months"]):
        err(f"{fn}: reported months must precede the planned period")
    if fn in docs: err(f"duplicate document {fn}")
    docs[fn] = d
txt_files = {f for f in os.listdir(HERE) if f.endswith(".txt")}
if txt_files != set(docs): err(f"documents list != .txt files: {sorted(txt_files ^ set(docs))}")
units = defaultdict(list)
for fn, d in docs.items(): units[d["unit"]].append(fn)
for u in units: units[u].sort(key=lambda f: docs[f]["planned_period"])
slug_unit = {}
for fn, d in docs.items():
    s = fn.split("_")[0]
    if slug_unit.setdefault(s, d["unit"]) != d["unit"]: err(f"slug {s} maps to two units")

# items
items = {}
def check_item(it, kind):
    for k in ("id", "file", "period", "text"):
        if k not in it: err(f"{kind} without {k}: {it}"); return
    if it["id"] in items: err(f"duplicate id {it['id']}")
    items[it["id"]] = dict(it, kind=kind)
    fn = it["file"]
    if fn not in texts: err(f"{it['id']}: unknown file {fn}"); return
    t, s = it["text"], texts[fn]
    if unicodedata.normalize("NFC", t) != t: err(f"{it['id']}: text not NFC")
    c = s.count(t)
    if c != 1: err(f"{it['id']}: text occurs {c} times in {fn}")
    if "\n" in t or t != t.strip() or not t: err(f"{it['id']}: bad text span")
    # an item is a whole bullet: the text is a full line after its marker
    if not re.search(r"(?m)^(?:- |\(\d+\) |\d+\. |[a-zđ]\) )" + re.escape(t) + r"$", s):
        err(f"{it['id']}: text is not a whole bullet line")
    d = docs[fn]
    if kind == "task" and it["period"] != d["planned_period"]: err(f"{it['id']}: period != planned_period")
    if kind == "result" and it["period"] not in d["reported_months"]: err(f"{it['id']}: period not reported")
for t in g["tasks"]: check_item(t, "task")
for r in g["results"]: check_item(r, "result")
cnt = Counter((it["file"], it["kind"]) for it in items.values())
for fn in docs:
    for k in ("task", "result"):
        if not 10 <= cnt[(fn, k)] <= 18: err(f"{fn}: {cnt[(fn, k)]} {k}s (need 10-18)")

def unit_of(i): return docs[items[i]["file"]]["unit"]
def pp(i): return docs[items[i]["file"]]["planned_period"]

# follow-through
ft_tasks = set(); pairs = set()
for x in g["follow_through"]:
    t, r, st = x.get("task"), x.get("result"), x.get("status")
    if items.get(t, {}).get("kind") != "task" or items.get(r, {}).get("kind") != "result":
        err(f"follow_through bad ids {x}"); continue
    if st not in ("done", "partial"): err(f"follow_through bad status {x}")
    if unit_of(t) != unit_of(r): err(f"follow_through across units {x}")
    if pp(r) <= pp(t): err(f"follow_through result not in a later document {x}")
    tp = items[t]["period"]
    rd = docs[items[r]["file"]]
    if tp not in rd["reported_months"]: err(f"follow_through: {r}'s document does not report on {tp}")
    first = next((f for f in units[unit_of(t)] if tp in docs[f]["reported_months"]), None)
    if first != items[r]["file"]: err(f"follow_through {x}: not the first document reporting on {tp}")
    if items[r]["period"] != tp: err(f"follow_through {x}: result period {items[r]['period']} != task period {tp}")
    if (t, r) in pairs: err(f"duplicate follow_through {x}")
    pairs.add((t, r)); ft_tasks.add(t)

# carry-over
co_tasks = set(); copairs = set()
for x in g["carry_over"]:
    a, b, k = x.get("from"), x.get("to"), x.get("kind")
    if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
        err(f"carry_over bad ids {x}"); continue
    if k not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"): err(f"carry_over bad kind {x}")
    if unit_of(a) != unit_of(b): err(f"carry_over across units {x}")
    if items[b]["period"] <= items[a]["period"]: err(f"carry_over not to a later month {x}")
    if (a, b) in copairs: err(f"duplicate carry_over {x}")
    copairs.add((a, b)); co_tasks.add(a)
split_from = Counter(x["from"] for x in g["carry_over"] if x["kind"] == "split")
for a, n in split_from.items():
    if n < 2: err(f"split from {a} has a single part")

# gaps: exactly the unlinked tasks whose month a later document of the unit reports on
expected = set()
for i, it in items.items():
    if it["kind"] != "task" or i in ft_tasks or i in co_tasks: continue
    later = [f for f in units[unit_of(i)] if docs[f]["planned_period"] > pp(i)]
    if any(it["period"] in docs[f]["reported_months"] for f in later): expected.add(i)
gaps = set(g["gaps"])
if len(gaps) != len(g["gaps"]): err("duplicate gap ids")
for i in gaps:
    if items.get(i, {}).get("kind") != "task": err(f"gap {i} is not a task"); continue
    if items[i]["file"] == units[unit_of(i)][-1]: err(f"gap {i} in the last document (right-censored)")
    if i in ft_tasks or i in co_tasks: err(f"gap {i} has a link")
if gaps != expected: err(f"gaps differ: missing {sorted(expected - gaps)}, extra {sorted(gaps - expected)}")
for u, fs in units.items():
    for i, it in items.items():
        if it["file"] == fs[-1] and it["kind"] == "task" and (i in ft_tasks or i in co_tasks):
            err(f"{i}: task of the last document has an outgoing link")

# decoys
if len(units) > 1 and not g["cross_unit_decoys"]: err("two units but no cross_unit_decoys")
linked = pairs | copairs
for p in g["cross_unit_decoys"]:
    if len(p) != 2 or any(i not in items for i in p): err(f"bad decoy {p}"); continue
    a, b = p
    if unit_of(a) == unit_of(b): err(f"decoy within one unit {p}")
    if (a, b) in linked or (b, a) in linked: err(f"decoy is linked {p}")

if errs:
    print("\n".join(errs)); print(f"{len(errs)} problem(s)"); sys.exit(1)
print(f"{len(docs)} documents, {sum(1 for v in items.values() if v['kind']=='task')} tasks, "
      f"{sum(1 for v in items.values() if v['kind']=='result')} results, {len(pairs)} follow-through, "
      f"{len(copairs)} carry-over, {len(gaps)} gaps, {len(g['cross_unit_decoys'])} decoys")
print("OK")
