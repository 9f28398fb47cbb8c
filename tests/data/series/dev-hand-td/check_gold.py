#!/usr/bin/env python3
"""Check gold.json of the hand-td series against its documents.

Checks: the form of gold.json; file names; UTF-8 / NFC / LF / no BOM; every
item text an exact unique substring of its file, no overlaps; every bullet or
sentence of the results and tasks sections labelled (headings and lead-ins
skipped); 10-18 tasks and results per document; periods agree with the
documents; links within one unit and forward in time; allowed statuses and
kinds; gaps exactly the unlinked tasks of non-last documents; decoys never
linked.  Prints OK when all pass.

The layout of this series (two clerks):
  results section   "A. ĐIỂM LẠI VIỆC THÁNG MM/YYYY"  or  "Phần thứ nhất"
  limitations       "B. NHỮNG VIỆC CÒN VƯỚNG"          or  "Phần thứ hai"
  tasks section     "C. PHIẾU GIAO VIỆC THÁNG MM/YYYY" or  "Phần thứ ba"
  end of tasks      "D. TỔ CHỨC THỰC HIỆN"             or  "Phần thứ tư"
Inside a section: upper-case lines, "A1. ...", "1. ...", "a) ..." are
headings; lines ending in ":" are lead-ins; other lines are content, with an
optional marker "(MM.NN) ", "+ ", "– " or "- " in front.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ERRORS = []


def err(msg):
    ERRORS.append(msg)


SEC_RESULTS = re.compile(r"^(A\. |Phần thứ nhất$)")
SEC_LIMITS = re.compile(r"^(B\. |Phần thứ hai$)")
SEC_TASKS = re.compile(r"^(C\. |Phần thứ ba$)")
SEC_END = re.compile(r"^(D\. |Phần thứ tư$)")
SUBHEAD = re.compile(r"^([A-D]\d+\. |\d+\. |[a-z]\) )")
MARKER = re.compile(r"^(\(\d{2}\.\d{2}\) |\+ |– |- )")
MONTH = re.compile(r"tháng (\d{1,2})/(\d{4})", re.I)
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def is_heading(line):
    letters = [c for c in line if c.isalpha()]
    if letters and line == line.upper():
        return True
    return bool(SUBHEAD.match(line))


def month_of(line):
    m = MONTH.search(line)
    if not m:
        return None
    return "%s-%02d" % (m.group(2), int(m.group(1)))


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        raw = open(path, "rb").read()
        gold = json.loads(raw.decode("utf-8"))
    except Exception as e:  # noqa
        print("FAIL: cannot read gold.json: %s" % e)
        sys.exit(1)

    # ---- form
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list),
                     ("gaps", list)]:
        if not isinstance(gold.get(key), typ):
            err("gold.json: %s missing or not a %s" % (key, typ.__name__))
    if ERRORS:
        report()
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        err("cross_unit_decoys not a list")
        decoys = []
    allowed = {"documents", "tasks", "results", "follow_through",
               "carry_over", "gaps", "cross_unit_decoys"}
    for k in gold:
        if k not in allowed:
            err("unknown key %s" % k)

    docs = {}
    for d in gold["documents"]:
        for k, t in [("file", str), ("unit", str), ("reported_months", list),
                     ("planned_period", str)]:
            if not isinstance(d.get(k), t):
                err("document %r: bad %s" % (d, k))
        f = d.get("file")
        if f in docs:
            err("document listed twice: %s" % f)
        docs[f] = d
        m = FNAME.match(f or "")
        if not m:
            err("bad file name %s" % f)
        elif m.group(2) != d.get("planned_period"):
            err("%s: name month != planned_period %s" % (f, d.get("planned_period")))
        if not PERIOD.match(d.get("planned_period", "")):
            err("%s: bad planned_period" % f)
        rm = d.get("reported_months", [])
        if rm != sorted(rm) or len(set(rm)) != len(rm):
            err("%s: reported_months not sorted/unique" % f)
        for p in rm:
            if not PERIOD.match(p):
                err("%s: bad reported month %s" % (f, p))
            elif p >= d.get("planned_period", ""):
                err("%s: reported month %s not before planned period" % (f, p))
    on_disk = {n for n in os.listdir(HERE) if n.endswith(".txt")}
    for n in sorted(on_disk - set(docs)):
        err("txt file not in gold: %s" % n)

    items = {}
    for kind, lst in [("T", gold["tasks"]), ("R", gold["results"])]:
        for it in lst:
            for k in ("id", "file", "period", "text"):
                if not isinstance(it.get(k), str) or not it.get(k):
                    err("item %r: bad %s" % (it, k))
            iid = it.get("id", "")
            if iid in items:
                err("duplicate id %s" % iid)
            if not iid.startswith(kind):
                err("id %s in wrong list" % iid)
            if it.get("file") not in docs:
                err("%s: unknown file %s" % (iid, it.get("file")))
            if not PERIOD.match(it.get("period", "")):
                err("%s: bad period" % iid)
            items[iid] = dict(it, kind=kind)
    if ERRORS:
        report()

    # ---- files, substrings, sections
    texts = {}
    for f, d in docs.items():
        p = os.path.join(HERE, f)
        if not os.path.exists(p):
            err("missing file %s" % f)
            continue
        b = open(p, "rb").read()
        if b.startswith(b"\xef\xbb\xbf"):
            err("%s: BOM" % f)
        if b"\r" in b:
            err("%s: CR line ends" % f)
        try:
            t = b.decode("utf-8")
        except UnicodeDecodeError:
            err("%s: not UTF-8" % f)
            continue
        if unicodedata.normalize("NFC", t) != t:
            err("%s: not NFC" % f)
        if not t.endswith("\n"):
            err("%s: no final newline" % f)
        texts[f] = t
        # header
        if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in t or \
                "Độc lập - Tự do - Hạnh phúc" not in t:
            err("%s: no state header" % f)
        if not re.search(r"^Số: \d+/TB-VP$", t, re.M):
            err("%s: no 'Số' line" % f)
        dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
        if not dm:
            err("%s: no date line" % f)
        else:
            issued = "%s-%02d" % (dm.group(3), int(dm.group(2)))
            if issued != d["reported_months"][-1]:
                err("%s: issued %s, not in last reported month" % (f, issued))
        if "Nơi nhận:" not in t:
            err("%s: no Nơi nhận" % f)

    by_file = {}
    for iid, it in items.items():
        f = it["file"]
        if f not in texts:
            continue
        txt = it["text"]
        if unicodedata.normalize("NFC", txt) != txt:
            err("%s: text not NFC" % iid)
        n = texts[f].count(txt)
        if n != 1:
            err("%s: text found %d times in %s" % (iid, n, f))
            continue
        s = texts[f].index(txt)
        it["span"] = (s, s + len(txt))
        by_file.setdefault(f, []).append(iid)
        if not txt.endswith("."):
            err("%s: item does not end with '.'" % iid)
        if re.search(r"[.!?]\s", txt):
            err("%s: item holds more than one sentence" % iid)
    for f, ids in by_file.items():
        ids.sort(key=lambda i: items[i]["span"])
        for a, b in zip(ids, ids[1:]):
            if items[a]["span"][1] > items[b]["span"][0]:
                err("%s: %s and %s overlap" % (f, a, b))

    for f, d in docs.items():
        if f not in texts:
            continue
        check_sections(f, d, texts[f], [items[i] for i in by_file.get(f, [])])

    # ---- counts
    for f in docs:
        nt = sum(1 for i in items.values() if i["file"] == f and i["kind"] == "T")
        nr = sum(1 for i in items.values() if i["file"] == f and i["kind"] == "R")
        if not 10 <= nt <= 18:
            err("%s: %d tasks" % (f, nt))
        if not 10 <= nr <= 18:
            err("%s: %d results" % (f, nr))

    # ---- periods
    for iid, it in items.items():
        d = docs[it["file"]]
        if it["kind"] == "T" and it["period"] != d["planned_period"]:
            err("%s: period %s != planned %s" % (iid, it["period"], d["planned_period"]))
        if it["kind"] == "R" and it["period"] not in d["reported_months"]:
            err("%s: period %s not reported by its file" % (iid, it["period"]))

    # ---- links
    units = {}
    for f, d in docs.items():
        units.setdefault(d["unit"], []).append(f)
    for u in units:
        units[u].sort(key=lambda f: docs[f]["planned_period"])

    def unit_of(i):
        return docs[items[i]["file"]]["unit"]

    def dpos(i):
        f = items[i]["file"]
        return units[unit_of(i)].index(f)

    linked_pairs = set()
    seen = set()
    ft_from, co_from = set(), set()
    for l in gold["follow_through"]:
        t, r, s = l.get("task"), l.get("result"), l.get("status")
        if t not in items or items[t]["kind"] != "T":
            err("follow_through: bad task %s" % t)
            continue
        if r not in items or items[r]["kind"] != "R":
            err("follow_through: bad result %s" % r)
            continue
        if (t, r) in seen:
            err("follow_through twice: %s %s" % (t, r))
        seen.add((t, r))
        if s not in STATUSES:
            err("follow_through %s->%s: status %s" % (t, r, s))
        if unit_of(t) != unit_of(r):
            err("follow_through %s->%s across units" % (t, r))
            continue
        if dpos(r) <= dpos(t):
            err("follow_through %s->%s not forward" % (t, r))
        if items[r]["period"] < items[t]["period"]:
            err("follow_through %s->%s: result period before task period" % (t, r))
        # the first later document of the unit that reports on the task's month
        first = None
        for f in units[unit_of(t)][dpos(t) + 1:]:
            if items[t]["period"] in docs[f]["reported_months"]:
                first = f
                break
        if items[r]["file"] != first:
            err("follow_through %s->%s: not in the first document reporting %s"
                % (t, r, items[t]["period"]))
        ft_from.add(t)
        linked_pairs.add(frozenset((t, r)))
    seen = set()
    for l in gold["carry_over"]:
        a, b, k = l.get("from"), l.get("to"), l.get("kind")
        if a not in items or items[a]["kind"] != "T" or \
                b not in items or items[b]["kind"] != "T":
            err("carry_over: bad ids %s %s" % (a, b))
            continue
        if (a, b) in seen:
            err("carry_over twice: %s %s" % (a, b))
        seen.add((a, b))
        if k not in KINDS:
            err("carry_over %s->%s: kind %s" % (a, b, k))
        if unit_of(a) != unit_of(b):
            err("carry_over %s->%s across units" % (a, b))
            continue
        if dpos(b) <= dpos(a) or items[b]["period"] <= items[a]["period"]:
            err("carry_over %s->%s not forward" % (a, b))
        co_from.add(a)
        linked_pairs.add(frozenset((a, b)))

    # ---- gaps
    expect = set()
    for iid, it in items.items():
        if it["kind"] != "T":
            continue
        last = units[unit_of(iid)][-1]
        if it["file"] == last:
            if iid in ft_from or iid in co_from:
                err("%s: task of the last document has a link" % iid)
            continue
        if iid not in ft_from and iid not in co_from:
            expect.add(iid)
    gaps = gold["gaps"]
    if len(set(gaps)) != len(gaps):
        err("gaps: duplicates")
    for g in sorted(set(gaps) - expect, key=sortkey):
        err("gap %s is linked, unknown, or in a last document" % g)
    for g in sorted(expect - set(gaps), key=sortkey):
        err("unlinked task %s missing from gaps" % g)

    # ---- decoys
    for p in decoys:
        if not isinstance(p, list) or len(p) != 2 or \
                any(x not in items for x in p):
            err("bad decoy %r" % (p,))
            continue
        if unit_of(p[0]) == unit_of(p[1]):
            err("decoy %r within one unit" % (p,))
        if frozenset(p) in linked_pairs:
            err("decoy %r is linked" % (p,))

    report(gold, items)


def check_sections(f, d, t, its):
    lines = t.split("\n")
    offs, o = [], 0
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1
    order = []
    sec = None
    month = None
    seen_months = []
    planned = None
    covered = set()
    for ln, start in zip(lines, offs):
        s = ln.strip()
        if SEC_RESULTS.match(s):
            sec = "R"
            order.append("R")
        elif SEC_LIMITS.match(s):
            sec = "L"
            order.append("L")
        elif SEC_TASKS.match(s):
            sec = "T"
            order.append("T")
        elif SEC_END.match(s):
            sec = None
            order.append("E")
        if sec not in ("R", "T") or not s:
            continue
        if s != ln:
            err("%s: stray spaces in line %r" % (f, ln[:40]))
        if is_heading(s) or SEC_RESULTS.match(s) or SEC_TASKS.match(s):
            mm = month_of(s)
            if mm:
                if sec == "R":
                    month = mm
                    if mm not in seen_months:
                        seen_months.append(mm)
                else:
                    planned = mm
            continue
        if s.endswith(":"):
            continue  # lead-in
        mk = MARKER.match(s)
        body_start = start + (mk.end() if mk else 0)
        body_end = start + len(ln)
        inline = [i for i in its if body_start <= i["span"][0] < body_end]
        inline.sort(key=lambda i: i["span"])
        joined = " ".join(i["text"] for i in inline)
        if joined != t[body_start:body_end]:
            err("%s: line not fully labelled: %r" % (f, s[:70]))
        for i in inline:
            covered.add(i["id"])
            want = "R" if sec == "R" else "T"
            if i["kind"] != want:
                err("%s: %s sits in the wrong section" % (f, i["id"]))
            if want == "R" and i["period"] != month:
                err("%s: %s period %s but section month %s"
                    % (f, i["id"], i["period"], month))
    if order != ["R", "L", "T", "E"]:
        err("%s: section order %s" % (f, order))
    for i in its:
        if i["id"] not in covered:
            err("%s: %s outside the results/tasks sections" % (f, i["id"]))
    if seen_months != d["reported_months"]:
        err("%s: document reports %s, gold says %s"
            % (f, seen_months, d["reported_months"]))
    if planned != d["planned_period"]:
        err("%s: document plans %s, gold says %s" % (f, planned, d["planned_period"]))


def sortkey(i):
    a, b = i[1:].split("-")
    return (int(a), int(b))


def report(gold=None, items=None):
    if ERRORS:
        for e in ERRORS:
            print("FAIL:", e)
        print("%d problem(s)" % len(ERRORS))
        sys.exit(1)
    nt = sum(1 for i in items.values() if i["kind"] == "T")
    nr = len(items) - nt
    st = {}
    for l in gold["follow_through"]:
        st[l["status"]] = st.get(l["status"], 0) + 1
    kd = {}
    for l in gold["carry_over"]:
        kd[l["kind"]] = kd.get(l["kind"], 0) + 1
    print("documents %d, tasks %d, results %d" % (len(gold["documents"]), nt, nr))
    print("follow_through %d %s" % (len(gold["follow_through"]), dict(sorted(st.items()))))
    print("carry_over %d %s" % (len(gold["carry_over"]), dict(sorted(kd.items()))))
    print("gaps %d, cross_unit_decoys %d" % (len(gold["gaps"]),
                                             len(gold.get("cross_unit_decoys", []))))
    print("OK")


if __name__ == "__main__":
    main()
