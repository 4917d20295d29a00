"""Casualty and displacement figures: killed, injured, displaced, with what qualifies each.

A number counts as a figure only where the grammar ties it to a metric: the metric right after it
("20 civilian deaths", "525,000 people displaced", "60 people have been killed") or a metric verb
right before it ("killing at least 40 people", "displacement of more than 140,000 civilians").
"""

from __future__ import annotations

import re
from datetime import date

from dashboard.episodes import episode_at, episode_named_in
from dashboard.extract.actors import attribution, countries_in, one_country
from dashboard.extract.numbers import AMOUNT, amount_value
from dashboard.extract.sentences import Sentence
from dashboard.records import Evidence, Figure

METRIC_AFTER = {
    "killed": r"killed|dead|died|deaths?|fatalities|lives lost|lost their lives|perished|slain",
    "injured": r"injured|wounded|injuries|hurt|casualties injured",
    "displaced": r"displaced|evacuated|evacuees|fled|flee|fleeing|relocated|uprooted|sheltering|in shelters"
    r"|in evacuation centres|in evacuation centers|homeless|forced (?:out )?(?:from|to flee|to leave)"
    r"|moved to (?:safer |temporary )?shelters|sought shelter|seeking shelter|refugees",
}
METRIC_BEFORE = {
    "killed": r"killing|killed|death toll (?:of|to|at|rose to|reached|climbed to|stands at|stood at)"
    r"|toll (?:of|rose to|reached|climbed to)|deaths of|lives of",
    "injured": r"injuring|wounding|injured|wounded",
    "displaced": r"displacing|displaced|displacement of|evacuating|evacuated|evacuation of|uprooting"
    r"|uprooted|forcing|forced|sending|sent|relocating|relocated",
}
PEOPLE = (
    r"(?:people|persons|civilians?|soldiers|troops|servicemen|military personnel|personnel|residents"
    r"|villagers|children|Thais|Cambodians|Thai|Cambodian|nationals|citizens|others|more|of them"
    r"|of its soldiers|of its troops|of its citizens|of (?:the )?(?:people|civilians|soldiers|troops|residents)"
    r"|military|civilian|army|in the border area"
    r"|in border areas|from border areas|across the border|on the Thai side|on the Cambodian side"
    r"|in Thailand|in Cambodia|inside Thailand|inside Cambodia|from their homes|and|so far|in total"
    r"|including|total)"
)
AUX = r"(?:have|has|had|were|was|are|been|being|now|reportedly|also|already|so far)"
QUALIFIERS = [
    ("at_least", r"at least|no fewer than|a minimum of"),
    ("more_than", r"more than|over|upwards of|in excess of|above|exceeding"),
    ("nearly", r"nearly|almost|close to|just under"),
    ("about", r"about|around|approximately|some|roughly|an estimated|estimated|an approximate|approx\."),
    ("up_to", r"up to|as many as"),
]
_QUAL = "|".join(p for _, p in QUALIFIERS)
NUMBER_WORD = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|a|an)"
_AFTER = {
    m: re.compile(rf"^(?:\s+{PEOPLE}|\s+{AUX}|\s+{NUMBER_WORD}){{0,7}}\s+(?:{p})\b", re.I)
    for m, p in METRIC_AFTER.items()
}
_BEFORE = {m: re.compile(rf"\b(?:{p})\s+(?:(?:{_QUAL})\s+)?(?:the\s+)?$", re.I) for m, p in METRIC_BEFORE.items()}
_QUAL_BEFORE = re.compile(rf"(?:{_QUAL})\s+$", re.I)
LOOKBACK = 80  # characters before a number that its rules look at (end-anchored patterns stay cheap)
_TO_FLEE = re.compile(rf"^(?:\s+{PEOPLE}|\s+\w+){{0,6}}\s+to (?:flee|leave|evacuate)\b", re.I)
_NOT_PEOPLE = re.compile(
    r"^\s*(?:%|per ?cent|km|kilomet|miles?|years?|days?|weeks?|months?|hours?|mm\b"
    r"|th\b|st\b|nd\b|rd\b|baht|riel|dollars?|US|\$|-year|-day|-kilomet|,\d)",
    re.I,
)
_DATEISH = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.?\s*$"
)
GROUPS = [
    ("military", r"soldiers?|troops|military|servicemen|personnel|army|marines?"),
    ("civilian", r"civilians?|residents|villagers|children"),
]
CLAUSE_BREAK = re.compile(r",\s*while\b|;|\bwhile\b|\bwhereas\b|,\s*but\b|\bmeanwhile\b", re.I)


