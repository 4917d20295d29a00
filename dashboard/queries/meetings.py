"""The meetings' queries: mentions merged across reports into meetings (same date and body family, or no
conflicting place; undated mentions joined to the dated meeting they tell of), where each was held, and what
each report says of one."""

from __future__ import annotations

import re
from datetime import date, timedelta

import sqlalchemy as sa

from dashboard.extract.dates import range_end
from dashboard.extract.meetings import GENERIC_BODIES, IN_MONTH, WEEKEND, same_body
from dashboard.pubdate import BOUND
from dashboard.queries.common import _known, _same, _select_with_reports, _with_reports, meetings_t
from dashboard.queries.meeting_days import (
    SPAN_WORDS,
    attach_counted,
    counted_days,
    held_in_month,
    spans_take_in,
    undated_summary,
    weekend_of,
)
from dashboard.queries.meeting_summary import MeetingSummary
from dashboard.records import Meeting, Report
from dashboard.schema import reports as reports_t
from dashboard.store import Store

__all__ = ["MeetingSummary", "count_undated_meetings", "meeting_quotes", "meetings"]


# How far from its report's date an undated mention may be told of a dated meeting: a held one before it,
# a planned one after it.
HELD_BEFORE = timedelta(days=7)


PLANNED_AFTER = timedelta(days=14)


def meetings(store: Store, as_of: date, undated_limit: int = 50) -> list[MeetingSummary]:
    """Dated meetings merged across reports (same date and body family, or no conflicting place), the
    undated mentions told of one of them joined to it, then the newest other undated mentions, each on
    its own."""
    dated = _dated_meetings(store, as_of)
    return dated + _undated_meetings(store, as_of, dated, undated_limit)


def _dated_meetings(store: Store, as_of: date) -> list[MeetingSummary]:
    """Dated mentions merged by date, place and body family; a span of days ("4-7 August") takes in the meetings
    told on its later days; a day counted from another ("the following day") joins the meeting its own report
    dates a day off (counted_days)."""
    m = meetings_t
    counted = counted_days(store, as_of)
    combos = (
        sa.select(
            m.c.date,
            m.c.place_key,
            m.c.family,
            m.c.status,
            m.c.body,
            sa.func.max(m.c.venue),
            sa.func.max(m.c.admin1),
            sa.func.max(m.c.lat),
            sa.func.max(m.c.lon),
            sa.func.count(sa.distinct(m.c.report_id)),
            sa.func.max(m.c.known_from),
        )
        .where(_known(m, as_of), m.c.date.is_not(None), *([m.c.id.not_in(list(counted))] if counted else []))
        .group_by(m.c.date, m.c.place_key, m.c.family, m.c.status, m.c.body)
        .order_by(m.c.date, m.c.place_key.is_(None), m.c.place_key, m.c.family, m.c.status, m.c.body)
    )
    spans = (
        sa.select(m.c.date, m.c.place_key, m.c.family, m.c.date_text, m.c.status, m.c.known_from)
        .distinct()
        .where(_known(m, as_of), m.c.date.is_not(None), sa.or_(*(m.c.date_text.like(f"%{w}%") for w in SPAN_WORDS)))
    )
    with store.engine.connect() as conn:
        rows = conn.execute(combos).all()
        span_rows = conn.execute(spans).all()
    out: list[MeetingSummary] = []
    on_date: dict[date, list[MeetingSummary]] = {}
    for day, place, family, status, body, venue, admin1, lat, lon, n, known in sorted(rows, key=_venue_first):
        group = next((g for g in on_date.get(day, []) if g.accepts(place, family)), None)
        if group is None:
            group = MeetingSummary("", day, None, None, None, None, [], [], 0, [])
            on_date.setdefault(day, []).append(group)
            out.append(group)
        if venue:
            group.place_at(venue, status, known, (admin1, lat, lon))
        group.keys.append((place, family))
        group.reports += n
        group.note(status, known)
        group.name(body, n)
        if status == "held":
            group.held_on.append((day, known))
    out = _plans_held_elsewhere(out)
    for day, place, family, text, status, known in span_rows:
        last = range_end(text, day)
        group = next((g for g in on_date.get(day, []) if g.accepts(place, family)), None)
        if last is not None and group is not None:
            group.end = max(group.last_day, last)
            if status == "held" and known >= last:  # "at the end of four days of talks", told that day: held through
                group.held_on.append((last, known))
    out = spans_take_in(out)
    for id_, row in counted.items():
        attach_counted(out, id_, row)
    for g in out:
        g.settle_venue()
        g.rank_bodies()
    _count_reports(store, as_of, out)
    _asked_venues(store, as_of, out)
    return out


