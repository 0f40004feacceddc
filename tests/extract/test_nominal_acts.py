"""An act told as a noun after its subject and a light verb ("X sẽ có chuyến thăm Y"), with up to three
auxiliaries between them ("dự kiến sẽ sớm có", "cũng đã có"): the subject makes the act."""

from __future__ import annotations

import pytest

from doingoai.extract import extract

from .story import story


@pytest.mark.parametrize(("text", "status"), [
    ("Thủ tướng Campuchia Hun Sen dự kiến sẽ sớm có chuyến thăm Việt Nam.", "planned"),
    ("Thủ tướng Campuchia Hun Sen cũng đã có chuyến thăm Việt Nam.", "occurred"),
    ("Thủ tướng Campuchia Hun Sen sẽ tiếp tục có chuyến thăm Việt Nam.", "planned"),
])
def test_the_subject_of_a_nominal_visit_makes_it(text: str, status: str) -> None:
    article = story(text, "2020-09-01")
    visits = [(e.status, e.countries, [p.name for p in e.participants]) for e in extract(article).events
              if e.type == "visit"]
    assert visits == [(status, ("KH", "VN"), ["Hun Sen"])]


@pytest.mark.parametrize(("text", "expected"), [
    ("Bộ Ngoại giao Trung Quốc mô tả cuộc điện đàm giữa Ngoại trưởng Vương Nghị và Ngoại trưởng Mỹ Marco Rubio là "
     "kịp thời.", ("phone_call", {"CN", "US"})),
    ("Cuộc hội đàm giữa Thủ tướng Nhật Bản Kishida Fumio và Tổng thống Hàn Quốc Yoon Suk-yeol diễn ra tại Tokyo.",
     ("talks", {"JP", "KR"})),
    ("Cuộc hội đàm giữa Thủ tướng Phạm Minh Chính và Thủ tướng Nhật Bản Kishida Fumio diễn ra tại Tokyo.",
     ("talks", {"VN", "JP"})),
])
def test_an_act_between_two_named_sides_is_theirs(text: str, expected: tuple[str, set[str]]) -> None:
    """"cuộc điện đàm giữa A và B": A and B are the two sides, whatever their states (no Vietnam added)."""
    article = story(text, "2025-09-10")
    assert [(e.type, set(e.countries)) for e in extract(article).events] == [expected]


@pytest.mark.parametrize(("text", "visits"), [
    # a foreign visitor named after the trip that frames the sentence, meeting Vietnam's leaders: to Vietnam
    ("Trong khuôn khổ chuyến thăm, Thủ tướng Campuchia Hun Sen đã hội đàm với Thủ tướng Nguyễn Xuân Phúc.",
     [{"KH", "VN"}]),
    # two other states: no visit to Vietnam made up
    ("Trong chuyến thăm, Ngoại trưởng Mỹ Antony Blinken gặp Ngoại trưởng Trung Quốc Vương Nghị.", []),
])
def test_a_trip_framing_the_sentence_goes_to_the_hosts_named_in_it(text: str, visits: list[set[str]]) -> None:
    article = story(text, "2019-10-05")
    assert [set(e.countries) for e in extract(article).events if e.type == "visit"] == visits
