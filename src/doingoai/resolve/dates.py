"""Event dates as calendar intervals, to decide whether two reports can tell the same act."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

__all__ = ["compatible", "interval", "month_day", "precision"]

_DATE = re.compile(r"^(\d{4}|-)(?:-(\d{2}))?(?:-(\d{2}))?$")


def precision(value: str | None) -> int:
    """3 for a day, 2 for a month, 1 for a year, 0 for nothing; a year-less date counts one less."""
    if not value:
        return 0
    m = _DATE.match(value)
    if not m:
        return 0
    known = [g for g in m.groups() if g and g != "-"]
    return len(known) - (1 if m.group(1) == "-" else 0)


def interval(start: str | None, end: str | None = None) -> tuple[dt.date, dt.date] | None:
    """The days a date ("2024-09", "2024-09-21".."2024-09-27") may cover; None when the year is unknown."""
    lo = _bounds(start)
    if lo is None:
        return None
    hi = _bounds(end) if end else lo
    return (lo[0], (hi or lo)[1])


@lru_cache(maxsize=1 << 14)  # the writer compares each stored date with many reports
def _bounds(value: str | None) -> tuple[dt.date, dt.date] | None:
    m = _DATE.match(value or "")
    if not m or m.group(1) == "-":
        return None
    year = int(m.group(1))
    if not m.group(2):
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(m.group(2))
    if not m.group(3):
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    day = dt.date(year, month, int(m.group(3)))
    return day, day


@lru_cache(maxsize=1 << 14)
def month_day(value: str | None) -> tuple[int, int | None] | None:
    """The month and day (or None) of a date, with or without its year; None without a month."""
    m = _DATE.match(value or "")
    if not m or not m.group(2):
        return None
    return int(m.group(2)), int(m.group(3)) if m.group(3) else None


def compatible(a_start: str | None, a_end: str | None, b_start: str | None, b_end: str | None,
               slack_days: int = 1) -> bool:
    """Two dates can be one act's: their intervals overlap (a day of slack for time zones), or, when a
    year is unknown, month and day agree."""
    ia, ib = interval(a_start, a_end), interval(b_start, b_end)
    if ia and ib:
        slack = dt.timedelta(days=slack_days)
        return ia[0] - slack <= ib[1] and ib[0] - slack <= ia[1]
    ma, mb = month_day(a_start), month_day(b_start)
    if ma and mb:
        return ma[0] == mb[0] and (ma[1] is None or mb[1] is None or abs(ma[1] - mb[1]) <= slack_days)
    return False
