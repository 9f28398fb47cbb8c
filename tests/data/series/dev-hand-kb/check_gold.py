#!/usr/bin/env python3
"""Check gold.json of the hand-KB series against its documents.  Prints OK when
every check passes, else the list of problems (exit status 1).

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / \\n line ends;
every item text an exact, unique substring of its file, items not overlapping;
every bullet and table row of the results and tasks sections labelled (headings,
table header rows and lead-in lines ending in ':' skipped) and every label lying
in the right section; task/result counts per document; periods agreeing with the
document (title, section headings, sub-part headings); links within one unit and
forward in time; allowed statuses and kinds; gaps exactly the unlinked tasks of
non-last documents; decoys never linked.
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


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^[a-z0-9-]+_(\d{4})-(\d{2})\.txt$")
HEADING = re.compile(r"^(?:[IVX]+\.|[A-Z]\.|\d+\.|[a-zđ]\))\s")
TABLE_HEAD = re.compile(r"^\|\s*TT\s*\|")
TABLE_ROW = re.compile(r"^\|\s*\d+\s*\|")
BULLET = re.compile(r"^[-+]\s+")


def ym(year, month):
    return "%04d-%02d" % (int(year), int(month))


def load():
    path = os.path.join(HERE, "gold.json")
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("gold.json has a BOM")
    return json.loads(raw.decode("utf-8"))


def check_form(g):
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if key not in g:
            err("gold.json lacks %r" % key)
    for key in g:
        if key not in ("documents", "tasks", "results", "follow_through", "carry_over",
                       "gaps", "cross_unit_decoys"):
            err("unknown key %r" % key)
    for d in g["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("document fields %s" % sorted(d))
        if not isinstance(d.get("reported_months"), list):
            err("reported_months not a list in %s" % d.get("file"))
        for m in d.get("reported_months", []) + [d.get("planned_period")]:
            if not re.fullmatch(r"\d{4}-\d{2}", str(m)):
                err("bad month %r in %s" % (m, d.get("file")))
    for kind in ("tasks", "results"):
        for it in g[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err("%s item fields %s" % (kind, sorted(it)))
            if not isinstance(it.get("text"), str) or not it.get("text", "").strip():
                err("empty text %s" % it.get("id"))
    ids = [it["id"] for it in g["tasks"] + g["results"]]
    if len(ids) != len(set(ids)):
        err("duplicate item ids")
    for f in g["follow_through"]:
        if set(f) != {"task", "result", "status"}:
            err("follow_through fields %s" % sorted(f))
        if f.get("status") not in STATUSES:
            err("bad status %r" % f.get("status"))
    for c in g["carry_over"]:
        if set(c) != {"from", "to", "kind"}:
            err("carry_over fields %s" % sorted(c))
        if c.get("kind") not in KINDS:
            err("bad kind %r" % c.get("kind"))
    pairs = [(f["task"], f["result"]) for f in g["follow_through"]]
    if len(pairs) != len(set(pairs)):
        err("duplicate follow-through link")
    pairs = [(c["from"], c["to"]) for c in g["carry_over"]]
    if len(pairs) != len(set(pairs)):
        err("duplicate carry-over link")
    if len(g["gaps"]) != len(set(g["gaps"])):
        err("duplicate gap")


def read_doc(fname):
    path = os.path.join(HERE, fname)
    if not os.path.isfile(path):
        err("missing file %s" % fname)
        return None
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s has a BOM" % fname)
    if b"\r" in raw:
        err("%s has \\r" % fname)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        err("%s is not UTF-8" % fname)
        return None
    if unicodedata.normalize("NFC", text) != text:
        err("%s is not NFC" % fname)
    return text


def month_numbers(s):
    return [int(x) for x in re.findall(r"(?i)tháng (\d{1,2})", s)]


def check_doc(d, text, tasks, results):
    fname = d["file"]
    m = FNAME.match(fname)
    if not m:
        err("bad file name %s" % fname)
        return
    if ym(m.group(1), m.group(2)) != d["planned_period"]:
        err("%s: planned_period %s disagrees with the name" % (fname, d["planned_period"]))
    lines = text.split("\n")
    # header
    for need in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "/BC-UBND", "Nơi nhận:"):
        if need not in text:
            err("%s lacks %r" % (fname, need))
    dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", text)
    if not dm:
        err("%s: no date" % fname)
    else:
        issued = ym(dm.group(3), dm.group(2))
        if not (max(d["reported_months"]) <= issued < d["planned_period"]):
            err("%s: date %s not between reported and planned months" % (fname, issued))
    # title: "Kết quả thực hiện nhiệm vụ tháng X[, tháng Y] và kế hoạch tháng Z năm YYYY"
    try:
        title = lines[lines.index("BÁO CÁO") + 1]
    except ValueError:
        err("%s: no title" % fname)
        title = ""
    year = re.search(r"năm (\d{4})", title)
    months = month_numbers(title)
    if not year or len(months) < 2:
        err("%s: title not understood: %r" % (fname, title))
    else:
        y = int(year.group(1))
        if ym(y, months[-1]) != d["planned_period"]:
            err("%s: title plans %s" % (fname, months[-1]))
        if [ym(y, x) for x in months[:-1]] != d["reported_months"]:
            err("%s: title reports %s" % (fname, months[:-1]))

    # item spans: unique, no overlap
    spans = []
    for it in tasks + results:
        n = text.count(it["text"])
        if n != 1:
            err("%s: %s occurs %d times" % (fname, it["id"], n))
            continue
        a = text.index(it["text"])
        spans.append((a, a + len(it["text"]), it["id"]))
    spans.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(spans, spans[1:]):
        if a2 < b1:
            err("%s: %s overlaps %s" % (fname, i1, i2))

    # sections
    sec = None
    part_period = None
    seen = {"R": [], "T": []}
    by_text_t = {it["text"]: it for it in tasks}
    by_text_r = {it["text"]: it for it in results}
    for ln, line in enumerate(lines, 1):
        s = line.strip()
        if re.match(r"^I\. KẾT QUẢ", s):
            sec = "R"
            part_period = None
            ms = month_numbers(s)
            yy = re.search(r"/(\d{4})", s)
            if not ms or not yy or [ym(yy.group(1), x) for x in ms] != d["reported_months"]:
                err("%s:%d results heading disagrees with reported months" % (fname, ln))
            continue
        if re.match(r"^II\. ", s):
            sec = None
            continue
        if re.match(r"^III\. KẾ HOẠCH", s):
            sec = "T"
            ms = month_numbers(s)
            yy = re.search(r"/(\d{4})", s)
            if len(ms) != 1 or not yy or ym(yy.group(1), ms[0]) != d["planned_period"]:
                err("%s:%d tasks heading disagrees with planned period" % (fname, ln))
            continue
        if re.match(r"^IV\. ", s):
            sec = None
            continue
        if sec is None or not s:
            continue
        if sec == "R" and re.match(r"^[A-Z]\. Kết quả tháng", s):
            ms = month_numbers(s)
            yy = re.search(r"/(\d{4})", s)
            part_period = ym(yy.group(1), ms[0]) if ms and yy else None
            continue
        if HEADING.match(s) or TABLE_HEAD.match(s):
            continue
        if TABLE_ROW.match(s):
            item_text = s
        elif BULLET.match(s):
            item_text = BULLET.sub("", s, count=1)
        elif s.endswith(":"):
            continue  # lead-in
        else:
            err("%s:%d unlabelled line in section: %r" % (fname, ln, s[:60]))
            continue
        table = by_text_t if sec == "T" else by_text_r
        if item_text not in table:
            err("%s:%d item not labelled as %s: %r" % (fname, ln, "task" if sec == "T" else "result", item_text[:60]))
            continue
        it = table[item_text]
        seen[sec].append(it["id"])
        if sec == "R":
            want = part_period or (d["reported_months"][0] if len(d["reported_months"]) == 1 else None)
            if want is None:
                err("%s:%d result outside a month part in a two-month report" % (fname, ln))
            elif it["period"] != want:
                err("%s: %s period %s, section says %s" % (fname, it["id"], it["period"], want))
        else:
            if it["period"] != d["planned_period"]:
                err("%s: %s period %s != planned %s" % (fname, it["id"], it["period"], d["planned_period"]))
    if sorted(seen["T"]) != sorted(it["id"] for it in tasks):
        err("%s: task labels and task lines differ" % fname)
    if sorted(seen["R"]) != sorted(it["id"] for it in results):
        err("%s: result labels and result lines differ" % fname)
    for it in results:
        if it["period"] not in d["reported_months"]:
            err("%s: %s period %s not reported" % (fname, it["id"], it["period"]))
    # counts
    if not 10 <= len(tasks) <= 18:
        err("%s: %d tasks" % (fname, len(tasks)))
    if not (10 <= len(results) <= 18 or len(results) == 0):
        err("%s: %d results" % (fname, len(results)))


def main():
    g = load()
    check_form(g)
    docs = {d["file"]: d for d in g["documents"]}
    listed = set(docs)
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
    if listed != on_disk:
        err("documents listed %s vs on disk %s" % (sorted(listed), sorted(on_disk)))
    items = {}
    for kind in ("tasks", "results"):
        for it in g[kind]:
            if it["file"] not in docs:
                err("%s in unknown file %s" % (it["id"], it["file"]))
                continue
            items[it["id"]] = (kind, it)
    for fname, d in docs.items():
        text = read_doc(fname)
        if text is None:
            continue
        check_doc(d, text,
                  [it for it in g["tasks"] if it["file"] == fname],
                  [it for it in g["results"] if it["file"] == fname])

    def unit(i):
        return docs[items[i][1]["file"]]["unit"]

    def planned(i):
        return docs[items[i][1]["file"]]["planned_period"]

    has_ft, has_co = set(), set()
    for f in g["follow_through"]:
        t, r = f["task"], f["result"]
        if items.get(t, ("",))[0] != "tasks" or items.get(r, ("",))[0] != "results":
            err("follow-through %s -> %s: unknown ids" % (t, r))
            continue
        if unit(t) != unit(r):
            err("follow-through %s -> %s across units" % (t, r))
        tp, rp = items[t][1]["period"], items[r][1]["period"]
        if not (planned(r) > planned(t) and rp >= tp):
            err("follow-through %s -> %s not forward in time" % (t, r))
        has_ft.add(t)
    for c in g["carry_over"]:
        a, b = c["from"], c["to"]
        if items.get(a, ("",))[0] != "tasks" or items.get(b, ("",))[0] != "tasks":
            err("carry-over %s -> %s: unknown ids" % (a, b))
            continue
        if unit(a) != unit(b):
            err("carry-over %s -> %s across units" % (a, b))
        if not items[b][1]["period"] > items[a][1]["period"]:
            err("carry-over %s -> %s not forward in time" % (a, b))
        has_co.add(a)
    last = {}
    for d in g["documents"]:
        if d["unit"] not in last or d["planned_period"] > last[d["unit"]]:
            last[d["unit"]] = d["planned_period"]
    expect = set()
    for it in g["tasks"]:
        d = docs[it["file"]]
        if d["planned_period"] == last[d["unit"]]:
            continue
        if it["id"] not in has_ft and it["id"] not in has_co:
            expect.add(it["id"])
    if set(g["gaps"]) != expect:
        err("gaps differ: extra %s, missing %s" % (sorted(set(g["gaps"]) - expect),
                                                 sorted(expect - set(g["gaps"]))))
    linked = {(f["task"], f["result"]) for f in g["follow_through"]}
    linked |= {(c["from"], c["to"]) for c in g["carry_over"]}
    for pair in g.get("cross_unit_decoys", []):
        if len(pair) != 2 or any(p not in items for p in pair):
            err("bad decoy pair %s" % pair)
            continue
        a, b = pair
        if unit(a) == unit(b):
            err("decoy pair %s within one unit" % pair)
        if (a, b) in linked or (b, a) in linked:
            err("decoy pair %s is linked" % pair)

    if errors:
        for e in errors:
            print("ERROR:", e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
