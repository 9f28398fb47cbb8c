#!/usr/bin/env python3
"""Check gold.json of this folder against the documents beside it. Prints OK or the problems."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*_(\d{4}-\d{2})\.txt$")
ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII)\.\s+(.*)$")
SUBHEAD = re.compile(r"^\d+\.\s+\S")
NUMITEM = re.compile(r"^\(\d+\)\s+")
MONTH_IN_HEAD = re.compile(r"THÁNG (\d{1,2})(?:/(\d{4})| NĂM (\d{4}))?")

problems = []


def bad(msg):
    problems.append(msg)


def ym(y, m):
    return "%04d-%02d" % (int(y), int(m))


def split_sentences(par):
    out, start, i = [], 0, 0
    while i < len(par):
        if par[i] in ".!?" and i + 1 < len(par) and par[i + 1] == " ":
            j = i + 1
            while j < len(par) and par[j] == " ":
                j += 1
            if j < len(par) and (par[j].isupper() or par[j].isdigit() or par[j] in "\"“("):
                out.append(par[start:i + 1].strip())
                start = j
                i = j
                continue
        i += 1
    if par[start:].strip():
        out.append(par[start:].strip())
    return out


def unit_text(s):
    s = s.strip()
    while s and s[-1] in ".;":
        s = s[:-1].rstrip()
    return s


def parse_doc(text):
    """Return header facts and the labelled units: list of (section, month, unit, notdone)."""
    lines = text.split("\n")
    facts = {}
    for i, ln in enumerate(lines):
        if ln.strip() == "BÁO CÁO" and i + 1 < len(lines):
            facts["title"] = lines[i + 1].strip()
            break
    m = re.search(r"^Số (\d+)-BC/ĐU$", text, re.M)
    facts["so"] = m.group(1) if m else None
    m = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", text)
    facts["date"] = (int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None
    facts["party"] = "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "Nơi nhận:" in text
    units, section, month, notdone = [], None, None, False
    for ln in lines:
        s = ln.strip()
        if not s:
            continue
        if s.startswith("Trên đây") or s.startswith("Nơi nhận"):
            section = None
            continue
        r = ROMAN.match(s)
        if r:
            head = r.group(2)
            if "KẾT QUẢ" in head:
                section = "result"
            elif "HẠN CHẾ" in head:
                section = "limitation"
            elif "NHIỆM VỤ" in head:
                section = "task"
            else:
                section = "other"
            mm = MONTH_IN_HEAD.search(head)
            month = (int(mm.group(1)), mm.group(2) or mm.group(3)) if mm else None
            notdone = False
            continue
        if section not in ("result", "task"):
            continue
        if SUBHEAD.match(s):
            notdone = "chưa thực hiện" in s
            continue
        if s.startswith("- "):
            units.append((section, month, unit_text(s[2:]), notdone))
        elif NUMITEM.match(s):
            units.append((section, month, unit_text(NUMITEM.sub("", s)), notdone))
        elif s.endswith(":"):
            continue  # lead-in
        else:
            for sent in split_sentences(s):
                units.append((section, month, unit_text(sent), notdone))
    return facts, units


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as e:
        print("gold.json unreadable:", e)
        return 1
    # ---- form
    for key, typ in (("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)):
        if not isinstance(gold.get(key), typ):
            bad("gold.json: %s missing or not a %s" % (key, typ.__name__))
    if problems:
        print("\n".join(problems))
        return 1
    decoys = gold.get("cross_unit_decoys", [])
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            bad("document keys: %s" % d)
    for coll in ("tasks", "results"):
        for it in gold[coll]:
            if set(it) != {"id", "file", "period", "text"} or not all(isinstance(it[k], str) for k in it):
                bad("%s item form: %s" % (coll, it))
    for f in gold["follow_through"]:
        if set(f) != {"task", "result", "status"}:
            bad("follow_through form: %s" % f)
    for c in gold["carry_over"]:
        if set(c) != {"from", "to", "kind"}:
            bad("carry_over form: %s" % c)
    if not isinstance(decoys, list) or any(not (isinstance(p, list) and len(p) == 2) for p in decoys):
        bad("cross_unit_decoys form")
    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        bad("duplicate document")
    tasks = {t["id"]: t for t in gold["tasks"]}
    results = {r["id"]: r for r in gold["results"]}
    if len(tasks) != len(gold["tasks"]) or len(results) != len(gold["results"]) or set(tasks) & set(results):
        bad("duplicate ids")
    # ---- file names, encoding, NFC
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if on_disk != sorted(docs):
        bad("documents on disk %s != gold %s" % (on_disk, sorted(docs)))
    texts, parsed = {}, {}
    for fn, d in docs.items():
        m = NAME.match(fn)
        if not m:
            bad("%s: bad file name" % fn)
        elif m.group(1) != d["planned_period"]:
            bad("%s: name month != planned_period %s" % (fn, d["planned_period"]))
        raw = open(os.path.join(HERE, fn), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            bad("%s: BOM" % fn)
        if b"\r" in raw:
            bad("%s: CR line ends" % fn)
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            bad("%s: not UTF-8" % fn)
            continue
        if unicodedata.normalize("NFC", t) != t:
            bad("%s: not NFC" % fn)
        if "{{" in t or "}}" in t:
            bad("%s: hand marks left" % fn)
        texts[fn] = t
        parsed[fn] = parse_doc(t)
    # ---- texts: exact, unique, no overlaps
    spans = {}
    for coll in ("tasks", "results"):
        for it in gold[coll]:
            fn = it["file"]
            if fn not in texts:
                bad("%s: unknown file %s" % (it["id"], fn))
                continue
            t = texts[fn]
            n = t.count(it["text"])
            if n != 1 or not it["text"].strip():
                bad("%s: text occurs %d times in %s" % (it["id"], n, fn))
                continue
            a = t.index(it["text"])
            spans.setdefault(fn, []).append((a, a + len(it["text"]), it["id"]))
    for fn, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                bad("%s: %s overlaps %s" % (fn, i1, i2))
    # ---- every bullet/sentence of the results and tasks sections labelled, nothing else
    notdone_results = set()
    for fn, (facts, units) in parsed.items():
        d = docs[fn]
        by_text = {}
        for coll, kind in (("tasks", "task"), ("results", "result")):
            for it in gold[coll]:
                if it["file"] == fn:
                    by_text[it["text"]] = (kind, it)
        seen = set()
        for section, month, u, nd in units:
            if u not in by_text:
                bad("%s: unlabelled %s item: %.70s" % (fn, section, u))
                continue
            kind, it = by_text[u]
            seen.add(it["id"])
            if kind != section:
                bad("%s: %s labelled as %s but sits in the %s section" % (fn, it["id"], kind, section))
            if month:
                mo, yr = month
                if yr is None:
                    yr = it["period"][:4]
                if ym(yr, mo) != it["period"]:
                    bad("%s: %s period %s but section heading says %s" % (fn, it["id"], it["period"], ym(yr, mo)))
            if nd and kind == "result":
                notdone_results.add(it["id"])
        for text_, (kind, it) in by_text.items():
            if it["id"] not in seen:
                bad("%s: %s is not a bullet/sentence of a results or tasks section" % (fn, it["id"]))
        nt = sum(1 for it in gold["tasks"] if it["file"] == fn)
        nr = sum(1 for it in gold["results"] if it["file"] == fn)
        if not 10 <= nt <= 18:
            bad("%s: %d tasks" % (fn, nt))
        if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
            bad("%s: %d results" % (fn, nr))
        # ---- periods agree with the document
        if not facts.get("so") or not facts.get("date") or not facts.get("party"):
            bad("%s: header (Số, date, Party genre, Nơi nhận) incomplete" % fn)
        title = facts.get("title", "")
        m = re.search(r"Đảng ủy xã (.+?) và nhiệm vụ tháng (\d{1,2}) năm (\d{4})$", title)
        if not m:
            bad("%s: title not parsed: %s" % (fn, title))
            continue
        planned = ym(m.group(3), m.group(2))
        rep = []
        for mo, yr in re.findall(r"tháng (\d{1,2})(?: năm (\d{4}))?", m.group(1)):
            rep.append(ym(yr or m.group(3), mo))
        if planned != d["planned_period"] or rep != d["reported_months"]:
            bad("%s: title says %s -> %s, gold says %s -> %s" % (fn, rep, planned, d["reported_months"], d["planned_period"]))
        if facts.get("date") and d["reported_months"]:
            y, mo, _ = facts["date"]
            if ym(y, mo) != d["reported_months"][-1]:
                bad("%s: dated %s, not in its last reported month" % (fn, facts["date"]))
    for it in gold["tasks"]:
        if it["file"] in docs and it["period"] != docs[it["file"]]["planned_period"]:
            bad("%s: period %s != planned_period" % (it["id"], it["period"]))
    for it in gold["results"]:
        if it["file"] in docs and it["period"] not in docs[it["file"]]["reported_months"]:
            bad("%s: period %s not a reported month" % (it["id"], it["period"]))
    # ---- links
    def unit_of(item):
        return docs[item["file"]]["unit"]

    def plan_of(item):
        return docs[item["file"]]["planned_period"]

    linked = set()
    pairs = set()
    for f in gold["follow_through"]:
        t, r = tasks.get(f["task"]), results.get(f["result"])
        if not t or not r:
            bad("follow_through unknown id: %s" % f)
            continue
        if f["status"] not in STATUSES:
            bad("follow_through status: %s" % f)
        if unit_of(t) != unit_of(r):
            bad("follow_through across units: %s" % f)
        if not (plan_of(r) > plan_of(t) and r["period"] >= t["period"]):
            bad("follow_through not forward: %s" % f)
        if f["result"] in notdone_results:
            bad("follow_through to a 'chưa thực hiện' bullet: %s" % f)
        key = (f["task"], f["result"])
        if key in pairs:
            bad("duplicate link %s" % (key,))
        pairs.add(key)
        linked.add(f["task"])
    for c in gold["carry_over"]:
        a, b = tasks.get(c["from"]), tasks.get(c["to"])
        if not a or not b:
            bad("carry_over unknown id: %s" % c)
            continue
        if c["kind"] not in KINDS:
            bad("carry_over kind: %s" % c)
        if unit_of(a) != unit_of(b):
            bad("carry_over across units: %s" % c)
        if not b["period"] > a["period"]:
            bad("carry_over not forward: %s" % c)
        key = (c["from"], c["to"])
        if key in pairs:
            bad("duplicate link %s" % (key,))
        pairs.add(key)
        linked.add(c["from"])
    last = {}
    for d in gold["documents"]:
        if d["planned_period"] > last.get(d["unit"], ""):
            last[d["unit"]] = d["planned_period"]
    expected_gaps = {tid for tid, t in tasks.items()
                     if tid not in linked and plan_of(t) != last[unit_of(t)]}
    if set(gold["gaps"]) != expected_gaps or len(gold["gaps"]) != len(set(gold["gaps"])):
        bad("gaps %s != unlinked tasks of non-last documents %s" % (sorted(gold["gaps"]), sorted(expected_gaps)))
    for p in decoys:
        ids = [tasks.get(x) or results.get(x) for x in p]
        if None in ids:
            bad("decoy unknown id: %s" % p)
            continue
        if unit_of(ids[0]) == unit_of(ids[1]):
            bad("decoy pair within one unit: %s" % p)
        if tuple(p) in pairs or tuple(reversed(p)) in pairs:
            bad("decoy linked: %s" % p)
    if problems:
        print("\n".join(problems))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
