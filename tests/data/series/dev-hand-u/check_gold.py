#!/usr/bin/env python3
"""Check gold.json against the documents in this folder.

Checks: every text is an exact, unique substring of its NFC file and stops
before the final full stop; ids are unique; periods agree with the document
metadata; follow-through and carry-over links stay within one unit and run
forward in time; statuses/kinds are valid; gaps have no links and are not
right-censored; every non-censored task has a follow-through, a carry-over or
a gap; item boundaries look like whole bullets or sentences.
Prints problems and exits 1 if there are any.
"""
import json, os, re, sys, unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
problems = []
def bad(msg):
    problems.append(msg)

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"):
    if key not in gold:
        bad(f"missing key {key}")

docs = {d["file"]: d for d in gold["documents"]}
texts = {}
for fn in docs:
    p = os.path.join(HERE, fn)
    if not os.path.exists(p):
        bad(f"missing file {fn}"); continue
    raw = open(p, "rb").read()
    try:
        s = raw.decode("utf-8")
    except UnicodeDecodeError:
        bad(f"{fn}: not UTF-8"); continue
    if unicodedata.normalize("NFC", s) != s:
        bad(f"{fn}: not NFC")
    if "{{" in s or "}}" in s:
        bad(f"{fn}: leftover tag")
    texts[fn] = s

# document order within unit
unit_docs = defaultdict(list)
for d in gold["documents"]:
    unit_docs[d["unit"]].append(d)
order = {}
last_doc = {}
for u, ds in unit_docs.items():
    ds.sort(key=lambda d: d["planned_period"])
    for i, d in enumerate(ds):
        order[d["file"]] = i
    last_doc[u] = ds[-1]["file"]

items = {}
ids = Counter()
MARK = re.compile(r"^\s*(?:[-+•]|\d+\.|[a-zđ]\)|\(\d+\))\s*$")
for kind in ("tasks", "results"):
    for it in gold[kind]:
        ids[it["id"]] += 1
        items[it["id"]] = (kind, it)
        fn, t = it["file"], it["text"]
        if fn not in docs:
            bad(f"{it['id']}: unknown file {fn}"); continue
        if unicodedata.normalize("NFC", t) != t:
            bad(f"{it['id']}: text not NFC")
        s = texts.get(fn, "")
        n = s.count(t)
        if n != 1:
            bad(f"{it['id']}: text occurs {n} times in {fn}")
            continue
        if t.endswith(".") or t.endswith(";") or t != t.strip():
            bad(f"{it['id']}: text has trailing stop/space")
        pos = s.index(t)
        after = s[pos + len(t): pos + len(t) + 1]
        if after not in (".", ";"):
            bad(f"{it['id']}: text not followed by a stop (got {after!r})")
        line_start = s.rfind("\n", 0, pos) + 1
        before = s[line_start:pos]
        if not (before == "" or MARK.match(before) or before.endswith(". ")):
            bad(f"{it['id']}: item does not start a bullet/sentence (prefix {before[-20:]!r})")
        d = docs[fn]
        if kind == "tasks" and it["period"] != d["planned_period"]:
            bad(f"{it['id']}: task period {it['period']} != planned {d['planned_period']}")
        if kind == "results" and it["period"] not in d["reported_months"]:
            bad(f"{it['id']}: result period {it['period']} not in reported months")
for i, c in ids.items():
    if c > 1:
        bad(f"duplicate id {i}")

def unit_of(i):
    return docs[items[i][1]["file"]]["unit"]

ft_from = defaultdict(list)
for l in gold["follow_through"]:
    t, r = l["task"], l["result"]
    if t not in items or items[t][0] != "tasks":
        bad(f"FT: {t} is not a task"); continue
    if r not in items or items[r][0] != "results":
        bad(f"FT: {r} is not a result"); continue
    if l["status"] not in ("done", "partial"):
        bad(f"FT {t}->{r}: bad status {l['status']}")
    if unit_of(t) != unit_of(r):
        bad(f"FT {t}->{r}: crosses units")
    if order[items[r][1]["file"]] <= order[items[t][1]["file"]]:
        bad(f"FT {t}->{r}: does not run forward")
    if items[r][1]["period"] != items[t][1]["period"]:
        bad(f"FT {t}->{r}: result reports {items[r][1]['period']}, task planned {items[t][1]['period']}")
    ft_from[t].append(r)
pairs = Counter((l["task"], l["result"]) for l in gold["follow_through"])
for p, c in pairs.items():
    if c > 1:
        bad(f"FT duplicate {p}")

co_from = defaultdict(list)
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in gold["carry_over"]:
    a, b = l["from"], l["to"]
    if a not in items or items[a][0] != "tasks" or b not in items or items[b][0] != "tasks":
        bad(f"CO {a}->{b}: not tasks"); continue
    if l["kind"] not in KINDS:
        bad(f"CO {a}->{b}: bad kind {l['kind']}")
    if unit_of(a) != unit_of(b):
        bad(f"CO {a}->{b}: crosses units")
    if order[items[b][1]["file"]] <= order[items[a][1]["file"]]:
        bad(f"CO {a}->{b}: does not run forward")
    co_from[a].append(b)
pairs = Counter((l["from"], l["to"]) for l in gold["carry_over"])
for p, c in pairs.items():
    if c > 1:
        bad(f"CO duplicate {p}")

gaps = set(gold["gaps"])
if len(gaps) != len(gold["gaps"]):
    bad("duplicate gap")
for g in gaps:
    if g not in items or items[g][0] != "tasks":
        bad(f"gap {g} is not a task"); continue
    if ft_from[g] or co_from[g]:
        bad(f"gap {g} has links")
    if items[g][1]["file"] == last_doc[unit_of(g)]:
        bad(f"gap {g} is right-censored")

for i, (kind, it) in items.items():
    if kind != "tasks":
        continue
    if it["file"] == last_doc[docs[it["file"]]["unit"]]:
        if ft_from[i] or co_from[i]:
            bad(f"censored task {i} has outgoing links")
        continue
    if not (ft_from[i] or co_from[i] or i in gaps):
        bad(f"task {i} has no follow-through, carry-over or gap")

for pair in gold["cross_unit_decoys"]:
    if len(pair) != 2 or any(x not in items for x in pair):
        bad(f"bad decoy {pair}")

# counts
per = defaultdict(lambda: [0, 0])
for kind, it in items.values():
    per[it["file"]][0 if kind == "tasks" else 1] += 1
for fn in sorted(per):
    print(f"{fn}: tasks {per[fn][0]}, results {per[fn][1]}")
print(f"tasks {len(gold['tasks'])}, results {len(gold['results'])}, follow_through {len(gold['follow_through'])}"
      f" (done {sum(l['status']=='done' for l in gold['follow_through'])}, partial {sum(l['status']=='partial' for l in gold['follow_through'])}),"
      f" carry_over {len(gold['carry_over'])} {dict(Counter(l['kind'] for l in gold['carry_over']))}, gaps {len(gaps)}")
if problems:
    print("\n".join("PROBLEM: " + p for p in problems))
    sys.exit(1)
print("OK: no problems")
