"""Dates on the calendar: the story's reference date, and each event's date resolved against it.

The year comes from the page's date; else from the story itself: explicit years, anniversaries of
fixed dates ("kỷ niệm 80 năm Quốc khánh" -> 2025), numbered sessions ("Đại hội đồng Liên hợp quốc khóa
79" -> 2024, "IPU-150" -> 2025), sexagenary years ("Tết Nguyên đán Quý Tỵ" -> 2013) and who held which
office when. When nothing tells the year, dates stay year-less ("--11-10").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from doingoai.analyse.dates import DateExpr
from doingoai.lexicon import load_yaml
from doingoai.prefilter import ARTICLE, Prefiltered

__all__ = ["NUMBER_WORDS", "Reference", "format_date", "reference_of", "resolve"]

NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
                 "mười": 10}


@dataclass(frozen=True, slots=True)
class Reference:
    """What the story's dates are read against."""

    date: dt.date | None  # the page's publication date, when given with day precision
    year: int | None  # the story's year (from the page or inferred)
    month: int | None = None


def _anchors() -> dict[str, object]:
    data = load_yaml("timeline.yaml")
    if not isinstance(data, dict):
        raise ValueError("timeline.yaml must be a mapping")
    return data


def _parse_published(published: str | None) -> tuple[dt.date | None, int | None, int | None]:
    if not published:
        return None, None, None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", published)
    if not m:
        return None, None, None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    date = dt.date(y, int(mo), int(d)) if mo and d else None
    return date, y, int(mo) if mo else None


# The patterns run over whole stories are tried only where their first words stand (``Prefiltered``),
# found for all the article's patterns in one pass.
_ANNIVERSARY = Prefiltered(re.compile(r"(?<![\d/.])(\d{1,3}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+năm\s+"
                                      r"(?:ngày\s+)?(?P<what>[^,.;()]{3,60})", re.IGNORECASE), ARTICLE)
_SESSION = Prefiltered(re.compile(r"(?P<body>Đại hội đồng Liên hợp quốc|Đại hội đồng LHQ|Đại hội đồng Liên Hợp Quốc)\s+"
                      r"(?:khóa|kỳ họp)\s+(?:thứ\s+)?(?P<n>\d{2,3})|Cấp cao ASEAN lần thứ (?P<asean>\d{2})|"
                      r"IPU[- ]?(?P<ipu>1\d{2})\b|AMM[- ]?(?P<amm>\d{2})\b|AIPA[- ]?(?P<aipa>\d{2})\b|"
                      r"(?:APEC|G20|G7|ASEM|BRICS|SCO|WEF|COP)\s+(?P<year>(?:19|20)\d{2})",
                      re.IGNORECASE), ARTICLE)
_EXPLICIT_YEAR = Prefiltered(re.compile(r"(?:(?<=\d[/.\-])|(?<![\d/.\-]))((?:19|20)\d{2})(?![\d])"), ARTICLE)
_FULL_DATE_BEFORE = re.compile(r"\d{1,2}[/.\-]\d{1,2}[/.\-]$")
# The lead tells the story's own date far more often than the rest does.
LEAD_CHARS = 300
_FUTURE = re.compile(r"(?:sang|đến|tới|trước|hướng tới|tầm nhìn|giai đoạn|nhiệm kỳ|đến hết|từ nay đến)\s+(?:năm\s+)?$",
                     re.IGNORECASE)
_CANCHI_STEMS = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"]
_CANCHI_BRANCHES = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"]
_TET = re.compile(r"(?:Tết|Xuân|năm)\s+(?:Nguyên đán\s+)?(" + "|".join(_CANCHI_STEMS) + r")\s+("
                  + "|".join(_CANCHI_BRANCHES) + r")\b")


def _canchi_year(stem: str, branch: str, today: int) -> int | None:
    s, b = _CANCHI_STEMS.index(stem), _CANCHI_BRANCHES.index(branch)
    # 1984 was Giáp Tý (0, 0): find the year in the 60-year cycle, the latest one not after ``today`` + 1
    for y in range(today + 1, today - 61, -1):
        if (y - 1984) % 10 == s and (y - 1984) % 12 == b:
            return y
    return None


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())


@cache
def _offices() -> tuple[tuple[re.Pattern[str], int, int | None], ...]:
    """"Title Name" of each office holder in timeline.yaml, with the years of their term."""
    offices = _anchors().get("offices", [])
    assert isinstance(offices, list)
    return tuple((re.compile(re.escape(row["title"]) + r"\s+" + re.escape(row["name"])), int(str(row["from"])[:4]),
                  int(str(row["to"])[:4]) if row.get("to") else None) for row in offices)


