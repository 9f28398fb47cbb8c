#!/usr/bin/env python3
"""Check gold.json of the hand-WC series against the documents beside it. Prints OK."""
import json, os, re, sys, unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---- form -------------------------------------------------------------
need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
        "carry_over": list, "gaps": list}
for k, t in need.items():
    if not isinstance(gold.get(k), t):
        err(f"gold.{k} missing or not a {t.__name__}")
decoys = gold.get("cross_unit_decoys", [])
extra = set(gold) - set(need) - {"cross_unit_decoys"}
if extra:
    err(f"unknown keys {extra}")
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err(f"document keys {sorted(d)}")
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"} or not all(isinstance(it[k], str) for k in it):
            err(f"{kind} item form: {it}")
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err(f"follow_through form {l}")
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err(f"carry_over form {l}")

ids = Counter([i["id"] for i in gold["tasks"]] + [i["id"] for i in gold["results"]])
for i, n in ids.items():
    if n > 1:
        err(f"duplicate id {i}")
tasks = {i["id"]: i for i in gold["tasks"]}
results = {i["id"]: i for i in gold["results"]}
docs = {d["file"]: d for d in gold["documents"]}
if len(docs) != len(gold["documents"]):
    err("duplicate document")

# ---- files --------------------------------------------------------------
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if on_disk != sorted(docs):
    err(f"txt files on disk {on_disk} != documents {sorted(docs)}")
texts = {}
for f, d in docs.items():
    m = FNAME.match(f)
    if not m:
        err(f"bad file name {f}")
        continue
    if m.group(2) != d["planned_period"]:
        err(f"{f}: planned_period {d['planned_period']} != name")
    for mo in d["reported_months"] + [d["planned_period"]]:
        if not MONTH.match(mo):
            err(f"{f}: bad month {mo}")
    if not d["reported_months"] or max(d["reported_months"]) >= d["planned_period"]:
        err(f"{f}: reported months must precede the planned month")
    raw = open(os.path.join(HERE, f), "rb").read()
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
    texts[f] = t

# header and title agree with the periods
VN_DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
for f, t in texts.items():
    d = docs[f]
    head = t[:1500]
    for must in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: ", "THÔNG BÁO", "Nơi nhận:"):
        if must not in t:
            err(f"{f}: header/closing lacks {must!r}")
    m = VN_DATE.search(head)
    if not m:
        err(f"{f}: no issue date")
    else:
        y, mo = int(m.group(3)), int(m.group(2))
        if f"{y:04d}-{mo:02d}" != d["planned_period"]:
            err(f"{f}: issued {y}-{mo}, planned {d['planned_period']}")
    title = head[head.index("THÔNG BÁO"):].split("\n\n")[0]
    for rm in d["reported_months"]:
        mm = int(rm[5:])
        if not re.search(rf"tháng (0?{mm})\b", title):
            err(f"{f}: title does not name reported month {rm}")

# ---- items: exact, unique, no overlap, in the right section ---------------
spans = defaultdict(list)  # file -> (start, end, id)
for kind, pool in (("task", tasks), ("result", results)):
    for iid, it in pool.items():
        f = it["file"]
        if f not in texts:
            err(f"{iid}: unknown file {f}")
            continue
        t, s = texts[f], it["text"]
        if not s or s != s.strip():
            err(f"{iid}: empty or padded text")
        n = t.count(s)
        if n != 1:
            err(f"{iid}: text occurs {n} times in {f}")
            continue
        a = t.index(s)
        spans[f].append((a, a + len(s), iid))
        if re.search(r"[.!?]\s+[A-ZĐÀ-Ỹ]", s):
            err(f"{iid}: holds more than one sentence")
        if "\n" in s:
            err(f"{iid}: spans lines")
for f, sp in spans.items():
    sp.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
        if a2 < b1:
            err(f"{f}: {i1} overlaps {i2}")

RES_START = re.compile(r"^(Đã làm trong tháng|PHẦN MỘT\.|1\. KẾT QUẢ)")
TASK_START = re.compile(r"^(Giao thực hiện tháng|PHẦN BA\.|3\. VIỆC GIAO)")
STOP = re.compile(r"^([A-E]\. [A-ZĐ]|PHẦN (HAI|BỐN)\.|[24]\. [A-ZĐ])")
LEFTOVER_OK = re.compile(r"^[\s\d.()\-–+•|]*$")
SECTION_ROW = re.compile(r"^[A-Z]\s*\|\s*THÁNG (\d{1,2})/(\d{4})[\s|]*$")


def heading_like(line):
    s = line.strip()
    cells = [c.strip() for c in re.split(r"\t| \| ", s)]
    return (s.endswith(":") or cells[0] in ("TT", "STT") or SECTION_ROW.match(s)
            or re.match(r"^\d+\.\d+\. \S.{0,60}$", s) and not s.endswith(".")
            or s == s.upper()
            or (("\t" in s or " | " in s) and all(len(c.split()) <= 3 and not re.search(r"\d", c) for c in cells)))


