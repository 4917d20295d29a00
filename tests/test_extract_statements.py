"""Statements about the ceasefire and its provisions: which topic, which stance, who says it; conditions
and calls are not statements of what happened."""

from datetime import date

import pytest

from dashboard.extract.sentences import Sentence
from dashboard.extract.statements import find_statements, topic_of


def said(text: str, published: date = date(2026, 1, 7)):
    return [(s.topic, s.stance, s.side) for s in find_statements(Sentence(0, len(text), text), "r", published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The truce came into force at midnight.", ("ceasefire", "in_effect", None)),
        ("Thailand suspended the peace declaration on Monday.", ("ceasefire", "suspended", "TH")),
        ("The Thai government announced the suspension of the peace agreement.", ("ceasefire", "suspended", "TH")),
        (
            "Rockets hit a village in breach of the ceasefire, Cambodian officials said.",
            ("ceasefire", "violated", "KH"),
        ),
        ("The two defence ministers signed a ceasefire in Chanthaburi.", ("ceasefire", "agreed", None)),
        ("The Thai army accused Cambodia of violating agreements.", ("ceasefire", "violated", "TH")),
        # the speaker is the subject of the verb of saying, an appositive between them
        (
            "The Royal Thai Army's deputy spokesman, Colonel Somchai Example, confirmed that the rally was a breach "
            "of the ceasefire.",
            ("ceasefire", "violated", "TH"),
        ),
        ("Cambodia, through its defence ministry, said the truce was violated twice.", ("ceasefire", "violated", "KH")),
        # a denial is a side's statement too: the denier is the subject of the verb of denying
        ("Cambodia on Monday denied violating the ceasefire.", ("ceasefire", "denied", "KH")),
        # a clause before its speaker names no speaker: the side it names is what the clause is about
        ("Cambodian troops breached the truce near the temple, the army said.", ("ceasefire", "violated", None)),
        (
            "Thailand accused Cambodia of breaking the truce, which Phnom Penh flatly denied.",
            ("ceasefire", "denied", "KH"),
        ),
        (
            "Cambodia said the new trenches contravene the joint statement of the border committee.",
            ("ceasefire", "violated", "KH"),
        ),
        ("Thailand said it had pulled back its heavy weapons.", ("heavy_weapons", "done", "TH")),
        ("Cambodia accused Thailand of failing to withdraw its heavy weapons.", ("heavy_weapons", "disputed", "KH")),
        ("Mine clearance teams started work near the temple.", ("demining", "in_progress", None)),
        ("Twenty observers were deployed along the frontier.", ("observers", "done", None)),
        ("The prisoners of war have not been released, Phnom Penh said.", ("detainees", "disputed", "KH")),
        # talks on a provision are it in progress; soldiers named before their captor are the detainees
        (
            "As for the soldiers held by the Thai army, Cambodia is negotiating their return.",
            ("detainees", "in_progress", None),
        ),
        ("Rules for the monitoring team were under discussion on Friday.", ("observers", "in_progress", None)),
        (
            "The government announced the suspension of the accord and of the planned release of captured soldiers.",
            ("detainees", "suspended", None),
        ),
    ],
)
def test_a_statement_has_its_topic_stance_and_speaker(text, expected):
    assert expected in said(text)


@pytest.mark.parametrize(
    "text",
    [
        "The United Nations urged both sides to respect the ceasefire.",
        "Will the truce hold?",
        "If heavy weapons are not withdrawn, the talks could fail.",
        "Farmers returned to their fields.",
    ],
)
def test_calls_questions_conditions_and_unrelated_sentences_are_not_statements(text):
    assert said(text) == []


def test_a_provision_of_an_agreement_has_the_topic_its_statements_have():
    assert topic_of("withdrawal of heavy weapons from the border") == "heavy_weapons"
    assert topic_of("demining cooperation") == "demining"
    assert topic_of("ASEAN Observer Team observes") == "observers"
    assert topic_of("release of 18 Cambodian soldiers") == "detainees"


def test_heavy_weapons_used_in_fighting_are_not_the_withdrawal_provision():
    assert said("Shelling with heavy weapons damaged homes in the district on Monday.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cambodia denied violating the ceasefire.", [("ceasefire", "denied", "KH")]),  # the denial, not "violated"
        ("There were no violations of the truce.", []),
        ("Fighting broke out hours before the ceasefire took effect.", []),
        ("Heavy weapons were not withdrawn from the frontier.", [("heavy_weapons", "disputed", None)]),
        ("After the release of the joint statement, families went home.", []),
    ],
)
def test_denials_and_negations_do_not_state_what_they_deny(text, expected):
    assert said(text) == expected
