#!/usr/bin/env python3
"""Self-check of gold.json for this hand-written series. Prints OK or the list of problems."""
import json, os, re, sys, unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
STATUS = {"done", "partial"}
errs = []

def err(msg):
    errs.append(msg)

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in gold:
        err(f"missing key {key}")

# documents
texts, docs = {}, {}
for d in gold["documents"]:
    f = d["file"]
    if not re.fullmatch(r"[a-z0-9-]+_\d{4}-\d{2}\.txt", f):
        err(f"bad file name {f}")
    p = os.path.join(HERE, f)
    if not os.path.exists(p):
        err(f"missing file {f}"); continue
    raw = open(p, "rb").read()
    try:
        s = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{f} not UTF-8"); continue
    if unicodedata.normalize("NFC", s) != s:
        err(f"{f} not NFC")
    texts[f] = s
    for k in ("unit", "reported_months", "planned_period"):
        if k not in d:
            err(f"{f}: missing {k}")
    if f[-11:-4] != d["planned_period"]:
        err(f"{f}: name month differs from planned_period {d['planned_period']}")
    docs[f] = d
txt_files = sorted(x for x in os.listdir(HERE) if x.endswith(".txt"))
if txt_files != sorted(docs):
    err(f"documents list {sorted(docs)} differs from .txt files {txt_files}")

# unit order: planned periods strictly increase, reported months follow previous planned period
by_unit = defaultdict(list)
for d in gold["documents"]:
    by_unit[d["unit"]].append(d)
for u, ds in by_unit.items():
    ds.sort(key=lambda d: d["planned_period"])
    for a, b in zip(ds, ds[1:]):
        if a["planned_period"] not in b["reported_months"]:
            err(f"{b['file']} does not report the month {a['planned_period']} planned by {a['file']}")
last_doc = {u: ds[-1]["file"] for u, ds in by_unit.items()}
order = {d["file"]: d["planned_period"] for d in gold["documents"]}

# items
items, ids = {}, Counter()
def check_item(it, kind):
    ids[it["id"]] += 1
    f = it["file"]
    if f not in texts:
        err(f"{it['id']}: unknown file {f}"); return
    t = it["text"]
    if unicodedata.normalize("NFC", t) != t:
        err(f"{it['id']}: text not NFC")
    n = texts[f].count(t)
    if n != 1:
        err(f"{it['id']}: text occurs {n} times in {f}: {t[:60]!r}")
    d = docs[f]
    if kind == "task" and it["period"] != d["planned_period"]:
        err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
    if kind == "result" and it["period"] not in d["reported_months"]:
        err(f"{it['id']}: period {it['period']} not in reported {d['reported_months']}")
    items[it["id"]] = dict(it, kind=kind)
for t in gold["tasks"]:
    check_item(t, "task")
for r in gold["results"]:
    check_item(r, "result")
for i, c in ids.items():
    if c > 1:
        err(f"duplicate id {i}")

# item spans must not overlap within a file
spans = defaultdict(list)
for it in items.values():
    s = texts.get(it["file"], "")
    k = s.find(it["text"])
    if k >= 0:
        spans[it["file"]].append((k, k + len(it["text"]), it["id"]))
for f, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err(f"{f}: items {a[2]} and {b[2]} overlap")

# per-document counts 10..18
cnt = Counter((it["file"], it["kind"]) for it in items.values())
for f in docs:
    for k in ("task", "result"):
        if not 10 <= cnt[(f, k)] <= 18:
            err(f"{f}: {cnt[(f, k)]} {k}s (want 10-18)")

def unit_of(i):
    return docs[items[i]["file"]]["unit"]

