"""Across reports: the same meeting or incident told by several reports becomes one, with all its sources.

**Meetings** merge when they share a date and their place and body family do not conflict (linear: a mention
is compared with the groups of its own date only, and with each group's one place and one body family).

**Incidents**: each side's version of one event side by side (ACLED codes one event per day, place and actor
pair; UCDP counts its sources). Two tellings are one event when they are of the same kind, their days are at
most a day apart and their places lie within ~10 km (or, when one is placed only by its province, in the same
province), and something ties them: a day both give or a place both name (a day alone does not tie a blast of
no stated kind to an attack). A telling that gives no day of its own ("reported": only its report's date says
when) joins an event of its kind at its place of the days up to its report's (REPORTED_DAYS); alone, it is an
event "reported on" that date, which is never shown as the day it happened. A denial that names no kind of its own
("Cambodia denied firing at Ban Nong Chan") joins the nearest event at that place of the week before it.
Tellings of an earlier period (retrospectives, memorials) are no tellings of a new event: the queries leave
them out. Linear: a telling is compared only with the events that
began on its own day and the days beside it (a week back for a denial); an event spans two days at most, so
events never chain.

Ids come from what a meeting or an event is (date, place, body family; first day, kind, place), not from its
position in a list: they stay the same when more reports arrive.
"""

from __future__ import annotations

import csv
import hashlib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from dashboard.extract.incidents import REPORTED_DAYS  # a telling with no day of its own: its report's or before
from dashboard.extract.lexicon import word_pattern
from dashboard.extract.meetings import combine, family, replaces, same_place
from dashboard.records import Incident, Meeting, Report

NEAR_KM = 10.0
DAYS_APART = 1
DENIAL_DAYS = 7  # a denial that names no date answers an accusation of up to a week before it
# A point: (lat, lon, precision), precision ACLED-style (1 the place, 2 near it, 3 the province only).
Point = tuple[float, float, int]


@dataclass(frozen=True)
class Telling:
    """How reports tell an incident, on the day they give (else the day the report counts from): one report's
    telling, or (from the store) every report that tells it alike — same day, kind, places and sides — with
    one of them as the sample and `key` to ask the store for the others."""

    incident: Incident
    report: Report
    day: date
    point: Point | None
    reports: int = 1
    key: tuple = ()
    report_ids: frozenset[str] = frozenset()  # the reports that tell it so (from the store); else its report's

    @property
    def ids(self) -> frozenset[str]:
        return self.report_ids or frozenset((self.report.id,))

    @property
    def stated(self) -> bool:
        """Its sentence gives the day (else `day` is only its report's date)."""
        return self.incident.date is not None

    @property
    def is_denial_only(self) -> bool:
        """A denial that accuses no one but the side denying: it answers an accusation rather than telling an event
        of its own."""
        i = self.incident
        return bool(i.denied_by) and i.accused in (None, i.denied_by) and not i.reported_by and i.date is None


