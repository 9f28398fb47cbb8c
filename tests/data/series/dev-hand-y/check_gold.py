#!/usr/bin/env python3
"""Check gold.json against the series files in this folder.

Checks: files exist, UTF-8, NFC, one paragraph per line; every item text is an exact substring of
its file, occurs once, stops before the final full stop; ids unique; task/result periods agree with
the document; follow-through and carry-over run forward inside one unit; gaps have no outgoing link
and are not in the last document of a unit; every task outside the last document of its unit has a
follow-through, a carry-over or a gap; right-censored tasks carry no outgoing link; decoys pair
existing items of different units; 10-16 tasks and 8-16 results per document; no *.txt at top level
other than the series documents.
"""
import glob, json, os, sys, unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
docs = {d["file"]: d for d in gold["documents"]}
for k in ("file", "unit", "reported_months", "planned_period"):
    for d in gold["documents"]:
        if k not in d:
            err(f"document {d} lacks {k}")

texts = {}
for f in docs:
    p = os.path.join(HERE, f)
    if not os.path.exists(p):
        err(f"missing file {f}"); continue
    raw = open(p, "rb").read()
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{f}: not UTF-8"); continue
    if unicodedata.normalize("NFC", t) != t:
        err(f"{f}: not NFC")
    if "\r" in t:
        err(f"{f}: CR characters")
    if "⟦" in t or "⟧" in t:
        err(f"{f}: leftover template markers")
    texts[f] = t

top_txt = {os.path.basename(x) for x in glob.glob(os.path.join(HERE, "*.txt"))}
if top_txt != set(docs):
    err(f"top-level .txt files differ from documents: {sorted(top_txt ^ set(docs))}")

# unit order: documents of one unit ordered by planned_period
unit_docs = {}
for d in gold["documents"]:
    unit_docs.setdefault(d["unit"], []).append(d)
order = {}
last_file = {}
for u, ds in unit_docs.items():
    ds.sort(key=lambda d: d["planned_period"])
    for i, d in enumerate(ds):
        order[d["file"]] = i
    last_file[u] = ds[-1]["file"]

items = {}
ids = Counter(x["id"] for x in gold["tasks"] + gold["results"])
for i, c in ids.items():
    if c > 1:
        err(f"duplicate id {i}")
for kind in ("tasks", "results"):
    for it in gold[kind]:
        items[it["id"]] = (kind, it)
        f = it["file"]
        if f not in docs:
            err(f"{it['id']}: unknown file {f}"); continue
        t = texts.get(f, "")
        s = it["text"]
        if unicodedata.normalize("NFC", s) != s:
            err(f"{it['id']}: text not NFC")
        n = t.count(s)
        if n != 1:
            err(f"{it['id']}: text occurs {n} times in {f}")
        if s != s.strip() or s.endswith(".") or "\n" in s:
            err(f"{it['id']}: text has edge whitespace, final full stop or newline")
        pos = t.find(s)
        if pos >= 0:
            after = t[pos + len(s): pos + len(s) + 1]
            if after not in (".", ";", "\n", ""):
                err(f"{it['id']}: item text does not end at item end (next char {after!r})")
        d = docs[f]
        if kind == "tasks" and it["period"] != d["planned_period"]:
            err(f"{it['id']}: task period {it['period']} != planned {d['planned_period']}")
        if kind == "results" and it["period"] not in d["reported_months"]:
            err(f"{it['id']}: result period {it['period']} not in {d['reported_months']}")

per_doc = Counter((it["file"], k) for k in ("tasks", "results") for it in gold[k])
for f in docs:
    nt, nr = per_doc[(f, "tasks")], per_doc[(f, "results")]
    if not 10 <= nt <= 16:
        err(f"{f}: {nt} tasks (want 10-16)")
    if not 8 <= nr <= 16:
        err(f"{f}: {nr} results (want 8-16)")


def unit_of(i):
    return docs[items[i][1]["file"]]["unit"]


def forward(a, b):
    fa, fb = items[a][1]["file"], items[b][1]["file"]
    return unit_of(a) == unit_of(b) and order[fb] > order[fa]


out_links = Counter()
seen = set()
for l in gold["follow_through"]:
    t, r, s = l["task"], l["result"], l["status"]
    if (t, r) in seen:
        err(f"duplicate follow-through {t}->{r}")
    seen.add((t, r))
    if t not in items or items[t][0] != "tasks":
        err(f"follow-through: {t} is not a task"); continue
    if r not in items or items[r][0] != "results":
        err(f"follow-through: {r} is not a result"); continue
    if s not in ("done", "partial", "progress"):
        err(f"follow-through {t}->{r}: bad status {s}")
    if not forward(t, r):
        err(f"follow-through {t}->{r}: not forward within one unit")
    if items[r][1]["period"] < items[t][1]["period"]:
        err(f"follow-through {t}->{r}: result period before task period")
    out_links[t] += 1
for l in gold["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if (a, b) in seen:
        err(f"duplicate carry-over {a}->{b}")
    seen.add((a, b))
    for x in (a, b):
        if x not in items or items[x][0] != "tasks":
            err(f"carry-over: {x} is not a task")
    if a not in items or b not in items:
        continue
    if k not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
        err(f"carry-over {a}->{b}: bad kind {k}")
    if not forward(a, b):
        err(f"carry-over {a}->{b}: not forward within one unit")
    out_links[a] += 1

gaps = gold["gaps"]
if len(set(gaps)) != len(gaps):
    err("duplicate gap ids")
for g in gaps:
    if g not in items or items[g][0] != "tasks":
        err(f"gap {g} is not a task"); continue
    if out_links[g]:
        err(f"gap {g} has links")
    if items[g][1]["file"] == last_file[unit_of(g)]:
        err(f"gap {g} is in the last document of its unit (right-censored)")

for it in gold["tasks"]:
    censored = it["file"] == last_file[docs[it["file"]]["unit"]]
    if censored:
        if out_links[it["id"]]:
            err(f"{it['id']}: right-censored task has outgoing links")
    elif not out_links[it["id"]] and it["id"] not in gaps:
        err(f"{it['id']}: no follow-through, carry-over or gap")

for pair in gold.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in items for p in pair):
        err(f"decoy {pair}: unknown id"); continue
    if unit_of(pair[0]) == unit_of(pair[1]):
        err(f"decoy {pair}: same unit")

for e in errors:
    print("ERROR:", e)
print(f"{len(gold['documents'])} documents, {len(gold['tasks'])} tasks, {len(gold['results'])} results, "
      f"{len(gold['follow_through'])} follow-through, {len(gold['carry_over'])} carry-over, "
      f"{len(gaps)} gaps, {len(gold.get('cross_unit_decoys', []))} decoys")
print("OK" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)
