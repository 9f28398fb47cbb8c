#!/usr/bin/env python3
"""Verify gold.json of this series against its documents and the annotation rules.
Prints OK when every check passes, else the list of problems."""
import json, os, re, sys, unicodedata
from collections import defaultdict

D = os.path.dirname(os.path.abspath(__file__))
g = json.load(open(os.path.join(D, "gold.json"), encoding="utf-8"))
err = []
E = err.append
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

for k in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if k not in g:
        E(f"missing key {k}")

docs, texts = {}, {}
for d in g["documents"]:
    f = d["file"]
    if f in docs:
        E(f"duplicate document {f}")
    if not re.fullmatch(r"[a-z0-9-]+_\d{4}-\d\d\.txt", f):
        E(f"bad file name {f}")
    p = os.path.join(D, f)
    if not os.path.isfile(p):
        E(f"missing file {f}"); continue
    raw = open(p, encoding="utf-8").read()
    if unicodedata.normalize("NFC", raw) != raw:
        E(f"{f} is not NFC")
    if not d.get("unit"):
        E(f"{f}: no unit")
    if not d.get("reported_months") or not all(MONTH.match(m) for m in d["reported_months"]):
        E(f"{f}: bad reported_months")
    if not MONTH.match(d.get("planned_period", "")):
        E(f"{f}: bad planned_period")
    docs[f], texts[f] = d, raw

# documents of a unit ordered by planned period
by_unit = defaultdict(list)
for f, d in docs.items():
    by_unit[d["unit"]].append(f)
order = {}
for u, fs in by_unit.items():
    fs.sort(key=lambda f: docs[f]["planned_period"])
    for i, f in enumerate(fs):
        order[f] = i
    for a, b in zip(fs, fs[1:]):
        if not docs[a]["planned_period"] < docs[b]["planned_period"]:
            E(f"{u}: planned periods not increasing {a} {b}")

items, spans = {}, defaultdict(list)
for kind in ("tasks", "results"):
    for it in g[kind]:
        i = it["id"]
        if i in items:
            E(f"duplicate id {i}")
        items[i] = dict(it, kind=kind)
        f = it["file"]
        if f not in docs:
            E(f"{i}: unknown file {f}"); continue
        t = it["text"]
        if not t.strip():
            E(f"{i}: empty text")
        if unicodedata.normalize("NFC", t) != t:
            E(f"{i}: text not NFC")
        n = texts[f].count(t)
        if n != 1:
            E(f"{i}: text occurs {n} times in {f}")
        else:
            s = texts[f].index(t)
            spans[f].append((s, s + len(t), i))
        if not MONTH.match(it.get("period", "")):
            E(f"{i}: bad period")
        if kind == "tasks" and it["period"] != docs[f]["planned_period"]:
            E(f"{i}: task period {it['period']} != planned period of {f}")
        if kind == "results" and it["period"] not in docs[f]["reported_months"]:
            E(f"{i}: result period {it['period']} not reported by {f}")
for f, sp in spans.items():
    sp.sort()
    for (a0, a1, ai), (b0, b1, bi) in zip(sp, sp[1:]):
        if b0 < a1:
            E(f"{f}: items {ai} and {bi} overlap")

# 10-18 tasks and results per document
for f in docs:
    nt = sum(1 for it in g["tasks"] if it["file"] == f)
    nr = sum(1 for it in g["results"] if it["file"] == f)
    if not 10 <= nt <= 18:
        E(f"{f}: {nt} tasks")
    if not 10 <= nr <= 18:
        E(f"{f}: {nr} results")

def unit(i):
    return docs[items[i]["file"]]["unit"]

def first_reporting(task_id):
    """first later document of the same unit that reports the task's period"""
    t = items[task_id]
    u, per = unit(task_id), t["period"]
    for f in by_unit[u][order[t["file"]] + 1:]:
        if per in docs[f]["reported_months"]:
            return f
    return None

ft_tasks, co_tasks = set(), set()
seen = set()
for l in g["follow_through"]:
    t, r, s = l["task"], l["result"], l["status"]
    if (t, r) in seen:
        E(f"duplicate follow-through {t}->{r}")
    seen.add((t, r))
    if t not in items or items[t]["kind"] != "tasks":
        E(f"follow-through: {t} is not a task"); continue
    if r not in items or items[r]["kind"] != "results":
        E(f"follow-through: {r} is not a result"); continue
    if s not in ("done", "partial"):
        E(f"follow-through {t}->{r}: status {s}")
    if unit(t) != unit(r):
        E(f"follow-through {t}->{r} crosses units")
    fr = first_reporting(t)
    if items[r]["file"] != fr:
        E(f"follow-through {t}->{r}: result not in the first document reporting {items[t]['period']} ({fr})")
    ft_tasks.add(t)

KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
seen = set()
for l in g["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if (a, b) in seen:
        E(f"duplicate carry-over {a}->{b}")
    seen.add((a, b))
    if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks":
        E(f"carry-over {a}->{b}: not two tasks"); continue
    if k not in KINDS:
        E(f"carry-over {a}->{b}: kind {k}")
    if unit(a) != unit(b):
        E(f"carry-over {a}->{b} crosses units")
    if not items[b]["period"] > items[a]["period"] or order[items[b]["file"]] <= order[items[a]["file"]]:
        E(f"carry-over {a}->{b} does not go forward")
    co_tasks.add(a)

gaps = set(g["gaps"])
if len(gaps) != len(g["gaps"]):
    E("duplicate gap ids")
for i in gaps:
    if i not in items or items[i]["kind"] != "tasks":
        E(f"gap {i} is not a task")
for it in g["tasks"]:
    i = it["id"]
    last = by_unit[unit(i)][-1] == it["file"]
    reported_later = first_reporting(i) is not None
    linked = i in ft_tasks or i in co_tasks
    should_gap = (not last) and reported_later and not linked
    if should_gap and i not in gaps:
        E(f"{i}: silent task not listed in gaps")
    if i in gaps and not should_gap:
        E(f"{i}: listed as gap but " + ("in last document (right-censored)" if last else
                                          "linked" if linked else "pending"))

for pair in g.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in items for p in pair):
        E(f"bad decoy pair {pair}")
    elif unit(pair[0]) == unit(pair[1]):
        E(f"decoy pair {pair} within one unit")

if err:
    print("\n".join(err))
    print(f"{len(err)} problem(s)")
    sys.exit(1)
print(f"documents={len(docs)} tasks={len(g['tasks'])} results={len(g['results'])} "
      f"follow_through={len(g['follow_through'])} carry_over={len(g['carry_over'])} gaps={len(gaps)}")
print("OK")
