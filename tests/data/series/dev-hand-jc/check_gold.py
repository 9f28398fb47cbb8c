#!/usr/bin/env python3
"""Check gold.json of the hand-jc series against its documents. Prints OK or the problems."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def month_index(m):
    y, mo = m.split("-")
    return int(y) * 12 + int(mo) - 1


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---- form
for key, typ in [("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)]:
    if not isinstance(gold.get(key), typ):
        err("gold.json: %s missing or not a %s" % (key, typ.__name__))
if errors:
    print("\n".join(errors)); sys.exit(1)
extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over", "gaps",
                     "cross_unit_decoys"}
if extra:
    err("unknown keys %s" % sorted(extra))
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document fields %s" % sorted(d))
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            err("%s item fields %s" % (kind, sorted(it)))
        if not MONTH.match(it.get("period", "")):
            err("bad period %r" % it.get("period"))
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err("follow_through fields %s" % sorted(l))
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err("carry_over fields %s" % sorted(l))
if errors:
    print("\n".join(errors)); sys.exit(1)

# ---- documents: names, encoding, periods
NAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
docs = {}
texts = {}
for d in gold["documents"]:
    f = d["file"]
    m = NAME.match(f)
    if not m:
        err("bad file name %s" % f); continue
    if m.group(2) != d["planned_period"]:
        err("%s: name month != planned_period %s" % (f, d["planned_period"]))
    if f in docs:
        err("document listed twice: %s" % f)
    docs[f] = d
    raw = open(os.path.join(HERE, f), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s: BOM" % f)
    if b"\r" in raw:
        err("%s: CR line ends" % f)
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err("%s: not UTF-8 (%s)" % (f, e)); continue
    if unicodedata.normalize("NFC", t) != t:
        err("%s: not NFC" % f)
    texts[f] = t
    rep = d["reported_months"]
    if not rep or any(not MONTH.match(x) for x in rep):
        err("%s: bad reported_months" % f)
    elif month_index(rep[-1]) + 1 != month_index(d["planned_period"]):
        err("%s: last reported month is not the month before the planned one" % f)
    elif any(month_index(b) != month_index(a) + 1 for a, b in zip(rep, rep[1:])):
        err("%s: reported months not consecutive" % f)
    # the document itself must agree: title month and results heading months
    y, mo = d["planned_period"].split("-")
    if ("về nhiệm vụ tháng %d năm %s" % (int(mo), y)) not in t:
        err("%s: title does not name the planned month" % f)
    if ("IV. NHIỆM VỤ TRỌNG TÂM THÁNG %d NĂM %s" % (int(mo), y)) not in t:
        err("%s: task heading does not name the planned month" % f)
    head = re.search(r"^I\. KẾT QUẢ[^\n]*$", t, re.M)
    if not head:
        err("%s: no results heading" % f)
    else:
        nums = [int(x) for x in re.findall(r"THÁNG (\d+)", head.group(0))]
        if nums != [int(x.split("-")[1]) for x in rep]:
            err("%s: results heading months %s != reported %s" % (f, nums, rep))

on_disk = sorted(x for x in os.listdir(HERE) if x.endswith(".txt"))
if on_disk != sorted(docs):
    err("documents on disk %s != listed %s" % (on_disk, sorted(docs)))

# ---- items
items = {}
spans = {f: [] for f in texts}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        iid = it["id"]
        if iid in items:
            err("duplicate id %s" % iid)
        if kind == "tasks" and not iid.startswith("T") or kind == "results" and not iid.startswith("R"):
            err("id %s in wrong list" % iid)
        it = dict(it, kind=kind)
        items[iid] = it
        f = it["file"]
        if f not in texts:
            err("%s: unknown file %s" % (iid, f)); continue
        t = texts[f]
        txt = it["text"]
        if not txt or txt != txt.strip():
            err("%s: empty or padded text" % iid)
        n = t.count(txt)
        if n != 1:
            err("%s: text found %d times in %s" % (iid, n, f)); continue
        a = t.index(txt)
        spans[f].append((a, a + len(txt), iid))
        if "\n" in txt:
            err("%s: text spans lines" % iid)
        d = docs[f]
        if kind == "tasks" and it["period"] != d["planned_period"]:
            err("%s: task period %s != planned %s" % (iid, it["period"], d["planned_period"]))
        if kind == "results" and it["period"] not in d["reported_months"]:
            err("%s: result period %s not reported by %s" % (iid, it["period"], f))
        # a result that names its month must agree with its period
        mm = re.match(r"^(?:Trong )?[Tt]háng (\d+),", txt)
        if kind == "results" and mm and int(mm.group(1)) != int(it["period"].split("-")[1]):
            err("%s: text names month %s, period %s" % (iid, mm.group(1), it["period"]))
        if kind == "results" and len(d["reported_months"]) > 1 and " — " not in txt and not mm:
            err("%s: prose result in a two-month document does not name its month" % iid)

for f, sp in spans.items():
    sp.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
        if a2 < b1:
            err("%s: items %s and %s overlap" % (f, i1, i2))

# ---- sections fully labelled
HEADING = re.compile(r"^(?:[IVX]+\. [^\n]+|\d+\. Khâu đột phá [^\n]+)$")
LEADIN = re.compile(r"^(?:\([^\n]*\)|[^\n]*:)$")
TABLE_HEAD = "STT. Nhiệm vụ — Kết quả — Ghi chú"
SENT_BREAK = re.compile(r"[.!?…][”\"»)]?\s+[A-ZĐÀ-Ỹ]")


def region(t, start, end):
    a = re.search(start, t, re.M)
    b = re.search(end, t, re.M)
    if not a or not b or b.start() < a.start():
        return None
    return a.start(), b.start()


for f, t in texts.items():
    regs = {"results": region(t, r"^I\. KẾT QUẢ", r"^III\. HẠN CHẾ"),
            "tasks": region(t, r"^IV\. NHIỆM VỤ TRỌNG TÂM", r"^V\. TỔ CHỨC THỰC HIỆN")}
    if None in regs.values():
        err("%s: sections not found" % f); continue
    for a, b, iid in spans[f]:
        kind = items[iid]["kind"]
        ra, rb = regs[kind]
        if not (ra <= a and b <= rb):
            err("%s: %s lies outside the %s section" % (f, iid, kind))
        txt = items[iid]["text"]
        if kind == "results" and " — " not in txt and SENT_BREAK.search(txt):
            err("%s: %s holds more than one sentence" % (f, iid))
    for kind, (ra, rb) in regs.items():
        masked = list(t)
        for a, b, iid in spans[f]:
            for k in range(a, b):
                masked[k] = "\x00"
        pos = ra
        for line in t[ra:rb].split("\n"):
            mline = "".join(masked[pos:pos + len(line)])
            pos += len(line) + 1
            has_item = "\x00" in mline
            rest = mline.replace("\x00", "").strip()
            if not rest:
                continue
            if has_item:
                if re.fullmatch(r"\d+\.", rest) and re.match(r"^\d+\. \x00", mline):
                    continue
                err("%s: unlabelled text beside an item: %r" % (f, rest[:80]))
                continue
            if line.strip() == TABLE_HEAD or HEADING.match(line.strip()) or LEADIN.match(line.strip()):
                continue
            err("%s: unlabelled line in %s section: %r" % (f, kind, line[:80]))

# ---- counts per document
for f in texts:
    nt = sum(1 for it in gold["tasks"] if it["file"] == f)
    nr = sum(1 for it in gold["results"] if it["file"] == f)
    if not 10 <= nt <= 18:
        err("%s: %d tasks" % (f, nt))
    if not (10 <= nr <= 18 or nr == 0):
        err("%s: %d results" % (f, nr))

# ---- links
order = {f: month_index(d["planned_period"]) for f, d in docs.items()}
unit_docs = {}
for f, d in docs.items():
    unit_docs.setdefault(d["unit"], []).append(f)
last_doc = {u: max(fs, key=lambda x: order[x]) for u, fs in unit_docs.items()}


def unit_of(iid):
    return docs[items[iid]["file"]]["unit"]


linked = set()
seen = set()
for l in gold["follow_through"]:
    t, r, s = l["task"], l["result"], l["status"]
    if (t, r) in seen:
        err("follow_through %s->%s twice" % (t, r))
    seen.add((t, r))
    if t not in items or items[t]["kind"] != "tasks":
        err("follow_through: %s is not a task" % t); continue
    if r not in items or items[r]["kind"] != "results":
        err("follow_through: %s is not a result" % r); continue
    if s not in ("done", "partial"):
        err("follow_through %s->%s: status %s" % (t, r, s))
    if unit_of(t) != unit_of(r):
        err("follow_through %s->%s crosses units" % (t, r))
    tf, rf = items[t]["file"], items[r]["file"]
    if order[rf] <= order[tf]:
        err("follow_through %s->%s not forward in time" % (t, r))
    if items[r]["period"] != items[t]["period"]:
        err("follow_through %s->%s: result reports %s, task planned %s"
            % (t, r, items[r]["period"], items[t]["period"]))
    first = min((f for f in unit_docs[unit_of(t)]
                 if order[f] > order[tf] and items[t]["period"] in docs[f]["reported_months"]),
                key=lambda x: order[x], default=None)
    if rf != first:
        err("follow_through %s->%s: not in the first document reporting %s" % (t, r, items[t]["period"]))
    linked.add(t)
seen = set()
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in gold["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if (a, b) in seen:
        err("carry_over %s->%s twice" % (a, b))
    seen.add((a, b))
    if a not in items or b not in items or items[a]["kind"] != "tasks" or items[b]["kind"] != "tasks":
        err("carry_over %s->%s: not two tasks" % (a, b)); continue
    if k not in KINDS:
        err("carry_over %s->%s: kind %s" % (a, b, k))
    if unit_of(a) != unit_of(b):
        err("carry_over %s->%s crosses units" % (a, b))
    if order[items[b]["file"]] <= order[items[a]["file"]]:
        err("carry_over %s->%s not forward in time" % (a, b))
    linked.add(a)
split_from = {}
for l in gold["carry_over"]:
    if l["kind"] == "split":
        split_from.setdefault(l["from"], []).append(l["to"])
for a, tos in split_from.items():
    if len(tos) < 2:
        err("split %s has only one part" % a)

want_gaps = sorted((iid for iid, it in items.items()
                    if it["kind"] == "tasks" and iid not in linked
                    and it["file"] != last_doc[docs[it["file"]]["unit"]]),
                   key=lambda x: (items[x]["file"], int(x.split("-")[1])))
if len(set(gold["gaps"])) != len(gold["gaps"]):
    err("gaps listed twice")
if sorted(gold["gaps"]) != sorted(want_gaps):
    err("gaps %s != unlinked tasks of non-last documents %s" % (sorted(gold["gaps"]), want_gaps))

# ---- decoys
pairs = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
        {(l["from"], l["to"]) for l in gold["carry_over"]}
for pair in gold.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(x not in items for x in pair):
        err("bad decoy %s" % pair); continue
    x, y = pair
    if unit_of(x) == unit_of(y):
        err("decoy %s within one unit" % pair)
    if (x, y) in pairs or (y, x) in pairs:
        err("decoy %s is linked" % pair)
if len(unit_docs) > 1 and not gold.get("cross_unit_decoys"):
    err("two units but no cross_unit_decoys")

if errors:
    print("\n".join(errors))
    sys.exit(1)
print("OK: %d documents, %d tasks, %d results, %d follow-through, %d carry-over, %d gaps, %d decoys"
      % (len(docs), len(gold["tasks"]), len(gold["results"]), len(gold["follow_through"]),
         len(gold["carry_over"]), len(gold["gaps"]), len(gold.get("cross_unit_decoys", []))))
