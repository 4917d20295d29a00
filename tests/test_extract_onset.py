"""When the current fighting began, as each report states it."""

from datetime import date

import pytest

from dashboard.extract import extract
from dashboard.read import make_report


def onsets(text, published=date(2025, 12, 22)):
    return [o.date for o in extract(make_report(text, published=published)).onsets]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The hostilities, which reignited on December 7, continued.", date(2025, 12, 7)),
        ("The conflict reignited on 8 December along the border.", date(2025, 12, 8)),
        ("It was their first meeting since fighting resumed on December 8.", date(2025, 12, 8)),
        ("Armed clashes erupted along the disputed border on the morning of December 8.", date(2025, 12, 8)),
    ],
)
def test_onset_claims(text, day):
    assert onsets(text) == [day]


def test_a_meeting_date_is_not_an_onset():
    assert onsets("Defence officials will meet on 24 December in Chanthaburi.") == []


# The unseen batch 4 audit (item 27): a span of fighting told by its first day
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Five days of fighting from July 24 killed at least 42 people on both sides.", date(2025, 7, 24)),
        ("The clashes between 24 and 28 July displaced 270,000 people.", date(2025, 7, 24)),
        ("Hostilities starting on 7 December forced schools to close.", date(2025, 12, 7)),
    ],
)
def test_a_span_of_fighting_told_by_its_first_day_is_an_onset(text, day):
    assert onsets(text) == [day]


def test_a_span_of_something_else_is_no_onset():
    assert onsets("The border was closed from July 24, and aid flowed from August 2.") == []
