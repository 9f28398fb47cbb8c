#!/usr/bin/env python3
"""Check gold.json and the documents beside it. Prints OK, or the list of problems."""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


ROMAN = {"I": [1, 2, 3], "II": [4, 5, 6], "III": [7, 8, 9], "IV": [10, 11, 12]}
PREFIX = re.compile(r"^(\d+\.\s+|\(\d+\)\s+|-\s+|[a-zđ]\)\s+)")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
CLOSING = ("Trên đây", "Văn phòng Tỉnh ủy thông báo")


def sections(text):
    """Return (results_span, tasks_span, title_line, results_heading) as char spans."""
    lines = text.split("\n")
    pos, offs = 0, []
    for ln in lines:
        offs.append(pos)
        pos += len(ln) + 1
    res_start = res_end = task_start = task_end = None
    res_head = title = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if title is None and s.startswith("về tình hình thực hiện nhiệm vụ"):
            title = s
        if s.startswith("I. ") and res_start is None:
            res_start, res_head = offs[i] + len(ln) + 1, s
        elif s.startswith("II. ") and res_start is not None and res_end is None:
            res_end = offs[i]
        elif s.startswith("III. ") and "NHIỆM VỤ TRỌNG TÂM" in s:
            task_start = offs[i] + len(ln) + 1
        elif task_start is not None and task_end is None and s.startswith(CLOSING):
            task_end = offs[i]
    return (res_start, res_end), (task_start, task_end), title, res_head


def months_of_heading(head, year):
    out = []
    m = re.search(r"QUÝ (IV|III|II|I)\b", head)
    if m:
        out += [f"{year}-{k:02d}" for k in ROMAN[m.group(1)]]
    out += [f"{year}-{int(k):02d}" for k in re.findall(r"THÁNG (\d{1,2})", head)]
    return sorted(set(out))


