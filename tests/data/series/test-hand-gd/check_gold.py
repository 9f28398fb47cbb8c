#!/usr/bin/env python3
"""Check gold.json of the hand-gd series against its documents.

Checks: the form of gold.json; file names; UTF-8 (no BOM), NFC, \\n line ends;
every item text an exact unique substring of its file, items not overlapping;
every bullet/sentence of the results and tasks sections labelled (headings and
lead-ins skipped) and nothing labelled outside them; task/result counts per
document; periods agree with the documents' headings; links within one unit and
forward in time; allowed statuses and kinds; gaps exactly the unlinked tasks of
non-last documents; decoys never linked.  Prints OK or the list of problems."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


FNAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
ID = re.compile(r"^[TR]\d\d-\d+$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}

RES_HEAD = re.compile(r"^I\.\s+KẾT QUẢ")
LIM_HEAD = re.compile(r"^II\.\s")
TASK_HEAD = re.compile(r"^III\.\s+(PHƯƠNG HƯỚNG|NHIỆM VỤ)")
TASK_END = re.compile(r"^(IV\.\s|Giao\s|Trên đây)")
HEADING = re.compile(r"^(?:[IVX]+|[A-Z]|\d+)\.\s+\S")
SUBPERIOD = re.compile(r"^[A-Z]\.\s+Tháng\s+(\d{1,2})\s+năm\s+(\d{4})$")
BULLET = re.compile(r"^(?:-|\+|•|\(\d+\)|\d+\))\s+")


def months_of(heading):
    """'tháng 3 và tháng 4 năm 2026' -> ['2026-03', '2026-04']; every month
    takes the year written after it."""
    out, pending = [], []
    for kind, num in re.findall(r"(THÁNG|NĂM)\s+(\d{1,4})", heading.upper()):
        if kind == "THÁNG":
            pending.append(int(num))
        else:
            out += [f"{num}-{m:02d}" for m in pending]
            pending = []
    if pending or not out:
        return None
    return out


def sentences(line, start):
    """Split a prose line into sentences: (start, end) spans, end exclusive."""
    spans, s = [], 0
    for m in re.finditer(r"[.!?]\s+", line):
        nxt = line[m.end():m.end() + 1]
        if nxt and nxt.isupper():
            spans.append((start + s, start + m.start() + 1))
            s = m.end()
    tail = line[s:].rstrip()
    if tail:
        spans.append((start + s, start + s + len(tail)))
    return spans


def units(text):
    """Return (result_units, task_units, result_months, task_months);
    result units are (start, end, period-or-None)."""
    res, tsk = [], []
    res_months = task_months = None
    mode, sub = None, None
    off = 0
    for line in text.split("\n"):
        start, off = off, off + len(line) + 1
        s = line.strip()
        lstart = start + (len(line) - len(line.lstrip()))
        if RES_HEAD.match(s):
            mode, sub = "R", None
            res_months = months_of(s)
            continue
        if TASK_HEAD.match(s):
            mode = "T"
            task_months = months_of(s)
            continue
        if mode == "R" and LIM_HEAD.match(s):
            mode = None
            continue
        if mode == "T" and TASK_END.match(s):
            mode = None
            continue
        if mode is None or not s:
            continue
        sp = SUBPERIOD.match(s)
        if sp and mode == "R":
            sub = f"{sp.group(2)}-{int(sp.group(1)):02d}"
            continue
        if HEADING.match(s) and not s.endswith((".", ";")):
            continue
        if s.endswith(":"):
            continue
        b = BULLET.match(s)
        spans = [(lstart + b.end(), lstart + len(s))] if b else sentences(s, lstart)
        for a, e in spans:
            if mode == "R":
                res.append((a, e, sub))
            else:
                tsk.append((a, e))
    return res, tsk, res_months, task_months


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
    except Exception as e:  # noqa
        print(f"FAIL: cannot read gold.json: {e}")
        sys.exit(1)

    # ---- form ----
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)]:
        if not isinstance(gold.get(key), typ):
            err(f"gold.json: '{key}' missing or not a {typ.__name__}")
    if ERR:
        return finish()
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        err("cross_unit_decoys is not a list")
        decoys = []
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                         "gaps", "cross_unit_decoys"}
    if extra:
        err(f"unknown keys {sorted(extra)}")

    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document fields {sorted(d)}")
            continue
        if d["file"] in docs:
            err(f"document {d['file']} twice")
        if not all(isinstance(m, str) and MONTH.match(m) for m in d["reported_months"] + [d["planned_period"]]):
            err(f"{d['file']}: bad month")
        docs[d["file"]] = d

    items = {}
    for kind, lst in (("task", gold["tasks"]), ("result", gold["results"])):
        for it in lst:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{kind} fields {sorted(it)}")
                continue
            if not ID.match(it["id"]) or it["id"][0] != kind[0].upper():
                err(f"bad {kind} id {it['id']}")
            if it["id"] in items:
                err(f"id {it['id']} twice")
            if it["file"] not in docs:
                err(f"{it['id']}: file {it['file']} not a document")
            if not isinstance(it["text"], str) or not it["text"].strip():
                err(f"{it['id']}: empty text")
            if not MONTH.match(str(it["period"])):
                err(f"{it['id']}: bad period")
            items[it["id"]] = dict(it, kind=kind)
    if ERR:
        return finish()

    # ---- files ----
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err(f"documents {sorted(docs)} != .txt files {on_disk}")
    texts = {}
    for fn, d in docs.items():
        m = FNAME.match(fn)
        if not m:
            err(f"{fn}: bad file name")
        elif m.group(1) != d["planned_period"]:
            err(f"{fn}: name month {m.group(1)} != planned_period {d['planned_period']}")
        try:
            raw = open(os.path.join(HERE, fn), "rb").read()
        except OSError as e:
            err(f"{fn}: {e}")
            continue
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
        if "{{" in t or "}}" in t:
            err(f"{fn}: hand marks left in the text")
        texts[fn] = t

    # ---- substrings, uniqueness, overlaps ----
    spans = {}
    for iid, it in items.items():
        t = texts.get(it["file"])
        if t is None:
            continue
        n = t.count(it["text"])
        if n != 1:
            err(f"{iid}: text found {n} times in {it['file']}")
            continue
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err(f"{iid}: text not NFC")
        a = t.find(it["text"])
        spans[iid] = (a, a + len(it["text"]))
    by_file = {}
    for iid, sp in spans.items():
        by_file.setdefault(items[iid]["file"], []).append((sp[0], sp[1], iid))
    for fn, lst in by_file.items():
        lst.sort()
        for (a1, e1, i1), (a2, e2, i2) in zip(lst, lst[1:]):
            if a2 < e1:
                err(f"{fn}: {i1} and {i2} overlap")

    # ---- sections: every unit labelled, nothing labelled elsewhere; periods ----
    order = sorted(docs, key=lambda f: docs[f]["planned_period"])
    for fn in order:
        t = texts.get(fn)
        if t is None:
            continue
        d = docs[fn]
        ru, tu, rmonths, tmonths = units(t)
        if rmonths != d["reported_months"]:
            err(f"{fn}: results heading months {rmonths} != reported_months {d['reported_months']}")
        if tmonths != [d["planned_period"]]:
            err(f"{fn}: tasks heading month {tmonths} != planned_period {d['planned_period']}")
        # title block must name the same months
        title = t[t.find("BÁO CÁO\n"):t.find("BÁO CÁO\n") + 200] if "BÁO CÁO\n" in t else ""
        tm = months_of(title.split("\n\n")[0]) if title else None
        if tm is None or set(tm) != set(d["reported_months"] + [d["planned_period"]]):
            err(f"{fn}: title months {tm} disagree with the document record")
        lab_r = {spans[i]: i for i, it in items.items() if it["file"] == fn and it["kind"] == "result" and i in spans}
        lab_t = {spans[i]: i for i, it in items.items() if it["file"] == fn and it["kind"] == "task" and i in spans}
        unit_r = {(a, e): p for a, e, p in ru}
        unit_t = set(tu)
        for sp in unit_r:
            if sp not in lab_r:
                err(f"{fn}: unlabelled result unit {t[sp[0]:sp[1]][:70]!r}")
        for sp in unit_t:
            if sp not in lab_t:
                err(f"{fn}: unlabelled task unit {t[sp[0]:sp[1]][:70]!r}")
        for sp, iid in lab_r.items():
            if sp not in unit_r:
                err(f"{fn}: {iid} is not exactly one result sentence/bullet")
            else:
                expect = unit_r[sp] or (d["reported_months"][0] if len(d["reported_months"]) == 1 else None)
                if expect is None:
                    err(f"{fn}: {iid} in a multi-month report outside a month sub-section")
                elif items[iid]["period"] != expect:
                    err(f"{iid}: period {items[iid]['period']} != section month {expect}")
        for sp, iid in lab_t.items():
            if sp not in unit_t:
                err(f"{fn}: {iid} is not exactly one task sentence/bullet")
            if items[iid]["period"] != d["planned_period"]:
                err(f"{iid}: period {items[iid]['period']} != planned_period {d['planned_period']}")
        nt, nr = len(lab_t), len(lab_r)
        if not 10 <= nt <= 18:
            err(f"{fn}: {nt} tasks (need 10-18)")
        if nr and not 10 <= nr <= 18:
            err(f"{fn}: {nr} results (need 10-18 or none)")

    # ---- links ----
    rank = {fn: i for i, fn in enumerate(order)}
    out_links = {}
    seen = set()
    for ft in gold["follow_through"]:
        if set(ft) != {"task", "result", "status"}:
            err(f"follow_through fields {sorted(ft)}")
            continue
        ti, ri = items.get(ft["task"]), items.get(ft["result"])
        if not ti or ti["kind"] != "task" or not ri or ri["kind"] != "result":
            err(f"follow_through {ft}: unknown task/result")
            continue
        key = (ft["task"], ft["result"])
        if key in seen:
            err(f"follow_through {key} twice")
        seen.add(key)
        if ft["status"] not in STATUSES:
            err(f"follow_through {key}: status {ft['status']}")
        if docs[ti["file"]]["unit"] != docs[ri["file"]]["unit"]:
            err(f"follow_through {key}: across units")
        if rank[ri["file"]] <= rank[ti["file"]]:
            err(f"follow_through {key}: not forward in time")
        if ri["period"] != ti["period"]:
            err(f"follow_through {key}: result reports {ri['period']}, task planned for {ti['period']}")
        else:
            first = next((f for f in order if rank[f] > rank[ti["file"]]
                          and docs[f]["unit"] == docs[ti["file"]]["unit"]
                          and ti["period"] in docs[f]["reported_months"]), None)
            if first != ri["file"]:
                err(f"follow_through {key}: not in the first document reporting {ti['period']}")
        out_links.setdefault(ft["task"], []).append("ft")
    seen = set()
    for co in gold["carry_over"]:
        if set(co) != {"from", "to", "kind"}:
            err(f"carry_over fields {sorted(co)}")
            continue
        a, b = items.get(co["from"]), items.get(co["to"])
        if not a or a["kind"] != "task" or not b or b["kind"] != "task":
            err(f"carry_over {co}: unknown task")
            continue
        key = (co["from"], co["to"])
        if key in seen:
            err(f"carry_over {key} twice")
        seen.add(key)
        if co["kind"] not in KINDS:
            err(f"carry_over {key}: kind {co['kind']}")
        if docs[a["file"]]["unit"] != docs[b["file"]]["unit"]:
            err(f"carry_over {key}: across units")
        if rank[b["file"]] <= rank[a["file"]]:
            err(f"carry_over {key}: not forward in time")
        out_links.setdefault(co["from"], []).append("co")

    # ---- gaps ----
    last = {}
    for fn in order:
        last[docs[fn]["unit"]] = fn
    expected = sorted((i for i, it in items.items() if it["kind"] == "task"
                       and last[docs[it["file"]]["unit"]] != it["file"] and i not in out_links),
                      key=lambda x: (x[:3], int(x.split("-")[1])))
    given = gold["gaps"]
    if len(set(given)) != len(given):
        err("gaps: duplicates")
    if sorted(given) != sorted(expected):
        err(f"gaps {sorted(given)} != unlinked tasks of non-last documents {expected}")

    # ---- decoys ----
    units_of = {docs[f]["unit"] for f in docs}
    linked = {(f["task"], f["result"]) for f in gold["follow_through"]} | \
             {(c["from"], c["to"]) for c in gold["carry_over"]}
    for pair in decoys:
        if not (isinstance(pair, list) and len(pair) == 2 and all(p in items for p in pair)):
            err(f"decoy {pair}: not a pair of known ids")
            continue
        if docs[items[pair[0]]["file"]]["unit"] == docs[items[pair[1]]["file"]]["unit"]:
            err(f"decoy {pair}: same unit")
        if tuple(pair) in linked or tuple(pair[::-1]) in linked:
            err(f"decoy {pair}: linked")
    if decoys and len(units_of) < 2:
        err("decoys given but only one unit")

    return finish(items, gold)


def finish(items=None, gold=None):
    if ERR:
        for e in ERR:
            print("FAIL:", e)
        print(f"{len(ERR)} problem(s)")
        sys.exit(1)
    nt = sum(1 for i in items.values() if i["kind"] == "task")
    nr = len(items) - nt
    print(f"OK: {len(gold['documents'])} documents, {nt} tasks, {nr} results, "
          f"{len(gold['follow_through'])} follow-through, {len(gold['carry_over'])} carry-over, "
          f"{len(gold['gaps'])} gaps, {len(gold.get('cross_unit_decoys', []))} decoys")


if __name__ == "__main__":
    main()
