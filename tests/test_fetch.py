"""Fetching from the web: only public addresses (after DNS, on every redirect), one deadline, a size cap.

The servers here listen on 127.0.0.1 (and 127.0.0.2) only and stop by themselves."""

import http.server
import ipaddress
import shutil
import ssl
import subprocess
import threading
import time
from collections.abc import Callable
from contextlib import suppress

import pytest

from dashboard import fetch as fetch_module
from dashboard.fetch import MAX_REDIRECTS, FetchError, fetch, refusal, resolve

PAGE = b"<html><body><p>Troops clashed near the temple on Sunday.</p></body></html>"


class Server:
    """A ThreadingHTTPServer on a loopback address whose GET is `respond(handler)`; counts requests."""

    def __init__(self, respond: Callable[[http.server.BaseHTTPRequestHandler], None], host: str = "127.0.0.1"):
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests += 1
                with suppress(BrokenPipeError, ConnectionResetError):  # the client hung up: a refused fetch
                    respond(self)

            def log_message(self, *args):
                pass

        self.requests = 0
        self.httpd = http.server.ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://{host}:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def serve():
    servers = []

    def start(respond, host="127.0.0.1"):
        servers.append(Server(respond, host))
        return servers[-1]

    yield start
    for s in servers:
        s.close()


def page(handler):
    handler.send_response(200)
    handler.send_header("Content-Length", str(len(PAGE)))
    handler.end_headers()
    handler.wfile.write(PAGE)


def redirect_to(location):
    def respond(handler):
        handler.send_response(302)
        handler.send_header("Location", location(handler) if callable(location) else location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return respond


@pytest.fixture
def public_loopback(monkeypatch):
    """127.0.0.1 counts as public (the test servers' own address), every other address as usual."""
    checked = refusal
    monkeypatch.setattr(fetch_module, "refusal", lambda a: None if str(a) == "127.0.0.1" else checked(a))


def test_a_local_server_is_refused_by_default(serve, monkeypatch):
    monkeypatch.delenv("BORDER_WATCH_ALLOW_PRIVATE_FETCH", raising=False)
    server = serve(page)
    with pytest.raises(FetchError, match="refused: 127.0.0.1 is a loopback address"):
        fetch(f"{server.url}/", 10_000)
    assert server.requests == 0  # refused before connecting


def test_a_local_server_is_fetched_when_the_setting_allows_it(serve, monkeypatch):
    monkeypatch.setenv("BORDER_WATCH_ALLOW_PRIVATE_FETCH", "1")
    assert fetch(f"{serve(page).url}/a?q=1", 10_000) == PAGE


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fd00:ec2::254", "private"),  # the AWS metadata service over IPv6
        ("169.254.169.254", "link-local"),  # the cloud metadata service
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "special-purpose"),  # carrier-grade NAT (Alibaba's metadata is 100.100.100.200)
    ],
)
def test_every_non_public_address_is_refused_after_resolution(address, kind):
    assert refusal(ipaddress.ip_address(address)) == kind
    with pytest.raises(FetchError, match="refused"):
        resolve(address, 80, allow_private=False)
    assert resolve(address, 80, allow_private=True) == [address]


