#!/usr/bin/env python3
"""Check gold.json of this folder against its documents and the annotation rules.

    python3 check_gold.py [FOLDER]

Checks: the form of gold.json; file names; UTF-8, no BOM, NFC, \\n line ends; every item
text an exact, unique substring of its file and no two items overlapping; every bullet
and every indicator-table row of the results and tasks sections labelled (headings and
lead-ins ending in ':' skipped), and every item inside the right section; 10-18 tasks
and results per document; periods agree with the documents (file name, title, reported
months); links inside one unit and forward in time (a follow-through goes to the first
later document that reports the task's month); allowed statuses and kinds; gaps exactly
the tasks with neither link in a document that is not its unit's last; decoy pairs
(cross-unit in gold.json, intra-unit in _src/intra_unit_decoys.json) never linked.
Prints OK when everything holds.
"""
import json
import os
import re
import sys
import unicodedata

FOLDER = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))
errors = []


def err(msg):
    errors.append(msg)


STATUSES = {"done", "partial", "progress"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
HEADING = re.compile(r"^(?:[IVX]+\.|\d+\.|[a-zđ]\))\s")

with open(os.path.join(FOLDER, "gold.json"), encoding="utf-8") as f:
    gold = json.load(f)

# ---- form -------------------------------------------------------------------
need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
        "carry_over": list, "gaps": list}
for k, t in need.items():
    if not isinstance(gold.get(k), t):
        err(f"form: '{k}' missing or not a {t.__name__}")
if "cross_unit_decoys" in gold and not isinstance(gold["cross_unit_decoys"], list):
    err("form: cross_unit_decoys not a list")
extra = set(gold) - set(need) - {"cross_unit_decoys"}
if extra:
    err(f"form: unknown keys {sorted(extra)}")
if errors:
    print("\n".join(errors))
    sys.exit(1)

docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err(f"form: document keys {sorted(d)}")
        continue
    if d["file"] in docs:
        err(f"form: document {d['file']} twice")
    if not all(isinstance(m, str) and MONTH.match(m) for m in d["reported_months"]):
        err(f"form: bad reported_months in {d['file']}")
    if not MONTH.match(d["planned_period"]):
        err(f"form: bad planned_period in {d['file']}")
    docs[d["file"]] = d

items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            err(f"form: {kind} item keys {sorted(it)}")
            continue
        if it["id"] in items:
            err(f"form: id {it['id']} used twice")
        if it["file"] not in docs:
            err(f"form: {it['id']} in unknown file {it['file']}")
        if not isinstance(it["text"], str) or not it["text"].strip():
            err(f"form: {it['id']} empty text")
        items[it["id"]] = dict(it, kind=kind)
tasks = {i: it for i, it in items.items() if it["kind"] == "tasks"}
results = {i: it for i, it in items.items() if it["kind"] == "results"}

for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err(f"form: follow_through keys {sorted(l)}")
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err(f"form: carry_over keys {sorted(l)}")
if errors:
    print("\n".join(errors))
    sys.exit(1)

# ---- files ------------------------------------------------------------------
texts = {}
on_disk = sorted(n for n in os.listdir(FOLDER) if n.endswith(".txt"))
if sorted(docs) != on_disk:
    err(f"files: gold documents {sorted(docs)} != .txt on disk {on_disk}")
for fname, d in docs.items():
    m = NAME.match(fname)
    if not m:
        err(f"name: {fname} is not <slug>_<YYYY-MM>.txt")
    elif f"{m.group(2)}-{m.group(3)}" != d["planned_period"]:
        err(f"name: {fname} month != planned_period {d['planned_period']}")
    path = os.path.join(FOLDER, fname)
    if not os.path.exists(path):
        err(f"file: {fname} missing")
        continue
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"file: {fname} has a BOM")
    if b"\r" in raw:
        err(f"file: {fname} has \\r")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"file: {fname} not UTF-8 ({e})")
        continue
    if unicodedata.normalize("NFC", text) != text:
        err(f"file: {fname} not NFC")
    texts[fname] = text

# ---- texts: exact, unique, no overlap -------------------------------------------
spans = {f: [] for f in texts}
for iid, it in items.items():
    t = texts.get(it["file"])
    if t is None:
        continue
    n = t.count(it["text"])
    if n != 1:
        err(f"text: {iid} found {n} times in {it['file']}")
        continue
    s = t.index(it["text"])
    spans[it["file"]].append((s, s + len(it["text"]), iid))
