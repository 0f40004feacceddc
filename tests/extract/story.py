"""A story of a few sentences in the genre, as the segmenter would hand it to the extractor: the tests of one
mechanism each build their article here."""

from __future__ import annotations

from doingoai.clean.normalize import normalize
from doingoai.model import Article


def story(text: str, published: str | None) -> Article:
    """The article of a plain-text story (normalized) published on ``published`` (None: no page date)."""
    return Article(source="t.txt", title=None, published=published, outlet=None, text=normalize(text), related=(),
                   url=None, markup="text", encoding="utf-8", body_lines=())
