"""Publication dates as news pages print them: "07:00 | 07/11/2024 GMT+7", "Thứ Năm, 01-09-2016, 19:10",
"Cập nhật: 10:15 ngày 12/03/2023", "PV - 15:27, 02/09/2024", "Ngày 6 tháng 8 năm 2020", "Nov 24, 2025".

A *date line* is a line that is about nothing but a date (with its time, weekday, time zone, an
"updated" label or a short byline). Story sentences that contain dates are not date lines.
The dates themselves are read by ``analyse.dates`` (the one reader of dates); this module decides what a
date line is, and which date ends a headline.
"""

from __future__ import annotations

import re
from functools import cache

from doingoai.analyse.dates import NUMERIC, DateHit, date_words, find_calendar_dates, word_alternation

__all__ = ["DateHit", "date_line", "find_dates", "strip_trailing_date"]

# The years a page's own dates are of.
_FIRST_YEAR, _LAST_YEAR = 1900, 2100
_MAX_OTHER_WORDS = 4


@cache
def _filler() -> re.Pattern[str]:
    """What may surround a date on a date line without making it a sentence: the words of
    ``dates.yaml``'s date_line_words, times, time zone offsets and punctuation."""
    words = word_alternation(date_words().date_line_words, space=r"\s+")
    return re.compile(
        rf"\b(?:{words})\b"
        r"|[+-]\d{1,2}(?::?\d{2})?|\d{1,2}\s?[:h]\s?\d{2}(?:\s?:\s?\d{2})?|[|,;:()\-–—/.•·\[\]]",
        re.IGNORECASE,
    )


# A year of a page's own dates: most lines have none, and need no reading.
_PAGE_YEAR = re.compile(r"(?:19|20)\d\d|2100")


def find_dates(line: str) -> list[DateHit]:
    """Every full calendar date (day, month and year) written in the line, in order."""
    if not _PAGE_YEAR.search(line):
        return []
    return [h for h in find_calendar_dates(line) if _FIRST_YEAR <= h.date.year <= _LAST_YEAR]


def date_line(line: str) -> DateHit | None:
    """The date of a line that holds nothing but a date and its trimmings, else None."""
    if len(line) > 120:
        return None
    hits = find_dates(line)
    if not hits:
        return None
    rest = line
    for h in reversed(hits):
        rest = rest[:h.start] + " " + rest[h.end:]
    rest = _filler().sub(" ", rest)
    words = [w for w in rest.split() if w]
    return hits[0] if len(words) <= _MAX_OTHER_WORDS else None


# What may stand between a headline and its trailing date ("Headline | 09:12 13/01/2026"), and after the
# date ("... 13/01/2026 20:37 (GMT+7)").
_BEFORE_TRAILING = re.compile(r"\s*[|,–—-]?\s*(?:\d{1,2}:\d{2}\s*)?$")
_AFTER_TRAILING = re.compile(r"(?:\s*[|,–—-]?\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*\(?GMT\+\d{1,2}\)?)?\s*")
# A wire dateline glued to a headline: "... lãnh thổHà Nội (Ttxvn 15/12/2000)", "... (TTXVN 3/4/2012)":
# the place glued to the headline's last word, then the agency, before the date; and after it.
_BEFORE_WIRE_DATE = re.compile(r"(?:(?<=[a-zà-ỹđ])[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*){0,3})?\s*\("
                               r"(?:[^()\d]{2,24})\s*$")
_AFTER_WIRE_DATE = re.compile(r"\)\s*")
_HEADLINE_END = " |,–—-"


def strip_trailing_date(line: str) -> tuple[str, DateHit | None]:
    """Split "Headline 13/01/2026 20:37" or "Headline Hà Nội (TTXVN 15/12/2000)" into the headline and its
    date; headlines only have them at the end, written in figures ("13/01/2026", "3.4.2012")."""
    hits = [h for h in find_dates(line) if h.form == NUMERIC and len(line[h.start:h.end].split()) == 1]
    if not hits:
        return line, None
    last = hits[-1]
    for after, before in ((_AFTER_WIRE_DATE, _BEFORE_WIRE_DATE), (_AFTER_TRAILING, _BEFORE_TRAILING)):
        if after.fullmatch(line, last.end):
            m = before.search(line, 0, last.start)
            if m and m.start() > 0:
                return line[:m.start()].rstrip(_HEADLINE_END), last
    return line, None
