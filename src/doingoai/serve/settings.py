"""What ``doingoai serve`` was started with."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["INGEST_TOKEN_ENV", "MAX_PAGE_SIZE", "ServeSettings"]

# The environment variable that holds the bearer token of POST /api/v1/ingest (never an option: a token
# on the command line is visible to every user of the machine in the process list).
INGEST_TOKEN_ENV = "DOINGOAI_API_TOKEN"
# The most events one API page returns: enough for any screen, small enough that one request cannot
# ask the database for everything at once (exports are for that).
MAX_PAGE_SIZE = 500


@dataclass(frozen=True, slots=True)
class ServeSettings:
    db: str | None = None
    allow_ingest: bool = False
    ingest_token: str | None = None
    # the largest request body, in bytes (an ingest of a few pages; every other request has none)
    max_body: int = 10_000_000
