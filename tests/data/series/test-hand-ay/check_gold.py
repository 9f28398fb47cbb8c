#!/usr/bin/env python3
"""Verify gold.json of this hand-written series against its documents.

Run from anywhere:  python3 check_gold.py
Prints every problem found, or OK when there is none.
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


def nfc(s):
    return unicodedata.normalize("NFC", s)


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def words(s):
    return set(re.findall(r"\w+", fold(s)))


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in gold:
        err(f"gold.json lacks key {key!r}")
if errors:
    print("\n".join(errors))
    sys.exit(1)

# ---------------------------------------------------------------- documents
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
docs = {}
texts = {}
for d in gold["documents"]:
    f = d["file"]
    if f in docs:
        err(f"document {f} listed twice")
    docs[f] = d
    m = re.match(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$", f)
    if not m:
        err(f"{f}: name is not <unit-slug>_<YYYY-MM>.txt")
    elif m.group(2) != d["planned_period"]:
        err(f"{f}: month in name differs from planned_period {d['planned_period']}")
    for p in [d["planned_period"]] + list(d["reported_months"]):
        if not MONTH.match(p):
            err(f"{f}: bad month {p!r}")
    if not d["reported_months"] or max(d["reported_months"]) >= d["planned_period"]:
        err(f"{f}: reported months must exist and precede the planned period")
    if not d.get("unit"):
        err(f"{f}: no unit")
    path = os.path.join(HERE, f)
    if not os.path.exists(path):
        err(f"{f}: file missing")
        continue
    raw = open(path, "rb").read()
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{f}: not UTF-8")
        continue
    if t.startswith("\ufeff"):
        err(f"{f}: has a BOM")
    if t != nfc(t):
        err(f"{f}: not NFC")
    texts[f] = nfc(t)
    for needle in ("Số:", "Độc lập - Tự do - Hạnh phúc", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                   "Nơi nhận:", "BÁO CÁO"):
        if needle not in t:
            err(f"{f}: header/closing element {needle!r} missing")

for f in os.listdir(HERE):
    if f.endswith(".txt") and f not in docs:
        err(f"{f}: document in folder but not in gold.json")

unit_docs = {}
for d in gold["documents"]:
    unit_docs.setdefault(d["unit"], []).append(d)
for u, lst in unit_docs.items():
    lst.sort(key=lambda d: d["planned_period"])
    for a, b in zip(lst, lst[1:]):
        if a["planned_period"] == b["planned_period"]:
            err(f"unit {u}: two documents plan {a['planned_period']}")
        if min(b["reported_months"]) <= max(a["reported_months"]):
            err(f"unit {u}: {b['file']} re-reports a month already reported by {a['file']}")


def order(f):
    d = docs[f]
    return unit_docs[d["unit"]].index(d)


# the document's own number, and the previous document of the unit cited in the body
nums = {}
for f, t in texts.items():
    m = re.search(r"Số:\s*(\d+/[A-ZĐ-]+)", t)
    if not m:
        err(f"{f}: own number not found")
    else:
        nums[f] = m.group(1)
for u, lst in unit_docs.items():
    for a, b in zip(lst, lst[1:]):
        if a["file"] in nums and b["file"] in texts:
            if f"Báo cáo số {nums[a['file']]}" not in texts[b["file"]]:
                err(f"{b['file']}: does not cite the previous document {nums[a['file']]}")
central = ["57-NQ/TW", "71-NQ/TW", "50-CT/TW", "154/2025/NĐ-CP", "Đề án 06"]
allt = "\n".join(texts.values())
for c in central:
    if c not in allt:
        err(f"central directive {c} cited nowhere")

# ---------------------------------------------------------------- items
items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        i = it["id"]
        if i in items:
            err(f"id {i} used twice")
        items[i] = dict(it, kind=kind)
        f = it["file"]
        if f not in docs:
            err(f"{i}: unknown file {f}")
            continue
        if f not in texts:
            continue
        txt = it["text"]
        if txt != nfc(txt):
            err(f"{i}: text not NFC")
        if txt != txt.strip() or not txt:
            err(f"{i}: text empty or padded")
        n = texts[f].count(txt)
        if n != 1:
            err(f"{i}: text occurs {n} times in {f}")
        if kind == "tasks" and it["period"] != docs[f]["planned_period"]:
            err(f"{i}: task period {it['period']} != planned period of {f}")
        if kind == "results" and it["period"] not in docs[f]["reported_months"]:
            err(f"{i}: result period {it['period']} not among reported months of {f}")

# every bullet of a results / tasks section is labelled, and nothing else is
for f, t in texts.items():
    sec = None
    bullets = {"tasks": [], "results": []}
    for line in t.split("\n"):
        if re.match(r"^I\. ", line):
            sec = "results"
        elif re.match(r"^II\. ", line):
            sec = None
        elif re.match(r"^III\. ", line):
            sec = "tasks"
        elif line.startswith(("Giao ", "Trên đây", "Nơi nhận")):
            sec = None
        elif line.startswith("- ") and sec:
            bullets[sec].append(line[2:])
    for kind in ("tasks", "results"):
        labelled = [it["text"] for it in gold[kind] if it["file"] == f]
        if sorted(labelled) != sorted(bullets[kind]):
            miss = set(bullets[kind]) - set(labelled)
            extra = set(labelled) - set(bullets[kind])
            err(f"{f}: {kind} labels differ from section bullets; missing {sorted(miss)} extra {sorted(extra)}")
        if not 10 <= len(labelled) <= 18:
            err(f"{f}: {len(labelled)} {kind}, outside 10-18")

# ---------------------------------------------------------------- links


def reporting_doc(task):
    """First later document of the task's unit that reports on the task's period."""
    d = docs[task["file"]]
    for later in unit_docs[d["unit"]][order(task["file"]) + 1:]:
        if task["period"] in later["reported_months"]:
            return later["file"]
    return None


ft_tasks = set()
seen = set()
for l in gold["follow_through"]:
    t, r = items.get(l["task"]), items.get(l["result"])
    if not t or t["kind"] != "tasks":
        err(f"follow_through: {l['task']} is not a task")
        continue
    if not r or r["kind"] != "results":
        err(f"follow_through: {l['result']} is not a result")
        continue
    key = (l["task"], l["result"])
    if key in seen:
        err(f"follow_through {key} twice")
    seen.add(key)
    if l["status"] not in ("done", "partial"):
        err(f"follow_through {key}: status {l['status']!r}")
    if docs[t["file"]]["unit"] != docs[r["file"]]["unit"]:
        err(f"follow_through {key}: crosses units")
    if r["period"] != t["period"]:
        err(f"follow_through {key}: result period {r['period']} != task period {t['period']}")
    if r["file"] != reporting_doc(t):
        err(f"follow_through {key}: result not in the first document reporting on {t['period']}")
    tw, rw = words(t["text"]), words(r["text"])
    jac = len(tw & rw) / len(tw | rw)
    if jac >= 0.5 or fold(t["text"]) in fold(r["text"]) or fold(r["text"]) in fold(t["text"]):
        err(f"follow_through {key}: result copies the task (Jaccard {jac:.2f})")
    ft_tasks.add(l["task"])

co_from = set()
seen = set()
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in gold["carry_over"]:
    a, b = items.get(l["from"]), items.get(l["to"])
    if not a or a["kind"] != "tasks" or not b or b["kind"] != "tasks":
        err(f"carry_over {l}: both ends must be tasks")
        continue
    key = (l["from"], l["to"])
    if key in seen:
        err(f"carry_over {key} twice")
    seen.add(key)
    if l["kind"] not in KINDS:
        err(f"carry_over {key}: kind {l['kind']!r}")
    if docs[a["file"]]["unit"] != docs[b["file"]]["unit"]:
        err(f"carry_over {key}: crosses units")
    if order(b["file"]) <= order(a["file"]) or b["period"] <= a["period"]:
        err(f"carry_over {key}: target is not later")
    co_from.add(l["from"])
splits = {}
for l in gold["carry_over"]:
    if l["kind"] == "split":
        splits[l["from"]] = splits.get(l["from"], 0) + 1
for k, n in splits.items():
    if n < 2:
        err(f"carry_over split from {k} has only one part")

gaps = set(gold["gaps"])
if len(gaps) != len(gold["gaps"]):
    err("a gap is listed twice")
for g in gaps:
    t = items.get(g)
    if not t or t["kind"] != "tasks":
        err(f"gap {g} is not a task")
        continue
    if g in ft_tasks or g in co_from:
        err(f"gap {g} has a follow-through or carry-over")
    if reporting_doc(t) is None:
        err(f"gap {g} is pending (no later document reports on {t['period']}), not silent")

# each task is exactly one of: answered / carried (or both), silent gap, or right-censored
for it in gold["tasks"]:
    i = it["id"]
    linked = i in ft_tasks or i in co_from
    if reporting_doc(it) is None:
        if linked or i in gaps:
            err(f"{i}: right-censored task must carry no link and no gap")
    elif not linked and i not in gaps:
        err(f"{i}: neither linked nor listed as gap")

# cross-unit decoys
units = {d["unit"] for d in gold["documents"]}
for pair in gold.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in items for p in pair):
        err(f"decoy {pair}: unknown ids")
        continue
    if docs[items[pair[0]]["file"]]["unit"] == docs[items[pair[1]]["file"]]["unit"]:
        err(f"decoy {pair}: same unit")
if len(units) == 1 and gold.get("cross_unit_decoys"):
    err("decoys listed although there is only one unit")

if errors:
    print("\n".join(errors))
    print(f"{len(errors)} problem(s)")
    sys.exit(1)
print(f"documents {len(gold['documents'])}, tasks {len(gold['tasks'])}, results {len(gold['results'])}, "
      f"follow-through {len(gold['follow_through'])}, carry-over {len(gold['carry_over'])}, gaps {len(gaps)}")
print("OK")
