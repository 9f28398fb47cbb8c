#!/usr/bin/env python3
"""Check gold.json of the hand-ra series against its documents. Prints OK or the problems."""
import json, os, re, sys, unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


NAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
RES_HEAD = re.compile(r"^(?:📌|✅) KQ\b.*?\bT(\d{1,2})(?:/(\d{4}))?[^:]*:$")
TASK_HEAD = re.compile(r"^(?:🎯|➡️) NV\b.*?\bT(\d{1,2})(?:/(\d{4}))?[^:]*:$")
LIM_HEAD = re.compile(r"^(?:⚠️|❗) .*:$")
END = re.compile(r"^(?:👉|📝)")
BULLET = re.compile(r"^(?:\d+\.\s+|[🔹☑▶•\-]\s+)")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def month_of(m, y, planned):
    py, pm = int(planned[:4]), int(planned[5:])
    mm = int(m)
    yy = int(y) if y else (py if mm <= pm else py - 1)
    return "%04d-%02d" % (yy, mm)


def main():
    try:
        with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
            gold = json.load(f)
    except Exception as e:  # noqa
        print("cannot read gold.json:", e)
        return 1

    # ---- form
    for key, typ in (("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)):
        if not isinstance(gold.get(key), typ):
            err("missing or bad key %s" % key)
    if errors:
        print("\n".join(errors))
        return 1
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over", "gaps",
                         "cross_unit_decoys"}
    if extra:
        err("unknown keys %s" % sorted(extra))
    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("document fields %s" % d)
            continue
        if d["file"] in docs:
            err("document listed twice %s" % d["file"])
        docs[d["file"]] = d
        if not isinstance(d["reported_months"], list) or not all(
                isinstance(x, str) and PERIOD.match(x) for x in d["reported_months"]):
            err("bad reported_months in %s" % d["file"])
        if not PERIOD.match(str(d["planned_period"])):
            err("bad planned_period in %s" % d["file"])
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err("%s fields %s" % (kind, it))
                continue
            if it["id"] in items:
                err("duplicate id %s" % it["id"])
            it = dict(it, kind=kind[:-1])
            items[it["id"]] = it
            if it["file"] not in docs:
                err("%s in unknown file %s" % (it["id"], it["file"]))
            if not PERIOD.match(str(it["period"])):
                err("bad period for %s" % it["id"])
            if not isinstance(it["text"], str) or not it["text"].strip():
                err("empty text %s" % it["id"])
    if errors:
        print("\n".join(errors))
        return 1

    # ---- file names, encoding
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err("documents %s differ from .txt files %s" % (sorted(docs), on_disk))
    texts = {}
    for fname, d in docs.items():
        m = NAME.match(fname)
        if not m:
            err("bad file name %s" % fname)
        elif m.group(1) != d["planned_period"]:
            err("%s: name month differs from planned_period %s" % (fname, d["planned_period"]))
        path = os.path.join(HERE, fname)
        if not os.path.exists(path):
            err("missing file %s" % fname)
            continue
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err("%s has a BOM" % fname)
        if b"\r" in raw:
            err("%s has CR line ends" % fname)
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            err("%s is not UTF-8" % fname)
            continue
        if unicodedata.normalize("NFC", t) != t:
            err("%s is not NFC" % fname)
        if not t.endswith("\n"):
            err("%s does not end with a newline" % fname)
        texts[fname] = t

    # ---- exact unique substrings, no overlaps
    spans = defaultdict(list)
    for iid, it in items.items():
        t = texts.get(it["file"])
        if t is None:
            continue
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err("%s text not NFC" % iid)
        n = t.count(it["text"])
        if n != 1:
            err("%s: text found %d times in %s" % (iid, n, it["file"]))
            continue
        s = t.index(it["text"])
        spans[it["file"]].append((s, s + len(it["text"]), iid))
    for fname, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err("%s: %s overlaps %s" % (fname, a[2], b[2]))

    # ---- sections: every bullet labelled, periods agree
    by_file_text = defaultdict(dict)
    for iid, it in items.items():
        by_file_text[it["file"]][it["text"]] = it
    for fname, t in texts.items():
        d = docs[fname]
        planned = d["planned_period"]
        section, sec_month = None, None
        res_months, task_months = [], []
        covered = set()
        for line in t.split("\n"):
            s = line.strip()
            if END.match(s):
                section = None
                continue
            mr, mt = RES_HEAD.match(s), TASK_HEAD.match(s)
            if mr:
                section, sec_month = "result", month_of(mr.group(1), mr.group(2), planned)
                res_months.append(sec_month)
                continue
            if mt:
                section, sec_month = "task", month_of(mt.group(1), mt.group(2), planned)
                task_months.append(sec_month)
                continue
            if LIM_HEAD.match(s):
                section = "limitation"
                continue
            if not s or section is None:
                continue
            if s.endswith(":"):
                continue  # heading or lead-in
            body = BULLET.sub("", s, count=1)
            it = by_file_text[fname].get(body)
            if section == "limitation":
                if it:
                    err("%s: %s labelled inside limitations" % (fname, it["id"]))
                continue
            if not it:
                err("%s: unlabelled %s line: %s" % (fname, section, s))
                continue
            covered.add(it["id"])
            if it["kind"] != section:
                err("%s: %s is a %s in a %s section" % (fname, it["id"], it["kind"], section))
            if it["period"] != sec_month:
                err("%s: %s period %s, section month %s" % (fname, it["id"], it["period"], sec_month))
        for iid, it in items.items():
            if it["file"] == fname and iid not in covered:
                err("%s: %s is not a whole bullet of a results/tasks section" % (fname, iid))
        if sorted(res_months) != sorted(d["reported_months"]):
            err("%s: reported_months %s, result sections %s" % (fname, d["reported_months"], res_months))
        if task_months != [planned]:
            err("%s: planned_period %s, task sections %s" % (fname, planned, task_months))
        nt = sum(1 for it in items.values() if it["file"] == fname and it["kind"] == "task")
        nr = sum(1 for it in items.values() if it["file"] == fname and it["kind"] == "result")
        if not 10 <= nt <= 18:
            err("%s: %d tasks" % (fname, nt))
        if not (nr == 0 or 10 <= nr <= 18):
            err("%s: %d results" % (fname, nr))

    # ---- links
    def doc_of(iid):
        return docs[items[iid]["file"]]

    ft_pairs, co_pairs = set(), set()
    linked = set()
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err("follow_through fields %s" % l)
            continue
        a, b = l["task"], l["result"]
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "result":
            err("follow_through %s -> %s: bad ids" % (a, b))
            continue
        if (a, b) in ft_pairs:
            err("follow_through %s -> %s twice" % (a, b))
        ft_pairs.add((a, b))
        linked.add(a)
        if l["status"] not in STATUSES:
            err("follow_through %s -> %s: status %s" % (a, b, l["status"]))
        if doc_of(a)["unit"] != doc_of(b)["unit"]:
            err("follow_through %s -> %s across units" % (a, b))
        if doc_of(b)["planned_period"] <= doc_of(a)["planned_period"]:
            err("follow_through %s -> %s not forward" % (a, b))
        if items[b]["period"] < items[a]["period"]:
            err("follow_through %s -> %s: result reports a month before the task's" % (a, b))
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err("carry_over fields %s" % l)
            continue
        a, b = l["from"], l["to"]
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
            err("carry_over %s -> %s: bad ids" % (a, b))
            continue
        if (a, b) in co_pairs:
            err("carry_over %s -> %s twice" % (a, b))
        co_pairs.add((a, b))
        linked.add(a)
        if l["kind"] not in KINDS:
            err("carry_over %s -> %s: kind %s" % (a, b, l["kind"]))
        if doc_of(a)["unit"] != doc_of(b)["unit"]:
            err("carry_over %s -> %s across units" % (a, b))
        if doc_of(b)["planned_period"] <= doc_of(a)["planned_period"]:
            err("carry_over %s -> %s not forward" % (a, b))

    # ---- gaps
    last = {}
    for d in docs.values():
        if d["unit"] not in last or d["planned_period"] > last[d["unit"]]:
            last[d["unit"]] = d["planned_period"]
    expect = {iid for iid, it in items.items() if it["kind"] == "task" and iid not in linked
              and doc_of(iid)["planned_period"] != last[doc_of(iid)["unit"]]}
    c = Counter(gold["gaps"])
    if any(v > 1 for v in c.values()):
        err("gap listed twice")
    if set(gold["gaps"]) != expect:
        err("gaps: missing %s, extra %s" % (sorted(expect - set(gold["gaps"])),
                                            sorted(set(gold["gaps"]) - expect)))

    # ---- decoys
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        err("cross_unit_decoys is not a list")
        decoys = []
    if len(set(last)) < 2 and decoys:
        err("decoys given but only one unit")
    for p in decoys:
        if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
            err("bad decoy pair %s" % p)
            continue
        a, b = p
        if doc_of(a)["unit"] == doc_of(b)["unit"]:
            err("decoy pair %s within one unit" % p)
        for x, y in ((a, b), (b, a)):
            if (x, y) in ft_pairs or (x, y) in co_pairs:
                err("decoy pair %s is linked" % p)

    if errors:
        print("\n".join(errors))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
