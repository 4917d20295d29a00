"""Re-extraction and bulk ingest over worker processes (dashboard/bulk.py, `python -m dashboard reextract` and
`ingest --workers`): any number of workers gives the same records, a run killed with SIGKILL and run again
ends with the records of an uninterrupted run, running twice changes nothing, and a report shows its old
records until its new ones are committed."""

import contextlib
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import uuid

import pytest
import sqlalchemy as sa

from dashboard import bulk
from dashboard.__main__ import main
from dashboard.extract import EXTRACTOR_VERSION
from dashboard.ingest import iter_ingest_bulk
from dashboard.schema import RECORD_TABLES, extractions, reports
from dashboard.store import Store
from tests.conftest import ROOT

OLD = "0-an-older-extractor"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args], capture_output=True, text=True, cwd=ROOT, timeout=600
    )


def rows(location: str) -> dict[str, list[tuple]]:
    """Every table a re-extraction writes, in full, but for the surrogate ids of records and the times rows
    were written (those differ between any two runs), sorted."""
    store = Store(location)
    out = {}
    with store.engine.connect() as conn:
        for name, table in RECORD_TABLES.items():
            cols = [c for c in table.c if c.name != "id"]
            out[name] = sorted((tuple(r) for r in conn.execute(sa.select(*cols))), key=repr)
        versions = sa.select(extractions.c.report_id, extractions.c.extractor_version)
        out["extractions"] = sorted(tuple(r) for r in conn.execute(versions))
        cols = [c for c in reports.c if c.name != "added_at"]
        out["reports"] = sorted((tuple(r) for r in conn.execute(sa.select(*cols))), key=repr)
    return out


def make_stale(location: str) -> None:
    """As if an older extractor had read every report: another version, and records that differ from what the
    current one finds (each quote marked), so that a report not re-extracted shows."""
    with Store(location).engine.begin() as conn:
        conn.execute(extractions.update().values(extractor_version=OLD))
        for table in RECORD_TABLES.values():
            conn.execute(table.update().values(quote="old: " + table.c.quote))


def copy_sqlite(source, target) -> str:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return str(target)


@pytest.fixture(params=["sqlite", "postgresql"])
def ingested(request, generated, tmp_path):
    """Two stores of the generated corpus, one ingested on one process, the other on two workers (SQLite:
    copies of the session's store, ingested the serial way; PostgreSQL: fresh databases)."""
    folder, db = generated
    if request.param == "sqlite":
        one, two = copy_sqlite(db, tmp_path / "one.sqlite3"), str(tmp_path / "two.sqlite3")
    else:
        from tests.pg_support import fresh_database

        server = request.getfixturevalue("pg_server")
        one, two = (fresh_database(server, f"t_{uuid.uuid4().hex[:12]}") for _ in range(2))
        assert list(iter_ingest_bulk(Store(one), [folder], workers=1))
    outcomes = list(iter_ingest_bulk(Store(two), [folder], workers=2, files_per_task=60, progress=None))
    assert {o.status for o in outcomes} == {"ingested"} and len(outcomes) == Store(one).count()
    return one, two


def test_two_workers_give_exactly_the_records_of_one(ingested):
    one, two = ingested
    assert rows(two) == rows(one)  # a parallel ingest stores what a serial one does
    before = rows(one)
    make_stale(one)
    make_stale(two)
    assert rows(one) != before
    first = bulk.reextract(one, workers=1, batch=37, progress=None)
    second = bulk.reextract(two, workers=2, batch=37, progress=None)
    assert first.replaced == second.replaced == first.listed == len(before["reports"])
    assert rows(one) == rows(two) == before  # the current extractor's records, each once, every report current


def test_a_second_run_changes_nothing(generated, tmp_path):
    db = copy_sqlite(generated[1], tmp_path / "s.sqlite3")
    make_stale(db)
    assert bulk.reextract(db, workers=2, batch=100, progress=None).replaced > 0
    store = Store(db)
    done, revision = rows(db), store.revision()
    again = run("reextract", "--db", db, "--workers", "2")
    assert again.returncode == 0 and again.stdout.startswith("re-extracted 0 of 0 stale reports")
    assert rows(db) == done and store.revision() == revision


