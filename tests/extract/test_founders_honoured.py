"""The founders of a relationship, named as the agent of its building ("mối quan hệ ... được Chủ tịch Hồ Chí Minh và
Chủ tịch Mao Trạch Đông dày công xây dựng"), are honoured, not taking part in the act the sentence tells."""

from __future__ import annotations

from doingoai.extract import extract

from .story import story


def test_founders_are_no_participants() -> None:
    # (the lead, before the sentence that tells the act)
    text = ("Tại hội đàm, hai bên bày tỏ trân trọng mối quan hệ đặc biệt được Chủ tịch Hồ Chí Minh và Chủ tịch "
            "Kaysone Phomvihane dày công xây dựng.\nChiều 27/3, Chủ tịch Quốc hội Vương Đình Huệ đã hội đàm với Chủ "
            "tịch Quốc hội Lào Saysomphone Phomvihane.")
    names = {p.name for e in extract(story(text, "2023-03-28")).events for p in e.participants}
    assert names == {"Vương Đình Huệ", "Saysomphone Phomvihane"}


def test_a_leader_who_builds_now_is_no_founder_of_the_sentence_before() -> None:
    text = ("Chiều 27/3, Chủ tịch Quốc hội Vương Đình Huệ hội đàm với Chủ tịch Quốc hội Lào Saysomphone Phomvihane về "
            "việc xây dựng nhà Quốc hội mới.")
    [talks] = extract(story(text, "2023-03-28")).events
    assert [p.name for p in talks.participants] == ["Vương Đình Huệ", "Saysomphone Phomvihane"]
