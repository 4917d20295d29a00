"""The SQLite store: idempotent, transactional, versioned, readable while written."""

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.ingest import make_report, read_reports
from dashboard.intake import ingest_paths
from dashboard.store import MIGRATIONS, Store, StoreError, from_payload, to_payload
from tests.conftest import ROOT, SEEDS


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "s.sqlite3")
    yield s
    s.close()


def report(i: int):
    return make_report(
        f"Report {i}: at least {i + 1} people were killed in Surin province on Monday.",
        f"r{i}.txt",
        published=date(2025, 12, 20),
    )


def test_created_on_first_use_in_wal_mode_at_the_latest_schema(tmp_path):
    s = Store(tmp_path / "new" / "s.sqlite3")
    assert s.schema_version == len(MIGRATIONS)
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_ingesting_twice_changes_nothing(store):
    first = ingest_paths(store, [SEEDS])
    revision = store.revision()
    second = ingest_paths(store, [SEEDS])
    assert [o.status for o in first] == ["ingested"] * 5 and [o.status for o in second] == ["duplicate"] * 5
    assert store.count() == 5 and store.revision() == revision


def test_extractions_round_trip(store, gaz):
    reports, _ = read_reports([SEEDS / "004_14141caa1f55aa04.txt"])
    original = extract(reports[0], gaz)
    assert from_payload(reports[0], to_payload(original)) == original


def test_extractions_are_recomputed_when_the_extractor_changes(store, gaz):
    r = report(1)
    store.add(r, extract(r, gaz), "old")
    calls = []
    fresh = store.extractions(EXTRACTOR_VERSION, lambda rep: calls.append(rep.id) or extract(rep, gaz))
    assert calls == [r.id] and fresh[0].figures[0].value == 2
    store.extractions(EXTRACTOR_VERSION, lambda rep: calls.append(rep.id) or extract(rep, gaz))
    assert calls == [r.id]  # stored with the new version: not recomputed again


def test_reports_keep_their_metadata(store, gaz):
    r = make_report(
        "Talks were held.",
        "x.txt",
        url="https://example.org/a",
        outlet="Example",
        title="T",
        published=date(2025, 12, 24),
    )
    store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    assert store.reports() == [replace(r, ingested=datetime.now(UTC).date())]


CHILD = """
import sys, time
from dataclasses import replace
from datetime import UTC, date, datetime
from dashboard.extract import EXTRACTOR_VERSION
from dashboard.ingest import make_report
from dashboard.records import Extraction
from dashboard.store import Store
store = Store(sys.argv[1])
put = Store._put_extraction
def slow_put(self, *a):
    time.sleep(0.01)  # inside the transaction, after the report row: a kill lands here most often
    put(self, *a)
Store._put_extraction = slow_put
for i in range(100000):
    r = make_report(f"Report number {i} about the border.", f"r{i}.txt", published=date(2025, 12, 20))
    store.add(r, Extraction(r), EXTRACTOR_VERSION)
"""


def test_a_kill_during_a_batch_leaves_every_committed_report_whole(tmp_path):
    db = tmp_path / "crash.sqlite3"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db)], cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            time.sleep(0.2)
            if db.exists():
                with sqlite3.connect(db) as c:
                    try:
                        if c.execute("SELECT count(*) FROM reports").fetchone()[0] >= 20:
                            break
                    except sqlite3.OperationalError:
                        pass
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
    assert child.returncode == -signal.SIGKILL
    s = Store(db)
    assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reports = s.count()
    with_extraction = s.db.execute("SELECT count(*) FROM reports JOIN extractions ON report_id = id").fetchone()[0]
    assert reports >= 20 and with_extraction == reports
    assert {r.path for r in s.reports()} == {f"r{i}.txt" for i in range(reports)}


