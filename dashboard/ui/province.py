"""A province's details: counts, then meetings, incidents (by episode), figures and places, newest first, a few
at a time with "show more"."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.gazetteer import Gazetteer
from dashboard.queries import Queries
from dashboard.queries.meetings import MeetingSummary
from dashboard.summary import (
    display_value,
    episode_label,
    incident_when,
    incident_words,
    side_name,
)
from dashboard.ui.meetings import meeting_row
from dashboard.ui.safe import md_escape
from dashboard.ui.widgets import PRECISION, bounded, bounded_list, plural, quote_block


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
