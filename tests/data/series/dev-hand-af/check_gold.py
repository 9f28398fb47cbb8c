"""Verifies gold.json against the series in this folder (rules of ANNOTATION.md and tools/README.md).
Prints OK when every check passes, otherwise the list of problems."""
import json, os, re, sys, unicodedata
from itertools import combinations

HERE = os.path.dirname(os.path.abspath(__file__))
errs = []
def err(m): errs.append(m)

g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for key in ["documents", "tasks", "results", "follow_through", "carry_over", "gaps"]:
    if key not in g: err(f"missing key {key}")

# --- documents
docs = {}
for d in g["documents"]:
    f = d["file"]
    if not re.fullmatch(r"[a-z0-9-]+_\d{4}-\d{2}\.txt", f): err(f"bad file name {f}")
    p = os.path.join(HERE, f)
    if not os.path.exists(p): err(f"missing file {f}"); continue
    raw = open(p, "rb").read()
    try: s = raw.decode("utf-8")
    except UnicodeDecodeError: err(f"{f} not UTF-8"); continue
    if unicodedata.normalize("NFC", s) != s: err(f"{f} not NFC")
    if f[-11:-4] != d["planned_period"]: err(f"{f}: name month != planned_period")
    for m in d["reported_months"]:
        if not m < d["planned_period"]: err(f"{f}: reported month {m} not before planned")
    for k in ["unit", "reported_months", "planned_period"]:
        if k not in d: err(f"{f}: no {k}")
    docs[f] = dict(d, text=s)
order = sorted(docs, key=lambda f: docs[f]["planned_period"])
rank = {f: i for i, f in enumerate(order)}
txt_files = sorted(x for x in os.listdir(HERE) if x.endswith(".txt"))
if txt_files != sorted(docs): err(f"txt files {txt_files} != documents {sorted(docs)}")

# --- items
items = {}
for kind in ["tasks", "results"]:
    for it in g[kind]:
        i = it["id"]
        if i in items: err(f"duplicate id {i}")
        items[i] = dict(it, kind=kind)
        f = it["file"]
        if f not in docs: err(f"{i}: unknown file {f}"); continue
        s, t = docs[f]["text"], it["text"]
        if unicodedata.normalize("NFC", t) != t: err(f"{i}: text not NFC")
        n = s.count(t)
        if n != 1: err(f"{i}: text occurs {n} times in {f}: {t[:60]}")
        if t != t.strip() or "\n" in t: err(f"{i}: text has whitespace/newline issues")
        if kind == "tasks" and it["period"] != docs[f]["planned_period"]:
            err(f"{i}: task period {it['period']} != planned {docs[f]['planned_period']}")
        if kind == "results" and it["period"] not in docs[f]["reported_months"]:
            err(f"{i}: result period {it['period']} not a reported month of {f}")
T = {i: v for i, v in items.items() if v["kind"] == "tasks"}
R = {i: v for i, v in items.items() if v["kind"] == "results"}

# per-document counts 10-18
for f in docs:
    nt = sum(1 for v in T.values() if v["file"] == f)
    nr = sum(1 for v in R.values() if v["file"] == f)
    if not 10 <= nt <= 18: err(f"{f}: {nt} tasks")
    if not 10 <= nr <= 18: err(f"{f}: {nr} results")

# --- follow-through
def first_reporter(task):
    """first later document of the same unit reporting the task's month"""
    u = docs[task["file"]]["unit"]
    for f in order:
        if rank[f] > rank[task["file"]] and docs[f]["unit"] == u and task["period"] in docs[f]["reported_months"]:
            return f
    return None
