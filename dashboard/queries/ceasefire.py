"""The ceasefire panel's queries and data rules: from which day an incident counts as an alleged violation,
which events do, the topic of a provision, and what reports say of the ceasefire and each provision (per topic
and stance, and quotes)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date, timedelta

import sqlalchemy as sa

from dashboard.agreements import Agreement, CeasefireState, Provision, state_at
from dashboard.extract.meetings import body_named, same_body
from dashboard.extract.statements import topic_of
from dashboard.pubdate import BOUND
from dashboard.queries.common import _known, _select_with_reports, _with_reports, statements_t
from dashboard.queries.meeting_summary import MeetingSummary
from dashboard.queries.timeline import incident_events
from dashboard.reconcile import IncidentEvent, Telling
from dashboard.records import Incident, Report
from dashboard.schema import reports
from dashboard.store import Store


def violations_since(state: CeasefireState) -> date | None:
    """The first day an incident counts as an alleged violation: the ceasefire's day, or the next one for
    a ceasefire from midnight."""
    c = state.ceasefire
    if c is None:
        return None
    return c.date + timedelta(days=1) if c.time == "24:00" else c.date


def alleged_violations(events: list[IncidentEvent], since: date) -> list[IncidentEvent]:
    """The events that count as alleged violations of a ceasefire in force from `since`: those of its days. An
    event no report gives a day for is known only to have happened by the day it was reported: reported on
    the ceasefire's first day, it may have come before the ceasefire, so it is not counted."""
    return [e for e in events if e.day >= since and (e.stated or e.day > since)]


CLAIM_KIND = "violation"  # a breach of the ceasefire a side alleges without telling where (claimed_violations)
OPPOSITE = {"TH": "KH", "KH": "TH"}
CLAIMS = 500  # statements read at most


def claimed_violations(store: Store, as_of: date, ceasefire_day: date) -> list[IncidentEvent]:
    """Alleged violations a report tells with no place (nor a day) of their own: one side says the other broke the
    ceasefire in force (a statement "violated" with its speaker's side, from the ceasefire's day on: the same
    reports the panel's "violated" count reads), dated by its report (shown "reported <date>", place not stated).
    The accused is the side opposite the speaker. One per report; none for a report with no date. with_claims
    leaves out those of a report that tells a placed or dated violation."""
    out: dict[str, IncidentEvent] = {}
    for s, report in statement_quotes(store, as_of, ceasefire_day, "ceasefire", CLAIMS):
        day = report.counts_from
        if s.stance != "violated" or s.side not in OPPOSITE or report.id in out or day is None:
            continue
        incident = Incident(s.evidence, CLAIM_KIND, (), (), None, s.side, OPPOSITE[s.side], None, "reported")
        key = hashlib.sha1(report.id.encode()).hexdigest()[:8]
        event = IncidentEvent(f"i-{day:%Y%m%d}-{CLAIM_KIND}-{key}", day, day, CLAIM_KIND, [], [], None)
        event.tellings.append(Telling(incident, report, day, None))
        out[report.id] = event
    return sorted(out.values(), key=lambda e: (e.day, e.id))


def ceasefire_denials(store: Store, as_of: date, ceasefire_day: date) -> list[Telling]:
    """A side's word that the ceasefire in force was not broken ("no clashes since the ceasefire", "denied violating
    the truce"): a statement "denied" with its speaker's side, from the ceasefire's day on, as a denial by that side
    (its report's, dated by it). `answered` joins it to the alleged violations its report tells against that side."""
    out = []
    for s, report in statement_quotes(store, as_of, ceasefire_day, "ceasefire", CLAIMS):
        day = report.counts_from
        if s.stance == "denied" and s.side in OPPOSITE and day is not None:
            incident = Incident(s.evidence, CLAIM_KIND, (), (), None, None, s.side, s.side, "reported")
            out.append(Telling(incident, report, day, None))
    return out


def answered(events: list[IncidentEvent], denials: list[Telling]) -> list[IncidentEvent]:
    """Each alleged violation with the denials (ceasefire_denials) of the side it accuses that a report telling it
    gives: the accused side's word, in the same report, that no such thing happened is its version. New events
    (the ones given are shared answers, left as they were)."""
    by_report: dict[str, list[Telling]] = {}
    for d in denials:
        by_report.setdefault(d.report.id, []).append(d)
    out = []
    for e in events:
        accused = {t.incident.accused for t in e.tellings if t.incident.accused}
        ids = {rid for t in e.tellings for rid in t.ids}
        said = {t.incident.evidence.sentence for t in e.tellings}
        extra = []
        for rid in sorted(ids & by_report.keys()):
            for d in by_report[rid]:
                if d.incident.denied_by in accused and d.incident.evidence.sentence not in said:
                    said.add(d.incident.evidence.sentence)
                    extra.append(Telling(replace(d.incident, kind=e.kind), d.report, d.day, None))
        out.append(replace(e, tellings=[*e.tellings, *extra]) if extra else e)
    return out


