#!/usr/bin/env python3
"""check_gold.py - checks gold.json and the documents of the hand-yc series.

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / \\n line ends;
every item text an exact unique substring of its file, no two items overlapping;
every bullet or sentence of the results and tasks sections labelled (headings,
'Phụ trách' lines and lead-ins ending in ':' skipped, the closing assignment
excluded) and nothing labelled outside them; 10-18 tasks and 10-18 results per
document; periods agreeing with the documents; links within one unit and
forward in time; allowed statuses and kinds; gaps exactly the unlinked tasks of
documents that are not their unit's last; decoys across units and never linked.
Prints OK, or the list of problems."""
import json, os, re, sys, unicodedata
from collections import defaultdict, Counter

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def mnext(m):
    y, mo = int(m[:4]), int(m[5:])
    mo += 1
    if mo == 13:
        y, mo = y + 1, 1
    return f"{y:04d}-{mo:02d}"


def months_between(a, b):
    """months m with a <= m < b"""
    out, m = [], a
    while m < b:
        out.append(m)
        m = mnext(m)
    return out


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ------------------------------------------------------------------ form
for key, typ in [("documents", list), ("tasks", list), ("results", list), ("follow_through", list),
                 ("carry_over", list), ("gaps", list), ("cross_unit_decoys", list)]:
    if not isinstance(gold.get(key), typ):
        err(f"form: '{key}' missing or not a {typ.__name__}")
extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
if extra:
    err(f"form: unexpected keys {sorted(extra)}")
if errors:
    print("\n".join(errors)); sys.exit(1)

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err(f"form: document keys {sorted(d)}")
        continue
    if d["file"] in docs:
        err(f"form: document {d['file']} twice")
    docs[d["file"]] = d
    if not MONTH.match(d["planned_period"]) or not all(MONTH.match(m) for m in d["reported_months"]):
        err(f"form: bad month in {d['file']}")

items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            err(f"form: {kind} item keys {sorted(it)}"); continue
        if it["id"] in items:
            err(f"form: id {it['id']} twice")
        if it["file"] not in docs:
            err(f"form: {it['id']} in unknown file {it['file']}")
        if not it["text"] or it["text"] != it["text"].strip():
            err(f"form: {it['id']} text empty or padded")
        items[it["id"]] = dict(it, kind=kind)
if errors:
    print("\n".join(errors)); sys.exit(1)

# ------------------------------------------------------------------ files
NAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if sorted(docs) != on_disk:
    err(f"files: documents {sorted(docs)} != .txt on disk {on_disk}")
texts = {}
slug_unit = {}
for f, d in docs.items():
    m = NAME.match(f)
    if not m:
        err(f"files: bad name {f}"); continue
    if m.group(2) != d["planned_period"]:
        err(f"files: {f} month differs from planned_period {d['planned_period']}")
    if slug_unit.setdefault(m.group(1), d["unit"]) != d["unit"]:
        err(f"files: slug {m.group(1)} used for two units")
    raw = open(os.path.join(HERE, f), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"files: {f} has a BOM")
    if b"\r" in raw:
        err(f"files: {f} has CR line ends")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"files: {f} not UTF-8 ({e})"); continue
    if unicodedata.normalize("NFC", t) != t:
        err(f"files: {f} not NFC")
    if "{{" in t or "}}" in t:
        err(f"files: {f} still has hand marks")
    texts[f] = t
if len(set(docs[f]["unit"] for f in docs)) != len(slug_unit):
    err("files: one unit under two slugs")

# ------------------------------------------------------------------ substrings, overlaps
spans = defaultdict(list)
for iid, it in items.items():
    t = texts.get(it["file"], "")
    n = t.count(it["text"])
    if n != 1:
        err(f"text: {iid} found {n} times in {it['file']}")
        continue
    s = t.index(it["text"])
    spans[it["file"]].append((s, s + len(it["text"]), iid))
for f, lst in spans.items():
    lst.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(lst, lst[1:]):
        if a2 < b1:
            err(f"overlap: {i1} and {i2} in {f}")

# ------------------------------------------------------------------ sections: every bullet / sentence labelled
SENT = re.compile(r"(?<=[.!?])\s+(?=\S)")


