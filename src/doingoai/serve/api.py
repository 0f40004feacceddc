"""The REST API, ``/api/v1``: the questions of the CLI (events, country, person, stats, search, export)
and a few the dashboard needs (partners, one event, one document with its evidence marked).

Every route calls a library function; bad values are ``UsageError``s that the app answers with 422 and
the library's message, which names the parameter and the value.
"""

from __future__ import annotations

import hmac
import tempfile
from pathlib import Path
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from doingoai.config import PipelineConfig
from doingoai.errors import UsageError
from doingoai.export.files import write_rows
from doingoai.export.tables import COLUMNS, TABLES, rows
from doingoai.resolve.states import resolve_state
from doingoai.serve import deps
from doingoai.serve.params import EventQuery, event_filter
from doingoai.serve.settings import INGEST_TOKEN_ENV, MAX_PAGE_SIZE, ServeSettings
from doingoai.store import schema as s
from doingoai.store.filters import PERIODS, resolve_period
from doingoai.store.ingest import ingest
from doingoai.store.queries import (
    EVENT_SORTS,
    METRICS,
    CountryProfile,
    DocumentHit,
    DocumentView,
    EventPage,
    EventRow,
    PartnerSummary,
    PersonProfile,
    country_profile,
    document_view,
    event_by_id,
    event_page,
    partners,
    person_by_id,
    person_profile,
    search_documents,
    stats,
)
from doingoai.store.search_syntax import parse

__all__ = ["EXPORT_FORMATS", "MEDIA_TYPES", "router"]

router = APIRouter(prefix="/api/v1")

SessionDep = Annotated[Session, Depends(deps.session)]
# the largest id either database stores in an integer key: a larger one is no row, not a database error
MAX_ID = 2_147_483_647
MAX_OFFSET = 1_000_000_000
# free text (names, words, dates): longer than any name or query a person types
MAX_TEXT = 200
EXPORT_FORMATS = ("csv", "jsonl", "json", "parquet")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson", "json": "application/json",
               "parquet": "application/vnd.apache.parquet"}

Text = Annotated[str | None, Query(max_length=MAX_TEXT)]


def _json(data: Any) -> Response:
    """``data`` (dataclasses, lists, dicts) as JSON, by orjson: FastAPI's own encoder took as long as the
    query on a page of 50 events."""
    return Response(orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS), media_type="application/json")


def _ok(model: Any) -> dict[int | str, dict[str, Any]]:
    """The shape of a route's answer in the OpenAPI description (the answer itself is encoded by orjson)."""
    return {200: {"model": model, "description": "the answer"}}


def _one_of(values: tuple[str, ...]) -> str:
    return "^(" + "|".join(values) + ")$"


@router.get("/health", summary="The server is up and the knowledge base answers")
def health(session: SessionDep) -> dict[str, Any]:
    return {"status": "ok", "documents": session.scalar(select(func.count()).select_from(s.Document)) or 0}


@router.get("/events", responses=_ok(EventPage),
            summary="Events, newest first, with every filter of `doingoai events`")
