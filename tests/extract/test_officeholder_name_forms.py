"""One act told with two forms of an officeholder's name ("Tổng thống Hợp chúng quốc Hoa Kỳ Joseph R. Biden, Jr." and
"Tổng thống Joe Biden") is one event: the table of officeholders knows both as one person, middle initials and
generational suffixes left out."""

from __future__ import annotations

from doingoai.analyse.officeholders import terms_of
from doingoai.extract import extract

from .story import story


def test_suffixes_and_initials_name_the_same_officeholder() -> None:
    assert [t.name for t in terms_of("Joseph R. Biden, Jr.")] == [t.name for t in terms_of("Joe Biden")] != []


def test_one_visit_told_with_two_forms_of_the_visitors_name() -> None:
    text = ("Ngày 10-9, Tổng thống Hợp chúng quốc Hoa Kỳ Joseph R. Biden, Jr. đến Thủ đô Hà Nội, bắt đầu chuyến thăm "
            "cấp Nhà nước tới Việt Nam. Chuyến thăm Việt Nam lần này của Tổng thống Joe Biden đánh dấu một thập kỷ "
            "quan hệ Đối tác toàn diện.")
    visits = [e for e in extract(story(text, "2023-09-10")).events if e.type == "visit"]
    assert len(visits) == 1
