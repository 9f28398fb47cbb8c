#!/usr/bin/env python3
"""Check gold.json of this folder against its documents. Prints OK when all is well."""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
errors = []


def err(msg):
    errors.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
TOP = re.compile(r"^(?:[A-Z]|[IVX]+)\. \S")
SUB = re.compile(r"^[A-Z]\d+\. ")
BULLET = re.compile(r"^(?:• |- |\(\d+\) )")
RESULTS_HEAD = ("SOI LẠI", "ĐIỂM LẠI")
TASKS_HEAD = ("XẾP VIỆC", "SẮP VIỆC")
VI_MONTHS = {"một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7,
             "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
FILLER = set(" \t.;,")

gold_path = HERE / "gold.json"
try:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
except Exception as e:  # noqa
    print(f"FAIL: cannot read gold.json: {e}")
    sys.exit(1)

# ---------------------------------------------------------------- form
for key, typ in (("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)):
    if not isinstance(gold.get(key), typ):
        err(f"form: '{key}' missing or not a {typ.__name__}")
decoys = gold.get("cross_unit_decoys", [])
if not isinstance(decoys, list):
    err("form: cross_unit_decoys is not a list")
    decoys = []
extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over", "gaps",
                     "cross_unit_decoys"}
if extra:
    err(f"form: unknown keys {sorted(extra)}")
if errors:
    print("\n".join("FAIL: " + e for e in errors))
    sys.exit(1)

docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err(f"form: document fields {sorted(d)}")
        continue
    if d["file"] in docs:
        err(f"form: document {d['file']} twice")
    if not (isinstance(d["reported_months"], list) and all(isinstance(m, str) and MONTH.match(m)
                                                          for m in d["reported_months"])):
        err(f"{d['file']}: bad reported_months")
    if not (isinstance(d["planned_period"], str) and MONTH.match(d["planned_period"])):
        err(f"{d['file']}: bad planned_period")
    docs[d["file"]] = d

items = {}
for kind, key in (("T", "tasks"), ("R", "results")):
    for it in gold[key]:
        if set(it) != {"id", "file", "period", "text"}:
            err(f"form: {key} item fields {sorted(it)}")
            continue
        if not all(isinstance(it[k], str) and it[k] for k in it):
            err(f"form: empty field in {it.get('id')}")
            continue
        if it["id"] in items:
            err(f"form: id {it['id']} twice")
        if not it["id"].startswith(kind):
            err(f"form: {key} id {it['id']} should start with {kind}")
        if it["file"] not in docs:
            err(f"{it['id']}: file {it['file']} not among documents")
        if not MONTH.match(it["period"]):
            err(f"{it['id']}: bad period {it['period']}")
        items[it["id"]] = dict(it, kind=kind)

# ---------------------------------------------------------------- files
texts = {}
on_disk = {p.name for p in HERE.glob("*.txt")}
for f, d in docs.items():
    m = NAME.match(f)
    if not m:
        err(f"{f}: file name not <slug>_<YYYY-MM>.txt")
    elif m.group(1) != d["planned_period"]:
        err(f"{f}: name month {m.group(1)} != planned_period {d['planned_period']}")
    p = HERE / f
    if not p.exists():
        err(f"{f}: missing")
        continue
    raw = p.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{f}: BOM")
    if b"\r" in raw:
        err(f"{f}: CR line ends")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{f}: not UTF-8")
        continue
    if unicodedata.normalize("NFC", t) != t:
        err(f"{f}: not NFC")
    texts[f] = t
for f in sorted(on_disk - set(docs)):
    err(f"{f}: .txt file not listed in documents")

# ------------------------------------------------- periods agree with documents
for d in docs.values():
    for m in d["reported_months"]:
        if m >= d["planned_period"]:
            err(f"{d['file']}: reported month {m} not before planned {d['planned_period']}")
units = {}
for d in docs.values():
    units.setdefault(d["unit"], []).append(d)
for u, ds in units.items():
    plans = [d["planned_period"] for d in ds]
    if len(set(plans)) != len(plans):
        err(f"unit {u}: two documents plan the same month")
for it in items.values():
    d = docs.get(it["file"])
    if not d:
        continue
    if it["kind"] == "T" and it["period"] != d["planned_period"]:
        err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
    if it["kind"] == "R" and it["period"] not in d["reported_months"]:
        err(f"{it['id']}: period {it['period']} not among reported {d['reported_months']}")

# ------------------------------------------ spans: exact, unique, no overlap
spans = {}  # file -> list of (start, end, id)
for it in items.values():
    t = texts.get(it["file"])
    if t is None:
        continue
    if it["text"] != it["text"].strip():
        err(f"{it['id']}: text has outer spaces")
    n = t.count(it["text"])
    if n != 1:
        err(f"{it['id']}: text found {n} times in {it['file']}")
        continue
    s = t.index(it["text"])
    if "\n" in it["text"]:
        err(f"{it['id']}: text crosses a line end")
    spans.setdefault(it["file"], []).append((s, s + len(it["text"]), it["id"]))
for f, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err(f"{f}: {a[2]} and {b[2]} overlap")


# ------------------------------- every bullet / sentence of the sections labelled
def month_of_heading(line, d):
    m = re.match(r"^Tháng\s+(.+?):$", line.strip())
    if not m:
        return None
    w = m.group(1).strip().lower()
    n = int(w) if w.isdigit() else VI_MONTHS.get(w)
    if not n:
        return None
    for rm in d["reported_months"]:
        if int(rm[5:7]) == n:
            return rm
    return "?"


for f, t in texts.items():
    d = docs[f]
    sp = spans.get(f, [])
    lines = t.split("\n")
    offs, o = [], 0
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1
    section = None
    month = None
    seen = {"R": 0, "T": 0}
    heads = {"R": 0, "T": 0}
    covered_ids = set()
    for ln, start in zip(lines, offs):
        s = ln.strip()
        end = start + len(ln)
        if TOP.match(s) and s == s.upper():
            section = None
            month = None
            if any(h in s for h in RESULTS_HEAD):
                section = "R"
                heads["R"] += 1
            elif any(h in s for h in TASKS_HEAD):
                section = "T"
                heads["T"] += 1
            continue
        if s.startswith("Nơi nhận"):
            section = None
        if section is None or not s:
            continue
        if s.endswith(":") or SUB.match(s) or s == s.upper():
            if section == "R":
                mm = month_of_heading(s, d)
                if mm == "?":
                    err(f"{f}: month heading '{s}' not a reported month")
                elif mm:
                    month = mm
            continue
        # a content line: bullet or paragraph of sentences
        bm = BULLET.match(ln)
        body_start = start + (bm.end() if bm else 0)
        inside = [x for x in sp if x[0] >= start and x[1] <= end]
        pos = body_start
        for a, b, iid in inside:
            gap = t[pos:a]
            if any(c not in FILLER for c in gap):
                err(f"{f}: unlabelled text in section {section}: {gap.strip()[:60]!r}")
            if items[iid]["kind"] != section:
                err(f"{f}: {iid} sits in the wrong section")
            if section == "R" and month and items[iid]["period"] != month:
                err(f"{iid}: under heading of {month} but period {items[iid]['period']}")
            covered_ids.add(iid)
            seen[section] += 1
            pos = b
        tail = t[pos:end]
        if any(c not in FILLER for c in tail):
            err(f"{f}: unlabelled text in section {section}: {tail.strip()[:60]!r}")
        if bm and len(inside) != 1:
            err(f"{f}: bullet with {len(inside)} items: {s[:50]!r}")
    for x in sp:
        if x[2] not in covered_ids:
            err(f"{x[2]}: not inside a results/tasks section line of {f}")
    if heads["T"] != 1:
        err(f"{f}: {heads['T']} task sections")
    if heads["R"] > 1:
        err(f"{f}: {heads['R']} result sections")
    nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "T")
    nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "R")
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks (want 10-18)")
    if not (10 <= nr <= 18 or nr == 0):
        err(f"{f}: {nr} results (want 10-18, or none)")
    if nt != seen["T"] or nr != seen["R"]:
        err(f"{f}: labelled items in sections {seen} vs gold T={nt} R={nr}")