def events(
    session: SessionDep,
    country: Annotated[str | None, Query(max_length=MAX_TEXT, description="ISO code or English/Vietnamese "
                                         "name of a state taking part (PH, PHL, Philippines, Mỹ)")] = None,
    body: Annotated[str | None, Query(max_length=MAX_TEXT, description="A multilateral body: key, acronym "
                                      "or name (ASEAN, UN, Liên hợp quốc)")] = None,
    person: Annotated[str | None, Query(max_length=MAX_TEXT, description="A participant's name, tone marks "
                                        "optional")] = None,
    type: Annotated[str | None, Query(max_length=MAX_TEXT, description="An event type, any case")] = None,
    status: Annotated[str | None, Query(max_length=MAX_TEXT, description="occurred or planned")] = None,
    since: Annotated[str | None, Query(max_length=MAX_TEXT, description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(max_length=MAX_TEXT, description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    text: Annotated[str | None, Query(max_length=MAX_TEXT, description="Whole words in the evidence or the "
                                      "article")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Events per page")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Events skipped")] = 0,
    sort: Annotated[str, Query(pattern=_one_of(EVENT_SORTS), description=", ".join(EVENT_SORTS))] = "newest",
) -> Response:
    f = event_filter(session, EventQuery(country, body, person, type, status, since, until, text))
    return _json(event_page(session, f, offset, limit, sort))


@router.get("/events/{event_id}", responses=_ok(EventRow),
            summary="One event with its sources and evidence")
def event(session: SessionDep, event_id: int) -> Response:
    found = event_by_id(session, _id(event_id))
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return _json(found)


def _id(value: int) -> int:
    if not 1 <= value <= MAX_ID:
        raise HTTPException(404, f"no such id {value}")
    return value


@router.get("/states", responses=_ok(list[PartnerSummary]),
            summary="Vietnam's partners: level and contacts of each")
def states(session: SessionDep) -> Response:
    return _json(partners(session))


@router.get("/states/{state}", responses=_ok(CountryProfile),
            summary="A partner's profile, as `doingoai country`")
def state(session: SessionDep, state: str) -> Response:
    if len(state) > MAX_TEXT:
        raise UsageError(f"state {state[:40]!r}…: too long for a state's name")
    return _json(country_profile(session, resolve_state(state, "state")))


@router.get("/people", responses=_ok(list[PersonProfile]),
            summary="Everyone whose name contains `name`, as `doingoai person`")
def people(session: SessionDep, name: Annotated[str, Query(min_length=1, max_length=MAX_TEXT)]) -> Response:
    return _json(person_profile(session, name))


@router.get("/people/{person_id}", responses=_ok(PersonProfile),
            summary="One person: titles over time and events")
def person(session: SessionDep, person_id: int) -> Response:
    found = person_by_id(session, _id(person_id))
    if found is None:
        raise HTTPException(404, f"no person {person_id}")
    return _json(found)


def _page(items: list[dict[str, Any]], offset: int, limit: int) -> dict[str, Any]:
    return {"total": len(items), "offset": offset, "limit": limit, "items": items[offset:offset + limit]}


@router.get("/relations", summary="Relationship levels between states, with when they began")
def relations(session: SessionDep, country: Text = None,
              limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 100,
              offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> Response:
    code = resolve_state(country, "--country") if country and country.strip() else None
    found = [r for r in rows(session, "relations") if code is None or code in (r["a"], r["b"])]
    return _json(_page(found, offset, limit))


@router.get("/figures", summary="Figures and targets (trade, investment, aid), as exported")
def figures(session: SessionDep, country: Text = None,
            limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 100,
            offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> Response:
    code = resolve_state(country, "--country") if country and country.strip() else None
    found = [r for r in rows(session, "figures") if code is None or code in str(r["countries"]).split(",")]
    return _json(_page(found, offset, limit))


@router.get("/stats", summary="The yardsticks per period, as `doingoai stats`")
def statistics(session: SessionDep,
               by: Annotated[str, Query(pattern=_one_of(PERIODS))] = "year",
               compare: Text = None, partners: bool = False) -> Response:
    period = resolve_period(compare, by) if compare and compare.strip() else None
    out = []
    for row in stats(session, by, period):
        item: dict[str, Any] = {"period": row.period, **row.values}
        if partners:
            item["partners"] = {m: dict(c) for m, c in row.partners.items()}
            item["pillars"] = {m: dict(c) for m, c in row.pillars.items()}
        out.append(item)
    return _json({"by": by, "metrics": list(METRICS), "rows": out})


@router.get("/search", responses=_ok(list[DocumentHit]),
            summary="Full-text search of the documents (the search syntax of `doingoai search`)")
def search(session: SessionDep, q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT)],
           ignore_diacritics: bool = False, limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 20) -> Response:
    parse(q)  # a query that cannot be read is a 422 before any SQL
    return _json(search_documents(session, q, ignore_diacritics, limit))


@router.get("/documents/{document_id}", responses=_ok(DocumentView),
            summary="A document with the evidence of its events, relations, "
            "figures marked as [start, end) spans of its text")
def document(session: SessionDep, document_id: int) -> Response:
    found = document_view(session, _id(document_id))
    if found is None:
        raise HTTPException(404, f"no document {document_id}")
    return _json(found)


def export_bytes(session: Session, table: str, fmt: str) -> bytes:
    """A table of ``doingoai export`` as a file's bytes (written by the same code, through a file)."""
    with tempfile.TemporaryDirectory(prefix="doingoai-export-") as folder:
        out = Path(folder) / f"{table}.{fmt}"
        write_rows(list(rows(session, table)), COLUMNS[table], fmt, out)
        return out.read_bytes()


@router.get("/export/{table}", summary="A table as a download: CSV, JSON Lines, JSON or Parquet",
            response_class=Response, responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}}})
def export(session: SessionDep, table: str,
           format: Annotated[str, Query(pattern=_one_of(EXPORT_FORMATS))] = "csv") -> Response:
    if table not in TABLES:
        raise UsageError(f"table {table[:40]!r}: unknown table; one of: {', '.join(TABLES)}")
    return Response(export_bytes(session, table, format), media_type=MEDIA_TYPES[format],
                    headers={"content-disposition": f'attachment; filename="{table}.{format}"'})


def _authorised(request: Request, settings: ServeSettings) -> None:
    """The bearer token of the request against the server's, compared in constant time."""
    expected = settings.ingest_token
    given = request.headers.get("authorization", "")
    scheme, _, token = given.partition(" ")
    if not expected or scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(),
                                                                            expected.encode()):
        raise HTTPException(401, f"a bearer token (the server's {INGEST_TOKEN_ENV}) is needed to ingest",
                            headers={"WWW-Authenticate": "Bearer"})


ingest_router = APIRouter(prefix="/api/v1")


@ingest_router.post("/ingest", summary="Store pages: JSON records {source?, url?, html|text, published?} "
                    "(only with --allow-ingest and a bearer token)")
def ingest_pages(request: Request, settings: Annotated[ServeSettings, Depends(deps.settings)],
                 records: Annotated[list[dict[str, Any]], Body(min_length=1, max_length=1000)]) -> Response:
    _authorised(request, settings)
    for n, record in enumerate(records):
        if not isinstance(record.get("text") or record.get("html"), str):
            raise UsageError(f"records[{n}]: a record needs a text or html string")
    with tempfile.TemporaryDirectory(prefix="doingoai-ingest-") as folder:
        path = Path(folder) / "pages.jsonl"
        path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
        summary = ingest([str(path)], settings.db, PipelineConfig())
    return _json({"pages": summary.pages, "new": summary.new, "skipped": summary.skipped,
                  "failed": [str(f).replace(str(path), "records") for f in summary.failed]})
