"""Ceasefire monitoring over the generated months-long corpus: one event per incident across reports with
each side's version, violations counted from the ceasefire on, the toll tracker (updates vs disagreement,
incident counts kept apart, qualifiers), displacement and returns over time, the timeline and its links."""

import os
from dataclasses import replace
from datetime import date

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from dashboard import queries
from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.fixtures import TELLINGS, VIOLATIONS
from dashboard.queries.ceasefire import alleged_violations
from dashboard.queries.timeline import window_start
from dashboard.queries.tracker import disagreement, latest_per_source
from dashboard.read import make_report
from dashboard.reconcile import Telling, merge_incidents
from dashboard.records import Evidence, Figure, Incident, Report
from dashboard.store import Store
from dashboard.summary import display_value
from tests.conftest import ROOT

APP = str(ROOT / "dashboard" / "app.py")


@pytest.fixture(scope="module")
def store(generated):
    return Store(generated[1])


def _store(tmp_path, gaz, reports) -> Store:
    store = Store(tmp_path / "m.sqlite3")
    for name, published, outlet, text in reports:
        r = make_report(text, f"{name}.txt", published=published, name=name, outlet=outlet)
        store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    return store


# --- one event per incident -----------------------------------------------------------------------------


@pytest.mark.parametrize("violation", VIOLATIONS[1:], ids=lambda v: f"{v[0]}-{v[3]}")
def test_the_same_incident_in_three_reports_is_one_event_with_three_sources(store, violation):
    day, side, _, place, *_ = violation
    events = queries.incident_events(store, date(2026, 2, 15), date(2025, 12, 27))
    here = [e for e in events if e.day == day and any(place in p for p in e.places)]
    assert len(here) == 1, [(e.id, e.places) for e in here]
    [event] = here
    told = queries.event_tellings(store, date(2026, 2, 15), tuple(t.key for t in event.tellings), 100)
    scripted = {r.id for i, r in told if "ceasefire" in i.evidence.sentence or "truce" in i.evidence.sentence}
    # the scripted tellings, and any report of the stream that tells an attack on that place that day
    assert len(scripted) >= TELLINGS and event.reports >= TELLINGS
    assert event.accused == {"TH": "KH", "KH": "TH"}[side]
    # each side's version: the accusations of the side hit, the other side's denial beside them
    versions = event.versions()
    assert versions[{"TH": "KH", "KH": "TH"}[side]], "the denial is attached to the accusation it answers"


def test_tellings_of_other_kinds_places_or_days_stay_apart(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            (
                "a",
                date(2026, 1, 5),
                "A",
                "Cambodian troops fired rockets into Kantharalak district on Monday, Thailand said.",
            ),
            (
                "b",
                date(2026, 1, 5),
                "B",
                "Cambodian troops fired rockets into Kantharalak district on Monday, the army said.",
            ),
            ("c", date(2026, 1, 5), "C", "Cambodian drones struck Kantharalak district on Monday, Thailand said."),
            ("d", date(2026, 1, 5), "D", "Cambodian troops fired rockets into Ban Hat Lek in Trat province on Monday."),
            ("e", date(2026, 1, 9), "E", "Cambodian troops fired rockets into Kantharalak district on Friday."),
        ],
    )
    events = queries.incident_events(store, date(2026, 1, 10), date(2026, 1, 1))
    # reports that tell it alike (same day, kind, places and sides) are one telling of several reports
    name = {r.id: r.name for r in store.reports()}
    by_report = {frozenset(name[rid] for t in e.tellings for rid in t.ids) for e in events}
    assert by_report == {frozenset("ab"), frozenset("c"), frozenset("d"), frozenset("e")}


def test_one_report_telling_an_event_in_two_sentences_counts_as_one_report(tmp_path, gaz):
    text = (
        "Cambodian troops fired rockets into Kantharalak district on Monday, the army said. "
        "More rockets fell on Kantharalak district on Tuesday."
    )
    store = _store(tmp_path, gaz, [("a", date(2026, 1, 7), "A", text), ("b", date(2026, 1, 7), "B", text[:82])])
    [event] = queries.incident_events(store, date(2026, 1, 10), date(2026, 1, 1))
    assert sum(t.reports for t in event.tellings) == 3  # three tellings
    assert event.reports == 2  # in two reports


def test_an_event_keeps_its_id_when_more_reports_arrive(tmp_path, gaz):
    first = ("a", date(2026, 1, 5), "A", "Cambodian troops fired rockets into Kantharalak district on Monday.")
    store = _store(tmp_path, gaz, [first])
    [before] = queries.incident_events(store, date(2026, 1, 10), date(2026, 1, 1))
    later = make_report(
        "Thai troops shelled Anlong Veng on Tuesday, Cambodia said.", "z.txt", published=date(2026, 1, 7)
    )
    store.add(later, extract(later, gaz), EXTRACTOR_VERSION)
    after = queries.incident_events(store, date(2026, 1, 10), date(2026, 1, 1))
    assert before.id in {e.id for e in after} and len(after) == 2


def test_a_denial_without_a_kind_joins_the_accusation_it_answers():
    def telling(kind, when, reported_by, accused, denied_by, published):
        e = Evidence("r", "s", 0, 1, "q")
        incident = Incident(e, kind, ("Ban Nong Chan",), ("TH-27",), when, reported_by, accused, denied_by)
        report = Report(id=f"r{published}", path="", text="", published=published)
        return Telling(incident, report, when or published, (13.83, 102.73, 1))

    accusation = telling("artillery", date(2026, 1, 1), "TH", "KH", None, date(2026, 1, 1))
    denial = telling("armed_clash", None, None, None, "KH", date(2026, 1, 4))  # three days later, no date
    [event] = merge_incidents([denial, accusation])
    assert event.deniers == ["KH"] and event.accusers == ["TH"] and event.day == event.last_day == date(2026, 1, 1)
    late = telling("armed_clash", None, None, None, "KH", date(2026, 1, 20))  # answers nothing of its week
    assert len(merge_incidents([accusation, late])) == 2


