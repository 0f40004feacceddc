"""An act named as a noun and placed in the recent past ("chuyến thăm Việt Nam vừa qua của ...", "người đã có chuyến
thăm Mỹ vào tháng 5 vừa qua", "chuyến thăm ... cuối năm ngoái") is an earlier occasion than the story's: background,
and its date is no date for the story's own acts. A date before the act ("Ngày 27/5 vừa qua, A hội đàm với B") is the
story's own."""

from __future__ import annotations

from doingoai.extract import extract

from .story import story


def _events(text: str, published: str) -> list[tuple[str, str, str | None]]:
    return [(e.type, e.salience, e.date.start) for e in extract(story(text, published)).events]


def test_a_visit_of_the_recent_past_is_background() -> None:
    text = ("Chiều 27/5, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Trung Quốc Lý Cường. Thủ tướng khẳng định "
            "chuyến thăm Việt Nam vừa qua của Chủ tịch Tập Cận Bình là mốc son mới của quan hệ hai nước.")
    events = _events(text, "2025-05-28")
    assert ("talks", "main", "2025-05-27") in events
    assert [e for e in events if e[0] == "visit"] == [("visit", "background", None)]


def test_a_relative_clauses_past_visit_dates_nothing_else() -> None:
    text = ("Sau lễ đón chính thức, Tổng thống Mỹ Donald Trump đã hội kiến Thủ tướng Nguyễn Xuân Phúc, người đã có "
            "chuyến thăm Mỹ vào tháng 5 vừa qua.")
    events = _events(text, "2017-11-12")
    assert [e for e in events if e[0] == "courtesy_call"] == [("courtesy_call", "main", None)]
    assert all(e[1] == "background" for e in events if e[0] == "visit")


def test_a_date_before_the_act_is_the_storys_own() -> None:
    text = "Ngày 27/5 vừa qua, Thủ tướng Phạm Minh Chính đã có cuộc hội đàm với Thủ tướng Trung Quốc Lý Cường."
    assert _events(text, "2025-06-02") == [("talks", "main", "2025-05-27")]
