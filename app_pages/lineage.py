"""Dòng chỉ đạo: a directive's chain from the issuing level down to the wards, and its citations over time."""

import altair as alt
import pandas as pd
import streamlit as st

from app_pages import data, document_view, lineage_view, paging, screen
from graph import lineage

#: rows of the citing documents and of the units on one page
DOCS_PAGE = 50
UNITS_PAGE = 50

st.title("Dòng chỉ đạo")
st.caption(
    "Chuỗi văn bản như lược đồ của văn bản pháp luật: ở trên là văn bản mà văn bản này căn cứ, "
    "ở dưới là các văn bản trích dẫn nó, đến tận phường, xã. Di chuột lên một cạnh, hoặc bấm vào nó, "
    "để xem câu trích dẫn làm căn cứ."
)

wanted = st.query_params.get("key")  # a link from another page, or a bookmark
if wanted and "lineage_key" not in st.session_state:
    st.session_state["lineage_key"] = wanted
# the picker asks the store for a page of directives (most cited first, filtered by the words typed), never all of them
by_key = paging.directive_options("lineage_key", wanted)
if not by_key:
    if st.session_state.get("lineage_key_filter"):
        st.warning("Không có văn bản chỉ đạo nào khớp.")
    else:
        st.info("Chưa có văn bản chỉ đạo nào trong kho dữ liệu.")
    st.stop()
options = list(by_key)
if st.session_state.get("lineage_key") not in by_key:
    st.session_state.pop("lineage_key", None)


def _label(key: str) -> str:
    d = by_key[key]
    extra = " · ".join(x for x in (d.get("issuer"), f"{screen.number(d['documents'])} văn bản trích dẫn") if x)
    return f"{d.get('label') or key} ({extra})"


c1, c2, c3 = st.columns([4, 1, 1])
key = c1.selectbox("Văn bản chỉ đạo", options, format_func=_label, key="lineage_key")
st.query_params["key"] = key
depth = c2.number_input("Số bậc mỗi chiều", 1, 6, 3, key="lineage_depth")
max_nodes = c3.selectbox("Số nút tối đa", [50, 100, 200, 300, 500], index=2, key="lineage_max")

root = by_key[key]
# one query a level, at most a few rows more than the graph can show: a directive cited by thousands
# of documents costs a page of its citing set, not all of it
level_rows = max_nodes + 1
capped: list[bool] = []


def _level(keys: list[str]) -> list[dict]:
    rows = data.query("lineage_level", directives=list(keys), limit=level_rows)
    capped.append(len(rows) >= level_rows)
    return rows


lin = lineage.walk(key, root, _level, max_depth=depth, max_nodes=max_nodes)
nodes, edges = lineage_view.lineage_visual(lin)
page = data.graph(nodes, edges, hierarchical=True, max_nodes=max_nodes, height=520)
summary = data.rows_or_stop("directive_summary", key=key)[0]
if lin.truncated or page.notice or any(capped):
    st.warning(page.notice or f"Chuỗi dài hơn giới hạn {max_nodes} nút: chỉ hiển thị một phần "
               f"({screen.number(summary['documents'])} văn bản trích dẫn trực tiếp; danh sách đầy đủ ở thẻ "
               "“Văn bản trích dẫn”).")
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
    if not summary["documents"]:
        st.info("Chưa có văn bản nào trích dẫn văn bản này.")
    else:
        # the chart: one point a month, every unit together (aggregated in Cypher); the units a page at a time
        months = pd.DataFrame(data.rows_or_stop("directive_months", key=key))
        months["Tháng"] = months["month"].map(screen.month_label)
        chart = (
            alt.Chart(months)
            .mark_bar(color="#e65100")
            .encode(
                x=alt.X("month:O", title="Tháng", sort="ascending"),
                y=alt.Y("documents:Q", title="Số văn bản trích dẫn"),
                tooltip=[alt.Tooltip("Tháng:N"), alt.Tooltip("units:Q", title="Số đơn vị"),
                         alt.Tooltip("documents:Q", title="Số văn bản"), alt.Tooltip("citations:Q", title="Số lần")],
            )
        )
        st.altair_chart(chart)
        st.caption(f"{screen.number(summary['documents'])} văn bản của {screen.number(summary['units'])} đơn vị trích dẫn "
                   f"{screen.number(summary['citations'])} lần, từ tháng {screen.month_label(summary['first'])} "
                   f"đến tháng {screen.month_label(summary['last'])}.")
        skip = paging.pager("lineage_units_page", summary["units"], UNITS_PAGE)
        per_unit = data.rows_or_stop("directive_units_page", key=key, skip=skip, limit=UNITS_PAGE)
        st.dataframe(
            pd.DataFrame(
                {
                    "Đơn vị": [r.get("unit") or "" for r in per_unit],
                    "Số văn bản": [r["documents"] for r in per_unit],
                    "Số lần trích dẫn": [r["citations"] for r in per_unit],
                    "Từ tháng": [screen.month_label(r.get("first")) for r in per_unit],
                    "Đến tháng": [screen.month_label(r.get("last")) for r in per_unit],
                }
            ),
            hide_index=True,
        )
        paging.where("lineage_units_page", skip, len(per_unit), summary["units"], "Đơn vị")

with tab_docs:
    if not summary["documents"]:
        st.info("Chưa có văn bản nào trích dẫn văn bản này.")
    else:
        skip = paging.pager("lineage_docs_page", summary["documents"], DOCS_PAGE)
        citing = data.rows_or_stop("citing_documents_page", key=key, skip=skip, limit=DOCS_PAGE)
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
        paging.where("lineage_docs_page", skip, len(citing), summary["documents"], "Văn bản")
