#!/usr/bin/env python3
"""Check gold.json of the hand-ze series against its documents.  Prints OK or
the list of problems.  Run from anywhere:  python3 check_gold.py"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
problems = []


def bad(msg):
    problems.append(msg)


MONTH_WORD = {1: "Giêng", 2: "Hai", 3: "Ba", 4: "Tư", 5: "Năm", 6: "Sáu", 7: "Bảy",
              8: "Tám", 9: "Chín", 10: "Mười", 11: "Mười Một", 12: "Mười Hai"}

# Layout of each office: section openers, sub-headings, bullet markers.
LAYOUT = {
    "vinh-loc": {
        "results": r"^MỘT\. ", "limits": r"^HAI\. ", "tasks": r"^BA\. ", "end": r"^BỐN\. ",
        "heading": r"^(\([a-zđ]\) .*|Tháng (Giêng|Hai|Ba|Tư|Năm|Sáu|Bảy|Tám|Chín|Mười)( Một| Hai)?)$",
        "bullet": r"^\(\d+\) ",
    },
    "an-khanh": {
        "results": r"^PHẦN THỨ NHẤT – ", "limits": r"^PHẦN THỨ HAI – ", "tasks": r"^PHẦN THỨ BA – ",
        "end": r"^PHẦN THỨ TƯ – ",
        "heading": r"^\d/ .*$",
        "bullet": r"^(\+ |\d{2}\. )",
    },
}

STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")


def ym(s):
    y, m = s.split("-")
    return int(y) * 12 + int(m) - 1


def main():
    gpath = os.path.join(HERE, "gold.json")
    try:
        raw = open(gpath, "rb").read()
        gold = json.loads(raw.decode("utf-8"))
    except Exception as e:  # noqa
        print("cannot read gold.json:", e)
        sys.exit(1)

    # ------------------------------------------------------------ form
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list, "cross_unit_decoys": list}
    for k, t in need.items():
        if not isinstance(gold.get(k), t):
            bad("gold.json: key %r missing or not a %s" % (k, t.__name__))
    if problems:
        report()
    for k in gold:
        if k not in need:
            bad("gold.json: unexpected key %r" % k)
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            bad("document fields: %r" % d)
    for coll in ("tasks", "results"):
        for it in gold[coll]:
            if set(it) != {"id", "file", "period", "text"} or not all(isinstance(it[x], str) for x in it):
                bad("%s fields: %r" % (coll, it))
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            bad("follow_through fields: %r" % l)
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            bad("carry_over fields: %r" % l)
    for p in gold["cross_unit_decoys"]:
        if not (isinstance(p, list) and len(p) == 2):
            bad("decoy not a pair: %r" % p)
    if problems:
        report()

    # ------------------------------------------------------- documents
    docs = {}
    slug_unit = {}
    for d in gold["documents"]:
        f = d["file"]
        m = FNAME.match(f)
        if not m:
            bad("bad file name %s" % f)
            continue
        if f in docs:
            bad("document listed twice %s" % f)
        slug, y, mo = m.group(1), m.group(2), m.group(3)
        if d["planned_period"] != "%s-%s" % (y, mo):
            bad("%s: planned_period %s does not match the name" % (f, d["planned_period"]))
        if slug_unit.setdefault(slug, d["unit"]) != d["unit"]:
            bad("%s: slug %s has two units" % (f, slug))
        for rm in d["reported_months"]:
            if not re.match(r"^\d{4}-\d{2}$", rm) or ym(rm) >= ym(d["planned_period"]):
                bad("%s: reported month %s not before planned period" % (f, rm))
        path = os.path.join(HERE, f)
        if not os.path.isfile(path):
            bad("missing file %s" % f)
            continue
        b = open(path, "rb").read()
        if b.startswith(b"\xef\xbb\xbf"):
            bad("%s: BOM" % f)
        if b"\r" in b:
            bad("%s: CR line ends" % f)
        try:
            text = b.decode("utf-8")
        except UnicodeDecodeError:
            bad("%s: not UTF-8" % f)
            continue
        if unicodedata.normalize("NFC", text) != text:
            bad("%s: not NFC" % f)
        docs[f] = dict(d, slug=slug, text=text)
    on_disk = {x for x in os.listdir(HERE) if x.endswith(".txt")}
    for x in on_disk - set(docs):
        bad("document on disk not in gold.json: %s" % x)
    if len(slug_unit) != len(set(slug_unit.values())):
        bad("two slugs share one unit")

    # each document: header, date, title, headings agree with the periods
    for f, d in docs.items():
        t = d["text"]
        py, pm = map(int, d["planned_period"].split("-"))
        if not re.search(r"^Số:? \d+", t, re.M):
            bad("%s: no 'Số' line" % f)
        if "Nơi nhận:" not in t:
            bad("%s: no 'Nơi nhận'" % f)
        dm = re.search(r"^[^\n,]+, ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$", t, re.M)
        if not dm:
            bad("%s: no place-and-date line" % f)
        else:
            issued = int(dm.group(3)) * 12 + int(dm.group(2)) - 1
            last_rep = max(ym(x) for x in d["reported_months"])
            if not (last_rep <= issued < ym(d["planned_period"])):
                bad("%s: issued %s/%s not in the last reported month" % (f, dm.group(2), dm.group(3)))
        if d["slug"] == "vinh-loc":
            if "ĐẢNG CỘNG SẢN VIỆT NAM" not in t:
                bad("%s: Party header missing" % f)
            if "trong tháng %s năm %d" % (MONTH_WORD[pm], py) not in t:
                bad("%s: title does not name the planned month" % f)
            head = re.search(r"^MỘT\. NHÌN LẠI (.*)$", t, re.M)
            want = " VÀ ".join("THÁNG " + MONTH_WORD[int(x[5:])].upper() for x in d["reported_months"])
            if not head or head.group(1) != want:
                bad("%s: results heading does not match reported months" % f)
        else:
            if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in t or "Độc lập - Tự do - Hạnh phúc" not in t:
                bad("%s: state header missing" % f)
            if "lịch việc tháng %02d năm %d" % (pm, py) not in t:
                bad("%s: title does not name the planned month" % f)
            if len(d["reported_months"]) != 1:
                bad("%s: this office reports one month" % f)
            else:
                rm = int(d["reported_months"][0][5:])
                if not re.search(r"^PHẦN THỨ NHẤT – SỔ VIỆC THÁNG %02d$" % rm, t, re.M):
                    bad("%s: results heading does not match reported month" % f)

    # ------------------------------------------------------------ items
    items = {}
    spans = {f: [] for f in docs}
    for coll, kind in (("tasks", "task"), ("results", "result")):
        for it in gold[coll]:
            iid = it["id"]
            if iid in items:
                bad("duplicate id %s" % iid)
                continue
            f = it["file"]
            if f not in docs:
                bad("%s: unknown file %s" % (iid, f))
                continue
            text = it["text"]
            if not text.strip() or text != text.strip():
                bad("%s: empty or padded text" % iid)
            body = docs[f]["text"]
            n = body.count(text)
            if n != 1:
                bad("%s: text occurs %d times in %s" % (iid, n, f))
                continue
            s = body.index(text)
            for i, ch in enumerate(text[:-2]):
                if ch in ".!?" and text[i + 1] == " " and text[i + 2].isupper():
                    bad("%s: holds more than one sentence" % iid)
                    break
            items[iid] = dict(it, kind=kind, start=s, end=s + len(text),
                              unit=docs[f]["unit"], slug=docs[f]["slug"])
            spans[f].append((s, s + len(text), iid))
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                bad("%s: items %s and %s overlap" % (f, a[2], b[2]))

    # periods
    for iid, it in items.items():
        d = docs[it["file"]]
        if it["kind"] == "task" and it["period"] != d["planned_period"]:
            bad("%s: task period %s != planned period" % (iid, it["period"]))
        if it["kind"] == "result" and it["period"] not in d["reported_months"]:
            bad("%s: result period %s not reported by %s" % (iid, it["period"], it["file"]))

    # sections: every bullet / sentence labelled, items inside the right section
    for f, d in docs.items():
        lay = LAYOUT[d["slug"]]
        lines = d["text"].split("\n")
        offs, o = [], 0
        for ln in lines:
            offs.append(o)
            o += len(ln) + 1
        sec = None
        sec_of = {}
        month_of_line = {}
        cur_month = d["reported_months"][0] if len(d["reported_months"]) == 1 else None
        seen_secs = []
        for i, ln in enumerate(lines):
            for name in ("results", "limits", "tasks", "end"):
                if re.match(lay[name], ln):
                    sec = name
                    seen_secs.append(name)
                    break
            else:
                sec_of[i] = sec
                mm = re.match(r"^Tháng (Giêng|Hai|Ba|Tư|Năm|Sáu|Bảy|Tám|Chín|Mười)( Một| Hai)?$", ln)
                if sec == "results" and mm:
                    name = mm.group(0)[6:]
                    num = [k for k, v in MONTH_WORD.items() if v == name]
                    cand = [x for x in d["reported_months"] if num and int(x[5:]) == num[0]]
                    cur_month = cand[0] if cand else "?"
                month_of_line[i] = cur_month
        if seen_secs != ["results", "limits", "tasks", "end"]:
            bad("%s: sections out of order or missing: %s" % (f, seen_secs))
            continue
        pos_line = []
        for i in range(len(lines)):
            pos_line.append((offs[i], offs[i] + len(lines[i]), i))
        for iid, sp_end, s in ((x[2], x[1], x[0]) for x in spans[f]):
            li = [i for a, b, i in pos_line if a <= s and sp_end <= b]
            if not li:
                bad("%s: item spans two lines" % iid)
                continue
            where = sec_of.get(li[0])
            want = "results" if items[iid]["kind"] == "result" else "tasks"
            if where != want:
                bad("%s: item lies in section %s, not %s" % (iid, where, want))
            if want == "results":
                if month_of_line.get(li[0]) != items[iid]["period"]:
                    bad("%s: result period %s but written under %s" % (iid, items[iid]["period"],
                                                                   month_of_line.get(li[0])))
        for i, ln in enumerate(lines):
            if sec_of.get(i) not in ("results", "tasks") or not ln.strip():
                continue
            if re.match(lay["heading"], ln) or ln.rstrip().endswith(":"):
                continue  # heading or lead-in
            covered = [(a - offs[i], b - offs[i]) for a, b, _ in spans[f]
                       if offs[i] <= a and b <= offs[i] + len(ln)]
            rest = list(ln)
            for a, b in covered:
                for k in range(a, b):
                    rest[k] = ""
            rest = "".join(rest)
            rest = re.sub(lay["bullet"], "", rest)
            if re.sub(r"[\s.;,]", "", rest):
                bad("%s line %d: unlabelled text %r" % (f, i + 1, rest.strip()[:60]))
            if not covered:
                bad("%s line %d: no item on a body line" % (f, i + 1))

    # counts
    for f, d in docs.items():
        nt = sum(1 for x in items.values() if x["file"] == f and x["kind"] == "task")
        nr = sum(1 for x in items.values() if x["file"] == f and x["kind"] == "result")
        if not 10 <= nt <= 18:
            bad("%s: %d tasks" % (f, nt))
        if not (10 <= nr <= 18 or nr == 0):
            bad("%s: %d results" % (f, nr))

    # ------------------------------------------------------------ links
    by_unit = {}
    for f, d in docs.items():
        by_unit.setdefault(d["unit"], []).append(f)
    for u in by_unit:
        by_unit[u].sort(key=lambda f: ym(docs[f]["planned_period"]))

    def first_reporter(unit, month):
        for f in by_unit[unit]:
            if month in docs[f]["reported_months"]:
                return f
        return None

    linked = set()
    pairs = set()
    ftseen = set()
    for l in gold["follow_through"]:
        t, r = items.get(l["task"]), items.get(l["result"])
        if not t or t["kind"] != "task" or not r or r["kind"] != "result":
            bad("follow_through: bad ids %r" % l)
            continue
        if (l["task"], l["result"]) in ftseen:
            bad("follow_through twice: %r" % l)
        ftseen.add((l["task"], l["result"]))
        if l["status"] not in STATUSES:
            bad("follow_through: status %r" % l["status"])
        if t["unit"] != r["unit"]:
            bad("follow_through across units: %r" % l)
        if ym(docs[r["file"]]["planned_period"]) <= ym(docs[t["file"]]["planned_period"]):
            bad("follow_through not forward: %r" % l)
        if r["period"] != t["period"]:
            bad("follow_through: result reports %s, task planned for %s: %r" % (r["period"], t["period"], l))
        if r["file"] != first_reporter(t["unit"], t["period"]):
            bad("follow_through: %s is not the first document reporting %s" % (r["file"], t["period"]))
        linked.add(l["task"])
        pairs.add(frozenset((l["task"], l["result"])))
    coseen = set()
    for l in gold["carry_over"]:
        a, b = items.get(l["from"]), items.get(l["to"])
        if not a or a["kind"] != "task" or not b or b["kind"] != "task":
            bad("carry_over: bad ids %r" % l)
            continue
        if (l["from"], l["to"]) in coseen:
            bad("carry_over twice: %r" % l)
        coseen.add((l["from"], l["to"]))
        if l["kind"] not in KINDS:
            bad("carry_over: kind %r" % l["kind"])
        if a["unit"] != b["unit"]:
            bad("carry_over across units: %r" % l)
        if ym(b["period"]) <= ym(a["period"]):
            bad("carry_over not forward: %r" % l)
        linked.add(l["from"])
        pairs.add(frozenset((l["from"], l["to"])))
    splits = {}
    for l in gold["carry_over"]:
        if l["kind"] == "split":
            splits.setdefault(l["from"], []).append(l["to"])
    for k, v in splits.items():
        if len(v) < 2:
            bad("split %s has one part only" % k)

    # gaps: exactly the unlinked tasks of documents that are not the unit's last
    want_gaps = set()
    for iid, it in items.items():
        if it["kind"] != "task":
            continue
        if it["file"] == by_unit[it["unit"]][-1]:
            continue
        if iid not in linked:
            want_gaps.add(iid)
    got = gold["gaps"]
    if len(got) != len(set(got)):
        bad("gaps listed twice")
    for g in set(got) - want_gaps:
        bad("gap %s is linked, unknown or right-censored" % g)
    for g in want_gaps - set(got):
        bad("unlinked task %s missing from gaps" % g)

    # decoys
    dseen = set()
    for a, b in gold["cross_unit_decoys"]:
        if a not in items or b not in items:
            bad("decoy with unknown id %s/%s" % (a, b))
            continue
        if items[a]["unit"] == items[b]["unit"]:
            bad("decoy within one unit %s/%s" % (a, b))
        if frozenset((a, b)) in pairs:
            bad("decoy linked %s/%s" % (a, b))
        if frozenset((a, b)) in dseen:
            bad("decoy twice %s/%s" % (a, b))
        dseen.add(frozenset((a, b)))
    if len(dseen) < 12:
        bad("fewer than 12 decoys")

    report()


def report():
    if problems:
        for p in problems:
            print("PROBLEM:", p)
        print("%d problem(s)" % len(problems))
        sys.exit(1)
    print("OK")
    sys.exit(0)


if __name__ == "__main__":
    main()
