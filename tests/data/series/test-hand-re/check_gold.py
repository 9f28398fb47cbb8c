#!/usr/bin/env python3
"""Check gold.json of this series against its documents and the annotation rules.

Run from anywhere:  python3 check_gold.py   (prints OK, or the list of problems)
"""
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
problems = []


def bad(msg):
    problems.append(msg)


RES_START = re.compile(r"^I\.\s+KẾT QUẢ")
LIM_START = re.compile(r"^II\.\s+(HẠN CHẾ|TỒN TẠI)")
TASK_START = re.compile(r"^III\.\s+(NHIỆM VỤ|PHƯƠNG HƯỚNG)")
TASK_END = re.compile(r"^(Giao |Trên đây|Nơi nhận)")
HEADING = re.compile(r"^([IVX]+|\d+)\.\s+\S.*[^.;:]$")
PAGE_JUNK = re.compile(r"^(\d{1,2}|Báo cáo tình hình KT-XH, QP-AN tháng \d\d/\d{4} – UBND xã Suối Trầm)$")
BULLET = re.compile(r"^(-|\+|•|\*|\(\d+\)|\d+\.)?$")
BETWEEN = re.compile(r"^[\s.;,]*$")
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
ID = re.compile(r"^[AB]-[TR]\d{4}-\d{2}$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def load():
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
        return json.load(f)


def check_form(g):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list, "cross_unit_decoys": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            bad("form: key %r missing or not a %s" % (k, t.__name__))
    for k in g:
        if k not in need:
            bad("form: unexpected key %r" % k)
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            bad("form: document keys %s" % sorted(d))
        if not isinstance(d.get("reported_months"), list):
            bad("form: reported_months not a list in %s" % d.get("file"))
        for m in d.get("reported_months", []) + [d.get("planned_period", "")]:
            if not MONTH.match(str(m)):
                bad("form: bad month %r in %s" % (m, d.get("file")))
    for key in ("tasks", "results"):
        for it in g.get(key, []):
            if set(it) != {"id", "file", "period", "text"}:
                bad("form: %s item keys %s" % (key, sorted(it)))
            if not ID.match(str(it.get("id"))):
                bad("form: bad id %r" % it.get("id"))
            if key == "tasks" and "-T" not in it["id"] or key == "results" and "-R" not in it["id"]:
                bad("form: id %s in wrong list %s" % (it["id"], key))
            if not isinstance(it.get("text"), str) or not it["text"] or it["text"] != it["text"].strip():
                bad("form: empty or unstripped text for %s" % it.get("id"))
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            bad("form: follow_through keys %s" % sorted(l))
        if l.get("status") not in STATUSES:
            bad("status %r not allowed (%s -> %s)" % (l.get("status"), l.get("task"), l.get("result")))
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            bad("form: carry_over keys %s" % sorted(l))
        if l.get("kind") not in KINDS:
            bad("kind %r not allowed (%s -> %s)" % (l.get("kind"), l.get("from"), l.get("to")))
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2):
            bad("form: decoy %r is not a pair" % (p,))


def check_files(g):
    texts = {}
    docs = g["documents"]
    names = [d["file"] for d in docs]
    if len(set(names)) != len(names):
        bad("duplicate document file names")
    slug_of_unit = defaultdict(set)
    for d in docs:
        m = FNAME.match(d["file"])
        if not m:
            bad("file name %r does not match <slug>_<YYYY-MM>.txt" % d["file"])
            continue
        slug_of_unit[d["unit"]].add(m.group(1))
        if m.group(2) != d["planned_period"]:
            bad("%s: name month %s != planned_period %s" % (d["file"], m.group(2), d["planned_period"]))
        path = os.path.join(HERE, d["file"])
        if not os.path.exists(path):
            bad("missing file %s" % d["file"])
            continue
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            bad("%s: BOM" % d["file"])
        if b"\r" in raw:
            bad("%s: CR line ends" % d["file"])
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            bad("%s: not UTF-8 (%s)" % (d["file"], e))
            continue
        if unicodedata.normalize("NFC", t) != t:
            bad("%s: not NFC" % d["file"])
        texts[d["file"]] = t
    for u, s in slug_of_unit.items():
        if len(s) != 1:
            bad("unit %s has several slugs %s" % (u, sorted(s)))
    slugs = [next(iter(s)) for s in slug_of_unit.values() if s]
    if len(set(slugs)) != len(slugs):
        bad("two units share a slug")
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
    for f in sorted(on_disk - set(names)):
        bad("document %s on disk but not in gold.json" % f)
    return texts


