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
plan's; which pairs may be aligned is decided by a logistic regression over
each pair's scores and its place among the others (:func:`carry_features`,
``ingest/data/carry_model.json``, fitted by ``tools/train_carry.py`` on the
development series).

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
from typing import Any, NamedTuple

import numpy as np

import ingest
from ingest.models import ParsedDocument
from ingest.normalize import fold
from ingest.patterns import trie_alternation
from ingest.periods import shift_month
from ingest.structure import addressee
from ingest.vocabulary import VERDICTS as VERDICTS
from ingest.vocabulary import WORK_ABBREVIATIONS

#: an item's text is folded by several readings of it (words, names, stages, quotes, events, verdict): once
_fold = functools.lru_cache(maxsize=8192)(fold)

#: Lowest score at which an aligned (task, result) pair is a follow-through link.
FOLLOW_MIN = 0.19
#: An unanswered task may share its best result with the task that took it (:func:`_shared_answer`) ...
SHARE_MIN = 0.25
#: ... when it scores this share of the taker's score
SHARE_RATIO = 0.9
#: A result dated in a later month than its task's (in a report of several months) weighs this much
DATED_LATER = 0.7
#: a later task is the second half of a task split in two when it scores this share of the first half's score
SPLIT_RATIO = 0.6
#: two items that each cite a directive, and not the same one, are less alike by this much
OTHER_DIRECTIVE = 0.1
#: a result that tells of two things answers a second task when the part telling of it scores this much
PART_MIN = 0.35
#: a fact of a result between semicolons answers a second task when it scores this much
FACT_MIN = 0.4
#: Score a second result for a task (or a second task for a result) needs.
FOLLOW_EXTRA = 0.50
#: Score a clause of a task ("...; ...") needs with a result for a second link (:func:`_per_clause`).
CLAUSE_MIN = 0.35
#: A task left unanswered may be answered by the next report, at this lower weight.
LATE_FACTOR = 0.7
#: the least score for a task of several months in a report that is not on its last month
EARLY_MIN = 0.25
#: How many later plans a carried-over task is looked for in.
CARRY_HORIZON = 2
#: the carry-over model (:func:`carry_features`, trained by ``tools/train_carry.py`` on the development series)
CARRY_MODEL = Path(ingest.__file__).resolve().parent / "data" / "carry_model.json"
#: the genre's task-word → result-word associations (``tools/train_paraphrase.py``)
PARAPHRASE = Path(ingest.__file__).resolve().parent / "data" / "paraphrase.json"
#: what a task and a result worded apart but in words the genre pairs add to their score, at most
PARAPHRASE_WEIGHT = 0.2
#: the association sum at which that addition is half reached
PARAPHRASE_HALF = 30.0
#: the genre's task-word → next-plan-word associations (``tools/train_paraphrase.py --succession``)
SUCCESSION = Path(ingest.__file__).resolve().parent / "data" / "succession.json"
#: what a task and a later task worded apart but in words the genre's plans pair add to their carry-over score, at most
SUCCESSION_WEIGHT = 0.2
#: the association sum at which that addition is half reached
SUCCESSION_HALF = 30.0
# a second later task for another clause of a task carried over ("tiêm phòng ...; chuẩn bị giống ...")
CARRY_CLAUSE_MIN = 0.35
#: Score at or above which a later limitation is the same limitation returning.
RECUR_THRESHOLD = 0.20

#: Up to this much is added when a result stands where its task stood in the plan (results often follow the plan's order).
ORDER_WEIGHT = 0.03
#: a task and a result alone between two links of a report that keeps the plan's order (:func:`_between_anchors`):
#: the least they must share, and the share of its links that must keep the plan's order
ORDER_FILL_MIN = 0.08
ORDER_KEPT = 0.8
#: a result's percentage near a task's target ("phấn đấu tỷ lệ bao phủ 95%" -> "BHYT đạt 91,2%") when they share a word
TARGET_BONUS = 0.06
#: two items each naming something in quotes, and not the same thing ("Tổ dân phố số" against "Chi bộ bốn tốt")
OTHER_QUOTED = 0.15
#: two items each naming a place of the unit (a tổ dân phố, a street, a river, a school), and no place in common
#: ("tổ dân phố Hòa Bình" against "đường Trần Khánh Dư"): the same kind of work, somewhere else
OTHER_PLACE = 0.08
#: the same, taken from a task against a result of a later report: a result that tells of the same kind of work
#: somewhere else is what a task that vanished is taken for ("kiểm tra 12 công trình trên đường Lý Thái Tổ" against
#: "kiểm tra 09 công trình trên phố Bến Gạo"), where a task planned again elsewhere is still the unit's next step
#: (chosen on the 114 development series of session 21: 0.08 → 0.20 for a result gave gaps 0.850 → 0.854, carry-over
#: 0.865 → 0.866, follow-through the same; 0.14 and 0.25 gave less; 0.20 for a later task as well cost carry-over 0.001)
OTHER_PLACE_ANSWER = 0.20
#: Taken from the score when both items name a disease and none in common: vaccinating cattle against foot-and-mouth
#: disease is not vaccinating poultry against avian influenza (:func:`_diseases`). Crop pests are not counted: the care
#: of one rice crop names another pest at each stage ("chuột" in February, "rầy nâu" in March) and is one task.
OTHER_DISEASE = 0.08
#: a result that names the number of a task of the plan it answers ("Nhiệm vụ số 5 tại Thông báo số 47-TB/ĐU: ...",
#: "(nhiệm vụ 12) ...") answers that task: this much is added to the pair's score ...
TASK_REF = 0.5
#: ... and this much taken from its pairs with the plan's other numbered tasks
OTHER_TASK_REF = 0.2
#: two items marking the same day's event ("kỷ niệm … Ngày giải phóng miền Nam" and "chào mừng ngày 30/4")
SAME_EVENT = 0.15
#: Added when a task and a result stand at the same stage of one procedure (ingest/data/procedures.json).
STAGE_SAME = 0.06
#: Added when a later task is the next step (one or two stages on) of the same procedure.
STAGE_NEXT = 0.30

PROCEDURES = Path(ingest.__file__).resolve().parent / "data" / "procedures.json"

# Syllables and phrases that every task of the genre uses ("tiếp tục triển khai
# thực hiện tốt công tác ..."): they say how, not what.
_STOP_PHRASES = (
    "tiep tuc", "tap trung", "trien khai thuc hien", "trien khai", "thuc hien", "to chuc thuc hien", "lanh dao chi dao",
    "lanh dao", "chi dao", "dong bo", "hieu qua", "kip thoi", "nghiem tuc", "day manh", "tang cuong", "dam bao", "bao dam",
    "tren dia ban", "dia ban", "theo quy dinh", "quy dinh", "cong tac", "nhiem vu", "ket qua", "tot", "cac", "cua", "va",
    "voi", "cho", "trong", "tai", "theo", "de", "da", "duoc", "nhung", "mot so", "mot", "so", "nam", "thang", "phuong", "xa",
    "nhan dan", "can bo", "dang vien", "ve", "viec", "tu", "den", "co", "la", "nay", "do", "khi", "nham", "hoan thanh",
    "thanh cong", "dat", "huong", "ra", "len", "vao", "tren", "duoi", "cung", "nhu", "sau", "truoc", "dang", "chua", "con",
    "phan dau", "het", "to chuc", "xay dung", "hoan thien", "phoi hop", "chuan bi", "kip", "nghiem", "thuong xuyen",
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_TOKEN = re.compile(r"[a-z]+|[|,;:.()\"“”'!?\-–/]")
# a capitalised word inside a sentence starts a name: "tuyến phố Hàng Mây", "kênh Ba Gian", "Lễ khai giảng"
_NAME_TOKEN = re.compile(r"[\w/-]+|[.;:!?\n]")
_YEAR = re.compile(r"^(?:19|20)\d\d$")

#: how much each kind of feature weighs beside its rarity: a shared syllable pair, figure or
#: name says more than a shared syllable
WEIGHTS = {"1": 1.0, "2": 2.0, "#": 1.6, "N": 1.0, "B": 0.5}


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
    #: the number the document gives the item ("7." -> "7"; :func:`item_number`), which a later report may cite
    number: str | None = None

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
def _abbreviation_re() -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + trie_alternation(WORK_ABBREVIATIONS) + r")(?![\w-])")


@functools.cache
def _stop_re() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + trie_alternation(_STOP_PHRASES) + r")\b")


def content_tokens(text: str) -> tuple[list[str], list[str]]:
    """(syllables, syllable pairs) of ``text`` without the genre's stop phrases.

    >>> content_tokens("Tiếp tục triển khai thực hiện tốt công tác bầu cử đại biểu Quốc hội")[1]
    ['bau cu', 'cu dai', 'dai bieu', 'bieu quoc', 'quoc hoi']
    >>> content_tokens("Sơ tuyển NVQS")[1] == content_tokens("Sơ tuyển nghĩa vụ quân sự")[1]
    True
    """
    f = _fold(text)
    # "BHYT", "NVQS": a short form is read as its words ("bảo hiểm y tế"), as a fuller hand writes them
    f = _abbreviation_re().sub(lambda m: WORK_ABBREVIATIONS[m.group()], f)
    f = _stop_re().sub(" | ", _NUMBER.sub(" ", f))
    syll: list[str] = []
    pairs: list[str] = []
    prev = ""
    # one pass over words and separators: a separator (or a removed stop phrase) ends a run of
    # syllables, a one-letter word is skipped without ending it
    for tok in _TOKEN.findall(f):
        if "a" <= tok[0] <= "z":
            if len(tok) > 1 or tok == "y":
                syll.append(tok)
                if prev:
                    pairs.append(f"{prev} {tok}")
                prev = tok
        else:
            prev = ""
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
    folded = _fold(text)  # as long as ``text``: a word's folded form is at the same place
    # only the words that start with a capital and the ends of sentences are looked at (a tenth of the words), but
    # in a text with a character beyond the first 65,536, which the pattern of capitals leaves out: every word
    return nums, _names(text, folded, _NAME_TOKEN if _ASTRAL.search(text) else _capital_or_end())


@functools.cache
def _procedure_ids() -> tuple[str, ...]:
    return tuple(p["id"] for p in json.loads(PROCEDURES.read_text(encoding="utf-8"))["procedures"])


_WORDS = re.compile(r"[a-z0-9]+")
_EVERYDAY_PAIRS = frozenset({
    "to chuc", "ket qua", "xay dung", "ke hoach", "ho so", "van dong", "danh gia", "hoi dong", "huong dan", "tong hop",
    "trien khai", "thuc hien", "cong tac", "nhiem vu", "phuong an", "danh sach", "cong dan", "nghia vu", "kiem tra",
})


@functools.cache
def _stage_keys() -> dict[str | tuple[str, ...], list[tuple[str, int, re.Pattern[str]]]]:
    """Each keyword of ingest/data/procedures.json filed under a word or a pair of adjacent words it holds.

    An item is tried against a keyword only when it holds that word or pair (a set lookup);
    one-word keywords are filed under themselves, longer ones under their first pair that is not one
    of the genre's everyday pairs ("tổ chức", "kết quả", "kế hoạch"), which lets the fewest items through.
    """
    data = json.loads(PROCEDURES.read_text(encoding="utf-8"))
    keys: dict[str | tuple[str, ...], list[tuple[str, int, re.Pattern[str]]]] = defaultdict(list)
    for p in data["procedures"]:
        for k, stage in enumerate(p["stages"]):
            for keyword in stage:
                w = _WORDS.findall(keyword)
                pairs = list(zip(w, w[1:], strict=False))
                key: str | tuple[str, ...] = (
                    next((x for x in pairs if " ".join(x) not in _EVERYDAY_PAIRS), pairs[0]) if pairs else w[0]
                )
                keys[key].append((p["id"], k, re.compile(r"\b" + re.escape(keyword) + r"\b")))
    return dict(keys)


def _names(text: str, folded: str, words: re.Pattern[str]) -> set[str]:
    """:func:`anchors`'s names: runs of words that start with a capital, not at a sentence's start, read at the
    matches of ``words`` (:data:`_NAME_TOKEN`, every word, or :func:`_capital_or_end`, the capitals and the ends of
    sentences only: any other word between two of its matches ends a name and a sentence's start, as it would
    word by word)."""
    names = set()
    run: list[str] = []
    first = True  # the first word of a sentence is capitalised anyway
    pos = 0
    for m in words.finditer(text):
        if _NAME_CHAR.search(text, pos, m.start()):
            first = False
            if run:
                names.add(" ".join(run))
                run = []
        pos = m.end()
        w = m.group()
        if w[0] in ".;:!?\n":
            first = True
        elif first:
            first = False
        elif w[0].isupper():
            run.append(folded[m.start() : pos])
            continue
        if run:
            names.add(" ".join(run))
            run = []
    if run:
        names.add(" ".join(run))
    return names


