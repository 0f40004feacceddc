"""Tokens with offsets into the article text: the unit every matcher and grammar rule works on."""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Token", "key_of", "tokenize"]

_TOKEN = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)
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
    # Tokens are found as strings and placed with ``str.find``: only spaces and "_" stand between two
    # tokens, and no token starts with either, so the first occurrence after the previous token is
    # the token itself. (Cheaper than reading offsets off a match object per token.)
    out: list[Token] = []
    append = out.append
    find = text.find
    new = tuple.__new__
    end = 0
    for word in _TOKEN.findall(text):
        start = find(word, end)
        end = start + len(word)
        append(new(Token, (word, start + offset, end + offset, keys[start:end])))
    return out