seen = set()
for l in g["follow_through"]:
    t, r = l["task"], l["result"]
    if (t, r) in seen: err(f"duplicate link {t}->{r}")
    seen.add((t, r))
    if t not in T or r not in R: err(f"follow_through {t}->{r}: unknown id"); continue
    if l["status"] not in ("done", "partial"): err(f"{t}->{r}: status {l['status']}")
    if docs[T[t]["file"]]["unit"] != docs[R[r]["file"]]["unit"]: err(f"{t}->{r}: cross-unit")
    if R[r]["file"] != first_reporter(T[t]): err(f"{t}->{r}: result not in first document reporting {T[t]['period']}")
    if R[r]["period"] < T[t]["period"]: err(f"{t}->{r}: result period before task period")

# --- carry-over
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
seen = set()
for l in g["carry_over"]:
    a, b = l["from"], l["to"]
    if (a, b) in seen: err(f"duplicate carry {a}->{b}")
    seen.add((a, b))
    if a not in T or b not in T: err(f"carry {a}->{b}: unknown task id"); continue
    if l["kind"] not in KINDS: err(f"carry {a}->{b}: kind {l['kind']}")
    if docs[T[a]["file"]]["unit"] != docs[T[b]["file"]]["unit"]: err(f"carry {a}->{b}: cross-unit")
    if not T[b]["period"] > T[a]["period"]: err(f"carry {a}->{b}: not later")
    if T[a]["text"] == T[b]["text"]: err(f"carry {a}->{b}: identical text (should be reworded)")
for a in {l["from"] for l in g["carry_over"] if l["kind"] == "split"}:
    if sum(1 for l in g["carry_over"] if l["from"] == a and l["kind"] == "split") < 2:
        err(f"split from {a} has only one part")

# --- gaps: exactly the silent tasks; last-document tasks right-censored
linked = {l["task"] for l in g["follow_through"]} | {l["from"] for l in g["carry_over"]}
expected = set()
for i, t in T.items():
    if first_reporter(t) is not None and i not in linked:
        expected.add(i)
gaps = set(g["gaps"])
if len(gaps) != len(g["gaps"]): err("duplicate gap ids")
for i in gaps - expected: err(f"gap {i} is linked, unknown, or right-censored")
for i in expected - gaps: err(f"silent task {i} missing from gaps")
for i in gaps:
    if i in T and first_reporter(T[i]) is None: err(f"gap {i} is right-censored")

# --- cross-unit decoys
units = {d["unit"] for d in docs.values()}
for pair in g.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in items for p in pair): err(f"decoy {pair}: bad ids"); continue
    a, b = (items[p] for p in pair)
    if docs[a["file"]]["unit"] == docs[b["file"]]["unit"]: err(f"decoy {pair}: same unit")
if len(units) == 1 and g.get("cross_unit_decoys"): err("decoys given for a one-unit series")

# --- paraphrase and within-file distinctness (accent-folded word sets)
def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return set(re.findall(r"\w+", s))
def ov(a, b):
    A, B = fold(a), fold(b)
    return len(A & B) / max(1, min(len(A), len(B)))
for l in g["follow_through"]:
    if l["task"] in T and l["result"] in R:
        t, r = T[l["task"]]["text"], R[l["result"]]["text"]
        if t in r or r in t: err(f"{l['task']}->{l['result']}: result copies the task")
        if ov(t, r) >= 0.6: err(f"{l['task']}->{l['result']}: word overlap {ov(t, r):.2f} (not paraphrased)")
for f in docs:
    its = [v for v in items.values() if v["file"] == f]
    for a, b in combinations(its, 2):
        if a["text"] in b["text"] or b["text"] in a["text"]: err(f"{a['id']}/{b['id']}: one contains the other")
        if ov(a["text"], b["text"]) >= 0.6: err(f"{a['id']}/{b['id']}: overlap {ov(a['text'], b['text']):.2f} in one file")

if errs:
    print("\n".join(errs)); print(f"{len(errs)} problem(s)"); sys.exit(1)
print(f"documents {len(docs)}, tasks {len(T)}, results {len(R)}, follow_through {len(g['follow_through'])}, "
      f"carry_over {len(g['carry_over'])}, gaps {len(gaps)}")
print("OK")
