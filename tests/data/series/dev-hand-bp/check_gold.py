#!/usr/bin/env python3
"""Check gold.json of this folder against the documents beside it.

Checks: the form; file names; UTF-8, no BOM, \n, NFC; every text an exact unique
substring of its file, items never overlap; every sentence/paragraph/table row of the
results and tasks sections labelled (headings, lead-ins, table headers and table rows
that do not report the month skipped); one sentence per item; task/result counts per
document; periods agree with the documents; links within one unit and forward in time;
allowed statuses and kinds; gaps exactly the unlinked tasks of non-last documents;
cross-unit decoys exist, are of two units, are near-identical and are never linked.
Prints OK when everything holds, else the problems.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
NUM = re.compile(r"^(?:[IVX]+\.|\d+\.|\(\d+\)|[a-z]\))\s+")
SENT_BREAK = re.compile(r"[.!?]\s+(\S)")

problems = []


def bad(msg):
    problems.append(msg)


def strip_num(s):
    return NUM.sub("", s, count=1)


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return set(re.findall(r"[a-z0-9]+", s))


def is_table(line):
    return "\t" in line or " | " in line


def cells(line):
    return [c.strip() for c in re.split(r"\t| \| ", line)]


def sections(text):
    """Yield (kind, line_start_offset, line) for lines of results/tasks sections."""
    state = None
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        s = strip_num(line.strip())
        if s.isupper() and s.startswith("KẾT QUẢ"):
            state = "results"
            yield ("head", start, line)
            continue
        if s.lower().startswith("hạn chế"):
            state = "limits"
            yield ("head", start, line)
            continue
        if s.isupper() and (s.startswith("NHIỆM VỤ") or s.startswith("PHƯƠNG HƯỚNG")):
            state = "tasks"
            yield ("head", start, line)
            continue
        if state == "tasks" and (s.startswith("Trên đây") or s.startswith("Giao ")
                                 or s.startswith("Ban Thường vụ Đảng ủy giao")
                                 or s.startswith("Nơi nhận")):
            state = "after"
        yield (state, start, line)


def main():
    try:
        gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    except Exception as e:  # noqa
        print("cannot read gold.json:", e)
        sys.exit(1)

    # ---- form
    for key, typ in (("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list),
                     ("cross_unit_decoys", list)):
        if not isinstance(gold.get(key), typ):
            bad("form: %s missing or not a %s" % (key, typ.__name__))
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            bad("form: document keys %s" % sorted(d))
    for coll in ("tasks", "results"):
        for it in gold[coll]:
            if set(it) != {"id", "file", "period", "text"}:
                bad("form: %s item keys %s" % (coll, sorted(it)))
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            bad("form: follow_through keys %s" % sorted(l))
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            bad("form: carry_over keys %s" % sorted(l))
    for p in gold["cross_unit_decoys"]:
        if not (isinstance(p, list) and len(p) == 2):
            bad("form: decoy %r" % (p,))
    if problems:
        print("\n".join(problems))
        sys.exit(1)

    # ---- documents, file names, encodings
    docs = {}
    texts = {}
    slug_unit = {}
    for d in gold["documents"]:
        f = d["file"]
        if f in docs:
            bad("document listed twice: " + f)
        docs[f] = d
        m = FNAME.match(f)
        if not m:
            bad("bad file name: " + f)
            continue
        slug, month = m.groups()
        if month != d["planned_period"]:
            bad("%s: planned_period %s differs from the name" % (f, d["planned_period"]))
        if slug_unit.setdefault(slug, d["unit"]) != d["unit"]:
            bad("%s: unit differs from other files of slug %s" % (f, slug))
        if not d["reported_months"]:
            bad("%s: no reported months" % f)
        for rm in d["reported_months"] + [d["planned_period"]]:
            if not MONTH.match(rm):
                bad("%s: bad month %s" % (f, rm))
        if any(rm >= d["planned_period"] for rm in d["reported_months"]):
            bad("%s: a reported month is not before the planned month" % f)
        if d["reported_months"] != sorted(set(d["reported_months"])):
            bad("%s: reported months not sorted/unique" % f)
        path = os.path.join(HERE, f)
        try:
            raw = open(path, "rb").read()
        except OSError:
            bad("missing file " + f)
            continue
        if raw.startswith(b"\xef\xbb\xbf"):
            bad(f + ": BOM")
        if b"\r" in raw:
            bad(f + ": CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            bad(f + ": not UTF-8")
            continue
        if unicodedata.normalize("NFC", t) != t:
            bad(f + ": not NFC")
        if re.search(r"^\s*[-+•]\s", t, re.M):
            bad(f + ": a line starts with a bullet sign")
        texts[f] = t
    on_disk = {n for n in os.listdir(HERE) if n.endswith(".txt")}
    if on_disk != set(docs):
        bad("txt files on disk differ from documents: %s" % sorted(on_disk ^ set(docs)))
    # one document per unit and planned month
    seen = set()
    for d in docs.values():
        k = (d["unit"], d["planned_period"])
        if k in seen:
            bad("two documents of %s for %s" % k)
        seen.add(k)
    unit_docs = {}
    for d in sorted(docs.values(), key=lambda d: d["planned_period"]):
        unit_docs.setdefault(d["unit"], []).append(d)
    # reported months of a unit: each one at most once, and covering the months between
    for unit, ds in unit_docs.items():
        allm = [m for d in ds for m in d["reported_months"]]
        if len(allm) != len(set(allm)):
            bad("%s: a month reported twice" % unit)
        for prev, nxt in zip(ds, ds[1:]):
            y, mo = map(int, prev["planned_period"].split("-"))
            expect = []
            cur = (y, mo)
            while "%04d-%02d" % cur < nxt["planned_period"]:
                expect.append("%04d-%02d" % cur)
                cur = (cur[0] + (cur[1] == 12), cur[1] % 12 + 1)
            if nxt["reported_months"] != expect:
                bad("%s: %s reports %s, expected %s" % (unit, nxt["file"], nxt["reported_months"], expect))

    # ---- items
    items = {}
    by_file = {}
    for coll, kind in (("tasks", "T"), ("results", "R")):
        for it in gold[coll]:
            iid = it["id"]
            if iid in items:
                bad("duplicate id " + iid)
            if not re.match(r"^[A-Z]+-%s\d{2}-\d+$" % kind, iid):
                bad("id %s does not look like a %s id" % (iid, coll[:-1]))
            items[iid] = dict(it, kind=kind)
            f = it["file"]
            if f not in docs:
                bad("%s: unknown file %s" % (iid, f))
                continue
            d = docs[f]
            if kind == "T" and it["period"] != d["planned_period"]:
                bad("%s: period %s, document plans %s" % (iid, it["period"], d["planned_period"]))
            if kind == "R" and it["period"] not in d["reported_months"]:
                bad("%s: period %s not reported by %s" % (iid, it["period"], f))
            t = texts.get(f)
            if t is None:
                continue
            txt = it["text"]
            if unicodedata.normalize("NFC", txt) != txt:
                bad(iid + ": text not NFC")
            if not txt.strip() or txt != txt.strip():
                bad(iid + ": empty text or outer spaces")
            n = t.count(txt)
            if n != 1:
                bad("%s: text found %d times in %s" % (iid, n, f))
                continue
            if "\n" in txt:
                bad(iid + ": text spans lines")
            if not is_table(txt):
                mm = SENT_BREAK.search(txt)
                if mm and mm.group(1)[0].isupper():
                    bad(iid + ": more than one sentence")
            s = t.index(txt)
            by_file.setdefault(f, []).append((s, s + len(txt), iid))
    for f, spans in by_file.items():
        spans.sort()
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1]:
                bad("%s: items %s and %s overlap" % (f, a[2], b[2]))

    # ---- every sentence of the sections labelled, items inside the right section
    for f, t in texts.items():
        spans = by_file.get(f, [])
        placed = set()
        for state, start, line in sections(t):
            end = start + len(line)
            inside = [sp for sp in spans if sp[0] >= start and sp[1] <= end]
            for sp in inside:
                placed.add(sp[2])
                want = "results" if items[sp[2]]["kind"] == "R" else "tasks"
                if state != want:
                    bad("%s: %s lies in section %s" % (f, sp[2], state))
            if state not in ("results", "tasks"):
                continue
            s = line.strip()
            if not s:
                continue
            if is_table(s):
                c = cells(s)
                if c[0] == "Chỉ tiêu":
                    if inside:
                        bad("%s: table header labelled" % f)
                    continue
                if len(c) < 5:
                    bad("%s: short table row %r" % (f, s))
                    continue
                if c[2] in ("-", ""):
                    if inside:
                        bad("%s: row not reporting the month is labelled: %r" % (f, s))
                    continue
                if state != "results" or len(inside) != 1 or t[inside[0][0]:inside[0][1]] != s:
                    bad("%s: table row not labelled as one result: %r" % (f, s))
                continue
            if s.endswith(":") or not re.search(r"[.;!?]$", s):
                if inside:
                    bad("%s: heading/lead-in carries an item: %r" % (f, s))
                elif len(s) > 160:
                    bad("%s: long unlabelled line taken for a heading: %r" % (f, s[:60]))
                continue
            body = strip_num(s)
            got = " ".join(t[a:b] for a, b, _ in sorted(inside))
            if got != body:
                bad("%s: line not fully labelled: %r" % (f, s[:80]))
        for _, _, iid in spans:
            if iid not in placed:
                bad("%s: %s not on one line of a section" % (f, iid))

    # ---- counts
    for f, d in docs.items():
        nt = sum(1 for it in gold["tasks"] if it["file"] == f)
        nr = sum(1 for it in gold["results"] if it["file"] == f)
        if not 10 <= nt <= 18:
            bad("%s: %d tasks" % (f, nt))
        if not (nr == 0 or 10 <= nr <= 18):
            bad("%s: %d results" % (f, nr))

    # ---- links
    def unit_of(iid):
        return docs[items[iid]["file"]]["unit"]

    def planned(iid):
        return docs[items[iid]["file"]]["planned_period"]

    ft_tasks, co_from = set(), set()
    linked_pairs = set()
    seen_links = set()
    for l in gold["follow_through"]:
        t, r, st = l["task"], l["result"], l["status"]
        if (t, r) in seen_links:
            bad("follow_through twice: %s %s" % (t, r))
        seen_links.add((t, r))
        if items.get(t, {}).get("kind") != "T" or items.get(r, {}).get("kind") != "R":
            bad("follow_through %s -> %s: not task -> result" % (t, r))
            continue
        if st not in STATUSES:
            bad("follow_through %s -> %s: status %s" % (t, r, st))
        if unit_of(t) != unit_of(r):
            bad("follow_through %s -> %s crosses units" % (t, r))
        if planned(r) <= planned(t):
            bad("follow_through %s -> %s not forward" % (t, r))
        tp = items[t]["period"]
        rdoc = docs[items[r]["file"]]
        if tp not in rdoc["reported_months"]:
            bad("follow_through %s -> %s: result document does not report %s" % (t, r, tp))
        first = [d for d in unit_docs[unit_of(t)] if tp in d["reported_months"]]
        if first and first[0]["file"] != rdoc["file"]:
            bad("follow_through %s -> %s: not the first document reporting %s" % (t, r, tp))
        if items[r]["period"] < tp:
            bad("follow_through %s -> %s: result period before the task's" % (t, r))
        ft_tasks.add(t)
        linked_pairs.add(frozenset((t, r)))
    seen_links = set()
    for l in gold["carry_over"]:
        a, b, k = l["from"], l["to"], l["kind"]
        if (a, b) in seen_links:
            bad("carry_over twice: %s %s" % (a, b))
        seen_links.add((a, b))
        if items.get(a, {}).get("kind") != "T" or items.get(b, {}).get("kind") != "T":
            bad("carry_over %s -> %s: not task -> task" % (a, b))
            continue
        if k not in KINDS:
            bad("carry_over %s -> %s: kind %s" % (a, b, k))
        if unit_of(a) != unit_of(b):
            bad("carry_over %s -> %s crosses units" % (a, b))
        if planned(b) <= planned(a):
            bad("carry_over %s -> %s not forward" % (a, b))
        co_from.add(a)
        linked_pairs.add(frozenset((a, b)))

    # ---- gaps
    last = {u: ds[-1]["file"] for u, ds in unit_docs.items()}
    expect = {it["id"] for it in gold["tasks"]
              if it["file"] != last[docs[it["file"]]["unit"]]
              and it["id"] not in ft_tasks and it["id"] not in co_from}
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        bad("gaps listed twice")
    if got != expect:
        bad("gaps differ: missing %s, extra %s" % (sorted(expect - got), sorted(got - expect)))

    # ---- decoys
    if len(unit_docs) == 2 and len(gold["cross_unit_decoys"]) < 12:
        bad("fewer than 12 cross-unit decoys")
    seen = set()
    for a, b in gold["cross_unit_decoys"]:
        if a not in items or b not in items:
            bad("decoy with unknown id: %s %s" % (a, b))
            continue
        if frozenset((a, b)) in seen:
            bad("decoy twice: %s %s" % (a, b))
        seen.add(frozenset((a, b)))
        if unit_of(a) == unit_of(b):
            bad("decoy %s %s within one unit" % (a, b))
        if frozenset((a, b)) in linked_pairs:
            bad("decoy %s %s is linked" % (a, b))
        wa, wb = fold(items[a]["text"]), fold(items[b]["text"])
        ov = len(wa & wb) / min(len(wa), len(wb))
        if ov < 0.6:
            bad("decoy %s %s not near-identical (overlap %.2f)" % (a, b, ov))

    if problems:
        print("\n".join(problems))
        print("FAILED: %d problems" % len(problems))
        sys.exit(1)
    nft = len(gold["follow_through"])
    nco = len(gold["carry_over"])
    print("documents %d, tasks %d, results %d, follow-through %d, carry-over %d, gaps %d, decoys %d"
          % (len(docs), len(gold["tasks"]), len(gold["results"]), nft, nco,
             len(gold["gaps"]), len(gold["cross_unit_decoys"])))
    print("OK")


if __name__ == "__main__":
    main()
