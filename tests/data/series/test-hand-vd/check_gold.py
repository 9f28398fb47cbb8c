#!/usr/bin/env python3
"""Check gold.json of hand VD against the documents beside it. Prints OK or the errors."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---- form ----
KEYS = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps"}
for k in KEYS:
    if k not in gold:
        err(f"missing key {k}")
for k in gold:
    if k not in KEYS | {"cross_unit_decoys"}:
        err(f"unknown key {k}")
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err(f"document fields {sorted(d)}")
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            err(f"{kind} fields {sorted(it)}")
        if not isinstance(it["text"], str) or not it["text"].strip():
            err(f"{it['id']}: empty text")
        if it["text"] != it["text"].strip():
            err(f"{it['id']}: text has leading/trailing blanks")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
for d in gold["documents"]:
    for m in d["reported_months"] + [d["planned_period"]]:
        if not MONTH.match(m):
            err(f"{d['file']}: bad month {m}")

docs = {d["file"]: d for d in gold["documents"]}
if len(docs) != len(gold["documents"]):
    err("duplicate document file")
tasks = {t["id"]: t for t in gold["tasks"]}
results = {r["id"]: r for r in gold["results"]}
if len(tasks) != len(gold["tasks"]) or len(results) != len(gold["results"]):
    err("duplicate item id")
if set(tasks) & set(results):
    err("id used both as task and result")
for it in list(tasks.values()) + list(results.values()):
    if it["file"] not in docs:
        err(f"{it['id']}: unknown file {it['file']}")


def ym(m):
    y, mo = m.split("-")
    return int(y) * 12 + int(mo) - 1


def next_month(m):
    v = ym(m) + 1
    return f"{v // 12:04d}-{v % 12 + 1:02d}"


# ---- files: names, encoding ----
NAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
texts = {}
for f, d in docs.items():
    m = NAME.match(f)
    if not m:
        err(f"{f}: bad file name")
    elif m.group(2) != d["planned_period"]:
        err(f"{f}: name month {m.group(2)} != planned_period {d['planned_period']}")
    path = os.path.join(HERE, f)
    if not os.path.exists(path):
        err(f"{f}: missing")
        continue
    raw = open(path, "rb").read()
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
    if "{{" in t or "}}" in t:
        err(f"{f}: hand marks left in text")
    texts[f] = t
# every .txt beside gold.json is a document
for f in os.listdir(HERE):
    if f.endswith(".txt") and f not in docs:
        err(f"{f}: .txt not listed in documents")

# ---- exact unique substrings, no overlaps ----
spans = {f: [] for f in texts}
for it in list(tasks.values()) + list(results.values()):
    t = texts.get(it["file"])
    if t is None:
        continue
    if unicodedata.normalize("NFC", it["text"]) != it["text"]:
        err(f"{it['id']}: text not NFC")
    n = t.count(it["text"])
    if n != 1:
        err(f"{it['id']}: text found {n} times in {it['file']}")
        continue
    s = t.index(it["text"])
    spans[it["file"]].append((s, s + len(it["text"]), it["id"]))
    if re.search(r"[.!?] +[A-ZĐÀ-Ỹ]", it["text"]):
        err(f"{it['id']}: item holds more than one sentence")
for f, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err(f"{f}: {a[2]} overlaps {b[2]}")

# ---- sections: every bullet labelled, headings and lead-ins skipped ----
TASK_HEAD = re.compile(r"^(A\. VIỆC GIAO|PHẦN MỘT\b)")
RES_HEAD = re.compile(r"^(B\. VIỆC ĐÃ LÀM|PHẦN HAI\b)")
OTHER_HEAD = re.compile(r"^(C\. |D\. |PHẦN BA\b|PHẦN BỐN\b|Nơi nhận)")
SUB_HEAD = re.compile(r"^(B\.\d+\. |[IVX]+\. )")
TASK_BULLET = re.compile(r"^(Việc \d+\. |\d+/ )")
RES_BULLET = re.compile(r"^(– |\+ )")
MONTH_IN = re.compile(r"(?<![\d/])(\d{1,2})/(\d{4})\b")

by_file = {f: {"T": {}, "R": {}} for f in docs}
for t in tasks.values():
    by_file[t["file"]]["T"][t["text"]] = t["id"]
for r in results.values():
    by_file[r["file"]]["R"][r["text"]] = r["id"]

for f, t in texts.items():
    d = docs[f]
    lines = t.split("\n")
    section = None
    heading_month = None
    seen = set()
    # title: the lines after "THÔNG BÁO" up to the first blank line
    if "THÔNG BÁO" in lines:
        i = lines.index("THÔNG BÁO") + 1
        title = []
        while i < len(lines) and lines[i].strip():
            title.append(lines[i])
            i += 1
        tm = {f"{int(y):04d}-{int(mo):02d}" for mo, y in MONTH_IN.findall(" ".join(title))}
        want = set(d["reported_months"]) | {d["planned_period"]}
        if tm != want:
            err(f"{f}: title months {sorted(tm)} != reported+planned {sorted(want)}")
    else:
        err(f"{f}: no THÔNG BÁO title")
    # date line: issued in the last reported month, before the planned month
    dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
    if not dm:
        err(f"{f}: no date line")
    else:
        issued = f"{int(dm.group(3)):04d}-{int(dm.group(2)):02d}"
        if issued != max(d["reported_months"], key=ym) or next_month(issued) != d["planned_period"]:
            err(f"{f}: issued {issued} does not fit reported {d['reported_months']} / planned {d['planned_period']}")
    if not re.search(r"^Số: \d+/TB-UBND$", t, re.M):
        err(f"{f}: no 'Số:' line")
    for ln in lines:
        s = ln.strip()
        if TASK_HEAD.match(s):
            section = "T"
            ms = MONTH_IN.findall(s)
            if [f"{int(y):04d}-{int(mo):02d}" for mo, y in ms] != [d["planned_period"]]:
                err(f"{f}: task heading month {ms} != planned {d['planned_period']}")
            continue
        if RES_HEAD.match(s):
            section = "R"
            heading_month = None
            ms = MONTH_IN.findall(s)
            hm = [f"{int(y):04d}-{int(mo):02d}" for mo, y in ms]
            if sorted(hm) != sorted(d["reported_months"]):
                err(f"{f}: result heading months {hm} != reported {d['reported_months']}")
            if len(hm) == 1:
                heading_month = hm[0]
            continue
        if OTHER_HEAD.match(s):
            section = None
            continue
        if section is None or not s:
            continue
        if section == "R" and SUB_HEAD.match(s):
            ms = MONTH_IN.findall(s)
            if ms:
                heading_month = f"{int(ms[0][1]):04d}-{int(ms[0][0]):02d}"
            continue
        if (s.startswith("(") and s.endswith(")")) or s.endswith(":"):
            continue  # lead-in
        bullet = TASK_BULLET if section == "T" else RES_BULLET
        m = bullet.match(s)
        if not m:
            err(f"{f}: unlabelled line in {'tasks' if section == 'T' else 'results'}: {s[:60]}")
            continue
        body = s[m.end():]
        iid = by_file[f][section].get(body)
        if iid is None:
            err(f"{f}: bullet not labelled as one {'task' if section == 'T' else 'result'}: {body[:60]}")
            continue
        seen.add(iid)
        if section == "R":
            if heading_month is None:
                err(f"{f}: {iid} under no month heading")
            elif results[iid]["period"] != heading_month:
                err(f"{iid}: period {results[iid]['period']} != heading month {heading_month}")
    for iid in list(by_file[f]["T"].values()) + list(by_file[f]["R"].values()):
        if iid not in seen:
            err(f"{iid}: not a whole bullet of its section in {f}")

# ---- counts and periods ----
for f, d in docs.items():
    nt = len(by_file[f]["T"])
    nr = len(by_file[f]["R"])
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks")
    if not (nr == 0 or 10 <= nr <= 18):
        err(f"{f}: {nr} results")
for t in tasks.values():
    if t["period"] != docs[t["file"]]["planned_period"]:
        err(f"{t['id']}: period {t['period']} != planned {docs[t['file']]['planned_period']}")
for r in results.values():
    if r["period"] not in docs[r["file"]]["reported_months"]:
        err(f"{r['id']}: period {r['period']} not reported by {r['file']}")
for d in docs.values():
    for m in d["reported_months"]:
        if ym(m) >= ym(d["planned_period"]):
            err(f"{d['file']}: reports {m} not before planned {d['planned_period']}")

# ---- links ----
unit_docs = {}
for d in docs.values():
    unit_docs.setdefault(d["unit"], []).append(d)
for u in unit_docs:
    unit_docs[u].sort(key=lambda d: ym(d["planned_period"]))
    ps = [d["planned_period"] for d in unit_docs[u]]
    if len(set(ps)) != len(ps):
        err(f"{u}: two documents plan the same month")


def unit_of(iid):
    it = tasks.get(iid) or results.get(iid)
    return docs[it["file"]]["unit"]


def doc_of(iid):
    it = tasks.get(iid) or results.get(iid)
    return docs[it["file"]]


pairs = set()
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err(f"follow_through fields {sorted(l)}")
    a, b = l["task"], l["result"]
    if a not in tasks or b not in results:
        err(f"follow_through {a}->{b}: unknown id")
        continue
    if l["status"] not in ("done", "partial"):
        err(f"follow_through {a}->{b}: status {l['status']}")
    if (a, b) in pairs:
        err(f"follow_through {a}->{b}: duplicate")
    pairs.add((a, b))
    if unit_of(a) != unit_of(b):
        err(f"follow_through {a}->{b}: across units")
    if ym(doc_of(b)["planned_period"]) <= ym(doc_of(a)["planned_period"]):
        err(f"follow_through {a}->{b}: not forward")
    if ym(results[b]["period"]) < ym(tasks[a]["period"]):
        err(f"follow_through {a}->{b}: result reports a month before the task's")
cpairs = set()
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err(f"carry_over fields {sorted(l)}")
    a, b = l["from"], l["to"]
    if a not in tasks or b not in tasks:
        err(f"carry_over {a}->{b}: unknown id")
        continue
    if l["kind"] not in KINDS:
        err(f"carry_over {a}->{b}: kind {l['kind']}")
    if (a, b) in cpairs:
        err(f"carry_over {a}->{b}: duplicate")
    cpairs.add((a, b))
    if unit_of(a) != unit_of(b):
        err(f"carry_over {a}->{b}: across units")
    if ym(tasks[b]["period"]) <= ym(tasks[a]["period"]):
        err(f"carry_over {a}->{b}: not forward")
split_from = {}
for l in gold["carry_over"]:
    if l["kind"] == "split":
        split_from.setdefault(l["from"], []).append(l["to"])
for a, tos in split_from.items():
    if len(tos) < 2:
        err(f"split from {a} has a single part")

# ---- gaps ----
linked = {a for a, _ in pairs} | {a for a, _ in cpairs}
expect = set()
for u, ds in unit_docs.items():
    last = ds[-1]["file"]
    for t in tasks.values():
        if docs[t["file"]]["unit"] == u and t["file"] != last and t["id"] not in linked:
            expect.add(t["id"])
gaps = gold["gaps"]
if len(set(gaps)) != len(gaps):
    err("duplicate gap")
for g in gaps:
    if g not in tasks:
        err(f"gap {g}: unknown task")
if set(gaps) != expect:
    err(f"gaps differ: missing {sorted(expect - set(gaps))}, extra {sorted(set(gaps) - expect)}")

# ---- decoys ----
decoys = gold.get("cross_unit_decoys", [])
if len(unit_docs) < 2 and decoys:
    err("decoys given for a single unit")
for p in decoys:
    if len(p) != 2 or any(x not in tasks and x not in results for x in p):
        err(f"decoy {p}: bad pair")
        continue
    if unit_of(p[0]) == unit_of(p[1]):
        err(f"decoy {p}: same unit")
    a, b = p
    if (a, b) in pairs or (b, a) in pairs or (a, b) in cpairs or (b, a) in cpairs:
        err(f"decoy {p}: linked")

if errors:
    for e in errors:
        print("ERROR:", e)
    sys.exit(1)
print(f"OK: {len(docs)} documents, {len(tasks)} tasks, {len(results)} results, "
      f"{len(pairs)} follow-through, {len(cpairs)} carry-over, {len(gaps)} gaps, {len(decoys)} decoys")
