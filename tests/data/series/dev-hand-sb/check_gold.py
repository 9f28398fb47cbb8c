#!/usr/bin/env python3
"""Check gold.json of this folder against its documents; prints OK or the problems."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s")
SUBHEAD = re.compile(r"^\d+\.\s")
errors = []


def err(msg):
    errors.append(msg)


def sections(text):
    """Return {'results': [lines], 'tasks': [lines]} from the roman-numeral sections."""
    out = {"results": [], "tasks": []}
    cur = None
    for line in text.split("\n"):
        s = line.strip()
        if ROMAN.match(s):
            head = s.upper()
            if "KẾT QUẢ" in head:
                cur = "results"
            elif "NHIỆM VỤ TRỌNG TÂM" in head or "PHƯƠNG HƯỚNG" in head:
                cur = "tasks"
            else:
                cur = None
            continue
        if s.startswith("Nơi nhận"):
            cur = None
        if cur and s:
            out[cur].append(s)
    return out


def one_sentence(t):
    body = t.rstrip()
    for m in re.finditer(r"[.!?]\s+(\S)", body):
        if m.group(1).isupper():
            return False
    return True


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as e:
        print("FAIL: gold.json unreadable:", e)
        return 1
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if key not in gold or not isinstance(gold[key], list):
            err(f"missing or non-list key {key}")
    if errors:
        print("\n".join(errors))
        return 1
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        err("cross_unit_decoys not a list")

    # ---- documents ----
    docs, texts = {}, {}
    for d in gold["documents"]:
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d:
                err(f"document lacks {k}: {d}")
        f = d["file"]
        m = FNAME.match(f)
        if not m:
            err(f"bad file name {f}")
            continue
        if f in docs:
            err(f"duplicate document {f}")
        docs[f] = d
        if f"{m.group(2)}-{m.group(3)}" != d["planned_period"]:
            err(f"{f}: planned_period {d['planned_period']} differs from file name")
        for p in [d["planned_period"]] + list(d["reported_months"]):
            if not MONTH.match(p):
                err(f"{f}: bad month {p}")
        if any(p >= d["planned_period"] for p in d["reported_months"]):
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
        texts[f] = t
        # title: the line after THÔNG BÁO must name the reported and planned months
        lines = t.split("\n")
        try:
            title = lines[lines.index("THÔNG BÁO") + 1]
        except (ValueError, IndexError):
            err(f"{f}: no title")
            title = ""
        for p in list(d["reported_months"]) + [d["planned_period"]]:
            y, mo = p.split("-")
            if not re.search(r"tháng 0?%d\b" % int(mo), title):
                err(f"{f}: title does not name month {p}")
        if d["planned_period"][:4] not in title:
            err(f"{f}: title lacks year")
    for f in os.listdir(HERE):
        if f.endswith(".txt") and f not in docs:
            err(f"document file {f} not in gold.json")

    # ---- items ----
    items = {}
    spans = {f: [] for f in docs}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            for k in ("id", "file", "period", "text"):
                if k not in it:
                    err(f"{kind} item lacks {k}: {it}")
            iid = it["id"]
            if iid in items:
                err(f"duplicate id {iid}")
            items[iid] = (kind, it)
            f = it["file"]
            if f not in docs:
                err(f"{iid}: unknown file {f}")
                continue
            d, t = docs[f], texts.get(f, "")
            if kind == "tasks" and it["period"] != d["planned_period"]:
                err(f"{iid}: period {it['period']} is not the planned period of {f}")
            if kind == "results" and it["period"] not in d["reported_months"]:
                err(f"{iid}: period {it['period']} is not a reported month of {f}")
            txt = it["text"]
            if unicodedata.normalize("NFC", txt) != txt:
                err(f"{iid}: text not NFC")
            n = t.count(txt)
            if n != 1:
                err(f"{iid}: text found {n} times in {f}")
                continue
            i = t.index(txt)
            spans[f].append((i, i + len(txt), iid))
            if not one_sentence(txt):
                err(f"{iid}: more than one sentence")
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err(f"{f}: {a[2]} overlaps {b[2]}")

    # ---- every bullet/sentence of results and tasks sections labelled ----
    for f, t in texts.items():
        sec = sections(t)
        by_kind = {k: {it["text"]: it["id"] for kk, it in items.values() if kk == k and it["file"] == f}
                   for k in ("tasks", "results")}
        for name in ("results", "tasks"):
            seen = set()
            for line in sec[name]:
                body = line[2:] if line.startswith("- ") else line
                if body in by_kind[name]:
                    seen.add(by_kind[name][body])
                    continue
                if SUBHEAD.match(line) and len(line) < 120:
                    continue  # heading of a subsection
                if line.endswith(":"):
                    continue  # lead-in
                err(f"{f}: unlabelled line in {name}: {line[:70]}")
            missing = set(by_kind[name].values()) - seen
            for iid in sorted(missing):
                err(f"{f}: {iid} is not a whole line of the {name} section")
        nt, nr = len(by_kind["tasks"]), len(by_kind["results"])
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks (need 10-18)")
        if not (10 <= nr <= 18 or nr == 0):
            err(f"{f}: {nr} results (need 10-18)")

    def doc_of(iid):
        return docs[items[iid][1]["file"]]

    # ---- follow-through ----
    linked = set()
    ft_pairs = set()
    for l in gold["follow_through"]:
        t, r, s = l.get("task"), l.get("result"), l.get("status")
        if t not in items or items[t][0] != "tasks":
            err(f"follow_through: {t} is not a task")
            continue
        if r not in items or items[r][0] != "results":
            err(f"follow_through: {r} is not a result")
            continue
        if s not in STATUSES:
            err(f"follow_through {t}->{r}: status {s}")
        if (t, r) in ft_pairs:
            err(f"follow_through {t}->{r} twice")
        ft_pairs.add((t, r))
        dt, dr = doc_of(t), doc_of(r)
        if dt["unit"] != dr["unit"]:
            err(f"follow_through {t}->{r} crosses units")
        if dr["planned_period"] <= dt["planned_period"]:
            err(f"follow_through {t}->{r} not forward in time")
        if items[r][1]["period"] != items[t][1]["period"]:
            err(f"follow_through {t}->{r}: result reports {items[r][1]['period']}, task is for {items[t][1]['period']}")
        # the result must be in the first later document reporting the task's month
        later = sorted((d["planned_period"], f) for f, d in docs.items()
                       if d["unit"] == dt["unit"] and items[t][1]["period"] in d["reported_months"])
        if later and later[0][1] != items[r][1]["file"]:
            err(f"follow_through {t}->{r}: not in the first document reporting {items[t][1]['period']}")
        linked.add(t)
    # ---- carry-over ----
    carried = set()
    co_pairs = set()
    for l in gold["carry_over"]:
        a, b, k = l.get("from"), l.get("to"), l.get("kind")
        if a not in items or items[a][0] != "tasks" or b not in items or items[b][0] != "tasks":
            err(f"carry_over {a}->{b}: not tasks")
            continue
        if k not in KINDS:
            err(f"carry_over {a}->{b}: kind {k}")
        if (a, b) in co_pairs:
            err(f"carry_over {a}->{b} twice")
        co_pairs.add((a, b))
        da, db = doc_of(a), doc_of(b)
        if da["unit"] != db["unit"]:
            err(f"carry_over {a}->{b} crosses units")
        if db["planned_period"] <= da["planned_period"]:
            err(f"carry_over {a}->{b} not forward in time")
        carried.add(a)
    # ---- gaps ----
    last = {}
    for f, d in docs.items():
        if d["unit"] not in last or d["planned_period"] > last[d["unit"]]:
            last[d["unit"]] = d["planned_period"]
    expected = {iid for iid, (k, it) in items.items() if k == "tasks"
                and docs[it["file"]]["planned_period"] != last[docs[it["file"]]["unit"]]
                and iid not in linked and iid not in carried}
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        err("duplicate gap ids")
    for iid in sorted(got - expected):
        err(f"gap {iid} is linked, unknown or in a last document")
    for iid in sorted(expected - got):
        err(f"task {iid} has no link but is not listed as a gap")
    # ---- decoys ----
    for pair in decoys:
        if len(pair) != 2 or any(p not in items for p in pair):
            err(f"bad decoy pair {pair}")
            continue
        a, b = pair
        if doc_of(a)["unit"] == doc_of(b)["unit"]:
            err(f"decoy pair {pair} within one unit")
        if (a, b) in ft_pairs or (b, a) in ft_pairs or (a, b) in co_pairs or (b, a) in co_pairs:
            err(f"decoy pair {pair} is linked")
    if len({d["unit"] for d in docs.values()}) > 1 and not decoys:
        err("two units but no cross_unit_decoys")

    if errors:
        print("\n".join(errors))
        print(f"FAIL ({len(errors)} problems)")
        return 1
    print(f"OK: {len(docs)} documents, {sum(1 for k, _ in items.values() if k == 'tasks')} tasks, "
          f"{sum(1 for k, _ in items.values() if k == 'results')} results, "
          f"{len(gold['follow_through'])} follow-through, {len(gold['carry_over'])} carry-over, "
          f"{len(gold['gaps'])} gaps, {len(decoys)} decoys")
    return 0


if __name__ == "__main__":
    sys.exit(main())
