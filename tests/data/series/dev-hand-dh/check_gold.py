#!/usr/bin/env python3
"""Check gold.json of the hand-dh series against its documents.  Prints OK or the problems.

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / '\n'; every item text an
exact unique substring of its file, no overlaps; every bullet of the results and tasks
sections labelled (headings and lead-ins skipped) and one sentence per bullet; 10-18 tasks
and results per document; periods agree with the documents (title, date, skipped month);
links within one unit and forward in time; allowed statuses and kinds; gaps exactly the
unlinked tasks of non-last documents; decoys (cross-unit and decoys_within.json) never linked.
The section boundaries below are typed by hand from the documents.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

# file -> section boundaries: (first line of section, first line after it), by line prefix
SECTIONS = {
    "phu-lam-son_2025-11.txt": {
        "results": ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 10", "4. Hạn chế, tồn tại"),
        "tasks": ("II. NHIỆM VỤ THÁNG 11", "Thường trực Đảng ủy giao Văn phòng"),
    },
    "phu-lam-son_2025-12.txt": {
        "results": ("1. Kết quả tháng 11", "Tồn tại, hạn chế:"),
        "tasks": ("Phương hướng tháng 12:", "Văn phòng Đảng ủy theo dõi"),
    },
    "phu-lam-son_2026-01.txt": {
        "results": ("I. KẾT QUẢ THÁNG 12/2025", "II. HẠN CHẾ"),
        "tasks": ("Thời gian tới, Thường trực Đảng ủy yêu cầu:", "Giao các đồng chí Ủy viên"),
    },
    "phu-lam-son_2026-03.txt": {
        "results": ("A. KẾT QUẢ THÁNG 01 VÀ THÁNG 02", "Hạn chế:"),
        "tasks": ("B. NHIỆM VỤ TRỌNG TÂM THÁNG 3/2026", "Thường trực Đảng ủy giao các đồng chí"),
    },
    "phu-lam-son_2026-04.txt": {
        "results": ("I. Tình hình, kết quả tháng 3", "II. Hạn chế"),
        "tasks": ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 4", "Giao Văn phòng Đảng ủy"),
    },
    "phu-lam-son_2026-05.txt": {
        "results": ("1. Kết quả nổi bật trong tháng 4", "2. Hạn chế"),
        "tasks": ("3. Tháng 5, Thường trực Đảng ủy yêu cầu tập trung:", "Thường trực Đảng ủy giao các đồng chí"),
    },
}
# month sub-headings inside a results section of a notice that reports two months
SUBHEAD_PERIOD = {
    "phu-lam-son_2026-03.txt": {"Tháng 01/2026:": "2026-01", "Tháng 02/2026:": "2026-02"},
}

BULLET = re.compile(r"^(?:[-+*•–]|\d+\)|[a-zđ]/)[ \t]+")
HEADING = re.compile(r"^(?:\d+\.|[IVX]+\.|[A-Z]\.)\s")
SENT_BREAK = re.compile(r"[.!?]\s+[A-ZÀ-ỸĐ0-9]")
FILE_RE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}

problems = []


def bad(msg):
    problems.append(msg)


def next_month(p):
    y, m = map(int, p.split("-"))
    m += 1
    if m == 13:
        y, m = y + 1, 1
    return "%04d-%02d" % (y, m)


def prev_month(p):
    y, m = map(int, p.split("-"))
    m -= 1
    if m == 0:
        y, m = y - 1, 12
    return "%04d-%02d" % (y, m)


def sections_of(fname, text):
    """Return {kind: (start_offset, end_offset)} and the bullets [(kind, start, end)]."""
    lines = text.split("\n")
    offs, o = [], 0
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1
    spans, bullets = {}, []
    for kind, (head, stop) in SECTIONS[fname].items():
        hs = [i for i, ln in enumerate(lines) if ln.startswith(head)]
        if len(hs) != 1:
            bad("%s: section heading %r found %d times" % (fname, head, len(hs)))
            continue
        h = hs[0]
        ss = [i for i in range(h + 1, len(lines)) if lines[i].startswith(stop)]
        if not ss:
            bad("%s: section end %r not found" % (fname, stop))
            continue
        s = ss[0]
        spans[kind] = (offs[h + 1], offs[s])
        cur = None
        for i in range(h + 1, s):
            ln = lines[i]
            if not ln.strip():
                cur = None
                continue
            m = BULLET.match(ln)
            if m:
                cur = [kind, offs[i] + m.end(), offs[i] + len(ln)]
                bullets.append(cur)
                continue
            if HEADING.match(ln) or ln.rstrip().endswith(":"):
                cur = None  # heading or lead-in: not an item
                continue
            if cur is None:
                bad("%s: line %d in %s section is neither bullet, heading nor continuation: %r"
                    % (fname, i + 1, kind, ln))
                continue
            cur[2] = offs[i] + len(ln)  # hard-wrapped continuation
    return spans, [tuple(b) for b in bullets]


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa
        print("cannot read gold.json:", e)
        sys.exit(1)

    # ---------------- form
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if not isinstance(gold.get(key), list):
            bad("gold.json: %s missing or not a list" % key)
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    for d in gold["documents"]:
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d:
                bad("document without %s: %r" % (k, d))
    for lst, name in ((gold["tasks"], "task"), (gold["results"], "result")):
        for it in lst:
            for k in ("id", "file", "period", "text"):
                if not isinstance(it.get(k), str) or not it.get(k):
                    bad("%s without %s: %r" % (name, k, it))
    for f in gold["follow_through"]:
        if set(f) != {"task", "result", "status"}:
            bad("follow_through fields: %r" % f)
        if f.get("status") not in STATUSES:
            bad("follow_through status not allowed: %r" % f)
    for c in gold["carry_over"]:
        if set(c) != {"from", "to", "kind"}:
            bad("carry_over fields: %r" % c)
        if c.get("kind") not in KINDS:
            bad("carry_over kind not allowed: %r" % c)
    cud = gold.get("cross_unit_decoys", [])
    if not isinstance(cud, list) or any(not (isinstance(p, list) and len(p) == 2) for p in cud):
        bad("cross_unit_decoys must be a list of pairs")
    if problems:
        print("\n".join(problems))
        sys.exit(1)

    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        bad("duplicate document")
    tasks = {t["id"]: t for t in gold["tasks"]}
    results = {r["id"]: r for r in gold["results"]}
    if len(tasks) != len(gold["tasks"]) or len(results) != len(gold["results"]):
        bad("duplicate item id")
    if set(tasks) & set(results):
        bad("an id is both task and result")

    # ---------------- files
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if on_disk != sorted(docs):
        bad("txt files on disk %r differ from documents %r" % (on_disk, sorted(docs)))
    texts = {}
    for fname, d in docs.items():
        m = FILE_RE.match(fname)
        if not m:
            bad("bad file name %s" % fname)
            continue
        if m.group(2) != d["planned_period"]:
            bad("%s: name month != planned_period %s" % (fname, d["planned_period"]))
        raw = open(os.path.join(HERE, fname), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            bad("%s: BOM" % fname)
        if b"\r" in raw:
            bad("%s: CR line ends" % fname)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            bad("%s: not UTF-8 (%s)" % (fname, e))
            continue
        if unicodedata.normalize("NFC", text) != text:
            bad("%s: not NFC" % fname)
        texts[fname] = text
        if fname not in SECTIONS:
            bad("%s: no section table" % fname)

    # ---------------- periods agree with the documents
    units = {}
    for d in gold["documents"]:
        units.setdefault(d["unit"], []).append(d)
    order = {}
    for unit, ds in units.items():
        ds.sort(key=lambda d: d["planned_period"])
        for i, d in enumerate(ds):
            order[d["file"]] = (unit, i)
            expect = []
            if i == 0:
                expect = [prev_month(d["planned_period"])]
            else:
                p = ds[i - 1]["planned_period"]
                while p != d["planned_period"]:
                    expect.append(p)
                    p = next_month(p)
            if d["reported_months"] != expect:
                bad("%s: reported_months %r, expected %r" % (d["file"], d["reported_months"], expect))
    for fname, text in texts.items():
        d = docs[fname]
        if "ĐẢNG CỘNG SẢN VIỆT NAM" not in text or not re.search(r"^Số \d+-TB/ĐU$", text, re.M):
            bad("%s: header incomplete" % fname)
        dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", text)
        if not dm or "%s-%02d" % (dm.group(3), int(dm.group(2))) != d["reported_months"][-1]:
            bad("%s: date is not in the last reported month" % fname)
        tm = re.search(r"THÔNG BÁO\n(.*?)\n\n", text, re.S)
        title = tm.group(1).replace("\n", " ") if tm else ""
        for p in d["reported_months"] + [d["planned_period"]]:
            mm = int(p[5:])
            if not re.search(r"tháng 0?%d\b" % mm, title):
                bad("%s: title does not name month %s" % (fname, p))
        if "Nơi nhận:" not in text:
            bad("%s: no Nơi nhận" % fname)

    # ---------------- items: exact unique substrings, no overlaps, sections, counts
    spans_by_file = {}
    for kind, lst in (("tasks", gold["tasks"]), ("results", gold["results"])):
        for it in lst:
            if it["file"] not in texts:
                bad("%s: unknown file %s" % (it["id"], it["file"]))
                continue
            text = texts[it["file"]]
            n = text.count(it["text"])
            if n != 1:
                bad("%s: text found %d times in %s" % (it["id"], n, it["file"]))
                continue
            a = text.index(it["text"])
            spans_by_file.setdefault(it["file"], []).append((a, a + len(it["text"]), it["id"], kind))
            if it["text"] != it["text"].strip():
                bad("%s: text has outer whitespace" % it["id"])
    for fname, sp in spans_by_file.items():
        sp.sort()
        for x, y in zip(sp, sp[1:]):
            if y[0] < x[1]:
                bad("%s: %s overlaps %s" % (fname, x[2], y[2]))
    for fname, text in texts.items():
        if fname not in SECTIONS:
            continue
        secs, bullets = sections_of(fname, text)
        labelled = {(a, b): (iid, kind) for a, b, iid, kind in spans_by_file.get(fname, [])}
        seen = set()
        for kind, a, b in bullets:
            body_end = b
            while body_end > a and text[body_end - 1] in " \t":
                body_end -= 1
            lab = labelled.get((a, body_end))
            if lab is None:
                bad("%s: unlabelled %s bullet: %r" % (fname, kind, text[a:body_end][:70]))
                continue
            if lab[1] != kind:
                bad("%s: %s labelled as %s but sits in %s section" % (fname, lab[0], lab[1], kind))
            seen.add(lab[0])
            if SENT_BREAK.search(text[a:body_end].replace("\n", " ")):
                bad("%s: bullet %s holds more than one sentence" % (fname, lab[0]))
        for a, b, iid, kind in spans_by_file.get(fname, []):
            if iid not in seen:
                bad("%s: item %s is not a whole bullet of a section" % (fname, iid))
        nt = sum(1 for t in gold["tasks"] if t["file"] == fname)
        nr = sum(1 for r in gold["results"] if r["file"] == fname)
        if not 10 <= nt <= 18:
            bad("%s: %d tasks" % (fname, nt))
        if not (10 <= nr <= 18):
            bad("%s: %d results" % (fname, nr))
        # periods of items
        d = docs[fname]
        for t in gold["tasks"]:
            if t["file"] == fname and t["period"] != d["planned_period"]:
                bad("%s: period %s != planned %s" % (t["id"], t["period"], d["planned_period"]))
        sub = SUBHEAD_PERIOD.get(fname, {})
        subpos = sorted((text.index(h), p) for h, p in sub.items()) if sub else []
        for r in gold["results"]:
            if r["file"] != fname:
                continue
            if r["period"] not in d["reported_months"]:
                bad("%s: period %s not reported by %s" % (r["id"], r["period"], fname))
            if subpos:
                a = text.index(r["text"])
                cur = None
                for pos, p in subpos:
                    if pos < a:
                        cur = p
                if cur != r["period"]:
                    bad("%s: period %s but sits under the heading of %s" % (r["id"], r["period"], cur))

    # ---------------- links
    def unit_of(item):
        return docs[item["file"]]["unit"]

    ft_tasks, co_from = set(), set()
    for f in gold["follow_through"]:
        t, r = tasks.get(f["task"]), results.get(f["result"])
        if t is None or r is None:
            bad("follow_through with unknown id: %r" % f)
            continue
        ft_tasks.add(t["id"])
        if unit_of(t) != unit_of(r):
            bad("follow_through across units: %r" % f)
            continue
        ut, it_ = order[t["file"]]
        ur, ir = order[r["file"]]
        if ir <= it_:
            bad("follow_through not forward: %r" % f)
        if r["period"] < t["period"]:
            bad("follow_through result reports a month before the task's: %r" % f)
        # must be the first later document that reports the task's month
        first = None
        for d in units[ut][it_ + 1:]:
            if t["period"] in d["reported_months"]:
                first = d["file"]
                break
        if first != r["file"]:
            bad("follow_through result not in the first document reporting %s: %r" % (t["period"], f))
    pairs = [(f["task"], f["result"]) for f in gold["follow_through"]]
    if len(set(pairs)) != len(pairs):
        bad("duplicate follow_through")
    for c in gold["carry_over"]:
        a, b = tasks.get(c["from"]), tasks.get(c["to"])
        if a is None or b is None:
            bad("carry_over with unknown id: %r" % c)
            continue
        co_from.add(a["id"])
        if unit_of(a) != unit_of(b):
            bad("carry_over across units: %r" % c)
        if not a["period"] < b["period"]:
            bad("carry_over not forward: %r" % c)
    cpairs = [(c["from"], c["to"]) for c in gold["carry_over"]]
    if len(set(cpairs)) != len(cpairs):
        bad("duplicate carry_over")

    # ---------------- gaps
    expect_gaps = set()
    for t in gold["tasks"]:
        unit, i = order[t["file"]]
        if i == len(units[unit]) - 1:
            continue
        if t["id"] not in ft_tasks and t["id"] not in co_from:
            expect_gaps.add(t["id"])
    if set(gold["gaps"]) != expect_gaps or len(gold["gaps"]) != len(set(gold["gaps"])):
        bad("gaps %r != unlinked tasks of non-last documents %r"
            % (sorted(gold["gaps"]), sorted(expect_gaps)))

    # ---------------- decoys
    linked = set(pairs) | set(cpairs)
    linked |= {(b, a) for a, b in linked}
    allpairs = [tuple(p) for p in cud]
    for p in cud:
        a, b = p
        ia = tasks.get(a) or results.get(a)
        ib = tasks.get(b) or results.get(b)
        if ia is None or ib is None:
            bad("cross_unit_decoy with unknown id: %r" % p)
        elif unit_of(ia) == unit_of(ib):
            bad("cross_unit_decoy within one unit: %r" % p)
    wpath = os.path.join(HERE, "decoys_within.json")
    if os.path.exists(wpath):
        for p in json.load(open(wpath, encoding="utf-8"))["pairs"]:
            a, b = p
            ia = tasks.get(a) or results.get(a)
            ib = tasks.get(b) or results.get(b)
            if ia is None or ib is None:
                bad("within-unit decoy with unknown id: %r" % p)
            allpairs.append(tuple(p))
    for a, b in allpairs:
        if (a, b) in linked:
            bad("decoy pair is linked: %s %s" % (a, b))

    if problems:
        print("\n".join(problems))
        print("FAILED: %d problem(s)" % len(problems))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
