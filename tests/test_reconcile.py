"""Across reports (dashboard.reconcile): one event per incident, ids stable as reports arrive, denials joined
to the accusation they answer, and a telling with no day of its own never setting the day an event happened;
one meeting from the mentions of several reports, its id stable as reports arrive."""

from dataclasses import replace
from datetime import date

from dashboard.queries.ceasefire import alleged_violations
from dashboard.reconcile import NEAR_KM, Telling, event_id, group_id, km_between, merge_incidents, merge_meetings
from dashboard.records import Evidence, Incident, Meeting, Report
from dashboard.summary import event_days

SURIN = (14.88, 103.49, 3)


def telling(
    day,
    published,
    kind="artillery",
    accused="KH",
    reported_by="TH",
    denied_by=None,
    rid="r1",
    timing=None,
    places=("Surin",),
    point=SURIN,
):
    inc = Incident(
        Evidence(rid, "s", 0, 1, "s"),
        kind,
        places,
        ("TH-32",),
        day,
        reported_by,
        accused,
        denied_by,
        timing or ("stated" if day else "reported"),
    )
    report = Report(rid, f"{rid}.txt", "s", published=published, outlet=f"Outlet {rid}")
    return Telling(inc, report, day or published, point)


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


# --- incidents: what keeps two tellings apart, and ids as reports arrive ----------------------------------


def test_tellings_more_than_a_day_or_about_ten_km_apart_stay_two_events():
    far = (SURIN[0] + 0.2, SURIN[1], 1)  # ~22 km north, both placed precisely
    precise = (SURIN[0], SURIN[1], 1)
    assert km_between(precise, far) > NEAR_KM
    apart_in_space = merge_incidents(
        [
            telling(date(2025, 12, 9), date(2025, 12, 9), rid="a", point=precise),
            telling(date(2025, 12, 9), date(2025, 12, 9), rid="b", point=far),
        ]
    )
    apart_in_time = merge_incidents(
        [
            telling(date(2025, 12, 9), date(2025, 12, 9), rid="a"),
            telling(date(2025, 12, 11), date(2025, 12, 11), rid="b"),
        ]
    )
    assert len(apart_in_space) == 2 and len(apart_in_time) == 2


def test_a_report_that_names_another_place_first_leaves_the_event_id_as_it_was():
    first = merge_incidents([telling(date(2025, 12, 9), date(2025, 12, 9), rid="a", places=("Ban Nong Chan",))])
    arrived = telling(date(2025, 12, 9), date(2025, 12, 10), rid="0-early-id", places=("Surin", "Ban Nong Chan"))
    both = merge_incidents([arrived, *[t for e in first for t in e.tellings]])
    assert len(both) == 1 and both[0].id == first[0].id and both[0].reports == 2


def test_ids_of_events_alike_stay_apart_and_stable():
    """Two events of the same day, kind and province (two villages > 10 km apart) get the same id made unique by
    a suffix; their ids do not change when the same reports are merged again in another order."""
    a = telling(date(2025, 12, 9), date(2025, 12, 9), rid="a", point=(SURIN[0], SURIN[1], 1))
    b = telling(date(2025, 12, 9), date(2025, 12, 9), rid="b", point=(SURIN[0] + 0.3, SURIN[1], 1))
    ids = sorted(e.id for e in merge_incidents([a, b]))
    assert len(set(ids)) == 2 and ids[1] == ids[0] + "-2"
    assert sorted(e.id for e in merge_incidents([b, a])) == ids


def test_a_denial_with_no_accusation_in_the_week_before_it_stays_its_own_event():
    accusation = telling(date(2025, 12, 1), date(2025, 12, 1), rid="a")
    denial = telling(None, date(2025, 12, 10), accused=None, reported_by=None, denied_by="KH", rid="b")
    events = merge_incidents([accusation, denial])
    assert len(events) == 2 and [e.deniers for e in events] == [[], ["KH"]]


# --- meetings across reports ------------------------------------------------------------------------------


def mention(rid, day, body="General Border Committee", venue=None, admin1=None, status="scheduled", start=0):
    return Meeting(Evidence(rid, "s", start, 1, "s"), day, None, venue, admin1, None, None, body, (), status)


def test_mentions_of_one_meeting_in_several_reports_are_one_meeting_with_every_report():
    [group] = merge_meetings(
        [
            mention("a", date(2025, 12, 24), admin1="KH-2"),
            mention("b", date(2025, 12, 24), body="Joint Boundary Commission"),  # the same (border) family
            mention("c", date(2025, 12, 24), admin1="KH-2", status="held"),
        ]
    )
    assert group.report_ids == ["a", "b", "c"] and group.statuses == ["scheduled", "held"]
    assert group.meeting.admin1 == "KH-2"


def test_meetings_of_one_day_with_another_place_or_body_family_stay_apart_and_undated_ones_alone():
    groups = merge_meetings(
        [
            mention("a", date(2025, 12, 24), admin1="KH-2"),
            mention("b", date(2025, 12, 24), admin1="TH-27"),
            mention("c", date(2025, 12, 24), body="ASEAN Summit", admin1="KH-2"),
            mention("d", None),
            mention("e", None),
        ]
    )
    assert len(groups) == 5 and len({g.id for g in groups}) == 5


def test_a_meeting_id_stays_when_more_reports_arrive():
    before = merge_meetings([mention("a", date(2025, 12, 24), admin1="KH-2")])
    after = merge_meetings(
        [
            mention("0", date(2025, 12, 24), admin1="KH-2", status="held"),
            mention("a", date(2025, 12, 24), admin1="KH-2"),
            mention("z", date(2025, 12, 27), admin1="KH-2"),
        ]
    )
    assert before[0].id == group_id(before[0]) and before[0].id in {g.id for g in after}
    assert next(g for g in after if g.id == before[0].id).report_ids == ["0", "a"]


def test_a_report_telling_an_event_in_two_sentences_is_one_report():
    [event] = merge_incidents(
        [
            telling(date(2025, 12, 9), date(2025, 12, 10), rid="a"),
            telling(date(2025, 12, 10), date(2025, 12, 10), rid="a"),
        ]
    )
    assert (len(event.tellings), event.reports) == (2, 1)


def test_a_day_alone_does_not_tie_a_placeless_telling_to_a_placed_one_of_no_day():
    placeless = telling(date(2025, 12, 8), date(2025, 12, 8), kind="airstrike", rid="a", places=(), point=None)
    placeless = Telling(replace(placeless.incident, admin1=()), placeless.report, placeless.day, None)
    placed = telling(None, date(2025, 12, 9), kind="airstrike", rid="b")
    assert len(merge_incidents([placeless, placed])) == 2


def test_a_blast_of_no_stated_kind_with_no_place_joins_no_clash():
    blast = telling(date(2025, 12, 9), date(2025, 12, 9), kind="other", rid="a", places=(), point=None)
    blast = Telling(replace(blast.incident, admin1=()), blast.report, blast.day, None)
    clash = telling(date(2025, 12, 9), date(2025, 12, 9), kind="armed_clash", rid="b")
    assert len(merge_incidents([clash, blast])) == 2


def test_the_same_kind_on_the_same_day_at_one_place_is_still_one_event():
    a = telling(date(2025, 12, 9), date(2025, 12, 9), kind="airstrike", rid="a")
    b = telling(None, date(2025, 12, 10), kind="airstrike", rid="b")
    assert len(merge_incidents([a, b])) == 1
