"""the write counter: writers take turns and see each other's batches

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

``write_counter`` holds one row, the number of batches stored. A writer advances it first thing in each
batch's transaction: it keeps the stored events it has read in memory across batches, and drops them when
the counter shows that another process wrote in between; on PostgreSQL the row's lock makes concurrent
writers store their batches one after the other.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table('write_counter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batches', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.bulk_insert(table, [{"id": 1, "batches": 0}])


def downgrade() -> None:
    op.drop_table('write_counter')
