"""Amounts written in reports: '525,000', '1.2 million', 'half a million', 'sixteen', 'dozens'.

Number words are read by the `text2num` library; digits, scales and fractions of a million here.
Vague amounts ('dozens', 'hundreds of thousands') are recognised but never turned into numbers.
"""

from __future__ import annotations

import re

from text_to_num import text2num

_UNITS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
NUMBER_WORDS = _UNITS  # the number words up to ninety, for patterns of other modules ("eight of them")
_WORD_NUMBER = rf"(?:{_UNITS})(?:[\s-]+(?:{_UNITS}|hundred|thousand|and(?=\s+(?:{_UNITS}))))*"
SCALES = {"thousand": 1_000, "million": 1_000_000, "m": 1_000_000, "k": 1_000, "billion": 1_000_000_000}
FRACTIONS = {
    "half a": 0.5,
    "half of a": 0.5,
    "a quarter of a": 0.25,
    "a quarter": 0.25,
    "a": 1.0,
    "one and a half": 1.5,
    "a half": 0.5,
}
VAGUE = (
    r"(?:tens of thousands|hundreds of thousands|several thousand|thousands|several hundred|hundreds"
    r"|dozens|scores|a dozen|several dozen)"
)

AMOUNT = re.compile(
    rf"(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:\s*(?P<dscale>million|thousand|billion)\b)?"
    rf"|(?P<fraction>one and a half|half (?:of )?a|a quarter(?: of a)?|a)\s+(?P<fscale>million|thousand)\b"
    rf"|(?P<words>\b{_WORD_NUMBER}\b)(?:\s+(?P<wscale>million|thousand)\b)?"
    rf"|(?P<vague>\b{VAGUE}\b)",
    re.IGNORECASE,
)


# First words of the amounts that are not digits: where AMOUNT is worth trying.
STARTERS = (*_UNITS.split("|"), "half", "a", "tens", "hundreds", "thousands", "several", "dozens", "scores")
# A number word only at a word's start, with the letters one can begin with in front as a lookahead: `re` fails at
# once at every other position instead of trying the alternation's branches there (the same matches;
# tests/test_extract_guards.py compares).
_FIRST = "".join(sorted({w[0] for w in STARTERS}))
_STARTS = rf"\d|\b(?=[{_FIRST}])(?:" + "|".join(sorted(STARTERS, key=len, reverse=True)) + r")\b"
_START = re.compile(_STARTS)
_START_ANY_CASE = re.compile(_STARTS, re.I)  # for the rare text whose lowercase changes length


def amounts(text: str):
    """AMOUNT's matches in a text, as AMOUNT.finditer gives them, but tried only where one can begin
    (a digit or a number word, found in the lowercased text): several times faster on long sentences."""
    pos = 0
    lowered = text.lower()
    starts = _START.finditer(lowered) if len(lowered) == len(text) else _START_ANY_CASE.finditer(text)
    for start in starts:
        if start.start() < pos:
            continue
        m = AMOUNT.match(text, start.start())
        if m:
            pos = m.end()
            yield m


def amount_value(m: re.Match) -> int | None:
    """The value of an AMOUNT match, or None for a vague amount."""
    if m.group("digits"):
        value = float(m.group("digits").replace(",", ""))
        return round(value * SCALES.get((m.group("dscale") or "").lower(), 1))
    if m.group("fraction"):
        return round(FRACTIONS[m.group("fraction").lower()] * SCALES[m.group("fscale").lower()])
    if m.group("words"):
        try:
            value = text2num(m.group("words").lower().replace("-", " "), "en")
        except ValueError:
            return None
        return value * SCALES.get((m.group("wscale") or "").lower(), 1)
    return None


def parse_amount(text: str) -> int | None:
    """The number a whole phrase states ('half a million' → 500000); None if vague or not a number."""
    m = AMOUNT.fullmatch(text.strip())
    return amount_value(m) if m else None
