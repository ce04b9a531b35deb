"""A small web server on 127.0.0.1 for tests and benchmarks: feeds and article pages, written here.

Each route is a function (request handler) -> (status, headers, body) or a fixed (status, headers,
body); the server answers HEAD and GET, counts requests per path and can be told to stall."""

from __future__ import annotations

import threading
import time
from collections import Counter
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape


class LocalWeb:
    def __init__(self):
        self.routes: dict[str, object] = {}
        self.hits: Counter[str] = Counter()
        web = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 - http.server's naming
                path = self.path
                web.hits[path.split("?")[0]] += 1
                route = web.routes.get(path) or web.routes.get(path.split("?")[0])
                if route is None:
                    status, headers, body = 404, {"Content-Type": "text/plain"}, b"not here"
                elif callable(route):
                    status, headers, body = route(self)
                else:
                    status, headers, body = route
                if isinstance(body, str):
                    body = body.encode("utf-8")
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if status != 304:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a size limit or a timeout): expected

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> LocalWeb:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def page(self, path: str, html: str, content_type: str = "text/html; charset=utf-8") -> str:
        self.routes[path] = (200, {"Content-Type": content_type}, html)
        return self.url + path

    def feed(self, path: str, items: list[dict], *, etag: str = "") -> str:
        """An RSS 2.0 feed; answers 304 to a request that sends back its ETag."""
        document = rss(items)

        def serve(request):
            if etag and request.headers.get("If-None-Match") == etag:
                return 304, {"ETag": etag}, b""
            headers = {"Content-Type": "application/rss+xml; charset=utf-8"}
            if etag:
                headers["ETag"] = etag
            return 200, headers, document

        self.routes[path] = serve
        return self.url + path

    def stall(self, path: str, seconds: float) -> str:
        def serve(request):
            time.sleep(seconds)
            return 200, {"Content-Type": "text/html"}, "<p>late</p>"

        self.routes[path] = serve
        return self.url + path

    def redirect(self, path: str, to: str) -> str:
        self.routes[path] = (302, {"Location": to, "Content-Type": "text/plain"}, b"")
        return self.url + path


def rss(items: list[dict]) -> str:
    entries = []
    for item in items:
        parts = [f"<title>{escape(item.get('title', ''))}</title>"]
        if item.get("link"):
            parts.append(f"<link>{escape(item['link'])}</link>")
        if item.get("guid"):
            parts.append(f"<guid>{escape(item['guid'])}</guid>")
        if item.get("date"):
            parts.append(f"<pubDate>{format_datetime(item['date'])}</pubDate>")
        entries.append("<item>" + "".join(parts) + "</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test feed</title>'
        "<link>http://127.0.0.1/</link><description>Articles</description>"
        + "".join(entries)
        + "</channel></rss>"
    )


def article_html(headline: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    return (
        f"<!doctype html><html><head><title>{escape(headline)}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{escape(headline)}</h1>{body}</article>"
        f"<footer>Share this story. Leave a reply.</footer></body></html>"
    )
