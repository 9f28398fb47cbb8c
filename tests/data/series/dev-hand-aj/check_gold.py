#!/usr/bin/env python3
"""Verifies gold.json of this folder against its documents and ANNOTATION.md rules.
Prints OK when every check passes; otherwise lists the problems and exits 1."""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errs, warns = [], []
def err(m): errs.append(m)

g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for k in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if k not in g: err("missing key " + k)

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
docs = {}
for d in g["documents"]:
    f = d["file"]
    if f in docs: err("duplicate document " + f)
    docs[f] = d
    m = re.match(r"^([a-z0-9-]+(?:_[a-z0-9-]+)*)_(\d{4}-\d\d)\.txt$", f)
    if not m: err("bad file name " + f)
    elif m.group(2) != d["planned_period"]: err(f + ": name month != planned_period")
    if not all(MONTH.match(x) for x in d["reported_months"] + [d["planned_period"]]): err(f + ": bad month")
    if not d["reported_months"] or max(d["reported_months"]) >= d["planned_period"]:
        err(f + ": reported months must precede planned period")
    if not os.path.exists(os.path.join(HERE, f)): err("missing file " + f)

texts = {}
for f in docs:
    raw = open(os.path.join(HERE, f), "rb").read()
    try: s = raw.decode("utf-8")
    except UnicodeDecodeError: err(f + ": not UTF-8"); continue
    if unicodedata.normalize("NFC", s) != s: err(f + ": not NFC")
    if "\ufeff" in s: err(f + ": BOM")
    texts[f] = s

# units, ordering
unit_docs = defaultdict(list)
for f, d in docs.items(): unit_docs[d["unit"]].append(f)
for u in unit_docs: unit_docs[u].sort(key=lambda f: docs[f]["planned_period"])
last_doc = {u: fs[-1] for u, fs in unit_docs.items()}
for u, fs in unit_docs.items():
    for a, b in zip(fs, fs[1:]):
        if docs[a]["planned_period"] >= docs[b]["planned_period"]: err(u + ": periods not increasing")
        if set(docs[a]["reported_months"]) & set(docs[b]["reported_months"]): err(u + ": reported months overlap")

items = {}
per_doc = defaultdict(lambda: {"tasks": 0, "results": 0})
for kind in ("tasks", "results"):
    for it in g[kind]:
        i = it["id"]
        if i in items: err("duplicate id " + i)
        items[i] = dict(it, kind=kind)
        f = it["file"]
        if f not in docs: err(i + ": unknown file"); continue
        t = it["text"]
        if unicodedata.normalize("NFC", t) != t: err(i + ": text not NFC")
        if t != t.strip() or not t: err(i + ": text has outer spaces or is empty")
        c = texts.get(f, "").count(t)
        if c != 1: err(f"{i}: text occurs {c} times in {f}")
        per_doc[f][kind] += 1
        if kind == "tasks" and it["period"] != docs[f]["planned_period"]:
            err(i + ": task period != planned_period of its document")
        if kind == "results" and it["period"] not in docs[f]["reported_months"]:
            err(i + ": result period not among reported months of its document")
for f in docs:
    for kind in ("tasks", "results"):
        n = per_doc[f][kind]
        if not 10 <= n <= 18: err(f"{f}: {n} {kind} (need 10-18)")

# items of one document must not overlap each other in the text
for f in docs:
    spans = []
    for i, it in items.items():
        if it["file"] == f:
            p = texts[f].find(it["text"]); spans.append((p, p + len(it["text"]), i))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        if b[0] < a[1]: err(f"{f}: items {a[2]} and {b[2]} overlap")

def unit_of(i): return docs[items[i]["file"]]["unit"]
def doc_index(i):
    f = items[i]["file"]; return unit_docs[docs[f]["unit"]].index(f)

