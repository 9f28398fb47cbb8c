#!/usr/bin/env python3
"""Check gold.json of the hand-nd series against its documents.  Prints OK or the problems."""
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME_RE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
# within-unit near-misses written on purpose (result, task): they must never be linked
NEAR_MISSES = [("R03-15", "T02-9"), ("R04-8", "T03-7"), ("R07-13", "T06-10"), ("R08-15", "T07-12")]

# section headings of the two clerks' layouts
RESULTS_HEAD = re.compile(r"^(A – ĐIỂM LẠI CÔNG VIỆC THÁNG (\d+)|Mục 1\. Kết quả (tháng .*))$")
LIMITS_HEAD = re.compile(r"^(B – CHỖ CÒN VƯỚNG|Mục 2\. Những điểm chưa đạt)$")
TASKS_HEAD = re.compile(r"^(C – GIAO VIỆC THÁNG (\d+)|Mục 3\. Phân công nhiệm vụ tháng (\d+))$")
CLOSE_HEAD = re.compile(r"^(D – YÊU CẦU CHUNG|Mục 4\. Tổ chức thực hiện)$")
SUBMONTH = re.compile(r"^\d+\.\d+\. Tháng (\d+)$")
BULLET = re.compile(r"^(– |\(\d+\) )")
INLINE_LEAD = re.compile(r"^[^.;:]{2,60}:\s*$")

problems = []


def bad(msg):
    problems.append(msg)


def month_num(period):
    return int(period.split("-")[1])


