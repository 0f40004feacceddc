"""``doingoai watch``: keep the knowledge base current from feeds and sitemaps (thin: the work is in
``doingoai.watch``, imported when the command runs)."""

from __future__ import annotations

import re
import sys
import time
from typing import Annotated

import typer

from doingoai.cli_kb import DbOption
from doingoai.errors import UsageError

__all__ = ["interval", "register"]

_INTERVAL = re.compile(r"^(\d+(?:\.\d+)?)\s*(s|m|h)?$")


def interval(value: str) -> float:
    """Seconds of "90s", "15m", "2h" (a bare number is minutes); at least a minute, at most a day."""
    m = _INTERVAL.match(value.strip().lower())
    if not m:
        raise UsageError(f"--every {value!r}: write a duration such as 15m, 1h or 90s")
    seconds = float(m[1]) * {"s": 1, "m": 60, "h": 3600}[m[2] or "m"]
    if not 60 <= seconds <= 86400:
        raise UsageError(f"--every {value!r}: between 1m and 24h (a feed read more often than once a minute "
                         "is not polite)")
    return seconds


def register(app: typer.Typer) -> None:
    @app.command("watch", epilog="""Examples:

  doingoai watch https://baoquocte.vn/rss/thoi-su.rss --once --db kb.sqlite

  doingoai watch --curated --every 15m --db kb.sqlite

  doingoai watch https://example.vn/sitemap.xml https://example.vn/rss/ngoai-giao.rss --once

The curated list (--curated) is data/feeds.tsv: the main Vietnamese outlets' foreign-affairs feeds, written
from the outlets' published feed pages but not checked from this machine (see the file's header).""")
    def watch_cmd(
        feeds: Annotated[list[str] | None, typer.Argument(metavar="FEED_OR_SITEMAP_URL", help="RSS or Atom feeds "
                                                          "and sitemaps (http or https).", show_default=False)] = None,
        curated: Annotated[bool, typer.Option("--curated", help="Also read the curated feeds of data/feeds.tsv.")] =
        False,
        every: Annotated[str | None, typer.Option(metavar="DURATION", help="Read the feeds again after this long "
                                                  "(15m, 1h), until interrupted.")] = None,
        once: Annotated[bool, typer.Option("--once", help="Read the feeds once and stop (the default).")] = False,
        timeout: Annotated[float, typer.Option(min=1, max=300, metavar="SECONDS",
                                               help="Give up on an answer after this long.")] = 20.0,
        delay: Annotated[float, typer.Option(min=0.5, max=600, metavar="SECONDS",
                                             help="Pause between two requests to the same site.")] = 1.0,
        db: DbOption = None,
    ) -> None:
        """Follow news feeds and sitemaps: fetch the articles not seen before and ingest them.

        RSS/Atom feeds and sitemaps are read, new articles fetched politely (robots.txt, a pause between
        requests to a site, retries, conditional requests) and ingested as `doingoai ingest` does.
        What was seen is remembered in the knowledge base: the next round fetches only what is new."""
        from doingoai.watch import WatchOptions, watch_once
        from doingoai.watch.curated import curated_feeds

        if every is not None and once:
            raise UsageError("give --every DURATION or --once, not both")
        pause = interval(every) if every is not None else None
        urls = list(feeds or []) + (curated_feeds() if curated else [])
        if not urls:
            raise UsageError("give feed or sitemap addresses, or --curated")
        for url in urls:
            if not re.match(r"^https?://[^/\s]+", url):
                raise UsageError(f"{url!r}: not an http or https address")
        options = WatchOptions(timeout=timeout, delay=delay)
        try:
            while True:
                summary = watch_once(urls, db, options)
                for problem in summary.problems:
                    sys.stderr.write(f"doingoai: {problem}\n")
                sys.stderr.write(f"doingoai: {summary.line()}\n")
                if pause is None:
                    return
                time.sleep(pause)
        except KeyboardInterrupt:
            sys.stderr.write("doingoai: watch stopped; what was ingested stays, the next run goes on from there\n")
            raise typer.Exit(130) from None
