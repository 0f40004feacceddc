"""The knowledge base is only created by ``ingest``, and only ours is touched (issue 11, item 2); ``ingest``
says when nothing was stored, and what an interruption left (item 2); ``--max-size`` limits each record of
a JSON Lines archive, not the archive (item 8). On SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from doingoai.store import schema as s
from doingoai.store.engine import make_engine
from tests.cli.conftest import doingoai, installed
from tests.store import fixtures as fx

READ_ONLY = [("events",), ("country", "PH"), ("person", "Tô Lâm"), ("stats",), ("search", "Lâm"),
             ("export", "events", "--output", "OUT"), ("db",)]


def _args(args: tuple[str, ...], tmp_path: Path) -> list[str]:
    return [str(tmp_path / "e.csv") if a == "OUT" else a for a in args]


def _tables(url: str) -> set[str]:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


@pytest.mark.parametrize("args", READ_ONLY)
def test_read_only_commands_on_a_missing_sqlite_file_create_nothing(tmp_path: Path, args: tuple[str, ...]) -> None:
    db = tmp_path / "nowhere" / "kb.sqlite"
    done = doingoai(*_args(args, tmp_path), "--db", str(db))
    assert done.returncode == 2, done.stdout
    assert f"no knowledge base at {db}; run `doingoai ingest` first" in done.stderr
    assert not (tmp_path / "nowhere").exists()
    assert not (tmp_path / "e.csv").exists()


def test_read_only_commands_on_an_empty_database_create_nothing(db_url: str, tmp_path: Path) -> None:
    for args in READ_ONLY:
        done = doingoai(*_args(args, tmp_path), "--db", db_url)
        assert done.returncode == 2, (args, done.stdout)
        assert "no knowledge base at" in done.stderr, (args, done.stderr)
        assert "run `doingoai ingest` first" in done.stderr
    if db_url.startswith("postgresql"):
        assert _tables(db_url) == set()  # no schema was created
    else:
        assert not Path(db_url).exists()


def test_the_default_location_is_not_created_either(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    env.pop("DOINGOAI_DB", None)
    exe = Path(sys.executable).parent / "doingoai"
    done = subprocess.run([str(exe), "events"], capture_output=True, text=True, env=env, timeout=600, check=False)
    assert done.returncode == 2
    assert "no knowledge base at" in done.stderr
    assert not home.exists()


def _foreign(db_url: str) -> str:
    """A database of another application: a table of its own, no schema of ours."""
    if db_url.startswith("postgresql"):
        engine = create_engine(db_url)
        with engine.begin() as c:
            c.execute(text("CREATE TABLE notes (id integer primary key, body text)"))
            c.execute(text("INSERT INTO notes VALUES (1, 'mine')"))
        engine.dispose()
    else:
        with sqlite3.connect(db_url) as c:
            c.execute("CREATE TABLE notes (id integer primary key, body text)")
            c.execute("INSERT INTO notes VALUES (1, 'mine')")
        c.close()
    return db_url


def test_a_database_of_another_application_is_refused_not_migrated(db_url: str, tmp_path: Path) -> None:
    db = _foreign(db_url)
    before = hashlib.sha256(Path(db).read_bytes()).hexdigest() if not db.startswith("postgresql") else None
    page = fx.write(tmp_path / "p", fx.UPGRADES[:1])
    for args in [*READ_ONLY, ("ingest", *page)]:
        done = doingoai(*_args(args, tmp_path), "--db", db)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert "is not a doingoai knowledge base" in done.stderr, (args, done.stderr)
    if before is not None:
        assert hashlib.sha256(Path(db).read_bytes()).hexdigest() == before
        assert {p.name for p in Path(db).parent.iterdir()} == {"kb.sqlite", "p"}  # no -wal, no -shm
    else:
        assert _tables(db) == {"notes"}


def test_a_file_that_is_no_database_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list: rice, fish sauce\n" * 200, encoding="utf-8")
    for args in (("events",), ("ingest", str(notes))):
        done = doingoai(*args, "--db", str(notes))
        assert done.returncode == 2
        assert "is not a doingoai knowledge base" in done.stderr
    assert notes.read_text(encoding="utf-8").startswith("shopping list")


def test_ingest_exits_non_zero_when_nothing_was_ingested(db_url: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    for args in ((str(tmp_path / "missing.txt"),), (str(empty),)):
        done = doingoai("ingest", *args, "--db", db_url)
        assert done.returncode == 2, done.stderr
        assert "nothing was ingested" in done.stderr
    pages = fx.write(tmp_path / "p", fx.UPGRADES)
    assert doingoai("ingest", *pages, "--db", db_url).returncode == 0
    again = doingoai("ingest", *pages, "--db", db_url)
    assert again.returncode == 0  # stored already: that is success
    assert "0 new, 3 already stored" in again.stderr


def _stored(db_url: str) -> int:
    try:
        engine = make_engine(db_url, create=False)
        try:
            with Session(engine) as session:
                return session.scalar(select(func.count()).select_from(s.Document)) or 0
        finally:
            engine.dispose()
    except SQLAlchemyError:  # the schema is not there yet
        return 0


def test_ctrl_c_says_how_many_pages_were_stored(db_url: str, tmp_path: Path) -> None:
    n, batch = 300, 10
    fx.many_pages(tmp_path / "pages", n)
    cmd = [str(Path(sys.executable).parent / "doingoai"), "ingest", str(tmp_path / "pages"), "--db", db_url,
           "--batch", str(batch), "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    started = time.monotonic()
    while _stored(db_url) < 2 * batch and proc.poll() is None and time.monotonic() - started < 600:
        time.sleep(0.2)
    assert proc.poll() is None, "the ingest finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 130, err
    stored = _stored(db_url)
    assert 2 * batch <= stored < n
    assert f"interrupted: {stored} page(s) stored by this run ({stored} in the knowledge base)" in err
    assert "run the same command again to store the rest" in err
    assert "Traceback" not in err
    rest = installed(*cmd[1:])
    assert rest.returncode == 0, rest.stderr
    assert f"{n - stored} new, {stored} already stored, 0 failed" in rest.stderr


def test_max_size_limits_each_record_not_the_archive(db_url: str, tmp_path: Path) -> None:
    """An archive larger than --max-size ingests; a record larger than it is refused on its own line."""
    archive = tmp_path / "archive.jsonl"
    records = [{"source": f"r{i}", "published": "2024-05-01",
                "text": f"Sáng {1 + i % 28}/5, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Nhật Bản tại Việt Nam số {i}. "
                        + "Hai bên trao đổi về hợp tác kinh tế, thương mại và đầu tư giữa hai nước. " * 30}
               for i in range(60)]
    records.insert(30, {"source": "huge", "text": "Hà Nội. " * 200_000})
    archive.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    assert archive.stat().st_size > 1_500_000
    done = doingoai("ingest", str(archive), "--max-size", "0.5", "--db", db_url)
    assert done.returncode == 0, done.stderr
    assert "60 new, 0 already stored, 1 failed" in done.stderr
    assert f"{archive}:line 31: record is larger than the 0.5 MB limit" in done.stderr


def test_records_on_standard_input_are_limited_one_by_one() -> None:
    records = [{"source": f"s{i}", "text": f"Chiều {1 + i}/3, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Nhật Bản. "
                + "Hai bên trao đổi về hợp tác kinh tế giữa hai nước. " * 40} for i in range(25)]
    stdin = "".join(orjson.dumps(r).decode() + "\n" for r in records)
    assert len(stdin.encode()) > 50_000
    done = doingoai("extract", "-", "--max-size", "0.01", "--format", "jsonl", stdin=stdin)
    assert done.returncode == 0, done.stderr
    assert [orjson.loads(line)["source"] for line in done.stdout.splitlines()] == [f"s{i}" for i in range(25)]


def test_a_schema_revision_that_is_not_ours_is_refused(db_url: str, tmp_path: Path) -> None:
    """Another Alembic application (or a newer doingoai): its revision is not one of ours."""
    statements = ["CREATE TABLE alembic_version (version_num varchar(32) primary key)",
                  "INSERT INTO alembic_version VALUES ('9f3e2a1b7c00')", "CREATE TABLE orders (id integer)"]
    engine = create_engine(db_url if db_url.startswith("postgresql") else f"sqlite:///{db_url}")
    with engine.begin() as c:
        for sql in statements:
            c.execute(text(sql))
    engine.dispose()
    for args in (("events",), ("ingest", *fx.write(tmp_path / "p", fx.UPGRADES[:1]))):
        done = doingoai(*args, "--db", db_url)
        assert done.returncode == 2, done.stderr
        assert "not a doingoai knowledge base of this version" in done.stderr
        assert "9f3e2a1b7c00" in done.stderr
    assert _tables(db_url if db_url.startswith("postgresql") else f"sqlite:///{db_url}") == {"alembic_version",
                                                                                           "orders"}
