"""The typed records that flow through the pipeline: read -> clean -> segment -> extract -> store.

A ``Page`` is what the reader found (decoded, not yet normalized); an ``Article`` is the story in it,
normalized, with its own text; the extraction records point into ``Article.text`` by offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Literal, TypeVar

__all__ = [
    "Article", "Event", "EventDate", "Evidence", "Extraction", "Failure", "Figure", "Page", "Participant", "Place",
    "Related", "Relation",
]

Markup = Literal["text", "html"]

_T = TypeVar("_T")


def _pickled_by_fields(cls: type[_T]) -> type[_T]:
    """Pickle a frozen, slotted record as its class and its fields in order (rebuilt by its constructor): the
    dataclass default of Python 3.11 looks the fields up again for every object, which made unpickling the
    records that Dask workers send back to the one process that writes a tenth of that process's time."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]

    def __reduce__(self: _T) -> tuple[type[_T], tuple[object, ...]]:
        return cls, tuple(getattr(self, name) for name in names)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Page:
    """One input as read: a file, a JSON Lines record or stdin, decoded to ``str``."""

    source: str
    content: str
    markup: Markup
    url: str | None = None
    published: str | None = None  # given by a JSON Lines record; the page's own date is read otherwise
    encoding: str = "utf-8"


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read or processed; a batch reports it and goes on."""

    source: str
    code: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Related:
    """A teaser of another story printed around the main one: its headline and lead."""

    title: str | None
    text: str


@_pickled_by_fields
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


# -- extraction records (the doingoai/1 events, relations and figures) -------------------------------


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence or clause that states an item: ``text == article.text[start:end]``
    (or ``article.related[related].text[start:end]`` for an item read from a teaser)."""

    text: str
    start: int
    end: int
    related: int | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    title: str | None
    country: str | None
    org: str | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class EventDate:
    start: str | None  # "YYYY-MM-DD", "YYYY-MM", "YYYY", "--MM-DD", "--MM"
    end: str | None = None
    part_of_day: str | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Place:
    name: str | None
    country: str | None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Event:
    type: str
    section: str
    salience: str
    status: str
    date: EventDate
    place: Place
    participants: tuple[Participant, ...]
    countries: tuple[str, ...]
    organizations: tuple[str, ...]
    evidence: Evidence


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Relation:
    countries: tuple[str, str]
    level: str
    since: int | None
    section: str
    evidence: Evidence


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Figure:
    kind: str
    countries: tuple[str, ...]
    value: float
    unit: str | None
    qualifier: str | None
    what: str | None
    section: str
    evidence: Evidence


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Extraction:
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    figures: tuple[Figure, ...] = ()
