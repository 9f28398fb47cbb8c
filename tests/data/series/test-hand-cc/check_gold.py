#!/usr/bin/env python3
"""Check gold.json of this folder against its documents. Prints OK or the errors."""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
HEADING = re.compile(r"^(?:[IVX]+|\d+|[A-D])\.\s+\S")
MARKER = re.compile(r"^(?:\(\d+\)|\d+\.|[a-zđ]\)|[-+•*])\s+")
CLOSER = re.compile(r"^(Nơi nhận|Trên đây|Giao |Ban Thường vụ Đảng ủy giao|T/M|TM\.|KT\.)")


def classify(line):
    """Section class of a numbered heading line, or None for a sub-heading."""
    low = line.lower()
    if "kết quả" in low:
        return "results"
    if "hạn chế" in low or "tồn tại" in low:
        return "limitations"
    if "nhiệm vụ" in low or "phương hướng" in low:
        return "tasks"
    if any(k in low for k in ("nguyên nhân", "kiến nghị", "đề xuất", "tổ chức thực hiện")):
        return "other"
    return None


def sentences(text, offset):
    """Split a content line into sentences; yield (start, end) spans in the file."""
    start = 0
    i = 0
    n = len(text)
    while i < n:
        if text[i] in ".!?" and i + 1 < n and text[i + 1] == " ":
            j = i + 1
            while j < n and text[j] == " ":
                j += 1
            k = j
            while k < n and text[k] in "“\"(":
                k += 1
            if k < n and text[k].isupper():
                yield offset + start, offset + i + 1
                start = j
                i = j
                continue
        i += 1
    if text[start:].strip():
        yield offset + start, offset + len(text.rstrip())


