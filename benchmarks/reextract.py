"""Re-extraction rate with 1 and 2 worker processes over a store of 100,000 generated reports, on SQLite and,
with --pg, on a throwaway PostgreSQL server (tests/pg_support.py).

    .venv/bin/python -m benchmarks.reextract [--reports 100000] [--workers 1 2] [--batch 200] [--pg] [--db PATH]
                                             [--slice N]

The generated stream (dashboard/fixtures.py) is stored as if an older extractor had read it (its version, no
records); a first re-extraction on the most workers writes the records. Then, before each measured run,
every report is marked as read by an older extractor again (its version changed, its records left), so each
run re-extracts every report and replaces all its records, as after an extractor change. A run's rate counts
from the listing of stale reports to the last commit, worker start-up included; its CPU time is that of every
Python process (the command and its workers), not the database server's. With --pg, the SQLite store is
copied into PostgreSQL and re-extracted there the same way. With --slice N (for a busy machine), each run
re-extracts N reports of the store instead of all of them (see `measure`).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from benchmarks.store_scale import generated_reports
from dashboard import bulk
from dashboard.extract import EXTRACTOR_VERSION
from dashboard.records import Extraction
from dashboard.schema import RECORD_TABLES, extractions, reports
from dashboard.store import Store

OLDER = "0-benchmark-older"  # the version the reports are marked with before each run


def build(db: str, reports: int, seed: int = 42, chunk: int = 2000) -> float:
    """The generated stream's reports, up to `reports`, stored as if an older extractor had read them (its
    version, no records: the first re-extraction writes them); seconds taken."""
    store = Store(db)
    batch, start = [], time.perf_counter()
    for report in generated_reports(reports, seed, skip=store.count()):
        batch.append((report, Extraction(report)))
        if len(batch) == chunk:
            store.add_many(batch, OLDER)
            batch = []
    store.add_many(batch, OLDER)
    return time.perf_counter() - start


def cpu_seconds() -> float:
    """CPU time of this process and of its ended children (the pool's workers, once it is shut down)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def copy_store(source: str, target: str, records: bool = True, chunk: int = 5000) -> float:
    """The reports, versions and (with `records`) records of one store into another, empty one (PostgreSQL
    gets the SQLite store's 100,000 reports without extracting them again); seconds taken."""
    start = time.perf_counter()
    tables = [reports, extractions, *(RECORD_TABLES.values() if records else ())]
    with Store(source).engine.connect() as src, Store(target).engine.begin() as dst:
        for table in tables:
            cols = [c for c in table.c if not (table.name in RECORD_TABLES and c.name == "id")]
            result = src.execution_options(yield_per=chunk).execute(sa.select(*cols))
            for part in result.mappings().partitions():
                dst.execute(table.insert(), [dict(r) for r in part])
    return time.perf_counter() - start


def mark_stale(db: str, ids: list[str] | None = None, version: str = OLDER) -> None:
    """Mark reports (None: all) as read by the extractor `version`, their records left as they are."""
    with Store(db).engine.begin() as conn:
        if ids is None:
            conn.execute(extractions.update().values(extractor_version=version))
        for part in bulk.batches(ids or [], 5000):
            conn.execute(
                extractions.update().where(extractions.c.report_id.in_(part)).values(extractor_version=version)
            )


def report_ids(db: str) -> list[str]:
    with Store(db).engine.connect() as conn:
        return list(conn.execute(sa.select(reports.c.id).order_by(reports.c.id)).scalars())


def conditions(db: str) -> str:
    store = Store(db)
    with store.engine.connect() as conn:
        server = (
            conn.execute(sa.text("SHOW server_version")).scalar()
            if store.dialect == "postgresql"
            else sqlite3.sqlite_version
        )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{store.dialect} {server} · Python {platform.python_version()} · {os.cpu_count()} cores · load average {load}"
    )


def reextract(db: str, workers: int, batch: int, what: str) -> str:
    """Every report re-extracted on `workers` processes: the table's row."""
    before = conditions(db)
    cpu = cpu_seconds()
    outcome = bulk.reextract(db, workers=workers, batch=batch, progress=sys.stderr)
    cpu = cpu_seconds() - cpu
    row = (
        f"| {Store(db).dialect} | {what} {outcome.replaced:,} reports | {workers} "
        f"| {outcome.replaced / outcome.seconds:,.0f} | {outcome.seconds:,.0f} s "
        f"| {cpu / outcome.replaced * 1000:.2f} | {before} |"
    )
    print(row, flush=True)
    return row


def measure(db: str, workers: list[int], batch: int, first: bool, size: int) -> list[str]:
    """With `size` 0: (with `first`, the first extraction of a store built without records, on the most
    workers, then) a re-extraction of every report, replacing its records, on each number of workers. Else
    slices of `size` reports of the store (ids in order: any days), each run its own: the first extraction
    of a slice without records on each number of workers, then one slice re-extracted again (replacing its
    records) on each."""
    if not size:
        rows = [reextract(db, max(workers), batch, "first extraction of")] if first else []
        for n in workers:
            mark_stale(db)
            rows.append(reextract(db, n, batch, "re-extract"))
        return rows
    ids = report_ids(db)
    mark_stale(db, version=EXTRACTOR_VERSION)  # the store as current; only the slice marked older is re-read
    rows = []
    for k, n in enumerate(workers):
        mark_stale(db, ids[k * size : (k + 1) * size])
        rows.append(reextract(db, n, batch, f"first extraction, of {len(ids):,},"))
    for n in workers:
        mark_stale(db, ids[:size])
        rows.append(reextract(db, n, batch, f"re-extract (replacing), of {len(ids):,},"))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=100_000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch", type=int, default=bulk.BATCH)
    ap.add_argument("--db", help="a store to use (a SQLite path or postgresql:// URL); default: a new SQLite file")
    ap.add_argument("--pg", action="store_true", help="also on a throwaway PostgreSQL server (tests/pg_support.py)")
    ap.add_argument("--pg-only", action="store_true", help="with --pg and --db: only PostgreSQL, copied from --db")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument(
        "--slice", type=int, default=0, help="re-extract this many reports of the store per run (default: all)"
    )
    args = ap.parse_args()
    db = args.db or str(Path(tempfile.mkdtemp(prefix="bw-reextract-")) / "store.sqlite3")
    rows = []
    if not args.pg_only:
        first = Store(db).count() < args.reports
        if first:
            print(
                f"{args.reports:,} reports stored without records in {build(db, args.reports, args.seed):.0f} s",
                flush=True,
            )
        rows += measure(db, args.workers, args.batch, first, args.slice)
    if args.pg:
        from tests.pg_support import postgres_server

        with postgres_server() as url:
            print(
                f"copied the store into PostgreSQL in {copy_store(db, url, records=not args.slice):.0f} s", flush=True
            )
            rows += measure(url, args.workers, args.batch, False, args.slice)
    print("\n| store | run | workers | reports/s | time | CPU s per 1,000 (Python) | conditions before |")
    print("|---|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
