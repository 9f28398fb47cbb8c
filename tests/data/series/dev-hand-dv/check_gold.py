#!/usr/bin/env python3
"""Check gold.json of the hand-dv series against the documents beside it.  Prints OK or the
list of problems (exit status 1).

Checks: the form of gold.json; file names; UTF-8 (strict), NFC, no BOM, \\n line ends;
every text an exact, unique substring of its file and no two items overlapping; every "-"
line of the results section and every numbered item / "+" line of the tasks section
labelled (headings, "a)" sub-headings, lead-ins and lead lines ending with ":" skipped);
task/result counts per document; periods agreeing with the documents (title, section
headings, date, reported months); links within one unit and forward in time, follow-through
landing in the first later document that reports the task's month; allowed statuses and
kinds; gaps exactly the unlinked tasks of documents that are not their unit's last;
cross-unit decoys never linked.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
ROMAN_Q = {"I": ["01", "02", "03"], "II": ["04", "05", "06"], "III": ["07", "08", "09"],
           "IV": ["10", "11", "12"]}

problems = []


def bad(msg):
    problems.append(msg)


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return set(re.findall(r"[a-z0-9]+", s))


def main():
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

    # ---------------------------------------------------------------- form
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list),
                     ("cross_unit_decoys", list)]:
        if not isinstance(gold.get(key), typ):
            bad(f"gold.json: '{key}' missing or not a {typ.__name__}")
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                         "gaps", "cross_unit_decoys"}
    if extra:
        bad(f"gold.json: unknown keys {sorted(extra)}")
    if problems:
        return

    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            bad(f"document fields: {d}")
            continue
        if d["file"] in docs:
            bad(f"document listed twice: {d['file']}")
        docs[d["file"]] = d
        if not MONTH.match(d["planned_period"]):
            bad(f"{d['file']}: planned_period {d['planned_period']}")
        if not isinstance(d["reported_months"], list) or not all(
                isinstance(m, str) and MONTH.match(m) for m in d["reported_months"]):
            bad(f"{d['file']}: reported_months {d['reported_months']}")
        elif any(m >= d["planned_period"] for m in d["reported_months"]):
            bad(f"{d['file']}: a reported month is not before the planned period")

    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                bad(f"{kind} fields: {it}")
                continue
            if it["id"] in items:
                bad(f"duplicate id {it['id']}")
            it = dict(it, kind=kind[:-1])
            items[it["id"]] = it
            if it["file"] not in docs:
                bad(f"{it['id']}: unknown file {it['file']}")
            if not isinstance(it["text"], str) or not it["text"].strip():
                bad(f"{it['id']}: empty text")

    # ---------------------------------------------------------------- files
    txts = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if set(txts) != set(docs):
        bad(f"documents on disk {txts} differ from gold.json {sorted(docs)}")
    texts = {}
    for f, d in docs.items():
        m = NAME.match(f)
        if not m:
            bad(f"{f}: bad file name")
        elif m.group(1) != d["planned_period"]:
            bad(f"{f}: name month differs from planned_period {d['planned_period']}")
        path = os.path.join(HERE, f)
        if not os.path.exists(path):
            bad(f"{f}: missing")
            continue
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            bad(f"{f}: BOM")
        if b"\r" in raw:
            bad(f"{f}: CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            bad(f"{f}: not UTF-8 ({e})")
            continue
        if unicodedata.normalize("NFC", t) != t:
            bad(f"{f}: not NFC")
        texts[f] = t

    # ---------------------------------------------------------------- texts, overlaps
    spans = {f: [] for f in docs}
    for iid, it in items.items():
        t = texts.get(it["file"])
        if t is None:
            continue
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            bad(f"{iid}: text not NFC")
        n = t.count(it["text"])
        if n != 1:
            bad(f"{iid}: text occurs {n} times in {it['file']}")
            continue
        a = t.index(it["text"])
        spans[it["file"]].append((a, a + len(it["text"]), iid))
    for f, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                bad(f"{f}: {i1} and {i2} overlap")

    # ---------------------------------------------------------------- sections, headers
    for f, t in texts.items():
        d = docs[f]
        check_document(f, t, d, [i for i in items.values() if i["file"] == f])

    # ---------------------------------------------------------------- periods, counts
    for f, d in docs.items():
        tk = [i for i in items.values() if i["file"] == f and i["kind"] == "task"]
        rs = [i for i in items.values() if i["file"] == f and i["kind"] == "result"]
        if not 10 <= len(tk) <= 18:
            bad(f"{f}: {len(tk)} tasks (want 10-18)")
        if not (10 <= len(rs) <= 18 or (not d["reported_months"] and not rs)):
            bad(f"{f}: {len(rs)} results (want 10-18)")
        for i in tk:
            if i["period"] != d["planned_period"]:
                bad(f"{i['id']}: period {i['period']} != planned {d['planned_period']}")
        for i in rs:
            if i["period"] not in d["reported_months"]:
                bad(f"{i['id']}: period {i['period']} not reported by {f}")

    units = {}
    for f, d in docs.items():
        units.setdefault(d["unit"], []).append(d)
    for u, ds in units.items():
        ds.sort(key=lambda d: d["planned_period"])
        for prev, cur in zip(ds, ds[1:]):
            if prev["planned_period"] not in cur["reported_months"]:
                bad(f"{cur['file']}: does not report the previous planned month "
                    f"{prev['planned_period']}")
            if cur["planned_period"] == prev["planned_period"]:
                bad(f"{u}: two documents plan {cur['planned_period']}")
    last_of_unit = {u: ds[-1]["file"] for u, ds in units.items()}

    def unit_of(iid):
        return docs[items[iid]["file"]]["unit"]

    def planned_of(iid):
        return docs[items[iid]["file"]]["planned_period"]

    # ---------------------------------------------------------------- links
    linked_pairs = set()
    has_link = set()
    seen = set()
    for ft in gold["follow_through"]:
        if set(ft) != {"task", "result", "status"}:
            bad(f"follow_through fields: {ft}")
            continue
        t, r, s = ft["task"], ft["result"], ft["status"]
        if (t, r) in seen:
            bad(f"follow_through {t}->{r} twice")
        seen.add((t, r))
        if items.get(t, {}).get("kind") != "task" or items.get(r, {}).get("kind") != "result":
            bad(f"follow_through {t}->{r}: not a task -> result")
            continue
        if s not in STATUSES:
            bad(f"follow_through {t}->{r}: status {s}")
        if unit_of(t) != unit_of(r):
            bad(f"follow_through {t}->{r}: crosses units")
        if planned_of(r) <= planned_of(t):
            bad(f"follow_through {t}->{r}: not forward in time")
        if items[r]["period"] < items[t]["period"]:
            bad(f"follow_through {t}->{r}: result reports a month before the task's")
        tm = items[t]["period"]
        first = [d for d in units[unit_of(t)]
                 if d["planned_period"] > planned_of(t) and tm in d["reported_months"]]
        if not first or first[0]["file"] != items[r]["file"]:
            bad(f"follow_through {t}->{r}: not in the first document reporting {tm}")
        linked_pairs.add(frozenset((t, r)))
        has_link.add(t)
    seen = set()
    for co in gold["carry_over"]:
        if set(co) != {"from", "to", "kind"}:
            bad(f"carry_over fields: {co}")
            continue
        a, b, k = co["from"], co["to"], co["kind"]
        if (a, b) in seen:
            bad(f"carry_over {a}->{b} twice")
        seen.add((a, b))
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
            bad(f"carry_over {a}->{b}: not task -> task")
            continue
        if k not in KINDS:
            bad(f"carry_over {a}->{b}: kind {k}")
        if unit_of(a) != unit_of(b):
            bad(f"carry_over {a}->{b}: crosses units")
        if planned_of(b) <= planned_of(a):
            bad(f"carry_over {a}->{b}: not forward in time")
        linked_pairs.add(frozenset((a, b)))
        has_link.add(a)
    split_from = {}
    for co in gold["carry_over"]:
        if co.get("kind") == "split":
            split_from.setdefault(co["from"], []).append(co["to"])
    for a, tos in split_from.items():
        if len(tos) < 2:
            bad(f"carry_over split from {a} has only one part")

    # ---------------------------------------------------------------- gaps
    want = {iid for iid, it in items.items() if it["kind"] == "task"
            and it["file"] != last_of_unit[docs[it["file"]]["unit"]] and iid not in has_link}
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        bad("gaps: duplicates")
    for g in sorted(got - want):
        bad(f"gap {g} is linked, unknown, or in a unit's last document")
    for g in sorted(want - got):
        bad(f"task {g} has no link but is not listed as a gap")

    # ---------------------------------------------------------------- decoys
    seen = set()
    for pair in gold["cross_unit_decoys"]:
        if not (isinstance(pair, list) and len(pair) == 2):
            bad(f"decoy {pair}: not a pair")
            continue
        a, b = pair
        if a not in items or b not in items:
            bad(f"decoy {pair}: unknown id")
            continue
        if frozenset(pair) in seen:
            bad(f"decoy {pair} twice")
        seen.add(frozenset(pair))
        if unit_of(a) == unit_of(b):
            bad(f"decoy {pair}: same unit")
        if frozenset(pair) in linked_pairs:
            bad(f"decoy {pair}: linked")
        wa, wb = fold(items[a]["text"]), fold(items[b]["text"])
        sim = len(wa & wb) / max(1, min(len(wa), len(wb)))
        if sim < 0.5:
            bad(f"decoy {pair}: texts not alike (overlap {sim:.2f})")
    if len(seen) < 20:
        bad(f"only {len(seen)} decoy pairs (want >= 20)")


def check_document(f, t, d, its):
    lines = t.split("\n")
    if "ĐẢNG CỘNG SẢN VIỆT NAM" not in lines:
        bad(f"{f}: no Party genre header")
    if not any(re.match(r"^Số \d+-NQ/ĐU$", l) for l in lines):
        bad(f"{f}: no 'Số ...-NQ/ĐU'")
    if "Nơi nhận:" not in lines:
        bad(f"{f}: no 'Nơi nhận'")
    y, mo = d["planned_period"].split("-")
    title = [l for l in lines if l.startswith("về lãnh đạo thực hiện nhiệm vụ tháng ")]
    if len(title) != 1 or not re.fullmatch(
            rf"về lãnh đạo thực hiện nhiệm vụ tháng 0?{int(mo)} năm {y}", title[0]):
        bad(f"{f}: title does not name the planned month {d['planned_period']}")
    date = [re.match(r"^.+, ngày (\d\d) tháng (\d\d?) năm (\d{4})$", l) for l in lines]
    date = [m for m in date if m]
    if len(date) != 1:
        bad(f"{f}: no single place-and-date line")
    else:
        dd, dm, dy = date[0].groups()
        issued = f"{dy}-{int(dm):02d}"
        if issued != max(d["reported_months"] or [issued]):
            bad(f"{f}: issued {issued}, not in the last reported month")

    try:
        r0 = next(i for i, l in enumerate(lines) if l.startswith("I. KẾT QUẢ"))
        t0 = next(i for i, l in enumerate(lines) if l.startswith("II. MỤC TIÊU, NHIỆM VỤ"))
        t1 = next(i for i, l in enumerate(lines) if l.startswith("III."))
    except StopIteration:
        bad(f"{f}: sections I / II / III not found")
        return
    # reported months named in the results heading
    head = lines[r0]
    q = re.search(r"QUÝ (IV|III|II|I) NĂM (\d{4})", head)
    if q:
        named = [f"{q.group(2)}-{m}" for m in ROMAN_Q[q.group(1)]]
    else:
        yr = re.search(r"NĂM (\d{4})", head).group(1)
        named = [f"{yr}-{int(m):02d}" for m in re.findall(r"THÁNG (\d+)", head)]
    if named != d["reported_months"]:
        bad(f"{f}: results heading names {named}, gold says {d['reported_months']}")
    m = re.search(r"THÁNG (\d+) NĂM (\d{4})", lines[t0])
    if not m or f"{m.group(2)}-{int(m.group(1)):02d}" != d["planned_period"]:
        bad(f"{f}: tasks heading does not name {d['planned_period']}")

    res = {i["text"]: i for i in its if i["kind"] == "result"}
    tks = {i["text"]: i for i in its if i["kind"] == "task"}
    used = set()
    # results: from the heading to the limitations sub-heading (or section II)
    end = next((i for i in range(r0 + 1, t0) if re.match(r"^\d+\. Hạn chế", lines[i])), t0)
    for l in lines[r0 + 1:end]:
        if not l.strip():
            continue
        if l.startswith("- "):
            body = l[2:]
            if body in res:
                used.add(res[body]["id"])
            else:
                bad(f"{f}: unlabelled result line: {l[:70]}")
        elif re.match(r"^\d+\. \S", l) or re.match(r"^[a-zđ]\) \S", l):
            continue
        else:
            bad(f"{f}: stray line in results: {l[:70]}")
    # tasks: from the heading to section III
    body_lines = [l for l in lines[t0 + 1:t1] if l.strip()]
    for k, l in enumerate(body_lines):
        m = re.match(r"^(\d+)\. (.*)$", l)
        if m:
            rest = m.group(2)
            if rest.endswith(":"):
                continue
            if rest in tks:
                used.add(tks[rest]["id"])
            else:
                bad(f"{f}: unlabelled task item: {l[:70]}")
        elif l.startswith("+ "):
            if l[2:] in tks:
                used.add(tks[l[2:]]["id"])
            else:
                bad(f"{f}: unlabelled '+' task: {l[:70]}")
        elif k == 0 and l.endswith(":"):
            continue  # lead-in
        else:
            bad(f"{f}: stray line in tasks: {l[:70]}")
    for i in its:
        if i["id"] not in used:
            bad(f"{i['id']}: not a whole line of its section in {f}")


if __name__ == "__main__":
    main()
    if problems:
        for p in problems:
            print("PROBLEM:", p)
        sys.exit(1)
    print("OK")
