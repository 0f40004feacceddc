"""Terminal output that reads well (issue 11, item 7): tables fit the terminal (``COLUMNS`` when piped),
evidence is cut to its clause in tables and whole in JSON, ``--help`` names no Python types."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer
from rich.cells import cell_len

from doingoai.cli import app
from tests.cli.conftest import doingoai
from tests.cli.fixtures import PAGES
from tests.store import fixtures as fx

# every command of the app, also those added later
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_every_command_is_checked() -> None:
    assert {"extract", "ingest", "events", "country", "person", "stats", "search", "export", "db"} <= set(COMMANDS)


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_names_no_python_types(command: str) -> None:
    shown = doingoai(*([command] if command else []), "--help", columns=120)
    assert shown.returncode == 0
    found = re.findall(r"<[a-z][^<>\s]*>", shown.stdout)
    assert not found, found  # <bool>, <str>, <int range>, <list[str]>, <file>, <float range>
    assert "<list" not in shown.stdout
    assert "int range" not in shown.stdout
    assert "float range" not in shown.stdout


@pytest.mark.parametrize("columns", [60, 100, 180])
@pytest.mark.parametrize("args", [("events",), ("country", "PH"), ("country", "AU"), ("person", "Tô Lâm"),
                                  ("stats", "--partners"), ("search", "Canberra")])
def test_tables_fit_the_width(kb: str, args: tuple[str, ...], columns: int) -> None:
    shown = doingoai(*args, "--db", kb, columns=columns)
    assert shown.returncode == 0, shown.stderr
    widest = max(cell_len(line) for line in shown.stdout.splitlines())
    assert widest <= columns, (widest, shown.stdout)


def test_evidence_is_cut_to_its_clause_in_tables_and_whole_in_json(kb: str) -> None:
    profile = json.loads(doingoai("country", "PH", "--format", "json", "--db", kb).stdout)
    target = next(f for f in profile["figures"] if f["kind"] == "trade_target")
    whole = target["evidence"]
    assert whole.startswith("Chiều 30/1/2025, tại Hà Nội")
    assert "10 tỷ USD" in whole
    assert "kinh tế số" in whole
    table = doingoai("country", "PH", "--db", kb, columns=400).stdout
    row = next(line for line in table.splitlines() if "trade_target" in line)
    assert "10 tỷ USD" in row  # the clause with the figure ...
    assert "Chiều 30/1/2025" not in row  # ... without the rest of the sentence
    assert "…" in row
    upgrades = json.loads(doingoai("country", "AU", "--format", "json", "--db", kb).stdout)
    whole = next(r["evidence"] for r in upgrades["relations"] if r["level"] == "comprehensive_strategic_partnership")
    assert whole.startswith("Ngày 7/3/2024, tại Canberra")
    table = doingoai("country", "AU", "--db", kb, columns=400).stdout
    row = next(line for line in table.splitlines() if "comprehensive_strategic_partnership" in line)
    assert "Đối tác chiến lược toàn diện" in row
    assert "Ngày 7/3/2024, tại Canberra" not in row


@pytest.mark.parametrize("columns", [60, 120])
def test_the_extract_table_fits_the_width(tmp_path: Path, columns: int) -> None:
    pages = fx.write(tmp_path / "p", PAGES)
    shown = doingoai("extract", *pages, "--format", "table", columns=columns)
    assert shown.returncode == 0, shown.stderr
    assert max(cell_len(line) for line in shown.stdout.splitlines()) <= columns