for f, t in texts.items():
    d = docs[f]
    sp = spans.get(f, [])
    kind_of = {iid: ("task" if iid in tasks else "result") for _, _, iid in sp}
    section = None
    row_month = None
    pos = 0
    seen_in_section = set()
    for line in t.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        if RES_START.match(line):
            section = "result"
            continue
        if TASK_START.match(line):
            section = "task"
            continue
        if STOP.match(line):
            section = None
            continue
        inside = [(x, y, i) for x, y, i in sp if x >= a and y <= b]
        crossing = [(x, y, i) for x, y, i in sp if x < b and y > a and (x < a or y > b)]
        for _, _, i in crossing:
            err(f"{i}: crosses a line end")
        m = SECTION_ROW.match(line.strip()) if section == "result" else None
        if m:
            row_month = f"{m.group(2)}-{int(m.group(1)):02d}"
            continue
        for _, _, i in inside:
            seen_in_section.add(i)
            if section != kind_of[i]:
                err(f"{i}: lies outside a {kind_of[i]} section of {f}")
            if kind_of[i] == "result" and row_month and results[i]["period"] != row_month:
                err(f"{i}: period {results[i]['period']} but listed under {row_month}")
        if section is None or not line.strip():
            continue
        if not inside:
            if not heading_like(line):
                err(f"{f}: unlabelled line in {section} section: {line[:70]!r}")
            continue
        rest, cur = "", a
        for x, y, _ in inside:
            rest += t[cur:x]
            cur = y
        rest += t[cur:b]
        if not LEFTOVER_OK.match(rest):
            err(f"{f}: unlabelled text {rest.strip()[:70]!r} beside items")
    for _, _, i in sp:
        if i not in seen_in_section:
            err(f"{i}: not found in any line")

# ---- counts and periods -------------------------------------------------
per_doc = defaultdict(lambda: Counter())
for it in gold["tasks"]:
    per_doc[it["file"]]["task"] += 1
    if it["file"] in docs and it["period"] != docs[it["file"]]["planned_period"]:
        err(f"{it['id']}: period {it['period']} != planned period")
for it in gold["results"]:
    per_doc[it["file"]]["result"] += 1
    if it["file"] in docs and it["period"] not in docs[it["file"]]["reported_months"]:
        err(f"{it['id']}: period {it['period']} not a reported month")
for f in docs:
    nt, nr = per_doc[f]["task"], per_doc[f]["result"]
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks")
    if not (10 <= nr <= 18 or nr == 0):
        err(f"{f}: {nr} results")

# ---- links --------------------------------------------------------------
unit_docs = defaultdict(list)
for d in gold["documents"]:
    unit_docs[d["unit"]].append(d)
for u in unit_docs:
    unit_docs[u].sort(key=lambda d: d["planned_period"])
unit_of = {i: docs[it["file"]]["unit"] for i, it in list(tasks.items()) + list(results.items()) if it["file"] in docs}
plan_of = lambda i: docs[(tasks.get(i) or results.get(i))["file"]]["planned_period"]

ft_tasks, co_from = set(), set()
for l in gold["follow_through"]:
    ti, ri = l["task"], l["result"]
    if ti not in tasks or ri not in results:
        err(f"follow_through unknown id {l}")
        continue
    if l["status"] not in ("done", "partial"):
        err(f"follow_through status {l}")
    if unit_of[ti] != unit_of[ri]:
        err(f"follow_through across units {l}")
    if plan_of(ri) <= plan_of(ti) or results[ri]["period"] < tasks[ti]["period"]:
        err(f"follow_through not forward {l}")
    first = next((d for d in unit_docs[unit_of[ti]]
                  if d["planned_period"] > tasks[ti]["period"] and tasks[ti]["period"] in d["reported_months"]), None)
    if not first or first["file"] != results[ri]["file"]:
        err(f"follow_through {l}: result not in the first document reporting {tasks[ti]['period']}")
    ft_tasks.add(ti)
pairs = Counter((l["task"], l["result"]) for l in gold["follow_through"])
for p, n in pairs.items():
    if n > 1:
        err(f"follow_through pair repeated {p}")
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in gold["carry_over"]:
    a, b = l["from"], l["to"]
    if a not in tasks or b not in tasks:
        err(f"carry_over unknown id {l}")
        continue
    if l["kind"] not in KINDS:
        err(f"carry_over kind {l}")
    if unit_of[a] != unit_of[b]:
        err(f"carry_over across units {l}")
    if tasks[b]["period"] <= tasks[a]["period"]:
        err(f"carry_over not forward {l}")
    co_from.add(a)
pairs = Counter((l["from"], l["to"]) for l in gold["carry_over"])
for p, n in pairs.items():
    if n > 1:
        err(f"carry_over pair repeated {p}")
splits = Counter(l["from"] for l in gold["carry_over"] if l["kind"] == "split")
for a, n in splits.items():
    if n < 2:
        err(f"split from {a} has only one part")

last_file = {u: ds[-1]["file"] for u, ds in unit_docs.items()}
want_gaps = {i for i, it in tasks.items()
             if it["file"] != last_file[unit_of[i]] and i not in ft_tasks and i not in co_from}
got_gaps = set(gold["gaps"])
if len(got_gaps) != len(gold["gaps"]):
    err("repeated gap")
if got_gaps != want_gaps:
    err(f"gaps differ: missing {sorted(want_gaps - got_gaps)}, extra {sorted(got_gaps - want_gaps)}")

linked = {(l["task"], l["result"]) for l in gold["follow_through"]} | {(l["from"], l["to"]) for l in gold["carry_over"]}
for p in decoys:
    if not (isinstance(p, list) and len(p) == 2 and all(x in ids for x in p)):
        err(f"decoy form {p}")
        continue
    if unit_of[p[0]] == unit_of[p[1]]:
        err(f"decoy within one unit {p}")
    if tuple(p) in linked or tuple(p[::-1]) in linked:
        err(f"decoy linked {p}")
if len(unit_docs) > 1 and not decoys:
    err("two units but no cross_unit_decoys")

if errors:
    print("\n".join(errors))
    print(f"FAILED: {len(errors)} problem(s)")
    sys.exit(1)
print("OK")
