#!/usr/bin/env python3
"""Check gold.json of this monthly series against its documents and the annotation rules.

Prints OK when everything holds; otherwise lists the problems and exits 1.
Warnings (word-set overlap between distinct items) are printed but do not fail.
"""
import json, os, re, sys, unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors, warnings = [], []
def err(m): errors.append(m)

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in gold:
        err(f"missing key {key}")
if errors:
    print("\n".join(errors)); sys.exit(1)

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")

# ---- documents
docs, texts = {}, {}
for i, d in enumerate(gold["documents"]):
    f = d.get("file")
    if f in docs: err(f"document {f} listed twice")
    for k in ("file", "unit", "reported_months", "planned_period"):
        if k not in d: err(f"document {f}: missing {k}")
    m = FNAME.match(f or "")
    if not m: err(f"document {f}: name not <unit-slug>_<YYYY-MM>.txt")
    if not MONTH.match(d.get("planned_period", "")): err(f"{f}: bad planned_period")
    if not d.get("reported_months") or not all(MONTH.match(x) for x in d["reported_months"]):
        err(f"{f}: bad reported_months")
    elif max(d["reported_months"]) >= d["planned_period"]:
        err(f"{f}: reported months must precede planned period")
    path = os.path.join(HERE, f)
    if not os.path.exists(path):
        err(f"{f}: file missing"); continue
    raw = open(path, encoding="utf-8").read()
    if unicodedata.normalize("NFC", raw) != raw: err(f"{f}: file is not NFC")
    texts[f] = unicodedata.normalize("NFC", raw)
    docs[f] = d
txt_on_disk = sorted(x for x in os.listdir(HERE) if x.endswith(".txt"))
if sorted(docs) != txt_on_disk: err(f"documents {sorted(docs)} != .txt files {txt_on_disk}")

# order of documents per unit, by planned period
by_unit = defaultdict(list)
for f, d in docs.items(): by_unit[d["unit"]].append(f)
for u in by_unit: by_unit[u].sort(key=lambda f: docs[f]["planned_period"])
pos = {f: by_unit[docs[f]["unit"]].index(f) for f in docs}
last_doc = {u: fs[-1] for u, fs in by_unit.items()}
# reported months of consecutive documents of a unit must not overlap
for u, fs in by_unit.items():
    seen = set()
    for f in fs:
        for mth in docs[f]["reported_months"]:
            if mth in seen: err(f"{u}: month {mth} reported twice")
            seen.add(mth)

# ---- items
items = {}
def check_item(it, kind):
    for k in ("id", "file", "period", "text"):
        if k not in it: err(f"{kind} {it}: missing {k}"); return
    if it["id"] in items: err(f"duplicate id {it['id']}")
    items[it["id"]] = dict(it, kind=kind)
    f = it["file"]
    if f not in docs: err(f"{it['id']}: unknown file {f}"); return
    t = it["text"]
    if unicodedata.normalize("NFC", t) != t: err(f"{it['id']}: text not NFC")
    if t != t.strip() or not t: err(f"{it['id']}: empty or untrimmed text")
    if "\n" in t or "\t" in t or "|" in t: err(f"{it['id']}: text spans cells/lines")
    n = texts[f].count(t)
    if n != 1: err(f"{it['id']}: text occurs {n} times in {f}: {t!r}")
    if kind == "task" and it["period"] != docs[f]["planned_period"]:
        err(f"{it['id']}: period {it['period']} != planned period of {f}")
    if kind == "result" and it["period"] not in docs[f]["reported_months"]:
        err(f"{it['id']}: period {it['period']} not reported in {f}")
for t in gold["tasks"]: check_item(t, "task")
for r in gold["results"]: check_item(r, "result")

# counts per document (10-18 tasks, 10-18 results)
tc = Counter(t["file"] for t in gold["tasks"]); rc = Counter(r["file"] for r in gold["results"])
for f in docs:
    if not 10 <= tc[f] <= 18: err(f"{f}: {tc[f]} tasks (want 10-18)")
    if not 10 <= rc[f] <= 18: err(f"{f}: {rc[f]} results (want 10-18)")

def is_task(i): return i in items and items[i]["kind"] == "task"
def is_result(i): return i in items and items[i]["kind"] == "result"
def unit(i): return docs[items[i]["file"]]["unit"]

