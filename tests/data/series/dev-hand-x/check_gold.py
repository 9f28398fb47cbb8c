#!/usr/bin/env python3
"""Check gold.json against the series documents in this folder.

Checks: files exist, are UTF-8 and NFC; every item text is an exact, unique substring
of its file, has no surrounding whitespace and no final full stop; ids are unique;
periods agree with the documents; items do not overlap; links point to known ids of
the right kind and run forward (earlier document -> later document, period order);
statuses/kinds are valid; gaps have no outgoing links and are not censored; every
task outside the last document has a follow-through, a carry-over or a gap; no stray
.txt at the top level.  Exit code 1 on any problem.
"""
import json, sys, unicodedata, pathlib, collections

HERE = pathlib.Path(__file__).resolve().parent
errors = []
def err(msg):
    errors.append(msg)

gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"):
    if key not in gold:
        err(f"missing key {key}")

docs = gold["documents"]
order = {}
texts = {}
for i, d in enumerate(docs):
    f = d["file"]
    order[f] = i
    p = HERE / f
    if not p.exists():
        err(f"missing file {f}"); continue
    raw = p.read_bytes()
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{f}: not UTF-8"); continue
    if unicodedata.normalize("NFC", t) != t:
        err(f"{f}: not NFC")
    if "\r" in t:
        err(f"{f}: CR characters")
    texts[f] = t
    for k in ("unit", "reported_months", "planned_period"):
        if k not in d:
            err(f"{f}: document lacks {k}")
# documents in chronological order of planned period
pp = [d["planned_period"] for d in docs]
if pp != sorted(pp):
    err("documents not in planned-period order")
units = {d["unit"] for d in docs}
if len(units) != 1:
    err(f"more than one unit: {units}")

top_txt = sorted(x.name for x in HERE.glob("*.txt"))
if top_txt != sorted(order):
    err(f"stray or missing .txt at top level: {top_txt}")

ids = collections.Counter()
items = {}
spans = collections.defaultdict(list)
for kind, lst in (("task", gold["tasks"]), ("result", gold["results"])):
    for it in lst:
        iid, f, text = it["id"], it["file"], it["text"]
        ids[iid] += 1
        items[iid] = dict(it, kind=kind)
        if f not in texts:
            err(f"{iid}: unknown file {f}"); continue
        doc = [d for d in docs if d["file"] == f][0]
        if kind == "task" and it["period"] != doc["planned_period"]:
            err(f"{iid}: period {it['period']} != planned {doc['planned_period']}")
        if kind == "result" and it["period"] not in doc["reported_months"]:
            err(f"{iid}: period {it['period']} not in reported {doc['reported_months']}")
        if unicodedata.normalize("NFC", text) != text:
            err(f"{iid}: text not NFC")
        if text != text.strip():
            err(f"{iid}: surrounding whitespace")
        if text.endswith(".") or text.endswith(";"):
            err(f"{iid}: ends with final punctuation")
        n = texts[f].count(text)
        if n != 1:
            err(f"{iid}: text occurs {n} times in {f}")
        else:
            s = texts[f].index(text)
            spans[f].append((s, s + len(text), iid))
for iid, n in ids.items():
    if n > 1:
        err(f"duplicate id {iid}")
for f, sp in spans.items():
    sp.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
        if a2 < b1:
            err(f"{f}: items {i1} and {i2} overlap")
    # items must not cross a line (one paragraph per line)
    for a, b, i in sp:
        if "\n" in texts[f][a:b]:
            err(f"{i}: text crosses a line break")

def is_task(i): return i in items and items[i]["kind"] == "task"
def is_result(i): return i in items and items[i]["kind"] == "result"

last = docs[-1]["file"]
has_ft, has_co = set(), set()
seen_ft = set()
for l in gold["follow_through"]:
    t, r, s = l["task"], l["result"], l["status"]
    if not is_task(t): err(f"FT: {t} is not a task")
    if not is_result(r): err(f"FT: {r} is not a result")
    if s not in ("done", "partial"): err(f"FT {t}->{r}: bad status {s}")
    if (t, r) in seen_ft: err(f"FT duplicate {t}->{r}")
    seen_ft.add((t, r))
    if is_task(t) and is_result(r):
        if order[items[r]["file"]] <= order[items[t]["file"]]:
            err(f"FT {t}->{r} does not run forward")
        if items[r]["period"] < items[t]["period"]:
            err(f"FT {t}->{r}: result period before task period")
    has_ft.add(t)
seen_co = set()
for l in gold["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if not is_task(a) or not is_task(b): err(f"CO {a}->{b}: not tasks")
    if k not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
        err(f"CO {a}->{b}: bad kind {k}")
    if (a, b) in seen_co: err(f"CO duplicate {a}->{b}")
    seen_co.add((a, b))
    if is_task(a) and is_task(b) and order[items[b]["file"]] <= order[items[a]["file"]]:
        err(f"CO {a}->{b} does not run forward")
    has_co.add(a)
split_from = collections.Counter(l["from"] for l in gold["carry_over"] if l["kind"] == "split")
for a, n in split_from.items():
    if n < 2:
        err(f"split from {a} has only {n} target")
gaps = gold["gaps"]
if len(gaps) != len(set(gaps)): err("duplicate gap ids")
for g in gaps:
    if not is_task(g): err(f"gap {g} is not a task")
    elif items[g]["file"] == last: err(f"gap {g} is right-censored")
    if g in has_ft or g in has_co: err(f"gap {g} has links")
for iid, it in items.items():
    if it["kind"] == "task" and it["file"] != last:
        if iid not in has_ft and iid not in has_co and iid not in gaps:
            err(f"task {iid} has no follow-through, carry-over or gap")
if gold.get("cross_unit_decoys") != []:
    err("cross_unit_decoys should be []")

# per-document counts
for d in docs:
    nt = sum(1 for t in gold["tasks"] if t["file"] == d["file"])
    nr = sum(1 for r in gold["results"] if r["file"] == d["file"])
    print(f"{d['file']}: {nt} tasks, {nr} results")
    if not (12 <= nt <= 18): err(f"{d['file']}: task count {nt} outside 12-18")
    if not (10 <= nr <= 18): err(f"{d['file']}: result count {nr} outside 10-18")
print(f"tasks {len(gold['tasks'])}, results {len(gold['results'])}, follow_through {len(gold['follow_through'])}, "
      f"carry_over {len(gold['carry_over'])}, gaps {len(gaps)}")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    sys.exit(1)
print("OK")
