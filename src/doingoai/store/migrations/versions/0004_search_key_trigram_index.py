"""a trigram index on the search key (PostgreSQL)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

`doingoai search` matches ``documents.folded`` with ``LIKE '% word %'``, which no B-tree can answer: on
PostgreSQL every search read the whole table (0.24 s on 5,000 pages, 65 times SQLite's time). A GIN index of
the key's trigrams (``pg_trgm``) answers exactly the same ``LIKE`` conditions, so that search gets faster
without matching anything differently (a ``tsvector`` would split and stem words its own way, which 0002
moved away from). Made only where the extension can be had (it ships with PostgreSQL's contrib, and any
user who may create objects in the database may enable it): elsewhere search stays correct, only slower.
SQLite keeps its scan, which is fast at this size.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

INDEX = "ix_documents_folded_trgm"


def _trigrams_available(bind: sa.Connection) -> bool:
    row = bind.execute(sa.text(
        "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'), "
        "EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'), "
        "has_database_privilege(current_database(), 'CREATE')")).one()
    installed, available, may_create = row
    return bool(installed or (available and may_create))


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql" or not _trigrams_available(bind):
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON documents USING gin (folded gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {INDEX}")
