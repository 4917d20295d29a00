"""Figures from phrasings of the second unseen-report audit (session 11): whose people a count is when its speaker is
a pronoun, when its sentence continues one side's account or restates the headline's count, when it answers a
question; the displaced who died; partitives; an aside between a count and its verb; datelines that name a
province; a span of days that is not the two countries."""

from datetime import date

import pytest

from dashboard import queries
from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.extract.actors import BOTH, victim_side
from dashboard.read import make_report
from dashboard.store import Store

DEC = date(2025, 12, 29)


def _figures(gaz, text, published=DEC):
    r = make_report(text, "r.txt", published=published, name="r", outlet="Outlet")
    return [
        (f.metric, f.value, f.country, f.group, f.scope, f.both_sides, f.part_of_total) for f in extract(r, gaz).figures
    ]


def _of(found, value):
    [hit] = [f for f in found if f[1] == value]
    return hit


# --- a speaker named by a pronoun takes the side of the speaker before it ------------------------------------------


def test_a_pronoun_speaker_counts_for_the_government_the_sentence_before_named(gaz):
    found = _figures(
        gaz,
        "How many people were killed in December?\n\n"
        "The Thai government says 25 Thai soldiers and one Thai civilian were killed by Cambodian fire between "
        "December 8 and 27. It also counts 14 evacuees, most of them elderly, who died of illness in shelters, and "
        'gives a figure of 40 deaths "linked to the conflict". Cambodia\'s interior ministry says 31 Cambodian '
        "civilians were killed and 95 injured.",
    )
    assert not [f for f in found if f[0] == "displaced"]  # the evacuees who died are deaths, not displaced
    assert _of(found, 14)[:3] == ("killed", 14, "TH") and _of(found, 14)[4] == "indirect"
    assert _of(found, 40)[:3] == ("killed", 40, "TH") and _of(found, 40)[4] == "with_indirect"
    assert _of(found, 31)[2] == "KH"


FIGHTING = (
    "Fighting went on along the border on Tuesday, and shells fell on Thai villages. Cambodia's defence ministry "
    "said its forces had shelled Thai positions. "
)


@pytest.mark.parametrize(
    "then", ["It also gave a figure of 30 soldiers wounded.", "The ministry added that 30 soldiers were wounded."]
)
def test_a_speaker_named_again_by_a_pronoun_or_its_title_is_the_side_named_before(gaz, then):
    assert _of(_figures(gaz, FIGHTING + then), 30)[:3] == ("injured", 30, "KH")


def test_a_pronoun_that_is_no_speaker_takes_no_side_from_the_sentence_before(gaz):
    text = FIGHTING + "It was the worst week since July, with 30 soldiers wounded."
    assert (
        _of(_figures(gaz, text), 30)[2] != "KH"
    )  # the paragraph's side (the Thai villages shelled), not the speaker's


# --- people of a displaced group who died -----------------------------------------------------------------------


def test_the_displaced_who_died_are_deaths_and_indirect_when_their_clause_says_so(gaz):
    found = _figures(gaz, "The health ministry said 21 evacuees who died in temporary shelters had chronic illnesses.")
    assert [(f[0], f[1], f[4]) for f in found] == [("killed", 21, "indirect")]
    found = _figures(gaz, "Officials said 9 displaced people who were later killed by shelling had returned early.")
    assert [(f[0], f[1]) for f in found] == [("killed", 9)]


def test_the_displaced_who_went_home_or_are_sheltering_stay_the_displaced(gaz):
    assert [f[0] for f in _figures(gaz, "Some 21,000 evacuees who fled the shelling are now in shelters.")] == [
        "displaced"
    ]
    assert [f[0] for f in _figures(gaz, "About 30,000 evacuees remain in temporary shelters.")] == ["displaced"]


# --- a span of days is not the two countries ----------------------------------------------------------------------


def test_a_span_of_days_is_not_the_two_countries():
    assert victim_side("The army says 25 Thai soldiers were killed between December 8 and 27.") == "TH"
    assert victim_side("Officials said 40 Cambodians died between 8 and 27 December.") == "KH"
    assert BOTH.search("the fighting between the two neighbours")  # the two countries
    assert victim_side("Fighting between Thai and Cambodian troops killed 12.") is None


