#!/usr/bin/env python3
"""Check gold.json of the hand-xd series against its documents. Prints OK or the problems.

Knows the layout of this office's "Phiếu giao ban": results under the line
"════ PHẦN MỘT", limitations under "════ PHẦN HAI", tasks under "════ PHẦN BA" up to
"Lời dặn" / "Nơi nhận". In those sections, headings ("[n] ..."), notes "( ... )" and
lead-ins ending with ":" are skipped; bullet markers (•, –, ☐, "Việc n.") are stripped;
everything else must be covered by labelled items (one sentence or one bullet each).
"""
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
problems = []


def bad(msg):
    problems.append(msg)


def months_between(a, b):
    """months strictly after a and strictly before b, 'YYYY-MM' strings"""
    y, m = map(int, a.split("-"))
    out = []
    while True:
        m += 1
        if m == 13:
            y, m = y + 1, 1
        s = "%04d-%02d" % (y, m)
        if s >= b:
            return out
        out.append(s)


def prev_month(p):
    y, m = map(int, p.split("-"))
    return "%04d-%02d" % (y - 1, 12) if m == 1 else "%04d-%02d" % (y, m - 1)


MONTH_WORD = {"Giêng": 1, "Một": 1, "Hai": 2, "Ba": 3, "Tư": 4, "Năm": 5, "Sáu": 6,
              "Bảy": 7, "Tám": 8, "Chín": 9, "Mười": 10}

with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
    gold = json.load(f)

