"""The app in the browser: load → interactive map, click → updated details, and bytes per rerun.

    python -m benchmarks.browser [--runs 5]

Starts the app on the seeds and drives Debian's Chromium with Playwright. Times are taken inside the
page (performance.now(), polled every animation frame), so Playwright's own round trips do not count:
- load_to_map_s: navigation start → the map's province polygons are drawn;
- click_to_details_s: Leaflet click on Chanthaburi → its details are in the page (includes
  streamlit-folium's fixed 250 ms debounce);
- rerun_payload_mb: websocket bytes the click's rerun sends to the browser.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    MAP_FRAME,
    click_province,
    details,
    running_app,
    wait_for_app,
)

MAP_DRAWN = f"""() => {{ const f = document.querySelector('{MAP_FRAME}');
  const w = f && f.contentWindow; if (!w || !w.map || !w.map._loaded) return false; let n = 0;
  w.map.eachLayer(l => {{ if (l.feature && l.feature.properties && l.feature.properties.code) n++; }});
  return n > 40 ? performance.now() : false; }}"""
WATCH = """name => { window.__bw = {t0: performance.now(), seen: null};
  new MutationObserver((_, obs) => { if (document.body.innerText.includes(name)) {
    window.__bw.seen = performance.now(); obs.disconnect(); } })
  .observe(document.body, {subtree: true, childList: true, characterData: true}); }"""


def one_run(browser, url: str) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    received: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda p: received.append(len(p))))
    page.goto(url)
    loaded_ms = page.wait_for_function(MAP_DRAWN, polling="raf", timeout=60_000).json_value()
    wait_for_app(page)
    page.wait_for_timeout(500)
    before = sum(received)
    page.evaluate(WATCH, "Chanthaburi (TH-22)")
    click_province(page, "TH-22")
    clicked_ms = page.wait_for_function(
        "() => window.__bw.seen && window.__bw.seen - window.__bw.t0", polling="raf", timeout=30_000
    ).json_value()
    wait_for_app(page)
    rerun_bytes = sum(received) - before
    page.close()
    return {
        "load_to_map_s": loaded_ms / 1000,
        "click_to_details_s": clicked_ms / 1000,
        "rerun_payload_mb": rerun_bytes / 1e6,
    }


def server_cpu_s(pid: int) -> float:
    """User + system CPU seconds the server process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def visits(browser, url: str, visitors: int, link: str, at_once: bool) -> dict[str, float]:
    """`visitors` pages open a shared link (all at once, or one after another); the server's CPU per visit
    and the time until every page showed the map and the province's details."""
    cpu0, t0 = server_cpu_s(url.pid), time.perf_counter()
    pages = []
    for _ in range(visitors):
        page = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
        page.goto(f"{url}/{link}", wait_until="commit")
        pages.append(page)
        if not at_once:
            _loaded(page)
    for page in pages:
        _loaded(page)
    wall = time.perf_counter() - t0
    cpu = server_cpu_s(url.pid) - cpu0
    for page in pages:
        page.context.close()
    return {"visitors": visitors, "server_cpu_per_visit_s": cpu / visitors, "all_loaded_s": wall}


def _loaded(page) -> None:
    page.bring_to_front()  # a headless page in the background never lays out the map's frame
    page.wait_for_function(MAP_DRAWN, polling=250, timeout=600_000)  # not per frame: background pages get none
    details(page).get_by_text("Chanthaburi (TH-22)").wait_for(timeout=600_000)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--visitors", type=int, default=8, help="concurrent visits of a shared link (0: skip)")
    args = ap.parse_args()
    if args.visitors:
        with running_app() as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            link = "?province=Chanthaburi&asof=2025-12-23"
            visits(browser, url, 1, link, at_once=False)  # warm: the shared per-revision data is built
            # (all at once: each headless page waits for the map while in the background, where it is never
            # drawn, so that variant measures the browser; the server's share is the same per visit)
            for at_once in (False,):
                print("all at once" if at_once else "one after another")
                for k, v in visits(browser, url, args.visitors, link, at_once).items():
                    print(f"{k:>24}: {v:.2f}" if isinstance(v, float) else f"{k:>24}: {v}")
            browser.close()
    with running_app() as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        cold = one_run(browser, url)
        runs = [one_run(browser, url) for _ in range(args.runs)]
        browser.close()
    print(f"{'measure':>22}  {'cold':>7}  {'median':>7}  {'worst':>7}  (warm runs: {args.runs})")
    for key in runs[0]:
        values = [r[key] for r in runs]
        print(f"{key:>22}  {cold[key]:7.2f}  {statistics.median(values):7.2f}  {max(values):7.2f}")


if __name__ == "__main__":
    main()
