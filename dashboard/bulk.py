"""Work over many reports on worker processes: re-extraction after an extractor change (and the runner that
`dashboard.ingest` uses for a bulk ingest).

The parent lists the work (the ids of the reports an older extractor read), cuts it into batches and hands
them to workers — `concurrent.futures.ProcessPoolExecutor` (spawned processes, each opening its own engine),
or any other `concurrent.futures.Executor`, such as a Dask cluster's (`executor_for`). A batch is extracted
outside any transaction, then its reports' records are replaced in one transaction that also marks them
current (`Store.replace_stale`): the app shows a report's previous records until its new ones are committed,
a batch is stored whole or not at all, and a run killed at any point is finished by running it again (only
the reports still stale are listed). Running it twice changes nothing; any number of workers gives the same
records. On SQLite the writers take turns (a write waits up to the busy timeout, then `Store._transact` runs
it again); on PostgreSQL they write at once.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import TextIO, TypeVar

import sqlalchemy as sa

from dashboard.extract import EXTRACTOR_VERSION, collector_paused, extract
from dashboard.gazetteer import gazetteer
from dashboard.pubdate import redate
from dashboard.store import Store
from dashboard.store_open import StoreError, describe

BATCH = 200  # reports re-extracted and replaced in one transaction
PROGRESS_EVERY_S = 1.0  # the least time between two progress lines
T = TypeVar("T")


class BatchFailed(Exception):
    """A worker's batch failed in the store: the message names the store and says why (picklable, unlike a
    driver's error)."""

    @classmethod
    def of(cls, location: str, exc: Exception) -> BatchFailed | None:
        """The failure of the store at `location` that `exc` is, if it is one."""
        if isinstance(exc, StoreError):
            return cls(str(exc))
        if isinstance(exc, sa.exc.DBAPIError):
            return cls(f"the store at {describe(location)} failed: {exc.orig} ({type(exc.orig).__name__})")
        return None


class ClusterUnavailable(Exception):
    """The Dask cluster cannot be used (Dask not installed, the scheduler out of reach)."""


def default_workers() -> int:
    """The cores this process may use (its CPU affinity where the system tells it, else every core)."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def parse_workers(value: str) -> int:
    """A --workers value: a whole number of at least 1."""
    try:
        workers = int(value)
    except ValueError:
        raise ValueError(f"--workers must be a whole number of worker processes, not {value!r}") from None
    if workers < 1:
        raise ValueError(f"--workers must be at least 1, not {workers}")
    return workers


def batches(items: Sequence[T], size: int) -> list[list[T]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


@dataclass
class Progress:
    """What is done of a run, printed as "12,000/100,000 reports, 1,480/s" at most every PROGRESS_EVERY_S."""

    total: int
    unit: str = "reports"
    out: TextIO | None = None
    done: int = 0
    started: float = 0.0
    shown: float = 0.0

    def __post_init__(self) -> None:
        self.started = time.monotonic()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        return f"{self.done:,}/{self.total:,} {self.unit}, {self.done / elapsed:,.0f}/s"

    def add(self, count: int) -> None:
        self.done += count
        now = time.monotonic()
        if self.out is not None and (now - self.shown >= PROGRESS_EVERY_S or self.done >= self.total):
            print(self.line(), file=self.out, flush=True)
            self.shown = now


def spawn_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes started afresh (spawn: no engine, lock or thread of the parent is inherited)."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


@contextlib.contextmanager
def executor_for(workers: int, tasks: int, scheduler: str | None = None) -> Iterator[tuple[Executor | None, int]]:
    """Where the tasks run, and how many run at once: a Dask cluster's workers (its scheduler's address: tasks
    go to every machine of the cluster), else `workers` spawned processes (no more than there are tasks; one:
    this process, no pool)."""
    if scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise ClusterUnavailable("--dask-scheduler needs Dask: pip install 'border-watch[cluster]'") from None
        try:
            client = Client(scheduler, timeout="30s")
        except OSError as exc:
            raise ClusterUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield client.get_executor(pure=False), max(sum(client.nthreads().values()), 1)
        return
    workers = min(workers, tasks)
    if workers <= 1:
        yield None, 1
        return
    with spawn_pool(workers) as pool:
        yield pool, workers


def run_batches(
    work: Callable[..., T], args: tuple, parts: Iterable[list], executor: Executor | None, in_flight: int = 4
) -> Iterator[T]:
    """`work(*args, part)` for every part, on the executor (None: here, one after the other); each result as
    soon as it is done. At most `in_flight` parts are handed out at once; on an error the rest is cancelled."""
    if executor is None:
        for part in parts:
            yield work(*args, part)
        return
    pending: set[Future] = set()
    todo = iter(parts)
    try:
        while True:
            for part in todo:
                pending.add(executor.submit(work, *args, part))
                if len(pending) >= in_flight:
                    break
            if not pending:
                return
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
    finally:
        for future in pending:
            future.cancel()


def reextract_batch(location: str, version: str, ids: list[str]) -> tuple[int, int]:
    """Re-extract these reports with the current extractor and replace their records, in one transaction: (how
    many ids, how many were replaced — those another run did meanwhile, or that are gone, are not). Runs in a
    worker, which refuses if its extractor is not the run's `version` (a machine with other code)."""
    if version != EXTRACTOR_VERSION:
        raise BatchFailed(
            f"a worker runs extractor {EXTRACTOR_VERSION}, the run {version}: install the same code on every machine"
        )
    store = Store(location)
    gaz = gazetteer()
    try:
        with collector_paused():
            fresh = [(r, extract(r, gaz)) for r in map(redate, store.reports_by_id(ids))]
        return len(ids), len(store.replace_stale(fresh, EXTRACTOR_VERSION))
    except Exception as exc:
        failed = BatchFailed.of(location, exc)
        if failed is None:
            raise
        raise failed from None


@dataclass(frozen=True)
class Outcome:
    listed: int  # the reports an older extractor read when the run began
    replaced: int  # those this run re-extracted (the others were done meanwhile, or removed)
    seconds: float

    def __str__(self) -> str:
        rate = self.replaced / self.seconds if self.seconds else 0.0
        return (
            f"re-extracted {self.replaced:,} of {self.listed:,} stale reports in {self.seconds:.1f} s "
            f"({rate:,.0f}/s) with extractor {EXTRACTOR_VERSION}"
        )


def reextract(
    location: str,
    workers: int = 1,
    batch: int = BATCH,
    scheduler: str | None = None,
    progress: TextIO | None = sys.stderr,
) -> Outcome:
    """Re-extract every stored report an older extractor read (newest first), a batch per task, on `workers`
    processes or on the Dask cluster of `scheduler`."""
    started = time.monotonic()
    ids = Store(location).stale(EXTRACTOR_VERSION)
    parts = batches(ids, batch)
    meter = Progress(len(ids), "reports", progress)
    replaced = 0
    with executor_for(workers, len(parts), scheduler) as (executor, at_once):
        for listed, count in run_batches(reextract_batch, (location, EXTRACTOR_VERSION), parts, executor, 2 * at_once):
            replaced += count
            meter.add(listed)
    return Outcome(len(ids), replaced, time.monotonic() - started)
