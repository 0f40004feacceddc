"""The edge of every request: security headers, a limit on the body, and refusal of paths and parameters
that no page or API route can mean (dot segments, control characters).

A plain ASGI middleware rather than a FastAPI one, so that the body is counted as it arrives instead of
being read whole before the check.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl, unquote

import orjson

__all__ = ["CSP", "DOCS_CSP", "Guard"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Everything the dashboard loads comes from this server: no CDN, no tile server, no inline script.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Swagger UI (the /docs page) sets style attributes from its script: inline styles, still no other origin.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"geolocation=(), camera=(), microphone=()"),
]
# C0 controls and DEL: no name, date or query holds them, and PostgreSQL refuses NUL in text outright.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _dot_segment(raw_path: str) -> bool:
    """A path with a "." or ".." segment, however encoded (%2e%2e, %252e, backslashes)."""
    path = raw_path
    for _ in range(3):  # double and triple encoding
        path = unquote(path)
    return any(seg in (".", "..") for seg in re.split(r"[/\\]", path))


class Guard:
    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def _reply(self, send: Send, status: int, message: str, csp: str) -> None:
        body = orjson.dumps({"detail": message})
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"content-security-policy", csp.encode()), *HEADERS]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        csp = DOCS_CSP if path == "/docs" else CSP
        raw = scope.get("raw_path") or path.encode()
        if _dot_segment(raw.decode("latin-1")) or _dot_segment(path):
            await self._reply(send, 404, "not found: a path may not contain '.' or '..' segments", csp)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        for name, value in parse_qsl(query, keep_blank_values=True):
            if _CONTROL.search(name) or _CONTROL.search(value):
                await self._reply(send, 422, f"{name}: control characters are not allowed in a parameter", csp)
                return
        if _CONTROL.search(path):
            await self._reply(send, 404, "not found: control characters in the path", csp)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await self._reply(send, 413, f"request body larger than {self.max_body} bytes", csp)
            return
        if length is None and scope.get("method") in ("POST", "PUT", "PATCH") and \
                b"chunked" in headers.get(b"transfer-encoding", b""):
            # a body of unknown length could be endless: the limit is checked against Content-Length,
            # which the server holds the body to
            await self._reply(send, 411, "a request body needs a Content-Length", csp)
            return
        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"content-security-policy", csp.encode()),
                                      *HEADERS]
            await send(message)

        await self.app(scope, receive, secured)
