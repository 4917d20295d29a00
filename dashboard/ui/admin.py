"""Who is an admin, and the "Add report" panel shown only to one: paste text, upload a file, or give a URL.
`is_admin` asks for the token in the sidebar (a token anyone could guess is refused: the app stays read-only),
and `uploads_open` lets only an admin's session send files to Streamlit's upload endpoint (dashboard/uploadgate.py).
Every item is reported as ingested, duplicate or rejected with the reason; a store that fails says why, and
the pasted text stays in the box. `TokenGate` checks the admin token against a delay and a lockout that the
store keeps (every session, run and app process of one store shares them)."""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import re
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from dashboard import settings, uploadgate
from dashboard.pubdate import BOUND
from dashboard.store_open import failure_reason
from dashboard.summary import report_day
from dashboard.ui.cache import open_store
from dashboard.ui.safe import md_escape

if TYPE_CHECKING:  # the ingestion code is imported only when the panel is shown (to an admin)
    from dashboard.ingest import Outcome
    from dashboard.store import Store

logger = logging.getLogger("border_watch")
FIRST_DELAY_S = 0.5
MAX_DELAY_S = 8.0
WINDOW_S = 15 * 60  # wrong tokens count for 15 minutes
ADDRESS_LIMIT = 5  # wrong tokens from one address within the window: that address is locked out
GLOBAL_LIMIT = 20  # wrong tokens from all addresses within the window: everyone is locked out
MIN_TOKEN_LENGTH = 16
# Tokens from examples and habits: refused as configuration errors whatever their length.
PLACEHOLDERS = {
    "changeme",
    "secret",
    "password",
    "admin",
    "token",
    "admintoken",
    "test",
    "example",
    "yourtoken",
    "yoursecret",
    "replaceme",
    "letmein",
    "borderwatch",
    "alongrandomstring",
    "alongrandomtoken",
    "randomtoken",
}


def token_problem(token: str) -> str | None:
    """Why a configured admin token must not be used (a placeholder, too short, too plain); None if it may."""
    plain = re.sub(r"[^a-z0-9]", "", token.lower())
    if plain in PLACEHOLDERS or any(plain.startswith(p) for p in ("changeme", "replace", "your", "along")):
        return "it is a placeholder from an example"
    if re.search(r"\s", token):
        return "it contains spaces: a sentence, not a random token"
    if len(token) < MIN_TOKEN_LENGTH:
        return f"it is shorter than {MIN_TOKEN_LENGTH} characters"
    if len(set(token)) < 8:
        return "it has fewer than 8 different characters"
    return None


def token_delay(failures: int) -> float:
    """Seconds to wait before answering after the n-th wrong token in a row: 0.5, 1, 2, 4, 8, 8, ..."""
    return 0.0 if failures <= 0 else min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** (failures - 1))