def with_claims(
    events: list[IncidentEvent], claims: list[IncidentEvent], denials: list[Telling] = ()
) -> list[IncidentEvent]:
    """The alleged violations and the claims (claimed_violations) of the reports that tell none of them: a report's
    placed or dated incident is the violation its statement alleges, not a second one; each with the accused side's
    denials in its reports (`answered`). Oldest first."""
    told = {rid for e in events for t in e.tellings for rid in t.ids}
    extra = [c for c in claims if not (c.tellings[0].ids & told)]
    return sorted(answered([*events, *extra], list(denials)), key=lambda e: (e.day, e.id))


def with_counted_claims(
    events: list[IncidentEvent],
    claims: list[IncidentEvent],
    violations_from: date,
    since: date,
    denials: list[Telling] = (),
) -> list[IncidentEvent]:
    """The timeline's events (from `since`) and the claims the ceasefire panel counts among the alleged violations
    (with_claims): a claim with no place is on the timeline too, at no province; a counted violation with the
    accused side's denials, as on the panel."""
    counted = {e.id: e for e in with_claims(alleged_violations(events, violations_from), claims, denials)}
    ids = {e.id for e in events}
    extra = [c for c in counted.values() if c.id not in ids and c.day >= since]
    return sorted([counted.get(e.id, e) for e in events] + extra, key=lambda e: (e.day, e.id))


def timeline_events(store: Store, as_of: date, since: date) -> list[IncidentEvent]:
    """The incident events the timeline (and its download) lists from `since`: one per event across reports, and
    the charges with no place the ceasefire panel counts (with_counted_claims). Oldest first."""
    events = incident_events(store, as_of, since)
    state = state_at(as_of)
    if state.ceasefire is None:
        return events
    claims = claimed_violations(store, as_of, state.ceasefire.date)
    denials = ceasefire_denials(store, as_of, state.ceasefire.date)
    return with_counted_claims(events, claims, violations_since(state), since, denials)


def truce_in_force(state: CeasefireState, p: Provision) -> Agreement | None:
    """The ceasefire in force that carries out a provision that is the truce itself ("immediate and unconditional
    ceasefire from midnight", "ceasefire on all weapons"): in effect from the ceasefire's day, as the banner says;
    none for another provision, or one of a suspended instrument."""
    if p.suspended or state.ceasefire is None or provision_topic(p.text) != "ceasefire":
        return None
    return state.ceasefire


def is_a_meeting(p: Provision) -> bool:
    """Whether a provision is a body's meeting ("regional army commanders meet"), which provision_met can find."""
    return body_named(p.text)[0] is not None and p.suspended is None


def provision_met(p: Provision, groups: list[MeetingSummary]) -> MeetingSummary | None:
    """The meeting that carries out a provision that is a body's meeting ("regional army commanders meet", "General
    Border Committee meeting"): the first meeting of that body reports tell held, on or after its instrument's day,
    among the meetings known (`groups`, dashboard.queries.meetings); None for a provision that names no body that
    meets, or when no report tells such a meeting held."""
    if not is_a_meeting(p):
        return None
    body, family = body_named(p.text)
    held = [
        g
        for g in groups
        if g.date is not None
        and g.date >= p.instrument.date
        and g.newest_status == "held"
        and same_body(body, family, g.bodies)
    ]
    return min(held, key=lambda g: g.date, default=None)


def provision_topic(text: str) -> str | None:
    """The topic a provision is about (heavy weapons, demining, observers, detainees, the ceasefire itself), as
    the extractor reads statements of it: what reports say of that topic is what they say of the provision."""
    return topic_of(text)


def provision_window(state: CeasefireState, p: Provision) -> tuple[date, date]:
    """From which days what reports say counts for a provision: (what was done from, the rest from). What was done
    counts from its instrument's day on (what was done before is not its doing). What is planned, under way,
    disputed or put off before the instrument is the open matter of its provision when no earlier instrument in
    force provides the same (talks on releasing detained soldiers a week before the minutes that provide their
    release; the heavy weapons withdrawal a minister says the coming accord will require): it counts from the
    ceasefire the instruments amend. Else it is the earlier instrument's (an observer visit in August is the July
    ceasefire's observer team at work, not the October accord's), and the provision counts from its own day."""
    topic = provision_topic(p.text)
    earlier = any(
        i.date < p.instrument.date and any(provision_topic(t) == topic for t in i.provisions) for i in state.instruments
    )
    start = state.ceasefire.date if state.ceasefire and not earlier else p.instrument.date
    return p.instrument.date, min(start, p.instrument.date)


@dataclass(frozen=True)
class StanceCount:
    topic: str
    stance: str
    reports: int
    newest: date
    newest_bound: bool = False  # the newest is a bound (pubdate "bound"): the latest its report can have been written

    @property
    def newest_text(self) -> str:
        """ "2 Jan", "by 21 Oct" (a bound)."""
        return ("by " if self.newest_bound else "") + f"{self.newest:%-d %b}"


