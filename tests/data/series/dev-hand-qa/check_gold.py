#!/usr/bin/env python3
"""Check gold.json of the hand-labelled Bạch Sa series against its documents.

Run from anywhere: python3 check_gold.py   (prints OK, or the list of problems)
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []

# pairs of near-alike items that must never be linked (within-unit decoys of
# this series; cross_unit_decoys of gold.json are added to it)
LOCAL_DECOYS = [
    ("T01-15", "R02-11"),  # UBND year-end review vs. Youth Union's own review
    ("T02-10", "R03-11"),  # preparing the send-off vs. admitting 2 recruits to the Party
    ("T03-13", "R05-5"),   # drug-free model of khu Cầu Tàu vs. an arrest at Bến Đá
    ("T05-5", "R06-6"),    # one-stop desk equipment vs. one-stop desk file counts
    ("T05-15", "R06-15"),  # NCD screening of the elderly vs. free eye exams
]

FILE_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*_(\d{4}-\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}

# section heads of the layout used by this series (both clerks)
HEAD_RESULTS = [re.compile(r"^Đã làm \(tháng (\d+)\):$"),
                re.compile(r"^Kết quả tháng (\d+)(?: và tháng (\d+))?\.$")]
HEAD_TASKS = [re.compile(r"^Tháng (\d+) làm:$"),
              re.compile(r"^Giao việc tháng (\d+)\.$")]
HEAD_LIMITS = [re.compile(r"^MẢNG \d+\. CÒN VƯỚNG$"), re.compile(r"^Còn vướng\.$")]
HEAD_OTHER = [re.compile(r"^MẢNG \d+\. "), re.compile(r"^Mảng việc thứ "),
              re.compile(r"^(TỔ CHỨC THỰC HIỆN|Tổ chức thực hiện)$"),
              re.compile(r"^Nơi nhận:$"), re.compile(r"^Kiến nghị:")]
MARKER = re.compile(r"^[\s+\-•]*(?:\(\d+\))?\s*$")


def err(msg):
    ERR.append(msg)


def month_add(ym, k):
    y, m = int(ym[:4]), int(ym[5:])
    m += k
    while m > 12:
        y, m = y + 1, m - 12
    while m < 1:
        y, m = y - 1, m + 12
    return f"{y:04d}-{m:02d}"


def match_any(pats, line):
    for p in pats:
        m = p.match(line)
        if m:
            return m
    return None


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa
        print("gold.json unreadable:", e)
        sys.exit(1)

    # ---------------- form
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)]:
        if not isinstance(gold.get(key), typ):
            err(f"gold.json: '{key}' missing or not a {typ.__name__}")
    if ERR:
        finish()
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list) or not all(isinstance(p, list) and len(p) == 2 for p in decoys):
        err("cross_unit_decoys must be a list of pairs")
        decoys = []
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document fields: {d}")
    for t in gold["tasks"]:
        if set(t) != {"id", "file", "period", "text"}:
            err(f"task fields: {t}")
    for r in gold["results"]:
        if set(r) != {"id", "file", "period", "text"}:
            err(f"result fields: {r}")
    for f in gold["follow_through"]:
        if set(f) != {"task", "result", "status"}:
            err(f"follow_through fields: {f}")
    for c in gold["carry_over"]:
        if set(c) != {"from", "to", "kind"}:
            err(f"carry_over fields: {c}")
    if ERR:
        finish()

    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        err("duplicate document file")
    ids = [x["id"] for x in gold["tasks"]] + [x["id"] for x in gold["results"]]
    if len(ids) != len(set(ids)):
        err("duplicate item ids")
    tasks = {t["id"]: t for t in gold["tasks"]}
    results = {r["id"]: r for r in gold["results"]}

    # ---------------- file names, encoding, periods of documents
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err(f"documents in gold.json {sorted(docs)} != .txt files {on_disk}")
    texts = {}
    ym_re = re.compile(r"^\d{4}-\d{2}$")
    for fname, d in docs.items():
        m = FILE_RE.match(fname)
        if not m:
            err(f"{fname}: bad file name")
            continue
        if m.group(1) != d["planned_period"]:
            err(f"{fname}: file month != planned_period {d['planned_period']}")
        if not d["reported_months"] or not all(ym_re.match(x) for x in d["reported_months"]):
            err(f"{fname}: bad reported_months")
        if any(x >= d["planned_period"] for x in d["reported_months"]):
            err(f"{fname}: a reported month is not before the planned month")
        raw = open(os.path.join(HERE, fname), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fname}: BOM")
        if b"\r" in raw:
            err(f"{fname}: CR line ends")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{fname}: not UTF-8")
            continue
        if unicodedata.normalize("NFC", text) != text:
            err(f"{fname}: not NFC")
        if "{{" in text or "}}" in text:
            err(f"{fname}: hand marks left in text")
        texts[fname] = text
        check_doc_periods(fname, d, text)

    # units: one slug per unit, months strictly increasing
    units = {}
    for fname, d in docs.items():
        units.setdefault(d["unit"], []).append(fname)
    for unit, files in units.items():
        slugs = {f.split("_")[0] for f in files}
        if len(slugs) != 1:
            err(f"unit {unit}: several slugs {slugs}")
        files.sort(key=lambda f: docs[f]["planned_period"])
        seen = set()
        for f in files:
            for rm in docs[f]["reported_months"]:
                if rm in seen:
                    err(f"unit {unit}: month {rm} reported twice")
                seen.add(rm)

    # ---------------- items: exact unique substrings, no overlaps, periods
    spans = {f: [] for f in docs}
    for kind, coll in (("task", gold["tasks"]), ("result", gold["results"])):
        for it in coll:
            f = it["file"]
            if f not in texts:
                err(f"{it['id']}: unknown file {f}")
                continue
            t = it["text"]
            if not t or t != t.strip() or "\n" in t:
                err(f"{it['id']}: empty, padded or multi-line text")
            n = texts[f].count(t)
            if n != 1:
                err(f"{it['id']}: text found {n} times in {f}")
                continue
            s = texts[f].index(t)
            spans[f].append((s, s + len(t), kind, it["id"]))
            d = docs[f]
            if kind == "task" and it["period"] != d["planned_period"]:
                err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
            if kind == "result" and it["period"] not in d["reported_months"]:
                err(f"{it['id']}: period {it['period']} not a reported month of {f}")
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err(f"{f}: {a[3]} and {b[3]} overlap")

    # ---------------- coverage of results / tasks sections, counts
    for f, text in texts.items():
        check_coverage(f, text, spans[f])
        nt = sum(1 for x in spans[f] if x[2] == "task")
        nr = sum(1 for x in spans[f] if x[2] == "result")
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks (want 10-18)")
        if nr and not 10 <= nr <= 18:
            err(f"{f}: {nr} results (want 0 or 10-18)")

    # ---------------- links
    def pp(item):
        return docs[item["file"]]["planned_period"]

    ft_pairs = set()
    has_link = set()
    for l in gold["follow_through"]:
        t, r = tasks.get(l["task"]), results.get(l["result"])
        if t is None or r is None:
            err(f"follow_through {l}: unknown id")
            continue
        if l["status"] not in STATUSES:
            err(f"follow_through {l}: status not in {STATUSES}")
        if docs[t["file"]]["unit"] != docs[r["file"]]["unit"]:
            err(f"follow_through {l}: across units")
        if pp(r) <= pp(t):
            err(f"follow_through {l}: not forward in time")
        if r["period"] < t["period"]:
            err(f"follow_through {l}: result reports on a month before the task's")
        # the result's document is the first of the unit that reports on the task's month
        unit = docs[t["file"]]["unit"]
        first = [f for f in units[unit] if t["period"] in docs[f]["reported_months"]]
        if not first or first[0] != r["file"]:
            err(f"follow_through {l}: result not in the first document reporting {t['period']}")
        if (l["task"], l["result"]) in ft_pairs:
            err(f"follow_through {l}: duplicate")
        ft_pairs.add((l["task"], l["result"]))
        has_link.add(l["task"])
    co_pairs = set()
    for l in gold["carry_over"]:
        a, b = tasks.get(l["from"]), tasks.get(l["to"])
        if a is None or b is None:
            err(f"carry_over {l}: unknown task id")
            continue
        if l["kind"] not in KINDS:
            err(f"carry_over {l}: kind not in {KINDS}")
        if docs[a["file"]]["unit"] != docs[b["file"]]["unit"]:
            err(f"carry_over {l}: across units")
        if pp(b) <= pp(a):
            err(f"carry_over {l}: not forward in time")
        if (l["from"], l["to"]) in co_pairs:
            err(f"carry_over {l}: duplicate")
        co_pairs.add((l["from"], l["to"]))
        has_link.add(l["from"])
    # split: a task split must go to at least two tasks
    for a in {l["from"] for l in gold["carry_over"] if l["kind"] == "split"}:
        if sum(1 for l in gold["carry_over"] if l["from"] == a and l["kind"] == "split") < 2:
            err(f"{a}: split into fewer than two tasks")

    # ---------------- gaps
    last = {u: fs[-1] for u, fs in units.items()}
    want = sorted((t["id"] for t in gold["tasks"]
                   if t["file"] != last[docs[t["file"]]["unit"]] and t["id"] not in has_link),
                  key=idkey)
    got = sorted(gold["gaps"], key=idkey)
    if len(set(got)) != len(got):
        err("duplicate gaps")
    if want != got:
        err(f"gaps {got} != unlinked tasks of non-last documents {want}")
    for t in gold["tasks"]:
        if t["file"] == last[docs[t["file"]]["unit"]] and t["id"] in has_link:
            err(f"{t['id']}: task of a last document has an outgoing link")

    # ---------------- decoys
    for a, b in [tuple(p) for p in decoys] + LOCAL_DECOYS:
        if a not in ids or b not in ids:
            err(f"decoy pair ({a}, {b}): unknown id")
        for x, y in ((a, b), (b, a)):
            if (x, y) in ft_pairs or (x, y) in co_pairs:
                err(f"decoy pair ({a}, {b}) is linked")
    if decoys:
        for a, b in decoys:
            fa = (tasks.get(a) or results.get(a) or {}).get("file")
            fb = (tasks.get(b) or results.get(b) or {}).get("file")
            if fa and fb and docs[fa]["unit"] == docs[fb]["unit"]:
                err(f"cross_unit_decoy ({a}, {b}) within one unit")

    finish()


def idkey(i):
    m = re.match(r"([A-Z]+)(\d+)-(\d+)$", i)
    return (m.group(1), int(m.group(2)), int(m.group(3))) if m else (i, 0, 0)


MONTH_TITLE = re.compile(r"^Giao ban (?:hai )?tháng (\d+)(?: và (\d+))? năm (\d{4}),? "
                         r"(?:và )?lịch công việc tháng (\d+) năm (\d{4})$", re.M)
DATE_LINE = re.compile(r"^Bạch Sa, ngày (\d+) tháng (\d+) năm (\d{4})$", re.M)
SO_LINE = re.compile(r"^Số: \d+/BC-UBND$", re.M)


def check_doc_periods(fname, d, text):
    m = MONTH_TITLE.search(text)
    if not m:
        err(f"{fname}: title with months not found")
        return
    rep = [f"{int(m.group(3)):04d}-{int(m.group(1)):02d}"]
    if m.group(2):
        rep.append(f"{int(m.group(3)):04d}-{int(m.group(2)):02d}")
    plan = f"{int(m.group(5)):04d}-{int(m.group(4)):02d}"
    if rep != d["reported_months"]:
        err(f"{fname}: title reports {rep}, gold says {d['reported_months']}")
    if plan != d["planned_period"]:
        err(f"{fname}: title plans {plan}, gold says {d['planned_period']}")
    if month_add(rep[-1], 1) != plan:
        err(f"{fname}: planned month does not follow the last reported month")
    dm = DATE_LINE.search(text)
    if not dm:
        err(f"{fname}: place and date line not found")
    elif f"{int(dm.group(3)):04d}-{int(dm.group(2)):02d}" != rep[-1]:
        err(f"{fname}: dated outside the last reported month")
    if not SO_LINE.search(text):
        err(f"{fname}: 'Số: .../BC-UBND' not found")
    for needed in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                   "BÁO CÁO", "Nơi nhận:", "(Đã ký)"):
        if needed not in text:
            err(f"{fname}: '{needed}' missing")
    # section heads name the right months
    for line in text.split("\n"):
        mr = match_any(HEAD_RESULTS, line)
        if mr:
            named = [int(g) for g in mr.groups() if g]
            have = [int(x[5:]) for x in d["reported_months"]]
            if sorted(named) != sorted(have):
                err(f"{fname}: head '{line}' names months {named}, document reports {have}")
        mt = match_any(HEAD_TASKS, line)
        if mt and int(mt.group(1)) != int(plan[5:]):
            err(f"{fname}: head '{line}' names a month not planned")


def check_coverage(fname, text, spans):
    """Every non-blank line of a results or tasks section is covered by items of
    that kind, except bullet markers; every item lies in a section of its kind."""
    pos = 0
    state = None
    line_kind = []  # (start, end, state)
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        s = line.strip()
        if match_any(HEAD_RESULTS, s):
            state = "result"
            continue
        if match_any(HEAD_TASKS, s):
            state = "task"
            continue
        if match_any(HEAD_LIMITS, s):
            state = "limit"
            continue
        if match_any(HEAD_OTHER, s):
            state = None
            continue
        if not s:
            continue
        line_kind.append((start, end, state))
        if state in ("result", "task"):
            covered = [False] * (end - start)
            for a, b, k, iid in spans:
                if k != state:
                    continue
                for i in range(max(a, start), min(b, end)):
                    covered[i - start] = True
            rest = "".join(ch for i, ch in enumerate(line) if not covered[i])
            if not MARKER.match(rest):
                err(f"{fname}: unlabelled text in a {state} section: {rest.strip()[:80]!r}")
    for a, b, k, iid in spans:
        ok = any(st == k and ls <= a and b <= le for ls, le, st in line_kind)
        if not ok:
            err(f"{fname}: {iid} is not inside a {k} section")


def finish():
    if ERR:
        for e in ERR:
            print("ERROR:", e)
        print(f"{len(ERR)} problem(s)")
        sys.exit(1)
    print("OK")
    sys.exit(0)


if __name__ == "__main__":
    main()
