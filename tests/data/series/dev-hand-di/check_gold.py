#!/usr/bin/env python3
"""Check gold.json of this series against its documents. Prints OK or the problems."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errs = []


def err(msg):
    errs.append(msg)


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---- form
KEYS = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
if set(gold) - KEYS or not {"documents", "tasks", "results", "follow_through", "carry_over", "gaps"} <= set(gold):
    err("top-level keys: %s" % sorted(gold))
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document keys %s" % d)
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            err("%s keys %s" % (kind, it))
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err("follow_through keys %s" % l)
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err("carry_over keys %s" % l)
if not all(isinstance(g, str) for g in gold["gaps"]):
    err("gaps must be task ids")
for p in gold.get("cross_unit_decoys", []):
    if not (isinstance(p, list) and len(p) == 2):
        err("decoy pair %s" % p)

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")

# ---- files: names, encoding, NFC, line ends
docs = {d["file"]: d for d in gold["documents"]}
texts = {}
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if on_disk != sorted(docs):
    err("documents on disk %s != gold %s" % (on_disk, sorted(docs)))
for f, d in docs.items():
    m = FNAME.match(f)
    if not m:
        err("bad file name " + f)
        continue
    if m.group(2) != d["planned_period"]:
        err("%s: name month != planned_period %s" % (f, d["planned_period"]))
    if not MONTH.match(d["planned_period"]) or not all(MONTH.match(x) for x in d["reported_months"]):
        err("%s: bad month form" % f)
    raw = open(os.path.join(HERE, f), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f + ": BOM")
    if b"\r" in raw:
        err(f + ": CR line ends")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f + ": not UTF-8")
        continue
    if unicodedata.normalize("NFC", t) != t:
        err(f + ": not NFC")
    texts[f] = t
    for rm in d["reported_months"]:
        if rm >= d["planned_period"]:
            err(f + ": reported month not before planned period")

# ---- items: exact, unique, no overlap
items = {}
spans = {f: [] for f in docs}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if it["id"] in items:
            err("duplicate id " + it["id"])
        items[it["id"]] = (kind, it)
        f = it["file"]
        if f not in texts:
            err("%s: unknown file %s" % (it["id"], f))
            continue
        t = texts[f]
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err(it["id"] + ": text not NFC")
        n = t.count(it["text"])
        if n != 1:
            err("%s: text found %d times in %s" % (it["id"], n, f))
            continue
        if it["text"] != it["text"].strip():
            err(it["id"] + ": text has outer blanks")
        a = t.index(it["text"])
        spans[f].append((a, a + len(it["text"]), it["id"], kind))
        d = docs[f]
        want = d["planned_period"] if kind == "tasks" else (d["reported_months"][0] if d["reported_months"] else None)
        if kind == "results" and it["period"] not in d["reported_months"]:
            err("%s: period %s not reported by %s" % (it["id"], it["period"], f))
        if kind == "tasks" and it["period"] != want:
            err("%s: period %s != planned %s" % (it["id"], it["period"], want))
for f, sp in spans.items():
    sp.sort()
    for x, y in zip(sp, sp[1:]):
        if y[0] < x[1]:
            err("%s: %s overlaps %s" % (f, x[2], y[2]))

# ---- sections: every bullet/sentence of results and tasks labelled, and in the right section
RES_H = re.compile(r"^(?:I|1)\.\s+(?:KẾT QUẢ|Kết quả)")
LIM_H = re.compile(r"^(?:II|2)\.\s+(?:HẠN CHẾ|Hạn chế)")
TASK_H = re.compile(r"^(?:III|3)\.\s+(?:NHIỆM VỤ|Nhiệm vụ|PHƯƠNG HƯỚNG|Phương hướng)")
END_H = re.compile(r"^(?:IV\.|Giao |Nơi nhận)")
HEADING = re.compile(r"^(?:\d+|[a-zđ])[\.\)]\s+.*[^.;:!?]$")
BULLET = re.compile(r"^(?:-\s+|\+\s+|\d+\.\s+|\(\d+\)\s+)")
PUNCT = set(" \t.;,:")

for f, t in texts.items():
    lines = t.split("\n")
    pos, state, sect = 0, None, {}
    ranges = {"results": [], "tasks": []}
    for ln in lines:
        start, end = pos, pos + len(ln)
        pos = end + 1
        s = ln.strip()
        if RES_H.match(s) and state is None:
            state = "results"; continue
        if LIM_H.match(s):
            state = "limits"; continue
        if TASK_H.match(s):
            state = "tasks"; continue
        if state == "tasks" and END_H.match(s):
            state = "done"; continue
        if state not in ("results", "tasks") or not s:
            continue
        if HEADING.match(s) or s.endswith(":"):
            continue  # heading (numbered, no end punctuation) or lead-in (ends with a colon)
        ranges[state].append((start, end))
        covered = [False] * (end - start)
        for a, b, iid, kind in spans[f]:
            for i in range(max(a, start), min(b, end)):
                covered[i - start] = True
        body = BULLET.sub("", ln)
        off = len(ln) - len(body)
        for i in range(off, len(ln)):
            if not covered[i] and ln[i] not in PUNCT:
                err("%s: unlabelled text in %s section: %r" % (f, state, ln[i:i + 60]))
                break
    if state != "done":
        err(f + ": sections not found in order (results, limitations, tasks, closing)")
    for a, b, iid, kind in spans[f]:
        ok = any(s0 <= a and b <= e0 for s0, e0 in ranges[kind])
        if not ok:
            err("%s: %s not inside the %s section" % (f, iid, kind))
    nt = sum(1 for x in spans[f] if x[3] == "tasks")
    nr = sum(1 for x in spans[f] if x[3] == "results")
    if not 10 <= nt <= 18:
        err("%s: %d tasks" % (f, nt))
    if not (10 <= nr <= 18 or (nr == 0 and not docs[f]["reported_months"])):
        err("%s: %d results" % (f, nr))

# ---- links
unit = {f: d["unit"] for f, d in docs.items()}
def get(iid, kind):
    k = items.get(iid)
    if not k or k[0] != kind:
        err("unknown %s id %s" % (kind, iid))
        return None
    return k[1]

linked = set()
pairs = set()
for l in gold["follow_through"]:
    if l["status"] not in ("done", "partial"):
        err("status %s" % l["status"])
    t, r = get(l["task"], "tasks"), get(l["result"], "results")
    if not t or not r:
        continue
    if (l["task"], l["result"]) in pairs:
        err("duplicate link %s" % l)
    pairs.add((l["task"], l["result"]))
    if unit[t["file"]] != unit[r["file"]]:
        err("cross-unit follow-through %s" % l)
    if not (docs[r["file"]]["planned_period"] > t["period"] and r["period"] >= t["period"]):
        err("follow-through not forward %s" % l)
    linked.add(l["task"])
for l in gold["carry_over"]:
    if l["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
        err("kind %s" % l["kind"])
    a, b = get(l["from"], "tasks"), get(l["to"], "tasks")
    if not a or not b:
        continue
    if (l["from"], l["to"]) in pairs:
        err("duplicate link %s" % l)
    pairs.add((l["from"], l["to"]))
    if unit[a["file"]] != unit[b["file"]]:
        err("cross-unit carry-over %s" % l)
    if not b["period"] > a["period"]:
        err("carry-over not forward %s" % l)
    linked.add(l["from"])

# ---- gaps: exactly the unlinked tasks of documents that are not their unit's last
last = {}
for f, d in docs.items():
    u = d["unit"]
    if u not in last or d["planned_period"] > docs[last[u]]["planned_period"]:
        last[u] = f
want = sorted(it["id"] for it in gold["tasks"] if it["id"] not in linked and last[unit[it["file"]]] != it["file"])
got = sorted(gold["gaps"])
if got != want:
    err("gaps %s != unlinked tasks %s" % (got, want))
if len(set(got)) != len(got):
    err("duplicate gaps")

# ---- decoys never linked (cross-unit pairs, and this series' near misses if listed)
decoys = [tuple(p) for p in gold.get("cross_unit_decoys", [])]
nm = os.path.join(HERE, "_src", "near_misses.json")
if os.path.exists(nm):
    decoys += [tuple(p) for p in json.load(open(nm, encoding="utf-8"))]
for a, b in decoys:
    if a not in items or b not in items:
        err("decoy with unknown id %s %s" % (a, b))
    if (a, b) in pairs or (b, a) in pairs:
        err("decoy linked %s %s" % (a, b))
for a, b in gold.get("cross_unit_decoys", []):
    if a in items and b in items and unit[items[a][1]["file"]] == unit[items[b][1]["file"]]:
        err("cross_unit_decoys pair within one unit %s %s" % (a, b))

if errs:
    print("\n".join(errs))
    print("FAILED: %d problem(s)" % len(errs))
    sys.exit(1)
print("OK: %d documents, %d tasks, %d results, %d follow-through, %d carry-over, %d gaps, %d decoys"
      % (len(docs), len(gold["tasks"]), len(gold["results"]), len(gold["follow_through"]),
         len(gold["carry_over"]), len(gold["gaps"]), len(gold.get("cross_unit_decoys", []))))
