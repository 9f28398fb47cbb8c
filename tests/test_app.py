"""The explorer: what each page draws (pure views), each page in Streamlit's AppTest, the access gate,
and what happens when ``vanban ingest`` writes while the explorer is open.

The store is the demo corpus plus one hostile notice (``<script>`` in its title,
``<img onerror>`` and ``<script>`` in two tasks), loaded with ``vanban ingest``.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from app_pages import board_view, document_view, lineage_view, rows_graph, screen
from graph import lineage
from vanban.security import Access, ExposedWithoutProtection, access_from_secrets, check_address, password_matches

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "samples" / "demo"
APP = str(ROOT / "app.py")

HOSTILE_TITLE = "<script>alert('xss-title')</script>"
HOSTILE_IMG = "<img src=x onerror=alert('xss-img')>"
HOSTILE_CITE = "<script>alert('xss-cite')</script>"
HOSTILE_UNIT = "phường Tân Thử"


# -- the store the app reads ----------------------------------------------------------


def write_hostile(folder: Path) -> Path:
    """A ward notice with markup in its title and tasks, built from a demo notice (another ward)."""
    src = (DEMO / "gia-dinh-phuong-an-lac-2025-10-nq.txt").read_text(encoding="utf-8")
    text = src.replace("AN LẠC", "TÂN THỬ").replace("An Lạc", "Tân Thử")
    text = text.replace("tháng 10 và nhiệm vụ trọng tâm tháng 11/2025", f"tháng 10 {HOSTILE_TITLE} và nhiệm vụ trọng tâm tháng 11/2025", 1)
    text = text.replace("1.1. Tiếp tục chỉ đạo 100% chi bộ", f"1.1. Tiếp tục chỉ đạo {HOSTILE_IMG} 100% chi bộ", 1)
    text = text.replace("1.2. Phấn đấu đến hết tháng 11/2025", f"1.2. Thực hiện Chỉ thị số 50-CT/TW {HOSTILE_CITE}, phấn đấu đến hết tháng 11/2025", 1)
    assert text.count("xss-") == 3, "the demo notice changed: update write_hostile"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "xss-phuong-tan-thu-2025-10-nq.txt"
    path.write_text(text, encoding="utf-8")
    return path


def ingest(db: Path, *paths: Path) -> subprocess.CompletedProcess:
    """``vanban ingest PATH... --db DB``, as a user runs it (a separate writer process)."""
    return subprocess.run(
        [sys.executable, "-m", "vanban", "ingest", *map(str, paths), "--db", str(db), "--no-progress"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )


_BUILT: dict[str, Path] = {}


def build_demo_db(base: Path) -> Path:
    """The demo corpus and the hostile notice in an embedded store (built once per test process)."""
    if "db" not in _BUILT:
        hostile = write_hostile(base / "hostile")
        db = base / "demo.db"
        proc = ingest(db, DEMO, hostile.parent)
        assert proc.returncode == 0, proc.stderr[-3000:]
        _BUILT["db"] = db
    return _BUILT["db"]


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo_db(tmp_path_factory.mktemp("explorer"))


@pytest.fixture(scope="session")
def store(demo_db: Path):
    from graph.backends import open_store

    s = open_store(db=str(demo_db), read_only=True)
    yield s
    s.close()


@pytest.fixture
def app_env(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("VANBAN_DB", str(demo_db))
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    return demo_db


def open_page(page: str | None = None, **params: str):
    """Run the app (its router), switch to ``app_pages/PAGE.py`` with URL parameters, fail on any exception."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if page:
        at.switch_page(f"app_pages/{page}.py")
        for k, v in params.items():
            at.query_params[k] = v
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def page_text(at) -> str:
    """Everything a page says: headings, markdown, captions, HTML, messages, widget labels, table cells."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success", "html", "code"):
        parts += [str(e.value) for e in getattr(at, kind)]
    for kind in ("selectbox", "multiselect", "text_input", "text_area", "button", "download_button", "number_input", "date_input"):
        parts += [str(e.label) for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [t.label for t in at.tabs]
    for df in at.dataframe:
        parts.append(df.value.to_csv())
    return "\n".join(parts)


def the_key(store, label_part: str) -> str:
    """A directive's citation key, found by its label (keys are the citation stage's business)."""
    return next(d["key"] for d in store.query("directives", {}) if label_part in (d["label"] or ""))


def hostile_doc(store) -> str:
    return next(d["document"] for d in store.query("documents", {}) if d["unit"] == HOSTILE_UNIT)


# -- pure views -------------------------------------------------------------------------


@pytest.mark.parametrize("module", [screen, document_view, board_view, lineage_view, rows_graph], ids=lambda m: m.__name__)
def test_views_doctests(module):
    import doctest

    result = doctest.testmod(module)  # app_pages/ is left out of --doctest-modules (Streamlit pages)
    assert result.failed == 0 and result.attempted >= 1


def _strip_tags(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def marked(fragment: str, kind: str) -> list[str]:
    """The text inside every ``<mark class="vb-KIND">``, nested marks included."""
    from html.parser import HTMLParser

    found: list[str] = []

    class P(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[int | None] = []

        def handle_starttag(self, tag, attrs):
            if tag in ("mark", "span", "div"):
                if tag == "mark" and dict(attrs).get("class") == f"vb-{kind}":
                    found.append("")
                    self.stack.append(len(found) - 1)
                else:
                    self.stack.append(None)

        def handle_endtag(self, tag):
            if tag in ("mark", "span", "div"):
                self.stack.pop()

        def handle_data(self, data):
            for i in self.stack:
                if i is not None:
                    found[i] += data

    P().feed(fragment)  # convert_charrefs is on by default: &lt; arrives as <
    return found


@pytest.mark.parametrize(
    ("text", "items", "marks"),
    [
        # a citation inside a task
        ("Thực hiện Chỉ thị số 50-CT/TW của Ban Bí thư.", [(0, 45, "task")], [(10, 29, "citation")]),
        # a body inside a citation, overlapping spans, a theme keyword
        ("Kế hoạch số 05-KH/UBND của UBND phường về chuyển đổi số", [(0, 55, "result")],
         [(0, 38, "citation"), (27, 38, "body"), (46, 55, "theme")]),
        # markup in the text, spans beyond the end clipped, empty spans dropped
        (f"Tiêu đề {HOSTILE_TITLE} {HOSTILE_IMG}", [(0, 500, "other")], [(8, 8, "body"), (8, 43, "citation")]),
        # no spans at all
        ("Không có gì", [], []),
    ],
)
def test_highlight_keeps_the_text_and_escapes_it(text, items, marks):
    out = document_view.highlight_html(text, [document_view.Span(s, e, k) for s, e, k in items], [document_view.Span(s, e, k) for s, e, k in marks])
    assert _strip_tags(out) == text  # every character once, in order
    assert "<script>" not in out and "<img" not in out
    for s, e, k in marks:
        if s < e:
            assert f'data-kind="{k}"' in out


def test_highlight_marks_each_citation_at_its_span():
    text = "Căn cứ Nghị quyết số 57-NQ/TW; thực hiện Chỉ thị số 50-CT/TW."
    spans = [(m.start(), m.end()) for m in re.finditer(r"(?:Nghị quyết|Chỉ thị) số \S+/TW", text)]
    bodies = [(m.start(), m.end()) for m in re.finditer(r"Ban Bí thư|Bộ Chính trị", text)]
    out = document_view.highlight_html(text, [], [document_view.Span(s, e, "citation", "x") for s, e in spans]
                               + [document_view.Span(s, e, "body", "y") for s, e in bodies])
    assert marked(out, "citation") == [text[s:e] for s, e in spans]


def test_a_body_inside_a_citation_is_nested_not_cut():
    text = "Thực hiện Nghị quyết số 71-NQ/TW của Bộ Chính trị về giáo dục."
    cite = (text.index("Nghị quyết"), text.index(" về"))
    body = (text.index("Bộ Chính trị"), text.index(" về"))
    theme = (text.index("trị về giáo"), text.index("giáo dục") + len("giáo dục"))  # crosses the citation's end
    out = document_view.highlight_html(text, [document_view.Span(0, len(text), "task")], [document_view.Span(*cite, "citation"), document_view.Span(*body, "body"),
                                                                            document_view.Span(*theme, "theme")])
    assert marked(out, "citation") == [text[slice(*cite)]]  # whole, with the body inside it
    assert marked(out, "body") == [text[slice(*body)]]
    assert "".join(marked(out, "theme")) == text[slice(*theme)]  # the crossing one is split, not lost
    assert _strip_tags(out) == text


def test_document_spans_titles_and_theme_keywords():
    items = [{"span_start": 0, "span_end": 40, "role": "task", "path": "II.1", "period": "2026-03", "verdict": "silent",
              "themes": ["Chuyển đổi số", None]}]
    mentions = [{"kind": "body", "span_start": 5, "span_end": 9, "label": "Ủy ban nhân dân phường", "role": "lead"},
                {"kind": "citation", "span_start": None, "span_end": None, "label": "x"}]  # no span: not marked
    its, marks = document_view.document_spans(items, mentions, {"Chuyển đổi số": [(20, 34)], "Bầu cử": [(1, 3)]})
    assert its[0].title == "Nhiệm vụ II.1 · tháng 03/2026 · Không được báo cáo lại · Chủ đề: Chuyển đổi số"
    assert [(m.kind, m.start, m.end, m.title) for m in marks] == [
        ("theme", 20, 34, "Chủ đề: Chuyển đổi số"),
        ("body", 5, 9, "Ủy ban nhân dân phường (chủ trì)"),
    ]


def _task(item, unit="phường A", period="2025-10", verdict=None, **kw):
    return {"item": item, "document": item.split("#")[0], "unit": unit, "period": period, "path": "1", "task": f"nhiệm vụ {item}",
            "verdict": verdict, "leads": kw.get("leads", []), "partners": kw.get("partners", []),
            "themes": kw.get("themes", []), "directive_keys": kw.get("keys", []), "directives": kw.get("labels", [])}


BOARD_TASKS = [
    _task("d1#a", verdict="carried_over", leads=["UBND phường", None], themes=["Chuyển đổi số"]),
    _task("d2#b", period="2025-11", verdict="carried_over"),
    _task("d3#c", period="2025-12", verdict="done", partners=["Công an phường"], keys=["CT:50"], labels=["Chỉ thị số 50-CT/TW"]),
    _task("d1#x", verdict="silent"),
    _task("e1#y", unit="phường B", verdict=None),
]
BOARD_LINKS = [
    {"link": "carried_over", "from_item": "d1#a", "to_item": "d2#b", "to_period": "2025-11", "to_text": "nhiệm vụ d2#b"},
    {"link": "carried_over", "from_item": "d2#b", "to_item": "d3#c", "to_period": "2025-12", "to_text": "nhiệm vụ d3#c"},
    {"link": "followed_by", "from_item": "d3#c", "to_item": "d4#r", "to_period": "2025-12", "to_text": "Đã hoàn thành.",
     "verdict": "done", "score": 0.8, "evidence": "Đã hoàn thành."},
]


def test_board_frame_chains_verdicts_and_evidence():
    df = board_view.board_frame(BOARD_TASKS, BOARD_LINKS).set_index("item")
    assert list(df.loc[["d1#a", "d2#b", "d3#c"], "chain"]) == ["C1"] * 3  # one chain across three months
    assert df.loc["d1#x", "chain"] == ""
    assert df.loc["e1#y", "verdict_label"] == screen.UNRATED
    assert df.loc["d1#a", "leads"] == "UBND phường"  # nulls of collect() dropped
    assert df.loc["d3#c", "result"] == "Đã hoàn thành."
    assert df.loc["d1#a", "next_period"] == "2025-11"
    assert df.loc["d3#c", "evidence"] == [("result", "Đã hoàn thành.", "Đã hoàn thành.")]


def test_search_frame_orders_hits_whatever_order_the_union_gave():
    hits = [
        {"kind": "Item", "id": "d1#3", "label": "Đẩy mạnh chuyển đổi số", "context": "phường A"},
        {"kind": "Body", "id": "ubnd-a", "label": "Ủy ban nhân dân phường A", "context": "state"},
        {"kind": "Document", "id": "d2", "label": "Thông báo tháng 02", "context": "phường A"},
        {"kind": "Document", "id": "d1", "label": "Thông báo tháng 01", "context": "phường A"},
    ]
    expected = ["d1", "d2", "ubnd-a", "d1#3"]
    assert list(screen.search_frame(hits)["id"]) == expected
    assert list(screen.search_frame(hits[::-1])["id"]) == expected
    assert list(screen.search_frame(hits)["Loại"])[0] == "Văn bản"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["d1#a", "d2#b", "d3#c", "d1#x", "e1#y"]),
        ({"units": ["phường B"]}, ["e1#y"]),
        ({"bodies": ["Công an phường"]}, ["d3#c"]),  # a partner counts
        ({"bodies": ["UBND phường"]}, ["d1#a"]),  # a lead counts
        ({"themes": ["Chuyển đổi số"]}, ["d1#a"]),
        ({"verdicts": ["carried_over", "silent"]}, ["d1#a", "d2#b", "d1#x"]),
        ({"directives": ["CT:50"]}, ["d3#c"]),
        ({"text": "nhiem vu e1"}, ["e1#y"]),  # without accents
        ({"units": ["phường A"], "verdicts": ["done"]}, ["d3#c"]),  # filters combine
    ],
)
def test_filter_board(filters, expected):
    df = board_view.board_frame(BOARD_TASKS, BOARD_LINKS)
    assert list(board_view.filter_board(df, **filters)["item"]) == expected


def test_board_exports_are_text_only_and_coloured():
    from openpyxl import load_workbook

    tasks = [*BOARD_TASKS, {**_task("d9#f", verdict="partial"), "task": "=HYPERLINK(\"http://x\",\"bấm\")"},
             {**_task("d9#g", verdict="done"), "task": "- Tiếp tục tuyên truyền"}]
    df = board_view.board_frame(tasks, BOARD_LINKS)
    wb = load_workbook(io.BytesIO(board_view.board_xlsx(df)))
    ws = wb["Theo dõi thực hiện"]
    head = [c.value for c in ws[1]]
    assert head[:5] == ["Đơn vị", "Tháng", "Mục", "Nhiệm vụ", "Kết luận"]
    rows = {r[3].value: r for r in ws.iter_rows(min_row=2)}
    formula = rows['=HYPERLINK("http://x","bấm")']
    assert formula[3].data_type == "s"  # stored as text, never evaluated
    assert rows["- Tiếp tục tuyên truyền"][4].value == "Hoàn thành"
    assert rows["- Tiếp tục tuyên truyền"][4].fill.fgColor.rgb.endswith(screen.VERDICT_FILLS["done"])
    assert rows["nhiệm vụ d1#a"][1].value == "10/2025"
    summary = {(r[0].value, r[1].value): [c.value for c in r[2:]] for r in wb["Tổng hợp"].iter_rows(min_row=2)}
    assert summary[("phường A", "10/2025")] == [1, 1, 1, 1, 0, 0, 4]  # done, partial, carried, silent, pending, unrated, total

    raw = board_view.board_csv(df)
    assert raw.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    assert list(frame.columns) == list(board_view.BOARD_COLUMNS.values())
    assert set(frame["Nhiệm vụ"]) >= {"'=HYPERLINK(\"http://x\",\"bấm\")", "'- Tiếp tục tuyên truyền", "nhiệm vụ d1#a"}
    assert len(frame) == len(df)


def test_grid_and_chains_escape_and_colour():
    tasks = [*BOARD_TASKS, {**_task("d9#h", verdict="done"), "task": HOSTILE_IMG}]
    df = board_view.board_frame(tasks, BOARD_LINKS)
    grid = board_view.board_grid_html(df)
    assert "<img" not in grid and html.escape(HOSTILE_IMG) in grid
    assert grid.count('class="vb-task"') == len(df)
    assert 'data-verdict="silent"' in grid and screen.VERDICT_COLORS["silent"] in grid
    chains = board_view.chains_html(df)
    assert chains.count('class="vb-chain"') == 1 and chains.count('class="vb-dot"') == 3


@pytest.mark.parametrize(
    ("symbol", "issuer", "level"),
    [
        ("NQ/TW", "Bộ Chính trị", "Trung ương"),
        ("CT/TW", None, "Trung ương"),
        ("2025/NĐ-CP", "Chính phủ", "Chính phủ, bộ, ngành"),
        ("CT-TTg", None, "Chính phủ, bộ, ngành"),
        ("KH/TU", None, "Tỉnh, thành phố"),
        ("NQ/ĐU", None, "Phường, xã"),
        ("QĐ-UBND", "Ủy ban nhân dân phường Hòa Phong", "Phường, xã"),  # issued at every level: the issuer decides
        ("QĐ-UBND", "Ủy ban nhân dân thành phố Hải Phòng", "Tỉnh, thành phố"),
        (None, "Ban Bí thư", "Trung ương"),
        (None, None, "Khác"),
    ],
)
def test_issuer_level(symbol, issuer, level):
    assert lineage_view.issuer_level(symbol, issuer)[0] == level


def test_lineage_walks_both_ways_and_stops_at_the_cap():
    # TW -> city plan KH -> two ward notices (one numbered, cited again by a later one): rows of lineage_edges
    rows = [
        {"document": "kh", "document_key": "KH", "key": "TW", "label": "NQ 57-NQ/TW", "cited_symbol": "NQ/TW",
         "evidence": "Thực hiện NQ 57", "first": 0},
        {"document": "w1", "document_key": "W1", "key": "KH", "doc_type": "Nghị quyết", "unit": "phường A", "evidence": "Theo KH"},
        {"document": "w2", "document_key": None, "key": "KH", "doc_type": "Thông báo", "unit": "phường B", "evidence": "Theo KH"},
        {"document": "w3", "document_key": None, "key": "W1", "unit": "phường A", "evidence": "Theo NQ W1"},
    ]
    asked: list[list[str]] = []

    def edges(keys: list[str]) -> list[dict]:
        asked.append(keys)
        return [r for r in rows if r["key"] in keys or r["document_key"] in keys]

    lin = lineage.walk("KH", {"label": "KH 01"}, edges)
    assert {n: v["depth"] for n, v in lin.nodes.items()} == {"KH": 0, "TW": -1, "W1": 1, "doc:w2": 1, "doc:w3": 2}
    assert ("doc:w3", "W1") in {(e["source"], e["target"]) for e in lin.edges}
    assert not lin.truncated
    assert asked == [["KH"], ["TW"], ["KH"], ["W1"]]  # one query a level, not one a node
    nodes, edges_ = lineage_view.lineage_visual(lin)
    assert {n.id: n.level for n in nodes} == {"KH": 1, "TW": 0, "W1": 2, "doc:w2": 2, "doc:w3": 3}  # TW on top
    assert len(edges_) == 4 and all(e.title for e in edges_)
    small = lineage.walk("KH", {}, edges, max_nodes=3)
    assert len(small.nodes) == 3 and small.truncated
    shallow = lineage.walk("KH", {}, edges, max_depth=1)
    assert "doc:w3" not in shallow.nodes


def test_rows_graph_from_paths_and_from_plain_rows():
    path = {"nodes": [{"_label": "Document", "id": "d1", "title": "NQ"}, {"_label": "Directive", "key": "k", "label": "CT 50"}],
            "rels": [{"_type": "CITES"}]}
    nodes, edges = rows_graph.rows_graph([{"p": path}, {"p": path}])
    assert [n.label for n in nodes] == ["NQ", "CT 50"] and [(e.source, e.target, e.label) for e in edges] == [
        ("Document:d1", "Directive:k", "CITES"), ("Document:d1", "Directive:k", "CITES")]
    nodes, edges = rows_graph.rows_graph([{"unit": "phường A", "directive": "CT 50", "n": 2}, {"unit": "phường B", "directive": "CT 50", "n": 1}])
    assert len(nodes) == 3 and len(edges) == 2


@pytest.mark.parametrize(
    ("query", "fields", "hit"),
    [
        ("hoà phong", ("phường Hòa Phong",), True),  # tone placement
        ("HOA PHONG", ("phường Hòa Phong",), True),  # case and accents
        ("57 tw", ("Nghị quyết số 57-NQ/TW",), True),
        ("57 tu", ("Nghị quyết số 57-NQ/TW",), False),
        ("", ("x",), True),
    ],
)
def test_matches(query, fields, hit):
    assert screen.matches(query, *fields) is hit


# -- access -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "access", "allowed"),
    [
        ("127.0.0.1", Access(), True),
        ("localhost", Access(), True),
        ("::1", Access(), True),
        ("0.0.0.0", Access(), False),
        ("", Access(), False),  # Streamlit's default: every interface
        ("192.168.1.10", Access(), False),
        ("0.0.0.0", Access(password="mật khẩu"), True),
        ("0.0.0.0", Access(oidc=True), True),
    ],
)
def test_check_address(address, access, allowed):
    if allowed:
        check_address(address, access)
    else:
        with pytest.raises(ExposedWithoutProtection, match="party documents are not public"):
            check_address(address, access)


def test_secrets_and_passwords():
    assert access_from_secrets({"password": "abc"}) == Access(password="abc")
    assert access_from_secrets({"auth": {"redirect_uri": "http://x/oauth2callback"}}) == Access()  # incomplete
    assert password_matches("mật khẩu", "mật khẩu") and not password_matches("mat khau", "mật khẩu")


@pytest.fixture
def listen_on(monkeypatch: pytest.MonkeyPatch):
    from streamlit import config

    old = config.get_option("server.address")

    def set_address(address: str) -> None:
        config.set_option("server.address", address)

    yield set_address
    config.set_option("server.address", old)


@pytest.mark.slow
def test_app_refuses_a_public_address_without_password(app_env, listen_on):
    from streamlit.testing.v1 import AppTest

    listen_on("0.0.0.0")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert "Từ chối phục vụ" in at.error[0].value
    assert not at.title and not at.metric  # nothing of the data


@pytest.mark.slow
def test_app_asks_for_the_configured_password(app_env, listen_on):
    from streamlit.testing.v1 import AppTest

    listen_on("0.0.0.0")
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["password"] = "đúng-rồi"
    at.run()
    assert at.text_input[0].label == "Mật khẩu" and not at.metric
    at.text_input[0].input("sai")
    at.button[0].click().run()
    assert at.error[0].value == "Sai mật khẩu." and not at.metric
    at.text_input[0].input("đúng-rồi")
    at.button[0].click().run()
    assert at.title[0].value == "Tổng quan" and at.metric


# -- the pages, on the demo store ------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "says"),
    [
        (None, ["Tổng quan", "Văn bản chỉ đạo được trích dẫn nhiều nhất", "Văn bản mới nhất", "Tìm kiếm"]),
        ("lineage", ["Dòng chỉ đạo", "Câu làm căn cứ", "Dòng thời gian", "Văn bản chỉ đạo"]),
        ("follow_through", ["Theo dõi thực hiện", "Bảng đơn vị × tháng", "Chuỗi chuyển tiếp", "Tải bảng Excel (XLSX)",
                            "Tải bảng CSV", "Căn cứ của kết luận", "Tình trạng theo thời hạn", "Tính đến ngày",
                            "Tải báo cáo (XLSX)", "Tải báo cáo (DOCX)"]),
        ("document", ["Văn bản", "Trích dẫn văn bản", "Các mục", "Cơ quan ban hành"]),
        ("bodies", ["Đơn vị", "Chủ trì", "Phối hợp", "Nhiệm vụ của một cơ quan"]),
        ("themes", ["Chủ đề", "Phường, xã"]),
        ("queries", ["Truy vấn", "Tải kết quả CSV", "Liên kết mở lại đúng truy vấn này"]),
    ],
)
@pytest.mark.slow
def test_each_page_renders_in_vietnamese(app_env, page, says):
    text = page_text(open_page(page))
    for s in says:
        assert s in text, s


@pytest.mark.slow
def test_overview_counts_and_accent_free_search(app_env, store):
    at = open_page()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Văn bản"] == str(len(store.query("documents", {})))
    assert metrics["Phường, xã"] == str(len(store.query("units", {})))
    at.text_input(key="search").input("hoa phong").run()  # no accents, the unit is "Hòa Phong"
    found = at.dataframe[0].value
    assert len(found) > 0 and found["Kết quả"].str.contains("Hòa Phong").any()


@pytest.mark.slow
def test_lineage_opens_from_a_link_and_shows_every_citing_document(app_env, store):
    key = the_key(store, "50-CT/TW")
    at = open_page("lineage", key=key)
    assert at.selectbox(key="lineage_key").value == key
    edges = at.dataframe[0].value
    citing = store.query("citing_documents", {"key": key})
    assert len(citing) >= 3
    assert sum(e.endswith("Chỉ thị số 50-CT/TW") for e in edges.iloc[:, 0]) == len(citing)
    evidence = [h.value for h in at.html if "vb-evidence" in h.value][0]
    assert any("50-CT/TW" in m for m in marked(evidence, "citation"))


@pytest.mark.slow
def test_board_shows_every_verdict_and_the_sentences_behind_one(app_env, store):
    at = open_page("follow_through")
    counts = next(h.value for h in at.html if "vb-count" in h.value)
    for v in screen.VERDICTS:
        n = sum(1 for r in store.query("board_tasks", {}) if r["verdict"] == v)
        assert f"{screen.VERDICT_LABELS[v]}: <b>{n}</b>" in counts
    grid = next(h.value for h in at.html if "vb-board" in h.value)
    assert grid.count('class="vb-task"') == len(store.query("board_tasks", {}))

    done = next(r["item"] for r in store.query("board_tasks", {}) if r["verdict"] == "done")
    at.selectbox(key="ft_task").set_value(done).run()
    text = page_text(at)
    assert "Kết quả được báo cáo ở tháng sau" in text and "Hoàn thành" in text
    at.multiselect(key="ft_verdicts").set_value(["silent"]).run()
    listed = at.dataframe[0].value
    assert len(listed) > 0 and set(listed["Kết luận"]) == {screen.VERDICT_LABELS["silent"]}


@pytest.mark.slow
def test_board_counts_each_official_status_and_shows_the_overdue_in_red(app_env, store):
    from graph.status import OPEN_OVERDUE, STATUS_COLORS, STATUS_LABELS, STATUSES, status_report

    report = status_report(store)  # as of each ward's newest document, as the page without a day
    assert report.totals.open_overdue > 0
    at = open_page("follow_through")
    counts = next(h.value for h in at.html if "vb-status-count" in h.value)
    for k in STATUSES:
        assert f"{html.escape(STATUS_LABELS[k])}: <b>{report.totals.get(k)}</b>" in counts
    at.multiselect(key="ft_statuses").set_value([OPEN_OVERDUE]).run()
    grid = next(h.value for h in at.html if "vb-board" in h.value)
    assert grid.count('class="vb-task"') == grid.count('data-status="open_overdue"') == report.totals.open_overdue
    assert f"outline:2px solid {STATUS_COLORS[OPEN_OVERDUE]}" in grid
    listed = at.dataframe[0].value
    assert set(listed["Tình trạng"]) == {STATUS_LABELS[OPEN_OVERDUE]}


@pytest.mark.slow
def test_hostile_document_shows_its_markup_as_text(app_env, store):
    doc = hostile_doc(store)
    at = open_page("document", doc=doc)
    assert at.selectbox(key="doc_id").value == doc
    body = next(h.value for h in at.html if "vb-doc" in h.value)
    for s in (HOSTILE_TITLE, HOSTILE_IMG, HOSTILE_CITE):
        assert html.escape(s) in body and s not in body
    assert "<script" not in "".join(h.value for h in at.html) and "<img" not in "".join(h.value for h in at.html)
    # every citation of the document is marked at its span
    detail = store.query("document_detail", {"document": doc})[0]["text"]
    cites = [m for m in store.query("document_mentions", {"document": doc}) if m["kind"] == "citation"]
    shown = marked(body, "citation")
    assert cites and all(detail[c["span_start"]:c["span_end"]] in shown for c in cites)
    # the title (markdown) shows the characters, escaped for markdown
    title = next(m.value for m in at.markdown if "xss" in m.value)
    assert title.startswith("*") and "\\<script\\>alert" in title


@pytest.mark.slow
def test_hostile_text_in_the_board_and_lineage_stays_text(app_env, store):
    at = open_page("follow_through")
    grid = next(h.value for h in at.html if "vb-board" in h.value)
    assert html.escape(HOSTILE_IMG) in grid and "<img" not in grid
    at = open_page("lineage", key=the_key(store, "50-CT/TW"))
    assert "<script>alert('xss" not in "".join(h.value for h in at.html)


@pytest.mark.slow
def test_query_page_builds_widgets_and_a_link_from_the_url(app_env, store):
    unit = "phường An Lạc"
    at = open_page("queries", query="documents", unit=unit)
    assert at.selectbox(key="q_name").value == "documents"
    assert at.selectbox(key="q_documents_unit").value == unit
    table = at.dataframe[0].value
    assert len(table) == len(store.query("documents", {"unit": unit})) and set(table["unit"]) == {unit}
    link = at.code[0].value
    assert "query=documents" in link and "unit=ph%C6%B0%E1%BB%9Dng+An+L%E1%BA%A1c" in link


@pytest.mark.slow
def test_query_page_refuses_writes(app_env, store):
    before = len(store.query("documents", {}))
    at = open_page("queries", cypher="MATCH (d:Document) DETACH DELETE d")
    assert any("chỉ được đọc" in e.value for e in at.error)
    assert len(store.query("documents", {})) == before


@pytest.mark.slow
@pytest.mark.parametrize(
    "probe, named",
    [
        # issue 12: one link read .streamlit/secrets.toml
        ("UNWIND [1] AS a WITH a WHERE a = 1LOAD FROM '.streamlit/secrets.toml' (file_format='csv', header=false, delim='|') RETURN column0",
         "LOAD at line 1, column 35"),
        ("CALL READ_CSV_PARALLEL('/etc/hostname') RETURN *", "CALL at line 1, column 1"),  # segfaulted the server
        ("CALL timeout=1", "CALL at line 1, column 1"),  # changed the connection every user shares
        ("COPY (MATCH (d:Document) RETURN d.id) TO 'out.csv'", "COPY at line 1, column 1"),
    ],
)
def test_query_page_refuses_what_does_not_only_read(app_env, probe, named):
    at = open_page("queries", cypher=probe)
    errors = " ".join(e.value for e in at.error)
    assert "chỉ được đọc" in errors and named in errors
    assert not at.dataframe
    at = open_page("queries", cypher="MATCH (d:Document) RETURN count(*) AS n")  # the app goes on
    assert not at.error and at.dataframe[0].value["n"][0] > 0


@pytest.mark.slow
def test_query_page_stops_a_slow_query_and_caps_rows(app_env, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("VANBAN_CONSOLE_TIMEOUT", "1")
    monkeypatch.setenv("VANBAN_CONSOLE_MAX_ROWS", "7")
    started = time.monotonic()
    at = open_page("queries", cypher="UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a, b WHERE a * b = -1 RETURN count(*) AS n")
    assert any("chạy quá 1 giây" in e.value for e in at.error)
    assert time.monotonic() - started < 30
    at = open_page("queries", cypher="MATCH (i:Item) RETURN i.id AS id")
    assert len(at.dataframe[0].value) == 7
    assert any("Kết quả bị cắt: chỉ lấy 7 dòng đầu" in w.value for w in at.warning)


@pytest.mark.slow
def test_query_page_survives_a_crash_of_the_engine(app_env):
    """RETURN id(NULL) reads nothing yet segfaults LadybugDB 0.22: the worker dies, the page says so, the app goes on."""
    at = open_page("queries", cypher="RETURN id(NULL) AS x")
    assert any("làm hỏng bộ máy cơ sở dữ liệu" in e.value and "SIGSEGV" in e.value for e in at.error)
    assert not open_page("overview").exception
    at = open_page("queries", cypher="MATCH (d:Document) RETURN count(*) AS n")
    assert not at.error and at.dataframe[0].value["n"][0] > 0


@pytest.mark.slow
def test_query_page_missing_required_parameter(app_env):
    at = open_page("queries", query="citing_documents")
    assert at.selectbox(key="q_citing_documents_key").value  # pre-filled with a directive, so it runs
    assert not at.error


# -- ingest while the app is open ------------------------------------------------------------


@pytest.mark.slow
def test_ingest_while_the_app_is_open(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The app holds the store open read-only; ``vanban ingest`` still writes; the next run shows the new data."""
    db = tmp_path / "live.db"
    shutil.copy(demo_db, db)
    monkeypatch.setenv("VANBAN_DB", str(db))
    at = open_page()
    n = int(next(m.value for m in at.metric if m.label == "Văn bản"))

    extra = tmp_path / "new" / "gia-dinh-phuong-an-lac-2026-04-tb.txt"
    extra.parent.mkdir()
    src = (DEMO / "gia-dinh-phuong-an-lac-2025-09-tb.txt").read_text(encoding="utf-8")
    extra.write_text(src.replace("AN LẠC", "ĐÔNG THỊNH").replace("An Lạc", "Đông Thịnh"), encoding="utf-8")
    proc = ingest(db, extra)  # a second process writes while this one holds a reader
    assert proc.returncode == 0, proc.stderr[-2000:]

    at.run()  # the next interaction: a new data signature reopens the store
    assert not at.exception
    assert int(next(m.value for m in at.metric if m.label == "Văn bản")) == n + 1

    at.sidebar.button[0].click().run()  # "Tải lại dữ liệu" clears caches and reopens
    assert at.sidebar.button[0].label == "Tải lại dữ liệu"
    assert int(next(m.value for m in at.metric if m.label == "Văn bản")) == n + 1


