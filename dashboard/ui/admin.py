"""The "Add report" panel, shown only to an admin (app.is_admin): paste text, upload a file, or give a URL.
Every item is reported as ingested, duplicate or rejected with the reason. `TokenGate` checks the admin
token, answering each new wrong guess more slowly."""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:  # the ingestion code is imported only when the panel is shown (to an admin)
    from dashboard.ingest import Outcome
    from dashboard.store import Store

FIRST_DELAY_S = 0.5
MAX_DELAY_S = 8.0


def token_delay(failures: int) -> float:
    """Seconds to wait before answering after the n-th wrong token in a row: 0.5, 1, 2, 4, 8, 8, ..."""
    return 0.0 if failures <= 0 else min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** (failures - 1))


@dataclass
class TokenGate:
    """One visitor's admin-token checks (keep one per session). A wrong token is answered after a delay that
    doubles with each wrong guess in a row (token_delay); the right one resets the count. Reruns of the page
    with the same wrong text in the box are not new guesses: they neither count nor wait."""

    failures: int = 0
    last_wrong: bytes = b""  # digest of the last wrong guess, not the guess itself

    def check(self, entered: str, token: str, sleep: Callable[[float], None] = time.sleep) -> bool:
        if not entered or not token:
            return False
        if hmac.compare_digest(entered.encode(), token.encode()):
            self.failures, self.last_wrong = 0, b""
            return True
        digest = hashlib.sha256(entered.encode()).digest()
        if digest != self.last_wrong:
            self.failures += 1
            self.last_wrong = digest
            sleep(token_delay(self.failures))
        return False


def _show(outcomes: list[Outcome]) -> None:
    for o in outcomes:
        message = f"{o.status}: {o.source}" + (f" — {o.reason}" if o.reason else "")
        (st.success if o.status == "ingested" else st.info if o.status == "duplicate" else st.error)(message)


def add_report_panel(open_store: Callable[[], Store]) -> None:
    from dashboard.ingest import ACCEPTED, ingest_text, ingest_upload, ingest_url
    from dashboard.read import MAX_BYTES

    st.subheader("Add report")
    paste, upload, url = st.tabs(["Paste", "Upload", "URL"])
    with paste, st.form("add_text", clear_on_submit=True):
        text = st.text_area("Report text")
        outlet = st.text_input("Outlet")
        link = st.text_input("Link (http/https)")
        published = st.date_input("Published", value=None)
        if st.form_submit_button("Add"):
            with closing(open_store()) as store:
                _show(
                    [
                        ingest_text(
                            store,
                            text,
                            "pasted text",
                            outlet=outlet or None,
                            url=link or None,
                            published=published if isinstance(published, date) else None,
                        )
                    ]
                )
    with upload, st.form("add_file", clear_on_submit=True):
        files = st.file_uploader(
            "Files",
            type=[s.lstrip(".") for s in ACCEPTED],
            accept_multiple_files=True,
            max_upload_size=max(1, MAX_BYTES // 1_000_000),
        )
        if st.form_submit_button("Add"):
            with closing(open_store()) as store:
                _show([o for f in files or [] for o in ingest_upload(store, f.name, f.getvalue())])
    with url, st.form("add_url", clear_on_submit=True):
        address = st.text_input("Page or feed URL")
        if st.form_submit_button("Fetch and add") and address:
            with closing(open_store()) as store:
                _show(ingest_url(store, address.strip()))
