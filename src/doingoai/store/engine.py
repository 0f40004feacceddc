"""Where the knowledge base lives, and bringing its schema up to date.

SQLite is the default (a file in the user's data directory, or ``--db PATH``); PostgreSQL is used through
the same code with ``--db postgresql://...`` or the ``DOINGOAI_DB`` environment variable.
"""

from __future__ import annotations

import fcntl
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from doingoai.errors import UsageError, WriteError

__all__ = ["DEFAULT_DB_ENV", "default_db_path", "describe_url", "make_engine", "migrate", "open_knowledge_base",
           "resolve_url"]

DEFAULT_DB_ENV = "DOINGOAI_DB"
_MIGRATIONS = Path(__file__).parent / "migrations"


def default_db_path() -> Path:
    return Path(user_data_dir("doingoai", appauthor=False)) / "doingoai.sqlite"


def make_url_safe(url: str) -> str:
    """A database URL as the user writes it (postgresql://, not the driver's name), never with its password."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url.replace("postgresql+psycopg://", "postgresql://", 1))


def resolve_url(db: str | None = None, create: bool = True) -> str:
    """An SQLAlchemy URL from ``--db`` (a URL or a file path), else ``DOINGOAI_DB``, else the default file.

    ``create``: make the SQLite file's folder (for ``ingest``); read-only commands never create anything."""
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
    if create:
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


def _read_only_uri(path: Path) -> str | None:
    """How to open a knowledge base the user may read but not write (a file or folder without write
    permission, an archive on read-only media): an SQLite URI, or None when the file may be written.
    Read-only, SQLite still needs a -shm file beside a WAL database; in a folder where it cannot make one,
    the file is opened as immutable (nothing else can change it there)."""
    if not path.is_file() or (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return None
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    shm = path.with_name(path.name + "-shm")
    if not os.access(path.parent, os.W_OK) and not (shm.exists() and os.access(shm, os.W_OK)):
        uri += "&immutable=1"
    return uri


def _read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # as _sqlite_pragmas; a read-only file keeps its journal mode
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(db: str | None = None, create: bool = True) -> Engine:
    url = resolve_url(db, create)
    read_only = _read_only_uri(Path(url[len("sqlite:///"):])) if url.startswith("sqlite:///") else None
    folder = Path(url[len("sqlite:///"):]).parent
    if create and read_only is None and url.startswith("sqlite:///") and not os.access(folder, os.W_OK):
        read_only = "folder"  # no file yet, and none can be made there
    if read_only is not None and create:
        raise WriteError(f"cannot write the knowledge base {url[len('sqlite:///'):]}: the file or its folder is "
                         "read-only (the commands that only read it still work)")
    if read_only is not None:
        uri = read_only
        engine = create_engine(url, future=True,
                               creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
        event.listen(engine, "connect", _read_only_pragmas)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
        return engine
    try:
        engine = create_engine(url, future=True, pool_pre_ping=url.startswith("postgresql"))
    except (ValueError, ArgumentError) as exc:  # "postgresql://h:abc/x": a port that is no number, ...
        shown = make_url_safe(url)
        raise UsageError(f"cannot read the database URL {shown}: {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        # An engine that may create the knowledge base is a writer's (ingest, reprocess, corrections): its
        # transactions take the write lock as they begin, waiting for another writer's (busy_timeout), so
        # that two ingests at once take turns. A deferred transaction that reads, then writes after another
        # process wrote, fails at once with "database is locked" instead of waiting.
        begin = "BEGIN IMMEDIATE" if create else "BEGIN"
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql(begin))
    return engine


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


@cache
def _revisions() -> tuple[frozenset[str], frozenset[str]]:
    """Every migration id of ours, and the heads."""
    script = ScriptDirectory(str(_MIGRATIONS))
    return frozenset(r.revision for r in script.walk_revisions()), frozenset(script.get_heads())


def describe_url(engine: Engine) -> str:
    """The database as the user named it: a file path, or the URL without its password."""
    if engine.dialect.name == "sqlite":
        return str(engine.url.database)
    # as the user writes it: postgresql://, not the driver's name
    return engine.url.set(drivername=engine.url.get_backend_name()).render_as_string(hide_password=True)


# What a database holds: nothing (a new or empty file), our schema at some revision, or other tables;
# _UNKNOWN marks an Alembic revision that is not one of ours (another application, or a newer doingoai).
_EMPTY, _FOREIGN, _UNKNOWN = "empty", "foreign", "unknown:"


def _ours(versions: set[str]) -> str:
    if len(versions) == 1 and versions <= _revisions()[0]:
        return versions.pop()
    return _UNKNOWN + ",".join(sorted(versions))


def _sqlite_state(path: Path) -> str:
    """Looked at through a plain read-only connection: our engine would switch the file to WAL mode,
    and a file of another application must be left exactly as it is."""
    if not path.is_file() or path.stat().st_size == 0:
        return _EMPTY
    uri = f"file:{quote(str(path.resolve()))}"
    # read-only first; a WAL file whose -shm is gone may need a read-write handle (which creates nothing),
    # or, in a folder the user may not write, an immutable one
    for mode in ("ro", "rw"):
        query = (_read_only_uri(path) or f"{uri}?mode=ro") if mode == "ro" else f"{uri}?mode=rw"
        try:
            conn = sqlite3.connect(query, uri=True)
        except sqlite3.OperationalError as exc:
            if mode == "rw":
                raise UsageError(f"cannot open the database {path}: {exc}") from exc
            continue
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables:
                return _EMPTY
            if "alembic_version" not in tables:
                return _FOREIGN
            versions = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
            return _ours(versions)
        except sqlite3.OperationalError as exc:
            if mode == "rw":
                raise UsageError(f"cannot open the database {path}: {exc}") from exc
        except sqlite3.DatabaseError:
            return _FOREIGN  # not a SQLite database at all
        finally:
            conn.close()
    raise AssertionError("unreachable")


def _server_state(engine: Engine) -> str:
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if not tables:
                return _EMPTY
            if "alembic_version" not in tables:
                return _FOREIGN
            versions = {r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))}
    except SQLAlchemyError as exc:
        raise UsageError(f"cannot open the database {describe_url(engine)}: "
                         f"{str(getattr(exc, 'orig', None) or exc).strip().splitlines()[0]}") from exc
    return _ours(versions)


