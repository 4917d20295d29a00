"""Incidents read by their clauses: each clause's own day dates its attack, the side that denies is the subject of
the verb of denying, a denial may come later or as a side's word that nothing happened, an accusation named as a
noun has its owner, and fire traded by both sides accuses no one."""

from dataclasses import replace
from datetime import date

import pytest

from dashboard.extract import extract
from dashboard.read import make_report
from dashboard.reconcile import Telling, merge_incidents
from tests.test_incidents_sides import told
from tests.test_reconcile import telling


def incidents(text, published=date(2025, 12, 20)):  # a Saturday
    return extract(make_report(text, published=published)).incidents


def brief(found):
    return sorted((i.kind, i.date, i.reported_by, i.accused, i.denied_by) for i in found)


# --- harm told with days of its own: one attack per day, dated by it -------------------------------------------


def test_background_blasts_told_with_their_own_past_days_are_dated_by_them():
    text = (
        "It was the third landmine incident involving Thai troops in less than a month. On July 16, three soldiers "
        "were wounded near Chong Bok in Ubon Ratchathani's Nam Yuen district, and on July 23, five soldiers were "
        "injured near Ta Muen Thom temple in Surin, one of whom lost a leg."
    )
    found = incidents(text, date(2025, 8, 10))
    assert sorted((i.kind, i.date, i.admin1[-1]) for i in found) == [
        ("landmine", date(2025, 7, 16), "TH-34"),
        ("landmine", date(2025, 7, 23), "TH-32"),
    ]


def test_harm_told_after_a_weapon_each_on_its_own_day():
    text = (
        "Landmines have struck border rangers again and again this spring. On 2 March a ranger was wounded near "
        "Chong Chom in Surin, "
        "and on 9 March two privates were injured near Ta Krabey temple in Surin."
    )
    found = incidents(text, date(2025, 3, 20))
    assert sorted(i.date for i in found) == [date(2025, 3, 2), date(2025, 3, 9)]


def test_harm_told_with_no_day_of_its_own_keeps_the_attack_undated():
    found = incidents("A landmine blast hurt troops this week. Two soldiers were wounded near Chong Chom in Surin.")
    assert [(i.kind, i.date) for i in found] == [("landmine", None)]


# --- a day named in a list of clauses belongs to its own clause ------------------------------------------------


def test_each_clause_day_dates_its_own_attack():
    text = (
        "According to the Ministry of National Defence, Thai F-16 fighter jets dropped bombs on Saturday in Thmar Da "
        "commune of Pursat's Veal Veng district, far from any military objective, while Thai naval forces fired on "
        "the Cham Yeam area of Koh Kong province on Friday."
    )
    found = incidents(text, date(2025, 12, 14))
    assert {i.kind: i.date for i in found} == {"airstrike": date(2025, 12, 13), "armed_clash": date(2025, 12, 12)}


def test_two_attacks_of_two_days_in_one_sentence():
    text = (
        "Cambodian rockets hit Kantharalak district in Sisaket on Monday, and Cambodian mortars struck a school in "
        "Surin's Phanom Dong Rak district on Tuesday."
    )
    assert {i.kind: i.date for i in incidents(text)} == {"rocket": date(2025, 12, 15), "artillery": date(2025, 12, 16)}


def test_the_day_of_a_saying_dates_no_attack():
    [i] = incidents("Cambodia said on Tuesday that Thai jets bombed a bridge in Oddar Meanchey province on Monday.")
    assert i.date == date(2025, 12, 15)


# --- a day opening the sentence dates its main clause: an accusation's day is not the attack's ------------------


def test_an_accusation_opened_by_its_day_dates_the_act_by_its_own_day():
    text = (
        "On Monday, Thailand accused Cambodia of flying more than 250 drones over Thai territory in Sa Kaeo province "
        "on Sunday night and called it a provocation that could undermine the truce."
    )
    [i] = incidents(text, date(2025, 12, 31))
    assert (i.kind, i.date, i.reported_by, i.accused) == ("airspace", date(2025, 12, 28), "TH", "KH")


def test_a_charge_opened_by_its_day_dates_the_shelling_by_its_own():
    [i] = incidents(
        "On Friday, Cambodia accused Thai troops of shelling a temple in Preah Vihear province on Thursday."
    )
    assert (i.date, i.accused, i.reported_by) == (date(2025, 12, 18), "TH", "KH")


