"""The app's settings in one declarative table: name, environment variable, default, meaning.

Each is read from the environment. In a deployment, Streamlit puts every top-level secret into the
environment under its own name, so `BORDER_WATCH_DB = "postgresql://…"` in the app's secrets sets the store
(and the app also reads `admin_token` from `st.secrets`). The README lists them all and a test checks
that none is undocumented.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = next((p for p in (Path.cwd() / "seeds", ROOT / "seeds") if p.is_dir()), Path("seeds"))


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


SETTINGS = (
    Setting(
        "reports",
        "BORDER_WATCH_REPORTS",
        str(SEEDS),
        "folders or files of reports the app reads, separated by the OS path separator",
    ),
    Setting(
        "as_of",
        "BORDER_WATCH_AS_OF",
        "",
        "the default as-of date (YYYY-MM-DD): the app shows what reports known that day say; empty: the newest"
        " day a report counts from",
    ),
    Setting(
        "db",
        "BORDER_WATCH_DB",
        "data/border_watch.sqlite3",
        "the store: a SQLite file (created on first run) or a postgresql:// URL; the reports setting is loaded"
        " into it when it is empty",
    ),
    Setting(
        "admin_token",
        "BORDER_WATCH_ADMIN_TOKEN",
        "",
        "the token that shows the app's 'Add report' panel: at least 16 characters, random (`openssl rand -hex"
        " 24`); a placeholder or a short token is refused as a configuration error; empty: the app is read-only"
        " for everyone",
    ),
    Setting(
        "trust_proxy",
        "BORDER_WATCH_TRUST_PROXY",
        "",
        "1: the app is reached only through the deployment's nginx (deploy/nginx.conf), and a visitor's address"
        " (what the admin-token lockout counts by) is the X-Real-IP header nginx sets; empty: the address of"
        " the connection",
    ),
    Setting(
        "refresh_s", "BORDER_WATCH_REFRESH_S", "4", "how often (seconds) open pages check the store for new reports"
    ),
    Setting(
        "allow_private_fetch",
        "BORDER_WATCH_ALLOW_PRIVATE_FETCH",
        "",
        "1: URLs may be fetched from loopback, private, link-local and other non-public addresses (a local"
        " test server); empty: only public addresses are fetched",
    ),
)


def get(name: str) -> str:
    setting = next(s for s in SETTINGS if s.name == name)
    return os.environ.get(setting.env, setting.default)


def report_paths() -> list[Path]:
    return [Path(p) for p in get("reports").split(os.pathsep) if p]
