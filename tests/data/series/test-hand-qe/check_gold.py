#!/usr/bin/env python3
"""Check gold.json of the hand-qe series against its documents. Prints OK or the problems."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}

RE_RES = re.compile(r"^(?:[IVX]+|\d+)\.\s+(?:KẾT QUẢ|Kết quả)")
RE_LIM = re.compile(r"^(?:[IVX]+|\d+)\.\s+(?:HẠN CHẾ|Hạn chế)")
RE_TASK = re.compile(r"^(?:[IVX]+|\d+)\.\s+(?:NHIỆM VỤ|Nhiệm vụ|PHƯƠNG HƯỚNG|Phương hướng)")
RE_END = re.compile(r"^(?:(?:[IVX]+|\d+)\.\s+(?:TỔ CHỨC|Tổ chức thực hiện)|Trên đây|Nơi nhận)")
RE_HEAD = re.compile(r"^(?:[IVX]+|\d+)\.\s")
RE_BULLET = re.compile(r"^(?:\(\d+\)|[-+•])\s*")
RE_NAME = re.compile(r"^[a-z0-9-]+_(\d{4})-(\d{2})\.txt$")
RE_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
RE_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
RE_DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")


def period_start(p):
    m = RE_QUARTER.match(p)
    if m:
        return "%s-%02d" % (m.group(1), (int(m.group(2)) - 1) * 3 + 1)
    return p


def load():
    try:
        with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as fh:
            return json.load(fh)
    except Exception as e:  # noqa
        print("cannot read gold.json:", e)
        sys.exit(1)


def main():
    g = load()
    # ---- form ---------------------------------------------------------------
    need = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
    if set(g) != need:
        err("top-level keys %s, expected %s" % (sorted(g), sorted(need)))
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("document fields %s" % sorted(d))
    for kind in ("tasks", "results"):
        for it in g.get(kind, []):
            if set(it) != {"id", "file", "period", "text"}:
                err("%s item fields %s" % (kind, sorted(it)))
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            err("follow_through fields %s" % sorted(l))
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            err("carry_over fields %s" % sorted(l))
    if not all(isinstance(x, str) for x in g.get("gaps", [])):
        err("gaps must be ids")
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)):
            err("decoy must be a pair of ids: %r" % (p,))
    if errors:
        finish()

    docs = {d["file"]: d for d in g["documents"]}
    if len(docs) != len(g["documents"]):
        err("duplicate document file")
    # ---- files --------------------------------------------------------------
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err("documents %s differ from .txt files %s" % (sorted(docs), on_disk))
    texts, dates = {}, {}
    for f, d in docs.items():
        m = RE_NAME.match(f)
        if not m:
            err("bad file name " + f)
            continue
        pp = d["planned_period"]
        if not (RE_MONTH.match(pp) or RE_QUARTER.match(pp)):
            err("%s: bad planned_period %s" % (f, pp))
            continue
        if "%s-%s" % (m.group(1), m.group(2)) != period_start(pp):
            err("%s: name month differs from planned period %s" % (f, pp))
        for rm in d["reported_months"]:
            if not RE_MONTH.match(rm):
                err("%s: bad reported month %s" % (f, rm))
            if rm >= period_start(pp):
                err("%s: reported month %s not before planned period" % (f, rm))
        raw = open(os.path.join(HERE, f), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f + ": BOM")
        if b"\r" in raw:
            err(f + ": CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f + ": not UTF-8")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f + ": not NFC")
        texts[f] = t
        # header: genre marks, số, date, Nơi nhận, signature
        for must in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Nơi nhận:", "T/M "):
            if must not in t:
                err("%s: missing %r" % (f, must))
        if not re.search(r"^Số \d+-(?:TB|BC)/ĐU$", t, re.M):
            err(f + ": missing Số line")
        dm = RE_DATE.search(t)
        if not dm:
            err(f + ": no date")
            continue
        day, mon, yr = int(dm.group(1)), int(dm.group(2)), int(dm.group(3))
        dates[f] = "%04d-%02d-%02d" % (yr, mon, day)
        last_rep = max(d["reported_months"])
        if "%04d-%02d" % (yr, mon) != last_rep:
            err("%s: dated %s but last reported month %s" % (f, dates[f], last_rep))
        # periods agree with the title / preamble
        head = t[: t.find("\nI. ") if "\nI. " in t else t.find("\n1. ")]
        for rm in d["reported_months"]:
            mm = int(rm[5:])
            if not re.search(r"tháng 0?%d\b" % mm, head):
                err("%s: reported month %s not named in title/preamble" % (f, rm))
        q = RE_QUARTER.match(pp)
        if q:
            roman = [k for k, v in ROMAN.items() if v == int(q.group(2))][0]
            if not re.search(r"quý %s\b" % roman, head):
                err("%s: quarter %s not named in title" % (f, pp))
        else:
            if not re.search(r"tháng 0?%d\b" % int(pp[5:]), head):
                err("%s: planned month %s not named in title" % (f, pp))

    # ---- items --------------------------------------------------------------
    items = {}
    spans = {f: [] for f in texts}
    for kind in ("tasks", "results"):
        for it in g[kind]:
            iid = it["id"]
            if iid in items:
                err("duplicate id " + iid)
            items[iid] = dict(it, kind=kind[:-1])
            f = it["file"]
            if f not in texts:
                err("%s: unknown file %s" % (iid, f))
                continue
            t = texts[f]
            x = it["text"]
            if not x.strip() or x != x.strip():
                err("%s: empty text or outer spaces" % iid)
            n = t.count(x)
            if n != 1:
                err("%s: text occurs %d times in %s" % (iid, n, f))
                continue
            s = t.find(x)
            spans[f].append((s, s + len(x), iid, kind[:-1]))
            if any(m.end() < len(x) and x[m.end()].isupper() for m in re.finditer(r"[.!?]\s+", x)):
                err("%s: more than one sentence" % iid)
            d = docs[f]
            if kind == "tasks" and it["period"] != d["planned_period"]:
                err("%s: period %s != planned %s" % (iid, it["period"], d["planned_period"]))
            if kind == "results" and it["period"] not in d["reported_months"]:
                err("%s: period %s not reported by %s" % (iid, it["period"], f))
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err("%s: items %s and %s overlap" % (f, a[2], b[2]))

    # ---- sections: every bullet / sentence labelled -------------------------
    counts = {}
    for f, t in texts.items():
        section = None
        pos = 0
        sec_ranges = {"result": [], "task": []}
        covered = [False] * len(t)
        for s, e, iid, k in spans[f]:
            for i in range(s, e):
                covered[i] = True
        for line in t.split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            st = line.strip()
            if RE_RES.match(st):
                section = "result"
                continue
            if RE_LIM.match(st):
                section = "lim"
                continue
            if RE_TASK.match(st):
                section = "task"
                continue
            if RE_END.match(st):
                section = None
                continue
            if section not in ("result", "task") or not st:
                continue
            if RE_HEAD.match(st) or st.endswith(":"):
                continue  # sub-heading or lead-in
            b = RE_BULLET.match(line)
            cs = start + (b.end() if b else 0)
            sec_ranges[section].append((cs, end))
            bad = "".join(t[i] for i in range(cs, end) if not covered[i] and t[i] not in " .;,")
            if bad:
                err("%s: unlabelled text in %s section: %r" % (f, section, bad[:60]))
        # each item inside a section of its kind
        for s, e, iid, k in spans[f]:
            if not any(a <= s and e <= b for a, b in sec_ranges[k]):
                err("%s: %s lies outside a %s section" % (f, iid, k))
        nt = sum(1 for x in spans[f] if x[3] == "task")
        nr = sum(1 for x in spans[f] if x[3] == "result")
        counts[f] = (nt, nr)
        if not 10 <= nt <= 18:
            err("%s: %d tasks" % (f, nt))
        if not (10 <= nr <= 18 or nr == 0):
            err("%s: %d results" % (f, nr))

    # ---- links --------------------------------------------------------------
    def doc_of(iid):
        return docs[items[iid]["file"]]

    def later(a, b):  # item b in a later document of the same unit than item a
        return dates[items[b]["file"]] > dates[items[a]["file"]]

    linked_pairs = set()
    has_link = set()
    seen = set()
    for l in g["follow_through"]:
        t_, r_ = l["task"], l["result"]
        if (t_, r_) in seen:
            err("duplicate follow-through %s->%s" % (t_, r_))
        seen.add((t_, r_))
        if t_ not in items or items[t_]["kind"] != "task":
            err("follow-through: %s is not a task" % t_)
            continue
        if r_ not in items or items[r_]["kind"] != "result":
            err("follow-through: %s is not a result" % r_)
            continue
        if l["status"] not in STATUSES:
            err("follow-through %s->%s: status %s" % (t_, r_, l["status"]))
        if doc_of(t_)["unit"] != doc_of(r_)["unit"]:
            err("follow-through across units %s->%s" % (t_, r_))
        if not later(t_, r_):
            err("follow-through not forward %s->%s" % (t_, r_))
        if items[r_]["period"] < period_start(items[t_]["period"]):
            err("follow-through result period before task period %s->%s" % (t_, r_))
        linked_pairs.add(frozenset((t_, r_)))
        has_link.add(t_)
    seen = set()
    for l in g["carry_over"]:
        a, b = l["from"], l["to"]
        if (a, b) in seen:
            err("duplicate carry-over %s->%s" % (a, b))
        seen.add((a, b))
        if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
            err("carry-over %s->%s: both must be tasks" % (a, b))
            continue
        if l["kind"] not in KINDS:
            err("carry-over %s->%s: kind %s" % (a, b, l["kind"]))
        if doc_of(a)["unit"] != doc_of(b)["unit"]:
            err("carry-over across units %s->%s" % (a, b))
        if not later(a, b):
            err("carry-over not forward %s->%s" % (a, b))
        if period_start(items[b]["period"]) < period_start(items[a]["period"]):
            err("carry-over to an earlier period %s->%s" % (a, b))
        linked_pairs.add(frozenset((a, b)))
        has_link.add(a)

    # ---- gaps ---------------------------------------------------------------
    last_of_unit = {}
    for f, d in docs.items():
        u = d["unit"]
        if f in dates and (u not in last_of_unit or dates[f] > dates[last_of_unit[u]]):
            last_of_unit[u] = f
    expected = sorted(i for i, it in items.items()
                      if it["kind"] == "task" and i not in has_link
                      and it["file"] != last_of_unit[docs[it["file"]]["unit"]])
    if sorted(g["gaps"]) != expected or len(set(g["gaps"])) != len(g["gaps"]):
        err("gaps differ: extra %s, missing %s" % (sorted(set(g["gaps"]) - set(expected)),
                                                  sorted(set(expected) - set(g["gaps"]))))
    for i, it in items.items():
        if it["kind"] == "task" and it["file"] == last_of_unit[docs[it["file"]]["unit"]] and i in has_link:
            err("task of a unit's last document has an outgoing link: " + i)

    # ---- decoys -------------------------------------------------------------
    units = sorted({d["unit"] for d in docs.values()})
    if len(units) == 2 and len(g["cross_unit_decoys"]) < 12:
        err("fewer than 12 cross-unit decoys")
    dseen = set()
    for a, b in g["cross_unit_decoys"]:
        if a not in items or b not in items:
            err("decoy with unknown id %s/%s" % (a, b))
            continue
        if doc_of(a)["unit"] == doc_of(b)["unit"]:
            err("decoy within one unit %s/%s" % (a, b))
        if frozenset((a, b)) in linked_pairs:
            err("decoy is linked %s/%s" % (a, b))
        if frozenset((a, b)) in dseen:
            err("duplicate decoy %s/%s" % (a, b))
        dseen.add(frozenset((a, b)))

    finish(counts)


def finish(counts=None):
    if errors:
        for e in errors:
            print("ERROR:", e)
        sys.exit(1)
    for f in sorted(counts or {}):
        print("  %-24s tasks %2d  results %2d" % (f, counts[f][0], counts[f][1]))
    print("OK")


if __name__ == "__main__":
    main()
