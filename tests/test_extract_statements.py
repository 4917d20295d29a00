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
        # a side's word that nothing was fought since the ceasefire denies it was violated; with no side, nothing
        (
            "A Cambodian army spokeswoman insisted there has been 'no fighting' since the truce began.",
            [("ceasefire", "denied", "KH")],
        ),
        ("There have been no clashes since the ceasefire began, observers said.", []),
        ("Fighting broke out hours before the ceasefire took effect.", []),
        ("Heavy weapons were not withdrawn from the frontier.", [("heavy_weapons", "disputed", None)]),
        ("After the release of the joint statement, families went home.", []),
    ],
)
def test_denials_and_negations_do_not_state_what_they_deny(text, expected):
    assert said(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Under the deal, both armies will remove their mines and heavy artillery from the frontier, he said.",
            [("heavy_weapons", "planned", None), ("demining", "planned", None)],
        ),
        ("Talks next week will set the rules for an ASEAN monitoring team.", [("observers", "planned", None)]),
        ("Defence attachés are to be deployed as observers along the line.", [("observers", "planned", None)]),
        ("Thailand said it will not withdraw its heavy weapons.", [("heavy_weapons", "disputed", "TH")]),
        # of the ceasefire itself, what is to come is no statement; calls and hopes are none of anything
        ("The truce will hold, the minister said.", []),
        ("The envoy urged both sides to remove heavy weapons from the border.", []),
        ("We hope observers can visit the area soon.", []),
    ],
)
def test_what_is_to_be_done_of_a_provision_is_planned(text, expected):
    assert said(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister said the meeting, chaired by Laos, will also agree the terms of reference and the budget "
            "for setting up a regional border monitoring team.",
            [("observers", "planned", None)],
        ),
        # the plan of the sentence is not the stance of what the sentence says was done
        ("Observers were deployed on Monday, and talks will continue next week.", [("observers", "done", None)]),
        # the topic's word naming who speaks, requests and asks: none
        ("Observers say the truce will be hard to keep.", []),
        ("Bangkok will request that Phnom Penh carry out demining near the temple.", []),
        ("The army asked the other side to clear mines near the road.", []),
        ("The minister proposed talks and stressed demining, no longer insisting on a truce first.", []),
    ],
)
def test_a_plan_of_the_sentence_reaches_its_provision_and_speakers_and_requests_are_not_statements(text, expected):
    assert said(text) == expected


def test_the_ceasefire_itself_has_no_planned_stance():
    assert said("The truce is set to take effect at noon after it was agreed on Saturday.") == [
        ("ceasefire", "agreed", None)
    ]


def said_after(text: str, before: str):
    sentence = Sentence(0, len(text), text)
    return [(s.topic, s.stance, s.side) for s in find_statements(sentence, "r", date(2026, 1, 7), before)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the topic's general words with an action of its provision in the clause
        (
            "The two sides also agreed on keeping joint survey teams safe from landmines in the area.",
            [("demining", "planned", None)],
        ),
        (
            "Both armies agreed to step up cooperation on clearing unexploded ordnance along the frontier.",
            [("demining", "planned", None)],
        ),
        ("An ASEAN team of defence attachés will be set up to watch the line.", [("observers", "planned", None)]),
        (
            "The 12 soldiers captured by the Thai army are being held in Sa Kaeo, and talks on their return go on.",
            [("detainees", "in_progress", None)],
        ),
        # a request after what the clause tells does not make it a request
        (
            "Cambodia is negotiating the release of its detained troops and has asked Laos to help.",
            [("detainees", "in_progress", "KH")],
        ),
        # the topic's words in passing, with no action of the provision: an incident, not the provision
        ("Two mines exploded near the road on Monday, injuring a soldier.", []),
        ("Mines laid near the temple wounded three soldiers, the army said.", []),
        ("The families of the soldiers who were killed in the clashes received compensation.", []),
        ("Thai soldiers returned fire after the attack.", []),
        ("Malaysia, Japan and China were invited as observers to the meeting.", []),
    ],
)
def test_a_topics_general_words_need_an_action_of_its_provision_in_the_clause(text, expected):
    assert said(text) == expected


