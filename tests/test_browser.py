"""The explorer in a real headless Chromium, as a user sees it.

``streamlit run app.py`` on a free loopback port, against the demo corpus plus
one hostile notice; Playwright drives Debian's ``/usr/bin/chromium`` (never a
downloaded browser). Every request that would leave 127.0.0.1 is blocked and
recorded, every dialog (``alert``) is recorded: both must stay empty. Each
main page is screenshotted; the pictures go to ``docs/screenshots/*.png``
when one is missing or ``VANBAN_SCREENSHOTS=1`` (so a test run does not
rewrite tracked files each time), else to the test's temporary folder.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from app_pages import screen
from graph.visual import VEdge, VNode, graph_html
from tests.test_app import HOSTILE_CITE, HOSTILE_IMG, HOSTILE_TITLE, HOSTILE_UNIT, ROOT, build_demo_db

CHROMIUM = shutil.which("chromium")  # Debian's chromium, found on PATH like every other tool the tests need
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SHOTS = ROOT / "docs" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium on PATH (apt-get install -y chromium; `make test` installs it)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo_db(tmp_path_factory.mktemp("browser"))


@contextlib.contextmanager
def serve_app(db: Path, log: Path, *extra: str) -> Iterator[str]:
    """``streamlit run app.py`` on a free loopback port against ``db``; yields its address, stops it after."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["VANBAN_DB"] = str(db)
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--browser.gatherUsageStats", "false", *extra],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(f"{base}/_stcore/health", timeout=2)
                    break
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        pytest.fail(f"streamlit did not start:\n{log.read_text()[-3000:]}")
                    time.sleep(0.25)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="module")
def server(db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_app(db, tmp_path_factory.mktemp("streamlit") / "streamlit.log") as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


class Watched:
    """A page whose dialogs and off-machine requests are recorded (and blocked)."""

    def __init__(self, browser, height: int = 1600, shots: Path | None = None) -> None:
        self.shots = shots
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": height}, locale="vi-VN")
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        # Streamlit disables a widget while its script reruns: on a loaded machine (CI's two cores
        # shared) a rerun can outlast Playwright's 30 s default before a click or a fill
        self.page.set_default_timeout(90_000)
        self.page.on("dialog", self._dialog)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, url: str, heading: str, ready: str) -> None:
        """Go to ``url``; wait for its title and for ``ready`` (an element the script draws late)."""
        self.page.goto(url)
        self.page.get_by_role("heading", name=heading, level=1).wait_for(timeout=30_000)
        self.page.locator(ready).first.wait_for(timeout=30_000)
        self.page.wait_for_timeout(500)

    def shot(self, name: str) -> None:
        target = SHOTS / f"{name}.png"
        if target.exists() and os.environ.get("VANBAN_SCREENSHOTS") != "1":
            target = (self.shots or SHOTS) / f"{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(target))


def _keys(db: Path) -> tuple[str, str, str, int]:
    """A directive cited in both wards, the hostile notice, a demo notice of the same month and its citation count."""
    from graph.backends import open_store

    s = open_store(db=str(db), read_only=True)
    try:
        key = next(d["key"] for d in s.query("directives", {}) if "50-CT/TW" in (d["label"] or ""))
        docs = s.query("documents", {})
        hostile = next(d["document"] for d in docs if d["unit"] == HOSTILE_UNIT)
        demo = next(d["document"] for d in docs if d["source"].endswith("phuong-an-lac-2025-10-nq.txt"))
        cites = sum(1 for m in s.query("document_mentions", {"document": demo})
                    if m["kind"] == "citation" and m["span_start"] is not None)
    finally:
        s.close()
    return key, hostile, demo, cites


