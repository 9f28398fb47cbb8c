#!/usr/bin/env python3
"""Build the series of hand RD from the marked sources.

Reads _src/*.src, strips the hand marks {{ID|text}} (keeping the text), writes
../<name>.txt in NFC with \n line ends and no BOM, and writes ../gold.json.
Documents, result periods of the two-month notice and every link are typed by
hand in the tables below; nothing is inferred.
"""
import json
import os
import re
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
UNIT = "đặc khu Bạch Sa"
MARK = re.compile(r"\{\{([TR]\d\d-\d+)\|(.*?)\}\}")

# ---- documents (hand typed) -------------------------------------------------
DOCUMENTS = [
    ("bach-sa_2026-01.txt", ["2025-12"], "2026-01"),
    ("bach-sa_2026-02.txt", ["2026-01"], "2026-02"),
    ("bach-sa_2026-03.txt", ["2026-02"], "2026-03"),
    # no notice for April: the April briefing was not held
    ("bach-sa_2026-05.txt", ["2026-03", "2026-04"], "2026-05"),
    ("bach-sa_2026-06.txt", ["2026-05"], "2026-06"),
    ("bach-sa_2026-07.txt", ["2026-06"], "2026-07"),
]

# results of the two-month notice that report on April (the others report on March)
APRIL_RESULTS = {"R05-3", "R05-4", "R05-7", "R05-8", "R05-12", "R05-13", "R05-17", "R05-18"}

# ---- follow-through (task -> result, status), hand typed -------------------
FOLLOW_THROUGH = [
    # January tasks -> notice of 03/02 (reports January)
    ("T01-1", "R02-2", "partial"),
    ("T01-2", "R02-1", "done"),
    ("T01-3", "R02-4", "done"),
    ("T01-5", "R02-7", "partial"),
    ("T01-6", "R02-6", "partial"),
    ("T01-7", "R02-5", "done"),
    ("T01-8", "R02-9", "done"),
    ("T01-9", "R02-8", "done"),
    ("T01-10", "R02-11", "done"),
    ("T01-11", "R02-10", "done"),
    ("T01-12", "R02-12", "done"),
    ("T01-13", "R02-14", "partial"),
    ("T01-14", "R02-13", "partial"),
    ("T01-15", "R02-15", "done"),
    ("T01-15", "R02-16", "partial"),
    # February tasks -> notice of 03/3 (reports February)
    ("T02-1", "R03-1", "done"),
    ("T02-2", "R03-3", "done"),
    ("T02-3", "R03-2", "done"),
    ("T02-4", "R03-5", "done"),
    ("T02-5", "R03-7", "partial"),
    ("T02-6", "R03-6", "done"),
    ("T02-7", "R03-8", "partial"),
    ("T02-8", "R03-9", "done"),
    ("T02-9", "R03-10", "done"),
    ("T02-11", "R03-12", "done"),
    ("T02-12", "R03-11", "done"),
    ("T02-14", "R03-13", "done"),
    ("T02-15", "R03-14", "done"),
    ("T02-16", "R03-15", "done"),
    ("T02-17", "R03-16", "done"),
    ("T02-18", "R03-17", "done"),
    # March tasks -> notice of 05/5 (reports March and April; April skipped)
    ("T03-1", "R05-1", "done"),
    ("T03-2", "R05-2", "done"),
    ("T03-3", "R05-3", "done"),
    ("T03-4", "R05-6", "partial"),
    ("T03-4", "R05-7", "done"),
    ("T03-5", "R05-5", "partial"),
    ("T03-7", "R05-9", "done"),
    ("T03-9", "R05-11", "done"),
    ("T03-10", "R05-10", "done"),
    ("T03-11", "R05-12", "partial"),
    ("T03-12", "R05-13", "done"),
    ("T03-13", "R05-14", "done"),
    ("T03-14", "R05-17", "done"),
    ("T03-15", "R05-15", "partial"),
    ("T03-16", "R05-16", "partial"),
    # May tasks -> notice of 02/6 (reports May)
    ("T05-1", "R06-1", "partial"),
    ("T05-2", "R06-3", "done"),
    ("T05-3", "R06-4", "done"),
    ("T05-4", "R06-2", "done"),
    ("T05-5", "R06-6", "done"),
    ("T05-6", "R06-7", "partial"),
    ("T05-7", "R06-8", "done"),
    ("T05-8", "R06-9", "partial"),
    ("T05-9", "R06-10", "partial"),
    ("T05-11", "R06-11", "done"),
    ("T05-12", "R06-12", "done"),
    ("T05-13", "R06-13", "done"),
    ("T05-14", "R06-14", "done"),
    ("T05-15", "R06-15", "done"),
    ("T05-16", "R06-16", "done"),
    # June tasks -> notice of 03/7 (reports June)
    ("T06-1", "R07-2", "done"),
    ("T06-2", "R07-1", "done"),
    ("T06-3", "R07-3", "partial"),
    ("T06-4", "R07-4", "done"),
    ("T06-5", "R07-6", "partial"),
    ("T06-6", "R07-5", "done"),
    ("T06-7", "R07-7", "done"),
    ("T06-9", "R07-8", "done"),
    ("T06-9", "R07-9", "done"),
    ("T06-10", "R07-10", "done"),
    ("T06-11", "R07-11", "partial"),
    ("T06-12", "R07-12", "done"),
    ("T06-13", "R07-14", "done"),
    ("T06-14", "R07-15", "partial"),
    ("T06-15", "R07-16", "done"),
]