def main():
    gpath = os.path.join(HERE, "gold.json")
    gold = json.load(open(gpath, encoding="utf-8"))
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if not isinstance(gold.get(key), list):
            err(f"gold.json: '{key}' missing or not a list")
    if ERR:
        return
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        err("cross_unit_decoys not a list")
        decoys = []

    docs, texts, order = {}, {}, {}
    for d in gold["documents"]:
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d:
                err(f"document lacks {k}: {d}")
        f = d["file"]
        m = re.fullmatch(r"([a-z0-9-]+)_(\d{4}-\d{2})\.txt", f)
        if not m:
            err(f"bad file name {f}")
            continue
        if m.group(2) != d["planned_period"]:
            err(f"{f}: planned_period {d['planned_period']} != name month")
        for p in d["reported_months"] + [d["planned_period"]]:
            if not MONTH.match(p):
                err(f"{f}: bad month {p}")
        if d["reported_months"] and max(d["reported_months"]) >= d["planned_period"]:
            err(f"{f}: reported months not before planned period")
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
        for must in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Số ", "-TB/TU", "THÔNG BÁO", "Nơi nhận:", "ngày "):
            if must not in t:
                err(f"{f}: header/footer lacks '{must}'")
        docs[f], texts[f] = d, t
    # extra .txt files not in gold
    for f in os.listdir(HERE):
        if f.endswith(".txt") and f not in docs:
            err(f"{f} not listed in gold.json")

    # order within unit
    by_unit = defaultdict(list)
    for f, d in docs.items():
        by_unit[d["unit"]].append(f)
    last_of_unit = {}
    for u, fs in by_unit.items():
        fs.sort(key=lambda f: docs[f]["planned_period"])
        for i, f in enumerate(fs):
            order[f] = i
        last_of_unit[u] = fs[-1]

    # periods agree with the text
    spans_of = {}
    for f, t in texts.items():
        (rs, re_), (ts, te), title, rhead = sections(t)
        if None in (rs, re_, ts, te) or title is None:
            err(f"{f}: cannot find sections (results {rs}-{re_}, tasks {ts}-{te}, title {title})")
            continue
        spans_of[f] = ((rs, re_), (ts, te))
        d = docs[f]
        year = d["planned_period"][:4]
        pm = re.search(r"nhiệm vụ trọng tâm tháng (\d{1,2}) năm (\d{4})", title)
        if not pm or f"{pm.group(2)}-{int(pm.group(1)):02d}" != d["planned_period"]:
            err(f"{f}: title planned month disagrees with planned_period")
        th = re.search(r"NHIỆM VỤ TRỌNG TÂM THÁNG (\d{1,2}) NĂM (\d{4})", t)
        if not th or f"{th.group(2)}-{int(th.group(1)):02d}" != d["planned_period"]:
            err(f"{f}: tasks heading disagrees with planned_period")
        rm = months_of_heading(rhead, year)
        if rm != sorted(d["reported_months"]):
            err(f"{f}: results heading months {rm} != reported_months {d['reported_months']}")

    # items
    items = {}
    per_file = defaultdict(list)
    for kind, key in (("task", "tasks"), ("result", "results")):
        for it in gold[key]:
            for k in ("id", "file", "period", "text"):
                if k not in it:
                    err(f"{kind} lacks {k}: {it}")
            iid, f, txt = it["id"], it["file"], it["text"]
            if iid in items:
                err(f"duplicate id {iid}")
            if f not in texts:
                err(f"{iid}: unknown file {f}")
                continue
            items[iid] = dict(it, kind=kind)
            t = texts[f]
            if unicodedata.normalize("NFC", txt) != txt:
                err(f"{iid}: text not NFC")
            n = t.count(txt)
            if n != 1:
                err(f"{iid}: text occurs {n} times in {f}")
                continue
            s = t.index(txt)
            per_file[f].append((s, s + len(txt), iid, kind))
            d = docs[f]
            if kind == "task" and it["period"] != d["planned_period"]:
                err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
            if kind == "result" and it["period"] not in d["reported_months"]:
                err(f"{iid}: period {it['period']} not in reported months")
            if not txt.endswith("."):
                err(f"{iid}: item does not end a sentence")
            if "\n" in txt:
                err(f"{iid}: item spans lines")
            if f in spans_of:
                (rs, re_), (ts, te) = spans_of[f]
                lo, hi = (ts, te) if kind == "task" else (rs, re_)
                if not (lo <= s and s + len(txt) <= hi):
                    err(f"{iid}: outside its section")
            # starts a sentence: line start (after prefix) or after '. '
            line_start = t.rfind("\n", 0, s) + 1
            before = t[line_start:s]
            if not (PREFIX.fullmatch(before) or before == "" or re.search(r"\.\s$", before)):
                err(f"{iid}: does not start a sentence/bullet (before: {before[-20:]!r})")

    # overlaps and coverage
    for f, lst in per_file.items():
        lst.sort()
        for a, b in zip(lst, lst[1:]):
            if b[0] < a[1]:
                err(f"{f}: items {a[2]} and {b[2]} overlap")
        if f not in spans_of:
            continue
        t = texts[f]
        covered = [False] * len(t)
        for s, e, _, _ in lst:
            for i in range(s, e):
                covered[i] = True
        for (lo, hi), name in zip(spans_of[f], ("results", "tasks")):
            pos = lo
            for ln in t[lo:hi].split("\n"):
                start, s_ = pos, ln.strip()
                pos += len(ln) + 1
                if not s_ or s_.endswith(":") or not s_.endswith("."):
                    continue  # blank, lead-in, heading
                m = PREFIX.match(ln)
                off = start + (m.end() if m else 0)
                for i in range(off, start + len(ln)):
                    if not t[i].isspace() and not covered[i]:
                        err(f"{f}: unlabelled text in {name}: {t[i:i + 50]!r}")
                        break

    # counts
    for f in docs:
        nt = sum(1 for x in per_file[f] if x[3] == "task")
        nr = sum(1 for x in per_file[f] if x[3] == "result")
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks")
        if not (nr == 0 or 10 <= nr <= 18):
            err(f"{f}: {nr} results")

    def unit(i):
        return docs[items[i]["file"]]["unit"]

    def later(a, b):
        fa, fb = items[a]["file"], items[b]["file"]
        return unit(a) == unit(b) and order[fb] > order[fa]

    linked = set()
    seen = set()
    has_link = set()
    for l in gold["follow_through"]:
        t, r, s = l.get("task"), l.get("result"), l.get("status")
        if (t, r) in seen:
            err(f"duplicate follow-through {t}->{r}")
        seen.add((t, r))
        if items.get(t, {}).get("kind") != "task" or items.get(r, {}).get("kind") != "result":
            err(f"follow-through {t}->{r}: bad ids")
            continue
        if s not in ("done", "partial"):
            err(f"follow-through {t}->{r}: status {s}")
        if unit(t) != unit(r):
            err(f"follow-through {t}->{r} crosses units")
        if not later(t, r):
            err(f"follow-through {t}->{r} not forward in time")
        rd = docs[items[r]["file"]]
        if items[t]["period"] not in rd["reported_months"]:
            err(f"follow-through {t}->{r}: result document does not report {items[t]['period']}")
        if items[r]["period"] < items[t]["period"]:
            err(f"follow-through {t}->{r}: result period before task period")
        # first later document reporting the task's month
        firsts = [f for f in by_unit[unit(t)] if order[f] > order[items[t]["file"]]
                  and items[t]["period"] in docs[f]["reported_months"]]
        if firsts and items[r]["file"] != firsts[0]:
            err(f"follow-through {t}->{r}: not in the first document reporting the month")
        linked.add(frozenset((t, r)))
        has_link.add(t)
    seen = set()
    for l in gold["carry_over"]:
        a, b, k = l.get("from"), l.get("to"), l.get("kind")
        if (a, b) in seen:
            err(f"duplicate carry-over {a}->{b}")
        seen.add((a, b))
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
            err(f"carry-over {a}->{b}: bad ids")
            continue
        if k not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
            err(f"carry-over {a}->{b}: kind {k}")
        if not later(a, b):
            err(f"carry-over {a}->{b} not forward in time or crosses units")
        linked.add(frozenset((a, b)))
        has_link.add(a)

    # gaps
    expect = set()
    for iid, it in items.items():
        if it["kind"] == "task" and it["file"] != last_of_unit[docs[it["file"]]["unit"]] \
                and iid not in has_link:
            expect.add(iid)
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        err("duplicate gap ids")
    if got != expect:
        err(f"gaps differ: missing {sorted(expect - got)}, extra {sorted(got - expect)}")

    # decoys
    for p in decoys:
        if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
            err(f"bad decoy pair {p}")
            continue
        if unit(p[0]) == unit(p[1]):
            err(f"decoy pair {p} within one unit")
        if frozenset(p) in linked:
            err(f"decoy pair {p} is linked")
    if len(by_unit) >= 2 and not decoys:
        err("two units but no cross-unit decoys")


if __name__ == "__main__":
    main()
    if ERR:
        print("\n".join(ERR))
        print(f"{len(ERR)} problem(s)")
        sys.exit(1)
    print("OK")
