"""The fast query path of ``GET /api/v1/events`` (``event_page``, and ``find_events`` that shares its rows)
answers exactly what the first, plain ORM path answered: the same events, in the same order, with the
same countries, participants, sources and totals, for a range of filters, sorts and offsets, on SQLite
and PostgreSQL. The first path is kept below, as it was, as the reference."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from doingoai.store import schema as s
from doingoai.store.engine import make_engine
from doingoai.store.ingest import ingest
from doingoai.store.queries import (
    EventFilter,
    EventPage,
    EventRow,
    _overlaps,
    event_page,
    find_events,
    find_people,
)
from doingoai.store.search_syntax import words
from tests.serve.fixtures import PAGES
from tests.store import fixtures as fx
from tests.store.conftest import fresh_database

ROOT = Path(__file__).resolve().parents[2]


# --- the reference: the query path as it was before it was made fast (copied, not imported) ---

def _old_event_query() -> Select[Any]:
    return select(s.Event).options(
        selectinload(s.Event.countries), selectinload(s.Event.bodies), selectinload(s.Event.participants),
        selectinload(s.Event.sources))


def _old_rows(session: Session, events: list[s.Event]) -> list[EventRow]:
    person_ids = {p.person_id for e in events for p in e.participants}
    doc_ids = {src.document_id for e in events for src in e.sources}
    names = dict(session.execute(select(s.Person.id, s.Person.name).where(s.Person.id.in_(person_ids))).all()) \
        if person_ids else {}
    docs = {d.id: d for d in session.scalars(select(s.Document).where(s.Document.id.in_(doc_ids))).all()} \
        if doc_ids else {}
    out = []
    for e in events:
        sources = [{"document": src.document_id, "source": docs[src.document_id].source,
                    "url": docs[src.document_id].url, "published": docs[src.document_id].published,
                    "evidence": src.evidence} for src in e.sources if src.document_id in docs]
        out.append(EventRow(
            id=e.id, type=e.type, status=e.status, salience=e.salience, date_start=e.date_start,
            date_end=e.date_end, part_of_day=e.part_of_day, place_name=e.place_name, place_country=e.place_country,
            countries=sorted(c.code for c in e.countries), bodies=sorted(b.key for b in e.bodies),
            participants=[{"name": names.get(p.person_id), "title": p.title, "country": p.country, "org": p.org,
                           "rank": p.rank, "pillar": p.pillar} for p in e.participants],
            n_sources=e.n_sources, evidence=e.sources[0].evidence if e.sources else "", sources=sources,
            initiator=e.initiator))
    return out


def _old_conditions(session: Session, f: EventFilter) -> list[Any]:
    out: list[Any] = []
    if f.country:
        out.append(s.Event.id.in_(select(s.EventCountry.event_id).where(s.EventCountry.code == f.country.upper())))
    if f.body:
        out.append(s.Event.id.in_(select(s.EventBody.event_id).where(s.EventBody.key == f.body)))
    if f.type:
        out.append(s.Event.type == f.type)
    if f.status:
        out.append(s.Event.status == f.status)
    out += _overlaps(f.since, f.until)
    if f.person:
        ids = [p.id for p in find_people(session, f.person)]
        out.append(s.Event.id.in_(select(s.EventParticipant.event_id).where(
            s.EventParticipant.person_id.in_(ids))))
    if f.text:
        key = " ".join(w.folded for w in words(f.text))
        said = func.lower(s.EventSource.evidence).contains(f.text.lower(), autoescape=True)
        out.append(s.Event.id.in_(select(s.EventSource.event_id).join(
            s.Document, s.Document.id == s.EventSource.document_id).where(
                (said | s.Document.folded.contains(f" {key} ", autoescape=True)) if key else said)))
    return out


def _old_event_page(session: Session, f: EventFilter, offset: int, limit: int, sort: str) -> EventPage:
    where = _old_conditions(session, f)
    total = session.scalar(select(func.count()).select_from(s.Event).where(*where)) or 0
    order = {"newest": (s.Event.date_start.desc().nulls_last(), s.Event.id.desc()),
             "oldest": (s.Event.date_start.asc().nulls_last(), s.Event.id.asc()),
             "most_sources": (s.Event.n_sources.desc(), s.Event.date_start.desc().nulls_last(), s.Event.id.desc())}
    q = _old_event_query().where(*where).order_by(*order[sort]).offset(offset).limit(limit)
    return EventPage(total, offset, limit, sort, _old_rows(session, list(session.scalars(q).unique().all())))


def _old_find_events(session: Session, f: EventFilter) -> list[EventRow]:
    q = _old_event_query().where(*_old_conditions(session, f)).order_by(
        s.Event.date_start.desc().nulls_last(), s.Event.id.desc())
    if f.limit:
        q = q.limit(f.limit)
    return _old_rows(session, list(session.scalars(q).unique().all()))


# --- a knowledge base with many partners, dates (and none), people, several sources per act ---

@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp(f"paths-{request.param}")
    with fresh_database(request.param, folder) as db:
        pages = [*PAGES, *fx.THREE_REPORTS, *fx.TITLES_OVER_TIME, *fx.UPGRADES, *fx.LAO, *fx.SPELLINGS,
                 ("undated-1.txt", fx.UNDATED), ("undated-2.txt", fx.UNDATED_OTHER)]
        inputs = [str(ROOT / "examples"), *fx.write(folder / "pages", pages),
                  *(str(p) for p in fx.many_pages(folder / "many", 60))]
        summary = ingest(inputs, db)
        assert summary.new >= 70, summary.line()
        assert not summary.failed, summary.line()
        eng = make_engine(db)
        yield eng
        eng.dispose()


FILTERS = [
    EventFilter(), EventFilter(country="JP"), EventFilter(country="KR"), EventFilter(country="VN"),
    EventFilter(country="CL"), EventFilter(country="ZZ"), EventFilter(body="asean"), EventFilter(type="reception"),
    EventFilter(type="talks", status="occurred"), EventFilter(status="planned"), EventFilter(since="2024"),
    EventFilter(until="2023-12"), EventFilter(since="2023-05", until="2025-03-10"), EventFilter(since="2025-03-10"),
    EventFilter(country="VN", since="2024", until="2025"), EventFilter(person="Phạm Minh Chính"),
    EventFilter(person="Nguyen Van"), EventFilter(person="nobody at all"), EventFilter(text="hợp tác"),
    EventFilter(text="Hợp Tác"), EventFilter(text="song phương"), EventFilter(text="Tokyo"),
    EventFilter(text="hoi dam"), EventFilter(text="100%"), EventFilter(text="_"), EventFilter(text="!!"),
    EventFilter(text="Chile", country="CL", type="talks"), EventFilter(limit=7), EventFilter(country="JP", limit=3),
]


def _filter_id(f: EventFilter) -> str:
    return ",".join(f"{k}={v}" for k, v in asdict(f).items() if v is not None) or "none"


@pytest.mark.parametrize("f", FILTERS, ids=_filter_id)
def test_event_page_answers_what_the_first_path_answered(engine: Any, f: EventFilter) -> None:
    with Session(engine) as session:
        for sort in ("newest", "oldest", "most_sources"):
            for offset, limit in ((0, 50), (0, 5), (3, 4), (40, 50), (500, 10)):
                new = asdict(event_page(session, f, offset, limit, sort))
                old = asdict(_old_event_page(session, f, offset, limit, sort))
                assert new == old, (sort, offset, limit)


@pytest.mark.parametrize("f", FILTERS, ids=_filter_id)
def test_find_events_answers_what_the_first_path_answered(engine: Any, f: EventFilter) -> None:
    with Session(engine) as session:
        new = [asdict(r) for r in find_events(session, f)]
        assert new == [asdict(r) for r in _old_find_events(session, f)]


def test_the_fixture_exercises_the_rows(engine: Any) -> None:
    """The comparison means something: events with several sources, several participants, no date."""
    with Session(engine) as session:
        rows = find_events(session, EventFilter())
    assert len(rows) >= 60
    assert any(r.n_sources >= 2 and len(r.sources) >= 2 for r in rows)
    assert any(len(r.participants) >= 2 for r in rows)
    assert any(r.date_start is None for r in rows)
    assert len({r.date_start for r in rows}) >= 30
