"""Month to month: follow-through, carry-over, recurring limitations, silence.

For each unit, its documents are ordered by period. Each document has the set
of months it reports on (one; two after a skipped meeting; three for a
quarter) and the months it plans (see :mod:`ingest.periods`). A task planned
for month M is

* answered by results of **the first later document whose reported months
  include M**, however many documents later (``FOLLOWED_BY``, verdict
  ``done`` or ``partial``);
* carried over to the same task planned again for a later month
  (``CARRIED_OVER``);

and otherwise is ``silent`` (a later document reports on M and says nothing)
or ``pending`` (no later document reports on M yet). A limitation that comes
back later is linked to its return (``RECURS``); a document that cites the
previous one ("kết quả thực hiện Nghị quyết số 18-NQ/ĐU") is linked to it
(``FOLLOWS_UP``). Nothing links across units.

**Matching is an alignment of one plan against the report that answers it**,
not a threshold per pair: every (task, result) pair gets a score, and pairs
are taken best first, each task and each result once (a greedy maximum-weight
matching, which on these small bipartite graphs equals the optimal assignment
in all but contrived cases and needs no solver). A second result for a task,
or a second task for a result, is kept only when it scores as high as a first
link would need on its own. Tasks left unanswered by their report may be
answered one report later (results often come late), at a higher bar.
Carry-over is the same alignment between one plan's tasks and the next
plan's.

The score is a weighted overlap of what survives a paraphrase: syllables and
syllable pairs folded (no accents), the genre's stop phrases removed ("tiếp
tục", "tập trung", "triển khai thực hiện"), **figures** ("85 công dân" and
"82/85 thanh niên" share 85) and **names** (capitalised runs inside a
sentence: "kênh Ba Gian", "Hàng Mây"), each weighed by its rarity in the unit;
plus shared bodies, directives and themes. Every link keeps its score and both
sentences.

The thresholds (module constants below) were chosen on a development set
(``tests/data/series/dev-hand-a`` and the demo corpus) and are reported on
series written blind by other hands (``tests/data/series/test-*``), which
were never used to choose them: ``python tools/eval_series.py`` prints both.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ingest
from ingest.models import ParsedDocument
from ingest.normalize import fold
from ingest.vocabulary import VERDICTS as VERDICTS

#: Lowest score at which an aligned (task, result) pair is a follow-through link.
FOLLOW_MIN = 0.12
#: Score a second result for a task (or a second task for a result) needs.
FOLLOW_EXTRA = 0.50
#: A task left unanswered may be answered by the next report, at this lower weight.
LATE_FACTOR = 0.7
#: Lowest score at which an aligned (task, later task) pair is a carry-over.
CARRY_MIN = 0.22
#: ... for a task its report called done (a routine task planned again).
CARRY_DONE_MIN = 0.35
#: ... for the plan after next (the task skipped a month).
CARRY_SKIP_MIN = 0.45
#: How many later plans a carried-over task is looked for in.
CARRY_HORIZON = 2
#: Score at or above which a later limitation is the same limitation returning.
RECUR_THRESHOLD = 0.20

#: Up to this much is added when a result stands where its task stood in the plan (results often follow the plan's order).
ORDER_WEIGHT = 0.03
#: Added when a task and a result stand at the same stage of one procedure (ingest/data/procedures.json).
STAGE_SAME = 0.06
#: Added when a later task is the next step (one or two stages on) of the same procedure.
STAGE_NEXT = 0.22

PROCEDURES = Path(ingest.__file__).resolve().parent / "data" / "procedures.json"

# Syllables and phrases that every task of the genre uses ("tiếp tục triển khai
# thực hiện tốt công tác ..."): they say how, not what.
_STOP_PHRASES = (
    "tiep tuc", "tap trung", "trien khai thuc hien", "trien khai", "thuc hien", "to chuc thuc hien", "lanh dao chi dao",
    "lanh dao", "chi dao", "dong bo", "hieu qua", "kip thoi", "nghiem tuc", "day manh", "tang cuong", "dam bao", "bao dam",
    "tren dia ban", "dia ban", "theo quy dinh", "quy dinh", "cong tac", "nhiem vu", "ket qua", "tot", "cac", "cua", "va",
    "voi", "cho", "trong", "tai", "theo", "de", "da", "duoc", "nhung", "mot so", "mot", "so", "nam", "thang", "phuong", "xa",
    "nhan dan", "can bo", "dang vien", "ve", "viec", "tu", "den", "co", "la", "nay", "do", "khi", "nham", "tiep", "hoan thanh",
    "thanh cong", "dat", "huong", "ra", "len", "vao", "tren", "duoi", "cung", "nhu", "sau", "truoc", "dang", "chua", "con",
    "phan dau", "het", "to chuc", "xay dung", "hoan thien", "phoi hop", "chuan bi", "kip", "nghiem", "thuong xuyen",
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# a capitalised word inside a sentence starts a name: "tuyến phố Hàng Mây", "kênh Ba Gian", "Lễ khai giảng"
_YEAR = re.compile(r"^(?:19|20)\d\d$")

#: how much each kind of feature weighs beside its rarity: a shared syllable pair, figure or
#: name says more than a shared syllable
WEIGHTS = {"1": 1.0, "2": 2.0, "#": 1.6, "N": 1.4}


@dataclass(frozen=True)
class LinkItem:
    """What the linker needs of an item."""

    id: str
    doc_id: str
    role: str
    period: str | None
    text: str
    section: str | None = None
    bodies: frozenset[str] = frozenset()
    citations: frozenset[str] = frozenset()
    themes: frozenset[str] = frozenset()
    #: every month it may speak of (its own, else its document's); empty: ``period`` alone
    months: tuple[str, ...] = ()
    #: identity that survives a re-parse (graph.records.stable_key); what reviews are keyed by
    stable_key: str | None = None

    @property
    def all_months(self) -> tuple[str, ...]:
        return self.months or ((self.period,) if self.period else ())


@dataclass(frozen=True)
class LinkDoc:
    id: str
    unit: str | None
    reported_period: str | None
    planned_period: str | None
    date: str | None
    items: tuple[LinkItem, ...]
    cites: frozenset[str] = frozenset()
    own_key: str | None = None
    reported_months: tuple[str, ...] = ()
    planned_months: tuple[str, ...] = ()

    @property
    def reports(self) -> tuple[str, ...]:
        return self.reported_months or ((self.reported_period,) if self.reported_period else ())

    @property
    def plans(self) -> tuple[str, ...]:
        return self.planned_months or ((self.planned_period,) if self.planned_period else ())


@dataclass(frozen=True)
class Link:
    kind: str  # FOLLOWED_BY | CARRIED_OVER | RECURS | FOLLOWS_UP
    source: str
    target: str
    score: float | None
    verdict: str | None = None
    source_text: str | None = None
    target_text: str | None = None
    #: computed (the linker) | human (an inspector confirmed or made it)
    origin: str = "computed"


@dataclass
class LinkResult:
    links: list[Link] = field(default_factory=list)
    verdicts: dict[str, str] = field(default_factory=dict)
    #: item id -> "human" for verdicts an inspector set (others are computed)
    verdict_sources: dict[str, str] = field(default_factory=dict)


@functools.cache
def _stop_re() -> re.Pattern[str]:
    phrases = sorted(_STOP_PHRASES, key=lambda p: -len(p))
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


def content_tokens(text: str) -> tuple[list[str], list[str]]:
    """(syllables, syllable pairs) of ``text`` without the genre's stop phrases.

    >>> content_tokens("Tiếp tục triển khai thực hiện tốt công tác bầu cử đại biểu Quốc hội")[1]
    ['bau cu', 'cu dai', 'dai bieu', 'bieu quoc', 'quoc hoi']
    """
    f = fold(text)
    f = _NUMBER.sub(" ", f)
    f = _stop_re().sub(" | ", f)
    syll: list[str] = []
    pairs: list[str] = []
    for chunk in re.split(r"[|,;:.()\"“”'!?\-–/]+", f):
        words = [w for w in re.findall(r"[a-z]+", chunk) if len(w) > 1 or w in {"y"}]
        syll.extend(words)
        pairs.extend(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return syll, pairs


def anchors(text: str) -> tuple[set[str], set[str]]:
    """(figures, names) of ``text``: what survives a paraphrase best.

    Figures are the numbers written ("82/85" gives 82 and 85; "05" is 5), years
    left out; names are runs of capitalised words inside a sentence.

    >>> nums, names = anchors("Đã có 82/85 thanh niên ở tổ dân phố số 05 khám tuyển tại Trạm Y tế phường Bích Lam.")
    >>> sorted(nums), sorted(names)
    (['5', '82', '85'], ['bich lam', 'tram y'])
    """
    nums = set()
    for n in _NUMBER.findall(text):
        if _YEAR.match(n):
            continue
        nums.add(n.lstrip("0") or "0")
    names = set()
    for sentence in re.split(r"[.;:!?\n]+", text):
        words = re.findall(r"[\w/-]+", sentence)
        run: list[str] = []
        for w in [*words[1:], ""]:  # the first word of a sentence is capitalised anyway
            if w and w[0].isupper():
                run.append(w)
            elif run:
                names.add(fold(" ".join(run)).lower())
                run = []
    return nums, names


@functools.cache
def _stage_res() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    data = json.loads(PROCEDURES.read_text(encoding="utf-8"))
    return tuple(
        (p["id"], tuple(re.compile(r"\b(?:" + "|".join(re.escape(k) for k in stage) + r")\b") for stage in p["stages"]))
        for p in data["procedures"]
    )


def procedure_stages(text: str) -> dict[str, int]:
    """The procedures an item is a step of, with the latest stage it names (ingest/data/procedures.json).

    >>> procedure_stages("Tổ chức sơ tuyển sức khỏe nghĩa vụ quân sự năm 2027 tại Trạm Y tế phường.")
    {'military-recruitment': 1}
    >>> procedure_stages("Chuẩn bị các điều kiện tổ chức Lễ giao nhận quân năm 2027.")
    {'military-recruitment': 5}
    """
    f = fold(text).lower()
    out = {}
    for pid, stages in _stage_res():
        hits = [k for k, rx in enumerate(stages) if rx.search(f)]
        if hits:
            out[pid] = max(hits)
    return out


def _features(text: str) -> frozenset[str]:
    syll, pairs = content_tokens(text)
    nums, names = anchors(text)
    return frozenset(["1:" + x for x in syll] + ["2:" + x for x in pairs] + ["#:" + x for x in nums] + ["N:" + x for x in names])


class _Scorer:
    """Similarity of two items, weighted by how rare their words, figures and names are in the unit."""

    def __init__(self, items: Iterable[LinkItem]) -> None:
        self.features: dict[str, frozenset[str]] = {}
        self.stages: dict[str, dict[str, int]] = {}
        df: Counter[str] = Counter()
        items = list(items)
        for it in items:
            feats = _features(it.text)
            self.features[it.id] = feats
            self.stages[it.id] = procedure_stages(it.text)
            df.update(feats)
        n = max(1, len(items))
        self.idf = {t: math.log((n + 1) / (d + 0.5)) * WEIGHTS[t[0]] for t, d in df.items()}
        # each item's total weight, once (the score is asked thousands of times per unit)
        self.total = {i: sum(self.idf[t] for t in f) for i, f in self.features.items()}

    def stage_bonus(self, a: LinkItem, b: LinkItem, *, next_step: bool) -> float:
        """Evidence that ``b`` is the same step (a result) or a next step (a later task) of ``a``'s procedure."""
        sa, sb = self.stages[a.id], self.stages[b.id]
        best = 0.0
        for pid, k in sa.items():
            if pid in sb:
                if next_step and 0 < sb[pid] - k <= 2:
                    best = max(best, STAGE_NEXT)
                elif sb[pid] == k:
                    best = max(best, STAGE_SAME)
        return best

    def score(self, a: LinkItem, b: LinkItem, *, next_step: bool = False) -> float:
        fa, fb = self.features[a.id], self.features[b.id]
        shared = fa & fb
        stage = self.stage_bonus(a, b, next_step=next_step)
        if not shared:
            return stage
        idf = self.idf
        wa, wb, ws = self.total[a.id], self.total[b.id], sum(idf[t] for t in shared)
        overlap = ws / max(1e-9, min(wa, wb))
        cosine = ws / max(1e-9, math.sqrt(wa * wb))
        s = 0.45 * overlap + 0.55 * cosine
        bonus = 0.0
        if a.bodies & b.bodies:
            bonus += 0.03
        if a.citations & b.citations:
            bonus += 0.08
        if a.themes and b.themes:
            common = len(a.themes & b.themes)
            bonus += 0.05 * common / len(a.themes | b.themes)
            if not common:
                bonus -= 0.05
        return max(0.0, min(1.0, s + bonus + stage))