@dataclass
class IncidentEvent:
    id: str
    day: date  # the first day a telling gives
    last_day: date
    kind: str
    places: list[str]
    admin1: list[str]
    point: Point | None
    tellings: list[Telling] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)  # kinds of fire told as part of this clash (fold_into_clashes)
    aliases: list[str] = field(default_factory=list)  # ids it had before fire was folded into it, and those folded

    @property
    def kinds(self) -> list[str]:
        """Its kind, then the kinds of fire the clash included ("armed_clash", "airstrike", "artillery")."""
        return [self.kind, *(k for k in self.weapons if k != self.kind)]

    @property
    def stated(self) -> bool:
        """A telling gives its day; else `day` is only the date of the first report that tells it."""
        return any(t.stated for t in self.tellings)

    @property
    def reports(self) -> int:
        """Reports that tell it: a report that tells it in two sentences (or two ways) counts once."""
        return reports_among(self.tellings)

    @property
    def told(self) -> int:
        """Its tellings: each report's each way of telling it."""
        return sum(t.reports for t in self.tellings)

    @property
    def outlets(self) -> list[str]:
        from dashboard.summary import outlet_name

        return list(dict.fromkeys(outlet_name(t.report) for t in self.tellings))

    @property
    def accused(self) -> str | None:
        """The side accused: TH, KH, "both" when each accuses the other, None when no one is named."""
        sides = {t.incident.accused for t in self.tellings if t.incident.accused}
        return "both" if len(sides) > 1 else next(iter(sides), None)

    @property
    def accusers(self) -> list[str]:
        return sorted({t.incident.reported_by for t in self.tellings if t.incident.reported_by})

    @property
    def deniers(self) -> list[str]:
        return sorted({t.incident.denied_by for t in self.tellings if t.incident.denied_by})

    def versions(self) -> dict[str | None, list[Telling]]:
        """Each side's tellings (its accusations and its denials), then those that name no speaker (None)."""
        out: dict[str | None, list[Telling]] = {"TH": [], "KH": [], None: []}
        for t in self.tellings:
            speakers = {s for s in (t.incident.reported_by, t.incident.denied_by) if s}
            for side in speakers or {None}:
                out.setdefault(side, []).append(t)
        return out

    def accepts(self, t: Telling) -> bool:
        """Same kind, within a day of the event's first day (no chains: an event spans two days at most), and
        near; a denial answers an accusation of the week before it, of any kind. Two tellings are one event only
        when something ties them: a day both give, or a place both name. A telling with no day of its own joins
        only an event at its place, and a blast of no stated kind only one at its place (a day alone ties
        nothing: many attacks share a day). A report that gives two tellings of different kinds days of their own
        that differ tells two events ("on Sunday … artillery …; on Saturday … cluster munitions …")."""
        apart = (t.day - self.day).days
        if t.is_denial_only:  # a denial told at a place answers an event at a place, not one that names none
            placed_only = bool(t.incident.admin1) and not self.admin1
            return (
                0 <= apart <= DENIAL_DAYS
                and not placed_only
                and near(self.point, t.point, self.admin1, t.incident.admin1)
            )
        placed = bool(self.admin1) and bool(t.incident.admin1)
        if not same_kind(t.incident.kind, self.kind) or (t.incident.kind != self.kind and not placed):
            return False
        if not t.stated:
            return (
                placed
                and (0 <= (t.day - self.last_day).days <= REPORTED_DAYS or self.day <= t.day <= self.last_day)
                and near(self.point, t.point, self.admin1, t.incident.admin1)
            )
        if any(
            o.stated and o.incident.date != t.incident.date and o.incident.kind != t.incident.kind and o.ids & t.ids
            for o in self.tellings
        ):
            return False
        if not placed and not self.day <= t.day <= self.last_day:
            return False  # no place ties them: only a day both give does
        return abs(apart) <= DAYS_APART and near(self.point, t.point, self.admin1, t.incident.admin1)

    def add(self, t: Telling) -> None:
        self.tellings.append(t)
        if self.kind == UNSPECIFIED and t.incident.kind != UNSPECIFIED:
            self.kind = t.incident.kind  # "an explosion" told beside "a landmine blast": the landmine
        if t.stated or len(self.tellings) == 1:  # a denial's or a report's day is not the event's
            self.day, self.last_day = min(self.day, t.day), max(self.last_day, t.day)
        for name in t.incident.places:
            if name not in self.places:
                self.places.append(name)
        for code in t.incident.admin1:
            if code not in self.admin1:
                self.admin1.append(code)
        if t.point and (self.point is None or t.point[2] < self.point[2]):
            self.point = t.point


def reports_among(tellings: Iterable[Telling]) -> int:
    """The distinct reports that give some of these tellings (a telling the store counted without naming its
    reports counts as many as it says)."""
    ids: set[str] = set()
    unnamed = 0
    for t in tellings:
        ids |= t.ids
        unnamed += max(0, t.reports - len(t.ids))
    return len(ids) + unnamed


UNSPECIFIED = "other"  # an attack or explosion of no stated kind


def same_kind(a: str, b: str) -> bool:
    """The same kind of attack, or one of them of no stated kind ("an explosion" and "a landmine blast" at the
    same place and day are one event)."""
    return a == b or UNSPECIFIED in (a, b)


def near(a: Point | None, b: Point | None, admin_a: Iterable[str], admin_b: Iterable[str]) -> bool:
    """Within NEAR_KM of each other; a point known only to its province (or no point) matches its province."""
    shared = bool(set(admin_a) & set(admin_b))
    if a is None or b is None or a[2] >= 3 or b[2] >= 3:
        return shared or not (set(admin_a) and set(admin_b))
    return km_between(a, b) <= NEAR_KM


