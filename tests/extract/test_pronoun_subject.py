"""A contact whose subject is a pronoun ("Ông cũng đã điện đàm với Tổng thống Mexico") is made by the subject of the
sentence before, not by Vietnam by default: acts between other states keep their own sides."""

from __future__ import annotations

import pytest

from doingoai.extract import extract

from .story import story


@pytest.mark.parametrize(("text", "caller"), [
    ("Tổng thống Argentina Mauricio Macri tiếp Tổng thống Brazil Michel Temer tại Buenos Aires. Ông cũng đã điện đàm "
     "với Tổng thống Mexico Enrique Peña Nieto.", "AR"),
    ("Chủ tịch nước Lương Cường tiếp Đại sứ Nhật Bản. Ông cũng đã điện đàm với Tổng thống Mexico.", "VN"),
])
def test_the_pronoun_is_the_subject_before(text: str, caller: str) -> None:
    [call] = [e for e in extract(story(text, "2017-05-10")).events if e.type == "phone_call"]
    assert set(call.countries) == {caller, "MX"}
