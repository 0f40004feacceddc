"""Two ingests of the same pages into one knowledge base at once (issue 12, item 6): both exit 0, the schema
is made once, and the knowledge base equals the one a single ingest builds, on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from doingoai.store.engine import resolve_url
from tests.cli.conftest import db_url  # noqa: F401  (SQLite and PostgreSQL)
from tests.store import fixtures as fx
from tests.store.conftest import fresh_database

TABLES = ("documents", "events", "event_sources", "people", "figures", "relations")


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(resolve_url(url))
    with engine.connect() as c:
        found = {t: int(c.execute(text(f"select count(*) from {t}")).scalar_one()) for t in TABLES}
    engine.dispose()
    return found


def test_two_ingests_at_once_equal_one(db_url: str, tmp_path: Path) -> None:  # noqa: F811
    fx.many_pages(tmp_path / "pages", 120)
    exe = str(Path(sys.executable).parent / "doingoai")
    cmd = [exe, "ingest", str(tmp_path / "pages"), "--db", db_url, "--batch", "10", "-q"]
    runs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    errors = [r.communicate(timeout=600)[1] for r in runs]
    for run, err in zip(runs, errors, strict=True):
        assert run.returncode == 0, err
        assert " 0 failed" in err, err
    kind = "postgresql" if db_url.startswith("postgresql") else "sqlite"
    with fresh_database(kind, tmp_path / "alone") as alone:
        single = subprocess.run([*cmd[:3], "--db", alone, "-q"], capture_output=True, text=True, check=False)
        assert single.returncode == 0, single.stderr
        assert _counts(db_url) == _counts(alone)
    assert _counts(db_url)["documents"] == 120
