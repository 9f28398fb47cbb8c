#!/usr/bin/env python3
"""Check gold.json of this folder against its documents and the annotation rules.

Checks: the form; file names; UTF-8 / NFC / no BOM / \\n line ends; every text an
exact, unique substring of its file and no two items overlapping; every bullet of
the tasks section and every "Kết quả thực hiện" cell of the appendix tables
labelled (headings, lead-ins ending in ':' and the closing 'Giao ...' skipped);
task/result counts per document; periods agree with the documents (header, title,
appendix headings); links within one unit and forward in time; allowed statuses
and kinds; gaps exactly the unlinked tasks of non-last documents; decoys never
linked (cross-unit decoys of gold.json, and _src/intra_decoys.json if present).
Prints OK when everything holds, else the list of problems."""
import json
import pathlib
import re
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
errors = []


def err(msg):
    errors.append(msg)


def ym(s):
    return tuple(int(x) for x in s.split("-"))


gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))

# ---------------- form ----------------
for key, typ in [("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)]:
    if not isinstance(gold.get(key), typ):
        err(f"form: '{key}' missing or not a {typ.__name__}")
if "cross_unit_decoys" in gold and not isinstance(gold["cross_unit_decoys"], list):
    err("form: cross_unit_decoys not a list")
extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
if extra:
    err(f"form: unexpected keys {sorted(extra)}")
PER = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err(f"form: document keys {sorted(d)}")
    if not PER.match(d.get("planned_period", "")) or not all(PER.match(m) for m in d.get("reported_months", [])):
        err(f"form: bad period in {d.get('file')}")
for coll in ("tasks", "results"):
    for it in gold[coll]:
        if set(it) != {"id", "file", "period", "text"}:
            err(f"form: {coll} item keys {sorted(it)}")
        if not PER.match(it.get("period", "")):
            err(f"form: bad period {it.get('id')}")
        if not isinstance(it.get("text"), str) or not it["text"].strip():
            err(f"form: empty text {it.get('id')}")
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err(f"form: follow_through keys {sorted(l)}")
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err(f"form: carry_over keys {sorted(l)}")

docs = {d["file"]: d for d in gold["documents"]}
tasks = {t["id"]: t for t in gold["tasks"]}
results = {r["id"]: r for r in gold["results"]}
if len(tasks) != len(gold["tasks"]) or len(results) != len(gold["results"]):
    err("form: duplicate item id")
if set(tasks) & set(results):
    err("form: an id is both task and result")
for it in list(tasks.values()) + list(results.values()):
    if it["file"] not in docs:
        err(f"form: {it['id']} names unknown file {it['file']}")

# ---------------- file names, encoding ----------------
NAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
texts = {}
on_disk = {p.name for p in HERE.glob("*.txt")}
if on_disk != set(docs):
    err(f"files: on disk {sorted(on_disk)} != listed {sorted(docs)}")
for f, d in docs.items():
    m = NAME.match(f)
    if not m:
        err(f"name: {f}")
    elif m.group(2) != d["planned_period"]:
        err(f"name: {f} month != planned_period {d['planned_period']}")
    raw = (HERE / f).read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"encoding: BOM in {f}")
    if b"\r" in raw:
        err(f"encoding: CR in {f}")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"encoding: not UTF-8 {f}")
        continue
    if unicodedata.normalize("NFC", t) != t:
        err(f"encoding: not NFC {f}")
    texts[f] = t

# slug -> unit must be one-to-one
slug_unit = {}
for f, d in docs.items():
    m = NAME.match(f)
    if m:
        slug_unit.setdefault(m.group(1), set()).add(d["unit"])
for s, us in slug_unit.items():
    if len(us) != 1:
        err(f"unit: slug {s} has units {us}")

# ---------------- exact unique substrings, overlaps ----------------
spans = {f: [] for f in docs}
for it in list(tasks.values()) + list(results.values()):
    t = texts.get(it["file"])
    if t is None:
        continue
    n = t.count(it["text"])
    if n != 1:
        err(f"text: {it['id']} occurs {n} times in {it['file']}")
        continue
    a = t.index(it["text"])
    spans[it["file"]].append((a, a + len(it["text"]), it["id"]))
for f, ss in spans.items():
    ss.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(ss, ss[1:]):
        if a2 < b1:
            err(f"overlap: {i1} and {i2} in {f}")

# ---------------- sections ----------------
TASK_HEAD = re.compile(r"^(?:\d+|[IVX]+)\.\s+(?:Nhiệm vụ trọng tâm|NHIỆM VỤ TRỌNG TÂM|Phương hướng|PHƯƠNG HƯỚNG)", re.I)
TASK_END = re.compile(r"^(?:Giao |Nơi nhận|(?:\d+|[IVX]+)\.\s)")
BULLET = re.compile(r"^(?:- |\+ |\(\d+\) |\d+\) )(.*)$")
ROW = re.compile(r"^\d+ \| ")
SUBHEAD = re.compile(r"^[A-Z]\.\s.*tháng\s+(\d{1,2})/(\d{4})", re.I)
APPX_MONTHS = re.compile(r"THÁNG\s+(\d{1,2}(?:\s+VÀ\s+THÁNG\s+\d{1,2})*)(?:\s+NĂM\s+|/)(\d{4})", re.I)
NUM = re.compile(r"^Số\s+(\S+)", re.M)
DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")

