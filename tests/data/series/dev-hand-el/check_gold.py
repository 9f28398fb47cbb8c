#!/usr/bin/env python3
"""Check gold.json of the An Thạch series against its documents. Prints OK or the problems."""
import datetime, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


NAME = re.compile(r"^[a-z0-9-]+_(\d{4})-(\d{2})-(ctr|bc)\.txt$")
ROMAN = re.compile(r"^([IVX]+)\.\s+(.*)$")
SUBHEAD = re.compile(r"^\d+\.\s+\S")
NUMPREFIX = re.compile(r"^\s*(?:-\s*|\+\s*|\d+(?:\.\d+)+\.\s*)")
DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def load():
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
        return json.load(f)


def check_form(g):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            err(f"form: key {k} missing or not a {t.__name__}")
    if "cross_unit_decoys" in g and not isinstance(g["cross_unit_decoys"], list):
        err("form: cross_unit_decoys not a list")
    extra = set(g) - set(need) - {"cross_unit_decoys"}
    if extra:
        err(f"form: unknown keys {sorted(extra)}")
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"form: document fields {sorted(d)}")
        if not isinstance(d.get("reported_months"), list):
            err(f"form: reported_months of {d.get('file')} not a list")
        for m in d.get("reported_months") or []:
            if not PERIOD.match(str(m)):
                err(f"form: bad reported month {m}")
        p = d.get("planned_period")
        if p is not None and not PERIOD.match(str(p)):
            err(f"form: bad planned_period {p}")
    for key in ("tasks", "results"):
        for it in g.get(key, []):
            if set(it) != {"id", "file", "period", "text"}:
                err(f"form: {key} item fields {sorted(it)}")
            if not isinstance(it.get("text"), str) or not it.get("text", "").strip():
                err(f"form: empty text {it.get('id')}")
            if not PERIOD.match(str(it.get("period"))):
                err(f"form: bad period {it.get('id')}")
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            err(f"form: follow_through fields {sorted(l)}")
        if l.get("status") not in STATUSES:
            err(f"status not allowed: {l}")
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            err(f"form: carry_over fields {sorted(l)}")
        if l.get("kind") not in KINDS:
            err(f"kind not allowed: {l}")


def read_doc(fname):
    path = os.path.join(HERE, fname)
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{fname}: BOM")
    if b"\r" in raw:
        err(f"{fname}: CR line ends")
    try:
        txt = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{fname}: not UTF-8 ({e})")
        return None
    if unicodedata.normalize("NFC", txt) != txt:
        err(f"{fname}: not NFC")
    return txt


def sections(txt):
    """Return list of (kind, start, end) offsets: kind 'tasks', 'results' or 'other'."""
    out, pos, cur, start = [], 0, None, None
    for line in txt.splitlines(keepends=True):
        s = line.strip()
        m = ROMAN.match(s)
        stop = m or s.startswith("Trên đây") or s.startswith("Nơi nhận")
        if stop and cur is not None:
            out.append((cur, start, pos))
            cur = None
        if m:
            head = m.group(2).upper()
            if head.startswith("NHIỆM VỤ"):
                cur, start = "tasks", pos + len(line)
            elif head.startswith("KẾT QUẢ"):
                cur, start = "results", pos + len(line)
        pos += len(line)
    if cur is not None:
        out.append((cur, start, pos))
    return out


