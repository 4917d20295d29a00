"""The store on SQLite and on a real PostgreSQL server: idempotent, transactional, versioned, readable while
written, safe to open from several processes at once; and on SQLite, honest about damage."""

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from dashboard.extract import EXTRACTOR_VERSION, extract
from dashboard.ingest import ingest_paths
from dashboard.read import make_report, read_reports
from dashboard.records import Report
from dashboard.schema import metadata, reports
from dashboard.store import Store
from dashboard.store_open import StoreError, _head, lost_to_another_writer, release
from tests.conftest import ROOT, SEEDS


@pytest.fixture
def store(store_location):
    return Store(store_location)


def report(i: int):
    return make_report(
        f"Report {i}: at least {i + 1} people were killed in Surin province on Monday.",
        f"r{i}.txt",
        published=date(2025, 12, 20),
    )


def revision_of(store) -> str:
    with store.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def test_created_on_first_use_at_the_newest_schema(store):
    assert revision_of(store) == _head() and store.count() == 0
    if store.dialect == "sqlite":
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_the_migrations_build_exactly_the_schema_the_code_uses(store):
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_ingesting_twice_changes_nothing(store):
    first = ingest_paths(store, [SEEDS])
    revision = store.revision()
    second = ingest_paths(store, [SEEDS])
    assert [o.status for o in first] == ["ingested"] * 5 and [o.status for o in second] == ["duplicate"] * 5
    assert store.count() == 5 and store.revision() == revision


def test_records_round_trip(store, gaz):
    reports, _ = read_reports([SEEDS])
    for r in reports:
        store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    for r in reports:
        stored = store.report(r.id)
        assert store.extraction(stored) == extract(stored, gaz)


def test_records_are_recomputed_when_the_extractor_changes(store, gaz):
    r = report(1)
    store.add(r, extract(r, gaz), "old")
    assert store.stale(EXTRACTOR_VERSION) == [r.id]
    calls = []
    fresh = store.extractions(EXTRACTOR_VERSION, lambda rep: calls.append(rep.id) or extract(rep, gaz))
    assert calls == [r.id] and fresh[0].figures[0].value == 2
    store.extractions(EXTRACTOR_VERSION, lambda rep: calls.append(rep.id) or extract(rep, gaz))
    assert calls == [r.id] and store.stale(EXTRACTOR_VERSION) == []  # stored with the new version


def test_reports_keep_their_metadata(store, gaz):
    r = make_report(
        "Talks were held.",
        "x.txt",
        url="https://example.org/a",
        outlet="Example",
        title="T",
        published=date(2025, 12, 24),
        name="x",
    )
    store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    assert store.reports() == [replace(r, ingested=datetime.now(UTC).date())]


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


CHILD = """
import sys, time
from datetime import date
from dashboard.extract import EXTRACTOR_VERSION
from dashboard.read import make_report
from dashboard.records import Extraction
from dashboard.store import Store
store = Store(sys.argv[1])
put = Store._insert_records
def slow_put(self, *a, **kw):
    time.sleep(0.01)  # inside the transaction, after the report row: a kill lands here most often
    put(self, *a, **kw)
Store._insert_records = slow_put
for i in range(100000):
    r = make_report(f"Report number {i} about the border.", f"r{i}.txt", published=date(2025, 12, 20))
    store.add(r, Extraction(r), EXTRACTOR_VERSION)
"""