# --- whose people a bare count is ----------------------------------------------------------------------------------


def test_a_count_whose_words_go_on_past_its_verb_is_of_the_people_hurt_not_of_the_attackers(gaz):
    found = _figures(
        gaz,
        "The Royal Thai Army reported that 16 Thai soldiers have lost their lives and 214 have been injured since "
        "Cambodian forces resumed attacks on Thai territory on 8 December.",
    )
    assert _of(found, 214)[:3] == ("injured", 214, "TH")
    found = _figures(
        gaz,
        "Phnom Penh said nine civilians had been killed and 46 injured in Thai air and artillery strikes this week.",
    )
    assert _of(found, 46)[2] == "KH"
    assert _of(_figures(gaz, "At least 23 were killed in Thailand this week."), 23)[2] == "TH"


def test_a_count_displaced_by_a_sides_aggression_is_of_the_other_side(gaz):
    assert _of(_figures(gaz, "135,000 displaced by Thai military aggression, the ministry said."), 135000)[2] == "KH"
    assert _of(_figures(gaz, "Some 135,000 Thai villagers have been displaced."), 135000)[2] == "TH"


def test_a_sentence_continuing_one_sides_account_counts_that_sides_people(gaz):
    found = _figures(
        gaz,
        "According to Thai authorities, 29 people have been killed in Thailand since 24 July: 15 soldiers and 14 "
        "civilians. More than 50 soldiers and some 40 civilians have been injured. The Cambodian Ministry of "
        "National Defence reports 13 people killed in Cambodia and 71 injured.",
        date(2025, 8, 1),
    )
    assert _of(found, 50)[:4] == ("injured", 50, "TH", "military")
    assert _of(found, 40)[:4] == ("injured", 40, "TH", "civilian")
    found = _figures(
        gaz,
        "Cambodian officials said 13 people had been killed in Cambodia since Thursday. Around 60 villagers and "
        "about 20 troops were wounded. Thailand reported 25 dead.",
        date(2025, 8, 1),
    )
    assert _of(found, 60)[2] == "KH" and _of(found, 20)[2] == "KH"


def test_a_sentence_that_sums_up_continues_no_sides_account(gaz):
    found = _figures(
        gaz,
        "Thai officials said 20 people had been killed in Thailand. Cambodian officials said 13 had died in "
        "Cambodia. In all, 33 people have been killed.",
        date(2025, 8, 1),
    )
    assert _of(found, 33)[2] is None


def test_a_reports_count_told_again_without_its_side_is_the_same_count(gaz):
    found = _figures(
        gaz,
        "Army: 16 Thai soldiers killed; more than 400,000 Thais evacuated\n\n"
        "The Ministry of Interior said more than 400,000 people from seven provinces have been evacuated since the "
        "fighting began.",
        date(2025, 12, 15),
    )
    assert [f[:3] for f in found if f[0] == "displaced"] == [("displaced", 400000, "TH")]


def test_a_count_told_again_of_both_countries_or_told_for_each_side_keeps_its_own_side(gaz):
    found = _figures(
        gaz,
        "More than 400,000 Thais evacuated\n\nMore than 400,000 people in the two countries have been evacuated.",
        date(2025, 12, 15),
    )
    assert _of([f for f in found if f[5]], 400000)[2] is None
    found = _figures(
        gaz,
        "About 300,000 Thais and about 300,000 Cambodians have fled.\n\nAbout 300,000 people have fled.",
        date(2025, 12, 15),
    )
    assert sorted(str(f[2]) for f in found) == ["KH", "None", "TH"]


# --- partitives, answers, lists and asides ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Thailand's health ministry said 13 of the dead were civilians and one was a soldier.",
        "Two of those wounded were children, the ministry said.",
    ],
)
def test_a_partitive_is_a_part_of_a_total(gaz, text):
    assert [f[6] for f in _figures(gaz, text)] == [True]


