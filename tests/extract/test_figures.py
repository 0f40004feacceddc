"""Figures (src/doingoai/extract/figures.py): number parsing, qualifiers and kind decisions on short sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doingoai.clean.normalize import normalize
from doingoai.extract.document import analyse
from doingoai.extract.figures import extract_figures, parse_amount, parse_number, qualifier_of
from doingoai.lexicon import load_yaml
from doingoai.model import Figure


def figures(text: str) -> list[Figure]:
    return extract_figures(analyse(normalize(text)))


def summary(text: str) -> set[tuple[str, float, tuple[str, ...], str | None, str | None]]:
    return {(f.kind, f.value, f.countries, f.unit, f.qualifier) for f in figures(text)}


def vietnamese(value: int, decimals: str = "") -> str:
    """``value`` written the Vietnamese way: dots between thousands, a comma before decimals."""
    groups = f"{value:,}".replace(",", ".")
    return f"{groups},{decimals}" if decimals else groups


# ---------------------------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(("text", "value"), [
    ("1,8", 1.8), ("1.100", 1100), ("500.000", 500000), ("1.500.000,5", 1500000.5), ("10", 10),
    ("8,86", 8.86), ("132,38", 132.38), ("2.5", 2.5), ("0,2", 0.2),
])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@given(st.integers(min_value=0, max_value=10**12))
def test_parse_number_thousands_dots(n: int) -> None:
    assert parse_number(vietnamese(n)) == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_parse_number_decimal_comma(n: int, cents: int) -> None:
    decimals = f"{cents:02d}"
    assert parse_number(vietnamese(n, decimals)) == pytest.approx(n + cents / 100)


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), [
    ("1,8 tỷ đồng", 1.8e9, "VND", None),
    ("1,5 nghìn tỷ đồng", 1.5e12, "VND", None),
    ("khoảng 1,5 ngàn tỷ đồng", 1.5e12, "VND", "about"),
    ("45 triệu euro", 45e6, "EUR", None),
    ("2 triệu EUR", 2e6, "EUR", None),
    ("300 triệu USD", 300e6, "USD", None),
    ("hơn 1,5 tỷ USD", 1.5e9, "USD", "more_than"),
    ("dưới 100 triệu USD", 100e6, "USD", "less_than"),
    ("xấp xỉ 900 triệu USD", 900e6, "USD", "about"),
    ("500.000 USD", 500000, "USD", None),
    ("300.000 bảng Anh", 300000, "GBP", None),
    ("3 tỷ 370 triệu đôla Mỹ", 3.37e9, "USD", None),
    ("nửa triệu USD", 500000, "USD", None),
    ("NZD$170.000", 170000, "NZD", None),
    ("10 tỉ đô la Mỹ", 10e9, "USD", None),
    ("25 triệu kíp", 25e6, "LAK", None),
])
def test_parse_amount(text: str, value: float, unit: str, qualifier: str | None) -> None:
    got = parse_amount(text)
    assert got is not None
    assert got[0] == pytest.approx(value)
    assert got[1:] == (unit, qualifier)


@pytest.mark.parametrize("text", ["20 tỷ", "15,3%", "ngày 15/9", "năm 2024", "kỷ niệm 45 năm", "đồng chủ trì"])
def test_no_amount_without_currency(text: str) -> None:
    assert parse_amount(text) is None


@pytest.mark.parametrize(("word", "qualifier"), [
    ("hơn", "more_than"), ("trên", "more_than"), ("gần", "about"), ("khoảng", "about"), ("xấp xỉ", "about"),
    ("dưới", "less_than"), ("chưa đến", "less_than"), (None, None), ("đạt", None),
])
def test_qualifier_of(word: str | None, qualifier: str | None) -> None:
    assert qualifier_of(word) == qualifier


# ---------------------------------------------------------------------------------------------- kinds


def test_trade_value_and_target_in_one_sentence() -> None:
    got = summary("Năm 2023, kim ngạch thương mại Việt Nam – Indonesia đạt 14 tỷ USD, hai bên phấn đấu "
                  "nâng kim ngạch lên 18 tỷ USD vào năm 2028.")
    assert got == {("trade_value", 14e9, ("ID", "VN"), "USD", None),
                   ("trade_target", 18e9, ("ID", "VN"), "USD", None)}


def test_second_amount_continues_the_first_kind() -> None:
    got = summary("Hai nước đặt mục tiêu đưa kim ngạch thương mại Việt Nam – Mexico lên 10 tỷ USD năm 2027 "
                  "và 15 tỷ USD năm 2030.")
    assert {(k, v) for k, v, *_ in got} == {("trade_target", 10e9), ("trade_target", 15e9)}


def test_export_only_and_surplus_are_no_figures() -> None:
    assert figures("Năm 2024, xuất khẩu của Việt Nam sang Ấn Độ đạt 8 tỷ USD; Việt Nam xuất siêu 2 tỷ USD.") == []


def test_import_export_turnover_is_trade() -> None:
    got = summary("Kim ngạch xuất nhập khẩu Việt Nam – Brazil năm 2024 đạt gần 8 tỷ USD.")
    assert got == {("trade_value", 8e9, ("BR", "VN"), "USD", "about")}


def test_investment_and_projects() -> None:
    got = summary("Singapore có hơn 3.900 dự án đầu tư tại Việt Nam với tổng vốn đăng ký hơn 84 tỷ USD.")
    assert got == {("investment", 84e9, ("SG", "VN"), "USD", "more_than")}


def test_aid_each_donor_its_partner() -> None:
    got = summary("Australia viện trợ 3 triệu AUD cho tỉnh Quảng Trị, trong khi Nhật Bản dành 2 triệu USD "
                  "cho Việt Nam.")
    assert got == {("aid", 3e6, ("AU", "VN"), "AUD", None), ("aid", 2e6, ("JP", "VN"), "USD", None)}


def test_conversion_in_brackets_is_no_second_figure() -> None:
    got = summary("Hàn Quốc công bố khoản viện trợ 500.000 USD (khoảng 12,5 tỷ đồng) cho Việt Nam.")
    assert got == {("aid", 500000, ("KR", "VN"), "USD", None)}


def test_cue_after_the_amount_and_its_restatement() -> None:
    got = summary("Đến nay, Nhật Bản dành cho Việt Nam khoảng 2.550 tỷ yen, tương đương hơn 23 tỷ USD vốn ODA.")
    assert got == {("aid", 2.55e12, ("JP", "VN"), "JPY", "about")}


def test_domestic_relief_is_no_aid() -> None:
    assert figures("Thủ tướng quyết định hỗ trợ 500 tỷ đồng cho 8 tỉnh khắc phục hậu quả bão.") == []


def test_aid_from_many_donors_is_vietnam_alone() -> None:
    got = summary("Hỗ trợ của các nước và tổ chức quốc tế dành cho Việt Nam đạt khoảng 16 triệu USD.")
    assert got == {("aid", 16e6, ("VN",), "USD", "about")}


@pytest.mark.parametrize("text", [
    "Năm 2023, xuất khẩu của Việt Nam sang Thổ Nhĩ Kỳ tăng 15,3% so với năm trước.",
    "Hai nước kỷ niệm 50 năm thiết lập quan hệ ngoại giao (1975-2025).",
    "Ngày 15/9/2024, hai bên ký Bản ghi nhớ hợp tác.",
    "Năm 2024, Việt Nam đón 1,2 triệu lượt khách du lịch Ấn Độ.",
    "Hàn Quốc có hơn 10.000 dự án đầu tư còn hiệu lực tại Việt Nam.",
    "Cộng đồng người Việt tại Séc có khoảng 60.000 người.",
    "Việt Nam có đường biên giới dài hơn 1.000 km với Campuchia.",
    "Kỳ họp lần thứ 38 Ủy ban liên Chính phủ Việt Nam – Cuba diễn ra tại La Habana.",
    "Việt Nam có quan hệ Đối tác chiến lược toàn diện với 12 quốc gia.",
    "GDP của Ấn Độ đạt 3.700 tỷ USD.",
    "Hai bên đã nâng cấp quan hệ 2 nước lên Đối tác chiến lược toàn diện.",
    "Sau hội đàm giữa 2 đoàn đại biểu cấp cao, hai nhà lãnh đạo gặp gỡ báo chí.",
    "Ai sẽ giúp các nhà đầu tư dự tính đầu tư vào Việt Nam 1 tỷ USD?",
    "Tổng doanh thu của tập đoàn đạt 599 tỷ USD.",
])
def test_not_figures(text: str) -> None:
    assert figures(text) == []


# ---------------------------------------------------------------------------------------------- rankings


def test_ranking_ordinal_words_and_digits() -> None:
    got = summary("Việt Nam là đối tác thương mại lớn thứ hai của Nhật Bản trong ASEAN và là thị trường xuất khẩu "
                  "lớn thứ 12 của Nhật Bản.")
    assert {(k, v, c) for k, v, c, *_ in got} == {("ranking", 2, ("JP", "VN")), ("ranking", 12, ("JP", "VN"))}


def test_partner_ranked_among_vietnams_is_no_ranking() -> None:
    assert figures("Trung Quốc là đối tác thương mại lớn nhất của Việt Nam.") == []
    assert figures("Đây là thị trường xuất khẩu lớn thứ hai của Việt Nam.") == []


def test_ranking_both_directions_keeps_vietnams() -> None:
    got = summary("Ấn Độ là đối tác thương mại lớn thứ tám của Việt Nam, còn Việt Nam là đối tác thương mại lớn "
                  "thứ tư của Ấn Độ trong ASEAN.")
    assert {(k, v, c) for k, v, c, *_ in got} == {("ranking", 4, ("IN", "VN"))}


def test_ranking_largest_and_elliptical_second() -> None:
    got = summary("Việt Nam là đối tác thương mại lớn nhất của Trung Quốc trong ASEAN và lớn thứ 4 trên thế giới.")
    assert {(k, v) for k, v, *_ in got} == {("ranking", 1), ("ranking", 4)}


# ---------------------------------------------------------------------------------------------- counts


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("Hơn 200 cam kết, thỏa thuận được ký kết trong nửa đầu năm.", 200, "more_than"),
    ("Hai bên đã ký 12 văn kiện hợp tác.", 12, None),
    ("Các cơ quan đại diện đã tổ chức gần 300 hoạt động xúc tiến thương mại, đầu tư.", 300, "about"),
    ("Trong năm 2024, Việt Nam đã nâng cấp quan hệ với 10 nước.", 10, None),
    ("Hai nước đã trao đổi hơn 1.100 lượt đoàn các cấp.", 1100, "more_than"),
    ("Thủ tướng có khoảng 40 hoạt động đa phương và song phương tại Hội nghị.", 40, "about"),
    ("Hai Thủ tướng chứng kiến lễ trao ba văn kiện hợp tác.", 3, None),
])
def test_counts(text: str, value: float, qualifier: str | None) -> None:
    got = [f for f in figures(text) if f.kind == "count"]
    assert [(f.value, f.qualifier) for f in got] == [(value, qualifier)]


def test_count_between_two_other_states() -> None:
    got = figures("Sau hội đàm giữa Tổng thống Hàn Quốc và Thủ tướng Nhật Bản, hai nước đã ký kết 3 văn kiện.")
    assert [(f.kind, f.value, f.countries) for f in got] == [("count", 3, ("JP", "KR"))]


@given(st.sampled_from(["dự án", "doanh nghiệp", "người", "lượt khách", "sinh viên", "tỉnh", "năm", "km"]),
       st.integers(min_value=2, max_value=5000))
@settings(max_examples=40, deadline=None)
def test_counts_are_of_diplomacy_only(noun: str, n: int) -> None:
    assert figures(f"Hai bên đã ký kết thỏa thuận; {n} {noun} tham gia chương trình hợp tác.") == []


@given(st.sampled_from([("hơn", "more_than"), ("trên", "more_than"), ("gần", "about"), ("khoảng", "about"),
                        ("xấp xỉ", "about"), ("dưới", "less_than"), ("", None)]),
       st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from([("triệu", 1e6), ("tỷ", 1e9)]))
@settings(max_examples=60, deadline=None)
def test_trade_value_any_amount(q: tuple[str, str | None], whole: int, tenth: int, scale: tuple[str, float]) -> None:
    number = f"{whole},{tenth}" if tenth else str(whole)
    amount = f"{q[0]} {number}".strip()
    text = f"Năm 2023, kim ngạch thương mại hai chiều Việt Nam – Lào đạt {amount} {scale[0]} USD."
    got = figures(text)
    assert len(got) == 1
    f = got[0]
    assert (f.kind, f.countries, f.unit, f.qualifier) == ("trade_value", ("LA", "VN"), "USD", q[1])
    assert f.value == pytest.approx((whole + tenth / 10) * scale[1])
    assert f.evidence.text in text


def test_lexicon_is_well_formed() -> None:
    data = load_yaml("figures.yaml")
    assert set(data["qualifiers"].values()) <= {"more_than", "about", "less_than"}
    assert all(len(code) == 3 and code.isupper() for code in data["currencies"])
    assert set(data["money_cues"]) == {"trade", "block", "investment", "aid", "aid_weak"}


# ---------------------------------------------------------------------------------------------- scope


def test_dong_with_no_other_party_is_domestic_not_a_figure() -> None:
    # a state budget or a family's gift in đồng on a page that names no other state is not diplomacy
    assert figures("Nhà nước sẽ đầu tư 2.500 tỷ đồng để nâng cấp hạ tầng dùng chung của cảng biển.") == []
    assert figures("Thành phố thu về từ xuất nhập khẩu mỗi năm khoảng 90.000 tỷ đồng nhờ tuyến cao tốc.") == []


def test_dong_given_by_another_state_or_a_body_stays() -> None:
    assert summary("Chính phủ Hàn Quốc viện trợ 30 tỷ đồng cho các tỉnh miền Trung khắc phục hậu quả bão lũ.") \
        == {("aid", 30_000_000_000, ("KR", "VN"), "VND", None)}
    assert {f.kind for f in figures(
        "Quỹ Nhi đồng Liên hợp quốc (UNICEF) viện trợ 12 tỷ đồng cho trẻ em vùng lũ.")} == {"aid"}


def test_both_countries_of_the_story_beat_a_list_of_others_ranked_before() -> None:
    # "hai nước" after a ranking against others ("sau Mỹ, Trung Quốc và Nhật Bản") is still the story's pair
    text = ("Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Ấn Độ Narendra Modi. Việt Nam là đối tác thương "
            "mại lớn thứ 4 của Ấn Độ trong khu vực, sau Singapore, Indonesia và Malaysia. Năm 2024, tổng kim "
            "ngạch thương mại hai nước đạt 15,8 tỷ USD.")
    trade = [f for f in figures(text) if f.kind == "trade_value"]
    assert [(f.countries, f.value) for f in trade] == [(("IN", "VN"), 15_800_000_000)]
