"""Databases for the knowledge-base tests: a fresh SQLite file, and a fresh database on the real
PostgreSQL server of the machine (created and dropped by the test). Without a reachable server the
PostgreSQL runs are skipped with a loud message, except under CI=true, where they fail."""

from __future__ import annotations

import os
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

PG_ADMIN = os.environ.get("DOINGOAI_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def _pg_available() -> str | None:
    try:
        engine = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with engine.connect() as c:
            c.execute(text("select 1"))
        engine.dispose()
        return None
    except OperationalError as exc:
        return str(exc).splitlines()[0]


@contextmanager
def fresh_database(kind: str, folder: Path) -> Iterator[str]:
    """A fresh SQLite file in ``folder``, or a fresh database on the machine's real PostgreSQL server
    (dropped afterwards); the PostgreSQL case is skipped loudly without a server, and fails under CI=true."""
    if kind == "sqlite":
        yield str(folder / "kb.sqlite")
        return
    problem = _pg_available()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is not reachable under CI: {problem}")
        warnings.warn(f"SKIPPING PostgreSQL tests: no server at {PG_ADMIN} ({problem})", stacklevel=1)
        pytest.skip(f"PostgreSQL not reachable: {problem}")
    name = f"doingoai_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as c:
            c.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_database(request.param, tmp_path) as url:
        yield url
