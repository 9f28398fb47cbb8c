#!/usr/bin/env python3
"""Verify gold.json of this hand-labelled series against its documents and the annotation rules."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
def err(msg): errors.append(msg)

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"):
    if key not in gold: err(f"missing key {key}")
extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
if extra: err(f"unexpected keys {extra}")

YM = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
docs, texts = {}, {}
for d in gold["documents"]:
    fn = d.get("file")
    for k in ("file", "unit", "reported_months", "planned_period"):
        if k not in d: err(f"document {fn}: missing {k}")
    m = re.fullmatch(r"([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt", fn or "")
    if not m: err(f"bad file name {fn}"); continue
    if m.group(2) != d["planned_period"]: err(f"{fn}: name month != planned_period")
    if not all(YM.match(x) for x in d["reported_months"] + [d["planned_period"]]): err(f"{fn}: bad month format")
    if max(d["reported_months"]) >= d["planned_period"]: err(f"{fn}: reported month not before planned period")
    path = os.path.join(HERE, fn)
    if not os.path.exists(path): err(f"missing file {fn}"); continue
    raw = open(path, "rb").read()
    try: t = raw.decode("utf-8")
    except UnicodeDecodeError: err(f"{fn}: not UTF-8"); continue
    if unicodedata.normalize("NFC", t) != t: err(f"{fn}: not NFC")
    if "⟦" in t or "⟧" in t: err(f"{fn}: leftover markup")
    docs[fn] = d; texts[fn] = unicodedata.normalize("NFC", t)
if len(docs) != len(gold["documents"]): err("duplicate or broken documents")

units = {}
for fn, d in docs.items(): units.setdefault(d["unit"], []).append(fn)
for u in units: units[u].sort(key=lambda f: docs[f]["planned_period"])
order = {fn: (d["unit"], i) for u, fl in units.items() for i, fn in enumerate(fl)}
if len(units) != 2: err(f"expected two units, got {len(units)}")
slugs = {u: {f.split("_")[0] for f in fl} for u, fl in units.items()}
if any(len(s) != 1 for s in slugs.values()): err("one unit must have one slug")

items, spans = {}, {}
for kind, lst in (("task", gold["tasks"]), ("result", gold["results"])):
    for it in lst:
        iid = it.get("id")
        if iid in items: err(f"duplicate id {iid}"); continue
        if set(it) != {"id", "file", "period", "text"}: err(f"{iid}: bad fields {sorted(it)}")
        it = dict(it, kind=kind); items[iid] = it
        fn = it["file"]
        if fn not in docs: err(f"{iid}: unknown file {fn}"); continue
        txt = it["text"]
        if not txt or txt != txt.strip(): err(f"{iid}: empty or unstripped text")
        if unicodedata.normalize("NFC", txt) != txt: err(f"{iid}: text not NFC")
        n = texts[fn].count(txt)
        if n != 1: err(f"{iid}: text occurs {n} times in {fn}")
        else:
            s = texts[fn].index(txt); spans.setdefault(fn, []).append((s, s + len(txt), iid))
        if "\n" in txt: err(f"{iid}: text spans lines")
        if re.search(r"[.!?;:]\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][a-zà-ỹ]", txt) and re.search(r"[.!?]\s+[A-ZĐ]", txt):
            err(f"{iid}: looks like more than one sentence")
        d = docs[fn]
        if kind == "task" and it["period"] != d["planned_period"]: err(f"{iid}: task period != planned_period")
        if kind == "result" and it["period"] not in d["reported_months"]: err(f"{iid}: result period not reported by its document")
for fn, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if a[1] > b[0]: err(f"{fn}: overlapping items {a[2]} {b[2]}")

for fn in docs:
    nt = sum(1 for i in items.values() if i["file"] == fn and i["kind"] == "task")
    nr = sum(1 for i in items.values() if i["file"] == fn and i["kind"] == "result")
    if not 10 <= nt <= 18: err(f"{fn}: {nt} tasks")
    if not 10 <= nr <= 18: err(f"{fn}: {nr} results")

# every bullet line of a results or tasks section is labelled (limitations and closing excepted)
BUL = re.compile(r"^\s*(\(\d+\)|-|\d+\.)\s+\S")
HEAD = re.compile(r"^\s*([IVX]+)\.\s+(.*)$")
for fn, t in texts.items():
    labelled = {i["text"] for i in items.values() if i["file"] == fn}
    section = None
    for line in t.splitlines():
        if line.strip().startswith("Nơi nhận"): break
        h = HEAD.match(line)
        if h: section = "limit" if "HẠN CHẾ" in h.group(2).upper() else "items"; continue
        is_heading = not line.rstrip().endswith((".", ";", ",")) and len(line.strip()) < 80  # sub-heading such as "1. Lĩnh vực kinh tế"
        if section == "items" and BUL.match(line) and not is_heading and not any(x in line for x in labelled):
            err(f"{fn}: unlabelled item line: {line.strip()[:70]}")

def unit_of(iid): return docs[items[iid]["file"]]["unit"]
def pos(iid): return order[items[iid]["file"]][1]
last = {u: fl[-1] for u, fl in units.items()}

ft_tasks, seen = set(), set()
for l in gold["follow_through"]:
    t, r, s = l.get("task"), l.get("result"), l.get("status")
    if (t, r) in seen: err(f"duplicate follow_through {t}->{r}")
    seen.add((t, r))
    if t not in items or items[t]["kind"] != "task": err(f"ft: bad task {t}"); continue
    if r not in items or items[r]["kind"] != "result": err(f"ft: bad result {r}"); continue
    if s not in ("done", "partial"): err(f"ft {t}->{r}: bad status {s}")
    if unit_of(t) != unit_of(r): err(f"ft {t}->{r}: crosses units")
    if pos(r) <= pos(t): err(f"ft {t}->{r}: result not in a later document")
    rdoc = docs[items[r]["file"]]
    if items[t]["period"] not in rdoc["reported_months"]: err(f"ft {t}->{r}: result document does not report the task's month")
    first = next((f for f in units[unit_of(t)] if items[t]["period"] in docs[f]["reported_months"] and order[f][1] > pos(t)), None)
    if first != items[r]["file"]: err(f"ft {t}->{r}: not the first document reporting on {items[t]['period']}")
    ft_tasks.add(t)

co_from, seen = set(), set()
for l in gold["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if (a, b) in seen: err(f"duplicate carry_over {a}->{b}")
    seen.add((a, b))
    if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
        err(f"co: bad ids {a} {b}"); continue
    if k not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"): err(f"co {a}->{b}: bad kind {k}")
    if unit_of(a) != unit_of(b): err(f"co {a}->{b}: crosses units")
    if not items[b]["period"] > items[a]["period"] or pos(b) <= pos(a): err(f"co {a}->{b}: not later")
    co_from.add(a)
splits = {}
for l in gold["carry_over"]:
    if l.get("kind") == "split": splits.setdefault(l["from"], []).append(l["to"])
for a, tos in splits.items():
    if len(tos) < 2: err(f"split from {a} has a single target")

gaps = set(gold["gaps"])
if len(gaps) != len(gold["gaps"]): err("duplicate gaps")
for g in gaps:
    if g not in items or items[g]["kind"] != "task": err(f"gap {g}: not a task"); continue
    if g in ft_tasks or g in co_from: err(f"gap {g}: has a link")
    if items[g]["file"] == last[unit_of(g)]: err(f"gap {g}: right-censored task")
for iid, it in items.items():
    if it["kind"] != "task": continue
    u = unit_of(iid)
    if it["file"] == last[u]:
        if iid in ft_tasks or iid in co_from or iid in gaps: err(f"{iid}: last-document task must be censored")
        continue
    reported_later = any(it["period"] in docs[f]["reported_months"] for f in units[u] if order[f][1] > pos(iid))
    if reported_later and iid not in ft_tasks and iid not in co_from and iid not in gaps:
        err(f"{iid}: silent task missing from gaps")
    if not reported_later and iid in gaps: err(f"{iid}: pending task listed as gap")

linked = {(l["task"], l["result"]) for l in gold["follow_through"]} | {(l["from"], l["to"]) for l in gold["carry_over"]}
for p in gold["cross_unit_decoys"]:
    if len(p) != 2 or any(x not in items for x in p): err(f"decoy {p}: bad ids"); continue
    if unit_of(p[0]) == unit_of(p[1]): err(f"decoy {p}: same unit")
    if tuple(p) in linked or tuple(p[::-1]) in linked: err(f"decoy {p}: linked")

if errors:
    print("\n".join(errors)); print(f"{len(errors)} error(s)"); sys.exit(1)
print(f"documents {len(docs)}, tasks {len(gold['tasks'])}, results {len(gold['results'])}, "
      f"follow_through {len(gold['follow_through'])}, carry_over {len(gold['carry_over'])}, "
      f"gaps {len(gaps)}, cross_unit_decoys {len(gold['cross_unit_decoys'])}")
print("OK")
