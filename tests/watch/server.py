"""A news site on loopback for the watch tests: feeds with ETags, pages, robots.txt, a dead link, a slow page,
a page that fails once, a malformed feed. It records every request it answers."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.watch import fixtures as fx

SLOW_SECONDS = 3.0


class Site:
    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.flaky_failures = 1  # /flaky.html answers 503 this many times first
        self.base = ""
        self.lock = threading.Lock()

    def answer(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        b = self.base
        feeds = {
            "/feed.rss": fx.rss(b, ["/a.html", "/b.html", "/gone.html", "/private/p.html", "/flaky.html"]),
            "/feed.atom": fx.atom(b, ["/b.html", "/c.html"]),  # /b.html again: fetched once
            "/index.xml": fx.sitemap_index(b, ["/sitemap.xml"]),
            "/sitemap.xml": fx.sitemap(b, ["/d.html"]),
            "/slow.rss": fx.rss(b, ["/slow.html"]),
            "/bad.xml": "<html><body><p>Trang này không phải RSS</p></body></html>".encode(),
        }
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"
        if path in feeds:
            etag = f'"{path}-v1"'
            if headers.get("If-None-Match") == etag:
                return 304, {"ETag": etag}, b""
            return 200, {"Content-Type": "application/xml; charset=utf-8", "ETag": etag}, feeds[path]
        if path == "/flaky.html":
            with self.lock:
                if self.flaky_failures > 0:
                    self.flaky_failures -= 1
                    return 503, {}, b"busy"
        if path == "/slow.html":
            time.sleep(SLOW_SECONDS)
        if path in fx.ARTICLES:
            return 200, {"Content-Type": "text/html; charset=utf-8"}, fx.page(path)
        return 404, {}, b"not found"


@contextmanager
def serve() -> Iterator[Site]:
    site = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the name http.server calls
            headers = dict(self.headers.items())
            site.requests.append((self.path, headers))
            status, extra, body = site.answer(self.path, headers)
            try:
                self.send_response(status)
                for k, v in extra.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the slow page)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
