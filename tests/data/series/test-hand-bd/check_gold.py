#!/usr/bin/env python3
"""Checks gold.json of this series against the rules of ANNOTATION.md and tools/README.md.
Prints OK when every check passes, otherwise the list of problems."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errs = []
def err(m): errs.append(m)

g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for k in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if k not in g: err(f"missing key {k}")
allowed = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
for k in g:
    if k not in allowed: err(f"unexpected key {k}")

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
texts, docs = {}, {}
order = []
for d in g["documents"]:
    f = d["file"]
    for k in ("file", "unit", "reported_months", "planned_period"):
        if k not in d: err(f"{f}: document lacks {k}")
    p = os.path.join(HERE, f)
    if not os.path.exists(p): err(f"{f}: missing"); continue
    raw = open(p, "rb").read()
    try: t = raw.decode("utf-8")
    except UnicodeDecodeError: err(f"{f}: not UTF-8"); continue
    if t.startswith("\ufeff"): err(f"{f}: BOM")
    if unicodedata.normalize("NFC", t) != t: err(f"{f}: not NFC")
    m = re.match(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$", f)
    if not m: err(f"{f}: bad name")
    elif m.group(1) != d["planned_period"]: err(f"{f}: name month != planned_period")
    for mo in d["reported_months"] + [d["planned_period"]]:
        if not MONTH.match(mo): err(f"{f}: bad month {mo}")
    if max(d["reported_months"]) >= d["planned_period"]: err(f"{f}: reports a month not before its plan")
    texts[f] = t; docs[f] = d; order.append(f)
order.sort(key=lambda f: docs[f]["planned_period"])
if len(order) != len(g["documents"]): err("duplicate documents")
# no month reported twice, reported months consecutive across the series
seen = []
for f in order: seen += docs[f]["reported_months"]
if len(seen) != len(set(seen)): err("a month is reported twice")

items = {}
for kind in ("tasks", "results"):
    for it in g[kind]:
        i = it["id"]
        if i in items: err(f"duplicate id {i}")
        items[i] = dict(it, kind=kind)
        f = it["file"]
        if f not in texts: err(f"{i}: unknown file {f}"); continue
        t = it["text"]
        if not t.strip(): err(f"{i}: empty text")
        if unicodedata.normalize("NFC", t) != t: err(f"{i}: text not NFC")
        c = texts[f].count(t)
        if c != 1: err(f"{i}: text occurs {c} times in {f}: {t[:60]}")
        d = docs[f]
        if kind == "tasks" and it["period"] != d["planned_period"]:
            err(f"{i}: period {it['period']} != planned {d['planned_period']}")
        if kind == "results" and it["period"] not in d["reported_months"]:
            err(f"{i}: period {it['period']} not reported by {f}")

# coverage: every bullet of section I (results) and III (tasks) is labelled, nothing else is
def bullets(t):
    sec, out = None, {"results": [], "tasks": []}
    for line in t.split("\n"):
        if re.match(r"^I\. ", line): sec = "results"; continue
        if re.match(r"^II\. ", line): sec = None; continue
        if re.match(r"^III\. ", line): sec = "tasks"; continue
        if line.startswith("Trên đây"): sec = None; continue
        if sec and line[:2] in ("- ", "+ "): out[sec].append(line)
    return out
for f in order:
    b = bullets(texts[f])
    for kind in ("results", "tasks"):
        lab = [it for it in g[kind] if it["file"] == f]
        if not (10 <= len(lab) <= 18): err(f"{f}: {len(lab)} {kind}, outside 10-18")
        if len(lab) != len(b[kind]): err(f"{f}: {len(b[kind])} {kind} bullets but {len(lab)} labelled")
        for line in b[kind]:
            if not any(it["text"] in line for it in lab): err(f"{f}: unlabelled {kind} bullet: {line[:60]}")
        for it in lab:
            if not any(it["text"] in line for line in b[kind]): err(f"{it['id']}: not inside a {kind} bullet")

def doc_index(i): return order.index(items[i]["file"])
def unit(i): return docs[items[i]["file"]]["unit"]
def first_reporting(period, after):
    for k in range(after + 1, len(order)):
        if period in docs[order[k]]["reported_months"]: return k
    return None

def words(s):
    s = unicodedata.normalize("NFD", s.lower())
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn").replace("đ", "d")
    return set(re.findall(r"\w+", s))

ft_tasks, co_from = set(), set()
pairs = set()
for l in g["follow_through"]:
    t, r, s = l["task"], l["result"], l["status"]
    if (t, r) in pairs: err(f"duplicate follow-through {t}->{r}")
    pairs.add((t, r))
    if items.get(t, {}).get("kind") != "tasks": err(f"follow-through: {t} is not a task"); continue
    if items.get(r, {}).get("kind") != "results": err(f"follow-through: {r} is not a result"); continue
    if s not in ("done", "partial"): err(f"{t}->{r}: status {s}")
    if unit(t) != unit(r): err(f"{t}->{r}: crosses units")
    k = first_reporting(items[t]["period"], doc_index(t))
    if k is None or doc_index(r) != k: err(f"{t}->{r}: result not in the first document reporting on {items[t]['period']}")
    if items[t]["text"] == items[r]["text"]: err(f"{t}->{r}: result copies the task")
    a, b = words(items[t]["text"]), words(items[r]["text"])
    if len(a & b) / max(1, min(len(a), len(b))) >= 0.6: err(f"{t}->{r}: result too close to task wording")
    ft_tasks.add(t)
cpairs = set()
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in g["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if (a, b) in cpairs: err(f"duplicate carry-over {a}->{b}")
    cpairs.add((a, b))
    if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
        err(f"carry-over {a}->{b}: not two tasks"); continue
    if k not in KINDS: err(f"{a}->{b}: kind {k}")
    if unit(a) != unit(b): err(f"{a}->{b}: crosses units")
    if items[b]["period"] <= items[a]["period"]: err(f"{a}->{b}: not planned for a later month")
    co_from.add(a)
splits = {}
for l in g["carry_over"]:
    if l["kind"] == "split": splits.setdefault(l["from"], []).append(l["to"])
for a, tos in splits.items():
    if len(tos) < 2: err(f"{a}: split with a single target")

last = {}
for f in order: last[docs[f]["unit"]] = f
gaps = g["gaps"]
if len(gaps) != len(set(gaps)): err("duplicate gaps")
for t in gaps:
    if items.get(t, {}).get("kind") != "tasks": err(f"gap {t}: not a task"); continue
    if items[t]["file"] == last[unit(t)]: err(f"gap {t}: task of the last document (right-censored)")
    if t in ft_tasks or t in co_from: err(f"gap {t}: has a follow-through or carry-over")
# completeness: every task that a later document reports on is linked or a gap
for i, it in items.items():
    if it["kind"] != "tasks": continue
    k = first_reporting(it["period"], doc_index(i))
    if it["file"] == last[unit(i)]:
        if i in ft_tasks or i in co_from: err(f"{i}: last-document task has outgoing links")
        continue
    if k is None: continue  # pending
    if i not in ft_tasks and i not in co_from and i not in gaps: err(f"{i}: neither linked nor gap")

for p in g.get("cross_unit_decoys", []):
    if len(p) != 2 or any(x not in items for x in p): err(f"decoy {p}: bad ids"); continue
    if unit(p[0]) == unit(p[1]): err(f"decoy {p}: same unit")

if errs:
    print("\n".join(errs)); print(f"{len(errs)} problem(s)"); sys.exit(1)
print(f"documents {len(order)}, tasks {sum(1 for x in items.values() if x['kind']=='tasks')}, "
      f"results {sum(1 for x in items.values() if x['kind']=='results')}, follow-through {len(g['follow_through'])}, "
      f"carry-over {len(g['carry_over'])}, gaps {len(gaps)}")
print("OK")
