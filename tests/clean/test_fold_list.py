"""``fold`` translates with ``_fold_list``, which must map every character as ``_fold_table`` does."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from doingoai.clean.normalize import _FOLD_SPAN, _fold_list, _fold_table, fold


@given(st.text())
def test_fold_list_is_the_table(text: str) -> None:
    assert text.translate(_fold_list()) == text.translate(_fold_table())


@given(st.text(alphabet=st.characters(max_codepoint=_FOLD_SPAN + 50)))
def test_fold_list_is_the_table_on_latin_text(text: str) -> None:
    assert fold(text) == text.translate(_fold_table()).casefold()


def test_every_character_of_the_span_and_past_it() -> None:
    table = _fold_table()
    text = "".join(map(chr, range(_FOLD_SPAN + 256))) + "“”–—😀中"
    assert text.translate(_fold_list()) == text.translate(table)
    assert fold("Đại sứ ẤN ĐỘ Hòa") == "dai su an do hoa"
