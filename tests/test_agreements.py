"""The curated agreements file and the ceasefire in force at an as-of date."""

from datetime import date

import pytest

from dashboard.agreements import KINDS, agreements, state_at
from dashboard.ui.safe import safe_url


def test_every_row_is_dated_kinded_sourced_and_refers_to_a_row_before_it():
    rows = agreements()
    ids = [a.id for a in rows]
    assert len(ids) == len(set(ids)) and [a.date for a in rows] == sorted(a.date for a in rows)
    for i, a in enumerate(rows):
        assert a.kind in KINDS and a.title and safe_url(a.source_url) and a.source_title
        if a.amends:
            assert a.amends in ids[:i]
        if a.kind in ("ceasefire", "agreement"):
            assert a.provisions


@pytest.mark.parametrize(
    ("as_of", "ceasefire", "days", "instruments"),
    [
        (date(2025, 7, 26), None, None, []),
        (date(2025, 8, 15), "putrajaya-ceasefire", 18, ["putrajaya-ceasefire", "gbc-aug-7"]),
        (date(2025, 11, 20), "putrajaya-ceasefire", 115, ["putrajaya-ceasefire", "gbc-aug-7", "kl-accord"]),
        (date(2025, 12, 15), None, None, []),
        (date(2026, 1, 10), "dec-27-ceasefire", 14, ["dec-27-ceasefire"]),
    ],
)
def test_the_ceasefire_in_force_at_a_date(as_of, ceasefire, days, instruments):
    state = state_at(as_of)
    assert (state.ceasefire.id if state.ceasefire else None) == ceasefire
    assert state.days == days and [i.id for i in state.instruments] == instruments


def test_a_suspended_accord_is_said_and_its_provisions_are_not_counted_as_in_force():
    state = state_at(date(2025, 11, 20))
    assert [s.id for s in state.suspended] == ["kl-accord"]
    assert not any(p.instrument.id == "kl-accord" for p in state.provisions)
    # kept apart with the suspension, so a reader sees what was suspended, by whom and when
    off = state.suspended_provisions
    assert off and {p.instrument.id for p in off} == {"kl-accord"}
    assert {(p.suspended.id, p.suspended.party, p.suspended.date) for p in off} == {
        ("kl-accord-suspended", "TH", date(2025, 11, 10))
    }
    assert state_at(date(2025, 11, 9)).suspended_provisions == ()


def test_a_suspension_names_the_side_that_suspends():
    for a in agreements():
        assert (a.party in ("TH", "KH")) == (a.kind == "suspension"), a.id


def test_fighting_ends_the_ceasefire_and_says_so():
    state = state_at(date(2025, 12, 15))
    assert state.ended_by.id == "dec-fighting" and state.provisions == ()


def test_a_provision_carried_out_is_done_from_that_day():
    before = {p.text: p.done for p in state_at(date(2025, 12, 30)).provisions}
    after = {p.text: p.done for p in state_at(date(2026, 1, 2)).provisions}
    returned = "18 detained Cambodian soldiers returned after 72 hours of ceasefire"
    assert before[returned] is None and after[returned].id == "soldiers-returned"


def test_what_was_carried_out_marks_its_provision_done_from_its_day():
    from datetime import date

    from dashboard.agreements import state_at

    def done(day):
        return {p.text for p in state_at(day).provisions if p.done}

    assert "General Border Committee meeting" not in done(date(2025, 8, 1))
    assert {"General Border Committee meeting", "ASEAN observer team"} <= done(date(2025, 9, 1))
    # the regional commanders the Putrajaya ceasefire asks to meet are the Regional Border Committee
    assert "regional army commanders meet" not in done(date(2025, 9, 1))
    assert {"regional army commanders meet", "Regional Border Committee meetings within two weeks"} <= done(
        date(2025, 9, 5)
    )
    # reported done by 4 September, the day not given: the panel says "done by"
    by = {p.text: p.done.by for p in state_at(date(2025, 9, 5)).provisions if p.done}
    assert by["Regional Border Committee meetings within two weeks"] and not by["General Border Committee meeting"]


def test_each_chronology_cue_names_a_turning_point_compiles_and_gives_a_reason():
    import csv
    import re

    from dashboard.chronology import CHRONOLOGY_CUES_CSV

    ids = {a.id for a in agreements()}
    with open(CHRONOLOGY_CUES_CSV, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows
    for r in rows:
        assert r["id"] in ids, r["id"]
        assert re.compile(r["cue"], re.I).pattern
        assert len(r["reason"].split()) >= 5, r["id"]
