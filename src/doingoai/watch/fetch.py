"""Polite fetching: one request at a time per host with a pause between them, robots.txt obeyed, retries
with a growing pause on failures that may pass (timeouts, 429, 5xx), and conditional requests."""

from __future__ import annotations

import re
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from doingoai import __version__

__all__ = ["Fetched", "Fetcher"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def _meta_charset(content: bytes) -> str | None:
    m = _META_CHARSET.search(content[:4096])
    return m[1].decode("ascii") if m else None


USER_AGENT = f"doingoai/{__version__} (foreign-affairs news reader; polite: robots.txt, one request a second)"
_RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    status: int  # HTTP status; 0 when no answer came (timeout, refused connection)
    content: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None  # why nothing usable came

    charset: str | None = None  # as the Content-Type header gives it

    @property
    def text(self) -> str:
        """The page decoded: the header's charset, else the page's own <meta charset>, else UTF-8 (a byte that
        does not decode becomes U+FFFD rather than losing the page)."""
        for name in (self.charset, _meta_charset(self.content)):
            if name:
                try:
                    return self.content.decode(name, errors="replace")
                except LookupError:
                    continue  # a charset Python does not know ("vni"): try the next clue
        return self.content.decode("utf-8", errors="replace")

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class Fetcher:
    timeout: float = 20.0
    delay: float = 1.0  # seconds between two requests to the same host
    retries: int = 2
    backoff: float = 1.0  # the first retry waits this long, each next one twice as long
    sleep: Callable[[float], None] = time.sleep
    requests: int = 0  # how many requests went out (robots.txt included)
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _client: httpx.Client | None = None

    def __enter__(self) -> Fetcher:
        self._client = httpx.Client(timeout=self.timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT})
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()

    def _wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = self.delay - (time.monotonic() - last)
            if pause > 0:
                self.sleep(pause)
        self._last[host] = time.monotonic()

    def _get(self, url: str, headers: dict[str, str]) -> httpx.Response:
        assert self._client is not None, "use the Fetcher in a with block"
        self._wait(urlsplit(url).netloc)
        self.requests += 1
        return self._client.get(url, headers=headers)

    def allowed(self, url: str) -> bool:
        """robots.txt of the URL's site allows us; a site without one (or unreachable) allows everything."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = None
            try:
                answer = self._get(site + "/robots.txt", {})
                if answer.status_code == 200:
                    parser = urllib.robotparser.RobotFileParser()
                    parser.parse(answer.text.splitlines())
            except httpx.HTTPError:
                parser = None
            self._robots[site] = parser
        parser = self._robots[site]
        return parser is None or parser.can_fetch(USER_AGENT, url)

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        error = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                answer = self._get(url, headers)
            except httpx.TimeoutException:
                error = f"no answer within {self.timeout:g} s"
                continue
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {str(exc)[:200] or 'connection failed'}"
                continue
            if answer.status_code in _RETRY_STATUS:
                error = f"HTTP {answer.status_code}"
                continue
            return Fetched(url, answer.status_code, answer.content if answer.status_code == 200 else b"",
                           answer.headers.get("ETag"), answer.headers.get("Last-Modified"),
                           None if answer.status_code in (200, 304) else f"HTTP {answer.status_code}",
                           answer.charset_encoding)
        return Fetched(url, 0, error=error + f" (after {self.retries + 1} attempt(s))")
