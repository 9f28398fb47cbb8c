#!/usr/bin/env python3
"""Check gold.json of this series against its documents and the annotation rules.

    python3 check_gold.py [SERIES_DIR]      # prints OK, or the list of problems

Checks: the form of gold.json; file names; UTF-8 (no BOM), NFC, \n line ends; every item
text an exact unique substring of its file, items not overlapping; every bullet of the
results section ("I. ...") and of the tasks section ("III. ..." up to "Nơi nhận") labelled
by exactly one item of the right kind, and every item inside its section (headings and
lead-ins skipped); task/result counts per document; periods against the file names, the
titles and section headings; links inside one unit and forward in time (a follow-through
result in the first later document reporting the task's month); allowed statuses and
kinds; gaps exactly the unlinked tasks of documents that are not their unit's last;
decoy pairs (cross_unit_decoys and same_unit_decoys.json) never linked.
"""
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
BULLET = re.compile(r"^[-+] (.*)$")
SUBPERIOD = re.compile(r"^[A-Z]\. KẾT QUẢ THÁNG (\d{1,2})/(\d{4})\s*$")

problems = []


def bad(msg):
    problems.append(msg)


def month(y, m):
    return f"{int(y):04d}-{int(m):02d}"


def sections(text):
    """Return (results_span, tasks_span, results sub-period marks) as character offsets."""
    lines = text.split("\n")
    offs, o = [], 0
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1
    r0 = r1 = t0 = t1 = None
    for i, ln in enumerate(lines):
        if r0 is None and ln.startswith("I. "):
            r0 = i
        elif r0 is not None and r1 is None and ln.startswith("II. "):
            r1 = i
        elif t0 is None and ln.startswith("III. "):
            t0 = i
        elif t0 is not None and t1 is None and ln.startswith("Nơi nhận"):
            t1 = i
    return lines, offs, (r0, r1), (t0, t1)


