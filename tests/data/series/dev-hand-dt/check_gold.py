#!/usr/bin/env python3
"""Check gold.json of this series against its documents. Prints OK or the problems."""
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def month_key(m):
    y, mo = m.split("-")
    return int(y) * 12 + int(mo)


MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
NAME_RE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
HEADING_RE = re.compile(r"^(?:[IVX]+\.|\d+\.(?:\d+\.)?)\s")
ROMAN_Q = {"I": [1, 2, 3], "II": [4, 5, 6], "III": [7, 8, 9], "IV": [10, 11, 12]}
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}

with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
    gold = json.load(f)

# ---- form
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in gold or not isinstance(gold[key], list):
        err("missing list %s" % key)
allowed = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
for key in gold:
    if key not in allowed:
        err("unknown key %s" % key)
if errors:
    print("\n".join(errors)); sys.exit(1)

docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document fields %s" % d)
        continue
    docs[d["file"]] = d
for it in gold["tasks"] + gold["results"]:
    if set(it) != {"id", "file", "period", "text"}:
        err("item fields %s" % it)
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err("follow_through fields %s" % l)
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err("carry_over fields %s" % l)

# ---- files, encoding, names, periods vs documents
texts = {}
for fn, d in docs.items():
    m = NAME_RE.match(fn)
    if not m:
        err("bad file name %s" % fn); continue
    if m.group(2) != d["planned_period"]:
        err("%s: name month != planned_period" % fn)
    for mo in d["reported_months"] + [d["planned_period"]]:
        if not MONTH_RE.match(mo):
            err("%s: bad month %s" % (fn, mo))
    if any(month_key(r) >= month_key(d["planned_period"]) for r in d["reported_months"]):
        err("%s: a reported month is not before the planned period" % fn)
    raw = open(os.path.join(HERE, fn), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s: BOM" % fn)
    if b"\r" in raw:
        err("%s: CR line ends" % fn)
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err("%s: not UTF-8" % fn); continue
    if unicodedata.normalize("NFC", t) != t:
        err("%s: not NFC" % fn)
    texts[fn] = t
    # title agrees with periods
    lines = t.split("\n")
    try:
        title = lines[lines.index("BÁO CÁO") + 1]
    except ValueError:
        err("%s: no title" % fn); continue
    pm = int(d["planned_period"][5:])
    if not re.search(r"nhiệm vụ trọng tâm tháng 0?%d năm %s$" % (pm, d["planned_period"][:4]), title):
        err("%s: title does not plan %s" % (fn, d["planned_period"]))
    head = title.split(" và nhiệm vụ trọng tâm")[0]
    qm = re.search(r"quý ([IV]+)", head)
    if qm:
        months = ROMAN_Q[qm.group(1)]
    else:
        months = [int(x) for x in re.findall(r"tháng 0?(\d{1,2})", head)]
    if sorted(months) != sorted(int(r[5:]) for r in d["reported_months"]):
        err("%s: title months %s != reported_months" % (fn, months))
    if not re.search(r"^Số: \d+/BC-UBND$", t, re.M):
        err("%s: no Số line" % fn)
    for must in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Nơi nhận:",
                 "II. TỒN TẠI, HẠN CHẾ"):
        if must not in t:
            err("%s: missing %s" % (fn, must))

units = {d["unit"] for d in docs.values()}
by_unit = defaultdict(list)
for d in docs.values():
    by_unit[d["unit"]].append(d)
for u in by_unit:
    by_unit[u].sort(key=lambda d: month_key(d["planned_period"]))

# ---- items
items = {}
for kind, lst in (("task", gold["tasks"]), ("result", gold["results"])):
    for it in lst:
        if it["id"] in items:
            err("duplicate id %s" % it["id"])
        it = dict(it, kind=kind)
        items[it["id"]] = it
        d = docs.get(it["file"])
        if d is None:
            err("%s: unknown file" % it["id"]); continue
        if kind == "task" and it["period"] != d["planned_period"]:
            err("%s: task period != planned_period" % it["id"])
        if kind == "result" and it["period"] not in d["reported_months"]:
            err("%s: result period not a reported month" % it["id"])
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err("%s: text not NFC" % it["id"])
        if any(m.group(1).isupper() for m in re.finditer(r"[.!?]\s+(\w)", it["text"])):
            err("%s: item holds more than one sentence" % it["id"])

spans = defaultdict(list)
for iid, it in items.items():
    t = texts.get(it["file"])
    if t is None:
        continue
    n = t.count(it["text"])
    if n != 1:
        err("%s: text occurs %d times in %s" % (iid, n, it["file"]))
        continue
    s = t.index(it["text"])
    spans[it["file"]].append((s, s + len(it["text"]), iid))
for fn, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err("%s: %s overlaps %s" % (fn, a[2], b[2]))