by_file_tasks, by_file_results = {}, {}
for it in tasks.values():
    by_file_tasks.setdefault(it["file"], {})[it["text"]] = it
for it in results.values():
    by_file_results.setdefault(it["file"], {})[it["text"]] = it

for f, d in docs.items():
    t = texts.get(f)
    if t is None:
        continue
    lines = t.split("\n")
    # header
    if "ĐẢNG CỘNG SẢN VIỆT NAM" not in t and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in t:
        err(f"header: no national/Party motto in {f}")
    m = NUM.search(t)
    num = m.group(1) if m else None
    if not num:
        err(f"header: no 'Số' in {f}")
    dm = DATE.search(t)
    if not dm:
        err(f"header: no date in {f}")
    else:
        dd = (int(dm.group(3)), int(dm.group(2)))
        lo = max(ym(x) for x in d["reported_months"]) if d["reported_months"] else (0, 0)
        if not lo <= dd <= ym(d["planned_period"]):
            err(f"header: date {dd} outside reported..planned in {f}")
    # tasks section
    found_tasks = []
    i = next((k for k, L in enumerate(lines) if TASK_HEAD.match(L.strip())), None)
    if i is None:
        err(f"tasks: no tasks heading in {f}")
    else:
        head = lines[i]
        pm = re.search(r"tháng\s+(\d{1,2})(?:\s+năm\s+|/)(\d{4})", head, re.I)
        if not pm or (int(pm.group(2)), int(pm.group(1))) != ym(d["planned_period"]):
            err(f"tasks: heading '{head}' does not name planned period {d['planned_period']} in {f}")
        for L in lines[i + 1:]:
            s = L.strip()
            if TASK_END.match(s):
                break
            if not s:
                continue
            b = BULLET.match(s)
            if b:
                found_tasks.append(re.sub(r"[;.]$", "", b.group(1)).strip())
            elif not s.endswith(":"):
                err(f"tasks: unlabelled non-bullet sentence in {f}: {s[:60]}")
    labelled_t = by_file_tasks.get(f, {})
    for s in found_tasks:
        if s not in labelled_t:
            err(f"tasks: bullet not labelled (or label not the whole bullet) in {f}: {s[:70]}")
    for s in labelled_t:
        if s not in found_tasks:
            err(f"tasks: label {labelled_t[s]['id']} is not a bullet of the tasks section of {f}")
    if len(found_tasks) != len(set(found_tasks)):
        err(f"tasks: duplicate bullets in {f}")
    # results: appendix tables
    found_results = []  # (text, period)
    ap = next((k for k, L in enumerate(lines) if L.strip().upper().startswith("PHỤ LỤC")), None)
    if d["reported_months"]:
        if ap is None:
            err(f"results: no appendix in {f}")
        else:
            if "Phụ lục kèm theo" not in "\n".join(lines[:ap]):
                err(f"results: body does not point to the appendix in {f}")
            block = "\n".join(lines[ap:ap + 4])
            km = re.search(r"\(Kèm theo Thông báo số (\S+)", block)
            if not km or km.group(1) != num:
                err(f"results: '(Kèm theo Thông báo số ...)' does not match Số {num} in {f}")
            title_months = sorted({f"{int(y):04d}-{int(mo):02d}" for mos, y in APPX_MONTHS.findall(block)
                                   for mo in re.findall(r"\d{1,2}", mos)})
            if title_months != sorted(d["reported_months"]):
                err(f"results: appendix title months {title_months} != reported {d['reported_months']} in {f}")
            cur = d["reported_months"][0] if len(d["reported_months"]) == 1 else None
            header_seen = False
            for L in lines[ap:]:
                s = L.strip()
                sm = SUBHEAD.match(s)
                if sm:
                    cur = f"{int(sm.group(2)):04d}-{int(sm.group(1)):02d}"
                    continue
                if s.startswith("TT | "):
                    header_seen = True
                    if s.split(" | ") != ["TT", "Nhiệm vụ", "Kết quả thực hiện", "Ghi chú"]:
                        err(f"results: bad table header in {f}")
                    continue
                if ROW.match(s):
                    cells = s.split(" | ")
                    if len(cells) != 4:
                        err(f"results: row without 4 cells in {f}: {s[:60]}")
                        continue
                    found_results.append((cells[2], cur))
            if not header_seen:
                err(f"results: no table header in {f}")
    labelled_r = by_file_results.get(f, {})
    cells_only = [c for c, _ in found_results]
    for c, per in found_results:
        if c not in labelled_r:
            err(f"results: cell not labelled (or label not the whole cell) in {f}: {c[:70]}")
        elif per is None or labelled_r[c]["period"] != per:
            err(f"results: {labelled_r[c]['id']} period {labelled_r[c]['period']} != table month {per}")
    for s in labelled_r:
        if s not in cells_only:
            err(f"results: label {labelled_r[s]['id']} is not a result cell of {f}")
    # counts, periods
    nt, nr = len(labelled_t), len(labelled_r)
    if not 10 <= nt <= 18:
        err(f"count: {nt} tasks in {f}")
    if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
        err(f"count: {nr} results in {f}")
    for it in labelled_t.values():
        if it["period"] != d["planned_period"]:
            err(f"period: task {it['id']} {it['period']} != planned {d['planned_period']}")
    for it in labelled_r.values():
        if it["period"] not in d["reported_months"]:
            err(f"period: result {it['id']} {it['period']} not in reported {d['reported_months']}")
    for mth in d["reported_months"]:
        if ym(mth) >= ym(d["planned_period"]):
            err(f"period: reported {mth} not before planned {d['planned_period']} in {f}")

