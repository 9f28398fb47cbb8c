#!/usr/bin/env python3
"""Check gold.json of this folder against its documents.  Prints OK or the problems.

Checks: the form of gold.json; file names; UTF-8, NFC, no BOM, \n line ends;
every text an exact unique substring of its file, no overlaps; every bullet /
sentence of the results and tasks sections labelled (headings and lead-ins
skipped) and every item inside the right section; task/result counts per
document; periods agree with the documents (title, headings, date); links within
one unit and forward in time; allowed statuses and kinds; gaps exactly the
unlinked tasks of non-last documents; decoys never linked.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME_RE = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
ID_RE = re.compile(r"^[TR]\d\d-\d+$")
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=\S)")
RES_ITEM = re.compile(r"^\((\d+)\) (.*)$")
TASK_ITEM = re.compile(r"^- (.*)$")
MONTH_HEAD = re.compile(r"^\d+\. .*tháng (\d{1,2})/(\d{4})")


def ym(month, year):
    return f"{int(year):04d}-{int(month):02d}"


with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as fh:
    gold = json.load(fh)

# ---- form
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in gold or not isinstance(gold[key], list):
        err(f"gold.json: missing list '{key}'")
for key in gold:
    if key not in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"):
        err(f"gold.json: unknown key {key}")
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err(f"document fields {sorted(d)}")
    if not re.fullmatch(r"\d{4}-\d{2}", d["planned_period"]):
        err(f"{d['file']}: bad planned_period")
    for m in d["reported_months"]:
        if not re.fullmatch(r"\d{4}-\d{2}", m):
            err(f"{d['file']}: bad reported month {m}")
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            err(f"{kind} item fields {sorted(it)}")
        if not ID_RE.match(it["id"]) or it["id"][0] != kind[0].upper():
            err(f"bad id {it['id']} in {kind}")
ids = [it["id"] for it in gold["tasks"] + gold["results"]]
if len(ids) != len(set(ids)):
    err("duplicate item ids")
for f in gold["follow_through"]:
    if set(f) != {"task", "result", "status"}:
        err(f"follow_through fields {sorted(f)}")
for c in gold["carry_over"]:
    if set(c) != {"from", "to", "kind"}:
        err(f"carry_over fields {sorted(c)}")

docs = {d["file"]: d for d in gold["documents"]}
tasks = {t["id"]: t for t in gold["tasks"]}
results = {r["id"]: r for r in gold["results"]}

# ---- file names, encoding
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if on_disk != sorted(docs):
    err(f"documents on disk {on_disk} != gold {sorted(docs)}")
texts = {}
for fname, d in docs.items():
    m = NAME_RE.match(fname)
    if not m:
        err(f"{fname}: bad file name")
    elif m.group(1) != d["planned_period"]:
        err(f"{fname}: name month != planned_period {d['planned_period']}")
    raw = open(os.path.join(HERE, fname), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{fname}: BOM")
    if b"\r" in raw:
        err(f"{fname}: CR in line ends")
    try:
        txt = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{fname}: not UTF-8")
        continue
    if unicodedata.normalize("NFC", txt) != txt:
        err(f"{fname}: not NFC")
    texts[fname] = txt

# ---- substrings, uniqueness, overlaps
spans = {f: [] for f in docs}
for it in gold["tasks"] + gold["results"]:
    f = it["file"]
    if f not in texts:
        err(f"{it['id']}: unknown file {f}")
        continue
    t = it["text"]
    if not t or t != t.strip():
        err(f"{it['id']}: empty or padded text")
    n = texts[f].count(t)
    if n != 1:
        err(f"{it['id']}: text found {n} times in {f}")
        continue
    s = texts[f].index(t)
    spans[f].append((s, s + len(t), it["id"]))
    if "\n" in t:
        err(f"{it['id']}: text spans lines")
    if len(SENT_SPLIT.split(t)) != 1:
        err(f"{it['id']}: more than one sentence")
for f, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err(f"{f}: {a[2]} overlaps {b[2]}")

# ---- sections: every line labelled, headings and lead-ins skipped
for fname, txt in texts.items():
    d = docs[fname]
    lines = txt.split("\n")
    offs, o = [], 0
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1
    def find(pred):
        for i, ln in enumerate(lines):
            if pred(ln):
                return i
        return None
    r0 = find(lambda l: l.startswith("I. KẾT QUẢ"))
    r1 = find(lambda l: l.startswith("II. HẠN CHẾ"))
    t0 = find(lambda l: l.startswith("III. PHƯƠNG HƯỚNG"))
    t1 = find(lambda l: l.startswith("Trên đây là"))
    if None in (r0, r1, t0, t1) or not (r0 < r1 < t0 < t1):
        err(f"{fname}: sections not found in order")
        continue
    item_at = {}  # line index -> list of (start, end, id)
    for s, e, iid in spans[fname]:
        li = max(i for i in range(len(lines)) if offs[i] <= s)
        item_at.setdefault(li, []).append((s, e, iid))
        kind = "R" if r0 < li < r1 else "T" if t0 < li < t1 else None
        if kind != iid[0]:
            err(f"{fname}: {iid} outside its section")
    current_month = None
    for sec, (a, b, pat) in {"R": (r0, r1, RES_ITEM), "T": (t0, t1, TASK_ITEM)}.items():
        numbers = []
        for li in range(a + 1, b):
            ln = lines[li]
            if not ln.strip():
                continue
            m = pat.match(ln)
            if not m:
                # heading or lead-in
                if not (ln.rstrip().endswith(":") or MONTH_HEAD.match(ln)):
                    err(f"{fname}: unlabelled non-heading line {li + 1}: {ln[:60]}")
                if item_at.get(li):
                    err(f"{fname}: item inside heading/lead-in line {li + 1}")
                hm = MONTH_HEAD.match(ln)
                if sec == "R" and hm:
                    current_month = ym(hm.group(1), hm.group(2))
                continue
            if sec == "R":
                numbers.append(int(m.group(1)))
            content = m.group(m.lastindex)
            items = sorted(item_at.get(li, []))
            joined = " ".join(txt[s:e] for s, e, _ in items)
            if joined != content:
                err(f"{fname}: line {li + 1} not exactly covered by its items")
            sentences = SENT_SPLIT.split(content)
            if len(sentences) != len(items):
                err(f"{fname}: line {li + 1}: {len(sentences)} sentences, {len(items)} items")
            if sec == "R" and len(d["reported_months"]) > 1:
                for _, _, iid in items:
                    if results[iid]["period"] != current_month:
                        err(f"{iid}: period {results[iid]['period']} != subsection month {current_month}")
        if sec == "R" and numbers != list(range(1, len(numbers) + 1)):
            err(f"{fname}: result numbering not 1..n")
    # ---- periods against the text
    ti = find(lambda l: l.strip() == "BÁO CÁO")
    title = lines[ti + 1] if ti is not None else ""
    year = re.search(r"năm (\d{4})", title)
    months = re.findall(r"tháng (\d{1,2})", title)
    if not year or not months:
        err(f"{fname}: title without months")
    else:
        tm = [ym(x, year.group(1)) for x in months]
        if tm[-1] != d["planned_period"] or tm[:-1] != d["reported_months"]:
            err(f"{fname}: title months {tm} disagree with gold")
    head = lines[t0]
    hm = re.search(r"THÁNG (\d{1,2})/(\d{4})", head)
    if not hm or ym(hm.group(1), hm.group(2)) != d["planned_period"]:
        err(f"{fname}: tasks heading month disagrees")
    rh = lines[r0]
    if len(d["reported_months"]) == 1:
        hm = re.search(r"THÁNG (\d{1,2})/(\d{4})", rh)
        if not hm or ym(hm.group(1), hm.group(2)) != d["reported_months"][0]:
            err(f"{fname}: results heading month disagrees")
    dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", txt)
    if not dm or ym(dm.group(2), dm.group(3)) != d["reported_months"][-1]:
        err(f"{fname}: date month is not the last reported month")
    if not re.search(r"Số \d+-BC/ĐU", txt) or "ĐẢNG CỘNG SẢN VIỆT NAM" not in txt:
        err(f"{fname}: header incomplete")
    if "Nơi nhận:" not in txt:
        err(f"{fname}: no Nơi nhận")

# ---- item fields against documents, counts
for t in gold["tasks"]:
    if t["file"] in docs and t["period"] != docs[t["file"]]["planned_period"]:
        err(f"{t['id']}: period != planned_period")
for r in gold["results"]:
    if r["file"] in docs and r["period"] not in docs[r["file"]]["reported_months"]:
        err(f"{r['id']}: period not among reported months")
for f in docs:
    nt = sum(1 for t in gold["tasks"] if t["file"] == f)
    nr = sum(1 for r in gold["results"] if r["file"] == f)
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks")
    if not (10 <= nr <= 18 or nr == 0):
        err(f"{f}: {nr} results")

# ---- links
def unit(iid):
    it = tasks.get(iid) or results.get(iid)
    return docs[it["file"]]["unit"]

def planned(iid):
    it = tasks.get(iid) or results.get(iid)
    return docs[it["file"]]["planned_period"]

seen = set()
linked = set()
for f in gold["follow_through"]:
    t, r, s = f["task"], f["result"], f["status"]
    if t not in tasks or r not in results:
        err(f"follow_through {t}->{r}: unknown id")
        continue
    if (t, r) in seen:
        err(f"duplicate follow_through {t}->{r}")
    seen.add((t, r))
    if s not in STATUSES:
        err(f"follow_through {t}->{r}: status {s}")
    if unit(t) != unit(r):
        err(f"follow_through {t}->{r} across units")
    if not planned(r) > planned(t):
        err(f"follow_through {t}->{r} not forward (documents)")
    if not results[r]["period"] >= tasks[t]["period"]:
        err(f"follow_through {t}->{r}: result period before task period")
    linked.add(t)
for c in gold["carry_over"]:
    a, b, k = c["from"], c["to"], c["kind"]
    if a not in tasks or b not in tasks:
        err(f"carry_over {a}->{b}: unknown id")
        continue
    if (a, b) in seen:
        err(f"duplicate carry_over {a}->{b}")
    seen.add((a, b))
    if k not in KINDS:
        err(f"carry_over {a}->{b}: kind {k}")
    if unit(a) != unit(b):
        err(f"carry_over {a}->{b} across units")
    if not tasks[b]["period"] > tasks[a]["period"]:
        err(f"carry_over {a}->{b} not forward")
    linked.add(a)

# ---- gaps
last = {}
for d in gold["documents"]:
    u = d["unit"]
    last[u] = max(last.get(u, ""), d["planned_period"])
expected = {t["id"] for t in gold["tasks"]
            if t["id"] not in linked and docs[t["file"]]["planned_period"] != last[docs[t["file"]]["unit"]]}
if len(gold["gaps"]) != len(set(gold["gaps"])):
    err("duplicate gaps")
if set(gold["gaps"]) != expected:
    err(f"gaps differ: missing {sorted(expected - set(gold['gaps']))}, extra {sorted(set(gold['gaps']) - expected)}")

# ---- decoys
pairs = {frozenset(p) for p in seen}
decoys = list(gold.get("cross_unit_decoys", []))
units = {d["unit"] for d in gold["documents"]}
for a, b in decoys:
    if a not in ids or b not in ids:
        err(f"decoy {a},{b}: unknown id")
    elif unit(a) == unit(b):
        err(f"cross-unit decoy {a},{b} within one unit")
wpath = os.path.join(HERE, "_src", "within_unit_decoys.json")
if os.path.exists(wpath):
    decoys += json.load(open(wpath, encoding="utf-8"))
for a, b in decoys:
    if a not in ids or b not in ids:
        err(f"decoy {a},{b}: unknown id")
    if frozenset((a, b)) in pairs:
        err(f"decoy {a},{b} is linked")

if errors:
    for e in errors:
        print("ERROR:", e)
    sys.exit(1)
print("OK")
