#!/usr/bin/env python3
"""Check gold.json of this series against its documents and the annotation rules.

Checks: the gold.json form; files present, UTF-8, NFC, named <slug>_<YYYY-MM>.txt;
every item text an exact, unique substring of its file, items not overlapping,
results inside a results section (before the limitations heading), tasks inside
the tasks section; 10-18 tasks and 10-18 results per document; periods agree with
the documents; follow-through and carry-over stay inside one unit and go forward
in time; statuses and kinds are allowed values; gaps are exactly the tasks with
neither link in a non-last document of their unit (last documents right-censored);
cross-unit decoys pair items of two different units and are never linked.
Prints OK when everything holds.
"""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def main():
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if key not in gold:
            err(f"missing key {key}")
    allowed_keys = {"documents", "tasks", "results", "follow_through", "carry_over",
                    "gaps", "cross_unit_decoys"}
    for k in gold:
        if k not in allowed_keys:
            err(f"unexpected key {k}")

    docs = {}
    texts = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document fields {sorted(d)}")
        f = d["file"]
        if not re.fullmatch(r"[a-z0-9-]+_\d{4}-\d{2}\.txt", f):
            err(f"bad file name {f}")
        if f[-11:-4] != d["planned_period"]:
            err(f"{f}: name month differs from planned_period {d['planned_period']}")
        path = os.path.join(HERE, f)
        if not os.path.exists(path):
            err(f"missing file {f}")
            continue
        raw = open(path, "rb").read()
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{f}: not UTF-8")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{f}: not NFC")
        if "{{" in t or "}}" in t or "\r" in t or "\ufeff" in t:
            err(f"{f}: stray marks/CR/BOM")
        for m in d["reported_months"] + [d["planned_period"]]:
            if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", m):
                err(f"{f}: bad month {m}")
        if max(d["reported_months"]) >= d["planned_period"]:
            err(f"{f}: reported months not before planned period")
        docs[f] = d
        texts[f] = t
    txt_on_disk = {x for x in os.listdir(HERE) if x.endswith(".txt")}
    if txt_on_disk != set(docs):
        err(f"txt files on disk {sorted(txt_on_disk ^ set(docs))} not matching documents")

    # unit order
    unit_docs = defaultdict(list)
    for f, d in docs.items():
        unit_docs[d["unit"]].append(f)
    for u in unit_docs:
        unit_docs[u].sort(key=lambda f: docs[f]["planned_period"])
        periods = [docs[f]["planned_period"] for f in unit_docs[u]]
        if len(set(periods)) != len(periods):
            err(f"{u}: two documents plan the same month")
        # consecutive months: each document reports on the previous one's planned month
        for a, b in zip(unit_docs[u], unit_docs[u][1:]):
            if docs[a]["planned_period"] not in docs[b]["reported_months"]:
                err(f"{u}: {b} does not report on {docs[a]['planned_period']}")
    last_doc = {u: fs[-1] for u, fs in unit_docs.items()}

    # items
    items = {}
    spans = defaultdict(list)
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{it.get('id')}: fields {sorted(it)}")
            iid = it["id"]
            if iid in items:
                err(f"duplicate id {iid}")
            items[iid] = dict(it, kind=kind)
            f = it["file"]
            if f not in docs:
                err(f"{iid}: unknown file {f}")
                continue
            t = texts[f]
            x = it["text"]
            if unicodedata.normalize("NFC", x) != x:
                err(f"{iid}: text not NFC")
            if x != x.strip() or not x:
                err(f"{iid}: text empty or padded")
            n = t.count(x)
            if n != 1:
                err(f"{iid}: text found {n} times in {f}")
                continue
            pos = t.index(x)
            spans[f].append((pos, pos + len(x), iid))
            d = docs[f]
            if kind == "tasks":
                if it["period"] != d["planned_period"]:
                    err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
            else:
                if it["period"] not in d["reported_months"]:
                    err(f"{iid}: period {it['period']} not reported by {f}")

    # sections and overlap
    for f, t in texts.items():
        m_lim = re.search(r"^2\. Hạn chế", t, re.M)
        m_tasks = re.search(r"^II\. NHIỆM VỤ TRỌNG TÂM", t, re.M)
        m_res = re.search(r"^I\. KẾT QUẢ", t, re.M)
        if not (m_lim and m_tasks and m_res):
            err(f"{f}: section headings not found")
            continue
        for a, b, iid in spans[f]:
            if items[iid]["kind"] == "results" and not (m_res.end() < a and b < m_lim.start()):
                err(f"{iid}: outside the results section")
            if items[iid]["kind"] == "tasks" and not a > m_tasks.end():
                err(f"{iid}: outside the tasks section")
        s = sorted(spans[f])
        for (a1, b1, i1), (a2, b2, i2) in zip(s, s[1:]):
            if a2 < b1:
                err(f"{i1} and {i2} overlap")
        nt = sum(1 for *_, i in s if items[i]["kind"] == "tasks")
        nr = sum(1 for *_, i in s if items[i]["kind"] == "results")
        if not (10 <= nt <= 18):
            err(f"{f}: {nt} tasks")
        if not (10 <= nr <= 18):
            err(f"{f}: {nr} results")
        # every bullet / paragraph of the two sections is labelled (no unlabelled item)
        res_start = t.index("\n", m_res.end()) + 1
        task_start = t.index("\n", m_tasks.end()) + 1
        res_block = t[res_start:m_lim.start()]
        task_block = t[task_start:]
        end_tasks = task_block.find("\nGiao các đồng chí")
        if end_tasks < 0:
            end_tasks = task_block.find("\nBan Thường vụ Đảng ủy yêu cầu")
        if end_tasks < 0:
            err(f"{f}: closing assignment not found")
        task_block = task_block[:end_tasks]
        base_res = res_start
        base_task = task_start
        for block, base, kind in ((res_block, base_res, "results"), (task_block, base_task, "tasks")):
            off = 0
            for line in block.split("\n"):
                ls = line.strip()
                start = base + off + (len(line) - len(line.lstrip()))
                off += len(line) + 1
                if not ls or re.fullmatch(r"(\d+\.|[IVX]+\.)\s.*", ls) and len(ls) < 80 and not ls.endswith(")."):
                    continue  # blank or heading
                if ls.startswith("Trong tháng,"):
                    continue  # lead-in sentence
                covered = any(a <= start + 6 and b >= start + len(ls) - 3 for a, b, _ in spans[f])
                if not covered:
                    err(f"{f}: unlabelled {kind} line: {ls[:70]}")

    def unit(iid):
        return docs[items[iid]["file"]]["unit"]

    def doc_index(iid):
        f = items[iid]["file"]
        return unit_docs[unit(iid)].index(f)

    # follow-through
    ft_tasks = set()
    seen = set()
    for l in gold["follow_through"]:
        t, r, s = l["task"], l["result"], l["status"]
        if (t, r) in seen:
            err(f"duplicate follow-through {t}->{r}")
        seen.add((t, r))
        if t not in items or items[t]["kind"] != "tasks":
            err(f"follow-through: {t} is not a task"); continue
        if r not in items or items[r]["kind"] != "results":
            err(f"follow-through: {r} is not a result"); continue
        if s not in ("done", "partial"):
            err(f"follow-through {t}->{r}: status {s}")
        if unit(t) != unit(r):
            err(f"follow-through {t}->{r} crosses units")
        if doc_index(r) <= doc_index(t):
            err(f"follow-through {t}->{r} not forward")
        if items[r]["period"] < items[t]["period"]:
            err(f"follow-through {t}->{r}: result month before task month")
        ft_tasks.add(t)

    # carry-over
    co_from = set()
    seen = set()
    kinds = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
    for l in gold["carry_over"]:
        a, b, k = l["from"], l["to"], l["kind"]
        if (a, b) in seen:
            err(f"duplicate carry-over {a}->{b}")
        seen.add((a, b))
        for x in (a, b):
            if x not in items or items[x]["kind"] != "tasks":
                err(f"carry-over: {x} is not a task")
        if a not in items or b not in items:
            continue
        if k not in kinds:
            err(f"carry-over {a}->{b}: kind {k}")
        if unit(a) != unit(b):
            err(f"carry-over {a}->{b} crosses units")
        if items[b]["period"] <= items[a]["period"]:
            err(f"carry-over {a}->{b} not forward")
        co_from.add(a)
    # split: a task split is carried to at least two tasks
    split_from = defaultdict(int)
    for l in gold["carry_over"]:
        if l["kind"] == "split":
            split_from[l["from"]] += 1
    for a, n in split_from.items():
        if n < 2:
            err(f"split from {a} has only {n} target")

    # gaps
    gaps = gold["gaps"]
    if len(set(gaps)) != len(gaps):
        err("duplicate gaps")
    expected = set()
    for iid, it in items.items():
        if it["kind"] != "tasks":
            continue
        if it["file"] == last_doc[unit(iid)]:
            continue
        if iid not in ft_tasks and iid not in co_from:
            expected.add(iid)
    for g in gaps:
        if g not in items or items[g]["kind"] != "tasks":
            err(f"gap {g} is not a task"); continue
        if items[g]["file"] == last_doc[unit(g)]:
            err(f"gap {g} is in the last document (right-censored)")
        if g in ft_tasks or g in co_from:
            err(f"gap {g} has a link")
    if set(gaps) != expected:
        err(f"gaps differ from unlinked tasks: missing {sorted(expected - set(gaps))}, extra {sorted(set(gaps) - expected)}")

    # decoys
    linked = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
             {(l["from"], l["to"]) for l in gold["carry_over"]}
    dseen = set()
    for pair in gold.get("cross_unit_decoys", []):
        if len(pair) != 2:
            err(f"decoy {pair} not a pair"); continue
        a, b = pair
        if a not in items or b not in items:
            err(f"decoy {pair}: unknown id"); continue
        if unit(a) == unit(b):
            err(f"decoy {pair}: same unit")
        if items[a]["kind"] == "results" and items[b]["kind"] == "results":
            err(f"decoy {pair}: two results cannot be linked anyway")
        if (a, b) in linked or (b, a) in linked:
            err(f"decoy {pair} is linked")
        key = frozenset(pair)
        if key in dseen:
            err(f"duplicate decoy {pair}")
        dseen.add(key)

    if errors:
        for e in errors:
            print("ERROR:", e)
        sys.exit(1)
    nt = sum(1 for i in items.values() if i["kind"] == "tasks")
    nr = len(items) - nt
    print(f"{len(docs)} documents, {nt} tasks, {nr} results, "
          f"{len(gold['follow_through'])} follow-through, {len(gold['carry_over'])} carry-over, "
          f"{len(gaps)} gaps, {len(gold.get('cross_unit_decoys', []))} decoys")
    print("OK")


if __name__ == "__main__":
    main()
