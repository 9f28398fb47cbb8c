#!/usr/bin/env python3
"""Verify gold.json of this hand-labelled series against its documents and the rules of
ANNOTATION.md / tools/README.md.  Prints OK when everything holds, else the problems."""
import json, os, re, sys, unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in gold:
        err(f"gold.json lacks '{key}'")
if errors:
    print("\n".join(errors)); sys.exit(1)

# ---- documents -------------------------------------------------------------------------
texts, docs = {}, {}
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
for d in gold["documents"]:
    f = d["file"]
    if f in docs:
        err(f"document listed twice: {f}")
    docs[f] = d
    m = re.fullmatch(r"([a-z0-9-]+)_(\d{4}-\d{2})\.txt", f)
    if not m:
        err(f"bad file name {f}")
    elif m.group(2) != d["planned_period"]:
        err(f"{f}: name month != planned_period {d['planned_period']}")
    for k in ("unit", "reported_months", "planned_period"):
        if k not in d:
            err(f"{f}: missing {k}")
    if not MONTH.match(d["planned_period"]) or not all(MONTH.match(x) for x in d["reported_months"]):
        err(f"{f}: bad month format")
    if any(x >= d["planned_period"] for x in d["reported_months"]):
        err(f"{f}: a reported month is not before the planned period")
    p = os.path.join(HERE, f)
    if not os.path.exists(p):
        err(f"missing file {f}"); continue
    raw = open(p, "rb").read()
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{f}: not UTF-8"); continue
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{f}: has a BOM")
    if unicodedata.normalize("NFC", t) != t:
        err(f"{f}: not NFC")
    texts[f] = t

# order of documents per unit
by_unit = defaultdict(list)
for d in gold["documents"]:
    by_unit[d["unit"]].append(d)
for u in by_unit:
    by_unit[u].sort(key=lambda d: d["planned_period"])
    seen = set()
    for d in by_unit[u]:
        for mth in d["reported_months"]:
            if mth in seen:
                err(f"{u}: month {mth} reported twice")
            seen.add(mth)
order = {d["file"]: i for u in by_unit for i, d in enumerate(by_unit[u])}

# ---- items -------------------------------------------------------------------------------
items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        iid = it["id"]
        if iid in items:
            err(f"duplicate id {iid}")
        items[iid] = dict(it, kind=kind)
        f = it["file"]
        if f not in docs:
            err(f"{iid}: unknown file {f}"); continue
        t = it["text"]
        if not t.strip():
            err(f"{iid}: empty text")
        if unicodedata.normalize("NFC", t) != t:
            err(f"{iid}: text not NFC")
        c = texts.get(f, "").count(t)
        if c != 1:
            err(f"{iid}: text occurs {c} times in {f}")
        if kind == "tasks" and it["period"] != docs[f]["planned_period"]:
            err(f"{iid}: task period {it['period']} != planned_period of {f}")
        if kind == "results" and it["period"] not in docs[f]["reported_months"]:
            err(f"{iid}: result period {it['period']} not among reported months of {f}")

per_doc = Counter((it["file"], it["kind"]) for it in items.values())
for f in docs:
    for kind in ("tasks", "results"):
        n = per_doc[(f, kind)]
        if not 10 <= n <= 18:
            err(f"{f}: {n} {kind} (want 10-18)")


# ---- structure: every labelled item sits in its section, and every section line is labelled
def section(t, start_pat, end_pat):
    s = re.search(start_pat, t, re.M)
    e = re.search(end_pat, t, re.M)
    if not s or not e or e.start() <= s.end():
        return None
    return s.end(), e.start()


for f, t in texts.items():
    rs = section(t, r"^I\. KẾT QUẢ.*$", r"^II\. HẠN CHẾ.*$")
    ts = section(t, r"^III\. NHIỆM VỤ TRỌNG TÂM.*$", r"^IV\. TỔ CHỨC THỰC HIỆN.*$")
    if rs is None or ts is None:
        err(f"{f}: cannot find the result or task section"); continue
    for kind, (a, b) in (("results", rs), ("tasks", ts)):
        span = t[a:b]
        mine = [it for it in items.values() if it["file"] == f and it["kind"] == kind]
        for it in mine:
            if it["text"] not in span:
                err(f"{it['id']}: not inside the {kind} section of {f}")
        rest = span
        for it in sorted(mine, key=lambda x: -len(x["text"])):
            rest = rest.replace(it["text"], "\x00")
        rest = re.sub(r"(?m)^\d+\.\s[^\n\x00]*$", "", rest)      # numbered headings
        rest = re.sub(r"(?m)^[a-zđ]\)\s*\x00", "\x00", rest)      # sub-point markers
        left = re.sub(r"[\s\x00]", "", rest)
        if left:
            err(f"{f}: unlabelled text in the {kind} section: {left[:80]!r}")

