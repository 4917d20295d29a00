"""The timeline: incidents (one per event across reports), meetings and agreements by day, filtered by kind,
accused side and province; a point clicked (or chosen in the list) shows its quotes. Filters and the chosen
event are in the URL (`tkind`, `taccused`, `tprovince`, `event`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

from dashboard.agreements import Agreement, agreements
from dashboard.gazetteer import Gazetteer
from dashboard.queries import Queries
from dashboard.queries.meetings import MeetingSummary
from dashboard.queries.timeline import window_start
from dashboard.reconcile import IncidentEvent
from dashboard.summary import meeting_of_row, meeting_status, one_fact
from dashboard.ui.cache import shared, shared_figure
from dashboard.ui.events import ACCUSED_WORDS, event_title, event_view, kind_word
from dashboard.ui.links import capped, resolve_province
from dashboard.ui.safe import escape, link_value, md_escape, md_link
from dashboard.ui.widgets import bounded, plural, quote_block

# What the agreements file's rows are, counted apart on the timeline's caption: a signed text, or a turning point of
# the conflict (an outbreak of fighting, a step carried out, a suspension), which is no meeting or agreement.
SIGNED_KINDS = ("agreement", "ceasefire")


@dataclass(frozen=True)
class TimelineItem:
    id: str
    day: date
    lane: str  # Incidents | Meetings | Agreements
    kind: str
    label: str
    accused: str | None
    provinces: tuple[str, ...]
    aliases: tuple[str, ...] = ()  # ids of the curated rows, or the events, told as this one item: a link naming them
    # finds it
    also: tuple[str, ...] = ()  # the kinds of fire a clash included (its weapons): a kind filter finds it by them

    @property
    def kinds(self) -> tuple[str, ...]:
        return (self.kind, *self.also)


def lane_counts(items: list[TimelineItem]) -> str:
    """How many items of each sort the timeline shows: incidents, meetings, signed agreements and ceasefires, and
    the agreements file's other turning points, each counted as what it is."""
    incidents = sum(i.lane == "Incidents" for i in items)
    meetings = sum(i.lane == "Meetings" for i in items)
    signed = sum(i.lane == "Agreements" and i.kind in SIGNED_KINDS for i in items)
    other = sum(i.lane == "Agreements" and i.kind not in SIGNED_KINDS for i in items)
    parts = [f"{plural(incidents, 'incident')} (one per event across reports)", plural(meetings, "meeting")]
    if signed:
        parts.append(plural(signed, "agreement or ceasefire", "agreements or ceasefires"))
    if other:
        parts.append(plural(other, "other turning point") + " (fighting, steps carried out, suspensions)")
    return " · ".join(parts)


def timeline_items(
    events: list[IncidentEvent], meetings: list[MeetingSummary], since: date, as_of: date
) -> list[TimelineItem]:
    """One item per incident event, per meeting and per fact of the agreements file. A meeting the reports give that
    a curated row tells of (summary.meeting_of_row) is one item, under the curated title; curated rows of one fact
    (summary.one_fact) are one item."""
    items = [
        TimelineItem(
            e.id,
            e.day,
            "Incidents",
            kind_word(e.kind),
            event_title(e),
            e.accused,
            tuple(e.admin1),
            aliases=tuple(e.aliases),  # the events folded into a clash: an old link to one finds the clash
            also=tuple(kind_word(k) for k in e.kinds[1:]),
        )
        for e in events
    ]
    shown = [m for m in meetings if m.date and since <= m.date <= as_of + timedelta(days=30)]
    curated = curated_of(shown, since, as_of)
    items += [
        TimelineItem(
            m.id,
            m.date,
            "Meetings",
            "meeting",
            f"{curated[m.id][0].title} · {m.when_text} · {m.venue_text} · {plural(m.reports, 'report')} and the "
            "agreements file"
            if m.id in curated
            else f"Meeting · {m.when_text} · {m.venue_text} · {m.body_text}",
            None,
            (m.admin1,) if m.admin1 else (),
            aliases=tuple(f"a-{a.id}" for a in curated.get(m.id, ())),
        )
        for m in shown
    ]
    told = {a.id for rows in curated.values() for a in rows}
    items += [
        TimelineItem(
            f"a-{a.id}",
            a.date,
            "Agreements",
            a.kind,
            f"{a.title} · {a.date:%-d %b %Y}",
            None,
            (a.admin1,) if a.admin1 else (),
            aliases=tuple(f"a-{r.id}" for r in fact[1:]),
        )
        for fact in one_fact(a for a in agreements() if since <= a.date <= as_of)
        if not told.intersection(r.id for r in fact)
        for a in fact[:1]
    ]
    return sorted(items, key=lambda i: (i.day, i.lane, i.id))


