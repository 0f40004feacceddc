"""One round of watching: read each feed (conditionally), fetch the articles not seen before, ingest them
through ``doingoai.store.ingest`` (the function ``doingoai ingest`` calls), and remember what became of each."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from sqlalchemy.engine import Connection, Engine

from doingoai.config import DEFAULT_CONFIG, PipelineConfig
from doingoai.store.engine import make_engine, migrate
from doingoai.store.ingest import ingest
from doingoai.watch.feeds import Entry, FeedError, parse_listing
from doingoai.watch.fetch import Fetcher
from doingoai.watch.state import (
    DEAD,
    FAILED,
    INGESTED,
    REFUSED,
    feed_validators,
    known_items,
    record_item,
    save_feed,
)

__all__ = ["WatchOptions", "WatchSummary", "watch_once"]

MAX_ATTEMPTS = 3  # an article that failed (timeout, 5xx) is tried again on this many rounds in all
MAX_SITEMAPS = 50  # sitemaps followed from one sitemap index


@dataclass(frozen=True, slots=True)
class WatchOptions:
    timeout: float = 20.0
    delay: float = 1.0
    retries: int = 2
    backoff: float = 1.0
    config: PipelineConfig = DEFAULT_CONFIG


@dataclass
class WatchSummary:
    feeds: int = 0
    unchanged: int = 0  # feeds that answered 304 Not Modified
    listed: int = 0  # entries in the feeds read
    new: int = 0  # entries not seen before (once, however many feeds list them)
    fetched: int = 0  # article pages downloaded
    ingested: int = 0  # new documents in the knowledge base
    already: int = 0  # pages fetched whose content the knowledge base holds already
    dead: int = 0
    refused: int = 0  # robots.txt says no
    failed: int = 0
    requests: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.feeds} feed(s) ({self.unchanged} unchanged), {self.listed} entries, {self.new} new; "
                f"{self.fetched} page(s) fetched, {self.ingested} ingested, {self.already} already stored, "
                f"{self.dead} dead, {self.refused} refused by robots.txt, {self.failed} failed; "
                f"{self.requests} request(s)")


def _entries(fetcher: Fetcher, url: str, conn: Connection, summary: WatchSummary,
             visited: set[str] | None = None) -> list[Entry]:
    """The entries of one feed or sitemap (following a sitemap index, each sitemap once), or [] when it is
    unchanged, refused by robots.txt or not a feed."""
    visited = visited if visited is not None else set()
    if url in visited or len(visited) > MAX_SITEMAPS:
        return []  # an index that lists itself, or an endless chain of indexes
    visited.add(url)
    if not fetcher.allowed(url):
        summary.problems.append(f"{url}: robots.txt refuses this feed")
        save_feed(conn, url, None, None, "refused by robots.txt")
        return []
    etag, modified = feed_validators(conn, url)
    got = fetcher.get(url, etag, modified)
    if got.not_modified:
        summary.unchanged += 1
        save_feed(conn, url, None, None, "not modified")
        return []
    if not got.ok:
        summary.problems.append(f"{url}: feed not read: {got.error}")
        save_feed(conn, url, None, None, got.error or "failed")
        return []
    try:
        listing = parse_listing(got.content)
    except FeedError as exc:
        summary.problems.append(f"{url}: {exc}")
        save_feed(conn, url, None, None, str(exc))
        return []
    save_feed(conn, url, got.etag, got.last_modified, "read")
    entries = list(listing.entries)
    for sub in listing.sitemaps[:MAX_SITEMAPS]:
        entries += _entries(fetcher, sub, conn, summary, visited)
    return entries


def watch_once(feeds: list[str], db: str | None = None, options: WatchOptions = WatchOptions()) -> WatchSummary:
    """Read ``feeds`` once and ingest what is new into the knowledge base ``db``."""
    summary = WatchSummary(feeds=len(feeds))
    engine = make_engine(db)
    migrate(engine)
    pages: list[dict[str, str | None]] = []
    owner: dict[str, str] = {}  # article -> the feed that listed it first
    try:
        with Fetcher(options.timeout, options.delay, options.retries, options.backoff) as fetcher:
            with engine.begin() as conn:
                queue: list[tuple[Entry, str]] = []
                for feed in feeds:
                    for entry in _entries(fetcher, feed, conn, summary):
                        summary.listed += 1
                        if entry.url not in owner:  # listed by two feeds: fetched once
                            owner[entry.url] = feed
                            queue.append((entry, feed))
                seen = known_items(conn, [e.url for e, _ in queue])
                for entry, feed in queue:
                    status, attempts = seen.get(entry.url, ("", 0))
                    if status in (INGESTED, DEAD, REFUSED) or (status == FAILED and attempts >= MAX_ATTEMPTS):
                        continue
                    if not status:
                        summary.new += 1
                    if not fetcher.allowed(entry.url):
                        summary.refused += 1
                        record_item(conn, entry.url, feed, REFUSED, "robots.txt")
                        continue
                    got = fetcher.get(entry.url)
                    if got.ok:
                        summary.fetched += 1
                        pages.append({"url": entry.url, "source": entry.url, "published": entry.published,
                                      "html": got.text})
                    elif got.status in (404, 410):
                        summary.dead += 1
                        record_item(conn, entry.url, feed, DEAD, got.error)
                    else:
                        summary.failed += 1
                        summary.problems.append(f"{entry.url}: {got.error}")
                        record_item(conn, entry.url, feed, FAILED, got.error)
            summary.requests = fetcher.requests
        if pages:
            _ingest(pages, owner, db, options, summary, engine)
    finally:
        engine.dispose()
    return summary


def _ingest(pages: list[dict[str, str | None]], owner: dict[str, str], db: str | None, options: WatchOptions,
            summary: WatchSummary, engine: Engine) -> None:
    with tempfile.TemporaryDirectory(prefix="doingoai-watch-") as folder:
        path = Path(folder) / "pages.jsonl"
        path.write_bytes(b"".join(orjson.dumps(p) + b"\n" for p in pages))
        done = ingest([str(path)], db, options.config)
    failed = {f.source: f.reason for f in done.failed}
    summary.ingested += done.new
    summary.already += done.skipped
    with engine.begin() as conn:
        for page in pages:
            url = str(page["url"])
            if url in failed:
                summary.failed += 1
                summary.problems.append(f"{url}: {failed[url]}")
                record_item(conn, url, owner[url], FAILED, failed[url])
            else:
                record_item(conn, url, owner[url], INGESTED)
