"""`python -m dashboard ingest` and `watch`: per-item outcomes, idempotent, the store on disk."""

import subprocess
import sys

from dashboard.store import Store
from tests.conftest import ROOT, SEEDS


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
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
    proc = run("watch", "--db", str(tmp_path / "s.sqlite3"), "--once", str(inbox))
    assert proc.returncode == 0 and proc.stdout.startswith("ingested")


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
        proc = run("ingest", "--db", str(tmp_path / "s.sqlite3"), "--url", url)
    finally:
        server.shutdown()
    assert proc.returncode == 0 and proc.stdout.startswith(f"ingested  {url}")
    [report] = Store(tmp_path / "s.sqlite3").reports()
    assert report.url == url and report.title == "Clash near the temple"
