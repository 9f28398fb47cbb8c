#!/usr/bin/env python3
"""Check gold.json of this series against its documents. Prints OK or the problems."""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
def err(msg):
    errors.append(msg)

STATUSES = {"done", "partial", "progress"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
ID = re.compile(r"^[TR]\d\d-\d+$")
COLMONTH = re.compile(r"tháng (\d{1,2})/(\d{4})")
ROMAN_HEAD = re.compile(r"^[IVX]+\. ")

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---------- form ----------
need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
        "carry_over": list, "gaps": list}
for k, t in need.items():
    if not isinstance(gold.get(k), t):
        err(f"form: '{k}' missing or not a {t.__name__}")
decoys = gold.get("cross_unit_decoys", [])
if not isinstance(decoys, list):
    err("form: cross_unit_decoys not a list")
extra = set(gold) - set(need) - {"cross_unit_decoys"}
if extra:
    err(f"form: unknown keys {sorted(extra)}")
if errors:
    print("\n".join(errors)); sys.exit(1)

def keys_ok(obj, keys, what):
    if not isinstance(obj, dict) or set(obj) != set(keys):
        err(f"form: {what} has keys {sorted(obj) if isinstance(obj, dict) else obj}, want {sorted(keys)}")
        return False
    return True

docs = {}
order = []
for d in gold["documents"]:
    if not keys_ok(d, ["file", "unit", "reported_months", "planned_period"], "document"):
        continue
    f = d["file"]
    if f in docs:
        err(f"duplicate document {f}")
    docs[f] = d
    order.append(f)
    m = FNAME.match(f)
    if not m:
        err(f"{f}: bad file name")
    elif m.group(2) != d["planned_period"]:
        err(f"{f}: name month {m.group(2)} != planned_period {d['planned_period']}")
    if not MONTH.match(d["planned_period"]):
        err(f"{f}: bad planned_period")
    rm = d["reported_months"]
    if not isinstance(rm, list) or any(not MONTH.match(x) for x in rm) or rm != sorted(set(rm)):
        err(f"{f}: bad reported_months {rm}")
    elif rm and rm[-1] >= d["planned_period"]:
        err(f"{f}: reported month not before planned period")
    if not isinstance(d["unit"], str) or not d["unit"]:
        err(f"{f}: empty unit")

# ---------- files: utf-8, NFC, BOM, line ends ----------
texts = {}
for f in order:
    p = os.path.join(HERE, f)
    if not os.path.isfile(p):
        err(f"{f}: missing file"); continue
    b = open(p, "rb").read()
    if b.startswith(b"\xef\xbb\xbf"):
        err(f"{f}: BOM")
    if b"\r" in b:
        err(f"{f}: CR line end")
    try:
        t = b.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{f}: not UTF-8"); continue
    if unicodedata.normalize("NFC", t) != t:
        err(f"{f}: not NFC")
    texts[f] = t
txt_on_disk = sorted(x for x in os.listdir(HERE) if x.endswith(".txt"))
if txt_on_disk != sorted(order):
    err(f"documents listed {sorted(order)} != .txt files {txt_on_disk}")

# ---------- items ----------
items = {}
for kind, lst in (("task", gold["tasks"]), ("result", gold["results"])):
    for it in lst:
        if not keys_ok(it, ["id", "file", "period", "text"], kind):
            continue
        i = it["id"]
        if not ID.match(i) or (kind == "task") != i.startswith("T"):
            err(f"{i}: bad id for a {kind}")
        if i in items:
            err(f"{i}: duplicate id")
        if it["file"] not in docs:
            err(f"{i}: unknown file {it['file']}"); continue
        if not isinstance(it["text"], str) or not it["text"].strip() or it["text"] != it["text"].strip():
            err(f"{i}: empty or unstripped text")
        items[i] = dict(it, kind=kind)

spans = defaultdict(list)
for i, it in items.items():
    t = texts.get(it["file"])
    if t is None:
        continue
    n = t.count(it["text"])
    if n != 1:
        err(f"{i}: text occurs {n} times in {it['file']}")
        continue
    s = t.index(it["text"])
    spans[it["file"]].append((s, s + len(it["text"]), i))
