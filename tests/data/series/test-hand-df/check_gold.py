#!/usr/bin/env python3
"""Check gold.json of the hand-df series against its documents.  Prints OK or the faults.

Reads only gold.json and the .txt files beside it (not the _src marks).
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
FAULTS = []


def fault(msg):
    FAULTS.append(msg)


NAME_RE = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
RES_HEAD = re.compile(r"^I\.\s+TÌNH HÌNH, KẾT QUẢ.*$", re.M)
TASK_HEAD = re.compile(r"^II\.\s+NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM.*$", re.M)
ORG_HEAD = re.compile(r"^III\.\s+TỔ CHỨC THỰC HIỆN\s*$", re.M)
SUB_HEAD = re.compile(r"^\d+\.\s+\S.*[^.]$")
ENUM = ["Một là", "Hai là", "Ba là", "Bốn là", "Năm là", "Sáu là", "Bảy là", "Tám là",
        "Chín là", "Mười là"]


def months_in(line):
    year = re.search(r"(20\d\d)", line)
    ms = re.findall(r"THÁNG\s+(\d{1,2})", line.upper())
    if not year:
        return []
    return ["%s-%02d" % (year.group(1), int(m)) for m in ms]


def main():
    gpath = os.path.join(HERE, "gold.json")
    try:
        with open(gpath, encoding="utf-8") as f:
            gold = json.load(f)
    except Exception as e:  # noqa
        print("FAIL: cannot read gold.json:", e)
        return 1

    # ------------------------------------------------------------- form
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list, "cross_unit_decoys": list}
    for k, t in need.items():
        if not isinstance(gold.get(k), t):
            fault(f"gold.json: key {k} missing or not a {t.__name__}")
    extra = set(gold) - set(need)
    if extra:
        fault(f"gold.json: unknown keys {sorted(extra)}")
    if FAULTS:
        return report()
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            fault(f"document entry keys wrong: {d}")
    for coll in ("tasks", "results"):
        for it in gold[coll]:
            if set(it) != {"id", "file", "period", "text"}:
                fault(f"{coll} entry keys wrong: {it.get('id')}")
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            fault(f"follow_through entry keys wrong: {l}")
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            fault(f"carry_over entry keys wrong: {l}")
    for p in gold["cross_unit_decoys"]:
        if not (isinstance(p, list) and len(p) == 2):
            fault(f"decoy not a pair: {p}")
    if FAULTS:
        return report()

    # ---------------------------------------------------------- documents
    docs = {}
    texts = {}
    for d in gold["documents"]:
        fn = d["file"]
        if fn in docs:
            fault(f"{fn}: listed twice")
        docs[fn] = d
        m = NAME_RE.match(fn)
        if not m:
            fault(f"{fn}: bad file name")
            continue
        if m.group(1) != d["planned_period"]:
            fault(f"{fn}: name month {m.group(1)} != planned_period {d['planned_period']}")
        path = os.path.join(HERE, fn)
        if not os.path.isfile(path):
            fault(f"{fn}: missing")
            continue
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            fault(f"{fn}: BOM")
        if b"\r" in raw:
            fault(f"{fn}: CR line ends")
        try:
            txt = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            fault(f"{fn}: not UTF-8: {e}")
            continue
        if unicodedata.normalize("NFC", txt) != txt:
            fault(f"{fn}: not NFC")
        if not txt.endswith("\n"):
            fault(f"{fn}: no final newline")
        texts[fn] = txt
        # header and frame of the Party genre
        head = txt[:400]
        if "ĐẢNG CỘNG SẢN VIỆT NAM" not in head:
            fault(f"{fn}: no 'ĐẢNG CỘNG SẢN VIỆT NAM' in header")
        if not re.search(r"^Số:?\s+\d+-NQ/ĐU", head, re.M):
            fault(f"{fn}: no 'Số ...-NQ/ĐU' line in header")
        dm = re.search(r",\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", head)
        if not dm:
            fault(f"{fn}: no place and date in header")
        else:
            issued = "%s-%02d" % (dm.group(3), int(dm.group(2)))
            if not issued < d["planned_period"]:
                fault(f"{fn}: issued {issued} not before planned month")
            if d["reported_months"] and issued < max(d["reported_months"]):
                fault(f"{fn}: issued {issued} before reported month")
        tm = re.search(r"^về lãnh đạo thực hiện nhiệm vụ tháng (\d{1,2}) năm (\d{4})\s*$",
                       txt, re.M | re.I)
        if not tm or "%s-%02d" % (tm.group(2), int(tm.group(1))) != d["planned_period"]:
            fault(f"{fn}: title month does not match planned_period")
        for must in ("NGHỊ QUYẾT", "Nơi nhận:", "T/M ĐẢNG ỦY"):
            if must not in txt:
                fault(f"{fn}: '{must}' missing")
    listed = set(docs)
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
    if on_disk - listed:
        fault(f"documents on disk not in gold.json: {sorted(on_disk - listed)}")

    # ----------------------------------------------------------- sections
    sections = {}
    for fn, txt in texts.items():
        d = docs[fn]
        r = RES_HEAD.search(txt)
        t = TASK_HEAD.search(txt)
        o = ORG_HEAD.search(txt)
        if not (t and o and t.start() < o.start()):
            fault(f"{fn}: task section or 'III. TỔ CHỨC THỰC HIỆN' missing")
            continue
        if d["reported_months"]:
            if not (r and r.start() < t.start()):
                fault(f"{fn}: results section missing")
                continue
            if months_in(r.group(0)) != d["reported_months"]:
                fault(f"{fn}: results heading months {months_in(r.group(0))} != "
                      f"{d['reported_months']}")
            res_span = (r.end(), t.start())
        else:
            res_span = None
        if months_in(t.group(0)) != [d["planned_period"]]:
            fault(f"{fn}: tasks heading months {months_in(t.group(0))} != planned")
        sections[fn] = {"results": res_span, "tasks": (t.end(), o.start())}

    # -------------------------------------------------------------- items
    items = {}
    spans = {}
    for coll, kind in (("tasks", "task"), ("results", "result")):
        for it in gold[coll]:
            iid = it["id"]
            if iid in items:
                fault(f"{iid}: duplicate id")
                continue
            fn = it["file"]
            if fn not in texts:
                fault(f"{iid}: unknown or unreadable file {fn}")
                continue
            d = docs[fn]
            txt = texts[fn]
            text = it["text"]
            if not text or text != text.strip():
                fault(f"{iid}: empty text or outer whitespace")
            if unicodedata.normalize("NFC", text) != text:
                fault(f"{iid}: text not NFC")
            n = txt.count(text)
            if n != 1:
                fault(f"{iid}: text found {n} times in {fn}")
                continue
            start = txt.index(text)
            end = start + len(text)
            if kind == "task":
                if it["period"] != d["planned_period"]:
                    fault(f"{iid}: period {it['period']} != planned {d['planned_period']}")
            else:
                if it["period"] not in d["reported_months"]:
                    fault(f"{iid}: period {it['period']} not reported by {fn}")
            sec = sections.get(fn, {}).get(kind + "s")
            if not sec or not (sec[0] <= start and end <= sec[1]):
                fault(f"{iid}: not inside the {kind}s section of {fn}")
            # one sentence: starts with a capital, ends with '.', no inner boundary
            if not text[0].isupper():
                fault(f"{iid}: does not start with a capital letter")
            if not text.endswith("."):
                fault(f"{iid}: does not end with '.'")
            if re.search(r"[.!?]\s+\S", text[:-1]):
                fault(f"{iid}: holds more than one sentence")
            if "\n" in text:
                fault(f"{iid}: crosses a line")
            items[iid] = dict(it, kind=kind, start=start, end=end,
                              unit=d["unit"], planned=d["planned_period"])
            spans.setdefault(fn, []).append((start, end, iid))

    for fn, lst in spans.items():
        lst.sort()
        for (s1, e1, a), (s2, e2, b) in zip(lst, lst[1:]):
            if s2 < e1:
                fault(f"{fn}: items {a} and {b} overlap")

    # --------------------------------------- every sentence of the sections
    for fn, sec in sections.items():
        txt = texts[fn]
        covered = [False] * len(txt)
        for s, e, _ in spans.get(fn, []):
            for i in range(s, e):
                covered[i] = True
        for kind in ("results", "tasks"):
            span = sec[kind]
            if not span:
                continue
            pos = span[0]
            in_limits = False
            for line in txt[span[0]:span[1]].split("\n"):
                lstart = pos
                pos += len(line) + 1
                s = line.strip()
                if not s:
                    continue
                if kind == "results" and SUB_HEAD.match(s):
                    in_limits = ("Hạn chế" in s) or ("Nguyên nhân" in s)
                    continue
                if in_limits:
                    continue  # limitations and their causes are not results
                if s.endswith(":") and not any(covered[lstart:lstart + len(line)]):
                    continue  # lead-in sentence
                rest = "".join(ch for i, ch in enumerate(line) if not covered[lstart + i])
                if rest.strip():
                    fault(f"{fn}: unlabelled text in {kind}: {rest.strip()[:70]!r}")
                if kind == "tasks" and not any(s.startswith(e + ",") for e in ENUM):
                    fault(f"{fn}: task paragraph not enumerated 'Một là, ...': {s[:40]!r}")

    # ------------------------------------------------------------- counts
    for fn, d in docs.items():
        nt = sum(1 for i in items.values() if i["file"] == fn and i["kind"] == "task")
        nr = sum(1 for i in items.values() if i["file"] == fn and i["kind"] == "result")
        if not 10 <= nt <= 18:
            fault(f"{fn}: {nt} tasks (want 10-18)")
        if d["reported_months"]:
            if not 10 <= nr <= 18:
                fault(f"{fn}: {nr} results (want 10-18)")
        elif nr:
            fault(f"{fn}: results in a document that reports nothing")

    # --------------------------------------------------------------- units
    unit_docs = {}
    for fn, d in docs.items():
        unit_docs.setdefault(d["unit"], []).append(d)
    for u in unit_docs:
        unit_docs[u].sort(key=lambda d: d["planned_period"])
        ps = [d["planned_period"] for d in unit_docs[u]]
        if len(set(ps)) != len(ps):
            fault(f"{u}: two documents plan the same month")
    last_doc = {u: ds[-1]["file"] for u, ds in unit_docs.items()}

    def first_reporting(unit, month, after):
        for d in unit_docs[unit]:
            if d["planned_period"] > after and month in d["reported_months"]:
                return d["file"]
        return None

    # -------------------------------------------------------------- links
    ft_pairs = set()
    for l in gold["follow_through"]:
        t, r, st = l["task"], l["result"], l["status"]
        if (t, r) in ft_pairs:
            fault(f"follow_through {t}->{r} twice")
        ft_pairs.add((t, r))
        if st not in STATUSES:
            fault(f"follow_through {t}->{r}: status {st!r}")
        if items.get(t, {}).get("kind") != "task" or items.get(r, {}).get("kind") != "result":
            fault(f"follow_through {t}->{r}: not task->result")
            continue
        ti, ri = items[t], items[r]
        if ti["unit"] != ri["unit"]:
            fault(f"follow_through {t}->{r}: crosses units")
        if not ri["planned"] > ti["planned"]:
            fault(f"follow_through {t}->{r}: not forward in time")
        if ri["period"] != ti["period"]:
            fault(f"follow_through {t}->{r}: result reports {ri['period']}, task is for "
                  f"{ti['period']}")
        fr = first_reporting(ti["unit"], ti["period"], ti["planned"])
        if fr != ri["file"]:
            fault(f"follow_through {t}->{r}: not in the first document reporting "
                  f"{ti['period']} ({fr})")
    co_pairs = set()
    for l in gold["carry_over"]:
        a, b, k = l["from"], l["to"], l["kind"]
        if (a, b) in co_pairs:
            fault(f"carry_over {a}->{b} twice")
        co_pairs.add((a, b))
        if k not in KINDS:
            fault(f"carry_over {a}->{b}: kind {k!r}")
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
            fault(f"carry_over {a}->{b}: not task->task")
            continue
        if items[a]["unit"] != items[b]["unit"]:
            fault(f"carry_over {a}->{b}: crosses units")
        if not items[b]["planned"] > items[a]["planned"]:
            fault(f"carry_over {a}->{b}: not forward in time")
    split_from = {}
    for l in gold["carry_over"]:
        if l["kind"] == "split":
            split_from.setdefault(l["from"], []).append(l["to"])
    for a, tos in split_from.items():
        if len(tos) < 2:
            fault(f"carry_over split from {a} has one part only")

    # --------------------------------------------------------------- gaps
    linked = {t for t, _ in ft_pairs} | {a for a, _ in co_pairs}
    want = sorted(i for i, it in items.items()
                  if it["kind"] == "task" and it["file"] != last_doc[it["unit"]]
                  and i not in linked)
    given = gold["gaps"]
    if len(set(given)) != len(given):
        fault("gaps: duplicates")
    if sorted(set(given)) != want:
        fault(f"gaps differ: missing {sorted(set(want) - set(given))}, "
              f"extra {sorted(set(given) - set(want))}")

    # ------------------------------------------------------------- decoys
    all_links = ft_pairs | co_pairs
    units = set(unit_docs)
    if len(units) == 2 and not gold["cross_unit_decoys"]:
        fault("two units but no cross_unit_decoys")
    seen = set()
    for a, b in gold["cross_unit_decoys"]:
        if a not in items or b not in items:
            fault(f"decoy {a},{b}: unknown id")
            continue
        if items[a]["unit"] == items[b]["unit"]:
            fault(f"decoy {a},{b}: same unit")
        if (a, b) in all_links or (b, a) in all_links:
            fault(f"decoy {a},{b}: linked")
        key = frozenset((a, b))
        if key in seen:
            fault(f"decoy {a},{b}: twice")
        seen.add(key)

    return report()


def report():
    if FAULTS:
        for f in FAULTS:
            print("FAIL:", f)
        print(f"{len(FAULTS)} fault(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