# follow-through
linked = set()
seen = set()
for ft in gold["follow_through"]:
    a, b = ft["task"], ft["result"]
    if a not in items or items[a]["kind"] != "task":
        err(f"follow_through: {a} is not a task"); continue
    if b not in items or items[b]["kind"] != "result":
        err(f"follow_through: {b} is not a result"); continue
    if ft["status"] not in STATUS:
        err(f"follow_through {a}->{b}: bad status {ft['status']}")
    if unit_of(a) != unit_of(b):
        err(f"follow_through {a}->{b} crosses units")
    if order[items[b]["file"]] <= order[items[a]["file"]]:
        err(f"follow_through {a}->{b} not forward in time")
    # the result's document must report on the task's month (a multi-month report may date
    # the result itself to a later month it covers)
    if items[a]["period"] not in docs[items[b]["file"]]["reported_months"]:
        err(f"follow_through {a}->{b}: result document does not report {items[a]['period']}")
    if items[b]["period"] < items[a]["period"]:
        err(f"follow_through {a}->{b}: result period before task period")
    # the result must be in the first document of the unit that reports the task's month
    first = min((d["file"] for d in by_unit[unit_of(a)] if items[a]["period"] in d["reported_months"]
                 and order[d["file"]] > order[items[a]["file"]]), key=lambda f: order[f], default=None)
    if first != items[b]["file"]:
        err(f"follow_through {a}->{b}: not in the first document reporting {items[a]['period']}")
    if items[a]["text"] == items[b]["text"]:
        err(f"follow_through {a}->{b}: result copies the task")
    if (a, b) in seen:
        err(f"duplicate follow_through {a}->{b}")
    seen.add((a, b))
    linked.add(a)

# carry-over
seen = set()
for co in gold["carry_over"]:
    a, b = co["from"], co["to"]
    if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
        err(f"carry_over {a}->{b}: both ends must be tasks"); continue
    if co["kind"] not in KINDS:
        err(f"carry_over {a}->{b}: bad kind {co['kind']}")
    if unit_of(a) != unit_of(b):
        err(f"carry_over {a}->{b} crosses units")
    if items[b]["period"] <= items[a]["period"]:
        err(f"carry_over {a}->{b} not forward in time")
    if (a, b) in seen:
        err(f"duplicate carry_over {a}->{b}")
    seen.add((a, b))
    linked.add(a)

# gaps: exactly the tasks with no link whose month a later document reports
reported_later = set()
for t in gold["tasks"]:
    u = docs[t["file"]]["unit"]
    if any(t["period"] in d["reported_months"] and order[d["file"]] > order[t["file"]] for d in by_unit[u]):
        reported_later.add(t["id"])
gaps = gold["gaps"]
if len(set(gaps)) != len(gaps):
    err("duplicate gap ids")
for g in gaps:
    if g not in items or items[g]["kind"] != "task":
        err(f"gap {g} is not a task"); continue
    if items[g]["file"] == last_doc[unit_of(g)]:
        err(f"gap {g} is in the last document (right-censored)")
    if g in linked:
        err(f"gap {g} has a link")
    if g not in reported_later:
        err(f"gap {g}: no later document reports its month (pending, not silent)")
expected = {t["id"] for t in gold["tasks"] if t["id"] in reported_later and t["id"] not in linked}
if expected != set(gaps):
    err(f"unlinked tasks not marked as gaps: {sorted(expected - set(gaps))}; gaps with links: {sorted(set(gaps) - expected)}")

# cross-unit decoys
for pair in gold.get("cross_unit_decoys", []):
    a, b = pair
    if a not in items or b not in items:
        err(f"decoy {pair}: unknown id"); continue
    if unit_of(a) == unit_of(b):
        err(f"decoy {pair}: same unit")
if len(by_unit) > 1 and not gold.get("cross_unit_decoys"):
    err("two units but no cross_unit_decoys")

if errs:
    print("\n".join(errs))
    sys.exit(1)
print("OK")
print(f"documents {len(docs)}, tasks {len(gold['tasks'])}, results {len(gold['results'])}, "
      f"follow_through {len(gold['follow_through'])}, carry_over {len(gold['carry_over'])}, gaps {len(gaps)}")
