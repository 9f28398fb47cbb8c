"""Every ``vanban parse`` JSON of the test corpus, compared with a stored golden.

``tests/data/parse/corpus.json.gz`` holds the parse of every file of
``tests/data/corpus`` as the implementation before the speed work produced it
(issue 16: the literal prefilter, the normaliser without character loops, one
pass of structure): a faster parser must give the same JSON, and this test
proves it rather than hopes it.

The stored form is compact but loses nothing: the document's ``text`` is kept
as its SHA-256 and length, and a mention's ``text`` (always ``text[start:end]``,
the span invariant, checked here too) is left out. Everything else of
:func:`ingest.pipeline.to_json` is stored as it is.

When a change of the parser is *meant* to change the output, rewrite the golden
and review what moved (the test prints the first differences)::

    .venv/bin/python -m tests.test_parse_golden --write
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from ingest.pipeline import parse_file, to_json
from tests.helpers import CORPUS, DATA, ROOT, assert_spans

GOLDEN = DATA / "parse" / "corpus.json.gz"
MENTIONS = ("items", "citations", "bodies", "people", "metrics")


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*.txt") if p.name != "README.md")


def compact(parse: dict[str, Any]) -> dict[str, Any]:
    """The parse with its text hashed and the mentions' texts left out (after checking them)."""
    assert_spans(parse)
    out = json.loads(json.dumps(parse))
    text = out.pop("text")
    out["text_sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    out["text_chars"] = len(text)
    for key in MENTIONS:
        for m in out.get(key, []):
            del m["text"]
    return out


def snapshot(path: Path) -> dict[str, Any]:
    parse = to_json(parse_file(path, ocr=False))
    parse["source"]["path"] = path.relative_to(ROOT).as_posix()
    return compact(parse)


def _load() -> dict[str, dict[str, Any]]:
    with gzip.open(GOLDEN, "rt", encoding="utf-8") as f:
        return json.load(f)


def differences(old: Any, new: Any, where: str = "") -> list[str]:
    """Paths at which two JSON values differ, with both values (short).

    >>> differences({"a": [1, 2], "b": "x"}, {"a": [1, 3], "b": "x"})
    ['a[1]: 2 != 3']
    """
    if type(old) is not type(new):
        return [f"{where}: {old!r:.120} != {new!r:.120}"]
    if isinstance(old, dict):
        out = []
        for k in sorted(set(old) | set(new)):
            if k not in old or k not in new:
                out.append(f"{where}.{k}: {'missing' if k not in old else old[k]!r:.120} != {'missing' if k not in new else new[k]!r:.120}")
            else:
                out += differences(old[k], new[k], f"{where}.{k}" if where else k)
        return out
    if isinstance(old, list):
        out = [f"{where}: {len(old)} entries != {len(new)}"] if len(old) != len(new) else []
        for i, (a, b) in enumerate(zip(old, new, strict=False)):
            out += differences(a, b, f"{where}[{i}]")
        return out
    return [] if old == new else [f"{where}: {old!r:.120} != {new!r:.120}"]


def test_the_golden_covers_every_corpus_file() -> None:
    assert sorted(_load()) == [p.relative_to(ROOT).as_posix() for p in corpus_files()]


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.relative_to(CORPUS).as_posix())
def test_parse_is_identical_to_the_golden(path: Path) -> None:
    golden = _load()[path.relative_to(ROOT).as_posix()]
    diff = differences(golden, snapshot(path))
    assert not diff, f"{len(diff)} differences, the first:\n" + "\n".join(diff[:15])


def test_the_comparison_sees_a_changed_span() -> None:
    path = corpus_files()[0]
    golden = _load()[path.relative_to(ROOT).as_posix()]
    changed = json.loads(json.dumps(golden))
    changed["items"][0]["span"][1] += 1
    assert differences(golden, changed) == [f"items[0].span[1]: {golden['items'][0]['span'][1]} != {golden['items'][0]['span'][1] + 1}"]


def write() -> None:
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    data = {p.relative_to(ROOT).as_posix(): snapshot(p) for p in corpus_files()}
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0).encode("utf-8")
    GOLDEN.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"{GOLDEN.relative_to(ROOT)}: {len(data)} documents, {len(raw) // 1000} kB of JSON, {GOLDEN.stat().st_size // 1000} kB stored")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -m tests.test_parse_golden --write")
    write()
