#!/usr/bin/env python3
"""Check gold.json of the hand-mc series against its documents. Prints OK or the errors."""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
err = errors.append

STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

RES_START = re.compile(r"^(I\. KẾT QUẢ|1\. Kết quả)")
RES_END = re.compile(r"^(II\. HẠN CHẾ|2\. (Một số hạn chế|Hạn chế))")
TASK_START = re.compile(r"^(III\. NHIỆM VỤ TRỌNG TÂM|3\. Nhiệm vụ trọng tâm)")
TASK_END = re.compile(r"^Trên đây là")
LEADIN = re.compile(r"^(?:(?:[a-zđ]\)|\d+\.|-)\s*)?Đối với [^:]{3,80}:\s*")
SUBMONTH = re.compile(r"^[a-z]\)\s*Tháng (\d{1,2}) năm (\d{4})", re.I)

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---------- form ----------
for k in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if k not in gold or not isinstance(gold[k], list):
        err("missing or non-list key %s" % k)
if errors:
    print("\n".join(errors)); sys.exit(1)
for k in gold:
    if k not in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"):
        err("unknown key %s" % k)

docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document fields %s" % sorted(d))
        continue
    if d["file"] in docs:
        err("duplicate document %s" % d["file"])
    docs[d["file"]] = d
    m = FNAME.match(d["file"])
    if not m:
        err("bad file name %s" % d["file"])
    elif m.group(2) != d["planned_period"]:
        err("%s: name month != planned_period %s" % (d["file"], d["planned_period"]))
    if not MONTH.match(d["planned_period"]) or not d["reported_months"] or \
            not all(MONTH.match(x) for x in d["reported_months"]):
        err("%s: bad period format" % d["file"])
    if d["reported_months"] != sorted(d["reported_months"]) or \
            any(x >= d["planned_period"] for x in d["reported_months"]):
        err("%s: reported months must be sorted and before the planned period" % d["file"])
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if on_disk != sorted(docs):
    err("txt files on disk %s != documents %s" % (on_disk, sorted(docs)))

items = {}
for cat in ("tasks", "results"):
    for it in gold[cat]:
        if set(it) != {"id", "file", "period", "text"}:
            err("%s item fields %s" % (cat, sorted(it)))
            continue
        if it["id"] in items:
            err("duplicate id %s" % it["id"])
        if it["file"] not in docs:
            err("%s: unknown file %s" % (it["id"], it["file"]))
            continue
        if not it["text"] or it["text"] != it["text"].strip():
            err("%s: empty or unstripped text" % it["id"])
        items[it["id"]] = dict(it, cat=cat)

# ---------- files: encoding, NFC, line ends ----------
texts = {}
for f in docs:
    p = os.path.join(HERE, f)
    if not os.path.exists(p):
        err("missing file %s" % f); continue
    b = open(p, "rb").read()
    if b.startswith(b"\xef\xbb\xbf"):
        err("%s: BOM" % f)
    if b"\r" in b:
        err("%s: CR line ends" % f)
    try:
        t = b.decode("utf-8")
    except UnicodeDecodeError:
        err("%s: not UTF-8" % f); continue
    if unicodedata.normalize("NFC", t) != t:
        err("%s: not NFC" % f)
    texts[f] = t
    for must in ("ĐẢNG CỘNG SẢN VIỆT NAM", "THÔNG BÁO", "Nơi nhận", "(Đã ký)"):
        if must not in t:
            err("%s: header/footer lacks %r" % (f, must))
    if not re.search(r"Số \d+-TB/ĐU", t):
        err("%s: no 'Số ...-TB/ĐU'" % f)
    dm = re.search(r"Vĩnh Hòa, ngày (\d+) tháng (\d+) năm (\d{4})", t)
    if not dm:
        err("%s: no place and date" % f)
    else:
        ym = "%s-%02d" % (dm.group(3), int(dm.group(2)))
        if not (docs[f]["reported_months"][-1] <= ym <= docs[f]["planned_period"]):
            err("%s: date %s outside last reported month .. planned month" % (f, ym))

# ---------- texts: exact, unique, no overlap ----------
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
for f, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err("%s: items %s and %s overlap" % (f, a[2], b[2]))


# ---------- sections: every sentence / bullet labelled ----------
def section(lines, start, end):
    out, on = [], False
    for ln in lines:
        if not on and start.match(ln):
            on = True; continue
        if on and end.match(ln):
            return out, True
        if on:
            out.append(ln)
    return out, False


