#!/usr/bin/env python3
"""Checks gold.json of this series (standard library only).

Usage: python3 check_gold.py [SERIES_DIR]   (default: the folder of this script)

Verifies that
  * every document file exists, is UTF-8 and NFC; units and months are well formed;
  * every task/result text is an exact substring of its (NFC) file, its file is listed
    in "documents", and its period is the document's planned period (tasks) or one of
    its reported months (results);
  * ids are unique over tasks and results;
  * every id referenced by follow_through, carry_over, gaps and cross_unit_decoys exists
    and has the right kind (task / result);
  * follow-through and carry-over links stay inside one unit and go forward in time
    (the target is in a later document of the unit; a result's period is not earlier
    than the task's period);
  * statuses and carry-over kinds use the allowed values; no duplicate links;
  * every task outside its unit's last document has a fate (follow-through,
    carry-over, or gap), and a gap task has no link;
  * no task of a unit's last document (right-censored) is a gap or a link source;
  * every decoy pair joins two different units.
Exit status 0 when all checks pass, 1 otherwise.
"""
import json
import os
import re
import sys
import unicodedata

STATUSES = {"done", "partial", "progress"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


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
            err(f"document listed twice: {f}")
        docs[f] = d
        path = os.path.join(base, f)
        if not os.path.exists(path):
            err(f"missing file {f}")
            continue
        raw = open(path, encoding="utf-8").read()
        if raw != unicodedata.normalize("NFC", raw):
            err(f"{f} is not NFC")
        texts[f] = unicodedata.normalize("NFC", raw)
        if not MONTH.match(d["planned_period"]):
            err(f"{f}: bad planned_period {d['planned_period']}")
        for m in d["reported_months"]:
            if not MONTH.match(m):
                err(f"{f}: bad reported month {m}")
            if m >= d["planned_period"]:
                err(f"{f}: reported month {m} not before planned period")
        if not d.get("unit"):
            err(f"{f}: no unit")

    # order of documents inside each unit
    by_unit = {}
    for d in gold["documents"]:
        by_unit.setdefault(d["unit"], []).append(d)
    rank = {}
    last_doc = {}
    for unit, ds in by_unit.items():
        ds.sort(key=lambda d: d["planned_period"])
        periods = [d["planned_period"] for d in ds]
        if len(set(periods)) != len(periods):
            err(f"{unit}: two documents plan the same period")
        for i, d in enumerate(ds):
            rank[d["file"]] = i
        last_doc[unit] = ds[-1]["file"]

    # items
    items = {}
    for kind, key in (("task", "tasks"), ("result", "results")):
        for it in gold[key]:
            iid = it["id"]
            if iid in items:
                err(f"duplicate id {iid}")
            items[iid] = dict(it, kind=kind)
            f = it["file"]
            if f not in docs:
                err(f"{iid}: file {f} not in documents")
                continue
            if f in texts and unicodedata.normalize("NFC", it["text"]) not in texts[f]:
                err(f"{iid}: text is not an exact substring of {f}")
            if not it["text"].strip():
                err(f"{iid}: empty text")
            d = docs[f]
            if kind == "task" and it["period"] != d["planned_period"]:
                err(f"{iid}: period {it['period']} != planned period of {f}")
            if kind == "result" and it["period"] not in d["reported_months"]:
                err(f"{iid}: period {it['period']} not a reported month of {f}")

    def unit_of(iid):
        return docs[items[iid]["file"]]["unit"]

    def need(iid, kind, where):
        if iid not in items:
            err(f"{where}: unknown id {iid}")
            return False
        if items[iid]["kind"] != kind:
            err(f"{where}: {iid} is not a {kind}")
            return False
        return True

    fate = {}
    sources = set()
    seen = set()
    for l in gold["follow_through"]:
        t, r = l["task"], l["result"]
        where = f"follow_through {t}->{r}"
        if (t, r) in seen:
            err(f"duplicate link {where}")
        seen.add((t, r))
        if l["status"] not in STATUSES:
            err(f"{where}: bad status {l['status']}")
        if not (need(t, "task", where) and need(r, "result", where)):
            continue
        if unit_of(t) != unit_of(r):
            err(f"{where}: crosses units")
        if rank[items[r]["file"]] <= rank[items[t]["file"]]:
            err(f"{where}: result is not in a later document")
        if items[r]["period"] < items[t]["period"]:
            err(f"{where}: result period before task period")
        fate.setdefault(t, set()).add("ft")
        sources.add(t)
    seen = set()
    for l in gold["carry_over"]:
        a, b = l["from"], l["to"]
        where = f"carry_over {a}->{b}"
        if (a, b) in seen:
            err(f"duplicate link {where}")
        seen.add((a, b))
        if l["kind"] not in KINDS:
            err(f"{where}: bad kind {l['kind']}")
        if not (need(a, "task", where) and need(b, "task", where)):
            continue
        if unit_of(a) != unit_of(b):
            err(f"{where}: crosses units")
        if rank[items[b]["file"]] <= rank[items[a]["file"]]:
            err(f"{where}: target is not in a later document")
        fate.setdefault(a, set()).add("co")
        sources.add(a)
    gaps = set()
    for g in gold["gaps"]:
        if not need(g, "task", "gaps"):
            continue
        if g in gaps:
            err(f"gap listed twice: {g}")
        gaps.add(g)
        if g in sources:
            err(f"{g}: gap task also has a link")

    for iid, it in items.items():
        if it["kind"] != "task":
            continue
        censored = it["file"] == last_doc[unit_of(iid)]
        if censored:
            if iid in gaps:
                err(f"{iid}: censored task listed as gap")
            if iid in sources:
                err(f"{iid}: censored task is a link source")
        elif iid not in sources and iid not in gaps:
            err(f"{iid}: task has no fate")

    for pair in gold["cross_unit_decoys"]:
        if len(pair) != 2 or any(p not in items for p in pair):
            err(f"bad decoy pair {pair}")
            continue
        if unit_of(pair[0]) == unit_of(pair[1]):
            err(f"decoy pair {pair} is inside one unit")

    # counts
    n_tasks = sum(1 for i in items.values() if i["kind"] == "task")
    n_res = len(items) - n_tasks
    n_cens = sum(1 for i in items.values() if i["kind"] == "task" and i["file"] == last_doc[unit_of(i["id"])])
    st = {}
    for l in gold["follow_through"]:
        st[l["status"]] = st.get(l["status"], 0) + 1
    kd = {}
    for l in gold["carry_over"]:
        kd[l["kind"]] = kd.get(l["kind"], 0) + 1
    print(f"documents {len(gold['documents'])} in {len(by_unit)} units")
    print(f"tasks {n_tasks} (censored {n_cens}), results {n_res}")
    print(f"follow_through {len(gold['follow_through'])} {st}")
    print(f"carry_over {len(gold['carry_over'])} {kd}")
    print(f"gaps {len(gold['gaps'])}, cross_unit_decoys {len(gold['cross_unit_decoys'])}")
    linked_results = {l['result'] for l in gold['follow_through']}
    print(f"results answering no task {n_res - len(linked_results)}")
    if errors:
        print(f"FAIL: {len(errors)} problem(s)")
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
