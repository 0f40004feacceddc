"""Senders of messages listed in the subject: the states after "Lãnh đạo các nước" send together with a person the
list ends with ("Lãnh đạo các nước Cộng hòa Nhân dân Trung Hoa, ..., Vương quốc Thái Lan và Nhà vua Nhật Bản đã có
điện mừng"), one message per sending state; senders separated by ";" (each with titles holding commas) all send
when no other act comes before them in the sentence, while in "A gửi điện tới B; C gửi điện" C alone sends the
second message."""

from __future__ import annotations

from doingoai.extract import extract

from .story import story


def _senders(text: str) -> list[tuple[str, ...]]:
    return sorted(e.countries for e in extract(story(text, "2024-09-03")).events if e.type == "message")


def test_states_listed_after_leaders_send_with_the_person_closing_the_list() -> None:
    text = ("Nhân dịp kỷ niệm 79 năm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam, Lãnh đạo các nước Cộng hòa "
            "Nhân dân Trung Hoa, Cộng hòa Dân chủ Nhân dân Lào, Vương quốc Campuchia, Cộng hòa Singapore và Nhà vua "
            "Nhật Bản đã có điện mừng gửi lãnh đạo Đảng, Nhà nước Việt Nam.")
    assert _senders(text) == [("CN", "VN"), ("JP", "VN"), ("KH", "VN"), ("LA", "VN"), ("SG", "VN")]


def test_senders_separated_by_semicolons_all_send() -> None:
    text = ("Nhân dịp Tổng Bí thư Tô Lâm được bầu lại, Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith; Tổng Bí "
            "thư, Chủ tịch nước Trung Quốc Tập Cận Bình; Chủ tịch Đảng Nhân dân Campuchia Hun Sen đã gửi điện mừng.")
    assert _senders(text) == [("CN", "VN"), ("KH", "VN"), ("LA", "VN")]


def test_a_semicolon_after_another_act_still_parts_the_senders() -> None:
    text = ("Ngày 2/9, Tổng thống Nga Vladimir Putin gửi điện mừng tới Chủ tịch nước Lương Cường; Thủ tướng Nhật Bản "
            "Kishida Fumio gửi điện mừng tới Thủ tướng Phạm Minh Chính.")
    assert _senders(text) == [("JP", "VN"), ("RU", "VN")]


def test_a_single_sender_after_leaders_of_vietnam_stays_alone() -> None:
    text = ("Sau trận động đất tại Myanmar, thay mặt lãnh đạo Việt Nam, Chủ tịch nước Lương Cường đã gửi điện thăm "
            "hỏi tới Tổng thống Myanmar.")
    assert _senders(text) == [("VN", "MM")]
