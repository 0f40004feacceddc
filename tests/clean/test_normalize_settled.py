"""``normalize`` stops after a pass that only changed line breaks and spaces: it gives what it gave when it ran
passes until one changed nothing."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from doingoai.clean.normalize import (
    _ODD,
    _RUNS,
    _decode_entities,
    _has_edge_spaces,
    _replace_odd,
    _strip_edges,
    normalize,
    tone_fix,
)


def _pass(text: str) -> str:
    """One pass of the rules, as ``_normalize_once`` runs them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ODD.sub(_replace_odd, _decode_entities(text))
    text = tone_fix(unicodedata.normalize("NFC", text))
    text = _RUNS.sub(" ", text)
    return _strip_edges(text) if _has_edge_spaces(text) else text


def _until_still(text: str) -> str:
    """``normalize`` as it was: passes until one changes nothing (at most eight)."""
    for _ in range(8):
        done = _pass(text)
        if done == text:
            return done
        text = done
    return text


_PIECES = [" ", "  ", "\n", "\r", "\r\n", "\t", "o", "O", "u", "U", "q", "a", "e", "y", "à", "ý", "ẹ", "hoà", "Thuỷ",
           "quý", "\u0300", "\u0301", "\u0309", "\u0323", "\u0303", "&amp;", "&", "amp;", "nbsp;", "&#13;", "&#x200b;",
           "&#768;", "&agrave;", "&#x301;", "&foo;", "\u00a0", "\u200b", "\u2028", "\x85", "\x01", "\ufeff", "\u00d0",
           "\u212b", "Å", "A\u030a", "x", ".", "đ"]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_normalize_is_passes_until_still(text: str) -> None:
    assert normalize(text) == _until_still(text)


@given(st.text(max_size=30))
def test_normalize_is_passes_until_still_on_any_text(text: str) -> None:
    assert normalize(text) == _until_still(text)


def test_pages_that_change_only_spaces() -> None:
    for text in ["  Hà Nội \n\n  hòa bình  ", "a  \u0301", "\n \u0301x", "o \nà", " &amp; ", "q  oà \r\n"]:
        assert normalize(text) == _until_still(text)
