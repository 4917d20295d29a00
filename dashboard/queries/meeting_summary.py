"""One meeting as the reports known at an as-of date tell it, merged across them (dashboard.queries.meetings builds
it): its days, venues, bodies, statuses and how they are said."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dashboard.extract.meetings import GENERIC_BODIES, key_within, keys_agree
from dashboard.gazetteer import gazetteer

# A place reports say the meeting was held at beats one it is scheduled at, which beats one only proposed.
VENUE_RANK = {"held": 0, "scheduled": 1}


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
    asked: list[tuple[str | None, str, date | None]] = field(default_factory=list)  # (side, venue, day) one side asked
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

    def settle_venue(self) -> None:
        """Where it was, from the places its mentions give: the places reports say it was held at beat the places
        it was planned at; two places of the same standing are a dispute, both shown."""
        seen = self.places
        if not seen:
            return
        # a wider venue another report narrows ("Malaysia", "Kuala Lumpur"; "Chanthaburi", a checkpoint in it) is
        # not a second place
        seen = {v: x for v, x in seen.items() if not any(key_within(w, v) or _province_of(v, w, seen) for w in seen)}
        held = [v for v, (h, _, _) in seen.items() if h == "held"]
        planned = sorted((v for v, (h, _, _) in seen.items() if h == "scheduled"), key=lambda v: seen[v][1])
        proposed = sorted(seen, key=lambda v: seen[v][1])
        self.venues = sorted(held) if held else planned[-1:] or [f"{proposed[-1]} (proposed)"]
        self.venue = self.venues[0]
        self.venue_dispute = any(seen[v][2][0] for v in held)
        where = held[0] if held else planned[-1] if planned else proposed[-1]
        self.admin1, self.lat, self.lon = seen[where][2]

    @property
    def venue_text(self) -> str:
        """Its venue (two or more when reports place it differently), and a venue one side asked for beside it
        ("Chanthaburi · Cambodia asked for Kuala Lumpur (23 Dec)")."""
        if len(self.venues) > 1:
            # places abroad the gazetteer cannot nest ("Putrajaya", "Seri Perdana") may be one place named twice
            differ = "reports differ" if self.venue_dispute else "reports name it differently"
            where = f"{' / '.join(self.venues)} ({differ})"
        else:
            where = self.venue or "venue not stated"
        return where + "".join(f" · {_asked_text(*a)}" for a in self.asked)

    @property
    def when_text(self) -> str:
        """Its day, or its span of days ("4–7 Aug 2025"), as a list shows it."""
        if self.date is None:
            return self.inferred or "date not stated"
        if self.end is None or self.end == self.date:
            day = f"{self.date:%a %-d %b %Y}"
            return f"{day} ({self.inferred})" if self.inferred else day
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
        """The standing body most reports give (a body named only by who meets, "military talks", when no report
        names one); another standing body fewer reports give is no other name of it but their account, said with
        how many ("General Border Committee (one report says Joint Boundary Commission)"). Who meets is no name."""
        if not self.bodies:
            return "body not stated"
        named = [b for b in self.bodies if b not in GENERIC_BODIES]
        if not named:
            return self.bodies[0]
        first, *others = named
        said = [f"{_reports(self.body_reports.get(b, 1))} {b}" for b in others]
        return f"{first} ({'; '.join(said)})" if said else first

    def note(self, status: str, known_from: date | None) -> None:
        """A status some mention gives; the newest report's becomes the meeting's newest status."""
        if status and status not in self.statuses:
            self.statuses.append(status)
        if known_from is not None and (
            self._seen is None or known_from > self._seen or (known_from == self._seen and status == "held")
        ):
            self.newest_status, self._seen = status, known_from


def _reports(n: int) -> str:
    """ "one report says", "2 reports say"."""
    return "one report says" if n == 1 else f"{n} reports say"


_SIDE_NAMES = {"TH": "Thailand", "KH": "Cambodia"}


def _asked_text(side: str | None, venue: str, day: date | None) -> str:
    """ "Cambodia asked for Kuala Lumpur (23 Dec)"; "a side asked …" when the report does not say which."""
    who = _SIDE_NAMES.get(side or "", "one side")
    return f"{who} asked for {venue}" + (f" ({day:%-d %b})" if day else "")


def _province_of(v: str, w: str, seen: dict[str, tuple]) -> bool:
    """Whether the venue `v` is the province itself that the other venue `w` lies in (`seen`: venue -> (standing,
    newest day, (province, lat, lon)))."""
    code = seen[v][2][0]
    province = gazetteer().provinces.get(code) if code else None
    return (
        v != w
        and province is not None
        and seen[w][2][0] == code
        and v.lower().removesuffix(" province") == province.name.lower()
    )
