#!/usr/bin/env python3
"""Check gold.json against the documents in this folder.

Verifies: files exist, are UTF-8 and NFC; every item text is NFC, an exact
substring of its file, unique in it, without a final full stop, and items of a
file do not overlap; ids unique; task period = planned period of its document,
result period among its reported months; follow-through and carry-over links
stay within one unit and run forward (later document, not earlier period);
gaps have no links; every task that is not right-censored (last document of
its unit) has a follow-through, a carry-over or a gap; censored tasks have no
outgoing link and are not gaps; decoy pairs join items of different units;
per-document counts 10-16 tasks and 8-16 results.
Exit status 0 when clean."""
import json, sys, unicodedata, pathlib
from collections import Counter, defaultdict

HERE = pathlib.Path(__file__).resolve().parent
errors = []
def err(msg): errors.append(msg)

gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in gold:
        err(f"missing key {key}")

docs = {d["file"]: d for d in gold["documents"]}
texts = {}
for f in docs:
    p = HERE / f
    if not p.exists():
        err(f"missing file {f}"); continue
    raw = p.read_bytes()
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{f}: not UTF-8"); continue
    if unicodedata.normalize("NFC", t) != t:
        err(f"{f}: not NFC")
    if "[[" in t or "]]" in t:
        err(f"{f}: leftover markers")
    texts[f] = t

# order of documents within a unit: by planned period
by_unit = defaultdict(list)
for d in gold["documents"]:
    by_unit[d["unit"]].append(d)
rank = {}
last_doc = {}
for u, ds in by_unit.items():
    ds.sort(key=lambda d: d["planned_period"])
    for i, d in enumerate(ds):
        rank[d["file"]] = i
    last_doc[u] = ds[-1]["file"]

items = {}
ids = Counter(x["id"] for x in gold["tasks"] + gold["results"])
for i, n in ids.items():
    if n > 1:
        err(f"duplicate id {i}")
spans = defaultdict(list)
for kind, lst in (("task", gold["tasks"]), ("result", gold["results"])):
    for x in lst:
        f, tx = x["file"], x["text"]
        items[x["id"]] = dict(x, kind=kind)
        if f not in docs:
            err(f"{x['id']}: unknown file {f}"); continue
        if unicodedata.normalize("NFC", tx) != tx:
            err(f"{x['id']}: text not NFC")
        if not tx.strip() or tx != tx.strip():
            err(f"{x['id']}: empty or padded text")
        if tx.endswith("."):
            err(f"{x['id']}: text ends with a full stop")
        doc_t = texts.get(f, "")
        n = doc_t.count(tx)
        if n != 1:
            err(f"{x['id']}: text occurs {n} times in {f}")
        else:
            s = doc_t.index(tx); spans[f].append((s, s + len(tx), x["id"]))
        d = docs[f]
        if kind == "task" and x["period"] != d["planned_period"]:
            err(f"{x['id']}: period {x['period']} != planned {d['planned_period']}")
        if kind == "result" and x["period"] not in d["reported_months"]:
            err(f"{x['id']}: period {x['period']} not in reported months {d['reported_months']}")
for f, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err(f"{f}: items {a[2]} and {b[2]} overlap")

def unit(i): return docs[items[i]["file"]]["unit"]

out_links = defaultdict(list)
in_links = defaultdict(list)
seen = set()
for l in gold["follow_through"]:
    t, r, s = l["task"], l["result"], l["status"]
    if (t, r) in seen: err(f"duplicate follow-through {t}->{r}")
    seen.add((t, r))
    if t not in items or items[t]["kind"] != "task": err(f"FT: {t} is not a task"); continue
    if r not in items or items[r]["kind"] != "result": err(f"FT: {r} is not a result"); continue
    if s not in ("done", "partial", "progress"): err(f"FT {t}->{r}: bad status {s}")
    if unit(t) != unit(r): err(f"FT {t}->{r}: crosses units")
    if rank[items[r]["file"]] <= rank[items[t]["file"]]: err(f"FT {t}->{r}: not forward")
    if items[r]["period"] < items[t]["period"]: err(f"FT {t}->{r}: result period before task period")
    out_links[t].append(("ft", r)); in_links[r].append(t)
seen = set()
for l in gold["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if (a, b) in seen: err(f"duplicate carry-over {a}->{b}")
    seen.add((a, b))
    if a not in items or items[a]["kind"] != "task": err(f"CO: {a} is not a task"); continue
    if b not in items or items[b]["kind"] != "task": err(f"CO: {b} is not a task"); continue
    if k not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"): err(f"CO {a}->{b}: bad kind {k}")
    if unit(a) != unit(b): err(f"CO {a}->{b}: crosses units")
    if rank[items[b]["file"]] <= rank[items[a]["file"]]: err(f"CO {a}->{b}: not forward")
    out_links[a].append(("co", b)); in_links[b].append(a)

gaps = set(gold["gaps"])
if len(gaps) != len(gold["gaps"]): err("duplicate gap ids")
for g in gaps:
    if g not in items or items[g]["kind"] != "task": err(f"gap {g} is not a task"); continue
    if out_links[g] or in_links[g]: err(f"gap {g} has links")
    if items[g]["file"] == last_doc[unit(g)]: err(f"gap {g} is right-censored")
for i, x in items.items():
    if x["kind"] != "task": continue
    censored = x["file"] == last_doc[unit(i)]
    if censored:
        if out_links[i]: err(f"censored task {i} has outgoing links")
    elif not out_links[i] and i not in gaps:
        err(f"task {i}: no follow-through, carry-over or gap")

for pair in gold.get("cross_unit_decoys", []):
    a, b = pair
    if a not in items or b not in items: err(f"decoy {pair}: unknown id"); continue
    if unit(a) == unit(b): err(f"decoy {pair}: same unit")

cnt = Counter((x["file"], x["kind"]) for x in items.values())
for f in docs:
    nt, nr = cnt[(f, "task")], cnt[(f, "result")]
    if not 10 <= nt <= 16: err(f"{f}: {nt} tasks (want 10-16)")
    if not 8 <= nr <= 16: err(f"{f}: {nr} results (want 8-16)")

for e in errors:
    print("ERROR", e)
print(f"{len(gold['tasks'])} tasks, {len(gold['results'])} results, "
      f"{len(gold['follow_through'])} follow-through, {len(gold['carry_over'])} carry-over, "
      f"{len(gaps)} gaps, {len(gold.get('cross_unit_decoys', []))} decoys; "
      f"{'CLEAN' if not errors else str(len(errors)) + ' error(s)'}")
sys.exit(1 if errors else 0)
