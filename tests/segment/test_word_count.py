"""``word_count`` counts what the word pattern finds, whatever short cut it takes for a token."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from doingoai.segment.lines import _WORD, _WORD_EDGES, word_count

_PIECES = [" ", "\n", "\t", "\x1c", "\u00a0", "a", "Hà", "Nội", "2024", "_", "-", "'", "’", ".", ",", "(", ")", "“",
           "”", "…", "/", "%", "½", "²", "é", "\u0301", "ا", "中", "—", "*", "x_y", "A-B", "--", "'s", "3.5"]


def _plain(line: str) -> int:
    """What ``word_count`` was: each token not all letters and digits read by the pattern."""
    tokens = line.split()
    return len(tokens) + sum(len(_WORD.findall(t)) - 1 for t in tokens if not t.isalnum())


@given(st.lists(st.sampled_from(_PIECES + list(_WORD_EDGES)), max_size=30).map("".join))
def test_word_count_is_the_pattern(line: str) -> None:
    assert word_count(line) == _plain(line) == len(_WORD.findall(line))


@given(st.text(max_size=40))
def test_word_count_on_any_text(line: str) -> None:
    assert word_count(line) == _plain(line) == len(_WORD.findall(line))


def test_word_count_examples() -> None:
    assert word_count("Thủ tướng tiếp Đại sứ Ấn Độ, “thúc đẩy” hợp tác (TTXVN).") == 12
    assert word_count("- . …") == 0
    assert word_count("Việt-Nam's a_b") == 3
