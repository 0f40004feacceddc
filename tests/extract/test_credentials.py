"""Credentials presented ("trình Quốc thư", "trình Thư ủy nhiệm", "trình bản sao Quốc thư ... lên/tới X") are the
host receiving each ambassador: one reception per sending state, the host named after the verb."""

from __future__ import annotations

import pytest

from doingoai.extract import extract

from .story import story


def _receptions(text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return sorted((e.countries, tuple(p.name for p in e.participants))
                  for e in extract(story(text, "2024-11-09")).events if e.type == "reception")


def test_ambassadors_presenting_credentials_in_turn_are_each_received() -> None:
    text = ("Sáng 8/11, tại Phủ Chủ tịch, Đại sứ Maroc Jamale Chouaibi, Đại sứ Serbia Jugoslav Vukadinović và Đại sứ "
            "Estonia Martin Kokk đã lần lượt trình Quốc thư lên Chủ tịch nước Lương Cường.")
    assert _receptions(text) == [
        (("VN", "EE"), ("Lương Cường", "Martin Kokk")),
        (("VN", "MA"), ("Lương Cường", "Jamale Chouaibi")),
        (("VN", "RS"), ("Lương Cường", "Jugoslav Vukadinović")),
    ]


@pytest.mark.parametrize("text", [
    "Ngày 8/11, Đại sứ Nhật Bản Ito Naoki đã trình bản sao Quốc thư lên Bộ trưởng Ngoại giao Bùi Thanh Sơn.",
    "Ngày 8/11, Đại sứ Nhật Bản Ito Naoki trình Thư ủy nhiệm tới Bộ trưởng Ngoại giao Bùi Thanh Sơn.",
])
def test_one_ambassador_presenting_to_a_minister(text: str) -> None:
    assert _receptions(text) == [(("VN", "JP"), ("Bùi Thanh Sơn", "Ito Naoki"))]


def test_preparing_credentials_is_no_reception() -> None:
    text = "Đại sứ Nhật Bản Ito Naoki cho biết ông đang chuẩn bị các thủ tục trước khi nhận nhiệm vụ."
    assert _receptions(text) == []
