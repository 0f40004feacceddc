"""A list of contacts dated item by item in brackets ("X điện đàm với Y (6/2023); Z gặp W (New York, 9/2023)"):
each act takes the month and year that closes its own item, not the one of the item before."""

from __future__ import annotations

from doingoai.extract import extract

from .story import story

TEXT = ("Về chính trị - ngoại giao, hai bên duy trì tiếp xúc cấp cao: Thủ tướng Phạm Minh Chính điện đàm với Thủ tướng "
        "Đức Olaf Scholz (6/2023); Chủ tịch nước Võ Văn Thưởng gặp Tổng thống Đức Frank-Walter Steinmeier "
        "(New York, 9/2023).")


def test_each_item_of_a_dated_list_has_its_own_month() -> None:
    article = story(TEXT, "2024-01-10")
    found = {(e.type, e.date.start, e.status) for e in extract(article).events}
    assert ("phone_call", "2023-06", "occurred") in found
    assert ("meeting", "2023-09", "occurred") in found
