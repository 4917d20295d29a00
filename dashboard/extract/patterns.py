"""Compiling the extraction's patterns so that a search skips quickly over text where they cannot start.

Python's `re` scans fast only for a pattern that begins with a literal. Most of ours begin with `\\b`, an
alternation of words, or are case-insensitive, and then every position of the text tries every
alternative. `compiled` reads the pattern's parse tree for the characters a match can begin with and
puts them in front as a lookahead (`(?=[…])`): a position whose character is not one of them fails at
once. The set is a superset of the true first characters, so matches are exactly those of the plain
pattern; a pattern whose first characters cannot be bounded (`.`, a negated class, an empty match) is
compiled as it is.
"""

from __future__ import annotations

import re
import re._constants as C
import re._parser as P

_CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d",
    C.CATEGORY_NOT_DIGIT: r"\D",
    C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S",
    C.CATEGORY_WORD: r"\w",
    C.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


class _Unbounded(Exception):
    """The pattern's first character cannot be told from its parse tree."""


def _char(code: int) -> str:
    return re.escape(chr(code))


def _first(items, nocase: bool, exact: list[str], folded: list[str]) -> bool:
    """Add the characters a match of `items` (a parsed sequence) can begin with to `exact` (case as
    written) or `folded` (any case); True if the sequence can match the empty string."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        out = folded if nocase else exact
        if op is C.LITERAL:
            out.append(_char(av))
            return False
        if op is C.IN:
            for kind, value in av:
                if kind is C.LITERAL:
                    out.append(_char(value))
                elif kind is C.RANGE:
                    out.append(f"{_char(value[0])}-{_char(value[1])}")
                elif kind is C.CATEGORY and value in _CATEGORIES:
                    out.append(_CATEGORIES[value])
                else:
                    raise _Unbounded
            return False
        if op is C.SUBPATTERN:
            _, add, remove, sub = av
            if (add | remove) & ~(re.IGNORECASE | re.MULTILINE):
                raise _Unbounded
            scoped = (nocase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            if not _first(sub, scoped, exact, folded):
                return False
        elif op is C.ATOMIC_GROUP:
            if not _first(av, nocase, exact, folded):
                return False
        elif op is C.BRANCH:
            empty = False
            for alternative in av[1]:
                empty |= _first(alternative, nocase, exact, folded)
            if not empty:
                return False
        elif op in _REPEATS:
            low, _, sub = av
            if not _first(sub, nocase, exact, folded) and low > 0:
                return False
        else:
            raise _Unbounded
    return True


def first_characters(pattern: str, flags: int = 0) -> str | None:
    """A character class (or two: as written, and any case) matching every character a match of the
    pattern can begin with; None when they cannot be bounded."""
    if flags & ~(re.IGNORECASE | re.MULTILINE):
        return None
    try:
        parsed = P.parse(pattern, flags)
        if parsed.state.flags & ~re.UNICODE != flags:
            return None  # global inline flags: the pattern cannot be wrapped
        exact: list[str] = []
        folded: list[str] = []
        if _first(parsed.data, bool(flags & re.IGNORECASE), exact, folded):
            return None  # it can match the empty string anywhere
    except _Unbounded:
        return None
    classes = [f"[{''.join(dict.fromkeys(exact))}]"] if exact else []
    classes += [f"(?i:[{''.join(dict.fromkeys(folded))}])"] if folded else []
    return "|".join(classes)


def _fast_already(items) -> bool:
    """Whether `re` finds the pattern's starts by itself: it begins with a literal, a class, or an
    alternation whose every branch begins with a literal."""
    if not items:
        return False
    op, av = items[0]
    if op is C.BRANCH:
        return all(alternative and alternative[0][0] is C.LITERAL for alternative in av[1])
    return op in (C.LITERAL, C.IN)


def compiled(pattern: str, flags: int = 0) -> re.Pattern:
    """The pattern compiled with its first characters as a lookahead (see the module's doc), unless `re`
    already searches for its starts fast."""
    if not flags & re.IGNORECASE and _fast_already(P.parse(pattern, flags).data):
        return re.compile(pattern, flags)
    first = first_characters(pattern, flags)
    if first is None:
        return re.compile(pattern, flags)
    return re.compile(f"(?={first})(?:{pattern})", flags)
