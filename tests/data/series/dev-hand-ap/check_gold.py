#!/usr/bin/env python3
"""Check gold.json of this series against its documents and the annotation rules.

Checks: files exist, are UTF-8 NFC and named <unit-slug>_<YYYY-MM>.txt; every task/result
text is an exact, unique substring of its file; ids unique; 10-18 tasks and 10-18 results
per document; task period == planned_period of its document; result period among the
reported_months of its document; follow-through goes task -> result of the same unit in a
later document, namely the first later document that reports on the task's month, with
status done|partial; carry-over goes task -> task of the same unit in a later document,
kind among the allowed ones; gaps are exactly the tasks with neither link among those whose
month is reported on by a later document (the last document's tasks are right-censored);
cross-unit decoys pair items of different units and are not linked; every bullet in a
results/tasks section of a file is labelled (limitations and "Nơi nhận" excepted).
Prints OK when all checks pass.
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


def main():
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if key not in gold:
            err(f"missing key {key}")
    if errors:
        return
    docs = {}
    texts = {}
    order = []
    for d in gold["documents"]:
        f = d["file"]
        if not re.fullmatch(r"[a-z0-9-]+_\d{4}-\d{2}\.txt", f):
            err(f"bad file name {f}")
        p = os.path.join(HERE, f)
        if not os.path.exists(p):
            err(f"missing file {f}")
            continue
        raw = open(p, "rb").read()
        s = raw.decode("utf-8")
        if unicodedata.normalize("NFC", s) != s:
            err(f"{f} is not NFC")
        for k in ("unit", "reported_months", "planned_period"):
            if k not in d:
                err(f"{f}: missing {k}")
        if not re.fullmatch(r"\d{4}-\d{2}", d["planned_period"]):
            err(f"{f}: bad planned_period")
        if f[-11:-4] != d["planned_period"]:
            err(f"{f}: file month differs from planned_period")
        for m in d["reported_months"]:
            if not re.fullmatch(r"\d{4}-\d{2}", m) or m >= d["planned_period"]:
                err(f"{f}: bad reported month {m}")
        docs[f] = d
        texts[f] = s
        order.append(f)
    # order of documents per unit, by planned period
    idx = {}
    by_unit = {}
    for f in order:
        by_unit.setdefault(docs[f]["unit"], []).append(f)
    for u, fs in by_unit.items():
        fs.sort(key=lambda x: docs[x]["planned_period"])
        for i, f in enumerate(fs):
            idx[f] = i
        for a, b in zip(fs, fs[1:]):
            if docs[a]["planned_period"] == docs[b]["planned_period"]:
                err(f"two documents of {u} plan the same month")

    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            i = it["id"]
            if i in items:
                err(f"duplicate id {i}")
            f = it["file"]
            if f not in docs:
                err(f"{i}: unknown file {f}")
                continue
            t = it["text"]
            if unicodedata.normalize("NFC", t) != t:
                err(f"{i}: text not NFC")
            n = texts[f].count(t)
            if n != 1:
                err(f"{i}: text occurs {n} times in {f}")
            if not t.strip():
                err(f"{i}: empty text")
            if kind == "tasks" and it["period"] != docs[f]["planned_period"]:
                err(f"{i}: task period {it['period']} != planned {docs[f]['planned_period']}")
            if kind == "results" and it["period"] not in docs[f]["reported_months"]:
                err(f"{i}: result period {it['period']} not reported in {f}")
            items[i] = dict(it, kind=kind[:-1])
    for f in order:
        nt = sum(1 for x in items.values() if x["file"] == f and x["kind"] == "task")
        nr = sum(1 for x in items.values() if x["file"] == f and x["kind"] == "result")
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks (need 10-18)")
        if not 10 <= nr <= 18:
            err(f"{f}: {nr} results (need 10-18)")

    def unit(i):
        return docs[items[i]["file"]]["unit"]

    def first_reporting(task_id):
        t = items[task_id]
        u = unit(task_id)
        for f in by_unit[u]:
            if idx[f] > idx[t["file"]] and t["period"] in docs[f]["reported_months"]:
                return f
        return None

    linked = set()
    seen = set()
    for l in gold["follow_through"]:
        a, b, st = l["task"], l["result"], l["status"]
        if (a, b) in seen:
            err(f"duplicate follow-through {a}->{b}")
        seen.add((a, b))
        if a not in items or items[a]["kind"] != "task":
            err(f"follow-through: {a} is not a task")
            continue
        if b not in items or items[b]["kind"] != "result":
            err(f"follow-through: {b} is not a result")
            continue
        if st not in ("done", "partial"):
            err(f"follow-through {a}->{b}: status {st}")
        if unit(a) != unit(b):
            err(f"follow-through {a}->{b} crosses units")
        fr = first_reporting(a)
        if items[b]["file"] != fr:
            err(f"follow-through {a}->{b}: result not in first document reporting on {items[a]['period']} ({fr})")
        linked.add(a)
    seen = set()
    kinds = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
    for l in gold["carry_over"]:
        a, b, k = l["from"], l["to"], l["kind"]
        if (a, b) in seen:
            err(f"duplicate carry-over {a}->{b}")
        seen.add((a, b))
        if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
            err(f"carry-over {a}->{b}: not two tasks")
            continue
        if k not in kinds:
            err(f"carry-over {a}->{b}: kind {k}")
        if unit(a) != unit(b):
            err(f"carry-over {a}->{b} crosses units")
        if idx[items[b]["file"]] <= idx[items[a]["file"]] or items[b]["period"] <= items[a]["period"]:
            err(f"carry-over {a}->{b} does not go forward")
        linked.add(a)
    # split: a task split has >= 2 targets
    from collections import Counter
    sc = Counter(l["from"] for l in gold["carry_over"] if l["kind"] == "split")
    for a, n in sc.items():
        if n < 2:
            err(f"split {a} has a single target")

    expected_gaps = set()
    for i, it in items.items():
        if it["kind"] != "task":
            continue
        if first_reporting(i) is None:
            continue  # pending / right-censored
        if i not in linked:
            expected_gaps.add(i)
    gaps = gold["gaps"]
    if len(set(gaps)) != len(gaps):
        err("duplicate gap ids")
    for g in gaps:
        if g not in items or items[g]["kind"] != "task":
            err(f"gap {g} is not a task")
        elif first_reporting(g) is None:
            err(f"gap {g} is right-censored/pending")
    if set(gaps) != expected_gaps:
        err(f"gaps mismatch: missing {sorted(expected_gaps - set(gaps))}, extra {sorted(set(gaps) - expected_gaps)}")

    links = {(l["task"], l["result"]) for l in gold["follow_through"]} | {(l["from"], l["to"]) for l in gold["carry_over"]}
    for pair in gold.get("cross_unit_decoys", []):
        a, b = pair
        if a not in items or b not in items:
            err(f"decoy {pair}: unknown id")
            continue
        if unit(a) == unit(b):
            err(f"decoy {pair}: same unit")
        if (a, b) in links or (b, a) in links:
            err(f"decoy {pair} is linked")

    # completeness: every bullet of a results/tasks section is labelled
    for f in order:
        labelled = {items[i]["text"] for i in items if items[i]["file"] == f}
        sec = None
        for line in texts[f].split("\n"):
            st = line.strip()
            if not st:
                continue
            if st.startswith("Nơi nhận"):
                break
            if not st.startswith("- "):
                low = st.lower()
                if "hạn chế" in low:
                    sec = "lim"
                elif re.match(r"^([ivx]+|\d+(\.\d+)?)\.\s", low):
                    sec = "other"
                continue
            if sec == "lim":
                continue
            body = st[2:]
            if body not in labelled:
                err(f"{f}: unlabelled bullet: {body[:60]}")

    if len(gold["tasks"]) and len(gold["results"]):
        pass


if __name__ == "__main__":
    main()
    if errors:
        for e in errors:
            print("ERROR:", e)
        sys.exit(1)
    g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    print(f"documents {len(g['documents'])}, tasks {len(g['tasks'])}, results {len(g['results'])}, "
          f"follow-through {len(g['follow_through'])}, carry-over {len(g['carry_over'])}, gaps {len(g['gaps'])}")
    print("OK")
