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
