"""Verifies gold.json of this series against its documents and ANNOTATION.md / README.md rules."""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errs = []
def err(m): errs.append(m)

g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for k in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if k not in g: err(f"missing key {k}")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

# documents
texts, doc_of = {}, {}
docs = g["documents"]
for i, d in enumerate(docs):
    f = d["file"]
    if not re.fullmatch(r"[a-z0-9-]+_\d{4}-\d{2}\.txt", f): err(f"bad file name {f}")
    raw = open(os.path.join(HERE, f), encoding="utf-8").read()
    if unicodedata.normalize("NFC", raw) != raw: err(f"{f} not NFC")
    texts[f] = raw
    if not MONTH.match(d["planned_period"]): err(f"{f} planned_period")
    if not all(MONTH.match(x) for x in d["reported_months"]): err(f"{f} reported_months")
    if f[-11:-4] != d["planned_period"]: err(f"{f}: name month != planned_period")
    if any(x >= d["planned_period"] for x in d["reported_months"]): err(f"{f}: reports a month not before its plan")
    doc_of[f] = (i, d)
files_on_disk = sorted(x for x in os.listdir(HERE) if x.endswith(".txt"))
if files_on_disk != sorted(texts): err(f"txt files on disk {files_on_disk} != documents")
order = sorted(docs, key=lambda d: d["planned_period"])
if [d["file"] for d in order] != [d["file"] for d in docs]: err("documents not in chronological order")

# items
items, spans = {}, defaultdict(list)
for kind in ("tasks", "results"):
    for it in g[kind]:
        iid = it["id"]
        if iid in items: err(f"duplicate id {iid}")
        items[iid] = (kind, it)
        f = it["file"]
        if f not in texts: err(f"{iid}: unknown file"); continue
        t = it["text"]
        if unicodedata.normalize("NFC", t) != t: err(f"{iid}: text not NFC")
        n = texts[f].count(t)
        if n != 1: err(f"{iid}: text occurs {n} times in {f}")
        if ";" in t: err(f"{iid}: text spans a semicolon")
        if t != t.strip() or len(t) < 15: err(f"{iid}: suspicious text")
        if n == 1:
            a = texts[f].index(t); spans[f].append((a, a + len(t), iid))
        d = doc_of[f][1]
        if kind == "tasks" and it["period"] != d["planned_period"]: err(f"{iid}: period != planned_period")
        if kind == "results" and it["period"] not in d["reported_months"]: err(f"{iid}: period not reported")
for f, sp in spans.items():
    sp.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
        if a2 < b1: err(f"overlapping items {i1} {i2}")

# counts per document
for d in docs:
    nt = sum(1 for it in g["tasks"] if it["file"] == d["file"])
    nr = sum(1 for it in g["results"] if it["file"] == d["file"])
    if not (10 <= nt <= 18): err(f"{d['file']}: {nt} tasks")
    if not (10 <= nr <= 18): err(f"{d['file']}: {nr} results")

def doc_idx(iid): return doc_of[items[iid][1]["file"]][0]
def unit(iid): return doc_of[items[iid][1]["file"]][1]["unit"]

# follow-through
ft_tasks, seen = set(), set()
for l in g["follow_through"]:
    t, r, s = l["task"], l["result"], l["status"]
    if (t, r) in seen: err(f"dup ft {t}->{r}")
    seen.add((t, r))
    if items.get(t, ("",))[0] != "tasks": err(f"ft: {t} not a task"); continue
    if items.get(r, ("",))[0] != "results": err(f"ft: {r} not a result"); continue
    if s not in ("done", "partial"): err(f"ft {t}->{r}: status {s}")
    if unit(t) != unit(r): err(f"ft {t}->{r} crosses units")
    if doc_idx(r) <= doc_idx(t): err(f"ft {t}->{r}: result not later")
    tp = items[t][1]["period"]
    if items[r][1]["period"] != tp: err(f"ft {t}->{r}: result period != task period")
    # result must be in the first later document of the unit that reports the task's month
    first = next((d["file"] for d in docs[doc_idx(t) + 1:] if d["unit"] == unit(t) and tp in d["reported_months"]), None)
    if items[r][1]["file"] != first: err(f"ft {t}->{r}: not in first document reporting {tp}")
    ft_tasks.add(t)

# carry-over
co_from, seen = set(), set()
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in g["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if (a, b) in seen: err(f"dup co {a}->{b}")
    seen.add((a, b))
    if items.get(a, ("",))[0] != "tasks" or items.get(b, ("",))[0] != "tasks": err(f"co {a}->{b}: not tasks"); continue
    if k not in KINDS: err(f"co {a}->{b}: kind {k}")
    if unit(a) != unit(b): err(f"co {a}->{b} crosses units")
    if items[b][1]["period"] <= items[a][1]["period"]: err(f"co {a}->{b}: not later")
    co_from.add(a)
splits = defaultdict(int)
for l in g["carry_over"]:
    if l["kind"] == "split": splits[l["from"]] += 1
for a, n in splits.items():
    if n < 2: err(f"split from {a} has a single target")

# gaps: exactly the tasks without ft/co that later documents of the unit could report on
gaps = set(g["gaps"])
if len(gaps) != len(g["gaps"]): err("duplicate gap")
for it in g["tasks"]:
    t = it["id"]
    later = [d for d in docs[doc_idx(t) + 1:] if d["unit"] == unit(t)]
    reported = any(it["period"] in d["reported_months"] for d in later)
    silent = reported and t not in ft_tasks and t not in co_from
    if t in gaps and not silent: err(f"gap {t} is not silent (or is right-censored)")
    if silent and t not in gaps: err(f"{t} has no link but is not listed as gap")
    if not later and t in gaps: err(f"{t} right-censored but listed as gap")

# decoys
for pair in g.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in items for p in pair): err(f"bad decoy {pair}")
    elif unit(pair[0]) == unit(pair[1]): err(f"decoy {pair} within one unit")
if len({d['unit'] for d in docs}) == 1 and g.get("cross_unit_decoys"): err("decoys with one unit")

if errs:
    print("\n".join(errs)); print(f"{len(errs)} problem(s)"); sys.exit(1)
print(f"{len(docs)} documents, {len(g['tasks'])} tasks, {len(g['results'])} results, "
      f"{len(g['follow_through'])} follow-through, {len(g['carry_over'])} carry-over, {len(gaps)} gaps")
print("OK")
