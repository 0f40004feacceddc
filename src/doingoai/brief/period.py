"""A period brief: the yardsticks of the ministry's reports (delegations out and in, top-level contacts, phone
calls, documents signed, upgrades) for a period against the same period a year before, from the numbers the
``stats`` command computes, each yardstick with the cited events behind it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from doingoai.brief.common import event_lines, words
from doingoai.brief.model import Brief, Section
from doingoai.errors import UsageError
from doingoai.store.queries import METRICS, EventFilter, EventRow, find_events, metrics_of, stats

__all__ = ["Period", "parse_period", "period_brief"]

_FORM = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Period:
    label: str  # "2025-H1"
    by: str  # the `stats` grouping that adds up to it: "month" or "year"
    keys: tuple[str, ...]  # the `stats` periods that make it up

    def previous(self) -> Period:
        """The same period a year before."""
        year = int(self.label[:4]) - 1
        return Period(f"{year}{self.label[4:]}", self.by, tuple(f"{year}{k[4:]}" for k in self.keys))


def parse_period(value: str) -> Period:
    """"2025", "2025-H1", "2025-Q3" or "2025-07"; anything else is refused with the forms it may take."""
    m = _FORM.match(value.strip())
    if not m:
        raise UsageError(f"--period {value!r}: write a year (2025), a half (2025-H1), a quarter (2025-Q3) "
                         "or a month (2025-07)")
    year, part = m[1], (m[2] or "").upper()
    if not part:
        return Period(year, "year", (year,))
    if part[0] in "HQ":
        size = 6 if part[0] == "H" else 3
        first = (int(part[1]) - 1) * size + 1
        return Period(f"{year}-{part}", "month", tuple(f"{year}-{mo:02d}" for mo in range(first, first + size)))
    if not 1 <= int(part) <= 12:
        raise UsageError(f"--period {value!r}: there is no month {part}")
    return Period(f"{year}-{part}", "month", (f"{year}-{part}",))


def _totals(session: Session, period: Period) -> dict[str, int]:
    rows = {r.period: r for r in stats(session, period.by)}
    return {m: sum(rows[k].values[m] for k in period.keys if k in rows) for m in METRICS}


def _in_period(e: EventRow, period: Period) -> bool:
    # the rule of `stats`: an event's own date, else the year of its first report
    day = e.date_start if e.date_start and e.date_start[:4].isdigit() else None
    if day is None:
        published = [str(src["published"]) for src in e.sources if src.get("published")]
        day = min(published)[:4] if published else None
    if day is None:
        return False
    key = day[:4] if period.by == "year" else (day[:7] if len(day) >= 7 else day[:4])
    return key in period.keys


def period_brief(session: Session, value: str, lang: str = "en") -> Brief:
    w = words(lang)
    period = parse_period(value)
    before = period.previous()
    now, then = _totals(session, period), _totals(session, before)
    events = [e for e in find_events(session, EventFilter()) if _in_period(e, period)]
    sections = []
    for metric in METRICS:
        counted = [e for e in events if metric in metrics_of(e)]
        change = now[metric] - then[metric]
        heading = w["metric_line"].format(metric=w["metrics"][metric], value=now[metric], previous=before.label,
                                          before=then[metric], change=f"{change:+d}")
        sections.append(Section(heading, event_lines(session, counted, lang)))
    return Brief(w["period_title"].format(period=period.label, previous=before.label), tuple(sections))
