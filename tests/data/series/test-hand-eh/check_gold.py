#!/usr/bin/env python3
"""Check gold.json of this folder against its documents; print OK or the problems.

Checks: the form; file names; UTF-8 / NFC / \\n / no BOM; every text an exact unique
substring, no overlaps; every sentence or bullet of the results and tasks sections
labelled (headings and lead-ins skipped); task/result counts per document; periods
agree with the documents; links within one unit and forward in time; allowed statuses
and kinds; gaps exactly the unlinked tasks of non-last documents; decoys never linked.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
TOP_HEADING = re.compile(r"^(\d+|[IVX]+)\.\s+\S")
MARKER = re.compile(r"^(\(\d+\)|\d+\.|[a-z]\)|-|\+)\s+")
CLOSING = re.compile(r"^(Giao |Ban Thường vụ Đảng ủy giao|IV\. TỔ CHỨC THỰC HIỆN|Nơi nhận)")

errors = []


def err(msg):
    errors.append(msg)


def next_month(m):
    y, mo = int(m[:4]), int(m[5:])
    mo += 1
    if mo == 13:
        y, mo = y + 1, 1
    return "%04d-%02d" % (y, mo)


def is_heading(s):
    """A heading is a short line with no sentence-final punctuation
    ("1. Kết quả thực hiện nhiệm vụ tháng 3/2026", "a) Công tác bầu cử")."""
    return len(s) <= 120 and not s.endswith((".", ";", ":", "!", "?", ","))


def split_sentences(s, base):
    """Return (start, end) absolute spans of the sentences of s (s starts at base)."""
    spans, start, i = [], 0, 0
    while i < len(s):
        if s[i] in ".!?" and i + 1 < len(s) and s[i + 1] == " ":
            j = i + 1
            while j < len(s) and s[j] == " ":
                j += 1
            if j < len(s) and (s[j].isupper() or s[j].isdigit() or s[j] in "\"“("):
                spans.append((base + start, base + i + 1))
                start = j
                i = j
                continue
        i += 1
    if s[start:].strip():
        spans.append((base + start, base + len(s.rstrip())))
    return spans


def sections(text):
    """Return {'results': (a, b), 'tasks': (a, b)} as absolute char ranges."""
    lines, pos = [], 0
    for ln in text.split("\n"):
        lines.append((pos, ln))
        pos += len(ln) + 1
    res = lim = tsk = end = None
    for idx, (p, ln) in enumerate(lines):
        s = ln.strip()
        low = s.lower()
        if res is None:
            if TOP_HEADING.match(s) and is_heading(s) and "kết quả" in low:
                res = idx
        elif lim is None:
            if TOP_HEADING.match(s) and is_heading(s) and "hạn chế" in low:
                lim = idx
        elif tsk is None:
            if TOP_HEADING.match(s) and is_heading(s) and ("nhiệm vụ" in low or "phương hướng" in low):
                tsk = idx
        elif end is None:
            if CLOSING.match(s):
                end = idx
    out = {}
    if res is not None and lim is not None:
        out["results"] = (lines[res + 1][0], lines[lim][0])
    if tsk is not None and end is not None:
        out["tasks"] = (lines[tsk + 1][0], lines[end][0])
    return out, lines


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa
        print("FAIL: cannot read gold.json: %s" % e)
        return 1

    # ---- form
    for key, typ in (("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)):
        if not isinstance(gold.get(key), typ):
            err("form: %s missing or not a %s" % (key, typ.__name__))
    if errors:
        print("\n".join(errors))
        return 1
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        err("form: cross_unit_decoys not a list")
        decoys = []
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("form: document keys %s" % sorted(d))
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err("form: %s item keys %s" % (kind, sorted(it)))
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err("form: follow_through keys %s" % sorted(l))
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err("form: carry_over keys %s" % sorted(l))
    if errors:
        print("\n".join(errors))
        return 1

    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        err("documents: duplicate file")
    tasks = {t["id"]: t for t in gold["tasks"]}
    results = {r["id"]: r for r in gold["results"]}
    if len(tasks) != len(gold["tasks"]):
        err("tasks: duplicate id")
    if len(results) != len(gold["results"]):
        err("results: duplicate id")
    if set(tasks) & set(results):
        err("ids shared between tasks and results")

    # ---- file names, encoding, periods of documents
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err("documents listed %s != .txt files on disk %s" % (sorted(docs), on_disk))
    texts = {}
    for f, d in docs.items():
        m = FNAME.match(f)
        if not m:
            err("%s: bad file name" % f)
            continue
        if m.group(2) != d["planned_period"]:
            err("%s: name month != planned_period %s" % (f, d["planned_period"]))
        if not MONTH.match(d["planned_period"]) or not d["reported_months"] or \
                not all(MONTH.match(x) for x in d["reported_months"]):
            err("%s: bad months" % f)
            continue
        if not all(x < d["planned_period"] for x in d["reported_months"]):
            err("%s: a reported month is not before the planned period" % f)
        raw = open(os.path.join(HERE, f), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err("%s: BOM" % f)
        if b"\r" in raw:
            err("%s: CR line ends" % f)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err("%s: not UTF-8 (%s)" % (f, e))
            continue
        if unicodedata.normalize("NFC", text) != text:
            err("%s: not NFC" % f)
        texts[f] = text
        # the title (text before the first section) names every month of the document
        head = text[: text.find("\n1. ") if "\n1. " in text else 2000]
        head = head[: text.find("\nI. ")] if "\nI. " in head else head
        for mo in d["reported_months"] + [d["planned_period"]]:
            n = int(mo[5:])
            if not re.search(r"tháng 0?%d\b" % n, head):
                err("%s: header/title does not name month %s" % (f, mo))
        if not re.search(r"\nSố \d+-(TB|NQ)/ĐU", text):
            err("%s: no document number in header" % f)
        if "ĐẢNG CỘNG SẢN VIỆT NAM" not in text:
            err("%s: no Party national heading" % f)
        if "Nơi nhận:" not in text:
            err("%s: no Nơi nhận" % f)

    # ---- consecutive documents of a unit: reported months fill the gap exactly
    by_unit = {}
    for d in gold["documents"]:
        by_unit.setdefault(d["unit"], []).append(d)
    for unit, ds in by_unit.items():
        ds.sort(key=lambda d: d["planned_period"])
        for a, b in zip(ds, ds[1:]):
            want, m = [], a["planned_period"]
            while m < b["planned_period"]:
                want.append(m)
                m = next_month(m)
            if b["reported_months"] != want:
                err("%s: reported_months %s, expected %s after %s"
                    % (b["file"], b["reported_months"], want, a["file"]))
    last_of_unit = {unit: ds[-1]["file"] for unit, ds in by_unit.items()}
    order = {d["file"]: d["planned_period"] for d in gold["documents"]}

    # ---- items: exact unique substrings, no overlap, periods, counts
    spans = {f: [] for f in texts}
    for kind, coll in (("task", gold["tasks"]), ("result", gold["results"])):
        for it in coll:
            f = it["file"]
            if f not in texts:
                err("%s: unknown file %s" % (it["id"], f))
                continue
            t = it["text"]
            if not t or t != t.strip():
                err("%s: empty or padded text" % it["id"])
            c = texts[f].count(t)
            if c != 1:
                err("%s: text found %d times in %s" % (it["id"], c, f))
                continue
            a = texts[f].find(t)
            spans[f].append((a, a + len(t), kind, it["id"]))
            d = docs[f]
            if kind == "task" and it["period"] != d["planned_period"]:
                err("%s: period %s != planned_period" % (it["id"], it["period"]))
            if kind == "result" and it["period"] not in d["reported_months"]:
                err("%s: period %s not a reported month" % (it["id"], it["period"]))
    for f, sp in spans.items():
        sp.sort()
        for x, y in zip(sp, sp[1:]):
            if y[0] < x[1]:
                err("%s: items %s and %s overlap" % (f, x[3], y[3]))
        nt = sum(1 for s in sp if s[2] == "task")
        nr = sum(1 for s in sp if s[2] == "result")
        if not 10 <= nt <= 18:
            err("%s: %d tasks (want 10-18)" % (f, nt))
        if not (10 <= nr <= 18 or nr == 0):
            err("%s: %d results (want 10-18)" % (f, nr))

    # ---- every sentence/bullet of the sections is labelled, and items sit in their section
    for f, text in texts.items():
        secs, lines = sections(text)
        for name in ("results", "tasks"):
            if name not in secs:
                err("%s: cannot find the %s section" % (f, name))
        kind_of = {"results": "result", "tasks": "task"}
        for name, (a, b) in secs.items():
            kind = kind_of[name]
            for p, ln in lines:
                if p < a or p >= b:
                    continue
                s = ln.strip()
                if not s or is_heading(s) or s.endswith(":"):
                    continue
                off = p + (len(ln) - len(ln.lstrip()))
                m = MARKER.match(s)
                if m:
                    off += m.end()
                    s = s[m.end():]
                for (x, y) in split_sentences(s, off):
                    cov = [sp for sp in spans[f] if sp[0] <= x and sp[1] >= y]
                    if not cov:
                        err("%s: unlabelled %s sentence: %r" % (f, kind, text[x:y][:70]))
                    elif cov[0][2] != kind:
                        err("%s: %s labelled as %s in the %s section" % (f, cov[0][3], cov[0][2], name))
        for (x, y, kind, iid) in spans[f]:
            sec = secs.get("tasks" if kind == "task" else "results")
            if not sec or not (sec[0] <= x and y <= sec[1]):
                err("%s: %s lies outside the %s section" % (f, iid, kind))

    # ---- links
    def unit(it):
        return docs[it["file"]]["unit"]

    linked = set()
    seen = set()
    for l in gold["follow_through"]:
        t, r = tasks.get(l["task"]), results.get(l["result"])
        if t is None or r is None:
            err("follow_through: unknown id in %s" % l)
            continue
        if (l["task"], l["result"]) in seen:
            err("follow_through: duplicate %s" % l)
        seen.add((l["task"], l["result"]))
        if l["status"] not in STATUSES:
            err("follow_through: bad status %s" % l)
        if unit(t) != unit(r):
            err("follow_through across units: %s" % l)
        if not order[r["file"]] > order[t["file"]] or r["period"] < t["period"]:
            err("follow_through not forward in time: %s" % l)
        linked.add(l["task"])
    seen = set()
    for l in gold["carry_over"]:
        a, b = tasks.get(l["from"]), tasks.get(l["to"])
        if a is None or b is None:
            err("carry_over: unknown id in %s" % l)
            continue
        if (l["from"], l["to"]) in seen:
            err("carry_over: duplicate %s" % l)
        seen.add((l["from"], l["to"]))
        if l["kind"] not in KINDS:
            err("carry_over: bad kind %s" % l)
        if unit(a) != unit(b):
            err("carry_over across units: %s" % l)
        if not b["period"] > a["period"]:
            err("carry_over not forward in time: %s" % l)
        linked.add(l["from"])

    # ---- gaps
    want_gaps = {tid for tid, t in tasks.items()
                 if tid not in linked and t["file"] != last_of_unit[unit(t)]}
    gaps = gold["gaps"]
    if len(set(gaps)) != len(gaps):
        err("gaps: duplicates")
    for g in gaps:
        if g not in tasks:
            err("gaps: unknown id %s" % g)
    if set(gaps) != want_gaps:
        err("gaps: listed-but-linked/last %s; unlinked-but-missing %s"
            % (sorted(set(gaps) - want_gaps), sorted(want_gaps - set(gaps))))

    # ---- decoys
    allid = dict(tasks)
    allid.update(results)
    pairs = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
            {(l["from"], l["to"]) for l in gold["carry_over"]}
    for p in decoys:
        if not (isinstance(p, list) and len(p) == 2 and all(x in allid for x in p)):
            err("decoy: bad pair %s" % (p,))
            continue
        if unit(allid[p[0]]) == unit(allid[p[1]]):
            err("decoy: same unit %s" % (p,))
        if (p[0], p[1]) in pairs or (p[1], p[0]) in pairs:
            err("decoy linked: %s" % (p,))
    if len(by_unit) > 1 and not decoys:
        err("decoys: two units but no cross_unit_decoys")

    if errors:
        print("\n".join(errors))
        print("FAIL (%d problems)" % len(errors))
        return 1
    print("OK: %d documents, %d tasks, %d results, %d follow-through, %d carry-over, %d gaps, %d decoys"
          % (len(docs), len(tasks), len(results), len(gold["follow_through"]),
             len(gold["carry_over"]), len(gaps), len(decoys)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
