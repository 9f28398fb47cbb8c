#!/usr/bin/env python3
"""Check gold.json of the hand-sd series against its documents.

Run from anywhere:  python3 check_gold.py   (prints OK, or the list of problems)

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / \\n line ends;
every item text an exact, unique substring of its file, items not overlapping;
every bullet or sentence of the result and task sections labelled (headings,
lead-ins, limitations and the closing skipped); 10-18 tasks and 10-18 results
per document; periods agree with the documents and with the month named in
each section lead-in; links within one unit and forward in time; statuses and
kinds allowed; gaps exactly the unlinked tasks of non-last documents; decoys
never linked.
"""
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

# --- section lead-ins of this series' layout (both clerks) ---
BLOCK = re.compile(r"^(KHỐI \d+\. .+|(I|II|III|V|VI)\. KHỐI .+)$")
END = re.compile(r"^(IV\. )?TỔ CHỨC THỰC HIỆN$")
RES_LEAD = [re.compile(r"^a\) Đã làm được trong tháng (\d{1,2}):$"),
            re.compile(r"^Kết quả tháng (\d{1,2}):$")]
LIM_LEAD = [re.compile(r"^b\) Còn vướng:$"), re.compile(r"^Tồn tại:$")]
TASK_LEAD = [re.compile(r"^c\) Việc phải làm trong tháng (\d{1,2})/(\d{4}):$"),
             re.compile(r"^Việc tháng (\d{1,2}):$")]
BULLET = [re.compile(r"^– (.+)$"), re.compile(r"^\+ (.+)$"), re.compile(r"^Việc \d+\. (.+)$")]


def sentences(line):
    """Split a prose line into sentences at '. ' (or ! ?) before an upper-case letter or digit."""
    out, start, i = [], 0, 0
    while i < len(line):
        ch = line[i]
        if ch in ".!?" and i + 1 < len(line) and line[i + 1] == " ":
            j = i + 1
            while j < len(line) and line[j] == " ":
                j += 1
            if j < len(line) and (line[j].isupper() or line[j].isdigit()):
                out.append(line[start:i + 1].strip())
                start = j
                i = j
                continue
        i += 1
    tail = line[start:].strip()
    if tail:
        out.append(tail)
    return out


