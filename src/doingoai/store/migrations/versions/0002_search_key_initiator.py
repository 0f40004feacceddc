"""search key and initiator

Documents get a search key (their folded words between single spaces) that `doingoai search` matches
with plain LIKE on SQLite and PostgreSQL alike, replacing the SQLite FTS5 table and the PostgreSQL
text-search indexes (which split and ranked words differently, and slowed every insert). Events get
the initiator of a directed act (a message's sender), read from the record on ingest.

Revision ID: 0002_search
Revises: 0001
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from doingoai.extract.cues import types_where
from doingoai.store.search_syntax import search_key

revision = '0002_search'
down_revision = '0001'
branch_labels = None
depends_on = None

# Documents rewritten per statement batch while the search keys are recomputed.
_BATCH = 500
# The extractor version given to documents whose directed acts were stored without their initiator:
# `doingoai ingest --reprocess` re-extracts them (any value other than the current version does).
_STALE = "before-initiator"


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('initiator', sa.String(length=2), nullable=True))
    if bind.dialect.name == "sqlite":
        for trigger in ("documents_ai", "documents_ad", "documents_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_documents_fts")
        op.execute("DROP INDEX IF EXISTS ix_documents_fts_folded")
    documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("title", sa.Text),
                         sa.column("text", sa.Text), sa.column("folded", sa.Text),
                         sa.column("extractor_version", sa.String))
    last = 0
    while True:
        rows = bind.execute(sa.select(documents.c.id, documents.c.title, documents.c.text)
                            .where(documents.c.id > last).order_by(documents.c.id).limit(_BATCH)).all()
        if not rows:
            break
        bind.execute(documents.update().where(documents.c.id == sa.bindparam("doc_id"))
                     .values(folded=sa.bindparam("key")),
                     [{"doc_id": r.id, "key": search_key(r.title, r.text)} for r in rows])
        last = rows[-1].id
    directed = sorted(types_where("directed"))
    events = sa.table("events", sa.column("id", sa.Integer), sa.column("type", sa.String))
    sources = sa.table("event_sources", sa.column("event_id", sa.Integer), sa.column("document_id", sa.Integer))
    stale = sa.select(sources.c.document_id).join(events, events.c.id == sources.c.event_id).where(
        events.c.type.in_(directed))
    bind.execute(documents.update().where(documents.c.id.in_(stale)).values(extractor_version=_STALE))


def downgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('initiator')