def km_between(a: Point, b: Point) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def event_id(e: IncidentEvent) -> str:
    """From the first day, the kind and the provinces (sorted): not from whichever place name a report happened to
    give first, so the id stays when more reports arrive."""
    where = "+".join(sorted(e.admin1)) or "+".join(sorted(e.places)) or "x"
    key = f"{e.day}|{e.kind}|{where}"
    return f"i-{e.day:%Y%m%d}-{e.kind}-" + hashlib.sha1(key.encode()).hexdigest()[:8]


def merge_incidents(tellings: Iterable[Telling]) -> list[IncidentEvent]:
    """One event per incident across reports, oldest first. Denials that name no kind are matched last, to
    the nearest event they can answer; a denial that answers none stays an event of its own."""
    ordered = sorted(
        tellings, key=lambda t: (t.is_denial_only, not t.stated, t.day, t.report.id, t.incident.evidence.start)
    )
    events: list[IncidentEvent] = []
    on_day: dict[date, list[IncidentEvent]] = {}
    for t in ordered:
        if t.is_denial_only:
            back = range(0, DENIAL_DAYS + 1)  # nearest day first
        elif not t.stated:
            back = range(0, REPORTED_DAYS + 2)  # events are filed under their first day, a day before their last
        else:
            back = (0, -1, 1)
        nearby = (e for d in back for e in on_day.get(t.day - timedelta(d), []))
        event = next((e for e in nearby if e.accepts(t)), None)
        if event is None:
            event = IncidentEvent("", t.day, t.day, t.incident.kind, [], [], None)
            events.append(event)
            on_day.setdefault(t.day, []).append(event)
        event.add(t)
    _number(events, event_id)  # the ids of the events before folding: a link naming one still finds its clash
    events = fold_into_clashes(events)
    before = {id(e): e.id for e in events}
    _number(events, event_id)
    for e in events:
        if before[id(e)] != e.id:  # the clash took the day of fire told on it
            e.aliases.append(before[id(e)])
    return sorted(events, key=lambda e: (e.day, e.id))


# --- one battle, several weapons -------------------------------------------------------------------------

CLASH = "armed_clash"
# Kinds of fire a day's fighting at a place includes (ACLED: one battle, its weapons): a landmine blast, a crowd
# confrontation or an alleged violation that is no attack stays an event of its own.
BATTLE_WEAPONS = ("airstrike", "artillery", "rocket", "drone", UNSPECIFIED)
# A sentence that tells its attack as an event apart ("another attack", "in a separate strike"): a word list of
# the reconciling, not of the extraction (dashboard/data/reconcile/separate_cues.csv: word, kind, reason).
with (Path(__file__).parent / "data" / "reconcile" / "separate_cues.csv").open(encoding="utf-8", newline="") as _f:
    SEPARATE = re.compile(rf"\b(?:{word_pattern([r['word'] for r in csv.DictReader(_f)])})\b", re.I)


def event_days(e: IncidentEvent) -> set[date]:
    """The days an event may be of: those its tellings give; for one no telling dates, its report's day and the
    REPORTED_DAYS before it."""
    first = e.day if e.stated else e.day - timedelta(REPORTED_DAYS)
    return {first + timedelta(n) for n in range((e.last_day - first).days + 1)}


def told_apart(e: IncidentEvent) -> bool:
    """Some telling of it says it is an event of its own ("another", "separately", "in a separate attack")."""
    return any(SEPARATE.search(t.incident.evidence.sentence) for t in e.tellings)


def part_of(e: IncidentEvent, clash: IncidentEvent) -> bool:
    """Fire told at the clash's place on its day: a place both name (a village the clash lists, the temple it was
    fought around) in provinces the clash names; not a shelling placed only by its province."""
    return bool(set(e.places) & set(clash.places)) and set(e.admin1) <= set(clash.admin1)


