"""Chủ đề: how many items touch each theme, month by month, for one unit or all."""

import altair as alt
import pandas as pd
import streamlit as st

from app_pages import board_view, data, paging, screen

st.title("Chủ đề")
st.caption("Số mục (kết quả, hạn chế, nhiệm vụ) thuộc mỗi chủ đề theo tháng. Ô càng đậm, chủ đề càng được nhắc nhiều.")

n_units = paging.unit_count()
units = paging.unit_options("themes_unit", n_units)
# every ward together is one aggregate over every item of the store (1.4 s at 10,000 notices): on a big store
# the page opens on one ward, and "Tất cả" comes last
big = n_units > board_view.BOARD_ALL_UNITS
unit = st.selectbox("Phường, xã", [*units, "Tất cả"] if big else ["Tất cả", *units], key="themes_unit")
rows = data.rows_or_stop("themes_by_month", unit=None if unit == "Tất cả" else unit)
if not rows:
    st.info("Chưa có mục nào được gắn chủ đề.")
    st.stop()

frame = pd.DataFrame(rows)
frame["Tháng"] = frame["period"].map(screen.month_label)
heat = (
    alt.Chart(frame)
    .mark_rect()
    .encode(
        x=alt.X("period:O", title="Tháng", axis=alt.Axis(labelExpr="slice(datum.value, 5) + '/' + slice(datum.value, 0, 4)")),
        y=alt.Y("theme:N", title="Chủ đề", sort=alt.EncodingSortField("items", op="sum", order="descending")),
        color=alt.Color("items:Q", title="Số mục", scale=alt.Scale(scheme="oranges")),
        tooltip=[alt.Tooltip("theme:N", title="Chủ đề"), alt.Tooltip("Tháng:N"), alt.Tooltip("items:Q", title="Số mục")],
    )
)
labels = heat.mark_text(baseline="middle").encode(text="items:Q", color=alt.value("black"))
st.altair_chart(heat + labels)

pivot = frame.pivot_table(index="theme", columns="period", values="items", aggfunc="sum", fill_value=0)
pivot.columns = [screen.month_label(m) for m in pivot.columns]
pivot["Tổng"] = pivot.sum(axis=1)
st.dataframe(pivot.sort_values("Tổng", ascending=False).rename_axis("Chủ đề"))