# Matched on the lower-cased text WITH its accents: folded, "Đảng cho" would read as "đang chờ".
_NOT_YET = re.compile(
    r"\bchưa\b|\bcòn\s+\d|\bvẫn còn\b|\bđang\s+(?:triển khai|thực hiện|xây dựng|hoàn thiện|chuẩn bị|tiến hành|chờ|dự thảo)"
    r"|bước đầu|chuyển sang|\blùi\b|một phần|còn chậm|tiếp tục (?:triển khai|thực hiện|hoàn thiện)"
    # an intermediate step: "đã trình thẩm định", "chờ phê duyệt", "đang hoàn thiện hồ sơ"
    r"|\btrình (?:thẩm định|phê duyệt|cấp có thẩm quyền|Ủy ban|UBND)|\bchờ (?:phê duyệt|thẩm định|ý kiến)|\bmới\s+(?:có|đạt|được)\b"
)
_COMPLETE = re.compile(r"hoan thanh|thanh cong|\bvuot\b|100\s*%|dung (?:tien do|ke hoach)")
_RATIO = re.compile(r"(?<![/\d])(\d+(?:[.,]\d+)?)\s*/\s*(\d+(?:[.,]\d+)?)(?![/\d])")
_PERCENT = re.compile(r"(\d+(?:,\d+)?)\s*%")