def test_every_page_as_a_user_sees_it(server, browser, db, tmp_path):
    started = time.monotonic()
    key, hostile, demo, cites = _keys(db)
    w = Watched(browser, shots=tmp_path)
    page = w.page

    w.open(server + "/", "Tổng quan", "[data-testid='stDataFrame']")
    metrics = " | ".join(page.locator("[data-testid='stMetric']").all_inner_texts())
    for label in ("Văn bản", "Phường, xã", "Văn bản chỉ đạo", "Từ tháng", "Đến tháng"):
        assert label in metrics, label
    for heading in ("Văn bản chỉ đạo được trích dẫn nhiều nhất", "Văn bản mới nhất", "Tìm kiếm"):
        assert page.get_by_role("heading", name=heading).is_visible(), heading
    w.shot("overview")
    # the units come a page at a time, counted in Cypher: the page says which rows of how many
    assert re.fullmatch(r"Đơn vị 1–(\d+) / \1", page.get_by_text(re.compile(r"^Đơn vị 1–")).first.inner_text().strip())
    box = page.get_by_label("Tìm trong văn bản, văn bản chỉ đạo, cơ quan và các mục")
    box.fill("hoa phong")  # no accents: finds "Hòa Phong"
    box.press("Enter")
    page.get_by_text("kết quả. Chọn một dòng để mở.").wait_for(timeout=15_000)

    w.open(f"{server}/dong-chi-dao?key={quote(key)}", "Dòng chỉ đạo", "iframe")
    frame = page.frame_locator("iframe").first
    frame.locator("body[data-ready='1'][data-physics='off']").wait_for(timeout=20_000)
    # click the first edge: the panel under the graph shows its sentence, as text
    target = page.locator("iframe").first.evaluate(
        """(f) => { const w = f.contentWindow; const net = w.network; const e = w.edges.get()[0];
                   const p = net.getPositions([e.from, e.to]);
                   const m = net.canvasToDOM({x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2});
                   const r = w.document.getElementById('mynetwork').getBoundingClientRect();
                   return {x: m.x + r.left, y: m.y + r.top, title: e.title}; }"""
    )
    box = page.locator("iframe").first.bounding_box()
    page.mouse.click(box["x"] + target["x"], box["y"] + target["y"])
    panel = frame.locator("#vanban-evidence")
    panel.filter(has_text=target["title"].split("\n")[0][:40]).wait_for(timeout=5_000)
    assert "50-CT/TW" in panel.inner_text() or "50-CT/TW" in target["title"]
    assert page.get_by_role("tab", name="Câu làm căn cứ").is_visible()
    w.shot("lineage")

    w.open(server + "/theo-doi", "Theo dõi thực hiện", "table.vb-board")
    grid = page.locator("table.vb-board")
    grid.wait_for()
    assert grid.locator(".vb-task").count() > 20
    for v in ("done", "carried_over"):
        chip = grid.locator(f".vb-task[data-verdict='{v}']").first
        assert chip.is_visible() and screen.VERDICT_LABELS[v] in chip.inner_text()
    verdict = page.locator(".vb-verdict .vb-verdict-label").first  # the chosen task's verdict, as a coloured label
    assert verdict.inner_text().strip() in [*screen.VERDICT_LABELS.values(), screen.UNRATED]
    assert page.get_by_role("button", name="Tải bảng Excel (XLSX)").is_visible()
    assert page.get_by_role("button", name="Tải báo cáo (DOCX)").is_visible()
    assert grid.locator(".vb-task[data-status='open_overdue']").count() > 0  # quá hạn, framed in red
    assert html.unescape(HOSTILE_IMG) in grid.inner_text()  # a task's markup shown as typed
    w.shot("follow_through")

    w.open(f"{server}/van-ban?doc={quote(demo)}", "Văn bản", ".vb-doc")
    assert cites >= 1 and page.locator(".vb-doc mark.vb-citation").count() >= cites
    assert page.locator(".vb-doc span.vb-item[data-role='result']").count() > 0
    w.shot("document")

    w.open(f"{server}/van-ban?doc={quote(hostile)}", "Văn bản", ".vb-doc")
    doc = page.locator(".vb-doc")
    doc.wait_for()
    text = doc.inner_text()
    for s in (HOSTILE_TITLE, HOSTILE_IMG, HOSTILE_CITE):
        assert s in text, s  # the literal characters are visible
    cite = doc.locator("mark.vb-citation", has_text="Chỉ thị số 50-CT/TW").first
    assert cite.is_visible() and cite.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert doc.locator("span.vb-item[data-role='task']").count() > 3
    assert page.locator("img[src='x']").count() == 0  # no element was made from the text

    w.open(server + "/don-vi", "Đơn vị", "[data-testid='stDataFrame']")
    assert page.get_by_role("tab", name="Chủ trì").is_visible()
    w.shot("bodies")

    w.open(server + "/chu-de", "Chủ đề", "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg")
    w.shot("themes")

    w.open(f"{server}/truy-van?query=documents&unit={quote('phường An Lạc')}", "Truy vấn", "code")
    code = page.locator("code", has_text="query=documents").first
    assert code.is_visible() and "unit=" in code.inner_text()
    w.shot("queries")

    assert w.dialogs == []
    assert w.outside == []
    w.context.close()
    # how long a user waits for all seven pages: reported, not asserted (a busy machine is slower)
    print(f"every page as a user sees it: {time.monotonic() - started:.0f} s")


