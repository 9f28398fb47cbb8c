#!/usr/bin/env python3
"""Check gold.json of the đặc khu Hòn Mây series against its documents.  Prints OK or the errors."""
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


MONTHS = {"giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7,
          "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
MONTH_RE = re.compile(r"tháng\s+(\d{1,2}(?:/\d{4})?|mười một|mười hai|giêng|một|hai|ba|tư|năm|sáu|bảy|tám|chín|mười|chạp)(?![\wà-ỹ])")


def months_in(line):
    out = []
    for m in MONTH_RE.finditer(line.lower()):
        tok = m.group(1)
        out.append(int(tok.split("/")[0]) if tok[0].isdigit() else MONTHS[tok])
    return out


# Layouts of the three issuing organs: (results start, results end, tasks start, tasks end),
# each a prefix of a line; optional period sub-headings inside the results section.
LAYOUTS = {
    "party": ("PHẦN MỘT", "PHẦN HAI", "PHẦN BA", "Giao Văn phòng Đảng ủy"),
    "ubnd": ("A. SỐ LIỆU VÀ KẾT QUẢ", "B. ĐIỂM NGHẼN", "C. DANH MỤC NHIỆM VỤ", "Thủ trưởng các cơ quan chủ trì"),
    "hdnd": ("1. NHỮNG KẾT QUẢ", "2. NHỮNG VẤN ĐỀ", "3. ĐỀ NGHỊ TRONG THÁNG", "Thường trực Hội đồng nhân dân đặc khu thông báo"),
}
SUBPERIOD = re.compile(r"^\d+\.\s+Tháng\s+\S+$")  # "1. Tháng Tư"
MARKER = re.compile(r"^(?:\(\d+\)|C\.\d+\.|[▸–+•-])\s*")
ALLOWED_STATUS = {"done", "partial"}
ALLOWED_KIND = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")


def line_index(lines, prefix):
    hits = [i for i, l in enumerate(lines) if l.strip().startswith(prefix)]
    return hits


def main():
    path = os.path.join(HERE, "gold.json")
    with open(path, encoding="utf-8") as f:
        gold = json.load(f)
    # ---- form ----
    for key, typ in (("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)):
        if not isinstance(gold.get(key), typ):
            err("gold.json: missing or bad key %s" % key)
    if ERR:
        return
    decoys = gold.get("cross_unit_decoys", [])
    docs = {}
    for d in gold["documents"]:
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d:
                err("document lacks %s: %r" % (k, d))
        docs[d["file"]] = d
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            for k in ("id", "file", "period", "text"):
                if k not in it:
                    err("%s item lacks %s: %r" % (kind, k, it))
            if it["id"] in items:
                err("duplicate id %s" % it["id"])
            items[it["id"]] = dict(it, kind=kind[:-1])
            if it["file"] not in docs:
                err("%s: unknown file %s" % (it["id"], it["file"]))
    if ERR:
        return
    # ---- files ----
    texts = {}
    listed = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if listed != sorted(docs):
        err("txt files %s differ from documents %s" % (listed, sorted(docs)))
    for fn, d in docs.items():
        m = FNAME.match(fn)
        if not m:
            err("bad file name %s" % fn)
            continue
        if m.group(1) != d["planned_period"]:
            err("%s: file name month differs from planned_period %s" % (fn, d["planned_period"]))
        raw = open(os.path.join(HERE, fn), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err("%s: BOM" % fn)
        if b"\r" in raw:
            err("%s: CR line ends" % fn)
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err("%s: not UTF-8 (%s)" % (fn, e))
            continue
        if unicodedata.normalize("NFC", t) != t:
            err("%s: not NFC" % fn)
        if not t.endswith("\n"):
            err("%s: no final newline" % fn)
        texts[fn] = t
    if ERR:
        return
    # ---- texts: exact, unique, no overlap ----
    spans = defaultdict(list)
    for iid, it in items.items():
        t = texts[it["file"]]
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err("%s: text not NFC" % iid)
        n = t.count(it["text"])
        if n != 1:
            err("%s: text occurs %d times in %s" % (iid, n, it["file"]))
            continue
        s = t.index(it["text"])
        it["span"] = (s, s + len(it["text"]))
        spans[it["file"]].append((s, s + len(it["text"]), iid))
    for fn, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err("%s: items %s and %s overlap" % (fn, a[2], b[2]))
    if ERR:
        return
    # ---- sections: every bullet/sentence labelled, right kind, right period ----
    for fn, d in docs.items():
        t = texts[fn]
        lines = t.split("\n")
        offs, o = [], 0
        for l in lines:
            offs.append(o)
            o += len(l) + 1
        layout = None
        for name, marks in LAYOUTS.items():
            if all(len(line_index(lines, p)) == 1 for p in marks):
                layout = marks
        if layout is None:
            err("%s: no known layout" % fn)
            continue
        rs, re_, ts, te = (line_index(lines, p)[0] for p in layout)
        if not rs < re_ < ts < te:
            err("%s: sections out of order" % fn)
            continue
        # periods in headings
        head = " ".join(lines[rs:rs + 3]) if lines[rs].strip() == "PHẦN MỘT" else lines[rs]
        rep = sorted(set(months_in(head)))
        want_rep = sorted(int(p[5:]) for p in d["reported_months"])
        if rep != want_rep:
            err("%s: results heading months %s != reported_months %s" % (fn, rep, want_rep))
        thead = " ".join(lines[ts:ts + 3]) if lines[ts].strip() == "PHẦN BA" else lines[ts]
        tm = sorted(set(months_in(thead)))
        if tm != [int(d["planned_period"][5:])]:
            err("%s: tasks heading months %s != planned %s" % (fn, tm, d["planned_period"]))
        # issue date: in the last reported month, year of the planned period
        dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", "\n".join(lines[:8]))
        if not dm:
            err("%s: no issue date in header" % fn)
        else:
            issued = "%s-%02d" % (dm.group(3), int(dm.group(2)))
            if issued != max(d["reported_months"]):
                err("%s: issued %s, last reported month %s" % (fn, issued, max(d["reported_months"])))
        if not re.search(r"^Số:? \d+", t, re.M):
            err("%s: no document number" % fn)
        for sec_kind, a, b in (("result", rs, re_), ("task", ts, te)):
            cur_period = d["reported_months"][0] if sec_kind == "result" else d["planned_period"]
            for i in range(a + 1, b):
                line = lines[i]
                st = line.strip()
                if not st:
                    continue
                ls, le = offs[i], offs[i] + len(line)
                inside = [iid for iid, it in items.items()
                          if it["file"] == fn and it["span"][0] >= ls and it["span"][1] <= le]
                if not inside:
                    if sec_kind == "result" and SUBPERIOD.match(st):
                        ms = months_in(st)
                        cur_period = "%s-%02d" % (d["planned_period"][:4], ms[0])
                        if cur_period not in d["reported_months"]:
                            err("%s: sub-heading %r not a reported month" % (fn, st))
                        continue
                    if st.endswith(":") or not st.endswith((".", ";", "!", "?")):
                        continue  # heading or lead-in
                    err("%s: unlabelled %s line: %r" % (fn, sec_kind, st[:70]))
                    continue
                # cover check: all visible chars of the line, bullet marker aside, inside items
                cov = [False] * len(line)
                mm = MARKER.match(line)
                if mm:
                    for k in range(mm.end()):
                        cov[k] = True
                for iid in inside:
                    it = items[iid]
                    if it["kind"] != sec_kind:
                        err("%s: %s sits in the %s section" % (fn, iid, sec_kind))
                    if it["period"] != cur_period:
                        err("%s: %s period %s, section says %s" % (fn, iid, it["period"], cur_period))
                    for k in range(it["span"][0] - ls, it["span"][1] - ls):
                        cov[k] = True
                rest = "".join(c for c, v in zip(line, cov) if not v).strip()
                if rest:
                    err("%s: unlabelled text in %s line: %r" % (fn, sec_kind, rest[:70]))
        # no item outside the two sections
        for iid, it in items.items():
            if it["file"] != fn:
                continue
            s = it["span"][0]
            if not (offs[rs] <= s < offs[re_] or offs[ts] <= s < offs[te]):
                err("%s: %s lies outside the results/tasks sections" % (fn, iid))
    # ---- counts ----
    for fn, d in docs.items():
        nt = sum(1 for it in items.values() if it["file"] == fn and it["kind"] == "task")
        nr = sum(1 for it in items.values() if it["file"] == fn and it["kind"] == "result")
        if not 10 <= nt <= 18:
            err("%s: %d tasks" % (fn, nt))
        if not (10 <= nr <= 18 or nr == 0):
            err("%s: %d results" % (fn, nr))
    # ---- periods ----
    for iid, it in items.items():
        d = docs[it["file"]]
        if it["kind"] == "task" and it["period"] != d["planned_period"]:
            err("%s: task period %s != planned %s" % (iid, it["period"], d["planned_period"]))
        if it["kind"] == "result" and it["period"] not in d["reported_months"]:
            err("%s: result period %s not reported by %s" % (iid, it["period"], it["file"]))
    # ---- links ----
    unit_docs = defaultdict(list)
    for d in gold["documents"]:
        unit_docs[d["unit"]].append(d)
    for u in unit_docs:
        unit_docs[u].sort(key=lambda d: d["planned_period"])
    linked = set()
    pairs = set()
    for l in gold["follow_through"]:
        t, r = items.get(l.get("task")), items.get(l.get("result"))
        if not t or t["kind"] != "task" or not r or r["kind"] != "result":
            err("bad follow_through %r" % l)
            continue
        if l.get("status") not in ALLOWED_STATUS:
            err("bad status %r" % l)
        dt, dr = docs[t["file"]], docs[r["file"]]
        if dt["unit"] != dr["unit"]:
            err("follow_through across units %r" % l)
        if not dr["planned_period"] > dt["planned_period"]:
            err("follow_through not forward %r" % l)
        first = [d for d in unit_docs[dt["unit"]] if t["period"] in d["reported_months"]]
        if not first or first[0]["file"] != r["file"]:
            err("follow_through %r: result not in the first document reporting %s" % (l, t["period"]))
        if r["period"] < t["period"]:
            err("follow_through %r: result reports an earlier month" % l)
        if (l["task"], l["result"]) in pairs:
            err("duplicate link %r" % l)
        pairs.add((l["task"], l["result"]))
        linked.add(l["task"])
    for l in gold["carry_over"]:
        a, b = items.get(l.get("from")), items.get(l.get("to"))
        if not a or a["kind"] != "task" or not b or b["kind"] != "task":
            err("bad carry_over %r" % l)
            continue
        if l.get("kind") not in ALLOWED_KIND:
            err("bad kind %r" % l)
        if docs[a["file"]]["unit"] != docs[b["file"]]["unit"]:
            err("carry_over across units %r" % l)
        if not b["period"] > a["period"]:
            err("carry_over not forward %r" % l)
        if (l["from"], l["to"]) in pairs:
            err("duplicate link %r" % l)
        pairs.add((l["from"], l["to"]))
        linked.add(l["from"])
    # ---- gaps ----
    want = set()
    for iid, it in items.items():
        if it["kind"] != "task":
            continue
        ud = unit_docs[docs[it["file"]]["unit"]]
        if it["file"] == ud[-1]["file"]:
            continue
        if iid not in linked:
            want.add(iid)
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        err("duplicate gap ids")
    if got != want:
        err("gaps differ: missing %s, extra %s" % (sorted(want - got), sorted(got - want)))
    # ---- decoys ----
    nm_path = os.path.join(HERE, "near_miss_decoys.json")
    near = json.load(open(nm_path, encoding="utf-8")) if os.path.exists(nm_path) else []
    for a, b in list(decoys) + list(near):
        if a not in items or b not in items:
            err("decoy with unknown id %s/%s" % (a, b))
        if (a, b) in pairs or (b, a) in pairs:
            err("decoy pair linked: %s %s" % (a, b))
    for a, b in decoys:
        if a in items and b in items and docs[items[a]["file"]]["unit"] == docs[items[b]["file"]]["unit"]:
            err("cross_unit_decoys pair within one unit: %s %s" % (a, b))


if __name__ == "__main__":
    main()
    if ERR:
        for e in ERR:
            print("ERROR:", e)
        sys.exit(1)
    print("OK")
