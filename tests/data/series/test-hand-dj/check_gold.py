#!/usr/bin/env python3
"""Check gold.json of the hand-dj series against its documents.  Prints OK."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def main():
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)

    # ---- form
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)]:
        if not isinstance(gold.get(key), typ):
            err(f"form: '{key}' missing or not a {typ.__name__}")
    if errors:
        return
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"form: document keys {sorted(d)}")
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"form: {kind} item keys {sorted(it)}")
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err(f"form: follow_through keys {sorted(l)}")
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err(f"form: carry_over keys {sorted(l)}")
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list) or any(not (isinstance(p, list) and len(p) == 2) for p in decoys):
        err("form: cross_unit_decoys must be a list of pairs")

    # ---- documents, names, encoding
    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        err("documents: duplicate file")
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if on_disk != sorted(docs):
        err(f"documents: files on disk {on_disk} != gold {sorted(docs)}")
    texts = {}
    month_re = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
    for fn, d in docs.items():
        m = re.fullmatch(r"([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt", fn)
        if not m:
            err(f"{fn}: bad file name")
            continue
        if m.group(2) != d["planned_period"]:
            err(f"{fn}: name month != planned_period {d['planned_period']}")
        for p in d["reported_months"] + [d["planned_period"]]:
            if not month_re.match(p):
                err(f"{fn}: bad month {p}")
        if not all(p < d["planned_period"] for p in d["reported_months"]):
            err(f"{fn}: a reported month is not before the planned period")
        raw = open(os.path.join(HERE, fn), "rb").read()
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
        texts[fn] = t
        # genre header pieces
        for piece in ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY PHƯỜNG", "THÔNG BÁO", "Nơi nhận", "T/M BAN THƯỜNG VỤ"):
            if piece not in t:
                err(f"{fn}: header/closing piece missing: {piece}")
        if not re.search(r"^Số \d+-TB/ĐU", t, re.M):
            err(f"{fn}: no 'Số ...-TB/ĐU'")
        dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
        if not dm:
            err(f"{fn}: no date")

    # ---- items
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            items[it["id"]] = dict(it, kind=kind)
            if it["file"] not in docs:
                err(f"{it['id']}: unknown file {it['file']}")
    spans = {fn: [] for fn in texts}
    for iid, it in items.items():
        t = texts.get(it["file"])
        if t is None:
            continue
        if not it["text"].strip():
            err(f"{iid}: empty text")
            continue
        n = t.count(it["text"])
        if n != 1:
            err(f"{iid}: text found {n} times in {it['file']}")
            continue
        s = t.index(it["text"])
        spans[it["file"]].append((s, s + len(it["text"]), iid))
        if re.search(r"[.!?]\s+\S", it["text"]):
            err(f"{iid}: more than one sentence in one item")
    for fn, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err(f"{fn}: items {a[2]} and {b[2]} overlap")

    # ---- sections: every bullet labelled, headings/lead-ins skipped
    for fn, t in texts.items():
        d = docs[fn]
        lines = t.split("\n")
        def find(prefix):
            for i, l in enumerate(lines):
                if l.startswith(prefix):
                    return i
            return None
        i1 = find("I. KẾT QUẢ")
        i2 = find("II. HẠN CHẾ")
        i3 = find("III. NHIỆM VỤ TRỌNG TÂM")
        i4 = find("Nơi nhận")
        if None in (i1, i2, i3, i4) or not (i1 < i2 < i3 < i4):
            err(f"{fn}: sections I/II/III/Nơi nhận not found in order")
            continue
        # headings agree with periods
        rep = sorted(int(x) for x in re.findall(r"THÁNG (\d+)", lines[i1]))
        if rep != sorted(int(p[5:]) for p in d["reported_months"]):
            err(f"{fn}: section I heading months {rep} != reported_months")
        pl = re.findall(r"THÁNG (\d+) NĂM (\d{4})", lines[i3])
        if pl != [(str(int(d["planned_period"][5:])), d["planned_period"][:4])]:
            err(f"{fn}: section III heading {lines[i3]!r} != planned_period")
        res_ids = {it["id"]: it for it in gold["results"] if it["file"] == fn}
        task_ids = {it["id"]: it for it in gold["tasks"] if it["file"] == fn}
        res_text = {it["text"]: iid for iid, it in res_ids.items()}
        task_text = {it["text"]: iid for iid, it in task_ids.items()}
        seen_r, seen_t = set(), set()
        for l in lines[i1 + 1:i2]:
            if l.startswith("- "):
                body = l[2:]
                if body not in res_text:
                    err(f"{fn}: unlabelled result bullet: {body[:60]}")
                else:
                    seen_r.add(res_text[body])
            elif l.strip() and not re.match(r"^\d+\. ", l) and not l.endswith(":"):
                err(f"{fn}: stray line in results section: {l[:60]}")
        for l in lines[i3 + 1:i4]:
            m = re.match(r"^([a-zđ])\) (.*)$", l)
            if m:
                body = m.group(2)
                if body not in task_text:
                    err(f"{fn}: unlabelled task bullet: {body[:60]}")
                else:
                    seen_t.add(task_text[body])
            elif l.startswith("- "):
                err(f"{fn}: dash bullet in task section: {l[:60]}")
        for iid in set(res_ids) - seen_r:
            err(f"{iid}: result not a bullet of section I")
        for iid in set(task_ids) - seen_t:
            err(f"{iid}: task not a lettered item of section III")
        # counts
        nt, nr = len(task_ids), len(res_ids)
        if not 10 <= nt <= 18:
            err(f"{fn}: {nt} tasks (want 10-18)")
        if not (nr == 0 or 10 <= nr <= 18):
            err(f"{fn}: {nr} results (want 10-18)")
        # periods of items
        for it in task_ids.values():
            if it["period"] != d["planned_period"]:
                err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
        for it in res_ids.values():
            if it["period"] not in d["reported_months"]:
                err(f"{it['id']}: period {it['period']} not in reported {d['reported_months']}")
            if len(d["reported_months"]) > 1:
                m = re.match(r"Tháng (\d+):", it["text"])
                if m and it["period"][5:] != "%02d" % int(m.group(1)):
                    err(f"{it['id']}: tagged 'Tháng {m.group(1)}' but period {it['period']}")

    # ---- links
    def doc_of(iid):
        return docs[items[iid]["file"]]
    ft_pairs, co_pairs = set(), set()
    has_link = set()
    for l in gold["follow_through"]:
        t, r = l["task"], l["result"]
        if t not in items or items[t]["kind"] != "tasks":
            err(f"follow_through: {t} not a task"); continue
        if r not in items or items[r]["kind"] != "results":
            err(f"follow_through: {r} not a result"); continue
        if l["status"] not in ("done", "partial"):
            err(f"follow_through {t}->{r}: status {l['status']}")
        if doc_of(t)["unit"] != doc_of(r)["unit"]:
            err(f"follow_through {t}->{r}: across units")
        if not doc_of(r)["planned_period"] > doc_of(t)["planned_period"]:
            err(f"follow_through {t}->{r}: not forward")
        if items[r]["period"] < items[t]["period"]:
            err(f"follow_through {t}->{r}: result reports a month before the task's")
        # the first later document of the unit that reports on the task's month
        later = sorted((d for d in docs.values() if d["unit"] == doc_of(t)["unit"]
                        and items[t]["period"] in d["reported_months"]),
                       key=lambda d: d["planned_period"])
        if later and later[0]["file"] != items[r]["file"]:
            err(f"follow_through {t}->{r}: not in the first document reporting {items[t]['period']}")
        if (t, r) in ft_pairs:
            err(f"follow_through {t}->{r}: duplicate")
        ft_pairs.add((t, r)); has_link.add(t)
    for l in gold["carry_over"]:
        a, b = l["from"], l["to"]
        if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks":
            err(f"carry_over {a}->{b}: not tasks"); continue
        if l["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
            err(f"carry_over {a}->{b}: kind {l['kind']}")
        if doc_of(a)["unit"] != doc_of(b)["unit"]:
            err(f"carry_over {a}->{b}: across units")
        if not doc_of(b)["planned_period"] > doc_of(a)["planned_period"]:
            err(f"carry_over {a}->{b}: not forward")
        if (a, b) in co_pairs:
            err(f"carry_over {a}->{b}: duplicate")
        co_pairs.add((a, b)); has_link.add(a)
    splits = {}
    for l in gold["carry_over"]:
        if l["kind"] == "split":
            splits.setdefault(l["from"], []).append(l["to"])
    for a, tos in splits.items():
        if len(tos) < 2:
            err(f"carry_over split from {a} has only one part")

    # ---- gaps
    last = {}
    for d in docs.values():
        if d["unit"] not in last or d["planned_period"] > last[d["unit"]]:
            last[d["unit"]] = d["planned_period"]
    expected = set()
    for it in gold["tasks"]:
        d = docs[it["file"]]
        if d["planned_period"] != last[d["unit"]] and it["id"] not in has_link:
            expected.add(it["id"])
    if len(set(gold["gaps"])) != len(gold["gaps"]):
        err("gaps: duplicates")
    if set(gold["gaps"]) != expected:
        err(f"gaps: listed-not-expected {sorted(set(gold['gaps']) - expected)}, "
            f"expected-not-listed {sorted(expected - set(gold['gaps']))}")

    # ---- decoys
    pairs = list(decoys)
    p = os.path.join(HERE, "_src", "decoys_in_unit.json")
    if os.path.exists(p):
        pairs += json.load(open(p, encoding="utf-8"))
    for a, b in pairs:
        if a not in items or b not in items:
            err(f"decoy {a},{b}: unknown id"); continue
        for x, y in ((a, b), (b, a)):
            if (x, y) in ft_pairs or (x, y) in co_pairs:
                err(f"decoy {a},{b} is linked")
    for a, b in decoys:
        if doc_of(a)["unit"] == doc_of(b)["unit"]:
            err(f"cross_unit_decoy {a},{b}: same unit")


if __name__ == "__main__":
    main()
    if errors:
        for e in errors:
            print("ERROR:", e)
        sys.exit(1)
    print("OK")
