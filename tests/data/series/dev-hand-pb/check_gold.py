#!/usr/bin/env python3
"""Check gold.json of this series against its documents.  Prints OK or the errors."""
import json, os, re, sys, unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
def err(msg):
    errors.append(msg)

STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
RESULT_GROUPS = {"Đã hoàn thành:", "Đang triển khai:", "Chưa thực hiện được:"}
TASK_GROUP = re.compile(r"^(Trước ngày (\d{1,2})/(\d{1,2})/(\d{4})|Trong tháng (\d{1,2})/(\d{4})|Thường xuyên):$")
GROUP_PREFIX = re.compile(r"^(\d+\.|[a-z]\))\s+")
BULLET = re.compile(r"^[-+•]\s+(.*)$")
SENT_BREAK = re.compile(r"[.!?]\s+[A-ZĐÀ-Ỹ\"“]")

def month_of(y, m):
    return "%04d-%02d" % (int(y), int(m))

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---- form
for key, typ in [("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)]:
    if not isinstance(gold.get(key), typ):
        err("gold.%s missing or not a %s" % (key, typ.__name__))
if errors:
    print("\n".join(errors)); sys.exit(1)
decoys = gold.get("cross_unit_decoys", [])
for d in gold["documents"]:
    for k in ("file", "unit", "reported_months", "planned_period"):
        if k not in d:
            err("document %r lacks %s" % (d, k))
    for mth in d.get("reported_months", []) + [d.get("planned_period", "")]:
        if not MONTH.match(str(mth)):
            err("%s: bad month %r" % (d.get("file"), mth))
items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        for k in ("id", "file", "period", "text"):
            if not isinstance(it.get(k), str) or not it.get(k):
                err("%s item %r lacks %s" % (kind, it, k))
        if it["id"] in items:
            err("duplicate id %s" % it["id"])
        items[it["id"]] = dict(it, kind=kind[:-1])
docs = {d["file"]: d for d in gold["documents"]}
if len(docs) != len(gold["documents"]):
    err("duplicate document file")

# ---- files: names, encoding, NFC
texts = {}
for f, d in docs.items():
    m = NAME.match(f)
    if not m:
        err("bad file name %s" % f); continue
    if m.group(2) != d["planned_period"]:
        err("%s: name month %s != planned_period %s" % (f, m.group(2), d["planned_period"]))
    path = os.path.join(HERE, f)
    if not os.path.exists(path):
        err("missing file %s" % f); continue
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s has a BOM" % f)
    if b"\r" in raw:
        err("%s has CR line ends" % f)
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err("%s is not UTF-8" % f); continue
    if unicodedata.normalize("NFC", t) != t:
        err("%s is not NFC" % f)
    if "{{" in t or "}}" in t:
        err("%s still has hand marks" % f)
    texts[f] = t
for f in os.listdir(HERE):
    if f.endswith(".txt") and f not in docs:
        err("document %s not in gold.json" % f)

# ---- exact unique substrings, no overlaps
spans = defaultdict(list)
for iid, it in items.items():
    t = texts.get(it["file"])
    if t is None:
        err("%s: unknown file %s" % (iid, it["file"])); continue
    if unicodedata.normalize("NFC", it["text"]) != it["text"]:
        err("%s: text not NFC" % iid)
    n = t.count(it["text"])
    if n != 1:
        err("%s: text found %d times in %s" % (iid, n, it["file"])); continue
    s = t.index(it["text"])
    spans[it["file"]].append((s, s + len(it["text"]), iid))
    if SENT_BREAK.search(it["text"]):
        err("%s: item holds more than one sentence" % iid)
for f, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err("%s: %s and %s overlap" % (f, a[2], b[2]))

# ---- sections: every bullet of results / tasks sections labelled
def section_of(line, cur):
    if re.match(r"^I\.\s+KẾT QUẢ", line): return "results"
    if re.match(r"^II\.\s", line): return "limits"
    if re.match(r"^III\.\s+NHIỆM VỤ", line): return "tasks"
    if re.match(r"^IV\.\s", line): return "closing"
    return cur

MONTH_WORDS = re.compile(r"tháng (\d{1,2})")
for f, t in texts.items():
    d = docs[f]
    by_text = {it["text"]: iid for iid, it in items.items() if it["file"] == f}
    seen = set()
    cur, saw = None, set()
    lines = t.split("\n")
    offset = 0
    for line in lines:
        start = offset
        offset += len(line) + 1
        cur = section_of(line, cur)
        saw.add(cur)
        if cur not in ("results", "tasks"):
            continue
        s = line.strip()
        if not s or re.match(r"^(I|III)\.\s", s):
            continue
        b = BULLET.match(s)
        if not b:
            head = GROUP_PREFIX.sub("", s)
            if cur == "results" and head in RESULT_GROUPS:
                continue
            if cur == "tasks":
                g = TASK_GROUP.match(head)
                if g:
                    if g.group(2) and month_of(g.group(4), g.group(3)) != d["planned_period"]:
                        err("%s: group %r outside planned month" % (f, head))
                    if g.group(5) and month_of(g.group(6), g.group(5)) != d["planned_period"]:
                        err("%s: group %r outside planned month" % (f, head))
                    continue
            if len(s) > 40 and s.endswith(":"):
                continue  # lead-in sentence
            err("%s: unexpected non-bullet line in %s section: %r" % (f, cur, s[:60]))
            continue
        content = b.group(1)
        iid = by_text.get(content)
        if iid is None:
            err("%s: unlabelled or mislabelled bullet in %s: %r" % (f, cur, content[:60]))
            continue
        want = "result" if cur == "results" else "task"
        if items[iid]["kind"] != want:
            err("%s: %s lies in the %s section" % (f, iid, cur))
        seen.add(iid)
    for iid in by_text.values():
        if iid not in seen:
            err("%s: item %s is not a bullet of its section" % (f, iid))
    if "results" not in saw or "tasks" not in saw:
        err("%s: results or tasks section not found" % f)
    # counts
    nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "task")
    nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "result")
    if not 10 <= nt <= 18:
        err("%s: %d tasks" % (f, nt))
    if not (10 <= nr <= 18 or nr == 0):
        err("%s: %d results" % (f, nr))
    # title and date agree with the periods
    title = next((l for l in lines if l.startswith("về kết quả")), "")
    m = re.search(r"^về kết quả thực hiện nhiệm vụ (.*) và nhiệm vụ trọng tâm tháng (\d{1,2}) năm (\d{4})$", title)
    if not m:
        err("%s: title line not found" % f)
    else:
        year = m.group(3)
        rep = sorted(month_of(year, x) for x in MONTH_WORDS.findall(m.group(1)))
        if rep != sorted(d["reported_months"]):
            err("%s: title reports %s, gold says %s" % (f, rep, d["reported_months"]))
        if month_of(year, m.group(2)) != d["planned_period"]:
            err("%s: title plans %s" % (f, m.group(2)))
    dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
    if not dm or month_of(dm.group(3), dm.group(2)) != max(d["reported_months"]):
        err("%s: issue date not in the last reported month" % f)
    if not re.search(r"^Số \d+-TB/ĐU$", t, re.M):
        err("%s: no 'Số ...-TB/ĐU' line" % f)
    for must in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Nơi nhận:", "THÔNG BÁO"):
        if must not in t:
            err("%s: lacks %r" % (f, must))

