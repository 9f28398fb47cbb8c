#!/usr/bin/env python3
"""Check gold.json of this folder against its documents.  Prints OK or the errors.

Checks: the form of gold.json; file names; UTF-8, no BOM, \\n line ends, NFC;
every item text an exact unique substring of its file, items not overlapping,
each item a whole sentence or bullet lying in the right section; every
sentence/bullet of the results and tasks sections labelled (headings and
lead-ins skipped); 10-18 tasks and 10-18 results (or none) per document;
periods agreeing with the documents (file name, headings, date); links inside
one unit and forward in time; allowed statuses and kinds; gaps exactly the
unlinked tasks of non-last documents; decoys never linked.

Section boundaries are typed by hand below (SECTIONS): a line that begins
with one of the listed prefixes switches the mode to R (results), T (tasks)
or X (anything else) from the next line on.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


SECTIONS = {
    "hon-lam_2025-12.txt": [
        ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 11", "R"),
        ("II. HẠN CHẾ, TỒN TẠI", "X"),
        ("III. NHIỆM VỤ TRỌNG TÂM THÁNG 12", "T"),
        ("Ban Thường vụ Đảng ủy đặc khu giao Văn phòng", "X"),
    ],
    "hon-lam_2026-01.txt": [
        ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 12", "R"),
        ("II. HẠN CHẾ", "X"),
        ("III. NHIỆM VỤ TRỌNG TÂM THÁNG 01", "T"),
        ("Ban Thường vụ Đảng ủy yêu cầu các chi", "X"),
    ],
    "hon-lam_2026-02.txt": [
        ("1. Kết quả thực hiện nhiệm vụ tháng 01", "R"),
        ("2. Hạn chế", "X"),
        ("3. Nhiệm vụ trọng tâm tháng 02", "T"),
        ("Giao Văn phòng Đảng ủy theo dõi", "X"),
    ],
    "hon-lam_2026-04.txt": [
        ("I. KẾT QUẢ LÃNH ĐẠO, CHỈ ĐẠO QUÝ I", "R"),
        ("II. HẠN CHẾ, TỒN TẠI", "X"),
        ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ II", "T"),
        ("Ban Thường vụ Đảng ủy giao Ủy ban nhân dân", "X"),
    ],
    "hon-lam_2026-05.txt": [
        ("a) Kết quả tháng 4:", "R"),
        ("b) Nhiệm vụ tháng 5:", "T"),
        ("1. Xây dựng Đảng", "X"),
        ("2. Kinh tế, đô thị", "X"),
        ("3. Văn hóa - xã hội", "X"),
        ("4. Quốc phòng, an ninh", "X"),
        ("II. HẠN CHẾ, TỒN TẠI", "X"),
    ],
    "hon-lam_2026-06.txt": [
        ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 5", "R"),
        ("II. HẠN CHẾ", "X"),
        ("III. NHIỆM VỤ TRỌNG TÂM THÁNG 6", "T"),
        ("Ban Thường vụ Đảng ủy giao Văn phòng", "X"),
    ],
}

FILE_RE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
MARKER_RE = re.compile(r"^\s*(?:\(\d+\)|\d+\.|[a-zđ]\)|[-+•])\s+")
HEADING_RE = re.compile(r"^(?:[IVX]+\.|\d+\.|[a-zđ]\))\s+\S.*$")
SENT_END = ".!?"
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
QUARTERS = {"I": (1, 2, 3), "II": (4, 5, 6), "III": (7, 8, 9), "IV": (10, 11, 12)}


def months_in(text):
    """Month numbers named in a heading: 'tháng 5', 'THÁNG 01', 'quý II'."""
    low = text.lower()
    ms = {int(m) for m in re.findall(r"tháng\s+0?(\d{1,2})\b", low)}
    for q in re.findall(r"quý\s+(iv|iii|ii|i)\b", low):
        ms.update(QUARTERS[q.upper()])
    return ms


def ym(s):
    y, m = s.split("-")
    return int(y), int(m)


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        raw = open(path, "rb").read()
        gold = json.loads(raw.decode("utf-8"))
    except Exception as e:  # noqa
        print(f"FAIL: cannot read gold.json: {e}")
        sys.exit(1)

    # ---------------- form
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)]:
        if not isinstance(gold.get(key), typ):
            err(f"form: '{key}' missing or not a list")
    if "cross_unit_decoys" in gold and not isinstance(gold["cross_unit_decoys"], list):
        err("form: cross_unit_decoys not a list")
    extra = set(gold) - {"documents", "tasks", "results", "follow_through",
                         "carry_over", "gaps", "cross_unit_decoys"}
    if extra:
        err(f"form: unknown top-level keys {sorted(extra)}")
    if ERR:
        report()

    docs = {}
    for d in gold["documents"]:
        need = {"file", "unit", "reported_months", "planned_period"}
        if not need <= set(d) or set(d) - need - {"planned_months"}:
            err(f"form: document keys {sorted(d)}")
            continue
        f = d["file"]
        if f in docs:
            err(f"form: document listed twice {f}")
        docs[f] = d
        m = FILE_RE.match(f)
        if not m:
            err(f"file name: {f}")
        elif f"{m.group(2)}-{m.group(3)}" != d["planned_period"]:
            err(f"file name month != planned_period: {f}")
        if not MONTH_RE.match(d["planned_period"]):
            err(f"{f}: planned_period {d['planned_period']}")
        if not d["reported_months"] or not all(MONTH_RE.match(x) for x in d["reported_months"]):
            err(f"{f}: reported_months {d['reported_months']}")
        if "planned_months" in d:
            pm = d["planned_months"]
            if not pm or pm[0] != d["planned_period"] or not all(MONTH_RE.match(x) for x in pm):
                err(f"{f}: planned_months {pm}")
        if not isinstance(d["unit"], str) or not d["unit"]:
            err(f"{f}: unit")
        if f not in SECTIONS:
            err(f"{f}: no section table in check_gold.py")

    on_disk = sorted(x for x in os.listdir(HERE) if x.endswith(".txt"))
    if on_disk != sorted(docs):
        err(f"documents on disk {on_disk} != gold documents {sorted(docs)}")

    # ---------------- texts
    texts = {}
    for f in docs:
        p = os.path.join(HERE, f)
        if not os.path.exists(p):
            err(f"missing file {f}")
            continue
        b = open(p, "rb").read()
        if b.startswith(b"\xef\xbb\xbf"):
            err(f"{f}: BOM")
        if b"\r" in b:
            err(f"{f}: CR line ends")
        try:
            t = b.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{f}: not UTF-8")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{f}: not NFC")
        texts[f] = t

    # ---------------- items
    ids = {}
    items_by_file = {f: [] for f in docs}
    for kind, lst in (("T", gold["tasks"]), ("R", gold["results"])):
        for it in lst:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"form: item keys {sorted(it)}")
                continue
            iid = it["id"]
            if iid in ids:
                err(f"duplicate id {iid}")
            ids[iid] = (kind, it)
            f = it["file"]
            if f not in docs:
                err(f"{iid}: unknown file {f}")
                continue
            d = docs[f]
            if kind == "T" and it["period"] != d["planned_period"]:
                err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
            if kind == "R" and it["period"] not in d["reported_months"]:
                err(f"{iid}: period {it['period']} not in reported {d['reported_months']}")
            t = texts.get(f)
            if t is None:
                continue
            x = it["text"]
            if unicodedata.normalize("NFC", x) != x:
                err(f"{iid}: text not NFC")
            n = t.count(x)
            if n != 1:
                err(f"{iid}: text occurs {n} times in {f}")
                continue
            s = t.index(x)
            items_by_file[f].append((s, s + len(x), iid, kind))

    # ---------------- sections, coverage, sentence shape
    for f, t in texts.items():
        spans = sorted(items_by_file[f])
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1]:
                err(f"{f}: items overlap {a[2]} / {b[2]}")
        table = SECTIONS.get(f, [])
        seen_prefix = {p: 0 for p, _ in table}
        mode = "X"
        line_mode = []  # (start, end, mode, is_marker)
        pos = 0
        for line in t.split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            hit = None
            for p, md in table:
                if line.startswith(p):
                    hit = md
                    seen_prefix[p] += 1
                    break
            if hit is not None:
                line_mode.append((start, end, "X", True, line))
                mode = hit
            else:
                line_mode.append((start, end, mode, False, line))
        for p, c in seen_prefix.items():
            if c == 0:
                err(f"{f}: section line not found: {p!r}")

        # modes of items
        for s, e, iid, kind in spans:
            owner = [lm for lm in line_mode if lm[0] <= s and e <= lm[1]]
            if len(owner) != 1:
                err(f"{iid}: item not inside one line")
                continue
            ls, le, md, _, line = owner[0]
            if md != kind:
                err(f"{iid}: item of kind {kind} lies in a {md} section of {f}")
            # whole sentence / bullet
            before = t[ls:s]
            mk = MARKER_RE.match(line)
            head = mk.end() if mk else 0
            if s - ls != head:
                prev = before.rstrip()
                if not prev or prev[-1] not in SENT_END or prev == before:
                    err(f"{iid}: does not start at a sentence or bullet start")
            x = t[s:e]
            if x[-1] not in SENT_END:
                err(f"{iid}: does not end a sentence")
            after = t[e:le]
            if after and not after.startswith(" "):
                err(f"{iid}: ends inside a word")
            for mm in re.finditer(r"[.!?]\s+(\S)", x):
                if mm.group(1).isupper():
                    err(f"{iid}: holds more than one sentence")
                    break
            if not x[0].isupper() and not x[0].isdigit():
                err(f"{iid}: does not begin like a sentence: {x[:20]!r}")

        # coverage of R / T lines
        for ls, le, md, is_marker, line in line_mode:
            if md not in ("R", "T") or is_marker or not line.strip():
                continue
            covered = [(max(s, ls), min(e, le)) for s, e, _, _ in spans if s < le and e > ls]
            rest = list(line)
            for s, e in covered:
                for i in range(s - ls, e - ls):
                    rest[i] = " "
            rest = "".join(rest)
            mk = MARKER_RE.match(rest)
            if mk:
                rest = rest[mk.end():]
            if not rest.strip():
                continue
            if not covered and (line.rstrip().endswith(":") or
                                (HEADING_RE.match(line) and not line.rstrip().endswith("."))):
                continue  # heading or lead-in
            err(f"{f}: unlabelled text in a {md} section: {rest.strip()[:60]!r}")

    # ---------------- counts
    for f in docs:
        nt = sum(1 for x in items_by_file[f] if x[3] == "T")
        nr = sum(1 for x in items_by_file[f] if x[3] == "R")
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks")
        if not (nr == 0 or 10 <= nr <= 18):
            err(f"{f}: {nr} results")

    # ---------------- periods against the documents
    order = {}
    for f, d in docs.items():
        t = texts.get(f, "")
        m = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
        if not m:
            err(f"{f}: no date line")
            continue
        dt = (int(m.group(3)), int(m.group(2)), int(m.group(1)))
        order[f] = dt
        last = max(ym(x) for x in d["reported_months"])
        nxt = (last[0] + (last[1] == 12), last[1] % 12 + 1)
        if (dt[0], dt[1]) not in (last, nxt):
            err(f"{f}: dated {dt} but reports up to {last}")
        if ym(d["planned_period"]) <= last:
            err(f"{f}: planned period not after the reported months")
        rms, tms = set(), set()
        for p, md in SECTIONS.get(f, []):
            for line in t.split("\n"):
                if line.startswith(p):
                    if md == "R":
                        rms |= months_in(line)
                    elif md == "T":
                        tms |= months_in(line)
        for x in d["reported_months"]:
            if ym(x)[1] not in rms:
                err(f"{f}: reported month {x} not named in a results heading")
        planned = d.get("planned_months", [d["planned_period"]])
        for x in planned:
            if ym(x)[1] not in tms:
                err(f"{f}: planned month {x} not named in a tasks heading")

    # ---------------- links
    def doc_of(iid):
        return ids[iid][1]["file"]

    linked = set()
    pairs = set()
    for ft in gold["follow_through"]:
        if set(ft) != {"task", "result", "status"}:
            err(f"form: follow_through keys {sorted(ft)}")
            continue
        a, b, s = ft["task"], ft["result"], ft["status"]
        if ids.get(a, ("?",))[0] != "T" or ids.get(b, ("?",))[0] != "R":
            err(f"follow_through {a}->{b}: bad ids")
            continue
        if s not in STATUSES:
            err(f"follow_through {a}->{b}: status {s}")
        fa, fb = doc_of(a), doc_of(b)
        if docs[fa]["unit"] != docs[fb]["unit"]:
            err(f"follow_through {a}->{b}: across units")
        if order.get(fb, (0,)) <= order.get(fa, (0,)):
            err(f"follow_through {a}->{b}: not forward in time")
        if ym(ids[b][1]["period"]) < ym(ids[a][1]["period"]):
            err(f"follow_through {a}->{b}: result period before task period")
        if (a, b) in pairs:
            err(f"follow_through {a}->{b}: listed twice")
        pairs.add((a, b))
        linked.add(a)
    cpairs = set()
    for co in gold["carry_over"]:
        if set(co) != {"from", "to", "kind"}:
            err(f"form: carry_over keys {sorted(co)}")
            continue
        a, b, k = co["from"], co["to"], co["kind"]
        if ids.get(a, ("?",))[0] != "T" or ids.get(b, ("?",))[0] != "T":
            err(f"carry_over {a}->{b}: bad ids")
            continue
        if k not in KINDS:
            err(f"carry_over {a}->{b}: kind {k}")
        fa, fb = doc_of(a), doc_of(b)
        if docs[fa]["unit"] != docs[fb]["unit"]:
            err(f"carry_over {a}->{b}: across units")
        if order.get(fb, (0,)) <= order.get(fa, (0,)):
            err(f"carry_over {a}->{b}: not forward in time")
        if (a, b) in cpairs:
            err(f"carry_over {a}->{b}: listed twice")
        cpairs.add((a, b))
        linked.add(a)

    # ---------------- gaps
    last_doc = {}
    for f, d in docs.items():
        u = d["unit"]
        if u not in last_doc or order.get(f, (0,)) > order.get(last_doc[u], (0,)):
            last_doc[u] = f
    want = sorted(iid for iid, (k, it) in ids.items()
                  if k == "T" and iid not in linked
                  and it["file"] != last_doc[docs[it["file"]]["unit"]])
    have = sorted(gold["gaps"])
    if len(set(have)) != len(have):
        err("gaps: duplicates")
    if set(have) != set(want):
        err(f"gaps: listed {have} but unlinked tasks of non-last documents are {want}")

    # ---------------- decoys
    for pair in gold.get("cross_unit_decoys", []):
        if not (isinstance(pair, list) and len(pair) == 2 and all(p in ids for p in pair)):
            err(f"decoy: bad pair {pair}")
            continue
        a, b = pair
        if docs[doc_of(a)]["unit"] == docs[doc_of(b)]["unit"]:
            err(f"decoy {pair}: same unit")
        if (a, b) in pairs or (b, a) in pairs or (a, b) in cpairs or (b, a) in cpairs:
            err(f"decoy {pair}: linked")
    units = {d["unit"] for d in docs.values()}
    if len(units) >= 2 and not gold.get("cross_unit_decoys"):
        err("two units but no cross-unit decoys")

    report()


def report():
    if ERR:
        for e in ERR:
            print("ERROR:", e)
        print(f"FAIL ({len(ERR)} errors)")
        sys.exit(1)
    print("OK")
    sys.exit(0)


if __name__ == "__main__":
    main()
