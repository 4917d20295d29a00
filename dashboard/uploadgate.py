"""Streamlit's upload endpoint (`PUT /_stcore/upload_file/<session>/<file>`) stores a file in memory for any
live session, under any file id, whether or not an uploader is on that session's page; the files stay until
the session ends. Only the admin panel has an uploader, so only a session whose admin panel is unlocked may
upload: the app's script allows its session (`allow`), and `UploadGate`, an ASGI middleware that
`dashboard/server.py` puts in front of Streamlit, refuses every other upload with 403 before its body is read.
"""

from __future__ import annotations

import re
import threading

_UPLOAD = re.compile(r"/_stcore/upload_file/([^/]+)/")
_allowed: set[str] = set()
_lock = threading.Lock()


def allow(session_id: str) -> None:
    with _lock:
        _allowed.add(session_id)


def forbid(session_id: str) -> None:
    with _lock:
        _allowed.discard(session_id)


def allowed(session_id: str) -> bool:
    with _lock:
        return session_id in _allowed


def upload_session(path: str) -> str | None:
    """The session an upload request's path names; None if the path is not the upload endpoint."""
    m = _UPLOAD.search(path)
    return m.group(1) if m else None


class UploadGate:
    """ASGI middleware: an upload (PUT) for a session that is not allowed gets 403, its body unread."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope.get("method") == "PUT":
            session = upload_session(scope.get("path", ""))
            if session is not None and not allowed(session):
                from starlette.responses import PlainTextResponse

                response = PlainTextResponse("Uploads are open only to the admin panel.", status_code=403)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
