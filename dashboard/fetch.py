"""Fetching a URL without letting it reach inside: every address a host resolves to — for the URL and for
each redirect — must be public (no loopback, private, link-local/metadata, multicast, reserved or
unspecified address) unless the `allow_private_fetch` setting says otherwise; the connection goes to the
address that was checked (no DNS rebinding); one deadline bounds the whole fetch however slowly the server
sends, and the body is refused as soon as it passes the size cap.

Plain `http.client` (no proxy from the environment can bypass the check), redirects followed here.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from string import punctuation
from urllib.parse import quote, urljoin, urlsplit

from dashboard import settings
from dashboard.read import ReportError

DEADLINE_S = 20.0  # for the whole fetch: name lookups, connections, redirects and the body
MAX_REDIRECTS = 5
REDIRECTS = {301, 302, 303, 307, 308}
USER_AGENT = "BorderWatch/0.1 (report ingestion)"
CHUNK = 65_536
ALLOW_HINT = "set BORDER_WATCH_ALLOW_PRIVATE_FETCH=1 to allow it"


class FetchError(ReportError):
    """A URL that could not or may not be fetched; the message says why."""


def private_fetch_allowed() -> bool:
    return settings.get("allow_private_fetch").strip().lower() in ("1", "true", "yes", "on")


def refusal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """What kind of non-public address this is ("loopback", "private", ...), or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    for kind in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):  # narrowest first
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if address.is_global else "non-public"


def resolve(host: str, port: int, allow_private: bool, timeout: float = DEADLINE_S) -> list[str]:
    """The addresses of a host, each checked: FetchError if any is not public (unless allowed)."""
    found: list = []
    lookup = threading.Thread(  # getaddrinfo has no timeout of its own: wait for it at most `timeout`
        target=lambda: found.append(_getaddrinfo(host, port)), daemon=True
    )
    lookup.start()
    lookup.join(timeout)
    if not found:
        raise FetchError(f"timed out looking up {host}")
    if isinstance(found[0], OSError):
        raise FetchError(f"could not look up {host}: {found[0]}")
    addresses = list(dict.fromkeys(info[4][0] for info in found[0]))
    for address in addresses:
        kind = refusal(ipaddress.ip_address(address))
        if kind and not allow_private:
            what = f"is a {kind} address" if host == address else f"is {address}, a {kind} address"
            raise FetchError(f"refused: {host} {what} ({ALLOW_HINT})")
    return addresses


def _getaddrinfo(host: str, port: int) -> list | OSError:
    try:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        return exc


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left


@contextmanager
def _get(
    url: str, deadline: float, allow_private: bool, expired: threading.Event
) -> Iterator[http.client.HTTPResponse]:
    """One GET, connected to a checked address. At the deadline a watchdog sets `expired` and shuts the
    socket down, which ends any read in progress however slowly the server sends."""
    parts = urlsplit(url)
    https = parts.scheme == "https"
    host = (parts.hostname or "").encode("idna").decode("ascii")
    port = parts.port or (443 if https else 80)
    sock, error = None, OSError(f"no address for {host}")
    for address in resolve(host, port, allow_private, _remaining(deadline)):
        try:
            sock = socket.create_connection((address, port), timeout=_remaining(deadline))
            break
        except OSError as exc:
            error = exc
    if sock is None:
        raise error
    twin = sock.dup()  # TLS takes `sock` over; shutting its twin down still ends the connection

    def cut() -> None:
        expired.set()
        with suppress(OSError):
            twin.shutdown(socket.SHUT_RDWR)

    watchdog = threading.Timer(_remaining(deadline), cut)
    watchdog.start()
    conn: http.client.HTTPConnection | None = None
    try:
        if https:
            context = ssl.create_default_context()
            conn = http.client.HTTPSConnection(host, port, context=context)
            conn.sock = context.wrap_socket(sock, server_hostname=host)
        else:
            conn = http.client.HTTPConnection(host, port)
            conn.sock = sock
        target = quote(parts.path or "/", safe=punctuation)
        if parts.query:
            target += "?" + quote(parts.query, safe=punctuation)
        conn.request("GET", target, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
        yield conn.getresponse()
    finally:
        watchdog.cancel()
        (conn or sock).close()
        twin.close()


def _body(response: http.client.HTTPResponse, max_bytes: int) -> bytes:
    length = response.getheader("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise FetchError(f"too large: {int(length):,} bytes (limit {max_bytes:,})")
    chunks, size = [], 0
    while chunk := response.read1(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"too large: more than {max_bytes:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(url: str, max_bytes: int, deadline_s: float = DEADLINE_S, allow_private: bool | None = None) -> bytes:
    """The body at an http(s) URL, following at most MAX_REDIRECTS redirects, all within `deadline_s`."""
    if allow_private is None:
        allow_private = private_fetch_allowed()
    deadline = time.monotonic() + deadline_s
    expired = threading.Event()
    timed_out = FetchError(f"could not fetch {url}: timed out after {deadline_s:g} s")
    try:
        for _ in range(MAX_REDIRECTS + 1):
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(f"not an http(s) URL: {url!r}")
            with _get(url, deadline, allow_private, expired) as response:
                location = response.getheader("Location")
                if response.status in REDIRECTS and location:
                    url = urljoin(url, location)
                    continue
                if not 200 <= response.status < 300:
                    raise FetchError(f"could not fetch {url}: HTTP {response.status} {response.reason}")
                data = _body(response, max_bytes)
            if expired.is_set():  # the watchdog cut the body short
                raise timed_out
            return data
    except TimeoutError:
        raise timed_out from None
    except (OSError, http.client.HTTPException, UnicodeError) as exc:
        raise timed_out if expired.is_set() else FetchError(f"could not fetch {url}: {exc}") from None
    raise FetchError(f"could not fetch {url}: more than {MAX_REDIRECTS} redirects")
