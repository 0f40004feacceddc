"""The 0002 migration groups the figures of an existing base; extraction in workers stores what extraction
in the main process stores (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from doingoai.store import schema as s
from doingoai.store.engine import alembic_config, make_engine, migrate
from doingoai.store.ingest import IngestInterrupted, ingest

from . import fixtures as fx


def test_migration_groups_the_figures_of_a_base_built_before(db_url: str) -> None:
    engine = make_engine(db_url)
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as c:
        for i in range(3):
            c.execute(insert(s.Document.__table__).values(
                id=i + 1, content_hash=f"h{i}", source=f"s{i}", text="t", folded="t", markup="text", encoding="utf-8",
                extractor_version="0", ingested_at=dt.datetime(2025, 1, 1), published="2025-03-02"))
        figures = "INSERT INTO figures (document_id, kind, countries_key, value, unit, qualifier, what, published, " \
                  "evidence, start, \"end\") VALUES (:d, 'trade_target', 'PH,VN', :v, 'USD', NULL, NULL, " \
                  "'2025-03-02', :e, 0, 5)"
        for d, v in ((1, 1e10), (2, 1e10), (3, 1e10), (3, 2e9)):
            c.execute(text(figures), {"d": d, "v": v, "e": f"evidence {d}"})
    migrate(engine)
    with Session(engine) as session:
        rows = session.execute(select(s.Figure.value, s.Figure.n_sources, s.Figure.partner, s.Figure.document_id)
                               .order_by(s.Figure.value)).all()
        assert [tuple(r) for r in rows] == [(2e9, 1, "PH", 3), (1e10, 3, "PH", 1)]
        assert session.scalar(select(func.count()).select_from(s.FigureSource)) == 4
    engine.dispose()


def test_workers_store_what_the_main_process_stores(db_url: str, tmp_path: Path) -> None:
    fx.many_pages(tmp_path / "pages", 60)
    alone = str(tmp_path / "alone.sqlite")
    one = ingest([str(tmp_path / "pages")], db=alone, batch_size=10, workers=1)
    two = ingest([str(tmp_path / "pages")], db=db_url, batch_size=10, workers=2)
    assert (one.new, two.new, len(one.failed), len(two.failed)) == (60, 60, 0, 0)

    def facts(db: str) -> list[tuple[object, ...]]:
        with Session(make_engine(db)) as session:
            return sorted(tuple(r) for r in session.execute(
                select(s.Event.type, s.Event.date_start, s.Event.countries_key, s.Event.n_sources)).all())

    assert facts(alone) == facts(db_url)
    assert len(facts(db_url)) == 60


def test_an_interrupted_ingest_says_what_it_stored(tmp_path: Path) -> None:
    """Ctrl-C (here: raised by the progress callback at the 35th input) stops the workers, rolls back the
    batch under way and reports the pages committed; a re-run stores the rest."""
    fx.many_pages(tmp_path / "pages", 60)
    db = str(tmp_path / "kb.sqlite")
    seen = 0

    def progress(_: object) -> None:
        nonlocal seen
        seen += 1
        if seen == 35:
            raise KeyboardInterrupt

    with pytest.raises(IngestInterrupted) as stopped:
        ingest([str(tmp_path / "pages")], db=db, batch_size=10, workers=2, on_input=progress)
    committed = stopped.value.summary.new
    assert committed % 10 == 0
    assert 0 < committed < 35
    with Session(make_engine(db)) as session:
        assert session.scalar(select(func.count()).select_from(s.Document)) == committed
    rest = ingest([str(tmp_path / "pages")], db=db, batch_size=10, workers=2)
    assert (rest.new, rest.skipped) == (60 - committed, committed)