def client_key(address: str | None) -> str:
    """What the store keeps of a client's address: a digest (no address is stored)."""
    return hashlib.sha256((address or "local").encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Verdict:
    admin: bool
    message: str | None = None  # what the panel says (a wrong token, a lockout, a store that failed)


def locked_until(mine: list[float], everyone: list[float]) -> tuple[float, str] | None:
    """When the lockout that the wrong tokens of the window (oldest first) make ends, and whose it is."""
    ends = []
    if len(mine) >= ADDRESS_LIMIT:
        ends.append((mine[-ADDRESS_LIMIT] + WINDOW_S, "from your address"))
    if len(everyone) >= GLOBAL_LIMIT:
        ends.append((everyone[-GLOBAL_LIMIT] + WINDOW_S, "from all addresses"))
    return max(ends) if ends else None


@dataclass
class TokenGate:
    """One session's admin-token checks. The count of wrong tokens lives in the store (Store.token_attempt),
    keyed by the client's address and overall, so new runs and new sessions neither skip the delay nor
    start it from zero. A wrong token is answered after a delay that doubles with each wrong token from the
    address within WINDOW_S (token_delay). ADDRESS_LIMIT wrong tokens from one address, or GLOBAL_LIMIT from
    all, lock the panel: every token, even the right one, is refused until the oldest of them is WINDOW_S
    old. Reruns with the same text in the box are not new guesses; a session that passed stays admin while
    the box holds the token."""

    passed: bytes = b""  # digest of the token this session passed with
    last: bytes = b""  # digest of the last text checked (not the text itself)
    last_verdict: Verdict = field(default_factory=lambda: Verdict(False))

    def check(
        self,
        entered: str,
        token: str,
        store: Store,
        client: str,
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], float] = time.time,
    ) -> Verdict:
        if not entered or not token:
            return Verdict(False)
        digest = hashlib.sha256(entered.encode()).digest()
        right = hmac.compare_digest(entered.encode(), token.encode())
        if right and digest == self.passed:
            return Verdict(True)
        if digest == self.last:
            return self.last_verdict
        at = now()

        def judge(mine: list[float], everyone: list[float]) -> tuple[tuple[Verdict, float], str | None]:
            lock = locked_until(mine, everyone)
            if lock and lock[0] > at:
                minutes = max(1, math.ceil((lock[0] - at) / 60))
                return (
                    Verdict(
                        False,
                        f"Too many wrong tokens {lock[1]}: the admin panel is locked for another "
                        f"{minutes} minute{'s' if minutes > 1 else ''}.",
                    ),
                    0.0,
                ), None
            if right:
                return (Verdict(True), 0.0), "passed"
            wait = token_delay(len(mine) + 1)
            left = ADDRESS_LIMIT - len(mine) - 1
            warning = (
                f"{left} more wrong token{'s' if left > 1 else ''} within {WINDOW_S // 60} minutes lock the panel."
                if left
                else f"The panel is now locked for {WINDOW_S // 60} minutes."
            )
            return (Verdict(False, f"Wrong token (answered after {wait:g} s). {warning}"), wait), "failed"

        try:
            verdict, wait = store.token_attempt(client, at, WINDOW_S, judge)
        except Exception as exc:
            reason = failure_reason(exc)
            if reason is None:
                raise
            return Verdict(False, f"The token cannot be checked: {reason}")  # not remembered: checked again
        sleep(wait)
        if verdict.admin:
            self.passed = digest
        elif wait:  # a wrong token, counted: the same text again is not another guess (a lockout is asked again)
            self.last, self.last_verdict = digest, verdict
        return verdict


LOG_KEY = "admin_log"
LOG_SIZE = 10


def _show(outcomes: list[Outcome], store: Store | None = None) -> None:
    """Keep what happened to each item, with the date a stored report counts from, how that date was found and
    a link to the page as of it (a report dated before or after the page being viewed is not on it); the
    panel shows the newest LOG_SIZE until the session ends."""
    log = st.session_state.setdefault(LOG_KEY, [])
    for o in outcomes:
        message = f"{o.status}: {md_escape(o.source)}" + (f" — {md_escape(o.reason)}" if o.reason else "")
        report = store.report(o.report_id) if store is not None and o.report_id else None
        if report is not None:
            day = report.counts_from
            bound = report.dated_by == BOUND
            when = f"{day:%-d %b %Y} (written by then, from its text)" if bound else report_day(report)
            message += f" · counts from {md_escape(when)}"
            if day:
                message += f" · [show the page as of {day:%-d %b %Y}](?asof={day.isoformat()})"
        log.insert(0, (o.status, message))
    del log[LOG_SIZE:]


def _show_log() -> None:
    for status, message in st.session_state.get(LOG_KEY, []):
        (st.success if status == "ingested" else st.info if status == "duplicate" else st.error)(message)


def _store_failed(exc: Exception, kept: str) -> None:
    """A store that failed during a write: its reason, and what was kept; anything else is not ours."""
    reason = failure_reason(exc)
    if reason is None:
        raise exc
    st.error(f"Nothing was stored: {reason}. {kept}")


