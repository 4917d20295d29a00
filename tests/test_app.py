"""The app's logic with Streamlit's AppTest: selection from the URL, the as-of date, meetings split."""

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import APP, run_app

pytestmark = pytest.mark.usefixtures("store_path")


def run(**query):
    return run_app(query)


def markdown(at):
    return "\n".join(m.value for m in at.markdown)


def test_the_app_runs_on_the_seeds_and_shows_the_map():
    at = run()
    assert at.title[0].value == "Border Watch"
    assert [c for c in at.get("bidi_component") if c.proto.component_name == "border_watch.map"]
    assert "reports disagree" in " ".join(c.value for c in at.caption)


def test_a_province_in_the_url_is_selected_and_detailed():
    at = run(province="Chanthaburi")
    assert at.selectbox(key="province").value == "TH-22"
    assert "Chanthaburi (TH-22)" in [s.value for s in at.subheader]


def test_an_unknown_province_in_the_url_is_ignored():
    at = run(province="Atlantis")
    assert at.selectbox(key="province").value is None


def test_the_as_of_date_defaults_to_the_newest_report():
    assert run().date_input(key="asof").value == date(2025, 12, 23)


@pytest.mark.parametrize(("asof", "upcoming"), [("2025-12-23", True), ("2025-12-26", False)])
def test_the_as_of_date_splits_meetings(asof, upcoming):
    at = run(asof=asof)
    text = markdown(at)
    upcoming_part = text.split("**Upcoming**")[1].split("**Past**")[0]
    assert ("Wed 24 Dec 2025" in upcoming_part) == upcoming


def test_filters_come_from_the_url():
    at = run(metric="killed")
    assert at.multiselect(key="metric").value == ["killed"]


def subheaders(at):
    return [s.value for s in at.subheader]


def test_without_an_admin_token_the_app_is_read_only():
    at = run()
    assert "Add report" not in subheaders(at)
    assert [t for t in at.text_input if t.key == "admin_token"] == []


def test_a_wrong_token_shows_no_ingestion(monkeypatch):
    monkeypatch.setenv("BORDER_WATCH_ADMIN_TOKEN", "k7Qe2Xv9Lp4Rz8Tw")
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["admin_token"] = "guess"
    at.run()
    assert at.text_input(key="admin_token") is not None and "Add report" not in subheaders(at)


def test_the_admin_token_from_secrets_opens_the_add_report_panel():
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["admin_token"] = "k7Qe2Xv9Lp4Rz8Tw"
    at.session_state["admin_token"] = "k7Qe2Xv9Lp4Rz8Tw"
    at.run()
    assert not at.exception and "Add report" in subheaders(at)
    assert len(at.tabs) >= 3


def test_pasted_text_is_ingested_by_the_admin(store_path):
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["admin_token"] = "k7Qe2Xv9Lp4Rz8Tw"
    at.session_state["admin_token"] = "k7Qe2Xv9Lp4Rz8Tw"
    at.run()
    at.text_area[0].input("Rockets hit a market in Sisaket province, killing 3 people, officials said.")
    at.button[0].click()
    at.run()
    assert not at.exception
    assert any("ingested" in s.value for s in at.success)
    from dashboard.store import Store

    assert Store(store_path).count() == 6


@pytest.mark.parametrize(
    "texts",
    [
        {},
        {
            "undated.txt": "At least 12 people were killed in Surin province, officials said. Talks will be held in "
            "Trat on Wednesday."
        },
    ],
    ids=["no reports", "a report without a date"],
)
def test_the_app_runs_on_an_empty_or_undated_corpus(tmp_path, monkeypatch, texts):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text)
    monkeypatch.setenv("BORDER_WATCH_REPORTS", str(folder))
    at = run(province="Surin")
    assert "Surin (TH-32)" in subheaders(at)


def test_a_later_report_leaves_the_answers_of_an_earlier_view_as_they_were(store_path, monkeypatch):
    from dashboard.extract import EXTRACTOR_VERSION, extract
    from dashboard.queries import headline
    from dashboard.read import make_report
    from dashboard.store import Store

    run(asof="2025-12-23")
    asked = []
    real = headline.latest_tolls
    monkeypatch.setattr(
        headline, "latest_tolls", lambda store, as_of, ep: asked.append(as_of) or real(store, as_of, ep)
    )
    later = make_report(
        "Officials said at least 97 people had been killed in the fighting so far.",
        "late.txt",
        published=date(2026, 1, 5),
    )
    Store(store_path).add(later, extract(later), EXTRACTOR_VERSION)
    run(asof="2025-12-23")
    assert asked == []  # the view of the 23rd did not change: its answers are the ones it had
    at = run(asof="2026-01-05")
    assert asked == [date(2026, 1, 5)] and "97" in markdown(at)


def test_each_headline_figure_carries_its_quote_and_source():
    at = run()
    tolls = next(m for m in at.markdown if m.value.startswith("**Tolls**"))
    table = next(m for m in at.markdown if m.value.startswith("| |"))
    assert "Thai officials cite 38 civilian deaths" in tolls.proto.help
    assert tolls.proto.help.count("“") == table.value.count("**") // 2 - 3  # one quote per figure shown
