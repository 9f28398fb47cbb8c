#!/usr/bin/env python3
"""Check gold.json and the documents beside it. Prints OK when every check passes.

Reads only this folder (gold.json and the *.txt documents); it does not use _src/.
"""
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ERR = []


def err(msg):
    ERR.append(msg)


MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
ROMAN = re.compile(r"^\s*([IVX]+)\.\s+(.*\S)\s*$")
SUBHEAD = re.compile(r"^\s*\d+\.\s+[^.;:!?]*$")
BULLET = re.compile(r"^(\s*(?:-|\+|•|\d+\.|[a-zđ]\))\s+)")
CLOSING = re.compile(r"^\s*(Giao |Nơi nhận)")
SUBMONTH = re.compile(r"Tháng\s+(\d{1,2})/(\d{4})", re.I)
HEAD_MONTHS = re.compile(r"THÁNG\s+(\d{1,2})(?:/(\d{4}))?", re.I)


def ym(m, y):
    return f"{int(y):04d}-{int(m):02d}"


# ---------------------------------------------------------------- form
def check_form(g):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            err(f"form: '{k}' missing or not a {t.__name__}")
    if "cross_unit_decoys" in g and not isinstance(g["cross_unit_decoys"], list):
        err("form: cross_unit_decoys not a list")
    extra = set(g) - set(need) - {"cross_unit_decoys"}
    if extra:
        err(f"form: unknown keys {sorted(extra)}")
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"form: document keys {sorted(d)}")
            continue
        if not isinstance(d["reported_months"], list) or not all(
                isinstance(m, str) and MONTH.match(m) for m in d["reported_months"]):
            err(f"form: bad reported_months in {d['file']}")
        if not MONTH.match(str(d["planned_period"])):
            err(f"form: bad planned_period in {d['file']}")
    for k in ("tasks", "results"):
        for it in g.get(k, []):
            if set(it) != {"id", "file", "period", "text"}:
                err(f"form: {k} item keys {sorted(it)}")
            elif not (isinstance(it["text"], str) and it["text"].strip()):
                err(f"form: empty text {it['id']}")
            elif not MONTH.match(str(it["period"])):
                err(f"form: bad period {it['id']}")
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            err(f"form: follow_through keys {sorted(l)}")
        elif l["status"] not in STATUSES:
            err(f"form: status {l['status']} not allowed ({l})")
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            err(f"form: carry_over keys {sorted(l)}")
        elif l["kind"] not in KINDS:
            err(f"form: kind {l['kind']} not allowed ({l})")
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)):
            err(f"form: decoy pair {p}")


# ---------------------------------------------------------------- files
def load_texts(g):
    texts = {}
    listed = set()
    for d in g["documents"]:
        f = d["file"]
        listed.add(f)
        m = FNAME.match(f)
        if not m:
            err(f"file name {f} not <slug>_<YYYY-MM>.txt")
        elif m.group(2) != d["planned_period"]:
            err(f"file name month {m.group(2)} != planned_period {d['planned_period']}")
        p = HERE / f
        if not p.is_file():
            err(f"missing file {f}")
            continue
        raw = p.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{f}: BOM")
        if b"\r" in raw:
            err(f"{f}: CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{f}: not UTF-8 ({e})")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{f}: not NFC")
        if not t.endswith("\n"):
            err(f"{f}: no final newline")
        texts[f] = t
    on_disk = {p.name for p in HERE.glob("*.txt")}
    if on_disk - listed:
        err(f"documents not listed in gold.json: {sorted(on_disk - listed)}")
    return texts


# ---------------------------------------------------------------- items
def locate_items(g, texts):
    """id -> (kind, file, start, end); checks exact unique substrings and overlaps."""
    where = {}
    per_file = defaultdict(list)
    for kind in ("tasks", "results"):
        for it in g[kind]:
            iid, f, t = it["id"], it["file"], it["text"]
            if iid in where:
                err(f"duplicate id {iid}")
                continue
            if f not in texts:
                err(f"{iid}: unknown file {f}")
                continue
            if unicodedata.normalize("NFC", t) != t:
                err(f"{iid}: text not NFC")
            n = texts[f].count(t)
            if n != 1:
                err(f"{iid}: text occurs {n} times in {f}: {t[:60]!r}")
                continue
            a = texts[f].index(t)
            if "\n" in t:
                err(f"{iid}: text spans lines")
            if t != t.strip():
                err(f"{iid}: text has outer spaces")
            where[iid] = (kind, f, a, a + len(t))
            per_file[f].append((a, a + len(t), iid))
    for f, spans in per_file.items():
        spans.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(spans, spans[1:]):
            if a2 < b1:
                err(f"{f}: items {i1} and {i2} overlap")
    return where


