"""An elect ("Tổng thống đắc cử Hoa Kỳ Donald Trump", "tân cử") does not hold the office yet: the text is of the
months before the term, not of the term; the title keeps the word as printed and the state after it is the person's."""

from __future__ import annotations

import datetime as dt

from doingoai.analyse.officeholders import ELECT_DAYS, term_spans, terms_of
from doingoai.extract import extract

from .story import story

TODAY = dt.date(2026, 12, 1)


def test_an_elect_speaks_of_the_months_before_each_term() -> None:
    spans = term_spans("điện đàm với Tổng thống đắc cử Hoa Kỳ ", terms_of("Donald Trump"), TODAY)
    assert spans
    for lo, hi in spans:
        assert (hi - lo).days == ELECT_DAYS
        assert (hi.month, hi.day) == (1, 20)  # sworn in on 20 January
    held = term_spans("điện đàm với Tổng thống Hoa Kỳ ", terms_of("Donald Trump"), TODAY)
    assert all(lo.month == 1 for lo, _ in held)  # the terms themselves
    assert set(spans).isdisjoint(held)


def test_an_undated_call_with_an_elect_is_dated_before_his_term() -> None:
    text = ("Ngày 14/12, Thủ tướng Chính phủ Nguyễn Xuân Phúc đã có cuộc điện đàm với Tổng thống đắc cử Hoa Kỳ Donald "
            "Trump.")
    [call] = extract(story(text, None)).events
    assert call.date.start == "2016-12-14"
    assert [(p.name, p.title, p.country) for p in call.participants] == [
        ("Nguyễn Xuân Phúc", "Thủ tướng Chính phủ", "VN"), ("Donald Trump", "Tổng thống đắc cử", "US")]
