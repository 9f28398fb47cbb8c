#!/usr/bin/env python3
"""Check gold.json of this series against its documents; print OK or the problems."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-\d{2}$")
ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s")
ARABIC = re.compile(r"^\d+\.\s")
SUB_ARABIC = re.compile(r"^\d+(?:\.\d+)*\.\s")
SUB_LETTER = re.compile(r"^[a-zđ]\)\s")
BULLET = re.compile(r"^(?:[-+•]\s+|\(\d+\)\s+)")
CLOSING = ("Giao ", "Trên đây", "Nơi nhận")

errors = []


def err(msg):
    errors.append(msg)


def section_kind(heading):
    h = heading.lower()
    if "kết quả" in h:
        return "results"
    if "hạn chế" in h:
        return "limitations"
    if "nhiệm vụ" in h or "phương hướng" in h:
        return "tasks"
    return "other"


def content_lines(text):
    """Yield (kind, line_start, line_text) for every item-bearing line of the
    results and tasks sections (headings, lead-ins and 'Nguyên nhân' skipped)."""
    lines = text.split("\n")
    roman = any(ROMAN.match(l) for l in lines)
    top = ROMAN if roman else ARABIC
    sub = SUB_ARABIC if roman else SUB_LETTER
    kind = None
    pos = 0
    for line in lines:
        start = pos
        pos += len(line) + 1
        s = line.strip()
        if top.match(line):
            kind = section_kind(line)
            continue
        if line.startswith(CLOSING):
            kind = None
            continue
        if kind not in ("results", "tasks") or not s:
            continue
        if sub.match(line) or s.endswith(":") or s.startswith("Nguyên nhân"):
            continue
        yield kind, start, line


def main():
    gp = os.path.join(HERE, "gold.json")
    gold = json.load(open(gp, encoding="utf-8"))
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if key not in gold or not isinstance(gold[key], list):
            err(f"gold.json: missing list {key}")
    if errors:
        return
    decoys = gold.get("cross_unit_decoys", [])

    # documents
    docs, texts = {}, {}
    txt_files = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    listed = sorted(d["file"] for d in gold["documents"])
    if txt_files != listed:
        err(f"documents listed {listed} != .txt files {txt_files}")
    for d in gold["documents"]:
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d:
                err(f"document {d}: missing {k}")
        f = d["file"]
        m = NAME.match(f)
        if not m:
            err(f"{f}: bad file name")
        elif m.group(1) != d["planned_period"]:
            err(f"{f}: name month != planned_period {d['planned_period']}")
        if not all(MONTH.match(x) for x in d["reported_months"]):
            err(f"{f}: bad reported_months")
        if any(x >= d["planned_period"] for x in d["reported_months"]):
            err(f"{f}: a reported month is not before the planned period")
        raw = open(os.path.join(HERE, f), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{f}: BOM")
        if b"\r" in raw:
            err(f"{f}: CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{f}: not UTF-8")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{f}: not NFC")
        docs[f] = d
        texts[f] = t

    # items
    items = {}
    spans = {f: [] for f in texts}
    counts = {f: {"T": 0, "R": 0} for f in texts}
    for kind, key in (("T", "tasks"), ("R", "results")):
        for it in gold[key]:
            for k in ("id", "file", "period", "text"):
                if k not in it:
                    err(f"{key} item {it}: missing {k}")
            iid = it["id"]
            if iid in items:
                err(f"duplicate id {iid}")
            items[iid] = (kind, it)
            f = it["file"]
            if f not in texts:
                err(f"{iid}: unknown file {f}")
                continue
            t = texts[f]
            if unicodedata.normalize("NFC", it["text"]) != it["text"]:
                err(f"{iid}: text not NFC")
            n = t.count(it["text"])
            if n != 1:
                err(f"{iid}: text occurs {n} times in {f}")
                continue
            if "\n" in it["text"] or it["text"] != it["text"].strip():
                err(f"{iid}: text spans lines or has outer blanks")
            s = t.index(it["text"])
            spans[f].append((s, s + len(it["text"]), iid, kind))
            counts[f][kind] += 1
            d = docs[f]
            if kind == "T" and it["period"] != d["planned_period"]:
                err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
            if kind == "R" and it["period"] not in d["reported_months"]:
                err(f"{iid}: period {it['period']} not among reported months of {f}")

    # overlaps and coverage of the sections
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err(f"{f}: {a[2]} overlaps {b[2]}")
        placed = set()
        for kind, start, line in content_lines(texts[f]):
            end = start + len(line)
            inside = [x for x in sp if x[0] >= start and x[1] <= end]
            want = "R" if kind == "results" else "T"
            for x in inside:
                placed.add(x[2])
                if x[3] != want:
                    err(f"{f}: {x[2]} lies in a {kind} section")
            covered = [False] * len(line)
            for x in inside:
                for i in range(x[0] - start, x[1] - start):
                    covered[i] = True
            rest = "".join(c for c, cv in zip(line, covered) if not cv)
            m = BULLET.match(line)
            if m:
                rest = rest.replace(m.group(0), "", 1) if not any(covered[:len(m.group(0))]) else rest
            if rest.strip(" .;"):
                err(f"{f}: unlabelled text in {kind} line: {line[:70]!r} (rest {rest.strip()[:40]!r})")
        for x in sp:
            if x[2] not in placed:
                err(f"{f}: {x[2]} is not inside a results/tasks section line")
        c = counts[f]
        if not 10 <= c["T"] <= 18:
            err(f"{f}: {c['T']} tasks (want 10-18)")
        if not (10 <= c["R"] <= 18 or c["R"] == 0):
            err(f"{f}: {c['R']} results (want 10-18)")

    # links
    def doc_of(iid):
        return docs[items[iid][1]["file"]]

    linked = set()
    seen = set()
    for ft in gold["follow_through"]:
        t, r, st = ft.get("task"), ft.get("result"), ft.get("status")
        if (t, r) in seen:
            err(f"duplicate follow-through {t}->{r}")
        seen.add((t, r))
        if items.get(t, ("?",))[0] != "T" or items.get(r, ("?",))[0] != "R":
            err(f"follow-through {t}->{r}: bad ids")
            continue
        if st not in STATUSES:
            err(f"follow-through {t}->{r}: status {st}")
        dt, dr = doc_of(t), doc_of(r)
        if dt["unit"] != dr["unit"]:
            err(f"follow-through {t}->{r}: across units")
        if dr["planned_period"] <= dt["planned_period"]:
            err(f"follow-through {t}->{r}: not forward in time")
        if items[r][1]["period"] < items[t][1]["period"]:
            err(f"follow-through {t}->{r}: result month before task month")
        linked.add(t)
    seen = set()
    for co in gold["carry_over"]:
        a, b, k = co.get("from"), co.get("to"), co.get("kind")
        if (a, b) in seen:
            err(f"duplicate carry-over {a}->{b}")
        seen.add((a, b))
        if items.get(a, ("?",))[0] != "T" or items.get(b, ("?",))[0] != "T":
            err(f"carry-over {a}->{b}: bad ids")
            continue
        if k not in KINDS:
            err(f"carry-over {a}->{b}: kind {k}")
        da, db = doc_of(a), doc_of(b)
        if da["unit"] != db["unit"]:
            err(f"carry-over {a}->{b}: across units")
        if db["planned_period"] <= da["planned_period"]:
            err(f"carry-over {a}->{b}: not forward in time")
        linked.add(a)

    # gaps: exactly the unlinked tasks of documents that are not their unit's last
    last = {}
    for d in docs.values():
        u = d["unit"]
        if u not in last or d["planned_period"] > last[u]:
            last[u] = d["planned_period"]
    expected = set()
    for iid, (kind, it) in items.items():
        if kind != "T":
            continue
        d = docs[it["file"]]
        if d["planned_period"] != last[d["unit"]] and iid not in linked:
            expected.add(iid)
    gaps = set(gold["gaps"])
    if len(gaps) != len(gold["gaps"]):
        err("duplicate gap ids")
    if gaps != expected:
        err(f"gaps differ: listed-not-expected {sorted(gaps - expected)}, expected-not-listed {sorted(expected - gaps)}")

    # decoys (and same-unit near misses kept in _src/near_miss.json)
    pairs = {(l["task"], l["result"]) for l in gold["follow_through"]}
    pairs |= {(l["from"], l["to"]) for l in gold["carry_over"]}
    nm_path = os.path.join(HERE, "_src", "near_miss.json")
    near = json.load(open(nm_path, encoding="utf-8")) if os.path.exists(nm_path) else []
    for label, lst, cross in (("cross_unit_decoy", decoys, True), ("near_miss", near, False)):
        for a, b in lst:
            if a not in items or b not in items:
                err(f"{label} {a},{b}: unknown id")
                continue
            if (a, b) in pairs or (b, a) in pairs:
                err(f"{label} {a},{b} is linked")
            ua, ub = doc_of(a)["unit"], doc_of(b)["unit"]
            if cross and ua == ub:
                err(f"{label} {a},{b}: same unit")
            if not cross and ua != ub:
                err(f"{label} {a},{b}: different units")


main()
if errors:
    for e in errors:
        print("ERROR:", e)
    sys.exit(1)
print("OK")
