#!/usr/bin/env python3
"""Check gold.json of this folder against its documents. Prints OK or the errors."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


NAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
MONTH_IN_HEADING = re.compile(r"tháng\s+(\d{1,2})/(\d{4})", re.I)
HEADING = re.compile(r"^(?:[IVX]+|\d+|[a-zđ])[\.\)]\s")
DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def ym(s):
    y, m = s.split("-")
    return int(y) * 12 + int(m) - 1


def next_month(s):
    v = ym(s) + 1
    return "%04d-%02d" % (v // 12, v % 12 + 1)


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---- form
for key, typ in [("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)]:
    if not isinstance(gold.get(key), typ):
        err("form: %s missing or not a list" % key)
decoys = gold.get("cross_unit_decoys", [])
for d in gold["documents"]:
    for k in ("file", "unit", "reported_months", "planned_period"):
        if k not in d:
            err("form: document lacks %s: %r" % (k, d))
for coll in ("tasks", "results"):
    for it in gold[coll]:
        for k in ("id", "file", "period", "text"):
            if k not in it:
                err("form: %s item lacks %s: %r" % (coll, k, it))
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err("form: follow_through link %r" % l)
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err("form: carry_over link %r" % l)
if errors:
    print("\n".join(errors)); sys.exit(1)

docs = {d["file"]: d for d in gold["documents"]}
if len(docs) != len(gold["documents"]):
    err("documents: duplicate file")

# ---- file names and encoding
texts = {}
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if sorted(docs) != on_disk:
    err("files: gold documents %s != .txt on disk %s" % (sorted(docs), on_disk))
for f, d in docs.items():
    m = NAME.match(f)
    if not m:
        err("name: bad file name %s" % f); continue
    if "%s-%s" % (m.group(2), m.group(3)) != d["planned_period"]:
        err("name: %s month != planned_period %s" % (f, d["planned_period"]))
    raw = open(os.path.join(HERE, f), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("encoding: BOM in %s" % f)
    if b"\r" in raw:
        err("encoding: CR in %s" % f)
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err("encoding: %s not UTF-8: %s" % (f, e)); continue
    if unicodedata.normalize("NFC", t) != t:
        err("encoding: %s not NFC" % f)
    if "{{" in t or "}}" in t:
        err("marks left in %s" % f)
    texts[f] = t

# ---- items: ids, exact unique substrings, no overlap
items = {}
for kind, coll in (("task", gold["tasks"]), ("result", gold["results"])):
    for it in coll:
        if it["id"] in items:
            err("id: duplicate %s" % it["id"])
        items[it["id"]] = dict(it, kind=kind)
spans = {}
for iid, it in items.items():
    f = it["file"]
    if f not in texts:
        err("item %s: unknown file %s" % (iid, f)); continue
    t, s = texts[f], it["text"]
    if not s.strip() or s != s.strip():
        err("item %s: empty or padded text" % iid)
    n = t.count(s)
    if n != 1:
        err("item %s: text occurs %d times in %s" % (iid, n, f)); continue
    a = t.index(s)
    spans.setdefault(f, []).append((a, a + len(s), iid))
for f, sp in spans.items():
    sp.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
        if a2 < b1:
            err("overlap: %s and %s in %s" % (i1, i2, f))

# ---- sections: every bullet labelled, headings/lead-ins skipped, periods
for f, t in texts.items():
    d = docs[f]
    lines = t.split("\n")
    by_text = {}
    for iid, it in items.items():
        if it["file"] == f:
            by_text[it["text"]] = it
    sec = None
    heading_month = None
    res_months, task_months = set(), set()
    seen = set()
    ntask = nres = 0
    for ln in lines:
        s = ln.strip()
        if s.startswith("I. KẾT QUẢ"):
            sec = "result"
        elif s.startswith("II. HẠN CHẾ"):
            sec = "limitation"
        elif s.startswith("III. NHIỆM VỤ"):
            sec = "task"
        elif s.startswith("Trên đây"):
            sec = None
        if sec in ("result", "task"):
            if not s:
                continue
            if s.startswith("- "):
                body = s[2:]
                it = by_text.get(body)
                if it is None:
                    err("unlabelled %s bullet in %s: %s" % (sec, f, body)); continue
                if it["kind"] != sec:
                    err("item %s labelled %s but in %s section" % (it["id"], it["kind"], sec))
                if any(ch.isupper() for ch in re.findall(r"[\.!?]\s+(\S)", body)):
                    err("item %s: looks like more than one sentence" % it["id"])
                seen.add(it["id"])
                if sec == "task":
                    ntask += 1
                    if it["period"] != d["planned_period"]:
                        err("task %s period %s != planned %s" % (it["id"], it["period"], d["planned_period"]))
                else:
                    nres += 1
                    if it["period"] != heading_month:
                        err("result %s period %s != heading month %s" % (it["id"], it["period"], heading_month))
            else:
                if not (HEADING.match(s) or s.endswith(":")):
                    err("unlabelled non-bullet text in %s section of %s: %s" % (sec, f, s))
                for mm, yy in MONTH_IN_HEADING.findall(s):
                    mo = "%s-%02d" % (yy, int(mm))
                    heading_month = mo
                    (res_months if sec == "result" else task_months).add(mo)
    for iid, it in items.items():
        if it["file"] == f and iid not in seen:
            err("item %s is not a bullet of its section in %s" % (iid, f))
    if not 10 <= ntask <= 18:
        err("count: %s has %d tasks" % (f, ntask))
    if d["reported_months"] and not 10 <= nres <= 18:
        err("count: %s has %d results" % (f, nres))
    if res_months != set(d["reported_months"]):
        err("period: %s result headings %s != reported_months %s" % (f, sorted(res_months), d["reported_months"]))
    if task_months != {d["planned_period"]}:
        err("period: %s task heading %s != planned %s" % (f, sorted(task_months), d["planned_period"]))
    if d["reported_months"] and next_month(max(d["reported_months"])) != d["planned_period"]:
        err("period: %s plans %s but last reported is %s" % (f, d["planned_period"], max(d["reported_months"])))
    m = DATE.search(t)
    if not m:
        err("header: no date in %s" % f)
    else:
        dm = "%s-%02d" % (m.group(3), int(m.group(2)))
        if d["reported_months"] and dm != max(d["reported_months"]):
            err("header: %s dated %s, reports %s" % (f, dm, d["reported_months"]))
    if not re.search(r"^Số: \d+/BC-UBND$", t, re.M):
        err("header: no Số in %s" % f)
    for need in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Nơi nhận:", "BÁO CÁO"):
        if need not in t:
            err("header: %s lacks %r" % (f, need))

# ---- units, order
units = {}
for f, d in docs.items():
    units.setdefault(d["unit"], []).append(f)
for u in units:
    units[u].sort(key=lambda f: docs[f]["planned_period"])
    cover = [m for f in units[u] for m in docs[f]["reported_months"]]
    if len(cover) != len(set(cover)):
        err("unit %s: a month reported twice" % u)
order = {f: i for u in units for i, f in enumerate(units[u])}
last_doc = {units[u][-1] for u in units}


def unit_of(iid):
    return docs[items[iid]["file"]]["unit"]


# ---- links
ft_pairs, co_pairs = set(), set()
for l in gold["follow_through"]:
    t, r = l["task"], l["result"]
    if t not in items or items[t]["kind"] != "task":
        err("follow_through: %s is not a task" % t); continue
    if r not in items or items[r]["kind"] != "result":
        err("follow_through: %s is not a result" % r); continue
    if l["status"] not in STATUSES:
        err("follow_through: bad status %r" % l["status"])
    if unit_of(t) != unit_of(r):
        err("follow_through: %s -> %s crosses units" % (t, r))
    if order[items[r]["file"]] <= order[items[t]["file"]]:
        err("follow_through: %s -> %s not forward" % (t, r))
    if items[r]["period"] != items[t]["period"]:
        err("follow_through: %s (%s) -> %s (%s): result does not report the task's month"
            % (t, items[t]["period"], r, items[r]["period"]))
    first = next((f for f in units[unit_of(t)] if items[t]["period"] in docs[f]["reported_months"]), None)
    if items[r]["file"] != first:
        err("follow_through: %s -> %s not in the first document reporting %s" % (t, r, items[t]["period"]))
    if (t, r) in ft_pairs:
        err("follow_through: duplicate %s -> %s" % (t, r))
    ft_pairs.add((t, r))
for l in gold["carry_over"]:
    a, b = l["from"], l["to"]
    if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
        err("carry_over: %s -> %s not tasks" % (a, b)); continue
    if l["kind"] not in KINDS:
        err("carry_over: bad kind %r" % l["kind"])
    if unit_of(a) != unit_of(b):
        err("carry_over: %s -> %s crosses units" % (a, b))
    if ym(items[b]["period"]) <= ym(items[a]["period"]) or order[items[b]["file"]] <= order[items[a]["file"]]:
        err("carry_over: %s -> %s not forward" % (a, b))
    if l["kind"] == "unfinished" and items[a]["text"] != items[b]["text"]:
        err("carry_over: %s -> %s is 'unfinished' but reworded" % (a, b))
    if (a, b) in co_pairs:
        err("carry_over: duplicate %s -> %s" % (a, b))
    co_pairs.add((a, b))
split_from = {}
for l in gold["carry_over"]:
    if l["kind"] == "split":
        split_from.setdefault(l["from"], []).append(l["to"])
for a, tos in split_from.items():
    if len(tos) < 2:
        err("carry_over: split from %s has only one part" % a)

# ---- gaps
linked = {t for t, _ in ft_pairs} | {a for a, _ in co_pairs}
expected = {iid for iid, it in items.items()
            if it["kind"] == "task" and it["file"] not in last_doc and iid not in linked}
given = set(gold["gaps"])
if len(given) != len(gold["gaps"]):
    err("gaps: duplicates")
for g in sorted(given - expected):
    err("gaps: %s listed but linked, unknown or in a last document" % g)
for g in sorted(expected - given):
    err("gaps: %s is unlinked but not listed" % g)

# ---- decoys
all_links = ft_pairs | co_pairs
for pair in decoys:
    if len(pair) != 2 or any(p not in items for p in pair):
        err("decoy: bad pair %r" % (pair,)); continue
    a, b = pair
    if unit_of(a) == unit_of(b):
        err("decoy: %s, %s in the same unit" % (a, b))
    if (a, b) in all_links or (b, a) in all_links:
        err("decoy: %s, %s linked" % (a, b))

if errors:
    print("\n".join(errors))
    print("%d error(s)" % len(errors))
    sys.exit(1)
nft = len(ft_pairs); nco = len(co_pairs)
print("documents %d, tasks %d, results %d, follow_through %d, carry_over %d, gaps %d, decoys %d"
      % (len(docs), sum(1 for i in items.values() if i["kind"] == "task"),
         sum(1 for i in items.values() if i["kind"] == "result"), nft, nco, len(given), len(decoys)))
print("OK")