def _num(s: str) -> float:
    return float(s.replace(".", "").replace(",", "."))


def verdict_of_result(text: str) -> str:
    """``partial`` when a result reports progress short of completion, else ``done``.

    Words that say "not yet" win ("chưa", "còn 06 hộ", "đang chờ", "bước đầu");
    then words of completion ("hoàn thành", "thành công", "vượt"); then the
    figures: a share below its total ("27/31", "đạt 69,2%") is partial.

    >>> verdict_of_result("Tỷ lệ cài đặt Sổ tay đảng viên điện tử đạt 69,2%.")
    'partial'
    >>> verdict_of_result("Thu ngân sách năm 2025 ước đạt 101,3% dự toán.")
    'done'
    >>> verdict_of_result("Có 27/31 chi bộ đã tổ chức sinh hoạt chuyên đề.")
    'partial'
    >>> verdict_of_result("Tổ chức thành công Đại hội Hội Liên hiệp thanh niên phường.")
    'done'
    """
    f = fold(text)
    if _NOT_YET.search(text.lower()):
        return "partial"
    for m in _RATIO.finditer(f):
        before = f[max(0, m.start() - 6) : m.start()]
        if "ngay" in before or "dot" in before:
            continue  # "ngày 15/3", "đợt 03/02" are dates
        a, b = _num(m.group(1)), _num(m.group(2))
        if 0 < b and a < b:
            return "partial"
    if _COMPLETE.search(f):
        return "done"
    for m in _PERCENT.finditer(f):
        if _num(m.group(1)) < 100:
            return "partial"
    return "done"


