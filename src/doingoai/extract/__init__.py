"""Stage 4, extract: an ``Article`` -> its events, relations and figures (``Extraction``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from doingoai.extract.cues import find_cues
from doingoai.extract.document import analyse
from doingoai.extract.events import extract_events
from doingoai.extract.figures import extract_figures
from doingoai.extract.relations import extract_relations
from doingoai.extract.timeline import reference_of
from doingoai.model import Article, Extraction

__all__ = ["extract"]


def extract(article: Article, today: dt.date | None = None, related: bool = False) -> Extraction:
    """Everything the story asserts, and (``related``) what the teasers around it report, marked
    ``section: "related"`` with evidence in their own text. ``today`` bounds the years a dateless story
    may be told in."""
    doc = analyse(article.text)
    doc.headline = article.title or ""
    ref = reference_of(article.published, article.text, today)
    events, relations, figures = extract_events(doc, ref), extract_relations(doc, ref), extract_figures(doc)
    for i, item in enumerate(article.related if related else ()):
        if not item.text or not find_cues(item.text):
            continue  # most teasers (weather, culture, sport) state no act: skip their analysis
        teaser = analyse(item.text)
        events += [replace(e, section="related", evidence=replace(e.evidence, related=i))
                   for e in extract_events(teaser, ref)]
        relations += [replace(r, section="related", evidence=replace(r.evidence, related=i))
                      for r in extract_relations(teaser, ref)]
        figures += [replace(f, section="related", evidence=replace(f.evidence, related=i))
                    for f in extract_figures(teaser)]
    return Extraction(events=tuple(events), relations=tuple(relations), figures=tuple(figures))
