"""The extraction's shared word lists and pre-checks: the lists kept as data (dashboard/data/lexicon/*.csv,
a reason per row: countries, government seats, cue words of figures, incidents and meetings, names that are no
place), months and weekdays, and `precheck`, which derives from a table's patterns the cheap check that
decides whether a sentence is worth matching at all, so the two cannot drift apart. Patterns that belong to
one stage (a meeting's bodies, a figure's metric words) stay in that stage's module.

A pre-check is the set of literal stems the table's phrases begin with (`stems`): a sentence none of
whose lowercased text contains any stem cannot match any phrase of the table.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicon"


def table(name: str) -> list[dict[str, str]]:
    """The rows of a word list (dashboard/data/lexicon/NAME.csv: word, kind, reason). Every row must
    say why it is there: a list is data to review, not code to grow one report at a time."""
    with (LEXICON_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for i, row in enumerate(rows, start=2):
        if not (row.get("word") or "").strip() or not (row.get("reason") or "").strip():
            raise ValueError(f"{name}.csv line {i}: a row needs a word and a reason")
    return rows


def words(name: str, kind: str | None = None) -> tuple[str, ...]:
    """The words of a list (of one kind only, if given), in file order."""
    return tuple(r["word"].strip() for r in table(name) if kind is None or r["kind"].strip() == kind)


# Seats of government: a report names the government by its capital ("Bangkok accused …"). The
# gazetteer's foreign capitals (kind "capital") are treated the same way; these are the others.
GOVERNMENT_SEATS = words("government_seats")

# Countries and regions a report names beside places: never a place of the gazetteer's kinds.
COUNTRIES = words("countries")

COUNTRY_CUES = {code: words("country_cues", code) for code in ("KH", "TH")}

# Words a capitalised name in this news often is without being a place: parts of names, ordinary
# words, and the names of the leaders most reports name (kinds and reasons in the file).
NOT_PLACE_NAMES = frozenset(w.lower() for w in words("not_place_names"))

# Head words after a name the gazetteer lacks: the kind of place they make it ("X temple", "X mountain"), or
# "facility" for the last word of an organisation's or business's name, which is no place ("X Circuit").
PLACE_HEADS = {r["word"].strip().lower(): r["kind"].strip() for r in table("place_heads")}

# Type words after a name, by the kind of place they choose.
TYPE_WORDS = {
    "province": ("province",),
    "temple": ("temple", "temples"),
    "district": ("district",),
    "checkpoint": ("checkpoint", "crossing", "border"),
    "town": ("town", "city", "market"),
    "village": ("village",),
    "subdistrict": ("subdistrict", "sub-district", "tambon"),
    "commune": ("commune",),
}


def literal_prefix(pattern: str) -> str:
    """The literal text a regex alternative begins with, lowercased ('air ?strikes?' → 'air'). A space escaped as
    `re.escape` writes it (word_pattern: 'boundary\\ markers') is a space: the stem keeps its later words, and its
    pre-check key can be the rarest of them (`_rarest`) rather than the first."""
    out = []
    escaped = False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
            continue
        if ch == "\\" and pattern[i + 1 : i + 2] == " ":
            out.append(" ")
            escaped = True
            continue
        if ch in "\\[](){}|.^$":
            break
        if ch in "?*":
            out = out[:-1]
            break
        if ch == "+":
            break
        out.append(ch)
        if i + 1 < len(pattern) and pattern[i + 1] == "{":
            out = out[:-1]
            break
    return "".join(out).strip().lower()


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex ('a|b(?:c|d)|e' → ['a', 'b(?:c|d)', 'e'])."""
    parts, depth, start = [], 0, 0
    escaped = False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def starting_with(first: str, pattern: str) -> str:
    """`pattern` with the characters its matches can begin with (`first`) in front, as a lookahead: a
    case-insensitive alternation is otherwise tried branch by branch at every position, and `re` then fails at
    once at the others (the same matches; tests/test_extract_guards.py compares each pattern made so). When every
    alternative begins at a word boundary, the boundary goes first: inside a word it fails at once, before the
    lookahead and the alternatives are tried (about half the time of a search over a sentence)."""
    lead = "\\b" if all(alt.startswith("\\b") for alt in alternatives(pattern)) else ""
    return rf"{lead}(?=[{first}])(?:{pattern})"


def initials(*patterns: str) -> str:
    """The first letters of some patterns' alternatives, each of which begins with a letter, after a word boundary
    if any ("killing|lost" → "kl")."""
    firsts = {alt.removeprefix(r"\b")[0] for pattern in patterns for alt in alternatives(pattern)}
    if not all(ch.isalpha() for ch in firsts):
        raise ValueError(f"an alternative of {patterns!r} does not begin with a letter")
    return "".join(sorted(firsts))


