"""An act denied right before its cue ("không tham dự", "chưa từng thăm", "sẽ không hội đàm") did not take
place: no event; "không chỉ" (not only) still tells an act (data/patterns_events.yaml ``negated``)."""

from __future__ import annotations

import pytest

from doingoai.extract import extract

from .story import story


def _types(text: str) -> list[tuple[str, tuple[str, ...]]]:
    article = story(text, "2024-05-10")
    return [(e.type, e.countries) for e in extract(article).events]


@pytest.mark.parametrize("text", [
    "Riêng Thủ tướng Thái Lan không tham dự Hội nghị Cấp cao ASEAN do tình hình chính trị trong nước.",
    "Tổng thống Pháp Emmanuel Macron chưa từng thăm Lào.",
    "Ngày 9/5, Thủ tướng Nhật Bản cho biết ông sẽ không hội đàm với Tổng thống Hàn Quốc tại Seoul.",
])
def test_an_act_denied_is_no_event(text: str) -> None:
    assert [t for t, _ in _types(text) if t != "statement"] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Ngày 9/5, Thủ tướng Phạm Minh Chính tham dự Hội nghị Cấp cao ASEAN lần thứ 44 tại Viêng Chăn, Lào.",
     "conference"),
    ("Ngày 9/5, Bộ trưởng Ngoại giao Bùi Thanh Sơn không chỉ hội đàm với Ngoại trưởng Lào Saleumxay Kommasith mà "
     "còn cùng chủ trì Kỳ họp Ủy ban liên Chính phủ.", "talks"),
])
def test_an_act_told_is_still_an_event(text: str, expected: str) -> None:
    assert expected in [t for t, _ in _types(text)]
