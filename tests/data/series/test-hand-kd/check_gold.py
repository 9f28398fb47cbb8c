#!/usr/bin/env python3
"""Check gold.json of the hand-kd series against its documents.  Prints OK or the failures."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


def ym_add(ym, k):
    y, m = int(ym[:4]), int(ym[5:])
    m += k
    while m > 12:
        y, m = y + 1, m - 12
    while m < 1:
        y, m = y - 1, m + 12
    return "%04d-%02d" % (y, m)


ROMAN = re.compile(r"^[IVX]+\.\s")
MARKER = re.compile(r"^\s*(\(\d+\)|\d+\.|[-+•]|[a-zđ]\))\s*")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def sections(text):
    """Return (results_span, tasks_span, subperiods) as character ranges of the text."""
    lines = text.split("\n")
    offs, o = [], 0
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1
    r0 = r1 = t0 = t1 = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if r0 is None and ROMAN.match(s) and "KẾT QUẢ" in s.upper():
            r0 = i + 1
            continue
        if r0 is not None and r1 is None and (ROMAN.match(s) or (
                re.search(r"hạn chế|tồn tại", s, re.I) and not s.endswith((".", ";")))):
            r1 = i
        if t0 is None and ROMAN.match(s) and "NHIỆM VỤ" in s.upper() and "KẾT QUẢ" not in s.upper():
            t0 = i + 1
            continue
        if t0 is not None and t1 is None and (ROMAN.match(s) or s.startswith(("Giao ", "Trên đây", "Nơi nhận"))):
            t1 = i
    if None in (r0, r1, t0, t1):
        return None
    return lines, offs, (r0, r1), (t0, t1)


def main():
    gp = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(gp, encoding="utf-8"))
    except Exception as e:
        print("FAIL: gold.json unreadable: %s" % e)
        sys.exit(1)

    # ---- form
    for key, typ in (("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list),
                     ("cross_unit_decoys", list)):
        if not isinstance(gold.get(key), typ):
            err("form: %s missing or not a %s" % (key, typ.__name__))
    if ERR:
        report()
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("form: document keys %s" % sorted(d))
    for it in gold["tasks"] + gold["results"]:
        if set(it) != {"id", "file", "period", "text"} or not all(isinstance(it[k], str) for k in it):
            err("form: item %s" % it)
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err("form: follow_through %s" % l)
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err("form: carry_over %s" % l)
    for p in gold["cross_unit_decoys"]:
        if not (isinstance(p, list) and len(p) == 2):
            err("form: decoy %s" % p)
    if ERR:
        report()

    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        err("duplicate document")
    tasks = {t["id"]: t for t in gold["tasks"]}
    results = {r["id"]: r for r in gold["results"]}
    if len(tasks) != len(gold["tasks"]) or len(results) != len(gold["results"]):
        err("duplicate item id")
    if set(tasks) & set(results):
        err("an id is both task and result")

    # ---- file names and encodings
    name_re = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err("documents listed %s differ from files on disk %s" % (sorted(docs), on_disk))
    texts = {}
    for f, d in docs.items():
        m = name_re.match(f)
        if not m:
            err("%s: bad file name" % f)
            continue
        if m.group(2) != d["planned_period"]:
            err("%s: name month %s != planned_period %s" % (f, m.group(2), d["planned_period"]))
        raw = open(os.path.join(HERE, f), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err("%s: BOM" % f)
        if b"\r" in raw:
            err("%s: CR line ends" % f)
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            err("%s: not UTF-8" % f)
            continue
        if unicodedata.normalize("NFC", t) != t:
            err("%s: not NFC" % f)
        if "{{" in t or "}}" in t:
            err("%s: hand marks left" % f)
        texts[f] = t

    # ---- units, slugs, ordering, skipped months
    units = {}
    for f, d in docs.items():
        units.setdefault(d["unit"], []).append(f)
    slug_of = {}
    for u, fs in units.items():
        fs.sort(key=lambda f: docs[f]["planned_period"])
        slugs = {name_re.match(f).group(1) for f in fs if name_re.match(f)}
        if len(slugs) != 1:
            err("unit %s: several slugs %s" % (u, slugs))
        for f in fs:
            slug_of[f] = u
        for k, f in enumerate(fs):
            d = docs[f]
            rm = d["reported_months"]
            if not rm or any(not re.match(r"^\d{4}-\d{2}$", x) for x in rm):
                err("%s: reported_months %s" % (f, rm))
                continue
            if k == 0:
                if rm != [ym_add(d["planned_period"], -1)]:
                    err("%s: first document should report the month before its plan" % f)
            else:
                prev = docs[fs[k - 1]]["planned_period"]
                want, x = [], prev
                while x < d["planned_period"]:
                    want.append(x)
                    x = ym_add(x, 1)
                if rm != want:
                    err("%s: reported %s, expected %s after %s" % (f, rm, want, fs[k - 1]))
    if len(units) == 2 and not any(len(docs[f]["reported_months"]) > 1 for f in docs):
        err("no skipped month in the series")

    # ---- header, title, date, sections, items
    spans = {f: [] for f in docs}
    for kind, coll in (("task", gold["tasks"]), ("result", gold["results"])):
        for it in coll:
            f = it["file"]
            if f not in texts:
                err("%s %s: unknown file %s" % (kind, it["id"], f))
                continue
            t = texts[f]
            n = t.count(it["text"])
            if n != 1:
                err("%s %s: text found %d times in %s" % (kind, it["id"], n, f))
                continue
            if "\n" in it["text"] or it["text"] != it["text"].strip():
                err("%s %s: text spans lines or has outer blanks" % (kind, it["id"]))
            s = t.index(it["text"])
            spans[f].append((s, s + len(it["text"]), kind, it["id"]))
            tx = it["text"]
            for i in range(len(tx) - 2):
                if tx[i] in ".!?" and tx[i + 1] == " " and tx[i + 2].isupper():
                    err("%s %s: holds more than one sentence" % (kind, it["id"]))
                    break

    for f, d in docs.items():
        if f not in texts:
            continue
        t = texts[f]
        u = d["unit"]
        head = " ".join(t.split("\n")[:4]).upper()
        if u.upper() not in head and u.upper().replace("ỦY BAN NHÂN DÂN ", "ỦY BAN NHÂN DÂN ") not in head:
            err("%s: unit %s not in header" % (f, u))
        if "Số" not in t[:300]:
            err("%s: no 'Số' in header" % f)
        if not ("ĐẢNG CỘNG SẢN VIỆT NAM" in t[:400] or
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in t[:400] and "Độc lập - Tự do - Hạnh phúc" in t[:400])):
            err("%s: no national/Party motto" % f)
        if "Nơi nhận" not in t:
            err("%s: no 'Nơi nhận'" % f)
        dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t[:500])
        if not dm:
            err("%s: no date line" % f)
        else:
            issued = "%s-%02d" % (dm.group(3), int(dm.group(2)))
            if issued not in d["reported_months"] + [d["planned_period"]]:
                err("%s: issued %s outside its months" % (f, issued))
        # title
        tl = [ln for ln in t.split("\n") if re.match(r"^(về kết quả|Kết quả thực hiện)", ln)]
        if len(tl) != 1:
            err("%s: title line not found" % f)
        else:
            title = tl[0]
            cut = title.index(" và ")
            rep, plan = title[:cut], title[cut:]
            yr = re.search(r"năm (\d{4})", rep)
            got = []
            for mm, y in re.findall(r"tháng (\d{1,2})(?:/(\d{4}))?", rep):
                y = y or (yr.group(1) if yr else (re.search(r"năm (\d{4})|/(\d{4})", plan).group(0)[-4:]))
                got.append("%s-%02d" % (y, int(mm)))
            pm = re.search(r"tháng (\d{1,2})(?:/(\d{4})| năm (\d{4}))", plan)
            pp = "%s-%02d" % (pm.group(2) or pm.group(3), int(pm.group(1))) if pm else None
            if got != d["reported_months"]:
                err("%s: title reports %s, gold %s" % (f, got, d["reported_months"]))
            if pp != d["planned_period"]:
                err("%s: title plans %s, gold %s" % (f, pp, d["planned_period"]))
        sec = sections(t)
        if not sec:
            err("%s: result/task sections not found" % f)
            continue
        lines, offs, (r0, r1), (t0, t1) = sec
        rs, re_ = offs[r0], offs[r1]
        ts, te = offs[t0], offs[t1]
        # sub-periods for a document reporting several months
        subs = []
        for i in range(r0, r1):
            m = re.match(r"^\d+\.\s+Kết quả tháng (\d{1,2}) năm (\d{4})\s*$", lines[i].strip())
            if m:
                subs.append((offs[i], "%s-%02d" % (m.group(2), int(m.group(1)))))
        if len(d["reported_months"]) > 1 and [p for _, p in subs] != d["reported_months"]:
            err("%s: month sub-headings %s != reported %s" % (f, [p for _, p in subs], d["reported_months"]))
        sp = sorted(spans[f])
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err("%s: items %s and %s overlap" % (f, a[3], b[3]))
        nt = nr = 0
        for s, e, kind, iid in sp:
            if kind == "task":
                nt += 1
                if not (ts <= s and e <= te):
                    err("%s: task %s outside the tasks section" % (f, iid))
                if tasks[iid]["period"] != d["planned_period"]:
                    err("%s: task %s period %s" % (f, iid, tasks[iid]["period"]))
            else:
                nr += 1
                if not (rs <= s and e <= re_):
                    err("%s: result %s outside the results section" % (f, iid))
                per = results[iid]["period"]
                if per not in d["reported_months"]:
                    err("%s: result %s period %s not reported" % (f, iid, per))
                if subs:
                    cur = [p for o, p in subs if o <= s]
                    if not cur or cur[-1] != per:
                        err("%s: result %s period %s under heading %s" % (f, iid, per, cur[-1:] ))
        if not 10 <= nt <= 18:
            err("%s: %d tasks" % (f, nt))
        if not (10 <= nr <= 18 or nr == 0):
            err("%s: %d results" % (f, nr))
        # every sentence / bullet of the two sections is labelled
        for (lo, hi, kind) in ((r0, r1, "result"), (t0, t1, "task")):
            for i in range(lo, hi):
                ln = lines[i]
                st = ln.strip()
                if not st or st.endswith(":") or not st.endswith((".", ";")):
                    continue  # blank, lead-in or heading
                m = MARKER.match(ln)
                start = offs[i] + (m.end() if m else 0)
                cover = [(s, e) for s, e, k, _ in spans[f] if k == kind]
                for pos in range(start, offs[i] + len(ln)):
                    if t[pos].isalnum() and not any(s <= pos < e for s, e in cover):
                        err("%s line %d: unlabelled %s text: %r" % (f, i + 1, kind, ln[:80]))
                        break

    # ---- links
    def unit_of(iid):
        it = tasks.get(iid) or results.get(iid)
        return docs[it["file"]]["unit"] if it and it["file"] in docs else None

    seen = set()
    for l in gold["follow_through"]:
        t, r = l["task"], l["result"]
        if t not in tasks or r not in results:
            err("follow_through %s: unknown id" % l)
            continue
        if (t, r) in seen:
            err("follow_through duplicate %s" % l)
        seen.add((t, r))
        if l["status"] not in STATUSES:
            err("follow_through %s: status" % l)
        if unit_of(t) != unit_of(r):
            err("follow_through %s: across units" % l)
            continue
        tf, rf = tasks[t]["file"], results[r]["file"]
        fs = units[unit_of(t)]
        if fs.index(rf) <= fs.index(tf):
            err("follow_through %s: not forward in time" % l)
            continue
        first = next((f for f in fs[fs.index(tf) + 1:] if tasks[t]["period"] in docs[f]["reported_months"]), None)
        if rf != first:
            err("follow_through %s: result not in the first document reporting %s" % (l, tasks[t]["period"]))
    seen = set()
    for l in gold["carry_over"]:
        a, b = l["from"], l["to"]
        if a not in tasks or b not in tasks:
            err("carry_over %s: unknown id" % l)
            continue
        if (a, b) in seen:
            err("carry_over duplicate %s" % l)
        seen.add((a, b))
        if l["kind"] not in KINDS:
            err("carry_over %s: kind" % l)
        if unit_of(a) != unit_of(b):
            err("carry_over %s: across units" % l)
            continue
        if tasks[b]["period"] <= tasks[a]["period"]:
            err("carry_over %s: not forward in time" % l)
    splits = {}
    for l in gold["carry_over"]:
        if l["kind"] == "split":
            splits.setdefault(l["from"], []).append(l["to"])
    for a, tos in splits.items():
        if len(tos) < 2:
            err("split from %s has only one target" % a)

    # ---- gaps
    linked = {l["task"] for l in gold["follow_through"]} | {l["from"] for l in gold["carry_over"]}
    last = {fs[-1] for fs in units.values()}
    want = {t for t, it in tasks.items() if it["file"] not in last and t not in linked}
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        err("gaps: duplicates")
    if got != want:
        err("gaps: missing %s, extra %s" % (sorted(want - got), sorted(got - want)))

    # ---- decoys
    links = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
            {(l["from"], l["to"]) for l in gold["carry_over"]}
    if len(units) == 2 and len(gold["cross_unit_decoys"]) < 15:
        err("fewer than 15 cross-unit decoys")
    dseen = set()
    for a, b in gold["cross_unit_decoys"]:
        if a not in tasks and a not in results or b not in tasks and b not in results:
            err("decoy %s/%s: unknown id" % (a, b))
            continue
        if unit_of(a) == unit_of(b):
            err("decoy %s/%s: same unit" % (a, b))
        if (a, b) in links or (b, a) in links:
            err("decoy %s/%s: linked" % (a, b))
        if frozenset((a, b)) in dseen:
            err("decoy %s/%s: duplicate" % (a, b))
        dseen.add(frozenset((a, b)))
    report()


def report():
    if ERR:
        for e in ERR:
            print("FAIL:", e)
        sys.exit(1)
    print("OK")
    sys.exit(0)


if __name__ == "__main__":
    main()
