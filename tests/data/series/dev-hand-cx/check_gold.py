#!/usr/bin/env python3
"""Check gold.json of the hand-cx series against its documents.  Prints OK or the errors."""
import json, os, re, sys, unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---------- form ----------
KEYS = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps"}
for k in KEYS:
    if k not in gold:
        err("missing key %s" % k)
for k in gold:
    if k not in KEYS | {"cross_unit_decoys"}:
        err("unknown key %s" % k)
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document fields %s" % sorted(d))
    if not MONTH.match(d["planned_period"]) or not all(MONTH.match(m) for m in d["reported_months"]):
        err("bad month in %s" % d["file"])
for lst, kind in ((gold["tasks"], "task"), (gold["results"], "result")):
    for it in lst:
        if set(it) != {"id", "file", "period", "text"}:
            err("%s fields %s" % (kind, sorted(it)))
        if not isinstance(it["text"], str) or not it["text"].strip():
            err("%s %s empty text" % (kind, it["id"]))
for f in gold["follow_through"]:
    if set(f) != {"task", "result", "status"}:
        err("follow_through fields %s" % f)
for c in gold["carry_over"]:
    if set(c) != {"from", "to", "kind"}:
        err("carry_over fields %s" % c)

docs = {d["file"]: d for d in gold["documents"]}
if len(docs) != len(gold["documents"]):
    err("duplicate document")
ids = Counter(it["id"] for it in gold["tasks"] + gold["results"])
for i, n in ids.items():
    if n > 1:
        err("duplicate id %s" % i)
tasks = {t["id"]: t for t in gold["tasks"]}
results = {r["id"]: r for r in gold["results"]}

# ---------- files ----------
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if sorted(docs) != on_disk:
    err("documents listed %s != files on disk %s" % (sorted(docs), on_disk))
