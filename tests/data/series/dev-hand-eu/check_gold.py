#!/usr/bin/env python3
"""Check gold.json of the hand-EU series against its documents. Prints OK or the errors."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
def err(msg):
    errors.append(msg)

FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
STATUSES = {"done", "partial", "progress"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
MONTH_IN = re.compile(r"tháng\s+(\d{1,2})(?:\s*/\s*(\d{4})|\s+năm\s+(\d{4}))?", re.I)
SUBHEAD = re.compile(r"^(\d+(?:\.\d+)*\.|[a-zđ]\))\s+\S")
MARKER = re.compile(r"^(\(\d+\)|\d+\)|[-+•])\s+")

# ---------- form ----------
try:
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
except Exception as e:
    print("cannot read gold.json:", e); sys.exit(1)
for key, typ in [("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)]:
    if not isinstance(gold.get(key), typ):
        err(f"gold.json: '{key}' missing or not a {typ.__name__}")
if not isinstance(gold.get("cross_unit_decoys", []), list):
    err("gold.json: cross_unit_decoys not a list")
extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
if extra:
    err(f"gold.json: unknown keys {sorted(extra)}")
if errors:
    print("\n".join(errors)); sys.exit(1)

def need(obj, fields, where):
    for f, t in fields:
        if not isinstance(obj.get(f), t):
            err(f"{where}: field '{f}' missing or wrong type")
            return False
    return True

docs = {}
for d in gold["documents"]:
    if not need(d, [("file", str), ("unit", str), ("reported_months", list), ("planned_period", str)], f"document {d}"):
        continue
    if d["file"] in docs:
        err(f"document listed twice: {d['file']}")
    docs[d["file"]] = d

items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if not need(it, [("id", str), ("file", str), ("period", str), ("text", str)], f"{kind} item {it.get('id')}"):
            continue
        if it["id"] in items:
            err(f"duplicate id {it['id']}")
        it["_kind"] = kind
        items[it["id"]] = it
        if it["file"] not in docs:
            err(f"{it['id']}: file {it['file']} not among documents")
        if not MONTH.match(it["period"]):
            err(f"{it['id']}: bad period {it['period']}")
        if it["text"].strip() != it["text"] or not it["text"]:
            err(f"{it['id']}: text empty or with outer whitespace")

# ---------- files, encoding ----------
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if sorted(docs) != on_disk:
    err(f"documents in gold {sorted(docs)} != .txt files on disk {on_disk}")
texts = {}
for fname, d in docs.items():
    m = FNAME.match(fname)
    if not m:
        err(f"{fname}: bad file name"); continue
    if f"{m.group(2)}-{m.group(3)}" != d["planned_period"]:
        err(f"{fname}: planned_period {d['planned_period']} disagrees with the file name")
    path = os.path.join(HERE, fname)
    if not os.path.exists(path):
        err(f"{fname}: missing"); continue
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{fname}: BOM")
    if b"\r" in raw:
        err(f"{fname}: CR line ends")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{fname}: not UTF-8 ({e})"); continue
    if unicodedata.normalize("NFC", t) != t:
        err(f"{fname}: not NFC")
    if "{{" in t or "}}" in t:
        err(f"{fname}: hand marks left in the text")
    texts[fname] = t

# ---------- substrings, uniqueness, overlaps ----------
spans = {f: [] for f in texts}
for iid, it in items.items():
    t = texts.get(it["file"])
    if t is None:
        continue
    n = t.count(it["text"])
    if n != 1:
        err(f"{iid}: text occurs {n} times in {it['file']}")
        continue
    s = t.index(it["text"])
    spans[it["file"]].append((s, s + len(it["text"]), iid))
    for mm in re.finditer(r"[.!?]\s+(\S)", it["text"]):
        c = mm.group(1)
        if c.isupper() or c.isdigit():
            err(f"{iid}: looks like more than one sentence")
for f, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err(f"{f}: items {a[2]} and {b[2]} overlap")

# ---------- sections: every bullet/sentence labelled, periods from headings ----------
def classify(head):
    h = head.lower()
    if "kết quả" in h: return "results"
    if "hạn chế" in h: return "limits"
    if "tổ chức thực hiện" in h: return "end"
    if "nhiệm vụ" in h or "phương hướng" in h: return "tasks"
    return "other"

def months_of(line, year):
    out = []
    for m in MONTH_IN.finditer(line):
        y = m.group(2) or m.group(3) or year
        out.append(f"{y}-{int(m.group(1)):02d}")
    return out

for fname, t in texts.items():
    d = docs[fname]
    year = fname.split("_")[1][:4]
    lines = t.split("\n")
    roman = any(re.match(r"^I\.\s", l) for l in lines)
    major = re.compile(r"^(I|II|III|IV|V|VI)\.\s") if roman else re.compile(r"^\d\.\s")
    sect, month_ctx = None, None
    offset = 0
    found = {"results": set(), "tasks": set()}
    seen_sections = []
    my_spans = spans.get(fname, [])
    for line in lines:
        start, end = offset, offset + len(line)
        offset = end + 1
        s = line.strip()
        if major.match(s):
            sect = classify(s)
            seen_sections.append(sect)
            ms = months_of(s, year)
            month_ctx = ms[0] if len(set(ms)) == 1 else None
            if sect == "tasks" and month_ctx != d["planned_period"]:
                err(f"{fname}: task heading month {ms} != planned_period {d['planned_period']}")
            continue
        if sect not in ("results", "tasks") or not s:
            continue
        if SUBHEAD.match(s) and not s.endswith((".", ";")):
            ms = months_of(s, year)
            if len(set(ms)) == 1:
                month_ctx = ms[0]
            continue
        if s.endswith(":"):
            continue  # lead-in
        mk = MARKER.match(line)
        body_start = start + (mk.end() if mk else 0)
        covered = [False] * (end - body_start)
        for a, b, iid in my_spans:
            if a >= body_start and b <= end:
                for i in range(a - body_start, b - body_start):
                    covered[i] = True
                found[sect].add(iid)
                it = items[iid]
                want = "tasks" if sect == "tasks" else "results"
                if it["_kind"] != want:
                    err(f"{iid}: a {it['_kind'][:-1]} labelled inside the {sect} section of {fname}")
                if month_ctx is None:
                    err(f"{iid}: no month known from the headings of {fname}")
                elif it["period"] != month_ctx:
                    err(f"{iid}: period {it['period']} but heading says {month_ctx}")
            elif a < end and b > body_start:
                err(f"{iid}: crosses a line boundary")
        rest = "".join(ch for ch, c in zip(t[body_start:end], covered) if not c)
        if rest.strip():
            err(f"{fname}: unlabelled text in {sect} section: {rest.strip()[:70]!r}")
    for need_s in ("results", "tasks"):
        if need_s not in seen_sections:
            err(f"{fname}: no {need_s} section found")
    for iid in [x[2] for x in my_spans]:
        if iid not in found["results"] and iid not in found["tasks"]:
            err(f"{iid}: labelled outside the results and tasks sections")
    nt = sum(1 for x in my_spans if items[x[2]]["_kind"] == "tasks")
    nr = sum(1 for x in my_spans if items[x[2]]["_kind"] == "results")
    if not 10 <= nt <= 18:
        err(f"{fname}: {nt} tasks (want 10-18)")
    if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
        err(f"{fname}: {nr} results (want 10-18)")

# ---------- periods agree with documents ----------
units = {}
for fname, d in docs.items():
    units.setdefault(d["unit"], []).append(fname)
    for m in d["reported_months"]:
        if not MONTH.match(m) or m >= d["planned_period"]:
            err(f"{fname}: reported month {m} not before planned {d['planned_period']}")
    res_months = {it["period"] for it in items.values() if it["file"] == fname and it["_kind"] == "results"}
    if res_months != set(d["reported_months"]):
        err(f"{fname}: result periods {sorted(res_months)} != reported_months {d['reported_months']}")
    for it in items.values():
        if it["file"] == fname and it["_kind"] == "tasks" and it["period"] != d["planned_period"]:
            err(f"{it['id']}: task period {it['period']} != planned_period {d['planned_period']}")
for u, fl in units.items():
    fl.sort(key=lambda f: docs[f]["planned_period"])
    covered_months = []
    for f in fl:
        for m in docs[f]["reported_months"]:
            if m in covered_months:
                err(f"{u}: month {m} reported twice")
            covered_months.append(m)

def unit_of(iid): return docs[items[iid]["file"]]["unit"]
def planned(iid): return docs[items[iid]["file"]]["planned_period"]

# ---------- links ----------
seen = set()
ft_tasks, co_from = set(), set()
for l in gold["follow_through"]:
    t, r, s = l.get("task"), l.get("result"), l.get("status")
    if (t, r) in seen: err(f"duplicate follow-through {t}->{r}")
    seen.add((t, r))
    if t not in items or items[t]["_kind"] != "tasks": err(f"follow-through: {t} is not a task"); continue
    if r not in items or items[r]["_kind"] != "results": err(f"follow-through: {r} is not a result"); continue
    if s not in STATUSES: err(f"follow-through {t}->{r}: bad status {s}")
    if unit_of(t) != unit_of(r): err(f"follow-through {t}->{r}: across units")
    if planned(r) <= planned(t): err(f"follow-through {t}->{r}: not forward in time")
    if items[r]["period"] < items[t]["period"]: err(f"follow-through {t}->{r}: result reports a month before the task's")
    first = next((f for f in units[unit_of(t)] if items[t]["period"] in docs[f]["reported_months"]), None)
    if items[r]["file"] != first: err(f"follow-through {t}->{r}: not in the first document reporting on {items[t]['period']}")
    ft_tasks.add(t)
seen = set()
for l in gold["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if (a, b) in seen: err(f"duplicate carry-over {a}->{b}")
    seen.add((a, b))
    if a not in items or items[a]["_kind"] != "tasks": err(f"carry-over: {a} is not a task"); continue
    if b not in items or items[b]["_kind"] != "tasks": err(f"carry-over: {b} is not a task"); continue
    if k not in KINDS: err(f"carry-over {a}->{b}: bad kind {k}")
    if unit_of(a) != unit_of(b): err(f"carry-over {a}->{b}: across units")
    if planned(b) <= planned(a): err(f"carry-over {a}->{b}: not forward in time")
    co_from.add(a)
split_from = {}
for l in gold["carry_over"]:
    if l.get("kind") == "split":
        split_from.setdefault(l["from"], []).append(l["to"])
for a, tos in split_from.items():
    if len(tos) < 2: err(f"split {a}: only one target")

# ---------- gaps ----------
last = {u: fl[-1] for u, fl in units.items()}
expected = {iid for iid, it in items.items() if it["_kind"] == "tasks"
            and it["file"] != last[docs[it["file"]]["unit"]]
            and iid not in ft_tasks and iid not in co_from}
gl = gold["gaps"]
if len(gl) != len(set(gl)): err("gaps: duplicates")
if set(gl) != expected:
    err(f"gaps differ from the unlinked tasks: missing {sorted(expected - set(gl))}, extra {sorted(set(gl) - expected)}")

# ---------- decoys ----------
linked = {(l["task"], l["result"]) for l in gold["follow_through"]} | {(l["from"], l["to"]) for l in gold["carry_over"]}
for pair in gold.get("cross_unit_decoys", []):
    if not (isinstance(pair, list) and len(pair) == 2 and all(p in items for p in pair)):
        err(f"decoy {pair}: not a pair of known ids"); continue
    a, b = pair
    if unit_of(a) == unit_of(b): err(f"decoy {pair}: same unit")
    if (a, b) in linked or (b, a) in linked: err(f"decoy {pair}: linked")
if len(units) > 1 and not gold.get("cross_unit_decoys"):
    err("two units but no cross_unit_decoys")

if errors:
    print("\n".join(errors))
    print(f"{len(errors)} error(s)")
    sys.exit(1)
nt = sum(1 for i in items.values() if i["_kind"] == "tasks")
print(f"OK  {len(docs)} documents, {nt} tasks, {len(items) - nt} results, "
      f"{len(gold['follow_through'])} follow-through, {len(gold['carry_over'])} carry-over, "
      f"{len(gl)} gaps, {len(gold.get('cross_unit_decoys', []))} decoys")