@pytest.mark.slow
def test_missing_store_says_how_to_load_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("VANBAN_DB", str(tmp_path / "none.db"))
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "vanban ingest" in at.info[0].value


# -- the other store -------------------------------------------------------------------------


@pytest.mark.neo4j
@pytest.mark.slow
def test_every_page_on_neo4j(neo4j_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The same pages read a Neo4j store: credentials from the environment, as `vanban app --neo4j` passes them."""
    hostile = write_hostile(tmp_path / "hostile")
    proc = subprocess.run(
        [sys.executable, "-m", "vanban", "ingest", str(DEMO), str(hostile.parent), "--neo4j", neo4j_server.uri,
         "--user", neo4j_server.user, "--password", neo4j_server.password, "--no-progress"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)
    monkeypatch.setenv("VANBAN_DB", str(tmp_path / "unused.db"))
    for page in (None, "lineage", "follow_through", "document", "bodies", "themes", "queries"):
        at = open_page(page)
        assert not at.error, (page, [e.value for e in at.error])
        assert at.sidebar.caption[0].value.startswith("Neo4j: ")
        assert neo4j_server.password not in page_text(at) or not neo4j_server.password
    from graph.backends import open_store

    s = open_store(neo4j_uri=neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password, read_only=True)
    try:
        doc = next(d["document"] for d in s.query("documents", {}) if d["unit"] == HOSTILE_UNIT)
    finally:
        s.close()
    at = open_page("document", doc=doc)
    body = next(h.value for h in at.html if "vb-doc" in h.value)
    assert html.escape(HOSTILE_TITLE) in body and HOSTILE_TITLE not in body


def test_every_query_has_a_vietnamese_title():
    from graph import queries

    assert set(screen.QUERY_TITLES) <= set(queries.names())  # no title for a query that is gone