def fold_into_clashes(events: list[IncidentEvent]) -> list[IncidentEvent]:
    """Airstrikes, shelling, rockets or drones told at the place and on the day of an armed clash are the clash's
    weapons, not events of their own ("fighting around the temple, with F-16s, artillery and rockets" is one battle):
    the clash takes their tellings, lists their kinds and keeps their ids as aliases (an old link names one); a clash
    only reported takes the day the fire's telling gives. Fire told as an event apart (told_apart), at other places
    or on other days stays separate. Linear: an event is compared only with the clashes of its own days."""
    clashes: dict[date, list[IncidentEvent]] = {}
    for e in events:
        if e.kind == CLASH:
            for d in event_days(e):
                clashes.setdefault(d, []).append(e)
    kept = []
    for e in events:
        if e.kind in BATTLE_WEAPONS and e.places and not told_apart(e):
            near_days = (c for d in sorted(event_days(e)) for c in clashes.get(d, []))
            clash = next((c for c in near_days if part_of(e, c)), None)
            if clash is not None:
                if e.stated and not clash.stated:  # the fire's own day, not the day the clash was reported
                    clash.day, clash.last_day = e.day, e.last_day
                clash.tellings.extend(e.tellings)
                clash.weapons += [k for k in e.kinds if k not in clash.weapons and k != CLASH]
                clash.places += [p for p in e.places if p not in clash.places]
                clash.aliases += [a for a in (e.id, *e.aliases) if a]
                continue
        kept.append(e)
    return kept


def _number(items: list, make_id) -> None:
    """Give each item the id `make_id` derives from what it is; the rare items alike get -2, -3 …"""
    seen: dict[str, int] = {}
    for item in items:
        item.id = make_id(item)
        seen[item.id] = seen.get(item.id, 0) + 1
        item.id += f"-{seen[item.id]}" if seen[item.id] > 1 else ""


# --- meetings -------------------------------------------------------------------------------------------


@dataclass
class MeetingGroup:
    id: str
    meeting: Meeting  # the merged view: date, venue, body as the sources together give them
    mentions: list[Meeting] = field(default_factory=list)  # one per report (and sentence)
    place: str | None = None  # the place and body family its mentions agree on (None: none stated)
    family: str | None = None

    def accepts(self, m: Meeting) -> bool:
        """Its place and body family agree; or it tells where the meeting planned elsewhere was held (or moved
        to), or the group does so for it (meetings.replaces)."""
        fam = family(m)
        if replaces(m, self.meeting) or replaces(self.meeting, m):
            return True
        return same_place(m, self.meeting) and (fam is None or self.family is None or fam == self.family)

    def add(self, m: Meeting) -> None:
        if replaces(m, self.meeting):  # a later report of where it was held beats an earlier plan
            self.meeting = combine(m, self.meeting)
            self.place = m.admin1 or m.venue
        else:
            self.meeting = combine(self.meeting, m)
            self.place = self.place or m.admin1 or m.venue  # the id keeps the place first given
        self.mentions.append(m)
        self.family = self.family or family(m)

    @property
    def report_ids(self) -> list[str]:
        return list(dict.fromkeys(m.evidence.report_id for m in self.mentions))

    @property
    def bodies(self) -> list[str]:
        return list(dict.fromkeys(m.body for m in self.mentions if m.body))

    @property
    def statuses(self) -> list[str]:
        return list(dict.fromkeys(m.status for m in self.mentions))

    @property
    def date(self) -> date | None:
        return self.meeting.date


def group_id(g: MeetingGroup) -> str:
    """An id from what the meeting is (date, place, body family), not from its position in a list: the
    same meeting keeps its id when other reports arrive."""
    first = g.mentions[0].evidence
    key = f"{g.date}|{g.place}|{g.family}" if g.date else f"undated|{first.report_id}|{first.start}"
    return "m-" + hashlib.sha1(key.encode()).hexdigest()[:10]


def merge_meetings(meetings: list[Meeting]) -> list[MeetingGroup]:
    """Dated meetings are merged with compatible ones on the same date; undated ones stay apart."""
    groups: list[MeetingGroup] = []
    on_date: dict[date, list[MeetingGroup]] = {}
    for m in sorted(meetings, key=lambda m: (m.date is None, m.date or date.min)):
        candidates = on_date.get(m.date, []) if m.date is not None else []
        same = next((g for g in candidates if g.accepts(m)), None)
        if same is None:
            group = MeetingGroup(id="", meeting=m)
            group.add(m)
            groups.append(group)
            if m.date is not None:
                on_date.setdefault(m.date, []).append(group)
        else:
            same.add(m)
    _number(groups, group_id)
    return groups
