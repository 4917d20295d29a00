"""Is the ceasefire holding: the ceasefire in force since when, its provisions and what was carried out, what
reports say of each, alleged violations since (per day and accused side, the last week against the one before,
days since the last) with both sides' versions; or the fighting that ended it. Data rules in
dashboard.queries.ceasefire."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

from dashboard.agreements import CeasefireState, Provision
from dashboard.queries import Queries
from dashboard.queries.ceasefire import (
    SideCount,
    StanceCount,
    alleged_violations,
    is_a_meeting,
    provision_met,
    provision_topic,
    provision_window,
    truce_in_force,
    violation_accusers,
    violations_since,
    with_claims,
)
from dashboard.reconcile import IncidentEvent
from dashboard.summary import (
    COUNTRY_NAMES,
)
from dashboard.ui.cache import shared_figure
from dashboard.ui.events import ACCUSED_COLOURS, ACCUSED_WORDS, event_view
from dashboard.ui.safe import md_escape, md_link
from dashboard.ui.widgets import bounded, bounded_list, plural, quote_block


def ceasefire_panel(q: Queries, state: CeasefireState) -> None:
    """Is the ceasefire holding: which one is in force since when, alleged violations since (one per event
    across reports), per day and accused side, the last week against the one before, days since the last;
    the provisions and what was done; the violations with both sides' versions."""
    c = state.ceasefire
    with st.container(border=True, key="ceasefire"):
        if c is None:
            ended = state.ended_by
            what = f" — {md_escape(ended.title)} ({ended.date:%-d %b %Y}) · {md_link('source', ended.source_url)}"
            st.markdown("**No ceasefire in force**" + (what if ended else ""))
            return
        since = violations_since(state)
        events = alleged_violations(q.incident_events(state.as_of, since), since)
        events = with_claims(
            events, q.claimed_violations(state.as_of, c.date), q.ceasefire_denials(state.as_of, c.date)
        )
        when = f"{c.date:%-d %b %Y}" + (f" {c.time}" if c.time else "")
        st.markdown(
            f"**Ceasefire in force** since {when} ({plural(state.days, 'day')}): {md_escape(c.title)} · "
            f"{md_link('source', c.source_url)}"
            + (f" · suspended: {md_escape(', '.join(s.title for s in state.suspended))}" if state.suspended else "")
        )
        unplaced = q.report_counts(state.as_of).undated_later
        counts = q.statement_counts(state.as_of, c.date)
        said = next((s for s in counts if (s.topic, s.stance) == ("ceasefire", "violated")), None)
        sides = q.statement_sides(state.as_of, c.date, "ceasefire", violation_accusers(events))
        summary = violations_summary(events, since, state.as_of, said, sides)
        if unplaced:  # what it could not read: reports with no date found count only from the day they were stored
            summary = f"{summary.rstrip('.')}. Not read: {unplaced:,} undated."  # the header says how many and why
        st.caption(summary)
        undated = q.undated_tellings(state.as_of)
        if undated:
            st.caption(
                f"{plural(undated, 'incident report')} with no date and no publication date: not placed on a day, "
                "not counted above."
            )
        st.caption("What reports say of the ceasefire since: " + stance_line(counts, "ceasefire"))
        with st.expander("Provisions, alleged violations per day, and what each side says"):
            provisions_view(q, state, counts)
            if events:
                _violations_chart(q, events, since, state.as_of)
                newest = sorted(events, key=lambda e: (e.day, e.id), reverse=True)
                bounded_list(
                    "violations", newest, lambda e: event_view(q, state.as_of, e, key=f"v_{e.id}", compact=True)
                )


STANCE_WORDS = {
    "agreed": "agreed",
    "in_effect": "in effect",
    "violated": "violated",
    "denied": "violation denied",
    "suspended": "suspended",
    "done": "done",
    "in_progress": "in progress",
    "disputed": "disputed",
    "planned": "planned",
}


def stance_line(counts: list[StanceCount], topic: str) -> str:
    """'done: 3 reports (newest 2 Jan) · disputed: 1 report (5 Jan)', strongest claim first."""
    these = sorted((c for c in counts if c.topic == topic), key=lambda c: list(STANCE_WORDS).index(c.stance))
    if not these:
        return "no report says"
    return " · ".join(
        f"{STANCE_WORDS[c.stance]}: {plural(c.reports, 'report')} (newest {c.newest_text})" for c in these
    )


