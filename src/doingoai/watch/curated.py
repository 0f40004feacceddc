"""The curated list of Vietnamese outlets' foreign-affairs feeds (data/feeds.tsv)."""

from __future__ import annotations

from doingoai.lexicon import load_tsv

__all__ = ["curated_feeds"]


def curated_feeds() -> list[str]:
    return [row["url"] for row in load_tsv("feeds.tsv", ("outlet", "url", "kind", "section"))]