def test_an_anaphor_speaks_of_the_detainees_the_sentence_before_names():
    talks = "Phnom Penh is negotiating for their swift release and has asked Laos to help with the handover."
    held = "Thailand still holds 12 soldiers captured during the clashes, an official said."
    assert said_after(talks, held) == [("detainees", "in_progress", "KH")]
    assert said_after(talks, "Their families waited at the border.") == []  # no detainees named before
    assert said(talks) == []


def test_the_provisions_of_the_agreements_file_have_their_topics():
    assert topic_of("captured soldiers released after the fighting ends") == "detainees"
    assert topic_of("interim observer teams of ASEAN defence attachés") == "observers"
    assert topic_of("18 detained Cambodian soldiers returned after 72 hours of ceasefire") == "detainees"


def test_every_topic_word_has_a_topic_a_kind_and_a_reason():
    from dashboard.extract.lexicon import table
    from dashboard.extract.statements import KINDS

    rows = table("statement_topics")
    assert {r["kind"] for r in rows} <= set(KINDS)
    assert {r["topic"] for r in rows} == {"ceasefire", "heavy_weapons", "demining", "observers", "detainees"}
    stances = table("statement_stances")
    provision = {r["kind"] for r in stances if r["topic"] == "provision"}
    assert {r["topic"] for r in stances} <= {"ceasefire", "provision", "heavy_weapons", "demining", "observers"} | {
        "detainees"
    }
    # a topic's own stance words are of a stance every provision has
    assert {r["kind"] for r in stances if r["topic"] not in ("ceasefire", "provision")} <= provision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # soldiers "held" where or by whom are detainees, with an adverb between; "held their positions" is not
        (
            "Under the accord, the 9 Thai soldiers currently held in Cambodia will be returned after a week of calm.",
            [("detainees", "planned", None)],
        ),
        ("Thai soldiers held their positions and returned fire.", []),
        # a provision put as the condition of something else is a demand, not a statement of it
        ("The army said it would keep firing until the other side cleared the new landmines.", []),
    ],
)
def test_held_soldiers_and_conditions(text, expected):
    assert said(text) == expected


def test_a_report_reads_an_anaphor_against_the_sentence_before_in_its_paragraph(gaz):
    from dashboard.extract import extract
    from dashboard.read import make_report

    held = "Thailand still holds 12 soldiers captured during the clashes, an official said."
    talks = "Phnom Penh is negotiating for their swift release and has asked Laos to help with the handover."
    same = make_report(f"{held} {talks}", "a.txt", published=date(2025, 8, 1))
    apart = make_report(f"{held}\n\nThe weather was fine.\n\n{talks}", "b.txt", published=date(2025, 8, 1))
    assert [(s.topic, s.stance) for s in extract(same, gaz).statements] == [("detainees", "in_progress")]
    assert extract(apart, gaz).statements == []


