#!/usr/bin/env python3
"""Checks gold.json of this series against its documents and the annotation rules.

Prints OK when every check passes, otherwise lists the problems and exits 1.
"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []

def err(msg):
    errors.append(msg)

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in gold:
        err(f"gold.json lacks '{key}'")
if errors:
    print("\n".join(errors)); sys.exit(1)

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
NAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")

# documents
docs, texts, order = {}, {}, {}
for i, d in enumerate(gold["documents"]):
    f = d.get("file")
    if f in docs:
        err(f"duplicate document {f}")
    docs[f] = d
    if not NAME.match(f or ""):
        err(f"bad file name {f}")
    for k in ("unit", "reported_months", "planned_period"):
        if k not in d:
            err(f"{f}: missing {k}")
    if not MONTH.match(d.get("planned_period", "")):
        err(f"{f}: bad planned_period")
    for m in d.get("reported_months", []):
        if not MONTH.match(m):
            err(f"{f}: bad reported month {m}")
    p = os.path.join(HERE, f)
    if not os.path.isfile(p):
        err(f"missing file {f}"); continue
    raw = open(p, "rb").read()
    try:
        s = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{f}: not UTF-8"); continue
    if unicodedata.normalize("NFC", s) != s:
        err(f"{f}: not NFC")
    if "⟦" in s or "⟧" in s:
        err(f"{f}: marker left in text")
    texts[f] = s

# unit-wise chronological order by planned period
def unit_docs(unit):
    return sorted([d for d in gold["documents"] if d["unit"] == unit], key=lambda d: d["planned_period"])
units = {d["unit"] for d in gold["documents"]}
for u in units:
    for k, d in enumerate(unit_docs(u)):
        order[d["file"]] = k
    ds = unit_docs(u)
    for a, b in zip(ds, ds[1:]):
        if a["planned_period"] >= b["planned_period"]:
            err(f"{u}: planned periods not increasing {a['file']} {b['file']}")

# items
items = {}
def check_items(kind):
    per_doc = {}
    for it in gold[kind]:
        iid, f, t = it.get("id"), it.get("file"), it.get("text", "")
        if iid in items:
            err(f"duplicate id {iid}")
        items[iid] = dict(it, kind=kind)
        if f not in texts:
            err(f"{iid}: unknown file {f}"); continue
        if not MONTH.match(it.get("period", "")):
            err(f"{iid}: bad period")
        if not t.strip() or t != t.strip():
            err(f"{iid}: empty or untrimmed text")
        if unicodedata.normalize("NFC", t) != t:
            err(f"{iid}: text not NFC")
        c = texts[f].count(t)
        if c != 1:
            err(f"{iid}: text occurs {c} times in {f}")
        per_doc[f] = per_doc.get(f, 0) + 1
        s = texts[f]
        pos = s.find(t)
        hdr = s.find("NHIỆM VỤ TRỌNG TÂM")
        if kind == "tasks":
            if it.get("period") != docs[f]["planned_period"]:
                err(f"{iid}: period {it.get('period')} != planned_period of {f}")
            if hdr < 0 or pos < hdr:
                err(f"{iid}: task text not inside the tasks section")
        else:
            lim = min([x for x in (s.find("HẠN CHẾ"), s.find("TỒN TẠI")) if x >= 0] or [len(s)])
            if pos > lim:
                err(f"{iid}: result text not inside the results section")
            if it.get("period") not in docs[f]["reported_months"]:
                err(f"{iid}: period not among reported months of {f}")
    for f in docs:
        n = per_doc.get(f, 0)
        if not 10 <= n <= 18:
            err(f"{f}: {n} {kind} (want 10-18)")
check_items("tasks")
check_items("results")

def doc_of(iid):
    return docs[items[iid]["file"]]

def first_reporting_doc(task):
    d0 = doc_of(task)
    later = [d for d in unit_docs(d0["unit"]) if order[d["file"]] > order[d0["file"]]]
    for d in later:
        if items[task]["period"] in d["reported_months"]:
            return d
    return None

# follow-through
answered = set()
seen = set()
for l in gold["follow_through"]:
    t, r, st = l.get("task"), l.get("result"), l.get("status")
    if (t, r) in seen:
        err(f"duplicate follow-through {t}->{r}")
    seen.add((t, r))
    if items.get(t, {}).get("kind") != "tasks" or items.get(r, {}).get("kind") != "results":
        err(f"follow-through {t}->{r}: bad ids"); continue
    if st not in ("done", "partial", "progress"):
        err(f"follow-through {t}->{r}: bad status {st}")
    dt, dr = doc_of(t), doc_of(r)
    if dt["unit"] != dr["unit"]:
        err(f"follow-through {t}->{r} crosses units")
    frd = first_reporting_doc(t)
    if frd is None or frd["file"] != dr["file"]:
        err(f"follow-through {t}->{r}: result not in the first later document reporting on {items[t]['period']}")
    if items[r]["period"] != items[t]["period"] and items[t]["period"] not in dr["reported_months"]:
        err(f"follow-through {t}->{r}: periods do not fit")
    if items[t]["text"] == items[r]["text"]:
        err(f"follow-through {t}->{r}: result copies the task")
    answered.add(t)

# carry-over
carried = set()
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
seen = set()
for l in gold["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if (a, b) in seen:
        err(f"duplicate carry-over {a}->{b}")
    seen.add((a, b))
    if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
        err(f"carry-over {a}->{b}: bad ids"); continue
    if k not in KINDS:
        err(f"carry-over {a}->{b}: bad kind {k}")
    da, db = doc_of(a), doc_of(b)
    if da["unit"] != db["unit"]:
        err(f"carry-over {a}->{b} crosses units")
    if not items[b]["period"] > items[a]["period"]:
        err(f"carry-over {a}->{b}: not planned for a later month")
    carried.add(a)
split_src = {}
for l in gold["carry_over"]:
    if l.get("kind") == "split":
        split_src.setdefault(l["from"], []).append(l["to"])
for a, tos in split_src.items():
    if len(tos) < 2:
        err(f"split from {a} has a single target")

# gaps
gaps = set(gold["gaps"])
if len(gaps) != len(gold["gaps"]):
    err("duplicate gap ids")
for g in gaps:
    if items.get(g, {}).get("kind") != "tasks":
        err(f"gap {g}: not a task"); continue
    if g in answered or g in carried:
        err(f"gap {g} has a follow-through or carry-over")
    if first_reporting_doc(g) is None:
        err(f"gap {g}: no later document reports on its month (right-censored / pending)")
for t in (i for i, v in items.items() if v["kind"] == "tasks"):
    if t not in answered and t not in carried and first_reporting_doc(t) is not None and t not in gaps:
        err(f"task {t} is silent but not listed in gaps")

# cross-unit decoys
for pair in gold.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in items for p in pair):
        err(f"bad decoy pair {pair}"); continue
    if doc_of(pair[0])["unit"] == doc_of(pair[1])["unit"]:
        err(f"decoy pair {pair} within one unit")
if len(units) > 1 and not gold.get("cross_unit_decoys"):
    err("two or more units but no cross_unit_decoys")

if errors:
    print("\n".join(errors)); sys.exit(1)
print("OK")