_NAME_CHAR = re.compile(r"[\w/-]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@functools.cache
def _capital_or_end() -> re.Pattern[str]:
    """A word of :data:`_NAME_TOKEN` that starts with a capital letter (of the first 65,536 characters), or the end
    of a sentence."""
    capitals = "".join(c for c in map(chr, range(0x10000)) if c.isupper() and _NAME_CHAR.match(c))
    return re.compile(r"(?<![\w/-])[" + re.escape(capitals) + r"][\w/-]*|[.;:!?\n]")


def procedure_stages(text: str) -> dict[str, int]:
    """The procedures an item is a step of, with the latest stage it names (ingest/data/procedures.json).

    >>> procedure_stages("Tổ chức sơ tuyển sức khỏe nghĩa vụ quân sự năm 2027 tại Trạm Y tế phường.")
    {'military-recruitment': 1}
    >>> procedure_stages("Chuẩn bị các điều kiện tổ chức Lễ giao nhận quân năm 2027.")
    {'military-recruitment': 5}
    >>> procedure_stages("Thẩm định, phê duyệt dự toán sửa chữa 12 phòng học.")  # no land to clear
    {}
    >>> procedure_stages("Phê duyệt phương án bồi thường cho 12 hộ dân.")
    {'land-clearance': 3}
    """
    return {pid: last for pid, (_, last) in procedure_spans(text).items()}


def procedure_spans(text: str) -> dict[str, tuple[int, int]]:
    """The procedures an item is a step of, with the first and the latest stage it names: "Phát lệnh gọi nhập ngũ
    ...; động viên công dân chuẩn bị lên đường nhập ngũ" is at stages 4 to 5.

    >>> procedure_spans("Phát lệnh gọi nhập ngũ cho 52 công dân; động viên công dân chuẩn bị lên đường nhập ngũ.")
    {'military-recruitment': (4, 5)}
    """
    f = _fold(text).lower()
    found: dict[str, set[int]] = defaultdict(set)
    keys = _stage_keys()
    single, pairs = _stage_words()
    words = _WORDS.findall(f)
    # the keys the item holds: its words that are keys, and its pairs of adjacent words that are keys
    held: set[str | tuple[str, ...]] = set(single.intersection(words))
    held.update(pairs.intersection(zip(words, words[1:], strict=False)))
    for key in held:
        for pid, k, rx in keys[key]:
            if k not in found[pid] and rx.search(f):
                found[pid].add(k)
    if not any(found.values()):
        return {}
    contexts = _procedure_contexts()
    return {pid: (min(found[pid]), max(found[pid])) for pid in _procedure_ids()
            if found.get(pid) and (pid not in contexts or contexts[pid].search(f))}


@functools.cache
def _stage_words() -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    """:func:`_stage_keys` as (its one-word keys, its two-word keys)."""
    keys = _stage_keys()
    return frozenset(k for k in keys if isinstance(k, str)), frozenset(k for k in keys if isinstance(k, tuple))


@functools.cache
def _procedure_contexts() -> dict[str, re.Pattern[str]]:
    """The procedures whose stages count only beside one of their context words ("phê duyệt" is land clearance
    only beside "bồi thường", "thu hồi", "mặt bằng" ...)."""
    data = json.loads(PROCEDURES.read_text(encoding="utf-8"))
    return {p["id"]: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in p["context"]) + r")\b")
            for p in data["procedures"] if p.get("context")}


def without_addressee(text: str) -> str:
    """A task without the body it is addressed to ("Công an phường: tổ chức ..." -> "tổ chức ...").

    The body is a link of its own (a small bonus when two items share one); its name words would
    otherwise make every task of the same body look alike.

    >>> without_addressee("Ủy ban Mặt trận Tổ quốc phường: giám sát việc bồi thường, hỗ trợ, tái định cư.")
    'giám sát việc bồi thường, hỗ trợ, tái định cư.'
    >>> without_addressee("Về giải phóng mặt bằng: ngày 12/5, phường tổ chức đối thoại.")
    'Về giải phóng mặt bằng: ngày 12/5, phường tổ chức đối thoại.'
    """
    m = addressee(text)
    return text[m:] if m else text


def without_bodies(text: str) -> str:
    """``text`` with every body it names blanked out ("Ủy ban Kiểm tra Đảng ủy kiểm tra ..." -> " , kiểm tra ...").

    Two tasks of one body are not one task planned twice because they name it: carry-over scores
    what is to be done (shared bodies still add their small bonus).

    >>> without_bodies("Ban Chỉ huy Quân sự xã phối hợp Công an xã rà soát nguồn nhập ngũ.")
    ' ,  phối hợp  ,  rà soát nguồn nhập ngũ.'
    """
    return _split_bodies(text)[0]


@functools.lru_cache(maxsize=32768)
def _split_bodies(text: str) -> tuple[str, str]:
    """``(text without the bodies it names, the bodies' names one after the other)``, from one scan of ``text``.

    >>> _split_bodies("Công an xã phối hợp Đoàn Thanh niên tuần tra.")
    (' ,  phối hợp  ,  tuần tra.', 'Công an xã | Đoàn Thanh niên')
    """
    from ingest.body_registry import find_mentions

    mentions = find_mentions(text, _fold(text))
    if not mentions:
        return text, ""
    out, pos = [], 0
    for m in mentions:
        out.append(text[pos : m.start])
        out.append(" , ")
        pos = m.end
    out.append(text[pos:])
    return "".join(out), " | ".join(text[m.start : m.end] for m in mentions)


#: who is in charge, written beside the work: "(Đ/c Thắng, Bí thư Chi đoàn phụ trách)", "- giao đồng chí Tổ trưởng tổ
#: dân phố thực hiện", "; Đ/c Lan, Chi hội trưởng Phụ nữ chủ trì"
_OWNER_PAREN = re.compile(r"[ ]*\([ ]*(?:giao[ ]+|do[ ]+)?(?:đ/c|đồng chí)\b[^()]*\)", re.IGNORECASE)
_OWNER_TAIL = re.compile(
    r"[ ]*(?:[-–—;,]|\.[ ])[ ]*(?:giao[ ]+|do[ ]+)?(?:đ/c|đồng chí)[ ]+[^.;()]*?"
    r"\b(?:phụ trách|chủ trì|thực hiện|hướng dẫn|theo dõi|đảm nhiệm|triển khai)\b[^.;()]*[.;]?[ ]*$",
    re.IGNORECASE,
)


def without_owner(text: str) -> str:
    """The work without the comrade in charge of it: a cell's secretary writes who does each task beside it, and the
    same comrade beside two tasks does not make them one.

    >>> without_owner("Tổng vệ sinh ngõ xóm đón Tết, trọng tâm ngõ 3 (Đ/c Thắng, Bí thư Chi đoàn phụ trách).")
    'Tổng vệ sinh ngõ xóm đón Tết, trọng tâm ngõ 3.'
    >>> without_owner("Phấn đấu 100% đảng viên cài đặt Sổ tay đảng viên điện tử - Đ/c Hoa hướng dẫn.")
    'Phấn đấu 100% đảng viên cài đặt Sổ tay đảng viên điện tử'
    >>> without_owner("Trao Huy hiệu 40 năm tuổi Đảng cho đồng chí Lương Văn Bình.")
    'Trao Huy hiệu 40 năm tuổi Đảng cho đồng chí Lương Văn Bình.'
    """
    return _split_owner(text)[0]


def _split_owner(text: str) -> tuple[str, str]:
    """``(the work, the words naming who is in charge of it)``: :func:`without_owner` and what it took out ("" when it
    took nothing).

    >>> _split_owner("Tổng vệ sinh ngõ xóm đón Tết (Đ/c Thắng, Bí thư Chi đoàn phụ trách).")
    ('Tổng vệ sinh ngõ xóm đón Tết.', ' (Đ/c Thắng, Bí thư Chi đoàn phụ trách)')
    """
    low = text.lower()
    if "đ/c" not in low and "đồng chí" not in low:
        return text, ""
    taken: list[str] = []

    def take(m: re.Match[str]) -> str:
        taken.append(m.group(0))
        return ""

    out = _OWNER_TAIL.sub(take, _OWNER_PAREN.sub(take, text))
    return (out, " ".join(taken)) if len(out) >= 12 and taken else (text, "")


#: a task written as fields: "Nội dung: X; đơn vị chủ trì: Y; thời gian hoàn thành: Z" (the body and the deadline
#: are facts of their own; the field names and the tail would make every task of the list look alike)
_FIELD_HEAD = re.compile(r"^(?:nội dung|nhiệm vụ|công việc)\s*:\s*", re.IGNORECASE)
_FIELD_TAIL = re.compile(
    r"[;,.]?\s*(?:(?:đơn vị|cơ quan|bộ phận)\s+(?:chủ trì|phối hợp|thực hiện|tham mưu)|thời (?:gian|hạn)(?: hoàn thành)?)\s*:.*$",
    re.IGNORECASE | re.DOTALL,
)


def without_fields(text: str) -> str:
    """The content of a task written as fields.

    >>> without_fields("Nội dung: Chăm sóc lúa mùa; đơn vị chủ trì: Đảng ủy UBND xã; thời gian hoàn thành: 20/7/2026.")
    'Chăm sóc lúa mùa'
    >>> without_fields("Chăm sóc lúa mùa, phòng trừ sâu bệnh.")
    'Chăm sóc lúa mùa, phòng trừ sâu bệnh.'
    """
    if ":" not in text:
        return text
    return _FIELD_TAIL.sub("", _FIELD_HEAD.sub("", text)) or text


#: who leads a task and by when, after a dash at its end: "... — UBND phường chủ trì, xong trước 20/5" (an em or en dash:
#: a hyphen joins two streets' names, "đường Trần Phú - Lê Lợi")
_ASSIGNED_TAIL = re.compile(
    r"[ ]+[—–][ ]+(?P<who>[A-ZĐÀ-Ỹ][^—–\n]{0,80}?)[ ]+(?:chủ trì|phụ trách|thực hiện|tham mưu|theo dõi)\b[^—–\n]{0,60}$")


def _split_assigned(text: str) -> tuple[str, str]:
    """``(the work, who leads it)`` of a task that names its lead and deadline after a dash (hand JC): the deadline's day
    is no figure of the work, and "chủ trì, xong trước" beside every task of a plan made them alike.

    >>> _split_assigned("Thu hồi nợ thuế của 10 đơn vị còn nợ đọng — UBND phường chủ trì, xong trước 31/5.")
    ('Thu hồi nợ thuế của 10 đơn vị còn nợ đọng', 'UBND phường')
    >>> _split_assigned("Mở rộng tuyến đường Trần Phú – Lê Lợi.")[1]
    ''
    """
    if "—" not in text and "–" not in text:
        return text, ""
    m = _ASSIGNED_TAIL.search(text.rstrip(" ."))
    if m is None or m.start() < 12:
        return text, ""
    return text[: m.start()], m.group("who")


@functools.lru_cache(maxsize=32768)
def _features(text: str, bodies: bool = True) -> frozenset[str]:
    """An item's features; ``bodies=False``: without the words of the bodies it names (:func:`without_bodies`)."""
    text, owner = _split_owner(without_addressee(without_fields(text)))
    text, lead = _split_assigned(text)
    owner = " | ".join(x for x in (owner, lead) if x)
    stripped, named = _split_bodies(text)
    # the comrade in charge counts as a body does: a little
    if owner and bodies:
        named = f"{named} | {owner}" if named else owner
    extra: list[str] = []
    if named:
        if bodies:
            # the words of a body's name count, but less than the work: "chi bộ tổ dân phố" in two
            # items does not make a model's pilot the answer to a supervision
            bsyll, bpairs = content_tokens(named)
            extra = ["B:" + x for x in bsyll] + ["B:" + x for x in bpairs]
        text = stripped
    syll, pairs = content_tokens(text)
    nums, names = anchors(text)
    return frozenset(["1:" + x for x in syll] + ["2:" + x for x in pairs] + ["#:" + x for x in nums] + ["N:" + x for x in names] + extra)


