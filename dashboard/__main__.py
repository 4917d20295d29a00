"""Command line:

python -m dashboard extract [--format json|csv] PATH...     print what the reports state
python -m dashboard ingest [--db DB] [--url URL]... [PATH...] add reports to the store
python -m dashboard ingest --workers N [--batch K] PATH...    the same on N worker processes, K files a task
python -m dashboard reextract [--db DB] [--workers N] [--batch K] [--dask-scheduler ADDRESS]
                                                             re-extract what an older extractor read
python -m dashboard watch [--db DB] [--once] DIR             ingest files dropped into a folder
python -m dashboard export --asof DATE --format csv|geojson [--db DB] [--episode E] [--out PATH]
                                                             a view's data, as the page shows it

Exit status: 0 done; 1 nothing could be read (every item rejected, or a missing path); 2 usage error, or
the store cannot be used (damaged, or a write failed, e.g. a full disk): the message says which. `watch`
(without --once) waits out a store that may come back (a server down, a dropped connection, a full disk),
trying again after pauses that double up to --retry-max, each logged on stderr with its reason.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from collections import Counter
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path


def _run_in_project_venv(missing: ImportError) -> None:
    """Started by a Python without the dependencies (e.g. `python -m dashboard` from the project root):
    run the same command with the project's .venv (made by `make setup`), or say how to make it."""
    venv = Path(__file__).resolve().parent.parent / ".venv"
    python = venv / "bin" / "python"
    if python.exists() and Path(sys.prefix).resolve() != venv.resolve():
        os.execv(python, [str(python), "-m", "dashboard", *sys.argv[1:]])
    sys.exit(f"error: {missing}. Install the project first: `make setup` (or pip install -e .)")


try:
    import sqlalchemy

    from dashboard import bulk, settings
    from dashboard.export import document, to_csv, to_json
    from dashboard.extract import collector_paused, extract_all
    from dashboard.ingest import FILES_PER_TASK, RETRY_MAX_S, SETTLE_S, SIDECAR_WAIT_S
    from dashboard.read import read_reports
    from dashboard.store_open import StoreError
except ImportError as exc:  # pragma: no cover - depends on the interpreter that started us
    _run_in_project_venv(exc)


def cmd_extract(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not p.exists()]
    for p in missing:
        print(f"error: {p}: no such file or folder", file=sys.stderr)
    reports, rejected = read_reports([p for p in args.paths if p.exists()])
    for r in rejected:
        print(f"rejected: {r.path}: {r.reason}", file=sys.stderr)
    with collector_paused():  # the records hold no cycles: see collector_paused
        doc = document(extract_all(reports), rejected)
        sys.stdout.write(to_json(doc) + "\n" if args.format == "json" else to_csv(doc))
    return 1 if missing or (not reports and rejected) else 0


def _counts(counts: Counter[str]) -> str:
    return ", ".join(f"{counts[s]} {s}" for s in ("ingested", "duplicate", "rejected"))


def cmd_ingest(args: argparse.Namespace) -> int:
    """Each outcome printed as soon as it is known; an error of the store stops the batch (exit 2)."""
    from dashboard.ingest import ingest_url, iter_ingest_bulk
    from dashboard.store import Store

    store = Store(args.db)
    counts: Counter[str] = Counter()
    try:
        urls = (o for url in args.url for o in ingest_url(store, url))
        files = iter_ingest_bulk(store, args.paths, args.workers, args.batch)
        for outcome in itertools.chain(files, urls):
            print(outcome, flush=True)
            counts[outcome.status] += 1
        print(_counts(counts), f"· {store.count()} reports in {args.db}")
    except sqlalchemy.exc.DBAPIError as exc:
        print(
            f"error: the store at {args.db} failed: {exc.orig} ({type(exc.orig).__name__});"
            f" stopped after {_counts(counts)}",
            file=sys.stderr,
        )
        return 2
    except (bulk.BatchFailed, BrokenProcessPool) as exc:
        print(f"error: {exc}; stopped after {_counts(counts)}", file=sys.stderr)
        return 2
    finally:
        store.close()
    total = counts.total()
    return 1 if total and counts["rejected"] == total else 0


