#!/usr/bin/env python3
"""Check gold.json of this series against its documents.

    python3 check_gold.py [SERIES_DIR]      (default: the folder of this script)

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / \\n; every
item text an exact unique substring of its file, items not overlapping and
each a whole sentence or bullet; every sentence/bullet of the results and
tasks sections labelled (headings, lead-ins ending in ":" and the "Tuy
nhiên ..." limitations paragraph skipped); counts per document (10-18);
periods against the documents (file name, V/v line, date, lead-ins);
links within one unit and forward in time, follow-through to the first
later document reporting the task's month; allowed statuses and kinds;
gaps exactly the unlinked tasks of non-last documents; decoys never linked.
Prints OK when everything holds.
"""
import json
import os
import re
import sys
import unicodedata

DIR = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


def month_add(ym, k):
    y, m = map(int, ym.split("-"))
    t = y * 12 + (m - 1) + k
    return f"{t // 12:04d}-{t % 12 + 1:02d}"


def months_between(a, b):
    """months a..b inclusive"""
    out, cur = [], a
    while cur <= b:
        out.append(cur)
        cur = month_add(cur, 1)
    return out


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME_RE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
YM_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

# ---------------------------------------------------------------- load
gpath = os.path.join(DIR, "gold.json")
graw = open(gpath, "rb").read()
try:
    gtxt = graw.decode("utf-8")
except UnicodeDecodeError:
    print("gold.json is not UTF-8"); sys.exit(1)
if gtxt != unicodedata.normalize("NFC", gtxt):
    err("gold.json is not NFC")
gold = json.loads(gtxt)

# ---------------------------------------------------------------- form
allowed_top = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
for k in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if k not in gold or not isinstance(gold[k], list):
        err(f"gold.json: missing list '{k}'")
for k in gold:
    if k not in allowed_top:
        err(f"gold.json: unexpected key '{k}'")
if ERR:
    print("\n".join(ERR)); sys.exit(1)


def need(obj, fields, where):
    for f in fields:
        if f not in obj:
            err(f"{where}: missing field '{f}'")
            return False
        if f == "reported_months":
            if not isinstance(obj[f], list) or not all(isinstance(x, str) for x in obj[f]):
                err(f"{where}: '{f}' must be a list of strings")
                return False
        elif not isinstance(obj[f], str):
            err(f"{where}: '{f}' must be a string")
            return False
    extra = set(obj) - set(fields)
    if extra:
        err(f"{where}: unexpected fields {sorted(extra)}")
    return True


docs = {}
for i, d in enumerate(gold["documents"]):
    if need(d, ["file", "unit", "reported_months", "planned_period"], f"documents[{i}]"):
        if d["file"] in docs:
            err(f"document listed twice: {d['file']}")
        docs[d["file"]] = d
items = {}
for kind in ("tasks", "results"):
    for i, it in enumerate(gold[kind]):
        if need(it, ["id", "file", "period", "text"], f"{kind}[{i}]"):
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            it = dict(it)
            it["kind"] = kind[:-1]
            items[it["id"]] = it
for i, l in enumerate(gold["follow_through"]):
    need(l, ["task", "result", "status"], f"follow_through[{i}]")
for i, l in enumerate(gold["carry_over"]):
    need(l, ["from", "to", "kind"], f"carry_over[{i}]")
if not all(isinstance(g, str) for g in gold["gaps"]):
    err("gaps must be a list of task ids")
decoys = gold.get("cross_unit_decoys", [])
if not isinstance(decoys, list) or not all(isinstance(p, list) and len(p) == 2 for p in decoys):
    err("cross_unit_decoys must be a list of [id, id] pairs")
    decoys = []
if ERR:
    print("\n".join(ERR)); sys.exit(1)

# ---------------------------------------------------------------- files
on_disk = sorted(f for f in os.listdir(DIR) if f.endswith(".txt"))
for f in on_disk:
    if f not in docs:
        err(f"{f}: .txt file not listed in documents")
