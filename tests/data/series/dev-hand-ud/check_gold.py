#!/usr/bin/env python3
"""Check gold.json of the hand-ud series against its documents. Prints OK or the errors.

Checks: the form; file names; UTF-8 / NFC / no BOM / \\n line ends; every item text an
exact unique substring of its file, items not overlapping; every sentence or bullet of
the results and tasks sections labelled, with the right kind and period (headings and
lead-ins skipped); 10-18 tasks and 10-18 results per document (or no results); periods
agree with the document's title line and section headings; links within one unit and
forward in time; allowed statuses and kinds; gaps exactly the unlinked tasks of
non-last documents; decoys never linked.
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


def ym(month, year):
    return "%04d-%02d" % (int(year), int(month))


# headings of this office's layout
RES_HEAD = re.compile(r"^[A-D]\.1\. (?:Đã làm trong tháng|Kết quả tháng) (.+):$")
TASK_HEAD = re.compile(r"^[A-D]\.2\. (?:Giao việc tháng|Việc giao tháng) (\d{1,2})/(\d{4})(?: \(.*\))?:$")
SUB_MONTH = re.compile(r"^[a-z]\) Tháng (\d{1,2})/(\d{4}):$")
TITLE_LINE = re.compile(r"^\(Việc đã làm (.+) - Việc giao tháng (\d{1,2})/(\d{4})\)$")
DATE_LINE = re.compile(r"^Lạc Sa, ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$")
BULLET = re.compile(r"^(?:• |→ |\(\d+\) )")
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+")
MONTHS_IN = re.compile(r"tháng (\d{1,2})")


def sections(text, year):
    """Yield (kind, period, start, end) for each sentence in results/tasks sections."""
    out = []
    kind = None
    period = None
    res_months = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        s = line.strip()
        if not s:
            continue
        m = RES_HEAD.match(s)
        if m:
            kind = "result"
            res_months = [ym(x, year) for x in MONTHS_IN.findall("tháng " + m.group(1))]
            period = res_months[0] if len(res_months) == 1 else None
            out.append(("head-result", res_months, start, start))
            continue
        m = TASK_HEAD.match(s)
        if m:
            kind = "task"
            period = ym(m.group(1), m.group(2))
            out.append(("head-task", [period], start, start))
            continue
        if s.startswith("---") or s.startswith("KHỐI ") or re.match(r"^[EG]\. ", s) or s.startswith("Nơi nhận"):
            kind = None
            continue
        if kind is None:
            continue
        m = SUB_MONTH.match(s)
        if m and kind == "result":
            period = ym(m.group(1), m.group(2))
            if period not in res_months:
                err("sub-heading month %s not in section heading %s" % (period, res_months))
            continue
        if s.endswith(":"):
            continue  # lead-in
        # content line: strip bullet marker, split into sentences
        off = start + (len(line) - len(line.lstrip()))
        body = line.strip()
        bm = BULLET.match(body)
        if bm:
            off += bm.end()
            body = body[bm.end():]
        p = 0
        for piece in SENT_SPLIT.split(body):
            i = body.index(piece, p)
            p = i + len(piece)
            if piece.strip():
                if period is None:
                    err("content with no month: %r" % piece[:60])
                out.append((kind, period, off + i, off + i + len(piece)))
    return out


def main():
    path = os.path.join(HERE, "gold.json")
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("gold.json has a BOM")
    gold = json.loads(raw.decode("utf-8"))

    # ---- form ----
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(gold.get(k), t):
            err("missing or bad key %s" % k)
    for k in gold:
        if k not in need and k != "cross_unit_decoys":
            err("unknown key %s" % k)
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        err("cross_unit_decoys not a list")
        decoys = []
    if ERR:
        return
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("document keys %s" % sorted(d))
    for it in gold["tasks"] + gold["results"]:
        if set(it) != {"id", "file", "period", "text"}:
            err("item keys %s" % sorted(it))
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err("follow_through keys %s" % sorted(l))
        elif l["status"] not in ("done", "partial"):
            err("bad status %s" % l["status"])
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err("carry_over keys %s" % sorted(l))
        elif l["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
            err("bad kind %s" % l["kind"])
    if ERR:
        return

    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        err("duplicate document")
    ids = {}
    for it in gold["tasks"]:
        if it["id"] in ids:
            err("duplicate id %s" % it["id"])
        ids[it["id"]] = ("task", it)
    for it in gold["results"]:
        if it["id"] in ids:
            err("duplicate id %s" % it["id"])
        ids[it["id"]] = ("result", it)

    # ---- documents: names, encoding, periods ----
    texts = {}
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if on_disk != sorted(docs):
        err("documents on disk %s != gold %s" % (on_disk, sorted(docs)))
    for fn, d in docs.items():
        m = re.match(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$", fn)
        if not m:
            err("bad file name %s" % fn)
            continue
        if m.group(2) != d["planned_period"]:
            err("%s: name month != planned_period %s" % (fn, d["planned_period"]))
        b = open(os.path.join(HERE, fn), "rb").read()
        if b.startswith(b"\xef\xbb\xbf"):
            err("%s has a BOM" % fn)
        if b"\r" in b:
            err("%s has \\r" % fn)
        try:
            t = b.decode("utf-8")
        except UnicodeDecodeError:
            err("%s not UTF-8" % fn)
            continue
        if unicodedata.normalize("NFC", t) != t:
            err("%s not NFC" % fn)
        texts[fn] = t
        lines = [x.strip() for x in t.split("\n")]
        tl = [TITLE_LINE.match(x) for x in lines if TITLE_LINE.match(x)]
        if len(tl) != 1:
            err("%s: title period line not found once" % fn)
            continue
        tm = tl[0]
        year = int(tm.group(3))
        planned = ym(tm.group(2), year)
        if planned != d["planned_period"]:
            err("%s: title plans %s, gold %s" % (fn, planned, d["planned_period"]))
        rep = [ym(x, year) for x in MONTHS_IN.findall(tm.group(1))]
        if rep != d["reported_months"]:
            err("%s: title reports %s, gold %s" % (fn, rep, d["reported_months"]))
        dl = [DATE_LINE.match(x) for x in lines if DATE_LINE.match(x)]
        if len(dl) != 1:
            err("%s: date line not found once" % fn)
        else:
            dym = ym(dl[0].group(2), dl[0].group(3))
            if not (max(d["reported_months"]) <= dym < d["planned_period"]):
                err("%s: date %s not between reported and planned months" % (fn, dym))
        if not re.search(r"^Số: \d+/TB-VP$", t, re.M):
            err("%s: no 'Số' line" % fn)
        for must in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "THÔNG BÁO", "Nơi nhận:"):
            if must not in t:
                err("%s: missing %r" % (fn, must))
    if ERR:
        return

    # ---- items: exact unique substrings, no overlaps, periods ----
    spans = {fn: [] for fn in docs}
    for iid, (kind, it) in ids.items():
        fn = it["file"]
        if fn not in texts:
            err("%s: unknown file %s" % (iid, fn))
            continue
        t = texts[fn]
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err("%s: text not NFC" % iid)
        c = t.count(it["text"])
        if c != 1:
            err("%s: text found %d times in %s" % (iid, c, fn))
            continue
        s = t.index(it["text"])
        spans[fn].append((s, s + len(it["text"]), kind, it["period"], iid))
        d = docs[fn]
        if kind == "task" and it["period"] != d["planned_period"]:
            err("%s: task period %s != planned %s" % (iid, it["period"], d["planned_period"]))
        if kind == "result" and it["period"] not in d["reported_months"]:
            err("%s: result period %s not reported in %s" % (iid, it["period"], fn))
    for fn, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err("%s: %s overlaps %s" % (fn, a[4], b[4]))

    # ---- every sentence/bullet of results and tasks sections labelled ----
    for fn, t in texts.items():
        d = docs[fn]
        year = int(d["planned_period"][:4])
        found = sections(t, year)
        heads = [x for x in found if x[0].startswith("head-")]
        sents = [x for x in found if not x[0].startswith("head-")]
        for h in heads:
            if h[0] == "head-result" and h[1] != d["reported_months"]:
                err("%s: result heading months %s != %s" % (fn, h[1], d["reported_months"]))
            if h[0] == "head-task" and h[1] != [d["planned_period"]]:
                err("%s: task heading month %s != %s" % (fn, h[1], d["planned_period"]))
        by_span = {(s, e): (k, p, i) for s, e, k, p, i in spans[fn]}
        seen = set()
        for kind, period, s, e in sents:
            lab = by_span.get((s, e))
            if lab is None:
                err("%s: unlabelled %s sentence: %r" % (fn, kind, t[s:e][:70]))
                continue
            if lab[0] != kind:
                err("%s: %s labelled as %s" % (fn, lab[2], lab[0]))
            if lab[1] != period:
                err("%s: %s period %s but section month %s" % (fn, lab[2], lab[1], period))
            seen.add((s, e))
        for s, e, k, p, i in spans[fn]:
            if (s, e) not in seen:
                err("%s: %s is not one sentence/bullet of a %s section" % (fn, i, k))
        nt = sum(1 for x in spans[fn] if x[2] == "task")
        nr = sum(1 for x in spans[fn] if x[2] == "result")
        if not 10 <= nt <= 18:
            err("%s: %d tasks" % (fn, nt))
        if not (nr == 0 or 10 <= nr <= 18):
            err("%s: %d results" % (fn, nr))

    # ---- links ----
    order = {fn: d["planned_period"] for fn, d in docs.items()}
    unit_of = {fn: d["unit"] for fn, d in docs.items()}
    linked = set()
    pairs = set()
    for l in gold["follow_through"]:
        a, b = ids.get(l["task"]), ids.get(l["result"])
        if not a or a[0] != "task":
            err("follow_through: %s not a task" % l["task"]); continue
        if not b or b[0] != "result":
            err("follow_through: %s not a result" % l["result"]); continue
        ta, rb = a[1], b[1]
        if unit_of[ta["file"]] != unit_of[rb["file"]]:
            err("follow_through across units %s %s" % (l["task"], l["result"]))
        if not order[rb["file"]] > order[ta["file"]]:
            err("follow_through not forward %s %s" % (l["task"], l["result"]))
        if rb["period"] != ta["period"]:
            err("follow_through %s->%s: result reports %s, task planned %s"
                % (l["task"], l["result"], rb["period"], ta["period"]))
        # the first later document that reports on the task's month
        first = min((fn for fn, d in docs.items() if unit_of[fn] == unit_of[ta["file"]]
                     and ta["period"] in d["reported_months"]), key=lambda f: order[f])
        if rb["file"] != first:
            err("follow_through %s->%s not in first reporting document" % (l["task"], l["result"]))
        if (l["task"], l["result"]) in pairs:
            err("duplicate link %s %s" % (l["task"], l["result"]))
        pairs.add((l["task"], l["result"]))
        linked.add(l["task"])
    for l in gold["carry_over"]:
        a, b = ids.get(l["from"]), ids.get(l["to"])
        if not a or a[0] != "task" or not b or b[0] != "task":
            err("carry_over: bad ids %s %s" % (l["from"], l["to"])); continue
        if unit_of[a[1]["file"]] != unit_of[b[1]["file"]]:
            err("carry_over across units %s %s" % (l["from"], l["to"]))
        if not order[b[1]["file"]] > order[a[1]["file"]]:
            err("carry_over not forward %s %s" % (l["from"], l["to"]))
        if (l["from"], l["to"]) in pairs:
            err("duplicate link %s %s" % (l["from"], l["to"]))
        pairs.add((l["from"], l["to"]))
        linked.add(l["from"])

    # ---- gaps ----
    last = {}
    for fn, d in docs.items():
        u = d["unit"]
        if u not in last or order[fn] > order[last[u]]:
            last[u] = fn
    expect = sorted(it["id"] for it in gold["tasks"]
                    if it["file"] != last[unit_of[it["file"]]] and it["id"] not in linked)
    if len(set(gold["gaps"])) != len(gold["gaps"]):
        err("duplicate gap")
    if sorted(gold["gaps"]) != expect:
        err("gaps %s != unlinked tasks %s" % (sorted(gold["gaps"]), expect))

    # ---- decoys ----
    for p in decoys:
        if not (isinstance(p, list) and len(p) == 2 and all(x in ids for x in p)):
            err("bad decoy %r" % (p,)); continue
        x, y = p
        if unit_of[ids[x][1]["file"]] == unit_of[ids[y][1]["file"]]:
            err("decoy %s %s within one unit" % (x, y))
        if (x, y) in pairs or (y, x) in pairs:
            err("decoy %s %s is linked" % (x, y))


if __name__ == "__main__":
    main()
    if ERR:
        for e in ERR:
            print("ERROR:", e)
        sys.exit(1)
    print("OK")
