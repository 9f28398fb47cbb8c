#!/usr/bin/env python3
"""Check gold.json of this folder against its documents and the annotation rules.

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / \\n line ends;
every item text an exact, unique substring of its file, items not overlapping;
every bullet (results) and numbered line (tasks) of the sections labelled,
one sentence per item, headings and lead-ins skipped; task/result counts per
document; periods agree with the documents (title, date, reported months);
links within one unit and forward in time; allowed statuses and kinds; gaps
exactly the unlinked tasks of non-last documents; decoys never linked.
Prints OK when everything holds, else the list of problems.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME_RE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

errors = []


def err(msg):
    errors.append(msg)


def load():
    path = os.path.join(HERE, "gold.json")
    raw = open(path, "rb").read()
    try:
        return json.loads(raw.decode("utf-8"))
    except Exception as e:  # noqa
        print("gold.json unreadable:", e)
        sys.exit(1)


def check_form(g):
    need = {"documents": list, "tasks": list, "results": list,
            "follow_through": list, "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            err("gold.json: key %r missing or not a %s" % (k, t.__name__))
    if "cross_unit_decoys" in g and not isinstance(g["cross_unit_decoys"], list):
        err("gold.json: cross_unit_decoys not a list")
    for k in g:
        if k not in need and k != "cross_unit_decoys":
            err("gold.json: unexpected key %r" % k)
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("document fields: %r" % d)
    for kind in ("tasks", "results"):
        for it in g.get(kind, []):
            if set(it) != {"id", "file", "period", "text"}:
                err("%s fields: %r" % (kind, it))
            for f in ("id", "file", "period", "text"):
                if not isinstance(it.get(f), str) or not it.get(f):
                    err("%s %r: field %s empty or not a string" % (kind, it.get("id"), f))
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            err("follow_through fields: %r" % l)
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            err("carry_over fields: %r" % l)


def sections(text):
    """Return dict name -> (start, end) character spans, and the line list."""
    lines = text.split("\n")
    offs, pos = [], 0
    for ln in lines:
        offs.append(pos)
        pos += len(ln) + 1
    marks = {}
    for i, ln in enumerate(lines):
        if re.match(r"^I\.\s", ln) and "results" not in marks:
            marks["results"] = i
        elif re.match(r"^II\.\s", ln) and "limits" not in marks:
            marks["limits"] = i
        elif re.match(r"^III\.\s", ln) and "tasks" not in marks:
            marks["tasks"] = i
        elif ln.startswith("Trên đây") and "end" not in marks:
            marks["end"] = i
    return lines, offs, marks


def one_sentence(t):
    body = t.rstrip()
    if body.endswith((".", ";")):
        body = body[:-1]
    for m in re.finditer(r"[.!?]\s+(\S)", body):
        if m.group(1).isupper():
            return False
    return True


def main():
    g = load()
    check_form(g)
    if errors:
        report()
    docs = g["documents"]
    files_in_dir = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    doc_files = [d["file"] for d in docs]
    if sorted(doc_files) != files_in_dir:
        err("documents %r != .txt files in folder %r" % (sorted(doc_files), files_in_dir))
    if len(set(doc_files)) != len(doc_files):
        err("duplicate document entries")

    texts, docinfo = {}, {}
    for d in docs:
        f = d["file"]
        m = NAME_RE.match(f)
        if not m:
            err("bad file name %s" % f)
            continue
        if "%s-%s" % (m.group(2), m.group(3)) != d["planned_period"]:
            err("%s: name month != planned_period %s" % (f, d["planned_period"]))
        if not MONTH_RE.match(d["planned_period"]):
            err("%s: bad planned_period" % f)
        if not d["reported_months"] and False:
            pass
        for rm in d["reported_months"]:
            if not MONTH_RE.match(rm) or rm >= d["planned_period"]:
                err("%s: bad reported month %s" % (f, rm))
        if d["reported_months"] != sorted(set(d["reported_months"])):
            err("%s: reported_months not sorted/unique" % f)
        raw = open(os.path.join(HERE, f), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err("%s: BOM" % f)
        if b"\r" in raw:
            err("%s: CR line ends" % f)
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            err("%s: not UTF-8" % f)
            continue
        if unicodedata.normalize("NFC", t) != t:
            err("%s: not NFC" % f)
        if not t.endswith("\n"):
            err("%s: no final newline" % f)
        if "{{" in t or "}}" in t:
            err("%s: hand mark left in text" % f)
        texts[f] = t
        docinfo[f] = d
        check_periods_in_text(f, t, d)

    # units ordered by planned period
    units = {}
    for d in docs:
        units.setdefault(d["unit"], []).append(d)
    order = {}
    for u, ds in units.items():
        ds.sort(key=lambda d: d["planned_period"])
        for i, d in enumerate(ds):
            order[d["file"]] = (u, i, i == len(ds) - 1)
        pps = [d["planned_period"] for d in ds]
        if len(set(pps)) != len(pps):
            err("unit %s: two documents plan the same month" % u)
        # every reported month after the first document should have been planned before
        for i in range(1, len(ds)):
            prev = ds[i - 1]["planned_period"]
            if prev not in ds[i]["reported_months"]:
                err("%s does not report the month %s planned by its predecessor"
                    % (ds[i]["file"], prev))

    # items
    items = {}
    for kind in ("tasks", "results"):
        for it in g[kind]:
            if it["id"] in items:
                err("duplicate id %s" % it["id"])
            items[it["id"]] = (kind, it)
    spans = {f: [] for f in texts}
    for iid, (kind, it) in items.items():
        f = it["file"]
        if f not in texts:
            err("%s: unknown file %s" % (iid, f))
            continue
        t = texts[f]
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err("%s: text not NFC" % iid)
        n = t.count(it["text"])
        if n != 1:
            err("%s: text found %d times in %s" % (iid, n, f))
            continue
        s = t.index(it["text"])
        spans[f].append((s, s + len(it["text"]), iid, kind))
        if it["text"] != it["text"].strip():
            err("%s: leading/trailing blanks" % iid)
        if not one_sentence(it["text"]):
            err("%s: more than one sentence" % iid)
        d = docinfo[f]
        if kind == "tasks" and it["period"] != d["planned_period"]:
            err("%s: period %s != planned %s" % (iid, it["period"], d["planned_period"]))
        if kind == "results" and it["period"] not in d["reported_months"]:
            err("%s: period %s not reported by %s" % (iid, it["period"], f))
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err("%s: items %s and %s overlap" % (f, a[2], b[2]))

    # every bullet / numbered line of the sections labelled
    for f, t in texts.items():
        lines, offs, marks = sections(t)
        for need in ("results", "limits", "tasks", "end"):
            if need not in marks:
                err("%s: section %s not found" % (f, need))
        if len(marks) < 4:
            continue
        if not marks["results"] < marks["limits"] < marks["tasks"] < marks["end"]:
            err("%s: sections out of order" % f)
            continue
        by_text = {}
        for s, e, iid, kind in spans[f]:
            by_text[(kind, t[s:e])] = iid
        used = set()
        for i in range(marks["results"] + 1, marks["limits"]):
            ln = lines[i]
            if not ln.strip():
                continue
            if ln.startswith("- "):
                key = ("results", ln[2:])
                if key not in by_text:
                    err("%s line %d: result bullet not labelled exactly: %s" % (f, i + 1, ln[:60]))
                else:
                    used.add(by_text[key])
            elif re.match(r"^\d+\.\s\S", ln) and len(ln) < 90 and not ln.endswith("."):
                continue  # sector heading
            elif ln.rstrip().endswith(":"):
                continue  # lead-in
            else:
                err("%s line %d: unclassified line in results: %s" % (f, i + 1, ln[:60]))
        for i in range(marks["tasks"] + 1, marks["end"]):
            ln = lines[i]
            if not ln.strip():
                continue
            m = re.match(r"^(\d+)\.\s(.*)$", ln)
            if m:
                key = ("tasks", m.group(2))
                if key not in by_text:
                    err("%s line %d: task not labelled exactly: %s" % (f, i + 1, ln[:60]))
                else:
                    used.add(by_text[key])
            elif ln.rstrip().endswith(":"):
                continue
            else:
                err("%s line %d: unclassified line in tasks: %s" % (f, i + 1, ln[:60]))
        # labelled items must lie in their sections
        r0, r1 = offs[marks["results"]], offs[marks["limits"]]
        t0, t1 = offs[marks["tasks"]], offs[marks["end"]]
        for s, e, iid, kind in spans[f]:
            if iid not in used:
                err("%s: %s is not a whole bullet/numbered line of its section" % (f, iid))
            if kind == "results" and not (r0 <= s and e <= r1):
                err("%s: result %s outside the results section" % (f, iid))
            if kind == "tasks" and not (t0 <= s and e <= t1):
                err("%s: task %s outside the tasks section" % (f, iid))
        nt = sum(1 for x in spans[f] if x[3] == "tasks")
        nr = sum(1 for x in spans[f] if x[3] == "results")
        if not 10 <= nt <= 18:
            err("%s: %d tasks (need 10-18)" % (f, nt))
        if not (nr == 0 or 10 <= nr <= 18):
            err("%s: %d results (need 0 or 10-18)" % (f, nr))

    # links
    ft_tasks, co_from = set(), set()
    linked_pairs = set()
    seen = set()
    for l in g["follow_through"]:
        key = (l["task"], l["result"])
        if key in seen:
            err("duplicate follow_through %r" % (key,))
        seen.add(key)
        if l["status"] not in STATUSES:
            err("follow_through %r: status %r" % (key, l["status"]))
        if items.get(l["task"], ("",))[0] != "tasks" or items.get(l["result"], ("",))[0] != "results":
            err("follow_through %r: unknown task/result" % (key,))
            continue
        tt, rr = items[l["task"]][1], items[l["result"]][1]
        ut, it_, _ = order[tt["file"]]
        ur, ir, _ = order[rr["file"]]
        if ut != ur:
            err("follow_through %r across units" % (key,))
        if ir <= it_:
            err("follow_through %r not forward in time" % (key,))
        if rr["period"] < tt["period"]:
            err("follow_through %r: result period before task period" % (key,))
        ft_tasks.add(l["task"])
        linked_pairs.add(frozenset(key))
    seen = set()
    for l in g["carry_over"]:
        key = (l["from"], l["to"])
        if key in seen:
            err("duplicate carry_over %r" % (key,))
        seen.add(key)
        if l["kind"] not in KINDS:
            err("carry_over %r: kind %r" % (key, l["kind"]))
        if items.get(l["from"], ("",))[0] != "tasks" or items.get(l["to"], ("",))[0] != "tasks":
            err("carry_over %r: unknown task" % (key,))
            continue
        a, b = items[l["from"]][1], items[l["to"]][1]
        ua, ia, _ = order[a["file"]]
        ub, ib, _ = order[b["file"]]
        if ua != ub:
            err("carry_over %r across units" % (key,))
        if ib <= ia or b["period"] <= a["period"]:
            err("carry_over %r not forward in time" % (key,))
        co_from.add(l["from"])
        linked_pairs.add(frozenset(key))

    # gaps
    expected = set()
    for iid, (kind, it) in items.items():
        if kind != "tasks":
            continue
        _, _, last = order[it["file"]]
        if not last and iid not in ft_tasks and iid not in co_from:
            expected.add(iid)
    gaps = g["gaps"]
    if len(set(gaps)) != len(gaps):
        err("duplicate gap ids")
    if set(gaps) != expected:
        err("gaps differ: missing %s, extra %s"
            % (sorted(expected - set(gaps)), sorted(set(gaps) - expected)))

    # decoys
    for pair in g.get("cross_unit_decoys", []):
        if not (isinstance(pair, list) and len(pair) == 2):
            err("decoy %r not a pair" % (pair,))
            continue
        if any(p not in items for p in pair):
            err("decoy %r: unknown id" % (pair,))
            continue
        ua = order[items[pair[0]][1]["file"]][0]
        ub = order[items[pair[1]][1]["file"]][0]
        if ua == ub:
            err("decoy %r within one unit" % (pair,))
        if frozenset(pair) in linked_pairs:
            err("decoy %r is linked" % (pair,))

    report()


def check_periods_in_text(f, t, d):
    head = t.split("\nI. ", 1)[0]
    mdate = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", head)
    if not re.search(r"^Số: \d+/BC-UBND$", head, re.M):
        err("%s: no 'Số: .../BC-UBND' line" % f)
    if not mdate:
        err("%s: no date line" % f)
    else:
        ym = "%s-%02d" % (mdate.group(3), int(mdate.group(2)))
        if ym != d["reported_months"][-1]:
            err("%s: dated %s, last reported month %s" % (f, ym, d["reported_months"][-1]))
    lines = head.split("\n")
    try:
        title = lines[lines.index("BÁO CÁO") + 1]
    except ValueError:
        err("%s: no title" % f)
        return
    py, pm = d["planned_period"].split("-")
    if not re.search(r"nhiệm vụ tháng 0?%d năm %s" % (int(pm), py), title):
        err("%s: title does not plan %s" % (f, d["planned_period"]))
    for rm in d["reported_months"]:
        y, m = rm.split("-")
        if not re.search(r"tháng 0?%d\b" % int(m), head):
            err("%s: reported month %s not named in title/lead-in" % (f, rm))


def report():
    if errors:
        for e in errors:
            print("ERROR:", e)
        print("%d problem(s)" % len(errors))
        sys.exit(1)
    print("OK")
    sys.exit(0)


if __name__ == "__main__":
    main()
