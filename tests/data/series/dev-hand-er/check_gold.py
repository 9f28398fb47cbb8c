#!/usr/bin/env python3
"""Check gold.json of this folder against its documents.  Prints OK or the problems."""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errs = []
def err(m): errs.append(m)

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
ROMAN = re.compile(r"^([IVX]+)\.\s+(.+)$")
BULLET = re.compile(r"^(\(\d+\)|-|\+|[a-zđ]\))\s+(.*)$")
SUBHEAD = re.compile(r"^(\d+\.|[a-zđ]\))\s+\S.*$")
CLOSING = re.compile(r"^(Ban Thường vụ Đảng ủy giao|Giao |Nơi nhận)")
SENT_BREAK = re.compile(r"[.!?]\s+[A-ZĐÀ-Ỹ0-9\"(]")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---- form
for k in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if k not in gold: err(f"missing key {k}")
extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
if extra: err(f"unknown keys {extra}")
docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}: err(f"document fields {d}")
    if d["file"] in docs: err(f"duplicate document {d['file']}")
    docs[d["file"]] = d
    m = FNAME.match(d["file"])
    if not m: err(f"bad file name {d['file']}"); continue
    if m.group(2) != d["planned_period"]: err(f"{d['file']}: name month != planned_period")
    if not MONTH.match(d["planned_period"]): err(f"{d['file']}: bad planned_period")
    if not isinstance(d["reported_months"], list): err(f"{d['file']}: reported_months not a list")
    for rm in d["reported_months"]:
        if not MONTH.match(rm): err(f"{d['file']}: bad reported month {rm}")
        if rm >= d["planned_period"]: err(f"{d['file']}: reported month {rm} not before planned")
on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
if on_disk != set(docs): err(f"txt files on disk {sorted(on_disk)} != documents {sorted(docs)}")

items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}: err(f"{kind} fields {it}")
        if it["id"] in items: err(f"duplicate id {it['id']}")
        it["_kind"] = kind
        items[it["id"]] = it
        if it["file"] not in docs: err(f"{it['id']}: unknown file {it['file']}")

# ---- files: utf-8, NFC, \n, no BOM
texts = {}
for f in docs:
    p = os.path.join(HERE, f)
    if not os.path.exists(p): err(f"missing file {f}"); continue
    raw = open(p, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"): err(f"{f}: BOM")
    if b"\r" in raw: err(f"{f}: CR line ends")
    try: t = raw.decode("utf-8")
    except UnicodeDecodeError: err(f"{f}: not UTF-8"); continue
    if unicodedata.normalize("NFC", t) != t: err(f"{f}: not NFC")
    texts[f] = t

# ---- texts: exact, unique, no overlap; periods
spans = defaultdict(list)
for iid, it in items.items():
    t = texts.get(it["file"])
    if t is None: continue
    if unicodedata.normalize("NFC", it["text"]) != it["text"]: err(f"{iid}: text not NFC")
    n = t.count(it["text"])
    if n != 1: err(f"{iid}: text occurs {n} times in {it['file']}"); continue
    if not it["text"].strip() or it["text"] != it["text"].strip(): err(f"{iid}: empty or padded text")
    if SENT_BREAK.search(it["text"]): err(f"{iid}: more than one sentence")
    s = t.index(it["text"]); spans[it["file"]].append((s, s + len(it["text"]), iid))
    d = docs[it["file"]]
    if it["_kind"] == "tasks" and it["period"] != d["planned_period"]:
        err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
    if it["_kind"] == "results" and it["period"] not in d["reported_months"]:
        err(f"{iid}: period {it['period']} not among reported months {d['reported_months']}")
for f, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]: err(f"{f}: {a[2]} overlaps {b[2]}")

# ---- sections: every bullet of results/tasks sections labelled, and nothing else
for f, t in texts.items():
    sp = spans.get(f, [])
    pos = 0; section = None; found = {"results": 0, "tasks": 0}
    seen_in_sections = set()
    for line in t.split("\n"):
        start = pos; pos += len(line) + 1
        s = line.strip()
        if not s: continue
        m = ROMAN.match(s)
        if m:
            h = m.group(2).upper()
            if "HẠN CHẾ" in h: section = "limitations"
            elif "KẾT QUẢ" in h: section = "results"
            elif "NHIỆM VỤ" in h or "PHƯƠNG HƯỚNG" in h: section = "tasks"
            else: section = "other"
            continue
        if section in ("results", "tasks") and CLOSING.match(s):
            section = "closing"; continue
        inside = [x for x in sp if x[0] >= start and x[1] <= start + len(line)]
        if section not in ("results", "tasks"):
            for x in inside: err(f"{f}: {x[2]} outside a results/tasks section")
            continue
        b = BULLET.match(s)
        if not b:
            if inside: err(f"{f}: labelled text in a non-bullet line: {s[:60]}")
            elif s.endswith(":") or (SUBHEAD.match(s) and not s.endswith(".") and len(s) < 100):
                continue
            else: err(f"{f}: unlabelled sentence in {section}: {s[:70]}")
            continue
        content = b.group(2).strip()
        joined = " ".join(items[x[2]]["text"] for x in inside)
        if joined != content: err(f"{f}: bullet not exactly covered by labels: {content[:70]}")
        for x in inside:
            want = "tasks" if section == "tasks" else "results"
            if items[x[2]]["_kind"] != want: err(f"{f}: {x[2]} is in the {section} section")
            found[want] += 1; seen_in_sections.add(x[2])
    for x in sp:
        if x[2] not in seen_in_sections: err(f"{f}: {x[2]} not inside a bullet of its section")
    nt = sum(1 for i in items.values() if i["file"] == f and i["_kind"] == "tasks")
    nr = sum(1 for i in items.values() if i["file"] == f and i["_kind"] == "results")
    if not 10 <= nt <= 18: err(f"{f}: {nt} tasks")
    if not (10 <= nr <= 18 or nr == 0): err(f"{f}: {nr} results")