SPECIAL_PURPOSE = [  # (address, what the refusal says, if more than the kind Python's version gives), every spelling
    ("0.1.2.3", ""),  # "this network"
    ("192.0.0.8", ""),  # the IPv4 dummy address
    ("192.0.0.9", ""),  # PCP anycast: no web page there
    ("192.0.0.170", ""),  # NAT64 discovery
    ("192.0.0.200", ""),
    ("192.0.2.1", ""),  # documentation
    ("192.88.99.1", ""),  # 6to4 relay anycast
    ("198.18.0.1", ""),  # benchmarking
    ("198.51.100.7", ""),
    ("203.0.113.7", ""),
    ("255.255.255.255", ""),
    ("100.100.100.200", ""),
    # IPv4 inside IPv6: mapped, translated, compatible, NAT64, 6to4, Teredo
    ("::ffff:7f00:1", "loopback"),
    ("::ffff:192.0.0.8", ""),
    ("::ffff:169.254.169.254", "link-local"),
    ("::ffff:0:127.0.0.1", "loopback (IPv4 127.0.0.1 inside IPv4-translated)"),
    ("::127.0.0.1", "loopback (IPv4 127.0.0.1 inside IPv4-compatible)"),
    ("::10.0.0.1", "private (IPv4 10.0.0.1 inside IPv4-compatible)"),
    ("::8.8.8.8", ""),  # IPv4-compatible addresses are deprecated: refused whatever they carry
    ("64:ff9b::127.0.0.1", "loopback (IPv4 127.0.0.1 inside NAT64)"),
    ("64:ff9b::7f00:1", "loopback (IPv4 127.0.0.1 inside NAT64)"),
    ("64:ff9b::a9fe:a9fe", "link-local (IPv4 169.254.169.254 inside NAT64)"),
    ("64:ff9b::c000:8", "special-purpose (IPv4 192.0.0.8 inside NAT64)"),
    ("64:ff9b:1::808:808", ""),  # local-use NAT64: refused whatever it carries
    ("64:ff9b:1:7f00:1::", ""),
    ("2002:7f00:1::", "loopback (IPv4 127.0.0.1 inside 6to4)"),
    ("2002:7f00:0001:0000:0000:0000:0000:0001", "loopback (IPv4 127.0.0.1 inside 6to4)"),
    ("2002:a9fe:a9fe::1", "link-local (IPv4 169.254.169.254 inside 6to4)"),
    ("2002:c0a8:101::", "private (IPv4 192.168.1.1 inside 6to4)"),
    ("2002:c000:8::", "special-purpose (IPv4 192.0.0.8 inside 6to4)"),
    ("2002:6440:1::", "special-purpose (IPv4 100.64.0.1 inside 6to4)"),
    ("2001:0:7f00:1::", "loopback (IPv4 127.0.0.1 inside Teredo server)"),
    ("2001:0:4136:e378:8000:63bf:80ff:fefe", "loopback (IPv4 127.0.1.1 inside Teredo client)"),
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "private (IPv4 192.0.2.45 inside Teredo client)"),
    ("2001:0:4136:e378:8000:63bf:f7f7:f7f7", ""),  # Teredo with public ends: 2001::/23 is not global
    # IPv6 blocks
    ("100::1", ""),  # discard-only
    ("100:0:0:1::1", ""),  # dummy prefix
    ("2001:2::1", ""),  # benchmarking
    ("2001:db8::1", ""),  # documentation
    ("3fff::1", ""),  # documentation (2024)
    ("5f00::1", ""),  # SRv6 SIDs
    ("fc00::1", ""),
    ("fec0::1", "site-local"),
    ("fe80::1%1", "link-local"),
    ("4000::1", ""),
    ("e000::1", ""),
]


@pytest.mark.parametrize(("address", "kind"), SPECIAL_PURPOSE, ids=[a for a, _ in SPECIAL_PURPOSE])
def test_special_purpose_addresses_and_embedded_ipv4_are_refused(address, kind):
    refused = refusal(ipaddress.ip_address(address))
    assert refused is not None
    assert kind in refused
    if "%" not in address:  # a zone names an interface this machine may not have
        with pytest.raises(FetchError, match="refused"):
            resolve(address, 80, allow_private=False)


@pytest.mark.parametrize(
    "address",
    [
        "::ffff:8.8.8.8",  # IPv4-mapped: that IPv4 address
        "::ffff:808:808",
        "64:ff9b::8.8.8.8",  # NAT64 (DNS64 gives these for IPv4-only hosts)
        "64:ff9b::808:808",
        "2002:808:808::1",  # 6to4 of a public gateway
        "2001:4860:4860::8888",
    ],
)
def test_public_addresses_in_ipv6_forms_pass(address):
    assert refusal(ipaddress.ip_address(address)) is None


def test_a_host_name_is_checked_by_the_addresses_it_resolves_to():
    with pytest.raises(FetchError, match="refused: localhost is .*, a loopback address"):
        resolve("localhost", 80, allow_private=False)


