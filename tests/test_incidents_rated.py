"""Incidents and the sides' versions read by structure: a claim the report rates false is no incident; a side's
denial with its own account is its version, not a second incident; a definite attack named as a time reference, an
accord's date and an event told as the start of a period ("since May, when …") are no new violation; a side's word
that mines were newly laid accuses the other side, whose word that they are old denies it."""

from datetime import date

from dashboard.extract import extract
from dashboard.read import make_report


def incidents(text, published=date(2026, 1, 16)):
    return extract(make_report(text, published=published)).incidents


def brief(found):
    return sorted((i.kind, i.date, i.admin1, i.reported_by, i.accused, i.denied_by) for i in found)


# --- a claim the report rates ----------------------------------------------------------------------------------

FACTCHECK = (
    "Fact check: claims of breaches since December 27\n\n"
    'CLAIM: "Video shows Thai tanks rolling into Pursat province on January 13."\n'
    "VERDICT: FALSE.\n"
    "The footage was first posted in 2024. There has been no report from either government of Thai forces "
    "entering Pursat.\n"
)


def test_a_quoted_claim_rated_false_is_no_incident():
    assert incidents(FACTCHECK) == []


def test_a_claim_framed_and_rated_in_other_words_is_no_incident():
    text = (
        "Posts claiming that Cambodian rockets hit a school in Surin's Phanom Dong Rak district on January 12 "
        "are baseless, our review found.\n\n"
        'A viral message says "Thai jets bombed Samraong in Oddar Meanchey on January 10". There is no evidence '
        "that any aircraft flew that day.\n"
    )
    assert incidents(text) == []


def test_a_claim_a_side_calls_false_is_that_sides_denial_not_the_reports_rating():
    text = (
        "Cambodia's defence ministry claimed that Thai mortars hit Thma Puok in Banteay Meanchey on January 11. "
        "Thailand said the claim was false."
    )
    [i] = incidents(text)
    assert (i.kind, i.admin1, i.accused) == ("artillery", ("KH-1",), "TH")


def test_a_quotation_followed_by_no_reports_of_harm_is_not_rated():
    text = '"Thai artillery shelled Thma Puok in Banteay Meanchey on January 11."\nThere were no reports of casualties.'
    assert [i.kind for i in incidents(text)] == ["artillery"]


# --- a denial with the denier's own account is its version -------------------------------------------------------


def test_a_denial_with_its_own_account_at_another_place_is_no_second_incident():
    text = (
        "Cambodia's Ministry of National Defence said on Sunday, January 11, that a man was wounded in Thma Puok "
        "district, Banteay Meanchey province, and blamed Thai mortar fire. The Thai army denied firing any mortar "
        "and said its engineers had carried out a controlled detonation of unexploded shells on the Thai side, in "
        "Sa Kaeo's Khok Sung district, that morning."
    )
    found = incidents(text)
    assert {i.admin1 for i in found} == {("KH-1",)}
    assert ("TH", "TH") in {(i.accused, i.denied_by) for i in found}


def test_a_rejection_with_the_rejecters_own_work_elsewhere_is_its_version():
    text = (
        "Thailand's army said Cambodian rockets struck near Kantharalak in Sisaket on March 2. Cambodia rejected "
        "the charge and said its sappers had destroyed old rockets at a range in Preah Vihear's Choam Khsant "
        "district that day."
    )
    found = incidents(text, date(2026, 3, 4))
    assert {i.admin1 for i in found} == {("TH-33",)}


def test_a_denial_with_no_charge_before_it_keeps_its_incident():
    text = "The Thai army denied that its artillery shelled Khok Sung in Sa Kaeo on January 11."
    assert [(i.admin1, i.denied_by) for i in incidents(text)] == [(("TH-27",), "TH")]


PREY_CHAN = (
    "BANTEAY MEANCHEY - One Cambodian civilian was killed on Wednesday afternoon when Thai soldiers opened fire on "
    "villagers in Prey Chan village, the Ministry of National Defence said.\n\n"
    "The Thai army, in a statement on Wednesday evening, gave a different account. It said its soldiers at the "
    'Ban Nong Chan position in Sa Kaeo province had fired "warning shots into the air" after a crowd crossed into '
    "the area and threw stones at them. It denied that its troops had aimed at anyone.\n"
)


