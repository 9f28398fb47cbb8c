#!/usr/bin/env python3
"""Check gold.json of the hand-xb series against its documents.  Prints OK or the errors.

Layout of this chi bộ's resolutions (its office's own):
  A/ VIỆC ĐÃ LÀM ...          results   (bullets "+ ..." or prose paragraphs)
  B/ VIỆC CÒN CHƯA ĐƯỢC       limitations (not labelled in gold.json)
  C/ VIỆC CHI BỘ GIAO ...     tasks     (numbered "1/ ...")
  D/ CÁCH LÀM                 assignment and closing (no items)
Inside A/ and C/, a line ending with ":" is a heading or a lead-in and is skipped;
in a two-month document, "Tháng Tư/2026:" etc. open the results of that month.
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


MONTH_WORD = {"giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6,
              "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "chạp": 12,
              "mười hai": 12}
ID_T = re.compile(r"^T\d\d-\d+$")
ID_R = re.compile(r"^R\d\d-\d+$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=\S)")


def load_text(fname):
    path = os.path.join(HERE, fname)
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(fname + ": has a BOM")
    if b"\r" in raw:
        err(fname + ": has \\r line ends")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(fname + ": not UTF-8 (%s)" % e)
        return ""
    if unicodedata.normalize("NFC", text) != text:
        err(fname + ": not NFC")
    return text


def sections(text):
    """Return {'A': [(lineno, line)], 'C': [...]} of the results and tasks sections."""
    out = {"A": [], "C": []}
    cur = None
    for i, line in enumerate(text.split("\n")):
        m = re.match(r"^([A-D])/ [A-ZÀ-Ỹ]", line)
        if m:
            cur = m.group(1)
            continue
        if line.startswith("Nơi nhận"):
            cur = None
        if cur in out:
            out[cur].append((i, line))
    return out


def segments(lines):
    """Items of a section as (text, month_word or None); headings and lead-ins skipped."""
    segs = []
    month = None
    for _, line in lines:
        s = line.strip()
        if not s:
            continue
        if s.endswith(":"):
            m = re.match(r"^Tháng (\w+)/(\d{4}):$", s)
            if m:
                month = "%s-%02d" % (m.group(2), MONTH_WORD[m.group(1).lower()])
            continue
        mb = re.match(r"^(\+|\d+/)\s+(.*)$", s)
        if mb:
            body = mb.group(2).strip()
            if SENT_SPLIT.search(body):
                err("bullet holds more than one sentence: " + body[:60])
            segs.append((body, month, "bullet"))
        else:
            for sent in SENT_SPLIT.split(s):
                segs.append((sent.strip(), month, "sentence"))
    return segs


def main():
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    # ---- form -------------------------------------------------------------
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)]:
        if not isinstance(gold.get(key), typ):
            err("gold.json: missing or bad key " + key)
    if errors:
        return
    decoys = gold.get("cross_unit_decoys", [])
    for d in gold["documents"]:
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d:
                err("document lacks %s: %r" % (k, d))
    for coll in ("tasks", "results"):
        for it in gold[coll]:
            for k in ("id", "file", "period", "text"):
                if k not in it:
                    err("%s item lacks %s: %r" % (coll, k, it))
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err("bad follow_through entry %r" % l)
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err("bad carry_over entry %r" % l)
    if errors:
        return

    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        err("duplicate document file")
    tasks = {t["id"]: t for t in gold["tasks"]}
    results = {r["id"]: r for r in gold["results"]}
    if len(tasks) != len(gold["tasks"]) or len(results) != len(gold["results"]):
        err("duplicate item id")
    if set(tasks) & set(results):
        err("an id is both a task and a result")
    for i in tasks:
        if not ID_T.match(i):
            err("bad task id " + i)
    for i in results:
        if not ID_R.match(i):
            err("bad result id " + i)

    # ---- files on disk match the documents list ---------------------------
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if on_disk != sorted(docs):
        err("txt files %s differ from documents %s" % (on_disk, sorted(docs)))

    # ---- per document -------------------------------------------------------
    order = {}  # (unit) -> list of files by planned period
    for fname, d in docs.items():
        m = FNAME.match(fname)
        if not m:
            err(fname + ": bad file name")
            continue
        if "%s-%s" % (m.group(2), m.group(3)) != d["planned_period"]:
            err(fname + ": name month differs from planned_period")
        text = load_text(fname)
        # periods agree with the document's own title line
        mt = re.search(r"\(nhìn lại việc tháng (\d+)(?: và tháng (\d+))? - giao việc tháng (\d+)/(\d{4})\)", text)
        if not mt:
            err(fname + ": title period line not found")
        else:
            yr = mt.group(4)
            rep = ["%s-%02d" % (yr, int(mt.group(1)))]
            if mt.group(2):
                rep.append("%s-%02d" % (yr, int(mt.group(2))))
            if rep != d["reported_months"]:
                err(fname + ": reported_months %s, title says %s" % (d["reported_months"], rep))
            if "%s-%02d" % (yr, int(mt.group(3))) != d["planned_period"]:
                err(fname + ": planned_period differs from title")
        mh = re.search(r"A/ VIỆC ĐÃ LÀM TRONG THÁNG .*?(\d+)/(\d{4})", text)
        mc = re.search(r"C/ VIỆC CHI BỘ GIAO CHO THÁNG (\d+)/(\d{4})", text)
        if not mc or "%s-%02d" % (mc.group(2), int(mc.group(1))) != d["planned_period"]:
            err(fname + ": tasks heading does not name the planned month")
        if not mh or "%s-%02d" % (mh.group(2), int(mh.group(1))) != d["reported_months"][-1]:
            err(fname + ": results heading does not name the reported month")
        if not re.search(r"^Số \d+-NQ/CB", text, re.M):
            err(fname + ": no 'Số ...' line")
        if "ĐẢNG CỘNG SẢN VIỆT NAM" not in text:
            err(fname + ": no Party header")
        order.setdefault(d["unit"], []).append(fname)

        f_tasks = [t for t in gold["tasks"] if t["file"] == fname]
        f_results = [r for r in gold["results"] if r["file"] == fname]
        if not 10 <= len(f_tasks) <= 18:
            err("%s: %d tasks" % (fname, len(f_tasks)))
        if f_results and not 10 <= len(f_results) <= 18:
            err("%s: %d results" % (fname, len(f_results)))
        # exact, unique, non-overlapping
        spans = []
        for it in f_tasks + f_results:
            n = text.count(it["text"])
            if n != 1:
                err("%s: %s occurs %d times" % (fname, it["id"], n))
                continue
            s = text.index(it["text"])
            spans.append((s, s + len(it["text"]), it["id"]))
            if it["text"] != it["text"].strip() or not it["text"]:
                err("%s: %s has stray spaces or is empty" % (fname, it["id"]))
        spans.sort()
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1]:
                err("%s: %s overlaps %s" % (fname, a[2], b[2]))
        # every bullet / sentence of the sections labelled, nothing else
        sec = sections(text)
        for key, items, kind in (("A", f_results, "result"), ("C", f_tasks, "task")):
            segs = segments(sec[key])
            seg_texts = [s[0] for s in segs]
            lab_texts = [it["text"] for it in sorted(items, key=lambda it: text.index(it["text"]) if it["text"] in text else -1)]
            if seg_texts != lab_texts:
                missing = [s for s in seg_texts if s not in lab_texts]
                extra = [s for s in lab_texts if s not in seg_texts]
                err("%s: %s section mismatch; unlabelled %s; labelled but not an item %s"
                    % (fname, kind, [x[:50] for x in missing], [x[:50] for x in extra]))
            # periods
            for (stext, smonth, _), it in zip(segs, items and sorted(items, key=lambda it: text.index(it["text"]) if it["text"] in text else -1)):
                if kind == "task":
                    if it["period"] != d["planned_period"]:
                        err("%s: task %s period %s" % (fname, it["id"], it["period"]))
                else:
                    if it["period"] not in d["reported_months"]:
                        err("%s: result %s period %s not reported" % (fname, it["id"], it["period"]))
                    if len(d["reported_months"]) > 1 and smonth != it["period"]:
                        err("%s: result %s under month %s, labelled %s" % (fname, it["id"], smonth, it["period"]))
            if kind == "task" and not ID_PERIOD_OK(items):
                err("%s: task id months differ from period" % fname)

    # ---- links ------------------------------------------------------------------
    for u in order:
        order[u].sort(key=lambda f: docs[f]["planned_period"])
    pos = {f: (docs[f]["unit"], i) for u in order for i, f in enumerate(order[u])}

    def doc_of(item):
        return pos[item["file"]]

    ft_tasks, co_from = set(), set()
    seen = set()
    for l in gold["follow_through"]:
        t, r = tasks.get(l["task"]), results.get(l["result"])
        if not t or not r:
            err("follow_through refers to unknown id %r" % l)
            continue
        if (l["task"], l["result"]) in seen:
            err("duplicate follow_through %r" % l)
        seen.add((l["task"], l["result"]))
        if l["status"] not in ("done", "partial"):
            err("bad status %r" % l)
        (ut, it_), (ur, ir) = doc_of(t), doc_of(r)
        if ut != ur:
            err("follow_through across units %r" % l)
        if ir <= it_ or r["period"] < t["period"]:
            err("follow_through not forward %r" % l)
        # the result sits in the first later document reporting on the task's month
        first = next((k for k in range(it_ + 1, len(order[ut]))
                      if t["period"] in docs[order[ut][k]]["reported_months"]), None)
        if first is not None and ir != first:
            err("follow_through %r not in the first document reporting %s" % (l, t["period"]))
        ft_tasks.add(l["task"])
    seen = set()
    for l in gold["carry_over"]:
        a, b = tasks.get(l["from"]), tasks.get(l["to"])
        if not a or not b:
            err("carry_over refers to unknown id %r" % l)
            continue
        if (l["from"], l["to"]) in seen:
            err("duplicate carry_over %r" % l)
        seen.add((l["from"], l["to"]))
        if l["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
            err("bad kind %r" % l)
        (ua, ia), (ub, ib) = doc_of(a), doc_of(b)
        if ua != ub:
            err("carry_over across units %r" % l)
        if ib <= ia or b["period"] <= a["period"]:
            err("carry_over not forward %r" % l)
        co_from.add(l["from"])
    # split: a task split must have at least two targets
    for l in gold["carry_over"]:
        if l["kind"] == "split":
            n = sum(1 for m in gold["carry_over"] if m["from"] == l["from"] and m["kind"] == "split")
            if n < 2:
                err("split with one target %r" % l)

    # ---- gaps -------------------------------------------------------------------
    expected = set()
    for tid, t in tasks.items():
        u, i = doc_of(t)
        if i < len(order[u]) - 1 and tid not in ft_tasks and tid not in co_from:
            expected.add(tid)
    if len(gold["gaps"]) != len(set(gold["gaps"])):
        err("duplicate gap")
    if set(gold["gaps"]) != expected:
        err("gaps %s differ from unlinked tasks of non-last documents %s"
            % (sorted(set(gold["gaps"]) - expected), sorted(expected - set(gold["gaps"]))))

    # ---- decoys -----------------------------------------------------------------
    units = set(d["unit"] for d in gold["documents"])
    if len(units) == 1 and decoys:
        err("cross_unit_decoys given for a single unit")
    linked = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
             {(l["from"], l["to"]) for l in gold["carry_over"]}
    allitems = dict(tasks, **results)
    for pair in decoys:
        if len(pair) != 2 or any(p not in allitems for p in pair):
            err("bad decoy pair %r" % pair)
            continue
        a, b = pair
        if docs[allitems[a]["file"]]["unit"] == docs[allitems[b]["file"]]["unit"]:
            err("decoy pair within one unit %r" % pair)
        if (a, b) in linked or (b, a) in linked:
            err("decoy pair linked %r" % pair)


def ID_PERIOD_OK(items):
    return all(it["period"][5:7] == it["id"][1:3] for it in items)


if __name__ == "__main__":
    main()
    if errors:
        for e in errors:
            print("ERROR:", e)
        sys.exit(1)
    print("OK")