# ---------------------------------------------------------------- links
def doc_of(iid):
    return docs.get(items[iid]["file"]) if iid in items else None


linked = set()
pairs = set()
for ft in gold["follow_through"]:
    if set(ft) != {"task", "result", "status"}:
        err(f"form: follow_through fields {sorted(ft)}")
        continue
    tid, rid = ft["task"], ft["result"]
    if tid not in items or items[tid]["kind"] != "T":
        err(f"follow_through: {tid} is not a task")
        continue
    if rid not in items or items[rid]["kind"] != "R":
        err(f"follow_through: {rid} is not a result")
        continue
    if ft["status"] not in STATUSES:
        err(f"follow_through {tid}->{rid}: status {ft['status']}")
    dt, dr = doc_of(tid), doc_of(rid)
    if dt["unit"] != dr["unit"]:
        err(f"follow_through {tid}->{rid}: across units")
    if dr["planned_period"] <= dt["planned_period"]:
        err(f"follow_through {tid}->{rid}: not forward in time")
    if items[rid]["period"] < items[tid]["period"]:
        err(f"follow_through {tid}->{rid}: result reports a month before the task's")
    # the first later document of the unit that reports on the task's month
    later = sorted((d for d in units[dt["unit"]] if d["planned_period"] > dt["planned_period"]
                    and any(m >= items[tid]["period"] for m in d["reported_months"])),
                   key=lambda d: d["planned_period"])
    if later and later[0]["file"] != dr["file"]:
        err(f"follow_through {tid}->{rid}: not in the first document reporting on {items[tid]['period']}")
    if (tid, rid) in pairs:
        err(f"follow_through {tid}->{rid}: twice")
    pairs.add((tid, rid))
    linked.add(tid)

