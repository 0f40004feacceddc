"""An act told as done ("đã ký", "đã hội đàm") on a page announcing a trip still to come happened before the trip:
it is background and keeps no date of the trip's window (the guide: "An act inside a visit whose day the text
does not give is dated to the visit's window" holds for the acts of the trip, and a trip not begun holds no done
act). An act the preview tells as part of the programme ("sẽ hội đàm") stays the trip's, planned, in its window;
on a page written while the trip is under way, a done act without its own day is the trip's. Without the
page's date, whether the trip has begun is unknown, and nothing changes."""

from __future__ import annotations

from doingoai.extract import extract
from doingoai.model import Event

from .story import story

PREVIEW = ("Nhận lời mời của Tổng thống Cộng hòa Kenya William Ruto, Thủ tướng Phạm Minh Chính sẽ thăm chính thức "
           "Cộng hòa Kenya từ ngày 20-22/10. ")


def _of(events: list[Event], kind: str) -> list[Event]:
    return [e for e in events if e.type == kind]


def test_a_done_signing_in_a_preview_is_background_and_undated() -> None:
    text = PREVIEW + ("Trong những năm qua, quan hệ hai nước phát triển tốt đẹp. Hai nước đã ký nhiều hiệp định, thỏa "
                      "thuận hợp tác trên các lĩnh vực kinh tế, thương mại, giáo dục.")
    events = extract(story(text, "2023-10-16")).events
    [visit] = _of(events, "visit")
    assert (visit.status, visit.salience, visit.date.start) == ("planned", "main", "2023-10-20")
    [signing] = _of(events, "agreement")
    assert (signing.salience, signing.status, signing.date.start, signing.date.end) == (
        "background", "occurred", None, None)


def test_done_talks_in_a_preview_are_background() -> None:
    text = PREVIEW + "Năm ngoái hai Thủ tướng đã hội đàm trực tuyến và nhất trí thúc đẩy hợp tác."
    events = extract(story(text, "2023-10-16")).events
    [talks] = _of(events, "talks")
    assert (talks.salience, talks.status, talks.date.start) == ("background", "occurred", None)


def test_the_programme_of_the_trip_stays_planned_in_its_window() -> None:
    text = PREVIEW + ("Trong chuyến thăm, Thủ tướng sẽ hội đàm với Tổng thống William Ruto và chứng kiến lễ ký các "
                      "văn kiện.")
    events = extract(story(text, "2023-10-16")).events
    [talks] = _of(events, "talks")
    assert (talks.salience, talks.status, talks.date.start, talks.date.end) == (
        "main", "planned", "2023-10-20", "2023-10-22")


def test_a_done_act_of_a_trip_under_way_is_the_trips() -> None:
    text = ("Thủ tướng Phạm Minh Chính đang thăm chính thức Cộng hòa Kenya từ ngày 20-22/10. Trong chuyến thăm, Thủ "
            "tướng đã hội đàm với Tổng thống William Ruto.")
    events = extract(story(text, "2023-10-21")).events
    [talks] = _of(events, "talks")
    assert (talks.salience, talks.status, talks.date.start, talks.date.end) == (
        "main", "occurred", "2023-10-20", "2023-10-22")

