#!/usr/bin/env python3
"""Consistency checks for hand-f/gold.json (standard library only).

Usage: python3 check_gold.py [SERIES_DIR]   (default: the folder of this script)

Checks:
  * every document file exists, is UTF-8, 60-160 lines; every document has a unit,
    reported_months and planned_period;
  * every task/result text is an exact substring of its NFC-normalised file
    (a warning if it occurs more than once there);
  * ids are unique over tasks and results; every referenced id exists;
  * follow_through: task -> result, same unit, result's document later than the
    task's document, status in {done, partial, progress};
  * carry_over: task -> task, same unit, target document later, kind in the
    allowed set;
  * gaps are tasks, carry no link at all, and are not right-censored;
  * every task outside its unit's last document has a fate (follow-through,
    carry-over or gap); no censored task is a gap or a link source;
  * cross_unit_decoys pair two existing ids of two different units;
  * each document holds 8-15 tasks.
Exit status 0 when everything passes, 1 otherwise.
"""
import json
import os
import sys
import unicodedata
from collections import Counter, defaultdict

STATUSES = {"done", "partial", "progress"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def period_key(p):
    """'2026-08' -> (2026, 8); '2026-Q4' -> (2026, 10) (first month of the quarter)."""
    year, rest = p.split("-", 1)
    if rest.upper().startswith("Q"):
        return (int(year), (int(rest[1:]) - 1) * 3 + 1)
    return (int(year), int(rest))


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    gold = json.load(open(os.path.join(base, "gold.json"), encoding="utf-8"))
    errors, warnings = [], []

    docs = {}
    for d in gold["documents"]:
        f = d["file"]
        if f in docs:
            errors.append("document listed twice: %s" % f)
        for key in ("unit", "reported_months", "planned_period"):
            if not d.get(key):
                errors.append("document %s lacks %s" % (f, key))
        path = os.path.join(base, f)
        if not os.path.exists(path):
            errors.append("missing file %s" % f)
            continue
        raw = open(path, encoding="utf-8").read()
        nlines = raw.count("\n") + (0 if raw.endswith("\n") else 1)
        if not 60 <= nlines <= 160:
            errors.append("%s has %d lines (want 60-160)" % (f, nlines))
        docs[f] = dict(d, text=unicodedata.normalize("NFC", raw),
                       key=period_key(d["planned_period"]))

    # document order inside each unit (by planned period)
    by_unit = defaultdict(list)
    for f, d in docs.items():
        by_unit[d["unit"]].append(f)
    order, last_doc = {}, {}
    for unit, files in by_unit.items():
        files.sort(key=lambda f: docs[f]["key"])
        for i, f in enumerate(files):
            order[f] = i
        last_doc[unit] = files[-1]

    items = {}
    ids = Counter()
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            ids[it["id"]] += 1
            f = it["file"]
            if f not in docs:
                errors.append("%s: unknown file %s" % (it["id"], f))
                continue
            text = unicodedata.normalize("NFC", it["text"])
            n = docs[f]["text"].count(text)
            if n == 0:
                errors.append("%s: text not found in %s: %r" % (it["id"], f, it["text"][:70]))
            elif n > 1:
                warnings.append("%s: text occurs %d times in %s" % (it["id"], n, f))
            if not it.get("period"):
                errors.append("%s: no period" % it["id"])
            items[it["id"]] = dict(it, kind=kind[:-1], unit=docs[f]["unit"])
    for i, c in ids.items():
        if c > 1:
            errors.append("duplicate id %s" % i)

    def need(i, kind, where):
        if i not in items:
            errors.append("%s: unknown id %s" % (where, i))
            return None
        if kind and items[i]["kind"] != kind:
            errors.append("%s: %s is a %s, expected a %s" % (where, i, items[i]["kind"], kind))
        return items[i]

    def censored(t):
        return t["file"] == last_doc[t["unit"]]

    fate = Counter()
    linked = Counter()
    seen_links = set()
    for l in gold["follow_through"]:
        where = "follow_through %s->%s" % (l["task"], l["result"])
        if (l["task"], l["result"]) in seen_links:
            errors.append(where + ": duplicate link")
        seen_links.add((l["task"], l["result"]))
        t, r = need(l["task"], "task", where), need(l["result"], "result", where)
        if l.get("status") not in STATUSES:
            errors.append(where + ": bad status %r" % l.get("status"))
        if not (t and r):
            continue
        if t["unit"] != r["unit"]:
            errors.append(where + ": crosses units")
        if order[r["file"]] <= order[t["file"]]:
            errors.append(where + ": result is not in a later document")
        if period_key(r["period"]) < period_key(t["period"]):
            errors.append(where + ": result reports on a month before the task's period")
        if censored(t):
            errors.append(where + ": censored task used as link source")
        fate[t["id"]] += 1
        linked[t["id"]] += 1

    for l in gold["carry_over"]:
        where = "carry_over %s->%s" % (l["from"], l["to"])
        a, b = need(l["from"], "task", where), need(l["to"], "task", where)
        if l.get("kind") not in KINDS:
            errors.append(where + ": bad kind %r" % l.get("kind"))
        if not (a and b):
            continue
        if a["unit"] != b["unit"]:
            errors.append(where + ": crosses units")
        if order[b["file"]] <= order[a["file"]]:
            errors.append(where + ": target is not in a later document")
        if censored(a):
            errors.append(where + ": censored task used as link source")
        fate[a["id"]] += 1
        linked[a["id"]] += 1

    gaps = gold["gaps"]
    if len(set(gaps)) != len(gaps):
        errors.append("duplicate gap ids")
    for g in gaps:
        t = need(g, "task", "gap")
        if not t:
            continue
        if censored(t):
            errors.append("gap %s is a censored task" % g)
        if linked[g]:
            errors.append("gap %s also has %d link(s)" % (g, linked[g]))
        fate[g] += 1

    for i, it in items.items():
        if it["kind"] == "task" and not censored(it) and not fate[i]:
            errors.append("task %s (%s) has no fate" % (i, it["file"]))

    for pair in gold["cross_unit_decoys"]:
        if len(pair) != 2:
            errors.append("decoy is not a pair: %r" % (pair,))
            continue
        a, b = need(pair[0], None, "decoy"), need(pair[1], None, "decoy")
        if a and b and a["unit"] == b["unit"]:
            errors.append("decoy %r is inside one unit" % (pair,))

    per_doc = Counter(it["file"] for it in gold["tasks"])
    for f in docs:
        if not 8 <= per_doc[f] <= 15:
            errors.append("%s has %d tasks (want 8-15)" % (f, per_doc[f]))

    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    n_cens = sum(1 for it in items.values() if it["kind"] == "task" and censored(it))
    print("documents %d, tasks %d (censored %d), results %d, follow-through %d, "
          "carry-over %d, gaps %d, decoys %d"
          % (len(docs), len(gold["tasks"]), n_cens, len(gold["results"]),
             len(gold["follow_through"]), len(gold["carry_over"]), len(gaps),
             len(gold["cross_unit_decoys"])))
    print("FAIL" if errors else "OK")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
