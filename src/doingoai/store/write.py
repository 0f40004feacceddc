"""Write a batch of documents and what was extracted from them, resolving people, events, relations and
figures against what the knowledge base already holds.

A batch is resolved in memory — the relations and figures it can match are fetched with one query per
table at the start (``_Batch.prefetch``); the events and people from indexes kept across batches
(``store.event_index``, ``store.people``), which read a key's events or the new names once, so that the
cost of a page does not grow with the knowledge base — and written with one multi-row statement per table
at the end. Everything runs inside the caller's
transaction: a batch is stored whole or not at all. ``Writer.store`` retries a batch that fails page by
page, so that one bad page is reported and the others are stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from doingoai.analyse.gazetteer import gazetteer
from doingoai.clean.normalize import normalize
from doingoai.config import HOME
from doingoai.errors import DoingoaiError
from doingoai.extract.cues import types_where
from doingoai.lexicon import load_tsv
from doingoai.model import Article, Event, Extraction, Figure
from doingoai.resolve.dates import compatible, precision
from doingoai.resolve.titles import canonical_title
from doingoai.store import schema as s
from doingoai.store.bulk import insert_rows, update_rows
from doingoai.store.event_index import EventIndex, EventKey, EventRec, any_of, evidence_key
from doingoai.store.forget import forget
from doingoai.store.people import People, PersonRec
from doingoai.store.search_syntax import search_key

__all__ = ["Item", "Writer", "content_hash", "ensure_reference_data"]

# A report dated by nothing matches an earlier report only if it repeats its evidence and was published
# within this many days of it: a reprint, not the same courtesy call paid again a year later.
REPRINT_DAYS = 7

BATCH_ERRORS = (DoingoaiError, ValueError, TypeError, KeyError, IndexError, SQLAlchemyError)


def content_hash(content: str) -> str:
    """The identity of a page: the same page ingested twice is stored once."""
    return hashlib.sha256(normalize(content).encode("utf-8")).hexdigest()


def ensure_reference_data(session: Session) -> None:
    """States and bodies, from the lexicons, so that queries can print names."""
    if session.scalar(select(s.State.code).limit(1)) is None:
        for row in load_tsv("countries.tsv", ("code", "name", "variants", "english", "cities", "note")):
            english = row["english"].split("|")[0] if row["english"] else None
            session.add(s.State(code=row["code"], name=row["name"], name_en=english))
    if session.scalar(select(s.Body.key).limit(1)) is None:
        seen: set[str] = set()
        for row in load_tsv("bodies.tsv", ("key", "names", "acronyms", "note")):
            if row["key"] not in seen:
                seen.add(row["key"])
                session.add(s.Body(key=row["key"], name=(row["names"].split("|")[0] or None)))


@cache
def _title_rank(title: str) -> tuple[int, str | None]:
    """Rank (1 = head of party, state, government, parliament) and pillar of a title chain's highest title."""
    best: tuple[int, str | None] = (9, None)
    for part in title.split(","):
        for entry in gazetteer().lookup(part.strip()):
            if entry.kind == "title" and entry.rank < best[0]:
                best = (entry.rank, entry.pillar)
    return best


def _day(article: Article, event: Event | None = None) -> str | None:
    """The date a fact was said to hold: the event's own date when it has a year, else the page's date."""
    if event is not None and event.date.start and event.date.start[:1].isdigit():
        return event.date.start
    return article.published


def _near(a: str | None, b: str | None) -> bool:
    """Publication dates of a page and its reprint: unknown, or no more than REPRINT_DAYS apart."""
    return not a or not b or compatible(a, None, b, None, slack_days=REPRINT_DAYS)


@dataclass(slots=True)
class Item:
    """One page to store: its story and extraction, and either its content hash (a new document) or the id
    of the stored document it re-extracts."""

    article: Article
    extraction: Extraction
    digest: str | None = None
    doc_id: int | None = None
    folded: str | None = None  # the story's search key, when a worker made it (``search_key`` otherwise)


# --- in-memory records of one batch ----------------------------------------------------------------------


@dataclass(eq=False, slots=True)
class _Doc:
    item: Item
    id: int | None


@dataclass(eq=False, slots=True)
class _RelationRec:
    id: int | None
    a: str
    b: str
    level: str
    since: int | None
    first_mention: str | None
    last_mention: str | None
    n_sources: int
    sources: list[tuple[_Doc, Any]] = field(default_factory=list)
    dirty: bool = False


@dataclass(eq=False, slots=True)
class _FigureRec:
    id: int | None
    n_sources: int
    first: tuple[_Doc, Figure] | None = None  # the first report, for a new figure
    sources: list[tuple[_Doc, Figure]] = field(default_factory=list)


