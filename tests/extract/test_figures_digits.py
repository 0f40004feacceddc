"""The digit test of figures: the characters it skips hold no digit, and it agrees with a look at every
character."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from doingoai.extract.figures import _MAYBE_OTHER_DIGIT, _OTHER_DIGIT_RANGES, _has_digit


def test_the_skipped_ranges_hold_no_digit() -> None:
    skipped = re.compile(f"[{_OTHER_DIGIT_RANGES}]")
    every = (chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert [c for c in every if skipped.match(c) and c.isdigit() and not c.isdecimal()] == []
    assert _MAYBE_OTHER_DIGIT.match("²")
    assert _MAYBE_OTHER_DIGIT.match("①")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"aăđêơư ệ̃,.5²³¹①٣ⅫVIệt Nam½", "\u0301", "\u2070", "\u2089"]),
               max_size=30))
def test_has_digit_is_any_digit(text: str) -> None:
    assert _has_digit(text) == any(c.isdigit() for c in text)