def _doc_order(d: LinkDoc) -> tuple[str, str]:
    return (
        (d.plans[0] if d.plans else None) or _next_month(d.reports[-1] if d.reports else None) or (d.date or "")[:7] or "9999",
        d.id,
    )


def _next_month(period: str | None) -> str | None:
    if not period or len(period) < 7:
        return None
    y, m = int(period[:4]), int(period[5:7])
    return f"{y + (m == 12)}-{(m % 12) + 1:02d}"


def align(pairs: Iterable[tuple[float, str, str]], minimum: float, extra: float) -> list[tuple[float, str, str]]:
    """Pairs ``(score, left, right)`` taken best first, each side once; a second partner only at ``extra``.

    >>> align([(0.9, "t1", "r1"), (0.8, "t1", "r2"), (0.5, "t2", "r1"), (0.3, "t2", "r3")], 0.2, 0.85)
    [(0.9, 't1', 'r1'), (0.3, 't2', 'r3')]
    >>> align([(0.9, "t1", "r1"), (0.88, "t1", "r2")], 0.2, 0.85)
    [(0.9, 't1', 'r1'), (0.88, 't1', 'r2')]
    """
    ranked = sorted((p for p in pairs if p[0] >= minimum), key=lambda p: (-p[0], p[1], p[2]))
    left: set[str] = set()
    right: set[str] = set()
    out = []
    for s, a, b in ranked:
        if a not in left and b not in right:
            out.append((s, a, b))
            left.add(a)
            right.add(b)
    for s, a, b in ranked:  # one result for two tasks, two results for one task: only when it is as clear
        if s >= extra and (s, a, b) not in out:
            out.append((s, a, b))
    return sorted(out, key=lambda p: (-p[0], p[1], p[2]))