def _metric(text: str, m: re.Match) -> str | None:
    after, before = text[m.end() :], text[max(0, m.start() - LOOKBACK) : m.start()]
    if _NOT_PEOPLE.match(after) or _DATEISH.search(before):
        return None
    for metric, rx in _AFTER.items():
        if rx.match(after):
            return metric
    for metric, rx in _BEFORE.items():
        if rx.search(before):
            if (
                metric == "displaced"
                and re.search(
                    r"(?:forcing|forced|sending|sent)\s+\S*\s*$|"
                    r"(?:forcing|forced|sending|sent)\s+(?:\w+\s+){0,2}$",
                    before,
                    re.I,
                )
                and not _TO_FLEE.match(after)
            ):
                continue
            return metric
    return None


def _qualifier(before: str, vague: bool) -> str:
    if vague:
        return "vague"
    for name, pattern in QUALIFIERS:
        if re.search(rf"\b(?:{pattern})\s+$", before, re.I):
            return name
    return "exact"


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The parts of the number's clause before and after it."""
    breaks = [b.end() for b in CLAUSE_BREAK.finditer(text) if b.end() <= start]
    after_break = next((b.start() for b in CLAUSE_BREAK.finditer(text) if b.start() >= end), len(text))
    return text[(breaks[-1] if breaks else 0) : start], text[end:after_break]


def _country(before: str, after: str) -> str | None:
    near_after = " ".join(after.split()[:6])
    for text in (near_after, before):
        c = one_country(text)
        if c:
            return c
    cues = countries_in(before)
    return cues[-1] if cues and not one_country(before) and len(set(cues)) == 1 else None


def _group(after: str, before: str) -> str | None:
    """civilian or military from the words right after the number, else right before it."""
    for near in (" ".join(after.split()[:3]), " ".join(before.split()[-2:])):
        for group, pattern in GROUPS:
            if re.search(rf"\b(?:{pattern})\b", near, re.I):
                return group
    return None


# Word stems without which a sentence cannot state a figure: a cheap test before the patterns.
METRIC_STEMS = (
    "kill",
    "dead",
    "died",
    "death",
    "fatalit",
    "lives",
    "perish",
    "slain",
    "toll",
    "injur",
    "wound",
    "hurt",
    "displac",
    "evacu",
    "fled",
    "flee",
    "reloc",
    "uproot",
    "shelter",
    "homeless",
    "forc",
    "refugee",
)


def find_figures(sentence: Sentence, report_id: str, published: date | None) -> list[Figure]:
    text = sentence.text
    figures = []
    lowered = text.lower()
    if not any(stem in lowered for stem in METRIC_STEMS):
        return figures
    for m in AMOUNT.finditer(text):
        metric = _metric(text, m)
        if metric is None:
            continue
        value = amount_value(m)
        vague = m.group("vague") is not None
        if value is None and not vague:
            continue
        before, after = _clause(text, m.start(), m.end())
        tail = _AFTER[metric].match(text[m.end() :])
        end = m.end() + (tail.end() if tail else 0)
        lookback = max(0, m.start() - LOOKBACK)
        qual = _QUAL_BEFORE.search(text, lookback, m.start())
        start = qual.start() if qual else m.start()
        evidence = Evidence(report_id, text, sentence.start + start, sentence.start + end, text[start:end])
        figures.append(
            Figure(
                evidence=evidence,
                metric=metric,
                value=value,
                value_text=m.group(0),
                qualifier=_qualifier(text[lookback : m.start()], vague),
                country=_country(before, after),
                group=_group(after, text[lookback : m.start()]),
                source=attribution(before + text[m.start() :]) or attribution(text),
                period=episode_named_in(text) or episode_at(published),
            )
        )
    return figures


def dedupe(figures: list[Figure]) -> list[Figure]:
    """One figure per statement: the same metric, value and country count once in a report."""
    seen, out = set(), []
    for f in figures:
        key = (f.metric, f.value if f.value is not None else f.value_text.lower(), f.country)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
