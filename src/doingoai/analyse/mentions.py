"""Mentions of states, bodies and places in an article, from the gazetteer plus the context rules the
press needs ("Anh" is Britain only where a state is expected; "AU" keeps its case).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from doingoai.analyse.gazetteer import Match, MatchIndex
from doingoai.analyse.tokens import Token
from doingoai.lexicon import Table, word_sets

__all__ = ["BodyMention", "PlaceMention", "StateMention", "find_bodies", "find_places", "find_states"]


@cache
def _words() -> Table[frozenset[str]]:
    """The word sets of ``data/patterns_mentions.yaml``."""
    return word_sets("patterns_mentions.yaml")


_SESSION = re.compile(r"^\s*[-–]?\s*(\d{1,4})\b")


@dataclass(frozen=True, slots=True)
class StateMention:
    code: str
    start: int
    end: int
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class BodyMention:
    key: str
    start: int
    end: int
    first: int
    last: int
    session: int | None = None  # "GMS 8", "IPU-150", "khóa 79", "lần thứ 45"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    name: str
    country: str
    start: int
    end: int
    first: int
    last: int
    kind: str  # city | province | venue | state


def _ambiguous_ok(tokens: list[Token], m: Match, all_states: list[Match]) -> bool:
    prev = tokens[m.first - 1].key if m.first else ""
    nxt = tokens[m.last + 1].key if m.last + 1 < len(tokens) else ""
    if prev in _words().state_context:
        return True
    # "Việt Nam - Anh", "Anh và Pháp": next to another state
    return nxt in {"-", "và", ","} and any(o.first == m.last + 2 for o in all_states if o is not m)


def find_states(tokens: list[Token], ix: MatchIndex) -> list[StateMention]:
    found = ix.scan(frozenset({"state", "city", "vnplace", "body", "title"}))
    states = [m for m in found if m.entry.kind == "state"]
    out = []
    for m in states:
        if m.entry.ambiguous and not _ambiguous_ok(tokens, m, states):
            continue
        out.append(StateMention(m.entry.value, m.start, m.end, m.first, m.last))
    return out


def find_bodies(text: str, ix: MatchIndex) -> list[BodyMention]:
    out = []
    for m in ix.scan(frozenset({"body", "state", "title"})):
        if m.entry.kind != "body":
            continue
        session = None
        after = _SESSION.match(text[m.end:m.end + 8])
        if after and m.entry.exact_case:
            session = int(after.group(1))
        out.append(BodyMention(m.entry.value, m.start, m.end, m.first, m.last, session))
    return out




def find_places(tokens: list[Token], ix: MatchIndex) -> list[PlaceMention]:
    """Cities, Vietnamese provinces and venues (any position), with the state they are in."""
    out = []
    for m in ix.scan(frozenset({"city", "vnplace", "state", "body", "title"})):
        kind = m.entry.kind
        if kind == "city" and not m.entry.ambiguous:
            out.append(PlaceMention(_text(tokens, m), m.entry.value, m.start, m.end, m.first, m.last, "city"))
        elif kind == "vnplace":
            out.append(PlaceMention(_text(tokens, m), "VN", m.start, m.end, m.first, m.last, m.entry.sub))
    return out


def _text(tokens: list[Token], m: Match) -> str:
    # the form as printed, with the spacing of the text
    parts: list[str] = []
    for i in range(m.first, m.last + 1):
        t = tokens[i]
        if parts and tokens[i - 1].end == t.start:
            parts[-1] += t.text
        else:
            parts.append(t.text)
    return " ".join(parts)
