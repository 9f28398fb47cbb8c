#!/usr/bin/env python3
"""Check gold.json of the hand-BL series against its documents. Prints OK or the problems.

Checks: the form of gold.json; file names; UTF-8 / NFC / LF / no BOM; every item text an
exact, unique substring of its file, items not overlapping; every bullet, inline numbered
point and sentence of the results and tasks sections labelled (headings and lead-ins
skipped) and no item holding two points or two sentences; 10-18 tasks and 10-18 results
per document; periods agree with the documents (file name, title, date, month sequence);
links within one unit and forward in time (follow-through to the first later document of
the unit that reports the month); allowed statuses and kinds; gaps exactly the unlinked
tasks of non-last documents; decoys of two units, near-identical and never linked.
"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


NAME_RE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
ORD = r"(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười(?: một| hai| ba| bốn| lăm| sáu| bảy| tám| chín)?)"
MARKER = r"(?:\(\d{1,2}\)|\d{1,2}\)|[a-zđ]\)|[Tt]hứ " + ORD + r",)"
MARKER_ANY = re.compile(MARKER)
MARKER_INSIDE = re.compile(r"[;:,.]\s+" + MARKER + r"\s")
MARKER_TAIL = re.compile(r"(?:^|\s)" + MARKER + r"\s*$")
HEADING_RE = re.compile(r"^\s*(?:[IVX]+|\d{1,2}|[a-zđ])\.\s+\S")
LIMIT_RE = re.compile(r"^\s*(?:(?:[IVX]+|\d{1,2})\.\s*)?(?:\*\s*)?(?:Hạn chế|HẠN CHẾ|Tuy nhiên|Bên cạnh (?:những )?kết quả)")
CLOSE_RE = re.compile(r"^\s*(?:(?:[IVX]+|\d{1,2})\.\s*TỔ CHỨC THỰC HIỆN|Giao |Trên đây|Nơi nhận|"
                      r"(?:Thường trực|Ban Thường vụ) Đảng ủy giao|T/M )")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def month_add(ym, k):
    y, m = map(int, ym.split("-"))
    m += k
    while m > 12:
        y, m = y + 1, m - 12
    while m < 1:
        y, m = y - 1, m + 12
    return f"{y:04d}-{m:02d}"


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return set(re.findall(r"[a-z0-9]+", s))


def is_heading(line):
    s = line.strip()
    if not s:
        return True
    if HEADING_RE.match(s) and len(s) < 160 and not s.endswith(":"):
        return True
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def check_section(fname, text, spans, kind, start_line_re_stop, lines, line_starts):
    """spans: list of (start, end, id) of items of this kind, sorted."""
    if not spans:
        return
    first, last = spans[0][0], spans[-1][1]
    li_first = max(i for i, st in enumerate(line_starts) if st <= first)
    # walk back over lead-ins and headings
    j = li_first - 1
    while j >= 0 and (lines[j].strip() == "" or lines[j].rstrip().endswith(":") or is_heading(lines[j])):
        if is_heading(lines[j]) and lines[j].strip():
            break
        j -= 1
    if j >= 0:
        prev = lines[j].strip()
        if prev.startswith("-") or MARKER_ANY.match(prev) or MARKER_INSIDE.search(prev):
            err(f"{fname}: {kind} section: line before the section looks like an unlabelled item: {prev[:80]!r}")
    # end of section
    li = li_first
    while li < len(lines) and not (li > li_first and start_line_re_stop.match(lines[li])):
        li += 1
    if li >= len(lines):
        err(f"{fname}: {kind} section: no end found")
        return
    end_off = line_starts[li]
    if last > end_off:
        err(f"{fname}: {kind} item past the end of its section")
    sec_start = line_starts[li_first]
    sec = list(text[sec_start:end_off])
    for s, e, _ in spans:
        if s < sec_start or e > end_off:
            continue
        for k in range(s - sec_start, e - sec_start):
            sec[k] = "\x01"
        sec[s - sec_start] = "\x00"
    sec = "".join(sec).replace("\x01", "")
    for ln in sec.split("\n"):
        if "\x00" not in ln:
            if ln.strip() and not is_heading(ln) and not ln.rstrip().endswith(":"):
                err(f"{fname}: {kind} section: unlabelled text {ln.strip()[:90]!r}")
            continue
        chunks = ln.split("\x00")
        head = chunks[0].strip()
        head = re.sub(r"^-\s*", "", head)
        head = MARKER_TAIL.sub("", head).strip()
        if head and not head.endswith(":"):
            err(f"{fname}: {kind} section: unlabelled text before an item {head[:90]!r}")
        for c in chunks[1:]:
            rest = MARKER_ANY.sub("", c)
            rest = re.sub(r"[\s;:,.\-]", "", rest)
            if rest:
                err(f"{fname}: {kind} section: unlabelled text between items {c.strip()[:90]!r}")
        if ln.lstrip().startswith("-") and len(chunks) != 2:
            err(f"{fname}: {kind} section: a bullet holds {len(chunks) - 1} items")


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        print(f"FAIL: gold.json unreadable: {e}")
        return 1
    for key, typ in (("documents", list), ("tasks", list), ("results", list), ("follow_through", list),
                     ("carry_over", list), ("gaps", list), ("cross_unit_decoys", list)):
        if not isinstance(gold.get(key), typ):
            err(f"gold.json: {key} missing or not a {typ.__name__}")
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
    if extra:
        err(f"gold.json: unknown keys {sorted(extra)}")
    if errors:
        return report()

    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document entry keys {sorted(d)}")
            continue
        docs[d["file"]] = d
    if len(docs) != len(gold["documents"]):
        err("duplicate document files")
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err(f"documents listed {sorted(docs)} != .txt files on disk {on_disk}")

    # files: names, encoding, NFC
    texts = {}
    slug_units = defaultdict(set)
    for f, d in docs.items():
        m = NAME_RE.match(f)
        if not m:
            err(f"{f}: bad file name")
            continue
        slug_units[m.group(1)].add(d["unit"])
        if d["planned_period"] != f"{m.group(2)}-{m.group(3)}":
            err(f"{f}: planned_period {d['planned_period']} != month in name")
        raw = open(os.path.join(HERE, f), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{f}: BOM")
        if b"\r" in raw:
            err(f"{f}: CR in line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{f}: not UTF-8: {e}")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{f}: not NFC")
        if "{{" in t or "}}" in t:
            err(f"{f}: hand marks left in the text")
        texts[f] = t
    for slug, units in slug_units.items():
        if len(units) != 1:
            err(f"slug {slug} used by several units {units}")
    if len({d["unit"] for d in docs.values()}) != len(slug_units):
        err("one unit under several slugs")

    # periods agree with the documents
    by_unit = defaultdict(list)
    for f, d in docs.items():
        by_unit[d["unit"]].append(d)
    for unit, ds in by_unit.items():
        ds.sort(key=lambda d: d["planned_period"])
        prev = None
        for d in ds:
            pp = d["planned_period"]
            want = [month_add(pp, -1)] if prev is None else []
            if prev is not None:
                mm = prev
                while mm < pp:
                    want.append(mm)
                    mm = month_add(mm, 1)
            if d["reported_months"] != want:
                err(f"{d['file']}: reported_months {d['reported_months']} but expected {want}")
            prev = pp
            t = texts.get(d["file"], "")
            head = t[:900]
            for ym in d["reported_months"] + [pp]:
                mo = int(ym[5:])
                if not re.search(rf"tháng 0?{mo}\b", head):
                    err(f"{d['file']}: title/preamble does not name tháng {mo}")
            dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", head)
            if not dm:
                err(f"{d['file']}: no date line")
            else:
                dym = f"{int(dm.group(3)):04d}-{int(dm.group(2)):02d}"
                if dym not in (pp, month_add(pp, -1)):
                    err(f"{d['file']}: dated {dym}, planned {pp}")

    # items
    items = {}
    spans = defaultdict(list)
    for kind, lst in (("task", gold["tasks"]), ("result", gold["results"])):
        for it in lst:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{kind} entry keys {sorted(it)}")
                continue
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            items[it["id"]] = dict(it, kind=kind)
            f = it["file"]
            if f not in docs:
                err(f"{it['id']}: unknown file {f}")
                continue
            t = texts.get(f, "")
            s = it["text"]
            if s != s.strip() or not s:
                err(f"{it['id']}: empty text or outer whitespace")
            if unicodedata.normalize("NFC", s) != s:
                err(f"{it['id']}: text not NFC")
            n = t.count(s)
            if n != 1:
                err(f"{it['id']}: text found {n} times in {f}")
                continue
            st = t.index(s)
            spans[f].append((st, st + len(s), it["id"], kind))
            if "\n" in s:
                err(f"{it['id']}: text spans lines")
            if MARKER_INSIDE.search(s) or MARKER_ANY.match(s):
                err(f"{it['id']}: text holds an inline point marker")
            for mm in re.finditer(r"[.!?]\s+(\S)", s):
                if mm.group(1).isupper():
                    err(f"{it['id']}: text holds two sentences")
            d = docs[f]
            if kind == "task" and it["period"] != d["planned_period"]:
                err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
            if kind == "result" and it["period"] not in d["reported_months"]:
                err(f"{it['id']}: period {it['period']} not among reported {d['reported_months']}")

    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if a[1] > b[0]:
                err(f"{f}: items {a[2]} and {b[2]} overlap")
        t = texts[f]
        lines = t.split("\n")
        starts, o = [], 0
        for ln in lines:
            starts.append(o)
            o += len(ln) + 1
        rs = [(s, e, i) for s, e, i, k in sp if k == "result"]
        ts = [(s, e, i) for s, e, i, k in sp if k == "task"]
        if rs and ts and rs[-1][1] > ts[0][0]:
            err(f"{f}: results and tasks sections interleave")
        check_section(f, t, rs, "result", LIMIT_RE, lines, starts)
        check_section(f, t, ts, "task", CLOSE_RE, lines, starts)

    # counts
    for f in docs:
        nt = sum(1 for x in spans[f] if x[3] == "task")
        nr = sum(1 for x in spans[f] if x[3] == "result")
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks (want 10-18)")
        if nr and not 10 <= nr <= 18:
            err(f"{f}: {nr} results (want 10-18 or none)")

    # links
    unit_of = {i: docs[x["file"]]["unit"] for i, x in items.items() if x["file"] in docs}
    seen = set()
    ft_tasks, co_from = set(), set()
    links = set()
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err(f"follow_through entry keys {sorted(l)}")
            continue
        a, b = l["task"], l["result"]
        key = ("ft", a, b)
        if key in seen:
            err(f"duplicate follow-through {a}->{b}")
        seen.add(key)
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "result":
            err(f"follow-through {a}->{b}: not task->result")
            continue
        if l["status"] not in STATUSES:
            err(f"follow-through {a}->{b}: status {l['status']}")
        if unit_of[a] != unit_of[b]:
            err(f"follow-through {a}->{b} crosses units")
        ta, rb = items[a], items[b]
        da, db = docs[ta["file"]], docs[rb["file"]]
        if not db["planned_period"] > da["planned_period"] or rb["period"] < ta["period"]:
            err(f"follow-through {a}->{b} not forward in time")
        later = [d for d in by_unit[unit_of[a]] if d["planned_period"] > da["planned_period"]
                 and any(m >= ta["period"] for m in d["reported_months"])]
        if later and later[0]["file"] != rb["file"]:
            err(f"follow-through {a}->{b}: not in the first later document reporting {ta['period']}")
        ft_tasks.add(a)
        links.add(frozenset((a, b)))
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err(f"carry_over entry keys {sorted(l)}")
            continue
        a, b = l["from"], l["to"]
        key = ("co", a, b)
        if key in seen:
            err(f"duplicate carry-over {a}->{b}")
        seen.add(key)
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
            err(f"carry-over {a}->{b}: not task->task")
            continue
        if l["kind"] not in KINDS:
            err(f"carry-over {a}->{b}: kind {l['kind']}")
        if unit_of[a] != unit_of[b]:
            err(f"carry-over {a}->{b} crosses units")
        if not items[b]["period"] > items[a]["period"]:
            err(f"carry-over {a}->{b} not forward in time")
        co_from.add(a)
        links.add(frozenset((a, b)))
    split_from = Counter(l["from"] for l in gold["carry_over"] if l.get("kind") == "split")
    for a, n in split_from.items():
        if n < 2:
            err(f"split carry-over from {a} has only one target")

    # gaps
    last_file = {u: ds[-1]["file"] for u, ds in by_unit.items()}
    want_gaps = {i for i, x in items.items() if x["kind"] == "task" and x["file"] != last_file[unit_of[i]]
                 and i not in ft_tasks and i not in co_from}
    gaps = set(gold["gaps"])
    if len(gaps) != len(gold["gaps"]):
        err("duplicate gap ids")
    for i in sorted(gaps - want_gaps):
        err(f"gap {i} is linked, unknown, or in a unit's last document")
    for i in sorted(want_gaps - gaps):
        err(f"task {i} has no link but is not listed as a gap")

    # decoys
    dec = gold["cross_unit_decoys"]
    if len(by_unit) == 2 and len(dec) < 15:
        err(f"only {len(dec)} decoy pairs (want at least 15)")
    low = []
    for p in dec:
        if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
            err(f"bad decoy pair {p}")
            continue
        a, b = p
        if unit_of[a] == unit_of[b]:
            err(f"decoy pair {p} within one unit")
        if frozenset((a, b)) in links:
            err(f"decoy pair {p} is linked")
        if items[a]["kind"] == items[b]["kind"]:
            wa, wb = fold(items[a]["text"]), fold(items[b]["text"])
            ov = len(wa & wb) / max(1, min(len(wa), len(wb)))
            if ov < 0.6:
                low.append((a, b, round(ov, 2)))
    for a, b, ov in low:
        err(f"decoy pair {a}/{b} not near-identical (overlap {ov})")

    return report(len(docs), len(items), len(gold["follow_through"]), len(gold["carry_over"]),
                  len(gaps), len(dec))


def report(*counts):
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"FAIL ({len(errors)} problems)")
        return 1
    print("OK  documents %d, items %d, follow-through %d, carry-over %d, gaps %d, decoys %d" % counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