def main(root):
    root = Path(root)
    try:
        gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        print(f"cannot read gold.json: {e}")
        return 1

    # ---- form
    for key, typ in (("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)):
        if not isinstance(gold.get(key), typ):
            bad(f"gold.json: '{key}' missing or not a {typ.__name__}")
    allowed = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps",
               "cross_unit_decoys"}
    for key in gold:
        if key not in allowed:
            bad(f"gold.json: unexpected key '{key}'")
    if problems:
        return report()
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            bad(f"document entry has keys {sorted(d)}")
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                bad(f"{kind} entry {it.get('id')} has keys {sorted(it)}")
            if not it.get("text"):
                bad(f"{kind} entry {it.get('id')} has empty text")
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            bad(f"follow_through entry has keys {sorted(l)}")
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            bad(f"carry_over entry has keys {sorted(l)}")
    if problems:
        return report()

    ids = Counter(it["id"] for it in gold["tasks"] + gold["results"])
    for i, c in ids.items():
        if c > 1:
            bad(f"id {i} used {c} times")
    tasks = {t["id"]: t for t in gold["tasks"]}
    results = {r["id"]: r for r in gold["results"]}
    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        bad("a document is listed twice")

    # ---- file names, encoding
    texts = {}
    for f, d in docs.items():
        m = NAME.match(f)
        if not m:
            bad(f"{f}: bad file name")
            continue
        if m.group(1) != d["planned_period"]:
            bad(f"{f}: name month {m.group(1)} != planned_period {d['planned_period']}")
        p = root / f
        if not p.is_file():
            bad(f"{f}: missing")
            continue
        raw = p.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            bad(f"{f}: BOM")
        if b"\r" in raw:
            bad(f"{f}: CR line ends")
        try:
            s = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            bad(f"{f}: not UTF-8 ({e})")
            continue
        if unicodedata.normalize("NFC", s) != s:
            bad(f"{f}: not NFC")
        texts[f] = s
    on_disk = {p.name for p in root.glob("*.txt")}
    for f in sorted(on_disk - set(docs)):
        bad(f"{f}: on disk but not in gold.json")
    for it in gold["tasks"] + gold["results"]:
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            bad(f"{it['id']}: text not NFC")
        if it["file"] not in docs:
            bad(f"{it['id']}: unknown file {it['file']}")

    # ---- periods of documents
    for f, d in docs.items():
        if not d["reported_months"] or any(rm >= d["planned_period"] for rm in d["reported_months"]):
            bad(f"{f}: reported months {d['reported_months']} not before {d['planned_period']}")
        s = texts.get(f)
        if s is None:
            continue
        y, mth = d["planned_period"].split("-")
        title = re.search(r"nhiệm vụ trọng tâm tháng (\d{1,2}) năm (\d{4})", s)
        if not title or month(title.group(2), title.group(1)) != d["planned_period"]:
            bad(f"{f}: title does not name the planned month {d['planned_period']}")
        head = re.search(r"^III\. NHIỆM VỤ TRỌNG TÂM THÁNG (\d{1,2}) NĂM (\d{4})", s, re.M)
        if not head or month(head.group(2), head.group(1)) != d["planned_period"]:
            bad(f"{f}: tasks heading does not name {d['planned_period']}")
        rh = re.search(r"^I\. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG (.*) NĂM (\d{4})\s*$", s, re.M)
        if not rh:
            bad(f"{f}: no results heading")
        else:
            ms = [month(rh.group(2), x) for x in re.findall(r"\d{1,2}", rh.group(1))]
            if ms != d["reported_months"]:
                bad(f"{f}: results heading months {ms} != reported_months {d['reported_months']}")

    # ---- items: substrings, uniqueness, overlaps, sections, bullets
    by_file = defaultdict(list)
    for kind, coll in (("task", gold["tasks"]), ("result", gold["results"])):
        for it in coll:
            s = texts.get(it["file"])
            if s is None:
                continue
            n = s.count(it["text"])
            if n != 1:
                bad(f"{it['id']}: text found {n} times in {it['file']}")
                continue
            a = s.index(it["text"])
            by_file[it["file"]].append((a, a + len(it["text"]), kind, it))
    for f, spans in by_file.items():
        spans.sort(key=lambda x: x[0])
        for (a1, b1, _, i1), (a2, b2, _, i2) in zip(spans, spans[1:]):
            if a2 < b1:
                bad(f"{f}: {i1['id']} overlaps {i2['id']}")

    for f, s in texts.items():
        d = docs[f]
        lines, offs, (r0, r1), (t0, t1) = sections(s)
        if None in (r0, r1, t0, t1):
            bad(f"{f}: sections I./II./III./Nơi nhận not found")
            continue
        spans = by_file.get(f, [])
        start_of = {a: (b, kind, it) for a, b, kind, it in spans}
        used = set()
        cur_period = d["reported_months"][0] if len(d["reported_months"]) == 1 else None
        for sec, (lo, hi) in (("result", (r0, r1)), ("task", (t0, t1))):
            for i in range(lo + 1, hi):
                ln = lines[i]
                if sec == "result":
                    sp = SUBPERIOD.match(ln)
                    if sp:
                        cur_period = month(sp.group(2), sp.group(1))
                        if cur_period not in d["reported_months"]:
                            bad(f"{f}: sub-heading month {cur_period} not reported")
                m = BULLET.match(ln)
                if not m:
                    continue  # heading or lead-in
                body = m.group(1).rstrip(" ;.,")
                a = offs[i] + 2
                hit = start_of.get(a)
                if not hit or hit[0] != a + len(body):
                    bad(f"{f}:{i + 1}: bullet not labelled exactly: {body[:60]}")
                    continue
                _, kind, it = hit
                used.add(it["id"])
                if kind != sec:
                    bad(f"{f}:{i + 1}: {it['id']} is a {kind} in the {sec} section")
                if sec == "result":
                    if cur_period is None:
                        bad(f"{f}:{i + 1}: result before any month sub-heading")
                    elif it["period"] != cur_period:
                        bad(f"{it['id']}: period {it['period']} but its section reports {cur_period}")
                elif it["period"] != d["planned_period"]:
                    bad(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
        for a, b, kind, it in spans:
            if it["id"] not in used:
                bad(f"{it['id']}: not a whole bullet of its section")
        nt = sum(1 for *_, k, _ in spans if k == "task")
        nr = sum(1 for *_, k, _ in spans if k == "result")
        if not 10 <= nt <= 18:
            bad(f"{f}: {nt} tasks (need 10-18)")
        if not (10 <= nr <= 18 or nr == 0):
            bad(f"{f}: {nr} results (need 10-18, or none)")

    # ---- links
    def unit_of(it):
        return docs[it["file"]]["unit"] if it["file"] in docs else None

    unit_docs = defaultdict(list)
    for d in gold["documents"]:
        unit_docs[d["unit"]].append(d)
    for u in unit_docs:
        unit_docs[u].sort(key=lambda d: d["planned_period"])

    ft_pairs, linked = set(), set()
    for l in gold["follow_through"]:
        t, r = tasks.get(l["task"]), results.get(l["result"])
        if t is None or r is None:
            bad(f"follow_through {l}: unknown id")
            continue
        if (t["id"], r["id"]) in ft_pairs:
            bad(f"follow_through {t['id']}->{r['id']} twice")
        ft_pairs.add((t["id"], r["id"]))
        linked.add(t["id"])
        if l["status"] not in STATUSES:
            bad(f"follow_through {t['id']}->{r['id']}: status {l['status']}")
        if unit_of(t) != unit_of(r):
            bad(f"follow_through {t['id']}->{r['id']}: across units")
            continue
        rd = docs[r["file"]]
        if not (rd["planned_period"] > t["period"] and r["period"] >= t["period"]):
            bad(f"follow_through {t['id']}->{r['id']}: not forward in time")
        first = next((d for d in unit_docs[unit_of(t)]
                      if t["period"] in d["reported_months"]), None)
        if first is None or first["file"] != r["file"]:
            bad(f"follow_through {t['id']}->{r['id']}: not in the first document reporting {t['period']}")
    co_pairs = set()
    for l in gold["carry_over"]:
        a, b = tasks.get(l["from"]), tasks.get(l["to"])
        if a is None or b is None:
            bad(f"carry_over {l}: unknown id")
            continue
        if (a["id"], b["id"]) in co_pairs:
            bad(f"carry_over {a['id']}->{b['id']} twice")
        co_pairs.add((a["id"], b["id"]))
        linked.add(a["id"])
        if l["kind"] not in KINDS:
            bad(f"carry_over {a['id']}->{b['id']}: kind {l['kind']}")
        if unit_of(a) != unit_of(b):
            bad(f"carry_over {a['id']}->{b['id']}: across units")
        if not b["period"] > a["period"]:
            bad(f"carry_over {a['id']}->{b['id']}: not forward in time")

    # ---- gaps
    last_file = {u: ds[-1]["file"] for u, ds in unit_docs.items()}
    expected = {t["id"] for t in gold["tasks"]
                if t["file"] in docs and t["file"] != last_file[unit_of(t)] and t["id"] not in linked}
    given = gold["gaps"]
    if len(set(given)) != len(given):
        bad("gaps: duplicates")
    for g in sorted(set(given) - expected, key=str):
        bad(f"gaps: {g} should not be a gap")
    for g in sorted(expected - set(given), key=str):
        bad(f"gaps: {g} is unlinked but not listed")

    # ---- decoys
    pairs = [tuple(p) for p in gold.get("cross_unit_decoys", [])]
    extra = root / "same_unit_decoys.json"
    if extra.is_file():
        pairs += [tuple(p) for p in json.loads(extra.read_text(encoding="utf-8"))["pairs"]]
    allpairs = ft_pairs | co_pairs
    for p in pairs:
        if len(p) != 2 or any(x not in ids for x in p):
            bad(f"decoy {p}: unknown id")
            continue
        if p in allpairs or p[::-1] in allpairs:
            bad(f"decoy {p} is linked")
    return report()


def report():
    if problems:
        for p in problems:
            print(p)
        print(f"{len(problems)} problem(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent))