PLANNED = frozenset({"scheduled", "proposed"})
# A later report that tells a plan still to come, or put off, tells anew where the plan stands.
TOLD_ANEW = PLANNED | {"postponed"}


def _plans_held_elsewhere(groups: list[MeetingSummary]) -> list[MeetingSummary]:
    """A meeting only planned at one place and the one meeting held that day at another, with no conflicting body
    family, are one meeting: the plan went ahead elsewhere (talks planned for Kuala Lumpur held in Putrajaya). The
    held meeting's place is its venue (settle_venue ranks a place held above one planned)."""
    out: list[MeetingSummary] = []
    for g in groups:
        if set(g.statuses) <= PLANNED:
            families = {f for _, f in g.keys if f}
            held = [
                h
                for h in groups
                if h is not g
                and h.date == g.date
                and "held" in h.statuses
                and (not families or not {f for _, f in h.keys if f} or families & {f for _, f in h.keys})
            ]
            if len(held) == 1:
                held[0].absorb(g)
                continue
        out.append(g)
    return out


def _asked_venues(store: Store, as_of: date, groups: list[MeetingSummary]) -> None:
    """The venues one side asked a meeting to be held at (a proposed mention's asked_venue: "Cambodia requested
    to move the talks to Kuala Lumpur"), with the side and the day of the first report that tells it, when not a
    place the meeting is given already: shown beside its venue, however it was held after."""
    m = meetings_t
    with store.engine.connect() as conn:
        for g in groups:
            rows = conn.execute(
                sa.select(m.c.asked_by, m.c.asked_venue, m.c.known_from)
                .where(_known(m, as_of), m.c.status == "proposed", m.c.asked_venue.is_not(None), _meeting_of(g))
                .order_by(m.c.known_from, m.c.id)
            ).all()
            for side, place, known in rows:
                if any(place in v or v in place for v in g.venues):
                    continue
                if place not in {p for _, p, _ in g.asked}:
                    g.asked.append((side, place, known))


def _count_reports(store: Store, as_of: date, groups: list[MeetingSummary]) -> None:
    m = meetings_t
    with store.engine.connect() as conn:
        for g in groups:
            places = sorted({p for p, _ in g.keys if p})
            families = sorted({f for _, f in g.keys if f})
            g.id = f"m-{g.date:%Y%m%d}-{'+'.join(places) or 'x'}-{'+'.join(families) or 'x'}"
            if len(g.keys) > 1 or g.attached:  # a report that names the meeting twice counts once
                g.reports = conn.execute(
                    sa.select(sa.func.count(sa.distinct(m.c.report_id))).where(_known(m, as_of), _meeting_of(g))
                ).scalar_one()


def _meeting_of(g: MeetingSummary):
    """The mentions of a merged meeting: its date and one of its (place, body family) pairs, or an undated
    mention told of it."""
    m = meetings_t
    keys = [sa.and_(_same(m.c.place_key, p), _same(m.c.family, f)) for p, f in dict.fromkeys(g.keys)]
    days = m.c.date.between(g.date, g.end) if g.end else m.c.date == g.date
    dated = sa.and_(days, sa.or_(*keys))
    return sa.or_(dated, m.c.id.in_(g.attached)) if g.attached else dated


def _venue_first(row) -> tuple:
    """Within a date, mentions with a place first, so a group takes its venue from them."""
    return (row[0], row[1] is None, row[1] or "", row[2] or "")


