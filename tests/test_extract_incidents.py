"""Incidents: kind, place, who reports, whom they accuse, denials."""

from datetime import date

import pytest

from dashboard.extract import extract
from dashboard.ingest import make_report


def incidents(text):
    return extract(make_report(text, published=date(2025, 12, 20))).incidents


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Thai jets carried out airstrikes on positions near Anlong Veng.", "airstrike"),
        ("Artillery shells landed in a village in Surin province.", "artillery"),
        ("Rockets hit a market in Sisaket province.", "rocket"),
        ("A drone dropped explosives on a base in Sa Kaeo province.", "drone"),
        ("A soldier stepped on a landmine near Chong Chom checkpoint.", "landmine"),
        ("Troops clashed near Ta Muen Thom temple on Sunday.", "armed_clash"),
    ],
)
def test_incident_kinds(text, kind):
    [i] = incidents(text)
    assert i.kind == kind and i.admin1


def test_accusation_and_denial():
    [i] = incidents("Cambodia accused Thailand of firing rockets near Poipet, a claim Thailand denies.")
    assert (i.kind, i.accused, i.denied_by, i.reported_by) == ("rocket", "TH", "TH", "KH")
    assert i.admin1 == ("KH-1",)


def test_a_dated_incident():
    [i] = incidents("Thai troops fired shells into Battambang province on Monday.")
    assert i.date == date(2025, 12, 15)


def test_general_talk_of_fighting_is_not_an_incident():
    assert incidents("The ceasefire was meant to end the fighting.") == []
