#!/usr/bin/env python3
"""Verify gold.json of this folder against its documents and the annotation rules.

Checks: file names and NFC UTF-8; documents (unit, reported_months, planned_period);
every task/result text is an exact, unique substring of its NFC file and items do not
overlap; periods agree with the documents; every bullet of a results section (I) and of a
tasks section (III) is labelled, and nothing outside those sections is; follow-through goes
to the first later document of the same unit that reports on the task's month, with status
done|partial; carry-over goes forward within the unit with a known kind; gaps are exactly the
tasks with neither link that some later document of the unit could have reported on (tasks
of the last document are right-censored); cross-unit decoys pair items of different units.
Prints OK when everything holds.
"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in g:
        err(f"missing key {key}")

ym = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
docs, texts = {}, {}
for d in g["documents"]:
    fn = d["file"]
    m = re.match(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$", fn)
    if not m:
        err(f"bad file name {fn}")
        continue
    if fn in docs:
        err(f"duplicate document {fn}")
    docs[fn] = d
    raw = open(os.path.join(HERE, fn), "rb").read()
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{fn} not UTF-8")
        continue
    if unicodedata.normalize("NFC", t) != t:
        err(f"{fn} is not NFC")
    texts[fn] = unicodedata.normalize("NFC", t)
    if not d.get("unit"):
        err(f"{fn}: no unit")
    if not ym.match(d.get("planned_period", "")):
        err(f"{fn}: bad planned_period")
    if d.get("planned_period") != m.group(2):
        err(f"{fn}: planned_period differs from file name")
    rm = d.get("reported_months", [])
    if not rm or not all(ym.match(x) for x in rm):
        err(f"{fn}: bad reported_months")
    if rm and max(rm) >= d.get("planned_period", ""):
        err(f"{fn}: reported month not before planned period")

# every .txt in the folder must be a labelled document
for fn in os.listdir(HERE):
    if fn.endswith(".txt") and fn not in docs:
        err(f"unlabelled document {fn}")

order = {}  # per unit: documents sorted by planned period
for fn, d in docs.items():
    order.setdefault(d["unit"], []).append(fn)
for u in order:
    order[u].sort(key=lambda f: docs[f]["planned_period"])

items = {}
spans = {}
for kind in ("tasks", "results"):
    for it in g[kind]:
        i = it["id"]
        if i in items:
            err(f"duplicate id {i}")
        items[i] = dict(it, kind=kind)
        fn = it["file"]
        if fn not in texts:
            err(f"{i}: unknown file {fn}")
            continue
        txt, s = texts[fn], it["text"]
        if unicodedata.normalize("NFC", s) != s:
            err(f"{i}: text not NFC")
        n = txt.count(s)
        if n != 1:
            err(f"{i}: text occurs {n} times in {fn}")
            continue
        a = txt.index(s)
        spans.setdefault(fn, []).append((a, a + len(s), i))
        if not ym.match(it.get("period", "")):
            err(f"{i}: bad period")
        d = docs[fn]
        if kind == "tasks" and it["period"] != d["planned_period"]:
            err(f"{i}: task period {it['period']} != planned {d['planned_period']}")
        if kind == "results" and it["period"] not in d["reported_months"]:
            err(f"{i}: result period {it['period']} not a reported month of {fn}")
for fn, sp in spans.items():
    sp.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
        if a2 < b1:
            err(f"{fn}: items {i1} and {i2} overlap")


# completeness: every bullet of sections I and III is labelled with the right kind
def section_items(txt):
    sec, out = None, []
    for ln in txt.split("\n"):
        s = ln.strip()
        if re.match(r"^I\. ", s):
            sec = "results"; continue
        if re.match(r"^II\. ", s):
            sec = "limitation"; continue
        if re.match(r"^III\. ", s):
            sec = "tasks"; continue
        if sec == "tasks" and s.startswith("Giao các đồng chí"):
            sec = None; continue
        if sec in ("results", "tasks"):
            if s.startswith("- "):
                out.append((sec, s[2:]))
            else:
                m = re.match(r"^\d+\. (Giao [^:]+: .+)$", s)
                if m and sec == "tasks":
                    out.append((sec, m.group(1)))
    return out


labelled = {(it["file"], it["kind"], it["text"]) for it in items.values()}
for fn, txt in texts.items():
    found = section_items(txt)
    fs = {(fn, k, s) for k, s in found}
    for x in fs - labelled:
        err(f"{fn}: unlabelled {x[1]} item: {x[2][:60]}")
    for x in {l for l in labelled if l[0] == fn} - fs:
        err(f"{fn}: labelled {x[1]} is not a section item: {x[2][:60]}")
    for k, s in found:
        if re.search(r"\.\s+[A-ZĐÀ-Ỹ]", s):
            err(f"{fn}: item has more than one sentence: {s[:60]}")


def unit(i):
    return docs[items[i]["file"]]["unit"]


def pos(i):
    f = items[i]["file"]
    return order[unit(i)].index(f)


ft_tasks, co_from = set(), set()
seen = set()
for l in g["follow_through"]:
    t, r, st = l["task"], l["result"], l["status"]
    if (t, r) in seen:
        err(f"duplicate follow-through {t}->{r}")
    seen.add((t, r))
    if items.get(t, {}).get("kind") != "tasks" or items.get(r, {}).get("kind") != "results":
        err(f"follow-through {t}->{r}: bad ids")
        continue
    if st not in ("done", "partial"):
        err(f"follow-through {t}->{r}: bad status {st}")
    if unit(t) != unit(r):
        err(f"follow-through {t}->{r} crosses units")
        continue
    M = items[t]["period"]
    later = [f for f in order[unit(t)][pos(t) + 1:] if M in docs[f]["reported_months"]]
    if not later or items[r]["file"] != later[0]:
        err(f"follow-through {t}->{r}: result not in first later document reporting on {M}")
    if items[r]["period"] < M:
        err(f"follow-through {t}->{r}: result period before task period")
    ft_tasks.add(t)

KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
seen = set()
for l in g["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if (a, b) in seen:
        err(f"duplicate carry-over {a}->{b}")
    seen.add((a, b))
    if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
        err(f"carry-over {a}->{b}: bad ids")
        continue
    if k not in KINDS:
        err(f"carry-over {a}->{b}: bad kind {k}")
    if unit(a) != unit(b):
        err(f"carry-over {a}->{b} crosses units")
        continue
    if pos(b) <= pos(a) or items[b]["period"] <= items[a]["period"]:
        err(f"carry-over {a}->{b} does not go forward")
    co_from.add(a)

gaps = g["gaps"]
if len(set(gaps)) != len(gaps):
    err("duplicate gaps")
expected = set()
for i, it in items.items():
    if it["kind"] != "tasks":
        continue
    u, M = unit(i), it["period"]
    reported_later = any(M in docs[f]["reported_months"] for f in order[u][pos(i) + 1:])
    if pos(i) == len(order[u]) - 1 or not reported_later:
        if i in gaps:
            err(f"gap {i} is right-censored / pending")
        continue
    if i not in ft_tasks and i not in co_from:
        expected.add(i)
for i in gaps:
    if i not in items or items[i]["kind"] != "tasks":
        err(f"gap {i}: not a task")
    elif i in ft_tasks or i in co_from:
        err(f"gap {i} has a link")
for i in expected - set(gaps):
    err(f"task {i} has no link but is not listed as a gap")

for pair in g.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in items for p in pair):
        err(f"decoy {pair}: bad ids")
    elif unit(pair[0]) == unit(pair[1]):
        err(f"decoy {pair}: same unit")

# per-document counts 10-18
for fn in docs:
    nt = sum(1 for it in items.values() if it["file"] == fn and it["kind"] == "tasks")
    nr = sum(1 for it in items.values() if it["file"] == fn and it["kind"] == "results")
    if not (10 <= nt <= 18 and 10 <= nr <= 18):
        err(f"{fn}: {nt} tasks / {nr} results outside 10-18")

if errors:
    print("\n".join(errors))
    print(f"FAILED: {len(errors)} problem(s)")
    sys.exit(1)
print(f"documents {len(docs)}, tasks {len(g['tasks'])}, results {len(g['results'])}, "
      f"follow-through {len(g['follow_through'])}, carry-over {len(g['carry_over'])}, gaps {len(gaps)}")
print("OK")
