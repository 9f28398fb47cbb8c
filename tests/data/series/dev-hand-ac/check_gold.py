#!/usr/bin/env python3
"""Consistency checks for gold.json of this series (run from any directory).

Checks: files exist, UTF-8 + NFC; dated month of each document matches its file name;
ids unique; every text is an exact, unique (overlaps counted) substring of its file,
NFC, trimmed and without a final full stop; task periods = planned period of the
document, result periods within its reported months; follow-through and carry-over
links stay inside one unit and run forward (later document); valid statuses / kinds;
gaps are tasks with no link and not in the unit's last document; every task that is
not right-censored has a follow-through, a carry-over or a gap; decoys pair existing
items of different units; 10-16 tasks and 8-16 results per document; no stray *.txt.
"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def count_overlapping(hay, needle):
    n, i = 0, hay.find(needle)
    while i != -1:
        n += 1
        i = hay.find(needle, i + 1)
    return n


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
docs = gold["documents"]
doc_by_file = {d["file"]: d for d in docs}
texts = {}
for d in docs:
    path = os.path.join(HERE, d["file"])
    if not os.path.exists(path):
        err(f"missing file {d['file']}")
        continue
    raw = open(path, "rb").read()
    t = raw.decode("utf-8")
    if unicodedata.normalize("NFC", t) != t:
        err(f"{d['file']} is not NFC")
    if "⟦" in t or "⟧" in t or "%%" in t:
        err(f"{d['file']} contains build markers")
    texts[d["file"]] = t
    m = re.match(r"(.+)_(\d{4})-(\d\d)\.txt$", d["file"])
    if not m:
        err(f"bad file name {d['file']}")
        continue
    dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
    if not dm or (int(dm.group(3)), int(dm.group(2))) != (int(m.group(2)), int(m.group(3))):
        err(f"{d['file']}: dated month does not match file name ({dm.group(0) if dm else None})")

stray = [f for f in os.listdir(HERE) if f.endswith(".txt") and f not in doc_by_file]
if stray:
    err(f"stray .txt files at top level: {stray}")

# order of documents within each unit
unit_docs = {}
for d in docs:
    unit_docs.setdefault(d["unit"], []).append(d["file"])
for u in unit_docs:
    unit_docs[u].sort(key=lambda f: f.rsplit("_", 1)[1])
doc_index = {f: i for u, fs in unit_docs.items() for i, f in enumerate(fs)}
last_doc = {u: fs[-1] for u, fs in unit_docs.items()}

items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        iid = it["id"]
        if iid in items:
            err(f"duplicate id {iid}")
        items[iid] = dict(it, kind=kind)
        f = it["file"]
        if f not in texts:
            err(f"{iid}: unknown file {f}")
            continue
        tx = it["text"]
        if unicodedata.normalize("NFC", tx) != tx:
            err(f"{iid}: text not NFC")
        if tx != tx.strip() or tx.endswith(".") or not tx:
            err(f"{iid}: text not trimmed or ends with a full stop")
        c = count_overlapping(texts[f], tx)
        if c != 1:
            err(f"{iid}: text occurs {c} times in {f}")
        d = doc_by_file[f]
        if kind == "tasks" and it["period"] != d["planned_period"]:
            err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
        if kind == "results" and it["period"] not in d["reported_months"]:
            err(f"{iid}: period {it['period']} not in reported months {d['reported_months']}")

# items must not overlap each other within a file
by_file = {}
for iid, it in items.items():
    t = texts.get(it["file"], "")
    s = t.find(it["text"])
    by_file.setdefault(it["file"], []).append((s, s + len(it["text"]), iid))
for f, spans in by_file.items():
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        if b[0] < a[1]:
            err(f"{f}: items {a[2]} and {b[2]} overlap")


def unit_of(iid):
    return doc_by_file[items[iid]["file"]]["unit"]


linked_tasks = set()
for ft in gold["follow_through"]:
    t, r, s = ft["task"], ft["result"], ft["status"]
    if t not in items or items[t]["kind"] != "tasks":
        err(f"ft: {t} is not a task"); continue
    if r not in items or items[r]["kind"] != "results":
        err(f"ft: {r} is not a result"); continue
    if s not in ("done", "partial", "progress"):
        err(f"ft {t}->{r}: bad status {s}")
    if unit_of(t) != unit_of(r):
        err(f"ft {t}->{r}: crosses units")
    if doc_index[items[r]["file"]] <= doc_index[items[t]["file"]]:
        err(f"ft {t}->{r}: does not run forward")
    if items[r]["period"] < items[t]["period"]:
        err(f"ft {t}->{r}: result period before task period")
    linked_tasks.add(t)

seen_pairs = set()
for co in gold["carry_over"]:
    a, b, k = co["from"], co["to"], co["kind"]
    for x in (a, b):
        if x not in items or items[x]["kind"] != "tasks":
            err(f"co: {x} is not a task")
    if a not in items or b not in items:
        continue
    if k not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
        err(f"co {a}->{b}: bad kind {k}")
    if unit_of(a) != unit_of(b):
        err(f"co {a}->{b}: crosses units")
    if doc_index[items[b]["file"]] <= doc_index[items[a]["file"]]:
        err(f"co {a}->{b}: does not run forward")
    if (a, b) in seen_pairs:
        err(f"co {a}->{b}: duplicate")
    seen_pairs.add((a, b))
    linked_tasks.add(a)

for ft in gold["follow_through"]:
    if (ft["task"], ft["result"]) in {(x["task"], x["result"]) for x in gold["follow_through"] if x is not ft}:
        err(f"duplicate ft {ft['task']}->{ft['result']}")

gaps = set(gold["gaps"])
if len(gaps) != len(gold["gaps"]):
    err("duplicate gap ids")
targets = {co["to"] for co in gold["carry_over"]}
for g in gaps:
    if g not in items or items[g]["kind"] != "tasks":
        err(f"gap {g} is not a task"); continue
    if g in linked_tasks:
        err(f"gap {g} has an outgoing link")
    if items[g]["file"] == last_doc[unit_of(g)]:
        err(f"gap {g} is right-censored")

for iid, it in items.items():
    if it["kind"] != "tasks":
        continue
    if it["file"] == last_doc[unit_of(iid)]:
        continue
    if iid not in linked_tasks and iid not in gaps:
        err(f"task {iid} has no follow-through, carry-over or gap")

for pair in gold.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in items for p in pair):
        err(f"decoy {pair}: unknown id"); continue
    if unit_of(pair[0]) == unit_of(pair[1]):
        err(f"decoy {pair}: same unit")

for d in docs:
    nt = sum(1 for i in gold["tasks"] if i["file"] == d["file"])
    nr = sum(1 for i in gold["results"] if i["file"] == d["file"])
    if not 10 <= nt <= 16:
        err(f"{d['file']}: {nt} tasks")
    if not 8 <= nr <= 16:
        err(f"{d['file']}: {nr} results")

print(f"documents {len(docs)}, tasks {len(gold['tasks'])}, results {len(gold['results'])}, "
      f"follow_through {len(gold['follow_through'])}, carry_over {len(gold['carry_over'])}, "
      f"gaps {len(gold['gaps'])}, decoys {len(gold.get('cross_unit_decoys', []))}")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    sys.exit(1)
print("OK")
