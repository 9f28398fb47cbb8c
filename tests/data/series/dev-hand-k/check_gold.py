#!/usr/bin/env python3
"""Consistency checks for gold.json of a labelled monthly series (series hand-k).

  python3 check_gold.py [SERIES_DIR]      # default: the folder of this script

Checks: every text is an exact substring of its NFC file (and is a whole "- " bullet); ids are unique;
references resolve; each follow-through result sits in the first later document of the same unit that
reports on the task's month; carry-over goes forward in time within one unit; every task outside each
unit's last document is linked (follow-through or carry-over) or listed as a gap, and gaps are not
linked; tasks of a unit's last document are not gaps; decoys join items of two different units.
Prints OK when everything passes, else the list of problems.
"""
import json, os, re, sys, unicodedata

NFC = lambda s: unicodedata.normalize("NFC", s)
d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
g = json.load(open(os.path.join(d, "gold.json"), encoding="utf-8"))
errs = []
err = errs.append

# documents
docs = {}
for doc in g["documents"]:
    f = doc["file"]
    p = os.path.join(d, f)
    if not os.path.exists(p):
        err(f"missing file {f}"); continue
    m = re.search(r"_(\d{4}-\d{2})\.txt$", f)
    if not m:
        err(f"file name not <slug>_YYYY-MM.txt: {f}")
    doc = dict(doc, issued=m.group(1) if m else "", text=NFC(open(p, encoding="utf-8").read()))
    doc["bullets"] = {l.strip()[2:].strip() for l in doc["text"].split("\n") if l.strip().startswith("- ")}
    for k in ("unit", "reported_months", "planned_period"):
        if k not in doc:
            err(f"{f}: no {k}")
    if doc["reported_months"] and doc["planned_period"] <= max(doc["reported_months"]):
        err(f"{f}: planned period not after reported months")
    docs[f] = doc
if len(docs) != len(g["documents"]):
    err("duplicate or missing documents")

# units and order
units = {}
for f, doc in docs.items():
    units.setdefault(doc["unit"], []).append(f)
for u in units:
    units[u].sort(key=lambda f: docs[f]["issued"])
    issued = [docs[f]["issued"] for f in units[u]]
    if len(set(issued)) != len(issued):
        err(f"{u}: two documents issued in the same month")
order = {f: i for u in units for i, f in enumerate(units[u])}
last = {units[u][-1] for u in units}

# items
ids = {}
for kind in ("tasks", "results"):
    for it in g[kind]:
        i = it["id"]
        if i in ids:
            err(f"duplicate id {i}")
        ids[i] = dict(it, kind=kind)
        if it["file"] not in docs:
            err(f"{i}: unknown file {it['file']}"); continue
        doc = docs[it["file"]]
        t = NFC(it["text"])
        if t != it["text"]:
            err(f"{i}: text not NFC")
        if t not in doc["text"]:
            err(f"{i}: text not a substring of {it['file']}: {t[:60]!r}")
        elif t not in doc["bullets"]:
            err(f"{i}: text is not a whole bullet of {it['file']}: {t[:60]!r}")
        if kind == "tasks" and it["period"] != doc["planned_period"]:
            err(f"{i}: task period {it['period']} != planned period {doc['planned_period']}")
        if kind == "results" and it["period"] not in doc["reported_months"]:
            err(f"{i}: result period {it['period']} not among reported months {doc['reported_months']}")
tasks = {i: v for i, v in ids.items() if v["kind"] == "tasks"}
results = {i: v for i, v in ids.items() if v["kind"] == "results"}
texts = {}
for i, v in ids.items():
    key = (v["file"], v["text"])
    if key in texts:
        err(f"{i} and {texts[key]}: same text in the same file")
    texts[key] = i

unit_of = lambda i: docs[ids[i]["file"]]["unit"]

def answering_doc(task_id):
    t = tasks[task_id]
    u = unit_of(task_id)
    for f in units[u]:
        if order[f] > order[t["file"]] and t["period"] in docs[f]["reported_months"]:
            return f
    return None

# follow-through
ft_tasks, seen = set(), set()
for l in g["follow_through"]:
    t, r, st = l.get("task"), l.get("result"), l.get("status")
    if t not in tasks:
        err(f"follow_through: unknown task {t}"); continue
    if r not in results:
        err(f"follow_through: unknown result {r}"); continue
    if (t, r) in seen:
        err(f"follow_through: duplicate {t}->{r}")
    seen.add((t, r))
    if st not in ("done", "partial", "not_done"):
        err(f"follow_through {t}->{r}: bad status {st}")
    if unit_of(t) != unit_of(r):
        err(f"follow_through {t}->{r}: crosses units")
    want = answering_doc(t)
    if results[r]["file"] != want:
        err(f"follow_through {t}->{r}: result in {results[r]['file']}, answering document is {want}")
    ft_tasks.add(t)

# carry-over
co_from, seen = set(), set()
for l in g["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if a not in tasks or b not in tasks:
        err(f"carry_over: unknown task {a} or {b}"); continue
    if (a, b) in seen:
        err(f"carry_over: duplicate {a}->{b}")
    seen.add((a, b))
    if k not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
        err(f"carry_over {a}->{b}: bad kind {k}")
    if unit_of(a) != unit_of(b):
        err(f"carry_over {a}->{b}: crosses units")
    if not (order[tasks[b]["file"]] > order[tasks[a]["file"]] and tasks[b]["period"] > tasks[a]["period"]):
        err(f"carry_over {a}->{b}: not forward in time")
    co_from.add(a)

# gaps and coverage
gaps = set(g["gaps"])
if len(gaps) != len(g["gaps"]):
    err("duplicate gap ids")
for i in gaps:
    if i not in tasks:
        err(f"gap {i}: unknown task"); continue
    if i in ft_tasks or i in co_from:
        err(f"gap {i}: is linked")
    if tasks[i]["file"] in last:
        err(f"gap {i}: task of the unit's last document (right-censored)")
    if answering_doc(i) is None:
        err(f"gap {i}: no later document reports on {tasks[i]['period']} (pending, not silent)")
for i, t in tasks.items():
    if t["file"] in last:
        if i in ft_tasks:
            err(f"{i}: task of a last document has a follow-through")
        continue
    if answering_doc(i) is None:
        continue  # pending
    if i not in ft_tasks and i not in co_from and i not in gaps:
        err(f"{i}: uncensored task neither linked nor a gap")

# decoys
for pair in g.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in ids for p in pair):
        err(f"decoy {pair}: unknown id"); continue
    if unit_of(pair[0]) == unit_of(pair[1]):
        err(f"decoy {pair}: same unit")
    if any(tuple(pair) in s or tuple(pair[::-1]) in s for s in (
            {(l['task'], l['result']) for l in g['follow_through']},
            {(l['from'], l['to']) for l in g['carry_over']})):
        err(f"decoy {pair}: is a gold link")

if errs:
    print("\n".join(errs))
    print(f"{len(errs)} problem(s)")
    sys.exit(1)
print(f"OK: {len(docs)} documents, {len(tasks)} tasks, {len(results)} results, "
      f"{len(g['follow_through'])} follow-through, {len(g['carry_over'])} carry-over, "
      f"{len(gaps)} gaps, {len(g.get('cross_unit_decoys', []))} decoys")
