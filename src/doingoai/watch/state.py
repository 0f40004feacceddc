"""What ``doingoai watch`` remembers (tables of migration 0005_watch): feed validators and seen articles."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Integer, MetaData, String, Table, insert, select, update
from sqlalchemy.engine import Connection

__all__ = [
    "DEAD",
    "FAILED",
    "FEEDS",
    "INGESTED",
    "ITEMS",
    "REFUSED",
    "feed_validators",
    "known_items",
    "now",
    "record_item",
    "save_feed",
]

_META = MetaData()
FEEDS = Table("watch_feeds", _META, Column("url", String(2000), primary_key=True), Column("etag", String(500)),
              Column("last_modified", String(100)), Column("checked_at", String(40)), Column("status", String(200)))
ITEMS = Table("watch_items", _META, Column("url", String(2000), primary_key=True), Column("feed", String(2000)),
              Column("status", String(20)), Column("attempts", Integer), Column("first_seen", String(40)),
              Column("fetched_at", String(40)), Column("note", String(500)))

INGESTED, DEAD, REFUSED, FAILED = "ingested", "dead", "robots", "failed"


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def feed_validators(conn: Connection, url: str) -> tuple[str | None, str | None]:
    row = conn.execute(select(FEEDS.c.etag, FEEDS.c.last_modified).where(FEEDS.c.url == url)).first()
    return (row[0], row[1]) if row else (None, None)


def save_feed(conn: Connection, url: str, etag: str | None, last_modified: str | None, status: str) -> None:
    values: dict[str, str | None] = {"checked_at": now(), "status": status[:200]}
    if etag or last_modified:
        values |= {"etag": etag, "last_modified": last_modified}
    if conn.execute(select(FEEDS.c.url).where(FEEDS.c.url == url)).first():
        conn.execute(update(FEEDS).where(FEEDS.c.url == url).values(**values))
    else:
        conn.execute(insert(FEEDS).values(url=url, **values))


def known_items(conn: Connection, urls: list[str]) -> dict[str, tuple[str, int]]:
    """(status, attempts) of the URLs seen before."""
    out: dict[str, tuple[str, int]] = {}
    for start in range(0, len(urls), 500):
        for url, status, attempts in conn.execute(select(ITEMS.c.url, ITEMS.c.status, ITEMS.c.attempts)
                                                  .where(ITEMS.c.url.in_(urls[start:start + 500]))):
            out[url] = (status, attempts)
    return out


def record_item(conn: Connection, url: str, feed: str, status: str, note: str | None = None) -> None:
    row = conn.execute(select(ITEMS.c.attempts).where(ITEMS.c.url == url)).first()
    stamp = now()
    if row is None:
        conn.execute(insert(ITEMS).values(url=url, feed=feed, status=status, attempts=1, first_seen=stamp,
                                          fetched_at=stamp, note=(note or "")[:500] or None))
    else:
        conn.execute(update(ITEMS).where(ITEMS.c.url == url).values(
            status=status, attempts=row[0] + 1, fetched_at=stamp, note=(note or "")[:500] or None))