def _from(s, since: date, open_since: date | None):
    """Statements from `since`; all but those of what was done from `open_since` (when earlier). A statement whose
    sentence dates what it tells before that day tells an earlier time, not this one ("fighting broke out on 8
    December, a month after Thailand suspended an October accord", said on 27 December, is no suspension of the
    ceasefire of that day)."""
    if open_since is None or open_since >= since:
        return sa.and_(s.c.known_from >= since, _told_since(s, since))
    return sa.or_(
        sa.and_(s.c.known_from >= since, _told_since(s, since)),
        sa.and_(s.c.stance != "done", s.c.known_from >= open_since, _told_since(s, open_since)),
    )


def _told_since(s, day: date):
    """Statements giving no date of their own, or one from `day` on."""
    return sa.or_(s.c.date.is_(None), s.c.date >= day)


def statement_counts(store: Store, as_of: date, since: date, open_since: date | None = None) -> list[StanceCount]:
    """Per topic and stance: how many reports known at the as-of date, from `since` on (all but what was done from
    `open_since`), say so, and the newest day one did."""
    s = statements_t
    firm = reports.c.dated_by.is_(None) | (reports.c.dated_by != BOUND)
    query = (
        sa.select(
            s.c.topic,
            s.c.stance,
            sa.func.count(sa.distinct(s.c.report_id)),
            sa.func.max(s.c.known_from),
            sa.func.max(s.c.known_from).filter(firm),
        )
        .join(reports, reports.c.id == s.c.report_id)
        .where(_known(s, as_of), _from(s, since, open_since))
        .group_by(s.c.topic, s.c.stance)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [StanceCount(*row[:4], newest_bound=row[4] is None or row[4] < row[3]) for row in rows]


def statement_quotes(
    store: Store, as_of: date, since: date, topic: str, limit: int, open_since: date | None = None
) -> list[tuple[object, Report]]:
    """What reports say of one topic from `since` (all but what was done from `open_since`) to the as-of date,
    newest first."""
    s = statements_t
    query = (
        _select_with_reports(s)
        .where(_known(s, as_of), _from(s, since, open_since), s.c.topic == topic)
        .order_by(s.c.known_from.desc(), s.c.id)
        .limit(limit)
    )
    return _with_reports(store, "statements", query)


@dataclass(frozen=True)
class SideCount:
    stance: str
    side: str | None  # TH | KH | None: who says it
    reports: int


IDS_AT_ONCE = 500  # report ids asked of the store in one query (SQL's bound parameters are limited)


def statement_sides(
    store: Store, as_of: date, since: date, topic: str, accusers: tuple[tuple[str, str], ...] = ()
) -> list[SideCount]:
    """Per stance and side (who says it) of one topic: how many reports known at the as-of date, from `since` on,
    say so ("Thailand says the ceasefire was violated: 2 reports", "Cambodia denies: 1"). `accusers`: (side, report
    id) of the alleged violations counted (violation_accusers): a report whose side accuses the other of one says
    the ceasefire was violated, whether or not it also says so in a statement (each report once per side), so that
    who says so agrees with who is accused."""
    s = statements_t
    query = (
        sa.select(s.c.stance, s.c.side, sa.func.count(sa.distinct(s.c.report_id)))
        .where(_known(s, as_of), _from(s, since, None), s.c.topic == topic)
        .group_by(s.c.stance, s.c.side)
    )
    with store.engine.connect() as conn:
        counts = {(stance, side): n for stance, side, n in conn.execute(query).all()}
        pairs = sorted(set(accusers))
        stated: set[tuple[str, str]] = set()
        for at in range(0, len(pairs), IDS_AT_ONCE):
            ids = sorted({rid for _, rid in pairs[at : at + IDS_AT_ONCE]})
            rows = conn.execute(
                sa.select(s.c.side, s.c.report_id)
                .where(_known(s, as_of), _from(s, since, None), s.c.topic == topic, s.c.stance == "violated")
                .where(s.c.report_id.in_(ids))
                .distinct()
            )
            stated |= {tuple(row) for row in rows}
    for side, rid in pairs:
        if (side, rid) not in stated:
            counts[("violated", side)] = counts.get(("violated", side), 0) + 1
    return [SideCount(stance, side, n) for (stance, side), n in counts.items()]


def violation_accusers(events: list[IncidentEvent]) -> tuple[tuple[str, str], ...]:
    """(side, report id) of each report that accuses the other side of one of these alleged violations."""
    return tuple(
        sorted(
            {
                (t.incident.reported_by, rid)
                for e in events
                for t in e.tellings
                if t.incident.reported_by in OPPOSITE and t.incident.accused == OPPOSITE[t.incident.reported_by]
                for rid in t.ids
            }
        )
    )
