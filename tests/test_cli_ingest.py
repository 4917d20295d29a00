"""`python -m dashboard ingest` and `watch`: per-item outcomes, idempotent, the store on disk, store errors."""

import os
import subprocess
import sys
import time

import pytest
import sqlalchemy

from dashboard import ingest
from dashboard.__main__ import main
from dashboard.store import Store
from tests.conftest import ROOT, SEEDS


def run(*args, **env):
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env=os.environ | env,
    )


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
    (inbox / "b.txt").write_text("Just dropped, maybe still being written.")
    old = time.time() - 60
    os.utime(inbox / "a.txt", (old, old))  # moved in a minute ago: settled
    # settle 30 s: b.txt stays unsettled however slowly the command starts on a busy machine
    proc = run("watch", "--db", str(tmp_path / "s.sqlite3"), "--once", "--settle", "30", str(inbox))
    assert proc.returncode == 0 and proc.stdout.startswith("ingested") and "a.txt" in proc.stdout
    assert "b.txt" not in proc.stdout  # not settled yet: left for the next look


def test_ingest_a_url_served_locally(tmp_path):
    import http.server
    import threading
    from functools import partial

    (tmp_path / "page.html").write_text(
        "<html><head><title>Clash near the temple</title></head><body><article><p>Troops clashed near Ta Muen "
        "Thom temple in Surin province on Sunday, and at least 3 soldiers were injured, the army said.</p>"
        "</article></body></html>"
    )
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/page.html"
        refused = run("ingest", "--db", str(tmp_path / "s.sqlite3"), "--url", url)
        proc = run("ingest", "--db", str(tmp_path / "s.sqlite3"), "--url", url, BORDER_WATCH_ALLOW_PRIVATE_FETCH="1")
    finally:
        server.shutdown()
    assert refused.returncode == 1 and "refused: 127.0.0.1 is a loopback address" in refused.stdout
    assert proc.returncode == 0 and proc.stdout.startswith(f"ingested  {url}")
    [report] = Store(tmp_path / "s.sqlite3").reports()
    assert report.url == url and report.title == "Clash near the temple"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty (0 bytes) — was it truncated? Remove it to start a new store"),
        (b"not a database\n" * 500, "is damaged: file is not a database"),
    ],
    ids=["truncated", "garbage"],
)
@pytest.mark.parametrize("command", ["ingest", "watch"])
def test_a_damaged_store_is_a_clear_message_not_a_traceback(tmp_path, content, message, command):
    db = tmp_path / "s.sqlite3"
    db.write_bytes(content)
    args = [str(SEEDS)] if command == "ingest" else ["--once", str(tmp_path / "inbox")]
    proc = run(command, "--db", str(db), *args)
    assert proc.returncode == 2 and proc.stderr == f"error: the store at {db} {message}\n"
    assert db.read_bytes() == content  # left as it was


def test_a_store_error_stops_the_batch_after_printing_what_was_done(tmp_path, monkeypatch, capsys):
    db = tmp_path / "s.sqlite3"
    store = Store(db)
    store.engine.dispose()

    def small_disk(dbapi, _record):
        pages = dbapi.execute("PRAGMA page_count").fetchone()[0]
        dbapi.execute(f"PRAGMA max_page_count = {pages + 6}")  # fills up after a few reports

    sqlalchemy.event.listen(store.engine, "connect", small_disk)
    monkeypatch.setattr(ingest, "BATCH", 1)  # a transaction per report: some fit before the disk is full
    assert main(["ingest", "--db", str(db), str(SEEDS)]) == 2
    out, err = capsys.readouterr()
    done = out.count("ingested ")
    assert 0 < done < 5 and out.splitlines()[0].startswith("ingested  ")
    assert err == (
        f"error: the store at {db} failed: database or disk is full (OperationalError);"
        f" stopped after {done} ingested, 0 duplicate, 0 rejected\n"
    )


class Lines:
    """A stream's lines as they come, read by a thread; wait_for() a line containing a text."""

    def __init__(self, stream):
        import queue
        import threading

        self.seen: list[str] = []
        self._queue: queue.Queue = queue.Queue()
        threading.Thread(target=lambda: [self._queue.put(line) for line in stream], daemon=True).start()

    def wait_for(self, text: str, timeout: float = 120) -> str:
        import queue

        deadline = time.monotonic() + timeout
        while (line := next((x for x in self.seen if text in x), None)) is None:
            try:
                self.seen.append(self._queue.get(timeout=max(0.1, deadline - time.monotonic())))
            except queue.Empty:
                if time.monotonic() > deadline:
                    pytest.fail(f"no line with {text!r} in {timeout} s; saw: {self.seen}")
        return line


def test_watch_waits_out_a_database_outage_and_loses_no_file(tmp_path):
    """The PostgreSQL server stops while the watch runs: the watch logs why and keeps trying (no exit); a
    file dropped meanwhile is ingested once the server is back."""
    from tests import pg_support

    if not pg_support.available() or os.environ.get("BORDER_WATCH_TEST_PG"):
        pytest.skip("needs a PostgreSQL server of the test's own, to stop and start")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with pg_support.postgres_cluster() as pg:
        args = ["--interval", "0.2", "--settle", "0.5", "--sidecar-wait", "0", "--retry-max", "1"]
        proc = subprocess.Popen(
            [sys.executable, "-m", "dashboard", "watch", "--db", pg.url, *args, str(inbox)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=os.environ | {"PYTHONUNBUFFERED": "1"},
        )
        try:
            out, err = Lines(proc.stdout), Lines(proc.stderr)
            err.wait_for("watching")
            (inbox / "before.txt").write_text("Shelling in Surin province killed at least 4 civilians on Sunday.")
            out.wait_for("before.txt")
            pg.stop()
            (inbox / "during.txt").write_text("In Sisaket province at least 9 soldiers were wounded on Monday.")
            failed = err.wait_for("the store failed")
            assert "OperationalError" in failed and "looking again in" in failed
            err.wait_for("looking again in 1 s")  # the pauses grew to the cap, the watch still running
            assert proc.poll() is None
            pg.start()
            assert out.wait_for("during.txt").startswith("ingested")
            err.wait_for("the store is back")
        finally:
            proc.terminate()
            proc.wait(timeout=60)
        store = Store(pg.url)
        assert sorted(os.path.basename(r.path) for r in store.reports()) == ["before.txt", "during.txt"]
        store.engine.dispose()
