"""The meetings around the as-of date: upcoming and past, each with its status as of that date, its venue(s)
and bodies, and what each report says of it (a page at a time)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.queries import Queries
from dashboard.queries.meetings import MeetingSummary
from dashboard.summary import (
    HELD_PER_FILE,
    meeting_status,
    signed_on,
    split_meetings,
)
from dashboard.ui.safe import md_escape, md_link
from dashboard.ui.widgets import bounded, bounded_list, plural, quote_block


def meeting_row(g: MeetingSummary, q: Queries, as_of: date, key: str) -> None:
    when = g.date.strftime("%a %-d %b %Y") if g.date else "date not stated"
    venue = g.venue_text
    bodies = " / ".join(g.bodies) or "body not stated"
    with st.container(border=True):
        st.markdown(f"**{md_escape(when)}** · {md_escape(venue)} · {md_escape(bodies)}")
        status = meeting_status(g, as_of)
        st.caption(f"{status} · {plural(g.reports, 'report')}")
        if status == HELD_PER_FILE:
            st.caption(signed_line(g.date))
        with st.expander("What each report says"):
            bounded(
                f"{key}_{g.id}",
                g.reports,
                lambda n: q.meeting_quotes(as_of, g, n),
                lambda p: quote_block(p[0].evidence, p[1]),
            )


def signed_line(day: date) -> str:
    """What was signed on a meeting's day, as the curated agreements file has it: the newest telling of a meeting
    the reports only planned ("we hope to see the signing …"), shown above their quotes."""
    signed = " · ".join(f"*{md_escape(a.title)}* ({md_link('source', a.source_url)})" for a in signed_on(day))
    return f"Signed that day, per the agreements file: {signed}; the reports below tell it only as planned"


def empty_caption(undated: list[MeetingSummary], as_of: date, held: bool) -> str:
    """What an empty column says: none reported, or none with a date while reports tell of held (or planned)
    meetings without one, listed below."""
    kinds = ("held", HELD_PER_FILE) if held else ("scheduled", "proposed", "postponed")
    n = sum(meeting_status(g, as_of) in kinds for g in undated)
    if not n:
        return "none reported"
    kind = "held" if held else "planned"
    return f"none with a date; {plural(n, f'{kind} meeting')} without one below"


def meetings_view(q: Queries, meetings: list[MeetingSummary], as_of: date) -> None:
    upcoming, past, undated = split_meetings(meetings, as_of)
    left, right = st.columns(2)
    with left:
        st.markdown(f"**Upcoming** (after {as_of:%-d %b %Y}) · {len(upcoming)}")
        bounded_list("upcoming", upcoming, lambda g: meeting_row(g, q, as_of, "up"))
        if not upcoming:
            st.caption(empty_caption(undated, as_of, held=False))
    with right:
        st.markdown(f"**Past** · {len(past)}")
        bounded_list("past", past, lambda g: meeting_row(g, q, as_of, "past"))
        if not past:
            st.caption(empty_caption(undated, as_of, held=True))
    if undated:
        total = q.count_undated_meetings(as_of)
        with st.expander(f"Meetings without a date ({total:,})"):
            bounded_list("undated", undated, lambda g: meeting_row(g, q, as_of, "undated"))
            if total > len(undated):
                st.caption(f"The newest {len(undated)} are listed.")