# ---- carry-over (task -> same task planned again, kind), hand typed ---------
CARRY_OVER = [
    ("T01-1", "T02-1", "routine"),
    ("T01-2", "T02-2", "routine"),
    ("T01-5", "T02-4", "split"),
    ("T01-5", "T02-5", "split"),
    ("T01-6", "T02-6", "unfinished_reworded"),
    ("T01-8", "T02-8", "next_step"),
    ("T01-9", "T02-9", "next_step"),
    ("T01-10", "T02-11", "next_step"),
    ("T01-13", "T02-14", "unfinished_reworded"),
    ("T01-14", "T02-16", "unfinished_reworded"),
    ("T01-15", "T02-18", "routine"),

    ("T02-1", "T03-1", "routine"),
    ("T02-2", "T03-2", "routine"),
    ("T02-4", "T03-4", "next_step"),
    ("T02-5", "T03-4", "unfinished_reworded"),
    ("T02-7", "T03-6", "unfinished_reworded"),
    ("T02-11", "T03-9", "next_step"),
    ("T02-13", "T03-12", "unfinished"),
    ("T02-18", "T03-16", "routine"),

    ("T03-1", "T05-1", "routine"),
    ("T03-2", "T05-2", "routine"),
    ("T03-4", "T05-5", "unfinished_reworded"),
    ("T03-4", "T05-6", "next_step"),
    ("T03-5", "T05-7", "unfinished_reworded"),
    ("T03-11", "T05-12", "unfinished_reworded"),
    ("T03-15", "T05-14", "unfinished_reworded"),
    ("T03-16", "T05-15", "routine"),

    ("T05-1", "T06-1", "routine"),
    ("T05-1", "T06-2", "unfinished_reworded"),
    ("T05-2", "T06-4", "routine"),
    ("T05-6", "T06-5", "unfinished_reworded"),
    ("T05-8", "T06-6", "unfinished_reworded"),
    ("T05-9", "T06-9", "unfinished_reworded"),
    ("T05-15", "T06-13", "routine"),

    ("T06-1", "T07-1", "routine"),
    ("T06-3", "T07-3", "routine"),
    ("T06-4", "T07-2", "routine"),
    ("T06-5", "T07-4", "unfinished_reworded"),
    ("T06-7", "T07-5", "next_step"),
    ("T06-11", "T07-8", "unfinished_reworded"),
    ("T06-12", "T07-10", "routine"),
    ("T06-13", "T07-12", "routine"),
    ("T06-14", "T07-11", "unfinished_reworded"),
]

# ---- gaps: tasks of a non-last notice with neither link, hand typed ---------
GAPS = ["T01-4", "T02-10", "T03-6", "T03-8", "T05-10", "T06-8"]

# one unit only: no cross-unit decoys
CROSS_UNIT_DECOYS = []


def main():
    docs, tasks, results = [], [], []
    for fname, reported, planned in DOCUMENTS:
        src = os.path.join(HERE, fname[:-4] + ".src")
        with open(src, encoding="utf-8") as f:
            raw = f.read()
        raw = unicodedata.normalize("NFC", raw.replace("\r\n", "\n"))
        text = MARK.sub(lambda m: m.group(2), raw)
        assert "{{" not in text and "}}" not in text, fname
        with open(os.path.join(OUT, fname), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        docs.append({"file": fname, "unit": UNIT, "reported_months": reported,
                     "planned_period": planned})
        for m in MARK.finditer(raw):
            iid, itext = m.group(1), m.group(2)
            if iid.startswith("T"):
                tasks.append({"id": iid, "file": fname, "period": planned, "text": itext})
            else:
                if len(reported) == 1:
                    period = reported[0]
                else:
                    period = "2026-04" if iid in APRIL_RESULTS else "2026-03"
                results.append({"id": iid, "file": fname, "period": period, "text": itext})
    gold = {
        "documents": docs,
        "tasks": tasks,
        "results": results,
        "follow_through": [{"task": t, "result": r, "status": s} for t, r, s in FOLLOW_THROUGH],
        "carry_over": [{"from": a, "to": b, "kind": k} for a, b, k in CARRY_OVER],
        "gaps": GAPS,
        "cross_unit_decoys": CROSS_UNIT_DECOYS,
    }
    with open(os.path.join(OUT, "gold.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"built {len(docs)} documents, {len(tasks)} tasks, {len(results)} results, "
          f"{len(FOLLOW_THROUGH)} follow-through, {len(CARRY_OVER)} carry-over, {len(GAPS)} gaps")


if __name__ == "__main__":
    main()
