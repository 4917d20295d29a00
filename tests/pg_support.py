"""A throwaway PostgreSQL server for the store's tests: Debian's `postgresql` package, `initdb` into a
temporary folder, a free local port, run as the `postgres` system user when we are root (initdb refuses
root). `BORDER_WATCH_TEST_PG` (a postgresql:// URL) uses a server that is already running instead.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return versions[-1] if versions else None


def available() -> bool:
    return bool(os.environ.get("BORDER_WATCH_TEST_PG") or (_bin("initdb") and _bin("pg_ctl")))


def _as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A server of our own: its database's URL, and stop()/start() (same port, same data)."""

    def __init__(self, data: Path, options: str, log: Path, url: str):
        self.data, self.options, self.log, self.url = data, options, log, url

    def _ctl(self, *args: str, check: bool = True) -> None:
        cmd = _as_postgres([_bin("pg_ctl"), "-D", str(self.data), *args])
        subprocess.run(cmd, check=check, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> None:
        self._ctl("-o", self.options, "-l", str(self.log), "-w", "start")

    def stop(self, check: bool = True) -> None:
        self._ctl("-m", "immediate", "-w", "stop", check=check)


@contextmanager
def postgres_cluster() -> Iterator[Cluster]:
    """Start a server of our own (never the one of BORDER_WATCH_TEST_PG); yield it with an empty database
    `border_watch_test`; stop it and remove it."""
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if not (initdb and pg_ctl):
        raise RuntimeError("PostgreSQL is not installed: `apt-get install postgresql` (make test does it)")
    root = Path(tempfile.mkdtemp(prefix="bw-pg-"))
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
        root.chmod(0o755)
    port = _free_port()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "check": True}
    subprocess.run(_as_postgres([initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8"]), **quiet)
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
    cluster = Cluster(data, options, root / "server.log", f"postgresql://postgres@127.0.0.1:{port}/border_watch_test")
    cluster.start()
    try:
        import sqlalchemy as sa

        engine = sa.create_engine(_driver(cluster.url).rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(sa.text("CREATE DATABASE border_watch_test"))
        engine.dispose()
        yield cluster
    finally:
        cluster.stop(check=False)
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def postgres_server() -> Iterator[str]:
    """Start a server; yield the URL of an empty database `border_watch_test`; stop it and remove it."""
    if os.environ.get("BORDER_WATCH_TEST_PG"):
        yield os.environ["BORDER_WATCH_TEST_PG"]
        return
    with postgres_cluster() as cluster:
        yield cluster.url


def fresh_database(url: str, name: str) -> str:
    """A new empty database beside the one at `url`; its URL."""
    import sqlalchemy as sa

    admin = sa.create_engine(_driver(url).rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.rsplit("/", 1)[0] + f"/{name}"


def _driver(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)
