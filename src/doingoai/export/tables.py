"""Exports of the knowledge base: CSV, JSON Lines, JSON, Parquet, and a PLOVER/CAMEO event table.

Rows are flat (lists joined with ";"), so that spreadsheets, pandas and GDELT-style pipelines read them
as they are. Every table has fixed columns (an empty export still says them). The CAMEO/PLOVER mapping
is data: ``data/plover_cameo.yaml`` and ``data/cameo_sectors.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
from sqlalchemy import select
from sqlalchemy.orm import Session

from doingoai.config import HOME
from doingoai.errors import UsageError
from doingoai.export.files import FORMATS, write_rows
from doingoai.lexicon import load_yaml
from doingoai.render.rows import Levels, event_row_sentence, figure_row_sentence, relation_row_sentence
from doingoai.store import schema as s
from doingoai.store.queries import EventFilter, EventRow, find_events, relation_levels

__all__ = ["COLUMNS", "FORMATS", "TABLES", "export", "rows"]

COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("event_id", "type", "status", "salience", "date_start", "date_end", "part_of_day", "place_name",
               "place_country", "countries", "bodies", "initiator", "participants", "n_sources", "evidence",
               "source", "url", "en"),
    "relations": ("a", "b", "level", "since", "first_mention", "last_mention", "n_sources", "en"),
    "figures": ("figure_id", "document_id", "kind", "countries", "value", "unit", "qualifier", "what", "published",
                "evidence", "en"),
    "documents": ("document_id", "content_hash", "source", "url", "outlet", "published", "title", "text",
                  "extractor_version"),
    "plover": ("event_id", "event_date", "source_actor", "source_sectors", "source_code", "target_actor",
               "target_sectors", "target_code", "cameo_code", "cameo_root", "cameo_name", "quad_class",
               "plover_event_type", "plover_mode", "plover_context", "doingoai_type", "status", "bodies",
               "n_sources", "evidence", "url"),
}
TABLES = tuple(COLUMNS)


def _event_row(e: EventRow, levels: Levels | None = None) -> dict[str, Any]:
    first = e.sources[0] if e.sources else {}
    return {
        "event_id": e.id, "type": e.type, "status": e.status, "salience": e.salience, "date_start": e.date_start,
        "date_end": e.date_end, "part_of_day": e.part_of_day, "place_name": e.place_name,
        "place_country": e.place_country, "countries": ";".join(e.countries), "bodies": ";".join(e.bodies),
        "initiator": e.initiator,
        "participants": "; ".join(f"{p['name']} ({p['title'] or ''}, {p['country'] or '?'})" for p in e.participants),
        "n_sources": e.n_sources, "evidence": e.evidence, "source": first.get("source"), "url": first.get("url"),
        "en": event_row_sentence(e, levels),
    }


@cache
def _iso3(code: str) -> str:
    found = pycountry.countries.get(alpha_2=code)
    return found.alpha_3 if found else {"XK": "XKX"}.get(code, code)


def _dyads(e: EventRow, direction: str) -> list[tuple[str, str]]:
    """(source, target) states of an event, read the way CAMEO reads the act."""
    states = e.countries
    if direction == "sender" and e.initiator in states:
        # the record names who acts first: a National Day message to Vietnam is sent by its partner
        targets = [c for c in states if c != e.initiator]
        return [(e.initiator, t) for t in targets] or [(e.initiator, "")]
    if len(states) < 2:
        return [(states[0], "")] if states else []
    if direction in ("visitor", "host") and e.place_country in states:
        visitors = [c for c in states if c != e.place_country]
        pairs = [(v, e.place_country) for v in visitors]
        return pairs if direction == "visitor" else [(t, v) for v, t in pairs]
    # `home`, and a directed act stored before initiators were kept (`ingest --reprocess` fills them in)
    first = HOME if HOME in states else states[0]
    return [(first, c) for c in states if c != first]


def _sectors(e: EventRow, state: str) -> list[str]:
    """The CAMEO sector codes of the participants serving ``state``: highest-ranked first, and among equals
    in the order of data/cameo_sectors.yaml (the party before the state it leads)."""
    table: dict[str, str] = load_yaml("cameo_sectors.yaml")
    order = list(table)
    people = [p for p in e.participants if p["country"] == state and p.get("pillar") in table]
    out: list[str] = []
    for p in sorted(people, key=lambda p: (p["rank"], order.index(p["pillar"]), p["name"] or "")):
        if table[p["pillar"]] not in out:
            out.append(table[p["pillar"]])
    return out


def _actor(e: EventRow, state: str) -> dict[str, str]:
    if not state:
        return {"actor": "", "sectors": "", "code": ""}
    sectors = _sectors(e, state)
    return {"actor": _iso3(state), "sectors": ";".join(sectors), "code": _iso3(state) + (sectors[0] if sectors else "")}


def _plover(session: Session) -> Iterator[dict[str, Any]]:
    mapping = load_yaml("plover_cameo.yaml")
    for e in find_events(session, EventFilter()):
        m = mapping.get(e.type, {})
        for src, dst in _dyads(e, m.get("direction", "home")):
            source, target = _actor(e, src), _actor(e, dst)
            yield {"event_id": e.id, "event_date": e.date_start,
                   "source_actor": source["actor"], "source_sectors": source["sectors"], "source_code": source["code"],
                   "target_actor": target["actor"], "target_sectors": target["sectors"], "target_code": target["code"],
                   "cameo_code": m.get("cameo", ""), "cameo_root": str(m.get("cameo", ""))[:2],
                   "cameo_name": m.get("cameo_name", ""), "quad_class": m.get("quad_class"),
                   "plover_event_type": m.get("plover", ""), "plover_mode": m.get("plover_mode", ""),
                   "plover_context": m.get("plover_context", ""), "doingoai_type": e.type, "status": e.status,
                   "bodies": ";".join(e.bodies), "n_sources": e.n_sources, "evidence": e.evidence,
                   "url": e.sources[0].get("url") if e.sources else None}


def rows(session: Session, table: str) -> Iterator[dict[str, Any]]:
    if table == "events":
        levels = relation_levels(session)
        yield from (_event_row(e, levels) for e in find_events(session, EventFilter()))
    elif table == "plover":
        yield from _plover(session)
    elif table == "relations":
        for r in session.scalars(select(s.Relation).order_by(s.Relation.a, s.Relation.b)).all():
            yield {"a": r.a, "b": r.b, "level": r.level, "since": r.since, "first_mention": r.first_mention,
                   "last_mention": r.last_mention, "n_sources": r.n_sources,
                   "en": relation_row_sentence(r.a, r.b, r.level, r.since)}
    elif table == "figures":
        for f in session.scalars(select(s.Figure).order_by(s.Figure.id)).all():
            yield {"figure_id": f.id, "document_id": f.document_id, "kind": f.kind, "countries": f.countries_key,
                   "value": f.value, "unit": f.unit, "qualifier": f.qualifier, "what": f.what,
                   "published": f.published, "evidence": f.evidence,
                   "en": figure_row_sentence(f.kind, f.countries_key, f.value, f.unit, f.qualifier, f.what)}
    elif table == "documents":
        for d in session.scalars(select(s.Document).order_by(s.Document.id)).all():
            yield {"document_id": d.id, "content_hash": d.content_hash, "source": d.source, "url": d.url,
                   "outlet": d.outlet, "published": d.published, "title": d.title, "text": d.text,
                   "extractor_version": d.extractor_version}
    else:
        raise UsageError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")


def export(session: Session, table: str, fmt: str, out: Path | None) -> int:
    """Write one table to ``out`` (``None``: standard output) in ``fmt``; returns the number of rows.

    The rows are read before the file is touched, and the file is replaced whole or not at all."""
    if table not in COLUMNS:
        raise UsageError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    data = list(rows(session, table))
    write_rows(data, COLUMNS[table], fmt, out)
    return len(data)