def _answering(docs: Sequence[LinkDoc], k: int, months: Sequence[str]) -> int | None:
    """The first document after ``docs[k]`` whose reported months include one of ``months`` and that reports results."""
    for j in range(k + 1, len(docs)):
        d = docs[j]
        if set(d.reports) & set(months) and any(it.role == "result" for it in d.items):
            return j
    return None


def link_unit(docs: Sequence[LinkDoc]) -> LinkResult:
    """Links between the documents of ONE unit (the caller groups by unit)."""
    docs = sorted(docs, key=_doc_order)
    result = LinkResult()
    scorer = _Scorer(it for d in docs for it in d.items)
    doc_index = {d.id: k for k, d in enumerate(docs)}
    items = {it.id: it for d in docs for it in d.items}

    # FOLLOWS_UP: a later document citing an earlier one of the same unit
    keys = {d.own_key: d for d in docs if d.own_key}
    for d in docs:
        for key in sorted(d.cites):
            prev = keys.get(key)
            if prev is not None and prev.id != d.id and doc_index[prev.id] < doc_index[d.id]:
                result.links.append(Link("FOLLOWS_UP", d.id, prev.id, 1.0))

    # -- follow-through: each report aligned with the tasks it answers
    task_months: dict[str, tuple[str, ...]] = {}
    by_report: dict[int, list[str]] = defaultdict(list)
    for k, d in enumerate(docs):
        for t in d.items:
            if t.role != "task":
                continue
            months = t.all_months or d.plans
            task_months[t.id] = months
            j = _answering(docs, k, months) if months else None
            if j is None and not months:
                j = k + 1 if k + 1 < len(docs) else None  # no month known: the next document answers
            if j is not None:
                by_report[j].append(t.id)
    answers: dict[str, list[tuple[float, str]]] = defaultdict(list)
    leftover: list[str] = []
    for j in range(len(docs)):
        report = docs[j]
        results = [r for r in report.items if r.role == "result"]
        pairs: list[tuple[float, str, str]] = []
        planned = by_report.get(j, [])
        for n, tid in enumerate(planned):
            t = items[tid]
            for m, r in enumerate(results):
                if r.months and not set(r.all_months) & set(task_months[tid]):
                    continue  # "Trong tháng 12, ..." does not answer a November task
                s = scorer.score(t, r)
                if s > 0:
                    s += ORDER_WEIGHT * (1 - abs(n / max(1, len(planned) - 1) - m / max(1, len(results) - 1)))
                pairs.append((s, tid, r.id))
        for tid in leftover:  # answered late: one report later, at a discount
            for r in results:
                pairs.append((LATE_FACTOR * scorer.score(items[tid], r), tid, r.id))
        taken = align(pairs, FOLLOW_MIN, FOLLOW_EXTRA)
        for s, tid, rid in taken:
            answers[tid].append((s, rid))
        answered_now = {tid for _, tid, _ in taken}
        if results:
            leftover = [tid for tid in by_report.get(j, []) if tid not in answered_now]

    # -- carry-over: each plan aligned with the next plans
    verdict_of = {rid: verdict_of_result(items[rid].text) for links in answers.values() for _, rid in links}
    plans = [k for k, d in enumerate(docs) if any(it.role == "task" for it in d.items)]
    carried: dict[str, tuple[float, str]] = {}
    for pos, k in enumerate(plans):
        d = docs[k]
        tasks = [t for t in d.items if t.role == "task"]
        waiting = {t.id for t in tasks}
        for step, k2 in enumerate(plans[pos + 1 : pos + 1 + CARRY_HORIZON]):
            later = [t for t in docs[k2].items if t.role == "task"]
            pairs = []
            for t in tasks:
                if t.id not in waiting:
                    continue
                kept = [rid for _, rid in answers.get(t.id, [])]
                done = any(verdict_of[rid] == "done" for rid in kept)
                # what is left of a task is often worded like its result ("còn 08 hộ chưa ..." -> "vận động 08 hộ")
                partial = [items[rid] for rid in kept if verdict_of[rid] == "partial"]
                need = CARRY_DONE_MIN if done else (CARRY_MIN if step == 0 else CARRY_SKIP_MIN)
                for t2 in later:
                    if t2.all_months and task_months.get(t.id) and max(t2.all_months) <= max(task_months[t.id]):
                        continue
                    s = scorer.score(t, t2, next_step=True)
                    for r in partial:
                        s = max(s, scorer.score(r, t2, next_step=True))
                    if s >= need:
                        pairs.append((s, t.id, t2.id))
            for s, a, b in align(pairs, 0.0, 1.01):
                carried.setdefault(a, (s, b))
                waiting.discard(a)
            if not waiting:
                break

    # -- verdicts
    for k, d in enumerate(docs):
        for t in d.items:
            if t.role != "task":
                continue
            verdict = None
            for s, rid in sorted(answers.get(t.id, []), key=lambda x: -x[0]):
                r = items[rid]
                v = verdict_of[rid]
                result.links.append(Link("FOLLOWED_BY", t.id, rid, round(s, 4), v, t.text, r.text))
                verdict = "done" if (verdict == "done" or v == "done") else "partial"
            if t.id in carried:
                s, tid2 = carried[t.id]
                result.links.append(Link("CARRIED_OVER", t.id, tid2, round(s, 4), None, t.text, items[tid2].text))
            if verdict is None:
                months = task_months.get(t.id, ())
                if t.id in carried:
                    verdict = "carried_over"
                elif any(
                    set(ld.reports) & set(months) or (months and ld.reports and max(ld.reports) > max(months))
                    for ld in docs[k + 1 :]
                ) or (not months and k + 1 < len(docs)):
                    verdict = "silent"
                else:
                    verdict = "pending"
            result.verdicts[t.id] = verdict

    # -- recurring limitations: the best match in the first later document that has one
    for k, d in enumerate(docs):
        for lim in (it for it in d.items if it.role == "limitation"):
            for ld in docs[k + 1 :]:
                best = max(((scorer.score(lim, t), t) for t in ld.items if t.role == "limitation"), default=(0.0, None), key=lambda x: x[0])
                if best[1] is not None and best[0] >= RECUR_THRESHOLD:
                    result.links.append(Link("RECURS", lim.id, best[1].id, round(best[0], 4), None, lim.text, best[1].text))
                    break
    return result


