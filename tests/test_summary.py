"""Queries behind the views."""

from datetime import date

import pytest

from dashboard.extract import extract_all
from dashboard.ingest import read_reports
from dashboard.links import share_url
from dashboard.safe import md_escape, safe_url
from dashboard.summary import Corpus, figure_ranges, figures_frame, onset_claims, province_details, split_meetings
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def corpus(gaz):
    reports, _ = read_reports([SEEDS])
    return Corpus(extract_all(reports, gaz))


def test_figure_ranges_keep_every_side_and_say_when_sources_disagree(corpus):
    ranges = figure_ranges(figures_frame(corpus))
    killed_kh = ranges[(ranges["metric"] == "killed") & (ranges["side"] == "Cambodia")].iloc[0]
    assert (killed_kh["low"], killed_kh["high"], killed_kh["disagree"]) == (19, 20, True)
    displaced_th = ranges[(ranges["metric"] == "displaced") & (ranges["side"] == "Thailand")].iloc[0]
    assert (displaced_th["low"], displaced_th["disagree"]) == (167000, False)


def test_meetings_split_around_the_as_of_date(corpus):
    upcoming, past, _ = split_meetings(corpus.meetings, date(2025, 12, 23))
    assert date(2025, 12, 24) in [g.date for g in upcoming]
    assert all(g.date < date(2025, 12, 23) for g in past)
    upcoming, past, _ = split_meetings(corpus.meetings, date(2025, 12, 25))
    assert upcoming == [] and past[0].date == date(2025, 12, 24)


def test_a_meeting_held_on_the_as_of_date_is_past_and_a_scheduled_one_upcoming(corpus):
    upcoming, past, _ = split_meetings(corpus.meetings, date(2025, 12, 22))
    assert date(2025, 12, 22) not in [g.date for g in upcoming] and past[0].date == date(2025, 12, 22)
    upcoming, _, _ = split_meetings(corpus.meetings, date(2025, 12, 24))
    assert [g.date for g in upcoming] == [date(2025, 12, 24)]


def test_reports_disagree_on_when_the_fighting_resumed(corpus):
    claims = {c.date: len(c.report_ids) for c in onset_claims(corpus)}
    assert claims == {date(2025, 12, 7): 1, date(2025, 12, 8): 3}


def test_chanthaburi_details_hold_the_24_december_talks(corpus):
    details = province_details(corpus, "TH-22")
    [talks] = details.meetings
    assert talks.date == date(2025, 12, 24) and len(talks.report_ids) == 3
    assert details.places and all(m.admin1 == "TH-22" for s in details.places for m in s.mentions)


def test_a_province_nobody_mentions_is_empty(corpus):
    assert province_details(corpus, "TH-63").empty


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
    ],
)
def test_only_http_links_are_shown(url, ok):
    assert (safe_url(url) is not None) == ok


def test_share_url_keeps_the_view_and_drops_defaults():
    url = share_url(
        "http://localhost:8501/?old=1",
        {"province": "Sa Kaeo", "asof": None, "metric": ["killed", "injured"], "side": None},
    )
    assert url == "http://localhost:8501/?province=Sa+Kaeo&metric=killed&metric=injured"
    assert share_url("http://localhost:8501/", {"province": None}) == "http://localhost:8501/"
