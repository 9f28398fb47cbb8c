#!/usr/bin/env python3
"""Check gold.json of this folder against the documents beside it.  Prints OK or the errors.

It reads only the .txt documents and gold.json (never _src), and checks:
form; file names; UTF-8 / NFC / \\n / no BOM; every text an exact unique substring and no
overlaps; every bullet / sentence of the result and task parts of each section labelled
(headings, lead-ins ending in ':', "Tồn tại:" limitations skipped); counts per document;
periods against the documents; links within one unit and forward in time; statuses and
kinds; gaps exactly the unlinked tasks of non-last documents; decoys never linked.
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


FNAME = re.compile(r"^[a-z0-9-]+_(\d{4})-(\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
HEADING = re.compile(r"^(\d+|[IVX]+)\.\s+Về\b")
END = re.compile(r"^(Trên đây|Văn phòng HĐND và UBND phường (xin )?thông báo)")


def split_sentences(par):
    out, start = [], 0
    for m in re.finditer(r"\.\s+", par):
        nxt = par[m.end():m.end() + 1]
        if nxt and (nxt.isupper() or nxt.isdigit() or nxt in "“\"("):
            out.append(par[start:m.start() + 1].strip())
            start = m.end()
    last = par[start:].strip()
    if last:
        out.append(last)
    return out


def segments(text, fname):
    """Return (results, tasks, title_months, planned_month) parsed from a notice."""
    lines = text.split("\n")
    try:
        b = next(i for i, l in enumerate(lines) if l.strip().endswith("kết luận như sau:"))
    except StopIteration:
        err(fname + ": no 'kết luận như sau:' lead-in")
        return [], [], [], None
    try:
        e = next(i for i in range(b + 1, len(lines)) if END.match(lines[i].strip()))
    except StopIteration:
        err(fname + ": no closing paragraph")
        return [], [], [], None
    res, tsk, mode = [], [], None
    for l in lines[b + 1:e]:
        s = l.strip()
        if not s:
            continue
        if HEADING.match(s):
            mode = "result"
        elif s.startswith("Tồn tại:"):
            continue
        elif s.endswith(":"):
            if s.endswith("giao:") or s.endswith("yêu cầu:"):
                mode = "task"
            elif mode != "result":
                err(fname + ": lead-in outside a result part: " + s[:60])
        elif s.startswith("- "):
            (tsk if mode == "task" else res).append(s[2:].strip())
        else:
            if mode == "result":
                res.extend(split_sentences(s))
            else:
                err(fname + ": paragraph inside a task part: " + s[:60])
    head = "\n".join(lines[:b + 1])
    title = next((l for l in lines if "giao ban tháng" in l and l.startswith("Kết luận")), "")
    mt = re.search(r"giao ban (tháng .*?) năm (\d{4})", title)
    months = []
    if mt:
        months = ["%s-%02d" % (mt.group(2), int(x)) for x in re.findall(r"tháng (\d{1,2})", mt.group(1))]
    mp = re.search(r"triển khai nhiệm vụ(?: trọng tâm)? tháng (\d{1,2})", head)
    planned = int(mp.group(1)) if mp else None
    return res, tsk, months, planned


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
    except Exception as ex:  # noqa
        print("FAIL: cannot read gold.json: %s" % ex)
        sys.exit(1)

    # ---- form
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)]:
        if not isinstance(gold.get(key), typ):
            err("gold.json: '%s' missing or not a %s" % (key, typ.__name__))
    if "cross_unit_decoys" in gold and not isinstance(gold["cross_unit_decoys"], list):
        err("gold.json: cross_unit_decoys not a list")
    if errors:
        return finish()
    docs = {}
    for d in gold["documents"]:
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d:
                err("document without %s: %r" % (k, d))
        if d.get("file") in docs:
            err("document listed twice: " + d["file"])
        docs[d["file"]] = d
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            for k in ("id", "file", "period", "text"):
                if not isinstance(it.get(k), str) or not it.get(k):
                    err("%s item without %s: %r" % (kind, k, it))
            if it["id"] in items:
                err("duplicate id " + it["id"])
            items[it["id"]] = (kind, it)
            if it["file"] not in docs:
                err(it["id"] + ": unknown file " + it["file"])
            if not MONTH.match(it["period"]):
                err(it["id"] + ": bad period " + it["period"])
    if errors:
        return finish()

    # ---- file names, encoding, NFC
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err("documents in gold.json %s != .txt files on disk %s" % (sorted(docs), on_disk))
    texts = {}
    for fn, d in docs.items():
        m = FNAME.match(fn)
        if not m:
            err("bad file name " + fn)
            continue
        if d["planned_period"] != "%s-%s" % (m.group(1), m.group(2)):
            err(fn + ": planned_period %s does not match the file name" % d["planned_period"])
        for mo in d["reported_months"] + [d["planned_period"]]:
            if not MONTH.match(mo):
                err(fn + ": bad month " + mo)
        with open(os.path.join(HERE, fn), "rb") as f:
            raw = f.read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(fn + ": BOM")
        if b"\r" in raw:
            err(fn + ": CR line end")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(fn + ": not UTF-8")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(fn + ": not NFC")
        if "{{" in t or "}}" in t:
            err(fn + ": hand marks left in the text")
        texts[fn] = t

    # ---- substrings, uniqueness, overlaps
    spans = {fn: [] for fn in texts}
    for iid, (kind, it) in items.items():
        t = texts.get(it["file"])
        if t is None:
            continue
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err(iid + ": text not NFC")
        n = t.count(it["text"])
        if n != 1:
            err("%s: text found %d times in %s" % (iid, n, it["file"]))
            continue
        a = t.index(it["text"])
        spans[it["file"]].append((a, a + len(it["text"]), iid))
    for fn, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                err("%s: items %s and %s overlap" % (fn, i1, i2))

    # ---- coverage, counts, periods against the documents
    for fn, t in texts.items():
        d = docs[fn]
        res, tsk, months, planned = segments(t, fn)
        g_res = [it for _, it in items.values() if it["file"] == fn and _ == "results"]
        g_tsk = [it for _, it in items.values() if it["file"] == fn and _ == "tasks"]
        if sorted(res) != sorted(x["text"] for x in g_res):
            miss = set(res) - {x["text"] for x in g_res}
            extra = {x["text"] for x in g_res} - set(res)
            err("%s: result items differ; unlabelled %s; not a sentence %s"
                % (fn, sorted(miss)[:3], sorted(extra)[:3]))
        if sorted(tsk) != sorted(x["text"] for x in g_tsk):
            miss = set(tsk) - {x["text"] for x in g_tsk}
            extra = {x["text"] for x in g_tsk} - set(tsk)
            err("%s: task items differ; unlabelled %s; not a bullet %s"
                % (fn, sorted(miss)[:3], sorted(extra)[:3]))
        if not 10 <= len(g_tsk) <= 18:
            err("%s: %d tasks (want 10-18)" % (fn, len(g_tsk)))
        if g_res and not 10 <= len(g_res) <= 18:
            err("%s: %d results (want 10-18)" % (fn, len(g_res)))
        if months != d["reported_months"]:
            err("%s: title reports %s but reported_months is %s" % (fn, months, d["reported_months"]))
        if planned is None or "%s-%02d" % (d["planned_period"][:4], planned) != d["planned_period"]:
            err("%s: preamble plans month %s but planned_period is %s" % (fn, planned, d["planned_period"]))
        for x in g_tsk:
            if x["period"] != d["planned_period"]:
                err("%s: period %s != planned %s" % (x["id"], x["period"], d["planned_period"]))
        for x in g_res:
            if x["period"] not in d["reported_months"]:
                err("%s: period %s not among reported %s" % (x["id"], x["period"], d["reported_months"]))
        if max(d["reported_months"]) >= d["planned_period"]:
            err(fn + ": reports a month not before its planned period")

    # ---- links
    def task(i):
        k = items.get(i)
        if not k or k[0] != "tasks":
            err("unknown task id " + str(i))
            return None
        return k[1]

    def result(i):
        k = items.get(i)
        if not k or k[0] != "results":
            err("unknown result id " + str(i))
            return None
        return k[1]

    seen = set()
    linked_ft, linked_co = set(), set()
    for l in gold["follow_through"]:
        tk, rs = task(l.get("task")), result(l.get("result"))
        if l.get("status") not in STATUSES:
            err("bad status %r" % l.get("status"))
        key = ("ft", l.get("task"), l.get("result"))
        if key in seen:
            err("duplicate link %r" % (key,))
        seen.add(key)
        if not tk or not rs:
            continue
        dt, dr = docs[tk["file"]], docs[rs["file"]]
        if dt["unit"] != dr["unit"]:
            err("follow-through across units: %s -> %s" % (tk["id"], rs["id"]))
        if dr["planned_period"] <= dt["planned_period"]:
            err("follow-through not forward: %s -> %s" % (tk["id"], rs["id"]))
        if tk["period"] not in dr["reported_months"]:
            err("%s -> %s: result document does not report on %s" % (tk["id"], rs["id"], tk["period"]))
        # the first later document of the unit that reports on the task's month
        first = min((x for x in docs.values() if x["unit"] == dt["unit"]
                     and tk["period"] in x["reported_months"]), key=lambda x: x["planned_period"])
        if first["file"] != dr["file"]:
            err("%s -> %s: not the first document reporting on %s" % (tk["id"], rs["id"], tk["period"]))
        if rs["period"] < tk["period"]:
            err("%s -> %s: result period before task period" % (tk["id"], rs["id"]))
        linked_ft.add(tk["id"])
    for l in gold["carry_over"]:
        a, b = task(l.get("from")), task(l.get("to"))
        if l.get("kind") not in KINDS:
            err("bad kind %r" % l.get("kind"))
        key = ("co", l.get("from"), l.get("to"))
        if key in seen:
            err("duplicate link %r" % (key,))
        seen.add(key)
        if not a or not b:
            continue
        if docs[a["file"]]["unit"] != docs[b["file"]]["unit"]:
            err("carry-over across units: %s -> %s" % (a["id"], b["id"]))
        if b["period"] <= a["period"]:
            err("carry-over not forward: %s -> %s" % (a["id"], b["id"]))
        linked_co.add(a["id"])
    splits = {}
    for l in gold["carry_over"]:
        if l.get("kind") == "split":
            splits.setdefault(l["from"], []).append(l["to"])
    for f, tos in splits.items():
        if len(tos) < 2:
            err("split of %s has only one part" % f)

    # ---- gaps
    last = {}
    for d in docs.values():
        if d["unit"] not in last or d["planned_period"] > last[d["unit"]]:
            last[d["unit"]] = d["planned_period"]
    want = set()
    for kind, it in items.values():
        if kind != "tasks":
            continue
        d = docs[it["file"]]
        if d["planned_period"] == last[d["unit"]]:
            continue
        if it["id"] not in linked_ft and it["id"] not in linked_co:
            want.add(it["id"])
    if set(gold["gaps"]) != want or len(gold["gaps"]) != len(set(gold["gaps"])):
        err("gaps %s != unlinked tasks of non-last documents %s" % (sorted(gold["gaps"]), sorted(want)))

    # ---- decoys
    pairs = {(l["task"], l["result"]) for l in gold["follow_through"]}
    pairs |= {(l["from"], l["to"]) for l in gold["carry_over"]}
    for pr in gold.get("cross_unit_decoys", []):
        if not (isinstance(pr, list) and len(pr) == 2 and all(p in items for p in pr)):
            err("bad decoy pair %r" % (pr,))
            continue
        u = [docs[items[p][1]["file"]]["unit"] for p in pr]
        if u[0] == u[1]:
            err("decoy pair within one unit %r" % (pr,))
        if (pr[0], pr[1]) in pairs or (pr[1], pr[0]) in pairs:
            err("decoy pair linked %r" % (pr,))
    return finish()


def finish():
    if errors:
        for e in errors:
            print("ERROR:", e)
        print("FAIL (%d errors)" % len(errors))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
