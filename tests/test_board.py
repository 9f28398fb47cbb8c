"""The board at scale (app_pages/board.py): filters and pages in Cypher give what filtering every row in pandas gave.

The reference is the board as it was built before: every task of ``board_tasks``
read at once, :func:`app_pages.board_view.board_frame`, then
:func:`app_pages.board_view.filter_board`. The paged board must show the same tasks in
the same order, count them the same, and export all of them.
"""

from __future__ import annotations

import pytest

from app_pages import board, board_view
from graph import queries, schema
from graph.embedded import EmbeddedStore
from tests.test_queries import _corpus, _links

ALL = 10_000


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("board") / "b.db")
    for d in _corpus():
        s.upsert_document(d)
    _links(s)
    yield s
    s.close()


def fetch_of(store):
    def fetch(name, **params):
        return store.query(name, {k: v for k, v in params.items() if v is not None})

    return fetch


def reference(store):
    """Every task at once, as the board used to load it."""
    return board_view.board_frame(store.query("board_tasks", {"limit": ALL}), store.query("board_links", {}))


FILTERS = [
    ({}, {}),
    ({"unit": "phường Đông Hải"}, {"units": ["phường Đông Hải"]}),
    ({"verdicts": ("carried_over", "pending")}, {"verdicts": ["carried_over", "pending"]}),
    ({"bodies": ("Công an phường Đông Hải",)}, {"bodies": ["Công an phường Đông Hải"]}),
    ({"themes": ("Chuyển đổi số",)}, {"themes": ["Chuyển đổi số"]}),
    ({"directives": ("CT:5-CT/TU:2026",)}, {"directives": ["CT:5-CT/TU:2026"]}),
    ({"themes": ("Chuyển đổi số",), "verdicts": ("pending",)}, {"themes": ["Chuyển đổi số"], "verdicts": ["pending"]}),
    ({"text": "TAI KHOAN dinh danh"}, {"text": "TAI KHOAN dinh danh"}),
]


@pytest.mark.parametrize("given, old", FILTERS)
def test_filters_in_cypher_match_the_pandas_filter(store, given, old):
    fetch = fetch_of(store)
    expected = list(board_view.filter_board(reference(store), **old)["item"])
    f = board.BoardFilters(**given).resolve(fetch)
    got = list(board.all_frame(fetch, f, size=2)["item"])
    assert got == expected
    assert board.counts(fetch, f).total == len(expected)
    assert [r["item"] for r in store.query("board_items", f.params())] == expected


def test_months_filter(store):
    fetch = fetch_of(store)
    everything = reference(store)
    f = board.BoardFilters(from_period="2026-02", to_period="2026-02")
    got = list(board.all_frame(fetch, f)["item"])
    assert got == [i for i, p in zip(everything["item"], everything["period"], strict=True) if p == "2026-02"]
    assert got and len(got) < len(everything)


def test_pages_cover_every_task_once_in_order(store):
    fetch = fetch_of(store)
    everything = list(reference(store)["item"])
    assert len(everything) >= 4
    paged = [i for n in range(board.pages(len(everything), 2)) for i in board.page_frame(fetch, board.BoardFilters(), n, 2)["item"]]
    assert paged == everything
    # board_tasks alone gives one page by default
    assert len(store.query("board_tasks", {})) == min(len(everything), 200)
    assert len(store.query("board_tasks", {"skip": 1, "limit": 2})) == 2


def test_counts_per_verdict_and_cell(store):
    fetch = fetch_of(store)
    everything = reference(store)
    c = board.counts(fetch, board.BoardFilters())
    assert c.total == len(everything)
    stored = [r["verdict"] for r in store.query("board_tasks", {"limit": ALL})]  # the linker's verdict on each task
    assert c.by_verdict == {v: stored.count(v) for v in set(stored)}
    frame = c.frame()
    assert frame["Tổng"].sum() == len(everything)


def test_chains_named_over_the_scope_are_the_same_on_every_page(store):
    fetch = fetch_of(store)
    chains = board.chain_links(fetch, None)
    everything = reference(store)
    named = dict(zip(everything["item"], everything["chain"], strict=True))
    assert any(named.values())
    for n in range(board.pages(len(everything), 1)):
        page = board.page_frame(fetch, board.BoardFilters(), n, 1, chains)
        assert dict(zip(page["item"], page["chain"], strict=True)).items() <= named.items()


def test_export_holds_every_matching_task_as_the_old_csv(store):
    fetch = fetch_of(store)
    chains = board.chain_links(fetch, None)
    assert board.export_csv(fetch, board.BoardFilters(), size=2, chains=chains) == board_view.board_csv(reference(store))
    f = board.BoardFilters(verdicts=("pending",))
    assert board.export_csv(fetch, f, chains=chains) == board_view.board_csv(board_view.filter_board(reference(store), verdicts=["pending"]))


def test_an_empty_selection_matches_nothing(store):
    fetch = fetch_of(store)
    f = board.BoardFilters(items=())
    assert board.counts(fetch, f).total == 0 and board.all_frame(fetch, f).empty
    assert board.BoardFilters(bodies=("no such body",)).resolve(fetch).items == ()


def test_options_offer_what_the_scope_holds(store):
    rows = store.query("board_options", {"unit": "phường Đông Hải"})
    kinds = {(r["kind"], r["value"]) for r in rows}
    assert ("theme", "Chuyển đổi số") in kinds and ("month", "2026-02") in kinds
    assert ("directive", "CT:5-CT/TU:2026") in kinds and ("body", "Công an phường Đông Hải") in kinds
    assert not any(k == "month" and v == "2026-01" for k, v in kinds)  # Hải Phòng's month, another scope


#: what each board query filters on, as label.property
FILTERED = {("Document", "unit"), ("Item", "role"), ("Item", "period"), ("Item", "verdict"), ("Item", "id"),
            ("Body", "name"), ("Theme", "label"), ("Directive", "key")}


@pytest.mark.parametrize("label, prop", sorted(FILTERED))
def test_every_property_the_board_filters_on_is_indexed_on_neo4j(label, prop):
    table = schema.node(label)
    indexed = {p.name for p in table.props if p.indexed} | {table.key}
    assert prop in indexed
    statements = " ".join(schema.neo4j_constraints())
    assert f"(n:{label}) ON (n.{prop})" in statements or f"(n:{label}) REQUIRE n.{prop} IS UNIQUE" in statements


@pytest.mark.parametrize("name", ["board_tasks", "board_counts", "board_items", "board_match"])
def test_the_board_queries_filter_only_on_indexed_properties(name):
    text = queries.get(name).text("neo4j")
    for label, prop in [("Body", "name"), ("Theme", "label"), ("Item", "verdict")]:
        var = {"Body": "b.", "Theme": "th.", "Item": "t."}[label]
        if f"{var}{prop} IN" in text:
            assert (label, prop) in FILTERED
