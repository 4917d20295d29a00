"""The meetings' queries: mentions merged across reports into meetings (same date and body family, or no
conflicting place; undated mentions joined to the dated meeting they tell of), where each was held, and what
each report says of one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa

from dashboard.extract.dates import MONTH_NUMBER, range_end
from dashboard.extract.meetings import COUNTED_DAYS, IN_MONTH, WEEKEND, key_within, keys_agree
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
    body_reports: dict[str, int] = field(default_factory=dict)  # body -> reports that give it that name
    end: date | None = None  # its last day, when reports give it a span of days ("4-7 August")
    held_on: list[tuple[date, date | None]] = field(default_factory=list)  # (day, report's day) of held mentions
    inferred: str | None = None  # how its days were inferred when no report states them ("the weekend before …")
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

    @property
    def when_text(self) -> str:
        """Its day, or its span of days ("4–7 Aug 2025"), as a list shows it."""
        if self.date is None:
            return "date not stated"
        if self.end is None or self.end == self.date:
            return f"{self.date:%a %-d %b %Y}"
        if (self.date.year, self.date.month) == (self.end.year, self.end.month):
            span = f"{self.date:%-d}–{self.end:%-d %b %Y}"
        elif self.date.year == self.end.year:
            span = f"{self.date:%-d %b} – {self.end:%-d %b %Y}"
        else:
            span = f"{self.date:%-d %b %Y} – {self.end:%-d %b %Y}"
        return f"{span} ({self.inferred})" if self.inferred else span

    @property
    def last_day(self) -> date | None:
        return self.end or self.date

    @property
    def held_through(self) -> bool:
        """Whether a report says it was held to its last day: a held mention of that day, or one a report gave after
        it (the first day's talks held do not say the session of the last day took place). A one-day meeting held is
        held through."""
        last = self.end
        return last is None or any(day >= last or (known is not None and known > last) for day, known in self.held_on)

    def covers(self, day: date) -> bool:
        """Whether `day` is one of its days."""
        return self.date is not None and self.date <= day <= (self.end or self.date)

    def absorb(self, other: MeetingSummary) -> None:
        """Take in a meeting told on one of its days (a span's later day is the same meeting)."""
        self.keys += other.keys
        self.reports += other.reports
        for status in other.statuses:
            self.note(status, None)
        if other.newest_status:
            self.note(other.newest_status, other.last_told)
        for venue, (rank, newest, where) in other.places.items():
            self.place_at(venue, rank, newest, where)
        for body in other.bodies:
            self.name(body, other.body_reports.get(body, 0))
        self.attached += other.attached
        self.held_on += other.held_on
        self.end = max(self.last_day, other.last_day)

    def name(self, body: str | None, reports: int) -> None:
        """A body some reports give the meeting (`reports` of them)."""
        if body:
            if body not in self.bodies:
                self.bodies.append(body)
            self.body_reports[body] = self.body_reports.get(body, 0) + reports

    def rank_bodies(self) -> None:
        """The body most reports give first (ties: the first given), the others after it."""
        order = {b: i for i, b in enumerate(self.bodies)}
        self.bodies.sort(key=lambda b: (-self.body_reports.get(b, 0), order[b]))

    @property
    def body_text(self) -> str:
        """The body most reports give; the names fewer reports give it as "also called" (one report's misnaming is
        not a second body)."""
        if not self.bodies:
            return "body not stated"
        first, *others = self.bodies
        return f"{first} (also called {', '.join(others)})" if others else first

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
    """Dated mentions merged by date, place and body family; a span of days ("4-7 August") takes in the meetings
    told on its later days; a day counted from another ("the following day") joins the meeting its own report
    dates a day off (_counted_days)."""
    m = meetings_t
    counted = _counted_days(store, as_of)
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
        sa.select(m.c.date, m.c.place_key, m.c.family, m.c.date_text)
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
    for day, place, family, text in span_rows:
        last = range_end(text, day)
        group = next((g for g in on_date.get(day, []) if g.accepts(place, family)), None)
        if last is not None and group is not None:
            group.end = max(group.last_day, last)
    out = _spans_take_in(out)
    for id_, row in counted.items():
        _attach(out, id_, row)
    for g in out:
        _place(g, g.places)
        g.rank_bodies()
    _count_reports(store, as_of, out)
    return out


# Words of a span of days in a date as written ("August 4-7", "from Oct 26 to 28"): only those dates are read
# again for their last day (dashboard.extract.dates.range_end).
SPAN_WORDS = ("-", "–", " to ", " through ", " until ", " till ", " and ")


def _spans_take_in(groups: list[MeetingSummary]) -> list[MeetingSummary]:
    """A meeting told over a span of days takes in the meetings told on its later days whose place and body family
    agree (the secretariat's talks on the first day and the committee's session on the last are one meeting)."""
    out: list[MeetingSummary] = []
    for g in sorted(groups, key=lambda g: g.date):
        span = next(
            (s for s in out if s.end and s.covers(g.date) and all(s.accepts(p, f) for p, f in g.keys)),
            None,
        )
        if span is None:
            out.append(g)
        else:
            span.absorb(g)
    return out


def _counted_days(store: Store, as_of: date) -> dict[int, tuple]:
    """The mentions dated only by counting from another date ("announced on 22 December that talks would take
    place the following day") whose own report dates a meeting one day off, at no conflicting place and of no
    other body family: {mention id: (the report's date for it, place, family, status, body, venue, admin1, lat,
    lon, known_from)}. A counted day is only as exact as the date it counts from: in reported speech that is the
    day the words were said, which reports give loosely (the speaker's "tomorrow" retold a day later); the day the
    same report states outright wins."""
    m = meetings_t
    counted = sa.func.lower(m.c.date_text).in_(COUNTED_DAYS)
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.select(
                m.c.id,
                m.c.report_id,
                m.c.date,
                m.c.place_key,
                m.c.family,
                m.c.status,
                m.c.body,
                m.c.venue,
                m.c.admin1,
                m.c.lat,
                m.c.lon,
                m.c.known_from,
            ).where(_known(m, as_of), m.c.date.is_not(None), counted)
        ).all()
        out = {}
        for id_, report_id, day, place, family, *rest in rows:
            stated = conn.execute(
                sa.select(m.c.date, m.c.place_key, m.c.family).where(
                    m.c.report_id == report_id,
                    m.c.date.in_((day - timedelta(days=1), day + timedelta(days=1))),
                    sa.or_(m.c.date_text.is_(None), sa.not_(counted)),
                )
            ).all()
            fits = [d for d, p, f in stated if keys_agree(place, p) and (family is None or f is None or family == f)]
            if fits:
                out[id_] = (min(fits), place, family, *rest)
    return out


def _attach(groups: list[MeetingSummary], id_: int, row: tuple) -> None:
    """A counted day's mention joined to the meeting its report dates (_counted_days)."""
    day, place, family, status, body, venue, admin1, lat, lon, known = row
    group = next((g for g in groups if g.covers(day) and g.accepts(place, family)), None)
    if group is None:  # its report's stated meeting went to another place or body: the counted day stands alone
        group = MeetingSummary("", day, None, None, None, None, [], [], 1, [(place, family)])
        groups.append(group)
    group.attached.append(id_)
    group.note(status, known)
    if status == "held":
        group.held_on.append((day, known))
    group.name(body, 1)
    if venue:
        group.place_at(venue, status, known, (admin1, lat, lon))


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
    _, report_id, known, place, family, status = row
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
        and (
            known - HELD_BEFORE <= g.date <= known
            if status == "held"
            else _after(g, known) and g.date <= known + PLANNED_AFTER
        )
        and (g.accepts(place, None) or g.date >= known - timedelta(days=1))
    ]
    return (max if status == "held" else min)(near, key=lambda g: g.date, default=None)


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
        if _weekend(row[11], row[5], row[2]):
            group = None
        else:
            group = _told_of(dated, reports, row[:6]) or _held_in_month(dated, row[11], row[5], row[2], row[3], row[4])
        if group is None:
            alone.append(row)
            continue
        group.attached.append(row[0])
        group.note(row[5], row[2])
        if row[5] == "held":
            group.held_on.append((row[2], row[2]))  # an undated held mention: held by its report's day
        if row[6] and row[5] == "held":  # an undated plan does not move a dated meeting
            group.place_at(row[6], row[5], row[2], (row[7], row[8], row[9]))
            _place(group, group.places)
        group.name(row[10], 1)
        group.rank_bodies()
    if any(g.attached for g in dated):
        _count_reports(store, as_of, [g for g in dated if g.attached])
    return [_undated(row) for row in alone[:limit]]


