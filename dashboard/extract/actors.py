"""Who says what: the country a phrase points at, and who a sentence attributes a statement to."""

from __future__ import annotations

import re

COUNTRY_CUES = {
    "KH": r"Cambodia|Cambodian|Cambodians|Khmer|Phnom Penh|Hun Manet|Hun Sen",
    "TH": r"Thailand|Thai|Thais|Bangkok|Anutin|Sihasak",
}
_CUE = re.compile("|".join(rf"(?P<{c}>\b(?:{p})\b)" for c, p in COUNTRY_CUES.items()))
BOTH = re.compile(
    r"\b(?:Thailand|Cambodia|Thai|Cambodian)\s+and\s+(?:Thailand|Cambodia|Thai|Cambodian)\b"
    r"|\bboth (?:sides|countries|nations)\b|\bbetween\b"
)

SPEECH = (
    r"said|says|say|reported|reports|report|cited|cites|cite|told|announced|stated|estimated|put"
    r"|confirmed|counted|recorded|added|noted"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<who>(?:the )?[^,.;]{3,80}?)(?=[,.;]|$| on | at | in )")
_SAID = re.compile(
    rf"(?P<who>(?:(?:the|The)\s+)?(?:[A-Z][\w'-]*\s+){{0,5}}"
    rf"(?:[Mm]inistry(?: of [A-Z]\w+)?|authorities|officials|official|army|military|government|spokes\w+"
    rf"|police|agency|office|Interior|Defence|Defense|Thailand|Cambodia|[A-Z][a-z]+))"
    rf"(?:\s+(?:on \w+|also|has|have|had|earlier))*\s+(?:{SPEECH})\b"
)


def countries_in(text: str) -> list[str]:
    """Country codes cued in a text, in order of appearance."""
    return [m.lastgroup for m in _CUE.finditer(text)]


def one_country(text: str) -> str | None:
    """The single country a text points at, or None if it names none or both."""
    if BOTH.search(text):
        return None
    found = set(countries_in(text))
    return found.pop() if len(found) == 1 else None


def attribution(sentence: str) -> str | None:
    """Who the sentence attributes its statement to, as written ('Cambodia's Ministry of Interior')."""
    m = _ACCORDING.search(sentence) or _SAID.search(sentence)
    if not m:
        return None
    who = re.sub(r"^(?:the|The)\s+", "", m.group("who")).strip()
    return who if len(who) > 2 and who.lower() not in {"he", "she", "they", "it", "this"} else None