for f, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err(f"overlap: {a[2]} and {b[2]} in {f}")


# ---- sections: every bullet / row labelled, items in the right section ------------
def month_word(m):
    return str(int(m.split("-")[1]))


for fname, text in texts.items():
    d = docs[fname]
    lines = text.split("\n")
    # header
    head = "\n".join(lines[:14])
    for must in ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc"):
        if must not in head:
            err(f"header: {fname} lacks '{must}'")
    if not re.search(r"^Số: \d+/BC-UBND$", head, re.M):
        err(f"header: {fname} lacks 'Số: .../BC-UBND'")
    date = re.search(r"^.+, ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$", head, re.M)
    if not date:
        err(f"header: {fname} lacks place and date")
    else:
        issued = f"{date.group(3)}-{int(date.group(2)):02d}"
        if not (max(d["reported_months"]) <= issued < d["planned_period"]):
            err(f"header: {fname} date {issued} not between reported and planned months")
    for must in ("Nơi nhận:",):
        if must not in text:
            err(f"closing: {fname} lacks '{must}'")
    # title
    try:
        ti = lines.index("BÁO CÁO")
        title = lines[ti + 1]
    except (ValueError, IndexError):
        err(f"title: {fname} has no 'BÁO CÁO' title")
        title = ""
    for m in d["reported_months"] + [d["planned_period"]]:
        if not re.search(r"tháng 0?%s\b" % month_word(m), title):
            err(f"title: {fname} does not name month {m}")
    if not title.endswith("năm " + d["planned_period"][:4]):
        err(f"title: {fname} year")
    # sections
    sec = None
    found = {"results": [], "tasks": []}
    for ln in lines:
        if re.match(r"^I\. KẾT QUẢ", ln):
            sec = "results"
            continue
        if re.match(r"^II\. ", ln):
            sec = None
            continue
        if re.match(r"^III\. NHIỆM VỤ", ln):
            sec = "tasks"
            continue
        if ln.startswith("Trên đây"):
            sec = None
            continue
        if sec is None or not ln.strip():
            continue
        if ln.startswith("- "):
            found[sec].append(ln[2:])
        elif " | " in ln and not ln.startswith("TT | "):
            found[sec].append(ln)
        elif HEADING.match(ln) or ln.startswith("TT | ") or ln.rstrip().endswith(":"):
            continue
        else:
            err(f"section: unlabelled prose line in {sec} of {fname}: {ln[:60]}")
    by_text = {}
    for iid, it in items.items():
        if it["file"] == fname:
            by_text[it["text"]] = iid
    for sec, found_lines in found.items():
        ids = []
        for ln in found_lines:
            iid = by_text.get(ln)
            if iid is None:
                err(f"section: {sec} line not labelled in {fname}: {ln[:60]}")
            elif items[iid]["kind"] != sec:
                err(f"section: {iid} labelled {items[iid]['kind']} but stands in {sec} of {fname}")
            else:
                ids.append(iid)
        own = [i for i, it in items.items() if it["file"] == fname and it["kind"] == sec]
        missing = set(own) - set(ids)
        if missing:
            err(f"section: {sorted(missing)} of {fname} not a whole bullet/row of its section")
        n = len(own)
        if sec == "tasks" and not 10 <= n <= 18:
            err(f"count: {fname} has {n} tasks")
        if sec == "results" and not (10 <= n <= 18 or n == 0):
            err(f"count: {fname} has {n} results")

# ---- periods ---------------------------------------------------------------
for iid, it in tasks.items():
    if it["period"] != docs[it["file"]]["planned_period"]:
        err(f"period: task {iid} period {it['period']} != planned {docs[it['file']]['planned_period']}")
for iid, it in results.items():
    if it["period"] not in docs[it["file"]]["reported_months"]:
        err(f"period: result {iid} period {it['period']} not reported by {it['file']}")
for fname, d in docs.items():
    if any(m >= d["planned_period"] for m in d["reported_months"]):
        err(f"period: {fname} reports a month not before its planned period")

# ---- links -------------------------------------------------------------------
units = {}
for fname, d in docs.items():
    units.setdefault(d["unit"], []).append(d)
for u in units.values():
    u.sort(key=lambda d: d["planned_period"])
    for a, b in zip(u, u[1:]):
        if a["planned_period"] == b["planned_period"]:
            err(f"unit: two documents plan {a['planned_period']}")


