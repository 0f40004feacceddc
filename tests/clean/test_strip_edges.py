"""``_strip_edges`` removes what the ``^ +| +$`` (multi-line) pattern it stands for removes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from doingoai.clean.normalize import _EDGES, _strip_edges

_PIECES = [" ", "\n", "a", "ọ", "\t", "\r", "\u00a0", "\u2028", "\x85", ".", "  \n"]
_TEXT = st.lists(st.sampled_from(_PIECES)).map("".join)


@given(_TEXT)
def test_strip_edges_is_the_pattern(text: str) -> None:
    assert _strip_edges(text) == _EDGES.sub("", text)


def test_strip_edges_examples() -> None:
    for text in ["", " ", "\n", " a \n b ", "a\n \n  b  ", " \n", "x  \n\n  y\n", "hòa  bình "]:
        assert _strip_edges(text) == _EDGES.sub("", text)
