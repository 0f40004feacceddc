"""Migration 0002 on a knowledge base made before it: search keys recomputed, the old full-text tables
gone, directed acts marked for `--reprocess`, which fills their initiator in (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from doingoai.clean.normalize import fold
from doingoai.store import schema as s
from doingoai.store.engine import alembic_config, make_engine, migrate
from doingoai.store.ingest import extractor_version, reprocess
from doingoai.store.search import search_documents
from doingoai.store.search_syntax import search_key

TITLE = "Điện mừng Quốc khánh Việt Nam"
TEXT = ("Nhân dịp kỷ niệm 79 năm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam, Tổng Bí thư, Chủ tịch nước "
        "Lào Thongloun Sisoulith đã gửi điện mừng tới Tổng Bí thư, Chủ tịch nước Tô Lâm.")


def test_an_old_knowledge_base_is_brought_up_to_date(db_url: str, tmp_path: Path) -> None:
    engine = make_engine(db_url)
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as c:
        # a document and its message as version 0001 stored them: whole folded text, no initiator
        c.execute(text("INSERT INTO documents (id, content_hash, source, published, title, text, folded, markup, "
                       "encoding, extractor_version, ingested_at) VALUES (1, 'h', 'old.txt', '2024-09-02', :title, "
                       ":text, :folded, 'text', 'utf-8', :version, '2024-09-02 00:00:00')"),
                  {"title": TITLE, "text": TEXT, "folded": fold(f"{TITLE}\n{TEXT}"), "version": extractor_version()})
        c.execute(text("INSERT INTO events (id, type, status, salience, countries_key, bodies_key, n_sources) "
                       "VALUES (1, 'message', 'occurred', 'main', 'LA,VN', '', 1)"))
        c.execute(text("INSERT INTO event_countries (event_id, code) VALUES (1, 'LA'), (1, 'VN')"))
        c.execute(text("INSERT INTO event_sources (id, event_id, document_id, section, status, evidence, start, "
                       "\"end\") VALUES (1, 1, 1, 'article', 'occurred', 'x', 0, 1)"))
    migrate(engine)
    tables = set(inspect(engine).get_table_names())
    assert "documents_fts" not in tables
    assert not any("fts" in ix["name"] for ix in inspect(engine).get_indexes("documents"))
    with Session(engine) as session:
        doc = session.get(s.Document, 1)
        assert doc is not None
        assert doc.folded == search_key(TITLE, TEXT)
        assert doc.extractor_version != extractor_version()  # up to date before, marked for `--reprocess` now
        assert [h.source for h in search_documents(session, "to lam", ignore_diacritics=True)] == ["old.txt"]
    assert reprocess(db=db_url).reprocessed == 1
    with Session(engine) as session:
        initiators = session.scalars(select(s.Event.initiator).where(s.Event.type == "message")).all()
        assert initiators == ["LA"]  # Laos sent it
    engine.dispose()
