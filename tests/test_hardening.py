"""What a visitor without the admin token can reach, and how wrong tokens are answered."""

import tomllib

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.read import MAX_BYTES
from dashboard.ui.admin import MAX_DELAY_S, TokenGate, token_delay
from tests.conftest import ROOT

APP = str(ROOT / "dashboard" / "app.py")


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
    assert uploaders(app(token="s3cret")) == []  # a token configured, not entered
    assert uploaders(app(token="s3cret", entered="guess")) == []


def test_the_admin_has_the_upload_widget(app):
    assert len(uploaders(app(token="s3cret", entered="s3cret"))) == 1


def test_wrong_tokens_wait_longer_each_time_up_to_a_limit():
    assert [token_delay(n) for n in range(1, 8)] == [0.5, 1, 2, 4, 8, 8, 8] and MAX_DELAY_S == 8
    gate, waits = TokenGate(), []
    assert [gate.check(guess, "s3cret", waits.append) for guess in ("a", "b", "c")] == [False] * 3
    assert waits == [0.5, 1, 2]


def test_a_rerun_with_the_same_wrong_token_is_not_another_guess():
    gate, waits = TokenGate(), []
    for _ in range(3):  # the page reruns (a click on the map) with "a" still in the box
        assert not gate.check("a", "s3cret", waits.append)
    assert waits == [0.5] and gate.failures == 1


def test_the_right_token_passes_at_once_and_resets_the_count():
    gate, waits = TokenGate(), []
    gate.check("a", "s3cret", waits.append)
    gate.check("b", "s3cret", waits.append)
    assert gate.check("s3cret", "s3cret", waits.append) and waits == [0.5, 1] and gate.failures == 0
    assert not gate.check("a", "s3cret", waits.append) and waits == [0.5, 1, 0.5]


@pytest.mark.parametrize(("entered", "token"), [("", "s3cret"), ("", ""), ("x", "")])
def test_nothing_entered_or_no_token_is_never_admin_and_never_waits(entered, token):
    waits = []
    assert not TokenGate().check(entered, token, waits.append) and waits == []
