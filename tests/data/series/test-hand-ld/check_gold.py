#!/usr/bin/env python3
"""Check gold.json of hand LD against the documents beside it.  Prints OK or the problems."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
ID = re.compile(r"^[TR]\d\d-\d+$")
errors = []


def err(msg):
    errors.append(msg)


def ym(y, m):
    return f"{int(y):04d}-{int(m):02d}"


def months_in(part, default_year, upper=False):
    """'tháng 02, tháng 3 năm 2026' -> ['2026-02', '2026-03']"""
    word = "THÁNG" if upper else "tháng"
    yword = "NĂM" if upper else "năm"
    found = re.findall(word + r" (\d{1,2})(?:(?:/| " + yword + r" )(\d{4}))?", part)
    out, pending = [], []
    for m, y in found:
        pending.append(m)
        if y:
            out += [ym(y, mm) for mm in pending]
            pending = []
    out += [ym(default_year, mm) for mm in pending]
    return out


def fix_year(months, planned):
    """A reported month later than the planned month belongs to the year before."""
    res = []
    for x in months:
        if x >= planned:
            y, m = x.split("-")
            x = ym(int(y) - 1, m)
        res.append(x)
    return res


def main():
    gpath = os.path.join(HERE, "gold.json")
    with open(gpath, encoding="utf-8") as f:
        gold = json.load(f)

    # ---- form ----------------------------------------------------------
    for k in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if k not in gold or not isinstance(gold[k], list):
            err(f"gold.json: missing list '{k}'")
    if errors:
        return
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                         "gaps", "cross_unit_decoys"}
    if extra:
        err(f"gold.json: unknown keys {sorted(extra)}")
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document fields: {d}")
    for kind in ("tasks", "results"):
        for i in gold[kind]:
            if set(i) != {"id", "file", "period", "text"}:
                err(f"{kind} fields: {i}")
            if not ID.match(i.get("id", "")) or i["id"][0] != kind[0].upper():
                err(f"bad id {i.get('id')} in {kind}")
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err(f"follow_through fields: {l}")
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err(f"carry_over fields: {l}")
    if errors:
        return

    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        err("duplicate document file")
    items = {}
    for i in gold["tasks"] + gold["results"]:
        if i["id"] in items:
            err(f"duplicate id {i['id']}")
        items[i["id"]] = i
        if i["file"] not in docs:
            err(f"{i['id']}: file {i['file']} not in documents")
    if errors:
        return

    # ---- file names, encoding, NFC ---------------------------------------
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if on_disk != sorted(docs):
        err(f"txt files on disk {on_disk} != documents {sorted(docs)}")
    texts = {}
    for fn, d in docs.items():
        m = FNAME.match(fn)
        if not m:
            err(f"{fn}: bad file name")
            continue
        if m.group(2) != d["planned_period"]:
            err(f"{fn}: name month {m.group(2)} != planned_period {d['planned_period']}")
        raw = open(os.path.join(HERE, fn), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fn}: BOM")
        if b"\r" in raw:
            err(f"{fn}: CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{fn}: not UTF-8 ({e})")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{fn}: not NFC")
        texts[fn] = t
        for need in ("Số:", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "BÁO CÁO", "Nơi nhận:", "HẠN CHẾ"):
            if need not in t:
                err(f"{fn}: header/closing part missing: {need}")
    if errors:
        return

    # ---- exact unique substrings, no overlaps ------------------------------
    spans = {}  # file -> list of (start, end, id)
    for iid, i in items.items():
        t = texts[i["file"]]
        if unicodedata.normalize("NFC", i["text"]) != i["text"]:
            err(f"{iid}: text not NFC")
        n = t.count(i["text"])
        if n != 1:
            err(f"{iid}: text found {n} times in {i['file']}")
            continue
        s = t.index(i["text"])
        spans.setdefault(i["file"], []).append((s, s + len(i["text"]), iid))
        if re.search(r"[.!?]\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ0-9]", i["text"]):
            err(f"{iid}: item holds more than one sentence")
        if not i["text"].rstrip().endswith((".", "!", "?")):
            err(f"{iid}: item does not end a sentence")
    for fn, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if a[1] > b[0]:
                err(f"{fn}: {a[2]} overlaps {b[2]}")

    # ---- sections, full labelling, periods --------------------------------
    order = sorted(docs, key=lambda f: docs[f]["planned_period"])
    for fn in order:
        d, t = docs[fn], texts[fn]
        planned = d["planned_period"]
        lines = t.split("\n")
        offs, o = [], 0
        for ln in lines:
            offs.append(o)
            o += len(ln) + 1
        # title and its months
        try:
            ti = lines.index("BÁO CÁO")
            title = lines[ti + 1]
        except (ValueError, IndexError):
            err(f"{fn}: no title")
            continue
        parts = re.split(r"\s(?:và|;)\s+(?:phương hướng,\s*)?nhiệm vụ", title, maxsplit=1)
        if len(parts) != 2:
            err(f"{fn}: title does not name reported and planned months")
            continue
        pm = months_in(parts[1], planned[:4])
        if pm != [planned]:
            err(f"{fn}: title plans {pm}, gold {planned}")
        rep = fix_year(months_in(parts[0], planned[:4]), planned)
        if rep != d["reported_months"]:
            err(f"{fn}: title reports {rep}, gold {d['reported_months']}")
        # section bounds
        def find(pat, start=0):
            for k in range(start, len(lines)):
                if re.match(pat, lines[k]):
                    return k
            return None
        r0 = find(r"^I\.\s")
        r1 = find(r"^II\.\s", (r0 or 0) + 1)
        t0 = find(r"^III\.\s", (r1 or 0) + 1)
        t1 = find(r"^(Trên đây|Nơi nhận)", (t0 or 0) + 1)
        if None in (r0, r1, t0, t1):
            err(f"{fn}: sections not found")
            continue
        hm = fix_year(months_in(lines[r0].upper(), planned[:4], upper=True), planned)
        if hm != d["reported_months"]:
            err(f"{fn}: results heading months {hm} != {d['reported_months']}")
        tm = months_in(lines[t0].upper(), planned[:4], upper=True)
        if tm != [planned]:
            err(f"{fn}: tasks heading months {tm} != {planned}")

        file_spans = spans.get(fn, [])

        def items_on(k):
            a, b = offs[k], offs[k] + len(lines[k])
            return [s for s in file_spans if s[0] >= a and s[1] <= b]

        def covered(k, content_start):
            """content of line k from content_start must be exactly items joined by single spaces"""
            its = items_on(k)
            pos = offs[k] + content_start
            end = offs[k] + len(lines[k].rstrip())
            for s, e, iid in its:
                if s != pos:
                    return False, its
                pos = e
                if pos < end:
                    if t[pos] != " ":
                        return False, its
                    pos += 1
            return pos >= end and bool(its), its

        seen_r, seen_t = set(), set()
        period = d["reported_months"][0] if len(d["reported_months"]) == 1 else None
        for k in range(r0 + 1, r1):
            ln = lines[k]
            s = ln.strip()
            if not s:
                continue
            if re.match(r"^\d+\.\s", s) and not s.endswith("."):
                mm = fix_year(months_in(s.lower(), planned[:4]), planned)
                if mm:
                    period = mm[0]
                continue
            if s.endswith(":"):
                continue
            mb = re.match(r"^\s*(?:[-+•]\s+)?", ln)
            ok, its = covered(k, mb.end())
            if not ok:
                err(f"{fn}: results line {k+1} not fully labelled: {s[:60]}")
            for _, _, iid in its:
                seen_r.add(iid)
                if iid[0] != "R":
                    err(f"{fn}: {iid} (a task) in the results section")
                elif items[iid]["period"] != period:
                    err(f"{iid}: period {items[iid]['period']} != section month {period}")
        for k in range(t0 + 1, t1):
            ln = lines[k]
            s = ln.strip()
            if not s or s.endswith(":") or s.startswith("Giao "):
                continue
            if "\t" in ln:
                cells = ln.split("\t")
                if cells[0] in ("TT", "STT") or not cells[0].isdigit():
                    if items_on(k):
                        err(f"{fn}: label on table header/group row {k+1}")
                    continue
                a = offs[k] + len(cells[0]) + 1
                b = a + len(cells[1])
                its = items_on(k)
                if len(its) != 1 or its[0][0] != a or its[0][1] != b:
                    err(f"{fn}: table row {k+1} task cell not labelled exactly")
                for _, _, iid in its:
                    seen_t.add(iid)
                continue
            ok, its = covered(k, len(ln) - len(ln.lstrip(" -+•")))
            if not ok:
                err(f"{fn}: tasks line {k+1} not fully labelled: {s[:60]}")
            for _, _, iid in its:
                seen_t.add(iid)
        for s_, e_, iid in file_spans:
            if iid[0] == "R" and iid not in seen_r:
                err(f"{iid}: result outside the results section")
            if iid[0] == "T" and iid not in seen_t:
                err(f"{iid}: task outside the tasks section")
            if iid[0] == "T" and items[iid]["period"] != planned:
                err(f"{iid}: period {items[iid]['period']} != planned {planned}")
        nt = sum(1 for x in file_spans if x[2][0] == "T")
        nr = sum(1 for x in file_spans if x[2][0] == "R")
        if not 10 <= nt <= 18:
            err(f"{fn}: {nt} tasks (need 10-18)")
        if nr and not 10 <= nr <= 18:
            err(f"{fn}: {nr} results (need 10-18 or 0)")
        if nr == 0 and d["reported_months"]:
            err(f"{fn}: reports months but has no result")

    # ---- links --------------------------------------------------------------
    idx = {fn: k for k, fn in enumerate(order)}
    unit = lambda iid: docs[items[iid]["file"]]["unit"]
    pos = lambda iid: idx[items[iid]["file"]]
    pairs = set()
    for l in gold["follow_through"]:
        t_, r_ = l["task"], l["result"]
        if t_ not in items or r_ not in items or t_[0] != "T" or r_[0] != "R":
            err(f"follow_through bad ids {l}")
            continue
        if (t_, r_) in pairs:
            err(f"duplicate follow_through {l}")
        pairs.add((t_, r_))
        if l["status"] not in STATUSES:
            err(f"follow_through status {l['status']}")
        if unit(t_) != unit(r_):
            err(f"follow_through across units {l}")
        if pos(r_) <= pos(t_) or items[r_]["period"] < items[t_]["period"]:
            err(f"follow_through not forward in time {l}")
    cpairs = set()
    for l in gold["carry_over"]:
        a, b = l["from"], l["to"]
        if a not in items or b not in items or a[0] != "T" or b[0] != "T":
            err(f"carry_over bad ids {l}")
            continue
        if (a, b) in cpairs:
            err(f"duplicate carry_over {l}")
        cpairs.add((a, b))
        if l["kind"] not in KINDS:
            err(f"carry_over kind {l['kind']}")
        if unit(a) != unit(b):
            err(f"carry_over across units {l}")
        if pos(b) <= pos(a) or items[b]["period"] <= items[a]["period"]:
            err(f"carry_over not forward in time {l}")

    # ---- gaps ---------------------------------------------------------------
    last = {}
    for fn in order:
        last[docs[fn]["unit"]] = fn
    linked = {t for t, _ in pairs} | {a for a, _ in cpairs}
    expect = {i["id"] for i in gold["tasks"]
              if i["id"] not in linked and last[docs[i["file"]]["unit"]] != i["file"]}
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        err("duplicate gap")
    if got != expect:
        err(f"gaps differ: missing {sorted(expect - got)}, extra {sorted(got - expect)}")

    # ---- decoys -------------------------------------------------------------
    all_links = pairs | cpairs | {(b, a) for a, b in pairs | cpairs}
    for pr in gold.get("cross_unit_decoys", []):
        if len(pr) != 2 or any(x not in items for x in pr):
            err(f"bad decoy pair {pr}")
            continue
        if unit(pr[0]) == unit(pr[1]):
            err(f"cross-unit decoy within one unit {pr}")
        if tuple(pr) in all_links:
            err(f"decoy linked {pr}")
    nd = os.path.join(HERE, "_src", "near_decoys.json")
    if os.path.exists(nd):
        for pr in json.load(open(nd, encoding="utf-8")):
            if any(x not in items for x in pr):
                err(f"bad near-decoy pair {pr}")
            elif tuple(pr) in all_links:
                err(f"near-decoy linked {pr}")


if __name__ == "__main__":
    main()
    if errors:
        print("\n".join(errors))
        print(f"{len(errors)} problem(s)")
        sys.exit(1)
    print("OK")
