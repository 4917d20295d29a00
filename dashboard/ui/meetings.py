"""The meetings around the as-of date: upcoming and past, each with its status as of that date, its venue(s)
and bodies, and what each report says of it (a page at a time)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.queries import Queries
from dashboard.queries.meetings import MeetingSummary
from dashboard.summary import (
    HELD_PER_FILE,
    current_plans,
    last_day,
    meeting_status,
    signed_on,
    split_meetings,
)
from dashboard.ui.safe import md_escape, md_link
from dashboard.ui.widgets import bounded, bounded_list, plural, quote_block


def meeting_row(g: MeetingSummary, q: Queries, as_of: date, key: str) -> None:
    when = g.when_text
    venue = g.venue_text
    bodies = g.body_text
    with st.container(border=True):
        st.markdown(f"**{md_escape(when)}** · {md_escape(venue)} · {md_escape(bodies)}")
        status = meeting_status(g, as_of)
        st.caption(f"{status} · {plural(g.reports, 'report')}")
        if status == HELD_PER_FILE:
            st.caption(signed_line(g.date, last_day(g)))
        with st.expander("What each report says"):
            bounded(
                f"{key}_{g.id}",
                g.reports,
                lambda n: q.meeting_quotes(as_of, g, n),
                lambda p: quote_block(p[0].evidence, p[1]),
            )


def signed_line(day: date, last: date | None = None) -> str:
    """What was signed on a meeting's day, as the curated agreements file has it: the newest telling of a meeting
    the reports only planned ("we hope to see the signing …"), shown above their quotes."""
    signed = " · ".join(f"*{md_escape(a.title)}* ({md_link('source', a.source_url)})" for a in signed_on(day, last))
    then = "that day" if last in (None, day) else "on those days"
    return f"Signed {then}, per the agreements file: {signed}; the reports below tell it only as planned"


def empty_caption(undated: list[MeetingSummary], as_of: date, held: bool) -> str:
    """What an empty column says: none reported, or none with a date while reports tell of held meetings without
    one, listed below."""
    n = sum(meeting_status(g, as_of) in ("held", HELD_PER_FILE) for g in undated) if held else 0
    if not n:
        return "none reported"
    return f"none with a date; {plural(n, 'held meeting')} without one below"


def meetings_view(q: Queries, meetings: list[MeetingSummary], as_of: date) -> None:
    upcoming, past, undated = split_meetings(meetings, as_of)
    plans, undated = current_plans(undated, as_of)  # announced with no day yet: upcoming all the same
    left, right = st.columns(2)
    with left:
        st.markdown(f"**Upcoming** (after {as_of:%-d %b %Y}) · {len(upcoming) + len(plans)}")
        bounded_list("upcoming", upcoming + plans, lambda g: meeting_row(g, q, as_of, "up"))
        if not upcoming and not plans:
            st.caption("none reported")
    with right:
        st.markdown(f"**Past** · {len(past)}")
        bounded_list("past", past, lambda g: meeting_row(g, q, as_of, "past"))
        if not past:
            st.caption(empty_caption(undated, as_of, held=True))
    if undated:
        total = q.count_undated_meetings(as_of) - len(plans)
        with st.expander(f"Meetings without a date ({total:,})"):
            bounded_list("undated", undated, lambda g: meeting_row(g, q, as_of, "undated"))
            if total > len(undated):
                st.caption(f"The newest {len(undated)} are listed.")
