"""Dates resolved against the published date."""

from datetime import date

import pytest

from dashboard.extract.dates import find_dates

MONDAY_22 = date(2025, 12, 22)
TUESDAY_23 = date(2025, 12, 23)


@pytest.mark.parametrize(
    ("text", "published", "future", "expected"),
    [
        ("they met on Monday", TUESDAY_23, False, date(2025, 12, 22)),
        ("they convened on Monday", MONDAY_22, False, date(2025, 12, 22)),
        ("officials would meet Wednesday", MONDAY_22, True, date(2025, 12, 24)),
        ("a meeting on Wednesday (24th)", TUESDAY_23, True, date(2025, 12, 24)),
        ("talks on Monday (December 22)", TUESDAY_23, False, date(2025, 12, 22)),
        ("will meet on 24 December", TUESDAY_23, True, date(2025, 12, 24)),
        ("will meet on December 24", TUESDAY_23, True, date(2025, 12, 24)),
        ("talks scheduled for Christmas Eve", TUESDAY_23, True, date(2025, 12, 24)),
        ("the meeting tomorrow", TUESDAY_23, True, date(2025, 12, 24)),
        ("signed on 3 January", date(2025, 12, 30), False, date(2026, 1, 3)),
        ("the accord of 26 October 2025", TUESDAY_23, False, date(2025, 10, 26)),
        # read in the past tense, a day far after the report is last year's; in the future tense, the nearest
        ("the soldiers it had held since July 29", date(2026, 2, 4), False, date(2025, 7, 29)),
        ("families went home on 20 March", date(2025, 12, 10), False, date(2025, 3, 20)),
        ("the talks on July 29", date(2026, 2, 4), True, date(2026, 7, 29)),
    ],
)
def test_dates_resolve_against_the_published_date(text, published, future, expected):
    assert find_dates(text, published, future)[0].date == expected


def test_vague_spans_stay_undated():
    assert find_dates("they will meet again later this week", TUESDAY_23, True) == []


def test_without_a_published_date_relative_dates_stay_unresolved():
    [mention] = find_dates("they will meet on Wednesday", None, True)
    assert mention.text == "Wednesday" and mention.date is None


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("they will meet next Tuesday", True, date(2025, 12, 30)),  # never the report's own day
        ("they will meet on Wednesday", True, date(2025, 12, 24)),
        ("they met last Monday", True, date(2025, 12, 22)),
        ("they will meet on Tuesday", True, date(2025, 12, 23)),  # a report of a Tuesday: that day
    ],
)
def test_next_and_last_say_the_week(text, future, expected):
    assert find_dates(text, TUESDAY_23, future)[0].date == expected


@pytest.mark.parametrize(
    ("text", "published", "future", "expected"),
    [
        ("the ceasefire was signed on Saturday", date(2025, 12, 29), False, date(2025, 12, 27)),  # Monday → back
        ("the ceasefire was signed on Saturday", date(2025, 12, 27), False, date(2025, 12, 27)),  # its own day
        ("the talks will resume on Monday", date(2025, 12, 27), True, date(2025, 12, 29)),  # a Saturday → next week
        ("fighting flared on Sunday", date(2026, 1, 1), False, date(2025, 12, 28)),  # across the year's end
    ],
)
def test_relative_days_across_a_week_boundary(text, published, future, expected):
    assert find_dates(text, published, future)[0].date == expected


def test_an_undated_report_anchors_its_weekdays_on_the_date_it_states():
    """A report nothing dates but its own text ("signed on 27 December"): its weekdays are read from that day."""
    from dashboard.extract import extract
    from dashboard.read import make_report

    report = make_report(
        "The defence ministers signed the joint statement on 27 December in Chanthaburi. "
        "The ceasefire they signed on Saturday took effect at noon."
    )
    assert report.published == date(2025, 12, 27) and report.dated_by == "text"
    assert find_dates("signed on Saturday", report.published, False)[0].date == date(2025, 12, 27)
    assert {m.date for m in extract(report).meetings} <= {date(2025, 12, 27)}


@pytest.mark.parametrize(
    "text,first,last",
    [
        ("the talks from 4 to 7 August in the capital", date(2025, 8, 4), date(2025, 8, 7)),
        ("moved to Malaysia from August 4-7, officials said", date(2025, 8, 4), date(2025, 8, 7)),
        ("between August 4 and 7", date(2025, 8, 4), date(2025, 8, 7)),
        ("set to run from Oct 26 to 28", date(2025, 10, 26), date(2025, 10, 28)),
        ("from 26 October to 2 November", date(2025, 10, 26), date(2025, 11, 2)),
        ("from 30 December to 2 January", date(2025, 12, 30), date(2026, 1, 2)),
    ],
)
def test_a_span_of_days_is_one_date_its_first_day_with_its_last_day_read_from_its_text(text, first, last):
    from dashboard.extract.dates import range_end, with_ranges

    [d] = with_ranges(text, find_dates(text, date(2025, 8, 1), future=True))  # spans told as plans
    assert (d.date, range_end(d.text, d.date)) == (first, last)


@pytest.mark.parametrize("text", ["on 4 and 7 August", "met on 7 August; 12 were hurt", "on August 4, 2025, then"])
def test_two_days_or_one_day_are_no_span(text):
    from dashboard.extract.dates import range_end, with_ranges

    assert all(range_end(d.text, d.date) is None for d in with_ranges(text, find_dates(text, date(2025, 8, 1), False)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative day word opening a sentence is capitalised: the same day as in mid-sentence
        (
            "Yesterday morning at about 9:20, a patrol of the Suranari Task Force stepped on a landmine near"
            " Ban Nong Ya Kaeo in Huai Thap Than district, Sisaket.",
            date(2025, 11, 10),
        ),
        ("ARMY: Last night two rockets landed near a school in Kap Choeng.", date(2025, 11, 10)),
        ("The border was calm. Today the ministers met again in Kuala Lumpur.", date(2025, 11, 11)),
        ("Last night, two soldiers were hurt by shelling near Preah Vihear, the army said.", date(2025, 11, 10)),
    ],
)
def test_a_relative_day_word_opening_a_sentence_is_a_day(text, expected):
    assert [d.date for d in find_dates(text, date(2025, 11, 11), False)] == [expected]


def test_a_capitalised_relative_word_inside_a_name_is_no_day():
    assert find_dates("The minister told USA Today the talks would go on.", date(2025, 11, 11), False) == []


def test_last_night_inside_a_sentence_dates_no_day_of_its_main_clause():
    text = "The commanders met at the border, as agreed in Putrajaya last night, a Thai army source said."
    assert find_dates(text, date(2025, 7, 29), False) == []


def test_an_incident_told_from_yesterday_opening_its_sentence_has_that_day():
    from dashboard.extract.incidents import _day

    text = "Yesterday afternoon a Thai ranger lost a leg to a mine near Chong Chom."
    assert _day(text, date(2025, 11, 11)) == date(2025, 11, 10)
