"""Exports of the knowledge base: CSV, JSON Lines, Parquet, and a PLOVER/CAMEO event table.

Rows are flat (lists joined with ";"), so that spreadsheets, pandas and GDELT-style pipelines read them
as they are. The CAMEO/PLOVER mapping is data: ``data/plover_cameo.yaml``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import orjson
import pycountry
from sqlalchemy import select
from sqlalchemy.orm import Session

from doingoai.config import HOME
from doingoai.errors import UsageError
from doingoai.lexicon import load_yaml
from doingoai.store import schema as s
from doingoai.store.queries import EventFilter, EventRow, find_events

__all__ = ["FORMATS", "TABLES", "export", "rows"]

FORMATS = ("csv", "jsonl", "parquet")
TABLES = ("events", "relations", "figures", "documents", "plover")


def _event_row(e: EventRow) -> dict[str, Any]:
    first = e.sources[0] if e.sources else {}
    return {
        "event_id": e.id, "type": e.type, "status": e.status, "salience": e.salience, "date_start": e.date_start,
        "date_end": e.date_end, "part_of_day": e.part_of_day, "place_name": e.place_name,
        "place_country": e.place_country, "countries": ";".join(e.countries), "bodies": ";".join(e.bodies),
        "participants": "; ".join(f"{p['name']} ({p['title'] or ''}, {p['country'] or '?'})" for p in e.participants),
        "n_sources": e.n_sources, "evidence": e.evidence, "source": first.get("source"), "url": first.get("url"),
    }


@cache
def _iso3(code: str) -> str:
    found = pycountry.countries.get(alpha_2=code)
    return found.alpha_3 if found else {"XK": "XKX"}.get(code, code)


def _dyads(e: EventRow, direction: str) -> list[tuple[str, str]]:
    """(source, target) states of an event, read the way CAMEO reads the act."""
    states = e.countries
    if len(states) < 2:
        return [(states[0], "")] if states else []
    if direction in ("visitor", "host") and e.place_country in states:
        visitors = [c for c in states if c != e.place_country]
        pairs = [(v, e.place_country) for v in visitors]
        return pairs if direction == "visitor" else [(t, v) for v, t in pairs]
    first = HOME if HOME in states else states[0]
    return [(first, c) for c in states if c != first]


def _plover(session: Session) -> Iterator[dict[str, Any]]:
    mapping = load_yaml("plover_cameo.yaml")
    for e in find_events(session, EventFilter()):
        m = mapping.get(e.type, {})
        for src, dst in _dyads(e, m.get("direction", "home")):
            yield {"event_id": e.id, "event_date": e.date_start, "source_actor": _iso3(src),
                   "target_actor": _iso3(dst) if dst else "", "cameo_code": m.get("cameo", ""),
                   "cameo_root": str(m.get("cameo", ""))[:2], "cameo_name": m.get("cameo_name", ""),
                   "quad_class": m.get("quad_class"), "plover_event_type": m.get("plover", ""),
                   "plover_mode": m.get("plover_mode", ""), "doingoai_type": e.type, "status": e.status,
                   "bodies": ";".join(e.bodies), "n_sources": e.n_sources, "evidence": e.evidence,
                   "url": e.sources[0].get("url") if e.sources else None}


def rows(session: Session, table: str) -> Iterator[dict[str, Any]]:
    if table == "events":
        yield from (_event_row(e) for e in find_events(session, EventFilter()))
    elif table == "plover":
        yield from _plover(session)
    elif table == "relations":
        for r in session.scalars(select(s.Relation).order_by(s.Relation.a, s.Relation.b)).all():
            yield {"a": r.a, "b": r.b, "level": r.level, "since": r.since, "first_mention": r.first_mention,
                   "last_mention": r.last_mention, "n_sources": r.n_sources}
    elif table == "figures":
        for f in session.scalars(select(s.Figure).order_by(s.Figure.id)).all():
            yield {"figure_id": f.id, "document_id": f.document_id, "kind": f.kind, "countries": f.countries_key,
                   "value": f.value, "unit": f.unit, "qualifier": f.qualifier, "what": f.what,
                   "published": f.published, "evidence": f.evidence}
    elif table == "documents":
        for d in session.scalars(select(s.Document).order_by(s.Document.id)).all():
            yield {"document_id": d.id, "content_hash": d.content_hash, "source": d.source, "url": d.url,
                   "outlet": d.outlet, "published": d.published, "title": d.title, "text": d.text,
                   "extractor_version": d.extractor_version}
    else:
        raise UsageError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")


def export(session: Session, table: str, fmt: str, out: Path) -> int:
    """Write one table to ``out``; returns the number of rows."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    data = list(rows(session, table))
    if fmt == "jsonl":
        out.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in data))
    elif fmt == "csv":
        with open(out, "w", encoding="utf-8", newline="") as fh:
            if data:
                writer = csv.DictWriter(fh, fieldnames=list(data[0]))
                writer.writeheader()
                writer.writerows(data)
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(data), out)
    return len(data)
