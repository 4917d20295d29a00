"""A provision that is a body's meeting ("regional army commanders meet") is carried out when reports tell that
body's meeting held on or after its instrument's day (dashboard.queries.ceasefire.provision_met)."""

from datetime import date

from dashboard import queries
from dashboard.agreements import state_at
from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.read import make_report
from dashboard.store import Store


def _store_of(tmp_path, texts, name="p"):
    store = Store(str(tmp_path / f"{name}.sqlite3"))
    for i, (text, day) in enumerate(texts):
        r = make_report(text, path=f"p{i}.txt", published=day, url=f"https://example.org/p{i}")
        store.add(r, extract(r), EXTRACTOR_VERSION)
    return store


def _provision(as_of, words):
    return next(p for p in state_at(as_of).provisions if words in p.text)


def test_the_regional_commanders_meeting_held_carries_out_the_provision(tmp_path):
    from dashboard.queries.ceasefire import provision_met

    store = _store_of(
        tmp_path,
        [
            (
                "Regional commanders of the two armies met at 7 a.m. on Tuesday at the Chong Sa-ngam checkpoint in "
                "Phu Sing district, as agreed in Putrajaya.",
                date(2025, 7, 30),
            )
        ],
    )
    as_of = date(2025, 7, 31)
    p = _provision(as_of, "regional army commanders")
    assert p.done is None  # the curated record does not have it yet
    met = provision_met(p, queries.meetings(store, as_of))
    assert met is not None and met.date == date(2025, 7, 29)


def test_a_committee_meeting_told_in_other_words_carries_out_its_provision_a_planned_one_does_not(tmp_path):
    from dashboard.queries.ceasefire import provision_met

    held = "The Regional Border Committee sat down with its counterparts in Surin on 30 July, the army said."
    planned = "The Regional Border Committee will meet in Surin on 2 August, the army said."
    as_of = date(2025, 7, 31)
    p = _provision(as_of, "regional army commanders")
    store = _store_of(tmp_path, [(held, date(2025, 7, 31))])
    assert provision_met(p, queries.meetings(store, as_of)).date == date(2025, 7, 30)
    assert (
        provision_met(p, queries.meetings(_store_of(tmp_path, [(planned, date(2025, 7, 31))], "planned"), as_of))
        is None
    )
    # a provision that names no body that meets is not carried out by a meeting
    truce = _provision(as_of, "immediate and unconditional ceasefire")
    assert provision_met(truce, queries.meetings(store, as_of)) is None


def test_a_statement_dating_what_it_tells_before_the_ceasefire_is_not_said_of_it(tmp_path):
    from dashboard.queries.ceasefire import statement_counts

    as_of, since = date(2026, 1, 5), date(2025, 12, 27)  # the ceasefire of 27 December in force
    earlier = (
        "Fighting broke out again on 8 December, a month after Thailand suspended an October peace accord over a "
        "landmine blast that wounded four of its soldiers."
    )
    own = "Cambodia accused Thailand of violating the ceasefire on 20 December."
    now = "Cambodia said on 2 January that Thailand had violated the ceasefire."
    store = _store_of(tmp_path, [(earlier, date(2025, 12, 27)), (own, date(2026, 1, 3)), (now, date(2026, 1, 3))])
    said = {(c.topic, c.stance): c.reports for c in statement_counts(store, as_of, since)}
    assert ("ceasefire", "suspended") not in said
    assert said[("ceasefire", "violated")] == 1  # the 2 January word, not the 20 December one
