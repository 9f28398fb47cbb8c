#!/usr/bin/env python3
"""Check gold.json of this folder against its documents.  Prints OK when all checks pass.

Checks: form; file names; UTF-8 / NFC / no BOM / \\n line ends; each item text an exact,
unique substring of its file, items not overlapping; every bullet line of the results
section (MỤC A) and of the tasks section (MỤC C) labelled, headings and lead-ins skipped;
one sentence per item; task/result counts per document; periods agree with documents and
file names; links within one unit, forward in time, to the first document reporting the
month; allowed statuses and kinds; gaps exactly the unlinked tasks of non-last documents;
decoys (cross-unit ones in gold.json, intra-unit ones in _src/intra_unit_decoys.json)
never linked.
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


NAME_RE = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
# bullet markers of the two clerks: results "▪ " / "+ ", tasks "C12. " / "(12) "
RESULT_BULLET = re.compile(r"^(?:▪|\+) (.*)$")
TASK_BULLET = re.compile(r"^(?:C\d+\.|\(\d+\)) (.*)$")
INNER_SENTENCE = re.compile(r"[.!?…]\s+\S")

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---------- form ----------
for key, typ in [("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)]:
    if not isinstance(gold.get(key), typ):
        err(f"form: missing or bad key {key}")
allowed_keys = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps",
                "cross_unit_decoys"}
for k in gold:
    if k not in allowed_keys:
        err(f"form: unexpected key {k}")
if errors:
    print("\n".join(errors))
    sys.exit(1)

for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err(f"form: document keys {sorted(d)}")
for coll in ("tasks", "results"):
    for it in gold[coll]:
        if set(it) != {"id", "file", "period", "text"}:
            err(f"form: {coll} keys {sorted(it)}")
        if not it.get("text", "").strip():
            err(f"form: empty text {it.get('id')}")
for f in gold["follow_through"]:
    if set(f) != {"task", "result", "status"}:
        err(f"form: follow_through keys {sorted(f)}")
for c in gold["carry_over"]:
    if set(c) != {"from", "to", "kind"}:
        err(f"form: carry_over keys {sorted(c)}")

ids = [i["id"] for i in gold["tasks"]] + [i["id"] for i in gold["results"]]
if len(ids) != len(set(ids)):
    err("form: duplicate item ids")
tasks = {t["id"]: t for t in gold["tasks"]}
results = {r["id"]: r for r in gold["results"]}

# ---------- documents, names, encoding ----------
docs = {d["file"]: d for d in gold["documents"]}
if len(docs) != len(gold["documents"]):
    err("documents: duplicate file")
on_disk = sorted(x for x in os.listdir(HERE) if x.endswith(".txt"))
if sorted(docs) != on_disk:
    err(f"documents: gold lists {sorted(docs)} but folder has {on_disk}")

texts = {}
for fn, d in docs.items():
    m = NAME_RE.match(fn)
    if not m:
        err(f"name: bad file name {fn}")
        continue
    if m.group(2) != d["planned_period"]:
        err(f"name: {fn} month != planned_period {d['planned_period']}")
    for mo in d["reported_months"] + [d["planned_period"]]:
        if not MONTH_RE.match(mo):
            err(f"period: bad month {mo} in {fn}")
    if any(mo >= d["planned_period"] for mo in d["reported_months"]):
        err(f"period: {fn} reports a month not before its planned period")
    raw = open(os.path.join(HERE, fn), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"encoding: BOM in {fn}")
    if b"\r" in raw:
        err(f"encoding: CR in {fn}")
    try:
        txt = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"encoding: {fn} not UTF-8 ({e})")
        continue
    if unicodedata.normalize("NFC", txt) != txt:
        err(f"encoding: {fn} not NFC")
    if "{{" in txt or "}}" in txt:
        err(f"build: hand marks left in {fn}")
    texts[fn] = txt

# document header sanity (state genre)
for fn, txt in texts.items():
    for must in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Số: ", "Nơi nhận:", "ngày "):
        if must not in txt:
            err(f"header: {fn} lacks {must!r}")

# ---------- items: exact unique substrings, no overlaps, periods ----------
spans = {fn: [] for fn in docs}
for coll in ("tasks", "results"):
    for it in gold[coll]:
        fn = it["file"]
        if fn not in texts:
            err(f"item: {it['id']} in unknown file {fn}")
            continue
        t = it["text"]
        if unicodedata.normalize("NFC", t) != t:
            err(f"item: {it['id']} text not NFC")
        n = texts[fn].count(t)
        if n != 1:
            err(f"item: {it['id']} text found {n} times in {fn}")
            continue
        s = texts[fn].index(t)
        spans[fn].append((s, s + len(t), it["id"]))
        if INNER_SENTENCE.search(t.rstrip()):
            err(f"item: {it['id']} holds more than one sentence")
        d = docs[fn]
        if coll == "tasks" and it["period"] != d["planned_period"]:
            err(f"period: task {it['id']} period {it['period']} != {d['planned_period']}")
        if coll == "results" and it["period"] not in d["reported_months"]:
            err(f"period: result {it['id']} period {it['period']} not reported by {fn}")
for fn, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if a[1] > b[0]:
            err(f"overlap: {a[2]} and {b[2]} in {fn}")

# ---------- sections: every bullet labelled ----------
def section(lines, start_prefix, end_prefix, fn):
    st = [i for i, l in enumerate(lines) if l.startswith(start_prefix)]
    en = [i for i, l in enumerate(lines) if l.startswith(end_prefix)]
    if len(st) != 1 or len(en) != 1 or st[0] >= en[0]:
        err(f"section: cannot find {start_prefix!r}..{end_prefix!r} in {fn}")
        return None
    return st[0], en[0]


for fn, txt in texts.items():
    lines = txt.split("\n")
    line_start = []
    pos = 0
    for l in lines:
        line_start.append(pos)
        pos += len(l) + 1
    by_kind = {"results": {r["text"]: r["id"] for r in gold["results"] if r["file"] == fn},
               "tasks": {t["text"]: t["id"] for t in gold["tasks"] if t["file"] == fn}}
    seen = {"results": set(), "tasks": set()}
    for kind, (a, b), bullet in (("results", ("MỤC A.", "MỤC B."), RESULT_BULLET),
                                 ("tasks", ("MỤC C.", "MỤC D."), TASK_BULLET)):
        sec = section(lines, a, b, fn)
        if not sec:
            continue
        lead_done = False
        for i in range(sec[0] + 1, sec[1]):
            l = lines[i]
            if not l.strip():
                continue
            m = bullet.match(l)
            if m:
                content = m.group(1)
                iid = by_kind[kind].get(content)
                if iid is None:
                    err(f"coverage: unlabelled {kind} line in {fn}: {l[:70]!r}")
                else:
                    seen[kind].add(iid)
                lead_done = True
                continue
            if l.rstrip().endswith(":"):
                lead_done = True
                continue  # group heading
            if not lead_done:
                lead_done = True
                continue  # lead-in sentence right under the section heading
            err(f"coverage: stray line in {kind} section of {fn}: {l[:70]!r}")
        for text, iid in by_kind[kind].items():
            if iid not in seen[kind]:
                err(f"coverage: {iid} is not a whole bullet of the {kind} section of {fn}")
    # counts
    nt, nr = len(by_kind["tasks"]), len(by_kind["results"])
    if not 10 <= nt <= 18:
        err(f"count: {fn} has {nt} tasks")
    if not (nr == 0 or 10 <= nr <= 18):
        err(f"count: {fn} has {nr} results")

# ---------- links ----------
order = sorted(docs, key=lambda f: docs[f]["planned_period"])
unit_docs = {}
for fn in order:
    unit_docs.setdefault(docs[fn]["unit"], []).append(fn)


def idx(fn):
    return unit_docs[docs[fn]["unit"]].index(fn)


ft_pairs, co_pairs = set(), set()
for f in gold["follow_through"]:
    t, r = tasks.get(f["task"]), results.get(f["result"])
    if not t or not r:
        err(f"link: unknown id in follow_through {f}")
        continue
    if f["status"] not in STATUSES:
        err(f"link: bad status {f['status']}")
    if (f["task"], f["result"]) in ft_pairs:
        err(f"link: duplicate follow_through {f}")
    ft_pairs.add((f["task"], f["result"]))
    td, rd = docs[t["file"]], docs[r["file"]]
    if td["unit"] != rd["unit"]:
        err(f"link: follow_through across units {f}")
        continue
    if idx(r["file"]) <= idx(t["file"]):
        err(f"link: follow_through not forward {f}")
    if r["period"] != t["period"]:
        err(f"link: result {r['id']} reports {r['period']}, task {t['id']} is for {t['period']}")
    first = next((x for x in unit_docs[td["unit"]]
                  if t["period"] in docs[x]["reported_months"]), None)
    if first != r["file"]:
        err(f"link: {f['task']} answered in {r['file']}, first report is {first}")
for c in gold["carry_over"]:
    a, b = tasks.get(c["from"]), tasks.get(c["to"])
    if not a or not b:
        err(f"link: unknown id in carry_over {c}")
        continue
    if c["kind"] not in KINDS:
        err(f"link: bad kind {c['kind']}")
    if (c["from"], c["to"]) in co_pairs:
        err(f"link: duplicate carry_over {c}")
    co_pairs.add((c["from"], c["to"]))
    if docs[a["file"]]["unit"] != docs[b["file"]]["unit"]:
        err(f"link: carry_over across units {c}")
        continue
    if not (idx(b["file"]) > idx(a["file"]) and b["period"] > a["period"]):
        err(f"link: carry_over not forward {c}")

# ---------- gaps ----------
linked = {t for t, _ in ft_pairs} | {a for a, _ in co_pairs}
expected_gaps = set()
for t in gold["tasks"]:
    docs_of_unit = unit_docs[docs[t["file"]]["unit"]]
    if t["file"] != docs_of_unit[-1] and t["id"] not in linked:
        expected_gaps.add(t["id"])
if len(gold["gaps"]) != len(set(gold["gaps"])):
    err("gaps: duplicates")
if set(gold["gaps"]) != expected_gaps:
    err(f"gaps: listed-only {sorted(set(gold['gaps']) - expected_gaps)}, "
        f"missing {sorted(expected_gaps - set(gold['gaps']))}")

# ---------- decoys ----------
all_links = ft_pairs | co_pairs
cross = gold.get("cross_unit_decoys", [])
if len({d["unit"] for d in gold["documents"]}) < 2 and cross:
    err("decoys: cross_unit_decoys given for a one-unit series")
for a, b in cross:
    if a not in ids or b not in ids:
        err(f"decoys: unknown id in {a, b}")
        continue
    fa = (tasks.get(a) or results.get(a))["file"]
    fb = (tasks.get(b) or results.get(b))["file"]
    if docs[fa]["unit"] == docs[fb]["unit"]:
        err(f"decoys: cross-unit pair in one unit {a, b}")
    if (a, b) in all_links or (b, a) in all_links:
        err(f"decoys: decoy pair linked {a, b}")
intra_path = os.path.join(HERE, "_src", "intra_unit_decoys.json")
intra = json.load(open(intra_path, encoding="utf-8")) if os.path.exists(intra_path) else []
for a, b in intra:
    if a not in ids or b not in ids:
        err(f"decoys: unknown id in intra pair {a, b}")
    if (a, b) in all_links or (b, a) in all_links:
        err(f"decoys: intra-unit decoy pair linked {a, b}")

if errors:
    print("\n".join(errors))
    print(f"FAILED: {len(errors)} problem(s)")
    sys.exit(1)

st = {}
for f in gold["follow_through"]:
    st[f["status"]] = st.get(f["status"], 0) + 1
kd = {}
for c in gold["carry_over"]:
    kd[c["kind"]] = kd.get(c["kind"], 0) + 1
print(f"documents {len(docs)}, tasks {len(tasks)}, results {len(results)}, "
      f"follow-through {len(gold['follow_through'])} {dict(sorted(st.items()))}, "
      f"carry-over {len(gold['carry_over'])} {dict(sorted(kd.items()))}, "
      f"gaps {len(gold['gaps'])}, cross-unit decoys {len(cross)}, intra-unit decoys {len(intra)}")
print("OK")
