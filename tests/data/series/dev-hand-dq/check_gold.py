#!/usr/bin/env python3
"""Check gold.json of the hand-DQ series against the documents beside it.

Checks: the form of gold.json; file names; UTF-8 / NFC / \\n / no BOM; every
item text an exact unique substring of its file and no two items overlapping;
every bullet or sentence of the results and tasks sections labelled (headings
and lead-ins skipped) and nothing labelled outside them; task/result counts per
document; periods agreeing with the documents' own headings and dates; links
within one unit and forward in time; allowed statuses and kinds; gaps exactly
the unlinked tasks of non-last documents; decoys cross-unit and never linked.
Prints OK when every check passes, else the list of problems.
"""
import collections
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*_(\d{4}-\d{2})\.txt$")
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
CLOSING = ("Thường trực Đảng ủy giao", "Trên đây là", "Nơi nhận")
HEADING_RE = re.compile(r"^(\d+|[IVX]+|[a-zđ])[.)]\s")
NUMBERED_RE = re.compile(r"^\d+\.\s+")
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+")

problems = []


def bad(msg):
    problems.append(msg)


def month_add(m, k):
    y, mo = int(m[:4]), int(m[5:7])
    mo += k
    while mo > 12:
        mo -= 12
        y += 1
    while mo < 1:
        mo += 12
        y -= 1
    return "%04d-%02d" % (y, mo)


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return set(re.findall(r"[a-z0-9]+", s))


def line_spans(text):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def section_pieces(text):
    """Return {'results': [...], 'tasks': [...]} of (start, end, piece) and the
    section bounds, following the layout rules of the two clerks."""
    sec = None
    bounds = {}
    pieces = {"results": [], "tasks": []}
    for start, line in line_spans(text):
        s = line.strip()
        if re.match(r"^I\.\s", s):
            sec = "results"
            bounds["results"] = [start, None, s]
            continue
        if re.match(r"^II\.\s", s):
            if sec == "results":
                bounds["results"][1] = start
            sec = None
            continue
        if re.match(r"^III\.\s", s):
            sec = "tasks"
            bounds["tasks"] = [start, None, s]
            continue
        if sec == "tasks" and s.startswith(CLOSING):
            bounds["tasks"][1] = start
            sec = None
            continue
        if sec is None or not s:
            continue
        lead = line.index(s[0])
        if s.endswith(":"):
            continue                                   # lead-in
        if HEADING_RE.match(s) and not s.endswith((".", ";")):
            continue                                   # heading
        if s.startswith(("+ ", "- ")):
            body = s[2:]
            off = start + lead + 2
            parts = [(off, body)]
        elif NUMBERED_RE.match(s):
            m = NUMBERED_RE.match(s)
            parts = [(start + lead + m.end(), s[m.end():])]
        else:
            parts = []
            off = start + lead
            for sent in SENT_SPLIT.split(s):
                i = text.index(sent, off)
                parts.append((i, sent))
                off = i + len(sent)
        for off, p in parts:
            q = p.rstrip()
            while q and q[-1] in ".;":
                q = q[:-1]
            q = q.rstrip()
            if q:
                pieces[sec].append((off, off + len(q), q))
    return pieces, bounds