class _Scorer:
    """Similarity of two items, weighted by how rare their words, figures and names are in the unit.

    :meth:`score` scores one pair; :meth:`matrix` scores every pair of two lists at once (the
    linker's path: one matrix product per block instead of a Python loop per pair), with the
    same formula.
    """

    def __init__(self, items: Iterable[LinkItem], *, bodies: bool = True, like: _Scorer | None = None) -> None:
        """``bodies=False``: the words of the bodies an item names do not count (:func:`without_bodies`).
        ``like``: with ``bodies=False``, a scorer of the same items with the bodies' words, whose readings and
        arrays this one takes without those words (:meth:`_without_bodies`) instead of reading every item again.

        The words of the subjects of the directives an item cites were once added to its words (a result
        names "chuyển đổi số", not "57-NQ/TW"); measured in session 7 on 32 development series and on the
        demo corpus, they cost more than they gave (they swell a short task's weight) and were removed."""
        self.bodies = bodies
        self.features: dict[str, frozenset[str]] = {}
        self.stages: dict[str, dict[str, tuple[int, int]]] = {}
        items = list(items)
        if like is not None:
            if bodies or not like.bodies:
                raise ValueError("a scorer is taken from another only to leave out the bodies' words")
            self._without_bodies(items, like)
            return
        df: Counter[str] = Counter()
        # each text read once: a unit plans its routine tasks word for word month after month (a third of a
        # synthetic ward-year's items repeat an earlier one); the readings depend on the text alone
        copies = Counter(it.text for it in items)
        read = {t: (_features(t, bodies), procedure_spans(t), _percents(t), _quoted(t), _event_days(t), _places(t), _diseases(t))
                for t in copies}
        for it in items:
            feats, self.stages[it.id] = read[it.text][:2]
            self.features[it.id] = feats
        # each feature's number of items: a text's features counted as many times as items have it (in the order the
        # items first name them, as item by item)
        for t, c in copies.items():
            if c == 1:
                df.update(read[t][0])
            else:
                for f in read[t][0]:
                    df[f] += c
        n = max(1, len(items))
        # one logarithm per document frequency, not per feature (the same value either way)
        rarity = {d: math.log((n + 1) / (d + 0.5)) for d in set(df.values())}
        self.idf = {t: rarity[d] * WEIGHTS[t[0]] for t, d in df.items()}
        self._df = df
        # each item's total weight, once (the score is asked thousands of times per unit), once a text
        # sums over a set in exact arithmetic (math.fsum) and columns in sorted order: a set's order changes with the
        # process's string hashing, and float sums in another order differ in the last bit, which broke ties between
        # items worded alike differently from one run to the next
        idf_of = self.idf.__getitem__
        total_of = {t: math.fsum(map(idf_of, r[0])) for t, r in read.items()}
        self.total = {it.id: total_of[it.text] for it in items}
        # the same as arrays, built once for the unit: each item's features as a row of column
        # numbers (CSR: ``_indptr``/``_indices``), their weights, and its bodies, citations and themes
        order = sorted(df)
        column: dict[str, int] = {t: k for k, t in enumerate(order)}
        self._column = column
        self._lexicon_cache: dict[bool, tuple[np.ndarray, np.ndarray, np.ndarray] | tuple[()]] = {}
        self._clause_features: dict[str, tuple[set[str], float]] = {}
        self._weights = np.fromiter((self.idf[t] for t in order), dtype=np.float64, count=len(order))
        self._pos = {it.id: k for k, it in enumerate(items)}
        lengths = [len(self.features[it.id]) for it in items]
        self._indptr = np.zeros(len(items) + 1, dtype=np.int64)
        self._indptr[1:] = np.cumsum(lengths)
        column_of = column.__getitem__
        columns_of = {t: np.fromiter(map(column_of, r[0]), dtype=np.int64, count=len(r[0])) for t, r in read.items()}
        self._indices = (np.concatenate([columns_of[it.text] for it in items]) if items else np.zeros(0, dtype=np.int64))
        self._totals = np.array([self.total[it.id] for it in items], dtype=np.float64)
        self._items = {it.id: it for it in items}
        self._tags = [self._tag_array(items, lambda it, f=f: getattr(it, f)) for f in ("bodies", "citations", "themes")]
        self._percents = {it.id: read[it.text][2] for it in items}
        self._quoted = {it.id: read[it.text][3] for it in items}
        self._events = {it.id: read[it.text][4] for it in items}
        self._places = {it.id: read[it.text][5] for it in items}
        self._diseases = {it.id: read[it.text][6] for it in items}
        self._readings_by_place(items)

    def _readings_by_place(self, items: Sequence[LinkItem]) -> None:
        """The readings the score matrices look at, by the items' places in the scorer (``_pos``): the values as lists
        and, as arrays, which items have one at all (the pairs of items without one are never tried)."""
        self._item_at = list(items)
        self._staged = np.array([bool(self.stages[it.id]) for it in items], dtype=bool)
        self._by_place: dict[str, tuple[list[Any], np.ndarray]] = {}
        for name, of in (("percents", self._percents), ("quoted", self._quoted), ("events", self._events),
                         ("places", self._places), ("diseases", self._diseases)):
            values = [of[it.id] for it in items]
            self._by_place[name] = (values, np.array([bool(v) for v in values], dtype=bool))

    def _without_bodies(self, items: list[LinkItem], like: _Scorer) -> None:
        """This scorer as ``like`` without the "B:" words of the bodies its items name, taken from ``like``'s
        arrays: the other words keep their number of items, so their weight, and their order (the same scorer
        as reading every item again, a fifth of the time)."""
        keep_feature = {t: t[0] != "B" for t in like._column}
        # once a text (the items of one text share ``like``'s reading of it)
        without: dict[str, frozenset[str]] = {}
        for it in items:
            if it.text not in without:
                without[it.text] = frozenset(t for t in like.features[it.id] if keep_feature[t])
        self.features = {it.id: without[it.text] for it in items}
        self.stages = {it.id: like.stages[it.id] for it in items}
        self._df = Counter({t: d for t, d in like._df.items() if keep_feature[t]})
        self.idf = {t: v for t, v in like.idf.items() if keep_feature[t]}
        idf_of = self.idf.__getitem__
        total_of = {t: math.fsum(map(idf_of, f)) for t, f in without.items()}
        self.total = {it.id: total_of[it.text] for it in items}
        keep = np.fromiter(keep_feature.values(), dtype=bool, count=len(keep_feature))
        renumber = np.cumsum(keep) - 1
        self._column = {t: int(k) for t, k in zip(like._column, renumber, strict=True) if keep_feature[t]}
        self._lexicon_cache = {}
        self._clause_features = {}
        self._weights = like._weights[keep]
        self._pos = like._pos
        kept = keep[like._indices]
        rows = np.repeat(np.arange(len(items)), np.diff(like._indptr))
        self._indptr = np.zeros(len(items) + 1, dtype=np.int64)
        self._indptr[1:] = np.cumsum(np.bincount(rows[kept], minlength=len(items)))
        self._indices = renumber[like._indices[kept]]
        self._totals = np.array([self.total[it.id] for it in items], dtype=np.float64)
        self._items = like._items
        self._tags, self._percents, self._quoted, self._events, self._places, self._diseases = (
            like._tags, like._percents, like._quoted, like._events, like._places, like._diseases)
        self._item_at, self._staged, self._by_place = like._item_at, like._staged, like._by_place

    @staticmethod
    def _tag_array(items: Sequence[LinkItem], of: Any) -> np.ndarray:
        """0/1 rows of what each item names (its bodies, or citations, or themes)."""
        names: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        for k, it in enumerate(items):
            for x in of(it):
                rows.append(k)
                cols.append(names.setdefault(x, len(names)))
        out = np.zeros((len(items), max(1, len(names))))
        out[rows, cols] = 1.0
        return out

    def text_score(self, text: str, b: LinkItem) -> float:
        """The overlap-and-cosine part of :meth:`score` for a piece of an item's text (a clause) against ``b``."""
        read = self._clause_features.get(text)
        if read is None:  # a clause is scored against every candidate result: read once, its weight summed once
            fa = self.idf.keys() & _features(text, self.bodies)  # a set (the view's &), as annotated
            read = self._clause_features[text] = (fa, math.fsum(self.idf[t] for t in fa))
        fa, wa = read
        shared = fa & self.features[b.id]
        if not shared:
            return 0.0
        wb = self.total[b.id]
        ws = math.fsum(self.idf[t] for t in shared)
        return 0.45 * ws / max(1e-9, min(wa, wb)) + 0.55 * ws / max(1e-9, math.sqrt(wa * wb))

    def stage_bonus(self, a: LinkItem, b: LinkItem, *, next_step: bool) -> float:
        """Evidence that ``b`` is the same step (a result) or a next step (a later task) of ``a``'s procedure."""
        sa, sb = self.stages[a.id], self.stages[b.id]
        best = 0.0
        for pid, (a_first, a_last) in sa.items():
            if pid in sb:
                b_first, b_last = sb[pid]
                # a next step goes further than ``a`` and starts at most two stages after it
                if next_step and b_last > a_last and b_first >= a_first and b_first - a_last <= 2:
                    best = max(best, STAGE_NEXT)
                elif b_first <= a_last and a_first <= b_last:
                    best = max(best, STAGE_SAME)
        return best

    def score(self, a: LinkItem, b: LinkItem, *, next_step: bool = False, answer: bool = False) -> float:
        """``answer``: ``b`` is a result ``a``, a task, may be answered by (:data:`OTHER_PLACE_ANSWER`)."""
        fa, fb = self.features[a.id], self.features[b.id]
        shared = fa & fb
        stage = self.stage_bonus(a, b, next_step=next_step)
        if not shared:
            return stage
        idf = self.idf
        wa, wb, ws = self.total[a.id], self.total[b.id], math.fsum(idf[t] for t in shared)
        overlap = ws / max(1e-9, min(wa, wb))
        cosine = ws / max(1e-9, math.sqrt(wa * wb))
        s = 0.45 * overlap + 0.55 * cosine
        bonus = 0.0
        if a.bodies & b.bodies:
            bonus += 0.03
        if a.citations & b.citations:
            bonus += 0.08
        elif a.citations and b.citations:
            bonus -= OTHER_DIRECTIVE  # each cites a directive, not the same one
        if a.themes and b.themes:
            common = len(a.themes & b.themes)
            bonus += 0.05 * common / len(a.themes | b.themes)
            if not common:
                bonus -= 0.05
        if _near_target(self._percents[a.id], self._percents[b.id]):
            bonus += TARGET_BONUS
        if _other_quoted(self._quoted[a.id], self._quoted[b.id]):
            bonus -= OTHER_QUOTED
        if self._events[a.id] & self._events[b.id]:
            bonus += SAME_EVENT
        if _none_shared(self._places[a.id], self._places[b.id]):
            bonus -= OTHER_PLACE_ANSWER if answer else OTHER_PLACE
        if _none_shared(self._diseases[a.id], self._diseases[b.id]):
            bonus -= OTHER_DISEASE
        return max(0.0, min(1.0, s + bonus + stage))

    def _rows_of(self, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(row, feature column) of every feature of the items at ``positions``."""
        starts = self._indptr[positions]
        lengths = self._indptr[positions + 1] - starts
        rows = np.repeat(np.arange(len(positions)), lengths)
        offsets = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        return rows, self._indices[np.repeat(starts, lengths) + offsets]

    def matrix(self, left: Sequence[str], right: Sequence[str], *, next_step: bool = False, answer: bool = False) -> np.ndarray:
        """``score`` of every (left, right) pair of item ids, as a ``len(left) × len(right)`` array."""
        if not left or not right:
            return np.zeros((len(left), len(right)))
        lp, rp = self._places_of(left), self._places_of(right)
        lrows, lcols = self._rows_of(lp)
        rrows, rcols = self._rows_of(rp)
        # only the features both sides hold: a feature of one side alone adds nothing to what they share
        # (marked in arrays as long as the unit's features: no sort, no search)
        both = np.zeros(len(self._weights), dtype=bool)
        both[lcols] = True
        on_right = np.zeros(len(self._weights), dtype=bool)
        on_right[rcols] = True
        both &= on_right
        columns = np.flatnonzero(both)
        place = np.zeros(len(self._weights), dtype=np.int64)
        place[columns] = np.arange(len(columns))
        lkeep, rkeep = both[lcols], both[rcols]
        lrows, lcols, rrows, rcols = lrows[lkeep], lcols[lkeep], rrows[rkeep], rcols[rkeep]
        a = np.zeros((len(left), len(columns)))
        a[lrows, place[lcols]] = self._weights[lcols]
        b = np.zeros((len(right), len(columns)))
        b[rrows, place[rcols]] = 1.0
        shared = a @ b.T
        wa = self._totals[lp][:, None]
        wb = self._totals[rp][None, :]
        overlap = shared / np.maximum(1e-9, np.minimum(wa, wb))
        cosine = shared / np.maximum(1e-9, np.sqrt(wa * wb))
        s = 0.45 * overlap + 0.55 * cosine
        _, citations, themes = self._tags
        s += 0.03 * self._body_at(lp, rp)
        cited = citations[lp] @ citations[rp].T
        s += np.where(cited > 0, 0.08, np.where(citations[lp].sum(axis=1)[:, None] * citations[rp].sum(axis=1)[None, :] > 0,
                                                -OTHER_DIRECTIVE, 0.0))
        tl, tr = themes[lp], themes[rp]
        common = tl @ tr.T
        na, nb = tl.sum(axis=1)[:, None], tr.sum(axis=1)[None, :]
        union = np.maximum(1.0, na + nb - common)
        s += np.where((na > 0) & (nb > 0), np.where(common > 0, 0.05 * common / union, -0.05), 0.0)
        s += TARGET_BONUS * self._flags(lp, rp, "percents", _near_target)
        s -= OTHER_QUOTED * self._flags(lp, rp, "quoted", _other_quoted)
        s += SAME_EVENT * self._flags(lp, rp, "events", _share_any)
        s -= (OTHER_PLACE_ANSWER if answer else OTHER_PLACE) * self._flags(lp, rp, "places", _none_shared)
        s -= OTHER_DISEASE * self._flags(lp, rp, "diseases", _none_shared)
        stage = self._stage_at(lp, rp, next_step=next_step)
        return np.where(shared > 0, np.clip(s + stage, 0.0, 1.0), stage)

    def paraphrase_matrix(self, left: Sequence[str], right: Sequence[str], *, succession: bool = False) -> np.ndarray:
        """For every (task, result) pair, the sum of the weights of :func:`paraphrase_lexicon`'s word pairs it
        holds: a word of the task answered by a word of the result ("tặng quà" → "suất quà", "giao nhận quân"
        → "nhập ngũ"). One product of three matrices over the unit's words the lexicon names.
        ``succession``: :func:`succession_lexicon`'s pairs instead, a task's words against a later plan's task's
        ("kiểm đếm" → "phương án bồi thường", "sơ tuyển" → "khám tuyển")."""
        if not left or not right:
            return np.zeros((len(left), len(right)))
        lexicon = self._lexicon(succession)
        if lexicon is None:
            return np.zeros((len(left), len(right)))
        a_col, b_col, w = lexicon
        lp, rp = self._places_of(left), self._places_of(right)
        lrows, lcols = self._rows_of(lp)
        rrows, rcols = self._rows_of(rp)
        la, rb = a_col[lcols], b_col[rcols]
        lk, rk = la >= 0, rb >= 0
        # only the lexicon's rows the left items hold and its columns the right items hold (a block, a small part of the unit)
        a_used, la_at = _used(la[lk], w.shape[0])
        b_used, rb_at = _used(rb[rk], w.shape[1])
        lm = np.zeros((len(left), len(a_used)))
        lm[lrows[lk], la_at] = 1.0
        rm = np.zeros((len(right), len(b_used)))
        rm[rrows[rk], rb_at] = 1.0
        return lm @ w[np.ix_(a_used, b_used)] @ rm.T

    def _lexicon(self, succession: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """The lexicon restricted to this unit's words, once: for each feature column its row among the task
        words (-1: none) and its column among the result words, and the weights between them."""
        cached = self._lexicon_cache.get(succession)
        if cached is not None:
            return cached or None
        words, first, pairs_b, pairs_w = _lexicon_arrays(succession)
        if not len(words):
            self._lexicon_cache[succession] = ()
            return None
        # each of the unit's feature columns as a lexicon word (-1: not one); the pairs whose two words the unit holds
        get = words.get
        lex_of = np.fromiter((get(t, -1) for t in self._column), dtype=np.int64, count=len(self._column))
        col_of = np.full(len(words), -1, dtype=np.int64)
        held = np.flatnonzero(lex_of >= 0)
        col_of[lex_of[held]] = held
        a_cols = held[first[lex_of[held] + 1] > first[lex_of[held]]]  # columns with a pair, in column order
        starts, ends = first[lex_of[a_cols]], first[lex_of[a_cols] + 1]
        lengths = ends - starts
        at = np.repeat(starts, lengths) + (np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths))
        pa = np.repeat(a_cols, lengths)
        pb = col_of[pairs_b[at]]
        keep = pb >= 0
        pa, pb, pw = pa[keep], pb[keep], pairs_w[at][keep]
        if not len(pa):
            self._lexicon_cache[succession] = ()
            return None
        column = self._column
        a_ids = np.unique(pa)
        b_ids = np.unique(pb)
        a_col = np.full(len(column), -1, dtype=np.int64)
        a_col[a_ids] = np.arange(len(a_ids))
        b_col = np.full(len(column), -1, dtype=np.int64)
        b_col[b_ids] = np.arange(len(b_ids))
        w = np.zeros((len(a_ids), len(b_ids)))
        w[a_col[pa], b_col[pb]] = pw
        self._lexicon_cache[succession] = (a_col, b_col, w)
        return a_col, b_col, w

    def _places_of(self, ids: Sequence[str]) -> np.ndarray:
        """The places of items (by id) in the scorer's arrays."""
        return np.fromiter(map(self._pos.__getitem__, ids), dtype=np.int64, count=len(ids))

    def body_matrix(self, left: Sequence[str], right: Sequence[str]) -> np.ndarray:
        """True where both items name a body in common."""
        return self._body_at(self._places_of(left), self._places_of(right))

    def _body_at(self, lp: np.ndarray, rp: np.ndarray) -> np.ndarray:
        bodies = self._tags[0]
        return (bodies[lp] @ bodies[rp].T) > 0

    def _flags(self, lp: np.ndarray, rp: np.ndarray, reading: str, hit: Any) -> np.ndarray:
        """1 where ``hit(left item's reading, right item's reading)``, tried only for the items whose reading is not
        empty (items at places ``lp`` and ``rp``)."""
        values, held = self._by_place[reading]
        out = np.zeros((len(lp), len(rp)))
        xs, ys = np.flatnonzero(held[lp]), np.flatnonzero(held[rp])
        if not len(xs) or not len(ys):
            return out
        rv = [(y, values[q]) for y, q in zip(ys.tolist(), rp[ys].tolist(), strict=True)]
        for x, q in zip(xs.tolist(), lp[xs].tolist(), strict=True):
            a = values[q]
            for y, b in rv:
                if hit(a, b):
                    out[x, y] = 1.0
        return out

    def stage_matrix(self, left: Sequence[str], right: Sequence[str], *, next_step: bool) -> np.ndarray:
        """:meth:`stage_bonus` of every (left, right) pair of item ids (only items at a stage of a procedure are tried)."""
        return self._stage_at(self._places_of(left), self._places_of(right), next_step=next_step)

    def _stage_at(self, lp: np.ndarray, rp: np.ndarray, *, next_step: bool) -> np.ndarray:
        stage = np.zeros((len(lp), len(rp)))
        xs, ys = np.flatnonzero(self._staged[lp]), np.flatnonzero(self._staged[rp])
        if not len(xs) or not len(ys):
            return stage
        item_at = self._item_at
        staged_r = [(y, item_at[q]) for y, q in zip(ys.tolist(), rp[ys].tolist(), strict=True)]
        for x, q in zip(xs.tolist(), lp[xs].tolist(), strict=True):
            a = item_at[q]
            for y, b in staged_r:
                stage[x, y] = self.stage_bonus(a, b, next_step=next_step)
        return stage


def _used(values: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(values, return_inverse=True)`` of numbers in ``range(size)``, by marking them in an array of ``size``
    (no sort).

    >>> [a.tolist() for a in _used(np.array([5, 2, 5, 0]), 7)]
    [[0, 2, 5], [2, 1, 2, 0]]
    """
    held = np.zeros(size, dtype=bool)
    held[values] = True
    used = np.flatnonzero(held)
    place = np.cumsum(held) - 1
    return used, place[values]


def _share_any(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a & b)


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


def _percents(text: str) -> tuple[float, ...]:
    """The percentages an item writes ("95%", "91,2 %"); 100% left out (every kind of work can be "100%")."""
    out = []
    for m in _PERCENT.finditer(text):
        v = _num(m.group(1))
        if 0 < v < 100:
            out.append(v)
    return tuple(out)


_QUOTE = re.compile(r'["“”„«»]([^"“”„«»\n]{3,80})["“”„«»]')
_QUOTES = frozenset('"“”„«»')


#: a task that says its work goes on: "Duy trì …", "Tiếp tục …", "Thường xuyên …" (after its body, if named first)
_GOES_ON = re.compile(r"^(?:[^:]{0,60}:\s*)?(?:duy tri|tiep tuc|thuong xuyen|dinh ky)\b")


_ANNIVERSARY = re.compile(r"\bky niem\b")
_DAY_MONTH = re.compile(r"(?<![\d/])([0-3]?\d)/([01]?\d)(?:/(?:19|20)\d\d)?(?![\d/])")


def _quoted(text: str) -> tuple[frozenset[str], ...]:
    """The words of each name ``text`` puts in quotes (a model, a campaign, a contest, a slogan), and the days
    of the anniversaries it marks ("kỷ niệm … Ngày Nhà giáo Việt Nam 20/11" is "@20/11").

    >>> _quoted('Kỷ niệm 96 năm Ngày thành lập Hội LHPN (20/10/1930 - 20/10/2026), phát động "Phụ nữ tự tin"') == (
    ...     frozenset({"phu", "nu", "tu", "tin"}), frozenset({"@20/10"}))
    True
    """
    names = [frozenset(_WORDS.findall(fold(m.group(1)).lower())) for m in _QUOTE.finditer(text)] if _QUOTES.intersection(text) else []
    f = _fold(text)
    if "ky niem" in f and _ANNIVERSARY.search(f):
        days = _marked_days(f)
        if days:
            names.append(days)
    return tuple(names)


_PLACE_WORD = re.compile(
    r"\b(?:tổ dân phố|khu phố|khu dân cư|tổ|thôn|ấp|xóm|bản|khối|buôn|làng|đường|phố|tuyến|hẻm|ngõ|kiệt|sông|suối|kênh|"
    r"hồ|đê|kè|cầu|chợ|trường|chi bộ|trạm|nhà văn hóa|khu)\s+(?:số\s+)?", re.IGNORECASE)
_PLACE_WORD_LOW = re.compile(_PLACE_WORD.pattern)
#: letters a case-blind match reads as another letter than their lower case is
_CASE_ODD = re.compile("[\u017f\u0131\u212a\u212b\u1e9e\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1e9b\u1fbe]")
_NAME_WORD = re.compile(r"[^\W\d_][\w]*|\d+[A-Za-z]?\b")


def _places(text: str) -> frozenset[str]:
    """The names of the places an item names, folded: a capitalised name or a number after a place word
    ("tổ dân phố Bến Ngự", "khu phố 3", "đường Trần Phú", "Trường Mầm non Hoa Sen").

    >>> sorted(_places("Gia cố 03 điểm sạt lở bờ sông Ngàn Thương đoạn tổ dân phố Bến Ngự và khu phố 3."))
    ['3', 'ben ngu', 'ngan thuong']
    >>> sorted(_places("Chi bộ Tổ dân phố 3 và Chi bộ Thôn Đông phát thẻ cử tri")), sorted(_places("Chi bộ Khu phố 5"))
    (['3', 'dong'], ['5'])
    """
    out = set()
    # the case-blind pattern costs three times the same pattern over the text in lower case, where lowering keeps
    # every character's place and reads no letter otherwise than the case-blind match would ("ſ", "ı", "K" do)
    low = text.lower()
    scan = _PLACE_WORD_LOW.finditer(low) if len(low) == len(text) and not _CASE_ODD.search(text) else _PLACE_WORD.finditer(text)
    for m in scan:
        words: list[re.Match[str]] = []
        for w in _NAME_WORD.finditer(text, m.end()):
            if text[m.end() if not words else words[-1].end():w.start()].strip():
                break  # a name is words in a row, with nothing but spaces between them
            if w.group()[0].isdigit():
                if not words:
                    words.append(w)
                break
            if not w.group()[0].isupper():
                break
            words.append(w)
        # "Chi bộ Tổ dân phố 3": the place is the one the next place word names, not "Tổ"
        if words and not _PLACE_WORD.match(text, words[0].start()):
            out.add(_fold(text[words[0].start():words[-1].end()]))
    return frozenset(out)


_ITEM_NUMBER = re.compile(r"(?:^|\.)(\d{1,3})$")
#: "nhiệm vụ số 5 và số 6", "(nhiệm vụ 4)", "Nhiệm vụ 12: ..." (folded); not "nhiệm vụ 6 tháng cuối năm"
_TASK_REF = re.compile(
    r"(?:\bnhiem vu so[ ]+|\(nhiem vu[ ]+|^[-+•*]?[ ]*nhiem vu[ ]+(?=\d{1,3}[ ]*(?:[:,(]|tai\b|theo\b|va\b)))"
    r"(\d{1,3}(?:[ ]*(?:,|va)[ ]*(?:so[ ]+)?\d{1,3})*)(?![\d/.,]?\d)(?![ ]+(?:thang|nam|quy)\b)")


def item_number(path: str | None) -> str | None:
    """The number an item's document gives it, from its path ("III.7" -> "7", "2.b1" -> None): what a later report cites.

    >>> item_number("III.7"), item_number("12"), item_number("III.1.b2"), item_number(None)
    ('7', '12', None, None)
    """
    m = _ITEM_NUMBER.search(path or "")
    return str(int(m.group(1))) if m else None


def task_refs(text: str) -> frozenset[str]:
    """The numbers of the tasks a result says it answers.

    >>> sorted(task_refs("Nhiệm vụ số 5 và số 6 tại Thông báo số 47-TB/ĐU: danh sách cử tri đã niêm yết"))
    ['5', '6']
    >>> sorted(task_refs("(nhiệm vụ 12) Đã xong dự thảo")), sorted(task_refs("Nhiệm vụ 3, 4: đã hoàn thành"))
    (['12'], ['3', '4'])
    >>> task_refs("Thực hiện nhiệm vụ 6 tháng cuối năm"), task_refs("hoàn thành 22 nhiệm vụ")
    (frozenset(), frozenset())
    """
    f = _fold(text)
    if "nhiem vu" not in f:
        return frozenset()
    return frozenset(str(int(n)) for m in _TASK_REF.finditer(f) for n in re.findall(r"\d{1,3}", m.group(1)))


#: a task's code that an office keeps from plan to report ("NV 04.03" for April's third task, "NV-04/03"), folded
_TASK_CODE = re.compile(r"\bnv[ ]*[-.]?[ ]*(\d{1,2})[./-](\d{1,3})\b")


def task_codes(text: str) -> frozenset[str]:
    """The task codes a text names (a plan's own task, or a result saying which ones it answers), as "month.number".

    >>> sorted(task_codes("NV 03.01 và NV 03.02 – Bầu cử đại biểu Quốc hội: ngày 15/3 ...")), task_codes("NV trọng tâm T2:")
    (['3.1', '3.2'], frozenset())
    """
    f = _fold(text)
    if "nv" not in f:
        return frozenset()
    return frozenset(f"{int(a)}.{int(b)}" for a, b in _TASK_CODE.findall(f))


def _code_matrix(planned: Sequence[str], result_ids: Sequence[str], items: dict[str, LinkItem]) -> np.ndarray:
    """+1 where a result names the code of a task of the plan ("NV 04.03 – ...: đã hoàn thành", hand SB), -1 where it
    names codes and not that task's, 0 elsewhere (a task whose code another task of the plan shares says nothing)."""
    out = np.zeros((len(planned), len(result_ids)))
    refs = [task_codes(items[r].text[:160]) for r in result_ids]
    if not any(refs):
        return out
    own = [task_codes(items[t].text[:40]) for t in planned]
    seen = Counter(c for codes in own for c in codes)
    for x, codes in enumerate(own):
        code = next(iter(codes)) if len(codes) == 1 else None
        if code is None or seen[code] > 1:
            continue
        for y, r in enumerate(refs):
            if r:
                out[x, y] = 1.0 if code in r else -1.0
    return out


def _ref_matrix(planned: Sequence[str], result_ids: Sequence[str], items: dict[str, LinkItem], docs: Sequence[LinkDoc]) -> np.ndarray:
    """+1 where a result names the number of a task of the plan (of the notice it cites, when it cites one of the
    unit's), -1 where it names another number of that plan, 0 elsewhere (a number two tasks of one plan share says nothing);
    a task's code kept from plan to report (:func:`_code_matrix`) the same way."""
    out = _code_matrix(planned, result_ids, items)
    refs = [task_refs(items[r].text) for r in result_ids]
    if not any(refs):
        return out
    numbered: dict[str, Counter[str]] = defaultdict(Counter)
    for tid in planned:
        t = items[tid]
        if t.number:
            numbered[t.doc_id][t.number] += 1
    keys = {d.own_key: d.id for d in docs if d.own_key}
    for y, rid in enumerate(result_ids):
        if not refs[y]:
            continue
        cited = {keys[k] for k in items[rid].citations if k in keys}
        for x, tid in enumerate(planned):
            t = items[tid]
            if not t.number or numbered[t.doc_id][t.number] > 1 or (cited and t.doc_id not in cited):
                continue
            if out[x, y] == 0:
                out[x, y] = 1.0 if t.number in refs[y] else -1.0
    return out


#: diseases of people and animals the genre's campaigns name (lower-cased, with accents: folded, "dại" would be "đại"),
#: each to one key; "dại" and "lao" only where they are a disease ("bệnh dại", "phòng, chống lao")
_DISEASES = (
    (r"sởi|rubella", "soi"), (r"bạch hầu|ho gà|uốn ván", "bach-hau"), (r"bại liệt", "bai-liet"),
    (r"viêm gan b", "viem-gan-b"), (r"viêm não nhật bản", "viem-nao"),
    (r"(?:bệnh|phòng|chống|vắc[ -]?xin|vacxin|vaccine|chó|mèo)[ ]+dại", "dai"), (r"lở mồm long móng|lmlm", "lmlm"),
    (r"cúm gia cầm|cúm a|h5n1|h5n6|h7n9", "cum-gia-cam"), (r"tai xanh", "tai-xanh"),
    (r"dịch tả (?:lợn|heo)|tả (?:lợn|heo) châu phi", "ta-lon"), (r"viêm da nổi cục", "viem-da"),
    (r"sốt xuất huyết|muỗi vằn|lăng quăng|bọ gậy", "sxh"), (r"tay chân miệng", "tcm"), (r"covid", "covid"),
    (r"(?:bệnh|chống|phòng)[ ]+lao\b|lao phổi", "lao"), (r"hiv|aids", "hiv"), (r"sốt rét", "sot-ret"),
    (r"đậu mùa khỉ", "dau-mua-khi"),
)
_DISEASE = re.compile(r"\b(?:" + "|".join(f"(?P<d{k}>{p})" for k, (p, _) in enumerate(_DISEASES)) + r")\b")
#: a piece of every option of :data:`_DISEASES` (lower-cased): a text without any holds no disease (most do not)
_DISEASE_PIECES = (
    "sởi", "rubella", "bạch hầu", "ho gà", "uốn ván", "bại liệt", "viêm", "dại", "lmlm", "lở mồm", "cúm", "h5n", "h7n9",
    "tai xanh", "tả ", "sốt", "muỗi vằn", "lăng quăng", "bọ gậy", "tay chân miệng", "covid", "lao", "hiv", "aids", "đậu mùa",
)


def _diseases(text: str) -> frozenset[str]:
    """The diseases of people and animals an item names (one key each: "sởi - rubella" is one).

    >>> sorted(_diseases("Tiêm vắc xin sởi - rubella cho trẻ em; phun thuốc diệt muỗi phòng sốt xuất huyết.")), _diseases("Đại hội")
    (['soi', 'sxh'], frozenset())
    >>> sorted(_diseases("Tiêm vắc xin phòng dại cho 1.240 con chó, mèo")), sorted(_diseases("lao động, phòng chống lao"))
    (['dai'], ['lao'])
    """
    low = text.lower()
    if not any(piece in low for piece in _DISEASE_PIECES):
        return frozenset()
    return frozenset(_DISEASES[int(m.lastgroup[1:])][1] for m in _DISEASE.finditer(low) if m.lastgroup)


def _none_shared(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both items name some (places, diseases), and none of one is one of the other."""
    return bool(a) and bool(b) and not (a & b)


def _marked_days(folded: str) -> frozenset[str]:
    """The days a folded text names as "@d/m": written ("20/11", "30/4/1975") or a national day named ("quốc khánh")."""
    days = {f"@{int(d)}/{int(m)}" for d, m in _DAY_MONTH.findall(folded) if 1 <= int(m) <= 12 and 1 <= int(d) <= 31}
    return frozenset(days | {day for phrase, day in _NATIONAL_DAYS if phrase in folded})


_EVENT = re.compile(r"\b(?:ky niem|chao mung|nhan dip|nhan ngay|huong ung|dip le|le ky niem)\b")
#: a word every one of :data:`_EVENT`'s phrases holds
_EVENT_WORDS = ("ky niem", "chao mung", "nhan dip", "nhan ngay", "huong ung", "dip le")


def _event_days(text: str) -> frozenset[str]:
    """The days of the events an item marks ("kỷ niệm … (30/4/1975 - 30/4/2026)", "chào mừng ngày 30/4 và 01/5",
    "kỷ niệm Ngày Quốc tế Lao động"); none when it marks no event.

    >>> sorted(_event_days("Treo cờ tại 12/12 thôn; giải bóng chuyền chào mừng ngày 30/4 và 01/5"))
    ['@1/5', '@12/12', '@30/4']
    """
    f = _fold(text)
    # the words of an event, looked for as they are before the pattern checks where they stand
    if not any(w in f for w in _EVENT_WORDS):
        return frozenset()
    return _marked_days(f) if _EVENT.search(f) else frozenset()


#: the national days a notice marks, by the words it names them with (folded), and their day
_NATIONAL_DAYS = (
    ("thanh lap dang", "@3/2"), ("quoc te phu nu", "@8/3"), ("thanh lap doan", "@26/3"), ("giai phong mien nam", "@30/4"),
    ("quoc te lao dong", "@1/5"), ("ngay sinh chu tich ho chi minh", "@19/5"), ("gia dinh viet nam", "@28/6"),
    ("thuong binh", "@27/7"), ("cach mang thang tam", "@19/8"), ("quoc khanh", "@2/9"), ("phu nu viet nam", "@20/10"),
    ("mat tran to quoc", "@18/11"), ("nha giao viet nam", "@20/11"), ("quan doi nhan dan", "@22/12"),
)


def _other_quoted(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> bool:
    """Both items quote a name, and none of one's names shares half its words with one of the other's.

    >>> _other_quoted(_quoted('mô hình "Tổ dân phố số"'), _quoted('mô hình "Chi bộ bốn tốt"'))
    True
    >>> _other_quoted(_quoted('Ngày hội "Đại đoàn kết toàn dân tộc"'), _quoted('Ngày hội “Đại đoàn kết” ở 12 khu'))
    False
    """
    if not a or not b:
        return False
    return not any(len(x & y) * 2 >= min(len(x), len(y)) for x in a for y in b if x and y)


def _near_target(task: Sequence[float], result: Sequence[float]) -> bool:
    """A result's figure reached toward a task's target: within 15 points below it to 5 above ("95%" -> "91,2%")."""
    return any(t - 15 <= r <= t + 5 for t in task for r in result)


def _num(s: str) -> float:
    return float(s.replace(".", "").replace(",", "."))


#: a result that says the task was not carried out at all: no follow-through (ANNOTATION: done or partial only)
_NOT_DONE = re.compile(r"(?:chưa|không)\s+(?:thực hiện|tổ chức|triển khai|tiến hành|khởi công)\b(?!\s+(?:xong|được\s+\d))")


#: a status that the task was not done at all, and nothing more: "Chưa thực hiện do ...", "chưa triển khai; chuyển sang
#: tháng 7", "Không tổ chức được."
_NOTHING_DONE = re.compile(
    r"(?:vẫn\s+)?(?:chưa|không)\s+(?:thể\s+)?(?:thực hiện|tổ chức|triển khai|tiến hành|khởi công|ban hành)(?:\s+được)?\s*(?:[,;.(]|do\b|vì\b|bởi\b|$)")


#: the task as the subject, then that it could not be done and why: "Hội nghị đối thoại ... chưa tổ chức được do ...",
#: "Việc khởi công nhà văn hóa ... chưa thực hiện được do ..."; the subject names no part of it ("còn 03 chi bộ", "2/5
#: hộ", a clause before a comma that reports what was done)
_SUBJECT_NOT_DONE = re.compile(
    r"(?P<subject>[^,;:]+?)\s(?:vẫn\s+)?(?:chưa|không)\s+(?:thể\s+)?(?:thực hiện|tổ chức|triển khai|tiến hành|khởi công|"
    r"ban hành|diễn ra)\s+được\s*,?\s+(?:do|vì|bởi)\s")
_PART_OF_IT = re.compile(r"\d|%|\b(?:còn|một số|nhiều|một phần|phần)\b")
#: what names the task rather than a part of it: a year, a term, a date, a document's number
_NAMING_FIGURES = re.compile(r"\bnăm\s+\d{4}|\d{4}\s*[-–]\s*\d{4}|\d{1,2}/\d{1,2}(?:/\d{4})?|\d+/[a-zđ]")

#: a result that opens by naming its task ("Về việc ...:", "Đối với nhiệm vụ ...:", "Nhiệm vụ ...:")
_NAMES_ITS_TASK = re.compile(r"(?:về\s+(?:việc|nhiệm vụ)|đối\s+với|riêng|nhiệm\s+vụ)\s")


def not_done(text: str) -> bool:
    """Whether a result says its task was not carried out: "Chưa thực hiện", "Chưa tổ chức, lùi sang tháng 7"; in a
    follow-up table's row ("Nhiệm vụ ... | Chưa thực hiện"), what its last cell says.

    >>> not_done("Giám sát chuyên đề việc thu, nộp đảng phí tại 04 chi bộ | Chưa thực hiện")
    True
    >>> not_done("Chưa tổ chức, lùi sang tháng 7 theo hướng dẫn của Bộ Chỉ huy Quân sự tỉnh")
    True
    >>> not_done("Đã kiểm tra 14 cơ sở; 02 cơ sở chưa thực hiện đúng quy định về phòng cháy")
    False
    >>> not_done("Về việc kiểm kê, bàn giao tài sản công dôi dư: chưa thực hiện do chưa có hướng dẫn của Sở Tài chính.")
    True
    >>> not_done("Về công tác kiểm tra: chưa thực hiện đúng kế hoạch ở 02 chi bộ, đã kiểm tra 05 chi bộ.")
    False
    >>> not_done("Hội nghị đối thoại với nông dân về chuyển đổi cây trồng chưa thực hiện được do tập trung thu hoạch lúa.")
    True
    >>> not_done("Việc khởi công nhà văn hóa thôn Đồng Chằm chưa thực hiện được do hồ sơ chưa được thẩm định.")
    True
    >>> not_done("28/31 chi bộ đã xong kiểm điểm, còn 03 chi bộ chưa tổ chức được do có đảng viên đi công tác.")
    False
    >>> not_done("Còn 02 hộ chưa thực hiện được do vắng nhà dài ngày.")
    False
    >>> not_done("Kế hoạch chuyển đổi số năm 2024 của xã chưa ban hành được do chờ hướng dẫn khung của huyện.")
    True
    >>> not_done("Giải tỏa vỉa hè đường 30 Tháng 4, Hẻm 12: Chưa thực hiện do tập trung cho bầu cử; chuyển sang tháng 4.")
    True
    >>> not_done("Kiểm tra 05 chi bộ: chưa thực hiện đúng kế hoạch ở 02 chi bộ, đã kiểm tra 03 chi bộ.")
    False
    """
    own = text.rsplit(" | ", 1)[-1].lstrip(" -–+•").lower()
    if _NOT_DONE.match(own):
        return True
    m = _SUBJECT_NOT_DONE.match(own)
    if m is not None and _PART_OF_IT.search(_NAMING_FIGURES.sub(" ", m["subject"])) is None:
        return True
    # the task named, then what became of it: "Về việc giải tỏa ki-ốt ...: chưa thực hiện do ..."; a label that
    # names it in a few words, then that it was not done at all and why ("Giải tỏa vỉa hè đường 30 Tháng 4: Chưa
    # thực hiện do ...; chuyển sang tháng 4"), not that it was done short of the plan ("chưa thực hiện đúng ...")
    named, colon, status = own.partition(":")
    if not colon:
        return False
    status = status.lstrip(" -–")
    if _NAMES_ITS_TASK.match(named) is not None and _NOT_DONE.match(status) is not None:
        return True
    return len(named.split()) <= 16 and _NOTHING_DONE.match(status) is not None


_NUMBER_CELL = re.compile(r"\d{1,3}(?:[.]\d{3})*(?:,\d+)?")


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
    >>> verdict_of_result("Tài khoản định danh điện tử mức 2 kích hoạt mới (tài khoản) | 400 | 352 | 88,0")
    'partial'
    >>> verdict_of_result("Thu ngân sách nhà nước trên địa bàn (tỷ đồng) | 4,0 | 4,38 | 109,5")
    'done'
    """
    # a row of a table of indicators, "Thu ngân sách (tỷ đồng) | 4,0 | 4,38 | 109,5": its last cell is the share of the
    # plan reached (of the last month, when the table gives two)
    cells = [c.strip() for c in text.split(" | ")]
    if len(cells) >= 4 and all(_NUMBER_CELL.fullmatch(c) for c in cells[-3:]):
        return "done" if _num(cells[-1]) >= 100 else "partial"
    f = _fold(text)
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
    return shift_month(period, 1) if period and len(period) >= 7 else None


def align(pairs: Iterable[tuple[float, str, str]], minimum: float, extra: float) -> list[tuple[float, str, str]]:
    """Pairs ``(score, left, right)`` taken best first, each side once; a second partner only at ``extra``.

    >>> align([(0.9, "t1", "r1"), (0.8, "t1", "r2"), (0.5, "t2", "r1"), (0.3, "t2", "r3")], 0.2, 0.85)
    [(0.9, 't1', 'r1'), (0.3, 't2', 'r3')]
    >>> align([(0.9, "t1", "r1"), (0.88, "t1", "r2")], 0.2, 0.85)
    [(0.9, 't1', 'r1'), (0.88, 't1', 'r2')]

    A pair whose two sides each have a better partner is not taken as well:

    >>> align([(0.95, "t1", "r1"), (0.92, "t2", "r2"), (0.9, "t1", "r2")], 0.2, 0.85)
    [(0.95, 't1', 'r1'), (0.92, 't2', 'r2')]
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
    partner_l = {a: s for s, a, _ in out}
    partner_r = {b: s for s, _, b in out}
    for s, a, b in ranked:  # one result for two tasks, two results for one task: only when it is as clear
        if s >= extra and (s, a, b) not in out:
            if s < min(partner_l.get(a, s), partner_r.get(b, s)):
                # the task and the result each have a better partner: two pairs crossed, not one answer to two
                # ("học bù cho 88 đảng viên" and "dự thảo Chương trình hành động" each answer their own task)
                continue
            out.append((s, a, b))
    return sorted(out, key=lambda p: (-p[0], p[1], p[2]))


#: the features of a (task, later task) pair the carry-over model weighs, in its order
CARRY_FEATURES = (
    "score", "score_with_bodies", "best_in_row", "best_in_column", "mutual_best", "row_margin", "column_margin",
    "done", "partial", "answered", "plan_after_next", "next_stage", "goes_on", "length_ratio", "same_body",
    "score^2", "score*mutual_best", "score*done", "score*plan_after_next", "score*score_with_bodies", "score*goes_on",
)
#: a pair scoring this little is never a carry-over (nor does the model see it)
CARRY_FLOOR = 0.05


def carry_features(
    scores: np.ndarray, with_bodies: np.ndarray, stage_next: np.ndarray, done: Sequence[bool], partial: Sequence[bool],
    answered: Sequence[bool], step: int, goes_on: Sequence[bool], lengths: tuple[Sequence[int], Sequence[int]],
    same_body: np.ndarray,
) -> np.ndarray:
    """The ``len(left) × len(later) × len(CARRY_FEATURES)`` features of one plan's tasks against a later plan's.

    ``scores``: the carry-over score (:meth:`_Scorer.matrix` without the bodies' words, a next step counted);
    ``with_bodies``: the same with them; where each pair stands in its row and its column (the best, and by how
    much); what the task's report said of it; whether the later plan is the one after next; whether the later task
    is the next stage of a procedure or work said to go on; the two texts' length ratio; a body both name.

    >>> f = carry_features(np.array([[0.6, 0.2]]), np.array([[0.5, 0.1]]), np.zeros((1, 2), bool), [True], [False],
    ...                    [True], 0, [False, True], ([100], [80, 40]), np.array([[True, False]]))
    >>> dict(zip(CARRY_FEATURES[:7], f[0, 0, :7].round(2).tolist()))
    {'score': 0.6, 'score_with_bodies': 0.5, 'best_in_row': 1.0, 'best_in_column': 1.0, 'mutual_best': 1.0, 'row_margin': 0.4, 'column_margin': 0.6}
    >>> float(f[0, 1, 12]), float(f[0, 1, 2]), round(float(f[0, 1, 5]), 2)
    (1.0, 0.0, -0.4)
    """
    nl, nr = scores.shape
    row_max = scores.max(axis=1, keepdims=True)
    col_max = scores.max(axis=0, keepdims=True)
    row_sorted = np.sort(scores, axis=1)
    col_sorted = np.sort(scores, axis=0)
    row_second = row_sorted[:, -2:-1] if nr > 1 else np.zeros((nl, 1))
    col_second = col_sorted[-2:-1, :] if nl > 1 else np.zeros((1, nr))
    best_row = scores >= row_max - 1e-12
    best_col = scores >= col_max - 1e-12
    row_margin = np.where(best_row, scores - row_second, scores - row_max)
    col_margin = np.where(best_col, scores - col_second, scores - col_max)
    mutual = (best_row & best_col).astype(float)
    per_left = np.array([done, partial, answered], dtype=float).reshape(3, nl)
    ratio = np.log(np.maximum(1, np.array(lengths[0], dtype=float))[:, None] / np.maximum(1, np.array(lengths[1], dtype=float))[None, :])
    go = np.broadcast_to(np.array(goes_on, dtype=float)[None, :], (nl, nr))
    dn = np.broadcast_to(per_left[0][:, None], (nl, nr))
    later = np.full((nl, nr), float(step > 0))
    columns = [
        scores, with_bodies, best_row.astype(float), best_col.astype(float), mutual, row_margin, col_margin,
        dn, np.broadcast_to(per_left[1][:, None], (nl, nr)), np.broadcast_to(per_left[2][:, None], (nl, nr)),
        later, stage_next.astype(float), go, ratio, same_body.astype(float),
        scores * scores, scores * mutual, scores * dn, scores * later, scores * with_bodies, scores * go,
    ]
    return np.stack(columns, axis=-1)


class CarryModel(NamedTuple):
    """A logistic regression over standardised :data:`CARRY_FEATURES`; a pair at ``threshold`` or above is a carry-over."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    threshold: float


def _read_lexicon(path: Path) -> dict[str, dict[str, float]]:
    if not path.exists():
        return {}
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for a, b, w in json.loads(path.read_text(encoding="utf-8"))["pairs"]:
        out[a][b] = float(w)
    return dict(out)


@functools.cache
def paraphrase_lexicon() -> dict[str, dict[str, float]]:
    """``{task feature: {result feature: weight}}`` of ``ingest/data/paraphrase.json`` (empty without it)."""
    return _read_lexicon(PARAPHRASE)


@functools.cache
def succession_lexicon() -> dict[str, dict[str, float]]:
    """``{task feature: {later task feature: weight}}`` of ``ingest/data/succession.json`` (empty without it)."""
    return _read_lexicon(SUCCESSION)


@functools.cache
def _lexicon_arrays(succession: bool) -> tuple[dict[str, int], np.ndarray, np.ndarray, np.ndarray]:
    """A lexicon as arrays, once a process: ``(word -> number, the first pair of each word, each pair's second word,
    each pair's weight)``, the pairs of word ``k`` at ``first[k]:first[k + 1]``, ordered by first word."""
    lexicon = succession_lexicon() if succession else paraphrase_lexicon()
    words: dict[str, int] = {}
    for a, to in lexicon.items():
        words.setdefault(a, len(words))
        for b in to:
            words.setdefault(b, len(words))
    counts = np.zeros(len(words) + 1, dtype=np.int64)
    for a, to in lexicon.items():
        counts[words[a] + 1] = len(to)
    first = np.cumsum(counts)
    second = np.zeros(int(first[-1]), dtype=np.int64)
    weight = np.zeros(int(first[-1]))
    for a, to in lexicon.items():
        k = int(first[words[a]])
        for n, (b, wt) in enumerate(to.items()):
            second[k + n] = words[b]
            weight[k + n] = wt
    return words, first, second, weight


@functools.cache
def carry_model() -> CarryModel:
    """The model of ``ingest/data/carry_model.json``."""
    m = json.loads(CARRY_MODEL.read_text(encoding="utf-8"))
    if tuple(m["features"]) != CARRY_FEATURES:
        raise ValueError(f"{CARRY_MODEL}: its features are not this linker's; run tools/train_carry.py")
    return CarryModel(np.array(m["mean"]), np.array(m["scale"]), np.array(m["weights"]), float(m["bias"]), float(m["threshold"]))


def carry_probability(features: np.ndarray) -> np.ndarray:
    """The model's probability that each pair is the same task planned again."""
    m = carry_model()
    z = ((features - m.mean) / m.scale) @ m.weights + m.bias
    return 1.0 / (1.0 + np.exp(-z))


def _answering(docs: Sequence[LinkDoc], k: int, months: Sequence[str]) -> int | None:
    """The first document after ``docs[k]`` whose reported months include one of ``months`` and that reports results.

    When none does, the very next document, if it reports results and its first month is the one right after
    ``months``: a resolution after a month without a meeting reviews both months and may name only the last ("I. KẾT
    QUẢ ĐẠT ĐƯỢC" under a title that names the month it plans, read as the month before it), and its results answer
    the tasks of the month it did not name."""
    later = None
    for j in range(k + 1, len(docs)):
        d = docs[j]
        if not any(it.role == "result" for it in d.items):
            continue
        if set(d.reports) & set(months):
            return j
        if later is None:
            later = j
    # (the next document itself, reporting the month right after them: a report months later is no such review)
    if later == k + 1 and docs[later].reports and max(months) < min(docs[later].reports) <= (_next_month(max(months)) or ""):
        return later
    return None


def _month_number(period: str | None) -> int:
    """``2026-11`` -> 2026 * 12 + 10; -1 for none (months compare as numbers in the arrays)."""
    if not period or len(period) < 7:
        return -1
    return int(period[:4]) * 12 + int(period[5:7]) - 1


def _share_a_month(left: Sequence[tuple[str, ...]], right: Sequence[tuple[str, ...]]) -> np.ndarray:
    """``[i, j]``: ``left[i]`` and ``right[j]`` have a month in common."""
    index: dict[str, int] = {}
    for ms in (*left, *right):
        for m in ms:
            index.setdefault(m, len(index))
    a = np.zeros((len(left), max(1, len(index))))
    b = np.zeros((len(right), max(1, len(index))))
    for k, ms in enumerate(left):
        a[k, [index[m] for m in ms]] = 1.0
    for k, ms in enumerate(right):
        b[k, [index[m] for m in ms]] = 1.0
    return (a @ b.T) > 0


def _pairs(scores: np.ndarray, left: Sequence[str], right: Sequence[str], minimum: float) -> list[tuple[float, str, str]]:
    """The ``(score, left, right)`` triples of a score matrix at or above ``minimum``."""
    rows, cols = np.nonzero(scores >= minimum)
    # rounded: two sums of the same weights in another order must not break a tie differently
    return [(round(float(scores[x, y]), 9), left[x], right[y]) for x, y in zip(rows.tolist(), cols.tolist(), strict=True)]


def _between_anchors(
    scores: np.ndarray, planned: Sequence[str], results: Sequence[str], taken: Sequence[tuple[float, str, str]],
) -> list[tuple[float, str, str]]:
    """A task and a result left alone between the same two links, in a report that follows the plan's order.

    When task x-1 is answered by result y-1 and task x+1 by result y+1, and task x and result y are the
    only ones left between them, result y is where the report tells of task x: it is taken when the
    two share anything at all (``ORDER_FILL_MIN``), however reworded ("tặng quà Tết" -> "trao 58.420
    suất quà"). Only for a report whose links mostly keep the plan's order.

    >>> sc = np.array([[0.5, 0, 0, 0], [0, 0.12, 0, 0], [0, 0, 0.6, 0], [0, 0, 0, 0.4]])
    >>> ts, rs = ["t1", "t2", "t3", "t4"], ["r1", "r2", "r3", "r4"]
    >>> _between_anchors(sc, ts, rs, [(0.5, "t1", "r1"), (0.6, "t3", "r3"), (0.4, "t4", "r4")])
    [(0.12, 't2', 'r2')]
    """
    t_pos = {t: x for x, t in enumerate(planned)}
    r_pos = {r: y for y, r in enumerate(results)}
    first: dict[int, int] = {}
    for _, t, r in sorted(taken, key=lambda p: -p[0]):
        if t in t_pos and r in r_pos and t_pos[t] not in first and r_pos[r] not in first.values():
            first[t_pos[t]] = r_pos[r]
    anchors = sorted(first.items())
    if len(anchors) < 3:
        return []
    in_order = sum(1 for (_, y1), (_, y2) in zip(anchors, anchors[1:], strict=False) if y2 > y1)
    if in_order < ORDER_KEPT * (len(anchors) - 1):
        return []
    used_t, used_r = {t for _, t, _ in taken}, {r for _, _, r in taken}
    out = []
    bounds = [(-1, -1), *anchors, (len(planned), len(results))]
    for (x1, y1), (x2, y2) in zip(bounds, bounds[1:], strict=False):
        if y2 <= y1:
            continue
        ts = [x for x in range(x1 + 1, x2) if planned[x] not in used_t]
        rs = [y for y in range(y1 + 1, y2) if results[y] not in used_r]
        if len(ts) == 1 and len(rs) == 1 and scores[ts[0], rs[0]] >= ORDER_FILL_MIN:
            out.append((round(float(scores[ts[0], rs[0]]), 9), planned[ts[0]], results[rs[0]]))
    return out


def _shared_answer(
    pairs: Sequence[tuple[float, str, str]], taken: Sequence[tuple[float, str, str]],
    scorer: _Scorer | None = None, items: dict[str, LinkItem] | None = None, ratio: float | None = None,
) -> list[tuple[float, str, str]]:
    """A task the alignment left unanswered whose best result another task took: one result may answer two tasks.

    Kept when the pair scores ``SHARE_MIN`` and at least ``SHARE_RATIO`` of the taker's score, or (given the
    ``scorer`` and ``items``) when the result tells of two things and the part that answers this task
    (``PART_MIN``) is not the part that answers its taker.
    """
    used_t = {t for _, t, _ in taken}
    taker: dict[str, float] = {}
    for sc, _, r in taken:
        taker[r] = max(taker.get(r, 0.0), sc)
    best: dict[str, tuple[float, str]] = {}
    for sc, t, r in pairs:
        if t not in used_t and sc > best.get(t, (0.0, ""))[0]:
            best[t] = (sc, r)
    ratio = SHARE_RATIO if ratio is None else ratio
    out = [(sc, t, r) for t, (sc, r) in sorted(best.items())
           if r in taker and sc >= SHARE_MIN and sc >= ratio * taker[r]]
    if scorer is None or items is None:
        return out
    # a result that says it did two things ("tổ chức Hội nghị sơ kết 6 tháng, đồng thời đánh giá một năm ...")
    # answers the task its other part tells of
    shared = {t for _, t, _ in out}
    for t, (sc, r) in sorted(best.items()):
        if t in shared or r not in taker:
            continue
        parts, bar = _result_parts(items[r].text), PART_MIN
        if len(parts) < 2:
            # a result of several facts between semicolons ("Thu ngân sách ... đạt 67,9% dự toán; giải ngân vốn
            # đầu tư công đạt 52,3%; tỷ lệ hồ sơ trực tuyến đạt 76,4%"): a fact answers a task at a higher bar
            parts, bar = _facts(items[r].text), FACT_MIN
        if len(parts) < 2:
            continue
        mine = [scorer.text_score(p, items[t]) for p in parts]
        k = int(np.argmax(mine))
        takers = [t2 for _, t2, r2 in taken if r2 == r]
        theirs = {int(np.argmax([scorer.text_score(p, items[t2]) for p in parts])) for t2 in takers}
        if k not in theirs and mine[k] >= bar:
            out.append((sc, t, r))
    return out


def _facts(text: str) -> list[str]:
    """The facts of a result between semicolons, each at least six words."""
    parts = [p.strip(" ,.") for p in text.split(";")]
    return parts if len(parts) > 1 and all(len(p.split()) >= 6 for p in parts) else []


#: "..., đồng thời ...", "... kết hợp ...": where a result says it did a second thing (a ";" between two facts
#: does not say so: the second fact is often another task's)
_ALSO = re.compile(r",?\s+(?:đồng thời|kết hợp|lồng ghép|cùng với đó|bên cạnh đó)\s+", re.IGNORECASE)


def _result_parts(text: str) -> list[str]:
    """The parts of a result that tells of two things at once, each at least four words."""
    parts = [p.strip(" ,.") for p in _ALSO.split(text)]
    parts = [p for p in parts if len(p.split()) >= 4]
    return parts if len(parts) > 1 else []


def _clauses(text: str) -> list[str]:
    """The parts of a task between semicolons, each at least four words ("thu hoạch ...; xuống giống ...")."""
    parts = [p.strip() for p in without_addressee(text).split(";")]
    return parts if len(parts) > 1 and all(len(p.split()) >= 4 for p in parts) else []


def _per_clause(
    scorer: _Scorer, items: dict[str, LinkItem], pairs: Sequence[tuple[float, str, str]], taken: Sequence[tuple[float, str, str]],
    minimum: float = CLAUSE_MIN,
) -> list[tuple[float, str, str]]:
    """A second result for a task of several clauses, when it answers another clause than the first.

    "Chỉ đạo thu hoạch dứt điểm 1.240 ha lúa Hè Thu; hướng dẫn xuống giống vụ Thu Đông" is answered by
    one result on the harvest and one on the sowing: each clause is scored alone against the results
    no task took, and a result that is the best answer to a clause no kept result answers is kept too.
    """
    used = {rid for _, _, rid in taken}
    kept: dict[str, list[str]] = defaultdict(list)
    for _, tid, rid in taken:
        kept[tid].append(rid)
    out = []
    # each task's pairs, in their order: a task's candidates are read from its own, not from every pair of the block
    of_task: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for sc, t, rid in pairs:
        if t in kept:
            of_task[t].append((sc, rid))
    for tid, rids in kept.items():
        # a task with no result left to give it has nothing to gain from its clauses: not read (most tasks)
        candidates = [(sc, rid) for sc, rid in of_task.get(tid, ()) if rid not in used and sc >= 0]
        if not candidates:
            continue
        clauses = _clauses(items[tid].text)
        if not clauses:
            continue
        answered = {int(np.argmax([scorer.text_score(c, items[r]) for c in clauses])) for r in rids}
        for k, clause in enumerate(clauses):
            if k in answered or not candidates:
                continue
            best = max(candidates, key=lambda c: (scorer.text_score(clause, items[c[1]]), c[0]))
            if scorer.text_score(clause, items[best[1]]) >= minimum:
                out.append((best[0], tid, best[1]))
                used.add(best[1])
                answered.add(k)
                candidates = [c for c in candidates if c[1] != best[1]]
    return out


def _answer_carried(
    carried: dict[str, list[tuple[float, str]]], answers: dict[str, list[tuple[float, str]]],
    task_months: dict[str, tuple[str, ...]], docs: Sequence[LinkDoc], doc_index: dict[str, int], items: dict[str, LinkItem],
    scorer: _Scorer,
) -> None:
    """Give a task planned again and left unanswered the results of the task it carries on that report on its month
    and come after it, each scoring at least ``FOLLOW_MIN`` with it (``answers`` is added to; ``doc_index``: each
    document's place in ``docs``)."""
    for a, later_tasks in carried.items():
        for _, b in later_tasks:
            if answers.get(b) or not task_months.get(b):
                continue
            for _, rid in answers.get(a, ()):
                k = doc_index[items[rid].doc_id]
                if k > doc_index[items[b].doc_id] and set(task_months[b]) & set(docs[k].reports):
                    sc = scorer.score(items[b], items[rid], answer=True)
                    if sc >= FOLLOW_MIN:
                        answers[b].append((sc, rid))


def link_unit(docs: Sequence[LinkDoc], *, record: list[dict[str, Any]] | None = None) -> LinkResult:
    """Links between the documents of ONE unit (the caller groups by unit).

    ``record``: a list the carry-over blocks are appended to (the task ids, the later task ids, the
    features of every pair and which pairs the model may see), for ``tools/train_carry.py``.

    Every score is computed block by block (one plan against the report that answers it, one
    plan against the next plans) with :meth:`_Scorer.matrix`: the cost grows with the unit's
    items, not with a Python loop over every pair.
    """
    docs = sorted(docs, key=_doc_order)
    result = LinkResult()
    # two scorers of the same items: a task and its result share the body (its words count half);
    # a task planned again is more than the same body (its words do not count)
    ft_scorer = _Scorer(it for d in docs for it in d.items)
    scorer = _Scorer((it for d in docs for it in d.items), bodies=False, like=ft_scorer)
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
    again: dict[int, list[str]] = defaultdict(list)
    answering: dict[tuple[int, tuple[str, ...]], int | None] = {}
    for k, d in enumerate(docs):
        for t in d.items:
            if t.role != "task":
                continue
            # an extraordinary notice plans no month: its tasks are for the month it is dated in
            months = t.all_months or d.plans or ((d.date[:7],) if d.date and len(d.date) >= 7 else ())
            task_months[t.id] = months
            if (k, months) not in answering:
                answering[(k, months)] = _answering(docs, k, months) if months else None
            j = answering[(k, months)]
            if j is None and not months:
                j = k + 1 if k + 1 < len(docs) else None  # no month known: the next document answers
            if j is not None:
                by_report[j].append(t.id)
                if len(months) > 1:
                    # a task for a quarter or a half-year: every later report on one of its months
                    # may tell how far it got, until one says it is done
                    for j2 in range(j + 1, len(docs)):
                        if set(docs[j2].reports) & set(months):
                            again[j2].append(t.id)
    answers: dict[str, list[tuple[float, str]]] = defaultdict(list)
    leftover: list[str] = []
    for j in range(len(docs)):
        report = docs[j]
        # a result that says its task was not carried out answers nothing ("Chưa thực hiện")
        results: list[LinkItem] = []
        nothing_done: list[str] = []
        for r in report.items:
            if r.role == "result":
                if not_done(r.text):
                    nothing_done.append(r.id)
                else:
                    results.append(r)
        result_ids = [r.id for r in results]
        planned = by_report.get(j, []) + [
            tid for tid in again.get(j, []) if not any(verdict_of_result(items[rid].text) == "done" for _, rid in answers[tid])
        ]
        pairs: list[tuple[float, str, str]] = []
        if planned and results:
            scores = ft_scorer.matrix(planned, result_ids, answer=True)
            if PARAPHRASE_WEIGHT:
                assoc = ft_scorer.paraphrase_matrix(planned, result_ids)
                scores = scores + PARAPHRASE_WEIGHT * assoc / (assoc + PARAPHRASE_HALF)
            # results often follow the plan's order: a little for standing where the task stood
            n = np.arange(len(planned))[:, None] / max(1, len(planned) - 1)
            m = np.arange(len(results))[None, :] / max(1, len(results) - 1)
            scores = np.where(scores > 0, scores + ORDER_WEIGHT * (1 - np.abs(n - m)), scores)
            # "Trong tháng 12, ..." does not answer a November task
            dated = np.array([bool(r.months) for r in results])
            if dated.any():
                same = _share_a_month([task_months[t] for t in planned], [r.all_months for r in results])
                # a result dated before the task's month cannot answer it; one dated later may (a task done
                # late, a figure "đến cuối tháng 6" in a quarter's report), at a discount
                t_first = np.array([_month_number(min(task_months[t])) if task_months[t] else -1 for t in planned])[:, None]
                r_last = np.array([_month_number(max(r.all_months)) if r.all_months else -1 for r in results])[None, :]
                before = dated[None, :] & ~same & (r_last < t_first)
                later = dated[None, :] & ~same & ~before
                scores = np.where(before, -1.0, np.where(later, DATED_LATER * scores, scores))
            # "Nhiệm vụ số 5 tại Thông báo số 47-TB/ĐU: ...": the result says which task it answers
            ref = _ref_matrix(planned, result_ids, items, docs)
            scores = np.where(scores <= -1.0, scores, np.where(ref > 0, np.maximum(scores, 0.0) + TASK_REF,
                                                               np.where(ref < 0, scores - OTHER_TASK_REF, scores)))
            # a task for a quarter has later reports to tell of it: a weak match in one of its
            # first months is not its answer (nor does it close the task as done)
            early = np.array([len(task_months[t]) > 1 and max(task_months[t]) > max(report.reports or ("",))
                              for t in planned])[:, None]
            scores = np.where(early & (scores < EARLY_MIN), -1.0, scores)
            pairs += _pairs(scores, planned, result_ids, FOLLOW_MIN)
        if leftover and results:  # answered late: one report later, at a discount
            pairs += _pairs(LATE_FACTOR * ft_scorer.matrix(leftover, result_ids, answer=True), leftover, result_ids, FOLLOW_MIN)
        taken = align(pairs, FOLLOW_MIN, FOLLOW_EXTRA)
        taken += _per_clause(ft_scorer, items, pairs, taken)
        taken += _shared_answer(pairs, taken, ft_scorer, items)
        if planned and results:
            taken += _between_anchors(scores, planned, result_ids, taken)
        for s, tid, rid in taken:
            answers[tid].append((s, rid))
        answered_now = {tid for _, tid, _ in taken}
        if nothing_done and planned:
            # ... but the task it names was reported on: not answered, and not looked for in a later report (a task
            # left unanswered by every other result, aligned with the results that say so)
            unanswered = [tid for tid in planned if tid not in answered_now]
            if unanswered:
                said = ft_scorer.matrix(unanswered, nothing_done, answer=True)
                answered_now |= {tid for _, tid, _ in align(_pairs(said, unanswered, nothing_done, FOLLOW_MIN), FOLLOW_MIN, FOLLOW_EXTRA)}
        if results:
            leftover = [tid for tid in planned if tid not in answered_now and tid not in again.get(j + 1, ())]

    # -- carry-over: each plan aligned with the next plans
    verdict_of = {rid: verdict_of_result(items[rid].text) for links in answers.values() for _, rid in links}
    going_on = {i for i, it in items.items() if it.role == "task" and _GOES_ON.match(_fold(it.text))}
    plans = [k for k, d in enumerate(docs) if any(it.role == "task" for it in d.items)]
    carried: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for pos, k in enumerate(plans):
        d = docs[k]
        tasks = [t for t in d.items if t.role == "task"]
        waiting = {t.id for t in tasks}
        for step, k2 in enumerate(plans[pos + 1 : pos + 1 + CARRY_HORIZON]):
            later = [t.id for t in docs[k2].items if t.role == "task"]
            left = [t.id for t in tasks if t.id in waiting]
            scores = scorer.matrix(left, later, next_step=True)
            if SUCCESSION_WEIGHT:
                # a task's next step in words the genre's plans pair ("kiểm đếm" → "phương án bồi thường")
                assoc = ft_scorer.paraphrase_matrix(left, later, succession=True)
                scores = scores + SUCCESSION_WEIGHT * assoc / (assoc + SUCCESSION_HALF)
            # what is left of a task is often worded like its result ("còn 08 hộ chưa ..." -> "vận động 08 hộ")
            partial = {tid: [rid for _, rid in answers.get(tid, []) if verdict_of[rid] == "partial"] for tid in left}
            partial_ids = sorted({rid for rids in partial.values() for rid in rids})
            if partial_ids:
                via = scorer.matrix(partial_ids, later, next_step=True)
                row = {rid: x for x, rid in enumerate(partial_ids)}
                for x, tid in enumerate(left):
                    for rid in partial[tid]:
                        scores[x] = np.maximum(scores[x], via[row[rid]])
            # a later task for the same month or earlier is not this task planned again (a task for a
            # quarter planned again for one of its later months is)
            t_first = np.array([_month_number(min(task_months[tid])) if task_months.get(tid) else -1 for tid in left])[:, None]
            l_last = np.array([_month_number(max(items[i].all_months)) if items[i].all_months else -1 for i in later])[None, :]
            earlier = (t_first >= 0) & (l_last >= 0) & (l_last <= t_first)
            if left and later:
                # the model weighs the pair's score with where it stands among the others and what became of
                # the task ("Duy trì tiếp công dân định kỳ": work said to go on is planned again though done)
                features = carry_features(
                    scores, ft_scorer.matrix(left, later, next_step=True),
                    scorer.stage_matrix(left, later, next_step=True) == STAGE_NEXT,
                    [any(verdict_of[rid] == "done" for _, rid in answers.get(tid, [])) for tid in left],
                    [any(verdict_of[rid] == "partial" for _, rid in answers.get(tid, [])) for tid in left],
                    [bool(answers.get(tid)) for tid in left], step, [i in going_on for i in later],
                    ([len(items[i].text) for i in left], [len(items[i].text) for i in later]),
                    scorer.body_matrix(left, later),
                )
                seen = ~earlier & (scores > CARRY_FLOOR)
                if record is not None:
                    record.append({"left": list(left), "later": list(later), "features": features, "seen": seen})
                probability = carry_probability(features)
                scores = np.where(seen & (probability >= carry_model().threshold), probability, -1.0)
            else:
                scores = np.full((len(left), len(later)), -1.0)
            carry_pairs = _pairs(scores, left, later, 0.0)
            taken = align(carry_pairs, 0.0, 1.01)
            taken += _per_clause(scorer, items, carry_pairs, taken, CARRY_CLAUSE_MIN)
            # a task split in two: a later task the alignment left whose best earlier task another later task took
            taken += [(sc, a, b) for sc, b, a in _shared_answer([(sc, b, a) for sc, a, b in carry_pairs],
                                                                [(sc, b, a) for sc, a, b in taken], ratio=SPLIT_RATIO)]
            plan_months = set(docs[k2].plans)
            for s, a, b in taken:
                carried[a].append((s, b))
                # a task for a quarter goes on being planned month by month until its quarter ends
                months = task_months.get(a, ())
                if len(months) < 2 or not plan_months or max(plan_months) >= max(months):
                    waiting.discard(a)
            if not waiting:
                break

    # -- a task planned again is answered by what answered the task it carries on, when that result comes
    # later and reports on the later task's month ("Hoàn thành số hóa hồ sơ hộ tịch trong quý III" -> "Số hóa
    # 1.000 hồ sơ còn lại, xong trước 15/8" -> the quarter's report: "Ngày 12/8, hoàn thành số hóa toàn bộ
    # 11.200 hồ sơ"): the alignment gave that result to the first task only; the later one scores as a first link must
    _answer_carried(carried, answers, task_months, docs, doc_index, items, ft_scorer)

    # -- verdicts
    later_reports: list[set[str]] = [set() for _ in docs]
    later_last: list[str] = ["" for _ in docs]
    for k in range(len(docs) - 2, -1, -1):
        nxt = docs[k + 1]
        later_reports[k] = later_reports[k + 1] | set(nxt.reports)
        later_last[k] = max([later_last[k + 1], *nxt.reports])
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
            for s, tid2 in carried.get(t.id, ()):
                result.links.append(Link("CARRIED_OVER", t.id, tid2, round(s, 4), None, t.text, items[tid2].text))
            if verdict is None:
                months = task_months.get(t.id, ())
                if t.id in carried:
                    verdict = "carried_over"
                elif (later_reports[k] & set(months)) or (months and later_last[k] > max(months)) or (not months and k + 1 < len(docs)):
                    verdict = "silent"
                else:
                    verdict = "pending"
            result.verdicts[t.id] = verdict

    # -- recurring limitations: the best match in the first later document that has one
    limits = [it.id for d in docs for it in d.items if it.role == "limitation"]
    if limits:
        recur = scorer.matrix(limits, limits)
        column = {lid: x for x, lid in enumerate(limits)}
        for k, d in enumerate(docs):
            for lim in (it for it in d.items if it.role == "limitation"):
                for ld in docs[k + 1 :]:
                    cols = [column[it.id] for it in ld.items if it.role == "limitation"]
                    if not cols:
                        continue
                    candidates = recur[column[lim.id], cols]
                    best = int(np.argmax(candidates))
                    if candidates[best] >= RECUR_THRESHOLD:
                        target = items[limits[cols[best]]]
                        score = round(float(candidates[best]), 4)
                        result.links.append(Link("RECURS", lim.id, target.id, score, None, lim.text, target.text))
                        break
    return result


def link_documents(docs: Sequence[LinkDoc], *, record: list[dict[str, Any]] | None = None) -> LinkResult:
    """Links for documents of any number of units; never across units (``record``: see :func:`link_unit`)."""
    by_unit: dict[str | None, list[LinkDoc]] = defaultdict(list)
    for d in docs:
        by_unit[d.unit].append(d)
    out = LinkResult()
    for unit, group in by_unit.items():
        if unit is None:
            continue  # a document whose unit is unknown cannot be placed in a series
        r = link_unit(group, record=record)
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
            months=tuple(it.months), number=item_number(it.path),
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


#: what :func:`_store_docs` reads of a unit: four plain reads (each a single pattern from the unit's
#: documents) instead of the former named query ``unit_link_features`` (three OPTIONAL MATCHes and their
#: collects: most of a unit's read time; removed in session 4), ``unit_items`` and ``unit_citations``; the same facts.
_UNIT_ITEMS = (
    "MATCH (d:Document)-[:HAS_ITEM]->(i:Item) WHERE d.unit = $unit "
    "RETURN i.id AS item, d.id AS document, d.key AS document_key, d.date AS date, d.reported_period AS reported_period, "
    "d.planned_period AS planned_period, d.reported_months AS reported_months, d.planned_months AS planned_months, "
    "i.role AS role, i.period AS period, i.months AS months, i.section AS section, i.text AS text, i.stable_key AS stable_key, "
    "i.path AS path "
    "ORDER BY coalesce(d.date, d.reported_period, d.planned_period), document, i.ord"
)
_UNIT_BODIES = (
    "MATCH (d:Document)-[:HAS_ITEM]->(i:Item)-[:ASSIGNED_TO]->(b:Body) WHERE d.unit = $unit "
    "RETURN i.id AS item, b.id AS body ORDER BY item, body"
)
_UNIT_THEMES = (
    "MATCH (d:Document)-[:HAS_ITEM]->(i:Item)-[:ABOUT]->(t:Theme) WHERE d.unit = $unit "
    "RETURN i.id AS item, t.id AS theme ORDER BY item, theme"
)
_UNIT_CITES = (
    "MATCH (d:Document)-[c:CITES]->(k:Directive) WHERE d.unit = $unit "
    "RETURN d.id AS document, c.item AS item, k.key AS key ORDER BY document, key"
)


def _store_docs(store: Any, unit: str) -> list[LinkDoc]:
    """The unit's documents and items as the linker sees them (what ``unit_items`` says, with bodies, themes and citations)."""
    params = {"unit": unit}
    bodies: dict[str, list[str]] = defaultdict(list)
    for r in store.cypher(_UNIT_BODIES, params):
        if r["body"]:
            bodies[r["item"]].append(r["body"])
    themes: dict[str, list[str]] = defaultdict(list)
    for r in store.cypher(_UNIT_THEMES, params):
        if r["theme"]:
            themes[r["item"]].append(r["theme"])
    # citations of an item; and every citation of a document (the title, the preamble also say which
    # notice a document follows up)
    item_cites: dict[str, list[str]] = defaultdict(list)
    doc_cites: dict[str, set[str]] = defaultdict(set)
    for r in store.cypher(_UNIT_CITES, params):
        if r["key"]:
            doc_cites[r["document"]].add(r["key"])
            if r["item"]:
                item_cites[r["item"]].append(r["key"])
    docs: dict[str, dict[str, Any]] = {}
    for r in store.cypher(_UNIT_ITEMS, params):
        d = docs.setdefault(r["document"], {"row": r, "items": []})
        iid = r["item"]
        d["items"].append(
            LinkItem(
                id=iid, doc_id=r["document"], role=r["role"], period=r["period"], text=r["text"], section=r["section"],
                bodies=frozenset(bodies.get(iid, ())), citations=frozenset(item_cites.get(iid, ())),
                themes=frozenset(themes.get(iid, ())), months=_months(r["months"]), stable_key=r["stable_key"],
                number=item_number(r["path"]),
            )
        )
    out = []
    for doc_id, d in docs.items():
        row = d["row"]
        out.append(
            LinkDoc(
                id=doc_id, unit=unit, reported_period=row["reported_period"], planned_period=row["planned_period"],
                date=row["date"], items=tuple(d["items"]), cites=frozenset(doc_cites[doc_id]), own_key=row["document_key"],
                reported_months=_months(row["reported_months"]), planned_months=_months(row["planned_months"]),
            )
        )
    return out


def _months(stored: str | None) -> tuple[str, ...]:
    """A stored comma-separated month list as a tuple ("2026-11,2026-12")."""
    return tuple(m for m in (stored or "").split(",") if m)


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


@dataclass(frozen=True)
class UnitLinks:
    """The links of one unit, computed and ready to be written (:func:`write_unit_links`)."""

    unit: str
    rows: list[dict[str, Any]]
    verdicts: dict[str, str]
    verdict_sources: dict[str, str] | None


def read_unit(store: Any, unit: str) -> tuple[list[LinkDoc], list[dict[str, Any]]]:
    """What linking ``unit`` needs from the store: its documents and items, and the inspectors' decisions."""
    return _store_docs(store, unit), list(store.reviews(unit) or ())


def compute_unit_links(unit: str, docs: Sequence[LinkDoc], reviews: Sequence[dict[str, Any]] = ()) -> UnitLinks:
    """The links of one unit from what :func:`read_unit` read; pure (it runs in a worker process too)."""
    result = link_unit(docs)
    if reviews:
        result = apply_reviews(result, reviews, [it for d in docs for it in d.items])
    rows, verdicts = link_rows(result)
    return UnitLinks(unit, rows, verdicts, result.verdict_sources or None)


def write_unit_links(store: Any, links: UnitLinks) -> int:
    """Replace the unit's stored links with ``links``, in one transaction."""
    return int(store.replace_links(links.unit, links.rows, links.verdicts, links.verdict_sources))


def write_units_links(store: Any, batch: Sequence[UnitLinks]) -> dict[str, int]:
    """Replace the stored links of several units, in one transaction (one commit for the batch)."""
    return store.replace_links_many([(x.unit, x.rows, x.verdicts, x.verdict_sources) for x in batch])


def relink_units(store: Any, units: Sequence[str]) -> dict[str, int]:
    """Recompute and store the month-to-month links of ``units``, one transaction per unit."""
    written = {}
    for unit in units:
        written[unit] = write_unit_links(store, compute_unit_links(unit, *read_unit(store, unit)))
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
