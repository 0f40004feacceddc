"""The event types present in a text: one automaton pass equals a look for every trigger word."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from doingoai.extract.cues import _triggers, present_types

_WORDS = sorted({w for words in _triggers().values() for w in words})
_TEXTS = st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(["", " ", "n", "ước", "Việt Nam", ",", "tiếp"])),
                  max_size=20).map(lambda parts: "".join(parts).lower())


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_present_types_are_those_with_a_trigger_word_in_the_text(lower: str) -> None:
    assert present_types(lower) == {t for t, words in _triggers().items() if any(w in lower for w in words)}