# ---- periods of items
for iid, it in items.items():
    d = docs.get(it["file"])
    if not d:
        continue
    if it["kind"] == "task" and it["period"] != d["planned_period"]:
        err("%s: period %s != planned %s" % (iid, it["period"], d["planned_period"]))
    if it["kind"] == "result" and it["period"] not in d["reported_months"]:
        err("%s: period %s not reported by %s" % (iid, it["period"], it["file"]))

# ---- links
order = {}
for u in {d["unit"] for d in docs.values()}:
    ds = sorted((d for d in docs.values() if d["unit"] == u), key=lambda d: d["planned_period"])
    for i, d in enumerate(ds):
        order[d["file"]] = i
unit = lambda iid: docs[items[iid]["file"]]["unit"]
linked = set()
pairs = set()
for l in gold["follow_through"]:
    t, r, s = l.get("task"), l.get("result"), l.get("status")
    if t not in items or items[t]["kind"] != "task" or r not in items or items[r]["kind"] != "result":
        err("follow_through %r: bad ids" % l); continue
    if s not in STATUSES:
        err("follow_through %r: bad status" % l)
    if unit(t) != unit(r):
        err("follow_through %r crosses units" % l)
    if order[items[r]["file"]] <= order[items[t]["file"]]:
        err("follow_through %r not forward" % l)
    if items[r]["period"] != items[t]["period"]:
        err("follow_through %r: result reports %s, task planned %s" % (l, items[r]["period"], items[t]["period"]))
    first = min((dd for dd in docs.values() if dd["unit"] == unit(t) and items[t]["period"] in dd["reported_months"]),
                key=lambda dd: dd["planned_period"], default=None)
    if first and first["file"] != items[r]["file"]:
        err("follow_through %r: not in the first document reporting %s" % (l, items[t]["period"]))
    if (t, r) in pairs:
        err("duplicate link %s-%s" % (t, r))
    pairs.add((t, r)); linked.add(t)
