"""The documentation keeps up with the program: every command, option, event type, relation level,
database column and export column is named in docs/, the project's copy of the output format is the
workplace's, and the Vietnamese half of the README shows every command."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import typer

from doingoai.cli import app
from doingoai.export.tables import COLUMNS
from doingoai.extract.cues import EVENT_TYPES
from doingoai.resolve.relations import LADDER
from doingoai.store import schema as s

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SHARED = Path(os.environ.get("DOINGOAI_SHARED", ROOT.parent / "shared"))


def _text(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def _commands() -> dict[str, list[str]]:
    """Each command of the program and the flags of its options (long and short)."""
    group = typer.main.get_command(app)
    out: dict[str, list[str]] = {}
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        out[name] = [flag for p in command.params if p.param_type_name == "option"
                     for flag in (*p.opts, *p.secondary_opts) if flag not in ("--help", "-h")]
    return out


def _section(doc: str, command: str) -> str:
    """The part of cli.md under ``## COMMAND: ...``."""
    m = re.search(rf"^## {re.escape(command)}\b.*?(?=^## |\Z)", doc, re.M | re.S)
    assert m, f"docs/cli.md has no section '## {command}: ...'"
    return m.group()


def test_every_command_and_option_is_documented() -> None:
    doc = _text("cli.md")
    missing = []
    for command, flags in _commands().items():
        section = _section(doc, command)
        missing += [f"{command} {flag}" for flag in flags if not re.search(rf"`{re.escape(flag)}`", section)]
    assert not missing, f"undocumented in docs/cli.md: {missing}"


def test_the_check_fails_on_an_undocumented_option() -> None:
    # the test above reads sections: an option named only under another command does not count
    doc = _text("cli.md")
    assert "`--related`" in _section(doc, "extract")
    assert "`--related`" not in _section(doc, "events")


def test_every_event_type_and_level_is_documented() -> None:
    doc = _text("data-model.md")
    assert [t for t in EVENT_TYPES if f"`{t}`" not in doc] == []
    assert [lv for lv in LADDER if f"`{lv}`" not in doc] == []


def _blocks(doc: str, heading: str) -> dict[str, str]:
    """The ``### `name``` blocks of one ``## heading`` section, by name."""
    part = doc.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    return {m.group(1): m.group() for m in re.finditer(r"^### `([^`]+)`.*?(?=^### |\Z)", part, re.M | re.S)}


def test_every_database_column_is_documented() -> None:
    blocks = _blocks(_text("data-model.md"), "The knowledge base")
    missing = [f"{t.name}.{c.name}" for t in s.Base.metadata.sorted_tables for c in t.columns
               if f"`{c.name}`" not in blocks.get(t.name, "")]
    assert not missing, f"undocumented in docs/data-model.md, The knowledge base: {missing}"


def test_every_export_column_is_documented() -> None:
    blocks = _blocks(_text("data-model.md"), "Exports")
    missing = [f"{table}.{c}" for table, columns in COLUMNS.items() for c in columns
               if f"`{c}`" not in blocks.get(table, "")]
    assert not missing, f"undocumented in docs/data-model.md, Exports: {missing}"


def test_output_format_is_the_workplace_contract() -> None:
    spec = SHARED / "spec" / "output-format.md"
    if not spec.exists():
        pytest.skip(f"no workplace copy of the contract at {spec}")
    assert _text("output-format.md") == spec.read_text(encoding="utf-8"), \
        "docs/output-format.md differs from the workplace's spec: copy it again"


def test_vietnamese_readme_shows_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    vietnamese = readme.split("\n## English", 1)[0]
    missing = [c for c in _commands() if not re.search(rf"doingoai {c}\b", vietnamese)]
    assert not missing, f"the Vietnamese half of README.md shows no example of: {missing}"
