#!/usr/bin/env python3
"""Check gold.json of this folder against its documents and the annotation rules.

Checks: the form; file names; UTF-8, NFC, no BOM, \\n line ends; every text an exact,
unique substring of its file, on one line, in the right section, no overlaps; every
sentence/bullet of the results and tasks sections labelled (headings, lead-ins ending
in ':' skipped); one sentence per item; task/result counts per document; periods agree
with the documents (headings and header date); links within one unit and forward in
time (follow-through to the first later document reporting the task's month); allowed
statuses and kinds; gaps exactly the unlinked tasks of non-last documents; decoys (gold
cross_unit_decoys and _src/decoys.json) never linked.  Prints OK at the end.
"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


def month_after(ym):
    y, m = map(int, ym.split("-"))
    m += 1
    if m == 13:
        y, m = y + 1, 1
    return "%04d-%02d" % (y, m)


def months_in(heading):
    y = re.search(r"NĂM (\d{4})", heading.upper())
    ms = re.findall(r"THÁNG (\d{1,2})", heading.upper())
    if not y:
        return []
    return ["%s-%02d" % (y.group(1), int(m)) for m in ms]


def parse_doc(text):
    """Return section per line index, and line start offsets."""
    lines = text.split("\n")
    offs, o = [], 0
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1
    section = [None] * len(lines)
    headings = {}
    cur = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        m = re.match(r"^([IVX]+)\.\s+(.*)$", s)
        if m:
            h = m.group(2).upper()
            if "KẾT QUẢ" in h:
                cur = "results"
            elif "HẠN CHẾ" in h or "TỒN TẠI" in h:
                cur = "limits"
            elif "NHIỆM VỤ" in h or "PHƯƠNG HƯỚNG" in h:
                cur = "tasks"
            else:
                cur = None
            headings[cur] = s
            continue
        if cur == "tasks" and (s.startswith("Ban Thường vụ Đảng ủy giao") or s.startswith("Giao ")
                               or s.startswith("Nơi nhận")):
            cur = None
        if cur == "limits" and s.startswith("Nguyên nhân"):
            section[i] = "limits"
            continue
        section[i] = cur
    return lines, offs, section, headings


def main():
    gpath = os.path.join(HERE, "gold.json")
    with open(gpath, encoding="utf-8") as f:
        gold = json.load(f)

    # ---- form
    for k, typ in (("documents", list), ("tasks", list), ("results", list),
                   ("follow_through", list), ("carry_over", list), ("gaps", list)):
        if not isinstance(gold.get(k), typ):
            err("form: missing or bad key " + k)
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        err("form: cross_unit_decoys not a list")
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("form: document keys %s" % sorted(d))
    for t in gold["tasks"] + gold["results"]:
        if set(t) != {"id", "file", "period", "text"}:
            err("form: item keys %s" % sorted(t))
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err("form: follow_through keys %s" % sorted(l))
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err("form: carry_over keys %s" % sorted(l))

    # ---- documents
    docs = {}
    units = defaultdict(list)
    for d in gold["documents"]:
        fn = d["file"]
        m = re.match(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$", fn)
        if not m:
            err("file name: " + fn)
            continue
        if m.group(2) != d["planned_period"]:
            err("file name month %s != planned_period %s" % (fn, d["planned_period"]))
        p = os.path.join(HERE, fn)
        if not os.path.isfile(p):
            err("missing file " + fn)
            continue
        raw = open(p, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err("BOM in " + fn)
        if b"\r" in raw:
            err("CR in " + fn)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            err("not UTF-8: " + fn)
            continue
        if unicodedata.normalize("NFC", text) != text:
            err("not NFC: " + fn)
        for need in ("ĐẢNG CỘNG SẢN VIỆT NAM", "THÔNG BÁO", "Nơi nhận", "-TB/ĐU"):
            if need not in text:
                err("%s lacks %r" % (fn, need))
        dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", text)
        if not dm:
            err("no date line in " + fn)
        else:
            issued = "%s-%02d" % (dm.group(3), int(dm.group(2)))
            if month_after(issued) != d["planned_period"]:
                err("%s issued %s but plans %s" % (fn, issued, d["planned_period"]))
        lines, offs, section, headings = parse_doc(text)
        if months_in(headings.get("tasks", "")) != [d["planned_period"]]:
            err("%s tasks heading %r != planned %s" % (fn, headings.get("tasks"), d["planned_period"]))
        if headings.get("results") and months_in(headings["results"]) != d["reported_months"]:
            err("%s results heading %r != reported %s" % (fn, headings["results"], d["reported_months"]))
        docs[fn] = dict(d, text=text, lines=lines, offs=offs, section=section)
        units[d["unit"]].append(fn)
    for u in units:
        units[u].sort(key=lambda f: docs[f]["planned_period"])
    order = {}
    for u, fl in units.items():
        for i, f in enumerate(fl):
            order[f] = i

    # ---- items
    items = {}
    per_doc = defaultdict(lambda: {"task": [], "result": []})
    for kind, lst in (("task", gold["tasks"]), ("result", gold["results"])):
        for it in lst:
            iid = it["id"]
            if iid in items:
                err("duplicate id " + iid)
            fn = it["file"]
            if fn not in docs:
                err("%s in unknown file %s" % (iid, fn))
                continue
            D = docs[fn]
            t = it["text"]
            if unicodedata.normalize("NFC", t) != t:
                err(iid + " text not NFC")
            if "\n" in t:
                err(iid + " spans lines")
            c = D["text"].count(t)
            if c != 1:
                err("%s text found %d times in %s" % (iid, c, fn))
                continue
            start = D["text"].index(t)
            end = start + len(t)
            li = max(i for i, o in enumerate(D["offs"]) if o <= start)
            want = "tasks" if kind == "task" else "results"
            if D["section"][li] != want:
                err("%s lies in section %s, not %s" % (iid, D["section"][li], want))
            # one sentence per item
            if re.search(r"[.!?…]\s+\S", t.rstrip()[:-1] + " "):
                inner = re.findall(r"[.!?]\s+(\S)", t)
                if any(ch.isupper() for ch in inner):
                    err(iid + " holds more than one sentence")
            if kind == "task":
                if it["period"] != D["planned_period"]:
                    err("%s period %s != planned %s" % (iid, it["period"], D["planned_period"]))
            else:
                if it["period"] not in D["reported_months"]:
                    err("%s period %s not reported by %s" % (iid, it["period"], fn))
                if len(D["reported_months"]) > 1:
                    # nearest sub-heading above names the month
                    sub = None
                    for j in range(li, -1, -1):
                        s = D["lines"][j].strip()
                        if re.match(r"^\d+\.\s", s) and not s.endswith("."):
                            sub = s
                            break
                    ms = re.findall(r"tháng (\d{1,2}) năm (\d{4})", sub or "", re.I)
                    if not ms or "%s-%02d" % (ms[0][1], int(ms[0][0])) != it["period"]:
                        err("%s period %s disagrees with sub-heading %r" % (iid, it["period"], sub))
            items[iid] = dict(it, kind=kind, start=start, end=end, line=li)
            per_doc[fn][kind].append(iid)

    # overlaps
    for fn in docs:
        spans = sorted((items[i]["start"], items[i]["end"], i)
                       for k in ("task", "result") for i in per_doc[fn][k])
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1]:
                err("overlap %s / %s in %s" % (a[2], b[2], fn))

    # coverage: every sentence/bullet of results and tasks sections labelled
    for fn, D in docs.items():
        cov = [False] * len(D["text"])
        for k in ("task", "result"):
            for i in per_doc[fn][k]:
                for x in range(items[i]["start"], items[i]["end"]):
                    cov[x] = True
        for li, ln in enumerate(D["lines"]):
            if D["section"][li] not in ("results", "tasks"):
                continue
            s = ln.strip()
            if not s or s.endswith(":"):
                continue  # blank or lead-in
            if not s.endswith((".", ".”", ".)", "”.")):
                continue  # heading
            m = re.match(r"^(\s*(?:-\s+|\d+\.\s+|\(\d+\)\s+)?)", ln)
            body0 = D["offs"][li] + len(m.group(1))
            for x in range(body0, D["offs"][li] + len(ln)):
                if not cov[x] and not D["text"][x].isspace():
                    err("%s line %d not fully labelled: %r" % (fn, li + 1, ln[:70]))
                    break

    # counts
    for fn in docs:
        nt, nr = len(per_doc[fn]["task"]), len(per_doc[fn]["result"])
        if not 10 <= nt <= 18:
            err("%s has %d tasks" % (fn, nt))
        if not (nr == 0 or 10 <= nr <= 18):
            err("%s has %d results" % (fn, nr))

    # ---- links
    def unit_of(i):
        return docs[items[i]["file"]]["unit"]

    linked = set()
    out_links = defaultdict(int)
    for l in gold["follow_through"]:
        t, r = l["task"], l["result"]
        if t not in items or items[t]["kind"] != "task":
            err("follow_through: bad task " + str(t)); continue
        if r not in items or items[r]["kind"] != "result":
            err("follow_through: bad result " + str(r)); continue
        if l["status"] not in ("done", "partial"):
            err("follow_through %s->%s status %s" % (t, r, l["status"]))
        if unit_of(t) != unit_of(r):
            err("follow_through across units %s->%s" % (t, r))
        ft, fr = items[t]["file"], items[r]["file"]
        if order[fr] <= order[ft]:
            err("follow_through not forward %s->%s" % (t, r))
        if items[r]["period"] != items[t]["period"]:
            err("follow_through %s->%s: result period %s != task period %s"
                % (t, r, items[r]["period"], items[t]["period"]))
        first = next((f for f in units[unit_of(t)] if order[f] > order[ft]
                      and items[t]["period"] in docs[f]["reported_months"]), None)
        if fr != first:
            err("follow_through %s->%s not in first document reporting %s" % (t, r, items[t]["period"]))
        linked.add(frozenset((t, r)))
        out_links[t] += 1
    if len({(l["task"], l["result"]) for l in gold["follow_through"]}) != len(gold["follow_through"]):
        err("duplicate follow_through")
    kinds = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
    for l in gold["carry_over"]:
        a, b = l["from"], l["to"]
        if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
            err("carry_over: bad ids %s->%s" % (a, b)); continue
        if l["kind"] not in kinds:
            err("carry_over kind " + l["kind"])
        if unit_of(a) != unit_of(b):
            err("carry_over across units %s->%s" % (a, b))
        if order[items[b]["file"]] != order[items[a]["file"]] + 1:
            err("carry_over %s->%s not to the next document" % (a, b))
        linked.add(frozenset((a, b)))
        out_links[a] += 1
    if len({(l["from"], l["to"]) for l in gold["carry_over"]}) != len(gold["carry_over"]):
        err("duplicate carry_over")
    # split: a task split must go to >= 2 tasks
    splits = Counter(l["from"] for l in gold["carry_over"] if l["kind"] == "split")
    for a, n in splits.items():
        if n < 2:
            err("split from %s has only %d target" % (a, n))

    # gaps
    expect = set()
    for t, it in items.items():
        if it["kind"] != "task":
            continue
        fl = units[unit_of(t)]
        if order[it["file"]] == len(fl) - 1:
            continue
        if out_links[t] == 0:
            expect.add(t)
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        err("duplicate gaps")
    if got != expect:
        err("gaps differ: missing %s, extra %s" % (sorted(expect - got), sorted(got - expect)))

    # decoys
    pairs = list(decoys)
    dp = os.path.join(HERE, "_src", "decoys.json")
    if os.path.isfile(dp):
        pairs += json.load(open(dp, encoding="utf-8"))["pairs"]
    for a, b in pairs:
        if a not in items or b not in items:
            err("decoy unknown id %s/%s" % (a, b))
        elif frozenset((a, b)) in linked:
            err("decoy linked %s/%s" % (a, b))
    for a, b in decoys:
        if a in items and b in items and unit_of(a) == unit_of(b):
            err("cross_unit_decoy within one unit %s/%s" % (a, b))

    # ---- report
    st = Counter(l["status"] for l in gold["follow_through"])
    kd = Counter(l["kind"] for l in gold["carry_over"])
    for fn in sorted(docs, key=lambda f: (docs[f]["unit"], docs[f]["planned_period"])):
        print("%-28s tasks %2d results %2d reported %s" % (
            fn, len(per_doc[fn]["task"]), len(per_doc[fn]["result"]),
            ",".join(docs[fn]["reported_months"])))
    print("documents %d, tasks %d, results %d" % (len(docs), len(gold["tasks"]), len(gold["results"])))
    print("follow_through %d %s" % (len(gold["follow_through"]), dict(sorted(st.items()))))
    print("carry_over %d %s" % (len(gold["carry_over"]), dict(sorted(kd.items()))))
    print("gaps %d, cross_unit_decoys %d, in-unit decoy pairs %d" % (
        len(gold["gaps"]), len(decoys), len(pairs) - len(decoys)))
    if ERR:
        for e in ERR:
            print("ERROR:", e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
