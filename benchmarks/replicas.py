"""Replicas: server CPU per visit and visits per second with 1 and 2 app processes, bare and behind nginx.

    python -m benchmarks.replicas [--visitors 8] [--rounds 3] [--replicas 1 2] [--ways bare nginx]

The method of `benchmarks.browser` (concurrent visits): `--visitors` fresh browser contexts (new visitors, empty
caches) open the shared link `?province=Chanthaburi&asof=2025-12-23` at the same moment, `--rounds` times,
after one warm-up visit per replica (and one through nginx, which fills its cache). The app is `streamlit run
dashboard/server.py` (as `make run` starts it), `--replicas` processes on one PostgreSQL store of the seeds
(tests/pg_support.py: a server of our own, a new database per configuration), reached
- bare: visitor i goes straight to replica i mod N (as a client-side or DNS spread would);
- behind nginx: through deploy/nginx.conf with every replica in its upstream; each new visitor gets its
  replica from nginx (a random routing cookie, hashed onto the replicas).

Per configuration and round it prints: server CPU per visit (user + system of every replica, from /proc),
nginx's CPU per visit, each replica's share of the server CPU (how the visitors were spread), the seconds
until every page had drawn the map and shown the province's details, and the visits per second that makes.
On one machine the browser's pages take most of the CPU, so the visits per second seen are the browser's
limit as much as the server's; `capacity_per_core` (1 / server CPU per visit) is what one core of server
would hold, and a replica uses at most about one core (one Python process).
"""

from __future__ import annotations

import argparse
import os
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from playwright.sync_api import sync_playwright

from benchmarks.browser import FOREGROUND_FLAGS, server_cpu_s, visits
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, AppURL, behind_nginx, running_app
from tests.pg_support import fresh_database, postgres_cluster

LINK = "?province=Chanthaburi&asof=2025-12-23"


@contextmanager
def deployment(pg: str, replicas: int, proxy: bool) -> Iterator[tuple[AppURL, list[AppURL]]]:
    """`replicas` apps on a new database of the PostgreSQL server at `pg`, with nginx in front if `proxy`:
    (the URL visitors use, the apps' URLs). Without a proxy the first is the first app's, knowing every pid."""
    db = fresh_database(pg, f"bench_{uuid.uuid4().hex[:8]}")
    with ExitStack() as stack:
        apps = [stack.enter_context(running_app({"BORDER_WATCH_DB": db})) for _ in range(replicas)]
        if proxy:
            url = stack.enter_context(behind_nginx(*apps))
        else:
            url = AppURL(apps[0])
            url.pid, url.pids = apps[0].pid, [a.pid for a in apps]
        yield url, apps


def measure(browser, pg: str, replicas: int, proxy: bool, visitors: int, rounds: int) -> list[dict]:
    with deployment(pg, replicas, proxy) as (url, apps):
        visits(browser, url, replicas, LINK, spread=apps)  # warm: each replica builds its shared data once
        if proxy:
            visits(browser, url, 1, LINK)  # and nginx has the static files in its cache
        results = []
        for _ in range(rounds):
            before = [server_cpu_s(a.pid) for a in apps]
            r = visits(browser, url, visitors, LINK, spread=None if proxy else apps)
            used = [server_cpu_s(a.pid) - b for a, b in zip(apps, before, strict=True)]
            r["replica_cpu_shares"] = "/".join(f"{u / (sum(used) or 1):.2f}" for u in used)
            r["visits_per_s"] = r["loaded"] / r["all_loaded_s"]
            r["capacity_per_core"] = 1 / r["server_cpu_per_visit_s"]
            results.append(r)
        return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--visitors", type=int, default=8, help="concurrent visits of a shared link, per round")
    ap.add_argument("--rounds", type=int, default=3, help="rounds per configuration")
    ap.add_argument("--replicas", type=int, nargs="+", default=[1, 2], help="numbers of app processes")
    ap.add_argument("--ways", nargs="+", choices=("bare", "nginx"), default=["bare", "nginx"], help="how reached")
    args = ap.parse_args()
    keys = (
        "loaded",
        "server_cpu_per_visit_s",
        "proxy_cpu_per_visit_s",
        "replica_cpu_shares",
        "machine_cpu_busy_share",
        "all_loaded_s",
        "visits_per_s",
        "capacity_per_core",
    )
    print(f"{args.visitors} new visitors at once, {args.rounds} rounds; {os.cpu_count()} cores; load {os.getloadavg()}")
    with postgres_cluster() as cluster, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + FOREGROUND_FLAGS)
        for replicas in args.replicas:
            for proxy in [way == "nginx" for way in args.ways]:
                rounds = measure(browser, cluster.url, replicas, proxy, args.visitors, args.rounds)
                load = " ".join(f"{x:.1f}" for x in os.getloadavg())
                print(f"\n{replicas} replica(s), {'behind nginx' if proxy else 'bare'} (load average after: {load})")
                for key in keys:
                    if key in rounds[0]:
                        values = [r[key] for r in rounds]
                        shown = [v if isinstance(v, str) else f"{v:.2f}" for v in values]
                        print(f"{key:>24}: " + "  ".join(shown))
        browser.close()


if __name__ == "__main__":
    main()
