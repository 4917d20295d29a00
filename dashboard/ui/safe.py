"""Report text and metadata are untrusted: helpers to show them as text, never as markup, a script or a
request to another host.

Links are rebuilt from their parsed parts (dashboard.untrusted.safe_url), so no character of the original can
end a markdown link or an HTML attribute early.
"""

from __future__ import annotations

import html
import re

from dashboard.untrusted import safe_url, strip_invisible, url_host  # noqa: F401 (the views' names)

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:@=])")


# Streamlit's markdown turns www.…, scheme:// and e-mail addresses in text into links after escapes are read;
# an invisible word joiner (U+2060) inside each keeps them text.
_AUTOLINK = re.compile(r"(?i)\b(www)(\.)|(:)(//)|(@)")


def _no_autolink(m: re.Match) -> str:
    if m.group(1):
        return f"{m.group(1)}\u2060{m.group(2)}"
    if m.group(3):
        return f"{m.group(3)}\u2060{m.group(4)}"
    return "\u2060@"


def md_escape(text: str) -> str:
    """Text that Streamlit's markdown shows literally (no links, autolinks, emphasis, HTML or LaTeX), without
    direction overrides or zero-width characters (a store may hold them from before they were stripped)."""
    text = _AUTOLINK.sub(_no_autolink, strip_invisible(str(text)))
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)).replace("\n", " ")


def md_link(text: str, url: object) -> str:
    """A markdown link with escaped text and a rebuilt URL; just the escaped text when the URL is not safe."""
    safe = safe_url(url)
    return f"[{md_escape(text)}]({safe})" if safe else md_escape(text)


def escape(text: str) -> str:
    """For HTML (map tooltips and popups, chart labels), without direction overrides or zero-width characters."""
    return html.escape(strip_invisible(str(text)), quote=True)


LINK_VALUE_SHOWN = 80  # characters of a link's value a notice repeats


def link_value(value: object) -> str:
    """A value taken from a link (the URL anyone can write), for a notice: between quotes, shortened, shown
    literally (never bold, a link or an image). Every notice about a link's value goes through it."""
    text = strip_invisible(str(value))
    if len(text) > LINK_VALUE_SHOWN:
        text = text[:LINK_VALUE_SHOWN] + "…"
    return f"“{md_escape(text)}”"
