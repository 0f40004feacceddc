"""On PostgreSQL the search key has a trigram index (migration 0004) that answers the search's LIKE
conditions: the plan uses it, and the answers are the ones a full scan gives."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from doingoai.store.engine import make_engine
from doingoai.store.ingest import ingest
from doingoai.store.search import search_documents, where
from doingoai.store.search_syntax import parse

from . import fixtures as fx
from .conftest import fresh_database

QUERIES = ["Hà Nội", "Đại sứ Hàn Quốc", "hop tac", "tiếp -Lào", "\"kim ngạch thương mại\"", "Sato1*"]


def test_postgresql_searches_through_the_trigram_index(tmp_path: Path) -> None:
    with fresh_database("postgresql", tmp_path) as db:
        fx.many_pages(tmp_path / "pages", 40)
        assert ingest([str(tmp_path / "pages")], db=db).new == 40
        engine = make_engine(db)
        with Session(engine) as session:
            indexes = set(session.scalars(text("SELECT indexname FROM pg_indexes WHERE tablename = 'documents'")))
            assert "ix_documents_folded_trgm" in indexes
            session.execute(text("SET enable_seqscan = off"))  # 40 rows: a scan is cheaper; may the index answer?
            condition = where(parse("Đại sứ Hàn Quốc"), exact=True).compile(
                engine, compile_kwargs={"literal_binds": True})
            plan = "\n".join(session.scalars(text(f"EXPLAIN SELECT id FROM documents WHERE {condition}")))
            assert "ix_documents_folded_trgm" in plan
            indexed = {q: [h.id for h in search_documents(session, q, ignore_diacritics=i, limit=100)]
                       for q in QUERIES for i in (False, True)}
            session.rollback()
            session.execute(text("DROP INDEX ix_documents_folded_trgm"))
            scanned = {q: [h.id for h in search_documents(session, q, ignore_diacritics=i, limit=100)]
                       for q in QUERIES for i in (False, True)}
            session.rollback()
        engine.dispose()
    assert indexed == scanned
    assert indexed["Đại sứ Hàn Quốc"]
    assert len(indexed["Hà Nội"]) == 40


def test_sqlite_gets_no_trigram_index(tmp_path: Path) -> None:
    with fresh_database("sqlite", tmp_path) as db:
        fx.many_pages(tmp_path / "pages", 3)
        ingest([str(tmp_path / "pages")], db=db)
        with make_engine(db).connect() as c:
            names = {r[0] for r in c.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'"))}
        assert "ix_documents_published" in names  # (the other indexes are there)
        assert not any("trgm" in n for n in names)
