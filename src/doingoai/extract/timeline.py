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
from doingoai.analyse.officeholders import accession_years, find_officeholders, windows
from doingoai.lexicon import Table, load_yaml, number_words, patterns, prefiltered, word_lists
from doingoai.prefilter import ARTICLE, Prefiltered, lowered

__all__ = ["Reference", "format_date", "reference_of", "resolve"]


@cache
def _rx() -> Table[re.Pattern[str]]:
    """The plain patterns of ``data/patterns_timeline.yaml``."""
    cycle = _seqs()
    return patterns("patterns_timeline.yaml", (("number_words", "|".join(number_words())),
                                               ("canchi_stems", "|".join(cycle.canchi_stems)),
                                               ("canchi_branches", "|".join(cycle.canchi_branches))))


@cache
def _pf() -> Table[Prefiltered]:
    """The prefiltered patterns of ``data/patterns_timeline.yaml``."""
    cycle = _seqs()
    return prefiltered("patterns_timeline.yaml", (), (("number_words", "|".join(number_words())),
                                                      ("canchi_stems", "|".join(cycle.canchi_stems)),
                                                      ("canchi_branches", "|".join(cycle.canchi_branches))))


@cache
def _seqs() -> Table[tuple[str, ...]]:
    """The word lists of ``data/patterns_timeline.yaml``."""
    return word_lists("patterns_timeline.yaml")




@dataclass(frozen=True, slots=True)
class Reference:
    """What the story's dates are read against."""

    date: dt.date | None  # the page's publication date, when given with day precision
    year: int | None  # the story's year (from the page or inferred)
    month: int | None = None
    # the days the story can be told in, from who held which office when and what it reports as done
    # ("Năm 2023, kim ngạch đạt ..." is told after 2023): a day/month is placed in the one year that fits
    earliest: dt.date | None = None
    latest: dt.date | None = None
    # the spans the window is made of: who held which office when may allow two terms apart
    windows: tuple[tuple[dt.date, dt.date], ...] = ()
    # the latest day (or month) of an act the story recalls with its year ("cuộc hội đàm ... tháng 6/2023"): the
    # story is told after it, so a day it gives without a year falls after it too
    after: dt.date | None = None


# The day the language data were last reviewed: "today" when the caller gives none, so that no result
# depends on the machine's clock (an open office term ends here; no story is told after it).
DATA_DATE = dt.date(2026, 11, 30)


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
    # a day or month that is not on the calendar ("2024-02-30", "2024-13") tells nothing: the reader refuses
    # such dates, and the segmenter finds only real ones, but an Article can be built by other callers too
    try:
        date = dt.date(y, int(mo) if mo else 1, int(d) if d else 1)
    except ValueError:
        return None, None, None
    return date if mo and d else None, y, int(mo) if mo else None


_FULL_DATE_BEFORE = re.compile(r"\d{1,2}[/.\-]\d{1,2}[/.\-]$")
# The lead tells the story's own date far more often than the rest does.
LEAD_CHARS = 300


def _canchi_year(stem: str, branch: str, today: int) -> int | None:
    s, b = _seqs().canchi_stems.index(stem), _seqs().canchi_branches.index(branch)
    # 1984 was Giáp Tý (0, 0): find the year in the 60-year cycle, the latest one not after ``today`` + 1
    for y in range(today + 1, today - 61, -1):
        if (y - 1984) % 10 == s and (y - 1984) % 12 == b:
            return y
    return None


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else number_words().get(word.lower())