def _told_of(dated: list[MeetingSummary], reports: dict[str, set], row) -> MeetingSummary | None:
    """The dated meeting an undated mention tells of, if one: a meeting its own report dates (no conflicting
    place or body family), else one of the same body family (no conflicting place, or on the report's own
    day) that was held just before its report (a held mention) or is planned just after it (a scheduled or
    proposed one: a meeting put off with no new date tells of no later one)."""
    _, report_id, known, place, family, status, body = row
    same_report = [
        g
        for g in dated
        if report_id in reports.get(g.id, ())
        and (family is None or family in {f for _, f in g.keys})
        and g.accepts(place, family)
        and (g.date <= known if status == "held" else _after(g, known))
    ]
    if same_report:
        return (max if status == "held" else min)(same_report, key=lambda g: g.date)
    if known is None:
        return None
    if family is None:
        return _held_that_day(dated, known, place) if status == "held" else None
    if status in ("postponed", "cancelled"):
        return None  # a plan put off with no new date is no later meeting of its body: that may be another
    near = [
        g
        for g in dated
        if family in {f for _, f in g.keys}
        and same_body(body, family, g.bodies)  # "the next GBC meeting" is no RBC meeting of the same weeks
        and (
            known - HELD_BEFORE <= g.date <= known
            if status == "held"
            else _after(g, known) and g.date <= known + PLANNED_AFTER
        )
        and (g.accepts(place, None) or g.date >= known - timedelta(days=1))
    ]
    found = (max if status == "held" else min)(near, key=lambda g: g.date, default=None)
    return found or (_referred_to(dated, known, place, family, body) if status == "held" else None)


def _referred_to(
    dated: list[MeetingSummary], known: date, place: str | None, family: str | None, body: str | None
) -> MeetingSummary | None:
    """The meeting an undated held mention refers back to ("recent discussions in the GBC"): the newest dated
    meeting of its body (a mention naming its body only by who meets: of its body family) held before its report's
    day, with no conflicting place; None when there is none (then it is a held meeting of its own)."""
    before = [
        g
        for g in dated
        if g.last_day < known
        and "held" in g.statuses
        and g.accepts(place, family)
        and same_body(body, family, g.bodies)
    ]
    return max(before, key=lambda g: g.date, default=None)


def _closed(plan, dated: list[MeetingSummary], held: list) -> bool:
    """Whether an undated plan (scheduled, proposed or put off) is closed by a meeting of its body (a plan naming
    its body only by who meets: of its body family) held after the plan's report: a dated one held after that
    day, or an undated held mention of a later report. Such a plan is no meeting still to come or put off."""
    _, _, known, _, family, status, *_, body, _ = plan
    if status not in ("scheduled", "proposed", "postponed") or known is None or family is None:
        return False
    return any(g.date > known and "held" in g.statuses and same_body(body, family, g.bodies) for g in dated) or any(
        row[2] is not None and row[2] > known and same_body(body, family, [row[10]]) for row in held
    )


def _superseded(plan, rows) -> bool:
    """Whether an undated plan of a standing body ("the next GBC meeting will take place in Cambodia") is told anew by
    a later report's undated plan of the same body ("the next GBC meeting is expected in Thailand"): the body's next
    meeting is one meeting, and the newest report tells where it stands."""
    _, _, known, *_, body, _ = plan
    if plan[5] not in PLANNED or known is None or not body or body in GENERIC_BODIES:
        return False
    return any(row[10] == body and row[2] is not None and row[2] > known and row[5] in TOLD_ANEW for row in rows)


def _after(g: MeetingSummary, known: date) -> bool:
    """Whether a planned mention of a report of day `known` can tell of meeting g: g (or its span's last day) is
    after that day, or on it and not told held ("the session set the agenda for upcoming meetings" is of no
    meeting held that day)."""
    return g.last_day > known or g.date == known and "held" not in g.statuses


# How far before its report's date a held meeting may be that an undated mention naming no body tells of.
HELD_JUST_BEFORE = timedelta(days=1)


def _held_that_day(dated: list[MeetingSummary], known: date, place: str | None) -> MeetingSummary | None:
    """The meeting an undated held mention naming no body tells of ("the ceasefire was signed by the two
    ministers", "after talks in Putrajaya"): the only meeting held on its report's day or the day before,
    with no conflicting place (venues abroad are not compared); None when there is none or more than one."""
    near = [
        g
        for g in dated
        if known - HELD_JUST_BEFORE <= g.date <= known
        and "held" in g.statuses
        and (g.accepts(place, None) or _abroad(place) and all(_abroad(p) for p, _ in g.keys))
    ]
    return near[0] if len(near) == 1 else None


