"""Statements of a provision read by structure: a claim the report itself rates false is no side's word on it; a
clause opened by an inverted condition ("Had the observers been deployed …") states nothing that happened."""

from datetime import date

from dashboard.extract import extract
from dashboard.read import make_report


def stances(text, published=date(2026, 1, 20)):
    return sorted((s.topic, s.stance, s.side) for s in extract(make_report(text, published=published)).statements)


def test_a_claim_the_report_rates_false_is_no_sides_word_on_a_provision():
    text = (
        "Fact check: what went viral this week\n\n"
        'CLAIM: "Thailand never released the 18 Cambodian prisoners."\n'
        "VERDICT: FALSE.\n"
    )
    assert stances(text) == []


def test_a_framed_claim_rated_in_other_words_is_no_sides_word():
    text = (
        "Posts shared widely on Monday claimed that Cambodia had refused to let the observer team into its border "
        "areas. This is false: the team's schedule was agreed by both ministries."
    )
    assert ("observers", "disputed", "KH") not in stances(text)
    assert all(s[1] != "suspended" for s in stances(text))


def test_a_claim_a_side_calls_false_stays_that_sides_word():
    # a verdict said by a side is that side's denial, not the report's rating: the statement stays
    text = "Thailand's army said Cambodian troops had violated the ceasefire overnight. Phnom Penh called it false."
    assert ("ceasefire", "violated", "TH") in stances(text)


def test_an_inverted_condition_states_nothing_that_happened():
    text = (
        "Had the observers been deployed in strength in November, the suspension might never have been "
        "necessary, the columnist argued."
    )
    assert stances(text) == []


def test_an_inverted_condition_in_other_words():
    text = "Were the heavy weapons withdrawn from the frontier, the villagers say, they would go home."
    assert stances(text) == []


def test_a_sentence_opened_by_had_as_a_verb_still_states():
    text = "The observer team had visited both sides of the border on 5 and 6 January, the ministry said."
    assert ("observers", "done", "KH") in stances(text) or ("observers", "done", None) in stances(text)


def test_complaints_about_a_team_that_never_came_are_no_work():
    text = "Villagers said they had received no visit from any observer team since the truce began."
    assert all(s[:2] != ("observers", "done") for s in stances(text))