def main():
    try:
        with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as fh:
            gold = json.load(fh)
    except Exception as exc:  # noqa
        print("cannot read gold.json:", exc)
        return 1

    # ---- form
    for key, typ in (("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)):
        if not isinstance(gold.get(key), typ):
            bad("gold.%s missing or not a %s" % (key, typ.__name__))
    if problems:
        return report()
    decoys = gold.get("cross_unit_decoys", [])
    for k in gold:
        if k not in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps",
                     "cross_unit_decoys"):
            bad("unexpected key " + k)

    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            bad("document fields: %r" % d)
            continue
        if d["file"] in docs:
            bad("document listed twice: " + d["file"])
        docs[d["file"]] = d
        m = NAME_RE.match(d["file"])
        if not m:
            bad("bad file name " + d["file"])
        elif m.group(2) != d["planned_period"]:
            bad("file name month != planned_period: " + d["file"])
        if not MONTH_RE.match(d["planned_period"]):
            bad("bad planned_period " + d["file"])
        if not isinstance(d["reported_months"], list) or not all(
                isinstance(x, str) and MONTH_RE.match(x) for x in d["reported_months"]):
            bad("bad reported_months " + d["file"])
        elif any(x >= d["planned_period"] for x in d["reported_months"]):
            bad("reported month not before planned month " + d["file"])
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
    for f in on_disk - set(docs):
        bad("text file not in gold: " + f)

    # ---- files: utf-8, NFC, no BOM, \n
    texts = {}
    for f in docs:
        p = os.path.join(HERE, f)
        if not os.path.exists(p):
            bad("missing file " + f)
            continue
        raw = open(p, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            bad("BOM in " + f)
        if b"\r" in raw:
            bad("CR in " + f)
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            bad("not UTF-8: " + f)
            continue
        if unicodedata.normalize("NFC", t) != t:
            bad("not NFC: " + f)
        texts[f] = t

    # ---- items
    items = {}
    spans = defaultdict(list)
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                bad("%s fields: %r" % (kind, it))
                continue
            if it["id"] in items:
                bad("duplicate id " + it["id"])
            items[it["id"]] = dict(it, kind=kind)
            if it["file"] not in texts:
                bad("item in unknown file: " + it["id"])
                continue
            t, s = texts[it["file"]], it["text"]
            if not s.strip() or s != s.strip():
                bad("empty or padded text: " + it["id"])
            if unicodedata.normalize("NFC", s) != s:
                bad("text not NFC: " + it["id"])
            n = t.count(s)
            if n != 1:
                bad("%s: text found %d times in %s" % (it["id"], n, it["file"]))
                continue
            a = t.index(s)
            spans[it["file"]].append((a, a + len(s), it["id"]))
    for f, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                bad("overlap %s / %s in %s" % (i1, i2, f))

    # ---- sections: every bullet/sentence labelled; periods agree with the document
    for f, t in texts.items():
        d = docs[f]
        lines = t.split("\n")
        offs, o = [], 0
        for ln in lines:
            offs.append(o)
            o += len(ln) + 1
        sec, sub_month, head_months = None, None, []
        seen = {"results": 0, "tasks": 0}
        item_at = {}
        for a, b, iid in spans.get(f, []):
            item_at[a] = (b, iid)
        for i, ln in enumerate(lines):
            s = ln.strip()
            m = RESULTS_HEAD.match(s)
            if m:
                sec, seen["results"] = "results", seen["results"] + 1
                head = m.group(2) or m.group(3)
                head_months = [int(x) for x in re.findall(r"\d+", head)]
                want = [month_num(x) for x in d["reported_months"]]
                if head_months != want:
                    bad("%s: results heading months %s != reported %s" % (f, head_months, want))
                continue
            if LIMITS_HEAD.match(s) or CLOSE_HEAD.match(s) or s.startswith("Nơi nhận"):
                sec = None
                continue
            m = TASKS_HEAD.match(s)
            if m:
                sec, seen["tasks"] = "tasks", seen["tasks"] + 1
                mm = int(m.group(2) or m.group(3))
                if mm != month_num(d["planned_period"]):
                    bad("%s: tasks heading month %d != planned" % (f, mm))
                continue
            if sec is None or not s:
                continue
            m = SUBMONTH.match(s)
            if m:
                sub_month = int(m.group(1))
                continue
            # items on this line
            a0, b0 = offs[i], offs[i] + len(ln)
            here = sorted((a, b, iid) for a, b, iid in spans.get(f, []) if a0 <= a < b0)
            rest, pos = "", a0
            for a, b, iid in here:
                if b > b0:
                    bad("%s crosses a line end" % iid)
                rest += t[pos:a] + "\u0000"
                pos = b
                it = items[iid]
                want_kind = "results" if sec == "results" else "tasks"
                if it["kind"] != want_kind:
                    bad("%s sits in the %s section" % (iid, sec))
                if want_kind == "tasks" and it["period"] != d["planned_period"]:
                    bad("%s: period %s != planned %s" % (iid, it["period"], d["planned_period"]))
                if want_kind == "results":
                    if it["period"] not in d["reported_months"]:
                        bad("%s: period %s not reported by %s" % (iid, it["period"], f))
                    if sub_month is not None and month_num(it["period"]) != sub_month:
                        bad("%s: period %s under sub-heading Tháng %d" % (iid, it["period"], sub_month))
            rest += t[pos:b0]
            if not here:
                # heading or lead-in only: must end with ':' ; a bullet must carry an item
                if BULLET.match(s):
                    bad("%s: unlabelled bullet: %s" % (f, s[:60]))
                elif not s.endswith(":"):
                    bad("%s: unlabelled sentence: %s" % (f, s[:60]))
                continue
            lead = rest.split("\u0000")[0]
            tail = rest[len(lead):].replace("\u0000", "")
            lead_s = BULLET.sub("", lead.strip() + " ").strip() if BULLET.match(lead.strip() + " ") else lead.strip()
            if lead_s and not INLINE_LEAD.match(lead_s):
                bad("%s: unlabelled text before an item: %r" % (f, lead_s[:60]))
            if tail.strip():
                bad("%s: unlabelled text between/after items: %r" % (f, tail.strip()[:60]))
        if seen["results"] != 1 or seen["tasks"] != 1:
            bad("%s: sections found %r" % (f, seen))

    # ---- counts per document
    per_doc = defaultdict(lambda: {"tasks": 0, "results": 0})
    for it in items.values():
        per_doc[it["file"]][it["kind"]] += 1
    for f in docs:
        c = per_doc[f]
        if not 10 <= c["tasks"] <= 18:
            bad("%s: %d tasks" % (f, c["tasks"]))
        if not (10 <= c["results"] <= 18 or c["results"] == 0):
            bad("%s: %d results" % (f, c["results"]))

    # ---- issue date agrees with the months
    for f, t in texts.items():
        m = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
        if not m:
            bad("no date line in " + f)
            continue
        issued = "%s-%02d" % (m.group(3), int(m.group(2)))
        if issued != max(docs[f]["reported_months"]):
            bad("%s issued %s, last reported month %s" % (f, issued, max(docs[f]["reported_months"])))
        if not re.search(r"^Số: \d+/TB-UBND$", t, re.M):
            bad("no 'Số' line in " + f)

    # ---- links
    order = {}
    for f, d in docs.items():
        order[f] = (d["unit"], d["planned_period"])

    def unit_of(iid):
        return docs[items[iid]["file"]]["unit"]

    linked = set()
    ft_pairs = set()
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            bad("follow_through fields %r" % l)
            continue
        t_, r_ = l["task"], l["result"]
        if items.get(t_, {}).get("kind") != "tasks" or items.get(r_, {}).get("kind") != "results":
            bad("follow_through ids %r" % l)
            continue
        if (t_, r_) in ft_pairs:
            bad("duplicate follow_through %s %s" % (t_, r_))
        ft_pairs.add((t_, r_))
        if l["status"] not in STATUSES:
            bad("status %r" % l["status"])
        if unit_of(t_) != unit_of(r_):
            bad("follow_through across units %s %s" % (t_, r_))
        tf, rf = items[t_]["file"], items[r_]["file"]
        if not docs[rf]["planned_period"] > docs[tf]["planned_period"]:
            bad("follow_through not forward %s %s" % (t_, r_))
        if items[r_]["period"] < items[t_]["period"]:
            bad("result period before task period %s %s" % (t_, r_))
        # first later document of the unit that reports on the task's month (or after it)
        later = sorted(dd["planned_period"] for dd in docs.values()
                       if dd["unit"] == unit_of(t_) and dd["planned_period"] > items[t_]["period"]
                       and any(x >= items[t_]["period"] for x in dd["reported_months"]))
        if later and docs[rf]["planned_period"] != later[0]:
            bad("follow_through %s -> %s skips the first reporting document" % (t_, r_))
        linked.add(t_)
    co_pairs = set()
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            bad("carry_over fields %r" % l)
            continue
        a, b = l["from"], l["to"]
        if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
            bad("carry_over ids %r" % l)
            continue
        if (a, b) in co_pairs:
            bad("duplicate carry_over %s %s" % (a, b))
        co_pairs.add((a, b))
        if l["kind"] not in KINDS:
            bad("kind %r" % l["kind"])
        if unit_of(a) != unit_of(b):
            bad("carry_over across units %s %s" % (a, b))
        if not items[b]["period"] > items[a]["period"]:
            bad("carry_over not forward %s %s" % (a, b))
        linked.add(a)

    # ---- gaps: exactly the unlinked tasks of non-last documents
    last = {}
    for d in docs.values():
        last[d["unit"]] = max(last.get(d["unit"], ""), d["planned_period"])
    expected = {iid for iid, it in items.items() if it["kind"] == "tasks" and iid not in linked
                and docs[it["file"]]["planned_period"] != last[docs[it["file"]]["unit"]]}
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        bad("duplicate gap ids")
    for g in got - expected:
        bad("gap listed but linked or in a last document: " + g)
    for g in expected - got:
        bad("unlinked task not listed as gap: " + g)

    # ---- decoys never linked
    all_links = ft_pairs | {(b, a) for a, b in ft_pairs} | co_pairs | {(b, a) for a, b in co_pairs}
    for pair in decoys:
        if not (isinstance(pair, list) and len(pair) == 2 and all(p in items for p in pair)):
            bad("bad decoy %r" % (pair,))
            continue
        if unit_of(pair[0]) == unit_of(pair[1]):
            bad("cross-unit decoy within one unit %r" % (pair,))
        if tuple(pair) in all_links:
            bad("decoy linked %r" % (pair,))
    if len({d["unit"] for d in docs.values()}) == 1 and decoys:
        bad("cross_unit_decoys given for a single-unit series")
    for r_, t_ in NEAR_MISSES:
        if r_ not in items or t_ not in items:
            bad("near-miss id missing %s %s" % (r_, t_))
        elif (t_, r_) in ft_pairs:
            bad("near-miss linked %s %s" % (t_, r_))

    return report()


def report():
    if problems:
        for p in problems:
            print("PROBLEM:", p)
        print("%d problem(s)" % len(problems))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
