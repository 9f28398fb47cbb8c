#!/usr/bin/env python3
"""Consistency checks for this series' gold.json (hand N, phường Kim Lũy).

  python3 check_gold.py [SERIES_DIR]     # default: the folder of this script

Checks: every text is an exact substring (after NFC) of its file and occurs there once;
ids are unique; every file, id and link target exists; periods agree with the documents
(task period = the document's planned_period, result period in its reported_months);
follow-through obeys the answering-document rule (a result in a later document
than the first one reporting on the task's month only for a task that document passes over in
silence, and only on a later month); carry-over goes forward in time;
every uncensored task has a follow-through link, a carry-over link or is a gap, and no
gap is linked or censored. Prints the counts, then OK (exit 0) or the problems (exit 1).
"""
import json, os, re, sys, unicodedata
from collections import Counter, defaultdict

D = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
G = json.load(open(os.path.join(D, "gold.json"), encoding="utf-8"))
nfc = lambda s: unicodedata.normalize("NFC", s)
errs = []
err = errs.append

STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
MONTH = re.compile(r"^\d{4}-\d{2}$")

# ---- documents
docs = {}
for d in G["documents"]:
    f = d["file"]
    if f in docs:
        err(f"document listed twice: {f}")
    docs[f] = d
    if not os.path.isfile(os.path.join(D, f)):
        err(f"missing file: {f}")
    m = re.search(r"_(\d{4}-\d{2})\.txt$", f)
    if not m:
        err(f"file name not <slug>_YYYY-MM.txt: {f}")
    for k in ("unit", "reported_months", "planned_period"):
        if k not in d:
            err(f"{f}: no {k}")
    for mo in d.get("reported_months", []) + [d.get("planned_period", "")]:
        if not MONTH.match(mo):
            err(f"{f}: bad month {mo!r}")
    if d.get("planned_period", "") <= max(d.get("reported_months", [""])):
        err(f"{f}: planned period not after reported months")
text = {f: nfc(open(os.path.join(D, f), encoding="utf-8").read()) for f in docs if os.path.isfile(os.path.join(D, f))}

def issued(f):  # issue month from the file name; documents of a unit are ordered by it
    return re.search(r"_(\d{4}-\d{2})\.txt$", f).group(1)

by_unit = defaultdict(list)
for f, d in docs.items():
    by_unit[d["unit"]].append(f)
for u in by_unit:
    by_unit[u].sort(key=issued)
    if len({issued(f) for f in by_unit[u]}) != len(by_unit[u]):
        err(f"{u}: two documents issued in the same month")
pos = {f: i for u in by_unit for i, f in enumerate(by_unit[u])}

# ---- items
items, ids = {}, Counter()
for kind in ("tasks", "results"):
    for it in G[kind]:
        ids[it["id"]] += 1
        it["_kind"] = kind
        items[it["id"]] = it
        f = it["file"]
        if f not in docs:
            err(f"{it['id']}: unknown file {f}")
            continue
        t = nfc(it["text"])
        n = text.get(f, "").count(t)
        if n == 0:
            err(f"{it['id']}: text not found in {f}: {t[:60]!r}")
        elif n > 1:
            err(f"{it['id']}: text occurs {n} times in {f}")
        if not t.strip() or t[:2] in ("- ", "+ "):
            err(f"{it['id']}: empty text or leading bullet marker kept")
        d = docs[f]
        if kind == "tasks" and it["period"] != d["planned_period"]:
            err(f"{it['id']}: period {it['period']} != planned period {d['planned_period']} of {f}")
        if kind == "results" and it["period"] not in d["reported_months"]:
            err(f"{it['id']}: period {it['period']} not among reported months of {f}")
for i, n in ids.items():
    if n > 1:
        err(f"id used {n} times: {i}")
tasks = {i: it for i, it in items.items() if it["_kind"] == "tasks"}
results = {i: it for i, it in items.items() if it["_kind"] == "results"}
unit = lambda it: docs[it["file"]]["unit"]

def first_answering(task):
    """First later document of the task's unit that reports on the task's month (None: censored)."""
    for f in by_unit[unit(task)][pos[task["file"]] + 1:]:
        if task["period"] in docs[f]["reported_months"]:
            return f
    return None

