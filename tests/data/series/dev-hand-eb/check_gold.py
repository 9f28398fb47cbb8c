#!/usr/bin/env python3
"""Check gold.json of this series against the documents beside it and the rules of
ANNOTATION.md. Prints OK when every check passes, else the problems."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
ID = re.compile(r"^[TR]\d{4}-\d+$")
ROMAN = re.compile(r"^(I|II|III|IV|V|VI)\. \S")
BODY = re.compile(r"^\d+\. (Đối với|Đề nghị) .+:$")


def load():
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as fh:
        return json.load(fh)


def check_form(g):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            err("form: missing or bad key %r" % k)
    for k in g:
        if k not in need and k != "cross_unit_decoys":
            err("form: unknown key %r" % k)
    if "cross_unit_decoys" in g and not isinstance(g["cross_unit_decoys"], list):
        err("form: cross_unit_decoys must be a list")
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("form: document keys %s" % sorted(d))
        if not isinstance(d.get("reported_months"), list):
            err("form: reported_months not a list in %s" % d.get("file"))
        for m in d.get("reported_months", []) + [d.get("planned_period", "")]:
            if not isinstance(m, str) or not MONTH.match(m):
                err("form: bad month %r in %s" % (m, d.get("file")))
    for key in ("tasks", "results"):
        for it in g.get(key, []):
            if set(it) != {"id", "file", "period", "text"}:
                err("form: %s item keys %s" % (key, sorted(it)))
            if not ID.match(str(it.get("id", ""))) or it["id"][0] != key[0].upper():
                err("form: bad id %r in %s" % (it.get("id"), key))
            if not isinstance(it.get("text"), str) or not it["text"].strip():
                err("form: empty text %r" % it.get("id"))
            if not MONTH.match(str(it.get("period", ""))):
                err("form: bad period for %r" % it.get("id"))
    for ln in g.get("follow_through", []):
        if set(ln) != {"task", "result", "status"}:
            err("form: follow_through keys %s" % sorted(ln))
    for ln in g.get("carry_over", []):
        if set(ln) != {"from", "to", "kind"}:
            err("form: carry_over keys %s" % sorted(ln))
    for pair in g.get("cross_unit_decoys", []):
        if not (isinstance(pair, list) and len(pair) == 2):
            err("form: decoy pair %r" % (pair,))


def read_doc(fname):
    path = os.path.join(HERE, fname)
    if not os.path.isfile(path):
        err("file missing: %s" % fname)
        return None
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s: has a BOM" % fname)
    if b"\r" in raw:
        err("%s: has CR line ends" % fname)
    if not raw.endswith(b"\n"):
        err("%s: no final newline" % fname)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err("%s: not UTF-8 (%s)" % (fname, e))
        return None
    if unicodedata.normalize("NFC", text) != text:
        err("%s: not NFC" % fname)
    return text


def month_key(m):
    y, mm = m.split("-")
    return int(y) * 12 + int(mm)


def main():
    g = load()
    check_form(g)
    docs = g["documents"]
    by_file = {}
    for d in docs:
        if d["file"] in by_file:
            err("document listed twice: %s" % d["file"])
        by_file[d["file"]] = d
    # the folder holds exactly the listed documents
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
    for f in on_disk - set(by_file):
        err("unlisted .txt in folder: %s" % f)

    texts = {}
    for d in docs:
        f = d["file"]
        m = NAME.match(f)
        if not m:
            err("bad file name: %s" % f)
            continue
        if "%s-%s" % (m.group(2), m.group(3)) != d["planned_period"]:
            err("%s: name month differs from planned_period %s" % (f, d["planned_period"]))
        for rm in d["reported_months"]:
            if month_key(rm) >= month_key(d["planned_period"]):
                err("%s: reported month %s not before planned %s" % (f, rm, d["planned_period"]))
        t = read_doc(f)
        if t is not None:
            texts[f] = t

    # genre header and the periods written in the documents
    for f, t in texts.items():
        d = by_file[f]
        for must in ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "THÔNG BÁO", "Nơi nhận:",
                     "I. ĐÁNH GIÁ CHUNG", "II. KẾT LUẬN", "III. TỔ CHỨC THỰC HIỆN"):
            if must not in t:
                err("%s: missing %r" % (f, must))
        if not re.search(r"^Số: \d+/TB-UBND$", t, re.M):
            err("%s: no 'Số: .../TB-UBND' line" % f)
        dm = re.search(r"^.+, ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$", t, re.M)
        if not dm:
            err("%s: no place-and-date line" % f)
        else:
            dated = "%s-%02d" % (dm.group(3), int(dm.group(2)))
            if dated != max(d["reported_months"], key=month_key):
                err("%s: dated %s, but last reported month is %s" % (f, dated, max(d["reported_months"])))
        tm = re.search(r"^Kết luận .* giao ban (tháng .+) năm (\d{4})$", t, re.M)
        if not tm:
            err("%s: no title line" % f)
        else:
            months = ["%s-%02d" % (tm.group(2), int(x)) for x in re.findall(r"tháng (\d{1,2})", tm.group(1))]
            if sorted(months) != sorted(d["reported_months"]):
                err("%s: title months %s != reported_months %s" % (f, months, d["reported_months"]))
        pm = re.search(r"triển khai nhiệm vụ tháng (\d{1,2}) năm (\d{4})", t)
        if not pm or "%s-%02d" % (pm.group(2), int(pm.group(1))) != d["planned_period"]:
            err("%s: intro does not name planned month %s" % (f, d["planned_period"]))

    # items: exact unique substrings, no overlaps, right periods
    items = {}
    spans = {f: [] for f in texts}
    for key in ("tasks", "results"):
        for it in g["tasks" if key == "tasks" else "results"]:
            iid = it["id"]
            if iid in items:
                err("duplicate id %s" % iid)
            items[iid] = dict(it, kind=key[:-1])
            f = it["file"]
            if f not in by_file:
                err("%s: file %s not a document" % (iid, f))
                continue
            d = by_file[f]
            if key == "tasks" and it["period"] != d["planned_period"]:
                err("%s: period %s != planned %s" % (iid, it["period"], d["planned_period"]))
            if key == "results" and it["period"] not in d["reported_months"]:
                err("%s: period %s not in reported %s" % (iid, it["period"], d["reported_months"]))
            if f not in texts:
                continue
            t, s = texts[f], it["text"]
            if unicodedata.normalize("NFC", s) != s:
                err("%s: text not NFC" % iid)
            n = t.count(s)
            if n != 1:
                err("%s: text found %d times in %s" % (iid, n, f))
                continue
            a = t.index(s)
            spans[f].append((a, a + len(s), iid))
            if "\n" in s:
                err("%s: item spans a line break" % iid)
            if not s.rstrip().endswith((".", ";")):
                err("%s: item does not end a sentence" % iid)
            if re.search(r"[.!?]\s+[A-ZĐÀ-Ỹ]", s):
                err("%s: item seems to hold two sentences" % iid)
    for f, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                err("%s: items %s and %s overlap" % (f, i1, i2))

    # coverage: every sentence / bullet of the results and tasks sections labelled
    for f, t in texts.items():
        sec1 = t.find("\nI. ĐÁNH GIÁ CHUNG\n")
        sec2 = t.find("\nII. KẾT LUẬN")
        sec3 = t.find("\nIII. TỔ CHỨC THỰC HIỆN\n")
        if min(sec1, sec2, sec3) < 0 or not sec1 < sec2 < sec3:
            err("%s: sections I, II, III not found in order" % f)
            continue
        for a, b, iid in spans[f]:
            kind = items[iid]["kind"]
            if not sec1 < a < sec3:
                err("%s: %s outside the results/tasks sections" % (f, iid))
            if kind == "task" and a < sec2:
                err("%s: task %s in the general (results) section" % (f, iid))
        pos = sec1 + 1
        for line in t[sec1 + 1:sec3].split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            s = line.strip()
            if not s or ROMAN.match(s) or BODY.match(s) or s.startswith("Hạn chế"):
                continue
            inside = [(a, b) for a, b, _ in spans[f] if a >= start and b <= end]
            rest, cur = [], start
            for a, b in sorted(inside):
                rest.append(t[cur:a])
                cur = b
            rest.append(t[cur:end])
            left = "".join(rest).strip()
            if not inside and s.endswith(":"):
                continue  # lead-in such as "Nhiệm vụ tháng 4:"
            if left.lstrip("-").strip():
                err("%s: unlabelled text in line %r: %r" % (f, s[:50], left[:80]))

    # counts per document
    for f in by_file:
        nt = sum(1 for it in g["tasks"] if it["file"] == f)
        nr = sum(1 for it in g["results"] if it["file"] == f)
        if not 10 <= nt <= 18:
            err("%s: %d tasks (want 10-18)" % (f, nt))
        if not 10 <= nr <= 18:
            err("%s: %d results (want 10-18)" % (f, nr))

    # links
    unit_docs = {}
    for d in docs:
        unit_docs.setdefault(d["unit"], []).append(d)
    for u in unit_docs:
        unit_docs[u].sort(key=lambda d: month_key(d["planned_period"]))

    def doc_of(iid):
        return by_file.get(items[iid]["file"]) if iid in items else None

    def next_doc(d):
        lst = unit_docs[d["unit"]]
        i = lst.index(d)
        return lst[i + 1] if i + 1 < len(lst) else None

    linked = set()
    pairs = set()
    for ln in g["follow_through"]:
        t_id, r_id = ln["task"], ln["result"]
        if t_id not in items or items[t_id]["kind"] != "task":
            err("follow_through: %s is not a task" % t_id)
            continue
        if r_id not in items or items[r_id]["kind"] != "result":
            err("follow_through: %s is not a result" % r_id)
            continue
        if ln["status"] not in STATUSES:
            err("follow_through %s->%s: status %r" % (t_id, r_id, ln["status"]))
        dt, dr = doc_of(t_id), doc_of(r_id)
        if dt["unit"] != dr["unit"]:
            err("follow_through %s->%s crosses units" % (t_id, r_id))
        elif dr is not next_doc(dt):
            err("follow_through %s->%s: result not in the next document of the unit" % (t_id, r_id))
        if month_key(items[r_id]["period"]) < month_key(items[t_id]["period"]):
            err("follow_through %s->%s: result reports a month before the task's" % (t_id, r_id))
        if (t_id, r_id) in pairs:
            err("follow_through %s->%s listed twice" % (t_id, r_id))
        pairs.add((t_id, r_id))
        linked.add(t_id)
    for ln in g["carry_over"]:
        a, b = ln["from"], ln["to"]
        if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
            err("carry_over %s->%s: not two tasks" % (a, b))
            continue
        if ln["kind"] not in KINDS:
            err("carry_over %s->%s: kind %r" % (a, b, ln["kind"]))
        da, db = doc_of(a), doc_of(b)
        if da["unit"] != db["unit"]:
            err("carry_over %s->%s crosses units" % (a, b))
        elif db is not next_doc(da):
            err("carry_over %s->%s: not planned again in the next document" % (a, b))
        if (a, b) in pairs:
            err("carry_over %s->%s listed twice" % (a, b))
        pairs.add((a, b))
        linked.add(a)

    # gaps: exactly the tasks with neither link in a document that is not its unit's last
    want = set()
    for it in g["tasks"]:
        d = by_file.get(it["file"])
        if d and next_doc(d) is not None and it["id"] not in linked:
            want.add(it["id"])
    got = set(g["gaps"])
    if len(got) != len(g["gaps"]):
        err("gaps: duplicates")
    for x in sorted(got - want):
        err("gaps: %s is linked or in a unit's last document" % x)
    for x in sorted(want - got):
        err("gaps: %s has no link but is not listed" % x)

    # decoys never linked (cross-unit from gold.json, intra-unit from _src/decoys.json)
    decoys = [tuple(p) for p in g.get("cross_unit_decoys", [])]
    for a, b in decoys:
        if a in items and b in items and doc_of(a)["unit"] == doc_of(b)["unit"]:
            err("cross_unit_decoys: %s and %s are of the same unit" % (a, b))
    extra = os.path.join(HERE, "_src", "decoys.json")
    if os.path.isfile(extra):
        decoys += [tuple(p) for p in json.load(open(extra, encoding="utf-8"))]
    for a, b in decoys:
        for x in (a, b):
            if x not in items:
                err("decoy id %s unknown" % x)
        if (a, b) in pairs or (b, a) in pairs:
            err("decoy pair %s / %s is linked" % (a, b))

    if errors:
        for e in errors:
            print("ERROR:", e)
        print("%d problem(s)" % len(errors))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
