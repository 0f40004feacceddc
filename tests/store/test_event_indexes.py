"""Migration 0006 adds the indexes of the event list's filters and sorts, as store/schema.py declares
them, on SQLite and PostgreSQL, and takes them away again on downgrade; a base with events upgrades to
it and answers the same events."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import Engine, inspect
from sqlalchemy.orm import Session

from doingoai.store import schema as s
from doingoai.store.engine import alembic_config, make_engine
from doingoai.store.ingest import ingest
from doingoai.store.queries import EventFilter, find_events

from . import fixtures as fx

TABLES = ("events", "event_countries", "event_bodies", "event_participants")
NEW = {"ix_events_type_status_date", "ix_events_status_date", "ix_event_countries_code_event",
       "ix_event_bodies_key_event", "ix_event_participants_person_event"}


def _indexes(engine: Engine) -> dict[str, tuple[str, list[str]]]:
    found = {}
    for table in TABLES:
        for ix in inspect(engine).get_indexes(table):
            found[str(ix["name"])] = (table, [str(c) for c in ix["column_names"]])
    return found


def _declared() -> dict[str, tuple[str, list[str]]]:
    return {str(ix.name): (t, [c.name for c in ix.columns])
            for t in TABLES for ix in s.Base.metadata.tables[t].indexes}


def test_migration_0006_adds_the_declared_indexes_and_takes_them_back(db_url: str, tmp_path: Path) -> None:
    engine = make_engine(db_url)
    config = alembic_config(engine)
    command.upgrade(config, "0005_watch")
    assert not NEW & set(_indexes(engine))
    summary = ingest(fx.write(tmp_path, [*fx.THREE_REPORTS, *fx.LAO]), db_url)  # upgrades to the head
    assert summary.new == 4, summary.line()
    after = _indexes(engine)
    declared = _declared()
    assert set(declared) >= NEW
    assert {k: after[k] for k in NEW} == {k: declared[k] for k in NEW}
    assert set(declared) <= set(after)  # every index schema.py declares on these tables is in the base
    with Session(engine) as session:
        before = [(e.id, e.type, e.countries) for e in find_events(session, EventFilter(type="talks"))]
        assert before
        assert [e.id for e in find_events(session, EventFilter(country="LA"))]
    command.downgrade(config, "0005_watch")
    assert not NEW & set(_indexes(engine))
    command.upgrade(config, "head")
    assert set(_indexes(engine)) >= NEW
    with Session(engine) as session:
        assert [(e.id, e.type, e.countries) for e in find_events(session, EventFilter(type="talks"))] == before
    engine.dispose()
