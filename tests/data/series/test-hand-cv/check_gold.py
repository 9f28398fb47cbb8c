#!/usr/bin/env python3
"""Check gold.json of this series against its documents and the annotation rules.

python3 check_gold.py [DIR]   (DIR defaults to the folder of this script); prints OK or the errors.
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


FT_STATUS = {"done", "partial"}
CO_KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

with open(os.path.join(DIR, "gold.json"), encoding="utf-8") as fh:
    gold = json.load(fh)

# ---- form ---------------------------------------------------------------------
for key, typ in [("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)]:
    if not isinstance(gold.get(key), typ):
        err(f"gold.json: '{key}' missing or not a {typ.__name__}")
decoys = gold.get("cross_unit_decoys", [])
if not isinstance(decoys, list):
    err("cross_unit_decoys is not a list")
extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                     "gaps", "cross_unit_decoys"}
if extra:
    err(f"unknown keys {sorted(extra)}")
if errors:
    print("\n".join(errors))
    sys.exit(1)

# ---- documents ----------------------------------------------------------------
docs, texts = {}, {}
for d in gold["documents"]:
    for k in ("file", "unit", "reported_months", "planned_period"):
        if k not in d:
            err(f"document {d}: missing {k}")
    f = d["file"]
    if f in docs:
        err(f"{f}: listed twice")
    docs[f] = d
    m = FNAME.match(f)
    if not m:
        err(f"{f}: bad file name")
        continue
    if m.group(2) != d["planned_period"]:
        err(f"{f}: planned_period {d['planned_period']} != month in the file name")
    if not MONTH.match(d["planned_period"]):
        err(f"{f}: bad planned_period")
    if not isinstance(d["reported_months"], list):
        err(f"{f}: reported_months not a list")
    for rm in d["reported_months"]:
        if not MONTH.match(rm):
            err(f"{f}: bad reported month {rm}")
        elif rm >= d["planned_period"]:
            err(f"{f}: reported month {rm} not before planned {d['planned_period']}")
    path = os.path.join(DIR, f)
    if not os.path.exists(path):
        err(f"{f}: file missing")
        continue
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{f}: BOM")
    if b"\r" in raw:
        err(f"{f}: CR line ends")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{f}: not UTF-8 ({e})")
        continue
    if unicodedata.normalize("NFC", t) != t:
        err(f"{f}: not NFC")
    for must in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Số:", "BÁO CÁO", "Nơi nhận:", "HẠN CHẾ"):
        if must not in t:
            err(f"{f}: header/part '{must}' missing")
    texts[f] = t

# every .txt in the folder is a listed document
for name in os.listdir(DIR):
    if name.endswith(".txt") and name not in docs:
        err(f"{name}: document in folder but not in gold.json")

# units: documents of a unit in order, no two with the same planned period
unit_docs = {}
for f, d in docs.items():
    unit_docs.setdefault(d["unit"], []).append(f)
for u, fs in unit_docs.items():
    fs.sort(key=lambda f: docs[f]["planned_period"])
    pp = [docs[f]["planned_period"] for f in fs]
    if len(set(pp)) != len(pp):
        err(f"unit {u}: two documents plan the same month")
    slugs = {FNAME.match(f).group(1) for f in fs if FNAME.match(f)}
    if len(slugs) != 1:
        err(f"unit {u}: several slugs {slugs}")
last_doc = {u: fs[-1] for u, fs in unit_docs.items()}

# ---- items --------------------------------------------------------------------
items = {}
spans = {}
for kind, lst in (("task", gold["tasks"]), ("result", gold["results"])):
    for it in lst:
        for k in ("id", "file", "period", "text"):
            if k not in it:
                err(f"{kind} {it}: missing {k}")
        iid = it["id"]
        if iid in items:
            err(f"{iid}: duplicate id")
        items[iid] = dict(it, kind=kind)
        f = it["file"]
        if f not in texts:
            err(f"{iid}: unknown file {f}")
            continue
        t, s = texts[f], it["text"]
        if not s or s != s.strip():
            err(f"{iid}: empty text or outer spaces")
        if unicodedata.normalize("NFC", s) != s:
            err(f"{iid}: text not NFC")
        n = t.count(s)
        if n != 1:
            err(f"{iid}: text found {n} times in {f}")
            continue
        i = t.find(s)
        spans.setdefault(f, []).append((i, i + len(s), iid))
        if kind == "task" and it["period"] != docs[f]["planned_period"]:
            err(f"{iid}: task period {it['period']} != planned {docs[f]['planned_period']}")
        if kind == "result" and it["period"] not in docs[f]["reported_months"]:
            err(f"{iid}: result period {it['period']} not among reported months of {f}")
for f, sp in spans.items():
    sp.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
        if a2 < b1:
            err(f"{f}: items {i1} and {i2} overlap")

# ---- sections: every bullet / sentence labelled -------------------------------
RES_HEAD = re.compile(r"^I\.\s+KẾT QUẢ")
LIM_HEAD = re.compile(r"^II\.\s+")
TASK_HEAD = re.compile(r"^III\.\s+NHIỆM VỤ")
END_TASKS = re.compile(r"^(IV\.\s|Trên đây)")
BULLET = re.compile(r"^(?:-\s+|\(\d+\)\s+|\d+\)\s+|[a-zđ]\)\s+|\+\s+)")
MONTH_IN = re.compile(r"tháng\s+0?(\d{1,2})\b", re.I)


def sentences(line):
    out, start = [], 0
    for m in re.finditer(r"[.!?]\s+", line):
        nxt = line[m.end():m.end() + 1]
        if nxt and nxt.isupper():
            out.append(line[start:m.start() + 1])
            start = m.end()
    out.append(line[start:])
    return [s.strip() for s in out if s.strip()]


def strip_end(s):
    return s.rstrip().rstrip(".;").rstrip()


def month_num(ym):
    return int(ym.split("-")[1])


for f, t in texts.items():
    d = docs[f]
    lines = t.split("\n")
    state = None
    cur_month = None
    found = {"task": [], "result": []}
    res_heading = task_heading = None
    for line in lines:
        s = line.strip()
        if RES_HEAD.match(s):
            state, res_heading, cur_month = "result", s, None
            continue
        if state == "result" and LIM_HEAD.match(s):
            state = None
            continue
        if TASK_HEAD.match(s):
            state, task_heading = "task", s
            continue
        if state == "task" and END_TASKS.match(s):
            state = None
            continue
        if state is None or not s:
            continue
        if s.endswith(":"):
            continue  # lead-in
        if not s.endswith((".", ";")):
            # heading line; in a results section it may name the month reported
            mm = MONTH_IN.search(s)
            if state == "result":
                cur_month = int(mm.group(1)) if mm else None
            continue
        body = BULLET.sub("", s, count=1)
        for sent in sentences(body):
            found[state].append((strip_end(sent), cur_month))
    if res_heading is None and d["reported_months"]:
        err(f"{f}: no results section")
    if task_heading is None:
        err(f"{f}: no tasks section")
    else:
        mm = MONTH_IN.findall(task_heading)
        if not mm or int(mm[-1]) != month_num(d["planned_period"]) \
                or d["planned_period"][:4] not in task_heading:
            err(f"{f}: tasks heading '{task_heading}' does not name {d['planned_period']}")
    if res_heading:
        named = {int(x) for x in MONTH_IN.findall(res_heading)}
        for rm in d["reported_months"]:
            if month_num(rm) not in named:
                err(f"{f}: results heading does not name reported month {rm}")
    by_text = {(it["kind"], it["text"]): it for it in items.values() if it["file"] == f}
    seen = set()
    for kind in ("task", "result"):
        for sent, cm in found[kind]:
            it = by_text.get((kind, sent))
            if it is None:
                err(f"{f}: unlabelled {kind} sentence: {sent[:90]}")
                continue
            if it["id"] in seen:
                err(f"{f}: {it['id']} matched twice")
            seen.add(it["id"])
            if kind == "result":
                if len(d["reported_months"]) > 1:
                    if cm is None:
                        err(f"{f}: {it['id']} not under a month heading")
                    elif month_num(it["period"]) != cm:
                        err(f"{f}: {it['id']} period {it['period']} but under month {cm}")
    for it in items.values():
        if it["file"] == f and it["id"] not in seen:
            err(f"{f}: {it['id']} is not a whole sentence/bullet of its section")
    nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "task")
    nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "result")
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks (want 10-18)")
    if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
        err(f"{f}: {nr} results (want 10-18)")

# ---- links --------------------------------------------------------------------
def unit_of(iid):
    return docs[items[iid]["file"]]["unit"]


def plan_of(iid):
    return docs[items[iid]["file"]]["planned_period"]


ft_pairs, co_pairs = set(), set()
has_link = set()
for l in gold["follow_through"]:
    t, r, s = l.get("task"), l.get("result"), l.get("status")
    if t not in items or items[t]["kind"] != "task":
        err(f"follow_through: {t} is not a task")
        continue
    if r not in items or items[r]["kind"] != "result":
        err(f"follow_through: {r} is not a result")
        continue
    if s not in FT_STATUS:
        err(f"follow_through {t}->{r}: status {s}")
    if (t, r) in ft_pairs:
        err(f"follow_through {t}->{r}: duplicate")
    ft_pairs.add((t, r))
    if unit_of(t) != unit_of(r):
        err(f"follow_through {t}->{r}: across units")
    if plan_of(r) <= plan_of(t):
        err(f"follow_through {t}->{r}: result not in a later document")
    if items[r]["period"] < items[t]["period"]:
        err(f"follow_through {t}->{r}: result reports a month before the task's")
    has_link.add(t)
for l in gold["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
        err(f"carry_over {a}->{b}: not tasks")
        continue
    if k not in CO_KINDS:
        err(f"carry_over {a}->{b}: kind {k}")
    if (a, b) in co_pairs:
        err(f"carry_over {a}->{b}: duplicate")
    co_pairs.add((a, b))
    if unit_of(a) != unit_of(b):
        err(f"carry_over {a}->{b}: across units")
    if items[b]["period"] <= items[a]["period"]:
        err(f"carry_over {a}->{b}: not forward in time")
    has_link.add(a)

# ---- gaps ---------------------------------------------------------------------
expected = {iid for iid, it in items.items() if it["kind"] == "task"
            and it["file"] != last_doc[docs[it["file"]]["unit"]] and iid not in has_link}
given = gold["gaps"]
if len(set(given)) != len(given):
    err("gaps: duplicates")
for g in given:
    if g not in items or items[g]["kind"] != "task":
        err(f"gaps: {g} is not a task")
if set(given) != expected:
    err(f"gaps differ: missing {sorted(expected - set(given))}, extra {sorted(set(given) - expected)}")

# ---- decoys -------------------------------------------------------------------
for pair in decoys:
    if not (isinstance(pair, list) and len(pair) == 2):
        err(f"decoy {pair}: not a pair")
        continue
    a, b = pair
    if a not in items or b not in items:
        err(f"decoy {pair}: unknown id")
        continue
    if unit_of(a) == unit_of(b):
        err(f"decoy {pair}: same unit")
    if {(a, b), (b, a)} & (ft_pairs | co_pairs):
        err(f"decoy {pair}: linked")

if errors:
    print("\n".join(errors))
    print(f"{len(errors)} error(s)")
    sys.exit(1)
print("OK")