texts = {}
for fn, d in docs.items():
    m = FNAME.match(fn)
    if not m:
        err("bad file name %s" % fn)
        continue
    if m.group(2) != d["planned_period"]:
        err("%s: name month != planned_period %s" % (fn, d["planned_period"]))
    raw = open(os.path.join(HERE, fn), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s has BOM" % fn)
    if b"\r" in raw:
        err("%s has CR" % fn)
    try:
        s = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err("%s not UTF-8: %s" % (fn, e))
        continue
    if unicodedata.normalize("NFC", s) != s:
        err("%s not NFC" % fn)
    if "{{" in s or "}}" in s:
        err("%s still has hand marks" % fn)
    texts[fn] = s

# ---------- items: exact unique substrings, no overlap ----------
spans = defaultdict(list)  # file -> (start, end, id, kind)
for lst, kind in ((gold["tasks"], "T"), (gold["results"], "R")):
    for it in lst:
        fn = it["file"]
        if fn not in texts:
            err("%s: unknown file %s" % (it["id"], fn))
            continue
        t = it["text"]
        if unicodedata.normalize("NFC", t) != t:
            err("%s text not NFC" % it["id"])
        n = texts[fn].count(t)
        if n != 1:
            err("%s: text found %d times in %s" % (it["id"], n, fn))
            continue
        a = texts[fn].index(t)
        spans[fn].append((a, a + len(t), it["id"], kind))
for fn, sp in spans.items():
    sp.sort()
    for x, y in zip(sp, sp[1:]):
        if y[0] < x[1]:
            err("%s: %s overlaps %s" % (fn, x[2], y[2]))

# ---------- sections: every sentence of the field sections is labelled ----------
HEAD = re.compile(r"^\d+\.\s+Về\s")
MARKERS = ("Trong tháng", "Tháng ", "Thời gian tới")
for fn, s in texts.items():
    lines = s.split("\n")
    try:
        i0 = next(i for i, l in enumerate(lines) if l.startswith("I. "))
        i1 = next(i for i, l in enumerate(lines) if l.startswith("II. "))
    except StopIteration:
        err("%s: sections I./II. not found" % fn)
        continue
    start = sum(len(l) + 1 for l in lines[:i0 + 1])
    end = sum(len(l) + 1 for l in lines[:i1])
    by_start = {a: (b, iid, k) for a, b, iid, k in spans[fn]}
    for a, b, iid, k in spans[fn]:
        if not (start <= a and b <= end):
            err("%s: item %s outside the field sections" % (fn, iid))
    field = None
    fields = []
    off = start
    for line in lines[i0 + 1:i1]:
        lo = off
        off += len(line) + 1
        if not line.strip():
            continue
        if HEAD.match(line):
            field = {"head": line, "seq": []}
            fields.append(field)
            continue
        if field is None:
            err("%s: text before first field heading: %r" % (fn, line[:40]))
            continue
        # split the paragraph into sentences
        for m in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", line):
            sent = m.group(0).strip()
            if not sent:
                continue
            a = lo + m.start()
            hit = by_start.get(a)
            if not hit or s[a:hit[0]] != sent:
                err("%s: unlabelled or mis-cut sentence: %r" % (fn, sent[:60]))
                continue
            field["seq"].append((hit[2], hit[1], sent))
        # residue: nothing but items and spaces on the line
        rest = line
        for a, b, iid, k in spans[fn]:
            if lo <= a < lo + len(line):
                rest = rest.replace(s[a:b], "")
        if rest.strip():
            err("%s: unlabelled residue %r" % (fn, rest.strip()[:60]))
    for f in fields:
        kinds = "".join(k for k, _, _ in f["seq"])
        if not re.fullmatch(r"R*T+", kinds):
            err("%s: field %r must be results then tasks, got %s" % (fn, f["head"], kinds))
        first_t = next((x for x in f["seq"] if x[0] == "T"), None)
        if first_t and not first_t[2].startswith(MARKERS):
            err("%s: field %r: first task lacks a time marker: %r" % (fn, f["head"], first_t[2][:40]))

# ---------- counts ----------
for fn, d in docs.items():
    nt = sum(1 for t in gold["tasks"] if t["file"] == fn)
    nr = sum(1 for r in gold["results"] if r["file"] == fn)
    if not 10 <= nt <= 18:
        err("%s: %d tasks" % (fn, nt))
    if d["reported_months"] and not 10 <= nr <= 18:
        err("%s: %d results" % (fn, nr))
    if not d["reported_months"] and nr:
        err("%s reports nothing but has results" % fn)

# ---------- periods agree with the documents ----------
def mnext(m):
    y, mo = map(int, m.split("-"))
    return "%04d-%02d" % (y + mo // 12, mo % 12 + 1)

by_unit = defaultdict(list)
for d in gold["documents"]:
    by_unit[d["unit"]].append(d)
for u in by_unit:
    by_unit[u].sort(key=lambda d: d["planned_period"])
TITLE = re.compile(r"về kết quả thực hiện nhiệm vụ (.*?) và nhiệm vụ trọng tâm tháng (\d+) năm (\d{4})")
DATE = re.compile(r"^\S.*, ngày (\d+) tháng (\d+) năm (\d{4})$", re.M)
for fn, d in docs.items():
    s = texts.get(fn, "")
    for t in gold["tasks"]:
        if t["file"] == fn and t["period"] != d["planned_period"]:
            err("%s: period %s != planned %s" % (t["id"], t["period"], d["planned_period"]))
    for r in gold["results"]:
        if r["file"] == fn and r["period"] not in d["reported_months"]:
            err("%s: period %s not reported by %s" % (r["id"], r["period"], fn))
    if sorted(d["reported_months"]) != d["reported_months"] or any(m >= d["planned_period"] for m in d["reported_months"]):
        err("%s: reported months not before planned" % fn)
    m = TITLE.search(s)
    if not m:
        err("%s: title not found" % fn)
    else:
        rep_nums = [int(x) for x in re.findall(r"tháng (\d+)", m.group(1))]
        if rep_nums != [int(x[5:]) for x in d["reported_months"]]:
            err("%s: title months %s != reported %s" % (fn, rep_nums, d["reported_months"]))
        if "%s-%02d" % (m.group(3), int(m.group(2))) != d["planned_period"]:
            err("%s: title planned month != %s" % (fn, d["planned_period"]))
    dm = DATE.search(s)
    if not dm:
        err("%s: date line not found" % fn)
    elif "%s-%02d" % (dm.group(3), int(dm.group(2))) != d["reported_months"][-1]:
        err("%s: dated %s, not in last reported month" % (fn, dm.group(0)))
for u, ds in by_unit.items():
    for a, b in zip(ds, ds[1:]):
        want, m = [], a["planned_period"]
        while m < b["planned_period"]:
            want.append(m)
            m = mnext(m)
        if b["reported_months"] != want:
            err("%s: reported %s, expected %s" % (b["file"], b["reported_months"], want))

# ---------- links ----------
doc_idx = {d["file"]: (d["unit"], i) for u, ds in by_unit.items() for i, d in enumerate(ds)}
STATUS = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
linked = set()
pairs = set()
for f in gold["follow_through"]:
    t, r = tasks.get(f["task"]), results.get(f["result"])
    if not t or not r:
        err("follow_through unknown id %s" % f)
        continue
    if f["status"] not in STATUS:
        err("bad status %s" % f)
    (ut, it_), (ur, ir) = doc_idx[t["file"]], doc_idx[r["file"]]
    if ut != ur:
        err("follow_through across units %s" % f)
    if ir <= it_ or r["period"] < t["period"]:
        err("follow_through not forward %s" % f)
    first = next(d["file"] for d in by_unit[ut] if t["period"] in d["reported_months"])
    if r["file"] != first:
        err("follow_through %s: result not in the first document reporting %s" % (f, t["period"]))
    if (t["id"], r["id"]) in pairs:
        err("duplicate link %s" % f)
    pairs.add((t["id"], r["id"]))
    linked.add(t["id"])
for c in gold["carry_over"]:
    a, b = tasks.get(c["from"]), tasks.get(c["to"])
    if not a or not b:
        err("carry_over unknown id %s" % c)
        continue
    if c["kind"] not in KINDS:
        err("bad kind %s" % c)
    (ua, ia), (ub, ib) = doc_idx[a["file"]], doc_idx[b["file"]]
    if ua != ub:
        err("carry_over across units %s" % c)
    if ib <= ia or b["period"] <= a["period"]:
        err("carry_over not forward %s" % c)
    if (a["id"], b["id"]) in pairs:
        err("duplicate link %s" % c)
    pairs.add((a["id"], b["id"]))
    linked.add(a["id"])
split_from = Counter(c["from"] for c in gold["carry_over"] if c["kind"] == "split")
for k, n in split_from.items():
    if n < 2:
        err("split %s has only one part" % k)

# ---------- gaps ----------
last = {u: ds[-1]["file"] for u, ds in by_unit.items()}
want_gaps = sorted(t["id"] for t in gold["tasks"]
                   if t["id"] not in linked and t["file"] != last[doc_idx[t["file"]][0]])
if sorted(gold["gaps"]) != want_gaps:
    err("gaps %s != unlinked tasks of non-last documents %s" % (sorted(gold["gaps"]), want_gaps))

# ---------- decoys ----------
def check_decoys(lst, cross):
    for pair in lst:
        if len(pair) != 2 or not all(x in tasks or x in results for x in pair):
            err("bad decoy %s" % pair)
            continue
        x, y = pair
        fx = (tasks.get(x) or results.get(x))["file"]
        fy = (tasks.get(y) or results.get(y))["file"]
        same = doc_idx[fx][0] == doc_idx[fy][0]
        if cross and same:
            err("cross-unit decoy within one unit %s" % pair)
        if (x, y) in pairs or (y, x) in pairs:
            err("decoy linked %s" % pair)

check_decoys(gold.get("cross_unit_decoys", []), True)
wpath = os.path.join(HERE, "_src", "decoys_within_unit.json")
within = json.load(open(wpath, encoding="utf-8")) if os.path.exists(wpath) else []
check_decoys(within, False)

# ---------- report ----------
if errors:
    for e in errors:
        print("ERROR:", e)
    sys.exit(1)
st = Counter(f["status"] for f in gold["follow_through"])
kd = Counter(c["kind"] for c in gold["carry_over"])
print("documents %d, tasks %d, results %d" % (len(docs), len(tasks), len(results)))
for fn in sorted(docs):
    print("  %s: tasks %d, results %d" % (fn, sum(t["file"] == fn for t in gold["tasks"]),
                                          sum(r["file"] == fn for r in gold["results"])))
print("follow_through %d %s" % (len(gold["follow_through"]), dict(sorted(st.items()))))
print("carry_over %d %s" % (len(gold["carry_over"]), dict(sorted(kd.items()))))
print("gaps %d, cross_unit_decoys %d, within-unit decoys %d" % (len(gold["gaps"]), len(gold.get("cross_unit_decoys", [])), len(within)))
print("OK")
