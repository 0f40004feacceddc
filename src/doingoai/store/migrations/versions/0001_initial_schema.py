"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25 02:53:17.283765
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('bodies',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=True),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('outlet', sa.String(length=200), nullable=True),
    sa.Column('published', sa.String(length=10), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('folded', sa.Text(), nullable=False),
    sa.Column('markup', sa.String(length=8), nullable=False),
    sa.Column('encoding', sa.String(length=20), nullable=False),
    sa.Column('extractor_version', sa.String(length=20), nullable=False),
    sa.Column('ingested_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('content_hash')
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_extractor_version'), ['extractor_version'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_outlet'), ['outlet'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_published'), ['published'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('salience', sa.String(length=12), nullable=False),
    sa.Column('date_start', sa.String(length=10), nullable=True),
    sa.Column('date_end', sa.String(length=10), nullable=True),
    sa.Column('part_of_day', sa.String(length=10), nullable=True),
    sa.Column('place_name', sa.String(length=200), nullable=True),
    sa.Column('place_country', sa.String(length=2), nullable=True),
    sa.Column('countries_key', sa.String(length=100), nullable=False),
    sa.Column('bodies_key', sa.String(length=200), nullable=False),
    sa.Column('n_sources', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_date_start'), ['date_start'], unique=False)
        batch_op.create_index('ix_events_match', ['type', 'countries_key', 'bodies_key'], unique=False)

    op.create_table('people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_country'), ['country'], unique=False)

    op.create_table('relations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('a', sa.String(length=2), nullable=False),
    sa.Column('b', sa.String(length=2), nullable=False),
    sa.Column('level', sa.String(length=40), nullable=False),
    sa.Column('since', sa.Integer(), nullable=True),
    sa.Column('first_mention', sa.String(length=10), nullable=True),
    sa.Column('last_mention', sa.String(length=10), nullable=True),
    sa.Column('n_sources', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('a', 'b', 'level')
    )
    with op.batch_alter_table('relations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relations_a'), ['a'], unique=False)
        batch_op.create_index(batch_op.f('ix_relations_b'), ['b'], unique=False)

    op.create_table('states',
    sa.Column('code', sa.String(length=2), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=True),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('event_bodies',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'key')
    )
    with op.batch_alter_table('event_bodies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_bodies_key'), ['key'], unique=False)

    op.create_table('event_countries',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=2), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'code')
    )
    with op.batch_alter_table('event_countries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_countries_code'), ['code'], unique=False)

    op.create_table('event_participants',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('org', sa.String(length=300), nullable=True),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('pillar', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'person_id')
    )
    with op.batch_alter_table('event_participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_participants_person_id'), ['person_id'], unique=False)

    op.create_table('event_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('section', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('date_start', sa.String(length=10), nullable=True),
    sa.Column('date_end', sa.String(length=10), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('event_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_sources_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_sources_event_id'), ['event_id'], unique=False)

    op.create_table('figures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('countries_key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('unit', sa.String(length=8), nullable=True),
    sa.Column('qualifier', sa.String(length=12), nullable=True),
    sa.Column('what', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=10), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_figures_countries_key'), ['countries_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_figures_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_figures_kind'), ['kind'], unique=False)

    op.create_table('person_names',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('last_word', sa.String(length=60), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'key')
    )
    with op.batch_alter_table('person_names', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_names_key'), ['key'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_names_last_word'), ['last_word'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_names_person_id'), ['person_id'], unique=False)

    op.create_table('person_titles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('org', sa.String(length=300), nullable=True),
    sa.Column('first_seen', sa.String(length=10), nullable=True),
    sa.Column('last_seen', sa.String(length=10), nullable=True),
    sa.Column('mentions', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'title')
    )
    with op.batch_alter_table('person_titles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_titles_person_id'), ['person_id'], unique=False)

    op.create_table('relation_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('relation_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('since', sa.Integer(), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['relation_id'], ['relations.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('relation_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relation_sources_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_relation_sources_relation_id'), ['relation_id'], unique=False)

    _full_text_search()


def _full_text_search() -> None:
    """Full-text search over documents: SQLite FTS5 kept in step by triggers; PostgreSQL GIN indexes."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, folded, content='documents', "
                   "content_rowid='id', tokenize='unicode61 remove_diacritics 0')")
        op.execute("CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN INSERT INTO documents_fts"
                   "(rowid, title, text, folded) VALUES (new.id, new.title, new.text, new.folded); END")
        op.execute("CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN INSERT INTO documents_fts"
                   "(documents_fts, rowid, title, text, folded) VALUES ('delete', old.id, old.title, old.text, "
                   "old.folded); END")
        op.execute("CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN INSERT INTO documents_fts"
                   "(documents_fts, rowid, title, text, folded) VALUES ('delete', old.id, old.title, old.text, "
                   "old.folded); INSERT INTO documents_fts(rowid, title, text, folded) VALUES (new.id, "
                   "new.title, new.text, new.folded); END")
    else:
        op.execute("CREATE INDEX ix_documents_fts ON documents USING gin "
                   "(to_tsvector('simple', coalesce(title, '') || ' ' || text))")
        op.execute("CREATE INDEX ix_documents_fts_folded ON documents USING gin (to_tsvector('simple', folded))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS documents_fts")
    with op.batch_alter_table('relation_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relation_sources_relation_id'))
        batch_op.drop_index(batch_op.f('ix_relation_sources_document_id'))

    op.drop_table('relation_sources')
    with op.batch_alter_table('person_titles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_titles_person_id'))

    op.drop_table('person_titles')
    with op.batch_alter_table('person_names', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_names_person_id'))
        batch_op.drop_index(batch_op.f('ix_person_names_last_word'))
        batch_op.drop_index(batch_op.f('ix_person_names_key'))

    op.drop_table('person_names')
    with op.batch_alter_table('figures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_figures_kind'))
        batch_op.drop_index(batch_op.f('ix_figures_document_id'))
        batch_op.drop_index(batch_op.f('ix_figures_countries_key'))

    op.drop_table('figures')
    with op.batch_alter_table('event_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_sources_event_id'))
        batch_op.drop_index(batch_op.f('ix_event_sources_document_id'))

    op.drop_table('event_sources')
    with op.batch_alter_table('event_participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_participants_person_id'))

    op.drop_table('event_participants')
    with op.batch_alter_table('event_countries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_countries_code'))

    op.drop_table('event_countries')
    with op.batch_alter_table('event_bodies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_bodies_key'))

    op.drop_table('event_bodies')
    op.drop_table('states')
    with op.batch_alter_table('relations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relations_b'))
        batch_op.drop_index(batch_op.f('ix_relations_a'))

    op.drop_table('relations')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_country'))

    op.drop_table('people')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_match')
        batch_op.drop_index(batch_op.f('ix_events_date_start'))

    op.drop_table('events')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_published'))
        batch_op.drop_index(batch_op.f('ix_documents_outlet'))
        batch_op.drop_index(batch_op.f('ix_documents_extractor_version'))

    op.drop_table('documents')
    op.drop_table('bodies')
