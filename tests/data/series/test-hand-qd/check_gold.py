#!/usr/bin/env python3
"""Check gold.json of hand QD against the documents beside it. Prints OK or the faults."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
faults = []


def fault(msg):
    faults.append(msg)


def ym_next(ym, k=1):
    y, m = map(int, ym.split("-"))
    m += k
    while m > 12:
        m -= 12
        y += 1
    while m < 1:
        m += 12
        y -= 1
    return f"{y:04d}-{m:02d}"


with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as fh:
    gold = json.load(fh)

# ---- form
REQ = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps"}
OPT = {"cross_unit_decoys"}
for k in REQ - set(gold):
    fault(f"missing key {k}")
for k in set(gold) - REQ - OPT:
    fault(f"unknown key {k}")
YM = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")

docs = {}
order = []
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        fault(f"document fields {sorted(d)}")
    f = d["file"]
    m = FNAME.match(f)
    if not m:
        fault(f"bad file name {f}")
    elif m.group(2) != d["planned_period"]:
        fault(f"{f}: name month != planned_period {d['planned_period']}")
    if not YM.match(d["planned_period"]) or not all(YM.match(x) for x in d["reported_months"]):
        fault(f"{f}: bad period form")
    if f in docs:
        fault(f"duplicate document {f}")
    docs[f] = d
    order.append(f)

# ---- texts: encoding, NFC, line ends
texts = {}
for f in order:
    p = os.path.join(HERE, f)
    if not os.path.exists(p):
        fault(f"missing file {f}")
        continue
    b = open(p, "rb").read()
    if b.startswith(b"\xef\xbb\xbf"):
        fault(f"{f}: BOM")
    if b"\r" in b:
        fault(f"{f}: CR in line ends")
    try:
        t = b.decode("utf-8")
    except UnicodeDecodeError:
        fault(f"{f}: not UTF-8")
        continue
    if unicodedata.normalize("NFC", t) != t:
        fault(f"{f}: not NFC")
    texts[f] = t

# ---- units, time order
units = {}
for f in order:
    units.setdefault(docs[f]["unit"], []).append(f)
for u, fs in units.items():
    pp = [docs[f]["planned_period"] for f in fs]
    if pp != sorted(pp) or len(set(pp)) != len(pp):
        fault(f"unit {u}: documents not in time order")
    for f in fs:
        rm = docs[f]["reported_months"]
        if rm != sorted(rm) or (rm and rm[-1] != ym_next(docs[f]["planned_period"], -1)):
            fault(f"{f}: reported months {rm} do not end just before {docs[f]['planned_period']}")
    for a, b in zip(fs, fs[1:]):
        # the next document reports every month from the previous plan on
        want, cur = [], docs[a]["planned_period"]
        while cur < docs[b]["planned_period"]:
            want.append(cur)
            cur = ym_next(cur)
        if docs[b]["reported_months"] != want:
            fault(f"{b}: reported {docs[b]['reported_months']}, expected {want}")

# ---- items
items = {}
spans = {f: [] for f in texts}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            fault(f"{kind} fields {sorted(it)}")
            continue
        iid, f, txt = it["id"], it["file"], it["text"]
        if iid in items:
            fault(f"duplicate id {iid}")
        items[iid] = dict(it, kind=kind)
        if f not in texts:
            fault(f"{iid}: unknown file {f}")
            continue
        if not txt or txt != txt.strip() or "\n" in txt:
            fault(f"{iid}: empty, padded or multi-line text")
        if unicodedata.normalize("NFC", txt) != txt:
            fault(f"{iid}: text not NFC")
        n = texts[f].count(txt)
        if n != 1:
            fault(f"{iid}: text found {n} times in {f}")
            continue
        s = texts[f].index(txt)
        spans[f].append((s, s + len(txt), iid))
        if re.search(r"[.!?]\s+\S", txt):
            fault(f"{iid}: more than one sentence")
        d = docs[f]
        if kind == "tasks" and it["period"] != d["planned_period"]:
            fault(f"{iid}: period {it['period']} != planned {d['planned_period']}")
        if kind == "results" and it["period"] not in d["reported_months"]:
            fault(f"{iid}: period {it['period']} not reported in {f}")

for f, sp in spans.items():
    sp.sort()
    for (a0, a1, ai), (b0, b1, bi) in zip(sp, sp[1:]):
        if b0 < a1:
            fault(f"{f}: {ai} overlaps {bi}")

# ---- sections: every sentence/bullet labelled, headings and lead-ins skipped
MONTH = re.compile(r"tháng (\d{1,2})/(\d{4})", re.I)
MARKER = re.compile(r"^(\(\d+\)|\d+\.|\+|–|-)\s+")
for f, t in texts.items():
    d = docs[f]
    lines, pos = [], 0
    for ln in t.split("\n"):
        lines.append((pos, ln))
        pos += len(ln) + 1
    # header
    if not re.search(r"^Số: \d+/TB-UBND$", t, re.M):
        fault(f"{f}: no 'Số' line")
    if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc" not in t:
        fault(f"{f}: no state motto")
    dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
    if not dm or f"{int(dm.group(3)):04d}-{int(dm.group(2)):02d}" != ym_next(d["planned_period"], -1):
        fault(f"{f}: issue date not in the month before the plan")
    for need in ("Nơi nhận:", "(Đã ký)"):
        if need not in t:
            fault(f"{f}: missing {need}")
    section, period = None, None
    months_seen, task_month = set(), None
    own = {"results": [], "tasks": []}
    for start, ln in lines:
        s = ln.strip()
        if re.match(r"^A\. ", s):
            section = "results"
        elif re.match(r"^B\. ", s):
            section = None
        elif re.match(r"^C\. ", s):
            section = "tasks"
        elif re.match(r"^D\. ", s) or re.match(r"^Văn phòng\b.*thông báo", s) or s.startswith("Nơi nhận"):
            section = None
        if section is None or not s:
            continue
        heading = re.match(r"^[A-D]\d*\. ", s) or s.endswith(":")
        if heading:
            mm = MONTH.search(s)
            if mm:
                ym = f"{int(mm.group(2)):04d}-{int(mm.group(1)):02d}"
                if section == "results":
                    period = ym
                    months_seen.add(ym)
                else:
                    task_month = ym
            # a heading may hold no item
            for a, b, iid in spans[f]:
                if start <= a < start + len(ln):
                    fault(f"{f}: item {iid} inside a heading/lead-in line")
            continue
        # body line: markers and labelled items must cover it all
        end = start + len(ln)
        covered = [False] * len(ln)
        mk = MARKER.match(ln)
        if mk:
            for i in range(mk.end()):
                covered[i] = True
        for a, b, iid in spans[f]:
            if start <= a and b <= end:
                for i in range(a - start, b - start):
                    covered[i] = True
                kind = items[iid]["kind"]
                own[kind].append(iid)
                if kind != section:
                    fault(f"{f}: {iid} ({kind}) sits in the {section} section")
                if kind == "results" and items[iid]["period"] != period:
                    fault(f"{f}: {iid} period {items[iid]['period']} under heading month {period}")
        rest = "".join(c for c, cv in zip(ln, covered) if not cv)
        if rest.strip():
            fault(f"{f}: unlabelled text in {section}: {rest.strip()[:60]!r}")
    if sorted(months_seen) != sorted(d["reported_months"]):
        fault(f"{f}: result headings give {sorted(months_seen)}, gold {d['reported_months']}")
    if task_month != d["planned_period"]:
        fault(f"{f}: task heading gives {task_month}, gold {d['planned_period']}")
    labelled = {iid for _, _, iid in spans[f]}
    if labelled != set(own["results"]) | set(own["tasks"]):
        fault(f"{f}: items outside the results/tasks sections: {sorted(labelled - set(own['results']) - set(own['tasks']))}")
    nt, nr = len(own["tasks"]), len(own["results"])
    if not 10 <= nt <= 18:
        fault(f"{f}: {nt} tasks")
    if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
        fault(f"{f}: {nr} results")

# ---- links
doc_index = {f: i for i, f in enumerate(order)}


def unit_of(iid):
    return docs[items[iid]["file"]]["unit"]


ft_tasks, co_tasks, linked = set(), set(), set()
pairs = set()
for l in gold["follow_through"]:
    t, r, st = l.get("task"), l.get("result"), l.get("status")
    if t not in items or items[t]["kind"] != "tasks" or r not in items or items[r]["kind"] != "results":
        fault(f"follow-through {t}->{r}: unknown ids")
        continue
    if st not in ("done", "partial"):
        fault(f"follow-through {t}->{r}: status {st}")
    if unit_of(t) != unit_of(r):
        fault(f"follow-through {t}->{r} crosses units")
    if doc_index[items[r]["file"]] <= doc_index[items[t]["file"]]:
        fault(f"follow-through {t}->{r} not forward in time")
    if items[r]["period"] != items[t]["period"]:
        fault(f"follow-through {t}->{r}: result period {items[r]['period']} != task period {items[t]['period']}")
    # the first later document of the unit reporting on the task's month
    first = next((f for f in units[unit_of(t)] if doc_index[f] > doc_index[items[t]["file"]]
                  and items[t]["period"] in docs[f]["reported_months"]), None)
    if items[r]["file"] != first:
        fault(f"follow-through {t}->{r}: not in the first document reporting {items[t]['period']}")
    if (t, r) in pairs:
        fault(f"duplicate follow-through {t}->{r}")
    pairs.add((t, r))
    ft_tasks.add(t)
    linked |= {(t, r), (r, t)}

KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in gold["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if a not in items or b not in items or items[a]["kind"] != "tasks" or items[b]["kind"] != "tasks":
        fault(f"carry-over {a}->{b}: unknown ids")
        continue
    if k not in KINDS:
        fault(f"carry-over {a}->{b}: kind {k}")
    if unit_of(a) != unit_of(b):
        fault(f"carry-over {a}->{b} crosses units")
    if items[b]["period"] <= items[a]["period"]:
        fault(f"carry-over {a}->{b} not forward in time")
    if (a, b) in pairs:
        fault(f"duplicate carry-over {a}->{b}")
    pairs.add((a, b))
    co_tasks.add(a)
    linked |= {(a, b), (b, a)}

# ---- gaps: exactly the tasks with neither link in a document that is not its unit's last
last = {fs[-1] for fs in units.values()}
want = sorted(iid for iid, it in items.items() if it["kind"] == "tasks"
              and it["file"] not in last and iid not in ft_tasks and iid not in co_tasks)
if sorted(gold["gaps"]) != want or len(set(gold["gaps"])) != len(gold["gaps"]):
    fault(f"gaps {sorted(gold['gaps'])} != unlinked tasks {want}")

# ---- decoys
for p in gold.get("cross_unit_decoys", []):
    if len(p) != 2 or any(x not in items for x in p):
        fault(f"decoy {p}: unknown ids")
        continue
    if unit_of(p[0]) == unit_of(p[1]):
        fault(f"decoy {p}: same unit")
    if (p[0], p[1]) in linked:
        fault(f"decoy {p} is linked")

if faults:
    for x in faults:
        print("FAULT:", x)
    sys.exit(1)
print("OK")
