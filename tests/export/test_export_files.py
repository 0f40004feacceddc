"""Export files: the format chosen from --format and the extension, whole-or-nothing writes, and the
CAMEO/PLOVER data files' integrity (every event type, every title pillar mapped, codes from the books)."""

from __future__ import annotations

from pathlib import Path

import pytest

from doingoai.errors import DoingoaiError, UsageError
from doingoai.export.files import choose_format, write_rows
from doingoai.export.tables import COLUMNS
from doingoai.extract.cues import event_types, types_where
from doingoai.lexicon import load_tsv, load_yaml


@pytest.mark.parametrize(("fmt", "output", "chosen"), [
    (None, "e.csv", "csv"), (None, "E.PARQUET", "parquet"), (None, "e.jsonl", "jsonl"), (None, "e.json", "json"),
    ("jsonl", "e.jsonl", "jsonl"), ("csv", "e.data", "csv"), (None, "-", "csv"), ("jsonl", "-", "jsonl"),
])
def test_the_format_is_the_option_or_the_extension(fmt: str | None, output: str, chosen: str) -> None:
    assert choose_format(fmt, output) == chosen


@pytest.mark.parametrize(("fmt", "output", "reason"), [
    ("csv", "e.parquet", "does not match the extension"),
    ("parquet", "e.csv", "does not match the extension"),
    (None, "e.txt", "cannot tell the format"),
    (None, "events", "cannot tell the format"),
    ("parquet", "-", "not written to standard output"),
    ("xlsx", "e.xlsx", "unknown format"),
])
def test_mistakes_are_refused(fmt: str | None, output: str, reason: str) -> None:
    with pytest.raises(UsageError, match=reason):
        choose_format(fmt, output)


def test_a_failed_write_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "rows.jsonl"
    target.write_text("previous\n", encoding="utf-8")
    with pytest.raises(TypeError):
        write_rows([{"a": 1}, {"a": object()}], ("a",), "jsonl", target)  # the second row cannot be written
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["rows.jsonl"]  # no temporary file left behind


def test_a_write_replaces_the_file_whole_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "rows.csv"
    target.write_text("old,content\n1,2\n3,4\n", encoding="utf-8")
    target.chmod(0o640)
    write_rows([{"a": 1, "b": [1, 2]}], ("a", "b"), "csv", target)
    assert target.read_bytes() == b'a,b\r\n1,"[1,2]"\r\n'
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a folder"):
        write_rows([], ("a",), "csv", tmp_path)
    with pytest.raises(DoingoaiError, match="does not exist"):
        write_rows([], ("a",), "csv", tmp_path / "missing" / "x.csv")


# --- the CAMEO/PLOVER data -------------------------------------------------------------------------------------

CAMEO_SECTORS = {"GOV", "LEG", "PTY", "MIL", "JUD", "CVL", "IGO", "ELI", "BUS", "MED", "NGO"}


def test_every_title_pillar_has_a_cameo_sector() -> None:
    sectors = load_yaml("cameo_sectors.yaml")
    pillars = {row["pillar"] for row in load_tsv("titles.tsv", ("title", "rank", "pillar", "kind", "note"))}
    assert pillars <= set(sectors), f"pillars without a sector: {pillars - set(sectors)}"
    assert set(sectors.values()) <= CAMEO_SECTORS
    assert (sectors["party"], sectors["parliament"], sectors["government"]) == ("PTY", "LEG", "GOV")


def test_directed_types_are_coded_from_their_initiator() -> None:
    mapping = load_yaml("plover_cameo.yaml")
    assert {t for t, m in mapping.items() if m["direction"] == "sender"} == types_where("directed")
    assert types_where("directed") == {"message", "statement", "protest"}
    assert set(mapping) == set(event_types())


def test_the_codes_are_the_codebooks() -> None:
    """Spot checks against the CAMEO codebook 1.1b3 and PLOVER's CAMEO2PLOVER-2021 table."""
    mapping = load_yaml("plover_cameo.yaml")
    upgrade, protest = mapping["relation_upgrade"], mapping["protest"]
    assert (upgrade["cameo"], upgrade["cameo_name"], upgrade["plover"]) == (
        "050", "Engage in diplomatic cooperation", "SUPPORT")
    assert (protest["cameo"], protest["cameo_name"], protest["plover"], protest["plover_mode"], protest["quad_class"]) \
        == ("114", "Complain officially", "ACCUSE", "disapprove", 3)
    for row in mapping.values():
        root = int(str(row["cameo"])[:2])
        assert row["quad_class"] == (1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4)


def test_every_export_has_fixed_columns() -> None:
    assert set(COLUMNS) == {"events", "relations", "figures", "documents", "plover"}
    assert all(len(set(cols)) == len(cols) for cols in COLUMNS.values())
