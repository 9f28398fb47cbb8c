#!/usr/bin/env python3
"""Check gold.json of the hand-du series against its documents. Prints OK or the errors."""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---- form ----
KEYS = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps"}
for k in KEYS:
    if k not in gold:
        err("missing key %s" % k)
for k in gold:
    if k not in KEYS | {"cross_unit_decoys"}:
        err("unknown key %s" % k)
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document fields %s" % sorted(d))
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            err("%s fields %s" % (kind, sorted(it)))
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err("follow_through fields %s" % sorted(l))
    if l["status"] not in ("done", "partial"):
        err("status %s" % l["status"])
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err("carry_over fields %s" % sorted(l))
    if l["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
        err("kind %s" % l["kind"])
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

docs = {d["file"]: d for d in gold["documents"]}
tasks = {t["id"]: t for t in gold["tasks"]}
results = {r["id"]: r for r in gold["results"]}
if len(tasks) != len(gold["tasks"]) or len(results) != len(gold["results"]):
    err("duplicate item ids")
if set(tasks) & set(results):
    err("ids shared between tasks and results")

# ---- files ----
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if sorted(docs) != on_disk:
    err("documents %s vs files on disk %s" % (sorted(docs), on_disk))
NAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
texts = {}
for f, d in docs.items():
    m = NAME.match(f)
    if not m:
        err("bad file name %s" % f)
        continue
    if m.group(2) != d["planned_period"]:
        err("%s: name month != planned_period %s" % (f, d["planned_period"]))
    for p in d["reported_months"] + [d["planned_period"]]:
        if not MONTH.match(p):
            err("%s: bad month %s" % (f, p))
    if any(p >= d["planned_period"] for p in d["reported_months"]):
        err("%s: a reported month is not before the planned period" % f)
    raw = open(os.path.join(HERE, f), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s: BOM" % f)
    if b"\r" in raw:
        err("%s: CR line ends" % f)
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err("%s: not UTF-8" % f)
        continue
    if unicodedata.normalize("NFC", t) != t:
        err("%s: not NFC" % f)
    if any(ord(c) in (0x200b, 0x200c, 0x200d, 0xfeff, 0xa0) for c in t):
        err("%s: invisible characters" % f)
    if "{{" in t or "}}" in t:
        err("%s: hand marks left" % f)
    texts[f] = t

# ---- items: exact, unique, no overlap ----
spans = defaultdict(list)
for kind, coll in (("task", gold["tasks"]), ("result", gold["results"])):
    for it in coll:
        f = it["file"]
        if f not in texts:
            err("%s %s: unknown file %s" % (kind, it["id"], f))
            continue
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err("%s: text not NFC" % it["id"])
        if it["text"] != it["text"].strip() or not it["text"]:
            err("%s: text has outer whitespace or is empty" % it["id"])
        n = texts[f].count(it["text"])
        if n != 1:
            err("%s: text found %d times in %s" % (it["id"], n, f))
            continue
        s = texts[f].index(it["text"])
        spans[f].append((s, s + len(it["text"]), it["id"]))
for f, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err("%s: %s overlaps %s" % (f, a[2], b[2]))

# ---- sections: every sentence / bullet labelled; periods from headings ----
HEAD_NUM = re.compile(r"^(\d+|[a-zđ])[\.\)] ")
ROMAN_I = re.compile(r"^I\. KẾT QUẢ")
ROMAN_II = re.compile(r"^II\. HẠN CHẾ")
ROMAN_III = re.compile(r"^III\. NHIỆM VỤ")


def months_of(line):
    out = []
    years = re.findall(r"(?:năm |/)(\d{4})", line, re.I)
    for m in re.finditer(r"tháng (\d{1,2})", line, re.I):
        out.append(int(m.group(1)))
    y = years[-1] if years else None
    return ["%s-%02d" % (y, m) for m in out] if y else []


def split_sentences(par):
    # a sentence ends with . ! or ? followed by a capital, a digit or an opening quote
    parts = re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-ỸĐ0-9“\"])", par)
    return [p.strip() for p in parts if p.strip()]


by_file_tasks = defaultdict(list)
by_file_results = defaultdict(list)
for t in gold["tasks"]:
    by_file_tasks[t["file"]].append(t)
for r in gold["results"]:
    by_file_results[r["file"]].append(r)

for f, t in texts.items():
    d = docs[f]
    lines = t.split("\n")
    try:
        i1 = next(i for i, l in enumerate(lines) if ROMAN_I.match(l))
        i2 = next(i for i, l in enumerate(lines) if ROMAN_II.match(l))
        i3 = next(i for i, l in enumerate(lines) if ROMAN_III.match(l))
    except StopIteration:
        err("%s: section headings I/II/III not found" % f)
        continue
    if not (i1 < i2 < i3):
        err("%s: sections out of order" % f)
    if sorted(months_of(lines[i1])) != sorted(d["reported_months"]):
        err("%s: heading I months %s != reported_months %s" % (f, months_of(lines[i1]), d["reported_months"]))
    if months_of(lines[i3]) != [d["planned_period"]]:
        err("%s: heading III months %s != planned %s" % (f, months_of(lines[i3]), d["planned_period"]))
    # results section
    res_by_text = {r["text"]: r for r in by_file_results[f]}
    seen = set()
    cur = d["reported_months"][0] if len(d["reported_months"]) == 1 else None
    for l in lines[i1 + 1:i2]:
        s = l.strip()
        if not s:
            continue
        if HEAD_NUM.match(s) and not s.endswith("."):
            mm = months_of(s)
            if len(mm) == 1:
                cur = mm[0]
            continue
        for sent in split_sentences(s):
            r = res_by_text.get(sent)
            if r is None:
                err("%s: result sentence not labelled: %s" % (f, sent[:80]))
                continue
            seen.add(r["id"])
            if cur is None or r["period"] != cur:
                err("%s: %s period %s, section says %s" % (f, r["id"], r["period"], cur))
    for r in by_file_results[f]:
        if r["id"] not in seen:
            err("%s: result %s is not a whole sentence of the results section" % (f, r["id"]))
        if r["period"] not in d["reported_months"]:
            err("%s: result %s period %s not reported" % (f, r["id"], r["period"]))
    # tasks section
    tk_by_text = {x["text"]: x for x in by_file_tasks[f]}
    seen = set()
    started = False
    for l in lines[i3 + 1:]:
        s = l.strip()
        if s.startswith("Giao ") or s.startswith("Nơi nhận"):
            break
        if not s:
            continue
        if s.startswith("- Đồng chí"):
            started = True
            head, _, rest = s.partition(":")
            rest = rest.strip()
            if rest:
                x = tk_by_text.get(rest)
                if x is None:
                    err("%s: task after colon not labelled: %s" % (f, rest[:80]))
                else:
                    seen.add(x["id"])
            continue
        if s.startswith("+ "):
            if not started:
                err("%s: '+' line before any group line" % f)
            x = tk_by_text.get(s[2:].strip())
            if x is None:
                err("%s: task bullet not labelled: %s" % (f, s[:80]))
            else:
                seen.add(x["id"])
            continue
        if started:
            err("%s: stray line in tasks section: %s" % (f, s[:80]))
        # else: lead-in sentence, skipped
    for x in by_file_tasks[f]:
        if x["id"] not in seen:
            err("%s: task %s is not a whole bullet of the tasks section" % (f, x["id"]))
        if x["period"] != d["planned_period"]:
            err("%s: task %s period %s != planned %s" % (f, x["id"], x["period"], d["planned_period"]))
    nt, nr = len(by_file_tasks[f]), len(by_file_results[f])
    if not 10 <= nt <= 18:
        err("%s: %d tasks" % (f, nt))
    if not (10 <= nr <= 18 or nr == 0):
        err("%s: %d results" % (f, nr))

# ---- links ----
def order(fname):
    return docs[fname]["planned_period"]


for l in gold["follow_through"]:
    t, r = tasks.get(l["task"]), results.get(l["result"])
    if t is None or r is None:
        err("follow_through unknown id %s" % l)
        continue
    if docs[t["file"]]["unit"] != docs[r["file"]]["unit"]:
        err("follow_through across units %s" % l)
    if not order(r["file"]) > order(t["file"]):
        err("follow_through not forward in documents %s" % l)
    if r["period"] < t["period"]:
        err("follow_through result period before task period %s" % l)
pairs = [(l["task"], l["result"]) for l in gold["follow_through"]]
if len(set(pairs)) != len(pairs):
    err("duplicate follow_through link")
for l in gold["carry_over"]:
    a, b = tasks.get(l["from"]), tasks.get(l["to"])
    if a is None or b is None:
        err("carry_over unknown id %s" % l)
        continue
    if docs[a["file"]]["unit"] != docs[b["file"]]["unit"]:
        err("carry_over across units %s" % l)
    if not b["period"] > a["period"]:
        err("carry_over not forward in time %s" % l)
pairs = [(l["from"], l["to"]) for l in gold["carry_over"]]
if len(set(pairs)) != len(pairs):
    err("duplicate carry_over link")

# ---- gaps ----
last = {}
for f, d in docs.items():
    u = d["unit"]
    if u not in last or d["planned_period"] > docs[last[u]]["planned_period"]:
        last[u] = f
linked = {l["task"] for l in gold["follow_through"]} | {l["from"] for l in gold["carry_over"]}
expect = {tid for tid, t in tasks.items() if tid not in linked and last[docs[t["file"]]["unit"]] != t["file"]}
if len(set(gold["gaps"])) != len(gold["gaps"]):
    err("duplicate gaps")
if set(gold["gaps"]) != expect:
    err("gaps %s != unlinked tasks of non-last documents %s" % (sorted(set(gold["gaps"])), sorted(expect)))

# ---- decoys (cross-unit from gold; in-unit near misses from _src) ----
all_links = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
            {(l["from"], l["to"]) for l in gold["carry_over"]}
decoys = list(gold.get("cross_unit_decoys", []))
units = {d["unit"] for d in docs.values()}
if len(units) > 1 and not decoys:
    err("two units but no cross_unit_decoys")
for a, b in decoys:
    if a not in tasks and a not in results or b not in tasks and b not in results:
        err("decoy unknown id %s %s" % (a, b))
    if (a, b) in all_links or (b, a) in all_links:
        err("decoy linked %s %s" % (a, b))
nm_path = os.path.join(HERE, "_src", "near_misses.json")
if os.path.exists(nm_path):
    for a, b in json.load(open(nm_path, encoding="utf-8")):
        if a not in tasks or b not in results and b not in tasks:
            err("near miss unknown id %s %s" % (a, b))
        if (a, b) in all_links or (b, a) in all_links:
            err("near miss linked %s %s" % (a, b))

if errors:
    for e in errors:
        print("ERROR:", e)
    sys.exit(1)
print("OK")
