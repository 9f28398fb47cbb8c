#!/usr/bin/env python3
"""Check gold.json of this series against the documents beside it. Prints OK or the faults."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


FT_STATUS = {"done", "partial"}
CO_KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def month_add(m, k):
    y, mo = int(m[:4]), int(m[5:7])
    mo += k
    while mo > 12:
        y, mo = y + 1, mo - 12
    while mo < 1:
        y, mo = y - 1, mo + 12
    return f"{y:04d}-{mo:02d}"


# ------------------------------------------------------------ sections
HEAD_RES = re.compile(r"^I\.\s+KẾT QUẢ")
HEAD_LIM = re.compile(r"^II\.\s")
HEAD_TASK = re.compile(r"^III\.\s")
HEAD_END = re.compile(r"^(IV\.\s|Trên đây|Nơi nhận)")
HEADING = re.compile(r"^(\d+|[a-zđ]|[IVX]+|[A-Z])[.)]\s+\S")
MARKER = re.compile(r"^(-|\+|•|\(\d+\)|\d+\.|[a-zđ]\))\s+")


def line_offsets(text):
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def find_regions(text, fname):
    lines = line_offsets(text)
    idx = {}
    for i, (_, line) in enumerate(lines):
        s = line.strip()
        if "res" not in idx and HEAD_RES.match(s):
            idx["res"] = i
        elif "res" in idx and "lim" not in idx and HEAD_LIM.match(s):
            idx["lim"] = i
        elif "lim" in idx and "task" not in idx and HEAD_TASK.match(s):
            idx["task"] = i
        elif "task" in idx and "end" not in idx and HEAD_END.match(s):
            idx["end"] = i
    for k in ("res", "lim", "task", "end"):
        if k not in idx:
            err(f"{fname}: section '{k}' heading not found")
            return None, None, lines
    return (idx["res"], idx["lim"]), (idx["task"], idx["end"]), lines


def expected_spans(lines, region):
    """Every bullet / sentence of a region: spans (start, end) without marker and final punctuation."""
    spans = []
    a, b = region
    for off, line in lines[a + 1:b]:
        s = line.strip()
        if not s:
            continue
        if s.endswith(":"):
            continue  # lead-in
        if HEADING.match(s) and not s.endswith((".", ";", "!", "?")):
            continue  # sub-heading
        lead = len(line) - len(line.lstrip())
        start = off + lead
        m = MARKER.match(s)
        if m:
            start += m.end()
        body = line[start - off:].rstrip()
        # split into sentences: . ! ? followed by space and an upper-case letter
        cuts = [0]
        for mm in re.finditer(r"[.!?]\s+(?=\S)", body):
            nxt = body[mm.end()]
            if nxt.isupper():
                cuts.append(mm.end())
        cuts.append(len(body))
        for i in range(len(cuts) - 1):
            seg = body[cuts[i]:cuts[i + 1]]
            seg_r = seg.rstrip()
            seg_r = seg_r.rstrip(".;!?")
            lstrip = len(seg) - len(seg.lstrip())
            s0 = start + cuts[i] + lstrip
            s1 = start + cuts[i] + len(seg_r)
            if s1 > s0:
                spans.append((s0, s1))
    return spans


def main():
    gpath = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(gpath, encoding="utf-8"))
    except Exception as e:
        print(f"FAIL: gold.json unreadable: {e}")
        return 1

    # ---------------- form
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if key not in gold or not isinstance(gold[key], list):
            err(f"gold.json: missing list '{key}'")
    if ERR:
        print("\n".join(ERR))
        return 1
    decoys = gold.get("cross_unit_decoys", [])
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                         "gaps", "cross_unit_decoys"}
    if extra:
        err(f"gold.json: unknown keys {sorted(extra)}")

    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document fields wrong: {d}")
            continue
        if d["file"] in docs:
            err(f"document listed twice: {d['file']}")
        docs[d["file"]] = d
        m = FNAME.match(d["file"])
        if not m:
            err(f"bad file name: {d['file']}")
        elif m.group(2) != d["planned_period"]:
            err(f"{d['file']}: name month != planned_period {d['planned_period']}")
        if not MONTH.match(d["planned_period"]):
            err(f"{d['file']}: bad planned_period")
        if not isinstance(d["reported_months"], list) or not all(
                isinstance(x, str) and MONTH.match(x) for x in d["reported_months"]):
            err(f"{d['file']}: bad reported_months")
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
    for f in sorted(on_disk - set(docs)):
        err(f"document on disk not in gold: {f}")

    # ---------------- files: utf-8, NFC, no BOM, \n
    texts = {}
    for f in docs:
        p = os.path.join(HERE, f)
        if not os.path.exists(p):
            err(f"missing file {f}")
            continue
        raw = open(p, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{f}: BOM")
        if b"\r" in raw:
            err(f"{f}: CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{f}: not UTF-8 ({e})")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{f}: not NFC")
        texts[f] = t

    # ---------------- units and order
    units = {}
    for d in docs.values():
        units.setdefault(d["unit"], []).append(d)
    for u, ds in units.items():
        ds.sort(key=lambda d: d["planned_period"])
        for i, d in enumerate(ds):
            rep = d["reported_months"]
            if i == 0:
                want = [month_add(d["planned_period"], -1)]
            else:
                prev = ds[i - 1]["planned_period"]
                want, m = [], prev
                while m < d["planned_period"]:
                    want.append(m)
                    m = month_add(m, 1)
            if rep != want:
                err(f"{d['file']}: reported_months {rep} but series order implies {want}")
            if i and ds[i - 1]["planned_period"] == d["planned_period"]:
                err(f"{u}: two documents plan {d['planned_period']}")
    doc_index = {d["file"]: (d["unit"], i) for u, ds in units.items() for i, d in enumerate(ds)}

    # ---------------- items
    items = {}
    for kind, key in (("task", "tasks"), ("result", "results")):
        for it in gold[key]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{kind} fields wrong: {it}")
                continue
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            if it["file"] not in docs:
                err(f"{it['id']}: unknown file {it['file']}")
                continue
            it = dict(it, kind=kind)
            items[it["id"]] = it
            d = docs[it["file"]]
            if kind == "task" and it["period"] != d["planned_period"]:
                err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
            if kind == "result" and it["period"] not in d["reported_months"]:
                err(f"{it['id']}: period {it['period']} not in reported {d['reported_months']}")
            t = texts.get(it["file"])
            if t is None:
                continue
            if unicodedata.normalize("NFC", it["text"]) != it["text"]:
                err(f"{it['id']}: text not NFC")
            n = t.count(it["text"])
            if n != 1:
                err(f"{it['id']}: text found {n} times in {it['file']}")
                continue
            s = t.index(it["text"])
            it["span"] = (s, s + len(it["text"]))
            items[it["id"]] = it

    # overlaps
    by_file = {}
    for it in items.values():
        if "span" in it:
            by_file.setdefault(it["file"], []).append(it)
    for f, its in by_file.items():
        its.sort(key=lambda x: x["span"])
        for a, b in zip(its, its[1:]):
            if b["span"][0] < a["span"][1]:
                err(f"{f}: items {a['id']} and {b['id']} overlap")

    # ---------------- every bullet / sentence labelled; counts; header months
    for f, t in texts.items():
        d = docs[f]
        rreg, treg, lines = find_regions(t, f)
        if rreg is None:
            continue
        # heading months agree with the periods
        rhead = lines[rreg[0]][1]
        thead = lines[treg[0]][1]
        rm = [int(x) for x in re.findall(r"THÁNG\s+(\d{1,2})", rhead)]
        tm = [int(x) for x in re.findall(r"THÁNG\s+(\d{1,2})", thead)]
        if rm != [int(m[5:]) for m in d["reported_months"]]:
            err(f"{f}: results heading months {rm} != reported {d['reported_months']}")
        if tm != [int(d["planned_period"][5:])]:
            err(f"{f}: tasks heading months {tm} != planned {d['planned_period']}")
        for kind, reg in (("result", rreg), ("task", treg)):
            exp = set(expected_spans(lines, reg))
            lo, hi = lines[reg[0]][0], lines[reg[1]][0]
            got = {it["span"]: it["id"] for it in by_file.get(f, []) if it["kind"] == kind}
            for sp in sorted(exp - set(got)):
                err(f"{f}: unlabelled {kind} item: {t[sp[0]:sp[1]][:70]!r}")
            for sp in sorted(set(got) - exp):
                where = "inside" if lo <= sp[0] < hi else "OUTSIDE"
                err(f"{f}: {got[sp]} is not one whole bullet/sentence ({where} the {kind} section)")
            n = len(got)
            if kind == "task" and not 10 <= n <= 18:
                err(f"{f}: {n} tasks (want 10-18)")
            if kind == "result" and not (10 <= n <= 18 or n == 0):
                err(f"{f}: {n} results (want 10-18)")

    # ---------------- links
    def doc_of(i):
        return doc_index.get(items[i]["file"])

    linked = set()
    seen = set()
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err(f"follow_through fields wrong: {l}")
            continue
        a, b = l["task"], l["result"]
        if (a, b) in seen:
            err(f"duplicate follow_through {a}->{b}")
        seen.add((a, b))
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "result":
            err(f"follow_through {a}->{b}: ids not task/result")
            continue
        if l["status"] not in FT_STATUS:
            err(f"follow_through {a}->{b}: status {l['status']}")
        (ua, ia), (ub, ib) = doc_of(a), doc_of(b)
        if ua != ub:
            err(f"follow_through {a}->{b}: across units")
        elif ib <= ia:
            err(f"follow_through {a}->{b}: not forward in time")
        else:
            first = next((d for d in units[ua][ia + 1:]
                          if items[a]["period"] in d["reported_months"]), None)
            if first is None or first["file"] != items[b]["file"]:
                err(f"follow_through {a}->{b}: not in the first document reporting {items[a]['period']}")
        if items[b]["period"] < items[a]["period"]:
            err(f"follow_through {a}->{b}: result period before task period")
        linked.add(a)
    seen = set()
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err(f"carry_over fields wrong: {l}")
            continue
        a, b = l["from"], l["to"]
        if (a, b) in seen:
            err(f"duplicate carry_over {a}->{b}")
        seen.add((a, b))
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
            err(f"carry_over {a}->{b}: ids not tasks")
            continue
        if l["kind"] not in CO_KINDS:
            err(f"carry_over {a}->{b}: kind {l['kind']}")
        (ua, ia), (ub, ib) = doc_of(a), doc_of(b)
        if ua != ub:
            err(f"carry_over {a}->{b}: across units")
        elif ib <= ia:
            err(f"carry_over {a}->{b}: not forward in time")
        linked.add(a)
    # split: a split task goes to >= 2 tasks
    splits = {}
    for l in gold["carry_over"]:
        if l.get("kind") == "split":
            splits.setdefault(l["from"], []).append(l["to"])
    for a, tos in splits.items():
        if len(tos) < 2:
            err(f"carry_over split from {a} has only one target")

    # ---------------- gaps
    want_gaps = set()
    for it in items.values():
        if it["kind"] != "task":
            continue
        u, i = doc_of(it["id"])
        if i < len(units[u]) - 1 and it["id"] not in linked:
            want_gaps.add(it["id"])
    got_gaps = gold["gaps"]
    if len(set(got_gaps)) != len(got_gaps):
        err("gaps: duplicates")
    for g in sorted(set(got_gaps) - want_gaps):
        err(f"gap {g} is linked, unknown, or in a unit's last document")
    for g in sorted(want_gaps - set(got_gaps)):
        err(f"task {g} has no link but is not listed in gaps")

    # ---------------- decoys
    links = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
            {(l["from"], l["to"]) for l in gold["carry_over"]}
    for pair in decoys:
        if not (isinstance(pair, list) and len(pair) == 2 and all(p in items for p in pair)):
            err(f"bad decoy pair {pair}")
            continue
        a, b = pair
        if doc_of(a)[0] == doc_of(b)[0]:
            err(f"decoy pair {pair} within one unit")
        if (a, b) in links or (b, a) in links:
            err(f"decoy pair {pair} is linked")

    if ERR:
        print("\n".join(ERR))
        print(f"FAIL: {len(ERR)} problem(s)")
        return 1
    nt = sum(1 for i in items.values() if i["kind"] == "task")
    nr = len(items) - nt
    print(f"{len(docs)} documents, {len(units)} unit(s), {nt} tasks, {nr} results, "
          f"{len(gold['follow_through'])} follow-through, {len(gold['carry_over'])} carry-over, "
          f"{len(got_gaps)} gaps, {len(decoys)} decoy pairs")
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
