"""The ``doingoai/1`` record: the JSON contract every consumer reads (see shared/spec/output-format.md)."""

from __future__ import annotations

from typing import Any

from doingoai.model import Article, Evidence, Extraction
from doingoai.render import render_event, render_figure, render_relation

__all__ = ["FORMAT", "to_record"]

FORMAT = "doingoai/1"


def _evidence(ev: Evidence) -> dict[str, Any]:
    out: dict[str, Any] = {"text": ev.text, "start": ev.start, "end": ev.end}
    if ev.related is not None:
        out["related"] = ev.related
    return out


def _item(item: Any) -> dict[str, Any]:
    # a shallow conversion: dataclasses.asdict deep-copies, which costs more than the extraction
    d = {f: getattr(item, f) for f in item.__slots__}
    for key in ("date", "place"):
        if key in d:
            d[key] = {f: getattr(d[key], f) for f in d[key].__slots__}
    if "participants" in d:
        d["participants"] = [{f: getattr(p, f) for f in p.__slots__} for p in d["participants"]]
    d["evidence"] = _evidence(item.evidence)
    for key in ("countries", "organizations", "participants"):
        if key in d:
            d[key] = list(d[key])
    if "value" in d and float(d["value"]).is_integer():
        d["value"] = int(d["value"])
    return d


def to_record(article: Article, extraction: Extraction | None = None) -> dict[str, Any]:
    ex = extraction or Extraction()
    relations = [_item(r) for r in ex.relations]
    events = [_item(e) for e in ex.events]
    figures = [_item(f) for f in ex.figures]
    # the optional "en": one English sentence built from the item's own fields (doingoai.render), for readers
    # who do not read Vietnamese; consumers of the contract may ignore it
    for e in events:
        e["en"] = render_event(e, relations)
    for r in relations:
        r["en"] = render_relation(r)
    for f in figures:
        f["en"] = render_figure(f)
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
        "events": events,
        "relations": relations,
        "figures": figures,
    }