def stems(*patterns: str) -> tuple[str, ...]:
    """The pre-check of some patterns: the literal stem of each of their alternatives. An alternative
    with no literal stem (it starts with a group) would make every sentence pass, so it is refused."""
    out: dict[str, None] = {}
    for pattern in patterns:
        for alt in alternatives(pattern):
            stem = literal_prefix(alt.removeprefix(r"\b"))
            if not stem:
                raise ValueError(f"no literal stem in {alt!r}: a pre-check needs one")
            out.setdefault(stem, None)
    return tuple(out)


_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


# Every pre-check made, and by the first three letters a word can begin with, the pre-checks such a word can
# pass, each as (its number, its keys of fewer than three letters, its longer keys) with those letters: a text's
# words are read once for all of them (`_passed`).
_PRECHECKS: list[Precheck] = []
_BY_START: dict[str, list[tuple[int, frozenset[str], tuple[str, ...]]]] = {}


@lru_cache(maxsize=64)
def _passed(text: str) -> frozenset[int]:
    """The numbers of the pre-checks a text passes: read once per sentence for all the stages' pre-checks,
    which ask within the same report. (The stages keep what they find for the lines that recur; a larger
    cache here would only keep thousands of sets alive for the garbage collector to walk.)"""
    passed: set[int] = set()
    by_start = _BY_START
    for word in _TOKEN.findall(text.lower()):
        for number, short, long in by_start.get(word[:3], ()):
            if number not in passed and (word in short or word.startswith(long)):
                passed.add(number)
    return frozenset(passed)


# Words too common to pre-check a sentence by, when a stem has a rarer word.
COMMON = frozenset(
    (
        "in",
        "to",
        "at",
        "of",
        "on",
        "the",
        "their",
        "them",
        "from",
        "back",
        "home",
        "went",
        "gone",
        "take",
        "taken",
        "moved",
        "staying",
        "lost",
        # the border and its boundary are named in most sentences of this news ("the Joint Boundary Commission")
        "border",
        "boundary",
    )
)


def _rarest(stem: str) -> str:
    words = _TOKEN.findall(stem)
    return max(words, key=lambda w: (w not in COMMON, len(w)))


class Precheck:
    """Whether a text can match some patterns: every alternative of them begins at a word boundary
    with a literal stem, so a text none of whose words begins like the stem's rarest word cannot
    match. Tests each word's first letters in a table: far cheaper than the patterns themselves."""

    def __init__(self, *patterns: str):
        self.stems = stems(*patterns)
        self.keys: dict[str, tuple[str, ...]] = {}
        for stem in self.stems:
            key = _rarest(stem)
            self.keys[key[:3]] = tuple(sorted({*self.keys.get(key[:3], ()), key}))
        self.starts = frozenset(self.keys)
        # A word begins like a key of three letters or more when it starts with it; a shorter key
        # ("up") is its whole first three letters, so only that word itself.
        self.long = tuple(k for ks in self.keys.values() for k in ks if len(k) >= 3)
        self.short = frozenset(k for ks in self.keys.values() for k in ks if len(k) < 3)
        # A word can only begin like a key with the same first three letters: the keys are filed by them.
        self.number = len(_PRECHECKS)
        _PRECHECKS.append(self)
        for start, keys in self.keys.items():
            entry = (self.number, frozenset(k for k in keys if len(k) < 3), tuple(k for k in keys if len(k) >= 3))
            _BY_START.setdefault(start, []).append(entry)
        _passed.cache_clear()  # texts read before this pre-check was made

    def search(self, text: str) -> bool:
        return self.number in _passed(text)


def precheck(*patterns: str) -> Precheck:
    return Precheck(*patterns)


