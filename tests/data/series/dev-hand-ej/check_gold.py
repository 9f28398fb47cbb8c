#!/usr/bin/env python3
"""Check gold.json of this folder against its documents and the annotation rules.

Prints OK when every check passes, else the list of problems (exit 1).
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*_(\d{4})-(\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
HEADING = re.compile(r"^(?:\d+|[IVX]+)\.\s")
problems = []


def bad(msg):
    problems.append(msg)


def month_add(ym, n):
    y, m = int(ym[:4]), int(ym[5:7])
    k = y * 12 + (m - 1) + n
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


def main():
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)

    # ---- form ----
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if key not in gold or not isinstance(gold[key], list):
            bad(f"form: missing list {key}")
    allowed = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps",
               "cross_unit_decoys"}
    for key in gold:
        if key not in allowed:
            bad(f"form: unknown key {key}")
    if problems:
        return
    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            bad(f"form: document fields {sorted(d)}")
            continue
        if not isinstance(d["reported_months"], list):
            bad(f"form: reported_months of {d['file']} not a list")
        if d["file"] in docs:
            bad(f"form: document {d['file']} twice")
        docs[d["file"]] = d
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                bad(f"form: {kind} fields {sorted(it)}")
                continue
            if it["id"] in items:
                bad(f"form: id {it['id']} twice")
            if it["file"] not in docs:
                bad(f"form: {it['id']} in unknown file {it['file']}")
            if not it["text"] or it["text"] != it["text"].strip():
                bad(f"form: {it['id']} text empty or padded")
            items[it["id"]] = dict(it, kind=kind[:-1])
    tasks = {k: v for k, v in items.items() if v["kind"] == "task"}
    results = {k: v for k, v in items.items() if v["kind"] == "result"}
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            bad(f"form: follow_through fields {sorted(l)}")
        elif l["task"] not in tasks or l["result"] not in results:
            bad(f"form: follow_through ids {l}")
        elif l["status"] not in STATUSES:
            bad(f"form: status {l['status']}")
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            bad(f"form: carry_over fields {sorted(l)}")
        elif l["from"] not in tasks or l["to"] not in tasks:
            bad(f"form: carry_over ids {l}")
        elif l["kind"] not in KINDS:
            bad(f"form: kind {l['kind']}")
    for g in gold["gaps"]:
        if g not in tasks:
            bad(f"form: gap {g} is not a task")
    if len(set(gold["gaps"])) != len(gold["gaps"]):
        bad("form: a gap listed twice")
    pairs = set()
    for l in gold["follow_through"]:
        p = (l["task"], l["result"])
        if p in pairs:
            bad(f"form: follow_through {p} twice")
        pairs.add(p)
    for l in gold["carry_over"]:
        p = (l["from"], l["to"])
        if p in pairs:
            bad(f"form: carry_over {p} twice")
        pairs.add(p)
    if problems:
        return

    # ---- file names, encoding, NFC ----
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if on_disk != sorted(docs):
        bad(f"files: on disk {on_disk} vs gold {sorted(docs)}")
    texts = {}
    for fn, d in docs.items():
        m = NAME.match(fn)
        if not m:
            bad(f"name: {fn}")
            continue
        if f"{m.group(1)}-{m.group(2)}" != d["planned_period"]:
            bad(f"name: {fn} vs planned_period {d['planned_period']}")
        raw = open(os.path.join(HERE, fn), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            bad(f"encoding: {fn} has a BOM")
        if b"\r" in raw:
            bad(f"encoding: {fn} has CR")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            bad(f"encoding: {fn} not UTF-8: {e}")
            continue
        if unicodedata.normalize("NFC", t) != t:
            bad(f"encoding: {fn} not NFC")
        if "{{" in t or "}}" in t:
            bad(f"encoding: {fn} keeps a hand mark")
        texts[fn] = t

    # ---- exact unique substrings, no overlaps ----
    spans = {fn: [] for fn in texts}
    for iid, it in items.items():
        t = texts.get(it["file"])
        if t is None:
            continue
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            bad(f"text: {iid} not NFC")
        n = t.count(it["text"])
        if n != 1:
            bad(f"text: {iid} occurs {n} times in {it['file']}")
            continue
        s = t.index(it["text"])
        spans[it["file"]].append((s, s + len(it["text"]), iid))
        if re.search(r"[.!?]\s+[A-ZĐÂÊÔƠƯÁÀẢÃẠ]", it["text"]):
            bad(f"text: {iid} holds more than one sentence")
    for fn, ss in spans.items():
        ss.sort()
        for a, b in zip(ss, ss[1:]):
            if b[0] < a[1]:
                bad(f"overlap: {a[2]} and {b[2]} in {fn}")

    # ---- sections: every bullet labelled, only headings/lead-ins besides ----
    for fn, t in texts.items():
        lines = t.split("\n")
        by_text = {}
        for iid, it in items.items():
            if it["file"] == fn:
                by_text[it["text"]] = it
        section = None
        seen = {"result": [], "task": []}
        for ln in lines:
            s = ln.strip()
            if s.startswith("I. KẾT QUẢ"):
                section = "result"
                continue
            if s.startswith("II. CHƯƠNG TRÌNH"):
                section = "task"
                continue
            if section == "result" and re.match(r"^\d+\.\s*Hạn chế", s):
                section = None
                continue
            if section == "task" and (s.startswith("III.") or s.startswith("Giao ")
                                      or s.startswith("Trên đây")):
                section = None
                continue
            if section is None or not s:
                continue
            if s.startswith("- "):
                body = s[2:].rstrip(".;").strip()
                it = by_text.get(body)
                if it is None:
                    bad(f"section: unlabelled bullet in {fn}: {s[:60]}")
                elif it["kind"] != section:
                    bad(f"section: {it['id']} is a {it['kind']} in the {section} section of {fn}")
                else:
                    seen[section].append(it["id"])
            elif HEADING.match(s) and len(s) < 80:
                continue
            elif s.endswith(":"):
                continue  # lead-in
            else:
                bad(f"section: sentence outside any item in {fn}: {s[:60]}")
        for kind in ("result", "task"):
            labelled = {iid for iid, it in items.items() if it["file"] == fn and it["kind"] == kind}
            if set(seen[kind]) != labelled or len(seen[kind]) != len(labelled):
                bad(f"section: {kind} items of {fn} not exactly its bullets")

    # ---- counts ----
    for fn in docs:
        nt = sum(1 for it in tasks.values() if it["file"] == fn)
        nr = sum(1 for it in results.values() if it["file"] == fn)
        if not 10 <= nt <= 18:
            bad(f"count: {fn} has {nt} tasks")
        if not (10 <= nr <= 18 or nr == 0):
            bad(f"count: {fn} has {nr} results")

    # ---- periods agree with the documents ----
    for fn, d in docs.items():
        rep = d["reported_months"]
        if rep != sorted(rep) or not rep:
            bad(f"period: {fn} reported_months {rep}")
            continue
        for a, b in zip(rep, rep[1:]):
            if month_add(a, 1) != b:
                bad(f"period: {fn} reported months not consecutive")
        if month_add(rep[-1], 1) != d["planned_period"]:
            bad(f"period: {fn} planned {d['planned_period']} does not follow {rep[-1]}")
        t = texts.get(fn, "")
        lines = t.split("\n")
        try:
            title = lines[lines.index("BÁO CÁO") + 1]
        except ValueError:
            bad(f"period: {fn} has no title")
            continue
        year = rep[0][:4]
        named = [f"{year}-{int(x):02d}" for x in re.findall(r"tháng (\d{1,2})\b", title)]
        if named != rep:
            bad(f"period: {fn} title names {named}, gold says {rep}")
        m = re.search(r"ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})", t)
        if not m:
            bad(f"period: {fn} has no date")
        else:
            dated = f"{m.group(3)}-{int(m.group(2)):02d}"
            if dated != d["planned_period"] or int(m.group(1)) > 7:
                bad(f"period: {fn} dated {m.group(0)}, not early {d['planned_period']}")
        if not re.search(r"Số: \d+/BC-UBND", t):
            bad(f"period: {fn} has no Số .../BC-UBND")
        if len(rep) > 1 and "hai tháng qua" not in t:
            bad(f"period: {fn} reviews {len(rep)} months but never says so")
    for iid, it in tasks.items():
        if it["period"] != docs[it["file"]]["planned_period"]:
            bad(f"period: task {iid} period {it['period']}")
    for iid, it in results.items():
        if it["period"] not in docs[it["file"]]["reported_months"]:
            bad(f"period: result {iid} period {it['period']}")

    # ---- links: same unit, forward in time, first report on the month ----
    def doc(iid):
        return docs[items[iid]["file"]]

    for l in gold["follow_through"]:
        dt, dr = doc(l["task"]), doc(l["result"])
        if dt["unit"] != dr["unit"]:
            bad(f"link: follow_through {l['task']}->{l['result']} across units")
        if dr["planned_period"] <= dt["planned_period"]:
            bad(f"link: follow_through {l['task']}->{l['result']} not forward")
        tp = tasks[l["task"]]["period"]
        if results[l["result"]]["period"] != tp:
            bad(f"link: {l['result']} reports {results[l['result']]['period']}, task is for {tp}")
        first = min((d["planned_period"], fn) for fn, d in docs.items()
                    if d["unit"] == dt["unit"] and tp in d["reported_months"])
        if first[1] != items[l["result"]]["file"]:
            bad(f"link: {l['result']} is not in the first report on {tp}")
    for l in gold["carry_over"]:
        da, db = doc(l["from"]), doc(l["to"])
        if da["unit"] != db["unit"]:
            bad(f"link: carry_over {l['from']}->{l['to']} across units")
        if db["planned_period"] <= da["planned_period"]:
            bad(f"link: carry_over {l['from']}->{l['to']} not forward")
    split_from = {}
    for l in gold["carry_over"]:
        if l["kind"] == "split":
            split_from.setdefault(l["from"], []).append(l["to"])
    for a, tos in split_from.items():
        if len(tos) < 2:
            bad(f"link: split of {a} has one part only")

    # ---- gaps: exactly the unlinked tasks of non-last documents ----
    last = {}
    for fn, d in docs.items():
        if d["unit"] not in last or d["planned_period"] > docs[last[d["unit"]]]["planned_period"]:
            last[d["unit"]] = fn
    linked = {l["task"] for l in gold["follow_through"]} | {l["from"] for l in gold["carry_over"]}
    expect = {iid for iid, it in tasks.items()
              if iid not in linked and it["file"] != last[docs[it["file"]]["unit"]]}
    if set(gold["gaps"]) != expect:
        bad(f"gaps: listed {sorted(set(gold['gaps']))}, expected {sorted(expect)}")

    # ---- decoys never linked ----
    decoys = [tuple(p) for p in gold.get("cross_unit_decoys", [])]
    units = {d["unit"] for d in docs.values()}
    if decoys and len(units) < 2:
        bad("decoys: cross_unit_decoys in a one-unit series")
    for a, b in decoys:
        if a not in items or b not in items:
            bad(f"decoys: unknown id in {a, b}")
        elif doc(a)["unit"] == doc(b)["unit"]:
            bad(f"decoys: {a, b} in one unit")
    nm_path = os.path.join(HERE, "_src", "near_misses.json")
    if os.path.exists(nm_path):
        for a, b in json.load(open(nm_path, encoding="utf-8")):
            if a not in items or b not in items:
                bad(f"decoys: unknown near-miss id in {a, b}")
            decoys.append((a, b))
    for a, b in decoys:
        if (a, b) in pairs or (b, a) in pairs:
            bad(f"decoys: {a} and {b} are linked")


if __name__ == "__main__":
    main()
    if problems:
        for p in problems:
            print("FAIL", p)
        sys.exit(1)
    print("OK")
