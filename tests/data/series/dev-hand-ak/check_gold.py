#!/usr/bin/env python3
"""Verifies gold.json against the documents of this folder. Prints OK when every check passes."""
import json, os, re, sys, unicodedata, itertools

HERE = os.path.dirname(os.path.abspath(__file__))
errors, notes = [], []
def err(m): errors.append(m)

def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return set(re.findall(r"\w+", s))
def overlap(a, b):
    A, B = fold(a), fold(b)
    return len(A & B) / max(1, min(len(A), len(B)))

g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in g: err(f"missing key {key}")

# documents and files
NAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
txts = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
docs = {d["file"]: d for d in g["documents"]}
if sorted(docs) != txts: err(f"documents {sorted(docs)} != files {txts}")
texts = {}
for f in txts:
    raw = open(os.path.join(HERE, f), encoding="utf-8").read()
    if unicodedata.normalize("NFC", raw) != raw: err(f"{f} is not NFC")
    texts[f] = unicodedata.normalize("NFC", raw)
    m = NAME.match(f)
    if not m: err(f"bad file name {f}")
    elif f in docs and docs[f]["planned_period"] != m.group(1):
        err(f"{f}: planned_period {docs[f]['planned_period']} != name month")
for f, d in docs.items():
    for k in ("unit", "reported_months", "planned_period"):
        if k not in d: err(f"{f}: document lacks {k}")
    if any(not re.fullmatch(r"\d{4}-\d{2}", p) for p in d["reported_months"] + [d["planned_period"]]):
        err(f"{f}: bad month format")
    if max(d["reported_months"]) >= d["planned_period"]: err(f"{f}: reports on its planned month or later")

# order of documents within each unit
units = {}
for d in sorted(g["documents"], key=lambda d: d["planned_period"]):
    units.setdefault(d["unit"], []).append(d["file"])
order = {f: i for u in units.values() for i, f in enumerate(u)}
unit_of = {f: docs[f]["unit"] for f in docs}
last_of_unit = {u: fs[-1] for u, fs in units.items()}

# items
items = {}
for kind in ("tasks", "results"):
    for it in g[kind]:
        i = it["id"]
        if i in items: err(f"duplicate id {i}")
        items[i] = dict(it, kind=kind)
        f, t = it["file"], it["text"]
        if f not in texts: err(f"{i}: unknown file {f}"); continue
        if not t.strip(): err(f"{i}: empty text"); continue
        if unicodedata.normalize("NFC", t) != t: err(f"{i}: text not NFC")
        c = texts[f].count(t)
        if c != 1: err(f"{i}: text occurs {c} times in {f}")
        d = docs[f]
        if kind == "tasks" and it["period"] != d["planned_period"]:
            err(f"{i}: period {it['period']} != planned_period of {f}")
        if kind == "results" and it["period"] not in d["reported_months"]:
            err(f"{i}: period {it['period']} not among reported months of {f}")

for f in txts:
    nt = sum(1 for it in g["tasks"] if it["file"] == f)
    nr = sum(1 for it in g["results"] if it["file"] == f)
    if not (10 <= nt <= 18): err(f"{f}: {nt} tasks (want 10-18)")
    if not (10 <= nr <= 18): err(f"{f}: {nr} results (want 10-18)")
    same = [it for it in items.values() if it["file"] == f]
    same_kind = lambda a, b: a["kind"] == b["kind"]
    for a, b in itertools.combinations(same, 2):
        if a["text"] in b["text"] or b["text"] in a["text"]:
            err(f"{a['id']} and {b['id']}: one text contains the other")
        if same_kind(a, b) and overlap(a["text"], b["text"]) >= 0.6:
            err(f"{a['id']} and {b['id']}: two items of one kind overlap >= 0.6 inside one file")

