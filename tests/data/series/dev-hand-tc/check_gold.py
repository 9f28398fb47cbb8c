#!/usr/bin/env python3
"""Check gold.json of the hand-written series beside this file. Prints OK when all checks pass."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors, warnings = [], []


def err(msg):
    errors.append(msg)


NAME_RE = re.compile(r"^([a-z0-9-]+)_(\d{4})-(\d{2})\.txt$")
MONTH_RE = re.compile(r"^\d{4}-\d{2}$")
HEADING_RE = re.compile(r"^(\d+|[IVX]+)\.\s")
TASK_LINE_RE = re.compile(r"^\[([^\]\[]+) – ([^\]\[]+)\] \S")
RESULT_LINE_RE = re.compile(r"^\((✓|…|✗)\) \S")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}

with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
    gold = json.load(f)

# ---------------------------------------------------------------- form
for key, typ in [("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)]:
    if not isinstance(gold.get(key), typ):
        err("gold.%s missing or not a %s" % (key, typ.__name__))
decoys = gold.get("cross_unit_decoys", [])
if not isinstance(decoys, list) or any(not (isinstance(p, list) and len(p) == 2) for p in decoys):
    err("cross_unit_decoys must be a list of pairs")
if errors:
    print("\n".join("ERROR " + e for e in errors))
    sys.exit(1)

docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document keys: %r" % d)
        continue
    if d["file"] in docs:
        err("duplicate document " + d["file"])
    if not all(isinstance(m, str) and MONTH_RE.match(m) for m in d["reported_months"]) \
            or not MONTH_RE.match(d["planned_period"]):
        err("bad month form in " + d["file"])
    docs[d["file"]] = d

items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            err("%s item keys: %r" % (kind, it))
            continue
        if it["id"] in items:
            err("duplicate id " + it["id"])
        if it["file"] not in docs:
            err("item %s names unknown file %s" % (it["id"], it["file"]))
        if not MONTH_RE.match(it["period"]):
            err("bad period for " + it["id"])
        if not it["text"].strip():
            err("empty text " + it["id"])
        it = dict(it, kind=kind[:-1])
        items[it["id"]] = it

for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err("follow_through keys %r" % l)
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err("carry_over keys %r" % l)

# ---------------------------------------------------------------- files
txt_files = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if set(txt_files) != set(docs):
    err("documents in gold %s != .txt files %s" % (sorted(docs), txt_files))
texts = {}
for fn in docs:
    m = NAME_RE.match(fn)
    if not m:
        err("bad file name " + fn)
        continue
    if "%s-%s" % (m.group(2), m.group(3)) != docs[fn]["planned_period"]:
        err("file name month != planned_period: " + fn)
    path = os.path.join(HERE, fn)
    if not os.path.exists(path):
        err("missing file " + fn)
        continue
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("BOM in " + fn)
    if b"\r" in raw:
        err("CR in " + fn)
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err("not UTF-8: %s (%s)" % (fn, e))
        continue
    if unicodedata.normalize("NFC", t) != t:
        err("not NFC: " + fn)
    if "{{" in t or "}}" in t:
        err("hand marks left in " + fn)
    texts[fn] = t

# ---------------------------------------------------------------- texts: exact, unique, no overlaps
spans = {fn: [] for fn in texts}
for it in items.values():
    t = texts.get(it["file"])
    if t is None:
        continue
    if unicodedata.normalize("NFC", it["text"]) != it["text"]:
        err("item text not NFC: " + it["id"])
    n = t.count(it["text"])
    if n != 1:
        err("item %s occurs %d times in %s" % (it["id"], n, it["file"]))
        continue
    s = t.index(it["text"])
    spans[it["file"]].append((s, s + len(it["text"]), it["id"]))
for fn, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err("overlap %s / %s in %s" % (a[2], b[2], fn))


# ---------------------------------------------------------------- sections fully labelled
def month_of(mm, yyyy):
    return "%s-%02d" % (yyyy, int(mm))


for fn, t in texts.items():
    d = docs[fn]
    lines = t.split("\n")
    by_line = {}
    for it in items.values():
        if it["file"] == fn:
            by_line[it["text"]] = it
    # locate sections
    try:
        r0 = next(i for i, l in enumerate(lines) if l.startswith("I. KẾT QUẢ"))
        r1 = next(i for i, l in enumerate(lines) if l.startswith("II. "))
        t0 = next(i for i, l in enumerate(lines) if l.startswith("III. NHIỆM VỤ"))
        t1 = next(i for i, l in enumerate(lines) if l.startswith("Trên đây"))
    except StopIteration:
        err("sections not found in " + fn)
        continue
    if not (r0 < r1 < t0 < t1):
        err("section order in " + fn)
    found = {"task": [], "result": []}
    multi = len(d["reported_months"]) > 1
    for kind, a, b in (("result", r0 + 1, r1), ("task", t0 + 1, t1)):
        cur_month = d["reported_months"][0] if not multi else None
        for i in range(a, b):
            line = lines[i].strip()
            if not line:
                continue
            if HEADING_RE.match(line):
                mh = re.match(r"^\d+\.\s+Tháng (\d{1,2})/(\d{4})$", line)
                if kind == "result" and multi and mh:
                    cur_month = month_of(mh.group(1), mh.group(2))
                continue
            if line.endswith(":"):
                continue  # lead-in
            it = by_line.get(line)
            if it is None:
                err("%s line %d in %s section is not a labelled item: %s" % (fn, i + 1, kind, line[:70]))
                continue
            if it["kind"] != kind:
                err("%s is a %s but sits in the %s section of %s" % (it["id"], it["kind"], kind, fn))
            found[kind].append(it["id"])
            if kind == "task":
                m = TASK_LINE_RE.match(line)
                if not m:
                    err("task line without [deadline – body]: " + it["id"])
                else:
                    for dd, mm in re.findall(r"(\d{1,2})/(\d{1,2})", m.group(1)):
                        if month_of(mm, d["planned_period"][:4]) != d["planned_period"]:
                            err("deadline month of %s not in planned month" % it["id"])
                if it["period"] != d["planned_period"]:
                    err("task %s period %s != planned %s" % (it["id"], it["period"], d["planned_period"]))
            else:
                if not RESULT_LINE_RE.match(line):
                    err("result line without status mark: " + it["id"])
                if it["period"] not in d["reported_months"]:
                    err("result %s period %s not reported by %s" % (it["id"], it["period"], fn))
                if cur_month is None:
                    err("result %s of multi-month %s not under a month heading" % (it["id"], fn))
                elif it["period"] != cur_month:
                    err("result %s period %s but sits under %s" % (it["id"], it["period"], cur_month))
    # every labelled item of the file was met in its section
    for it in items.values():
        if it["file"] == fn and it["id"] not in found[it["kind"]]:
            err("item %s not found as a whole line of its section" % it["id"])
    nt, nr = len(found["task"]), len(found["result"])
    if not 10 <= nt <= 18:
        err("%s has %d tasks" % (fn, nt))
    if not (10 <= nr <= 18 or nr == 0):
        err("%s has %d results" % (fn, nr))
    # title and date agree with the periods
    title = next((lines[i + 1] for i, l in enumerate(lines) if l.strip() == "BÁO CÁO"), "")
    mt = re.findall(r"tháng (\d{1,2})", title)
    my = re.search(r"năm (\d{4})", title)
    if not mt or not my:
        err("title not parsed in " + fn)
    else:
        months = [month_of(x, my.group(1)) for x in mt]
        if months[:-1] != d["reported_months"] or months[-1] != d["planned_period"]:
            err("title months %s disagree with gold for %s" % (months, fn))
    md = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
    if not md or month_of(md.group(2), md.group(3)) != d["reported_months"][-1]:
        err("issue date of %s not in its last reported month" % fn)
    if not re.search(r"^Số: \d+/BC-UBND$", t, re.M):
        err("no 'Số' line in " + fn)

# ---------------------------------------------------------------- links
def doc_of(iid):
    return docs[items[iid]["file"]]


unit_docs = {}
for d in docs.values():
    unit_docs.setdefault(d["unit"], []).append(d)
for u in unit_docs:
    unit_docs[u].sort(key=lambda d: d["planned_period"])

ft_tasks, co_tasks = set(), set()
seen_links = set()
for l in gold["follow_through"]:
    t, r, s = l.get("task"), l.get("result"), l.get("status")
    if (t, r) in seen_links:
        err("duplicate follow-through %s->%s" % (t, r))
    seen_links.add((t, r))
    if t not in items or items[t]["kind"] != "task":
        err("follow-through: unknown task " + str(t)); continue
    if r not in items or items[r]["kind"] != "result":
        err("follow-through: unknown result " + str(r)); continue
    if s not in STATUSES:
        err("bad status %r for %s->%s" % (s, t, r))
    dt, dr = doc_of(t), doc_of(r)
    if dt["unit"] != dr["unit"]:
        err("follow-through across units %s->%s" % (t, r))
    if not (dr["planned_period"] > dt["planned_period"] and items[r]["period"] >= items[t]["period"]):
        err("follow-through not forward in time %s->%s" % (t, r))
    first = next((d for d in unit_docs[dt["unit"]]
                  if d["planned_period"] > dt["planned_period"] and items[t]["period"] in d["reported_months"]), None)
    if first is None or first["file"] != dr["file"]:
        err("follow-through %s->%s is not in the first document reporting on %s" % (t, r, items[t]["period"]))
    mark = items[r]["text"][:3]
    if s == "done" and mark != "(✓)":
        warnings.append("%s->%s done but result marked %s" % (t, r, mark))
    if s == "partial" and mark == "(✓)":
        warnings.append("%s->%s partial but result marked %s" % (t, r, mark))
    ft_tasks.add(t)

for l in gold["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if (a, b) in seen_links:
        err("duplicate carry-over %s->%s" % (a, b))
    seen_links.add((a, b))
    if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
        err("carry-over must link two tasks: %s->%s" % (a, b)); continue
    if k not in KINDS:
        err("bad kind %r for %s->%s" % (k, a, b))
    if doc_of(a)["unit"] != doc_of(b)["unit"]:
        err("carry-over across units %s->%s" % (a, b))
    if not items[b]["period"] > items[a]["period"]:
        err("carry-over not forward in time %s->%s" % (a, b))
    co_tasks.add(a)

# ---------------------------------------------------------------- gaps
expected_gaps = set()
for it in items.values():
    if it["kind"] != "task":
        continue
    d = doc_of(it["id"])
    if d is unit_docs[d["unit"]][-1]:
        continue
    if it["id"] not in ft_tasks and it["id"] not in co_tasks:
        expected_gaps.add(it["id"])
if len(set(gold["gaps"])) != len(gold["gaps"]):
    err("duplicate gap ids")
if set(gold["gaps"]) != expected_gaps:
    err("gaps %s != unlinked tasks of non-last documents %s" % (sorted(gold["gaps"]), sorted(expected_gaps)))

# ---------------------------------------------------------------- decoys
linked_pairs = {frozenset(p) for p in seen_links}
for p in decoys:
    a, b = p
    if a not in items or b not in items:
        err("decoy names unknown item %r" % p); continue
    if doc_of(a)["unit"] == doc_of(b)["unit"]:
        err("decoy pair within one unit %r" % p)
    if frozenset(p) in linked_pairs:
        err("decoy pair is linked %r" % p)
if len(unit_docs) > 1 and not decoys:
    err("two or more units but no cross_unit_decoys")

# ---------------------------------------------------------------- report
for w in warnings:
    print("warning: " + w)
if errors:
    for e in errors:
        print("ERROR " + e)
    sys.exit(1)
print("documents %d, tasks %d, results %d, follow-through %d, carry-over %d, gaps %d, decoys %d"
      % (len(docs), sum(1 for i in items.values() if i["kind"] == "task"),
         sum(1 for i in items.values() if i["kind"] == "result"),
         len(gold["follow_through"]), len(gold["carry_over"]), len(gold["gaps"]), len(decoys)))
print("OK")
