#!/usr/bin/env python3
"""Check gold.json of the hand-ey series against its documents.  Prints OK or
the list of problems (exit status 1)."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4})-(\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
BULLET = re.compile(r"^([+*-]) (.*)$")
HEADING = re.compile(r"^\d+\. \S")
LEADIN = re.compile(r"^(Nhiệm vụ tháng tới|Thời gian tới|Nhiệm vụ thời gian tới|Phương hướng[^:]*):$")
UPPER_START = re.compile(r"^[A-ZÀ-ỸĐ“\"(0-9]")


def ym(s):
    y, m = s.split("-")
    return int(y), int(m)


def load():
    path = os.path.join(HERE, "gold.json")
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("gold.json has a BOM")
    return json.loads(raw.decode("utf-8"))


def check_form(g):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            err("form: key %s missing or not a %s" % (k, t.__name__))
    if "cross_unit_decoys" in g and not isinstance(g["cross_unit_decoys"], list):
        err("form: cross_unit_decoys not a list")
    extra = set(g) - set(need) - {"cross_unit_decoys"}
    if extra:
        err("form: unexpected keys %s" % sorted(extra))
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
            if not MONTH.match(str(it.get("period", ""))):
                err("form: bad period in %s" % it.get("id"))
            if not isinstance(it.get("text"), str) or not it["text"].strip():
                err("form: empty text in %s" % it.get("id"))
            if it.get("text", "") != it.get("text", "").strip():
                err("form: text of %s has outer whitespace" % it.get("id"))
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            err("form: follow_through keys %s" % sorted(l))
        if l.get("status") not in STATUSES:
            err("status %r not allowed (%s)" % (l.get("status"), l))
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            err("form: carry_over keys %s" % sorted(l))
        if l.get("kind") not in KINDS:
            err("kind %r not allowed (%s)" % (l.get("kind"), l))
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2):
            err("form: decoy pair %r" % (p,))


def body_lines(text, fname):
    """Lines between the first roman-numeral section and the
    'KHÓ KHĂN, VƯỚNG MẮC' section, with their start offsets."""
    lines, off = [], 0
    for ln in text.split("\n"):
        lines.append((off, ln))
        off += len(ln) + 1
    start = end = None
    for i, (o, ln) in enumerate(lines):
        if start is None and re.match(r"^I\. ", ln):
            start = i + 1
        if re.match(r"^II\. KHÓ KHĂN, VƯỚNG MẮC$", ln):
            end = i
    if start is None or end is None or end <= start:
        err("%s: cannot find the body (I. ... / II. KHÓ KHĂN, VƯỚNG MẮC)" % fname)
        return [], 0, 0
    if not any(re.match(r"^III\. ĐỀ XUẤT, KIẾN NGHỊ$", ln) for _, ln in lines):
        err("%s: no 'III. ĐỀ XUẤT, KIẾN NGHỊ' section" % fname)
    return lines[start:end], lines[start][0], lines[end][0]


def check_title_and_header(text, d):
    fname = d["file"]
    lines = text.split("\n")
    for need in ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "BÁO CÁO", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "(Đã ký)"):
        if need not in lines:
            err("%s: header/closing line %r missing" % (fname, need))
    if not any(re.match(r"^Số: \d+/BC-UBND$", ln) for ln in lines):
        err("%s: no 'Số: .../BC-UBND' line" % fname)
    date = None
    for ln in lines:
        m = re.match(r"^[^,]+, ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$", ln)
        if m:
            date = (int(m.group(3)), int(m.group(2)))
            break
    if date is None:
        err("%s: no place-and-date line" % fname)
    elif d["reported_months"] and date != ym(d["reported_months"][-1]):
        err("%s: dated %s, not in the last reported month %s" % (fname, date, d["reported_months"][-1]))
    try:
        title = lines[lines.index("BÁO CÁO") + 1]
    except (ValueError, IndexError):
        err("%s: no title" % fname)
        return
    if "nhiệm vụ trọng tâm" not in title:
        err("%s: title does not name the next month's tasks" % fname)
        return
    rep_part, plan_part = title.split("nhiệm vụ trọng tâm", 1)
    plan_years = re.findall(r"năm (\d{4})", plan_part)
    rep_years = re.findall(r"năm (\d{4})", rep_part) or plan_years
    rep = {(int(rep_years[-1]), int(m)) for m in re.findall(r"tháng (\d{1,2})", rep_part)} if rep_years else set()
    plan = {(int(plan_years[-1]), int(m)) for m in re.findall(r"tháng (\d{1,2})", plan_part)} if plan_years else set()
    if rep != {ym(m) for m in d["reported_months"]}:
        err("%s: title reports %s, gold says %s" % (fname, sorted(rep), d["reported_months"]))
    if plan != {ym(d["planned_period"])}:
        err("%s: title plans %s, gold says %s" % (fname, sorted(plan), d["planned_period"]))


def check_documents(g):
    docs = g["documents"]
    by_file = {}
    listed = set()
    for d in docs:
        f = d["file"]
        if f in by_file:
            err("document %s listed twice" % f)
        m = FNAME.match(f)
        if not m:
            err("bad file name %s" % f)
            continue
        if "%s-%s" % (m.group(2), m.group(3)) != d["planned_period"]:
            err("%s: file month differs from planned_period %s" % (f, d["planned_period"]))
        for rm in d["reported_months"]:
            if ym(rm) >= ym(d["planned_period"]):
                err("%s: reported month %s not before planned %s" % (f, rm, d["planned_period"]))
        if d["reported_months"] != sorted(d["reported_months"]):
            err("%s: reported_months not sorted" % f)
        path = os.path.join(HERE, f)
        if not os.path.isfile(path):
            err("%s: file missing" % f)
            continue
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err("%s: BOM" % f)
        if b"\r" in raw:
            err("%s: CR line ends" % f)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            err("%s: not UTF-8" % f)
            continue
        if unicodedata.normalize("NFC", text) != text:
            err("%s: not NFC" % f)
        if "{{" in text or "}}" in text:
            err("%s: hand marks left in the text" % f)
        by_file[f] = (d, text)
        listed.add(f)
        check_title_and_header(text, d)
    on_disk = {n for n in os.listdir(HERE) if n.endswith(".txt")}
    if on_disk != listed:
        err("txt files on disk %s differ from documents %s" % (sorted(on_disk - listed), sorted(listed - on_disk)))
    # one unit's documents: planned periods strictly increasing, no month reported twice
    units = {}
    for d in docs:
        units.setdefault(d["unit"], []).append(d)
    for u, ds in units.items():
        ds.sort(key=lambda d: d["planned_period"])
        seen = set()
        for d in ds:
            for rm in d["reported_months"]:
                if rm in seen:
                    err("%s: month %s reported twice" % (u, rm))
                seen.add(rm)
    return by_file, units


def check_items(g, by_file):
    items = {}
    spans = {}
    for key, kind in (("tasks", "T"), ("results", "R")):
        for it in g[key]:
            iid = it["id"]
            if iid in items:
                err("duplicate id %s" % iid)
            items[iid] = (kind, it)
            if it["file"] not in by_file:
                err("%s: unknown file %s" % (iid, it["file"]))
                continue
            d, text = by_file[it["file"]]
            n = text.count(it["text"])
            if n != 1:
                err("%s: text found %d times in %s" % (iid, n, it["file"]))
                continue
            s = text.index(it["text"])
            spans.setdefault(it["file"], []).append((s, s + len(it["text"]), iid, kind))
            if kind == "T" and it["period"] != d["planned_period"]:
                err("%s: period %s != planned %s" % (iid, it["period"], d["planned_period"]))
            if kind == "R" and it["period"] not in d["reported_months"]:
                err("%s: period %s not among reported %s" % (iid, it["period"], d["reported_months"]))
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err("%s: items %s and %s overlap" % (f, a[2], b[2]))
    # counts
    for f, (d, text) in by_file.items():
        sp = spans.get(f, [])
        nt = sum(1 for x in sp if x[3] == "T")
        nr = sum(1 for x in sp if x[3] == "R")
        if not 10 <= nt <= 18:
            err("%s: %d tasks (need 10-18)" % (f, nt))
        if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
            err("%s: %d results (need 10-18)" % (f, nr))
    # coverage of the body: every bullet / sentence labelled, headings and lead-ins skipped
    for f, (d, text) in by_file.items():
        sp = spans.get(f, [])
        body, b0, b1 = body_lines(text, f)
        for s, e, iid, k in sp:
            if s < b0 or e > b1:
                err("%s: item %s outside the results/tasks body" % (f, iid))
        field_state = None
        for off, ln in body:
            if not ln.strip():
                continue
            if HEADING.match(ln):
                field_state = "results"
                continue
            if LEADIN.match(ln):
                field_state = "tasks"
                continue
            if ln.endswith(":"):
                err("%s: unknown lead-in line %r" % (f, ln))
                continue
            m = BULLET.match(ln)
            if m:
                marker, content = m.group(1), m.group(2)
                cs = off + 2
            else:
                marker, content, cs = None, ln, off
            ce = cs + len(content)
            inside = sorted(x for x in sp if x[0] >= cs and x[1] <= ce)
            crossing = [x for x in sp if x[0] < ce and x[1] > cs and not (x[0] >= cs and x[1] <= ce)]
            for x in crossing:
                err("%s: item %s crosses a line boundary" % (f, x[2]))
            if not inside:
                err("%s: unlabelled line %r" % (f, ln[:70]))
                continue
            # tiling: only whitespace between and around items
            pos = cs
            for s, e, iid, k in inside:
                if text[pos:s].strip():
                    err("%s: unlabelled text %r before %s" % (f, text[pos:s][:60], iid))
                pos = e
            if text[pos:ce].strip():
                err("%s: unlabelled text %r at end of line" % (f, text[pos:ce][:60]))
            kinds = [x[3] for x in inside]
            if marker == "+":
                if set(kinds) != {"R"} and not (kinds[0] == "R" and "T" in kinds):
                    err("%s: '+' bullet not starting with a result: %s" % (f, [x[2] for x in inside]))
                if field_state == "tasks":
                    err("%s: result bullet after the tasks lead-in (%s)" % (f, inside[0][2]))
            elif marker in ("*", "-"):
                if set(kinds) != {"T"}:
                    err("%s: '%s' bullet holds non-task items %s" % (f, marker, [x[2] for x in inside]))
                if field_state != "tasks":
                    err("%s: task bullet %s without a tasks lead-in" % (f, inside[0][2]))
            else:
                if field_state == "tasks":
                    err("%s: paragraph after a tasks lead-in" % f)
            # in a mixed paragraph/bullet: results first, then tasks
            if "T" in kinds and "R" in kinds:
                first_t = kinds.index("T")
                if "R" in kinds[first_t:]:
                    err("%s: result after a task in one paragraph (%s)" % (f, [x[2] for x in inside]))
            # several items on one line must be whole sentences
            if len(inside) > 1:
                for s, e, iid, k in inside:
                    if not text[s:e].endswith("."):
                        err("%s: item %s in a paragraph does not end a sentence" % (f, iid))
                    if not UPPER_START.match(text[s:e]):
                        err("%s: item %s in a paragraph does not start a sentence" % (f, iid))
            if len(inside) == 1 and marker and (inside[0][0], inside[0][1]) != (cs, ce):
                err("%s: bullet item %s is not the whole bullet" % (f, inside[0][2]))
    return items


def check_links(g, items, by_file, units):
    doc_of = {f: d for f, (d, _) in by_file.items()}
    order = {}
    for u, ds in units.items():
        for i, d in enumerate(ds):
            order[d["file"]] = (u, i)
    last = {u: ds[-1]["file"] for u, ds in units.items()}
    linked = set()
    ft_seen, co_seen = set(), set()
    for l in g["follow_through"]:
        t, r = l["task"], l["result"]
        if (t, r) in ft_seen:
            err("duplicate follow-through %s -> %s" % (t, r))
        ft_seen.add((t, r))
        if items.get(t, (None,))[0] != "T" or items.get(r, (None,))[0] != "R":
            err("follow-through %s -> %s: bad ids" % (t, r))
            continue
        ti, ri = items[t][1], items[r][1]
        (ut, it), (ur, ir) = order[ti["file"]], order[ri["file"]]
        if ut != ur:
            err("follow-through %s -> %s crosses units" % (t, r))
        if ir <= it:
            err("follow-through %s -> %s not forward in time" % (t, r))
        if ym(ri["period"]) < ym(ti["period"]):
            err("follow-through %s -> %s: result reports a month before the task's" % (t, r))
        # the result must sit in the first later document that reports on the task's month
        firsts = [d for d in units[ut][it + 1:] if ti["period"] in d["reported_months"]]
        if firsts and firsts[0]["file"] != ri["file"]:
            err("follow-through %s -> %s: not in the first document reporting %s" % (t, r, ti["period"]))
        linked.add(t)
    for l in g["carry_over"]:
        a, b = l["from"], l["to"]
        if (a, b) in co_seen:
            err("duplicate carry-over %s -> %s" % (a, b))
        co_seen.add((a, b))
        if items.get(a, (None,))[0] != "T" or items.get(b, (None,))[0] != "T":
            err("carry-over %s -> %s: bad ids" % (a, b))
            continue
        (ua, ia), (ub, ib) = order[items[a][1]["file"]], order[items[b][1]["file"]]
        if ua != ub:
            err("carry-over %s -> %s crosses units" % (a, b))
        if ib <= ia:
            err("carry-over %s -> %s not forward in time" % (a, b))
        linked.add(a)
    # split: a task split must have at least two 'split' targets
    splits = {}
    for l in g["carry_over"]:
        if l["kind"] == "split":
            splits.setdefault(l["from"], []).append(l["to"])
    for a, tos in splits.items():
        if len(tos) < 2:
            err("split %s has only one target" % a)
    expected = {iid for iid, (k, it) in items.items()
                if k == "T" and it["file"] != last[order[it["file"]][0]] and iid not in linked}
    gaps = g["gaps"]
    if len(set(gaps)) != len(gaps):
        err("duplicate ids in gaps")
    if set(gaps) != expected:
        err("gaps differ: listed but linked/last %s; unlinked but not listed %s"
            % (sorted(set(gaps) - expected), sorted(expected - set(gaps))))
    # decoys: never linked (cross-unit pairs from gold.json, intra-unit near-misses from _src)
    pairs = set(ft_seen) | set(co_seen)
    both = pairs | {(b, a) for a, b in pairs}
    for p in g.get("cross_unit_decoys", []):
        a, b = p
        if a not in items or b not in items:
            err("decoy %s: unknown id" % p)
            continue
        if order[items[a][1]["file"]][0] == order[items[b][1]["file"]][0]:
            err("cross-unit decoy %s within one unit" % p)
        if (a, b) in both:
            err("decoy %s is linked" % p)
    intra = os.path.join(HERE, "_src", "intra_unit_decoys.json")
    if os.path.exists(intra):
        for a, b in json.load(open(intra, encoding="utf-8")):
            if a not in items or b not in items:
                err("intra-unit decoy %s/%s: unknown id" % (a, b))
            elif (a, b) in both:
                err("intra-unit decoy %s/%s is linked" % (a, b))


def main():
    g = load()
    check_form(g)
    if ERR:
        print("\n".join(ERR))
        sys.exit(1)
    by_file, units = check_documents(g)
    items = check_items(g, by_file)
    check_links(g, items, by_file, units)
    if ERR:
        print("\n".join(ERR))
        print("%d problem(s)" % len(ERR))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
