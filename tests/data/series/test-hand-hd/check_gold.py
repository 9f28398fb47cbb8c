#!/usr/bin/env python3
"""Check gold.json of this series against its documents. Prints OK or the errors."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---------- form ----------
KEYS = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps"}
missing = KEYS - set(gold)
if missing:
    err("missing keys: %s" % sorted(missing))
extra = set(gold) - KEYS - {"cross_unit_decoys"}
if extra:
    err("unexpected keys: %s" % sorted(extra))
PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document fields: %r" % d)
    if not isinstance(d.get("reported_months"), list) or not all(PERIOD.match(m) for m in d["reported_months"]):
        err("reported_months: %r" % d)
    if not PERIOD.match(d.get("planned_period", "")):
        err("planned_period: %r" % d)
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"} or not all(isinstance(v, str) and v for v in it.values()):
            err("%s item fields: %r" % (kind, it))
        if not PERIOD.match(it.get("period", "")):
            err("bad period %r" % it)
ids = [it["id"] for it in gold["tasks"] + gold["results"]]
if len(ids) != len(set(ids)):
    err("duplicate ids")
task = {t["id"]: t for t in gold["tasks"]}
res = {r["id"]: r for r in gold["results"]}
docs = {d["file"]: d for d in gold["documents"]}
if len(docs) != len(gold["documents"]):
    err("duplicate document files")
for it in gold["tasks"] + gold["results"]:
    if it["file"] not in docs:
        err("item %s in unknown file %s" % (it["id"], it["file"]))

# ---------- files ----------
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if sorted(docs) != on_disk:
    err("documents listed %s != files on disk %s" % (sorted(docs), on_disk))
texts = {}
for fn, d in docs.items():
    m = FNAME.match(fn)
    if not m:
        err("bad file name %s" % fn)
    elif m.group(2) != d["planned_period"]:
        err("%s: name month %s != planned_period %s" % (fn, m.group(2), d["planned_period"]))
    raw = open(os.path.join(HERE, fn), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s: BOM" % fn)
    if b"\r" in raw:
        err("%s: CR line end" % fn)
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err("%s: not UTF-8 (%s)" % (fn, e))
        continue
    if unicodedata.normalize("NFC", t) != t:
        err("%s: not NFC" % fn)
    texts[fn] = t

# ---------- spans: exact, unique, no overlap ----------
spans = {fn: [] for fn in texts}
for kind, items in (("task", gold["tasks"]), ("result", gold["results"])):
    for it in items:
        t = texts.get(it["file"])
        if t is None:
            continue
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err("%s text not NFC" % it["id"])
        n = t.count(it["text"])
        if n != 1:
            err("%s: text occurs %d times in %s" % (it["id"], n, it["file"]))
            continue
        s = t.index(it["text"])
        spans[it["file"]].append((s, s + len(it["text"]), it["id"], kind))
for fn, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err("%s: %s overlaps %s" % (fn, a[2], b[2]))

# ---------- sections: every bullet/sentence labelled, items in their section ----------
HEAD = re.compile(r"^([0-9]+|[IVX]+|[A-Z])[\.\)]\s+\S")
MARKER = re.compile(r"^\s*(?:[-+*•]|\d+[\.\)]|[a-zđ]\))\s*")
RES_START = re.compile(r"^I\.\s+.*KẾT QUẢ")
LIM_START = re.compile(r"^II\.\s")
TASK_START = re.compile(r"^III\.\s+.*(NHIỆM VỤ|PHƯƠNG HƯỚNG)")
TASK_END = re.compile(r"^Trên đây")
SUBMONTH = re.compile(r"^[A-Z]\.\s+Tháng\s+(\d{1,2})/(\d{4})\s*$")


def is_heading(line):
    s = line.strip()
    if s.endswith(":"):
        return True                      # lead-in
    if HEAD.match(s) and not s.endswith((".", ";")):
        return True                      # numbered / lettered heading
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


for fn, t in texts.items():
    d = docs[fn]
    lines = t.split("\n")
    offs, o = [], 0
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1
    state, sec_range = None, {"result": [], "task": []}
    month_of_line = {}
    cur_month = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if RES_START.match(s):
            state = "result"; continue
        if TASK_START.match(s):
            state = "task"; continue
        if LIM_START.match(s) and state == "result":
            state = None; continue
        if TASK_END.match(s) and state == "task":
            state = None; continue
        if state is None or not s:
            continue
        mm = SUBMONTH.match(s)
        if state == "result" and mm:
            cur_month = "%s-%02d" % (mm.group(2), int(mm.group(1)))
            continue
        if is_heading(s):
            continue
        lo, hi = offs[i], offs[i] + len(ln)
        sec_range[state].append((lo, hi))
        if state == "result":
            month_of_line[(lo, hi)] = cur_month
        residue = list(ln)
        for a, b, iid, kind in spans[fn]:
            if a >= lo and b <= hi:
                if kind != state:
                    err("%s: %s %s sits in the %s section" % (fn, kind, iid, state))
                for k in range(a - lo, b - lo):
                    residue[k] = " "
            elif a < hi and b > lo:
                err("%s: %s crosses a line boundary" % (fn, iid))
        rest = MARKER.sub("", "".join(residue)).strip(" \t.;,")
        if rest:
            err("%s line %d not fully labelled: %r" % (fn, i + 1, rest[:80]))
    for a, b, iid, kind in spans[fn]:
        inside = [(lo, hi) for lo, hi in sec_range[kind] if a >= lo and b <= hi]
        if not inside:
            err("%s: %s %s is outside its section" % (fn, kind, iid))
        elif kind == "result":
            m = month_of_line.get(inside[0])
            if m and res[iid]["period"] != m:
                err("%s: %s period %s but sits under month %s" % (fn, iid, res[iid]["period"], m))

# ---------- counts and periods ----------
for fn, d in docs.items():
    nt = sum(1 for x in gold["tasks"] if x["file"] == fn)
    nr = sum(1 for x in gold["results"] if x["file"] == fn)
    if not 10 <= nt <= 18:
        err("%s: %d tasks (10-18 required)" % (fn, nt))
    if not (10 <= nr <= 18 or nr == 0):
        err("%s: %d results (10-18 required)" % (fn, nr))
    if nr == 0 and d["reported_months"]:
        err("%s: reports months but has no results" % fn)
    for m in d["reported_months"]:
        if m >= d["planned_period"]:
            err("%s: reported month %s not before planned %s" % (fn, m, d["planned_period"]))
        if not any(r["period"] == m for r in gold["results"] if r["file"] == fn):
            err("%s: no result for reported month %s" % (fn, m))
for x in gold["tasks"]:
    if x["period"] != docs[x["file"]]["planned_period"]:
        err("%s: period %s != planned %s" % (x["id"], x["period"], docs[x["file"]]["planned_period"]))
for x in gold["results"]:
    if x["period"] not in docs[x["file"]]["reported_months"]:
        err("%s: period %s not a reported month of %s" % (x["id"], x["period"], x["file"]))

# ---------- links ----------
def unit_of(iid):
    it = task.get(iid) or res.get(iid)
    return docs[it["file"]]["unit"]


def docs_of_unit(u):
    return sorted((d for d in docs.values() if d["unit"] == u), key=lambda d: d["planned_period"])


STATUS = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
seen = set()
for l in gold["follow_through"]:
    t, r = l.get("task"), l.get("result")
    if t not in task or r not in res:
        err("follow_through bad ids %r" % l); continue
    if l.get("status") not in STATUS:
        err("follow_through status %r" % l)
    if (t, r) in seen:
        err("duplicate follow_through %s %s" % (t, r))
    seen.add((t, r))
    if unit_of(t) != unit_of(r):
        err("follow_through across units %s %s" % (t, r))
    td, rd = docs[task[t]["file"]], docs[res[r]["file"]]
    if not rd["planned_period"] > td["planned_period"]:
        err("follow_through not forward %s %s" % (t, r))
    if res[r]["period"] < task[t]["period"]:
        err("follow_through result %s reports before task %s's month" % (r, t))
    first = next((d for d in docs_of_unit(td["unit"]) if d["planned_period"] > td["planned_period"]
                  and task[t]["period"] in d["reported_months"]), None)
    if first is None or first["file"] != rd["file"]:
        err("follow_through %s -> %s: not in the first document reporting %s" % (t, r, task[t]["period"]))
seen = set()
for l in gold["carry_over"]:
    a, b = l.get("from"), l.get("to")
    if a not in task or b not in task:
        err("carry_over bad ids %r" % l); continue
    if l.get("kind") not in KINDS:
        err("carry_over kind %r" % l)
    if (a, b) in seen:
        err("duplicate carry_over %s %s" % (a, b))
    seen.add((a, b))
    if unit_of(a) != unit_of(b):
        err("carry_over across units %s %s" % (a, b))
    if not task[b]["period"] > task[a]["period"]:
        err("carry_over not forward %s %s" % (a, b))

# ---------- gaps ----------
linked = {l["task"] for l in gold["follow_through"]} | {l["from"] for l in gold["carry_over"]}
expected = set()
for tid, t in task.items():
    u = docs[t["file"]]["unit"]
    last = docs_of_unit(u)[-1]["file"]
    if t["file"] != last and tid not in linked:
        expected.add(tid)
if set(gold["gaps"]) != expected or len(gold["gaps"]) != len(set(gold["gaps"])):
    err("gaps %s != unlinked tasks of non-last documents %s" % (sorted(gold["gaps"]), sorted(expected)))
for g in gold["gaps"]:
    if g not in task:
        err("gap %s is not a task" % g)

# ---------- decoys ----------
decoys = list(gold.get("cross_unit_decoys", []))
units = {d["unit"] for d in docs.values()}
for p in decoys:
    if len(p) != 2 or not all(x in task or x in res for x in p):
        err("bad cross_unit_decoy %r" % p)
    elif unit_of(p[0]) == unit_of(p[1]):
        err("cross_unit_decoy within one unit %r" % p)
if len(units) > 1 and not decoys:
    err("two units but no cross_unit_decoys")
wpath = os.path.join(HERE, "_src", "decoys_within.json")
if os.path.exists(wpath):
    decoys += json.load(open(wpath, encoding="utf-8"))
pairs = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
        {(l["from"], l["to"]) for l in gold["carry_over"]}
for p in decoys:
    if len(p) == 2 and ((p[0], p[1]) in pairs or (p[1], p[0]) in pairs):
        err("decoy pair linked: %r" % p)

if errors:
    print("\n".join(errors))
    print("FAILED: %d error(s)" % len(errors))
    sys.exit(1)
print("OK: %d documents, %d tasks, %d results, %d follow-through, %d carry-over, %d gaps, %d decoy pairs"
      % (len(docs), len(task), len(res), len(gold["follow_through"]), len(gold["carry_over"]),
         len(gold["gaps"]), len(decoys)))