def test_a_count_that_is_no_partitive_is_no_part(gaz):
    assert [f[6] for f in _figures(gaz, "The ministry said 13 civilians of the border district were killed.")] == [
        False
    ]


def test_the_answer_to_a_question_counts_what_it_asks(gaz):
    found = _figures(
        gaz,
        "How many people fled?\n\nAt the peak, about 400,000 in Thailand and more than 500,000 in Cambodia, "
        "according to the two governments.",
    )
    assert [f[:3] for f in found] == [("displaced", 400000, "TH"), ("displaced", 500000, "KH")]
    found = _figures(gaz, "How many were killed in December?\n\nAbout 30 in Thailand and 45 in Cambodia.")
    assert [f[:3] for f in found] == [("killed", 30, "TH"), ("killed", 45, "KH")]


def test_numbers_after_no_question_or_naming_no_people_count_nothing(gaz):
    assert _figures(gaz, "Many people fled.\n\nAbout 400,000 in Thailand, officials say.") == []
    assert _figures(gaz, "How many people fled?\n\nNobody knows; 7 provinces were affected.") == []


def test_a_list_whose_second_count_has_a_qualifier_gives_both_counts(gaz):
    found = _figures(gaz, "Around 30 troops and about 12 villagers were wounded in Thailand.")
    assert [(f[0], f[1], f[3]) for f in found] == [("injured", 30, "military"), ("injured", 12, "civilian")]


@pytest.mark.parametrize(
    ("text", "value", "group"),
    [
        ("Officials said 12 civilians (including two children) were killed in Thailand.", 12, "civilian"),
        ("The army said 22 soldiers - most of them conscripts - were killed in Thailand.", 22, "military"),
        ("In Thailand, 12 civilians, including two children, were killed.", 12, "civilian"),
        ("The toll rose: 22 soldiers, most of them conscripts, were killed in Cambodia.", 22, "military"),
    ],
)
def test_an_aside_between_a_count_and_its_verb_is_read_past(gaz, text, value, group):
    assert ("killed", value, group) in [(f[0], f[1], f[3]) for f in _figures(gaz, text)]


def test_an_aside_that_tells_a_figure_of_its_own_is_not_read_past(gaz):
    assert [f[:2] for f in _figures(gaz, "About 40 people - many of whom were wounded - fled.")] != [("killed", 40)]
    assert ("injured", 40) not in [f[:2] for f in _figures(gaz, "About 40 people - many of whom were wounded - fled.")]


# --- the headline: a dateline names no province ----------------------------------------------------------------------


def _store(tmp_path, gaz, reports) -> Store:
    store = Store(tmp_path / "t.sqlite3")
    for name, published, outlet, text in reports:
        r = make_report(text, f"{name}.txt", published=published, name=name, outlet=outlet)
        store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    return store


def _cells(store, as_of, episode):
    return {
        (t.metric, t.side, t.latest.group): (t.latest.value, t.report.name)
        for t in queries.latest_tolls(store, as_of, episode)
    }


def test_a_count_told_after_a_dateline_with_its_day_first_is_a_sides_toll(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            (
                "wire",
                date(2025, 12, 10),
                "Wire",
                "The Thai army said four of its soldiers had been killed since Monday.",
            ),
            (
                "state",
                date(2025, 12, 15),
                "State",
                "Bangkok, 15 December 2025 (State News) - The Royal Thai Army reported this morning that 16 Thai "
                "soldiers have lost their lives and 214 have been injured since Cambodian forces resumed attacks.",
            ),
            (
                "daily",
                date(2025, 12, 16),
                "Daily",
                "SURIN, Thailand, Dec 16 (Daily) - The number of Cambodians displaced rose to 120,000, officials said.",
            ),
        ],
    )
    cells = _cells(store, date(2025, 12, 16), "dec2025")
    assert cells[("killed", "TH", "military")] == (16, "state")
    # "16 Thai soldiers have lost their lives and 214 have been injured": the 214 are the same (elided) soldiers
    assert cells[("injured", "TH", "military")] == (214, "state")
    assert cells[("displaced", "KH", None)] == (120000, "daily")


