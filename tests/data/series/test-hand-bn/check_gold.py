#!/usr/bin/env python3
"""Check gold.json of this folder against its documents and the annotation rules.

Run: python3 check_gold.py   (prints OK, or the list of problems and exits 1)

Uses _src/sections.json (section offsets, headings and lead-ins written by
_src/build.py) for the "every sentence/bullet labelled" check, and
_src/near_misses.json (hand-typed near misses) as extra pairs never to link.
"""
import json
import pathlib
import re
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
errors = []


def err(msg):
    errors.append(msg)


gold = json.loads((HERE / "gold.json").read_text("utf-8"))

# ---- form -------------------------------------------------------------------
REQ = {"documents": list, "tasks": list, "results": list, "follow_through": list,
       "carry_over": list, "gaps": list}
for k, t in REQ.items():
    if not isinstance(gold.get(k), t):
        err(f"gold.json: key {k!r} missing or not a {t.__name__}")
if not isinstance(gold.get("cross_unit_decoys", []), list):
    err("gold.json: cross_unit_decoys not a list")
extra = set(gold) - set(REQ) - {"cross_unit_decoys"}
if extra:
    err(f"gold.json: unknown keys {sorted(extra)}")
if errors:
    print("\n".join(errors)); sys.exit(1)

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")

docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err(f"document fields wrong: {d}")
        continue
    f = d["file"]
    if f in docs:
        err(f"duplicate document {f}")
    docs[f] = d
    m = FNAME.match(f)
    if not m:
        err(f"{f}: bad file name")
    elif m.group(2) != d["planned_period"]:
        err(f"{f}: name month != planned_period {d['planned_period']}")
    if not MONTH.match(d["planned_period"]):
        err(f"{f}: bad planned_period")
    if not isinstance(d["reported_months"], list) or not all(MONTH.match(x) for x in d["reported_months"]):
        err(f"{f}: bad reported_months")
    elif any(x >= d["planned_period"] for x in d["reported_months"]):
        err(f"{f}: a reported month is not before the planned period")
    if not isinstance(d["unit"], str) or not d["unit"]:
        err(f"{f}: no unit")

texts = {}
for f in docs:
    p = HERE / f
    if not p.exists():
        err(f"{f}: missing file"); continue
    raw = p.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{f}: BOM")
    if b"\r" in raw:
        err(f"{f}: CR line ends")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{f}: not UTF-8 ({e})"); continue
    if unicodedata.normalize("NFC", t) != t:
        err(f"{f}: not NFC")
    texts[f] = t
# no stray .txt documents
for p in HERE.glob("*.txt"):
    if p.name not in docs:
        err(f"{p.name}: document not listed in gold.json")

# ---- items -------------------------------------------------------------------
items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            err(f"{kind} item fields wrong: {it}"); continue
        if it["id"] in items:
            err(f"duplicate id {it['id']}")
        items[it["id"]] = dict(it, kind=kind)
        if it["file"] not in docs:
            err(f"{it['id']}: unknown file {it['file']}"); continue
        d = docs[it["file"]]
        if kind == "tasks" and it["period"] != d["planned_period"]:
            err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
        if kind == "results" and it["period"] not in d["reported_months"]:
            err(f"{it['id']}: period {it['period']} not a reported month of {it['file']}")
        if kind == "tasks" and not it["id"].startswith("T"):
            err(f"{it['id']}: task id should start with T")
        if kind == "results" and not it["id"].startswith("R"):
            err(f"{it['id']}: result id should start with R")

spans = {f: [] for f in docs}
SENT_BREAK = re.compile(r"[.!?…][\"”’)]*\s+(\S)")
for iid, it in items.items():
    t = texts.get(it["file"])
    if t is None:
        continue
    s = it["text"]
    if not s or s != s.strip():
        err(f"{iid}: empty text or surrounding whitespace")
    if "\n" in s:
        err(f"{iid}: text spans lines")
    n = t.count(s)
    if n != 1:
        err(f"{iid}: text occurs {n} times in {it['file']}")
        continue
    a = t.index(s)
    spans[it["file"]].append((a, a + len(s), iid))
    for mm in SENT_BREAK.finditer(s):
        c = mm.group(1)
        if c.isupper() or c.isdigit():
            err(f"{iid}: looks like two sentences: ...{s[max(0, mm.start()-20):mm.end()+10]}...")
for f, sp in spans.items():
    sp.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
        if a2 < b1:
            err(f"{f}: items {i1} and {i2} overlap")

# ---- sections: every bullet / sentence labelled --------------------------------
NUMTOK = re.compile(r"^(?:[-+•*–]|\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*[.\-)]|[a-zđ]\)|[IVXL]+\.)$")
side_p = HERE / "_src" / "sections.json"
if not side_p.exists():
    err("_src/sections.json missing (run _src/build.py)")
