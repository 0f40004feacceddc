"""The stored events a writer can match a report against, kept in memory across batches and looked up by
date, so that the cost of resolving a report does not grow with the knowledge base.

A report can only tell the same act as a stored event of its key (type, states, bodies, sender) whose date
is compatible with its own (``resolve.dates.compatible``), or, when neither is dated, whose reports repeat
its evidence sentence. So each key's events are kept in buckets — dated events by every (year, month)
their interval covers and by the month and day they start, year-less ones ("--03-15") by their month and
day, undated ones by the evidence of their reports — and a report is compared with the events of its own
buckets only, in the order they were stored (the first that fits is the one it joins, as when every event
of the key was compared).

Stored events are read from the database when a batch first needs them, once per run, and only those its
reports' dates can match (``_units``): for a report dated in some year, the key's events that cover that
year (or the one before or after it, for a report a day from a new year) and its year-less events of that
month; for a year-less report, the key's events of that month in any year; for an undated report, the
key's undated events. So a small batch into a large base reads the few years it touches, not the key's
whole history. The index is dropped, and read again as needed, whenever the database may hold what it
does not: when another process stored a batch since this writer's last (the write counter,
``schema.WriteCounter``, did not move by one), when a batch failed, and when the people index was
reloaded (participants are the people index's records). Events whose reports were forgotten (``ingest
--reprocess``) are read again.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import count
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, and_, or_, select

from doingoai.clean.normalize import fold
from doingoai.resolve.dates import interval, month_day
from doingoai.store import schema as s
from doingoai.store.people import People, PersonRec

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement

    from doingoai.model import Event

__all__ = ["EventIndex", "EventKey", "EventRec", "any_of", "evidence_key"]

EventKey = tuple[str, str, str, str | None]  # type, states, bodies, the sender of a directed act

# the slack of ``resolve.dates.compatible``: reports of one act may date it a day apart (time zones)
_SLACK = dt.timedelta(days=1)

# Keys looked up per query: an OR of this many equalities stays well inside SQLite's expression depth
_KEYS_PER_QUERY = 100
# The order of the index is the order of the ids: a stored event's place is its id, a new event's (its id is
# not known until its batch is written, and will be larger than every stored one's) comes after all of them,
# in the order the events were made. Stored events are read a part at a time (``_units``), in any order.
_NEW = 1 << 62

# What a batch reads of a key (type, states, bodies) at a time: ("year", Y) the dated events whose interval
# covers year Y; ("yearless", M) the year-less events of month M; ("month", M) the dated events that start in
# month M, any year; ("undated", 0) the undated ones
Unit = tuple[tuple[str, str, str], str, int]
Report = tuple[EventKey, str | None, str | None]  # a report's key and date (start, end)


@lru_cache(maxsize=1 << 15)
def evidence_key(text: str) -> str:
    """An evidence sentence as reprints repeat it: case, diacritics and spacing aside."""
    # cached: an undated event's reports are compared with every report of its key
    return " ".join(fold(text).split())


def any_of(columns: Sequence[Any], keys: Sequence[tuple[Any, ...]]) -> Iterator[ColumnElement[bool]]:
    """Conditions that together match the rows whose ``columns`` equal one of ``keys``, as an OR of
    equalities, which both databases answer from an index (``(a, b) IN (VALUES ...)`` of several rows makes
    SQLite scan the whole table: a candidate look-up that grows with the knowledge base)."""
    for at in range(0, len(keys), _KEYS_PER_QUERY):
        chunk = keys[at:at + _KEYS_PER_QUERY]
        yield or_(*(and_(*(c == v for c, v in zip(columns, key, strict=True))) for key in chunk))


@dataclass(eq=False, slots=True)
class EventRec:
    """An event as the writer knows it; ``id`` is None until its batch is written."""

    id: int | None
    type: str
    countries_key: str
    bodies_key: str
    initiator: str | None  # a directed act's sender (messages, statements, protests), else None
    status: str
    salience: str
    date_start: str | None
    date_end: str | None
    part_of_day: str | None
    place_name: str | None
    place_country: str | None
    n_sources: int
    people: dict[PersonRec, str | None] = field(default_factory=dict)  # participant -> their state
    new_people: list[tuple[PersonRec, str | None, str | None, str | None]] = field(default_factory=list)
    reprints: list[tuple[str, str | None]] = field(default_factory=list)  # undated: (evidence key, published)
    sources: list[tuple[Any, Event]] = field(default_factory=list)  # this batch's reports: (document, event)
    dirty: bool = False  # changed by this batch
    gone: bool = False  # deleted: its last report was forgotten
    seq: int = 0  # the order of the index: stored events by id, then new ones as they were made (``_NEW``)


@dataclass(slots=True)
class _Buckets:
    """The events of one key by what a report's date can match."""

    # dated events by every (year, month) their interval covers: for a dated report
    by_month: defaultdict[tuple[int, int], list[EventRec]] = field(default_factory=lambda: defaultdict(list))
    # events by the (month, day or None) of their start, with a year or without: for a report whose date, or
    # the event's, has no year (then month and day must agree)
    dated_by_day: defaultdict[tuple[int, int | None], list[EventRec]] = field(
        default_factory=lambda: defaultdict(list))
    yearless_by_day: defaultdict[tuple[int, int | None], list[EventRec]] = field(
        default_factory=lambda: defaultdict(list))
    # undated events by the sentences of their reports
    by_evidence: defaultdict[str, list[EventRec]] = field(default_factory=lambda: defaultdict(list))


