"""Tổng quan: how much there is, which directives are cited most, the latest documents, one search box."""

import pandas as pd
import streamlit as st

from app_pages import data, paging, screen

#: rows of the units table on one page
UNITS_PAGE = 50

st.title("Tổng quan")

# every figure counted in Cypher: no page reads every document or every unit
totals = data.rows_or_stop("overview_counts")[0]
if not totals["documents"]:
    st.info("Kho dữ liệu chưa có văn bản nào. Nạp văn bản bằng `vanban ingest THƯ_MỤC`, rồi bấm **Tải lại dữ liệu**.")
    st.stop()
counts = data.counts()

c = st.columns(6)
c[0].metric("Văn bản", screen.number(totals["documents"]))
c[1].metric("Phường, xã", screen.number(totals["units"]))
c[2].metric("Văn bản chỉ đạo", screen.number(counts.get("Directive", 0)))
c[3].metric("Mục trong văn bản", screen.number(counts.get("Item", 0)), help="Kết quả, hạn chế, nhiệm vụ, phân công")
c[4].metric("Từ tháng", screen.month_label(totals["first"]) if totals["first"] else "—")
c[5].metric("Đến tháng", screen.month_label(totals["last"]) if totals["last"] else "—")

# -- search ---------------------------------------------------------------------------
st.subheader("Tìm kiếm")
q = st.text_input(
    "Tìm trong văn bản, văn bản chỉ đạo, cơ quan và các mục",
    placeholder="Gõ có dấu hay không dấu đều được: “chuyen doi so”, “57-NQ/TW”, “Công an phường”…",
    key="search",
)
if q.strip():
    hits = data.rows_or_stop("search", q=q, limit=50)
    if not hits:
        st.info("Không tìm thấy kết quả nào.")
    else:
        frame = screen.search_frame(hits)
        st.caption(f"{len(hits)} kết quả. Chọn một dòng để mở.")
        event = st.dataframe(
            frame[["Loại", "Kết quả", "Thuộc"]], hide_index=True, on_select="rerun", selection_mode="single-row",
            key="search_table",
        )
        chosen = event.selection.rows if event and hasattr(event, "selection") else []
        if chosen:
            hit = frame.iloc[chosen[0]]
            target = {
                "Document": ("app_pages/document.py", {"doc": hit["id"]}),
                "Item": ("app_pages/document.py", {"doc": str(hit["id"]).split("#")[0], "item": hit["id"]}),
                "Directive": ("app_pages/lineage.py", {"key": hit["id"]}),
                "Body": ("app_pages/bodies.py", {"body": hit["id"]}),
            }.get(hit["kind"])
            if target:
                st.switch_page(target[0], query_params=target[1])

# -- most cited, latest ---------------------------------------------------------------
left, right = st.columns(2)
with left:
    st.subheader("Văn bản chỉ đạo được trích dẫn nhiều nhất")
    cited = data.rows_or_stop("most_cited_directives", limit=10)
    if cited:
        st.dataframe(
            pd.DataFrame(
                {
                    "Văn bản chỉ đạo": [r["directive"] for r in cited],
                    "Cơ quan ban hành": [r.get("issuer") or "" for r in cited],
                    "Số văn bản trích dẫn": [r["documents"] for r in cited],
                    "Số lần trích dẫn": [r["citations"] for r in cited],
                }
            ),
            hide_index=True,
        )
        st.page_link("app_pages/lineage.py", label="Xem dòng chỉ đạo của văn bản được trích dẫn nhiều nhất",
                     query_params={"key": cited[0]["key"]}, icon=":material/account_tree:")
    else:
        st.caption("Chưa có trích dẫn nào.")
with right:
    st.subheader("Văn bản mới nhất")
    latest = data.rows_or_stop("documents_page", limit=10)
    st.dataframe(
        pd.DataFrame(
            {
                "Văn bản": [" ".join(x for x in (r.get("doc_type"), screen.doc_code(r)) if x) for r in latest],
                "Đơn vị": [r.get("unit") or "" for r in latest],
                "Ngày": [screen.date_label(r.get("date")) for r in latest],
                "Kỳ báo cáo": [screen.month_label(r.get("reported_period")) for r in latest],
                "Kỳ kế hoạch": [screen.month_label(r.get("planned_period")) for r in latest],
            }
        ),
        hide_index=True,
    )
    st.page_link("app_pages/document.py", label="Mở văn bản mới nhất", query_params={"doc": latest[0]["document"]},
                 icon=":material/description:")

st.subheader("Đơn vị và các tháng có văn bản")
skip = paging.pager("overview_units_page", totals["units"], UNITS_PAGE)
units = data.rows_or_stop("units_page", skip=skip, limit=UNITS_PAGE)
st.dataframe(
    pd.DataFrame(
        {
            "Đơn vị": [u["unit"] for u in units],
            "Số văn bản": [u["documents"] for u in units],
            "Từ tháng": [screen.month_label(u.get("first")) for u in units],
            "Đến tháng": [screen.month_label(u.get("last")) for u in units],
        }
    ),
    hide_index=True,
)
paging.where("overview_units_page", skip, len(units), totals["units"], "Đơn vị")
