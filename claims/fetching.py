"""Fetching a page or file that a user named by URL, safely.

Refused: schemes other than http(s); hosts that resolve to loopback, private, link-local or
reserved addresses (so the app cannot be used to probe the network it runs in) unless
FACTCHECK_FETCH_ALLOW_PRIVATE is set, including after a redirect; answers over the size limit;
content types that are not text, HTML, JSON or CSV.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

MAX_BYTES = 10 * 1024 * 1024
TIMEOUT = 20  # seconds
USER_AGENT = "FactDesk/1.0 (newsroom fact-checking; fetches pages editors ask for)"
ALLOWED_TYPES = ("text/", "application/json", "application/ld+json", "application/xhtml", "application/csv")


class FetchRefused(Exception):
    """The URL was not fetched, or its answer not kept; the message says why."""


def check_url(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FetchRefused(f"{url}: only http and https addresses are fetched")
    if getattr(settings, "FACTCHECK_FETCH_ALLOW_PRIVATE", False):
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or None)}
    except socket.gaierror as error:
        raise FetchRefused(f"{url}: the host {parts.hostname} is unknown") from error
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global:
            raise FetchRefused(f"{url}: {parts.hostname} is a private or local address ({ip}); not fetched")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, max_bytes: int = MAX_BYTES) -> bytes:
    check_url(url)
    opener = urllib.request.build_opener(_CheckedRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310 - scheme checked above
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            kind = response.headers.get_content_type()
            if not kind.startswith(ALLOWED_TYPES):
                raise FetchRefused(f"{url}: the answer is {kind}, not text, HTML, JSON or CSV")
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as error:
        raise FetchRefused(f"{url}: the server answered {error.code} {error.reason}") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise FetchRefused(f"{url}: could not be fetched ({getattr(error, 'reason', error)})") from error
    if len(data) > max_bytes:
        raise FetchRefused(f"{url}: the answer is over {max_bytes // (1024 * 1024)} MB; not kept")
    return data
