"""A story between other states, as the Vietnamese press reports them: an act whose acting side the sentence does not
name is made by the other state of the pair the passage is about, not by Vietnam, when no Vietnamese takes part
in the story; one act with a counterpart named twice is one event. A sentence about the news of an act ("Thông tin
về cuộc điện đàm được đăng ...") is no act of its own. An undated act told twice keeps the status it was first
told with (a second telling without a day does not overwrite it). Contact in general ("giữ sự tiếp xúc gần gũi
nhất", "giữ liên lạc và tiếp xúc") is no meeting."""

from __future__ import annotations

from doingoai.extract import extract

from .story import story


def _acts(text: str) -> list[tuple[str, frozenset[str]]]:
    return [(e.type, frozenset(e.countries)) for e in extract(story(text, "2023-03-22")).events]


def test_no_vietnam_in_a_story_of_two_other_states() -> None:
    text = ("Ngày 21/3, Chủ tịch Trung Quốc Tập Cận Bình đang thăm Nga. Trong cuộc hội đàm với Tổng thống Nga Vladimir "
            "Putin, Chủ tịch Tập Cận Bình khẳng định quan hệ hai nước phát triển tốt đẹp.")
    acts = _acts(text)
    assert all("VN" not in countries for _, countries in acts)
    assert ("talks", frozenset({"CN", "RU"})) in acts


def test_vietnam_still_acts_in_its_own_story() -> None:
    text = ("Chủ tịch nước Võ Văn Thưởng đang thăm Nhật Bản. Ngày 21/3, trong cuộc hội đàm với Thủ tướng Nhật Bản "
            "Kishida Fumio, hai bên nhất trí thúc đẩy hợp tác.")
    assert ("talks", frozenset({"VN", "JP"})) in _acts(text)


def test_the_news_of_an_act_is_no_act() -> None:
    text = ("Thông tin về cuộc điện đàm được đăng vào lúc nửa đêm 10/9 trên trang web của Bộ Ngoại giao Trung Quốc. Bộ "
            "này mô tả cuộc điện đàm giữa Ngoại trưởng Vương Nghị và Ngoại trưởng Mỹ Marco Rubio là kịp thời.")
    assert _acts(text) == [("phone_call", frozenset({"CN", "US"}))]


def test_an_undated_act_told_again_keeps_its_status() -> None:
    text = ("Tân Thủ tướng Nhật Bản Yoshihide Suga có kế hoạch điện đàm với Tổng thống Mỹ Donald Trump. Trong cuộc "
            "điện đàm với Tổng thống Mỹ Donald Trump, ông Suga sẽ nói về các chính sách ngoại giao.")
    [call] = extract(story(text, "2020-09-17")).events
    assert (call.type, call.status, set(call.countries)) == ("phone_call", "planned", {"JP", "US"})


def test_contact_in_general_is_no_meeting() -> None:
    text = ("Chủ tịch Trung Quốc Tập Cận Bình lưu ý rằng Bắc Kinh giữ sự tiếp xúc gần gũi nhất với Moskva. Ông giữ "
            "liên lạc và tiếp xúc gần gũi nhất với Tổng thống Nga Vladimir Putin.")
    assert [kind for kind, _ in _acts(text)] == []


def test_talks_by_telephone_are_a_phone_call() -> None:
    text = "Ngày 24/11, Tổng thống Mỹ Donald Trump có cuộc hội đàm qua điện thoại với Chủ tịch Trung Quốc Tập Cận Bình."
    assert _acts(text) == [("phone_call", frozenset({"US", "CN"}))]
