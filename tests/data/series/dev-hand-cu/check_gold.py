#!/usr/bin/env python3
"""Check gold.json of this series against its documents. Prints OK or the problems."""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---------- form ----------
REQ = {"documents": list, "tasks": list, "results": list, "follow_through": list,
       "carry_over": list, "gaps": list}
for k, t in REQ.items():
    if not isinstance(gold.get(k), t):
        err(f"gold.json: key {k} missing or not a {t.__name__}")
extra = set(gold) - set(REQ) - {"cross_unit_decoys"}
if extra:
    err(f"gold.json: unexpected keys {sorted(extra)}")
DOC_KEYS = {"file", "unit", "reported_months", "planned_period"}
ITEM_KEYS = {"id", "file", "period", "text"}
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
for d in gold["documents"]:
    if set(d) != DOC_KEYS:
        err(f"document keys {sorted(d)}")
    if not MONTH.match(d.get("planned_period", "")):
        err(f"bad planned_period {d}")
    if not isinstance(d.get("reported_months"), list) or not all(MONTH.match(m) for m in d["reported_months"]):
        err(f"bad reported_months {d}")
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != ITEM_KEYS:
            err(f"{kind} item keys {sorted(it)}")
        if not MONTH.match(it.get("period", "")):
            err(f"bad period {it.get('id')}")
        if not isinstance(it.get("text"), str) or not it["text"].strip():
            err(f"empty text {it.get('id')}")

docs = {d["file"]: d for d in gold["documents"]}
if len(docs) != len(gold["documents"]):
    err("duplicate document entries")
tasks = {t["id"]: t for t in gold["tasks"]}
results = {r["id"]: r for r in gold["results"]}
if len(tasks) != len(gold["tasks"]) or len(results) != len(gold["results"]):
    err("duplicate item ids")
if set(tasks) & set(results):
    err("ids shared between tasks and results")

# ---------- file names, encoding ----------
NAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d\d)\.txt$")
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if sorted(docs) != on_disk:
    err(f"documents {sorted(docs)} != .txt files {on_disk}")
