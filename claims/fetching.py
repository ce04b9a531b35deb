"""Fetching a page, feed or file that a user named by URL, safely and politely.

Refused (FetchRefused, with a message for the user): schemes other than http(s); hosts that
resolve to loopback, private, link-local or reserved addresses (so the app cannot be used to
probe the network it runs in) unless FACTCHECK_FETCH_ALLOW_PRIVATE is set, including after every
redirect; answers over the size limit; content types that were not asked for; errors the server
says are ours (4xx). Network errors, timeouts and server errors (5xx) raise FetchUnavailable,
which background jobs retry with backoff.

Every request says who we are (USER_AGENT) and waits its turn per host
(FACTCHECK_FETCH_HOST_INTERVAL seconds between two requests to one host, across workers when the
cache is Redis).
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.parse
from dataclasses import dataclass, field

import httpx
from django.conf import settings
from django.core.cache import cache

MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "FactDesk/1.0 (newsroom fact-checking; fetches the pages and feeds its editors follow)"
TEXT_TYPES = ("text/", "application/json", "application/ld+json", "application/xhtml", "application/csv")
PAGE_TYPES = ("text/html", "text/plain", "application/xhtml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "application/rdf+xml",
    "text/",
)


class FetchRefused(Exception):
    """The URL was not fetched, or its answer not kept; the message says why. Final."""


class FetchUnavailable(FetchRefused):
    """The server could not be reached or failed for now (network, timeout, 5xx); worth a retry."""


@dataclass
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 when a conditional request found nothing new
    content_type: str = ""
    data: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def check_url(url: str) -> None:
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise FetchRefused(f"{url}: not a valid address ({error})") from error
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FetchRefused(f"{url}: only http and https addresses are fetched")
    if getattr(settings, "FACTCHECK_FETCH_ALLOW_PRIVATE", False):
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, port or None)}
    except (socket.gaierror, UnicodeError) as error:
        raise FetchRefused(f"{url}: the host {parts.hostname} is unknown") from error
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not is_public(ip):
            raise FetchRefused(f"{url}: {parts.hostname} is a private or local address ({ip}); not fetched")


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return ip.is_global


def wait_for_host(host: str) -> None:
    """Space requests to one host at least FACTCHECK_FETCH_HOST_INTERVAL seconds apart."""
    interval = float(getattr(settings, "FACTCHECK_FETCH_HOST_INTERVAL", 0) or 0)
    if interval <= 0:
        return
    key = f"fetch-host:{host}"
    deadline = time.monotonic() + 10 * interval + 30
    # cache.add succeeds for one caller per interval: that caller may go.
    while not cache.add(key, 1, timeout=max(1, round(interval))) and time.monotonic() < deadline:
        time.sleep(min(interval, 1.0) / 4)


def fetch_page(
    url: str,
    *,
    accept: tuple[str, ...] = TEXT_TYPES,
    headers: dict[str, str] | None = None,
    max_bytes: int = MAX_BYTES,
    timeout: float | None = None,
) -> Fetched:
    """GET url, following redirects only to addresses that pass check_url."""
    timeout = timeout if timeout is not None else float(getattr(settings, "FACTCHECK_FETCH_TIMEOUT", 20.0))
    request_headers = {"User-Agent": USER_AGENT, **(headers or {})}
    with httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False, trust_env=False) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            check_url(url)
            wait_for_host(urllib.parse.urlsplit(url).hostname or "")
            try:
                answer = _get(client, url, request_headers, accept, max_bytes, timeout)
            except httpx.TimeoutException as error:
                raise FetchUnavailable(
                    f"{url}: the server did not answer within {timeout:g} seconds"
                ) from error
            except httpx.TransportError as error:
                raise FetchUnavailable(
                    f"{url}: could not be reached ({error or type(error).__name__})"
                ) from error
            if isinstance(answer, str):  # a redirect
                url = answer
                continue
            return answer
    raise FetchRefused(f"{url}: more than {MAX_REDIRECTS} redirects; not followed")


def _get(client, url, headers, accept, max_bytes, timeout) -> Fetched | str:
    started = time.monotonic()
    with client.stream("GET", url, headers=headers) as response:
        if response.is_redirect and response.headers.get("location"):
            return urllib.parse.urljoin(url, response.headers["location"])
        if response.status_code == 304:
            return Fetched(url, 304, headers=dict(response.headers))
        if response.status_code >= 500 or response.status_code == 429:
            raise FetchUnavailable(f"{url}: the server answered {response.status_code}; will try again")
        if response.status_code >= 400:
            raise FetchRefused(f"{url}: the server answered {response.status_code} {response.reason_phrase}")
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if not kind.startswith(accept):
            raise FetchRefused(f"{url}: the answer is {kind or 'of no stated type'}, not a page we can read")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchRefused(f"{url}: the answer is over {max_bytes / 1024 / 1024:g} MB; not kept")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchRefused(f"{url}: the answer is over {max_bytes / 1024 / 1024:g} MB; not kept")
            # A server that trickles bytes must not hold a worker beyond the timeout, either.
            if time.monotonic() - started > 3 * timeout:
                raise FetchUnavailable(f"{url}: the answer took longer than {3 * timeout:g} seconds")
            chunks.append(chunk)
        return Fetched(
            str(response.url), response.status_code, kind, b"".join(chunks), dict(response.headers)
        )


def fetch(url: str, *, max_bytes: int = MAX_BYTES, accept: tuple[str, ...] = TEXT_TYPES) -> bytes:
    """The body of url (text, HTML, JSON or CSV by default)."""
    return fetch_page(url, accept=accept, max_bytes=max_bytes).data
