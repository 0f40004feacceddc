"""Tokens, word counts, the word before a full stop: the fast ways of computing them give what the plain
regex runs give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from doingoai.analyse.sentences import _word_before
from doingoai.analyse.tokens import Token, key_of, tokenize
from doingoai.segment.lines import _WORD, word_count

_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "’": "'", "`": "'"})
_TEXT = st.text(alphabet=st.sampled_from(list("aÀđĐ ếỆ1_-–—’`'.,(\n\t\u00a0ßİ\u0345ǅ²")), max_size=60)


def _reference(text: str, offset: int) -> list[Token]:
    keys = text.translate(_DASHES).casefold()
    if len(keys) != len(text):
        return [Token(m.group(), m.start() + offset, m.end() + offset, m.group().translate(_DASHES).casefold())
                for m in _TOKEN.finditer(text)]
    return [Token(m.group(), m.start() + offset, m.end() + offset, keys[m.start():m.end()])
            for m in _TOKEN.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(_TEXT, st.integers(0, 5))
def test_tokenize_is_the_plain_regex_run(text: str, offset: int) -> None:
    assert tokenize(text, offset) == _reference(text, offset)
    assert key_of(text) == text.translate(_DASHES).casefold()


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_word_count_is_the_plain_regex_run(line: str) -> None:
    assert word_count(line) == len(_WORD.findall(line))


@settings(max_examples=500, deadline=None)
@given(_TEXT, st.integers(0, 60))
def test_word_before_is_the_regex_search(text: str, end: int) -> None:
    line = text.replace("\n", " ")
    end = min(end, len(line))
    found = re.search(r"([^\s(]+)$", line[:end])
    assert _word_before(line, end) == (found.group(1) if found else "")


_DATE_TEXT = st.lists(st.sampled_from(["sáng", "Chiều", "TỐI", "ngày", "hôm", "từ", "rạng sáng", "1/1", "6/11",
                                       "2024", " ", "  ", "\u00a0", "\t", ",", "x", "9"]), max_size=12).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_DATE_TEXT)
def test_after_word_never_rules_out_a_look_back_that_matches(text: str) -> None:
    """``_after_word`` False means neither look-back for a part of the day or "ngày" could match there."""
    from doingoai.analyse.dates import _after_word, _look_back, _reader

    r = _reader()
    for start in range(len(text) + 1):
        if not _after_word(text, start):
            assert _look_back(text, start, r.part_before) is None
            assert _look_back(text, start, r.day_word_before) is None
