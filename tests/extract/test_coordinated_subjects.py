"""Two people making an act together, joined by more than "và": a modifier of the second one's title ("A và tân
Tổng thống Mỹ B", "nguyên", "cố", "Quyền"), or each heading his delegation ("A dẫn đầu Đoàn đại biểu cấp cao Việt
Nam và B dẫn đầu Đoàn đại biểu cấp cao Trung Quốc tiến hành Hội đàm")."""

from __future__ import annotations

import pytest

from doingoai.extract import extract

from .story import story


@pytest.mark.parametrize(("text", "kind", "countries"), [
    ("Ngày 27/1, Tổng thống Nga Vladimir Putin và tân Tổng thống Mỹ Donald Trump đã điện đàm.", "phone_call",
     ("RU", "US")),
    ("Ngay sau lễ đón, Tổng Bí thư Nguyễn Phú Trọng dẫn đầu Đoàn đại biểu cấp cao Việt Nam và Tổng Bí thư, Chủ tịch "
     "nước Trung Quốc Tập Cận Bình dẫn đầu Đoàn đại biểu cấp cao Trung Quốc tiến hành Hội đàm tại Trụ sở Trung ương "
     "Đảng.", "talks", ("VN", "CN")),
])
def test_two_people_joined_make_one_act(text: str, kind: str, countries: tuple[str, ...]) -> None:
    events = [(e.type, e.countries, len(e.participants)) for e in extract(story(text, "2025-01-28")).events]
    assert events == [(kind, countries, 2)]