def test_an_opening_day_with_no_other_dates_the_attack():
    [i] = incidents("On Friday, Thai troops shelled a temple in Preah Vihear province, Cambodia said.")
    assert i.date == date(2025, 12, 19)


# --- who denies: the subject of the verb of denying -----------------------------------------------------------


def test_the_denier_is_the_accused_side_whose_speaker_denies_and_the_lead_dates_the_event():
    text = (
        "BANGKOK, Nov 12 (MNA) - One Cambodian civilian was killed and three others were wounded on Wednesday when "
        "Thai soldiers opened fire in a disputed border village, Cambodian officials said.\n\n"
        "Cambodia's information ministry said Thai troops fired on residents of Prey Chan village, in Banteay "
        "Meanchey province's O'Chrov district, who had gathered near a barbed-wire fence erected by Thai soldiers. "
        "The Thai army said its troops had fired warning shots into the air after hearing gunfire from the Cambodian "
        'side and denied that anyone had been targeted. "There was no clash," an army spokesman said.'
    )
    i = told(incidents(text, date(2025, 11, 12)))
    assert (i.kind, i.date, i.reported_by, i.accused, i.denied_by) == (
        "armed_clash",
        date(2025, 11, 12),
        "KH",
        "TH",
        "TH",
    )
    assert "Prey Chan" in i.places


def test_a_denial_coordinated_with_the_speakers_first_verb_is_the_speakers():
    text = (
        "Thai officials said Cambodian troops shelled a village in Surin on Monday. The Cambodian defence ministry "
        "said its gunners had returned fire after being attacked by Thai forces and denied that civilians had been hit."
    )
    i = told(incidents(text))
    assert (i.accused, i.denied_by) == ("KH", "KH")


def test_a_side_named_denying_after_and_is_that_side():
    [i] = incidents("Cambodia said Thai shells hit a school in Oddar Meanchey on Monday, and Thailand denied it.")
    assert (i.accused, i.denied_by) == ("TH", "TH")


# --- the same attack told in the lead and placed later is one -------------------------------------------------


def test_an_attack_dated_in_the_lead_and_placed_later_is_one():
    text = (
        "Thai troops opened fire on Cambodian farmers on Thursday, Cambodian officials said. Cambodia's ministry said "
        "Thai soldiers fired on farmers near Chouk Chey village in Banteay Meanchey province."
    )
    [i] = incidents(text)
    assert (i.date, i.accused, i.admin1) == (date(2025, 12, 18), "TH", ("KH-1",))


def test_attacks_of_different_sides_are_not_joined():
    text = (
        "Thai troops opened fire on Cambodian farmers on Thursday, Cambodian officials said. Thai officials said "
        "Cambodian troops fired on a patrol near Chouk Chey village in Banteay Meanchey province."
    )
    assert sorted(i.accused for i in incidents(text)) == ["KH", "TH"]


# --- a side's word that nothing happened, the sentence after, is its denial ------------------------------------


def test_the_accused_sides_word_that_no_clash_happened_is_its_denial():
    text = (
        "The Thai army said Cambodian troops had attacked Thai positions overnight near the Ta Muen Thom temple in "
        'Surin province on Tuesday. Cambodia\'s defence ministry said there had been "no armed clashes in any area" '
        "since the truce began."
    )
    i = told(incidents(text))
    assert (i.accused, i.denied_by) == ("KH", "KH")


def test_no_knowledge_of_such_flights_answers_the_flights():
    text = (
        "On Monday, Thailand accused Cambodia of flying drones over Thai territory in Sa Kaeo province on Sunday "
        "night. Cambodia's defence ministry said it had no knowledge of any such flights."
    )
    i = told(incidents(text, date(2025, 12, 31)))
    assert i.denied_by == "KH"


def test_the_accusing_sides_word_of_no_casualties_is_no_denial():
    text = (
        "Thai troops fired on Cambodian positions in Oddar Meanchey province on Monday, Cambodia said. Thailand's "
        "army said there had been no casualties on its side."
    )
    [i] = incidents(text)
    assert i.denied_by is None


# --- a denial naming the kind of attack, later in the report --------------------------------------------------


