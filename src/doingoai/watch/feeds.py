"""The article addresses a feed lists: RSS and Atom through feedparser, sitemaps (and sitemap indexes) through
lxml, never resolving entities or reaching the network from the parser."""

from __future__ import annotations

from dataclasses import dataclass

import feedparser
from lxml import etree

__all__ = ["Entry", "FeedError", "Listing", "parse_listing"]

_SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class FeedError(ValueError):
    """A feed that is neither a readable RSS/Atom feed nor a sitemap."""


@dataclass(frozen=True, slots=True)
class Entry:
    url: str
    published: str | None = None  # YYYY-MM-DD when the feed says


@dataclass(frozen=True, slots=True)
class Listing:
    entries: tuple[Entry, ...]
    sitemaps: tuple[str, ...] = ()  # a sitemap index lists other sitemaps


def _sitemap(content: bytes) -> Listing | None:
    head = content[:2000].lstrip()
    if b"<urlset" not in head and b"<sitemapindex" not in head:
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"malformed sitemap: {exc}") from None
    if root.tag == f"{_SITEMAP}sitemapindex":
        return Listing((), tuple(str(loc.text).strip() for loc in root.iter(f"{_SITEMAP}loc") if loc.text))
    entries = []
    for url in root.iter(f"{_SITEMAP}url"):
        loc, lastmod = url.find(f"{_SITEMAP}loc"), url.find(f"{_SITEMAP}lastmod")
        if loc is not None and loc.text:
            day = lastmod.text.strip()[:10] if lastmod is not None and lastmod.text else None
            entries.append(Entry(loc.text.strip(), day))
    return Listing(tuple(entries))


def parse_listing(content: bytes) -> Listing:
    """The entries of a feed or sitemap; ``FeedError`` for anything else (an HTML page, broken XML)."""
    found = _sitemap(content)
    if found is not None:
        return found
    parsed = feedparser.parse(content)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries")
        if parsed.get("bozo") or not parsed.get("version"):
            raise FeedError(f"not a feed or sitemap ({reason.splitlines()[0][:120]})")
        return Listing(())
    entries = []
    for item in parsed.entries:
        link = item.get("link")
        if not link:
            continue
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        day = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" if stamp else None
        entries.append(Entry(str(link).strip(), day))
    return Listing(tuple(entries))
