"""A document of a multilateral body or framework signed by one state ("Việt Nam ký kết Hiệp định CPTPP", "ký Nghị
định thư ... Hiệp định Thương mại Hàng hóa ASEAN", "ký thỏa thuận với Ngân hàng Thế giới") is an agreement of that
state with the body: countries the signing state, the body in organizations (as the gold writes the ATIGA protocol),
not a bilateral agreement with another state the sentence happens to name. Two states that sign ("hai bên", "Việt
Nam và Nhật Bản ký") keep their bilateral agreement whatever framework the document names."""

from __future__ import annotations

import pytest

from doingoai.extract import extract

from .story import story


def _agreements(text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [(e.countries, e.organizations) for e in extract(story(text, "2024-05-10")).events
            if e.type == "agreement"]


@pytest.mark.parametrize(("text", "body"), [
    ("Kể từ khi Việt Nam ký kết Hiệp định Đối tác Toàn diện và Tiến bộ xuyên Thái Bình Dương (CPTPP), Trung Quốc "
    "thường đứng trong nhóm 10 nước đầu tư nhiều nhất vào Việt Nam.", "CPTPP"),
    ("Năm 2020, Việt Nam đã ký Hiệp định Đối tác Kinh tế Toàn diện Khu vực (RCEP), Nhật Bản là đối tác quan trọng.",
     "RCEP"),
])
def test_a_states_signing_of_a_multilateral_agreement_is_with_the_body(text: str, body: str) -> None:
    assert _agreements(text) == [(("VN",), (body,))]


def test_an_agreement_with_a_body_names_the_body() -> None:
    text = ("Ngày 9/5, tại Hà Nội, Bộ trưởng Bộ Tài chính Hồ Đức Phớc đã ký thỏa thuận tài trợ với Ngân hàng Thế giới "
            "(WB) trị giá 100 triệu USD.")
    assert _agreements(text) == [(("VN",), ("WB",))]


@pytest.mark.parametrize("text", [
    "Ngày 9/5, Việt Nam và Nhật Bản đã ký Bản ghi nhớ hợp tác trong khuôn khổ Hiệp hội các quốc gia Đông Nam Á "
    "(ASEAN).",
    "Sau hội đàm, Thủ tướng Phạm Minh Chính và Thủ tướng Nhật Bản Kishida Fumio chứng kiến lễ ký các văn kiện hợp "
    "tác giữa hai nước, trong đó có bản ghi nhớ về Cộng đồng ASEAN.",
])
def test_two_signing_states_keep_their_bilateral_agreement(text: str) -> None:
    assert _agreements(text) == [(("VN", "JP"), ())]
