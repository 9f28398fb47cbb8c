#!/usr/bin/env python3
"""Check gold.json of the hand-EG series against its documents.

  python3 check_gold.py [SERIES_DIR]      (default: the folder of this script)

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / \\n line ends; every
item text an exact unique substring of its file, no overlaps; every bullet or numbered
item of the results section (I.) and of the tasks section (III.) labelled, headings and
lead-ins (ending with ':') skipped, page-number lines allowed inside an item; 10-18 tasks
and results per document; periods agree with the file names and section headings;
links within one unit and forward in time; allowed statuses and kinds; gaps exactly
the unlinked tasks of non-last documents; decoys never linked.  Prints OK or the errors.
"""
import json
import os
import re
import sys
import unicodedata

DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")

errors = []


def err(msg):
    errors.append(msg)


# ------------------------------------------------------------------ form
try:
    gold = json.load(open(os.path.join(DIR, "gold.json"), encoding="utf-8"))
except Exception as e:  # noqa
    print("FAIL: cannot read gold.json:", e)
    sys.exit(1)

for key, typ in [("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)]:
    if not isinstance(gold.get(key), typ):
        err(f"gold.json: '{key}' missing or not a {typ.__name__}")
decoys = gold.get("cross_unit_decoys", [])
if not isinstance(decoys, list):
    err("gold.json: cross_unit_decoys not a list")
    decoys = []
if errors:
    print("\n".join(errors))
    sys.exit(1)

docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err(f"document fields: {sorted(d)}")
        continue
    if d["file"] in docs:
        err(f"document listed twice: {d['file']}")
    m = FNAME.match(d["file"])
    if not m:
        err(f"bad file name: {d['file']}")
    elif m.group(2) != d["planned_period"]:
        err(f"{d['file']}: name month != planned_period {d['planned_period']}")
    if not MONTH.match(d["planned_period"]):
        err(f"{d['file']}: bad planned_period")
    if not isinstance(d["reported_months"], list) or not all(MONTH.match(x) for x in d["reported_months"]):
        err(f"{d['file']}: bad reported_months")
    elif any(x >= d["planned_period"] for x in d["reported_months"]):
        err(f"{d['file']}: a reported month is not before the planned period")
    docs[d["file"]] = d

on_disk = sorted(f for f in os.listdir(DIR) if f.endswith(".txt"))
if sorted(docs) != on_disk:
    err(f"documents in gold.json {sorted(docs)} != .txt files {on_disk}")

# ------------------------------------------------------------------ encoding
texts = {}
for f in docs:
    p = os.path.join(DIR, f)
    if not os.path.exists(p):
        err(f"missing file {f}")
        continue
    raw = open(p, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{f}: BOM")
    if b"\r" in raw:
        err(f"{f}: CR line ends")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{f}: not UTF-8: {e}")
        continue
    if unicodedata.normalize("NFC", t) != t:
        err(f"{f}: not NFC")
    if not t.endswith("\n"):
        err(f"{f}: no final newline")
    texts[f] = t

# ------------------------------------------------------------------ items
items = {}
for kind, key in (("task", "tasks"), ("result", "results")):
    for it in gold[key]:
        if set(it) != {"id", "file", "period", "text"}:
            err(f"{kind} fields: {sorted(it)}")
            continue
        if it["id"] in items:
            err(f"duplicate id {it['id']}")
        it = dict(it, kind=kind)
        items[it["id"]] = it
        d = docs.get(it["file"])
        if d is None:
            err(f"{it['id']}: unknown file {it['file']}")
            continue
        if kind == "task" and it["period"] != d["planned_period"]:
            err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
        if kind == "result" and it["period"] not in d["reported_months"]:
            err(f"{it['id']}: period {it['period']} not among reported {d['reported_months']}")
        t = texts.get(it["file"])
        if t is None:
            continue
        n = t.count(it["text"])
        if n != 1 or not it["text"].strip():
            err(f"{it['id']}: text occurs {n} times in {it['file']}")
            continue
        s = t.index(it["text"])
        it["span"] = (s, s + len(it["text"]))
        if it["text"] != it["text"].strip():
            err(f"{it['id']}: text has leading/trailing blanks")

for f in docs:
    spans = sorted((it["span"], i) for i, it in items.items() if it["file"] == f and "span" in it)
    for (a, ia), (b, ib) in zip(spans, spans[1:]):
        if b[0] < a[1]:
            err(f"{f}: {ia} and {ib} overlap")

# ------------------------------------------------------------------ sections / blocks
PAGE = re.compile(r"^(\d{1,2}|- \d{1,2} -)$")
ITEM = re.compile(r"^(- |\+ |\(\d+\) )")
HEAD = re.compile(r"^(\d+\. |[a-zđ]\) |\* )")
SEC_R = re.compile(r"^I\. KẾT QUẢ")
SEC_L = re.compile(r"^II\. HẠN CHẾ")
SEC_T = re.compile(r"^III\. (CHƯƠNG TRÌNH|NHIỆM VỤ|PHƯƠNG HƯỚNG)")
SEC_END = re.compile(r"^(Trên đây|Nơi nhận)")
WRAPPED = 60  # a line this long (or longer) was hard-wrapped
MONTHS_IN = re.compile(r"THÁNG (\d{1,2})")
YEAR_IN = re.compile(r"NĂM (\d{4})")


def blocks_of(text, lo, hi):
    """Blocks of lines lo..hi-1: (type, first-line marker, text without marker)."""
    lines = text.split("\n")
    out, cur = [], None

    def close():
        nonlocal cur
        if cur:
            ls = cur[2]
            while ls and PAGE.match(ls[-1]):
                ls.pop()
            out.append((cur[0], cur[1], "\n".join(ls)))
        cur = None

    for ln in lines[lo:hi]:
        if ln == "":
            close()
        elif PAGE.match(ln):
            if cur:
                cur[2].append(ln)
        elif ITEM.match(ln):
            close()
            m = ITEM.match(ln)
            cur = ["item", m.group(1), [ln[m.end():]]]
        elif HEAD.match(ln):
            close()
            cur = ["head", "", [ln]]
        elif cur is None:
            cur = ["lead", "", [ln]]
        else:
            # a continuation only if the last text line of the block was hard-wrapped
            # (long); after a short line, a new un-marked paragraph begins
            last = [x for x in cur[2] if not PAGE.match(x)][-1]
            if len(last) + len(cur[1]) < WRAPPED:
                close()
                cur = ["lead", "", [ln]]
            else:
                cur[2].append(ln)
    close()
    return out


def months_of(heading):
    ys = YEAR_IN.findall(heading)
    ms = MONTHS_IN.findall(heading)
    if len(ys) != 1:
        return None
    return sorted(f"{ys[0]}-{int(m):02d}" for m in ms)


for f, t in texts.items():
    d = docs[f]
    lines = t.split("\n")
    idx = {}
    for i, ln in enumerate(lines):
        for name, rx in (("R", SEC_R), ("L", SEC_L), ("T", SEC_T), ("E", SEC_END)):
            if rx.match(ln) and name not in idx:
                idx[name] = i
    if set(idx) != {"R", "L", "T", "E"} or not idx["R"] < idx["L"] < idx["T"] < idx["E"]:
        err(f"{f}: sections I/II/III/closing not found in order: {idx}")
        continue
    if months_of(lines[idx["R"]]) != sorted(d["reported_months"]):
        err(f"{f}: results heading months {months_of(lines[idx['R']])} != {d['reported_months']}")
    if months_of(lines[idx["T"]]) != [d["planned_period"]]:
        err(f"{f}: tasks heading months {months_of(lines[idx['T']])} != {d['planned_period']}")
    for kind, lo, hi in (("result", idx["R"] + 1, idx["L"]), ("task", idx["T"] + 1, idx["E"])):
        labels = {it["text"]: i for i, it in items.items() if it["file"] == f and it["kind"] == kind}
        seen = set()
        for typ, marker, body in blocks_of(t, lo, hi):
            if typ == "head":
                continue
            if typ == "lead":
                if not body.rstrip().endswith(":"):
                    err(f"{f}: unlabelled non-item text in {kind} section: {body[:60]!r}")
                continue
            if body in labels:
                seen.add(labels[body])
            else:
                err(f"{f}: {kind} item not labelled (or label differs): {body[:70]!r}")
        for text, i in labels.items():
            if i not in seen:
                err(f"{i}: label is not exactly one {kind} item of {f}'s section")
    nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "task")
    nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "result")
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks (want 10-18)")
    if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
        err(f"{f}: {nr} results (want 10-18)")

# ------------------------------------------------------------------ links
order = {}
for u in {d["unit"] for d in docs.values()}:
    fs = sorted((d["planned_period"], f) for f, d in docs.items() if d["unit"] == u)
    for k, (_, f) in enumerate(fs):
        order[f] = (u, k, k == len(fs) - 1)


def doc_of(i):
    return docs[items[i]["file"]]


linked_from = set()
pairs = set()
for ln in gold["follow_through"]:
    if set(ln) != {"task", "result", "status"}:
        err(f"follow_through fields: {ln}")
        continue
    t, r = ln["task"], ln["result"]
    if items.get(t, {}).get("kind") != "task" or items.get(r, {}).get("kind") != "result":
        err(f"follow_through {t}->{r}: unknown task or result")
        continue
    if ln["status"] not in STATUSES:
        err(f"follow_through {t}->{r}: status {ln['status']}")
    (ut, kt, _), (ur, kr, _) = order[items[t]["file"]], order[items[r]["file"]]
    if ut != ur:
        err(f"follow_through {t}->{r}: across units")
    if not kr > kt or items[r]["period"] < items[t]["period"]:
        err(f"follow_through {t}->{r}: not forward in time")
    if (t, r) in pairs:
        err(f"follow_through {t}->{r}: duplicate")
    pairs.add((t, r))
    linked_from.add(t)

for ln in gold["carry_over"]:
    if set(ln) != {"from", "to", "kind"}:
        err(f"carry_over fields: {ln}")
        continue
    a, b = ln["from"], ln["to"]
    if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
        err(f"carry_over {a}->{b}: unknown task")
        continue
    if ln["kind"] not in KINDS:
        err(f"carry_over {a}->{b}: kind {ln['kind']}")
    (ua, ka, _), (ub, kb, _) = order[items[a]["file"]], order[items[b]["file"]]
    if ua != ub:
        err(f"carry_over {a}->{b}: across units")
    if not kb > ka or items[b]["period"] <= items[a]["period"]:
        err(f"carry_over {a}->{b}: not forward in time")
    if (a, b) in pairs:
        err(f"carry_over {a}->{b}: duplicate")
    pairs.add((a, b))
    linked_from.add(a)

want_gaps = sorted(i for i, it in items.items()
                   if it["kind"] == "task" and not order[it["file"]][2] and i not in linked_from)
if sorted(gold["gaps"]) != want_gaps or len(set(gold["gaps"])) != len(gold["gaps"]):
    err(f"gaps {sorted(gold['gaps'])} != unlinked tasks of non-last documents {want_gaps}")

for pr in decoys:
    if not (isinstance(pr, list) and len(pr) == 2 and all(x in items for x in pr)):
        err(f"bad decoy pair {pr}")
        continue
    a, b = pr
    if order[items[a]["file"]][0] == order[items[b]["file"]][0]:
        err(f"decoy pair {pr} within one unit")
    if (a, b) in pairs or (b, a) in pairs:
        err(f"decoy pair {pr} is linked")

if errors:
    print("\n".join(errors))
    print(f"FAIL ({len(errors)} errors)")
    sys.exit(1)
print(f"OK: {len(docs)} documents, {sum(1 for i in items.values() if i['kind'] == 'task')} tasks, "
      f"{sum(1 for i in items.values() if i['kind'] == 'result')} results, "
      f"{len(gold['follow_through'])} follow-through, {len(gold['carry_over'])} carry-over, "
      f"{len(gold['gaps'])} gaps, {len(decoys)} decoys")
