"""The one loader for doingoai's language data (``doingoai/data/*.tsv`` and ``*.yaml``).

Data files are reviewed sources with a provenance header; this module reads them, checks their shape
and caches the result. Nothing is loaded at import time: the first call pays, later calls are free.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from doingoai.clean.normalize import fold
from doingoai.errors import DoingoaiError
from doingoai.prefilter import Prefiltered

__all__ = ["LexiconError", "PageClutter", "data_text", "load_tsv", "load_yaml", "page_clutter"]


class LexiconError(DoingoaiError):
    """A data file is missing or malformed: a packaging or editing mistake, never the user's input."""

    code = "E900"


def data_text(name: str) -> str:
    """The text of a data file shipped in the package."""
    try:
        return (resources.files("doingoai") / "data" / name).read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError) as exc:
        raise LexiconError(f"data file {name!r} is missing from the package") from exc


@cache
def load_yaml(name: str) -> Any:
    try:
        return yaml.safe_load(data_text(name))
    except yaml.YAMLError as exc:
        raise LexiconError(f"data file {name!r} is not valid YAML: {exc}") from exc


@cache
def load_tsv(name: str, columns: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    """Rows of a TSV data file: ``#`` lines are comments; the first other line is the header."""
    lines = [line for line in data_text(name).splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = list(reader)
    if not rows:
        raise LexiconError(f"data file {name!r} has no header")
    header = tuple(h.strip() for h in rows[0])
    missing = [c for c in columns if c not in header]
    if missing:
        raise LexiconError(f"data file {name!r} lacks columns {missing} (has {list(header)})")
    out = []
    for number, row in enumerate(rows[1:], 2):
        if len(row) > len(header):
            raise LexiconError(f"data file {name!r}, row {number}: {len(row)} fields for {len(header)} columns")
        out.append({h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)})
    return tuple(out)


def _compile_all(patterns: list[str], name: str) -> re.Pattern[str]:
    """One alternation of all a category's patterns: one regex run per line instead of dozens."""
    try:
        for p in patterns:
            re.compile(p, re.IGNORECASE)
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error as exc:
        raise LexiconError(f"page_clutter.yaml: bad pattern in {name}: {exc}") from exc


def clutter_key(line: str) -> str:
    """How clutter lines are compared: no case, no diacritics, no final colon or spaces."""
    return fold(line).strip().rstrip(":").strip()


@dataclass(frozen=True, slots=True)
class PageClutter:
    section_markers: frozenset[str]
    boilerplate_lines: frozenset[str]
    boilerplate: re.Pattern[str]  # anchored at the line's start
    bylines: re.Pattern[str]  # anchored at the line's start
    # searched for anywhere: run only on the lines that hold the words they need
    captions: Prefiltered
    story_ends: Prefiltered


@cache
def page_clutter() -> PageClutter:
    data = load_yaml("page_clutter.yaml")
    keys = ("section_markers", "boilerplate_lines", "boilerplate_patterns", "byline_patterns",
            "caption_patterns", "story_end_patterns")
    if not isinstance(data, dict) or any(not isinstance(data.get(k), list) for k in keys):
        raise LexiconError(f"page_clutter.yaml must map each of {keys} to a list")
    return PageClutter(
        section_markers=frozenset(clutter_key(x) for x in data["section_markers"]),
        boilerplate_lines=frozenset(clutter_key(x) for x in data["boilerplate_lines"]),
        boilerplate=_compile_all(data["boilerplate_patterns"], "boilerplate_patterns"),
        bylines=_compile_all(data["byline_patterns"], "byline_patterns"),
        captions=Prefiltered(_compile_all(data["caption_patterns"], "caption_patterns")),
        story_ends=Prefiltered(_compile_all(data["story_end_patterns"], "story_end_patterns")),
    )
