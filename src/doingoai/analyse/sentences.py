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


# The longest sentence the grammar reads whole. The sentence-level grammar looks, for each cue, across its
# sentence for the sides, dates and places of the act, so its cost grows with (cues in a sentence) x (sentence
# length): quadratic in the length of one sentence, and a page of one endless "sentence" (a 1 MB line of cues,
# a list without full stops) would run for hours. The longest real sentence of the seed, dev, dev2 and wild
# pages has 1,332 characters; a longer one is cut into pieces of at most this length at its last clause
# break (";", ",", ":") or, failing that, its last space, so every piece is still read and its offsets stay.
MAX_SENTENCE = 3000
_CLAUSE_BREAK = re.compile(r"[;,:]\s|\s")


def _pieces(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) of ``line`` in spans of at most ``MAX_SENTENCE`` characters, without surrounding spaces."""
    out = []
    while end - start > MAX_SENTENCE:
        window = line[start:start + MAX_SENTENCE]
        cut = max(window.rfind("; "), window.rfind(", "), window.rfind(": "))
        cut = cut + 1 if cut > 0 else max(window.rfind(" "), 0) or MAX_SENTENCE
        out.append((start, start + len(window[:cut].rstrip())))
        start += cut
        while start < end and line[start].isspace():
            start += 1
    return [(a, b) for a, b in [*out, (start, end)] if b > a]


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    line_start = 0

    def add(line: str, start: int, end: int) -> None:
        for a, b in _pieces(line, start, end) if end - start > MAX_SENTENCE else [(start, end)]:
            out.append(Sentence(line_start + a, line_start + b, line[a:b]))

    for line in text.split("\n"):
        start = 0
        for end, following in _breaks(line):
            if end <= start:
                continue
            if line[start:end].strip():
                add(line, start, end)
            start = following
        if line[start:].strip():
            add(line, start, start + len(line[start:].rstrip()))
        line_start += len(line) + 1
    return out