def units_of(f, t):
    """Yield (kind, unit_text) for every bullet / sentence of the results and tasks sections."""
    out = []
    lines = t.split("\n")
    if any(l.startswith("KHỐI 1.") for l in lines):          # layout of phường Đồng Lạc
        state = "other"
        for l in lines:
            s = l.strip()
            if not s:
                continue
            m = re.match(r"^KHỐI (\d+)\.", s)
            if m:
                state = "head" if int(m.group(1)) <= 4 else "other"
                continue
            if s.startswith("Nơi nhận"):
                state = "other"; continue
            if state == "other":
                continue
            if s.startswith("Đã làm tháng") and s.endswith(":"):
                state = "results"; continue
            if s.startswith("Việc tháng") and s.endswith(":"):
                state = "tasks"; continue
            if state == "head":
                if s.startswith("(Phụ trách"):
                    continue
                err(f"section: {f}: unexpected line in block head: {s[:60]}"); continue
            if s.endswith(":"):
                continue                                          # lead-in
            bullet = "+ " if state == "results" else "- "
            if not s.startswith(bullet):
                err(f"section: {f}: line without '{bullet}' in {state}: {s[:60]}"); continue
            out.append((state, s[2:]))
    elif any(l.startswith("MỘT –") for l in lines):            # layout of xã Tân Khê
        state = "other"
        for l in lines:
            s = l.strip()
            if not s:
                continue
            if s.startswith("MỘT –"):
                state = "results"; continue
            if s.startswith("HAI –"):
                state = "other"; continue
            if s.startswith("BA –"):
                state = "tasks"; continue
            if s.startswith("Nơi nhận") or s.startswith("Thường trực Đảng ủy giao"):
                state = "other"; continue                          # closing assignment, not a task
            if state == "other":
                continue
            if s.endswith(":"):
                continue                                          # lead-in
            if state == "results":
                if re.match(r"^[a-e]\) ", s) or re.match(r"^Tháng \d{1,2}/\d{4}$", s):
                    continue                                      # sub-heading
                for sent in SENT.split(s):
                    out.append(("results", sent))
            else:
                m = re.match(r"^\d+/ (.*)$", s)
                if not m:
                    err(f"section: {f}: task line not numbered: {s[:60]}"); continue
                out.append(("tasks", m.group(1)))
    else:
        err(f"section: {f}: unknown layout")
    return out


for f, t in texts.items():
    by_text = {}
    for iid, it in items.items():
        if it["file"] == f:
            by_text[(it["kind"], it["text"])] = iid
    seen = Counter()
    for kind, u in units_of(f, t):
        core = u.strip()
        while core and core[-1] in ".;":
            core = core[:-1].rstrip()
        iid = by_text.get((kind, core))
        if iid is None:
            err(f"section: {f}: unlabelled {kind[:-1]}: {core[:70]}")
        else:
            seen[iid] += 1
    for (kind, _), iid in by_text.items():
        if seen[iid] != 1:
            err(f"section: {iid} matched {seen[iid]} times by the {kind} section of {f}")

# ------------------------------------------------------------------ counts, periods
per_doc = defaultdict(Counter)
for iid, it in items.items():
    per_doc[it["file"]][it["kind"]] += 1
    d = docs[it["file"]]
    if it["kind"] == "tasks" and it["period"] != d["planned_period"]:
        err(f"period: task {iid} period {it['period']} != planned {d['planned_period']}")
    if it["kind"] == "results" and it["period"] not in d["reported_months"]:
        err(f"period: result {iid} period {it['period']} not reported in {it['file']}")
for f, d in docs.items():
    nt, nr = per_doc[f]["tasks"], per_doc[f]["results"]
    if not 10 <= nt <= 18:
        err(f"count: {f} has {nt} tasks")
    if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
        err(f"count: {f} has {nr} results")
    for m in d["reported_months"]:
        if m >= d["planned_period"]:
            err(f"period: {f} reports {m}, not before its planned {d['planned_period']}")
        mo = int(m[5:])
        if not re.search(rf"tháng 0?{mo}(?!\d)", texts.get(f, "")):
            err(f"period: {f} never names tháng {mo}")
    if not re.search(rf"tháng 0?{int(d['planned_period'][5:])}(?!\d)", texts.get(f, "")):
        err(f"period: {f} never names its planned month")

