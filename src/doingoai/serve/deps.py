"""What a route needs from the running server: a database session, the settings."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from doingoai.serve.settings import ServeSettings

__all__ = ["session", "settings"]


def session(request: Request) -> Iterator[Session]:
    """One session per request, on the engine the server opened at start."""
    engine: Engine = request.app.state.engine
    with Session(engine) as s:
        yield s


def settings(request: Request) -> ServeSettings:
    found: ServeSettings = request.app.state.settings
    return found
