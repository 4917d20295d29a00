"""Meetings between officials about the conflict: date, venue, body, participants and status.

A sentence states a meeting when it has a meeting word and at least a date, a named body or a venue.
Mentions of the same meeting within a report are merged (same date, compatible body and venue);
mentions across reports are merged later (dashboard.merge).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from dashboard.extract.dates import find_dates
from dashboard.extract.sentences import Sentence
from dashboard.records import Evidence, Meeting, PlaceMention

MEETING_WORDS = re.compile(
    r"\b(?:meet|meets|meeting|met|talks|convened|convene|convenes|summit|session|negotiations|gathered"
    r"|conference)\b",
    re.I,
)
MEETING_STEMS = ("meet", "met", "talks", "conven", "summit", "session", "negotiat", "gather", "conference")
# One side's own meetings, calls and press events: masked before looking for a meeting and its date.
NOT_MEETINGS = re.compile(
    r"\b(?:press conference|news conference|phone call|telephone call|video call|spoke by phone"
    r"|(?:a |an |the )?(?:meeting|session) of (?:the )?(?:National Security Council|[Cc]abinet|[Pp]arliament|Senate"
    r"|House|[Nn]ational [Aa]ssembly|party)(?:\s+on(?:\s+the\s+\w+\s+of)?\s+\w+\s+\d{1,2})?"
    r"|cabinet meeting|parliament(?:ary)? session)\b",
    re.I,
)
# (body, family, pattern): the family says which bodies can be the same meeting in two reports.
BODIES = [
    ("General Border Committee", "border", r"General Border Committee|\bGBC\b"),
    ("Joint Boundary Commission", "border", r"Joint Boundary Commission|\bJBC\b"),
    ("Regional Border Committee", "border", r"Regional Border Committee|\bRBC\b"),
    ("Joint Border Affairs Committee", "border", r"Joint Border Affairs Committee"),
    (
        "military talks",
        "border",
        r"(?i:defen[cs]e officials|military representatives|defen[cs]e ministers"
        r"|military officials|army commanders|military commanders)",
    ),
    ("ASEAN Summit", "asean-summit", r"ASEAN Summit"),
    (
        "special ASEAN foreign ministers' meeting",
        "asean",
        r"(?:ASEAN|Southeast Asia)(?:.*)\b(?:[Ff]oreign|diplomatic) [Mm]inisters"
        r"|\b(?:[Ff]oreign|diplomatic) [Mm]inisters.*(?:ASEAN|Southeast Asia)|special ASEAN",
    ),
    ("envoy meeting", "envoy", r"\b[Ee]nvoy\b"),
]
PROPOSED = re.compile(
    r"\b(?:propos\w*|suggest\w*|call\w* for|offer\w* to host|invit\w*|urg\w* \w+ to (?:meet|hold)"
    r"|be set by)\b",
    re.I,
)
FUTURE = re.compile(
    r"\b(?:will|would|shall|might|could|to meet|to hold|scheduled|set to|is to|are to|plan\w*"
    r"|upcoming|next|due to|expected to|later this)\b|\bmay\b",
    re.I,
)
PARTICIPANTS = [
    ("Thailand", r"\bThai\b|\bThailand\b"),
    ("Cambodia", r"\bCambodian?\b"),
    ("ASEAN", r"\bASEAN\b|Southeast Asian"),
    ("Malaysia", r"\bMalaysian?\b"),
    ("China", r"\bChina\b|\bChinese\b"),
    ("United States", r"\bUnited States\b|\bU\.?S\.?\b"),
    ("Singapore", r"\bSingapore(?:an)?\b"),
]
SINCE = re.compile(r"\b(?:since|reignited|resumed|erupted|broke out|flared)\b(?:\s+\S+){0,5}\s+$", re.I)
# "in Chanthaburi", "at the checkpoint near Chanthaburi province", "in Prum, Pailin province" (Prum unknown)
VENUE_BEFORE = re.compile(r"\b(?:in|at|near|held in|hosted in|hosted at)\s+(?:the\s+)?(?:[A-Z][\w'-]*\s*,\s+)?$", re.I)


_BODY_RX = [(body, family, re.compile(pattern)) for body, family, pattern in BODIES]


def _body(text: str) -> tuple[str | None, str | None]:
    for body, family, rx in _BODY_RX:
        if rx.search(text):
            return body, family
    return None, None


def _venue(sentence: Sentence, places: list[PlaceMention]) -> PlaceMention | None:
    for p in places:
        before = sentence.text[max(0, p.evidence.start - sentence.start - 80) : p.evidence.start - sentence.start]
        if VENUE_BEFORE.search(before):
            return p
    return None


def _status(text: str, day: date | None, published: date | None) -> str:
    if PROPOSED.search(text):
        return "proposed"
    if day and published:
        return (
            "held"
            if day < published
            else "scheduled"
            if day > published
            else ("scheduled" if FUTURE.search(text) else "held")
        )
    return "scheduled" if FUTURE.search(text) else "held"


def find_meeting(
    sentence: Sentence, report_id: str, published: date | None, places: list[PlaceMention]
) -> Meeting | None:
    lowered = sentence.text.lower()
    if not any(stem in lowered for stem in MEETING_STEMS):
        return None
    text = NOT_MEETINGS.sub(lambda m: " " * len(m.group()), sentence.text)
    if not MEETING_WORDS.search(text):
        return None
    future = bool(FUTURE.search(text))
    dates = [d for d in find_dates(text, published, future) if not SINCE.search(text[max(0, d.start - 80) : d.start])]
    body, _ = _body(text)
    venue = _venue(sentence, places)
    when = dates[0] if dates else None
    if not (when or body or venue):
        return None
    evidence = Evidence(report_id, sentence.text, sentence.start, sentence.end, sentence.text)
    participants = tuple(name for name, pattern in PARTICIPANTS if re.search(pattern, text))
    return Meeting(
        evidence=evidence,
        date=when.date if when else None,
        date_text=when.text if when else None,
        venue=venue.name if venue else None,
        admin1=venue.admin1 if venue else None,
        lat=venue.lat if venue else None,
        lon=venue.lon if venue else None,
        body=body,
        participants=participants,
        status=_status(text, when.date if when else None, published),
    )


FAMILY = {body: fam for body, fam, _ in BODIES}


def family(meeting: Meeting) -> str | None:
    return FAMILY.get(meeting.body)


def compatible(a: Meeting, b: Meeting) -> bool:
    """Whether two mentions can be the same meeting: no conflicting date, venue or body family."""

    def agree(x, y):
        return x is None or y is None or x == y

    return agree(a.date, b.date) and agree(a.admin1 or a.venue, b.admin1 or b.venue) and agree(family(a), family(b))


def combine(a: Meeting, b: Meeting) -> Meeting:
    """a, completed with what b adds (b's date, venue or body where a has none)."""
    return replace(
        a,
        date=a.date or b.date,
        date_text=a.date_text or b.date_text,
        venue=a.venue or b.venue,
        admin1=a.admin1 or b.admin1,
        lat=a.lat if a.venue else b.lat,
        lon=a.lon if a.venue else b.lon,
        body=a.body or b.body,
        participants=tuple(dict.fromkeys(a.participants + b.participants)),
    )


def merge_in_report(meetings: list[Meeting]) -> list[Meeting]:
    """Dated mentions first: each undated one joins the first compatible meeting with its status."""
    merged: list[Meeting] = []
    for m in sorted(meetings, key=lambda m: m.date is None):
        same = next(
            (
                i
                for i, x in enumerate(merged)
                if compatible(x, m) and (m.date is not None or x.status == m.status or m.status == "held")
            ),
            None,
        )
        if same is None:
            merged.append(m)
        else:
            merged[same] = combine(merged[same], m)
    return sorted(merged, key=lambda m: m.evidence.start)
