#!/usr/bin/env python3
"""Check gold.json of the hand-UA series against its documents. Prints OK or the errors."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


FNAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-\d{2}$")
ID = re.compile(r"^[TR]\d{4}-\d{2}$")
TOP = re.compile(r"^(?:(I|II|III|IV)\. |([A-D]) – )")
SUB = re.compile(r"^(?:\d+\. |[A-D]\d\. )")
BULLET = re.compile(r"^(?:\+ |• |\d+/ )")
SECTION_ROLE = {"I": "results", "A": "results", "II": "limits", "B": "limits",
                "III": "tasks", "C": "tasks", "IV": "closing", "D": "closing"}
FORBIDDEN = ["kết quả", "nhiệm vụ", "hạn chế", "phương hướng"]
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def months_in(line):
    """Months named in a heading such as 'THÁNG 02 VÀ 03/2026' or 'Tháng 4/2026'."""
    out = []
    for m in re.finditer(r"(?i)tháng ((?:\d{1,2}(?: và |, ))*\d{1,2})/(\d{4})", line):
        for mm in re.split(r"(?i) và |, ", m.group(1)):
            out.append("%s-%02d" % (m.group(2), int(mm)))
    return out


def main():
    try:
        gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    except Exception as e:
        print("cannot read gold.json:", e)
        sys.exit(1)

    # ---- form
    for k, t in [("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)]:
        if not isinstance(gold.get(k), t):
            err("missing or bad key " + k)
    if ERR:
        report()
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                         "gaps", "cross_unit_decoys"}
    if extra:
        err("unknown keys %s" % sorted(extra))
    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("document fields %s" % sorted(d))
            continue
        m = FNAME.match(d["file"])
        if not m:
            err("bad file name " + d["file"])
        elif m.group(1) != d["planned_period"]:
            err("%s: planned_period %s disagrees with name" % (d["file"], d["planned_period"]))
        if not MONTH.match(d["planned_period"]) or not all(MONTH.match(x) for x in d["reported_months"]):
            err("%s: bad month format" % d["file"])
        if d["file"] in docs:
            err("duplicate document " + d["file"])
        docs[d["file"]] = d
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
    if on_disk != set(docs):
        err("documents on disk %s vs gold %s" % (sorted(on_disk - set(docs)), sorted(set(docs) - on_disk)))

    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err("%s item fields %s" % (kind, sorted(it)))
                continue
            if not ID.match(it["id"]) or it["id"][0] != kind[0].upper():
                err("bad id " + it["id"])
            if it["id"] in items:
                err("duplicate id " + it["id"])
            if it["file"] not in docs:
                err("%s: unknown file %s" % (it["id"], it["file"]))
            if not MONTH.match(it["period"]):
                err("%s: bad period" % it["id"])
            items[it["id"]] = dict(it, kind=kind)
    if ERR:
        report()

    # ---- files: UTF-8, NFC, line ends, header parts
    texts = {}
    for f in docs:
        raw = open(os.path.join(HERE, f), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f + ": BOM")
        if b"\r" in raw:
            err(f + ": CR line ends")
        try:
            s = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f + ": not UTF-8 " + str(e))
            continue
        if unicodedata.normalize("NFC", s) != s:
            err(f + ": not NFC")
        for need in ("ĐẢNG CỘNG SẢN VIỆT NAM", "\nSố ", "THÔNG BÁO", "Nơi nhận:", "(đã ký)"):
            if need not in s:
                err("%s: header/closing lacks %r" % (f, need))
        texts[f] = s

    # ---- texts: exact, unique, no overlap, inside one line
    spans = {f: [] for f in docs}
    for iid, it in items.items():
        s = texts.get(it["file"], "")
        n = s.count(it["text"])
        if n != 1:
            err("%s: text found %d times in %s" % (iid, n, it["file"]))
            continue
        if it["text"] != it["text"].strip() or "\n" in it["text"]:
            err("%s: text has edge spaces or a line break" % iid)
        a = s.index(it["text"])
        spans[it["file"]].append((a, a + len(it["text"]), iid))
        if re.search(r"[.!?;:]\s+(?=\S)", it["text"]) and re.search(r"[.!?]\s+[^\W\d_]", it["text"]):
            m = re.search(r"[.!?]\s+([^\W\d_])", it["text"])
            if m and m.group(1).isupper():
                err("%s: holds more than one sentence" % iid)
    for f, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                err("%s: %s overlaps %s" % (f, i1, i2))

    # ---- sections: every bullet/sentence labelled, items in the right section, periods
    for f, s in texts.items():
        d = docs[f]
        role = None
        sub_months = []
        offs = 0
        cover = sorted(spans[f])
        seen_roles = []
        for line in s.split("\n"):
            start, end = offs, offs + len(line)
            offs = end + 1
            if line.startswith("Nơi nhận"):
                role = "after"
                continue
            m = TOP.match(line)
            if m:
                key = m.group(1) or m.group(2)
                role = SECTION_ROLE[key]
                seen_roles.append(role)
                sub_months = []
                low = line.lower()
                for w in FORBIDDEN:
                    if w in low:
                        err("%s: heading uses %r: %s" % (f, w, line))
                ms = months_in(line)
                if role == "results" and sorted(ms) != sorted(d["reported_months"]):
                    err("%s: results heading months %s vs reported_months %s" % (f, ms, d["reported_months"]))
                if role == "tasks" and ms != [d["planned_period"]]:
                    err("%s: tasks heading months %s vs planned_period %s" % (f, ms, d["planned_period"]))
                continue
            here = [c for c in cover if c[0] >= start and c[1] <= end]
            for a, b, iid in here:
                want = {"results": "results", "tasks": "tasks"}.get(role)
                if items[iid]["kind"] != want:
                    err("%s: %s lies in a %s section" % (f, iid, role))
                if role == "results" and sub_months and items[iid]["period"] not in sub_months:
                    err("%s: %s period %s vs sub-heading %s" % (f, iid, items[iid]["period"], sub_months))
            if role not in ("results", "tasks") or not line.strip():
                continue
            if SUB.match(line):
                for w in FORBIDDEN:
                    if w in line.lower():
                        err("%s: sub-heading uses %r: %s" % (f, w, line))
                sub_months = months_in(line)
                continue
            if line.rstrip().endswith(":"):
                if here:
                    err("%s: labelled item inside a lead-in line: %s" % (f, line[:60]))
                continue  # lead-in
            bm = BULLET.match(line)
            body_start = start + (bm.end() if bm else 0)
            pos = body_start
            for a, b, iid in here:
                gap = s[pos:a]
                if gap.strip():
                    err("%s: unlabelled text %r" % (f, gap.strip()[:70]))
                pos = b
            if s[pos:end].strip():
                err("%s: unlabelled text %r" % (f, s[pos:end].strip()[:70]))
        if seen_roles != ["results", "limits", "tasks", "closing"]:
            err("%s: section order %s" % (f, seen_roles))

    # ---- counts and periods per document
    for f, d in docs.items():
        nt = [i for i in items.values() if i["file"] == f and i["kind"] == "tasks"]
        nr = [i for i in items.values() if i["file"] == f and i["kind"] == "results"]
        if not 10 <= len(nt) <= 18:
            err("%s: %d tasks" % (f, len(nt)))
        if not (10 <= len(nr) <= 18 or len(nr) == 0):
            err("%s: %d results" % (f, len(nr)))
        for i in nt:
            if i["period"] != d["planned_period"]:
                err("%s: task period %s vs planned %s" % (i["id"], i["period"], d["planned_period"]))
        for i in nr:
            if i["period"] not in d["reported_months"]:
                err("%s: result period %s not reported" % (i["id"], i["period"]))
        for mth in d["reported_months"]:
            if nr and not any(i["period"] == mth for i in nr):
                err("%s: no result for reported month %s" % (f, mth))

    # ---- links
    def doc_of(iid):
        return docs[items[iid]["file"]]

    def order(iid):
        return doc_of(iid)["planned_period"]

    linked = set()
    pairs = set()
    for l in gold["follow_through"]:
        t, r = l.get("task"), l.get("result")
        if t not in items or r not in items or items[t]["kind"] != "tasks" or items[r]["kind"] != "results":
            err("follow_through bad ids %s" % l)
            continue
        if l.get("status") not in STATUSES:
            err("follow_through %s->%s status %s" % (t, r, l.get("status")))
        if doc_of(t)["unit"] != doc_of(r)["unit"]:
            err("follow_through across units %s->%s" % (t, r))
        if not order(r) > order(t) or items[r]["period"] < items[t]["period"]:
            err("follow_through not forward %s->%s" % (t, r))
        first = sorted((d for d in docs.values() if d["unit"] == doc_of(t)["unit"]
                        and d["planned_period"] > order(t)
                        and items[t]["period"] in d["reported_months"]),
                       key=lambda d: d["planned_period"])
        if not first or first[0]["file"] != items[r]["file"]:
            err("follow_through %s->%s not in the first document reporting %s" % (t, r, items[t]["period"]))
        if (t, r) in pairs:
            err("duplicate link %s->%s" % (t, r))
        pairs.add((t, r))
        linked.add(t)
    for l in gold["carry_over"]:
        a, b = l.get("from"), l.get("to")
        if a not in items or b not in items or items[a]["kind"] != "tasks" or items[b]["kind"] != "tasks":
            err("carry_over bad ids %s" % l)
            continue
        if l.get("kind") not in KINDS:
            err("carry_over %s->%s kind %s" % (a, b, l.get("kind")))
        if doc_of(a)["unit"] != doc_of(b)["unit"]:
            err("carry_over across units %s->%s" % (a, b))
        if not items[b]["period"] > items[a]["period"]:
            err("carry_over not forward %s->%s" % (a, b))
        if (a, b) in pairs:
            err("duplicate link %s->%s" % (a, b))
        pairs.add((a, b))
        linked.add(a)

    # ---- gaps: exactly the unlinked tasks of a unit's non-last documents
    last = {}
    for d in docs.values():
        if d["unit"] not in last or d["planned_period"] > last[d["unit"]]:
            last[d["unit"]] = d["planned_period"]
    want = {i for i, it in items.items() if it["kind"] == "tasks" and i not in linked
            and doc_of(i)["planned_period"] != last[doc_of(i)["unit"]]}
    got = list(gold["gaps"])
    if len(got) != len(set(got)):
        err("duplicate gap ids")
    if set(got) != want:
        err("gaps: missing %s, extra %s" % (sorted(want - set(got)), sorted(set(got) - want)))

    # ---- decoys never linked (cross-unit ones in gold; same-unit look-alikes in _src)
    decoys = [tuple(p) for p in gold.get("cross_unit_decoys", [])]
    lk = os.path.join(HERE, "_src", "lookalikes.json")
    if os.path.exists(lk):
        decoys += [tuple(p) for p in json.load(open(lk, encoding="utf-8"))]
    for a, b in decoys:
        if a not in items or b not in items:
            err("decoy with unknown id %s %s" % (a, b))
        if (a, b) in pairs or (b, a) in pairs:
            err("decoy pair linked %s %s" % (a, b))
    for a, b in [tuple(p) for p in gold.get("cross_unit_decoys", [])]:
        if a in items and b in items and doc_of(a)["unit"] == doc_of(b)["unit"]:
            err("cross_unit_decoy within one unit %s %s" % (a, b))
    report()


def report():
    if ERR:
        for e in ERR:
            print("ERROR:", e)
        sys.exit(1)
    print("OK")
    sys.exit(0)


if __name__ == "__main__":
    main()
