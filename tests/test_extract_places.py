"""Place mentions: spellings, ambiguous names, governments named by their capitals, precision."""

import pytest

from dashboard.extract import extract
from dashboard.extract.places import find_places
from dashboard.extract.sentences import split_sentences
from dashboard.ingest import make_report


def places(text, gaz):
    senses = {}
    return [p for s in split_sentences(text) for p in find_places(s, "r", gaz, senses)]


def names(text, gaz):
    return [(p.name, p.kind, p.admin1) for p in places(text, gaz)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelters opened in Sa Kaew.", ("Sa Kaeo", "province", "TH-27")),
        ("Shelters opened in Sa Kaeo.", ("Sa Kaeo", "province", "TH-27")),
        ("Families fled Buri Ram.", ("Buriram", "province", "TH-31")),
        ("Troops gathered near Ta Moan Thom.", ("Prasat Ta Muen Thom", "temple", "TH-32")),
        ("Troops gathered near Ta Muen Thom.", ("Prasat Ta Muen Thom", "temple", "TH-32")),
        ("The gate at Osmach was closed.", ("O'Smach", "town", "KH-22")),
        ("The gate at O'Smach was closed.", ("O'Smach", "town", "KH-22")),
        ("Shells fell on Preah Vihear temple.", ("Preah Vihear Temple", "temple", "KH-13")),
        ("Shells fell in Preah Vihear province.", ("Preah Vihear", "province", "KH-13")),
        ("Talks were held in Kuala Lumpur.", ("Kuala Lumpur", "city", None)),
        ("Speaking to reporters in Bangkok, the minister said little.", ("Bangkok", "capital", "TH-10")),
        # the golden table of ambiguous names: each must resolve to one stable place
        ("Shelters opened in Surin.", ("Surin", "province", "TH-32")),
        ("Shelters opened in Surin town.", ("Surin", "town", "TH-32")),
        ("Shells fell on Prasat district.", ("Prasat", "town", "TH-32")),
        ("Troops massed at Prasat Ta Muen Thom.", ("Prasat Ta Muen Thom", "temple", "TH-32")),
        ("Troops massed near Preah Vihear.", ("Preah Vihear", "province", "KH-13")),
    ],
)
def test_spellings_and_types_resolve(gaz, text, expected):
    assert names(text, gaz) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Bangkok and Phnom Penh accused each other of breaking the truce.",
        "Bangkok has accused Phnom Penh of planting new mines.",
        "Bangkok later denied that any deal had been reached.",
        "Beijing's envoy arrived on Sunday.",
        "Both Bangkok and Phnom Penh have said they want peace.",
    ],
)
def test_capitals_used_for_governments_are_not_places(gaz, text):
    assert names(text, gaz) == []


def test_a_city_naming_an_agreement_is_not_a_place(gaz):
    assert names("Both sides recommitted to the Kuala Lumpur Peace Agreement.", gaz) == []


def test_a_bare_name_takes_the_sense_the_report_gave_it_before(gaz):
    text = "Fighting flared near the Preah Vihear temple.\nA grenade exploded near Preah Vihear on Monday."
    assert {p.kind for p in places(text, gaz)} == {"temple"}


def test_people_named_like_towns_are_not_places(gaz):
    assert names("Prime Minister Hun Manet and Anutin spoke to reporters.", gaz) == []


def test_precision_follows_acled(gaz):
    by_name = {
        p.name: p.precision
        for p in places("Shells hit Aranyaprathet. Families fled Surin province. Troops massed near Poipet.", gaz)
    }
    assert by_name == {"Aranyaprathet": 1, "Surin": 3, "Poipet": 2}


def test_places_carry_border_position(gaz):
    [p] = places("The crossing at Aranyaprathet was closed.", gaz)
    assert 400 < p.border_km < 520 and p.border_distance_km < 10


def test_seed_places_do_not_include_governments(gaz):
    from dashboard.ingest import read_reports
    from tests.conftest import SEEDS

    reports, _ = read_reports([SEEDS / "002_370c05daa2c68e05.txt"])
    assert {p.name for p in extract(reports[0], gaz).places} == {"Kuala Lumpur"}


def test_spans_point_at_what_was_written(gaz):
    report = make_report("Relief reached Sa Kaew and Buri Ram.\nMore went to Sisaket.")
    for p in extract(report, gaz).places:
        assert report.text[p.evidence.start : p.evidence.end] == p.evidence.quote == p.written