def test_the_app_can_read_while_an_ingest_writes(tmp_path, gaz):
    db = tmp_path / "busy.sqlite3"
    writer = Store(db)
    errors, counts = [], []

    def read():
        reader = Store(db)
        try:
            for _ in range(60):
                counts.append(len(reader.extractions(EXTRACTOR_VERSION, lambda r: extract(r, gaz))))
                time.sleep(0.005)
        except Exception as exc:  # a locked database would show here
            errors.append(exc)
        finally:
            reader.close()

    thread = threading.Thread(target=read)
    thread.start()
    for i in range(60):
        r = report(i)
        writer.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    thread.join()
    writer.close()
    assert errors == [] and counts == sorted(counts) and counts[-1] > 0


def test_a_store_truncated_to_nothing_is_refused_not_taken_for_a_new_one(tmp_path):
    (tmp_path / "s.sqlite3").write_bytes(b"")
    with pytest.raises(StoreError, match=r"store at .*s\.sqlite3 is empty \(0 bytes\) — was it truncated\?"):
        Store(tmp_path / "s.sqlite3")


@pytest.mark.parametrize("damage", ["garbage", "cut short"])
def test_a_damaged_store_is_refused_with_a_clear_error(tmp_path, damage):
    db = tmp_path / "s.sqlite3"
    if damage == "garbage":
        db.write_bytes(b"these are not the bytes of a database\n" * 200)
    else:
        with closing(Store(db)) as s:
            ingest_paths(s, [SEEDS])
        os.truncate(db, 4096)
    with pytest.raises(StoreError, match=r"the store at .*s\.sqlite3 is damaged: (file is not a database|.*malformed)"):
        Store(db)


def test_a_store_from_a_newer_version_is_refused(tmp_path):
    with closing(Store(tmp_path / "s.sqlite3")) as s:
        s.db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError, match="newer than this program"):
        Store(tmp_path / "s.sqlite3")


def test_a_full_disk_reports_the_real_error(store, gaz):
    store.db.execute("PRAGMA max_page_count = 8")  # a disk that fills up after a few pages
    with pytest.raises(sqlite3.OperationalError, match="database or disk is full"):
        for i in range(100):
            r = make_report(f"Report {i}. " + "Troops clashed near the border. " * 100, f"r{i}.txt")
            store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    assert not store.db.in_transaction
    store.db.execute("PRAGMA max_page_count = 1000000")  # space again: the store goes on
    assert store.add(report(1), extract(report(1), gaz), EXTRACTOR_VERSION)


@pytest.mark.parametrize("start", ["new", "at version 1"])
def test_processes_opening_a_store_at_once_do_not_collide(tmp_path, start):
    """Eight connections open the same store at the same moment, five times over (before the fix: "table
    reports already exists", "duplicate column name")."""
    for round in range(5):
        db = tmp_path / str(round) / "s.sqlite3"
        db.parent.mkdir()
        if start == "at version 1":  # every one of them finds the migration to version 2 pending
            with closing(sqlite3.connect(db)) as c:
                c.executescript(f"{MIGRATIONS[0]}; PRAGMA user_version = 1;")
        barrier = threading.Barrier(8)
        errors = []

        def open_store(db=db, barrier=barrier, errors=errors):
            barrier.wait()
            try:
                Store(db).close()
            except Exception as exc:
                errors.append(exc)

        threads = [threading.Thread(target=open_store) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        with closing(Store(db)) as s:
            assert s.schema_version == len(MIGRATIONS)
        assert [p.name for p in db.parent.iterdir() if p.name.startswith(".")] == []  # no temporary files left


def test_metadata_is_updated_in_place_by_the_path_it_was_read_from(store, gaz):
    r = report(1)
    store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    stored = store.report_at("r1.txt")
    assert stored.id == r.id and store.report_at("elsewhere.txt") is None
    revision = store.revision()
    updated = replace(stored, outlet="Wire", title="T", name="wire-1", published=date(2025, 12, 22))
    assert store.update_metadata(updated, extract(updated, gaz), EXTRACTOR_VERSION)
    assert store.reports() == [updated] and store.revision() > revision
    assert not store.update_metadata(replace(updated, id="0" * 16), extract(updated, gaz), EXTRACTOR_VERSION)
