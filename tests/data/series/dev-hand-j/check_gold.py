#!/usr/bin/env python3
"""Checks gold.json of this series: exact substrings (NFC), ids, referential integrity,
same-unit links, periods, gaps and decoys. Prints problems and a summary; exit 1 on any error."""
import json, os, re, sys, unicodedata
D = os.path.dirname(os.path.abspath(__file__))
g = json.load(open(os.path.join(D, "gold.json"), encoding="utf-8"))
err = []
docs = {d["file"]: d for d in g["documents"]}
texts = {}
for f in docs:
    p = os.path.join(D, f)
    if not os.path.exists(p): err.append(f"missing file {f}"); continue
    raw = open(p, encoding="utf-8").read()
    if unicodedata.normalize("NFC", raw) != raw: err.append(f"{f} not NFC")
    texts[f] = unicodedata.normalize("NFC", raw)
items = {}
for kind in ("tasks", "results"):
    for it in g[kind]:
        if it["id"] in items: err.append(f"duplicate id {it['id']}")
        items[it["id"]] = dict(it, kind=kind)
        if it["file"] not in docs: err.append(f"{it['id']}: unknown file"); continue
        if it["text"] not in texts.get(it["file"], ""): err.append(f"{it['id']}: text not in {it['file']}")
        elif texts[it["file"]].count(it["text"]) != 1: err.append(f"{it['id']}: text occurs more than once")
        d = docs[it["file"]]
        if kind == "tasks" and it["period"] != d["planned_period"]: err.append(f"{it['id']}: period != planned_period")
        if kind == "results" and it["period"] not in d["reported_months"]: err.append(f"{it['id']}: period not a reported month")
        # an item should be one sentence: no '. X' inside
        if re.search(r'[.!?]\s+[A-ZĐ"\u00C0-\u1EF9]', it["text"].rstrip(".")) and any(c.isupper() for c in re.findall(r'[.!?]\s+(.)', it["text"])):
            err.append(f"{it['id']}: looks like more than one sentence")
unit = lambda i: docs[items[i]["file"]]["unit"]
def chk(i, kind, ctx):
    if i not in items: err.append(f"{ctx}: unknown id {i}"); return False
    if items[i]["kind"] != kind: err.append(f"{ctx}: {i} is not a {kind[:-1]}"); return False
    return True
ft_t, co_t = set(), set()
for l in g["follow_through"]:
    if l["status"] not in ("done", "partial", "progress"): err.append(f"bad status {l}")
    if chk(l["task"], "tasks", "FT") and chk(l["result"], "results", "FT"):
        if unit(l["task"]) != unit(l["result"]): err.append(f"FT across units {l}")
        if items[l["result"]]["period"] < items[l["task"]]["period"]: err.append(f"FT result before task {l}")
        if l["task"][:1] != l["result"][:1]: err.append(f"FT id prefixes differ {l}")
    ft_t.add(l["task"])
for l in g["carry_over"]:
    if l["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"): err.append(f"bad kind {l}")
    if chk(l["from"], "tasks", "CO") and chk(l["to"], "tasks", "CO"):
        if unit(l["from"]) != unit(l["to"]): err.append(f"CO across units {l}")
        if items[l["to"]]["period"] <= items[l["from"]]["period"]: err.append(f"CO not forward in time {l}")
    co_t.add(l["from"])
if len({(l["task"], l["result"]) for l in g["follow_through"]}) != len(g["follow_through"]): err.append("duplicate FT")
if len({(l["from"], l["to"]) for l in g["carry_over"]}) != len(g["carry_over"]): err.append("duplicate CO")
last = {}
for d in g["documents"]:
    last[d["unit"]] = max(last.get(d["unit"], ""), d["planned_period"])
# reported months by unit, to tell silent from pending
rep = {}
for d in g["documents"]:
    rep.setdefault(d["unit"], set()).update(d["reported_months"])
for t in g["gaps"]:
    if not chk(t, "tasks", "gap"): continue
    if t in ft_t or t in co_t: err.append(f"gap {t} has a link")
    if items[t]["period"] not in rep[unit(t)]: err.append(f"gap {t}: no later document reports its month (pending, not silent)")
# every task of a reported month must be linked or a gap
for i, it in items.items():
    if it["kind"] == "tasks" and it["period"] in rep[unit(i)]:
        if i not in ft_t and i not in co_t and i not in g["gaps"]:
            err.append(f"task {i} of a reported month has no link and is not a gap")
for a, b in g.get("cross_unit_decoys", []):
    if a not in items or b not in items: err.append(f"decoy unknown id {a},{b}"); continue
    if unit(a) == unit(b): err.append(f"decoy within one unit {a},{b}")
    if (a, b) in {(l["task"], l["result"]) for l in g["follow_through"]} | {(l["from"], l["to"]) for l in g["carry_over"]}:
        err.append(f"decoy is also a gold link {a},{b}")
for e in err: print("ERROR", e)
n = lambda k: len(g[k])
print(f"documents {n('documents')}, tasks {n('tasks')}, results {n('results')}, FT {n('follow_through')} "
      f"(done {sum(l['status']=='done' for l in g['follow_through'])}, partial {sum(l['status']=='partial' for l in g['follow_through'])}), "
      f"CO {n('carry_over')}, gaps {n('gaps')}, decoys {len(g.get('cross_unit_decoys', []))}")
print("OK" if not err else f"{len(err)} problem(s)")
sys.exit(1 if err else 0)
