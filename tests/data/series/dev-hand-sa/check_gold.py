#!/usr/bin/env python3
"""Check gold.json of the hand-SA series against its documents. Prints OK or the problems.

Checks: the form; file names; UTF-8, NFC, no BOM, \n line ends; every text an exact unique
substring of its file and no two items overlapping; every bullet / sentence of the results
section (PHẦN MỘT) and the tasks section (PHẦN BA) labelled, headings and lead-ins (lines ending
in ':') skipped; task and result counts per document; periods agree with the documents
(file name, section headings, 'Tháng Tư:' / 'Tháng Năm:' sub-parts); links within one unit and
forward in time (a follow-through lands in the first document reporting the task's month);
allowed statuses and kinds; gaps exactly the unlinked tasks of non-last documents; decoys
(gold.json cross_unit_decoys and in_unit_decoys.json) never linked.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME = re.compile(r"^[a-z0-9-]+_(\d{4})-(\d{2})\.txt$")
MONTH_WORDS = {"Một": 1, "Giêng": 1, "Hai": 2, "Ba": 3, "Tư": 4, "Năm": 5, "Sáu": 6,
               "Bảy": 7, "Tám": 8, "Chín": 9, "Mười": 10, "Mười Một": 11, "Mười Hai": 12}
BULLET = re.compile(r"^(?:\+ |– |- |Việc \d+ – )")
CLOSING = ("Trên đây",)

problems = []


def bad(msg):
    problems.append(msg)


def split_sentences(line):
    out, start = [], 0
    for i in range(1, len(line) - 1):
        if line[i] == " " and line[i - 1] in ".!?" and line[i + 1].isupper():
            out.append(line[start:i].strip())
            start = i + 1
    out.append(line[start:].strip())
    return [s for s in out if s]


def parse_sections(text):
    """Return (result_units, task_units, results_months, tasks_month).
    result_units: list of (unit_text, sub_month or None); task_units: list of unit_text."""
    lines = text.split("\n")
    state = None
    res, tsk = [], []
    res_head = tsk_head = None
    cur_month = None
    for ln in lines:
        s = ln.strip()
        if s.startswith("PHẦN MỘT"):
            state, res_head = "R", s
            continue
        if s.startswith("PHẦN HAI"):
            state = None
            continue
        if s.startswith("PHẦN BA"):
            state, tsk_head = "T", s
            continue
        if state == "T" and s.startswith(CLOSING):
            state = None
            continue
        if state is None or not s:
            continue
        if s.endswith(":"):
            m = re.match(r"^Tháng (.+):$", s)
            if m and state == "R":
                if m.group(1) not in MONTH_WORDS:
                    bad(f"unknown month sub-heading {s!r}")
                cur_month = MONTH_WORDS.get(m.group(1))
            continue
        m = BULLET.match(s)
        units = [s[m.end():].strip()] if m else split_sentences(s)
        for u in units:
            if state == "R":
                res.append((u, cur_month))
            else:
                tsk.append(u)
    return res, tsk, res_head, tsk_head


def months_of(heading):
    if heading is None:
        return None
    yr = re.findall(r"/(\d{4})", heading)
    mons = re.findall(r"THÁNG (\d{1,2})", heading)
    if len(yr) != 1 or not mons:
        return None
    return [f"{yr[0]}-{int(x):02d}" for x in mons]


def main():
    gp = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(gp, encoding="utf-8"))
    except Exception as e:  # noqa
        print("FAIL: cannot read gold.json:", e)
        return 1

    # ---- form
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)]:
        if not isinstance(gold.get(key), typ):
            bad(f"form: {key} missing or not a {typ.__name__}")
    if problems:
        print("\n".join(problems))
        return 1
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list) or any(not (isinstance(p, list) and len(p) == 2) for p in decoys):
        bad("form: cross_unit_decoys must be a list of pairs")
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            bad(f"form: document fields {sorted(d)}")
    for key in ("tasks", "results"):
        for it in gold[key]:
            if set(it) != {"id", "file", "period", "text"} or not all(isinstance(it[k], str) for k in it):
                bad(f"form: {key} item {it}")
    for f in gold["follow_through"]:
        if set(f) != {"task", "result", "status"}:
            bad(f"form: follow_through {f}")
    for c in gold["carry_over"]:
        if set(c) != {"from", "to", "kind"}:
            bad(f"form: carry_over {c}")
    if problems:
        print("\n".join(problems))
        return 1

    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        bad("duplicate document")
    tasks = {t["id"]: t for t in gold["tasks"]}
    results = {r["id"]: r for r in gold["results"]}
    if len(tasks) != len(gold["tasks"]) or len(results) != len(gold["results"]) or set(tasks) & set(results):
        bad("duplicate ids")

    # ---- file names, encoding, periods of documents
    txts = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != txts:
        bad(f"documents {sorted(docs)} != .txt files {txts}")
    texts = {}
    for fn, d in docs.items():
        m = NAME.match(fn)
        if not m:
            bad(f"bad file name {fn}")
            continue
        if d["planned_period"] != f"{m.group(1)}-{m.group(2)}":
            bad(f"{fn}: planned_period {d['planned_period']} disagrees with the name")
        raw = open(os.path.join(HERE, fn), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            bad(f"{fn}: BOM")
        if b"\r" in raw:
            bad(f"{fn}: CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            bad(f"{fn}: not UTF-8")
            continue
        if unicodedata.normalize("NFC", t) != t:
            bad(f"{fn}: not NFC")
        texts[fn] = t
        rm = sorted(d["reported_months"])
        if rm != d["reported_months"] or not all(x < d["planned_period"] for x in rm):
            bad(f"{fn}: reported months not sorted or not before the planned period")

    # ---- items: exact unique substrings, no overlap, periods
    spans = {fn: [] for fn in texts}
    for kind, coll in (("task", tasks), ("result", results)):
        for iid, it in coll.items():
            fn = it["file"]
            if fn not in texts:
                bad(f"{iid}: unknown file {fn}")
                continue
            t, s = texts[fn], it["text"]
            if not s.strip() or s != s.strip():
                bad(f"{iid}: empty or padded text")
            n = t.count(s)
            if n != 1:
                bad(f"{iid}: text occurs {n} times in {fn}")
                continue
            a = t.find(s)
            spans[fn].append((a, a + len(s), iid))
            d = docs[fn]
            if kind == "task" and it["period"] != d["planned_period"]:
                bad(f"{iid}: period {it['period']} != planned {d['planned_period']}")
            if kind == "result" and it["period"] not in d["reported_months"]:
                bad(f"{iid}: period {it['period']} not reported in {fn}")
    for fn, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                bad(f"{fn}: {i1} overlaps {i2}")

    # ---- every bullet / sentence of results and tasks labelled; headings agree with periods
    for fn, t in texts.items():
        d = docs[fn]
        res_units, tsk_units, rh, th = parse_sections(t)
        if months_of(rh) != d["reported_months"] and not (not res_units and d["reported_months"] == []):
            bad(f"{fn}: results heading {rh!r} disagrees with reported_months {d['reported_months']}")
        if months_of(th) != [d["planned_period"]]:
            bad(f"{fn}: tasks heading {th!r} disagrees with planned_period")
        my_t = {x["text"]: x for x in tasks.values() if x["file"] == fn}
        my_r = {x["text"]: x for x in results.values() if x["file"] == fn}
        seen_t, seen_r = [], []
        for u in tsk_units:
            if u not in my_t:
                bad(f"{fn}: unlabelled task unit {u[:70]!r}")
            seen_t.append(u)
        for u, mon in res_units:
            if u not in my_r:
                bad(f"{fn}: unlabelled result unit {u[:70]!r}")
                continue
            seen_r.append(u)
            per = my_r[u]["period"]
            if mon is not None and per != f"{per[:4]}-{mon:02d}":
                bad(f"{fn}: {my_r[u]['id']} period {per} but sits under month {mon}")
            if mon is None and len(d["reported_months"]) != 1:
                bad(f"{fn}: {my_r[u]['id']} outside a month sub-part of a multi-month report")
        if sorted(seen_t) != sorted(my_t) or len(set(seen_t)) != len(seen_t):
            bad(f"{fn}: labelled tasks are not exactly the units of the tasks section")
        if sorted(seen_r) != sorted(my_r) or len(set(seen_r)) != len(seen_r):
            bad(f"{fn}: labelled results are not exactly the units of the results section")
        nt, nr = len(my_t), len(my_r)
        if not 10 <= nt <= 18:
            bad(f"{fn}: {nt} tasks")
        if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
            bad(f"{fn}: {nr} results")

    # ---- links
    def doc_of(iid):
        it = tasks.get(iid) or results.get(iid)
        return docs.get(it["file"]) if it else None

    unit_docs = {}
    for d in gold["documents"]:
        unit_docs.setdefault(d["unit"], []).append(d)
    for u in unit_docs:
        unit_docs[u].sort(key=lambda d: d["planned_period"])

    ft_pairs, co_pairs = set(), set()
    for f in gold["follow_through"]:
        t, r = tasks.get(f["task"]), results.get(f["result"])
        if not t or not r:
            bad(f"follow_through: unknown id {f}")
            continue
        if f["status"] not in STATUSES:
            bad(f"follow_through: status {f['status']}")
        dt, dr = docs[t["file"]], docs[r["file"]]
        if dt["unit"] != dr["unit"]:
            bad(f"follow_through across units {f}")
        if not dr["planned_period"] > dt["planned_period"] or r["period"] < t["period"]:
            bad(f"follow_through not forward {f}")
        first = next((d for d in unit_docs[dt["unit"]] if t["period"] in d["reported_months"]), None)
        if first is None or first["file"] != r["file"]:
            bad(f"follow_through {f}: not in the first document reporting {t['period']}")
        if (f["task"], f["result"]) in ft_pairs:
            bad(f"follow_through duplicate {f}")
        ft_pairs.add((f["task"], f["result"]))
    for c in gold["carry_over"]:
        a, b = tasks.get(c["from"]), tasks.get(c["to"])
        if not a or not b:
            bad(f"carry_over: unknown id {c}")
            continue
        if c["kind"] not in KINDS:
            bad(f"carry_over: kind {c['kind']}")
        da, db = docs[a["file"]], docs[b["file"]]
        if da["unit"] != db["unit"]:
            bad(f"carry_over across units {c}")
        if not b["period"] > a["period"]:
            bad(f"carry_over not forward {c}")
        if (c["from"], c["to"]) in co_pairs:
            bad(f"carry_over duplicate {c}")
        co_pairs.add((c["from"], c["to"]))

    # ---- gaps
    linked = {a for a, _ in ft_pairs} | {a for a, _ in co_pairs}
    last = {u: ds[-1]["file"] for u, ds in unit_docs.items()}
    expect = sorted((i for i, t in tasks.items()
                     if t["file"] != last[docs[t["file"]]["unit"]] and i not in linked),
                    key=lambda i: (tasks[i]["file"], int(i.split("-")[1])))
    got = gold["gaps"]
    if len(set(got)) != len(got) or set(got) != set(expect):
        bad(f"gaps {sorted(got)} != unlinked tasks of non-last documents {expect}")

    # ---- decoys
    all_decoys = [("cross", p) for p in decoys]
    dp = os.path.join(HERE, "in_unit_decoys.json")
    if os.path.exists(dp):
        all_decoys += [("in-unit", p) for p in json.load(open(dp, encoding="utf-8"))]
    for tag, (x, y) in all_decoys:
        if x not in tasks and x not in results or y not in tasks and y not in results:
            bad(f"{tag} decoy with unknown id {x, y}")
            continue
        ux, uy = doc_of(x)["unit"], doc_of(y)["unit"]
        if tag == "cross" and ux == uy:
            bad(f"cross-unit decoy within one unit {x, y}")
        for p in ((x, y), (y, x)):
            if p in ft_pairs or p in co_pairs:
                bad(f"{tag} decoy {x, y} is linked")

    if problems:
        print("\n".join(problems))
        print(f"FAIL ({len(problems)} problems)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