def test_events_never_chain_across_days():
    def telling(day):
        e = Evidence("r", "s", 0, 1, "q")
        incident = Incident(e, "artillery", ("Ban Nong Chan",), ("TH-27",), day, "TH", "KH", None)
        return Telling(incident, Report(id=str(day), path="", text="", published=day), day, (13.83, 102.73, 1))

    events = merge_incidents([telling(date(2026, 1, d)) for d in range(1, 8)])  # shelling every day for a week
    assert [(e.day, e.last_day) for e in events] == [
        (date(2026, 1, 1), date(2026, 1, 2)),
        (date(2026, 1, 3), date(2026, 1, 4)),
        (date(2026, 1, 5), date(2026, 1, 6)),
        (date(2026, 1, 7), date(2026, 1, 7)),
    ]


# --- the ceasefire status -------------------------------------------------------------------------------


def test_violations_are_counted_once_per_event_in_the_status_panel(generated):
    at = _app(generated[1], asof="2026-01-25")
    caption = next(c.value for c in at.caption if "alleged violation" in c.value)
    since = date(2025, 12, 27)
    events = alleged_violations(queries.incident_events(Store(generated[1]), date(2026, 1, 25), since), since)
    tellings = sum(e.reports for e in events)
    assert caption.startswith(f"{len(events)} alleged violations since 27 Dec (told {tellings} times")
    assert tellings > len(events)  # the same incident in several reports is counted once


# --- the toll tracker -----------------------------------------------------------------------------------


def _figure(value, qualifier="exact"):
    return Figure(Evidence("r", "s", 0, 1, "q"), "killed", value, str(value), qualifier, "TH", None, None, "dec2025")


def _report(outlet, day):
    return Report(id=f"{outlet}{day}", path="", text="", published=day, outlet=outlet)


def test_a_later_figure_from_the_same_source_is_an_update_not_a_disagreement():
    pairs = [
        (_figure(12), _report("A", date(2025, 12, 10))),
        (_figure(20), _report("A", date(2025, 12, 12))),
        (_figure(20), _report("B", date(2025, 12, 12))),
    ]
    latest = latest_per_source(pairs)
    a = next(s for s in latest if s.source == "A")
    assert (a.latest.value, a.previous.value, a.figures) == (20, 12, 2)
    now, differ = disagreement(latest, date(2025, 12, 13))
    assert len(now) == 2 and not differ


@pytest.mark.parametrize(
    ("metric", "values", "differ"),
    [
        ("killed", (30, 36), False),  # higher on a later day: an update
        ("killed", (36, 30), True),  # a running total told lower later: at odds
        ("displaced", (9000, 6000), False),  # the displaced go home: fewer later is an update too
    ],
)
def test_a_running_total_told_higher_by_a_later_source_is_an_update(metric, values, differ):
    pairs = [
        (replace(_figure(values[0]), metric=metric), _report("A", date(2025, 12, 10))),
        (replace(_figure(values[1]), metric=metric), _report("B", date(2025, 12, 12))),
    ]
    assert disagreement(latest_per_source(pairs), date(2025, 12, 13))[1] is differ


def test_sources_of_the_same_day_are_steps_of_one_running_total_and_qualifiers_are_kept():
    pairs = [
        (_figure(40, "at_least"), _report("A", date(2025, 12, 12))),
        (_figure(38), _report("B", date(2025, 12, 12))),
    ]
    now, differ = disagreement(latest_per_source(pairs), date(2025, 12, 14))
    # reports carry their day, not their hour: "at least 40" may be the evening's count after the morning's 38
    assert not differ and {display_value(s.latest) for s in now} == {"at least 40", "38"}
    for other in (_figure(40), _figure(60, "at_least"), _figure(44, "about"), _figure(12)):
        pairs[1] = (other, _report("B", date(2025, 12, 12)))
        assert not disagreement(latest_per_source(pairs), date(2025, 12, 14))[1]
    pairs[1] = (_figure(31), _report("B", date(2025, 12, 13)))  # the next day's count below the day before's
    assert disagreement(latest_per_source(pairs), date(2025, 12, 14))[1]
    stale, _ = disagreement(latest_per_source(pairs), date(2026, 1, 30))
    assert stale == []  # nobody repeated them in the week to the as-of date


def test_a_count_of_one_incident_is_left_to_the_incident(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            (
                "toll",
                date(2025, 12, 14),
                "A",
                "Thai officials said 20 Thai civilians had been killed since the fighting began.",
            ),
            (
                "strike",
                date(2025, 12, 14),
                "B",
                "Two Thai civilians were killed when a rocket hit a market in Kantharalak district on Sunday.",
            ),
        ],
    )
    pairs = queries.toll_figures(store, date(2025, 12, 20), "dec2025", "killed", "TH", "civilian")
    assert [(f.value, r.name) for f, r in pairs] == [(20, "toll")]
    assert queries.incident_counts(store, date(2025, 12, 20), "dec2025", "killed", "TH", "civilian") == 1


