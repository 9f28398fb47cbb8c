#!/usr/bin/env python3
"""Check gold.json of this series against its documents; prints OK or the errors.

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / \n; every
text an exact unique substring of its file, no overlaps; every sentence or
bullet of the results and task sections labelled (headings, lead-ins ending
in ':' skipped); task/result counts per document; periods against the
section headings and the document dates; weekdays written in the calendar;
links within one unit and forward in time (follow-through to the first later
document that reports the task's month); allowed statuses and kinds; gaps
exactly the unlinked tasks of non-last documents; decoys never linked
(cross_unit_decoys of gold.json and _src/within_unit_decoys.json).
"""
import datetime
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def ym(s):
    y, m = s.split("-")
    return int(y), int(m)


with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
    gold = json.load(f)

# ---------- form ----------
for key, typ in [("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)]:
    if not isinstance(gold.get(key), typ):
        err("gold.json: missing or bad key " + key)
decoys = gold.get("cross_unit_decoys", [])
if not isinstance(decoys, list):
    err("cross_unit_decoys must be a list")
extra = set(gold) - {"documents", "tasks", "results", "follow_through",
                     "carry_over", "gaps", "cross_unit_decoys"}
if extra:
    err("unknown keys: %s" % sorted(extra))
if errors:
    print("\n".join(errors)); sys.exit(1)

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document keys: %s" % d)
        continue
    fn = d["file"]
    m = FNAME.match(fn)
    if not m:
        err("bad file name " + fn)
    elif m.group(2) != d["planned_period"]:
        err("%s: name month != planned_period %s" % (fn, d["planned_period"]))
    if not MONTH.match(d["planned_period"]) or not all(MONTH.match(x) for x in d["reported_months"]):
        err("%s: bad month format" % fn)
    for rm in d["reported_months"]:
        if ym(rm) >= ym(d["planned_period"]):
            err("%s: reported month %s not before planned %s" % (fn, rm, d["planned_period"]))
    if fn in docs:
        err("duplicate document " + fn)
    docs[fn] = d

on_disk = {x for x in os.listdir(HERE) if x.endswith(".txt")}
if on_disk != set(docs):
    err("txt files on disk %s != documents %s" % (sorted(on_disk), sorted(docs)))

items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            err("%s item keys: %s" % (kind, it)); continue
        if it["id"] in items:
            err("duplicate id " + it["id"])
        if it["file"] not in docs:
            err("%s: unknown file %s" % (it["id"], it["file"])); continue
        if not MONTH.match(it["period"]):
            err("%s: bad period" % it["id"])
        it = dict(it, kind=kind[:-1])
        items[it["id"]] = it

# ---------- files ----------
texts = {}
for fn in docs:
    raw = open(os.path.join(HERE, fn), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(fn + ": BOM")
    if b"\r" in raw:
        err(fn + ": CR line ends")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(fn + ": not UTF-8 " + str(e)); continue
    if unicodedata.normalize("NFC", t) != t:
        err(fn + ": not NFC")
    texts[fn] = t

# ---------- substrings, overlaps ----------
spans = {fn: [] for fn in docs}
for iid, it in items.items():
    t = texts.get(it["file"])
    if t is None:
        continue
    if not it["text"].strip():
        err(iid + ": empty text"); continue
    if unicodedata.normalize("NFC", it["text"]) != it["text"]:
        err(iid + ": text not NFC")
    n = t.count(it["text"])
    if n != 1:
        err("%s: text occurs %d times in %s" % (iid, n, it["file"])); continue
    s = t.index(it["text"])
    spans[it["file"]].append((s, s + len(it["text"]), iid))
for fn, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err("%s: items %s and %s overlap" % (fn, a[2], b[2]))

# ---------- sections ----------
HEADING = re.compile(r"^(?:[IVX]+\.|\d+\.|[A-Z]\.|[a-zđ]\))\s")
WEEKDAY = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5, "chủ nhật": 6}
DAYREF = re.compile(r"(\d{1,2})/(\d{1,2})\s*\((?:[Tt]hứ\s+(\w+)|([Cc]hủ nhật))\)")
VN_DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")


def section_lines(t, start_pat, end_pats):
    lines, out, on, off = t.split("\n"), [], False, 0
    for ln in lines:
        if not on and re.match(start_pat, ln):
            on = True
            out.append((off, ln, True))
        elif on and any(re.match(p, ln) for p in end_pats):
            break
        elif on:
            out.append((off, ln, False))
        off += len(ln) + 1
    return on, out


def sentences(off, ln):
    body_start = 2 if ln.startswith("- ") else 0
    body = ln[body_start:]
    base = off + body_start
    pos = 0
    for m in re.finditer(r"(?<=\.)\s+", body):
        yield base + pos, base + m.start()
        pos = m.end()
    if pos < len(body):
        yield base + pos, base + len(body.rstrip())


for fn, d in docs.items():
    t = texts.get(fn)
    if t is None:
        continue
    by_span = {(s, e): iid for s, e, iid in spans[fn]}
    seen_in_section = set()
    py, pm = ym(d["planned_period"])
    # header date: in the last reported month (the notice is issued before the planned month)
    m = VN_DATE.search(t)
    if not m:
        err(fn + ": no header date")
    else:
        dd = (int(m.group(3)), int(m.group(2)))
        if dd != ym(d["reported_months"][-1]):
            err("%s: header date %s not in last reported month" % (fn, m.group(0)))
    if "ĐẢNG CỘNG SẢN VIỆT NAM" not in t or not re.search(r"Số \d+-TB/ĐU", t) or "Nơi nhận:" not in t:
        err(fn + ": header/number/Nơi nhận missing")
    for kind, start, ends in [
        ("result", r"^I\. KẾT QUẢ", [r"^II\. "]),
        ("task", r"^III\. LỊCH CÔNG TÁC", [r"^Ban Thường vụ Đảng ủy giao", r"^Nơi nhận", r"^IV\. "]),
    ]:
        found, lines = section_lines(t, start, ends)
        if not found:
            err("%s: no %s section" % (fn, kind)); continue
        head = lines[0][1]
        months = [int(x) for x in re.findall(r"THÁNG (\d{1,2})", head)]
        year = re.search(r"NĂM (\d{4})", head)
        year = int(year.group(1)) if year else None
        if kind == "task":
            if months != [pm] or year != py:
                err("%s: task heading '%s' != planned %s" % (fn, head, d["planned_period"]))
        else:
            want = [ym(x)[1] for x in d["reported_months"]]
            if months != want or year != ym(d["reported_months"][0])[0]:
                err("%s: result heading '%s' != reported %s" % (fn, head, d["reported_months"]))
        cur = d["reported_months"][0] if len(d["reported_months"]) == 1 else None
        for off, ln, is_head in lines[1:]:
            s = ln.strip()
            if not s:
                continue
            if HEADING.match(s) or s.endswith(":"):
                mm = re.match(r"^[A-Z]\. Tháng (\d{1,2}) năm (\d{4})$", s)
                if mm and kind == "result":
                    cur = "%s-%02d" % (mm.group(2), int(mm.group(1)))
                if any(a <= off < b or off <= a < off + len(ln) for a, b, _ in spans[fn]):
                    err("%s: heading/lead-in line holds an item: %s" % (fn, s[:60]))
                continue
            if not s.endswith("."):
                err("%s: content line not ending in '.': %s" % (fn, s[:60])); continue
            for a, b in sentences(off, ln):
                iid = by_span.get((a, b))
                if iid is None:
                    err("%s: unlabelled %s sentence: %s" % (fn, kind, t[a:b][:70]))
                    continue
                if items[iid]["kind"] != kind:
                    err("%s: %s labelled in the %s section" % (fn, iid, kind))
                seen_in_section.add(iid)
                if kind == "result":
                    if cur is None:
                        err("%s: %s under no month heading" % (fn, iid))
                    elif items[iid]["period"] != cur:
                        err("%s: %s period %s != section month %s" % (fn, iid, items[iid]["period"], cur))
                if kind == "task":
                    for w in DAYREF.finditer(t[a:b]):
                        day, mon = int(w.group(1)), int(w.group(2))
                        name = (w.group(3) or w.group(4)).lower()
                        try:
                            wd = datetime.date(py, mon, day).weekday()
                        except ValueError:
                            err("%s: bad date %s" % (iid, w.group(0))); continue
                        if WEEKDAY.get(name) != wd:
                            err("%s: wrong weekday in '%s'" % (iid, w.group(0)))
                        if mon != pm:
                            err("%s: calendar date %s outside planned month" % (iid, w.group(0)))
    for s, e, iid in spans[fn]:
        if iid not in seen_in_section:
            err("%s: %s is not a sentence/bullet of its section" % (fn, iid))
    nt = sum(1 for i in items.values() if i["file"] == fn and i["kind"] == "task")
    nr = sum(1 for i in items.values() if i["file"] == fn and i["kind"] == "result")
    if not 10 <= nt <= 18:
        err("%s: %d tasks" % (fn, nt))
    if not (10 <= nr <= 18 or nr == 0):
        err("%s: %d results" % (fn, nr))

# ---------- periods ----------
for iid, it in items.items():
    d = docs.get(it["file"])
    if not d:
        continue
    if it["kind"] == "task" and it["period"] != d["planned_period"]:
        err("%s: period %s != planned %s" % (iid, it["period"], d["planned_period"]))
    if it["kind"] == "result" and it["period"] not in d["reported_months"]:
        err("%s: period %s not reported by %s" % (iid, it["period"], it["file"]))
    pref = it["file"][-6:-4]
    if not iid.startswith(("T" if it["kind"] == "task" else "R") + pref + "-"):
        err("%s: id does not name its file month %s" % (iid, pref))

# ---------- links ----------
unit_docs = {}
for fn, d in docs.items():
    unit_docs.setdefault(d["unit"], []).append(fn)
for u in unit_docs:
    unit_docs[u].sort(key=lambda fn: ym(docs[fn]["planned_period"]))


def unit(iid):
    return docs[items[iid]["file"]]["unit"]


def pp(iid):
    return ym(docs[items[iid]["file"]]["planned_period"])


linked = set()
pairs = set()
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err("follow_through keys: %s" % l); continue
    t_, r_ = l["task"], l["result"]
    if items.get(t_, {}).get("kind") != "task" or items.get(r_, {}).get("kind") != "result":
        err("follow_through bad ids: %s" % l); continue
    if l["status"] not in ("done", "partial"):
        err("follow_through status: %s" % l)
    if (t_, r_) in pairs:
        err("duplicate link %s" % l)
    pairs.add((t_, r_))
    if unit(t_) != unit(r_):
        err("follow_through across units: %s" % l)
    if pp(r_) <= pp(t_) or ym(items[r_]["period"]) < ym(items[t_]["period"]):
        err("follow_through not forward: %s" % l)
    # must be the first later document of the unit that reports the task's month
    first = next((fn for fn in unit_docs[unit(t_)]
                  if ym(docs[fn]["planned_period"]) > pp(t_)
                  and items[t_]["period"] in docs[fn]["reported_months"]), None)
    if items[r_]["file"] != first:
        err("follow_through %s -> %s not in the first document reporting %s" % (t_, r_, items[t_]["period"]))
    linked.add(t_)
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err("carry_over keys: %s" % l); continue
    a, b = l["from"], l["to"]
    if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
        err("carry_over bad ids: %s" % l); continue
    if l["kind"] not in KINDS:
        err("carry_over kind: %s" % l)
    if (a, b) in pairs:
        err("duplicate link %s" % l)
    pairs.add((a, b))
    if unit(a) != unit(b):
        err("carry_over across units: %s" % l)
    ud = unit_docs[unit(a)]
    ia, ib = ud.index(items[a]["file"]), ud.index(items[b]["file"])
    if ib <= ia:
        err("carry_over not forward: %s" % l)
    elif ib != ia + 1:
        print("note: carry_over %s -> %s skips a document" % (a, b))
    linked.add(a)
kinds_split = {}
for l in gold["carry_over"]:
    if l["kind"] == "split":
        kinds_split.setdefault(l["from"], []).append(l["to"])
for a, tos in kinds_split.items():
    if len(tos) < 2:
        err("split of %s has only one part" % a)

# ---------- gaps ----------
expected = set()
for iid, it in items.items():
    if it["kind"] != "task":
        continue
    if it["file"] == unit_docs[unit(iid)][-1]:
        continue
    if iid not in linked:
        expected.add(iid)
got = set(gold["gaps"])
if len(got) != len(gold["gaps"]):
    err("duplicate gap ids")
for g in got - expected:
    err("gap %s is linked, unknown or in a last document" % g)
for g in expected - got:
    err("task %s has no link but is not a gap" % g)

# ---------- decoys ----------
def check_decoys(lst, where, same_unit):
    for p in lst:
        if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
            err("%s: bad decoy pair %s" % (where, p)); continue
        a, b = p
        if same_unit != (unit(a) == unit(b)):
            err("%s: decoy pair %s units wrong" % (where, p))
        if (a, b) in pairs or (b, a) in pairs:
            err("%s: decoy pair %s is linked" % (where, p))


check_decoys(decoys, "cross_unit_decoys", False)
wpath = os.path.join(HERE, "_src", "within_unit_decoys.json")
within = json.load(open(wpath, encoding="utf-8")) if os.path.exists(wpath) else []
check_decoys(within, "within_unit_decoys", True)
if len(unit_docs) > 1 and not decoys:
    err("two units but no cross_unit_decoys")

if errors:
    print("\n".join(errors))
    print("%d error(s)" % len(errors))
    sys.exit(1)
st = {}
for l in gold["follow_through"]:
    st[l["status"]] = st.get(l["status"], 0) + 1
kd = {}
for l in gold["carry_over"]:
    kd[l["kind"]] = kd.get(l["kind"], 0) + 1
print("documents %d, tasks %d, results %d" % (len(docs), sum(1 for i in items.values() if i["kind"] == "task"),
                                              sum(1 for i in items.values() if i["kind"] == "result")))
print("follow_through %d %s; carry_over %d %s; gaps %d; cross-unit decoys %d; within-unit decoys %d"
      % (len(gold["follow_through"]), dict(sorted(st.items())), len(gold["carry_over"]),
         dict(sorted(kd.items())), len(gold["gaps"]), len(decoys), len(within)))
print("OK")
