#!/usr/bin/env python3
"""Check gold.json of the hand-en series against its documents.  Prints OK."""
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
HEADING = re.compile(r"^(?:[IVX]+|\d+|[a-z])[\.\)] ")
MONTH_HEAD = re.compile(r"^[a-z]\) Tháng (\d{1,2})/(\d{4}):$")
B_PARA = re.compile(r"^\d+\. Về [^:]+: (.*)$")
INNER_SENT = re.compile(r"[.!?] +[A-ZÀ-ỸĐ]")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}

with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
    gold = json.load(f)

# ------------------------------------------------------------------ form
TOP = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
if set(gold) != TOP:
    err("top-level keys %s" % sorted(gold))
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document keys %s" % d)
    if not isinstance(d["reported_months"], list) or not all(MONTH.match(m) for m in d["reported_months"]):
        err("reported_months %s" % d)
    if not MONTH.match(d["planned_period"]):
        err("planned_period %s" % d)
for key in ("tasks", "results"):
    for it in gold[key]:
        if set(it) != {"id", "file", "period", "text"} or not all(isinstance(v, str) for v in it.values()):
            err("%s item form %s" % (key, it))
        if not MONTH.match(it["period"]):
            err("period %s" % it["id"])
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err("follow_through form %s" % l)
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err("carry_over form %s" % l)
if not all(isinstance(g, str) for g in gold["gaps"]):
    err("gaps form")
for p in gold["cross_unit_decoys"]:
    if not (isinstance(p, list) and len(p) == 2):
        err("decoy form %s" % p)

docs = {d["file"]: d for d in gold["documents"]}
if len(docs) != len(gold["documents"]):
    err("duplicate document rows")
items = {}
for key, kind in (("tasks", "T"), ("results", "R")):
    for it in gold[key]:
        if it["id"] in items:
            err("duplicate id %s" % it["id"])
        items[it["id"]] = dict(it, kind=kind)
        if it["file"] not in docs:
            err("%s: unknown file %s" % (it["id"], it["file"]))


def unit(iid):
    return docs[items[iid]["file"]]["unit"]


def planned(iid):
    return docs[items[iid]["file"]]["planned_period"]


# ----------------------------------------------------- files and encoding
txt_on_disk = sorted(n for n in os.listdir(HERE) if n.endswith(".txt"))
if txt_on_disk != sorted(docs):
    err("documents on disk %s != gold %s" % (txt_on_disk, sorted(docs)))
