"""`doingoai serve --demo` builds its knowledge base from the example pages and the shared corpora present."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from doingoai.serve import ServeSettings
from doingoai.serve.demo import build_demo, demo_inputs
from doingoai.store import schema as s
from doingoai.store.engine import open_knowledge_base
from tests.serve.conftest import start
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


SHARED = Path(__file__).resolve().parents[3] / "shared"


def test_the_full_demo_shows_many_partners_years_and_levels(tmp_path: Path) -> None:
    shared = Path(os.environ.get("DOINGOAI_SHARED", SHARED))
    if not (shared / "corpus" / "wild").is_dir():
        pytest.skip(f"no shared corpus at {shared}: the full demo needs it")
    db = str(tmp_path / "demo.sqlite")
    assert build_demo(db).new > 100
    server = start(ServeSettings(db=db))
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            for path in ("/", "/events", "/network", "/map", "/stats", "/stats?by=quarter", "/search?q=ASEAN"):
                assert client.get(path).status_code == 200, path
            partners = client.get("/api/v1/states").json()
            assert len(partners) >= 20
            assert len({p["level"] for p in partners if p["level"]}) >= 4
            years = {row["period"] for row in client.get("/api/v1/stats").json()["rows"]}
            assert len(years) >= 5
            world = client.get("/map").text
            assert world.count('class="country lv-') - world.count('class="country lv-none"') >= 20
    finally:
        server.stop()
        server.app.app.state.engine.dispose()  # type: ignore[attr-defined]
