"""Date expressions of the genre, found in text with their offsets, before any calendar resolution.

"ngày 6/11", "chiều 19/9", "từ 21-27/9", "từ ngày 8.9 đến ngày 10.9.2024", "13-1-2026", "tháng 7/2024",
"hồi tháng 9/2024", "năm 1971", "sáng nay", "hôm qua", "ngày 6 tháng 8 năm 2020".
Resolution against a reference date is in ``extract.timeline``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["DateExpr", "find_date_exprs"]

PARTS = {"sáng": "morning", "trưa": "noon", "chiều": "afternoon", "tối": "evening", "đêm": "night",
         "rạng sáng": "night", "khuya": "night"}
_PART = r"(?:(?P<part>rạng sáng|sáng|trưa|chiều|tối|đêm|khuya)\s+(?:ngày\s+|hôm\s+)?)?"
_SEP = r"\s*[/.\-]\s*"
# day/month with an optional year: 6/11, 6-11, 8.9, 13-1-2026, 02/9/1945
_DM = r"(?P<d>\d{1,2})" + r"(?P<s>[/.\-])" + r"(?P<m>\d{1,2})(?:(?P=s)(?P<y>\d{4}))?"

_RANGE = re.compile(
    r"(?:từ\s+)?(?:ngày\s+)?(?P<d1>\d{1,2})(?:(?P<s1>[/.\-])(?P<m1>\d{1,2}))?(?:(?P=s1)(?P<y1>\d{4}))?"
    r"\s*(?:-|–|đến|tới)\s*(?:ngày\s+)?(?P<d2>\d{1,2})(?P<s2>[/.\-])(?P<m2>\d{1,2})(?:(?P=s2)(?P<y2>\d{4}))?",
    re.IGNORECASE,
)
_WORDS = re.compile(_PART + r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm|,)\s*(?P<y>\d{4}))?",
                    re.IGNORECASE)
_DAY = re.compile(_PART + r"(?:ngày\s+)?" + _DM + r"(?![\d/.\-]?\d)", re.IGNORECASE)
_MONTH = re.compile(r"(?:(?P<pre>hồi|vào|trong|từ|đầu|cuối|giữa)\s+)?tháng\s+(?P<m>\d{1,2})"
                    r"(?:\s*(?:/|-|năm)\s*(?P<y>\d{4}))?(?![\d/])", re.IGNORECASE)
_YEAR = re.compile(r"(?:(?P<pre>vào|hồi|từ|trong|cuối|đầu|giữa|sang|đến|tới|trước|sau)\s+)?"
                   r"năm\s+(?P<y>(?:19|20)\d{2})\b", re.IGNORECASE)
_RELATIVE = re.compile(r"(?:(?P<part>rạng sáng|sáng|trưa|chiều|tối|đêm)\s+)?(?P<rel>hôm nay|hôm qua|nay|qua|"
                       r"ngày hôm qua|ngày mai|mai)\b", re.IGNORECASE)
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
    marker: str | None = None  # "hồi", "vào", "sang"...: how the text frames it

    @property
    def is_range(self) -> bool:
        return self.end_day is not None or self.end_month is not None


def _valid(day: int | None, month: int | None) -> bool:
    return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31)


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _part(match: re.Match[str]) -> str | None:
    part = match.groupdict().get("part")
    return PARTS.get(part.lower()) if part else None


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def find_date_exprs(text: str, offset: int = 0) -> list[DateExpr]:
    """Every date expression in ``text``, longest and most specific first where they overlap."""
    out: list[DateExpr] = []
    taken: list[tuple[int, int]] = []

    def add(expr: DateExpr) -> None:
        out.append(expr)
        taken.append((expr.start - offset, expr.end - offset))

    for m in _RANGE.finditer(text):
        d1, d2, m2 = int(m.group("d1")), int(m.group("d2")), int(m.group("m2"))
        m1 = _int(m.group("m1")) or m2
        if not (_valid(d1, m1) and _valid(d2, m2)) or (m1, d1) > (m2, d2):
            continue
        if m.group("s1") is None and m.group("s2") == "." and not _DATE_CONTEXT.search(text[:m.start()]):
            continue
        before = text[max(0, m.start() - 12):m.start()].lower()
        part = next((v for k, v in PARTS.items() if before.rstrip().endswith(k)), None)
        y2 = _int(m.group("y2"))
        add(DateExpr(m.start() + offset, m.end() + offset, _int(m.group("y1")) or y2, m1, d1, y2, m2, d2, part))
    for m in _WORDS.finditer(text):
        if _overlaps(taken, m.start(), m.end()) or not _valid(int(m.group("d")), int(m.group("m"))):
            continue
        add(DateExpr(m.start() + offset, m.end() + offset, _int(m.group("y")), int(m.group("m")), int(m.group("d")),
                     part_of_day=_part(m)))
    for m in _DAY.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        day, month = int(m.group("d")), int(m.group("m"))
        if not _valid(day, month):
            continue
        # "8.9" or "2-3" are dates only after a date word; "6/11" always is
        if m.group("s") != "/" and not m.group("part") and not m.group("y") and not _DATE_CONTEXT.search(
                text[:m.start()]) and not text[m.start():m.end()].lower().startswith("ngày"):
            continue
        add(DateExpr(m.start() + offset, m.end() + offset, _int(m.group("y")), month, day, part_of_day=_part(m)))
    for m in _MONTH.finditer(text):
        if _overlaps(taken, m.start(), m.end()) or not _valid(None, int(m.group("m"))):
            continue
        add(DateExpr(m.start() + offset, m.end() + offset, _int(m.group("y")), int(m.group("m")),
                     marker=(m.group("pre") or "").lower() or None))
    for m in _YEAR.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        add(DateExpr(m.start() + offset, m.end() + offset, int(m.group("y")),
                     marker=(m.group("pre") or "").lower() or None))
    for m in _RELATIVE.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        rel = m.group("rel").lower()
        # bare "nay"/"qua" are dates only with a part of day: "sáng nay", "tối qua"
        if rel in ("nay", "qua") and not m.group("part"):
            continue
        if rel in ("mai",) and not m.group("part"):
            continue
        days = 0 if rel in ("hôm nay", "nay") else -1 if "qua" in rel else 1
        add(DateExpr(m.start() + offset, m.end() + offset, relative=days, part_of_day=_part(m)))
    out.sort(key=lambda e: e.start)
    return out
