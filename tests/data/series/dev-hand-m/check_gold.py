#!/usr/bin/env python3
"""Checks gold.json of this series (hand M). Prints OK when everything holds.

Checks: exact NFC substrings; unique ids; referential integrity; task/result
periods agree with their document; answering-document rule for follow-through
(a task planned for M is answered by the first later document of its unit that
reports on M; a result in a still later document is accepted only as a late
report whose own period is after M); carry-over goes forward in time within
one unit; every uncensored task is linked (follow-through or carry-over) or a
gap, gaps have no link, tasks of a unit's last document are censored; decoy
pairs cross units; every bullet of a results/tasks section is a gold item.
"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
nfc = lambda s: unicodedata.normalize("NFC", s)
errors = []
def err(msg): errors.append(msg)

G = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
docs = {d["file"]: d for d in G["documents"]}
texts = {}
for f in docs:
    p = os.path.join(HERE, f)
    if not os.path.exists(p):
        err(f"missing file {f}"); continue
    texts[f] = nfc(open(p, encoding="utf-8").read())
    m = re.match(r"^(.+)_(\d{4}-\d{2})\.txt$", f)
    if not m: err(f"bad file name {f}")

def issued(f): return re.search(r"_(\d{4}-\d{2})\.txt$", f).group(1)

# units and their documents in issue order
units = {}
for f, d in docs.items():
    units.setdefault(d["unit"], []).append(f)
for u in units: units[u].sort(key=issued)

# ids
items = {}
for kind in ("tasks", "results"):
    for it in G[kind]:
        if it["id"] in items: err(f"duplicate id {it['id']}")
        items[it["id"]] = dict(it, kind=kind)
        f = it["file"]
        if f not in docs: err(f"{it['id']}: unknown file {f}"); continue
        t = nfc(it["text"])
        if t not in texts.get(f, ""): err(f"{it['id']}: text not in {f}: {t[:60]}")
        if t.startswith(("- ", "+ ")) or re.match(r"^\(\d+\) ", t): err(f"{it['id']}: text keeps its bullet marker")
        if t != t.strip(): err(f"{it['id']}: untrimmed text")
        if kind == "tasks" and it["period"] != docs[f]["planned_period"]:
            err(f"{it['id']}: period {it['period']} != planned_period {docs[f]['planned_period']}")
        if kind == "results" and it["period"] not in docs[f]["reported_months"]:
            err(f"{it['id']}: period {it['period']} not among reported_months of {f}")
        if re.search(r"[.!?] [A-ZĐÀ-Ỹ]", t): err(f"{it['id']}: item holds more than one sentence")

tasks = {i: it for i, it in items.items() if it["kind"] == "tasks"}
results = {i: it for i, it in items.items() if it["kind"] == "results"}
unit_of = lambda i: docs[items[i]["file"]]["unit"]

def answering_doc(tid):
    t = tasks[tid]; u = unit_of(tid); seq = units[u]
    later = seq[seq.index(t["file"]) + 1:]
    for f in later:
        if t["period"] in docs[f]["reported_months"]: return f
    return None

def censored(tid):
    return tasks[tid]["file"] == units[unit_of(tid)][-1]

# follow-through
ft_tasks = set(); late = 0
for l in G["follow_through"]:
    ti, ri, st = l["task"], l["result"], l["status"]
    if ti not in tasks: err(f"follow_through: unknown task {ti}"); continue
    if ri not in results: err(f"follow_through: unknown result {ri}"); continue
    if st not in ("done", "partial", "progress"): err(f"{ti}->{ri}: bad status {st}")
    if unit_of(ti) != unit_of(ri): err(f"{ti}->{ri}: crosses units")
    if censored(ti): err(f"{ti}: censored task has a follow-through")
    ad = answering_doc(ti)
    rf = results[ri]["file"]
    if ad is None: err(f"{ti}->{ri}: no answering document")
    elif rf != ad:
        seq = units[unit_of(ti)]
        if seq.index(rf) > seq.index(ad) and results[ri]["period"] > tasks[ti]["period"]:
            late += 1
        else:
            err(f"{ti}->{ri}: result in {rf}, answering document is {ad}")
    if results[ri]["period"] < tasks[ti]["period"]: err(f"{ti}->{ri}: result period before task period")
    ft_tasks.add(ti)

# carry-over
co_from = set()
for l in G["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if a not in tasks or b not in tasks: err(f"carry_over: unknown task {a} or {b}"); continue
    if k not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"): err(f"{a}->{b}: bad kind {k}")
    if unit_of(a) != unit_of(b): err(f"{a}->{b}: crosses units")
    seq = units[unit_of(a)]
    if seq.index(tasks[b]["file"]) <= seq.index(tasks[a]["file"]): err(f"{a}->{b}: not forward in documents")
    if tasks[b]["period"] <= tasks[a]["period"]: err(f"{a}->{b}: not forward in periods")
    if censored(a): err(f"{a}: censored task has a carry-over")
    co_from.add(a)

# gaps and coverage
gaps = set(G["gaps"])
for g in gaps:
    if g not in tasks: err(f"gap: unknown task {g}"); continue
    if censored(g): err(f"gap {g}: censored task")
    if answering_doc(g) is None: err(f"gap {g}: pending task (no later report on its month)")
    if g in ft_tasks or g in co_from: err(f"gap {g}: has a link")
for ti in tasks:
    if censored(ti) or answering_doc(ti) is None: continue
    if ti not in ft_tasks and ti not in co_from and ti not in gaps:
        err(f"{ti}: uncensored task neither linked nor a gap")

# decoys
for pair in G.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in items for p in pair): err(f"decoy {pair}: unknown id"); continue
    if unit_of(pair[0]) == unit_of(pair[1]): err(f"decoy {pair}: same unit")
    ft_pairs = {(l["task"], l["result"]) for l in G["follow_through"]}
    if tuple(pair) in ft_pairs: err(f"decoy {pair}: also a follow-through")

# completeness: every bullet of a results/tasks section is a gold item
for f, t in texts.items():
    sec = None
    gold_r = {nfc(it["text"]) for it in results.values() if it["file"] == f}
    gold_t = {nfc(it["text"]) for it in tasks.values() if it["file"] == f}
    for ln in t.split("\n"):
        s = ln.strip()
        if re.match(r"^(Điều 1\.|1\. Đánh giá)", s): sec = "R"; continue
        if re.match(r"^(Điều 2\.|2\. Nhiệm vụ trọng tâm)", s): sec = "T"; continue
        if re.match(r"^(Điều 3\.|Ban Thường vụ Đảng ủy giao|Nơi nhận)", s): sec = None; continue
        if sec == "R":
            m = re.match(r"^(?:- |\(\d+\) )(.*)$", s)
            if m and m.group(1) not in gold_r: err(f"{f}: result bullet not in gold: {m.group(1)[:60]}")
        elif sec == "T":
            m = re.match(r"^(?:- |\+ )(.*)$", s)
            if m and m.group(1) not in gold_t: err(f"{f}: task bullet not in gold: {m.group(1)[:60]}")

if errors:
    print("\n".join(errors)); print(f"{len(errors)} error(s)"); sys.exit(1)
st = {}
for l in G["follow_through"]: st[l["status"]] = st.get(l["status"], 0) + 1
kd = {}
for l in G["carry_over"]: kd[l["kind"]] = kd.get(l["kind"], 0) + 1
print(f"documents {len(docs)}, tasks {len(tasks)}, results {len(results)}, "
      f"follow-through {len(G['follow_through'])} {st} (late reports {late}), "
      f"carry-over {len(G['carry_over'])} {kd}, gaps {len(gaps)}, decoys {len(G.get('cross_unit_decoys', []))}")
print("OK")
