#!/usr/bin/env python3
"""Check gold.json of the hand-CH series against its documents. Prints OK or the problems."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errs = []
def err(msg): errs.append(msg)

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---- form
for key, typ in [("documents", list), ("tasks", list), ("results", list), ("follow_through", list),
                 ("carry_over", list), ("gaps", list)]:
    if not isinstance(gold.get(key), typ):
        err(f"missing or bad key {key}")
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}: err(f"document keys {d}")
for x in gold["tasks"] + gold["results"]:
    if set(x) != {"id", "file", "period", "text"}: err(f"item keys {x}")
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}: err(f"follow keys {l}")
    if l["status"] not in ("done", "partial"): err(f"bad status {l}")
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}: err(f"carry keys {l}")
    if l["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"): err(f"bad kind {l}")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

docs = {d["file"]: d for d in gold["documents"]}
tasks = {t["id"]: t for t in gold["tasks"]}
results = {r["id"]: r for r in gold["results"]}
if len(tasks) != len(gold["tasks"]) or len(results) != len(gold["results"]): err("duplicate ids")
if set(tasks) & set(results): err("id shared by a task and a result")

# ---- files
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if on_disk != sorted(docs): err(f"txt files {on_disk} != documents {sorted(docs)}")
texts = {}
for f, d in docs.items():
    m = re.fullmatch(r"([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt", f)
    if not m: err(f"bad file name {f}"); continue
    if m.group(2) != d["planned_period"]: err(f"{f}: name month != planned_period")
    if not MONTH.match(d["planned_period"]) or not all(MONTH.match(x) for x in d["reported_months"]):
        err(f"{f}: bad month form")
    raw = open(os.path.join(HERE, f), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"): err(f"{f}: BOM")
    if b"\r" in raw: err(f"{f}: CR in file")
    try: t = raw.decode("utf-8")
    except UnicodeDecodeError: err(f"{f}: not UTF-8"); continue
    if unicodedata.normalize("NFC", t) != t: err(f"{f}: not NFC")
    texts[f] = t
    for need in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Số ", "Nơi nhận", "THÔNG BÁO"):
        if need not in t: err(f"{f}: header/closing lacks {need!r}")
    if any(x >= d["planned_period"] for x in d["reported_months"]): err(f"{f}: reports a month not before its plan")

# ---- sections and labelling
def mm(period):  # "2026-02" -> ("02","2","2026")
    y, m = period.split("-"); return m, str(int(m)), y

def sections(t):
    """return {'results': [(lineno, line, subheading)], 'tasks': [...]}"""
    out = {"results": [], "tasks": []}; cur = None; sub = ""
    for i, line in enumerate(t.split("\n")):
        if re.match(r"^I\. ", line): cur = "results"; sub = line; continue
        if re.match(r"^II\. ", line): cur = None; continue
        if re.match(r"^III\. ", line): cur = "tasks"; sub = line; continue
        if re.match(r"^IV\. ", line) or line.startswith("Nơi nhận"): cur = None; continue
        if cur is None or not line.strip(): continue
        if re.match(r"^\d+\. ", line): sub = line; continue
        out[cur].append((i, line, sub))
    return out

items_by_file = {}
for kind, coll in (("tasks", tasks), ("results", results)):
    for iid, it in coll.items():
        if it["file"] not in docs: err(f"{iid}: unknown file"); continue
        items_by_file.setdefault(it["file"], []).append((kind, iid, it))

for f, t in texts.items():
    d = docs[f]
    its = items_by_file.get(f, [])
    # exact unique substrings, no overlaps
    spans = []
    for kind, iid, it in its:
        n = t.count(it["text"])
        if n != 1: err(f"{iid}: text occurs {n} times in {f}"); continue
        s = t.index(it["text"]); spans.append((s, s + len(it["text"]), iid))
        if re.search(r"[^\d]\. [A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]", it["text"]): err(f"{iid}: looks like two sentences")
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        if a[1] > b[0]: err(f"overlap {a[2]} / {b[2]}")
    # every bullet of the two sections labelled by exactly its item; other lines lead-ins
    sec = sections(t)
    bytext = {it["text"]: (kind, iid, it) for kind, iid, it in its}
    seen = set()
    for secname in ("results", "tasks"):
        for i, line, sub in sec[secname]:
            if line.startswith("- "):
                body = line[2:]
                if body not in bytext: err(f"{f}:{i+1}: unlabelled {secname} bullet"); continue
                kind, iid, it = bytext[body]
                if kind != secname: err(f"{iid}: labelled {kind} but sits in {secname} section")
                seen.add(iid)
                if secname == "results":
                    m = re.search(r"tháng (\d{1,2})/(\d{4})", sub)
                    if m and "và" not in sub:
                        if it["period"] != f"{m.group(2)}-{int(m.group(1)):02d}":
                            err(f"{iid}: period {it['period']} vs subheading {sub!r}")
            elif not line.rstrip().endswith(":"):
                err(f"{f}:{i+1}: non-bullet line in {secname} section is not a lead-in: {line[:60]!r}")
    for kind, iid, it in its:
        if iid not in seen: err(f"{iid}: item outside the results/tasks sections")
    nt = sum(1 for k, *_ in its if k == "tasks"); nr = sum(1 for k, *_ in its if k == "results")
    if not 10 <= nt <= 18: err(f"{f}: {nt} tasks")
    if not (10 <= nr <= 18): err(f"{f}: {nr} results")
    # periods agree with the document
    for kind, iid, it in its:
        if kind == "tasks" and it["period"] != d["planned_period"]: err(f"{iid}: period != planned")
        if kind == "results" and it["period"] not in d["reported_months"]: err(f"{iid}: period not reported")
    # title names the planned month
    pm, pm1, py = mm(d["planned_period"])
    if not re.search(rf"tháng (0?{pm1})(/| năm ){py}", t.split("I. ")[0]): err(f"{f}: title lacks planned month")

# ---- links
def order(f): return docs[f]["planned_period"]
unit_docs = {}
for f, d in docs.items(): unit_docs.setdefault(d["unit"], []).append(f)
last_of_unit = {u: max(fs, key=order) for u, fs in unit_docs.items()}
pairs = set()
for l in gold["follow_through"]:
    t, r = tasks.get(l["task"]), results.get(l["result"])
    if not t or not r: err(f"dangling follow {l}"); continue
    if docs[t["file"]]["unit"] != docs[r["file"]]["unit"]: err(f"cross-unit follow {l}")
    if order(r["file"]) <= order(t["file"]): err(f"follow not forward {l}")
    if r["period"] != t["period"] and t["period"] not in docs[r["file"]]["reported_months"]:
        err(f"follow: result doc does not report the task month {l}")
    # first later document reporting the month
    first = min((f for f in unit_docs[docs[t["file"]]["unit"]] if t["period"] in docs[f]["reported_months"]),
                key=order, default=None)
    if first != r["file"]: err(f"follow {l}: not the first document reporting {t['period']}")
    if (l["task"], l["result"]) in pairs: err(f"duplicate follow {l}")
    pairs.add((l["task"], l["result"]))
cpairs = set()
for l in gold["carry_over"]:
    a, b = tasks.get(l["from"]), tasks.get(l["to"])
    if not a or not b: err(f"dangling carry {l}"); continue
    if docs[a["file"]]["unit"] != docs[b["file"]]["unit"]: err(f"cross-unit carry {l}")
    if order(b["file"]) <= order(a["file"]): err(f"carry not forward {l}")
    if (l["from"], l["to"]) in cpairs: err(f"duplicate carry {l}")
    cpairs.add((l["from"], l["to"]))
linked = {t for t, _ in pairs} | {a for a, _ in cpairs}
expected_gaps = sorted(i for i, t in tasks.items()
                       if i not in linked and t["file"] != last_of_unit[docs[t["file"]]["unit"]])
if sorted(gold["gaps"]) != expected_gaps: err(f"gaps {sorted(gold['gaps'])} != unlinked {expected_gaps}")
for g in gold["gaps"]:
    if g not in tasks: err(f"gap {g} is not a task")
allids = set(tasks) | set(results)
for pair in gold.get("cross_unit_decoys", []):
    a, b = pair
    if a not in allids or b not in allids: err(f"decoy ids {pair}")
    if (a, b) in pairs or (b, a) in pairs or (a, b) in cpairs or (b, a) in cpairs: err(f"decoy linked {pair}")
    fa = (tasks.get(a) or results.get(a))["file"]; fb = (tasks.get(b) or results.get(b))["file"]
    if docs[fa]["unit"] == docs[fb]["unit"]: err(f"decoy within one unit {pair}")
if len(unit_docs) < 2 and gold.get("cross_unit_decoys"): err("decoys given but only one unit")

if errs:
    print("\n".join(errs)); sys.exit(1)
print("OK")