def curated_of(meetings: list[MeetingSummary], since: date, as_of: date) -> dict[str, tuple[Agreement, ...]]:
    """meeting id -> the curated rows (each fact's rows) that tell of that meeting."""
    out: dict[str, tuple[Agreement, ...]] = {}
    for fact in one_fact(a for a in agreements() if since <= a.date <= as_of):
        m = meeting_of_row(fact[0], meetings)
        if m is not None:
            out[m.id] = out.get(m.id, ()) + fact
    return out


def read_province_link(gaz: Gazetteer, options: list[str]) -> None:
    """Once per visit, before the province filter exists: the link's provinces written as codes or in another
    spelling ("TH-33", "sisaket") are chosen too, not dropped (the filter itself writes display names). Only the
    values a link is read up to (links.capped) are looked up: fuzzy matching costs ~1 ms a value."""
    if "tprovince_link_read" in st.session_state:
        return
    st.session_state["tprovince_link_read"] = True
    raw, _ = capped(st.query_params.get_all("tprovince"))  # the values left out are said once (sidebar.read_link)
    names = {gaz.provinces[c].name for c in options}
    if raw and not set(raw) <= names:
        codes = [resolve_province(gaz, value) for value in raw]
        st.session_state["tprovince"] = [c for c in dict.fromkeys(codes) if c in options]


def timeline_view(q: Queries, gaz: Gazetteer, meetings: list[MeetingSummary], as_of: date, episode: str | None) -> None:
    """Incidents (one per event across reports), meetings and agreements by day, filtered by kind, accused
    side and province; clicking a point (or choosing it below) shows its quotes. Filters and the chosen
    event are in the URL."""
    since = window_start(episode, as_of)
    events = q.timeline_events(as_of, since)  # with the charges with no place the ceasefire panel counts
    items = shared(q, "timeline-items", (since, as_of), timeline_items, events, meetings, since, as_of)
    kinds = sorted({k for i in items for k in i.kinds})
    named = {p for i in items for p in i.provinces if p in gaz.provinces}
    provinces = sorted(named, key=lambda c: gaz.provinces[c].name)
    read_province_link(gaz, provinces)
    f1, f2, f3 = st.columns(3)
    chosen_kinds = f1.multiselect("Kinds", kinds, key="tkind", bind="query-params", placeholder="all kinds")
    accused_words = list(ACCUSED_WORDS.values())
    chosen_accused = f2.multiselect(
        "Accused side", accused_words, key="taccused", bind="query-params", placeholder="any"
    )
    chosen_provinces = f3.multiselect(
        "Provinces",
        provinces,
        key="tprovince",
        bind="query-params",
        placeholder="all provinces",
        format_func=lambda c: gaz.provinces[c].name if c in gaz.provinces else c,
    )
    shown = [
        i
        for i in items
        if (not chosen_kinds or set(i.kinds) & set(chosen_kinds))
        and (not chosen_accused or (i.lane == "Incidents" and ACCUSED_WORDS[i.accused] in chosen_accused))
        and (not chosen_provinces or set(i.provinces) & set(chosen_provinces))
    ]
    st.caption(
        f"{since:%-d %b %Y} – {as_of:%-d %b %Y} · {lane_counts(shown)} · click a point to read what each side says"
    )
    if not shown:
        st.info("Nothing in this window matches the filters.")
        return
    st.plotly_chart(
        shared_figure(
            q,
            "timeline",
            (since, as_of, tuple(chosen_kinds), tuple(chosen_accused), tuple(chosen_provinces)),
            timeline_figure,
            tuple(shown),
        ),
        width="stretch",
        config={"displaylogo": False},
        key="timeline_chart",
        on_select=_on_timeline_select,
        selection_mode="points",
    )
    labels = {i.id: i.label for i in reversed(shown)}  # each label begins with its kind and day
    _read_event_link(labels, {alias: i.id for i in shown for alias in i.aliases})
    chosen = st.selectbox(
        "Event",
        list(labels),
        index=None,
        key="event_choice",
        placeholder="Click a point above, or choose an event",
        format_func=lambda i: labels.get(i, i),
        on_change=_event_to_link,
    )
    if chosen:
        with st.container(border=True, key="event_details"):
            item_details(q, chosen, events, meetings, as_of)