class EventIndex:
    def __init__(self) -> None:
        self._order = count(1)
        self.clear()

    def clear(self) -> None:
        self._keys: dict[EventKey, _Buckets] = {}
        self._read: set[Unit] = set()
        # the stored events of each key scanned, not read yet, by unit: ("year", 2024) -> ids
        self._scanned: dict[tuple[str, str, str], defaultdict[tuple[str, int], list[int]]] = {}
        self._by_id: dict[int, EventRec] = {}
        self._turn: int | None = None
        self._people: People | None = None
        self._people_generation = -1

    # --- keeping in step with the database ----------------------------------------------------------

    def check(self, turn: int, people: People) -> None:
        """Drop the index unless this writer stored the batch before ``turn`` (the write counter this batch
        moved it to) with the same people index (call before a batch)."""
        if self._turn is None or turn != self._turn + 1 or self._people is not people or (
                self._people_generation != people.generation):
            self.clear()
        self._people, self._people_generation = people, people.generation

    def written(self, turn: int, recs: Iterable[EventRec]) -> None:
        """The batch of ``turn`` was written: its events hold no more of its reports."""
        for rec in recs:
            assert rec.id is not None  # (written)
            self._by_id[rec.id] = rec
            rec.sources.clear()
            rec.new_people.clear()
            rec.dirty = False
        self._turn = turn

    def forgotten(self, conn: Connection, event_ids: Sequence[int]) -> None:
        """Events lost reports (``store.forget``): read their counts and reprints again; the ones deleted go."""
        known = [i for i in event_ids if i in self._by_id]
        if not known:
            return
        ev = s.Event
        left: dict[int, int] = dict(conn.execute(select(ev.id, ev.n_sources).where(ev.id.in_(known))).all())
        undated = []
        for i in known:
            rec = self._by_id[i]
            if i not in left:
                rec.gone = True
                del self._by_id[i]
                continue
            rec.n_sources = left[i]
            if not rec.date_start:
                rec.reprints.clear()
                undated.append(i)
        if undated:
            self._read_reprints(conn, undated)
        for i in undated:
            self.place(self._by_id[i])

    def _read_reprints(self, conn: Connection, ids: list[int]) -> None:
        for event_id, evidence, published in conn.execute(
                select(s.EventSource.event_id, s.EventSource.evidence, s.Document.published).distinct()
                .join(s.Document, s.Document.id == s.EventSource.document_id)
                .where(s.EventSource.event_id.in_(ids))):
            self._by_id[event_id].reprints.append((evidence_key(evidence), published))

    # --- reading keys -------------------------------------------------------------------------------

    def load(self, conn: Connection, people: People, reports: Iterable[Report]) -> None:
        """Read the stored events that reports of these keys and dates (start, end) could tell, where this
        index does not hold them yet."""
        wanted = {unit for key, start, end in reports for unit in _units(key, start, end)} - self._read
        if not wanted:
            return
        self._read.update(wanted)
        self._scan(conn, sorted({kind for kind, _, _ in wanted} - self._scanned.keys()))
        ids = sorted({i for kind, what, n in wanted for i in self._scanned[kind].pop((what, n), ())
                      if i not in self._by_id})
        if not ids:
            return
        ev = s.Event
        columns = (ev.id, ev.type, ev.countries_key, ev.bodies_key, ev.initiator, ev.status, ev.salience,
                   ev.date_start, ev.date_end, ev.part_of_day, ev.place_name, ev.place_country, ev.n_sources)
        by_id: dict[int, EventRec] = {}
        for at in range(0, len(ids), 10_000):  # (bounded IN lists)
            chunk = ids[at:at + 10_000]
            rows: Any = conn.execute(select(*columns).where(ev.id.in_(chunk))).all()
            by_id.update((row[0], EventRec(*row)) for row in rows)  # (the columns in field order)
            for event_id, person_id, country in conn.execute(
                    select(s.EventParticipant.event_id, s.EventParticipant.person_id, s.EventParticipant.country)
                    .where(s.EventParticipant.event_id.in_(chunk))):
                person = people.by_id.get(person_id)
                if person is not None:
                    by_id[event_id].people[person] = country
        ids = [i for i in ids if i in by_id]  # (an event scanned may since be gone: ``ingest --reprocess``)
        self._by_id.update(by_id)
        undated = [i for i in ids if not by_id[i].date_start]
        for at in range(0, len(undated), 10_000):
            self._read_reprints(conn, undated[at:at + 10_000])
        for event_id in ids:
            rec = by_id[event_id]
            rec.seq = event_id
            self.place(rec)

    def _scan(self, conn: Connection, kinds: Sequence[tuple[str, str, str]]) -> None:
        """Note the ids of the stored events of ``kinds`` (type, states, bodies) by the units that hold them,
        from their dates alone (a short row each, read once per run): most of a key's history is in years no
        report of the run comes near, and is never read whole."""
        ev = s.Event
        for kind in kinds:
            self._scanned[kind] = defaultdict(list)
        for where in any_of((ev.type, ev.countries_key, ev.bodies_key), kinds):
            # (all rows at once: the driver's fetchall, not a fetch per row)
            dates: Any = conn.execute(select(ev.id, ev.type, ev.countries_key, ev.bodies_key, ev.date_start,
                                             ev.date_end).where(where)).all()
            for event_id, type_, countries, bodies, start, end in dates:
                kind = (type_, countries, bodies)
                units = self._scanned[kind]
                for _, what, n in _held_in(kind, start, end):
                    units[what, n].append(event_id)

    def __len__(self) -> int:
        """The stored events held (read or written by this writer)."""
        return len(self._by_id)

    # --- the buckets --------------------------------------------------------------------------------

    def add(self, rec: EventRec) -> None:
        """Put a new event in its buckets; it comes after every stored event and the new ones made before it."""
        rec.seq = _NEW + next(self._order)
        self.place(rec)

    def place(self, rec: EventRec) -> None:
        """Put ``rec`` in the buckets its date (or its reports) now call for. An event is never taken out of
        a bucket: a report compares itself with every event its buckets hold, and a date only ever becomes
        more precise, so an event left in a bucket it no longer needs only costs a comparison."""
        buckets = self._keys.setdefault((rec.type, rec.countries_key, rec.bodies_key, rec.initiator), _Buckets())
        if not rec.date_start:
            for evidence, _ in rec.reprints:
                _put(buckets.by_evidence[evidence], rec)
            return
        span = interval(rec.date_start, rec.date_end)
        md = month_day(rec.date_start)
        if span is not None:
            for month in _months(span[0], span[1]):
                _put(buckets.by_month[month], rec)
            if md is not None:
                _put(buckets.dated_by_day[md], rec)
        elif md is not None:
            _put(buckets.yearless_by_day[md], rec)

    def reprinted(self, rec: EventRec, evidence: str, published: str | None) -> None:
        """An undated event's new report: one more sentence its reprints can repeat."""
        rec.reprints.append((evidence, published))
        buckets = self._keys[(rec.type, rec.countries_key, rec.bodies_key, rec.initiator)]
        _put(buckets.by_evidence[evidence], rec)

    def candidates(self, key: EventKey, start: str | None, end: str | None, evidence: str) -> list[EventRec]:
        """The events of ``key`` that a report dated ``start``..``end`` (or undated, with this evidence
        sentence) could tell, in the index's order: every event whose date is compatible with it, and maybe
        a few more."""
        buckets = self._keys.get(key)
        if buckets is None:
            return []
        found: list[EventRec] = []
        if not start:
            found += buckets.by_evidence.get(evidence, ())
        else:
            span = interval(start, end)
            md = month_day(start)
            if span is not None:
                for month in _months(span[0] - _SLACK, span[1] + _SLACK):
                    found += buckets.by_month.get(month, ())
                if md is not None:
                    for day in _days_near(md):
                        found += buckets.yearless_by_day.get(day, ())
            elif md is not None:  # a year-less date matches a date of any year with its month and day
                for day in _days_near(md):
                    found += buckets.dated_by_day.get(day, ())
                    found += buckets.yearless_by_day.get(day, ())
        return sorted((r for r in dict.fromkeys(found) if not r.gone), key=lambda r: r.seq)


