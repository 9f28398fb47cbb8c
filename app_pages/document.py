"""Văn bản: one document, its header, its items coloured by role, every citation, body and theme marked at its span."""

import pandas as pd
import streamlit as st

from app_pages import data, document_view, screen

MAX_OPTIONS = 3000

st.title("Văn bản")

documents = data.rows_or_stop("documents")
if not documents:
    st.info("Kho dữ liệu chưa có văn bản nào.")
    st.stop()
by_id = {d["document"]: d for d in documents}

wanted = st.query_params.get("doc")  # a link from another page, or a bookmark
if wanted in by_id and "doc_id" not in st.session_state:
    st.session_state["doc_id"] = wanted
    st.session_state["doc_unit"] = by_id[wanted].get("unit") or "—"

unit_names = sorted({d.get("unit") or "—" for d in documents})
unit = st.selectbox("Đơn vị", ["Tất cả", *unit_names], key="doc_unit")
options = [d["document"] for d in reversed(documents) if unit in ("Tất cả", d.get("unit") or "—")]
if len(options) > MAX_OPTIONS:  # a big store: the newest ones; pick a unit to see the rest
    st.caption(f"Hiển thị {MAX_OPTIONS} văn bản mới nhất trong số {screen.number(len(options))}; chọn một đơn vị để xem thêm.")
    options = options[:MAX_OPTIONS]
if wanted in by_id and wanted not in options and st.session_state.get("doc_id") == wanted:
    options.insert(0, wanted)
if st.session_state.get("doc_id") not in options:
    st.session_state.pop("doc_id", None)
doc_id = st.selectbox("Văn bản", options, format_func=lambda i: screen.doc_label(by_id[i]), key="doc_id")
st.query_params["doc"] = doc_id

detail = data.rows_or_stop("document_detail", document=doc_id)
if not detail:
    st.warning("Văn bản này không còn trong kho dữ liệu. Bấm **Tải lại dữ liệu**.")
    st.stop()
d = detail[0]
items = data.rows_or_stop("document_items", document=doc_id)
mentions = data.rows_or_stop("document_mentions", document=doc_id)

st.subheader(screen.md_escape(" ".join(x for x in (d.get("doc_type"), screen.doc_code(d)) if x) or doc_id))
if d.get("title"):
    st.markdown(f"*{screen.md_escape(d['title'])}*")

header = {
    "Loại văn bản": d.get("doc_type"),
    "Số, ký hiệu": screen.doc_code(d),
    "Cơ quan ban hành": d.get("issuer"),
    "Đơn vị": d.get("unit"),
    "Địa danh": d.get("place"),
    "Ngày": screen.date_label(d.get("date")),
    "Kỳ báo cáo": screen.month_label(d.get("reported_period")),
    "Kỳ kế hoạch": screen.month_label(d.get("planned_period")),
    "Người ký": d.get("signer"),
    "Tệp nguồn": d.get("source"),
}
st.html(document_view.header_html(header))
roles = pd.Series([i.get("role") or "other" for i in items], dtype="object").value_counts()
st.caption(
    " · ".join(f"{screen.ROLE_LABELS.get(r, r)}: {n}" for r, n in roles.items())
    + f" · Trích dẫn: {sum(1 for m in mentions if m['kind'] == 'citation')}"
)
st.html(document_view.legend_html())
text = d.get("text") or ""
item_spans, marks = document_view.document_spans(items, mentions, document_view.theme_keywords(text))
st.html(document_view.highlight_html(text, item_spans, marks))

tab_items, tab_cites, tab_bodies, tab_themes = st.tabs(["Các mục", "Trích dẫn", "Cơ quan, tổ chức", "Chủ đề"])
with tab_items:
    st.dataframe(
        pd.DataFrame(
            {
                "Mục": [i.get("path") or "" for i in items],
                "Vai trò": [screen.ROLE_LABELS.get(i.get("role"), i.get("role")) for i in items],
                "Tháng": [screen.month_label(i.get("period")) for i in items],
                "Kết luận": [screen.VERDICT_LABELS.get(i.get("verdict"), "") for i in items],
                "Chủ đề": [", ".join(screen.plain_list(i.get("themes"))) for i in items],
                "Nội dung": [i.get("text") or "" for i in items],
            }
        ),
        hide_index=True,
    )
cites = [m for m in mentions if m["kind"] == "citation"]
with tab_cites:
    if not cites:
        st.info("Văn bản này không trích dẫn văn bản nào.")
    else:
        st.dataframe(
            pd.DataFrame(
                {
                    "Trích dẫn": [m.get("text") or "" for m in cites],
                    "Văn bản được trích dẫn": [m.get("label") or "" for m in cites],
                    "Câu": [m.get("evidence") or "" for m in cites],
                }
            ),
            hide_index=True,
        )
        pick = st.selectbox("Xem dòng chỉ đạo của", sorted({m["target"] for m in cites}),
                            format_func=lambda k: next(m["label"] or k for m in cites if m["target"] == k), key="doc_cite")
        st.page_link("app_pages/lineage.py", label="Mở dòng chỉ đạo", query_params={"key": pick},
                     icon=":material/account_tree:")
with tab_bodies:
    bodies = [m for m in mentions if m["kind"] in ("body", "person")]
    st.dataframe(
        pd.DataFrame(
            {
                "Trong văn bản": [m.get("text") or "" for m in bodies],
                "Tên": [m.get("label") or "" for m in bodies],
                "Vai trò": [screen.BODY_ROLE_LABELS.get(m.get("role"), m.get("role") or "") for m in bodies],
            }
        ),
        hide_index=True,
    )
with tab_themes:
    counts: dict[str, int] = {}
    for i in items:
        for t in screen.plain_list(i.get("themes")):
            counts[t] = counts.get(t, 0) + 1
    if counts:
        st.dataframe(pd.DataFrame({"Chủ đề": list(counts), "Số mục": list(counts.values())}), hide_index=True)
    else:
        st.info("Chưa gắn chủ đề nào cho văn bản này.")
