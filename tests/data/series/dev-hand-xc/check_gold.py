#!/usr/bin/env python3
"""Check gold.json of the hand-xc series against its documents.

    python3 check_gold.py            # run from anywhere; checks the folder of this file

Checks: the form of gold.json; file names; UTF-8 (no BOM), NFC and \\n line ends;
every item text an exact, unique substring of its file and no two items overlapping;
every bullet / sentence of the results and tasks sections labelled (headings and
lead-ins skipped); task and result counts per document; periods agree with the
documents; links within one unit and forward in time; allowed statuses and kinds;
gaps exactly the unlinked tasks of non-last documents; decoys across units, near-
identical and never linked.  Prints OK when everything passes.
"""
import json
import os
import re
import sys
import unicodedata

DIR = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}

# Section markers of each office's layout (by slug).
LAYOUTS = {
    # Đảng ủy xã Tân Lộc: Thông báo kết luận, "PHẦN MỘT / HAI / BA", "+" and "(n)" bullets
    "xa-tan-loc": {
        "results": (r"^PHẦN MỘT\b", r"^PHẦN HAI\b"),
        "tasks": (r"^PHẦN BA\b", r"^Thường trực Đảng ủy đề nghị"),
    },
    # Đảng ủy phường Bến Giang: Nghị quyết, prose results, "n.m." task lines
    "phuong-ben-giang": {
        "results": (r"^I\. NHÌN LẠI\b", r"^Điểm nghẽn:"),
        "tasks": (r"^II\. BAN THƯỜNG VỤ QUYẾT NGHỊ\b", r"^III\. TỔ CHỨC THỰC HIỆN"),
    },
}

BULLET = re.compile(r"^(?:\+\s+|-\s+|\(\d+\)\s+|\d+\.\d+\.\s+|[a-zđ]\)\s+)")
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=\S)")