def _units(key: EventKey, start: str | None, end: str | None) -> list[Unit]:
    """What a batch must have read of the stored events of ``key`` for a report dated ``start``..``end``: the
    parts of the key that hold every bucket ``candidates`` looks in for it."""
    kind = key[:3]
    if not start:
        return [(kind, "undated", 0)]
    span = interval(start, end)
    md = month_day(start)
    units: list[Unit] = []
    if span is not None:
        units += [(kind, "year", y) for y in range((span[0] - _SLACK).year, (span[1] + _SLACK).year + 1)]
        if md is not None:
            units.append((kind, "yearless", md[0]))
    elif md is not None:
        units += [(kind, "month", md[0]), (kind, "yearless", md[0])]
    return units


def _held_in(kind: tuple[str, str, str], start: str | None, end: str | None) -> Iterator[Unit]:
    """The units that hold an event of ``kind`` dated ``start``..``end``: those of the buckets ``place`` puts
    it in."""
    if not start:
        yield kind, "undated", 0
        return
    span = interval(start, end)
    md = month_day(start)
    if span is not None:
        for year in range(span[0].year, span[1].year + 1):
            yield kind, "year", year
        if md is not None:
            yield kind, "month", md[0]
    elif md is not None:
        yield kind, "yearless", md[0]


def _months(first: dt.date, last: dt.date) -> Iterator[tuple[int, int]]:
    """The (year, month) of every month from ``first`` to ``last``."""
    for at in range(first.year * 12 + first.month - 1, last.year * 12 + last.month):
        year, month = divmod(at, 12)
        yield year, month + 1


def _days_near(md: tuple[int, int | None]) -> list[tuple[int, int | None]]:
    """The (month, day) buckets a month and day can agree with (``compatible``): the same month, a day
    apart at most, or no day on either side."""
    month, day = md
    if day is None:
        return [(month, d) for d in (None, *range(1, 32))]
    return [(month, None), (month, day - 1), (month, day), (month, day + 1)]


def _put(bucket: list[EventRec], rec: EventRec) -> None:
    if not bucket or bucket[-1] is not rec:  # (an event placed again after a merge is put once)
        bucket.append(rec)