texts = {}
for fn, d in docs.items():
    m = NAME.match(fn)
    if not m:
        err(f"bad file name {fn}")
        continue
    if m.group(2) != d["planned_period"]:
        err(f"{fn}: name month != planned_period {d['planned_period']}")
    raw = open(os.path.join(HERE, fn), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{fn}: BOM")
    if b"\r" in raw:
        err(f"{fn}: CR line ends")
    try:
        s = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{fn}: not UTF-8")
        continue
    if unicodedata.normalize("NFC", s) != s:
        err(f"{fn}: not NFC")
    texts[fn] = s
    # date of the notice: early in the planned month; meeting date just before it
    dm = re.search(r"ngày (\d\d) tháng (\d\d?) năm (\d{4})", s)
    if not dm:
        err(f"{fn}: no date line")
    else:
        day, mon, yr = int(dm.group(1)), int(dm.group(2)), int(dm.group(3))
        if f"{yr}-{mon:02d}" != d["planned_period"] or day > 10:
            err(f"{fn}: date {dm.group(0)} not early in {d['planned_period']}")
    if "ĐẢNG CỘNG SẢN VIỆT NAM" not in s or not re.search(r"Số \d+-TB/ĐU", s):
        err(f"{fn}: Party header missing")
    if "Nơi nhận" not in s:
        err(f"{fn}: no Nơi nhận")
    title = s[s.find("THÔNG BÁO"):].split("\n")[1]
    if title.strip().lower() != "kết luận hội nghị giao ban thường trực đảng ủy":
        err(f"{fn}: title line {title!r}")
    # reported months must be named in the text (month number or 'tháng qua')
    for rm in d["reported_months"]:
        mm = int(rm[5:])
        if not (re.search(rf"tháng 0?{mm}\b", s) or "tháng qua" in s):
            err(f"{fn}: reported month {rm} not named")

# ---------- items: exact unique substrings, no overlaps ----------
spans = defaultdict(list)  # file -> [(start, end, id, kind)]
for kind, coll in (("task", tasks), ("result", results)):
    for iid, it in coll.items():
        fn = it["file"]
        if fn not in texts:
            err(f"{iid}: unknown file {fn}")
            continue
        s, t = texts[fn], it["text"]
        n = s.count(t)
        if n != 1:
            err(f"{iid}: text found {n} times in {fn}")
            continue
        a = s.find(t)
        spans[fn].append((a, a + len(t), iid, kind))
for fn, sp in spans.items():
    sp.sort()
    for (a1, b1, i1, _), (a2, b2, i2, _) in zip(sp, sp[1:]):
        if a2 < b1:
            err(f"{fn}: items {i1} and {i2} overlap")

# ---------- every bullet / sentence of the result and task sections is labelled ----------
ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII)\.\s")
SUBHEAD = re.compile(r"^(\d+|[a-zđ])[\.\)]\s")
MARKER = re.compile(r"^(-|\+|\(\d+\)|\d+\.|[a-zđ]\))(\s+|$)")
CLOSING = re.compile(r"^(Thường trực Đảng ủy giao|Ban Thường vụ Đảng ủy giao|Giao |Nơi nhận)")
count = defaultdict(lambda: {"task": 0, "result": 0})
for fn, s in texts.items():
    section = None
    pos = 0
    by_span = spans.get(fn, [])
    covered_ids = set()
    for line in s.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        L = line.strip()
        if not L:
            continue
        if ROMAN.match(L):
            U = L.upper()
            if "KẾT QUẢ" in U:
                section = "result"
            elif "HẠN CHẾ" in U:
                section = "limitation"
            elif "NHIỆM VỤ" in U or "PHƯƠNG HƯỚNG" in U:
                section = "task"
            else:
                section = None
            continue
        if CLOSING.match(L):
            section = None
            continue
        if section not in ("task", "result"):
            continue
        if SUBHEAD.match(L) and not L.endswith((".", ";")):
            continue  # sub-heading
        if L.endswith(":"):
            continue  # lead-in
        if L.startswith("Nguyên nhân"):
            continue
        inside = [(a, b, i, k) for a, b, i, k in by_span if a >= start and b <= end]
        rest = list(line)
        for a, b, i, k in inside:
            if k != section:
                err(f"{fn}: {i} ({k}) sits in a {section} section")
            for p in range(a - start, b - start):
                rest[p] = " "
            covered_ids.add(i)
        rest = MARKER.sub("", "".join(rest).strip())
        if rest.strip():
            err(f"{fn}: unlabelled text in {section} section: {rest.strip()[:70]!r}")
    for a, b, i, k in by_span:
        if i not in covered_ids:
            err(f"{fn}: {i} is not inside a {k} section line")
        else:
            count[fn][k] += 1
    # sentences: an item must not hold two sentences
    for a, b, i, k in by_span:
        t = s[a:b]
        if re.search(r"[.;]\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]", t[:-1]) and re.search(r"\.\s+[A-ZĐ]", t[:-1]):
            err(f"{fn}: {i} seems to hold two sentences")

for fn, d in docs.items():
    nt, nr = count[fn]["task"], count[fn]["result"]
    if not 10 <= nt <= 18:
        err(f"{fn}: {nt} tasks (want 10-18)")
    if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
        err(f"{fn}: {nr} results (want 10-18)")

# ---------- periods ----------
for iid, t in tasks.items():
    if t["file"] in docs and t["period"] != docs[t["file"]]["planned_period"]:
        err(f"{iid}: period {t['period']} != planned {docs[t['file']]['planned_period']}")
for iid, r in results.items():
    if r["file"] in docs and r["period"] not in docs[r["file"]]["reported_months"]:
        err(f"{iid}: period {r['period']} not reported by {r['file']}")
by_unit = defaultdict(list)
for d in gold["documents"]:
    by_unit[d["unit"]].append(d)
