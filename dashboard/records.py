"""Plain typed records passed between the stages: read → ingest → extract → reconcile → store → queries → ui.

Every extracted record carries its provenance: the report it came from, the sentence, the character
span of the quote in the report's normalised text, and the quote itself (text[start:end]).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date


@dataclass(frozen=True)
class Report:
    id: str  # stable: derived from the normalised text
    path: str  # where it was read from ("" for pasted text)
    text: str  # normalised text, repeated paragraphs dropped; spans point into it
    published: date | None = None  # None when nothing dates it (see dashboard.pubdate)
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    dropped_paragraphs: int = 0  # repeats of earlier paragraphs that were removed
    name: str | None = None  # the name people know it by: the sidecar's id, else the file's stem
    ingested: date | None = None  # the day the store received it (set by the store)
    # how `published` was found: metadata | url | dateline | text | bound (pubdate.HOW; bound: only the latest day
    # it can have been written, `pubdate.written_between` gives the days it can have been written on)
    dated_by: str | None = None

    @property
    def label(self) -> str:
        """The id shown to people: the sidecar id or file stem, else the start of the content id."""
        return self.name or self.id[:8]

    @property
    def counts_from(self) -> date | None:
        """The day from which the report is known: its publication date, else the day it was ingested."""
        return self.published or self.ingested


@dataclass(frozen=True)
class Rejected:
    """An input that could not be read as a report, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Evidence:
    report_id: str
    sentence: str
    start: int  # span of the quote in Report.text
    end: int
    quote: str


@dataclass(frozen=True)
class PlaceMention:
    evidence: Evidence
    name: str  # gazetteer name
    written: str  # as written in the report
    place_id: str  # gazetteer id
    kind: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    precision: int  # ACLED-style geo_precision: 1 exact place, 2 near a place, 3 province only
    border_km: float | None
    border_distance_km: float | None


@dataclass(frozen=True)
class Figure:
    evidence: Evidence
    metric: str  # killed | injured | displaced
    value: int | None  # None for vague amounts ("dozens"), kept as value_text
    value_text: str
    qualifier: str  # exact | at_least | more_than | about | nearly | up_to | vague
    country: str | None  # whose people are counted: TH, KH or None (unknown)
    group: str | None  # civilian | military | None (all)
    source: str | None  # who gives the figure, as written
    period: str | None  # the episode: may2025 | jul2025 | dec2025
    # What the number is a count of (dashboard.extract.figures)
    # total (an episode's running total) | remaining (the displaced still displaced at the time told) | incident
    # | province | period | indirect | with_indirect (deaths in the fighting and from indirect effects summed) | None
    scope: str | None = None
    both_sides: bool = False  # counts the people of both countries ("on both sides"); country is None
    part_of_total: bool = False  # a part of a total stated beside it ("20 killed, including 12 soldiers")
    date: date | None = None  # the day its sentence says the toll stood at ("by Tuesday"); None: its report's


@dataclass(frozen=True)
class Meeting:
    evidence: Evidence
    date: date | None  # None: undated ("later this week")
    date_text: str | None
    venue: str | None  # canonical gazetteer name
    admin1: str | None
    lat: float | None
    lon: float | None
    body: str | None  # General Border Committee, Joint Boundary Commission, ...
    participants: tuple[str, ...]
    status: str  # held | scheduled | proposed
    # a proposed meeting's venue one side asks for ("Cambodia requested to move the talks to Kuala Lumpur") and
    # that side (TH | KH | None: not told); None when the sentence asks for no place
    asked_venue: str | None = None
    asked_by: str | None = None


@dataclass(frozen=True)
class Incident:
    evidence: Evidence
    # an attack: airstrike | artillery | rocket | drone | landmine | armed_clash | confrontation (force used by or
    # against a crowd: tear gas, slingshots) | other; or an alleged violation that is no attack (ALLEGATION_KINDS)
    kind: str
    places: tuple[str, ...]  # canonical names
    admin1: tuple[str, ...]
    date: date | None
    reported_by: str | None  # TH | KH | None
    accused: str | None  # TH | KH | None
    denied_by: str | None  # TH | KH | None
    # stated: its sentence gives the day (`date`); reported: no day of its own, only its report's date (when it
    # happened is not known); earlier: told as part of an earlier period (a retrospective, a memorial, "in
    # recent years", a caption of past damage): no new event (dashboard.extract.dates `earlier_period`)
    timing: str = "stated"


# Alleged violations that are no attack: a flight over the other side's ground (airspace), its land held or worked
# (encroachment), a crowd brought to the line (provocation). Kept as incidents (dashboard.extract.incidents).
ALLEGATION_KINDS = ("airspace", "encroachment", "provocation")


@dataclass(frozen=True)
class Onset:
    """A report's statement of the day the current fighting began."""

    evidence: Evidence
    date: date


@dataclass(frozen=True)
class Statement:
    """A report's statement about the ceasefire or one of its provisions (dashboard.extract.statements)."""

    evidence: Evidence
    topic: str  # ceasefire | heavy_weapons | demining | observers | detainees
    # ceasefire: agreed | in_effect | violated | denied (a side denies violating it) | suspended;
    # a provision: done | in_progress | disputed | suspended | planned (what is to be done)
    stance: str
    side: str | None  # the country of who says it: TH | KH | None
    date: date | None  # a date the sentence gives, if any


@dataclass
class Extraction:
    report: Report
    places: list[PlaceMention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    onsets: list[Onset] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)


# Every extracted record type, by the name the store's tables, the export and the queries use.
RECORD_TYPES: dict[str, type] = {
    "places": PlaceMention,
    "figures": Figure,
    "meetings": Meeting,
    "incidents": Incident,
    "onsets": Onset,
    "statements": Statement,
}


_OWN_FIELDS: dict[type, tuple[str, ...]] = {}


def flat(record) -> dict:
    """A record as one flat dict: its evidence fields beside its own."""
    e = record.evidence
    names = _OWN_FIELDS.get(type(record))
    if names is None:
        names = _OWN_FIELDS[type(record)] = tuple(f.name for f in fields(record) if f.name != "evidence")
    own = {name: getattr(record, name) for name in names}
    return {"report_id": e.report_id, **own, "sentence": e.sentence, "start": e.start, "end": e.end, "quote": e.quote}
