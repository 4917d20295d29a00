"""Fetching a URL without letting it reach inside: every address a host resolves to — for the URL and for
each redirect — must be public (no loopback, private, link-local/metadata, multicast, reserved or
unspecified address, nothing in IANA's special-purpose registries that is not globally reachable, and no
IPv6 address carrying such an IPv4 address: IPv4-mapped, -compatible, NAT64, 6to4, Teredo) unless the
`allow_private_fetch` setting says otherwise; the connection goes to the address that was checked (no DNS
rebinding); one deadline bounds the whole fetch however slowly the server sends, and the body is refused
as soon as it passes the size cap.

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


# IANA's IPv4 and IPv6 Special-Purpose Address Registries: the blocks that are not globally reachable
# (Python 3.11's `ipaddress` misses several: 192.0.0.0/24 past /29, 64:ff9b:1::/48, 3fff::/20, 5f00::/16,
# 100:0:0:1::/64). Each block is refused whole, the few anycast service addresses inside that the registries
# call globally reachable (PCP, TURN, AMT...) too: no web page is served there.
_SPECIAL = [
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",  # "this network"
        "100.64.0.0/10",  # shared address space (carrier-grade NAT)
        "192.0.0.0/24",  # IETF protocol assignments (DS-Lite, the dummy address, NAT64 discovery)
        "192.0.2.0/24",  # documentation
        "192.88.99.0/24",  # 6to4 relay anycast (deprecated)
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",  # documentation
        "203.0.113.0/24",  # documentation
        "240.0.0.0/4",  # reserved
        "255.255.255.255/32",  # limited broadcast
        "64:ff9b:1::/48",  # local-use IPv4/IPv6 translation
        "100::/64",  # discard-only
        "100:0:0:1::/64",  # dummy prefix
        "2001::/23",  # IETF protocol assignments (Teredo, benchmarking, ORCHID)
        "2001:db8::/32",  # documentation
        "3fff::/20",  # documentation
        "5f00::/16",  # segment routing (SRv6) SIDs
        "fc00::/7",  # unique-local
        "fec0::/10",  # site-local (deprecated)
    )
]
_GLOBAL_UNICAST_V6 = ipaddress.ip_network("2000::/3")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # well-known prefix: the IPv4 address is the last 32 bits


def embedded_ipv4(address: ipaddress.IPv6Address) -> list[tuple[str, ipaddress.IPv4Address]]:
    """The IPv4 addresses an IPv6 address carries, with the form that carries them: IPv4-mapped
    (::ffff:0:0/96), IPv4-translated (::ffff:0:0:0/96), IPv4-compatible (::/96), NAT64 (64:ff9b::/96),
    6to4 (2002::/16: the gateway's address) and Teredo (2001::/32: its server's and its client's)."""
    value = int(address)
    found: list[tuple[str, ipaddress.IPv4Address]] = []
    if address.ipv4_mapped:
        found.append(("IPv4-mapped", address.ipv4_mapped))
    elif value >> 32 == 0xFFFF0000:
        found.append(("IPv4-translated", ipaddress.IPv4Address(value & 0xFFFFFFFF)))
    elif value >> 32 == 0 and value > 1:  # :: and ::1 are the unspecified and loopback addresses
        found.append(("IPv4-compatible", ipaddress.IPv4Address(value)))
    elif address in _NAT64:
        found.append(("NAT64", ipaddress.IPv4Address(value & 0xFFFFFFFF)))
    if address.sixtofour:
        found.append(("6to4", address.sixtofour))
    if address.teredo:
        server, client = address.teredo
        found += [("Teredo server", server), ("Teredo client", client)]
    return found


def _inside(kind: str | None, form: str, inner: ipaddress.IPv4Address) -> str | None:
    return kind and f"{kind} (IPv4 {inner} inside {form})"


def refusal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """What kind of non-public address this is ("loopback", "private", ...), or None for a public one.

    An IPv6 address that carries an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) is refused when
    that IPv4 address is (a mapped or NAT64 one is that IPv4 address: public if it is); then, both families,
    the kinds `ipaddress` knows (narrowest first), every block of the special-purpose registries that is not
    globally reachable, and for IPv6 anything outside global unicast (2000::/3)."""
    if isinstance(address, ipaddress.IPv6Address):
        address = ipaddress.IPv6Address(int(address))  # without its %zone, if any
        for form, inner in embedded_ipv4(address):
            if form in ("IPv4-mapped", "NAT64"):  # the IPv4 address itself, reached through the host or a NAT64
                return refusal(inner) if form == "IPv4-mapped" else _inside(refusal(inner), form, inner)
            if kind := refusal(inner):
                return _inside(kind, form, inner)
    for kind in ("loopback", "link_local", "multicast", "unspecified", "site_local", "reserved", "private"):
        if getattr(address, f"is_{kind}", False):  # narrowest first; IPv4 has no site-local
            return kind.replace("_", "-")
    if any(address in n for n in _SPECIAL):
        return "special-purpose"
    if isinstance(address, ipaddress.IPv6Address) and address not in _GLOBAL_UNICAST_V6:
        return "non-public"
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