# ---- links
order = {f: i for i, f in enumerate(sorted(docs, key=lambda f: (docs[f]["unit"], docs[f]["planned_period"])))}
def doc_of(i): return docs[items[i]["file"]]
linked_task = set(); pairs = set()
for l in gold["follow_through"]:
    tk, rs, st = l.get("task"), l.get("result"), l.get("status")
    if set(l) != {"task", "result", "status"}: err(f"follow_through fields {l}")
    if tk not in items or items[tk]["_kind"] != "tasks": err(f"follow_through: bad task {tk}"); continue
    if rs not in items or items[rs]["_kind"] != "results": err(f"follow_through: bad result {rs}"); continue
    if st not in STATUSES: err(f"follow_through {tk}->{rs}: status {st}")
    if (tk, rs) in pairs: err(f"duplicate link {tk}->{rs}")
    pairs.add((tk, rs))
    dt, dr = doc_of(tk), doc_of(rs)
    if dt["unit"] != dr["unit"]: err(f"follow_through {tk}->{rs} across units")
    if dr["planned_period"] <= dt["planned_period"]: err(f"follow_through {tk}->{rs} not forward")
    if items[rs]["period"] != items[tk]["period"]: err(f"follow_through {tk}->{rs}: result period != task period")
    linked_task.add(tk)
for l in gold["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if set(l) != {"from", "to", "kind"}: err(f"carry_over fields {l}")
    if a not in items or items[a]["_kind"] != "tasks": err(f"carry_over: bad from {a}"); continue
    if b not in items or items[b]["_kind"] != "tasks": err(f"carry_over: bad to {b}"); continue
    if k not in KINDS: err(f"carry_over {a}->{b}: kind {k}")
    if (a, b) in pairs: err(f"duplicate link {a}->{b}")
    pairs.add((a, b))
    if doc_of(a)["unit"] != doc_of(b)["unit"]: err(f"carry_over {a}->{b} across units")
    if items[b]["period"] <= items[a]["period"]: err(f"carry_over {a}->{b} not forward")
    linked_task.add(a)

# ---- gaps: exactly the unlinked tasks of non-last documents
last = {}
for f, d in docs.items():
    if d["unit"] not in last or d["planned_period"] > docs[last[d["unit"]]]["planned_period"]:
        last[d["unit"]] = f
expected = {i for i, it in items.items() if it["_kind"] == "tasks"
            and it["file"] != last[docs[it["file"]]["unit"]] and i not in linked_task}
gaps = gold["gaps"]
if len(gaps) != len(set(gaps)): err("duplicate gap")
if set(gaps) != expected:
    err(f"gaps differ: missing {sorted(expected - set(gaps))}, extra {sorted(set(gaps) - expected)}")

# ---- decoys
for pr in gold.get("cross_unit_decoys", []):
    if len(pr) != 2 or any(x not in items for x in pr): err(f"bad decoy {pr}"); continue
    a, b = pr
    if doc_of(a)["unit"] == doc_of(b)["unit"]: err(f"decoy {pr} within one unit")
    if (a, b) in pairs or (b, a) in pairs: err(f"decoy {pr} is linked")
units = {d["unit"] for d in docs.values()}
if len(units) > 1 and not gold.get("cross_unit_decoys"): err("two units but no decoys")

if errs:
    print("\n".join(errs)); print(f"{len(errs)} problem(s)"); sys.exit(1)
print(f"OK  ({len(docs)} documents, {sum(1 for i in items.values() if i['_kind']=='tasks')} tasks, "
      f"{sum(1 for i in items.values() if i['_kind']=='results')} results, "
      f"{len(gold['follow_through'])} follow-through, {len(gold['carry_over'])} carry-over, "
      f"{len(gaps)} gaps, {len(gold.get('cross_unit_decoys', []))} decoys)")
