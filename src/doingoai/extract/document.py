"""Everything the extraction rules need to know about one text, computed once.

``Doc`` bundles the analysis of a text (tokens, sentences, state/body/place/person/date mentions) and
the resolution of people across the text (who "Tổng Bí thư" or "bà Vodanovic" refers to).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from doingoai.analyse.dates import DateExpr, find_date_exprs
from doingoai.analyse.gazetteer import gazetteer
from doingoai.analyse.mentions import BodyMention, PlaceMention, StateMention, find_bodies, find_places, find_states
from doingoai.analyse.officeholders import state_of
from doingoai.analyse.people import PersonMention, find_people, looks_vietnamese
from doingoai.analyse.sentences import Sentence, split_sentences
from doingoai.analyse.spans import Spans
from doingoai.analyse.tokens import Token, tokenize
from doingoai.config import HOME
from doingoai.lexicon import Table, patterns
from doingoai.prefilter import Prefiltered, lowered

__all__ = ["Doc", "Person", "analyse"]



@cache
def _rx() -> Table[re.Pattern[str]]:
    """The plain patterns of ``data/patterns_document.yaml``."""
    return patterns("patterns_document.yaml")


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
    low: str | None = None  # the text lower-cased for the prefiltered patterns (``prefilter.lowered``)
    headline: str = ""  # the story's title, when the rules need what it calls the act
    # what the rules look up again and again, computed once: each mention's index, the parties of a
    # sentence ...; and the start offsets of the lists above, by the list's id (the lists do not change
    # once analysed)
    memo: dict[Any, Any] = field(default_factory=dict)
    starts: dict[int, list[int]] = field(default_factory=dict)

    def lower(self, start: int, end: int) -> str | None:
        """``low`` for ``text[start:end]``."""
        return self.low[start:end] if self.low is not None else None

    def candidates(self, pattern: Prefiltered) -> list[int] | None:
        """Where in the text a match of ``pattern`` may start (``Prefiltered.candidates``), found once
        for all the patterns of its group."""
        return pattern.group.candidates(self.text, self.low)[pattern.index]

    def may_match(self, patterns: tuple[Prefiltered, ...], start: int, end: int) -> bool:
        """False when none of ``patterns`` can match inside ``text[start:end]``."""
        key = ("any candidate", patterns)
        if key not in self.memo:
            found = [self.candidates(p) for p in patterns]
            self.memo[key] = None if any(c is None for c in found) else sorted({at for c in found if c for at in c})
        union: list[int] | None = self.memo[key]
        return union is None or bisect_left(union, start) < bisect_left(union, end)

    def finditer(self, pattern: Prefiltered, sent: Sentence) -> Iterator[re.Match[str]]:
        """``pattern.pattern.finditer(sent.text)``, tried only where the text's candidates are."""
        return pattern.finditer_in(sent.text, sent.start, self.candidates(pattern))

    def search(self, pattern: Prefiltered, start: int, end: int) -> re.Match[str] | None:
        """``pattern.pattern.search(text[start:end])`` (offsets in the match are the part's own)."""
        return next(pattern.finditer_in(self.text[start:end], start, self.candidates(pattern)), None)

    def _starts(self, items: list) -> list[int]:  # type: ignore[type-arg]
        starts: list[int] | None = self.starts.get(id(items))
        if starts is None:
            starts = self.starts[id(items)] = [x.start for x in items]
        return starts

    def in_span(self, items: list, start: int, end: int) -> list:  # type: ignore[type-arg]
        """Items (with .start/.end) lying inside [start, end): one of the Doc's own lists."""
        starts = self._starts(items)
        lo, hi = bisect_left(starts, start), bisect_right(starts, end - 1)
        return [x for x in items[lo:hi] if x.end <= end]

    def covered(self, items: list, start: int, end: int) -> bool:  # type: ignore[type-arg]
        """Some item of ``items`` (one of the Doc's own lists) holds [start, end)."""
        cover: Spans | None = self.memo.get(("cover", id(items)))
        if cover is None:
            cover = self.memo[("cover", id(items))] = Spans((x.start, x.end) for x in items)
        return cover.holds(start, end)

    def person_of(self, mention: PersonMention) -> Person | None:
        index: dict[int, int] | None = self.memo.get("mention index")
        if index is None:
            # by identity (hashing a mention hashes all its fields), to the index of the first equal
            # mention, as ``list.index`` finds it; the mentions stay alive in the list, so ids are theirs
            first: dict[PersonMention, int] = {}
            index = self.memo["mention index"] = {id(m): first.setdefault(m, i) for i, m in enumerate(self.mentions)}
        idx = index.get(id(mention))
        if idx is None:
            idx = self.mentions.index(mention)  # not one of this text's mentions: an equal one, or raises
        p = self.who.get(idx)
        return self.people[p] if p is not None else None

    def _sentence_index(self, offset: int) -> int | None:
        """The index of the sentence holding ``offset``, if any (sentences are disjoint and in order)."""
        k = bisect_right(self._starts(self.sentences), offset) - 1
        return k if k >= 0 and offset < self.sentences[k].end else None

    def sentence_at(self, offset: int) -> Sentence | None:
        k = self._sentence_index(offset)
        return self.sentences[k] if k is not None else None

    def partner_near(self, offset: int, back: int = PARTNER_LOOKBACK, *, prefer_main: bool = False) -> str | None:
        """The foreign state the text is about around ``offset``: the latest one named in this sentence
        or the few before it (people's states included), else the story's main partner. With
        ``prefer_main``, the main partner when it is named there at all: "hai nước" after "... lớn thứ 5
        của Trung Quốc, sau Mỹ, Nhật Bản và Nga" is still Vietnam and China."""
        idx = self._sentence_index(offset)
        if idx is None:
            idx = len(self.sentences) - 1
        if prefer_main and self.main_partner:
            first = self.sentences[max(0, idx - back)].start
            if any(x.code == self.main_partner for x in self.in_span(self.states, first, offset)):
                return self.main_partner
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

    def pair_near(self, offset: int, back: int = PARTNER_LOOKBACK) -> list[str]:
        """The two states "hai nước" / "hai bên" means around ``offset``: the last two distinct states named
        (people's states included) in this sentence and the few before it, most recent first; Vietnam and
        the main partner when the passage names fewer."""
        idx = self._sentence_index(offset)
        if idx is None:
            idx = len(self.sentences) - 1
        found: list[tuple[int, str]] = []
        for k in range(idx, max(-1, idx - back - 1), -1):
            s = self.sentences[k]
            limit = s.end
            found += [(x.start, x.code) for x in self.in_span(self.states, s.start, limit)]
            for i in self.people_idx_in(s.start, limit):
                p = self.people[self.who[i]] if i in self.who else None
                c = (p.country if p else None) or self.mentions[i].country
                if c:
                    found.append((self.mentions[i].start, c))
            codes = list(dict.fromkeys(code for _, code in sorted(found, key=lambda f: -f[0])))
            if len(codes) >= 2:
                return codes[:2]
        partner = self.main_partner
        return [HOME, partner] if partner else [HOME]

    def people_idx_in(self, start: int, end: int) -> list[int]:
        """Indexes of the mentions lying inside [start, end)."""
        starts = self._starts(self.mentions)
        lo, hi = bisect_left(starts, start), bisect_right(starts, end - 1)
        return [i for i in range(lo, hi) if self.mentions[i].end <= end]