def _add_pasted(open_store: Callable[[], Store]) -> None:
    """The paste form's callback (runs before the script, so it may empty the box): the text is stored, and the
    box emptied, only if the store took it; if the store fails, the text stays in the box with the reason."""
    from dashboard.ingest import ingest_text

    state = st.session_state
    published = state.get("paste_published")
    try:
        with closing(open_store()) as store:
            outcome = ingest_text(
                store,
                state.get("paste_text", ""),
                "pasted text",
                outlet=state.get("paste_outlet") or None,
                url=state.get("paste_link") or None,
                published=published if isinstance(published, date) else None,
            )
            _show([outcome], store)
    except Exception as exc:
        if failure_reason(exc) is None:
            raise
        state["paste_result"] = exc
        return
    if outcome.status != "rejected":
        for key in ("paste_text", "paste_outlet", "paste_link"):
            state[key] = ""
        state["paste_published"] = None


def add_report_panel(open_store: Callable[[], Store]) -> None:
    from dashboard.ingest import ACCEPTED, ingest_upload, ingest_url
    from dashboard.read import MAX_BYTES

    st.subheader("Add report")
    paste, upload, url = st.tabs(["Paste", "Upload", "URL"])
    with paste, st.form("add_text"):
        st.text_area("Report text", key="paste_text")
        st.text_input("Outlet", key="paste_outlet")
        st.text_input("Link (http/https)", key="paste_link")
        st.date_input("Published", value=None, key="paste_published")
        st.form_submit_button("Add", on_click=_add_pasted, args=(open_store,))
        result = st.session_state.pop("paste_result", None)
        if isinstance(result, Exception):
            _store_failed(result, "The text is still in the box: add it again when the store works.")
    with upload, st.form("add_file", clear_on_submit=True):
        files = st.file_uploader(
            "Files",
            type=[s.lstrip(".") for s in ACCEPTED],
            accept_multiple_files=True,
            max_upload_size=max(1, MAX_BYTES // 1_000_000),
        )
        if st.form_submit_button("Add"):
            try:
                with closing(open_store()) as store:
                    _show([o for f in files or [] for o in ingest_upload(store, f.name, f.getvalue())], store)
            except Exception as exc:
                _store_failed(exc, "Upload the files again when the store works.")
    with url, st.form("add_url", clear_on_submit=True):
        address = st.text_input("Page or feed URL")
        if st.form_submit_button("Fetch and add") and address:
            try:
                with closing(open_store()) as store:
                    _show(ingest_url(store, address.strip()), store)
            except Exception as exc:
                _store_failed(exc, f"Give the URL again when the store works: {address.strip()}")
    _show_log()


# --- who is an admin -----------------------------------------------------------------------------------


def admin_token() -> str:
    try:
        secret = st.secrets.get("admin_token", "")
    except Exception:  # no secrets file: Streamlit raises its own not-found error
        secret = ""
    return str(secret or settings.get("admin_token"))


def client_address() -> str | None:
    """The visitor's address, for the admin-token lockout: behind the deployment's nginx (trust_proxy) the
    X-Real-IP header it sets (a visitor cannot choose it: nginx overwrites it), else the connection's."""
    address = st.context.ip_address
    if settings.get("trust_proxy") == "1":
        address = st.context.headers.get("X-Real-Ip") or address
    return address if isinstance(address, str) else None  # None: localhost (or a test without a connection)


def is_admin() -> bool:
    token = admin_token()
    if not token:
        return False
    with st.sidebar.expander("Admin"):
        problem = token_problem(token)
        if problem:  # a token anyone could guess: no panel, and the operator is told why
            logger.error("the admin token is refused: %s", problem)
            st.error(f"The configured admin token is refused ({problem}): the app is read-only. Set a random token.")
            return False
        entered = st.text_input("Admin token", type="password", key="admin_token")
        gate = st.session_state.setdefault("admin_gate", TokenGate())
        with closing(open_store()) as store:
            verdict = gate.check(entered, token, store, client_key(client_address()))
        if verdict.message:
            st.error(verdict.message)
    return verdict.admin


def uploads_open(admin: bool) -> None:
    """Only a session with the admin panel unlocked may send files to Streamlit's upload endpoint (the
    uploader is in that panel); dashboard/server.py refuses the others' (dashboard/uploadgate.py)."""
    ctx = get_script_run_ctx()
    if ctx is not None:
        (uploadgate.allow if admin else uploadgate.forbid)(ctx.session_id)
