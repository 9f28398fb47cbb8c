#!/usr/bin/env python3
"""Check gold.json of this hand-labelled series against its documents.

  python3 check_gold.py [SERIES_DIR]     # default: the folder of this script

Checks: the form of gold.json; file names; UTF-8 / NFC / \\n / no BOM; every
text an exact unique substring of its file, no overlaps; every sentence of the
results section and every row ("nội dung" cell) of the task appendix labelled,
headings, inline field labels and lead-ins skipped; 10-18 tasks and results per
document; periods agree with the file names, titles and month sub-headings;
links within one unit and forward in time; allowed statuses and kinds; gaps
exactly the unlinked tasks of non-last documents; decoys never linked.
Prints OK when everything passes, otherwise the list of problems.
"""
import json
import os
import re
import sys
import unicodedata

DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}

# ------------------------------------------------------------------ form
try:
    with open(os.path.join(DIR, "gold.json"), encoding="utf-8") as fh:
        gold = json.load(fh)
except Exception as e:  # noqa
    print("FAIL: cannot read gold.json:", e)
    sys.exit(1)

for key, typ in [("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)]:
    if not isinstance(gold.get(key), typ):
        err(f"gold.json: '{key}' missing or not a {typ.__name__}")
if "cross_unit_decoys" in gold and not isinstance(gold["cross_unit_decoys"], list):
    err("gold.json: 'cross_unit_decoys' is not a list")
extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                     "gaps", "cross_unit_decoys"}
if extra:
    err(f"gold.json: unexpected keys {sorted(extra)}")
if errors:
    print("\n".join(errors))
    sys.exit(1)

docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err(f"document fields wrong: {d}")
        continue
    if d["file"] in docs:
        err(f"document listed twice: {d['file']}")
    if not (isinstance(d["reported_months"], list) and all(isinstance(m, str) and MONTH.match(m) for m in d["reported_months"])):
        err(f"{d['file']}: bad reported_months {d['reported_months']}")
    if not (isinstance(d["planned_period"], str) and MONTH.match(d["planned_period"])):
        err(f"{d['file']}: bad planned_period {d['planned_period']}")
    docs[d["file"]] = d

items = {}
for kind, lst in (("task", gold["tasks"]), ("result", gold["results"])):
    for it in lst:
        if set(it) != {"id", "file", "period", "text"}:
            err(f"{kind} fields wrong: {it}")
            continue
        if it["id"] in items:
            err(f"duplicate id {it['id']}")
        if kind == "task" and not it["id"].startswith("T"):
            err(f"task id should start with T: {it['id']}")
        if kind == "result" and not it["id"].startswith("R"):
            err(f"result id should start with R: {it['id']}")
        if it["file"] not in docs:
            err(f"{it['id']}: unknown file {it['file']}")
        if not MONTH.match(str(it["period"])):
            err(f"{it['id']}: bad period {it['period']}")
        if not isinstance(it["text"], str) or not it["text"].strip() or it["text"] != it["text"].strip():
            err(f"{it['id']}: empty or unstripped text")
        items[it["id"]] = dict(it, kind=kind)

# ------------------------------------------------------------------ files
slug_of_unit = {}
texts = {}
for f, d in docs.items():
    m = FNAME.match(f)
    if not m:
        err(f"{f}: file name is not <slug>_<YYYY-MM>.txt")
        continue
    slug, month = m.groups()
    if month != d["planned_period"]:
        err(f"{f}: file month {month} != planned_period {d['planned_period']}")
    if slug_of_unit.setdefault(d["unit"], slug) != slug:
        err(f"{f}: unit {d['unit']} has two slugs")
    path = os.path.join(DIR, f)
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
    if not t.endswith("\n"):
        err(f"{f}: no final newline")
    texts[f] = t
if len(set(slug_of_unit.values())) != len(slug_of_unit):
    err("two units share one slug")
for f in sorted(os.listdir(DIR)):
    if f.endswith(".txt") and f not in docs:
        err(f"{f}: document not listed in gold.json")

# ------------------------------------------------------------------ substrings, overlaps
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
    it["span"] = (s, s + len(it["text"]))
for f, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err(f"{f}: {a[2]} overlaps {b[2]}")


# ------------------------------------------------------------------ sections
def split_sentences(p):
    out, start = [], 0
    for m in re.finditer(r"[.!?]\s+", p):
        nxt = p[m.end():m.end() + 1]
        if nxt and (nxt.isupper() or nxt.isdigit() or nxt in "“\"("):
            out.append(p[start:m.end()].strip())
            start = m.end()
    if p[start:].strip():
        out.append(p[start:].strip())
    return out


HEADING = re.compile(r"^(\d+|[IVX]+)\.\s+\S")
INLINE_LABEL = re.compile(r"^[a-zđ]\)\s+[^:.]{1,90}:\s+")
SUBMONTH = re.compile(r"^\d+\.\s+Tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*$")
APPENDIX = re.compile(r"^(PHỤ LỤC|Phụ lục)\s*:", re.M)


def is_heading(line):
    return bool(HEADING.match(line)) and not line.rstrip().endswith(".") and len(line) < 130


for f, t in texts.items():
    d = docs[f]
    by_text_res = {it["text"]: iid for iid, it in items.items() if it["file"] == f and it["kind"] == "result"}
    by_text_task = {it["text"]: iid for iid, it in items.items() if it["file"] == f and it["kind"] == "task"}
    lines = t.split("\n")
    offs, o = [], 0
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1

    def find_line(rx, after=0):
        for i in range(after, len(lines)):
            if re.match(rx, lines[i]):
                return i
        return None

    i1 = find_line(r"^I\.\s")
    i2 = find_line(r"^II\.\s", (i1 or 0) + 1)
    i3 = find_line(r"^III\.\s", (i2 or 0) + 1)
    i4 = find_line(r"^IV\.\s", (i3 or 0) + 1)
    if None in (i1, i2, i3, i4):
        err(f"{f}: sections I-IV not found")
        continue
    if "KẾT QUẢ" not in lines[i1] or "HẠN CHẾ" not in lines[i2] or "NHIỆM VỤ" not in lines[i3]:
        err(f"{f}: unexpected section headings")

    # results section: every sentence labelled
    seen_res = set()
    cur_month = d["reported_months"][0] if len(d["reported_months"]) == 1 else None
    for ln in lines[i1 + 1:i2]:
        s = ln.strip()
        if not s:
            continue
        sm = SUBMONTH.match(s)
        if sm:
            cur_month = f"{sm.group(2)}-{int(sm.group(1)):02d}"
            continue
        if is_heading(s):
            continue
        s = INLINE_LABEL.sub("", s)
        for sent in split_sentences(s):
            if sent.endswith(":"):
                continue  # lead-in
            core = sent[:-1] if sent.endswith(".") else sent
            iid = by_text_res.get(core)
            if iid is None:
                err(f"{f}: results sentence not labelled exactly: {sent[:90]!r}")
                continue
            seen_res.add(iid)
            if cur_month is None:
                err(f"{f}: {iid} outside a month sub-heading in a multi-month notice")
            elif items[iid]["period"] != cur_month:
                err(f"{f}: {iid} period {items[iid]['period']} but sits under month {cur_month}")
    for txt, iid in by_text_res.items():
        if iid not in seen_res:
            err(f"{f}: result {iid} is not a whole sentence of the results section")

    # task section in the body: lead-ins only
    for ln in lines[i3 + 1:i4]:
        for sent in split_sentences(ln.strip()) if ln.strip() else []:
            if not ("Phụ lục" in sent or sent.endswith(":")):
                err(f"{f}: sentence in section III that is not a lead-in: {sent[:90]!r}")

    # appendix table
    am = APPENDIX.search(t)
    if not am:
        err(f"{f}: appendix 'Phụ lục: Danh mục nhiệm vụ trọng tâm ...' not found")
        continue
    if "nhiệm vụ trọng tâm" not in t[am.start():t.index("\n", am.start())].lower():
        err(f"{f}: appendix title does not name the tasks")
    ai = t[:am.start()].count("\n")
    hdr = None
    for j in range(ai + 1, len(lines)):
        if "\t" in lines[j]:
            hdr = j
            break
    if hdr is None or "Nội dung" not in lines[hdr]:
        err(f"{f}: appendix header row not found")
        continue
    if len(lines[hdr].split("\t")) != 5:
        err(f"{f}: appendix header has {len(lines[hdr].split(chr(9)))} cells")
    seen_task = set()
    rowno = 0
    for j in range(hdr + 1, len(lines)):
        ln = lines[j]
        if not ln.strip():
            continue
        if "\t" not in ln:
            err(f"{f}: non-table line after the appendix table: {ln[:60]!r}")
            continue
        cells = ln.split("\t")
        if len(cells) != 5:
            err(f"{f}: row with {len(cells)} cells: {ln[:60]!r}")
            continue
        rowno += 1
        if not re.match(r"^\d+\.?$", cells[0]) or int(cells[0].rstrip(".")) != rowno:
            err(f"{f}: row number {cells[0]!r}, expected {rowno}")
        iid = by_text_task.get(cells[1])
        if iid is None:
            err(f"{f}: appendix row {rowno} 'nội dung' cell not labelled exactly")
        else:
            seen_task.add(iid)
        if not all(c.strip() for c in cells):
            err(f"{f}: empty cell in row {rowno}")
    for txt, iid in by_text_task.items():
        if iid not in seen_task:
            err(f"{f}: task {iid} is not a 'nội dung' cell of the appendix")

    # counts
    nt, nr = len(by_text_task), len(by_text_res)
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks (want 10-18)")
    if not (10 <= nr <= 18 or nr == 0):
        err(f"{f}: {nr} results (want 10-18)")

    # header and title agree with the periods
    head = "\n".join(lines[:12])
    if "ĐẢNG CỘNG SẢN VIỆT NAM" not in head or not re.search(r"Số \d+-TB/ĐU", head):
        err(f"{f}: Party header or 'Số ...-TB/ĐU' missing")
    dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", head)
    if dm:
        issued = f"{dm.group(3)}-{int(dm.group(2)):02d}"
        if not (max(d["reported_months"]) <= issued < d["planned_period"] or issued == d["planned_period"]):
            err(f"{f}: issue month {issued} not between reported and planned months")
    else:
        err(f"{f}: no date in header")
    ti = find_line(r"^THÔNG BÁO$")
    title = " ".join(lines[ti:ti + 6]).split("  ")[0] if ti is not None else ""
    title = title[:title.find("Ngày")] if "Ngày" in title else title
    title = title[:title.find("Do tập trung")] if "Do tập trung" in title else title
    months = []
    for mm in re.finditer(r"tháng (\d{1,2})", title):
        yr = re.search(r"năm (\d{4})", title[mm.end():])
        if yr:
            months.append(f"{yr.group(1)}-{int(mm.group(1)):02d}")
    if not months or months[-1] != d["planned_period"] or sorted(months[:-1]) != sorted(d["reported_months"]):
        err(f"{f}: title months {months} disagree with reported {d['reported_months']} / planned {d['planned_period']}")
    if any(m >= d["planned_period"] for m in d["reported_months"]):
        err(f"{f}: a reported month is not before the planned month")

# item periods
for iid, it in items.items():
    d = docs.get(it["file"])
    if not d:
        continue
    if it["kind"] == "task" and it["period"] != d["planned_period"]:
        err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
    if it["kind"] == "result" and it["period"] not in d["reported_months"]:
        err(f"{iid}: period {it['period']} not among reported months {d['reported_months']}")

# ------------------------------------------------------------------ links


def unit(iid):
    return docs[items[iid]["file"]]["unit"]


def dmonth(iid):
    return docs[items[iid]["file"]]["planned_period"]


linked = set()
pairs = set()
for ft in gold["follow_through"]:
    if set(ft) != {"task", "result", "status"}:
        err(f"follow_through fields wrong: {ft}")
        continue
    t, r = ft["task"], ft["result"]
    if items.get(t, {}).get("kind") != "task" or items.get(r, {}).get("kind") != "result":
        err(f"follow_through {t}->{r}: unknown task or result")
        continue
    if ft["status"] not in STATUSES:
        err(f"follow_through {t}->{r}: status {ft['status']}")
    if unit(t) != unit(r):
        err(f"follow_through {t}->{r}: crosses units")
    if not dmonth(r) > dmonth(t) or items[r]["period"] < items[t]["period"]:
        err(f"follow_through {t}->{r}: not forward in time")
    if (t, r) in pairs:
        err(f"follow_through {t}->{r}: duplicate")
    pairs.add((t, r))
    linked.add(t)
for co in gold["carry_over"]:
    if set(co) != {"from", "to", "kind"}:
        err(f"carry_over fields wrong: {co}")
        continue
    a, b = co["from"], co["to"]
    if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
        err(f"carry_over {a}->{b}: unknown task")
        continue
    if co["kind"] not in KINDS:
        err(f"carry_over {a}->{b}: kind {co['kind']}")
    if unit(a) != unit(b):
        err(f"carry_over {a}->{b}: crosses units")
    if not dmonth(b) > dmonth(a):
        err(f"carry_over {a}->{b}: not forward in time")
    if (a, b) in pairs:
        err(f"carry_over {a}->{b}: duplicate")
    pairs.add((a, b))
    linked.add(a)

last = {}
for f, d in docs.items():
    if d["planned_period"] > last.get(d["unit"], ""):
        last[d["unit"]] = d["planned_period"]
expected_gaps = {iid for iid, it in items.items()
                 if it["kind"] == "task" and iid not in linked
                 and docs[it["file"]]["planned_period"] != last[docs[it["file"]]["unit"]]}
gaps = set(gold["gaps"])
if len(gaps) != len(gold["gaps"]):
    err("gaps: duplicates")
for g in sorted(gaps - expected_gaps):
    err(f"gaps: {g} is listed but is linked, unknown, or in a unit's last document")
for g in sorted(expected_gaps - gaps):
    err(f"gaps: {g} has no link and is not listed")

for pair in gold.get("cross_unit_decoys", []):
    if not (isinstance(pair, list) and len(pair) == 2 and all(p in items for p in pair)):
        err(f"decoy pair malformed: {pair}")
        continue
    a, b = pair
    if unit(a) == unit(b):
        err(f"decoy pair {a},{b}: same unit")
    if (a, b) in pairs or (b, a) in pairs:
        err(f"decoy pair {a},{b}: linked")
if len(set(d["unit"] for d in docs.values())) > 1 and not gold.get("cross_unit_decoys"):
    err("two units but no cross_unit_decoys")

if errors:
    print("\n".join(errors))
    print(f"FAIL ({len(errors)} problems)")
    sys.exit(1)
print("OK")
