#!/usr/bin/env python3
"""Verify gold.json of this hand-written series against its .txt files.

Checks: file names and NFC encoding; exact, unique substrings for every
task/result text; ids; periods; follow-through (done|partial, later document,
first document reporting on the task's month); carry-over kinds and order;
gaps = exactly the tasks without any outgoing link, never in the last
document; 10-18 tasks and results per document; each document cites the
previous one by number and date; the header-less paste carries no ward name;
cross-unit decoys (if any) join items of two different units.
Prints OK when everything holds, else the list of problems.
"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
# file -> (own number/symbol, date d/m/yyyy) as written in AUTHOR.md
META = {
    "dong-vinh-phat_2026-02.txt": ("41-TB/ĐU", (3, 2, 2026)),
    "dong-vinh-phat_2026-03.txt": ("57-TB/ĐU", (4, 3, 2026)),
    "dong-vinh-phat_2026-04.txt": ("69-TB/ĐU", (2, 4, 2026)),
    "dong-vinh-phat_2026-06.txt": ("08-NQ/ĐU", (3, 6, 2026)),
    "dong-vinh-phat_2026-07.txt": ("11-NQ/ĐU", (2, 7, 2026)),
    "dong-vinh-phat_2026-08.txt": ("15-NQ/ĐU", (4, 8, 2026)),
}
HEADERLESS = "dong-vinh-phat_2026-07.txt"
WARD_NAME = "Đông Vĩnh Phát"
FT_STATUS = {"done", "partial"}
CO_KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}

problems = []
def bad(msg):
    problems.append(msg)

def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s.replace("đ", "d").replace("Đ", "D").lower()

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in gold:
        bad(f"gold.json lacks '{key}'")

texts, docs = {}, {}
for d in gold["documents"]:
    f = d["file"]
    if not re.fullmatch(r"[a-z0-9-]+_\d{4}-\d{2}\.txt", f):
        bad(f"bad file name {f}")
    p = os.path.join(HERE, f)
    if not os.path.exists(p):
        bad(f"missing file {f}"); continue
    raw = open(p, "rb").read()
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        bad(f"{f} is not UTF-8"); continue
    if t != unicodedata.normalize("NFC", t):
        bad(f"{f} is not NFC")
    if t.startswith("\ufeff"):
        bad(f"{f} has a BOM")
    texts[f] = t
    for k in ("unit", "reported_months", "planned_period"):
        if k not in d:
            bad(f"document {f} lacks {k}")
    docs[f] = d
for f in os.listdir(HERE):
    if f.endswith(".txt") and f not in docs:
        bad(f"{f} is not listed in documents")

# order of documents per unit (by planned period)
units = {}
for d in gold["documents"]:
    units.setdefault(d["unit"], []).append(d)
for u in units:
    units[u].sort(key=lambda d: d["planned_period"])
def rank(f):
    u = docs[f]["unit"]
    return [d["file"] for d in units[u]].index(f)
def is_last(f):
    u = docs[f]["unit"]
    return units[u][-1]["file"] == f

# items
items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        i = it["id"]
        if i in items:
            bad(f"duplicate id {i}")
        items[i] = (kind, it)
        f = it["file"]
        if f not in texts:
            bad(f"{i}: unknown file {f}"); continue
        t = texts[f]
        s = it["text"]
        if s != unicodedata.normalize("NFC", s):
            bad(f"{i}: text not NFC")
        n = t.count(s)
        if n == 0:
            bad(f"{i}: text not found in {f}: {s[:60]!r}")
        elif n > 1:
            bad(f"{i}: text occurs {n} times in {f}")
        if len(s.strip()) < 15:
            bad(f"{i}: text too short")
        d = docs[f]
        if kind == "tasks" and it["period"] != d["planned_period"]:
            bad(f"{i}: period {it['period']} != planned_period {d['planned_period']}")
        if kind == "results" and it["period"] not in d["reported_months"]:
            bad(f"{i}: period {it['period']} not in reported_months {d['reported_months']}")

for f in texts:
    nt = sum(1 for t in gold["tasks"] if t["file"] == f)
    nr = sum(1 for r in gold["results"] if r["file"] == f)
    if not 10 <= nt <= 18:
        bad(f"{f}: {nt} tasks (want 10-18)")
    if not 10 <= nr <= 18:
        bad(f"{f}: {nr} results (want 10-18)")

def first_reporting(task):
    """First later document of the unit that reports on the task's month."""
    f = task["file"]; u = docs[f]["unit"]
    for d in units[u][rank(f) + 1:]:
        if task["period"] in d["reported_months"]:
            return d["file"]
    return None

