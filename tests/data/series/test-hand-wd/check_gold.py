#!/usr/bin/env python3
"""Check gold.json of this folder against its documents and ANNOTATION.md's rules.

Reads only the .txt documents and gold.json beside this script (not _src).
Prints OK, or a list of problems and exits 1.
"""
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
problems = []


def bad(msg):
    problems.append(msg)


FT_STATUS = {"done", "partial"}
CO_KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME_RE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

# ---------------------------------------------------------------- form
try:
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
except Exception as e:  # noqa
    print("cannot read gold.json:", e)
    sys.exit(1)

for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if not isinstance(gold.get(key), list):
        bad(f"gold.json: '{key}' missing or not a list")
extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                     "gaps", "cross_unit_decoys"}
if extra:
    bad(f"gold.json: unknown keys {sorted(extra)}")
decoys = gold.get("cross_unit_decoys", [])
if not isinstance(decoys, list):
    bad("cross_unit_decoys not a list")
    decoys = []
if problems:
    print("\n".join(problems))
    sys.exit(1)

docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        bad(f"document fields wrong: {d}")
        continue
    if d["file"] in docs:
        bad(f"document listed twice: {d['file']}")
    docs[d["file"]] = d
    if not MONTH_RE.match(d["planned_period"]):
        bad(f"{d['file']}: bad planned_period {d['planned_period']}")
    if not isinstance(d["reported_months"], list) or not all(
            isinstance(m, str) and MONTH_RE.match(m) for m in d["reported_months"]):
        bad(f"{d['file']}: bad reported_months")

tasks, results = {}, {}
for lst, store, name in ((gold["tasks"], tasks, "task"), (gold["results"], results, "result")):
    for it in lst:
        if set(it) != {"id", "file", "period", "text"}:
            bad(f"{name} fields wrong: {it}")
            continue
        if it["id"] in tasks or it["id"] in results:
            bad(f"duplicate id {it['id']}")
        if it["file"] not in docs:
            bad(f"{it['id']}: unknown file {it['file']}")
        if not isinstance(it["text"], str) or not it["text"].strip():
            bad(f"{it['id']}: empty text")
        store[it["id"]] = it

# ---------------------------------------------------------------- files
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if sorted(docs) != on_disk:
    bad(f"documents in gold {sorted(docs)} != .txt files on disk {on_disk}")

texts = {}
for fname, d in docs.items():
    m = NAME_RE.match(fname)
    if not m:
        bad(f"bad file name {fname}")
    elif f"{m.group(2)}-{m.group(3)}" != d["planned_period"]:
        bad(f"{fname}: name month != planned_period {d['planned_period']}")
    path = os.path.join(HERE, fname)
    if not os.path.exists(path):
        bad(f"missing file {fname}")
        continue
    data = open(path, "rb").read()
    if data.startswith(b"\xef\xbb\xbf"):
        bad(f"{fname}: BOM")
    if b"\r" in data:
        bad(f"{fname}: CR line ends")
    try:
        t = data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad(f"{fname}: not UTF-8 ({e})")
        continue
    if unicodedata.normalize("NFC", t) != t:
        bad(f"{fname}: not NFC")
    if "{{" in t or "}}" in t:
        bad(f"{fname}: hand marks left in text")
    for must in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Số: ", "THÔNG BÁO", "Nơi nhận:", "PHỤ LỤC"):
        if must not in t:
            bad(f"{fname}: header/closing element missing: {must!r}")
    texts[fname] = t

# ---------------------------------------------------------------- substrings, overlaps
spans = defaultdict(list)  # file -> [(start, end, id)]
for store in (tasks, results):
    for iid, it in store.items():
        t = texts.get(it["file"])
        if t is None:
            continue
        n = t.count(it["text"])
        if n != 1:
            bad(f"{iid}: text occurs {n} times in {it['file']}")
            continue
        s = t.index(it["text"])
        spans[it["file"]].append((s, s + len(it["text"]), iid))
for fname, sp in spans.items():
    sp.sort()
    for (a0, a1, ai), (b0, b1, bi) in zip(sp, sp[1:]):
        if b0 < a1:
            bad(f"{fname}: items {ai} and {bi} overlap")

# ---------------------------------------------------------------- sections
BULLET = re.compile(r"^\[(\d\d)\.(\d\d)\] (.*)$")
SUBMONTH = re.compile(r"^[A-Z]\. Tháng (\d{1,2})/(\d{4})$")
FIELD = re.compile(r"^\d+\. [^\s].{0,78}$")
ym = lambda y, m: f"{int(y):04d}-{int(m):02d}"  # noqa

