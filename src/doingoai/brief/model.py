"""What a brief is made of: sections of lines, each line with the source it rests on."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Brief", "Citation", "Line", "Section"]


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a line comes from: the sentence quoted, and the outlet, date and address of its article."""

    quote: str
    outlet: str | None
    published: str | None
    url: str | None
    source: str


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    cite: Citation


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    lines: tuple[Line, ...] = ()
    subsections: tuple[Section, ...] = ()


@dataclass(frozen=True, slots=True)
class Brief:
    title: str
    sections: tuple[Section, ...]
