"""A kill -9 in the middle of an ingest of 1,000 files, then a re-run: every file is stored exactly once
and the database is consistent (no source without its document, no event counting sources it lacks)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from doingoai.store import schema as s
from doingoai.store.engine import make_engine

from . import fixtures as fx

N = 1000
KILL_AFTER = 150  # documents committed before the kill
DEADLINE_S = 600


def _doingoai() -> str:
    return str(Path(sys.executable).parent / "doingoai")


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as c:
            return int(c.execute("select count(*) from documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # the schema is not there yet


def test_kill_and_resume(tmp_path: Path) -> None:
    fx.many_pages(tmp_path / "pages", N)
    db = tmp_path / "kb.sqlite"
    cmd = [_doingoai(), "ingest", str(tmp_path / "pages"), "--db", str(db), "--batch", "25", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    started = time.monotonic()
    while _stored(db) < KILL_AFTER and proc.poll() is None and time.monotonic() - started < DEADLINE_S:
        time.sleep(0.2)
    assert proc.poll() is None, "the ingest finished before it could be interrupted"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _stored(db)
    assert KILL_AFTER <= partial < N
    assert partial % 25 == 0  # only whole batches were committed

    done = subprocess.run(cmd, capture_output=True, text=True, timeout=DEADLINE_S, check=False)
    assert done.returncode == 0, done.stderr
    assert f"{N - partial} new, {partial} already stored, 0 failed" in done.stderr

    with Session(make_engine(str(db))) as session:
        assert session.scalar(select(func.count()).select_from(s.Document)) == N
        assert session.scalar(select(func.count(func.distinct(s.Document.content_hash)))) == N
        assert session.scalar(select(func.count(func.distinct(s.Document.source)))) == N
        orphans = session.scalar(select(func.count()).select_from(s.EventSource).where(
            ~s.EventSource.document_id.in_(select(s.Document.id))))
        assert orphans == 0
        mismatched = session.execute(select(s.Event.id).join(s.EventSource).group_by(s.Event.id).having(
            func.count(s.EventSource.id) != func.max(s.Event.n_sources))).all()
        assert mismatched == []
        # each page reports one reception: every one of them is in the base, once
        assert session.scalar(select(func.count()).select_from(s.Event).where(s.Event.type == "reception")) == N
