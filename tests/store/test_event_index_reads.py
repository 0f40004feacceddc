"""The writer reads from the database only the stored events a batch's reports could tell (``_units``), not
a key's whole history: for any stored dates and any report's date, the events read and placed are a
superset of the stored events ``resolve.dates.compatible`` accepts (or, undated, that repeat the report's
sentence), in the order of their ids, and a report of one year reads none of the key's other years."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, delete
from sqlalchemy.orm import Session

from doingoai.resolve.dates import compatible
from doingoai.store import schema as s
from doingoai.store.event_index import EventIndex, evidence_key
from doingoai.store.people import People

from .test_event_index_buckets import KEY, dates

OTHER = ("visit", "KR,VN", "", None)  # another key: never read for KEY's reports
Stored = tuple[tuple[str | None, str | None], str]


def _base(stored: list[Stored], other: list[Stored]) -> Session:
    """An in-memory base with ``stored`` events of KEY and ``other`` events of OTHER, each reported once."""
    engine = create_engine("sqlite://")
    s.Base.metadata.create_all(engine)
    session = Session(engine)
    for n, ((start, end), sentence) in enumerate([*stored, *other]):
        key = KEY if n < len(stored) else OTHER
        doc = s.Document(content_hash=str(n), source=f"p{n}.txt", text=sentence, folded=sentence, markup="text",
                         encoding="utf-8", extractor_version="t", ingested_at=dt.datetime(2026, 1, 1))
        event = s.Event(type=key[0], status="occurred", salience="main", date_start=start, date_end=end,
                        countries_key=key[1], bodies_key=key[2], initiator=key[3], n_sources=1)
        session.add_all([doc, event])
        session.flush()
        session.add(s.EventSource(event_id=event.id, document_id=doc.id, section="article", status="occurred",
                                  date_start=start, date_end=end, evidence=sentence, start=0, end=len(sentence)))
    session.flush()
    return session


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example([(("2023-12-30", None), "a")], [], ("--12-31", None), "a")  # a year-less report: any year
@example([(("--03-15", None), "a")], [], ("2024-03-16", None), "a")  # a year-less event, a dated report
@example([(("2024-12-31", None), "a")], [], ("2025-01-01", None), "a")  # the day of slack, across a new year
@example([(("2022-11-20", "2025-01-05"), "a")], [], ("2024-06", None), "a")  # a range over three years
@example([((None, None), "a"), ((None, None), "b")], [((None, None), "a")], (None, None), "a")  # undated
@given(st.lists(st.tuples(dates(), st.sampled_from(["a", "b"])), max_size=10),
       st.lists(st.tuples(dates(), st.sampled_from(["a", "b"])), max_size=3), dates(), st.sampled_from(["a", "b"]))
def test_the_events_read_hold_every_event_a_report_could_tell(stored: list[Stored], other: list[Stored],
                                                              report: tuple[str | None, str | None],
                                                              sentence: str) -> None:
    session = _base(stored, other)
    try:
        index = EventIndex()
        start, end = report
        index.load(session.connection(), People(), [(KEY, start, end)])
        found = index.candidates(KEY, start, end, evidence_key(sentence))
        assert [r.seq for r in found] == sorted(r.id or 0 for r in found)  # the order of the ids
        assert index.candidates(OTHER, start, end, evidence_key(sentence)) == []  # no other key read
        should = [n + 1 for n, ((a, b), said) in enumerate(stored)
                  if (start and a and compatible(a, b, start, end)) or (not start and not a and said == sentence)]
        assert [r.id for r in found if r.id in should] == should
    finally:
        session.close()


def test_a_report_of_one_year_reads_none_of_the_keys_other_years() -> None:
    """An archive's key holds a decade of acts; a batch of this week's news reads this year's (and the
    events that run into it), the year-less ones of its month and nothing else."""
    stored: list[Stored] = [((f"{year}-{month:02d}-10", None), "a") for year in range(2015, 2025) for month in (3, 9)]
    stored += [(("2023-12-20", "2024-01-05"), "a"), (("--09-10", None), "a"), (("--03-09", None), "a"),
               ((None, None), "a")]
    session = _base(stored, [])
    try:
        index = EventIndex()
        index.load(session.connection(), People(), [(KEY, "2024-09-11", None)])
        assert len(index) == 4  # 2024-03-10, 2024-09-10, the range into 2024, "--09-10"
        assert [r.date_start for r in index.candidates(KEY, "2024-09-11", None, "a")] == ["2024-09-10", "--09-10"]
        index.load(session.connection(), People(), [(KEY, "2024-09-12", None)])  # nothing more to read
        assert len(index) == 4
        index.load(session.connection(), People(), [(KEY, None, None)])  # an undated report: the undated one
        assert len(index) == 5
    finally:
        session.close()


def test_an_event_gone_since_its_key_was_scanned_is_not_read() -> None:
    """``ingest --reprocess`` deletes the events whose last report it forgets: one the index had only noted (a
    year no report had touched yet) is simply not there when a later batch reads that year."""
    session = _base([(("2019-05-10", None), "a"), (("2019-05-11", None), "a"), (("2024-09-10", None), "a")], [])
    try:
        index = EventIndex()
        index.load(session.connection(), People(), [(KEY, "2024-09-10", None)])  # 2019 noted, not read
        session.execute(delete(s.EventSource).where(s.EventSource.event_id == 1))
        session.execute(delete(s.Event).where(s.Event.id == 1))
        index.load(session.connection(), People(), [(KEY, "2019-05-10", None)])
        assert [r.id for r in index.candidates(KEY, "2019-05-10", None, "a")] == [2]
    finally:
        session.close()
