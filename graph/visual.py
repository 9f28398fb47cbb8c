"""Stage 11 (pages): nodes and edges -> a self-contained pyvis HTML page.

:func:`graph_html` is a pure function: no Streamlit, no network, no files. The
explorer embeds its result with ``st.iframe``. What it guarantees, and why:

* **Works offline.** pyvis is told ``cdn_resources="in_line"`` (vis-network's
  JS and CSS are pasted into the page; "local" and "remote" fetch them from a
  CDN), and the two tags pyvis 0.3.2's template always adds for Bootstrap
  (``cdn.jsdelivr.net``) are removed: a ``<script src>`` that cannot load
  blocks the page until the request times out.
* **Text stays text.** vis-network 9 shows a string tooltip with
  ``innerText`` and draws labels on a canvas, so ``<script>`` in a document
  is shown, never run. pyvis switches to its own popup, which sets
  ``innerHTML``, as soon as one node's title contains ``href``: every text
  goes through :func:`safe_text`, which breaks that word with a zero-width
  space, drops control characters and shortens it. The page's own messages
  (the cap notice) are HTML-escaped; the evidence panel uses ``textContent``.
* **Bounded.** At most ``max_nodes`` nodes (the caller orders them by
  importance); the rest are left out with a visible notice. 1,500 nodes with
  physics on take minutes to settle in a browser.
* **Settles, then stops.** Physics is switched off once the layout is stable
  (``stabilizationIterationsDone``), so the page stops using the CPU; a
  hierarchical layout (levels given by the caller) needs no physics at all.
* **Every edge opens its evidence.** Hovering shows the tooltip; clicking an
  edge or a node writes its full text into a panel under the graph.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["GraphPage", "VEdge", "VNode", "cap_nodes", "graph_html", "safe_text"]

#: how many nodes a graph shows by default
DEFAULT_MAX_NODES = 300
#: longest tooltip, in characters
MAX_TITLE = 600


@dataclass(frozen=True)
class VNode:
    """A node to draw. ``level`` places it in a hierarchical layout (0 on top)."""

    id: str
    label: str
    title: str = ""
    color: str = "#97c2fc"
    shape: str = "dot"
    level: int | None = None
    size: int = 16
    group: str | None = None


@dataclass(frozen=True)
class VEdge:
    """A directed edge; ``title`` is its evidence (the sentence), shown on hover and on click."""

    source: str
    target: str
    title: str = ""
    label: str = ""
    color: str = "#848484"
    dashes: bool = False
    width: float = 1.5


@dataclass(frozen=True)
class GraphPage:
    html: str
    shown_nodes: int
    total_nodes: int
    shown_edges: int
    #: Vietnamese notice when nodes were left out, else None
    notice: str | None


# Control characters other than newline and tab: vis-network would draw them as boxes.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# pyvis 0.3.2 (network.py, generate_html): `if "href" in title: use_link_template = True`
# -> its popup then does `popup.innerHTML = title`. Case-sensitive, as pyvis checks.
_HREF_RE = re.compile(r"href")


def safe_text(text: object, limit: int = MAX_TITLE) -> str:
    """Plain text safe to hand to pyvis as a label or tooltip.

    Keeps ``<`` and ``>`` (vis-network shows them as typed), breaks ``href``
    so pyvis never switches to its raw-HTML popup, drops control characters,
    shortens to ``limit`` characters with an ellipsis.

    >>> safe_text('<img src=x onerror=alert(1)> <a href="#">x</a>')
    '<img src=x onerror=alert(1)> <a h\\u200bref="#">x</a>'
    >>> safe_text("a" * 10, limit=5)
    'aaaa…'
    >>> "href" in safe_text("HREF href Href")
    False
    """
    s = "" if text is None else unicodedata.normalize("NFC", str(text))
    s = _CONTROL_RE.sub(" ", s)
    if len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    return _HREF_RE.sub("h\u200bref", s)


def cap_nodes(
    nodes: Sequence[VNode], edges: Iterable[VEdge], max_nodes: int
) -> tuple[list[VNode], list[VEdge]]:
    """The first ``max_nodes`` distinct nodes (callers order by importance) and the edges among them.

    Duplicate ids keep their first occurrence; edges to unknown nodes are dropped.

    >>> ns = [VNode("a", "A"), VNode("b", "B"), VNode("c", "C"), VNode("a", "again")]
    >>> es = [VEdge("a", "b"), VEdge("b", "c"), VEdge("a", "zz")]
    >>> kept, kept_edges = cap_nodes(ns, es, 2)
    >>> [n.id for n in kept], [(e.source, e.target) for e in kept_edges]
    (['a', 'b'], [('a', 'b')])
    """
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, not {max_nodes}")
    kept: dict[str, VNode] = {}
    for n in nodes:
        if n.id not in kept:
            if len(kept) >= max_nodes:
                continue
            kept[n.id] = n
    kept_edges = [e for e in edges if e.source in kept and e.target in kept]
    return list(kept.values()), kept_edges


def _options(hierarchical: bool, physics: bool, n_nodes: int) -> dict:
    opts: dict = {
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "multiselect": False},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "smooth": {"type": "dynamic"}},
        "nodes": {"font": {"size": 14, "face": "DejaVu Sans, Arial, sans-serif"}},
    }
    if hierarchical:
        opts["layout"] = {
            "hierarchical": {
                "enabled": True,
                "direction": "UD",
                "sortMethod": "directed",
                "levelSeparation": 140,
                "nodeSpacing": 190,
                "treeSpacing": 200,
            }
        }
        opts["edges"]["smooth"] = {"type": "cubicBezier", "forceDirection": "vertical", "roundness": 0.4}
        opts["physics"] = {"enabled": False}
    elif physics:
        # fewer iterations for bigger graphs: the first paint must come within seconds
        iterations = 400 if n_nodes <= 100 else 150
        opts["physics"] = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -4000, "springLength": 140, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25, "fit": True},
        }
    else:
        opts["physics"] = {"enabled": False}
    return opts


# The two Bootstrap tags pyvis 0.3.2's template adds whatever cdn_resources says,
# and any other tag that would load something from the network.
_REMOTE_TAG_RE = re.compile(
    r"""
    <link\b[^>]*\bhref\s*=\s*["']https?://[^>]*>          # <link href="https://cdn...">
    | <script\b[^>]*\bsrc\s*=\s*["']https?://[^>]*>\s*</script>   # <script src="https://cdn..."></script>
    """,
    re.X | re.I,
)
# pyvis prints the heading twice in <center><h1>…</h1></center>; the explorer has its own.
_HEADING_RE = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.I)

# Runs after pyvis' drawGraph(): stop physics once stable, show clicked evidence.
_AFTER_DRAW_JS = """
<script>
(function () {
  if (typeof network === "undefined") { return; }
  var stopped = false;
  function stopPhysics() {
    if (stopped) { return; }
    stopped = true;
    network.setOptions({physics: {enabled: false}});
    document.body.setAttribute("data-physics", "off");
  }
  if (network.physics && network.physics.options && network.physics.options.enabled === false) {
    stopPhysics();
  } else {
    network.once("stabilizationIterationsDone", stopPhysics);
    network.once("stabilized", stopPhysics);
    if (network.physics && network.physics.ready && network.physics.stabilized) { stopPhysics(); }
    setTimeout(stopPhysics, 20000);  // a graph that never settles still stops
  }
  var panel = document.getElementById("vanban-evidence");
  network.on("click", function (params) {
    var text = "";
    if (params.edges.length && !params.nodes.length) {
      var e = edges.get(params.edges[0]);
      text = (e.label ? e.label + ": " : "") + (e.title || "");
    } else if (params.nodes.length) {
      var n = nodes.get(params.nodes[0]);
      text = n.title || n.label || "";
    }
    panel.textContent = text || panel.getAttribute("data-hint");
  });
  document.body.setAttribute("data-ready", "1");
})();
</script>
"""


def graph_html(
    nodes: Sequence[VNode],
    edges: Sequence[VEdge],
    *,
    max_nodes: int = DEFAULT_MAX_NODES,
    hierarchical: bool = False,
    physics: bool = True,
    height: int = 560,
    hint: str = "Bấm vào một cạnh để xem câu trích dẫn làm căn cứ.",
) -> GraphPage:
    """A self-contained HTML page drawing ``nodes`` and ``edges`` (see the module docstring).

    >>> page = graph_html([VNode("a", "<b>A</b>"), VNode("b", "B")], [VEdge("a", "b", title="câu <script>")])
    >>> page.shown_nodes, page.notice, "<b>A</b>" in page.html, "src=\\"https://" in page.html
    (2, None, False, False)
    """
    from pyvis.network import Network

    total = len({n.id for n in nodes})
    shown, shown_edges = cap_nodes(nodes, edges, max_nodes) if nodes else ([], [])
    notice = None
    if total > len(shown):
        notice = (
            f"Đồ thị có {total:,} nút; chỉ hiển thị {len(shown):,} nút quan trọng nhất "
            f"(giới hạn {max_nodes:,} nút để trình duyệt không bị treo)."
        ).replace(",", ".")

    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    net.heading = ""
    for n in shown:
        attrs: dict = {
            "label": safe_text(n.label, 80),
            "title": safe_text(n.title or n.label),
            "color": n.color,
            "shape": n.shape,
            "size": n.size,
        }
        if n.level is not None:
            attrs["level"] = n.level
        if n.group is not None:
            attrs["group"] = safe_text(n.group, 80)
        net.add_node(n.id, **attrs)
    for e in shown_edges:
        attrs = {"title": safe_text(e.title), "color": e.color, "dashes": e.dashes, "width": e.width}
        if e.label:
            attrs["label"] = safe_text(e.label, 40)
        net.add_edge(e.source, e.target, **attrs)
    net.options = _options(hierarchical, physics, len(shown))

    page = net.generate_html(notebook=False)
    page = _REMOTE_TAG_RE.sub("", page)
    page = _HEADING_RE.sub("", page)
    banner = ""
    if notice:
        banner = (
            '<div id="vanban-notice" style="font:14px sans-serif;background:#fff3cd;color:#664d03;'
            f'padding:6px 10px;border:1px solid #ffe69c;margin-bottom:4px">{html.escape(notice)}</div>'
        )
    if not shown:
        banner += (
            '<div id="vanban-empty" style="font:14px sans-serif;padding:6px 10px">'
            "Không có nút nào để vẽ.</div>"
        )
    panel = (
        '<div id="vanban-evidence" style="clear:both;font:14px sans-serif;white-space:pre-wrap;padding:6px 10px;'
        f'border-top:1px solid #ddd;color:#333" data-hint="{html.escape(hint, quote=True)}">'
        f"{html.escape(hint)}</div>"
    )
    page = page.replace("<body>", "<body>" + banner, 1)
    idx = page.rfind("</body>")
    page = page[:idx] + panel + _AFTER_DRAW_JS + page[idx:]
    return GraphPage(page, len(shown), total, len(shown_edges), notice)

