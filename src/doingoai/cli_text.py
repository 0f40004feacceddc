"""Text for the terminal: a console as wide as the terminal (or ``COLUMNS``), and evidence cut to its clause.

Tables show the clause of an evidence sentence that holds the fact (the relation formula, the figure's
number); JSON and CSV keep the whole sentence.
"""

from __future__ import annotations

import os
import re
from functools import cache
from itertools import pairwise
from typing import Any

from rich.console import Console
from rich.text import Text

from doingoai.lexicon import load_yaml

__all__ = ["PageConsole", "clause", "console", "figure_anchor", "level_anchor", "plain"]

# Without a terminal and without COLUMNS (a file, a pipe): wide enough for the evidence column.
PIPE_WIDTH = 160
# A clause shorter than this is read with its neighbours ("Ngày 10/9," alone says nothing).
MIN_CLAUSE = 60
MAX_CLAUSE = 160

# Punctuation that ends a clause; dashes are left out: "Việt Nam - Philippines" is one name.
_BOUNDARY = re.compile(r"[,;:.!?]\s+")
# A number as the Vietnamese press prints it: "." groups thousands, "," is the decimal mark ("7,4 tỷ").
_NUMBER = re.compile(r"(?<![\d/])\d{1,3}(?:\.\d{3})*(?:,\d+)?(?![\d/])|(?<![\d/])\d+(?:,\d+)?(?![\d/])")


# What page text may hold that a terminal would act on: control characters (ESC starts an escape sequence
# that can move the cursor, retitle the window or print a live hyperlink) and the bidirectional overrides
# and isolates that reorder what is shown. Tab and newline stay.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(text: str) -> Text:
    """Page text as it is to be shown: never read as markup ("[bold]", "[link=...]"), with no character a
    terminal would act on."""
    return Text(_UNSAFE.sub("", text))


class PageConsole(Console):
    """A console for output that holds page text: strings are never read as Rich markup, emoji codes or
    highlighted, and characters a terminal would act on are dropped. Styling is given with ``Text``."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(markup=False, emoji=False, highlight=False, **kwargs)

    def render_str(self, text: str, **kwargs: Any) -> Text:
        kwargs.update(markup=False, emoji=False, highlight=False)
        return super().render_str(_UNSAFE.sub("", text), **kwargs)


def console(stderr: bool = False) -> Console:
    """A console that fits the terminal; with ``COLUMNS`` set (also when piped) that width."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return PageConsole(width=int(columns), stderr=stderr)
    found = PageConsole(stderr=stderr)
    return found if found.is_terminal else PageConsole(width=PIPE_WIDTH, stderr=stderr)


@cache
def _level_patterns() -> dict[str, re.Pattern[str]]:
    """The formulas of each relation level (``data/relation_levels.yaml``), one pattern per level."""
    by_level: dict[str, list[str]] = {}
    for row in load_yaml("relation_levels.yaml")["levels"]:
        by_level.setdefault(row["level"], []).append(f"(?:{row['pattern']})")
    return {level: re.compile("|".join(forms), re.IGNORECASE) for level, forms in by_level.items()}


def level_anchor(level: str | None) -> re.Pattern[str] | None:
    return _level_patterns().get(level or "")


class _At:
    """An anchor found by position rather than by a pattern (duck-types ``re.Pattern.search``)."""

    def __init__(self, start: int | None) -> None:
        self._start = start

    def search(self, _text: str) -> _At | None:
        return self if self._start is not None else None

    def start(self) -> int:
        return self._start or 0


def figure_anchor(text: str | None, value: float | None) -> _At:
    """Where the figure's number is printed: the number that is ``value`` up to a scale word (nghìn,
    triệu, tỷ: powers of a thousand), so that "10 tỷ USD" is found and the date "10/9" is not."""
    if not text or value is None:
        return _At(None)
    for m in _NUMBER.finditer(text):
        try:
            number = float(m.group().replace(".", "").replace(",", "."))
        except ValueError:
            continue
        if number and any(abs(number * 1000 ** k - value) <= 1e-6 * abs(value) for k in range(5)):
            return _At(m.start())
    return _At(None)


def clause(text: str | None, anchor: re.Pattern[str] | _At | None = None, width: int = MAX_CLAUSE) -> str:
    """The clause of ``text`` that holds ``anchor`` (else the first one), widened to its neighbours when
    short, and at most ``width`` characters; "…" marks what was left out."""
    if not text:
        return ""
    text = " ".join(text.split())
    cuts = [0, *(m.end() for m in _BOUNDARY.finditer(text)), len(text)]
    spans = [(a, b) for a, b in pairwise(cuts) if b > a]
    found = anchor.search(text) if anchor is not None else None
    at = found.start() if found else 0
    i = next((n for n, (a, b) in enumerate(spans) if a <= at < b), 0)
    lo, hi = spans[i]
    j, k = i, i
    while hi - lo < MIN_CLAUSE and (j > 0 or k < len(spans) - 1):
        if k < len(spans) - 1:
            k += 1
            hi = spans[k][1]
        elif j > 0:
            j -= 1
            lo = spans[j][0]
    if hi - lo > width:
        lo = max(lo, min(at - width // 3, hi - width))
        hi = lo + width
    piece = text[lo:hi].strip().rstrip(",;:")
    return ("…" if lo > 0 else "") + piece + ("…" if hi < len(text) else "")
