#!/usr/bin/env python3
"""Check gold.json of hand RD against the documents beside it. Prints OK or the problems.

Checks: the form of gold.json; file names; UTF-8, NFC, no BOM, \n line ends; every
text an exact, unique substring of its file, items not overlapping; every bullet of
the results and tasks sections of the layout used here labelled, and nothing labelled
outside them (headings, month sub-headings and lead-ins skipped); task/result counts
per document; periods agree with the documents' headings; links within one unit and
forward in time; allowed statuses and kinds; gaps exactly the unlinked tasks of
non-last documents; decoys never linked; the .txt files equal the stripped _src files.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
problems = []


def bad(msg):
    problems.append(msg)


def ym(y, m):
    return f"{int(y):04d}-{int(m):02d}"


def month_add(p, k):
    y, m = map(int, p.split("-"))
    m += k
    while m > 12:
        m -= 12
        y += 1
    while m < 1:
        m += 12
        y -= 1
    return ym(y, m)


with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
    gold = json.load(f)

# ---- form --------------------------------------------------------------------
for key, typ in [("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)]:
    if not isinstance(gold.get(key), typ):
        bad(f"gold.json: '{key}' missing or not a {typ.__name__}")
decoys = gold.get("cross_unit_decoys", [])
if not isinstance(decoys, list):
    bad("cross_unit_decoys not a list")
if problems:
    print("\n".join(problems))
    sys.exit(1)

PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
NAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        bad(f"document keys {sorted(d)}")
        continue
    m = NAME.match(d["file"])
    if not m:
        bad(f"bad file name {d['file']}")
    elif m.group(2) != d["planned_period"]:
        bad(f"{d['file']}: name month != planned_period {d['planned_period']}")
    if not PERIOD.match(d["planned_period"]):
        bad(f"{d['file']}: bad planned_period")
    for p in d["reported_months"]:
        if not PERIOD.match(p) or p >= d["planned_period"]:
            bad(f"{d['file']}: bad reported month {p}")
    if d["file"] in docs:
        bad(f"duplicate document {d['file']}")
    docs[d["file"]] = d

items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            bad(f"{kind} item keys {sorted(it)}")
            continue
        if it["id"] in items:
            bad(f"duplicate id {it['id']}")
        if it["file"] not in docs:
            bad(f"{it['id']}: unknown file {it['file']}")
        if not PERIOD.match(it["period"]):
            bad(f"{it['id']}: bad period {it['period']}")
        if not it["text"] or it["text"] != it["text"].strip():
            bad(f"{it['id']}: empty text or outer whitespace")
        items[it["id"]] = dict(it, kind=kind[:-1])
if problems:
    print("\n".join(problems))
    sys.exit(1)

# ---- files: encoding, NFC, substrings, overlaps -------------------------------
texts = {}
for fn in docs:
    path = os.path.join(HERE, fn)
    if not os.path.exists(path):
        bad(f"missing file {fn}")
        continue
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        bad(f"{fn}: BOM")
    if b"\r" in raw:
        bad(f"{fn}: CR in line ends")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        bad(f"{fn}: not UTF-8 ({e})")
        continue
    if unicodedata.normalize("NFC", t) != t:
        bad(f"{fn}: not NFC")
    texts[fn] = t

spans = {fn: [] for fn in docs}
for iid, it in items.items():
    t = texts.get(it["file"])
    if t is None:
        continue
    n = t.count(it["text"])
    if n != 1:
        bad(f"{iid}: text occurs {n} times in {it['file']}")
        continue
    s = t.index(it["text"])
    spans[it["file"]].append((s, s + len(it["text"]), iid))
for fn, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            bad(f"{fn}: {a[2]} overlaps {b[2]}")

# ---- sections of this layout ------------------------------------------------
RES_HEAD = re.compile(r"^(?:a\) Việc đã làm tháng (\d{1,2})/(\d{4})|Kết quả)$")
LIM_HEAD = re.compile(r"^(?:b\) Chỗ còn chậm|Tồn tại)$")
TASK_HEAD = re.compile(r"^(?:c\) Giao việc tháng (\d{1,2})/(\d{4})|Nhiệm vụ tháng (\d{1,2})/(\d{4}))$")
BLOCK = re.compile(r"^(?:KHỐI [IVX]+ – |Lĩnh vực \d+\. |TỔ CHỨC THỰC HIỆN$|I{1,3}\. )")
SUBMONTH = re.compile(r"^Tháng (\d{1,2})/(\d{4}):$")
RES_BULLET = re.compile(r"^(?:\+|–) (.+)$")
TASK_BULLET = re.compile(r"^(?:\(\d+\)|\d+\.\d+\.) (.+)$")
DATE = re.compile(r"^Bạch Sa, ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})$", re.M)

by_file = {fn: {"task": {}, "result": {}} for fn in docs}
for iid, it in items.items():
    by_file[it["file"]][it["kind"]][it["text"]] = iid

for fn, t in texts.items():
    d = docs[fn]
    if not re.search(r"^Số: \d+/TB-UBND$", t, re.M):
        bad(f"{fn}: no 'Số:' line")
    if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc" not in t:
        bad(f"{fn}: no state motto")
    for w in ("Nơi nhận:", "TL. CHỦ TỊCH", "THÔNG BÁO"):
        if w not in t:
            bad(f"{fn}: missing '{w}'")
    dm = DATE.search(t)
    if not dm:
        bad(f"{fn}: no place/date line")
    else:
        dp = ym(dm.group(3), dm.group(2))
        if not (max(d["reported_months"]) < dp <= d["planned_period"]):
            bad(f"{fn}: date {dp} not after reported months / within planned period")
    mode, sub = None, None
    seen = set()
    lead_ins = 0
    for line in t.split("\n"):
        s = line.strip()
        if not s:
            continue
        if BLOCK.match(s):
            mode, sub = None, None
            continue
        m = RES_HEAD.match(s)
        if m:
            mode, sub = "result", None
            if m.group(1):
                sub = ym(m.group(2), m.group(1))
            continue
        if LIM_HEAD.match(s):
            mode, sub = "limit", None
            continue
        m = TASK_HEAD.match(s)
        if m:
            mode = "task"
            p = ym(m.group(2), m.group(1)) if m.group(1) else ym(m.group(4), m.group(3))
            if p != d["planned_period"]:
                bad(f"{fn}: task heading month {p} != planned {d['planned_period']}")
            continue
        if mode == "result":
            m = SUBMONTH.match(s)
            if m:
                sub = ym(m.group(2), m.group(1))
                continue
            m = RES_BULLET.match(s)
            if not m:
                lead_ins += 1
                continue
            body = m.group(1)
            iid = by_file[fn]["result"].get(body)
            if iid is None:
                bad(f"{fn}: unlabelled result bullet: {body[:60]}")
                continue
            seen.add(iid)
            want = sub if sub else (d["reported_months"][0] if len(d["reported_months"]) == 1 else None)
            if want is None:
                bad(f"{fn}: {iid} has no month sub-heading in a two-month notice")
            elif items[iid]["period"] != want:
                bad(f"{iid}: period {items[iid]['period']} != section month {want}")
        elif mode == "task":
            m = TASK_BULLET.match(s)
            if not m:
                lead_ins += 1
                continue
            body = m.group(1)
            iid = by_file[fn]["task"].get(body)
            if iid is None:
                bad(f"{fn}: unlabelled task bullet: {body[:60]}")
                continue
            seen.add(iid)
    for kind in ("task", "result"):
        for body, iid in by_file[fn][kind].items():
            if iid not in seen:
                bad(f"{iid}: labelled text is not a whole bullet of a {kind} section of {fn}")
    nt, nr = len(by_file[fn]["task"]), len(by_file[fn]["result"])
    if not 10 <= nt <= 18:
        bad(f"{fn}: {nt} tasks")
    if not (nr == 0 or 10 <= nr <= 18):
        bad(f"{fn}: {nr} results")

# ---- periods -------------------------------------------------------------------
for iid, it in items.items():
    d = docs[it["file"]]
    if it["kind"] == "task" and it["period"] != d["planned_period"]:
        bad(f"{iid}: task period != planned period of its document")
    if it["kind"] == "result" and it["period"] not in d["reported_months"]:
        bad(f"{iid}: result period not a reported month of its document")

# order of documents per unit; reported months continue the unit's series
units = {}
for d in gold["documents"]:
    units.setdefault(d["unit"], []).append(d)
order = {}
for u, ds in units.items():
    ds.sort(key=lambda d: d["planned_period"])
    for i, d in enumerate(ds):
        order[d["file"]] = i
        if i:
            prev = ds[i - 1]["planned_period"]
            want, p = [], prev
            while p < d["planned_period"]:
                want.append(p)
                p = month_add(p, 1)
            if d["reported_months"] != want:
                bad(f"{d['file']}: reported months {d['reported_months']} != {want}")

def unit(iid):
    return docs[items[iid]["file"]]["unit"]

# ---- links -------------------------------------------------------------------
ft_pairs, co_pairs = set(), set()
for l in gold["follow_through"]:
    t, r, s = l.get("task"), l.get("result"), l.get("status")
    if items.get(t, {}).get("kind") != "task" or items.get(r, {}).get("kind") != "result":
        bad(f"follow_through {t}->{r}: unknown ids")
        continue
    if s not in ("done", "partial"):
        bad(f"follow_through {t}->{r}: status {s}")
    if (t, r) in ft_pairs:
        bad(f"follow_through {t}->{r}: duplicate")
    ft_pairs.add((t, r))
    if unit(t) != unit(r):
        bad(f"follow_through {t}->{r}: across units")
    tf, rf = items[t]["file"], items[r]["file"]
    if order[rf] <= order[tf] or items[r]["period"] < items[t]["period"]:
        bad(f"follow_through {t}->{r}: not forward in time")
    # the answering document is the first later one reporting on the task's month
    first = [d["file"] for d in units[unit(t)]
             if order[d["file"]] > order[tf] and items[t]["period"] in d["reported_months"]]
    if not first or first[0] != rf:
        bad(f"follow_through {t}->{r}: not in the first document reporting on {items[t]['period']}")
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in gold["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
        bad(f"carry_over {a}->{b}: unknown ids")
        continue
    if k not in KINDS:
        bad(f"carry_over {a}->{b}: kind {k}")
    if (a, b) in co_pairs:
        bad(f"carry_over {a}->{b}: duplicate")
    co_pairs.add((a, b))
    if unit(a) != unit(b):
        bad(f"carry_over {a}->{b}: across units")
    if order[items[b]["file"]] <= order[items[a]["file"]] or items[b]["period"] <= items[a]["period"]:
        bad(f"carry_over {a}->{b}: not forward in time")

# ---- gaps ----------------------------------------------------------------------
linked = {t for t, _ in ft_pairs} | {a for a, _ in co_pairs}
want_gaps = set()
for iid, it in items.items():
    if it["kind"] != "task":
        continue
    u = unit(iid)
    last = order[it["file"]] == len(units[u]) - 1
    if not last and iid not in linked:
        want_gaps.add(iid)
if len(set(gold["gaps"])) != len(gold["gaps"]):
    bad("duplicate gap ids")
if set(gold["gaps"]) != want_gaps:
    bad(f"gaps differ: extra {sorted(set(gold['gaps']) - want_gaps)}, missing {sorted(want_gaps - set(gold['gaps']))}")

# ---- decoys --------------------------------------------------------------------
for pair in decoys:
    if not (isinstance(pair, list) and len(pair) == 2 and all(p in items for p in pair)):
        bad(f"bad decoy pair {pair}")
        continue
    a, b = pair
    if unit(a) == unit(b):
        bad(f"decoy {a},{b}: same unit")
    if {(a, b), (b, a)} & (ft_pairs | co_pairs):
        bad(f"decoy {a},{b}: linked")
if len(units) >= 2 and not decoys:
    bad("two units but no cross_unit_decoys")

# ---- reproducible from _src ----------------------------------------------------
src_dir = os.path.join(HERE, "_src")
MARK = re.compile(r"\{\{([TR]\d\d-\d+)\|(.*?)\}\}")
for fn, t in texts.items():
    sp = os.path.join(src_dir, fn[:-4] + ".src")
    if not os.path.exists(sp):
        bad(f"{fn}: no source {sp}")
        continue
    raw = unicodedata.normalize("NFC", open(sp, encoding="utf-8").read())
    if MARK.sub(lambda m: m.group(2), raw) != t:
        bad(f"{fn}: differs from its stripped source; run _src/build.py")
    if {m.group(1) for m in MARK.finditer(raw)} != {i for i, it in items.items() if it["file"] == fn}:
        bad(f"{fn}: ids in source differ from gold.json")

if problems:
    print("\n".join(problems))
    print(f"{len(problems)} problem(s)")
    sys.exit(1)
print("OK")
