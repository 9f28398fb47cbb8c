#!/usr/bin/env python3
"""Check gold.json of the hand-ve series against its documents.

Usage: python3 check_gold.py [SERIES_DIR]      (default: the folder of this file)

Checks: the form of gold.json; file names; UTF-8 / NFC / '\n' / no BOM;
header parts of every document; every item text an exact, unique substring
of its file, no two items overlapping; every bullet or sentence of every
results section and tasks section labelled (headings and lead-ins skipped),
and every label lying in a section of its own kind; task/result counts per
document; periods agree with the documents (and with the section headings);
links inside one unit and forward in time; allowed statuses and kinds; gaps
exactly the unlinked tasks of non-last documents; decoys cross-unit and never
linked.  Prints OK when all checks pass, else the list of problems.
"""
import json
import os
import re
import sys
import unicodedata

DIR = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else \
    os.path.dirname(os.path.abspath(__file__))
problems = []


def bad(msg):
    problems.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

# --- layouts of the two offices -------------------------------------------
# Each layout: triggers (regex -> state) that open a section; the line that
# matches a trigger is a heading and is skipped.  Inside a results or tasks
# section: subperiod headings, bullets (marker stripped), lead-ins (lines
# ending with ':'), and prose (split into sentences).
LAYOUTS = {
    "vinh-xuyen": {
        "triggers": [
            (re.compile(r"^PHẦN MỘT\b"), "result"),
            (re.compile(r"^PHẦN HAI\b"), "other"),
            (re.compile(r"^PHẦN BA\b"), "task"),
            (re.compile(r"^PHẦN BỐN\b"), "other"),
        ],
        "subperiod": re.compile(r"^[A-Z]\. Tháng (\d{1,2})/(\d{4})$"),
        "bullet": re.compile(r"^(?:\([a-zđôơư]\)|▪)\s+"),
        "sections": {"result": 1, "task": 1},
    },
    "lac-tuyen": {
        "triggers": [
            (re.compile(r"^MẢNG THỨ "), "other"),
            (re.compile(r"^Đã làm được trong tháng \d{1,2}:$"), "result"),
            (re.compile(r"^Việc phải làm trong tháng \d{1,2}:$"), "task"),
            (re.compile(r"^NHỮNG ĐIỂM CÒN CHẬM$"), "other"),
        ],
        "subperiod": None,
        "bullet": re.compile(r"^\+\s+"),
        "sections": {"result": 4, "task": 4},
    },
}
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=\S)")


def heading_months(line, year):
    """Months named in a section heading, as YYYY-MM."""
    out = []
    for m in re.finditer(r"(?i)tháng (\d{1,2})(?:/(\d{4}))?", line):
        out.append("%s-%02d" % (m.group(2) or year, int(m.group(1))))
    return out


def segment(text, layout, doc):
    """Yield (kind, period_or_None, unit_text, start) for every labelled unit."""
    state, period = "other", None
    pos = 0
    year = doc["planned_period"][:4]
    counts = {"result": 0, "task": 0}
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        s = line.strip()
        if not s:
            continue
        trig = None
        for rx, st in layout["triggers"]:
            if rx.search(s):
                trig = st
                break
        if trig:
            state = trig
            period = None
            if trig in counts:
                counts[trig] += 1
                months = heading_months(s, year)
                if trig == "task":
                    if months != [doc["planned_period"]]:
                        bad("%s: task heading %r does not name %s"
                            % (doc["file"], s, doc["planned_period"]))
                else:
                    if sorted(set(months)) != sorted(doc["reported_months"]):
                        bad("%s: results heading %r does not name %s"
                            % (doc["file"], s, doc["reported_months"]))
                    if len(doc["reported_months"]) == 1:
                        period = doc["reported_months"][0]
            continue
        if state == "other":
            continue
        sp = layout["subperiod"]
        if sp and sp.match(s):
            m = sp.match(s)
            period = "%s-%02d" % (m.group(2), int(m.group(1)))
            if state != "result" or period not in doc["reported_months"]:
                bad("%s: bad subperiod heading %r" % (doc["file"], s))
            continue
        lead = len(line) - len(line.lstrip())
        b = layout["bullet"].match(s)
        if b:
            yield state, period, s[b.end():].rstrip(), start + lead + b.end()
            continue
        if s.endswith(":"):
            continue  # lead-in
        off = start + lead
        for part in SENT_SPLIT.split(s):
            i = text.index(part, off)
            yield state, period, part, i
            off = i + len(part)
    for k, n in layout["sections"].items():
        if counts[k] != n:
            bad("%s: %d %s sections, expected %d" % (doc["file"], counts[k], k, n))


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return set(re.findall(r"[a-z0-9]+", s))


