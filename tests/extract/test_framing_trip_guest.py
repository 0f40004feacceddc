"""A trip that frames an act, named after it without its traveller ("A hội đàm với B, nhân chuyến thăm chính thức
Việt Nam", "... của Thủ tướng Bạn"), is the guest's: the one person of another state than the destination that the
sentence names. Vietnam's own leader is never read as visiting Vietnam."""

from __future__ import annotations

import pytest

from doingoai.extract import extract

from .story import story


@pytest.mark.parametrize(("text", "guest"), [
    ("Chiều 31-8, tại Nhà Quốc hội, Chủ tịch Quốc hội Trần Thanh Mẫn đã hội đàm với Ủy viên trưởng Nhân đại toàn "
     "quốc Trung Quốc Triệu Lạc Tế, nhân chuyến thăm chính thức Việt Nam.", "CN"),
    ("Sáng 5/3, tại Hà Nội, Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Ngoại giao Nhật Bản Kamikawa Yoko nhân dịp "
     "chuyến thăm Việt Nam.", "JP"),
    # "Bạn", the partner, names no state
    ("Sáng 6/1, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone trong khuôn khổ chuyến thăm "
     "chính thức Việt Nam của Thủ tướng Bạn.", "LA"),
])
def test_the_framing_trip_is_the_guests(text: str, guest: str) -> None:
    visits = [(e.countries, e.place.country) for e in extract(story(text, "2025-09-01")).events if e.type == "visit"]
    assert visits == [((guest, "VN"), "VN")]


def test_no_visit_of_vietnam_to_itself() -> None:
    text = "Thủ tướng Phạm Minh Chính đã có chuyến thăm chính thức Việt Nam 3 ngày, gặp gỡ cử tri."
    assert [e for e in extract(story(text, "2025-09-01")).events if e.type == "visit"] == []
