#!/usr/bin/env python3
"""Check gold.json of the hand-vc series against its documents. Prints OK or the errors.

Checks: form; file names; UTF-8 / NFC / no BOM / \n; every text an exact unique substring
and no overlaps; every bullet / sentence of the results and tasks sections labelled
(headings, lead-ins and run-in headings skipped); counts per document; periods agree with
file names and with the documents' own month headings; links within one unit, forward in
time and to the first document that reports on the task's month; statuses and kinds;
gaps = exactly the unlinked tasks of non-last documents; decoys never linked.
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


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
VN_MONTH = {1: "GIÊNG", 2: "HAI", 3: "BA", 4: "TƯ", 5: "NĂM", 6: "SÁU", 7: "BẢY",
            8: "TÁM", 9: "CHÍN", 10: "MƯỜI", 11: "MƯỜI MỘT", 12: "CHẠP"}

# section headings of the two layouts
RES_START = re.compile(r"^(━━ PHẦN MỘT: THÁNG (.+) ĐÃ LÀM ĐƯỢC ━━|MỤC A – TÌNH HÌNH, KẾT QUẢ(?: THÁNG (\d+)/(\d{4}))?)$")
RES_END = re.compile(r"^(━━ PHẦN HAI:|MỤC B – )")
TSK_START = re.compile(r"^(━━ PHẦN BA: GIAO VIỆC THÁNG (.+) ━━|MỤC C – LỊCH VIỆC THÁNG (\d+)/(\d{4}))$")
TSK_END = re.compile(r"^(━━ PHẦN BỐN:|MỤC D – )")
# lines that are headings or lead-ins inside a section
HEADING = [
    re.compile(r"^\[[^\]]+\]$"),                                   # [Biển, kinh tế, ngân sách]
    re.compile(r"^» .+$"),                                          # » Phòng Kinh tế ...
    re.compile(r"^Mỗi đơn vị đầu mối .*:$"),                        # lead-in of clerk A's task list
    re.compile(r"^A\.\d\. Tháng \d+/\d{4}$"),                       # month sub-heading (clerk B)
    re.compile(r"^(Thượng|Trung|Hạ) tuần \(\d\d - \d\d/\d+\)$"),   # ten-day heading (clerk B)
    re.compile(r"^Việc thường xuyên cả tháng$"),
]
MONTH_SUB = re.compile(r"^A\.\d\. Tháng (\d+)/(\d{4})$")
MARKER = re.compile(r"^(\d+/|☐|▪)?$")
RUNIN = re.compile(r"^[A-ZĐÀ-Ỹ][^.:;\d]{2,60}:$")
SENT = "\x00"


def load():
    path = os.path.join(HERE, "gold.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    try:
        gold = load()
    except Exception as e:  # noqa
        print("ERROR: cannot read gold.json:", e)
        return 1

    # ---- form ----
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)]:
        if not isinstance(gold.get(key), typ):
            err(f"form: '{key}' missing or not a {typ.__name__}")
    if errors:
        return report()
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                         "gaps", "cross_unit_decoys"}
    if extra:
        err(f"form: unknown keys {sorted(extra)}")
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list) or any(not (isinstance(p, list) and len(p) == 2) for p in decoys):
        err("form: cross_unit_decoys must be a list of pairs")

    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"form: document fields {sorted(d)}")
            continue
        if d["file"] in docs:
            err(f"form: document {d['file']} listed twice")
        docs[d["file"]] = d
        if not MONTH.match(d["planned_period"]):
            err(f"{d['file']}: bad planned_period {d['planned_period']}")
        if not isinstance(d["reported_months"], list) or not all(
                isinstance(m, str) and MONTH.match(m) for m in d["reported_months"]):
            err(f"{d['file']}: bad reported_months")

    items = {}
    for kind, key in (("T", "tasks"), ("R", "results")):
        for it in gold[key]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"form: {key} item fields {sorted(it)}")
                continue
            if it["id"] in items:
                err(f"form: duplicate id {it['id']}")
            if not it["id"].startswith(kind):
                err(f"form: {key} id {it['id']} should start with {kind}")
            if it["file"] not in docs:
                err(f"{it['id']}: unknown file {it['file']}")
            if not MONTH.match(it["period"]):
                err(f"{it['id']}: bad period {it['period']}")
            if not isinstance(it["text"], str) or not it["text"].strip():
                err(f"{it['id']}: empty text")
            items[it["id"]] = dict(it, kind=kind)
    if errors:
        return report()

    # ---- files ----
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err(f"files: documents {sorted(docs)} != .txt on disk {on_disk}")
    texts = {}
    for fn, d in docs.items():
        m = FNAME.match(fn)
        if not m:
            err(f"{fn}: bad file name")
            continue
        if m.group(2) != d["planned_period"]:
            err(f"{fn}: name month {m.group(2)} != planned_period {d['planned_period']}")
        with open(os.path.join(HERE, fn), "rb") as f:
            raw = f.read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fn}: BOM")
        if b"\r" in raw:
            err(f"{fn}: CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{fn}: not UTF-8: {e}")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{fn}: not NFC")
        texts[fn] = t
        for r in d["reported_months"]:
            if r >= d["planned_period"]:
                err(f"{fn}: reported month {r} not before planned {d['planned_period']}")
        if d["reported_months"] != sorted(d["reported_months"]):
            err(f"{fn}: reported_months not sorted")
    for it in items.values():
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err(f"{it['id']}: text not NFC")
    if errors:
        return report()

    # ---- substrings, uniqueness, overlaps ----
    spans = {fn: [] for fn in texts}
    for it in items.values():
        t = texts[it["file"]]
        n = t.count(it["text"])
        if n != 1:
            err(f"{it['id']}: text found {n} times in {it['file']}")
            continue
        s = t.index(it["text"])
        it["span"] = (s, s + len(it["text"]))
        spans[it["file"]].append((s, s + len(it["text"]), it["id"]))
    for fn, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err(f"{fn}: {a[2]} and {b[2]} overlap")
    if errors:
        return report()

    # ---- sections: everything labelled, items in the right section, periods ----
    units = {}
    for fn, t in texts.items():
        d = docs[fn]
        units.setdefault(d["unit"], []).append(fn)
        lines, pos = [], 0
        for ln in t.split("\n"):
            lines.append((pos, ln))
            pos += len(ln) + 1
        section, cur_month = None, None
        sec_ranges = {"R": [], "T": []}
        seen_res_months, seen_task_heading = set(), False
        res_heading_months = set()
        for start, ln in lines:
            s = ln.strip()
            m = RES_START.match(s)
            if m:
                section = "R"
                sec_ranges["R"].append([start, None])
                if m.group(2):  # clerk A: month name
                    name = m.group(2)
                    for r in d["reported_months"]:
                        if VN_MONTH[int(r[5:])] == name:
                            res_heading_months.add(r)
                    cur_month = d["reported_months"][0] if len(d["reported_months"]) == 1 else None
                    if not res_heading_months:
                        err(f"{fn}: results heading month '{name}' not in reported_months")
                elif m.group(3):
                    mm = f"{m.group(4)}-{int(m.group(3)):02d}"
                    if mm not in d["reported_months"]:
                        err(f"{fn}: results heading month {mm} not in reported_months")
                    res_heading_months.add(mm)
                    cur_month = mm
                else:
                    cur_month = None
                continue
            m = TSK_START.match(s)
            if m:
                section = "T"
                sec_ranges["T"].append([start, None])
                seen_task_heading = True
                if m.group(2):
                    want = VN_MONTH[int(d["planned_period"][5:])]
                    if m.group(2) != want:
                        err(f"{fn}: task heading month '{m.group(2)}' != planned {d['planned_period']}")
                else:
                    mm = f"{m.group(4)}-{int(m.group(3)):02d}"
                    if mm != d["planned_period"]:
                        err(f"{fn}: task heading month {mm} != planned {d['planned_period']}")
                continue
            if section and (RES_END.match(s) or TSK_END.match(s)):
                sec_ranges[section][-1][1] = start
                section = None
                continue
            if section is None:
                continue
            ms = MONTH_SUB.match(s)
            if ms and section == "R":
                cur_month = f"{ms.group(2)}-{int(ms.group(1)):02d}"
                if cur_month not in d["reported_months"]:
                    err(f"{fn}: sub-heading month {cur_month} not reported")
                res_heading_months.add(cur_month)
            # replace labelled items on this line by a sentinel
            end = start + len(ln)
            here = [x for x in spans[fn] if x[0] < end and x[1] > start]
            buf = ln
            for a, b, iid in sorted(here, reverse=True):
                if a < start or b > end:
                    err(f"{fn}: {iid} spans a line break")
                    continue
                it = items[iid]
                if it["kind"] != section:
                    err(f"{fn}: {iid} lies in the {'results' if section == 'R' else 'tasks'} section")
                if section == "R":
                    seen_res_months.add(it["period"])
                    if cur_month and it["period"] != cur_month:
                        err(f"{fn}: {iid} period {it['period']} but it stands under month {cur_month}")
                buf = buf[:a - start] + SENT + buf[b - start:]
            if SENT in buf:
                rest = buf.replace(SENT, " ").strip()
                if not (MARKER.match(rest) or RUNIN.match(rest)):
                    err(f"{fn}: unlabelled text on an item line: {rest!r}")
            else:
                if s and not any(h.match(s) for h in HEADING):
                    err(f"{fn}: unlabelled line in {'results' if section == 'R' else 'tasks'} section: {s[:70]!r}")
        if not seen_task_heading:
            err(f"{fn}: no tasks section")
        for k in ("R", "T"):
            for a, b in sec_ranges[k]:
                if b is None:
                    err(f"{fn}: unclosed section {k}")
        if res_heading_months != set(d["reported_months"]):
            err(f"{fn}: months named in the results headings {sorted(res_heading_months)} "
                f"!= reported_months {d['reported_months']}")
        # every item inside its section
        for a, b, iid in spans[fn]:
            k = items[iid]["kind"]
            if not any(x <= a and b <= (y or len(t)) for x, y in sec_ranges[k]):
                err(f"{fn}: {iid} outside its section")

    # ---- counts and periods ----
    for fn, d in docs.items():
        nt = sum(1 for i in items.values() if i["kind"] == "T" and i["file"] == fn)
        nr = sum(1 for i in items.values() if i["kind"] == "R" and i["file"] == fn)
        if not 10 <= nt <= 18:
            err(f"{fn}: {nt} tasks (want 10-18)")
        if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
            err(f"{fn}: {nr} results (want 10-18)")
    for it in items.values():
        d = docs[it["file"]]
        if it["kind"] == "T" and it["period"] != d["planned_period"]:
            err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
        if it["kind"] == "R" and it["period"] not in d["reported_months"]:
            err(f"{it['id']}: period {it['period']} not reported by {it['file']}")

    # ---- links ----
    def doc_of(i):
        return docs[items[i]["file"]]

    ft_pairs, co_pairs = set(), set()
    linked = set()
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err(f"form: follow_through fields {sorted(l)}")
            continue
        t, r = l["task"], l["result"]
        if t not in items or items[t]["kind"] != "T":
            err(f"follow_through: {t} is not a task"); continue
        if r not in items or items[r]["kind"] != "R":
            err(f"follow_through: {r} is not a result"); continue
        if l["status"] not in STATUSES:
            err(f"follow_through {t}->{r}: status {l['status']}")
        if (t, r) in ft_pairs:
            err(f"follow_through {t}->{r} twice")
        ft_pairs.add((t, r))
        dt, dr = doc_of(t), doc_of(r)
        if dt["unit"] != dr["unit"]:
            err(f"follow_through {t}->{r}: across units")
        if dr["planned_period"] <= dt["planned_period"]:
            err(f"follow_through {t}->{r}: not forward in time")
        if items[r]["period"] < items[t]["period"]:
            err(f"follow_through {t}->{r}: result period before task period")
        first = sorted((x for x in docs.values() if x["unit"] == dt["unit"]
                        and items[t]["period"] in x["reported_months"]),
                       key=lambda x: x["planned_period"])
        if not first or first[0]["file"] != dr["file"]:
            err(f"follow_through {t}->{r}: not in the first document reporting on {items[t]['period']}")
        linked.add(t)
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err(f"form: carry_over fields {sorted(l)}")
            continue
        a, b = l["from"], l["to"]
        if a not in items or items[a]["kind"] != "T" or b not in items or items[b]["kind"] != "T":
            err(f"carry_over {a}->{b}: not two tasks"); continue
        if l["kind"] not in KINDS:
            err(f"carry_over {a}->{b}: kind {l['kind']}")
        if (a, b) in co_pairs:
            err(f"carry_over {a}->{b} twice")
        co_pairs.add((a, b))
        da, db = doc_of(a), doc_of(b)
        if da["unit"] != db["unit"]:
            err(f"carry_over {a}->{b}: across units")
        if db["planned_period"] <= da["planned_period"]:
            err(f"carry_over {a}->{b}: not forward in time")
        linked.add(a)

    # ---- gaps ----
    last = {u: max(fns, key=lambda f: docs[f]["planned_period"]) for u, fns in units.items()}
    want = sorted((i for i, it in items.items() if it["kind"] == "T"
                   and it["file"] != last[docs[it["file"]]["unit"]] and i not in linked),
                  key=lambda x: (x[:3], int(x[4:])))
    got = sorted(gold["gaps"], key=lambda x: (x[:3], int(x[4:])))
    if len(set(got)) != len(got):
        err("gaps: duplicates")
    if set(got) != set(want):
        err(f"gaps: listed {got}, but the unlinked tasks of non-last documents are {want}")

    # ---- decoys ----
    all_pairs = ft_pairs | co_pairs
    within = []
    p = os.path.join(HERE, "_src", "within_unit_decoys.json")
    if os.path.exists(p):
        with open(p, encoding="utf-8") as f:
            within = json.load(f)
    for a, b in list(decoys) + within:
        if a not in items or b not in items:
            err(f"decoy ({a}, {b}): unknown id")
        if (a, b) in all_pairs or (b, a) in all_pairs:
            err(f"decoy ({a}, {b}) is linked")
    for a, b in decoys:
        if a in items and b in items and doc_of(a)["unit"] == doc_of(b)["unit"]:
            err(f"cross_unit_decoy ({a}, {b}) within one unit")

    return report()


def report():
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"{len(errors)} error(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