for u, ds in by_unit.items():
    ds.sort(key=lambda d: d["planned_period"])
    for prev, nxt in zip(ds, ds[1:]):
        # the next notice reports every month from the previous planned month up to the month before its own
        y, m = map(int, prev["planned_period"].split("-"))
        want = []
        while f"{y}-{m:02d}" < nxt["planned_period"]:
            want.append(f"{y}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        if nxt["reported_months"] != want:
            err(f"{nxt['file']}: reported {nxt['reported_months']} but the gap since {prev['file']} is {want}")

# ---------- links ----------
def doc_of(iid):
    it = tasks.get(iid) or results.get(iid)
    return docs.get(it["file"]) if it else None

seen = set()
for l in gold["follow_through"]:
    t, r, st = l.get("task"), l.get("result"), l.get("status")
    if (t, r) in seen:
        err(f"duplicate follow-through {t}->{r}")
    seen.add((t, r))
    if t not in tasks or r not in results:
        err(f"follow-through {t}->{r}: unknown id")
        continue
    if st not in ("done", "partial"):
        err(f"follow-through {t}->{r}: status {st}")
    dt, dr = doc_of(t), doc_of(r)
    if dt["unit"] != dr["unit"]:
        err(f"follow-through {t}->{r}: across units")
    if dr["planned_period"] <= dt["planned_period"] or results[r]["period"] < tasks[t]["period"]:
        err(f"follow-through {t}->{r}: not forward in time")
    first = [d for d in by_unit[dt["unit"]] if tasks[t]["period"] in d["reported_months"]]
    if not first or first[0]["file"] != dr["file"]:
        err(f"follow-through {t}->{r}: not in the first document reporting {tasks[t]['period']}")
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
seen = set()
for l in gold["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if (a, b) in seen:
        err(f"duplicate carry-over {a}->{b}")
    seen.add((a, b))
    if a not in tasks or b not in tasks:
        err(f"carry-over {a}->{b}: unknown id")
        continue
    if k not in KINDS:
        err(f"carry-over {a}->{b}: kind {k}")
    da, db = doc_of(a), doc_of(b)
    if da["unit"] != db["unit"]:
        err(f"carry-over {a}->{b}: across units")
    if db["planned_period"] <= da["planned_period"]:
        err(f"carry-over {a}->{b}: not forward in time")

# ---------- gaps ----------
linked = {l["task"] for l in gold["follow_through"]} | {l["from"] for l in gold["carry_over"]}
last = {u: ds[-1]["file"] for u, ds in by_unit.items()}
want_gaps = {i for i, t in tasks.items() if i not in linked and t["file"] != last[docs[t["file"]]["unit"]]}
if set(gold["gaps"]) != want_gaps or len(gold["gaps"]) != len(set(gold["gaps"])):
    err(f"gaps {sorted(gold['gaps'])} != unlinked tasks of non-last documents {sorted(want_gaps)}")

# ---------- decoys ----------
ft_pairs = {(l["task"], l["result"]) for l in gold["follow_through"]}
co_pairs = {(l["from"], l["to"]) for l in gold["carry_over"]}
all_pairs = ft_pairs | co_pairs
for p in gold.get("cross_unit_decoys", []):
    a, b = p
    if a not in tasks and a not in results or b not in tasks and b not in results:
        err(f"decoy {p}: unknown id")
    if (a, b) in all_pairs or (b, a) in all_pairs:
        err(f"decoy {p} is linked")
    if doc_of(a)["unit"] == doc_of(b)["unit"]:
        err(f"cross-unit decoy {p} within one unit")
intra = os.path.join(HERE, "intra_unit_decoys.json")
if os.path.exists(intra):
    for p in json.load(open(intra, encoding="utf-8")):
        a, b = p["task"], p["result"]
        if a not in tasks or b not in results:
            err(f"intra decoy {a},{b}: unknown id")
        elif (a, b) in ft_pairs:
            err(f"intra decoy {a}->{b} is linked")

if errors:
    for e in errors:
        print("ERROR:", e)
    sys.exit(1)
print("OK")
