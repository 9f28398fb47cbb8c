#!/usr/bin/env python3
"""Check gold.json of the hand-tb series against its documents. Prints OK or the problems."""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def month_add(ym, k):
    y, m = map(int, ym.split("-"))
    m += k
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    return f"{y:04d}-{m:02d}"


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---- form ----
for key, typ in [("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)]:
    if not isinstance(gold.get(key), typ):
        err(f"gold.json: '{key}' missing or not a {typ.__name__}")
if errors:
    print("\n".join(errors)); sys.exit(1)
extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                     "gaps", "cross_unit_decoys"}
if extra:
    err(f"unknown keys {extra}")
YM = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err(f"document fields {sorted(d)}")
        continue
    if d["file"] in docs:
        err(f"duplicate document {d['file']}")
    if not YM.match(d["planned_period"]) or not all(YM.match(m) for m in d["reported_months"]):
        err(f"{d['file']}: bad period format")
    docs[d["file"]] = d
items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            err(f"{kind} item fields {sorted(it)}")
            continue
        if it["id"] in items:
            err(f"duplicate id {it['id']}")
        if it["file"] not in docs:
            err(f"{it['id']}: unknown file {it['file']}")
        if not isinstance(it["text"], str) or not it["text"].strip():
            err(f"{it['id']}: empty text")
        items[it["id"]] = dict(it, kind=kind[:-1])
if errors:
    print("\n".join(errors)); sys.exit(1)

# ---- file names, encoding ----
NAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if sorted(docs) != on_disk:
    err(f"documents listed {sorted(docs)} != .txt files {on_disk}")
texts = {}
for f, d in docs.items():
    m = NAME.match(f)
    if not m:
        err(f"{f}: bad file name")
    elif m.group(2) != d["planned_period"]:
        err(f"{f}: name month {m.group(2)} != planned_period {d['planned_period']}")
    raw = open(os.path.join(HERE, f), "rb").read()
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
    texts[f] = t

# ---- exact unique substrings, no overlaps ----
spans = defaultdict(list)  # file -> (start, end, id, kind)
for iid, it in items.items():
    t = texts.get(it["file"])
    if t is None:
        continue
    if unicodedata.normalize("NFC", it["text"]) != it["text"]:
        err(f"{iid}: text not NFC")
    n = t.count(it["text"])
    if n != 1:
        err(f"{iid}: text found {n} times in {it['file']}")
        continue
    s = t.index(it["text"])
    e = s + len(it["text"])
    if "\n" in it["text"]:
        err(f"{iid}: text spans lines")
    spans[it["file"]].append((s, e, iid, it["kind"]))
for f, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err(f"{f}: {a[2]} overlaps {b[2]}")

# ---- sections and coverage ----
SEC = {"A": "result", "B": "limitation", "C": "task", "D": "end"}
MARKER = re.compile(r"^(\+ |- |Việc \d+: )")
SUBMONTH = re.compile(r"Tháng (\d{1,2}):$")
for f, t in texts.items():
    d = docs[f]
    lines, pos = [], 0
    for ln in t.split("\n"):
        lines.append((pos, ln))
        pos += len(ln) + 1
    heads = {}
    for p, ln in lines:
        m = re.match(r"^([ABCD])\. \S", ln)
        if m:
            if m.group(1) in heads:
                err(f"{f}: section {m.group(1)} twice")
            heads[m.group(1)] = p
    if sorted(heads) != ["A", "B", "C", "D"] or not (heads["A"] < heads["B"] < heads["C"] < heads["D"]):
        err(f"{f}: sections A-D missing or out of order")
        continue
    bounds = {"result": (heads["A"], heads["B"]), "task": (heads["C"], heads["D"])}
    # every item inside its section
    for s, e, iid, kind in spans[f]:
        lo, hi = bounds[kind]
        if not (lo < s and e <= hi):
            err(f"{f}: {iid} ({kind}) outside its section")
    # every bullet / sentence of the two sections covered
    for kind, (lo, hi) in bounds.items():
        cur_month = None
        for p, ln in lines:
            if not (lo < p < hi):
                continue
            st = ln.strip()
            if not st or st.endswith(":") or st.endswith("?"):
                if kind == "result":
                    mm = SUBMONTH.search(st)
                    if mm:
                        cur_month = int(mm.group(1))
                continue
            mk = MARKER.match(ln)
            off = mk.end() if mk else 0
            cover = [(s, e, iid) for s, e, iid, k in spans[f] if k == kind and p <= s < p + len(ln) + 1]
            for i, ch in enumerate(ln[off:], start=p + off):
                if not ch.isspace() and not any(s <= i < e for s, e, _ in cover):
                    err(f"{f}: unlabelled {kind} text at line {ln[:60]!r}")
                    break
            if mk and len(cover) != 1:
                err(f"{f}: bullet with {len(cover)} items: {ln[:60]!r}")
            if kind == "result" and cur_month is not None:
                for _, _, iid in cover:
                    if int(items[iid]["period"][5:]) != cur_month:
                        err(f"{iid}: period {items[iid]['period']} but under 'Tháng {cur_month}'")

# ---- counts and periods ----
by_doc = defaultdict(lambda: {"task": [], "result": []})
for iid, it in items.items():
    by_doc[it["file"]][it["kind"]].append(iid)
for f, d in docs.items():
    nt, nr = len(by_doc[f]["task"]), len(by_doc[f]["result"])
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks")
    if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
        err(f"{f}: {nr} results")
    for iid in by_doc[f]["task"]:
        if items[iid]["period"] != d["planned_period"]:
            err(f"{iid}: period {items[iid]['period']} != planned {d['planned_period']}")
    for iid in by_doc[f]["result"]:
        if items[iid]["period"] not in d["reported_months"]:
            err(f"{iid}: period {items[iid]['period']} not reported by {f}")
    t = texts.get(f, "")
    # title names the planned month; date is in the month before the planned one
    py, pm = d["planned_period"].split("-")
    if not re.search(rf"tháng 0?{int(pm)} năm {py}", t):
        err(f"{f}: title does not name the planned month")
    for rm in d["reported_months"]:
        if not re.search(rf"[Tt]háng 0?{int(rm[5:])}\b", t.split("A. ")[0]):
            err(f"{f}: head does not name reported month {rm}")
    md = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
    if not md or f"{md.group(3)}-{int(md.group(2)):02d}" != month_add(d["planned_period"], -1):
        err(f"{f}: issue date not in the month before the planned month")
    for rm in d["reported_months"]:
        if rm >= d["planned_period"]:
            err(f"{f}: reports {rm}, not before planned {d['planned_period']}")

# series continuity per unit: each document reports the months after the previous plan
units = defaultdict(list)
for f, d in docs.items():
    units[d["unit"]].append(d)
last_doc = {}
for u, ds in units.items():
    ds.sort(key=lambda d: d["planned_period"])
    last_doc[u] = ds[-1]["file"]
    for a, b in zip(ds, ds[1:]):
        want, m = [], a["planned_period"]
        while m < b["planned_period"]:
            want.append(m)
            m = month_add(m, 1)
        if b["reported_months"] != want:
            err(f"{b['file']}: reported {b['reported_months']} but expected {want}")

# ---- links ----
unit_of = {iid: docs[it["file"]]["unit"] for iid, it in items.items()}
plan_of = {iid: docs[it["file"]]["planned_period"] for iid, it in items.items()}
seen = set()
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err(f"follow_through fields {sorted(l)}"); continue
    t, r = l["task"], l["result"]
    if items.get(t, {}).get("kind") != "task" or items.get(r, {}).get("kind") != "result":
        err(f"follow_through {t}->{r}: bad ids"); continue
    if (t, r) in seen:
        err(f"follow_through {t}->{r} twice")
    seen.add((t, r))
    if l["status"] not in ("done", "partial"):
        err(f"follow_through {t}->{r}: status {l['status']}")
    if unit_of[t] != unit_of[r]:
        err(f"follow_through {t}->{r}: across units")
    if not plan_of[r] > plan_of[t] or items[r]["period"] < items[t]["period"]:
        err(f"follow_through {t}->{r}: not forward in time")
seen = set()
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err(f"carry_over fields {sorted(l)}"); continue
    a, b = l["from"], l["to"]
    if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
        err(f"carry_over {a}->{b}: bad ids"); continue
    if (a, b) in seen:
        err(f"carry_over {a}->{b} twice")
    seen.add((a, b))
    if l["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
        err(f"carry_over {a}->{b}: kind {l['kind']}")
    if unit_of[a] != unit_of[b]:
        err(f"carry_over {a}->{b}: across units")
    if not plan_of[b] > plan_of[a]:
        err(f"carry_over {a}->{b}: not forward in time")

# ---- gaps ----
linked = {l["task"] for l in gold["follow_through"]} | {l["from"] for l in gold["carry_over"]}
want_gaps = {iid for iid, it in items.items()
             if it["kind"] == "task" and it["file"] != last_doc[unit_of[iid]] and iid not in linked}
got_gaps = set(gold["gaps"])
if len(got_gaps) != len(gold["gaps"]):
    err("gaps: duplicates")
if got_gaps != want_gaps:
    err(f"gaps: missing {sorted(want_gaps - got_gaps)}, extra {sorted(got_gaps - want_gaps)}")

# ---- decoys ----
pairs = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
        {(l["from"], l["to"]) for l in gold["carry_over"]}
decoys = gold.get("cross_unit_decoys", [])
if len(units) > 1 and not decoys:
    err("two units but no cross_unit_decoys")
for pr in decoys:
    if len(pr) != 2 or any(x not in items for x in pr):
        err(f"decoy {pr}: bad ids"); continue
    x, y = pr
    if unit_of[x] == unit_of[y]:
        err(f"decoy {pr}: same unit")
    if (x, y) in pairs or (y, x) in pairs:
        err(f"decoy {pr}: linked")

if errors:
    print("\n".join(errors))
    sys.exit(1)
print("OK")
