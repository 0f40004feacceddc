"""Tokens with offsets into the article text: the unit every matcher and grammar rule works on."""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Token", "key_of", "tokenize"]

_TOKEN = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "’": "'", "`": "'"})


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


def key_of(text: str) -> str:
    return text.translate(_DASHES).casefold()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words and single punctuation marks, with offsets (``offset`` is added to each)."""
    keys = key_of(text)
    if len(keys) != len(text):  # a letter whose case-folding changes its length ("ß"): fold each token
        return [Token(m.group(), m.start() + offset, m.end() + offset, key_of(m.group()))
                for m in _TOKEN.finditer(text)]
    return [Token(m.group(), m.start() + offset, m.end() + offset, keys[m.start():m.end()])
            for m in _TOKEN.finditer(text)]
