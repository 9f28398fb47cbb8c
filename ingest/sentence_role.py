"""Is a sentence work done or work to do? A model learned from the labelled series, for paragraphs that mix both.

Most notices keep results and tasks apart ("I. KẾT QUẢ ..." / "II. NHIỆM VỤ ..."): the structure reads the role off
the part a sentence sits in (:mod:`ingest.structure`). Some clerks write one paragraph a field and put in it what was
done and what is to be done, sentence after sentence, with nothing between them:

    "3. Về thu ngân sách: Thu ngân sách quý I đạt 18,8 tỷ đồng, bằng 25,8% dự toán. Thu bù phần hụt của quý I,
    phấn đấu lũy kế 4 tháng đạt 37% dự toán."

There a sentence's own words decide: a logistic regression over its folded words and word pairs, its first words,
its figures ("82/85", "70,8%") and the days and months it names, placed against the notice's date and its reported
and planned months (a day after the notice's date, a planned month: work to do). It is fitted by
``tools/train_sentence_role.py`` on every task and result item of the development series (tests/data/series/dev-*,
never a held-out one) and stored in ``ingest/data/sentence_role.json``.

A paragraph's sentences are then read together (:func:`decode`): a clerk writes what was done first and what to do
after, so once a paragraph has turned to the work ahead, a sentence that could be either ("Công an phường bảo vệ an
toàn 7 khu vực bỏ phiếu") is work ahead too. That is a two-state Viterbi path over the sentences, the model's
probabilities as evidence and ``TURN``/``BACK`` as the chances of turning to tasks and back.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

MODEL_PATH = Path(__file__).resolve().parent / "data" / "sentence_role.json"

#: chance that the next sentence of a mixed paragraph turns from results to tasks, and back from tasks to results
TURN = 0.25
BACK = 0.1
#: chance that a mixed paragraph opens on a task
OPENS_ON_TASK = 0.3
#: a field's paragraph outside any part of results or tasks holds work to do when one of its sentences is this likely a task
TURNS_TO_WORK = 0.8

_FIGURE = re.compile(r"\d[\d.,/]*")
_WORD = re.compile(r"[a-z0-9]+")
_DECIMAL = re.compile(r"\d+,\d+")
_FRACTION = re.compile(r"(?<![/\d])\d+/\d+\b(?!/)")
_DAY = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\b(?!/)")
_MONTH = re.compile(r"\bthang (\d{1,2})\b")


def features(folded: str, date: str | None, planned: Sequence[str], reported: Sequence[str]) -> list[str]:
    """The model's features of one folded sentence of a notice dated ``date`` that reports ``reported`` and plans
    ``planned`` (ISO months).

    >>> sorted(features("da ket nap 04 dang vien, dat 100% chi tieu.", "2026-03-30", ["2026-04"], ["2026-03"]))[:6]
    ['^da', '^da_ket', 'b:0_chi', 'b:0_dang', 'b:chi_tieu', 'b:da_ket']
    >>> [f for f in features("hoan thanh truoc ngay 30/4/2026 trong thang 4", "2026-03-30", ["2026-04"], []) if f.isupper()]
    ['DAY_AHEAD', 'MONTH_PLANNED']
    """
    f = folded.strip().lower()
    words = _WORD.findall(_FIGURE.sub(" 0 ", f))
    out = {"w:" + w for w in words}
    out.update(f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    if words:
        out.add("^" + words[0])
    if len(words) > 1:
        out.add(f"^{words[0]}_{words[1]}")
    if _DECIMAL.search(f):
        out.add("DECIMAL")
    if _FRACTION.search(f):
        out.add("FRACTION")
    if date and len(date) >= 10:
        for m in _DAY.finditer(f):
            day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
            if 1 <= day <= 31 and 1 <= month <= 12:
                out.add("DAY_AHEAD" if f"{int(year or date[:4]):04d}-{month:02d}-{day:02d}" > date else "DAY_PAST")
    planned_m = {int(p[5:7]) for p in planned if len(p) >= 7}
    reported_m = {int(p[5:7]) for p in reported if len(p) >= 7}
    for m in _MONTH.finditer(f):
        month = int(m.group(1))
        if month in planned_m and month not in reported_m:
            out.add("MONTH_PLANNED")
        elif month in reported_m:
            out.add("MONTH_REPORTED")
    return sorted(out)


class Model(NamedTuple):
    weights: dict[str, float]
    bias: float


@functools.cache
def model() -> Model:
    """The model of ``ingest/data/sentence_role.json``."""
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return Model(data["weights"], float(data["bias"]))


def task_probability(folded: str, date: str | None, planned: Sequence[str], reported: Sequence[str]) -> float:
    """The model's probability that a folded sentence is work to do rather than work done.

    >>> round(task_probability("phan dau luy ke 4 thang dat 37% du toan.", "2026-03-30", ["2026-04"], ["2026-03"]), 1) > 0.5
    True
    >>> task_probability("da kiem tra 6.540/6.540 ho gia dinh tai 7 khu pho.", "2026-05-30", ["2026-06"], ["2026-05"]) < 0.5
    True
    """
    m = model()
    z = m.bias + math.fsum(m.weights.get(f, 0.0) for f in features(folded, date, planned, reported))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def decode(probabilities: Iterable[float]) -> list[bool]:
    """Which sentences of one mixed paragraph are tasks, read together (the module's docstring): the most likely
    sequence of roles given each sentence's ``probabilities`` of being a task.

    >>> decode([0.1, 0.2, 0.9, 0.34])
    [False, False, True, True]
    >>> decode([0.1, 0.97, 0.02, 0.1])
    [False, True, False, False]
    """
    probs = [min(max(p, 1e-6), 1 - 1e-6) for p in probabilities]
    if not probs:
        return []
    # best log-score ending in result / task, and the back-pointers
    score_r = math.log(1 - OPENS_ON_TASK) + math.log(1 - probs[0])
    score_t = math.log(OPENS_ON_TASK) + math.log(probs[0])
    back: list[tuple[bool, bool]] = []
    for p in probs[1:]:
        from_r_to_r, from_t_to_r = score_r + math.log(1 - TURN), score_t + math.log(BACK)
        from_r_to_t, from_t_to_t = score_r + math.log(TURN), score_t + math.log(1 - BACK)
        back.append((from_t_to_r > from_r_to_r, from_t_to_t >= from_r_to_t))
        score_r = max(from_r_to_r, from_t_to_r) + math.log(1 - p)
        score_t = max(from_r_to_t, from_t_to_t) + math.log(p)
    state = score_t > score_r
    path = [state]
    for prev_if_r, prev_if_t in reversed(back):
        state = prev_if_t if state else prev_if_r
        path.append(state)
    return path[::-1]
