"""The review controls in the explorer (Streamlit AppTest): a reader never reaches them; a signed-in
reviewer confirms, rejects, re-links and sets a verdict on the board, and the decisions show to everyone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from graph.loader import ingest_paths
from tests.helpers import DEMO
from vanban.security import hash_password

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
UNIT = "phường An Lạc"
SERIES = ("gia-dinh-phuong-an-lac-2025-09-tb.txt", "gia-dinh-phuong-an-lac-2025-10-nq.txt", "gia-dinh-phuong-an-lac-2025-11-tb.txt")
PASSWORD = "mật-khẩu-duyệt"
REVIEWERS = {"lan": hash_password(PASSWORD, iterations=1000)}
CONTROLS = {"Xác nhận", "Bác bỏ", "Liên kết", "Đặt kết luận"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("review-app")
    folder = base / "docs"
    folder.mkdir()
    for name in SERIES:
        shutil.copy(DEMO / name, folder / name)
    db = base / "built.db"
    with EmbeddedStore(db) as s:
        ingest_paths(s, [folder], link=True, workers=1, bulk=False)
    return db


@pytest.fixture
def db(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out = tmp_path / "review.db"
    shutil.copy(built, out)
    monkeypatch.setenv("VANBAN_DB", str(out))
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    return out


def _board(reviewers: dict | None = None):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=120)
    if reviewers is not None:
        at.secrets["reviewers"] = reviewers
    at.run()
    at.switch_page("app_pages/follow_through.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _read(db: Path, name: str, **params):
    with EmbeddedStore(db, read_only=True) as s:
        return s.query(name, params)


def _labels(at) -> set[str]:
    return {b.label for b in at.button}


@pytest.mark.parametrize("reviewers", [None, REVIEWERS], ids=["no-accounts", "accounts-not-signed-in"])
def test_a_reader_sees_no_review_control(db, reviewers) -> None:
    at = _board(reviewers)
    task = next(r["from_item"] for r in _read(db, "board_links", unit=UNIT) if r["link"] == "followed_by")
    at.selectbox(key="ft_task").set_value(task).run()
    assert not _labels(at) & CONTROLS
    assert "Liên kết hiện hành" in " ".join(str(m.value) for m in at.markdown)  # the links are shown, read-only


def test_a_wrong_password_does_not_sign_in(db) -> None:
    at = _board(REVIEWERS)
    at.text_input(key="rv_name").input("lan")
    at.text_input(key="rv_password").input("sai")
    next(b for b in at.button if b.label == "Đăng nhập").click().run()
    assert "Sai tên hoặc mật khẩu người duyệt." in [e.value for e in at.error]
    task = next(r["from_item"] for r in _read(db, "board_links", unit=UNIT) if r["link"] == "followed_by")
    at.selectbox(key="ft_task").set_value(task).run()
    assert not _labels(at) & CONTROLS


def _sign_in(at) -> None:
    at.text_input(key="rv_name").input("lan")
    at.text_input(key="rv_password").input(PASSWORD)
    next(b for b in at.button if b.label == "Đăng nhập").click().run()
    assert not at.exception, [e.value for e in at.exception]


def test_a_reviewer_confirms_rejects_relinks_and_sets_a_verdict(db) -> None:
    links = sorted((r["from_item"], r["to_item"]) for r in _read(db, "board_links", unit=UNIT) if r["link"] == "followed_by")
    tasks = {r["item"]: r for r in _read(db, "board_tasks", unit=UNIT)}
    (t1, r1), (t2, r2) = links[0], next(x for x in links[1:] if x[0] != links[0][0])
    at = _board(REVIEWERS)
    _sign_in(at)

    at.selectbox(key="ft_task").set_value(t1).run()
    at.text_input(key="rv_note").input("đúng kết quả").run()
    at.button(key="rv_confirm_0").click().run()
    assert not at.exception, [e.value for e in at.exception]
    at.selectbox(key="ft_task").set_value(t2).run()
    at.button(key="rv_reject_0").click().run()

    # re-link t2 to another result of the same report, found by an accent-free search
    results = [r for r in _read(db, "unit_items", unit=UNIT, role="result") if r["document"] == r2.split("#")[0] and r["item"] != r2]
    other = results[0]
    words = " ".join(other["text"].split()[:3])
    from ingest.normalize import fold

    at.text_input(key="rv_search").input(fold(words)).run()
    shown = at.selectbox(key="rv_target").options  # labels: "MM/YYYY · text"
    assert shown and all(fold(words).lower() in fold(o).lower() for o in shown)
    assert any(o.split(" · ", 1)[1][:40] == other["text"][:40] for o in shown)
    at.selectbox(key="rv_target").set_value(other["item"]).run()
    at.button(key="rv_link").click().run()
    assert not at.exception, [e.value for e in at.exception]

    silent = next(i for i, r in tasks.items() if r["verdict"] in ("silent", "pending", "carried_over"))
    at.selectbox(key="ft_task").set_value(silent).run()
    at.selectbox(key="rv_verdict").set_value("partial").run()
    at.button(key="rv_set_verdict").click().run()
    assert not at.exception, [e.value for e in at.exception]

    board = {(r["from_item"], r["to_item"]): r["source"] for r in _read(db, "board_links", unit=UNIT) if r["link"] == "followed_by"}
    assert board[(t1, r1)] == "human" and (t2, r2) not in board and board[(t2, other["item"])] == "human"
    verdicts = {r["item"]: (r["verdict"], r["verdict_source"]) for r in _read(db, "board_tasks", unit=UNIT)}
    assert verdicts[silent] == ("partial", "human")
    log = _read(db, "review_log")
    assert [(r["action"], r["reviewer"]) for r in log] == [("confirm", "lan"), ("reject", "lan"), ("link", "lan"), ("verdict", "lan")]
    assert log[0]["note"] == "đúng kết quả"

    # a new session, not signed in: the decisions show, the controls do not
    again = _board(REVIEWERS)
    again.selectbox(key="ft_task").set_value(t1).run()
    assert not _labels(again) & CONTROLS
    html = " ".join(h.value for h in again.html)
    assert 'data-origin="human"' in html and "✔ người duyệt" in html
    logged = next(d.value for d in again.dataframe if "Người duyệt" in d.value.columns)
    assert list(logged["Người duyệt"]) == ["lan"] * 4
