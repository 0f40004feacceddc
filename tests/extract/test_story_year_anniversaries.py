"""The year of a story with no date, from an anniversary whose beginning it gives in brackets: "kỷ niệm 10 năm ký
kết thiết lập quan hệ hợp tác hữu nghị (năm 2013)" is told in 2023; a range in brackets names the anniversary's
own year ("(2/9/1945-2/9/2025)")."""

from __future__ import annotations

import pytest

from doingoai.extract import extract
from doingoai.extract.timeline import story_year

from .story import story


@pytest.mark.parametrize(("text", "year"), [
    ("Hai bên đang chuẩn bị kỷ niệm 10 năm ký kết thiết lập quan hệ hợp tác hữu nghị (năm 2013).", 2023),
    ("Năm nay hai nước kỷ niệm 50 năm thiết lập quan hệ ngoại giao (21/9/1973).", 2023),
    ("Hai nước kỷ niệm 30 năm thiết lập quan hệ (tháng 7/1995).", 2025),
    ("Nhân dịp kỷ niệm 80 năm Quốc khánh (2/9/1945-2/9/2025), các nước gửi điện mừng.", 2025),
])
def test_an_anniversary_in_brackets_gives_the_year(text: str, year: int) -> None:
    assert story_year(text) == year


def test_an_undated_reception_takes_the_anniversarys_year() -> None:
    text = ("Sáng 14/2, Phó Chủ tịch UBND tỉnh Quảng Nam Hồ Quang Bửu tiếp đoàn công tác thành phố Yongin (Hàn Quốc). "
            "Hai bên đang chuẩn bị kỷ niệm 10 năm thiết lập quan hệ hợp tác hữu nghị (năm 2013).")
    [reception] = extract(story(text, None)).events
    assert reception.date.start == "2023-02-14"
