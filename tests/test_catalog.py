"""The catalog of national directives (ingest/data/catalog.json): facts only, each
checked against the corpus document its source names."""

from __future__ import annotations

import functools
import re

import pytest

from ingest.citation_resolver import catalog, citation_key
from ingest.citations import extract_citations
from ingest.normalize import normalize
from ingest.patterns import vocab
from tests.helpers import corpus_path

ENTRIES = vocab("catalog")["entries"]
FIELDS = ("doc_type", "number", "symbol", "year", "date", "issuer", "title", "aliases", "source")


@functools.cache
def corpus_text(name: str) -> str:
    return normalize(corpus_path(name).read_text(encoding="utf-8"))


def _id(e: dict) -> str:
    return f"{e['number']}-{e['symbol']}"


def _date_forms(iso: str) -> list[str]:
    """2024-12-22 -> the ways a notice writes it: 22/12/2024, 22 tháng 12 năm 2024, 05/3/2020 ..."""
    y, m, d = (int(x) for x in iso.split("-"))
    days, months = {f"{d}", f"{d:02d}"}, {f"{m}", f"{m:02d}"}
    return [f"{dd}/{mm}/{y}" for dd in days for mm in months] + [
        f"ngày {dd} tháng {mm} năm {y}" for dd in days for mm in months
    ]


@pytest.mark.parametrize("entry", ENTRIES, ids=_id)
def test_entry_fields(entry: dict) -> None:
    assert set(FIELDS) <= set(entry), f"missing {set(FIELDS) - set(entry)}"
    assert entry["source"], "every entry says where its facts come from"
    if entry["date"]:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["date"])
        assert entry["year"] == int(entry["date"][:4])


@pytest.mark.parametrize("entry", ENTRIES, ids=_id)
def test_quotes_are_verbatim(entry: dict) -> None:
    for src in entry["source"]:
        if src["file"] is None:
            assert src.get("note"), "a source without a file explains itself in a note"
            continue
        assert src["quote"] in corpus_text(src["file"]), f"{src['file']}: quote not found"


@pytest.mark.parametrize("entry", ENTRIES, ids=_id)
def test_facts_are_stated_by_a_quote(entry: dict) -> None:
    """Each non-null fact is in a quote, or a note (file null) names the field it explains."""
    quotes = " | ".join(s["quote"] for s in entry["source"] if s["file"])
    notes = " | ".join(s.get("note", "") for s in entry["source"])
    quoted_ids = {c.key for c in extract_citations(quotes)}
    key = citation_key(entry["doc_type"], entry["number"], entry["symbol"], entry["year"])
    if entry["date"]:
        assert any(f in quotes for f in _date_forms(entry["date"])) or "date" in notes, "date"
    if entry["issuer"]:
        assert entry["issuer"] in quotes or "issuer" in notes.lower(), "issuer"
    if entry["title"]:
        assert entry["title"] in quotes or "title" in notes.lower(), "title"
    # the directive itself is cited in a quote (its number and symbol) unless a note explains them
    assert key in quoted_ids or "number" in notes or entry["doc_type"] == "Luật", (key, quoted_ids)


@pytest.mark.parametrize("entry", ENTRIES, ids=_id)
def test_key_is_computed_from_fields(entry: dict) -> None:
    key = citation_key(entry["doc_type"], entry["number"], entry["symbol"], entry["year"])
    assert catalog()[key]["number"] == entry["number"]
    assert catalog()[key]["key"] == key


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e["aliases"]], ids=_id)
def test_aliases_resolve_to_the_entry(entry: dict) -> None:
    key = citation_key(entry["doc_type"], entry["number"], entry["symbol"], entry["year"])
    for alias in entry["aliases"]:
        cs = extract_citations(alias)
        assert [c.key for c in cs] == [key], alias


def test_keys_are_unique() -> None:
    keys = [citation_key(e["doc_type"], e["number"], e["symbol"], e["year"]) for e in ENTRIES]
    assert len(keys) == len(set(keys)) == len(catalog())


def test_catalog_covers_what_the_notices_cite() -> None:
    # the directives the issue names, and every national directive the seeds cite by number
    needed = [
        "NQ:57-NQ/TW:2024",
        "NQ:71-NQ/TW:2025",
        "NQ:66-NQ/TW:2025",
        "NQ:68-NQ/TW:2025",
        "CT:50-CT/TW:2025",
        "CT:36/CT-TTg:2025",
        "QĐ:6/QĐ-TTg:2022",
        "NĐ:154/NĐ-CP:2025",
        "NĐ:30/NĐ-CP:2020",
    ]
    assert set(needed) <= set(catalog())
    for seed in ("seeds/003_283bb7c43c322961.txt", "seeds/000_af8ae71dad894608.txt"):
        for c in extract_citations(corpus_text(seed)):
            if c.symbol and c.symbol.endswith(("/TW", "-TTg", "-CP")):
                assert c.key in catalog(), c.text
            if c.kind == "short":
                assert c.key in catalog(), c.text


def test_yearless_mention_takes_the_catalog_year() -> None:
    # "Nghị quyết số 57-NQ/TW" without a date: the catalog knows one 57-NQ/TW
    assert extract_citations("Nghị quyết số 57-NQ/TW")[0].key == "NQ:57-NQ/TW:2024"
    # a dated mention of another 57-NQ/TW (another term) stays apart
    assert extract_citations("Nghị quyết số 57-NQ/TW ngày 03/02/2030")[0].key == "NQ:57-NQ/TW:2030"
