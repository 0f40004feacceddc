"""A conference told without its day ("Tham dự hội nghị gồm lãnh đạo 10 nước ...") takes the day the story gives
its body's gathering elsewhere, with the body named before the verb ("Hội nghị các nhà lãnh đạo ASEAN khai mạc
chiều 24/4 tại Jakarta"); a date of something else in that sentence gives none. A gathering named by its common
noun alone ("tham dự hội nghị,") is the body's the story named before."""

from __future__ import annotations

from doingoai.extract import extract

from .story import story

ATTENDED = ("Thủ tướng Phạm Minh Chính dẫn đầu đoàn Việt Nam tham dự Hội nghị các nhà lãnh đạo Hiệp hội các quốc gia "
            "Đông Nam Á (ASEAN).")


def _conferences(text: str) -> list[tuple[str | None, tuple[str, ...]]]:
    return [(e.date.start, e.organizations) for e in extract(story(text, "2021-04-25")).events
            if e.type == "conference"]


def test_the_gathering_day_dates_the_attendance() -> None:
    text = "Hội nghị các nhà lãnh đạo ASEAN khai mạc chiều 24/4 tại Thủ đô Jakarta của Indonesia. " + ATTENDED
    assert _conferences(text) == [("2021-04-24", ("ASEAN",))]


def test_another_date_in_the_bodys_sentence_gives_none() -> None:
    text = "Cộng đồng ASEAN được thành lập ngày 31/12/2015 và ngày càng lớn mạnh. " + ATTENDED
    assert _conferences(text) == [(None, ("ASEAN",))]



def test_a_gathering_named_by_its_common_noun_is_the_one_named_before() -> None:
    text = ("Hội nghị Cấp cao ASEAN lần thứ 47 diễn ra tại Kuala Lumpur. Thủ tướng Phạm Minh Chính dẫn đầu Đoàn đại "
            "biểu Việt Nam tham dự hội nghị, khẳng định sự đóng góp của Việt Nam.")
    assert _conferences(text) == [(None, ("ASEAN",))]


def test_another_gathering_of_a_common_noun_is_not_linked() -> None:
    text = ("Hội nghị Cấp cao ASEAN lần thứ 47 diễn ra tại Kuala Lumpur. Sáng 3/5, Thủ tướng Phạm Minh Chính dự hội "
            "nghị tổng kết công tác năm của tỉnh.")
    assert _conferences(text) == []
