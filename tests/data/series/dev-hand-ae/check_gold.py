#!/usr/bin/env python3
"""Verify gold.json of this series against its documents and ANNOTATION.md rules. Prints OK when all holds."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
def err(msg): errors.append(msg)

G = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in G: err(f"missing key {key}")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

# documents
docs, text = {}, {}
for d in G["documents"]:
    f = d["file"]
    if f in docs: err(f"duplicate document {f}")
    docs[f] = d
    m = re.match(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$", f)
    if not m: err(f"bad file name {f}")
    elif m.group(2) != d["planned_period"]: err(f"{f}: name month != planned_period")
    p = os.path.join(HERE, f)
    if not os.path.exists(p): err(f"missing file {f}"); continue
    raw = open(p, "rb").read()
    try: s = raw.decode("utf-8")
    except UnicodeDecodeError: err(f"{f}: not UTF-8"); continue
    if unicodedata.normalize("NFC", s) != s: err(f"{f}: not NFC")
    text[f] = s
    for k in ("unit", "reported_months", "planned_period"):
        if k not in d: err(f"{f}: missing {k}")
    if not MONTH.match(d["planned_period"]): err(f"{f}: bad planned_period")
    for rm in d["reported_months"]:
        if not MONTH.match(rm) or rm >= d["planned_period"]: err(f"{f}: bad reported month {rm}")
txt_files = sorted(x for x in os.listdir(HERE) if x.endswith(".txt"))
if sorted(docs) != txt_files: err(f"documents list != .txt files in folder: {txt_files}")

units = {}
for f, d in docs.items(): units.setdefault(d["unit"], []).append(f)
for u in units: units[u].sort(key=lambda f: docs[f]["planned_period"])
def order(f): return units[docs[f]["unit"]].index(f)
def is_last(f): return units[docs[f]["unit"]][-1] == f

# section boundaries: results before the tasks heading, tasks after it
def task_start(s):
    for pat in ("\nIII. PHƯƠNG HƯỚNG", "\nPHẦN II\n"):
        i = s.find(pat)
        if i >= 0: return i
    return None

def section_items(s):
    """Independent extraction of every bullet of the results and tasks sections."""
    res, tasks, mode = [], [], None
    for l in s.split("\n"):
        if l.startswith("I. KẾT QUẢ") or l.startswith("KẾT QUẢ THỰC HIỆN"): mode = "R"
        elif l.startswith("II. HẠN CHẾ") or l.startswith("* Tồn tại"): mode = None
        elif l.startswith("III. PHƯƠNG HƯỚNG") or l.startswith("PHƯƠNG HƯỚNG, NHIỆM VỤ"): mode = "T"
        elif l.startswith("IV. TỔ CHỨC") or l.startswith("PHẦN III"): mode = None
        elif mode == "R" and l[:2] in ("- ", "+ "): res.append(l[2:])
        elif mode == "T":
            m = re.match(r"^(- |\(\d+\) )(.*)$", l)
            if m: tasks.append(m.group(2))
    return res, tasks

# items
items = {}
for kind in ("tasks", "results"):
    for it in G[kind]:
        i = it["id"]
        if i in items: err(f"duplicate id {i}")
        items[i] = dict(it, kind=kind)
        f = it["file"]
        if f not in docs: err(f"{i}: unknown file {f}"); continue
        s = text.get(f, "")
        t = it["text"]
        if unicodedata.normalize("NFC", t) != t: err(f"{i}: text not NFC")
        c = s.count(t)
        if c != 1: err(f"{i}: text occurs {c} times in {f}: {t[:60]!r}")
        pos, ts = s.find(t), task_start(s)
        if ts is None: err(f"{f}: no task section heading")
        elif kind == "tasks":
            if it["period"] != docs[f]["planned_period"]: err(f"{i}: period != planned_period")
            if pos < ts: err(f"{i}: task text not in tasks section")
        else:
            if it["period"] not in docs[f]["reported_months"]: err(f"{i}: period not among reported months")
            if pos > ts: err(f"{i}: result text not in results section")

# completeness and counts per document
for f in docs:
    res, tasks = section_items(text.get(f, ""))
    lt = {it["text"] for it in G["tasks"] if it["file"] == f}
    lr = {it["text"] for it in G["results"] if it["file"] == f}
    for x in tasks:
        if not any(t in x for t in lt): err(f"{f}: unlabelled task bullet {x[:60]!r}")
    for x in res:
        if not any(t in x for t in lr): err(f"{f}: unlabelled result bullet {x[:60]!r}")
    if not 10 <= len(lt) <= 18: err(f"{f}: {len(lt)} tasks (need 10-18)")
    if not 10 <= len(lr) <= 18: err(f"{f}: {len(lr)} results (need 10-18)")

def unit_of(i): return docs[items[i]["file"]]["unit"]

# follow-through
ft_tasks = set()
for l in G["follow_through"]:
    t, r, st = l["task"], l["result"], l["status"]
    if t not in items or items[t]["kind"] != "tasks": err(f"ft: bad task {t}"); continue
    if r not in items or items[r]["kind"] != "results": err(f"ft: bad result {r}"); continue
    if st not in ("done", "partial"): err(f"ft {t}->{r}: bad status {st}")
    if unit_of(t) != unit_of(r): err(f"ft {t}->{r}: crosses units")
    ft_, fr = items[t]["file"], items[r]["file"]
    if order(fr) <= order(ft_): err(f"ft {t}->{r}: result not in a later document")
    if items[r]["period"] != items[t]["period"]: err(f"ft {t}->{r}: result period != task period")
    first = next((g for g in units[unit_of(t)] if order(g) > order(ft_) and items[t]["period"] in docs[g]["reported_months"]), None)
    if first != fr: err(f"ft {t}->{r}: not in the first later document reporting on {items[t]['period']}")
    ft_tasks.add(t)
pairs = [(l["task"], l["result"]) for l in G["follow_through"]]
if len(pairs) != len(set(pairs)): err("duplicate follow-through link")

# carry-over
co_tasks = set()
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in G["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks":
        err(f"co {a}->{b}: bad ids"); continue
    if k not in KINDS: err(f"co {a}->{b}: bad kind {k}")
    if unit_of(a) != unit_of(b): err(f"co {a}->{b}: crosses units")
    if items[b]["period"] <= items[a]["period"]: err(f"co {a}->{b}: not planned for a later month")
    co_tasks.add(a)
cp = [(l["from"], l["to"]) for l in G["carry_over"]]
if len(cp) != len(set(cp)): err("duplicate carry-over link")
splits = {}
for l in G["carry_over"]:
    if l["kind"] == "split": splits[l["from"]] = splits.get(l["from"], 0) + 1
for a, n in splits.items():
    if n < 2: err(f"split from {a} has only one target")

# gaps: exactly the unlinked tasks that have a later document of their unit; none right-censored
expected = {i for i, it in items.items() if it["kind"] == "tasks" and not is_last(it["file"])
            and i not in ft_tasks and i not in co_tasks}
gaps = set(G["gaps"])
if len(gaps) != len(G["gaps"]): err("duplicate gap")
for g in gaps:
    if g not in items or items[g]["kind"] != "tasks": err(f"gap {g}: not a task"); continue
    if is_last(items[g]["file"]): err(f"gap {g}: task of the last document (right-censored)")
if gaps != expected: err(f"gaps mismatch: missing {sorted(expected - gaps)}, extra {sorted(gaps - expected)}")
for i, it in items.items():
    if it["kind"] == "tasks" and is_last(it["file"]) and (i in ft_tasks or i in co_tasks):
        err(f"{i}: right-censored task has outgoing link")

# cross-unit decoys
if len(units) > 1 and not G.get("cross_unit_decoys"): err("two units but no cross_unit_decoys")
linked = set(pairs) | set(cp)
for p in G.get("cross_unit_decoys", []):
    if len(p) != 2 or any(x not in items for x in p): err(f"decoy {p}: bad ids"); continue
    if unit_of(p[0]) == unit_of(p[1]): err(f"decoy {p}: same unit")
    if tuple(p) in linked or tuple(p[::-1]) in linked: err(f"decoy {p}: is linked")

if errors:
    print("\n".join(errors)); print(f"FAILED ({len(errors)} errors)"); sys.exit(1)
print(f"documents {len(docs)}, tasks {sum(1 for i in items.values() if i['kind']=='tasks')}, "
      f"results {sum(1 for i in items.values() if i['kind']=='results')}, follow_through {len(pairs)}, "
      f"carry_over {len(cp)}, gaps {len(gaps)}, decoys {len(G.get('cross_unit_decoys', []))}")
print("OK")
