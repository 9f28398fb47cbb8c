#!/usr/bin/env python3
"""Check gold.json of the hand-DK series against its documents. Prints OK or the errors."""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def words(s):
    return set(re.findall(r"\w+", fold(s)))


ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
SEC_HEAD = re.compile(r"^(?:[IVX]+|[A-Z])\.\s+(.+)$")
SUB_HEAD = re.compile(r"^(?:\d+|[IVX]+|[a-zđ])[.)]\s+\S")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def section_of(line):
    m = SEC_HEAD.match(line)
    if not m:
        return None
    rest = m.group(1)
    if rest != rest.upper() or not re.search(r"[A-ZĐ]", rest):
        return None
    if "KẾT QUẢ" in rest:
        return "results"
    if "HẠN CHẾ" in rest or "TỒN TẠI" in rest:
        return "limitations"
    if "PHƯƠNG HƯỚNG" in rest:
        return "tasks"
    return "other"


def split_sentences(line, base):
    """Yield (start, end) offsets of sentences of a paragraph line."""
    out, start, i = [], 0, 0
    while i < len(line):
        if line[i] in ".!?" and i + 1 < len(line) and line[i + 1] == " ":
            j = i + 1
            while j < len(line) and line[j] == " ":
                j += 1
            if j < len(line) and line[j].isupper():
                out.append((base + start, base + i + 1))
                start = j
                i = j
                continue
        i += 1
    if line[start:].strip():
        out.append((base + start, base + len(line.rstrip())))
    return out