def link_documents(docs: Sequence[LinkDoc]) -> LinkResult:
    """Links for documents of any number of units; never across units."""
    by_unit: dict[str | None, list[LinkDoc]] = defaultdict(list)
    for d in docs:
        by_unit[d.unit].append(d)
    out = LinkResult()
    for unit, group in by_unit.items():
        if unit is None:
            continue  # a document whose unit is unknown cannot be placed in a series
        r = link_unit(group)
        out.links.extend(r.links)
        out.verdicts.update(r.verdicts)
    return out


def linkdoc_from_parsed(doc: ParsedDocument, doc_id: str) -> LinkDoc:
    """A :class:`LinkDoc` straight from a parse (the store builds the same from its rows)."""
    bodies: dict[str, set[str]] = defaultdict(set)
    for b in doc.bodies:
        if b.item and b.role in {"lead", "partner"}:
            bodies[b.item].add(b.body_id)
    cites: dict[str, set[str]] = defaultdict(set)
    for c in doc.citations:
        if c.item:
            cites[c.item].add(c.key)
    themes: dict[str, set[str]] = defaultdict(set)
    for t in doc.themes:
        for i in t.items:
            themes[i].add(t.id)
    h = doc.header
    items = tuple(
        LinkItem(
            id=f"{doc_id}#{it.id}", doc_id=doc_id, role=it.role, period=it.period, text=it.text, section=it.section,
            bodies=frozenset(bodies[it.id]), citations=frozenset(cites[it.id]), themes=frozenset(themes[it.id]),
            months=tuple(it.months),
        )
        for it in doc.items
    )
    from graph.records import own_key as document_key

    own_key = document_key(doc)
    return LinkDoc(
        id=doc_id, unit=h.unit, reported_period=h.reported_period, planned_period=h.planned_period, date=h.date,
        items=items, cites=frozenset(c.key for c in doc.citations), own_key=own_key,
        reported_months=tuple(h.reported_months), planned_months=tuple(h.planned_months),
    )


