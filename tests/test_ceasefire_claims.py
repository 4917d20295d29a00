"""An alleged violation with no place (dashboard.queries.ceasefire.claimed_violations): a side that says the other
broke the ceasefire counts as one alleged violation dated by its report, shown with no place; not a second one for
a report that tells a placed violation, and none without a side."""

from datetime import date

from dashboard import queries
from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.queries.ceasefire import alleged_violations, with_claims, with_counted_claims
from dashboard.read import make_report
from dashboard.store import Store
from dashboard.ui.events import event_title

CEASEFIRE = date(2025, 8, 1)  # a ceasefire from that day (the test's own; the agreements file is not read)
AS_OF = date(2025, 8, 20)


def _store(tmp_path, gaz, texts):
    store = Store(str(tmp_path / "c.sqlite3"))
    for i, (text, day) in enumerate(texts):
        r = make_report(text, path=f"c{i}.txt", published=day, url=f"https://example.org/c{i}")
        store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    return store


def test_a_side_saying_the_ceasefire_was_broken_is_an_alleged_violation_with_no_place(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            (
                "Thailand accused Cambodia of violating the truce, saying its troops came under fire overnight.",
                date(2025, 8, 5),
            ),
            ("Observers said the ceasefire was violated, without saying by whom.", date(2025, 8, 6)),
            (
                "Thailand accused Cambodia of violating the ceasefire. Thai officials said Cambodian troops fired "
                "artillery at Ban Nong Chan in Sa Kaeo province on 9 August.",
                date(2025, 8, 10),
            ),
        ],
    )
    events = alleged_violations(queries.incident_events(store, AS_OF, CEASEFIRE), CEASEFIRE)
    claims = queries.claimed_violations(store, AS_OF, CEASEFIRE)
    counted = with_claims(events, claims)
    assert events and all(e.admin1 for e in events)  # the third report's shelling
    unplaced = [e for e in counted if not e.admin1]
    assert len(unplaced) == 1  # the first report's; the observers name no side; the third tells a placed one
    [claim] = unplaced
    assert claim.day == date(2025, 8, 5) and not claim.stated and claim.accused == "KH" and claim.accusers == ["TH"]
    assert "place not stated" in event_title(claim) and "reported" in event_title(claim)
    assert len(counted) == len(events) + 1
    # on the timeline too, once
    on_timeline = with_counted_claims(events, claims, CEASEFIRE, CEASEFIRE)
    assert [e.id for e in on_timeline].count(claim.id) == 1
    # what the page's timeline and its download list (the agreements file's July ceasefire is in force on 20 Aug)
    assert [e.id for e in queries.timeline_events(store, AS_OF, CEASEFIRE)].count(claim.id) == 1


def test_the_accused_sides_word_that_nothing_happened_is_its_version_of_the_charge(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            (
                "Thailand accused Cambodia of breaking the truce within hours. A Cambodian general told "
                "reporters his troops saw no clashes since the ceasefire.",
                date(2025, 8, 5),
            ),
            (
                "Thai officials said Cambodian troops fired artillery at Ban Nong Chan in Sa Kaeo province on "
                "9 August, breaking the ceasefire.\n\nA Cambodian army spokesman said there had been no fighting "
                "since the ceasefire.",
                date(2025, 8, 10),
            ),
            # a denial in another report answers nothing here
            ("Thailand said the ceasefire was violated by Cambodia.", date(2025, 8, 12)),
        ],
    )
    events = alleged_violations(queries.incident_events(store, AS_OF, CEASEFIRE), CEASEFIRE)
    claims = queries.claimed_violations(store, AS_OF, CEASEFIRE)
    denials = queries.ceasefire_denials(store, AS_OF, CEASEFIRE)
    counted = with_claims(events, claims, denials)
    first, placed, third = counted
    for e in (first, placed):
        assert e.accused == "KH" and e.deniers == ["KH"]
        assert e.versions()["KH"] and e.reports == 1  # Cambodia's version, from the same report
    assert third.deniers == [] and not third.versions()["KH"]
    # the timeline shows the same versions
    on_timeline = {e.id: e for e in queries.timeline_events(store, AS_OF, CEASEFIRE)}
    assert on_timeline[first.id].deniers == ["KH"] and on_timeline[placed.id].deniers == ["KH"]


def test_who_says_the_ceasefire_was_violated_agrees_with_who_is_accused(tmp_path, gaz):
    from dashboard.queries.ceasefire import violation_accusers
    from dashboard.ui.ceasefire import violations_summary

    store = _store(
        tmp_path,
        gaz,
        [
            ("Thailand accused Cambodia of violating the truce, saying its troops came under fire.", date(2025, 8, 5)),
            # a placed charge whose report says nothing of the ceasefire itself
            (
                "The Thai army said Cambodian troops fired artillery at Ban Nong Chan in Sa Kaeo province on 9 August.",
                date(2025, 8, 10),
            ),
            (
                "Thai officials said Cambodian forces fired rockets at a village near Chong Chom in Surin province on "
                "14 August.",
                date(2025, 8, 15),
            ),
        ],
    )
    events = alleged_violations(queries.incident_events(store, AS_OF, CEASEFIRE), CEASEFIRE)
    counted = with_claims(events, queries.claimed_violations(store, AS_OF, CEASEFIRE))
    assert len(counted) == 3 and {e.accused for e in counted} == {"KH"}
    sides = queries.statement_sides(store, AS_OF, CEASEFIRE, "ceasefire", violation_accusers(counted))
    line = violations_summary(counted, CEASEFIRE, AS_OF, None, sides)
    assert "Cambodia is accused: 3" in line and "Thailand says so in 3 reports" in line, line
    # without the accusations, the statements alone: only the first report says so
    assert [(c.stance, c.side, c.reports) for c in queries.statement_sides(store, AS_OF, CEASEFIRE, "ceasefire")] == [
        ("violated", "TH", 1)
    ]


def test_a_violation_known_only_by_its_reports_date_is_the_last_reported_not_the_last_on():
    from dashboard.reconcile import Telling, merge_incidents
    from dashboard.records import Evidence, Incident, Report
    from dashboard.ui.ceasefire import violations_summary

    def told(day, stated):
        text = "Thai troops hold the hill, Cambodia said."
        inc = Incident(Evidence("r", text, 0, 1, text), "encroachment", ("Hill",), ("KH-1",), day if stated else None,
                       "KH", "TH", None, "stated" if stated else "reported")  # fmt: skip
        return Telling(inc, Report(f"r{day}", "r.txt", text, published=day), day, None)

    occupied = merge_incidents([told(date(2025, 8, 12), stated=False)])
    assert "the last reported 12 Aug" in violations_summary(occupied, CEASEFIRE, AS_OF)
    dated = merge_incidents([told(date(2025, 8, 12), stated=True)])
    assert "the last on 12 Aug" in violations_summary(dated, CEASEFIRE, AS_OF)
