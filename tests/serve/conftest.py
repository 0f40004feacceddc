"""A knowledge base for the web-layer tests, on SQLite and on the machine's PostgreSQL (built once per
module from the example pages and invented reports), and the real server on a free loopback port."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from doingoai.serve import ServeSettings, create_app
from doingoai.store.ingest import ingest
from tests.serve.fixtures import PAGES
from tests.store import fixtures as fx
from tests.store.conftest import fresh_database

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True, slots=True)
class Live:
    url: str  # http://127.0.0.1:PORT
    db: str
    client: httpx.Client


def build_kb(db: str, folder: Path) -> None:
    """The repository's example pages and the invented reports, ingested as a user would."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = [*PAGES, *fx.THREE_REPORTS, *fx.TITLES_OVER_TIME, *fx.UPGRADES, *fx.LAO]
    summary = ingest([str(ROOT / "examples"), *fx.write(folder, pages)], db)
    assert summary.new >= 10, summary.line()
    assert not summary.failed, summary.line()


@dataclass
class Server:
    """uvicorn serving ``app`` in a thread, on a socket bound to a free loopback port."""
    app: object
    sock: socket.socket
    server: uvicorn.Server
    thread: threading.Thread

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
        self.sock.close()


def start(settings: ServeSettings) -> Server:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    app = create_app(settings)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", server_header=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(500):  # until it listens; the wait is bounded and asserted, not timed
        if server.started:
            break
        time.sleep(0.02)
    assert server.started, "the server did not start"
    return Server(app, sock, server, thread)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    folder = tmp_path_factory.mktemp(f"serve-{request.param}")
    with fresh_database(request.param, folder) as db:
        build_kb(db, folder / "pages")
        server = start(ServeSettings(db=db))
        try:
            with httpx.Client(base_url=server.url, timeout=60) as client:
                yield Live(server.url, db, client)
        finally:
            server.stop()
            server.app.app.state.engine.dispose()  # type: ignore[attr-defined]
