"""The explorer on a store with more units and citing documents than a page holds (issue "National scale").

Seventy synthetic wards, one notice each (``vanban.synth``), in Streamlit's AppTest. Each page must
read a page and a total, never a list that grows with the store: the named queries the pages run are
recorded on the real store (a spy around ``CypherStore.query``, the rows are the store's own), and
the page must say where the user is ("1–50 / 70") and move with *Trang sau* / *Trang trước*.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app_pages import screen
from tests.test_app import open_page, page_text

pytestmark = pytest.mark.slow

WARDS = 70
#: named queries whose rows grow with the store: no page may run them
WHOLE = {"documents", "units", "directives", "citing_documents", "directive_timeline", "lineage_edges"}


@pytest.fixture(scope="module")
def wide_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from graph.embedded import EmbeddedStore
    from graph.loader import ingest_paths
    from vanban import synth

    root = tmp_path_factory.mktemp("wide")
    files = synth.generate_corpus(root / "corpus", WARDS, months=1)
    db = root / "wide.db"
    s = EmbeddedStore(db)
    try:
        ingest_paths(s, files, link=False, workers=1)
    finally:
        s.close()
    return db


@pytest.fixture(scope="module")
def wide(wide_db: Path):
    from graph.backends import open_store

    s = open_store(db=str(wide_db), read_only=True)
    yield s
    s.close()


@pytest.fixture
def ran(wide_db: Path, wide, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict, int]]:
    """The app on the wide store; every named query the pages run, with its parameters and row count
    (the test's own reads, through ``wide``, are not counted)."""
    import streamlit as st

    from graph.store import CypherStore

    monkeypatch.setenv("VANBAN_DB", str(wide_db))
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()
    calls: list[tuple[str, dict, int]] = []
    real = CypherStore.query

    def spy(self, name, params=None):
        rows = real(self, name, params)
        if self is not wide:
            calls.append((name, dict(params or {}), len(rows)))
        return rows

    real_page = CypherStore.query_page

    def page_spy(self, name, params, skip, limit):
        rows = real_page(self, name, params, skip, limit)
        calls.append((f"page:{name}", {**(params or {}), "skip": skip, "limit": limit}, len(rows)))
        return rows

    monkeypatch.setattr(CypherStore, "query", spy)
    monkeypatch.setattr(CypherStore, "query_page", page_spy)
    yield calls
    st.cache_data.clear()
    st.cache_resource.clear()


def _frame(at, *columns: str):
    return next(df.value for df in at.dataframe if set(columns) <= set(df.value.columns))


def _names(calls) -> set[str]:
    return {name for name, _, _ in calls}


def test_the_store_is_wider_than_a_page(wide):
    assert len(wide.query("units", {})) == WARDS
    assert len(wide.query("documents", {})) == WARDS


def test_overview_counts_in_cypher_and_pages_the_units(wide, ran):
    at = open_page()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Văn bản"] == screen.number(WARDS) and metrics["Phường, xã"] == screen.number(WARDS)
    assert not _names(ran) & WHOLE, _names(ran) & WHOLE
    units = wide.query("units", {})
    shown = _frame(at, "Số văn bản")
    assert list(shown["Đơn vị"]) == [u["unit"] for u in units[:50]]
    assert f"Đơn vị 1–50 / {WARDS}" in page_text(at)
    at.button(key="overview_units_page_next").click().run()
    shown = _frame(at, "Số văn bản")
    assert list(shown["Đơn vị"]) == [u["unit"] for u in units[50:]]
    assert f"Đơn vị 51–{WARDS} / {WARDS}" in page_text(at)
    at.button(key="overview_units_page_prev").click().run()
    assert f"Đơn vị 1–50 / {WARDS}" in page_text(at)
    assert not _names(ran) & WHOLE


def test_lineage_pages_the_citing_documents_and_units(wide, ran):
    key = wide.query("most_cited_directives", {"limit": 1})[0]["key"]
    citing = wide.query("citing_documents", {"key": key})
    units = wide.query("directive_units_page", {"key": key, "limit": 1000})
    assert len(citing) > 50 and len(units) > 50  # a directive every ward cites: more than a page
    at = open_page("lineage", key=key)
    assert at.selectbox(key="lineage_key").value == key
    text = page_text(at)
    assert f"Văn bản 1–50 / {len(citing)}" in text and f"Đơn vị 1–50 / {len(units)}" in text
    docs = _frame(at, "Ngày", "Câu trích dẫn")
    assert list(docs["Câu trích dẫn"]) == [r["evidence"] or "" for r in citing[:50]]
    at.button(key="lineage_docs_page_next").click().run()
    docs = _frame(at, "Ngày", "Câu trích dẫn")
    assert list(docs["Câu trích dẫn"]) == [r["evidence"] or "" for r in citing[50:100]]
    assert f"Văn bản 51–{min(100, len(citing))} / {len(citing)}" in page_text(at)
    assert not _names(ran) & WHOLE, _names(ran) & WHOLE
    # a level of the walk reads at most one row more than the graph can show
    limit = at.selectbox(key="lineage_max").value
    assert all(n <= limit + 1 for name, _, n in ran if name == "lineage_level")
    at.selectbox(key="lineage_max").set_value(50).run()
    assert any("Chuỗi dài hơn giới hạn 50 nút" in w.value or "50" in w.value for w in at.warning)
    assert all(n <= 51 for name, p, n in ran if name == "lineage_level" and p.get("limit") == 51)


def test_document_and_console_pickers_read_a_page(wide, ran):
    newest = list(reversed(wide.query("documents", {})))
    at = open_page("document")
    assert at.selectbox(key="doc_id").value == newest[0]["document"]
    at = open_page("queries", query="citing_documents")
    assert at.selectbox(key="q_citing_documents_key").value  # pre-filled with the most cited directive, so it runs
    at = open_page("queries", query="themes_by_month")
    assert len(at.selectbox(key="q_themes_by_month_unit").options) == WARDS + 1  # "(tất cả)" and every ward
    assert not _names(ran) & WHOLE, _names(ran) & WHOLE
    assert "page:citing_documents" in _names(ran)


def test_console_shows_a_named_query_a_page_at_a_time(wide, ran):
    items = wide.query("body_tasks_by_month", {})
    assert len(items) > 200
    at = open_page("queries", query="body_tasks_by_month")
    assert at.dataframe[0].value.to_dict("records") == items[:100]
    assert "Dòng 1–100 / hơn 100" in page_text(at)
    next(b for b in at.button if b.label == "Trang sau ›").click().run()
    assert at.dataframe[0].value.to_dict("records") == items[100:200]
    assert "Dòng 101–200 / hơn 200" in page_text(at)
    assert [(n, p["skip"], p["limit"]) for n, p, _ in ran if n == "page:body_tasks_by_month"] == [
        ("page:body_tasks_by_month", 0, 101), ("page:body_tasks_by_month", 100, 101)]
    assert "body_tasks_by_month" not in _names(ran)  # never read whole (the CSV reads it when its button is clicked)


def test_a_unit_picker_over_its_limit_searches_without_accents(wide, ran, monkeypatch):
    from ingest.normalize import fold

    monkeypatch.setattr("app_pages.paging.PICK_LIMIT", 10)
    at = open_page("themes")
    box = at.selectbox(key="themes_unit")
    assert len(box.options) == 10 + 1 and box.value != "Tất cả"  # the first ten and "Tất cả", one ward first
    assert f"10 trên {WARDS} phường, xã" in page_text(at)
    far = wide.query("units", {})[-1]["unit"]
    assert far not in box.options
    at.text_input(key="themes_unit_filter").input(fold(far).upper()).run()
    assert far in at.selectbox(key="themes_unit").options
    at.selectbox(key="themes_unit").set_value(far).run()
    assert not at.exception and at.selectbox(key="themes_unit").value == far
    assert not _names(ran) & WHOLE


def test_directive_picker_asks_the_store_for_the_words_typed(wide, ran, monkeypatch):
    monkeypatch.setattr("app_pages.paging.PICK_LIMIT", 3)
    every = wide.query("directives", {})
    far = next(d for d in every[3:] if d["label"] and d["documents"])  # not among the three most cited
    at = open_page("lineage")

    def offered() -> list[str]:  # AppTest gives a selectbox's options as their labels
        return list(at.selectbox(key="lineage_key").options)

    assert len(offered()) == 3 and not any(o.startswith(far["label"] + " (") for o in offered())
    at.text_input(key="lineage_key_filter").input(far["label"].upper()).run()  # case and accents do not matter
    assert any(o.startswith(far["label"] + " (") for o in offered())
    at.selectbox(key="lineage_key").set_value(far["key"]).run()
    assert not at.exception and at.selectbox(key="lineage_key").value == far["key"]
    assert not _names(ran) & WHOLE, _names(ran) & WHOLE
