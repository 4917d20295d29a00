"""Patterns compiled with their first characters in front match exactly what the plain patterns match."""

import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.extract.patterns import compiled, first_characters

MODULES = ("actors", "dates", "figures", "incidents", "meetings", "numbers", "onset", "places", "sentences")


def module_patterns():
    out = []
    for name in MODULES:
        for attr, value in vars(importlib.import_module(f"dashboard.extract.{name}")).items():
            values = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
            for v in values:
                v = v[-1] if isinstance(v, tuple) and v else v
                if isinstance(v, re.Pattern):
                    out.append((f"{name}.{attr}", v))
    return out


PATTERNS = module_patterns()
TEXTS = [
    "Thailand's army said at least 12 soldiers were killed in Sisaket province on Monday.",
    "Cambodia accused Thailand of firing rockets near the Chong Chom checkpoint, a claim Thailand denied.",
    "Defence officials will meet on 24 December in Chanthaburi under the General Border Committee.",
    "More than 400,000 people have fled; tens of thousands are sheltering in temples, while others went home.",
    "KUALA LUMPUR, Dec. 22 - The ASEAN foreign ministers' meeting was held at 4.20pm (Reuters).",
    "Fighting reignited on December 7 and F-16s struck positions near Ta Muen Thom; the U.S. urged calm.",
    "ſtate Kelvin \u212a İstanbul ÀÉÎ naïve 'quoted' \"double\" — dash; tomorrow Christmas Eve.",
]


def spans(rx, text):
    return [(m.span(), m.lastgroup, m.groupdict()) for m in rx.finditer(text)]


@pytest.mark.parametrize(("name", "rx"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_a_compiled_pattern_matches_as_the_plain_one(name, rx):
    plain = re.compile(rx.pattern, rx.flags & ~re.UNICODE)
    fast = compiled(rx.pattern, rx.flags & ~re.UNICODE)
    for text in TEXTS:
        assert spans(fast, text) == spans(plain, text)
        for pos in range(len(text)):
            assert bool(fast.match(text, pos)) == bool(plain.match(text, pos))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab AB.,;-'\u212aſkKsS19\nDecMonthThai", max_size=40))
def test_any_text_is_matched_alike(text):
    for _, rx in PATTERNS:
        plain = re.compile(rx.pattern, rx.flags & ~re.UNICODE)
        assert spans(compiled(rx.pattern, rx.flags & ~re.UNICODE), text) == spans(plain, text)


def test_first_characters():
    assert first_characters(r"\b(?:killed|dead)\s+$", re.I) == "(?i:[kd])"
    assert first_characters(r"(?i:army|navy)|x") == "[x]|(?i:[an])"
    assert first_characters(r"\d+|Monday") == r"[\dM]"
    # unbounded or empty: compiled as they are
    assert first_characters(r"a*") is None
    assert first_characters(r".x") is None
    assert first_characters(r"[^a]") is None
    assert first_characters(r"(?i)abc") is None