texts = {}
for fn, d in docs.items():
    m = FNAME.match(fn)
    if not m:
        err("bad file name %s" % fn)
        continue
    if m.group(2) != d["planned_period"]:
        err("%s: name month != planned_period %s" % (fn, d["planned_period"]))
    raw = open(os.path.join(HERE, fn), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s: BOM" % fn)
    if b"\r" in raw:
        err("%s: CR line end" % fn)
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err("%s: not UTF-8 (%s)" % (fn, e))
        continue
    if unicodedata.normalize("NFC", t) != t:
        err("%s: not NFC" % fn)
    texts[fn] = t
    for m_ in d["reported_months"]:
        if not m_ < d["planned_period"]:
            err("%s: reported month %s not before planned %s" % (fn, m_, d["planned_period"]))

# units: one slug per unit
slug_unit = defaultdict(set)
for fn, d in docs.items():
    m = FNAME.match(fn)
    if m:
        slug_unit[m.group(1)].add(d["unit"])
for s, us in slug_unit.items():
    if len(us) != 1:
        err("slug %s has units %s" % (s, us))

# ---------------------------------------- exact unique substrings, overlaps
spans = defaultdict(list)  # file -> [(start, end, id)]
for iid, it in items.items():
    t = texts.get(it["file"])
    if t is None:
        continue
    if unicodedata.normalize("NFC", it["text"]) != it["text"]:
        err("%s: text not NFC" % iid)
    n = t.count(it["text"])
    if n != 1:
        err("%s: text occurs %d times in %s" % (iid, n, it["file"]))
        continue
    s = t.index(it["text"])
    spans[it["file"]].append((s, s + len(it["text"]), iid))
    if INNER_SENT.search(it["text"]):
        err("%s: item holds more than one sentence" % iid)
for fn, sp in spans.items():
    sp.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
        if a2 < b1:
            err("%s: %s overlaps %s" % (fn, i1, i2))


# ------------------------------------------------- coverage of the sections
def line_offsets(t):
    off, out = 0, []
    for line in t.split("\n"):
        out.append((off, line))
        off += len(line) + 1
    return out


for fn, t in texts.items():
    d = docs[fn]
    by_start = {s: (e, iid) for s, e, iid in spans[fn]}
    covered = set()
    lines = line_offsets(t)
    if "Những kết quả nổi bật" in t:  # ward A: Báo cáo, bullets
        section, month = None, None
        for off, line in lines:
            st = line.strip()
            if st.startswith("1. Những kết quả nổi bật"):
                section = "R"; continue
            if st.startswith("2. Những việc chưa làm được"):
                section = None; continue
            if st.startswith("II. NHIỆM VỤ"):
                section = "T"; continue
            if st.startswith("Giao các đồng chí"):
                section = None; continue
            if section is None or not st:
                continue
            if line.startswith("- "):
                s = off + 2
                if s not in by_start:
                    err("%s: unlabelled bullet: %s" % (fn, line[:70])); continue
                e, iid = by_start[s]
                rest = t[e:off + len(line)]
                if rest not in (";", "."):
                    err("%s: bullet not fully one item (%r): %s" % (fn, rest, iid))
                if items[iid]["kind"] != section:
                    err("%s: %s in the wrong section" % (fn, iid))
                if section == "R" and month and items[iid]["period"] != month:
                    err("%s: %s period %s under heading %s" % (fn, iid, items[iid]["period"], month))
                covered.add(iid)
            else:
                mh = MONTH_HEAD.match(st)
                if mh and section == "R":
                    month = "%s-%02d" % (mh.group(2), int(mh.group(1)))
                elif not (HEADING.match(st) or st.endswith(":")):
                    err("%s: unlabelled non-heading line in section: %s" % (fn, st[:70]))
    elif "-TB/ĐU" in t:  # ward B: Thông báo kết luận, numbered mixed paragraphs
        inside = False
        for off, line in lines:
            st = line.strip()
            if st.endswith("kết luận như sau:"):
                inside = True; continue
            if st.startswith("* Hạn chế"):
                inside = False; continue
            if not inside or not st:
                continue
            m = B_PARA.match(line)
            if not m:
                err("%s: paragraph without heading: %s" % (fn, st[:70])); continue
            pos = off + m.start(1)
            end = off + len(line)
            while pos < end:
                if t[pos] in " .":
                    pos += 1; continue
                if pos not in by_start:
                    err("%s: unlabelled text: %s" % (fn, t[pos:pos + 70])); break
                e, iid = by_start[pos]
                covered.add(iid)
                pos = e
    else:
        err("%s: unknown document style" % fn)
    for s, e, iid in spans[fn]:
        if iid not in covered:
            err("%s: %s lies outside the results/tasks sections" % (fn, iid))

# ------------------------------------------------------- counts and periods
per_doc = defaultdict(Counter)
for iid, it in items.items():
    per_doc[it["file"]][it["kind"]] += 1
    d = docs.get(it["file"])
    if not d:
        continue
    if it["kind"] == "T" and it["period"] != d["planned_period"]:
        err("%s: task period %s != planned %s" % (iid, it["period"], d["planned_period"]))
    if it["kind"] == "R" and it["period"] not in d["reported_months"]:
        err("%s: result period %s not reported by %s" % (iid, it["period"], it["file"]))
for fn, d in docs.items():
    nt, nr = per_doc[fn]["T"], per_doc[fn]["R"]
    if not 10 <= nt <= 18:
        err("%s: %d tasks" % (fn, nt))
    if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
        err("%s: %d results" % (fn, nr))
    got = sorted({items[i]["period"] for i in items if items[i]["file"] == fn and items[i]["kind"] == "R"})
    if got != sorted(d["reported_months"]):
        err("%s: result periods %s != reported_months %s" % (fn, got, d["reported_months"]))

# skipped months: each unit's reported months run without hole
by_unit = defaultdict(list)
for fn, d in docs.items():
    by_unit[d["unit"]].append(d)
for u, ds in by_unit.items():
    ds.sort(key=lambda d: d["planned_period"])
    for a, b in zip(ds, ds[1:]):
        y, mth = map(int, a["planned_period"].split("-"))
        want = []
        cur = a["planned_period"]
        while cur < b["planned_period"]:
            want.append(cur)
            mth += 1
            if mth == 13:
                y, mth = y + 1, 1
            cur = "%04d-%02d" % (y, mth)
        if b["reported_months"] != want:
            err("%s: %s reports %s, expected %s" % (u, b["file"], b["reported_months"], want))

# ------------------------------------------------------------------ links
linked_pairs = set()
has_link = set()
seen = set()
for l in gold["follow_through"]:
    t, r = l["task"], l["result"]
    if (t, r) in seen:
        err("duplicate follow-through %s" % l)
    seen.add((t, r))
    if items.get(t, {}).get("kind") != "T" or items.get(r, {}).get("kind") != "R":
        err("follow-through ids %s" % l); continue
    if l["status"] not in STATUSES:
        err("status %s" % l)
    if unit(t) != unit(r):
        err("cross-unit follow-through %s" % l)
    if not planned(r) > planned(t) or items[r]["period"] < items[t]["period"]:
        err("follow-through not forward in time %s" % l)
    linked_pairs.add(frozenset((t, r)))
    has_link.add(t)
seen = set()
for l in gold["carry_over"]:
    a, b = l["from"], l["to"]
    if (a, b) in seen:
        err("duplicate carry-over %s" % l)
    seen.add((a, b))
    if items.get(a, {}).get("kind") != "T" or items.get(b, {}).get("kind") != "T":
        err("carry-over ids %s" % l); continue
    if l["kind"] not in KINDS:
        err("kind %s" % l)
    if unit(a) != unit(b):
        err("cross-unit carry-over %s" % l)
    if not planned(b) > planned(a):
        err("carry-over not forward in time %s" % l)
    linked_pairs.add(frozenset((a, b)))
    has_link.add(a)

last = {u: max(d["planned_period"] for d in ds) for u, ds in by_unit.items()}
want_gaps = {i for i, it in items.items()
             if it["kind"] == "T" and planned(i) < last[unit(i)] and i not in has_link}
if len(gold["gaps"]) != len(set(gold["gaps"])):
    err("duplicate gaps")
if set(gold["gaps"]) != want_gaps:
    err("gaps differ: missing %s, extra %s" % (sorted(want_gaps - set(gold["gaps"])),
                                               sorted(set(gold["gaps"]) - want_gaps)))

# ------------------------------------------------------------------ decoys
seen = set()
for p in gold["cross_unit_decoys"]:
    a, b = p
    if a not in items or b not in items:
        err("decoy ids %s" % p); continue
    if unit(a) == unit(b):
        err("decoy within one unit %s" % p)
    if frozenset(p) in linked_pairs:
        err("decoy linked %s" % p)
    if frozenset(p) in seen:
        err("duplicate decoy %s" % p)
    seen.add(frozenset(p))
if len(by_unit) == 2 and len(gold["cross_unit_decoys"]) < 20:
    err("fewer than 20 decoy pairs")

# ----------------------------------------------------------------- report
if errors:
    for e in errors:
        print("ERROR:", e)
    sys.exit(1)
ft = Counter(l["status"] for l in gold["follow_through"])
co = Counter(l["kind"] for l in gold["carry_over"])
print("documents %d, tasks %d, results %d" % (len(docs), len(gold["tasks"]), len(gold["results"])))
print("follow-through %d %s" % (len(gold["follow_through"]), dict(sorted(ft.items()))))
print("carry-over %d %s" % (len(gold["carry_over"]), dict(sorted(co.items()))))
print("gaps %d, decoys %d" % (len(gold["gaps"]), len(gold["cross_unit_decoys"])))
for fn in sorted(docs):
    print("  %-24s tasks %2d results %2d" % (fn, per_doc[fn]["T"], per_doc[fn]["R"]))
print("OK")
