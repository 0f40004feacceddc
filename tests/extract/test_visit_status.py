"""The status of a visit a page without a date tells with "Nhận lời mời của X, Y thăm ... từ ngày ...": no modal
word, so told as done or under way; unless the Foreign Ministry's notice ("Theo Thông cáo của Bộ Ngoại giao")
announces it, or a modal word does (data/patterns_cues.yaml ``planned``)."""

from __future__ import annotations

import pytest

from doingoai.extract import extract

from .story import story

VISIT = ("nhận lời mời của Chủ tịch nước Trần Đại Quang, Tổng thống Cộng hòa Chile Michelle Bachelet Jeria thăm cấp "
         "Nhà nước tới Việt Nam từ ngày 8 – 9/11/2017.")


@pytest.mark.parametrize(("text", "status"), [
    ("N" + VISIT[1:], "occurred"),
    ("Theo Thông cáo của Bộ Ngoại giao, " + VISIT, "planned"),
    ("Theo Thông cáo chung, " + VISIT, "occurred"),  # the joint statement comes after the visit
    ("N" + VISIT[1:].replace("Jeria thăm", "Jeria sẽ thăm"), "planned"),
])
def test_the_status_of_an_announced_or_told_visit(text: str, status: str) -> None:
    article = story(text, None)
    assert [e.status for e in extract(article).events if e.type == "visit"] == [status]
