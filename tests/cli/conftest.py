"""Knowledge bases for the CLI tests, on SQLite and on the real PostgreSQL server (see tests/store/conftest.py).

``db_url`` gives each test a fresh, empty database; ``kb`` builds one knowledge base per module and backend
from tests/store/fixtures.py and tests/cli/fixtures.py, for tests that only read it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from doingoai.cli import app
from tests.cli.fixtures import PAGES
from tests.store import fixtures as fx
from tests.store.conftest import db_url, fresh_database

__all__ = ["PAGES", "Ran", "db_url", "doingoai", "installed", "kb"]


@dataclass(frozen=True, slots=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


def doingoai(*args: str, columns: int = 200, stdin: str | None = None) -> Ran:
    """The command's app run in-process (as ``doingoai ARGS`` with its output piped and ``COLUMNS`` set):
    the same parsing, checks and messages as the installed command, without a second's start-up per call.
    An exception that escapes is reported as the installed command would: an internal error."""
    result = CliRunner().invoke(app, list(args), input=stdin, env={"COLUMNS": str(columns), "DOINGOAI_DB": None})
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += f"doingoai: internal error ({type(result.exception).__name__}: {result.exception})"
    return Ran(result.exit_code, result.stdout, stderr)


def installed(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed command in its own process (for what only a process shows: start-up, signals)."""
    exe = Path(sys.executable).parent / "doingoai"
    env = {k: v for k, v in os.environ.items() if k != "DOINGOAI_DB"}
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=600, check=False, env=env)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def kb(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("kb")
    pages = fx.write(folder / "pages", [*fx.UPGRADES, *fx.TITLES_OVER_TIME, *fx.THREE_REPORTS, *PAGES])
    with fresh_database(request.param, folder) as url:
        done = installed("ingest", *pages, "--db", url)
        assert done.returncode == 0, done.stderr
        yield url
