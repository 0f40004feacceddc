"""Everything the extraction rules need to know about one text, computed once.

``Doc`` bundles the analysis of a text (tokens, sentences, state/body/place/person/date mentions) and
the resolution of people across the text (who "Tổng Bí thư" or "bà Vodanovic" refers to).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from doingoai.analyse.dates import DateExpr, find_date_exprs
from doingoai.analyse.gazetteer import gazetteer
from doingoai.analyse.mentions import BodyMention, PlaceMention, StateMention, find_bodies, find_places, find_states
from doingoai.analyse.people import PersonMention, find_people, looks_vietnamese
from doingoai.analyse.sentences import Sentence, split_sentences
from doingoai.analyse.tokens import Token, tokenize

__all__ = ["Doc", "Person", "analyse"]

HOME = "VN"
# How many sentences back "hai nước" (the two countries) may look for the foreign side it means.
PARTNER_LOOKBACK = 4


@dataclass(slots=True)
class Person:
    """One person of the text, with what all mentions of them say."""

    name: str
    title: str | None
    country: str | None
    org: str | None
    rank: int
    pillar: str
    words: frozenset[str] = field(default_factory=frozenset)


def _words(name: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in name.replace("-", " ").split() if w.strip(".").isalnum() or len(w) > 1)


@dataclass(slots=True)
class Doc:
    text: str
    tokens: list[Token]
    sentences: list[Sentence]
    states: list[StateMention]
    bodies: list[BodyMention]
    places: list[PlaceMention]
    mentions: list[PersonMention]
    dates: list[DateExpr]
    people: list[Person] = field(default_factory=list)
    who: dict[int, int] = field(default_factory=dict)  # mention index -> person index
    main_partner: str | None = None

    def in_span(self, items: list, start: int, end: int) -> list:  # type: ignore[type-arg]
        """Items (with .start/.end) lying inside [start, end)."""
        starts = [x.start for x in items]
        lo, hi = bisect_left(starts, start), bisect_right(starts, end - 1)
        return [x for x in items[lo:hi] if x.end <= end]

    def person_of(self, mention: PersonMention) -> Person | None:
        idx = self.mentions.index(mention)
        p = self.who.get(idx)
        return self.people[p] if p is not None else None

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def partner_near(self, offset: int, back: int = PARTNER_LOOKBACK) -> str | None:
        """The foreign state the text is about around ``offset``: the latest one named in this sentence
        or the few before it (people's states included), else the story's main partner."""
        idx = next((k for k, s in enumerate(self.sentences) if s.start <= offset < s.end), len(self.sentences) - 1)
        for k in range(idx, max(-1, idx - back - 1), -1):
            s = self.sentences[k]
            limit = offset if k == idx else s.end
            found = [(x.start, x.code) for x in self.in_span(self.states, s.start, limit) if x.code != HOME]
            for i in self.people_idx_in(s.start, limit):
                p = self.people[self.who[i]] if i in self.who else None
                c = (p.country if p else None) or self.mentions[i].country
                if c and c != HOME:
                    found.append((self.mentions[i].start, c))
            if found:
                return str(max(found)[1])
        return self.main_partner

    def people_idx_in(self, start: int, end: int) -> list[int]:
        return [i for i, m in enumerate(self.mentions) if start <= m.start and m.end <= end]


def _same(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    return a == b or a <= b or b <= a


def _resolve_people(doc: Doc) -> None:
    recent: list[int] = []  # person indexes, most recently mentioned last

    def seen(k: int) -> None:
        if k in recent:
            recent.remove(k)
        recent.append(k)

    for i, m in enumerate(doc.mentions):
        if m.name:
            words = _words(m.name)
            found = next((k for k in reversed(recent) if _same(words, doc.people[k].words)), None)
            if found is None:
                country = m.country or (HOME if looks_vietnamese(m.name) and not m.org else None)
                doc.people.append(Person(m.name, m.title, country, m.org, m.rank, m.pillar, words))
                found = len(doc.people) - 1
            else:
                p = doc.people[found]
                if len(words) > len(p.words):
                    p.name, p.words = m.name, words
                p.country = p.country or m.country
                p.title = p.title or m.title
                p.org = p.org or m.org
                p.rank = min(p.rank, m.rank)
            doc.who[i] = found
            seen(found)
        elif m.title:
            title = m.title.casefold()
            for k in reversed(recent):
                p = doc.people[k]
                if p.title and title in p.title.casefold() and (m.country is None or m.country == p.country):
                    doc.who[i] = k
                    seen(k)
                    break


def _main_partner(doc: Doc) -> str | None:
    counts = Counter(s.code for s in doc.states if s.code != HOME)
    counts.update(p.country for p in doc.people if p.country and p.country != HOME)
    return counts.most_common(1)[0][0] if counts else None


def analyse(text: str) -> Doc:
    tokens = tokenize(text)
    ix = gazetteer().index(tokens)
    doc = Doc(
        text=text,
        tokens=tokens,
        sentences=split_sentences(text),
        states=find_states(tokens, ix),
        bodies=find_bodies(text, ix),
        places=find_places(tokens, ix),
        mentions=find_people(text, ix),
        dates=find_date_exprs(text),
    )
    _resolve_people(doc)
    doc.main_partner = _main_partner(doc)
    return doc
