"""The REST API over real HTTP on loopback, against SQLite and PostgreSQL: the same answers and the
same refusals as the CLI's library functions."""

from __future__ import annotations

import csv
import io
import re

import orjson
import pyarrow.parquet as pq
import pytest
from sqlalchemy.orm import Session

from doingoai.store.engine import open_knowledge_base
from doingoai.store.queries import EventFilter, find_events
from tests.serve.conftest import Live


def test_health_counts_the_documents(live: Live) -> None:
    r = live.client.get("/api/v1/health")
    assert r.status_code == 200
    assert r.json()["documents"] >= 10


def _ids(live: Live, **params: object) -> list[int]:
    r = live.client.get("/api/v1/events", params={"limit": 500, **params})
    assert r.status_code == 200, r.text
    return [e["id"] for e in r.json()["items"]]


@pytest.mark.parametrize(("params", "f"), [
    ({}, EventFilter()),
    ({"country": "Hàn Quốc"}, EventFilter(country="KR")),
    ({"country": "JPN", "since": "2023"}, EventFilter(country="JP", since="2023")),
    ({"type": "Phone Call"}, EventFilter(type="phone_call")),
    ({"status": "occurred", "until": "2024-06"}, EventFilter(status="occurred", until="2024-06")),
    ({"person": "pham minh chinh"}, EventFilter(person="pham minh chinh")),
    ({"text": "Kishida"}, EventFilter(text="Kishida")),
])
def test_events_are_the_cli_events(live: Live, params: dict[str, str], f: EventFilter) -> None:
    engine = open_knowledge_base(live.db)
    try:
        with Session(engine) as session:
            expected = [e.id for e in find_events(session, f)]
    finally:
        engine.dispose()
    assert expected, f"the fixture has events for {params}"
    assert _ids(live, **params) == expected


@pytest.mark.parametrize(("params", "named"), [
    ({"type": "dance"}, "type 'dance': unknown event type"),
    ({"status": "maybe"}, "status 'maybe': unknown status"),
    ({"country": "Atlantis"}, "country 'Atlantis': unknown state"),
    ({"body": "XYZQ"}, "body 'XYZQ': unknown multilateral body"),
    ({"since": "2024-13"}, "since '2024-13': no such date"),
    ({"since": "2025", "until": "2024"}, "since '2025' is after until '2024'"),
    ({"person": "Zzyzx Qwerty"}, "person 'Zzyzx Qwerty': nobody of that name"),
    ({"limit": "501"}, "limit '501': Input should be less than or equal to 500"),
    ({"offset": "-1"}, "offset '-1'"),
    ({"sort": "random"}, "sort 'random'"),
])
def test_bad_filters_are_422_naming_parameter_and_value(live: Live, params: dict[str, str], named: str) -> None:
    r = live.client.get("/api/v1/events", params=params)
    assert r.status_code == 422
    assert named in r.json()["detail"]


def test_pages_cover_the_result_once_in_each_order(live: Live) -> None:
    every = _ids(live)
    pages = []
    for offset in range(0, len(every), 3):
        r = live.client.get("/api/v1/events", params={"limit": 3, "offset": offset}).json()
        assert r["total"] == len(every)
        pages += [e["id"] for e in r["items"]]
    assert pages == every
    oldest = live.client.get("/api/v1/events", params={"sort": "oldest", "limit": 500}).json()["items"]
    dated = [e["date_start"] for e in oldest if e["date_start"] and e["date_start"][0].isdigit()]
    assert dated == sorted(dated)
    most = live.client.get("/api/v1/events", params={"sort": "most_sources", "limit": 500}).json()["items"]
    assert [e["n_sources"] for e in most] == sorted((e["n_sources"] for e in most), reverse=True)
    assert most[0]["n_sources"] >= 2  # the act told by three outlets


def test_one_event_and_a_missing_one(live: Live) -> None:
    first = _ids(live)[0]
    r = live.client.get(f"/api/v1/events/{first}")
    assert r.status_code == 200
    assert r.json()["id"] == first
    assert r.json()["sources"]
    assert live.client.get("/api/v1/events/999999").status_code == 404
    assert live.client.get(f"/api/v1/events/{10**30}").status_code == 404


def test_state_profile_and_partners(live: Live) -> None:
    r = live.client.get("/api/v1/states/Nhật Bản")
    assert r.status_code == 200
    profile = r.json()
    assert profile["code"] == "JP"
    assert profile["current_level"] == "comprehensive_strategic_partnership"
    assert profile["contacts_by_year"]
    partners = {p["code"]: p for p in live.client.get("/api/v1/states").json()}
    assert partners["JP"]["level"] == "comprehensive_strategic_partnership"
    assert partners["KR"]["contacts"] >= 2
    r = live.client.get("/api/v1/states/Atlantis")
    assert r.status_code == 422
    assert "state 'Atlantis': unknown state" in r.json()["detail"]


