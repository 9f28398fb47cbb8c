#!/usr/bin/env python3
"""Check gold.json of this folder against its documents.  Prints OK or the list of problems.

Checks: the form of gold.json; file names; UTF-8 (no BOM), NFC, \\n line ends; every item text an
exact, unique substring of its file, items never overlapping; every sentence/bullet of the
conclusion body (results, limitations, tasks; headings and lead-ins ending in ':' skipped) is a
labelled item or a limitation listed in _src/limitations.json; 10-18 tasks and 10-18 results per
document (0 results allowed for a notice that reports nothing); periods agree with the documents
(header date, agenda heading, item periods); links within one unit and forward in time, the
follow-through going to the first later notice that reports on the task's month; allowed
statuses and kinds; gaps exactly the unlinked tasks of non-last notices; decoys (cross-unit, and
the within-unit near misses of _src/near_miss.json) never linked.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
problems = []


def bad(msg):
    problems.append(msg)


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


gold = load_json(os.path.join(HERE, "gold.json"))
lim_path = os.path.join(HERE, "_src", "limitations.json")
limitations = load_json(lim_path) if os.path.exists(lim_path) else []
nm_path = os.path.join(HERE, "_src", "near_miss.json")
near_miss = load_json(nm_path) if os.path.exists(nm_path) else []

# ---------------- form ----------------
REQ = {"documents": list, "tasks": list, "results": list, "follow_through": list,
       "carry_over": list, "gaps": list}
for k, t in REQ.items():
    if not isinstance(gold.get(k), t):
        bad("gold.json: key %r missing or not a %s" % (k, t.__name__))
for k in gold:
    if k not in REQ and k != "cross_unit_decoys":
        bad("gold.json: unexpected key %r" % k)
if problems:
    print("\n".join(problems))
    sys.exit(1)

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        bad("document fields: %r" % d)
        continue
    if d["file"] in docs:
        bad("document listed twice: " + d["file"])
    if not MONTH.match(d["planned_period"]) or not all(MONTH.match(m) for m in d["reported_months"]):
        bad("bad month in document " + d["file"])
    docs[d["file"]] = d

items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            bad("%s fields: %r" % (kind, it))
            continue
        if it["id"] in items:
            bad("duplicate id " + it["id"])
        if it["file"] not in docs:
            bad("%s %s: unknown file %s" % (kind, it["id"], it["file"]))
        if not MONTH.match(it["period"]):
            bad("%s: bad period %s" % (it["id"], it["period"]))
        if not isinstance(it["text"], str) or not it["text"].strip():
            bad("%s: empty text" % it["id"])
        items[it["id"]] = dict(it, kind=kind)
tasks = {i: it for i, it in items.items() if it["kind"] == "tasks"}
results = {i: it for i, it in items.items() if it["kind"] == "results"}

# ---------------- file names and encoding ----------------
NAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
texts = {}
for fn, d in docs.items():
    m = NAME.match(fn)
    if not m:
        bad("file name not <slug>_<YYYY-MM>.txt: " + fn)
    elif m.group(2) != d["planned_period"]:
        bad("%s: name month %s != planned_period %s" % (fn, m.group(2), d["planned_period"]))
    path = os.path.join(HERE, fn)
    if not os.path.exists(path):
        bad("missing file " + fn)
        continue
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        bad(fn + ": BOM")
    if b"\r" in raw:
        bad(fn + ": CR line ends")
    try:
        txt = raw.decode("utf-8")
    except UnicodeDecodeError:
        bad(fn + ": not UTF-8")
        continue
    if unicodedata.normalize("NFC", txt) != txt:
        bad(fn + ": not NFC")
    texts[fn] = txt
for fn in os.listdir(HERE):
    if fn.endswith(".txt") and fn not in docs:
        bad("document file not in gold.json: " + fn)

# ---------------- exact unique substrings, no overlaps ----------------
spans = {fn: [] for fn in texts}
lim_by_file = {}
for lm in limitations:
    lim_by_file.setdefault(lm["file"], set()).add(lm["text"])
labelled = [(i, it["file"], it["text"]) for i, it in items.items()]
labelled += [("L:" + lm["text"][:30], lm["file"], lm["text"]) for lm in limitations]
for ident, fn, text in labelled:
    if fn not in texts:
        continue
    n = texts[fn].count(text)
    if n != 1:
        bad("%s: text occurs %d times in %s" % (ident, n, fn))
        continue
    s = texts[fn].index(text)
    spans[fn].append((s, s + len(text), ident))
for fn, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            bad("%s: items %s and %s overlap" % (fn, a[2], b[2]))

# ---------------- every sentence of the body labelled ----------------
START = re.compile(r"kết luận(?: như sau)?:\s*$")
END = re.compile(r"^(Văn phòng Đảng ủy phường thông báo|Thường trực Đảng ủy giao các đồng chí)")
HEADING = re.compile(r"^(\d+\.|[a-zđ]\))\s")
SPLIT = re.compile(r"(?<=[.!?])\s+")
for fn, txt in texts.items():
    lines = txt.split("\n")
    try:
        i0 = next(i for i, l in enumerate(lines) if START.search(l))
        i1 = next(i for i, l in enumerate(lines) if i > i0 and END.match(l))
    except StopIteration:
        bad(fn + ": conclusion body not found")
        continue
    own = {it["text"] for it in items.values() if it["file"] == fn}
    lims = lim_by_file.get(fn, set())
    seen = set()
    for line in lines[i0 + 1:i1]:
        line = line.strip()
        if not line or HEADING.match(line) or line.endswith(":"):
            continue
        body = line[2:] if line.startswith("- ") else line
        for sent in SPLIT.split(body):
            sent = sent.strip().rstrip(".;").strip()
            if not sent:
                continue
            if sent in own or sent in lims:
                seen.add(sent)
            else:
                bad("%s: unlabelled sentence: %s" % (fn, sent[:90]))
    for t in own:
        if t not in seen:
            bad("%s: item is not a whole sentence/bullet of the body: %s" % (fn, t[:90]))
    for t in lims:
        if t not in seen:
            bad("%s: limitation not a whole sentence of the body: %s" % (fn, t[:90]))

# ---------------- counts ----------------
for fn, d in docs.items():
    nt = sum(1 for t in tasks.values() if t["file"] == fn)
    nr = sum(1 for r in results.values() if r["file"] == fn)
    if not 10 <= nt <= 18:
        bad("%s: %d tasks (want 10-18)" % (fn, nt))
    if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
        bad("%s: %d results (want 10-18)" % (fn, nr))

# ---------------- periods agree with the documents ----------------
DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
for fn, d in docs.items():
    if fn not in texts:
        continue
    txt = texts[fn]
    for m in d["reported_months"]:
        if m >= d["planned_period"]:
            bad(fn + ": reported month not before planned period")
    dm = DATE.search(txt)
    if not dm:
        bad(fn + ": no header date")
    else:
        ym = "%s-%02d" % (dm.group(3), int(dm.group(2)))
        if ym != max(d["reported_months"]):
            bad("%s: header date %s not in the last reported month" % (fn, ym))
    head = next((l for l in txt.split("\n") if l.startswith("1. Về báo cáo kết quả")), "")
    if not head:
        bad(fn + ": agenda item 1 heading missing")
    else:
        pm = int(d["planned_period"][5:])
        if not re.search(r"nhiệm vụ trọng tâm tháng 0?%d năm %s" % (pm, d["planned_period"][:4]), head):
            bad(fn + ": heading does not name the planned month")
        part = head.split("nhiệm vụ trọng tâm")[0]
        for m in d["reported_months"]:
            if not re.search(r"tháng 0?%d\b" % int(m[5:]), part):
                bad("%s: heading does not name reported month %s" % (fn, m))
for t in tasks.values():
    if t["file"] in docs and t["period"] != docs[t["file"]]["planned_period"]:
        bad("%s: period %s != planned period" % (t["id"], t["period"]))
for r in results.values():
    if r["file"] in docs and r["period"] not in docs[r["file"]]["reported_months"]:
        bad("%s: period %s not reported by its document" % (r["id"], r["period"]))

# ---------------- links ----------------
def doc_of(ident):
    return docs[items[ident]["file"]]


units = {}
for d in docs.values():
    units.setdefault(d["unit"], []).append(d)
for u in units.values():
    u.sort(key=lambda d: d["planned_period"])

ft_pairs, co_pairs = set(), set()
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        bad("follow_through fields: %r" % l)
        continue
    t, r, s = l["task"], l["result"], l["status"]
    if t not in tasks or r not in results:
        bad("follow_through unknown ids %s -> %s" % (t, r))
        continue
    if (t, r) in ft_pairs:
        bad("duplicate follow_through %s -> %s" % (t, r))
    ft_pairs.add((t, r))
    if s not in ("done", "partial"):
        bad("follow_through %s -> %s: status %r" % (t, r, s))
    dt, dr = doc_of(t), doc_of(r)
    if dt["unit"] != dr["unit"]:
        bad("follow_through across units %s -> %s" % (t, r))
    if dr["planned_period"] <= dt["planned_period"]:
        bad("follow_through not forward %s -> %s" % (t, r))
    if results[r]["period"] < tasks[t]["period"]:
        bad("follow_through %s -> %s: result reports an earlier month" % (t, r))
    first = next((d for d in units[dt["unit"]]
                  if d["planned_period"] > dt["planned_period"]
                  and tasks[t]["period"] in d["reported_months"]), None)
    if first is None or first["file"] != dr["file"]:
        bad("follow_through %s -> %s: not the first notice reporting on %s" % (t, r, tasks[t]["period"]))
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        bad("carry_over fields: %r" % l)
        continue
    a, b, k = l["from"], l["to"], l["kind"]
    if a not in tasks or b not in tasks:
        bad("carry_over unknown ids %s -> %s" % (a, b))
        continue
    if (a, b) in co_pairs:
        bad("duplicate carry_over %s -> %s" % (a, b))
    co_pairs.add((a, b))
    if k not in KINDS:
        bad("carry_over %s -> %s: kind %r" % (a, b, k))
    da, db = doc_of(a), doc_of(b)
    if da["unit"] != db["unit"]:
        bad("carry_over across units %s -> %s" % (a, b))
    if db["planned_period"] <= da["planned_period"]:
        bad("carry_over not forward %s -> %s" % (a, b))
# a split sends one task to at least two tasks
for a in {a for a, b in co_pairs}:
    ks = [l["kind"] for l in gold["carry_over"] if l["from"] == a]
    if "split" in ks and ks.count("split") < 2:
        bad("carry_over split from %s has only one part" % a)

# ---------------- gaps ----------------
linked = {t for t, r in ft_pairs} | {a for a, b in co_pairs}
expected = set()
for u in units.values():
    last = u[-1]["file"]
    for t in tasks.values():
        if docs[t["file"]]["unit"] == u[0]["unit"] and t["file"] != last and t["id"] not in linked:
            expected.add(t["id"])
gaps = set(gold["gaps"])
if len(gaps) != len(gold["gaps"]):
    bad("duplicate ids in gaps")
for g in sorted(gaps - expected):
    bad("gap %s is linked, unknown or in a last notice" % g)
for g in sorted(expected - gaps):
    bad("task %s has no link but is not listed as a gap" % g)

# ---------------- decoys ----------------
all_links = ft_pairs | co_pairs
for pair in gold.get("cross_unit_decoys", []):
    a, b = pair
    if a not in items or b not in items:
        bad("decoy unknown ids %r" % pair)
        continue
    if doc_of(a)["unit"] == doc_of(b)["unit"]:
        bad("cross_unit_decoy within one unit %r" % pair)
    if (a, b) in all_links or (b, a) in all_links:
        bad("decoy linked %r" % pair)
for pair in near_miss:
    a, b = pair
    if a not in items or b not in items:
        bad("near miss unknown ids %r" % pair)
        continue
    if (a, b) in all_links or (b, a) in all_links:
        bad("near miss linked %r" % pair)

if problems:
    print("\n".join(problems))
    print("FAILED: %d problem(s)" % len(problems))
    sys.exit(1)
print("OK")
