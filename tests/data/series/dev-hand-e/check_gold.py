#!/usr/bin/env python3
"""Consistency check for hand-e/gold.json (standard library only).

Usage: python3 check_gold.py [SERIES_DIR]   (default: the folder of this script)

Checks:
  * every document listed exists, its issue date can be read from its header;
  * every task/result text is an exact substring of its (NFC) file;
  * ids are unique; every referenced id exists;
  * task periods equal their document's planned_period, result periods are among
    their document's reported_months;
  * follow-through and carry-over links stay inside one unit and go forward in time
    (target document issued later than the source document, target period not earlier);
  * every task outside a unit's last document has a fate (follow-through, carry-over
    or gap); no task of a unit's last document (right-censored) is a gap or a link
    source; a gap has no links;
  * statuses/kinds are from the allowed sets; decoy pairs join two different units.
Exit status 0 when everything passes.
"""
import json
import os
import re
import sys
import unicodedata

STATUSES = {"done", "partial", "progress"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
DATE_RE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    gold = json.load(open(os.path.join(base, "gold.json"), encoding="utf-8"))
    errors = []

    def err(msg):
        errors.append(msg)

    # documents
    docs = {}
    texts = {}
    for d in gold["documents"]:
        f = d["file"]
        if f in docs:
            err(f"duplicate document {f}")
        path = os.path.join(base, f)
        if not os.path.exists(path):
            err(f"missing file {f}")
            continue
        raw = open(path, encoding="utf-8").read()
        texts[f] = unicodedata.normalize("NFC", raw)
        head = "\n".join(texts[f].split("\n")[:15])
        m = DATE_RE.search(head)
        if not m:
            err(f"{f}: no issue date in header")
            continue
        day, month, year = (int(x) for x in m.groups())
        d = dict(d)
        d["date"] = (year, month, day)
        docs[f] = d

    # items
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            i = it["id"]
            if i in items:
                err(f"duplicate id {i}")
            items[i] = dict(it, kind=kind)
            f = it["file"]
            if f not in docs:
                err(f"{i}: file {f} not in documents")
                continue
            t = unicodedata.normalize("NFC", it["text"])
            if not t.strip():
                err(f"{i}: empty text")
            elif t not in texts[f]:
                err(f"{i}: text is not an exact substring of {f}")
            if kind == "tasks" and it["period"] != docs[f]["planned_period"]:
                err(f"{i}: period {it['period']} != planned_period of {f}")
            if kind == "results" and it["period"] not in docs[f]["reported_months"]:
                err(f"{i}: period {it['period']} not in reported_months of {f}")

    def unit(i):
        return docs[items[i]["file"]]["unit"]

    def date(i):
        return docs[items[i]["file"]]["date"]

    def need(i, kind, where):
        if i not in items:
            err(f"{where}: unknown id {i}")
            return False
        if items[i]["kind"] != kind:
            err(f"{where}: {i} is not a {kind[:-1]}")
            return False
        return True

    # last document per unit -> censored tasks
    last = {}
    for f, d in docs.items():
        u = d["unit"]
        if u not in last or d["date"] > docs[last[u]]["date"]:
            last[u] = f
    censored = {i for i, it in items.items()
                if it["kind"] == "tasks" and it["file"] in docs and last[docs[it["file"]]["unit"]] == it["file"]}

    has_fate = set()
    seen_links = set()
    for k, l in enumerate(gold["follow_through"]):
        where = f"follow_through[{k}]"
        if not (need(l["task"], "tasks", where) and need(l["result"], "results", where)):
            continue
        key = ("ft", l["task"], l["result"])
        if key in seen_links:
            err(f"{where}: duplicate link")
        seen_links.add(key)
        if l["status"] not in STATUSES:
            err(f"{where}: bad status {l['status']}")
        if unit(l["task"]) != unit(l["result"]):
            err(f"{where}: crosses units")
        if not date(l["result"]) > date(l["task"]):
            err(f"{where}: result document not later than task document")
        if items[l["result"]]["period"] < items[l["task"]]["period"]:
            err(f"{where}: result period earlier than task period")
        if l["task"] in censored:
            err(f"{where}: censored task {l['task']} is a link source")
        has_fate.add(l["task"])

    for k, l in enumerate(gold["carry_over"]):
        where = f"carry_over[{k}]"
        a, b = l["from"], l["to"]
        if not (need(a, "tasks", where) and need(b, "tasks", where)):
            continue
        key = ("co", a, b)
        if key in seen_links:
            err(f"{where}: duplicate link")
        seen_links.add(key)
        if l["kind"] not in KINDS:
            err(f"{where}: bad kind {l['kind']}")
        if unit(a) != unit(b):
            err(f"{where}: crosses units")
        if not date(b) > date(a):
            err(f"{where}: target document not later than source document")
        if items[b]["period"] < items[a]["period"]:
            err(f"{where}: target period earlier than source period")
        if a in censored:
            err(f"{where}: censored task {a} is a link source")
        has_fate.add(a)

    gaps = gold["gaps"]
    if len(set(gaps)) != len(gaps):
        err("duplicate gap ids")
    for g in gaps:
        if not need(g, "tasks", "gaps"):
            continue
        if g in censored:
            err(f"gaps: censored task {g} listed as gap")
        if g in has_fate:
            err(f"gaps: {g} also has a link")

    for i, it in items.items():
        if it["kind"] == "tasks" and i not in censored and i not in has_fate and i not in gaps:
            err(f"{i}: non-censored task without fate")

    for k, pair in enumerate(gold.get("cross_unit_decoys", [])):
        where = f"cross_unit_decoys[{k}]"
        if len(pair) != 2 or not all(p in items for p in pair):
            err(f"{where}: unknown ids {pair}")
            continue
        if unit(pair[0]) == unit(pair[1]):
            err(f"{where}: both items in the same unit")

    n_t = sum(1 for it in items.values() if it["kind"] == "tasks")
    n_r = len(items) - n_t
    print(f"documents {len(docs)}, tasks {n_t} (censored {len(censored)}), results {n_r}, "
          f"follow-through {len(gold['follow_through'])}, carry-over {len(gold['carry_over'])}, "
          f"gaps {len(gaps)}, decoys {len(gold.get('cross_unit_decoys', []))}")
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"FAILED with {len(errors)} error(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