def _abroad(place: str | None) -> bool:
    """Whether a place key is a venue outside the two countries' provinces (a city, building or country abroad,
    which the gazetteer cannot nest: "Putrajaya" and "Seri Perdana" do not conflict)."""
    return place is None or not PROVINCE_KEY.match(place) and place not in ("Thailand", "Cambodia")


PROVINCE_KEY = re.compile(r"^[A-Z]{2}-\d+$")


def _undated_meetings(
    store: Store, as_of: date, dated: list[MeetingSummary], limit: int | None
) -> list[MeetingSummary]:
    """The undated mentions that tell of no dated meeting, newest first (those that do are joined to it)."""
    m = meetings_t
    query = (
        sa.select(
            m.c.id,
            m.c.report_id,
            m.c.known_from,
            m.c.place_key,
            m.c.family,
            m.c.status,
            m.c.venue,
            m.c.admin1,
            m.c.lat,
            m.c.lon,
            m.c.body,
            m.c.date_text,
        )
        .where(_known(m, as_of), m.c.date.is_(None))
        .order_by(m.c.known_from.desc(), m.c.id)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
        bound = _bound_reports(conn, {row[1] for row in rows if row[11] and WEEKEND.fullmatch(row[11])})
        reports = (
            {
                g.id: set(conn.execute(sa.select(m.c.report_id).where(_known(m, as_of), _meeting_of(g))).scalars())
                for g in dated
            }
            if rows
            else {}
        )
    alone = []
    for row in rows:
        if weekend_of(row[11], row[5], row[2]) or row[1] in bound and WEEKEND.fullmatch(row[11] or ""):
            group = None  # a weekend of its own (its report's days fix it, or they are not known)
        else:  # a month told ("met in early August") says which meeting, else the one it tells of
            month = row[11] and IN_MONTH.fullmatch(row[11])
            group = (None if month else _told_of(dated, reports, (*row[:6], row[10]))) or held_in_month(
                dated, row[11], row[5], row[2], row[3], row[4]
            )
        if group is None:
            alone.append(row)
            continue
        group.attached.append(row[0])
        group.note(row[5], row[2])
        if row[5] == "held":
            group.held_on.append((row[2], row[2]))  # an undated held mention: held by its report's day
        if row[6] and row[5] == "held":  # an undated plan does not move a dated meeting
            group.place_at(row[6], row[5], row[2], (row[7], row[8], row[9]))
            group.settle_venue()
        group.name(row[10], 1)
        group.rank_bodies()
    if any(g.attached for g in dated):
        _count_reports(store, as_of, [g for g in dated if g.attached])
    held = [row for row in rows if row[5] == "held"]
    alone = [row for row in alone if not _closed(row, dated, held) and not _superseded(row, alone)]
    return [undated_summary(row, row[1] in bound) for row in alone[:limit]]


def _bound_reports(conn, ids: set[str]) -> set[str]:
    """Of these reports, those dated by a bound (pubdate "bound"): their days are the latest they can be."""
    if not ids:
        return set()
    query = sa.select(reports_t.c.id).where(reports_t.c.id.in_(sorted(ids)), reports_t.c.dated_by == BOUND)
    return set(conn.execute(query).scalars())


def count_undated_meetings(store: Store, as_of: date) -> int:
    """How many undated mentions are meetings of their own (not told of a dated one)."""
    undated = _undated_meetings(store, as_of, _dated_meetings(store, as_of), None)
    return sum(g.date is None for g in undated)


def meeting_quotes(store: Store, as_of: date, g: MeetingSummary, limit: int) -> list[tuple[Meeting, Report]]:
    """What each report says of a meeting, newest report first."""
    m = meetings_t
    which = m.c.id == g.undated_id if g.undated_id is not None else _meeting_of(g)
    query = _select_with_reports(m).where(_known(m, as_of), which)
    return _with_reports(store, "meetings", query.order_by(m.c.known_from.desc(), m.c.id).limit(limit))
