"""The API's and the dashboard's parameters, checked exactly as the CLI checks its options
(``store.filters``, ``resolve.states``): the same names, the same values, the same messages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from doingoai.store.queries import EventFilter, checked_filter, ensure_person

__all__ = ["EventQuery", "api_message", "event_filter"]

_OPTION = re.compile(r"(?<![\w-])--(?=[a-z])")


def api_message(message: str) -> str:
    """A library message names CLI options (``--type 'x': unknown event type``); the API's parameters have
    the same names without the dashes."""
    return _OPTION.sub("", message)


@dataclass(frozen=True, slots=True)
class EventQuery:
    country: str | None = None
    body: str | None = None
    person: str | None = None
    type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None


def _given(value: str | None) -> str | None:
    """An empty field of the dashboard's form is no filter."""
    return value if value is not None and value.strip() else None


def event_filter(session: Session, q: EventQuery) -> EventFilter:
    """The checked filter of ``doingoai events``: a ``UsageError`` naming the parameter for a bad value."""
    checked = checked_filter(_given(q.country), _given(q.body), _given(q.person), _given(q.type),
                             _given(q.status), _given(q.since), _given(q.until), _given(q.text))
    ensure_person(session, checked)
    return checked
