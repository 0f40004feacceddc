"""Sentences of an article, as offset spans of its text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from doingoai.lexicon import Table, word_sets

__all__ = ["Sentence", "split_sentences"]


@cache
def _words() -> Table[frozenset[str]]:
    """The word sets of ``data/patterns_sentences.yaml``."""
    return word_sets("patterns_sentences.yaml")


# A full stop ends a sentence when a capital, a digit, a quote or a bracket follows after a space,
# unless it closes an abbreviation or an initial ("TP.", "Mr.", "Ferdinand Marcos Jr.", "Michael R. Pompeo").
# Capital letters of the Latin scripts (Vietnamese "Đ", "Ấ" included), built once from Unicode data.
_UPPER = re.escape("".join(c for c in map(chr, range(0x41, 0x2000)) if c.isupper()))
_END = re.compile(r"""([.!?…]+["”’»)]*)(\s+)(?=["“‘«(\[]?[""" + _UPPER + r"""]|["“‘«(\[]?\d)""")


_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def _word_before(text: str, end: int) -> str:
    """The run of characters other than spaces and "(" that ends at ``end`` (read backwards from there:
    a regex search would try every position of the line before it)."""
    start = end
    while start > 0 and not text[start - 1].isspace() and text[start - 1] != "(":
        start -= 1
    return text[start:end]


def _is_abbreviation(text: str, dot: int) -> bool:
    """The word before ``dot`` is an abbreviation or an initial, so this full stop ends no sentence."""
    word = _word_before(text, dot)
    if not word:
        return False
    w = word.rstrip(".").casefold()
    if w in _words().abbreviations:
        return True
    # single capital initials: "R.", "L.B."
    return bool(_INITIALS.fullmatch(word)) and word[0].isupper()


# Scraped paragraphs are often glued ("trong hai ngày một đêm.Lãnh đạo hai nước", "Canada.Sau đây"): a full
# stop between a word of three or more letters (or a number) and a capitalised word ends a sentence too.
_GLUED = re.compile(r"""([.!?]["”’»)]*)(?=[""" + _UPPER + r"""][^\W\d_]*[a-zà-ỹđ])""")
_GLUED_AFTER = re.compile(r"(?:[^\W_]{3}|\d)$")  # what must stand right before it (tried there only: faster)


def _breaks(line: str) -> list[tuple[int, int]]:
    """(end of a sentence, start of the next) for each sentence break of a line, in order."""
    out = [(m.end(1), m.end()) for m in _END.finditer(line)
           if not (m.group(1) == "." and _is_abbreviation(line, m.start(1)))]
    out += [(m.end(1), m.end(1)) for m in _GLUED.finditer(line) if _GLUED_AFTER.search(line, max(0, m.start() - 3),
                                                                                         m.start())
            if not (m.group(1) == "." and _is_abbreviation(line, m.start(1)))]
    return sorted(out)


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        start = 0
        for end, following in _breaks(line):
            if end <= start:
                continue
            if line[start:end].strip():
                out.append(Sentence(line_start + start, line_start + end, line[start:end]))
            start = following
        if line[start:].strip():
            stripped = line[start:].rstrip()
            out.append(Sentence(line_start + start, line_start + start + len(stripped), stripped))
        line_start += len(line) + 1
    return out
