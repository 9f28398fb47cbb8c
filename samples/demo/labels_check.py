"""Check the hand labels of the demo corpus against the notices (stdlib only).

Run from anywhere:  python samples/demo/labels_check.py   (exit 0 when clean)

What it checks, for ``labels.json`` beside this file:

* every notice is UTF-8, NFC, uses the classic tone placement ("hòa, ủy"), and,
  when the project's ``ingest.normalize`` can be imported, is left unchanged
  by ``normalize`` (so offsets in a parse are offsets in the file);
* every labelled substring occurs exactly once in its file and lies inside
  exactly one sentence (sentences: one per line, a line cut at ". " followed by
  a capital letter, as the item rule in ANNOTATION.md says); task substrings
  are 25-80 characters;
* every substring sits in the right section: tasks in the "Nhiệm vụ trọng tâm"
  / "Phương hướng" section, results in the results section, limitations in the
  "Hạn chế, tồn tại" section;
* completeness: every task sentence of every notice carries exactly one task
  label; in a notice that is not the last of its ward each task has one fate
  (follow-through and/or carry-over, or silent), in the last one it is pending;
* consistency: ward names match file names, ``period`` is the month the notice
  plans, links go forward in time and stay inside one ward, verdicts are
  ``done``/``partial``, a cited previous notice's number appears in the text.

It prints counts per kind and per ward (the figures in docs/demo-corpus.md).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels.json"

# "gia-dinh-phuong-an-lac-2025-10-nq.txt": ward slug, reviewed month, form.
FILE_NAME = re.compile(
    r"^gia-dinh-phuong-(?P<slug>[a-z-]+?)-(?P<year>\d{4})-(?P<month>\d{2})-(?P<form>nq|tb)(?:-du-thao)?\.txt$"
)
UNITS = {"an-lac": "phường An Lạc", "hoa-phong": "phường Hòa Phong"}


# Sentence boundary of ANNOTATION.md: ". " followed by a capital letter.
def _is_boundary(text: str, i: int) -> bool:
    return text[i] == "." and i + 2 < len(text) and text[i + 1] == " " and text[i + 2].isupper()


# Modern tone placement that normalize() would rewrite: word-final "oà, uỷ, oẻ" ...
MODERN_TONE = re.compile(r"(?<![qQ])[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ](?![^\W\d_])|(?<![qQ])[uU][ỳýỷỹỵỲÝỶỸỴ](?![^\W\d_])")

# Section starts in these notices (the two layouts of the seeds).
RESULTS_HEAD = re.compile(r"^(?:1\.\s+Kết quả|I\.\s+ĐÁNH GIÁ)")
LIMITS_HEAD = re.compile(r"(?:Hạn chế, tồn tại|tồn tại, hạn chế|hạn chế, tồn tại)")
TASKS_HEAD = re.compile(r"^(?:2\.\s+(?:Phương hướng|Nhiệm vụ)|II\.\s+NHIỆM VỤ)")
CLOSING = re.compile(r"^(?:Giao |Ban Thường vụ Đảng ủy, |Hội đồng nhân dân, )")
NUMBERING = re.compile(r"^(?:[\dIVX]+\.)+$|^\(\d+\)$")


class Doc:
    """One notice: its text, sentences with offsets, and section spans."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = path.name
        m = FILE_NAME.match(path.name)
        if not m:
            raise SystemExit(
                f"{path.name}: file name does not follow gia-dinh-phuong-<ward>-YYYY-MM-nq|tb[-du-thao].txt"
            )
        self.unit = UNITS[m["slug"]]
        y, mo = int(m["year"]), int(m["month"])
        self.reviewed = f"{y:04d}-{mo:02d}"
        y2, mo2 = (y + 1, 1) if mo == 12 else (y, mo + 1)
        self.planned = f"{y2:04d}-{mo2:02d}"
        self.text = path.read_text(encoding="utf-8")
        self.sentences = self._sentences()
        self.sections = self._sections()

    def _sentences(self) -> list[tuple[int, int]]:
        spans, pos = [], 0
        for line in self.text.split("\n"):
            start = pos
            for i in range(len(line)):
                if _is_boundary(line, i):
                    spans.append((start, pos + i + 1))
                    start = pos + i + 2
            spans.append((start, pos + len(line)))
            pos += len(line) + 1
        return [(s, e) for s, e in spans if self.text[s:e].strip()]

    def _sections(self) -> dict[str, tuple[int, int]]:
        lines, offs, pos = self.text.split("\n"), [], 0
        for line in lines:
            offs.append(pos)
            pos += len(line) + 1
        find = lambda rx, after=0: next(i for i in range(after, len(lines)) if rx.search(lines[i]))  # noqa: E731
        r = find(RESULTS_HEAD)
        lim = find(LIMITS_HEAD, r + 1)
        t = find(TASKS_HEAD, lim)
        c = next(i for i in range(t + 1, len(lines)) if CLOSING.match(lines[i]))
        return {"result": (offs[r], offs[lim]), "limitation": (offs[lim], offs[t]), "task": (offs[t], offs[c])}

    def task_sentences(self) -> list[tuple[int, int]]:
        """Sentences of the task section that are task items (not headings, lead-ins or bare numbers)."""
        lo, hi = self.sections["task"]
        out = []
        for s, e in self.sentences:
            if not (lo <= s < hi):
                continue
            body = self.text[s:e].strip().removeprefix("- ").strip()
            if NUMBERING.match(body) or body.endswith(":") or not body.endswith((".", "”.", ").")):
                continue
            out.append((s, e))
        return out


