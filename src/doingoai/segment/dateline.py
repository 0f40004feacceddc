"""Publication dates as news pages print them: "07:00 | 07/11/2024 GMT+7", "Thứ Năm, 01-09-2016, 19:10",
"Cập nhật: 10:15 ngày 12/03/2023", "PV - 15:27, 02/09/2024", "Ngày 6 tháng 8 năm 2020", "Nov 24, 2025".

A *date line* is a line that is about nothing but a date (with its time, weekday, time zone, an
"updated" label or a short byline). Story sentences that contain dates are not date lines.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DateHit", "date_line", "find_dates", "strip_trailing_date"]

_MONTHS_EN = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}

_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4})(?![\d/.-]?\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?(?!\d)")
_WORDS = re.compile(r"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm|,|/)?\s*(\d{4})", re.IGNORECASE)
_EN_MDY = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_EN_DMY = re.compile(r"\b(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})\b")

# What may surround a date on a date line without making it a sentence.
_FILLER = re.compile(
    r"\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật|cn|t[2-7]|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    r"cập\s+nhật|cập\s+nhật\s+lúc|đăng|đăng\s+lúc|đăng\s+ngày|ngày\s+đăng|xuất\s+bản|lúc|ngày|giờ|"
    r"thời\s+gian|published|updated|posted|gmt|utc|am|pm|sa|ch|pv|btv|ctv|kt)\b"
    r"|[+-]\d{1,2}(?::?\d{2})?|\d{1,2}\s?[:h]\s?\d{2}(?:\s?:\s?\d{2})?|[|,;:()\-–—/.•·\[\]]",
    re.IGNORECASE,
)
_MAX_OTHER_WORDS = 4


@dataclass(frozen=True, slots=True)
class DateHit:
    date: dt.date
    start: int
    end: int

    @property
    def iso(self) -> str:
        return self.date.isoformat()


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day) if 1900 <= year <= 2100 else None
    except ValueError:
        return None


_HAS_YEAR = re.compile(r"(?:19|20)\d\d")


def find_dates(line: str) -> list[DateHit]:
    """Every full calendar date (day, month and year) written in the line, in order."""
    hits: list[DateHit] = []
    if not _HAS_YEAR.search(line):
        return hits  # every pattern needs a year: most lines have none
    for m in _NUMERIC.finditer(line):
        d = _make(int(m.group(4)), int(m.group(3)), int(m.group(1)))
        if d:
            hits.append(DateHit(d, m.start(), m.end()))
    for m in _ISO.finditer(line):
        d = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            hits.append(DateHit(d, m.start(), m.end()))
    for m in _WORDS.finditer(line):
        d = _make(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if d:
            hits.append(DateHit(d, m.start(), m.end()))
    for m in _EN_MDY.finditer(line):
        month = _MONTHS_EN.get(m.group(1)[:3].lower())
        d = _make(int(m.group(3)), month, int(m.group(2))) if month else None
        if d:
            hits.append(DateHit(d, m.start(), m.end()))
    for m in _EN_DMY.finditer(line):
        month = _MONTHS_EN.get(m.group(2)[:3].lower())
        d = _make(int(m.group(3)), month, int(m.group(1))) if month else None
        if d:
            hits.append(DateHit(d, m.start(), m.end()))
    hits.sort(key=lambda h: h.start)
    # overlapping matches of different patterns: keep the first, longest
    kept: list[DateHit] = []
    for h in hits:
        if kept and h.start < kept[-1].end:
            continue
        kept.append(h)
    return kept


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
    rest = _FILLER.sub(" ", rest)
    words = [w for w in rest.split() if w]
    return hits[0] if len(words) <= _MAX_OTHER_WORDS else None


_TRAILING = re.compile(
    r"\s*[|,–—-]?\s*(?:\d{1,2}:\d{2}\s*)?(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})(?:\s*[|,–—-]?\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:\s*\(?GMT\+\d{1,2}\)?)?\s*$"
)


# A wire dateline glued to a headline: "... lãnh thổHà Nội (Ttxvn 15/12/2000)", "... (TTXVN 3/4/2012)".
_TRAILING_DATELINE = re.compile(r"(?:(?<=[a-zà-ỹđ])[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*){0,3})?\s*\((?:[^()\d]{2,24})\s*"
                                r"(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})\)\s*$")


def strip_trailing_date(line: str) -> tuple[str, DateHit | None]:
    """Split "Headline 13/01/2026 20:37" or "Headline Hà Nội (TTXVN 15/12/2000)" into the headline and its
    date; headlines only have them at the end."""
    m = _TRAILING_DATELINE.search(line)
    if m and m.start() > 0:
        hits = find_dates(m.group(0))
        if hits:
            return line[:m.start()].rstrip(" |,–—-"), hits[0]
    m = _TRAILING.search(line)
    if not m or m.start() == 0:
        return line, None
    hits = find_dates(m.group(0))
    if not hits:
        return line, None
    return line[:m.start()].rstrip(" |,–—-"), hits[0]
