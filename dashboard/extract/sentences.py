"""Sentence splitting with character spans into the report text.

A small rule-based splitter: paragraphs are lines; a sentence ends at . ! or ? (and any closing
quote or bracket) followed by a space and a capital, digit or quote, unless the word before the
full stop is a known abbreviation or a single capital letter (U.S., Gen., Dr.). It is fast enough for
thousands of reports a second, which the general-purpose splitters we tried are not.

The stages read a sentence's text alone (its report's context comes after, from its places), so their
per-text work is memoised: many outlets carry the same lines, and a report's boilerplate repeats.
SENTENCE_CACHE is the number of distinct texts each stage remembers; `per_text` memoises a stage
whose records depend on nothing but the sentence's text and the report's date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import lru_cache, wraps
from typing import NamedTuple, TypeVar

from dashboard.records import Evidence

SENTENCE_CACHE = 8192
R = TypeVar("R")

ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "adm",
    "rep",
    "sen",
    "gov",
    "st",
    "no",
    "vs",
    "etc",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "ltd",
    "co",
    "corp",
    "approx",
    "est",
    "fig",
    "pm",
    "am",
    "hon",
    "rev",
    "pol",
    "cpl",
}
# `[.!?]` written first on its own (not `[.!?]+`) lets `re` skip to the candidates by their first character.
_END = re.compile(r"""[.!?][.!?]*["')\]]*(?=\s+["'(\[]?[A-Z0-9])""")


class Sentence(NamedTuple):
    """A sentence of a report and where it stands. Made for every sentence of every report (most of them read
    before, their records found once per text): a named tuple, immutable like the records and made in about
    half the time of a frozen dataclass."""

    start: int
    end: int
    text: str
    paragraph: int = 0  # index of its paragraph (line) in the report


_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _is_abbreviation(paragraph: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation: the run of ASCII letters before it (within
    12 characters) is a known one or a single capital."""
    if paragraph[dot] != ".":
        return False
    start, low = dot, max(0, dot - 12)
    while start > low and paragraph[start - 1] in _LETTERS:
        start -= 1
    if start == dot:
        return False
    w = paragraph[start:dot]
    return w.lower() in ABBREVIATIONS or (len(w) == 1 and w.isupper())


def _in_brackets(paragraph: str, start: int, end: int) -> bool:
    """Whether a full stop lies inside a bracket opened in its sentence and not yet closed ("(0600 a.m. IST)"):
    a sentence does not end inside brackets."""
    return paragraph.find("(", start, end) >= 0 and paragraph.count("(", start, end) > paragraph.count(")", start, end)


@lru_cache(maxsize=SENTENCE_CACHE)
def _split_paragraph(paragraph: str) -> tuple[tuple[int, int, str], ...]:
    """The sentences of a paragraph: (start, end, text), offsets into the paragraph."""
    out = []
    start = 0
    for m in _END.finditer(paragraph):
        if _is_abbreviation(paragraph, m.start()) or _in_brackets(paragraph, start, m.end()):
            continue
        out.append((start, m.end(), paragraph[start : m.end()]))
        start = m.end()
        while start < len(paragraph) and paragraph[start] == " ":
            start += 1
    if start < len(paragraph):
        out.append((start, len(paragraph), paragraph[start:]))
    return tuple(out)


def split_sentences(text: str) -> list[Sentence]:
    sentences = []
    offset = 0
    for number, paragraph in enumerate(text.split("\n")):
        for start, end, sentence in _split_paragraph(paragraph):
            sentences.append(Sentence(offset + start, offset + end, sentence, number))
        offset += len(paragraph) + 1
    return sentences


def per_text(stage: Callable[[Sentence, str, date | None], list[R]]) -> Callable[[Sentence, str, date | None], list[R]]:
    """A stage `(sentence, report_id, published) -> records` that reads only the sentence's text and the
    published date, memoised by them: the records are found once per distinct text (as if the sentence
    began the report), then given each report's id and offsets."""

    @lru_cache(maxsize=SENTENCE_CACHE)
    def on_text(text: str, published: date | None) -> tuple[R, ...]:
        return tuple(stage(Sentence(0, len(text), text), "", published))

    @wraps(stage)
    def run(sentence: Sentence, report_id: str, published: date | None) -> list[R]:
        found = on_text(sentence.text, published)
        if not found:
            return []
        at = sentence.start
        return [
            replace(r, evidence=Evidence(report_id, e.sentence, at + e.start, at + e.end, e.quote))
            for r in found
            for e in (r.evidence,)
        ]

    return run
