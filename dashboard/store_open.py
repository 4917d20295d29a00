"""Opening a store: one engine per location and process (SQLite in WAL mode with its write lock taken at
BEGIN, or PostgreSQL with a connection pool), Alembic migrations run once per process (one migrating process
at a time), stores made before Alembic recognised, and what a store that cannot be used says (`StoreError`,
`failure_reason`); whether a write lost to another writer and may be run again."""

from __future__ import annotations

import os
import secrets
import sqlite3
import threading
import time
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


_PG_MIGRATION_LOCK = 4_270_426  # pg_advisory_xact_lock key: one migrating process at a time


_CONFLICT_SQLSTATES = {"40P01", "40001"}  # PostgreSQL: deadlock detected, serialization failure


class StoreError(Exception):
    """The store cannot be used; the message names the store, says what is wrong and what to do."""


def failure_reason(exc: BaseException) -> str | None:
    """What a store failure that happened after the store was opened says (the server stopped, a damaged
    page, a full disk), for the user; None if `exc` is not a store failure."""
    if isinstance(exc, StoreError):
        return str(exc)
    if isinstance(exc, sa.exc.DBAPIError):
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
        what = "cannot be reached" if exc.connection_invalidated else "failed"
        return f"the store {what}: {reason}"
    return None


def lost_to_another_writer(exc: BaseException) -> bool:
    """A write that failed only because another writer held what it needed, and succeeds if run again: a
    PostgreSQL deadlock or serialization failure, SQLite's "database is locked" (past its busy timeout)."""
    orig = getattr(exc, "orig", exc)
    if getattr(orig, "sqlstate", None) in _CONFLICT_SQLSTATES:
        return True
    return isinstance(orig, sqlite3.OperationalError) and "database is locked" in str(orig)


def is_server_url(location: str | Path) -> bool:
    return str(location).startswith(("postgresql://", "postgresql+psycopg://", "postgres://"))


def describe(location: str | Path) -> str:
    """The store's name for messages: a path, or a URL without its password."""
    if not is_server_url(location):
        return str(location)
    return sa.engine.make_url(_pg_url(str(location))).render_as_string(hide_password=True)


def _pg_url(url: str) -> str:
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


# One engine (and connection pool) per store location and process, and the locations migrated in this process.
_engines: dict[str, Engine] = {}
_migrated: set[str] = set()
_lock = threading.Lock()


def _sqlite_engine(path: Path) -> Engine:
    # mode=rw: never create the file here (only _create does, whole)
    engine = sa.create_engine(
        f"sqlite+pysqlite:///file:{path.absolute()}?mode=rw&uri=true",
        connect_args={"timeout": 30, "check_same_thread": False},
    )

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi, _record):  # SQLAlchemy's recipe: we emit BEGIN ourselves (transactional DDL too)
        dbapi.isolation_level = None
        _wal(dbapi)
        dbapi.execute("PRAGMA foreign_keys=ON")
        dbapi.execute("PRAGMA synchronous=NORMAL")

    @sa.event.listens_for(engine, "begin")
    def _begin(conn):  # a writer takes the write lock at once: no deadlock upgrading a read lock
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.pop("write", False) else "BEGIN")

    return engine


def _wal(dbapi) -> None:
    """WAL mode (kept in the file): switching needs a moment alone with the file, so retry while locked."""
    for attempt in range(100):
        try:
            if dbapi.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                dbapi.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError:
            if attempt == 99:
                raise
            time.sleep(0.05)


def _engine(location: str | Path) -> Engine:
    key = str(location)
    with _lock:
        if key not in _engines:
            if is_server_url(key):
                _engines[key] = sa.create_engine(_pg_url(key), pool_pre_ping=True, pool_size=5, max_overflow=10)
            else:
                _engines[key] = _sqlite_engine(Path(key))
        return _engines[key]


def _alembic(conn: Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = conn
    return cfg


def _head() -> str:
    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def _known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions()}


def _migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision, in one transaction that holds the migration lock (SQLite's
    write lock, PostgreSQL's advisory lock) and reads the revision again inside it: two processes opening a
    new store at once never run the same migration twice. Stores made before Alembic are stamped first."""
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current == _head():
        return
    with engine.connect() as conn:
        conn.info["write"] = True
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})"))
            current = MigrationContext.configure(conn).get_current_revision()
            if current is not None and current not in _known_revisions():
                raise StoreError(f"its schema ({current}) is newer than this program's ({_head()}): upgrade it")
            if current is None and _legacy_version(conn):
                command.stamp(_alembic(conn), "0001")
            command.upgrade(_alembic(conn), "head")


def _legacy_version(conn: Connection) -> int:
    """A SQLite store from before Alembic (PRAGMA user_version 1 or 2), brought to revision 0001's shape."""
    if conn.dialect.name != "sqlite" or not sa.inspect(conn).has_table("reports"):
        return 0
    version = conn.exec_driver_sql("PRAGMA user_version").scalar()
    if version > 2:
        raise StoreError(f"its schema version {version} is newer than this program's: upgrade it")
    if version == 1:
        conn.exec_driver_sql("ALTER TABLE reports ADD COLUMN name TEXT")
    return version


def _create(path: Path) -> None:
    """A new SQLite store, made whole in a temporary file and then linked into place: the store file never
    exists half made, so an empty one can only be damage, and of two processes creating it the first wins."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.new")
    try:
        sqlite3.connect(tmp).close()  # the file, for mode=rw
        engine = _sqlite_engine(tmp)
        try:
            _migrate(engine)
        finally:
            engine.dispose()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process made it first: use theirs
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)


def _open(location: str | Path) -> Engine:
    """The engine of a usable, migrated store, or StoreError saying why not."""
    name = describe(location)
    if not is_server_url(location):
        path = Path(location)
        if not path.exists():
            _create(path)
        elif path.is_file() and path.stat().st_size == 0:
            raise StoreError(
                f"the store at {name} is empty (0 bytes) — was it truncated? Remove it to start a new store"
            )
    engine = _engine(location)
    if str(location) in _migrated:
        return engine
    try:
        _migrate(engine)
    except StoreError as exc:
        raise StoreError(f"cannot use the store at {name}: {exc}") from exc
    except sa.exc.OperationalError as exc:  # locked, unreadable, server unreachable: not damage
        raise StoreError(f"cannot open the store at {name}: {exc.orig}") from exc
    except sa.exc.DatabaseError as exc:  # not a database, malformed
        raise StoreError(f"the store at {name} is damaged: {exc.orig}") from exc
    _migrated.add(str(location))
    return engine


def release(location: str | Path) -> None:
    """Close every connection this process holds to a store and forget it was opened (before its file is
    moved, replaced or inspected by hand); the next Store() opens and checks it anew."""
    with _lock:
        engine = _engines.pop(str(location), None)
        _migrated.discard(str(location))
    if engine is not None:
        engine.dispose()
