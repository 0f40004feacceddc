"""Event cues (``data/event_cues.yaml``) found in a sentence, and the modal words around them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from doingoai.lexicon import LexiconError, load_yaml
from doingoai.prefilter import ARTICLE, Prefiltered, lowered

__all__ = ["EVENT_TYPES", "Cue", "find_cues", "is_planned_before"]

EVENT_TYPES = ("reception", "talks", "courtesy_call", "meeting", "phone_call", "visit", "conference", "agreement",
               "relation_upgrade", "message", "statement", "negotiation")

_PLANNED = Prefiltered(re.compile(r"\b(?:sẽ|dự kiến|sắp tới|sắp|chuẩn bị|theo chương trình|theo kế hoạch|kế hoạch|"
                                  r"mời)\b", re.IGNORECASE))
_DONE = Prefiltered(re.compile(r"\b(?:đã|vừa|lên đường|đang)\s*$", re.IGNORECASE))


@dataclass(frozen=True, slots=True)
class Cue:
    type: str
    start: int
    end: int
    voice: str  # active | passive | noun


# Each type's cues need one of these words somewhere in the text: a cheap test that spares most patterns
# most texts (the patterns themselves are costly to run).
_TRIGGERS = {
    "reception": ("tiếp", "đón"), "talks": ("hội đàm",), "courtesy_call": ("hội kiến", "chào"),
    "meeting": ("gặp", "tiếp xúc", "làm việc"), "phone_call": ("điện đàm", "điện thoại", "gọi điện"),
    "visit": ("thăm", "chuyến", "làm việc tại"), "conference": ("dự", "chủ trì", "phát biểu", "khai mạc", "bế mạc"),
    "agreement": ("ký", "trao"), "relation_upgrade": ("quan hệ",), "message": ("điện", "thư", "lẵng hoa"),
    "statement": ("họp báo", "phát ngôn"), "negotiation": ("đàm phán",),
}


@cache
def _cues() -> tuple[tuple[str, Prefiltered, str], ...]:
    data = load_yaml("event_cues.yaml")
    out = []
    for etype, items in data.items():
        if etype not in EVENT_TYPES:
            raise LexiconError(f"event_cues.yaml: unknown event type {etype!r}")
        for item in items:
            try:
                pattern = Prefiltered(re.compile(item["cue"], re.IGNORECASE), ARTICLE)
                out.append((etype, pattern, item.get("voice", "active")))
            except re.error as exc:
                raise LexiconError(f"event_cues.yaml: bad cue for {etype}: {exc}") from exc
    return tuple(out)


def find_cues(text: str, offset: int = 0) -> list[Cue]:
    """Non-overlapping cues in ``text`` (leftmost, then longest). Run it once over a whole text and
    split the result by sentence: dozens of patterns, each tried only where its first words stand."""
    found = []
    lower = text.lower()
    present = {t for t, words in _TRIGGERS.items() if any(w in lower for w in words)}
    cues = _cues()
    candidates = ARTICLE.candidates(text, lowered(text, lower))
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
    if _DONE.search(text_before, low):
        return False
    return bool(_PLANNED.search(text_before, low))
