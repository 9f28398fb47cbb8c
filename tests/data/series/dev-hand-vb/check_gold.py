#!/usr/bin/env python3
"""Check gold.json of hand VB against its documents.  Prints OK when every check passes.

Checks: the form of gold.json; file names; UTF-8 / NFC / '\n' / no BOM; every text an exact
unique substring of its file and no overlaps; every sentence or bullet of the results and
tasks sections labelled (headings, notes and lead-ins ending with ':' skipped), each item one
sentence; item kinds inside the right sections; task/result counts per document; periods agree
with the documents (file name, title, month sub-headings, consecutive reporting); links within
one unit and forward in time; allowed statuses and kinds; gaps exactly the unlinked tasks of
non-last documents; decoys across units and never linked.
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


# section layouts of the two offices: (results start, results end, tasks start, tasks end)
LAYOUTS = {
    "phuong-cam-giang": (r"^A\. VIỆC ĐÃ LÀM", r"^B\. VIỆC CHƯA ĐẠT", r"^C\. VIỆC PHẢI LÀM", r"^D\. KIẾN NGHỊ"),
    "xa-tan-phuoc-son": (r"^I\. NHỮNG VIỆC ĐÃ LÀM", r"^II\. NHỮNG VIỆC CÒN CHẬM", r"^III\. GIAO VIỆC", r"^IV\. TỔ CHỨC THỰC HIỆN"),
}
MARKER = re.compile(r"^(?:–|-|\+|[a-zđ]\)|[A-Z]\.\d+\.|\d+\.|\(\d+\))\s+")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def month_add(ym, k):
    y, m = map(int, ym.split("-"))
    m += k
    while m > 12:
        y, m = y + 1, m - 12
    while m < 1:
        y, m = y - 1, m + 12
    return f"{y:04d}-{m:02d}"


def sentences(line, base):
    """Split a marker-stripped line into sentences; return (start, end) absolute spans."""
    out, start = [], 0
    i = 0
    while i < len(line):
        if line[i] == "." and i + 2 < len(line) and line[i + 1] == " " and line[i + 2].isupper():
            out.append((start, i + 1))
            start = i + 2
            i += 2
            continue
        i += 1
    if line[start:].strip():
        out.append((start, len(line.rstrip())))
    return [(base + a, base + b) for a, b in out]


def main():
    try:
        gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    except Exception as e:  # noqa
        print("gold.json unreadable:", e)
        sys.exit(1)

    # ---------------- form
    for key, typ in [("documents", list), ("tasks", list), ("results", list), ("follow_through", list),
                     ("carry_over", list), ("gaps", list), ("cross_unit_decoys", list)]:
        if not isinstance(gold.get(key), typ):
            err(f"form: missing or bad '{key}'")
    if errors:
        report()
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
    if extra:
        err(f"form: unknown keys {sorted(extra)}")
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"form: document keys {sorted(d)}")
    for coll in ("tasks", "results"):
        for it in gold[coll]:
            if set(it) != {"id", "file", "period", "text"} or not all(isinstance(it[k], str) for k in it):
                err(f"form: {coll} item {it.get('id')} keys/types")
    for f in gold["follow_through"]:
        if set(f) != {"task", "result", "status"}:
            err(f"form: follow_through {f}")
    for c in gold["carry_over"]:
        if set(c) != {"from", "to", "kind"}:
            err(f"form: carry_over {c}")
    for p in gold["cross_unit_decoys"]:
        if not (isinstance(p, list) and len(p) == 2):
            err(f"form: decoy {p}")
    if errors:
        report()

    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        err("form: duplicate document files")
    tasks = {t["id"]: t for t in gold["tasks"]}
    results = {r["id"]: r for r in gold["results"]}
    if len(tasks) != len(gold["tasks"]) or len(results) != len(gold["results"]):
        err("form: duplicate item ids")
    if set(tasks) & set(results):
        err("form: an id is both task and result")
    unit_of = {f: d["unit"] for f, d in docs.items()}

    # ---------------- files
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if on_disk != sorted(docs):
        err(f"files: on disk {on_disk} != documents {sorted(docs)}")
    texts = {}
    for fname, d in docs.items():
        m = FNAME.match(fname)
        if not m:
            err(f"file name {fname}")
            continue
        if f"{m.group(2)}-{m.group(3)}" != d["planned_period"]:
            err(f"{fname}: name month != planned_period {d['planned_period']}")
        raw = open(os.path.join(HERE, fname), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fname}: BOM")
        if b"\r" in raw:
            err(f"{fname}: CR line ends")
        try:
            txt = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{fname}: not UTF-8")
            continue
        if unicodedata.normalize("NFC", txt) != txt:
            err(f"{fname}: not NFC")
        texts[fname] = txt
        # header and closing of the state genre
        for need in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: ", "Nơi nhận:"):
            if need not in txt:
                err(f"{fname}: missing '{need}'")
        if m.group(1) not in LAYOUTS:
            err(f"{fname}: unknown unit slug {m.group(1)}")

    # ---------------- items: exact unique substrings, no overlaps
    spans = {f: [] for f in docs}  # file -> [(start, end, id, kind)]
    for coll, kind in (("tasks", "T"), ("results", "R")):
        for it in gold[coll]:
            f = it["file"]
            if f not in texts:
                err(f"{it['id']}: unknown file {f}")
                continue
            if unicodedata.normalize("NFC", it["text"]) != it["text"]:
                err(f"{it['id']}: text not NFC")
            n = texts[f].count(it["text"])
            if n != 1:
                err(f"{it['id']}: text found {n} times in {f}")
                continue
            s = texts[f].index(it["text"])
            spans[f].append((s, s + len(it["text"]), it["id"], kind))
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err(f"{f}: items {a[2]} and {b[2]} overlap")

    # ---------------- sections: every sentence / bullet labelled, items in the right section
    for f, txt in texts.items():
        slug = FNAME.match(f).group(1)
        if slug not in LAYOUTS:
            continue
        rs, re_, ts, te = [re.compile(p) for p in LAYOUTS[slug]]
        lines, off = [], 0
        for ln in txt.split("\n"):
            lines.append((off, ln))
            off += len(ln) + 1
        sect, sect_ranges = None, {"R": [], "T": []}
        month_heading = None
        reported_ok = set(docs[f]["reported_months"])
        found = {"R": False, "T": False}
        for base, ln in lines:
            if rs.search(ln):
                sect, found["R"] = "R", True
                continue
            if ts.search(ln):
                sect, found["T"] = "T", True
                continue
            if re_.search(ln) or te.search(ln):
                sect = None
                continue
            if sect is None:
                continue
            sect_ranges[sect].append((base, base + len(ln)))
            s = ln.strip()
            if not s:
                continue
            mh = re.match(r"^Kết quả tháng (\d{1,2})/(\d{4})$", s)
            if mh:
                month_heading = f"{mh.group(2)}-{int(mh.group(1)):02d}"
                if month_heading not in reported_ok:
                    err(f"{f}: month heading {s} not a reported month")
                continue
            if s.endswith(":") or (s.startswith("(") and s.endswith(")")) or not s[-1] in ".;":
                continue  # lead-in, note or heading
            lead = len(ln) - len(ln.lstrip())
            m = MARKER.match(ln[lead:])
            body_start = lead + (m.end() if m else 0)
            for a, b in sentences(ln[body_start:], base + body_start):
                cover = [x for x in spans[f] if x[0] <= a and b <= x[1]]
                if not cover:
                    err(f"{f}: unlabelled sentence in {'results' if sect == 'R' else 'tasks'}: {txt[a:b][:70]!r}")
                    continue
                if cover[0][3] != sect:
                    err(f"{f}: {cover[0][2]} labelled in the wrong section")
                if sect == "R" and month_heading:
                    if results[cover[0][2]]["period"] != month_heading:
                        err(f"{f}: {cover[0][2]} period != heading {month_heading}")
        for k in ("R", "T"):
            if not found[k]:
                err(f"{f}: section {k} not found")
        # every item inside its section, and exactly one sentence
        for a, b, iid, kind in spans[f]:
            if not any(x <= a and b <= y for x, y in sect_ranges[kind]):
                err(f"{f}: {iid} outside its section")
            inner = txt[a:b]
            if len(sentences(inner, 0)) != 1:
                err(f"{f}: {iid} holds more than one sentence")

    # ---------------- counts
    for f in docs:
        nt = sum(1 for x in spans[f] if x[3] == "T")
        nr = sum(1 for x in spans[f] if x[3] == "R")
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks")
        if not (10 <= nr <= 18 or nr == 0):
            err(f"{f}: {nr} results")

    # ---------------- periods
    by_unit = {}
    for f, d in docs.items():
        by_unit.setdefault(d["unit"], []).append(d)
    for unit, ds in by_unit.items():
        ds.sort(key=lambda d: d["planned_period"])
        for i, d in enumerate(ds):
            if i == 0:
                want = [month_add(d["planned_period"], -1)]
            else:
                want, m = [], ds[i - 1]["planned_period"]
                while m < d["planned_period"]:
                    want.append(m)
                    m = month_add(m, 1)
            if d["reported_months"] != want:
                err(f"{d['file']}: reported_months {d['reported_months']} != expected {want}")
            # title line: "... tháng X [, tháng Y] và (giao việc|việc phải làm) tháng Z năm YYYY"
            txt = texts.get(d["file"], "")
            title = next((ln for ln in txt.split("\n")[:25] if re.search(r"(giao việc|việc phải làm) tháng", ln)), None)
            if not title:
                err(f"{d['file']}: no title line")
                continue
            ms = [int(x) for x in re.findall(r"tháng (\d{1,2})", title)]
            yr = re.search(r"năm (\d{4})", title).group(1)
            got_rep = [f"{yr}-{x:02d}" for x in ms[:-1]]
            got_plan = f"{yr}-{ms[-1]:02d}"
            if got_plan != d["planned_period"] or got_rep != d["reported_months"]:
                err(f"{d['file']}: title months {ms} disagree with {d['reported_months']} -> {d['planned_period']}")
    for t in tasks.values():
        if t["file"] in docs and t["period"] != docs[t["file"]]["planned_period"]:
            err(f"{t['id']}: period != planned_period")
    for r in results.values():
        if r["file"] in docs and r["period"] not in docs[r["file"]]["reported_months"]:
            err(f"{r['id']}: period not a reported month")

    # ---------------- links
    def doc_of(iid):
        it = tasks.get(iid) or results.get(iid)
        return docs[it["file"]] if it else None

    linked = set()
    for fl in gold["follow_through"]:
        t, r = tasks.get(fl["task"]), results.get(fl["result"])
        if not t or not r:
            err(f"follow_through: unknown ids {fl}")
            continue
        if fl["status"] not in STATUSES:
            err(f"follow_through: status {fl}")
        if unit_of[t["file"]] != unit_of[r["file"]]:
            err(f"follow_through across units {fl}")
        if r["period"] != t["period"]:
            err(f"follow_through: result period {r['period']} != task period {t['period']} {fl}")
        first = next(d for d in sorted(by_unit[unit_of[t["file"]]], key=lambda d: d["planned_period"])
                     if t["period"] in d["reported_months"])
        if r["file"] != first["file"]:
            err(f"follow_through: {fl} not in first document reporting {t['period']}")
        linked.add(t["id"])
    seen_pairs = set()
    for c in gold["carry_over"]:
        a, b = tasks.get(c["from"]), tasks.get(c["to"])
        if not a or not b:
            err(f"carry_over: unknown ids {c}")
            continue
        if c["kind"] not in KINDS:
            err(f"carry_over: kind {c}")
        if unit_of[a["file"]] != unit_of[b["file"]]:
            err(f"carry_over across units {c}")
        if not a["period"] < b["period"]:
            err(f"carry_over not forward {c}")
        if (c["from"], c["to"]) in seen_pairs:
            err(f"carry_over duplicate {c}")
        seen_pairs.add((c["from"], c["to"]))
        linked.add(a["id"])
    fl_pairs = {(x["task"], x["result"]) for x in gold["follow_through"]}
    if len(fl_pairs) != len(gold["follow_through"]):
        err("follow_through duplicate pair")

    # ---------------- gaps
    last = {u: max(d["planned_period"] for d in ds) for u, ds in by_unit.items()}
    want_gaps = sorted(t["id"] for t in tasks.values()
                       if t["id"] not in linked and docs[t["file"]]["planned_period"] != last[unit_of[t["file"]]])
    if sorted(gold["gaps"]) != want_gaps:
        err(f"gaps {sorted(gold['gaps'])} != unlinked tasks of non-last documents {want_gaps}")

    # ---------------- decoys
    all_links = fl_pairs | seen_pairs
    for a, b in gold["cross_unit_decoys"]:
        da, db = doc_of(a), doc_of(b)
        if not da or not db:
            err(f"decoy: unknown ids {a} {b}")
            continue
        if da["unit"] == db["unit"]:
            err(f"decoy within one unit {a} {b}")
        if (a, b) in all_links or (b, a) in all_links:
            err(f"decoy linked {a} {b}")
    if len({tuple(p) for p in gold["cross_unit_decoys"]}) != len(gold["cross_unit_decoys"]):
        err("decoy duplicate")

    report()


def report():
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"{len(errors)} error(s)")
        sys.exit(1)
    print("OK")
    sys.exit(0)


if __name__ == "__main__":
    main()
