#!/usr/bin/env python3
"""Check gold.json of this folder against its documents.  Prints OK or the problems.

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / \\n line ends;
every item text an exact unique substring of its file, no overlaps; every bullet
or sentence of the results and tasks sections labelled (headings and lead-ins
skipped) and every item inside a section of its kind; task/result counts per
document; periods agree with the documents (titles, file names, section
headings); links inside one unit, forward in time, allowed statuses and kinds;
gaps exactly the unlinked tasks of non-last documents; decoys never linked
(cross_unit_decoys of gold.json and the near misses of decoys.json).

Usage: python3 check_gold.py [FOLDER]
"""
import json
import os
import re
import sys
import unicodedata

FOLDER = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))
errors = []


def err(msg):
    errors.append(msg)


MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
STATUSES = {"done", "partial", "progress"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
ROMAN = re.compile(r"^([IVX]+)\.\s+(.*)$")
SUBHEAD = re.compile(r"^(\d+|[a-zđ])[.)]\s+\S.*$")
DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")


def next_month(m):
    y, mo = int(m[:4]), int(m[5:])
    mo += 1
    if mo == 13:
        y, mo = y + 1, 1
    return "%04d-%02d" % (y, mo)


def main():
    path = os.path.join(FOLDER, "gold.json")
    try:
        with open(path, encoding="utf-8") as fh:
            gold = json.load(fh)
    except Exception as exc:  # noqa: BLE001
        print("cannot read gold.json: %s" % exc)
        return 1

    # ------------------------------------------------------------------ form
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, typ in need.items():
        if not isinstance(gold.get(k), typ):
            err("form: key %r missing or not a %s" % (k, typ.__name__))
    if errors:
        return report()
    extra = set(gold) - set(need) - {"cross_unit_decoys"}
    if extra:
        err("form: unexpected keys %s" % sorted(extra))
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list) or not all(isinstance(p, list) and len(p) == 2 for p in decoys):
        err("form: cross_unit_decoys must be a list of pairs")
        decoys = []

    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("form: document fields %s" % sorted(d))
            continue
        if d["file"] in docs:
            err("form: document %s listed twice" % d["file"])
        if not isinstance(d["unit"], str) or not d["unit"]:
            err("form: %s unit" % d["file"])
        if not isinstance(d["reported_months"], list) or not all(
                isinstance(m, str) and MONTH.match(m) for m in d["reported_months"]):
            err("form: %s reported_months" % d["file"])
        if d["planned_period"] is not None and not (
                isinstance(d["planned_period"], str) and MONTH.match(d["planned_period"])):
            err("form: %s planned_period" % d["file"])
        if not d["reported_months"] and d["planned_period"] is None:
            err("form: %s neither reports nor plans" % d["file"])
        docs[d["file"]] = d

    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err("form: %s item fields %s" % (kind, sorted(it)))
                continue
            if it["id"] in items:
                err("form: duplicate id %s" % it["id"])
            if it["file"] not in docs:
                err("form: %s names unknown file %s" % (it["id"], it["file"]))
            if not (isinstance(it["period"], str) and MONTH.match(it["period"])):
                err("form: %s period" % it["id"])
            if not isinstance(it["text"], str) or not it["text"].strip():
                err("form: %s empty text" % it["id"])
            it = dict(it, kind=kind[:-1])
            items[it["id"]] = it
    if errors:
        return report()

    # ----------------------------------------------------------- the files
    texts, dates = {}, {}
    listed = set(docs)
    present = {f for f in os.listdir(FOLDER) if f.endswith(".txt")}
    for f in sorted(present - listed):
        err("file %s in folder but not in gold.json" % f)
    for f in sorted(listed - present):
        err("file %s in gold.json but not in folder" % f)
    for f, d in docs.items():
        m = FNAME.match(f)
        if not m:
            err("file name %s is not <slug>_<YYYY-MM>.txt" % f)
            continue
        name_month = m.group(2)
        if d["planned_period"] is not None:
            want = d["planned_period"]
        else:
            want = next_month(max(d["reported_months"]))
        if name_month != want:
            err("file name %s: month should be %s" % (f, want))
        slug = m.group(1)
        if slug.endswith("-kh") and d["planned_period"] is None:
            err("%s: a plan (-kh) must plan a month" % f)
        if slug.endswith("-bc") and (d["planned_period"] is not None or not d["reported_months"]):
            err("%s: a report (-bc) reports and plans nothing" % f)
        p = os.path.join(FOLDER, f)
        if not os.path.exists(p):
            continue
        raw = open(p, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err("%s has a BOM" % f)
        if b"\r" in raw:
            err("%s has \\r" % f)
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            err("%s is not UTF-8" % f)
            continue
        if unicodedata.normalize("NFC", t) != t:
            err("%s is not NFC" % f)
        texts[f] = t
        # header
        if not re.search(r"^Số: \d+/(KH|BC)-UBND$", t, re.M):
            err("%s: no 'Số: n/KH-UBND' or 'Số: n/BC-UBND' line" % f)
        if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in t or "Độc lập - Tự do - Hạnh phúc" not in t:
            err("%s: no state motto" % f)
        if "Nơi nhận:" not in t:
            err("%s: no 'Nơi nhận'" % f)
        dm = DATE.search(t)
        if not dm:
            err("%s: no issue date" % f)
        else:
            dates[f] = (int(dm.group(3)), int(dm.group(2)), int(dm.group(1)))
        # title agrees with periods
        if d["planned_period"] is not None:
            y, mo = d["planned_period"].split("-")
            title = "KẾ HOẠCH\nCông tác tháng %d năm %s" % (int(mo), y)
            if title not in t:
                err("%s: title does not announce plan for %s" % (f, d["planned_period"]))
        if d["reported_months"]:
            ms = sorted(d["reported_months"])
            y = ms[0][:4]
            words = " và ".join("tháng %d" % int(x[5:]) for x in ms)
            title = "BÁO CÁO\nKết quả thực hiện nhiệm vụ %s năm %s" % (words, y)
            if title not in t:
                err("%s: title does not announce report on %s" % (f, ms))
    if errors:
        return report()

    # ------------------------------------------- substrings, uniqueness, overlaps
    spans = {f: [] for f in texts}
    for it in items.values():
        t = texts.get(it["file"])
        if t is None:
            continue
        n = t.count(it["text"])
        if n != 1:
            err("%s: text found %d times in %s" % (it["id"], n, it["file"]))
            continue
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err("%s: text not NFC" % it["id"])
        s = t.index(it["text"])
        e = s + len(it["text"])
        if "\n" in it["text"]:
            err("%s: item crosses a line end" % it["id"])
        spans[it["file"]].append((s, e, it["id"]))
    for f, sp in spans.items():
        sp.sort()
        for (s1, e1, a), (s2, e2, b) in zip(sp, sp[1:]):
            if s2 < e1:
                err("%s: items %s and %s overlap" % (f, a, b))

    # ---------------------------------------------------------- section coverage
    for f, t in texts.items():
        d = docs[f]
        sections = []  # (kind, month or None, start, end)
        pos = 0
        cur = None
        for line in t.split("\n"):
            ls, le = pos, pos + len(line)
            pos = le + 1
            m = ROMAN.match(line)
            if m:
                head = m.group(2)
                if cur:
                    sections.append(cur)
                kind = None
                if head.startswith("KẾT QUẢ"):
                    kind = "result"
                elif head.startswith("NHIỆM VỤ") or head.startswith("PHƯƠNG HƯỚNG"):
                    kind = "task"
                mm = re.search(r"THÁNG (\d{1,2})(?: NĂM (\d{4}))?", head)
                month = None
                if mm:
                    yr = mm.group(2) or (d["planned_period"] or d["reported_months"][0])[:4]
                    month = "%s-%02d" % (yr, int(mm.group(1)))
                cur = [kind, month, le + 1, None, []]
                continue
            if line.startswith("Trên đây là") or line.startswith("Nơi nhận:"):
                if cur:
                    sections.append(cur)
                    cur = None
                continue
            if cur is not None:
                cur[4].append((ls, le, line))
        if cur:
            sections.append(cur)
        kinds_present = {s[0] for s in sections}
        if d["planned_period"] is not None and "task" not in kinds_present:
            err("%s: plan without a tasks section" % f)
        if d["reported_months"] and "result" not in kinds_present:
            err("%s: report without a results section" % f)
        if d["planned_period"] is None and "task" in kinds_present:
            err("%s: report has a tasks section" % f)
        sp_by_pos = spans[f]
        in_section = {}
        for kind, month, _s, _e, lines in sections:
            if kind is None:
                continue
            for ls, le, line in lines:
                inside = [x for x in sp_by_pos if x[0] >= ls and x[1] <= le]
                for x in inside:
                    in_section[x[2]] = (kind, month)
                body = line.strip()
                if not body:
                    continue
                if SUBHEAD.match(body) and not body.endswith((".", ";")):
                    if inside:
                        err("%s: item inside a heading line: %s" % (f, body[:50]))
                    continue
                if body.endswith(":") and not inside:
                    continue  # lead-in
                rest = list(line)
                for s, e, _id in inside:
                    for k in range(s - ls, e - ls):
                        rest[k] = " "
                rest = "".join(rest)
                rest = re.sub(r"^\s*(-|\+|•|\(\d+\)|\d+\))(?=\s)", "", rest)
                if re.sub(r"[\s.;,]", "", rest):
                    err("%s: unlabelled text in %s section: %r" % (f, kind, rest.strip()[:70]))
        for s, e, iid in sp_by_pos:
            it = items[iid]
            where = in_section.get(iid)
            if where is None:
                err("%s: %s is outside the tasks/results sections" % (f, iid))
                continue
            if where[0] != it["kind"]:
                err("%s: %s (%s) lies in a %s section" % (f, iid, it["kind"], where[0]))
            if it["kind"] == "result" and where[1] and where[1] != it["period"]:
                err("%s: %s period %s but its section is on %s" % (f, iid, it["period"], where[1]))
            if it["kind"] == "task" and where[1] and where[1] != it["period"]:
                err("%s: %s period %s but its section plans %s" % (f, iid, it["period"], where[1]))

    # ------------------------------------------------------ counts and periods
    for f, d in docs.items():
        nt = sum(1 for i in items.values() if i["file"] == f and i["kind"] == "task")
        nr = sum(1 for i in items.values() if i["file"] == f and i["kind"] == "result")
        if d["planned_period"] is not None and not 10 <= nt <= 18:
            err("%s: %d tasks (want 10-18)" % (f, nt))
        if d["planned_period"] is None and nt:
            err("%s: a document that plans nothing has %d tasks" % (f, nt))
        if d["reported_months"] and not 10 <= nr <= 18:
            err("%s: %d results (want 10-18)" % (f, nr))
        if not d["reported_months"] and nr:
            err("%s: a document that reports nothing has %d results" % (f, nr))
    for it in items.values():
        d = docs[it["file"]]
        if it["kind"] == "task" and it["period"] != d["planned_period"]:
            err("%s: period %s but %s plans %s" % (it["id"], it["period"], it["file"], d["planned_period"]))
        if it["kind"] == "result" and it["period"] not in d["reported_months"]:
            err("%s: period %s not among %s of %s" % (it["id"], it["period"], d["reported_months"], it["file"]))

    # -------------------------------------------------------------------- links
    def unit(i):
        return docs[items[i]["file"]]["unit"]

    def later(a, b):  # document of b issued after document of a
        return dates[items[b]["file"]] > dates[items[a]["file"]]

    seen = set()
    linked = set()
    ft_pairs, co_pairs = set(), set()
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err("form: follow_through fields %s" % sorted(l))
            continue
        t, r, s = l["task"], l["result"], l["status"]
        if items.get(t, {}).get("kind") != "task" or items.get(r, {}).get("kind") != "result":
            err("follow_through %s -> %s: unknown task or result" % (t, r))
            continue
        if s not in STATUSES:
            err("follow_through %s -> %s: status %r" % (t, r, s))
        if ("ft", t, r) in seen:
            err("follow_through %s -> %s listed twice" % (t, r))
        seen.add(("ft", t, r))
        if unit(t) != unit(r):
            err("follow_through %s -> %s crosses units" % (t, r))
        if not later(t, r):
            err("follow_through %s -> %s not forward in time" % (t, r))
        if items[r]["period"] != items[t]["period"]:
            err("follow_through %s -> %s: result reports %s, task planned %s"
                % (t, r, items[r]["period"], items[t]["period"]))
        # first document of the unit that reports on the task's month
        first = sorted((dates[f], f) for f, d in docs.items()
                       if d["unit"] == unit(t) and items[t]["period"] in d["reported_months"]
                       and dates[f] > dates[items[t]["file"]])
        if first and first[0][1] != items[r]["file"]:
            err("follow_through %s -> %s: not in the first report on %s" % (t, r, items[t]["period"]))
        linked.add(t)
        ft_pairs.add((t, r))
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err("form: carry_over fields %s" % sorted(l))
            continue
        a, b, k = l["from"], l["to"], l["kind"]
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
            err("carry_over %s -> %s: unknown task" % (a, b))
            continue
        if k not in KINDS:
            err("carry_over %s -> %s: kind %r" % (a, b, k))
        if ("co", a, b) in seen:
            err("carry_over %s -> %s listed twice" % (a, b))
        seen.add(("co", a, b))
        if unit(a) != unit(b):
            err("carry_over %s -> %s crosses units" % (a, b))
        if not (items[b]["period"] > items[a]["period"] and later(a, b)):
            err("carry_over %s -> %s not forward in time" % (a, b))
        linked.add(a)
        co_pairs.add((a, b))

    # --------------------------------------------------------------------- gaps
    last = {}
    for f, d in docs.items():
        if d["unit"] not in last or dates[f] > dates[last[d["unit"]]]:
            last[d["unit"]] = f
    want = set()
    for i, it in items.items():
        if it["kind"] != "task":
            continue
        if it["file"] == last[docs[it["file"]]["unit"]]:
            continue
        reported_later = any(d["unit"] == docs[it["file"]]["unit"] and it["period"] in d["reported_months"]
                             and dates[f] > dates[it["file"]] for f, d in docs.items())
        if i not in linked and reported_later:
            want.add(i)
        if i not in linked and not reported_later:
            pass  # pending, not silent
    gaps = gold["gaps"]
    if len(set(gaps)) != len(gaps):
        err("gaps: duplicates")
    for g in gaps:
        if g not in items or items[g]["kind"] != "task":
            err("gaps: %s is not a task" % g)
    if set(gaps) != want:
        err("gaps: listed %s, unlinked tasks of non-last documents %s"
            % (sorted(set(gaps) - want), sorted(want - set(gaps))))

    # ------------------------------------------------------------------- decoys
    all_pairs = ft_pairs | co_pairs
    for a, b in decoys:
        if a not in items or b not in items:
            err("cross_unit_decoys: unknown id in %s" % [a, b])
            continue
        if unit(a) == unit(b):
            err("cross_unit_decoys: %s and %s are of the same unit" % (a, b))
        if (a, b) in all_pairs or (b, a) in all_pairs:
            err("cross_unit_decoys: %s and %s are linked" % (a, b))
    dpath = os.path.join(FOLDER, "decoys.json")
    if os.path.exists(dpath):
        near = json.load(open(dpath, encoding="utf-8")).get("near_miss_decoys", [])
        for a, b in near:
            if a not in items or b not in items:
                err("near_miss_decoys: unknown id in %s" % [a, b])
                continue
            if (a, b) in all_pairs or (b, a) in all_pairs:
                err("near_miss_decoys: %s and %s are linked" % (a, b))
            for x in (a, b):
                if any(x in p for p in all_pairs) and items[x]["kind"] == "result":
                    err("near_miss_decoys: decoy result %s is linked to something" % x)
    return report()


def report():
    if errors:
        for e in errors:
            print("ERROR:", e)
        print("%d problem(s)" % len(errors))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
