"""Lists that grow with the store, shown a page at a time, and pickers that search instead of listing.

Every list here is read from the store one page at a time (a named query with ``skip``/``limit``),
its total counted in Cypher; the page says where the user is ("1–50 / 6.214") with
*Trang trước* / *Trang sau* buttons. A picker over units or directives shows the first
:data:`PICK_LIMIT` (most cited first for directives) and a filter box that asks the store
for the names holding the words typed, accents optional.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_pages import data, screen

#: options a picker shows at most (the filter box reaches the others)
PICK_LIMIT = 200


def _move(key: str, step: int, last: int) -> None:
    st.session_state[key] = min(max(0, st.session_state.get(key, 0) + step), last)


def pager(key: str, total: int, size: int) -> int:
    """Previous / next buttons and "1–50 / 6.214" for a list of ``total`` rows; returns the rows to skip."""
    last = screen.pages(total, size) - 1
    page = min(max(0, int(st.session_state.get(key, 0))), last)
    st.session_state[key] = page
    if total <= size:
        return 0
    c1, c2, c3 = st.columns([1, 1, 5], vertical_alignment="center")
    c1.button("‹ Trang trước", key=f"{key}_prev", disabled=page == 0, on_click=_move, args=(key, -1, last))
    c2.button("Trang sau ›", key=f"{key}_next", disabled=page >= last, on_click=_move, args=(key, 1, last))
    return page * size


def where(key: str, skip: int, shown: int, total: int, what: str) -> None:
    """The caption under a paged list: which rows of how many."""
    st.caption(f"{what} {screen.page_label(skip, shown, total)}")


def unit_count() -> int:
    rows = data.rows_or_stop("overview_counts")
    return int(rows[0]["units"]) if rows else 0


def unit_options(key: str, total: int | None = None) -> list[str]:
    """The units a picker offers: every one on a small store; on a big one the first :data:`PICK_LIMIT`
    whose name holds the words of a filter box (accents optional). The picked one stays an option."""
    total = unit_count() if total is None else total
    q = None
    if total > PICK_LIMIT:
        q = st.text_input("Lọc phường, xã theo tên (không dấu cũng được)", key=f"{key}_filter",
                          placeholder="vd. dong hai, an lac") or None
    rows = data.rows_or_stop("units_page", q=q, limit=PICK_LIMIT)
    names = [r["unit"] for r in rows]
    if total > PICK_LIMIT:
        st.caption(f"{screen.number(len(names))} trên {screen.number(total)} phường, xã; gõ tên để tìm đơn vị khác.")
    current = st.session_state.get(key)
    if current and current not in names and current != "Tất cả":
        names.insert(0, current)
    return names


def directive_options(key: str, wanted: str | None = None) -> dict[str, dict[str, Any]]:
    """The directives a picker offers, most cited first, by key: the first :data:`PICK_LIMIT` of those whose label,
    issuer or title holds the words of a filter box; the picked one (or ``wanted``) stays an option."""
    q = st.text_input("Lọc danh sách theo số, ký hiệu hoặc tên (không dấu cũng được)",
                      placeholder="vd. 57-NQ/TW, 154/2025, chuyển đổi số", key=f"{key}_filter") or None
    rows = data.rows_or_stop("directives_page", q=q, limit=PICK_LIMIT)
    by_key = {r["key"]: r for r in rows}
    for k in (st.session_state.get(key), wanted):
        if k and k not in by_key:
            one = data.rows_or_stop("directives_page", key=k, limit=1)
            if one:
                by_key = {k: one[0], **by_key}
    if len(rows) >= PICK_LIMIT:
        st.caption(f"{PICK_LIMIT} văn bản chỉ đạo được trích dẫn nhiều nhất{' khớp bộ lọc' if q else ''}; "
                   "gõ số, ký hiệu hoặc tên để tìm văn bản khác.")
    return by_key
