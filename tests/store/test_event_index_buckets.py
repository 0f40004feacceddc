"""The event index's buckets never hide an event a report could tell: for any stored dates (days, months,
years, ranges across a new year, year-less dates, none) and any report's date, every stored event whose
date ``resolve.dates.compatible`` accepts is among the candidates, and so is every undated event one of
whose reports has the same sentence."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given, settings
from hypothesis import strategies as st

from doingoai.resolve.dates import compatible
from doingoai.store.event_index import EventIndex, EventRec

KEY = ("visit", "JP,VN", "", None)
# dates anywhere, and dates crowded around month and year ends, where buckets meet
days = st.one_of(
    st.dates(min_value=dt.date(2014, 1, 1), max_value=dt.date(2026, 12, 31)),
    st.builds(lambda y, m, d: dt.date(y, m, min(d, 28 if m == 2 else 30 if m in (4, 6, 9, 11) else 31)),
              st.sampled_from([2023, 2024]), st.sampled_from([1, 2, 12]), st.sampled_from([1, 2, 28, 30, 31])))


@st.composite
def dates(draw: st.DrawFn) -> tuple[str | None, str | None]:
    day = draw(days)
    kind = draw(st.sampled_from(["day", "range", "month", "year", "yearless", "yearless-month", "none"]))
    if kind == "day":
        return day.isoformat(), None
    if kind == "range":  # a visit of a few days, or weeks, maybe across a new year
        return day.isoformat(), (day + dt.timedelta(days=draw(st.integers(1, 60)))).isoformat()
    if kind == "month":
        return day.isoformat()[:7], None
    if kind == "year":
        return day.isoformat()[:4], None
    if kind == "yearless":
        return "-" + day.isoformat()[4:], None
    if kind == "yearless-month":
        return "-" + day.isoformat()[4:7], None
    return None, None


def _rec(start: str | None, end: str | None, evidence: str) -> EventRec:
    rec = EventRec(None, KEY[0], KEY[1], KEY[2], KEY[3], "occurred", "main", start, end, None, None, None, 1)
    if not start:
        rec.reprints.append((evidence, None))
    return rec


@settings(max_examples=500, deadline=None)
@example([(("2023-12-30", None), "a")], ("--12-31", None), "a")  # a year-less date, a day apart
@example([(("--03-15", None), "a")], ("2024-03-16", None), "a")
@example([(("2024-12-31", None), "a")], ("2025-01-01", None), "a")  # the day of slack, across a new year
@example([(("2024-11-20", "2025-01-05"), "a")], ("2024-12", None), "a")  # a range over three months
@example([((None, None), "a"), ((None, None), "b")], (None, None), "b")  # undated: the same sentence
@given(st.lists(st.tuples(dates(), st.sampled_from(["a", "b"])), max_size=12), dates(),
       st.sampled_from(["a", "b"]))
def test_every_event_a_report_could_tell_is_a_candidate(stored: list[tuple[tuple[str | None, str | None], str]],
                                                         report: tuple[str | None, str | None], evidence: str) -> None:
    index = EventIndex()
    recs = [_rec(start, end, sentence) for (start, end), sentence in stored]
    for rec in recs:
        index.add(rec)
    start, end = report
    found = index.candidates(KEY, start, end, evidence)
    assert found == sorted(found, key=lambda r: r.seq)  # in the order they were stored
    assert len({id(r) for r in found}) == len(found)
    for rec in recs:
        if start and rec.date_start:
            should = compatible(rec.date_start, rec.date_end, start, end)
        else:
            should = not start and not rec.date_start and any(e == evidence for e, _ in rec.reprints)
        if should:
            assert rec in found, (rec.date_start, rec.date_end, start, end)


@given(dates(), dates())
def test_an_event_redated_is_found_by_its_new_date(old: tuple[str | None, str | None],
                                                   new: tuple[str | None, str | None]) -> None:
    index = EventIndex()
    rec = _rec(old[0] or "--01-01", old[1] if old[0] else None, "a")
    index.add(rec)
    if new[0]:
        rec.date_start, rec.date_end = new
        index.place(rec)
        assert rec in index.candidates(KEY, new[0], new[1], "a") or not compatible(new[0], new[1], new[0], new[1])


def test_a_gone_event_is_no_candidate() -> None:
    index = EventIndex()
    rec = _rec("2025-03-10", None, "a")
    index.add(rec)
    assert index.candidates(KEY, "2025-03-10", None, "a") == [rec]
    rec.gone = True
    assert index.candidates(KEY, "2025-03-10", None, "a") == []
    assert index.candidates(("talks", "JP,VN", "", None), "2025-03-10", None, "a") == []
