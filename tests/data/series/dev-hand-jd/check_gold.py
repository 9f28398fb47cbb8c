#!/usr/bin/env python3
"""Check gold.json of the hand-JD series against its documents.

    python3 check_gold.py [SERIES_DIR]      (default: the folder of this file)

Checks: the form of gold.json; file names; UTF-8 / NFC / \\n / no BOM; every item
text an exact unique substring of its file, no overlaps; every bullet or sentence
of the results and tasks sections labelled (headings and lead-ins skipped) and
labelled with the right kind; task/result counts per document; periods agree with
the documents; links within one unit, forward in time, to the first document that
reports on the month; allowed statuses and kinds; gaps exactly the unlinked tasks
of non-last documents; decoys (cross-unit, and the in-unit ones of
_src/in_unit_decoys.json) never linked.  Prints OK when everything holds.
It reads only this folder; it infers nothing for gold.json.
"""
import json
import os
import re
import sys
import unicodedata

DIR = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def month_add(ym, k):
    y, m = map(int, ym.split("-"))
    m += k
    while m > 12:
        y, m = y + 1, m - 12
    while m < 1:
        y, m = y - 1, m + 12
    return f"{y:04d}-{m:02d}"


YM = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}

# ---------------------------------------------------------------- form
gpath = os.path.join(DIR, "gold.json")
try:
    with open(gpath, "rb") as fh:
        raw = fh.read()
    gold = json.loads(raw.decode("utf-8"))
except Exception as e:  # noqa: BLE001
    print(f"FAIL: cannot read gold.json: {e}")
    sys.exit(1)

REQ = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps"}
OPT = {"cross_unit_decoys"}
for k in REQ - set(gold):
    err(f"gold.json: missing key {k}")
for k in set(gold) - REQ - OPT:
    err(f"gold.json: unexpected key {k}")
for k in REQ | OPT:
    if k in gold and not isinstance(gold[k], list):
        err(f"gold.json: {k} is not a list")
if errors:
    print("\n".join("FAIL: " + e for e in errors))
    sys.exit(1)


def need(obj, keys, where):
    ok = isinstance(obj, dict)
    if not ok:
        err(f"{where}: not an object")
        return False
    if set(obj) != set(keys):
        err(f"{where}: keys {sorted(obj)} != {sorted(keys)}")
        return False
    return True


docs = {}
for i, d in enumerate(gold["documents"]):
    if not need(d, ["file", "unit", "reported_months", "planned_period"], f"documents[{i}]"):
        continue
    if d["file"] in docs:
        err(f"documents: duplicate file {d['file']}")
    if not isinstance(d["unit"], str) or not d["unit"].strip():
        err(f"{d['file']}: empty unit")
    if not isinstance(d["reported_months"], list) or not all(isinstance(x, str) and YM.match(x) for x in d["reported_months"]):
        err(f"{d['file']}: bad reported_months {d['reported_months']}")
    if not isinstance(d["planned_period"], str) or not YM.match(d["planned_period"]):
        err(f"{d['file']}: bad planned_period {d['planned_period']}")
    docs[d["file"]] = d

items = {}
for kind in ("tasks", "results"):
    for i, it in enumerate(gold[kind]):
        if not need(it, ["id", "file", "period", "text"], f"{kind}[{i}]"):
            continue
        if it["id"] in items:
            err(f"duplicate item id {it['id']}")
        if it["file"] not in docs:
            err(f"{it['id']}: unknown file {it['file']}")
        if not YM.match(str(it["period"])):
            err(f"{it['id']}: bad period {it['period']}")
        if not isinstance(it["text"], str) or not it["text"].strip():
            err(f"{it['id']}: empty text")
        items[it["id"]] = dict(it, kind=kind[:-1])

for i, l in enumerate(gold["follow_through"]):
    need(l, ["task", "result", "status"], f"follow_through[{i}]")
