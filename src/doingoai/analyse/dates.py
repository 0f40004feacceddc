"""The one reader of date expressions: in story text, with their offsets, before any calendar resolution
(``find_date_exprs``), and the full calendar dates a page prints (``find_calendar_dates``, for
``segment.dateline``).

"ngày 6/11", "chiều 19/9", "từ 21-27/9", "từ ngày 8.9 đến ngày 10.9.2024", "13-1-2026", "Tối 24- 4-2010",
"tháng 7/2024", "hồi tháng 9/2024", "năm 1971", "sáng nay", "hôm qua", "Cùng ngày", "ngày 6 tháng 8 năm 2020",
"2025-03-12", "Nov 24, 2025", "24 November 2025".
The grammar of the forms is here; their words (parts of the day, markers, relative and anaphoric words,
English month names, the words of date lines) are in ``data/dates.yaml``. Resolution against a reference
date is in ``extract.timeline``. No date is returned that is not on the calendar (31/2, 2024-13-01, day 0).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from doingoai.analyse.spans import Spans
from doingoai.lexicon import LexiconError, load_yaml, number_words
from doingoai.prefilter import ARTICLE, DIGIT, Prefiltered, lowered

__all__ = ["BRACKET", "ENGLISH", "ISO", "NUMERIC", "SAME_DAY", "WORDED", "DateExpr", "DateHit", "DateWords",
           "date_words", "find_calendar_dates", "find_date_exprs", "word_alternation"]

# The marker of a date told as the previous act's: "Cùng ngày", "Tiếp đó".
SAME_DAY = "same"
# The marker of a month and year in brackets after an act ("(6/2021)"): it dates that act, the item of a list
# it closes, not the next one
BRACKET = "("

# How a full calendar date is written: "07/11/2024", "2025-03-12", "ngày 6 tháng 8 năm 2020", "Nov 24, 2025".
NUMERIC, ISO, WORDED, ENGLISH = "numeric", "iso", "worded", "english"

_DATA = "dates.yaml"


@dataclass(frozen=True, slots=True)
class DateWords:
    """The words of ``data/dates.yaml``."""

    parts_of_day: dict[str, str]
    markers: tuple[str, ...]
    relative_days: dict[str, int]
    relative_days_after_part: dict[str, int]
    relative_weeks: dict[str, int]
    week_count_words: tuple[str, ...]
    home_clock: tuple[str, ...]
    same_day: tuple[str, ...]
    range_words: tuple[str, ...]
    pair_words: tuple[str, ...]
    date_context: tuple[str, ...]
    weekday_number_words: tuple[str, ...]
    english_months: dict[str, int]  # every spelling, lower-cased: its month
    date_line_words: tuple[str, ...]


def _words(data: dict[str, object], key: str) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
        raise LexiconError(f"{_DATA}: {key} must be a non-empty list of words")
    return tuple(w.strip().lower() for w in value)


def _mapping(data: dict[str, object], key: str, kind: type) -> dict[str, object]:
    value = data.get(key)
    if not isinstance(value, dict) or not value or not all(
            isinstance(k, str) and k.strip() and isinstance(v, kind) for k, v in value.items()):
        raise LexiconError(f"{_DATA}: {key} must map words to {kind.__name__} values")
    return {k.strip().lower(): v for k, v in value.items()}


@cache
def date_words() -> DateWords:
    """The words of date expressions (``data/dates.yaml``), checked."""
    data = load_yaml(_DATA)
    if not isinstance(data, dict):
        raise LexiconError(f"{_DATA}: expected a mapping")
    months: dict[str, int] = {}
    raw_months = data.get("english_months")
    if not isinstance(raw_months, dict) or sorted(raw_months) != list(range(1, 13)):
        raise LexiconError(f"{_DATA}: english_months must list the months 1 to 12")
    for number, names in raw_months.items():
        for name in _words({"names": names}, "names"):
            if months.setdefault(name, number) != number:
                raise LexiconError(f"{_DATA}: {name!r} names two months")
    line_words = data.get("date_line_words")
    if not isinstance(line_words, dict) or not line_words:
        raise LexiconError(f"{_DATA}: date_line_words must group lists of words")
    return DateWords(
        parts_of_day={k: str(v) for k, v in _mapping(data, "parts_of_day", str).items()},
        markers=_words(data, "markers"),
        relative_days={k: int(str(v)) for k, v in _mapping(data, "relative_days", int).items()},
        relative_days_after_part={k: int(str(v)) for k, v in
                                  _mapping(data, "relative_days_after_part", int).items()},
        relative_weeks={k: int(str(v)) for k, v in _mapping(data, "relative_weeks", int).items()},
        week_count_words=_words(data, "week_count_words"),
        home_clock=_words(data, "home_clock"),
        same_day=_words(data, "same_day"),
        range_words=_words(data, "range_words"),
        pair_words=_words(data, "pair_words"),
        date_context=_words(data, "date_context"),
        weekday_number_words=_words(data, "weekday_number_words"),
        english_months=months,
        date_line_words=tuple(w for group in line_words for w in _words(line_words, group)),
    )


def word_alternation(words: Iterable[str], space: str = " ") -> str:
    """A regex alternation of ``words``, the longest first (so the longest one at a place is taken), with
    ``space`` for the spaces inside them."""
    ordered = sorted(dict.fromkeys(words), key=len, reverse=True)
    return "|".join(space.join(re.escape(part) for part in w.split()) for w in ordered)


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
    week: int | None = None  # calendar weeks (Monday to Sunday) from the reference date's: -1 the week before
    marker: str | None = None  # "hồi", "vào", "sang"...: how the text frames it; SAME_DAY: the previous act's day

    @property
    def is_anaphoric(self) -> bool:
        return self.marker == SAME_DAY

    @property
    def is_range(self) -> bool:
        return self.end_day is not None or self.end_month is not None

    @property
    def date(self) -> dt.date | None:
        """The calendar date, when the expression writes a day, a month and a year."""
        if self.year is None or self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)


@dataclass(frozen=True, slots=True)
class DateHit:
    """A full calendar date as a page writes it: the day, the span of its writing, and its form."""

    date: dt.date
    start: int
    end: int
    form: str = NUMERIC

    @property
    def iso(self) -> str:
        return self.date.isoformat()


class _Reader:
    """The patterns of the forms, built once from the grammar below and the words of ``dates.yaml``.

    Every story pattern starts on a digit or a fixed word, so it is tried only where one stands
    (``Prefiltered``, those places found for all the article's patterns in one pass); what may stand before
    a match ("chiều", "từ ngày", "hồi") is read by looking back from its start."""

    def __init__(self, w: DateWords) -> None:
        self.parts = w.parts_of_day
        self.relative = {**w.relative_days, **w.relative_days_after_part}
        self.after_part = frozenset(w.relative_days_after_part)
        self.months = w.english_months
        i = re.IGNORECASE
        months = word_alternation(sorted({s for name in w.english_months for s in (name.capitalize(), name.upper())}))
        # the words the prefilter looks for before it tries a pattern (``doingoai.prefilter``)
        month_words = sorted({name.lower() for name in w.english_months})
        # A full date in ISO 8601, maybe with its time: "2025-03-12", "2025-03-12T10:00:00".
        self.iso = Prefiltered(re.compile(
            r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?(?!\d)"), ARTICLE,
            starts=[DIGIT], needs=["-"])
        # English: "Nov 24, 2025", "November 24th 2025"; "24 November 2025", "24 Nov. 2025".
        self.en_mdy = Prefiltered(re.compile(
            rf"\b(?P<mon>{months})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"), ARTICLE,
            starts=month_words)
        self.en_dmy = Prefiltered(re.compile(
            rf"\b(?P<d>\d{{1,2}})\s+(?P<mon>{months})\.?,?\s+(?P<y>\d{{4}})\b"), ARTICLE,
            starts=[DIGIT], needs=month_words)
        # Days: "21-27/9", "8.9 đến 10.9.2024", "1/9/2024 - 3/9/2024" (not after a time's minutes or a letter).
        self.range = Prefiltered(re.compile(
            r"(?<![\w/.\-:])(?P<d1>\d{1,2})(?:(?P<s1>[/.\-])(?P<m1>\d{1,2}))?(?:(?P=s1)(?P<y1>\d{4}))?"
            rf"\s*(?:-|–|{word_alternation(w.range_words)})\s*(?:ngày\s+)?"
            r"(?P<d2>\d{1,2})(?P<s2>[/.\-])(?P<m2>\d{1,2})(?:(?P=s2)(?P<y2>\d{4}))?", i), ARTICLE,
            starts=[DIGIT], needs=[".", "/", "-"])
        # Two days in a row: "ngày 26 và 27/7" (kept as a range only when the second is the day after the first)
        self.pair = Prefiltered(re.compile(
            r"(?<![\w/.\-:])(?P<d1>\d{1,2})"
            rf"\s+(?:{word_alternation(w.pair_words)})\s+(?:ngày\s+)?"
            r"(?P<d2>\d{1,2})(?P<s2>[/.\-])(?P<m2>\d{1,2})(?:(?P=s2)(?P<y2>\d{4}))?", i), ARTICLE,
            starts=[DIGIT], needs=list(w.pair_words))
        # "ngày 6 tháng 8", "ngày 6 tháng 8 năm 2020", "6 tháng 8, 2020", "23 tháng 08/2019": without "ngày",
        # only with its year (else "3 tháng" is three months).
        self.words = Prefiltered(re.compile(
            r"(?:(?P<ngay>ngày)\s+)?(?<!\d)(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})"
            r"(?:(?:\s*(?:năm|,|/)\s*|\s+)(?P<y>\d{4})(?!\d))?", i), ARTICLE,
            starts=["ngày", DIGIT], needs=["tháng"])
        # A full date, maybe with spaces around its separators ("Tối 24- 4-2010", "22 - 10 - 2020"); a time may
        # be glued to it ("31/10/2011-10:24"), not another date ("2/9/1945-2/9/2025" is a range).
        self.spaced = Prefiltered(re.compile(
            r"(?<![\d/.\-])(?P<d>\d{1,2})\s*(?P<s>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=s)\s*(?P<y>(?:19|20)\d{2})"
            r"(?!\d|[-–]\d{1,2}[/.\-]\d)"), ARTICLE, starts=[DIGIT], needs=["19", "20"])
        # A day and month, maybe with any year: "6/11", "8.9", "5/6/1850".
        self.day = Prefiltered(re.compile(
            r"(?<![\d/.\-])(?P<d>\d{1,2})(?P<s>[/.\-])(?P<m>\d{1,2})(?:(?P=s)(?P<y>\d{4}))?(?![\d/.\-]?\d)"),
            ARTICLE, starts=[DIGIT], needs=[".", "/", "-"])
        self.anaphora = Prefiltered(re.compile(rf"\b(?:{word_alternation(w.same_day)})\b", i), ARTICLE,
                                    starts=[x.lower() for x in w.same_day])
        self.month = Prefiltered(re.compile(
            r"tháng\s+(?P<m>\d{1,2})(?:\s*(?:/|-|năm)\s*(?P<y>\d{4}))?(?![\d/])", i), ARTICLE, starts=["tháng"])
        self.year = Prefiltered(re.compile(r"năm\s+(?P<y>(?:19|20)\d{2})\b", i), ARTICLE, starts=["năm"])
        # A month and year in brackets after an act, the way lists of visits and contacts date each item:
        # "điện đàm với Thủ tướng Angela Merkel (6/2021); ... gặp Tổng thống Steinmeier (New York, 9/2021)".
        # Only closing a bracket (elsewhere "6/2021" is a document's number): ``bracket_open`` is looked for
        # before it.
        self.bracket_month = Prefiltered(re.compile(
            r"(?<![\d/.\-])(?P<m>\d{1,2})\s*/\s*(?P<y>(?:19|20)\d{2})(?=\s*\))"), ARTICLE, starts=[DIGIT],
            needs=["/"])
        self.bracket_open = re.compile(r"\(\s*(?:[^()\d]{0,40},\s*)?$")
        self.relative_rx = Prefiltered(re.compile(rf"\b(?P<rel>{word_alternation(self.relative)})\b", i), ARTICLE,
                                       starts=[x.lower() for x in self.relative])
        self.weeks = w.relative_weeks
        self.week_rx = Prefiltered(re.compile(rf"\b(?P<week>{word_alternation(self.weeks)})\b", i), ARTICLE,
                                   starts=sorted({x.split()[0] for x in self.weeks}))
        # a day converted to Vietnam's clock, in brackets right after another day (three words may open them,
        # "tức sáng sớm"): what comes after it, and what stands between the two days
        self.home_clock_after = re.compile(rf"\s*(?:theo\s+)?(?:{word_alternation(w.home_clock)})\b", i)
        self.converted_gap = re.compile(r"[^()\n]{0,40}\(\s*(?:[^\W\d]+\s+){0,3}")
        counts = word_alternation([*w.week_count_words, *number_words()])
        self.week_count_before = re.compile(rf"(?:\d+|\b(?:{counts}))\s+$", i)
        # looked for before a match, in the ``_LOOKBACK`` characters before it
        if any(word[-1] in _DIGIT_CHARS for word in w.parts_of_day):
            raise LexiconError(f"{_DATA}: a part of the day must end in a letter (``_after_word``)")
        self.part_before = re.compile(rf"(?P<part>{word_alternation(w.parts_of_day)})\s+(?:(?:ngày|hôm)\s+)?$", i)
        self.day_word_before = re.compile(r"(?:từ\s+)?(?:ngày\s+)$", i)
        self.range_prefix = re.compile(r"(?:từ\s+)?(?:ngày\s+)?$", i)
        self.marker_before = re.compile(rf"(?P<pre>{word_alternation(w.markers)})\s+$", i)
        # Numbers with dots that are not dates: "1.100", "2.5" after a measure; dates need a context word or
        # a slash.
        self.date_context = re.compile(rf"(?:{word_alternation(w.date_context)}|,)\s*$", i)
        self.weekday_before = re.compile(rf"\b(?:{word_alternation(w.weekday_number_words)})\s+$", i)
        # the forms of full calendar dates, in the order they win a tie
        self.calendar: tuple[tuple[str, Prefiltered], ...] = (
            (NUMERIC, self.spaced), (NUMERIC, self.day), (ISO, self.iso), (WORDED, self.words),
            (ENGLISH, self.en_mdy), (ENGLISH, self.en_dmy))

    def ymd(self, m: re.Match[str]) -> tuple[int | None, int | None, int | None]:
        """The year, month and day a single date's match writes."""
        groups = m.groupdict()
        month = self.months.get(groups["mon"].lower()) if groups.get("mon") else _int(groups.get("m"))
        return _int(groups.get("y")), month, _int(groups.get("d"))


@cache
def _reader() -> _Reader:
    return _Reader(date_words())


_LOOKBACK = 24
# Every full calendar date writes a year of four digits: most lines have none.
_HAS_YEAR = re.compile(r"\d{4}")


def _on_calendar(year: int | None, month: int | None, day: int | None) -> bool:
    """Whether a (partial) date can be on the calendar: a day of its month (of a leap year when the year is
    not told), a month of the year."""
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return True
    if month is None:
        return 1 <= day <= 31
    try:
        dt.date(2000 if year is None else year, month, day)
    except ValueError:
        return False
    return True


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _look_back(text: str, start: int, pattern: re.Pattern[str]) -> re.Match[str] | None:
    return pattern.search(text[max(0, start - _LOOKBACK):start])


_DIGIT_CHARS = frozenset("0123456789")
# What stands between a relative day and the same day written as a date: "chiều nay (21/7)", "Sáng nay, 8.9"
_APPOSED = re.compile(r"\s*[(,]?\s*")


def _after_word(text: str, start: int) -> bool:
    r"""Whether ``text`` may end in a word and spaces just before ``start``: what the look-backs of parts of the
    day and of "ngày" need (their words end in letters, then ``\s+$``). False when no space stands right before
    ``start`` or a digit stands before the spaces, as in a run of dates ("1/1 1/1"), where the look-backs
    cannot match: most dates of such runs are then read without them. (``str.isspace`` is ``\s``.)"""
    j = start - 1
    if j < 0 or not text[j].isspace():
        return False
    floor = max(0, start - _LOOKBACK)
    while j >= floor and text[j].isspace():
        j -= 1
    return j >= floor and text[j] not in _DIGIT_CHARS


def find_calendar_dates(text: str) -> list[DateHit]:
    """Every full calendar date (day, month and year) written in ``text``, in order: the dates a page
    prints ("07/11/2024", "ngày 6 tháng 8 năm 2020", "2025-03-12", "Nov 24, 2025"), including the ends of a
    range written in full. Where two forms overlap, the first, then the one listed first, is kept."""
    if not _HAS_YEAR.search(text):
        return []
    r = _reader()
    low = lowered(text)
    hits: list[DateHit] = []
    for form, pattern in r.calendar:
        if not pattern.may_match(low):
            continue  # what the form needs ("tháng", a month name, a separator) is not in the text
        for m in pattern.pattern.finditer(text):
            year, month, day = r.ymd(m)
            if year is not None and month is not None and day is not None and _on_calendar(year, month, day):
                hits.append(DateHit(dt.date(year, month, day), m.start(), m.end(), form))
    hits.sort(key=lambda h: h.start)
    kept: list[DateHit] = []
    for h in hits:
        if kept and h.start < kept[-1].end:
            continue
        kept.append(h)
    return kept


def find_date_exprs(text: str, offset: int = 0, low: str | None = None) -> list[DateExpr]:
    """Every date expression in ``text``, longest and most specific first where they overlap.
    ``low``: ``prefilter.lowered(text)``, when the caller has it."""
    r = _reader()
    low = lowered(text) if low is None else low
    candidates = ARTICLE.candidates(text, low)
    out: list[DateExpr] = []
    taken: list[tuple[int, int]] = []

    def add(expr: DateExpr) -> None:
        out.append(expr)
        taken.append((expr.start - offset, expr.end - offset))

    def part(start: int) -> tuple[int, str | None]:
        """Extend a match back over "chiều ", "sáng ngày " and read its part of day."""
        if not _after_word(text, start):
            return start, None
        m = _look_back(text, start, r.part_before)
        return (start - len(m.group(0)), r.parts[m.group("part").lower()]) if m else (start, None)

    def part_or_day_word(start: int) -> tuple[int, str | None]:
        """Extend a match back over "chiều ", "sáng ngày ", "ngày " and read its part of day."""
        if not _after_word(text, start):
            return start, None
        begin, day_part = part(start)
        if begin != start:
            return begin, day_part
        m = _look_back(text, start, r.day_word_before)
        return (start - len(m.group(0)) if m else start), None

    def marker(start: int) -> tuple[int, str | None]:
        m = _look_back(text, start, r.marker_before)
        return (start - len(m.group(0)), m.group("pre").lower()) if m else (start, None)

    read: list[Spans] = []  # the spans of ``taken``, while no form has added to it

    def matches(pattern: Prefiltered) -> list[re.Match[str]]:
        found = pattern.finditer_in(text, 0, candidates[pattern.index])
        if not taken:
            return list(found)
        if not read or len(read[0]) != len(taken):
            read[:] = [Spans(taken)]  # what earlier forms read (the spans may overlap: parts of the day extend them)
        meets = read[0].meets
        return [m for m in found if not meets(m.start(), m.end())]

    # full dates in ISO or English: no other form reads them. "24 November 2025" holds a month name, where
    # "Nov 24, 2025" starts: without one, the pattern that starts on digits is not tried.
    english = candidates[r.en_mdy.index]
    for pattern in (r.iso, r.en_mdy, r.en_dmy) if english is None or english else (r.iso,):
        for m in matches(pattern):
            year, month, day = r.ymd(m)
            if _on_calendar(year, month, day):
                begin, day_part = part_or_day_word(m.start())
                add(DateExpr(begin + offset, m.end() + offset, year, month, day, part_of_day=day_part))
    for m in matches(r.range):
        d1, d2, m2 = int(m.group("d1")), int(m.group("d2")), int(m.group("m2"))
        m1 = _int(m.group("m1")) or m2
        y2 = _int(m.group("y2"))
        y1 = _int(m.group("y1")) or y2
        if not (_on_calendar(y1, m1, d1) and _on_calendar(y2, m2, d2)) or (m1, d1) > (m2, d2):
            continue
        if m.group("s1") is None and m.group("s2") == "." and not r.date_context.search(text[:m.start()]):
            continue
        if m.group("s1") is None and _look_back(text, m.start(), r.weekday_before):
            continue  # "Thứ 2 - 05/09/2016": a weekday, then a date
        prefix = _look_back(text, m.start(), r.range_prefix)
        begin = m.start() - len(prefix.group(0)) if prefix else m.start()
        begin, day_part = part(begin)
        add(DateExpr(begin + offset, m.end() + offset, y1, m1, d1, y2, m2, d2, day_part))
    for m in matches(r.pair):
        d1, d2, m2, y2 = int(m.group("d1")), int(m.group("d2")), int(m.group("m2")), _int(m.group("y2"))
        if d2 != d1 + 1 or not (_on_calendar(y2, m2, d1) and _on_calendar(y2, m2, d2)) or (
                m.group("s2") == "." and not r.date_context.search(text[:m.start()])):
            continue
        prefix = _look_back(text, m.start(), r.range_prefix)
        begin = m.start() - len(prefix.group(0)) if prefix else m.start()
        begin, day_part = part(begin)
        add(DateExpr(begin + offset, m.end() + offset, y2, m2, d1, y2, m2, d2, day_part))
    for m in matches(r.words):
        year, month, day = r.ymd(m)
        if not _on_calendar(year, month, day) or (m.group("ngay") is None and year is None):
            continue
        begin, day_part = part(m.start())
        add(DateExpr(begin + offset, m.end() + offset, year, month, day, part_of_day=day_part))
    for m in matches(r.spaced):
        year, month, day = r.ymd(m)
        if not _on_calendar(year, month, day):
            continue
        begin, day_part = part_or_day_word(m.start())
        add(DateExpr(begin + offset, m.end() + offset, year, month, day, part_of_day=day_part))
    for m in matches(r.day):
        # (``r.ymd(m)`` for a pattern without a month name, read group by group: a page may hold thousands)
        y, mo, d = m.group("y", "m", "d")
        year, month, day = _int(y), _int(mo), _int(d)
        if not _on_calendar(year, month, day):
            continue
        begin, day_part = part_or_day_word(m.start())
        # "8.9" or "2-3" are dates only after a date word; "6/11" always is
        if m.group("s") != "/" and year is None and begin == m.start() and not r.date_context.search(
                text[max(0, m.start() - _LOOKBACK):m.start()]):
            continue
        add(DateExpr(begin + offset, m.end() + offset, year, month, day, part_of_day=day_part))
    for m in matches(r.month):
        if not _on_calendar(None, int(m.group("m")), None):
            continue
        begin, pre = marker(m.start())
        add(DateExpr(begin + offset, m.end() + offset, _int(m.group("y")), int(m.group("m")), marker=pre))
    for m in matches(r.bracket_month):
        if _on_calendar(None, int(m.group("m")), None) and _look_back(text, m.start(), r.bracket_open):
            add(DateExpr(m.start() + offset, m.end() + offset, int(m.group("y")), int(m.group("m")), marker=BRACKET))
    for m in matches(r.year):
        begin, pre = marker(m.start())
        add(DateExpr(begin + offset, m.end() + offset, int(m.group("y")), marker=pre))
    for m in matches(r.relative_rx):
        rel = m.group("rel").lower()
        begin, day_part = part(m.start())
        # bare "nay"/"qua"/"mai" are dates only with a part of day: "sáng nay", "tối qua"
        if rel in r.after_part and day_part is None:
            continue
        add(DateExpr(begin + offset, m.end() + offset, relative=r.relative[rel], part_of_day=day_part))
    for m in matches(r.week_rx):
        if _look_back(text, m.start(), r.week_count_before):
            continue  # "2 tuần trước": two weeks ago, not the week before
        begin, pre = marker(m.start())
        add(DateExpr(begin + offset, m.end() + offset, week=r.weeks[m.group("week").lower()], marker=pre))
    for m in matches(r.anaphora):
        begin, day_part = part(m.start())
        add(DateExpr(begin + offset, m.end() + offset, marker=SAME_DAY, part_of_day=day_part))
    out.sort(key=lambda e: e.start)
    # "Tối 22/9 theo giờ địa phương (sáng 23/9 giờ Hà Nội)": the day converted to Vietnam's clock is not the act's
    out = [e for k, e in enumerate(out)
           if not (k and e.day is not None and out[k - 1].day is not None
                   and r.converted_gap.fullmatch(text, out[k - 1].end - offset, e.start - offset)
                   and r.home_clock_after.match(text, e.end - offset))]
    # "chiều nay (21/7)", "Sáng nay, 8.9,", "vào ngày mai, 23/7": the day written again after a relative day is
    # the date told (it holds the month, and the day when the page has no date of its own), with the relative
    # day's part of the day; the relative day goes
    apposed: set[int] = set()
    for k in range(1, len(out)):
        before, later = out[k - 1], out[k]
        if (before.relative is not None and later.day is not None and not later.is_range
                and later.relative is None and k - 1 not in apposed
                and _APPOSED.fullmatch(text, before.end - offset, later.start - offset)):
            apposed.add(k - 1)
            if later.part_of_day is None and before.part_of_day:
                out[k] = replace(later, part_of_day=before.part_of_day)
    return [e for k, e in enumerate(out) if k not in apposed] if apposed else out