def fold(s):
    s = unicodedata.normalize("NFD", s.lower().replace("đ", "d"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return set(re.findall(r"\w+", s))


def main():
    gpath = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(gpath, encoding="utf-8"))
    except Exception as e:  # noqa
        print(f"cannot read gold.json: {e}")
        sys.exit(1)

    # ---- form
    for key, typ in (("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list),
                     ("cross_unit_decoys", list)):
        if not isinstance(gold.get(key), typ):
            err(f"gold.json: '{key}' missing or not a {typ.__name__}")
    if errors:
        return
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document fields {sorted(d)}")
    for k, fields in (("tasks", {"id", "file", "period", "text"}), ("results", {"id", "file", "period", "text"})):
        for it in gold[k]:
            if set(it) != fields:
                err(f"{k} item fields {sorted(it)}")
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err(f"follow_through fields {sorted(l)}")
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err(f"carry_over fields {sorted(l)}")
    for p in gold["cross_unit_decoys"]:
        if not (isinstance(p, list) and len(p) == 2):
            err(f"decoy pair {p}")
    if errors:
        return

    # ---- documents and files
    docs = {}
    for d in gold["documents"]:
        f = d["file"]
        if f in docs:
            err(f"{f}: listed twice")
        docs[f] = d
        m = NAME.match(f)
        if not m:
            err(f"{f}: bad file name")
            continue
        if m.group(1) != d["planned_period"]:
            err(f"{f}: planned_period {d['planned_period']} differs from the name")
        for mo in d["reported_months"] + [d["planned_period"]]:
            if not MONTH.match(mo):
                err(f"{f}: bad month {mo}")
        if any(mo >= d["planned_period"] for mo in d["reported_months"]):
            err(f"{f}: a reported month is not before the planned period")
    on_disk = {x for x in os.listdir(HERE) if x.endswith(".txt")}
    for x in sorted(on_disk - set(docs)):
        err(f"{x}: document not in gold.json")
    for x in sorted(set(docs) - on_disk):
        err(f"{x}: listed but missing")
    texts = {}
    for f in docs:
        if f not in on_disk:
            continue
        raw = open(os.path.join(HERE, f), "rb").read()
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

    # units, order
    unit_docs = defaultdict(list)
    for f, d in docs.items():
        unit_docs[d["unit"]].append(f)
    last_doc = {}
    for u, fs in unit_docs.items():
        fs.sort(key=lambda f: docs[f]["planned_period"])
        pp = [docs[f]["planned_period"] for f in fs]
        if len(set(pp)) != len(pp):
            err(f"{u}: two documents plan the same month")
        last_doc[u] = fs[-1]
        # each document reports the months since the previous plan
        for a, b in zip(fs, fs[1:]):
            if docs[b]["reported_months"][0] != docs[a]["planned_period"]:
                err(f"{b}: first reported month should be {docs[a]['planned_period']}")

    # ---- items
    items = {}
    kind_of = {}
    spans = defaultdict(list)
    for k in ("tasks", "results"):
        for it in gold[k]:
            iid = it["id"]
            if iid in items:
                err(f"{iid}: duplicate id")
            items[iid] = it
            kind_of[iid] = k
            f = it["file"]
            if f not in docs:
                err(f"{iid}: unknown file {f}")
                continue
            d = docs[f]
            if k == "tasks" and it["period"] != d["planned_period"]:
                err(f"{iid}: period {it['period']} is not the planned period {d['planned_period']}")
            if k == "results" and it["period"] not in d["reported_months"]:
                err(f"{iid}: period {it['period']} is not a reported month of {f}")
            t = texts.get(f)
            if t is None:
                continue
            if unicodedata.normalize("NFC", it["text"]) != it["text"]:
                err(f"{iid}: text not NFC")
            c = t.count(it["text"])
            if c != 1:
                err(f"{iid}: text found {c} times in {f}")
                continue
            s = t.index(it["text"])
            spans[f].append((s, s + len(it["text"]), iid))
    for f, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                err(f"{f}: {i1} overlaps {i2}")

    # counts and reported months per document
    per_doc = defaultdict(lambda: {"tasks": 0, "results": 0})
    months_seen = defaultdict(set)
    for iid, it in items.items():
        per_doc[it["file"]][kind_of[iid]] += 1
        if kind_of[iid] == "results":
            months_seen[it["file"]].add(it["period"])
    for f, d in docs.items():
        nt, nr = per_doc[f]["tasks"], per_doc[f]["results"]
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks (want 10-18)")
        if d["reported_months"] and not 10 <= nr <= 18:
            err(f"{f}: {nr} results (want 10-18)")
        for mo in d["reported_months"]:
            if mo not in months_seen[f]:
                err(f"{f}: no result for reported month {mo}")

    # ---- every sentence/bullet of the results and tasks sections is labelled
    for f, t in texts.items():
        by_span = {(a, b): iid for a, b, iid in spans.get(f, [])}
        matched = set()
        section = "other"
        pos = 0
        for line in t.split("\n"):
            lstart = pos
            pos += len(line) + 1
            s = line.strip()
            if not s:
                continue
            if CLOSER.match(s):
                section = "other"
                continue
            if HEADING.match(s) and s[-1] not in ".;:":
                c = classify(s)
                if c:
                    section = c
                continue
            if section not in ("results", "tasks"):
                continue
            if s.endswith(":"):
                continue  # lead-in
            off = lstart + (len(line) - len(line.lstrip()))
            m = MARKER.match(s)
            if m:
                off += m.end()
                s = s[m.end():]
            for a, b in sentences(s, off):
                iid = by_span.get((a, b))
                if iid is None:
                    err(f"{f}: unlabelled {section} sentence: {t[a:b][:70]!r}")
                    continue
                if kind_of[iid] != section:
                    err(f"{f}: {iid} is a {kind_of[iid][:-1]} but sits in a {section} section")
                matched.add(iid)
        for a, b, iid in spans.get(f, []):
            if iid not in matched:
                err(f"{f}: {iid} is not a whole sentence/bullet of a results or tasks section")

    # ---- links
    def unit(iid):
        return docs[items[iid]["file"]]["unit"]

    def planned(iid):
        return docs[items[iid]["file"]]["planned_period"]

    ft_pairs, co_pairs = set(), set()
    linked = set()
    for l in gold["follow_through"]:
        t, r, st = l["task"], l["result"], l["status"]
        if kind_of.get(t) != "tasks" or kind_of.get(r) != "results":
            err(f"follow_through {t}->{r}: ids are not a task and a result")
            continue
        if st not in STATUSES:
            err(f"follow_through {t}->{r}: status {st}")
        if unit(t) != unit(r):
            err(f"follow_through {t}->{r}: across units")
        if not planned(r) > planned(t):
            err(f"follow_through {t}->{r}: result document not later")
        if items[r]["period"] < items[t]["period"]:
            err(f"follow_through {t}->{r}: result reports a month before the task's")
        if (t, r) in ft_pairs:
            err(f"follow_through {t}->{r}: duplicate")
        ft_pairs.add((t, r))
        linked.add(t)
    for l in gold["carry_over"]:
        a, b, k = l["from"], l["to"], l["kind"]
        if kind_of.get(a) != "tasks" or kind_of.get(b) != "tasks":
            err(f"carry_over {a}->{b}: ids are not tasks")
            continue
        if k not in KINDS:
            err(f"carry_over {a}->{b}: kind {k}")
        if unit(a) != unit(b):
            err(f"carry_over {a}->{b}: across units")
        if not items[b]["period"] > items[a]["period"]:
            err(f"carry_over {a}->{b}: not forward in time")
        if (a, b) in co_pairs:
            err(f"carry_over {a}->{b}: duplicate")
        co_pairs.add((a, b))
        linked.add(a)

    # ---- gaps
    want = set()
    for iid, it in items.items():
        if kind_of[iid] == "tasks" and it["file"] != last_doc[docs[it["file"]]["unit"]] and iid not in linked:
            want.add(iid)
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        err("gaps: duplicates")
    for x in sorted(got - want):
        err(f"gaps: {x} is listed but is linked, unknown or in a last document")
    for x in sorted(want - got):
        err(f"gaps: {x} has no link but is not listed")

    # ---- decoys
    seen = set()
    for a, b in gold["cross_unit_decoys"]:
        if a not in items or b not in items:
            err(f"decoy {a},{b}: unknown id")
            continue
        if unit(a) == unit(b):
            err(f"decoy {a},{b}: same unit")
        if frozenset((a, b)) in seen:
            err(f"decoy {a},{b}: duplicate")
        seen.add(frozenset((a, b)))
        for x, y in ((a, b), (b, a)):
            if (x, y) in ft_pairs or (x, y) in co_pairs:
                err(f"decoy {a},{b}: linked")
        wa, wb = fold(items[a]["text"]), fold(items[b]["text"])
        if len(wa & wb) / len(wa | wb) < 0.4:
            err(f"decoy {a},{b}: not near-identical (word overlap {len(wa & wb) / len(wa | wb):.2f})")
    if len(gold["cross_unit_decoys"]) < 15:
        err("fewer than 15 decoy pairs")


if __name__ == "__main__":
    main()
    if errors:
        for e in errors:
            print("ERROR", e)
        print(f"{len(errors)} error(s)")
        sys.exit(1)
    print("OK")
