"""A page's date read from its HTML metadata never follows the machine's clock: htmldate's latest allowed
date is the pipeline's ``today`` (default: the language data's review date), not the end of the current day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from doingoai.config import PipelineConfig
from doingoai.extract.timeline import DATA_DATE
from doingoai.model import Page
from doingoai.pipeline import extract_page
from doingoai.segment import segment

BODY = ("<p>Sáng nay, Thứ trưởng Bộ Ngoại giao đã tiếp Đại sứ Cộng hòa Chile nhân dịp Đại sứ kết thúc nhiệm kỳ "
        "công tác tại Việt Nam, ghi nhận những đóng góp của Đại sứ cho quan hệ hai nước.</p>"
        "<p>Hai bên trao đổi về các biện pháp thúc đẩy thương mại, đầu tư và giao lưu nhân dân, phối hợp chặt chẽ "
        "tại các diễn đàn khu vực và quốc tế trong thời gian tới.</p>")


def dated_page(day: dt.date) -> Page:
    """A page whose only date is in its metadata (nothing in its text, URL or time elements)."""
    stamp = f"{day.isoformat()}T08:30:00+07:00"
    html = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Thứ trưởng tiếp Đại sứ Chile chào từ biệt</title>
<meta property="article:published_time" content="{stamp}">
<meta itemprop="datePublished" content="{stamp}"></head>
<body><h1>Thứ trưởng tiếp Đại sứ Chile chào từ biệt</h1><div class="detail-content">{BODY}</div></body></html>"""
    return Page(source="t.html", content=html, markup="html")


def test_a_date_after_today_is_not_the_pages_date() -> None:
    page = dated_page(dt.date(2023, 5, 4))
    assert segment(page, today=dt.date(2026, 12, 1)).published == "2023-05-04"
    # the same page read as of a day before it was printed: the date is not believed (the machine's clock,
    # later than 2023, would have let it through)
    assert segment(page, today=dt.date(2020, 1, 1)).published is None


def test_today_is_a_whole_day() -> None:
    """A page printed on ``today`` itself counts, whatever its hour."""
    day = dt.date(2024, 2, 29)
    assert segment(dated_page(day), today=day).published == "2024-02-29"
    # (htmldate may still fall back to the first of a month that is not after ``today``: not the page's day)
    assert segment(dated_page(day), today=day - dt.timedelta(days=1)).published != "2024-02-29"


def test_the_default_today_is_the_data_date_not_the_clock() -> None:
    after = DATA_DATE + dt.timedelta(days=5)
    assert segment(dated_page(after), today=after).published == after.isoformat()
    assert segment(dated_page(after)).published != after.isoformat()
    assert segment(dated_page(DATA_DATE)).published == DATA_DATE.isoformat()


def test_the_commands_today_reaches_the_pages_date(tmp_path: Path) -> None:
    """`doingoai extract --today` bounds the HTML date search as it bounds the story's dates."""
    page = dated_page(dt.date(2023, 5, 4))
    path = tmp_path / "page.html"
    path.write_text(page.content, encoding="utf-8")
    for today, published in (("2026-12-01", "2023-05-04"), ("2020-01-01", None)):
        config = PipelineConfig(today=dt.date.fromisoformat(today))
        record = extract_page(Page(source=str(path), content=page.content, markup="html"), config)[1]
        assert record["article"]["published"] == published, today
