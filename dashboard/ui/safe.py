"""Report text and metadata are untrusted: helpers to show them as text, never as markup, a script or a
request to another host.

Links are rebuilt from their parsed parts (scheme, host, port, path, query, fragment), each re-encoded,
so no character of the original can end a markdown link or an HTML attribute early.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

from dashboard.untrusted import strip_invisible

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:@=])")
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.?$")
# Characters kept as they are in a path, query or fragment: RFC 3986's unreserved and sub-delimiters, less
# those that markdown or HTML give a meaning to ( ) ' " < > [ ] and space; '%' keeps existing escapes.
_PATH_SAFE = "/%:@!$&*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"


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


def _host(hostname: str) -> str | None:
    try:
        ascii_host = hostname.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    if _HOST.match(ascii_host):
        return ascii_host
    if re.fullmatch(r"[0-9a-f:.]+", ascii_host) and ":" in ascii_host:  # IPv6 literal
        return f"[{ascii_host}]"
    return None


def safe_url(url: object) -> str | None:
    """An http(s) URL rebuilt from its re-encoded parts, or None (no javascript:, data:, no host, no text)."""
    if not isinstance(url, str) or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = _host(parts.hostname)
    if host is None:
        return None
    out = f"{parts.scheme.lower()}://{host}" + (f":{port}" if port else "")
    out += quote(parts.path, safe=_PATH_SAFE) or "/"
    if parts.query:
        out += "?" + quote(parts.query, safe=_QUERY_SAFE)
    if parts.fragment:
        out += "#" + quote(parts.fragment, safe=_QUERY_SAFE)
    return out


def url_host(url: object) -> str | None:
    """The host of a safe link ('www.' dropped): a name for a report's outlet when the sidecar has none."""
    safe = safe_url(url)
    if safe is None:
        return None
    host = urlsplit(safe).hostname or ""
    return host.removeprefix("www.") or None


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