# follow-through
ft_tasks = set()
for l in g["follow_through"]:
    t, r = items.get(l["task"]), items.get(l["result"])
    if not t or t["kind"] != "tasks": err(f"FT: {l['task']} is not a task"); continue
    if not r or r["kind"] != "results": err(f"FT: {l['result']} is not a result"); continue
    if l["status"] not in ("done", "partial"): err(f"FT {l}: bad status")
    if unit_of[t["file"]] != unit_of[r["file"]]: err(f"FT {l}: across units")
    if order[r["file"]] <= order[t["file"]]: err(f"FT {l}: result not in a later document")
    if r["period"] < t["period"]: err(f"FT {l}: result reports on a month before the task's")
    # the result must sit in the first later document of the unit that reports on the task's month
    first = next((f for f in units[unit_of[t["file"]]] if order[f] > order[t["file"]]
                  and t["period"] in docs[f]["reported_months"]), None)
    if r["file"] != first: err(f"FT {l}: result not in the first document reporting on {t['period']}")
    A, B = fold(t["text"]), fold(r["text"])
    jac = len(A & B) / len(A | B)
    if jac >= 0.5 or t["text"] in r["text"] or r["text"] in t["text"]:
        err(f"FT {l}: result copies the task (Jaccard {jac:.2f})")
    ft_tasks.add(l["task"])
if len({(l["task"], l["result"]) for l in g["follow_through"]}) != len(g["follow_through"]):
    err("duplicate follow-through link")

# carry-over
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
co_tasks = set()
for l in g["carry_over"]:
    a, b = items.get(l["from"]), items.get(l["to"])
    if not a or a["kind"] != "tasks" or not b or b["kind"] != "tasks": err(f"CO {l}: not two tasks"); continue
    if l["kind"] not in KINDS: err(f"CO {l}: bad kind")
    if unit_of[a["file"]] != unit_of[b["file"]]: err(f"CO {l}: across units")
    if order[b["file"]] <= order[a["file"]] or b["period"] <= a["period"]: err(f"CO {l}: not later")
    co_tasks.add(l["from"])
if len({(l["from"], l["to"]) for l in g["carry_over"]}) != len(g["carry_over"]):
    err("duplicate carry-over link")
splits = {}
for l in g["carry_over"]:
    if l["kind"] == "split": splits.setdefault(l["from"], []).append(l["to"])
for k, v in splits.items():
    if len(v) < 2: err(f"split {k} has a single target")

# gaps: exactly the unlinked tasks of non-last documents; never in a last document
expected = set()
for it in g["tasks"]:
    f = it["file"]
    later_reports = any(order[x] > order[f] and it["period"] in docs[x]["reported_months"]
                        for x in units[unit_of[f]])
    if f != last_of_unit[unit_of[f]] and it["id"] not in ft_tasks and it["id"] not in co_tasks and later_reports:
        expected.add(it["id"])
gaps = set(g["gaps"])
if len(gaps) != len(g["gaps"]): err("duplicate gap")
for x in gaps - expected: err(f"gap {x} is linked, unknown, or right-censored")
for x in expected - gaps: err(f"task {x} has no link and is not listed as a gap")
for x in gaps:
    if x in items and items[x]["file"] == last_of_unit[unit_of[items[x]["file"]]]:
        err(f"gap {x} is in the last document")

# cross-unit decoys
for pair in g.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in items for p in pair): err(f"decoy {pair}: unknown ids"); continue
    if unit_of[items[pair[0]]["file"]] == unit_of[items[pair[1]]["file"]]: err(f"decoy {pair}: same unit")
if len(units) > 1 and not g.get("cross_unit_decoys"): err("two units but no cross_unit_decoys")

if errors:
    print("\n".join(errors)); print(f"FAILED ({len(errors)} problems)"); sys.exit(1)
print(f"{len(docs)} documents, {len(g['tasks'])} tasks, {len(g['results'])} results, "
      f"{len(g['follow_through'])} follow-through, {len(g['carry_over'])} carry-over, {len(g['gaps'])} gaps")
print("OK")
