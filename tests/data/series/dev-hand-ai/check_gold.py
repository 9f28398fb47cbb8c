"""Checks gold.json of this series against its documents and the annotation rules.
Prints OK when everything holds, else the list of problems."""
import json, os, re, sys, unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
err = []
E = err.append

ALLOWED_KEYS = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
for k in g:
    if k not in ALLOWED_KEYS:
        E(f"unknown key {k}")
for k in ["documents", "tasks", "results", "follow_through", "carry_over", "gaps"]:
    if k not in g:
        E(f"missing key {k}")

# ---- documents
texts, docs = {}, {}
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
for d in g["documents"]:
    f = d["file"]
    if f in docs:
        E(f"duplicate document {f}")
    docs[f] = d
    p = os.path.join(HERE, f)
    if not os.path.exists(p):
        E(f"missing file {f}"); continue
    raw = open(p, "rb").read()
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        E(f"{f} not UTF-8"); continue
    if t != unicodedata.normalize("NFC", t):
        E(f"{f} is not NFC")
    texts[f] = unicodedata.normalize("NFC", t)
    m = re.match(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$", f)
    if not m:
        E(f"bad file name {f}")
    elif m.group(2) != d["planned_period"]:
        E(f"{f}: name month != planned_period {d['planned_period']}")
    for mo in d["reported_months"] + [d["planned_period"]]:
        if not MONTH.match(mo):
            E(f"{f}: bad month {mo}")
    if max(d["reported_months"]) >= d["planned_period"]:
        E(f"{f}: reported months must precede planned period")
    if not d.get("unit"):
        E(f"{f}: no unit")

units = {d["unit"] for d in docs.values()}
by_unit = {u: sorted([d for d in docs.values() if d["unit"] == u], key=lambda d: d["planned_period"]) for u in units}
order = {d["file"]: i for u in by_unit for i, d in enumerate(by_unit[u])}
last_file = {u: by_unit[u][-1]["file"] for u in units}

# ---- items
items = {}
for kind in ("tasks", "results"):
    for it in g[kind]:
        i = it["id"]
        if i in items:
            E(f"duplicate id {i}")
        items[i] = dict(it, kind=kind)
        f = it["file"]
        if f not in docs:
            E(f"{i}: unknown file {f}"); continue
        tx = it["text"]
        if tx != unicodedata.normalize("NFC", tx):
            E(f"{i}: text not NFC")
        if not tx.strip() or tx != tx.strip():
            E(f"{i}: empty or untrimmed text")
        c = texts.get(f, "").count(tx)
        if c != 1:
            E(f"{i}: text occurs {c} times in {f}: {tx[:60]}")
        if kind == "tasks" and it["period"] != docs[f]["planned_period"]:
            E(f"{i}: task period {it['period']} != planned period of {f}")
        if kind == "results" and it["period"] not in docs[f]["reported_months"]:
            E(f"{i}: result period {it['period']} not among reported months of {f}")
# no two items of one file overlap
for f in docs:
    spans = sorted((texts[f].index(it["text"]), texts[f].index(it["text"]) + len(it["text"]), it["id"])
                   for it in items.values() if it["file"] == f and texts.get(f, "").count(it["text"]) == 1)
    for a, b in zip(spans, spans[1:]):
        if b[0] < a[1]:
            E(f"{f}: items {a[2]} and {b[2]} overlap")
# 10-18 tasks and results per document
for f in docs:
    nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "tasks")
    nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "results")
    if not (10 <= nt <= 18 and 10 <= nr <= 18):
        E(f"{f}: {nt} tasks, {nr} results (want 10-18 each)")

def unit_of(i):
    return docs[items[i]["file"]]["unit"]

# ---- follow-through
linked = Counter()
seen = set()
for l in g["follow_through"]:
    t, r, s = l["task"], l["result"], l["status"]
    if (t, r) in seen:
        E(f"duplicate follow-through {t}->{r}")
    seen.add((t, r))
    if t not in items or items[t]["kind"] != "tasks":
        E(f"follow-through: {t} is not a task"); continue
    if r not in items or items[r]["kind"] != "results":
        E(f"follow-through: {r} is not a result"); continue
    if s not in ("done", "partial"):
        E(f"follow-through {t}->{r}: status {s}")
    if unit_of(t) != unit_of(r):
        E(f"follow-through {t}->{r} crosses units")
    tf, rf = items[t]["file"], items[r]["file"]
    if order[rf] <= order[tf]:
        E(f"follow-through {t}->{r}: result not in a later document")
    # the first later document of the unit that reports on the task's month
    first = next((d["file"] for d in by_unit[unit_of(t)] if order[d["file"]] > order[tf]
                  and items[t]["period"] in d["reported_months"]), None)
    if rf != first:
        E(f"follow-through {t}->{r}: expected result in {first}")
    linked[t] += 1

