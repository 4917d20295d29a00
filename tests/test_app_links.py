"""The app opened from links an attacker writes (AppTest): notices repeat a link's values as text, the as-of
date shown is the one the address names, a long link costs no more than a short one, and untrusted
metadata reaches tables and captions without invisible characters or spreadsheet formulas."""

from contextlib import closing
from datetime import date

import pytest

from dashboard.gazetteer import Gazetteer
from dashboard.ingest import store_report
from dashboard.records import Report
from dashboard.store import Store
from dashboard.ui.links import MAX_VALUES
from tests.apptest import run_app

NEWEST = date(2025, 12, 23)  # the seeds' newest report
PHISHING = "Sisaket”. **URGENT: Log in again at [border-watch-login.example](https://evil.example/login)**"
IMAGE = "x ![p](http://127.0.0.1:8559/p.png)"


pytestmark = pytest.mark.usefixtures("store_path")


def run(**query):
    return run_app(query)


def warnings(at) -> list[str]:
    return [w.value for w in at.warning]


def assert_no_markup(body: str) -> None:
    for markup in ("**URGENT", "](https", "![p]", "](http"):
        assert markup not in body, (markup, body)


@pytest.mark.parametrize(("key", "value"), [("province", PHISHING), ("episode", PHISHING), ("asof", IMAGE)])
def test_a_link_value_in_a_notice_is_shown_as_text_never_markdown(key, value):
    at = run(**{key: value})
    notices = [w for w in warnings(at) if "link" in w]
    assert len(notices) == 1, warnings(at)
    assert_no_markup(notices[0])
    assert "\\*\\*URGENT" in notices[0] or "\\!\\[p\\]" in notices[0]


@pytest.mark.parametrize(
    ("asof", "why"),
    [
        ("20250725", "is not a date written YYYY-MM-DD"),
        ("2015-06-01", "is before the conflict's reports"),
        ("2036-06-01", "is after the last date shown"),
        ("2025-02-30", "is not a date written YYYY-MM-DD"),
        (IMAGE, "is not a date written YYYY-MM-DD"),
    ],
)
def test_an_as_of_date_not_shown_is_said_with_the_date_shown_and_the_address_names_it(asof, why):
    at = run(asof=asof)
    notice = next(w for w in warnings(at) if "as-of date" in w)
    assert why in notice and "Showing 23 December 2025 instead" in notice
    assert at.date_input(key="asof").value == NEWEST
    assert at.query_params["asof"] == "2025-12-23"  # the address says the day shown


def test_a_good_as_of_date_is_shown_without_a_notice():
    at = run(asof="2025-12-20")
    assert at.date_input(key="asof").value == date(2025, 12, 20)
    assert not [w for w in warnings(at) if "as-of" in w]
    assert at.query_params["asof"] == "2025-12-20"


def test_a_link_without_a_date_gets_the_date_shown_in_its_address():
    at = run()
    assert at.date_input(key="asof").value == NEWEST and at.query_params["asof"] == "2025-12-23"
    assert not warnings(at)


def test_a_link_with_900_filter_values_is_read_up_to_its_limits(monkeypatch):
    calls = []
    resolve = Gazetteer.resolve
    monkeypatch.setattr(Gazetteer, "resolve", lambda self, *a, **k: calls.append(a) or resolve(self, *a, **k))
    # (Streamlit itself ignores a query of more than 1,000 parameters)
    at = run(tprovince=[f"nowhere{i}" for i in range(900)], tkind=[f"kind{i}" for i in range(50)])
    notices = [w for w in warnings(at) if "left out" in w]
    assert notices == [
        f"{900 + 50 - 2 * MAX_VALUES:,} values of this link left out: a link is read up to {MAX_VALUES} values per "
        "setting, of up to 100 characters each."
    ]
    looked_up = [a for a in calls if str(a[0]).startswith("nowhere")]
    assert len(looked_up) == 2 * MAX_VALUES  # the first values only: each once exactly, once fuzzily


def test_a_long_province_value_is_not_matched_at_all(monkeypatch):
    calls = []
    monkeypatch.setattr(Gazetteer, "resolve", lambda self, *a, **k: calls.append(a) or [])
    at = run(province="Surin" * 10_000)
    assert calls == []
    assert any("left out" in w for w in warnings(at)) and any("does not know" in w for w in warnings(at))


RTL_OUTLET = "\u202eevil.com"
FORMULA = '=HYPERLINK("http://attacker.example/","click")'


def test_a_store_holding_invisible_characters_and_formulas_shows_neither(store_path):
    report = Report(
        id="rtl00001",
        path="",
        text="Thai army spokesman said 3 soldiers were killed in clashes with Cambodian troops on 8 December 2025.",
        published=date(2025, 12, 9),
        outlet=RTL_OUTLET,  # written before reading stripped such characters
        title=FORMULA,
        name="\u200brtl",
        url="https://example.org/a",
    )
    with closing(Store(str(store_path))) as store:
        assert store_report(store, report).status == "ingested"
    at = run(asof="2025-12-10", episode="All episodes")
    tables = [d.value for d in at.dataframe]
    figures = next(t for t in tables if "title" in t.columns)
    assert figures["title"].tolist() == ["'" + FORMULA] and figures["outlet"].tolist() == ["evil.com"]
    for table in tables:
        for column in table.columns:
            cells = [c for c in table[column] if isinstance(c, str)]
            assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells), (column, cells)
            assert not any("\u202e" in c or "\u200b" in c for c in cells), (column, cells)
    shown = "\n".join(e.value for e in (*at.markdown, *at.caption))
    assert "\u202e" not in shown and "\u200b" not in shown and "evil\\.com" in shown