def test_a_later_denial_of_laying_mines_names_the_accused_of_the_blast():
    text = (
        "Three Thai soldiers were wounded when a landmine exploded during a patrol in Kantharalak district of "
        "Sisaket province on Saturday morning, the Second Army Area said.\n\n"
        "The army said the mine was of a type Thailand does not possess.\n\n"
        "The Cambodian Mine Action and Victim Assistance Authority denied that Cambodia had laid any new mines."
    )
    i = told(incidents(text, date(2025, 8, 10)))
    assert (i.kind, i.reported_by, i.accused, i.denied_by) == ("landmine", "TH", "KH", "KH")


def test_a_denial_of_planting_mines_in_other_words():
    text = (
        "A mine blast wounded two Thai rangers near Chong Chom in Surin on Tuesday.\n\n"
        "Phnom Penh again denied planting mines along the frontier."
    )
    i = told(incidents(text))
    assert (i.accused, i.denied_by) == ("KH", "KH")


def test_a_denial_of_another_kind_names_no_accused_of_the_blast():
    text = (
        "A mine blast wounded two Thai rangers near Chong Chom in Surin on Tuesday.\n\n"
        "Cambodia denied firing rockets at Thai villages."
    )
    [i] = incidents(text)
    assert (i.accused, i.denied_by) == (None, None)


# --- an accusation named as a noun: its owner accuses ---------------------------------------------------------


def test_a_claim_named_as_a_noun_is_its_owners():
    text = (
        "The meeting came days after a Thai army claim that Cambodian troops had fired small arms at Thai positions "
        'in Sisaket\'s Khun Han district on Wednesday, which Phnom Penh rejected as "baseless".'
    )
    [i] = incidents(text, date(2025, 8, 7))
    assert (i.kind, i.date, i.reported_by, i.accused, i.denied_by) == (
        "armed_clash",
        date(2025, 8, 6),
        "TH",
        "KH",
        "KH",
    )


def test_an_allegation_by_a_side_is_that_sides():
    text = (
        "Tensions rose after the allegation by the Cambodian side that Thai soldiers shelled homes in Banteay Meanchey."
    )
    [i] = incidents(text)
    assert (i.reported_by, i.accused) == ("KH", "TH")


def test_a_claim_with_no_owner_has_no_accuser():
    [i] = incidents("The claim that Cambodian rockets hit Surin province on Thursday could not be verified.")
    assert i.reported_by is None


# --- kinds told by their weapon or verb -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Cambodia accused Thailand on Tuesday of bombing positions in Banteay Meanchey province overnight.",
            "airstrike",
        ),
        ("Thai aircraft bombed a bridge in Oddar Meanchey province on Friday.", "airstrike"),
        ("Soldiers fired small arms at a border post in Sa Kaeo province on Friday.", "armed_clash"),
        ("Machine-gun fire was heard near a checkpoint in Trat province on Friday.", "armed_clash"),
    ],
)
def test_bombing_is_an_airstrike_and_small_arms_a_clash(text, kind):
    [i] = incidents(text)
    assert i.kind == kind


# --- fire traded by both sides accuses no one -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Thai and Cambodian troops traded artillery and rocket fire for a second day on Friday along their frontier.",
        "Cambodian and Thai forces exchanged heavy machine-gun and mortar fire near Ta Krabey temple on Monday.",
    ],
)
def test_fire_traded_by_both_names_no_attacker(text):
    assert {i.accused for i in incidents(text)} == {None}


def test_one_side_firing_artillery_is_that_sides():
    [i] = incidents("Cambodian troops fired artillery at Thai positions near Ta Krabey temple on Monday.")
    assert i.accused == "KH"


# --- across reports: a report telling two kinds on two days tells two events ------------------------------------


def test_one_reports_two_kinds_on_two_days_are_two_events():
    shells = telling(date(2025, 7, 27), date(2025, 7, 27), kind="artillery", rid="a")
    cluster = telling(date(2025, 7, 26), date(2025, 7, 27), kind="other", rid="a")
    assert len(merge_incidents([shells, cluster])) == 2


def test_another_reports_blast_of_no_stated_kind_a_day_apart_still_joins():
    shells = telling(date(2025, 7, 27), date(2025, 7, 27), kind="artillery", rid="a")
    blast = telling(date(2025, 7, 26), date(2025, 7, 27), kind="other", rid="b")
    assert len(merge_incidents([shells, blast])) == 1


# --- the accused side's word in a later clause of the same sentence; days counted from the day told before ------


