"""What a visitor without the admin token can reach, and how wrong tokens are answered: a delay and a lockout
kept in the store, so that new runs, new sessions and other app processes share them."""

import re
import tomllib

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.read import MAX_BYTES
from dashboard.store import Store
from dashboard.ui.admin import (
    ADDRESS_LIMIT,
    GLOBAL_LIMIT,
    MAX_DELAY_S,
    WINDOW_S,
    TokenGate,
    client_key,
    token_delay,
    token_problem,
)
from tests.conftest import ROOT

APP = str(ROOT / "dashboard" / "app.py")
TOKEN = "k7Qe2Xv9Lp4Rz8Tw"


def test_the_upload_endpoint_takes_no_more_than_a_report():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    limit_mb = config["server"]["maxUploadSize"]
    assert limit_mb == 2 and limit_mb * 1024 * 1024 >= MAX_BYTES


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("BORDER_WATCH_DB", str(tmp_path / "store.sqlite3"))
    monkeypatch.delenv("BORDER_WATCH_ADMIN_TOKEN", raising=False)

    def run(token=None, entered=None):
        if token:
            monkeypatch.setenv("BORDER_WATCH_ADMIN_TOKEN", token)
        at = AppTest.from_file(APP, default_timeout=60)
        at.run()
        if entered is not None:
            at.text_input(key="admin_token").input(entered).run()
        assert not at.exception, at.exception
        return at

    return run


def uploaders(at):
    return at.get("file_uploader")


def test_a_visitor_without_the_token_has_no_upload_widget(app):
    assert uploaders(app()) == []  # no token configured: read-only
    assert uploaders(app(token=TOKEN)) == []  # a token configured, not entered
    assert uploaders(app(token=TOKEN, entered="guess")) == []


def test_the_admin_has_the_upload_widget(app):
    assert len(uploaders(app(token=TOKEN, entered=TOKEN))) == 1


def test_a_wrong_token_says_so_with_its_delay(app):
    at = app(token=TOKEN, entered="guess")
    assert [e.value for e in at.error] == [
        f"Wrong token (answered after 0.5 s). {ADDRESS_LIMIT - 1} more wrong tokens within 15 minutes lock the panel."
    ]


@pytest.mark.parametrize(
    "token",
    ["change-me", "CHANGEME", "s3cret", "a-long-random-string", "aaaaaaaaaaaaaaaaaaaa", "PASTE THE OUTPUT OF: openssl"],
)
def test_a_placeholder_or_short_token_is_refused_as_a_configuration_error(app, token):
    at = app(token=token)
    assert token_problem(token)
    assert [t for t in at.text_input if t.key == "admin_token"] == []  # no box to type into: read-only
    assert any("admin token is refused" in e.value for e in at.error)


def test_a_random_token_is_accepted():
    assert token_problem("3f9c1a7e0b5d42c8e6f1a9b3") is None and token_problem(TOKEN) is None


def test_no_document_shows_a_usable_token():
    shown = []
    for doc in [ROOT / "README.md", *(ROOT / "docs").glob("*.md"), ROOT / "docker-compose.yml"]:
        text = doc.read_text()
        shown += re.findall(r"ADMIN_TOKEN[=:]\s*\"?([^\s$\"{}-][^\s\"]*)", text)  # not a shell expansion
        shown += re.findall(r"admin_token\s*=\s*\"([^\"]*)\"", text)
    assert shown and all(token_problem(t) for t in shown), shown


class Clock:
    def __init__(self):
        self.now, self.waits = 1_000_000.0, []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds


@pytest.fixture
def store(store_location):
    return Store(store_location)


def guess(store, clock, entered, client="203.0.113.7", gate=None):
    """One check from a new session (a new gate) unless a gate is given."""
    return (gate or TokenGate()).check(entered, TOKEN, store, client_key(client), clock.sleep, clock)


def test_wrong_tokens_wait_longer_each_time_even_from_new_sessions(store):
    assert [token_delay(n) for n in range(1, 8)] == [0.5, 1, 2, 4, 8, 8, 8] and MAX_DELAY_S == 8
    clock = Clock()
    for n in range(ADDRESS_LIMIT - 1):
        assert not guess(store, clock, f"guess {n}").admin  # each guess a new session: the count is the store's
    assert clock.waits == [0.5, 1, 2, 4]


def test_an_address_is_locked_out_even_with_the_right_token_until_the_window_ends(store):
    clock = Clock()
    for n in range(ADDRESS_LIMIT):
        guess(store, clock, f"guess {n}")
    clock.waits.clear()
    locked = guess(store, clock, TOKEN)
    assert not locked.admin and clock.waits == [0.0]
    assert "locked for another 15 minutes" in locked.message and "from your address" in locked.message
    assert guess(store, clock, TOKEN, client="198.51.100.2").admin  # another address is not locked
    assert not guess(store, clock, "more", client="203.0.113.7").admin  # a guess while locked is not counted
    clock.now += WINDOW_S - 60
    assert "locked for another 1 minute." in guess(store, clock, TOKEN).message
    clock.now += 61
    assert guess(store, clock, TOKEN).admin


def test_wrong_tokens_from_many_addresses_lock_everyone_out(store):
    clock = Clock()
    for n in range(GLOBAL_LIMIT):
        guess(store, clock, "wrong", client=f"192.0.2.{n}")
    verdict = guess(store, clock, TOKEN, client="198.51.100.9")
    assert not verdict.admin and "from all addresses" in verdict.message


def test_the_lockout_is_shared_by_app_processes_of_one_store(store_location):
    from dashboard.store import release

    clock = Clock()
    for n in range(ADDRESS_LIMIT):
        guess(Store(store_location), clock, f"guess {n}")
        release(store_location)  # the next guess comes from a process that opens the store anew
    assert not guess(Store(store_location), clock, TOKEN).admin


def test_a_rerun_with_the_same_wrong_token_is_not_another_guess(store):
    clock, gate = Clock(), TokenGate()
    for _ in range(3):  # the page reruns (a click on the map) with "a" still in the box
        assert not guess(store, clock, "a", gate=gate).admin
    assert clock.waits == [0.5]


def test_the_right_token_passes_at_once_and_resets_the_address_count(store):
    clock = Clock()
    guess(store, clock, "a")
    guess(store, clock, "b")
    assert guess(store, clock, TOKEN).admin and clock.waits == [0.5, 1, 0.0]
    assert not guess(store, clock, "a").admin and clock.waits[-1] == 0.5


@pytest.mark.parametrize(("entered", "token"), [("", TOKEN), ("", ""), ("x", "")])
def test_nothing_entered_or_no_token_is_never_admin_and_never_waits(tmp_path, entered, token):
    clock = Clock()
    store = Store(tmp_path / "s.sqlite3")
    assert not TokenGate().check(entered, token, store, "k", clock.sleep, clock).admin and clock.waits == []