for f, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err(f"{f}: items {a[2]} and {b[2]} overlap")

# periods
for i, it in items.items():
    d = docs[it["file"]]
    if it["kind"] == "task" and it["period"] != d["planned_period"]:
        err(f"{i}: task period {it['period']} != planned {d['planned_period']}")
    if it["kind"] == "result" and it["period"] not in d["reported_months"]:
        err(f"{i}: result period {it['period']} not in reported months {d['reported_months']}")

# ---------- every cell / bullet of the sections labelled ----------
def month_of(cell):
    m = COLMONTH.search(cell)
    return f"{int(m.group(2)):04d}-{int(m.group(1)):02d}" if m else None

for f in order:
    t = texts.get(f)
    if t is None:
        continue
    d = docs[f]
    by_text = {}
    for i, it in items.items():
        if it["file"] == f:
            by_text[(it["kind"], it["text"])] = i
    found = set()
    lines = t.split("\n")
    # table
    hdr = [k for k, l in enumerate(lines) if l.startswith("STT | ") or l.startswith("STT\t")]
    if len(hdr) != 1:
        err(f"{f}: expected one table header, found {len(hdr)}")
        continue
    h = hdr[0]
    sep = "\t" if "\t" in lines[h] else " | "
    cols = lines[h].split(sep)
    rcols = [(c, month_of(x)) for c, x in enumerate(cols) if x.startswith("Kết quả")]
    tcols = [(c, month_of(x)) for c, x in enumerate(cols) if x.startswith("Nhiệm vụ")]
    if len(tcols) != 1:
        err(f"{f}: expected one task column"); continue
    if sorted(m for _, m in rcols) != d["reported_months"]:
        err(f"{f}: result columns {[m for _, m in rcols]} != reported_months {d['reported_months']}")
    if tcols[0][1] != d["planned_period"]:
        err(f"{f}: task column month {tcols[0][1]} != planned_period")
    k = h + 1
    while k < len(lines) and lines[k].strip():
        l = lines[k]
        cells = l.split(sep)
        if re.match(r"^[IVX]+$", cells[0]):
            if len(cells) != 2:
                err(f"{f}: group row with {len(cells)} cells: {l[:60]}")
        elif re.match(r"^\d+$", cells[0]):
            if len(cells) != len(cols):
                err(f"{f}: row {cells[0]} has {len(cells)} cells, header {len(cols)}")
            else:
                for c, mo in rcols:
                    x = cells[c].strip()
                    if x:
                        i = by_text.get(("result", x))
                        if not i:
                            err(f"{f}: row {cells[0]} result cell not labelled: {x[:60]}")
                        else:
                            found.add(i)
                            if items[i]["period"] != mo:
                                err(f"{i}: period {items[i]['period']} != column month {mo}")
                x = cells[tcols[0][0]].strip()
                if x:
                    i = by_text.get(("task", x))
                    if not i:
                        err(f"{f}: row {cells[0]} task cell not labelled: {x[:60]}")
                    else:
                        found.add(i)
        else:
            err(f"{f}: unexpected table line: {l[:60]}")
        k += 1
    # prose sections after the table
    section = None
    for l in lines[k:]:
        if ROMAN_HEAD.match(l):
            up = l.upper()
            if "NHIỆM VỤ" in up and "KẾT QUẢ" not in up:
                section = "task"
            elif "KẾT QUẢ" in up:
                section = "result"
            else:
                section = "other"
            continue
        if l.startswith("Trên đây"):
            section = None
            continue
        if section in ("task", "result") and l.startswith("- "):
            x = l[2:].strip()
            if x.endswith("."):
                x = x[:-1]
            i = by_text.get((section, x))
            if not i:
                err(f"{f}: {section} bullet not labelled: {x[:60]}")
            else:
                found.add(i)
        elif section == "result" and l.strip():
            err(f"{f}: prose in a results section (label its sentences): {l[:60]}")
    labelled = {i for i, it in items.items() if it["file"] == f}
    if labelled - found:
        err(f"{f}: labelled items outside the table cells and bullets: {sorted(labelled - found)}")
    nt = sum(1 for i in labelled if items[i]["kind"] == "task")
    nr = sum(1 for i in labelled if items[i]["kind"] == "result")
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks (want 10-18)")
    if not (nr == 0 or 10 <= nr <= 18):
        err(f"{f}: {nr} results (want 10-18 or none)")
    if nr == 0 and d["reported_months"]:
        err(f"{f}: reports months but has no results")