def sentence_bounds(s, base):
    """(start, end) absolute spans of the sentences of s (which starts at base)."""
    out, start, i, n = [], 0, 0, len(s)
    while i < n:
        if s[i] in ".!?…":
            j = i + 1
            while j < n and s[j] in "\"”')":
                j += 1
            k = j
            while k < n and s[k] == " ":
                k += 1
            if k > j and k < n and (s[k].isupper() or s[k].isdigit() or s[k] in "\"“("):
                out.append((start, j))
                start = k
                i = k
                continue
        i += 1
    if s[start:].strip():
        end = len(s.rstrip())
        out.append((start, end))
    return [(base + a, base + b) for a, b in out]


def check_sections(g, texts, where):
    docs = {d["file"]: d for d in g["documents"]}
    period_of = {it["id"]: it["period"] for k in ("tasks", "results") for it in g[k]}
    for f, t in texts.items():
        d = docs[f]
        lines, pos = [], 0
        for ln in t.split("\n"):
            lines.append((pos, ln))
            pos += len(ln) + 1
        # title and date
        title = re.search(r"thường kỳ tháng (\d{1,2}) năm (\d{4})", t)
        if not title or ym(*title.groups()) != d["planned_period"]:
            err(f"{f}: title month does not match planned_period {d['planned_period']}")
        date = re.search(r"ngày \d{1,2} tháng (\d{1,2}) năm (\d{4})", t)
        if not date:
            err(f"{f}: no place-date line")
        elif max(d["reported_months"], default="0000-00") >= ym(*date.groups()):
            err(f"{f}: dated before the end of a reported month")
        if not re.search(r"Số \d+-NQ/CB", t):
            err(f"{f}: no 'Số ...' line")
        for must in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Nơi nhận", "T/M CHI BỘ"):
            if must not in t:
                err(f"{f}: missing '{must}'")
        # sections
        section, sub_period = None, None
        in_section = {"tasks": set(), "results": set()}
        heads = {"results": None, "tasks": None}
        for start, ln in lines:
            m = ROMAN.match(ln)
            if m:
                head = m.group(2).upper()
                sub_period = None
                if "KẾT QUẢ" in head:
                    section = "results"
                elif "HẠN CHẾ" in head or "TỒN TẠI" in head:
                    section = "limits"
                elif "NHIỆM VỤ" in head or "PHƯƠNG HƯỚNG" in head:
                    section = "tasks"
                else:
                    section = None
                if section in heads:
                    heads[section] = head
                continue
            if CLOSING.match(ln):
                section = None
                continue
            if section not in ("results", "tasks") or not ln.strip():
                continue
            if SUBHEAD.match(ln):
                sm = SUBMONTH.search(ln)
                sub_period = ym(*sm.groups()) if sm else None
                continue
            if ln.rstrip().endswith(":"):
                continue  # lead-in
            bm = BULLET.match(ln)
            cstart = start + (bm.end() if bm else 0)
            content = t[cstart:start + len(ln)]
            sents = sentence_bounds(content, cstart)
            items = sorted((v[2], v[3], k) for k, v in where.items()
                           if v[1] == f and v[2] >= start and v[3] <= start + len(ln))
            kind = section
            covered = [False] * len(ln)
            for a, b, iid in items:
                if where[iid][0] != kind:
                    err(f"{f}: {iid} is a {where[iid][0][:-1]} but sits in the {kind} section")
                in_section[kind].add(iid)
                for x in range(a - start, b - start):
                    covered[x] = True
                if a not in {s for s, _ in sents} or b not in {e for _, e in sents}:
                    err(f"{f}: {iid} does not cover whole sentences")
                if kind == "results":
                    want = sub_period or (d["reported_months"][0]
                                          if len(d["reported_months"]) == 1 else None)
                    if want is None:
                        err(f"{f}: {iid} under no month sub-heading in a multi-month report")
                    elif period_of[iid] != want:
                        err(f"{f}: {iid} period {period_of[iid]} but sits under {want}")
            rest = "".join(c for x, c in enumerate(ln) if not covered[x] and x >= cstart - start)
            if rest.strip(" .;,"):
                err(f"{f}: unlabelled text in {kind} section: {rest.strip()[:70]!r}")
        # items outside their section
        for k, v in where.items():
            if v[1] == f and k not in in_section[v[0]]:
                err(f"{f}: {k} lies outside the {v[0]} section")
        # counts
        nt = sum(1 for v in where.values() if v[1] == f and v[0] == "tasks")
        nr = sum(1 for v in where.values() if v[1] == f and v[0] == "results")
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks (want 10-18)")
        if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
            err(f"{f}: {nr} results (want 10-18)")
        # headings agree with periods
        for sec, want in (("results", sorted(d["reported_months"])), ("tasks", [d["planned_period"]])):
            h = heads[sec]
            if h is None:
                if sec == "tasks" or want:
                    err(f"{f}: no {sec} heading")
                continue
            found = HEAD_MONTHS.findall(h)
            got, year = [], None
            for mm, yy in reversed(found):
                year = yy or year
                got.append((mm, year))
            got = sorted(ym(mm, yy) for mm, yy in got if yy)
            if got != want:
                err(f"{f}: {sec} heading months {got} != {want}")
    # item periods
    for it in g["tasks"]:
        if it["file"] in docs and it["period"] != docs[it["file"]]["planned_period"]:
            err(f"{it['id']}: period {it['period']} != planned_period")
    for it in g["results"]:
        if it["file"] in docs and it["period"] not in docs[it["file"]]["reported_months"]:
            err(f"{it['id']}: period {it['period']} not a reported month")
    for d in g["documents"]:
        if any(m >= d["planned_period"] for m in d["reported_months"]):
            err(f"{d['file']}: reports a month not before its planned period")