for i, l in enumerate(gold["carry_over"]):
    need(l, ["from", "to", "kind"], f"carry_over[{i}]")
for g in gold["gaps"]:
    if not isinstance(g, str):
        err(f"gaps: non-string {g!r}")
for p in gold.get("cross_unit_decoys", []):
    if not (isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)):
        err(f"cross_unit_decoys: bad pair {p!r}")
if errors:
    print("\n".join("FAIL: " + e for e in errors))
    sys.exit(1)

# ---------------------------------------------------------------- files
txt_on_disk = sorted(f for f in os.listdir(DIR) if f.endswith(".txt"))
if sorted(docs) != txt_on_disk:
    err(f"documents {sorted(docs)} != .txt files on disk {txt_on_disk}")

texts = {}
for f, d in docs.items():
    m = FNAME.match(f)
    if not m:
        err(f"{f}: bad file name")
        continue
    if m.group(2) != d["planned_period"]:
        err(f"{f}: name month {m.group(2)} != planned_period {d['planned_period']}")
    path = os.path.join(DIR, f)
    if not os.path.exists(path):
        err(f"{f}: missing")
        continue
    with open(path, "rb") as fh:
        b = fh.read()
    if b.startswith(b"\xef\xbb\xbf"):
        err(f"{f}: BOM")
    if b"\r" in b:
        err(f"{f}: CR in line ends")
    try:
        t = b.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{f}: not UTF-8 ({e})")
        continue
    if unicodedata.normalize("NFC", t) != t:
        err(f"{f}: not NFC")
    if not t.endswith("\n"):
        err(f"{f}: no final newline")
    texts[f] = t
    # the genre's fixed parts
    for need_s in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                   "THÔNG BÁO", "Nơi nhận:", "CHỦ TỊCH"):
        if need_s not in t:
            err(f"{f}: missing '{need_s}'")
    if not re.search(r"^Số: \d+/TB-UBND$", t, re.M):
        err(f"{f}: no 'Số: .../TB-UBND' line")
    dm = re.search(r"^[^\n,]+, ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$", t, re.M)
    if not dm:
        err(f"{f}: no place-and-date line")
    else:
        issued = f"{int(dm.group(3)):04d}-{int(dm.group(2)):02d}"
        if issued != max(d["reported_months"]):
            err(f"{f}: issued {issued}, last reported month {max(d['reported_months'])}")

# ---------------------------------------------------------------- substrings, overlaps
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
            err(f"{f}: {a[2]} overlaps {b[2]}")

# ---------------------------------------------------------------- sections and labelling
HEAD = "▪ "
BLOCK = "═══"
BULLET = re.compile(r"^(?:\+|–|-|•|\(\d+\)|\d+[.)]|[a-zđ]\))\s+")
LEADIN_MONTH = re.compile(r"^Tháng (\d{1,2})/(\d{4}):$")
SENT = re.compile(r"(?<=[.!?…])\s+(?=\S)")


def section_kind(line):
    h = line[len(HEAD):].lower()
    if "kết quả" in h or "đã làm được" in h:
        return "result"
    if "còn vướng" in h or "tồn tại" in h or "hạn chế" in h:
        return "limitation"
    if "giao thực hiện" in h or "nhiệm vụ" in h or "phương hướng" in h:
        return "task"
    return "other"


by_file = {}
for iid, it in items.items():
    by_file.setdefault(it["file"], {})[it["text"]] = iid

