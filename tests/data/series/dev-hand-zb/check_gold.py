#!/usr/bin/env python3
"""Check gold.json of the hand-zb series against its documents. Prints OK or the errors.

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / \\n; every item text an
exact unique substring of its file, no overlaps; every bullet or sentence of the result and
task sections labelled (headings, lead-ins, limitations and closing skipped), each item one
bullet or one sentence, task items only in task sections and result items only in result
sections; task/result counts per document; periods agree with the documents; links within
one unit and forward in time; statuses and kinds allowed; gaps exactly the unlinked tasks of
documents that are not their unit's last; decoys across units, near-identical, never linked.
"""
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ERRORS = []


def err(msg):
    ERRORS.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FILE_RE = re.compile(r"^[a-z0-9-]+_(\d{4})-(\d{2})\.txt$")
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

# --- layouts of the two offices -------------------------------------------
# Each layout maps a whole line (stripped) to a section mode.
#   tasks / results / limit / other ; None = heading line that keeps the mode.
LAYOUTS = {
    "tan-khe": {
        "switch": [
            (re.compile(r"^PHẦN MỘT\. BẢNG VIỆC THÁNG \d{1,2}/\d{4}$"), "tasks"),
            (re.compile(r"^PHẦN HAI\. SOI LẠI THÁNG \d{1,2}/\d{4}$"), "other"),
            (re.compile(r"^Việc đã về đích:$"), "results"),
            (re.compile(r"^Việc còn dở dang:$"), "results"),
            (re.compile(r"^Điểm còn vướng:$"), "limit"),
            (re.compile(r"^PHẦN BA\. ĐIỀU HÀNH$"), "other"),
            (re.compile(r"^Nơi nhận:$"), "other"),
        ],
        "heading": re.compile(r"^Khối \d - "),
        "bullet": {"tasks": re.compile(r"^\[\d\d\] "), "results": re.compile(r"^\+ ")},
        "prose": set(),
    },
    "dong-lieu": {
        "switch": [
            (re.compile(r"^MẢNG \d\. [A-ZÀ-Ỹ ,]+$"), "other"),
            (re.compile(r"^Việc đã chạy được:$"), "results"),
            (re.compile(r"^Chỗ còn chưa ổn:$"), "limit"),
            (re.compile(r"^Sẽ làm trong tháng \d{1,2}:$"), "tasks"),
            (re.compile(r"^PHÂN CÔNG THEO DÕI$"), "other"),
            (re.compile(r"^Nơi nhận:$"), "other"),
        ],
        "heading": None,
        "bullet": {"tasks": re.compile(r"^– ")},
        "prose": {"results"},
    },
}

