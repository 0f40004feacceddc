"""Stage 4, extract: an ``Article`` -> its events, relations and figures (``Extraction``)."""

from __future__ import annotations

import datetime as dt

from doingoai.extract.document import analyse
from doingoai.extract.events import extract_events
from doingoai.extract.figures import extract_figures
from doingoai.extract.relations import extract_relations
from doingoai.extract.timeline import reference_of
from doingoai.model import Article, Extraction

__all__ = ["extract"]


def extract(article: Article, today: dt.date | None = None) -> Extraction:
    """Everything the story asserts. ``today`` bounds the years a dateless story may be told in."""
    doc = analyse(article.text)
    ref = reference_of(article.published, article.text, today)
    return Extraction(
        events=tuple(extract_events(doc, ref)),
        relations=tuple(extract_relations(doc, ref)),
        figures=tuple(extract_figures(doc)),
    )
