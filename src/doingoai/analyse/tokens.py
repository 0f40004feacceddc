"""Tokens with offsets into the article text: the unit every matcher and grammar rule works on."""

from __future__ import annotations

import re
from functools import partial
from itertools import accumulate
from typing import NamedTuple

__all__ = ["Token", "key_of", "tokenize"]

_TOKEN = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)
# The same, capturing: ``split`` gives the text between tokens and the tokens, alternately.
_SPLIT = re.compile(r"([^\W_]+|[^\w\s])", re.UNICODE).split
_DASHES = {"–": "-", "—": "-", "‐": "-", "‑": "-", "’": "'", "`": "'"}
# Few texts hold these: a search for them spares ``str.translate`` a table look-up per character.
_DASH = re.compile("[" + "".join(_DASHES) + "]")


class Token(NamedTuple):
    text: str
    start: int
    end: int
    key: str  # casefolded, dashes unified: what lexicons are matched on

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_upper_initial(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_number(self) -> bool:
        return self.text.isdigit()


# A token from its four fields, without a Python call per token (``Token._make`` is one).
_new_token = partial(tuple.__new__, Token)


def _unify_dash(m: re.Match[str]) -> str:
    return _DASHES[m.group()]


def key_of(text: str) -> str:
    if _DASH.search(text):
        text = _DASH.sub(_unify_dash, text)
    return text.casefold()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words and single punctuation marks, with offsets (``offset`` is added to each)."""
    keys = key_of(text)
    if len(keys) != len(text):  # a letter whose case-folding changes its length ("ß"): fold each token
        return [Token(m.group(), m.start() + offset, m.end() + offset, key_of(m.group()))
                for m in _TOKEN.finditer(text)]
    # The text is split into what stands between tokens and the tokens, alternately ("", "Sáng", " ", "6",
    # "/", ...): the offsets are the running sum of the parts' lengths, and every step below is a loop in C
    # (a Python loop, or a match object, per token cost most of the time of the analysis's first step).
    parts = _SPLIT(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    starts, ends = offsets[1:-1:2], offsets[2::2]
    words = parts[1::2]
    key_parts = list(map(keys.__getitem__, map(slice, starts, ends)))
    if offset:
        starts, ends = [at + offset for at in starts], [at + offset for at in ends]
    return list(map(_new_token, zip(words, starts, ends, key_parts, strict=True)))
