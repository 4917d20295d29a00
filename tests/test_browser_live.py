"""Live and untrusted: reports added while the app runs appear; report text never runs as code."""

import json
from datetime import date

import pytest

from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.fixtures import HOSTILE_URLS
from dashboard.ingest import ingest_paths
from dashboard.read import make_report
from dashboard.store import Store
from tests.browser_support import details, map_frame, running_app, wait_for_app
from tests.conftest import SEEDS

pytestmark = pytest.mark.browser

PAYLOAD = (
    'Shelling hit Surin province overnight. <img src=x onerror="window.__xss=1"> '
    "<script>window.__xss=2</script> [click me](javascript:window.__xss=3) "
    "At least 4 people were killed in Surin province, officials said."
)


@pytest.fixture(scope="module")
def live_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("live")
    db = folder / "store.sqlite3"
    (folder / "evil.txt").write_text(PAYLOAD)
    (folder / "evil.json").write_text(
        json.dumps(
            {
                "outlet": "<b onmouseover='window.__xss=4'>Evil Times</b>",
                "url": "javascript:window.__xss=5",
                "title": "<img src=y onerror=window.__xss=6>",
                "published": "2025-12-23",
            }
        )
    )
    for i, link in enumerate(HOSTILE_URLS[:2]):
        (folder / f"link{i}.txt").write_text(
            f"Shelling hit Buriram province on Monday, according to www.example.com ({i})."
        )
        meta = {"outlet": "Link Times", "url": link, "title": f"Hostile link {i}", "published": "2025-12-22"}
        (folder / f"link{i}.json").write_text(json.dumps(meta))
    store = Store(db)
    ingest_paths(store, [SEEDS, folder])
    store.close()
    with running_app({"BORDER_WATCH_DB": str(db), "BORDER_WATCH_REFRESH_S": "2"}) as url:
        yield url, db


def test_report_text_with_html_and_script_shows_escaped_and_runs_nothing(page, live_app):
    url, _ = live_app
    page.goto(f"{url}/?province=Surin")
    wait_for_app(page)
    frame = map_frame(page)
    panel = details(page)
    panel.get_by_text("Surin (TH-32)").wait_for(timeout=30_000)
    text = panel.inner_text()
    assert '<img src=x onerror="window.__xss=1">' in text and "<script>window.__xss=2</script>" in text
    assert "[click me](javascript:window.__xss=3)" in text
    assert "Evil Times</b>" in text
    page.get_by_text("At least 4 people").first.hover()
    for where in (page, frame):
        assert where.evaluate("() => window.__xss") is None
    assert page.locator("img[src='x'], img[src='y']").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0


def test_a_report_added_while_the_page_is_open_appears_cited_with_outlet_and_link(page, live_app, gaz):
    url, db = live_app
    page.goto(f"{url}/?province=Sisaket&asof=2025-12-23")
    wait_for_app(page)
    page.get_by_text("reports known").first.wait_for(timeout=30_000)
    before = page.get_by_text("reports stored").first.inner_text()
    store = Store(db)
    report = make_report(
        "Rockets hit a market in Sisaket province, killing 3 people, officials said.",
        "late.txt",
        published=date(2025, 12, 23),
        url="https://news.example/2025/12/23/rockets",
        outlet="Example News",
        title="Rockets hit a market",
    )
    store.add(report, extract(report, gaz), EXTRACTOR_VERSION)
    store.close()
    panel = details(page)
    panel.get_by_text("Example News").first.wait_for(timeout=30_000)
    link = panel.locator("a", has_text="Rockets hit a market").first
    assert link.get_attribute("href") == "https://news.example/2025/12/23/rockets"
    assert page.get_by_text("reports stored").first.inner_text() != before
    assert page.locator("[data-testid='stException']").count() == 0


def test_hostile_links_request_nothing_and_add_no_element(page, live_app):
    url, _ = live_app
    page.goto(f"{url}/?province=Buriram&asof=2025-12-23")
    wait_for_app(page)
    panel = details(page)
    panel.get_by_text("Buriram (TH-31)").wait_for(timeout=30_000)
    panel.get_by_text("Shelling hit Buriram").first.wait_for(timeout=30_000)  # the incidents, open
    assert page.requested_hosts == {"localhost"}
    assert page.locator("img[src*='tracker']").count() == 0
    assert page.locator("a", has_text="click-me").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    hrefs = [a.get_attribute("href") for a in panel.locator("a").all()]
    assert hrefs and all(h.startswith("https://example.org/") for h in hrefs), hrefs
    assert page.locator("a[href*='www.example.com'], a[href^='mailto:']").count() == 0
    text = panel.inner_text().replace("\u2060", "")
    assert "www.example.com" in text, text  # shown, as text
    assert page.locator("[data-testid='stException']").count() == 0