# ---- follow-through
ft_pairs = set()
for l in gold["follow_through"]:
    t, r, s = l.get("task"), l.get("result"), l.get("status")
    if not is_task(t) or not is_result(r): err(f"follow_through {l}: unknown task/result"); continue
    if s not in ("done", "partial"): err(f"follow_through {l}: status must be done|partial")
    if (t, r) in ft_pairs: err(f"follow_through {l}: duplicate")
    ft_pairs.add((t, r))
    if unit(t) != unit(r): err(f"follow_through {l}: crosses units")
    ft, fr = items[t]["file"], items[r]["file"]
    if pos[fr] <= pos[ft]: err(f"follow_through {l}: result not in a later document")
    if items[r]["period"] < items[t]["period"]: err(f"follow_through {l}: result reports a month before the task's")
    # the result must be in the first later document that reports on the task's month or after it
    first = next((g for g in by_unit[unit(t)][pos[ft] + 1:]
                  if max(docs[g]["reported_months"]) >= items[t]["period"]), None)
    if fr != first: err(f"follow_through {l}: result not in the first document reporting on {items[t]['period']}")

# ---- carry-over
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
co_pairs = set()
for l in gold["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if not is_task(a) or not is_task(b): err(f"carry_over {l}: unknown task"); continue
    if k not in KINDS: err(f"carry_over {l}: bad kind")
    if (a, b) in co_pairs: err(f"carry_over {l}: duplicate")
    co_pairs.add((a, b))
    if unit(a) != unit(b): err(f"carry_over {l}: crosses units")
    if pos[items[b]["file"]] <= pos[items[a]["file"]]: err(f"carry_over {l}: target not in a later document")
    if items[b]["period"] <= items[a]["period"]: err(f"carry_over {l}: target period not later")
for l in gold["carry_over"]:
    if l.get("kind") == "split" and sum(1 for m in gold["carry_over"] if m["from"] == l["from"] and m.get("kind") == "split") < 2:
        err(f"carry_over {l}: a split needs at least two targets")

# ---- gaps: exactly the tasks with neither link, outside the last document of their unit
linked = {t for t, _ in ft_pairs} | {a for a, _ in co_pairs}
gaps = gold["gaps"]
if len(set(gaps)) != len(gaps): err("duplicate gap ids")
for g in gaps:
    if not is_task(g): err(f"gap {g}: unknown task"); continue
    if items[g]["file"] == last_doc[unit(g)]: err(f"gap {g}: task of the last document (right-censored)")
    if g in linked: err(f"gap {g}: has a follow-through or carry-over")
expected = {t["id"] for t in gold["tasks"]
            if t["id"] not in linked and t["file"] != last_doc[docs[t["file"]]["unit"]]}
for t in sorted(expected - set(gaps)): err(f"task {t} has no link and is not listed as a gap")

# ---- cross-unit decoys
for pair in gold.get("cross_unit_decoys", []):
    if len(pair) != 2 or not all(p in items for p in pair): err(f"decoy {pair}: unknown ids"); continue
    a, b = pair
    if unit(a) == unit(b): err(f"decoy {pair}: same unit")
    if (a, b) in ft_pairs | co_pairs or (b, a) in ft_pairs | co_pairs: err(f"decoy {pair}: is linked")

# ---- warnings: near-identical wording between distinct items (accent-folded word sets)
def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return set(re.findall(r"\w+", s))
ids = list(items)
for i, a in enumerate(ids):
    wa = fold(items[a]["text"])
    for b in ids[i + 1:]:
        wb = fold(items[b]["text"])
        j = len(wa & wb) / len(wa | wb)
        if j >= 0.6:
            warnings.append(f"overlap {j:.2f}: {a} ~ {b}")
# a linked result must not copy its task
for t, r in ft_pairs:
    if items[t]["text"] == items[r]["text"]: err(f"{r} copies task {t}")

for w in warnings: print("warning:", w)
if errors:
    print("\n".join(errors)); print(f"{len(errors)} problem(s)"); sys.exit(1)
print(f"documents {len(docs)}, tasks {len(gold['tasks'])}, results {len(gold['results'])}, "
      f"follow-through {len(ft_pairs)}, carry-over {len(co_pairs)}, gaps {len(gaps)}")
print("OK")