def _office_years(text: str) -> list[tuple[int, int]]:
    """Year intervals implied by "Title Name" for the office holders in timeline.yaml."""
    return [(start, end if end is not None else dt.date.today().year)
            for pattern, start, end in _offices() if pattern.search(text)]


def story_year(text: str, today: int) -> int | None:
    """The year a story with no date is told in, from what it says; None when it does not say."""
    votes: Counter[int] = Counter()
    fixed = _anchors().get("fixed_anniversaries", {})
    assert isinstance(fixed, dict)
    candidates = ARTICLE.candidates(text)
    for m in _ANNIVERSARY.finditer_in(text, 0, candidates[_ANNIVERSARY.index]):
        n = _number(m.group(1))
        what = m.group("what").casefold()
        for key, year in fixed.items():
            if n and key.casefold() in what:
                votes[int(year) + n] += 3
    for m in _SESSION.finditer_in(text, 0, candidates[_SESSION.index]):
        if m.group("n"):
            votes[1945 + int(m.group("n"))] += 3
        elif m.group("asean"):
            votes[2002 + int(m.group("asean")) // 2] += 3
        elif m.group("amm"):
            votes[1967 + int(m.group("amm"))] += 3  # the first ASEAN ministerial meeting was in 1967
        elif m.group("aipa"):
            votes[1979 + int(m.group("aipa"))] += 3
        elif m.group("ipu"):
            votes[2025 + (int(m.group("ipu")) - 150) // 2] += 2
        elif m.group("year"):
            votes[int(m.group("year"))] += 3
    for m in _TET.finditer(text):
        y = _canchi_year(m.group(1), m.group(2), today)
        if y:
            votes[y] += 3
    offices = _office_years(text)
    for m in _EXPLICIT_YEAR.finditer_in(text, 0, candidates[_EXPLICIT_YEAR.index]):
        year = int(m.group(1))
        before = text[max(0, m.start() - 30):m.start()]
        if year > today + 1 or _FUTURE.search(before):
            continue
        if offices and not any(lo <= year <= hi for lo, hi in offices):
            continue
        votes[year] += (2 if _FULL_DATE_BEFORE.search(before) else 1) + (2 if m.start() < LEAD_CHARS else 0)
    if votes:
        best = max(votes.values())
        return max(y for y, v in votes.items() if v == best)
    if offices:
        lo = max(a for a, _ in offices)
        hi = min(b for _, b in offices)
        return lo if lo <= hi else None
    return None


def reference_of(published: str | None, text: str, today: dt.date | None = None) -> Reference:
    date, year, month = _parse_published(published)
    if year is not None:
        return Reference(date, year, month)
    now = (today or dt.date.today()).year
    return Reference(None, story_year(text, now))


def format_date(year: int | None, month: int | None, day: int | None) -> str | None:
    if month is None:
        return f"{year:04d}" if year else None
    if year is None:
        return f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"


def _year_for(month: int, day: int | None, ref: Reference, planned: bool) -> int | None:
    """The year of a day/month told without one: an occurred act is on or before the page's date,
    a planned one on or after it."""
    if ref.year is None:
        return None
    if ref.date is None:
        return ref.year
    candidate = dt.date(ref.year, month, min(day or 1, 28))
    if planned and candidate < ref.date - dt.timedelta(days=31):
        return ref.year + 1
    if not planned and candidate > ref.date + dt.timedelta(days=7):
        return ref.year - 1
    return ref.year


def resolve(expr: DateExpr | None, ref: Reference, planned: bool) -> tuple[str | None, str | None, str | None]:
    """(start, end, part_of_day) of a date expression on the calendar."""
    if expr is None:
        return None, None, None
    if expr.relative is not None:
        if ref.date is None:
            return None, None, expr.part_of_day
        day = ref.date + dt.timedelta(days=expr.relative)
        return day.isoformat(), None, expr.part_of_day
    if expr.month is None:
        return format_date(expr.year, None, None), None, expr.part_of_day
    year = expr.year or _year_for(expr.month, expr.day, ref, planned)
    start = format_date(year, expr.month, expr.day)
    end = None
    if expr.end_month is not None:
        end_year = expr.end_year or (year if year and (expr.end_month >= expr.month) else (year + 1 if year else None))
        end = format_date(end_year, expr.end_month, expr.end_day)
    return start, end, expr.part_of_day
