"""One battle, several weapons (dashboard.reconcile.fold_into_clashes): fire told at an armed clash's place on its
day is the clash's, listed among its kinds; fire told as an event apart, elsewhere or on another day stays apart."""

from dataclasses import replace
from datetime import date, timedelta

from dashboard.queries.export import Filters
from dashboard.reconcile import Telling, merge_incidents
from dashboard.records import Evidence, Incident, Report
from dashboard.ui.events import event_title
from dashboard.ui.timeline import timeline_items

DAY = date(2025, 3, 4)
HILL = (14.40, 104.60, 1)


def told(kind, places=("Phnom Khiev Hill", "Preah Vihear"), day=DAY, sentence="Fighting went on.", rid="r1"):
    inc = Incident(Evidence(rid, sentence, 0, 1, sentence), kind, places, ("KH-13",), day, "KH", "TH", None)
    report = Report(rid, f"{rid}.txt", sentence, published=day, outlet=f"Outlet {rid}")
    return Telling(inc, report, day, HILL)


def test_fire_at_a_clash_place_and_day_is_the_clash_with_its_weapons():
    events = merge_incidents(
        [
            told("armed_clash", sentence="Troops fought around the hill all day."),
            told("airstrike", sentence="Jets bombed positions on the hill."),
            told("artillery", sentence="Shells fell on the hill."),
            told("rocket", places=("Phnom Khiev Hill",), sentence="Rockets were fired at the hill."),
        ]
    )
    assert len(events) == 1
    [clash] = events
    assert clash.kind == "armed_clash" and clash.kinds == ["armed_clash", "airstrike", "artillery", "rocket"]
    assert len(clash.tellings) == 4
    assert event_title(clash).startswith("Armed clash (airstrike, shelling, rocket fire) · ")
    assert Filters(kinds=("rocket",)).keeps(clash)
    [item] = timeline_items([clash], [], DAY, DAY)  # the timeline's kind filter finds it by its weapons
    assert item.kind == "armed clash" and set(item.kinds) == {"armed clash", "airstrike", "shelling", "rocket fire"}


def test_a_village_the_clash_lists_joins_it_across_reports():
    clash = told("armed_clash", places=("Ban Khlong Yai", "Ban Sok", "Trat"), rid="a")
    shelling = told("artillery", places=("Ban Sok",), day=None, rid="b")
    shelling = Telling(shelling.incident, shelling.report, DAY, None)  # reported on its report's day
    assert len(merge_incidents([clash, shelling])) == 1


def test_fire_told_apart_elsewhere_or_another_day_stays_apart():
    events = merge_incidents(
        [
            told("armed_clash"),
            told("artillery", sentence="In a separate attack, shells fell on the hill."),
            told("airstrike", places=("Anlong Veng",)),
            told("rocket", day=date(2025, 3, 9)),
            told("landmine"),
        ]
    )
    assert sorted(e.kind for e in events) == ["airstrike", "armed_clash", "artillery", "landmine", "rocket"]
    assert all(e.kinds == [e.kind] for e in events)


def test_without_a_clash_kinds_of_fire_stay_apart():
    assert len(merge_incidents([told("airstrike"), told("artillery")])) == 2


def _reported(telling: Telling, on: date) -> Telling:
    """The telling with no day of its own: only its report's date (`on`) says when."""
    return Telling(replace(telling.incident, date=None, timing="reported"), telling.report, on, telling.point)


def test_fire_folded_into_a_clash_only_reported_gives_the_clash_its_own_day():
    clash = _reported(told("armed_clash", sentence="Clashes go on around the hill."), DAY + timedelta(days=1))
    rockets = told("rocket", sentence="At 5pm the day before, rockets hit the hill.")
    [event] = merge_incidents([clash, rockets])
    assert event.kinds == ["armed_clash", "rocket"]
    assert event.day == DAY == event.last_day  # the rockets' own day, not the day the clash was reported
    assert event_title(event).split(" · ")[1] == f"{DAY:%-d %b %Y}"


def test_an_old_link_to_fire_folded_into_a_clash_finds_the_clash():
    # the rockets alone (the first reports): an event of their own, whose id a link may name
    rockets = told("rocket", sentence="Rockets hit the hill.")
    [alone] = merge_incidents([rockets])
    # a later report tells the clash there that day: the rockets are its weapons now
    clash = _reported(told("armed_clash", sentence="Clashes go on around the hill.", rid="r2"), DAY + timedelta(1))
    [event] = merge_incidents([rockets, clash])
    assert event.id != alone.id and alone.id in event.aliases
    [item] = timeline_items([event], [], DAY, DAY)
    assert alone.id in item.aliases  # _read_event_link maps the alias to the clash's item