for fname, t in texts.items():
    d = docs[fname]
    lines = t.split("\n")
    offs, o = [], 0
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1
    idx_task = next((i for i, ln in enumerate(lines) if ln.startswith("PHẦN MỘT.")), None)
    idx_lim = next((i for i, ln in enumerate(lines) if ln.startswith("PHẦN HAI.")), None)
    idx_app = next((i for i, ln in enumerate(lines) if ln.strip() == "PHỤ LỤC"), None)
    if None in (idx_task, idx_lim, idx_app) or not idx_task < idx_lim < idx_app:
        bad(f"{fname}: cannot find sections PHẦN MỘT / PHẦN HAI / PHỤ LỤC in order")
        continue
    task_rng = (offs[idx_task], offs[idx_lim])
    res_rng = (offs[idx_app], len(t))

    # planned period from the title, reported months from the appendix heading
    mt = re.search(r"phân công việc tháng (\d{1,2})/(\d{4})", t)
    if not mt or ym(mt.group(2), mt.group(1)) != d["planned_period"]:
        bad(f"{fname}: title's planned month disagrees with planned_period")
    head = next((ln for ln in lines[idx_app:] if ln.startswith("GHI NHẬN KẾT QUẢ THÁNG")), "")
    yr = re.search(r"/(\d{4})\s*$", head)
    rep = [ym(yr.group(1), m) for m in re.findall(r"THÁNG (\d{1,2})", head)] if yr else []
    if rep != d["reported_months"]:
        bad(f"{fname}: appendix heading months {rep} != reported_months {d['reported_months']}")
    if d["reported_months"] and max(d["reported_months"]) >= d["planned_period"]:
        bad(f"{fname}: reports a month not before its planned period")

    file_tasks = {it["text"]: iid for iid, it in tasks.items() if it["file"] == fname}
    file_res = {iid: it for iid, it in results.items() if it["file"] == fname}

    # every item inside its own section
    for s, e, iid in spans.get(fname, []):
        rng = task_rng if iid in tasks else res_rng
        if not (rng[0] <= s and e <= rng[1]):
            bad(f"{fname}: {iid} lies outside its section")

    # task section: every bullet is exactly one labelled task, nothing else unlabelled
    seen_bullets = []
    for ln in lines[idx_task + 1:idx_lim]:
        s = ln.strip()
        if not s or s.startswith("Khối ") or (s.startswith("(") and s.endswith(")")):
            continue
        m = BULLET.match(s)
        if not m:
            bad(f"{fname}: unlabelled line in tasks section: {s[:60]!r}")
            continue
        if ym(d["planned_period"][:4], m.group(1)) != d["planned_period"]:
            bad(f"{fname}: bullet code month {m.group(1)} != planned month")
        seen_bullets.append(int(m.group(2)))
        if m.group(3) not in file_tasks:
            bad(f"{fname}: bullet [{m.group(1)}.{m.group(2)}] is not exactly one labelled task")
    if seen_bullets != list(range(1, len(seen_bullets) + 1)):
        bad(f"{fname}: task codes not numbered 01..n")
    if len(seen_bullets) != len(file_tasks):
        bad(f"{fname}: {len(seen_bullets)} bullets but {len(file_tasks)} labelled tasks")

    # results section: every sentence/bullet labelled; headings and lead-ins skipped
    cur_month = d["reported_months"][0] if len(d["reported_months"]) == 1 else None
    found = set()
    for ln in lines[idx_app + 1:]:
        s = ln.strip()
        if (not s or s.startswith("GHI NHẬN KẾT QUẢ") or
                (s.startswith("(") and s.endswith(")"))):
            continue
        sm = SUBMONTH.match(s)
        if sm:
            cur_month = ym(sm.group(2), sm.group(1))
            continue
        here = [iid for iid, it in file_res.items() if it["text"] in s]
        if not here and FIELD.match(s) and not s.endswith("."):
            continue  # field heading such as "2. Tài chính – ngân sách"
        rest = s[2:] if s.startswith("- ") else s
        for iid in here:
            rest = rest.replace(file_res[iid]["text"], " ")
            found.add(iid)
            if cur_month is None or file_res[iid]["period"] != cur_month:
                bad(f"{fname}: {iid} period {file_res[iid]['period']} != its subsection month {cur_month}")
        if rest.strip():
            bad(f"{fname}: unlabelled text in results section: {rest.strip()[:60]!r}")
    if found != set(file_res):
        bad(f"{fname}: results not found in results section: {sorted(set(file_res) - found)}")

    # counts
    nt, nr = len(file_tasks), len(file_res)
    if not 10 <= nt <= 18:
        bad(f"{fname}: {nt} tasks (want 10-18)")
    if not (nr == 0 or 10 <= nr <= 18):
        bad(f"{fname}: {nr} results (want 0 or 10-18)")

# periods of items
for iid, it in tasks.items():
    if it["file"] in docs and it["period"] != docs[it["file"]]["planned_period"]:
        bad(f"{iid}: period {it['period']} != planned_period of its file")
for iid, it in results.items():
    if it["file"] in docs and it["period"] not in docs[it["file"]]["reported_months"]:
        bad(f"{iid}: period {it['period']} not among reported months of its file")

