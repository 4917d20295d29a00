"""When the current fighting began, as each report states it ('reignited on December 7',
'since hostilities resumed on December 8'). Reports disagree; the dashboard shows every claim."""

from __future__ import annotations

import re
from datetime import date

from dashboard.extract.dates import find_dates, with_ranges
from dashboard.extract.lexicon import precheck
from dashboard.extract.sentences import Sentence, per_text
from dashboard.records import Evidence, Onset

FIGHTING = re.compile(r"\b(?:fighting|hostilities|clashes|conflict|gunfire|violence|war|combat|border)\b", re.I)
ONSET = r"reignited|resumed|broke out|returned|erupted|flared(?: up)?|restarted|began|since"
# the verb and the day in one clause: "erupted along the border on the morning of July 24"
ONSET_BEFORE = re.compile(rf"\b(?:{ONSET})\b(?:\s+[^\s;]+){{0,9}}\s+(?:on\s+)?$", re.I)
# A span of fighting told by its first day: "five days of fighting from July 24", "the clashes between 24 and 28 July",
# "hostilities starting on 7 December" — the fighting noun, then the preposition that opens the span, then the day.
SPAN_FROM = re.compile(
    r"\b(?:fighting|hostilities|clashes|combat|war)\s+(?:[\w-]+\s+){0,2}?(?:from|between|starting|beginning)\s+(?:on\s+)?$",
    re.I,
)
ONSET_CHECK = precheck(ONSET + "|from|between|starting|beginning")
# A verb that tells the fighting beginning (not "since", which tells a period from it).
BEGINNING = re.compile(r"\b(?:reignited|resumed|broke out|erupted|flared(?: up)?|restarted|began)\b", re.I)


def may_state(text: str) -> bool:
    """Whether a text can state an onset at all (find_onsets finds none in a text that cannot)."""
    return ONSET_CHECK.search(text) and FIGHTING.search(text) is not None


@per_text
def find_onsets(sentence: Sentence, report_id: str, published: date | None) -> list[Onset]:
    text = sentence.text
    if not may_state(text):
        return []
    out = []
    for d in with_ranges(text, find_dates(text, published, future=False)):  # a span: its first day
        if (
            d.date
            and (published is None or d.date <= published)
            and (ONSET_BEFORE.search(text[max(0, d.start - 60) : d.start]) or SPAN_FROM.search(text, 0, d.start))
        ):
            out.append(
                Onset(Evidence(report_id, text, sentence.start + d.start, sentence.start + d.end, d.text), d.date)
            )
    return out
