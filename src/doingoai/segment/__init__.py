"""Stage 3, segment: a normalized page -> the story (``Article``) and the teasers around it."""

from __future__ import annotations

import datetime as dt

from doingoai.clean.normalize import normalize, normalize_line
from doingoai.model import Article, Page, Related
from doingoai.segment.html import html_parts
from doingoai.segment.outlet import outlet_of
from doingoai.segment.text import Segments, segment_lines

__all__ = ["segment"]


def _related(segments: Segments) -> tuple[Related, ...]:
    # the segments come from normalized text already: normalizing again would only cost time
    return tuple(Related(title=t or None, text=lead) for t, lead in segments.related)


def segment(page: Page, today: dt.date | None = None) -> Article:
    """The story of one page. A record's own ``published`` wins over the date printed on the page. No date
    after ``today`` (default: the language data's review date, never the machine's clock) is read from an
    HTML page's metadata."""
    if page.markup == "html":
        parts = html_parts(page.content, page.url, today)
        segments, title = parts.segments, parts.title
        published = page.published or parts.published
        outlet = outlet_of(page.url or (f"https://{parts.hostname}/" if parts.hostname else None),
                           segments.header, segments.body[0][1] if segments.body else None, parts.sitename,
                           segments.below)
        body_lines: tuple[int, ...] = ()
    else:
        segments = segment_lines(normalize(page.content).split("\n"))
        title = segments.title
        published = page.published or (segments.published.iso if segments.published else None)
        outlet = outlet_of(page.url, segments.header, segments.body[0][1] if segments.body else None,
                           below=segments.below)
        body_lines = tuple(number for number, _ in segments.body)
    return Article(
        source=page.source,
        title=normalize_line(title) if title else None,
        published=published,
        outlet=outlet,
        text="\n".join(text for _, text in segments.body),
        related=_related(segments),
        url=page.url,
        markup=page.markup,
        encoding=page.encoding,
        body_lines=body_lines,
    )
