"""Publication-date lines as Vietnamese news pages print them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doingoai.segment.dateline import date_line, find_dates, strip_trailing_date


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("07:00 | 07/11/2024 GMT+7", "2024-11-07"),
        ("Thứ Năm, 01-09-2016, 19:10", "2016-09-01"),
        ("Thứ Hai, 24/11/2025 14:30", "2025-11-24"),
        ("Chủ nhật, 12/1/2025, 08:00 (GMT+7)", "2025-01-12"),
        ("Cập nhật: 10:15 ngày 12/03/2023", "2023-03-12"),
        ("Cập nhật lúc 10:15, 12/03/2023", "2023-03-12"),
        ("PV - 15:27, 02/09/2024", "2024-09-02"),
        ("Ngày 6 tháng 8 năm 2020", "2020-08-06"),
        ("Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27", "2019-08-23"),
        ("2025-03-12T10:00:00+07:00", "2025-03-12"),
        ("Nov 24, 2025 10:00 AM", "2025-11-24"),
        ("24 November 2025", "2025-11-24"),
        ("15.06.2021 | 08:45", "2021-06-15"),
        ("Ngày 31/10/2011-10:24:00 AM", "2011-10-31"),  # a time glued to the date with a dash
        ("NOV 24, 2025", "2025-11-24"),
        ("Đăng ngày 4 tháng 7, 2018", "2018-07-04"),
    ],
)
def test_date_lines(line: str, iso: str) -> None:
    hit = date_line(line)
    assert hit is not None
    assert hit.iso == iso


@pytest.mark.parametrize(
    "line",
    [
        "26 Feb, 06:33 PM",  # a teaser's date without a year
        "Chiều 13-1-2026, tại Nhà Quốc hội, Chủ tịch Quốc hội đã tiếp Đại sứ Nhật Bản",  # a sentence
        "Thời tiết hôm nay (08/01): Hà Nội rét đậm",
        "Ngày 30/2/2024",  # not a calendar date
        "Hội nghị diễn ra từ 21-27/9",
        "Hội nghị diễn ra 21-27/9/2024",  # a range of days is no page date
        "(2/9/1945-2/9/2025)",
        "Mayor 5, 2020",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert date_line(line) is None


def test_trailing_date_is_split_from_a_headline() -> None:
    title, hit = strip_trailing_date("Bộ trưởng Ngoại giao tiếp Đại sứ Brazil 05/06/2023 09:12")
    assert title == "Bộ trưởng Ngoại giao tiếp Đại sứ Brazil"
    assert hit is not None
    assert hit.iso == "2023-06-05"


def test_glued_wire_dateline_is_split_from_a_headline() -> None:
    line = "Hai nước bàn về hợp tác nghề cáHà Nội (TTXVN 3/4/2012)"
    title, hit = strip_trailing_date(line)
    assert title == "Hai nước bàn về hợp tác nghề cá"
    assert hit is not None
    assert hit.iso == "2012-04-03"
    assert line[hit.start:hit.end] == "3/4/2012"  # the span is the line's


def test_only_a_final_date_in_figures_ends_a_headline() -> None:
    for line in ("Ngày 5/6/2023 đoàn đến Lào", "Lễ ký kết Nov 24, 2025", "Hai nước ký kết 105/06/2023",
                 "Lễ kỷ niệm 5 / 6 / 2023", "Hội nghị 30/02/2023 10:00"):
        assert strip_trailing_date(line) == (line, None), line
    title, hit = strip_trailing_date("Hội đàm cấp cao | 09:12 13/01/2026 (GMT+7)")
    assert title == "Hội đàm cấp cao"
    assert hit is not None
    assert hit.iso == "2026-01-13"


def test_headline_without_date_is_kept() -> None:
    assert strip_trailing_date("Việt Nam - Lào: 60 năm quan hệ ngoại giao") == (
        "Việt Nam - Lào: 60 năm quan hệ ngoại giao", None)


@given(st.dates(min_value=__import__("datetime").date(1950, 1, 1), max_value=__import__("datetime").date(2099, 12, 31)),
       st.sampled_from(["{d}/{m}/{y}", "{d:02d}/{m:02d}/{y}", "{d}-{m}-{y}", "{d:02d}.{m:02d}.{y}",
                        "ngày {d} tháng {m} năm {y}", "{y}-{m:02d}-{d:02d}"]))
def test_every_format_round_trips(date: object, pattern: str) -> None:
    import datetime as dt

    assert isinstance(date, dt.date)
    text = pattern.format(d=date.day, m=date.month, y=date.year)
    hits = find_dates(f"Thứ Hai, {text} 10:00")
    assert [h.date for h in hits] == [date]