def test_the_accused_sides_word_after_a_semicolon_is_its_denial():
    text = (
        "On January 10, Cambodia accused Thai troops of firing mortar rounds into Chouk Chey village in Banteay "
        "Meanchey, wounding a farmer; the Thai army said its forces had fired no mortars and suggested an old mine "
        "had gone off."
    )
    [i] = incidents(text, date(2026, 2, 3))
    assert (i.accused, i.denied_by) == ("TH", "TH")


def test_the_accused_sides_word_after_while_is_its_denial():
    text = "Thailand said Cambodian rockets hit Surin province on Friday, while Cambodia said it had fired no rockets."
    [i] = incidents(text)
    assert (i.accused, i.denied_by) == ("KH", "KH")


def test_the_accusers_word_after_a_semicolon_is_no_denial():
    text = "Thailand said Cambodian rockets hit Surin province on Friday; Thai officials said no one was hurt."
    [i] = incidents(text)
    assert i.denied_by is None


@pytest.mark.parametrize(
    ("later", "day"),
    [("Four days later", date(2025, 12, 14)), ("The next day", date(2025, 12, 11))],
)
def test_days_later_count_from_the_day_told_before(later, day):
    text = (
        "On December 10, Cambodia accused Thai troops of shelling a village in Banteay Meanchey province. "
        f"{later}, Thailand said a Cambodian drone had dropped an explosive near an outpost in Sa Kaeo province."
    )
    found = {i.kind: i.date for i in incidents(text)}
    assert found == {"artillery": date(2025, 12, 10), "drone": day}


def test_days_later_with_no_day_told_before_gives_no_day():
    text = "Four days later, Thailand said a Cambodian drone had dropped an explosive near an outpost in Sa Kaeo."
    [i] = incidents(text)
    assert i.date is None


def test_a_side_sending_f16s_is_the_attacker_and_the_later_telling_of_the_strike_is_one():
    text = (
        "Thailand sent F-16 fighter jets on Thursday to strike what it said were two Cambodian military targets. "
        "Phnom Penh said Thai jets had dropped bombs on a road near the Preah Vihear temple."
    )
    [i] = incidents(text, date(2025, 7, 25))
    assert (i.kind, i.date, i.accused) == ("airstrike", date(2025, 7, 24), "TH") and i.admin1


def test_a_side_sending_f16s_alone_is_named():
    [i] = incidents("Thailand sent F-16s to Oddar Meanchey province on Thursday.", date(2025, 7, 25))
    assert i.accused == "TH"


def test_a_placeless_telling_of_another_day_does_not_join_a_placed_event():
    placed = telling(date(2025, 7, 24), date(2025, 7, 25), kind="rocket", rid="a")
    bare = telling(date(2025, 7, 25), date(2025, 7, 25), kind="rocket", rid="b", places=(), point=None)
    bare = Telling(replace(bare.incident, admin1=()), bare.report, bare.day, None)
    assert len(merge_incidents([placed, bare])) == 2


def test_a_placeless_telling_of_the_same_day_still_joins():
    placed = telling(date(2025, 7, 24), date(2025, 7, 25), kind="rocket", rid="a")
    bare = telling(date(2025, 7, 24), date(2025, 7, 25), kind="rocket", rid="b", places=(), point=None)
    bare = Telling(replace(bare.incident, admin1=()), bare.report, bare.day, None)
    assert len(merge_incidents([placed, bare])) == 1


def test_the_accused_sides_word_of_no_casualties_from_the_attack_is_no_denial():
    text = (
        "Cambodia said Thai shells hit a school in Oddar Meanchey province on Monday. Thailand's army said there had "
        "been no casualties from the shelling."
    )
    [i] = incidents(text)
    assert (i.accused, i.denied_by) == ("TH", None)


def test_the_owner_of_a_claim_is_the_side_named_nearest_before_it():
    text = "Thailand rejected Cambodia's claim that Thai troops shelled a temple in Preah Vihear province on Monday."
    [i] = incidents(text)
    assert (i.reported_by, i.accused, i.denied_by) == ("KH", "TH", "TH")


def test_soldiers_shot_at_is_a_clash_and_the_side_denying_after_and_is_named():
    [i] = incidents(
        "The army said Cambodian soldiers shot at a Thai patrol in Sa Kaeo on Friday, and Cambodia denied it."
    )
    assert (i.kind, i.accused, i.denied_by, i.date) == ("armed_clash", "KH", "KH", date(2025, 12, 19))