SENT_BOUNDARY = re.compile(r"[.!?…][\"”’)]?\s+(?=\S)")


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return set(re.findall(r"[a-z0-9]+", s))


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa
        print("cannot read gold.json:", e)
        sys.exit(1)

    # ---------------------------------------------------------------- form
    need = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
    if set(gold) != need:
        err("top-level keys %s" % sorted(set(gold) ^ need))
    for d in gold.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("document keys %s" % d)
    for key in ("tasks", "results"):
        for it in gold.get(key, []):
            if set(it) != {"id", "file", "period", "text"} or not all(isinstance(it[k], str) and it[k] for k in it):
                err("%s item form %s" % (key, it))
    for f in gold["follow_through"]:
        if set(f) != {"task", "result", "status"}:
            err("follow_through form %s" % f)
        if f.get("status") not in STATUSES:
            err("bad status %s" % f)
    for c in gold["carry_over"]:
        if set(c) != {"from", "to", "kind"}:
            err("carry_over form %s" % c)
        if c.get("kind") not in KINDS:
            err("bad kind %s" % c)
    if not all(isinstance(g, str) for g in gold["gaps"]):
        err("gaps must be ids")
    if not all(isinstance(p, list) and len(p) == 2 for p in gold["cross_unit_decoys"]):
        err("decoys must be pairs")

    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        err("duplicate document rows")

    # ---------------------------------------------------- files and texts
    texts = {}
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
    if on_disk != set(docs):
        err("txt files vs documents differ: %s" % sorted(on_disk ^ set(docs)))
    for fn, d in docs.items():
        m = FILE_RE.match(fn)
        if not m:
            err("bad file name %s" % fn)
            continue
        if "%s-%s" % m.groups() != d["planned_period"]:
            err("%s: name month != planned_period %s" % (fn, d["planned_period"]))
        raw = open(os.path.join(HERE, fn), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err("%s has BOM" % fn)
        if b"\r" in raw:
            err("%s has CR" % fn)
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            err("%s not UTF-8" % fn)
            continue
        if unicodedata.normalize("NFC", t) != t:
            err("%s not NFC" % fn)
        for must in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: ", "Nơi nhận:", "(đã ký)"):
            if must not in t:
                err("%s lacks header/closing part %r" % (fn, must))
        texts[fn] = t
        for mo in d["reported_months"] + [d["planned_period"]]:
            if not MONTH_RE.match(mo):
                err("%s bad month %s" % (fn, mo))

    # ------------------------------------------------------------- items
    items = {}
    spans = defaultdict(list)  # file -> (start, end, id, kind)
    for kind, key in (("T", "tasks"), ("R", "results")):
        for it in gold[key]:
            iid = it["id"]
            if iid in items:
                err("duplicate id %s" % iid)
            items[iid] = dict(it, kind=kind)
            t = texts.get(it["file"])
            if t is None:
                err("%s: unknown file %s" % (iid, it["file"]))
                continue
            if unicodedata.normalize("NFC", it["text"]) != it["text"]:
                err("%s text not NFC" % iid)
            n = t.count(it["text"])
            if n != 1:
                err("%s: text occurs %d times in %s" % (iid, n, it["file"]))
                continue
            s = t.index(it["text"])
            spans[it["file"]].append((s, s + len(it["text"]), iid, kind))
            if it["text"] != it["text"].strip() or "\n" in it["text"]:
                err("%s: text has edge spaces or a line break" % iid)
    for fn, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err("overlap %s / %s" % (a[2], b[2]))

    # -------------------------------------------------- section coverage
    for fn, t in texts.items():
        slug = fn.split("_")[0]
        lay = LAYOUTS.get(slug)
        if not lay:
            err("%s: no layout known for unit slug %s" % (fn, slug))
            continue
        mode = "other"
        pos = 0
        used = set()
        sp = spans.get(fn, [])
        for line in t.split("\n"):
            start = pos
            pos += len(line) + 1
            s = line.strip()
            if not s:
                continue
            switched = False
            for rx, m in lay["switch"]:
                if rx.match(s):
                    mode, switched = m, True
                    break
            if switched:
                continue
            if lay["heading"] is not None and lay["heading"].match(s):
                continue
            here = [x for x in sp if x[0] >= start and x[1] <= start + len(line)]
            if mode not in ("tasks", "results"):
                for x in here:
                    err("%s: item %s outside task/result sections" % (fn, x[2]))
                continue
            if s.endswith(":"):
                if here:
                    err("%s: lead-in line holds items: %r" % (fn, s[:60]))
                continue  # lead-in
            want = "T" if mode == "tasks" else "R"
            body_start = start + (len(line) - len(line.lstrip()))
            if mode in lay["prose"]:
                pass
            else:
                bx = lay["bullet"].get(mode)
                m = bx.match(line.lstrip()) if bx else None
                if not m:
                    err("%s: unexpected line in %s section: %r" % (fn, mode, s[:60]))
                    continue
                body_start += m.end()
            body_end = start + len(line.rstrip())
            cur = body_start
            for x in here:
                used.add(x[2])
                if x[3] != want:
                    err("%s: %s item %s in %s section" % (fn, x[3], x[2], mode))
                if t[cur:x[0]].strip():
                    err("%s: unlabelled text %r" % (fn, t[cur:x[0]][:60]))
                cur = x[1]
                inner = t[x[0]:x[1]]
                if SENT_BOUNDARY.search(inner):
                    err("%s: item %s holds more than one sentence" % (fn, x[2]))
                if not re.search(r"[.!?]$", inner):
                    err("%s: item %s does not end a sentence" % (fn, x[2]))
            if t[cur:body_end].strip():
                err("%s: unlabelled text %r" % (fn, t[cur:body_end][:60]))
            if mode not in lay["prose"] and len(here) != 1:
                err("%s: bullet must be exactly one item: %r" % (fn, s[:60]))
        for x in sp:
            if x[2] not in used:
                err("%s: item %s not found inside a section line" % (fn, x[2]))

    # --------------------------------------------------- counts, periods
    per_doc = defaultdict(lambda: {"T": 0, "R": 0})
    for iid, it in items.items():
        d = docs.get(it["file"])
        if not d:
            continue
        per_doc[it["file"]][it["kind"]] += 1
        mm = iid.split("-")[1][1:]
        if it["period"][-2:] != mm:
            err("%s: id month and period %s differ" % (iid, it["period"]))
        if it["kind"] == "T" and it["period"] != d["planned_period"]:
            err("%s: task period %s != planned %s" % (iid, it["period"], d["planned_period"]))
        if it["kind"] == "R" and it["period"] not in d["reported_months"]:
            err("%s: result period %s not reported in %s" % (iid, it["period"], it["file"]))
    for fn in docs:
        c = per_doc[fn]
        if not 10 <= c["T"] <= 18:
            err("%s: %d tasks" % (fn, c["T"]))
        if not (10 <= c["R"] <= 18 or (c["R"] == 0 and not docs[fn]["reported_months"])):
            err("%s: %d results" % (fn, c["R"]))

    def ym(s):
        y, m = s.split("-")
        return int(y) * 12 + int(m) - 1

    def unm(n):
        return "%04d-%02d" % (n // 12, n % 12 + 1)

    units = defaultdict(list)
    for fn, d in docs.items():
        units[d["unit"]].append(d)
    for u, ds in units.items():
        ds.sort(key=lambda d: d["planned_period"])
        for i, d in enumerate(ds):
            rm = d["reported_months"]
            if rm != sorted(rm) or (rm and rm[-1] != unm(ym(d["planned_period"]) - 1)):
                err("%s: reported months %s do not end the month before %s" % (d["file"], rm, d["planned_period"]))
            if rm and any(ym(b) - ym(a) != 1 for a, b in zip(rm, rm[1:])):
                err("%s: reported months not consecutive" % d["file"])
            if i > 0 and rm and rm[0] != ds[i - 1]["planned_period"]:
                err("%s: reports from %s but previous plan was %s" % (d["file"], rm[0], ds[i - 1]["planned_period"]))
            t = texts.get(d["file"], "")
            mnum = int(d["planned_period"][-2:])
            if not re.search(r"tháng 0?%d\b" % mnum, t):
                err("%s: planned month not named in the text" % d["file"])

    unit_of = {iid: docs[it["file"]]["unit"] for iid, it in items.items() if it["file"] in docs}
    last_doc = {u: ds[-1]["file"] for u, ds in units.items()}

    # -------------------------------------------------------------- links
    pairs = set()
    linked = set()
    seen_ft = set()
    for f in gold["follow_through"]:
        t, r = items.get(f["task"]), items.get(f["result"])
        if not t or t["kind"] != "T" or not r or r["kind"] != "R":
            err("follow_through ids %s" % f)
            continue
        key = (f["task"], f["result"])
        if key in seen_ft:
            err("duplicate follow_through %s" % (key,))
        seen_ft.add(key)
        if unit_of[f["task"]] != unit_of[f["result"]]:
            err("follow_through across units %s" % (key,))
        if ym(r["period"]) < ym(t["period"]):
            err("follow_through backward %s" % (key,))
        td, rd = docs[t["file"]], docs[r["file"]]
        if rd["planned_period"] <= td["planned_period"]:
            err("follow_through not in a later document %s" % (key,))
        later = [d for d in units[td["unit"]] if d["planned_period"] > td["planned_period"] and t["period"] in d["reported_months"]]
        if not later or later[0]["file"] != r["file"]:
            err("follow_through %s not in the first document reporting on %s" % (key, t["period"]))
        pairs.add(frozenset(key))
        linked.add(f["task"])
    seen_co = set()
    for c in gold["carry_over"]:
        a, b = items.get(c["from"]), items.get(c["to"])
        if not a or a["kind"] != "T" or not b or b["kind"] != "T":
            err("carry_over ids %s" % c)
            continue
        key = (c["from"], c["to"])
        if key in seen_co:
            err("duplicate carry_over %s" % (key,))
        seen_co.add(key)
        if unit_of[c["from"]] != unit_of[c["to"]]:
            err("carry_over across units %s" % (key,))
        if ym(b["period"]) <= ym(a["period"]):
            err("carry_over not forward %s" % (key,))
        pairs.add(frozenset(key))
        linked.add(c["from"])

    # --------------------------------------------------------------- gaps
    want_gaps = {iid for iid, it in items.items()
                 if it["kind"] == "T" and iid not in linked and it["file"] != last_doc[unit_of[iid]]}
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        err("duplicate gaps")
    if got != want_gaps:
        err("gaps differ: missing %s, extra %s" % (sorted(want_gaps - got), sorted(got - want_gaps)))
    for iid in linked:
        if items[iid]["file"] == last_doc[unit_of[iid]]:
            err("task of a unit's last document has an outgoing link: %s" % iid)

    # ------------------------------------------------------------- decoys
    decoys = gold["cross_unit_decoys"]
    if len(units) == 2 and len(decoys) < 12:
        err("fewer than 12 cross-unit decoys")
    seen_d = set()
    for p in decoys:
        a, b = p
        if a not in items or b not in items:
            err("decoy ids %s" % p)
            continue
        if frozenset(p) in seen_d:
            err("duplicate decoy %s" % p)
        seen_d.add(frozenset(p))
        if unit_of[a] == unit_of[b]:
            err("decoy within one unit %s" % p)
        if frozenset(p) in pairs:
            err("decoy linked %s" % p)
        wa, wb = fold(items[a]["text"]), fold(items[b]["text"])
        sim = len(wa & wb) / max(1, min(len(wa), len(wb)))
        if sim < 0.5:
            err("decoy %s not near-identical (overlap %.2f)" % (p, sim))

    if ERRORS:
        for e in ERRORS:
            print("ERROR:", e)
        print("%d error(s)" % len(ERRORS))
        sys.exit(1)
    print("OK: %d documents, %d tasks, %d results, %d follow-through, %d carry-over, %d gaps, %d decoys"
          % (len(docs), len(gold["tasks"]), len(gold["results"]), len(gold["follow_through"]),
             len(gold["carry_over"]), len(gold["gaps"]), len(decoys)))


if __name__ == "__main__":
    main()
