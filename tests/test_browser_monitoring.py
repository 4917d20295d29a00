"""The monitoring views in a real browser over the generated months-long corpus: clicking a timeline event
shows what each side says of it, and the link keeps the event."""

import shutil
from datetime import date

import pytest

from dashboard import queries
from dashboard.monitoring import window_start
from dashboard.store import Store
from tests.browser_support import running_app, wait_for_app

pytestmark = pytest.mark.browser

# The point of one event in the timeline chart, from the chart's own data (plotly keeps customdata per point).
POINT_OF = """id => { for (const gd of document.querySelectorAll('.js-plotly-plot')) {
  for (let t = 0; t < gd.data.length; t++) { const cd = gd.data[t].customdata || [];
    for (let p = 0; p < cd.length; p++) { if (cd[p][0] === id) {
      const el = gd.querySelectorAll('.scatterlayer .trace')[t].querySelectorAll('path.point')[p];
      el.scrollIntoView({block: 'center'}); const b = el.getBoundingClientRect();
      return [b.x + b.width / 2, b.y + b.height / 2]; } } } } return null; }"""


@pytest.fixture(scope="module")
def app_url(generated, tmp_path_factory):
    db = tmp_path_factory.mktemp("timeline") / "store.sqlite3"
    shutil.copy(generated[1], db)
    with running_app({"BORDER_WATCH_DB": str(db)}) as url:
        yield url


def test_click_a_timeline_event_see_each_sides_quotes(page, generated, app_url):
    as_of = date(2026, 1, 10)
    events = queries.incident_events(Store(generated[1]), as_of, window_start("dec2025", as_of))
    event = next(e for e in events if e.day == date(2025, 12, 30))
    page.goto(f"{app_url}/?asof={as_of}")
    wait_for_app(page)
    page.wait_for_function(f"() => ({POINT_OF})({event.id!r}) !== null", timeout=60_000)
    page.wait_for_timeout(500)  # the chart settles after scrolling into view
    x, y = page.evaluate(POINT_OF, event.id)
    page.mouse.click(x, y)
    box = page.locator(".st-key-event_details")
    box.get_by_text("What Thailand says").wait_for(timeout=30_000)
    text = box.inner_text()
    assert "Ban Nong Chan" in text and "What Cambodia says" in text and "denied" in text
    assert "3 reports" in text
    page.wait_for_function(f"() => location.search.includes('event={event.id}')", timeout=10_000)
    assert page.requested_hosts == {"localhost"}