def test_a_count_in_a_sentence_naming_one_province_is_still_no_sides_toll(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            (
                "state",
                date(2025, 12, 15),
                "State",
                "The army reported that in Surin province 16 Thai soldiers have lost their lives since Monday.",
            )
        ],
    )
    assert ("killed", "TH", "military") not in _cells(store, date(2025, 12, 16), "dec2025")


# --- one victim: an item of a toll, or no figure ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "item"),
    [
        (
            "The army revised its toll: 26 soldiers were killed, up from 25. One Thai civilian was killed by "
            "Cambodian fire.",
            ("killed", 1, "TH", "civilian"),
        ),
        (
            "Cambodia's ministry said 31 civilians have been killed so far. One Cambodian civilian also died in "
            "hospital.",
            ("killed", 1, "KH", "civilian"),
        ),
        (
            "The Thai government says 25 Thai soldiers and one Thai civilian were killed by Cambodian fire.",
            ("killed", 1, "TH", "civilian"),
        ),
    ],
)
def test_one_victim_told_right_after_a_toll_or_in_its_list_is_its_next_item(gaz, text, item):
    assert item in [f[:4] for f in _figures(gaz, text)]


@pytest.mark.parametrize(
    "text",
    [
        "A shell hit a house in the village on Monday. One Thai civilian was killed.",
        "Two soldiers were wounded and one was killed on Monday.",
        "No one has been killed in fighting since the ceasefire took effect.",
    ],
)
def test_one_victim_of_one_attack_or_no_one_is_no_figure(gaz, text):
    assert [f[:2] for f in _figures(gaz, text) if f[0] == "killed"] == []


def test_an_apposition_between_a_count_and_its_verb_is_read_past(gaz):
    assert [f[:2] for f in _figures(gaz, "About 300 villagers, the ministry said, were evacuated overnight.")] == [
        ("displaced", 300)
    ]
    found = _figures(
        gaz,
        "The army said 16 Thai soldiers have been killed since Monday. One Thai civilian, a 63-year-old farmer, "
        "was killed on Friday.",
    )
    assert ("killed", 1, "TH", "civilian") in [f[:4] for f in found]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The Thai army says more than 200 Cambodian soldiers have been killed, a figure Phnom Penh rejects.", 200),
        ("According to the Thai army, 150 Cambodian troops were killed in the fighting.", 150),
        ("More than 100 Thai soldiers have been killed, the Cambodian defence ministry claimed.", 100),
        ("The Cambodian army claims it has killed at least 60 Thai soldiers since Monday.", 60),  # present tense
    ],
)
def test_a_count_of_one_sides_losses_given_by_the_other_side_is_its_claim(gaz, text, value):
    assert _of(_figures(gaz, text), value)[4] == "claimed"  # never that side's toll


@pytest.mark.parametrize(
    "text",
    [
        "Cambodia's ministry said 13 Cambodians had been killed, while Thailand said 20 Thai soldiers had died.",
        "The fighting killed at least 26 Thai soldiers, according to Bangkok, and 30 Cambodian civilians, according "
        "to Phnom Penh.",
        "The Thai army said Cambodian rockets had killed three Thai soldiers.",
    ],
)
def test_each_side_counting_its_own_losses_is_no_claim(gaz, text):
    assert all(f[4] != "claimed" for f in _figures(gaz, text))


def test_the_other_sides_claim_stays_out_of_the_headline(tmp_path, gaz):
    store = Store(tmp_path / "c.sqlite3")
    for name, text in (
        ("own", "Cambodia's health ministry said 19 Cambodian civilians have been killed so far."),
        ("claim", "The Thai army says more than 200 Cambodian soldiers have been killed so far."),
    ):
        r = make_report(text, f"{name}.txt", published=date(2025, 12, 20), name=name)
        store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    tolls = queries.latest_tolls(store, date(2025, 12, 21), "dec2025")
    killed = [(t.side, t.latest.value) for t in tolls if t.metric == "killed"]
    assert ("KH", 19) in killed and all(v != 200 for _, v in killed)
