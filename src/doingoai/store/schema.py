"""The knowledge base's tables (SQLAlchemy 2 ORM). Stored rows only: API payloads live in ``serve``.

One row per document (idempotent by content hash); events, relations and people are resolved across
documents, and every fact keeps the sources (document + evidence sentence) that reported it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

__all__ = [
    "Base", "Body", "Document", "Event", "EventBody", "EventCountry", "EventParticipant", "EventSource", "Figure",
    "FigureSource", "Person", "PersonAlias", "PersonMention", "PersonName", "PersonTitle", "Relation", "RelationSource",
    "State", "WriteCounter",
]


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    # the search key: the folded words (lower-case, no tone marks) of title and text between single spaces
    # (search_syntax.search_key), which `doingoai search` and `events --text` match whole words in
    folded: Mapped[str] = mapped_column(Text)
    markup: Mapped[str] = mapped_column(String(8))
    encoding: Mapped[str] = mapped_column(String(20))
    extractor_version: Mapped[str] = mapped_column(String(20), index=True)
    ingested_at: Mapped[dt.datetime] = mapped_column()


class State(Base):
    __tablename__ = "states"
    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))


class Body(Base):
    __tablename__ = "bodies"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(300))


class Person(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    names: Mapped[list[PersonName]] = relationship(back_populates="person", cascade="all, delete-orphan")
    titles: Mapped[list[PersonTitle]] = relationship(back_populates="person", cascade="all, delete-orphan")


class PersonName(Base):
    """Every spelling a person was printed with ("Tô Lâm"; "Meynardo Los Banos Montealegre", "Montealegre")."""

    __tablename__ = "person_names"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200), index=True)  # folded: case and diacritics ignored
    last_word: Mapped[str] = mapped_column(String(60), index=True)
    person: Mapped[Person] = relationship(back_populates="names")
    __table_args__ = (UniqueConstraint("person_id", "key"),)


class PersonMention(Base):
    """A document naming a person with a title: what ``person_titles`` counts, kept so that re-extracting a
    document takes back exactly what it added."""

    __tablename__ = "person_mentions"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    day: Mapped[str | None] = mapped_column(String(10))


class PersonAlias(Base):
    """A user's correction: ``alias`` is another spelling of ``canonical``'s person (``person --merge``, an alias
    file). Kept apart from the people so that it survives ``ingest --reprocess`` and applies to later pages."""

    __tablename__ = "person_aliases"
    alias_key: Mapped[str] = mapped_column(String(200), primary_key=True)  # name_key of the alias
    alias: Mapped[str] = mapped_column(String(200))
    canonical: Mapped[str] = mapped_column(String(200))
    canonical_key: Mapped[str] = mapped_column(String(200), index=True)


class PersonTitle(Base):
    """A title a person held, with the first and last date the press gave it (titles change over time)."""

    __tablename__ = "person_titles"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    org: Mapped[str | None] = mapped_column(String(300))
    first_seen: Mapped[str | None] = mapped_column(String(10))
    last_seen: Mapped[str | None] = mapped_column(String(10))
    mentions: Mapped[int] = mapped_column(Integer, default=0)
    person: Mapped[Person] = relationship(back_populates="titles")
    __table_args__ = (UniqueConstraint("person_id", "title"),)


class Event(Base):
    """One diplomatic act, resolved across the documents that report it."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(10))
    salience: Mapped[str] = mapped_column(String(12))
    date_start: Mapped[str | None] = mapped_column(String(10), index=True)
    date_end: Mapped[str | None] = mapped_column(String(10))
    part_of_day: Mapped[str | None] = mapped_column(String(10))
    place_name: Mapped[str | None] = mapped_column(String(200))
    place_country: Mapped[str | None] = mapped_column(String(2))
    countries_key: Mapped[str] = mapped_column(String(100))  # "PH,VN": sorted, for matching
    # the state that acts on the others in a directed act (event_types.yaml `directed`: the sender of a
    # message, the objecting state of a protest, the speaker of a statement): the record's first state
    initiator: Mapped[str | None] = mapped_column(String(2))
    bodies_key: Mapped[str] = mapped_column(String(200))
    n_sources: Mapped[int] = mapped_column(Integer, default=0)
    countries: Mapped[list[EventCountry]] = relationship(cascade="all, delete-orphan")
    bodies: Mapped[list[EventBody]] = relationship(cascade="all, delete-orphan")
    participants: Mapped[list[EventParticipant]] = relationship(cascade="all, delete-orphan")
    sources: Mapped[list[EventSource]] = relationship(cascade="all, delete-orphan", back_populates="event")
    # the filters and sorts of the event list (migration 0006): matching events already in date order
    __table_args__ = (Index("ix_events_match", "type", "countries_key", "bodies_key"),
                      Index("ix_events_type_status_date", "type", "status", "date_start"),
                      Index("ix_events_status_date", "status", "date_start"))