def unit_of(iid):
    return docs[items[iid]["file"]]["unit"]


def planned_of(iid):
    return docs[items[iid]["file"]]["planned_period"]


seen = set()
ft_tasks, co_from = set(), set()
linked_pairs = set()
for l in gold["follow_through"]:
    t, r, s = l["task"], l["result"], l["status"]
    if (t, r) in seen:
        err(f"link: follow-through {t}->{r} twice")
    seen.add((t, r))
    if t not in tasks or r not in results:
        err(f"link: follow-through {t}->{r} unknown id")
        continue
    if s not in STATUSES:
        err(f"link: follow-through {t}->{r} status {s}")
    if unit_of(t) != unit_of(r):
        err(f"link: follow-through {t}->{r} crosses units")
    if planned_of(r) <= planned_of(t):
        err(f"link: follow-through {t}->{r} not forward")
    if results[r]["period"] != tasks[t]["period"]:
        err(f"link: follow-through {t}->{r} result period {results[r]['period']} != task period {tasks[t]['period']}")
    first = next((d for d in units[unit_of(t)]
                  if d["planned_period"] > tasks[t]["period"] and tasks[t]["period"] in d["reported_months"]), None)
    if first is None or first["file"] != results[r]["file"]:
        err(f"link: follow-through {t}->{r} not in the first document reporting {tasks[t]['period']}")
    ft_tasks.add(t)
    linked_pairs.add(frozenset((t, r)))
seen = set()
for l in gold["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if (a, b) in seen:
        err(f"link: carry-over {a}->{b} twice")
    seen.add((a, b))
    if a not in tasks or b not in tasks:
        err(f"link: carry-over {a}->{b} unknown id")
        continue
    if k not in KINDS:
        err(f"link: carry-over {a}->{b} kind {k}")
    if unit_of(a) != unit_of(b):
        err(f"link: carry-over {a}->{b} crosses units")
    if planned_of(b) <= planned_of(a):
        err(f"link: carry-over {a}->{b} not forward")
    co_from.add(a)
    linked_pairs.add(frozenset((a, b)))
split_from = {}
for l in gold["carry_over"]:
    if l["kind"] == "split":
        split_from.setdefault(l["from"], []).append(l["to"])
for a, tos in split_from.items():
    if len(tos) < 2:
        err(f"link: split {a} has a single target")

# ---- gaps --------------------------------------------------------------------
expected = set()
for iid, it in tasks.items():
    u = units[unit_of(iid)]
    if it["file"] == u[-1]["file"]:
        continue
    if iid not in ft_tasks and iid not in co_from:
        expected.add(iid)
given = gold["gaps"]
if len(given) != len(set(given)):
    err("gaps: duplicates")
if set(given) != expected:
    err(f"gaps: given-expected {sorted(set(given) - expected)}, expected-given {sorted(expected - set(given))}")

# ---- decoys --------------------------------------------------------------------
for pair in gold.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in items for p in pair):
        err(f"decoy: bad pair {pair}")
        continue
    if unit_of(pair[0]) == unit_of(pair[1]):
        err(f"decoy: cross-unit pair {pair} within one unit")
    if frozenset(pair) in linked_pairs:
        err(f"decoy: {pair} linked")
intra = os.path.join(FOLDER, "_src", "intra_unit_decoys.json")
n_intra = 0
if os.path.exists(intra):
    for pair in json.load(open(intra, encoding="utf-8")):
        n_intra += 1
        if len(pair) != 2 or any(p not in items for p in pair):
            err(f"decoy: bad intra-unit pair {pair}")
            continue
        if frozenset(pair) in linked_pairs:
            err(f"decoy: intra-unit {pair} linked")
        if pair[0] in tasks and pair[0] not in given:
            err(f"decoy: intra-unit decoy task {pair[0]} is not a gap")

if errors:
    print("\n".join(errors))
    print(f"FAILED: {len(errors)} problem(s)")
    sys.exit(1)
print(f"{len(docs)} documents, {len(tasks)} tasks, {len(results)} results, "
      f"{len(gold['follow_through'])} follow-through, {len(gold['carry_over'])} carry-over, "
      f"{len(given)} gaps, {len(gold.get('cross_unit_decoys', []))} cross-unit decoys, "
      f"{n_intra} intra-unit decoys")
print("OK")
