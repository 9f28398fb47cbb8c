"""graph.visual: pyvis pages that work offline, show text as text, stay small and stop moving."""

from __future__ import annotations

import json
import re

import pytest

from graph.visual import DEFAULT_MAX_NODES, VEdge, VNode, cap_nodes, graph_html, safe_text

HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def _data(page_html: str, var: str) -> list[dict]:
    """The JSON array pyvis wrote into ``new vis.DataSet(...)`` for nodes or edges."""
    m = re.search(rf"{var} = new vis\.DataSet\((\[.*?\])\);", page_html, re.S)
    assert m, f"no {var} DataSet in the page"
    return json.loads(m.group(1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nghị quyết số 57-NQ/TW", "Nghị quyết số 57-NQ/TW"),  # plain text untouched
        ("<b>đậm</b>", "<b>đậm</b>"),  # markup kept as characters: vis-network shows it with innerText
        ('<a href="javascript:alert(1)">x</a>', '<a h\u200bref="javascript:alert(1)">x</a>'),  # "href" would flip pyvis to innerHTML
        ("dòng 1\x00\x07dòng 2", "dòng 1  dòng 2"),  # control characters become spaces
        ("a\tb\nc", "a\tb\nc"),  # tab and newline stay
        (None, ""),
        ("hoa\u0300", "hoà"),  # NFC
    ],
)
def test_safe_text(text, expected):
    assert safe_text(text) == expected


def test_safe_text_shortens_with_an_ellipsis():
    assert safe_text("x" * 1000, limit=10) == "x" * 9 + "…"


def test_page_needs_no_network():
    page = graph_html([VNode("a", "A"), VNode("b", "B")], [VEdge("a", "b", title="câu")]).html
    assert "vis.Network" in page and "vis-network" in page.lower()  # vis-network pasted in
    assert not re.search(r"""<script[^>]*\bsrc\s*=\s*["']https?:""", page, re.I)
    assert not re.search(r"""<link[^>]*\bhref\s*=\s*["']https?:""", page, re.I)
    assert "cdn.jsdelivr.net/npm/bootstrap" not in page


def test_text_reaches_the_page_only_as_json_strings():
    nodes = [VNode("a", HOSTILE, title=HOSTILE), VNode("b", "B", title='xem <a href="x">đây</a>')]
    page = graph_html(nodes, [VEdge("a", "b", title=HOSTILE, label=HOSTILE)]).html
    assert "<script>alert" not in page and "<img src=x" not in page  # \u003c inside the JSON
    assert "popup.innerHTML" not in page  # pyvis' raw-HTML popup never switched on
    n = {x["id"]: x for x in _data(page, "nodes")}
    assert n["a"]["title"] == HOSTILE  # and the text arrives intact, shown with innerText
    assert "href" not in n["b"]["title"]
    assert _data(page, "edges")[0]["title"] == HOSTILE


def test_cap_keeps_the_first_nodes_and_their_edges_and_says_so():
    nodes = [VNode(f"n{i}", f"nút {i}") for i in range(1500)]
    edges = [VEdge(f"n{i}", f"n{i + 1}", title=f"cạnh {i}") for i in range(1499)]
    page = graph_html(nodes, edges, max_nodes=300)
    assert (page.shown_nodes, page.total_nodes, page.shown_edges) == (300, 1500, 299)
    assert page.notice and "1.500" in page.notice and "300" in page.notice
    assert 'id="vanban-notice"' in page.html and "chỉ hiển thị 300 nút" in page.html
    assert [x["id"] for x in _data(page.html, "nodes")] == [f"n{i}" for i in range(300)]


def test_small_graph_has_no_notice():
    page = graph_html([VNode("a", "A")], [])
    assert page.notice is None and 'id="vanban-notice"' not in page.html


def test_default_cap():
    assert graph_html([VNode(str(i), str(i)) for i in range(DEFAULT_MAX_NODES + 5)], []).shown_nodes == DEFAULT_MAX_NODES


def test_cap_nodes_rejects_zero():
    with pytest.raises(ValueError, match="at least 1"):
        cap_nodes([VNode("a", "A")], [], 0)


def test_physics_stops_once_stable():
    page = graph_html([VNode(str(i), str(i)) for i in range(20)], [VEdge("0", str(i)) for i in range(1, 20)]).html
    options = json.loads(re.search(r"var options = (\{.*?\});\n", page, re.S).group(1))
    assert options["physics"]["enabled"] is True and options["physics"]["stabilization"]["enabled"] is True
    assert 'network.once("stabilizationIterationsDone", stopPhysics)' in page
    assert "network.setOptions({physics: {enabled: false}})" in page


def test_hierarchical_layout_uses_levels_without_physics():
    page = graph_html([VNode("tw", "TW", level=0), VNode("xa", "Xã", level=2)], [VEdge("xa", "tw")], hierarchical=True).html
    options = json.loads(re.search(r"var options = (\{.*?\});\n", page, re.S).group(1))
    assert options["layout"]["hierarchical"]["enabled"] is True and options["physics"]["enabled"] is False
    assert {x["id"]: x["level"] for x in _data(page, "nodes")} == {"tw": 0, "xa": 2}


def test_empty_graph_says_so():
    page = graph_html([], [])
    assert page.shown_nodes == 0 and "Không có nút nào để vẽ" in page.html


def test_evidence_panel_uses_text_content():
    page = graph_html([VNode("a", "A"), VNode("b", "B")], [VEdge("a", "b", title="x")], hint="<b>gợi ý</b>").html
    assert "panel.textContent = " in page and "&lt;b&gt;gợi ý&lt;/b&gt;" in page
