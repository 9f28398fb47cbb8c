#!/usr/bin/env python3
"""Verify gold.json of this series against its documents. Prints OK or the list of problems.

Checks: document list and file names (<unit-slug>_<YYYY-MM>.txt, YYYY-MM = planned period),
files in NFC; unique ids; every text an exact, unique substring of its NFC file; task period =
planned period of its document, result period among its document's reported months; 10-18
tasks and 10-18 results per document; follow-through within one unit, to the first later
document that reports on the task's month, status done|partial; carry-over within one unit
to a later month, valid kind; gaps = exactly the tasks with neither link that a later
document could have answered (never tasks of a unit's last document, never pending ones);
cross-unit decoys pair existing items of two different units and are not linked; a result
is not a copy of the task it answers (accent-folded word overlap below 0.6).
"""
import json, re, sys, unicodedata, pathlib
from collections import Counter

HERE = pathlib.Path(__file__).resolve().parent
errors = []

def err(msg):
    errors.append(msg)

def fold_words(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return set(re.findall(r"\w+", s))

def overlap(a, b):
    A, B = fold_words(a), fold_words(b)
    return len(A & B) / max(1, min(len(A), len(B)))

gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in gold:
        err(f"missing key {key}")
docs = {d["file"]: d for d in gold["documents"]}
if len(docs) != len(gold["documents"]):
    err("duplicate document file")

texts = {}
unit_of_slug = {}
for f, d in docs.items():
    m = re.fullmatch(r"([a-z0-9-]+)_(\d{4}-\d{2})\.txt", f)
    if not m:
        err(f"bad file name {f}")
        continue
    slug, ym = m.groups()
    if ym != d["planned_period"]:
        err(f"{f}: name month {ym} != planned_period {d['planned_period']}")
    if unit_of_slug.setdefault(slug, d["unit"]) != d["unit"]:
        err(f"{f}: unit differs from other files of slug {slug}")
    for rm in d["reported_months"]:
        if rm >= d["planned_period"]:
            err(f"{f}: reported month {rm} not before planned period")
    p = HERE / f
    if not p.exists():
        err(f"missing file {f}")
        continue
    raw = p.read_text(encoding="utf-8")
    if unicodedata.normalize("NFC", raw) != raw:
        err(f"{f} is not NFC")
    texts[f] = unicodedata.normalize("NFC", raw)
# every .txt in the folder is a listed document
for p in HERE.glob("*.txt"):
    if p.name not in docs:
        err(f"unlisted document {p.name}")

items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        iid = it["id"]
        if iid in items:
            err(f"duplicate id {iid}")
        items[iid] = dict(it, kind=kind)
        f = it["file"]
        if f not in docs:
            err(f"{iid}: unknown file {f}")
            continue
        t = it["text"]
        if not t.strip():
            err(f"{iid}: empty text")
        if unicodedata.normalize("NFC", t) != t:
            err(f"{iid}: text not NFC")
        if f in texts:
            n = texts[f].count(t)
            if n != 1:
                err(f"{iid}: text occurs {n} times in {f}")
        if kind == "tasks" and it["period"] != docs[f]["planned_period"]:
            err(f"{iid}: task period {it['period']} != planned period of {f}")
        if kind == "results" and it["period"] not in docs[f]["reported_months"]:
            err(f"{iid}: result period {it['period']} not reported by {f}")

for f in docs:
    nt = sum(1 for i in gold["tasks"] if i["file"] == f)
    nr = sum(1 for i in gold["results"] if i["file"] == f)
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks (want 10-18)")
    if not 10 <= nr <= 18:
        err(f"{f}: {nr} results (want 10-18)")

def unit(iid):
    return docs[items[iid]["file"]]["unit"]

def docs_of_unit(u):
    return sorted((d for d in docs.values() if d["unit"] == u), key=lambda d: d["planned_period"])

def first_reporting_doc(task):
    u, per, f = unit(task), items[task]["period"], items[task]["file"]
    for d in docs_of_unit(u):
        if d["planned_period"] > docs[f]["planned_period"] and per in d["reported_months"]:
            return d["file"]
    return None

ft_tasks, co_from = set(), set()
seen = set()
for link in gold["follow_through"]:
    t, r, s = link["task"], link["result"], link["status"]
    if (t, r) in seen:
        err(f"duplicate follow-through {t}->{r}")
    seen.add((t, r))
    if items.get(t, {}).get("kind") != "tasks" or items.get(r, {}).get("kind") != "results":
        err(f"follow-through {t}->{r}: bad ids")
        continue
    if s not in ("done", "partial"):
        err(f"follow-through {t}->{r}: status {s}")
    if unit(t) != unit(r):
        err(f"follow-through {t}->{r} crosses units")
    want = first_reporting_doc(t)
    if items[r]["file"] != want:
        err(f"follow-through {t}->{r}: result in {items[r]['file']}, expected {want}")
    if items[r]["period"] < items[t]["period"]:
        err(f"follow-through {t}->{r}: result period before task period")
    o = overlap(items[t]["text"], items[r]["text"])
    if o >= 0.6:
        err(f"follow-through {t}->{r}: result copies task (overlap {o:.2f})")
    ft_tasks.add(t)

KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
seen = set()
for link in gold["carry_over"]:
    a, b, k = link["from"], link["to"], link["kind"]
    if (a, b) in seen:
        err(f"duplicate carry-over {a}->{b}")
    seen.add((a, b))
    if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
        err(f"carry-over {a}->{b}: bad ids")
        continue
    if k not in KINDS:
        err(f"carry-over {a}->{b}: kind {k}")
    if unit(a) != unit(b):
        err(f"carry-over {a}->{b} crosses units")
    if items[b]["period"] <= items[a]["period"]:
        err(f"carry-over {a}->{b}: not to a later month")
    co_from.add(a)

gaps = set(gold["gaps"])
if len(gaps) != len(gold["gaps"]):
    err("duplicate gap ids")
for g in gaps:
    if items.get(g, {}).get("kind") != "tasks":
        err(f"gap {g}: not a task")
expected_gaps = set()
for t in (i["id"] for i in gold["tasks"]):
    last = docs_of_unit(unit(t))[-1]["file"]
    if items[t]["file"] == last:
        if t in gaps:
            err(f"gap {t} is in the last document of its unit (right-censored)")
        continue
    if first_reporting_doc(t) is None:
        if t in gaps:
            err(f"gap {t} is pending (no later document reports on its month)")
        continue
    if t not in ft_tasks and t not in co_from:
        expected_gaps.add(t)
for t in sorted(expected_gaps - gaps):
    err(f"task {t} has no link but is not listed as a gap")
for t in sorted(gaps - expected_gaps):
    if t in items and (t in ft_tasks or t in co_from):
        err(f"gap {t} has a link")

linked = {(l["task"], l["result"]) for l in gold["follow_through"]}
linked |= {(l["from"], l["to"]) for l in gold["carry_over"]}
for pair in gold.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in items for p in pair):
        err(f"decoy {pair}: bad ids")
        continue
    a, b = pair
    if unit(a) == unit(b):
        err(f"decoy {pair}: same unit")
    if (a, b) in linked or (b, a) in linked:
        err(f"decoy {pair} is linked")

if errors:
    print("\n".join(errors))
    print(f"{len(errors)} problem(s)")
    sys.exit(1)
print(f"documents {len(docs)}, tasks {len(gold['tasks'])}, results {len(gold['results'])}, "
      f"follow-through {len(gold['follow_through'])}, carry-over {len(gold['carry_over'])}, "
      f"gaps {len(gaps)}, decoys {len(gold.get('cross_unit_decoys', []))}")
print("OK")