def _figure_key(kind: str, countries_key: str, value: float, unit: str | None, qualifier: str | None,
                what: str | None, period: str | None) -> tuple[Any, ...]:
    return kind, countries_key, float(value), unit, qualifier, evidence_key(what) if what else None, period


def _initiator(event: Event) -> str | None:
    """The state that acts in a directed act (a message's sender): the record names it first."""
    return event.countries[0] if event.countries and event.type in types_where("directed") else None


def _event_keys(event: Event) -> tuple[str, str, str, str | None]:
    # A's message to B and B's message to A are two acts, whatever else they share
    return (event.type, ",".join(sorted(set(event.countries))), ",".join(sorted(set(event.organizations))),
            _initiator(event))


# --- one batch -------------------------------------------------------------------------------------------


class _Batch:
    def __init__(self, conn: Connection, people: People, index: EventIndex, version: str,
                 sections: frozenset[str]) -> None:
        self.conn = conn
        self.people = people
        self.index = index
        self.version = version
        self.sections = sections
        self.docs: list[_Doc] = []
        self.events: dict[EventKey, list[EventRec]] = {}  # the events this batch changed, by key
        self.relations: dict[tuple[str, str, str], _RelationRec] = {}
        self.figures: dict[tuple[Any, ...], _FigureRec] = {}
        self.titles: dict[tuple[PersonRec, str], list[Any]] = {}  # -> [org, first, last, mentions]
        self.mentions: list[tuple[PersonRec, _Doc, str, str | None]] = []
        self.touched: list[PersonRec] = []

    # prefetch: the candidates of the whole batch, one query per table

    def prefetch(self, items: Sequence[Item]) -> None:
        events = [e for it in items for e in it.extraction.events if e.section in self.sections]
        # in the order of the pages (not the set's, which changes from one process to the next): events are
        # written, and numbered, in this order
        reports = [(_event_keys(e), e.date.start, e.date.end) for e in events]
        for k, _, _ in reports:
            self.events.setdefault(k, [])
        self.index.load(self.conn, self.people, reports)
        pairs = {(*sorted(r.countries), r.level) for it in items for r in it.extraction.relations
                 if r.section in self.sections}
        if pairs:
            rel = s.Relation
            relation_rows: list[Any] = [
                row for where in any_of((rel.a, rel.b, rel.level), sorted(pairs))
                for row in self.conn.execute(select(rel.id, rel.a, rel.b, rel.level, rel.since, rel.first_mention,
                                                    rel.last_mention, rel.n_sources).where(where))]
            for i, a, b, level, since, first, last, n in sorted(relation_rows, key=lambda r: r[0]):
                self.relations[(a, b, level)] = _RelationRec(i, a, b, level, since, first, last, n)
        kinds = {(f.kind, ",".join(sorted(set(f.countries)))) for it in items for f in it.extraction.figures
                 if f.section in self.sections}
        if kinds:
            fig = s.Figure
            figure_rows: list[Any] = [row for where in any_of((fig.kind, fig.countries_key), sorted(kinds))
                     for row in self.conn.execute(select(fig.id, fig.n_sources, fig.kind, fig.countries_key, fig.value,
                                                         fig.unit, fig.qualifier, fig.what, fig.period).where(where))]
            # the first of equal figures (the lowest id) is the one a later report joins, as before
            for i, n, kind, countries, value, unit, qualifier, what, period in sorted(figure_rows, key=lambda r: r[0]):
                self.figures.setdefault(_figure_key(kind, countries, value, unit, qualifier, what, period),
                                        _FigureRec(i, n))

    # resolution of one page

    def add(self, item: Item) -> None:
        doc = _Doc(item, item.doc_id)
        self.docs.append(doc)
        article = item.article
        for event in item.extraction.events:
            if event.section in self.sections:
                self._event(doc, article, event)
        for rel in item.extraction.relations:
            if rel.section in self.sections:
                self._relation(doc, article, rel)
        for f in item.extraction.figures:
            if f.section in self.sections:
                self._figure(doc, article, f)

    def _note_title(self, person: PersonRec, title: str, org: str | None, day: str | None) -> None:
        held = self.titles.get((person, title))
        if held is None:
            held = self.titles[(person, title)] = [org, day, day, 0]
        held[3] += 1
        if day:
            held[1] = min(filter(None, [held[1], day]))
            held[2] = max(filter(None, [held[2], day]))

    def _event(self, doc: _Doc, article: Article, event: Event) -> None:
        day = _day(article, event)
        persons: list[tuple[PersonRec, str | None, str | None, str | None]] = []
        for p in event.participants:
            person = self.people.resolve(p)
            self.touched.append(person)
            title = canonical_title(p.title) if p.title else None
            if title:
                self._note_title(person, title, p.org, day)
                self.mentions.append((person, doc, title, day))
            persons.append((person, title, p.country, p.org))
        ids = {person for person, *_ in persons}
        foreign = {person for person, _, country, _ in persons if country != HOME}
        key = _event_keys(event)
        evidence = evidence_key(event.evidence.text)
        row = next((r for r in self.index.candidates(key, event.date.start, event.date.end, evidence)
                    if self._same_act(r, event, ids, foreign, evidence, article.published)), None)
        if row is None:
            row = EventRec(None, event.type, key[1], key[2], key[3], event.status, event.salience, event.date.start,
                           event.date.end, event.date.part_of_day, event.place.name, event.place.country, 0)
            self.index.add(row)
        elif self._merge(row, event):
            self.index.place(row)  # a more precise date: the buckets of its new date
        for person, title, country, org in persons:
            if person not in row.people:
                row.people[person] = country
                row.new_people.append((person, title, country, org))
        if not event.date.start:
            self.index.reprinted(row, evidence, article.published)
        row.sources.append((doc, event))
        row.n_sources += 1
        if not row.dirty:
            row.dirty = True
            self.events.setdefault(key, []).append(row)

    @staticmethod
    def _same_act(row: EventRec, event: Event, people: set[PersonRec], foreign: set[PersonRec], evidence: str,
                  published: str | None) -> bool:
        if not row.date_start and not event.date.start:
            # neither report dates the act: one act only if this is a reprint of a report of it
            if not any(e == evidence and _near(p, published) for e, p in row.reprints):
                return False
        elif not compatible(row.date_start, row.date_end, event.date.start, event.date.end):
            return False
        theirs = set(row.people)
        foreign_theirs = {p for p, country in row.people.items() if country != HOME}
        # reports of one act share its people; acts with different counterparts are different acts
        if foreign and foreign_theirs:
            return bool(foreign & foreign_theirs)
        return not (people and theirs and not (people & theirs))

    @staticmethod
    def _merge(row: EventRec, event: Event) -> bool:
        """Keep the most precise date and the union of details; True if the date changed."""
        redated = precision(event.date.start) > precision(row.date_start) or (
            precision(event.date.start) == precision(row.date_start) and bool(event.date.end) and not row.date_end)
        if redated:
            row.date_start, row.date_end = event.date.start, event.date.end
        row.part_of_day = row.part_of_day or event.date.part_of_day
        if event.place.country and (not row.place_country or (event.place.name and not row.place_name)):
            row.place_name, row.place_country = event.place.name, event.place.country
        if event.status == "occurred":
            row.status = "occurred"  # a plan that a later report tells as done
        if event.salience == "main":
            row.salience = "main"
        return redated

    def _relation(self, doc: _Doc, article: Article, rel: Any) -> None:
        day = article.published
        a, b = sorted(rel.countries)
        row = self.relations.get((a, b, rel.level))
        if row is None:
            row = self.relations[(a, b, rel.level)] = _RelationRec(None, a, b, rel.level, rel.since, day, day, 0)
        if rel.since and (row.since is None or rel.since < row.since):
            row.since = rel.since
        if day:
            row.first_mention = min(filter(None, [row.first_mention, day]))
            row.last_mention = max(filter(None, [row.last_mention, day]))
        row.n_sources += 1
        row.sources.append((doc, rel))
        row.dirty = True

    def _figure(self, doc: _Doc, article: Article, f: Figure) -> None:
        countries = ",".join(sorted(set(f.countries)))
        period = (article.published or "")[:4] or None
        key = _figure_key(f.kind, countries, f.value, f.unit, f.qualifier, f.what, period)
        row = self.figures.get(key)
        if row is None:
            row = self.figures[key] = _FigureRec(None, 0, (doc, f))
        row.n_sources += 1
        row.sources.append((doc, f))

    # writing

    def write(self) -> None:
        conn = self.conn
        self._write_documents()
        self._write_people()
        self._write_events()
        rels = [r for r in self.relations.values() if r.dirty]
        new = [r for r in rels if r.id is None]
        fresh = {id(x) for x in new}  # (membership by identity, in constant time)
        ids = insert_rows(conn, s.Relation.__table__, [
            {"a": r.a, "b": r.b, "level": r.level, "since": r.since, "first_mention": r.first_mention,
             "last_mention": r.last_mention, "n_sources": r.n_sources} for r in new])
        for r, i in zip(new, ids, strict=True):
            r.id = i
        update_rows(conn, s.Relation.__table__, [
            {"id": r.id, "since": r.since, "first_mention": r.first_mention, "last_mention": r.last_mention,
             "n_sources": r.n_sources} for r in rels if id(r) not in fresh])
        insert_rows(conn, s.RelationSource.__table__, [
            {"relation_id": r.id, "document_id": d.id, "since": rel.since, "evidence": rel.evidence.text,
             "start": rel.evidence.start, "end": rel.evidence.end} for r in rels for d, rel in r.sources],
                returning=False)
        self._write_figures()

    def _write_documents(self) -> None:
        new = [d for d in self.docs if d.id is None]
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        rows = []
        for d in new:
            a = d.item.article
            rows.append({"content_hash": d.item.digest, "source": a.source, "url": a.url, "outlet": a.outlet,
                         "published": a.published, "title": a.title, "text": a.text,
                         "folded": d.item.folded if d.item.folded is not None else search_key(a.title, a.text),
                         "markup": a.markup, "encoding": a.encoding,
                         "extractor_version": self.version, "ingested_at": now})
        for d, i in zip(new, insert_rows(self.conn, s.Document.__table__, rows), strict=True):
            d.id = i

    def _write_people(self) -> None:
        conn = self.conn
        touched = list(dict.fromkeys(self.touched))
        new = [p for p in touched if p.id is None]
        fresh = {id(x) for x in new}  # (membership by identity, in constant time)
        for p, i in zip(new, insert_rows(conn, s.Person.__table__, [{"name": p.name, "country": p.country}
                                                                for p in new]), strict=True):
            p.id = i
            self.people.by_id[i] = p
        update_rows(conn, s.Person.__table__, [{"id": p.id, "name": p.name, "country": p.country}
                                           for p in touched if p.dirty and id(p) not in fresh])
        insert_rows(conn, s.PersonName.__table__, [
            {"person_id": p.id, "name": n, "key": k, "last_word": k.split()[-1][:60] if k.split() else ""}
            for p in touched for n, k in p.new_names], returning=False)
        for p in touched:
            p.new_names.clear()
            p.dirty = False
        if not self.titles:
            return
        pt = s.PersonTitle
        held: dict[tuple[int | None, str], tuple[int, str | None, str | None, int]] = {
            (person_id, title): (i, first, last, mentions) for i, person_id, title, first, last, mentions in
                conn.execute(select(pt.id, pt.person_id, pt.title, pt.first_seen, pt.last_seen, pt.mentions)
                             .where(pt.person_id.in_(sorted({p.id for p, _ in self.titles if p.id is not None}))))}
        inserts, updates = [], []
        for (person, title), (org, first, last, mentions) in self.titles.items():
            old = held.get((person.id, title))
            if old is None:
                inserts.append({"person_id": person.id, "title": title, "org": org, "first_seen": first,
                                "last_seen": last, "mentions": mentions})
            else:
                updates.append({"id": old[0], "first_seen": min(filter(None, [old[1], first]), default=None),
                                "last_seen": max(filter(None, [old[2], last]), default=None),
                                "mentions": (old[3] or 0) + mentions})
        insert_rows(conn, pt.__table__, inserts, returning=False)
        update_rows(conn, pt.__table__, updates)
        insert_rows(conn, s.PersonMention.__table__, [
            {"person_id": p.id, "document_id": d.id, "title": title, "day": day}
            for p, d, title, day in self.mentions], returning=False)

    def _write_events(self) -> None:
        conn = self.conn
        # by key in the order of the pages, then as the index orders them (stored events by id, then new ones)
        rows = [r for recs in self.events.values() for r in sorted(recs, key=lambda r: r.seq)]
        new = [r for r in rows if r.id is None]
        fresh = {id(x) for x in new}  # (membership by identity, in constant time)
        fields = ("type", "status", "salience", "date_start", "date_end", "part_of_day", "place_name", "place_country",
                  "countries_key", "bodies_key", "n_sources", "initiator")
        for r, i in zip(new, insert_rows(conn, s.Event.__table__, [{f: getattr(r, f) for f in fields} for r in new]),
                        strict=True):
            r.id = i
        update_rows(conn, s.Event.__table__, [{"id": r.id, **{f: getattr(r, f) for f in fields[1:8]},
                                           "n_sources": r.n_sources} for r in rows if id(r) not in fresh])
        insert_rows(conn, s.EventCountry.__table__, [{"event_id": r.id, "code": c} for r in new
                                                 for c in r.countries_key.split(",") if c], returning=False)
        insert_rows(conn, s.EventBody.__table__, [{"event_id": r.id, "key": b} for r in new
                                              for b in r.bodies_key.split(",") if b], returning=False)
        participants = []
        for r in rows:
            for person, title, country, org in r.new_people:
                rank, pillar = _title_rank(title) if title else (9, None)
                participants.append({"event_id": r.id, "person_id": person.id, "title": title, "country": country,
                                     "org": org, "rank": rank, "pillar": pillar})
        insert_rows(conn, s.EventParticipant.__table__, participants, returning=False)
        insert_rows(conn, s.EventSource.__table__, [
            {"event_id": r.id, "document_id": d.id, "section": e.section, "status": e.status,
             "date_start": e.date.start, "date_end": e.date.end, "evidence": e.evidence.text,
             "start": e.evidence.start, "end": e.evidence.end} for r in rows for d, e in r.sources], returning=False)

    def _write_figures(self) -> None:
        conn = self.conn
        rows = [r for r in self.figures.values() if r.sources]
        new = [r for r in rows if r.id is None]
        fresh = {id(x) for x in new}  # (membership by identity, in constant time)
        inserts = []
        for r in new:
            assert r.first is not None
            d, f = r.first
            countries = ",".join(sorted(set(f.countries)))
            inserts.append({"document_id": d.id, "kind": f.kind, "countries_key": countries,
                            "partner": ",".join(c for c in sorted(set(f.countries)) if c != HOME) or None,
                            "value": f.value, "unit": f.unit, "qualifier": f.qualifier, "what": f.what,
                            "period": (d.item.article.published or "")[:4] or None,
                            "published": d.item.article.published, "evidence": f.evidence.text,
                            "start": f.evidence.start, "end": f.evidence.end, "n_sources": r.n_sources})
        for r, i in zip(new, insert_rows(conn, s.Figure.__table__, inserts), strict=True):
            r.id = i
        update_rows(conn, s.Figure.__table__, [{"id": r.id, "n_sources": r.n_sources}
                                               for r in rows if id(r) not in fresh])
        insert_rows(conn, s.FigureSource.__table__, [
            {"figure_id": r.id, "document_id": d.id, "published": d.item.article.published,
             "evidence": f.evidence.text, "start": f.evidence.start, "end": f.evidence.end}
            for r in rows for d, f in r.sources], returning=False)


