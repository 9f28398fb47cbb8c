"""Truy vấn: the named queries with widgets built from their headers, and a read-only Cypher box."""

from typing import Any

import pandas as pd
import streamlit as st

from app_pages import board_view, data, paging, rows_graph, screen
from graph import queries as named
from vanban.errors import QueryCrashed, QueryParameterError, QueryTimeout, VanbanError, WriteNotAllowed

#: rows of a named query on one page of the console
CONSOLE_PAGE = 100

st.title("Truy vấn")

NAMED, ADHOC = "Truy vấn có sẵn", "Cypher tự do (chỉ đọc)"
if "q_mode" not in st.session_state:
    st.session_state["q_mode"] = ADHOC if st.query_params.get("cypher") else NAMED
mode = st.segmented_control("Loại truy vấn", [NAMED, ADHOC], key="q_mode") or NAMED


def page_url() -> str:
    """This page's address as the browser sees it (a relative one when unknown, as in tests)."""
    try:
        url = st.context.url or ""
    except Exception:
        url = ""
    return url.split("?")[0] if url.startswith("http") else "truy-van"


def show_results(rows: list[dict], link: str, file_name: str, cap: int | None = None, csv: Any = None,
                 count: str | None = None) -> None:
    """The rows as a table and a graph; ``cap``: the console's row cap, when the query had more rows;
    ``csv``: what the download holds (default: these rows); ``count``: the line saying how many rows (default: their number)."""
    st.caption(f"{len(rows)} dòng." if count is None else count)
    if cap is not None:
        st.warning(f"Kết quả bị cắt: chỉ lấy {cap} dòng đầu (giới hạn của ô Cypher); thêm LIMIT hoặc điều kiện để thu hẹp.")
    tab_table, tab_graph = st.tabs(["Bảng", "Đồ thị"])
    with tab_table:
        frame = pd.DataFrame([{k: (str(v) if isinstance(v, list | dict) else v) for k, v in r.items()} for r in rows])
        st.dataframe(frame, hide_index=True)
    with tab_graph:
        nodes, edges = rows_graph.rows_graph(rows)
        page = data.graph(nodes, edges, max_nodes=300, height=480, hint="Bấm vào một nút hoặc một cạnh để xem chi tiết.")
        if page.notice:
            st.warning(page.notice)
        st.iframe(page.html, height=560)
    st.download_button("Tải kết quả CSV", csv if csv is not None else board_view.rows_csv(rows), file_name=file_name,
                       mime="text/csv", icon=":material/download:", on_click="ignore")
    st.markdown("Liên kết mở lại đúng truy vấn này:")
    st.code(link, language=None)


