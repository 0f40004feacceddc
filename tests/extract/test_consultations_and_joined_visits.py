"""Wordings of the genre that gave no act or a wrong day:

- consultations and dialogues between ministries ("tham khảo chính trị", "vòng tham vấn", "Đối thoại Chính sách
  quốc phòng") are meetings, "any other meeting" of the spec; asking for views ("tham vấn ý kiến") is none;
- a visit joined to its purpose ("đã thăm và đồng chủ trì ... tại Thủ đô Vientiane, Lào") is held where that act is;
- two days in a row joined by "và" ("Ngày 26 và 27/7") are one span; two days apart are two dates;
- leaving the capital for a foreign one ("rời Hà Nội, tới Thủ đô Vientiane") is the trip."""

from __future__ import annotations

from doingoai.extract import extract
from doingoai.model import Event

from .story import story


def _events(text: str) -> list[Event]:
    return list(extract(story(text, "2024-07-30")).events)


def test_political_consultations_joined_to_a_visit() -> None:
    text = ("Từ ngày 8-9/7, Thứ trưởng Ngoại giao Nguyễn Mạnh Cường đã thăm và đồng chủ trì tham khảo chính trị giữa "
            "hai Bộ Ngoại giao Việt Nam - Lào lần thứ 10 tại Thủ đô Vientiane, Lào.")
    found = {(e.type, e.countries, e.date.start, e.date.end) for e in _events(text)}
    assert found == {("visit", ("VN", "LA"), "2024-07-08", "2024-07-09"),
                     ("meeting", ("VN", "LA"), "2024-07-08", "2024-07-09")}


def test_asking_for_views_is_no_consultation() -> None:
    assert _events("Ngày 9/7, Bộ Ngoại giao tổ chức tham vấn ý kiến các chuyên gia về dự thảo luật.") == []


def test_two_days_in_a_row_are_one_span() -> None:
    [talks] = _events("Ngày 26 và 27/7, Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư Lào Thongloun Sisoulith.")
    assert (talks.date.start, talks.date.end) == ("2024-07-26", "2024-07-27")


def test_two_days_apart_are_not_a_span() -> None:
    [talks] = _events("Ngày 2 và 9/7, Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư Lào Thongloun Sisoulith.")
    assert talks.date.end is None


def test_two_states_joined_before_the_act_are_its_sides_and_its_place_is_none() -> None:
    text = "Ngày 1/11/2023, Mỹ và Trung Quốc đã có cuộc tham vấn về hoạch định chính sách đối ngoại tại Vienna (Áo)."
    assert [(e.type, set(e.countries)) for e in _events(text)] == [("meeting", {"US", "CN"})]


def test_two_states_negotiating_together() -> None:
    text = "Ngày 28/7, Việt Nam và Singapore đang tích cực đàm phán các nội dung hợp tác cụ thể."
    assert [(e.type, set(e.countries)) for e in _events(text)] == [("negotiation", {"VN", "SG"})]


def test_leaving_the_capital_for_a_foreign_one_is_the_trip() -> None:
    text = ("Sáng 6/1, Thủ tướng Phạm Minh Chính rời Hà Nội, tới Thủ đô Vientiane, tham dự Kỳ họp lần thứ 40 Ủy ban "
            "liên Chính phủ Việt Nam - Lào.")
    assert ("visit", ("VN", "LA")) in [(e.type, e.countries) for e in _events(text)]


def test_leaving_the_capital_at_a_trips_end_is_no_new_trip() -> None:
    assert _events("Chiều 12/7, Tổng thống Donald Trump rời Hà Nội, kết thúc chuyến thăm.") == []
