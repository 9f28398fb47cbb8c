#!/usr/bin/env python3
"""Check gold.json of this series (form, files, encoding, items, periods, links, gaps,
decoys). Uses other_items.json (limitation sentences) only to check that every sentence
of the body is labelled. Prints OK when every check passes."""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def month_key(m):
    y, mm = m.split("-")
    return int(y) * 12 + int(mm) - 1


MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
other = json.load(open(os.path.join(HERE, "other_items.json"), encoding="utf-8"))

# ------------------------------------------------------------------ form
for key, typ in (("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)):
    if not isinstance(gold.get(key), typ):
        err(f"form: '{key}' missing or not a {typ.__name__}")
if not isinstance(gold.get("cross_unit_decoys", []), list):
    err("form: cross_unit_decoys not a list")
extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                     "gaps", "cross_unit_decoys"}
if extra:
    err(f"form: unknown keys {sorted(extra)}")
if errors:
    print("\n".join(errors)); sys.exit(1)

docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err(f"form: document fields {sorted(d)}")
        continue
    if d["file"] in docs:
        err(f"form: document {d['file']} twice")
    if not isinstance(d["reported_months"], list) or not all(
            isinstance(m, str) and MONTH.match(m) for m in d["reported_months"]):
        err(f"form: {d['file']} reported_months")
    if not MONTH.match(d["planned_period"]):
        err(f"form: {d['file']} planned_period")
    docs[d["file"]] = d

items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            err(f"form: {kind} item fields {sorted(it)}"); continue
        if it["id"] in items:
            err(f"form: id {it['id']} twice")
        if it["file"] not in docs:
            err(f"form: {it['id']} file {it['file']} not a document")
        if not MONTH.match(it["period"]):
            err(f"form: {it['id']} period {it['period']}")
        items[it["id"]] = dict(it, kind=kind[:-1])
lims = {}
for it in other.get("limitations", []):
    if it["id"] in items or it["id"] in lims:
        err(f"form: limitation id {it['id']} clashes")
    lims[it["id"]] = it
if errors:
    print("\n".join(errors)); sys.exit(1)

# ------------------------------------------------------------------ files, encoding
texts = {}
for f, d in docs.items():
    m = FNAME.match(f)
    if not m:
        err(f"file name {f} not <slug>_<YYYY-MM>.txt")
    elif m.group(2) != d["planned_period"]:
        err(f"file name {f}: month is not planned_period {d['planned_period']}")
    path = os.path.join(HERE, f)
    if not os.path.isfile(path):
        err(f"missing file {f}"); continue
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{f}: BOM")
    if b"\r" in raw:
        err(f"{f}: CR line ends")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{f}: not UTF-8 ({e})"); continue
    if unicodedata.normalize("NFC", t) != t:
        err(f"{f}: not NFC")
    texts[f] = t
listed = set(docs)
for f in os.listdir(HERE):
    if f.endswith(".txt") and f not in listed:
        err(f"unlisted .txt file {f}")

# ------------------------------------------------------------------ items: substrings, overlaps
spans = defaultdict(list)  # file -> [(start, end, id)]
for iid, it in list(items.items()) + list(lims.items()):
    t = texts.get(it["file"])
    if t is None:
        continue
    s = it["text"]
    if unicodedata.normalize("NFC", s) != s:
        err(f"{iid}: text not NFC")
    n = t.count(s)
    if n != 1:
        err(f"{iid}: text found {n} times in {it['file']}")
        continue
    a = t.index(s)
    spans[it["file"]].append((a, a + len(s), iid))
    if s != s.strip():
        err(f"{iid}: leading/trailing blank")
    if not re.search(r"[.!?…]$", s):
        err(f"{iid}: does not end a sentence")
    if re.search(r"[.!?…]\s+\S", s[:-1]):
        err(f"{iid}: holds more than one sentence")
    if "\n" in s:
        err(f"{iid}: crosses a line")
for f, sp in spans.items():
    sp.sort()
    for (a1, e1, i1), (a2, e2, i2) in zip(sp, sp[1:]):
        if a2 < e1:
            err(f"{f}: {i1} overlaps {i2}")

# ------------------------------------------------------------------ body coverage
def body_region(f, t):
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", t)]
    lead = next((i for i, (a, e) in enumerate(paras) if t[a:e].rstrip().endswith("như sau:")), None)
    close = next((i for i, (a, e) in enumerate(paras) if t[a:e].startswith("Ban Thường vụ Đảng ủy giao")), None)
    if lead is None or close is None or close <= lead:
        err(f"{f}: cannot find lead-in / closing")
        return []
    return paras[lead + 1:close]

for f, t in texts.items():
    body = body_region(f, t)
    sp = spans.get(f, [])
    if body:
        b0, b1 = body[0][0], body[-1][1]
        for a, e, iid in sp:
            if a < b0 or e > b1:
                err(f"{iid}: labelled item outside the body of {f}")
    for a, e in body:
        inside = [(x, y, i) for x, y, i in sp if x >= a and y <= e]
        pos = a
        for x, y, i in inside:
            gap = t[pos:x]
            if gap not in ("", " ") or (pos == a and gap):
                err(f"{f}: unlabelled text before {i}: {gap!r}")
            pos = y
        if pos != e:
            err(f"{f}: unlabelled text at paragraph end: {t[pos:e]!r}")
        if not inside:
            err(f"{f}: body paragraph with no labelled item at {a}")

# ------------------------------------------------------------------ counts and periods
by_unit = defaultdict(list)
for f, d in docs.items():
    by_unit[d["unit"]].append(f)
for u in by_unit:
    by_unit[u].sort(key=lambda f: month_key(docs[f]["planned_period"]))
doc_index = {f: (u, i) for u, fs in by_unit.items() for i, f in enumerate(fs)}

for f, d in docs.items():
    nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "task")
    nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "result")
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks (10-18)")
    if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
        err(f"{f}: {nr} results (10-18)")
    rep = d["reported_months"]
    if any(month_key(m) >= month_key(d["planned_period"]) for m in rep):
        err(f"{f}: a reported month is not before the planned period")
    if month_key(d["planned_period"]) - 1 != month_key(rep[-1]):
        err(f"{f}: planned period does not follow the last reported month")
    t = texts.get(f, "")
    head = t.split("NGHỊ QUYẾT", 1)
    if len(head) != 2:
        err(f"{f}: no title"); continue
    title = head[1].split("\n\n", 1)[0]
    for m in rep + [d["planned_period"]]:
        y, mm = m.split("-")
        if not re.search(r"tháng 0?%d\b" % int(mm), title) or y not in title:
            err(f"{f}: title does not name {m}")
    dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", head[0])
    if not dm or "%s-%02d" % (dm.group(3), int(dm.group(2))) != rep[-1]:
        err(f"{f}: date line not in the last reported month")
    if not re.search(r"Số \d+-NQ/ĐU", head[0]) or "ĐẢNG CỘNG SẢN VIỆT NAM" not in head[0]:
        err(f"{f}: header incomplete")
    if "Nơi nhận:" not in t:
        err(f"{f}: no Nơi nhận")