def fragments(lines):
    """yield (line, fragment) for every bullet or sentence of a section."""
    for ln in lines:
        s = ln.strip()
        if not s or s.endswith(":"):
            continue                      # blank, heading or lead-in
        if s.startswith("- "):
            body = LEADIN.sub("", s)
            body = body[2:] if body.startswith("- ") else body
            yield ln, body.rstrip(";.").strip()
            continue
        body = LEADIN.sub("", s)
        for sent in re.split(r"(?<=\.)\s+", body):
            sent = sent.rstrip(";.").strip()
            if sent:
                yield ln, sent


def month_of(m, y):
    return "%s-%02d" % (y, int(m))


for f, t in texts.items():
    d = docs[f]
    lines = t.split("\n")
    by_text = {cat: {it["text"]: iid for iid, it in items.items() if it["file"] == f and it["cat"] == cat}
               for cat in ("tasks", "results")}
    # results
    rl, ok = section(lines, RES_START, RES_END)
    if not ok:
        err("%s: results section not found" % f)
    head = next((ln for ln in lines if RES_START.match(ln)), "")
    yrs = re.findall(r"năm (\d{4})", head)
    mons = re.findall(r"(?i)tháng (\d{1,2})", head)
    if yrs and [month_of(m, yrs[-1]) for m in mons] != d["reported_months"]:
        err("%s: results heading %r disagrees with reported_months" % (f, head))
    cur = d["reported_months"][0] if len(d["reported_months"]) == 1 else None
    found = set()
    for ln in rl:
        sm = SUBMONTH.match(ln.strip())
        if sm:
            cur = month_of(sm.group(1), sm.group(2))
            if cur not in d["reported_months"]:
                err("%s: sub-heading month %s not reported" % (f, cur))
            continue
        for _, fr in fragments([ln]):
            iid = by_text["results"].get(fr)
            if iid is None:
                err("%s: unlabelled result sentence/bullet: %r" % (f, fr[:90]))
                continue
            found.add(iid)
            if items[iid]["period"] != cur:
                err("%s: %s period %s, section month %s" % (f, iid, items[iid]["period"], cur))
    for tx, iid in by_text["results"].items():
        if iid not in found:
            err("%s: result %s is not a whole sentence/bullet of the results section" % (f, iid))
    # tasks
    tl, ok = section(lines, TASK_START, TASK_END)
    if not ok:
        err("%s: tasks section not found" % f)
    head = next((ln for ln in lines if TASK_START.match(ln)), "")
    hm = re.search(r"(?i)tháng (\d{1,2}) năm (\d{4})", head)
    if not hm or month_of(hm.group(1), hm.group(2)) != d["planned_period"]:
        err("%s: tasks heading %r disagrees with planned_period" % (f, head))
    found = set()
    for _, fr in fragments(tl):
        iid = by_text["tasks"].get(fr)
        if iid is None:
            err("%s: unlabelled task sentence/bullet: %r" % (f, fr[:90]))
            continue
        found.add(iid)
    for tx, iid in by_text["tasks"].items():
        if iid not in found:
            err("%s: task %s is not a whole sentence/bullet of the tasks section" % (f, iid))

# ---------- counts and periods ----------
for f, d in docs.items():
    nt = sum(1 for it in items.values() if it["file"] == f and it["cat"] == "tasks")
    nr = sum(1 for it in items.values() if it["file"] == f and it["cat"] == "results")
    if not 10 <= nt <= 18:
        err("%s: %d tasks (need 10-18)" % (f, nt))
    if not (nr == 0 or 10 <= nr <= 18):
        err("%s: %d results (need 0 or 10-18)" % (f, nr))
    for m in d["reported_months"]:
        if nr and not any(it["period"] == m for it in items.values() if it["file"] == f and it["cat"] == "results"):
            err("%s: no result for reported month %s" % (f, m))
for iid, it in items.items():
    d = docs.get(it["file"])
    if not d:
        continue
    if it["cat"] == "tasks" and it["period"] != d["planned_period"]:
        err("%s: period %s != planned %s" % (iid, it["period"], d["planned_period"]))
    if it["cat"] == "results" and it["period"] not in d["reported_months"]:
        err("%s: period %s not among reported months" % (iid, it["period"]))

# ---------- links ----------
def unit(iid):
    return docs[items[iid]["file"]]["unit"]