else:
    side = json.loads(side_p.read_text("utf-8"))
    for f, t in texts.items():
        info = side.get(f)
        if info is None:
            err(f"{f}: no section info"); continue
        d = docs[f]
        skips = []
        for s in info["skips"]:
            if t[s["start"]:s["end"]] != s["text"]:
                err(f"{f}: heading/lead-in offset wrong: {s['text'][:40]}")
            skips.append((s["start"], s["end"]))
        res_periods, task_periods = set(), set()
        cover = [(a, b) for a, b, _ in spans[f]] + skips
        for sec in info["sections"]:
            a0, b0 = sec["start"], sec["end"]
            if sec["type"] == "RES":
                res_periods.add(sec["period"])
            if sec["type"] == "TASK":
                task_periods.add(sec["period"])
            # items must lie in a section of their kind and period
            for a, b, iid in spans[f]:
                if a0 <= a < b0:
                    it = items[iid]
                    want = {"RES": "results", "TASK": "tasks"}.get(sec["type"])
                    if it["kind"] != want:
                        err(f"{iid}: lies in a {sec['type']} section")
                    elif it["period"] != sec["period"]:
                        err(f"{iid}: period {it['period']} != section period {sec['period']}")
                    if b > b0:
                        err(f"{iid}: crosses a section end")
            if sec["type"] not in ("RES", "TASK"):
                continue
            chars = list(t[a0:b0])
            for a, b in cover:
                for k in range(max(a, a0), min(b, b0)):
                    chars[k - a0] = " "
            for tok in "".join(chars).split():
                if not NUMTOK.match(tok):
                    err(f"{f}: unlabelled text in {sec['type']} {sec['period']} section: {tok!r}")
        if res_periods != set(d["reported_months"]):
            err(f"{f}: result sections {sorted(res_periods)} != reported_months {d['reported_months']}")
        if task_periods != {d["planned_period"]}:
            err(f"{f}: task sections {sorted(task_periods)} != planned_period")
        # every labelled item lies in some section
        for a, b, iid in spans[f]:
            if not any(sec["start"] <= a < sec["end"] for sec in info["sections"]
                       if sec["type"] in ("RES", "TASK")):
                err(f"{iid}: outside the results/tasks sections")

# ---- counts --------------------------------------------------------------------
for f, d in docs.items():
    nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "tasks")
    nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "results")
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks (want 10-18)")
    if d["reported_months"] and not 10 <= nr <= 18:
        err(f"{f}: {nr} results (want 10-18)")
    if not d["reported_months"] and nr:
        err(f"{f}: reports nothing but has results")

# ---- links ---------------------------------------------------------------------
unit_docs = {}
for f, d in docs.items():
    unit_docs.setdefault(d["unit"], []).append(d)
for u in unit_docs:
    unit_docs[u].sort(key=lambda d: d["planned_period"])
    pp = [d["planned_period"] for d in unit_docs[u]]
    if len(set(pp)) != len(pp):
        err(f"{u}: two documents plan the same month")


def unit_of(iid):
    return docs[items[iid]["file"]]["unit"]


seen = set()
ft_tasks, co_from = set(), set()
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err(f"follow_through fields wrong: {l}"); continue
    t, r, s = l["task"], l["result"], l["status"]
    key = ("ft", t, r)
    if key in seen:
        err(f"duplicate follow_through {t}->{r}")
    seen.add(key)
    if t not in items or items[t]["kind"] != "tasks":
        err(f"follow_through: {t} is not a task"); continue
    if r not in items or items[r]["kind"] != "results":
        err(f"follow_through: {r} is not a result"); continue
    if s not in ("done", "partial"):
        err(f"follow_through {t}->{r}: status {s!r}")
    if unit_of(t) != unit_of(r):
        err(f"follow_through {t}->{r}: across units")
        continue
    tp = items[t]["period"]
    later = [d for d in unit_docs[unit_of(t)]
             if d["planned_period"] > docs[items[t]["file"]]["planned_period"] and tp in d["reported_months"]]
    if not later:
        err(f"follow_through {t}->{r}: no later document reports {tp}")
    elif items[r]["file"] != later[0]["file"]:
        err(f"follow_through {t}->{r}: result not in the first document reporting {tp} ({later[0]['file']})")
    if items[r]["period"] != tp:
        err(f"follow_through {t}->{r}: result period {items[r]['period']} != task period {tp}")
    ft_tasks.add(t)
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err(f"carry_over fields wrong: {l}"); continue
    a, b, k = l["from"], l["to"], l["kind"]
    key = ("co", a, b)
    if key in seen:
        err(f"duplicate carry_over {a}->{b}")
    seen.add(key)
    if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks":
        err(f"carry_over {a}->{b}: not two tasks"); continue
    if k not in KINDS:
        err(f"carry_over {a}->{b}: kind {k!r}")
    if unit_of(a) != unit_of(b):
        err(f"carry_over {a}->{b}: across units")
    if not items[b]["period"] > items[a]["period"]:
        err(f"carry_over {a}->{b}: not forward in time")
    co_from.add(a)

# ---- gaps ----------------------------------------------------------------------
expected = set()
for iid, it in items.items():
    if it["kind"] != "tasks":
        continue
    ud = unit_docs[unit_of(iid)]
    if it["file"] == ud[-1]["file"]:
        continue
    if iid not in ft_tasks and iid not in co_from:
        expected.add(iid)
given = gold["gaps"]
if len(set(given)) != len(given):
    err("gaps: duplicates")
for g in given:
    if g not in items or items[g]["kind"] != "tasks":
        err(f"gaps: {g} is not a task")
if set(given) != expected:
    err(f"gaps differ: missing {sorted(expected - set(given))}, extra {sorted(set(given) - expected)}")

# ---- decoys / near misses -------------------------------------------------------
linked = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
         {(l["from"], l["to"]) for l in gold["carry_over"]}
pairs = [("cross_unit_decoys", p) for p in gold.get("cross_unit_decoys", [])]
nm_p = HERE / "_src" / "near_misses.json"
if nm_p.exists():
    pairs += [("near_misses", p) for p in json.loads(nm_p.read_text("utf-8"))]
for src, p in pairs:
    if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
        err(f"{src}: bad pair {p}"); continue
    x, y = p
    if (x, y) in linked or (y, x) in linked:
        err(f"{src}: pair {x}, {y} is linked")
    if src == "cross_unit_decoys" and unit_of(x) == unit_of(y):
        err(f"cross_unit_decoys: {x}, {y} are of the same unit")

if errors:
    print("\n".join(errors))
    sys.exit(1)
print("OK")
