"""The days of a meeting the reports tell without one plain date: a span of days ("4-7 August") taking in the
meetings told on its days, a day counted from another ("the following day") yielding to the day its report
states, a weekend its report's date fixes, a month's one meeting."""

from __future__ import annotations

import re
from datetime import date, timedelta

import sqlalchemy as sa

from dashboard.extract.dates import MONTH_NUMBER, find_dates
from dashboard.extract.meetings import COUNTED_DAYS, IN_MONTH, SPEECH_VERBS, WEEKEND, keys_agree
from dashboard.queries.common import _known, meetings_t
from dashboard.queries.meeting_summary import MeetingSummary
from dashboard.store import Store

# Words of a span of days in a date as written ("August 4-7", "from Oct 26 to 28"): only those dates are read
# again for their last day (dashboard.extract.dates.range_end).
SPAN_WORDS = ("-", "–", " to ", " through ", " until ", " till ", " and ")


def spans_take_in(groups: list[MeetingSummary]) -> list[MeetingSummary]:
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


def counted_days(store: Store, as_of: date) -> dict[int, tuple]:
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


def attach_counted(groups: list[MeetingSummary], id_: int, row: tuple) -> None:
    """A counted day's mention joined to the meeting its report dates (counted_days)."""
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


def held_in_month(
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
    month = MONTH_NUMBER[re.split(r"[\s-]", text)[-1][:3].lower()]  # "early August", "mid-November"
    year = known.year if month <= known.month else known.year - 1
    found = [
        g
        for g in dated
        if (g.date.year, g.date.month) == (year, month)
        and g.accepts(place, None)
        and (family is None or not {f for _, f in g.keys if f} or family in {f for _, f in g.keys})
    ]
    return found[0] if len(found) == 1 else None


def undated_summary(row, bound: bool = False) -> MeetingSummary:
    """An undated mention as a meeting of its own: the days of a weekend its report's date fixes ("met over the
    weekend"), else no day. A report dated by a bound (`bound`: written some day up to its date) fixes no weekend:
    the meeting is "a weekend before" its report's date (held), or told of by then (planned)."""
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
    weekend = None if bound else weekend_of(text, status, known)
    if bound and known is not None and text and WEEKEND.fullmatch(text):
        before = "before" if status == "held" else "told of by"
        g.inferred = f"a weekend {before} {known:%-d %b %Y}: its report's own day is not known"
    if weekend is not None:
        g.date, g.end = weekend
        g.inferred = "the weekend its report tells of"
    said = said_by(text, status, known, bound)
    if said is not None:
        g.date = said
        g.inferred = "by this day: its outcome was told then, the talks' own day not stated"
    return g


# "announced on Monday", "said on 28 July": the words that date a statement of what a held meeting brought.
SAID_ON = re.compile(rf"^(?:{SPEECH_VERBS})\b", re.I)


def said_by(text: str | None, status: str, known: date | None, bound: bool = False) -> date | None:
    """The day by which an undated held meeting was held, when its sentence dates only the statement that tells its
    outcome ("agreed to a ceasefire after talks, the minister announced on Monday"): the statement's day, resolved
    against its report's day (only a day it states in full when that day is a bound); None for other mentions."""
    if status != "held" or not text or known is None or not SAID_ON.match(text):
        return None
    found = [d.date for d in find_dates(text, None if bound else known, future=False) if d.date is not None]
    return found[-1] if found and found[-1] <= known else None


def weekend_of(text: str | None, status: str, known: date | None) -> tuple[date, date] | None:
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