def _state(engine: Engine) -> str:
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        return _sqlite_state(Path(database)) if database and database != ":memory:" else _EMPTY
    return _server_state(engine)


def _refuse_foreign(engine: Engine, state: str) -> None:
    if state == _FOREIGN:
        raise UsageError(f"{describe_url(engine)} is not a doingoai knowledge base (it holds another "
                         "application's data, or is not a database): refusing to touch it; give another --db")
    if state.startswith(_UNKNOWN):
        raise UsageError(f"{describe_url(engine)} is not a doingoai knowledge base of this version (its schema "
                         f"revision {state.removeprefix(_UNKNOWN) or '?'} is not one of ours: another application's, "
                         "or a newer doingoai's): refusing to touch it")


# The databases this process found (or made) at the latest schema: a program that opens the knowledge base
# for every request (a server) checks the schema once, not at every query. A SQLite file is known by its
# inode, so that a file deleted and made again is looked at again.
_AT_HEAD: set[tuple[object, ...]] = set()


def _identity(engine: Engine) -> tuple[object, ...] | None:
    if engine.dialect.name != "sqlite":
        return (engine.url.render_as_string(hide_password=False),)
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    try:
        st = Path(database).stat()
    except OSError:
        return None
    return (str(Path(database).resolve()), st.st_dev, st.st_ino)


def _known_at_head(engine: Engine) -> bool:
    key = _identity(engine)
    return key is not None and key in _AT_HEAD


def _note_at_head(engine: Engine) -> None:
    key = _identity(engine)
    if key is not None:
        _AT_HEAD.add(key)


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to the latest migration; a database of another application is refused.
    Two processes starting on one new database (two ingests at once) migrate it one after the other: the
    second finds the schema made and does nothing. Once per database and process (but whether this user
    may write is asked each time: a process may hold a read-only user's engine and a writer's)."""
    if _known_at_head(engine):
        _check_writable(engine)
        return
    state = _state(engine)
    _refuse_foreign(engine, state)
    if state not in _revisions()[1]:
        with _migration_lock(engine):
            state = _state(engine)  # as the process that held the lock left it
            _refuse_foreign(engine, state)
            if state not in _revisions()[1]:
                command.upgrade(alembic_config(engine), "head")
    _check_writable(engine)
    _note_at_head(engine)


def _check_writable(engine: Engine) -> None:
    """A PostgreSQL role that may read the knowledge base but not write it (an analyst's read-only account)
    is told so once, before any page is read, instead of once per page."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect() as conn:
        writable = conn.execute(text("SELECT has_table_privilege('documents', 'INSERT')")).scalar()
    if not writable:
        raise WriteError(f"cannot write the knowledge base {describe_url(engine)}: the database user "
                         f"{engine.url.username or '?'} may not write its tables (the commands that only read "
                         "it still work)")


# The key of the PostgreSQL advisory lock that serializes migrations ("doingoai" in ASCII, as a number).
_PG_LOCK = 0x646F696E676F6169


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """PostgreSQL: a session advisory lock. SQLite: an flock on the database's folder. (Not on the file: made
    before SQLite makes it, an empty file would get its header in the write-ahead log only, where a second
    connection opening the file does not look.)"""
    if engine.dialect.name == "postgresql":
        with engine.connect() as c:
            c.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_LOCK})
            try:
                yield
            finally:
                c.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_LOCK})
        return
    database = engine.url.database
    if not database or database == ":memory:":
        yield
        return
    folder = os.open(Path(database).resolve().parent, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(folder, fcntl.LOCK_UN)
        os.close(folder)


def open_knowledge_base(db: str | None = None) -> Engine:
    """The engine of an existing knowledge base, for the read-only commands: creates no file or folder,
    and says so when there is no knowledge base at ``db``."""
    engine = make_engine(db, create=False)
    if _known_at_head(engine):
        return engine
    state = _state(engine)
    if state == _EMPTY:
        raise UsageError(f"no knowledge base at {describe_url(engine)}; run `doingoai ingest` first")
    _refuse_foreign(engine, state)
    if state not in _revisions()[1]:
        command.upgrade(alembic_config(engine), "head")  # an older schema of ours: bring it up to date
    _note_at_head(engine)
    return engine


def has_schema(engine: Engine) -> bool:
    return inspect(engine).has_table("documents")
