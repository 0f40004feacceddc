"""Writing through the API only when asked for, with the token; and the `serve` command itself."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from doingoai.errors import UsageError
from doingoai.serve import ServeSettings, create_app
from doingoai.store.ingest import ingest
from tests.serve.conftest import ROOT, Server, start
from tests.store.conftest import fresh_database

TOKEN = "test-token-7f3a"
PAGE = {"source": "api-test", "url": "https://example.vn/api-test.html",
        "text": "Thủ tướng tiếp Đại sứ Pháp\nThứ Hai, 02/06/2025 10:00\n\nChiều 2/6, tại Trụ sở Chính phủ, "
                "Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Pháp tại Việt Nam Olivier Brochet."}


@pytest.fixture(params=["sqlite", "postgresql"])
def writable(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Server, httpx.Client]]:
    with fresh_database(request.param, tmp_path) as db:
        ingest([str(ROOT / "examples")], db)
        server = start(ServeSettings(db=db, allow_ingest=True, ingest_token=TOKEN, max_body=50_000))
        try:
            with httpx.Client(base_url=server.url, timeout=120) as client:
                yield server, client
        finally:
            server.stop()
            server.app.app.state.engine.dispose()  # type: ignore[attr-defined]


def test_ingest_needs_the_token(writable: tuple[Server, httpx.Client]) -> None:
    _, client = writable
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                    {"Authorization": f"Bearer {TOKEN}x"}):
        r = client.post("/api/v1/ingest", json=[PAGE], headers=headers)
        assert r.status_code == 401, headers
        assert r.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/v1/events", params={"person": "Olivier Brochet"}).status_code == 422  # not stored


def test_ingest_with_the_token_stores_once(writable: tuple[Server, httpx.Client]) -> None:
    _, client = writable
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = client.post("/api/v1/ingest", json=[PAGE], headers=auth)
    assert r.status_code == 200, r.text
    assert r.json()["new"] == 1
    found = client.get("/api/v1/events", params={"person": "Olivier Brochet"}).json()
    assert found["total"] == 1
    assert found["items"][0]["countries"] == ["FR", "VN"]
    again = client.post("/api/v1/ingest", json=[PAGE], headers=auth).json()
    assert (again["new"], again["skipped"]) == (0, 1)


def test_ingest_refuses_bad_and_large_bodies(writable: tuple[Server, httpx.Client]) -> None:
    _, client = writable
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = client.post("/api/v1/ingest", json=[{"source": "x"}], headers=auth)
    assert r.status_code == 422
    assert "records[0]: a record needs a text or html string" in r.json()["detail"]
    assert client.post("/api/v1/ingest", json={"text": "x"}, headers=auth).status_code == 422
    big = client.post("/api/v1/ingest", json=[{**PAGE, "text": "x" * 60_000}], headers=auth)
    assert big.status_code == 413
    assert "larger than 50000 bytes" in big.json()["detail"]


def test_no_knowledge_base_stops_the_server_at_start(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite"
    with pytest.raises(UsageError, match=r"no knowledge base at .*none\.sqlite; run `doingoai ingest` first"):
        create_app(ServeSettings(db=str(missing)))
    assert not missing.exists()


def _doingoai(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "doingoai"
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, **(env or {})})


def test_the_command_refuses_what_it_cannot_serve(tmp_path: Path) -> None:
    done = _doingoai("serve", "--db", str(tmp_path / "none.sqlite"))
    assert done.returncode == 2
    assert "no knowledge base at" in done.stderr
    env = {k: v for k, v in os.environ.items() if k != "DOINGOAI_API_TOKEN"}
    done = subprocess.run([str(Path(sys.executable).parent / "doingoai"), "serve", "--allow-ingest", "--db",
                           str(tmp_path / "none.sqlite")], capture_output=True, text=True, timeout=120, check=False,
                          env=env)
    assert done.returncode == 2
    assert "--allow-ingest needs a bearer token in the environment variable DOINGOAI_API_TOKEN" in done.stderr


def test_help_does_not_import_the_web_stack() -> None:
    code = "import sys; from doingoai.cli import app; print('fastapi' in sys.modules, 'uvicorn' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_the_command_serves_on_loopback(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.sqlite")
    ingest([str(ROOT / "examples")], db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).parent / "doingoai"
    proc = subprocess.Popen([str(exe), "serve", "--db", db, "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        answer = None
        for _ in range(300):  # until it listens (bounded, not timed)
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert answer is not None, "the server did not start"
        assert answer.json()["documents"] == 3
        assert "server" not in answer.headers  # uvicorn's banner is off
    finally:
        proc.terminate()
        proc.wait(timeout=30)