def main():
    path = os.path.join(HERE, "gold.json")
    gold = json.load(open(path, encoding="utf-8"))
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list),
                     ("cross_unit_decoys", list)]:
        if not isinstance(gold.get(key), typ):
            err(f"gold.json: '{key}' missing or not a {typ.__name__}")
    if errors:
        return
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                         "gaps", "cross_unit_decoys"}
    if extra:
        err(f"gold.json: unknown keys {sorted(extra)}")

    docs, texts, sections = {}, {}, {}
    for d in gold["documents"]:
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d:
                err(f"document lacks {k}: {d}")
        f = d["file"]
        if f in docs:
            err(f"document listed twice: {f}")
        docs[f] = d
        m = re.fullmatch(r"([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt", f)
        if not m:
            err(f"{f}: bad file name")
            continue
        if m.group(2) != d["planned_period"]:
            err(f"{f}: name month {m.group(2)} != planned_period {d['planned_period']}")
        if not MONTH.match(d["planned_period"]) or not all(MONTH.match(x) for x in d["reported_months"]):
            err(f"{f}: bad month format")
        if any(x >= d["planned_period"] for x in d["reported_months"]):
            err(f"{f}: a reported month is not before the planned period")
        fp = os.path.join(HERE, f)
        if not os.path.exists(fp):
            err(f"{f}: file missing")
            continue
        raw = open(fp, "rb").read()
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
        if "{{" in t or "}}" in t:
            err(f"{f}: hand marks left in text")
        texts[f] = t
    # every .txt in the folder is a document
    on_disk = {x for x in os.listdir(HERE) if x.endswith(".txt")}
    if on_disk != set(docs):
        err(f"txt files on disk {sorted(on_disk ^ set(docs))} differ from gold documents")

    # header, dates and section months
    for f, t in texts.items():
        d = docs[f]
        lines = t.split("\n")
        for need in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "ỦY BAN NHÂN DÂN", "Nơi nhận:", "BÁO CÁO"):
            if need not in t:
                err(f"{f}: header/closing lacks '{need}'")
        if not re.search(r"^Số: \d+/BC-UBND$", t, re.M):
            err(f"{f}: no 'Số: .../BC-UBND' line")
        dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
        if not dm:
            err(f"{f}: no date")
        else:
            y, mo = int(dm.group(3)), int(dm.group(2))
            py, pm = map(int, d["planned_period"].split("-"))
            prev = (py, pm - 1) if pm > 1 else (py - 1, 12)
            if (y, mo) != prev:
                err(f"{f}: dated {mo}/{y}, expected the month before {d['planned_period']}")
        tm = re.search(r"phương hướng nhiệm vụ tháng (\d+) năm (\d{4})", t)
        if not tm or f"{tm.group(2)}-{int(tm.group(1)):02d}" != d["planned_period"]:
            err(f"{f}: title does not name the planned month")
        # sections
        sec, spans, offs = None, defaultdict(list), 0
        line_info = []
        for ln in lines:
            s = section_of(ln)
            if s:
                sec = s
                head = ln
                if s == "results":
                    q = re.search(r"QUÝ (I{1,3}|IV) NĂM (\d{4})", ln)
                    mm = re.search(r"THÁNG (\d+) NĂM (\d{4})", ln)
                    if q:
                        k = ROMAN[q.group(1)]
                        months = [f"{q.group(2)}-{3 * k - 2 + i:02d}" for i in range(3)]
                    elif mm:
                        months = [f"{mm.group(2)}-{int(mm.group(1)):02d}"]
                    else:
                        months = None
                    if months != d["reported_months"]:
                        err(f"{f}: results heading '{ln}' != reported_months {d['reported_months']}")
                if s == "tasks":
                    mm = re.search(r"THÁNG (\d+) NĂM (\d{4})", ln)
                    if not mm or f"{mm.group(2)}-{int(mm.group(1)):02d}" != d["planned_period"]:
                        err(f"{f}: tasks heading '{ln}' != planned_period")
                spans[s].append(offs)
            elif ln.startswith("Trên đây") or ln.startswith("Nơi nhận"):
                sec = None
            else:
                line_info.append((sec, offs, ln))
            offs += len(ln) + 1
        if not spans["results"] and d["reported_months"]:
            err(f"{f}: no results section")
        if not spans["tasks"]:
            err(f"{f}: no tasks section")
        sections[f] = line_info

    # items
    items, by_file = {}, defaultdict(list)
    for kind, key in (("task", "tasks"), ("result", "results")):
        for it in gold[key]:
            for k in ("id", "file", "period", "text"):
                if k not in it:
                    err(f"{kind} lacks {k}: {it}")
            iid = it["id"]
            if iid in items:
                err(f"duplicate id {iid}")
            items[iid] = dict(it, kind=kind)
            f = it["file"]
            if f not in texts:
                err(f"{iid}: unknown file {f}")
                continue
            t = texts[f]
            n = t.count(it["text"])
            if n != 1:
                err(f"{iid}: text found {n} times in {f}")
                continue
            if it["text"] != it["text"].strip() or not it["text"]:
                err(f"{iid}: text has outer blanks or is empty")
            st = t.index(it["text"])
            items[iid]["span"] = (st, st + len(it["text"]))
            by_file[f].append(iid)
            d = docs[f]
            if kind == "task" and it["period"] != d["planned_period"]:
                err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
            if kind == "result" and it["period"] not in d["reported_months"]:
                err(f"{iid}: period {it['period']} not among reported months of {f}")
    for f, ids in by_file.items():
        sp = sorted((items[i]["span"], i) for i in ids)
        for (a, ia), (b, ib) in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err(f"{f}: items {ia} and {ib} overlap")

    # coverage: every bullet / sentence of the results and tasks sections is an item
    for f, info in sections.items():
        starts = {items[i]["span"]: i for i in by_file[f]}
        covered = set()
        for sec, off, ln in info:
            if sec not in ("results", "tasks") or not ln.strip():
                continue
            if SUB_HEAD.match(ln) and not ln.rstrip().endswith(".") and len(ln) < 100:
                continue  # sub-heading
            if ln.rstrip().endswith(":") and not ln.startswith("- "):
                continue  # lead-in
            if sec == "tasks":
                if not ln.startswith("- "):
                    err(f"{f}: unlabelled non-bullet line in tasks section: {ln[:60]}")
                    continue
                span = (off + 2, off + len(ln.rstrip()))
                iid = starts.get(span)
                if not iid or items[iid]["kind"] != "task":
                    err(f"{f}: bullet not labelled exactly as a task: {ln[:70]}")
                else:
                    covered.add(iid)
            else:
                if ln.startswith("- "):
                    err(f"{f}: bullet in a results section: {ln[:60]}")
                for a, b in split_sentences(ln, off):
                    iid = starts.get((a, b))
                    if not iid or items[iid]["kind"] != "result":
                        err(f"{f}: sentence not labelled exactly as a result: {texts[f][a:b][:70]}")
                    else:
                        covered.add(iid)
        for i in by_file[f]:
            if i not in covered:
                err(f"{i}: item is not a whole bullet/sentence of its section")
        nt = sum(1 for i in by_file[f] if items[i]["kind"] == "task")
        nr = sum(1 for i in by_file[f] if items[i]["kind"] == "result")
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks (10-18 wanted)")
        if not (10 <= nr <= 18 or (nr == 0 and not docs[f]["reported_months"])):
            err(f"{f}: {nr} results (10-18 wanted)")

    # links
    unit_docs = defaultdict(list)
    for f, d in docs.items():
        unit_docs[d["unit"]].append(f)
    for u in unit_docs:
        unit_docs[u].sort(key=lambda f: docs[f]["planned_period"])
    def unit(i):
        return docs[items[i]["file"]]["unit"]
    def dpos(i):
        f = items[i]["file"]
        return unit_docs[docs[f]["unit"]].index(f)

    linked_pairs = set()
    ft_tasks, co_from = set(), set()
    seen = set()
    for l in gold["follow_through"]:
        t, r, s = l.get("task"), l.get("result"), l.get("status")
        if (t, r) in seen:
            err(f"follow-through {t}->{r} listed twice")
        seen.add((t, r))
        if t not in items or items[t]["kind"] != "task":
            err(f"follow-through: {t} is not a task"); continue
        if r not in items or items[r]["kind"] != "result":
            err(f"follow-through: {r} is not a result"); continue
        if s not in ("done", "partial"):
            err(f"follow-through {t}->{r}: status {s}")
        if unit(t) != unit(r):
            err(f"follow-through {t}->{r} crosses units")
            continue
        if dpos(r) <= dpos(t):
            err(f"follow-through {t}->{r} is not forward in time")
        per = items[t]["period"]
        later = [f for f in unit_docs[unit(t)][dpos(t) + 1:] if per in docs[f]["reported_months"]]
        if not later or items[r]["file"] != later[0]:
            err(f"follow-through {t}->{r}: result is not in the first later document reporting {per}")
        if items[r]["period"] < per:
            err(f"follow-through {t}->{r}: result period before task period")
        ft_tasks.add(t)
        linked_pairs.add(frozenset((t, r)))
    seen = set()
    for l in gold["carry_over"]:
        a, b, k = l.get("from"), l.get("to"), l.get("kind")
        if (a, b) in seen:
            err(f"carry-over {a}->{b} listed twice")
        seen.add((a, b))
        if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
            err(f"carry-over {a}->{b}: both ends must be tasks"); continue
        if k not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
            err(f"carry-over {a}->{b}: kind {k}")
        if unit(a) != unit(b):
            err(f"carry-over {a}->{b} crosses units"); continue
        if dpos(b) <= dpos(a):
            err(f"carry-over {a}->{b} is not forward in time")
        co_from.add(a)
        linked_pairs.add(frozenset((a, b)))
    # gaps
    want = set()
    for i, it in items.items():
        if it["kind"] != "task":
            continue
        f = it["file"]
        if unit_docs[docs[f]["unit"]][-1] == f:
            continue
        if i not in ft_tasks and i not in co_from:
            want.add(i)
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        err("gaps listed twice")
    if got != want:
        err(f"gaps differ: missing {sorted(want - got)}, extra {sorted(got - want)}")
    # decoys
    units = {d["unit"] for d in docs.values()}
    if len(units) == 2 and not gold["cross_unit_decoys"]:
        err("two units but no cross_unit_decoys")
    for pair in gold["cross_unit_decoys"]:
        if len(pair) != 2 or any(p not in items for p in pair):
            err(f"decoy {pair}: unknown id"); continue
        a, b = pair
        if unit(a) == unit(b):
            err(f"decoy {pair}: same unit")
        if frozenset(pair) in linked_pairs:
            err(f"decoy {pair} is linked")
        wa, wb = words(items[a]["text"]), words(items[b]["text"])
        ov = len(wa & wb) / min(len(wa), len(wb))
        if ov < 0.5:
            err(f"decoy {pair}: word overlap {ov:.2f} too low to be a decoy")


if __name__ == "__main__":
    main()
    if errors:
        for e in errors:
            print("ERROR:", e)
        sys.exit(1)
    print("OK")
