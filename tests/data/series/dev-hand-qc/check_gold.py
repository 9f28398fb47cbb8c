#!/usr/bin/env python3
"""Check gold.json of this hand-QC series against its documents.  Prints OK or the errors.

Checks: the form of gold.json; file names; UTF-8, NFC, no BOM, "\n" line ends;
every item text an exact, unique substring of its file, no two items overlapping;
every bullet / sentence of the results and tasks sections labelled with an item of
the right kind (headings and lead-ins skipped) and no item outside those sections;
10-18 tasks and 10-18 results per document; periods agree with the documents;
links within one unit and forward in time (a follow-through goes to the first later
document of the unit that reports on the task's month); allowed statuses and kinds;
gaps exactly the tasks with neither link in documents that are not their unit's
last; decoys across units, near-identical, never linked, at least 10.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
BULLET = re.compile(r"^(?:[-+•]|\(\d+\)|\d+\.|\d+\.\d+\.|[a-zđ]\))\s+(.*)$")
CLOSING = ("Giao ", "Ban Thường vụ Đảng ủy giao", "Văn phòng Đảng ủy có trách nhiệm",
           "Nơi nhận", "T/M ")


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return set(re.findall(r"\w+", s))


def overlap(a, b):
    A, B = fold(a), fold(b)
    return len(A & B) / max(1, min(len(A), len(B)))


def is_upper_heading(line):
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def split_sentences(para):
    out, start = [], 0
    for m in re.finditer(r"[.!?]\s+", para):
        nxt = para[m.end():m.end() + 1]
        if nxt and (nxt.isupper() or nxt in "\"“("):
            out.append(para[start:m.start() + 1].strip())
            start = m.end()
    tail = para[start:].strip()
    if tail:
        out.append(tail)
    return out


def section_units(text):
    """Yield (kind, unit_text) for every bullet/sentence of results and tasks sections."""
    state = None
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if line.startswith(CLOSING):
            state = None
            continue
        if is_upper_heading(line):
            if "HẠN CHẾ" in line or "TỒN TẠI" in line:
                state = "lim"
            elif "KẾT QUẢ" in line or "TÌNH HÌNH" in line:
                state = "res"
            elif "NHIỆM VỤ" in line or "PHƯƠNG HƯỚNG" in line:
                state = "task"
            continue
        if state not in ("res", "task"):
            continue
        if line.endswith(":"):          # lead-in
            continue
        if line[-1] not in ".;!?":      # sub-heading
            continue
        m = BULLET.match(line)
        if m:
            yield state, m.group(1).strip()
        else:
            for s in split_sentences(line):
                yield state, s


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        print(f"cannot read gold.json: {e}")
        return 1

    # ---- form
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"):
        if key not in gold:
            err(f"gold.json: missing key {key}")
    if ERR:
        print("\n".join(ERR))
        return 1
    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document keys: {d}")
            continue
        if d["file"] in docs:
            err(f"duplicate document {d['file']}")
        docs[d["file"]] = d
        if not isinstance(d["reported_months"], list) or not all(MONTH.match(m) for m in d["reported_months"]):
            err(f"{d['file']}: bad reported_months {d['reported_months']}")
        if not MONTH.match(d["planned_period"] or ""):
            err(f"{d['file']}: bad planned_period")
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{kind} keys: {it}")
                continue
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            it = dict(it, kind=kind[:-1])
            items[it["id"]] = it
            if it["file"] not in docs:
                err(f"{it['id']}: unknown file {it['file']}")
            if not MONTH.match(it["period"] or ""):
                err(f"{it['id']}: bad period")
    if ERR:
        print("\n".join(ERR))
        return 1

    # ---- file names, encoding
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if on_disk != sorted(docs):
        err(f"documents on disk {on_disk} != listed {sorted(docs)}")
    texts = {}
    for f, d in docs.items():
        m = FNAME.match(f)
        if not m:
            err(f"{f}: bad file name")
        elif m.group(2) != d["planned_period"]:
            err(f"{f}: file month != planned_period {d['planned_period']}")
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
        if not t.endswith("\n"):
            err(f"{f}: no final newline")
        texts[f] = t

    # ---- exact unique substrings, overlaps
    spans = {f: [] for f in docs}
    for it in items.values():
        t = texts.get(it["file"], "")
        n = t.count(it["text"])
        if n != 1:
            err(f"{it['id']}: text found {n} times in {it['file']}")
            continue
        s = t.index(it["text"])
        spans[it["file"]].append((s, s + len(it["text"]), it["id"]))
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err(f"{f}: {a[2]} overlaps {b[2]}")

    # ---- every bullet / sentence of the sections labelled, and nothing else
    for f, t in texts.items():
        by_text = {}
        for it in items.values():
            if it["file"] == f:
                by_text[it["text"]] = it
        seen = set()
        for state, unit in section_units(t):
            it = by_text.get(unit)
            want = "result" if state == "res" else "task"
            if it is None:
                err(f"{f}: unlabelled {want} unit: {unit[:70]!r}")
            elif it["kind"] != want:
                err(f"{f}: {it['id']} labelled {it['kind']} but sits in a {want} section")
            else:
                seen.add(it["id"])
        for it in by_text.values():
            if it["id"] not in seen:
                err(f"{f}: {it['id']} is not a whole bullet/sentence of a results/tasks section")

    # ---- counts and periods
    for f, d in docs.items():
        tk = [i for i in items.values() if i["file"] == f and i["kind"] == "task"]
        rs = [i for i in items.values() if i["file"] == f and i["kind"] == "result"]
        if not 10 <= len(tk) <= 18:
            err(f"{f}: {len(tk)} tasks")
        if not (10 <= len(rs) <= 18 or (not rs and not d["reported_months"])):
            err(f"{f}: {len(rs)} results")
        for i in tk:
            if i["period"] != d["planned_period"]:
                err(f"{i['id']}: period {i['period']} != planned {d['planned_period']}")
        for i in rs:
            if i["period"] not in d["reported_months"]:
                err(f"{i['id']}: period {i['period']} not reported by {f}")
        for m in d["reported_months"]:
            if m >= d["planned_period"]:
                err(f"{f}: reported month {m} not before planned {d['planned_period']}")
            if not any(i["period"] == m for i in rs):
                err(f"{f}: no result for reported month {m}")

    # ---- units
    units = {}
    for f, d in docs.items():
        units.setdefault(d["unit"], []).append(d)
    for u, ds in units.items():
        ds.sort(key=lambda d: d["planned_period"])
        pp = [d["planned_period"] for d in ds]
        if len(set(pp)) != len(pp):
            err(f"{u}: two documents plan the same month")

    def unit_of(iid):
        return docs[items[iid]["file"]]["unit"]

    def planned(iid):
        return docs[items[iid]["file"]]["planned_period"]

    def first_reporting(unit, month, after):
        for d in units[unit]:
            if d["planned_period"] > after and month in d["reported_months"]:
                return d["file"]
        return None

    # ---- follow-through
    ft_pairs = set()
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err(f"follow_through keys: {l}")
            continue
        t, r = l["task"], l["result"]
        if items.get(t, {}).get("kind") != "task" or items.get(r, {}).get("kind") != "result":
            err(f"follow_through {t}->{r}: wrong ids")
            continue
        if (t, r) in ft_pairs:
            err(f"duplicate follow_through {t}->{r}")
        ft_pairs.add((t, r))
        if l["status"] not in STATUSES:
            err(f"follow_through {t}->{r}: status {l['status']}")
        if unit_of(t) != unit_of(r):
            err(f"follow_through {t}->{r}: across units")
            continue
        if planned(r) <= planned(t):
            err(f"follow_through {t}->{r}: not forward in time")
        if items[r]["period"] != items[t]["period"]:
            err(f"follow_through {t}->{r}: result period {items[r]['period']} != task period {items[t]['period']}")
        fr = first_reporting(unit_of(t), items[t]["period"], planned(t))
        if fr != items[r]["file"]:
            err(f"follow_through {t}->{r}: result not in the first document reporting {items[t]['period']} ({fr})")

    # ---- carry-over
    co_pairs = set()
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err(f"carry_over keys: {l}")
            continue
        a, b = l["from"], l["to"]
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
            err(f"carry_over {a}->{b}: wrong ids")
            continue
        if (a, b) in co_pairs:
            err(f"duplicate carry_over {a}->{b}")
        co_pairs.add((a, b))
        if l["kind"] not in KINDS:
            err(f"carry_over {a}->{b}: kind {l['kind']}")
        if unit_of(a) != unit_of(b):
            err(f"carry_over {a}->{b}: across units")
        elif planned(b) <= planned(a):
            err(f"carry_over {a}->{b}: not forward in time")
    from_split = {}
    for l in gold["carry_over"]:
        if l["kind"] == "split":
            from_split.setdefault(l["from"], []).append(l["to"])
    for a, tos in from_split.items():
        if len(tos) < 2:
            err(f"split from {a} has only one part")

    # ---- gaps
    linked = {t for t, _ in ft_pairs} | {a for a, _ in co_pairs}
    expected = set()
    for it in items.values():
        if it["kind"] != "task":
            continue
        u = unit_of(it["id"])
        if docs[it["file"]] is units[u][-1]:
            continue
        if it["id"] not in linked:
            expected.add(it["id"])
    gaps = gold["gaps"]
    if len(set(gaps)) != len(gaps):
        err("duplicate gap ids")
    for g in gaps:
        if g not in items or items[g]["kind"] != "task":
            err(f"gap {g}: not a task")
    if set(gaps) != expected:
        err(f"gaps differ: missing {sorted(expected - set(gaps))}, extra {sorted(set(gaps) - expected)}")

    # ---- decoys
    dec = gold["cross_unit_decoys"]
    if len(units) == 2 and len(dec) < 10:
        err(f"only {len(dec)} cross-unit decoys")
    all_links = ft_pairs | co_pairs
    seen_dec = set()
    for pair in dec:
        key = tuple(sorted(pair)) if isinstance(pair, list) else None
        if key in seen_dec:
            err(f"duplicate decoy {pair}")
        seen_dec.add(key)
        if not (isinstance(pair, list) and len(pair) == 2 and all(p in items for p in pair)):
            err(f"decoy {pair}: bad ids")
            continue
        a, b = pair
        if unit_of(a) == unit_of(b):
            err(f"decoy {pair}: same unit")
        if (a, b) in all_links or (b, a) in all_links:
            err(f"decoy {pair}: linked")
        if items[a]["kind"] == "result" and items[b]["kind"] == "result":
            err(f"decoy {pair}: two results can never link anyway")
        ov = overlap(items[a]["text"], items[b]["text"])
        if ov < 0.5:
            err(f"decoy {pair}: not near-identical (word overlap {ov:.2f})")

    if ERR:
        print("\n".join(ERR))
        print(f"{len(ERR)} error(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
