# -*- coding: utf-8 -*-
"""Checks gold.json of this series: exact substrings, referential integrity, link sanity."""
import json, os, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
errs, warns = [], []
nfc = lambda s: unicodedata.normalize("NFC", s)

docs = {d["file"]: d for d in g["documents"]}
order = {d["file"]: i for i, d in enumerate(g["documents"])}
texts = {}
for f, d in docs.items():
    p = os.path.join(HERE, f)
    if not os.path.exists(p):
        errs.append(f"missing file {f}")
        continue
    raw = open(p, encoding="utf-8").read()
    if raw != nfc(raw):
        errs.append(f"{f} not NFC")
    texts[f] = nfc(raw)
    for k in ("unit", "reported_months", "planned_period"):
        if k not in d:
            errs.append(f"{f}: no {k}")

items = {}
for kind in ("tasks", "results"):
    for it in g[kind]:
        if it["id"] in items:
            errs.append(f"duplicate id {it['id']}")
        items[it["id"]] = (kind, it)
        if it["file"] not in docs:
            errs.append(f"{it['id']}: unknown file")
            continue
        t = texts[it["file"]]
        n = t.count(nfc(it["text"]))
        if n == 0:
            errs.append(f"{it['id']}: text not in {it['file']}")
        elif n > 1:
            warns.append(f"{it['id']}: text occurs {n} times")
        if not it["text"].strip():
            errs.append(f"{it['id']}: empty text")

# no text of one item contained in another item of the same file (containment mapping ambiguity)
allit = [it for k in ("tasks", "results") for it in g[k]]
for a in allit:
    for b in allit:
        if a is not b and a["file"] == b["file"] and a["text"] in b["text"]:
            warns.append(f"{a['id']} text contained in {b['id']}")

VERD = {"done", "partial"}
for ft in g["follow_through"]:
    t, r = items.get(ft["task"]), items.get(ft["result"])
    if not t or t[0] != "tasks":
        errs.append(f"FT bad task {ft}"); continue
    if not r or r[0] != "results":
        errs.append(f"FT bad result {ft}"); continue
    if ft["status"] not in VERD:
        errs.append(f"FT bad status {ft}")
    if docs[t[1]["file"]]["unit"] != docs[r[1]["file"]]["unit"]:
        errs.append(f"FT across units {ft}")
    if order[r[1]["file"]] <= order[t[1]["file"]]:
        errs.append(f"FT result not in a later document {ft}")
    if r[1]["period"] < t[1]["period"]:
        errs.append(f"FT result period before task period {ft}")

KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for co in g["carry_over"]:
    a, b = items.get(co["from"]), items.get(co["to"])
    if not a or a[0] != "tasks" or not b or b[0] != "tasks":
        errs.append(f"CO bad ids {co}"); continue
    if co["kind"] not in KINDS:
        errs.append(f"CO bad kind {co}")
    if order[b[1]["file"]] <= order[a[1]["file"]]:
        errs.append(f"CO target not in a later document {co}")
    if b[1]["period"] <= a[1]["period"]:
        errs.append(f"CO target period not later {co}")

last = max(order, key=order.get)
linked = {x["task"] for x in g["follow_through"]} | {x["from"] for x in g["carry_over"]}
for gid in g["gaps"]:
    it = items.get(gid)
    if not it or it[0] != "tasks":
        errs.append(f"gap not a task {gid}"); continue
    if it[1]["file"] == last:
        errs.append(f"gap in last (censored) document {gid}")
    if gid in linked:
        errs.append(f"gap has a link {gid}")
# every unlinked, non-censored task planned for a month some later document reports on must be a gap
reported = {m for d in g["documents"] for m in d["reported_months"]}
for t in g["tasks"]:
    if t["id"] in linked or t["file"] == last:
        continue
    later = {m for d in g["documents"] if order[d["file"]] > order[t["file"]] for m in d["reported_months"]}
    if t["period"] in later and t["id"] not in g["gaps"]:
        errs.append(f"unlinked task {t['id']} reported on later but not a gap")
    if t["period"] not in later and t["id"] in g["gaps"]:
        errs.append(f"pending task {t['id']} wrongly listed as gap")

for w in warns:
    print("WARN", w)
for e in errs:
    print("ERROR", e)
print(f"documents {len(g['documents'])}, tasks {len(g['tasks'])}, results {len(g['results'])}, "
      f"follow_through {len(g['follow_through'])}, carry_over {len(g['carry_over'])}, gaps {len(g['gaps'])}")
print("OK" if not errs else f"{len(errs)} errors")
sys.exit(1 if errs else 0)
