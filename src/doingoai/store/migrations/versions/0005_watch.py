"""watch: the feeds and the articles `doingoai watch` has seen

Revision ID: 0005_watch
Revises: 0004
Create Date: 2026-12-07

``watch_feeds`` keeps each feed's or sitemap's validators (ETag, Last-Modified) for conditional requests;
``watch_items`` every article address met in a feed, with what became of it (ingested, dead, refused by
robots.txt, failed and how often), so that a later run fetches only what is new.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005_watch'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('watch_feeds',
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.Column('etag', sa.String(length=500), nullable=True),
    sa.Column('last_modified', sa.String(length=100), nullable=True),
    sa.Column('checked_at', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=200), nullable=True),
    sa.PrimaryKeyConstraint('url')
    )
    op.create_table('watch_items',
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.Column('feed', sa.String(length=2000), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'),
    sa.Column('first_seen', sa.String(length=40), nullable=False),
    sa.Column('fetched_at', sa.String(length=40), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.PrimaryKeyConstraint('url')
    )


def downgrade() -> None:
    op.drop_table('watch_items')
    op.drop_table('watch_feeds')