def test_graph_page_offline_escaped_and_settling(browser):
    """A standalone graph page: 400 nodes with physics, hostile labels, no network, physics stops."""
    nodes = [VNode("0", HOSTILE_TITLE, title=HOSTILE_IMG + ' <a href="javascript:alert(2)">x</a>')]
    nodes += [VNode(str(i), f"nút {i}", title=f"nút {i}") for i in range(1, 400)]
    edges = [VEdge(str(i // 3), str(i), title=f"{HOSTILE_CITE} cạnh {i}") for i in range(1, 400)]
    page_html = graph_html(nodes, edges, max_nodes=300).html
    w = Watched(browser, height=900, shots=None)
    w.page.set_content(page_html)
    w.page.locator("body[data-physics='off']").wait_for(timeout=30_000)
    assert w.page.locator("#vanban-notice").is_visible()
    assert w.page.evaluate("() => network.physics.physicsEnabled") is False
    assert w.page.evaluate("() => nodes.get('0').label") == HOSTILE_TITLE  # drawn on the canvas as text
    assert w.page.locator("img[src='x'], div.popup").count() == 0
    assert w.dialogs == [] and w.outside == []
    w.context.close()


def test_console_links_are_refused_and_the_server_stays_up(server, browser):
    """Issue 12: one link read .streamlit/secrets.toml, another killed the explorer for everyone; now each is
    refused, and a query that passes yet crashes the engine takes down only its own worker."""
    w = Watched(browser, height=900, shots=None)
    page = w.page
    for probe, named in [
        ("UNWIND [1] AS a WITH a WHERE a = 1LOAD FROM '.streamlit/secrets.toml' (file_format='csv', header=false, delim='|') "
         "RETURN column0", "LOAD at line 1, column 35"),
        ("CALL READ_CSV_PARALLEL('/etc/hostname') RETURN *", "CALL at line 1, column 1"),
        ("CALL timeout=1", "CALL at line 1, column 1"),
    ]:
        w.open(f"{server}/truy-van?cypher={quote(probe)}", "Truy vấn", "[data-testid='stAlert']")
        alert = page.locator("[data-testid='stAlert']", has_text="chỉ được đọc").first
        alert.wait_for(timeout=30_000)
        assert named in alert.inner_text()
        assert page.locator("[data-testid='stDataFrame']").count() == 0
    # reads nothing, passes the allowlist, segfaults LadybugDB 0.22: only the query's worker dies
    w.open(f"{server}/truy-van?cypher={quote('RETURN id(NULL) AS x')}", "Truy vấn", "[data-testid='stAlert']")
    crash = page.locator("[data-testid='stAlert']", has_text="làm hỏng bộ máy cơ sở dữ liệu").first
    crash.wait_for(timeout=30_000)
    assert "ứng dụng vẫn chạy bình thường" in crash.inner_text()
    assert urllib.request.urlopen(f"{server}/_stcore/health", timeout=5).status == 200
    # the same server still serves another page and runs a query
    w.open(f"{server}/truy-van?cypher={quote('MATCH (d:Document) RETURN count(*) AS n')}", "Truy vấn", "[data-testid='stDataFrame']")
    w.open(server + "/", "Tổng quan", "[data-testid='stMetric']")
    assert w.dialogs == [] and w.outside == []
    w.context.close()
