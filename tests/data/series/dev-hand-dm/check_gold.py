#!/usr/bin/env python3
"""Check gold.json of the hand-DM series against its documents.  Prints OK or the faults."""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errs = []
def err(msg): errs.append(msg)

FILE_RE = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
ID_RE = re.compile(r"^([AB])-([TR])(\d{2})-(\d+)$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
ROMAN = re.compile(r"^(I|II|III|IV|V|VI)\.\s+(.*)$")
MARKER = re.compile(r"^(?:-|\(\d+\)|\d+(?:\.\d+)*\.?)\s+")
SENT_BREAK = re.compile(r"[.!?]\s+[A-ZĐÀ-ỸÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ]")

with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
    gold = json.load(f)

# ---- form
for key, typ in [("documents", list), ("tasks", list), ("results", list), ("follow_through", list),
                 ("carry_over", list), ("gaps", list), ("cross_unit_decoys", list)]:
    if not isinstance(gold.get(key), typ):
        err(f"form: '{key}' missing or not a {typ.__name__}")
if errs:
    print("\n".join(errs)); sys.exit(1)
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err(f"form: document keys {sorted(d)}")
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            err(f"form: {kind} item keys {sorted(it)}")
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}: err(f"form: follow_through keys {sorted(l)}")
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}: err(f"form: carry_over keys {sorted(l)}")
for p in gold["cross_unit_decoys"]:
    if not (isinstance(p, list) and len(p) == 2): err(f"form: decoy {p}")

# ---- documents: names, encoding, NFC, periods
docs = {d["file"]: d for d in gold["documents"]}
texts = {}
month_re = re.compile(r"^\d{4}-\d{2}$")
for fn, d in docs.items():
    m = FILE_RE.match(fn)
    if not m: err(f"{fn}: bad file name"); continue
    if m.group(1) != d["planned_period"]: err(f"{fn}: name month != planned_period")
    if not all(month_re.match(x) for x in d["reported_months"] + [d["planned_period"]]):
        err(f"{fn}: bad month form")
    if sorted(d["reported_months"]) != d["reported_months"] or not d["reported_months"] \
            or d["reported_months"][-1] >= d["planned_period"]:
        err(f"{fn}: reported months must be sorted and before the planned period")
    raw = open(os.path.join(HERE, fn), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"): err(f"{fn}: BOM")
    if b"\r" in raw: err(f"{fn}: CR line ends")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{fn}: not UTF-8"); continue
    if unicodedata.normalize("NFC", t) != t: err(f"{fn}: not NFC")
    texts[fn] = t
    # header date: the meeting is held in the last reported month
    dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t[:600])
    if not dm: err(f"{fn}: no header date")
    else:
        ym = f"{dm.group(3)}-{int(dm.group(2)):02d}"
        if ym != d["reported_months"][-1]: err(f"{fn}: header date {ym} != last reported month")
    if "Số " not in t[:600] or "ĐẢNG CỘNG SẢN VIỆT NAM" not in t[:600]: err(f"{fn}: header incomplete")
    if "Nơi nhận" not in t: err(f"{fn}: no Nơi nhận")
    head = t[:t.find("\nI. ")] if "\nI. " in t else t[:1500]
    for mth in d["reported_months"] + [d["planned_period"]]:
        mm = int(mth[5:])
        if not re.search(rf"tháng 0?{mm}\b", head): err(f"{fn}: title/preamble does not name month {mth}")

units = defaultdict(list)
for fn, d in docs.items():
    units[d["unit"]].append(fn)
for u in units:
    units[u].sort(key=lambda f: docs[f]["planned_period"])
order = {fn: (docs[fn]["unit"], i) for u in units for i, fn in enumerate(units[u])}
last_doc = {u: fs[-1] for u, fs in units.items()}

# ---- items
items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        iid = it["id"]
        if iid in items: err(f"duplicate id {iid}")
        if not ID_RE.match(iid): err(f"bad id {iid}")
        if it["file"] not in docs: err(f"{iid}: unknown file"); continue
        items[iid] = dict(it, kind=kind)

spans = defaultdict(list)
for iid, it in items.items():
    t = texts.get(it["file"])
    if t is None: continue
    if it["text"] != it["text"].strip() or not it["text"]: err(f"{iid}: text has outer blanks or is empty")
    n = t.count(it["text"])
    if n != 1: err(f"{iid}: text occurs {n} times in {it['file']}"); continue
    if "\n" in it["text"]: err(f"{iid}: text spans lines")
    if SENT_BREAK.search(it["text"]): err(f"{iid}: text holds more than one sentence")
    s = t.index(it["text"])
    spans[it["file"]].append((s, s + len(it["text"]), iid))