def test_displacement_and_returns_over_time_with_provinces(store):
    frame = queries.displacement_rows(store, date(2026, 2, 15), "dec2025")
    assert {"displaced", "returned"} <= set(frame["metric"])
    assert frame["published"].min() < frame["published"].max()  # over time, not one snapshot
    assert (frame["province"] != "").any()


def test_the_tracker_shows_each_sources_latest_and_the_spread_now(generated):
    at = _app(generated[1], asof="2025-12-20", tmetric="displaced", tside="Cambodia", tgroup="total (group not stated)")
    text = "\n".join(m.value for m in at.markdown)
    verdicts = ("sources disagree", "sources agree", "later sources update earlier ones")
    assert "Now (" in text and any(v in text for v in verdicts)
    table = next(d.value for d in at.dataframe if "update of" in d.value.columns)
    assert (
        len(table) > 1 and table["latest"].str.match(r"^(?:at least |more than |about |nearly |up to )?[\d,]+$").all()
    )


# --- the timeline ---------------------------------------------------------------------------------------


def _app(db, **query) -> AppTest:
    os.environ["BORDER_WATCH_DB"] = str(db)
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def test_an_event_in_the_link_shows_both_sides_quotes(generated):
    events = queries.incident_events(Store(generated[1]), date(2026, 1, 10), window_start("dec2025", date(2026, 1, 10)))
    event = next(e for e in events if e.day == date(2025, 12, 30))
    at = _app(generated[1], asof="2026-01-10", event=event.id)
    assert at.selectbox(key="event_choice").value == event.id
    text = "\n".join(m.value for m in at.markdown)
    assert "What Thailand says" in text and "What Cambodia says" in text
    assert "Ban Nong Chan" in text and "denied" in text
    [link] = [c.value for c in at.code]
    assert f"event={event.id}" in link  # the share link keeps the chosen event


def test_timeline_filters_are_in_the_link(generated):
    at = _app(generated[1], asof="2026-01-25", tkind="drone attack")
    assert at.multiselect(key="tkind").value == ["drone attack"]
    labels = at.selectbox(key="event_choice").options
    assert labels and all("drone attack" in label.lower() for label in labels)  # a clash fought with drones too


def test_the_provisions_say_what_reports_say_of_them(generated):
    at = _app(generated[1], asof="2026-01-25")
    lines = [m.value for m in at.markdown if m.value.startswith("- ")]
    demining = next(line for line in lines if line.startswith("- demining cooperation"))
    assert "reports: in progress:" in demining
    observers = next(line for line in lines if line.startswith("- ASEAN Observer Team"))
    assert "reports: done:" in observers
    assert any("What reports say of the ceasefire since: " in c.value and "violated" in c.value for c in at.caption)


def test_the_truce_itself_is_in_effect_while_its_ceasefire_is_in_force(generated):
    at = _app(generated[1], asof="2026-01-25")
    lines = [m.value for m in at.markdown if m.value.startswith("- ")]
    truce = next(line for line in lines if line.startswith("- ceasefire from noon and troop positions frozen"))
    assert "in effect since 27 Dec 2025 12:00 ([source](" in truce and "not recorded done" not in truce
    returned = next(line for line in lines if line.startswith("- no reinforcements or patrols"))
    assert "in effect since" not in returned  # another provision: only the record says it was done


def test_the_provisions_of_a_suspended_accord_are_shown_suspended_with_who_and_when(generated):
    at = _app(generated[1], asof="2025-11-20")
    lines = [m.value for m in at.markdown if m.value.startswith("- ")]
    demining = next(line for line in lines if line.startswith("- demining —"))
    assert "Kuala Lumpur Peace Accord" in demining and "**suspended** by Thailand on 10 Nov 2025 ([source](" in demining
    in_force = next(line for line in lines if line.startswith("- ASEAN observer team"))
    assert "suspended" not in in_force  # the Putrajaya ceasefire's provisions stay in force


def test_ranges_keep_their_qualifiers_and_the_headline_leaves_incident_counts_out(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            (
                "a",
                date(2025, 12, 14),
                "A",
                "Thai officials said at least 40 Thai people had been killed since the fighting began.",
            ),
            (
                "b",
                date(2025, 12, 15),
                "B",
                "The army said at least 60 Thai people had been killed since the fighting began.",
            ),
            (
                "c",
                date(2025, 12, 16),
                "C",
                "Two Thai civilians were killed when a rocket hit a market in Kantharalak district on Tuesday.",
            ),
        ],
    )
    ranges = queries.figure_ranges(store, date(2025, 12, 20), "dec2025", ["killed"], ["Thailand"])
    assert set(ranges["low_shown"]) | set(ranges["high_shown"]) >= {"at least 40", "at least 60"}
    [toll] = queries.latest_tolls(store, date(2025, 12, 20), "dec2025")
    assert display_value(toll.latest) == "at least 60" and toll.report.name == "b"  # not the rocket's 2, though newer


def test_a_report_naming_one_meeting_twice_counts_once(tmp_path):
    from dashboard.records import Extraction, Meeting

    store = Store(tmp_path / "m.sqlite3")
    report = make_report("Talks in Chanthaburi on 24 December.", "a.txt", published=date(2025, 12, 20), name="a")
    e = Evidence(report.id, report.text, 0, 5, "Talks")
    day = date(2025, 12, 24)
    twice = [
        Meeting(e, day, "24 December", "Chanthaburi", "TH-22", 12.6, 102.1, body, (), status)
        for body, status in (("General Border Committee", "scheduled"), ("Regional Border Committee", "proposed"))
    ]
    store.add(report, Extraction(report, meetings=twice), EXTRACTOR_VERSION)
    [meeting] = [m for m in queries.meetings(store, date(2025, 12, 21)) if m.date == day]
    assert meeting.reports == 1 and len(meeting.bodies) == 2