def provisions_view(q: Queries, state: CeasefireState, counts: list[StanceCount]) -> None:
    """Each provision in force, then those of a suspended instrument marked so (by whom, when, the source): whether
    the curated record has it done, and what reports say of it (done, in progress, disputed) — what was done from
    the day its instrument was agreed on, the rest from the ceasefire the instruments amend on
    (queries.ceasefire.provision_window) — with their quotes."""
    shown_topics = set()
    known = {(state.ceasefire.date, state.ceasefire.date): counts}  # per window: what reports said in it
    groups = None  # the meetings known, read once if a provision is a body's meeting not recorded done
    for p in (*state.provisions, *state.suspended_provisions):
        window = provision_window(state, p)
        if window not in known:
            known[window] = q.statement_counts(state.as_of, window[0], window[1])
        counts = known[window]
        done = _done_words(state, p)
        if not p.done and is_a_meeting(p):
            groups = groups if groups is not None else q.meetings(state.as_of)
            met = provision_met(p, groups)
            if met is not None:  # "regional army commanders meet": reports tell that meeting held
                done = f"held {met.when_text} ({md_escape(met.venue_text)} · {plural(met.reports, 'report')})"
        topic = provision_topic(p.text)
        said = f" · reports: {stance_line(counts, topic)}" if topic and topic != "ceasefire" else ""
        off = f" · {suspended_words(p)}" if p.suspended else ""
        st.markdown(f"- {md_escape(p.text)} — *{md_escape(p.instrument.title)}*{off} · {done}{said}")
        if topic and topic != "ceasefire" and (topic, window) not in shown_topics:
            if not any(c.topic == topic for c in counts):
                continue
            shown_topics.add((topic, window))
            with st.expander(f"What reports say of it: {TOPIC_WORDS.get(topic, topic)}"):
                total = sum(c.reports for c in counts if c.topic == topic)
                bounded(
                    f"stmt_{topic}_{window[0]:%Y%m%d}_{window[1]:%Y%m%d}",
                    total,
                    lambda n, topic=topic, w=window: q.statement_quotes(state.as_of, w[0], topic, n, w[1]),
                    _statement,
                    page=3,
                )


def _done_words(state: CeasefireState, p: Provision) -> str:
    """Whether the curated record has a provision carried out: "done 7 Aug 2025 (source)"; the truce itself "in
    effect since 28 Jul 2025 24:00 (source)" while its ceasefire is in force; else "not recorded done"."""
    if p.done:
        by = "by " if p.done.by else ""  # reported done by then, the day not given
        return f"done {by}{p.done.date:%-d %b %Y} ({md_link('source', p.done.source_url)})"
    truce = truce_in_force(state, p)
    if truce is not None:
        at = f" {truce.time}" if truce.time else ""
        return f"in effect since {truce.date:%-d %b %Y}{at} ({md_link('source', truce.source_url)})"
    return "not recorded done"


def suspended_words(p: Provision) -> str:
    """How a provision of a suspended instrument is marked: "**suspended** by Thailand on 10 Nov 2025 (source)",
    the curated suspension's side, day and page (dashboard/data/agreements.csv)."""
    s = p.suspended
    if s is None:
        return ""
    who = f" by {COUNTRY_NAMES[s.party]}" if s.party in COUNTRY_NAMES else ""
    return f"**suspended**{who} on {s.date:%-d %b %Y} ({md_link('source', s.source_url)})"


TOPIC_WORDS = {
    "heavy_weapons": "heavy weapons withdrawal",
    "demining": "demining",
    "observers": "observers",
    "detainees": "detained soldiers",
}


def _statement(pair) -> None:
    s, report = pair
    who = f" ({COUNTRY_NAMES[s.side]} says)" if s.side in COUNTRY_NAMES else ""
    st.markdown(f"*{STANCE_WORDS.get(s.stance, s.stance)}*{who}")
    quote_block(s.evidence, report)


def ago(as_of: date, day: date) -> str:
    days = (as_of - day).days
    return "on the as-of date" if days == 0 else f"{plural(days, 'day')} before the as-of date"


