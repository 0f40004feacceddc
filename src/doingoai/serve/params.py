"""The API's and the dashboard's parameters, checked exactly as the CLI checks its options
(``store.filters``, ``resolve.states``): the same names, the same values, the same messages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from doingoai.errors import UsageError
from doingoai.resolve.states import resolve_state
from doingoai.store.filters import date_range, resolve_body, resolve_status, resolve_type
from doingoai.store.queries import EventFilter, find_people

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
    country, body, person = _given(q.country), _given(q.body), _given(q.person)
    etype, status, text = _given(q.type), _given(q.status), _given(q.text)
    dates = date_range(_given(q.since), _given(q.until))
    checked = EventFilter(
        country=resolve_state(country, "--country") if country else None,
        body=resolve_body(body) if body else None, person=person,
        type=resolve_type(etype) if etype else None,
        status=resolve_status(status) if status else None,
        since=dates.since, until=dates.until, text=text)
    if person is not None and not find_people(session, person):
        raise UsageError(f"--person {person!r}: nobody of that name in the knowledge base")
    return checked
