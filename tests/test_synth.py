"""The synthetic corpus generator: reproducible, in bounds, in the genre, and linked month to month."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vanban import synth
from vanban.synth import MAX_BYTES, MIN_BYTES, generate_corpus, iter_notices, unit_of

N = 24  # two units of twelve months


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return generate_corpus(tmp_path_factory.mktemp("synth"), N, seed=7)


def _file_period(path: Path) -> tuple[int, str]:
    m = re.fullmatch(r"u(\d+)-(\d{4}-\d{2})\.txt", path.name)
    assert m, path.name
    return int(m.group(1)), m.group(2)


def _parts(text: str) -> tuple[str, str]:
    """(results part, tasks part): split at the heading of the planned month's tasks."""
    m = re.search(r"^(?:II\. NHIỆM VỤ TRỌNG TÂM THÁNG|2\. Nhiệm vụ trọng tâm tháng) ", text, re.M)
    assert m, "no tasks heading"
    return text[: m.start()], text[m.start() :]


# notices, months -> (units, notices of the last unit)
COUNTS = [
    (24, 12, 2, 12),  # whole units
    (25, 12, 3, 1),  # a last unit with one month
    (5, 3, 2, 2),  # short series
    (1, 12, 1, 1),
]


@pytest.mark.parametrize("notices, months, units, last", COUNTS)
def test_counts_and_names(tmp_path: Path, notices: int, months: int, units: int, last: int) -> None:
    paths = generate_corpus(tmp_path, notices, seed=3, months=months)
    assert len(paths) == notices and all(p.exists() for p in paths)
    by_unit: dict[int, list[str]] = {}
    for p in paths:
        u, period = _file_period(p)
        by_unit.setdefault(u, []).append(period)
    assert len(by_unit) == units
    assert len(by_unit[max(by_unit)]) == last
    for periods in by_unit.values():  # consecutive months from the first period
        assert periods == sorted(periods) and periods[0] == "{}-{:02d}".format(*synth.FIRST_PERIOD)
    assert sorted(p.name for p in tmp_path.glob("*.txt")) == sorted(p.name for p in paths)
    assert "Fictional" in (tmp_path / "README.md").read_text(encoding="utf-8")


def test_same_seed_same_bytes(tmp_path: Path, corpus: list[Path]) -> None:
    again = generate_corpus(tmp_path / "again", N, seed=7)
    assert [p.name for p in again] == [p.name for p in corpus]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(again, corpus, strict=True))


def test_parallel_writes_the_same_files(tmp_path: Path, corpus: list[Path]) -> None:
    par = generate_corpus(tmp_path / "par", N, seed=7, workers=2)
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(par, corpus, strict=True))


def test_other_seed_other_text(tmp_path: Path, corpus: list[Path]) -> None:
    other = generate_corpus(tmp_path / "other", 2, seed=8)
    assert other[0].read_bytes() != corpus[0].read_bytes()


def test_sizes_in_bounds(corpus: list[Path]) -> None:
    sizes = [p.stat().st_size for p in corpus]
    assert all(MIN_BYTES <= s <= MAX_BYTES for s in sizes), sizes
    assert max(sizes) - min(sizes) > 4000  # varied, not one template


def test_units_are_distinct_and_fictional() -> None:
    units = [unit_of(i, 7) for i in range(20_000)]
    names = [u.unit for u in units]
    assert len(set(names)) == len(names)
    assert {u.kind for u in units} == {"phường", "xã"}
    assert all(u.name.split()[0] in synth._FIRST for u in units)


# what every notice of the genre carries
GENRE = [
    (r"^(NGHỊ QUYẾT\nCỦA BAN THƯỜNG VỤ ĐẢNG ỦY|THÔNG BÁO\nKẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY)$", "title block"),
    (r"^về .*tháng \d{1,2}\b", "the title names the months"),
    (r"^Nơi nhận:$", "recipients"),
    (r"^\**T/[ML] BAN THƯỜNG VỤ$", "signature authority"),
    (r"^Giao ", "closing assignment"),
    (r"^(?:- |\(\d+\) |\d+(?:\.\d+)+\. |[a-z]\) )", "numbered or bulleted items"),
    (r"(?:Nghị quyết|Nghị định|Chỉ thị|Quyết định|Đề án) (?:số )?\d+", "a citation"),
    (r"(?:Công an|UBND|Ủy ban nhân dân|Ủy ban MTTQ|Ủy ban Kiểm tra|Uỷ ban Kiểm tra|Đoàn Thanh niên|Văn phòng Đảng ủy|Ban Xây dựng Đảng|Phòng|Trung tâm|HĐND|Hội)", "a body"),
]


@pytest.mark.parametrize("pattern, what", GENRE, ids=[g[1] for g in GENRE])
def test_every_notice_has(corpus: list[Path], pattern: str, what: str) -> None:
    missing = [p.name for p in corpus if not re.search(pattern, p.read_text(encoding="utf-8"), re.M)]
    assert not missing, f"{what} missing in {missing}"


def test_real_directives_are_cited(corpus: list[Path]) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in corpus)
    for needle in ("57-NQ/TW", "154/2025/NĐ-CP", "Đề án 06", "71-NQ/TW"):
        assert needle in text, needle


def test_results_answer_last_months_tasks(corpus: list[Path]) -> None:
    """Each month's results part names topics of the previous month's tasks (most done or partial, some carried again)."""
    topics = {t.id: [o for o in t.objects if "{" not in o] for t in synth._TOPICS}

    def named(part: str) -> set[str]:
        return {tid for tid, objs in topics.items() if any(o in part for o in objs)}

    by_unit: dict[int, list[str]] = {}
    for p in corpus:
        by_unit.setdefault(_file_period(p)[0], []).append(p.read_text(encoding="utf-8"))
    for texts in by_unit.values():
        for before, after in zip(texts, texts[1:], strict=False):
            planned = named(_parts(before)[1])
            results, tasks = _parts(after)
            # 75% of tasks get a result (55% done, 20% partial); well above half in any month
            assert len(planned & named(results)) >= len(planned) / 2, (len(planned & named(results)), len(planned))
            assert planned & named(tasks), "nothing carried over"


def test_iter_notices_is_lazy() -> None:
    it = iter_notices(0, 1000, seed=7)  # a thousand months: only the first is built
    name, text = next(it)
    assert name == "u00000-2025-10.txt" and MIN_BYTES <= len(text.encode("utf-8")) <= MAX_BYTES


@pytest.mark.slow
def test_the_parser_reads_the_headers(corpus: list[Path]) -> None:
    """The generated headers are the genre's: the parser finds unit and months (both sides can break this)."""
    from ingest.pipeline import parse_file

    for p in corpus[:: len(corpus) // 6]:
        u, period = _file_period(p)
        h = parse_file(p).header
        assert h.unit == unit_of(u, 7).unit, p.name
        assert h.reported_period == period, p.name
        assert h.doc_type in ("Nghị quyết", "Thông báo kết luận"), p.name
