#!/usr/bin/env python3
"""Check gold.json of this folder against its documents. Prints OK or the problems."""
import json, os, re, sys, unicodedata
from collections import defaultdict
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
errs = []
def err(msg): errs.append(msg)

NAME = re.compile(r"^[a-z0-9-]+_(\d{4})-(\d{2})\.txt$")
ALLOWED_STATUS = {"done", "partial"}
ALLOWED_KIND = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
MIN_ITEMS, MAX_ITEMS = 10, 18


def ym_add(ym, k):
    y, m = map(int, ym.split("-"))
    m += k
    while m > 12: y, m = y + 1, m - 12
    while m < 1: y, m = y - 1, m + 12
    return f"{y:04d}-{m:02d}"


def months_in(heading):
    """Months named in a section heading: 'THÁNG 5 VÀ THÁNG 6 NĂM 2026', 'THÁNG 3/2026'."""
    h = heading.upper()
    years = re.findall(r"(?:/|NĂM )(\d{4})", h)
    ms = re.findall(r"THÁNG (\d{1,2})", h)
    if not years:
        return []
    return [f"{years[-1]}-{int(m):02d}" for m in ms]


HEADING = re.compile(r"^(?:[IVX]+\.|\d+\.|[a-zđ]\)|[A-Z]\.)\s")
TABLE_HEADER = "Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ"
BULLET = re.compile(r"^(?:- |\(\d+\) )")
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+")


def sections(text):
    """Return {'results': [(line, month_hint)], 'tasks': [line]} and headings found."""
    lines = text.split("\n")
    sec, out, heads = None, {"results": [], "tasks": []}, {}
    cur_month = None
    for ln in lines:
        s = ln.strip()
        if re.match(r"^I\. KẾT QUẢ", s):
            sec = "results"; heads["results"] = s; cur_month = None; continue
        if re.match(r"^II\. HẠN CHẾ", s):
            sec = None; continue
        if re.match(r"^III\. NHIỆM VỤ", s):
            sec = "tasks"; heads["tasks"] = s; continue
        if re.match(r"^IV\. TỔ CHỨC THỰC HIỆN", s):
            sec = None; continue
        if sec is None or not s:
            continue
        if HEADING.match(s) and not s.endswith("."):
            m = re.search(r"tháng (\d{1,2})/(\d{4})", s)
            if m and sec == "results":
                cur_month = f"{m.group(2)}-{int(m.group(1)):02d}"
            continue
        if s.endswith(":"):
            continue  # lead-in
        if s == TABLE_HEADER:
            continue
        out[sec].append((s, cur_month))
    return out, heads


def units(lines):
    """Items a reader must label: table rows, bullets, sentences of paragraphs."""
    res = []
    for s, mh in lines:
        if " | " in s:
            res.append((s, mh))
        elif BULLET.match(s):
            res.append((BULLET.sub("", s, count=1), mh))
        else:
            for sent in SENT_SPLIT.split(s):
                if sent:
                    res.append((sent, mh))
    return res


