#!/usr/bin/env python3
"""Verify gold.json of this series against its documents and the annotation rules.

Checks: JSON form; files exist, are UTF-8 and NFC; every item text is an exact, unique
substring of its NFC file; ids unique; task periods equal the planned period of their
document, result periods lie in its reported months; follow-through links go from a task
to a result of a LATER document of the SAME unit that reports on the task's month (the
first such document), status done|partial; carry-over links go to a later document of
the same unit, kinds allowed; gaps are exactly the tasks without any follow-through or
carry-over that have a later document of their unit, and never tasks of a unit's last
document; 10-18 tasks and 10-18 results per document; linked result/task pairs are not
copies (Jaccard overlap of accent-folded word sets < 0.5), nor are two items of one
file that alike; cross_unit_decoys pair items of two
different units; every result bullet and task item of the documents is labelled.
Prints OK when everything holds.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
errors = []


def err(msg):
    errors.append(msg)


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return set(re.findall(r"\w+", s))


def overlap(a, b):
    """Jaccard overlap of accent-folded word sets."""
    A, B = fold(a), fold(b)
    return len(A & B) / max(1, len(A | B))


g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in g:
        err("missing key " + key)

docs = {}
order = {}
texts = {}
for d in g["documents"]:
    f = d["file"]
    for k in ("file", "unit", "reported_months", "planned_period"):
        if k not in d:
            err(f"{f}: missing {k}")
    if not re.fullmatch(r"[a-z0-9-]+_\d{4}-\d{2}\.txt", f):
        err(f"{f}: bad file name")
    p = os.path.join(HERE, f)
    if not os.path.exists(p):
        err(f"{f}: missing file")
        continue
    raw = open(p, "rb").read()
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{f}: not UTF-8")
        continue
    if unicodedata.normalize("NFC", t) != t:
        err(f"{f}: not NFC")
    texts[f] = t
    docs[f] = d
    for m in d["reported_months"]:
        if not m < d["planned_period"]:
            err(f"{f}: reported month {m} not before planned {d['planned_period']}")

# chronological order per unit
by_unit = {}
for f, d in docs.items():
    by_unit.setdefault(d["unit"], []).append(f)
for u, fs in by_unit.items():
    fs.sort(key=lambda f: docs[f]["planned_period"])
    for i, f in enumerate(fs):
        order[f] = i

items = {}
for kind in ("tasks", "results"):
    for it in g[kind]:
        i = it["id"]
        if i in items:
            err(f"duplicate id {i}")
        items[i] = dict(it, kind=kind)
        f = it["file"]
        if f not in texts:
            err(f"{i}: unknown file {f}")
            continue
        tx = it["text"]
        if unicodedata.normalize("NFC", tx) != tx:
            err(f"{i}: text not NFC")
        n = texts[f].count(tx)
        if n != 1:
            err(f"{i}: text occurs {n} times in {f}: {tx[:60]!r}")
        if kind == "tasks" and it["period"] != docs[f]["planned_period"]:
            err(f"{i}: period {it['period']} != planned {docs[f]['planned_period']}")
        if kind == "results" and it["period"] not in docs[f]["reported_months"]:
            err(f"{i}: period {it['period']} not reported in {f}")

# completeness: every bullet of a results part is a labelled result, every a), b) ... item
# of the tasks part is a labelled task (limitation bullets are not labelled: no field for them)
for f, t in texts.items():
    part = None
    res_texts = {it["text"] for it in g["results"] if it["file"] == f}
    task_texts = {it["text"] for it in g["tasks"] if it["file"] == f}
    for line in t.split("\n"):
        if line.startswith("I. KẾT QUẢ"):
            part = "results"
        elif re.match(r"^\d+\. Hạn chế", line):
            part = "limitations"
        elif line.startswith("II. NHIỆM VỤ"):
            part = "tasks"
        elif line.startswith("Giao các đồng chí Ủy viên"):
            part = None
        elif part == "results" and line.startswith("- "):
            if line[2:] not in res_texts:
                err(f"{f}: unlabelled result line {line[:60]!r}")
        elif part == "tasks" and re.match(r"^[a-zđ]\) ", line):
            if line[3:] not in task_texts:
                err(f"{f}: unlabelled task line {line[:60]!r}")

# counts per document
for f in docs:
    nt = sum(1 for it in g["tasks"] if it["file"] == f)
    nr = sum(1 for it in g["results"] if it["file"] == f)
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks")
    if not 10 <= nr <= 18:
        err(f"{f}: {nr} results")

# items of one file must not be confusable with each other by the scorer's overlap rule
for f in docs:
    its = [it for it in list(g["tasks"]) + list(g["results"]) if it["file"] == f]
    for a in range(len(its)):
        for b in range(a + 1, len(its)):
            if overlap(its[a]["text"], its[b]["text"]) >= 0.5:
                err(f"confusable items {its[a]['id']} / {its[b]['id']}")


def unit(i):
    return docs[items[i]["file"]]["unit"]


linked = set()
for l in g["follow_through"]:
    t, r, s = l["task"], l["result"], l["status"]
    if t not in items or items[t]["kind"] != "tasks":
        err(f"ft: bad task {t}")
        continue
    if r not in items or items[r]["kind"] != "results":
        err(f"ft: bad result {r}")
        continue
    if s not in ("done", "partial"):
        err(f"ft {t}->{r}: status {s}")
    if unit(t) != unit(r):
        err(f"ft {t}->{r}: crosses units")
    ft_, fr = items[t]["file"], items[r]["file"]
    if order[fr] <= order[ft_]:
        err(f"ft {t}->{r}: result not later")
    m = items[t]["period"]
    first = next((f for f in by_unit[unit(t)] if order[f] > order[ft_] and m in docs[f]["reported_months"]), None)
    if first != fr:
        err(f"ft {t}->{r}: {fr} is not the first document reporting on {m}")
    if overlap(items[t]["text"], items[r]["text"]) >= 0.5:
        err(f"ft {t}->{r}: result copies task")
    linked.add(t)

for l in g["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks":
        err(f"co {a}->{b}: bad ids")
        continue
    if k not in KINDS:
        err(f"co {a}->{b}: kind {k}")
    if unit(a) != unit(b):
        err(f"co {a}->{b}: crosses units")
    if order[items[b]["file"]] <= order[items[a]["file"]]:
        err(f"co {a}->{b}: not later")
    linked.add(a)

splits = {}
for l in g["carry_over"]:
    if l["kind"] == "split":
        splits.setdefault(l["from"], []).append(l["to"])
for a, tos in splits.items():
    if len(tos) < 2:
        err(f"split {a} has only one target")

expected_gaps = set()
for t, it in items.items():
    if it["kind"] != "tasks":
        continue
    f = it["file"]
    later = [x for x in by_unit[docs[f]["unit"]] if order[x] > order[f]]
    if later and t not in linked:
        expected_gaps.add(t)
gaps = set(g["gaps"])
if len(gaps) != len(g["gaps"]):
    err("duplicate gap ids")
for t in gaps - expected_gaps:
    err(f"gap {t} is linked, unknown or right-censored")
for t in expected_gaps - gaps:
    err(f"task {t} has no link but is not listed as a gap")

for pair in g.get("cross_unit_decoys", []):
    a, b = pair
    if a not in items or b not in items:
        err(f"decoy {pair}: unknown ids")
    elif unit(a) == unit(b):
        err(f"decoy {pair}: same unit")

if errors:
    for e in errors:
        print("ERROR:", e)
    sys.exit(1)
print(f"documents {len(docs)}, tasks {len(g['tasks'])}, results {len(g['results'])}, "
      f"follow-through {len(g['follow_through'])}, carry-over {len(g['carry_over'])}, gaps {len(g['gaps'])}")
print("OK")