# reported months of a unit: contiguous chain, each month reported once
units = {}
for d in gold["documents"]:
    units.setdefault(d["unit"], []).append(d)
for u, ds in units.items():
    ds.sort(key=lambda d: ym(d["planned_period"]))
    seen = []
    for d in ds:
        seen += d["reported_months"]
    if len(seen) != len(set(seen)):
        err(f"period: a month reported twice in {u}")

# ---------------- links ----------------
ORDER = {f: ym(d["planned_period"]) for f, d in docs.items()}
STATUSES = {"done", "partial", "progress"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def unit_of(it):
    return docs[it["file"]]["unit"]


pairs = set()
for l in gold["follow_through"]:
    a, b = tasks.get(l["task"]), results.get(l["result"])
    if not a or not b:
        err(f"link: unknown id in follow_through {l}")
        continue
    if (l["task"], l["result"]) in pairs:
        err(f"link: duplicate {l}")
    pairs.add((l["task"], l["result"]))
    if l["status"] not in STATUSES:
        err(f"link: bad status {l}")
    if unit_of(a) != unit_of(b):
        err(f"link: cross-unit follow_through {l}")
    if ORDER[b["file"]] <= ORDER[a["file"]]:
        err(f"link: follow_through not forward {l}")
    if b["period"] != a["period"]:
        err(f"link: result {b['id']} reports {b['period']}, task planned {a['period']}")
    # the first later document of the unit reporting on the task's month
    first = min((f for f, d in docs.items() if d["unit"] == unit_of(a) and a["period"] in d["reported_months"]
                 and ORDER[f] > ORDER[a["file"]]), key=lambda f: ORDER[f], default=None)
    if first != b["file"]:
        err(f"link: {l} not in the first document reporting {a['period']}")
cpairs = set()
for l in gold["carry_over"]:
    a, b = tasks.get(l["from"]), tasks.get(l["to"])
    if not a or not b:
        err(f"link: unknown id in carry_over {l}")
        continue
    if (l["from"], l["to"]) in cpairs:
        err(f"link: duplicate {l}")
    cpairs.add((l["from"], l["to"]))
    if l["kind"] not in KINDS:
        err(f"link: bad kind {l}")
    if unit_of(a) != unit_of(b):
        err(f"link: cross-unit carry_over {l}")
    if ym(b["period"]) <= ym(a["period"]):
        err(f"link: carry_over not forward {l}")

# ---------------- gaps ----------------
last_of_unit = {u: max(ds, key=lambda d: ym(d["planned_period"]))["file"] for u, ds in units.items()}
linked = {a for a, _ in pairs} | {a for a, _ in cpairs}
expect = {i for i, t in tasks.items() if t["file"] != last_of_unit[unit_of(t)] and i not in linked}
if set(gold["gaps"]) != expect:
    err(f"gaps: listed {sorted(gold['gaps'])} != unlinked non-last tasks {sorted(expect)}")
if len(gold["gaps"]) != len(set(gold["gaps"])):
    err("gaps: duplicates")

# ---------------- decoys ----------------
allpairs = pairs | cpairs | {(b, a) for a, b in pairs | cpairs}
for p in gold.get("cross_unit_decoys", []):
    if len(p) != 2 or any(x not in tasks and x not in results for x in p):
        err(f"decoy: bad pair {p}")
        continue
    a = tasks.get(p[0]) or results.get(p[0])
    b = tasks.get(p[1]) or results.get(p[1])
    if unit_of(a) == unit_of(b):
        err(f"decoy: cross-unit pair of one unit {p}")
    if tuple(p) in allpairs:
        err(f"decoy: linked {p}")
intra = HERE / "_src" / "intra_decoys.json"
if intra.exists():
    for p in json.loads(intra.read_text(encoding="utf-8")):
        if any(x not in tasks and x not in results for x in p):
            err(f"decoy: bad intra pair {p}")
        elif tuple(p) in allpairs:
            err(f"decoy: intra-unit look-alike linked {p}")

if errors:
    print("\n".join(errors))
    print(f"FAILED: {len(errors)} problem(s)")
    sys.exit(1)
print("OK")