for u, fs in by_unit.items():
    for a, b in zip(fs, fs[1:]):
        if month_key(docs[b]["reported_months"][0]) != month_key(docs[a]["planned_period"]):
            err(f"{b}: first reported month does not follow {a}'s planned period")
        rm = [month_key(m) for m in docs[b]["reported_months"]]
        if rm != list(range(rm[0], rm[0] + len(rm))):
            err(f"{b}: reported months not consecutive")

for iid, it in items.items():
    d = docs[it["file"]]
    if it["kind"] == "task" and it["period"] != d["planned_period"]:
        err(f"{iid}: task period {it['period']} != planned {d['planned_period']}")
    if it["kind"] == "result" and it["period"] not in d["reported_months"]:
        err(f"{iid}: result period {it['period']} not reported by {it['file']}")
for iid, it in lims.items():
    if it["period"] not in docs[it["file"]]["reported_months"]:
        err(f"{iid}: limitation period not reported")

# ------------------------------------------------------------------ links
linked_out = defaultdict(set)
seen = set()
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err(f"follow_through fields {sorted(l)}"); continue
    t, r = items.get(l["task"]), items.get(l["result"])
    if not t or t["kind"] != "task" or not r or r["kind"] != "result":
        err(f"follow_through {l}: bad ids"); continue
    if l["status"] not in STATUSES:
        err(f"follow_through {l}: status")
    if (l["task"], l["result"]) in seen:
        err(f"follow_through {l}: duplicate")
    seen.add((l["task"], l["result"]))
    (ut, it_), (ur, ir) = doc_index[t["file"]], doc_index[r["file"]]
    if ut != ur:
        err(f"follow_through {l}: across units")
    if ir <= it_:
        err(f"follow_through {l}: not forward in time")
    first = next((f for f in by_unit[ut][it_ + 1:] if t["period"] in docs[f]["reported_months"]), None)
    if r["file"] != first:
        err(f"follow_through {l}: result not in the first document reporting on {t['period']}")
    linked_out[l["task"]].add("ft")
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err(f"carry_over fields {sorted(l)}"); continue
    a, b = items.get(l["from"]), items.get(l["to"])
    if not a or a["kind"] != "task" or not b or b["kind"] != "task":
        err(f"carry_over {l}: bad ids"); continue
    if l["kind"] not in KINDS:
        err(f"carry_over {l}: kind")
    if (l["from"], l["to"]) in seen:
        err(f"carry_over {l}: duplicate")
    seen.add((l["from"], l["to"]))
    (ua, ia), (ub, ib) = doc_index[a["file"]], doc_index[b["file"]]
    if ua != ub:
        err(f"carry_over {l}: across units")
    if ib <= ia:
        err(f"carry_over {l}: not forward in time")
    linked_out[l["from"]].add("co")