def who_says_violated(sides: list[SideCount]) -> str:
    """Who says the ceasefire was violated and who denies it, from the reports' statements: "Thailand says so in 2
    reports, Cambodia in 1 · Cambodia denies (1 report)"; empty when no report names a side."""
    says = sorted((c for c in sides if c.stance == "violated" and c.side in COUNTRY_NAMES), key=lambda c: -c.reports)
    denies = sorted((c for c in sides if c.stance == "denied" and c.side in COUNTRY_NAMES), key=lambda c: -c.reports)
    parts = []
    if says:
        first, *rest = says
        parts.append(
            f"{COUNTRY_NAMES[first.side]} says so in {plural(first.reports, 'report')}"
            + "".join(f", {COUNTRY_NAMES[c.side]} in {plural(c.reports, 'report')}" for c in rest)
        )
    parts += [f"{COUNTRY_NAMES[c.side]} denies ({plural(c.reports, 'report')})" for c in denies]
    return " · ".join(parts)


def violations_summary(
    events: list[IncidentEvent],
    since: date,
    as_of: date,
    said: StanceCount | None = None,
    sides: list[SideCount] = (),
) -> str:
    """OSCE-style top line: how many, the last one, the last 7 days against the 7 before, by accused side.
    With no incident to count, reports that say the ceasefire was violated (`said`) are not contradicted, and who
    says so and who denies it (`sides`, per stance and side) is told."""
    who = who_says_violated(sides)
    if not events:
        if said is not None:
            return (
                f"No incident since {since:%-d %b %Y} that a report places and dates, but "
                f"{plural(said.reports, 'report')} (newest {said.newest_text}) "
                f"{'says' if said.reports == 1 else 'say'} the ceasefire was violated" + (f": {who}." if who else ".")
            )
        if who:  # only denials: a side denies what no report here alleges in a sentence
            return f"No alleged violation reported since {since:%-d %b %Y} · {who}."
        return f"No alleged violation reported since {since:%-d %b %Y}."
    last = max(e.day for e in events)
    # the newest known only by its report's date (an occupation reported as it stands): reported then, not done then
    last_said = "the last on" if any(e.stated for e in events if e.day == last) else "the last reported"
    week = sum(1 for e in events if (as_of - e.day).days < 7)
    before = sum(1 for e in events if 7 <= (as_of - e.day).days < 14)
    by_side = Counter(ACCUSED_WORDS[e.accused] for e in events)
    tally = " · ".join(f"{k}: {v}" for k, v in sorted(by_side.items()))
    tellings = sum(e.reports for e in events)
    return (
        f"{plural(len(events), 'alleged violation')} since {since:%-d %b} (told {plural(tellings, 'time')}), "
        f"{last_said} {last:%-d %b} ({ago(as_of, last)}) · "
        f"last 7 days: {week}, the 7 before: {before} — {tally}" + (f" · reports: {who}" if who else "")
    )


def _violations_chart(q: Queries, events: list[IncidentEvent], since: date, as_of: date) -> None:
    counts = Counter((e.day, ACCUSED_WORDS[e.accused]) for e in events)
    fig = shared_figure(q, "violations", (since, as_of), violations_figure, tuple(sorted(counts.items())), since, as_of)
    st.plotly_chart(fig, width="stretch", config={"displaylogo": False})


def violations_figure(counts: tuple, since: date, as_of: date) -> go.Figure:
    """Alleged violations per day by accused side; built once per distinct data (read-only)."""
    frame = pd.DataFrame([{"day": pd.Timestamp(d), "accused": a, "events": n} for (d, a), n in counts])
    fig = px.bar(frame, x="day", y="events", color="accused", color_discrete_map=ACCUSED_COLOURS)
    fig.update_traces(width=86_400_000 * 0.8)  # a day wide (ms)
    span = [pd.Timestamp(since) - pd.Timedelta(hours=12), pd.Timestamp(as_of) + pd.Timedelta(hours=12)]
    fig.update_xaxes(type="date", title=None, tickformat="%-d %b", range=span)
    fig.update_yaxes(title="alleged violations", dtick=1)
    fig.update_layout(height=200, margin={"l": 10, "r": 10, "t": 10, "b": 10}, legend_title_text="", bargap=0.2)
    return fig
