#!/usr/bin/env python3
"""Check gold.json of the hand-FD series against its documents.  Prints OK or
the list of problems.  Usage: python3 check_gold.py [SERIES_DIR]"""
import json, os, re, sys, unicodedata
from collections import defaultdict

DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


FT_STATUS = {"done", "partial"}
CO_KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-\d{2}$")
HEADING = re.compile(r"^(?:([IVX]+)|(\d+)|([a-zđ]))[.)]\s+\S")
CLOSING = ("Ban Thường vụ Đảng ủy giao", "Trên đây", "Nơi nhận")
MARKER = re.compile(r"^(?:- |\+ |\(\d+\) )")
DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")

# ---------------------------------------------------------------- form
try:
    with open(os.path.join(DIR, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
except Exception as e:  # noqa
    print("FAIL: cannot read gold.json:", e)
    sys.exit(1)

for key, typ in (("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list),
                 ("cross_unit_decoys", list)):
    if not isinstance(gold.get(key), typ):
        err("form: %s missing or not a %s" % (key, typ.__name__))
if errors:
    print("\n".join(errors))
    sys.exit(1)


def need(obj, fields, where):
    for k, t in fields:
        if not isinstance(obj, dict) or not isinstance(obj.get(k), t):
            err("form: %s lacks %s (%s)" % (where, k, t.__name__))
            return False
    return True


docs = {}
for d in gold["documents"]:
    if not need(d, (("file", str), ("unit", str), ("reported_months", list),
                    ("planned_period", str)), "document %r" % d):
        continue
    if d["file"] in docs:
        err("form: document listed twice: " + d["file"])
    docs[d["file"]] = d
    if not MONTH.match(d["planned_period"]) or not all(isinstance(m, str) and MONTH.match(m) for m in d["reported_months"]):
        err("form: bad month in " + d["file"])

items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if not need(it, (("id", str), ("file", str), ("period", str), ("text", str)), "%s item %r" % (kind, it)):
            continue
        if it["id"] in items:
            err("form: duplicate id " + it["id"])
        it = dict(it, kind=kind[:-1])
        items[it["id"]] = it
        if it["file"] not in docs:
            err("form: %s names unknown file %s" % (it["id"], it["file"]))
        if not it["text"].strip():
            err("form: empty text " + it["id"])
for l in gold["follow_through"]:
    need(l, (("task", str), ("result", str), ("status", str)), "follow_through %r" % l)
for l in gold["carry_over"]:
    need(l, (("from", str), ("to", str), ("kind", str)), "carry_over %r" % l)
for g in gold["gaps"]:
    if not isinstance(g, str):
        err("form: gap not a string %r" % g)
for p in gold["cross_unit_decoys"]:
    if not (isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)):
        err("form: decoy pair %r" % p)
if errors:
    print("\n".join(errors))
    sys.exit(1)

# ---------------------------------------------------------------- files, encoding
on_disk = sorted(f for f in os.listdir(DIR) if f.endswith(".txt"))
for f in on_disk:
    if f not in docs:
        err("file on disk not in documents: " + f)
texts = {}
for fn, d in docs.items():
    m = FNAME.match(fn)
    if not m:
        err("bad file name " + fn)
    elif m.group(2) != d["planned_period"]:
        err("%s: name month %s != planned_period %s" % (fn, m.group(2), d["planned_period"]))
    path = os.path.join(DIR, fn)
    if not os.path.exists(path):
        err("missing file " + fn)
        continue
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(fn + ": BOM")
    if b"\r" in raw:
        err(fn + ": CR line ends")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err("%s: not UTF-8 (%s)" % (fn, e))
        continue
    if unicodedata.normalize("NFC", t) != t:
        err(fn + ": not NFC")
    texts[fn] = t

# ---------------------------------------------------------------- substrings, overlaps
spans = defaultdict(list)  # file -> [(start, end, id)]
for iid, it in items.items():
    t = texts.get(it["file"])
    if t is None:
        continue
    if unicodedata.normalize("NFC", it["text"]) != it["text"]:
        err(iid + ": text not NFC")
    n = t.count(it["text"])
    if n != 1:
        err("%s: text occurs %d times in %s" % (iid, n, it["file"]))
        continue
    s = t.index(it["text"])
    spans[it["file"]].append((s, s + len(it["text"]), iid))
for fn, sp in spans.items():
    sp.sort()
    for (a0, a1, ai), (b0, b1, bi) in zip(sp, sp[1:]):
        if b0 < a1:
            err("%s: items %s and %s overlap" % (fn, ai, bi))

# ---------------------------------------------------------------- sections and labelling
def sections(t):
    """yield (line_start, line_text, section, role) for every line."""
    section, pos = "head", 0
    out = []
    for line in t.split("\n"):
        s = line.strip()
        role = "blank" if not s else "content"
        if s.startswith(CLOSING):
            section = "end"
        elif s and HEADING.match(s) and not s.endswith((".", ";")) and len(s) <= 140:
            role = "heading"
            low = s.lower()
            top = not HEADING.match(s).group(3)
            if "hạn chế" in low:
                section = "lim"
            elif "nhiệm vụ trọng tâm" in low or "phương hướng" in low:
                section = "tasks"
            elif "kết quả" in low and top:
                section = "results"
        elif s.endswith(":") or s.startswith("Nguyên nhân"):
            role = "leadin"
        out.append((pos, line, section, role))
        pos += len(line) + 1
    return out


SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\w“(])")

counts = {}
for fn, t in texts.items():
    d = docs[fn]
    lines = sections(t)
    kind_at = {}
    sp = spans.get(fn, [])
    by_start = {s: (e, i) for s, e, i in sp}
    nt = sum(1 for _, _, i in sp if items[i]["kind"] == "task")
    nr = sum(1 for _, _, i in sp if items[i]["kind"] == "result")
    counts[fn] = (nt, nr)
    seen_sections = {sec for _, _, sec, _ in lines}
    for need_sec in ("results", "lim", "tasks", "end"):
        if need_sec not in seen_sections and not (need_sec == "results" and nr == 0):
            err("%s: no %s section found" % (fn, need_sec))
    month_heading = None
    for pos, line, sec, role in lines:
        if sec == "results" and role == "heading":
            hm = HEADING.match(line.strip())
            ms = re.findall(r"[Tt]háng (\d{1,2})\b", line)
            # a lettered sub-heading naming one month ("a) Tháng 4 năm 2026") fixes the period below it
            month_heading = int(ms[0]) if hm.group(3) and len(ms) == 1 else None
        if sec not in ("results", "tasks") or role != "content":
            # an item must not sit outside its section
            for s, e, i in sp:
                if pos <= s < pos + len(line) + 1:
                    err("%s: %s lies outside a results/tasks content line" % (fn, i))
            continue
        want = "result" if sec == "results" else "task"
        body_off = len(line) - len(line.lstrip())
        body = line.strip()
        m = MARKER.match(body)
        is_bullet = bool(m)
        if m:
            body_off += m.end()
            body = body[m.end():]
        units = [body] if is_bullet else [u for u in SENT_SPLIT.split(body) if u.strip()]
        cur = pos + body_off
        for u in units:
            start = t.index(u, cur)
            cur = start + len(u)
            hit = by_start.get(start)
            if not hit or hit[0] != start + len(u):
                err("%s: unlabelled or mis-cut %s in %s section: %r" % (
                    fn, "bullet" if is_bullet else "sentence", sec, u[:70]))
                continue
            it = items[hit[1]]
            if it["kind"] != want:
                err("%s: %s is a %s inside the %s section" % (fn, it["id"], it["kind"], sec))
            if want == "result" and len(d["reported_months"]) > 1:
                mm = int(it["period"][5:])
                lead = re.match(r"(?:Trong đợt cao điểm )?[Tt]háng (\d{1,2})\b", u)
                if month_heading and month_heading != mm:
                    err("%s: %s period %s under heading of month %d" % (fn, it["id"], it["period"], month_heading))
                if lead and int(lead.group(1)) != mm:
                    err("%s: %s says tháng %s but period is %s" % (fn, it["id"], lead.group(1), it["period"]))

    # counts
    if not (10 <= nt <= 18):
        err("%s: %d tasks (want 10-18)" % (fn, nt))
    if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
        err("%s: %d results (want 10-18)" % (fn, nr))

    # header, genre, title and date agree with the periods
    head = t[: t.find("\n1. ") if "\n1. " in t else 1500]
    if not re.search(r"^Số:? ", t, re.M):
        err(fn + ": no 'Số' line")
    if "ĐẢNG CỘNG SẢN VIỆT NAM" not in t and not ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in t and "Độc lập - Tự do - Hạnh phúc" in t):
        err(fn + ": no national/Party header")
    if "Nơi nhận:" not in t:
        err(fn + ": no 'Nơi nhận'")
    title = next((l for l in t.split("\n") if re.match(r"^(về k|K)ết quả thực hiện", l)), None)
    if not title:
        err(fn + ": title line not found")
    else:
        tm = {int(x) for x in re.findall(r"tháng (\d{1,2})", title)}
        want = {int(m[5:]) for m in d["reported_months"]} | {int(d["planned_period"][5:])}
        if tm != want:
            err("%s: title months %s != periods %s" % (fn, sorted(tm), sorted(want)))
        if "năm " + d["planned_period"][:4] not in title:
            err(fn + ": title year")
    dm = DATE.search(t)
    if not dm:
        err(fn + ": no date")
    else:
        ym = "%s-%02d" % (dm.group(3), int(dm.group(2)))
        last = max(d["reported_months"]) if d["reported_months"] else None
        if last and ym != last:
            err("%s: dated %s, not in last reported month %s" % (fn, ym, last))
        if ym >= d["planned_period"]:
            err("%s: dated %s, not before planned period" % (fn, ym))

