"""Multi-row statements: one INSERT or UPDATE for all the rows of a table in a batch."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, update

__all__ = ["insert_rows", "update_rows"]


def insert_rows(conn: Connection, table: Table | Any, rows: list[dict[str, Any]], returning: bool = True) -> list[int]:
    """Insert ``rows`` with one multi-row statement; the new ids, in the order of ``rows``."""
    if not rows:
        return []
    if not returning:
        conn.execute(insert(table), rows)
        return []
    result = conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
    return [row[0] for row in result]


def update_rows(conn: Connection, table: Table | Any, rows: list[dict[str, Any]]) -> None:
    """Update rows by id, one statement executed for all of them (every row sets the same columns)."""
    if not rows:
        return
    columns = [c for c in rows[0] if c != "id"]
    statement = update(table).where(table.c.id == bindparam("b_id")).values(
        {c: bindparam(f"b_{c}") for c in columns})
    conn.execute(statement, [{f"b_{k}": v for k, v in r.items()} for r in rows])
