#!/usr/bin/env python3
"""Check gold.json of the hand-em series against its documents. Prints OK or the problems.

Checks: the form of gold.json; file names; UTF-8 / NFC / \\n / no BOM; every item text an
exact unique substring of its file, items not overlapping; every sentence or bullet of the
results and tasks sections labelled (headings and lead-ins skipped), each item made of whole
sentences and lying in the right section; task/result counts per document; periods against the
documents' titles and dates; links within one unit and forward in time; allowed statuses and
kinds; gaps exactly the unlinked tasks of non-last documents; decoys never linked.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


# Within-unit look-alikes typed by hand (see AUTHOR.md): these pairs must never be linked.
WITHIN_UNIT_DECOYS = [
    ("T-2512-05", "R-2601-04"),   # MTTQ quy chế phối hợp  vs  MTTQ nhận ủng hộ Quỹ Vì người nghèo
    ("T-2512-15", "R-2601-05"),   # Hội Phụ nữ, Lũng Cáp: tảo hôn  vs  tọa đàm phát triển kinh tế
    ("T-2601-14", "R-2603-16"),   # chợ phiên Nà Khoang: kiểm tra ATTP  vs  sắp xếp điểm kinh doanh
    ("T-2603-12", "R-2604-04"),   # Hội Phụ nữ: kỷ niệm 8/3  vs  ra mắt CLB Phụ nữ với pháp luật
    ("T-2604-14", "R-2605-13"),   # Lũng Cáp: hiến đất mở rộng đường trục  vs  bê tông đường ngõ xóm
    ("T-2601-14", "T-2605-13"),   # kiểm tra ATTP chợ Tết (gap)  vs  Tháng hành động ATTP tháng 5
]

STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

RES_START = re.compile(r"^(I\.\s|Phần thứ nhất\b)")
LIM_START = re.compile(r"^(II\.\s|\*\s*Hạn chế)")
TASK_START = re.compile(r"^(III\.\s|Phần thứ hai\b)")
TASK_END = re.compile(r"^(Giao |Ban Thường vụ Đảng ủy giao |Nơi nhận)")
BULLET = re.compile(r"^(?:-|\+|\d+\.|[a-zđ]\))\s+")
SENT_SPLIT = re.compile(r"(?<=\.)\s+")


def load_gold():
    path = os.path.join(HERE, "gold.json")
    try:
        return json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa
        print("cannot read gold.json:", e)
        sys.exit(1)


def check_form(g):
    need = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps"}
    for k in need:
        if k not in g:
            err("gold.json: missing key %s" % k)
    for k in g:
        if k not in need | {"cross_unit_decoys"}:
            err("gold.json: unexpected key %s" % k)
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("document fields %s" % sorted(d))
        for m in d.get("reported_months", []) + [d.get("planned_period", "")]:
            if not MONTH.match(str(m)):
                err("%s: bad month %r" % (d.get("file"), m))
    for kind in ("tasks", "results"):
        for it in g.get(kind, []):
            if set(it) != {"id", "file", "period", "text"}:
                err("%s item fields %s" % (kind, sorted(it)))
            if not MONTH.match(str(it.get("period", ""))):
                err("%s: bad period %r" % (it.get("id"), it.get("period")))
            if not isinstance(it.get("text"), str) or not it["text"].strip():
                err("%s: empty text" % it.get("id"))
    for ft in g.get("follow_through", []):
        if set(ft) != {"task", "result", "status"}:
            err("follow_through fields %s" % sorted(ft))
    for co in g.get("carry_over", []):
        if set(co) != {"from", "to", "kind"}:
            err("carry_over fields %s" % sorted(co))
    if not isinstance(g.get("gaps"), list):
        err("gaps is not a list")
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2):
            err("cross_unit_decoys entry %r" % (p,))
    ids = [it["id"] for it in g.get("tasks", []) + g.get("results", [])]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        err("duplicate ids %s" % sorted(dup))


def read_doc(fname):
    raw = open(os.path.join(HERE, fname), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s: BOM" % fname)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err("%s: not UTF-8 (%s)" % (fname, e))
        return ""
    if "\r" in text:
        err("%s: CR line ends" % fname)
    if unicodedata.normalize("NFC", text) != text:
        err("%s: not NFC" % fname)
    return text


def parse_title(fname, text):
    lines = text.split("\n")
    head = "\n".join(lines[:12])
    m = re.search(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", head)
    date = (int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None
    if not date:
        err("%s: no header date" % fname)
    if "ĐẢNG CỘNG SẢN VIỆT NAM" not in head or not re.search(r"Số \d+-TB/ĐU", head):
        err("%s: Party-genre header incomplete" % fname)
    title = None
    for i, ln in enumerate(lines):
        if ln.strip() == "THÔNG BÁO":
            for ln2 in lines[i + 1:i + 5]:
                if ln2.startswith("về "):
                    title = ln2
                    break
            break
    if not title:
        err("%s: no title line" % fname)
        return date, [], []
    cut = title.find("nhiệm vụ trọng tâm")
    if cut < 0:
        err("%s: title without 'nhiệm vụ trọng tâm'" % fname)
        return date, [], []

    def months(part_start, part_end):
        out = []
        for mm in re.finditer(r"tháng\s+(\d{1,2})", title[part_start:part_end]):
            pos = part_start + mm.end()
            y = re.search(r"năm\s+(\d{4})", title[pos:])
            if not y:
                err("%s: title month without year" % fname)
                continue
            out.append("%s-%02d" % (y.group(1), int(mm.group(1))))
        return out

    return date, months(0, cut), months(cut, len(title))


def sections(fname, text):
    """Return (results_span, tasks_span) as (start, end) character offsets."""
    offs, pos = [], 0
    for ln in text.split("\n"):
        offs.append((pos, ln))
        pos += len(ln) + 1
    rs = ls = ts = te = None
    for o, ln in offs:
        if rs is None and RES_START.match(ln):
            rs = o
        elif rs is not None and ls is None and LIM_START.match(ln):
            ls = o
        elif ls is not None and ts is None and TASK_START.match(ln):
            ts = o
        elif ts is not None and te is None and TASK_END.match(ln):
            te = o
    if None in (rs, ls, ts, te):
        err("%s: cannot find sections (%s)" % (fname, (rs, ls, ts, te)))
        return None, None
    return (rs, ls), (ts, te)


def sentences(text, span):
    """Sentence spans of the content lines inside span, headings and lead-ins skipped."""
    out = []
    start, end = span
    pos = start
    first = True
    for ln in text[start:end].split("\n"):
        lo = pos
        pos += len(ln) + 1
        if first:          # the section heading line itself
            first = False
            continue
        s = ln.rstrip()
        if not s.strip():
            continue
        if s.endswith(":"):            # lead-in
            continue
        if not s.endswith((".", ";", ".)", ".”")):   # heading
            continue
        m = BULLET.match(s)
        body_lo = lo + (m.end() if m else 0)
        body = text[body_lo:lo + len(s)]
        p = 0
        for piece in SENT_SPLIT.split(body):
            i = body.index(piece, p)
            out.append((body_lo + i, body_lo + i + len(piece)))
            p = i + len(piece)
    return out


def main():
    g = load_gold()
    check_form(g)
    docs = g.get("documents", [])
    files = [d["file"] for d in docs]
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(files) != on_disk:
        err("documents %s vs .txt on disk %s" % (sorted(files), on_disk))
    texts, info = {}, {}
    for d in docs:
        f = d["file"]
        m = FNAME.match(f)
        if not m:
            err("%s: bad file name" % f)
        elif m.group(1) != d["planned_period"]:
            err("%s: file month != planned_period %s" % (f, d["planned_period"]))
        if not os.path.exists(os.path.join(HERE, f)):
            err("%s: missing" % f)
            continue
        texts[f] = read_doc(f)
        date, rep, plan = parse_title(f, texts[f])
        info[f] = {"date": date, "reported": rep, "planned": plan, "unit": d["unit"]}
        if rep != d["reported_months"]:
            err("%s: reported_months %s but title says %s" % (f, d["reported_months"], rep))
        if not plan or plan[0] != d["planned_period"]:
            err("%s: planned_period %s but title says %s" % (f, d["planned_period"], plan))
        if date and rep and "%04d-%02d" % (date[0], date[1]) != rep[-1]:
            err("%s: dated %s, not in last reported month %s" % (f, date, rep[-1]))

    # order documents per unit by planned period; each document reports the previous plan
    by_unit = {}
    for d in docs:
        by_unit.setdefault(d["unit"], []).append(d["file"])
    order = {}
    for u, fs in by_unit.items():
        fs.sort(key=lambda f: info[f]["planned"][0] if info.get(f, {}).get("planned") else "")
        for k, f in enumerate(fs):
            order[f] = (u, k)
            if k and info[f]["reported"] != info[fs[k - 1]]["planned"]:
                err("%s reports %s but %s planned %s" % (f, info[f]["reported"], fs[k - 1],
                                                         info[fs[k - 1]]["planned"]))

    items = {}
    for kind in ("tasks", "results"):
        for it in g.get(kind, []):
            items[it["id"]] = dict(it, kind=kind)

    # substrings, overlaps, sections, coverage, counts
    for f, text in texts.items():
        spans = []
        for iid, it in items.items():
            if it["file"] != f:
                continue
            t = it["text"]
            if unicodedata.normalize("NFC", t) != t:
                err("%s: text not NFC" % iid)
            n = text.count(t)
            if n != 1:
                err("%s: text found %d times in %s" % (iid, n, f))
                continue
            i = text.index(t)
            spans.append((i, i + len(t), iid, it["kind"]))
        spans.sort()
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1]:
                err("%s: %s overlaps %s" % (f, a[2], b[2]))
        rsec, tsec = sections(f, text)
        if rsec is None:
            continue
        for kind, sec in (("results", rsec), ("tasks", tsec)):
            sents = sentences(text, sec)
            starts = {s for s, _ in sents}
            ends = {e for _, e in sents}
            mine = [s for s in spans if s[3] == kind]
            for lo, hi, iid, _ in spans:
                inside = sec[0] <= lo and hi <= sec[1]
                if (_ == kind) != inside and inside:
                    err("%s: %s item lies in the %s section" % (iid, _, kind))
                if _ == kind and not inside:
                    err("%s: outside the %s section" % (iid, kind))
                if _ == kind and (lo not in starts or hi not in ends):
                    err("%s: not made of whole sentences/bullets" % iid)
            for lo, hi in sents:
                cover = [s for s in mine if s[0] <= lo and hi <= s[1]]
                if len(cover) != 1:
                    err("%s: %s sentence not labelled: %r" % (f, kind, text[lo:hi][:70]))
        nt = sum(1 for s in spans if s[3] == "tasks")
        nr = sum(1 for s in spans if s[3] == "results")
        if not 10 <= nt <= 18:
            err("%s: %d tasks" % (f, nt))
        if not (10 <= nr <= 18 or nr == 0):
            err("%s: %d results" % (f, nr))

    # periods of items
    for iid, it in items.items():
        inf = info.get(it["file"])
        if not inf:
            err("%s: unknown file %s" % (iid, it["file"]))
            continue
        allowed = inf["planned"] if it["kind"] == "tasks" else inf["reported"]
        if it["period"] not in allowed:
            err("%s: period %s not in %s" % (iid, it["period"], allowed))

    # links
    linked_from = set()
    seen = set()
    for ft in g.get("follow_through", []):
        t, r = items.get(ft["task"]), items.get(ft["result"])
        key = ("ft", ft["task"], ft["result"])
        if key in seen:
            err("duplicate follow_through %s" % (key,))
        seen.add(key)
        if not t or t["kind"] != "tasks" or not r or r["kind"] != "results":
            err("follow_through %s -> %s: bad ids" % (ft["task"], ft["result"]))
            continue
        if ft["status"] not in STATUSES:
            err("follow_through %s: status %s" % (ft["task"], ft["status"]))
        (ut, kt), (ur, kr) = order[t["file"]], order[r["file"]]
        if ut != ur:
            err("follow_through %s -> %s crosses units" % (ft["task"], ft["result"]))
        if kr <= kt:
            err("follow_through %s -> %s not forward in time" % (ft["task"], ft["result"]))
        first = next((f for f in by_unit[ut][kt + 1:] if t["period"] in info[f]["reported"]), None)
        if r["file"] != first:
            err("follow_through %s -> %s: result not in the first document reporting %s"
                % (ft["task"], ft["result"], t["period"]))
        if r["period"] < t["period"]:
            err("follow_through %s -> %s: result period before task period" % (ft["task"], ft["result"]))
        linked_from.add(ft["task"])
    for co in g.get("carry_over", []):
        a, b = items.get(co["from"]), items.get(co["to"])
        key = ("co", co["from"], co["to"])
        if key in seen:
            err("duplicate carry_over %s" % (key,))
        seen.add(key)
        if not a or a["kind"] != "tasks" or not b or b["kind"] != "tasks":
            err("carry_over %s -> %s: bad ids" % (co["from"], co["to"]))
            continue
        if co["kind"] not in KINDS:
            err("carry_over %s: kind %s" % (co["from"], co["kind"]))
        (ua, ka), (ub, kb) = order[a["file"]], order[b["file"]]
        if ua != ub:
            err("carry_over %s -> %s crosses units" % (co["from"], co["to"]))
        if kb <= ka:
            err("carry_over %s -> %s not forward in time" % (co["from"], co["to"]))
        linked_from.add(co["from"])

    # gaps
    expected = set()
    for iid, it in items.items():
        if it["kind"] != "tasks":
            continue
        u, k = order[it["file"]]
        if k < len(by_unit[u]) - 1 and iid not in linked_from:
            expected.add(iid)
    gaps = set(g.get("gaps", []))
    if gaps != expected:
        err("gaps: missing %s, extra %s" % (sorted(expected - gaps), sorted(gaps - expected)))

    # decoys never linked
    links = {(x["task"], x["result"]) for x in g.get("follow_through", [])}
    links |= {(x["from"], x["to"]) for x in g.get("carry_over", [])}
    pairs = [tuple(p) for p in g.get("cross_unit_decoys", [])] + WITHIN_UNIT_DECOYS
    for a, b in pairs:
        if a not in items or b not in items:
            err("decoy %s/%s: unknown id" % (a, b))
        if (a, b) in links or (b, a) in links:
            err("decoy %s/%s is linked" % (a, b))
    for a, b in g.get("cross_unit_decoys", []):
        if a in items and b in items and items[a]["file"] in order and \
                order[items[a]["file"]][0] == order[items[b]["file"]][0]:
            err("cross_unit_decoy %s/%s within one unit" % (a, b))

    if errors:
        for e in errors:
            print("ERROR", e)
        print("%d problem(s)" % len(errors))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
