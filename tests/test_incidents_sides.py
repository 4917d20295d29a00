"""Incidents: who accuses, who denies and each side's version when the accusation is told by a government's seat, a
charge that mines were newly laid, a denial that names its kind elsewhere in its sentence, or the accused side's own
account in a later clause; what a weapon's word names when it is a target or an allegation; a dateline's day; and
one side's charge at several points as one allegation."""

from dataclasses import replace
from datetime import date

from dashboard.extract import extract
from dashboard.read import make_report


def incidents(text, published=date(2025, 11, 13)):
    return extract(make_report(text, published=published)).incidents


def sides(found):
    """(kind, accuser, accused, denier) of each incident a report tells, its tellings taken together."""
    return sorted((i.kind, i.reported_by, i.accused, i.denied_by) for i in one_per_incident(found))


def one_per_incident(found):
    """The incidents of a report with each side's denial told in words of its own folded into the telling it
    answers (the same kind, date and places): what the report says of each incident, taken together."""
    out = {}
    for i in found:
        key = (i.kind, i.date, i.admin1)
        m = out.get(key)
        out[key] = (
            i
            if m is None
            else replace(
                m,
                reported_by=m.reported_by or i.reported_by,
                accused=m.accused or i.accused,
                denied_by=m.denied_by or i.denied_by,
            )
        )
    return list(out.values())


def told(found):
    """The one incident a report tells, its tellings taken together."""
    [i] = one_per_incident(found)
    return i


# --- mines told as newly laid: the other side is accused; a denial naming mines anywhere answers the blast ------


def test_a_capital_that_says_the_mines_were_newly_laid_accuses_the_other_side_and_the_other_capital_denies():
    text = (
        "On August 9 a landmine near Ta Muen Thom, in Surin's Phanom Dong Rak district, wounded three Thai soldiers. "
        "Bangkok said the mines were newly laid PMN-2s; Phnom Penh denied planting any and blamed leftovers of its "
        "civil war."
    )
    assert sides(incidents(text)) == [("landmine", "TH", "KH", "KH")]


def test_blaming_newly_laid_mines_accuses_the_other_side_and_a_denial_of_it_answers():
    text = (
        "On January 20 a landmine wounded a Thai ranger near the Chong Chom border pass in Surin's Kap Choeng "
        "district. Thailand again blamed newly laid mines; Cambodia denied it."
    )
    assert sides(incidents(text, date(2026, 2, 4))) == [("landmine", "TH", "KH", "KH")]


def test_a_charge_of_fresh_mines_with_no_denial_still_accuses_the_other_side():
    text = (
        "A mine blast maimed a ranger near Chong Chom in Surin on Monday. Thai army engineers said the devices "
        "were PMN-2s that had been freshly planted, and Thai officials said Cambodia had been laying new mines."
    )
    assert sides(incidents(text)) == [("landmine", "TH", "KH", None)]


def test_new_mines_charged_by_the_side_where_the_blast_was_not_are_no_charge_and_a_negation_is_none():
    other = "A mine blast maimed a ranger near Chong Chom in Surin on Monday. Cambodia said the mines were newly laid."
    negated = (
        "A mine blast maimed a ranger near Chong Chom in Surin on Monday. Thai officials said the mines had not been "
        "newly laid."
    )
    assert sides(incidents(other)) == [("landmine", None, None, None)]
    assert sides(incidents(negated)) == [("landmine", None, None, None)]


def test_a_denial_that_names_the_mines_in_a_later_paragraph_answers_the_blast():
    text = (
        "On 10 November 2025 a patrol struck a landmine near Ban Phu Phi in Sisaket province. Two soldiers were "
        "injured.\n\nThe Cambodian side has denied any responsibility and asserted that the mines date from past "
        "conflicts."
    )
    assert sides(incidents(text)) == [("landmine", "TH", "KH", "KH")]


def test_rejecting_a_sides_accusation_is_the_other_sides_denial():
    tester = (
        "The Ministry of National Defence also rejected the Thai accusation that Cambodia had laid new landmines near "
        "Huai Thap Than in Sisaket province, where two Thai soldiers were injured on 10 November."
    )
    mine = (
        "The defence ministry spokesman dismissed Cambodia's claims that Thai troops shelled Samraong in Oddar "
        "Meanchey province on Sunday."
    )
    assert sides(incidents(tester)) == [("landmine", "TH", "KH", "KH")]
    assert [i.denied_by for i in incidents(mine)] == ["TH"]