def cmd_reextract(args: argparse.Namespace) -> int:
    """Progress on stderr as batches are committed, the outcome on stdout; a store error stops the run (exit
    2), and running it again finishes it."""
    try:
        print(bulk.reextract(args.db, args.workers, args.batch, args.dask_scheduler))
    except bulk.BatchFailed as exc:
        print(f"error: {exc}; run it again to finish", file=sys.stderr)
        return 2
    except BrokenProcessPool as exc:
        print(f"error: a worker process died ({exc}); run it again to finish", file=sys.stderr)
        return 2
    except sqlalchemy.exc.DBAPIError as exc:
        print(f"error: the store at {args.db} failed: {exc.orig} ({type(exc.orig).__name__})", file=sys.stderr)
        return 2
    except bulk.ClusterUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def _workers(value: str) -> int:
    try:
        return bulk.parse_workers(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _batch(value: str) -> int:
    try:
        size = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--batch must be a whole number, not {value!r}") from None
    if size < 1:
        raise argparse.ArgumentTypeError(f"--batch must be at least 1, not {size}")
    return size


def _add_workers(parser: argparse.ArgumentParser, batch: int, what: str) -> None:
    parser.add_argument(
        "--workers",
        type=_workers,
        default=bulk.default_workers(),
        metavar="N",
        help="worker processes (default: the cores this process may use, %(default)s)",
    )
    parser.add_argument("--batch", type=_batch, default=batch, metavar="K", help=f"{what} (default: %(default)s)")


def _open_waiting(location: str, retry_max_s: float | None):
    """The store; while it is out of reach (a server down or restarting), tried again after a pause that
    doubles up to `retry_max_s` (None: not at all). A damaged store is raised at once."""
    from dashboard.ingest import RETRY_FIRST_S
    from dashboard.store import Store

    pause = RETRY_FIRST_S
    while True:
        try:
            return Store(location)
        except StoreError as exc:
            if retry_max_s is None or not isinstance(exc.__cause__, sqlalchemy.exc.OperationalError):
                raise
            print(f"{exc}; trying again in {pause:g} s", file=sys.stderr, flush=True)
            time.sleep(pause)
            pause = min(retry_max_s, pause * 2)


def cmd_watch(args: argparse.Namespace) -> int:
    from dashboard.ingest import watch

    store = _open_waiting(args.db, None if args.once else args.retry_max)
    print(f"watching {args.inbox} (every {args.interval}s) into {args.db}; Ctrl-C stops", file=sys.stderr)
    try:
        for outcome in watch(
            store,
            args.inbox,
            args.interval,
            once=args.once,
            settle_s=args.settle,
            sidecar_wait_s=args.sidecar_wait,
            retry_max_s=args.retry_max,
        ):
            print(outcome, flush=True)
    except KeyboardInterrupt:
        pass
    except sqlalchemy.exc.DBAPIError as exc:
        print(f"error: the store at {args.db} failed: {exc.orig} ({type(exc.orig).__name__}); stopped", file=sys.stderr)
        return 2
    finally:
        store.close()
    return 0


def _day(text: str):
    """An as-of date for argparse: YYYY-MM-DD, else a clear error."""
    from datetime import date

    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (write it YYYY-MM-DD, e.g. 2026-01-10)") from None


def cmd_export(args: argparse.Namespace) -> int:
    """The data of one view (dashboard/queries/export.py) from a store: GeoJSON, or CSV tables."""
    from dashboard.episodes import EPISODES
    from dashboard.gazetteer import gazetteer
    from dashboard.queries import Queries
    from dashboard.queries import export as qx
    from dashboard.store import Store
    from dashboard.store_open import is_server_url
    from dashboard.summary import current_episode

    if args.format == "csv" and not args.table and args.out is None:
        print(
            "error: CSV has one file per table: give --out DIR for all of them, or --table NAME for one",
            file=sys.stderr,
        )
        return 2
    if not is_server_url(args.db) and not Path(args.db).is_file():
        print(f"error: no store at {args.db}", file=sys.stderr)
        return 2
    gaz = gazetteer()
    unknown = [p for p in args.province if p not in gaz.provinces]
    if unknown:
        print(f"error: unknown province code(s): {', '.join(unknown)} (ISO 3166-2, e.g. TH-33, KH-2)", file=sys.stderr)
        return 2
    episode = {"current": current_episode(args.asof), "all": None}.get(args.episode, args.episode)
    if args.episode not in ("current", "all") and args.episode not in {ep.id for ep in EPISODES}:
        print(f"error: unknown episode {args.episode!r}", file=sys.stderr)
        return 2
    view = qx.View(
        args.asof,
        episode,
        qx.Filters(tuple(args.kind), tuple(args.accused), tuple(args.province)),
        tuple(args.metric or qx.METRICS),
        tuple(args.side or qx.SIDES.values()),
    )
    store = Store(args.db)
    try:
        q = Queries(store)
        rows = qx.tables(q, gaz, qx.view_data(q, view))
    finally:
        store.close()
    if args.format == "geojson":
        files = {f"{qx.file_stem(view)}.geojson": qx.geojson_text(qx.geojson(rows, view))}
    else:
        every = qx.csv_tables(rows)
        files = {f"{args.table}.csv": every[f"{args.table}.csv"]} if args.table else every
    if args.out is None:
        sys.stdout.write(next(iter(files.values())))
        return 0
    if len(files) > 1:  # every CSV table: into a folder
        args.out.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (args.out / name).write_text(text, encoding="utf-8", newline="")
        print(f"{len(files)} tables written to {args.out}", file=sys.stderr)
    else:
        args.out.write_text(next(iter(files.values())), encoding="utf-8", newline="")
        print(f"written to {args.out}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m dashboard", description="Border Watch")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="print the places, figures, meetings and incidents of reports")
    ex.add_argument("--format", choices=("json", "csv"), default="json")
    ex.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="report files or folders")
    ex.set_defaults(func=cmd_extract)
    ing = sub.add_parser("ingest", help="add report files, HTML pages, feeds or URLs to the store")
    ing.add_argument("--db", default=settings.get("db"), help="the SQLite store (default: %(default)s)")
    ing.add_argument("--url", action="append", default=[], help="a page or feed on the web (repeatable)")
    _add_workers(ing, FILES_PER_TASK, "files a worker reads and stores in one task")
    ing.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders")
    ing.set_defaults(func=cmd_ingest)
    rex = sub.add_parser("reextract", help="re-extract the stored reports an older extractor version read")
    rex.add_argument("--db", default=settings.get("db"), help="the store (default: %(default)s)")
    _add_workers(rex, bulk.BATCH, "reports re-extracted and stored in one transaction")
    rex.add_argument(
        "--dask-scheduler",
        metavar="ADDRESS",
        help="run the batches on a Dask cluster (tcp://host:8786) instead of local processes; needs "
        "pip install 'border-watch[cluster]' and a PostgreSQL store every worker reaches",
    )
    rex.set_defaults(func=cmd_reextract)
    wa = sub.add_parser("watch", help="ingest files dropped into an inbox folder")
    wa.add_argument("--db", default=settings.get("db"), help="the SQLite store (default: %(default)s)")
    wa.add_argument("--interval", type=float, default=5.0, help="seconds between looks (default: %(default)s)")
    wa.add_argument("--once", action="store_true", help="look once and stop")
    wa.add_argument(
        "--settle",
        type=float,
        default=SETTLE_S,
        help="seconds a file must be unmodified before it is read (default: %(default)s)",
    )
    wa.add_argument(
        "--sidecar-wait",
        type=float,
        default=SIDECAR_WAIT_S,
        help="seconds a NAME.txt waits for its NAME.json before it is read without (default: %(default)s)",
    )
    wa.add_argument(
        "--retry-max",
        type=float,
        default=RETRY_MAX_S,
        help="while the store is out of reach, the longest pause between tries, in seconds (default: %(default)s)",
    )
    wa.add_argument("inbox", type=Path, metavar="DIR")
    wa.set_defaults(func=cmd_watch)
    exp = sub.add_parser(
        "export",
        help="the data of a view of the page: GeoJSON (incidents, places, meeting venues) or CSV tables",
        description="What the page shows at an as-of date, episode and timeline filters, as GeoJSON (RFC 7946) "
        "or CSV (one table per record type: incidents, incident_sources, tolls, figures, meetings, places).",
    )
    exp.add_argument("--asof", required=True, type=_day, metavar="DATE", help="the as-of date, YYYY-MM-DD")
    exp.add_argument("--format", required=True, choices=("csv", "geojson"))
    exp.add_argument("--db", default=settings.get("db"), help="the store (default: %(default)s)")
    exp.add_argument(
        "--episode",
        default="current",
        help="current (the one going on at the date, as the page opens), all, or an id: may2025, jul2025, dec2025",
    )
    exp.add_argument("--kind", action="append", default=[], help="incident kinds kept (repeatable): artillery, ...")
    exp.add_argument(
        "--accused", action="append", default=[], choices=("TH", "KH", "both", "none"), help="accused sides kept"
    )
    exp.add_argument("--province", action="append", default=[], help="province codes kept (repeatable): TH-33, ...")
    exp.add_argument("--metric", action="append", default=[], choices=("killed", "injured", "displaced"))
    exp.add_argument("--side", action="append", default=[], choices=("Thailand", "Cambodia", "Side not stated"))
    exp.add_argument(
        "--table",
        choices=("incidents", "incident_sources", "tolls", "figures", "meetings", "places"),
        help="CSV: only this table",
    )
    exp.add_argument(
        "--out", type=Path, help="a file (GeoJSON, one CSV table) or a folder (every CSV table); default stdout"
    )
    exp.set_defaults(func=cmd_export)
    args = ap.parse_args(argv)
    if args.command == "ingest" and not (args.paths or args.url):
        ap.error("ingest needs a PATH or --url")
    try:
        return args.func(args)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
