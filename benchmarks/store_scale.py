"""Stores of 1k, 10k and 100k generated reports: ingest rate, the app's first render (cold and warm), the
server's memory, and how long a new report takes to reach the page; the seeds-only render beside them.

    .venv/bin/python -m benchmarks.store_scale [--sizes 1000 10000 100000] [--db postgresql://…]

Each size extends the store of the previous one (the same generated stream, more of it). Renders run in a
fresh process with Streamlit's AppTest, so "cold" includes imports and the first queries, "warm" is a second
visit with the server's caches filled, "new report" is a visit right after one more report was stored.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from dashboard import queries
from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.fixtures import generate
from dashboard.gazetteer import gazetteer
from dashboard.queries.timeline import window_start
from dashboard.read import make_report, parse_sidecar
from dashboard.records import Report
from dashboard.store import Store

ROOT = Path(__file__).resolve().parent.parent
RENDER = """
import json, resource, sys, time
from datetime import date
from streamlit.testing.v1 import AppTest
from dashboard import queries
from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.read import make_report
from dashboard.store import Store

def visit(**query):
    at = AppTest.from_file("dashboard/app.py", default_timeout=600)
    for k, v in query.items():
        at.query_params[k] = v
    start = time.perf_counter()
    at.run()
    assert not at.exception, at.exception
    return time.perf_counter() - start, at

cold, _ = visit(province="Surin")
warm, _ = visit(province="Surin")
visit(province="Surin", asof="2026-01-10")  # a shared link to an earlier day, warm
store = Store(sys.argv[1])
r = make_report("Rockets hit Kantharalak district of Si Sa Ket province on Monday, killing 2 people. (Late %s.)"
                % time.time(), "late.txt", published=date(2026, 2, 15))
store.add(r, extract(r), EXTRACTOR_VERSION)
earlier, _ = visit(province="Surin", asof="2026-01-10")  # the new report counts from a later day
fresh, at = visit(province="Surin")
shown = any("Late" in m.value for m in at.markdown) or any("reports known" in c.value for c in at.caption)
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"cold": cold, "warm": warm, "new_report": fresh, "earlier_view": earlier, "rss_mb": rss_mb}))
"""


def generated_reports(reports: int, seed: int = 42, skip: int = 0) -> Iterator[Report]:
    """The generated stream's reports (dashboard.fixtures), up to `reports`, the first `skip` left out."""
    for i, (name, text, meta) in enumerate(generate(reports, seed)):
        if i < skip:
            continue
        sidecar = parse_sidecar(json.dumps(meta)) if meta else {}
        sidecar.pop("id", None)
        yield make_report(text, f"{name}.txt", name=name, **sidecar)


def grow(store: Store, reports: int, seed: int = 42) -> float:
    """Ingest the generated stream up to `reports` reports; reports per second for the new ones."""
    gaz = gazetteer()
    start, added, batch = time.perf_counter(), 0, []
    for report in generated_reports(reports, seed, skip=store.count()):
        batch.append((report, extract(report, gaz)))
        if len(batch) == 200:
            added += len(store.add_many(batch, EXTRACTOR_VERSION))
            batch = []
    added += len(store.add_many(batch, EXTRACTOR_VERSION))
    return added / (time.perf_counter() - start) if added else 0.0


AS_OF = date(2026, 1, 25)
QUERIES = {  # the slow candidates, as the page asks them on 25 January 2026 (uncached)
    "latest tolls": lambda s: queries.latest_tolls(s, AS_OF, "dec2025"),
    "meetings": lambda s: queries.meetings(s, AS_OF),
    "map places": lambda s: queries.map_places(s, AS_OF),
    "figure ranges": lambda s: queries.figure_ranges(
        s, AS_OF, "dec2025", ["killed", "injured", "displaced"], ["Thailand", "Cambodia", "Side not stated"]
    ),
    "violations (events since the ceasefire)": lambda s: queries.incident_events(s, AS_OF, date(2025, 12, 27)),
    "timeline (events of the episode)": lambda s: queries.incident_events(s, AS_OF, window_start("dec2025", AS_OF)),
    "toll tracker (one metric)": lambda s: queries.toll_figures(s, AS_OF, "dec2025", "killed", "KH", None),
    "displacement rows": lambda s: queries.displacement_rows(s, AS_OF, "dec2025"),
    "statement counts": lambda s: queries.statement_counts(s, AS_OF, date(2025, 12, 27)),
}


def query_times(store: Store) -> dict[str, float]:
    """Seconds each query takes, uncached (the app computes each once per store revision)."""
    out = {}
    for name, ask in QUERIES.items():
        start = time.perf_counter()
        ask(store)
        out[name] = time.perf_counter() - start
    return out


def render(db: str) -> dict:
    env = {**os.environ, "BORDER_WATCH_DB": db, "BORDER_WATCH_AS_OF": ""}
    out = subprocess.run([sys.executable, "-c", RENDER, db], cwd=ROOT, env=env, capture_output=True, text=True)
    if out.returncode:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--db", help="a postgresql:// URL (an empty database); default: a SQLite file")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bw-scale-"))
    seeds = render(str(folder / "seeds.sqlite3"))
    print(f"seeds only: cold {seeds['cold']:.2f} s, warm {seeds['warm']:.2f} s, rss {seeds['rss_mb']:.0f} MB")
    db = args.db or str(folder / "scale.sqlite3")
    store = Store(db)
    rows = []
    for size in args.sizes:
        rate = grow(store, size)
        r = render(db)
        rows.append((size, rate, r))
        times = query_times(store)
        print("  queries (ms): " + " · ".join(f"{k} {v * 1000:,.0f}" for k, v in times.items()), flush=True)
        print(
            f"{size:>7,} reports: ingest {rate:,.0f}/s · first render cold {r['cold']:.2f} s, warm {r['warm']:.2f} s "
            f"({r['warm'] / seeds['warm']:.1f}× seeds) · new report on the page after {r['new_report']:.2f} s "
            f"(a view of an earlier day: {r['earlier_view']:.2f} s) · "
            f"rss {r['rss_mb']:.0f} MB",
            flush=True,
        )
    print(f"\nthe store is kept at {db} (benchmarks.live_latency measures a new report on an open page there)")
    print(
        "\n| reports | ingest (reports/s) | first render cold | warm | warm ÷ seeds | new report visit "
        "| new report, earlier view | RSS |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| seeds (5) | – | {seeds['cold']:.2f} s | {seeds['warm']:.2f} s | 1.0× | – | – | {seeds['rss_mb']:.0f} MB |"
    )
    for size, rate, r in rows:
        print(
            f"| {size:,} | {rate:,.0f} | {r['cold']:.2f} s | {r['warm']:.2f} s | {r['warm'] / seeds['warm']:.1f}× | "
            f"{r['new_report']:.2f} s | {r['earlier_view']:.2f} s | {r['rss_mb']:.0f} MB |"
        )


if __name__ == "__main__":
    main()
