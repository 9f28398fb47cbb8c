"""Dòng chỉ đạo: a directive's chain from the issuing level down to the wards, and its citations over time."""

import altair as alt
import pandas as pd
import streamlit as st

from app_pages import data, document_view, lineage_view, screen
from graph import lineage

st.title("Dòng chỉ đạo")
st.caption(
    "Chuỗi văn bản như lược đồ của văn bản pháp luật: ở trên là văn bản mà văn bản này căn cứ, "
    "ở dưới là các văn bản trích dẫn nó, đến tận phường, xã. Di chuột lên một cạnh, hoặc bấm vào nó, "
    "để xem câu trích dẫn làm căn cứ."
)

directives = data.rows_or_stop("directives")
if not directives:
    st.info("Chưa có văn bản chỉ đạo nào trong kho dữ liệu.")
    st.stop()
by_key = {d["key"]: d for d in directives}

wanted = st.query_params.get("key")  # a link from another page, or a bookmark
if wanted in by_key and "lineage_key" not in st.session_state:
    st.session_state["lineage_key"] = wanted

filt = st.text_input("Lọc danh sách theo số, ký hiệu hoặc tên (không dấu cũng được)", placeholder="vd. 57-NQ/TW, 154/2025, chuyển đổi số",
                     key="lineage_filter")
options = [d["key"] for d in directives
           if screen.matches(filt, d.get("label"), d.get("key"), d.get("number"), d.get("symbol"), d.get("title"), d.get("issuer"))]
current = st.session_state.get("lineage_key")
if current and current not in options:
    options.insert(0, current)
if not options:
    st.warning("Không có văn bản chỉ đạo nào khớp.")
    st.stop()


def _label(key: str) -> str:
    d = by_key[key]
    extra = " · ".join(x for x in (d.get("issuer"), f"{d['documents']} văn bản trích dẫn") if x)
    return f"{d.get('label') or key} ({extra})"


c1, c2, c3 = st.columns([4, 1, 1])
key = c1.selectbox("Văn bản chỉ đạo", options, format_func=_label, key="lineage_key")
st.query_params["key"] = key
depth = c2.number_input("Số bậc mỗi chiều", 1, 6, 3, key="lineage_depth")
max_nodes = c3.selectbox("Số nút tối đa", [50, 100, 200, 300, 500], index=2, key="lineage_max")

root = by_key[key]
lin = lineage.walk(
    key,
    root,
    lambda keys: data.query(lineage.EDGES_QUERY, directives=list(keys)),
    max_depth=depth,
    max_nodes=max_nodes,
)
nodes, edges = lineage_view.lineage_visual(lin)
page = data.graph(nodes, edges, hierarchical=True, max_nodes=max_nodes, height=520)
if lin.truncated or page.notice:
    st.warning(page.notice or f"Chuỗi dài hơn giới hạn {max_nodes} nút: chỉ hiển thị một phần.")
st.html(
    '<div style="font-size:13px">'
    + " ".join(
        f'<span style="display:inline-block;width:12px;height:12px;border-radius:50%;background:{color};'
        f'margin:0 4px 0 12px"></span>{name}'
        for name, color in lineage_view.LINEAGE_LEVELS.values()
    )
    + "</div>"
)
st.iframe(page.html, height=640)

tab_edges, tab_time, tab_docs = st.tabs(["Câu làm căn cứ", "Dòng thời gian", "Văn bản trích dẫn"])

with tab_edges:
    if not lin.edges:
        st.info("Văn bản này chưa được trích dẫn và chưa trích dẫn văn bản nào trong kho dữ liệu.")
    else:
        def _node_name(nid: str) -> str:
            n = lin.nodes.get(nid, {})
            if n.get("document") and (nid.startswith("doc:") or not n.get("label")):
                return screen.doc_label(n)  # a citing document: type, number, unit, date
            return n.get("label") or nid

        edge_labels = [f"{_node_name(e['source'])}  →  {_node_name(e['target'])}" for e in lin.edges]
        st.dataframe(
            pd.DataFrame({"Văn bản trích dẫn → văn bản được trích dẫn": edge_labels,
                          "Câu trích dẫn": [e["evidence"] for e in lin.edges]}),
            hide_index=True,
        )
        i = st.selectbox("Mở câu làm căn cứ của cạnh", range(len(lin.edges)), format_func=lambda i: edge_labels[i],
                         key="lineage_edge")
        e = lin.edges[i]
        st.html(document_view.evidence_html(e["evidence"], e["mention"]))
        if e.get("document"):
            st.page_link("app_pages/document.py", label="Mở văn bản chứa câu này", query_params={"doc": e["document"]},
                         icon=":material/description:")

with tab_time:
    timeline = data.query("directive_timeline", key=key)
    if not timeline:
        st.info("Chưa có văn bản nào trích dẫn văn bản này.")
    else:
        tl = pd.DataFrame(timeline)
        tl["Tháng"] = tl["month"].map(screen.month_label)
        chart = (
            alt.Chart(tl)
            .mark_circle(color="#e65100")
            .encode(
                x=alt.X("month:O", title="Tháng", sort="ascending"),
                y=alt.Y("unit:N", title="Đơn vị"),
                size=alt.Size("citations:Q", title="Số lần trích dẫn"),
                tooltip=[alt.Tooltip("unit:N", title="Đơn vị"), alt.Tooltip("Tháng:N"),
                         alt.Tooltip("documents:Q", title="Số văn bản"), alt.Tooltip("citations:Q", title="Số lần")],
            )
        )
        st.altair_chart(chart)
        pivot = tl.pivot_table(index="unit", columns="month", values="citations", aggfunc="sum", fill_value=0)
        pivot.columns = [screen.month_label(m) for m in pivot.columns]
        st.dataframe(pivot.rename_axis("Đơn vị"))

with tab_docs:
    citing = data.query("citing_documents", key=key)
    if citing:
        st.dataframe(
            pd.DataFrame(
                {
                    "Văn bản": [" ".join(x for x in (r.get("doc_type"), screen.doc_code(r)) if x) for r in citing],
                    "Đơn vị": [r.get("unit") or "" for r in citing],
                    "Ngày": [screen.date_label(r.get("date")) for r in citing],
                    "Câu trích dẫn": [r.get("evidence") or "" for r in citing],
                }
            ),
            hide_index=True,
        )
    else:
        st.info("Chưa có văn bản nào trích dẫn văn bản này.")
