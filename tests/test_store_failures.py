"""A store that fails after the app opened it (a damaged SQLite file, a PostgreSQL server that stopped, a full
disk during an admin's paste): the page says what failed, not Streamlit's bare "This app has encountered an
error", and a pasted text stays in its box."""

import sqlite3

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from dashboard.store import Store, release
from tests.conftest import ROOT

APP = str(ROOT / "dashboard" / "app.py")
TOKEN = "k7Qe2Xv9Lp4Rz8Tw"
PASTE = "Shells fell near a school in Surin province on Monday, wounding 2 villagers, the district chief said."


def errors(at) -> str:
    return " | ".join(e.value for e in at.error)


def first_run(db, monkeypatch, admin=False) -> AppTest:
    monkeypatch.setenv("BORDER_WATCH_DB", str(db))
    monkeypatch.delenv("BORDER_WATCH_ADMIN_TOKEN", raising=False)
    at = AppTest.from_file(APP, default_timeout=90)
    if admin:
        at.secrets["admin_token"] = TOKEN
        at.session_state["admin_token"] = TOKEN
    at.run()
    assert not at.exception and not at.error, (at.exception, errors(at))
    return at


def test_a_full_disk_during_a_paste_says_so_and_keeps_the_text(tmp_path, monkeypatch):
    at = first_run(tmp_path / "store.sqlite3", monkeypatch, admin=True)

    def full(*args, **kwargs):
        raise sa.exc.OperationalError("INSERT INTO reports", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(Store, "add_many", full)
    at.text_area(key="paste_text").input(PASTE)
    at.button[0].click()
    at.run()
    assert not at.exception, at.exception
    assert "Nothing was stored: the store failed: database or disk is full" in errors(at)
    assert at.text_area(key="paste_text").value == PASTE  # still in the box
    monkeypatch.undo()  # the disk has room again: the same text goes in, and the box empties
    monkeypatch.setenv("BORDER_WATCH_DB", str(tmp_path / "store.sqlite3"))
    at.button[0].click()
    at.run()
    assert any("ingested" in s.value for s in at.success) and at.text_area(key="paste_text").value == ""


def test_a_sqlite_file_damaged_while_the_app_runs_shows_why(tmp_path, monkeypatch):
    db = tmp_path / "store.sqlite3"
    at = first_run(db, monkeypatch)
    with sqlite3.connect(db) as conn:  # everything written so far into the main file (WAL mode), then damaged
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    data[100 : len(data) - 4096] = b"\x5a" * (len(data) - 4096 - 100)  # pages in the middle overwritten
    db.write_bytes(bytes(data))
    at.run()
    assert not at.exception, at.exception
    assert "malformed" in errors(at) or "not a database" in errors(at), errors(at)
    release(db)


def test_a_postgresql_server_stopped_after_the_app_opened_the_store_shows_why(monkeypatch):
    from tests import pg_support

    if not pg_support.available():
        pytest.skip("PostgreSQL is not installed (make test installs it)")
    with pg_support.postgres_server() as url:
        at = first_run(url, monkeypatch)
    at.run()  # the server is gone
    assert not at.exception, at.exception
    assert "The reports cannot be shown: " in errors(at) and "refused" in errors(at).lower(), errors(at)
    release(url)


def test_a_pasted_report_stays_confirmed_with_its_date_how_it_was_found_and_a_link(tmp_path, monkeypatch):
    at = first_run(tmp_path / "store.sqlite3", monkeypatch, admin=True)
    at.text_area(key="paste_text").input("BANGKOK, Dec 9 (Wire) - " + PASTE)
    at.button[0].click()
    at.run()
    [done] = [s.value for s in at.success if "ingested" in s.value]
    assert "9 Dec 2025, from its dateline" in done and "(?asof=2025-12-09)" in done
    at.run()  # the next run (a refresh) still shows it
    assert any("from its dateline" in s.value for s in at.success)