# --- the accused side's own account in a later clause or the next sentence is its version ----------------------


def test_the_accused_sides_account_in_a_later_clause_is_its_version():
    tester = (
        "On January 13 Cambodia accused Thai forces of firing artillery near An Ses village in Preah Vihear's Choam "
        "Ksan district; no one was hurt, and Thailand said its engineers had carried out a controlled detonation of "
        "old ordnance on the Thai side."
    )
    tester2 = (
        "On September 17 Thai troops used rubber bullets and tear gas against Cambodian villagers protesting against "
        "razor wire at Prey Chan, in Banteay Meanchey; Cambodia said 23 people were hurt, while Thailand said the "
        "crowd had thrown stones and tried to tear down the wire."
    )
    mine = (
        "Thai officials accused Cambodian gunners of shelling Ban Nong Chan in Sa Kaeo province on Friday, but "
        "Cambodia's army said its units had only fired flares during a night exercise."
    )
    assert sides(incidents(tester, date(2026, 2, 4))) == [("artillery", "KH", "TH", "TH")]
    assert sides(incidents(tester2, date(2025, 10, 27))) == [("confrontation", "KH", "TH", "TH")]
    assert sides(incidents(mine)) == [("artillery", "TH", "KH", "KH")]


def test_the_accused_sides_account_in_the_next_sentence_is_its_version():
    text = (
        "Cambodia accused Thai troops of firing on Prey Chan village in Banteay Meanchey on Wednesday. The Thai army "
        "said its soldiers had fired warning shots into the air."
    )
    assert sides(incidents(text)) == [("armed_clash", "KH", "TH", "TH")]


def test_a_later_clause_that_threatens_or_counts_losses_is_no_version():
    threat = (
        "Cambodia accused Thai troops of shelling Samraong in Oddar Meanchey province on Sunday; Thailand said it "
        "would respond if attacked again."
    )
    losses = (
        "Cambodia accused Thai troops of shelling Samraong in Oddar Meanchey province on Sunday; Thailand said two "
        "of its soldiers had died in earlier fighting."
    )
    accuser = (
        "Cambodia accused Thai troops of shelling Samraong in Oddar Meanchey province on Sunday; Cambodia said the "
        "shells had landed near a school."
    )
    for text in (threat, losses, accuser):
        assert sides(incidents(text)) == [("artillery", "KH", "TH", None)], text


def test_a_denial_after_a_clause_of_the_speakers_own_goes_to_the_speaker_and_answers_the_shooting():
    text = (
        "The Royal Government of Cambodia has strongly condemned the shooting by Thai soldiers into Prey Chan "
        "village, O'Chrov district, Banteay Meanchey province, on the afternoon of Wednesday, 12 November, which "
        "killed one Cambodian civilian.\n\nThe Thai army claimed its soldiers had fired warning shots into the air "
        "after hearing gunfire from the Cambodian side, and denied aiming at civilians."
    )
    i = told(incidents(text))
    assert (i.kind, i.date, i.reported_by, i.accused, i.denied_by) == (
        "armed_clash",
        date(2025, 11, 12),
        "KH",
        "TH",
        "TH",
    )


# --- a shooting is a clash; its agent after "by"; the side that condemns it tells it ---------------------------


def test_a_shooting_by_one_sides_soldiers_condemned_by_the_other_is_a_clash_it_tells():
    mine = "Thailand protested the shooting of a ranger by Cambodian troops near Chong Chom in Surin on Sunday."
    [i] = incidents(mine)
    assert (i.kind, i.reported_by, i.accused) == ("armed_clash", "TH", "KH")


def test_by_that_names_no_side_names_no_attacker():
    [i] = incidents("Shelling by night damaged a school near Samraong in Oddar Meanchey province on Sunday.")
    assert i.accused is None


# --- a weapon's word that names a target or an allegation is no attack ------------------------------------------


def test_the_targets_of_a_strike_are_not_attacks():
    tester = (
        "On Monday afternoon Thailand launched air strikes on what it said were Cambodian artillery and drone sites."
    )
    mine = "Thai jets bombed rocket depots and mortar positions near Samraong in Oddar Meanchey province on Tuesday."
    assert sides(incidents(tester, date(2025, 12, 10))) == [("airstrike", None, "TH", None)]
    assert [i.kind for i in incidents(mine)] == ["airstrike"]