def sections(fname, text):
    """Return {'results': (a, b), 'tasks': (a, b)} as character ranges, and line starts."""
    lines = text.split("\n")
    starts, pos = [], 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    idx = {}
    for name, rx in (("res", RES_START), ("lim", LIM_START), ("task", TASK_START)):
        hits = [i for i, ln in enumerate(lines) if rx.match(ln)]
        if len(hits) != 1:
            bad("%s: section heading %s found %d times" % (fname, name, len(hits)))
            return None, lines, starts
        idx[name] = hits[0]
    ends = [i for i, ln in enumerate(lines) if TASK_END.match(ln) and i > idx["task"]]
    if not ends:
        bad("%s: no end of the tasks section" % fname)
        return None, lines, starts
    if not idx["res"] < idx["lim"] < idx["task"]:
        bad("%s: sections out of order" % fname)
    sec = {"results": (idx["res"], idx["lim"]), "tasks": (idx["task"], ends[0])}
    return sec, lines, starts


def months_in(line):
    year = re.findall(r"(\d{4})", line)
    ms = re.findall(r"THÁNG (\d{1,2})", line)
    if not year:
        return []
    return ["%s-%02d" % (year[-1], int(m)) for m in ms]


def check_items(g, texts):
    docs = {d["file"]: d for d in g["documents"]}
    ids = set()
    by_file = defaultdict(list)
    for key in ("tasks", "results"):
        for it in g[key]:
            if it["id"] in ids:
                bad("duplicate id %s" % it["id"])
            ids.add(it["id"])
            if it["file"] not in docs:
                bad("%s: unknown file %s" % (it["id"], it["file"]))
                continue
            d = docs[it["file"]]
            if key == "tasks" and it["period"] != d["planned_period"]:
                bad("%s: task period %s != planned %s" % (it["id"], it["period"], d["planned_period"]))
            if key == "results" and it["period"] not in d["reported_months"]:
                bad("%s: result period %s not in reported %s" % (it["id"], it["period"], d["reported_months"]))
            t = texts.get(it["file"])
            if t is None:
                continue
            n = t.count(it["text"])
            if n != 1:
                bad("%s: text found %d times in %s" % (it["id"], n, it["file"]))
                continue
            a = t.find(it["text"])
            by_file[it["file"]].append((a, a + len(it["text"]), it["id"], key))
    for f, t in texts.items():
        spans = sorted(by_file[f])
        for (a1, b1, i1, _), (a2, b2, i2, _) in zip(spans, spans[1:]):
            if a2 < b1:
                bad("%s: items %s and %s overlap" % (f, i1, i2))
        d = docs[f]
        nt = sum(1 for s in spans if s[3] == "tasks")
        nr = sum(1 for s in spans if s[3] == "results")
        if not 10 <= nt <= 18:
            bad("%s: %d tasks (want 10-18)" % (f, nt))
        if not (10 <= nr <= 18 or nr == 0):
            bad("%s: %d results (want 10-18, or none)" % (f, nr))
        sec, lines, starts = sections(f, t)
        if sec is None:
            continue
        # periods written in the document agree with gold
        rm = months_in(lines[sec["results"][0]])
        if rm != d["reported_months"]:
            bad("%s: results heading months %s != reported_months %s" % (f, rm, d["reported_months"]))
        tm = months_in(lines[sec["tasks"][0]])
        if tm != [d["planned_period"]]:
            bad("%s: tasks heading month %s != planned_period %s" % (f, tm, d["planned_period"]))
        dm = re.search(r"ngày \d{1,2} tháng (\d{1,2}) năm (\d{4})", t)
        if not dm or "%s-%02d" % (dm.group(2), int(dm.group(1))) != d["reported_months"][-1]:
            bad("%s: document date not in its last reported month" % f)
        # every item inside its own section
        rng = {k: (starts[a], starts[b]) for k, (a, b) in sec.items()}
        for a, b, iid, key in spans:
            lo, hi = rng[key]
            if not (lo <= a and b <= hi):
                bad("%s: %s lies outside the %s section" % (f, iid, key))
        # every bullet / sentence of both sections labelled
        mask = [False] * len(t)
        for a, b, _, _ in spans:
            for i in range(a, b):
                mask[i] = True
        for key, (la, lb) in sec.items():
            block = []

            def flush():
                if block:
                    joined = " ".join(x.strip() for x in block)
                    if not joined.endswith(":"):
                        bad("%s: unlabelled text in %s section: %r" % (f, key, joined[:90]))
                    block.clear()

            for li in range(la + 1, lb):
                ln = lines[li]
                s0 = starts[li]
                m = [mask[s0 + j] for j in range(len(ln))]
                if not any(m):
                    st = ln.strip()
                    if not st:
                        flush()
                    elif PAGE_JUNK.match(st):
                        pass
                    elif HEADING.match(st) and len(st) < 80:
                        flush()
                    else:
                        block.append(st)
                    continue
                flush()
                # residual pieces of a partly labelled line
                pieces, cur, first = [], [], True
                for j, ch in enumerate(ln):
                    if m[j]:
                        if cur or not pieces:
                            pieces.append("".join(cur))
                            cur = []
                    else:
                        cur.append(ch)
                pieces.append("".join(cur))
                # pieces[0] is before the first labelled char, the rest between/after items
                if not BULLET.match(pieces[0].strip()):
                    bad("%s: unlabelled text before an item in %s: %r" % (f, key, pieces[0][:60]))
                for p in pieces[1:]:
                    if not BETWEEN.match(p):
                        bad("%s: unlabelled text beside an item in %s: %r" % (f, key, p[:60]))
            flush()
    return ids