# follow-through
ft_tasks, seen = set(), set()
for l in g["follow_through"]:
    t, r, s = l["task"], l["result"], l["status"]
    if (t, r) in seen: err(f"duplicate follow-through {t}->{r}")
    seen.add((t, r))
    if t not in items or items[t]["kind"] != "tasks": err(f"follow-through: {t} not a task"); continue
    if r not in items or items[r]["kind"] != "results": err(f"follow-through: {r} not a result"); continue
    if s not in ("done", "partial"): err(f"{t}->{r}: status {s}")
    if unit_of(t) != unit_of(r): err(f"{t}->{r}: crosses units")
    M = items[t]["period"]
    # result must be in the first later document of the unit that reports on M
    u = unit_of(t)
    first = next((f for f in unit_docs[u][doc_index(t) + 1:] if M in docs[f]["reported_months"]), None)
    if items[r]["file"] != first: err(f"{t}->{r}: result not in the first document reporting on {M}")
    if items[r]["period"] < M: err(f"{t}->{r}: result period before task period")
    tt, rt = items[t]["text"], items[r]["text"]
    if tt in rt or rt in tt: err(f"{t}->{r}: result copies the task")
    ft_tasks.add(t)

# carry-over
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
co_from, seen = set(), set()
for l in g["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if (a, b) in seen: err(f"duplicate carry-over {a}->{b}")
    seen.add((a, b))
    if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks":
        err(f"carry-over {a}->{b}: not two tasks"); continue
    if k not in KINDS: err(f"{a}->{b}: kind {k}")
    if unit_of(a) != unit_of(b): err(f"{a}->{b}: crosses units")
    if items[b]["period"] <= items[a]["period"] or doc_index(b) <= doc_index(a):
        err(f"{a}->{b}: not planned for a later month")
    co_from.add(a)

# gaps: exactly the tasks without any link, outside last documents
gaps = set(g["gaps"])
if len(gaps) != len(g["gaps"]): err("duplicate gap")
for i in gaps:
    if i not in items or items[i]["kind"] != "tasks": err(f"gap {i}: not a task"); continue
    if items[i]["file"] == last_doc[unit_of(i)]: err(f"gap {i}: task of a last document (right-censored)")
    if i in ft_tasks or i in co_from: err(f"gap {i}: has a link")
for i, it in items.items():
    if it["kind"] != "tasks" or it["file"] == last_doc[unit_of(i)]: continue
    # a task is pending (not silent) if no later document reports on its month
    u = unit_of(i)
    reported_later = any(it["period"] in docs[f]["reported_months"] for f in unit_docs[u][doc_index(i) + 1:])
    if i not in ft_tasks and i not in co_from and reported_later and i not in gaps:
        err(f"{i}: no link and not listed as gap")

# tasks of last documents carry no outgoing links (nothing later exists)
for i in ft_tasks | co_from:
    if items[i]["file"] == last_doc[unit_of(i)]: err(f"{i}: last-document task has a link")

# decoys
units = set(unit_docs)
if len(units) >= 2:
    if "cross_unit_decoys" not in g or not g["cross_unit_decoys"]: err("two units but no cross_unit_decoys")
linked = {(l["task"], l["result"]) for l in g["follow_through"]} | {(l["from"], l["to"]) for l in g["carry_over"]}
for p in g.get("cross_unit_decoys", []):
    if len(p) != 2 or any(x not in items for x in p): err(f"decoy {p}: unknown id"); continue
    a, b = p
    if unit_of(a) == unit_of(b): err(f"decoy {p}: same unit")
    if (a, b) in linked or (b, a) in linked: err(f"decoy {p}: linked")

if errs:
    print("\n".join(errs)); print(f"FAILED ({len(errs)} problems)"); sys.exit(1)
n = lambda k: len(g[k])
print(f"{len(docs)} documents, {n('tasks')} tasks, {n('results')} results, "
      f"{n('follow_through')} follow-through, {n('carry_over')} carry-over, {n('gaps')} gaps, "
      f"{len(g.get('cross_unit_decoys', []))} decoy pairs")
print("OK")