def test_a_weapon_used_as_the_verb_before_positions_is_still_an_attack():
    found = incidents("Cambodian gunners shelled positions near Chong Chom in Surin province on Sunday.")
    assert [(i.kind, i.accused) for i in found] == [("artillery", "KH")]


def test_a_headline_about_rejecting_allegations_tells_no_event():
    lead = " The shooting into Prey Chan village in Banteay Meanchey province killed a villager on Wednesday."
    tester = (
        "Cambodia condemns Thai shooting that killed villager at Prey Chan, rejects landmine allegations\n\n" + lead
    )
    mine = "Phnom Penh dismisses drone claims over Prey Chan\n\n" + lead
    blast = "Landmine blast at Prey Chan wounds two\n\n" + lead
    assert [i.kind for i in incidents(tester)] == ["armed_clash"]
    assert [i.kind for i in incidents(mine)] == ["armed_clash"]
    assert sorted(i.kind for i in incidents(blast)) == ["armed_clash", "landmine"]


# --- a dateline's day is the report's, not the event's -----------------------------------------------------------


def test_a_datelines_day_does_not_date_the_event_the_sentence_tells():
    tester = (
        "PHNOM PENH, 13 November 2025 (Kampuchea State News) -- The Royal Government of Cambodia has strongly "
        "condemned the shooting by Thai soldiers into Prey Chan village, Banteay Meanchey province, on the afternoon "
        "of Wednesday, 12 November."
    )
    mine = "SURIN, Dec 9 (Agency) - Cambodian rockets hit Kap Choeng district in Surin province on Sunday."
    assert [i.date for i in incidents(tester)] == [date(2025, 11, 12)]
    assert [i.date for i in incidents(mine, date(2025, 12, 9))] == [date(2025, 12, 7)]


# --- one side's charge that the other fired at several points is one allegation ---------------------------------


def test_one_sides_charge_at_several_points_is_one_allegation_with_its_grenades():
    tester = (
        "The Royal Thai Army says Cambodian troops fired small arms and grenades at Thai positions at several points "
        "after the ceasefire came into force, including Phu Makhuea in Sisaket and Sam Taet in Ubon Ratchathani."
    )
    mine = (
        "Cambodia's defence ministry said Thai soldiers opened fire with rifles and grenades on its outposts at Chong "
        "Chom in Oddar Meanchey and near Preah Vihear Temple on Tuesday."
    )
    [a] = incidents(tester, date(2025, 7, 29))
    assert (a.kind, a.reported_by, a.accused, a.admin1) == ("armed_clash", "TH", "KH", ("TH-33", "TH-34"))
    [b] = incidents(mine)
    assert (b.kind, b.reported_by, b.accused) == ("armed_clash", "KH", "TH")


def test_a_grenade_blast_told_apart_from_the_fighting_is_its_own_incident():
    text = (
        "Troops exchanged fire at Chong Chom in Surin on Sunday, and hours later a grenade exploded near a school in "
        "Sisaket."
    )
    assert sorted(i.kind for i in incidents(text)) == ["armed_clash", "other"]


# --- an attack told on one side's ground is not placed at a theatre in the other country ----------------------


def test_a_loose_strike_on_the_other_country_is_not_placed_at_the_theatre_at_home():
    text = (
        "Thai jets strike Cambodia again as the border war spreads\n\n"
        "The fighting began on Sunday with an exchange of fire near Phu Makhuea in Sisaket province."
    )
    found = incidents(text, date(2025, 12, 10))
    assert not [i for i in found if i.kind == "airstrike" and i.admin1]


# --- an accusation in a later clause is of another act: it names no accuser of the attack told before it --------


def test_a_counter_accusation_in_a_later_clause_does_not_make_its_side_the_accuser():
    tester = (
        "On Tuesday Thailand said Cambodian troops had fired at its positions near Phu Makhuea in Sisaket province; "
        "Cambodia denied it and accused Thai troops of digging trenches in the contested area."
    )
    mine = (
        "Cambodian officials said Thai gunners shelled Samraong in Oddar Meanchey province on Sunday; Thailand "
        "rejected the report and accused Cambodian officials of staging the incident for the cameras."
    )
    assert sides(incidents(tester, date(2025, 8, 7))) == [("armed_clash", "TH", "KH", "KH")]
    assert sides(incidents(mine)) == [("artillery", "KH", "TH", "TH")]