def _take_turn(conn: Connection) -> int:
    """Advance the write counter (first in the batch's transaction: on PostgreSQL a concurrent writer waits
    here until this batch commits) and return it."""
    wc = s.WriteCounter
    turn = conn.execute(update(wc).where(wc.id == 1).values(batches=wc.batches + 1).returning(wc.batches)).scalar()
    if turn is None:  # (a knowledge base whose row was deleted)
        conn.execute(insert(wc).values(id=1, batches=1))
        turn = 1
    return int(turn)


# --- the writer -------------------------------------------------------------------------------------------


class Writer:
    """Stores batches of pages in one session; keeps the people index between batches."""

    def __init__(self, session: Session, version: str, related: bool = False) -> None:
        self.session = session
        self.version = version
        self.sections = frozenset({"article", "related"} if related else {"article"})
        self.people = People()
        self.index = EventIndex()

    def _run(self, items: Sequence[Item]) -> None:
        conn = self.session.connection()
        turn = _take_turn(conn)
        forgotten = forget(conn, [it.doc_id for it in items if it.doc_id is not None])
        self.people.refresh(conn)
        self.index.check(turn, self.people)
        self.index.forgotten(conn, forgotten)
        batch = _Batch(conn, self.people, self.index, self.version, self.sections)
        batch.prefetch(items)
        for item in items:
            batch.add(item)
        batch.write()
        self.index.written(turn, (r for recs in batch.events.values() for r in recs))
        if any(it.doc_id is not None for it in items):
            conn.execute(update(s.Document).where(s.Document.id.in_([it.doc_id for it in items if it.doc_id]))
                         .values(extractor_version=self.version))

    def store(self, items: Sequence[Item]) -> list[tuple[Item, Exception]]:
        """Store ``items`` (one transaction savepoint); a batch that fails is retried page by page, and the
        pages that fail alone are returned with their error."""
        if not items:
            return []
        try:
            with self.session.begin_nested():
                self._run(items)
            return []
        except BATCH_ERRORS as exc:
            self.people.forget_new()
            self.index.clear()  # its events hold what the batch did before it failed
            if len(items) == 1:
                return [(items[0], exc)]
        failed: list[tuple[Item, Exception]] = []
        for item in items:
            failed += self.store([item])
        return failed
