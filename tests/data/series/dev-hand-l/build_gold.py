#!/usr/bin/env python3
"""Builds gold.json for series hand-l (xã Suối Thầu Cao).

Items: every sentence of section "1. Đánh giá chung" is a result; every list item of the
task section ("3. Nhiệm vụ trọng tâm ...", or the list after "... các nhiệm vụ sau:" in the
extraordinary notice) is a task; sub-headings, lead-ins and the closing assignment are not.
Ids: R<d>-<nn> / T<d>-<nn>, d = position of the document in chronological order (1..7).
All links below were decided by hand by the author.
"""
import json, re, unicodedata, os
HERE = os.path.dirname(os.path.abspath(__file__))
UNIT = "xã Suối Thầu Cao"
DOCS = [  # file, number, date, reported_months, planned_period, issuer
 ("suoithaucao_2026-05.txt",      "96-TB/ĐU",  "2026-05-29", ["2026-05"], "2026-06", "Thường trực Đảng ủy"),
 ("suoithaucao_2026-06.txt",      "104-TB/ĐU", "2026-06-30", ["2026-06"], "2026-07", "Thường trực Đảng ủy"),
 ("suoithaucao_2026-08-gb07.txt", "112-TB/ĐU", "2026-08-06", ["2026-07"], "2026-08", "Thường trực Đảng ủy"),
 ("suoithaucao_2026-08.txt",      "121-TB/ĐU", "2026-08-31", ["2026-08"], "2026-09", "Ban Thường vụ Đảng ủy"),
 ("suoithaucao_2026-09-bt.txt",   "126-TB/ĐU", "2026-09-14", [],          "2026-09", "Thường trực Đảng ủy"),
 ("suoithaucao_2026-09.txt",      "",          "2026-09",    ["2026-09"], "2026-10", "Thường trực Đảng ủy"),
 ("suoithaucao_2026-10.txt",      "139-TB/ĐU", "2026-10-30", ["2026-10"], "2026-11", "Thường trực Đảng ủy"),
]
MARK = re.compile(r'^(?:\d+\.\d+\.|\d+\.|[a-zđ]\)|-|\+)\s+')

def items(path):
    txt = unicodedata.normalize("NFC", open(path, encoding="utf-8").read())
    res, tasks, mode = [], [], None
    for ln in txt.split("\n"):
        s = ln.strip()
        if s.startswith("1. Đánh giá chung"): mode = "R"; continue
        if s.startswith("2. Một số tồn tại"): mode = None; continue
        if s.startswith("3. Nhiệm vụ") or s.endswith("nhiệm vụ sau:"): mode = "T"; continue
        if mode == "T" and (s.startswith("Thường trực Đảng ủy giao") or s.startswith("Ban Thường vụ Đảng ủy giao")):
            mode = None; continue
        if not s: continue
        if mode == "R":
            res += re.split(r'(?<=\.)\s+(?=[A-ZÀ-ỸĐ0-9"])', s)
        elif mode == "T":
            m = MARK.match(s)
            if m and s.endswith("."):
                tasks.append(s[m.end():])
    return res, tasks