# ---- links -------------------------------------------------------------------------------
unit_of = lambda iid: docs[items[iid]["file"]]["unit"]
ft_from, co_from = defaultdict(list), defaultdict(list)
for l in gold["follow_through"]:
    ti, ri, st = l["task"], l["result"], l["status"]
    if ti not in items or items[ti]["kind"] != "tasks":
        err(f"follow_through: {ti} is not a task"); continue
    if ri not in items or items[ri]["kind"] != "results":
        err(f"follow_through: {ri} is not a result"); continue
    if st not in ("done", "partial"):
        err(f"follow_through {ti}->{ri}: status {st}")
    if unit_of(ti) != unit_of(ri):
        err(f"follow_through {ti}->{ri}: across units")
    tf, rf = items[ti]["file"], items[ri]["file"]
    if order[rf] <= order[tf]:
        err(f"follow_through {ti}->{ri}: result not in a later document")
    if items[ri]["period"] < items[ti]["period"]:
        err(f"follow_through {ti}->{ri}: result reports a month before the task's")
    M = items[ti]["period"]
    first = next((d["file"] for d in by_unit[unit_of(ti)]
                  if order[d["file"]] > order[tf] and M in d["reported_months"]), None)
    if rf != first:
        err(f"follow_through {ti}->{ri}: not in the first document reporting on {M} ({first})")
    ft_from[ti].append(ri)
pairs = Counter((l["task"], l["result"]) for l in gold["follow_through"])
for p, c in pairs.items():
    if c > 1:
        err(f"follow_through {p} listed {c} times")

KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in gold["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks":
        err(f"carry_over {a}->{b}: not two tasks"); continue
    if k not in KINDS:
        err(f"carry_over {a}->{b}: kind {k}")
    if unit_of(a) != unit_of(b):
        err(f"carry_over {a}->{b}: across units")
    if order[items[b]["file"]] <= order[items[a]["file"]]:
        err(f"carry_over {a}->{b}: target not later")
    co_from[a].append(b)
for a, tos in co_from.items():
    if len(tos) != len(set(tos)):
        err(f"carry_over from {a}: duplicate")

# ---- gaps --------------------------------------------------------------------------------
gaps = set(gold["gaps"])
if len(gaps) != len(gold["gaps"]):
    err("gaps: duplicates")
for g in gaps:
    if g not in items or items[g]["kind"] != "tasks":
        err(f"gap {g}: not a task"); continue
    if ft_from[g] or co_from[g]:
        err(f"gap {g}: has a link")
for iid, it in items.items():
    if it["kind"] != "tasks":
        continue
    u = unit_of(iid)
    later = [d for d in by_unit[u] if order[d["file"]] > order[it["file"]]]
    reported_later = any(it["period"] in d["reported_months"] for d in later)
    if not later and iid in gaps:
        err(f"gap {iid}: task of the last document (right-censored)")
    if reported_later and not ft_from[iid] and not co_from[iid] and iid not in gaps:
        err(f"task {iid}: no link but not listed as a gap")
    if not reported_later and iid in gaps:
        err(f"gap {iid}: no later document reports its month (pending, not silent)")

# ---- cross-unit decoys -------------------------------------------------------------------
linked = set(pairs) | {(l["from"], l["to"]) for l in gold["carry_over"]}
for pair in gold.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(x not in items for x in pair):
        err(f"decoy {pair}: unknown ids"); continue
    a, b = pair
    if unit_of(a) == unit_of(b):
        err(f"decoy {pair}: same unit")
    if (a, b) in linked or (b, a) in linked:
        err(f"decoy {pair}: linked")

if errors:
    print("\n".join(errors))
    print(f"{len(errors)} problem(s)")
    sys.exit(1)
n_t = sum(1 for i in items.values() if i["kind"] == "tasks")
print(f"documents {len(docs)}, tasks {n_t}, results {len(items) - n_t}, "
      f"follow-through {len(gold['follow_through'])}, carry-over {len(gold['carry_over'])}, "
      f"gaps {len(gaps)}")
print("OK")
