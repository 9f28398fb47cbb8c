#!/usr/bin/env python3
"""Verifies gold.json against the documents of this folder. Prints OK or the list of problems."""
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
NAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")

# ---- documents and files
docs, texts, order = {}, {}, []
for d in g["documents"]:
    f = d["file"]
    if f in docs: err(f"duplicate document {f}")
    docs[f] = d
    for k in ("unit", "reported_months", "planned_period"):
        if k not in d: err(f"{f}: missing {k}")
    m = NAME.match(f)
    if not m: err(f"{f}: bad file name")
    elif m.group(1) != d["planned_period"]: err(f"{f}: name month != planned_period")
    for mo in d["reported_months"] + [d["planned_period"]]:
        if not MONTH.match(mo): err(f"{f}: bad month {mo}")
    if d["reported_months"] != sorted(d["reported_months"]): err(f"{f}: reported_months unsorted")
    if max(d["reported_months"]) >= d["planned_period"]: err(f"{f}: reports a month not before its plan")
    p = os.path.join(HERE, f)
    if not os.path.exists(p): err(f"{f}: file missing"); continue
    raw = open(p, "rb").read()
    try: t = raw.decode("utf-8")
    except UnicodeDecodeError: err(f"{f}: not UTF-8"); continue
    if t.startswith("\ufeff"): err(f"{f}: BOM")
    if unicodedata.normalize("NFC", t) != t: err(f"{f}: not NFC")
    texts[f] = t
txt_files = sorted(x for x in os.listdir(HERE) if x.endswith(".txt"))
if txt_files != sorted(docs): err(f"txt files {txt_files} != documents {sorted(docs)}")

units = {}
for f, d in docs.items(): units.setdefault(d["unit"], []).append(f)
pos = {}  # (unit, index in the unit's series by planned period)
for u, fs in units.items():
    fs.sort(key=lambda f: docs[f]["planned_period"])
    for i, f in enumerate(fs):
        pos[f] = (u, i)
        if i > 0:
            prev = docs[fs[i - 1]]
            # consecutive series: every month after the previous plan is reported
            exp = []
            y, mth = map(int, prev["planned_period"].split("-"))
            while True:
                exp.append(f"{y:04d}-{mth:02d}")
                mth += 1
                if mth == 13: y, mth = y + 1, 1
                if f"{y:04d}-{mth:02d}" > max(docs[f]["reported_months"]): break
            if docs[f]["reported_months"] != exp:
                err(f"{f}: reported_months {docs[f]['reported_months']} do not continue {prev['file']} ({exp})")

# ---- items
items = {}
def check_items(kind, lst):
    per_doc = {}
    for it in lst:
        i = it.get("id")
        for k in ("id", "file", "period", "text"):
            if k not in it: err(f"{kind} {i}: missing {k}")
        if i in items: err(f"duplicate id {i}")
        items[i] = (kind, it)
        f = it["file"]
        if f not in docs: err(f"{i}: unknown file {f}"); continue
        per_doc[f] = per_doc.get(f, 0) + 1
        t, s = texts.get(f, ""), it["text"]
        if not s.strip(): err(f"{i}: empty text")
        if unicodedata.normalize("NFC", s) != s: err(f"{i}: text not NFC")
        n = t.count(s)
        if n == 0: err(f"{i}: text not found in {f}")
        elif n > 1: err(f"{i}: text occurs {n} times in {f}")
        if s != s.strip(): err(f"{i}: leading/trailing whitespace")
        if kind == "task" and it["period"] != docs[f]["planned_period"]:
            err(f"{i}: task period {it['period']} != planned {docs[f]['planned_period']}")
        if kind == "result" and it["period"] not in docs[f]["reported_months"]:
            err(f"{i}: result period {it['period']} not in reported months of {f}")
    for f in docs:
        n = per_doc.get(f, 0)
        if not 10 <= n <= 18: err(f"{f}: {n} {kind}s (want 10-18)")
check_items("task", g["tasks"])
check_items("result", g["results"])

