"""What a command loads: `doingoai --help` and `doingoai extract` never import the database layer
(SQLAlchemy, Alembic) nor Dask; the root help lists the knowledge-base commands with their own summaries
without loading them; the schema of a knowledge base is checked once per process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer

from doingoai import cli
from doingoai.store import engine as store_engine

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HEAVY = ("sqlalchemy", "alembic", "psycopg", "distributed", "dask")

_PROBE = """
import sys
from doingoai.cli import main
sys.argv = ["doingoai", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
sys.stderr.write("LOADED " + " ".join(sorted({m.split(".")[0] for m in sys.modules})) + "\\n")
"""


def _loaded(*args: str) -> tuple[set[str], str]:
    run = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, timeout=120,
                         check=False)
    line = next(x for x in run.stderr.splitlines() if x.startswith("LOADED "))
    return set(line.split()[1:]), run.stdout


def test_extract_never_imports_the_database_layer_nor_dask() -> None:
    loaded, out = _loaded("extract", str(EXAMPLES / "tiep-dai-su-brazil.txt"), "-q")
    assert '"format":"doingoai/1"' in out  # the page was extracted
    assert "doingoai" in loaded
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_help_imports_neither_the_pipeline_nor_the_database() -> None:
    loaded, out = _loaded("--help")
    assert "ingest" in out
    assert "extract" in out
    assert loaded.isdisjoint((*HEAVY, "trafilatura", "lxml", "yaml"))


def test_an_ingest_loads_the_database_layer(tmp_path: Path) -> None:
    loaded, _ = _loaded("ingest", str(EXAMPLES / "tiep-dai-su-brazil.txt"), "--db", str(tmp_path / "kb.sqlite"), "-q")
    assert {"sqlalchemy", "alembic"} <= loaded
    assert (tmp_path / "kb.sqlite").is_file()


def test_the_listed_summaries_are_the_commands_own() -> None:
    loaded = cli.kb_commands()
    assert list(loaded) == list(cli.KB_COMMANDS)
    for name, command in loaded.items():
        first = (command.help or "").split("\n\n")[0].strip()
        assert cli.KB_COMMANDS[name] == first, name


def test_root_help_is_the_same_with_the_commands_loaded(capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    group = typer.main.get_command(cli.app)
    assert set(cli.KB_COMMANDS) <= set(group.commands)  # type: ignore[attr-defined]  # listed, not loaded
    assert group.lazy.pending  # type: ignore[attr-defined]

    def root_help() -> str:
        group.main(["--help"], prog_name="doingoai", standalone_mode=False)
        return capsys.readouterr().out

    lazy = root_help()
    assert "Store pages in the knowledge base" in lazy
    group.lazy.load()  # type: ignore[attr-defined]
    assert not group.lazy.pending  # type: ignore[attr-defined]
    assert root_help() == lazy


def test_the_schema_is_checked_once_per_database(tmp_path: Path) -> None:
    db = tmp_path / "kb.sqlite"
    engine = store_engine.make_engine(str(db))
    store_engine.migrate(engine)
    checks = 0
    real = store_engine._state

    def counting(e: object) -> str:
        nonlocal checks
        checks += 1
        return real(e)  # type: ignore[arg-type]

    store_engine._state = counting  # type: ignore[assignment]
    try:
        store_engine.migrate(engine)
        store_engine.open_knowledge_base(str(db)).dispose()
        assert checks == 0
        engine.dispose()
        db.unlink()  # a new file at the same path is looked at again
        store_engine.migrate(store_engine.make_engine(str(db)))
        assert checks >= 1
    finally:
        store_engine._state = real  # type: ignore[assignment]
