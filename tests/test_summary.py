"""Words and rules the views share, and links."""

from datetime import date

import pytest

from dashboard.summary import incident_words, meeting_status, split_meetings
from dashboard.ui.links import share_url
from dashboard.ui.safe import md_escape, safe_url
from tests.test_queries import summary


def test_markdown_escaping_shows_text_literally():
    escaped = md_escape("[click](javascript:alert(1)) **bold** <b>x</b> $x$")
    assert "](" not in escaped.replace("\\](", "") and "<b>" not in escaped and "\\*\\*" in escaped


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("data:text/html,hi", False),
        ("//example.org", False),
        ("", False),
        (None, False),
        (float("nan"), False),
    ],
)
def test_only_http_links_are_shown(url, ok):
    assert (safe_url(url) is not None) == ok


def test_share_url_keeps_the_view_and_drops_what_is_not_set():
    url = share_url(
        "http://localhost:8501/?old=1",
        {"province": "Sa Kaeo", "asof": "2025-12-23", "metric": ["killed", "injured"], "side": None},
    )
    assert url == "http://localhost:8501/?province=Sa+Kaeo&asof=2025-12-23&metric=killed&metric=injured"
    assert share_url("http://localhost:8501/", {"province": None}) == "http://localhost:8501/"


@pytest.mark.parametrize(
    ("statuses", "day", "as_of", "expected"),
    [
        (["scheduled"], date(2025, 12, 24), date(2025, 12, 20), "scheduled"),
        (["proposed"], date(2025, 12, 24), date(2025, 12, 24), "proposed"),
        (["scheduled"], date(2025, 12, 24), date(2025, 12, 25), "past, not confirmed"),
        (["scheduled", "held"], date(2025, 12, 24), date(2025, 12, 25), "held"),
    ],
)
def test_a_meeting_status_is_said_as_of_a_date(statuses, day, as_of, expected):
    assert meeting_status(summary(day, statuses), as_of) == expected


def test_meetings_split_around_the_as_of_date():
    held_today = summary(date(2025, 12, 22), ["held"])
    planned_today = summary(date(2025, 12, 22), ["scheduled"])
    upcoming, past, _ = split_meetings([held_today, planned_today], date(2025, 12, 22))
    assert upcoming == [planned_today] and past == [held_today]


def test_incidents_are_told_in_words():
    from dashboard.records import Evidence, Incident

    i = Incident(Evidence("r", "s", 0, 1, "s"), "rocket", (), (), None, "TH", "KH", "KH")
    assert incident_words(i) == "Thailand accuses Cambodia; Cambodia denies"


def test_an_outlet_known_only_by_an_address_is_an_unnamed_site():
    from dashboard.records import Report
    from dashboard.summary import outlet_name

    assert outlet_name(Report("a", "p", "t", url="http://203.0.113.5/world/story")) == "unnamed site (203.0.113.5)"
    assert outlet_name(Report("a", "p", "t", url="https://www.news.example/story")) == "news.example"


def test_an_empty_column_says_when_reports_tell_of_meetings_without_a_date():
    from dashboard.ui.meetings import empty_caption

    held, planned = summary(None, ["held"]), summary(None, ["scheduled"])
    as_of = date(2025, 7, 30)
    assert empty_caption([held], as_of, held=True) == "none with a date; 1 held meeting without one below"
    assert empty_caption([held], as_of, held=False) == "none reported"
    assert empty_caption([planned, planned], as_of, held=True) == "none reported"


def test_a_plan_announced_without_a_day_is_upcoming_until_it_goes_stale():
    from dataclasses import replace

    from dashboard.summary import current_plans

    held = summary(None, ["held"])
    planned = replace(summary(None, ["scheduled"]), newest_status="scheduled", _seen=date(2025, 9, 10))
    assert current_plans([held, planned], date(2025, 9, 15)) == ([planned], [held])
    assert current_plans([held, planned], date(2025, 11, 1)) == ([], [held, planned])
