#!/usr/bin/env python3
"""Check gold.json of the hand-labelled series beside this file. Prints OK or the errors."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---- form
KEYS = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps"}
for k in KEYS:
    if k not in gold:
        err("missing key " + k)
for k in gold:
    if k not in KEYS | {"cross_unit_decoys"}:
        err("unknown key " + k)
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document fields %r" % d)
    if not isinstance(d.get("reported_months"), list):
        err("reported_months not a list in %s" % d.get("file"))
for coll in ("tasks", "results"):
    for it in gold[coll]:
        if set(it) != {"id", "file", "period", "text"}:
            err("%s fields %r" % (coll, it))
        if not isinstance(it.get("text"), str) or not it["text"].strip():
            err("empty text %s" % it.get("id"))
        if it["text"] != it["text"].strip():
            err("text with outer spaces %s" % it["id"])
for f in gold["follow_through"]:
    if set(f) != {"task", "result", "status"}:
        err("follow_through fields %r" % f)
for c in gold["carry_over"]:
    if set(c) != {"from", "to", "kind"}:
        err("carry_over fields %r" % c)
PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

docs = {d["file"]: d for d in gold["documents"]}
if len(docs) != len(gold["documents"]):
    err("duplicate document")
items = {}
for coll in ("tasks", "results"):
    for it in gold[coll]:
        if it["id"] in items:
            err("duplicate id " + it["id"])
        items[it["id"]] = dict(it, kind=coll[:-1])
        if it["file"] not in docs:
            err("item %s in unknown file %s" % (it["id"], it["file"]))
        if not PERIOD.match(it["period"]):
            err("bad period %s" % it["id"])

# ---- file names, encoding
NAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if sorted(docs) != on_disk:
    err("documents listed %s differ from .txt on disk %s" % (sorted(docs), on_disk))
texts = {}
for fn, d in docs.items():
    m = NAME.match(fn)
    if not m:
        err("bad file name " + fn)
        continue
    if m.group(2) != d["planned_period"]:
        err("%s: name month %s != planned_period %s" % (fn, m.group(2), d["planned_period"]))
    for p in [d["planned_period"]] + d["reported_months"]:
        if not PERIOD.match(p):
            err("%s: bad period %s" % (fn, p))
    raw = open(os.path.join(HERE, fn), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(fn + ": BOM")
    if b"\r" in raw:
        err(fn + ": CR line end")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(fn + ": not UTF-8")
        continue
    if unicodedata.normalize("NFC", t) != t:
        err(fn + ": not NFC")
    if "{{" in t or "}}" in t:
        err(fn + ": hand mark left in text")
    texts[fn] = t

# ---- exact unique substrings, no overlaps
spans = {fn: [] for fn in texts}
for iid, it in items.items():
    t = texts.get(it["file"])
    if t is None:
        continue
    n = t.count(it["text"])
    if n != 1:
        err("%s: text found %d times in %s" % (iid, n, it["file"]))
        continue
    s = t.index(it["text"])
    spans[it["file"]].append((s, s + len(it["text"]), iid))
for fn, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err("%s: %s overlaps %s" % (fn, a[2], b[2]))

# ---- sections: every sentence / bullet labelled
RES_START = re.compile(r"^1\. Báo cáo kết quả thực hiện nhiệm vụ tháng (.+) năm (\d{4})$")
RES_END = re.compile(r"^Tồn tại, hạn chế:?$")
TASK_START = re.compile(r"^Nhiệm vụ trọng tâm tháng (\d{1,2}) năm (\d{4}):$")
TASK_END = re.compile(r"^Giao ")
SUBPERIOD = re.compile(r"Kết quả tháng (\d{1,2}) năm (\d{4}):$")
BULLET = re.compile(r"^(?:-|\+|•|\*|\(\d+\)|\d+\.|[a-zđ]\))\s+")


def line_offsets(t):
    off, out = 0, []
    for ln in t.split("\n"):
        out.append((off, ln))
        off += len(ln) + 1
    return out


for fn, t in texts.items():
    d = docs[fn]
    by_start = {s: (e, iid) for s, e, iid in spans[fn]}
    lines = line_offsets(t)
    sect, sub_period = None, None
    seen_res = seen_task = False
    in_section = {}
    for off, ln in lines:
        m = RES_START.match(ln)
        if m:
            seen_res, sect, sub_period = True, "result", None
            months = re.findall(r"\d{1,2}", m.group(1))
            decl = ["%s-%02d" % (m.group(2), int(x)) for x in months]
            if decl != d["reported_months"]:
                err("%s: results heading months %s != reported_months %s" % (fn, decl, d["reported_months"]))
            continue
        if sect == "result" and RES_END.match(ln):
            sect = None
            continue
        m = TASK_START.match(ln)
        if m:
            seen_task, sect = True, "task"
            decl = "%s-%02d" % (m.group(2), int(m.group(1)))
            if decl != d["planned_period"]:
                err("%s: tasks heading %s != planned_period %s" % (fn, decl, d["planned_period"]))
            continue
        if sect == "task" and TASK_END.match(ln):
            sect = None
            continue
        # items on this line
        on_line = sorted((s, e, iid) for s, e, iid in spans[fn] if off <= s < off + len(ln) + 1)
        for s, e, iid in on_line:
            in_section[iid] = sect
        if sect is None or not ln.strip():
            continue
        ms = SUBPERIOD.search(ln)
        if ms and not on_line:
            sub_period = "%s-%02d" % (ms.group(2), int(ms.group(1)))
            continue
        if ln.rstrip().endswith(":") and not on_line:
            continue  # heading or lead-in
        body_off = off + (BULLET.match(ln).end() if BULLET.match(ln) else 0)
        pos = body_off
        end = off + len(ln)
        if not on_line:
            err("%s: unlabelled line in %s section: %r" % (fn, sect, ln[:80]))
            continue
        for s, e, iid in on_line:
            gap = t[pos:s]
            if pos == body_off:
                if gap != "":
                    err("%s: unlabelled text %r before %s" % (fn, gap, iid))
            elif not re.fullmatch(r"[.;]? ", gap):
                err("%s: unlabelled text %r before %s" % (fn, gap, iid))
            pos = e
            if sect == "result" and sub_period and items[iid]["period"] != sub_period:
                err("%s: %s period %s but under sub-heading %s" % (fn, iid, items[iid]["period"], sub_period))
        if not re.fullmatch(r"[.;]?", t[pos:end]):
            err("%s: unlabelled text %r at end of line" % (fn, t[pos:end]))
    if not seen_task:
        err(fn + ": no tasks section")
    if not seen_res:
        err(fn + ": no results section")
    for s, e, iid in spans[fn]:
        want = items[iid]["kind"]
        if in_section.get(iid) != want:
            err("%s: %s lies in section %s, not %s" % (fn, iid, in_section.get(iid), want))

# ---- counts and periods
order = sorted(docs, key=lambda f: docs[f]["planned_period"])
rank = {f: i for i, f in enumerate(order)}
for fn in order:
    d = docs[fn]
    nt = sum(1 for it in gold["tasks"] if it["file"] == fn)
    nr = sum(1 for it in gold["results"] if it["file"] == fn)
    if not 10 <= nt <= 18:
        err("%s: %d tasks" % (fn, nt))
    if not (10 <= nr <= 18 or nr == 0):
        err("%s: %d results" % (fn, nr))
    for rm in d["reported_months"]:
        if rm >= d["planned_period"]:
            err("%s: reports %s not before planned %s" % (fn, rm, d["planned_period"]))
for it in gold["tasks"]:
    if it["period"] != docs[it["file"]]["planned_period"]:
        err("%s: period %s != planned period of its file" % (it["id"], it["period"]))
for it in gold["results"]:
    if it["period"] not in docs[it["file"]]["reported_months"]:
        err("%s: period %s not reported by its file" % (it["id"], it["period"]))

# ---- links
unit = lambda iid: docs[items[iid]["file"]]["unit"]
linked = set()
pairs = set()
for f in gold["follow_through"]:
    t, r = f["task"], f["result"]
    if t not in items or items[t]["kind"] != "task":
        err("follow_through: bad task %s" % t); continue
    if r not in items or items[r]["kind"] != "result":
        err("follow_through: bad result %s" % r); continue
    if f["status"] not in ("done", "partial"):
        err("follow_through %s->%s: status %s" % (t, r, f["status"]))
    if unit(t) != unit(r):
        err("follow_through %s->%s across units" % (t, r))
    if rank[items[r]["file"]] <= rank[items[t]["file"]]:
        err("follow_through %s->%s not forward" % (t, r))
    if items[r]["period"] != items[t]["period"]:
        err("follow_through %s->%s: result period %s != task period %s" % (t, r, items[r]["period"], items[t]["period"]))
    first = next((fn for fn in order if rank[fn] > rank[items[t]["file"]]
                  and docs[fn]["unit"] == unit(t) and items[t]["period"] in docs[fn]["reported_months"]), None)
    if items[r]["file"] != first:
        err("follow_through %s->%s: not in the first document reporting %s" % (t, r, items[t]["period"]))
    if (t, r) in pairs:
        err("duplicate follow_through %s->%s" % (t, r))
    pairs.add((t, r))
    linked.add(t)
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
cpairs = set()
for c in gold["carry_over"]:
    a, b = c["from"], c["to"]
    if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
        err("carry_over: bad ids %s->%s" % (a, b)); continue
    if c["kind"] not in KINDS:
        err("carry_over %s->%s: kind %s" % (a, b, c["kind"]))
    if unit(a) != unit(b):
        err("carry_over %s->%s across units" % (a, b))
    if rank[items[b]["file"]] <= rank[items[a]["file"]] or items[b]["period"] <= items[a]["period"]:
        err("carry_over %s->%s not forward" % (a, b))
    if (a, b) in cpairs:
        err("duplicate carry_over %s->%s" % (a, b))
    cpairs.add((a, b))
    linked.add(a)

# ---- gaps
last = {}
for fn in order:
    last[docs[fn]["unit"]] = fn
want_gaps = sorted((it["id"] for it in gold["tasks"]
                    if it["id"] not in linked and last[docs[it["file"]]["unit"]] != it["file"]),
                   key=lambda x: (x[:3], int(x[4:])))
got = sorted(gold["gaps"], key=lambda x: (x[:3], int(x[4:])))
if want_gaps != got:
    err("gaps %s != unlinked tasks of non-last documents %s" % (got, want_gaps))
if len(set(gold["gaps"])) != len(gold["gaps"]):
    err("duplicate gap")
for it in gold["tasks"]:
    if last[docs[it["file"]]["unit"]] == it["file"] and it["id"] in linked:
        err("%s: task of last document has an outgoing link" % it["id"])

# ---- decoys never linked
all_links = pairs | cpairs | {(b, a) for a, b in pairs | cpairs}
for a, b in gold.get("cross_unit_decoys", []):
    if a not in items or b not in items:
        err("decoy with unknown id %s %s" % (a, b)); continue
    if unit(a) == unit(b):
        err("cross_unit_decoy %s %s in one unit" % (a, b))
    if (a, b) in all_links:
        err("decoy %s %s linked" % (a, b))
dpath = os.path.join(HERE, "_src", "decoys.json")
n_within = 0
if os.path.exists(dpath):
    for a, b in json.load(open(dpath, encoding="utf-8"))["within_unit_decoys"]:
        n_within += 1
        if a not in items or b not in items:
            err("within-unit decoy with unknown id %s %s" % (a, b)); continue
        if (a, b) in all_links:
            err("within-unit decoy %s %s linked" % (a, b))
        if a in linked and a in gold["gaps"]:
            err("decoy task %s both gap and linked" % a)

if errors:
    for e in errors:
        print("ERROR:", e)
    sys.exit(1)
print("OK: %d documents, %d tasks, %d results, %d follow-through, %d carry-over, %d gaps, "
      "%d cross-unit decoys, %d within-unit decoys"
      % (len(docs), len(gold["tasks"]), len(gold["results"]), len(gold["follow_through"]),
         len(gold["carry_over"]), len(gold["gaps"]), len(gold.get("cross_unit_decoys", [])), n_within))
