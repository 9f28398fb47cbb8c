"""Verifies gold.json against the documents of this folder and the annotation rules.
Prints OK when every check passes; otherwise lists the problems and exits 1."""
import json, os, re, sys, unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
errs = []
def err(*a): errs.append(" ".join(str(x) for x in a))

for k in ["documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"]:
    if k not in g: err("missing key", k)

# documents
texts, doc, unit_docs = {}, {}, defaultdict(list)
for d in g["documents"]:
    f = d["file"]
    if not re.fullmatch(r"[a-z0-9-]+_\d{4}-\d{2}\.txt", f): err("bad file name", f)
    p = os.path.join(HERE, f)
    if not os.path.exists(p): err("missing file", f); continue
    raw = open(p, "rb").read()
    t = raw.decode("utf-8")
    if unicodedata.normalize("NFC", t) != t: err("not NFC", f)
    texts[f] = t
    for k in ["unit", "reported_months", "planned_period"]:
        if k not in d: err("doc lacks", k, f)
    if f[-11:-4] != d["planned_period"]: err("file month != planned_period", f)
    doc[f] = d
    unit_docs[d["unit"]].append(f)
for f in os.listdir(HERE):
    if f.endswith(".txt") and f not in doc: err("document not listed in gold", f)
order = {}
for u, fs in unit_docs.items():
    fs.sort(key=lambda f: doc[f]["planned_period"])
    for i, f in enumerate(fs): order[f] = i
    slugs = {f.split("_")[0] for f in fs}
    if len(slugs) != 1: err("unit with several slugs", u, slugs)
if len(unit_docs) != 2: err("expected two units, got", len(unit_docs))
for u, fs in unit_docs.items():
    if len(fs) != 5: err("unit", u, "has", len(fs), "documents")
    pp = [doc[f]["planned_period"] for f in fs]
    ys = [int(p[:4]) * 12 + int(p[5:]) for p in pp]
    if any(b - a != 1 for a, b in zip(ys, ys[1:])): err("non-consecutive months", u, pp)
quarters = [f for f in doc if len(doc[f]["reported_months"]) == 3]
if len(quarters) != 1: err("expected exactly one quarter report, got", quarters)

# items
items = {}
for kind in ["tasks", "results"]:
    for it in g[kind]:
        i = it["id"]
        if i in items: err("duplicate id", i)
        items[i] = dict(it, kind=kind)
        f = it["file"]
        if f not in texts: err("item in unknown file", i, f); continue
        s = it["text"]
        if not s.strip(): err("empty text", i); continue
        if unicodedata.normalize("NFC", s) != s: err("text not NFC", i)
        n = texts[f].count(s)
        if n != 1: err("text occurs", n, "times", i, repr(s[:60]))
        d = doc[f]
        if kind == "tasks" and it["period"] != d["planned_period"]:
            err("task period != planned_period", i)
        if kind == "results":
            ok = it["period"] in d["reported_months"]
            if re.fullmatch(r"\d{4}-Q[1-4]", it["period"]):
                q = int(it["period"][-1]); y = it["period"][:4]
                ok = sorted(d["reported_months"]) == [f"{y}-{m:02d}" for m in range(3*q-2, 3*q+1)]
            if not ok: err("result period not reported by its document", i, it["period"])
def unit_of(i): return doc[items[i]["file"]]["unit"]
# texts unique per file across items too
seen = Counter((it["file"], it["text"]) for it in items.values())
for k, n in seen.items():
    if n > 1: err("same text labelled twice", k)
# no item text may contain another item's text in the same file (ambiguous spans)
byfile = defaultdict(list)
for it in items.values(): byfile[it["file"]].append(it)
for f, its in byfile.items():
    for a in its:
        for b in its:
            if a is not b and a["text"] in b["text"]: err("nested items", a["id"], b["id"])
for f in doc:
    nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "tasks")
    nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "results")
    if not 10 <= nt <= 18: err("tasks per document out of 10-18", f, nt)
    if not 10 <= nr <= 18: err("results per document out of 10-18", f, nr)

# follow-through
out = defaultdict(int)
pairs = set()
for l in g["follow_through"]:
    t, r, st = l["task"], l["result"], l["status"]
    if t not in items or items[t]["kind"] != "tasks": err("ft: bad task", t); continue
    if r not in items or items[r]["kind"] != "results": err("ft: bad result", r); continue
    if st not in ("done", "partial"): err("ft: bad status", st, t, r)
    if unit_of(t) != unit_of(r): err("ft across units", t, r)
    ft_, fr = items[t]["file"], items[r]["file"]
    if order[fr] <= order[ft_]: err("ft result not later", t, r)
    # the first later document of the unit that reports on the task's month
    later = [f for f in unit_docs[unit_of(t)] if order[f] > order[ft_] and items[t]["period"] in doc[f]["reported_months"]]
    if not later or later[0] != fr: err("ft result not in first document reporting the month", t, r)
    if (t, r) in pairs: err("duplicate ft", t, r)
    pairs.add((t, r)); out[t] += 1

# carry-over
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
cpairs = set()
for l in g["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if a not in items or items[a]["kind"] != "tasks": err("co: bad from", a); continue
    if b not in items or items[b]["kind"] != "tasks": err("co: bad to", b); continue
    if k not in KINDS: err("co: bad kind", k)
    if unit_of(a) != unit_of(b): err("co across units", a, b)
    if order[items[b]["file"]] <= order[items[a]["file"]]: err("co target not later", a, b)
    if (a, b) in cpairs: err("duplicate co", a, b)
    cpairs.add((a, b)); out[a] += 1
splits = Counter(l["from"] for l in g["carry_over"] if l["kind"] == "split")
for a, n in splits.items():
    if n < 2: err("split with a single target", a)

# gaps: exactly the non-censored tasks with no outgoing link
last = {f for u, fs in unit_docs.items() for f in fs[-1:]}
gaps = set(g["gaps"])
if len(gaps) != len(g["gaps"]): err("duplicate gap")
for i in gaps:
    if i not in items or items[i]["kind"] != "tasks": err("gap: bad id", i); continue
    if items[i]["file"] in last: err("gap in last (right-censored) document", i)
    if out[i]: err("gap has a link", i)
for i, it in items.items():
    if it["kind"] == "tasks" and it["file"] not in last and not out[i] and i not in gaps:
        err("unlinked task not marked as gap", i)

# decoys
for p in g["cross_unit_decoys"]:
    if len(p) != 2 or any(x not in items for x in p): err("decoy: bad pair", p); continue
    a, b = p
    if unit_of(a) == unit_of(b): err("decoy within one unit", p)
    if (a, b) in pairs or (b, a) in pairs or (a, b) in cpairs or (b, a) in cpairs: err("decoy is linked", p)

if errs:
    print("\n".join(errs)); sys.exit(1)
print("OK")