def test_an_undated_telling_in_an_undated_report_is_not_put_on_a_day(tmp_path, gaz):
    store = Store(tmp_path / "u.sqlite3")
    for name, published in (("dated", date(2026, 1, 5)), ("undated", None)):
        text = f"Cambodian troops shelled Kantharalak district, Thailand said. ({name})"
        r = make_report(text, f"{name}.txt", published=published, name=name)
        store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    today = date.today()
    events = queries.incident_events(store, today, date(2025, 12, 27))
    assert [t.report.name for e in events for t in e.tellings] == ["dated"]
    assert queries.undated_tellings(store, today) == 1
    assert queries.newest_day(store) == date(2026, 1, 5)  # not the day the undated report was ingested


def test_reports_without_an_outlet_are_sources_of_their_own():
    from dashboard.queries.tracker import source_of

    a, b = (Report(id=i, path="", text="", name=i) for i in ("gen1", "gen2"))
    assert source_of(a) != source_of(b) and "gen1" in source_of(a)


def test_an_event_keeps_its_id_when_a_report_names_only_its_province(tmp_path, gaz):
    first = ("a", date(2026, 1, 5), "A", "Cambodian troops shelled Ban Nong Chan in Sa Kaeo province on Monday.")
    store = _store(tmp_path, gaz, [first])
    [before] = queries.incident_events(store, date(2026, 1, 10), date(2026, 1, 1))
    later = make_report("Cambodian artillery shelled Sa Kaeo on Monday.", "z.txt", published=date(2026, 1, 5), name="z")
    store.add(later, extract(later, gaz), EXTRACTOR_VERSION)
    [after] = queries.incident_events(store, date(2026, 1, 10), date(2026, 1, 1))
    assert after.id == before.id and after.reports == 2


def test_a_figure_for_one_province_is_not_a_sides_total(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            ("all", date(2026, 1, 8), "A", "About 90,000 Cambodian evacuees have returned home, officials said."),
            ("one", date(2026, 1, 9), "B", "About 20,000 Cambodian evacuees have returned home in Pailin province."),
        ],
    )
    pairs = queries.toll_figures(store, date(2026, 1, 10), "dec2025", "returned", "KH", None)
    assert [r.name for _, r in pairs] == ["all"]
    assert queries.provincial_counts(store, date(2026, 1, 10), "dec2025", "returned", "KH", None) == 1


def test_the_share_link_carries_what_the_widgets_kept(generated):
    at = _app(generated[1], asof="2026-01-25", tkind="no such kind", tmetric="displaced", tside="Cambodia")
    [link] = [c.value for c in at.code]
    assert "tmetric=displaced" in link and "tside=Cambodia" in link
    assert "tkind" not in link  # a value the filter did not take is not passed on


@pytest.mark.parametrize("written", ["TH-33", "sisaket", "Si Sa Ket"])
def test_a_timeline_province_in_the_link_is_chosen_in_any_spelling(generated, written):
    at = _app(generated[1], asof="2026-01-25", tprovince=written)
    assert at.multiselect(key="tprovince").value == ["TH-33"]
    [link] = [c.value for c in at.code]
    assert "tprovince=TH-33" in link  # the share link writes the code, which the link reads back


def test_an_attack_told_in_retrospect_is_no_new_event_nor_a_violation(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            (
                "memorial",
                date(2025, 9, 3),
                "Outlet A",
                "Villagers held a memorial for those killed by rocket fire in Kantharalak district in July.",
            ),
            ("retold", date(2025, 8, 2), "Outlet B", "The rocket strike on Sisaket province of 24 July killed eight."),
        ],
    )
    since = date(2025, 7, 29)  # the first day of the Putrajaya ceasefire
    assert queries.incident_events(store, date(2025, 9, 10), since) == []
    [event] = queries.incident_events(store, date(2025, 9, 10), date(2025, 7, 20))
    assert (event.day, event.kind, event.stated) == (date(2025, 7, 24), "rocket", True)
    # the report of 2 August adds the event to the past only from its own date
    assert queries.incident_events(store, date(2025, 8, 1), date(2025, 7, 20)) == []


def test_a_summary_told_beside_an_attack_is_a_toll_and_one_attacks_victims_are_not(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            (
                "summary",
                date(2025, 12, 14),
                "A",
                "Cambodian troops fired rockets into Thai villages on Thursday, and the clashes have killed 9 Thai "
                "civilians.",
            ),
            ("mine", date(2025, 12, 15), "B", "A landmine blast wounded four Thai soldiers on patrol on Monday."),
        ],
    )
    as_of = date(2025, 12, 20)
    assert queries.incident_events(store, as_of, date(2025, 12, 1))  # the summary's sentence tells an attack
    tolls = {(t.metric, t.side, t.latest.group): t.latest.value for t in queries.latest_tolls(store, as_of, "dec2025")}
    assert tolls == {("killed", "TH", "civilian"): 9}  # the mine's four wounded stay with the mine
    assert queries.incident_counts(store, as_of, "dec2025", "injured", "TH", "military") == 1