def test_a_kill_during_a_batch_leaves_every_committed_report_whole(store_location):
    child = subprocess.Popen([sys.executable, "-c", CHILD, store_location], cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            time.sleep(0.2)
            try:
                if Store(store_location).count() >= 20:
                    break
            except (StoreError, sa.exc.OperationalError):
                pass  # not made yet
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
    assert child.returncode == -signal.SIGKILL
    s = Store(store_location)
    with s.engine.connect() as conn:
        if s.dialect == "sqlite":
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        extracted = conn.exec_driver_sql("SELECT count(*) FROM reports JOIN extractions ON report_id = id").scalar()
    reports = s.count()
    assert reports >= 20 and extracted == reports
    assert {r.path for r in s.reports()} == {f"r{i}.txt" for i in range(reports)}


def test_two_writers_at_once_lose_nothing(store_location, gaz):
    Store(store_location)
    errors = []

    def write(offset: int) -> None:
        try:
            s = Store(store_location)
            for i in range(offset, offset + 40):
                r = report(i % 60)  # the two overlap on 20 reports: each is stored once
                s.add(r, extract(r, gaz), EXTRACTOR_VERSION)
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in (0, 20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    s = Store(store_location)
    assert errors == [] and s.count() == 60 and s.revision() == 60


def test_writers_taking_the_same_reports_in_opposite_orders_both_finish(store_location, gaz):
    """On PostgreSQL each waits for the other's uncommitted rows (a deadlock, 40P01): the one aborted is
    retried, not lost. Several rounds, each on new reports, each pair let go at once."""
    Store(store_location)
    rounds, size = 4, 40
    batches = [[report(1000 * n + i) for i in range(size)] for n in range(rounds)]
    items = [[(r, extract(r, gaz)) for r in batch] for batch in batches]
    start, errors = threading.Barrier(2), []

    def write(order: int) -> None:
        s = Store(store_location)
        for batch in items:
            start.wait()
            try:
                s.add_many(batch[::order], EXTRACTOR_VERSION)
            except Exception as exc:
                errors.append(exc)

    threads = [threading.Thread(target=write, args=(order,)) for order in (1, -1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    s = Store(store_location)
    assert errors == []
    assert s.count() == rounds * size
    with s.engine.connect() as conn:
        figures = conn.execute(sa.text("SELECT count(*) FROM figures")).scalar_one()
    assert figures == sum(len(e.figures) for batch in items for _, e in batch)


def test_a_write_that_deadlocks_is_rolled_back_and_run_again(pg_server, gaz):
    """Two transactions each hold a row the other wants: PostgreSQL aborts one (40P01); the store runs it
    again, whole, and both writes land."""
    from tests.pg_support import fresh_database

    location = fresh_database(pg_server, f"t_{uuid.uuid4().hex[:12]}")
    a, b = report(1), report(2)
    Store(location).add_many([(a, extract(a, gaz)), (b, extract(b, gaz))], EXTRACTOR_VERSION)
    both_hold_one, attempts, errors = threading.Barrier(2), Counter(), []

    def write(first: str, second: str, title: str) -> None:
        def work(conn) -> None:
            attempts[title] += 1
            conn.execute(reports.update().where(reports.c.id == first).values(title=title))
            if attempts[title] == 1:
                both_hold_one.wait(timeout=60)
            conn.execute(reports.update().where(reports.c.id == second).values(title=title))

        try:
            Store(location)._transact(work)
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=args) for args in ((a.id, b.id, "one"), (b.id, a.id, "two"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(attempts.values()) == [1, 2]  # one ran once, the one PostgreSQL aborted ran twice
    titles = {r.title for r in Store(location).reports()}
    assert len(titles) == 1 and titles <= {"one", "two"}  # the retried one wrote both rows, last


@pytest.mark.parametrize(
    ("orig", "retried"),
    [
        (sqlite3.OperationalError("database is locked"), True),
        (sqlite3.OperationalError("database or disk is full"), False),
        (sqlite3.IntegrityError("UNIQUE constraint failed"), False),
    ],
)
def test_which_sqlite_errors_are_a_lost_race(orig, retried):
    assert lost_to_another_writer(sa.exc.OperationalError("INSERT", {}, orig)) is retried


def test_the_app_can_read_while_an_ingest_writes(store_location, gaz):
    from dashboard import queries

    writer = Store(store_location)
    errors, counts = [], []

    def read():
        reader = Store(store_location)
        try:
            for _ in range(60):
                counts.append(queries.report_counts(reader, date(2026, 1, 1)).known)
                time.sleep(0.005)
        except Exception as exc:  # a locked database would show here
            errors.append(exc)

    thread = threading.Thread(target=read)
    thread.start()
    for i in range(60):
        r = report(i)
        writer.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    thread.join()
    assert errors == [] and counts == sorted(counts) and counts[-1] > 0


def test_processes_opening_a_new_store_at_once_do_not_collide(store_location):
    """Eight processes open the same new store at the same moment and all migrate it (before the fix:
    "table reports already exists")."""
    code = "import sys; from dashboard.store import Store; Store(sys.argv[1]).count()"
    procs = [
        subprocess.Popen([sys.executable, "-c", code, store_location], cwd=ROOT, stderr=subprocess.PIPE)
        for _ in range(8)
    ]
    outcomes = [(p.wait(), p.stderr.read().decode()[-500:]) for p in procs]
    assert outcomes == [(0, "")] * 8
    assert revision_of(Store(store_location)) == _head()


# --- SQLite: damage and old stores ----------------------------------------------------------------------


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
        ingest_paths(Store(db), [SEEDS])
        release(db)
        os.truncate(db, 4096)
    with pytest.raises(StoreError, match=r"the store at .*\.sqlite3 is damaged: (file is not a database|.*malformed)"):
        Store(db)


def test_a_store_from_a_newer_version_is_refused(tmp_path):
    db = tmp_path / "s.sqlite3"
    Store(db)
    release(db)
    with sqlite3.connect(db) as c:
        c.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="newer than this program"):
        Store(db)


def test_a_full_disk_reports_the_real_error(tmp_path, gaz):
    store = Store(tmp_path / "s.sqlite3")
    store.engine.dispose()

    def small_disk(dbapi, _record):
        dbapi.execute("PRAGMA max_page_count = 40")  # a disk that fills up after a few pages

    sa.event.listen(store.engine, "connect", small_disk)
    with pytest.raises(sa.exc.OperationalError, match="database or disk is full"):
        for i in range(100):
            r = make_report(f"Report {i}. " + "Troops clashed near the border. " * 100, f"r{i}.txt")
            store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    sa.event.remove(store.engine, "connect", small_disk)
    store.engine.dispose()  # space again: the store goes on
    assert store.add(report(1), extract(report(1), gaz), EXTRACTOR_VERSION)


OLD_SCHEMA = """
CREATE TABLE reports (id TEXT PRIMARY KEY, path TEXT NOT NULL, text TEXT NOT NULL, published TEXT, url TEXT,
    outlet TEXT, title TEXT, dropped_paragraphs INTEGER NOT NULL DEFAULT 0, added_at TEXT NOT NULL);
CREATE TABLE extractions (report_id TEXT PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
    extractor_version TEXT NOT NULL, payload TEXT NOT NULL, extracted_at TEXT NOT NULL);
CREATE TABLE inbox_files (path TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    outcome TEXT NOT NULL, PRIMARY KEY (path, size, mtime_ns));
CREATE TABLE revision (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL, changed_at TEXT);
INSERT INTO revision VALUES (1, 3, '2025-12-23T10:00:00+00:00');
INSERT INTO reports VALUES ('abc', 'a.txt', 'Talks in Trat.', '2025-12-21', NULL, NULL, NULL, 0,
    '2025-12-22T09:00:00+00:00');
INSERT INTO reports VALUES ('def', 'b.txt', 'Clashes in Surin.', NULL, NULL, NULL, NULL, 0,
    '2025-12-23T09:00:00+00:00');
INSERT INTO extractions VALUES ('abc', '1', '{}', '2025-12-22T09:00:00+00:00');
PRAGMA user_version = 1;
"""


def test_a_store_from_before_the_migrations_keeps_its_reports_and_is_re_extracted(tmp_path, gaz):
    db = tmp_path / "old.sqlite3"
    with sqlite3.connect(db) as c:
        c.executescript(OLD_SCHEMA)
    store = Store(db)
    assert revision_of(store) == _head() and store.count() == 2
    assert [(r.id, r.published, r.ingested) for r in store.reports()] == [
        ("abc", date(2025, 12, 21), date(2025, 12, 22)),
        ("def", None, date(2025, 12, 23)),
    ]
    assert sorted(store.stale(EXTRACTOR_VERSION)) == ["abc", "def"]
    assert store.refresh_stale(EXTRACTOR_VERSION, lambda r: extract(r, gaz)) == 2
    assert store.extraction(store.report("def")).places[0].admin1 == "TH-32"


def test_a_view_as_of_an_earlier_day_keeps_its_revision_when_a_later_report_arrives(store, gaz):
    def add(i: int, day: date) -> Report:
        r = replace(report(i), published=day)
        store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
        return r

    add(1, date(2025, 12, 20))
    on_21 = store.revision_at(date(2025, 12, 21))
    assert on_21 == store.revision() and store.revision_at(date(2025, 12, 19)) == 0
    later = add(2, date(2025, 12, 25))
    assert store.revision_at(date(2025, 12, 21)) == on_21  # a view of the 21st is as it was
    assert store.revision_at(date(2025, 12, 25)) == store.revision() > on_21
    moved = replace(later, published=date(2025, 12, 19))  # now it counts from before the 21st
    store.update_metadata(moved, extract(moved, gaz), EXTRACTOR_VERSION)
    assert store.revision_at(date(2025, 12, 21)) == store.revision()
    moved_back = replace(moved, published=date(2025, 12, 26))  # and no longer: the 21st changes again
    store.update_metadata(moved_back, extract(moved_back, gaz), EXTRACTOR_VERSION)
    assert store.revision_at(date(2025, 12, 21)) == store.revision()
    before = store.revision_at(date(2025, 12, 21))
    store.refresh_stale("newer", lambda r: extract(r, gaz))  # re-extracting the 20th's report changes the 21st
    assert store.revision_at(date(2025, 12, 21)) > before


def flags(store) -> list[tuple[int, bool]]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT value, counts_incident FROM figures ORDER BY start")).all()
    return [(value, bool(flag)) for value, flag in rows]


INCIDENT_AND_TOLL = (
    "Shelling hit a village in Surin province on Monday, killing 3 people. Officials said at least 40 people "
    "have been killed since the fighting began."
)


def test_a_figure_told_with_an_incident_is_marked_when_stored(store, gaz):
    r = make_report(INCIDENT_AND_TOLL, "i.txt", published=date(2025, 12, 22))
    store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    assert flags(store) == [(3, True), (40, False)]


def test_the_migration_marks_the_figures_of_a_store_made_before_it(store_location, gaz):
    from alembic import command

    from dashboard.store_open import _alembic

    store = Store(store_location)
    r = make_report(INCIDENT_AND_TOLL, "i.txt", published=date(2025, 12, 22))
    store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    with store.engine.connect() as conn, conn.begin():
        command.downgrade(_alembic(conn), "0003")
    release(store_location)
    store = Store(store_location)
    assert revision_of(store) == _head() and flags(store) == [(3, True), (40, False)]
    assert store.revision_at(date(2025, 12, 1)) == store.revision()  # all that was there counts from the start


def test_re_extraction_dates_again_a_report_whose_estimate_improved(store, gaz):
    """A report stored with no date (as an older version found it) is dated again when it is re-extracted: its
    row, its records and the views of the days between move to the new date. A date of its own stays."""
    from dashboard.pubdate import redate

    text = "Thailand on Wednesday freed 18 Cambodian soldiers, and shells hit Surin province."
    undated = replace(make_report(text, "u.txt", name="u"), published=None, dated_by=None)
    own = replace(make_report("Shells hit Surin province.", "o.txt", name="o"), published=date(2025, 8, 1))
    own = replace(own, dated_by="metadata")
    for r in (undated, own):
        store.add(r, extract(r, gaz), EXTRACTOR_VERSION)
    ingested = store.report(undated.id).ingested
    assert store.report(undated.id).published is None
    before = store.revision_at(date(2026, 1, 2))
    store.refresh_stale("newer", lambda r: extract(redate(r), gaz))
    again = store.report(undated.id)
    assert (again.published, again.dated_by) == (date(2025, 12, 31), "text")
    with store.engine.connect() as conn:  # its records count from the new date
        days = conn.execute(sa.text("SELECT DISTINCT known_from FROM places WHERE report_id = :r"), {"r": again.id})
        assert [str(d) for (d,) in days] == ["2025-12-31"]
    assert store.revision_at(date(2026, 1, 2)) > before  # the 2 January view knows it now
    assert store.report(own.id).published == date(2025, 8, 1) and ingested > date(2026, 1, 2)
