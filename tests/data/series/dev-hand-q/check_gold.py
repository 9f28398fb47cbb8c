"""Checks gold.json (and limitations.json if present) of this folder: exact substrings, ids, link consistency; prints counts."""
import json, os, sys, unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
nfc = lambda s: unicodedata.normalize("NFC", s)
g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
errors = []
texts = {}
for d in g["documents"]:
    p = os.path.join(HERE, d["file"])
    if not os.path.exists(p):
        errors.append(f"missing file {d['file']}"); continue
    raw = open(p, encoding="utf-8").read()
    if raw != nfc(raw):
        errors.append(f"{d['file']} is not NFC")
    texts[d["file"]] = nfc(raw)

def check_items(items, kind):
    ids = Counter(i["id"] for i in items)
    for k, c in ids.items():
        if c > 1: errors.append(f"duplicate {kind} id {k}")
    for it in items:
        t = texts.get(it["file"])
        if t is None:
            errors.append(f"{it['id']}: file {it['file']} not a document"); continue
        n = t.count(nfc(it["text"]))
        if n == 0: errors.append(f"{it['id']}: text not found in {it['file']}")
        elif n > 1: errors.append(f"{it['id']}: text occurs {n} times in {it['file']}")
    return {i["id"]: i for i in items}

T = check_items(g["tasks"], "task")
R = check_items(g["results"], "result")
doc = {d["file"]: d for d in g["documents"]}
for t in T.values():
    if t["period"] != doc[t["file"]]["planned_period"]:
        errors.append(f"{t['id']}: period {t['period']} != planned period of {t['file']}")
for r in R.values():
    if r["period"] not in doc[r["file"]]["reported_months"]:
        errors.append(f"{r['id']}: period {r['period']} not reported by {r['file']}")

order = [d["file"] for d in sorted(g["documents"], key=lambda d: d["file"])]
for f in g["follow_through"]:
    if f["task"] not in T: errors.append(f"FT unknown task {f['task']}")
    if f["result"] not in R: errors.append(f"FT unknown result {f['result']}")
    if f["status"] not in ("done", "partial", "progress"): errors.append(f"FT bad status {f}")
    if f["task"] in T and f["result"] in R:
        if order.index(R[f["result"]]["file"]) <= order.index(T[f["task"]]["file"]):
            errors.append(f"FT {f} result not in a later document")
        if R[f["result"]]["period"] != T[f["task"]]["period"]:
            errors.append(f"FT {f}: result period {R[f['result']]['period']} != task period {T[f['task']]['period']}")
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for c in g["carry_over"]:
    if c["from"] not in T or c["to"] not in T: errors.append(f"CO unknown id {c}"); continue
    if c["kind"] not in KINDS: errors.append(f"CO bad kind {c}")
    if T[c["to"]]["period"] <= T[c["from"]]["period"]: errors.append(f"CO {c} not to a later period")
last = order[-1]
linked = {f["task"] for f in g["follow_through"]} | {c["from"] for c in g["carry_over"]}
for gid in g["gaps"]:
    if gid not in T: errors.append(f"gap unknown {gid}")
    elif T[gid]["file"] == last: errors.append(f"gap {gid} in last (right-censored) document")
    if gid in linked: errors.append(f"gap {gid} has a link")
for t in T.values():
    if t["file"] != last and t["id"] not in linked and t["id"] not in g["gaps"]:
        errors.append(f"task {t['id']} neither linked nor a gap")

lp = os.path.join(HERE, "limitations.json")
nl = 0
if os.path.exists(lp):
    L = json.load(open(lp, encoding="utf-8"))
    Ld = check_items(L["limitations"], "limitation"); nl = len(Ld)
    for r in L["recurring_limitations"]:
        if r["from"] not in Ld or r["to"] not in Ld: errors.append(f"recurring unknown {r}")

print("documents:", len(g["documents"]))
for f in order:
    print(f"  {f}: tasks {sum(t['file']==f for t in T.values())}, results {sum(r['file']==f for r in R.values())}")
print("tasks:", len(T), " results:", len(R), " limitations:", nl)
print("follow_through:", len(g["follow_through"]), dict(Counter(f["status"] for f in g["follow_through"])))
print("carry_over:", len(g["carry_over"]), dict(Counter(c["kind"] for c in g["carry_over"])))
print("gaps:", len(g["gaps"]), " right-censored tasks:", sum(t["file"] == last for t in T.values()))
if errors:
    print("ERRORS:"); [print(" ", e) for e in errors]; sys.exit(1)
print("OK")
