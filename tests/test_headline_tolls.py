"""The headline's tolls from phrasings of the unseen-report audit (session 10): a both-sides total broken down by
country, one shooting's victims, counts over a list of provinces, a report's newer count beside its peak."""

from datetime import date

from dashboard import queries
from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.read import make_report
from dashboard.store import Store


def _store(tmp_path, gaz, reports) -> Store:
    store = Store(tmp_path / "t.sqlite3")
    for name, published, outlet, text in reports:
        r = make_report(text, f"{name}.txt", published=published, name=name, outlet=outlet)
        store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    return store


def _cells(store, as_of, episode):
    return {
        (t.metric, t.side, t.latest.group): (t.latest.value, t.report.name)
        for t in queries.latest_tolls(store, as_of, episode)
    }


JULY = [
    (
        "tnd",
        date(2025, 7, 27),
        "Thai National News Desk",
        "As of 10.00 hrs on Sunday the number of Thais killed since Thursday stands at 20, comprising 14 civilians "
        "and six military personnel. A further 91 Thais have been injured.",
    ),
    (
        "mna",
        date(2025, 7, 29),
        "Meridian",
        "The five days of fighting, the worst between the neighbours in more than a decade, killed at least 36 "
        "people - 23 in Thailand, including 14 civilians, and 13 in Cambodia, including eight civilians - and "
        "displaced more than 300,000 people on both sides of the border.",
    ),
    (
        "shooting",
        date(2025, 11, 12),
        "Meridian",
        "One Cambodian civilian was killed and three others were wounded on Wednesday when Thai soldiers opened fire "
        "in a disputed border village, Cambodian officials said.",
    ),
]


def test_a_both_sides_total_and_its_breakdown_make_each_sides_cell_and_the_both_sides_cell(tmp_path, gaz):
    store = _store(tmp_path, gaz, JULY)
    cells = _cells(store, date(2025, 8, 10), "jul2025")
    assert cells[("killed", "TH", None)] == (23, "mna")  # not the 36 of both sides
    assert cells[("killed", "KH", None)] == (13, "mna")
    assert cells[("killed", "both", None)] == (36, "mna")
    assert _cells(store, date(2025, 7, 28), "jul2025")[("killed", "TH", None)] == (20, "tnd")


def test_one_shootings_wounded_are_no_sides_injured_toll(tmp_path, gaz):
    store = _store(tmp_path, gaz, JULY)
    cells = _cells(store, date(2025, 11, 15), "jul2025")
    assert cells[("injured", "TH", None)] == (91, "tnd")
    assert not any(metric == "injured" and side != "TH" for metric, side, _ in cells)


def test_a_count_over_a_list_of_a_sides_provinces_is_its_toll_and_one_provinces_is_not(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            (
                "list",
                date(2025, 12, 12),
                "A",
                "More than 101,000 families, or more than 390,000 people, have been evacuated to safe areas in Oddar "
                "Meanchey, Preah Vihear, Banteay Meanchey and Pursat provinces.",
            ),
            ("one", date(2025, 12, 13), "B", "About 20,000 people have been evacuated in Pailin province."),
        ],
    )
    pairs = queries.toll_figures(store, date(2025, 12, 15), "dec2025", "displaced", "KH", None)
    assert [(f.value, r.name) for f, r in pairs] == [(390000, "list")]
    assert _cells(store, date(2025, 12, 15), "dec2025")[("displaced", "KH", None)] == (390000, "list")


def test_a_reports_count_of_a_later_day_is_its_newest_and_its_peak_is_shown_beside(tmp_path, gaz):
    text = (
        "At the peak of the crisis on 28 July, 41,580 Cambodian families (approximately 157,500 people) were "
        "displaced. As of 31 July, 17,580 Cambodian families (about 66,500 people) remained in 112 displacement sites."
    )
    store = _store(tmp_path, gaz, [("flash", date(2025, 8, 1), "UN", text)])
    [toll] = [t for t in queries.latest_tolls(store, date(2025, 8, 10), "jul2025") if t.metric == "displaced"]
    assert (toll.side, toll.latest.value, toll.latest.scope) == ("KH", 66500, "remaining")
    assert toll.peak is not None and toll.peak[0].value == 157500


def test_a_newer_toll_beside_indirect_deaths_replaces_an_older_one(tmp_path, gaz):
    store = _store(
        tmp_path,
        gaz,
        [
            ("live", date(2025, 12, 9), "A", "The Royal Thai Army now says four soldiers have been killed."),
            (
                "wire",
                date(2025, 12, 23),
                "B",
                "The Thai government says 21 soldiers and one civilian have been killed in the December fighting, and "
                "a further 16 civilians have died of indirect causes such as health problems during evacuation.",
            ),
        ],
    )
    tolls = {(t.side, t.latest.group): t for t in queries.latest_tolls(store, date(2026, 2, 5), "dec2025")}
    assert tolls[("TH", "military")].latest.value == 21
    civilians = tolls[("TH", "civilian")]
    assert civilians.latest.value == 1 and civilians.indirect is not None and civilians.indirect.value == 16
