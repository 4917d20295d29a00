"""The ceasefire monitor's views: is the ceasefire holding (status panel), what happened when (timeline of
incidents, meetings and agreements, each event with both sides' versions), how the tolls moved (toll tracker
per source), and displacement and returns over time.

Views only render what dashboard.queries asks of the store; every piece of report text goes through
md_escape (markdown) or escape (plotly hover, HTML) and every link through md_link/safe_url.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

from dashboard.agreements import Agreement, CeasefireState, agreements
from dashboard.extract.statements import topic_of
from dashboard.gazetteer import Gazetteer
from dashboard.queries import Queries
from dashboard.queries.ceasefire import StanceCount, alleged_violations, violations_since
from dashboard.queries.meetings import MeetingSummary
from dashboard.queries.timeline import window_start
from dashboard.queries.tracker import (
    SourceLatest,
    disagreement,
    latest_per_source,
    newest_per_province,
    source_of,
    with_sides,
)
from dashboard.reconcile import IncidentEvent, Telling
from dashboard.records import Figure, Report
from dashboard.summary import (
    COUNTRY_NAMES,
    RECENT_DAYS,
    Toll,
    display_value,
    event_days,
    meeting_status,
    report_day,
)
from dashboard.ui.links import capped, resolve_province
from dashboard.ui.safe import escape, link_value, md_escape, md_link, safe_url
from dashboard.ui.views import bounded, bounded_list, plural, quote_block, shared, shared_figure, table

ACCUSED_WORDS = {
    "TH": "Thailand is accused",
    "KH": "Cambodia is accused",
    "both": "each side accuses the other",
    None: "no side is accused",
}
ACCUSED_COLOURS = dict(zip(ACCUSED_WORDS.values(), ("#3b82f6", "#ef4444", "#a855f7", "#6b7280"), strict=True))
KIND_WORDS = {
    "airstrike": "airstrike",
    "drone": "drone attack",
    "rocket": "rocket fire",
    "artillery": "shelling",
    "landmine": "landmine blast",
    "armed_clash": "armed clash",
    "other": "other attack",
}
TRACKED = ("killed", "injured", "displaced", "returned")
GROUPS = {"total": None, "civilians": "civilian", "soldiers": "military"}  # total: no group stated
GROUP_LABELS = {"total": "total (group not stated)"}
TRACKER_LIMIT = 3000
MAX_KEYS = 200  # ways of telling one event asked for at once
SIDE_CODES = {"Thailand": "TH", "Cambodia": "KH", "Both sides": "both", "Side not stated": None}
LINES = 10  # sources drawn as lines in the tracker; the others as grey dots


def kind_word(kind: str) -> str:
    return KIND_WORDS.get(kind, kind.replace("_", " "))


# --- the ceasefire --------------------------------------------------------------------------------------


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
        when = f"{c.date:%-d %b %Y}" + (f" {c.time}" if c.time else "")
        st.markdown(
            f"**Ceasefire in force** since {when} ({plural(state.days, 'day')}): {md_escape(c.title)} · "
            f"{md_link('source', c.source_url)}"
            + (f" · suspended: {md_escape(', '.join(s.title for s in state.suspended))}" if state.suspended else "")
        )
        st.caption(violations_summary(events, since, state.as_of))
        undated = q.undated_tellings(state.as_of)
        if undated:
            st.caption(
                f"{plural(undated, 'incident report')} with no date and no publication date: not placed on a day, "
                "not counted above."
            )
        counts = q.statement_counts(state.as_of, c.date)
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
    "suspended": "suspended",
    "done": "done",
    "in_progress": "in progress",
    "disputed": "disputed",
}


def stance_line(counts: list[StanceCount], topic: str) -> str:
    """'done: 3 reports (newest 2 Jan) · disputed: 1 report (5 Jan)', strongest claim first."""
    these = sorted((c for c in counts if c.topic == topic), key=lambda c: list(STANCE_WORDS).index(c.stance))
    if not these:
        return "no report says"
    return " · ".join(
        f"{STANCE_WORDS[c.stance]}: {plural(c.reports, 'report')} (newest {c.newest:%-d %b})" for c in these
    )


def provisions_view(q: Queries, state: CeasefireState, counts: list[StanceCount]) -> None:
    """Each provision in force: whether the curated record has it done, and what reports say of it (done,
    in progress, disputed), with their quotes."""
    shown_topics = set()
    for p in state.provisions:
        done = (
            f"done {p.done.date:%-d %b %Y} ({md_link('source', p.done.source_url)})" if p.done else "not recorded done"
        )
        topic = topic_of(p.text)
        said = f" · reports: {stance_line(counts, topic)}" if topic and topic != "ceasefire" else ""
        st.markdown(f"- {md_escape(p.text)} — *{md_escape(p.instrument.title)}* · {done}{said}")
        if topic and topic != "ceasefire" and topic not in shown_topics and any(c.topic == topic for c in counts):
            shown_topics.add(topic)
            with st.expander(f"What reports say of it: {TOPIC_WORDS.get(topic, topic)}"):
                total = sum(c.reports for c in counts if c.topic == topic)
                bounded(
                    f"stmt_{topic}",
                    total,
                    lambda n, topic=topic: q.statement_quotes(state.as_of, state.ceasefire.date, topic, n),
                    _statement,
                    page=3,
                )


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


OTHERS = "meetings or agreements"


def ago(as_of: date, day: date) -> str:
    days = (as_of - day).days
    return "on the as-of date" if days == 0 else f"{plural(days, 'day')} before the as-of date"


def violations_summary(events: list[IncidentEvent], since: date, as_of: date) -> str:
    """OSCE-style top line: how many, the last one, the last 7 days against the 7 before, by accused side."""
    if not events:
        return f"No alleged violation reported since {since:%-d %b %Y}."
    last = max(e.day for e in events)
    week = sum(1 for e in events if (as_of - e.day).days < 7)
    before = sum(1 for e in events if 7 <= (as_of - e.day).days < 14)
    by_side = Counter(ACCUSED_WORDS[e.accused] for e in events)
    tally = " · ".join(f"{k}: {v}" for k, v in sorted(by_side.items()))
    tellings = sum(e.reports for e in events)
    return (
        f"{plural(len(events), 'alleged violation')} since {since:%-d %b} (told {plural(tellings, 'time')} "
        f"across reports), the last on {last:%-d %b} ({ago(as_of, last)}) · "
        f"last 7 days: {week}, the 7 before: {before} — {tally}"
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


# --- one event, both sides ------------------------------------------------------------------------------


def event_title(e: IncidentEvent) -> str:
    days = event_days(e)
    where = ", ".join(e.places) or ", ".join(e.admin1) or "place not stated"
    return f"{kind_word(e.kind).capitalize()} · {days} · {where}"


def who_says_what(e: IncidentEvent) -> str:
    parts = []
    for side in e.accusers:
        accused = {t.incident.accused for t in e.tellings if t.incident.reported_by == side and t.incident.accused}
        parts.append(f"{COUNTRY_NAMES[side]} accuses " + (" and ".join(COUNTRY_NAMES[a] for a in accused) or "no one"))
    if not e.accusers and e.accused in COUNTRY_NAMES:
        parts.append(f"{COUNTRY_NAMES[e.accused]} is accused")
    parts += [f"{COUNTRY_NAMES[side]} denies" for side in e.deniers]
    return "; ".join(parts) or "no side named"


def event_view(q: Queries, as_of: date, e: IncidentEvent, key: str, compact: bool = False) -> None:
    """One incident across reports: what it was, where and when, its sources, and each side's version side
    by side (accusations and denials), every quote with its outlet, date and report."""
    precision = {1: "", 2: " (near)", 3: " (province only)"}.get(e.point[2] if e.point else 3, "")
    st.markdown(f"**{md_escape(event_title(e))}**{precision} · {md_escape(who_says_what(e))}")
    times = "once" if e.reports == 1 else f"{e.reports:,} times"  # a report that tells it two ways counts twice
    st.caption(f"told {times} · outlets include {md_escape(', '.join(e.outlets))} · event {md_escape(e.id)}")
    versions = e.versions()
    with st.expander("Each side's version", expanded=not compact):
        cols = st.columns(3 if versions[None] else 2)
        heads = ("What Thailand says", "What Cambodia says", "Reports naming no speaker")
        for col, side, head in zip(cols, ("TH", "KH", None), heads, strict=False):
            with col:
                told = versions[side]
                n = sum(t.reports for t in told)
                st.markdown(f"*{head}* · {'once' if n == 1 else f'{n:,} times'}")
                if not told:
                    st.caption("nothing reported")
                bounded_list(f"{key}_{side}", told, _telling, page=3)
    if not compact and e.reports > 1:
        with st.expander(f"Every telling of it ({e.reports:,})"):
            # the ways it is told most often (a query names each; SQLite caps an expression's depth)
            keys = tuple(t.key for t in sorted(e.tellings, key=lambda t: -t.reports) if t.key)[:MAX_KEYS]
            bounded(f"{key}_all", e.reports, lambda n: q.event_tellings(as_of, keys, n), _pair)


def _telling(t: Telling) -> None:
    quote_block(t.incident.evidence, t.report)
    if t.reports > 1:
        st.caption(f"… and {plural(t.reports - 1, 'other report')} telling it alike")


def _pair(pair) -> None:
    quote_block(pair[0].evidence, pair[1])


# --- the timeline ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineItem:
    id: str
    day: date
    lane: str  # Incidents | Meetings | Agreements
    kind: str
    label: str
    accused: str | None
    provinces: tuple[str, ...]


def timeline_items(
    events: list[IncidentEvent], meetings: list[MeetingSummary], since: date, as_of: date
) -> list[TimelineItem]:
    items = [
        TimelineItem(e.id, e.day, "Incidents", kind_word(e.kind), event_title(e), e.accused, tuple(e.admin1))
        for e in events
    ]
    items += [
        TimelineItem(
            m.id,
            m.date,
            "Meetings",
            "meeting",
            f"Meeting · {m.date:%-d %b %Y} · {m.venue_text} · {' / '.join(m.bodies) or 'body not stated'}",
            None,
            (m.admin1,) if m.admin1 else (),
        )
        for m in meetings
        if m.date and since <= m.date <= as_of + timedelta(days=30)
    ]
    items += [
        TimelineItem(
            f"a-{a.id}",
            a.date,
            "Agreements",
            a.kind,
            f"{a.title} · {a.date:%-d %b %Y}",
            None,
            (a.admin1,) if a.admin1 else (),
        )
        for a in agreements()
        if since <= a.date <= as_of
    ]
    return sorted(items, key=lambda i: (i.day, i.lane, i.id))


def read_province_link(gaz: Gazetteer, options: list[str]) -> None:
    """Once per visit, before the province filter exists: the link's provinces written as codes or in another
    spelling ("TH-33", "sisaket") are chosen too, not dropped (the filter itself writes display names). Only the
    values a link is read up to (links.capped) are looked up: fuzzy matching costs ~1 ms a value."""
    if "tprovince_link_read" in st.session_state:
        return
    st.session_state["tprovince_link_read"] = True
    raw, _ = capped(st.query_params.get_all("tprovince"))  # the values left out are said once (app.read_link)
    names = {gaz.provinces[c].name for c in options}
    if raw and not set(raw) <= names:
        codes = [resolve_province(gaz, value) for value in raw]
        st.session_state["tprovince"] = [c for c in dict.fromkeys(codes) if c in options]


def timeline_view(q: Queries, gaz: Gazetteer, meetings: list[MeetingSummary], as_of: date, episode: str | None) -> None:
    """Incidents (one per event across reports), meetings and agreements by day, filtered by kind, accused
    side and province; clicking a point (or choosing it below) shows its quotes. Filters and the chosen
    event are in the URL."""
    since = window_start(episode, as_of)
    events = q.incident_events(as_of, since)
    items = shared(q, "timeline-items", (since, as_of), timeline_items, events, meetings, since, as_of)
    kinds = sorted({i.kind for i in items})
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
        if (not chosen_kinds or i.kind in chosen_kinds)
        and (not chosen_accused or (i.lane == "Incidents" and ACCUSED_WORDS[i.accused] in chosen_accused))
        and (not chosen_provinces or set(i.provinces) & set(chosen_provinces))
    ]
    incidents_shown = sum(1 for i in shown if i.lane == "Incidents")
    st.caption(
        f"{since:%-d %b %Y} – {as_of:%-d %b %Y} · {plural(incidents_shown, 'incident')} (one per event across "
        f"reports) · {plural(len(shown) - incidents_shown, 'meeting or agreement', OTHERS)} · click a point to read "
        "what each side says"
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
    _read_event_link(labels)
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


def _read_event_link(labels: dict[str, str]) -> None:
    """The event a link names (`event=<id>`: ids are short and stable, unlike labels), chosen once per visit;
    one outside the window or the filters is said."""
    wanted = st.query_params.get("event")
    if not wanted or st.session_state.get("event_read") == wanted:
        return
    st.session_state["event_read"] = wanted
    if wanted in labels:
        st.session_state["event_choice"] = wanted
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
            f"**Meeting · {meeting.date:%a %-d %b %Y}** · {md_escape(meeting.venue_text)} · "
            f"{md_escape(' / '.join(meeting.bodies) or 'body not stated')} · {meeting_status(meeting, as_of)}"
        )
        bounded(f"t_{meeting.id}", meeting.reports, lambda n: q.meeting_quotes(as_of, meeting, n), _meeting_quote)
        return
    agreement = next((a for a in agreements() if f"a-{a.id}" == chosen), None)
    if agreement:
        _agreement(agreement)


def _meeting_quote(pair) -> None:
    quote_block(pair[0].evidence, pair[1])


def _agreement(a: Agreement) -> None:
    when = f"{a.date:%-d %b %Y}" + (f" {a.time}" if a.time else "")
    st.markdown(f"**{md_escape(a.title)}** · {when} · {md_escape(a.place)} · {md_link(a.source_title, a.source_url)}")
    for p in a.provisions:
        st.markdown(f"- {md_escape(p)}")


# --- the toll tracker -----------------------------------------------------------------------------------


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
        spread = display_value(values[0].latest) + (f" – {display_value(values[-1].latest)}" if differ else "")
        verdict = "**sources disagree**" if differ else "sources agree"
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


# --- displacement over time -----------------------------------------------------------------------------


def displacement_figure(frame: pd.DataFrame) -> go.Figure:
    """Displaced and returned over time, one panel each, by side (a figure once, however many provinces its
    sentence names)."""
    frame = frame.drop_duplicates(subset=["report_id", "metric", "value", "quote"])
    frame = frame.assign(
        date=pd.to_datetime(frame["published"]),
        hover=[
            escape(f"{s} {m} — {o}, {d:%-d %b %Y}")
            for s, m, o, d in zip(frame["shown"], frame["metric"], frame["outlet"], frame["published"], strict=True)
        ],
    )
    fig = px.scatter(
        frame,
        x="date",
        y="value",
        color="side",
        facet_col="metric",
        hover_name="hover",
        hover_data={"date": False, "value": False, "side": False, "metric": False, "hover": False},
        category_orders={"metric": ["displaced", "returned"]},
        color_discrete_map={"Thailand": "#3b82f6", "Cambodia": "#ef4444", "Side not stated": "#6b7280"},
    )
    fig.update_yaxes(matches=None, showticklabels=True, rangemode="tozero", title=None)
    fig.update_xaxes(type="date", title=None, tickformat="%-d %b %Y")
    fig.for_each_annotation(lambda a: a.update(text=a.text.split("=")[-1]))
    fig.update_layout(height=280, margin={"l": 10, "r": 10, "t": 30, "b": 10}, legend_title_text="")
    return fig


def displacement_view(q: Queries, gaz: Gazetteer, as_of: date, episode: str | None) -> None:
    """Displaced and returned per side as the reports give them over time, by source, and the newest figure
    per province where a report names one. Shelters and evacuations count as displacement."""
    frame = q.displacement_rows(as_of, episode)
    if frame.empty:
        st.info("No displacement or return figure in this episode by this date.")
        return
    frame = shared(q, "displacement-sides", (as_of, episode), with_sides, frame)
    fig = shared_figure(q, "displacement", (as_of, episode), displacement_figure, frame)
    st.plotly_chart(fig, width="stretch", config={"displaylogo": False})
    params = (as_of, episode)
    newest = shared(q, "displacement-provinces", params, newest_per_province, frame, gaz)
    if not newest.empty:
        st.caption("Where a report names the province: its newest figure")
        rows = len(newest)
        table(q, "displacement-table", params, lambda: newest, width="stretch", height=min(38 + 35 * rows, 260))
