"""lexicon.Folded reads a case-insensitive pattern case-sensitively in an ASCII text lowercased: it must find what
the pattern finds (the same spans, the same groups), in any casing, and refuse a pattern it cannot read so."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.extract import actors, figures, incidents, lexicon, meetings, places, statements
from dashboard.extract.lexicon import Folded


def _folded() -> dict[str, Folded]:
    found = {}
    for module in (actors, figures, incidents, meetings, places, statements):
        for name, value in vars(module).items():
            if isinstance(value, Folded):
                found[f"{module.__name__.rsplit('.', 1)[-1]}.{name}"] = value
    return found


FOLDED = _folded()
EXAMPLES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _drawable(rx: re.Pattern) -> re.Pattern:
    """The pattern without a leading lookahead of first letters (lexicon.starting_with), which hypothesis cannot
    draw from."""
    m = re.fullmatch(r"(?:\\b)?\(\?=\[[^]]+\]\)\(\?:(.*)\)", rx.pattern, re.S)
    return re.compile(m.group(1), rx.flags) if m else rx


def _found(rx, text: str) -> list:
    return [(m.span(), m.lastgroup, m.lastindex) for m in rx.finditer(text)]


def _span(m: re.Match | None) -> tuple[int, int] | None:
    return m.span() if m else None


@pytest.mark.parametrize("name", sorted(FOLDED))
@EXAMPLES
@given(data=st.data())
def test_a_folded_pattern_finds_what_the_pattern_finds(name, data):
    folded = FOLDED[name]
    drawn = data.draw(
        st.from_regex(_drawable(folded.any_case), fullmatch=True, alphabet=st.characters(max_codepoint=127))
    )
    flips = data.draw(st.lists(st.booleans(), min_size=len(drawn), max_size=len(drawn)))
    cased = "".join(ch.swapcase() if flip else ch for ch, flip in zip(drawn, flips, strict=True))
    for text in (cased, f"x{cased} y", f"({cased}), {cased.upper()}."):
        assert _found(folded, text) == _found(folded.any_case, text)
        assert bool(folded.search(text)) == bool(folded.any_case.search(text))
        at = len(text) // 2
        assert _span(folded.search(text, at)) == _span(folded.any_case.search(text, at))
        assert _span(folded.match(text)) == _span(folded.any_case.match(text))
        assert _span(folded.fullmatch(text)) == _span(folded.any_case.fullmatch(text))


def test_folded_finds_in_any_casing_and_reads_other_text_with_the_pattern():
    rx = lexicon.folded(r"\b(?P<war>cease-?fires?|UXOs?|[A-Z]\d)\b")
    text = "The CeaseFire held; uxo and b2 were found."
    assert [(m.span(), m.lastgroup) for m in rx.finditer(text)] == [
        ((4, 13), "war"),
        ((20, 23), "war"),
        ((28, 30), "war"),
    ]
    assert rx.search("Café ceasefires").group() == "ceasefires"  # not ASCII: the pattern itself, in the text as written
    assert rx.search("The Ceasefire").group() == "ceasefire"  # ASCII: the lowercased text's
    assert rx.fullmatch("CeaseFires").span() == (0, 10)
    assert rx.fullmatch("CeaseFires held") is None


@pytest.mark.parametrize(
    "pattern",
    [
        r"[0-Z]",  # a range across cases: lowercasing it changes what it holds
        r"[A-z]+",
        "ſtop",  # folds to an ASCII letter under re.IGNORECASE
        r"\u017ftop",
        r"(?-i:Thai)",  # a part read case-sensitively
    ],
)
def test_folded_refuses_a_pattern_it_cannot_read_lowercased(pattern):
    with pytest.raises(ValueError):
        lexicon.folded(pattern)


# incidents._DENYING, read for every sentence of a report, written with each word's boundary after its first letter
# (lexicon.whole_words): it must find what the pattern with the boundaries in front finds.
_DENYING_WRITTEN = re.compile(r"\bden(?:y|ies|ied)\b|\breject|\bdismiss")


@EXAMPLES
@given(
    text=st.lists(
        st.sampled_from(["deny", "denies", "denied", "den", "reject", "dismiss", "x", " ", "-", "é", "Deny", "1"]),
        max_size=10,
    ).map("".join)
)
def test_the_denial_test_finds_what_the_pattern_with_boundaries_in_front_finds(text):
    assert _span(incidents._DENYING.search(text)) == _span(_DENYING_WRITTEN.search(text))
