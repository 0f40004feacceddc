"""indexes for the filters and sorts of the event list

Revision ID: 0006
Revises: 0005_watch
Create Date: 2026-12-07

``GET /api/v1/events`` and ``doingoai events`` filter by type and status and sort by date: an index that
leads with the filter and ends with the date gives the matching events already in order and counts them
without reading the table. The join tables are asked "which events have this state / body / person":
an index that holds both columns answers from the index alone (the existing one-column indexes point to
the row, which then had to be read for its event id).
"""

from __future__ import annotations

from alembic import op

revision = '0006'
down_revision = '0005_watch'
branch_labels = None
depends_on = None

# (index, table, columns): the same names and columns as the declarations in store/schema.py
INDEXES = [
    ("ix_events_type_status_date", "events", ["type", "status", "date_start"]),
    ("ix_events_status_date", "events", ["status", "date_start"]),
    ("ix_event_countries_code_event", "event_countries", ["code", "event_id"]),
    ("ix_event_bodies_key_event", "event_bodies", ["key", "event_id"]),
    ("ix_event_participants_person_event", "event_participants", ["person_id", "event_id"]),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
