"""A reception told first, its host the subject after the clause ("Chiều 6/8, tại trụ sở Chính phủ, tiếp Bộ trưởng X
đang thăm chính thức Việt Nam, Thủ tướng Y khẳng định ..."): the host is Y, past the guest's own trip, and the act
is held in the host's country, not the guest's."""

from __future__ import annotations

from doingoai.extract import extract

from .story import story


def test_the_host_after_the_clause_of_a_reception_told_first() -> None:
    text = ("Chiều 6/8, tại trụ sở Chính phủ, tiếp Bộ trưởng Bộ Quốc phòng Nhật Bản Kihara Minoru đang thăm chính thức "
            "Việt Nam, Thủ tướng Chính phủ Phạm Minh Chính khẳng định Việt Nam coi trọng quan hệ với Nhật Bản.")
    [reception] = [e for e in extract(story(text, "2024-08-07")).events if e.type == "reception"]
    assert [p.name for p in reception.participants] == ["Phạm Minh Chính", "Kihara Minoru"]
    assert reception.place.country == "VN"
