#!/usr/bin/env python3
"""Check gold.json of the hand-ek series against its documents. Prints OK or the errors."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


FIELD_HEAD = re.compile(r"^[1-4]\. Về ")
LIMIT_HEAD = re.compile(r"^5\. Hạn chế")
TASK_LEADINS = ("Thường trực Đảng ủy thống nhất:", "Thời gian tới, yêu cầu:")
NAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
PUNCT_OK = set(" \t.;,")


def month_key(m):
    y, mo = m.split("-")
    return int(y) * 12 + int(mo)


def load():
    path = os.path.join(HERE, "gold.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check_form(g):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            err("form: key %s missing or not a %s" % (k, t.__name__))
    if "cross_unit_decoys" in g and not isinstance(g["cross_unit_decoys"], list):
        err("form: cross_unit_decoys not a list")
    extra = set(g) - set(need) - {"cross_unit_decoys"}
    if extra:
        err("form: unknown keys %s" % sorted(extra))
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("form: document keys %s" % sorted(d))
    for kind in ("tasks", "results"):
        for it in g.get(kind, []):
            if set(it) != {"id", "file", "period", "text"}:
                err("form: %s item keys %s" % (kind, sorted(it)))
            if not all(isinstance(it.get(k), str) and it.get(k) for k in ("id", "file", "period", "text")):
                err("form: %s item with empty/non-string field: %r" % (kind, it.get("id")))
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            err("form: follow_through keys %s" % sorted(l))
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            err("form: carry_over keys %s" % sorted(l))
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2):
            err("form: decoy pair %r" % (p,))


def read_doc(fname):
    path = os.path.join(HERE, fname)
    if not os.path.isfile(path):
        err("file missing: %s" % fname)
        return None
    b = open(path, "rb").read()
    if b.startswith(b"\xef\xbb\xbf"):
        err("%s: BOM" % fname)
    try:
        t = b.decode("utf-8")
    except UnicodeDecodeError as e:
        err("%s: not UTF-8 (%s)" % (fname, e))
        return None
    if unicodedata.normalize("NFC", t) != t:
        err("%s: not NFC" % fname)
    if "\r" in t:
        err("%s: CR line ends" % fname)
    if not t.endswith("\n"):
        err("%s: no final newline" % fname)
    return t


def parse_sections(fname, text):
    """Return lists of (start, end) char spans: result lines, task lines (content after '+ ')."""
    res_lines, task_lines = [], []
    pos = 0
    state = None  # None, 'res', 'task', 'limit'
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        s = line.strip()
        if FIELD_HEAD.match(line):
            state = "res"
            continue
        if LIMIT_HEAD.match(line):
            state = "limit"
            continue
        if state in ("res", "task") and s in TASK_LEADINS:
            if state == "task":
                err("%s: second task lead-in in one field: %r" % (fname, s))
            state = "task"
            continue
        if not s:
            if state == "task":
                state = None
            continue
        if state == "res":
            res_lines.append((start, end))
        elif state == "task":
            if not line.startswith("+ "):
                err("%s: non-bullet line in task block: %r" % (fname, line[:60]))
            else:
                task_lines.append((start + 2, end))
    return res_lines, task_lines


def main():
    g = load()
    check_form(g)
    if ERR:
        return finish()
    docs = {d["file"]: d for d in g["documents"]}
    if len(docs) != len(g["documents"]):
        err("duplicate document file")
    texts = {}
    units = {}
    for d in g["documents"]:
        f = d["file"]
        m = NAME.match(f)
        if not m:
            err("bad file name %s" % f)
            continue
        if "%s-%s" % (m.group(2), m.group(3)) != d["planned_period"]:
            err("%s: planned_period %s differs from the name" % (f, d["planned_period"]))
        for mo in d["reported_months"] + [d["planned_period"]]:
            if not MONTH.match(mo):
                err("%s: bad month %s" % (f, mo))
        if any(month_key(r) >= month_key(d["planned_period"]) for r in d["reported_months"]):
            err("%s: a reported month is not before the planned period" % f)
        t = read_doc(f)
        if t is None:
            continue
        texts[f] = t
        units.setdefault(d["unit"], []).append(d)
        # header and period agreement with the document itself
        for must in ("ĐẢNG CỘNG SẢN VIỆT NAM", "THÔNG BÁO", "Nơi nhận:", "T/M THƯỜNG TRỰC ĐẢNG ỦY"):
            if must not in t:
                err("%s: header/closing lacks %r" % (f, must))
        if not re.search(r"^Số \d+-TB/ĐU$", t, re.M):
            err("%s: no 'Số ...-TB/ĐU' line" % f)
        title = re.search(r"^tại phiên họp giao ban (tháng .+)$", t, re.M)
        if not title:
            err("%s: no title line" % f)
        else:
            tt = title.group(1)
            ym = re.search(r"năm (\d{4})$", tt)
            months = re.findall(r"tháng (\d{1,2})", tt)
            got = sorted("%s-%02d" % (ym.group(1), int(x)) for x in months) if ym else []
            if got != sorted(d["reported_months"]):
                err("%s: title reports %s, gold says %s" % (f, got, d["reported_months"]))
        py, pm = d["planned_period"].split("-")
        if not re.search(r"nhiệm vụ trọng tâm tháng 0?%d/%s" % (int(pm), py), t):
            err("%s: lead-in does not plan %s" % (f, d["planned_period"]))
        dt = re.search(r"^Ea Hling, ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$", t, re.M)
        if not dt:
            err("%s: no place/date line" % f)
        else:
            issued = "%s-%02d" % (dt.group(3), int(dt.group(2)))
            if issued not in (d["reported_months"][-1], d["planned_period"]):
                err("%s: issued %s, neither last reported month nor planned month" % (f, issued))

    # items
    items = {}
    spans = {f: [] for f in texts}
    for kind in ("tasks", "results"):
        for it in g[kind]:
            iid = it["id"]
            if iid in items:
                err("duplicate id %s" % iid)
            items[iid] = (kind, it)
            f = it["file"]
            if f not in docs:
                err("%s: unknown file %s" % (iid, f))
                continue
            if f not in texts:
                continue
            t = texts[f]
            n = t.count(it["text"])
            if n != 1:
                err("%s: text found %d times in %s" % (iid, n, f))
                continue
            if it["text"] != it["text"].strip():
                err("%s: text has outer whitespace" % iid)
            if "\n" in it["text"]:
                err("%s: text spans lines" % iid)
            s = t.index(it["text"])
            spans[f].append((s, s + len(it["text"]), kind, iid))
            d = docs[f]
            if kind == "tasks" and it["period"] != d["planned_period"]:
                err("%s: period %s but file plans %s" % (iid, it["period"], d["planned_period"]))
            if kind == "results" and it["period"] not in d["reported_months"]:
                err("%s: period %s not reported by %s" % (iid, it["period"], f))

    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err("%s: items %s and %s overlap" % (f, a[3], b[3]))
        res_lines, task_lines = parse_sections(f, texts[f])
        t = texts[f]

        def inside(s, e, lines):
            return any(ls <= s and e <= le for ls, le in lines)

        for s, e, kind, iid in sp:
            if kind == "tasks" and not inside(s, e, task_lines):
                err("%s: task %s is not in a task bullet" % (f, iid))
            if kind == "results" and not inside(s, e, res_lines):
                err("%s: result %s is not in a results paragraph" % (f, iid))
            if kind == "results":
                body = t[s:e]
                for m in re.finditer(r"[.!?]\s+(\S)", body):
                    if m.group(1).isupper():
                        err("%s: result %s holds more than one sentence" % (f, iid))
        # coverage: every character of the sections belongs to an item, but punctuation
        for lines, kind in ((res_lines, "results"), (task_lines, "tasks")):
            for ls, le in lines:
                inl = [x for x in sp if ls <= x[0] and x[1] <= le]
                if kind == "tasks" and len(inl) != 1:
                    err("%s: task bullet with %d items: %r" % (f, len(inl), t[ls:ls + 50]))
                covered = [False] * (le - ls)
                for s, e, _, _ in inl:
                    for i in range(s - ls, e - ls):
                        covered[i] = True
                left = "".join(ch for i, ch in enumerate(t[ls:le]) if not covered[i])
                if set(left) - PUNCT_OK:
                    err("%s: unlabelled text in %s section: %r" % (f, kind, left.strip()[:80]))
                if kind == "results":
                    # consecutive sentences are separated by '. '
                    for a, b in zip(inl, inl[1:]):
                        if t[a[1]:b[0]] != ". ":
                            err("%s: %s and %s not separated by '. '" % (f, a[3], b[3]))
                    if inl and t[inl[-1][1]:le] != ".":
                        err("%s: %s does not end its paragraph with '.'" % (f, inl[-1][3]))
        nt = sum(1 for x in sp if x[2] == "tasks")
        nr = sum(1 for x in sp if x[2] == "results")
        if not 10 <= nt <= 18:
            err("%s: %d tasks (want 10-18)" % (f, nt))
        if not (10 <= nr <= 18 or nr == 0):
            err("%s: %d results (want 10-18)" % (f, nr))
        if not task_lines:
            err("%s: no task section found" % f)

    # links
    def doc_of(iid):
        return docs[items[iid][1]["file"]]

    order = {}
    for u, ds in units.items():
        ds.sort(key=lambda d: month_key(d["planned_period"]))
        for i, d in enumerate(ds):
            order[d["file"]] = i
        names = [d["file"] for d in ds]
        for a, b in zip(ds, ds[1:]):
            if month_key(b["planned_period"]) <= month_key(a["planned_period"]):
                err("unit %s: planned periods not increasing" % u)
        # every planned month of a non-last document is reported by the next one
        for a, b in zip(ds, ds[1:]):
            if a["planned_period"] not in b["reported_months"]:
                err("%s: planned %s is not reported by %s" % (a["file"], a["planned_period"], b["file"]))

    linked = set()
    ftpairs = set()
    for l in g["follow_through"]:
        t_, r_ = l["task"], l["result"]
        if t_ not in items or items[t_][0] != "tasks":
            err("follow_through: %s is not a task" % t_)
            continue
        if r_ not in items or items[r_][0] != "results":
            err("follow_through: %s is not a result" % r_)
            continue
        if (t_, r_) in ftpairs:
            err("follow_through: duplicate %s->%s" % (t_, r_))
        ftpairs.add((t_, r_))
        if l["status"] not in STATUSES:
            err("follow_through %s->%s: status %s" % (t_, r_, l["status"]))
        dt_, dr_ = doc_of(t_), doc_of(r_)
        if dt_["unit"] != dr_["unit"]:
            err("follow_through %s->%s crosses units" % (t_, r_))
            continue
        tp = items[t_][1]["period"]
        if items[r_][1]["period"] != tp:
            err("follow_through %s->%s: result reports %s, task planned %s"
                % (t_, r_, items[r_][1]["period"], tp))
        if order[dr_["file"]] <= order[dt_["file"]]:
            err("follow_through %s->%s not forward in time" % (t_, r_))
        first = next((d["file"] for d in units[dt_["unit"]]
                      if order[d["file"]] > order[dt_["file"]] and tp in d["reported_months"]), None)
        if dr_["file"] != first:
            err("follow_through %s->%s: result not in the first document reporting %s" % (t_, r_, tp))
        linked.add(t_)
    copairs = set()
    for l in g["carry_over"]:
        a, b = l["from"], l["to"]
        if a not in items or items[a][0] != "tasks" or b not in items or items[b][0] != "tasks":
            err("carry_over %s->%s: not two tasks" % (a, b))
            continue
        if (a, b) in copairs:
            err("carry_over: duplicate %s->%s" % (a, b))
        copairs.add((a, b))
        if l["kind"] not in KINDS:
            err("carry_over %s->%s: kind %s" % (a, b, l["kind"]))
        da, db = doc_of(a), doc_of(b)
        if da["unit"] != db["unit"]:
            err("carry_over %s->%s crosses units" % (a, b))
            continue
        if month_key(items[b][1]["period"]) <= month_key(items[a][1]["period"]):
            err("carry_over %s->%s not forward in time" % (a, b))
        linked.add(a)

    # gaps
    want = set()
    for u, ds in units.items():
        for d in ds[:-1]:
            for it in g["tasks"]:
                if it["file"] == d["file"] and it["id"] not in linked:
                    want.add(it["id"])
    got = set(g["gaps"])
    if len(got) != len(g["gaps"]):
        err("gaps: duplicates")
    for x in sorted(got - want):
        err("gaps: %s is linked, in a last document, or unknown" % x)
    for x in sorted(want - got):
        err("gaps: unlinked task %s missing from gaps" % x)

    # decoys
    for p in g.get("cross_unit_decoys", []):
        a, b = p
        if a not in items or b not in items:
            err("decoy %r: unknown id" % (p,))
            continue
        if doc_of(a)["unit"] == doc_of(b)["unit"]:
            err("decoy %r: same unit" % (p,))
        if (a, b) in ftpairs or (b, a) in ftpairs or (a, b) in copairs or (b, a) in copairs:
            err("decoy %r is linked" % (p,))
    if len(units) > 1 and not g.get("cross_unit_decoys"):
        err("two units but no cross_unit_decoys")
    return finish()


def finish():
    if ERR:
        for e in ERR:
            print("ERROR:", e)
        print("%d error(s)" % len(ERR))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
