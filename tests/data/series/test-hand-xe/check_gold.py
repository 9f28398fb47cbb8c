#!/usr/bin/env python3
"""Check gold.json of the hand-xe series against its documents. Prints OK or the problems.

Layout of this chi bộ's resolutions (the secretary's own):
  MỤC 1. SỐ LIỆU VÀ VIỆC ĐÃ LÀM ...   results section (headings "●", "1a. Tháng ...",
                                      "(…)" notes and lead-ins ending in ":" are skipped;
                                      "+ " starts a bullet)
  MỤC 2. ...                          limitations (not labelled here)
  MỤC 3. VIỆC CỦA THÁNG M/YYYY        tasks section ("Việc N. " starts a bullet; the
                                      lead-in ending in ":" is skipped)
  MỤC 4. GIAO VIỆC VÀ BIỂU QUYẾT      assignment (not a task)
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


FILE_RE = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
ID_T = re.compile(r"^T\d\d-\d+$")
ID_R = re.compile(r"^R\d\d-\d+$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
MONTH_NAMES = {"Một": 1, "Hai": 2, "Ba": 3, "Tư": 4, "Năm": 5, "Sáu": 6, "Bảy": 7,
               "Tám": 8, "Chín": 9, "Mười": 10, "Mười Một": 11, "Mười Hai": 12}


def load():
    path = os.path.join(HERE, "gold.json")
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("gold.json has a BOM")
    return json.loads(raw.decode("utf-8"))


def check_form(g):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            err(f"gold.json: key {k!r} missing or not a {t.__name__}")
    if "cross_unit_decoys" in g and not isinstance(g["cross_unit_decoys"], list):
        err("cross_unit_decoys is not a list")
    extra = set(g) - set(need) - {"cross_unit_decoys"}
    if extra:
        err(f"unknown keys {sorted(extra)}")
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document fields {sorted(d)}")
    for kind in ("tasks", "results"):
        for it in g.get(kind, []):
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{kind} item fields {sorted(it)}")
            if not all(isinstance(it.get(k), str) for k in ("id", "file", "period", "text")):
                err(f"{kind} item {it.get('id')} has a non-string field")
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            err(f"follow_through fields {sorted(l)}")
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            err(f"carry_over fields {sorted(l)}")
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2):
            err(f"decoy pair {p!r} is not a pair")


def read_doc(fname):
    path = os.path.join(HERE, fname)
    if not os.path.isfile(path):
        err(f"{fname}: file missing")
        return None
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{fname}: BOM")
    if b"\r" in raw:
        err(f"{fname}: CR line ends")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{fname}: not UTF-8 ({e})")
        return None
    if unicodedata.normalize("NFC", text) != text:
        err(f"{fname}: not NFC")
    if not text.endswith("\n"):
        err(f"{fname}: no final newline")
    if "{{" in text or "}}" in text or "%%" in text:
        err(f"{fname}: source marks left in the text")
    return text


def line_spans(text):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def sections(fname, text):
    """Return (results_lines, tasks_lines): lists of (start, end, line) for content lines,
    with the bullet marker left out of the span, plus month-subheading info."""
    lines = list(line_spans(text))
    idx = {}
    for i, (_, line) in enumerate(lines):
        for key in ("MỤC 1.", "MỤC 2.", "MỤC 3.", "MỤC 4."):
            if line.startswith(key):
                if key in idx:
                    err(f"{fname}: heading {key} twice")
                idx[key] = i
    if len(idx) != 4 or not idx["MỤC 1."] < idx["MỤC 2."] < idx["MỤC 3."] < idx["MỤC 4."]:
        err(f"{fname}: the four MỤC headings are missing or out of order")
        return None
    out = {}
    for kind, a, b in (("results", "MỤC 1.", "MỤC 2."), ("tasks", "MỤC 3.", "MỤC 4.")):
        content = []
        month = None  # month subheading in force, for results
        for start, line in lines[idx[a] + 1: idx[b]]:
            s = line.strip()
            if not s:
                continue
            m = re.match(r"^\d[a-z]\. Tháng (.+)$", s)
            if m:
                month = MONTH_NAMES.get(m.group(1))
                if month is None:
                    err(f"{fname}: unknown month subheading {s!r}")
                continue
            if s.startswith("●") or (s.startswith("(") and s.endswith(")")) or s.endswith(":"):
                continue
            off = 0
            mm = re.match(r"^(\+ |Việc \d+\. )", line)
            if mm:
                off = mm.end()
                if kind == "results" and mm.group(1) != "+ ":
                    err(f"{fname}: task bullet in results section: {s[:40]!r}")
                if kind == "tasks" and mm.group(1) == "+ ":
                    err(f"{fname}: '+' bullet in tasks section: {s[:40]!r}")
            elif kind == "tasks":
                err(f"{fname}: task line without 'Việc N.' marker: {s[:40]!r}")
            content.append((start + off, start + len(line), line[off:], month))
        out[kind] = content
    out["heads"] = (lines[idx["MỤC 1."]][1], lines[idx["MỤC 3."]][1])
    return out


def main():
    g = load()
    check_form(g)
    if errors:
        return finish()

    docs = {d["file"]: d for d in g["documents"]}
    if len(docs) != len(g["documents"]):
        err("duplicate document file")
    texts = {}
    nums = {}
    for f, d in docs.items():
        m = FILE_RE.match(f)
        if not m:
            err(f"{f}: bad file name")
            continue
        if m.group(1) != d["planned_period"]:
            err(f"{f}: file month != planned_period {d['planned_period']}")
        if not MONTH_RE.match(d["planned_period"]):
            err(f"{f}: bad planned_period")
        rm = d["reported_months"]
        if not rm or any(not MONTH_RE.match(x) for x in rm) or rm != sorted(set(rm)):
            err(f"{f}: bad reported_months {rm}")
        if rm and max(rm) >= d["planned_period"]:
            err(f"{f}: reports a month not before its planned month")
        if not d["unit"].strip():
            err(f"{f}: empty unit")
        t = read_doc(f)
        if t is None:
            continue
        texts[f] = t
        # header: number, date in the right window
        sm = re.search(r"^Số: (\d+)-NQ/CB", t, re.M)
        if not sm:
            err(f"{f}: no 'Số: ...-NQ/CB' in header")
        else:
            nums.setdefault((d["unit"], sm.group(1)), []).append(f)
        dm = re.search(r"ngày (\d\d) tháng (\d\d?) năm (\d{4})", t)
        if not dm:
            err(f"{f}: no date in header")
        else:
            ym = f"{dm.group(3)}-{int(dm.group(2)):02d}"
            if not (rm and max(rm) < ym <= d["planned_period"]):
                err(f"{f}: date {dm.group(0)} outside (last reported, planned]")
        for need in ("ĐẢNG CỘNG SẢN VIỆT NAM", "NGHỊ QUYẾT", "Nơi nhận:", "T/M CHI BỘ", "BÍ THƯ"):
            if need not in t:
                err(f"{f}: missing {need!r}")
    for k, v in nums.items():
        if len(v) > 1:
            err(f"document number {k} used by {v}")
    # file list on disk matches documents
    on_disk = {x for x in os.listdir(HERE) if x.endswith(".txt")}
    if on_disk != set(docs):
        err(f"txt files on disk {sorted(on_disk ^ set(docs))} differ from documents")

    # units and order
    by_unit = {}
    for f, d in docs.items():
        by_unit.setdefault(d["unit"], []).append(f)
    order = {}
    last_of_unit = set()
    for u, fs in by_unit.items():
        fs.sort(key=lambda f: docs[f]["planned_period"])
        if len({docs[f]["planned_period"] for f in fs}) != len(fs):
            err(f"unit {u}: two documents plan the same month")
        for i, f in enumerate(fs):
            order[f] = i
        last_of_unit.add(fs[-1])

    # items
    items = {}
    for kind in ("tasks", "results"):
        for it in g[kind]:
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            want = ID_T if kind == "tasks" else ID_R
            if not want.match(it["id"]):
                err(f"{it['id']}: id form")
            items[it["id"]] = dict(it, kind=kind)
            if it["file"] not in docs:
                err(f"{it['id']}: unknown file {it['file']}")
                continue
            d = docs[it["file"]]
            if kind == "tasks" and it["period"] != d["planned_period"]:
                err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
            if kind == "results" and it["period"] not in d["reported_months"]:
                err(f"{it['id']}: period {it['period']} not a reported month of {it['file']}")
            if unicodedata.normalize("NFC", it["text"]) != it["text"]:
                err(f"{it['id']}: text not NFC")
            if "\n" in it["text"] or it["text"] != it["text"].strip() or not it["text"]:
                err(f"{it['id']}: text has a newline, outer spaces or is empty")
            if not it["text"].endswith("."):
                err(f"{it['id']}: text does not end with a full stop")
            for m in re.finditer(r"[.!?] (\S)", it["text"]):
                if m.group(1).isupper():
                    err(f"{it['id']}: text holds more than one sentence")

    # spans, uniqueness, overlaps, coverage, counts, periods by subheading
    for f, t in texts.items():
        sec = sections(f, t)
        if sec is None:
            continue
        d = docs[f]
        # section headings agree with the periods
        head1, head3 = sec["heads"]
        pm = re.search(r"THÁNG (\d\d?)/(\d{4})$", head3)
        if not pm or f"{pm.group(2)}-{int(pm.group(1)):02d}" != d["planned_period"]:
            err(f"{f}: tasks heading {head3!r} != planned {d['planned_period']}")
        rep = d["reported_months"]
        months_in_head = [int(x) for x in re.findall(r"THÁNG (\d\d?)", head1)]
        year = re.search(r"/(\d{4})", head1)
        got = sorted(f"{year.group(1)}-{m:02d}" for m in months_in_head) if year else []
        if got != rep:
            err(f"{f}: results heading {head1!r} gives {got}, reported_months {rep}")
        mine = [it for it in items.values() if it["file"] == f]
        spans = []
        for it in mine:
            n = t.count(it["text"])
            if n != 1:
                err(f"{it['id']}: text found {n} times in {f}")
                continue
            a = t.index(it["text"])
            spans.append((a, a + len(it["text"]), it))
        spans.sort(key=lambda s: s[0])
        for (a1, b1, i1), (a2, b2, i2) in zip(spans, spans[1:]):
            if a2 < b1:
                err(f"{f}: {i1['id']} and {i2['id']} overlap")
        for kind in ("results", "tasks"):
            lines = sec[kind]
            kspans = [s for s in spans if s[2]["kind"] == kind]
            for a, b, it in kspans:
                host = [ln for ln in lines if ln[0] <= a and b <= ln[1]]
                if not host:
                    err(f"{it['id']}: not inside a content line of the {kind} section")
                    continue
                mon = host[0][3]
                if kind == "results" and len(rep) > 1:
                    if mon is None or it["period"] != f"{it['period'][:4]}-{mon:02d}":
                        err(f"{it['id']}: period {it['period']} disagrees with its month subheading")
                if kind == "results" and len(rep) == 1 and mon is not None:
                    err(f"{f}: month subheading in a one-month document")
            for ls, le, ltxt, _ in lines:
                covered = [False] * (le - ls)
                for a, b, it in kspans:
                    for p in range(max(a, ls), min(b, le)):
                        covered[p - ls] = True
                for p, ch in enumerate(ltxt):
                    if not ch.isspace() and not covered[p]:
                        err(f"{f}: unlabelled text in {kind}: {ltxt[max(0, p - 20): p + 30]!r}")
                        break
            for a, b, it in spans:
                if it["kind"] != kind and any(ln[0] <= a < ln[1] for ln in lines):
                    err(f"{it['id']}: a {it['kind'][:-1]} inside the {kind} section")
        nt = sum(1 for it in mine if it["kind"] == "tasks")
        nr = sum(1 for it in mine if it["kind"] == "results")
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks (need 10-18)")
        if not (10 <= nr <= 18 or nr == 0):
            err(f"{f}: {nr} results (need 10-18 or 0)")

    # links
    def doc_of(i):
        return docs[items[i]["file"]]

    ft_pairs = set()
    answered = set()
    for l in g["follow_through"]:
        t, r, s = l["task"], l["result"], l["status"]
        if items.get(t, {}).get("kind") != "tasks" or items.get(r, {}).get("kind") != "results":
            err(f"follow_through {t}->{r}: unknown task or result")
            continue
        if (t, r) in ft_pairs:
            err(f"follow_through {t}->{r} twice")
        ft_pairs.add((t, r))
        answered.add(t)
        if s not in STATUSES:
            err(f"follow_through {t}->{r}: status {s!r}")
        if doc_of(t)["unit"] != doc_of(r)["unit"]:
            err(f"follow_through {t}->{r}: across units")
        # the result reports on the task's month or, in a document covering two months
        # (a skipped meeting), on a later month of the same document
        if items[r]["period"] < items[t]["period"]:
            err(f"follow_through {t}->{r}: result reports {items[r]['period']}, before the task's {items[t]['period']}")
        if order[items[r]["file"]] <= order[items[t]["file"]]:
            err(f"follow_through {t}->{r}: not forward in time")
        # the first later document of the unit that reports on the task's month
        fs = sorted(by_unit[doc_of(t)["unit"]], key=lambda f: order[f])
        first = next((f for f in fs if order[f] > order[items[t]["file"]]
                      and items[t]["period"] in docs[f]["reported_months"]), None)
        if items[r]["file"] != first:
            err(f"follow_through {t}->{r}: result not in the first document reporting {items[t]['period']}")
    co_pairs = set()
    carried = set()
    for l in g["carry_over"]:
        a, b, k = l["from"], l["to"], l["kind"]
        if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
            err(f"carry_over {a}->{b}: unknown task")
            continue
        if (a, b) in co_pairs:
            err(f"carry_over {a}->{b} twice")
        co_pairs.add((a, b))
        carried.add(a)
        if k not in KINDS:
            err(f"carry_over {a}->{b}: kind {k!r}")
        if doc_of(a)["unit"] != doc_of(b)["unit"]:
            err(f"carry_over {a}->{b}: across units")
        if items[b]["period"] <= items[a]["period"] or order[items[b]["file"]] <= order[items[a]["file"]]:
            err(f"carry_over {a}->{b}: not forward in time")

    # gaps
    want_gaps = {i for i, it in items.items() if it["kind"] == "tasks"
                 and it["file"] not in last_of_unit and i not in answered and i not in carried}
    gaps = g["gaps"]
    if len(set(gaps)) != len(gaps):
        err("gaps has duplicates")
    for x in gaps:
        if items.get(x, {}).get("kind") != "tasks":
            err(f"gap {x}: not a task")
        elif items[x]["file"] in last_of_unit:
            err(f"gap {x}: a task of its unit's last document")
    if set(gaps) != want_gaps:
        err(f"gaps differ from the unlinked tasks of non-last documents: "
            f"missing {sorted(want_gaps - set(gaps))}, extra {sorted(set(gaps) - want_gaps)}")

    # decoys
    linked = ft_pairs | co_pairs
    for p in g.get("cross_unit_decoys", []):
        a, b = p
        if a not in items or b not in items:
            err(f"decoy {p}: unknown id")
            continue
        if doc_of(a)["unit"] == doc_of(b)["unit"]:
            err(f"decoy {p}: same unit")
        if (a, b) in linked or (b, a) in linked:
            err(f"decoy {p}: linked")
    if len(by_unit) == 1 and g.get("cross_unit_decoys"):
        err("decoys given although there is one unit")
    return finish()


def finish():
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"{len(errors)} problem(s)")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