for l in gold["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
        err("carry_over %r: bad ids" % l); continue
    if k not in KINDS:
        err("carry_over %r: bad kind" % l)
    if unit(a) != unit(b):
        err("carry_over %r crosses units" % l)
    if order[items[b]["file"]] <= order[items[a]["file"]]:
        err("carry_over %r not forward" % l)
    if (a, b) in pairs:
        err("duplicate link %s-%s" % (a, b))
    pairs.add((a, b)); linked.add(a)

# ---- gaps
last = {}
for d in docs.values():
    if d["unit"] not in last or d["planned_period"] > last[d["unit"]]:
        last[d["unit"]] = d["planned_period"]
want_gaps = {iid for iid, it in items.items() if it["kind"] == "task" and iid not in linked
             and docs[it["file"]]["planned_period"] != last[docs[it["file"]]["unit"]]}
got = gold["gaps"]
if len(set(got)) != len(got):
    err("duplicate gap ids")
if set(got) != want_gaps:
    err("gaps differ: missing %s, extra %s" % (sorted(want_gaps - set(got)), sorted(set(got) - want_gaps)))

# ---- decoys (cross-unit) and in-unit near misses: never linked
nm_path = os.path.join(HERE, "near_miss.json")
near = json.load(open(nm_path, encoding="utf-8")) if os.path.exists(nm_path) else []
for a, b in decoys:
    if a not in items or b not in items:
        err("decoy %s-%s: unknown id" % (a, b)); continue
    if unit(a) == unit(b):
        err("decoy %s-%s within one unit" % (a, b))
for a, b in list(decoys) + list(near):
    if a not in items or b not in items:
        err("near miss %s-%s: unknown id" % (a, b)); continue
    if (a, b) in pairs or (b, a) in pairs:
        err("decoy/near miss %s-%s is linked" % (a, b))

if errors:
    print("\n".join(errors))
    print("%d error(s)" % len(errors))
    sys.exit(1)
c = Counter(l["status"] for l in gold["follow_through"])
k = Counter(l["kind"] for l in gold["carry_over"])
print("documents %d, tasks %d, results %d, follow_through %d %s, carry_over %d %s, gaps %d, decoys %d, near misses %d"
      % (len(docs), sum(1 for i in items.values() if i["kind"] == "task"),
         sum(1 for i in items.values() if i["kind"] == "result"),
         len(gold["follow_through"]), dict(sorted(c.items())), len(gold["carry_over"]),
         dict(sorted(k.items())), len(got), len(decoys), len(near)))
print("OK")