@pytest.mark.parametrize("address", ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_pass(address):
    assert refusal(ipaddress.ip_address(address)) is None
    assert resolve(address, 443, allow_private=False) == [address]


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/meta-data/", "http://127.0.0.2:{port}/"])
def test_a_redirect_to_an_internal_address_is_refused(serve, public_loopback, target):
    inside = serve(page, host="127.0.0.2")
    outside = serve(redirect_to(target.format(port=inside.url.rsplit(":", 1)[1])))
    with pytest.raises(FetchError, match="refused: .* is a (link-local|loopback) address"):
        fetch(f"{outside.url}/article", 10_000)
    assert outside.requests == 1 and inside.requests == 0


def test_redirects_are_followed_up_to_the_limit(serve, public_loopback):
    def countdown(handler):  # /3 redirects to /2, /1, /0, which is the page
        left = int(handler.path.strip("/"))
        (redirect_to(f"/{left - 1}") if left else page)(handler)

    server = serve(countdown)
    assert fetch(f"{server.url}/{MAX_REDIRECTS}", 10_000) == PAGE
    with pytest.raises(FetchError, match=f"more than {MAX_REDIRECTS} redirects"):
        fetch(f"{server.url}/{MAX_REDIRECTS + 1}", 10_000)


def drip(handler, chunks=20, every_s=0.5):
    """A chunk every half second, at most 20 of them: a server that would keep a fetch going for 10 s."""
    handler.send_response(200)
    handler.end_headers()
    for _ in range(chunks):
        handler.wfile.write(b"<p>more</p>\n")
        handler.wfile.flush()
        time.sleep(every_s)


def drip_headers(handler, lines=20, every_s=0.5):
    handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
    for i in range(lines):
        handler.wfile.write(f"X-Slow-{i}: 1\r\n".encode())
        handler.wfile.flush()
        time.sleep(every_s)


@pytest.mark.parametrize("respond", [drip, drip_headers], ids=["body", "headers"])
def test_a_slow_drip_is_cut_at_the_deadline(serve, public_loopback, respond):
    server = serve(respond)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out after 2 s"):
        fetch(f"{server.url}/", 2_000_000, deadline_s=2)
    assert 1.9 < time.monotonic() - started < 3


def endless(handler, chunk=b"x" * 65_536, most=64_000_000):
    """No Content-Length, 64 MB at most; counts what it managed to send before the client hung up."""
    handler.send_response(200)
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.server.sent = 0
    while handler.server.sent < most:
        handler.wfile.write(chunk)
        handler.server.sent += len(chunk)


def test_a_body_over_the_cap_is_refused_without_reading_all_of_it(serve, public_loopback):
    server = serve(endless)
    with pytest.raises(FetchError, match="too large: more than 2,000,000 bytes"):
        fetch(f"{server.url}/", 2_000_000)
    time.sleep(0.2)
    assert server.httpd.sent < 16_000_000  # what the socket buffers held when the client hung up


def test_a_declared_length_over_the_cap_is_refused_before_reading(serve, public_loopback):
    def huge(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", str(1 << 30))
        handler.end_headers()
        handler.wfile.write(b"x" * 1000)
        time.sleep(3)

    started = time.monotonic()
    with pytest.raises(FetchError, match="too large: 1,073,741,824 bytes"):
        fetch(f"{serve(huge).url}/", 2_000_000)
    assert time.monotonic() - started < 1


def test_only_http_and_https(monkeypatch):
    for url in ("file:///etc/passwd", "ftp://example.org/x", "http:///nohost", "gopher://127.0.0.1:25/"):
        with pytest.raises(FetchError, match="not an http"):
            fetch(url, 1000)


@pytest.fixture
def tls_server(tmp_path, serve, monkeypatch):
    """An HTTPS server on 127.0.0.1 with a certificate for `localhost`, trusted by the fetch."""
    if not shutil.which("openssl"):
        pytest.skip("needs the openssl command")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
        ]
        + ["-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    server = serve(page)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
    trusting = ssl.create_default_context(cafile=str(cert))
    monkeypatch.setattr(fetch_module.ssl, "create_default_context", lambda: trusting)
    monkeypatch.setenv("BORDER_WATCH_ALLOW_PRIVATE_FETCH", "1")
    return server.url.rsplit(":", 1)[1]


def test_https_connects_to_the_checked_address_and_verifies_the_host_name(tls_server):
    assert fetch(f"https://localhost:{tls_server}/", 10_000) == PAGE
    with pytest.raises(FetchError, match="could not fetch .*certificate verify failed"):
        fetch(f"https://127.0.0.1:{tls_server}/", 10_000)  # the certificate is for localhost only
