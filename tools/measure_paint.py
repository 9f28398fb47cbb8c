"""First paint of every explorer page, measured in headless Chromium (Debian's, never a downloaded one).

    python tools/measure_paint.py --db /tmp/s10k.db [--app DIR] [--runs 2]

For each page: a fresh ``streamlit run app.py`` (so nothing is cached: the store opened and every
query run for that page alone), then a new browser tab goes to the page's address and the clock
stops when the page's title and its main element are drawn and Streamlit reports the script done
(``stApp[data-test-script-state=notRunning]``): the *cold* paint. Then ``--runs`` more tabs on the same
server: the *warm* paint (the query results cached, as for the second user). ``--app`` runs another
checkout's app.py (the code before a change) against the same store. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]

#: page -> (path, heading, the element that says the page is drawn)
PAGES = {
    "overview": ("/", "Tổng quan", "[data-testid='stMetric']"),
    "lineage": ("/dong-chi-dao?key={key}", "Dòng chỉ đạo", "iframe"),
    "board": ("/theo-doi", "Theo dõi thực hiện", "table.vb-board"),
    "document": ("/van-ban", "Văn bản", ".vb-doc"),
    "bodies": ("/don-vi", "Đơn vị", "[data-testid='stDataFrame']"),
    "themes": ("/chu-de", "Chủ đề", "[data-testid='stVegaLiteChart']"),
    "queries": ("/truy-van", "Truy vấn", "[data-testid='stDataFrame']"),
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _most_cited(db: str) -> str:
    from graph.backends import open_store

    s = open_store(db=db, read_only=True)
    try:
        return str(s.query("most_cited_directives", {"limit": 1})[0]["key"])
    finally:
        s.close()


class Server:
    def __init__(self, app: Path, db: str) -> None:
        self.port = _free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
        env["VANBAN_DB"] = db
        self.log = open(os.devnull, "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(self.port), "--server.address",
             "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=app, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{self.base}/_stcore/health", timeout=2)
                return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("streamlit did not start") from None
                time.sleep(0.25)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def paint(browser, url: str, heading: str, ready: str, timeout_s: float) -> float:
    """Seconds from navigation to the page drawn and its script done."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    page = context.new_page()
    try:
        t0 = time.perf_counter()
        page.goto(url)
        page.get_by_role("heading", name=heading, level=1).wait_for(timeout=timeout_s * 1000)
        page.locator(ready).first.wait_for(timeout=timeout_s * 1000)
        page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(timeout=timeout_s * 1000)
        return time.perf_counter() - t0
    finally:
        context.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--app", default=str(ROOT), help="the checkout whose app.py runs (default: this one)")
    ap.add_argument("--runs", type=int, default=2, help="warm visits after the cold one")
    ap.add_argument("--pages", default=",".join(PAGES))
    ap.add_argument("--timeout", type=float, default=300)
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("needs Debian's chromium on PATH")
    key = _most_cited(a.db)
    out: dict[str, dict[str, object]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True,
                                    args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"])
        for name in a.pages.split(","):
            path, heading, ready = PAGES[name]
            server = Server(Path(a.app), a.db)
            try:
                url = server.base + path.format(key=quote(key))
                cold = paint(browser, url, heading, ready, a.timeout)
                warm = [paint(browser, url, heading, ready, a.timeout) for _ in range(a.runs)]
            except Exception as e:  # a page that never paints within the timeout is a figure too
                out[name] = {"error": f"{type(e).__name__}: {str(e).splitlines()[0]}"}
            else:
                out[name] = {"cold_s": round(cold, 2), "warm_s": round(min(warm), 2) if warm else None}
            finally:
                server.stop()
            print(name, out[name], file=sys.stderr, flush=True)
        browser.close()
    print(json.dumps({"db": a.db, "app": a.app, "directive": key, "pages": out}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