# ---------- links ----------
unit_docs = defaultdict(list)
for f in order:
    unit_docs[docs[f]["unit"]].append(f)
for u in unit_docs:
    unit_docs[u].sort(key=lambda f: docs[f]["planned_period"])
pos = {f: (docs[f]["unit"], n) for u, fs in unit_docs.items() for n, f in enumerate(fs)}

linked = set()
pairs = set()
seen_links = set()
for l in gold["follow_through"]:
    if not keys_ok(l, ["task", "result", "status"], "follow_through"):
        continue
    a, b = items.get(l["task"]), items.get(l["result"])
    if not a or a["kind"] != "task" or not b or b["kind"] != "result":
        err(f"follow_through {l}: unknown task/result"); continue
    if l["status"] not in STATUSES:
        err(f"follow_through {l}: bad status")
    key = (l["task"], l["result"])
    if key in seen_links:
        err(f"duplicate follow_through {key}")
    seen_links.add(key)
    ua, na = pos[a["file"]]; ub, nb = pos[b["file"]]
    if ua != ub:
        err(f"follow_through {key}: across units")
    if nb <= na or b["period"] < a["period"]:
        err(f"follow_through {key}: not forward in time")
    # the first later document of the unit that reports on the task's month
    first = next((g for g in unit_docs[ua][na + 1:] if a["period"] in docs[g]["reported_months"]), None)
    if first != b["file"]:
        err(f"follow_through {key}: result not in the first document reporting {a['period']}")
    linked.add(l["task"]); pairs.add(frozenset(key))
for l in gold["carry_over"]:
    if not keys_ok(l, ["from", "to", "kind"], "carry_over"):
        continue
    a, b = items.get(l["from"]), items.get(l["to"])
    if not a or a["kind"] != "task" or not b or b["kind"] != "task":
        err(f"carry_over {l}: unknown tasks"); continue
    if l["kind"] not in KINDS:
        err(f"carry_over {l}: bad kind")
    key = (l["from"], l["to"])
    if key in seen_links:
        err(f"duplicate carry_over {key}")
    seen_links.add(key)
    ua, na = pos[a["file"]]; ub, nb = pos[b["file"]]
    if ua != ub:
        err(f"carry_over {key}: across units")
    if nb <= na or b["period"] <= a["period"]:
        err(f"carry_over {key}: not forward in time")
    linked.add(l["from"]); pairs.add(frozenset(key))

# ---------- gaps ----------
last = {u: fs[-1] for u, fs in unit_docs.items()}
want_gaps = {i for i, it in items.items()
             if it["kind"] == "task" and i not in linked and it["file"] != last[docs[it["file"]]["unit"]]}
gaps = gold["gaps"]
if len(gaps) != len(set(gaps)):
    err("duplicate gap ids")
if set(gaps) != want_gaps:
    err(f"gaps differ: extra {sorted(set(gaps) - want_gaps)}, missing {sorted(want_gaps - set(gaps))}")

# ---------- decoys ----------
for p in decoys:
    if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
        err(f"decoy {p}: bad pair"); continue
    if docs[items[p[0]]["file"]]["unit"] == docs[items[p[1]]["file"]]["unit"]:
        err(f"decoy {p}: same unit")
    if frozenset(p) in pairs:
        err(f"decoy {p}: linked")
if len(unit_docs) >= 2 and not decoys:
    err("two units but no cross_unit_decoys")

if errors:
    print("\n".join(errors))
    sys.exit(1)
print(f"OK: {len(order)} documents, "
      f"{sum(1 for x in items.values() if x['kind']=='task')} tasks, "
      f"{sum(1 for x in items.values() if x['kind']=='result')} results, "
      f"{len(gold['follow_through'])} follow-through, {len(gold['carry_over'])} carry-over, "
      f"{len(gaps)} gaps, {len(decoys)} decoys")