for fn, sp in spans.items():
    sp.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
        if a2 < b1: err(f"{fn}: {i1} overlaps {i2}")


def sections(t):
    """(kind, start, end) of the results and tasks sections, by their Roman headings."""
    heads = []
    pos = 0
    for line in t.split("\n"):
        m = ROMAN.match(line)
        if m: heads.append((pos, pos + len(line) + 1, m.group(2)))
        pos += len(line) + 1
    out = []
    for i, (s, e, title) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(t)
        up = title.upper()
        if "KẾT QUẢ" in up: out.append(("results", e, end))
        elif "PHƯƠNG HƯỚNG" in up or "NHIỆM VỤ TRỌNG TÂM" in up: out.append(("tasks", e, end))
    return out


for fn, t in texts.items():
    d = docs[fn]
    secs = sections(t)
    kinds = [k for k, _, _ in secs]
    if kinds.count("tasks") != 1 or kinds.count("results") != 1:
        err(f"{fn}: expected one results and one tasks section, got {kinds}"); continue
    cover = [None] * len(t)
    for a, b, iid in spans.get(fn, []):
        for i in range(a, b): cover[i] = iid
    sec_of = {}
    for kind, a, b in secs:
        for i in range(a, b): sec_of[i] = kind
    # every item inside the right section
    for a, b, iid in spans.get(fn, []):
        want = items[iid]["kind"]
        if any(sec_of.get(i) != want for i in (a, b - 1)):
            err(f"{iid}: not inside the {want} section of {fn}")
    # every content line of the sections fully labelled; headings and lead-ins skipped
    for kind, a, b in secs:
        sub_month = None
        pos = a
        for line in t[a:b].split("\n"):
            ls, le = pos, pos + len(line)
            pos = le + 1
            s = line.strip()
            if not s: continue
            mh = re.search(r"[Kk]ết quả tháng (\d{1,2})/(\d{4})", s)
            if " | " in s:
                cells = s.split(" | ")
                if cells[0] == "TT": continue  # table header
                if len(cells) != 4 or not cells[0].isdigit():
                    err(f"{fn}: malformed table row: {s[:50]}"); continue
                cs = ls + line.index(" | ") + 3
                ce = cs + len(cells[1])
                rng = (cs, ce)
            elif s.endswith(":"):
                continue  # lead-in
            elif not s.startswith("-") and not re.match(r"^\d+\.\d+\.?\s", s) and s[-1] not in ".;!?)”":
                if mh: sub_month = f"{mh.group(2)}-{int(mh.group(1)):02d}"
                continue  # group heading
            else:
                m = MARKER.match(line)
                cs = ls + (m.end() if m else 0)
                rng = (cs, le)
            holder = set()
            for i in range(*rng):
                if t[i].isspace() or t[i] in ".;,": continue
                if cover[i] is None:
                    err(f"{fn}: unlabelled text in {kind}: {t[rng[0]:rng[1]][:60]}"); break
                holder.add(cover[i])
            if kind == "results" and len(d["reported_months"]) > 1:
                for iid in holder:
                    if sub_month is None: err(f"{iid}: result of a multi-month report outside a month heading")
                    elif items[iid]["period"] != sub_month:
                        err(f"{iid}: period {items[iid]['period']} but under heading of {sub_month}")
    # counts and periods
    nt = [i for i, it in items.items() if it["file"] == fn and it["kind"] == "tasks"]
    nr = [i for i, it in items.items() if it["file"] == fn and it["kind"] == "results"]
    if not 10 <= len(nt) <= 18: err(f"{fn}: {len(nt)} tasks (want 10-18)")
    if not 10 <= len(nr) <= 18: err(f"{fn}: {len(nr)} results (want 10-18)")
    for i in nt:
        if items[i]["period"] != d["planned_period"]: err(f"{i}: period != planned period of {fn}")
    for i in nr:
        if items[i]["period"] not in d["reported_months"]: err(f"{i}: period not a reported month of {fn}")

