"""Report text is untrusted: helpers to show it as text, never as markup or a script."""

from __future__ import annotations

import html
import re
from urllib.parse import urlparse

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md_escape(text: str) -> str:
    """Text that Streamlit's markdown shows literally (no links, emphasis, HTML or LaTeX)."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)).replace("\n", " ")


def safe_url(url: str | None) -> str | None:
    """The URL if it is an http(s) link with a host, else None (no javascript:, data: ...)."""
    if not url:
        return None
    parsed = urlparse(url.strip())
    return url.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None


def escape(text: str) -> str:
    """For HTML (map tooltips and popups)."""
    return html.escape(text, quote=True)
