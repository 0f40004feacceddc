"""The one reader of dates: story date expressions, page dates, and the words of data/dates.yaml."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from doingoai.analyse.dates import (
    BRACKET,
    ENGLISH,
    ISO,
    NUMERIC,
    SAME_DAY,
    WORDED,
    DateExpr,
    date_words,
    find_calendar_dates,
    find_date_exprs,
)
from doingoai.extract.timeline import reference_of, resolve
from doingoai.segment.dateline import date_line, find_dates

DATA = Path(__file__).resolve().parents[2] / "src" / "doingoai" / "data" / "dates.yaml"


def _only(text: str) -> DateExpr:
    exprs = find_date_exprs(text)
    assert len(exprs) == 1, exprs
    return exprs[0]


def _said(text: str, expr: DateExpr) -> str:
    return text[expr.start:expr.end]


# --- golden: every form, in sentences written for these tests -------------------------------------------

@pytest.mark.parametrize(
    ("text", "said", "ymd", "part"),
    [
        ("Ngày 6/11, hai bộ trưởng gặp nhau tại Viêng Chăn.", "Ngày 6/11", (None, 11, 6), None),
        ("Chiều 19/9, đoàn đại biểu đến thăm cảng Hải Phòng.", "Chiều 19/9", (None, 9, 19), "afternoon"),
        ("Sáng ngày 3.5, Đại sứ trình quốc thư.", "Sáng ngày 3.5", (None, 5, 3), "morning"),
        ("Rạng sáng 2/4, chuyên cơ hạ cánh xuống sân bay Nội Bài.", "Rạng sáng 2/4", (None, 4, 2), "night"),
        ("Hôm 13-1-2026, hai bên ký biên bản ghi nhớ.", "13-1-2026", (2026, 1, 13), None),
        ("Tối 24- 4-2010, Chủ tịch thành phố tiếp đoàn khách.", "Tối 24- 4-2010", (2010, 4, 24), "evening"),
        ("Khuya 5 / 7 / 2019 có thêm một cuộc điện đàm.", "Khuya 5 / 7 / 2019", (2019, 7, 5), "night"),
        ("Trưa ngày 14.02.2022, hai nước ra tuyên bố chung.", "Trưa ngày 14.02.2022", (2022, 2, 14), "noon"),
        ("Ngày 6 tháng 8 năm 2020, văn kiện được ký kết.", "Ngày 6 tháng 8 năm 2020", (2020, 8, 6), None),
        ("Thỏa thuận có hiệu lực từ 9 tháng 10, 2021.", "9 tháng 10, 2021", (2021, 10, 9), None),
        ("Ngày 1 tháng 3, phái đoàn lên đường.", "Ngày 1 tháng 3", (None, 3, 1), None),
        ("Hồ sơ ghi ngày 2024-05-17 là ngày nộp đơn.", "ngày 2024-05-17", (2024, 5, 17), None),
        ("Bản tin tiếng Anh ghi Nov 24, 2025 là ngày họp.", "Nov 24, 2025", (2025, 11, 24), None),
        ("Phụ lục ghi 3 March 2023 là ngày ký.", "3 March 2023", (2023, 3, 3), None),
        ("Bức thư đề September 1st, 2019 được công bố.", "September 1st, 2019", (2019, 9, 1), None),
    ],
)
def test_dates_of_a_day(text: str, said: str, ymd: tuple[int | None, int, int], part: str | None) -> None:
    expr = _only(text)
    assert _said(text, expr) == said
    assert (expr.year, expr.month, expr.day) == ymd
    assert expr.part_of_day == part
    assert not expr.is_range
    assert not expr.is_anaphoric


@pytest.mark.parametrize(
    ("text", "said", "start", "end"),
    [
        ("Hội chợ mở cửa từ 21-27/9 tại Thành phố Hồ Chí Minh.", "từ 21-27/9", (None, 9, 21), (None, 9, 27)),
        ("Diễn đàn họp từ ngày 8.9 đến ngày 10.9.2024 ở Đà Nẵng.", "từ ngày 8.9 đến ngày 10.9.2024",
         (2024, 9, 8), (2024, 9, 10)),
        ("Chuyến thăm kéo dài từ 30/1 tới 2/2.", "từ 30/1 tới 2/2", (None, 1, 30), (None, 2, 2)),
        ("Triển lãm diễn ra 1/9/2024 - 3/9/2024 ở Hà Nội.", "1/9/2024 - 3/9/2024", (2024, 9, 1), (2024, 9, 3)),
    ],
)
def test_ranges(text: str, said: str, start: tuple[int | None, int, int], end: tuple[int | None, int, int]) -> None:
    expr = _only(text)
    assert _said(text, expr) == said
    assert expr.is_range
    assert (expr.year, expr.month, expr.day) == start
    assert (expr.end_year, expr.end_month, expr.end_day) == end


@pytest.mark.parametrize(
    ("text", "said", "year", "month", "marker"),
    [
        ("Hai nước đã ký hiệp định hồi tháng 9/2024.", "hồi tháng 9/2024", 2024, 9, "hồi"),
        ("Đến tháng 7/2024, kim ngạch tăng gấp đôi.", "Đến tháng 7/2024", 2024, 7, "đến"),
        ("Đầu tháng 3 năm 2023, đoàn công tác trở lại.", "Đầu tháng 3 năm 2023", 2023, 3, "đầu"),
        ("Quan hệ được thiết lập vào năm 1971.", "vào năm 1971", 1971, None, "vào"),
        ("Cuối năm 2019, hai bên nâng cấp quan hệ.", "Cuối năm 2019", 2019, None, "cuối"),
        ("Dự án khởi công tháng 12.", "tháng 12", None, 12, None),
    ],
)
def test_months_and_years(text: str, said: str, year: int | None, month: int | None, marker: str | None) -> None:
    expr = _only(text)
    assert _said(text, expr) == said
    assert (expr.year, expr.month, expr.day, expr.marker) == (year, month, None, marker)


@pytest.mark.parametrize(
    ("text", "said", "days", "part"),
    [
        ("Sáng nay, Thủ tướng tiếp Đại sứ Thụy Điển.", "Sáng nay", 0, "morning"),
        ("Tối qua, hai ngoại trưởng điện đàm.", "Tối qua", -1, "evening"),
        ("Chiều mai, đoàn sẽ về nước.", "Chiều mai", 1, "afternoon"),
        ("Hôm nay, phiên họp thứ hai bắt đầu.", "Hôm nay", 0, None),
        ("Hôm qua, Bộ Ngoại giao ra thông cáo.", "Hôm qua", -1, None),
        ("Ngày hôm qua, thư chúc mừng đã được gửi đi.", "Ngày hôm qua", -1, None),
        ("Ngày mai, lễ ký kết sẽ diễn ra.", "Ngày mai", 1, None),
    ],
)
def test_relative_days(text: str, said: str, days: int, part: str | None) -> None:
    expr = _only(text)
    assert _said(text, expr) == said
    assert (expr.relative, expr.part_of_day) == (days, part)


@pytest.mark.parametrize(
    ("text", "said", "part"),
    [
        ("Cùng ngày, Phó Thủ tướng hội kiến Chủ tịch Thượng viện.", "Cùng ngày", None),
        ("Chiều cùng ngày, đoàn thăm một nhà máy.", "Chiều cùng ngày", "afternoon"),
        ("Tiếp đó, hai bên chứng kiến lễ trao văn kiện.", "Tiếp đó", None),
        ("Ngay sau đó, Bộ trưởng trả lời báo chí.", "Ngay sau đó", None),
        ("Trong cùng ngày, Đại sứ gặp lãnh đạo tỉnh.", "Trong cùng ngày", None),
    ],
)
def test_anaphora(text: str, said: str, part: str | None) -> None:
    expr = _only(text)
    assert _said(text, expr) == said
    assert expr.marker == SAME_DAY
    assert expr.is_anaphoric
    assert expr.part_of_day == part


@pytest.mark.parametrize(
    "text",
    [
        "Giá dầu tăng 1.100 đồng mỗi lít.",  # a number with a dot
        "Tỷ lệ tăng 2-3 lần so với trước.",  # a dash between numbers, no date word
        "Dự án kéo dài 3 tháng 8 ngày.",  # three months, not a date
        "Ngày 31/2, hội nghị diễn ra.",  # not on the calendar
        "Ngày 0/5 là một lỗi đánh máy.",
        "Mã số 2024-13-01 không phải ngày tháng.",
        "Ngày 29/2/2023, không có năm nhuận.",
        "Trời nay nắng, mai mưa.",  # "nay"/"mai" without a part of the day
        "Thứ 2 - 05/09 là buổi họp đầu tiên.",  # a weekday before a date is not a range of days
        "Mayor 5, 2020 là tên một tài liệu.",  # not a month name
    ],
)
def test_no_false_dates(text: str) -> None:
    for expr in find_date_exprs(text):
        assert not expr.is_range, expr
        if expr.day is not None:
            assert expr.date is not None or expr.year is None
            dt.date(expr.year or 2000, expr.month or 1, expr.day)  # on the calendar
    assert not [e for e in find_date_exprs(text) if e.day in (0, 31) and e.month == 2]


def test_no_false_dates_read_nothing() -> None:
    for text in ("Giá dầu tăng 1.100 đồng mỗi lít.", "Ngày 31/2, hội nghị diễn ra.",
                 "Mã số 2024-13-01 không phải ngày tháng.", "Trời nay nắng, mai mưa.",
                 "Mayor 5, 2020 là tên một tài liệu."):
        assert find_date_exprs(text) == [], text
    assert all(e.day is None for e in find_date_exprs("Dự án kéo dài 3 tháng 8 ngày."))  # no day 3
    weekday = find_date_exprs("Thứ 2 - 05/09 là buổi họp đầu tiên.")
    assert [(e.month, e.day) for e in weekday] == [(9, 5)]


def test_offset_shifts_spans() -> None:
    text = "Chiều 19/9, đoàn đến Hà Nội."
    plain, shifted = _only(text), find_date_exprs(text, offset=100)[0]
    assert (shifted.start, shifted.end) == (plain.start + 100, plain.end + 100)


@pytest.mark.parametrize(
    ("text", "iso", "form"),
    [
        ("Thứ Ba, 12/03/2024 08:15", "2024-03-12", NUMERIC),
        ("Cập nhật lúc 16:40 ngày 5-6-2018", "2018-06-05", NUMERIC),
        ("Đăng ngày 9.10.2021 | 07:30", "2021-10-09", NUMERIC),
        ("Ngày 2 tháng 9 năm 2015", "2015-09-02", WORDED),
        ("2023-08-14T09:00:00+07:00", "2023-08-14", ISO),
        ("Published Jan 7, 2022 11:00 AM", "2022-01-07", ENGLISH),
        ("Updated 30 Sept 2020", "2020-09-30", ENGLISH),
        ("Cập nhật ngày 15/10/2012-08:05:00 AM", "2012-10-15", NUMERIC),  # a time glued with a dash
    ],
)
def test_page_dates(text: str, iso: str, form: str) -> None:
    hits = find_calendar_dates(text)
    assert [(h.iso, h.form) for h in hits] == [(iso, form)]
    line = date_line(text)
    assert line is not None
    assert line.iso == iso
    assert [e.date for e in find_date_exprs(text)] == [dt.date.fromisoformat(iso)]


def test_a_range_glued_is_no_page_date() -> None:
    assert find_dates("(2/9/1945-2/9/2025)") == []
    assert date_line("1/9/2024 - 3/9/2024") is not None  # both ends written in full


# --- properties -------------------------------------------------------------------------------------------

_VI_ALPHABET = st.sampled_from([*"0123456789/.-–:, ()|", "ngày ", "tháng ", "năm ", "sáng ", "chiều ", "từ ", "đến ",
                                 "hôm ", "nay", "qua", "cùng ngày", "Nov ", "T", "2024", "1999", "\n", "thứ "])


@given(st.one_of(st.text(), st.lists(_VI_ALPHABET, max_size=30).map("".join)))
@settings(max_examples=300)
def test_never_raises_and_offsets_slice(text: str) -> None:
    exprs = find_date_exprs(text)
    for e in exprs:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start:e.end].strip()
        if e.year is not None and e.month is not None and e.day is not None:
            assert e.date is not None  # on the calendar, never raises
        if e.month is not None:
            assert 1 <= e.month <= 12
    for h in find_calendar_dates(text):
        assert 0 <= h.start < h.end <= len(text)
    assert [e.start for e in exprs] == sorted(e.start for e in exprs)
    date_line(text)


_DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
_MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_FORMATS = {
    "{d}/{m}/{y}": NUMERIC,
    "{d:02d}/{m:02d}/{y}": NUMERIC,
    "{d}-{m}-{y}": NUMERIC,
    "{d:02d}.{m:02d}.{y}": NUMERIC,
    "ngày {d} tháng {m} năm {y}": WORDED,
    "Ngày {d:02d} tháng {m:02d} năm {y}": WORDED,
    "{y}-{m:02d}-{d:02d}": ISO,
    "{mon} {d}, {y}": ENGLISH,
    "{d} {mon} {y}": ENGLISH,
}


def _write(date: dt.date, pattern: str) -> str:
    return pattern.format(d=date.day, m=date.month, y=date.year, mon=_MONTHS_EN[date.month - 1])


@given(_DATES, st.sampled_from(sorted(_FORMATS)))
def test_written_dates_round_trip(date: dt.date, pattern: str) -> None:
    text = _write(date, pattern)
    hits = find_calendar_dates(f"Hà Nội, {text}.")
    assert [(h.date, h.form) for h in hits] == [(date, _FORMATS[pattern])]
    assert [e.date for e in find_date_exprs(f"Hà Nội, {text}.")] == [date]


@given(_DATES, st.sampled_from(sorted(_FORMATS)),
       st.sampled_from(["", "Thứ Hai, ", "Chủ nhật, ", "Cập nhật: ", "07:00 | ", "PV - 15:27, ", "Thứ 5 - ",
                        "Đăng lúc 09:12 ", "Monday, "]),
       st.sampled_from(["", " 10:00", ", 19:10", " | 08:45 GMT+7", " (GMT+7)", " 10:00 AM"]))
def test_date_line_agrees_with_the_reader(date: dt.date, pattern: str, before: str, after: str) -> None:
    line = before + _write(date, pattern) + after
    hit = date_line(line)
    assert hit is not None
    assert hit.date == date
    full = [e.date for e in find_date_exprs(line) if e.date is not None]
    assert full == [hit.date]


@given(st.integers(1900, 2099), st.integers(0, 40), st.integers(0, 14),
       st.sampled_from(["{d}/{m}/{y}", "{d}-{m}-{y}", "{d}.{m}.{y}", "ngày {d} tháng {m} năm {y}",
                        "{y}-{m:02d}-{d:02d}"]))
def test_invalid_dates_are_never_returned(year: int, day: int, month: int, pattern: str) -> None:
    try:
        dt.date(year, month, day)
    except ValueError:
        text = "Hôm " + pattern.format(d=day, m=month, y=year) + " có mưa."
        assert find_calendar_dates(text) == []
        assert all(e.day is None or e.month is None for e in find_date_exprs(text))


# --- the data file ----------------------------------------------------------------------------------------

def test_data_file_has_provenance_and_review() -> None:
    head = DATA.read_text(encoding="utf-8").split("\n\n")[0]
    assert "Provenance:" in head
    assert "Reviewed:" in head


def test_data_file_shape() -> None:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    assert set(data) == {"parts_of_day", "markers", "relative_days", "relative_days_after_part", "relative_weeks",
                         "week_count_words", "home_clock", "same_day", "range_words", "pair_words", "date_context",
                         "weekday_number_words", "english_months", "date_line_words"}
    assert set(data["parts_of_day"].values()) <= {"morning", "noon", "afternoon", "evening", "night"}
    assert all(v in (-1, 0, 1) for v in {**data["relative_days"], **data["relative_days_after_part"],
                                         **data["relative_weeks"]}.values())
    assert all(w.split()[0] == "tuần" for w in data["relative_weeks"])  # (the prefilter's start word)
    assert sorted(data["english_months"]) == list(range(1, 13))
    spellings = [n for names in data["english_months"].values() for n in names]
    assert len(spellings) == len(set(spellings))
    for number, names in data["english_months"].items():
        assert all(name[:3] == names[0][:3] for name in names), number  # every spelling starts like the name
    lists = [data[k] for k in ("markers", "same_day", "range_words", "pair_words", "date_context",
                               "weekday_number_words", "week_count_words", "home_clock")]
    lists += list(data["date_line_words"].values())
    words = [w for ws in lists for w in ws] + [w for k in ("parts_of_day", "relative_days",
                                                            "relative_days_after_part", "relative_weeks")
                                               for w in data[k]]
    for ws in lists:
        assert len(ws) == len(set(ws)), ws
    for w in words:
        assert isinstance(w, str), w
        assert w == w.strip().lower(), w
        assert "  " not in w, w
        assert unicodedata.normalize("NFC", w) == w, w


def test_loader_reads_the_data_file() -> None:
    words = date_words()
    assert words.parts_of_day["chiều"] == "afternoon"
    assert words.english_months["sept"] == 9
    assert "cùng ngày" in words.same_day
    assert "thứ hai" in words.date_line_words


# Calendar weeks told from the page's week (data/dates.yaml relative_weeks): Monday to Sunday
WEEKS = [
    ("Tuần trước, Bộ trưởng Ngoại giao đã thăm Nhật Bản.", "2024-05-15", ("2024-05-06", "2024-05-12")),  # a Wednesday
    ("Thủ tướng dự kiến thăm Lào vào tuần tới.", "2024-05-19", ("2024-05-20", "2024-05-26")),  # a Sunday
    ("Trong tuần này, hai bên sẽ hội đàm tại Hà Nội.", "2024-05-20", ("2024-05-20", "2024-05-26")),  # a Monday
    ("Cuối tuần trước, đoàn đã thăm Singapore.", "2025-01-01", ("2024-12-23", "2024-12-29")),  # across a new year
]


@pytest.mark.parametrize(("text", "published", "expected"), WEEKS)
def test_a_relative_week_is_that_calendar_week(text: str, published: str, expected: tuple[str, str]) -> None:
    weeks = [e for e in find_date_exprs(text) if e.week is not None]
    assert len(weeks) == 1
    start, end, part = resolve(weeks[0], reference_of(published, text), planned=False)
    assert (start, end, part) == (*expected, None)


@pytest.mark.parametrize("text", ["Hai tuần trước, Bộ trưởng đã thăm Nhật Bản.", "Cách đây 3 tuần trước, đoàn đã đến.",
                                  "Trong vài tuần tới, hai bên sẽ ký hiệp định.", "một tuần trước đó"])
def test_a_count_of_weeks_is_no_week(text: str) -> None:
    assert [e for e in find_date_exprs(text) if e.week is not None] == []


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)), st.sampled_from([-1, 0, 1]))
def test_a_relative_week_runs_monday_to_sunday_around_the_page(published: dt.date, week: int) -> None:
    start, end, _ = resolve(DateExpr(0, 5, week=week), reference_of(published.isoformat(), ""), planned=False)
    assert start is not None
    assert end is not None
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    assert first.weekday() == 0
    assert last - first == dt.timedelta(days=6)
    assert (first - (published - dt.timedelta(days=published.weekday()))).days == 7 * week


# The day written again after a relative day ("chiều nay (21/7)") keeps the relative day's part of the day
APPOSED = [("Theo chương trình, chiều nay (21/7), Chủ tịch nước sẽ tiếp Thủ tướng Malaysia.", "afternoon"),
           ("Sáng nay, 8.9, tại Nhà Quốc hội, Phó Chủ tịch Quốc hội đã tiếp đoàn.", "morning"),
           ("Thủ tướng sáng nay 19-10 đã chủ trì lễ đón Thủ tướng Nhật Bản.", "morning"),
           ("Tối qua (ngày 7/9), Tổng Bí thư đã tiếp Đại sứ Lào.", "evening")]


@pytest.mark.parametrize(("text", "part"), APPOSED)
def test_the_day_after_a_relative_day_keeps_its_part_of_the_day(text: str, part: str) -> None:
    days = [e for e in find_date_exprs(text) if e.day is not None]
    assert [e.part_of_day for e in days] == [part]


def test_a_day_told_apart_from_a_relative_day_keeps_its_own() -> None:
    """Only the day written right after it: "Sáng nay ... ngày 21/7" are two dates."""
    exprs = find_date_exprs("Sáng nay, Bộ trưởng cho biết hội nghị sẽ họp ngày 21/7.")
    assert [e.part_of_day for e in exprs if e.day is not None] == [None]


# A day abroad converted to Vietnam's clock in brackets (data/dates.yaml home_clock) is not read: the local day is
# the act's (annotation guide)
CONVERTED = [("Tối 22/9 theo giờ địa phương (sáng 23/9 giờ Hà Nội), tại New York, Chủ tịch nước phát biểu.",
              ["Tối 22/9"]),
             ("Trước đó, chiều ngày 6/7 (tức sáng sớm ngày 7/7 theo giờ Việt Nam), Tổng Bí thư hội đàm.",
              ["chiều ngày 6/7"]),
             ("Tối 21-6 (theo giờ Hà Nội), tại Nhà Trắng, hai nhà lãnh đạo hội đàm.", ["Tối 21-6"]),  # the only day
             ("Sáng 23/9 (giờ Hà Nội), Thủ tướng đến New York.", ["Sáng 23/9"]),  # no local day before it
             ("Ngày 20/7 và ngày 21/7, hai bên hội đàm.", ["Ngày 20/7", "ngày 21/7"])]


@pytest.mark.parametrize(("text", "days"), CONVERTED)
def test_a_day_converted_to_vietnams_clock_is_not_read(text: str, days: list[str]) -> None:
    assert [text[e.start:e.end] for e in find_date_exprs(text)] == days


@pytest.mark.parametrize(("text", "read"), [
    ("Bà sẽ tham dự Diễn đàn khu vực ASEAN vào ngày mai, 23/7.", ["23/7"]),
    ("Thủ tướng Anthony Albanese, hôm nay, 7-3, cho biết hai nước đã nâng cấp quan hệ.", ["7-3"]),
    ("Thông cáo của Bộ Ngoại giao hôm nay (30/8) cho biết chuyến thăm diễn ra từ 31/8.", ["30/8", "31/8"]),
    ("Hôm qua, Bộ trưởng đã đến Hà Nội; ngày 21/7 ông hội đàm.", ["Hôm qua", "ngày 21/7"]),  # not apposed
])
def test_a_relative_day_written_again_as_a_date_is_read_as_that_date(text: str, read: list[str]) -> None:
    assert [text[e.start:e.end] for e in find_date_exprs(text)] == read


@pytest.mark.parametrize(("text", "read"), [
    ("Thủ tướng điện đàm với Thủ tướng Angela Merkel (6/2021); Chủ tịch nước gặp Tổng thống Đức (New York, 9/2021).",
     [(2021, 6), (2021, 9)]),
    ("Bộ trưởng Y tế Nguyễn Thị Kim Tiến (11/2016) và Chủ tịch Quốc hội dự Đại hội đồng IPU-140 ( 4 / 2019 ).",
     [(2016, 11), (2019, 4)]),
    ("Theo Nghị quyết số 6/2021, hai bên hợp tác.", []),  # a document's number, not in brackets
    ("Theo văn bản (số 6/2021), hai bên hợp tác.", []),  # in brackets after a word, not a place and a comma
])
def test_a_month_and_year_in_brackets_after_an_act_is_its_date(text: str, read: list[tuple[int, int]]) -> None:
    assert [(e.year, e.month) for e in find_date_exprs(text) if e.marker == BRACKET] == read


def test_two_days_in_a_row_joined_by_va_are_a_range() -> None:
    from doingoai.analyse.dates import find_date_exprs

    [pair] = find_date_exprs("Ngày 26 và 27/7/2024, hai bên hội đàm.")
    assert (pair.day, pair.end_day, pair.month, pair.year) == (26, 27, 7, 2024)
    assert all(e.end_day is None for e in find_date_exprs("Ngày 2 và 9/7/2024, hai bên hội đàm."))
