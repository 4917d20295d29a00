"""The meetings' queries: mentions merged across reports into meetings (same date and body family, or no
conflicting place; undated mentions joined to the dated meeting they tell of), where each was held, and what
each report says of one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa

from dashboard.extract.meetings import key_within, keys_agree
from dashboard.queries.common import _known, _same, _select_with_reports, _with_reports, meetings_t
from dashboard.records import Meeting, Report
from dashboard.store import Store


@dataclass
class MeetingSummary:
    """One meeting as the reports known at the as-of date tell it, merged across them."""

    id: str
    date: date | None
    venue: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    bodies: list[str]
    statuses: list[str]
    reports: int
    keys: list[tuple[str | None, str | None]]  # the (place_key, family) pairs of its mentions
    undated_id: int | None = None  # an undated mention is a meeting of its own
    newest_status: str | None = None  # the status the newest report known gives it
    venues: list[str] = field(default_factory=list)  # two or more: the reports place it differently
    attached: list[int] = field(default_factory=list)  # undated mentions told of this dated meeting
    venue_dispute: bool = False  # its venues include a province: the reports place it in different places
    _seen: date | None = field(default=None, repr=False)

    @property
    def last_told(self) -> date | None:
        """The day of the newest report behind its status."""
        return self._seen

    places: dict = field(
        default_factory=dict, repr=False
    )  # venue -> (best status, newest report, where)  # the newest report's date behind newest_status

    def accepts(self, place: str | None, family: str | None) -> bool:
        """Same date, and the same body family (a venue dispute is still one meeting); with no family
        on either side, no conflicting place (a country and a city in it do not conflict)."""
        places = {p for p, _ in self.keys if p}
        families = {f for _, f in self.keys if f}
        if family is not None and families:
            return family in families
        return all(keys_agree(place, p) for p in places)

    def place_at(self, venue: str, status: str, known: date, where: tuple) -> None:
        """A place a mention gives the meeting, with the best standing any mention gives it."""
        rank, newest, first = self.places.get(venue, ("proposed", known, where))
        best = min((rank, status), key=lambda r: VENUE_RANK.get(r, 2))
        self.places[venue] = (best, max(newest, known), first)

    @property
    def venue_text(self) -> str:
        if len(self.venues) > 1:
            # places abroad the gazetteer cannot nest ("Putrajaya", "Seri Perdana") may be one place named twice
            differ = "reports differ" if self.venue_dispute else "reports name it differently"
            return f"{' / '.join(self.venues)} ({differ})"
        return self.venue or "venue not stated"

    def note(self, status: str, known_from: date | None) -> None:
        """A status some mention gives; the newest report's becomes the meeting's newest status."""
        if status and status not in self.statuses:
            self.statuses.append(status)
        if known_from is not None and (
            self._seen is None or known_from > self._seen or (known_from == self._seen and status == "held")
        ):
            self.newest_status, self._seen = status, known_from


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
    m = meetings_t
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
        .where(_known(m, as_of), m.c.date.is_not(None))
        .group_by(m.c.date, m.c.place_key, m.c.family, m.c.status, m.c.body)
        .order_by(m.c.date, m.c.place_key.is_(None), m.c.place_key, m.c.family, m.c.status, m.c.body)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(combos).all()
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
        if body and body not in group.bodies:
            group.bodies.append(body)
    for g in out:
        _place(g, g.places)
    _count_reports(store, as_of, out)
    return out


# A place reports say the meeting was held at beats one it is scheduled at, which beats one only proposed.
VENUE_RANK = {"held": 0, "scheduled": 1}


def _place(g: MeetingSummary, seen: dict[str, tuple]) -> None:
    """Where a meeting was: the places reports say it was held at beat the places it was planned at; two
    places of the same standing are a dispute, both shown."""
    if not seen:
        return
    # a wider venue another report narrows ("Malaysia", "Kuala Lumpur") is not a second place
    seen = {v: x for v, x in seen.items() if not any(key_within(w, v) for w in seen)}
    held = [v for v, (h, _, _) in seen.items() if h == "held"]
    planned = sorted((v for v, (h, _, _) in seen.items() if h == "scheduled"), key=lambda v: seen[v][1])
    proposed = sorted(seen, key=lambda v: seen[v][1])
    g.venues = sorted(held) if held else planned[-1:] or [f"{proposed[-1]} (proposed)"]
    g.venue = g.venues[0]
    g.venue_dispute = any(seen[v][2][0] for v in held)
    where = held[0] if held else planned[-1] if planned else proposed[-1]
    g.admin1, g.lat, g.lon = seen[where][2]


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
    dated = sa.and_(m.c.date == g.date, sa.or_(*keys))
    return sa.or_(dated, m.c.id.in_(g.attached)) if g.attached else dated


def _venue_first(row) -> tuple:
    """Within a date, mentions with a place first, so a group takes its venue from them."""
    return (row[0], row[1] is None, row[1] or "", row[2] or "")


def _told_of(dated: list[MeetingSummary], reports: dict[str, set], row) -> MeetingSummary | None:
    """The dated meeting an undated mention tells of, if one: a meeting its own report dates (no conflicting
    place or body family), else one of the same body family (no conflicting place, or on the report's own
    day) that was held just before its report (a held mention) or is planned just after it (a scheduled or
    proposed one: a meeting put off with no new date tells of no later one)."""
    _, report_id, known, place, family, status = row
    same_report = [
        g
        for g in dated
        if report_id in reports.get(g.id, ())
        and (family is None or family in {f for _, f in g.keys})
        and g.accepts(place, family)
        and (g.date <= known if status == "held" else g.date >= known)
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
        and (known - HELD_BEFORE <= g.date <= known if status == "held" else known <= g.date <= known + PLANNED_AFTER)
        and (g.accepts(place, None) or g.date >= known - timedelta(days=1))
    ]
    return (max if status == "held" else min)(near, key=lambda g: g.date, default=None)


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
        )
        .where(_known(m, as_of), m.c.date.is_(None))
        .order_by(m.c.known_from.desc(), m.c.id)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
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
        group = _told_of(dated, reports, row[:6])
        if group is None:
            alone.append(row)
            continue
        group.attached.append(row[0])
        group.note(row[5], row[2])
        if row[6] and row[5] == "held":  # an undated plan does not move a dated meeting
            group.place_at(row[6], row[5], row[2], (row[7], row[8], row[9]))
            _place(group, group.places)
        if row[10] and row[10] not in group.bodies:
            group.bodies.append(row[10])
    if any(g.attached for g in dated):
        _count_reports(store, as_of, [g for g in dated if g.attached])
    return [
        MeetingSummary(
            f"u-{i}",
            None,
            venue,
            admin1,
            lat,
            lon,
            [body] if body else [],
            [status],
            1,
            [(place, family)],
            undated_id=i,
            newest_status=status,
        )
        for i, _, _, place, family, status, venue, admin1, lat, lon, body in alone[:limit]
    ]


def count_undated_meetings(store: Store, as_of: date) -> int:
    """How many undated mentions are meetings of their own (not told of a dated one)."""
    return len(_undated_meetings(store, as_of, _dated_meetings(store, as_of), None))


def meeting_quotes(store: Store, as_of: date, g: MeetingSummary, limit: int) -> list[tuple[Meeting, Report]]:
    """What each report says of a meeting, newest report first."""
    m = meetings_t
    which = m.c.id == g.undated_id if g.undated_id is not None else _meeting_of(g)
    query = _select_with_reports(m).where(_known(m, as_of), which)
    return _with_reports(store, "meetings", query.order_by(m.c.known_from.desc(), m.c.id).limit(limit))