def test_an_accusation_in_the_clause_of_the_attack_still_names_its_accuser():
    text = "Cambodia accused Thai troops of shelling Samraong in Oddar Meanchey province on Sunday; no one was hurt."
    assert sides(incidents(text)) == [("artillery", "KH", "TH", None)]


# --- the event the fighting began with is an event of that day, not background -----------------------------------


def test_the_event_the_fighting_began_with_is_dated_by_that_day():
    tester = (
        "The fighting began on Sunday evening, December 7, with an exchange of fire near Phu Makhuea in Sisaket "
        "province's Kantharalak district in which two Thai soldiers were wounded."
    )
    mine = "Hostilities erupted on 11 June with a mortar barrage on Ban Nong Chan in Sa Kaeo province."
    [a] = incidents(tester, date(2025, 12, 10))
    assert (a.kind, a.date, a.timing) == ("armed_clash", date(2025, 12, 7), "stated")
    [b] = incidents(mine, date(2025, 6, 14))
    assert (b.kind, b.date) == ("artillery", date(2025, 6, 11))


def test_the_day_the_fighting_began_told_as_background_dates_no_event():
    text = (
        "Since the fighting began on 7 December, and with the rains coming, shelling has hit villages near Ban Nong "
        "Chan in Sa Kaeo province."
    )
    assert [(i.date, i.timing) for i in incidents(text, date(2025, 12, 20))] == [(None, "earlier")]


# --- a denial told in a sentence of its own is that side's telling, in its own words --------------------------


def test_a_denial_in_a_sentence_of_its_own_is_told_in_its_own_words():
    tester = (
        "On January 20 a landmine wounded a Thai ranger near the Chong Chom border pass in Surin's Kap Choeng "
        "district. Thailand again blamed newly laid mines; Cambodia denied it."
    )
    mine = (
        "Cambodia said Thai gunners shelled Samraong in Oddar Meanchey province on Sunday.\n\n"
        "The Thai army said its artillery had fired only at empty hillsides and rejected the Cambodian claims."
    )
    for text, accuser, denier in ((tester, "TH", "KH"), (mine, "KH", "TH")):
        found = incidents(text, date(2026, 2, 4))
        accusation = [i for i in found if i.reported_by == accuser]
        denial = [i for i in found if i.denied_by == denier and i.reported_by is None]
        assert len(accusation) == 1 and accusation[0].denied_by is None
        assert len(denial) == 1 and denial[0].evidence.sentence.split()[-2:] == text.split()[-2:]
        assert (denial[0].kind, denial[0].date, denial[0].accused) == (
            accusation[0].kind,
            accusation[0].date,
            denier,
        )


def test_a_denial_in_the_accusations_own_sentence_stays_in_it():
    text = "Cambodia accused Thai troops of shelling Samraong in Oddar Meanchey province on Sunday; Thailand denied it."
    [i] = incidents(text)
    assert (i.reported_by, i.accused, i.denied_by) == ("KH", "TH", "TH")


# --- rejecting the other side's claim by name answers it where the report tells it, even later ------------------


def test_a_rejection_of_the_other_sides_claim_told_first_answers_it():
    tester = (
        "07:45 Tue - Cambodia's defence ministry spokesperson rejects the Thai claim outright: \"There were no armed "
        'clashes anywhere along the border after midnight."\n\n'
        "07:10 Tue - The Royal Thai Army says Cambodian troops fired small arms and grenades at Thai positions at "
        "several points after the ceasefire came into force, including Phu Makhuea in Sisaket and Sam Taet in Ubon "
        "Ratchathani."
    )
    mine = (
        "Thailand's foreign ministry dismissed Cambodia's allegations of shelling as fabricated.\n\n"
        "Earlier, Cambodian officials said Thai artillery shelled Samraong in Oddar Meanchey province on Sunday."
    )
    assert sides(incidents(tester, date(2025, 7, 29))) == [("armed_clash", "TH", "KH", "KH")]
    assert sides(incidents(mine)) == [("artillery", "KH", "TH", "TH")]


def test_a_denial_that_names_no_claim_told_first_answers_nothing_after_it():
    text = (
        "Cambodia denied any armed clashes along the border.\n\n"
        "Later, the Thai army said Cambodian troops fired on Thai positions near Phu Makhuea in Sisaket on Tuesday."
    )
    assert sides(incidents(text, date(2025, 7, 29))) == [("armed_clash", "TH", "KH", None)]
