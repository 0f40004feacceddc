"""The writer's look-ups of candidates (events, relations and figures an incoming page may be another report
of) are answered from indexes, so that ingest time per page does not grow with the knowledge base: every
query the writer runs on those tables, planned by SQLite, searches an index and scans no table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, text

from doingoai.store.engine import make_engine
from doingoai.store.ingest import ingest
from tests.parallel.fixtures import REPRINTS

from . import fixtures as fx

TABLES = ("events", "relations", "figures", "event_participants", "event_sources", "documents")


def test_candidate_look_ups_use_indexes(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.sqlite")
    fx.many_pages(tmp_path / "pages", 30)
    fx.write(tmp_path / "first", REPRINTS[:1])
    fx.write(tmp_path / "more", [*fx.THREE_REPORTS, *fx.UPGRADES, *REPRINTS[1:]])
    ingest([str(tmp_path / "pages"), str(tmp_path / "first")], db=db, batch_size=10)  # candidates to find

    seen: list[tuple[str, Any]] = []

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT") and not executemany:
            seen.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", record)
    try:
        ingest([str(tmp_path / "more")], db=db, batch_size=10)
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    looked = [(sql, p) for sql, p in seen if any(f"FROM {t}" in sql for t in ("events", "relations", "figures"))]
    assert {t for sql, _ in looked for t in ("events", "relations", "figures") if f"FROM {t}" in sql} == {
        "events", "relations", "figures"}
    engine = make_engine(db)
    with engine.connect() as c:
        for sql, parameters in looked:
            plan = [row[3] for row in c.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, parameters)]
            scans = [step for step in plan if step.startswith("SCAN") and any(f"SCAN {t}" == step.split(" USING")[0]
                                                                              for t in TABLES)]
            assert not scans, (sql, plan)
        assert c.execute(text("select count(*) from events")).scalar_one() > 30
    engine.dispose()
