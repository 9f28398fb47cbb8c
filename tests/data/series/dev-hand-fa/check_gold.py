#!/usr/bin/env python3
"""Check gold.json of this folder against its documents and the annotation rules.
Prints the problems found, or OK."""
import json, os, re, sys, unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors, warnings = [], []


def err(msg):
    errors.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME_RE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
ROMAN_RE = re.compile(r"^[IVX]+\.\s+\S")
HEAD_RE = re.compile(r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\))\s+\S")
MARK_RE = re.compile(r"^(?:-|\+|•|\*|\(\d+\)|\d+-)\s*")


def next_month(m):
    y, mm = int(m[:4]), int(m[5:])
    mm += 1
    if mm == 13:
        y, mm = y + 1, 1
    return "%04d-%02d" % (y, mm)


def months_between(a, b):
    """months from a (inclusive) to b (exclusive)"""
    out = []
    while a < b:
        out.append(a)
        a = next_month(a)
    return out


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as e:
        print("cannot read gold.json:", e)
        sys.exit(1)

    # ---- form
    for k in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if k not in gold:
            err("missing key %s" % k)
    for k in gold:
        if k not in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps",
                     "cross_unit_decoys"):
            err("unknown key %s" % k)
    docs = gold.get("documents", [])
    docs_by_file = {}
    for d in docs:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("document fields %s" % sorted(d))
            continue
        if d["file"] in docs_by_file:
            err("document listed twice: %s" % d["file"])
        docs_by_file[d["file"]] = d
        if not MONTH_RE.match(d["planned_period"]):
            err("%s: bad planned_period %r" % (d["file"], d["planned_period"]))
        if not isinstance(d["reported_months"], list):
            err("%s: reported_months not a list" % d["file"])
        for m in d["reported_months"]:
            if not MONTH_RE.match(m):
                err("%s: bad reported month %r" % (d["file"], m))
            elif m >= d["planned_period"]:
                err("%s: reported month %s not before planned period" % (d["file"], m))

    items = {}
    for kind, lst in (("T", gold.get("tasks", [])), ("R", gold.get("results", []))):
        for it in lst:
            if set(it) != {"id", "file", "period", "text"}:
                err("item fields %s" % sorted(it))
                continue
            if it["id"] in items:
                err("duplicate id %s" % it["id"])
            if it["file"] not in docs_by_file:
                err("%s: unknown file %s" % (it["id"], it["file"]))
                continue
            if not it["text"] or it["text"] != it["text"].strip():
                err("%s: empty text or text with outer spaces" % it["id"])
            it = dict(it, kind=kind)
            items[it["id"]] = it

    # ---- file names and encodings
    present = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs_by_file) != present:
        err("documents in gold.json %s differ from .txt files %s" % (sorted(docs_by_file), present))
    texts = {}
    for f, d in docs_by_file.items():
        m = NAME_RE.match(f)
        if not m:
            err("bad file name %s" % f)
        elif m.group(2) != d["planned_period"]:
            err("%s: name month differs from planned_period %s" % (f, d["planned_period"]))
        p = os.path.join(HERE, f)
        if not os.path.exists(p):
            err("missing file %s" % f)
            continue
        raw = open(p, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err("%s: BOM" % f)
        if b"\r" in raw:
            err("%s: CR line ends" % f)
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err("%s: not UTF-8 (%s)" % (f, e))
            continue
        if unicodedata.normalize("NFC", t) != t:
            err("%s: not NFC" % f)
        for need in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Số ", "Nơi nhận", "ngày "):
            if need not in t:
                err("%s: header/closing lacks %r" % (f, need))
        texts[f] = t

    # ---- exact unique substrings, no overlap
    spans = defaultdict(list)   # file -> [(start, end, id, kind)]
    for iid, it in items.items():
        t = texts.get(it["file"])
        if t is None:
            continue
        n = t.count(it["text"])
        if n != 1:
            err("%s: text occurs %d times in %s" % (iid, n, it["file"]))
            if n == 0:
                continue
        s = t.find(it["text"])
        spans[it["file"]].append((s, s + len(it["text"]), iid, it["kind"]))
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err("%s: items %s and %s overlap" % (f, a[2], b[2]))

    # ---- sections: every bullet/sentence of results and tasks labelled
    for f, t in texts.items():
        d = docs_by_file[f]
        mode = None
        cur_period = None
        covered = {}
        for s, e, iid, k in spans.get(f, []):
            for i in range(s, e):
                covered[i] = (iid, k)
        placed = set()
        pos = 0
        for line in t.split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            st = line.strip()
            if not st:
                continue
            if st.startswith("Nơi nhận"):
                mode = None
                continue
            if ROMAN_RE.match(st):
                up = st.upper()
                if "KẾT QUẢ" in up or "ĐÁNH GIÁ" in up:
                    mode = "R"
                elif "NHIỆM VỤ" in up or "PHƯƠNG HƯỚNG" in up:
                    mode = "T"
                else:
                    mode = None
                cur_period = None
                if mode == "R":
                    ms = set(int(x) for x in re.findall(r"tháng\s+(\d{1,2})\b", st, re.I))
                    if len(ms) == 1:
                        cur_period = next((r for r in d["reported_months"] if int(r[5:]) in ms), None)
                continue
            is_head = bool(HEAD_RE.match(st)) and not st.endswith((".", ";"))
            if is_head and mode in ("R", "L") and re.search(r"hạn chế", st, re.I):
                mode = "L"
                continue
            if is_head:
                if mode == "R":
                    ms = set(int(x) for x in re.findall(r"tháng\s+(\d{1,2})\b", st, re.I))
                    if len(ms) == 1:
                        cur_period = next((r for r in d["reported_months"] if int(r[5:]) in ms), cur_period)
                    elif len(ms) > 1:
                        cur_period = None
                continue
            if mode not in ("R", "T"):
                continue
            if st.endswith(":"):        # lead-in
                continue
            lead = len(line) - len(line.lstrip())
            mk = MARK_RE.match(line[lead:])
            cstart = start + lead + (mk.end() if mk else 0)
            for i in range(cstart, end):
                if t[i].isspace():
                    continue
                c = covered.get(i)
                if c is None:
                    err("%s: unlabelled text in %s section: %r" % (f, "results" if mode == "R" else "tasks", line[:80]))
                    break
                if c[1] != mode:
                    err("%s: %s lies in a %s section" % (f, c[0], "results" if mode == "R" else "tasks"))
                    break
                if c[0] not in placed and mode == "R" and cur_period and items[c[0]]["period"] != cur_period:
                    err("%s: period %s but heading says %s" % (c[0], items[c[0]]["period"], cur_period))
                placed.add(c[0])
        for s, e, iid, k in spans.get(f, []):
            if iid not in placed:
                err("%s: item not inside a %s section line" % (iid, "results" if k == "R" else "tasks"))

    # ---- counts and periods
    per_doc = defaultdict(Counter)
    for iid, it in items.items():
        d = docs_by_file.get(it["file"])
        if d is None:
            continue
        per_doc[it["file"]][it["kind"]] += 1
        if it["kind"] == "T" and it["period"] != d["planned_period"]:
            err("%s: period %s but document plans %s" % (iid, it["period"], d["planned_period"]))
        if it["kind"] == "R" and it["period"] not in d["reported_months"]:
            err("%s: period %s not among reported months %s" % (iid, it["period"], d["reported_months"]))
    for f, d in docs_by_file.items():
        nt, nr = per_doc[f]["T"], per_doc[f]["R"]
        if not 10 <= nt <= 18:
            err("%s: %d tasks (want 10-18)" % (f, nt))
        if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
            err("%s: %d results (want 10-18)" % (f, nr))

    units = defaultdict(list)
    for d in docs:
        units[d["unit"]].append(d)
    order = {}
    for u, ds in units.items():
        ds.sort(key=lambda d: d["planned_period"])
        for i, d in enumerate(ds):
            order[d["file"]] = (u, i)
            if i and ds[i - 1]["planned_period"] == d["planned_period"]:
                err("%s: two documents plan %s" % (u, d["planned_period"]))
            if i:
                want = months_between(ds[i - 1]["planned_period"], d["planned_period"])
                if d["reported_months"] != want:
                    err("%s: reports %s, expected %s after previous document" % (d["file"], d["reported_months"], want))

    # ---- links
    linked_out = set()
    seen = set()
    for l in gold.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            err("follow_through fields %s" % sorted(l))
            continue
        t, r = items.get(l["task"]), items.get(l["result"])
        if not t or t["kind"] != "T" or not r or r["kind"] != "R":
            err("follow_through %s -> %s: unknown or wrong-kind ids" % (l["task"], l["result"]))
            continue
        if (l["task"], l["result"]) in seen:
            err("duplicate follow_through %s -> %s" % (l["task"], l["result"]))
        seen.add((l["task"], l["result"]))
        if l["status"] not in STATUSES:
            err("follow_through %s: status %s" % (l["task"], l["status"]))
        (ut, it_), (ur, ir) = order[t["file"]], order[r["file"]]
        if ut != ur:
            err("follow_through %s -> %s crosses units" % (l["task"], l["result"]))
        if ir <= it_:
            err("follow_through %s -> %s not forward in time" % (l["task"], l["result"]))
        if r["period"] < t["period"]:
            err("follow_through %s -> %s: result reports %s, before task period %s" % (l["task"], l["result"], r["period"], t["period"]))
        # first later document reporting the task's month
        first = next((d for d in units[ut] if t["period"] in d["reported_months"]), None)
        if first is not None and first["file"] != r["file"]:
            warnings.append("follow_through %s -> %s not in the first document reporting %s" % (l["task"], l["result"], t["period"]))
        linked_out.add(l["task"])
    seen = set()
    for l in gold.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            err("carry_over fields %s" % sorted(l))
            continue
        a, b = items.get(l["from"]), items.get(l["to"])
        if not a or a["kind"] != "T" or not b or b["kind"] != "T":
            err("carry_over %s -> %s: unknown or wrong-kind ids" % (l["from"], l["to"]))
            continue
        if (l["from"], l["to"]) in seen:
            err("duplicate carry_over %s -> %s" % (l["from"], l["to"]))
        seen.add((l["from"], l["to"]))
        if l["kind"] not in KINDS:
            err("carry_over %s: kind %s" % (l["from"], l["kind"]))
        (ua, ia), (ub, ib) = order[a["file"]], order[b["file"]]
        if ua != ub:
            err("carry_over %s -> %s crosses units" % (l["from"], l["to"]))
        if ib <= ia:
            err("carry_over %s -> %s not forward in time" % (l["from"], l["to"]))
        linked_out.add(l["from"])
    split_from = Counter(l["from"] for l in gold.get("carry_over", []) if l.get("kind") == "split")
    for k, n in split_from.items():
        if n < 2:
            err("split %s has only one part" % k)

    # ---- gaps
    last = {u: ds[-1]["file"] for u, ds in units.items()}
    want_gaps = sorted(iid for iid, it in items.items()
                       if it["kind"] == "T" and it["file"] != last[order[it["file"]][0]]
                       and iid not in linked_out)
    gaps = gold.get("gaps", [])
    if len(set(gaps)) != len(gaps):
        err("duplicate gaps")
    if sorted(gaps) != want_gaps:
        err("gaps %s differ from unlinked tasks of non-last documents %s"
            % (sorted(set(gaps) - set(want_gaps)), sorted(set(want_gaps) - set(gaps))))
    for g in gaps:
        it = items.get(g)
        if it and it["file"] == last[order[it["file"]][0]]:
            err("gap %s lies in the unit's last document" % g)

    # ---- decoys
    pairs = {(l["task"], l["result"]) for l in gold.get("follow_through", [])} | \
            {(l["from"], l["to"]) for l in gold.get("carry_over", [])}
    for pr in gold.get("cross_unit_decoys", []):
        if len(pr) != 2 or any(p not in items for p in pr):
            err("bad decoy pair %s" % pr)
            continue
        if order[items[pr[0]]["file"]][0] == order[items[pr[1]]["file"]][0]:
            err("decoy pair %s within one unit" % pr)
        if tuple(pr) in pairs or tuple(pr[::-1]) in pairs:
            err("decoy pair %s is linked" % pr)
    if len(units) > 1 and not gold.get("cross_unit_decoys"):
        err("two units but no cross_unit_decoys")

    # ---- report
    nt = sum(1 for i in items.values() if i["kind"] == "T")
    nr = len(items) - nt
    fs = Counter(l["status"] for l in gold.get("follow_through", []))
    ck = Counter(l["kind"] for l in gold.get("carry_over", []))
    print("documents %d, tasks %d, results %d" % (len(docs), nt, nr))
    print("follow_through %d %s" % (sum(fs.values()), dict(sorted(fs.items()))))
    print("carry_over %d %s" % (sum(ck.values()), dict(sorted(ck.items()))))
    print("gaps %d, cross_unit_decoys %d" % (len(gaps), len(gold.get("cross_unit_decoys", []))))
    for w in warnings:
        print("note:", w)
    if errors:
        for e in errors:
            print("ERROR:", e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
