#!/usr/bin/env python3
"""Checks gold.json of this folder against the documents and the annotation rules.

Prints OK when everything holds, otherwise every problem found and exits 1.
"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in gold:
        err(f"missing key {key}")

PERIOD = re.compile(r"^\d{4}-\d{2}$")
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")

# ---- documents
docs, texts = {}, {}
for d in gold["documents"]:
    fn = d["file"]
    if fn in docs:
        err(f"document listed twice: {fn}")
    docs[fn] = d
    m = FNAME.match(fn)
    if not m:
        err(f"bad file name {fn}")
    p = os.path.join(HERE, fn)
    if not os.path.exists(p):
        err(f"missing file {fn}")
        continue
    raw = open(p, "rb").read()
    try:
        s = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{fn} is not UTF-8")
        continue
    if unicodedata.normalize("NFC", s) != s:
        err(f"{fn} is not NFC")
    texts[fn] = s
    for k in ("unit", "reported_months", "planned_period"):
        if k not in d:
            err(f"{fn}: document lacks {k}")
    for pm in d.get("reported_months", []):
        if not PERIOD.match(pm):
            err(f"{fn}: bad reported month {pm}")
    if not PERIOD.match(d.get("planned_period", "")):
        err(f"{fn}: bad planned_period")
    # a full office document
    for needle in ("ĐẢNG CỘNG SẢN VIỆT NAM", "-TB/ĐU", "THÔNG BÁO", "Nơi nhận", "T/M BAN THƯỜNG VỤ"):
        if needle not in s:
            err(f"{fn}: lacks {needle!r}")

# every .txt of the folder is a listed document
for f in os.listdir(HERE):
    if f.endswith(".txt") and f not in docs:
        err(f"unlisted document {f}")

# units: consecutive months, each notice cites the previous notice of its unit
by_unit = {}
for fn, d in docs.items():
    by_unit.setdefault(d["unit"], []).append(fn)
for u in by_unit:
    by_unit[u].sort(key=lambda f: docs[f]["planned_period"])
    prev = None
    for fn in by_unit[u]:
        s = texts.get(fn, "")
        own = re.search(r"Số:?\s*(\d+-TB/ĐU)", s)
        if not own:
            err(f"{fn}: no own number")
        if prev is not None:
            pnum = re.search(r"Số:?\s*(\d+-TB/ĐU)", texts.get(prev, ""))
            if pnum and f"Thông báo số {pnum.group(1)}" not in s:
                err(f"{fn}: does not cite previous notice {pnum.group(1)}")
            if docs[prev]["planned_period"] not in docs[fn]["reported_months"]:
                err(f"{fn}: does not report the month planned by {prev}")
        prev = fn
last_doc = {u: fs[-1] for u, fs in by_unit.items()}
doc_index = {fn: (docs[fn]["unit"], i) for u, fs in by_unit.items() for i, fn in enumerate(fs)}


def unit_of(fn):
    return docs[fn]["unit"]


# ---- items
items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        iid = it["id"]
        if iid in items:
            err(f"duplicate id {iid}")
        items[iid] = (kind, it)
        fn = it["file"]
        if fn not in docs:
            err(f"{iid}: unknown file {fn}")
            continue
        t = it["text"]
        if not t or "\n" in t:
            err(f"{iid}: empty or multi-line text")
        if unicodedata.normalize("NFC", t) != t:
            err(f"{iid}: text not NFC")
        n = texts.get(fn, "").count(t)
        if n != 1:
            err(f"{iid}: text occurs {n} times in {fn}: {t[:60]!r}")
        if not PERIOD.match(it["period"]):
            err(f"{iid}: bad period")
        if kind == "tasks" and it["period"] != docs[fn]["planned_period"]:
            err(f"{iid}: task period {it['period']} != planned period of {fn}")
        if kind == "results" and it["period"] not in docs[fn]["reported_months"]:
            err(f"{iid}: result period {it['period']} not reported by {fn}")

# item counts per document
for fn in docs:
    nt = sum(1 for t in gold["tasks"] if t["file"] == fn)
    nr = sum(1 for r in gold["results"] if r["file"] == fn)
    if not 10 <= nt <= 18:
        err(f"{fn}: {nt} tasks (want 10-18)")
    if not 10 <= nr <= 18:
        err(f"{fn}: {nr} results (want 10-18)")


def get(iid, kind):
    if iid not in items:
        err(f"unknown id {iid}")
        return None
    k, it = items[iid]
    if k != kind:
        err(f"{iid} is not in {kind}")
        return None
    return it


# ---- follow-through
has_ft, has_co = set(), set()
seen = set()
for l in gold["follow_through"]:
    key = (l["task"], l["result"])
    if key in seen:
        err(f"duplicate follow-through {key}")
    seen.add(key)
    t, r = get(l["task"], "tasks"), get(l["result"], "results")
    if l.get("status") not in ("done", "partial"):
        err(f"{key}: status {l.get('status')}")
    if not t or not r:
        continue
    if unit_of(t["file"]) != unit_of(r["file"]):
        err(f"{key}: follow-through across units")
    if doc_index[r["file"]][1] <= doc_index[t["file"]][1]:
        err(f"{key}: result not in a later document")
    if r["period"] != t["period"]:
        err(f"{key}: result period {r['period']} != task period {t['period']}")
    if t["file"] == last_doc[unit_of(t["file"])]:
        err(f"{key}: task of the last document cannot be followed")
    has_ft.add(l["task"])

# ---- carry-over
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
seen = set()
for l in gold["carry_over"]:
    key = (l["from"], l["to"])
    if key in seen:
        err(f"duplicate carry-over {key}")
    seen.add(key)
    a, b = get(l["from"], "tasks"), get(l["to"], "tasks")
    if l.get("kind") not in KINDS:
        err(f"{key}: kind {l.get('kind')}")
    if not a or not b:
        continue
    if unit_of(a["file"]) != unit_of(b["file"]):
        err(f"{key}: carry-over across units")
    if not b["period"] > a["period"]:
        err(f"{key}: target not planned for a later month")
    has_co.add(l["from"])
split_from = {}
for l in gold["carry_over"]:
    if l["kind"] == "split":
        split_from[l["from"]] = split_from.get(l["from"], 0) + 1
for k, n in split_from.items():
    if n < 2:
        err(f"{k}: a split needs at least two targets")

# ---- gaps
gaps = gold["gaps"]
if len(set(gaps)) != len(gaps):
    err("duplicate gap")
for g in gaps:
    t = get(g, "tasks")
    if not t:
        continue
    if t["file"] == last_doc[unit_of(t["file"])]:
        err(f"{g}: task of the last document is right-censored, not a gap")
    if g in has_ft or g in has_co:
        err(f"{g}: listed as gap but has a link")
expected = {t["id"] for t in gold["tasks"]
            if t["file"] != last_doc[unit_of(t["file"])]
            and t["id"] not in has_ft and t["id"] not in has_co}
if expected != set(gaps):
    err(f"gaps mismatch: unlinked but not gap {sorted(expected - set(gaps))}; "
        f"gap but linked {sorted(set(gaps) - expected)}")

# ---- cross-unit decoys
linked = {(l["task"], l["result"]) for l in gold["follow_through"]}
linked |= {(l["from"], l["to"]) for l in gold["carry_over"]}
for p in gold.get("cross_unit_decoys", []):
    if len(p) != 2:
        err(f"decoy {p} is not a pair")
        continue
    a, b = p
    if a not in items or b not in items:
        err(f"decoy {p}: unknown id")
        continue
    if unit_of(items[a][1]["file"]) == unit_of(items[b][1]["file"]):
        err(f"decoy {p}: same unit")
    if (a, b) in linked or (b, a) in linked:
        err(f"decoy {p} is linked")

if errors:
    for e in errors:
        print("ERROR:", e)
    sys.exit(1)
print(f"OK: {len(docs)} documents, {len(gold['tasks'])} tasks, {len(gold['results'])} results, "
      f"{len(gold['follow_through'])} follow-through, {len(gold['carry_over'])} carry-over, "
      f"{len(gaps)} gaps, {len(gold.get('cross_unit_decoys', []))} decoys")
