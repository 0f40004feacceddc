"""The typed records that flow through the pipeline: read -> clean -> segment -> extract -> store.

A ``Page`` is what the reader found (decoded, not yet normalized); an ``Article`` is the story in it,
normalized, with its own text; the extraction records point into ``Article.text`` by offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Article", "Failure", "Page", "Related"]

Markup = Literal["text", "html"]


@dataclass(frozen=True, slots=True)
class Page:
    """One input as read: a file, a JSON Lines record or stdin, decoded to ``str``."""

    source: str
    content: str
    markup: Markup
    url: str | None = None
    published: str | None = None  # given by a JSON Lines record; the page's own date is read otherwise
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read or processed; a batch reports it and goes on."""

    source: str
    code: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Related:
    """A teaser of another story printed around the main one: its headline and lead."""

    title: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """The main story of a page, normalized. ``text`` is what every offset refers to."""

    source: str
    title: str | None
    published: str | None
    outlet: str | None
    text: str
    related: tuple[Related, ...] = ()
    url: str | None = None
    markup: Markup = "text"
    encoding: str = "utf-8"
    # 1-based line numbers of the normalized input that hold the body (text pages; empty for HTML).
    body_lines: tuple[int, ...] = field(default=(), compare=False)
