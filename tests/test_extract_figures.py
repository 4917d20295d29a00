"""Casualty and displacement figures, with qualifier, country, group, source and episode."""

from datetime import date

import pytest

from dashboard.extract import extract
from dashboard.extract.figures import find_figures
from dashboard.extract.sentences import split_sentences
from dashboard.ingest import make_report, read_reports
from tests.conftest import SEEDS

DEC = date(2025, 12, 20)


def figures(text, published=DEC):
    return [f for s in split_sentences(text) for f in find_figures(s, "r", published)]


def one(text, published=DEC):
    [f] = figures(text, published)
    return f


@pytest.mark.parametrize(
    ("text", "metric", "value", "qualifier"),
    [
        ("The clashes have killed at least 14 people.", "killed", 14, "at_least"),
        ("More than 2,300 residents were evacuated overnight.", "displaced", 2300, "more_than"),
        ("Officials counted about 1.2 million people displaced.", "displaced", 1_200_000, "about"),
        ("Nearly half a million people have fled their homes.", "displaced", 500_000, "nearly"),
        ("The fighting left twenty-one people wounded.", "injured", 21, "exact"),
        ("Up to 40 civilians were injured in the shelling.", "injured", 40, "up_to"),
        ("The death toll rose to 33 on Sunday.", "killed", 33, "exact"),
        ("The shelling forced some 9,000 villagers to flee.", "displaced", 9000, "about"),
        ("A provincial office reported 12 civilian deaths.", "killed", 12, "exact"),
    ],
)
def test_values_metrics_and_qualifiers(text, metric, value, qualifier):
    f = one(text)
    assert (f.metric, f.value, f.qualifier) == (metric, value, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of people have been killed in the fighting.",
        "The clashes have displaced hundreds of thousands.",
    ],
)
def test_vague_amounts_stay_text(text):
    f = one(text)
    assert f.value is None and f.qualifier == "vague" and f.value_text.lower() in text.lower()


@pytest.mark.parametrize(
    "text",
    [
        "After two weeks of deadly clashes that left many dead, talks began.",
        "The 817 km border has seen fighting since December 8.",
        "Officials said 2025 had been the deadliest year, with the war now in its 16th day.",
        "One of the soldiers lost a leg after stepping on a landmine.",
    ],
)
def test_numbers_that_count_no_victims_are_not_figures(text):
    assert figures(text) == []


def test_country_group_and_source_come_from_each_clause():
    text = (
        "Cambodian authorities report 19 civilian fatalities, while Thai officials cite 38 civilian deaths "
        "and over 167,000 people relocated to shelters."
    )
    by_value = {f.value: f for f in figures(text)}
    assert (by_value[19].country, by_value[19].group) == ("KH", "civilian")
    assert by_value[19].source == "Cambodian authorities"
    assert (by_value[38].country, by_value[38].source) == ("TH", "Thai officials")
    assert (by_value[167000].metric, by_value[167000].country) == ("displaced", "TH")


def test_soldiers_counted_by_their_side():
    f = figures("Thailand said 9 of its soldiers and one civilian have died.")
    assert [(x.value, x.country, x.group) for x in f] == [(9, "TH", "military"), (1, "TH", "civilian")]


def test_a_figure_naming_both_sides_has_no_country():
    f = one("Fighting between Thailand and Cambodia has killed at least 30 people.")
    assert f.country is None


def test_the_episode_is_named_or_taken_from_the_published_date():
    assert one("The July clashes displaced around 260,000 people.").period == "jul2025"
    assert one("At least 12 people were killed.", published=date(2025, 12, 20)).period == "dec2025"
    assert one("At least 12 people were killed.", published=date(2025, 8, 1)).period == "jul2025"
    assert one("At least 12 people were killed.", published=None).period is None


def test_seed_004_counts_525000_displaced_in_cambodia_once():
    reports, _ = read_reports([SEEDS / "004_14141caa1f55aa04.txt"])
    displaced = [f for f in extract(reports[0]).figures if f.metric == "displaced"]
    assert [(f.value, f.country, f.source) for f in displaced] == [(525000, "KH", "Cambodian Ministry of Interior")]


def test_a_figure_repeated_in_one_report_counts_once():
    report = make_report(
        "At least 50 people have been killed.\nLater, officials said at least 50 people have been "
        "killed and more may be found.",
        published=DEC,
    )
    assert len(extract(report).figures) == 1
