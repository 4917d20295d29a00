"""The screenshots in docs/: the first screen at 1366×768, a busy province, the ceasefire panel, a timeline
event with both sides' versions and the toll tracker, on the generated corpus.

.venv/bin/python -m benchmarks.screenshots [--out docs]
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import date
from pathlib import Path

from playwright.sync_api import sync_playwright

from dashboard import queries
from dashboard.fixtures import write_corpus
from dashboard.ingest import ingest_paths
from dashboard.queries.timeline import window_start
from dashboard.store import Store
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, details, map_frame, running_app, wait_for_app

SHOTS = (  # (file, query, viewport, full page)
    ("first-screen-1366x768.png", "asof=2025-12-20", (1366, 768), False),
    ("busy-province.png", "asof=2025-12-26&province=Surin", (1366, 1100), False),
    ("seeds-1366x768.png", None, (1366, 768), False),
    ("ceasefire-2026-01-10.png", "asof=2026-01-10", (1366, 1000), False),
    ("timeline-event.png", "asof=2026-01-10&event={event}", (1366, 1000), False),
    (
        "toll-tracker.png",
        "asof=2025-12-20&tmetric=displaced&tside=Cambodia&tgroup=total+%28group+not+stated%29",
        (1366, 1000),
        False,
    ),
)
SCROLL_TO = {  # the part of the page a shot shows, scrolled to the top of the window
    "timeline-event.png": "Timeline: incidents, meetings, agreements",
    "toll-tracker.png": "Toll tracker",
}


def shown_event(db: Path) -> str:
    """The mortar fire at Ban Nong Chan on 30 December that three reports tell (dashboard/fixtures.py)."""
    as_of = date(2026, 1, 10)
    events = queries.incident_events(Store(db), as_of, window_start("dec2025", as_of))
    return next(e.id for e in events if e.day == date(2025, 12, 30) and "Ban Nong Chan" in e.places)


def generated_store(folder: Path) -> Path:
    db = folder / "store.sqlite3"
    store = Store(db)
    ingest_paths(store, write_corpus(folder / "reports"))
    store.close()
    return db


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=Path("docs"))
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp())
    db = generated_store(folder)
    event = shown_event(db)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, query, (width, height), full in SHOTS:
            env = {"BORDER_WATCH_DB": str(db)} if query else {}
            with running_app(env) as url:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(f"{url}/?{query.format(event=event)}" if query else url)
                wait_for_app(page)
                map_frame(page)
                if "province" in (query or ""):
                    details(page).get_by_text("Incidents").first.wait_for(timeout=30_000)
                if name.startswith("ceasefire"):
                    page.get_by_text("Provisions, alleged violations").first.click()
                    page.get_by_text("not recorded done").first.wait_for(timeout=30_000)
                if name in SCROLL_TO:
                    heading = page.get_by_text(SCROLL_TO[name]).first
                    heading.wait_for(timeout=30_000)
                    heading.evaluate("el => el.scrollIntoView({block: 'start'})")
                page.wait_for_timeout(1500)
                page.screenshot(path=str(args.out / name), full_page=full)
                print(f"wrote {args.out / name}")
                page.close()
        browser.close()


if __name__ == "__main__":
    main()
