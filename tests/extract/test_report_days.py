"""The day a news source reported an act is not the act's ("Ngày 26-10, theo Đài NHK, ..."): the act's own day wins,
in the same sentence ("... diễn ra ngày 25-10") or in the next one, which opens on the act told before ("Cuộc điện
đàm diễn ra ngày 25-10, ..."): that sentence dates the act and makes no second one."""

from __future__ import annotations

from doingoai.extract import extract

from .story import story


def _calls(text: str) -> list[tuple[str | None, tuple[str, ...]]]:
    return [(e.date.start, e.countries) for e in extract(story(text, "2025-10-27")).events if e.type == "phone_call"]


def test_the_acts_day_in_the_same_sentence_wins() -> None:
    text = ("Ngày 26-10, theo Đài NHK, cuộc điện đàm giữa Thủ tướng Nhật Bản Takaichi Sanae và Tổng thống Mỹ Donald "
            "Trump diễn ra ngày 25-10.")
    assert _calls(text) == [("2025-10-25", ("JP", "US"))]


def test_the_next_sentence_opening_on_the_act_dates_it() -> None:
    text = ("Ngày 26-10, theo Đài NHK, Thủ tướng Nhật Bản Takaichi Sanae có cuộc điện đàm với Tổng thống Mỹ Donald "
            "Trump. Cuộc điện đàm diễn ra ngày 25-10, trong bối cảnh hai nhà lãnh đạo chuẩn bị gặp nhau tại Malaysia.")
    assert _calls(text) == [("2025-10-25", ("JP", "US"))]


def test_a_report_day_alone_still_dates_the_act() -> None:
    text = "Ngày 26-10, theo Đài NHK, Thủ tướng Nhật Bản Takaichi Sanae đã điện đàm với Tổng thống Mỹ Donald Trump."
    assert _calls(text) == [("2025-10-26", ("JP", "US"))]
