"""The accused side's word that it did not do the act (its verb alone: "did not fire at all") or that a mine is old
("an old mine from the 1980s") is its denial of the charge before it."""

from datetime import date

from dashboard.extract import extract
from dashboard.read import make_report


def told(text, published=date(2026, 1, 16)):
    return sorted(
        (
            (i.kind, i.reported_by, i.accused, i.denied_by)
            for i in extract(make_report(text, published=published)).incidents
        ),
        key=str,
    )


def test_the_accused_sides_word_that_its_soldiers_did_not_fire_denies_the_charge():
    text = (
        "On Tuesday the Thai army reported that Cambodian soldiers fired small arms toward Thai positions near Ta "
        "Krabey temple. Cambodia says its soldiers did not fire at all."
    )
    assert ("armed_clash", None, "KH", "KH") in told(text)


def test_a_denial_of_firing_in_other_words():
    text = (
        "Cambodia said Thai soldiers fired small arms at its positions near Chong Chom on Friday. "
        "The Thai army says its men did not shoot at anyone."
    )
    assert any(t[2] == "TH" and t[3] == "TH" for t in told(text))


def test_the_accusers_own_word_that_it_did_not_fire_back_denies_nothing():
    text = (
        "On Tuesday the Thai army reported that Cambodian soldiers fired small arms toward Thai positions near Ta "
        "Krabey temple. Thailand says its soldiers did not fire back."
    )
    assert all(t[3] is None for t in told(text))


def test_an_old_mine_in_the_accused_sides_words_denies_that_it_was_newly_laid():
    text = (
        "Last Sunday a Thai ranger was badly injured by a landmine near Chong An Ma in Nam Yuen district, Ubon "
        "Ratchathani. Thailand says the mine was newly laid; Cambodia says it is an old mine from the 1980s."
    )
    assert ("landmine", "TH", "KH", "KH") in told(text)


def test_a_mine_from_decades_ago_in_other_words():
    text = (
        "A Thai soldier was wounded by a landmine near Ban Phu Phi in Kantharalak district on Monday. Bangkok says "
        "the mine was newly laid; Phnom Penh says it was an old landmine from the 1970s."
    )
    assert any(t[0] == "landmine" and t[2] == "KH" and t[3] == "KH" for t in told(text))


def test_an_old_mine_told_by_the_accusing_side_denies_nothing():
    text = (
        "A Thai soldier lost a foot to a mine near Ban Phu Phi in Kantharalak district on Monday. Thailand says the "
        "mine was newly laid, not an old mine from the 1980s."
    )
    assert all(t[3] is None for t in told(text) if t[0] == "landmine")