for co in gold["carry_over"]:
    if set(co) != {"from", "to", "kind"}:
        err(f"form: carry_over fields {sorted(co)}")
        continue
    a, b = co["from"], co["to"]
    if a not in items or items[a]["kind"] != "T" or b not in items or items[b]["kind"] != "T":
        err(f"carry_over {a}->{b}: both ends must be tasks")
        continue
    if co["kind"] not in KINDS:
        err(f"carry_over {a}->{b}: kind {co['kind']}")
    da, db = doc_of(a), doc_of(b)
    if da["unit"] != db["unit"]:
        err(f"carry_over {a}->{b}: across units")
    if db["planned_period"] <= da["planned_period"]:
        err(f"carry_over {a}->{b}: not forward in time")
    if (a, b) in pairs:
        err(f"carry_over {a}->{b}: twice")
    pairs.add((a, b))
    linked.add(a)

# ---------------------------------------------------------------- gaps
last = {u: max(d["planned_period"] for d in ds) for u, ds in units.items()}
expected = {iid for iid, it in items.items() if it["kind"] == "T" and iid not in linked
            and docs[it["file"]]["planned_period"] != last[docs[it["file"]]["unit"]]}
given = gold["gaps"]
if len(set(given)) != len(given):
    err("gaps: duplicates")
for g in set(given) - expected:
    err(f"gaps: {g} is linked, unknown, or in a unit's last document")
for g in expected - set(given):
    err(f"gaps: {g} has no link but is not listed")

# ---------------------------------------------------------------- decoys
near = []
nm_path = HERE / "_src" / "near_misses.json"
if nm_path.exists():
    near = json.loads(nm_path.read_text(encoding="utf-8"))
for label, lst, cross in (("cross_unit_decoys", decoys, True), ("near_misses", near, False)):
    for pr in lst:
        if not (isinstance(pr, list) and len(pr) == 2 and all(x in items for x in pr)):
            err(f"{label}: bad pair {pr}")
            continue
        a, b = pr
        if cross and doc_of(a)["unit"] == doc_of(b)["unit"]:
            err(f"{label}: {a} and {b} are of the same unit")
        if (a, b) in pairs or (b, a) in pairs:
            err(f"{label}: {a} and {b} are linked")

if errors:
    print("\n".join("FAIL: " + e for e in errors))
    print(f"{len(errors)} problem(s)")
    sys.exit(1)
print("OK")