def main():
    try:
        g = load()
    except Exception as e:
        print(f"gold.json unreadable: {e}")
        sys.exit(1)
    check_form(g)
    if ERR:
        print("\n".join(ERR))
        sys.exit(1)

    docs = {d["file"]: d for d in g["documents"]}
    if len(docs) != len(g["documents"]):
        err("duplicate document file")
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
    if on_disk != set(docs):
        err(f"documents vs .txt on disk differ: {sorted(on_disk ^ set(docs))}")

    texts, dates, kinds = {}, {}, {}
    for fname, d in docs.items():
        m = NAME.match(fname)
        if not m:
            err(f"{fname}: bad file name")
            continue
        month = f"{m.group(1)}-{m.group(2)}"
        kind = m.group(3)
        kinds[fname] = kind
        txt = read_doc(fname)
        if txt is None:
            continue
        texts[fname] = txt
        dm = DATE.search(txt)
        if not dm:
            err(f"{fname}: no date line")
            continue
        dt = datetime.date(int(dm.group(3)), int(dm.group(2)), int(dm.group(1)))
        dates[fname] = dt
        if f"{dt.year:04d}-{dt.month:02d}" != month:
            err(f"{fname}: dated {dt} outside its month {month}")
        sym = re.search(r"Số: ?\d+/(CTr|BC)-UBND", txt)
        if not sym or sym.group(1).lower() != kind:
            err(f"{fname}: document symbol does not fit -{kind}")
        tm = re.search(r"(?:CHƯƠNG TRÌNH CÔNG TÁC THÁNG|Kết quả thực hiện nhiệm vụ tháng) (\d{1,2}) (?:NĂM|năm) (\d{4})", txt)
        title_month = f"{int(tm.group(2)):04d}-{int(tm.group(1)):02d}" if tm else None
        if title_month != month:
            err(f"{fname}: title month {title_month} != file month {month}")
        if kind == "ctr":
            if d["planned_period"] != month or d["reported_months"] != []:
                err(f"{fname}: a programme plans {month} and reports nothing")
        else:
            if d["planned_period"] is not None or d["reported_months"] != [month]:
                err(f"{fname}: a report reports {month} and plans nothing")

    items = {}
    for key in ("tasks", "results"):
        for it in g[key]:
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            items[it["id"]] = (key, it)
    task_ids = {it["id"] for it in g["tasks"]}
    result_ids = {it["id"] for it in g["results"]}

    spans = {f: [] for f in texts}
    for iid, (key, it) in items.items():
        f = it["file"]
        if f not in docs:
            err(f"{iid}: unknown file {f}")
            continue
        if f not in texts:
            continue
        d = docs[f]
        if key == "tasks" and it["period"] != d["planned_period"]:
            err(f"{iid}: period {it['period']} != planned_period of {f}")
        if key == "results" and it["period"] not in d["reported_months"]:
            err(f"{iid}: period {it['period']} not reported by {f}")
        txt, t = texts[f], it["text"]
        if unicodedata.normalize("NFC", t) != t:
            err(f"{iid}: text not NFC")
        n = txt.count(t)
        if n != 1:
            err(f"{iid}: text found {n} times in {f}")
            continue
        a = txt.index(t)
        spans[f].append((a, a + len(t), iid, key))
        if "\n" in t:
            err(f"{iid}: spans lines")

    for f, sp in spans.items():
        sp.sort()
        for (a1, b1, i1, _), (a2, b2, i2, _) in zip(sp, sp[1:]):
            if a2 < b1:
                err(f"{f}: items {i1} and {i2} overlap")
        secs = sections(texts[f])
        for a, b, iid, key in sp:
            if not any(k == key and s <= a and b <= e for k, s, e in secs):
                err(f"{iid}: not inside a {key} section of {f}")
        # every bullet / sentence of the task and result sections is labelled
        txt = texts[f]
        for k, s, e in secs:
            pos = s
            for line in txt[s:e].splitlines(keepends=True):
                ls, le = pos, pos + len(line.rstrip("\n"))
                pos += len(line)
                body = line.strip()
                if not body or SUBHEAD.match(body) or body.endswith(":"):
                    continue
                rest = list(txt[ls:le])
                for a, b, iid, key in sp:
                    if a >= ls and b <= le:
                        for i in range(a - ls, b - ls):
                            rest[i] = " "
                left = NUMPREFIX.sub("", "".join(rest)).strip()
                if left:
                    err(f"{f}: unlabelled text in {k} section: {left[:80]!r}")
        nt = sum(1 for x in sp if x[3] == "tasks")
        nr = sum(1 for x in sp if x[3] == "results")
        if kinds.get(f) == "ctr" and not (10 <= nt <= 18 and nr == 0):
            err(f"{f}: programme has {nt} tasks, {nr} results")
        if kinds.get(f) == "bc" and not (10 <= nr <= 18 and nt == 0):
            err(f"{f}: report has {nt} tasks, {nr} results")

    def doc_of(iid):
        return items[iid][1]["file"]

    linked = set()
    seen = set()
    for l in g["follow_through"]:
        t, r = l["task"], l["result"]
        if t not in task_ids or r not in result_ids:
            err(f"follow_through with unknown ids {l}")
            continue
        if (t, r) in seen:
            err(f"duplicate follow_through {t}->{r}")
        seen.add((t, r))
        ft, fr = doc_of(t), doc_of(r)
        if docs[ft]["unit"] != docs[fr]["unit"]:
            err(f"follow_through across units {t}->{r}")
        if ft in dates and fr in dates and not dates[fr] > dates[ft]:
            err(f"follow_through not forward in time {t}->{r}")
        if items[r][1]["period"] < items[t][1]["period"]:
            err(f"follow_through result reports a month before the task's {t}->{r}")
        if items[t][1]["period"] not in docs[fr]["reported_months"]:
            err(f"follow_through: {fr} does not report the month of {t}")
        linked.add(t)
    seen = set()
    for l in g["carry_over"]:
        a, b = l["from"], l["to"]
        if a not in task_ids or b not in task_ids:
            err(f"carry_over with unknown ids {l}")
            continue
        if (a, b) in seen:
            err(f"duplicate carry_over {a}->{b}")
        seen.add((a, b))
        fa, fb = doc_of(a), doc_of(b)
        if docs[fa]["unit"] != docs[fb]["unit"]:
            err(f"carry_over across units {a}->{b}")
        if fa in dates and fb in dates and not dates[fb] > dates[fa]:
            err(f"carry_over not forward in time {a}->{b}")
        if not items[b][1]["period"] > items[a][1]["period"]:
            err(f"carry_over not to a later month {a}->{b}")
        linked.add(a)

    # gaps: exactly the unlinked tasks of documents that are not their unit's last
    last = {}
    for f, d in docs.items():
        if f in dates and (d["unit"] not in last or dates[f] > dates[last[d["unit"]]]):
            last[d["unit"]] = f
    expected = {t for t in task_ids
                if t not in linked and doc_of(t) != last.get(docs[doc_of(t)]["unit"])}
    gaps = set(g["gaps"])
    if len(gaps) != len(g["gaps"]):
        err("duplicate gap ids")
    if gaps != expected:
        err(f"gaps differ: missing {sorted(expected - gaps)}, extra {sorted(gaps - expected)}")

    # decoys: pairs of items of two different units, never linked
    pairs = {(l["task"], l["result"]) for l in g["follow_through"]} | \
            {(l["from"], l["to"]) for l in g["carry_over"]}
    for pr in g.get("cross_unit_decoys", []):
        if not (isinstance(pr, list) and len(pr) == 2 and all(x in items for x in pr)):
            err(f"bad decoy pair {pr}")
            continue
        x, y = pr
        if docs[doc_of(x)]["unit"] == docs[doc_of(y)]["unit"]:
            err(f"decoy pair within one unit {pr}")
        if (x, y) in pairs or (y, x) in pairs:
            err(f"decoy pair linked {pr}")
    units = {d["unit"] for d in docs.values()}
    if len(units) < 2 and g.get("cross_unit_decoys"):
        err("decoys given for a one-unit series")

    if ERR:
        print("\n".join(ERR))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