def _store_docs(store: Any, unit: str) -> list[LinkDoc]:
    """The unit's documents and items as the linker sees them, read through named queries."""
    features = {r["item"]: r for r in store.query("unit_link_features", {"unit": unit})}
    docs: dict[str, dict[str, Any]] = {}
    for r in store.query("unit_items", {"unit": unit}):
        d = docs.setdefault(r["document"], {"row": r, "items": []})
        f = features.get(r["item"], {})
        d["items"].append(
            LinkItem(
                id=r["item"], doc_id=r["document"], role=r["role"], period=r["period"], text=r["text"], section=r["section"],
                bodies=frozenset(x for x in f.get("bodies") or () if x),
                citations=frozenset(x for x in f.get("citations") or () if x),
                themes=frozenset(x for x in f.get("themes") or () if x),
                months=_months(r.get("months")), stable_key=r.get("stable_key"),
            )
        )
    doc_keys = {f["document"]: f.get("document_key") for f in features.values()}
    out = []
    for doc_id, d in docs.items():
        row = d["row"]
        cites = frozenset(k for it in d["items"] for k in it.citations)
        out.append(
            LinkDoc(
                id=doc_id, unit=unit, reported_period=row["reported_period"], planned_period=row["planned_period"],
                date=row["date"], items=tuple(d["items"]), cites=cites | _doc_level_cites(store, doc_id), own_key=doc_keys.get(doc_id),
                reported_months=_months(row.get("reported_months")), planned_months=_months(row.get("planned_months")),
            )
        )
    return out


def _months(stored: str | None) -> tuple[str, ...]:
    """A stored comma-separated month list as a tuple ("2026-11,2026-12")."""
    return tuple(m for m in (stored or "").split(",") if m)


def _doc_level_cites(store: Any, doc_id: str) -> frozenset[str]:
    # citations outside any item (the title, the preamble) also say which notice a document follows up
    rows = store.query("document_citations", {"document": doc_id})
    return frozenset(r["key"] for r in rows if r.get("key"))


