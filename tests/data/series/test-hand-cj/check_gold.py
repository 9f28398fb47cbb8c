#!/usr/bin/env python3
"""Check gold.json of this folder against its documents; prints OK when all checks pass.

Checks: the form; file names; UTF-8 (no BOM), NFC, \\n line ends; every text an exact unique
substring of its file, no overlaps; every bullet of the results section ("I. KẾT QUẢ ...") and of
the tasks section ("III. PHƯƠNG HƯỚNG ...") labelled by exactly one item of the right kind, and
every item inside its section (headings and lead-ins skipped, one sentence per bullet);
task/result counts per document; periods agree with the documents; links within one unit and
forward in time; allowed statuses and kinds; gaps exactly the unlinked tasks of non-last
documents of each unit; decoys never linked.
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
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)

    # ---------------------------------------------------------------- form
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(gold.get(k), t):
            err(f"gold.{k} missing or not a {t.__name__}")
    if "cross_unit_decoys" in gold and not isinstance(gold["cross_unit_decoys"], list):
        err("gold.cross_unit_decoys not a list")
    if errors:
        return
    for d in gold["documents"]:
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d:
                err(f"document {d} lacks {k}")
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            for k in ("id", "file", "period", "text"):
                if not isinstance(it.get(k), str) or not it.get(k):
                    err(f"{kind} item {it.get('id')} lacks {k}")
    if errors:
        return

    month = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
    docs = {}
    for d in gold["documents"]:
        fn = d["file"]
        if fn in docs:
            err(f"{fn}: listed twice")
        docs[fn] = d
        m = re.fullmatch(r"([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt", fn)
        if not m:
            err(f"{fn}: bad file name")
        elif m.group(2) != d["planned_period"]:
            err(f"{fn}: name month != planned_period {d['planned_period']}")
        if not month.match(d["planned_period"]):
            err(f"{fn}: bad planned_period")
        if not isinstance(d["reported_months"], list):
            err(f"{fn}: reported_months not a list")
            continue
        for rm in d["reported_months"]:
            if not month.match(rm):
                err(f"{fn}: bad reported month {rm}")
            elif rm >= d["planned_period"]:
                err(f"{fn}: reported month {rm} not before planned {d['planned_period']}")

    # ---------------------------------------------------------------- files
    texts = {}
    for fn in docs:
        p = os.path.join(HERE, fn)
        if not os.path.isfile(p):
            err(f"{fn}: missing")
            continue
        raw = open(p, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fn}: BOM")
        if b"\r" in raw:
            err(f"{fn}: CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{fn}: not UTF-8 ({e})")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{fn}: not NFC")
        texts[fn] = t
    on_disk = {x for x in os.listdir(HERE) if x.endswith(".txt")}
    for x in sorted(on_disk - set(docs)):
        err(f"{x}: .txt file not listed in documents")

    # ---------------------------------------------------------------- items
    items = {}
    spans = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            iid = it["id"]
            if iid in items:
                err(f"{iid}: duplicate id")
            items[iid] = dict(it, kind=kind)
            fn = it["file"]
            if fn not in docs:
                err(f"{iid}: unknown file {fn}")
                continue
            if fn not in texts:
                continue
            t, s = texts[fn], it["text"]
            if unicodedata.normalize("NFC", s) != s:
                err(f"{iid}: text not NFC")
            n = t.count(s)
            if n != 1:
                err(f"{iid}: text occurs {n} times in {fn}")
                continue
            a = t.index(s)
            spans.setdefault(fn, []).append((a, a + len(s), iid))
            d = docs[fn]
            if kind == "tasks" and it["period"] != d["planned_period"]:
                err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
            if kind == "results" and it["period"] not in d["reported_months"]:
                err(f"{iid}: period {it['period']} not reported by {fn}")
    for fn, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                err(f"{fn}: {i1} overlaps {i2}")

    # ---------------------------------------------------------------- sections fully labelled
    heading = re.compile(r"^(\d+\.|[a-zđ]\))\s")
    sent_split = re.compile(r"(?<=[.!?…])\s+(?=[^\s])")
    for fn, t in texts.items():
        by_text = {}
        for iid, it in items.items():
            if it["file"] == fn:
                by_text.setdefault(it["text"], []).append(iid)
        lines = t.split("\n")
        offs, o = [], 0
        for ln in lines:
            offs.append(o)
            o += len(ln) + 1

        def section(start_re, end_re):
            s = e = None
            for i, ln in enumerate(lines):
                if s is None and re.match(start_re, ln):
                    s = i
                elif s is not None and re.match(end_re, ln):
                    e = i
                    break
            return s, e

        sections = {"results": section(r"^I\. KẾT QUẢ", r"^II\. "),
                    "tasks": section(r"^III\. PHƯƠNG HƯỚNG", r"^IV\. ")}
        seen = set()
        for kind, (s, e) in sections.items():
            if s is None or e is None:
                if kind == "results" and not docs[fn]["reported_months"]:
                    continue
                err(f"{fn}: {kind} section not found")
                continue
            lo, hi = offs[s], offs[e]
            for i in range(s + 1, e):
                ln = lines[i].strip()
                if not ln or heading.match(ln):
                    continue
                if ln.startswith("- "):
                    body = ln[2:]
                    ids = by_text.get(body, [])
                    if len(ids) != 1:
                        err(f"{fn}:{i + 1}: bullet not labelled by exactly one item: {body[:60]}")
                        continue
                    iid = ids[0]
                    if items[iid]["kind"] != kind:
                        err(f"{fn}:{i + 1}: {iid} is a {items[iid]['kind'][:-1]} in the {kind} section")
                    if len(sent_split.split(body)) != 1:
                        err(f"{fn}:{i + 1}: {iid} holds more than one sentence")
                    seen.add(iid)
                elif ln.endswith(":"):
                    continue  # lead-in
                else:
                    err(f"{fn}:{i + 1}: unlabelled line in {kind} section: {ln[:60]}")
            for a, b, iid in spans.get(fn, []):
                if items[iid]["kind"] == kind and not (lo <= a and b <= hi):
                    err(f"{iid}: outside the {kind} section of {fn}")
        for iid, it in items.items():
            if it["file"] == fn and iid not in seen:
                err(f"{iid}: not a whole bullet of its section")

    # ---------------------------------------------------------------- counts
    for fn, d in docs.items():
        nt = sum(1 for it in gold["tasks"] if it["file"] == fn)
        nr = sum(1 for it in gold["results"] if it["file"] == fn)
        if not 10 <= nt <= 18:
            err(f"{fn}: {nt} tasks (need 10-18)")
        if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
            err(f"{fn}: {nr} results (need 10-18)")

    # ---------------------------------------------------------------- links
    def unit(iid):
        return docs[items[iid]["file"]]["unit"]

    def planned(iid):
        return docs[items[iid]["file"]]["planned_period"]

    ft_pairs, co_pairs = set(), set()
    linked = set()
    for l in gold["follow_through"]:
        t, r, s = l.get("task"), l.get("result"), l.get("status")
        if t not in items or items[t]["kind"] != "tasks":
            err(f"follow_through: {t} is not a task")
            continue
        if r not in items or items[r]["kind"] != "results":
            err(f"follow_through: {r} is not a result")
            continue
        if s not in ("done", "partial"):
            err(f"follow_through {t}->{r}: status {s}")
        if unit(t) != unit(r):
            err(f"follow_through {t}->{r}: across units")
        if not planned(t) < planned(r):
            err(f"follow_through {t}->{r}: result document not later")
        if items[r]["period"] < items[t]["period"]:
            err(f"follow_through {t}->{r}: result period before task period")
        if (t, r) in ft_pairs:
            err(f"follow_through {t}->{r}: duplicate")
        ft_pairs.add((t, r))
        linked.add(t)
    kinds = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
    for l in gold["carry_over"]:
        a, b, k = l.get("from"), l.get("to"), l.get("kind")
        if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks":
            err(f"carry_over {a}->{b}: not two tasks")
            continue
        if k not in kinds:
            err(f"carry_over {a}->{b}: kind {k}")
        if unit(a) != unit(b):
            err(f"carry_over {a}->{b}: across units")
        if not planned(a) < planned(b):
            err(f"carry_over {a}->{b}: not forward in time")
        if (a, b) in co_pairs:
            err(f"carry_over {a}->{b}: duplicate")
        co_pairs.add((a, b))
        linked.add(a)

    last = {}
    for fn, d in docs.items():
        u = d["unit"]
        if u not in last or d["planned_period"] > docs[last[u]]["planned_period"]:
            last[u] = fn
    expected = {it["id"] for it in gold["tasks"]
                if it["file"] != last[docs[it["file"]]["unit"]] and it["id"] not in linked}
    gaps = gold["gaps"]
    if len(set(gaps)) != len(gaps):
        err("gaps: duplicates")
    for g in sorted(set(gaps) - expected):
        err(f"gaps: {g} is linked, unknown or in a unit's last document")
    for g in sorted(expected - set(gaps)):
        err(f"gaps: {g} has no link but is not listed")

    for pair in gold.get("cross_unit_decoys", []):
        if not (isinstance(pair, list) and len(pair) == 2 and all(x in items for x in pair)):
            err(f"decoy {pair}: not two known ids")
            continue
        x, y = pair
        if unit(x) == unit(y):
            err(f"decoy {pair}: same unit")
        for p in ((x, y), (y, x)):
            if p in ft_pairs or p in co_pairs:
                err(f"decoy {pair}: linked")


if __name__ == "__main__":
    main()
    if errors:
        for e in errors:
            print("ERROR:", e)
        sys.exit(1)
    print("OK")