def month_add(m, k):
    y, mo = int(m[:4]), int(m[5:7])
    t = y * 12 + (mo - 1) + k
    return "%04d-%02d" % (t // 12, t % 12 + 1)


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return set(re.findall(r"\w+", s))


def section_lines(text, start_re, end_re):
    lines = text.split("\n")
    out, inside, found_start, found_end = [], False, False, False
    for ln in lines:
        s = ln.strip()
        if not inside and re.search(start_re, s):
            inside, found_start = True, True
            continue
        if inside and re.search(end_re, s):
            found_end = True
            break
        if inside:
            out.append(s)
    return out, found_start and found_end


def main():
    path = os.path.join(DIR, "gold.json")
    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa
        print("cannot read gold.json: %s" % e)
        sys.exit(1)

    # ---- form
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if key not in gold or not isinstance(gold[key], list):
            err("gold.json: missing list %r" % key)
    if errors:
        report()
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("document keys %s" % sorted(d))
        if not isinstance(d.get("reported_months"), list):
            err("%s: reported_months not a list" % d.get("file"))
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err("%s item keys %s" % (kind, sorted(it)))
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err("follow_through keys %s" % sorted(l))
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err("carry_over keys %s" % sorted(l))
    for p in gold.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2):
            err("decoy not a pair: %r" % (p,))
    if errors:
        report()

    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        err("duplicate document file")

    # ---- file names, encoding, periods of documents
    texts = {}
    on_disk = sorted(f for f in os.listdir(DIR) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err("documents in gold %s != .txt files on disk %s" % (sorted(docs), on_disk))
    slug_unit = {}
    for f, d in docs.items():
        m = FNAME.match(f)
        if not m:
            err("%s: bad file name" % f)
            continue
        slug, ym = m.group(1), "%s-%s" % (m.group(2), m.group(3))
        if ym != d["planned_period"]:
            err("%s: name month %s != planned_period %s" % (f, ym, d["planned_period"]))
        if slug_unit.setdefault(slug, d["unit"]) != d["unit"]:
            err("%s: slug %s used for two units" % (f, slug))
        raw = open(os.path.join(DIR, f), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err("%s: BOM" % f)
        if b"\r" in raw:
            err("%s: CR line ends" % f)
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err("%s: not UTF-8 (%s)" % (f, e))
            continue
        if unicodedata.normalize("NFC", t) != t:
            err("%s: not NFC" % f)
        texts[f] = t
        for rm in d["reported_months"]:
            if not re.match(r"^\d{4}-\d{2}$", rm) or rm >= d["planned_period"]:
                err("%s: reported month %s not before planned %s" % (f, rm, d["planned_period"]))

    units = {}
    for d in gold["documents"]:
        units.setdefault(d["unit"], []).append(d)
    for u in units:
        units[u].sort(key=lambda d: d["planned_period"])
        prev = None
        for d in units[u]:
            if prev is None:
                want = [month_add(d["planned_period"], -1)]
            else:
                want, m = [], prev["planned_period"]
                while m < d["planned_period"]:
                    want.append(m)
                    m = month_add(m, 1)
            if d["reported_months"] != want:
                err("%s: reported_months %s, expected %s" % (d["file"], d["reported_months"], want))
            prev = d
    if len(units) != 2:
        err("expected two units, found %d" % len(units))

    # ---- items: ids, substrings, overlaps, periods
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if it["id"] in items:
                err("duplicate id %s" % it["id"])
            items[it["id"]] = dict(it, kind=kind)
    spans = {}
    for iid, it in items.items():
        f = it["file"]
        if f not in texts:
            err("%s: unknown file %s" % (iid, f))
            continue
        t, s = texts[f], it["text"]
        if not s.strip() or s != s.strip():
            err("%s: empty text or outer spaces" % iid)
        n = t.count(s)
        if n != 1:
            err("%s: text occurs %d times in %s" % (iid, n, f))
            continue
        a = t.index(s)
        spans.setdefault(f, []).append((a, a + len(s), iid))
        d = docs[f]
        if it["kind"] == "tasks" and it["period"] != d["planned_period"]:
            err("%s: task period %s != planned %s" % (iid, it["period"], d["planned_period"]))
        if it["kind"] == "results" and it["period"] not in d["reported_months"]:
            err("%s: result period %s not in %s" % (iid, it["period"], d["reported_months"]))
    for f, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                err("%s: items %s and %s overlap" % (f, i1, i2))

    # ---- sections fully labelled; counts
    by_file = {}
    for iid, it in items.items():
        by_file.setdefault(it["file"], {"tasks": {}, "results": {}})[it["kind"]][it["text"]] = iid
    for f, t in texts.items():
        slug = FNAME.match(f).group(1)
        lay = LAYOUTS.get(slug)
        if not lay:
            err("%s: no layout known for slug %s" % (f, slug))
            continue
        labelled = by_file.get(f, {"tasks": {}, "results": {}})
        for kind in ("results", "tasks"):
            lines, ok = section_lines(t, *lay[kind])
            if not ok:
                if labelled[kind]:
                    err("%s: %s section not found" % (f, kind))
                continue
            seen = set()
            cur_month = None
            for s in lines:
                if not s:
                    continue
                mh = re.match(r"^Kết quả tháng (\d{1,2})/(\d{4})", s)
                if mh:
                    cur_month = "%s-%02d" % (mh.group(2), int(mh.group(1)))
                if s[-1] not in ".;!?":
                    continue  # heading
                if s.endswith(":"):
                    continue  # lead-in
                body = BULLET.sub("", s, count=1)
                for sent in SENT_SPLIT.split(body):
                    core = re.sub(r"[.;!?]+$", "", sent.strip())
                    if not core:
                        continue
                    iid = labelled[kind].get(core)
                    if iid is None:
                        err("%s: unlabelled %s sentence: %r" % (f, kind[:-1], core[:90]))
                        continue
                    seen.add(iid)
                    if cur_month and kind == "results" and items[iid]["period"] != cur_month:
                        err("%s: %s period %s but under heading of %s" % (f, iid, items[iid]["period"], cur_month))
            missing = set(labelled[kind].values()) - seen
            for iid in sorted(missing):
                err("%s: %s not found as a whole %s line/sentence of its section" % (f, iid, kind[:-1]))
        nt, nr = len(labelled["tasks"]), len(labelled["results"])
        if not 10 <= nt <= 18:
            err("%s: %d tasks (want 10-18)" % (f, nt))
        if not (10 <= nr <= 18 or (nr == 0 and not docs[f]["reported_months"])):
            err("%s: %d results (want 10-18)" % (f, nr))

    # ---- links
    unit_of = {iid: docs[it["file"]]["unit"] for iid, it in items.items() if it["file"] in docs}
    plan_of = {iid: docs[it["file"]]["planned_period"] for iid, it in items.items() if it["file"] in docs}
    linked = set()
    pairs = set()

    def first_doc_reporting(unit, month, after):
        for d in units[unit]:
            if d["planned_period"] > after and month in d["reported_months"]:
                return d["file"]
        return None

    seen_links = set()
    for l in gold["follow_through"]:
        tk, rs, st = l["task"], l["result"], l["status"]
        if (tk, rs) in seen_links:
            err("duplicate follow-through %s -> %s" % (tk, rs))
        seen_links.add((tk, rs))
        if items.get(tk, {}).get("kind") != "tasks" or items.get(rs, {}).get("kind") != "results":
            err("follow-through %s -> %s: not task -> result" % (tk, rs))
            continue
        if st not in STATUSES:
            err("follow-through %s -> %s: status %r" % (tk, rs, st))
        if unit_of[tk] != unit_of[rs]:
            err("follow-through %s -> %s crosses units" % (tk, rs))
            continue
        if not plan_of[rs] > plan_of[tk] or items[rs]["period"] < items[tk]["period"]:
            err("follow-through %s -> %s not forward in time" % (tk, rs))
        want = first_doc_reporting(unit_of[tk], items[tk]["period"], plan_of[tk])
        if items[rs]["file"] != want:
            err("follow-through %s -> %s: result not in the first document reporting %s (%s)" % (
                tk, rs, items[tk]["period"], want))
        linked.add(tk)
        pairs.add(frozenset((tk, rs)))
    seen_links = set()
    for l in gold["carry_over"]:
        a, b, k = l["from"], l["to"], l["kind"]
        if (a, b) in seen_links:
            err("duplicate carry-over %s -> %s" % (a, b))
        seen_links.add((a, b))
        if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
            err("carry-over %s -> %s: not task -> task" % (a, b))
            continue
        if k not in KINDS:
            err("carry-over %s -> %s: kind %r" % (a, b, k))
        if unit_of[a] != unit_of[b]:
            err("carry-over %s -> %s crosses units" % (a, b))
            continue
        if not plan_of[b] > plan_of[a]:
            err("carry-over %s -> %s not forward in time" % (a, b))
        linked.add(a)
        pairs.add(frozenset((a, b)))
    splits = {}
    for l in gold["carry_over"]:
        if l["kind"] == "split":
            splits.setdefault(l["from"], []).append(l["to"])
    for a, tos in splits.items():
        if len(tos) < 2:
            err("split %s has only one target" % a)

    # ---- gaps
    last_doc = {u: ds[-1]["file"] for u, ds in units.items()}
    want_gaps = sorted(iid for iid, it in items.items()
                       if it["kind"] == "tasks" and it["file"] != last_doc[unit_of[iid]] and iid not in linked)
    got_gaps = sorted(gold["gaps"])
    if len(set(got_gaps)) != len(got_gaps):
        err("duplicate gap ids")
    if want_gaps != got_gaps:
        err("gaps differ: missing %s, extra %s" % (sorted(set(want_gaps) - set(got_gaps)),
                                                  sorted(set(got_gaps) - set(want_gaps))))

    # ---- decoys
    decoys = gold.get("cross_unit_decoys", [])
    if len(decoys) < 12:
        err("only %d cross-unit decoys (want >= 12)" % len(decoys))
    for a, b in decoys:
        if a not in items or b not in items:
            err("decoy %s / %s: unknown id" % (a, b))
            continue
        if unit_of[a] == unit_of[b]:
            err("decoy %s / %s: same unit" % (a, b))
        if frozenset((a, b)) in pairs:
            err("decoy %s / %s is linked" % (a, b))
        wa, wb = fold(items[a]["text"]), fold(items[b]["text"])
        ov = len(wa & wb) / max(1, min(len(wa), len(wb)))
        if ov < 0.6:
            err("decoy %s / %s: not near-identical (overlap %.2f)" % (a, b, ov))

    report()


def report():
    if errors:
        for e in errors:
            print("ERROR:", e)
        print("%d error(s)" % len(errors))
        sys.exit(1)
    print("OK")
    sys.exit(0)


if __name__ == "__main__":
    main()