located = {}  # id -> (kind of section, lead-in month)
for f, t in texts.items():
    lab = by_file.get(f, {})
    kind, month = None, None
    for line in t.split("\n"):
        s = line.strip()
        if s.startswith(HEAD):
            kind, month = section_kind(s), None
            continue
        if s.startswith(BLOCK) or s.startswith("Nơi nhận"):
            kind, month = None, None
            continue
        if kind not in ("result", "task") or not s:
            continue
        lm = LEADIN_MONTH.match(s)
        if lm:
            month = f"{int(lm.group(2)):04d}-{int(lm.group(1)):02d}"
            continue
        if s.endswith(":") and len(s) < 60:
            continue  # other lead-in
        bm = BULLET.match(s)
        units = [s[bm.end():]] if bm else [u for u in SENT.split(s) if u]
        for u in units:
            iid = lab.get(u)
            if iid is None:
                err(f"{f}: unlabelled {kind} unit: {u[:70]}")
                continue
            if iid in located:
                err(f"{f}: {iid} located twice")
            located[iid] = (kind, month)
for iid, it in items.items():
    if iid not in located:
        if it["file"] in texts:
            err(f"{iid}: not a whole bullet/sentence of a results or tasks section")
        continue
    kind, month = located[iid]
    if kind != it["kind"]:
        err(f"{iid}: labelled {it['kind']} but sits in a {kind} section")
    if month and month != it["period"]:
        err(f"{iid}: period {it['period']} but lead-in says {month}")

# ---------------------------------------------------------------- counts, periods
n_t = {f: 0 for f in docs}
n_r = {f: 0 for f in docs}
for iid, it in items.items():
    d = docs.get(it["file"])
    if not d:
        continue
    if it["kind"] == "task":
        n_t[it["file"]] += 1
        if it["period"] != d["planned_period"]:
            err(f"{iid}: task period {it['period']} != planned {d['planned_period']}")
    else:
        n_r[it["file"]] += 1
        if it["period"] not in d["reported_months"]:
            err(f"{iid}: result period {it['period']} not in {d['reported_months']}")
for f in docs:
    if not 10 <= n_t[f] <= 18:
        err(f"{f}: {n_t[f]} tasks (need 10-18)")
    if not (n_r[f] == 0 or 10 <= n_r[f] <= 18):
        err(f"{f}: {n_r[f]} results (need 0 or 10-18)")

units = {}
for f, d in docs.items():
    units.setdefault(d["unit"], []).append(d)
for u, ds in units.items():
    ds.sort(key=lambda d: d["planned_period"])
    for a, b in zip(ds, ds[1:]):
        if a["planned_period"] == b["planned_period"]:
            err(f"{u}: two documents plan {a['planned_period']}")
    for i, d in enumerate(ds):
        rm = sorted(d["reported_months"])
        if rm != d["reported_months"]:
            err(f"{d['file']}: reported_months not sorted")
        if not rm or max(rm) >= d["planned_period"]:
            err(f"{d['file']}: reported months must precede the planned period")
        if rm and month_add(max(rm), 1) != d["planned_period"]:
            err(f"{d['file']}: planned period is not the month after the last reported month")
        if i > 0:
            want = []
            m = ds[i - 1]["planned_period"]
            while m < d["planned_period"]:
                want.append(m)
                m = month_add(m, 1)
            if rm != want:
                err(f"{d['file']}: reported {rm}, expected {want} after the previous document")
        for m in rm:
            if f"tháng {int(m[5:])}" not in texts.get(d["file"], "") and f"tháng {m[5:]}" not in texts.get(d["file"], ""):
                err(f"{d['file']}: reported month {m} never named in the text")

# ---------------------------------------------------------------- links
doc_of = {iid: docs[it["file"]] for iid, it in items.items() if it["file"] in docs}
last_of_unit = {u: ds[-1]["file"] for u, ds in units.items()}


def first_reporting(unit, month):
    for d in units[unit]:
        if month in d["reported_months"]:
            return d["file"]
    return None