def link_rows(result: LinkResult) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Links in the shape of :meth:`graph.store.Store.replace_links`."""
    rows = []
    for lk in result.links:
        row: dict[str, Any] = {"type": lk.kind, "from": lk.source, "to": lk.target, "score": lk.score}
        if lk.kind in REVIEW_KINDS:
            row["source"] = lk.origin
        if lk.kind == "FOLLOWED_BY":
            row["verdict"] = lk.verdict
            row["evidence"] = f"{lk.source_text} → {lk.target_text}"
        rows.append(row)
    return rows, dict(result.verdicts)


def relink_units(store: Any, units: Sequence[str]) -> dict[str, int]:
    """Recompute and store the month-to-month links of ``units``, one transaction per unit."""
    written = {}
    for unit in units:
        docs = _store_docs(store, unit)
        result = link_unit(docs)
        reviews = store.reviews(unit)
        if reviews:
            result = apply_reviews(result, reviews, [it for d in docs for it in d.items])
        rows, verdicts = link_rows(result)
        written[unit] = store.replace_links(unit, rows, verdicts, result.verdict_sources or None)
    return written


# -- inspectors' decisions ---------------------------------------------------------

REVIEW_KINDS = ("FOLLOWED_BY", "CARRIED_OVER")
#: a decision whose item's text was edited in a revision still holds when this share of words survives
REATTACH_OVERLAP = 0.8


def word_overlap(a: str, b: str) -> float:
    """Shared folded words over the larger word set (1.0: the same words).

    >>> word_overlap("Hoàn thành giải phóng mặt bằng kênh Ba Gian.", "Hoàn thành giải phóng mặt bằng kênh Ba Gian trong tháng 12.")
    0.75
    """
    from graph.records import text_words

    wa, wb = set(text_words(a)), set(text_words(b))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / max(len(wa), len(wb))


def resolve_item(key: str | None, text: str | None, items: Sequence[LinkItem]) -> tuple[LinkItem | None, str]:
    """The item a decision names: by its stable key, else (a revised text) the item of the
    same scope (unit, document months and type, role) whose words overlap most, at least
    :data:`REATTACH_OVERLAP`. Returns (item, "attached" | "reattached" | "orphaned")."""
    if not key:
        return None, "orphaned"
    for it in items:
        if it.stable_key == key:
            return it, "attached"
    scope = key.split(":", 1)[0]
    best: tuple[float, LinkItem | None] = (0.0, None)
    for it in items:
        if it.stable_key and it.stable_key.split(":", 1)[0] == scope and text:
            o = word_overlap(text, it.text)
            if o > best[0]:
                best = (o, it)
    if best[1] is not None and best[0] >= REATTACH_OVERLAP:
        return best[1], "reattached"
    return None, "orphaned"


def review_status(review: dict[str, Any], items: Sequence[LinkItem]) -> tuple[LinkItem | None, LinkItem | None, str]:
    """Where a decision lands now: (task, target, status); status ``orphaned`` when an item it names is gone."""
    src, s1 = resolve_item(review.get("source_key"), review.get("source_text"), items)
    if review.get("action") == "verdict":
        return src, None, s1
    tgt, s2 = resolve_item(review.get("target_key"), review.get("target_text"), items)
    if "orphaned" in (s1, s2):
        return src, tgt, "orphaned"
    return src, tgt, "reattached" if "reattached" in (s1, s2) else "attached"


def apply_reviews(result: LinkResult, reviews: Sequence[dict[str, Any]], items: Sequence[LinkItem]) -> LinkResult:
    """The effective links: the linker's ``result`` with the inspectors' decisions laid over it.

    Decisions are taken oldest first; a later decision on the same link (or the same
    task's verdict) overrides an earlier one. ``reject`` removes a computed link,
    ``confirm`` marks it human (and restores it when the linker no longer proposes it),
    ``link`` makes a human link and drops the task's other computed links of that kind,
    ``verdict`` sets the task's verdict by hand. A decision whose items are gone is
    skipped (it stays in the log, orphaned). Verdicts the links decide (done/partial,
    carried over) are recomputed for the tasks whose links changed.
    """
    by_id = {it.id: it for it in items}
    link_dec: dict[tuple[str, str, str], str] = {}
    verdict_dec: dict[str, str] = {}
    for rv in sorted(reviews, key=lambda r: (r.get("at") or "", r.get("id") or "")):
        src, tgt, status = review_status(rv, items)
        if status == "orphaned" or src is None:
            continue
        if rv["action"] == "verdict":
            verdict_dec[src.id] = rv["verdict"]
        elif tgt is not None and rv.get("kind") in REVIEW_KINDS:
            link_dec[(rv["kind"], src.id, tgt.id)] = rv["action"]
    if not link_dec and not verdict_dec:
        return result
    relinked = {(k, s) for (k, s, _), a in link_dec.items() if a == "link"}
    out = LinkResult(verdicts=dict(result.verdicts), verdict_sources=dict(result.verdict_sources))
    present: set[tuple[str, str, str]] = set()
    changed: set[str] = set()
    for lk in result.links:
        key = (lk.kind, lk.source, lk.target)
        action = link_dec.get(key)
        if action == "reject" or (action is None and (lk.kind, lk.source) in relinked):
            changed.add(lk.source)
            continue
        if action in ("confirm", "link"):
            lk = Link(lk.kind, lk.source, lk.target, lk.score, lk.verdict, lk.source_text, lk.target_text, "human")
        present.add(key)
        out.links.append(lk)
    for (kind, sid, tid), action in sorted(link_dec.items()):
        if action in ("confirm", "link") and (kind, sid, tid) not in present:
            t, r = by_id[sid], by_id[tid]
            v = verdict_of_result(r.text) if kind == "FOLLOWED_BY" else None
            out.links.append(Link(kind, sid, tid, None, v, t.text, r.text, "human"))
            changed.add(sid)
    for sid in changed:
        follows = [lk for lk in out.links if lk.kind == "FOLLOWED_BY" and lk.source == sid]
        if follows:
            out.verdicts[sid] = "done" if any(lk.verdict == "done" for lk in follows) else "partial"
        elif any(lk.kind == "CARRIED_OVER" and lk.source == sid for lk in out.links):
            out.verdicts[sid] = "carried_over"
        elif result.verdicts.get(sid) in ("done", "partial", "carried_over"):
            out.verdicts[sid] = "silent"  # its only answer was rejected: a report exists and says nothing of it
    for sid, v in verdict_dec.items():
        out.verdicts[sid] = v
        out.verdict_sources[sid] = "human"
    return out