def test_a_pronoun_denial_and_the_account_beside_it_answer_the_charge():
    found = incidents(PREY_CHAN, date(2025, 11, 13))
    assert {i.admin1 for i in found} == {("KH-1",)}
    assert {(i.reported_by, i.accused, i.denied_by) for i in found} == {("KH", "TH", None), (None, "TH", "TH")}


def test_a_pronoun_denial_in_other_words():
    text = (
        "Thai troops shelled Choam Khsant in Preah Vihear on Monday, the defence ministry said.\n\n"
        "The Royal Thai Army issued a statement later. They said their gunners had fired flares at a range in "
        "Sisaket's Kantharalak district. They rejected the account of any shelling.\n"
    )
    found = incidents(text, date(2025, 11, 13))
    assert {i.admin1 for i in found} == {("KH-13",)}
    assert ("KH", "TH", None) in {(i.reported_by, i.accused, i.denied_by) for i in found}


# --- an accord's date, a reference to the attack just told, a background event -----------------------------------


def test_a_definite_attack_as_a_time_reference_with_an_accords_date_is_no_clash():
    text = (
        "The shooting came two days after Thailand announced it was suspending its implementation of the Joint "
        "Declaration signed in Kuala Lumpur on October 26, following a landmine blast that injured Thai soldiers "
        "in Sisaket province on Monday."
    )
    assert [i for i in incidents(text, date(2025, 11, 13)) if i.kind == "armed_clash"] == []


def test_an_attack_as_a_time_reference_in_other_words():
    text = (
        "The shelling came a day after Cambodia and Thailand agreed in Kuala Lumpur on Tuesday to extend the truce "
        "along the Surin border."
    )
    assert incidents(text, date(2025, 11, 13)) == []


def test_an_attack_that_comes_after_something_is_still_told_when_it_is_not_definite():
    text = "A shooting near Prey Chan in Banteay Meanchey came on Wednesday after weeks of calm."
    assert [i.kind for i in incidents(text, date(2025, 11, 13))] == ["armed_clash"]


def test_an_event_told_as_the_start_of_a_period_is_earlier():
    text = (
        "Tension had been building since May, when a Cambodian soldier was killed in a brief exchange of fire "
        "in the Emerald Triangle area."
    )
    assert [i.timing for i in incidents(text, date(2025, 10, 27))] == ["earlier"]


def test_a_period_started_by_an_event_in_other_words():
    text = "Relations have soured since February 2025, when troops traded fire near Ta Moan Thom temple in Surin."
    assert [i.timing for i in incidents(text, date(2025, 10, 27))] == ["earlier"]


def test_a_period_started_this_month_keeps_its_event():
    text = "Villagers have stayed away since October, when troops traded fire near Ta Moan Thom temple in Surin."
    assert [i.timing for i in incidents(text, date(2025, 10, 27))] == ["reported"]


# --- mines told newly laid, and the other side's word that they are old ------------------------------------------


def test_a_mine_said_to_be_new_accuses_the_other_side_whose_word_that_it_is_old_denies():
    text = (
        "One incident is not in dispute: a Thai ranger was wounded by a landmine in Sisaket's Khun Han district on "
        "January 9. Thailand protested to Cambodia, saying the mine was new; Cambodia said it was left over from "
        "past conflicts."
    )
    assert brief(incidents(text)) == [("landmine", date(2026, 1, 9), ("TH-33",), "TH", "KH", "KH")]


def test_mines_said_recently_laid_in_other_words():
    text = (
        "A landmine wounded two rangers near Chong Chom in Surin on Monday. The Thai army said the mines had been "
        '"freshly planted"; Phnom Penh said the area was full of mines left over from decades of war.'
    )
    assert brief(incidents(text, date(2026, 1, 14))) == [("landmine", date(2026, 1, 12), ("TH-32",), "TH", "KH", "KH")]


