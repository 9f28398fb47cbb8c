#!/usr/bin/env python3
"""Check gold.json of this folder against its documents and ANNOTATION.md rules.

  python3 check_gold.py [FOLDER]      # default: the folder of this script

Prints every problem found, or OK.
"""
import json
import os
import re
import sys
import unicodedata

FOLDER = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


def fold(s):
    s = s.replace("đ", "d").replace("Đ", "D").replace("Ð", "D").replace("ð", "d")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s.lower()


FNAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FOOTER = re.compile(r"^\s*(-\s*\d+\s*-|Trang\s+\d+\s*/\s*\d+)\s*$")
# bullet / number / OCR stray marks that may open a line (never part of an item)
PREFIX = re.compile(r"^\s*(?:(?:[|—•.\-+*]|\(\s*(?:\d{1,2}|l\d?)\s*\)|(?:\d{1,2}|l\d?|[IVX]+)[.,)])\s*)*")
HEADING = re.compile(r"^\s*[|—.]?\s*(?:[IVX]+|\d{1,2}|l|[a-z])[.,)]\s+\S")
HEAD_STRIP = re.compile(r"^[\s|—•.\-+*]*(?:(?:[IVX]+|\d{1,2}|l)[.,)])?\s*")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def head_key(line):
    return fold(HEAD_STRIP.sub("", line, count=1)).strip()


def sections(text):
    """Return dict with (start, end) char offsets of results, limitations, tasks."""
    lines = text.split("\n")
    offs, o = [], 0
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1
    idx = {}
    state = "pre"
    for i, ln in enumerate(lines):
        k = head_key(ln)
        if state == "pre" and k.startswith("ket qua"):
            idx["res"] = i
            state = "res"
        elif state == "res" and k.startswith("han che"):
            idx["lim"] = i
            state = "lim"
        elif state in ("res", "lim") and (k.startswith("nhiem vu trong tam") or k.startswith("phuong huong")):
            idx["task"] = i
            state = "task"
        elif state == "task" and (k.startswith("ban thuong vu dang uy giao") or k.startswith("noi nhan")
                                  or k.startswith("giao cac dong chi")):
            idx["end"] = i
            state = "end"
            break
    return lines, offs, idx


def month_num(m):
    return int(m.split("-")[1])


def month_pat(n):
    return re.compile(r"thang\s+0?%d(?!\d)" % n)