# ---- carry-over
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
seen = set()
for l in g["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if (a, b) in seen:
        E(f"duplicate carry-over {a}->{b}")
    seen.add((a, b))
    if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks":
        E(f"carry-over {a}->{b}: not two tasks"); continue
    if k not in KINDS:
        E(f"carry-over {a}->{b}: kind {k}")
    if unit_of(a) != unit_of(b):
        E(f"carry-over {a}->{b} crosses units")
    if items[b]["period"] <= items[a]["period"]:
        E(f"carry-over {a}->{b}: not planned for a later month")
    linked[a] += 1
splits = Counter(l["from"] for l in g["carry_over"] if l["kind"] == "split")
for a, n in splits.items():
    if n < 2:
        E(f"split carry-over from {a} has a single target")

# ---- gaps
gaps = g["gaps"]
if len(set(gaps)) != len(gaps):
    E("duplicate gaps")
for t in gaps:
    if t not in items or items[t]["kind"] != "tasks":
        E(f"gap {t} is not a task"); continue
    if linked[t]:
        E(f"gap {t} has links")
    if items[t]["file"] == last_file[unit_of(t)]:
        E(f"gap {t} is in the last document (right-censored)")
    if not any(items[t]["period"] in d["reported_months"] for d in by_unit[unit_of(t)]
               if order[d["file"]] > order[items[t]["file"]]):
        E(f"gap {t}: no later document reports on its month (pending, not silent)")
# every task of a non-last document that some later document reports on is linked or a gap
for i, it in items.items():
    if it["kind"] != "tasks" or it["file"] == last_file[unit_of(i)]:
        continue
    reported = any(it["period"] in d["reported_months"] for d in by_unit[unit_of(i)] if order[d["file"]] > order[it["file"]])
    if reported and not linked[i] and i not in gaps:
        E(f"task {i} has no link and is not a gap")

# ---- cross-unit decoys
for pair in g.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in items for p in pair):
        E(f"bad decoy pair {pair}"); continue
    if unit_of(pair[0]) == unit_of(pair[1]):
        E(f"decoy pair {pair} is within one unit")
if len(units) > 1 and not g.get("cross_unit_decoys"):
    E("two units but no cross_unit_decoys")

# ---- completeness: every bullet / sentence of a results or tasks section is an item
SECTIONS = {  # file: [(start heading, end heading, kind)]
    "dong-lam-hai_2026-02.txt": [("1. Kết quả đạt được", "2. Hạn chế", "results"),
                                 ("tổ chức thực hiện tốt các nhiệm vụ sau:", "Ban Thường vụ Đảng ủy giao", "tasks")],
    "dong-lam-hai_2026-04.txt": [("I. KẾT QUẢ THỰC HIỆN", "6. Hạn chế, tồn tại", "results"),
                                 ("II. PHƯƠNG HƯỚNG", "Giao Văn phòng Đảng ủy", "tasks")],
    "dong-lam-hai_2026-05.txt": [("1. Kết quả thực hiện nhiệm vụ tháng 4", "2. Hạn chế", "results"),
                                 ("3. Nhiệm vụ trọng tâm tháng 5", "Giao Thường trực", "tasks")],
    "dong-lam-hai_2026-06.txt": [("I. ĐÁNH GIÁ KẾT QUẢ", "* Hạn chế", "results"),
                                 ("II. NHIỆM VỤ TRỌNG TÂM", "III. TỔ CHỨC THỰC HIỆN", "tasks")],
    "dong-lam-hai_2026-07.txt": [("I. KẾT QUẢ THÁNG 6", "Hạn chế:", "results"),
                                 ("II. NHIỆM VỤ TRỌNG TÂM", "Giao các đồng chí", "tasks")],
    "dong-lam-hai_2026-08.txt": [("1. Kết quả thực hiện nhiệm vụ tháng 7", "2. Hạn chế", "results"),
                                 ("3. NHIỆM VỤ TRONG TÂM", "Giao Văn phòng Đảng ủy", "tasks")],
}
HEADING = re.compile(r"^(\d+\.\s+[^.]*|\*\s+.*|[IVX]+\.\s+.*)$")  # domain sub-headings without a full stop
for f, secs in SECTIONS.items():
    if f not in texts:
        continue
    t = texts[f]
    for start, end, kind in secs:
        if t.count(start) != 1 or t.count(end) != 1:
            E(f"{f}: section marker not unique: {start!r} / {end!r}"); continue
        a = t.index(start); a = t.index("\n", a) + 1
        b = t.index(end); b = t.rfind("\n", 0, b)
        body = t[a:b]
        mine = [it["text"] for it in items.values() if it["file"] == f and it["kind"] == kind]
        # every labelled item lies inside its section
        for m in mine:
            if m not in body:
                E(f"{f}: {kind} item outside its section: {m[:50]}")
        rest = body
        for m in mine:
            rest = rest.replace(m, "")
        for line in rest.splitlines():
            s = re.sub(r"^\s*(?:\+|-|\(\d+\)|\d+(?:\.\d+)*\.)\s*", "", line).strip(" .\t")
            if not s or HEADING.match(line.strip()) or line.strip().endswith(":"):  # heading or lead-in
                continue
            E(f"{f}: unlabelled text in {kind} section: {line[:70]!r}")
        # other sections must hold no items of this kind
    for it in items.values():
        if it["file"] == f:
            sec = [s for s in secs if s[2] == it["kind"]]
            if not sec:
                E(f"{it['id']}: no section")

if err:
    print("\n".join(err))
    sys.exit(1)
n = lambda k: len(g[k])
print(f"documents {n('documents')}, tasks {n('tasks')}, results {n('results')}, follow-through {n('follow_through')}, "
      f"carry-over {n('carry_over')}, gaps {n('gaps')}")
print("OK")
