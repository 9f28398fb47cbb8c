#!/usr/bin/env python3
"""Check gold.json of the hand-xa series against its documents. Prints OK or the errors."""
import datetime
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*_(\d{4})-(\d{2})\.txt$")
PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
RES_START = re.compile(r"^━+ PHẦN A\. ")
RES_END = re.compile(r"^━+ PHẦN B\. ")
TASK_START = re.compile(r"^━+ PHẦN C\. ")
TASK_END = re.compile(r"^━+ PHẦN D\. ")


def pkey(p):
    y, m = p.split("-")
    return int(y) * 12 + int(m) - 1


def pnext(p, k=1):
    n = pkey(p) + k
    return "%04d-%02d" % (n // 12, n % 12 + 1)


def main():
    try:
        gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    except Exception as e:  # noqa
        print("cannot read gold.json:", e)
        return 1

    # ---- form ----
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(gold.get(k), t):
            err("gold.json: key %s missing or not a %s" % (k, t.__name__))
    if ERR:
        return report()
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        err("cross_unit_decoys is not a list")
        decoys = []
    for k in gold:
        if k not in need and k != "cross_unit_decoys":
            err("unexpected key %s" % k)

    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("document fields: %r" % d)
            continue
        f = d["file"]
        if f in docs:
            err("document listed twice: " + f)
        m = NAME.match(f)
        if not m:
            err("bad file name: " + f)
            continue
        if not PERIOD.match(d["planned_period"]) or d["planned_period"] != "%s-%s" % m.groups():
            err("%s: planned_period %s does not match the file name" % (f, d["planned_period"]))
        if not d["reported_months"] or not all(isinstance(p, str) and PERIOD.match(p) for p in d["reported_months"]):
            err("%s: bad reported_months" % f)
            continue
        if sorted(d["reported_months"], key=pkey) != d["reported_months"]:
            err("%s: reported_months not in order" % f)
        if pkey(d["reported_months"][-1]) >= pkey(d["planned_period"]):
            err("%s: a reported month is not before the planned period" % f)
        docs[f] = d
    on_disk = sorted(x for x in os.listdir(HERE) if x.endswith(".txt"))
    if on_disk != sorted(docs):
        err("documents on disk %s differ from gold.json %s" % (on_disk, sorted(docs)))

    # ---- bytes: UTF-8, NFC, \n, no BOM ----
    texts = {}
    for f in docs:
        p = os.path.join(HERE, f)
        if not os.path.exists(p):
            err("missing file " + f)
            continue
        raw = open(p, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f + ": BOM")
        if b"\r" in raw:
            err(f + ": CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f + ": not UTF-8: %s" % e)
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f + ": not NFC")
        texts[f] = t

    # ---- units, order in time, periods chain ----
    units = {}
    for f, d in docs.items():
        units.setdefault(d["unit"], []).append(f)
    order = {}
    for u, fs in units.items():
        fs.sort(key=lambda f: pkey(docs[f]["planned_period"]))
        for i, f in enumerate(fs):
            order[f] = (u, i)
            if i:
                prev = docs[fs[i - 1]]["planned_period"]
                want = [pnext(prev, k) for k in range(pkey(docs[f]["planned_period"]) - pkey(prev))]
                if docs[f]["reported_months"] != want:
                    err("%s: reported_months %s, expected %s after %s" % (f, docs[f]["reported_months"], want, fs[i - 1]))
            elif docs[f]["reported_months"][-1] != pnext(docs[f]["planned_period"], -1):
                err("%s: first document should report the month before its planned period" % f)

    # ---- header, title and date agree with the periods ----
    for f, t in texts.items():
        d = docs[f]
        if "Số: " not in t or "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in t or "Độc lập - Tự do - Hạnh phúc" not in t:
            err(f + ": header incomplete")
        if "Nơi nhận:" not in t:
            err(f + ": no Nơi nhận")
        md = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
        if not md:
            err(f + ": no date")
        else:
            day = datetime.date(int(md.group(3)), int(md.group(2)), int(md.group(1)))
            last = d["reported_months"][-1]
            lo = datetime.date(int(last[:4]), int(last[5:]), 1)
            hi = datetime.date(int(d["planned_period"][:4]), int(d["planned_period"][5:]), 1)
            if not (lo <= day < hi):
                err("%s: date %s not in the last reported month" % (f, day))
        title = [l for l in t.split("\n") if l.startswith("Điểm việc ")]
        if len(title) != 1:
            err(f + ": title line not found")
        else:
            head, _, tail = title[0].partition("lịch việc tháng ")
            pm = re.match(r"(\d{1,2})/(\d{4})", tail)
            if not pm or "%s-%02d" % (pm.group(2), int(pm.group(1))) != d["planned_period"]:
                err(f + ": title does not name the planned month")
            nums = [int(x) for x in re.findall(r"\b(\d{1,2})(?=[/ ])", head)]
            for p in d["reported_months"]:
                if int(p[5:]) not in nums:
                    err("%s: title does not name reported month %s" % (f, p))

    # ---- items ----
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err("%s item fields: %r" % (kind, it))
                continue
            if it["id"] in items:
                err("duplicate id " + it["id"])
            if it["file"] not in docs:
                err("%s: unknown file %s" % (it["id"], it["file"]))
                continue
            it = dict(it, kind=kind)
            items[it["id"]] = it
            tx = it["text"]
            if not tx or tx != tx.strip() or "\n" in tx:
                err("%s: empty, padded or multi-line text" % it["id"])
            if unicodedata.normalize("NFC", tx) != tx:
                err("%s: text not NFC" % it["id"])
            d = docs[it["file"]]
            if kind == "tasks" and it["period"] != d["planned_period"]:
                err("%s: task period %s != planned %s" % (it["id"], it["period"], d["planned_period"]))
            if kind == "results" and it["period"] not in d["reported_months"]:
                err("%s: result period %s not reported by %s" % (it["id"], it["period"], it["file"]))

    # exact unique substrings, no overlaps, inside the right section, full coverage
    for f, t in texts.items():
        lines = t.split("\n")
        starts, pos = [], 0
        for l in lines:
            starts.append(pos)
            pos += len(l) + 1

        def find_line(re_):
            for i, l in enumerate(lines):
                if re_.match(l):
                    return i
            err(f + ": section heading %s not found" % re_.pattern)
            return None
        rs, re_, ts, te = find_line(RES_START), find_line(RES_END), find_line(TASK_START), find_line(TASK_END)
        if None in (rs, re_, ts, te) or not (rs < re_ <= ts < te):
            err(f + ": sections out of order")
            continue
        sect = {"results": (rs + 1, re_), "tasks": (ts + 1, te)}
        spans = []
        mine = [it for it in items.values() if it["file"] == f]
        for it in mine:
            n = t.count(it["text"])
            if n != 1:
                err("%s: text occurs %d times in %s" % (it["id"], n, f))
                continue
            a = t.index(it["text"])
            b = a + len(it["text"])
            li = max(i for i, s in enumerate(starts) if s <= a)
            lo, hi = sect[it["kind"]]
            if not (lo <= li < hi):
                err("%s: not inside the %s section" % (it["id"], it["kind"]))
            spans.append((a, b, it["id"], li))
        spans.sort()
        for (a1, b1, i1, _), (a2, b2, i2, _) in zip(spans, spans[1:]):
            if a2 < b1:
                err("%s and %s overlap" % (i1, i2))
        # coverage, line by line
        for kind, (lo, hi) in sect.items():
            cur_month = None
            multi = len(docs[f]["reported_months"]) > 1
            for li in range(lo, hi):
                line = lines[li]
                on = [s for s in spans if s[3] == li]
                masked = line
                for a, b, iid, _ in sorted(on, reverse=True):
                    masked = masked[:a - starts[li]] + "\x00" + masked[b - starts[li]:]
                    if kind == "results" and multi and cur_month and items[iid]["period"] != cur_month:
                        err("%s: period %s but written under month %s" % (iid, items[iid]["period"], cur_month))
                s = masked.strip()
                if not on:
                    if kind == "results":
                        mm = re.search(r"tháng (\d{1,2})/(\d{4})", s)
                        if mm and re.match(r"A-[IVX]+\. ", s):
                            cur_month = "%s-%02d" % (mm.group(2), int(mm.group(1)))
                    if (not s or (s.startswith("(") and s.endswith(")"))
                            or (len(s) <= 100 and not s.endswith(".") and not s.endswith(";")
                                and re.match(r"^(A\d+\.|A-[IVX]+\.|▸|TT \|)", s))):
                        continue
                    err("%s line %d: unlabelled text in %s section: %r" % (f, li + 1, kind, s[:70]))
                    continue
                if "|" in s:
                    cells = [c.strip() for c in s.split("|")]
                    ok = (len(cells) == 4 and cells[0].isdigit() and cells[1] == "\x00"
                          and all(c and len(c) <= 60 and "\x00" not in c and not c.endswith(".")
                                  and ". " not in c for c in cells[2:]))
                    if not ok:
                        err("%s line %d: bad table row %r" % (f, li + 1, s[:70]))
                    continue
                if not re.match(r"^(✓|•|C\d\d\.)?\s*([^\x00.]{1,50}:)?\s*\x00(\s+\x00)*$", s):
                    err("%s line %d: unlabelled text beside items: %r" % (f, li + 1, s.replace("\x00", "<item>")[:90]))

    # counts per document
    for f, d in docs.items():
        nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "tasks")
        nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "results")
        if not 10 <= nt <= 18:
            err("%s: %d tasks" % (f, nt))
        if not (10 <= nr <= 18):
            err("%s: %d results" % (f, nr))

    # ---- links ----
    def doc_of(iid):
        return order[items[iid]["file"]]

    seen = set()
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err("follow_through fields: %r" % l)
            continue
        tk, rs_ = l["task"], l["result"]
        if items.get(tk, {}).get("kind") != "tasks" or items.get(rs_, {}).get("kind") != "results":
            err("follow_through %s -> %s: unknown or wrong kind" % (tk, rs_))
            continue
        if (tk, rs_) in seen:
            err("duplicate follow_through %s -> %s" % (tk, rs_))
        seen.add((tk, rs_))
        if l["status"] not in STATUSES:
            err("follow_through %s: status %s" % (tk, l["status"]))
        (ut, it_), (ur, ir) = doc_of(tk), doc_of(rs_)
        if ut != ur:
            err("follow_through %s -> %s crosses units" % (tk, rs_))
        elif ir != it_ + 1:
            err("follow_through %s -> %s is not to the next document of the unit" % (tk, rs_))
        if pkey(items[rs_]["period"]) < pkey(items[tk]["period"]):
            err("follow_through %s -> %s: result reports an earlier month" % (tk, rs_))
    seen = set()
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err("carry_over fields: %r" % l)
            continue
        a, b = l["from"], l["to"]
        if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
            err("carry_over %s -> %s: unknown or not tasks" % (a, b))
            continue
        if (a, b) in seen:
            err("duplicate carry_over %s -> %s" % (a, b))
        seen.add((a, b))
        if l["kind"] not in KINDS:
            err("carry_over %s: kind %s" % (a, l["kind"]))
        (ua, ia), (ub, ib) = doc_of(a), doc_of(b)
        if ua != ub:
            err("carry_over %s -> %s crosses units" % (a, b))
        elif ib != ia + 1:
            err("carry_over %s -> %s is not to the next document of the unit" % (a, b))
    splits = {}
    for l in gold["carry_over"]:
        if l.get("kind") == "split":
            splits.setdefault(l["from"], []).append(l["to"])
    for a, tos in splits.items():
        if len(tos) < 2:
            err("split %s has only one part" % a)

    # ---- gaps ----
    linked = {l["task"] for l in gold["follow_through"]} | {l["from"] for l in gold["carry_over"]}
    want = set()
    for iid, it in items.items():
        if it["kind"] != "tasks":
            continue
        u, i = doc_of(iid)
        if i < len(units[u]) - 1 and iid not in linked:
            want.add(iid)
    got = gold["gaps"]
    if len(set(got)) != len(got):
        err("duplicate gap ids")
    if set(got) != want:
        err("gaps differ: missing %s, extra %s" % (sorted(want - set(got)), sorted(set(got) - want)))

    # ---- decoys (cross-unit) and near misses (within the unit) ----
    links = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
            {(l["from"], l["to"]) for l in gold["carry_over"]}
    pairs = [("cross_unit_decoys", p) for p in decoys]
    nm = os.path.join(HERE, "_src", "near_misses.json")
    if os.path.exists(nm):
        pairs += [("near_misses", p) for p in json.load(open(nm, encoding="utf-8"))]
    for src, p in pairs:
        if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
            err("%s: bad pair %r" % (src, p))
            continue
        a, b = p
        if src == "cross_unit_decoys" and doc_of(a)[0] == doc_of(b)[0]:
            err("cross_unit_decoys pair %r is within one unit" % p)
        if (a, b) in links or (b, a) in links:
            err("%s pair %r is linked" % (src, p))

    return report()


def report():
    if ERR:
        for e in ERR:
            print("ERROR:", e)
        print("%d error(s)" % len(ERR))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
