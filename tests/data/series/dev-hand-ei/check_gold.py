#!/usr/bin/env python3
"""Check gold.json of the hand-ei series against its documents. Prints OK or the problems.

Checks: the form of gold.json; file names; UTF-8, NFC, no BOM, \\n line ends; every
item text an exact unique substring of its file, items not overlapping; every table
row and every sentence/bullet of the results section (I.) and of the tasks section
(III.) labelled, headings and lead-ins skipped; task/result counts per document;
periods agree with the documents' headings; links within one unit and forward in
time; allowed statuses and kinds; gaps exactly the unlinked tasks of non-last
documents; decoys never linked; and the table design of this series (one results
row per task of the previous notice that did not vanish; the "Đánh giá" cell agrees
with the follow-through status).
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


def ym(s):
    y, m = s.split("-")
    return int(y) * 12 + int(m) - 1


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---- form -------------------------------------------------------------------
REQ = {"documents": list, "tasks": list, "results": list, "follow_through": list,
       "carry_over": list, "gaps": list}
for k, t in REQ.items():
    if not isinstance(gold.get(k), t):
        err(f"gold.json: key {k!r} missing or not a {t.__name__}")
if not isinstance(gold.get("cross_unit_decoys", []), list):
    err("gold.json: cross_unit_decoys not a list")
extra = set(gold) - set(REQ) - {"cross_unit_decoys"}
if extra:
    err(f"gold.json: unexpected keys {sorted(extra)}")
if errors:
    print("\n".join(errors))
    sys.exit(1)

PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
docs = {}
for d in gold["documents"]:
    for k in ("file", "unit", "reported_months", "planned_period"):
        if k not in d:
            err(f"document {d}: missing {k}")
    if not PERIOD.match(d.get("planned_period", "")):
        err(f"{d.get('file')}: bad planned_period")
    for p in d.get("reported_months", []):
        if not PERIOD.match(p):
            err(f"{d.get('file')}: bad reported month {p}")
    if d["file"] in docs:
        err(f"duplicate document {d['file']}")
    docs[d["file"]] = d

items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        for k in ("id", "file", "period", "text"):
            if not isinstance(it.get(k), str) or not it.get(k):
                err(f"{kind} item {it}: missing/empty {k}")
        if it["id"] in items:
            err(f"duplicate id {it['id']}")
        if it["file"] not in docs:
            err(f"{it['id']}: unknown file {it['file']}")
        if not PERIOD.match(it["period"]):
            err(f"{it['id']}: bad period")
        want = "T" if kind == "tasks" else "R"
        if not it["id"].startswith(want):
            err(f"{it['id']}: id prefix does not match {kind}")
        items[it["id"]] = dict(it, kind=kind)
for it in gold["tasks"]:
    if it["text"] != it["text"].strip():
        err(f"{it['id']}: text has surrounding spaces")
for it in gold["results"]:
    if it["text"] != it["text"].strip():
        err(f"{it['id']}: text has surrounding spaces")

# ---- files ------------------------------------------------------------------
NAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if sorted(docs) != on_disk:
    err(f"documents in gold {sorted(docs)} != .txt files on disk {on_disk}")
texts = {}
for f, d in docs.items():
    m = NAME.match(f)
    if not m:
        err(f"{f}: bad file name")
        continue
    if m.group(2) != d["planned_period"]:
        err(f"{f}: name month {m.group(2)} != planned_period {d['planned_period']}")
    raw = open(os.path.join(HERE, f), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{f}: BOM")
    if b"\r" in raw:
        err(f"{f}: CR in line ends")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{f}: not UTF-8 ({e})")
        continue
    if unicodedata.normalize("NFC", t) != t:
        err(f"{f}: not NFC")
    if "{{" in t or "}}" in t:
        err(f"{f}: hand marks left in text")
    texts[f] = t

# ---- exact unique substrings, no overlaps ------------------------------------
spans = {f: [] for f in texts}
for iid, it in items.items():
    t = texts.get(it["file"])
    if t is None:
        continue
    if unicodedata.normalize("NFC", it["text"]) != it["text"]:
        err(f"{iid}: text not NFC")
    n = t.count(it["text"])
    if n != 1:
        err(f"{iid}: text occurs {n} times in {it['file']}")
        continue
    s = t.index(it["text"])
    spans[it["file"]].append((s, s + len(it["text"]), iid))
for f, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err(f"{f}: items {a[2]} and {b[2]} overlap")

# ---- sections: every row / sentence labelled --------------------------------
by_file_text = {}
for iid, it in items.items():
    by_file_text.setdefault((it["file"], it["kind"]), {})[it["text"]] = iid

ROW = re.compile(r"^\d+ \| ")
TASKS_HEAD = re.compile(r"^III\. NHIỆM VỤ TRỌNG TÂM THÁNG (\d{1,2}) NĂM (\d{4})$")
RES_HEAD = re.compile(r"^I\. KẾT QUẢ THỰC HIỆN NHIỆM VỤ (.+) NĂM (\d{4})$")
RES_TABLE_HEADER = "TT | Nhiệm vụ | Kết quả thực hiện | Đánh giá"
TASK_TABLE_HEADER = "TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành"
EVAL = {"Hoàn thành", "Đang thực hiện", "Chưa thực hiện"}

doc_rows = {}  # file -> list of (result id, evaluation)
for f, t in texts.items():
    d = docs[f]
    lines = t.split("\n")

    def idx(pred, what):
        for i, ln in enumerate(lines):
            if pred(ln):
                return i
        err(f"{f}: heading {what} not found")
        return None

    i1 = idx(lambda ln: ln.startswith("I. KẾT QUẢ"), "I.")
    i2 = idx(lambda ln: ln.startswith("II. "), "II.")
    i3 = idx(lambda ln: ln.startswith("III. "), "III.")
    i4 = idx(lambda ln: ln.startswith("IV. "), "IV.")
    if None in (i1, i2, i3, i4):
        continue
    # periods agree with the headings
    m = TASKS_HEAD.match(lines[i3])
    if not m:
        err(f"{f}: tasks heading not understood: {lines[i3]}")
    elif f"{m.group(2)}-{int(m.group(1)):02d}" != d["planned_period"]:
        err(f"{f}: tasks heading {lines[i3]!r} != planned_period {d['planned_period']}")
    m = RES_HEAD.match(lines[i1])
    if not m:
        err(f"{f}: results heading not understood: {lines[i1]}")
    else:
        months = [f"{m.group(2)}-{int(x):02d}" for x in re.findall(r"THÁNG (\d{1,2})", m.group(1))]
        if months != d["reported_months"]:
            err(f"{f}: results heading months {months} != reported_months {d['reported_months']}")
    if ym(d["planned_period"]) <= max(ym(p) for p in d["reported_months"]):
        err(f"{f}: planned period not after the reported months")
    dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
    if not dm or f"{dm.group(3)}-{int(dm.group(2)):02d}" != d["reported_months"][-1]:
        err(f"{f}: issue date not in the last reported month")
    if not re.search(r"^Số \d+-TB/ĐU$", t, re.M):
        err(f"{f}: no 'Số ...-TB/ĐU' line")
    if "ĐẢNG CỘNG SẢN VIỆT NAM" not in t:
        err(f"{f}: no Party genre header")

    found = {"results": [], "tasks": []}
    rows = []
    # results section
    for ln in lines[i1 + 1:i2]:
        s = ln.strip()
        if not s or s.startswith("Bảng ") or s == RES_TABLE_HEADER or s.endswith(":"):
            continue
        if " | " in s:
            cells = s.split(" | ")
            if not ROW.match(s) or len(cells) != 4:
                err(f"{f}: bad results row: {s[:60]}")
                continue
            if cells[3] not in EVAL:
                err(f"{f}: bad evaluation cell {cells[3]!r}")
            found["results"].append(cells[2])
            rows.append((cells[2], cells[3]))
            continue
        if s.startswith("- "):
            found["results"].append(s[2:].rstrip(";."))
            continue
        for sent in re.split(r"(?<=\.)\s+", s):
            found["results"].append(sent.rstrip("."))
    # tasks section
    for ln in lines[i3 + 1:i4]:
        s = ln.strip()
        if not s or s == TASK_TABLE_HEADER or s.endswith(":"):
            continue
        if " | " in s:
            cells = s.split(" | ")
            if not ROW.match(s) or len(cells) != 4:
                err(f"{f}: bad tasks row: {s[:60]}")
                continue
            found["tasks"].append(cells[1])
            continue
        err(f"{f}: unlabelled line in tasks section: {s[:60]}")
    # numbering of rows
    for sec_lo, sec_hi in ((i1, i2), (i3, i4)):
        nums = [int(ln.split(" | ")[0]) for ln in lines[sec_lo + 1:sec_hi] if ROW.match(ln)]
        if nums != list(range(1, len(nums) + 1)):
            err(f"{f}: table rows not numbered 1..n")
    for kind in ("results", "tasks"):
        labelled = by_file_text.get((f, kind), {})
        for unit_text in found[kind]:
            if unit_text not in labelled:
                err(f"{f}: unlabelled {kind[:-1]}: {unit_text[:70]}")
        if sorted(found[kind]) != sorted(labelled):
            missing = set(labelled) - set(found[kind])
            for x in missing:
                err(f"{f}: labelled {kind[:-1]} {labelled[x]} is not a row/sentence of its section")
    doc_rows[f] = [(by_file_text.get((f, "results"), {}).get(c), e) for c, e in rows]

# ---- counts and periods -------------------------------------------------------
for f, d in docs.items():
    nt = sum(1 for it in gold["tasks"] if it["file"] == f)
    nr = sum(1 for it in gold["results"] if it["file"] == f)
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks (want 10..18)")
    if not (10 <= nr <= 18 or nr == 0):
        err(f"{f}: {nr} results (want 10..18)")
for it in gold["tasks"]:
    d = docs.get(it["file"])
    if d and it["period"] != d["planned_period"]:
        err(f"{it['id']}: period {it['period']} != planned_period {d['planned_period']}")
for it in gold["results"]:
    d = docs.get(it["file"])
    if d and it["period"] not in d["reported_months"]:
        err(f"{it['id']}: period {it['period']} not in reported_months {d['reported_months']}")

# ---- links --------------------------------------------------------------------
def unit(iid):
    return docs[items[iid]["file"]]["unit"]


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
seen = set()
for l in gold["follow_through"]:
    t, r, s = l.get("task"), l.get("result"), l.get("status")
    if t not in items or items[t]["kind"] != "tasks":
        err(f"follow_through: {t} is not a task")
        continue
    if r not in items or items[r]["kind"] != "results":
        err(f"follow_through: {r} is not a result")
        continue
    if (t, r) in seen:
        err(f"follow_through: duplicate {t}->{r}")
    seen.add((t, r))
    if s not in STATUSES:
        err(f"follow_through {t}->{r}: status {s!r}")
    if unit(t) != unit(r):
        err(f"follow_through {t}->{r}: across units")
    td, rd = docs[items[t]["file"]], docs[items[r]["file"]]
    if ym(rd["planned_period"]) <= ym(td["planned_period"]):
        err(f"follow_through {t}->{r}: not forward in time")
    if items[t]["period"] not in rd["reported_months"]:
        err(f"follow_through {t}->{r}: result document does not report the task's month")
    if items[r]["period"] != items[t]["period"]:
        err(f"follow_through {t}->{r}: result period != task period")
    later = [x for x in docs.values() if x["unit"] == td["unit"]
             and items[t]["period"] in x["reported_months"]]
    if later and later[0]["file"] != rd["file"]:
        err(f"follow_through {t}->{r}: not in the first document reporting on {items[t]['period']}")
seen = set()
for l in gold["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks":
        err(f"carry_over {a}->{b}: both ends must be tasks")
        continue
    if (a, b) in seen:
        err(f"carry_over: duplicate {a}->{b}")
    seen.add((a, b))
    if k not in KINDS:
        err(f"carry_over {a}->{b}: kind {k!r}")
    if unit(a) != unit(b):
        err(f"carry_over {a}->{b}: across units")
    if ym(items[b]["period"]) <= ym(items[a]["period"]):
        err(f"carry_over {a}->{b}: not forward in time")
splits = {}
for l in gold["carry_over"]:
    if l.get("kind") == "split":
        splits[l["from"]] = splits.get(l["from"], 0) + 1
for a, n in splits.items():
    if n < 2:
        err(f"carry_over split from {a} has only {n} target")

# ---- gaps -----------------------------------------------------------------------
last = {}
for f, d in docs.items():
    if d["unit"] not in last or ym(d["planned_period"]) > ym(docs[last[d["unit"]]]["planned_period"]):
        last[d["unit"]] = f
linked = {l["task"] for l in gold["follow_through"]} | {l["from"] for l in gold["carry_over"]}
expected = sorted((it["id"] for it in gold["tasks"]
                   if it["file"] != last[docs[it["file"]]["unit"]] and it["id"] not in linked),
                  key=lambda x: (x[:3], int(x.split("-")[1])))
if sorted(gold["gaps"]) != sorted(expected):
    err(f"gaps {sorted(gold['gaps'])} != unlinked tasks of non-last documents {expected}")
if len(set(gold["gaps"])) != len(gold["gaps"]):
    err("duplicate gap ids")

# ---- decoys ---------------------------------------------------------------------
pairs = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
        {(l["from"], l["to"]) for l in gold["carry_over"]}
units = {d["unit"] for d in docs.values()}
for p in gold.get("cross_unit_decoys", []):
    if len(p) != 2 or any(x not in items for x in p):
        err(f"decoy {p}: bad ids")
        continue
    if unit(p[0]) == unit(p[1]):
        err(f"decoy {p}: same unit")
    if tuple(p) in pairs or tuple(p[::-1]) in pairs:
        err(f"decoy {p}: linked")
if len(units) > 1 and not gold.get("cross_unit_decoys"):
    err("two units but no cross_unit_decoys")

# ---- table design of this series ------------------------------------------------
order = {}
for u in units:
    order[u] = sorted((f for f, d in docs.items() if d["unit"] == u),
                      key=lambda f: ym(docs[f]["planned_period"]))
ft_by_result = {}
for l in gold["follow_through"]:
    if l.get("task") in items and l.get("result") in items:
        ft_by_result.setdefault(l["result"], []).append(l)
carried = {l["from"] for l in gold["carry_over"]}
gapset = set(gold["gaps"])
STATUS_OF = {"Hoàn thành": "done", "Đang thực hiện": "partial"}
for u, fs in order.items():
    for prev, cur in zip(fs, fs[1:]):
        prev_tasks = [it["id"] for it in gold["tasks"] if it["file"] == prev]
        answered = []
        for rid, ev in doc_rows.get(cur, []):
            links = ft_by_result.get(rid, [])
            if ev == "Chưa thực hiện":
                if links:
                    err(f"{cur}: row {rid} 'Chưa thực hiện' but linked")
                continue
            if len(links) != 1:
                err(f"{cur}: row {rid} answers {len(links)} tasks (want 1)")
                continue
            if links[0]["status"] != STATUS_OF.get(ev):
                err(f"{cur}: row {rid} '{ev}' but status {links[0]['status']}")
            if items[links[0]["task"]]["file"] != prev:
                err(f"{cur}: row {rid} answers a task not of {prev}")
            answered.append(links[0]["task"])
        n_rows = len(doc_rows.get(cur, []))
        n_expected = len([t for t in prev_tasks if t not in gapset])
        if n_rows != n_expected:
            err(f"{cur}: {n_rows} result rows, want {n_expected} (tasks of {prev} minus gaps)")
        if len(set(answered)) != len(answered):
            err(f"{cur}: two rows answer the same task")
        n_unanswered = [t for t in prev_tasks if t not in gapset and t not in answered]
        for t in n_unanswered:
            if t not in carried:
                err(f"{cur}: task {t} has no row link and is not carried over")
        order_ids = [t for t in answered]
        if order_ids == sorted(order_ids, key=lambda x: int(x.split("-")[1])):
            err(f"{cur}: result rows are in the plan's order (want a reordering)")

if errors:
    print("\n".join(errors))
    print(f"{len(errors)} problem(s)")
    sys.exit(1)
print("OK")
