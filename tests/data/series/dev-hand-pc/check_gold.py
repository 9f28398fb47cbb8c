#!/usr/bin/env python3
"""Check gold.json of this series against its documents; print OK when all checks pass.

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / LF; every item text an
exact unique substring of its file, no overlaps; every bullet and every sentence of the
results and tasks sections labelled (headings, lead-ins, limitations and the closing are
skipped), one sentence per item; 10-18 tasks and results per document; periods agree with
the documents' headings and sub-headings; reported months chain the planned months; links
within one unit, forward in time, to the first later document reporting on the month;
allowed statuses and kinds; gaps exactly the unlinked tasks of non-last documents; decoys
(cross-unit in gold.json, same-unit near misses in _src/intra_decoys.json) never linked.
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


NAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d\d)\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
HEADING = re.compile(r"^(?:[IVX]+|\d+)\.\s+(.+)$")
BULLET = re.compile(r"^(?:[-+*•]|\d+\))\s+")
CLOSING = ("Trân trọng", "Văn phòng kính", "Đề nghị các", "Kính báo", "Em xin", "Nơi nhận")
SENT_BOUNDARY = re.compile(r"[.!?…][\"”)]?\s+(\S)")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def kind_of_heading(rest):
    low = rest.lower()
    if "kết quả" in low:
        return "results"
    if "tồn tại" in low or "hạn chế" in low or "vướng mắc" in low:
        return "limitations"
    if "dự kiến" in low or "nhiệm vụ" in low or "công việc" in low or "phương hướng" in low:
        return "tasks"
    return None


def months_in(s):
    return [int(x) for x in re.findall(r"tháng\s+(\d{1,2})", s.lower())]


def next_month(m):
    y, mo = int(m[:4]), int(m[5:])
    mo += 1
    if mo == 13:
        y, mo = y + 1, 1
    return f"{y:04d}-{mo:02d}"


def main():
    path = os.path.join(HERE, "gold.json")
    with open(path, encoding="utf-8") as f:
        gold = json.load(f)

    # ---------------------------------------------------------------- form
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if key not in gold or not isinstance(gold[key], list):
            err(f"gold.json: missing list {key!r}")
    if errors:
        return
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                         "gaps", "cross_unit_decoys"}
    if extra:
        err(f"gold.json: unknown keys {sorted(extra)}")
    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document fields {sorted(d)}")
            continue
        if d["file"] in docs:
            err(f"duplicate document {d['file']}")
        docs[d["file"]] = d
        if not MONTH.match(d["planned_period"]):
            err(f"{d['file']}: bad planned_period")
        if not isinstance(d["reported_months"], list) or not all(
                isinstance(m, str) and MONTH.match(m) for m in d["reported_months"]):
            err(f"{d['file']}: bad reported_months")
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{kind} item fields {sorted(it)}")
                continue
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            if not it["id"].startswith("T" if kind == "tasks" else "R"):
                err(f"{it['id']}: id prefix does not fit {kind}")
            items[it["id"]] = dict(it, kind=kind)
            if it["file"] not in docs:
                err(f"{it['id']}: unknown file {it['file']}")
            if not MONTH.match(it["period"]):
                err(f"{it['id']}: bad period")
    if errors:
        return

    # ---------------------------------------------------------------- files
    texts = {}
    listed = sorted(p for p in os.listdir(HERE) if p.endswith(".txt"))
    if listed != sorted(docs):
        err(f"txt files {listed} differ from documents {sorted(docs)}")
    for fn, d in docs.items():
        m = NAME.match(fn)
        if not m:
            err(f"{fn}: bad file name")
        elif m.group(2) != d["planned_period"]:
            err(f"{fn}: name month differs from planned_period {d['planned_period']}")
        raw = open(os.path.join(HERE, fn), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fn}: BOM")
        if b"\r" in raw:
            err(f"{fn}: CR in line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{fn}: not UTF-8")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{fn}: not NFC")
        texts[fn] = t
    for it in items.values():
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err(f"{it['id']}: text not NFC")

    # ---------------------------------------------------------------- substrings
    spans = {fn: [] for fn in docs}
    for it in items.values():
        t = texts.get(it["file"])
        if t is None:
            continue
        n = t.count(it["text"])
        if n != 1:
            err(f"{it['id']}: text occurs {n} times in {it['file']}")
            continue
        s = t.index(it["text"])
        it["start"], it["end"] = s, s + len(it["text"])
        spans[it["file"]].append((s, s + len(it["text"]), it["id"]))
        if "\n" in it["text"]:
            err(f"{it['id']}: text spans several lines")
        if it["text"] != it["text"].strip():
            err(f"{it['id']}: text has outer spaces")
        for mm in SENT_BOUNDARY.finditer(it["text"]):
            c = mm.group(1)
            if c.isupper() or c.isdigit() or c in "\"“":
                err(f"{it['id']}: more than one sentence in one item")
                break
    for fn, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err(f"{fn}: {a[2]} and {b[2]} overlap")

    # ---------------------------------------------------------------- sections and coverage
    for fn, t in texts.items():
        d = docs[fn]
        section, sub_month = None, None
        headings = {"results": [], "tasks": []}
        pos = 0
        file_items = [it for it in items.values() if it["file"] == fn and "start" in it]
        for line in t.split("\n"):
            ls, le = pos, pos + len(line)
            pos = le + 1
            s = line.strip()
            in_line = [it for it in file_items if ls <= it["start"] and it["end"] <= le]
            hm = HEADING.match(s)
            if hm and len(s) < 100 and kind_of_heading(hm.group(1)) is not None:
                section, sub_month = kind_of_heading(hm.group(1)), None
                if section in headings:
                    headings[section].append(hm.group(1))
                if in_line:
                    err(f"{fn}: item inside a heading: {s[:40]}")
                continue
            if not s:
                continue
            bm = BULLET.match(s)
            if not bm and s.startswith(CLOSING):
                section = None
                if in_line:
                    err(f"{fn}: item inside the closing")
                continue
            if not bm and s.endswith(":"):
                # lead-in (skipped); a month in a lead-in of the results sets the period
                if in_line:
                    err(f"{fn}: item inside a lead-in: {s[:40]}")
                if section == "results":
                    ms = months_in(s)
                    if ms:
                        sub_month = ms[0]
                continue
            want = {"results": "results", "tasks": "tasks"}.get(section)
            for it in in_line:
                if it["kind"] != want:
                    err(f"{it['id']}: lies in section {section!r}, not {it['kind']}")
                if it["kind"] == "results" and sub_month is not None \
                        and int(it["period"][5:]) != sub_month:
                    err(f"{it['id']}: period {it['period']} but sub-heading says tháng {sub_month}")
            if want is None:
                continue
            # coverage: the line minus marker and labelled items must be blank
            body_start = ls + (len(line) - len(line.lstrip())) + (bm.end() if bm else 0)
            left = list(t[body_start:le])
            for it in in_line:
                for k in range(it["start"], it["end"]):
                    left[k - body_start] = " "
            rest = "".join(left).strip()
            if rest:
                err(f"{fn}: unlabelled text in {section}: {rest[:60]!r}")
        # headings agree with the periods
        rep_nums = sorted({int(m[5:]) for m in d["reported_months"]})
        head_rep = sorted({x for h in headings["results"] for x in months_in(h)})
        if d["reported_months"] and head_rep != rep_nums:
            err(f"{fn}: results heading months {head_rep} vs reported {rep_nums}")
        head_task = sorted({x for h in headings["tasks"] for x in months_in(h)})
        if head_task != [int(d["planned_period"][5:])]:
            err(f"{fn}: tasks heading months {head_task} vs planned {d['planned_period']}")

    # ---------------------------------------------------------------- counts and periods
    for fn, d in docs.items():
        nt = sum(1 for it in items.values() if it["file"] == fn and it["kind"] == "tasks")
        nr = sum(1 for it in items.values() if it["file"] == fn and it["kind"] == "results")
        if not 10 <= nt <= 18:
            err(f"{fn}: {nt} tasks")
        if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
            err(f"{fn}: {nr} results")
    for it in items.values():
        d = docs[it["file"]]
        if it["kind"] == "tasks" and it["period"] != d["planned_period"]:
            err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
        if it["kind"] == "results" and it["period"] not in d["reported_months"]:
            err(f"{it['id']}: period {it['period']} not reported by {it['file']}")

    units = {}
    for fn, d in docs.items():
        units.setdefault(d["unit"], []).append(d)
    order = {}
    for u, ds in units.items():
        ds.sort(key=lambda d: d["planned_period"])
        for i, d in enumerate(ds):
            order[d["file"]] = i
            if i == 0:
                continue
            prev = ds[i - 1]["planned_period"]
            want, m = [], prev
            while m < d["planned_period"]:
                want.append(m)
                m = next_month(m)
            if d["reported_months"] != want:
                err(f"{d['file']}: reported {d['reported_months']} but the chain wants {want}")
            for m in d["reported_months"]:
                if m >= d["planned_period"]:
                    err(f"{d['file']}: reports {m}, not before planned period")

    # ---------------------------------------------------------------- links
    def doc_of(i):
        return docs[items[i]["file"]]

    linked = set()
    seen = set()
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err(f"follow_through fields {sorted(l)}")
            continue
        t, r = l["task"], l["result"]
        if (t, r) in seen:
            err(f"duplicate follow_through {t}->{r}")
        seen.add((t, r))
        if t not in items or items[t]["kind"] != "tasks" or r not in items or items[r]["kind"] != "results":
            err(f"follow_through {t}->{r}: unknown task/result")
            continue
        if l["status"] not in STATUSES:
            err(f"follow_through {t}->{r}: status {l['status']}")
        dt, dr = doc_of(t), doc_of(r)
        if dt["unit"] != dr["unit"]:
            err(f"follow_through {t}->{r}: across units")
        if dr["planned_period"] <= dt["planned_period"]:
            err(f"follow_through {t}->{r}: not forward in time")
        if items[r]["period"] != items[t]["period"]:
            err(f"follow_through {t}->{r}: result period {items[r]['period']} != task period {items[t]['period']}")
        first = next((d for d in units[dt["unit"]]
                      if d["planned_period"] > dt["planned_period"]
                      and items[t]["period"] in d["reported_months"]), None)
        if first is None or first["file"] != dr["file"]:
            err(f"follow_through {t}->{r}: not in the first document reporting on {items[t]['period']}")
        linked.add(t)
    seen = set()
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err(f"carry_over fields {sorted(l)}")
            continue
        a, b = l["from"], l["to"]
        if (a, b) in seen:
            err(f"duplicate carry_over {a}->{b}")
        seen.add((a, b))
        if a not in items or b not in items or items[a]["kind"] != "tasks" or items[b]["kind"] != "tasks":
            err(f"carry_over {a}->{b}: unknown task")
            continue
        if l["kind"] not in KINDS:
            err(f"carry_over {a}->{b}: kind {l['kind']}")
        da, db = doc_of(a), doc_of(b)
        if da["unit"] != db["unit"]:
            err(f"carry_over {a}->{b}: across units")
        if db["planned_period"] <= da["planned_period"]:
            err(f"carry_over {a}->{b}: not forward in time")
        linked.add(a)
    split_from = {}
    for l in gold["carry_over"]:
        if l["kind"] == "split":
            split_from.setdefault(l["from"], []).append(l["to"])
    for a, tos in split_from.items():
        if len(tos) < 2:
            err(f"carry_over split from {a} has only one part")

    # ---------------------------------------------------------------- gaps
    want_gaps = set()
    for it in items.values():
        if it["kind"] != "tasks":
            continue
        d = docs[it["file"]]
        last = order[it["file"]] == len(units[d["unit"]]) - 1
        if not last and it["id"] not in linked:
            want_gaps.add(it["id"])
    got = gold["gaps"]
    if len(set(got)) != len(got):
        err("duplicate gaps")
    if set(got) != want_gaps:
        err(f"gaps differ: missing {sorted(want_gaps - set(got))}, extra {sorted(set(got) - want_gaps)}")

    # ---------------------------------------------------------------- decoys
    ft_pairs = {(l["task"], l["result"]) for l in gold["follow_through"]}
    co_pairs = {(l["from"], l["to"]) for l in gold["carry_over"]}
    all_pairs = ft_pairs | co_pairs

    def never_linked(a, b, label):
        for x in (a, b):
            if x not in items:
                err(f"{label} {a},{b}: unknown id {x}")
                return
        if (a, b) in all_pairs or (b, a) in all_pairs:
            err(f"{label} {a},{b} is linked")

    cross = gold.get("cross_unit_decoys", [])
    for p in cross:
        if not (isinstance(p, list) and len(p) == 2):
            err(f"bad cross_unit_decoy {p}")
            continue
        never_linked(p[0], p[1], "cross_unit_decoy")
        if p[0] in items and p[1] in items and doc_of(p[0])["unit"] == doc_of(p[1])["unit"]:
            err(f"cross_unit_decoy {p} is within one unit")
    if len(units) > 1 and not cross:
        err("two units but no cross_unit_decoys")
    intra_path = os.path.join(HERE, "_src", "intra_decoys.json")
    if os.path.exists(intra_path):
        for a, b in json.load(open(intra_path, encoding="utf-8")):
            never_linked(a, b, "intra_decoy")
            if a in items and b in items and doc_of(a)["unit"] != doc_of(b)["unit"]:
                err(f"intra_decoy {a},{b} across units")


if __name__ == "__main__":
    main()
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"{len(errors)} error(s)")
        sys.exit(1)
    print("OK")
