#!/usr/bin/env python3
"""Check gold.json of the hand-bv series against its documents.  Prints OK or the problems.

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / \\n line ends; every item
text an exact unique substring of its file and no two items overlapping; every sentence or
bullet of the results and tasks sections labelled (headings and lead-ins skipped); 10-18
tasks and 10-18 results per document; periods agree with the documents; links within one
unit and forward in time; allowed statuses and kinds; gaps exactly the unlinked tasks of
documents that are not their unit's last; decoys cross-unit and never linked.
"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}

# section headings: numbered or lettered lines without a final period
HEAD = re.compile(r"^(PHẦN\s+[IVX]+\.|[IVX]+\.|[A-D]\.|\d+\.|[a-zđ]\))\s+\S")
BULLET = re.compile(r"^(-|\+|•|\(\d+\)|\d+(?:\.\d+)*\.|[a-zđ]\))\s+")
CLOSING = re.compile(r"^(Trên đây|Giao |Ban Thường vụ Đảng ủy giao|Nơi nhận|Yêu cầu )")


def section_of(line):
    low = line.lower()
    if "hạn chế" in low or "tồn tại" in low:
        return "limits"
    if "kết quả" in low:
        return "results"
    if "nhiệm vụ" in low or "phương hướng" in low:
        return "tasks"
    return None


def sentences(s):
    out, start = [], 0
    for i, ch in enumerate(s):
        if ch in ".!?" and i + 2 <= len(s) - 1 and s[i + 1] == " " and (s[i + 2].isupper() or s[i + 2].isdigit()):
            out.append(s[start:i + 1])
            start = i + 2
    out.append(s[start:])
    return [x.strip() for x in out if x.strip()]


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa
        print("FAIL: cannot read gold.json:", e)
        return 1

    # ---------------- form
    need = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps"}
    for k in need:
        if k not in gold:
            err(f"gold.json lacks {k}")
    extra = set(gold) - need - {"cross_unit_decoys"}
    if extra:
        err(f"unknown keys {sorted(extra)}")
    if errors:
        return report()
    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document keys {sorted(d)}")
            continue
        if not MONTH.match(d["planned_period"]):
            err(f"{d['file']}: bad planned_period {d['planned_period']}")
        if not isinstance(d["reported_months"], list) or not all(MONTH.match(m) for m in d["reported_months"]):
            err(f"{d['file']}: bad reported_months")
        if d["file"] in docs:
            err(f"duplicate document {d['file']}")
        docs[d["file"]] = d
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{kind} item keys {sorted(it)}")
                continue
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            if it["file"] not in docs:
                err(f"{it['id']}: unknown file {it['file']}")
            if not MONTH.match(it["period"]):
                err(f"{it['id']}: bad period")
            if not it["text"] or it["text"] != it["text"].strip():
                err(f"{it['id']}: empty or padded text")
            items[it["id"]] = dict(it, kind=kind)
    for f in gold["follow_through"]:
        if set(f) != {"task", "result", "status"}:
            err(f"follow_through keys {sorted(f)}")
    for c in gold["carry_over"]:
        if set(c) != {"from", "to", "kind"}:
            err(f"carry_over keys {sorted(c)}")
    if not isinstance(gold["gaps"], list):
        err("gaps is not a list")
    for p in gold.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2):
            err(f"bad decoy pair {p}")
    if errors:
        return report()

    # ---------------- files, encoding
    on_disk = sorted(x for x in os.listdir(HERE) if x.endswith(".txt"))
    if sorted(docs) != on_disk:
        err(f"documents {sorted(docs)} != .txt files {on_disk}")
    texts = {}
    for fn, d in docs.items():
        m = FNAME.match(fn)
        if not m:
            err(f"bad file name {fn}")
        elif m.group(2) != d["planned_period"]:
            err(f"{fn}: name month != planned_period {d['planned_period']}")
        b = open(os.path.join(HERE, fn), "rb").read()
        if b.startswith(b"\xef\xbb\xbf"):
            err(f"{fn}: BOM")
        if b"\r" in b:
            err(f"{fn}: CR in line ends")
        try:
            t = b.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{fn}: not UTF-8 ({e})")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{fn}: not NFC")
        texts[fn] = t
    units = {}
    for d in docs.values():
        units.setdefault(d["unit"], []).append(d)
    if len(units) == 2 and "cross_unit_decoys" not in gold:
        err("two units but no cross_unit_decoys")
    for u, ds in units.items():
        ds.sort(key=lambda d: d["planned_period"])
        slugs = {FNAME.match(d["file"]).group(1) for d in ds if FNAME.match(d["file"])}
        if len(slugs) != 1:
            err(f"unit {u} uses several slugs {slugs}")
        for a, b in zip(ds, ds[1:]):
            if a["planned_period"] >= b["planned_period"]:
                err(f"{u}: planned periods not increasing")
            for m in b["reported_months"]:
                if m > b["planned_period"] or m < a["planned_period"]:
                    err(f"{b['file']}: reported month {m} outside ({a['planned_period']}..{b['planned_period']})")
    last_of_unit = {u: ds[-1]["file"] for u, ds in units.items()}
    order = {d["file"]: i for ds in units.values() for i, d in enumerate(ds)}

    # ---------------- substrings, overlaps, periods, counts
    spans = {fn: [] for fn in docs}
    for iid, it in items.items():
        t = texts.get(it["file"])
        if t is None:
            continue
        n = t.count(it["text"])
        if n != 1:
            err(f"{iid}: text occurs {n} times in {it['file']}")
            continue
        s = t.index(it["text"])
        spans[it["file"]].append((s, s + len(it["text"]), iid))
        d = docs[it["file"]]
        if it["kind"] == "tasks" and it["period"] != d["planned_period"]:
            err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
        if it["kind"] == "results" and it["period"] not in d["reported_months"]:
            err(f"{iid}: period {it['period']} not reported by {it['file']}")
        m = re.match(r"^([AB])-([TR])(\d{2})-\d{2}$", iid)
        if not m or m.group(3) != d["planned_period"][5:] or (m.group(2) == "T") != (it["kind"] == "tasks"):
            err(f"{iid}: id does not match its file/kind")
    for fn, sp in spans.items():
        sp.sort()
        for (a0, a1, ai), (b0, b1, bi) in zip(sp, sp[1:]):
            if b0 < a1:
                err(f"{fn}: {ai} overlaps {bi}")
        nt = sum(1 for *_, i in sp if items[i]["kind"] == "tasks")
        nr = sum(1 for *_, i in sp if items[i]["kind"] == "results")
        if not 10 <= nt <= 18:
            err(f"{fn}: {nt} tasks")
        if not (10 <= nr <= 18 or nr == 0):
            err(f"{fn}: {nr} results")

    # ---------------- every sentence / bullet of the sections labelled
    for fn, t in texts.items():
        by_text = {items[i]["text"]: i for *_, i in spans[fn]}
        seen = set()
        state = None
        for ln, line in enumerate(t.split("\n"), 1):
            s = line.strip()
            if not s:
                continue
            if CLOSING.match(s):
                state = "end"
                continue
            if state == "end":
                continue
            if HEAD.match(s) and not s.endswith((".", ";", ":")) and len(s) < 160:
                sec = section_of(s)
                if sec:
                    state = sec
                continue
            if state not in ("results", "tasks"):
                continue
            if s.endswith(":"):
                continue  # lead-in
            body = BULLET.sub("", s, count=1)
            for sen in sentences(body):
                core = sen.rstrip(".;").rstrip()
                if core.endswith("./"):
                    core = core[:-2]
                iid = by_text.get(core)
                if iid is None:
                    err(f"{fn}:{ln}: unlabelled sentence in {state}: {core[:70]!r}")
                    continue
                want = "tasks" if state == "tasks" else "results"
                if items[iid]["kind"] != want:
                    err(f"{fn}:{ln}: {iid} is a {items[iid]['kind'][:-1]} but sits in the {state} section")
                seen.add(iid)
        for *_, i in spans[fn]:
            if i not in seen:
                err(f"{fn}: {i} not found as a whole sentence/bullet of its section")

    # ---------------- links
    def unit_of(i):
        return docs[items[i]["file"]]["unit"]

    linked_task = set()
    pairs = set()
    ft_seen = set()
    for f in gold["follow_through"]:
        t, r, st = f["task"], f["result"], f["status"]
        if t not in items or r not in items:
            err(f"follow_through unknown id {t} {r}")
            continue
        if items[t]["kind"] != "tasks" or items[r]["kind"] != "results":
            err(f"follow_through {t}->{r}: wrong kinds")
        if st not in STATUSES:
            err(f"follow_through {t}->{r}: status {st}")
        if unit_of(t) != unit_of(r):
            err(f"follow_through {t}->{r} crosses units")
            continue
        if (t, r) in ft_seen:
            err(f"duplicate follow_through {t}->{r}")
        ft_seen.add((t, r))
        ft, fr = items[t]["file"], items[r]["file"]
        if order[fr] <= order[ft]:
            err(f"follow_through {t}->{r} not forward")
        if items[r]["period"] < items[t]["period"]:
            err(f"follow_through {t}->{r}: result period before task period")
        first = next((d["file"] for d in units[unit_of(t)]
                      if order[d["file"]] > order[ft] and items[t]["period"] in d["reported_months"]), None)
        if fr != first:
            err(f"follow_through {t}->{r}: {fr} is not the first document reporting {items[t]['period']} ({first})")
        linked_task.add(t)
        pairs.add(frozenset((t, r)))
    co_seen = set()
    for c in gold["carry_over"]:
        a, b, k = c["from"], c["to"], c["kind"]
        if a not in items or b not in items:
            err(f"carry_over unknown id {a} {b}")
            continue
        if items[a]["kind"] != "tasks" or items[b]["kind"] != "tasks":
            err(f"carry_over {a}->{b}: not task->task")
        if k not in KINDS:
            err(f"carry_over {a}->{b}: kind {k}")
        if unit_of(a) != unit_of(b):
            err(f"carry_over {a}->{b} crosses units")
            continue
        if (a, b) in co_seen:
            err(f"duplicate carry_over {a}->{b}")
        co_seen.add((a, b))
        if items[b]["period"] <= items[a]["period"] or order[items[b]["file"]] <= order[items[a]["file"]]:
            err(f"carry_over {a}->{b} not forward")
        linked_task.add(a)
        pairs.add(frozenset((a, b)))
    splits = {}
    for c in gold["carry_over"]:
        if c["kind"] == "split":
            splits.setdefault(c["from"], []).append(c["to"])
    for a, tos in splits.items():
        if len(tos) < 2:
            err(f"split {a} has only one part")

    # ---------------- gaps
    want_gaps = {i for i, it in items.items() if it["kind"] == "tasks"
                 and it["file"] != last_of_unit[docs[it["file"]]["unit"]] and i not in linked_task}
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        err("duplicate gap ids")
    for i in sorted(got - want_gaps):
        err(f"gap {i} is linked, unknown or in a last document")
    for i in sorted(want_gaps - got):
        err(f"unlinked task {i} missing from gaps")

    # ---------------- decoys
    dseen = set()
    for a, b in gold.get("cross_unit_decoys", []):
        if a not in items or b not in items:
            err(f"decoy unknown id {a} {b}")
            continue
        if unit_of(a) == unit_of(b):
            err(f"decoy {a} {b} within one unit")
        if frozenset((a, b)) in pairs:
            err(f"decoy {a} {b} is linked")
        if frozenset((a, b)) in dseen:
            err(f"duplicate decoy {a} {b}")
        dseen.add(frozenset((a, b)))
    return report()


def report():
    if errors:
        for e in errors:
            print("FAIL:", e)
        print(f"{len(errors)} problem(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