# ---- hand-made links -------------------------------------------------------
FT = [  # task, result, status
 # notice 1 (plans 2026-06) -> notice 2
 ("T1-01","R2-07","partial"), ("T1-02","R2-01","partial"), ("T1-03","R2-05","partial"),
 ("T1-04","R2-06","partial"), ("T1-05","R2-11","partial"), ("T1-06","R2-12","done"),
 ("T1-07","R2-09","done"),    ("T1-08","R2-10","partial"), ("T1-09","R2-03","partial"),
 ("T1-11","R2-08","done"),    ("T1-12","R2-02","done"),
 # notice 2 (plans 2026-07) -> notice 3 (late, issued 06/8)
 ("T2-01","R3-01","done"), ("T2-02","R3-03","done"), ("T2-03","R3-03","done"),
 ("T2-04","R3-04","done"), ("T2-05","R3-05","done"), ("T2-06","R3-11","not_done"),
 ("T2-08","R3-02","done"), ("T2-09","R3-09","done"), ("T2-10","R3-08","done"),
 ("T2-11","R3-06","partial"),
 # notice 3 (plans 2026-08) -> notice 4
 ("T3-01","R4-01","partial"), ("T3-02","R4-02","done"), ("T3-03","R4-03","partial"),
 ("T3-04","R4-04","partial"), ("T3-05","R4-05","done"), ("T3-06","R4-06","partial"),
 ("T3-07","R4-07","not_done"), ("T3-08","R4-08","not_done"), ("T3-09","R4-09","done"),
 ("T3-10","R4-11","done"), ("T3-11","R4-12","not_done"),
 # notice 4 (plans 2026-09) -> notice 6 (notice 5 reports no month)
 ("T4-01","R6-07","done"), ("T4-02","R6-06","done"), ("T4-03","R6-12","partial"),
 ("T4-04","R6-08","done"), ("T4-05","R6-09","partial"), ("T4-06","R6-10","partial"),
 ("T4-07","R6-11","partial"), ("T4-08","R6-11","partial"), ("T4-10","R6-13","done"),
 ("T4-11","R6-12","not_done"), ("T4-12","R6-02","done"),
 # notice 5, extraordinary (plans 2026-09) -> notice 6
 ("T5-01","R6-01","done"), ("T5-02","R6-02","done"), ("T5-03","R6-03","done"),
 ("T5-04","R6-03","done"), ("T5-05","R6-04","done"), ("T5-07","R6-05","partial"),
 ("T5-08","R6-06","done"),
 # notice 6 (plans 2026-10) -> notice 7
 ("T6-01","R7-01","done"), ("T6-02","R7-02","partial"), ("T6-03","R7-03","partial"),
 ("T6-04","R7-04","partial"), ("T6-05","R7-05","done"), ("T6-06","R7-06","partial"),
 ("T6-07","R7-07","partial"), ("T6-08","R7-08","partial"), ("T6-09","R7-09","done"),
 ("T6-10","R7-10","done"), ("T6-12","R7-11","done"),
]
CO = [  # from, to, kind
 ("T1-01","T2-02","unfinished_reworded"), ("T1-01","T2-03","next_step"),
 ("T1-02","T2-01","next_step"), ("T1-03","T2-05","unfinished_reworded"),
 ("T1-04","T2-04","unfinished_reworded"), ("T1-06","T2-09","routine"),
 ("T1-07","T2-10","next_step"), ("T1-08","T2-06","unfinished_reworded"),
 ("T1-09","T2-07","unfinished_reworded"),
 ("T2-03","T3-04","next_step"), ("T2-11","T3-05","unfinished_reworded"),
 ("T2-09","T3-10","routine"),
 ("T3-01","T4-01","unfinished_reworded"), ("T3-06","T4-02","unfinished_reworded"),
 ("T3-04","T4-05","next_step"), ("T3-05","T4-06","next_step"),
 ("T3-07","T4-07","unfinished_reworded"), ("T3-10","T4-10","routine"),
 ("T3-11","T4-11","unfinished_reworded"),
 ("T4-03","T6-01","unfinished_reworded"), ("T4-05","T6-04","unfinished_reworded"),
 ("T4-06","T6-05","unfinished_reworded"), ("T4-07","T6-06","unfinished_reworded"),
 ("T4-08","T6-07","unfinished_reworded"), ("T4-10","T6-09","routine"),
 ("T5-03","T6-03","next_step"), ("T5-07","T6-02","next_step"),
 ("T6-10","T7-01","next_step"), ("T6-02","T7-04","unfinished_reworded"),
 ("T6-03","T7-05","split"), ("T6-03","T7-06","split"),
 ("T6-04","T7-07","unfinished_reworded"), ("T6-06","T7-08","unfinished_reworded"),
 ("T6-07","T7-09","unfinished_reworded"), ("T6-08","T7-10","unfinished_reworded"),
 ("T6-09","T7-11","routine"),
]
GAPS = ["T1-10", "T2-07", "T2-12", "T3-12", "T4-09", "T5-06", "T6-11"]

def main():
    gold = {"documents": [], "tasks": [], "results": [], "follow_through": [], "carry_over": [], "gaps": GAPS}
    for d, (f, num, date, rep, plan, issuer) in enumerate(DOCS, 1):
        gold["documents"].append({"file": f, "unit": UNIT, "number": num or None, "date": date,
                                  "issuer": issuer, "reported_months": rep, "planned_period": plan})
        res, tasks = items(os.path.join(HERE, f))
        for k, r in enumerate(res, 1):
            gold["results"].append({"id": f"R{d}-{k:02d}", "file": f, "period": rep[0], "text": r})
        for k, t in enumerate(tasks, 1):
            gold["tasks"].append({"id": f"T{d}-{k:02d}", "file": f, "period": plan, "text": t})
    gold["follow_through"] = [{"task": t, "result": r, "status": s} for t, r, s in FT]
    gold["carry_over"] = [{"from": a, "to": b, "kind": k} for a, b, k in CO]
    json.dump(gold, open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    print(len(gold["documents"]), "documents,", len(gold["tasks"]), "tasks,", len(gold["results"]), "results")

if __name__ == "__main__":
    main()