def main():
    path = os.path.join(DIR, "gold.json")
    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa
        print("cannot read gold.json:", e)
        return 1

    # ---- form --------------------------------------------------------------
    need = {"documents": list, "tasks": list, "results": list,
            "follow_through": list, "carry_over": list, "gaps": list,
            "cross_unit_decoys": list}
    for k, t in need.items():
        if not isinstance(gold.get(k), t):
            bad("gold.json: key %s missing or not a %s" % (k, t.__name__))
    if problems:
        return report()
    for k in gold:
        if k not in need:
            bad("gold.json: unknown key %s" % k)
    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            bad("document fields: %r" % d)
            continue
        if d["file"] in docs:
            bad("document listed twice: " + d["file"])
        if not isinstance(d["reported_months"], list) or not all(
                isinstance(x, str) and MONTH.match(x) for x in d["reported_months"]):
            bad("%s: bad reported_months" % d["file"])
        if not isinstance(d["planned_period"], str) or not MONTH.match(d["planned_period"]):
            bad("%s: bad planned_period" % d["file"])
        elif any(m >= d["planned_period"] for m in d["reported_months"]):
            bad("%s: a reported month is not before the planned period" % d["file"])
        docs[d["file"]] = d
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"} or not all(
                    isinstance(it[x], str) and it[x] for x in it):
                bad("%s item fields: %r" % (kind, it))
                continue
            if it["id"] in items:
                bad("duplicate id " + it["id"])
            if it["file"] not in docs:
                bad("%s: unknown file %s" % (it["id"], it["file"]))
                continue
            it = dict(it, kind=kind[:-1], unit=docs[it["file"]]["unit"])
            items[it["id"]] = it
    if problems:
        return report()

    # ---- files ---------------------------------------------------------------
    texts = {}
    on_disk = sorted(f for f in os.listdir(DIR) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        bad("documents in gold.json %s differ from .txt files %s" % (sorted(docs), on_disk))
    slug_unit = {}
    for f, d in docs.items():
        m = FNAME.match(f)
        if not m:
            bad("bad file name: " + f)
            continue
        if "%s-%s" % (m.group(2), m.group(3)) != d["planned_period"]:
            bad("%s: name month is not the planned period %s" % (f, d["planned_period"]))
        if slug_unit.setdefault(m.group(1), d["unit"]) != d["unit"]:
            bad("%s: slug %s used by two units" % (f, m.group(1)))
        if m.group(1) not in LAYOUTS:
            bad("%s: no layout for slug %s" % (f, m.group(1)))
        try:
            raw = open(os.path.join(DIR, f), "rb").read()
        except OSError as e:
            bad("%s: %s" % (f, e))
            continue
        if raw.startswith(b"\xef\xbb\xbf"):
            bad(f + ": BOM")
        if b"\r" in raw:
            bad(f + ": CR in line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            bad("%s: not UTF-8 (%s)" % (f, e))
            continue
        if unicodedata.normalize("NFC", t) != t:
            bad(f + ": not NFC")
        texts[f] = t
        # header parts
        is_party = "ĐẢNG CỘNG SẢN VIỆT NAM" in t[:600]
        is_state = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in t[:600] and \
            "Độc lập - Tự do - Hạnh phúc" in t[:600]
        if not (is_party or is_state):
            bad(f + ": no national/Party heading")
        if not re.search(r"^Số:? \d+[-/]", t[:600], re.M):
            bad(f + ": no 'Số ...'")
        dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t[:800])
        if not dm:
            bad(f + ": no place and date")
        else:
            dmonth = "%s-%02d" % (dm.group(3), int(dm.group(2)))
            lo = max(d["reported_months"]) if d["reported_months"] else d["planned_period"]
            if not (lo <= dmonth <= d["planned_period"]):
                bad("%s: date %s outside %s..%s" % (f, dmonth, lo, d["planned_period"]))
        for part in ("Nơi nhận:", "(Đã ký)" if is_state else "(đã ký)"):
            if part not in t:
                bad("%s: no %r" % (f, part))
        if not re.search(r"\n(?:TM|T/M)\. ?", t) and "T/M " not in t:
            bad(f + ": no signature block")

    # ---- exact unique substrings, no overlaps --------------------------------
    spans = {}
    for iid, it in items.items():
        t = texts.get(it["file"])
        if t is None:
            continue
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            bad(iid + ": text not NFC")
        n = t.count(it["text"])
        if n != 1:
            bad("%s: text found %d times in %s" % (iid, n, it["file"]))
            continue
        i = t.index(it["text"])
        spans.setdefault(it["file"], []).append((i, i + len(it["text"]), iid))
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                bad("%s: items %s and %s overlap" % (f, a[2], b[2]))

    # ---- sections fully labelled ------------------------------------------
    by_start = {}
    for f, sp in spans.items():
        for s, e, iid in sp:
            by_start[(f, s)] = (e, iid)
    covered = set()
    for f, d in docs.items():
        m = FNAME.match(f)
        if not m or f not in texts or m.group(1) not in LAYOUTS:
            continue
        t = texts[f]
        for kind, period, unit, start in segment(t, LAYOUTS[m.group(1)], d):
            hit = by_start.get((f, start))
            if not hit or hit[0] != start + len(unit):
                bad("%s: unlabelled %s unit: %r" % (f, kind, unit[:70]))
                continue
            iid = hit[1]
            covered.add(iid)
            it = items[iid]
            if it["kind"] != kind:
                bad("%s: a %s lies in a %s section" % (iid, it["kind"], kind))
            if kind == "result" and period and it["period"] != period:
                bad("%s: period %s but its section reports %s" % (iid, it["period"], period))
    for iid in items:
        if iid not in covered:
            bad("%s: label outside any results/tasks bullet or sentence" % iid)

    # ---- counts and periods ----------------------------------------------------
    for f, d in docs.items():
        nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "task")
        nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "result")
        if not 10 <= nt <= 18:
            bad("%s: %d tasks" % (f, nt))
        if d["reported_months"] and not 10 <= nr <= 18:
            bad("%s: %d results" % (f, nr))
        if not d["reported_months"] and nr:
            bad("%s: results but no reported month" % f)
    for iid, it in items.items():
        d = docs[it["file"]]
        if it["kind"] == "task" and it["period"] != d["planned_period"]:
            bad("%s: task period %s != planned %s" % (iid, it["period"], d["planned_period"]))
        if it["kind"] == "result" and it["period"] not in d["reported_months"]:
            bad("%s: result period %s not reported by %s" % (iid, it["period"], it["file"]))

    # ---- links -----------------------------------------------------------------
    first_report = {}
    for f, d in docs.items():
        for mth in d["reported_months"]:
            key = (d["unit"], mth)
            if key not in first_report or d["planned_period"] < docs[first_report[key]]["planned_period"]:
                first_report[key] = f
    links = set()
    seen = set()
    for ft in gold["follow_through"]:
        if set(ft) != {"task", "result", "status"}:
            bad("follow_through fields: %r" % ft)
            continue
        t, r = items.get(ft["task"]), items.get(ft["result"])
        if not t or t["kind"] != "task" or not r or r["kind"] != "result":
            bad("follow_through ids: %r" % ft)
            continue
        if (t["id"], r["id"]) in seen:
            bad("follow_through repeated: %r" % ft)
        seen.add((t["id"], r["id"]))
        if ft["status"] not in STATUSES:
            bad("follow_through status: %r" % ft)
        if t["unit"] != r["unit"]:
            bad("follow_through across units: %r" % ft)
        if r["period"] != t["period"]:
            bad("follow_through: result %s reports %s, task planned %s"
                % (r["id"], r["period"], t["period"]))
        if docs[r["file"]]["planned_period"] <= t["period"]:
            bad("follow_through not forward in time: %r" % ft)
        if first_report.get((t["unit"], t["period"])) != r["file"]:
            bad("follow_through: %s is not in the first document reporting %s"
                % (r["id"], t["period"]))
        links.add(frozenset((t["id"], r["id"])))
    seen = set()
    for co in gold["carry_over"]:
        if set(co) != {"from", "to", "kind"}:
            bad("carry_over fields: %r" % co)
            continue
        a, b = items.get(co["from"]), items.get(co["to"])
        if not a or a["kind"] != "task" or not b or b["kind"] != "task":
            bad("carry_over ids: %r" % co)
            continue
        if (a["id"], b["id"]) in seen:
            bad("carry_over repeated: %r" % co)
        seen.add((a["id"], b["id"]))
        if co["kind"] not in KINDS:
            bad("carry_over kind: %r" % co)
        if a["unit"] != b["unit"]:
            bad("carry_over across units: %r" % co)
        if b["period"] <= a["period"]:
            bad("carry_over not forward in time: %r" % co)
        links.add(frozenset((a["id"], b["id"])))
    splits = {}
    for co in gold["carry_over"]:
        if co.get("kind") == "split":
            splits.setdefault(co["from"], []).append(co["to"])
    for a, tos in splits.items():
        if len(tos) < 2:
            bad("split of %s has only one part" % a)

    # ---- gaps ------------------------------------------------------------------
    last = {}
    for f, d in docs.items():
        if d["unit"] not in last or d["planned_period"] > docs[last[d["unit"]]]["planned_period"]:
            last[d["unit"]] = f
    linked = {x["task"] for x in gold["follow_through"]} | {x["from"] for x in gold["carry_over"]}
    want = {iid for iid, it in items.items() if it["kind"] == "task"
            and it["file"] != last[it["unit"]] and iid not in linked}
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        bad("gaps repeated")
    if got != want:
        bad("gaps differ: missing %s, extra %s" % (sorted(want - got), sorted(got - want)))

    # ---- decoys ----------------------------------------------------------------
    units = {d["unit"] for d in docs.values()}
    if len(units) == 2 and len(gold["cross_unit_decoys"]) < 12:
        bad("fewer than 12 cross-unit decoys")
    overlaps = []
    for pair in gold["cross_unit_decoys"]:
        if not (isinstance(pair, list) and len(pair) == 2):
            bad("decoy form: %r" % pair)
            continue
        a, b = items.get(pair[0]), items.get(pair[1])
        if not a or not b:
            bad("decoy ids: %r" % pair)
            continue
        if a["unit"] == b["unit"]:
            bad("decoy within one unit: %r" % pair)
        if frozenset(pair) in links:
            bad("decoy linked: %r" % pair)
        wa, wb = fold(a["text"]), fold(b["text"])
        ov = len(wa & wb) / min(len(wa), len(wb))
        overlaps.append(ov)
        if ov < 0.5:
            bad("decoy %r not near-identical (overlap %.2f)" % (pair, ov))

    return report(gold, items, overlaps)


def report(gold=None, items=None, overlaps=None):
    if problems:
        for p in problems:
            print("PROBLEM:", p)
        print("%d problem(s)" % len(problems))
        return 1
    nt = sum(1 for i in items.values() if i["kind"] == "task")
    nr = len(items) - nt
    print("documents %d, tasks %d, results %d, follow-through %d, carry-over %d, "
          "gaps %d, decoys %d (min word overlap %.2f)"
          % (len(gold["documents"]), nt, nr, len(gold["follow_through"]),
             len(gold["carry_over"]), len(gold["gaps"]),
             len(gold["cross_unit_decoys"]), min(overlaps) if overlaps else 0))
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
