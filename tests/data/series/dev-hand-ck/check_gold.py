#!/usr/bin/env python3
"""Check gold.json of this folder against the documents beside it. Prints OK or the errors."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-\d{2}$")
errors = []


def err(msg):
    errors.append(msg)


def month_no(period):
    return int(period.split("-")[1])


# ---------------------------------------------------------------- form
gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if not isinstance(gold.get(key), list):
        err("gold.json: missing list %r" % key)
extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
if extra:
    err("gold.json: unknown keys %s" % sorted(extra))
if errors:
    print("\n".join(errors))
    sys.exit(1)

docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document fields %s" % sorted(d))
        continue
    if d["file"] in docs:
        err("document listed twice: %s" % d["file"])
    docs[d["file"]] = d
    m = NAME.match(d["file"])
    if not m:
        err("bad file name %s" % d["file"])
    elif m.group(1) != d["planned_period"]:
        err("%s: name month %s != planned_period %s" % (d["file"], m.group(1), d["planned_period"]))
    if not MONTH.match(d["planned_period"]) or not all(MONTH.match(x) for x in d["reported_months"]):
        err("%s: bad period format" % d["file"])
    if any(x >= d["planned_period"] for x in d["reported_months"]):
        err("%s: a reported month is not before the planned month" % d["file"])
    if not isinstance(d["unit"], str) or not d["unit"]:
        err("%s: empty unit" % d["file"])

on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if on_disk != sorted(docs):
    err("documents on disk %s != documents in gold %s" % (on_disk, sorted(docs)))

# ---------------------------------------------------------------- encoding
texts = {}
for f in docs:
    raw = open(os.path.join(HERE, f), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s: BOM" % f)
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err("%s: not UTF-8" % f)
        continue
    if "\r" in t:
        err("%s: CR line ends" % f)
    if unicodedata.normalize("NFC", t) != t:
        err("%s: not NFC" % f)
    texts[f] = t

# ---------------------------------------------------------------- items
items = {}
for kind, lst in (("task", gold["tasks"]), ("result", gold["results"])):
    for it in lst:
        if set(it) != {"id", "file", "period", "text"}:
            err("%s fields %s" % (kind, sorted(it)))
            continue
        if it["id"] in items:
            err("duplicate id %s" % it["id"])
        if it["file"] not in docs:
            err("%s: unknown file %s" % (it["id"], it["file"]))
            continue
        items[it["id"]] = dict(it, kind=kind)

spans = {f: [] for f in docs}
for i, it in items.items():
    t = texts.get(it["file"], "")
    n = t.count(it["text"])
    if n != 1:
        err("%s: text found %d times in %s" % (i, n, it["file"]))
        continue
    if it["text"] != it["text"].strip() or not it["text"]:
        err("%s: text has outer blanks" % i)
    s = t.index(it["text"])
    spans[it["file"]].append((s, s + len(it["text"]), i))

for f, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err("%s: %s and %s overlap" % (f, a[2], b[2]))

# ---------------------------------------------------------------- sections and coverage
PAGE = re.compile(r"\n- \d+ -\n[^\n]*\n")
HEADING = re.compile(r"(?:\d+|[IVX]+)\.\s+[^.;:\n]+(?=\n|$)")
LEADIN = re.compile(r"(?:-\s+)?(?:\d+\.\s+)?[^.;:\n]+(?:\n[^.;:\n]+)*:")
SEP = re.compile(r"[\s.;,]+")


def section(t, start_re, end_re):
    ms = re.search(start_re, t, re.M)
    if not ms:
        return None
    body_start = t.index("\n", ms.start()) + 1
    me = re.search(end_re, t[body_start:], re.M)
    if not me:
        return None
    return t[ms.start():body_start - 1], body_start, body_start + me.start()


def check_fragment(f, frag, where):
    frag = PAGE.sub("\n", "\n" + frag + "\n")
    frag = re.sub(r"\(\d+\)", " ", frag)
    pos = 0
    while True:
        m = SEP.match(frag, pos)
        if m:
            pos = m.end()
        if pos >= len(frag):
            return
        m = HEADING.match(frag, pos) or LEADIN.match(frag, pos)
        if not m:
            err("%s: unlabelled text in %s: %r" % (f, where, frag[pos:pos + 80]))
            return
        pos = m.end()


for f, t in texts.items():
    d = docs[f]
    res = section(t, r"^I\. KẾT QUẢ", r"^II\. ")
    tsk = section(t, r"^III\. NHIỆM VỤ", r"^Trên đây là")
    if not res or not tsk:
        err("%s: sections not found" % f)
        continue
    # periods agree with the headings of the document
    rh, th = res[0], tsk[0]
    months_in_rh = [int(x) for x in re.findall(r"THÁNG (\d+)", rh)]
    if sorted(months_in_rh) != sorted(month_no(x) for x in d["reported_months"]):
        err("%s: results heading %r != reported_months %s" % (f, rh, d["reported_months"]))
    if [int(x) for x in re.findall(r"THÁNG (\d+)", th)] != [month_no(d["planned_period"])]:
        err("%s: tasks heading %r != planned_period" % (f, th))
    if re.search(r"NĂM (\d{4})", th) and re.search(r"NĂM (\d{4})", th).group(1) != d["planned_period"][:4]:
        err("%s: tasks heading year" % f)
    for name, (head, a, b), kind in (("results", res, "result"), ("tasks", tsk, "task")):
        inside = [(s, e, i) for s, e, i in spans[f] if s >= a and e <= b]
        for s, e, i in spans[f]:
            if items[i]["kind"] == kind and not (s >= a and e <= b):
                err("%s: %s %s lies outside the %s section" % (f, kind, i, name))
            if items[i]["kind"] != kind and s >= a and e <= b:
                err("%s: %s %s lies inside the %s section" % (f, items[i]["kind"], i, name))
        pos = a
        for s, e, i in inside:
            check_fragment(f, t[pos:s], name)
            pos = e
        check_fragment(f, t[pos:b], name)
    # no item outside the two sections
    for s, e, i in spans[f]:
        if not (res[1] <= s and e <= res[2]) and not (tsk[1] <= s and e <= tsk[2]):
            err("%s: %s outside the sections" % (f, i))
    # counts
    nt = sum(1 for i in items.values() if i["file"] == f and i["kind"] == "task")
    nr = sum(1 for i in items.values() if i["file"] == f and i["kind"] == "result")
    if not 10 <= nt <= 18:
        err("%s: %d tasks" % (f, nt))
    if not (10 <= nr <= 18 or nr == 0):
        err("%s: %d results" % (f, nr))

# ---------------------------------------------------------------- periods of items
for i, it in items.items():
    d = docs[it["file"]]
    if it["kind"] == "task" and it["period"] != d["planned_period"]:
        err("%s: period %s != planned %s" % (i, it["period"], d["planned_period"]))
    if it["kind"] == "result" and it["period"] not in d["reported_months"]:
        err("%s: period %s not reported in %s" % (i, it["period"], it["file"]))

# ---------------------------------------------------------------- links
by_unit = {}
for d in gold["documents"]:
    by_unit.setdefault(d["unit"], []).append(d)
for u in by_unit:
    by_unit[u].sort(key=lambda d: d["planned_period"])


def doc_of(i):
    return docs[items[i]["file"]]


linked = set()
seen = set()
for ft in gold["follow_through"]:
    if set(ft) != {"task", "result", "status"}:
        err("follow_through fields %s" % sorted(ft))
        continue
    t, r = ft["task"], ft["result"]
    if (t, r) in seen:
        err("duplicate follow_through %s -> %s" % (t, r))
    seen.add((t, r))
    if t not in items or items[t]["kind"] != "task" or r not in items or items[r]["kind"] != "result":
        err("follow_through %s -> %s: bad ids" % (t, r))
        continue
    if ft["status"] not in STATUSES:
        err("follow_through %s -> %s: status %s" % (t, r, ft["status"]))
    dt, dr = doc_of(t), doc_of(r)
    if dt["unit"] != dr["unit"]:
        err("follow_through %s -> %s across units" % (t, r))
        continue
    first = next((d for d in by_unit[dt["unit"]] if d["planned_period"] > dt["planned_period"]
                  and items[t]["period"] in d["reported_months"]), None)
    if first is None or first["file"] != dr["file"]:
        err("follow_through %s -> %s: result not in the first notice reporting %s" % (t, r, items[t]["period"]))
    linked.add(t)

seen = set()
for co in gold["carry_over"]:
    if set(co) != {"from", "to", "kind"}:
        err("carry_over fields %s" % sorted(co))
        continue
    a, b = co["from"], co["to"]
    if (a, b) in seen:
        err("duplicate carry_over %s -> %s" % (a, b))
    seen.add((a, b))
    if a not in items or b not in items or items[a]["kind"] != "task" or items[b]["kind"] != "task":
        err("carry_over %s -> %s: bad ids" % (a, b))
        continue
    if co["kind"] not in KINDS:
        err("carry_over %s -> %s: kind %s" % (a, b, co["kind"]))
    da, db = doc_of(a), doc_of(b)
    if da["unit"] != db["unit"]:
        err("carry_over %s -> %s across units" % (a, b))
    if not da["planned_period"] < db["planned_period"]:
        err("carry_over %s -> %s not forward in time" % (a, b))
    linked.add(a)

# ---------------------------------------------------------------- gaps
last = {u: ds[-1]["file"] for u, ds in by_unit.items()}
expected = {i for i, it in items.items() if it["kind"] == "task"
            and it["file"] != last[docs[it["file"]]["unit"]] and i not in linked}
gaps = gold["gaps"]
if len(set(gaps)) != len(gaps):
    err("duplicate gaps")
if set(gaps) != expected:
    err("gaps differ: missing %s, extra %s" % (sorted(expected - set(gaps)), sorted(set(gaps) - expected)))

# ---------------------------------------------------------------- decoys
pairs = {(x["task"], x["result"]) for x in gold["follow_through"]} | {(x["from"], x["to"]) for x in gold["carry_over"]}
for pair in gold.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in items for p in pair):
        err("decoy %s: bad ids" % (pair,))
        continue
    a, b = pair
    if doc_of(a)["unit"] == doc_of(b)["unit"]:
        err("decoy %s: same unit" % (pair,))
    if (a, b) in pairs or (b, a) in pairs:
        err("decoy %s is linked" % (pair,))
if len(by_unit) < 2 and gold.get("cross_unit_decoys"):
    err("decoys given for a one-unit series")

if errors:
    print("\n".join(errors))
    sys.exit(1)
print("OK")
