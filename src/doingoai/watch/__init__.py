"""Live feeds: read RSS/Atom feeds and sitemaps, fetch the new articles politely, and ingest them through the
same library functions as ``doingoai ingest``, remembering what was seen (tables ``watch_feeds`` and
``watch_items``, migration 0005_watch)."""

from doingoai.watch.run import WatchOptions, WatchSummary, watch_once

__all__ = ["WatchOptions", "WatchSummary", "watch_once"]
