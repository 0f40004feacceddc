"""The ``doingoai/1`` record: the JSON contract every consumer reads (see shared/spec/output-format.md)."""

from __future__ import annotations

from typing import Any

from doingoai.model import Article

__all__ = ["FORMAT", "to_record"]

FORMAT = "doingoai/1"


def to_record(article: Article, events: list[dict[str, Any]] | None = None,
              relations: list[dict[str, Any]] | None = None,
              figures: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "source": article.source,
        "article": {
            "title": article.title,
            "published": article.published,
            "outlet": article.outlet,
            "text": article.text,
            "related": [{"title": r.title, "text": r.text} for r in article.related],
        },
        "events": events or [],
        "relations": relations or [],
        "figures": figures or [],
    }