def office_windows(text: str, today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The spans of days in which every office holder the text names with their title ("Chủ tịch nước Nguyễn
    Xuân Phúc") held that office (``data/officeholders.tsv``); none when it names none, or when their terms
    do not meet."""
    return windows(text, find_officeholders(text), today)


@cache
def _sessions() -> tuple[tuple[tuple[str, ...], re.Pattern[str], int, float], ...]:
    """Numbered sessions of bodies (timeline.yaml ``sessions``): "AIPA-43", "Đại hội đồng LHQ khóa 79"; each
    body's names (lower-cased, to skip a text that names none), pattern, base year and sessions a year."""
    out = []
    for row in _anchors().get("sessions", []):  # type: ignore[attr-defined]
        names = sorted(row["names"], key=len, reverse=True)
        alternation = "|".join(re.escape(n) for n in names)
        # "Đại hội đồng LHQ khóa 79", "AIPA-43", and the number first: "Khóa 74 Đại hội đồng LHQ"
        pattern = re.compile(r"(?:" + alternation + r")\s*(?:\([A-Z]{2,6}\)\s*)?(?:-|–|lần thứ|khóa|kỳ họp thứ|thứ)?\s*"
                             r"(?P<n>\d{1,3})(?![\d/.,]\d|\d)"
                             r"|\b(?:khóa|lần thứ|kỳ họp thứ)\s+(?P<n2>\d{1,3})\s+(?:của\s+)?(?:" + alternation + r")",
                             re.IGNORECASE)
        out.append((tuple(n.lower() for n in names), pattern, int(row["base"]), float(row["per"])))
    return tuple(out)


def recalled_after(text: str, today: dt.date) -> dt.date | None:
    """The latest month-and-year or full date the story gives to an act it recalls ("tháng 6/2023",
    "ngày 25/7/2023"): not in a range (an anniversary's), not looked forward to ("sẽ ... tháng 11/2025")."""
    latest: dt.date | None = None
    pattern = _pf().recalled_date
    for m in pattern.finditer_in(text, 0, ARTICLE.candidates(text)[pattern.index]):
        before = text[max(0, m.start() - 60):m.start()]
        if _rx().future.search(before[-30:]) or _rx().forward.search(before):
            continue
        year, month = int(m.group("y")), int(m.group("m"))
        if not 1 <= month <= 12 or year > today.year:
            continue
        day = dt.date(year, month, 1)
        latest = max(latest, day) if latest else day
    return latest


def story_evidence(text: str, today: dt.date) -> tuple[Counter[int], list[tuple[dt.date, dt.date]]]:
    """Votes for the year a story is told in, and the spans of days it can be told in (none: any day up
    to ``today``)."""
    votes: Counter[int] = Counter()
    fixed = _anchors().get("fixed_anniversaries", {})
    assert isinstance(fixed, dict)
    pf = _pf()  # its patterns join ARTICLE before the text's candidates are found
    candidates = ARTICLE.candidates(text)
    for m in pf.anniversary.finditer_in(text, 0, candidates[pf.anniversary.index]):
        n = _number(m.group(1))
        what = m.group("what").casefold()
        for key, year in fixed.items():
            if n and key.casefold() in what:
                votes[int(year) + n] += 3
    # the year mentions of the text: the patterns below all end on or start at one, so they are tried only
    # around them (a story has a handful; scanning it whole for each pattern cost a tenth of the extraction)
    years = [m.span(1) for m in pf.explicit_year.finditer_in(text, 0, candidates[pf.explicit_year.index])]
    rx = _rx()
    searchable = lowered(text)  # for the prefiltered patterns
    low = text.lower() if searchable is None else searchable  # (the same string when there is one)
    for ys, ye in years:
        for m in pf.since_year.finditer(text, searchable, max(0, ys - 300), ye):
            n = _number(m.group("n"))
            if m.end("y") == ye and n and 1 <= n <= 150:
                votes[int(m.group("y")) + n] += 4
                break
    for ys, ye in years:
        for m in pf.bracket_anniversary.finditer(text, searchable, max(0, ys - 200), min(len(text), ye + 2)):
            n = _number(m.group("n"))
            if m.end("y") == ye and n and 1 <= n <= 150:
                votes[int(m.group("y")) + n] += 4
                break
    for m in pf.anniversary_year.finditer(text, searchable):
        # "vào năm sau (8/2/1993-8/2/2023)": the story is told the year before the anniversary's
        votes[int(m.group("y")) - (0 if m.group("when").casefold() == "năm nay" else 1)] += 5
    for m in (rx.assembly_session.finditer(text) if "quốc hội khóa" in low else ()):
        # "kỳ họp thứ 11, Quốc hội khóa XIV": two regular sessions a year from the term's first year
        terms = _anchors().get("assembly_terms", {})
        assert isinstance(terms, dict)
        term = terms.get((m.group("term") or m.group("term2")).upper())
        if term:
            votes[int(term) + (int(m.group("n") or m.group("n2")) - 1) // 2] += 3
    for names, pattern, base, per in _sessions():
        if not any(n in low for n in names):
            continue  # most stories name none of the bodies
        for m in pattern.finditer(text):
            n = int(m.group("n") or m.group("n2"))
            if 1 <= n <= 250:
                votes[int(base + n * per)] += 3
    for m in pf.session.finditer_in(text, 0, candidates[pf.session.index]):
        if m.group("year"):
            votes[int(m.group("year"))] += 3
    for m in pf.tet.finditer_in(text, 0, candidates[pf.tet.index]):
        y = _canchi_year(m.group(1), m.group(2), today.year)
        if y:
            votes[y] += 3
    earliest: dt.date | None = None
    holders = find_officeholders(text)
    spans = windows(text, holders, today)
    for year in accession_years(text, holders, today):
        votes[year] += 4
    done_periods = (m for ys, ye in years
                    for m in pf.done_period.finditer(text, searchable, max(0, ys - 40), min(len(text), ye + 140))
                    if m.start("y") == ys)
    for m in done_periods:
        y = int(m.group("y"))
        months = int(m.group("n")) if m.group("n") else 12
        if y > today.year or not 1 <= months <= 12:
            continue
        done = dt.date(y, months, 28) if months < 12 else dt.date(y, 12, 31)
        earliest = max(earliest, done) if earliest else done
    later: list[int] = []
    later_years = (m for ys, ye in years for m in pf.later_year.finditer(text, searchable, max(0, ys - 130), ye)
                   if m.end("y") == ye)
    for m in later_years:
        y = int(m.group("y"))
        later.append(y)
        if m.group("early"):
            votes[y - 1] += 2  # "sẽ ... vào đầu năm 2014" is told in the year before
    for m in pf.explicit_year.finditer_in(text, 0, candidates[pf.explicit_year.index]):
        year = int(m.group(1))
        before = text[max(0, m.start() - 30):m.start()]
        if year > today.year + 1 or _rx().future.search(before) or year in later:
            continue
        votes[year] += (2 if _FULL_DATE_BEFORE.search(before) else 1) + (2 if m.start() < LEAD_CHARS else 0)
    # no story is told after "today"
    spans = [(lo, min(hi, today)) for lo, hi in spans if lo <= today]
    if earliest is not None:
        # a period reported as done: the story is told after it
        spans = [(max(lo, earliest), hi) for lo, hi in (spans or [(earliest, today)]) if hi >= earliest] or spans
    return votes, spans


def story_year(text: str, today: dt.date = DATA_DATE) -> int | None:
    """The year a story with no date is told in, from what it says; None when it does not say."""
    return _decide(*story_evidence(text, today))


def _decide(votes: Counter[int], spans: list[tuple[dt.date, dt.date]]) -> int | None:
    """The best-voted year inside the spans; without votes, the one year the spans allow."""
    allowed = {y: v for y, v in votes.items() if not spans or any(lo.year <= y <= hi.year for lo, hi in spans)}
    if allowed:
        best = max(allowed.values())
        return max(y for y, v in allowed.items() if v == best)
    years = {y for lo, hi in spans for y in range(lo.year, hi.year + 1)}
    return years.pop() if len(years) == 1 else None


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _looks_back_from(text: str, year: int) -> bool:
    """A story that looks forward to a year before the page's ("sẽ ... vào đầu năm 2014" on a page dated
    2025): the page's date is a site's clock or a late reprint, not the story's."""
    earlier = [m for m in _YEAR.finditer(text) if int(m.group()) < year]
    if not earlier:
        return False  # (most pages: no year before the page's own, nothing to read)
    low = lowered(text)  # for the prefiltered pattern
    later = [int(m.group("y")) for y in earlier
             for m in _pf().later_year.finditer(text, low, max(0, y.start() - 130), y.end()) if m.end("y") == y.end()]
    return bool(later) and max(later) < year and not any(int(m.group()) >= year for m in _YEAR.finditer(text))


def reference_of(published: str | None, text: str, today: dt.date | None = None) -> Reference:
    """The page's date when it gives one; else the year the story tells, and the spans it can be told in.
    ``today`` (default: the data's review date, never the machine's clock) bounds the years."""
    date, year, month = _parse_published(published)
    if year is not None and not _looks_back_from(text, year):
        return Reference(date, year, month)
    votes, spans = story_evidence(text, today or DATA_DATE)
    return Reference(None, _decide(votes, spans), None, min((lo for lo, _ in spans), default=None),
                     max((hi for _, hi in spans), default=None), tuple(spans), recalled_after(text, today or DATA_DATE))


def format_date(year: int | None, month: int | None, day: int | None) -> str | None:
    if month is None:
        return f"{year:04d}" if year else None
    if year is None:
        return f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"


def _year_for(month: int, day: int | None, ref: Reference, planned: bool) -> int | None:
    """The year of a day/month told without one: an occurred act is on or before the page's date,
    a planned one on or after it."""
    if ref.date is None:
        year = ref.year
        if year is not None and ref.after is not None and not planned and year == ref.after.year and \
                dt.date(year, month, min(day or 1, 28)) < ref.after:
            year += 1  # "7/3" in a story that recalls "tháng 6/2023" and names no later year: March 2024
        if ref.windows:
            # the years in whose spans the day falls: the story's year if it is one of them, else the one,
            # else the earliest (two terms of one office holder: the archives hold more of the earlier)
            per_span = [[y for y in range(lo.year, hi.year + 1) if lo <= dt.date(y, month, min(day or 1, 28)) <= hi]
                        for lo, hi in ref.windows]
            fits = sorted({y for ys in per_span for y in ys})
            if year in fits:
                return year
            if ref.year in fits:
                return ref.year
            if fits and all(len(ys) <= 1 for ys in per_span):
                return fits[0]
            if fits:
                return None  # a term of several years: the day could be in any of them
        return year
    if ref.year is None:
        return None
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
    if expr.week is not None:  # "tuần trước": Monday to Sunday of the week before the page's
        if ref.date is None:
            return None, None, None
        monday = ref.date - dt.timedelta(days=ref.date.weekday()) + dt.timedelta(weeks=expr.week)
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), None
    if expr.month is None:
        return format_date(expr.year, None, None), None, expr.part_of_day
    year = expr.year or _year_for(expr.month, expr.day, ref, planned)
    start = format_date(year, expr.month, expr.day)
    end = None
    if expr.end_month is not None:
        end_year = expr.end_year or (year if year and (expr.end_month >= expr.month) else (year + 1 if year else None))
        end = format_date(end_year, expr.end_month, expr.end_day)
    return start, end, expr.part_of_day