def _read_event_link(labels: dict[str, str], aliases: dict[str, str]) -> None:
    """The event a link names (`event=<id>`: ids are short and stable, unlike labels), chosen once per visit;
    a curated row's id told as part of another item (a meeting the reports give), or an event's folded into a clash
    (reconcile.fold_into_clashes), chooses that item; one outside
    the window or the filters is said."""
    wanted = st.query_params.get("event")
    if not wanted or st.session_state.get("event_read") == wanted:
        return
    st.session_state["event_read"] = wanted
    item = aliases.get(wanted, wanted)
    if item in labels:
        st.session_state["event_choice"] = item
    else:
        st.warning(f"The link's event {link_value(wanted)} is not in this window or these filters.")


def _event_to_link() -> None:
    chosen = st.session_state.get("event_choice")
    if chosen:
        st.query_params["event"] = chosen
        st.session_state["event_read"] = chosen
    else:
        st.query_params.pop("event", None)


def _on_timeline_select() -> None:
    state = st.session_state.get("timeline_chart")
    points = (state or {}).get("selection", {}).get("points", [])
    if points and points[0].get("customdata"):
        st.session_state["event_choice"] = points[0]["customdata"][0]
        _event_to_link()


def timeline_figure(items: tuple[TimelineItem, ...]) -> go.Figure:
    """Points by day in three lanes; several on one day stacked. Built once per distinct data, read-only."""
    lanes = ("Agreements", "Meetings", "Incidents")
    per_day: Counter = Counter()
    rows = []
    for i in items:
        k = per_day[(i.day, i.lane)]
        per_day[(i.day, i.lane)] += 1
        rows.append(
            {
                "day": pd.Timestamp(i.day),
                "y": lanes.index(i.lane) + min(k, 6) * 0.12,
                "kind": i.kind,
                "id": i.id,
                "hover": escape(i.label),
            }
        )
    frame = pd.DataFrame(rows)
    fig = px.scatter(frame, x="day", y="y", color="kind", symbol="kind", custom_data=["id"], hover_name="hover")
    fig.update_traces(marker={"size": 11, "line": {"width": 1, "color": "#111827"}}, hovertemplate="%{hovertext}")
    fig.update_yaxes(tickvals=[0, 1, 2], ticktext=list(lanes), range=[-0.4, 2.9], title=None, fixedrange=True)
    fig.update_xaxes(type="date", title=None, tickformat="%-d %b %Y")
    fig.update_layout(
        height=260, margin={"l": 10, "r": 10, "t": 10, "b": 10}, legend_title_text="", clickmode="event+select"
    )
    return fig


def item_details(
    q: Queries, chosen: str, events: list[IncidentEvent], meetings: list[MeetingSummary], as_of: date
) -> None:
    event = next((e for e in events if e.id == chosen), None)
    if event:
        event_view(q, as_of, event, key=f"t_{event.id}")
        return
    meeting = next((m for m in meetings if m.id == chosen), None)
    if meeting:
        st.markdown(
            f"**Meeting · {meeting.when_text}** · {md_escape(meeting.venue_text)} · "
            f"{md_escape(meeting.body_text)} · {meeting_status(meeting, as_of)}"
        )
        for a in curated_of([meeting], meeting.date, as_of).get(meeting.id, ()):
            _agreement(a)
        bounded(f"t_{meeting.id}", meeting.reports, lambda n: q.meeting_quotes(as_of, meeting, n), _meeting_quote)
        return
    agreement = next((a for a in agreements() if f"a-{a.id}" == chosen), None)
    if agreement:
        for a in next(f for f in one_fact(agreements()) if agreement in f):
            _agreement(a)


def _meeting_quote(pair) -> None:
    quote_block(pair[0].evidence, pair[1])


def _agreement(a: Agreement) -> None:
    when = f"{a.date:%-d %b %Y}" + (f" {a.time}" if a.time else "")
    st.markdown(f"**{md_escape(a.title)}** · {when} · {md_escape(a.place)} · {md_link(a.source_title, a.source_url)}")
    for p in a.provisions:
        st.markdown(f"- {md_escape(p)}")
