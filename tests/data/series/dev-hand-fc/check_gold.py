#!/usr/bin/env python3
"""Check gold.json of the hand-FC series against its documents. Prints OK or the errors.

Usage: python3 check_gold.py [SERIES_DIR]   (default: the folder of this script)
"""
import json
import os
import re
import sys
import unicodedata

DIR = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
errors = []


def err(msg):
    errors.append(msg)


def main():
    try:
        with open(os.path.join(DIR, "gold.json"), encoding="utf-8") as f:
            gold = json.load(f)
    except Exception as e:  # noqa: BLE001
        print(f"cannot read gold.json: {e}")
        return 1

    # ---------- form ----------
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)]:
        if not isinstance(gold.get(key), typ):
            err(f"gold.json: '{key}' missing or not a {typ.__name__}")
    if errors:
        return report()
    for key in ("cross_unit_decoys", "cell_decoys"):
        if key in gold and not (isinstance(gold[key], list)
                                and all(isinstance(p, list) and len(p) == 2 for p in gold[key])):
            err(f"'{key}' must be a list of id pairs")

    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document fields wrong: {d}")
            continue
        if d["file"] in docs:
            err(f"document listed twice: {d['file']}")
        docs[d["file"]] = d
        if not MONTH.match(d["planned_period"]):
            err(f"{d['file']}: bad planned_period {d['planned_period']}")
        if not d["reported_months"] or not all(MONTH.match(m) for m in d["reported_months"]):
            err(f"{d['file']}: bad reported_months {d['reported_months']}")
        elif max(d["reported_months"]) >= d["planned_period"]:
            err(f"{d['file']}: a reported month is not before the planned period")

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
            if not isinstance(it["text"], str) or not it["text"].strip():
                err(f"{it['id']}: empty text")
                continue
            items[it["id"]] = dict(it, kind=kind)

    # ---------- files ----------
    on_disk = sorted(f for f in os.listdir(DIR) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err(f"documents in gold {sorted(docs)} differ from .txt files on disk {on_disk}")
    texts = {}
    for fname, d in docs.items():
        m = NAME.match(fname)
        if not m:
            err(f"{fname}: bad file name")
        elif m.group(1) != d["planned_period"]:
            err(f"{fname}: name month {m.group(1)} is not the planned period {d['planned_period']}")
        path = os.path.join(DIR, fname)
        if not os.path.exists(path):
            err(f"{fname}: missing")
            continue
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fname}: has a BOM")
        if b"\r" in raw:
            err(f"{fname}: has CR line ends")
        try:
            txt = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{fname}: not UTF-8 ({e})")
            continue
        if unicodedata.normalize("NFC", txt) != txt:
            err(f"{fname}: not NFC")
        if "{{" in txt or "}}" in txt:
            err(f"{fname}: hand marks left in the text")
        texts[fname] = txt
        check_header(fname, txt, d)

    # ---------- texts: exact, unique, no overlap ----------
    spans = {f: [] for f in texts}
    for iid, it in items.items():
        txt = texts.get(it["file"])
        if txt is None:
            continue
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err(f"{iid}: text not NFC")
        n = txt.count(it["text"])
        if n != 1:
            err(f"{iid}: text occurs {n} times in {it['file']}")
            continue
        s = txt.index(it["text"])
        spans[it["file"]].append((s, s + len(it["text"]), iid))
        if re.search(r"[.!?]\s+(?=\w)", it["text"]) and any(
                ch.isupper() for ch in re.findall(r"[.!?]\s+(\w)", it["text"])):
            err(f"{iid}: holds more than one sentence")
    for f, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                err(f"{f}: items {i1} and {i2} overlap")

    # ---------- sections fully labelled, items in the right section ----------
    for fname, txt in texts.items():
        check_sections(fname, txt, items)

    # ---------- counts and periods ----------
    for fname, d in docs.items():
        nt = sum(1 for it in items.values() if it["file"] == fname and it["kind"] == "task")
        nr = sum(1 for it in items.values() if it["file"] == fname and it["kind"] == "result")
        if not 10 <= nt <= 18:
            err(f"{fname}: {nt} tasks (want 10-18)")
        if not (nr == 0 or 10 <= nr <= 18):
            err(f"{fname}: {nr} results (want 0 or 10-18)")
    for iid, it in items.items():
        d = docs[it["file"]]
        if it["kind"] == "task" and it["period"] != d["planned_period"]:
            err(f"{iid}: period {it['period']} is not the planned period of {it['file']}")
        if it["kind"] == "result" and it["period"] not in d["reported_months"]:
            err(f"{iid}: period {it['period']} is not a reported month of {it['file']}")
        if (it["kind"] == "task") != iid.startswith("T"):
            err(f"{iid}: id prefix does not match its kind")

    # ---------- links ----------
    by_unit = {}
    for d in docs.values():
        by_unit.setdefault(d["unit"], []).append(d)
    for u in by_unit:
        by_unit[u].sort(key=lambda d: d["planned_period"])

    def doc_of(iid):
        return docs[items[iid]["file"]]

    seen = set()
    for ln in gold["follow_through"]:
        if set(ln) != {"task", "result", "status"}:
            err(f"follow_through fields wrong: {ln}")
            continue
        t, r, s = ln["task"], ln["result"], ln["status"]
        if (t, r) in seen:
            err(f"follow_through {t}->{r} twice")
        seen.add((t, r))
        if items.get(t, {}).get("kind") != "task":
            err(f"follow_through: {t} is not a task")
            continue
        if items.get(r, {}).get("kind") != "result":
            err(f"follow_through: {r} is not a result")
            continue
        if s not in STATUSES:
            err(f"follow_through {t}->{r}: status {s}")
        dt, dr = doc_of(t), doc_of(r)
        if dt["unit"] != dr["unit"]:
            err(f"follow_through {t}->{r}: across units")
            continue
        if dr["planned_period"] <= dt["planned_period"]:
            err(f"follow_through {t}->{r}: not forward in time")
        first = next((d for d in by_unit[dt["unit"]]
                      if d["planned_period"] > dt["planned_period"]
                      and items[t]["period"] in d["reported_months"]), None)
        if first is None or first["file"] != dr["file"]:
            err(f"follow_through {t}->{r}: result is not in the first notice reporting {items[t]['period']}")
        if items[r]["period"] < items[t]["period"]:
            err(f"follow_through {t}->{r}: result period before task period")
    seen = set()
    for ln in gold["carry_over"]:
        if set(ln) != {"from", "to", "kind"}:
            err(f"carry_over fields wrong: {ln}")
            continue
        a, b, k = ln["from"], ln["to"], ln["kind"]
        if (a, b) in seen:
            err(f"carry_over {a}->{b} twice")
        seen.add((a, b))
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
            err(f"carry_over {a}->{b}: both ends must be tasks")
            continue
        if k not in KINDS:
            err(f"carry_over {a}->{b}: kind {k}")
        da, db = doc_of(a), doc_of(b)
        if da["unit"] != db["unit"]:
            err(f"carry_over {a}->{b}: across units")
        if db["planned_period"] <= da["planned_period"]:
            err(f"carry_over {a}->{b}: not forward in time")

    # ---------- gaps ----------
    linked = {ln["task"] for ln in gold["follow_through"]} | {ln["from"] for ln in gold["carry_over"]}
    last = {u: ds[-1]["file"] for u, ds in by_unit.items()}
    want = {iid for iid, it in items.items()
            if it["kind"] == "task" and it["file"] != last[docs[it["file"]]["unit"]]
            and iid not in linked}
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        err("gaps: duplicates")
    for g in sorted(got - want):
        err(f"gaps: {g} should not be a gap (linked, last notice or unknown)")
    for g in sorted(want - got):
        err(f"gaps: {g} has no link but is not listed")

    # ---------- decoys ----------
    pairs = {(ln["task"], ln["result"]) for ln in gold["follow_through"]} | \
            {(ln["from"], ln["to"]) for ln in gold["carry_over"]}
    for key in ("cross_unit_decoys", "cell_decoys"):
        for a, b in gold.get(key, []):
            if a not in items or b not in items:
                err(f"{key}: unknown id in [{a}, {b}]")
                continue
            if (a, b) in pairs or (b, a) in pairs:
                err(f"{key}: decoy pair [{a}, {b}] is linked")
            same = doc_of(a)["unit"] == doc_of(b)["unit"]
            if key == "cross_unit_decoys" and same:
                err(f"{key}: [{a}, {b}] are of the same unit")
            if key == "cell_decoys" and not same:
                err(f"{key}: [{a}, {b}] are of different units")
    return report()


