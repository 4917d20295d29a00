"""The headline: the tolls as one table (a row per metric, a column per side, each figure with its quote in
the tooltip, where the week's sources disagree), the next meeting and the days since the fighting began (once a
ceasefire ended it: the fighting's span, and the days since the ceasefire)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.agreements import Agreement, CeasefireState
from dashboard.queries.meetings import MeetingSummary
from dashboard.summary import (
    GROUP_WORDS,
    METRICS,
    OnsetClaim,
    Toll,
    day_of,
    display_value,
    episode_label,
    meeting_status,
    outlet_name,
    report_day,
    side_name,
)
from dashboard.ui.safe import md_escape
from dashboard.ui.widgets import plural


def _toll_value(t: Toll) -> str:
    """ "**at least 42** civilians (Outlet, 10 Dec)": the group always said (never a part passed off as all), the
    displaced who remain said as "still displaced", the source and its date beside the number."""
    group = f" {GROUP_WORDS[t.latest.group]}" if t.latest.group else ""
    if t.latest.value == 1 and t.latest.qualifier == "exact":
        group = group.rstrip("s")  # "1 civilian", "1 soldier"
    if t.latest.scope == "remaining":
        group += " still displaced"  # those who remain, not how many were displaced (the peak beside it)
    when = f"{day_of(t.report, '%-d %b')}{HOW_SHORT.get(t.report.dated_by, '')}" if t.report.published else "undated"
    more = f" + {md_escape(display_value(t.indirect))} from indirect effects" if t.indirect else ""
    source = f"({md_escape(outlet_name(t.report))}, {when})"
    unstated = " · side not stated" if t.side == "both" and not t.latest.both_sides else ""
    return f"**{md_escape(display_value(t.latest))}**{group}{more} {source}{unstated}{_toll_spread(t)}{_peak(t)}"


def _peak(t: Toll) -> str:
    """The displaced: the highest count reported before, when the newest is lower (people went home)."""
    if t.peak is None:
        return ""
    fig, report = t.peak
    when = day_of(report, "%-d %b") if report.published else "undated"
    return f" · highest reported {md_escape(display_value(fig))} ({md_escape(outlet_name(report))}, {when})"


def _toll_spread(t: Toll) -> str:
    """What the sources of the last week say of the same toll, when they differ: " · 60–68 (2 sources this
    week)"; else nothing (a figure no source gave in the last week shows its own, older, date)."""
    if t.sources > 1 and t.low != t.high and not t.indirect:  # beside indirect deaths, others may count them in
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


# how the date was found (a bound says so itself: "by 21 Oct", summary.day_of)
HOW_SHORT = {"url": " (URL)", "dateline": " (dateline)", "text": " (estimated)"}


def toll_table(tolls: list[Toll]) -> str:
    """The tolls as one markdown table: a row per metric, a column per side that has a figure (Thailand,
    Cambodia, both sides or not stated); soldiers and civilians each where reports give them."""
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
            bodies = m.body_text
            st.markdown(f"**Next meeting** · {m.when_text}  \n{md_escape(m.venue_text)}")
            st.caption(f"{md_escape(bodies)} · {meeting_status(m, as_of)} · {plural(m.reports, 'report')}")
        else:
            st.markdown("**Next meeting**  \nnone announced with a date")
        # a ceasefire in force since the fighting began: the fighting's span up to it, and the days of the ceasefire
        ended = state.ceasefire if state.ceasefire and onset and state.ceasefire.date >= onset[0].date else None
        if ended:
            st.markdown("**The fighting, then the ceasefire**")
            st.caption(
                onset_summary(onset, ended.date, episode, until=True, fought_that_day=ended.time != "00:00")
                + f", then **{plural(state.days, 'day')}** of ceasefire"
            )
        else:
            st.markdown("**Since the fighting began**")
            st.caption(onset_summary(onset, as_of, episode, curated=state.ended_by))


def onset_summary(
    claims: list[OnsetClaim],
    as_of: date,
    episode: str | None = None,
    until: bool = False,
    fought_that_day: bool = True,
    curated: Agreement | None = None,
) -> str:
    """The days from when the fighting began (per date the reports give) to the as-of date; `until`: to the
    ceasefire that ended it (`as_of` is its day), said as the fighting's span in days fought, counting its first
    day and the ceasefire's own day when the ceasefire took effect after that day began (at noon, at midnight
    closing it: 24 to 28 July with a ceasefire from midnight are five days of fighting). With no report stating
    it, the curated fighting row the banner shows with its source (`curated`, the agreements file's) dates it, said
    as such: the banner and the counter under it never disagree."""
    if not claims and curated is not None:
        days = (as_of - curated.date).days
        return f"**{plural(days, 'day')}** since {curated.date:%-d %b %Y} (the agreements file; no report states it)"
    if not claims:
        return f"no report states when it began ({md_escape(episode_label(episode))})"
    last = 1 if until and fought_that_day else 0
    days = sorted({(as_of - c.date).days + last for c in claims})
    span = f"{days[0]}" if len(days) == 1 else f"{days[0]}–{days[-1]}"
    parts = [f"{c.date:%-d %b %Y} ({plural(c.reports, 'report')})" for c in claims]
    if until:  # short: it stands in the narrow card beside the tolls
        short = [f"{c.date:%-d %b} ({plural(c.reports, 'report')})" for c in claims]
        began = short[0] if len(claims) == 1 else " or ".join(short) + ", reports disagree,"
        return f"**{span} days** of fighting from {began} to {as_of:%-d %b %Y}"
    if len(claims) == 1:
        return f"**{span} days** since {parts[0]}"
    return f"**{span} days** — reports disagree: " + " vs ".join(parts)
