# -*- coding: utf-8 -*-
"""Verifies gold.json of this folder against its .txt documents and the rules of
ANNOTATION.md / tools/README.md. Prints OK when everything holds, else the problems."""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
NFC = lambda s: unicodedata.normalize("NFC", s)
errs = []
def err(msg): errs.append(msg)

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in gold:
        err(f"missing key {key}")
extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over", "gaps",
                     "cross_unit_decoys"}
if extra:
    err(f"unexpected keys {extra}")

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d\d)\.txt$")

# ---- documents
docs, texts = {}, {}
for d in gold["documents"]:
    f = d["file"]
    if f in docs:
        err(f"document listed twice: {f}")
    docs[f] = d
    m = FNAME.match(f)
    if not m:
        err(f"bad file name {f}")
    path = os.path.join(HERE, f)
    if not os.path.exists(path):
        err(f"missing file {f}"); continue
    raw = open(path, "rb").read()
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{f} not UTF-8"); continue
    if t != NFC(t):
        err(f"{f} is not NFC")
    if "⟦" in t or "⟧" in t:
        err(f"{f} still holds tags")
    texts[f] = t
    for k in ("unit", "reported_months", "planned_period"):
        if k not in d:
            err(f"{f}: no {k}")
    if not all(MONTH.match(x) for x in d["reported_months"]) or not MONTH.match(d["planned_period"]):
        err(f"{f}: bad month")
    if m and m.group(2) != d["planned_period"]:
        err(f"{f}: file month differs from planned_period")
    if any(x >= d["planned_period"] for x in d["reported_months"]):
        err(f"{f}: reported month not before planned period")
txt_files = {x for x in os.listdir(HERE) if x.endswith(".txt")}
if txt_files != set(docs):
    err(f"txt files and documents differ: {txt_files ^ set(docs)}")

units = defaultdict(list)
for f, d in docs.items():
    units[d["unit"]].append(f)
for u in units:
    units[u].sort(key=lambda f: docs[f]["planned_period"])
if len(units) != 2:
    err(f"expected two units, got {len(units)}")
# slug of a unit is constant
for u, fs in units.items():
    if len({FNAME.match(f).group(1) for f in fs}) != 1:
        err(f"unit {u} has several slugs")

# ---- items
items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        iid = it["id"]
        if iid in items:
            err(f"duplicate id {iid}")
        items[iid] = dict(it, kind=kind)
        f = it["file"]
        if f not in texts:
            err(f"{iid}: unknown file {f}"); continue
        text = it["text"]
        if text != NFC(text):
            err(f"{iid}: text not NFC")
        if text != text.strip() or not text:
            err(f"{iid}: text empty or padded")
        n = texts[f].count(text)
        if n != 1:
            err(f"{iid}: text occurs {n} times in {f}")
        if not MONTH.match(it["period"]):
            err(f"{iid}: bad period")
        d = docs[f]
        if kind == "tasks":
            if it["period"] != d["planned_period"]:
                err(f"{iid}: task period {it['period']} != planned {d['planned_period']}")
            if re.match(r"^(Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)( một| hai| ba)? là", text):
                err(f"{iid}: marker kept in task text")
        else:
            if it["period"] not in d["reported_months"]:
                err(f"{iid}: result period {it['period']} not reported by {f}")

# no two items of one file overlap
for f in texts:
    spans = []
    for iid, it in items.items():
        if it["file"] == f:
            s = texts[f].find(it["text"])
            spans.append((s, s + len(it["text"]), iid))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        if b[0] < a[1]:
            err(f"{f}: {a[2]} overlaps {b[2]}")

# 10-18 tasks and results per document
for f in docs:
    nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "tasks")
    nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "results")
    if not (10 <= nt <= 18):
        err(f"{f}: {nt} tasks")
    if not (10 <= nr <= 18):
        err(f"{f}: {nr} results")

unit_of = lambda iid: docs[items[iid]["file"]]["unit"]
pos_of = lambda iid: units[unit_of(iid)].index(items[iid]["file"])

