"""The app in the browser: many visitors at once, load → interactive map, click → updated details.

    python -m benchmarks.browser [--visitors 8] [--rounds 3] [--idle 30] [--runs 5] [--profile FILE]

Starts the app on the seeds and drives Debian's Chromium with Playwright.

Visits: after one warm-up visit, `--visitors` fresh browser contexts open a shared link at the same moment,
`--rounds` times. The server's CPU is read from /proc (user + system of the server process, from the first
navigation until every page has drawn the map, shown the province's details and finished its runs), divided
by the visits. Each page records, with performance.now() from its own navigation start, when the map's
province polygons are drawn and when the details are shown; its websocket bytes are counted. Chromium is
started with FOREGROUND_FLAGS, without which only the page in front runs its timers at full speed. Then the pages
stay open `--idle` seconds: the server's CPU per open page per minute (the live-refresh check).

Runs: one page after another, times taken inside the page (performance.now(), polled every animation frame):
- load_to_map_s: navigation start → the map's province polygons are drawn;
- click_to_details_s: a mouse click inside Chanthaburi on the map → its details are in the page;
- rerun_payload_mb: websocket bytes the click's rerun sends to the browser.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    MAP,
    MAP_DRAWN_JS,
    AppURL,
    behind_nginx,
    click_province,
    running_app,
    wait_for_app,
)

MAP_DRAWN = f"() => {MAP_DRAWN_JS} ? performance.now() : false"
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


def servers_cpu_s(url) -> float:
    """User + system CPU seconds the app's server processes have used so far: every replica's (`url.pids`), or
    the one's."""
    return sum(server_cpu_s(pid) for pid in getattr(url, "pids", (url.pid,)))


def proxy_cpu_s(url) -> float:
    """CPU seconds nginx (master and workers) has used so far, when the visits go through it (else 0)."""
    pid = getattr(url, "proxy_pid", None)
    if pid is None:
        return 0.0
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return sum(server_cpu_s(int(p)) for p in (pid, *children))


def machine_busy_s() -> float:
    """CPU seconds all processes on the machine have used so far (the load the numbers were taken under)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    idle = int(fields[3]) + int(fields[4])
    return (sum(int(f) for f in fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


# Installed in every visit's page before it loads: records (performance.now(), from navigation start) when
# the map's province polygons are drawn and when the shared province's details are shown, on a timer that
# runs in a page that is not in front (see FOREGROUND_FLAGS).
VISIT_WATCH = (
    "(() => { if (window !== window.top) return; window.__bw = {map: null, details: null};"
    + f"const drawn = () => {MAP_DRAWN_JS};"
    + """
  const tick = () => { const b = window.__bw;
    if (b.map === null && drawn()) b.map = performance.now();
    if (b.details === null) { const d = document.querySelector('.st-key-province_details');
      if (d && d.innerText.includes('Chanthaburi (TH-22)')) b.details = performance.now(); }
    if (b.map === null || b.details === null) setTimeout(tick, 50); };
  setTimeout(tick, 50); })();"""
)
PAGE_STATE = f"""() => {{ const m = {MAP}; const app = document.querySelector('[data-testid=stApp]');
  return {{watch: window.__bw, leaflet: !!window.L, map: !!m, drawn: {MAP_DRAWN_JS},
    script: app && app.getAttribute('data-test-script-state'),
    connection: app && app.getAttribute('data-test-connection-state')}}; }}"""
# Without these, Chromium throttles the timers of (and never paints the component iframe in) a page that
# is not the one in front, so concurrent headless pages would wait for one another.
FOREGROUND_FLAGS = [
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]


def visits(
    browser, url, visitors: int, link: str, idle_s: float = 0, timeout_s: float = 300, spread: list | None = None
) -> dict[str, float]:
    """`visitors` fresh browser contexts open a shared link at the same moment (visitor i at `spread[i % n]`
    when given: replicas without a proxy, else at `url`). Returns the server's CPU per visit (from /proc, while
    the visits load; every replica's, see servers_cpu_s), the time each page took to draw the map and show the
    province's details, and the bytes each page received over the websocket."""
    pages, received = [], []
    for _ in range(visitors):
        page = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
        page.add_init_script(VISIT_WATCH)
        counter = [0]
        page.on(
            "websocket", lambda ws, c=counter: ws.on("framereceived", lambda p, c=c: c.__setitem__(0, c[0] + len(p)))
        )
        pages.append(page)
        received.append(counter)
    cpu0, busy0, t0 = servers_cpu_s(url), machine_busy_s(), time.perf_counter()
    proxy0 = proxy_cpu_s(url)
    for i, page in enumerate(pages):
        page.goto(f"{spread[i % len(spread)] if spread else url}/{link}", wait_until="commit")
    done: dict[int, dict] = {}
    while len(done) < visitors and time.perf_counter() - t0 < timeout_s:
        time.sleep(0.25)
        for i, page in enumerate(pages):
            if i not in done:
                state = page.evaluate("() => window.__bw")
                if state and state["map"] is not None and state["details"] is not None:
                    done[i] = state
    wall = time.perf_counter() - t0
    for i, page in enumerate(pages):  # settle: a visit's runs are part of it
        if i in done:
            wait_for_app(page)
        else:
            print(f"page {i} not loaded after {timeout_s:.0f} s:", page.evaluate(PAGE_STATE))
    cpu, busy = servers_cpu_s(url) - cpu0, machine_busy_s() - busy0
    proxy = proxy_cpu_s(url) - proxy0
    wall_settled = time.perf_counter() - t0
    idle = {}
    if idle_s:  # the pages stay open: what their live-refresh checks cost the server
        idle0 = servers_cpu_s(url)
        time.sleep(idle_s)
        idle["idle_cpu_per_page_per_min_s"] = (servers_cpu_s(url) - idle0) / visitors / (idle_s / 60)
    for page in pages:
        page.context.close()
    if not done:
        raise RuntimeError(f"no page drew the map within {timeout_s:.0f} s")
    maps = sorted(d["map"] / 1000 for d in done.values())
    shown = sorted(d["details"] / 1000 for d in done.values())
    return {
        "visitors": visitors,
        "loaded": len(done),
        "server_cpu_per_visit_s": cpu / visitors,
        **({"proxy_cpu_per_visit_s": proxy / visitors} if hasattr(url, "proxy_pid") else {}),
        "machine_cpu_busy_share": busy / (wall_settled * (os.cpu_count() or 1)),
        "map_drawn_median_s": statistics.median(maps),
        "map_drawn_worst_s": maps[-1],
        "details_shown_worst_s": shown[-1],
        "all_loaded_s": wall,
        "ws_received_per_visit_mb": sum(c[0] for c in received) / visitors / 1e6,
        **idle,
    }