def main():
    gp = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(gp, encoding="utf-8"))
    except Exception as e:
        print("FAIL: cannot read gold.json:", e); sys.exit(1)
    # ---- form
    for k, typ in [("documents", list), ("tasks", list), ("results", list),
                   ("follow_through", list), ("carry_over", list), ("gaps", list)]:
        if not isinstance(gold.get(k), typ):
            err(f"gold.{k} missing or not a {typ.__name__}")
    if errs:
        print("\n".join(errs)); sys.exit(1)
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        err("cross_unit_decoys not a list")
    docs = {}
    for d in gold["documents"]:
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d: err(f"document lacks {k}: {d}")
        if d["file"] in docs: err(f"duplicate document {d['file']}")
        docs[d["file"]] = d
    ids = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            for k in ("id", "file", "period", "text"):
                if not isinstance(it.get(k), str) or not it.get(k):
                    err(f"{kind} item lacks {k}: {it}")
            if it.get("id") in ids: err(f"duplicate id {it.get('id')}")
            ids[it["id"]] = (kind, it)
            if it["file"] not in docs: err(f"{it['id']}: unknown file {it['file']}")
    # ---- file names, encoding, periods
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err(f"documents in gold {sorted(docs)} != .txt files on disk {on_disk}")
    texts = {}
    for fn, d in docs.items():
        m = NAME.match(fn)
        if not m: err(f"bad file name {fn}"); continue
        if f"{m.group(1)}-{m.group(2)}" != d["planned_period"]:
            err(f"{fn}: planned_period {d['planned_period']} disagrees with name")
        raw = open(os.path.join(HERE, fn), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"): err(f"{fn}: BOM")
        if b"\r" in raw: err(f"{fn}: CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{fn}: not UTF-8"); continue
        if unicodedata.normalize("NFC", t) != t: err(f"{fn}: not NFC")
        texts[fn] = t
        for must in ("ĐẢNG CỘNG SẢN VIỆT NAM", "NGHỊ QUYẾT", "Nơi nhận:"):
            if must not in t: err(f"{fn}: header/closing lacks {must!r}")
        if not re.search(r"^Số \d+-NQ/ĐU$", t, re.M): err(f"{fn}: no 'Số ...-NQ/ĐU'")
        md = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
        if not md:
            err(f"{fn}: no date line")
        else:
            dd = date(int(md.group(3)), int(md.group(2)), int(md.group(1)))
            last_rep = d["reported_months"][-1] if d["reported_months"] else ym_add(d["planned_period"], -1)
            lo = date(*map(int, last_rep.split("-")), 1)
            hi = date(*map(int, d["planned_period"].split("-")), 10)
            if not (lo <= dd <= hi):
                err(f"{fn}: date {dd} not between {lo} and {hi}")
    # reported months agree with the order of documents (skipped months included)
    by_unit = defaultdict(list)
    for d in gold["documents"]:
        by_unit[d["unit"]].append(d)
    for unit, ds in by_unit.items():
        ds.sort(key=lambda d: d["planned_period"])
        for i, d in enumerate(ds):
            if i == 0:
                exp = [ym_add(d["planned_period"], -1)]
            else:
                exp, ym = [], ds[i - 1]["planned_period"]
                while ym < d["planned_period"]:
                    exp.append(ym); ym = ym_add(ym, 1)
            if d["reported_months"] != exp:
                err(f"{d['file']}: reported_months {d['reported_months']} expected {exp}")
    # ---- items: substrings, uniqueness, overlaps, sections, counts, periods
    per_file = defaultdict(list)
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            t = texts.get(it["file"])
            if t is None: continue
            n = t.count(it["text"])
            if n != 1:
                err(f"{it['id']}: text occurs {n} times in {it['file']}"); continue
            s = t.index(it["text"])
            per_file[it["file"]].append((s, s + len(it["text"]), it["id"]))
            d = docs[it["file"]]
            if kind == "tasks" and it["period"] != d["planned_period"]:
                err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
            if kind == "results" and it["period"] not in d["reported_months"]:
                err(f"{it['id']}: period {it['period']} not reported in {it['file']}")
    for fn, spans in per_file.items():
        spans.sort()
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1]: err(f"{fn}: {a[2]} overlaps {b[2]}")
    for fn, t in texts.items():
        d = docs[fn]
        secs, heads = sections(t)
        if "results" not in heads or "tasks" not in heads:
            err(f"{fn}: results or tasks section not found"); continue
        hm = months_in(heads["results"])
        if hm != d["reported_months"]:
            err(f"{fn}: results heading months {hm} != reported {d['reported_months']}")
        tm = months_in(heads["tasks"])
        if tm != [d["planned_period"]]:
            err(f"{fn}: tasks heading months {tm} != planned {d['planned_period']}")
        for kind, key in (("results", "results"), ("tasks", "tasks")):
            want = units(secs[key])
            got = {it["text"]: it for it in gold[kind] if it["file"] == fn}
            wtexts = [w for w, _ in want]
            if len(set(wtexts)) != len(wtexts): err(f"{fn}: repeated {kind} unit text")
            for w, mh in want:
                if w not in got:
                    err(f"{fn}: unlabelled {kind[:-1]} item: {w[:70]!r}")
                elif kind == "results":
                    exp = mh if (mh and len(d["reported_months"]) > 1) else (d["reported_months"][0] if len(d["reported_months"]) == 1 else mh)
                    if exp and got[w]["period"] != exp:
                        err(f"{got[w]['id']}: period {got[w]['period']} but section says {exp}")
                    if not exp:
                        err(f"{got[w]['id']}: cannot tell the month of this result")
            for g in got:
                if g not in wtexts:
                    err(f"{fn}: gold {kind[:-1]} {got[g]['id']} is not a whole item of its section")
            n = len(got)
            if not (MIN_ITEMS <= n <= MAX_ITEMS) and not (kind == "results" and n == 0 and not d["reported_months"]):
                err(f"{fn}: {n} {kind} (want {MIN_ITEMS}-{MAX_ITEMS})")
    # ---- links
    def doc_of(i): return docs[ids[i][1]["file"]]
    seen = set()
    linked = set()
    for l in gold["follow_through"]:
        t, r, s = l.get("task"), l.get("result"), l.get("status")
        if ids.get(t, ("",))[0] != "tasks": err(f"follow_through: {t} is not a task"); continue
        if ids.get(r, ("",))[0] != "results": err(f"follow_through: {r} is not a result"); continue
        if s not in ALLOWED_STATUS: err(f"follow_through {t}->{r}: status {s}")
        if (t, r) in seen: err(f"duplicate follow_through {t}->{r}")
        seen.add((t, r)); linked.add(t)
        dt, dr = doc_of(t), doc_of(r)
        if dt["unit"] != dr["unit"]: err(f"follow_through {t}->{r} crosses units")
        if not dr["planned_period"] > dt["planned_period"]: err(f"follow_through {t}->{r} not forward")
        if ids[r][1]["period"] != ids[t][1]["period"]:
            err(f"follow_through {t}->{r}: result period {ids[r][1]['period']} != task period {ids[t][1]['period']}")
        # first document reporting on the task's month
        first = min((d for d in gold["documents"] if d["unit"] == dt["unit"] and ids[t][1]["period"] in d["reported_months"]),
                    key=lambda d: d["planned_period"], default=None)
        if first is None or first["file"] != dr["file"]:
            err(f"follow_through {t}->{r}: result not in the first document reporting on {ids[t][1]['period']}")
    for l in gold["carry_over"]:
        a, b, k = l.get("from"), l.get("to"), l.get("kind")
        if ids.get(a, ("",))[0] != "tasks" or ids.get(b, ("",))[0] != "tasks":
            err(f"carry_over {a}->{b}: not two tasks"); continue
        if k not in ALLOWED_KIND: err(f"carry_over {a}->{b}: kind {k}")
        if (a, b) in seen: err(f"duplicate carry_over {a}->{b}")
        seen.add((a, b)); linked.add(a)
        if doc_of(a)["unit"] != doc_of(b)["unit"]: err(f"carry_over {a}->{b} crosses units")
        if not ids[b][1]["period"] > ids[a][1]["period"]: err(f"carry_over {a}->{b} not forward")
    # ---- gaps: exactly the unlinked tasks of documents that are not their unit's last
    last = {u: max(d["planned_period"] for d in ds) for u, ds in by_unit.items()}
    exp_gaps = sorted(it["id"] for it in gold["tasks"]
                      if it["id"] not in linked and docs[it["file"]]["planned_period"] != last[docs[it["file"]]["unit"]])
    if len(set(gold["gaps"])) != len(gold["gaps"]): err("duplicate gap ids")
    if sorted(gold["gaps"]) != exp_gaps:
        err(f"gaps {sorted(gold['gaps'])} != unlinked tasks {exp_gaps}")
    # ---- decoys never linked
    pairs = set((l["task"], l["result"]) for l in gold["follow_through"]) | \
            set((l["from"], l["to"]) for l in gold["carry_over"])
    all_decoys = list(decoys)
    wud = os.path.join(HERE, "_src", "within_unit_decoys.json")
    if os.path.exists(wud):
        all_decoys += json.load(open(wud, encoding="utf-8"))
    for p in all_decoys:
        if len(p) != 2 or any(x not in ids for x in p):
            err(f"decoy pair {p}: unknown id"); continue
        if (p[0], p[1]) in pairs or (p[1], p[0]) in pairs:
            err(f"decoy pair {p} is linked")
    for p in decoys:
        if len(p) == 2 and all(x in ids for x in p) and doc_of(p[0])["unit"] == doc_of(p[1])["unit"]:
            err(f"cross_unit_decoys pair {p} is within one unit")
    if errs:
        print("\n".join(errs)); print(f"FAIL ({len(errs)} problems)"); sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
