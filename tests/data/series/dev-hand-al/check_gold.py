#!/usr/bin/env python3
"""Verifies gold.json against the documents of this folder; prints OK when every check passes."""
import json, os, re, sys, unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
def err(msg): errors.append(msg)

g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in g:
        err(f"missing key {key}")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

# documents
docs, texts = {}, {}
for d in g["documents"]:
    f = d["file"]
    if f in docs: err(f"duplicate document {f}")
    docs[f] = d
    m = re.match(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$", f)
    if not m: err(f"bad file name {f}")
    p = os.path.join(HERE, f)
    if not os.path.exists(p): err(f"missing file {f}"); continue
    raw = open(p, "rb").read()
    try: t = raw.decode("utf-8")
    except UnicodeDecodeError: err(f"{f} is not UTF-8"); continue
    if unicodedata.normalize("NFC", t) != t: err(f"{f} is not NFC")
    texts[f] = unicodedata.normalize("NFC", t)
    if not d.get("unit"): err(f"{f}: no unit")
    if not MONTH.match(d.get("planned_period", "")): err(f"{f}: bad planned_period")
    if not d.get("reported_months") or not all(MONTH.match(x) for x in d["reported_months"]): err(f"{f}: bad reported_months")
    if any(x >= d["planned_period"] for x in d["reported_months"]): err(f"{f}: reported month not before planned period")
txt_files = sorted(x for x in os.listdir(HERE) if x.endswith(".txt"))
if sorted(docs) != txt_files: err(f"documents {sorted(docs)} != txt files {txt_files}")

units = {}
for f, d in docs.items(): units.setdefault(d["unit"], []).append(f)
order = {}
for u, fs in units.items():
    fs.sort(key=lambda f: docs[f]["planned_period"])
    for i, f in enumerate(fs): order[f] = (u, i)
    pps = [docs[f]["planned_period"] for f in fs]
    if len(set(pps)) != len(pps): err(f"{u}: duplicate planned periods")
last_of_unit = {u: fs[-1] for u, fs in units.items()}

# items
items = {}
for kind in ("tasks", "results"):
    for it in g[kind]:
        i = it["id"]
        if i in items: err(f"duplicate id {i}")
        items[i] = (kind, it)
        f = it["file"]
        if f not in docs: err(f"{i}: unknown file {f}"); continue
        t = it["text"]
        if unicodedata.normalize("NFC", t) != t: err(f"{i}: text not NFC")
        n = texts.get(f, "").count(t)
        if n != 1: err(f"{i}: text occurs {n} times in {f}: {t[:60]!r}")
        if t != t.strip() or not t: err(f"{i}: empty or untrimmed text")
        if not MONTH.match(it["period"]): err(f"{i}: bad period")
        if kind == "tasks" and it["period"] != docs[f]["planned_period"]: err(f"{i}: task period != planned_period")
        if kind == "results" and it["period"] not in docs[f]["reported_months"]: err(f"{i}: result period not reported by its doc")
# no item text contained in another item text of the same file
byfile = {}
for i, (k, it) in items.items(): byfile.setdefault(it["file"], []).append((i, it["text"]))
for f, lst in byfile.items():
    for a, ta in lst:
        for b, tb in lst:
            if a != b and ta in tb: err(f"{a} text is contained in {b}")
# counts per document
tc = Counter(it["file"] for k, it in items.values() if k == "tasks")
rc = Counter(it["file"] for k, it in items.values() if k == "results")
for f in docs:
    if not 10 <= tc[f] <= 18: err(f"{f}: {tc[f]} tasks (want 10-18)")
    if not 10 <= rc[f] <= 18: err(f"{f}: {rc[f]} results (want 10-18)")

def later_same_unit(a, b):
    ua, ia = order[items[a][1]["file"]]; ub, ib = order[items[b][1]["file"]]
    return ua == ub and ib > ia

covered = Counter()
seen = set()
for l in g["follow_through"]:
    a, b, s = l["task"], l["result"], l["status"]
    if (a, b) in seen: err(f"duplicate link {a}->{b}")
    seen.add((a, b))
    if items.get(a, ("",))[0] != "tasks" or items.get(b, ("",))[0] != "results": err(f"ft {a}->{b}: bad ids"); continue
    if s not in ("done", "partial"): err(f"ft {a}->{b}: bad status {s}")
    if not later_same_unit(a, b): err(f"ft {a}->{b}: result not in a later document of the same unit")
    if items[b][1]["period"] < items[a][1]["period"]: err(f"ft {a}->{b}: result period before task period")
    covered[a] += 1
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in g["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if (a, b) in seen: err(f"duplicate link {a}->{b}")
    seen.add((a, b))
    if items.get(a, ("",))[0] != "tasks" or items.get(b, ("",))[0] != "tasks": err(f"co {a}->{b}: bad ids"); continue
    if k not in KINDS: err(f"co {a}->{b}: bad kind {k}")
    if not later_same_unit(a, b): err(f"co {a}->{b}: not a later document of the same unit")
    covered[a] += 1
gaps = g["gaps"]
if len(set(gaps)) != len(gaps): err("duplicate gaps")
for x in gaps:
    if items.get(x, ("",))[0] != "tasks": err(f"gap {x}: not a task"); continue
    if covered[x]: err(f"gap {x} has links")
    f = items[x][1]["file"]
    if f == last_of_unit[order[f][0]]: err(f"gap {x} is in the last document (right-censored)")
# every task of a non-last document is linked or a gap; last-document tasks are neither
for i, (k, it) in items.items():
    if k != "tasks": continue
    f = it["file"]
    if f == last_of_unit[order[f][0]]:
        if covered[i] or i in gaps: err(f"{i}: last-document task has links or gap")
    elif not covered[i] and i not in gaps:
        err(f"{i}: neither linked nor gap")
# cross-unit decoys
for pair in g.get("cross_unit_decoys", []):
    a, b = pair
    if a not in items or b not in items: err(f"decoy {pair}: unknown id"); continue
    if order[items[a][1]["file"]][0] == order[items[b][1]["file"]][0]: err(f"decoy {pair}: same unit")
    if (a, b) in seen or (b, a) in seen: err(f"decoy {pair} is linked")
if len(units) > 1 and not g.get("cross_unit_decoys"): err("two units but no cross_unit_decoys")

if errors:
    print("\n".join(errors)); print(f"{len(errors)} error(s)"); sys.exit(1)
print(f"documents={len(docs)} tasks={tc.total() if hasattr(tc,'total') else sum(tc.values())} "
      f"results={sum(rc.values())} follow_through={len(g['follow_through'])} "
      f"carry_over={len(g['carry_over'])} gaps={len(gaps)}")
print("OK")