def main() -> int:
    errors: list[str] = []
    err = errors.append
    docs = {p.name: Doc(p) for p in sorted(HERE.glob("gia-dinh-*.txt"))}
    labels = json.loads(LABELS.read_text(encoding="utf-8"))

    # --- files ------------------------------------------------------------
    try:
        sys.path.insert(0, str(HERE.parent.parent))
        from ingest.normalize import normalize  # type: ignore[import-not-found]
    except ImportError:
        normalize = None
    for d in docs.values():
        if not unicodedata.is_normalized("NFC", d.text):
            err(f"{d.name}: not NFC")
        for m in MODERN_TONE.finditer(d.text):
            err(f"{d.name}: modern tone placement {m.group()!r} at {m.start()}")
        if normalize is not None and normalize(d.text) != d.text.strip():
            err(f"{d.name}: ingest.normalize changes the text (offsets would move)")
        # "... hạn. 04 hộ ...": no cut there, two intended sentences would become one item
        for s, e in d.sentences:
            if any(not m[1].isupper() for m in re.finditer(r"\. (\S)", d.text[s:e])):
                err(f"{d.name}: '. ' not followed by a capital inside a sentence: {d.text[s:e][:70]!r}")
    last = {}
    for d in docs.values():
        if d.unit not in last or d.reviewed > docs[last[d.unit]].reviewed:
            last[d.unit] = d.name

    # --- substrings -----------------------------------------------------------
    def locate(doc: str, sub: str, section: str, what: str, task: bool = False) -> tuple[int, int] | None:
        if doc not in docs:
            err(f"{what}: unknown document {doc}")
            return None
        d = docs[doc]
        if task and not 25 <= len(sub) <= 80:
            err(f"{doc}: task substring of {len(sub)} chars (25-80): {sub!r}")
        n = d.text.count(sub)
        if n != 1:
            err(f"{doc}: {what} substring occurs {n} times: {sub!r}")
            return None
        at = d.text.index(sub)
        hits = [(s, e) for s, e in d.sentences if s <= at and at + len(sub) <= e]
        if len(hits) != 1:
            err(f"{doc}: {what} substring not inside exactly one sentence: {sub!r}")
            return None
        lo, hi = d.sections[section]
        if not lo <= at < hi:
            err(f"{doc}: {what} substring not in the {section} section: {sub!r}")
        return hits[0]

    fates: dict[tuple[str, tuple[int, int]], Counter] = defaultdict(Counter)

    def check_unit(unit: str, *names: str) -> None:
        for n in names:
            if n in docs and docs[n].unit != unit:
                err(f"{n}: labelled unit {unit!r} but the file is of {docs[n].unit!r}")

    for x in labels["follow_through"]:
        check_unit(x["unit"], x["task_doc"], x["result_doc"])
        s = locate(x["task_doc"], x["task"], "task", "follow_through task", task=True)
        locate(x["result_doc"], x["result"], "result", "follow_through result")
        if x["verdict"] not in ("done", "partial"):
            err(f"bad verdict {x['verdict']!r}")
        if x["task_doc"] in docs and x["result_doc"] in docs:
            td, rd = docs[x["task_doc"]], docs[x["result_doc"]]
            if x["period"] != td.planned:
                err(f"{td.name}: period {x['period']} but the notice plans {td.planned}")
            if rd.reviewed < td.planned:
                err(f"{rd.name} reviews {rd.reviewed}, before the task's month {td.planned}")
        if s:
            fates[(x["task_doc"], s)]["follow_through"] += 1
    for x in labels["carry_over"]:
        check_unit(x["unit"], x["from_doc"], x["to_doc"])
        s = locate(x["from_doc"], x["from_task"], "task", "carry_over from_task", task=True)
        locate(x["to_doc"], x["to_task"], "task", "carry_over to_task", task=True)
        if x["from_doc"] in docs and x["to_doc"] in docs and docs[x["to_doc"]].planned <= docs[x["from_doc"]].planned:
            err(f"carry_over goes backwards: {x['from_doc']} -> {x['to_doc']}")
        if s:
            fates[(x["from_doc"], s)]["carry_over"] += 1
    for kind in ("silent", "pending"):
        for x in labels[kind]:
            check_unit(x["unit"], x["doc"])
            s = locate(x["doc"], x["task"], "task", kind, task=True)
            if x["doc"] in docs and x["period"] != docs[x["doc"]].planned:
                err(f"{x['doc']}: {kind} period {x['period']} but the notice plans {docs[x['doc']].planned}")
            if s:
                fates[(x["doc"], s)][kind] += 1
    for x in labels["recurring_limitations"]:
        check_unit(x["unit"], x["from_doc"], x["to_doc"])
        locate(x["from_doc"], x["limitation"], "limitation", "limitation")
        locate(x["to_doc"], x["next_limitation"], "limitation", "next_limitation")
        if x["from_doc"] in docs and x["to_doc"] in docs and docs[x["to_doc"]].reviewed <= docs[x["from_doc"]].reviewed:
            err(f"recurring limitation goes backwards: {x['from_doc']} -> {x['to_doc']}")
    for x in labels["cites_previous"]:
        d, p = docs.get(x["doc"]), docs.get(x["previous_doc"])
        if not d or not p:
            err(f"cites_previous: unknown document in {x}")
            continue
        number = re.search(r"^Số (\d+-[A-Z]+/ĐU)$", p.text, re.M)
        if d.unit != p.unit or p.reviewed >= d.reviewed or not number or f"số {number[1]}" not in d.text:
            err(f"cites_previous: {d.name} does not cite {p.name}")

    # --- completeness: one fate per task sentence ------------------------------
    for d in docs.values():
        final = last[d.unit] == d.name
        for s in d.task_sentences():
            f = fates.get((d.name, s))
            sentence = d.text[s[0] : s[1]][:70]
            if not f:
                err(f"{d.name}: unlabelled task: {sentence!r}")
            elif final and set(f) != {"pending"}:
                err(f"{d.name}: task of the last notice must be pending only: {sentence!r}")
            elif not final and ("pending" in f or ("silent" in f and len(f) > 1) or f["silent"] > 1):
                err(f"{d.name}: conflicting fates {dict(f)}: {sentence!r}")
        labelled = {s for (n, s) in fates if n == d.name}
        for s in labelled - set(d.task_sentences()):
            err(f"{d.name}: label on a sentence that is not a task item: {d.text[s[0] : s[1]][:70]!r}")

    # --- report ----------------------------------------------------------------
    for e in errors:
        print("ERROR", e)
    print(f"{len(docs)} notices, {sum(len(d.task_sentences()) for d in docs.values())} task sentences")
    for kind, rows in labels.items():
        per = Counter(r.get("unit") or docs[r["doc"]].unit for r in rows)
        print(f"{kind:22} {len(rows):4}  " + ", ".join(f"{u}: {n}" for u, n in sorted(per.items())))
    verdicts = Counter(r["verdict"] for r in labels["follow_through"])
    print("follow_through verdicts:", dict(sorted(verdicts.items())))
    tally: dict[str, Counter] = defaultdict(Counter)
    for (name, _), f in fates.items():
        key = "+".join(sorted(f))
        tally[docs[name].unit][key] += 1
    for unit, c in sorted(tally.items()):
        print(f"task fates, {unit}:", dict(sorted(c.items())))
    print("clean" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
