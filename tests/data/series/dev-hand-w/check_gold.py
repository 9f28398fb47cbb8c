#!/usr/bin/env python3
"""Check gold.json of this series: exact unique NFC substrings, ids, periods,
forward links, gaps without links, coverage of every non-censored task."""
import json, sys, unicodedata, pathlib

D = pathlib.Path(__file__).resolve().parent
errors, warns = [], []
gold = json.loads((D / "gold.json").read_text("utf-8"))
docs = gold["documents"]
order = {d["file"]: i for i, d in enumerate(docs)}
texts = {}
for d in docs:
    raw = (D / d["file"]).read_bytes().decode("utf-8")
    if unicodedata.normalize("NFC", raw) != raw:
        errors.append(f"{d['file']}: not NFC")
    texts[d["file"]] = raw
    for k in ("file", "unit", "reported_months", "planned_period"):
        if k not in d:
            errors.append(f"{d['file']}: missing {k}")
units = {d["unit"] for d in docs}
if len(units) != 1:
    errors.append(f"more than one unit: {units}")
# documents in chronological order of planned period
pp = [d["planned_period"] for d in docs]
if pp != sorted(pp):
    errors.append("documents not in planned-period order")

items, ids = {}, set()
for kind in ("tasks", "results"):
    for it in gold[kind]:
        iid = it["id"]
        if iid in ids:
            errors.append(f"duplicate id {iid}")
        ids.add(iid)
        items[iid] = (kind, it)
        f, t = it["file"], it["text"]
        if f not in texts:
            errors.append(f"{iid}: unknown file {f}"); continue
        if unicodedata.normalize("NFC", t) != t:
            errors.append(f"{iid}: text not NFC")
        n = texts[f].count(t)
        if n != 1:
            errors.append(f"{iid}: text occurs {n} times in {f}")
        if t != t.strip() or t.endswith("."):
            errors.append(f"{iid}: text has outer space or final full stop")
        doc = docs[order[f]]
        if kind == "tasks" and it["period"] != doc["planned_period"]:
            errors.append(f"{iid}: period {it['period']} != planned {doc['planned_period']}")
        if kind == "results" and it["period"] not in doc["reported_months"]:
            errors.append(f"{iid}: period {it['period']} not in reported {doc['reported_months']}")
# no item contained in another item of the same file (containment mapping)
byfile = {}
for iid, (k, it) in items.items():
    byfile.setdefault(it["file"], []).append((iid, it["text"]))
for f, lst in byfile.items():
    for a, ta in lst:
        for b, tb in lst:
            if a != b and ta in tb:
                warns.append(f"{a} text contained in {b}")


def kind_of(i):
    return items[i][0] if i in items else None


def docidx(i):
    return order[items[i][1]["file"]]


seen = set()
ft_tasks, co_from = set(), set()
for l in gold["follow_through"]:
    t, r, s = l["task"], l["result"], l["status"]
    if (t, r) in seen:
        errors.append(f"duplicate ft {t}->{r}")
    seen.add((t, r))
    if kind_of(t) != "tasks" or kind_of(r) != "results":
        errors.append(f"ft {t}->{r}: bad ids"); continue
    if s not in ("done", "partial", "progress"):
        errors.append(f"ft {t}->{r}: bad status {s}")
    if docidx(r) <= docidx(t):
        errors.append(f"ft {t}->{r}: not forward")
    if items[r][1]["period"] < items[t][1]["period"]:
        errors.append(f"ft {t}->{r}: result period before task period")
    ft_tasks.add(t)
seen = set()
for l in gold["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if (a, b) in seen:
        errors.append(f"duplicate co {a}->{b}")
    seen.add((a, b))
    if kind_of(a) != "tasks" or kind_of(b) != "tasks":
        errors.append(f"co {a}->{b}: bad ids"); continue
    if k not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
        errors.append(f"co {a}->{b}: bad kind {k}")
    if docidx(b) <= docidx(a):
        errors.append(f"co {a}->{b}: not forward")
    co_from.add(a)
last = len(docs) - 1
gaps = set(gold["gaps"])
for g in gaps:
    if kind_of(g) != "tasks":
        errors.append(f"gap {g}: not a task")
    elif docidx(g) == last:
        errors.append(f"gap {g}: right-censored task cannot be a gap")
    if g in ft_tasks or g in co_from:
        errors.append(f"gap {g}: has links")
    if any(l["to"] == g for l in gold["carry_over"]):
        warns.append(f"gap {g}: is the target of a carry-over")
for iid, (k, it) in items.items():
    if k != "tasks":
        continue
    if docidx(iid) == last:
        if iid in ft_tasks or iid in co_from:
            errors.append(f"{iid}: censored task has outgoing links")
        continue
    if iid not in ft_tasks and iid not in co_from and iid not in gaps:
        errors.append(f"{iid}: no follow-through, carry-over or gap")
if gold.get("cross_unit_decoys", []) != []:
    warns.append("cross_unit_decoys not empty")

for w in warns:
    print("WARN", w)
for e in errors:
    print("ERROR", e)
nt = sum(1 for v in items.values() if v[0] == "tasks")
print(f"{len(docs)} documents, {nt} tasks, {len(items) - nt} results, "
      f"{len(gold['follow_through'])} follow-through, {len(gold['carry_over'])} carry-over, {len(gaps)} gaps")
for d in docs:
    f = d["file"]
    print(f"  {f}: {sum(1 for v in items.values() if v[0]=='tasks' and v[1]['file']==f)} tasks, "
          f"{sum(1 for v in items.values() if v[0]=='results' and v[1]['file']==f)} results, "
          f"{len(texts[f].split())} words")
print("OK" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)