texts = {}
for f, d in docs.items():
    m = NAME_RE.match(f)
    if not m:
        err(f"{f}: bad file name")
        continue
    if m.group(2) != d["planned_period"]:
        err(f"{f}: planned_period {d['planned_period']} differs from file name")
    if not YM_RE.match(d["planned_period"]) or not all(YM_RE.match(x) for x in d["reported_months"]):
        err(f"{f}: malformed month")
    p = os.path.join(DIR, f)
    if not os.path.exists(p):
        err(f"{f}: file missing")
        continue
    raw = open(p, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{f}: BOM")
    if b"\r" in raw:
        err(f"{f}: CR line ends")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{f}: not UTF-8 ({e})")
        continue
    if t != unicodedata.normalize("NFC", t):
        err(f"{f}: not NFC")
    if not t.endswith("\n"):
        err(f"{f}: no final newline")
    texts[f] = t

# ---------------------------------------------------------------- units / order
units = {}
for f, d in docs.items():
    units.setdefault(d["unit"], []).append(f)
for u in units:
    units[u].sort(key=lambda f: docs[f]["planned_period"])
    slugs = {NAME_RE.match(f).group(1) for f in units[u] if NAME_RE.match(f)}
    if len(slugs) != 1:
        err(f"unit {u}: several slugs {sorted(slugs)}")
doc_index = {f: units[docs[f]["unit"]].index(f) for f in docs}
last_doc = {u: fs[-1] for u, fs in units.items()}

# reported months: first doc = month before planned; later = prev planned .. planned-1
for u, fs in units.items():
    prev = None
    for f in fs:
        d = docs[f]
        pl = d["planned_period"]
        exp = [month_add(pl, -1)] if prev is None else months_between(prev, month_add(pl, -1))
        if d["reported_months"] != exp:
            err(f"{f}: reported_months {d['reported_months']} expected {exp}")
        if prev is not None and pl <= prev:
            err(f"{f}: planned period not after previous document")
        prev = pl

# ---------------------------------------------------------------- header checks
MONTH_RE = re.compile(r"tháng\s+0?(\d{1,2})\s+năm\s+(\d{4})")
for f, t in texts.items():
    d = docs[f]
    vv = re.search(r"^V/v triển khai nhiệm vụ trọng tâm (tháng\s+\S+\s+năm\s+\d{4})", t, re.M)
    if not vv:
        err(f"{f}: no V/v line")
    else:
        m = MONTH_RE.search(vv.group(1))
        if not m or f"{int(m.group(2)):04d}-{int(m.group(1)):02d}" != d["planned_period"]:
            err(f"{f}: V/v month differs from planned_period")
    if not re.search(r"^Số: \d+/UBND-VP$", t, re.M):
        err(f"{f}: no 'Số: .../UBND-VP' line")
    for must in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Kính gửi:", "Nơi nhận:"):
        if must not in t:
            err(f"{f}: missing '{must}'")
    dm = re.search(r", ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})", t)
    if not dm:
        err(f"{f}: no date line")
    else:
        issued = f"{int(dm.group(3)):04d}-{int(dm.group(2)):02d}"
        if issued not in (d["reported_months"][-1], d["planned_period"]):
            err(f"{f}: issued {issued}, expected in last reported month or planned month")

# ---------------------------------------------------------------- items: substrings, overlaps, sections
per_file = {f: [] for f in docs}
for iid, it in items.items():
    f = it["file"]
    if f not in docs:
        err(f"{iid}: unknown file {f}")
        continue
    t = texts.get(f)
    if t is None:
        continue
    if it["text"] != unicodedata.normalize("NFC", it["text"]):
        err(f"{iid}: text not NFC")
    if not it["text"].strip() or it["text"] != it["text"].strip():
        err(f"{iid}: empty text or surrounding whitespace")
    n = t.count(it["text"])
    if n != 1:
        err(f"{iid}: text occurs {n} times in {f}")
        continue
    s = t.index(it["text"])
    per_file[f].append((s, s + len(it["text"]), iid))
    d = docs[f]
    if it["kind"] == "task" and it["period"] != d["planned_period"]:
        err(f"{iid}: task period {it['period']} != planned {d['planned_period']}")
    if it["kind"] == "result" and it["period"] not in d["reported_months"]:
        err(f"{iid}: result period {it['period']} not reported by {f}")

LEAD_TASKS = "một số nội dung sau:"
ENUM_RE = re.compile(r"^(\d+\.|-)\s*")
HEAD_RE = re.compile(r"^[a-zđ]\)\s+\S")
CLOSING_STARTS = ("Chủ tịch Ủy ban nhân dân xã đề nghị Thủ trưởng", "Yêu cầu Thủ trưởng", "Đề nghị Thủ trưởng")

for f, t in texts.items():
    spans = sorted(per_file[f])
    for (a1, b1, i1), (a2, b2, i2) in zip(spans, spans[1:]):
        if a2 < b1:
            err(f"{f}: items {i1} and {i2} overlap")
    cov = [None] * len(t)
    for a, b, iid in spans:
        for k in range(a, b):
            cov[k] = iid
    # line table
    lines, off = [], 0
    for ln in t.split("\n"):
        lines.append((off, ln))
        off += len(ln) + 1
    try:
        kg = next(i for i, (_, ln) in enumerate(lines) if ln.strip() == "Kính gửi:")
        res_start = next(i for i in range(kg + 1, len(lines)) if lines[i][1].strip() == "") + 1
        lead = next(i for i, (_, ln) in enumerate(lines) if LEAD_TASKS in ln)
        nn = next(i for i, (_, ln) in enumerate(lines) if ln.strip() == "Nơi nhận:")
        closing = max(i for i in range(lead + 1, nn) if lines[i][1].strip())
    except (StopIteration, ValueError):
        err(f"{f}: cannot find the sections (Kính gửi / lead-in / closing / Nơi nhận)")
        continue
    if not lines[closing][1].startswith(CLOSING_STARTS):
        err(f"{f}: closing paragraph not recognised: {lines[closing][1][:50]}")
    if not lines[lead][1].startswith("Để ") or not lines[lead][1].rstrip().endswith(":"):
        err(f"{f}: task lead-in not of the form 'Để ...:'")
    sections = {"result": range(res_start, lead), "task": range(lead + 1, closing)}
    sec_span = {k: (lines[r.start][0], lines[r.stop][0]) for k, r in sections.items()}
    for a, b, iid in spans:
        kind = items[iid]["kind"]
        s0, s1 = sec_span[kind]
        if not (s0 <= a and b <= s1):
            err(f"{f}: {iid} ({kind}) lies outside the {kind}s section")
        # whole sentence / bullet: what follows and what precedes
        after = t[b:b + 1]
        if after not in (".", ";", "\n", ""):
            err(f"{f}: {iid} is not a whole sentence (followed by {after!r})")
        line_start = t.rfind("\n", 0, a) + 1
        before = t[line_start:a]
        if before.strip() and not (ENUM_RE.fullmatch(before.strip() + " ") or ENUM_RE.fullmatch(before.strip())
                                   or before.rstrip().endswith((".", ":"))):
            err(f"{f}: {iid} does not start a sentence (preceded by {before[-20:]!r})")
    # coverage of every line of the two sections
    for kind, rng in sections.items():
        for li in rng:
            o, ln = lines[li]
            if not ln.strip():
                continue
            covered = [cov[o + k] is not None for k in range(len(ln))]
            any_cov = any(covered)
            runs, k = [], 0
            while k < len(ln):
                if covered[k]:
                    k += 1
                    continue
                j = k
                while j < len(ln) and not covered[j]:
                    j += 1
                runs.append((k, ln[k:j]))
                k = j
            for start, run in runs:
                s = run.strip()
                s = ENUM_RE.sub("", s) if start == 0 else s
                s = s.strip(" .;,/")
                if not s:
                    continue
                if not any_cov and kind == "result" and ln.startswith("Tuy nhiên"):
                    continue  # limitations paragraph
                if not any_cov and kind == "task" and HEAD_RE.match(ln) and not ln.rstrip().endswith(".") and len(ln) < 80:
                    continue  # group heading
                if start == 0 and s.endswith(":") and not re.search(r"[.;] +[A-ZĐÀ-Ỹ0-9]", s):
                    continue  # lead-in
                err(f"{f}: unlabelled {kind}-section text: {s[:70]!r}")
    # results: the lead-in that governs each result names its month
    lead_month = None
    cur_lead_by_pos = []
    for li in sections["result"]:
        o, ln = lines[li]
        first_cov = next((k for k in range(len(ln)) if cov[o + k] is not None), None)
        head = ln if first_cov is None else ln[:first_cov]
        if head.rstrip().endswith(":"):
            m = re.search(r"[Tt]háng (\d{1,2})/(\d{4})", head)
            if m:
                lead_month = f"{int(m.group(2)):04d}-{int(m.group(1)):02d}"
        for a, b, iid in spans:
            if o <= a < o + len(ln) + 1 and items[iid]["kind"] == "result":
                if lead_month is None:
                    err(f"{f}: {iid} has no lead-in naming its month")
                elif lead_month != items[iid]["period"]:
                    err(f"{f}: {iid} period {items[iid]['period']} but its lead-in says {lead_month}")
    # counts
    nt = sum(1 for _, _, i in spans if items[i]["kind"] == "task")
    nr = sum(1 for _, _, i in spans if items[i]["kind"] == "result")
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks (want 10-18)")
    if not (10 <= nr <= 18 or (nr == 0 and not docs[f]["reported_months"])):
        err(f"{f}: {nr} results (want 10-18)")

# ---------------------------------------------------------------- links
def unit_of(iid):
    return docs[items[iid]["file"]]["unit"]


def later(a, b):
    """document of item b later than document of item a (same unit)"""
    return doc_index[items[b]["file"]] > doc_index[items[a]["file"]]


ft_pairs, co_pairs = set(), set()
out_linked = set()
for l in gold["follow_through"]:
    t, r, s = l["task"], l["result"], l["status"]
    if t not in items or items[t]["kind"] != "task":
        err(f"follow_through: {t} is not a task"); continue
    if r not in items or items[r]["kind"] != "result":
        err(f"follow_through: {r} is not a result"); continue
    if (t, r) in ft_pairs:
        err(f"follow_through duplicate {t}->{r}")
    ft_pairs.add((t, r))
    out_linked.add(t)
    if s not in STATUSES:
        err(f"follow_through {t}->{r}: status {s!r}")
    if unit_of(t) != unit_of(r):
        err(f"follow_through {t}->{r}: across units")
        continue
    if not later(t, r):
        err(f"follow_through {t}->{r}: not forward in time")
    if items[r]["period"] != items[t]["period"]:
        err(f"follow_through {t}->{r}: result reports {items[r]['period']}, task planned for {items[t]['period']}")
    u = unit_of(t)
    first = next((f for f in units[u] if doc_index[f] > doc_index[items[t]["file"]]
                  and items[t]["period"] in docs[f]["reported_months"]), None)
    if first != items[r]["file"]:
        err(f"follow_through {t}->{r}: result not in the first document reporting {items[t]['period']}")
for l in gold["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
        err(f"carry_over {a}->{b}: both ends must be tasks"); continue
    if (a, b) in co_pairs:
        err(f"carry_over duplicate {a}->{b}")
    co_pairs.add((a, b))
    out_linked.add(a)
    if k not in KINDS:
        err(f"carry_over {a}->{b}: kind {k!r}")
    if unit_of(a) != unit_of(b):
        err(f"carry_over {a}->{b}: across units"); continue
    if not later(a, b):
        err(f"carry_over {a}->{b}: not forward in time")
# split must come in twos or more from the same task
split_from = {}
for l in gold["carry_over"]:
    if l["kind"] == "split":
        split_from.setdefault(l["from"], []).append(l["to"])
for a, tos in split_from.items():
    if len(tos) < 2:
        err(f"carry_over split from {a} has only one target")

# ---------------------------------------------------------------- gaps
expected_gaps = sorted(
    (iid for iid, it in items.items()
     if it["kind"] == "task" and it["file"] != last_doc[docs[it["file"]]["unit"]] and iid not in out_linked),
    key=lambda x: (items[x]["file"], int(x.split("-")[-1])))
if len(set(gold["gaps"])) != len(gold["gaps"]):
    err("gaps: duplicates")
if set(gold["gaps"]) != set(expected_gaps):
    miss = sorted(set(expected_gaps) - set(gold["gaps"]))
    extra = sorted(set(gold["gaps"]) - set(expected_gaps))
    err(f"gaps differ: missing {miss}, not gaps {extra}")

# ---------------------------------------------------------------- decoys
linked = ft_pairs | co_pairs
def never_linked(a, b, label):
    for x in (a, b):
        if x not in items:
            err(f"{label}: unknown id {x}")
            return
    if (a, b) in linked or (b, a) in linked:
        err(f"{label}: {a} and {b} are linked")

for a, b in decoys:
    if a in items and b in items and unit_of(a) == unit_of(b):
        err(f"cross_unit_decoys: {a} and {b} are of the same unit")
    never_linked(a, b, "cross_unit_decoys")
wpath = os.path.join(DIR, "_src", "decoys_within.json")
within = []
if os.path.exists(wpath):
    within = json.load(open(wpath, encoding="utf-8"))["pairs"]
    for a, b in within:
        if a in items and b in items and unit_of(a) != unit_of(b):
            err(f"decoys_within: {a} and {b} are of different units")
        never_linked(a, b, "decoys_within")

# ---------------------------------------------------------------- report
if ERR:
    print("\n".join(ERR))
    print(f"FAILED: {len(ERR)} problem(s)")
    sys.exit(1)
from collections import Counter
st = Counter(l["status"] for l in gold["follow_through"])
kd = Counter(l["kind"] for l in gold["carry_over"])
for u, fs in units.items():
    for f in fs:
        nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "task")
        nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "result")
        print(f"{f}: reported {','.join(docs[f]['reported_months'])} planned {docs[f]['planned_period']}: {nt} tasks, {nr} results")
print(f"documents {len(docs)}, tasks {sum(1 for i in items.values() if i['kind']=='task')}, "
      f"results {sum(1 for i in items.values() if i['kind']=='result')}")
print(f"follow_through {len(gold['follow_through'])} ({', '.join(f'{k} {v}' for k, v in sorted(st.items()))}); "
      f"carry_over {len(gold['carry_over'])} ({', '.join(f'{k} {v}' for k, v in sorted(kd.items()))}); "
      f"gaps {len(gold['gaps'])}; cross_unit_decoys {len(decoys)}; within-unit decoys {len(within)}")
print("OK")
