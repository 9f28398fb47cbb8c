#!/usr/bin/env python3
"""Check gold.json of this folder against its documents. Prints OK or the list of problems."""
import json, re, sys, unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
errs = []


def err(msg):
    errs.append(msg)


def months_in(s):
    """'THÁNG 3 VÀ THÁNG 4 NĂM 2026' -> ['2026-03', '2026-04']"""
    year = re.search(r"NĂM (\d{4})", s)
    if not year:
        return []
    return [f"{year.group(1)}-{int(m):02d}" for m in re.findall(r"THÁNG (\d{1,2})", s)]


gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))

# ---------- form ----------
need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
        "carry_over": list, "gaps": list}
for k, t in need.items():
    if not isinstance(gold.get(k), t):
        err(f"form: key {k} missing or not a {t.__name__}")
for k in gold:
    if k not in need and k != "cross_unit_decoys":
        err(f"form: unknown key {k}")
if errs:
    print("\n".join(errs)); sys.exit(1)
decoys = gold.get("cross_unit_decoys", [])
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err(f"form: document fields {sorted(d)}")
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"} or not all(isinstance(v, str) for v in it.values()):
            err(f"form: {kind} item {it.get('id')} fields")
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err(f"form: follow_through {l}")
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err(f"form: carry_over {l}")

# ---------- documents ----------
docs = {}
NAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
texts = {}
for d in gold["documents"]:
    f = d["file"]
    m = NAME.match(f)
    if not m:
        err(f"{f}: bad file name"); continue
    if m.group(2) != d["planned_period"]:
        err(f"{f}: name month != planned_period {d['planned_period']}")
    if not MONTH.match(d["planned_period"]) or not all(MONTH.match(x) for x in d["reported_months"]):
        err(f"{f}: bad month format")
    if any(x >= d["planned_period"] for x in d["reported_months"]):
        err(f"{f}: reported month not before planned month")
    if f in docs:
        err(f"{f}: listed twice")
    docs[f] = d
    p = HERE / f
    if not p.exists():
        err(f"{f}: missing"); continue
    b = p.read_bytes()
    if b.startswith(b"\xef\xbb\xbf"):
        err(f"{f}: BOM")
    if b"\r" in b:
        err(f"{f}: CR line ends")
    try:
        s = b.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{f}: not UTF-8"); continue
    if unicodedata.normalize("NFC", s) != s:
        err(f"{f}: not NFC")
    if "{{" in s or "}}" in s:
        err(f"{f}: hand marks left")
    texts[f] = s
on_disk = {p.name for p in HERE.glob("*.txt")}
if on_disk != set(docs):
    err(f"documents on disk {sorted(on_disk)} != listed {sorted(docs)}")

# ---------- items: ids, substrings, overlaps ----------
items = {}
spans = defaultdict(list)
for kind in ("tasks", "results"):
    for it in gold[kind]:
        iid = it["id"]
        if iid in items:
            err(f"duplicate id {iid}")
        items[iid] = dict(it, kind=kind)
        f = it["file"]
        if f not in texts:
            err(f"{iid}: unknown file {f}"); continue
        s, t = texts[f], it["text"]
        if not t.strip() or t != t.strip():
            err(f"{iid}: empty or padded text")
        n = s.count(t)
        if n != 1:
            err(f"{iid}: text occurs {n} times in {f}"); continue
        a = s.index(t)
        spans[f].append((a, a + len(t), iid))
        if kind == "tasks" and it["period"] != docs[f]["planned_period"]:
            err(f"{iid}: task period {it['period']} != planned {docs[f]['planned_period']}")
        if kind == "results" and it["period"] not in docs[f]["reported_months"]:
            err(f"{iid}: result period {it['period']} not reported by {f}")
for f, sp in spans.items():
    sp.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
        if a2 < b1:
            err(f"{f}: {i1} overlaps {i2}")

