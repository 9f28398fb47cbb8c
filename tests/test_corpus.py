"""The repository stands on its own: the test corpus is inside it, every file of it
has a source, and nothing in the repository reads a folder beside it."""

from __future__ import annotations

import csv
import hashlib
import os
import re
from pathlib import Path

import pytest

from tests.helpers import CORPUS, ROOT, corpus_path

SOURCES = CORPUS / "SOURCES.tsv"
COLUMNS = ["file", "sha256", "source", "doc_type", "issuing_body", "date", "licence", "notes"]

# Folders a checkout may hold that are not the repository's own files.
NOT_OURS = {".git", ".venv", ".hypothesis", ".pytest_cache", ".ruff_cache", ".mypy_cache", "__pycache__", "build", "dist", "target", "node_modules"}

# The team's machines keep documents in a folder beside the repository; a user's clone has no such folder.
OUTSIDE = re.compile(
    "|".join(re.escape(s) for s in ("../" + "shared", "shared" + "/corpus", "/work/" + "shared", "shared" + "/ANNOTATION", "shared" + "/CONTRACT"))
    + r"""|["']""" + "shared" + r"""["']\s*[/,)]"""  # a path built in code: ROOT.parent / "shared" / "corpus"
)


def _sources() -> list[dict[str, str]]:
    with SOURCES.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        assert reader.fieldnames == COLUMNS, f"{SOURCES}: columns {reader.fieldnames}, expected {COLUMNS}"
        return list(reader)


def _documents() -> list[str]:
    return sorted(str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.is_file() and p.name not in ("README.md", "SOURCES.tsv"))


def test_every_corpus_file_is_listed_once_and_nothing_else() -> None:
    listed = [row["file"] for row in _sources()]
    assert len(listed) == len(set(listed)), "a file is listed twice"
    assert sorted(listed) == _documents()


@pytest.mark.parametrize("row", _sources(), ids=lambda r: r["file"])
def test_each_file_matches_its_hash_and_says_where_it_came_from(row: dict[str, str]) -> None:
    assert hashlib.sha256(corpus_path(row["file"]).read_bytes()).hexdigest() == row["sha256"], "the copy was changed: update SOURCES.tsv and say why in notes"
    for column in ("source", "doc_type", "issuing_body", "date", "licence"):
        assert row[column].strip(), f"{row['file']}: {column} is empty"


def test_corpus_path_names_the_missing_file() -> None:
    with pytest.raises(FileNotFoundError, match=r"tests/data/corpus/real/nothing\.txt: not in the test corpus"):
        corpus_path("real/nothing.txt")


def _repository_files() -> list[Path]:
    files = []
    for folder, dirs, names in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in NOT_OURS and not d.endswith(".egg-info")]  # prune, do not descend
        files += [Path(folder, n) for n in names if Path(n).suffix not in (".png", ".db", ".pdf", ".docx", ".xlsx", ".pyc")]
    return files


def test_nothing_in_the_repository_names_a_folder_beside_it() -> None:
    """Code, tests, tools, the Makefile, data and docs: a clone must not need a folder it does not have."""
    offenders = []
    for path in _repository_files():
        if path == Path(__file__).resolve():
            continue  # the guard names what it looks for
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # binary: screenshots, test databases
        for n, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()[:100]}")
    assert not offenders, "\n".join(offenders)


def test_the_guard_would_see_one() -> None:
    assert OUTSIDE.search("vanban parse " + "../" + "shared" + "/corpus/seeds/x.txt")
    assert OUTSIDE.search("SHARED = Path(__file__).parents[2] / " + '"shared"' + ' / "corpus"')
    assert not OUTSIDE.search("shared nodes are merged; shared by a list; the shared store")
