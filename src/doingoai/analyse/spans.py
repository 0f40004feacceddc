"""Questions about many spans of a text, answered in log time.

The rules ask, again and again, whether a span lies inside a person's mention or overlaps a date already
read. Scanning every span for every question made long pages quadratic or worse (a 1 MB page asked it
billions of times); these answer it by bisection over the spans sorted by start.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from itertools import accumulate

__all__ = ["Disjoint", "Spans"]


class Spans:
    """A fixed set of (start, end) spans, possibly overlapping."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        # the furthest end among the spans up to each one, in start order
        self.reach: list[int] = list(accumulate((b for _, b in ordered), max))

    def __len__(self) -> int:
        return len(self.starts)

    def holds(self, start: int, end: int) -> bool:
        """Some span starts at or before ``start`` and ends at or after ``end``."""
        k = bisect_right(self.starts, start) - 1
        return k >= 0 and self.reach[k] >= end

    def meets(self, start: int, end: int) -> bool:
        """Some span overlaps [start, end) (starts before ``end`` and ends after ``start``)."""
        k = bisect_left(self.starts, end) - 1
        return k >= 0 and self.reach[k] > start


class Disjoint:
    """A growing set of spans that never overlap one another."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def meets(self, start: int, end: int) -> bool:
        """Some span overlaps [start, end). The spans being disjoint, their ends rise with their starts: the
        last span starting before ``end`` is the only one that can reach past ``start``."""
        k = bisect_left(self.spans, (end,)) - 1
        return k >= 0 and self.spans[k][1] > start

    def add(self, start: int, end: int) -> None:
        insort(self.spans, (start, end))
