"""The toll tracker: per episode, metric, side and group, each source's figures over time (a step per update),
whether the sources of the last week disagree, and each source's latest figure with the one it replaced. The
choices are in the URL (`tmetric`, `tside`, `tgroup`). Data rules in dashboard.queries.tracker."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.queries import Queries
from dashboard.queries.tracker import (
    SourceLatest,
    disagreement,
    latest_per_source,
    source_of,
)
from dashboard.records import Figure, Report
from dashboard.summary import (
    RECENT_DAYS,
    Toll,
    display_value,
    report_day,
)
from dashboard.ui.cache import shared, shared_figure
from dashboard.ui.safe import escape, md_escape, safe_url
from dashboard.ui.widgets import plural, table

TRACKED = ("killed", "injured", "displaced", "returned")


GROUPS = {"total": None, "civilians": "civilian", "soldiers": "military"}  # total: no group stated


GROUP_LABELS = {"total": "total (group not stated)"}


TRACKER_LIMIT = 3000


SIDE_CODES = {"Thailand": "TH", "Cambodia": "KH", "Both sides": "both", "Side not stated": None}


LINES = 10  # sources drawn as lines in the tracker; the others as grey dots


def tracker_default(tolls: list[Toll]) -> tuple[str, str, str]:
    """The line the tracker opens on: the headline's first toll (its metric, side and group), so that it
    opens on figures the page shows; killed · Thailand · total when there is none."""
    for t in tolls:
        if t.metric in TRACKED:
            side = next(name for name, code in SIDE_CODES.items() if code == t.side)
            group = next(name for name, code in GROUPS.items() if code == t.latest.group)
            return t.metric, side, group
    return "killed", "Thailand", "total"


def toll_tracker(q: Queries, as_of: date, episode: str | None, tolls: list[Toll] = ()) -> None:
    """Per metric, side and group: each source's latest figure, how it moved (a step per update), and the
    spread across sources now. Figures that count one incident are left to the incident. It opens on the
    first of the headline's `tolls`."""
    c1, c2, c3 = st.columns(3)
    first = tracker_default(list(tolls))
    metric = c1.selectbox("Metric", TRACKED, index=TRACKED.index(first[0]), key="tmetric", bind="query-params")
    side = c2.selectbox(
        "Side", list(SIDE_CODES), index=list(SIDE_CODES).index(first[1]), key="tside", bind="query-params"
    )
    group = c3.selectbox(
        "Who",
        list(GROUPS),
        index=list(GROUPS).index(first[2]),
        key="tgroup",
        bind="query-params",
        format_func=lambda g: GROUP_LABELS.get(g, g),
    )
    if (metric, side, group) == first:
        st.caption(f"Shown: {metric} · {side} · {GROUP_LABELS.get(group, group)}, the first toll of the headline table")
    country = SIDE_CODES[side]
    pairs = q.toll_figures(as_of, episode, metric, country, GROUPS[group], TRACKER_LIMIT)
    left_out = q.incident_counts(as_of, episode, metric, country, GROUPS[group])
    provincial = q.provincial_counts(as_of, episode, metric, country, GROUPS[group])
    note = f" · {plural(left_out, 'figure')} counting a single incident left to that incident" if left_out else ""
    if provincial:
        note += f" · {plural(provincial, 'figure')} for one province left out (see Displacement and returns, provinces)"
    if len(pairs) >= TRACKER_LIMIT:
        note += f" · the newest {TRACKER_LIMIT:,} figures only"
    if not pairs:
        st.info(f"No source gives a number for {metric} · {side} · {group} in this episode by this date.{note}")
        return
    params = (as_of, episode, metric, side, group)
    latest = shared(q, "tracker-latest", params, latest_per_source, pairs)
    now, differ = disagreement(latest, as_of)
    if now:
        values = sorted(now, key=lambda s: s.latest.value or 0)
        newest = max(now, key=lambda s: (s.day, s.latest.value or 0))
        if differ:
            spread = f"{display_value(values[0].latest)} – {display_value(values[-1].latest)}"
            verdict = "**sources disagree**"
        else:  # the same figure, or a running total a later source gives higher: an update
            spread = display_value(newest.latest)
            same = len({display_value(s.latest) for s in now}) == 1
            verdict = "sources agree" if same else "later sources update earlier ones"
        st.markdown(
            f"Now ({plural(len(now), 'source')} in the week to {as_of:%-d %b}): **{md_escape(spread)}** · {verdict}"
        )
    else:
        st.markdown(f"No source gave a figure in the week to {as_of:%-d %b}: the newest are older (stale).")
    st.caption(f"{plural(len(pairs), 'figure')} from {plural(len(latest), 'source')}{note}")
    fig = shared_figure(q, "tracker", params, tracker_figure, pairs, metric)
    st.plotly_chart(fig, width="stretch", config={"displaylogo": False})
    table(
        q,
        "tracker-table",
        params,
        latest_table,
        latest,
        as_of,
        width="stretch",
        height=min(38 + 35 * len(latest), 300),
        column_config={"link": st.column_config.LinkColumn("link", display_text="open")},
    )


def latest_table(latest: list[SourceLatest], as_of: date) -> pd.DataFrame:
    rows = [
        {
            "source": s.source,
            "latest": display_value(s.latest),
            "date": s.day,
            "update of": display_value(s.previous) if s.previous else "",
            "figures": s.figures,
            "speaks now": (as_of - s.day).days <= RECENT_DAYS,
            "quote": s.latest.evidence.quote,
            "report": s.report.label,
            "link": safe_url(s.report.url) or "",
        }
        for s in latest
    ]
    return pd.DataFrame(rows)


def tracker_figure(pairs: list[tuple[Figure, Report]], metric: str) -> go.Figure:
    """Each source's figures over time (a real date axis: the day a figure's sentence says the toll stood at,
    else its report's), a step per update; the sources that give the most figures as lines, the others as
    grey dots. Qualifiers are in the point labels."""
    rows = [
        {
            "date": pd.Timestamp(f.date or r.counts_from),  # the day the sentence says it stood at, else the report's
            "value": f.value,
            "source": source_of(r),
            "shown": display_value(f),
            "hover": escape(
                f"{display_value(f)}" + (f" as of {f.date:%-d %b %Y}" if f.date else "") + f" — {source_of(r)}, "
                f"{report_day(r)}"
            ),
        }
        for f, r in pairs
        if r.counts_from
    ]
    frame = pd.DataFrame(rows)
    top = frame["source"].value_counts().index[:LINES]
    fig = go.Figure()
    for source in top:
        these = frame[frame["source"] == source]
        fig.add_trace(
            go.Scatter(
                x=these["date"],
                y=these["value"],
                mode="lines+markers",
                line_shape="hv",
                name=escape(source),
                hovertext=these["hover"],
                hoverinfo="text",
            )
        )
    rest = frame[~frame["source"].isin(top)]
    if not rest.empty:
        fig.add_trace(
            go.Scatter(
                x=rest["date"],
                y=rest["value"],
                mode="markers",
                marker={"color": "#9ca3af"},
                name="other sources",
                hovertext=rest["hover"],
                hoverinfo="text",
            )
        )
    fig.update_xaxes(type="date", title=None, tickformat="%-d %b %Y")
    fig.update_yaxes(title=metric, rangemode="tozero")
    fig.update_layout(height=300, margin={"l": 10, "r": 10, "t": 10, "b": 10}, legend_title_text="")
    return fig
