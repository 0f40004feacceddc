"""The writer keeps the stored events it has read in memory across batches (``store.event_index``): each
key's events are read from the database once per run, a report is compared with the events its date can
match, and the index is dropped when another process stored a batch in between — the knowledge base is
the one a writer that reads the database at every batch builds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, func, select
from sqlalchemy.orm import Session

from doingoai.model import Failure, Page
from doingoai.pipeline import analyse_page
from doingoai.store import schema as s
from doingoai.store.engine import make_engine, migrate
from doingoai.store.ingest import extractor_version, ingest
from doingoai.store.write import Item, Writer, content_hash

from . import fixtures as fx

# Reports of one reception, told in turn by three outlets (the second and third undated by the page)
RECEPTION = ("Chủ tịch nước tiếp Đại sứ Cuba\nThứ Hai, 14/04/2025 10:00\n\nSáng 14/4, tại Phủ Chủ tịch, Chủ "
             "tịch nước Lương Cường đã tiếp Đại sứ Cuba tại Việt Nam Rogelio Polanco Fuentes{}.\n")


def _item(name: str, text: str) -> Item:
    found = analyse_page(Page(name, text, "text"))
    assert not isinstance(found, Failure), found
    article, extraction = found
    return Item(article, extraction, digest=content_hash(text))


def _events(engine: Engine) -> list[tuple[Any, ...]]:
    with Session(engine) as session:
        return [tuple(row) for row in session.execute(select(s.Event.type, s.Event.countries_key, s.Event.date_start,
                                                             s.Event.n_sources).order_by(s.Event.id))]


def test_each_key_is_read_once_per_run_however_many_batches(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.sqlite")
    ingest(fx.write(tmp_path / "first", fx.THREE_REPORTS[:1]), db=db)  # stored events to find
    fx.many_pages(tmp_path / "pages", 24)
    fx.write(tmp_path / "pages", fx.THREE_REPORTS[1:])
    looked: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "\nFROM events \nWHERE" in statement:
            looked.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        summary = ingest([str(tmp_path / "pages")], db=db, batch_size=2)
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    assert summary.new == 25, summary.line()
    engine = make_engine(db)
    with Session(engine) as session:
        keys = session.scalar(select(func.count()).select_from(
            select(s.Event.type, s.Event.countries_key, s.Event.bodies_key).distinct().subquery()))
        talks = session.execute(select(s.Event.n_sources).where(s.Event.type == "talks")).scalars().all()
    engine.dispose()
    assert talks == [2]  # the second outlet's report found the first's event, stored by an earlier run
    # 13 batches, a few keys: a key's events are read when a batch first needs the key, not at every batch
    assert 0 < len(looked) <= keys < 13, (len(looked), keys)


def test_a_batch_stored_by_another_writer_in_between_is_seen(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    reports = [_item(f"outlet-{i}.txt", RECEPTION.format(f" (bài {i})")) for i in range(3)]
    with Session(engine) as one, Session(engine) as other:
        first, second = Writer(one, extractor_version()), Writer(other, extractor_version())
        assert first.store(reports[:1]) == []
        one.commit()
        assert second.store(reports[1:2]) == []  # another process joins the act: two reports now
        other.commit()
        assert first.store(reports[2:]) == []  # the first writer's memory says one: it must read again
        one.commit()
    assert _events(engine) == [("reception", "CU,VN", "2025-04-14", 3)]
    with Session(engine) as session:
        assert session.scalar(select(s.WriteCounter.batches)) == 3
    engine.dispose()


def test_one_writer_builds_the_base_of_fresh_writers(tmp_path: Path) -> None:
    """Many batches through one writer and each batch through a writer of its own (which reads everything
    from the database) give the same events: the index holds what the database holds."""
    pages = [("a.txt", RECEPTION.format("")), ("b.txt", RECEPTION.format(", trao đổi về hợp tác")),
             *fx.UPGRADES, *fx.THREE_REPORTS, *fx.LAO, fx.LAO_LATER]
    items = [_item(name, text) for name, text in pages]
    bases = []
    for fresh in (False, True):
        engine = make_engine(str(tmp_path / f"kb-{fresh}.sqlite"))
        migrate(engine)
        with Session(engine) as session:
            writer = Writer(session, extractor_version())
            for item in items:
                if fresh:
                    writer = Writer(session, extractor_version())
                assert writer.store([item]) == []
                session.commit()
        bases.append(_events(engine))
        engine.dispose()
    assert bases[0] == bases[1]
    assert ("reception", "CU,VN", "2025-04-14", 2) in bases[0]


def test_migration_0007_adds_the_counter_to_a_base_with_events(db_url: str, tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import inspect

    from doingoai.store.engine import alembic_config

    engine = make_engine(db_url)
    config = alembic_config(engine)
    command.upgrade(config, "0006")
    assert not inspect(engine).has_table("write_counter")
    with Session(engine) as session:  # a base the previous release wrote: no counter
        session.add(s.Event(type="talks", status="occurred", salience="main", date_start="2025-03-10",
                            countries_key="CL,VN", bodies_key="", n_sources=1))
        session.commit()
    command.upgrade(config, "head")
    with Session(engine) as session:
        assert session.scalar(select(s.WriteCounter.batches).where(s.WriteCounter.id == 1)) == 0
    summary = ingest(fx.write(tmp_path / "pages", fx.THREE_REPORTS), db_url)
    assert summary.new == 2, summary.line()
    with Session(engine) as session:
        assert session.scalar(select(s.WriteCounter.batches)) == 1
        assert session.scalar(select(s.Event.n_sources).where(s.Event.type == "talks")) == 3
    command.downgrade(config, "0006")
    assert not inspect(engine).has_table("write_counter")
    engine.dispose()
