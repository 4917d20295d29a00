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
