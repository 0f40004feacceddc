"""doingoai watch against a news site on loopback (never the internet): new items, an item in two feeds, a dead
link, robots.txt, a slow server, a page that fails once, a malformed feed; a second run fetches nothing new."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from doingoai.errors import UsageError
from doingoai.store import schema as s
from doingoai.store.engine import open_knowledge_base
from doingoai.watch import WatchOptions, watch_once
from doingoai.watch.feeds import FeedError, parse_listing
from doingoai.watch.fetch import Fetcher
from tests.cli.conftest import doingoai
from tests.store.conftest import db_url
from tests.watch.server import serve

__all__ = ["db_url"]  # the fixture, imported to be used here

FAST = WatchOptions(timeout=1.0, delay=0.01, retries=1, backoff=0.01)


def _documents(db: str) -> list[str]:
    engine = open_knowledge_base(db)
    try:
        with Session(engine) as session:
            return sorted(str(u) for u in session.scalars(select(s.Document.url)))
    finally:
        engine.dispose()


def _articles(requests: list[tuple[str, dict[str, str]]]) -> list[str]:
    return [p for p, _ in requests if p.endswith(".html")]


def test_two_runs_new_items_duplicates_dead_slow_malformed(db_url: str) -> None:
    db = db_url  # a SQLite file, and a fresh database on the real PostgreSQL server
    with serve() as site:
        feeds = [f"{site.base}{p}" for p in ("/feed.rss", "/feed.atom", "/index.xml", "/slow.rss", "/bad.xml")]
        first = watch_once(feeds, db, FAST)
        # a, b, gone, private, flaky from the RSS; b again and c from the Atom; d through the sitemap index; slow
        assert first.new == 8
        assert first.fetched == 5  # a, b, c, d, flaky (which answered 503 once, then 200 on the retry)
        assert first.ingested == 5
        assert (first.dead, first.refused, first.failed) == (1, 1, 1)
        assert _articles(site.requests).count("/b.html") == 1  # listed twice, fetched once
        assert "/private/p.html" not in _articles(site.requests)  # robots.txt
        assert any("bad.xml" in p and "not a feed" in p for p in first.problems)
        assert any("slow.html" in p and "no answer" in p for p in first.problems)
        assert _documents(db) == sorted(f"{site.base}{p}" for p in ("/a.html", "/b.html", "/c.html", "/d.html",
                                                                     "/flaky.html"))

        before = len(site.requests)
        second = watch_once(feeds, db, FAST)
        again = site.requests[before:]
        # the feeds with an ETag answer 304 to the conditional request
        assert any(p == "/feed.rss" and h.get("If-None-Match") for p, h in again)
        assert second.unchanged == 5 - 1  # every feed but the malformed one (it has no listing to keep)
        assert (second.new, second.fetched, second.ingested, second.dead, second.refused) == (0, 0, 0, 0, 0)
        # nothing new is fetched: no article page at all (the slow one is listed by an unchanged feed)
        assert _articles(again) == []
        assert len(_documents(db)) == 5


def test_a_failed_page_is_tried_again_on_the_next_round(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.sqlite")
    with serve() as site:
        site.flaky_failures = 10  # more than one round's retries
        feed = f"{site.base}/feed.rss"
        first = watch_once([feed], db, FAST)
        assert first.failed == 1
        assert first.ingested == 3 - 1  # a, b; flaky failed
        site.flaky_failures = 0
        # an unchanged feed (304) lists nothing: forget its validators, as a feed that changed would
        engine = open_knowledge_base(db)
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE watch_feeds SET etag = NULL, last_modified = NULL")
        engine.dispose()
        second = watch_once([feed], db, FAST)
        assert second.new == 0
        assert second.fetched == 1
        assert second.ingested == 1


def test_parse_listing_rss_atom_sitemap_and_garbage() -> None:
    from tests.watch import fixtures as fx

    assert [e.url for e in parse_listing(fx.rss("http://x", ["/1.html"])).entries] == ["http://x/1.html"]
    assert parse_listing(fx.rss("http://x", ["/1.html"])).entries[0].published == "2025-06-03"
    assert [e.url for e in parse_listing(fx.atom("http://x", ["/2.html"])).entries] == ["http://x/2.html"]
    listing = parse_listing(fx.sitemap("http://x", ["/3.html"]))
    assert [(e.url, e.published) for e in listing.entries] == [("http://x/3.html", "2025-06-06")]
    assert parse_listing(fx.sitemap_index("http://x", ["/s.xml"])).sitemaps == ("http://x/s.xml",)
    with pytest.raises(FeedError):
        parse_listing(b"<html><body>no feed</body></html>")
    with pytest.raises(FeedError):
        parse_listing(b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>')


def test_fetcher_waits_between_requests_to_one_host() -> None:
    waits: list[float] = []
    with serve() as site, Fetcher(timeout=2, delay=5.0, retries=0, sleep=waits.append) as fetcher:
        assert fetcher.get(f"{site.base}/a.html").ok
        assert fetcher.get(f"{site.base}/b.html").ok
    assert len(waits) == 1
    assert 4.0 < waits[0] <= 5.0  # the second request waited for the rest of the pause


def test_fetcher_retries_with_growing_pauses() -> None:
    waits: list[float] = []
    with serve() as site, Fetcher(timeout=2, delay=0, retries=3, backoff=0.5, sleep=waits.append) as fetcher:
        site.flaky_failures = 2
        got = fetcher.get(f"{site.base}/flaky.html")
    assert got.ok
    assert [w for w in waits if w >= 0.5] == [0.5, 1.0]


@pytest.mark.parametrize(("value", "seconds"), [("15m", 900.0), ("1h", 3600.0), ("90s", 90.0), ("2", 120.0)])
def test_intervals(value: str, seconds: float) -> None:
    from doingoai.cli_watch import interval

    assert interval(value) == seconds


@pytest.mark.parametrize("value", ["10s", "2d", "soon", "25h"])
def test_bad_intervals(value: str) -> None:
    from doingoai.cli_watch import interval

    with pytest.raises(UsageError):
        interval(value)


def test_the_command_once(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.sqlite")
    with serve() as site:
        ran = doingoai("watch", f"{site.base}/feed.atom", "--once", "--delay", "0.5", "--timeout", "2", "--db", db)
        assert ran.returncode == 0, ran.stderr
        assert "2 ingested" in ran.stderr
        ran = doingoai("watch", f"{site.base}/feed.atom", "--once", "--delay", "0.5", "--db", db)
        assert "0 new" in ran.stderr
    assert doingoai("watch", "ftp://x", "--db", db).returncode == 2
    assert doingoai("watch", "--db", db).returncode == 2
    assert doingoai("watch", "http://x", "--every", "15m", "--once", "--db", db).returncode == 2


def test_curated_feeds_are_listed_with_provenance() -> None:
    from doingoai.lexicon import data_text
    from doingoai.watch.curated import curated_feeds

    feeds = curated_feeds()
    assert len(feeds) >= 10
    assert all(f.startswith("https://") for f in feeds)
    assert "UNVERIFIED" in data_text("feeds.tsv")


def test_a_malformed_feed_alone_leaves_no_item(tmp_path: Path) -> None:
    # the watch tables exist after migration and start empty
    db = str(tmp_path / "kb.sqlite")
    with serve() as site:
        watch_once([f"{site.base}/bad.xml"], db, FAST)
    engine = open_knowledge_base(db)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM watch_items").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM watch_feeds").scalar() == 1
    engine.dispose()


def test_pages_are_decoded_by_their_charset() -> None:
    from doingoai.watch.fetch import Fetched

    text = "Đà La\u0323t, Hà Nội"[:9]  # "Đà Lạt" as windows-1258 writes it: a base letter and a combining tone
    raw = text.encode("cp1258")
    assert raw != text.encode("utf-8")
    assert Fetched("u", 200, raw, charset="windows-1258").text == text
    assert Fetched("u", 200, b'<html><head><meta charset="windows-1258"></head>' + raw).text.endswith(text)
    assert Fetched("u", 200, "Thủ tướng".encode(), charset="vni").text == "Thủ tướng"  # unknown codec: UTF-8


def test_a_sitemap_index_that_lists_itself_is_read_once(tmp_path: Path) -> None:
    from tests.watch import fixtures as fx

    with serve() as site:
        original = site.answer

        def answer(path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
            if path == "/loop.xml":
                return 200, {}, fx.sitemap_index(site.base, ["/loop.xml", "/sitemap.xml"])
            return original(path, headers)

        site.answer = answer  # type: ignore[method-assign]
        done = watch_once([f"{site.base}/loop.xml"], str(tmp_path / "kb.sqlite"), FAST)
        assert done.ingested == 1  # /d.html
        assert [p for p, _ in site.requests].count("/loop.xml") == 1


def test_robots_txt_can_refuse_a_feed(tmp_path: Path) -> None:
    with serve() as site:
        done = watch_once([f"{site.base}/private/feed.rss"], str(tmp_path / "kb.sqlite"), FAST)
        assert any("robots.txt refuses" in p for p in done.problems)
        assert "/private/feed.rss" not in [p for p, _ in site.requests]
