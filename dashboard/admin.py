"""The "Add report" panel, shown only to an admin (app.is_admin): paste text, upload a file, or give a URL.
Every item is reported as ingested, duplicate or rejected with the reason."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from datetime import date

import streamlit as st

from dashboard.ingest import MAX_BYTES
from dashboard.intake import ACCEPTED, Outcome, ingest_text, ingest_upload, ingest_url
from dashboard.store import Store


def _show(outcomes: list[Outcome]) -> None:
    for o in outcomes:
        message = f"{o.status}: {o.source}" + (f" — {o.reason}" if o.reason else "")
        (st.success if o.status == "ingested" else st.info if o.status == "duplicate" else st.error)(message)


def add_report_panel(open_store: Callable[[], Store]) -> None:
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