units = defaultdict(list)
for f, d in docs.items():
    units[d["unit"]].append(d)
last_doc = {}
for u, ds in units.items():
    ds.sort(key=lambda d: d["planned_period"])
    last_doc[u] = ds[-1]["file"]
    for prev, cur in zip(ds, ds[1:]):
        want = months_between(prev["planned_period"], cur["planned_period"])
        if sorted(cur["reported_months"]) != want:
            err(f"period: {cur['file']} reports {cur['reported_months']}, expected {want}")

# ------------------------------------------------------------------ links
unit_of = {iid: docs[it["file"]]["unit"] for iid, it in items.items()}
plan_of = {iid: docs[it["file"]]["planned_period"] for iid, it in items.items()}
linked = set()
pairs = set()
seen_ft = set()
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err(f"link: follow_through keys {sorted(l)}"); continue
    t, r = l["task"], l["result"]
    if (t, r) in seen_ft:
        err(f"link: follow_through {t}->{r} twice")
    seen_ft.add((t, r))
    if items.get(t, {}).get("kind") != "tasks" or items.get(r, {}).get("kind") != "results":
        err(f"link: follow_through {t}->{r} not task->result"); continue
    if l["status"] not in ("done", "partial"):
        err(f"link: {t}->{r} status {l['status']}")
    if unit_of[t] != unit_of[r]:
        err(f"link: {t}->{r} crosses units")
    if not plan_of[r] > plan_of[t] or items[r]["period"] < items[t]["period"]:
        err(f"link: {t}->{r} not forward in time")
    linked.add(t)
    pairs.add(frozenset((t, r)))
seen_co = set()
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err(f"link: carry_over keys {sorted(l)}"); continue
    a, b = l["from"], l["to"]
    if (a, b) in seen_co:
        err(f"link: carry_over {a}->{b} twice")
    seen_co.add((a, b))
    if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
        err(f"link: carry_over {a}->{b} not task->task"); continue
    if l["kind"] not in KINDS:
        err(f"link: {a}->{b} kind {l['kind']}")
    if unit_of[a] != unit_of[b]:
        err(f"link: {a}->{b} crosses units")
    if not items[b]["period"] > items[a]["period"]:
        err(f"link: {a}->{b} not forward in time")
    linked.add(a)
    pairs.add(frozenset((a, b)))
split_from = Counter(l["from"] for l in gold["carry_over"] if l.get("kind") == "split")
for a, n in split_from.items():
    if n < 2:
        err(f"link: split from {a} has only one part")

# ------------------------------------------------------------------ gaps
want_gaps = sorted(iid for iid, it in items.items()
                   if it["kind"] == "tasks" and it["file"] != last_doc[unit_of[iid]] and iid not in linked)
if len(set(gold["gaps"])) != len(gold["gaps"]):
    err("gaps: duplicates")
if sorted(gold["gaps"]) != want_gaps:
    err(f"gaps: listed {sorted(gold['gaps'])} != unlinked {want_gaps}")

# ------------------------------------------------------------------ decoys
seen_dec = set()
for p in gold["cross_unit_decoys"]:
    if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
        err(f"decoy: bad pair {p}"); continue
    if unit_of[p[0]] == unit_of[p[1]]:
        err(f"decoy: {p} within one unit")
    if frozenset(p) in seen_dec:
        err(f"decoy: {p} twice")
    seen_dec.add(frozenset(p))
    if frozenset(p) in pairs:
        err(f"decoy: {p} is linked")
if len(units) == 2 and len(seen_dec) < 12:
    err(f"decoy: only {len(seen_dec)} pairs")

if errors:
    print("\n".join(errors))
    print(f"{len(errors)} problem(s)")
    sys.exit(1)
print(f"OK: {len(docs)} documents, {sum(1 for i in items.values() if i['kind']=='tasks')} tasks, "
      f"{sum(1 for i in items.values() if i['kind']=='results')} results, "
      f"{len(gold['follow_through'])} follow-through, {len(gold['carry_over'])} carry-over, "
      f"{len(gold['gaps'])} gaps, {len(gold['cross_unit_decoys'])} decoys")
