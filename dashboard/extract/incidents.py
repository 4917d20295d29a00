"""Incidents: airstrikes, shelling, rockets, drones, landmines and clashes, with who reports them,
whom they accuse, and any denial. One incident per sentence, of its most specific kind."""

from __future__ import annotations

import re
from datetime import date

from dashboard.extract.actors import attribution, one_country
from dashboard.extract.dates import find_dates
from dashboard.extract.sentences import Sentence
from dashboard.records import Evidence, Incident, PlaceMention

# Most specific first: a sentence about "drones dropping bombs during clashes" is a drone incident.
KINDS = [
    ("airstrike", r"air ?strikes?|airstrikes?|fighter jets?|F-16s?|Gripens?|aerial bombardments?|air raids?"),
    ("drone", r"drones?|UAVs?"),
    ("rocket", r"rockets?|BM-21|multiple rocket launchers?"),
    ("artillery", r"artillery|shell(?:s|ing|ed)|mortars?|bombardments?|heavy weapons"),
    ("landmine", r"land ?mines?|\bmines?\b|mine blast"),
    ("other", r"toxic gas|chemical weapons?|cluster munitions?"),
    (
        "armed_clash",
        r"clash(?:es|ed)?|fighting|gunfire|exchanges? of fire|firefights?|skirmish(?:es)?"
        r"|fired (?:on|at|into)|opened fire",
    ),
]
_ACCUSE = re.compile(
    r"(?P<who>[A-Z][\w',. ]{0,60}?)\s+(?:has |have |had |also |repeatedly |on \w+ )*"
    r"(?:accus\w*\s+(?P<whom>[\w' ]{2,40}?)\s+of\b|alleged that (?P<whom2>[\w' ]{2,40}?)\s+"
    r"(?:attempted|had|has|was|were|fired|launched|planted|used|deployed)\b)"
)
_DENY = re.compile(
    r"(?P<who>[A-Z][\w' ]{0,40}?)\s+(?:has |have |had |also |flatly |strongly )*"
    r"(?:den(?:y|ies|ied)|rejected|dismissed)\b|a claim (?P<who2>[\w' ]{2,40}?) denies"
)
_ACTOR = re.compile(
    r"(?P<who>[A-Z][\w' ]{0,40}?)\s+(?:has |have |had |also )*(?:launched|carried out|conducted"
    r"|fired|deployed|dropped|planted|shelled|attacked|struck|bombed)\b"
)


_KIND_RX = [(kind, re.compile(rf"\b(?:{pattern})\b", re.I)) for kind, pattern in KINDS]
KIND_STEMS = (
    "strike",
    "jet",
    "f-16",
    "gripen",
    "bombard",
    "raid",
    "drone",
    "uav",
    "rocket",
    "bm-21",
    "launcher",
    "artiller",
    "shell",
    "mortar",
    "weapon",
    "mine",
    "toxic",
    "chemical",
    "cluster",
    "clash",
    "fight",
    "fire",
    "skirmish",
)


def _kind(text: str) -> str | None:
    lowered = text.lower()
    if not any(stem in lowered for stem in KIND_STEMS):
        return None
    return next((kind for kind, rx in _KIND_RX if rx.search(text)), None)


def find_incident(
    sentence: Sentence, report_id: str, published: date | None, places: list[PlaceMention]
) -> Incident | None:
    text = sentence.text
    kind = _kind(text)
    if kind is None or re.search(r"\bceasefire|truce|peace agreement\b", text, re.I) and kind == "armed_clash":
        return None
    accuse, deny, actor = _ACCUSE.search(text), _DENY.search(text), _ACTOR.search(text)
    local = [p for p in places if p.admin1]
    if kind == "armed_clash" and not (local or accuse):
        return None
    source = attribution(text)
    reported_by = one_country(accuse.group("who")) if accuse else one_country(source) if source else None
    accused = one_country(accuse.group("whom") or accuse.group("whom2")) if accuse else None
    if actor and not accused:
        accused = one_country(actor.group("who"))
    denied_by = one_country(deny.group("who") or deny.group("who2") or "") if deny else None
    dates = [d.date for d in find_dates(text, published, future=False) if d.date]
    return Incident(
        evidence=Evidence(report_id, text, sentence.start, sentence.end, text),
        kind=kind,
        places=tuple(dict.fromkeys(p.name for p in local)),
        admin1=tuple(dict.fromkeys(p.admin1 for p in local)),
        date=dates[0] if dates else None,
        reported_by=reported_by,
        accused=accused,
        denied_by=denied_by,
    )
