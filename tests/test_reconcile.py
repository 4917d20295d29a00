"""Across reports (dashboard.reconcile): one event per incident, ids stable as reports arrive, denials joined
to the accusation they answer, and a telling with no day of its own never setting the day an event happened."""

from datetime import date

from dashboard.queries.ceasefire import alleged_violations
from dashboard.reconcile import Telling, event_id, merge_incidents
from dashboard.records import Evidence, Incident, Report
from dashboard.summary import event_days

SURIN = (14.88, 103.49, 3)


def telling(day, published, kind="artillery", accused="KH", reported_by="TH", denied_by=None, rid="r1", timing=None):
    inc = Incident(
        Evidence(rid, "s", 0, 1, "s"),
        kind,
        ("Surin",),
        ("TH-32",),
        day,
        reported_by,
        accused,
        denied_by,
        timing or ("stated" if day else "reported"),
    )
    report = Report(rid, f"{rid}.txt", "s", published=published, outlet=f"Outlet {rid}")
    return Telling(inc, report, day or published, SURIN)


def test_tellings_of_one_attack_in_several_reports_are_one_event():
    events = merge_incidents(
        [
            telling(date(2025, 12, 9), date(2025, 12, 9), rid="a"),
            telling(date(2025, 12, 9), date(2025, 12, 10), rid="b"),
        ]
    )
    assert len(events) == 1 and events[0].reports == 2


def test_an_event_id_stays_when_more_reports_arrive():
    first = merge_incidents([telling(date(2025, 12, 9), date(2025, 12, 9), rid="a")])
    more = merge_incidents(
        [telling(date(2025, 12, 9), date(2025, 12, 9), rid="a"), telling(None, date(2025, 12, 10), rid="b")]
    )
    assert [e.id for e in first] == [e.id for e in more] == [event_id(first[0])]


def test_a_denial_joins_the_accusation_it_answers():
    accusation = telling(date(2025, 12, 9), date(2025, 12, 9), rid="a")
    denial = telling(None, date(2025, 12, 11), accused=None, reported_by=None, denied_by="KH", rid="b")
    [event] = merge_incidents([accusation, denial])
    assert event.deniers == ["KH"] and event.day == date(2025, 12, 9)


def test_a_telling_without_a_day_joins_the_event_it_reports_and_does_not_move_its_day():
    stated = telling(date(2025, 12, 9), date(2025, 12, 9), rid="a")
    reported = telling(None, date(2025, 12, 11), rid="b")
    [event] = merge_incidents([reported, stated])
    assert (event.day, event.last_day, event.stated) == (date(2025, 12, 9), date(2025, 12, 9), True)


def test_an_event_no_report_dates_says_it_was_only_reported_on_that_day():
    [event] = merge_incidents([telling(None, date(2025, 12, 11), rid="b")])
    assert not event.stated and event_days(event).startswith("reported 11 Dec 2025")


def test_violations_count_by_the_events_day_not_the_reports():
    since = date(2025, 7, 29)  # the Putrajaya ceasefire took effect at midnight on 28 July
    before = telling(date(2025, 7, 28), date(2025, 8, 2), rid="late")  # dawn gunfire on 28 July told on 2 August
    on_first_day = telling(None, since, kind="rocket", rid="first")  # told on the ceasefire's day, no day given
    after = telling(None, date(2025, 8, 1), kind="landmine", rid="after")
    events = merge_incidents([before, on_first_day, after])
    counted = alleged_violations([e for e in events if e.day >= since], since)
    assert [e.kind for e in counted] == ["landmine"]


def test_an_explosion_of_no_stated_kind_joins_the_landmine_blast_of_that_place_and_day():
    blast = telling(date(2025, 11, 10), date(2025, 11, 10), kind="landmine", rid="a")
    explosion = telling(date(2025, 11, 10), date(2025, 11, 11), kind="other", rid="b")
    [event] = merge_incidents([explosion, blast])
    assert (event.kind, event.reports) == ("landmine", 2)


def test_attacks_of_two_stated_kinds_stay_two_events():
    events = merge_incidents(
        [telling(date(2025, 12, 9), date(2025, 12, 9), kind="rocket"), telling(date(2025, 12, 9), date(2025, 12, 9))]
    )
    assert sorted(e.kind for e in events) == ["artillery", "rocket"]
