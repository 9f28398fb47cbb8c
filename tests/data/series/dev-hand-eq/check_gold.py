#!/usr/bin/env python3
"""Check gold.json of this series against its documents. Prints OK or the errors.

Checks: the form; file names; UTF-8 / NFC / no BOM / \\n line ends; every text an
exact unique substring of its file and no overlaps; every bullet of the results and
tasks sections labelled (headings, lead-ins, "Hạn chế" lines, closing skipped);
task/result counts per document (10..18); periods agree with the documents (title,
date, month headings); links within one unit and forward in time; allowed statuses
and kinds; gaps exactly the unlinked tasks of non-last documents; decoys never linked.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def ym(y, m):
    return "%04d-%02d" % (int(y), int(m))


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---------------------------------------------------------------- form
KEYS = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps"}
for k in KEYS:
    if k not in gold:
        err("missing key %s" % k)
for k in gold:
    if k not in KEYS | {"cross_unit_decoys"}:
        err("unexpected key %s" % k)
YM = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
docs = {}
for d in gold.get("documents", []):
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document fields %s" % sorted(d))
        continue
    if d["file"] in docs:
        err("duplicate document %s" % d["file"])
    if not isinstance(d["reported_months"], list) or not all(isinstance(x, str) and YM.match(x) for x in d["reported_months"]):
        err("bad reported_months in %s" % d["file"])
    if not YM.match(d["planned_period"]):
        err("bad planned_period in %s" % d["file"])
    docs[d["file"]] = d

items = {}
for kind in ("tasks", "results"):
    for it in gold.get(kind, []):
        if set(it) != {"id", "file", "period", "text"}:
            err("%s fields %s" % (kind, sorted(it)))
            continue
        if it["id"] in items:
            err("duplicate id %s" % it["id"])
        if it["file"] not in docs:
            err("%s in unknown file %s" % (it["id"], it["file"]))
        if not YM.match(it["period"]):
            err("bad period for %s" % it["id"])
        if not it["text"].strip():
            err("empty text %s" % it["id"])
        it = dict(it, kind=kind)
        items[it["id"]] = it
tasks = {i: it for i, it in items.items() if it["kind"] == "tasks"}
results = {i: it for i, it in items.items() if it["kind"] == "results"}

# ---------------------------------------------------------------- files
NAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if sorted(docs) != on_disk:
    err("documents %s != .txt files %s" % (sorted(docs), on_disk))
texts = {}
for f, d in docs.items():
    m = NAME.match(f)
    if not m:
        err("bad file name %s" % f)
    elif m.group(2) != d["planned_period"]:
        err("%s: name month != planned_period %s" % (f, d["planned_period"]))
    path = os.path.join(HERE, f)
    if not os.path.exists(path):
        err("missing file %s" % f)
        continue
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s has a BOM" % f)
    if b"\r" in raw:
        err("%s has \\r" % f)
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err("%s not UTF-8" % f)
        continue
    if unicodedata.normalize("NFC", t) != t:
        err("%s not NFC" % f)
    texts[f] = t

# ---------------------------------------------------------------- substrings, overlaps
spans = {}
for i, it in items.items():
    t = texts.get(it["file"])
    if t is None:
        continue
    if unicodedata.normalize("NFC", it["text"]) != it["text"]:
        err("%s text not NFC" % i)
    n = t.count(it["text"])
    if n != 1:
        err("%s: text occurs %d times in %s" % (i, n, it["file"]))
        continue
    s = t.index(it["text"])
    spans[i] = (s, s + len(it["text"]))
for f in texts:
    ss = sorted((spans[i][0], spans[i][1], i) for i in spans if items[i]["file"] == f)
    for a, b in zip(ss, ss[1:]):
        if b[0] < a[1]:
            err("overlap %s / %s in %s" % (a[2], b[2], f))

# ---------------------------------------------------------------- sections
HEADING = re.compile(r"^(\d+\.|[IVX]+\.)\s")
MONTHS_IN = re.compile(r"tháng (\d{1,2})(?: năm (\d{4}))?")


def parse_title_months(t):
    line = next((l for l in t.split("\n") if l.startswith("về kết quả tháng")), None)
    if line is None:
        return None, None
    left, _, right = line.partition("chương trình công tác")
    rm = MONTHS_IN.search(right)
    if not rm or not rm.group(2):
        return None, None
    planned = ym(rm.group(2), rm.group(1))
    ms = MONTHS_IN.findall(left)
    yr_left = re.search(r"năm (\d{4})", left)
    reported = []
    for mon, yr in ms:
        y = yr or (yr_left.group(1) if yr_left else rm.group(2))
        reported.append(ym(y, mon))
    return reported, planned


for f, t in texts.items():
    d = docs[f]
    # title and date agree with the document's periods
    rep, plan = parse_title_months(t)
    if rep != d["reported_months"] or plan != d["planned_period"]:
        err("%s: title months %s/%s != gold %s/%s" % (f, rep, plan, d["reported_months"], d["planned_period"]))
    dm = re.search(r", ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
    if not dm:
        err("%s: no place/date line" % f)
    else:
        issued = ym(dm.group(3), dm.group(2))
        if not (max(d["reported_months"]) <= issued < d["planned_period"]):
            err("%s: issued %s outside [%s, %s)" % (f, issued, max(d["reported_months"]), d["planned_period"]))
    if "ĐẢNG CỘNG SẢN VIỆT NAM" not in t or not re.search(r"Số \d+-TB/ĐU", t):
        err("%s: header incomplete" % f)

    lines = t.split("\n")
    pos, off = [], 0
    for l in lines:
        pos.append(off)
        off += len(l) + 1
    section = None           # None, "results", "limits", "tasks", "end"
    month_of_heading = None
    counts = {"tasks": 0, "results": 0}
    labelled = {}
    for i in spans:
        if items[i]["file"] == f:
            labelled[spans[i][0]] = i
    seen = set()
    for l, p in zip(lines, pos):
        s = l.strip()
        if s.startswith("I. "):
            section = "results"
            continue
        if s.startswith("II. "):
            section = "tasks"
            continue
        if section == "results" and s.startswith("Hạn chế"):
            section = "limits"
            continue
        if section in (None, "end"):
            continue
        if not s:
            continue
        if HEADING.match(s):
            mm = re.search(r"tháng (\d{1,2}) năm (\d{4})", s)
            month_of_heading = ym(mm.group(2), mm.group(1)) if (mm and section == "results") else None
            continue
        if s.startswith("- "):
            if section == "limits":
                if p + 2 in labelled:
                    err("%s: limitation labelled as %s" % (f, labelled[p + 2]))
                continue
            iid = labelled.get(p + 2)
            if iid is None or spans[iid][1] != p + len(l):
                err("%s: unlabelled %s bullet: %s" % (f, section, s[:70]))
                continue
            want = "results" if section == "results" else "tasks"
            if items[iid]["kind"] != want:
                err("%s: %s in %s section" % (f, iid, section))
            counts[want] += 1
            seen.add(iid)
            if want == "results":
                if items[iid]["period"] not in d["reported_months"]:
                    err("%s: result period %s not reported" % (iid, items[iid]["period"]))
                if month_of_heading and items[iid]["period"] != month_of_heading:
                    err("%s: period %s under heading of %s" % (iid, items[iid]["period"], month_of_heading))
                if len(d["reported_months"]) > 1 and not month_of_heading:
                    err("%s: multi-month document without month heading" % iid)
            else:
                if items[iid]["period"] != d["planned_period"]:
                    err("%s: task period != planned period" % iid)
            continue
        if s.endswith(":"):
            continue  # lead-in
        if section == "limits":
            err("%s: prose in limitations: %s" % (f, s[:70]))
            continue
        if section == "tasks":
            section = "end"  # closing assignment paragraph
            continue
        err("%s: unlabelled sentence in %s section: %s" % (f, section, s[:70]))
    for i in spans:
        if items[i]["file"] == f and i not in seen:
            err("%s: %s is not a bullet of a results/tasks section" % (f, i))
    for k in ("tasks", "results"):
        if not (10 <= counts[k] <= 18):
            err("%s: %d %s (want 10..18)" % (f, counts[k], k))

# ---------------------------------------------------------------- links
order = sorted(docs, key=lambda f: docs[f]["planned_period"])
idx = {f: n for n, f in enumerate(order)}


def unit(i):
    return docs[items[i]["file"]]["unit"]


ft_pairs, co_pairs = set(), set()
linked = set()
for l in gold.get("follow_through", []):
    if set(l) != {"task", "result", "status"}:
        err("follow_through fields %s" % sorted(l))
        continue
    a, b = l["task"], l["result"]
    if a not in tasks or b not in results:
        err("follow_through %s -> %s: unknown ids" % (a, b))
        continue
    if l["status"] not in ("done", "partial"):
        err("follow_through %s -> %s: status %s" % (a, b, l["status"]))
    if unit(a) != unit(b):
        err("follow_through %s -> %s across units" % (a, b))
    if not (idx[items[b]["file"]] > idx[items[a]["file"]] and results[b]["period"] >= tasks[a]["period"]):
        err("follow_through %s -> %s not forward in time" % (a, b))
    if (a, b) in ft_pairs:
        err("duplicate follow_through %s -> %s" % (a, b))
    ft_pairs.add((a, b))
    linked.add(a)
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in gold.get("carry_over", []):
    if set(l) != {"from", "to", "kind"}:
        err("carry_over fields %s" % sorted(l))
        continue
    a, b = l["from"], l["to"]
    if a not in tasks or b not in tasks:
        err("carry_over %s -> %s: unknown task ids" % (a, b))
        continue
    if l["kind"] not in KINDS:
        err("carry_over %s -> %s: kind %s" % (a, b, l["kind"]))
    if unit(a) != unit(b):
        err("carry_over %s -> %s across units" % (a, b))
    if not (idx[items[b]["file"]] > idx[items[a]["file"]] and tasks[b]["period"] > tasks[a]["period"]):
        err("carry_over %s -> %s not forward in time" % (a, b))
    if (a, b) in co_pairs:
        err("duplicate carry_over %s -> %s" % (a, b))
    co_pairs.add((a, b))
    linked.add(a)

# ---------------------------------------------------------------- gaps
last_of_unit = {}
for f in order:
    last_of_unit[docs[f]["unit"]] = f
want_gaps = sorted(i for i, it in tasks.items()
                   if i not in linked and last_of_unit[docs[it["file"]]["unit"]] != it["file"])
gaps = gold.get("gaps", [])
if len(set(gaps)) != len(gaps):
    err("duplicate gaps")
if sorted(gaps) != want_gaps:
    err("gaps %s != unlinked tasks of non-last documents %s" % (sorted(gaps), want_gaps))

# ---------------------------------------------------------------- decoys
decoys = list(gold.get("cross_unit_decoys", []))
for pair in decoys:
    if len(pair) != 2 or not all(p in items for p in pair):
        err("bad cross_unit_decoy %s" % pair)
    elif unit(pair[0]) == unit(pair[1]):
        err("cross_unit_decoy %s within one unit" % pair)
extra = os.path.join(HERE, "_src", "within_unit_decoys.json")
if os.path.exists(extra):
    decoys += json.load(open(extra, encoding="utf-8"))
for pair in decoys:
    a, b = pair[0], pair[1]
    if a not in items or b not in items:
        err("decoy %s unknown" % pair)
        continue
    if (a, b) in ft_pairs or (b, a) in ft_pairs or (a, b) in co_pairs or (b, a) in co_pairs:
        err("decoy %s is linked" % pair)

if errors:
    for e in errors:
        print("ERROR:", e)
    sys.exit(1)
print("OK")
