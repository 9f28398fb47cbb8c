"""pytest at the repository root: the package modules are collected for their doctests
(``testpaths`` in pyproject.toml), except the explorer's pages, which run Streamlit when
imported and are tested in AppTest (tests/test_app.py); their pure helpers (views.py) are."""

from __future__ import annotations

from pathlib import Path

PAGES = Path(__file__).resolve().parent / "app_pages"


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    if collection_path.parent == PAGES and collection_path.suffix == ".py" and collection_path.name != "views.py":
        return True
    return None