# ---- every bullet of the results and tasks sections is labelled; sections hold the right kind
for fn, t in texts.items():
    lines = t.split("\n")
    sec = None
    labelled = {it["text"]: it for it in items.values() if it["file"] == fn}
    seen = set()
    counts = {"task": 0, "result": 0}
    for ln in lines:
        if ln.startswith("I. KẾT QUẢ"):
            sec = "result"; continue
        if ln.startswith("II. "):
            sec = None; continue
        if ln.startswith("III. NHIỆM VỤ"):
            sec = "task"; continue
        if ln.startswith("Trên đây là"):
            sec = None; continue
        if sec is None or not ln.strip() or HEADING_RE.match(ln):
            continue
        if ln.startswith("- "):
            body = ln[2:]
            it = labelled.get(body)
            if it is None:
                err("%s: unlabelled bullet: %s" % (fn, body[:60])); continue
            if it["kind"] != sec:
                err("%s: %s in the wrong section" % (fn, it["id"]))
            counts[sec] += 1
            seen.add(it["id"])
        elif ln.endswith(":") or (sec == "task" and ln.startswith("Giao ")):
            continue  # lead-in or closing assignment
        else:
            err("%s: unclassified line in section: %s" % (fn, ln[:60]))
    for it in labelled.values():
        if it["id"] not in seen:
            err("%s: %s not found as a whole bullet in its section" % (fn, it["id"]))
    if not 10 <= counts["task"] <= 18:
        err("%s: %d tasks" % (fn, counts["task"]))
    if not (counts["result"] == 0 or 10 <= counts["result"] <= 18):
        err("%s: %d results" % (fn, counts["result"]))

# ---- links
def doc_of(iid):
    return docs[items[iid]["file"]]

out_links = defaultdict(int)
linked_pairs = set()
for l in gold["follow_through"]:
    t, r = l["task"], l["result"]
    if t not in items or items[t]["kind"] != "task":
        err("follow_through: bad task %s" % t); continue
    if r not in items or items[r]["kind"] != "result":
        err("follow_through: bad result %s" % r); continue
    if l["status"] not in STATUSES:
        err("follow_through %s->%s: status %s" % (t, r, l["status"]))
    dt, dr = doc_of(t), doc_of(r)
    if dt["unit"] != dr["unit"]:
        err("follow_through %s->%s crosses units" % (t, r))
    later = [d for d in by_unit[dt["unit"]]
             if month_key(d["planned_period"]) > month_key(dt["planned_period"])
             and items[t]["period"] in d["reported_months"]]
    if not later or later[0]["file"] != dr["file"]:
        err("follow_through %s->%s: not the first later report on %s" % (t, r, items[t]["period"]))
    if month_key(items[r]["period"]) < month_key(items[t]["period"]):
        err("follow_through %s->%s: result period before task period" % (t, r))
    out_links[t] += 1
    linked_pairs.add(frozenset((t, r)))
for l in gold["carry_over"]:
    a, b = l["from"], l["to"]
    if a not in items or b not in items or items[a]["kind"] != "task" or items[b]["kind"] != "task":
        err("carry_over: bad ids %s->%s" % (a, b)); continue
    if l["kind"] not in KINDS:
        err("carry_over %s->%s: kind %s" % (a, b, l["kind"]))
    if doc_of(a)["unit"] != doc_of(b)["unit"]:
        err("carry_over %s->%s crosses units" % (a, b))
    if month_key(items[b]["period"]) <= month_key(items[a]["period"]):
        err("carry_over %s->%s: not forward in time" % (a, b))
    out_links[a] += 1
    linked_pairs.add(frozenset((a, b)))
fts = [(l["task"], l["result"]) for l in gold["follow_through"]]
cos = [(l["from"], l["to"]) for l in gold["carry_over"]]
if len(set(fts)) != len(fts) or len(set(cos)) != len(cos):
    err("duplicate links")

# ---- gaps
last_files = {ds[-1]["file"] for ds in by_unit.values()}
want = {iid for iid, it in items.items()
        if it["kind"] == "task" and it["file"] not in last_files and out_links[iid] == 0}
have = set(gold["gaps"])
if len(have) != len(gold["gaps"]):
    err("duplicate gaps")
if want != have:
    err("gaps differ: missing %s, extra %s" % (sorted(want - have), sorted(have - want)))

# ---- decoys
decoys = list(gold.get("cross_unit_decoys", []))
if len(units) < 2 and decoys:
    err("cross_unit_decoys with one unit")
for a, b in decoys:
    if a not in items or b not in items:
        err("decoy: unknown id %s/%s" % (a, b)); continue
    if doc_of(a)["unit"] == doc_of(b)["unit"]:
        err("cross-unit decoy within one unit: %s %s" % (a, b))
intra = os.path.join(HERE, "_src", "intra_decoys.json")
if os.path.exists(intra):
    decoys += json.load(open(intra, encoding="utf-8"))
for a, b in decoys:
    if a not in items or b not in items:
        err("decoy: unknown id %s/%s" % (a, b)); continue
    if frozenset((a, b)) in linked_pairs:
        err("decoy pair linked: %s %s" % (a, b))

if errors:
    print("\n".join(errors))
    sys.exit(1)
print("OK")
