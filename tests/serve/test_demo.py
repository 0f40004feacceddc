"""`doingoai serve --demo` builds its knowledge base from the example pages and the shared corpora present."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from doingoai.serve.demo import build_demo, demo_inputs
from doingoai.store import schema as s
from doingoai.store.engine import open_knowledge_base
from tests.serve.fixtures import PAGES
from tests.store import fixtures as fx


def test_the_demo_takes_examples_and_the_corpora_present(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shared"
    fx.write(shared / "corpus" / "seeds", PAGES[:2])
    fx.write(shared / "corpus" / "wild", PAGES[2:])
    monkeypatch.setenv("DOINGOAI_SHARED", str(shared))
    inputs = demo_inputs()
    assert [Path(p).name for p in inputs] == ["examples", "seeds", "wild"]  # dev and dev2 are absent
    db = str(tmp_path / "demo.sqlite")
    first = build_demo(db)
    assert first.new == 3 + len(PAGES)
    again = build_demo(db)  # a second start reuses what is stored
    assert (again.new, again.skipped) == (0, first.new)
    engine = open_knowledge_base(db)
    try:
        with Session(engine) as session:
            assert session.scalar(select(func.count()).select_from(s.Document)) == first.new
    finally:
        engine.dispose()