def check_header(fname, txt, d):
    if "ĐẢNG CỘNG SẢN VIỆT NAM" not in txt:
        err(f"{fname}: no Party heading")
    if not re.search(r"^Số \d+-TB/ĐU$", txt, re.M):
        err(f"{fname}: no 'Số ...-TB/ĐU' line")
    for needed in ("THÔNG BÁO", "Nơi nhận:", "T/M THƯỜNG TRỰC ĐẢNG ỦY"):
        if needed not in txt:
            err(f"{fname}: missing '{needed}'")
    m = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", txt)
    if not m:
        err(f"{fname}: no date line")
    else:
        issued = f"{m.group(3)}-{int(m.group(2)):02d}"
        if issued != max(d["reported_months"]):
            err(f"{fname}: issued {issued}, not in the last reported month")
    title = next((ln for ln in txt.split("\n") if ln.startswith("về kết quả")), None)
    if title is None:
        err(f"{fname}: no title line 'về kết quả ...'")
        return
    months = [int(x) for x in re.findall(r"tháng (\d{1,2})", title)]
    want = [int(m[5:]) for m in d["reported_months"]] + [int(d["planned_period"][5:])]
    if months != want:
        err(f"{fname}: title months {months} do not agree with periods {want}")
    up = txt.split("\n")
    res_head = next((ln for ln in up if ln.startswith("I. KẾT QUẢ")), "")
    task_head = next((ln for ln in up if ln.startswith("III. NHIỆM VỤ")), "")
    if [int(x) for x in re.findall(r"THÁNG (\d{1,2})", res_head)] != \
            [int(m[5:]) for m in d["reported_months"]]:
        err(f"{fname}: results heading does not name the reported months")
    if [int(x) for x in re.findall(r"THÁNG (\d{1,2})", task_head)] != [int(d["planned_period"][5:])]:
        err(f"{fname}: tasks heading does not name the planned month")