def test_a_batch_another_run_did_meanwhile_is_left_as_it_is(generated, tmp_path):
    """Two runs listed the same stale reports: the second to commit finds them current and writes nothing."""
    db = copy_sqlite(generated[1], tmp_path / "s.sqlite3")
    make_stale(db)
    ids = Store(db).stale(EXTRACTOR_VERSION, limit=20)
    assert bulk.reextract_batch(db, EXTRACTOR_VERSION, ids) == (20, 20)
    done, revision = rows(db), Store(db).revision()
    assert bulk.reextract_batch(db, EXTRACTOR_VERSION, ids) == (20, 0)
    assert rows(db) == done and Store(db).revision() == revision


def test_a_worker_with_another_extractor_refuses(generated, tmp_path):
    db = copy_sqlite(generated[1], tmp_path / "s.sqlite3")
    make_stale(db)
    ids = Store(db).stale(EXTRACTOR_VERSION, limit=5)
    with pytest.raises(bulk.BatchFailed, match="install the same code on every machine"):
        bulk.reextract_batch(db, "2-someothercode", ids)
    assert Store(db).stale(EXTRACTOR_VERSION, limit=5) == ids


def test_a_failed_batch_leaves_the_old_records_and_version(generated, tmp_path, monkeypatch):
    db = copy_sqlite(generated[1], tmp_path / "s.sqlite3")
    make_stale(db)
    stale = rows(db)

    def disk_full(*args, **kwargs):
        raise sa.exc.OperationalError("UPDATE revision", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(Store, "_bump_revision", disk_full)  # after the new records were written
    with pytest.raises(bulk.BatchFailed, match=r"the store at .* failed: database or disk is full"):
        bulk.reextract(db, workers=1, batch=50, progress=None)
    assert rows(db) == stale  # rolled back whole: old records, old version


def consistent_and_done(conn: sqlite3.Connection) -> int:
    """How many reports are current; asserts each report shows either its old records and version or its new
    ones, never a mixture."""
    current = {r for (r,) in conn.execute("SELECT report_id FROM extractions WHERE extractor_version = ?", [OLD])}
    current = {r for (r,) in conn.execute("SELECT id FROM reports")} - current
    for name in RECORD_TABLES:
        for report_id, old in conn.execute(f"SELECT report_id, quote LIKE 'old: %' FROM {name}"):
            assert bool(old) != (report_id in current), (name, report_id)
    return len(current)


def test_a_run_killed_mid_run_and_restarted_ends_with_the_records_of_an_uninterrupted_run(generated, tmp_path):
    db = copy_sqlite(generated[1], tmp_path / "s.sqlite3")
    uninterrupted = rows(db)  # what the current extractor stored at ingest
    make_stale(db)
    total = len(uninterrupted["reports"])
    args = [sys.executable, "-m", "dashboard", "reextract", "--db", db, "--workers", "2", "--batch", "5"]
    proc = subprocess.Popen(args, cwd=ROOT, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    watcher = sqlite3.connect(db, timeout=60, isolation_level=None)
    deadline = time.monotonic() + 300
    try:
        while True:
            watcher.execute("BEGIN IMMEDIATE")  # the write lock: no batch commits while we look
            done = consistent_and_done(watcher)
            if done >= 5 or proc.poll() is not None or time.monotonic() > deadline:
                break
            watcher.execute("ROLLBACK")
            time.sleep(0.005)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # the command and its workers, with the lock still ours
        proc.wait(timeout=60)
    finally:
        watcher.execute("ROLLBACK")
        watcher.close()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read()
    assert 5 <= done < total and done % 5 == 0  # killed after its first committed batches, whole batches only
    with sqlite3.connect(db) as conn:
        assert consistent_and_done(conn) == done

    again = run("reextract", "--db", db, "--workers", "2", "--batch", "5")
    assert again.returncode == 0, again.stderr
    left = total - done
    assert again.stdout.startswith(f"re-extracted {left:,} of {left:,} stale reports")  # what was done is skipped
    assert rows(db) == uninterrupted  # no record twice, none missing, every report current


def test_progress_goes_to_stderr(generated, tmp_path):
    db = copy_sqlite(generated[1], tmp_path / "s.sqlite3")
    make_stale(db)
    total = Store(db).count()
    proc = run("reextract", "--db", db, "--workers", "1", "--batch", "150")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert lines and all(re.fullmatch(r"[\d,]+/[\d,]+ reports, [\d,]+/s", line) for line in lines), lines
    assert lines[-1].startswith(f"{total:,}/{total:,} reports, ")
    assert re.fullmatch(rf"re-extracted {total:,} of {total:,} stale reports in [\d.]+ s .*\n", proc.stdout)


def test_ingest_on_two_workers_shows_progress_and_every_outcome(generated, tmp_path):
    folder, _ = generated
    db = str(tmp_path / "s.sqlite3")
    proc = run("ingest", "--db", db, "--workers", "2", "--batch", "150", str(folder))
    assert proc.returncode == 0, proc.stderr
    files = len(list(folder.glob("*.txt")))
    assert proc.stdout.count("ingested  ") == files and f"{files} ingested, 0 duplicate" in proc.stdout
    assert proc.stderr.splitlines()[-1].startswith(f"{files:,}/{files:,} files, ")
    again = run("ingest", "--db", db, "--workers", "2", "--batch", "150", str(folder))
    assert f"0 ingested, {files} duplicate, 0 rejected" in again.stdout


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "--workers must be at least 1, not 0"),
        ("-2", "--workers must be at least 1, not -2"),
        ("two", "--workers must be a whole number of worker processes, not 'two'"),
    ],
)
@pytest.mark.parametrize("command", ["reextract", "ingest"])
def test_a_bad_workers_value_is_a_clear_error(tmp_path, capsys, command, value, message):
    paths = [str(tmp_path)] if command == "ingest" else []
    with pytest.raises(SystemExit) as exit_:
        main([command, "--db", str(tmp_path / "s.sqlite3"), "--workers", value, *paths])
    assert exit_.value.code == 2
    assert f"error: argument --workers: {message}\n" in capsys.readouterr().err
    assert not (tmp_path / "s.sqlite3").exists()  # nothing was opened


