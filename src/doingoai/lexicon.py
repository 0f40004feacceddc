"""The one loader for doingoai's language data (``doingoai/data/*.tsv`` and ``*.yaml``).

Data files are reviewed sources with a provenance header; this module reads them, checks their shape
and caches the result. Nothing is loaded at import time: the first call pays, later calls are free.
The modules' language patterns and word sets live in ``data/patterns_<module>.yaml``: ``patterns``,
``prefiltered``, ``word_sets`` and ``word_lists`` read them as a ``Table`` (entries as attributes), which
each module keeps behind a cached accessor (``_rx()``, ``_pf()``, ``_words()``, ``_seqs()``).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Generic, TypeVar

import yaml

from doingoai.clean.normalize import fold
from doingoai.errors import DoingoaiError
from doingoai.prefilter import Group, Prefiltered

__all__ = [
    "LexiconError",
    "PageClutter",
    "Table",
    "data_text",
    "load_tsv",
    "load_yaml",
    "number_words",
    "page_clutter",
    "patterns",
    "prefiltered",
    "word_lists",
    "word_sets",
]

T = TypeVar("T")


class LexiconError(DoingoaiError):
    """A data file is missing or malformed: a packaging or editing mistake, never the user's input."""

    code = "E900"


def data_text(name: str) -> str:
    """The text of a data file shipped in the package."""
    try:
        return (resources.files("doingoai") / "data" / name).read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError) as exc:
        raise LexiconError(f"data file {name!r} is missing from the package") from exc


# libyaml's parser when PyYAML was built with it: the same documents, ten times faster (the language data
# are most of a one-page run's start-up)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_yaml(name: str) -> Any:
    try:
        return yaml.load(data_text(name), Loader=_YAML_LOADER)
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


def _prefiltered_all(entries: list[Any], name: str) -> Prefiltered:
    """The alternation of a category's patterns, each a string or ``{pattern, starts, needs}``: it is tried
    where one of its entries' ``starts`` begins, when they all declare some; skipped when none of their
    ``needs`` (or ``starts``) occurs, when they all declare some; run plainly otherwise."""
    rows = [e if isinstance(e, dict) else {"pattern": e} for e in entries]
    pattern = _compile_all([str(r["pattern"]) for r in rows], name)
    starts = None
    if all(r.get("starts") for r in rows):
        starts = [w for r in rows for w in r["starts"]]
    needs = None
    if all(r.get("needs") or (r.get("starts") and "\\d" not in r["starts"]) for r in rows):
        needs = [w for r in rows for w in (r.get("needs") or r["starts"])]
    return Prefiltered(pattern, starts=starts, needs=needs)


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
        captions=_prefiltered_all(data["caption_patterns"], "caption_patterns"),
        story_ends=_prefiltered_all(data["story_end_patterns"], "story_end_patterns"),
    )


# Pattern files (data/patterns_*.yaml): ``patterns:`` maps a name to ``{pattern, flags, group, starts, needs}``;
# ``words:`` maps a name to a set of words, ``sequences:`` to an ordered list. ``flags`` are names of ``re``
# flags; ``group`` makes the pattern ``Prefiltered`` (``article``: ``prefilter.ARTICLE``, ``none``: a group
# of its own, other names: the groups the module passes); ``starts``/``needs``: its words for the prefilter.
# ``<<name>>`` in a pattern is replaced by an alternation the module passes (a table of words kept elsewhere).
_FLAGS = {"IGNORECASE": re.IGNORECASE, "MULTILINE": re.MULTILINE, "DOTALL": re.DOTALL, "VERBOSE": re.VERBOSE}
_PLACEHOLDER = re.compile(r"<<(\w+)>>")