def test_a_sideless_total_beside_both_countries_is_both_sides_and_an_outgrown_total_is_dropped(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            ("old", date(2025, 12, 10), "A", "Cambodian officials said about 20 Cambodians have been wounded."),
            (
                "new",
                date(2025, 12, 18),
                "B",
                "Fighting between Thailand and Cambodia went on.\n\nAt least 27 people have died.\n\n"
                "Cambodian officials said 79 Cambodian civilians have been wounded.",
            ),
        ],
    )
    tolls = {
        (t.metric, t.side, t.latest.group): t.latest.value
        for t in queries.latest_tolls(store, date(2025, 12, 20), "dec2025")
    }
    assert tolls == {("killed", "both", None): 27, ("injured", "KH", "civilian"): 79}


def test_the_tracker_opens_on_the_headlines_first_toll(tmp_path, gaz):
    _store(
        tmp_path, gaz, [("a", date(2025, 12, 14), "A", "The Thai army said 12 Thai soldiers have been killed so far.")]
    )
    at = _app(tmp_path / "m.sqlite3", asof="2025-12-20")
    chosen = (at.selectbox(key="tmetric").value, at.selectbox(key="tside").value, at.selectbox(key="tgroup").value)
    assert chosen == ("killed", "Thailand", "soldiers")
    assert any("first toll of the headline" in c.value for c in at.caption)
    assert not [i.value for i in at.info if "No source gives a number" in i.value]


def test_the_streams_retrospectives_and_captions_make_no_event(store):
    """The generated stream retells earlier attacks (a memorial, a photo caption of earlier damage, "in recent
    years"): none of them is an event, nor a telling of one."""
    looking_back = ("held a memorial", "Photo: houses", "in recent years")
    events = queries.incident_events(store, date(2026, 2, 15), date(2025, 7, 1))
    told = [t.incident.evidence.sentence for e in events for t in e.tellings]
    assert events and not [s for s in told if any(w in s for w in looking_back)]
    with store.engine.connect() as conn:  # they are stored, as tellings of an earlier period
        rows = conn.execute(  # in reports with a date (in one nothing dates, a month named says nothing)
            sa.text(
                "SELECT timing, sentence FROM incidents JOIN reports ON reports.id = incidents.report_id"
                " WHERE reports.published IS NOT NULL"
            )
        ).all()
    retold = [timing for timing, s in rows if any(w in s for w in looking_back)]
    assert retold and set(retold) == {"earlier"}


def test_a_count_of_all_smaller_than_a_groups_of_the_same_day_is_dropped(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            ("all", date(2025, 12, 9), "A", "Cambodian officials said at least 4 Cambodians have been killed."),
            ("group", date(2025, 12, 9), "B", "Cambodian officials said 7 Cambodian civilians have been killed."),
        ],
    )
    tolls = {
        (t.side, t.latest.group): t.latest.value for t in queries.latest_tolls(store, date(2025, 12, 9), "dec2025")
    }
    assert tolls == {("KH", "civilian"): 7}


def test_deaths_from_indirect_effects_stand_beside_the_direct_toll_they_are_told_with(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            (
                "a",
                date(2025, 12, 18),
                "A",
                "The Thai health ministry said three Thai civilians have been killed by shelling so far, "
                "while 25 more Thai deaths have been recorded from indirect effects of the fighting.",
            )
        ],
    )
    [toll] = queries.latest_tolls(store, date(2025, 12, 20), "dec2025")
    assert (toll.side, toll.latest.value, toll.indirect.value) == ("TH", 3, 25)
    from dashboard.ui.headline import toll_table

    assert "**3** civilians + 25 from indirect effects" in toll_table([toll])
    one = replace(toll, latest=replace(toll.latest, value=1))
    assert "**1** civilian + 25 from indirect effects" in toll_table([one])


def test_the_violations_line_says_what_undated_reports_it_could_not_read(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [("dated", date(2025, 8, 2), "A", "Officials said the ceasefire agreed in Putrajaya held along the border.")],
    )
    undated = make_report("Thai troops said Cambodian forces fired on their positions again.", "u.txt", name="u")
    store.add(undated, extract(undated, gaz), EXTRACTOR_VERSION)
    at = _app(tmp_path / "m.sqlite3", asof="2025-08-15")
    line = next(c.value for c in at.caption if "alleged violation" in c.value)
    assert line.startswith("No alleged violation reported since 29 Jul 2025.")
    assert "No alleged violation reported since 29 Jul 2025. Not read: 1 undated." in line


def test_the_reports_nothing_dates_are_listed_with_their_source_escaped(tmp_path, gaz):
    store = _store(tmp_path, gaz, [("dated", date(2025, 8, 2), "A", "Officials said the truce held along the border.")])
    assert not [e for e in _app(tmp_path / "m.sqlite3", asof="2025-08-15").expander if "no date" in e.label]
    undated = make_report(
        "Thai troops said Cambodian forces fired on their positions again.",
        "u.txt",
        name="u",
        title="[Read this](https://evil.example) <b>now</b>",
        url="https://news.example.org/undated-story",
    )
    store.add(undated, extract(undated, gaz), EXTRACTOR_VERSION)
    at = _app(tmp_path / "m.sqlite3", asof="2025-08-15")
    [listing] = [e for e in at.expander if e.label.startswith("Reports with no date found (1)")]
    [line] = [m.value for m in listing.markdown]
    assert "https://news.example.org/undated-story" in line and "report u" in line
    assert "](https://evil.example)" not in line and "<b>" not in line  # the title is text, not a link or markup
    # the day it was stored is no date of the report's: the list says none was found, on a page of any date
    assert "· no date found ·" in line and "stored" not in line


