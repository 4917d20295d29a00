"""The app as served: `streamlit run dashboard/server.py` (Makefile, Dockerfile). It runs dashboard/app.py
through Streamlit's ASGI app (st.App) with one middleware in front: `UploadGate`, which refuses files sent to
Streamlit's upload endpoint by any session whose admin panel is not unlocked (dashboard/uploadgate.py)."""

from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

from dashboard.uploadgate import UploadGate

app = st.App(Path(__file__).resolve().parent / "app.py", middleware=[Middleware(UploadGate)])