# ---- follow-through
ft_by_task = defaultdict(list)
seen = set()
late = []
for l in G["follow_through"]:
    a, b, s = l["task"], l["result"], l["status"]
    if (a, b) in seen:
        err(f"follow-through listed twice: {a} -> {b}")
    seen.add((a, b))
    if a not in tasks:
        err(f"follow-through from unknown task {a}")
        continue
    if b not in results:
        err(f"follow-through to unknown result {b}")
        continue
    if s not in STATUSES:
        err(f"{a} -> {b}: status {s!r}")
    t, r = tasks[a], results[b]
    ft_by_task[a].append(b)
    if unit(t) != unit(r):
        err(f"{a} -> {b}: across units")
        continue
    if pos[r["file"]] <= pos[t["file"]]:
        err(f"{a} -> {b}: result not in a later document")
    if r["period"] < t["period"]:
        err(f"{a} -> {b}: result reports on {r['period']}, before the task's month {t['period']}")
    fa = first_answering(t)
    if fa is None:
        err(f"{a} -> {b}: task is censored (no later document reports on {t['period']})")
    elif r["file"] != fa:
        # answering-document rule: a result on the task's own month must sit in the first
        # document reporting on that month; a later document may only carry a result on a
        # later month (the task slipped and is reported done/partial late).
        if r["period"] == t["period"] or pos[r["file"]] < pos[fa]:
            err(f"{a} -> {b}: should be answered in {fa}, not {r['file']}")
        else:
            late.append((a, b))
# a late answer is only accepted for a task its first answering document passes over in silence
for a, b in late:
    fa = first_answering(tasks[a])
    if any(results[x]["file"] == fa for x in ft_by_task[a]):
        err(f"{a} -> {b}: task already answered in {fa}; a later progress belongs to a carry-over")

# ---- carry-over
co_from = defaultdict(list)
seen = set()
for l in G["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if (a, b) in seen:
        err(f"carry-over listed twice: {a} -> {b}")
    seen.add((a, b))
    if a not in tasks or b not in tasks:
        err(f"carry-over with unknown task: {a} -> {b}")
        continue
    if k not in KINDS:
        err(f"{a} -> {b}: kind {k!r}")
    ta, tb = tasks[a], tasks[b]
    if unit(ta) != unit(tb):
        err(f"{a} -> {b}: carry-over across units")
        continue
    if pos[tb["file"]] <= pos[ta["file"]] or tb["period"] <= ta["period"]:
        err(f"{a} -> {b}: carry-over not forward in time")
    co_from[a].append(b)

# ---- gaps and coverage
gaps = G.get("gaps", [])
for g, n in Counter(gaps).items():
    if n > 1:
        err(f"gap listed twice: {g}")
for g in gaps:
    if g not in tasks:
        err(f"gap is not a task: {g}")
        continue
    if first_answering(tasks[g]) is None:
        err(f"gap {g} is censored (right-censored tasks are never gaps)")
    if ft_by_task.get(g) or co_from.get(g):
        err(f"gap {g} has a follow-through or carry-over link")
censored = []
for i, t in tasks.items():
    if first_answering(t) is None:
        censored.append(i)
        continue
    if not ft_by_task.get(i) and not co_from.get(i) and i not in gaps:
        err(f"uncensored task {i} neither linked nor a gap")

# ---- report
st = Counter(l["status"] for l in G["follow_through"])
kd = Counter(l["kind"] for l in G["carry_over"])
print(f"documents {len(docs)}  tasks {len(tasks)} (censored {len(censored)})  results {len(results)}")
print(f"follow-through {len(G['follow_through'])}: " + ", ".join(f"{k} {v}" for k, v in sorted(st.items())))
print(f"carry-over {len(G['carry_over'])}: " + ", ".join(f"{k} {v}" for k, v in sorted(kd.items())))
print(f"gaps {len(gaps)}: {', '.join(gaps)}")
print(f"late results (answered after the first answering document): {', '.join(f'{a}->{b}' for a, b in late) or '-'}")
per_doc = Counter((it["_kind"], it["file"]) for it in items.values())
for f in sorted(docs, key=issued):
    print(f"  {f}: tasks {per_doc[('tasks', f)]}, results {per_doc[('results', f)]}")
if errs:
    print("\n".join(errs))
    print(f"FAILED: {len(errs)} problem(s)")
    sys.exit(1)
print("OK")
