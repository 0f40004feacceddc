"""Taking back what documents contributed, before they are re-extracted (``ingest --reprocess``): their
sources go, facts nobody else reports go with them, and the counts of the others go down."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, select, update

from doingoai.store import schema as s
from doingoai.store.bulk import update_rows

__all__ = ["forget"]



def forget(conn: Connection, doc_ids: Iterable[int]) -> list[int]:
    """Remove what documents contributed; facts nobody else reports go with them. Returns the ids of the
    events they reported (some of them now gone)."""
    ids = sorted(doc_ids)
    events: list[int] = []
    if not ids:
        return events
    for model, source, link in ((s.Event, s.EventSource, s.EventSource.event_id),
                                (s.Relation, s.RelationSource, s.RelationSource.relation_id),
                                (s.Figure, s.FigureSource, s.FigureSource.figure_id)):
        counts = conn.execute(select(link, func.count()).where(source.document_id.in_(ids)).group_by(link)).all()
        if model is s.Event:
            events = sorted(i for i, _ in counts)
        if counts:
            table: Any = model.__table__
            conn.execute(update(table).where(table.c.id == bindparam("b_id")).values(
                n_sources=table.c.n_sources - bindparam("b_n")), [{"b_id": i, "b_n": n} for i, n in counts])
        conn.execute(delete(source).where(source.document_id.in_(ids)))
        conn.execute(delete(model).where(model.n_sources <= 0))
    _forget_titles(conn, ids)
    # a figure first reported by a re-extracted document names its earliest remaining report
    moved = conn.execute(select(s.Figure.id, func.min(s.FigureSource.id)).join(
        s.FigureSource, s.FigureSource.figure_id == s.Figure.id).where(s.Figure.document_id.in_(ids))
        .group_by(s.Figure.id)).all()
    for figure_id, source_id in moved:
        src = conn.execute(select(s.FigureSource).where(s.FigureSource.id == source_id)).one()
        conn.execute(update(s.Figure).where(s.Figure.id == figure_id).values(
            document_id=src.document_id, published=src.published, evidence=src.evidence, start=src.start,
            end=src.end))

    return events

def _forget_titles(conn: Connection, ids: list[int]) -> None:
    """Take back the title mentions of documents: counts go down, and first and last seen are those of the
    mentions left (a title nobody mentions any more is dropped)."""
    pm, pt = s.PersonMention, s.PersonTitle
    counts = conn.execute(select(pm.person_id, pm.title, func.count()).where(pm.document_id.in_(ids))
                          .group_by(pm.person_id, pm.title)).all()
    if not counts:
        return
    conn.execute(delete(pm).where(pm.document_id.in_(ids)))
    persons = sorted({person for person, _, _ in counts})
    left = {(person, title): (n, first, last) for person, title, n, first, last in conn.execute(
        select(pm.person_id, pm.title, func.count(), func.min(pm.day), func.max(pm.day))
        .where(pm.person_id.in_(persons)).group_by(pm.person_id, pm.title))}
    rows = {(person, title): (i, mentions) for i, person, title, mentions in conn.execute(
        select(pt.id, pt.person_id, pt.title, pt.mentions).where(pt.person_id.in_(persons)))}
    gone, changed = [], []
    for person, title, n in counts:
        row = rows.get((person, title))
        if row is None:
            continue
        mentions = (row[1] or 0) - n
        if mentions <= 0:
            gone.append(row[0])
        elif (person, title) in left:
            _, first, last = left[(person, title)]
            changed.append({"id": row[0], "mentions": mentions, "first_seen": first, "last_seen": last})
        else:  # mentions from documents stored before mentions were kept: their days are unknown here
            conn.execute(update(pt).where(pt.id == row[0]).values(mentions=mentions))
    if gone:
        conn.execute(delete(pt).where(pt.id.in_(gone)))
    update_rows(conn, pt.__table__, changed)
