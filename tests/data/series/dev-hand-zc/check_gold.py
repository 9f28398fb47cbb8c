#!/usr/bin/env python3
"""Check gold.json of the hand-zc series against its documents. Prints OK or the problems.

Checks: the form of gold.json; file names; UTF-8, NFC, no BOM, \\n line ends; every item text an
exact unique substring of its file and no two items overlapping; every bullet/sentence of the
results and tasks sections labelled (headings and lead-ins skipped), and no item outside them;
task/result counts per document; periods agreeing with the documents; links within one unit and
forward in time; allowed statuses and kinds; gaps exactly the unlinked tasks of non-last
documents; cross-unit decoys never linked.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
NAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-\d{2}$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}

# section boundaries of this layout (line starts); the results section runs from the results
# heading to the limitations heading, the tasks section from the tasks heading to the closing
# "Yêu cầu ... / Đề nghị ..." sentence (the assignment, not a task)
RES_START = re.compile(r"^(A\. KẾT QUẢ|PHẦN 1 - KẾT QUẢ)")
RES_END = re.compile(r"^(B\. NHỮNG VIỆC CÒN CHẬM|PHẦN 2 - TỒN TẠI)")
TASK_START = re.compile(r"^(C\. GIAO VIỆC|PHẦN 3 - VIỆC THÁNG)")
TASK_END = re.compile(r"^(Yêu cầu |Đề nghị )")
BULLET = re.compile(r"^(?:[+\-•*]|\d+\)|[a-z]-|\([a-z]\))$")

problems = []


def bad(msg):
    problems.append(msg)


def sections(text):
    """Return [(kind, start_offset, end_offset)] for the results and tasks sections."""
    lines = text.split("\n")
    offs, pos = [], 0
    for ln in lines:
        offs.append(pos)
        pos += len(ln) + 1
    found = {}
    for i, ln in enumerate(lines):
        for key, rx in (("rs", RES_START), ("re", RES_END), ("ts", TASK_START), ("te", TASK_END)):
            if rx.match(ln) and key not in found:
                found[key] = i
    out = []
    if "rs" in found and "re" in found and found["rs"] < found["re"]:
        out.append(("result", offs[found["rs"] + 1], offs[found["re"]]))
    if "ts" in found and "te" in found and found["ts"] < found["te"]:
        out.append(("task", offs[found["ts"] + 1], offs[found["te"]]))
    return out, lines, offs


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        with open(path, encoding="utf-8") as fh:
            gold = json.load(fh)
    except Exception as e:  # noqa
        print("gold.json unreadable:", e)
        sys.exit(1)

    # ---- form ----
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if not isinstance(gold.get(key), list):
            bad(f"gold.json: '{key}' missing or not a list")
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        bad("cross_unit_decoys not a list")
        decoys = []
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over", "gaps",
                         "cross_unit_decoys"}
    if extra:
        bad(f"unexpected keys {sorted(extra)}")

    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            bad(f"document fields {sorted(d)}")
            continue
        if d["file"] in docs:
            bad(f"document listed twice: {d['file']}")
        docs[d["file"]] = d
        m = NAME.match(d["file"])
        if not m:
            bad(f"bad file name {d['file']}")
        elif m.group(1) != d["planned_period"]:
            bad(f"{d['file']}: name month != planned_period {d['planned_period']}")
        if not MONTH.match(str(d["planned_period"])):
            bad(f"{d['file']}: bad planned_period")
        if not isinstance(d["reported_months"], list) or not all(
                MONTH.match(str(x)) for x in d["reported_months"]):
            bad(f"{d['file']}: bad reported_months")
        elif any(x >= d["planned_period"] for x in d["reported_months"]):
            bad(f"{d['file']}: a reported month is not before the planned period")
        if not isinstance(d["unit"], str) or not d["unit"].strip():
            bad(f"{d['file']}: empty unit")
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
    if on_disk != set(docs):
        bad(f"txt files on disk {sorted(on_disk)} != documents {sorted(docs)}")

    texts = {}
    for f in docs:
        p = os.path.join(HERE, f)
        try:
            raw = open(p, "rb").read()
        except OSError:
            bad(f"{f}: missing")
            continue
        if raw.startswith(b"\xef\xbb\xbf"):
            bad(f"{f}: BOM")
        if b"\r" in raw:
            bad(f"{f}: CR in line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            bad(f"{f}: not UTF-8")
            continue
        if unicodedata.normalize("NFC", t) != t:
            bad(f"{f}: not NFC")
        texts[f] = t

    items = {}
    for kind, key in (("task", "tasks"), ("result", "results")):
        for it in gold[key]:
            if set(it) != {"id", "file", "period", "text"}:
                bad(f"{key} item fields {sorted(it)}")
                continue
            if it["id"] in items:
                bad(f"duplicate id {it['id']}")
            if not it["text"] or it["text"] != it["text"].strip():
                bad(f"{it['id']}: empty text or surrounding blanks")
            items[it["id"]] = dict(it, kind=kind)

    # ---- texts: exact, unique, non-overlapping; periods ----
    spans = {f: [] for f in texts}
    for iid, it in items.items():
        f = it["file"]
        if f not in docs:
            bad(f"{iid}: unknown file {f}")
            continue
        if f not in texts:
            continue
        t = texts[f]
        n = t.count(it["text"])
        if n != 1:
            bad(f"{iid}: text found {n} times in {f}")
            continue
        s = t.index(it["text"])
        spans[f].append((s, s + len(it["text"]), iid))
        d = docs[f]
        if it["kind"] == "task" and it["period"] != d["planned_period"]:
            bad(f"{iid}: task period {it['period']} != planned {d['planned_period']}")
        if it["kind"] == "result" and it["period"] not in d["reported_months"]:
            bad(f"{iid}: result period {it['period']} not among {d['reported_months']}")
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                bad(f"{f}: {a[2]} overlaps {b[2]}")

    # ---- sections: every bullet/sentence labelled, nothing labelled outside ----
    for f, t in texts.items():
        secs, lines, offs = sections(t)
        kinds = [k for k, _, _ in secs]
        if kinds.count("task") != 1:
            bad(f"{f}: tasks section not found")
        if kinds.count("result") != 1 and docs[f]["reported_months"]:
            bad(f"{f}: results section not found")
        for s, e, iid in spans[f]:
            where = [k for k, a, b in secs if a <= s and e <= b]
            if where != [items[iid]["kind"]]:
                bad(f"{f}: {iid} ({items[iid]['kind']}) lies outside its section")
        for k, a, b in secs:
            for i, ln in enumerate(lines):
                ls = offs[i]
                le = ls + len(ln)
                if ls < a or le > b or not ln.strip():
                    continue
                chars = list(ln)
                covered = False
                for s, e, iid in spans[f]:
                    if s < le and e > ls:
                        covered = True
                        for x in range(max(s, ls), min(e, le)):
                            chars[x - ls] = " "
                rest = "".join(chars)
                rest = re.sub(r"\[[^\]]*\]", " ", rest)
                toks = [x for x in rest.split() if not BULLET.match(x)]
                if not toks:
                    continue
                heading = (not covered) and (ln.rstrip().endswith(":") or ln.strip().isupper()
                                             or re.fullmatch(r"\[[^\]]*\]", ln.strip()))
                if not heading:
                    bad(f"{f}: unlabelled text in {k} section, line {i + 1}: {' '.join(toks)[:80]}")

    # ---- counts ----
    for f, d in docs.items():
        nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "task")
        nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "result")
        if not 10 <= nt <= 18:
            bad(f"{f}: {nt} tasks")
        if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
            bad(f"{f}: {nr} results")

    def unit(iid):
        return docs[items[iid]["file"]]["unit"]

    def planned(iid):
        return docs[items[iid]["file"]]["planned_period"]

    # ---- links ----
    linked = set()
    seen = set()
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            bad(f"follow_through fields {sorted(l)}")
            continue
        t, r = l["task"], l["result"]
        if (t, r) in seen:
            bad(f"duplicate follow-through {t}->{r}")
        seen.add((t, r))
        if items.get(t, {}).get("kind") != "task" or items.get(r, {}).get("kind") != "result":
            bad(f"follow-through {t}->{r}: not a task and a result")
            continue
        if l["status"] not in STATUSES:
            bad(f"follow-through {t}->{r}: status {l['status']}")
        if unit(t) != unit(r):
            bad(f"follow-through {t}->{r} crosses units")
        if not (planned(r) > planned(t) and items[r]["period"] >= items[t]["period"]):
            bad(f"follow-through {t}->{r} not forward in time")
        # the answering document must be the first later one of the unit reporting that month
        later = sorted(d["planned_period"] for d in docs.values()
                       if d["unit"] == unit(t) and items[t]["period"] in d["reported_months"])
        if later and planned(r) != later[0]:
            bad(f"follow-through {t}->{r}: not in the first document reporting {items[t]['period']}")
        linked.add(t)
    seen = set()
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            bad(f"carry_over fields {sorted(l)}")
            continue
        a, b = l["from"], l["to"]
        if (a, b) in seen:
            bad(f"duplicate carry-over {a}->{b}")
        seen.add((a, b))
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
            bad(f"carry-over {a}->{b}: not two tasks")
            continue
        if l["kind"] not in KINDS:
            bad(f"carry-over {a}->{b}: kind {l['kind']}")
        if unit(a) != unit(b):
            bad(f"carry-over {a}->{b} crosses units")
        if not items[b]["period"] > items[a]["period"]:
            bad(f"carry-over {a}->{b} not forward in time")
        linked.add(a)
    split_from = {}
    for l in gold["carry_over"]:
        if l.get("kind") == "split":
            split_from.setdefault(l["from"], []).append(l["to"])
    for a, tos in split_from.items():
        if len(tos) < 2:
            bad(f"split of {a} has a single part")

    # ---- gaps ----
    last = {}
    for d in docs.values():
        last[d["unit"]] = max(last.get(d["unit"], ""), d["planned_period"])
    expected = {iid for iid, it in items.items() if it["kind"] == "task"
                and planned(iid) != last[unit(iid)] and iid not in linked}
    given = set(gold["gaps"])
    if len(given) != len(gold["gaps"]):
        bad("duplicate gap ids")
    if given != expected:
        bad(f"gaps: missing {sorted(expected - given)}, extra {sorted(given - expected)}")

    # ---- decoys ----
    pairs = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
            {(l["from"], l["to"]) for l in gold["carry_over"]}
    for p in decoys:
        if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
            bad(f"bad decoy pair {p}")
            continue
        x, y = p
        if unit(x) == unit(y):
            bad(f"decoy {p} within one unit")
        if (x, y) in pairs or (y, x) in pairs:
            bad(f"decoy {p} is linked")

    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s)")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
