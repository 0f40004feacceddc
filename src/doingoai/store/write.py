"""Write one document and what was extracted from it, resolving people, events and relations against
what the knowledge base already holds.

Everything here runs inside the caller's transaction: a document is stored with all its facts or not
at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cache

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from doingoai.analyse.gazetteer import gazetteer
from doingoai.clean.normalize import normalize
from doingoai.config import HOME
from doingoai.extract.cues import types_where
from doingoai.lexicon import load_tsv
from doingoai.model import Article, Event, Extraction, Participant
from doingoai.resolve.dates import compatible, precision
from doingoai.resolve.people import last_word, name_key, same_name
from doingoai.store import schema as s
from doingoai.store.search_syntax import search_key

__all__ = ["content_hash", "ensure_reference_data", "store_document"]



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


def _person(session: Session, p: Participant) -> s.Person:
    key = name_key(p.name)
    found = session.scalars(select(s.Person).join(s.PersonName).where(s.PersonName.key == key)).first()
    if found is None:
        # another spelling of someone known: same state, one name inside the other ("Montealegre")
        query = select(s.Person).join(s.PersonName).where(s.PersonName.key.contains(last_word(p.name)))
        if p.country:
            query = query.where((s.Person.country == p.country) | s.Person.country.is_(None))
        candidates = session.scalars(query.limit(50)).unique().all()
        for person in candidates:
            if p.country and person.country and p.country != person.country:
                continue
            names = [n.name for n in person.names]
            if any(same_name(p.name, n) for n in names) or (len(key.split()) == 1 and p.country == person.country):
                found = person
                break
    if found is None:
        found = s.Person(name=p.name, country=p.country)
        session.add(found)
        session.flush()
    if not any(n.key == key for n in found.names):
        found.names.append(s.PersonName(name=p.name, key=key, last_word=last_word(p.name)))
        if len(p.name) > len(found.name):
            found.name = p.name  # the fullest spelling names the person
    if found.country is None and p.country:
        found.country = p.country
    return found


def _note_title(person: s.Person, p: Participant, day: str | None) -> None:
    if not p.title:
        return
    held = next((t for t in person.titles if t.title == p.title), None)
    if held is None:
        held = s.PersonTitle(title=p.title, org=p.org, first_seen=day, last_seen=day, mentions=0)
        person.titles.append(held)
    held.mentions = (held.mentions or 0) + 1
    if day:
        held.first_seen = min(filter(None, [held.first_seen, day]))
        held.last_seen = max(filter(None, [held.last_seen, day]))


def _keys(event: Event) -> tuple[str, str]:
    return ",".join(sorted(set(event.countries))), ",".join(sorted(set(event.organizations)))


def _initiator(event: Event) -> str | None:
    """The state that acts in a directed act (a message's sender): the record names it first."""
    return event.countries[0] if event.countries and event.type in types_where("directed") else None


def _same_act(row: s.Event, event: Event, people: set[int], foreign: set[int]) -> bool:
    if not compatible(row.date_start, row.date_end, event.date.start, event.date.end):
        return False
    theirs = {p.person_id for p in row.participants}
    foreign_theirs = {p.person_id for p in row.participants if p.country != HOME}
    # reports of one act share its people; acts with different counterparts are different acts
    if foreign and foreign_theirs:
        return bool(foreign & foreign_theirs)
    return not (people and theirs and not (people & theirs))


def _find_event(session: Session, event: Event, people: set[int], foreign: set[int]) -> s.Event | None:
    countries, bodies = _keys(event)
    initiator = _initiator(event)
    # A's message to B and B's message to A are two acts, whatever else they share
    query = select(s.Event).where(s.Event.type == event.type, s.Event.countries_key == countries,
                                  s.Event.bodies_key == bodies,
                                  s.Event.initiator.is_(None) if initiator is None else s.Event.initiator == initiator)
    start = event.date.start
    if start and start[:4].isdigit():
        # only events of the same or a neighbouring year can be the same act: keeps the look-up small
        years = {str(int(start[:4]) + d) for d in (-1, 0, 1)}
        query = query.where(or_(s.Event.date_start.is_(None), s.Event.date_start.startswith("-"),
                                *(s.Event.date_start.startswith(y) for y in years)))
    candidates = session.scalars(query).all()
    return next((row for row in candidates if _same_act(row, event, people, foreign)), None)


def _merge_event(row: s.Event, event: Event) -> None:
    """Keep the most precise date and the union of details."""
    if precision(event.date.start) > precision(row.date_start) or (
            precision(event.date.start) == precision(row.date_start) and event.date.end and not row.date_end):
        row.date_start, row.date_end = event.date.start, event.date.end
    row.part_of_day = row.part_of_day or event.date.part_of_day
    if event.place.country and (not row.place_country or (event.place.name and not row.place_name)):
        row.place_name, row.place_country = event.place.name, event.place.country
    if event.status == "occurred":
        row.status = "occurred"  # a plan that a later report tells as done
    if event.salience == "main":
        row.salience = "main"


def _store_event(session: Session, doc: s.Document, article: Article, event: Event) -> None:
    day = _day(article, event)
    persons = []
    for p in event.participants:
        person = _person(session, p)
        _note_title(person, p, day)
        persons.append((person, p))
    ids = {person.id for person, _ in persons}
    foreign = {person.id for person, p in persons if p.country != HOME}
    row = _find_event(session, event, ids, foreign)
    if row is None:
        countries, bodies = _keys(event)
        row = s.Event(type=event.type, status=event.status, salience=event.salience, date_start=event.date.start,
                      date_end=event.date.end, part_of_day=event.date.part_of_day, place_name=event.place.name,
                      place_country=event.place.country, countries_key=countries, bodies_key=bodies, n_sources=0,
                      initiator=_initiator(event))
        row.countries = [s.EventCountry(code=c) for c in sorted(set(event.countries))]
        row.bodies = [s.EventBody(key=b) for b in sorted(set(event.organizations))]
        session.add(row)
    else:
        _merge_event(row, event)
    known = {p.person_id for p in row.participants}
    for person, p in persons:
        if person.id not in known:
            rank, pillar = _title_rank(p.title) if p.title else (9, None)
            row.participants.append(s.EventParticipant(person_id=person.id, title=p.title, country=p.country,
                                                       org=p.org, rank=rank, pillar=pillar))
            known.add(person.id)
    row.sources.append(s.EventSource(document_id=doc.id, section=event.section, status=event.status,
                                     date_start=event.date.start, date_end=event.date.end,
                                     evidence=event.evidence.text, start=event.evidence.start,
                                     end=event.evidence.end))
    row.n_sources = (row.n_sources or 0) + 1


def _store_relations(session: Session, doc: s.Document, article: Article, extraction: Extraction) -> None:
    day = article.published
    for rel in extraction.relations:
        a, b = sorted(rel.countries)
        row = session.scalars(select(s.Relation).where(s.Relation.a == a, s.Relation.b == b,
                                                       s.Relation.level == rel.level)).first()
        if row is None:
            row = s.Relation(a=a, b=b, level=rel.level, since=rel.since, first_mention=day, last_mention=day,
                             n_sources=0)
            session.add(row)
            session.flush()
        if rel.since and (row.since is None or rel.since < row.since):
            row.since = rel.since
        if day:
            row.first_mention = min(filter(None, [row.first_mention, day]))
            row.last_mention = max(filter(None, [row.last_mention, day]))
        row.n_sources = (row.n_sources or 0) + 1
        session.add(s.RelationSource(relation_id=row.id, document_id=doc.id, since=rel.since,
                                     evidence=rel.evidence.text, start=rel.evidence.start, end=rel.evidence.end))


def store_document(session: Session, article: Article, extraction: Extraction, digest: str,
                   version: str) -> s.Document:
    """Store a new document with its facts (the caller checked that ``digest`` is not stored yet)."""
    doc = s.Document(content_hash=digest, source=article.source, url=article.url, outlet=article.outlet,
                     published=article.published, title=article.title, text=article.text,
                     folded=search_key(article.title, article.text), markup=article.markup,
                     encoding=article.encoding, extractor_version=version, ingested_at=dt.datetime.now(dt.UTC)
                     .replace(tzinfo=None))
    session.add(doc)
    session.flush()
    attach_extraction(session, doc, article, extraction)
    return doc


def attach_extraction(session: Session, doc: s.Document, article: Article, extraction: Extraction) -> None:
    """Resolve and store a document's facts (the story's own, not its teasers')."""
    for event in extraction.events:
        if event.section == "article":
            _store_event(session, doc, article, event)
    _store_relations(session, doc, article, extraction)
    for f in extraction.figures:
        if f.section != "article":
            continue
        session.add(s.Figure(document_id=doc.id, kind=f.kind, countries_key=",".join(sorted(set(f.countries))),
                             value=f.value, unit=f.unit, qualifier=f.qualifier, what=f.what,
                             published=article.published, evidence=f.evidence.text, start=f.evidence.start,
                             end=f.evidence.end))
    session.flush()