def test_a_quoted_rejection_of_new_mines_denies():
    text = (
        "A landmine exploded under a Thai patrol in Sisaket's Kantharalak district on Monday, the Thai army said. "
        'Cambodia\'s Ministry of National Defence said it "categorically rejects" any suggestion that its forces '
        "had laid new mines."
    )
    assert [(i.accused, i.denied_by) for i in incidents(text, date(2025, 11, 12)) if i.denied_by] == [("KH", "KH")]


def test_old_mines_named_with_no_charge_accuse_no_one():
    text = (
        "A landmine wounded a farmer near Chong Chom in Surin on Monday. Officials said the area was full of mines "
        "left over from past wars."
    )
    assert [(i.accused, i.denied_by) for i in incidents(text, date(2026, 1, 14))] == [(None, None)]


# --- the next day; a campaign over days is not one day's attack; ordnance left over; a mine stepped on ------------


def test_followed_the_next_morning_by_dates_the_next_day():
    text = (
        "A claim by U.S. President Donald Trump on 12 December that both leaders had agreed to stop shooting was "
        "followed the next morning by some of the heaviest shelling of the month near Ta Krabey temple in Surin."
    )
    assert [i.date for i in incidents(text, date(2025, 12, 20))] == [date(2025, 12, 13)]


def test_the_following_day_in_other_words():
    text = "Talks ended on 3 March in Surin, and on the following day rockets fell on Kantharalak in Sisaket."
    assert [i.date for i in incidents(text, date(2025, 3, 10))] == [date(2025, 3, 4)]


def test_a_day_with_no_next_day_stays_its_own():
    text = "Rockets fell on Kantharalak in Sisaket on 3 March, the army said the next day."
    assert [i.date for i in incidents(text, date(2025, 3, 10))] == [date(2025, 3, 3)]


def test_a_campaign_since_a_day_is_not_merged_into_one_days_shelling():
    text = (
        "Since dawn on Monday, 8 December, Thai forces have used F-16 fighter jets, heavy artillery and drones to "
        "strike positions and villages in Preah Vihear, Oddar Meanchey and Banteay Meanchey provinces. The "
        "Ministry also condemns the shelling on Wednesday of areas near the Preah Vihear temple."
    )
    found = incidents(text, date(2025, 12, 12))
    assert [i for i in found if i.kind == "artillery" and i.date and len(i.admin1) > 2] == []


def test_a_campaign_in_other_words_keeps_its_own_telling():
    text = (
        "Since 7 March Cambodian gunners have shelled villages across Surin and Sisaket. On Tuesday, shells hit a "
        "school in Surin's Phanom Dong Rak district."
    )
    found = incidents(text, date(2025, 3, 14))
    assert {(i.date, i.admin1) for i in found} == {(date(2025, 3, 11), ("TH-32",)), (None, ("TH-32", "TH-33"))}


def test_unexploded_ordnance_is_no_attack():
    text = (
        "The provincial office says about 1,200 people are still living in two shelters in Khun Han district, "
        "waiting for their homes to be checked for unexploded shells. On 9 January, a farmer was killed by an "
        "unexploded shell while clearing his rice field in Thma Puok district, Banteay Meanchey."
    )
    assert incidents(text, date(2026, 2, 14)) == []


def test_leftover_rockets_in_a_list_are_no_attack():
    text = "Deminers removed leftover rockets, mortars and grenades from a school in Surin's Phanom Dong Rak district."
    assert incidents(text, date(2026, 2, 14)) == []


def test_shells_that_hit_are_still_an_attack():
    text = "Artillery shells hit a school in Surin's Phanom Dong Rak district on Monday."
    assert [i.kind for i in incidents(text, date(2026, 2, 14))] == ["artillery"]


def test_a_mine_stepped_on_is_a_landmine():
    text = (
        "A paramilitary ranger was seriously wounded on Tuesday when he stepped on a mine while on patrol near the "
        "Sam Tae area of Kantharalak, the 2nd Army Area said."
    )
    assert [(i.kind, i.date) for i in incidents(text, date(2026, 2, 14))] == [("landmine", date(2026, 2, 10))]