def main():
    path = os.path.join(FOLDER, "gold.json")
    try:
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
    except Exception as e:  # noqa
        print("cannot read gold.json:", e)
        sys.exit(1)

    # ---------------------------------------------------------------- form
    for key, typ in (("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)):
        if not isinstance(gold.get(key), typ):
            err("gold.json: %s missing or not a %s" % (key, typ.__name__))
    if ERR:
        return finish()
    decoys = gold.get("cross_unit_decoys", [])
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over", "gaps",
                         "cross_unit_decoys"}
    if extra:
        err("unknown keys in gold.json: %s" % sorted(extra))

    docs = {}
    for d in gold["documents"]:
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d:
                err("document %r lacks %s" % (d, k))
        f = d.get("file", "")
        if f in docs:
            err("document listed twice: " + f)
        docs[f] = d
        m = FNAME.match(f)
        if not m:
            err("bad file name: " + f)
        elif m.group(1) != d.get("planned_period"):
            err("%s: name month %s != planned_period %s" % (f, m.group(1), d.get("planned_period")))
        for mm in list(d.get("reported_months", [])) + [d.get("planned_period", "")]:
            if not MONTH.match(str(mm)):
                err("%s: bad month %r" % (f, mm))
        if not d.get("unit"):
            err("%s: empty unit" % f)
    on_disk = sorted(x for x in os.listdir(FOLDER) if x.endswith(".txt"))
    if sorted(docs) != on_disk:
        err("documents in gold %s != .txt files on disk %s" % (sorted(docs), on_disk))

    # ---------------------------------------------------------------- encoding
    texts = {}
    for f in docs:
        p = os.path.join(FOLDER, f)
        if not os.path.exists(p):
            err("missing file " + f)
            continue
        raw = open(p, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f + ": has a BOM")
        if b"\r" in raw:
            err(f + ": has CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err("%s: not UTF-8 (%s)" % (f, e))
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f + ": not NFC")
        texts[f] = t

    # ---------------------------------------------------------------- items
    items = {}
    spans = {f: [] for f in docs}
    for kind, lst in (("task", gold["tasks"]), ("result", gold["results"])):
        for it in lst:
            for k in ("id", "file", "period", "text"):
                if k not in it:
                    err("%s item %r lacks %s" % (kind, it, k))
            iid = it.get("id")
            if iid in items:
                err("duplicate id " + str(iid))
            items[iid] = dict(it, kind=kind)
            f = it.get("file")
            if f not in docs:
                err("%s: unknown file %s" % (iid, f))
                continue
            if f not in texts:
                continue
            t, x = texts[f], it.get("text", "")
            if not x.strip():
                err(iid + ": empty text")
                continue
            if x != x.strip():
                err(iid + ": text has leading/trailing blanks")
            if unicodedata.normalize("NFC", x) != x:
                err(iid + ": text not NFC")
            n = t.count(x)
            if n != 1:
                err("%s: text occurs %d times in %s" % (iid, n, f))
                continue
            s = t.index(x)
            spans[f].append((s, s + len(x), iid))
            for ln in x.split("\n"):
                if FOOTER.match(ln):
                    err(iid + ": text swallows a page footer")
            # one item = one sentence: no sentence end followed by a capital inside
            if re.search(r"[.!?]\s+[A-ZĐÀ-Ỹ]", x[:-1]):
                err(iid + ": text seems to hold two sentences")
            d = docs[f]
            if kind == "task" and it.get("period") != d.get("planned_period"):
                err("%s: period %s != planned_period %s" % (iid, it.get("period"), d.get("planned_period")))
            if kind == "result" and it.get("period") not in d.get("reported_months", []):
                err("%s: period %s not among reported months %s" % (iid, it.get("period"), d.get("reported_months")))
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err("%s: items %s and %s overlap" % (f, a[2], b[2]))

    # ---------------------------------------------------------------- sections and coverage
    for f, t in texts.items():
        d = docs[f]
        lines, offs, idx = sections(t)
        for k in ("res", "lim", "task", "end"):
            if k not in idx:
                err("%s: section %s not found" % (f, k))
        if any(k not in idx for k in ("res", "lim", "task", "end")):
            continue
        # months named in header/title/lead-in
        head = fold(t[:offs[idx["res"]]])
        for mm in list(d["reported_months"]) + [d["planned_period"]]:
            if not month_pat(month_num(mm)).search(head):
                err("%s: month %s not named before the results section" % (f, mm))
        res_rng = (offs[idx["res"] + 1], offs[idx["lim"]])
        task_rng = (offs[idx["task"] + 1], offs[idx["end"]])
        covered = [False] * len(t)
        for s, e, iid in spans[f]:
            for i in range(s, e):
                covered[i] = True
            kind = items[iid]["kind"]
            rng = res_rng if kind == "result" else task_rng
            if not (rng[0] <= s and e <= rng[1]):
                err("%s: %s lies outside its %s section" % (f, iid, kind))
        for sec, (a, b) in (("results", (idx["res"] + 1, idx["lim"])), ("tasks", (idx["task"] + 1, idx["end"]))):
            for i in range(a, b):
                ln = lines[i]
                if not ln.strip() or FOOTER.match(ln):
                    continue
                p = PREFIX.match(ln).end()
                rest = [j for j in range(offs[i] + p, offs[i] + len(ln)) if not t[j].isspace()]
                unc = [j for j in rest if not covered[j]]
                if not unc:
                    continue
                if len(unc) == len(rest):
                    body = ln.strip()
                    if body.endswith(":"):
                        continue  # lead-in
                    if HEADING.match(ln) and not body.endswith((".", ";")) and len(body) <= 100:
                        continue  # heading
                err("%s: unlabelled text in %s section, line %d: %r" % (f, sec, i + 1, ln[:80]))
        # several reported months: each result under its month heading
        if len(d["reported_months"]) > 1:
            marks = []
            for i in range(idx["res"] + 1, idx["lim"]):
                ln = lines[i]
                if HEADING.match(ln) and not any(covered[offs[i]:offs[i] + len(ln)]):
                    for mm in d["reported_months"]:
                        if month_pat(month_num(mm)).search(fold(ln)):
                            marks.append((offs[i], mm))
            if sorted(m for _, m in marks) != sorted(d["reported_months"]):
                err("%s: month sub-headings %s do not match reported months" % (f, marks))
            else:
                for s, e, iid in spans[f]:
                    if items[iid]["kind"] != "result":
                        continue
                    before = [m for o, m in marks if o < s]
                    if not before or before[-1] != items[iid]["period"]:
                        err("%s: %s (period %s) is not under its month heading" % (f, iid, items[iid]["period"]))
        # counts
        nt = sum(1 for _, _, i in spans[f] if items[i]["kind"] == "task")
        nr = sum(1 for _, _, i in spans[f] if items[i]["kind"] == "result")
        if not 10 <= nt <= 18:
            err("%s: %d tasks (want 10-18)" % (f, nt))
        if not (10 <= nr <= 18 or nr == 0):
            err("%s: %d results (want 10-18)" % (f, nr))

    # ---------------------------------------------------------------- links
    def unit_of(iid):
        return docs[items[iid]["file"]]["unit"]

    def doc_rank(iid):
        return docs[items[iid]["file"]]["planned_period"]

    unit_docs = {}
    for d in docs.values():
        unit_docs.setdefault(d["unit"], []).append(d)
    for u in unit_docs:
        unit_docs[u].sort(key=lambda d: d["planned_period"])
        for a, b in zip(unit_docs[u], unit_docs[u][1:]):
            if a["planned_period"] == b["planned_period"]:
                err("unit %s: two documents plan %s" % (u, a["planned_period"]))

    linked = set()
    pairs = set()
    for l in gold["follow_through"]:
        t, r, s = l.get("task"), l.get("result"), l.get("status")
        if (t, r) in pairs:
            err("duplicate follow-through %s -> %s" % (t, r))
        pairs.add((t, r))
        if t not in items or items[t]["kind"] != "task":
            err("follow-through: %s is not a task" % t)
            continue
        if r not in items or items[r]["kind"] != "result":
            err("follow-through: %s is not a result" % r)
            continue
        if s not in STATUSES:
            err("follow-through %s -> %s: bad status %r" % (t, r, s))
        if unit_of(t) != unit_of(r):
            err("follow-through %s -> %s crosses units" % (t, r))
        if not doc_rank(r) > doc_rank(t):
            err("follow-through %s -> %s not forward in time" % (t, r))
        if items[r]["period"] != items[t]["period"]:
            err("follow-through %s -> %s: result reports %s, task is for %s"
                % (t, r, items[r]["period"], items[t]["period"]))
        first = [d for d in unit_docs[unit_of(t)]
                 if d["planned_period"] > doc_rank(t) and items[t]["period"] in d["reported_months"]]
        if first and first[0]["file"] != items[r]["file"]:
            err("follow-through %s -> %s: not in the first document reporting %s" % (t, r, items[t]["period"]))
        linked.add(t)
    cpairs = set()
    for l in gold["carry_over"]:
        a, b, k = l.get("from"), l.get("to"), l.get("kind")
        if (a, b) in cpairs:
            err("duplicate carry-over %s -> %s" % (a, b))
        cpairs.add((a, b))
        if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
            err("carry-over %s -> %s: both ends must be tasks" % (a, b))
            continue
        if k not in KINDS:
            err("carry-over %s -> %s: bad kind %r" % (a, b, k))
        if unit_of(a) != unit_of(b):
            err("carry-over %s -> %s crosses units" % (a, b))
        if not items[b]["period"] > items[a]["period"]:
            err("carry-over %s -> %s not forward in time" % (a, b))
        linked.add(a)

    # ---------------------------------------------------------------- gaps
    want = set()
    for iid, it in items.items():
        if it["kind"] != "task":
            continue
        u = unit_of(iid)
        if docs[it["file"]] is unit_docs[u][-1]:
            continue
        if iid not in linked:
            want.add(iid)
    got = list(gold["gaps"])
    if len(got) != len(set(got)):
        err("gaps listed twice")
    if set(got) != want:
        err("gaps: missing %s, extra %s" % (sorted(want - set(got)), sorted(set(got) - want)))

    # ---------------------------------------------------------------- decoys
    if not isinstance(decoys, list):
        err("cross_unit_decoys not a list")
        decoys = []
    if len(unit_docs) < 2 and decoys:
        err("cross_unit_decoys given for a single-unit series")
    allpairs = {frozenset(p) for p in pairs} | {frozenset(p) for p in cpairs}
    for p in decoys:
        if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
            err("bad decoy pair %r" % (p,))
            continue
        if unit_of(p[0]) == unit_of(p[1]):
            err("decoy pair %r within one unit" % (p,))
        if frozenset(p) in allpairs:
            err("decoy pair %r is linked" % (p,))
    finish()


def finish():
    if ERR:
        for e in ERR:
            print("ERROR:", e)
        print("%d problem(s)" % len(ERR))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