def test_figures_by_source_compare_each_sources_newest_within_one_group(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            ("a1", date(2025, 12, 10), "Outlet A", "The Thai army said 12 Thai soldiers have been killed so far."),
            ("a2", date(2025, 12, 17), "Outlet A", "The Thai army said 21 Thai soldiers have been killed so far."),
            ("b", date(2025, 12, 18), "Outlet B", "Officials said four Thai civilians have been killed so far."),
        ],
    )
    ranges = queries.figure_ranges(store, date(2025, 12, 20), "dec2025", ["killed"], ["Thailand"])
    rows = {(r["side"], r["group"]): r for r in ranges.to_dict("records")}
    soldiers, civilians = rows["Thailand", "military"], rows["Thailand", "civilian"]
    assert (soldiers["low"], soldiers["high"], soldiers["reports"], soldiers["disagree"]) == (21, 21, 1, False)
    assert (civilians["low"], civilians["disagree"]) == (4, False)  # never compared with the soldiers


def test_indirect_deaths_stand_beside_one_cell_never_the_soldiers(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            (
                "a",
                date(2025, 12, 18),
                "A",
                "The Thai army said 11 Thai soldiers have been killed so far. The ministry said two Thai civilians "
                "have been killed so far, while 30 more Thai deaths have been recorded from indirect effects.",
            )
        ],
    )
    tolls = {t.latest.group: t for t in queries.latest_tolls(store, date(2025, 12, 20), "dec2025")}
    assert tolls["military"].indirect is None
    assert tolls["civilian"].indirect.value == 30


def test_figures_by_source_compare_direct_and_indirect_deaths_together(tmp_path, gaz):
    """A source giving direct and indirect deaths is compared with another's count by the two together:
    "2 + 30 from indirect effects" is 32, not 2 against another's 31."""
    store = _store(
        tmp_path,
        gaz,
        [
            (
                "a",
                date(2025, 12, 18),
                "Outlet A",
                "The ministry said two Thai civilians have been killed so far, while 30 more Thai deaths have been "
                "recorded from indirect effects.",
            ),
            ("b", date(2025, 12, 17), "Outlet B", "Officials said 31 Thai civilians have been killed so far."),
        ],
    )
    ranges = queries.figure_ranges(store, date(2025, 12, 20), "dec2025", ["killed"], ["Thailand"])
    [row] = [r for r in ranges.to_dict("records") if r["group"] == "civilian"]
    assert (row["low"], row["high"]) == (31, 32)
    assert row["newest"][0] == "32 (2 + 30 from indirect effects) (Outlet A, 18 Dec)"


def test_the_violations_line_counts_a_report_saying_the_ceasefire_was_violated(tmp_path, gaz):
    _store(
        tmp_path,
        gaz,
        [("said", date(2025, 7, 30), "A", "Thailand said Cambodia had breached the ceasefire within hours.")],
    )
    at = _app(tmp_path / "m.sqlite3", asof="2025-08-02")
    line = next(c.value for c in at.caption if "since 29 Jul" in c.value)
    # the charge has no place: one alleged violation of its report's day, place not stated (claimed_violations)
    assert line.startswith("1 alleged violation since 29 Jul (told 1 time), the last reported 30 Jul")
    assert line.endswith("Cambodia is accused: 1 · reports: Thailand says so in 1 report")


def test_who_says_the_ceasefire_was_violated_and_who_denies_it(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            ("a", date(2025, 7, 30), "A", "Thailand said Cambodia had breached the ceasefire within hours."),
            ("b", date(2025, 7, 31), "B", "The Thai army accused Cambodia of violating the truce again."),
            ("c", date(2025, 7, 31), "C", "Cambodia flatly denied violating the ceasefire."),
            ("d", date(2025, 7, 31), "D", "Observers said the truce was breached near the border."),
        ],
    )
    sides = queries.statement_sides(store, date(2025, 8, 2), date(2025, 7, 29), "ceasefire")
    from dashboard.ui.ceasefire import who_says_violated

    assert who_says_violated(sides) == "Thailand says so in 2 reports · Cambodia denies (1 report)"


def test_an_alleged_violation_that_is_no_attack_counts_after_the_ceasefire(tmp_path, gaz):
    """A crowd brought to the line that one army calls a ceasefire violation is an alleged violation: the panel
    counts it (not "no alleged violation"), with its accuser and accused, and the timeline shows it by its kind."""
    store = _store(
        tmp_path,
        gaz,
        [
            (
                "p",
                date(2025, 9, 5),
                "A",
                "The Thai army reported on Thursday that some 120 Cambodian villagers gathered to protest at a border "
                "marker in Sa Kaeo province, which it called a violation of the ceasefire.",
            ),
        ],
    )
    events = alleged_violations(queries.incident_events(store, date(2025, 9, 20), date(2025, 7, 29)), date(2025, 7, 29))
    assert [(e.kind, e.day, tuple(e.admin1), e.accused, tuple(e.accusers)) for e in events] == [
        ("provocation", date(2025, 9, 4), ("TH-27",), "KH", ("TH",))
    ]
    from dashboard.ui.events import event_title, who_says_what

    assert event_title(events[0]).startswith("Alleged provocation · ")
    assert who_says_what(events[0]) == "Thailand accuses Cambodia"