# ---------------------------------------------------------------- periods and ids
unit_prefix = {}
for iid, it in items.items():
    d = docs.get(it["file"])
    if not d:
        continue
    m = re.match(r"^([A-Z])-([TR])(\d{2})-\d{2}$", iid)
    if not m:
        err("id form " + iid)
        continue
    unit_prefix.setdefault(d["unit"], set()).add(m.group(1))
    if m.group(3) != d["planned_period"][5:]:
        err("%s: id month != planned month of %s" % (iid, it["file"]))
    if it["kind"] == "task":
        if m.group(2) != "T" or it["period"] != d["planned_period"]:
            err("%s: task period %s != planned %s" % (iid, it["period"], d["planned_period"]))
    else:
        if m.group(2) != "R" or it["period"] not in d["reported_months"]:
            err("%s: result period %s not among reported %s" % (iid, it["period"], d["reported_months"]))
for u, ps in unit_prefix.items():
    if len(ps) != 1:
        err("unit %s uses id prefixes %s" % (u, ps))

# ---------------------------------------------------------------- links
unit_docs = defaultdict(list)
for fn, d in docs.items():
    unit_docs[d["unit"]].append(d)
for u in unit_docs:
    unit_docs[u].sort(key=lambda d: d["planned_period"])
    pp = [d["planned_period"] for d in unit_docs[u]]
    if len(set(pp)) != len(pp):
        err("unit %s: two documents plan the same month" % u)
    for a, b in zip(unit_docs[u], unit_docs[u][1:]):
        if b["reported_months"] and min(b["reported_months"]) != a["planned_period"]:
            err("unit %s: %s does not start reporting at %s" % (u, b["file"], a["planned_period"]))


