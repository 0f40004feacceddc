"""The edge of the server: security headers, no CORS, no path traversal, and hostile strings in every
parameter answered with 200 or 422, never a server error, on SQLite and PostgreSQL."""

from __future__ import annotations

import socket

import pytest

from tests.serve.conftest import Live

HOSTILE = [
    "' OR 1=1 --", "\"; DROP TABLE events; --", "'; SELECT pg_sleep(1); --", "%", "_", "%%", "a%b_c", "\\", "\\%",
    "*", "\"unclosed", "NEAR(a b)", "AND OR NOT", "-", "()", "title:x", "😀", "Ω" * 300, "", " ", "1e309",
    "2024-02-30", "../../etc/passwd", "<script>alert(1)</script>", "{{7*7}}", "NULL",
]
EVENT_PARAMS = ["country", "body", "person", "type", "status", "since", "until", "text", "sort", "limit", "offset"]


def _headers_ok(headers: dict[str, str]) -> None:
    csp = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    assert "http" not in csp  # no origin but this server's
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "access-control-allow-origin" not in headers


@pytest.mark.parametrize("path", ["/api/v1/health", "/", "/events?type=x", "/static/app.css", "/nowhere",
                                  "/api/v1/events/999999", "/docs"])
def test_every_answer_has_the_security_headers(live: Live, path: str) -> None:
    r = live.client.get(path, headers={"Origin": "https://elsewhere.example"})
    assert r.status_code < 500
    _headers_ok(dict(r.headers))


def test_cors_is_off(live: Live) -> None:
    r = live.client.options("/api/v1/events", headers={"Origin": "https://elsewhere.example",
                                                       "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in r.headers
    assert r.status_code in (404, 405)


def _raw_get(live: Live, path: str) -> tuple[int, bytes]:
    """The path sent exactly as written (HTTP clients remove dot segments before sending)."""
    host, port = live.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode("latin-1"))
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    return int(data.split(b" ", 2)[1]), data


@pytest.mark.parametrize("path", [
    "/static/../pyproject.toml", "/static/../../../../etc/passwd", "/static/..%2f..%2fserve%2fapp.py",
    "/static/%2e%2e/%2e%2e/serve/app.py", "/static/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/static/%252e%252e/app.py",
    "/static/..\\..\\serve\\app.py", "/static/.%2e/settings.py", "/static/./app.css", "/docs-assets/../../x",
    "/static//etc/passwd",
])
def test_static_files_refuse_path_traversal(live: Live, path: str) -> None:
    status, body = _raw_get(live, path)
    assert status in (400, 404), body[:200]
    assert b"root:" not in body
    assert b"import " not in body  # no Python source of the package


def test_static_files_are_served(live: Live) -> None:
    status, body = _raw_get(live, "/static/app.css")
    assert status == 200
    assert b"font" in body


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_strings_in_every_event_filter(live: Live, value: str) -> None:
    for name in EVENT_PARAMS:
        for path in ("/api/v1/events", "/events"):
            r = live.client.get(path, params={name: value})
            assert r.status_code in (200, 422), (path, name, value, r.status_code, r.text[:300])


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_strings_in_the_other_questions(live: Live, value: str) -> None:
    asks = [("/api/v1/search", {"q": value}), ("/api/v1/search", {"q": value, "ignore_diacritics": "true"}),
            ("/api/v1/people", {"name": value}), ("/api/v1/stats", {"compare": value}),
            ("/api/v1/stats", {"by": value}), ("/api/v1/relations", {"country": value}),
            ("/api/v1/figures", {"country": value}), ("/api/v1/export/events", {"format": value}),
            ("/search", {"q": value}), ("/people", {"name": value}), ("/stats", {"compare": value}),
            ("/stats", {"by": "month", "compare": value}), ("/", {"lang": value})]
    for path, params in asks:
        r = live.client.get(path, params=params)
        assert r.status_code in (200, 422), (path, params, r.status_code, r.text[:300])
    for path in (f"/api/v1/states/{value}", f"/states/{value}", f"/api/v1/export/{value}"):
        r = live.client.get(path.replace("?", "%3F").replace("#", "%23"))
        assert r.status_code in (200, 404, 422), (path, r.status_code, r.text[:300])


def test_like_wildcards_are_letters(live: Live) -> None:
    every = live.client.get("/api/v1/events", params={"limit": 1}).json()["total"]
    for value in ("%", "_", "%%"):
        r = live.client.get("/api/v1/events", params={"text": value, "limit": 1}).json()
        assert r["total"] < every, value  # "%" would match every event if it were a wildcard
    assert live.client.get("/api/v1/people", params={"name": "%"}).json() == []


def test_control_characters_are_refused(live: Live) -> None:
    r = live.client.get("/api/v1/events?text=a%00b")
    assert r.status_code == 422
    assert r.json()["detail"].startswith("text:")
    assert live.client.get("/api/v1/search?q=%01").status_code == 422
