#!/usr/bin/env python3
"""Check gold.json of the hand-FB series against its documents.

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / \\n line ends;
every text an exact unique substring of its file, no two items of a file
overlapping; every bullet/sentence of the results and tasks sections labelled
(headings and lead-ins skipped) and no item spanning two sentences; task and
result counts per document (10-18); periods agree with the documents (title,
date, month tags); links within one unit and forward in time; allowed statuses
and kinds; gaps exactly the unlinked tasks of non-last documents; decoys are
cross-unit, near-identical and never linked.  Prints OK or the problems found.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
HEADING = re.compile(r"^\s*(?:[IVX]+\.|\d+\.)\s+\S")
ROMAN = re.compile(r"^\s*[IVX]+\.\s")
MARKER = re.compile(r"^\s*(?:\(\d+\)|[-+•])\s+")
MONTH = re.compile(r"[Tt]háng\s+0?(\d{1,2})(?:/(\d{4}))?")
DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")

problems = []


def bad(msg):
    problems.append(msg)


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return set(re.findall(r"[a-z0-9]+", s))


def is_heading(line):
    s = line.strip()
    return bool(HEADING.match(s)) and not s.endswith((".", ";"))


def sections(text):
    """Return (results_span, tasks_span, lines) as character offsets."""
    lines, pos = [], 0
    for ln in text.split("\n"):
        lines.append((pos, ln))
        pos += len(ln) + 1
    res_start = lim_start = task_start = task_end = None
    for i, (off, ln) in enumerate(lines):
        low = ln.strip().lower()
        if res_start is None and is_heading(ln) and "kết quả" in low:
            res_start = i
        elif res_start is not None and lim_start is None and is_heading(ln) and "hạn chế" in low:
            lim_start = i
        elif lim_start is not None and task_start is None and is_heading(ln) and (
                "nhiệm vụ trọng tâm" in low or "phương hướng" in low):
            task_start = i
        elif task_start is not None and task_end is None and (
                ROMAN.match(ln) or low.startswith(("ban thường vụ đảng ủy giao", "giao ", "nơi nhận"))):
            task_end = i
    return res_start, lim_start, task_start, task_end, lines


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        with open(path, encoding="utf-8") as fh:
            gold = json.load(fh)
    except Exception as exc:  # noqa: BLE001
        print("gold.json unreadable:", exc)
        return 1

    # ---------------------------------------------------------------- form
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list),
                     ("cross_unit_decoys", list)]:
        if not isinstance(gold.get(key), typ):
            bad("gold.%s missing or not a %s" % (key, typ.__name__))
    if problems:
        print("\n".join(problems))
        return 1
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            bad("document fields: %r" % d)
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"} or not all(isinstance(it[k], str) for k in it):
                bad("%s fields: %r" % (kind, it))
    for f in gold["follow_through"]:
        if set(f) != {"task", "result", "status"}:
            bad("follow_through fields: %r" % f)
    for c in gold["carry_over"]:
        if set(c) != {"from", "to", "kind"}:
            bad("carry_over fields: %r" % c)
    for p in gold["cross_unit_decoys"]:
        if not (isinstance(p, list) and len(p) == 2):
            bad("decoy not a pair: %r" % p)
    if problems:
        print("\n".join(problems))
        return 1

    # ----------------------------------------------------------- documents
    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        bad("duplicate document file")
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        bad("documents listed %s != files on disk %s" % (sorted(docs), on_disk))
    texts = {}
    slug_unit = {}
    for fname, d in docs.items():
        m = FNAME.match(fname)
        if not m:
            bad("bad file name %s" % fname)
            continue
        if "%s-%s" % (m.group(2), m.group(3)) != d["planned_period"]:
            bad("%s: name month != planned_period %s" % (fname, d["planned_period"]))
        if slug_unit.setdefault(m.group(1), d["unit"]) != d["unit"]:
            bad("%s: slug used for two units" % fname)
        with open(os.path.join(HERE, fname), "rb") as fh:
            raw = fh.read()
        if raw.startswith(b"\xef\xbb\xbf"):
            bad("%s: BOM" % fname)
        if b"\r" in raw:
            bad("%s: CR line ends" % fname)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad("%s: not UTF-8 (%s)" % (fname, exc))
            continue
        if unicodedata.normalize("NFC", text) != text:
            bad("%s: not NFC" % fname)
        if "{{" in text or "}}" in text:
            bad("%s: hand marks left in text" % fname)
        texts[fname] = text
        # months: reported strictly before planned, consecutive within the doc
        rep = d["reported_months"]
        if not rep or sorted(rep) != rep or rep[-1] >= d["planned_period"]:
            bad("%s: reported months %s vs planned %s" % (fname, rep, d["planned_period"]))
        # the document date falls in the last reported month
        dm = DATE.search(text)
        if not dm or "%s-%02d" % (dm.group(3), int(dm.group(2))) != rep[-1]:
            bad("%s: date %s not in last reported month %s" % (fname, dm and dm.group(0), rep[-1]))
        # the title names every reported month and the planned month
        head = text[:text.find("\n\n", text.find("về kết quả"))] if "về kết quả" in text else ""
        head_months = {int(x.group(1)) for x in MONTH.finditer(head)}
        want = {int(x[5:]) for x in rep} | {int(d["planned_period"][5:])}
        if head_months != want:
            bad("%s: title months %s != %s" % (fname, sorted(head_months), sorted(want)))

    # ---------------------------------------------------------------- items
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if it["id"] in items:
                bad("duplicate id %s" % it["id"])
            items[it["id"]] = dict(it, kind=kind[:-1])
    spans = {f: [] for f in texts}
    for iid, it in items.items():
        f = it["file"]
        if f not in texts:
            bad("%s: unknown file %s" % (iid, f))
            continue
        t = it["text"]
        if not t.strip() or t != t.strip():
            bad("%s: empty text or outer spaces" % iid)
        if unicodedata.normalize("NFC", t) != t:
            bad("%s: text not NFC" % iid)
        n = texts[f].count(t)
        if n != 1:
            bad("%s: text found %d times in %s" % (iid, n, f))
            continue
        a = texts[f].find(t)
        spans[f].append((a, a + len(t), iid))
        # one sentence per item
        for mm in re.finditer(r"[.!?]\s+(\S)", t):
            if mm.group(1).isupper():
                bad("%s: item spans two sentences" % iid)
        if "\n" in t:
            bad("%s: item spans two lines" % iid)
        unit_slug = f.split("_")[0]
        if (iid.startswith("A-") and unit_slug != "an-lac-dong") or (
                iid.startswith("B-") and unit_slug != "an-lac-tay"):
            bad("%s: id prefix does not match file %s" % (iid, f))

    for f, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                bad("%s: %s overlaps %s" % (f, i1, i2))

    # coverage of the sections, placement of items, month tags, counts
    for f, text in texts.items():
        d = docs[f]
        rs, ls, ts, te, lines = sections(text)
        if None in (rs, ls, ts, te):
            bad("%s: sections not found (%s)" % (f, (rs, ls, ts, te)))
            continue
        res_range = (lines[rs][0], lines[ls][0])
        task_range = (lines[ts][0], lines[te][0])
        covered = [False] * len(text)
        for a, b, iid in spans[f]:
            for k in range(a, b):
                covered[k] = True
            rng = res_range if items[iid]["kind"] == "result" else task_range
            if not (rng[0] <= a and b <= rng[1]):
                bad("%s: %s lies outside its section" % (f, iid))
        for lo, hi in ((rs + 1, ls), (ts + 1, te)):
            for off, ln in lines[lo:hi]:
                s = ln.strip()
                if not s or is_heading(ln) or s.endswith(":"):
                    continue
                mk = MARKER.match(ln)
                start = off + (mk.end() if mk else 0)
                for k in range(start, off + len(ln)):
                    if not text[k].isspace() and not covered[k]:
                        bad("%s: unlabelled text in line %r" % (f, s[:70]))
                        break
        # month tag of each result: inline "Tháng X" or the sub-heading above it
        rep = d["reported_months"]
        cur = None
        for off, ln in lines[rs + 1:ls]:
            if is_heading(ln):
                ms = sorted({int(x.group(1)) for x in MONTH.finditer(ln)})
                cur = ms[0] if ms else None
                continue
            for a, b, iid in spans[f]:
                if off <= a < off + len(ln) and items[iid]["kind"] == "result":
                    mt = re.match(r"Tháng\s+0?(\d{1,2})", items[iid]["text"])
                    tag = int(mt.group(1)) if mt else cur
                    if len(rep) > 1 and tag is None:
                        bad("%s: %s has no month tag in a two-month document" % (f, iid))
                    if tag is not None and items[iid]["period"] != "%s-%02d" % (rep[0][:4], tag):
                        bad("%s: %s period %s != tag month %s" % (f, iid, items[iid]["period"], tag))
        nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "task")
        nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "result")
        if not 10 <= nt <= 18:
            bad("%s: %d tasks" % (f, nt))
        if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
            bad("%s: %d results" % (f, nr))

    # periods and ids
    for iid, it in items.items():
        d = docs.get(it["file"])
        if not d:
            continue
        if it["kind"] == "task":
            if it["period"] != d["planned_period"]:
                bad("%s: period %s != planned %s" % (iid, it["period"], d["planned_period"]))
            if not re.match(r"^[AB]-T%s-\d+$" % it["period"][5:], iid):
                bad("%s: id does not carry its month" % iid)
        else:
            if it["period"] not in d["reported_months"]:
                bad("%s: period %s not reported by %s" % (iid, it["period"], it["file"]))
            if not re.match(r"^[AB]-R%s-\d+$" % it["period"][5:], iid):
                bad("%s: id does not carry its month" % iid)

    # ---------------------------------------------------------------- links
    def unit(iid):
        return docs[items[iid]["file"]]["unit"]

    def dpos(iid):
        f = items[iid]["file"]
        u = docs[f]["unit"]
        order = sorted(x for x in docs if docs[x]["unit"] == u)
        return order.index(f), order

    ft_pairs, co_pairs = set(), set()
    for l in gold["follow_through"]:
        t, r, s = l["task"], l["result"], l["status"]
        if items.get(t, {}).get("kind") != "task" or items.get(r, {}).get("kind") != "result":
            bad("follow_through %s -> %s: not task -> result" % (t, r))
            continue
        if (t, r) in ft_pairs:
            bad("duplicate follow_through %s -> %s" % (t, r))
        ft_pairs.add((t, r))
        if s not in STATUSES:
            bad("follow_through %s -> %s: status %s" % (t, r, s))
        if unit(t) != unit(r):
            bad("follow_through %s -> %s crosses units" % (t, r))
            continue
        (pt, order), (pr, _) = dpos(t), dpos(r)
        if pr <= pt or items[r]["period"] < items[t]["period"]:
            bad("follow_through %s -> %s not forward in time" % (t, r))
        first = next((x for x in order[pt + 1:] if items[t]["period"] in docs[x]["reported_months"]), None)
        if items[r]["file"] != first:
            bad("follow_through %s -> %s: not in the first document reporting %s" % (t, r, items[t]["period"]))
    for l in gold["carry_over"]:
        a, b, k = l["from"], l["to"], l["kind"]
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
            bad("carry_over %s -> %s: not task -> task" % (a, b))
            continue
        if (a, b) in co_pairs:
            bad("duplicate carry_over %s -> %s" % (a, b))
        co_pairs.add((a, b))
        if k not in KINDS:
            bad("carry_over %s -> %s: kind %s" % (a, b, k))
        if unit(a) != unit(b):
            bad("carry_over %s -> %s crosses units" % (a, b))
            continue
        if dpos(b)[0] <= dpos(a)[0] or items[b]["period"] <= items[a]["period"]:
            bad("carry_over %s -> %s not forward in time" % (a, b))

    # ----------------------------------------------------------------- gaps
    linked = {t for t, _ in ft_pairs} | {a for a, _ in co_pairs}
    last = {}
    for f, d in docs.items():
        if d["unit"] not in last or f > last[d["unit"]]:
            last[d["unit"]] = f
    expected = {i for i, it in items.items() if it["kind"] == "task" and i not in linked
                and it["file"] != last[docs[it["file"]]["unit"]]}
    gaps = set(gold["gaps"])
    if len(gaps) != len(gold["gaps"]):
        bad("duplicate gap ids")
    if gaps != expected:
        bad("gaps differ: missing %s, extra %s" % (sorted(expected - gaps), sorted(gaps - expected)))

    # --------------------------------------------------------------- decoys
    seen = set()
    for a, b in gold["cross_unit_decoys"]:
        if a not in items or b not in items:
            bad("decoy %s/%s: unknown id" % (a, b))
            continue
        if unit(a) == unit(b):
            bad("decoy %s/%s within one unit" % (a, b))
        key = frozenset((a, b))
        if key in seen:
            bad("duplicate decoy %s/%s" % (a, b))
        seen.add(key)
        if {(a, b), (b, a)} & (ft_pairs | co_pairs):
            bad("decoy %s/%s is linked" % (a, b))
        wa, wb = fold(items[a]["text"]), fold(items[b]["text"])
        ov = len(wa & wb) / min(len(wa), len(wb))
        if ov < 0.6:
            bad("decoy %s/%s not near-identical (overlap %.2f)" % (a, b, ov))
    if len(gold["cross_unit_decoys"]) < 20:
        bad("only %d decoys" % len(gold["cross_unit_decoys"]))

    if problems:
        print("\n".join(problems))
        print("%d problem(s)" % len(problems))
        return 1
    print("OK: %d documents, %d tasks, %d results, %d follow-through, %d carry-over, %d gaps, %d decoys"
          % (len(docs), sum(1 for i in items.values() if i["kind"] == "task"),
             sum(1 for i in items.values() if i["kind"] == "result"), len(ft_pairs), len(co_pairs),
             len(gaps), len(gold["cross_unit_decoys"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
