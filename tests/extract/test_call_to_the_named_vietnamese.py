"""A foreign leader's call with no counterpart after the verb ("Nhân dịp đồng chí A được bầu giữ chức Thủ tướng,
ngày 6/4, Thủ tướng Lào B đã gọi điện chúc mừng") is to the Vietnamese the sentence names before it; with no
Vietnamese named, no call is guessed."""

from __future__ import annotations

from doingoai.extract import extract

from .story import story


def _calls(text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [(e.countries, tuple(p.name for p in e.participants))
            for e in extract(story(text, "2021-04-07")).events if e.type == "phone_call"]


def test_a_congratulating_call_is_to_the_leader_elected() -> None:
    text = ("Nhân dịp đồng chí Phạm Minh Chính được bầu giữ chức Thủ tướng Chính phủ, ngày 6/4, Thủ tướng Lào Phankham "
            "Viphavanh đã gọi điện chúc mừng.")
    assert _calls(text) == [(("LA", "VN"), ("Phankham Viphavanh", "Phạm Minh Chính"))]


def test_no_vietnamese_named_no_call_guessed() -> None:
    text = "Ngày 6/4, Thủ tướng Lào Phankham Viphavanh đã gọi điện chúc mừng."
    assert _calls(text) == []