linked = set()
for ft in gold["follow_through"]:
    a, b = items.get(ft["task"]), items.get(ft["result"])
    if not a or a[0] != "tasks":
        bad(f"follow_through: unknown task {ft['task']}"); continue
    if not b or b[0] != "results":
        bad(f"follow_through: unknown result {ft['result']}"); continue
    if ft["status"] not in FT_STATUS:
        bad(f"follow_through {ft}: status")
    t, r = a[1], b[1]
    if docs[t["file"]]["unit"] != docs[r["file"]]["unit"]:
        bad(f"follow_through {ft}: across units")
    if rank(r["file"]) <= rank(t["file"]):
        bad(f"follow_through {ft}: result not in a later document")
    if r["file"] != first_reporting(t):
        bad(f"follow_through {ft}: result not in the first document reporting on {t['period']}")
    if r["period"] < t["period"]:
        bad(f"follow_through {ft}: result period before task period")
    linked.add(t["id"])
seen = set()
for ft in gold["follow_through"]:
    k = (ft["task"], ft["result"])
    if k in seen:
        bad(f"duplicate follow_through {k}")
    seen.add(k)

seen = set()
for co in gold["carry_over"]:
    a, b = items.get(co["from"]), items.get(co["to"])
    if not a or a[0] != "tasks" or not b or b[0] != "tasks":
        bad(f"carry_over {co}: unknown task"); continue
    if co["kind"] not in CO_KINDS:
        bad(f"carry_over {co}: kind")
    if docs[a[1]["file"]]["unit"] != docs[b[1]["file"]]["unit"]:
        bad(f"carry_over {co}: across units")
    if b[1]["period"] <= a[1]["period"]:
        bad(f"carry_over {co}: target not planned for a later month")
    k = (co["from"], co["to"])
    if k in seen:
        bad(f"duplicate carry_over {k}")
    seen.add(k)
    linked.add(co["from"])

gaps = set(gold["gaps"])
if len(gaps) != len(gold["gaps"]):
    bad("duplicate gap ids")
for g in gaps:
    it = items.get(g)
    if not it or it[0] != "tasks":
        bad(f"gap {g}: unknown task"); continue
    if is_last(it[1]["file"]):
        bad(f"gap {g}: task of the last document (right-censored)")
    if g in linked:
        bad(f"gap {g}: has a follow-through or carry-over")
    if first_reporting(it[1]) is None:
        bad(f"gap {g}: no later document reports on its month (pending, not silent)")
for t in gold["tasks"]:
    if is_last(t["file"]):
        if t["id"] in linked:
            bad(f"{t['id']}: task of the last document has an outgoing link")
        continue
    if t["id"] not in linked and t["id"] not in gaps:
        bad(f"{t['id']}: neither linked nor listed as gap")

for pair in gold.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in items for p in pair):
        bad(f"cross_unit_decoys {pair}: unknown ids"); continue
    fa, fb = items[pair[0]][1]["file"], items[pair[1]][1]["file"]
    if docs[fa]["unit"] == docs[fb]["unit"]:
        bad(f"cross_unit_decoys {pair}: same unit")

# own number, citation of the previous document, header-less paste
def date_re(d, m, y):
    return (rf"(?:0?{d}/0?{m}/{y}|0?{d} tháng 0?{m} năm {y})")
for u, ds in units.items():
    for i, d in enumerate(ds):
        f = d["file"]; t = texts.get(f, "")
        so, _ = META[f]
        if so not in t:
            bad(f"{f}: own number {so} missing")
        if i > 0:
            pso, (dd, mm, yy) = META[ds[i - 1]["file"]]
            if not re.search(re.escape(pso) + r",?\s+ngày\s+" + date_re(dd, mm, yy), t):
                bad(f"{f}: does not cite previous {pso} with its date")
# header-less document
t = texts.get(HEADERLESS, "")
first = t.lstrip().splitlines()[0] if t.strip() else ""
if not (first.startswith("Số") or first.isupper()):
    bad(f"{HEADERLESS}: does not start at its Số line or title: {first!r}")
if fold("Vĩnh Phát") in fold(t) or fold(WARD_NAME) in fold(t):
    bad(f"{HEADERLESS}: ward name appears")
if "ĐẢNG BỘ" in t.split("NGHỊ QUYẾT")[0] or "ĐẢNG CỘNG SẢN" in t:
    bad(f"{HEADERLESS}: header block present")
if rank(HEADERLESS) == 0:
    bad("header-less document is the first one")
# the ward name in every other document
for f, tx in texts.items():
    if f != HEADERLESS and fold(WARD_NAME) not in fold(tx):
        bad(f"{f}: ward name missing")
# a two-month report after a skipped month
if not any(len(d["reported_months"]) == 2 for d in gold["documents"]):
    bad("no two-month report")

if problems:
    print("\n".join(problems)); sys.exit(1)
print(f"OK: {len(texts)} documents, {len(gold['tasks'])} tasks, {len(gold['results'])} results, "
      f"{len(gold['follow_through'])} follow-through, {len(gold['carry_over'])} carry-over, {len(gaps)} gaps")
