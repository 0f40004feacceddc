"""Checking what a user asks the knowledge base for: event types, statuses, bodies, dates and periods.

Each check returns the canonical value or raises a ``UsageError`` that names the input and lists what
is valid, so that a typo is never answered with an empty result that looks like "nothing found".
The valid values come from the data files (``event_types.yaml``, ``bodies.tsv``), never from literals here.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from doingoai.analyse.gazetteer import gazetteer
from doingoai.errors import UsageError
from doingoai.extract.cues import EVENT_TYPES, event_types
from doingoai.lexicon import load_tsv

__all__ = [
    "MAX_NAME_CHARS", "MAX_QUERY_CHARS", "MAX_QUERY_TERMS", "PERIODS", "STATUSES", "DateRange", "body_keys",
    "date_range", "resolve_body", "resolve_period", "resolve_status", "resolve_type", "within_limit",
]

# The two statuses of the doingoai/1 contract (shared/spec/output-format.md, "status").
STATUSES = ("occurred", "planned")
PERIODS = ("month", "quarter", "year")

# How long a query argument may be. A name, a phrase or a search fits well inside; a pasted article does
# not, and would make every look-up scan the whole base once per word (a 40,000-word search took minutes).
MAX_NAME_CHARS = 200
MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 64


def within_limit(value: str | None, option: str, limit: int) -> str | None:
    """``value`` when it is at most ``limit`` characters long; else a ``UsageError`` naming ``option``."""
    if value is not None and len(value) > limit:
        raise UsageError(f"{option}: {len(value):,} characters is too long (at most {limit:,}): "
                         "give a name, words or a phrase, not a text")
    return value


_SEPARATORS = re.compile(r"[\s_\-]+")
_DAY = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _key(value: str) -> str:
    """"courtesy call", "Courtesy-Call" and "courtesy_call" are one key."""
    return _SEPARATORS.sub("_", unicodedata.normalize("NFC", value).strip().casefold()).strip("_")


@cache
def _type_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for etype, props in event_types().items():
        names = [etype, str(props.get("en", "")), *str(props.get("vi", "")).split(",")]
        for name in names:
            if name.strip():
                forms.setdefault(_key(name), etype)
    return forms


def resolve_type(value: str) -> str:
    """An event type from its key ("courtesy_call"), its English name ("courtesy call") or its
    Vietnamese name ("hội kiến"), whatever the case and the separators."""
    found = _type_forms().get(_key(value))
    if found is None:
        raise UsageError(f"--type {value!r}: unknown event type; one of: {', '.join(EVENT_TYPES)}")
    return found


def resolve_status(value: str) -> str:
    key = _key(value)
    if key not in STATUSES:
        raise UsageError(f"--status {value!r}: unknown status; one of: {', '.join(STATUSES)}")
    return key


@cache
def body_keys() -> tuple[str, ...]:
    """The keys of the multilateral bodies (``data/bodies.tsv``), in the file's order."""
    return tuple(row["key"] for row in load_tsv("bodies.tsv", ("key", "names", "acronyms", "note")))


def resolve_body(value: str) -> str:
    """A body's key from its key, acronym or name ("asean", "Liên hợp quốc"), case-insensitive."""
    keys = {k.casefold(): k for k in body_keys()}
    if value.strip().casefold() in keys:
        return keys[value.strip().casefold()]
    found = {e.value for e in gazetteer().lookup(value) if e.kind == "body"}
    if len(found) == 1:
        return found.pop()
    raise UsageError(f"--body {value!r}: unknown multilateral body; give its key or name "
                     f"(one of: {', '.join(body_keys())})")


def _day_bounds(value: str, option: str) -> tuple[dt.date, dt.date, str]:
    """The first and last day of a YYYY, YYYY-MM or YYYY-MM-DD value, and the value written in full."""
    m = _DAY.match(value.strip())
    hint = "write YYYY, YYYY-MM or YYYY-MM-DD"
    if not m:
        raise UsageError(f"{option} {value!r}: not a date; {hint}")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year:04d}"
        if day is None:
            first = dt.date(year, int(month), 1)
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            return first, last, f"{year:04d}-{int(month):02d}"
        exact = dt.date(year, int(month), int(day))
        return exact, exact, exact.isoformat()
    except ValueError as exc:
        raise UsageError(f"{option} {value!r}: no such date ({exc}); {hint}") from exc


@dataclass(frozen=True, slots=True)
class DateRange:
    since: str | None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD": the range starts with the first day of it
    until: str | None  # the range ends with the last day of it


def date_range(since: str | None, until: str | None) -> DateRange:
    """Checked ``--since``/``--until`` values: real dates, and the first not after the second."""
    lo = _day_bounds(since, "--since") if since is not None else None
    hi = _day_bounds(until, "--until") if until is not None else None
    if lo and hi and lo[0] > hi[1]:
        raise UsageError(f"--since {since!r} is after --until {until!r}")
    return DateRange(lo[2] if lo else None, hi[2] if hi else None)


_PERIOD = {"year": re.compile(r"^\d{4}$"), "quarter": re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE),
           "month": re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")}
_PERIOD_HINT = {"year": "YYYY (2024)", "quarter": "YYYY-Qn (2024-Q3)", "month": "YYYY-MM (2024-07)"}


def resolve_period(value: str, by: str) -> str:
    """A ``stats --compare`` period written as the ``--by`` periods are (2024, 2024-Q3, 2024-07)."""
    text = value.strip()
    if not _PERIOD[by].match(text):
        other = next((p for p, rx in _PERIOD.items() if p != by and rx.match(text)), None)
        reason = f"a {other}, but --by is {by}" if other else f"not a {by}"
        raise UsageError(f"--compare {value!r}: {reason}; write it as {_PERIOD_HINT[by]}")
    return text.upper()