def test_a_mine_trod_on_in_other_words():
    text = "Near Chong Chom in Surin, a villager trod on an anti-personnel mine on Sunday."
    assert [i.kind for i in incidents(text, date(2026, 2, 14))] == ["landmine"]


def test_a_mine_named_without_stepping_on_it_is_no_incident():
    text = "Deminers found a mine near Chong Chom in Surin on Sunday."
    assert incidents(text, date(2026, 2, 14)) == []


def test_a_speaker_whose_country_is_in_the_subject_tells_the_charge():
    text = (
        "On 11 January, Cambodia's Ministry of National Defence said Thai forces had fired mortar rounds near the "
        "An Ses area of Preah Vihear province."
    )
    assert [(i.reported_by, i.accused) for i in incidents(text)] == [("KH", "TH")]


def test_a_speaker_in_other_words():
    text = "Thailand's Council of Ministers said Cambodian forces fired rockets into Kantharalak in Sisaket on Monday."
    assert [(i.reported_by, i.accused) for i in incidents(text)] == [("TH", "KH")]


# --- a charge answered by a denial in the same sentence is an allegation --------------------------------------------


def test_a_flight_charged_and_denied_in_one_sentence_is_an_alleged_violation():
    text = (
        "On 14 January, the Thai army said Cambodian drones had flown over Thai positions in Khok Sung district, "
        "Sa Kaeo; Cambodia denied sending drones across the border."
    )
    assert brief(incidents(text)) == [("airspace", date(2026, 1, 14), ("TH-27",), "TH", "KH", "KH")]


def test_a_flight_charged_and_denied_in_other_words():
    text = (
        "Cambodia's army said Thai drones hovered over its outpost near Choam Khsant in Preah Vihear on Monday, "
        "but Thailand rejected the account."
    )
    assert brief(incidents(text, date(2026, 1, 14))) == [("airspace", date(2026, 1, 12), ("KH-13",), "KH", "TH", "TH")]


def test_a_flight_neither_charged_nor_denied_is_no_allegation():
    text = "On 14 January, Cambodian drones flew over Khok Sung district in Sa Kaeo."
    assert [i for i in incidents(text) if i.kind == "airspace"] == []


# --- across reports: a denial told at a place answers an event at a place ---------------------------------------


def _telling(kind, admin1, reported_by, accused, denied_by, day=None, published=date(2025, 7, 25)):
    from dashboard.reconcile import Telling
    from dashboard.records import Evidence, Incident, Report

    inc = Incident(
        Evidence("r1", kind, 0, 1, kind),
        kind,
        ("X",) if admin1 else (),
        admin1,
        day,
        reported_by,
        accused,
        denied_by,
        "stated" if day else "reported",
    )
    return Telling(inc, Report("r1", "r1.txt", "s", published=published, outlet="O"), day or published, None)


def test_a_placed_denial_answers_the_placed_charge_not_a_placeless_event():
    from dashboard.reconcile import merge_incidents

    events = merge_incidents(
        [
            _telling("artillery", (), None, None, None, day=date(2025, 7, 25)),
            _telling("landmine", ("TH-34",), "TH", "KH", None),
            _telling("landmine", ("TH-34",), None, "KH", "KH"),
        ]
    )
    assert {(e.kind, t.incident.denied_by) for e in events for t in e.tellings} == {
        ("artillery", None),
        ("landmine", None),
        ("landmine", "KH"),
    }


def test_a_placed_denial_with_only_a_placeless_event_stays_apart():
    from dashboard.reconcile import merge_incidents

    events = merge_incidents(
        [
            _telling("rocket", (), None, None, None, day=date(2025, 7, 25)),
            _telling("rocket", ("TH-33",), None, "KH", "KH"),
        ]
    )
    assert len(events) == 2


def test_a_placeless_denial_still_answers_a_placeless_event():
    from dashboard.reconcile import merge_incidents

    events = merge_incidents(
        [_telling("rocket", (), "TH", "KH", None, day=date(2025, 7, 25)), _telling("rocket", (), None, "KH", "KH")]
    )
    assert len(events) == 1
