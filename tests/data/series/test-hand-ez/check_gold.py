#!/usr/bin/env python3
"""Check gold.json of this folder against its documents.  Prints OK or the problems."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def month_of(s):
    return tuple(int(x) for x in s.split("-"))


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---- form
REQ = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps"}
OPT = {"cross_unit_decoys"}
if not REQ <= set(gold) or set(gold) - REQ - OPT:
    err("top-level keys: %s" % sorted(gold))
PER = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document keys %s" % d)
    if not isinstance(d["reported_months"], list) or not all(PER.match(m) for m in d["reported_months"]):
        err("reported_months %s" % d["file"])
    if not PER.match(d["planned_period"]):
        err("planned_period %s" % d["file"])
for k in ("tasks", "results"):
    for it in gold[k]:
        if set(it) != {"id", "file", "period", "text"} or not PER.match(it["period"]):
            err("%s item form %s" % (k, it.get("id")))
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err("follow_through form %s" % l)
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err("carry_over form %s" % l)
if not all(isinstance(g, str) for g in gold["gaps"]):
    err("gaps form")
for p in gold.get("cross_unit_decoys", []):
    if not (isinstance(p, list) and len(p) == 2):
        err("decoy form %s" % p)

docs = {d["file"]: d for d in gold["documents"]}
if len(docs) != len(gold["documents"]):
    err("duplicate document")
items = {}
for k in ("tasks", "results"):
    for it in gold[k]:
        if it["id"] in items:
            err("duplicate id %s" % it["id"])
        items[it["id"]] = dict(it, kind=k)
        if it["file"] not in docs:
            err("item %s in unknown file" % it["id"])

# ---- files
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
texts = {}
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if on_disk != sorted(docs):
    err("documents on disk %s differ from gold %s" % (on_disk, sorted(docs)))
for f, d in docs.items():
    m = FNAME.match(f)
    if not m:
        err("bad file name %s" % f)
    elif m.group(2) != d["planned_period"]:
        err("%s: name month is not the planned period" % f)
    raw = open(os.path.join(HERE, f), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s has a BOM" % f)
    if b"\r" in raw:
        err("%s has CR line ends" % f)
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err("%s not UTF-8" % f)
        continue
    if unicodedata.normalize("NFC", t) != t:
        err("%s not NFC" % f)
    texts[f] = t

# ---- texts: exact, unique, no overlap
spans = {f: [] for f in docs}
for iid, it in items.items():
    t = texts.get(it["file"], "")
    n = t.count(it["text"])
    if n != 1:
        err("%s: text found %d times" % (iid, n))
        continue
    s = t.index(it["text"])
    spans[it["file"]].append((s, s + len(it["text"]), iid))
for f, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if a[1] > b[0]:
            err("%s: %s overlaps %s" % (f, a[2], b[2]))

# ---- sections, coverage and periods read from the documents
MARKER = re.compile(r"^(\(\d+\)|-|[a-zđ]\)|\d+\.\d+\.)\s+")
SUBHEAD = re.compile(r"^\d+\.\s+\S")


def sections(t):
    """line offsets of sections I (results), II, III (tasks), IV"""
    out = {}
    pos = 0
    for line in t.split("\n"):
        for key in ("I", "II", "III", "IV"):
            if line.startswith(key + ". ") and line[len(key) + 2:].isupper():
                out.setdefault(key, (pos, line))
        pos += len(line) + 1
    return out


def months_in(head, default_year=None):
    ys = re.findall(r"(\d{4})", head)
    year = int(ys[-1]) if ys else default_year
    ms = re.findall(r"THÁNG\s+(\d{1,2})", head, re.I)
    return ["%04d-%02d" % (year, int(m)) for m in ms]


for f, t in texts.items():
    d = docs[f]
    sec = sections(t)
    if set(sec) != {"I", "II", "III", "IV"}:
        err("%s: sections found %s" % (f, sorted(sec)))
        continue
    # periods from the headings
    rep = months_in(sec["I"][1])
    if rep != d["reported_months"]:
        err("%s: heading I gives %s, gold %s" % (f, rep, d["reported_months"]))
    pl = months_in(sec["III"][1])
    if pl != [d["planned_period"]]:
        err("%s: heading III gives %s, gold %s" % (f, pl, d["planned_period"]))
    if any(month_of(m) >= month_of(d["planned_period"]) for m in d["reported_months"]):
        err("%s: reported month not before planned period" % f)
    ranges = {"results": (sec["I"][0], sec["II"][0]), "tasks": (sec["III"][0], sec["IV"][0])}
    for kind, (lo, hi) in ranges.items():
        mine = [(s, e, i) for s, e, i in spans[f] if items[i]["kind"] == kind]
        for s, e, i in spans[f]:
            inside = lo <= s and e <= hi
            if inside != (items[i]["kind"] == kind):
                err("%s: %s lies in the wrong section" % (f, i))
        covered = set()
        for s, e, i in mine:
            covered.update(range(s, e))
        pos = lo
        sub_month = None
        for line in t[lo:hi].split("\n"):
            start = pos
            pos += len(line) + 1
            st = line.strip()
            if not st or start == lo:
                continue
            if SUBHEAD.match(st) and not st.endswith((".", ";")):
                ms = months_in(st, int(d["planned_period"][:4])) if kind == "results" else []
                sub_month = ms[0] if len(ms) == 1 else None
                continue
            if st.endswith(":"):
                continue  # lead-in
            m = MARKER.match(line)
            body_lo = start + (m.end() if m else 0)
            for j in range(body_lo, start + len(line)):
                if t[j].isalnum() and j not in covered:
                    err("%s: unlabelled text in %s section: %r" % (f, kind, line[:60]))
                    break
            if kind == "results" and sub_month:
                for s, e, i in mine:
                    if start <= s < start + len(line) and items[i]["period"] != sub_month:
                        err("%s: %s period %s but its subsection is %s" % (f, i, items[i]["period"], sub_month))
    nt = sum(1 for i in spans[f] if items[i[2]]["kind"] == "tasks")
    nr = sum(1 for i in spans[f] if items[i[2]]["kind"] == "results")
    if not 10 <= nt <= 18:
        err("%s: %d tasks" % (f, nt))
    if not (nr == 0 or 10 <= nr <= 18):
        err("%s: %d results" % (f, nr))

# ---- item periods
for iid, it in items.items():
    d = docs.get(it["file"])
    if not d:
        continue
    if it["kind"] == "tasks" and it["period"] != d["planned_period"]:
        err("%s: task period %s != planned %s" % (iid, it["period"], d["planned_period"]))
    if it["kind"] == "results" and it["period"] not in d["reported_months"]:
        err("%s: result period %s not reported" % (iid, it["period"]))

# ---- links
def unit(i):
    return docs[items[i]["file"]]["unit"]


def planned(i):
    return month_of(docs[items[i]["file"]]["planned_period"])


linked = set()
pairs = set()
for l in gold["follow_through"]:
    t, r = l["task"], l["result"]
    if items.get(t, {}).get("kind") != "tasks" or items.get(r, {}).get("kind") != "results":
        err("follow_through ids %s" % l)
        continue
    if l["status"] not in ("done", "partial"):
        err("status %s" % l)
    if unit(t) != unit(r):
        err("follow_through across units %s" % l)
    if not planned(r) > planned(t) or month_of(items[r]["period"]) < month_of(items[t]["period"]):
        err("follow_through not forward %s" % l)
    if (t, r) in pairs:
        err("duplicate link %s" % l)
    pairs.add((t, r))
    linked.add(t)
for l in gold["carry_over"]:
    a, b = l["from"], l["to"]
    if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
        err("carry_over ids %s" % l)
        continue
    if l["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
        err("kind %s" % l)
    if unit(a) != unit(b):
        err("carry_over across units %s" % l)
    if not month_of(items[b]["period"]) > month_of(items[a]["period"]):
        err("carry_over not forward %s" % l)
    if (a, b) in pairs:
        err("duplicate link %s" % l)
    pairs.add((a, b))
    linked.add(a)

# ---- gaps: exactly the unlinked tasks of non-last documents
last = {}
for d in gold["documents"]:
    u = d["unit"]
    if u not in last or month_of(d["planned_period"]) > month_of(last[u]):
        last[u] = d["planned_period"]
want = sorted(i for i, it in items.items() if it["kind"] == "tasks" and i not in linked
              and docs[it["file"]]["planned_period"] != last[docs[it["file"]]["unit"]])
if sorted(gold["gaps"]) != want or len(set(gold["gaps"])) != len(gold["gaps"]):
    err("gaps %s, expected %s" % (sorted(gold["gaps"]), want))

# ---- decoys never linked
def check_decoys(pairs_list, cross):
    for a, b in pairs_list:
        if a not in items or b not in items:
            err("decoy ids %s %s" % (a, b))
            continue
        if cross and unit(a) == unit(b):
            err("cross-unit decoy within one unit %s %s" % (a, b))
        if (a, b) in pairs or (b, a) in pairs:
            err("decoy linked %s %s" % (a, b))


check_decoys(gold.get("cross_unit_decoys", []), True)
intra = os.path.join(HERE, "_src", "intra_decoys.json")
if os.path.exists(intra):
    check_decoys(json.load(open(intra, encoding="utf-8")), False)

if errors:
    for e in errors:
        print(e)
    sys.exit(1)
print("OK")