def _same(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    return a == b or a <= b or b <= a




def _delegation_state(doc: Doc, m: PersonMention) -> str | None:
    sent = doc.sentence_at(m.start)
    if sent is None:
        return None
    found = _rx().delegation.search(doc.text, max(sent.start, m.start - 140), m.start) or \
        _rx().delegation_members.search(doc.text, max(sent.start, m.start - 500), m.start)
    if not found:
        return None
    # "đoàn Nhóm Nghị sĩ hữu nghị Pháp - Việt Nam ... do": a delegation names Vietnam in its name only when
    # it is not Vietnam's own
    codes = [s.code for s in doc.in_span(doc.states, found.start(), found.end())]
    foreign = [c for c in codes if c != HOME]
    return (foreign or codes)[-1] if codes else None


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
                # the delegation's state first: "trợ lý Bộ trưởng Bộ Ngoại giao" reads as Vietnam's by default
                country = _delegation_state(doc, m) or m.country or state_of(m.name) or (
                    HOME if looks_vietnamese(m.name) and not m.org else None)
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
    low = lowered(text)
    doc = Doc(
        low=low,
        text=text,
        tokens=tokens,
        sentences=split_sentences(text),
        states=find_states(tokens, ix),
        bodies=find_bodies(text, ix),
        places=find_places(tokens, ix),
        mentions=find_people(text, ix),
        dates=find_date_exprs(text, low=low),
    )
    _resolve_people(doc)
    doc.main_partner = _main_partner(doc)
    return doc
