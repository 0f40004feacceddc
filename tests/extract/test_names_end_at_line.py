"""A person's name never runs on to the next line: a story's lines are paragraphs, captions and headings, and a
capitalised word opening the next line ("Tháp Rùa", "Cùng ngày", "Như tin đã đưa") is not part of the name."""

from __future__ import annotations

import pytest

from doingoai.extract import extract

from .story import story


@pytest.mark.parametrize("next_line", ["Tháp Rùa lung linh trong nắng chiều.", "Cùng ngày, hai bên ký kết văn kiện.",
                                        "Như tin đã đưa, chuyến thăm kéo dài ba ngày."])
def test_a_name_at_a_lines_end_stops_there(next_line: str) -> None:
    text = "Chiều 13/11, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Đức Olaf Scholz\n" + next_line
    names = {p.name for e in extract(story(text, "2022-11-13")).events for p in e.participants}
    assert "Olaf Scholz" in names
    assert not any("\n" in n for n in names)