def test_people_titles_and_events(live: Live) -> None:
    found = live.client.get("/api/v1/people", params={"name": "Tô Lâm"}).json()
    assert len(found) == 1
    titles = [t["title"] for t in found[0]["titles"]]
    assert len(titles) >= 2  # President, then General Secretary
    one = live.client.get(f"/api/v1/people/{found[0]['id']}").json()
    assert one["name"] == found[0]["name"]
    assert one["events"]
    assert live.client.get("/api/v1/people/999999").status_code == 404


def test_relations_and_figures(live: Live) -> None:
    rel = live.client.get("/api/v1/relations", params={"country": "JP"}).json()
    assert rel["total"] >= 1
    assert all("JP" in (r["a"], r["b"]) for r in rel["items"])
    fig = live.client.get("/api/v1/figures", params={"country": "KR"}).json()
    assert any(f["value"] == 100_000_000_000 for f in fig["items"])


def test_stats_with_comparison(live: Live) -> None:
    r = live.client.get("/api/v1/stats", params={"by": "year", "compare": "2024"}).json()
    assert next(row["period"] for row in r["rows"]) == "2024"
    assert r["metrics"][0] == "visits_abroad"
    bad = live.client.get("/api/v1/stats", params={"by": "year", "compare": "2024-Q3"})
    assert bad.status_code == 422
    assert "compare '2024-Q3'" in bad.json()["detail"]


def test_search_and_its_bad_queries(live: Live) -> None:
    hits = live.client.get("/api/v1/search", params={"q": '"Hàn Quốc"'}).json()
    assert hits
    assert all(h["matches"] for h in hits)
    folded = live.client.get("/api/v1/search", params={"q": "han quoc", "ignore_diacritics": "true"}).json()
    assert {h["id"] for h in hits} <= {h["id"] for h in folded}
    bad = live.client.get("/api/v1/search", params={"q": '"unclosed'})
    assert bad.status_code == 422
    assert bad.json()["detail"].startswith("q: cannot read the query")


def test_document_marks_the_evidence_of_its_events(live: Live) -> None:
    event = live.client.get("/api/v1/events", params={"text": "Kishida"}).json()["items"][0]
    doc = live.client.get(f"/api/v1/documents/{event['sources'][0]['document']}").json()
    marked = [sp for sp in doc["spans"] if sp["kind"] == "event" and sp["ref"] == event["id"]]
    assert marked
    assert doc["text"][marked[0]["start"]:marked[0]["end"]] == event["sources"][0]["evidence"]
    assert live.client.get("/api/v1/documents/999999").status_code == 404


def test_exports_are_downloads_in_three_formats(live: Live) -> None:
    r = live.client.get("/api/v1/export/events", params={"format": "csv"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == len(_ids(live))
    r = live.client.get("/api/v1/export/relations", params={"format": "jsonl"})
    assert all(orjson.loads(line)["level"] for line in r.content.splitlines())
    r = live.client.get("/api/v1/export/figures", params={"format": "parquet"})
    assert pq.read_table(io.BytesIO(r.content)).num_rows >= 1
    bad = live.client.get("/api/v1/export/secrets")
    assert bad.status_code == 422
    assert "table 'secrets'" in bad.json()["detail"]
    assert live.client.get("/api/v1/export/events", params={"format": "xlsx"}).status_code == 422


def test_read_only_by_default(live: Live) -> None:
    r = live.client.post("/api/v1/ingest", json=[{"text": "x"}])
    assert r.status_code in (404, 405)
    assert "/api/v1/ingest" not in live.client.get("/api/v1/openapi.json").json()["paths"]


def test_dashboard_pages_show_the_knowledge_base(live: Live) -> None:
    state = live.client.get("/states/JP")
    assert state.status_code == 200
    assert "Đối tác chiến lược toàn diện" in state.text
    assert "<svg" in state.text
    world = live.client.get("/map?lang=en").text
    assert 'href="/states/JP?lang=en"><g class="country lv-comprehensive_strategic_partnership"' in world
    network = live.client.get("/network").text
    assert network.count('class="node lv-') >= 4
    events = live.client.get("/events", params={"country": "KR", "type": "phone_call"})
    assert events.status_code == 200
    assert "điện đàm" in events.text
    stats = live.client.get("/stats.csv", params={"by": "quarter"})
    assert stats.text.splitlines()[0] == "period,visits_abroad,visits_received,top_level_contacts,phone_calls," \
                                         "agreements,upgrades"
    for path in ("/", "/search?q=Kishida", "/people?name=T%C3%B4%20L%C3%A2m", "/stats?by=month"):
        assert live.client.get(path).status_code == 200, path


def test_the_english_view_tells_each_act_in_an_english_sentence(live: Live) -> None:
    english = live.client.get("/events", params={"country": "KR", "type": "phone_call", "lang": "en"}).text
    sentences = re.findall(r'<div class="en">([^<]+)</div>', english)
    assert sentences
    assert all(s.startswith("On ") and "phone" in s for s in sentences), sentences
    assert "South Korea" in sentences[0] or "Korean" in sentences[0]
    vietnamese = live.client.get("/events", params={"country": "KR", "type": "phone_call"}).text
    assert '<div class="en">' not in vietnamese
