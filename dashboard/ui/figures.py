"""Casualties and displacement by source: per metric and side the range of values and every value given, a
chart of the figures over time and the table of figures with their quotes, as the store answers them."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.express as px
import streamlit as st

from dashboard.queries import Queries
from dashboard.summary import GROUP_WORDS, METRICS
from dashboard.ui.cache import shared_figure
from dashboard.ui.safe import escape, md_escape, safe_url
from dashboard.ui.widgets import SIDE_COLOURS, plural, table


def figures_view(q: Queries, as_of: date, episode: str | None, metrics: list[str], sides: list[str]) -> None:
    ranges = q.figure_ranges(as_of, episode, metrics, sides)
    rows, total = q.figure_rows(as_of, episode, metrics, sides)
    if rows.empty:
        st.info("No figure matches the filters at this date.")
        return
    cols = st.columns(len(metrics))
    for col, metric in zip(cols, metrics, strict=True):
        with col:
            st.markdown(f"**{metric.capitalize()}**")
            these = ranges[ranges["metric"] == metric]
            if these.empty:
                st.caption("no number given")
            for r in these.itertuples():
                who = r.side + (f" · {GROUP_WORDS[r.group]}" if isinstance(r.group, str) else "")
                value = r.low_shown if r.low_shown == r.high_shown else f"{r.low_shown} – {r.high_shown}"
                st.markdown(f"{who}: **{md_escape(value)}** · {plural(r.reports, 'source')}")
                verdict = "sources of the last week disagree" if r.disagree else "no disagreement in the last week"
                listed = " · ".join(md_escape(v) for v in r.newest)
                more = f" · … {r.reports - len(r.newest)} more sources" if r.reports > len(r.newest) else ""
                st.caption(f"{verdict} · each source's newest: {listed}{more}")
    st.caption(
        "Each source's newest running total per side and group (its earlier figures are updates, not a "
        "disagreement); counts of one incident, one province or a period are left out; the table lists every figure."
    )
    params = (as_of, episode, tuple(metrics), tuple(sides))
    _figures_chart(q, rows, metrics, params)
    if total > len(rows):
        st.caption(f"The newest {len(rows):,} of {total:,} figures; every one is counted in the ranges above.")
    table(
        q,
        "figures-table",
        params,
        figures_table,
        rows,
        width="stretch",
        height=300,
        column_config={"url": st.column_config.LinkColumn("link", display_text="open")},
    )


FIGURE_TABLE_COLUMNS = [
    "metric",
    "side",
    "shown",
    "group",
    "source",
    "episode",
    "outlet",
    "published",
    "dated_by",
    "title",
    "quote",
    "report",
    "url",
]


def figures_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Every figure listed: its words, source and report, a link only when it is safe."""
    table = rows[FIGURE_TABLE_COLUMNS].copy()
    table["url"] = table["url"].map(lambda u: safe_url(u) or "")
    return table.rename(columns={"shown": "figure", "published": "report date", "dated_by": "date found from"})


def _figures_chart(q: Queries, shown: pd.DataFrame, metrics: list[str], params: tuple) -> None:
    fig = shared_figure(q, "figures", params, figures_figure, shown, tuple(metrics))
    if fig is not None:
        st.plotly_chart(fig, width="stretch", config={"displaylogo": False})


def figures_figure(shown: pd.DataFrame, metrics: tuple[str, ...]):
    """The figures over time (a real date axis), one panel per metric."""
    numeric = shown.dropna(subset=["value", "published"]).copy()
    if numeric.empty:
        return None
    numeric["value"] = numeric["value"].astype(float)
    numeric["date"] = pd.to_datetime(numeric["published"])
    numeric["hover"] = [
        escape(f"{s} — {src} ({o})")
        for s, src, o in zip(numeric["shown"], numeric["source"], numeric["outlet"], strict=True)
    ]
    fig = px.scatter(
        numeric,
        x="date",
        y="value",
        color="side",
        facet_col="metric",
        hover_name="hover",
        hover_data={
            "date": "|%-d %b %Y",
            "value": ":,",
            "side": False,
            "metric": False,
            "qualifier": True,
            "hover": False,
        },
        category_orders={"metric": [m for m in METRICS if m in metrics]},
        color_discrete_map=SIDE_COLOURS,
    )
    fig.update_yaxes(matches=None, showticklabels=True, rangemode="tozero", title=None)
    fig.update_traces(marker={"size": 9, "line": {"width": 1, "color": "#111827"}})
    fig.update_xaxes(type="date", title=None, tickformat="%-d %b %Y")
    fig.for_each_annotation(lambda a: a.update(text=a.text.split("=")[-1]))
    fig.update_layout(height=300, margin={"l": 10, "r": 10, "t": 30, "b": 10}, legend_title_text="")
    return fig
