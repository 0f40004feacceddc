"""Ingest on a Dask cluster builds the knowledge base one process builds: the same rows, in the same order
(SQLite and PostgreSQL), and one event, one person, one figure for an act whose reprints were extracted by
different workers and written in different batches."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from doingoai.config import DEFAULT_CONFIG
from doingoai.parallel.run import PAGES_PER_TASK, plan
from doingoai.read.sources import expand
from doingoai.store import schema as s
from doingoai.store.engine import make_engine
from doingoai.store.ingest import ingest
from tests.store.conftest import fresh_database

from . import fixtures as fx

# the reprints land in different tasks (so, with two workers busy, on different workers) and batches
REPRINT_AT = (3, 21, 37)


def _archive(folder: Path) -> list[str]:
    pages = fx.pages(folder / "pages", 40)
    for at, (_, text) in zip(REPRINT_AT, fx.REPRINTS, strict=True):
        (pages / f"page-{at:04d}-reprint.txt").write_text(text, encoding="utf-8")
    (pages / "page-0030-again.txt").write_text(fx.filler(5), encoding="utf-8")  # a page twice in one run
    texts = [fx.filler(100 + i) for i in range(20)]
    return [str(pages), str(fx.records(folder / "more.jsonl", texts, bad_at=7))]


def _one_act(db: str) -> None:
    with Session(make_engine(db)) as session:
        talks = session.execute(select(s.Event.id, s.Event.n_sources).join(s.EventCountry).where(
            s.Event.type == "talks", s.EventCountry.code == "MY")).all()
        assert [n for _, n in talks] == [3]
        assert session.scalar(select(func.count(func.distinct(s.PersonName.person_id))).where(
            s.PersonName.key.like("%anwar%"))) == 1
        figures = session.execute(select(s.Figure.value, s.Figure.n_sources).where(s.Figure.partner == "MY")).all()
        assert [tuple(f) for f in figures] == [(18e9, 3)]


def test_the_reprints_are_in_different_tasks(tmp_path: Path) -> None:
    inputs, _ = expand(_archive(tmp_path), DEFAULT_CONFIG)
    tasks = [[Path(owner.name).name for owner in owners] for owners, _ in plan(inputs, DEFAULT_CONFIG)]
    holding = [i for i, names in enumerate(tasks) for name in names if "reprint" in name]
    assert len(set(holding)) == 3
    assert all(len(t) <= PAGES_PER_TASK for t in tasks)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_two_workers_store_what_one_process_stores(kind: str, tmp_path: Path) -> None:
    args = _archive(tmp_path)
    with ExitStack() as stack:
        (tmp_path / "one").mkdir()
        (tmp_path / "two").mkdir()
        one = stack.enter_context(fresh_database(kind, tmp_path / "one"))
        two = stack.enter_context(fresh_database(kind, tmp_path / "two"))
        alone = ingest(args, db=one, batch_size=7)
        spread = ingest(args, db=two, batch_size=7, workers=2)
        assert (alone.pages, alone.new, alone.skipped) == (spread.pages, spread.new, spread.skipped) == (64, 63, 1)
        assert [Path(f.source).name for f in alone.failed] == [Path(f.source).name for f in spread.failed] == [
            "more.jsonl:line 8"]
        assert fx.dump(one) == fx.dump(two)
        _one_act(two)
        again = ingest(args, db=two, batch_size=7, workers=2)
        assert (again.new, again.skipped) == (0, 64)
        assert fx.dump(one) == fx.dump(two)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_reprints_in_separate_runs_and_workers_make_one_act(kind: str, tmp_path: Path, scheduler: str) -> None:
    """Two reprints in one run (different tasks), the third in a later run: still one event, one person,
    one figure, with three sources each."""
    folder = fx.pages(tmp_path / "pages", 12)
    for at, (_, text) in zip((2, 11), fx.REPRINTS[:2], strict=True):
        (folder / f"page-{at:04d}-reprint.txt").write_text(text, encoding="utf-8")
    late = tmp_path / "late"
    late.mkdir()
    (late / "c.txt").write_text(fx.REPRINTS[2][1], encoding="utf-8")
    with fresh_database(kind, tmp_path) as db:
        first = ingest([str(folder)], db=db, batch_size=4, scheduler=scheduler)
        second = ingest([str(late), str(folder)], db=db, batch_size=4, scheduler=scheduler)
        assert (first.new, second.new, second.skipped) == (14, 1, 14)
        _one_act(db)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_two_processes_build_the_same_knowledge_base(kind: str, tmp_path: Path) -> None:
    """The installed command, one process and two workers, each with its own string hashing (a set's
    order changes from one process to the next): the same rows, the same ids."""
    args = _archive(tmp_path)
    exe = str(Path(sys.executable).parent / "doingoai")
    with ExitStack() as stack:
        dbs = []
        for seed, workers in (("1", "1"), ("2", "2")):
            (tmp_path / seed).mkdir()
            db = stack.enter_context(fresh_database(kind, tmp_path / seed))
            env = {**os.environ, "PYTHONHASHSEED": seed}
            done = subprocess.run([exe, "ingest", *args, "--db", db, "--batch", "7", "--workers", workers],
                                  capture_output=True, text=True, timeout=600, check=False, env=env)
            assert "63 new, 1 already stored, 1 failed" in done.stderr
            dbs.append(db)
        assert fx.dump(dbs[0]) == fx.dump(dbs[1])
