"""A count whose breakdown by group follows a colon ("the toll to 19: 13 civilians and six soldiers") is the total,
not the first group's count."""

from datetime import date

from dashboard.extract import extract
from dashboard.read import make_report


def killed(text, published=date(2025, 7, 26)):
    return [
        (f.value, f.country, f.group)
        for f in extract(make_report(text, published=published)).figures
        if f.metric == "killed"
    ]


def test_a_total_before_a_colon_and_its_breakdown_takes_no_group_of_the_breakdown():
    text = "Thailand's Public Health Ministry has raised the Thai death toll to 19: 13 civilians and six soldiers."
    assert (19, "TH", "civilian") not in killed(text)
    assert (19, "TH", None) in killed(text)


def test_a_breakdown_after_a_colon_in_other_words():
    text = "The Cambodian death toll now stands at 12: seven civilians and five soldiers, the defence ministry said."
    assert all(g != "civilian" for v, _, g in killed(text) if v == 12)


def test_a_group_before_the_colon_stays_the_counts():
    text = "The Thai army said 14 soldiers had been killed: the heaviest loss in a decade."
    assert (14, "TH", "military") in killed(text)


# --- people still in shelters, told with a copula --------------------------------------------------------------


def displaced(text, published=date(2026, 1, 16)):
    return [
        (f.value, f.country, f.scope)
        for f in extract(make_report(text, published=published)).figures
        if f.metric == "displaced"
    ]


def test_people_who_are_still_in_shelters_are_those_still_displaced():
    text = "Thai authorities say about 38,000 people are still in shelters; many villages are still mined."
    assert (38000, "TH", "remaining") in displaced(text)


def test_people_living_in_displacement_sites_in_other_words():
    text = "Some 12,500 Cambodians were living in displacement sites in Oddar Meanchey on Friday, officials said."
    assert [v for v, c, _ in displaced(text)] == [12500]


def test_soldiers_in_camps_are_not_displaced():
    assert displaced("About 300 soldiers are in camps near the border, the army said.") == []