def test_the_fighting_a_ceasefire_ended_is_told_as_its_span_not_as_days_since_it_began():
    from dashboard.summary import OnsetClaim
    from dashboard.ui.headline import onset_summary

    claims = [OnsetClaim(date(2025, 12, 8), 3)]
    assert onset_summary(claims, date(2025, 12, 27), until=True) == (
        "**20 days** of fighting from 8 Dec (3 reports) to 27 Dec 2025"
    )
    two = [OnsetClaim(date(2025, 12, 7), 5), OnsetClaim(date(2025, 12, 8), 3)]
    assert onset_summary(two, date(2025, 12, 27), until=True) == (
        "**20–21 days** of fighting from 7 Dec (5 reports) or 8 Dec (3 reports), reports disagree, to 27 Dec 2025"
    )
    assert onset_summary(claims, date(2025, 12, 20)) == "**12 days** since 8 Dec 2025 (3 reports)"


def test_with_no_report_stating_when_the_fighting_began_the_banners_curated_row_dates_it_said_as_such():
    """The banner names the fighting from the agreements file; the counter under it must not say that nothing
    tells when it began (an audit found the two disagreeing on one screen)."""
    from dashboard.agreements import state_at
    from dashboard.ui.headline import onset_summary

    state = state_at(date(2025, 12, 20))
    assert state.ended_by is not None and state.ended_by.kind == "fighting"
    said = onset_summary([], date(2025, 12, 20), "dec2025", curated=state.ended_by)
    assert said.startswith(f"**{(date(2025, 12, 20) - state.ended_by.date).days} days** since ")
    assert said.endswith("(the agreements file; no report states it)")
    assert onset_summary([], date(2025, 12, 20), "dec2025").startswith("no report states when it began")


def test_the_fighting_is_counted_in_days_fought_the_ceasefires_own_day_with_them_unless_it_began_at_its_start():
    """Fighting from 24 July to a ceasefire from midnight closing 28 July: five days fought (the reports' "five-day
    conflict"), not the four days between the dates; a ceasefire from 00:00 adds no day of fighting."""
    from dashboard.summary import OnsetClaim
    from dashboard.ui.headline import onset_summary

    claims = [OnsetClaim(date(2025, 7, 24), 4)]
    assert onset_summary(claims, date(2025, 7, 28), until=True).startswith("**5 days** of fighting from 24 Jul")
    at_dawn = onset_summary(claims, date(2025, 7, 28), until=True, fought_that_day=False)
    assert at_dawn.startswith("**4 days** of fighting")


def test_a_toll_whose_side_is_not_stated_stands_with_both_sides_totals_marked(tmp_path, gaz):
    """A total whose side is not stated is, as a rule, the fighting's: one column with both sides' totals, the
    newest shown, marked — never a second, different toll beside it."""
    store = _store(
        tmp_path,
        gaz,
        [
            ("old", date(2025, 12, 12), "A", "The fighting has killed at least 20 people so far, officials said."),
            (
                "new",
                date(2025, 12, 20),
                "B",
                "The fighting has killed at least 90 people on both sides so far, officials said.",
            ),
        ],
    )
    tolls = queries.latest_tolls(store, date(2025, 12, 21), "dec2025")
    assert {(t.side, t.latest.value) for t in tolls} == {("both", 90)}
    [early] = queries.latest_tolls(store, date(2025, 12, 15), "dec2025")
    assert (early.side, early.latest.value, early.latest.both_sides) == ("both", 20, False)
    from dashboard.ui.headline import toll_table

    table = toll_table([early])
    assert "Both sides or not stated" in table and "· side not stated" in table
    assert "side not stated" not in toll_table(tolls)


def test_a_figure_counts_on_the_day_its_sentence_gives_not_its_reports():
    """9 injured "by Monday evening" in a Tuesday report, about 20 in another Tuesday report: an update."""
    by_monday = replace(_figure(9), metric="injured", date=date(2025, 12, 8))
    pairs = [
        (by_monday, _report("A", date(2025, 12, 9))),
        (replace(_figure(20, "about"), metric="injured"), _report("B", date(2025, 12, 9))),
    ]
    assert not disagreement(latest_per_source(pairs), date(2025, 12, 10))[1]
    # 30 by Monday, then about 20 on the Tuesday: a running total told lower a day later is at odds
    pairs[0] = (replace(by_monday, value=30, value_text="30"), pairs[0][1])
    assert disagreement(latest_per_source(pairs), date(2025, 12, 10))[1]
    # both of the Tuesday: steps of the day's running total, the higher the later
    pairs[0] = (replace(by_monday, value=30, value_text="30", date=None), pairs[0][1])
    assert not disagreement(latest_per_source(pairs), date(2025, 12, 10))[1]


def test_the_displaced_going_home_show_the_highest_count_beside_the_newest(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            ("peak", date(2025, 12, 20), "A", "More than 400,000 Cambodians have been displaced by the fighting."),
            ("now", date(2026, 1, 5), "B", "About 150,000 Cambodians remain displaced, the ministry said."),
        ],
    )
    [toll] = queries.latest_tolls(store, date(2026, 1, 6), "dec2025")
    assert (toll.latest.value, toll.peak[0].value) == (150000, 400000)
    from dashboard.ui.headline import toll_table

    assert (
        "**about 150,000** still displaced (B, 5 Jan) · highest reported more than 400,000 (A, 20 Dec)"
        in toll_table([toll])
    )
    [before] = queries.latest_tolls(store, date(2025, 12, 21), "dec2025")
    assert before.peak is None  # the newest is the highest


def test_a_count_in_a_paragraph_about_one_province_is_that_provinces_not_a_sides_toll(tmp_path, gaz):
    text = (
        "Cambodia's defence ministry said at least four Cambodian civilians have been killed.\n\n"
        "Oddar Meanchey province has been among the worst hit. Three civilians were reported dead."
    )
    store = _store(tmp_path, gaz, [("a", date(2025, 12, 9), "A", text)])
    tolls = queries.latest_tolls(store, date(2025, 12, 10), "dec2025")
    assert [(t.side, t.latest.value, t.low, t.high) for t in tolls] == [("KH", 4, 4, 4)]
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT value, provinces FROM figures ORDER BY value")).all()
    assert rows == [(3, "|KH-22|"), (4, "")]


