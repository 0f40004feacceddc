"""The English sentence of a record, built from its fields: dates, places, titles, names, verbs (own snippets)."""

from __future__ import annotations

from typing import Any

import pytest

from doingoai.render import adjective, english_name, english_title, render_event, render_figure, render_relation
from doingoai.render.sentences import date_phrase, place_phrase


def _event(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"type": "reception", "status": "occurred", "section": "article", "salience": "main",
                            "date": {"start": None, "end": None, "part_of_day": None},
                            "place": {"name": None, "country": None}, "participants": [], "countries": [],
                            "organizations": [], "evidence": {"text": "", "start": 0, "end": 0}}
    base.update(kw)
    return base


def _p(name: str, title: str | None, country: str | None, org: str | None = None) -> dict[str, Any]:
    return {"name": name, "title": title, "country": country, "org": org}


@pytest.mark.parametrize(("date", "expected"), [
    ({"start": "2025-04-24"}, "On 24 April 2025"),
    ({"start": "2025-04-24", "part_of_day": "morning"}, "On the morning of 24 April 2025"),
    ({"start": "2025-04-24", "part_of_day": "noon"}, "At noon on 24 April 2025"),
    ({"start": "2025-04"}, "In April 2025"),
    ({"start": "2025"}, "In 2025"),
    ({"start": "--11-10"}, "On 10 November"),
    ({"start": "2024-08-18", "end": "2024-08-20"}, "From 18 to 20 August 2024"),
    ({"start": "2025-04-30", "end": "2025-05-02"}, "From 30 April to 2 May 2025"),
    ({"start": "2024-12-30", "end": "2025-01-02"}, "From 30 December 2024 to 2 January 2025"),
    ({"start": None}, ""),
])
def test_dates(date: dict[str, Any], expected: str) -> None:
    assert date_phrase(date) == expected


@pytest.mark.parametrize(("place", "expected"), [
    ({"name": "Hà Nội", "country": "VN"}, "in Hanoi"),
    ({"name": "TP Hồ Chí Minh", "country": "VN"}, "in Ho Chi Minh City"),
    ({"name": "Đà Nẵng", "country": "VN"}, "in Đà Nẵng"),  # Vietnamese names keep their diacritics
    ({"name": "Phủ Chủ tịch", "country": "VN"}, "at the Presidential Palace"),
    ({"name": "Nam Ninh", "country": "CN"}, "in Nanning, China"),
    ({"name": None, "country": "PH"}, "in the Philippines"),
    ({"name": "Manila", "country": "PH"}, "in Manila, the Philippines"),
])
def test_places(place: dict[str, Any], expected: str) -> None:
    assert place_phrase(place) == expected


@pytest.mark.parametrize(("title", "country", "expected"), [
    ("Ủy viên Bộ Chính trị, Phó Thủ tướng, Bộ trưởng Ngoại giao", "VN", "Deputy Prime Minister and Foreign Minister"),
    ("Bộ trưởng Văn hóa, Thể thao và Du lịch", "VN", "Minister of Culture, Sports and Tourism"),
    ("Ngoại trưởng", "US", "Secretary of State"),
    ("Ngoại trưởng", "FR", "Foreign Minister"),
    ("Bí thư Tỉnh ủy Quảng Ninh", "VN", "Secretary of the Quảng Ninh Provincial Party Committee"),
    ("Tỉnh trưởng tỉnh Vân Nam", "CN", "Governor of Yunnan Province"),
    ("Phó Tổng thống kiêm Ngoại trưởng", "PH", "Vice President and Foreign Minister"),
    ("Bộ trưởng Công Thương, Trưởng đoàn", "VN", "Minister of Industry and Trade"),
    ("Trưởng đoàn", "VN", "Head of Delegation"),
])
def test_titles(title: str, country: str, expected: str) -> None:
    assert english_title(title, country).text == expected


def test_every_title_of_the_lexicon_has_an_english_row() -> None:
    from doingoai.lexicon import load_tsv
    from doingoai.render.tables import key, titles

    missing = [r["title"] for r in load_tsv("titles.tsv", ("title",)) if key(r["title"]) not in titles()]
    assert missing == []


def test_every_state_of_the_lexicon_has_an_adjective_and_an_english_name() -> None:
    from doingoai.lexicon import load_tsv
    from doingoai.render.states import state_name

    codes = [r["code"] for r in load_tsv("countries.tsv", ("code",))]
    assert [c for c in codes if not adjective(c)] == []
    # CLDR's menu labels are replaced by prose names
    assert [c for c in codes if any(x in state_name(c) for x in (" - ", "(", "&", "SAR"))] == []
    assert state_name("PH") == "the Philippines"
    assert state_name("LA") == "Laos"
    assert adjective("LA") == "Lao"