if mode == NAMED:
    catalogue = {n: named.get(n) for n in named.names()}
    wanted = st.query_params.get("query")
    if "q_name" not in st.session_state:
        st.session_state["q_name"] = wanted if wanted in catalogue else ("documents" if "documents" in catalogue else None)
    if st.session_state["q_name"] not in catalogue:
        st.session_state["q_name"] = next(iter(catalogue))
    name = st.selectbox("Truy vấn", list(catalogue), key="q_name",
                        format_func=lambda n: f"{screen.QUERY_TITLES.get(n, n)} ({n})")
    q = catalogue[name]
    st.caption(q.description)
    values: dict[str, str | None] = {}
    for p in q.params:
        wkey = f"q_{name}_{p.name}"
        if wkey not in st.session_state:
            st.session_state[wkey] = st.query_params.get(p.name, p.default or "")
        label = f"{p.name} ({p.type}{'' if not p.optional else ', không bắt buộc'})"
        # the pickers ask the store for a page of units or directives (a filter box reaches the others), never all
        units = paging.unit_options(wkey) if p.name == "unit" else []
        directives = list(paging.directive_options(wkey).values()) if p.name == "key" else []
        if p.name == "unit" and units:
            opts = ([""] if p.optional else []) + units
            if st.session_state[wkey] not in opts:
                st.session_state[wkey] = opts[0]
            values[p.name] = st.selectbox(label, opts, key=wkey, help=p.doc,
                                          format_func=lambda u: u or "(tất cả)")
        elif p.name == "key" and directives:
            keys = [d["key"] for d in directives]
            labels = {d["key"]: f"{d.get('label') or d['key']} ({d['documents']} văn bản trích dẫn)" for d in directives}
            if st.session_state[wkey] not in keys:
                st.session_state[wkey] = keys[0]
            values[p.name] = st.selectbox(label, keys, key=wkey, help=p.doc, format_func=labels.__getitem__)
        elif p.type == "bool":
            opts = ["", "true", "false"] if p.optional else ["true", "false"]
            if st.session_state[wkey] not in opts:
                st.session_state[wkey] = opts[0]
            values[p.name] = st.selectbox(label, opts, key=wkey, help=p.doc,
                                          format_func=lambda v: {"": "(bỏ trống)", "true": "có", "false": "không"}[v])
        else:
            placeholder = {"month": "YYYY-MM", "strings": "giá trị 1, giá trị 2"}.get(p.type, "")
            values[p.name] = st.text_input(label, key=wkey, help=p.doc, placeholder=placeholder)
    params = {k: v for k, v in values.items() if v not in ("", None)}
    missing = [p.name for p in q.params if not p.optional and p.name not in params]
    st.query_params.from_dict({"query": name, **params})
    if missing:
        st.info(f"Điền tham số bắt buộc: {', '.join(missing)}.")
        st.stop()
    # a page of rows at a time, read as a page (SKIP/LIMIT after the query's last clause): a query whose rows
    # grow with the store is never read whole to draw the page; the CSV reads it whole when its button is clicked
    page_key = "q_page:" + screen.query_link("", {"query": name, **params})
    skip = int(st.session_state.get(page_key, 0)) * CONSOLE_PAGE
    try:
        rows = data.query_page(name, skip, CONSOLE_PAGE + 1, **params)
    except QueryParameterError as e:
        st.error(f"Tham số không hợp lệ: {e}")
        st.stop()
    except VanbanError as e:
        data.show_store_error(e)
        st.stop()
    more = len(rows) > CONSOLE_PAGE
    rows = rows[:CONSOLE_PAGE]
    if skip and not rows:  # the data changed under a later page: back to the first
        st.session_state[page_key] = 0
        st.rerun()
    shown = data.limits().max_rows  # a named query is ours and bounded; the CSV still holds at most this many

    def whole_csv() -> bytes:
        return board_view.rows_csv(data.query(name, **params)[:shown])

    if skip or more:
        c1, c2, c3 = st.columns([1, 1, 5], vertical_alignment="center")
        c1.button("‹ Trang trước", key=f"{page_key}_prev", disabled=not skip,
                  on_click=lambda: st.session_state.update({page_key: max(0, skip // CONSOLE_PAGE - 1)}))
        c2.button("Trang sau ›", key=f"{page_key}_next", disabled=not more,
                  on_click=lambda: st.session_state.update({page_key: skip // CONSOLE_PAGE + 1}))
        c3.caption(f"Dòng {screen.number(skip + 1)}–{screen.number(skip + len(rows))} / "
                   + (f"hơn {screen.number(skip + len(rows))}" if more else screen.number(skip + len(rows))))
    show_results(rows, screen.query_link(page_url(), {"query": name, **params}), f"{name}.csv", csv=whole_csv,
                 count=None if not (skip or more) else "")
else:
    try:
        lim = data.limits()
    except ValueError as e:
        st.error(f"Cấu hình ô Cypher không hợp lệ: {e}")
        st.stop()
    st.caption(
        "Chỉ cho phép truy vấn đọc (MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, LIMIT, UNION); "
        "ghi dữ liệu, đọc tệp, CALL, thủ tục và lệnh quản trị bị từ chối. "
        f"Mỗi truy vấn chạy riêng, tối đa {lim.timeout:g} giây và {lim.max_rows} dòng."
    )
    if "q_cypher" not in st.session_state:
        st.session_state["q_cypher"] = st.query_params.get(
            "cypher", "MATCH (d:Document)-[c:CITES]->(k:Directive)\nRETURN d.unit AS unit, k.label AS directive, count(c) AS citations\nORDER BY citations DESC, unit, directive LIMIT 25"
        )
    text = st.text_area("Cypher", key="q_cypher", height=160)
    st.query_params.from_dict({"cypher": text})
    if text.strip():
        try:
            result = data.cypher(text)
        except WriteNotAllowed as e:
            st.error(f"Truy vấn bị từ chối (chỉ được đọc): {e}")
            st.stop()
        except QueryTimeout as e:
            st.error(f"Truy vấn bị dừng vì chạy quá {lim.timeout:g} giây: {e}. Hãy thu hẹp MATCH hoặc thêm LIMIT.")
            st.stop()
        except QueryCrashed as e:
            st.error(f"Truy vấn làm hỏng bộ máy cơ sở dữ liệu và đã bị dừng; ứng dụng vẫn chạy bình thường ({e}).")
            st.stop()
        except VanbanError as e:
            st.error(f"Truy vấn lỗi: {e}")
            st.stop()
        show_results(result.rows, screen.query_link(page_url(), {"cypher": text}), "cypher.csv",
                     cap=result.max_rows if result.truncated else None)