# items of one file must not overlap each other
for f, t in texts.items():
    spans = []
    for i, (kind, it) in items.items():
        if it["file"] == f:
            a = t.find(it["text"]); spans.append((a, a + len(it["text"]), i))
    spans.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(spans, spans[1:]):
        if a2 < b1: err(f"{f}: {i1} overlaps {i2}")

def task(i):
    if items.get(i, (None,))[0] != "task": err(f"{i}: not a task id"); return None
    return items[i][1]
def result(i):
    if items.get(i, (None,))[0] != "result": err(f"{i}: not a result id"); return None
    return items[i][1]

# ---- follow-through
linked = set(); seen = set()
for l in g["follow_through"]:
    t, r = task(l["task"]), result(l["result"])
    if (l["task"], l["result"]) in seen: err(f"duplicate follow-through {l}")
    seen.add((l["task"], l["result"]))
    if l.get("status") not in ("done", "partial"): err(f"{l}: status must be done|partial")
    if not t or not r: continue
    (ut, it_), (ur, ir) = pos[t["file"]], pos[r["file"]]
    if ut != ur: err(f"{l}: across units")
    if ir <= it_: err(f"{l}: result not in a later document")
    if t["period"] not in docs[r["file"]]["reported_months"]:
        err(f"{l}: result document does not report on {t['period']}")
    # the first later document that reports on the task's month
    first = next(f for f in units[ut] if t["period"] in docs[f]["reported_months"])
    if r["file"] != first: err(f"{l}: not in the first document reporting {t['period']}")
    linked.add(l["task"])

# ---- carry-over
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
seen = set()
for l in g["carry_over"]:
    a, b = task(l["from"]), task(l["to"])
    if (l["from"], l["to"]) in seen: err(f"duplicate carry-over {l}")
    seen.add((l["from"], l["to"]))
    if l.get("kind") not in KINDS: err(f"{l}: bad kind")
    if not a or not b: continue
    if pos[a["file"]][0] != pos[b["file"]][0]: err(f"{l}: across units")
    if b["period"] <= a["period"]: err(f"{l}: not planned for a later month")
    linked.add(l["from"])
splits = {}
for l in g["carry_over"]:
    if l["kind"] == "split": splits.setdefault(l["from"], []).append(l["to"])
for k, v in splits.items():
    if len(v) < 2: err(f"split from {k} has only one part")

# ---- gaps / right-censoring
gaps = g["gaps"]
if len(set(gaps)) != len(gaps): err("duplicate gaps")
last = {u: fs[-1] for u, fs in units.items()}
for i in gaps:
    t = task(i)
    if not t: continue
    if i in linked: err(f"gap {i} has a link")
    if t["file"] == last[pos[t["file"]][0]]: err(f"gap {i} is in the last document (right-censored)")
for i, (kind, it) in items.items():
    if kind != "task": continue
    u = pos[it["file"]][0]
    later_reports = any(it["period"] in docs[f]["reported_months"] for f in units[u])
    if it["file"] == last[u]:
        if i in linked: err(f"{i}: task of the last document has an outgoing link")
        continue
    if i not in linked and i not in gaps:
        if later_reports: err(f"{i}: neither linked nor a gap")
    if i in gaps and not later_reports: err(f"{i}: no later document reports its month (pending, not gap)")

# ---- cross-unit decoys
for pair in g.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in items for p in pair): err(f"bad decoy {pair}"); continue
    fa, fb = items[pair[0]][1]["file"], items[pair[1]][1]["file"]
    if pos[fa][0] == pos[fb][0]: err(f"decoy {pair} within one unit")
if len(units) > 1 and not g.get("cross_unit_decoys"): err("two units but no cross_unit_decoys")

if errs:
    print("\n".join(errs)); sys.exit(1)
nt, nr = len(g["tasks"]), len(g["results"])
print(f"documents {len(docs)}, tasks {nt}, results {nr}, follow_through {len(g['follow_through'])}, "
      f"carry_over {len(g['carry_over'])}, gaps {len(gaps)}")
print("OK")
