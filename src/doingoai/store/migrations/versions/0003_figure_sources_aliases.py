"""figures with several sources; user aliases of people; person mentions

Revision ID: 0003
Revises: 0002_search
Create Date: 2026-12-07

A figure reported by several outlets becomes one row with a source per report (``figure_sources``); the
existing rows are grouped the way new ones are (same kind, states, value, unit, qualifier, thing counted
and year), each report kept as a source. ``person_aliases`` holds the user's corrections of who is who;
``person_mentions`` which document gave a person which title (documents stored before have none).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002_search'
branch_labels = None
depends_on = None

HOME = "VN"  # doingoai.config.HOME, frozen as it was when this migration was written


def upgrade() -> None:
    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.add_column(sa.Column('partner', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('period', sa.String(length=4), nullable=True))
        batch_op.add_column(sa.Column('n_sources', sa.Integer(), nullable=False, server_default='1'))
    op.create_table('figure_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('figure_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('published', sa.String(length=10), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['figure_id'], ['figures.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('figure_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_figure_sources_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_figure_sources_figure_id'), ['figure_id'], unique=False)
    op.create_table('person_aliases',
    sa.Column('alias_key', sa.String(length=200), nullable=False),
    sa.Column('alias', sa.String(length=200), nullable=False),
    sa.Column('canonical', sa.String(length=200), nullable=False),
    sa.Column('canonical_key', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('alias_key')
    )
    with op.batch_alter_table('person_aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_aliases_canonical_key'), ['canonical_key'], unique=False)
    op.create_table('person_mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('day', sa.String(length=10), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('person_mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_mentions_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_mentions_person_id'), ['person_id'], unique=False)
    _group_figures()


def _group_figures() -> None:
    """Every stored figure becomes a source; reports of one figure are folded into its first row."""
    conn = op.get_bind()
    figures = sa.table('figures', *(sa.column(c) for c in (
        'id', 'document_id', 'kind', 'countries_key', 'partner', 'value', 'unit', 'qualifier', 'what', 'period',
        'published', 'evidence', 'start', 'end', 'n_sources')))
    sources = sa.table('figure_sources', *(sa.column(c) for c in (
        'figure_id', 'document_id', 'published', 'evidence', 'start', 'end')))
    groups: dict[tuple[Any, ...], list[Any]] = defaultdict(list)
    for row in conn.execute(sa.select(figures).order_by(figures.c.id)).all():
        what = " ".join(str(row.what).casefold().split()) if row.what else None
        groups[(row.kind, row.countries_key, row.value, row.unit, row.qualifier, what,
                (row.published or "")[:4] or None)].append(row)
    for rows in groups.values():
        first = rows[0]
        partner = ",".join(c for c in first.countries_key.split(",") if c and c != HOME) or None
        conn.execute(sa.update(figures).where(figures.c.id == first.id).values(
            partner=partner, period=(first.published or "")[:4] or None, n_sources=len(rows)))
        conn.execute(sa.insert(sources), [{"figure_id": first.id, "document_id": r.document_id,
                                           "published": r.published, "evidence": r.evidence, "start": r.start,
                                           "end": r.end} for r in rows])
        others = [r.id for r in rows[1:]]
        if others:
            conn.execute(sa.delete(figures).where(figures.c.id.in_(others)))


def downgrade() -> None:
    with op.batch_alter_table('person_mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_mentions_person_id'))
        batch_op.drop_index(batch_op.f('ix_person_mentions_document_id'))
    op.drop_table('person_mentions')
    with op.batch_alter_table('person_aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_aliases_canonical_key'))
    op.drop_table('person_aliases')
    with op.batch_alter_table('figure_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_figure_sources_figure_id'))
        batch_op.drop_index(batch_op.f('ix_figure_sources_document_id'))
    op.drop_table('figure_sources')
    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.drop_column('n_sources')
        batch_op.drop_column('period')
        batch_op.drop_column('partner')
