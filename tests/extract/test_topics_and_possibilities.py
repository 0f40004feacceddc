"""Acts talked about rather than held:

- negotiations as a process or a topic ("không có lợi cho quá trình đàm phán hiện nay giữa Trung Quốc và ASEAN",
  "Hai bên trao đổi về ..., trong đó có đàm phán về Hiệp định TPP") are no negotiation round;
- an act that "có thể" take place is at most planned;
- a telling takes no day of an act still to come ("TASS dẫn lời ... cho biết" beside a call "vào ngày 28/1 tới");
- one sentence of a spokesperson telling with two verbs ("cho biết về phản ứng ..., Người Phát ngôn nêu rõ") is one
  statement or protest, dated by the telling, not by the dates of the act it objects to."""

from __future__ import annotations

import pytest

from doingoai.extract import extract

from .story import story


def _acts(text: str) -> list[tuple[str, str, str | None]]:
    return [(e.type, e.status, e.date.start) for e in extract(story(text, "2023-08-04")).events]


@pytest.mark.parametrize("text", [
    "Hành động này không có lợi cho quá trình đàm phán hiện nay giữa Trung Quốc và ASEAN về Bộ Quy tắc ứng xử.",
    "Ngày 3/8, hai Bộ trưởng trao đổi về hợp tác kinh tế, trong đó có đàm phán về Hiệp định Đối tác xuyên Thái "
    "Bình Dương (TPP).",
])
def test_negotiations_as_a_process_or_topic_are_no_round(text: str) -> None:
    assert [a for a in _acts(text) if a[0] == "negotiation"] == []


def test_a_negotiation_round_is_still_one() -> None:
    text = "Ngày 3/8, Việt Nam và Hàn Quốc đã tổ chức phiên đàm phán thứ 5 về Hiệp định thương mại tự do."
    assert [a[0] for a in _acts(text)] == ["negotiation"]


def test_a_possible_meeting_is_at_most_planned() -> None:
    text = ("Điện Kremlin khẳng định không có thông tin gì về thời điểm Tổng thống Nga Vladimir Putin và Tổng thống Mỹ "
            "Donald Trump có thể tiến hành cuộc gặp đầu tiên.")
    assert all(status == "planned" for kind, status, _ in _acts(text) if kind == "meeting")


def test_one_telling_with_two_verbs_is_one_protest_of_its_day() -> None:
    text = ("Chiều 3/8, tại họp báo thường kỳ Bộ Ngoại giao, trả lời câu hỏi về phản ứng của Việt Nam đối với việc "
            "Trung Quốc tiến hành tập trận trên Biển Đông từ 29/7 đến 2/8 tại khu vực quần đảo Hoàng Sa, Người Phát "
            "ngôn Bộ Ngoại giao Phạm Thu Hằng cho biết Việt Nam kiên quyết phản đối và nêu rõ yêu cầu Trung Quốc tôn "
            "trọng chủ quyền của Việt Nam.")
    assert [(kind, start) for kind, _, start in _acts(text)] == [("protest", "2023-08-03")]


def test_a_telling_takes_no_day_of_an_act_to_come() -> None:
    text = ("Tổng thống Nga Vladimir Putin và tân Tổng thống Mỹ Donald Trump dự kiến tiến hành cuộc điện đàm đầu tiên "
            "vào ngày 28/1 tới. Hãng thông tấn TASS dẫn lời người phát ngôn Điện Kremlin Dmitry Peskov cho biết thông "
            "tin trên.")
    acts = _acts(text)
    assert ("phone_call", "planned", "2024-01-28") in acts  # (the page is of 4 August 2023)
    assert [a for a in acts if a[0] == "statement"] == [("statement", "occurred", None)]
