"""A date in a "since" clause dates what the clause tells (an office taken, an earlier act), not the act the
sentence is about (data/patterns_events.yaml ``since``)."""

from __future__ import annotations

from doingoai.extract import extract

from .story import story


def _events(text: str, published: str | None = "2022-11-12") -> list[tuple[str, str | None, tuple[str, ...]]]:
    article = story(text, published)
    return [(e.type, e.date.start, e.countries) for e in extract(article).events]


def test_the_day_an_office_was_taken_is_not_the_visits() -> None:
    found = _events("Chuyến thăm đánh dấu lần đầu tiên Thủ tướng Đức Olaf Scholz đến Việt Nam trên cương vị thủ tướng "
                    "kể từ khi nhậm chức tháng 12/2021.")
    assert found
    assert all(start != "2021-12" for _, start, _ in found), found


def test_an_act_told_in_the_clause_keeps_its_date() -> None:
    found = _events("Kể từ khi Tổng thống Mỹ Barack Obama thăm Việt Nam vào tháng 5/2016, hợp tác quốc phòng hai nước "
                    "đã mở rộng.")
    assert ("visit", "2016-05", ("US", "VN")) in found, found
