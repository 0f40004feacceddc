"""A kill -9 of a Dask worker in the middle of an ingest: the scheduler runs its tasks again and the ingest
ends with every page stored once. A kill -9 of the main process: its workers go with it, and a re-run
stores the rest, every page once. On SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from doingoai.store import schema as s
from doingoai.store.engine import make_engine
from tests.store.conftest import fresh_database

from . import fixtures as fx

N = 400
BATCH = 10
DEADLINE_S = 300


def _command(folder: Path, db: str) -> list[str]:
    return [str(Path(sys.executable).parent / "doingoai"), "ingest", str(folder), "--db", db, "--batch", str(BATCH),
            "--workers", "2", "-q"]


def _stored(db: str) -> int:
    url = db if "://" in db else f"sqlite:///{db}"
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as c:
            return int(c.execute(text("select count(*) from documents")).scalar_one())
    except (OperationalError, ProgrammingError):
        return 0  # the schema is not there yet
    finally:
        engine.dispose()


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


def _workers(pid: int) -> list[int]:
    """The Dask worker processes the ingest started (spawned by multiprocessing)."""
    out = []
    for child in _children(pid):
        try:
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                out.append(child)
        except FileNotFoundError:
            continue
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except FileNotFoundError:
        return False
    return state != "Z"


def _wait_for(db: str, proc: subprocess.Popen[bytes], at_least: int) -> None:
    started = time.monotonic()
    while _stored(db) < at_least and proc.poll() is None and time.monotonic() - started < DEADLINE_S:
        time.sleep(0.2)
    assert proc.poll() is None, "the ingest finished before it could be interrupted"


def _every_page_once(db: str) -> None:
    with Session(make_engine(db)) as session:
        assert session.scalar(select(func.count()).select_from(s.Document)) == N
        assert session.scalar(select(func.count(func.distinct(s.Document.content_hash)))) == N
        assert session.scalar(select(func.count()).select_from(s.Event).where(s.Event.type == "reception")) == N
        mismatched = session.execute(select(s.Event.id).join(s.EventSource).group_by(s.Event.id).having(
            func.count(s.EventSource.id) != func.max(s.Event.n_sources))).all()
        assert mismatched == []


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_killed_worker_is_replaced_and_its_pages_stored_once(kind: str, tmp_path: Path) -> None:
    folder = fx.pages(tmp_path / "pages", N)
    with fresh_database(kind, tmp_path) as db:
        proc = subprocess.Popen(_command(folder, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _wait_for(db, proc, 60)
        workers = _workers(proc.pid)
        assert len(workers) == 2
        os.kill(workers[0], signal.SIGKILL)
        _, err = proc.communicate(timeout=DEADLINE_S)
        assert proc.returncode == 0, err
        assert f"{N} new, 0 already stored, 0 failed" in err.decode()
        _every_page_once(db)
        again = subprocess.run(_command(folder, db), capture_output=True, text=True, timeout=DEADLINE_S, check=False)
        assert f"0 new, {N} already stored, 0 failed" in again.stderr
        _every_page_once(db)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_killed_ingest_takes_its_workers_along_and_a_rerun_stores_the_rest(kind: str, tmp_path: Path) -> None:
    folder = fx.pages(tmp_path / "pages", N)
    with fresh_database(kind, tmp_path) as db:
        proc = subprocess.Popen(_command(folder, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for(db, proc, 60)
        workers = _workers(proc.pid)
        assert len(workers) == 2
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        partial = _stored(db)
        assert 60 <= partial < N
        assert partial % BATCH == 0  # only whole batches were committed
        gone_by = time.monotonic() + 30
        while any(_alive(w) for w in workers) and time.monotonic() < gone_by:
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers), "a worker outlived its ingest"
        done = subprocess.run(_command(folder, db), capture_output=True, text=True, timeout=DEADLINE_S, check=False)
        assert done.returncode == 0, done.stderr
        assert f"{N - partial} new, {partial} already stored, 0 failed" in done.stderr
        _every_page_once(db)
