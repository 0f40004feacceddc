"""Where the knowledge base lives, and bringing its schema up to date.

SQLite is the default (a file in the user's data directory, or ``--db PATH``); PostgreSQL is used through
the same code with ``--db postgresql://...`` or the ``DOINGOAI_DB`` environment variable.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, inspect

from doingoai.errors import UsageError

__all__ = ["DEFAULT_DB_ENV", "default_db_path", "make_engine", "migrate", "resolve_url"]

DEFAULT_DB_ENV = "DOINGOAI_DB"
_MIGRATIONS = Path(__file__).parent / "migrations"


def default_db_path() -> Path:
    return Path(user_data_dir("doingoai", appauthor=False)) / "doingoai.sqlite"


def resolve_url(db: str | None = None) -> str:
    """An SQLAlchemy URL from ``--db`` (a URL or a file path), else ``DOINGOAI_DB``, else the default file."""
    value = db or os.environ.get(DEFAULT_DB_ENV) or str(default_db_path())
    if value.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver the project ships with
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if "://" in value:
        if not value.startswith(("sqlite", "postgresql+")):
            raise UsageError(f"unsupported database URL {value.split('://')[0]}:// (use a file path, sqlite:/// "
                             "or postgresql://)")
        return value
    path = Path(value).expanduser()
    if path.is_dir():
        raise UsageError(f"{path} is a directory: give a database file path")
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite starts transactions on its own and commits around SAVEPOINTs; take transactions over
    # (SQLAlchemy's documented recipe) so that a batch is one transaction and a savepoint is a savepoint
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    # WAL: readers never block the writer, and a killed writer leaves only whole transactions behind
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(db: str | None = None) -> Engine:
    url = resolve_url(db)
    engine = create_engine(url, future=True, pool_pre_ping=url.startswith("postgresql"))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to the latest migration."""
    command.upgrade(alembic_config(engine), "head")


def has_schema(engine: Engine) -> bool:
    return inspect(engine).has_table("documents")
