"""Acts only hoped for, proposed, aimed at or invited are not told as done (shared/spec/annotation-guide.md,
"status" and "Not events"): a hope, wish or proposal whose clause runs on to the act's cue makes no event
("Hai bên kỳ vọng sớm ký kết ..."); an act aimed at or intended is planned ("hướng tới ký kết", "dự định ký");
a visit invited and accepted is planned ("mời ... sớm thăm ...; ... vui vẻ nhận lời"). Acts told as done next
to a hope stay occurred (data/patterns_events.yaml ``hoped``, ``arranged``, ``intended``, ``accepting``,
``accepted_after``)."""

from __future__ import annotations

import pytest

from doingoai.extract import extract

from .story import story


def _acts(text: str, published: str | None = "2024-05-10") -> list[tuple[str, str, tuple[str, ...]]]:
    return [(e.type, e.status, e.countries) for e in extract(story(text, published)).events]


@pytest.mark.parametrize(("text", "hoped"), [
    ("Ngày 9/5, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Singapore Lý Hiển Long. Hai bên kỳ vọng sớm ký kết "
     "Hiệp định về kinh tế số giữa Việt Nam và Singapore.", "agreement"),
    ("Bộ trưởng Ngoại giao Bùi Thanh Sơn mong muốn Việt Nam và Hàn Quốc sớm ký kết thỏa thuận về lao động.",
     "agreement"),
    # a subject named between the wish and the act: beyond the old window of three words
    ("Thủ tướng Phạm Minh Chính mong muốn Tổng thống Brazil Lula da Silva sớm thăm chính thức Việt Nam.", "visit"),
    ("Phía Nhật Bản hy vọng Thủ tướng Phạm Minh Chính sẽ tham dự Hội nghị thượng đỉnh G7 mở rộng tại Hiroshima.",
     "conference"),
    ("Bộ trưởng Nguyễn Hồng Diên đề xuất Việt Nam và Israel ký kết Hiệp định hợp tác lao động trong năm nay.",
     "agreement"),
    ("Tổng thống Indonesia Joko Widodo bày tỏ kỳ vọng Thủ tướng Phạm Minh Chính sẽ sớm thăm Indonesia.", "visit"),
    # a nominal act under a proposal, brought about by its verb
    ("Thủ tướng đề nghị phía Australia thu xếp chuyến thăm Australia của Chủ tịch nước Võ Văn Thưởng.", "visit"),
])
def test_an_act_hoped_for_is_no_event(text: str, hoped: str) -> None:
    assert hoped not in [t for t, _, _ in _acts(text)]


@pytest.mark.parametrize("text", [
    "Việt Nam và Chile hướng tới ký kết Bản ghi nhớ về hợp tác nông nghiệp trong năm nay.",
    "Việt Nam và Lào dự định ký Bản ghi nhớ hợp tác quốc phòng trong chuyến thăm tới.",
    "Hai bên tiến tới ký Hiệp định thương mại tự do Việt Nam - UAE vào cuối năm.",
])
def test_an_act_aimed_at_is_planned(text: str) -> None:
    assert [s for t, s, _ in _acts(text) if t == "agreement"] == ["planned"]


@pytest.mark.parametrize(("text", "countries"), [
    ("Ngày 9/5, Thủ tướng Phạm Minh Chính mời Tổng thống Indonesia Joko Widodo sớm thăm Việt Nam; Tổng thống Joko "
     "Widodo vui vẻ nhận lời.", ("ID", "VN")),
    ("Ngày 9/5, Tổng thống Hàn Quốc Yoon Suk Yeol mời Chủ tịch nước Võ Văn Thưởng thăm Hàn Quốc. Chủ tịch nước vui "
     "vẻ nhận lời.", ("VN", "KR")),
    ("Tổng thống Pháp Emmanuel Macron vui vẻ nhận lời mời thăm Việt Nam vào thời gian thích hợp.", ("FR", "VN")),
])
def test_a_visit_invited_and_accepted_is_planned(text: str, countries: tuple[str, ...]) -> None:
    assert [(s, c) for t, s, c in _acts(text) if t == "visit"] == [("planned", countries)]


def test_an_accepted_visit_is_not_dated_by_the_invitation() -> None:
    text = ("Ngày 9/5, Thủ tướng Phạm Minh Chính mời Tổng thống Indonesia Joko Widodo sớm thăm Việt Nam; Tổng thống "
            "Joko Widodo vui vẻ nhận lời.")
    visits = [e for e in extract(story(text, "2024-05-10")).events if e.type == "visit"]
    assert [e.date.start for e in visits] == [None]


def test_an_accepted_visit_is_another_occasion_than_the_talks() -> None:
    text = ("Chiều 9/5, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone. Thủ tướng Phạm Minh "
            "Chính mời Thủ tướng Sonexay Siphandone thăm Việt Nam; Thủ tướng Lào vui vẻ nhận lời.")
    events = extract(story(text, "2024-05-10")).events
    assert [(e.type, e.status, e.salience) for e in events if e.type == "visit"] == [
        ("visit", "planned", "background")]


def test_an_invitation_not_accepted_is_no_visit() -> None:
    text = "Ngày 9/5, Thủ tướng Phạm Minh Chính mời Thủ tướng Lào Sonexay Siphandone sớm thăm Việt Nam."
    assert "visit" not in [t for t, _, _ in _acts(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ngày 9/5, Việt Nam và Israel đã ký kết Hiệp định thương mại tự do.", "agreement"),
    # the hope's clause ends where the act is told as done
    ("Ngày 9/5, hai Bộ trưởng bày tỏ mong muốn tăng cường hợp tác quốc phòng và đã ký Bản ghi nhớ về hợp tác quốc "
     "phòng giữa Việt Nam và Lào.", "agreement"),
    ("Sau hội đàm ngày 9/5, hai Thủ tướng chứng kiến lễ ký kết các văn kiện hợp tác giữa Việt Nam và Singapore.",
     "agreement"),
    # a hope about something else, next to a real signing
    ("Ngày 9/5, Việt Nam và Hàn Quốc ký kết Hiệp định về lao động; hai bên kỳ vọng thương mại song phương sớm đạt "
     "100 tỷ USD.", "agreement"),
    ("Hai bên mong muốn tăng cường hợp tác. Ngày 9/5, Bộ trưởng Quốc phòng Việt Nam và Bộ trưởng Quốc phòng Lào ký "
     "Bản ghi nhớ hợp tác quốc phòng.", "agreement"),
    # a real act the hope is about, named by its noun; a hope whose clause a comma closes
    ("Tổng Bí thư bày tỏ hy vọng qua chuyến thăm Việt Nam lần này, Tổng thống Mỹ Joe Biden có thêm dịp hiểu Việt "
     "Nam.", "visit"),
    ("Thủ tướng Phạm Minh Chính kỳ vọng, tại cuộc hội đàm ngày 9/5 với Thủ tướng Lào Sonexay Siphandone, hai bên đã "
     "thống nhất nhiều nội dung.", "talks"),
    # the formula of a visit told with its own dates is no invitation accepted
    ("Nhận lời mời của Thủ tướng Phạm Minh Chính, Thủ tướng New Zealand Jacinda Ardern thăm chính thức Việt Nam từ "
     "ngày 7-9/5.", "visit"),
])
def test_an_act_told_as_done_stays_occurred(text: str, expected: str) -> None:
    assert "occurred" in [s for t, s, _ in _acts(text) if t == expected]