def profile(pid: int, out: str) -> subprocess.Popen:
    """Sample the server's Python stacks while it holds the GIL (py-spy, in the venv: pip install py-spy)."""
    spy = Path(sys.executable).with_name("py-spy")
    cmd = [str(spy), "record", "--gil", "--nonblocking", "-r", "200", "-f", "raw", "-o", out, "-p", str(pid)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    return proc


@contextmanager
def served(proxy: bool) -> Iterator[AppURL]:
    """The app on the seeds; with `proxy`, behind nginx as deployed."""
    with running_app() as url:
        if proxy:
            with behind_nginx(url) as proxied:
                yield proxied
        else:
            yield url


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="click runs, one page after another (0: skip)")
    ap.add_argument("--visitors", type=int, default=8, help="concurrent visits of a shared link (0: skip)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of concurrent visits")
    ap.add_argument("--idle", type=float, default=30, help="seconds to watch open pages idle (0: skip)")
    ap.add_argument("--profile", metavar="FILE", help="py-spy the server (--gil) during the concurrent rounds")
    ap.add_argument("--proxy", action="store_true", help="visit through nginx with deploy/nginx.conf (as deployed)")
    args = ap.parse_args()
    link = "?province=Chanthaburi&asof=2025-12-23"
    if args.visitors:
        with served(args.proxy) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + FOREGROUND_FLAGS)
            visits(browser, url, 1, link)  # warm: the shared per-revision data is built
            print(f"{args.visitors} visits at once, fresh contexts, after one warm-up visit")
            spy = profile(url.pid, args.profile) if args.profile else None
            rounds = [visits(browser, url, args.visitors, link, args.idle) for _ in range(args.rounds)]
            if spy:
                spy.send_signal(signal.SIGINT)
                spy.wait(timeout=60)
            for key in rounds[0]:
                print(f"{key:>28}: " + "  ".join(f"{r[key]:.2f}" for r in rounds))
            browser.close()
    if not args.runs:
        return
    with served(args.proxy) as url, sync_playwright() as p:
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