# ---------- sections: every bullet / numbered line labelled, headings agree ----------
for f, s in texts.items():
    d = docs[f]
    lines = s.split("\n")
    by_text = {(it["file"], it["text"]): it for it in items.values()}
    for head in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Nơi nhận:", "NGHỊ QUYẾT"):
        if head not in s:
            err(f"{f}: header/closing '{head}' missing")
    if not re.search(r"^Số \d+-NQ/CB$", s, re.M):
        err(f"{f}: no 'Số ...-NQ/CB'")
    if not re.search(r", ngày \d{2} tháng \d{1,2} năm \d{4}$", s, re.M):
        err(f"{f}: no place and date line")
    i_res = [i for i, l in enumerate(lines) if l.startswith("I. KẾT QUẢ")]
    i_lim = [i for i, l in enumerate(lines) if l.startswith("* Hạn chế")]
    i_task = [i for i, l in enumerate(lines) if l.startswith("II. NHIỆM VỤ")]
    i_end = [i for i, l in enumerate(lines) if l.startswith("III. ")]
    if not (len(i_task) == 1 and len(i_end) == 1 and len(i_res) <= 1):
        err(f"{f}: section headings not found once"); continue
    seen = set()
    # results section
    if i_res:
        r0 = i_res[0]
        r1 = i_lim[0] if i_lim else i_task[0]
        if months_in(lines[r0]) != d["reported_months"]:
            err(f"{f}: results heading months {months_in(lines[r0])} != {d['reported_months']}")
        sub = None
        for l in lines[r0 + 1:r1]:
            if not l.strip():
                continue
            m = re.match(r"^[a-z]\) Tháng (\d{1,2})/(\d{4}):$", l)
            if m:
                sub = f"{m.group(2)}-{int(m.group(1)):02d}"; continue
            if l.startswith("- "):
                it = by_text.get((f, l[2:]))
                if not it or it["kind"] != "results":
                    err(f"{f}: result bullet not labelled: {l[:60]}"); continue
                seen.add(it["id"])
                if sub and it["period"] != sub:
                    err(f"{it['id']}: period {it['period']} != subsection {sub}")
            elif not l.endswith(":"):
                err(f"{f}: stray line in results section: {l[:60]}")
    # tasks section
    t0, t1 = i_task[0], i_end[0]
    if months_in(lines[t0]) != [d["planned_period"]]:
        err(f"{f}: task heading months {months_in(lines[t0])} != {d['planned_period']}")
    num = 0
    for l in lines[t0 + 1:t1]:
        if not l.strip():
            continue
        m = re.match(r"^(\d+)\. (.*)$", l)
        if m:
            num += 1
            if int(m.group(1)) != num:
                err(f"{f}: task numbering {m.group(1)} != {num}")
            it = by_text.get((f, m.group(2)))
            if not it or it["kind"] != "tasks":
                err(f"{f}: task line not labelled: {l[:60]}"); continue
            seen.add(it["id"])
        elif not l.endswith(":"):
            err(f"{f}: stray line in tasks section: {l[:60]}")
    mine = {i for i, it in items.items() if it["file"] == f}
    if mine - seen:
        err(f"{f}: labelled items outside their section: {sorted(mine - seen)}")
    nt = sum(1 for i in mine if items[i]["kind"] == "tasks")
    nr = sum(1 for i in mine if items[i]["kind"] == "results")
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks")
    if not (10 <= nr <= 18 or (nr == 0 and not i_res)):
        err(f"{f}: {nr} results")

# ---------- links ----------
unit_docs = defaultdict(list)
for d in gold["documents"]:
    unit_docs[d["unit"]].append(d)
for u in unit_docs:
    unit_docs[u].sort(key=lambda d: d["planned_period"])


def unit_of(iid):
    return docs[items[iid]["file"]]["unit"]


linked_ft, linked_co = set(), set()
pairs = set()
for l in gold["follow_through"]:
    t, r, st = l["task"], l["result"], l["status"]
    if t not in items or items[t]["kind"] != "tasks" or r not in items or items[r]["kind"] != "results":
        err(f"follow_through {t}->{r}: bad ids"); continue
    if (t, r) in pairs:
        err(f"follow_through {t}->{r}: duplicate")
    pairs.add((t, r))
    if st not in ("done", "partial"):
        err(f"follow_through {t}->{r}: status {st}")
    if unit_of(t) != unit_of(r):
        err(f"follow_through {t}->{r}: crosses units")
    tp = items[t]["period"]
    if items[r]["period"] < tp or docs[items[r]["file"]]["planned_period"] <= tp:
        err(f"follow_through {t}->{r}: not forward in time")
    first = next((d["file"] for d in unit_docs[unit_of(t)] if tp in d["reported_months"]), None)
    if items[r]["file"] != first:
        err(f"follow_through {t}->{r}: result not in the first document reporting {tp} ({first})")
    linked_ft.add(t)
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
cpairs = set()
for l in gold["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if a not in items or b not in items or items[a]["kind"] != "tasks" or items[b]["kind"] != "tasks":
        err(f"carry_over {a}->{b}: bad ids"); continue
    if (a, b) in cpairs:
        err(f"carry_over {a}->{b}: duplicate")
    cpairs.add((a, b))
    if k not in KINDS:
        err(f"carry_over {a}->{b}: kind {k}")
    if unit_of(a) != unit_of(b):
        err(f"carry_over {a}->{b}: crosses units")
    if items[b]["period"] <= items[a]["period"]:
        err(f"carry_over {a}->{b}: not forward in time")
    linked_co.add(a)

# ---------- gaps ----------
expect = set()
for u, ds in unit_docs.items():
    last = ds[-1]["file"]
    for iid, it in items.items():
        if it["kind"] == "tasks" and docs[it["file"]]["unit"] == u and it["file"] != last:
            if iid not in linked_ft and iid not in linked_co:
                expect.add(iid)
if len(set(gold["gaps"])) != len(gold["gaps"]):
    err("gaps: duplicates")
if set(gold["gaps"]) != expect:
    err(f"gaps {sorted(gold['gaps'])} != unlinked tasks of non-last documents {sorted(expect)}")

# ---------- decoys ----------
if len(unit_docs) > 1 and not decoys:
    err("two units but no cross_unit_decoys")
for pr in decoys:
    if len(pr) != 2 or any(x not in items for x in pr):
        err(f"decoy {pr}: bad ids"); continue
    a, b = pr
    if unit_of(a) == unit_of(b):
        err(f"decoy {pr}: same unit")
    if (a, b) in pairs | cpairs or (b, a) in pairs | cpairs:
        err(f"decoy {pr}: linked")

if errs:
    print("\n".join(errs))
    sys.exit(1)
print(f"OK: {len(docs)} documents, {sum(1 for i in items.values() if i['kind']=='tasks')} tasks, "
      f"{sum(1 for i in items.values() if i['kind']=='results')} results, "
      f"{len(pairs)} follow-through, {len(cpairs)} carry-over, {len(gold['gaps'])} gaps, "
      f"{len(decoys)} decoys")
