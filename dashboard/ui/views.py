"""Streamlit views: the headline state, figures by source, meetings around the as-of date, province details.

Views only render what dashboard.queries asks of the store. Every piece of report text goes through md_escape and
every link through md_link/safe_url. Every list is bounded: newest first, a count, and "show more".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import orjson
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

from dashboard.agreements import CeasefireState
from dashboard.gazetteer import Gazetteer
from dashboard.queries import MeetingSummary, Queries
from dashboard.records import Evidence, Report
from dashboard.summary import (
    GROUP_WORDS,
    METRICS,
    OnsetClaim,
    Toll,
    display_value,
    episode_label,
    incident_when,
    incident_words,
    meeting_status,
    outlet_name,
    report_day,
    side_name,
    split_meetings,
)
from dashboard.ui.safe import escape, md_escape, md_link, safe_url
from dashboard.untrusted import display_frame

PRECISION = {1: "exact place", 2: "near a place", 3: "province only"}
PAGE = 5  # items a list shows before "show more"
SIDE_COLOURS = {"Thailand": "#3b82f6", "Cambodia": "#ef4444", "Side not stated": "#6b7280"}


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else words or word + 's'}"


def report_date(r: Report) -> str:
    return report_day(r)


def source_line(r: Report) -> str:
    """Outlet, date, title (linked when the report has a safe link) and report id, as safe markdown."""
    title = md_link(r.title or "untitled report", r.url)
    link_note = "" if safe_url(r.url) else " (no link)"
    return (
        f"{md_escape(outlet_name(r))} · {md_escape(report_date(r))} · {title}{link_note} · report {md_escape(r.label)}"
    )


def quote_block(e: Evidence, r: Report) -> None:
    st.markdown(f"> {md_escape(e.sentence)}")
    quote = "" if e.quote == e.sentence else f"Quote: “{md_escape(e.quote)}” — "
    st.caption(f"{quote}{source_line(r)}")


def bounded(key: str, total: int, fetch: Callable[[int], Sequence], render: Callable, page: int = PAGE) -> None:
    """Render the first items `fetch(n)` gives (newest first); a button shows `page` more at a time. Only
    what is shown is fetched."""
    shown = st.session_state.get(f"more_{key}", page)
    for item in fetch(shown):
        render(item)
    more = f"Show {min(page, total - shown)} more (of {total:,})"
    if total > shown and st.button(more, key=f"btn_{key}"):
        st.session_state[f"more_{key}"] = shown + page
        st.rerun()


def shared(q: Queries, name: str, params: tuple, build: Callable, *data):
    """`build(*data)`, once per store revision and `params` when the app shares its queries' answers (its
    SharedQueries carries a `revision_key`), else built anew. Keyed by those, not by hashing the data (which
    cost more than building). What it returns is shared by every visitor: read it, never change it."""
    key = getattr(q, "revision_key", None)
    if key is None:
        return build(*data)
    return _shared(name, (*key, *params), build, data)


@st.cache_resource(max_entries=512, show_spinner=False)
def _shared(name: str, key: tuple, _build: Callable, _data: tuple):
    return _build(*_data)


def shared_figure(q: Queries, name: str, params: tuple, build: Callable, *data) -> go.Figure | None:
    """A figure as `shared` builds it, with plain data (see plain_figure): st.plotly_chart only serialises it."""

    def build_plain(*d):
        fig = build(*d)
        return plain_figure(fig) if fig is not None else None

    return shared(q, name, params, build_plain, *data)


class SharedFigure(go.Figure):
    """A figure built once and shared read-only by every visitor: its dict, which st.plotly_chart asks for on
    every run (a deep copy each time), is made once."""

    def to_dict(self) -> dict:
        if getattr(self, "_shared_dict", None) is None:
            self._shared_dict = super().to_dict()
        return self._shared_dict


def plain_figure(fig: go.Figure) -> SharedFigure:
    """The same figure with its data as plain JSON values instead of numpy arrays. st.plotly_chart serialises
    a figure on every run: numpy arrays of dates and strings cost it ~4× more (at 3,000 points, 38 ms against
    9 ms); a shared figure pays the conversion once."""
    return SharedFigure(orjson.loads(fig.to_json()))


def table(q: Queries, name: str, params: tuple, build: Callable, *data, **dataframe_args) -> None:
    """A table `build(*data)` makes, shown as every table of the app is: built (as `shared` does) into its
    display form once — text cells without invisible characters, none a spreadsheet would run as a formula
    (the toolbar's "Download as CSV" gives what is shown) — then st.dataframe without the index."""

    def build_shown(*d):
        return display_frame(build(*d))

    st.dataframe(shared(q, name, params, build_shown, *data), hide_index=True, **dataframe_args)


def bounded_list(key: str, items: Sequence, render: Callable, page: int = PAGE) -> None:
    """`bounded` over a list already at hand."""
    bounded(key, len(items), lambda n: items[:n], render, page)


# --- the headline ---------------------------------------------------------------------------------------


def _toll_value(t: Toll) -> str:
    """ "**≥ 42** civilians (Outlet, 10 Dec)": the group always said (never a part passed off as all), the
    source and its date beside the number."""
    group = f" {GROUP_WORDS[t.latest.group]}" if t.latest.group else ""
    when = f"{t.report.counts_from:%-d %b}{HOW_SHORT.get(t.report.dated_by, '')}" if t.report.published else "undated"
    source = f"({md_escape(outlet_name(t.report))}, {when})"
    return f"**{md_escape(display_value(t.latest))}**{group} {source}{_toll_spread(t)}"


def _toll_spread(t: Toll) -> str:
    """What the sources of the last week say of the same toll, when they differ: " · 60–68 (2 sources this
    week)"; else nothing (a figure no source gave in the last week shows its own, older, date)."""
    if t.sources > 1 and t.low != t.high:
        return f" · {t.low:,}–{t.high:,} ({t.sources} sources this week)"
    return ""


def _toll_quote(t: Toll) -> str:
    """The figure's words, for the tooltip: every number on screen can be read where it was said."""
    e = t.latest.evidence
    return (
        f"{t.metric.capitalize()}, {side_name(t.side)}: “{md_escape(e.sentence.strip())}” "
        f"({md_escape(outlet_name(t.report))}, {md_escape(report_day(t.report))})"
    )


TOLL_SIDES = ("TH", "KH", "both", None)
HOW_SHORT = {"url": " (URL)", "dateline": " (dateline)", "text": " (estimated)"}  # how the date was found


def toll_table(tolls: list[Toll]) -> str:
    """The tolls as one markdown table: a row per metric, a column per side that has a figure (Thailand,
    Cambodia, both sides, side not stated); soldiers and civilians each where reports give them."""
    sides = [s for s in TOLL_SIDES if any(t.side == s for t in tolls)]
    head = "| | " + " | ".join(side_name(s) for s in sides) + " |\n|---|" + "---|" * len(sides) + "\n"
    rows = []
    for metric in METRICS:
        cells = [" · ".join(_toll_value(t) for t in tolls if t.metric == metric and t.side == s) or "–" for s in sides]
        rows.append(f"| **{metric.capitalize()}** | " + " | ".join(cells) + " |")
    return head + "\n".join(rows)


def headline(
    tolls: list[Toll],
    next_meeting: MeetingSummary | None,
    onset: list[OnsetClaim],
    state: CeasefireState,
    episode: str | None,
) -> None:
    """The state at the as-of date, above the fold: tolls per side, displaced, next meeting, days since."""
    as_of = state.as_of
    cols = st.columns([3.2, 1.1], gap="small")
    with cols[0], st.container(border=True, key="tolls"):
        if tolls:
            st.markdown(
                f"**Tolls** · {md_escape(episode_label(episode))} · the newest running total per side",
                help="\n\n".join(_toll_quote(t) for t in tolls),
            )
            st.markdown(toll_table(tolls))
            st.caption(
                "Left out: counts of one incident, one province or a period; parts of a total. Each figure with "
                "its source and date; where the sources of the last week differ, their range beside it."
            )
        else:
            st.markdown(f"**Tolls** · {md_escape(episode_label(episode))}  \nnone reported by this date")
    with cols[1], st.container(border=True, key="headline_side"):  # one card: the row is as tall as the tolls
        if next_meeting:
            m = next_meeting
            bodies = " / ".join(m.bodies) or "body not stated"
            st.markdown(f"**Next meeting** · {m.date:%a %-d %b %Y}  \n{md_escape(m.venue_text)}")
            st.caption(f"{md_escape(bodies)} · {meeting_status(m, as_of)} · {plural(m.reports, 'report')}")
        else:
            st.markdown("**Next meeting**  \nnone announced")
        st.markdown("**Since the fighting began**")
        ended = state.ceasefire if state.ceasefire and onset and state.ceasefire.date >= onset[0].date else None
        note = f" · ceasefire since {ended.date:%-d %b %Y} ({plural(state.days, 'day')})" if ended else ""
        st.caption(onset_summary(onset, as_of, episode) + note)


def onset_summary(claims: list[OnsetClaim], as_of: date, episode: str | None = None) -> str:
    if not claims:
        return f"no report states when it began ({md_escape(episode_label(episode))})"
    days = sorted({(as_of - c.date).days for c in claims})
    span = f"{days[0]}" if len(days) == 1 else f"{days[0]}–{days[-1]}"
    parts = [f"{c.date:%-d %b %Y} ({plural(c.reports, 'report')})" for c in claims]
    if len(claims) == 1:
        return f"**{span} days** since {parts[0]}"
    return f"**{span} days** — reports disagree: " + " vs ".join(parts)


# --- figures --------------------------------------------------------------------------------------------


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
                value = r.low_shown if r.low_shown == r.high_shown else f"{r.low_shown} – {r.high_shown}"
                st.markdown(f"{r.side}: **{md_escape(value)}** · {plural(r.reports, 'report')}")
                values, n_values = q.figure_values(as_of, episode, metric, r.side)
                verdict = "sources disagree" if r.disagree else "sources agree"
                listed = " · ".join(f"{md_escape(v)} ({n})" for v, n in values)
                more = f" · … {n_values - len(values)} more values" if n_values > len(values) else ""
                st.caption(f"{verdict}: {listed}{more}")
    st.caption("Ranges count totals: a count of one incident belongs to it (timeline); the table lists every figure.")
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


# --- meetings -------------------------------------------------------------------------------------------


def meeting_row(g: MeetingSummary, q: Queries, as_of: date, key: str) -> None:
    when = g.date.strftime("%a %-d %b %Y") if g.date else "date not stated"
    venue = g.venue_text
    bodies = " / ".join(g.bodies) or "body not stated"
    with st.container(border=True):
        st.markdown(f"**{md_escape(when)}** · {md_escape(venue)} · {md_escape(bodies)}")
        st.caption(f"{meeting_status(g, as_of)} · {plural(g.reports, 'report')}")
        with st.expander("What each report says"):
            bounded(
                f"{key}_{g.id}",
                g.reports,
                lambda n: q.meeting_quotes(as_of, g, n),
                lambda p: quote_block(p[0].evidence, p[1]),
            )


def meetings_view(q: Queries, meetings: list[MeetingSummary], as_of: date) -> None:
    upcoming, past, undated = split_meetings(meetings, as_of)
    left, right = st.columns(2)
    with left:
        st.markdown(f"**Upcoming** (after {as_of:%-d %b %Y}) · {len(upcoming)}")
        bounded_list("upcoming", upcoming, lambda g: meeting_row(g, q, as_of, "up"))
        if not upcoming:
            st.caption("none reported")
    with right:
        st.markdown(f"**Past** · {len(past)}")
        bounded_list("past", past, lambda g: meeting_row(g, q, as_of, "past"))
        if not past:
            st.caption("none reported")
    if undated:
        total = q.count_undated_meetings(as_of)
        with st.expander(f"Meetings without a date ({total:,})"):
            bounded_list("undated", undated, lambda g: meeting_row(g, q, as_of, "undated"))
            if total > len(undated):
                st.caption(f"The newest {len(undated)} are listed.")


# --- a province -----------------------------------------------------------------------------------------


def province_view(q: Queries, gaz: Gazetteer, code: str, meetings: list[MeetingSummary], as_of: date) -> None:
    p = gaz.provinces[code]
    km = (
        f"border km {p.border_km:.0f}"
        if p.border_distance_km is not None and p.border_distance_km <= 2
        else f"{p.border_distance_km:.0f} km from the border"
        if p.border_distance_km is not None
        else ""
    )
    st.subheader(f"{p.name} ({code})", anchor=False)
    st.caption(f"{'Thailand' if p.country == 'TH' else 'Cambodia'} · {km} · as of {as_of:%-d %b %Y}")
    counts = q.province_counts(as_of, code)
    here = [g for g in meetings if g.admin1 == code]
    if counts.empty and not here:
        st.info("The reports known at this date say nothing about this province.")
        return
    st.markdown(
        f"{plural(counts.mentions, 'place mention')} · {plural(counts.incidents, 'incident')} · "
        f"{plural(counts.figures, 'figure')} · {plural(len(here), 'meeting')} · newest first"
    )
    if here:
        with st.expander(f"Meetings here ({len(here)})", expanded=True):
            bounded_list(
                f"{code}_meetings",
                sorted(here, key=lambda g: g.date or date.min, reverse=True),
                lambda g: meeting_row(g, q, as_of, code),
            )
    if counts.incidents:
        with st.expander(f"Incidents ({counts.incidents:,})", expanded=True):
            for episode, n in q.incident_episodes(as_of, code):
                heading = episode_label(episode) if episode else "Between episodes (under a ceasefire)"
                st.markdown(f"*{md_escape(heading)}* · {n:,}")
                bounded(
                    f"{code}_inc_{episode}",
                    n,
                    lambda k, episode=episode: q.province_incidents(as_of, code, episode, k),
                    _incident,
                )
    if counts.figures:
        with st.expander(f"Figures in sentences about it ({counts.figures:,})"):
            bounded(f"{code}_figures", counts.figures, lambda k: q.province_figures(as_of, code, k), _figure)
    with st.expander(f"Places mentioned ({counts.places:,})"):
        bounded(f"{code}_places", counts.places, lambda k: q.province_places(as_of, code, k), _place, page=10)


def _incident(pair) -> None:
    i, report = pair
    when = incident_when(i, report)
    st.markdown(
        f"**{i.kind.replace('_', ' ')}** · {md_escape(when)} · {md_escape(', '.join(i.places) or 'place not stated')}"
        f" · {md_escape(incident_words(i))}"
    )
    quote_block(i.evidence, report)


def _figure(pair) -> None:
    f, report = pair
    st.markdown(
        f"{f.metric}: **{md_escape(display_value(f))}** ({side_name(f.country)}) · {md_escape(episode_label(f.period))}"
    )
    quote_block(f.evidence, report)


def _place(s) -> None:
    st.markdown(
        f"**{md_escape(s.name)}** · {md_escape(s.kind)} · {PRECISION.get(s.precision, '')} · "
        f"{plural(s.mentions, 'mention')} in {plural(s.reports, 'report')}"
    )
    quote_block(s.newest.evidence, s.report)
