"""Which site published a page: from its URL, else from what the page says about itself."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from urllib.parse import urlsplit

from doingoai.lexicon import load_tsv

__all__ = ["outlet_of", "site_outlet"]

_DOMAIN = re.compile(r"\b((?:[a-z0-9-]+\.)+(?:com\.vn|net\.vn|org\.vn|gov\.vn|edu\.vn|vn|com|net|org))\b",
                     re.IGNORECASE)
# "(PLO)- ...", "(TBTCO) - ...", "Kinhtedothi - ...": the outlet's tag at the head of the lead.
_LEAD_TAG = re.compile(r"^\(([^()]{2,30})\)\s*[-–—:]?|^([^\s()]{2,25})\s+[-–—]\s")
_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.", "en.")


@cache
def _tags() -> tuple[dict[str, str], frozenset[str]]:
    rows = load_tsv("outlets.tsv", ("domain", "tags", "name"))
    tags: dict[str, str] = {}
    for row in rows:
        for tag in [*row["tags"].split("|"), row["name"]]:
            if tag.strip():
                tags[tag.strip()] = row["domain"]
    return tags, frozenset(row["domain"] for row in rows)


MAX_OUTLET = 200


def _host(url: str) -> str | None:
    """The site of ``url``; None when it names none or cannot be parsed (an unclosed IPv6 bracket, a port
    that is no number: a feed's URL is a hint, and a broken one must not cost the page)."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    for prefix in _HOST_PREFIXES:
        host = host.removeprefix(prefix)
    # a site's name is a domain of at most a few dozen characters (DNS allows 253); a longer "host" is no
    # outlet anyone publishes from, and the knowledge base keeps outlets in 200 characters
    return host if host and len(host) <= MAX_OUTLET else None


def outlet_of(url: str | None, header: Iterable[str], lead: str | None, sitename: str | None = None,
              below: Sequence[str] = ()) -> str | None:
    """The publishing site's domain, when the URL, the site name, the page header, the lead's tag or the
    page furniture below the story (follow buttons, the footer's masthead and copyright) says it."""
    if url and _host(url):
        return _host(url)
    site = site_outlet(sitename)
    if site is not None:
        return site
    tags, domains = _tags()
    return _domain_in(header, domains) or _lead_tag(lead, tags) or _domain_in(reversed(below), domains)


def site_outlet(sitename: str | None) -> str | None:
    """The outlet a page's site name gives (a known outlet's name or tag, or a domain), else None: where it
    gives one, ``outlet_of`` without a URL reads neither the header nor the furniture below the story."""
    if not sitename:
        return None
    tags = _tags()[0]
    if sitename.strip() in tags:
        return tags[sitename.strip()]
    if _DOMAIN.fullmatch(sitename.strip()):
        return sitename.strip().lower().removeprefix("www.")
    return None


def _domain_in(lines: Iterable[str], domains: frozenset[str]) -> str | None:
    for line in lines:
        for found in _DOMAIN.finditer(line):
            domain = found.group(1).lower().removeprefix("www.")
            if domain in domains or domain.endswith(".vn"):
                return domain
    return None


def _lead_tag(lead: str | None, tags: dict[str, str]) -> str | None:
    m = _LEAD_TAG.match(lead) if lead else None
    if not m:
        return None
    tag = (m.group(1) or m.group(2) or "").strip()
    if tag in tags:
        return tags[tag]
    return tag.lower() if _DOMAIN.fullmatch(tag) else None
