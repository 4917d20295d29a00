"""How long a new report takes to reach a page that is already open: ingest → on screen, in the browser.

    python -m benchmarks.live_latency STORE [--reports 5] [--refresh 4]

STORE is an existing store (e.g. the 100k one `benchmarks.store_scale --keep` leaves) whose reports were
extracted by this code's extractor version, else the app re-extracts them in the background while it is measured.
The app runs on it with Debian's Chromium showing the default view (the newest day); then, `--reports` times, one
report dated that day with a count no other report gives is stored, and the time until the page shows that count
is taken (performance.now() in the page, against the moment the store's transaction committed). This is the whole
path: the page's refresh check (every `refresh_s`), the shared status reading (≤ 1 s), the run that recomputes the
changed answers, the browser drawing them.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from playwright.sync_api import sync_playwright

from dashboard import queries
from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.read import make_report
from dashboard.store import Store
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, running_app, wait_for_app

SHOWN = "value => document.body.innerText.includes(value)"


def one_report(store: Store, n: int) -> str:  # n: the report's number in this run
    """Store a report with a toll nobody else gives, on the newest day; the count as the page writes it."""
    value = 1_000_000 + time.time_ns() // 1_000 % 1_000_000  # no report (nor an earlier run) gave it
    day = queries.newest_day(store)
    report = make_report(
        f"At least {value:,} people have been killed in the fighting so far, Thai officials said. ({time.time()})",
        f"live-{n}.txt",
        published=day,
        outlet="Latency Wire",
    )
    store.add(report, extract(report), EXTRACTOR_VERSION)
    return f"{value:,}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store")
    ap.add_argument("--reports", type=int, default=5)
    ap.add_argument("--refresh", default="4", help="the app's refresh_s")
    args = ap.parse_args()
    store = Store(args.store)
    stale = len(store.stale(EXTRACTOR_VERSION, limit=10))
    if stale:
        print(f"warning: reports of another extractor version in the store ({stale}+): the app re-extracts them")
    env = {"BORDER_WATCH_DB": args.store, "BORDER_WATCH_REFRESH_S": args.refresh, "BORDER_WATCH_AS_OF": ""}
    with running_app(env, timeout=120) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        start = time.perf_counter()
        page.goto(url, timeout=300_000)
        wait_for_app(page, timeout=300_000)
        page.get_by_text("reports known").first.wait_for(timeout=300_000)
        print(f"{store.count():,} reports; first page shown after {time.perf_counter() - start:.1f} s")
        latencies = []
        for n in range(args.reports):
            page.wait_for_timeout(2_000 + random.uniform(0, 1_000 * float(args.refresh)))  # any phase of the check
            shown = one_report(store, n)
            stored = time.perf_counter()
            page.wait_for_function(SHOWN, arg=shown, polling=100, timeout=120_000)
            latencies.append(time.perf_counter() - stored)
            print(f"report {n + 1}: on screen {latencies[-1]:.1f} s after it was stored", flush=True)
        browser.close()
    print(
        f"new report → on screen: median {statistics.median(latencies):.1f} s, "
        f"worst {max(latencies):.1f} s, best {min(latencies):.1f} s (refresh_s {args.refresh})"
    )


if __name__ == "__main__":
    main()