splits = defaultdict(int)
for l in gold["carry_over"]:
    if l["kind"] == "split":
        splits[l["from"]] += 1
for k, n in splits.items():
    if n < 2:
        err(f"carry_over: split of {k} has only one part")

expected_gaps = set()
for iid, it in items.items():
    if it["kind"] != "task":
        continue
    u, i = doc_index[it["file"]]
    if i < len(by_unit[u]) - 1 and not linked_out[iid]:
        expected_gaps.add(iid)
gaps = gold["gaps"]
if len(gaps) != len(set(gaps)):
    err("gaps: duplicates")
for g in gaps:
    if g not in items or items[g]["kind"] != "task":
        err(f"gaps: {g} is not a task")
if set(gaps) != expected_gaps:
    err(f"gaps: listed-but-linked-or-last {sorted(set(gaps) - expected_gaps)}, "
        f"unlinked-but-unlisted {sorted(expected_gaps - set(gaps))}")

for pair in gold.get("cross_unit_decoys", []):
    if not (isinstance(pair, list) and len(pair) == 2 and all(p in items for p in pair)):
        err(f"decoy {pair}: bad ids"); continue
    a, b = pair
    if doc_index[items[a]["file"]][0] == doc_index[items[b]["file"]][0]:
        err(f"decoy {pair}: same unit")
    if (a, b) in seen or (b, a) in seen:
        err(f"decoy {pair}: linked")
if len(by_unit) == 2 and not gold.get("cross_unit_decoys"):
    err("two units but no cross_unit_decoys")

if errors:
    print("\n".join(errors))
    print(f"FAILED: {len(errors)} problem(s)")
    sys.exit(1)
print("OK")
