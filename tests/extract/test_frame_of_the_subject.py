"""A frame opened after the act's counterpart ("A hội đàm với B trong khuôn khổ chuyến thăm chính thức Malaysia và
tham dự Hội nghị Cấp cao ASEAN") is the sentence's subject's: A attends the summit, not B."""

from __future__ import annotations

from doingoai.extract import extract

from .story import story


def test_the_subject_attends_the_framing_summit() -> None:
    text = ("Ngày 27/5, Thủ tướng Phạm Minh Chính đã có cuộc hội đàm với Thủ tướng Trung Quốc Lý Cường trong khuôn khổ "
            "chuyến thăm chính thức Malaysia và tham dự Hội nghị Cấp cao ASEAN lần thứ 46 tại Kuala Lumpur.")
    conferences = [(e.countries, tuple(p.name for p in e.participants))
                   for e in extract(story(text, "2025-05-28")).events if e.type == "conference"]
    assert conferences == [(("VN",), ("Phạm Minh Chính",))]


def test_a_foreign_leader_attending_in_his_own_sentence_stays() -> None:
    text = "Ngày 27/5, Thủ tướng Trung Quốc Lý Cường tham dự Hội nghị Cấp cao ASEAN - Trung Quốc tại Kuala Lumpur."
    conferences = [e.countries for e in extract(story(text, "2025-05-28")).events if e.type == "conference"]
    assert conferences == [("CN",)]