def parse_units(text):
    """Yield (kind, month_number, unit_text) for each bullet/sentence of result and task sections."""
    section, month = None, None
    units = []
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        if END.match(s):
            break
        if BLOCK.match(s):
            section, month = None, None
            continue
        m = next((p.match(s) for p in RES_LEAD if p.match(s)), None)
        if m:
            section, month = "result", int(m.group(1))
            continue
        if any(p.match(s) for p in LIM_LEAD):
            section, month = "limitation", None
            continue
        m = next((p.match(s) for p in TASK_LEAD if p.match(s)), None)
        if m:
            section, month = "task", int(m.group(1))
            continue
        if section not in ("result", "task"):
            continue
        b = next((p.match(s) for p in BULLET if p.match(s)), None)
        if b:
            units.append((section, month, b.group(1).strip()))
        else:
            for sent in sentences(s):
                units.append((section, month, sent))
    return units


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
    except Exception as e:  # noqa
        print(f"cannot read gold.json: {e}")
        sys.exit(1)

    # ---- form ----
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(gold.get(k), t):
            err(f"gold.json: '{k}' missing or not a {t.__name__}")
    if errors:
        finish()
    extra = set(gold) - set(need) - {"cross_unit_decoys"}
    if extra:
        err(f"gold.json: unknown keys {sorted(extra)}")
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        err("cross_unit_decoys is not a list")
        decoys = []

    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document keys {sorted(d)}")
            continue
        if d["file"] in docs:
            err(f"document listed twice: {d['file']}")
        docs[d["file"]] = d
        if not isinstance(d["unit"], str) or not d["unit"]:
            err(f"{d['file']}: empty unit")
        if not isinstance(d["reported_months"], list) or not all(
                isinstance(x, str) and MONTH.match(x) for x in d["reported_months"]):
            err(f"{d['file']}: bad reported_months {d['reported_months']}")
        if not isinstance(d["planned_period"], str) or not MONTH.match(d["planned_period"]):
            err(f"{d['file']}: bad planned_period {d['planned_period']}")

    # ---- file names and encodings ----
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err(f"documents in gold {sorted(docs)} != .txt files on disk {on_disk}")
    texts = {}
    for fn, d in docs.items():
        m = FNAME.match(fn)
        if not m:
            err(f"{fn}: bad file name")
        elif f"{m.group(2)}-{m.group(3)}" != d["planned_period"]:
            err(f"{fn}: file month != planned_period {d['planned_period']}")
        fp = os.path.join(HERE, fn)
        if not os.path.exists(fp):
            err(f"{fn}: missing")
            continue
        raw = open(fp, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fn}: BOM")
        if b"\r" in raw:
            err(f"{fn}: CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{fn}: not UTF-8 ({e})")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{fn}: not NFC")
        for must in ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "Số: ", "THÔNG BÁO", "Nơi nhận:", "TL. CHỦ TỊCH"):
            if must not in t:
                err(f"{fn}: header/closing lacks '{must}'")
        texts[fn] = t

    # period order of documents per unit
    by_unit = defaultdict(list)
    for fn, d in docs.items():
        by_unit[d["unit"]].append(fn)
    for u in by_unit:
        by_unit[u].sort(key=lambda f: docs[f]["planned_period"])
        per = [docs[f]["planned_period"] for f in by_unit[u]]
        if len(set(per)) != len(per):
            err(f"unit {u}: two documents plan the same month")
        for f in by_unit[u]:
            for rm in docs[f]["reported_months"]:
                if rm >= docs[f]["planned_period"]:
                    err(f"{f}: reported month {rm} not before planned {docs[f]['planned_period']}")
    order = {f: i for u in by_unit for i, f in enumerate(by_unit[u])}
    last = {by_unit[u][-1] for u in by_unit}

    # ---- items ----
    items = {}
    for kind, key in (("task", "tasks"), ("result", "results")):
        for it in gold[key]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{key} item keys {sorted(it)}")
                continue
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            items[it["id"]] = dict(it, kind=kind)
            if it["file"] not in docs:
                err(f"{it['id']}: unknown file {it['file']}")
                continue
            d = docs[it["file"]]
            if kind == "task" and it["period"] != d["planned_period"]:
                err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
            if kind == "result" and it["period"] not in d["reported_months"]:
                err(f"{it['id']}: period {it['period']} not in reported {d['reported_months']}")
            if not isinstance(it["text"], str) or not it["text"].strip():
                err(f"{it['id']}: empty text")
            elif it["text"] != it["text"].strip():
                err(f"{it['id']}: text has outer spaces")

    spans = defaultdict(list)
    for iid, it in items.items():
        t = texts.get(it["file"])
        if t is None:
            continue
        n = t.count(it["text"])
        if n != 1:
            err(f"{iid}: text occurs {n} times in {it['file']}")
            continue
        a = t.index(it["text"])
        spans[it["file"]].append((a, a + len(it["text"]), iid))
    for fn, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                err(f"{fn}: {i1} overlaps {i2}")

    # ---- every bullet / sentence labelled, right kind and month ----
    for fn, t in texts.items():
        d = docs[fn]
        units = parse_units(t)
        mine = {it["text"]: it for it in items.values() if it["file"] == fn}
        matched = set()
        for kind, mon, u in units:
            it = mine.get(u)
            if it is None:
                err(f"{fn}: unlabelled {kind} unit: {u[:70]}...")
                continue
            matched.add(it["id"])
            if it["kind"] != kind:
                err(f"{fn}: {it['id']} labelled {it['kind']} but stands in a {kind} section")
            if int(it["period"][5:]) != mon:
                err(f"{fn}: {it['id']} period {it['period']} but section names month {mon}")
        for it in mine.values():
            if it["id"] not in matched:
                err(f"{fn}: {it['id']} is not a whole bullet/sentence of a result or task section")
        nt = sum(1 for it in mine.values() if it["kind"] == "task")
        nr = sum(1 for it in mine.values() if it["kind"] == "result")
        if not 10 <= nt <= 18:
            err(f"{fn}: {nt} tasks (want 10-18)")
        if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
            err(f"{fn}: {nr} results (want 10-18)")

    # ---- links ----
    def doc_of(i):
        return items[i]["file"]

    out_links = defaultdict(int)
    linked_pairs = set()
    seen = set()
    for ln in gold["follow_through"]:
        if set(ln) != {"task", "result", "status"}:
            err(f"follow_through keys {sorted(ln)}")
            continue
        t, r, s = ln["task"], ln["result"], ln["status"]
        if (t, r) in seen:
            err(f"follow_through {t}->{r} twice")
        seen.add((t, r))
        if t not in items or items[t]["kind"] != "task":
            err(f"follow_through: {t} is not a task")
            continue
        if r not in items or items[r]["kind"] != "result":
            err(f"follow_through: {r} is not a result")
            continue
        if s not in STATUSES:
            err(f"follow_through {t}->{r}: status {s}")
        ft, fr = doc_of(t), doc_of(r)
        if docs[ft]["unit"] != docs[fr]["unit"]:
            err(f"follow_through {t}->{r} crosses units")
            continue
        if order[fr] <= order[ft]:
            err(f"follow_through {t}->{r} not forward in time")
        if items[r]["period"] < items[t]["period"]:
            err(f"follow_through {t}->{r}: result period before task period")
        # the result must stand in the first later document reporting on the task's month
        u = docs[ft]["unit"]
        first = next((f for f in by_unit[u][order[ft] + 1:]
                      if items[t]["period"] in docs[f]["reported_months"]), None)
        if fr != first:
            err(f"follow_through {t}->{r}: result not in the first document reporting {items[t]['period']}")
        out_links[t] += 1
        linked_pairs.add(frozenset((t, r)))

    seen = set()
    for ln in gold["carry_over"]:
        if set(ln) != {"from", "to", "kind"}:
            err(f"carry_over keys {sorted(ln)}")
            continue
        a, b, k = ln["from"], ln["to"], ln["kind"]
        if (a, b) in seen:
            err(f"carry_over {a}->{b} twice")
        seen.add((a, b))
        if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
            err(f"carry_over {a}->{b}: both ends must be tasks")
            continue
        if k not in KINDS:
            err(f"carry_over {a}->{b}: kind {k}")
        fa, fb = doc_of(a), doc_of(b)
        if docs[fa]["unit"] != docs[fb]["unit"]:
            err(f"carry_over {a}->{b} crosses units")
            continue
        if order[fb] <= order[fa]:
            err(f"carry_over {a}->{b} not forward in time")
        elif order[fb] != order[fa] + 1:
            err(f"carry_over {a}->{b} skips a document")
        out_links[a] += 1
        linked_pairs.add(frozenset((a, b)))

    # split: a task split must have at least two targets
    split_from = defaultdict(int)
    for ln in gold["carry_over"]:
        if ln.get("kind") == "split":
            split_from[ln["from"]] += 1
    for a, n in split_from.items():
        if n < 2:
            err(f"carry_over split from {a} has only {n} target")

    # ---- gaps ----
    want = sorted(i for i, it in items.items()
                  if it["kind"] == "task" and it["file"] not in last and out_links[i] == 0)
    have = gold["gaps"]
    if len(set(have)) != len(have):
        err("gaps: duplicates")
    if sorted(have) != want:
        err(f"gaps {sorted(have)} != unlinked tasks of non-last documents {want}")

    # ---- decoys ----
    for pair in decoys:
        if not (isinstance(pair, list) and len(pair) == 2 and all(p in items for p in pair)):
            err(f"bad decoy {pair}")
            continue
        a, b = pair
        if docs[doc_of(a)]["unit"] == docs[doc_of(b)]["unit"]:
            err(f"decoy {pair} within one unit")
        if frozenset(pair) in linked_pairs:
            err(f"decoy {pair} is linked")
    units = set(d["unit"] for d in docs.values())
    if len(units) == 1 and decoys:
        err("decoys given for a single-unit series")

    finish()


def finish():
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"{len(errors)} problem(s)")
        sys.exit(1)
    print("OK")
    sys.exit(0)


if __name__ == "__main__":
    main()