SECTIONS = [("result", "I. KẾT QUẢ", "II. "), ("task", "III. NHIỆM VỤ", "IV. ")]
BULLET = re.compile(r"^(?:- |\(\d+\) )(.*)$")


def check_sections(fname, txt, items):
    lines = txt.split("\n")
    own = {it["text"]: iid for iid, it in items.items() if it["file"] == fname}
    found = set()
    for kind, start, stop in SECTIONS:
        i0 = next((i for i, ln in enumerate(lines) if ln.startswith(start)), None)
        if i0 is None:
            err(f"{fname}: no section '{start}'")
            continue
        i1 = next((i for i in range(i0 + 1, len(lines)) if lines[i].startswith(stop)), len(lines))
        for ln in lines[i0 + 1:i1]:
            if not ln.strip():
                continue
            m = BULLET.match(ln)
            if not m:
                if re.match(r"^\d+\. ", ln) or ln.rstrip().endswith(":"):
                    continue  # sub-heading or lead-in
                err(f"{fname}: unlabelled line in {kind} section: {ln[:60]}")
                continue
            body = m.group(1)
            iid = own.get(body)
            if iid is None:
                err(f"{fname}: bullet is not exactly one labelled item: {body[:60]}")
            elif items[iid]["kind"] != kind:
                err(f"{fname}: {iid} ({items[iid]['kind']}) sits in the {kind} section")
            else:
                found.add(iid)
    for iid, it in items.items():
        if it["file"] == fname and iid not in found:
            err(f"{fname}: {iid} is not a bullet of its section")


def report():
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"{len(errors)} error(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
