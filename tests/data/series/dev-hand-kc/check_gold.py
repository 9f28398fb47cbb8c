#!/usr/bin/env python3
"""Check gold.json of the hand-kc series against its documents.

Checks: the form of gold.json; file names; UTF-8 (strict), NFC, no BOM,
\n line ends; every item text an exact, unique substring of its file and no
two items overlapping; every sentence / bullet of the results and tasks
sections labelled (headings, bullet marks, page footers and lead-ins ending
in ':' are skipped); 10-18 tasks and 10-18 results per document; periods
agree with the documents (metadata "Trích yếu", "Ngày ban hành", "Số ký
hiệu", sub-headings "1.x. ... tháng N"); links inside one unit and forward in
time, a follow-through landing in the first later document that reports the
task's month; allowed statuses and kinds; gaps exactly the unlinked tasks of
documents that are not their unit's last; decoys never linked.
Prints OK when everything holds.  Usage: python3 check_gold.py [DIR]
"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME_RE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

gold = json.load(open(os.path.join(DIR, "gold.json"), encoding="utf-8"))

# ------------------------------------------------------------------ form
for key, typ in (("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)):
    if not isinstance(gold.get(key), typ):
        err("gold.json: '%s' missing or not a %s" % (key, typ.__name__))
if not isinstance(gold.get("cross_unit_decoys", []), list):
    err("gold.json: cross_unit_decoys not a list")
extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
if extra:
    err("gold.json: unknown keys %s" % sorted(extra))
if errors:
    print("\n".join(errors))
    sys.exit(1)


def need(obj, fields, where):
    for f, t in fields:
        if not isinstance(obj.get(f), t):
            err("%s: field '%s' missing or wrong type" % (where, f))
    for f in set(obj) - {f for f, _ in fields}:
        err("%s: unknown field '%s'" % (where, f))


for i, d in enumerate(gold["documents"]):
    need(d, [("file", str), ("unit", str), ("reported_months", list), ("planned_period", str)], "documents[%d]" % i)
for kind in ("tasks", "results"):
    for i, it in enumerate(gold[kind]):
        need(it, [("id", str), ("file", str), ("period", str), ("text", str)], "%s[%d]" % (kind, i))
for i, l in enumerate(gold["follow_through"]):
    need(l, [("task", str), ("result", str), ("status", str)], "follow_through[%d]" % i)
for i, l in enumerate(gold["carry_over"]):
    need(l, [("from", str), ("to", str), ("kind", str)], "carry_over[%d]" % i)
for g in gold["gaps"]:
    if not isinstance(g, str):
        err("gaps: %r is not an id" % (g,))
for p in gold.get("cross_unit_decoys", []):
    if not (isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)):
        err("cross_unit_decoys: bad pair %r" % (p,))
if errors:
    print("\n".join(errors))
    sys.exit(1)

# ------------------------------------------------------------ documents
docs = {}
for d in gold["documents"]:
    f = d["file"]
    if f in docs:
        err("documents: %s listed twice" % f)
    docs[f] = d
    m = NAME_RE.match(f)
    if not m:
        err("%s: bad file name" % f)
        continue
    if "%s-%s" % (m.group(2), m.group(3)) != d["planned_period"]:
        err("%s: name month != planned_period %s" % (f, d["planned_period"]))
    if not MONTH_RE.match(d["planned_period"]) or not all(isinstance(x, str) and MONTH_RE.match(x) for x in d["reported_months"]):
        err("%s: bad month strings" % f)
    elif any(x >= d["planned_period"] for x in d["reported_months"]):
        err("%s: a reported month is not before the planned month" % f)
    if d["reported_months"] != sorted(set(d["reported_months"])):
        err("%s: reported_months not sorted/unique" % f)

on_disk = {n for n in os.listdir(DIR) if n.endswith(".txt")}
for n in sorted(on_disk - set(docs)):
    err("%s: .txt file not listed in gold.json" % n)

texts = {}
for f in docs:
    p = os.path.join(DIR, f)
    if not os.path.exists(p):
        err("%s: missing" % f)
        continue
    raw = open(p, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s: BOM" % f)
    if b"\r" in raw:
        err("%s: CR in file" % f)
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err("%s: not UTF-8 (%s)" % (f, e))
        continue
    if unicodedata.normalize("NFC", t) != t:
        err("%s: not NFC" % f)
    if not t.endswith("\n"):
        err("%s: no final newline" % f)
    texts[f] = t


def month_of(y, m):
    return "%04d-%02d" % (int(y), int(m))


SEP = "-" * 80
sections = {}   # file -> {"results": (a, b), "tasks": (a, b)}
for f, t in texts.items():
    d = docs[f]
    lines = t.split("\n")
    if SEP not in lines:
        err("%s: no metadata separator" % f)
        continue
    meta = lines[:lines.index(SEP)]
    md = {}
    for l in meta:
        if ": " in l:
            k, v = l.split(": ", 1)
            md[k] = v
    for k in ("Số ký hiệu", "Ngày ban hành", "Cơ quan ban hành", "Loại văn bản", "Trích yếu", "Người ký", "Độ khẩn"):
        if k not in md:
            err("%s: metadata '%s' missing" % (f, k))
    if "Trích yếu" not in md or "Ngày ban hành" not in md:
        continue
    ty = md["Trích yếu"]
    years = re.findall(r"(?:năm |/)(\d{4})", ty)
    cut = re.search(r"nhiệm vụ trọng tâm|phương hướng", ty)
    if not years or not cut:
        err("%s: cannot read months from Trích yếu" % f)
    else:
        y = years[-1]
        rep = [month_of(y, m) for m in re.findall(r"tháng (\d{1,2})", ty[:cut.start()])]
        pla = [month_of(y, m) for m in re.findall(r"tháng (\d{1,2})", ty[cut.start():])]
        if rep != d["reported_months"]:
            err("%s: Trích yếu reports %s, gold says %s" % (f, rep, d["reported_months"]))
        if pla != [d["planned_period"]]:
            err("%s: Trích yếu plans %s, gold says %s" % (f, pla, d["planned_period"]))
    dm = re.match(r"(\d{2})/(\d{2})/(\d{4})$", md["Ngày ban hành"])
    if not dm:
        err("%s: bad Ngày ban hành" % f)
    elif d["reported_months"] and month_of(dm.group(3), dm.group(2)) != d["reported_months"][-1]:
        err("%s: issued %s, not in the last reported month" % (f, md["Ngày ban hành"]))
    so = md.get("Số ký hiệu", "")
    if ("\nSố " + so + "\n") not in t:
        err("%s: Số ký hiệu %s not repeated in the notice header" % (f, so))
    if "ĐẢNG CỘNG SẢN VIỆT NAM" not in t:
        err("%s: Party header missing" % f)
    if not re.search(r"(?m)^Nơi nhận:$", t):
        err("%s: Nơi nhận missing" % f)
    if not re.search(r"(?m)^Trang 1/\d+$", t):
        err("%s: no page footer" % f)

    # sections, by line offsets
    offs, o = [], 0
    for l in lines:
        offs.append(o)
        o += len(l) + 1
    body0 = lines.index(SEP) + 1

    def find(rx, start=body0):
        for i in range(start, len(lines)):
            if re.match(rx, lines[i]):
                return i
        return None
    r0 = find(r"(?:I|1)\.\s+(?:KẾT QUẢ|Kết quả)")
    l0 = find(r"(?:II|2)\.\s+(?:HẠN CHẾ|Hạn chế)")
    t0 = find(r"(?:III|3)\.\s+(?:NHIỆM VỤ|Nhiệm vụ)")
    if None in (r0, l0, t0) or not (r0 < l0 < t0):
        err("%s: cannot find results / limitations / tasks sections" % f)
        continue
    t1 = find(r"(?:IV|4)\.\s|Ban Thường vụ Đảng ủy giao|Giao ", t0 + 1)
    if t1 is None:
        err("%s: cannot find the end of the tasks section" % f)
        continue
    sections[f] = {"results": (offs[r0], offs[l0]), "tasks": (offs[t0], offs[t1])}

# ---------------------------------------------------------------- items
items = {}
by_file = defaultdict(list)
for kind in ("tasks", "results"):
    for it in gold[kind]:
        iid = it["id"]
        if iid in items:
            err("%s: duplicate id" % iid)
            continue
        items[iid] = dict(it, kind=kind)
        f = it["file"]
        if f not in docs:
            err("%s: unknown file %s" % (iid, f))
            continue
        if f not in texts:
            continue
        t = texts[f]
        x = it["text"]
        if not x or x != x.strip():
            err("%s: empty text or surrounding whitespace" % iid)
        n = t.count(x)
        if n != 1:
            err("%s: text occurs %d times in %s" % (iid, n, f))
            continue
        a = t.index(x)
        by_file[f].append((a, a + len(x), iid))
        for line in x.split("\n")[1:]:
            if re.match(r"(?:- |\(\d+\) )", line):
                err("%s: a line inside the item looks like a new bullet: %r" % (iid, line))
        if f in sections:
            sa, sb = sections[f][kind]
            if not (sa <= a and a + len(x) <= sb):
                err("%s: not inside the %s section of %s" % (iid, kind, f))
        d = docs[f]
        if kind == "tasks" and it["period"] != d["planned_period"]:
            err("%s: period %s != planned %s" % (iid, it["period"], d["planned_period"]))
        if kind == "results" and it["period"] not in d["reported_months"]:
            err("%s: period %s not reported by %s" % (iid, it["period"], f))
        if kind == "results":
            head = None
            for hm in re.finditer(r"(?m)^\d+\.\d+\.\s.*?tháng (\d{1,2})/(\d{4}).*$", t[:a]):
                head = hm
            if head and f in sections and head.start() >= sections[f]["results"][0]:
                if month_of(head.group(2), head.group(1)) != it["period"]:
                    err("%s: under sub-heading %r but period %s" % (iid, head.group(0), it["period"]))

for f, spans in by_file.items():
    spans.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(spans, spans[1:]):
        if a2 < b1:
            err("%s: items %s and %s overlap" % (f, i1, i2))

# every sentence / bullet of the sections labelled
FOOT = re.compile(r"Trang \d+/\d+$")
MARKER = re.compile(r"(?:\(\d+\)|-|\+|[a-zđ]\))$")
HEAD = re.compile(r"(?:(?:[IVX]+|\d+(?:\.\d+)*)\.|[a-zđ]\))\s+(\S.*)$")
for f, secs in sections.items():
    t = texts[f]
    for kind, (sa, sb) in secs.items():
        spans = [(a, b) for a, b, i in by_file[f] if sa <= a < sb]
        res, pos = [], sa
        for a, b in spans:
            res.append(t[pos:a])
            pos = b
        res.append(t[pos:sb])
        for frag in res:
            kept = []
            for line in frag.split("\n"):
                s = line.strip()
                if not s or FOOT.match(s) or MARKER.match(s):
                    continue
                hm = HEAD.match(s)
                if hm and not re.search(r"[.;!?]", hm.group(1)):
                    continue
                kept.append(s)
            left = " ".join(kept)
            if left and not (left.endswith(":") and not re.search(r"[.;!?](\s|$)", left)):
                err("%s: unlabelled text in the %s section: %r" % (f, kind, left[:120]))

# counts
cnt = Counter((it["file"], k) for k in ("tasks", "results") for it in gold[k])
for f, d in docs.items():
    nt, nr = cnt[(f, "tasks")], cnt[(f, "results")]
    if not 10 <= nt <= 18:
        err("%s: %d tasks (want 10-18)" % (f, nt))
    if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
        err("%s: %d results (want 10-18)" % (f, nr))

# ---------------------------------------------------------------- links
unit_docs = defaultdict(list)
for f, d in docs.items():
    unit_docs[d["unit"]].append(f)
for u in unit_docs:
    unit_docs[u].sort(key=lambda f: docs[f]["planned_period"])
last_doc = {u: fs[-1] for u, fs in unit_docs.items()}


def unit_of(iid):
    return docs[items[iid]["file"]]["unit"]


def first_reporting(task):
    d = docs[task["file"]]
    fs = unit_docs[d["unit"]]
    for f in fs[fs.index(task["file"]) + 1:]:
        if task["period"] in docs[f]["reported_months"]:
            return f
    return None


linked = set()
pairs = set()
seen = set()
for l in gold["follow_through"]:
    ti, ri = l["task"], l["result"]
    key = ("ft", ti, ri)
    if key in seen:
        err("follow_through %s->%s listed twice" % (ti, ri))
    seen.add(key)
    if items.get(ti, {}).get("kind") != "tasks" or items.get(ri, {}).get("kind") != "results":
        err("follow_through %s->%s: bad ids" % (ti, ri))
        continue
    if l["status"] not in STATUSES:
        err("follow_through %s->%s: status %s" % (ti, ri, l["status"]))
    if unit_of(ti) != unit_of(ri):
        err("follow_through %s->%s crosses units" % (ti, ri))
    t, r = items[ti], items[ri]
    if not (docs[r["file"]]["planned_period"] > docs[t["file"]]["planned_period"] and r["period"] >= t["period"]):
        err("follow_through %s->%s not forward in time" % (ti, ri))
    if first_reporting(t) != r["file"]:
        err("follow_through %s->%s: result not in the first document reporting %s" % (ti, ri, t["period"]))
    linked.add(ti)
    pairs.add(frozenset((ti, ri)))
for l in gold["carry_over"]:
    a, b = l["from"], l["to"]
    key = ("co", a, b)
    if key in seen:
        err("carry_over %s->%s listed twice" % (a, b))
    seen.add(key)
    if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
        err("carry_over %s->%s: bad ids" % (a, b))
        continue
    if l["kind"] not in KINDS:
        err("carry_over %s->%s: kind %s" % (a, b, l["kind"]))
    if unit_of(a) != unit_of(b):
        err("carry_over %s->%s crosses units" % (a, b))
    if not items[b]["period"] > items[a]["period"]:
        err("carry_over %s->%s not forward in time" % (a, b))
    linked.add(a)
    pairs.add(frozenset((a, b)))
split_from = Counter(l["from"] for l in gold["carry_over"] if l["kind"] == "split")
for a, n in split_from.items():
    if n < 2:
        err("carry_over: split from %s has only one part" % a)

expected_gaps = {it["id"] for it in gold["tasks"]
                 if it["id"] not in linked and it["file"] != last_doc[docs[it["file"]]["unit"]]}
got_gaps = set(gold["gaps"])
if len(got_gaps) != len(gold["gaps"]):
    err("gaps: duplicates")
for g in sorted(got_gaps - expected_gaps):
    err("gaps: %s is linked, unknown or in a unit's last document" % g)
for g in sorted(expected_gaps - got_gaps):
    err("gaps: %s has no link but is not listed" % g)

for p in gold.get("cross_unit_decoys", []):
    a, b = p
    if a not in items or b not in items:
        err("decoy %s: unknown id" % p)
        continue
    if unit_of(a) == unit_of(b):
        err("decoy %s: same unit" % p)
    if frozenset((a, b)) in pairs:
        err("decoy %s: linked" % p)

# ---------------------------------------------------------------- report
if errors:
    print("\n".join(errors))
    print("FAILED: %d problem(s)" % len(errors))
    sys.exit(1)
ft = Counter(l["status"] for l in gold["follow_through"])
co = Counter(l["kind"] for l in gold["carry_over"])
print("documents=%d tasks=%d results=%d" % (len(docs), len(gold["tasks"]), len(gold["results"])))
print("follow_through=%d %s" % (len(gold["follow_through"]), dict(sorted(ft.items()))))
print("carry_over=%d %s" % (len(gold["carry_over"]), dict(sorted(co.items()))))
print("gaps=%d decoys=%d" % (len(gold["gaps"]), len(gold.get("cross_unit_decoys", []))))
print("OK")