class EventCountry(Base):
    __tablename__ = "event_countries"
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(2), primary_key=True, index=True)
    # "the events of this state" from the index alone (migration 0006)
    __table_args__ = (Index("ix_event_countries_code_event", "code", "event_id"),)


class EventBody(Base):
    __tablename__ = "event_bodies"
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)
    __table_args__ = (Index("ix_event_bodies_key_event", "key", "event_id"),)  # as event_countries'


class EventParticipant(Base):
    __tablename__ = "event_participants"
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True,
                                           index=True)
    title: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(2))
    org: Mapped[str | None] = mapped_column(String(300))
    rank: Mapped[int] = mapped_column(Integer, default=9)  # of the title: 1 heads of party/state/government
    pillar: Mapped[str | None] = mapped_column(String(20))
    __table_args__ = (Index("ix_event_participants_person_event", "person_id", "event_id"),)  # as event_countries'


class EventSource(Base):
    """Which document reported an event, with the sentence that states it."""

    __tablename__ = "event_sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    section: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10))
    date_start: Mapped[str | None] = mapped_column(String(10))
    date_end: Mapped[str | None] = mapped_column(String(10))
    evidence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    event: Mapped[Event] = relationship(back_populates="sources")


class Relation(Base):
    """The level of a pair's relationship, with when it began and when the press last said it."""

    __tablename__ = "relations"
    id: Mapped[int] = mapped_column(primary_key=True)
    a: Mapped[str] = mapped_column(String(2), index=True)
    b: Mapped[str] = mapped_column(String(2), index=True)
    level: Mapped[str] = mapped_column(String(40))
    since: Mapped[int | None] = mapped_column(Integer)
    first_mention: Mapped[str | None] = mapped_column(String(10))
    last_mention: Mapped[str | None] = mapped_column(String(10))
    n_sources: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (UniqueConstraint("a", "b", "level"),)


class RelationSource(Base):
    __tablename__ = "relation_sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    relation_id: Mapped[int] = mapped_column(ForeignKey("relations.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    since: Mapped[int | None] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class Figure(Base):
    """One figure (a trade target, a turnover, an aid package): the same kind, states, value, unit, qualifier,
    thing counted and period reported by several outlets is one row with several sources. ``document_id``,
    ``published`` and ``evidence`` are those of the first report."""

    __tablename__ = "figures"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    countries_key: Mapped[str] = mapped_column(String(100), index=True)
    partner: Mapped[str | None] = mapped_column(String(100))  # the states other than Vietnam: "PH"
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(8))
    qualifier: Mapped[str | None] = mapped_column(String(12))
    what: Mapped[str | None] = mapped_column(Text)
    period: Mapped[str | None] = mapped_column(String(4))  # the year it was reported in: a figure is of its time
    published: Mapped[str | None] = mapped_column(String(10))
    evidence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    n_sources: Mapped[int] = mapped_column(Integer, default=1)
    sources: Mapped[list[FigureSource]] = relationship(cascade="all, delete-orphan", back_populates="figure")


class FigureSource(Base):
    """Which document reported a figure, with the sentence that states it."""

    __tablename__ = "figure_sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    figure_id: Mapped[int] = mapped_column(ForeignKey("figures.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    published: Mapped[str | None] = mapped_column(String(10))
    evidence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    figure: Mapped[Figure] = relationship(back_populates="sources")


class WriteCounter(Base):
    """One row: how many batches writers have stored. Each writer advances it first thing in a batch's
    transaction, so that a writer that keeps stored events in memory across batches (``store.event_index``)
    sees when another process wrote in between, and concurrent writers of one PostgreSQL knowledge base
    take turns, batch by batch (the row stays locked until the batch commits)."""

    __tablename__ = "write_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batches: Mapped[int] = mapped_column(Integer, default=0)