def dperiod(iid):
    return docs[items[iid]["file"]]["planned_period"]

linked = set()
pairs = set()
for l in gold["follow_through"]:
    t, r, s = l.get("task"), l.get("result"), l.get("status")
    if t not in items or items[t]["cat"] != "tasks" or r not in items or items[r]["cat"] != "results":
        err("follow_through bad ids %s" % l); continue
    if s not in STATUSES:
        err("follow_through %s->%s: status %s" % (t, r, s))
    if (t, r) in pairs:
        err("duplicate follow_through %s->%s" % (t, r))
    pairs.add((t, r))
    if unit(t) != unit(r):
        err("follow_through across units %s->%s" % (t, r))
    if not (dperiod(r) > dperiod(t) and items[r]["period"] >= items[t]["period"]):
        err("follow_through not forward in time %s->%s" % (t, r))
    linked.add(t)
cpairs = set()
for l in gold["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if a not in items or b not in items or items[a]["cat"] != "tasks" or items[b]["cat"] != "tasks":
        err("carry_over bad ids %s" % l); continue
    if k not in KINDS:
        err("carry_over %s->%s: kind %s" % (a, b, k))
    if (a, b) in cpairs:
        err("duplicate carry_over %s->%s" % (a, b))
    cpairs.add((a, b))
    if unit(a) != unit(b):
        err("carry_over across units %s->%s" % (a, b))
    if not items[b]["period"] > items[a]["period"]:
        err("carry_over not forward in time %s->%s" % (a, b))
    if k == "unfinished" and items[a]["text"] != items[b]["text"]:
        err("carry_over %s->%s: 'unfinished' but text differs" % (a, b))
    linked.add(a)
split_from = defaultdict(int)
for l in gold["carry_over"]:
    if l.get("kind") == "split":
        split_from[l["from"]] += 1
for a, n in split_from.items():
    if n < 2:
        err("split from %s has only one target" % a)

# ---------- gaps ----------
last = {}
for f, d in docs.items():
    if d["unit"] not in last or d["planned_period"] > last[d["unit"]]:
        last[d["unit"]] = d["planned_period"]
expect = {iid for iid, it in items.items() if it["cat"] == "tasks" and iid not in linked
          and docs[it["file"]]["planned_period"] != last[docs[it["file"]]["unit"]]}
gaps = set(gold["gaps"])
if len(gaps) != len(gold["gaps"]):
    err("duplicate gap ids")
if gaps != expect:
    err("gaps differ: listed-not-expected %s; expected-not-listed %s"
        % (sorted(gaps - expect), sorted(expect - gaps)))

# ---------- decoys ----------
def never_linked(a, b, label):
    if a not in items or b not in items:
        err("%s: unknown ids %s %s" % (label, a, b)); return
    if (a, b) in pairs or (b, a) in pairs or (a, b) in cpairs or (b, a) in cpairs:
        err("%s linked: %s %s" % (label, a, b))

units = {d["unit"] for d in docs.values()}
cud = gold.get("cross_unit_decoys", [])
if len(units) > 1 and not cud:
    err("two units but no cross_unit_decoys")
for p in cud:
    if len(p) != 2:
        err("decoy pair %s" % p); continue
    never_linked(p[0], p[1], "cross_unit_decoy")
    if p[0] in items and p[1] in items and unit(p[0]) == unit(p[1]):
        err("cross_unit_decoy within one unit %s" % p)
dp = os.path.join(HERE, "decoys.json")
if os.path.exists(dp):
    for a, b in json.load(open(dp, encoding="utf-8"))["twin_decoys"]:
        never_linked(a, b, "twin_decoy")
        if a in items and b in items:
            if items[a]["cat"] != "tasks" or items[b]["cat"] != "results":
                err("twin_decoy %s %s: want (task, result)" % (a, b))
            elif not any(l["result"] == b for l in gold["follow_through"]):
                err("twin_decoy result %s answers no twin" % b)

if errors:
    print("\n".join(errors))
    print("%d error(s)" % len(errors))
    sys.exit(1)
print("OK: %d documents, %d tasks, %d results, %d follow-through, %d carry-over, %d gaps, %d cross-unit decoys"
      % (len(docs), sum(1 for i in items.values() if i["cat"] == "tasks"),
         sum(1 for i in items.values() if i["cat"] == "results"),
         len(gold["follow_through"]), len(gold["carry_over"]), len(gold["gaps"]), len(cud)))
