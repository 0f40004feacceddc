"""Event cues (``data/event_cues.yaml``) found in a sentence, and the modal words around them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import ahocorasick  # type: ignore[import-not-found]

from doingoai.lexicon import LexiconError, Table, load_yaml, prefiltered
from doingoai.prefilter import ARTICLE, Prefiltered, lowered

__all__ = ["EVENT_TYPES", "Cue", "event_types", "find_cues", "is_planned_before", "types_where"]


@cache
def _pf() -> Table[Prefiltered]:
    """The prefiltered patterns of ``data/patterns_cues.yaml``."""
    return prefiltered("patterns_cues.yaml", ())



@cache
def event_types() -> dict[str, dict[str, object]]:
    """The table of event types (``data/event_types.yaml``), in the contract's order."""
    data = load_yaml("event_types.yaml")
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise LexiconError("event_types.yaml must map each type to its properties")
    return data


EVENT_TYPES: tuple[str, ...] = tuple(event_types())


def types_where(flag: str) -> frozenset[str]:
    """The event types whose ``flag`` (contact, multi_day, occasion) is true in the table."""
    return frozenset(t for t, props in event_types().items() if props.get(flag))



@dataclass(frozen=True, slots=True)
class Cue:
    type: str
    start: int
    end: int
    voice: str  # active | passive | noun


# Each type's cues need one of its trigger words (event_types.yaml) somewhere in the text: a cheap test that
# spares most patterns most texts (the patterns themselves are costly to run). Built once: it was rebuilt from
# the table for every text.
@cache
def _triggers() -> dict[str, tuple[str, ...]]:
    return {t: tuple(str(w) for w in props.get("triggers", ()))  # type: ignore[attr-defined]
            for t, props in event_types().items()}


@cache
def _trigger_scan() -> tuple[Any, frozenset[str]]:
    """The trigger words of all types in one Aho-Corasick automaton (each word to the types it triggers), and
    the types that an empty word makes present in every text."""
    owners: dict[str, set[str]] = {}
    for etype, words in _triggers().items():
        for word in words:
            owners.setdefault(word, set()).add(etype)
    always = frozenset(owners.pop("", ()))
    automaton = ahocorasick.Automaton()
    for word, types in owners.items():
        automaton.add_word(word, frozenset(types))
    if owners:
        automaton.make_automaton()
    return automaton, always


def present_types(lower: str) -> set[str]:
    """The event types one of whose trigger words occurs in ``lower`` (the lower-cased text): one pass over
    it for all the words, where a look for each word of each type took a pass each."""
    automaton, always = _trigger_scan()
    found = set(always)
    if len(automaton):
        for _, types in automaton.iter(lower):
            found |= types
    return found


@cache
def _cues() -> tuple[tuple[str, Prefiltered, str], ...]:
    data = load_yaml("event_cues.yaml")
    out = []
    for etype, items in data.items():
        if etype not in EVENT_TYPES:
            raise LexiconError(f"event_cues.yaml: unknown event type {etype!r}")
        for item in items:
            try:
                pattern = Prefiltered(re.compile(item["cue"], re.IGNORECASE), ARTICLE,
                                      starts=item.get("starts"), needs=item.get("needs"))
                out.append((etype, pattern, item.get("voice", "active")))
            except re.error as exc:
                raise LexiconError(f"event_cues.yaml: bad cue for {etype}: {exc}") from exc
    return tuple(out)


def find_cues(text: str, offset: int = 0) -> list[Cue]:
    """Non-overlapping cues in ``text`` (leftmost, then longest). Run it once over a whole text and
    split the result by sentence: dozens of patterns, each tried only where its first words stand."""
    found = []
    low = lowered(text)  # (the analysis of the text asked already: kept)
    lower = text.lower() if low is None else low
    present = present_types(lower)
    cues = _cues()
    candidates = ARTICLE.candidates(text, low)
    for etype, pattern, voice in cues:
        if etype not in present:
            continue
        for m in pattern.finditer_in(text, 0, candidates[pattern.index]):
            if m.end() > m.start():
                found.append(Cue(etype, m.start() + offset, m.end() + offset, voice))
    found.sort(key=lambda c: (c.start, c.start - c.end))
    out: list[Cue] = []
    for c in found:
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    return out


def is_planned_before(text_before: str, low: str | None = None) -> bool:
    """A modal word ("sẽ", "dự kiến") before the cue in its sentence, not cancelled by "đã" right before it.
    ``low``: ``prefilter.lowered(text_before)``, when the caller has it."""
    if _pf().done.search(text_before, low):
        return False
    return bool(_pf().planned.search(text_before, low))
