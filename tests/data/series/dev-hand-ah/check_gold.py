#!/usr/bin/env python3
"""Checks gold.json of this folder against its documents and the annotation rules.

Prints every problem found, or OK.
"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
problems = []


def bad(msg):
    problems.append(msg)


def month_key(m):
    y, mo = m.split("-")
    return int(y) * 12 + int(mo)


with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
    gold = json.load(f)

required = ["documents", "tasks", "results", "follow_through", "carry_over", "gaps",
            "cross_unit_decoys"]
for k in required:
    if k not in gold:
        bad(f"missing key {k}")
extra = set(gold) - set(required)
if extra:
    bad(f"unexpected keys {extra}")

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*_\d{4}-\d{2}\.txt$")

# ---- documents -------------------------------------------------------------
docs, texts = {}, {}
for d in gold["documents"]:
    fn = d.get("file")
    if fn in docs:
        bad(f"document listed twice: {fn}")
    docs[fn] = d
    if not FNAME.match(fn or ""):
        bad(f"bad file name {fn}")
    for k in ("unit", "reported_months", "planned_period"):
        if k not in d:
            bad(f"{fn}: missing {k}")
    for m in d["reported_months"] + [d["planned_period"]]:
        if not MONTH.match(m):
            bad(f"{fn}: bad month {m}")
    if max(month_key(m) for m in d["reported_months"]) >= month_key(d["planned_period"]):
        bad(f"{fn}: reported months not before planned period")
    path = os.path.join(HERE, fn)
    if not os.path.exists(path):
        bad(f"missing file {fn}")
        continue
    raw = open(path, "rb").read()
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        bad(f"{fn}: not UTF-8")
        continue
    if t.startswith("\ufeff"):
        bad(f"{fn}: has a BOM")
    if unicodedata.normalize("NFC", t) != t:
        bad(f"{fn}: not NFC")
    for must in ("Nơi nhận", "Số", "BÁO CÁO" if "BC-UBND" in t else "THÔNG BÁO"):
        if must not in t:
            bad(f"{fn}: lacks {must!r}")
    texts[fn] = t

txt_files = sorted(x for x in os.listdir(HERE) if x.endswith(".txt"))
if sorted(docs) != txt_files:
    bad(f"documents {sorted(docs)} differ from .txt files {txt_files}")

units = sorted({d["unit"] for d in docs.values()})
if len(units) != 2:
    bad(f"expected two units, found {units}")
by_unit = {u: sorted((d for d in docs.values() if d["unit"] == u),
                     key=lambda d: month_key(d["planned_period"])) for u in units}
for u, ds in by_unit.items():
    slugs = {d["file"].split("_")[0] for d in ds}
    if len(slugs) != 1:
        bad(f"unit {u} has several slugs {slugs}")
    if not 4 <= len(ds) <= 5:
        bad(f"unit {u} has {len(ds)} documents")
    for d in ds:
        if d["file"].split("_")[1][:7] != d["planned_period"]:
            bad(f"{d['file']}: name month is not the planned period")
    covered = [m for d in ds for m in d["reported_months"]]
    if len(covered) != len(set(covered)):
        bad(f"unit {u}: a month is reported twice")
irregular = [d["file"] for d in docs.values() if len(d["reported_months"]) > 1]
if not irregular:
    bad("no irregular period")

# ---- items -----------------------------------------------------------------
items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        iid = it.get("id")
        if iid in items:
            bad(f"duplicate id {iid}")
        items[iid] = (kind, it)
        fn = it.get("file")
        if fn not in docs:
            bad(f"{iid}: unknown file {fn}")
            continue
        txt = it.get("text", "")
        if not txt or txt != txt.strip():
            bad(f"{iid}: empty or untrimmed text")
        if unicodedata.normalize("NFC", txt) != txt:
            bad(f"{iid}: text not NFC")
        n = texts.get(fn, "").count(txt)
        if n != 1:
            bad(f"{iid}: text occurs {n} times in {fn}")
        d = docs[fn]
        if kind == "tasks" and it.get("period") != d["planned_period"]:
            bad(f"{iid}: period {it.get('period')} != planned {d['planned_period']}")
        if kind == "results" and it.get("period") not in d["reported_months"]:
            bad(f"{iid}: period {it.get('period')} not reported by {fn}")

tasks = {i: it for i, (k, it) in items.items() if k == "tasks"}
results = {i: it for i, (k, it) in items.items() if k == "results"}
unit_of = {i: docs[it["file"]]["unit"] for i, (k, it) in items.items() if it["file"] in docs}

for fn in docs:
    nt = sum(1 for t in tasks.values() if t["file"] == fn)
    nr = sum(1 for r in results.values() if r["file"] == fn)
    if not 10 <= nt <= 18:
        bad(f"{fn}: {nt} tasks")
    if not 10 <= nr <= 18:
        bad(f"{fn}: {nr} results")


# every item line of the result and task sections is labelled (and only those)
def section_items(t):
    res, tsk, sec = [], [], None
    for ln in t.split("\n"):
        if ln.startswith("I. KẾT QUẢ") and "(1)" in t:
            sec = "R"; continue
        if ln.startswith("1. Kết quả đạt được"):
            sec = "R"; continue
        if ln.startswith("* Hạn chế") or ln.startswith("2. Tồn tại"):
            sec = None; continue
        if ln.startswith("II. "):
            sec = "T"; continue
        if ln.startswith("Giao ") or ln.startswith("III."):
            sec = None; continue
        m = re.match(r"^(\(\d+\)|\d+\.|-) (.+)$", ln)
        if sec and m:
            (res if sec == "R" else tsk).append(m.group(2))
    return res, tsk


for fn, t in texts.items():
    res, tsk = section_items(t)
    lab_r = [r["text"] for r in results.values() if r["file"] == fn]
    lab_t = [x["text"] for x in tasks.values() if x["file"] == fn]
    for kind, lines, lab in (("result", res, lab_r), ("task", tsk, lab_t)):
        for ln in lines:
            hits = [x for x in lab if x in ln]
            if len(hits) != 1:
                bad(f"{fn}: {kind} line not labelled exactly once: {ln[:60]}")
        if len(lines) != len(lab):
            bad(f"{fn}: {len(lines)} {kind} lines but {len(lab)} labelled")

# ---- links -----------------------------------------------------------------
def doc_of(i):
    return docs[items[i][1]["file"]]


ft_by_task = Counter()
for l in gold["follow_through"]:
    t, r, s = l.get("task"), l.get("result"), l.get("status")
    if t not in tasks or r not in results:
        bad(f"follow-through {t}->{r}: unknown id")
        continue
    if s not in ("done", "partial"):
        bad(f"follow-through {t}->{r}: status {s}")
    if unit_of[t] != unit_of[r]:
        bad(f"follow-through {t}->{r} crosses units")
    tp = tasks[t]["period"]
    rd = doc_of(r)
    if tp not in rd["reported_months"]:
        bad(f"follow-through {t}->{r}: result document does not report on {tp}")
    # it must be the first document of the unit that reports on the task's month
    first = [d for d in by_unit[unit_of[t]] if tp in d["reported_months"]][0]
    if first["file"] != rd["file"]:
        bad(f"follow-through {t}->{r}: not the first document reporting {tp}")
    ft_by_task[t] += 1
pairs = [(l["task"], l["result"]) for l in gold["follow_through"]]
if len(pairs) != len(set(pairs)):
    bad("duplicate follow-through link")

KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
co_from = Counter()
for l in gold["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if a not in tasks or b not in tasks:
        bad(f"carry-over {a}->{b}: unknown id")
        continue
    if k not in KINDS:
        bad(f"carry-over {a}->{b}: kind {k}")
    if unit_of[a] != unit_of[b]:
        bad(f"carry-over {a}->{b} crosses units")
    if month_key(tasks[b]["period"]) <= month_key(tasks[a]["period"]):
        bad(f"carry-over {a}->{b}: not to a later month")
    co_from[a] += 1
cps = [(l["from"], l["to"]) for l in gold["carry_over"]]
if len(cps) != len(set(cps)):
    bad("duplicate carry-over link")
splits = Counter(l["from"] for l in gold["carry_over"] if l["kind"] == "split")
for a, n in splits.items():
    if n < 2:
        bad(f"split from {a} has only one part")


def reported_later(t):
    p = tasks[t]["period"]
    return any(p in d["reported_months"] for d in by_unit[unit_of[t]])


gaps = gold["gaps"]
if len(gaps) != len(set(gaps)):
    bad("duplicate gap")
for g in gaps:
    if g not in tasks:
        bad(f"gap {g}: unknown task")
        continue
    if not reported_later(g):
        bad(f"gap {g}: right-censored (pending), cannot be a gap")
    if ft_by_task[g] or co_from[g]:
        bad(f"gap {g} has a link")
for t in tasks:
    if reported_later(t) and not ft_by_task[t] and not co_from[t] and t not in gaps:
        bad(f"task {t} has no link and is not listed as a gap")
last_files = {ds[-1]["file"] for ds in by_unit.values()}
for t, it in tasks.items():
    if it["file"] in last_files and (t in gaps or co_from[t]):
        bad(f"task {t} of a last document is a gap or carried over")

# ---- decoys ----------------------------------------------------------------
linked = set(pairs) | set(cps)
seen = set()
for p in gold["cross_unit_decoys"]:
    if len(p) != 2 or p[0] not in items or p[1] not in items:
        bad(f"decoy {p}: bad ids")
        continue
    if unit_of[p[0]] == unit_of[p[1]]:
        bad(f"decoy {p}: same unit")
    if (p[0], p[1]) in linked or (p[1], p[0]) in linked:
        bad(f"decoy {p} is linked")
    key = frozenset(p)
    if key in seen:
        bad(f"decoy {p} listed twice")
    seen.add(key)
if not gold["cross_unit_decoys"]:
    bad("no cross-unit decoys")

# ---- report ----------------------------------------------------------------
if problems:
    for p in problems:
        print("PROBLEM:", p)
    sys.exit(1)
st = Counter(l["status"] for l in gold["follow_through"])
kd = Counter(l["kind"] for l in gold["carry_over"])
print(f"{len(docs)} documents, {len(tasks)} tasks, {len(results)} results, "
      f"{len(gold['follow_through'])} follow-through {dict(st)}, "
      f"{len(gold['carry_over'])} carry-over {dict(kd)}, {len(gaps)} gaps, "
      f"{len(gold['cross_unit_decoys'])} decoys")
print("OK")
