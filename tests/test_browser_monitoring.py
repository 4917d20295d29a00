"""The monitoring views in a real browser over the generated months-long corpus: clicking a timeline event
shows what each side says of it, and the link keeps the event."""

import sqlite3
from contextlib import closing

import pytest

from tests.browser_support import MAP, map_frame, running_app, wait_for_app

pytestmark = pytest.mark.browser

# The point of the first event whose id begins so, in the timeline chart, from the chart's own data (plotly
# keeps customdata per point): [x, y, id].
POINT_OF = """prefix => { for (const gd of document.querySelectorAll('.js-plotly-plot')) {
  for (let t = 0; t < (gd.data || []).length; t++) { const cd = gd.data[t].customdata || [];
    for (let p = 0; p < cd.length; p++) { if (String(cd[p][0]).startsWith(prefix)) {
      const el = gd.querySelectorAll('.scatterlayer .trace')[t].querySelectorAll('path.point')[p];
      el.scrollIntoView({block: 'center'}); const b = el.getBoundingClientRect();
      return [b.x + b.width / 2, b.y + b.height / 2, cd[p][0]]; } } } } return null; }"""


@pytest.fixture(scope="module")
def app_url(generated, tmp_path_factory):
    db = tmp_path_factory.mktemp("timeline") / "store.sqlite3"
    with closing(sqlite3.connect(generated[1])) as source, closing(sqlite3.connect(db)) as copy:
        source.backup(copy)  # a file copy would miss what is still in the write-ahead log
    with running_app({"BORDER_WATCH_DB": str(db)}) as url:
        yield url


def test_click_a_timeline_event_see_each_sides_quotes(page, app_url):
    prefix = "i-20251230-artillery-"  # the mortar fire at Ban Nong Chan three reports tell (dashboard/fixtures.py)
    page.goto(f"{app_url}/?asof=2026-01-10")
    wait_for_app(page)
    page.wait_for_function(f"() => ({POINT_OF})({prefix!r}) !== null", timeout=60_000)
    page.wait_for_timeout(500)  # the chart settles after scrolling into view
    x, y, event_id = page.evaluate(POINT_OF, prefix)
    page.mouse.click(x, y)
    box = page.locator(".st-key-event_details")
    box.get_by_text("What Thailand says").wait_for(timeout=30_000)
    text = box.inner_text()
    assert "Ban Nong Chan" in text and "What Cambodia says" in text and "denied" in text
    assert "What Thailand says · 3 times" in text  # three reports, each telling it alike
    page.wait_for_function(f"() => location.search.includes('event={event_id}')", timeout=10_000)
    assert page.requested_hosts == {"localhost"}


INCIDENT_MARKERS = f"""() => {{ let n = 0; {MAP}.eachLayer(l => {{ const t = l.getTooltip && l.getTooltip();
  if (t && String(t.getContent()).includes('<i>event i-')) n++; }}); return n; }}"""


def test_the_map_shows_the_incidents_of_the_window(page, app_url):
    page.goto(f"{app_url}/?asof=2026-01-10")
    wait_for_app(page)
    december = map_frame(page).evaluate(INCIDENT_MARKERS)
    page.goto(f"{app_url}/?asof=2025-08-20")  # the July episode: other incidents, fewer of them
    wait_for_app(page)
    july = map_frame(page).evaluate(INCIDENT_MARKERS)
    assert december > july > 0


# What the ceasefire panel shows (only what is visible: innerText leaves hidden elements out).
SEEN = """() => { const box = document.querySelector('.st-key-ceasefire'); const t = box ? box.innerText : '';
  return {none: t.includes('No ceasefire in force'), violations: /alleged violation/.test(t),
          inForce: /Ceasefire in force/.test(t)}; }"""


def test_a_date_typed_and_entered_applies_and_the_panel_shows_only_the_new_dates_status(page, app_url):
    page.goto(f"{app_url}/?asof=2026-01-10")  # a ceasefire in force, and violations alleged
    wait_for_app(page)
    assert page.evaluate(SEEN)["violations"]
    page.get_by_role("spinbutton", name="year, As of").click()
    page.keyboard.type("20251215")  # the December fighting: no ceasefire in force (the segments advance)
    page.keyboard.press("Enter")  # the date applies on Enter
    page.wait_for_function(f"() => ({SEEN})().none", timeout=60_000)
    wait_for_app(page)
    page.wait_for_timeout(1000)
    assert page.evaluate(SEEN) == {"none": True, "violations": False, "inForce": False}
    assert "asof=2025-12-15" in page.url
