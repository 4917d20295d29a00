"""Streamlit views: figures by source, meetings around the as-of date, province details.

Views only render what dashboard.summary computes; every quote goes through md_escape and every link
through safe_url.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.express as px
import streamlit as st

from dashboard.gazetteer import Gazetteer
from dashboard.merge import MeetingGroup
from dashboard.records import Evidence, Report
from dashboard.safe import escape, md_escape, safe_url
from dashboard.summary import (
    METRICS,
    Corpus,
    OnsetClaim,
    ProvinceDetails,
    display_value,
    figure_ranges,
    meeting_sources,
    split_meetings,
)

PRECISION = {1: "exact place", 2: "near a place", 3: "province only"}


def report_label(r: Report) -> str:
    when = r.published.isoformat() if r.published else "date unknown"
    return f"{r.outlet or 'unknown outlet'}, {when}"


def source_line(r: Report) -> str:
    """Outlet, date and link of a report, as safe markdown."""
    url = safe_url(r.url)
    title = md_escape(r.title) if r.title else f"report {r.id[:8]}"
    link = f"[{title}]({url})" if url else f"{title} (no link)"
    return f"{md_escape(report_label(r))} · {link}"


def quote_block(e: Evidence, r: Report) -> None:
    st.markdown(f"> {md_escape(e.sentence)}")
    quote = "" if e.quote == e.sentence else f"Quote: “{md_escape(e.quote)}” — "
    st.caption(f"{quote}{source_line(r)}")


def onset_summary(claims: list[OnsetClaim], as_of: date) -> str:
    if not claims:
        return "No report states when the current fighting began."
    parts = [f"{c.date:%-d %B %Y} ({len(c.report_ids)} report{'s' if len(c.report_ids) > 1 else ''})" for c in claims]
    days = sorted({(as_of - c.date).days for c in claims})
    span = f"{days[0]}" if len(days) == 1 else f"{days[0]}–{days[-1]}"
    if len(claims) == 1:
        return f"**{span} days** since the fighting resumed on {parts[0]}."
    return f"**{span} days** since the fighting resumed — reports disagree: " + " vs ".join(parts) + "."


def figures_view(frame: pd.DataFrame, corpus: Corpus, metrics: list[str], sides: list[str]) -> None:
    shown = frame[frame["metric"].isin(metrics) & frame["side"].isin(sides)]
    if shown.empty:
        st.info("No figure matches the filters.")
        return
    ranges = figure_ranges(shown)
    cols = st.columns(len(metrics))
    for col, metric in zip(cols, metrics, strict=True):
        with col:
            st.markdown(f"**{metric.capitalize()}**")
            rows = ranges[ranges["metric"] == metric]
            if rows.empty:
                st.caption("no number given")
            for r in rows.itertuples():
                value = f"{r.low:,}" if r.low == r.high else f"{r.low:,} – {r.high:,}"
                st.markdown(f"{r.side}: **{value}**")
                values = shown[(shown["metric"] == metric) & (shown["side"] == r.side) & shown["value"].notna()]
                each = values.groupby("shown", sort=False)["report_id"].nunique()
                verdict = "sources disagree" if r.disagree else "sources agree"
                st.caption(
                    f"{verdict}: "
                    + " · ".join(f"{md_escape(v)} ({n} report{'s' if n > 1 else ''})" for v, n in each.items())
                )
    numeric = shown.dropna(subset=["value"]).copy()
    if not numeric.empty:
        numeric["hover"] = numeric.apply(lambda x: escape(f"{x['shown']} — {x['source']} ({x['outlet']})"), axis=1)
        fig = px.scatter(
            numeric,
            x="published",
            y="value",
            color="side",
            facet_col="metric",
            hover_name="hover",
            hover_data={
                "published": True,
                "value": ":,",
                "side": False,
                "metric": False,
                "qualifier": True,
                "hover": False,
            },
            category_orders={"metric": [m for m in METRICS if m in metrics]},
            color_discrete_map={"Thailand": "#3b82f6", "Cambodia": "#ef4444", "Side not stated": "#6b7280"},
        )
        fig.update_yaxes(matches=None, showticklabels=True, rangemode="tozero", title=None)
        fig.update_traces(marker={"size": 11, "line": {"width": 1, "color": "#111827"}})
        fig.update_xaxes(tickformat="%-d %b", dtick=86_400_000, title=None)
        fig.for_each_annotation(lambda a: a.update(text=a.text.split("=")[-1]))
        fig.update_layout(height=320, margin={"l": 10, "r": 10, "t": 30, "b": 10}, legend_title_text="")
        st.plotly_chart(fig, width="stretch", config={"displaylogo": False})
    table = shown[
        ["metric", "side", "shown", "group", "source", "outlet", "published", "period", "quote", "report_id", "url"]
    ].copy()
    table["report_id"] = table["report_id"].str[:8]
    table["url"] = table["url"].map(safe_url)
    st.dataframe(
        table.rename(columns={"shown": "figure", "published": "report date", "report_id": "report"}),
        hide_index=True,
        width="stretch",
        column_config={"url": st.column_config.LinkColumn("link", display_text="open")},
    )


def _meeting_row(g: MeetingGroup, corpus: Corpus) -> None:
    m = g.meeting
    when = m.date.strftime("%a %-d %b %Y") if m.date else "date not stated"
    venue = m.venue or "venue not stated"
    bodies = " / ".join(g.bodies) or "body not stated"
    with st.container(border=True):
        st.markdown(f"**{md_escape(when)}** · {md_escape(venue)} · {md_escape(bodies)}")
        st.caption(f"status: {', '.join(g.statuses)} · {len(g.report_ids)} report(s)")
        with st.expander("What each report says"):
            for mention, report in meeting_sources(g, corpus):
                quote_block(mention.evidence, report)


def meetings_view(corpus: Corpus, as_of: date) -> None:
    upcoming, past, undated = split_meetings(corpus.meetings, as_of)
    left, right = st.columns(2)
    with left:
        st.markdown(f"**Upcoming** (from {as_of:%-d %b %Y})")
        for g in upcoming:
            _meeting_row(g, corpus)
        if not upcoming:
            st.caption("none reported")
    with right:
        st.markdown("**Past**")
        for g in past:
            _meeting_row(g, corpus)
        if not past:
            st.caption("none reported")
    if undated:
        with st.expander(f"Meetings without a date ({len(undated)})"):
            for g in undated:
                _meeting_row(g, corpus)


def province_view(details: ProvinceDetails, gaz: Gazetteer, corpus: Corpus) -> None:
    p = gaz.provinces[details.code]
    km = (
        f"border km {p.border_km:.0f}"
        if p.border_distance_km is not None and p.border_distance_km <= 2
        else f"{p.border_distance_km:.0f} km from the border"
        if p.border_distance_km is not None
        else ""
    )
    st.subheader(f"{p.name} ({details.code})")
    st.caption(f"{'Thailand' if p.country == 'TH' else 'Cambodia'} · {km}")
    if details.empty:
        st.info("The reports say nothing about this province.")
        return
    counts = (
        f"{len(details.places)} place mention(s) · {len(details.incidents)} incident(s) · "
        f"{len(details.figures)} figure(s) · {len(details.meetings)} meeting(s)"
    )
    st.markdown(counts)
    if details.meetings:
        st.markdown("**Meetings here**")
        for g in details.meetings:
            _meeting_row(g, corpus)
    if details.incidents:
        st.markdown("**Incidents**")
        for i in details.incidents:
            who = f"reported by {i.reported_by or 'source not identified'}"
            who += f", accusing {i.accused}" if i.accused else ""
            who += f", denied by {i.denied_by}" if i.denied_by else ""
            st.markdown(f"*{i.kind.replace('_', ' ')}* · {md_escape(', '.join(i.places))} · {who}")
            quote_block(i.evidence, corpus.reports[i.evidence.report_id])
    if details.figures:
        st.markdown("**Figures in sentences about it**")
        for f in details.figures:
            st.markdown(f"{f.metric}: **{md_escape(display_value(f))}** ({f.country or 'side not stated'})")
            quote_block(f.evidence, corpus.reports[f.evidence.report_id])
    st.markdown("**Places mentioned**")
    for place in details.places:
        st.markdown(f"{md_escape(place.name)} · {place.kind} · {PRECISION[place.precision]}")
        quote_block(place.evidence, corpus.reports[place.evidence.report_id])