def _held_in_month(
    dated: list[MeetingSummary],
    text: str | None,
    status: str,
    known: date | None,
    place: str | None,
    family: str | None,
) -> MeetingSummary | None:
    """The meeting a held mention that names only a month tells of ("the declaration signed at the summit last
    October"): the only meeting of that month (the latest such month up to its report) with no conflicting place
    or body family; None when there is none or more than one."""
    if status != "held" or not text or known is None or not IN_MONTH.fullmatch(text):
        return None
    month = MONTH_NUMBER[text.split()[-1][:3].lower()]
    year = known.year if month <= known.month else known.year - 1
    found = [
        g
        for g in dated
        if (g.date.year, g.date.month) == (year, month)
        and g.accepts(place, None)
        and (family is None or not {f for _, f in g.keys if f} or family in {f for _, f in g.keys})
    ]
    return found[0] if len(found) == 1 else None


def _undated(row) -> MeetingSummary:
    """An undated mention as a meeting of its own: the days of a weekend its report's date fixes ("met over the
    weekend"), else no day."""
    i, _, known, place, family, status, venue, admin1, lat, lon, body, text = row
    g = MeetingSummary(
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
        _seen=known,
        held_on=[(known, known)] if status == "held" and known else [],
    )
    weekend = _weekend(text, status, known)
    if weekend is not None:
        g.date, g.end = weekend
        g.inferred = "the weekend its report tells of"
    return g


def _weekend(text: str | None, status: str, known: date | None) -> tuple[date, date] | None:
    """The Saturday and Sunday a mention dated "over the weekend" tells of: for a held meeting the last weekend up
    to its report's day, for a scheduled one the next; None for other mentions (a proposal has no days)."""
    if not text or known is None or not WEEKEND.fullmatch(text):
        return None
    if status == "held":
        sunday = known - timedelta(days=(known.weekday() - 6) % 7)
        return sunday - timedelta(days=1), sunday
    if status == "scheduled":
        saturday = known + timedelta(days=(5 - known.weekday()) % 7)
        return saturday, saturday + timedelta(days=1)
    return None


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
