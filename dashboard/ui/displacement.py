"""Displacement and returns: displaced and returned per side over time, by source, and the newest figure per
province where a report names one (shelters and evacuations count as displacement)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

from dashboard.gazetteer import Gazetteer
from dashboard.queries import Queries
from dashboard.queries.tracker import (
    newest_per_province,
    with_sides,
)
from dashboard.ui.cache import shared, shared_figure
from dashboard.ui.safe import escape
from dashboard.ui.widgets import table


def displacement_figure(frame: pd.DataFrame) -> go.Figure:
    """Displaced and returned over time, one panel each, by side (a figure once, however many provinces its
    sentence names)."""
    frame = frame.drop_duplicates(subset=["report_id", "metric", "value", "quote"])
    frame = frame.assign(
        date=pd.to_datetime(frame["published"]),
        hover=[
            escape(f"{s} {m} — {o}, {d:%-d %b %Y}")
            for s, m, o, d in zip(frame["shown"], frame["metric"], frame["outlet"], frame["published"], strict=True)
        ],
    )
    fig = px.scatter(
        frame,
        x="date",
        y="value",
        color="side",
        facet_col="metric",
        hover_name="hover",
        hover_data={"date": False, "value": False, "side": False, "metric": False, "hover": False},
        category_orders={"metric": ["displaced", "returned"]},
        color_discrete_map={"Thailand": "#3b82f6", "Cambodia": "#ef4444", "Side not stated": "#6b7280"},
    )
    fig.update_yaxes(matches=None, showticklabels=True, rangemode="tozero", title=None)
    fig.update_xaxes(type="date", title=None, tickformat="%-d %b %Y")
    fig.for_each_annotation(lambda a: a.update(text=a.text.split("=")[-1]))
    fig.update_layout(height=280, margin={"l": 10, "r": 10, "t": 30, "b": 10}, legend_title_text="")
    return fig


def displacement_view(q: Queries, gaz: Gazetteer, as_of: date, episode: str | None) -> None:
    """Displaced and returned per side as the reports give them over time, by source, and the newest figure
    per province where a report names one. Shelters and evacuations count as displacement."""
    frame = q.displacement_rows(as_of, episode)
    if frame.empty:
        st.info("No displacement or return figure in this episode by this date.")
        return
    frame = shared(q, "displacement-sides", (as_of, episode), with_sides, frame)
    fig = shared_figure(q, "displacement", (as_of, episode), displacement_figure, frame)
    st.plotly_chart(fig, width="stretch", config={"displaylogo": False})
    params = (as_of, episode)
    newest = shared(q, "displacement-provinces", params, newest_per_province, frame, gaz)
    if not newest.empty:
        st.caption("Where a report names the province: its newest figure")
        rows = len(newest)
        table(q, "displacement-table", params, lambda: newest, width="stretch", height=min(38 + 35 * rows, 260))