def test_the_default_is_the_cores_this_process_may_use():
    assert bulk.default_workers() == len(os.sched_getaffinity(0))
    assert bulk.parse_workers("3") == 3


def test_a_dask_cluster_runs_the_same_batches_into_postgresql(generated, pg_server):
    """`reextract --dask-scheduler`: a cluster of two worker processes (started here, offline) takes one task
    per batch, each writing to PostgreSQL; the records are those of a run on local processes."""
    distributed = pytest.importorskip("distributed")
    from tests.pg_support import fresh_database

    url = fresh_database(pg_server, f"t_{uuid.uuid4().hex[:12]}")
    list(iter_ingest_bulk(Store(url), [generated[0]], workers=1))
    before = rows(url)
    make_stale(url)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster:
        assert main(["reextract", "--db", url, "--batch", "40", "--dask-scheduler", cluster.scheduler_address]) == 0
        assert "reextract_batch" in cluster.scheduler.task_prefixes  # the batches ran on the cluster
    assert rows(url) == before


def die(part: list) -> None:
    os._exit(9)  # a worker killed (out of memory, kill -9)


def test_a_worker_that_dies_stops_the_run_with_a_clear_error(tmp_path, monkeypatch, capsys):
    from concurrent.futures.process import BrokenProcessPool

    with bulk.spawn_pool(2) as pool, pytest.raises(BrokenProcessPool):
        list(bulk.run_batches(die, (), [[1], [2], [3]], pool, 4))

    def broken(*args, **kwargs):
        raise BrokenProcessPool("A process in the process pool was terminated abruptly")

    monkeypatch.setattr(bulk, "reextract", broken)
    assert main(["reextract", "--db", str(tmp_path / "s.sqlite3")]) == 2
    assert "error: a worker process died (A process in the process pool was terminated abruptly); run it again" in (
        capsys.readouterr().err
    )


def test_without_dask_the_cluster_option_is_a_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # not installed
    assert main(["reextract", "--db", str(tmp_path / "s.sqlite3"), "--dask-scheduler", "tcp://127.0.0.1:1"]) == 2
    assert capsys.readouterr().err == "error: --dask-scheduler needs Dask: pip install 'border-watch[cluster]'\n"
