"""Văn bản: one document, its header, its items coloured by role, every citation, body and theme marked at its span."""

import pandas as pd
import streamlit as st

from app_pages import data, document_view, paging, screen

#: documents the picker offers a page (newest first; the pager and a unit reach the others)
DOCS_PAGE = 100
ALL = "Tất cả"

st.title("Văn bản")

wanted = st.query_params.get("doc")  # a link from another page, or a bookmark
if wanted and "doc_id" not in st.session_state:
    one = data.rows_or_stop("document_detail", document=wanted)
    if one:
        st.session_state["doc_id"] = wanted
        st.session_state["doc_unit"] = one[0].get("unit") or ALL

# the pickers read a page of units and a page of documents, never the whole store
unit = st.selectbox("Đơn vị", [ALL, *paging.unit_options("doc_unit")], key="doc_unit")
scope = None if unit == ALL else unit
total = data.rows_or_stop("overview_counts", unit=scope)[0]["documents"]
if not total:
    st.info("Kho dữ liệu chưa có văn bản nào.")
    st.stop()
page_key = f"doc_page:{unit}"
skip = paging.pager(page_key, total, DOCS_PAGE)
documents = data.rows_or_stop("documents_page", unit=scope, skip=skip, limit=DOCS_PAGE)
by_id = {r["document"]: r for r in documents}
options = list(by_id)
current = st.session_state.get("doc_id")
if current and current not in by_id:  # the document a link opened, on another page of the list
    one = data.rows_or_stop("document_detail", document=current) if current == wanted else []
    if one:
        by_id[current] = {**one[0], "document": current}
        options.insert(0, current)
    else:
        st.session_state.pop("doc_id", None)
doc_id = st.selectbox("Văn bản", options, format_func=lambda i: screen.doc_label(by_id[i]), key="doc_id")
paging.where(page_key, skip, len(documents), total, "Văn bản")
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
