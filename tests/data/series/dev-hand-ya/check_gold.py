#!/usr/bin/env python3
"""Check gold.json of this series against its documents. Prints OK or the problems."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
problems = []


def bad(msg):
    problems.append(msg)


MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
RES_HEAD = re.compile(r"^(MỤC A|PHẦN 1)\b")
LIM_HEAD = re.compile(r"^(MỤC B|PHẦN 2)\b")
TASK_HEAD = re.compile(r"^(MỤC C|PHẦN 3)\b")
END_HEAD = re.compile(r"^(MỤC D|PHẦN 4)\b")
BULLET = re.compile(r"^(•|–|-|\(\d+\)|V\d+\.)\s+")
SUBHEAD = re.compile(r"^A\d+\.\s")
MONTH_LABEL = re.compile(r"^Tháng (\d{1,2}):$")


def load():
    try:
        with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
            return json.load(f)
    except Exception as e:  # noqa
        print("cannot read gold.json:", e)
        sys.exit(1)


def check_form(g):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            bad("form: %s missing or not a %s" % (k, t.__name__))
    if "cross_unit_decoys" in g and not isinstance(g["cross_unit_decoys"], list):
        bad("form: cross_unit_decoys not a list")
    extra = set(g) - set(need) - {"cross_unit_decoys"}
    if extra:
        bad("form: unknown keys %s" % sorted(extra))
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            bad("form: document keys %s" % sorted(d))
        if not isinstance(d.get("reported_months"), list) or not all(
                isinstance(m, str) and MONTH.match(m) for m in d.get("reported_months", [])):
            bad("form: reported_months of %s" % d.get("file"))
        if not (isinstance(d.get("planned_period"), str) and MONTH.match(d["planned_period"])):
            bad("form: planned_period of %s" % d.get("file"))
    for key in ("tasks", "results"):
        for it in g.get(key, []):
            if set(it) != {"id", "file", "period", "text"} or not all(isinstance(v, str) for v in it.values()):
                bad("form: %s item %s" % (key, it))
            elif not MONTH.match(it["period"]):
                bad("form: period of %s" % it["id"])
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            bad("form: follow_through %s" % l)
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            bad("form: carry_over %s" % l)


def main():
    g = load()
    check_form(g)
    if problems:
        finish()
    docs = {d["file"]: d for d in g["documents"]}
    if len(docs) != len(g["documents"]):
        bad("documents: duplicate file")
    texts = {}
    # ---------------------------------------------------------------- files
    listed = set(docs)
    on_disk = {n for n in os.listdir(HERE) if n.endswith(".txt")}
    if listed != on_disk:
        bad("files: listed %s vs on disk %s" % (sorted(listed - on_disk), sorted(on_disk - listed)))
    for fn, d in docs.items():
        m = FNAME.match(fn)
        if not m:
            bad("file name %s" % fn)
            continue
        if m.group(2) != d["planned_period"]:
            bad("file name month %s != planned %s" % (fn, d["planned_period"]))
        if not all(r < d["planned_period"] for r in d["reported_months"]):
            bad("%s: a reported month is not before the planned month" % fn)
        try:
            raw = open(os.path.join(HERE, fn), "rb").read()
        except OSError:
            bad("missing file %s" % fn)
            continue
        if raw.startswith(b"\xef\xbb\xbf"):
            bad("%s: BOM" % fn)
        if b"\r" in raw:
            bad("%s: CR line ends" % fn)
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            bad("%s: not UTF-8" % fn)
            continue
        if unicodedata.normalize("NFC", t) != t:
            bad("%s: not NFC" % fn)
        texts[fn] = t
        # issue date belongs to the planned month (or the last reported one)
        dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
        if not dm:
            bad("%s: no date line" % fn)
        else:
            ym = "%s-%02d" % (dm.group(3), int(dm.group(2)))
            if ym not in [d["planned_period"]] + d["reported_months"][-1:]:
                bad("%s: date %s outside its period" % (fn, ym))
        if not re.search(r"^Số: \d+/", t, re.M):
            bad("%s: no 'Số' line" % fn)
    # units: slug constant per unit
    unit_docs = {}
    for fn, d in docs.items():
        unit_docs.setdefault(d["unit"], []).append(fn)
    for u, fns in unit_docs.items():
        fns.sort(key=lambda f: docs[f]["planned_period"])
        if len({FNAME.match(f).group(1) for f in fns if FNAME.match(f)}) != 1:
            bad("unit %s has several slugs" % u)
        # every month between first reported and last planned is covered exactly once
        seen = []
        for f in fns:
            seen += docs[f]["reported_months"]
        if len(seen) != len(set(seen)):
            bad("unit %s: a month reported twice" % u)
    # ---------------------------------------------------------------- items
    items = {}
    spans = {fn: [] for fn in texts}
    for kind in ("tasks", "results"):
        for it in g[kind]:
            if it["id"] in items:
                bad("duplicate id %s" % it["id"])
            items[it["id"]] = (kind, it)
            fn = it["file"]
            if fn not in texts:
                bad("%s: unknown file %s" % (it["id"], fn))
                continue
            t, s = texts[fn], it["text"]
            if not s.strip() or s != s.strip():
                bad("%s: empty or padded text" % it["id"])
            n = t.count(s)
            if n != 1:
                bad("%s: text found %d times in %s" % (it["id"], n, fn))
                continue
            if any(m.group(1).isupper() for m in re.finditer(r"[.!?]\s+(\w)", s)):
                bad("%s: looks like two sentences" % it["id"])
            a = t.index(s)
            spans[fn].append((a, a + len(s), it["id"], kind))
            d = docs[fn]
            if kind == "tasks" and it["period"] != d["planned_period"]:
                bad("%s: period %s != planned %s" % (it["id"], it["period"], d["planned_period"]))
            if kind == "results" and it["period"] not in d["reported_months"]:
                bad("%s: period %s not reported in %s" % (it["id"], it["period"], fn))
    for fn, sp in spans.items():
        sp.sort()
        for x, y in zip(sp, sp[1:]):
            if y[0] < x[1]:
                bad("%s: %s overlaps %s" % (fn, x[2], y[2]))
    # ---------------------------------------------------------------- sections
    for fn, t in texts.items():
        lines, pos = [], 0
        for ln in t.split("\n"):
            lines.append((pos, ln))
            pos += len(ln) + 1
        section, cur_month = None, None
        sec_of = {}
        d = docs[fn]
        heads = {"res": None, "task": None}
        for start, ln in lines:
            s = ln.strip()
            if RES_HEAD.match(s):
                section, heads["res"] = "res", s
                cur_month = None
                continue
            if LIM_HEAD.match(s):
                section = "lim"
                continue
            if TASK_HEAD.match(s):
                section, heads["task"] = "task", s
                continue
            if END_HEAD.match(s):
                section = None
                continue
            if section not in ("res", "task") or not s:
                continue
            ml = MONTH_LABEL.match(s)
            if ml:
                cur_month = int(ml.group(1))
                continue
            if SUBHEAD.match(s) or s.endswith(":"):
                continue  # heading or lead-in
            off = start + (len(ln) - len(ln.lstrip()))
            bm = BULLET.match(ln.lstrip())
            if bm:
                off += bm.end()
            end = start + len(ln.rstrip())
            covered = [False] * (end - off)
            for a, b, iid, kind in spans[fn]:
                if b <= off or a >= end:
                    continue
                if a < off or b > end:
                    bad("%s: %s runs past its line" % (fn, iid))
                for i in range(max(a, off), min(b, end)):
                    covered[i - off] = True
                want = "results" if section == "res" else "tasks"
                if kind != want:
                    bad("%s: %s lies in the wrong section" % (fn, iid))
                sec_of[iid] = section
                if kind == "results":
                    per = items[iid][1]["period"]
                    if cur_month is not None and int(per[5:]) != cur_month:
                        bad("%s: %s period %s under 'Tháng %d:'" % (fn, iid, per, cur_month))
                    if cur_month is None and len(d["reported_months"]) != 1:
                        bad("%s: %s outside a month label in a multi-month notice" % (fn, iid))
            rest = "".join(c for c, k in zip(t[off:end], covered) if not k)
            if rest.strip():
                bad("%s: unlabelled text in %s section: %r" % (fn, section, rest.strip()[:80]))
        for a, b, iid, kind in spans[fn]:
            if iid not in sec_of:
                bad("%s: %s not inside its section" % (fn, iid))
        # headings name the months
        if heads["task"] is None or ("THÁNG %d" % int(d["planned_period"][5:])) not in heads["task"]:
            bad("%s: task heading does not name month %s" % (fn, d["planned_period"]))
        if d["reported_months"]:
            if heads["res"] is None:
                bad("%s: no results heading" % fn)
            else:
                for m in d["reported_months"]:
                    mm = int(m[5:])
                    if ("THÁNG %d" % mm) not in heads["res"] and ("THÁNG %02d" % mm) not in heads["res"]:
                        bad("%s: results heading does not name month %s" % (fn, m))
    # ---------------------------------------------------------------- counts
    for fn, d in docs.items():
        nt = sum(1 for it in g["tasks"] if it["file"] == fn)
        nr = sum(1 for it in g["results"] if it["file"] == fn)
        if not 10 <= nt <= 18:
            bad("%s: %d tasks" % (fn, nt))
        if d["reported_months"]:
            if not 10 <= nr <= 18:
                bad("%s: %d results" % (fn, nr))
            for m in d["reported_months"]:
                if not any(it["file"] == fn and it["period"] == m for it in g["results"]):
                    bad("%s: no result for reported month %s" % (fn, m))
        elif nr:
            bad("%s: results but no reported month" % fn)
    # ---------------------------------------------------------------- links
    def doc_of(iid):
        return docs[items[iid][1]["file"]]

    def first_reporting(unit, month):
        for f in unit_docs[unit]:
            if month in docs[f]["reported_months"]:
                return f
        return None

    seen = set()
    linked = set()
    for l in g["follow_through"]:
        t, r, st = l["task"], l["result"], l["status"]
        if (t, r) in seen:
            bad("duplicate follow_through %s" % l)
        seen.add((t, r))
        if items.get(t, ("",))[0] != "tasks" or items.get(r, ("",))[0] != "results":
            bad("follow_through ids %s" % l)
            continue
        if st not in STATUSES:
            bad("status %s" % l)
        dt, dr = doc_of(t), doc_of(r)
        if dt["unit"] != dr["unit"]:
            bad("follow_through across units %s" % l)
        if not dr["planned_period"] > dt["planned_period"]:
            bad("follow_through not forward %s" % l)
        tp, rp = items[t][1]["period"], items[r][1]["period"]
        if rp < tp:
            bad("follow_through result period before task period %s" % l)
        if first_reporting(dt["unit"], tp) != items[r][1]["file"]:
            bad("follow_through %s: result not in the first notice reporting on %s" % (l, tp))
        linked.add(t)
    seen = set()
    for l in g["carry_over"]:
        a, b, k = l["from"], l["to"], l["kind"]
        if (a, b) in seen:
            bad("duplicate carry_over %s" % l)
        seen.add((a, b))
        if items.get(a, ("",))[0] != "tasks" or items.get(b, ("",))[0] != "tasks":
            bad("carry_over ids %s" % l)
            continue
        if k not in KINDS:
            bad("kind %s" % l)
        da, db = doc_of(a), doc_of(b)
        if da["unit"] != db["unit"]:
            bad("carry_over across units %s" % l)
        if not db["planned_period"] > da["planned_period"]:
            bad("carry_over not forward %s" % l)
        linked.add(a)
    # ---------------------------------------------------------------- gaps
    want = set()
    for it in g["tasks"]:
        d = docs[it["file"]]
        if it["file"] != unit_docs[d["unit"]][-1] and it["id"] not in linked:
            want.add(it["id"])
    got = set(g["gaps"])
    if len(got) != len(g["gaps"]):
        bad("gaps: duplicates")
    if got != want:
        bad("gaps: missing %s, extra %s" % (sorted(want - got), sorted(got - want)))
    # ---------------------------------------------------------------- decoys
    pairs = {(l["task"], l["result"]) for l in g["follow_through"]} | {
        (l["from"], l["to"]) for l in g["carry_over"]}
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
            bad("decoy form %s" % p)
            continue
        if doc_of(p[0])["unit"] == doc_of(p[1])["unit"]:
            bad("decoy within one unit %s" % p)
        if (p[0], p[1]) in pairs or (p[1], p[0]) in pairs:
            bad("decoy linked %s" % p)
    if len(unit_docs) > 1 and not g.get("cross_unit_decoys"):
        bad("two units but no cross_unit_decoys")
    finish()


def finish():
    if problems:
        for p in problems:
            print("PROBLEM:", p)
        sys.exit(1)
    print("OK")
    sys.exit(0)


if __name__ == "__main__":
    main()