def check_links(g):
    docs = {d["file"]: d for d in g["documents"]}
    tasks = {t["id"]: t for t in g["tasks"]}
    results = {r["id"]: r for r in g["results"]}
    unit_docs = defaultdict(list)
    for d in g["documents"]:
        unit_docs[d["unit"]].append(d)
    for u in unit_docs:
        unit_docs[u].sort(key=lambda d: d["planned_period"])
        periods = [d["planned_period"] for d in unit_docs[u]]
        if len(set(periods)) != len(periods):
            bad("unit %s: two documents plan the same month" % u)
    order = {d["file"]: (d["unit"], i) for u in unit_docs for i, d in enumerate(unit_docs[u])}
    seen_ft = set()
    for l in g["follow_through"]:
        t, r = tasks.get(l["task"]), results.get(l["result"])
        if t is None or r is None:
            bad("follow_through %s -> %s: unknown id" % (l["task"], l["result"]))
            continue
        key = (l["task"], l["result"])
        if key in seen_ft:
            bad("duplicate follow_through %s -> %s" % key)
        seen_ft.add(key)
        (ut, it), (ur, ir) = order[t["file"]], order[r["file"]]
        if ut != ur:
            bad("follow_through %s -> %s crosses units" % key)
            continue
        if ir <= it:
            bad("follow_through %s -> %s not forward in time" % key)
        if r["period"] != t["period"]:
            bad("follow_through %s -> %s: result period %s != task period %s" % (key + (r["period"], t["period"])))
        first = next((d["file"] for d in unit_docs[ut] if t["period"] in d["reported_months"]), None)
        if r["file"] != first:
            bad("follow_through %s -> %s: result not in the first document reporting %s" % (key + (t["period"],)))
    seen_co = set()
    for l in g["carry_over"]:
        a, b = tasks.get(l["from"]), tasks.get(l["to"])
        if a is None or b is None:
            bad("carry_over %s -> %s: unknown task id" % (l["from"], l["to"]))
            continue
        key = (l["from"], l["to"])
        if key in seen_co:
            bad("duplicate carry_over %s -> %s" % key)
        seen_co.add(key)
        (ua, ia), (ub, ib) = order[a["file"]], order[b["file"]]
        if ua != ub:
            bad("carry_over %s -> %s crosses units" % key)
        elif ib <= ia or b["period"] <= a["period"]:
            bad("carry_over %s -> %s not forward in time" % key)
    # gaps: exactly the tasks with neither link, outside each unit's last document
    linked = {l["task"] for l in g["follow_through"]} | {l["from"] for l in g["carry_over"]}
    last = {u: ds[-1]["file"] for u, ds in unit_docs.items()}
    want = {tid for tid, t in tasks.items() if tid not in linked and t["file"] != last[docs[t["file"]]["unit"]]}
    have = set(g["gaps"])
    if len(have) != len(g["gaps"]):
        bad("duplicate gap ids")
    for x in sorted(have - want):
        bad("gap %s is not an unlinked task of a non-last document" % x)
    for x in sorted(want - have):
        bad("unlinked task %s missing from gaps" % x)
    # decoys: two units, never linked
    all_ids = set(tasks) | set(results)
    links = seen_ft | seen_co
    for p in g["cross_unit_decoys"]:
        if len(p) != 2 or not all(x in all_ids for x in p):
            bad("decoy %r: unknown id" % (p,))
            continue
        fa = (tasks.get(p[0]) or results.get(p[0]))["file"]
        fb = (tasks.get(p[1]) or results.get(p[1]))["file"]
        if docs[fa]["unit"] == docs[fb]["unit"]:
            bad("decoy %r within one unit" % (p,))
        if not any(x in tasks for x in p):
            bad("decoy %r holds no task" % (p,))
        if (p[0], p[1]) in links or (p[1], p[0]) in links:
            bad("decoy %r is linked" % (p,))
    if len(unit_docs) == 2 and len(g["cross_unit_decoys"]) < 12:
        bad("fewer than 12 cross-unit decoys")


def main():
    g = load()
    check_form(g)
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    texts = check_files(g)
    check_items(g, texts)
    check_links(g)
    if problems:
        print("\n".join(problems))
        print("%d problem(s)" % len(problems))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