# ---------- form ----------
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in gold:
        bad("missing key %s" % key)
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        bad("document fields %s" % d)
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            bad("%s fields %s" % (kind, it))
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        bad("follow_through fields %s" % l)
    elif l["status"] not in ("done", "partial"):
        bad("status %s" % l)
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        bad("carry_over fields %s" % l)
    elif l["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
        bad("kind %s" % l)

docs = {d["file"]: d for d in gold["documents"]}
tasks = {t["id"]: t for t in gold["tasks"]}
results = {r["id"]: r for r in gold["results"]}
if len(tasks) != len(gold["tasks"]) or len(results) != len(gold["results"]):
    bad("duplicate ids")
if set(tasks) & set(results):
    bad("an id is both task and result")

# ---------- file names, encoding, NFC ----------
NAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
texts = {}
for fname, d in docs.items():
    m = NAME.match(fname)
    if not m:
        bad("file name %s" % fname)
        continue
    if m.group(2) != d["planned_period"]:
        bad("%s: name month != planned_period" % fname)
    raw = open(os.path.join(HERE, fname), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        bad("%s: BOM" % fname)
    if b"\r" in raw:
        bad("%s: CR line ends" % fname)
    try:
        txt = raw.decode("utf-8")
    except UnicodeDecodeError:
        bad("%s: not UTF-8" % fname)
        continue
    if unicodedata.normalize("NFC", txt) != txt:
        bad("%s: not NFC" % fname)
    texts[fname] = txt
on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
if on_disk != set(docs):
    bad("txt files on disk %s != documents %s" % (sorted(on_disk), sorted(docs)))

# ---------- id scheme ----------
for it in list(tasks.values()) + list(results.values()):
    if it["file"] not in docs:
        bad("%s: unknown file" % it["id"])
        continue
    mm = docs[it["file"]]["planned_period"][5:]
    if not re.match(r"^[TR]%s-\d+$" % mm, it["id"]):
        bad("%s: id does not match its file" % it["id"])

# ---------- exact unique substrings, no overlaps, sections, coverage ----------
SEC = {"R": "════ PHẦN MỘT", "L": "════ PHẦN HAI", "T": "════ PHẦN BA"}
SKIP = re.compile(r"^\s*$|^\[\d+\]|^\(.*\)$|:$")
MARKER = re.compile(r"^\s*(?:•|–|☐|Việc \d+\.)\s*")
SENT_BREAK = re.compile(r"[.!?]\s+(\S)")

for fname, txt in texts.items():
    d = docs[fname]
    mine = [t for t in gold["tasks"] if t["file"] == fname] + \
           [r for r in gold["results"] if r["file"] == fname]
    spans = []
    for it in mine:
        n = txt.count(it["text"])
        if n != 1:
            bad("%s %s: text occurs %d times" % (fname, it["id"], n))
            continue
        if it["text"] != it["text"].strip():
            bad("%s: surrounding blanks" % it["id"])
        if not it["text"].endswith("."):
            bad("%s: item is not a whole sentence" % it["id"])
        for mb in SENT_BREAK.finditer(it["text"]):
            if mb.group(1)[0].isupper():
                bad("%s: item holds two sentences" % it["id"])
        s = txt.index(it["text"])
        spans.append((s, s + len(it["text"]), it["id"]))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        if b[0] < a[1]:
            bad("%s: %s overlaps %s" % (fname, a[2], b[2]))

    # section boundaries (character offsets)
    lines = txt.split("\n")
    offs, o = [], 0
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1
    start = {}
    end_tasks = None
    for i, ln in enumerate(lines):
        for k, head in SEC.items():
            if ln.startswith(head):
                if k in start:
                    bad("%s: section %s twice" % (fname, k))
                start[k] = i
        if "T" in start and end_tasks is None and i > start["T"] and \
                (ln.startswith("Lời dặn") or ln.startswith("Nơi nhận")):
            end_tasks = i
    if set(start) != {"R", "L", "T"} or end_tasks is None:
        bad("%s: sections not found %s" % (fname, start))
        continue
    if not (start["R"] < start["L"] < start["T"] < end_tasks):
        bad("%s: sections out of order" % fname)
    ranges = {"R": (start["R"] + 1, start["L"]), "T": (start["T"] + 1, end_tasks)}
    span_of = {sid: (s, e) for s, e, sid in spans}

    # every item inside the right section; month blocks give result periods
    for kind, (l0, l1) in ranges.items():
        c0, c1 = offs[l0], offs[l1]
        for s, e, sid in spans:
            inside = c0 <= s and e <= c1
            if sid[0] == kind and not inside:
                bad("%s %s: outside its section" % (fname, sid))
            if sid[0] != kind and inside:
                bad("%s %s: in the wrong section" % (fname, sid))

    block_month = {}
    cur = None
    l0, l1 = ranges["R"]
    for i in range(l0, l1):
        mb = re.match(r"^Tháng (\S+):$", lines[i].strip())
        if mb and mb.group(1) in MONTH_WORD:
            cur = "%s-%02d" % (d["planned_period"][:4], MONTH_WORD[mb.group(1)])
        for s, e, sid in spans:
            if sid[0] == "R" and offs[i] <= s < offs[i] + len(lines[i]) + 1:
                block_month[sid] = cur
    for r in (x for x in gold["results"] if x["file"] == fname):
        bm = block_month.get(r["id"])
        if len(d["reported_months"]) > 1:
            if bm is None:
                bad("%s %s: two-month document but no month block" % (fname, r["id"]))
            elif bm != r["period"]:
                bad("%s %s: period %s but written under %s" % (fname, r["id"], r["period"], bm))

    # coverage: every bullet / sentence of the result and task sections is labelled
    for kind, (l0, l1) in ranges.items():
        for i in range(l0, l1):
            ln = lines[i]
            if SKIP.search(ln.strip()) or not ln.strip():
                continue
            mk = MARKER.match(ln)
            body_start = offs[i] + (mk.end() if mk else 0)
            body = list(txt[body_start:offs[i] + len(ln)])
            for s, e, sid in spans:
                for c in range(max(s, body_start), min(e, offs[i] + len(ln))):
                    body[c - body_start] = " "
            rest = "".join(body).strip()
            if rest:
                bad("%s line %d: unlabelled text in section %s: %r" % (fname, i + 1, kind, rest[:60]))

    # counts
    nt = sum(1 for t in gold["tasks"] if t["file"] == fname)
    nr = sum(1 for r in gold["results"] if r["file"] == fname)
    if not 10 <= nt <= 18:
        bad("%s: %d tasks" % (fname, nt))
    if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
        bad("%s: %d results" % (fname, nr))

    # header: date in the last reported month, title names the months
    md = re.search(r"ngày (\d+) tháng (\d+) năm (\d{4})", txt)
    if not md or "%s-%02d" % (md.group(3), int(md.group(2))) != d["reported_months"][-1]:
        bad("%s: issue date not in the last reported month" % fname)
    py, pm = d["planned_period"].split("-")
    if "Phân việc tháng %s/%s" % (pm, py) not in txt:
        bad("%s: title does not name the planned month" % fname)
    if not re.search(r"^Số: \d+-PGB/CCB$", txt, re.M):
        bad("%s: no Số line" % fname)
    for head in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Nơi nhận:", "TM. THƯỜNG TRỰC HỘI"):
        if head not in txt:
            bad("%s: missing %s" % (fname, head))

# ---------- periods agree with the documents ----------
by_unit = defaultdict(list)
for d in gold["documents"]:
    by_unit[d["unit"]].append(d)
for unit, ds in by_unit.items():
    ds.sort(key=lambda d: d["planned_period"])
    for i, d in enumerate(ds):
        want = [prev_month(d["planned_period"])] if i == 0 else \
            [ds[i - 1]["planned_period"]] + months_between(ds[i - 1]["planned_period"], d["planned_period"])
        if d["reported_months"] != want:
            bad("%s: reported_months %s, expected %s" % (d["file"], d["reported_months"], want))
for t in gold["tasks"]:
    if t["period"] != docs[t["file"]]["planned_period"]:
        bad("%s: task period" % t["id"])
for r in gold["results"]:
    if r["period"] not in docs[r["file"]]["reported_months"]:
        bad("%s: result period" % r["id"])

# ---------- links ----------
def unit_of(it):
    return docs[it["file"]]["unit"]


def first_report(unit, period):
    for d in sorted(by_unit[unit], key=lambda d: d["planned_period"]):
        if period in d["reported_months"]:
            return d["file"]
    return None


linked = set()
pairs = set()
for l in gold["follow_through"]:
    t, r = tasks.get(l["task"]), results.get(l["result"])
    if not t or not r:
        bad("follow_through unknown id %s" % l)
        continue
    if (l["task"], l["result"]) in pairs:
        bad("duplicate link %s" % l)
    pairs.add((l["task"], l["result"]))
    if unit_of(t) != unit_of(r):
        bad("follow_through across units %s" % l)
    if not (docs[r["file"]]["planned_period"] > docs[t["file"]]["planned_period"] and r["period"] >= t["period"]):
        bad("follow_through not forward %s" % l)
    if r["file"] != first_report(unit_of(t), t["period"]):
        bad("follow_through not in the first document reporting the task's month %s" % l)
    linked.add(l["task"])
for l in gold["carry_over"]:
    a, b = tasks.get(l["from"]), tasks.get(l["to"])
    if not a or not b:
        bad("carry_over unknown id %s" % l)
        continue
    if (l["from"], l["to"]) in pairs:
        bad("duplicate link %s" % l)
    pairs.add((l["from"], l["to"]))
    if unit_of(a) != unit_of(b):
        bad("carry_over across units %s" % l)
    if not b["period"] > a["period"]:
        bad("carry_over not forward %s" % l)
    linked.add(l["from"])

# ---------- gaps ----------
last_file = {u: max(ds, key=lambda d: d["planned_period"])["file"] for u, ds in by_unit.items()}
want_gaps = {tid for tid, t in tasks.items()
             if t["file"] != last_file[unit_of(t)] and tid not in linked}
if set(gold["gaps"]) != want_gaps or len(gold["gaps"]) != len(set(gold["gaps"])):
    bad("gaps %s != unlinked tasks of non-last documents %s" % (sorted(gold["gaps"]), sorted(want_gaps)))

# ---------- decoys ----------
decoys = gold.get("cross_unit_decoys", [])
if len(by_unit) < 2 and decoys:
    bad("cross_unit_decoys given for a single unit")
for pr in decoys:
    if len(pr) != 2:
        bad("decoy pair %s" % pr)
        continue
    items = [tasks.get(x) or results.get(x) for x in pr]
    if None in items:
        bad("decoy unknown id %s" % pr)
        continue
    if unit_of(items[0]) == unit_of(items[1]):
        bad("decoy pair within one unit %s" % pr)
    if tuple(pr) in pairs or tuple(reversed(pr)) in pairs:
        bad("decoy pair is linked %s" % pr)

if problems:
    for p in problems:
        print("PROBLEM:", p)
    sys.exit(1)
print("OK")
