"""Questions to the knowledge base: library functions that the CLI, the API and the exports share.

They take a ``Session`` and return plain dataclasses; nothing here prints or knows about options.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from doingoai.config import HOME
from doingoai.errors import UsageError
from doingoai.extract.cues import EVENT_TYPES, types_where
from doingoai.resolve.people import name_key
from doingoai.resolve.relations import highest
from doingoai.resolve.states import resolve_state
from doingoai.store import schema as s
from doingoai.store.filters import (
    MAX_NAME_CHARS,
    MAX_QUERY_CHARS,
    date_range,
    resolve_body,
    resolve_status,
    resolve_type,
    within_limit,
)
from doingoai.store.search import DocumentHit, search_documents
from doingoai.store.search_syntax import words

__all__ = [
    "METRICS", "CountryProfile", "DocumentHit", "EventFilter", "EventRow", "PersonProfile", "StatRow",
    "checked_filter", "country_profile", "ensure_person", "find_events", "find_people", "person_profile",
    "search_documents", "stats",
]

CONTACT_TYPES = tuple(t for t in EVENT_TYPES if t in types_where("contact"))


@dataclass(frozen=True, slots=True)
class EventFilter:
    country: str | None = None
    body: str | None = None
    person: str | None = None
    type: str | None = None
    status: str | None = None
    # "YYYY", "YYYY-MM" or "YYYY-MM-DD" (checked by store.filters.date_range): events whose interval
    # overlaps the range from the first day of ``since`` to the last day of ``until``
    since: str | None = None
    until: str | None = None
    text: str | None = None
    limit: int | None = None

    def __post_init__(self) -> None:
        within_limit(self.person, "--person", MAX_NAME_CHARS)
        within_limit(self.text, "--text", MAX_QUERY_CHARS)


@dataclass(slots=True)
class EventRow:
    id: int
    type: str
    status: str
    salience: str
    date_start: str | None
    date_end: str | None
    part_of_day: str | None
    place_name: str | None
    place_country: str | None
    countries: list[str]
    bodies: list[str]
    participants: list[dict[str, Any]]
    n_sources: int
    evidence: str
    sources: list[dict[str, Any]]
    initiator: str | None = None  # the state that acts in a directed act (a message's sender)

    @property
    def when(self) -> str:
        return self.date_start or "?"


# Ids per statement when a page's rows are read: far below the bound-parameter limits of SQLite and
# PostgreSQL, as SQLAlchemy's selectinload batches them.
_CHUNK = 500


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[k:k + _CHUNK] for k in range(0, len(ids), _CHUNK)]


def _rows(session: Session, ids: list[int]) -> list[EventRow]:
    """The events ``ids``, in that order, with their states, bodies, participants and sources.

    Plain columns, one statement per table (per 500 ids), instead of ORM objects: building the objects
    and reading every document whole (its text and search key, for a source's name and URL) cost more
    than the search. The child tables are read by ``event_id IN (...)`` without ORDER BY, as selectinload
    read them, so participants and sources keep the order they always had."""
    if not ids:
        return []
    events: dict[int, Any] = {}
    countries: dict[int, list[str]] = defaultdict(list)
    bodies: dict[int, list[str]] = defaultdict(list)
    participants: dict[int, list[Any]] = defaultdict(list)
    sources: dict[int, list[Any]] = defaultdict(list)
    e, ec, eb, ep, es = s.Event, s.EventCountry, s.EventBody, s.EventParticipant, s.EventSource
    for chunk in _chunks(ids):
        for row in session.execute(select(
                e.id, e.type, e.status, e.salience, e.date_start, e.date_end, e.part_of_day, e.place_name,
                e.place_country, e.n_sources, e.initiator).where(e.id.in_(chunk))):
            events[row.id] = row
        for event_id, code in session.execute(select(ec.event_id, ec.code).where(ec.event_id.in_(chunk))):
            countries[event_id].append(code)
        for event_id, key in session.execute(select(eb.event_id, eb.key).where(eb.event_id.in_(chunk))):
            bodies[event_id].append(key)
        for person in session.execute(select(ep.event_id, ep.person_id, ep.title, ep.country, ep.org, ep.rank,
                                          ep.pillar).where(ep.event_id.in_(chunk))):
            participants[person.event_id].append(person)
        for said in session.execute(select(es.event_id, es.document_id, es.evidence).where(es.event_id.in_(chunk))):
            sources[said.event_id].append(said)
    person_ids = sorted({p.person_id for ps in participants.values() for p in ps})
    doc_ids = sorted({src.document_id for ss in sources.values() for src in ss})
    names: dict[int, str] = {}
    for chunk in _chunks(person_ids):
        names.update((i, n) for i, n in session.execute(
            select(s.Person.id, s.Person.name).where(s.Person.id.in_(chunk))))
    docs: dict[int, Any] = {}
    for chunk in _chunks(doc_ids):
        for doc in session.execute(select(s.Document.id, s.Document.source, s.Document.url, s.Document.published)
                                   .where(s.Document.id.in_(chunk))):
            docs[doc.id] = doc
    out = []
    for event_id in ids:
        ev = events.get(event_id)
        if ev is None:
            continue
        srcs = sources[event_id]
        out.append(EventRow(
            id=ev.id, type=ev.type, status=ev.status, salience=ev.salience, date_start=ev.date_start,
            date_end=ev.date_end, part_of_day=ev.part_of_day, place_name=ev.place_name,
            place_country=ev.place_country, countries=sorted(countries[event_id]), bodies=sorted(bodies[event_id]),
            participants=[{"name": names.get(p.person_id), "title": p.title, "country": p.country, "org": p.org,
                           "rank": p.rank, "pillar": p.pillar} for p in participants[event_id]],
            n_sources=ev.n_sources, evidence=srcs[0].evidence if srcs else "",
            sources=[{"document": src.document_id, "source": docs[src.document_id].source,
                      "url": docs[src.document_id].url, "published": docs[src.document_id].published,
                      "evidence": src.evidence} for src in srcs if src.document_id in docs],
            initiator=ev.initiator))
    return out


def checked_filter(country: str | None = None, body: str | None = None, person: str | None = None,
                   type: str | None = None, status: str | None = None, since: str | None = None,
                   until: str | None = None, text: str | None = None, limit: int | None = None) -> EventFilter:
    """The filter of ``doingoai events`` (and of the API) from what the user typed: every value checked and
    made canonical, a ``UsageError`` naming the option for a bad one. Needs no database, so that a typo is
    reported before the knowledge base is looked for; :func:`ensure_person` is the check that needs it."""
    dates = date_range(since, until)
    return EventFilter(
        country=resolve_state(country, "--country") if country is not None else None,
        body=resolve_body(body) if body is not None else None, person=person,
        type=resolve_type(type) if type is not None else None,
        status=resolve_status(status) if status is not None else None,
        since=dates.since, until=dates.until, text=text, limit=limit)


def ensure_person(session: Session, f: EventFilter) -> None:
    """A ``--person`` that names nobody is a mistake to report, not an empty answer."""
    if f.person is not None and not find_people(session, f.person):
        raise UsageError(f"--person {f.person!r}: nobody of that name in the knowledge base")


def find_people(session: Session, name: str) -> list[s.Person]:
    """People whose name (any spelling, diacritics ignored) is or contains ``name``."""
    key = name_key(within_limit(name, "NAME", MAX_NAME_CHARS) or "")
    if not key.strip():
        return []  # "%", "_" or punctuation alone name nobody (and must not match everybody)
    exact = session.scalars(select(s.Person).join(s.PersonName).where(s.PersonName.key == key)).unique().all()
    if exact:
        return list(exact)
    query = select(s.Person).join(s.PersonName)
    for w in key.split():
        # autoescape: "%" and "_" in a name are letters to find, not LIKE wildcards
        query = query.where(s.PersonName.key.contains(w, autoescape=True))
    return list(session.scalars(query).unique().all())


def _prefixes(day: str) -> list[str]:
    """The coarser dates that contain ``day``: "2024-09-25" lies in "2024-09" and in "2024"."""
    return [day[:n] for n in (4, 7) if len(day) > n]


def _overlaps(since: str | None, until: str | None) -> list[Any]:
    """Conditions for an event whose interval [date_start, date_end] overlaps [since, until].

    Dates are ISO strings of three precisions ("2024", "2024-09", "2024-09-25"), so a coarse date is
    compared as the period it names: "2024-09" starts before "2024-09-25" and ends after it. Yearless
    dates ("--09-25") cannot be placed and never match a date filter."""
    start = s.Event.date_start
    end = case((s.Event.date_end.is_not(None) & ~s.Event.date_end.startswith("-"), s.Event.date_end), else_=start)
    out: list[Any] = []
    if since or until:
        out.append(start.is_not(None) & ~start.startswith("-"))
    if since:
        out.append((end >= since) | end.in_(_prefixes(since)))
    if until:
        out.append((start <= until) | start.startswith(until))
    return out


def find_events(session: Session, f: EventFilter) -> list[EventRow]:
    """Events matching every given filter, newest first."""
    q = select(s.Event.id).where(*event_conditions(session, f)).order_by(*EVENT_ORDER["newest"])
    if f.limit:
        q = q.limit(f.limit)
    return _rows(session, list(session.scalars(q).all()))


@dataclass(slots=True)
class CountryProfile:
    code: str
    name: str | None
    current_level: str | None
    current_since: int | None
    relations: list[dict[str, Any]]
    upgrades: list[EventRow]
    contacts_by_year: dict[str, dict[str, int]]
    contacts_by_rank: dict[str, int]
    last_top_level: EventRow | None
    figures: list[dict[str, Any]]


def _year_of(e: EventRow) -> str | None:
    if e.date_start and re.match(r"^\d{4}", e.date_start):
        return e.date_start[:4]
    published = [src["published"] for src in e.sources if src.get("published")]
    return min(published)[:4] if published else None


def _home_rank(e: EventRow) -> int:
    ranks = [p["rank"] for p in e.participants if p["country"] == HOME]
    return min(ranks) if ranks else 9


def country_profile(session: Session, code: str) -> CountryProfile:
    code = code.upper()
    state = session.get(s.State, code)
    relations = []
    for rel in session.scalars(select(s.Relation).where(or_(s.Relation.a == code, s.Relation.b == code))
                               .order_by(s.Relation.since.nulls_last())).all():
        partner = rel.b if rel.a == code else rel.a
        evidence = session.execute(select(s.RelationSource.evidence, s.Document.source, s.Document.url).join(
            s.Document, s.Document.id == s.RelationSource.document_id).where(
            s.RelationSource.relation_id == rel.id).order_by(s.RelationSource.since.desc().nulls_last())).first()
        relations.append({"partner": partner, "level": rel.level, "since": rel.since,
                          "first_mention": rel.first_mention, "last_mention": rel.last_mention,
                          "sources": rel.n_sources, "evidence": evidence[0] if evidence else None,
                          "source": evidence[1] if evidence else None})
    with_home = [r for r in relations if r["partner"] == HOME]
    current = highest([str(r["level"]) for r in with_home])
    current_since = next((int(r["since"]) for r in with_home if r["level"] == current and r["since"]), None)
    events = find_events(session, EventFilter(country=code))
    by_year: dict[str, Counter[str]] = defaultdict(Counter)
    by_rank: Counter[str] = Counter()
    for e in events:
        if e.type in CONTACT_TYPES and HOME in e.countries:
            by_year[_year_of(e) or "?"][e.type] += 1
            by_rank[f"rank {_home_rank(e)}" if _home_rank(e) < 9 else "unranked"] += 1
    top = [e for e in events if e.type in CONTACT_TYPES and _home_rank(e) == 1 and e.status == "occurred"]
    figures = _figures(session, code)
    return CountryProfile(
        code=code, name=state.name if state else None, current_level=current, current_since=current_since,
        relations=relations, upgrades=[e for e in events if e.type == "relation_upgrade"],
        contacts_by_year={y: dict(c) for y, c in sorted(by_year.items())}, contacts_by_rank=dict(by_rank),
        last_top_level=top[0] if top else None, figures=figures)


def _figures(session: Session, code: str) -> list[dict[str, Any]]:
    """The figures a state is party to, newest first: one row per figure, with every report of it."""
    rows = session.scalars(select(s.Figure).where(s.Figure.countries_key.contains(code))
                           .order_by(s.Figure.published.desc().nulls_last(), s.Figure.id)).all()
    ids = [f.id for f in rows if code in f.countries_key.split(",")]
    sources: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if ids:
        for figure_id, source, url, published, evidence in session.execute(
                select(s.FigureSource.figure_id, s.Document.source, s.Document.url, s.FigureSource.published,
                       s.FigureSource.evidence).join(s.Document, s.Document.id == s.FigureSource.document_id)
                .where(s.FigureSource.figure_id.in_(ids)).order_by(s.FigureSource.id)):
            sources[figure_id].append({"source": source, "url": url, "published": published, "evidence": evidence})
    out = []
    for f in rows:
        if f.id not in ids:
            continue
        first = sources[f.id][0] if sources[f.id] else {}
        out.append({"kind": f.kind, "value": f.value, "unit": f.unit, "qualifier": f.qualifier, "what": f.what,
                    "partner": f.partner, "period": f.period, "published": f.published, "evidence": f.evidence,
                    "source": first.get("source"), "n_sources": f.n_sources, "sources": sources[f.id]})
    return out


@dataclass(slots=True)
class PersonProfile:
    id: int
    name: str
    country: str | None
    names: list[str]
    titles: list[dict[str, Any]]
    events: list[EventRow] = field(default_factory=list)


def person_profile(session: Session, name: str) -> list[PersonProfile]:
    out = []
    for person in find_people(session, name):
        titles = sorted(({"title": t.title, "org": t.org, "first_seen": t.first_seen, "last_seen": t.last_seen,
                          "mentions": t.mentions} for t in person.titles),
                        key=lambda t: (t["first_seen"] or "9999", t["title"]))
        events = find_events(session, EventFilter(person=person.name))
        out.append(PersonProfile(person.id, person.name, person.country, sorted({n.name for n in person.names}),
                                 titles, [e for e in events if any(p["name"] == person.name for p in e.participants)]))
    return out


METRICS = ("visits_abroad", "visits_received", "top_level_contacts", "phone_calls", "agreements", "upgrades")


@dataclass(slots=True)
class StatRow:
    period: str
    values: dict[str, int]
    partners: dict[str, Counter[str]] = field(default_factory=dict)
    pillars: dict[str, Counter[str]] = field(default_factory=dict)


def _period(day: str, by: str) -> str:
    if by == "year":
        return day[:4]
    if by == "quarter":
        return f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}" if len(day) >= 7 else day[:4]
    return day[:7] if len(day) >= 7 else day[:4]


def _metrics(e: EventRow) -> list[str]:
    if HOME not in e.countries or e.status != "occurred":
        return []
    out = []
    if e.type == "visit":
        out.append("visits_received" if e.place_country == HOME else "visits_abroad")
    if e.type in CONTACT_TYPES and _home_rank(e) == 1:
        out.append("top_level_contacts")
    by_type = {"phone_call": ["phone_calls"], "agreement": ["agreements"], "relation_upgrade": ["upgrades"]}
    out += by_type.get(e.type, [])
    return out


def stats(session: Session, by: str = "year", compare: str | None = None) -> list[StatRow]:
    """The yardsticks of foreign-affairs reports, per period: visits abroad and received, top-level
    contacts, phone calls, agreements, upgrades — with the partners and the pillars behind them."""
    if by not in ("month", "quarter", "year"):
        raise ValueError(f"by must be month, quarter or year, not {by!r}")
    rows: dict[str, StatRow] = {}
    for e in find_events(session, EventFilter()):
        day = e.date_start if e.date_start and re.match(r"^\d{4}", e.date_start) else None
        if day is None:
            year = _year_of(e)
            if year is None:
                continue
            day = year
        key = _period(day, by)
        row = rows.setdefault(key, StatRow(key, dict.fromkeys(METRICS, 0)))
        for metric in _metrics(e):
            row.values[metric] += 1
            for partner in (c for c in e.countries if c != HOME):
                row.partners.setdefault(metric, Counter())[partner] += 1
            pillars = {p.get("pillar") for p in e.participants if p["country"] == HOME} - {None}
            for pillar in pillars or {"unknown"}:
                row.pillars.setdefault(metric, Counter())[str(pillar)] += 1
    ordered = [rows[k] for k in sorted(rows)]
    if compare:
        # a period with no event is a row of zeros, not a missing row: the comparison stays visible
        other = rows.get(compare) or StatRow(compare, dict.fromkeys(METRICS, 0))
        latest = ordered[-1] if ordered else None
        return [other] if latest is None or latest.period == other.period else [other, latest]
    return ordered


# --- Questions of the web layer (doingoai serve): pages of events, partners at a glance, a document
# with its evidence marked. Appended here so that the API and the dashboard stay thin like the CLI.

EVENT_SORTS = ("newest", "oldest", "most_sources")


EVENT_ORDER: dict[str, tuple[Any, ...]] = {
    "newest": (s.Event.date_start.desc().nulls_last(), s.Event.id.desc()),
    "oldest": (s.Event.date_start.asc().nulls_last(), s.Event.id.asc()),
    "most_sources": (s.Event.n_sources.desc(), s.Event.date_start.desc().nulls_last(), s.Event.id.desc()),
}


def _text_condition(text: str) -> Any:
    """Events with a source whose evidence sentence contains ``text`` (case aside) or whose article has
    its words, whole, in its search key.

    The articles are matched by their own subquery (``document_id IN``), which the database answers once,
    rather than by a join that read an article per source sentence, twice per page (total and rows)."""
    # the article's search key holds its folded words between single spaces (search_syntax.search_key)
    key = " ".join(w.folded for w in words(text))
    said = func.lower(s.EventSource.evidence).contains(text.lower(), autoescape=True)
    if key:
        said = said | s.EventSource.document_id.in_(
            select(s.Document.id).where(s.Document.folded.contains(f" {key} ", autoescape=True)))
    return s.Event.id.in_(select(s.EventSource.event_id).where(said))


def event_conditions(session: Session, f: EventFilter) -> list[Any]:
    """The WHERE conditions of ``find_events`` for ``f`` (everything but ``limit``), for callers that page
    or count."""
    out: list[Any] = []
    if f.country:
        out.append(s.Event.id.in_(select(s.EventCountry.event_id).where(s.EventCountry.code == f.country.upper())))
    if f.body:
        out.append(s.Event.id.in_(select(s.EventBody.event_id).where(s.EventBody.key == f.body)))
    if f.type:
        out.append(s.Event.type == f.type)
    if f.status:
        out.append(s.Event.status == f.status)
    out += _overlaps(f.since, f.until)
    if f.person:
        ids = [p.id for p in find_people(session, f.person)]
        out.append(s.Event.id.in_(select(s.EventParticipant.event_id).where(
            s.EventParticipant.person_id.in_(ids))))
    if f.text:
        out.append(_text_condition(f.text))
    return out


@dataclass(slots=True)
class EventPage:
    total: int
    offset: int
    limit: int
    sort: str
    items: list[EventRow]


def event_page(session: Session, f: EventFilter, offset: int = 0, limit: int = 50,
               sort: str = "newest") -> EventPage:
    """One page of the events matching ``f``, with how many match in all."""
    if sort not in EVENT_SORTS:
        raise ValueError(f"sort must be one of {', '.join(EVENT_SORTS)}, not {sort!r}")
    where = event_conditions(session, f)
    page = select(s.Event.id).where(*where).order_by(*EVENT_ORDER[sort]).offset(offset).limit(limit)
    total: int | None = None
    if f.text:
        # the text condition reads every evidence sentence and article: the total comes with the page
        # (a window over the matching rows), so that it is read once, not once more for a count
        found = session.execute(page.add_columns(func.count().over())).all()
        ids = [row[0] for row in found]
        total = int(found[0][1]) if found else None
    else:
        ids = list(session.scalars(page).all())
    if total is None:  # no text filter, or a page past the last event
        total = session.scalar(select(func.count()).select_from(s.Event).where(*where)) or 0
    return EventPage(total, offset, limit, sort, _rows(session, ids))


def event_by_id(session: Session, event_id: int) -> EventRow | None:
    found = _rows(session, [event_id])
    return found[0] if found else None


@dataclass(slots=True)
class PartnerSummary:
    """A state at a glance: its highest level with Vietnam, and its contacts with Vietnam."""
    code: str
    name: str | None
    level: str | None
    since: int | None
    contacts: int
    last_contact: str | None


def partners(session: Session) -> list[PartnerSummary]:
    """Every state with a relation to Vietnam or a contact with it, most contacts first."""
    with_home = select(s.EventCountry.event_id).where(s.EventCountry.code == HOME)
    counted = session.execute(
        select(s.EventCountry.code, func.count(func.distinct(s.Event.id)), func.max(s.Event.date_start))
        .join(s.Event, s.Event.id == s.EventCountry.event_id)
        .where(s.Event.type.in_(CONTACT_TYPES), s.Event.id.in_(with_home), s.EventCountry.code != HOME)
        .group_by(s.EventCountry.code)).all()
    contacts = {code: (int(n), last) for code, n, last in counted}
    levels: dict[str, list[tuple[str, int | None]]] = defaultdict(list)
    for rel in session.scalars(select(s.Relation).where(or_(s.Relation.a == HOME, s.Relation.b == HOME))).all():
        partner = rel.b if rel.a == HOME else rel.a
        if partner != HOME:
            levels[partner].append((rel.level, rel.since))
    codes = set(contacts) | set(levels)
    names = dict(session.execute(select(s.State.code, s.State.name).where(s.State.code.in_(codes))).all()) \
        if codes else {}
    out = []
    for code in codes:
        level = highest([lv for lv, _ in levels[code]]) if levels.get(code) else None
        since = next((y for lv, y in levels.get(code, []) if lv == level and y), None)
        n, last = contacts.get(code, (0, None))
        out.append(PartnerSummary(code, names.get(code), level, since, n, last))
    return sorted(out, key=lambda p: (-p.contacts, p.code))


@dataclass(slots=True)
class Span:
    """A stretch of a document's text that states a fact: [start, end) offsets into ``text``."""
    start: int
    end: int
    kind: str  # "event", "relation" or "figure"
    ref: int  # the event's, relation's or figure's id
    label: str  # the event type, the relation level, the figure kind


@dataclass(slots=True)
class DocumentView:
    id: int
    source: str
    url: str | None
    outlet: str | None
    published: str | None
    title: str | None
    text: str
    spans: list[Span]


def document_view(session: Session, document_id: int) -> DocumentView | None:
    """A document with the sentences its events, relations and figures were read from, in text order."""
    doc = session.get(s.Document, document_id)
    if doc is None:
        return None
    spans = [Span(a, b, "event", ref, label) for a, b, ref, label in session.execute(
        select(s.EventSource.start, s.EventSource.end, s.EventSource.event_id, s.Event.type)
        .join(s.Event, s.Event.id == s.EventSource.event_id).where(s.EventSource.document_id == document_id))]
    spans += [Span(a, b, "relation", ref, label) for a, b, ref, label in session.execute(
        select(s.RelationSource.start, s.RelationSource.end, s.RelationSource.relation_id, s.Relation.level)
        .join(s.Relation, s.Relation.id == s.RelationSource.relation_id)
        .where(s.RelationSource.document_id == document_id))]
    spans += [Span(a, b, "figure", ref, label) for a, b, ref, label in session.execute(
        select(s.FigureSource.start, s.FigureSource.end, s.FigureSource.figure_id, s.Figure.kind)
        .join(s.Figure, s.Figure.id == s.FigureSource.figure_id).where(s.FigureSource.document_id == document_id))]
    # offsets outside the text (a record stored by an older extractor) cannot be marked
    spans = [sp for sp in spans if 0 <= sp.start < sp.end <= len(doc.text)]
    spans.sort(key=lambda sp: (sp.start, -sp.end, sp.kind, sp.ref))
    return DocumentView(doc.id, doc.source, doc.url, doc.outlet, doc.published, doc.title, doc.text, spans)


def person_by_id(session: Session, person_id: int) -> PersonProfile | None:
    person = session.get(s.Person, person_id)
    if person is None:
        return None
    return next((p for p in person_profile(session, person.name) if p.id == person_id), None)


def contacts_by_year_rank(session: Session, code: str) -> dict[str, dict[str, int]]:
    """A partner's contacts with Vietnam per year, by the rank of the Vietnamese side ("rank 1" the heads
    of party, state and government; "unranked" when the press named no ranked Vietnamese participant)."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for e in find_events(session, EventFilter(country=code.upper())):
        if e.type in CONTACT_TYPES and HOME in e.countries:
            rank = _home_rank(e)
            out[_year_of(e) or "?"][f"rank {rank}" if rank < 9 else "unranked"] += 1
    return {y: dict(c) for y, c in sorted(out.items())}

# --- for briefs (doingoai.brief): citations and the yardsticks of one event ----------------------------------


@dataclass(frozen=True, slots=True)
class Cited:
    """One report: the sentence a source states, and where it was published."""

    quote: str
    outlet: str | None
    published: str | None
    url: str | None
    source: str


def documents_cited(session: Session, ids: set[int]) -> dict[int, tuple[str | None, str | None, str | None, str]]:
    """(outlet, published, url, source) of stored documents, by id."""
    if not ids:
        return {}
    rows = session.execute(select(s.Document.id, s.Document.outlet, s.Document.published, s.Document.url,
                                  s.Document.source).where(s.Document.id.in_(ids))).all()
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}


def relation_reports(session: Session, a: str, b: str) -> list[tuple[str, int | None, Cited]]:
    """Every report of every level of the pair (a, b), oldest publication first: (level, since, report)."""
    pair = sorted((a.upper(), b.upper()))
    rows = session.execute(
        select(s.Relation.level, s.RelationSource.since, s.RelationSource.evidence, s.Document.outlet,
               s.Document.published, s.Document.url, s.Document.source)
        .join(s.RelationSource, s.RelationSource.relation_id == s.Relation.id)
        .join(s.Document, s.Document.id == s.RelationSource.document_id)
        .where(s.Relation.a == pair[0], s.Relation.b == pair[1])
        .order_by(s.Document.published.nulls_last(), s.RelationSource.id)).all()
    return [(r[0], r[1], Cited(r[2], r[3], r[4], r[5], r[6])) for r in rows]


def figure_reports(session: Session, code: str) -> list[tuple[dict[str, Any], Cited]]:
    """The figures a state is party to with their first report, oldest first."""
    out = []
    for f in reversed(_figures(session, code)):
        first = f["sources"][0] if f["sources"] else {}
        doc = session.execute(select(s.Document.outlet).where(s.Document.source == first.get("source"))).first()
        out.append((f, Cited(str(first.get("evidence") or f["evidence"]), doc[0] if doc else None,
                             first.get("published") or f["published"], first.get("url"),
                             str(first.get("source") or ""))))
    return out


def metrics_of(e: EventRow) -> list[str]:
    """The yardsticks of ``stats`` that one event counts for (the same rule ``stats`` applies)."""
    return _metrics(e)


def relation_levels(session: Session) -> dict[tuple[str, str], list[tuple[str, int | None]]]:
    """Every (level, since) of every pair of states, by the sorted pair: what an upgrade event reached."""
    out: dict[tuple[str, str], list[tuple[str, int | None]]] = defaultdict(list)
    for a, b, level, since in session.execute(select(s.Relation.a, s.Relation.b, s.Relation.level, s.Relation.since)):
        out[(a, b)].append((level, since))
    return dict(out)
