"""Review controls of the follow-through board: sign-in of a named reviewer, and, for one task,
confirm / reject each link, re-link to a later item (accent-insensitive search), set the verdict.

Shown only to a session signed in as a reviewer of ``[reviewers]`` in
``.streamlit/secrets.toml`` (:mod:`vanban.security`); a reader sees the board
and the human/computed labels, never a control. Every decision goes through
:func:`graph.review.decide` on a store opened for that one write
(:func:`app_pages.data.write`).
"""

from __future__ import annotations

import html
from typing import Any

import streamlit as st

from app_pages import board_view, data, screen
from ingest.normalize import fold
from vanban.errors import VanbanError
from vanban.security import REVIEWER_KEY, _streamlit_secrets, check_reviewer, reviewers_from_secrets, signed_in_reviewer

#: how many later items the re-link picker lists at most (search narrows them)
PICK_LIMIT = 200


def signin() -> str | None:
    """The signed-in reviewer's name, after a sign-in form or a sign-out button; None for a reader."""
    reviewers = reviewers_from_secrets(_streamlit_secrets(st))
    if not reviewers:
        return None
    name = signed_in_reviewer(st)
    with st.expander(f"Người duyệt: {name}" if name else "Đăng nhập người duyệt", expanded=False):
        if name:
            if st.button("Đăng xuất", key="rv_signout"):
                st.session_state.pop(REVIEWER_KEY, None)
                st.rerun()
            return name
        with st.form("rv_signin"):
            who = st.text_input("Tên người duyệt", key="rv_name")
            pw = st.text_input("Mật khẩu người duyệt", type="password", key="rv_password")
            ok = st.form_submit_button("Đăng nhập")
        if ok:
            got = check_reviewer(who, pw, reviewers)
            if got:
                st.session_state[REVIEWER_KEY] = got
                st.rerun()
            st.error("Sai tên hoặc mật khẩu người duyệt.")
    return None


def _decide(action: str, task: str, reviewer: str, **kw: Any) -> None:
    from graph.review import ReviewError, decide

    try:
        data.write(lambda s: decide(s, action, task, reviewer=reviewer, **kw))
    except (VanbanError, ReviewError) as e:
        st.session_state["rv_error"] = str(e)
    else:
        st.session_state["rv_done"] = f"{board_view.ACTION_LABELS[action]}: đã ghi."
    st.rerun()


def links_html(links: list[dict[str, Any]]) -> str:
    """Each link of a task with who holds it (inspector or linker) and the computed score."""
    parts = []
    for x in links:
        origin = x.get("source") or "computed"
        score = "—" if x.get("score") is None else f"{x['score']:.2f}"
        kind = "Kết quả" if x.get("link") == "followed_by" else f"Đề ra lại ({screen.month_label(x.get('to_period'))})"
        parts.append(
            f'<div class="vb-link" data-origin="{html.escape(origin)}" style="margin:4px 0;padding:4px 8px;border-left:4px solid '
            f'{"#2e7d32" if origin == "human" else "#90a4ae"}"><b>{html.escape(kind)}</b> · '
            f'<span class="vb-origin">{html.escape(board_view.ORIGIN_ICONS.get(origin, origin))}</span> · điểm tự động {score}<br>'
            f"{html.escape(x.get('to_text') or '')}</div>"
        )
    return "".join(parts)


def controls(t: dict[str, Any], reviewer: str) -> None:
    """Confirm / reject per link, re-link, set the verdict: for the task row ``t`` of the board."""
    if msg := st.session_state.pop("rv_error", None):
        st.error(f"Không ghi được quyết định: {msg}")
    if msg := st.session_state.pop("rv_done", None):
        st.success(msg)
    item = t["item"]
    st.markdown("**Duyệt liên kết**")
    note = st.text_input("Ghi chú (không bắt buộc)", key="rv_note")
    for n, x in enumerate(t["links"]):
        kind = "FOLLOWED_BY" if x["link"] == "followed_by" else "CARRIED_OVER"
        c1, c2, c3 = st.columns([6, 1, 1])
        c1.caption(screen.shorten(x["to_text"], 140))
        if c2.button("Xác nhận", key=f"rv_confirm_{n}", disabled=x.get("source") == "human"):
            _decide("confirm", item, reviewer, target=x["to_item"], kind=kind, note=note)
        if c3.button("Bác bỏ", key=f"rv_reject_{n}"):
            _decide("reject", item, reviewer, target=x["to_item"], kind=kind, note=note)

    st.markdown("**Liên kết với mục khác**")
    k1, k2 = st.columns([1, 3])
    kind = k1.radio("Loại", ["FOLLOWED_BY", "CARRIED_OVER"], key="rv_kind",
                    format_func={"FOLLOWED_BY": "Kết quả tháng sau", "CARRIED_OVER": "Nhiệm vụ đề ra lại"}.get)
    search = k2.text_input("Tìm mục (không dấu cũng được)", key="rv_search")
    options = later_items(t, "result" if kind == "FOLLOWED_BY" else "task")
    wanted = fold(search).lower().split()
    shown = [o for o in options if all(w in o["folded"] for w in wanted)][:PICK_LIMIT]
    by_id = {o["item"]: o for o in shown}
    target = k2.selectbox("Mục được liên kết", list(by_id), key="rv_target", index=None, placeholder="Chọn một mục",
                          format_func=lambda i: f"{screen.month_label(by_id[i]['period'])} · {screen.shorten(by_id[i]['text'], 120)}")
    if st.button("Liên kết", key="rv_link", disabled=target is None):
        _decide("link", item, reviewer, target=target, kind=kind, note=note)

    st.markdown("**Đặt kết luận**")
    v1, v2 = st.columns([3, 1])
    verdicts = ["done", "partial", "carried_over", "silent"]
    verdict = v1.selectbox("Kết luận", verdicts, key="rv_verdict", format_func=lambda v: screen.VERDICT_LABELS[v],
                           index=verdicts.index(t["verdict"]) if t["verdict"] in verdicts else 0)
    if v2.button("Đặt kết luận", key="rv_set_verdict"):
        _decide("verdict", item, reviewer, verdict=verdict, note=note)


def later_items(t: dict[str, Any], role: str) -> list[dict[str, Any]]:
    """Items of ``role`` in the documents of the task's unit after the task's own document."""
    rows = data.query("unit_items", unit=t["unit"])
    order = {d: k for k, d in enumerate(dict.fromkeys(r["document"] for r in rows))}
    mine = order.get(t["document"], -1)
    return [
        {"item": r["item"], "period": r["period"] or r["reported_period"] or r["planned_period"], "text": r["text"],
         "folded": fold(r["text"] or "").lower()}
        for r in rows if r["role"] == role and order.get(r["document"], -1) > mine
    ]
