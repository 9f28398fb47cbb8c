#!/usr/bin/env python3
"""Sanity checks for gold.json of this series (run from anywhere: python3 check_gold.py)."""
import json, os, sys, unicodedata, glob

D = os.path.dirname(os.path.abspath(__file__))
g = json.load(open(os.path.join(D, "gold.json"), encoding="utf-8"))
errs = []
err = errs.append

docs = {d["file"]: d for d in g["documents"]}
order = {f: i for i, f in enumerate(sorted(docs))}
texts = {}
for f in docs:
    p = os.path.join(D, f)
    if not os.path.exists(p):
        err(f"missing file {f}"); continue
    raw = open(p, "rb").read()
    t = raw.decode("utf-8")
    if unicodedata.normalize("NFC", t) != t:
        err(f"{f} not NFC")
    texts[f] = t
for p in glob.glob(os.path.join(D, "*.txt")):
    if os.path.basename(p) not in docs:
        err(f"stray top-level txt {os.path.basename(p)}")

items = {}
for kind in ("tasks", "results"):
    for it in g[kind]:
        i = it["id"]
        if i in items:
            err(f"duplicate id {i}")
        items[i] = (kind, it)
        f, txt = it["file"], it["text"]
        if f not in docs:
            err(f"{i}: unknown file {f}"); continue
        if unicodedata.normalize("NFC", txt) != txt:
            err(f"{i}: text not NFC")
        n = texts[f].count(txt)
        if n != 1:
            err(f"{i}: text occurs {n} times in {f}")
        if txt != txt.strip() or txt[-1] in ".;:,":
            err(f"{i}: text has trailing whitespace/punctuation")
        d = docs[f]
        if kind == "tasks" and it["period"] != d["planned_period"]:
            err(f"{i}: task period {it['period']} != planned {d['planned_period']}")
        if kind == "results" and it["period"] not in d["reported_months"]:
            err(f"{i}: result period {it['period']} not in {d['reported_months']}")

# overlapping spans inside one file
for f, t in texts.items():
    spans = []
    for i, (k, it) in items.items():
        if it["file"] == f:
            s = t.find(it["text"]); spans.append((s, s + len(it["text"]), i))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        if b[0] < a[1]:
            err(f"overlapping items {a[2]} and {b[2]} in {f}")

def doc_idx(i):
    return order[items[i][1]["file"]]

out_links = {}
for l in g["follow_through"]:
    t, r = l["task"], l["result"]
    if items.get(t, (None,))[0] != "tasks": err(f"FT: {t} not a task"); continue
    if items.get(r, (None,))[0] != "results": err(f"FT: {r} not a result"); continue
    if l["status"] not in ("done", "partial"): err(f"FT {t}->{r}: bad status {l['status']}")
    if doc_idx(r) <= doc_idx(t): err(f"FT {t}->{r} does not run forward")
    if items[r][1]["period"] < items[t][1]["period"]:
        err(f"FT {t}->{r}: result period before task period")
    out_links.setdefault(t, []).append("ft")
seen = set()
for l in g["follow_through"]:
    k = (l["task"], l["result"])
    if k in seen: err(f"duplicate FT {k}")
    seen.add(k)
for l in g["carry_over"]:
    a, b = l["from"], l["to"]
    if items.get(a, (None,))[0] != "tasks" or items.get(b, (None,))[0] != "tasks":
        err(f"CO {a}->{b}: not tasks"); continue
    if l["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
        err(f"CO {a}->{b}: bad kind")
    if doc_idx(b) <= doc_idx(a): err(f"CO {a}->{b} does not run forward")
    out_links.setdefault(a, []).append("co")
last = max(order, key=order.get)
gaps = set(g["gaps"])
if len(gaps) != len(g["gaps"]): err("duplicate gap ids")
for t in gaps:
    if items.get(t, (None,))[0] != "tasks": err(f"gap {t} not a task"); continue
    if t in out_links: err(f"gap {t} has links {out_links[t]}")
    if items[t][1]["file"] == last: err(f"gap {t} is right-censored")
for i, (k, it) in items.items():
    if k != "tasks": continue
    if it["file"] == last:
        if i in out_links: err(f"censored task {i} has outgoing links")
        continue
    if i not in out_links and i not in gaps:
        err(f"task {i} has no follow-through, carry-over or gap")
if g.get("cross_unit_decoys") != []:
    err("cross_unit_decoys should be []")

per_doc = {}
for k in ("tasks", "results"):
    for it in g[k]:
        per_doc.setdefault(it["file"], {"tasks": 0, "results": 0})[k] += 1
for f in sorted(per_doc):
    c = per_doc[f]
    print(f, c)
    if not 12 <= c["tasks"] <= 18: err(f"{f}: {c['tasks']} tasks out of 12-18")
    if not 10 <= c["results"] <= 18: err(f"{f}: {c['results']} results out of 10-18")
print("tasks", len(g["tasks"]), "results", len(g["results"]), "follow_through", len(g["follow_through"]),
      "carry_over", len(g["carry_over"]), "gaps", len(g["gaps"]))
if errs:
    print("\n".join("ERROR: " + e for e in errs)); sys.exit(1)
print("OK")