# ---- every sentence of a results section is a result, every paragraph of a tasks section a task
SENT_END = re.compile(r"(?<=[.!?…])\s+")
for f, t in texts.items():
    lines = t.split("\n")
    sec = None
    own = [it for it in items.values() if it["file"] == f]
    res_texts = {it["text"] for it in own if it["kind"] == "results"}
    task_texts = {it["text"] for it in own if it["kind"] == "tasks"}
    seen_lead = False
    for ln in lines:
        s = ln.strip()
        if re.match(r"^I\. ", s):
            sec = "R"; continue
        if re.match(r"^II\. ", s):
            sec = "L"; continue
        if re.match(r"^III\. ", s):
            sec = "T"; seen_lead = False; continue
        if s.startswith("Trên đây"):
            sec = None; continue
        if not s or re.match(r"^\d\. ", s):
            continue
        if sec == "R":
            rest = s
            for rt in res_texts:
                rest = rest.replace(rt, "")
            if rest.strip():
                err(f"{f}: unlabelled text in results: {rest.strip()[:60]}")
        elif sec == "T":
            if not seen_lead:
                seen_lead = True  # lead-in sentence
                continue
            body = re.sub(r"^(Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)( một| hai| ba)? là, ", "", s)
            if body not in task_texts:
                err(f"{f}: task paragraph not labelled whole: {s[:60]}")

# ---- follow-through
ft_tasks = set()
for l in gold["follow_through"]:
    t, r, st = l["task"], l["result"], l["status"]
    if t not in items or items[t]["kind"] != "tasks":
        err(f"ft: bad task {t}"); continue
    if r not in items or items[r]["kind"] != "results":
        err(f"ft: bad result {r}"); continue
    if st not in ("done", "partial"):
        err(f"ft {t}->{r}: status {st}")
    if unit_of(t) != unit_of(r):
        err(f"ft {t}->{r}: across units")
    if pos_of(r) <= pos_of(t):
        err(f"ft {t}->{r}: result not in a later document")
    M = items[t]["period"]
    rd = docs[items[r]["file"]]
    if M not in rd["reported_months"]:
        err(f"ft {t}->{r}: result document does not report on {M}")
    first = next((f for f in units[unit_of(t)][pos_of(t) + 1:] if M in docs[f]["reported_months"]), None)
    if first != items[r]["file"]:
        err(f"ft {t}->{r}: not the first document reporting on {M}")
    ft_tasks.add(t)
if len({(l["task"], l["result"]) for l in gold["follow_through"]}) != len(gold["follow_through"]):
    err("duplicate follow-through link")

# ---- carry-over
co_from = set()
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in gold["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks":
        err(f"co: bad ids {a}->{b}"); continue
    if k not in KINDS:
        err(f"co {a}->{b}: kind {k}")
    if unit_of(a) != unit_of(b):
        err(f"co {a}->{b}: across units")
    if items[b]["period"] <= items[a]["period"]:
        err(f"co {a}->{b}: not planned for a later month")
    co_from.add(a)
if len({(l["from"], l["to"]) for l in gold["carry_over"]}) != len(gold["carry_over"]):
    err("duplicate carry-over link")

# ---- gaps: exactly the silent tasks (not pending, not of a last document)
silent = set()
for iid, it in items.items():
    if it["kind"] != "tasks":
        continue
    u = unit_of(iid)
    later = units[u][pos_of(iid) + 1:]
    if not later:
        continue  # right-censored
    if not any(it["period"] in docs[f]["reported_months"] for f in later):
        continue  # pending
    if iid not in ft_tasks and iid not in co_from:
        silent.add(iid)
gaps = set(gold["gaps"])
if len(gaps) != len(gold["gaps"]):
    err("duplicate gap")
for g in gaps:
    if g not in items or items[g]["kind"] != "tasks":
        err(f"gap {g} is not a task")
    elif not units[unit_of(g)][pos_of(g) + 1:]:
        err(f"gap {g} belongs to a last document (right-censored)")
if gaps != silent:
    err(f"gaps differ from silent tasks: missing {sorted(silent - gaps)}, extra {sorted(gaps - silent)}")

# ---- cross-unit decoys
linked = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
         {(l["from"], l["to"]) for l in gold["carry_over"]}
for pair in gold.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in items for p in pair):
        err(f"decoy {pair}: unknown ids"); continue
    a, b = pair
    if unit_of(a) == unit_of(b):
        err(f"decoy {pair}: same unit")
    if (a, b) in linked or (b, a) in linked:
        err(f"decoy {pair}: linked")
if len(units) == 2 and not gold.get("cross_unit_decoys"):
    err("no cross_unit_decoys for two units")

# ---- at least one irregular period
if not any(len(d["reported_months"]) > 1 for d in docs.values()):
    err("no irregular period")

if errs:
    print("\n".join(errs))
    print(f"{len(errs)} problem(s)")
    sys.exit(1)
print(f"documents {len(docs)}, tasks {sum(1 for i in items.values() if i['kind']=='tasks')}, "
      f"results {sum(1 for i in items.values() if i['kind']=='results')}, "
      f"follow-through {len(gold['follow_through'])}, carry-over {len(gold['carry_over'])}, "
      f"gaps {len(gold['gaps'])}, decoys {len(gold.get('cross_unit_decoys', []))}")
print("OK")