linked = set()
pairs = set()
seen_ft = set()
for l in gold["follow_through"]:
    t, r, s = l["task"], l["result"], l["status"]
    if (t, r) in seen_ft:
        err(f"follow_through {t}->{r} twice")
    seen_ft.add((t, r))
    if items.get(t, {}).get("kind") != "task":
        err(f"follow_through: {t} is not a task")
        continue
    if items.get(r, {}).get("kind") != "result":
        err(f"follow_through: {r} is not a result")
        continue
    if s not in STATUSES:
        err(f"follow_through {t}->{r}: status {s}")
    dt, dr = doc_of[t], doc_of[r]
    if dt["unit"] != dr["unit"]:
        err(f"follow_through {t}->{r}: across units")
    if dr["planned_period"] <= dt["planned_period"]:
        err(f"follow_through {t}->{r}: not forward in time")
    if items[r]["period"] != items[t]["period"]:
        err(f"follow_through {t}->{r}: result reports {items[r]['period']}, task planned {items[t]['period']}")
    if first_reporting(dt["unit"], items[t]["period"]) != dr["file"]:
        err(f"follow_through {t}->{r}: not in the first document reporting on {items[t]['period']}")
    linked.add(t)
    pairs.add(frozenset((t, r)))
seen_co = set()
for l in gold["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if (a, b) in seen_co:
        err(f"carry_over {a}->{b} twice")
    seen_co.add((a, b))
    if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
        err(f"carry_over {a}->{b}: both ends must be tasks")
        continue
    if k not in KINDS:
        err(f"carry_over {a}->{b}: kind {k}")
    da, db = doc_of[a], doc_of[b]
    if da["unit"] != db["unit"]:
        err(f"carry_over {a}->{b}: across units")
    if db["planned_period"] <= da["planned_period"]:
        err(f"carry_over {a}->{b}: not forward in time")
    linked.add(a)
    pairs.add(frozenset((a, b)))
split_from = {}
for l in gold["carry_over"]:
    if l["kind"] == "split":
        split_from.setdefault(l["from"], []).append(l["to"])
for a, tos in split_from.items():
    if len(tos) < 2:
        err(f"carry_over split from {a} has only one part")

want_gaps = sorted(iid for iid, it in items.items()
                   if it["kind"] == "task" and iid not in linked
                   and it["file"] != last_of_unit[doc_of[iid]["unit"]])
if sorted(gold["gaps"]) != want_gaps:
    err(f"gaps {sorted(gold['gaps'])} != unlinked tasks of non-last documents {want_gaps}")
if len(set(gold["gaps"])) != len(gold["gaps"]):
    err("gaps: duplicates")

decoys = [("cross_unit_decoys", p) for p in gold.get("cross_unit_decoys", [])]
ipath = os.path.join(DIR, "_src", "in_unit_decoys.json")
if os.path.exists(ipath):
    with open(ipath, encoding="utf-8") as fh:
        decoys += [("in_unit_decoys", p) for p in json.load(fh)]
for where, (a, b) in decoys:
    if a not in items or b not in items:
        err(f"{where}: unknown id in {a}, {b}")
        continue
    if where == "cross_unit_decoys" and doc_of[a]["unit"] == doc_of[b]["unit"]:
        err(f"{where}: {a}, {b} are of the same unit")
    if frozenset((a, b)) in pairs:
        err(f"{where}: {a} and {b} are linked")

# ---------------------------------------------------------------- verdict
if errors:
    for e in errors:
        print("FAIL: " + e)
    print(f"{len(errors)} problem(s)")
    sys.exit(1)
n_done = sum(1 for l in gold["follow_through"] if l["status"] == "done")
n_part = sum(1 for l in gold["follow_through"] if l["status"] == "partial")
kinds = {}
for l in gold["carry_over"]:
    kinds[l["kind"]] = kinds.get(l["kind"], 0) + 1
print(f"documents {len(docs)}, tasks {sum(n_t.values())}, results {sum(n_r.values())}, "
      f"follow-through {len(gold['follow_through'])} (done {n_done}, partial {n_part}), "
      f"carry-over {len(gold['carry_over'])} {dict(sorted(kinds.items()))}, "
      f"gaps {len(gold['gaps'])}, decoys {len(decoys)}")
print("OK")
