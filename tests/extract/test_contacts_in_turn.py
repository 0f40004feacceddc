"""A visitor who meets one leader of the host, then another, makes one act with each: "nhóm họp với A, B" and
"hội kiến A; B" are meetings and courtesy calls apart, even when a sentence before announced them together;
and people who live and work in a country ("công dân ... làm việc tại") are no visit there."""

from __future__ import annotations

from doingoai.extract import extract
from doingoai.extract.cues import find_cues

from .story import story


def _events(text: str) -> list[tuple[str, tuple[str, ...]]]:
    article = story(text, "2023-06-22")
    return [(e.type, tuple(p.name for p in e.participants)) for e in extract(article).events]


def test_meetings_in_turn_are_one_each() -> None:
    found = _events("Ngày 23/6, Tổng thống Hàn Quốc Yoon Suk-yeol dự kiến sẽ gặp gỡ các lãnh đạo chủ chốt của Việt "
                    "Nam. Cụ thể, ông Yoon sẽ lần lượt hội đàm với Chủ tịch nước Võ Văn Thưởng, nhóm họp với "
                    "Tổng Bí thư Nguyễn Phú Trọng, Thủ tướng Phạm Minh Chính.")
    meetings = [people for kind, people in found if kind == "meeting"]
    assert len(meetings) == 2, found
    assert {p for people in meetings for p in people if p != "Yoon Suk-yeol"} == {"Nguyễn Phú Trọng",
                                                                                  "Phạm Minh Chính"}
    assert all(len(people) == 2 for people in meetings), meetings
    assert ("talks", ("Yoon Suk-yeol", "Võ Văn Thưởng")) in found


def test_residents_working_in_a_country_make_no_visit() -> None:
    text = "khuyến cáo công dân Việt Nam đang sinh sống, học tập và làm việc tại Israel và Iran tuân thủ hướng dẫn"
    assert [c.type for c in find_cues(text) if c.type == "visit"] == []
    assert [c.type for c in find_cues("Đoàn đã làm việc tại Israel.") if c.type == "visit"] == ["visit"]


def test_the_leaders_named_before_a_message_send_it_not_the_states_of_its_occasion() -> None:
    """"Sau vụ động đất tại Thái Lan và Myanmar, lãnh đạo Việt Nam đã gửi điện thăm hỏi": Vietnam sends."""
    article = story("Sau vụ động đất nghiêm trọng tại Thái Lan và Myanmar vào ngày 28/3, lãnh đạo Việt Nam đã gửi "
                    "điện thăm hỏi, chia buồn.", "2025-03-29")
    messages = [e for e in extract(article).events if e.type == "message"]
    assert messages
    assert all(e.countries[0] == "VN" for e in messages), [e.countries for e in messages]