# ---------------------------------------------------------------- links
units = defaultdict(list)
for d in docs.values():
    units[d["unit"]].append(d)
for u in units:
    units[u].sort(key=lambda d: d["planned_period"])
unit_of = lambda iid, store: docs[store[iid]["file"]]["unit"]  # noqa

linked = set()
pairs_seen = set()
for ln in gold["follow_through"]:
    if set(ln) != {"task", "result", "status"}:
        bad(f"follow_through fields wrong: {ln}")
        continue
    t, r, st = ln["task"], ln["result"], ln["status"]
    if t not in tasks or r not in results:
        bad(f"follow_through: unknown id in {ln}")
        continue
    if (t, r) in pairs_seen:
        bad(f"follow_through duplicate {t}->{r}")
    pairs_seen.add((t, r))
    if st not in FT_STATUS:
        bad(f"follow_through {t}->{r}: status {st!r} not allowed")
    if unit_of(t, tasks) != unit_of(r, results):
        bad(f"follow_through {t}->{r}: crosses units")
    td, rd = docs[tasks[t]["file"]], docs[results[r]["file"]]
    if not rd["planned_period"] > td["planned_period"]:
        bad(f"follow_through {t}->{r}: not forward in time")
    if results[r]["period"] < tasks[t]["period"]:
        bad(f"follow_through {t}->{r}: result reports a month before the task's month")
    first = next((d for d in units[td["unit"]]
                  if d["planned_period"] > td["planned_period"]
                  and tasks[t]["period"] in d["reported_months"]), None)
    if first is None or first["file"] != rd["file"]:
        bad(f"follow_through {t}->{r}: result not in the first document reporting {tasks[t]['period']}")
    linked.add(t)

for ln in gold["carry_over"]:
    if set(ln) != {"from", "to", "kind"}:
        bad(f"carry_over fields wrong: {ln}")
        continue
    a, b, k = ln["from"], ln["to"], ln["kind"]
    if a not in tasks or b not in tasks:
        bad(f"carry_over: unknown id in {ln}")
        continue
    if (a, b) in pairs_seen:
        bad(f"carry_over duplicate {a}->{b}")
    pairs_seen.add((a, b))
    if k not in CO_KINDS:
        bad(f"carry_over {a}->{b}: kind {k!r} not allowed")
    if unit_of(a, tasks) != unit_of(b, tasks):
        bad(f"carry_over {a}->{b}: crosses units")
    ad, bd = docs[tasks[a]["file"]], docs[tasks[b]["file"]]
    if not bd["planned_period"] > ad["planned_period"]:
        bad(f"carry_over {a}->{b}: not forward in time")
    seq = units[ad["unit"]]
    nxt = seq[seq.index(ad) + 1] if seq.index(ad) + 1 < len(seq) else None
    if nxt is None or nxt["file"] != bd["file"]:
        bad(f"carry_over {a}->{b}: target not in the unit's next document")
    linked.add(a)

splits = defaultdict(int)
for ln in gold["carry_over"]:
    if ln.get("kind") == "split":
        splits[ln["from"]] += 1
for a, n in splits.items():
    if n < 2:
        bad(f"split from {a} has only {n} target")

# ---------------------------------------------------------------- gaps
expected = set()
for u, seq in units.items():
    for i, d in enumerate(seq[:-1]):
        later_reported = {m for dd in seq[i + 1:] for m in dd["reported_months"]}
        for iid, it in tasks.items():
            if it["file"] == d["file"] and iid not in linked and it["period"] in later_reported:
                expected.add(iid)
gaps = gold["gaps"]
if len(gaps) != len(set(gaps)):
    bad("gaps: duplicates")
if set(gaps) != expected:
    bad(f"gaps differ from unlinked tasks of non-last documents: "
        f"extra {sorted(set(gaps) - expected)}, missing {sorted(expected - set(gaps))}")

# ---------------------------------------------------------------- decoys
all_links = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
            {(l["from"], l["to"]) for l in gold["carry_over"]}
for p in decoys:
    if not (isinstance(p, list) and len(p) == 2):
        bad(f"decoy pair malformed: {p}")
        continue
    a, b = p
    for x in (a, b):
        if x not in tasks and x not in results:
            bad(f"decoy id unknown: {x}")
    if (a, b) in all_links or (b, a) in all_links:
        bad(f"decoy pair linked: {p}")
    sa = tasks.get(a) or results.get(a)
    sb = tasks.get(b) or results.get(b)
    if sa and sb and docs[sa["file"]]["unit"] == docs[sb["file"]]["unit"]:
        bad(f"decoy pair within one unit: {p}")
if len(units) >= 2 and not decoys:
    bad("two or more units but no cross_unit_decoys")

if problems:
    print("\n".join(problems))
    sys.exit(1)
print("OK")
