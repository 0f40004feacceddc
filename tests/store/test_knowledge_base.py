"""The knowledge base on SQLite and on a real PostgreSQL server: ingest, resolution, queries, exports."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from doingoai.export.tables import export
from doingoai.store import schema as s
from doingoai.store.engine import make_engine
from doingoai.store.ingest import ingest, reprocess
from doingoai.store.queries import (
    EventFilter,
    country_profile,
    find_events,
    person_profile,
    search_documents,
    stats,
)

from . import fixtures as fx


def counts(db: str) -> dict[str, int]:
    with Session(make_engine(db)) as session:
        return {m.__tablename__: session.scalar(select(func.count()).select_from(m)) or 0
                for m in (s.Document, s.Event, s.EventSource, s.Person, s.Relation, s.RelationSource, s.Figure)}


def test_three_reports_of_one_act_are_one_event(db_url: str, tmp_path: Path) -> None:
    paths = fx.write(tmp_path / "three", fx.THREE_REPORTS)
    record = fx.write_record(tmp_path / "three.jsonl", fx.THIRD_RECORD)
    summary = ingest([*paths, record], db=db_url)
    assert (summary.new, summary.skipped, summary.failed) == (3, 0, [])
    with Session(make_engine(db_url)) as session:
        talks = find_events(session, EventFilter(type="talks"))
        assert len(talks) == 1
        event = talks[0]
        assert event.countries == ["CL", "VN"]
        assert event.n_sources == 3
        assert event.date_start == "2025-03-10"  # the most precise date of the three reports
        assert {src["source"] for src in event.sources} == {*paths, "outlet-c"}
        names = {p["name"] for p in event.participants}
        assert names == {"Lương Cường", "Gabriel Boric Font"}  # "Gabriel Boric" is the same person


def test_ingesting_twice_adds_nothing(db_url: str, tmp_path: Path) -> None:
    paths = fx.write(tmp_path / "t", fx.TITLES_OVER_TIME)
    first = ingest(paths, db=db_url)
    before = counts(db_url)
    again = ingest(paths, db=db_url)
    assert first.new == 3
    assert (again.new, again.skipped) == (0, 3)
    assert counts(db_url) == before


def test_titles_over_time(db_url: str, tmp_path: Path) -> None:
    ingest(fx.write(tmp_path / "t", fx.TITLES_OVER_TIME), db=db_url)
    with Session(make_engine(db_url)) as session:
        [person] = person_profile(session, "to lam")  # diacritics optional
        assert person.country == "VN"
        assert [(t["title"], t["first_seen"]) for t in person.titles] == [
            ("Chủ tịch nước", "2024-06-03"), ("Tổng Bí thư, Chủ tịch nước", "2024-09-25"),
            ("Tổng Bí thư", "2025-01-14")]
        assert {e.type for e in person.events} == {"reception", "talks"}
        assert len(person.events) == 3


def test_relation_history_and_upgrades(db_url: str, tmp_path: Path) -> None:
    ingest(fx.write(tmp_path / "u", fx.UPGRADES), db=db_url)
    with Session(make_engine(db_url)) as session:
        profile = country_profile(session, "AU")
        assert profile.current_level == "comprehensive_strategic_partnership"
        assert profile.current_since == 2024
        levels = {r["level"]: r for r in profile.relations}
        assert levels["strategic_partnership"]["since"] == 2018
        assert levels["comprehensive_partnership"]["first_mention"] == "2015-03-16"
        assert all(r["evidence"] for r in profile.relations)
        assert [e.date_start for e in profile.upgrades] == ["2024-03-07", "2018-03-15"]


def test_stats_search_and_exports(db_url: str, tmp_path: Path) -> None:
    ingest([*fx.write(tmp_path / "u", fx.UPGRADES), *fx.write(tmp_path / "t", fx.TITLES_OVER_TIME)], db=db_url)
    with Session(make_engine(db_url)) as session:
        by_year = {r.period: r.values for r in stats(session, "year")}
        assert by_year["2018"]["upgrades"] == 1
        assert by_year["2024"]["top_level_contacts"] >= 2
        quarters = stats(session, "quarter", compare="2015-Q1")
        assert [r.period for r in quarters] == ["2015-Q1", "2025-Q1"]
        assert search_documents(session, "Canberra")
        plain = search_documents(session, "Đối tác chiến lược toàn diện")
        folded = search_documents(session, "doi tac chien luoc toan dien", ignore_diacritics=True)
        assert [h.id for h in plain] == [h.id for h in folded]
        assert not search_documents(session, "doi tac chien luoc toan dien")  # tone marks matter by default
        n = export(session, "events", "csv", tmp_path / "events.csv")
        assert n == len(find_events(session, EventFilter()))
        assert (tmp_path / "events.csv").read_text(encoding="utf-8").startswith("event_id,type,")
        export(session, "relations", "jsonl", tmp_path / "rel.jsonl")
        rows = [json.loads(x) for x in (tmp_path / "rel.jsonl").read_text(encoding="utf-8").splitlines()]
        assert {r["level"] for r in rows} >= {"strategic_partnership", "comprehensive_strategic_partnership"}
        export(session, "plover", "parquet", tmp_path / "plover.parquet")
        table = pq.read_table(tmp_path / "plover.parquet").to_pylist()
        upgrade = next(r for r in table if r["doingoai_type"] == "relation_upgrade")
        # an upgrade is diplomatic cooperation (CAMEO 050), not "grant diplomatic recognition" (054)
        assert (upgrade["source_actor"], upgrade["target_actor"], upgrade["cameo_code"]) == ("VNM", "AUS", "050")
        reception = next(r for r in table if r["doingoai_type"] == "reception")
        assert reception["cameo_code"] == "043"
        assert reception["plover_event_type"] == "CONSULT"


def test_reprocess_keeps_the_same_facts(db_url: str, tmp_path: Path) -> None:
    ingest(fx.write(tmp_path / "u", fx.UPGRADES), db=db_url)
    before = counts(db_url)
    with Session(make_engine(db_url)) as session:
        session.execute(s.Document.__table__.update().values(extractor_version="0.0.0"))
        session.commit()
    result = reprocess(db=db_url)
    assert result.reprocessed == 3
    assert counts(db_url) == before
    assert reprocess(db=db_url).reprocessed == 0  # nothing is out of date any more


def test_a_bad_page_does_not_sink_the_batch(db_url: str, tmp_path: Path) -> None:
    paths = fx.write(tmp_path / "t", fx.TITLES_OVER_TIME)
    (tmp_path / "t" / "empty.txt").write_bytes(b"")
    summary = ingest([str(tmp_path / "t")], db=db_url)
    assert summary.new == 3
    assert [f.source.endswith("empty.txt") for f in summary.failed] == [True]
    assert len(paths) == counts(db_url)["documents"]


@pytest.mark.parametrize("batch", [1, 7])
def test_batches_store_everything_once(tmp_path: Path, batch: int) -> None:
    db = str(tmp_path / "kb.sqlite")
    pages = fx.many_pages(tmp_path / "many", 20)
    assert ingest([str(tmp_path / "many")], db=db, batch_size=batch).new == len(pages)
    assert counts(db)["documents"] == 20