# id prefix agrees with unit and kind
unit_letter = {}
for iid, it in items.items():
    m = ID_RE.match(iid)
    if not m: continue
    u = docs[it["file"]]["unit"]
    unit_letter.setdefault(u, m.group(1))
    if unit_letter[u] != m.group(1): err(f"{iid}: id letter does not match unit {u}")
    if (m.group(2) == "T") != (it["kind"] == "tasks"): err(f"{iid}: id kind letter wrong")
    if it["period"][5:] != m.group(3): err(f"{iid}: id month != period")


def unit_of(i): return docs[items[i]["file"]]["unit"]
def docidx(i): return order[items[i]["file"]][1]

# ---- follow-through
seen = set()
for l in gold["follow_through"]:
    t, r = l["task"], l["result"]
    if (t, r) in seen: err(f"duplicate follow-through {t}->{r}")
    seen.add((t, r))
    if t not in items or items[t]["kind"] != "tasks": err(f"follow-through: {t} is not a task"); continue
    if r not in items or items[r]["kind"] != "results": err(f"follow-through: {r} is not a result"); continue
    if l["status"] not in STATUSES: err(f"follow-through {t}->{r}: status {l['status']}")
    if unit_of(t) != unit_of(r): err(f"follow-through {t}->{r} crosses units")
    if docidx(r) != docidx(t) + 1: err(f"follow-through {t}->{r}: result not in the unit's next document")
    if items[r]["period"] < items[t]["period"]: err(f"follow-through {t}->{r}: result reports on an earlier month")
    if items[t]["period"] not in docs[items[r]["file"]]["reported_months"]:
        err(f"follow-through {t}->{r}: result document does not report the task's month")

# ---- carry-over
seen = set()
for l in gold["carry_over"]:
    a, b = l["from"], l["to"]
    if (a, b) in seen: err(f"duplicate carry-over {a}->{b}")
    seen.add((a, b))
    if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks":
        err(f"carry-over {a}->{b}: not two tasks"); continue
    if l["kind"] not in KINDS: err(f"carry-over {a}->{b}: kind {l['kind']}")
    if unit_of(a) != unit_of(b): err(f"carry-over {a}->{b} crosses units")
    if items[b]["period"] <= items[a]["period"]: err(f"carry-over {a}->{b} not forward in time")
    if docidx(b) != docidx(a) + 1: err(f"carry-over {a}->{b}: target not in the unit's next document")
splits = defaultdict(list)
for l in gold["carry_over"]:
    if l["kind"] == "split": splits[l["from"]].append(l["to"])
for a, tos in splits.items():
    if len(tos) < 2: err(f"split of {a} has only one target")

# ---- gaps
linked = {l["task"] for l in gold["follow_through"]} | {l["from"] for l in gold["carry_over"]}
want_gaps = {i for i, it in items.items() if it["kind"] == "tasks" and i not in linked
             and it["file"] != last_doc[unit_of(i)]}
have = set(gold["gaps"])
if len(have) != len(gold["gaps"]): err("duplicate gap ids")
for i in sorted(want_gaps - have): err(f"gap missing: {i}")
for i in sorted(have - want_gaps): err(f"not a gap: {i}")

# ---- decoys
links = {(l["task"], l["result"]) for l in gold["follow_through"]} | {(l["from"], l["to"]) for l in gold["carry_over"]}
for a, b in gold["cross_unit_decoys"]:
    if a not in items or b not in items: err(f"decoy {a},{b}: unknown id"); continue
    if unit_of(a) == unit_of(b): err(f"decoy {a},{b}: same unit")
    if (a, b) in links or (b, a) in links: err(f"decoy {a},{b} is linked")
    if a == b: err("decoy pairs an item with itself")

if errs:
    print("\n".join(errs))
    print(f"{len(errs)} fault(s)")
    sys.exit(1)
c = defaultdict(int)
for l in gold["follow_through"]: c["ft_" + l["status"]] += 1
for l in gold["carry_over"]: c["co_" + l["kind"]] += 1
print(f"OK: {len(docs)} documents, {len(gold['tasks'])} tasks, {len(gold['results'])} results, "
      f"{len(gold['follow_through'])} follow-through ({c['ft_done']} done, {c['ft_partial']} partial), "
      f"{len(gold['carry_over'])} carry-over (" + ", ".join(f"{k[3:]} {v}" for k, v in sorted(c.items()) if k.startswith('co_')) +
      f"), {len(gold['gaps'])} gaps, {len(gold['cross_unit_decoys'])} decoys")