def unit_of(iid):
    return docs[items[iid]["file"]]["unit"]


def doc_of(iid):
    return docs[items[iid]["file"]]


pairs = set()
ft_tasks, co_from = set(), set()
for l in gold["follow_through"]:
    t, r = l["task"], l["result"]
    if t not in items or items[t]["kind"] != "task":
        err("follow_through: %s is not a task" % t)
        continue
    if r not in items or items[r]["kind"] != "result":
        err("follow_through: %s is not a result" % r)
        continue
    if l["status"] not in FT_STATUS:
        err("follow_through %s->%s: status %s" % (t, r, l["status"]))
    if (t, r) in pairs:
        err("duplicate link %s->%s" % (t, r))
    pairs.add((t, r))
    ft_tasks.add(t)
    if unit_of(t) != unit_of(r):
        err("follow_through across units %s->%s" % (t, r))
        continue
    if doc_of(r)["planned_period"] <= doc_of(t)["planned_period"] or items[r]["period"] < items[t]["period"]:
        err("follow_through not forward %s->%s" % (t, r))
    first = next((d for d in unit_docs[unit_of(t)] if items[t]["period"] in d["reported_months"]), None)
    if first is None or first["file"] != items[r]["file"]:
        err("follow_through %s->%s: result not in the first document reporting %s" % (t, r, items[t]["period"]))
