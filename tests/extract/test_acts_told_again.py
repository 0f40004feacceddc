"""Ways one act came out as two, or as the wrong kind:

- a sentence opening on the bare name of an act already told ("Tại hội đàm, ...", "Trong cuộc tiếp xúc, ...",
  "Tham dự hội đàm trực tuyến, về phía Việt Nam có ...") goes on about that act: the people it names (whose
  greetings were passed on, who attended) are no new counterparts;
- "(có) cuộc tiếp xúc với" is a meeting, not a reception ("cuộc tiếp" is one);
- an invitation to attend a summit ("đã mời Tổng thống dự Hội nghị Cấp cao APEC") is no attendance, as an
  invitation to visit is no visit;
- hospitality thanked for ("cảm ơn sự đón tiếp nồng hậu của ...") is no reception of its own."""

from __future__ import annotations

from doingoai.extract import extract

from .story import story


def _acts(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(e.type, e.countries) for e in extract(story(text, "2025-05-28")).events]


def test_a_sentence_opening_on_the_act_told_before_is_about_it() -> None:
    text = ("Ngày 27/5, Thủ tướng Phạm Minh Chính đã có cuộc hội đàm với Thủ tướng Trung Quốc Lý Cường. Tại hội đàm, "
            "Thủ tướng Phạm Minh Chính chuyển lời thăm hỏi của Tổng Bí thư Tô Lâm đến Tổng Bí thư, Chủ tịch nước Tập "
            "Cận Bình.")
    assert _acts(text) == [("talks", ("VN", "CN"))]


def test_an_opening_act_not_told_before_is_the_act() -> None:
    text = "Tại cuộc hội đàm, Thủ tướng Phạm Minh Chính và Thủ tướng Trung Quốc Lý Cường nhất trí tăng cường hợp tác."
    assert [t for t, _ in _acts(text)] == ["talks"]


def test_a_contact_is_a_meeting() -> None:
    text = ("Ngày 27/5, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã có cuộc tiếp xúc với Ngoại trưởng Mỹ Marco Rubio. Tại "
            "cuộc tiếp xúc, hai bên nhất trí thúc đẩy quan hệ Đối tác chiến lược toàn diện.")
    assert _acts(text) == [("meeting", ("VN", "US"))]


def test_an_invitation_to_a_summit_is_no_attendance() -> None:
    text = ("Ngày 27/5, Bộ trưởng Ngoại giao Bùi Thanh Sơn gặp Ngoại trưởng Mỹ Marco Rubio. Bộ trưởng nhắc lại việc "
            "lãnh đạo Việt Nam đã mời Tổng thống Donald Trump dự Hội nghị Cấp cao APEC tại Đà Nẵng vào tháng 11.")
    assert _acts(text) == [("meeting", ("VN", "US"))]


def test_guests_attending_a_summit_do_attend() -> None:
    text = ("Ngày 27/5, các khách mời tham dự Hội nghị Cấp cao ASEAN lần thứ 46 tại Kuala Lumpur, trong đó có Thủ "
            "tướng Phạm Minh Chính.")
    assert [t for t, _ in _acts(text)] == ["conference"]


def test_hospitality_thanked_for_is_no_reception() -> None:
    text = ("Chiều 27/5, Chủ tịch UBND tỉnh Hậu Giang Lê Tiến Châu làm việc với Tổng Lãnh sự Hàn Quốc Lim Jae Hoon. "
            "Chủ tịch UBND tỉnh cảm ơn sự đón tiếp nồng hậu của Ngài Tổng Lãnh sự.")
    assert [t for t, _ in _acts(text)] == ["meeting"]
