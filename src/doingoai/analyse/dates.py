"""Date expressions of the genre, found in text with their offsets, before any calendar resolution.

"ngày 6/11", "chiều 19/9", "từ 21-27/9", "từ ngày 8.9 đến ngày 10.9.2024", "13-1-2026", "tháng 7/2024",
"hồi tháng 9/2024", "năm 1971", "sáng nay", "hôm qua", "ngày 6 tháng 8 năm 2020".
Resolution against a reference date is in ``extract.timeline``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from doingoai.prefilter import ARTICLE, Prefiltered, lowered

__all__ = ["SAME_DAY", "DateExpr", "find_date_exprs"]

# The marker of a date told as the previous act's: "Cùng ngày", "Tiếp đó".
SAME_DAY = "same"

PARTS = {"sáng": "morning", "trưa": "noon", "chiều": "afternoon", "tối": "evening", "đêm": "night",
         "rạng sáng": "night", "khuya": "night"}
# Every pattern starts on a digit or a fixed word, so it is tried only where one stands (``Prefiltered``,
# those places found for all the article's patterns in one pass); what may stand before a match
# ("chiều", "từ ngày", "hồi") is read by looking back from its start.
_DM = r"(?P<d>\d{1,2})(?P<s>[/.\-])(?P<m>\d{1,2})(?:(?P=s)(?P<y>\d{4}))?"
_RANGE = Prefiltered(re.compile(
    r"(?<![\d/.\-])(?P<d1>\d{1,2})(?:(?P<s1>[/.\-])(?P<m1>\d{1,2}))?(?:(?P=s1)(?P<y1>\d{4}))?"
    r"\s*(?:-|–|đến|tới)\s*(?:ngày\s+)?(?P<d2>\d{1,2})(?P<s2>[/.\-])(?P<m2>\d{1,2})(?:(?P=s2)(?P<y2>\d{4}))?",
    re.IGNORECASE,
), ARTICLE)
_WORDS = Prefiltered(re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm|,)\s*(?P<y>\d{4}))?",
                                re.IGNORECASE), ARTICLE)
_DAY = Prefiltered(re.compile(r"(?<![\d/.\-])" + _DM + r"(?![\d/.\-]?\d)"), ARTICLE)
# A full date with spaces around its separators ("Tối 24- 4-2010", "22 - 10 - 2020"): the year makes it one.
_SPACED = Prefiltered(re.compile(r"(?<![\d/.\-])(?P<d>\d{1,2})\s*(?P<s>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=s)\s*"
                                 r"(?P<y>(?:19|20)\d{2})(?!\d)"), ARTICLE)
# Dates told by reference to the act before: "Cùng ngày", "Chiều cùng ngày", "Tiếp đó", "Sau đó".
_ANAPHORA = Prefiltered(re.compile(r"\b(?:cùng ngày|cùng buổi|cùng hôm|trong cùng ngày|tiếp đó|tiếp theo đó|"
                                   r"ngay sau đó|sau đó)\b", re.IGNORECASE), ARTICLE)
_MONTH = Prefiltered(re.compile(r"tháng\s+(?P<m>\d{1,2})(?:\s*(?:/|-|năm)\s*(?P<y>\d{4}))?(?![\d/])", re.IGNORECASE),
                     ARTICLE)
_YEAR = Prefiltered(re.compile(r"năm\s+(?P<y>(?:19|20)\d{2})\b", re.IGNORECASE), ARTICLE)
_RELATIVE = Prefiltered(re.compile(r"\b(?P<rel>ngày hôm qua|hôm nay|hôm qua|ngày mai|nay|qua|mai)\b", re.IGNORECASE),
                        ARTICLE)
_PART_BEFORE = re.compile(r"(?P<part>rạng sáng|sáng|trưa|chiều|tối|đêm|khuya)\s+(?:(?:ngày|hôm)\s+)?$", re.IGNORECASE)
_DAY_WORD_BEFORE = re.compile(r"(?:từ\s+)?(?:ngày\s+)$", re.IGNORECASE)
_RANGE_PREFIX = re.compile(r"(?:từ\s+)?(?:ngày\s+)?$", re.IGNORECASE)
_MARKER_BEFORE = re.compile(r"(?P<pre>hồi|vào|trong|từ|đầu|cuối|giữa|sang|đến|tới|trước|sau)\s+$", re.IGNORECASE)
_LOOKBACK = 24
# Numbers with dots that are not dates: "1.100", "2.5" after a measure; dates need a context word or a slash.
_DATE_CONTEXT = re.compile(r"(?:ngày|sáng|trưa|chiều|tối|đêm|hôm|nay|qua|từ|đến|tới|vào|lúc|,)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateExpr:
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    part_of_day: str | None = None
    relative: int | None = None  # days from the reference date: 0 today, -1 yesterday, +1 tomorrow
    marker: str | None = None  # "hồi", "vào", "sang"...: how the text frames it; SAME_DAY: the previous act's day

    @property
    def is_anaphoric(self) -> bool:
        return self.marker == SAME_DAY

    @property
    def is_range(self) -> bool:
        return self.end_day is not None or self.end_month is not None


def _valid(day: int | None, month: int | None) -> bool:
    return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31)


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _look_back(text: str, start: int, pattern: re.Pattern[str]) -> re.Match[str] | None:
    return pattern.search(text[max(0, start - _LOOKBACK):start])


def _with_part(text: str, start: int) -> tuple[int, str | None]:
    """Extend a match back over "chiều ", "sáng ngày ", "ngày " and read its part of day."""
    m = _look_back(text, start, _PART_BEFORE)
    if m:
        return start - len(m.group(0)), PARTS[m.group("part").lower()]
    m = _look_back(text, start, _DAY_WORD_BEFORE)
    return (start - len(m.group(0)) if m else start), None


def _marker(text: str, start: int) -> tuple[int, str | None]:
    m = _look_back(text, start, _MARKER_BEFORE)
    return (start - len(m.group(0)), m.group("pre").lower()) if m else (start, None)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def find_date_exprs(text: str, offset: int = 0, low: str | None = None) -> list[DateExpr]:
    """Every date expression in ``text``, longest and most specific first where they overlap.
    ``low``: ``prefilter.lowered(text)``, when the caller has it."""
    low = lowered(text) if low is None else low
    candidates = ARTICLE.candidates(text, low)
    out: list[DateExpr] = []
    taken: list[tuple[int, int]] = []

    def add(expr: DateExpr) -> None:
        out.append(expr)
        taken.append((expr.start - offset, expr.end - offset))

    for m in _RANGE.finditer_in(text, 0, candidates[_RANGE.index]):
        d1, d2, m2 = int(m.group("d1")), int(m.group("d2")), int(m.group("m2"))
        m1 = _int(m.group("m1")) or m2
        if not (_valid(d1, m1) and _valid(d2, m2)) or (m1, d1) > (m2, d2):
            continue
        if m.group("s1") is None and m.group("s2") == "." and not _DATE_CONTEXT.search(text[:m.start()]):
            continue
        prefix = _look_back(text, m.start(), _RANGE_PREFIX)
        begin = m.start() - len(prefix.group(0)) if prefix else m.start()
        part = _look_back(text, begin, _PART_BEFORE)
        y2 = _int(m.group("y2"))
        add(DateExpr(begin + offset, m.end() + offset, _int(m.group("y1")) or y2, m1, d1, y2, m2, d2,
                     PARTS[part.group("part").lower()] if part else None))
    for m in _WORDS.finditer_in(text, 0, candidates[_WORDS.index]):
        if _overlaps(taken, m.start(), m.end()) or not _valid(int(m.group("d")), int(m.group("m"))):
            continue
        part_m = _look_back(text, m.start(), _PART_BEFORE)
        begin = m.start() - len(part_m.group(0)) if part_m else m.start()
        add(DateExpr(begin + offset, m.end() + offset, _int(m.group("y")), int(m.group("m")), int(m.group("d")),
                     part_of_day=PARTS[part_m.group("part").lower()] if part_m else None))
    for m in _SPACED.finditer_in(text, 0, candidates[_SPACED.index]):
        if _overlaps(taken, m.start(), m.end()) or not _valid(int(m.group("d")), int(m.group("m"))):
            continue
        begin, day_part = _with_part(text, m.start())
        add(DateExpr(begin + offset, m.end() + offset, int(m.group("y")), int(m.group("m")), int(m.group("d")),
                     part_of_day=day_part))
    for m in _DAY.finditer_in(text, 0, candidates[_DAY.index]):
        if _overlaps(taken, m.start(), m.end()):
            continue
        day, month = int(m.group("d")), int(m.group("m"))
        if not _valid(day, month):
            continue
        begin, day_part = _with_part(text, m.start())
        # "8.9" or "2-3" are dates only after a date word; "6/11" always is
        if m.group("s") != "/" and not m.group("y") and begin == m.start() and not _DATE_CONTEXT.search(
                text[max(0, m.start() - _LOOKBACK):m.start()]):
            continue
        add(DateExpr(begin + offset, m.end() + offset, _int(m.group("y")), month, day, part_of_day=day_part))
    for m in _MONTH.finditer_in(text, 0, candidates[_MONTH.index]):
        if _overlaps(taken, m.start(), m.end()) or not _valid(None, int(m.group("m"))):
            continue
        begin, pre = _marker(text, m.start())
        add(DateExpr(begin + offset, m.end() + offset, _int(m.group("y")), int(m.group("m")), marker=pre))
    for m in _YEAR.finditer_in(text, 0, candidates[_YEAR.index]):
        if _overlaps(taken, m.start(), m.end()):
            continue
        begin, pre = _marker(text, m.start())
        add(DateExpr(begin + offset, m.end() + offset, int(m.group("y")), marker=pre))
    for m in _RELATIVE.finditer_in(text, 0, candidates[_RELATIVE.index]):
        if _overlaps(taken, m.start(), m.end()):
            continue
        rel = m.group("rel").lower()
        part_m = _look_back(text, m.start(), _PART_BEFORE)
        # bare "nay"/"qua"/"mai" are dates only with a part of day: "sáng nay", "tối qua"
        if rel in ("nay", "qua", "mai") and not part_m:
            continue
        days = 0 if rel in ("hôm nay", "nay") else -1 if "qua" in rel else 1
        begin = m.start() - len(part_m.group(0)) if part_m else m.start()
        add(DateExpr(begin + offset, m.end() + offset, relative=days,
                     part_of_day=PARTS[part_m.group("part").lower()] if part_m else None))
    for m in _ANAPHORA.finditer_in(text, 0, candidates[_ANAPHORA.index]):
        if _overlaps(taken, m.start(), m.end()):
            continue
        part_m = _look_back(text, m.start(), _PART_BEFORE)
        begin = m.start() - len(part_m.group(0)) if part_m else m.start()
        add(DateExpr(begin + offset, m.end() + offset, marker=SAME_DAY,
                     part_of_day=PARTS[part_m.group("part").lower()] if part_m else None))
    out.sort(key=lambda e: e.start)
    return out