def heading_months(h):
    ms = [int(x) for x in re.findall(r"THÁNG (\d{1,2})", h)]
    ys = re.findall(r"(\d{4})", h)
    if not ys:
        return None
    y = int(ys[-1])
    return ["%04d-%02d" % (y, m) for m in ms]


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        with open(path, encoding="utf-8") as fh:
            gold = json.load(fh)
    except Exception as e:
        print("cannot read gold.json: %s" % e)
        sys.exit(1)

    # ------------------------------------------------------------ form
    for key, typ in (("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list),
                     ("cross_unit_decoys", list)):
        if not isinstance(gold.get(key), typ):
            bad("gold.json: %s missing or not a %s" % (key, typ.__name__))
    extra = set(gold) - {"documents", "tasks", "results", "follow_through",
                         "carry_over", "gaps", "cross_unit_decoys"}
    if extra:
        bad("gold.json: unexpected keys %s" % sorted(extra))
    if problems:
        report()

    def need(obj, fields, what):
        for f, t in fields:
            if not isinstance(obj.get(f), t):
                bad("%s: field %s missing or of wrong type in %r" % (what, f, obj))
                return False
        if set(obj) - {f for f, _ in fields}:
            bad("%s: extra fields in %r" % (what, obj))
        return True

    docs = {}
    for d in gold["documents"]:
        if need(d, (("file", str), ("unit", str), ("reported_months", list),
                    ("planned_period", str)), "document"):
            if d["file"] in docs:
                bad("document listed twice: %s" % d["file"])
            docs[d["file"]] = d
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if need(it, (("id", str), ("file", str), ("period", str), ("text", str)), kind):
                if it["id"] in items:
                    bad("duplicate id %s" % it["id"])
                it = dict(it, kind=kind)
                items[it["id"]] = it
                if it["file"] not in docs:
                    bad("%s: file %s not among documents" % (it["id"], it["file"]))
                if not MONTH_RE.match(it["period"]):
                    bad("%s: bad period %s" % (it["id"], it["period"]))
    for ft in gold["follow_through"]:
        need(ft, (("task", str), ("result", str), ("status", str)), "follow_through")
    for co in gold["carry_over"]:
        need(co, (("from", str), ("to", str), ("kind", str)), "carry_over")
    for g in gold["gaps"]:
        if not isinstance(g, str):
            bad("gap not a string: %r" % (g,))
    for p in gold["cross_unit_decoys"]:
        if not (isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)):
            bad("decoy not a pair of ids: %r" % (p,))
    if problems:
        report()

    # ------------------------------------------------------------ files
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        bad("documents %s differ from .txt files on disk %s" % (sorted(docs), on_disk))
    texts = {}
    for f, d in docs.items():
        m = NAME_RE.match(f)
        if not m:
            bad("%s: file name not <slug>_<YYYY-MM>.txt" % f)
        elif m.group(1) != d["planned_period"]:
            bad("%s: name month differs from planned_period %s" % (f, d["planned_period"]))
        try:
            raw = open(os.path.join(HERE, f), "rb").read()
        except OSError as e:
            bad("%s: %s" % (f, e))
            continue
        if raw.startswith(b"\xef\xbb\xbf"):
            bad("%s: BOM" % f)
        if b"\r" in raw:
            bad("%s: CR line ends" % f)
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            bad("%s: not UTF-8 (%s)" % (f, e))
            continue
        if unicodedata.normalize("NFC", t) != t:
            bad("%s: not NFC" % f)
        if not t.endswith("\n"):
            bad("%s: no final newline" % f)
        texts[f] = t

    # ------------------------------------------------------------ documents and periods
    units = collections.defaultdict(list)
    for f, d in docs.items():
        units[d["unit"]].append(d)
        rm = d["reported_months"]
        if not rm or not all(isinstance(x, str) and MONTH_RE.match(x) for x in rm):
            bad("%s: bad reported_months %r" % (f, rm))
            continue
        if not MONTH_RE.match(d["planned_period"]):
            bad("%s: bad planned_period" % f)
            continue
        for a, b in zip(rm, rm[1:]):
            if month_add(a, 1) != b:
                bad("%s: reported months not consecutive" % f)
        if month_add(rm[-1], 1) != d["planned_period"]:
            bad("%s: planned period is not the month after the last reported month" % f)
        t = texts.get(f)
        if t is None:
            continue
        pieces, bounds = section_pieces(t)
        for sec in ("results", "tasks"):
            if sec not in bounds or bounds[sec][1] is None:
                bad("%s: %s section not found or not closed" % (f, sec))
        if problems:
            continue
        hm = heading_months(bounds["results"][2])
        if hm != rm:
            bad("%s: results heading %r gives %s, gold says %s" % (f, bounds["results"][2], hm, rm))
        tm = heading_months(bounds["tasks"][2])
        if tm != [d["planned_period"]]:
            bad("%s: tasks heading %r gives %s, gold says %s" % (f, bounds["tasks"][2], tm, d["planned_period"]))
        dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
        if not dm:
            bad("%s: no date line" % f)
        else:
            issued = "%s-%02d" % (dm.group(3), int(dm.group(2)))
            if issued != rm[-1]:
                bad("%s: issued %s, not in the last reported month %s" % (f, issued, rm[-1]))
        if not re.search(r"^Số:? \d+[-/](TB/ĐU|BC-UBND)$", t, re.M):
            bad("%s: no 'Số ...' line" % f)
        if "ĐẢNG CỘNG SẢN VIỆT NAM" not in t and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in t:
            bad("%s: no national/Party header" % f)
        if "Nơi nhận" not in t:
            bad("%s: no Nơi nhận" % f)

        # items of this file: unique substrings, no overlaps, in the right section
        mine = [it for it in items.values() if it["file"] == f]
        spans = []
        for it in mine:
            n = t.count(it["text"])
            if n != 1:
                bad("%s: text of %s occurs %d times" % (f, it["id"], n))
                continue
            s = t.index(it["text"])
            spans.append((s, s + len(it["text"]), it))
        spans.sort(key=lambda x: x[0])
        for (s1, e1, a), (s2, e2, b) in zip(spans, spans[1:]):
            if s2 < e1:
                bad("%s: %s overlaps %s" % (f, a["id"], b["id"]))
        for sec in ("results", "tasks"):
            lo, hi = bounds[sec][0], bounds[sec][1]
            want = sorted((p[0], p[2]) for p in pieces[sec])
            have = sorted((s, it["text"]) for s, e, it in spans if it["kind"] == sec and lo <= s < hi)
            if want != have:
                missing = [p for p in want if p not in have]
                extra_ = [p for p in have if p not in want]
                for p in missing:
                    bad("%s: unlabelled %s piece: %s" % (f, sec, p[1]))
                for p in extra_:
                    bad("%s: labelled %s item is not a whole bullet/sentence: %s" % (f, sec, p[1]))
        for s, e, it in spans:
            lo, hi = bounds[it["kind"]][0], bounds[it["kind"]][1]
            if not (lo <= s < hi):
                bad("%s: %s lies outside its %s section" % (f, it["id"], it["kind"]))
        # the two clerks' layouts
        res_lines = [l.strip() for l in t[bounds["results"][0]:bounds["results"][1]].split("\n")[1:]]
        res_lines = [l for l in res_lines if l and not l.endswith(":")
                     and not (HEADING_RE.match(l) and not l.endswith((".", ";")))]
        task_lines = [l.strip() for l in t[bounds["tasks"][0]:bounds["tasks"][1]].split("\n")[1:]]
        task_lines = [l for l in task_lines if l and not l.endswith(":")
                      and not (HEADING_RE.match(l) and not l.endswith((".", ";")))]
        if "TB/ĐU" in t:
            if not all(l.startswith("+ ") for l in res_lines):
                bad("%s: a Party notice's results must be '+' lines" % f)
            if not all(l.startswith("- ") for l in task_lines):
                bad("%s: a Party notice's tasks must be '-' bullets" % f)
        else:
            for l in res_lines:
                n = len(SENT_SPLIT.split(l))
                if not 2 <= n <= 4:
                    bad("%s: result paragraph of %d sentences: %s" % (f, n, l[:60]))
            for l in task_lines:
                if not re.search(r"\([^()]+; (trước ngày|từ ngày|ngày|trong tháng) [^()]*\d{4}\)\.$", l):
                    bad("%s: task without '(body; deadline)': %s" % (f, l[:60]))
        # counts and periods
        nt = sum(1 for it in mine if it["kind"] == "tasks")
        nr = sum(1 for it in mine if it["kind"] == "results")
        if not 10 <= nt <= 18:
            bad("%s: %d tasks" % (f, nt))
        if not (10 <= nr <= 18 or nr == 0):
            bad("%s: %d results" % (f, nr))
        for it in mine:
            if it["kind"] == "tasks" and it["period"] != d["planned_period"]:
                bad("%s: task period %s, planned %s" % (it["id"], it["period"], d["planned_period"]))
            if it["kind"] == "results" and it["period"] not in rm:
                bad("%s: result period %s not reported by %s" % (it["id"], it["period"], f))
            # commune A tags each result of a two-month report with its month
            if it["kind"] == "results" and len(rm) > 1 and "TB/ĐU" in t:
                mo = int(it["period"][5:7])
                if not re.match(r"^(Trong tháng %d, |Tháng %d: )" % (mo, mo), it["text"]):
                    bad("%s: result of a two-month notice not tagged with month %d" % (it["id"], mo))

    # ------------------------------------------------------------ links
    def unit_of(iid):
        return docs[items[iid]["file"]]["unit"]

    def planned_of(iid):
        return docs[items[iid]["file"]]["planned_period"]

    ft_out = collections.defaultdict(list)
    co_out = collections.defaultdict(list)
    pairs = set()
    seen_ft = set()
    for ft in gold["follow_through"]:
        t, r, s = ft["task"], ft["result"], ft["status"]
        if t not in items or items[t]["kind"] != "tasks":
            bad("follow_through: %s is not a task" % t)
            continue
        if r not in items or items[r]["kind"] != "results":
            bad("follow_through: %s is not a result" % r)
            continue
        if (t, r) in seen_ft:
            bad("follow_through: duplicate %s -> %s" % (t, r))
        seen_ft.add((t, r))
        if s not in STATUSES:
            bad("follow_through %s -> %s: status %s" % (t, r, s))
        if unit_of(t) != unit_of(r):
            bad("follow_through %s -> %s crosses units" % (t, r))
        if not planned_of(r) > planned_of(t):
            bad("follow_through %s -> %s not forward in time" % (t, r))
        if items[r]["period"] < items[t]["period"]:
            bad("follow_through %s -> %s: result reports a month before the task's" % (t, r))
        ft_out[t].append(r)
        pairs.add(frozenset((t, r)))
    seen_co = set()
    for co in gold["carry_over"]:
        a, b, k = co["from"], co["to"], co["kind"]
        if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks":
            bad("carry_over %s -> %s: not two tasks" % (a, b))
            continue
        if (a, b) in seen_co:
            bad("carry_over: duplicate %s -> %s" % (a, b))
        seen_co.add((a, b))
        if k not in KINDS:
            bad("carry_over %s -> %s: kind %s" % (a, b, k))
        if unit_of(a) != unit_of(b):
            bad("carry_over %s -> %s crosses units" % (a, b))
        if not items[b]["period"] > items[a]["period"]:
            bad("carry_over %s -> %s not forward in time" % (a, b))
        co_out[a].append(b)
        pairs.add(frozenset((a, b)))
    split_from = collections.Counter(co["from"] for co in gold["carry_over"] if co["kind"] == "split")
    for a, n in split_from.items():
        if n < 2:
            bad("carry_over: %s split into only one task" % a)

    # ------------------------------------------------------------ gaps
    last = {u: max(d["planned_period"] for d in ds) for u, ds in units.items()}
    want_gaps = set()
    for iid, it in items.items():
        if it["kind"] != "tasks":
            continue
        d = docs[it["file"]]
        if d["planned_period"] == last[d["unit"]]:
            if ft_out.get(iid) or co_out.get(iid):
                bad("%s: a task of the last document has an outgoing link" % iid)
            continue
        if not ft_out.get(iid) and not co_out.get(iid):
            want_gaps.add(iid)
    have_gaps = set(gold["gaps"])
    if len(have_gaps) != len(gold["gaps"]):
        bad("gaps: duplicates")
    for g in sorted(have_gaps - want_gaps):
        bad("gaps: %s is listed but linked or censored" % g)
    for g in sorted(want_gaps - have_gaps):
        bad("gaps: %s has neither link but is not listed" % g)

    # ------------------------------------------------------------ decoys
    min_sim = 1.0
    seen_dec = set()
    for a, b in gold["cross_unit_decoys"]:
        if a not in items or b not in items:
            bad("decoy %s / %s: unknown id" % (a, b))
            continue
        if unit_of(a) == unit_of(b):
            bad("decoy %s / %s: same unit" % (a, b))
        if frozenset((a, b)) in pairs:
            bad("decoy %s / %s is linked" % (a, b))
        if frozenset((a, b)) in seen_dec:
            bad("decoy %s / %s listed twice" % (a, b))
        seen_dec.add(frozenset((a, b)))
        wa, wb = fold(items[a]["text"]), fold(items[b]["text"])
        sim = len(wa & wb) / float(min(len(wa), len(wb)))
        min_sim = min(min_sim, sim)
        if sim < 0.5:
            bad("decoy %s / %s not near-identical (overlap %.2f)" % (a, b, sim))
    if len(units) == 2 and len(gold["cross_unit_decoys"]) < 25:
        bad("fewer than 25 cross-unit decoys")

    report(extra="%d documents, %d tasks, %d results, %d follow-through, %d carry-over, "
                 "%d gaps, %d decoys (min word overlap %.2f)"
                 % (len(docs), sum(1 for i in items.values() if i["kind"] == "tasks"),
                    sum(1 for i in items.values() if i["kind"] == "results"),
                    len(gold["follow_through"]), len(gold["carry_over"]),
                    len(gold["gaps"]), len(gold["cross_unit_decoys"]), min_sim))


def report(extra=None):
    if problems:
        for p in problems:
            print("PROBLEM:", p)
        print("%d problem(s)" % len(problems))
        sys.exit(1)
    if extra:
        print(extra)
    print("OK")
    sys.exit(0)


if __name__ == "__main__":
    main()
