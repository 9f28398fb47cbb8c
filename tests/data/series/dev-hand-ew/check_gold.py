#!/usr/bin/env python3
"""Check gold.json of this series against its documents and ANNOTATION.md.

Checks: the form; file names; UTF-8, NFC, no BOM, \\n line ends; every item
text an exact unique substring of its file, no overlaps; every sentence of the
results section and of the tasks section labelled (headings and lead-ins
skipped; the spelled-out enumerators "Một là, " ... are markers, not part of
the item); task/result counts per document; periods agree with the title and
with each other; links within one unit and forward in time; statuses and
kinds allowed; gaps exactly the unlinked tasks of documents that are not their
unit's last; decoys (cross_unit_decoys and _src/decoys.json) never linked.
Prints OK when all hold.
"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---------- form ----------
REQ = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps"}
for k in REQ:
    if k not in gold or not isinstance(gold[k], list):
        err(f"gold.json: missing list '{k}'")
for k in gold:
    if k not in REQ | {"cross_unit_decoys"}:
        err(f"gold.json: unknown key '{k}'")
if errors:
    print("\n".join(errors)); sys.exit(1)

for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err(f"document fields: {d}")
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"} or not all(isinstance(it[x], str) and it[x] for x in it):
            err(f"{kind} fields: {it}")
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err(f"follow_through fields: {l}")
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err(f"carry_over fields: {l}")
if errors:
    print("\n".join(errors)); sys.exit(1)

ids = [it["id"] for it in gold["tasks"] + gold["results"]]
if len(ids) != len(set(ids)):
    err("duplicate item ids")
tasks = {t["id"]: t for t in gold["tasks"]}
results = {r["id"]: r for r in gold["results"]}
docs = {d["file"]: d for d in gold["documents"]}
if len(docs) != len(gold["documents"]):
    err("duplicate document file")

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")

# ---------- files ----------
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if sorted(docs) != on_disk:
    err(f"documents listed {sorted(docs)} != .txt files {on_disk}")

texts = {}
for f, d in docs.items():
    m = FNAME.match(f)
    if not m:
        err(f"{f}: bad file name"); continue
    if m.group(2) != d["planned_period"]:
        err(f"{f}: name month != planned_period {d['planned_period']}")
    for mo in d["reported_months"] + [d["planned_period"]]:
        if not MONTH.match(mo):
            err(f"{f}: bad month {mo}")
    raw = open(os.path.join(HERE, f), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{f}: BOM")
    if b"\r" in raw:
        err(f"{f}: CR line ends")
    try:
        s = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{f}: not UTF-8 ({e})"); continue
    if unicodedata.normalize("NFC", s) != s:
        err(f"{f}: not NFC")
    texts[f] = s
if errors:
    print("\n".join(errors)); sys.exit(1)

# ---------- per unit order ----------
units = {}
for f, d in docs.items():
    units.setdefault(d["unit"], []).append(f)
for u in units:
    units[u].sort(key=lambda f: docs[f]["planned_period"])
order = {f: i for u in units for i, f in enumerate(units[u])}


def next_month(m):
    y, mo = map(int, m.split("-"))
    mo += 1
    if mo == 13:
        y, mo = y + 1, 1
    return f"{y:04d}-{mo:02d}"


for u, fs in units.items():
    for i, f in enumerate(fs):
        d = docs[f]
        rep = d["reported_months"]
        if rep != sorted(rep) or (rep and rep[-1] >= d["planned_period"]):
            err(f"{f}: reported months must precede planned period")
        if i > 0:
            prev = docs[fs[i - 1]]["planned_period"]
            want, m = [], prev
            while m < d["planned_period"]:
                want.append(m); m = next_month(m)
            if rep != want:
                err(f"{f}: reported {rep}, but after {fs[i-1]} it should report {want}")

# ---------- title agrees with periods ----------
TITLE = re.compile(r"về kết quả lãnh đạo thực hiện nhiệm vụ (.*?) và nhiệm vụ trọng tâm tháng (\d{1,2}) năm (\d{4})")
for f, s in texts.items():
    d = docs[f]
    m = TITLE.search(s)
    if not m:
        err(f"{f}: title not found"); continue
    y = m.group(3)
    rep = [f"{y}-{int(x):02d}" for x in re.findall(r"tháng (\d{1,2})", m.group(1))]
    if rep != d["reported_months"]:
        err(f"{f}: title reports {rep}, gold says {d['reported_months']}")
    if f"{y}-{int(m.group(2)):02d}" != d["planned_period"]:
        err(f"{f}: title plans {m.group(2)}/{y}, gold says {d['planned_period']}")
    if not re.search(r"^Số \d+-NQ/ĐU$", s, re.M):
        err(f"{f}: no 'Số ...-NQ/ĐU' line")
    for need in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Nơi nhận:", "T/M BAN CHẤP HÀNH"):
        if need not in s:
            err(f"{f}: missing '{need}'")

# ---------- item texts: exact, unique, no overlap, periods ----------
spans = {f: [] for f in texts}
for kind, coll in (("task", tasks), ("result", results)):
    for iid, it in coll.items():
        f = it["file"]
        if f not in texts:
            err(f"{iid}: unknown file {f}"); continue
        s, t = texts[f], it["text"]
        n = s.count(t)
        if n != 1:
            err(f"{iid}: text occurs {n} times in {f}"); continue
        a = s.index(t)
        spans[f].append((a, a + len(t), iid))
        d = docs[f]
        if kind == "task" and it["period"] != d["planned_period"]:
            err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
        if kind == "result":
            if it["period"] not in d["reported_months"]:
                err(f"{iid}: period {it['period']} not reported by {f}")
            if len(d["reported_months"]) > 1:
                named = {f"{mo[:4]}-{int(x):02d}" for x in re.findall(r"tháng (\d{1,2})\b", t)
                         for mo in [d["reported_months"][0]]}
                named &= set(d["reported_months"])
                if len(named) == 1 and it["period"] not in named:
                    err(f"{iid}: text names month {named}, period is {it['period']}")
for f, sp in spans.items():
    sp.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
        if a2 < b1:
            err(f"{f}: {i1} overlaps {i2}")

# ---------- sections fully labelled ----------
ENUM = re.compile(r"^(Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười) là, ")
SPLIT = re.compile(r"(?<=[.!?])\s+")


def section(s, start_pat, end_pat):
    a = re.search(start_pat, s, re.M)
    b = re.search(end_pat, s, re.M)
    if not a or not b or b.start() < a.end():
        return None, None
    return a.end(), b.start()


for f, s in texts.items():
    by_text = {}
    for coll, kind in ((tasks, "T"), (results, "R")):
        for iid, it in coll.items():
            if it["file"] == f:
                by_text[it["text"]] = (iid, kind)
    counts = {"T": 0, "R": 0}
    for kind, sp, ep in (("R", r"^I\. KẾT QUẢ.*$", r"^II\. HẠN CHẾ"),
                         ("T", r"^III\. NHIỆM VỤ TRỌNG TÂM.*$", r"^IV\. TỔ CHỨC THỰC HIỆN")):
        a, b = section(s, sp, ep)
        if a is None:
            err(f"{f}: section {sp} not found"); continue
        inside = set()
        for line in s[a:b].split("\n"):
            line = line.strip()
            if not line:
                continue
            if re.match(r"^\d+\.\s", line) and not line.endswith("."):
                continue                                  # field heading
            if line.endswith(":"):
                continue                                  # lead-in
            if kind == "T":
                if not ENUM.match(line):
                    err(f"{f}: task paragraph without enumerator: {line[:60]}")
                line = ENUM.sub("", line)
            sents = SPLIT.split(line)
            if kind == "T" and not 1 <= len(sents) <= 3:
                err(f"{f}: task paragraph with {len(sents)} sentences")
            for sent in sents:
                hit = by_text.get(sent)
                if not hit:
                    err(f"{f}: unlabelled sentence: {sent[:70]}")
                elif hit[1] != kind:
                    err(f"{f}: {hit[0]} labelled in the wrong section")
                else:
                    inside.add(hit[0]); counts[kind] += 1
        for t, (iid, k) in by_text.items():
            if k == kind and iid not in inside:
                err(f"{f}: {iid} lies outside its section")
    nt = sum(1 for t in tasks.values() if t["file"] == f)
    nr = sum(1 for r in results.values() if r["file"] == f)
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks (want 10-18)")
    if not (10 <= nr <= 18 or (nr == 0 and not docs[f]["reported_months"])):
        err(f"{f}: {nr} results (want 10-18)")
    if counts != {"T": nt, "R": nr}:
        err(f"{f}: section sentences {counts} != items T={nt} R={nr}")

# ---------- links ----------
STATUS = {"done", "partial", "progress"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
seen = set()
for l in gold["follow_through"]:
    t, r = tasks.get(l["task"]), results.get(l["result"])
    if not t or not r:
        err(f"follow_through: unknown id {l}"); continue
    key = ("F", l["task"], l["result"])
    if key in seen:
        err(f"duplicate link {l}")
    seen.add(key)
    if l["status"] not in STATUS:
        err(f"follow_through: bad status {l}")
    if docs[t["file"]]["unit"] != docs[r["file"]]["unit"]:
        err(f"follow_through across units {l}")
    if order[r["file"]] <= order[t["file"]]:
        err(f"follow_through not forward {l}")
    if r["period"] != t["period"]:
        err(f"follow_through: result period {r['period']} != task period {t['period']} {l}")
    first = next((g for g in units[docs[t["file"]]["unit"]]
                  if t["period"] in docs[g]["reported_months"]), None)
    if first != r["file"]:
        err(f"follow_through: {l['result']} is not in the first document reporting {t['period']}")
for l in gold["carry_over"]:
    a, b = tasks.get(l["from"]), tasks.get(l["to"])
    if not a or not b:
        err(f"carry_over: unknown id {l}"); continue
    key = ("C", l["from"], l["to"])
    if key in seen:
        err(f"duplicate link {l}")
    seen.add(key)
    if l["kind"] not in KINDS:
        err(f"carry_over: bad kind {l}")
    if docs[a["file"]]["unit"] != docs[b["file"]]["unit"]:
        err(f"carry_over across units {l}")
    if order[b["file"]] <= order[a["file"]]:
        err(f"carry_over not forward {l}")

linked = {l["task"] for l in gold["follow_through"]} | {l["from"] for l in gold["carry_over"]}
last = {fs[-1] for fs in units.values()}
want_gaps = {i for i, t in tasks.items() if t["file"] not in last and i not in linked}
if set(gold["gaps"]) != want_gaps or len(gold["gaps"]) != len(set(gold["gaps"])):
    err(f"gaps {sorted(gold['gaps'])} != unlinked tasks {sorted(want_gaps)}")

# ---------- decoys ----------
pairs = [tuple(p) for p in gold.get("cross_unit_decoys", [])]
for p in pairs:
    a, b = (tasks.get(p[0]) or results.get(p[0])), (tasks.get(p[1]) or results.get(p[1]))
    if not a or not b or docs[a["file"]]["unit"] == docs[b["file"]]["unit"]:
        err(f"cross_unit_decoys: {p} not two items of two units")
dpath = os.path.join(HERE, "_src", "decoys.json")
if os.path.exists(dpath):
    for p in json.load(open(dpath, encoding="utf-8"))["in_unit_decoys"]:
        if p[0] not in tasks or p[1] not in results:
            err(f"decoy {p}: unknown ids")
        pairs.append(tuple(p))
for a, b in pairs:
    for k in ("F", "C"):
        if (k, a, b) in seen or (k, b, a) in seen:
            err(f"decoy pair {a},{b} is linked")

if errors:
    print("\n".join(errors))
    print(f"FAILED ({len(errors)} problems)")
    sys.exit(1)
print("OK")