# The unseen-report audit (session 10, items 32 and 33): sentences that state a provision were read as saying nothing.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # soldiers named as the object of their captor's holding ("the soldiers it has held"): the detainees
        (
            "BANGKOK, Dec 31 (MNA) - Thailand on Wednesday returned 18 Cambodian soldiers it had held since July, "
            "handing them over at the Ban Pak Kard checkpoint in Chanthaburi province after a 72-hour observation "
            "period of a new ceasefire ended without serious violations.",
            [("detainees", "done", None)],
        ),
        (
            "Thailand will release the 18 Cambodian soldiers it has held since July 29.",
            [("detainees", "planned", "TH")],
        ),
        (
            "The nine troops that Cambodia captured near the temple were visited by Red Cross staff.",
            [],  # held, but no act of the provision in the clause
        ),
        (
            "Cambodia said on Friday it had repatriated the 7 Thai troops its army captured near the temple.",
            [("detainees", "done", "KH")],
        ),
        # a verb of release with a counted body of soldiers as its object
        ("Phnom Penh said Thailand freed 18 Cambodian soldiers on Wednesday.", [("detainees", "done", "KH")]),
        ("The Thai side handed back 12 soldiers at the Chong Chom crossing.", [("detainees", "done", "TH")]),
        ("The army returned 200 troops to their barracks.", []),  # troops sent back to base
        ("The soldiers it had sent to the border returned to base on Monday.", []),
        ("Thailand handed over two soldiers' bodies at the crossing.", []),
    ],
)
def test_soldiers_held_by_a_captor_and_a_release_of_counted_soldiers_are_the_detainees(text, expected):
    assert said(text, date(2025, 12, 31)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hope, call or request that "as" brings in is a comparison, not a condition of what is told
        (
            'Prime Minister Anutin Charnvirakul said the hostility "has not decreased as we had hoped" and that '
            "Thailand would halt the planned release of 18 Cambodian soldiers it holds.",
            [("detainees", "suspended", "TH")],
        ),
        (
            "As Phnom Penh had requested, Thailand released the captured soldiers on Friday.",
            [("detainees", "done", None)],
        ),
        ("Cambodia requested that Thailand release the captured soldiers.", []),
        # a plan's negation is the one between the plan's words and the topic, not another clause's
        (
            'The minister said progress "has not been good" and that the army would pull back its heavy weapons '
            "next month.",
            [("heavy_weapons", "planned", None)],
        ),
        ("The detained soldiers will not be released this year, Bangkok said.", [("detainees", "disputed", "TH")]),
        # halting is putting off only of a provision's act; halting hostilities is the truce itself
        (
            "Bangkok halted the planned handover of the detained soldiers after the blast.",
            [("detainees", "suspended", "TH")],
        ),
        (
            "The truce obliges both sides to halt hostilities and to return detained soldiers.",
            [("detainees", "planned", None)],
        ),
    ],
)
def test_a_comparison_is_no_condition_and_a_plan_is_refused_by_its_own_negation(text, expected):
    assert said(text, date(2025, 11, 12)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an instrument that puts duties on the sides: the last duty of its list is planned too
        (
            "The statement commits both sides to freeze troop positions, stop all attacks on civilians, allow "
            "displaced people to return, and resume demining.",
            [("demining", "planned", None)],
        ),
        (
            "The declaration requires both armies to stop firing, open the crossings, reopen the schools and carry "
            "out mine clearance near villages.",
            [("demining", "planned", None)],
        ),
        # the observers at work, told in the past: the team observes
        ("Members of the ASEAN Observer Team watched the handover.", [("observers", "done", None)]),
        ("The observer team inspected the Chong Chom crossing on Tuesday.", [("observers", "done", None)]),
        (
            "Observers monitored the withdrawal of heavy weapons from the frontier.",
            [("observers", "done", None)],  # monitoring it is no withdrawal
        ),
        ("Observers said the crossing was calm.", []),
        # at work since a day, or their findings: the team observes
        (
            "Monitoring teams drawn from ASEAN have worked on both sides since late August.",
            [("observers", "done", None)],
        ),
        ("The observer teams have been operating near Chong Sa-ngam since September.", [("observers", "done", None)]),
        ("The monitoring team concluded that the blast came from an old mine.", [("observers", "done", None)]),
        ("The observer team's report on the shooting was sent to both capitals.", [("observers", "done", None)]),
        ("Observers will report on any breach to the ASEAN chair.", []),  # a plan of theirs: not done
    ],
)
def test_a_list_of_duties_and_the_observers_at_work(text, expected):
    assert said(text, date(2025, 12, 31)) == expected


def test_a_pronoun_the_subject_of_a_passive_of_release_refers_to_the_detainees_named_before():
    before = "The talks also covered the 18 Cambodian soldiers detained by Thai troops on July 29."
    told = (
        "Thailand said they were being treated in line with international humanitarian law and would be released "
        "after the conflict had fully ended."
    )
    assert said_after(told, before) == [("detainees", "planned", "TH")]
    mine = "Bangkok says they will be freed when the border is calm."
    assert said_after(mine, "Cambodia says 20 of its soldiers were captured by Thai forces.") == [
        ("detainees", "planned", "TH")
    ]
    assert said_after(mine, "Twenty villagers fled the shelling.") == []  # no detainees named before
    assert said_after("They returned fire within minutes.", before) == []  # no passive of release
