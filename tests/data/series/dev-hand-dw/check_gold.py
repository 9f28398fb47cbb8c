#!/usr/bin/env python3
"""Check gold.json of the hand-dw series against its documents.  Prints OK or the problems.

Checks: the form of gold.json; file names; UTF-8, NFC, no BOM, \\n line ends; every text an
exact unique substring of its file and no two items overlap; every sentence of the results
section and every bullet of the tasks sections labelled (headings and lead-ins skipped), and
nothing labelled outside them; 10-18 tasks and 10-18 results per document; periods agree with
the document's own headings, "Số" and date; links within one unit and forward in time; allowed
statuses and kinds; gaps exactly the unlinked tasks of non-last documents; decoys never linked.
"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
problems = []


def bad(msg):
    problems.append(msg)


def ym(year, month):
    return f"{int(year):04d}-{int(month):02d}"


def prev_month(p):
    y, m = map(int, p.split("-"))
    return ym(y - 1, 12) if m == 1 else ym(y, m - 1)


with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
    gold = json.load(f)

# ---------------------------------------------------------------- form
TOP = {"documents": list, "tasks": list, "results": list, "follow_through": list,
       "carry_over": list, "gaps": list}
for k, t in TOP.items():
    if not isinstance(gold.get(k), t):
        bad(f"gold.json: missing or bad key {k}")
for k in gold:
    if k not in TOP and k != "cross_unit_decoys":
        bad(f"gold.json: unknown key {k}")
if problems:
    print("\n".join(problems))
    sys.exit(1)

PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
NAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        bad(f"document fields {sorted(d)}")
        continue
    m = NAME.match(d["file"])
    if not m:
        bad(f"{d['file']}: bad file name")
    elif m.group(2) != d["planned_period"]:
        bad(f"{d['file']}: name month != planned_period {d['planned_period']}")
    if not PERIOD.match(d["planned_period"]) or not all(PERIOD.match(p) for p in d["reported_months"]):
        bad(f"{d['file']}: bad period")
    if d["file"] in docs:
        bad(f"{d['file']}: listed twice")
    docs[d["file"]] = d

items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            bad(f"{kind} item fields {sorted(it)}")
            continue
        if it["id"] in items:
            bad(f"duplicate id {it['id']}")
        if it["file"] not in docs:
            bad(f"{it['id']}: unknown file {it['file']}")
        if not isinstance(it["text"], str) or not it["text"].strip():
            bad(f"{it['id']}: empty text")
        items[it["id"]] = dict(it, kind=kind)
        exp = "T" if kind == "tasks" else "R"
        if not it["id"].startswith(exp):
            bad(f"{it['id']}: id prefix does not match {kind}")

# ---------------------------------------------------------------- files
texts = {}
for fn, d in docs.items():
    path = os.path.join(HERE, fn)
    if not os.path.isfile(path):
        bad(f"{fn}: missing")
        continue
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        bad(f"{fn}: BOM")
    if b"\r" in raw:
        bad(f"{fn}: CR in line ends")
    try:
        s = raw.decode("utf-8")
    except UnicodeDecodeError:
        bad(f"{fn}: not UTF-8")
        continue
    if unicodedata.normalize("NFC", s) != s:
        bad(f"{fn}: not NFC")
    if "{{" in s or "}}" in s:
        bad(f"{fn}: hand mark left in text")
    texts[fn] = s
for fn in os.listdir(HERE):
    if fn.endswith(".txt") and fn not in docs:
        bad(f"{fn}: document not in gold.json")

# ---------------------------------------------------------------- substrings, overlaps
spans = defaultdict(list)
for iid, it in items.items():
    s = texts.get(it["file"])
    if s is None:
        continue
    if unicodedata.normalize("NFC", it["text"]) != it["text"]:
        bad(f"{iid}: text not NFC")
    n = s.count(it["text"])
    if n != 1:
        bad(f"{iid}: text occurs {n} times in {it['file']}")
        continue
    a = s.index(it["text"])
    spans[it["file"]].append((a, a + len(it["text"]), iid))
for fn, sp in spans.items():
    sp.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
        if a2 < b1:
            bad(f"{fn}: {i1} overlaps {i2}")

# ---------------------------------------------------------------- sections, headings, periods
HEAD_RES = re.compile(r"^I\. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG (\d{1,2}) NĂM (\d{4})$")
HEAD_LIM = re.compile(r"^II\. HẠN CHẾ, TỒN TẠI$")
HEAD_UNF = re.compile(r"^III\. CÁC NHIỆM VỤ CHƯA HOÀN THÀNH TRONG THÁNG (\d{1,2}), "
                      r"CHUYỂN SANG THÁNG (\d{1,2}) TIẾP TỤC THỰC HIỆN$")
HEAD_NEW = re.compile(r"^IV\. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG (\d{1,2}) NĂM (\d{4})$")
CLOSING = "Trên đây là"
SUBHEAD = re.compile(r"^\d+\. [^.;:]+$")
SO = re.compile(r"^Số (\d+)-BC/ĐU$", re.M)
DATE = re.compile(r"^An Lạc Đông, ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$", re.M)


def units_of(lines, bullets_only):
    """Sentences / bullets of a section, trailing . or ; removed; headings, lead-ins skipped."""
    out = []
    for ln in lines:
        ln = ln.strip()
        if not ln or SUBHEAD.match(ln) or ln.endswith(":"):
            continue
        if ln.startswith("- "):
            out.append(ln[2:].rstrip(".;").strip())
        elif bullets_only:
            out.append("UNBULLETED LINE: " + ln)
        else:
            for sent in re.split(r"(?<=[.])\s+", ln):
                sent = sent.strip()
                if sent:
                    out.append(sent.rstrip(".;").strip())
    return out


by_file = defaultdict(lambda: {"tasks": [], "results": []})
for iid, it in items.items():
    by_file[it["file"]][it["kind"]].append(iid)

for fn, s in texts.items():
    d = docs[fn]
    lines = s.split("\n")
    idx = {}
    for i, ln in enumerate(lines):
        for key, rx in (("res", HEAD_RES), ("lim", HEAD_LIM), ("unf", HEAD_UNF), ("new", HEAD_NEW)):
            m = rx.match(ln.strip())
            if m:
                if key in idx:
                    bad(f"{fn}: heading {key} twice")
                idx[key] = (i, m)
        if ln.startswith(CLOSING) and "end" not in idx:
            idx["end"] = (i, None)
    if set(idx) != {"res", "lim", "unf", "new", "end"}:
        bad(f"{fn}: sections found {sorted(idx)}")
        continue
    order = [idx[k][0] for k in ("res", "lim", "unf", "new", "end")]
    if order != sorted(order):
        bad(f"{fn}: sections out of order")
        continue
    # periods from the headings
    mres, munf, mnew = idx["res"][1], idx["unf"][1], idx["new"][1]
    rep = ym(mres.group(2), mres.group(1))
    plan = ym(mnew.group(2), mnew.group(1))
    if d["reported_months"] != [rep]:
        bad(f"{fn}: reported_months {d['reported_months']} != heading {rep}")
    if d["planned_period"] != plan:
        bad(f"{fn}: planned_period {d['planned_period']} != heading {plan}")
    if int(munf.group(1)) != int(rep[5:]) or int(munf.group(2)) != int(plan[5:]):
        bad(f"{fn}: unfinished heading months disagree")
    if prev_month(plan) != rep:
        bad(f"{fn}: planned month does not follow reported month")
    # header: Số, date (date inside the reported month, title months)
    if not SO.search(s):
        bad(f"{fn}: no 'Số ...-BC/ĐU'")
    md = DATE.search(s)
    if not md or ym(md.group(3), md.group(2)) != rep:
        bad(f"{fn}: date line missing or not in reported month")
    for must in ("ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "Nơi nhận:", "T/M BAN THƯỜNG VỤ",
                 "TẠI HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ PHƯỜNG (MỞ RỘNG) THÁNG "):
        if must not in s:
            bad(f"{fn}: missing '{must}'")
    # sections -> units
    res_units = units_of(lines[idx["res"][0] + 1: idx["lim"][0]], bullets_only=False)
    task_units = units_of(lines[idx["unf"][0] + 1: idx["new"][0]], bullets_only=True) + \
        units_of(lines[idx["new"][0] + 1: idx["end"][0]], bullets_only=True)
    for kind, units in (("results", res_units), ("tasks", task_units)):
        labelled = Counter(items[i]["text"] for i in by_file[fn][kind])
        got = Counter(units)
        for u in got - labelled:
            bad(f"{fn}: unlabelled {kind[:-1]} unit: {u[:80]}")
        for u in labelled - got:
            bad(f"{fn}: labelled {kind[:-1]} is not a whole unit of its section: {u[:80]}")
    # counts
    nt, nr = len(by_file[fn]["tasks"]), len(by_file[fn]["results"])
    if not 10 <= nt <= 18:
        bad(f"{fn}: {nt} tasks")
    if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
        bad(f"{fn}: {nr} results")
    # item periods
    for iid in by_file[fn]["tasks"]:
        if items[iid]["period"] != d["planned_period"]:
            bad(f"{iid}: period {items[iid]['period']} != planned {d['planned_period']}")
    for iid in by_file[fn]["results"]:
        if items[iid]["period"] not in d["reported_months"]:
            bad(f"{iid}: period {items[iid]['period']} not reported by {fn}")

# ---------------------------------------------------------------- links
STATUS = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def unit_of(iid):
    return docs[items[iid]["file"]]["unit"]


def plan_of(iid):
    return docs[items[iid]["file"]]["planned_period"]


linked = set()
ft_pairs, co_pairs = set(), set()
for l in gold["follow_through"]:
    t, r, st = l.get("task"), l.get("result"), l.get("status")
    if t not in items or items[t]["kind"] != "tasks" or r not in items or items[r]["kind"] != "results":
        bad(f"follow_through bad ids {l}")
        continue
    if st not in STATUS:
        bad(f"follow_through {t}->{r}: status {st}")
    if (t, r) in ft_pairs:
        bad(f"follow_through {t}->{r} twice")
    ft_pairs.add((t, r))
    if unit_of(t) != unit_of(r):
        bad(f"follow_through {t}->{r} crosses units")
    if not (plan_of(r) > plan_of(t) and items[r]["period"] >= items[t]["period"]):
        bad(f"follow_through {t}->{r} not forward in time")
    linked.add(t)
for l in gold["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if a not in items or b not in items or items[a]["kind"] != "tasks" or items[b]["kind"] != "tasks":
        bad(f"carry_over bad ids {l}")
        continue
    if k not in KINDS:
        bad(f"carry_over {a}->{b}: kind {k}")
    if (a, b) in co_pairs:
        bad(f"carry_over {a}->{b} twice")
    co_pairs.add((a, b))
    if unit_of(a) != unit_of(b):
        bad(f"carry_over {a}->{b} crosses units")
    if not items[b]["period"] > items[a]["period"]:
        bad(f"carry_over {a}->{b} not forward in time")
    linked.add(a)
# split: at least two targets
splits = Counter(a for a, b in co_pairs
                 if any(l["from"] == a and l["to"] == b and l["kind"] == "split" for l in gold["carry_over"]))
for a, n in splits.items():
    if n < 2:
        bad(f"split {a} has only {n} part")

# every task in an "unfinished" section must be a carry-over of an earlier task, when one exists
first_plan = {}
for fn, d in docs.items():
    u = d["unit"]
    first_plan[u] = min(first_plan.get(u, d["planned_period"]), d["planned_period"])
for fn, s in texts.items():
    lines = s.split("\n")
    try:
        a = next(i for i, ln in enumerate(lines) if HEAD_UNF.match(ln.strip()))
        b = next(i for i, ln in enumerate(lines) if HEAD_NEW.match(ln.strip()))
    except StopIteration:
        continue
    unf = set(units_of(lines[a + 1:b], bullets_only=True))
    if docs[fn]["planned_period"] == first_plan[docs[fn]["unit"]]:
        continue
    for iid in by_file[fn]["tasks"]:
        if items[iid]["text"] in unf and not any(bb == iid for _, bb in co_pairs):
            bad(f"{iid}: listed as unfinished but no carry-over points to it")

# gaps
last = {}
for fn, d in docs.items():
    u = d["unit"]
    if u not in last or d["planned_period"] > last[u]:
        last[u] = d["planned_period"]
expected = {iid for iid, it in items.items()
            if it["kind"] == "tasks" and iid not in linked
            and docs[it["file"]]["planned_period"] != last[docs[it["file"]]["unit"]]}
got = set(gold["gaps"])
if len(got) != len(gold["gaps"]):
    bad("gaps listed twice")
for g in sorted(got - expected):
    bad(f"gap {g} is linked, unknown, or in a last document")
for g in sorted(expected - got):
    bad(f"task {g} has no link but is not listed as gap")

# decoys
links_any = ft_pairs | co_pairs | {(b, a) for a, b in ft_pairs | co_pairs}
for pair in gold.get("cross_unit_decoys", []):
    if not (isinstance(pair, list) and len(pair) == 2 and all(p in items for p in pair)):
        bad(f"decoy bad {pair}")
        continue
    a, b = pair
    if unit_of(a) == unit_of(b):
        bad(f"decoy {pair} within one unit")
    if (a, b) in links_any:
        bad(f"decoy {pair} is linked")

if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"OK  documents={len(docs)} tasks={sum(1 for i in items.values() if i['kind']=='tasks')} "
      f"results={sum(1 for i in items.values() if i['kind']=='results')} "
      f"follow_through={len(ft_pairs)} carry_over={len(co_pairs)} gaps={len(got)} "
      f"decoys={len(gold.get('cross_unit_decoys', []))}")