def word_pattern(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def whole_words(words: Iterable[str]) -> str:
    """A case-sensitive pattern that finds the words (each beginning and ending with a letter or digit) as
    whole words: what `\\b(?:word_pattern(words))\\b` finds, several times faster. The word boundary
    before a word is checked after its first character (`(?<!\\w.)`: no word character before it), so
    every alternative begins with a literal and `re` skips to the positions where one can begin, instead
    of trying the whole alternation at every position."""
    out = []
    for w in sorted(words, key=len, reverse=True):
        if not (w[0].isalnum() and w[-1].isalnum()):
            raise ValueError(f"{w!r}: a whole word begins and ends with a letter or digit")
        out.append(rf"{re.escape(w[0])}(?<!\w.){re.escape(w[1:])}\b")
    return "|".join(out)


class Guarded:
    """A compiled pattern behind a quick test: every match of it contains one of `literals`, so a text that
    contains none cannot match and the pattern is not run (a few `in` tests instead of trying the pattern
    at every position, which `re` does slowly for case-insensitive alternations). For a case-insensitive
    pattern the literals are lowercase and an ASCII text is lowercased, which folds case exactly as
    re.IGNORECASE does for ASCII; any other text is left to the pattern. Same results as the pattern's
    own `search`, `match` and `finditer` (tests/test_extract_guards.py checks each guard against strings
    its pattern matches)."""

    def __init__(self, pattern: re.Pattern, literals: tuple[str, ...]):
        self.pattern = pattern
        self.literals = literals
        self.ignore_case = bool(pattern.flags & re.IGNORECASE)
        if self.ignore_case and any(lit != lit.lower() for lit in literals):
            raise ValueError(f"literals of a case-insensitive pattern must be lowercase: {literals}")

    def may_match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        if pos or endpos < len(text):
            text = text[pos:endpos]
        if self.ignore_case:
            if not text.isascii():
                return True
            text = text.lower()
        for literal in self.literals:  # noqa: SIM110 (a plain loop: no generator started per text, ~30 % faster)
            if literal in text:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.pattern.search(text, pos, endpos) if self.may_match(text, pos, endpos) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.pattern.match(text, pos, endpos) if self.may_match(text, pos, endpos) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.pattern.finditer(text, pos, endpos) if self.may_match(text, pos, endpos) else iter(())


def guarded(pattern: re.Pattern, *literals: str) -> Guarded:
    return Guarded(pattern, literals)


# What `Folded` refuses in a pattern: a character that re.IGNORECASE folds to an ASCII letter ('ı', 'ſ', the Kelvin
# sign) or an escape that may name one, a flag turned off inline, a class's range between an uppercase letter and
# anything but another ('[0-Z]' and '[0-z]' differ). Its letters are lowercased, outside its escapes and groups' names.
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
_MIXED_RANGE = re.compile(r"([A-Z])-(?![A-Z])|(?<![A-Z])-([A-Z])")
_CLASS = re.compile(r"\[\^?\]?(?:\\.|[^\]\\])*\]")  # a character class
_KEPT = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)")


def _lowered(pattern: str) -> str:
    """A case-insensitive pattern's text with its letters lowercased: the same matches, case-sensitive, in ASCII
    text lowercased."""
    escapes = {m.group()[1] for m in _KEPT.finditer(pattern) if m.group().startswith("\\")}
    if _FOLDS_TO_ASCII & set(pattern) or escapes & set("uUxN0123456789") or "(?-" in pattern:
        raise ValueError(f"{pattern!r}: not a pattern Folded can read in lowercased text")
    if any(_MIXED_RANGE.search(_KEPT.sub("", c)) for c in _CLASS.findall(pattern)):
        raise ValueError(f"{pattern!r}: a range between an uppercase letter and another character")
    out, pos = [], 0
    for m in _KEPT.finditer(pattern):
        out += [pattern[pos : m.start()].lower(), m.group()]
        pos = m.end()
    return "".join([*out, pattern[pos:].lower()])


class Folded:
    """A case-insensitive pattern that, in an ASCII text, is matched case-sensitively in the text lowercased:
    re.IGNORECASE folds every character it compares, and an alternation of words tried at every position is
    several times faster without it. For ASCII, lowercasing folds case exactly as re.IGNORECASE does and keeps
    every position, so matches begin and end where the pattern's own do, with the same groups; their text is the
    lowercased text's. Any other text is read by the pattern itself. (tests/test_extract_guards.py compares.)"""

    def __init__(self, pattern: str, flags: int = 0):
        self.any_case = re.compile(pattern, flags | re.IGNORECASE)
        self.lower = re.compile(_lowered(pattern), flags & ~re.IGNORECASE)
        self.pattern, self.flags = pattern, self.any_case.flags  # what the pattern's own attributes say

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        if text.isascii():
            return self.lower.search(text.lower(), pos, endpos)
        return self.any_case.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        if text.isascii():
            return self.lower.match(text.lower(), pos, endpos)
        return self.any_case.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        if text.isascii():
            return self.lower.fullmatch(text.lower(), pos, endpos)
        return self.any_case.fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        if text.isascii():
            return self.lower.finditer(text.lower(), pos, endpos)
        return self.any_case.finditer(text, pos, endpos)


def folded(pattern: str, flags: int = 0) -> Folded:
    return Folded(pattern, flags)