for l in gold["carry_over"]:
    a, b = l["from"], l["to"]
    if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
        err("carry_over %s->%s: not two tasks" % (a, b))
        continue
    if l["kind"] not in CO_KINDS:
        err("carry_over %s->%s: kind %s" % (a, b, l["kind"]))
    if (a, b) in pairs:
        err("duplicate link %s->%s" % (a, b))
    pairs.add((a, b))
    co_from.add(a)
    if unit_of(a) != unit_of(b):
        err("carry_over across units %s->%s" % (a, b))
    elif items[b]["period"] <= items[a]["period"]:
        err("carry_over not forward %s->%s" % (a, b))
split_from = defaultdict(int)
for l in gold["carry_over"]:
    if l["kind"] == "split":
        split_from[l["from"]] += 1
for a, n in split_from.items():
    if n < 2:
        err("split %s has a single part" % a)

# ---------------------------------------------------------------- gaps
want_gaps = set()
for u, ds in unit_docs.items():
    last = ds[-1]["file"]
    for iid, it in items.items():
        if it["kind"] == "task" and docs[it["file"]]["unit"] == u and it["file"] != last:
            if iid not in ft_tasks and iid not in co_from:
                want_gaps.add(iid)
got_gaps = set(gold["gaps"])
if len(got_gaps) != len(gold["gaps"]):
    err("gaps: duplicates")
for g in sorted(got_gaps - want_gaps):
    err("gap %s is linked, unknown or in a last document" % g)
for g in sorted(want_gaps - got_gaps):
    err("task %s has no link and is not listed as a gap" % g)

# ---------------------------------------------------------------- decoys
linked = {frozenset(p) for p in pairs}
units = set(unit_docs)
if len(units) == 2 and not gold["cross_unit_decoys"]:
    err("two units but no cross_unit_decoys")
for a, b in gold["cross_unit_decoys"]:
    if a not in items or b not in items:
        err("decoy %s/%s: unknown id" % (a, b))
        continue
    if unit_of(a) == unit_of(b):
        err("decoy %s/%s within one unit" % (a, b))
    if frozenset((a, b)) in linked:
        err("decoy %s/%s is linked" % (a, b))

# ---------------------------------------------------------------- report
if errors:
    print("\n".join(errors))
    print("FAIL: %d problem(s)" % len(errors))
    sys.exit(1)
nft = defaultdict(int)
for l in gold["follow_through"]:
    nft[l["status"]] += 1
nco = defaultdict(int)
for l in gold["carry_over"]:
    nco[l["kind"]] += 1
print("documents %d, tasks %d, results %d" % (len(docs), sum(1 for i in items.values() if i["kind"] == "task"),
                                             sum(1 for i in items.values() if i["kind"] == "result")))
for fn in sorted(counts):
    print("  %-24s tasks %2d results %2d" % (fn, *counts[fn]))
print("follow-through %d %s" % (len(gold["follow_through"]), dict(sorted(nft.items()))))
print("carry-over %d %s" % (len(gold["carry_over"]), dict(sorted(nco.items()))))
print("gaps %d, cross-unit decoys %d" % (len(gold["gaps"]), len(gold["cross_unit_decoys"])))
print("OK")
