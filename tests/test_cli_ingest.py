"""`python -m dashboard ingest` and `watch`: per-item outcomes, idempotent, the store on disk."""

import subprocess
import sys

from dashboard.store import Store
from tests.conftest import ROOT, SEEDS


def run(*args):
    return subprocess.run([sys.executable, "-m", "dashboard", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)


def test_ingest_reports_each_item_and_is_idempotent(tmp_path):
    db = tmp_path / "s.sqlite3"
    (tmp_path / "bad.txt").write_bytes(b"\x00binary")
    first = run("ingest", "--db", str(db), str(SEEDS), str(tmp_path / "bad.txt"))
    assert first.returncode == 0, first.stderr
    assert first.stdout.count("ingested ") == 5 and "rejected  " in first.stdout and "binary" in first.stdout
    assert "5 ingested, 0 duplicate, 1 rejected" in first.stdout
    second = run("ingest", "--db", str(db), str(SEEDS))
    assert "0 ingested, 5 duplicate, 0 rejected" in second.stdout
    assert Store(db).count() == 5


def test_ingest_needs_something_to_ingest(tmp_path):
    proc = run("ingest", "--db", str(tmp_path / "s.sqlite3"))
    assert proc.returncode == 2 and "needs a PATH or --url" in proc.stderr


def test_watch_once_ingests_the_inbox(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("At least 5 soldiers were injured near Chong Chom checkpoint on Monday.")
    proc = run("watch", "--db", str(tmp_path / "s.sqlite3"), "--once", str(inbox))
    assert proc.returncode == 0 and proc.stdout.startswith("ingested")
