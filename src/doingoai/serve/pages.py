"""The dashboard: server-rendered pages (Jinja2) in Vietnamese, or English with ``?lang=en``.

Each page calls the same library functions as the API and the CLI; charts and the map are SVG drawn
here (``charts``, ``worldmap``), so that the pages load nothing but this server's own files.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from sqlalchemy.orm import Session

from doingoai.config import HOME
from doingoai.errors import UsageError
from doingoai.extract.cues import EVENT_TYPES
from doingoai.resolve.relations import LADDER
from doingoai.resolve.states import resolve_state, state_names
from doingoai.serve import charts, deps, worldmap
from doingoai.serve.i18n import language, translator
from doingoai.serve.params import EventQuery, api_message, event_filter
from doingoai.serve.settings import MAX_PAGE_SIZE
from doingoai.store.filters import PERIODS, STATUSES, body_keys, resolve_period
from doingoai.store.queries import (
    EVENT_SORTS,
    METRICS,
    DocumentView,
    EventFilter,
    StatRow,
    contacts_by_year_rank,
    country_profile,
    document_view,
    event_page,
    partners,
    person_by_id,
    person_profile,
    search_documents,
    stats,
)
from doingoai.store.search_syntax import QueryError

__all__ = ["error_page", "halves", "pages", "pieces"]

pages = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(str(files("doingoai.serve") / "templates")))
SessionDep = Annotated[Session, Depends(deps.session)]
Lang = Annotated[str | None, Query(max_length=5)]
Field = Annotated[str | None, Query(max_length=200)]
PAGE = 50
# the half-years the overview shows: the last four years, as the ministry's reports compare them
HALVES_SHOWN = 8


def _level_class(level: str | None) -> str:
    return f"lv-{level}" if level in LADDER else "lv-none"


class Page:
    """What every template gets: the language, its words, links that keep the language."""

    def __init__(self, request: Request, lang: str | None) -> None:
        self.request = request
        self.lang = language(lang)
        self.t: Callable[[str], str] = translator(self.lang)

    def url(self, path: str, **params: Any) -> str:
        query = {k: v for k, v in params.items() if v not in (None, "")}
        if self.lang != "vi":
            query["lang"] = self.lang
        return path + ("?" + urlencode(query) if query else "")

    def switch(self) -> str:
        """This page in the other language."""
        params = dict(self.request.query_params)
        params["lang"] = "en" if self.lang == "vi" else "vi"
        if params["lang"] == "vi":
            del params["lang"]
        return self.request.url.path + ("?" + urlencode(params) if params else "")

    def state(self, code: str | None) -> str:
        if not code:
            return "?"
        names = state_names(code)
        if names is None:
            return code
        return (names.name if self.lang == "vi" else (names.name_en or names.name)) or code

    def sentence(self, event: Any) -> str | None:
        """The act in one English sentence, built from the record (issue 15), for the English view; None in
        Vietnamese, where the page's own sentence says it."""
        if self.lang != "en":
            return None
        from doingoai.render.rows import event_row_sentence  # the English tables load on first use

        return event_row_sentence(event)

    def render(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(self.request, template, {"p": self, "t": self.t, **context},
                                          status_code=status)


def error_page(request: Request, status: int, message: str) -> Response:
    page = Page(request, request.query_params.get("lang"))
    key = "error.notfound" if status == 404 else "error.title"
    return page.render("error.html", status=status, title=page.t(key), message=message)


@pages.get("/", response_class=HTMLResponse)
def overview(request: Request, session: SessionDep, lang: Lang = None) -> HTMLResponse:
    page = Page(request, lang)
    latest = event_page(session, EventFilter(), 0, 8).items
    months = [r for r in stats(session, "month") if len(r.period) == 7]
    month = months[-1] if months else None
    before = None
    if month is not None:
        prev = f"{int(month.period[:4]) - 1}{month.period[4:]}"
        before = next((r for r in months if r.period == prev), StatRow(prev, dict.fromkeys(METRICS, 0)))
    half = halves(stats(session, "quarter"))[-HALVES_SHOWN:]
    chart = charts.bars([h.period for h in half], [(page.t(f"metric.{m}"), [h.values[m] for h in half])
                                                   for m in METRICS], page.t("overview.halves")) if half else ""
    return page.render("overview.html", latest=latest, month=month, before=before, halves=half,
                       chart=Markup(chart), metrics=METRICS)


def halves(rows: list[StatRow]) -> list[StatRow]:
    """Quarterly rows summed into half-years ("2024-H1"), the period of the ministry's reports; rows of a
    year alone (undated within the year) cannot be placed in a half and are left out."""
    out: dict[str, StatRow] = {}
    for r in rows:
        if "-Q" not in r.period:
            continue
        key = f"{r.period[:4]}-H{1 if r.period[-1] in '12' else 2}"
        row = out.setdefault(key, StatRow(key, dict.fromkeys(METRICS, 0)))
        for m, v in r.values.items():
            row.values[m] = row.values.get(m, 0) + v
    return [out[k] for k in sorted(out)]


@pages.get("/events", response_class=HTMLResponse)
def events(request: Request, session: SessionDep, lang: Lang = None, country: Field = None, body: Field = None,
           person: Field = None, type: Field = None, status: Field = None, since: Field = None,
           until: Field = None, text: Field = None, sort: Field = None,
           offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
           limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = PAGE) -> HTMLResponse:
    page = Page(request, lang)
    form = {"country": country, "body": body, "person": person, "type": type, "status": status, "since": since,
            "until": until, "text": text, "sort": sort if sort in EVENT_SORTS else "newest"}
    error = None
    found = None
    try:
        f = event_filter(session, EventQuery(country, body, person, type, status, since, until, text))
        found = event_page(session, f, offset, limit, form["sort"] or "newest")
    except UsageError as exc:
        error = api_message(exc.message)
    given = {k: v for k, v in form.items() if v}
    prev_url = page.url("/events", **given, offset=max(0, offset - limit), limit=limit) if offset > 0 else None
    next_url = page.url("/events", **given, offset=offset + limit, limit=limit) \
        if found is not None and offset + limit < found.total else None
    return page.render("events.html", status=422 if error else 200, form=form, error=error, found=found,
                       types=EVENT_TYPES, statuses=STATUSES, bodies=body_keys(), sorts=EVENT_SORTS,
                       prev_url=prev_url, next_url=next_url)


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a document's text: plain, or the evidence of some facts (``anchors``: their ids)."""
    text: str
    anchors: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    focus: bool = False


def pieces(doc: DocumentView, focus: str | None) -> list[Piece]:
    """The text cut at the evidence spans; overlapping spans are one mark that holds every anchor."""
    out: list[Piece] = []
    pos = 0
    spans = doc.spans
    i = 0
    while i < len(spans):
        start, end = spans[i].start, spans[i].end
        group = [spans[i]]
        i += 1
        while i < len(spans) and spans[i].start < end:
            end = max(end, spans[i].end)
            group.append(spans[i])
            i += 1
        start = max(start, pos)
        if start > pos:
            out.append(Piece(doc.text[pos:start]))
        anchors = tuple(dict.fromkeys(f"{sp.kind}-{sp.ref}" for sp in group))
        kinds = tuple(dict.fromkeys(f"{sp.kind}:{sp.label}" for sp in group))
        out.append(Piece(doc.text[start:end], anchors, kinds, focus in anchors))
        pos = end
    if pos < len(doc.text):
        out.append(Piece(doc.text[pos:]))
    return out


@pages.get("/documents/{document_id}", response_class=HTMLResponse)
def document(request: Request, session: SessionDep, document_id: int, lang: Lang = None,
             event: Annotated[int | None, Query(ge=1, le=2_147_483_647)] = None) -> Response:
    page = Page(request, lang)
    doc = document_view(session, document_id) if 1 <= document_id <= 2_147_483_647 else None
    if doc is None:
        return error_page(request, 404, f"no document {document_id}")
    return page.render("document.html", doc=doc, pieces=pieces(doc, f"event-{event}" if event else None))


@pages.get("/states/{state}", response_class=HTMLResponse)
def state(request: Request, session: SessionDep, state: str, lang: Lang = None) -> Response:
    page = Page(request, lang)
    code = resolve_state(state[:200], "state")
    profile = country_profile(session, code)
    with_home = [r for r in profile.relations if r["partner"] == HOME]
    years = [int(y) for r in with_home for y in (r["since"], (r["first_mention"] or "")[:4],
                                                 (r["last_mention"] or "")[:4]) if str(y or "").isdigit()]
    timeline = ""
    if with_home and years:
        rows = []
        for r in sorted(with_home, key=lambda r: LADDER.index(r["level"]) if r["level"] in LADDER else 99):
            end = int((r["last_mention"] or "0")[:4] or 0) or max(years)
            # a level whose first year no page gives is drawn from when the press first named it, or as a
            # mark at its last mention: never from the start of the chart, which would claim decades
            begin = int(r["since"] or (r["first_mention"] or "0")[:4] or 0) or end
            rows.append((page.t(f"level.{r['level']}"), _level_class(r["level"]), begin, max(begin, end)))
        timeline = charts.spans(rows, min(years), max(years), page.t("state.timeline"))
    by_rank = contacts_by_year_rank(session, code)
    ranks = sorted({k for v in by_rank.values() for k in v})
    rank_chart = charts.bars(list(by_rank), [(_rank(page, k), [by_rank[y].get(k, 0) for y in by_rank]) for k in ranks],
                             page.t("state.contacts_rank")) if by_rank else ""
    recent = event_page(session, EventFilter(country=code), 0, 20).items
    return page.render("state.html", rank=lambda k: _rank(page, k), code=code, profile=profile, name=page.state(code),
                       timeline=Markup(timeline), rank_chart=Markup(rank_chart), by_rank=by_rank, ranks=ranks,
                       recent=recent, level_class=_level_class)


def _rank(page: Page, key: str) -> str:
    """"rank 1" in the page's language; "unranked" when no ranked Vietnamese participant was named."""
    return f"{page.t('col.rank')} {key.split()[-1]}" if key.startswith("rank ") else page.t("rank.none")


@pages.get("/people", response_class=HTMLResponse)
def people(request: Request, session: SessionDep, name: Field = None, lang: Lang = None) -> Response:
    page = Page(request, lang)
    found = person_profile(session, name) if name and name.strip() else []
    return page.render("people.html", name=name or "", found=found)


@pages.get("/people/{person_id}", response_class=HTMLResponse)
def person(request: Request, session: SessionDep, person_id: int, lang: Lang = None) -> Response:
    page = Page(request, lang)
    found = person_by_id(session, person_id) if 1 <= person_id <= 2_147_483_647 else None
    if found is None:
        return error_page(request, 404, f"no person {person_id}")
    return page.render("person.html", person=found)


@pages.get("/network", response_class=HTMLResponse)
def network(request: Request, session: SessionDep, lang: Lang = None) -> HTMLResponse:
    page = Page(request, lang)
    found = [p for p in partners(session) if p.contacts][:40]
    nodes = [charts.Node(p.code, page.state(p.code), p.contacts, _level_class(p.level),
                         page.url(f"/states/{p.code}")) for p in found]
    svg = charts.network(page.state(HOME), nodes, page.t("network.caption"))
    return page.render("network.html", svg=Markup(svg), partners=found, levels=LADDER)


@pages.get("/map", response_class=HTMLResponse)
def world(request: Request, session: SessionDep, lang: Lang = None) -> HTMLResponse:
    page = Page(request, lang)
    found = partners(session)
    classes = {p.code: _level_class(p.level) for p in found}
    titles = {p.code: f"{page.state(p.code)}: {page.t(f'level.{p.level}') if p.level else page.t('map.none')}"
              f" · {p.contacts} {page.t('col.contacts').lower()}" for p in found}
    links = {p.code: page.url(f"/states/{p.code}") for p in found}
    svg = worldmap.world_map(classes, titles, links, page.t("map.caption"))
    return page.render("map.html", svg=Markup(svg), partners=found, levels=LADDER, level_class=_level_class)


def _stat_rows(session: Session, by: str, compare: str | None) -> tuple[str, str | None, list[StatRow]]:
    by = by if by in PERIODS else "year"
    period = resolve_period(compare, by) if compare and compare.strip() else None
    return by, period, stats(session, by, period)


@pages.get("/stats", response_class=HTMLResponse)
def statistics(request: Request, session: SessionDep, lang: Lang = None, by: Field = "year",
               compare: Field = None) -> HTMLResponse:
    page = Page(request, lang)
    error = None
    try:
        chosen, period, rows = _stat_rows(session, by or "year", compare)
    except UsageError as exc:
        error, chosen, period, rows = api_message(exc.message), "year", None, []
    chart = charts.bars([r.period for r in rows], [(page.t(f"metric.{m}"), [r.values[m] for r in rows])
                                                   for m in METRICS], page.t("nav.stats")) if rows else ""
    return page.render("stats.html", status=422 if error else 200, rows=rows, by=chosen, compare=period or "",
                       error=error, chart=Markup(chart), metrics=METRICS, periods=PERIODS)


@pages.get("/stats.csv")
def statistics_csv(session: SessionDep, by: Field = "year", compare: Field = None) -> Response:
    chosen, _, rows = _stat_rows(session, by or "year", compare)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(["period", *METRICS])
    for r in rows:
        writer.writerow([r.period, *(r.values[m] for m in METRICS)])
    return Response(buf.getvalue().encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="stats-{chosen}.csv"'})


@pages.get("/search", response_class=HTMLResponse)
def search(request: Request, session: SessionDep, lang: Lang = None, q: Field = None,
           i: bool = False) -> HTMLResponse:
    page = Page(request, lang)
    hits, error = [], None
    if q and q.strip():
        try:
            hits = search_documents(session, q, i, 50)
        except QueryError as exc:  # a query the search language cannot read: shown, not a server error
            error = f"q {q!r}: cannot read the query: {exc}"
    marked = [(h, _marked(h.snippet, h.matches)) for h in hits]
    return page.render("search.html", status=422 if error else 200, q=q or "", i=i, hits=marked, error=error)


def _marked(snippet: str, matches: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    out, pos = [], 0
    for a, b in sorted(matches):
        if a < pos:
            continue
        out += [(snippet[pos:a], False), (snippet[a:b], True)]
        pos = b
    return [*out, (snippet[pos:], False)]