def test_reception_with_the_host_first() -> None:
    e = _event(date={"start": "2025-03-02", "end": None, "part_of_day": "afternoon"},
               place={"name": "Nhà Quốc hội", "country": "VN"}, countries=["VN", "LA"],
               participants=[_p("Trần Thanh Mẫn", "Chủ tịch Quốc hội", "VN"),
                             _p("Khamphao Ernthavanh", "Đại sứ", "LA")])
    assert render_event(e) == ("On the afternoon of 2 March 2025 at the National Assembly House, National Assembly "
                               "Chairman Trần Thanh Mẫn received Lao Ambassador Khamphao Ernthavanh.")


def test_planned_visit_names_the_destination() -> None:
    e = _event(type="visit", status="planned", date={"start": "2025-05-10", "end": "2025-05-12", "part_of_day": None},
               place={"name": None, "country": "JP"}, countries=["VN", "JP"],
               participants=[_p("Phạm Minh Chính", "Thủ tướng", "VN")])
    assert render_event(e) == "From 10 to 12 May 2025, Prime Minister Phạm Minh Chính is scheduled to visit Japan."


def test_foreign_leaders_under_their_english_names() -> None:
    e = _event(type="talks", date={"start": "2024-08-19", "end": None, "part_of_day": None},
               place={"name": "Bắc Kinh", "country": "CN"}, countries=["VN", "CN"],
               participants=[_p("Tô Lâm", "Tổng Bí thư, Chủ tịch nước", "VN"),
                             _p("Tập Cận Bình", "Tổng Bí thư, Chủ tịch", "CN")])
    assert render_event(e) == ("On 19 August 2024 in Beijing, China, General Secretary and President Tô Lâm held "
                               "talks with Chinese General Secretary and President Xi Jinping.")


def test_a_protest_names_the_objecting_state_and_its_target() -> None:
    e = _event(type="protest", date={"start": "2025-06-05", "end": None, "part_of_day": None},
               countries=["VN", "CN"], participants=[])
    assert render_event(e) == "On 5 June 2025, Vietnam protested against actions by China."


def test_a_state_with_no_named_person() -> None:
    e = _event(type="message", countries=["KH", "VN"], participants=[])
    assert render_event(e) == "Cambodia sent a message to Vietnam."
    e = _event(type="visit", countries=["VN", "CU"], place={"name": None, "country": "CU"},
               date={"start": "2018-03", "end": None, "part_of_day": None})
    assert render_event(e) == "In March 2018, a Vietnamese delegation visited Cuba."


def test_an_upgrade_takes_its_level_from_the_same_sentence() -> None:
    ev = {"text": "x", "start": 10, "end": 90}
    e = _event(type="relation_upgrade", countries=["VN", "BR"], evidence=ev,
               date={"start": "2024-11-18", "end": None, "part_of_day": None})
    rel = {"countries": ["BR", "VN"], "level": "strategic_partnership", "since": 2024, "section": "article",
           "evidence": ev}
    assert render_event(e, [rel]) == ("On 18 November 2024, Vietnam and Brazil upgraded their relations to a "
                                      "strategic partnership.")
    assert render_event(e) == "On 18 November 2024, Vietnam and Brazil established or upgraded their relations."


def test_relations_and_figures() -> None:
    assert render_relation({"countries": ["LA", "VN"], "level": "special_relationship", "since": None}) == \
        "Vietnam and Laos have a special relationship."
    assert render_relation({"countries": ["US", "VN"], "level": "diplomatic_relations", "since": 1995}) == \
        "Vietnam and the United States have had diplomatic relations since 1995."
    assert render_figure({"kind": "trade_target", "countries": ["TH", "VN"], "value": 25000000000, "unit": "USD",
                          "qualifier": None, "what": None}) == \
        "Vietnam and Thailand target two-way trade of USD 25 billion."
    assert render_figure({"kind": "trade_value", "countries": ["KR", "VN"], "value": 87600000000, "unit": "USD",
                          "qualifier": "more_than", "what": None}) == \
        "Trade between Vietnam and South Korea reached more than USD 87.6 billion."


def test_vietnamese_names_keep_their_diacritics() -> None:
    assert english_name("Nguyễn Phú Trọng") == "Nguyễn Phú Trọng"
    assert english_name("Bùi Thanh Sơn") == "Bùi Thanh Sơn"


def test_a_stored_upgrade_takes_its_level_from_the_pair_s_relations() -> None:
    from doingoai.render.rows import event_row_sentence
    from doingoai.store.queries import EventRow

    row = EventRow(id=1, type="relation_upgrade", status="occurred", salience="main", date_start="2024-11-18",
                   date_end=None, part_of_day=None, place_name=None, place_country=None, countries=["BR", "VN"],
                   bodies=[], participants=[], n_sources=1, evidence="", sources=[])
    levels = {("BR", "VN"): [("diplomatic_relations", 1989), ("strategic_partnership", 2024)]}
    assert event_row_sentence(row, levels) == ("On 18 November 2024, Vietnam and Brazil upgraded their relations to "
                                               "a strategic partnership.")
    assert event_row_sentence(row) == "On 18 November 2024, Vietnam and Brazil established or upgraded their relations."