class Table(Generic[T]):
    """The entries of one section of a data file, as attributes: ``patterns("x.yaml").some_name``."""

    def __init__(self, file: str, entries: dict[str, T]) -> None:
        self.__dict__.update(entries)
        self.__dict__["_file"] = file
        self.__dict__["_names"] = tuple(entries)

    def __getattr__(self, name: str) -> T:
        raise LexiconError(f"data file {self.__dict__.get('_file')!r} has no entry {name!r}")

    def items(self) -> list[tuple[str, T]]:
        return [(name, self.__dict__[name]) for name in self.__dict__["_names"]]


def _section(name: str, key: str) -> dict[str, Any]:
    data = load_yaml(name)
    if not isinstance(data, dict) or not isinstance(data.get(key) or {}, dict):
        raise LexiconError(f"data file {name!r}: {key!r} must map names to entries")
    return dict(data.get(key) or {})


def _compile_entry(name: str, key: str, entry: Any, subs: dict[str, str]) -> re.Pattern[str]:
    if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), str):
        raise LexiconError(f"data file {name!r}, {key}: an entry needs a `pattern`")
    flags = 0
    for flag in entry.get("flags") or ():
        if flag not in _FLAGS:
            raise LexiconError(f"data file {name!r}, {key}: unknown flag {flag!r}")
        flags |= _FLAGS[flag]

    def fill(m: re.Match[str]) -> str:
        if m.group(1) not in subs:
            raise LexiconError(f"data file {name!r}, {key}: nothing given for <<{m.group(1)}>>")
        return subs[m.group(1)]

    try:
        return re.compile(_PLACEHOLDER.sub(fill, entry["pattern"]), flags)
    except re.error as exc:
        raise LexiconError(f"data file {name!r}, {key}: bad pattern: {exc}") from exc


@cache
def patterns(name: str, subs: tuple[tuple[str, str], ...] = ()) -> Table[re.Pattern[str]]:
    """The plain patterns (those without a ``group``) of a pattern file, compiled."""
    given = dict(subs)
    return Table(name, {key: _compile_entry(name, key, entry, given)
                        for key, entry in _section(name, "patterns").items() if "group" not in entry})


def prefiltered(name: str, groups: tuple[tuple[str, Group], ...] = (),
                subs: tuple[tuple[str, str], ...] = ()) -> Table[Prefiltered]:
    """The ``Prefiltered`` patterns (those with a ``group``) of a pattern file, each joining its group. Not
    cached here: a module calls it once, from a cached accessor, since every call makes new group members."""
    from doingoai.prefilter import ARTICLE

    by_name = {"article": ARTICLE, **dict(groups)}
    given = dict(subs)
    out: dict[str, Prefiltered] = {}
    for key, entry in _section(name, "patterns").items():
        if "group" not in entry:
            continue
        group = None if entry["group"] == "none" else by_name.get(entry["group"])
        if group is None and entry["group"] != "none":
            raise LexiconError(f"data file {name!r}, {key}: unknown group {entry['group']!r}")
        try:
            out[key] = Prefiltered(_compile_entry(name, key, entry, given), group,
                                   starts=entry.get("starts"), needs=entry.get("needs"))
        except ValueError as exc:
            raise LexiconError(f"data file {name!r}, {key}: {exc}") from exc
    return Table(name, out)


@cache
def word_sets(name: str) -> Table[frozenset[str]]:
    """The word sets (``words:``) of a data file."""
    return Table(name, {key: frozenset(str(w) for w in ws) for key, ws in _section(name, "words").items()})


@cache
def word_lists(name: str) -> Table[tuple[str, ...]]:
    """The ordered word lists (``sequences:``) of a data file."""
    return Table(name, {key: tuple(str(w) for w in ws) for key, ws in _section(name, "sequences").items()})


@cache
def number_words() -> dict[str, int]:
    """The one table of spelled whole numbers ("một" 1 ... "mười" 10): the whole-number rows of
    ``figures.yaml`` ``number_words`` (which also holds "nửa", a half), in their order."""
    table = load_yaml("figures.yaml").get("number_words") or {}
    return {str(word): int(value) for word, value in table.items() if float(value).is_integer()}