# ---------------------------------------------------------------- links
def check_links(g, where):
    docs = {d["file"]: d for d in g["documents"]}
    item = {it["id"]: it for k in ("tasks", "results") for it in g[k]}
    unit_of = lambda i: docs[item[i]["file"]]["unit"]
    plan_of = lambda i: docs[item[i]["file"]]["planned_period"]
    by_unit = defaultdict(list)
    for d in g["documents"]:
        by_unit[d["unit"]].append(d)
    for u in by_unit:
        by_unit[u].sort(key=lambda d: d["planned_period"])
        ps = [d["planned_period"] for d in by_unit[u]]
        if len(set(ps)) != len(ps):
            err(f"unit {u}: two documents plan the same month")
    linked = set()
    pairs = set()
    for l in g["follow_through"]:
        t, r = l.get("task"), l.get("result")
        if where.get(t, ("?",))[0] != "tasks" or where.get(r, ("?",))[0] != "results":
            err(f"follow_through {t}->{r}: not a task->result pair")
            continue
        if (t, r) in pairs:
            err(f"duplicate follow_through {t}->{r}")
        pairs.add((t, r))
        if unit_of(t) != unit_of(r):
            err(f"follow_through {t}->{r} crosses units")
        if plan_of(r) <= plan_of(t):
            err(f"follow_through {t}->{r} not forward in time")
        if item[r]["period"] < item[t]["period"]:
            err(f"follow_through {t}->{r}: result reports a month before the task's")
        first = next((d["file"] for d in by_unit[unit_of(t)]
                      if d["planned_period"] > plan_of(t)
                      and any(m >= item[t]["period"] for m in d["reported_months"])), None)
        if item[r]["file"] != first:
            err(f"follow_through {t}->{r}: not in the first document reporting on {item[t]['period']}")
        linked.add(t)
    cpairs = set()
    for l in g["carry_over"]:
        a, b = l.get("from"), l.get("to")
        if where.get(a, ("?",))[0] != "tasks" or where.get(b, ("?",))[0] != "tasks":
            err(f"carry_over {a}->{b}: not task->task")
            continue
        if (a, b) in cpairs:
            err(f"duplicate carry_over {a}->{b}")
        cpairs.add((a, b))
        if unit_of(a) != unit_of(b):
            err(f"carry_over {a}->{b} crosses units")
        if plan_of(b) <= plan_of(a):
            err(f"carry_over {a}->{b} not forward in time")
        linked.add(a)
    # gaps
    last = {u: ds[-1]["file"] for u, ds in by_unit.items()}
    expect = {it["id"] for it in g["tasks"]
              if it["id"] not in linked and it["file"] != last[docs[it["file"]]["unit"]]}
    gaps = set(g["gaps"])
    if len(gaps) != len(g["gaps"]):
        err("duplicate ids in gaps")
    for x in sorted(gaps - expect):
        err(f"gap {x} is linked, unknown, or in a unit's last document")
    for x in sorted(expect - gaps):
        err(f"task {x} has no link but is not listed as a gap")
    # decoys
    for p in g.get("cross_unit_decoys", []):
        a, b = p
        if a not in item or b not in item:
            err(f"decoy {p}: unknown id")
            continue
        if unit_of(a) == unit_of(b):
            err(f"decoy {p}: same unit")
        if {(a, b), (b, a)} & (pairs | cpairs):
            err(f"decoy {p} is linked")
    if len(by_unit) > 1 and not g.get("cross_unit_decoys"):
        err("two units but no cross_unit_decoys")
    return len(by_unit)


def main():
    try:
        g = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        print(f"gold.json unreadable: {e}")
        return 1
    check_form(g)
    if ERR:
        print("\n".join(ERR))
        return 1
    texts = load_texts(g)
    where = locate_items(g, texts)
    check_sections(g, texts, where)
    check_links(g, where)
    if ERR:
        print("\n".join(ERR))
        print(f"{len(ERR)} problem(s)")
        return 1
    st = defaultdict(int)
    for l in g["follow_through"]:
        st[l["status"]] += 1
    kd = defaultdict(int)
    for l in g["carry_over"]:
        kd[l["kind"]] += 1
    print(f"documents {len(g['documents'])}, tasks {len(g['tasks'])}, results {len(g['results'])}, "
          f"follow_through {len(g['follow_through'])} {dict(sorted(st.items()))}, "
          f"carry_over {len(g['carry_over'])} {dict(sorted(kd.items()))}, "
          f"gaps {len(g['gaps'])}, decoys {len(g.get('cross_unit_decoys', []))}")
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
