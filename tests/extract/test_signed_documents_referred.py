"""Documents referred to as signed before, as the object of carrying them out ("triển khai hiệu quả các thỏa thuận đã
ký kết", "thực hiện nghiêm túc các văn kiện đã được ký"), are the content of a meeting, not a signing: the guide's
"wishes and proposals ... are the content of the meeting, not new events". A signing told as such ("chứng kiến lễ ký
các văn kiện", "Các văn kiện đã được ký kết gồm ...", "12 văn kiện hợp tác được ký kết", "đã ký thỏa thuận thực hiện
các dự án") stays an agreement, of the passage's two states; a tally ("hơn 200 cam kết, thỏa thuận được ký kết") is
a count figure."""

from __future__ import annotations

import pytest

from doingoai.extract import extract

from .story import story

LEAD = "Chiều 9/5, tại Hà Nội, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone. "


def _signings(text: str) -> list[tuple[str, ...]]:
    return [e.countries for e in extract(story(LEAD + text, "2024-05-10")).events if e.type == "agreement"]


@pytest.mark.parametrize("text", [
    "Hai bên nhất trí triển khai hiệu quả các thỏa thuận đã ký kết giữa hai nước.",
    "Thủ tướng đề nghị hai bên thực hiện nghiêm túc các văn kiện hợp tác đã được ký kết trong các chuyến thăm cấp cao.",
    "Hai Thủ tướng đánh giá cao việc thực thi các hiệp định, thỏa thuận hợp tác đã ký giữa hai Chính phủ.",
    "Hai bên cần cụ thể hóa những cam kết đã ký tại Hội nghị.",
    # a tally is a count figure (the guide), no signing of its own
    "Trong năm qua, hơn 200 cam kết, thỏa thuận được ký kết, gấp đôi năm trước.",
])
def test_documents_to_carry_out_are_no_signing(text: str) -> None:
    assert _signings(text) == []


@pytest.mark.parametrize("text", [
    "Sau hội đàm, hai Thủ tướng chứng kiến lễ ký các văn kiện hợp tác giữa hai nước.",
    "Các văn kiện đã được ký kết gồm Bản ghi nhớ về hợp tác lao động và Hiệp định về vận tải đường bộ.",
    "Hai bên đã ký kết thỏa thuận thực hiện các dự án hạ tầng giao thông.",
    # the documents as the subject, as a visit's signing is often told only so
    "Nhân dịp này, 12 văn kiện hợp tác được ký kết.",
    "Trong chuyến thăm, đã có 12 văn bản, thỏa thuận hợp tác quan trọng giữa hai nước được ký kết.",
])
def test_a_signing_told_as_such_stays(text: str) -> None:
    assert _signings(text) == [("VN", "LA")]


def test_documents_of_a_body_signed_are_the_bodys() -> None:
    text = ("Hiệp định Đối tác Toàn diện và Tiến bộ xuyên Thái Bình Dương (CPTPP) đã được ký kết, mở ra cơ hội cho "
            "hai nước.")
    assert [(e.countries, e.organizations) for e in extract(story(LEAD + text, "2024-05-10")).events
            if e.type == "agreement"] == [(("VN",), ("CPTPP",))]


def test_documents_signed_on_an_earlier_day_are_not_this_form() -> None:
    # "được ký vào ...": the older passive cue reads it (it names its states); this form stays silent
    text = "Bản ghi nhớ về hợp tác giáo dục được ký vào năm 2015."
    assert len(_signings(text)) <= 1