def test_a_groups_count_left_behind_by_a_later_larger_count_of_all_is_stale(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            ("first", date(2025, 7, 24), "A", "At least two Thai civilians have been killed so far, officials said."),
            ("later", date(2025, 7, 29), "B", "At least 30 Thais have been killed so far, officials said."),
        ],
    )
    tolls = queries.latest_tolls(store, date(2025, 7, 30), "jul2025")
    assert [(t.latest.group, t.latest.value) for t in tolls] == [(None, 30)]
    early = queries.latest_tolls(store, date(2025, 7, 25), "jul2025")
    assert [(t.latest.group, t.latest.value) for t in early] == [("civilian", 2)]


def test_what_reports_say_of_an_accords_provision_counts_from_the_accords_day(tmp_path, gaz):
    _store(tmp_path, gaz, [("obs", date(2025, 8, 20), "A", "Twenty ASEAN observers were deployed along the frontier.")])
    at = _app(tmp_path / "m.sqlite3", asof="2025-11-01")
    lines = [m.value for m in at.markdown if m.value.startswith("- ")]
    july = next(v for v in lines if v.startswith("- ASEAN observer team —"))
    october = next(v for v in lines if v.startswith("- ASEAN Observer Team —"))
    assert "reports: done: 1 report" in july  # told after the July ceasefire
    assert "reports: no report says" in october  # but before the October accord


def test_a_later_reports_higher_count_for_the_same_day_is_an_update_a_lower_one_is_at_odds():
    monday = date(2025, 12, 22)
    pairs = [
        (replace(_figure(19), date=monday), _report("A", monday)),
        (replace(_figure(20), date=monday), _report("B", date(2025, 12, 23))),
    ]
    assert not disagreement(latest_per_source(pairs), date(2025, 12, 24))[1]
    pairs[1] = (replace(_figure(17), date=monday), pairs[1][1])
    assert disagreement(latest_per_source(pairs), date(2025, 12, 24))[1]


def test_what_is_planned_or_under_way_before_an_instrument_is_its_matter_unless_an_earlier_one_provides_it(
    tmp_path, gaz
):
    """What was done counts for a provision from its instrument's day; what is planned, under way or disputed
    before it counts for it from the ceasefire the instruments amend, unless an earlier instrument in force
    provides the same (then it is the earlier one's)."""
    from dashboard.agreements import state_at
    from dashboard.queries.ceasefire import provision_topic, provision_window

    store = _store(
        tmp_path,
        gaz,
        [
            ("team", date(2025, 8, 3), "A", "Talks next week will set the rules for an ASEAN monitoring team."),
            (
                "talks",
                date(2025, 8, 1),
                "D",
                "As for the soldiers held by the Thai army, Cambodia is negotiating their return.",
            ),
            ("visit", date(2025, 8, 20), "B", "Twenty ASEAN observers were deployed along the frontier."),
            (
                "plan",
                date(2025, 10, 20),
                "C",
                "Under the coming accord, both armies will remove their mines and heavy artillery from the frontier.",
            ),
        ],
    )

    def said(as_of, instrument_day, topic):
        state = state_at(as_of)
        [p] = [p for p in state.provisions if p.instrument.date == instrument_day and provision_topic(p.text) == topic]
        window = provision_window(state, p)
        counts = queries.statement_counts(store, as_of, *window)
        return sorted((c.stance, c.reports) for c in counts if c.topic == topic)

    july, october = date(2025, 7, 28), date(2025, 10, 26)
    assert said(date(2025, 8, 15), july, "observers") == [("planned", 1)]  # the July ceasefire's team
    assert said(date(2025, 11, 1), july, "observers") == [("done", 1), ("planned", 1)]
    # the August plan and visit of an ASEAN team are the July ceasefire's team's, not the October accord's
    assert said(date(2025, 11, 1), october, "observers") == []
    # talks told before the August minutes that first provide the release: under way for them; for the October
    # accord's release they are the minutes' matter
    assert said(date(2025, 8, 15), date(2025, 8, 7), "detainees") == [("in_progress", 1)]
    assert said(date(2025, 11, 1), october, "detainees") == []
    assert said(date(2025, 11, 1), october, "heavy_weapons") == [("planned", 1)]  # no earlier instrument has it
    assert said(date(2025, 11, 1), october, "demining") == [("planned", 1)]


def test_those_who_remain_in_camps_are_said_as_still_displaced_beside_the_highest_count(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            ("peak", date(2025, 12, 21), "A", "Officials said 61,000 Thai villagers have been evacuated so far."),
            ("camps", date(2026, 1, 4), "B", "Some 9,500 Thai villagers remain in relief camps, officials said."),
        ],
    )
    from dashboard.ui.headline import toll_table

    [toll] = queries.latest_tolls(store, date(2026, 1, 5), "dec2025")
    assert (toll.latest.scope, toll.latest.value, toll.peak[0].value) == ("remaining", 9500, 61000)
    assert "**about 9,500** still displaced (B, 4 Jan) · highest reported 61,000 (A, 21 Dec)" in toll_table([toll])
    [before] = queries.latest_tolls(store, date(2025, 12, 22), "dec2025")
    assert "still" not in toll_table([before])  # how many were evacuated: no stock of those who remain
