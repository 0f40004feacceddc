"""Relation levels, their pair of states and ``since``, on short sentences in the genre's wording."""

from __future__ import annotations

import datetime as dt

import pytest

from doingoai.clean.normalize import normalize
from doingoai.extract import extract
from doingoai.model import Article

TODAY = dt.date(2026, 11, 25)

Found = set[tuple[tuple[str, str], str, int | None]]


def _relations(text: str, published: str | None = None) -> Found:
    article = Article(source="t", title=None, published=published, outlet=None, text=normalize(text))
    return {(r.countries, r.level, r.since) for r in extract(article, today=TODAY).relations}


CSP, SP, CP = "comprehensive_strategic_partnership", "strategic_partnership", "comprehensive_partnership"
SPECIAL, TRAD, DIP = "special_relationship", "traditional_friendship", "diplomatic_relations"

CASES: list[tuple[str, str | None, Found]] = [
    # establishment and upgrade, each with its own date
    ("Việt Nam và Singapore chính thức thiết lập quan hệ ngoại giao năm 1973 và nâng tầm quan hệ lên "
     "Đối tác chiến lược năm 2013.", None,
     {(("SG", "VN"), DIP, 1973), (("SG", "VN"), SP, 2013)}),
    # two anniversaries anchored on the year the sentence opens with
    ("Năm 2024, Việt Nam và Ấn Độ kỷ niệm 52 năm thiết lập quan hệ ngoại giao và 8 năm quan hệ Đối tác "
     "chiến lược toàn diện.", None,
     {(("IN", "VN"), DIP, 1972), (("IN", "VN"), CSP, 2016)}),
    # two other states, established in the story
    ("Ngày 14/6, Trung Quốc và Palestine thiết lập quan hệ đối tác chiến lược.", "2023-06-15",
     {(("CN", "PS"), SP, 2023)}),
    # two other states' leaders, one named by "ông", then "hai nước": their pair, Việt Nam is not in it
    ("Tổng thống Pháp Emmanuel Macron cho biết, ông và Thủ tướng Ấn Độ Narendra Modi đã nhất trí hai nước "
     "sẽ nâng cấp quan hệ lên Đối tác chiến lược toàn diện vào năm 2027.", "2025-02-12",
     {(("FR", "IN"), CSP, 2027)}),
    # the 2008-2013 name of China's level, printed with a comma
    ("Hai bên nhất trí tiếp tục làm sâu sắc quan hệ đối tác, hợp tác chiến lược toàn diện giữa Việt Nam và "
     "Trung Quốc trong giai đoạn mới.", None, {(("CN", "VN"), CSP, None)}),
    # a bloc is no state
    ("EU muốn nâng cấp quan hệ với Việt Nam lên Đối tác chiến lược toàn diện.", None, set()),
    ("Lãnh đạo EU mong muốn khởi động quá trình nâng cấp quan hệ Việt Nam - EU lên Đối tác Chiến lược "
     "Toàn diện.", None, set()),
    ("Các nhà lãnh đạo hoan nghênh quan hệ Đối tác chiến lược toàn diện ASEAN - Australia.", None, set()),
    # counts name no pair
    ("Tính đến tháng 10/2024, Việt Nam có 8 Đối tác Chiến lược Toàn diện.", None, set()),
    ("Việt Nam đã có quan hệ ngoại giao với tất cả 193 quốc gia thành viên Liên hợp quốc.", None, set()),
    # lists
    ("Tính đến tháng 10/2024, Việt Nam có quan hệ Đối tác Chiến lược Toàn diện với 8 quốc gia gồm Trung "
     "Quốc, Liên bang Nga, Ấn Độ, Hàn Quốc, Mỹ, Nhật Bản, Australia và Pháp.", None,
     {((c, "VN") if c < "VN" else ("VN", c), CSP, None)
      for c in ("CN", "RU", "IN", "KR", "US", "JP", "AU", "FR")}),
    ("Việt Nam đã có quan hệ Đối tác Chiến lược toàn diện với Mỹ, Nhật Bản, Hàn Quốc và Australia.", None,
     {(("US", "VN"), CSP, None), (("JP", "VN"), CSP, None), (("KR", "VN"), CSP, None),
      (("AU", "VN"), CSP, None)}),
    ("Ngày 7/3/2024, Thủ tướng Phạm Minh Chính và Thủ tướng Australia Anthony Albanese công bố nâng cấp quan "
     "hệ song phương lên Đối tác chiến lược toàn diện. Như vậy, Australia đã trở thành Đối tác chiến lược toàn "
     "diện thứ 7 của Việt Nam (sau Trung Quốc, Liên bang Nga, Ấn Độ, Hàn Quốc, Hoa Kỳ và Nhật Bản).", None,
     {(("AU", "VN"), CSP, 2024)} | {((c, "VN") if c < "VN" else ("VN", c), CSP, None)
                                    for c in ("CN", "RU", "IN", "KR", "US", "JP")}),
    ("Việt Nam có quan hệ đặc biệt với 3 quốc gia, gồm Lào, Campuchia và Cuba.", None,
     {(("LA", "VN"), SPECIAL, None), (("KH", "VN"), SPECIAL, None), (("CU", "VN"), SPECIAL, None)}),
    # not levels: a motto, praise, a sectoral partnership, a trade agreement
    ("Hai bên nhất trí phát triển quan hệ Việt Nam - Trung Quốc theo phương châm “Láng giềng hữu nghị, hợp "
     "tác toàn diện, ổn định lâu dài, hướng tới tương lai”.", None, set()),
    ("Thủ tướng khẳng định Việt Nam coi Nhật Bản là đối tác chiến lược quan trọng hàng đầu.", None, set()),
    ("Hai bên nhất trí thúc đẩy quan hệ Đối tác chiến lược về thích ứng với biến đổi khí hậu và quản lý "
     "nước Việt Nam - Hà Lan.", None, set()),
    ("Việt Nam và Canada đều là thành viên Hiệp định Đối tác Toàn diện và Tiến bộ xuyên Thái Bình Dương.",
     None, set()),
    ("Năm 2025 có ý nghĩa đặc biệt quan trọng đối với quan hệ Việt Nam - Thái Lan.", None, set()),
    # short forms
    ("Thủ tướng khẳng định Việt Nam coi trọng quan hệ Đối tác hợp tác chiến lược toàn diện Việt - Trung.",
     None, {(("CN", "VN"), CSP, None)}),
    ("Năm 2023 đánh dấu 50 năm thiết lập quan hệ ngoại giao Việt – Nhật.", None,
     {(("JP", "VN"), DIP, 1973)}),
    ("Hai bên nhất trí giữ gìn quan hệ hữu nghị vĩ đại, đoàn kết đặc biệt Việt - Lào.", None,
     {(("LA", "VN"), SPECIAL, None)}),
    # a quoted level with its motto, then the partner
    ("Ngày 27/11/2023, Việt Nam đã chính thức nâng cấp quan hệ “Đối tác chiến lược toàn diện vì hòa bình và "
     "thịnh vượng tại châu Á và trên thế giới” với Nhật Bản.", None, {(("JP", "VN"), CSP, 2023)}),
    ("Từ quan hệ “Đối tác tin cậy, ổn định lâu dài” năm 2002, đến tháng 3/2014, Việt Nam và Nhật Bản đã "
     "nâng cấp quan hệ lên thành “Đối tác chiến lược sâu rộng vì hòa bình và thịnh vượng ở châu Á”.", None,
     {(("JP", "VN"), SP, 2014)}),
    # normalization, bracketed dates
    ("Năm 1995, Mỹ và Việt Nam chính thức bình thường hóa quan hệ ngoại giao.", None,
     {(("US", "VN"), DIP, 1995)}),
    ("Lễ kỷ niệm 45 năm thiết lập quan hệ ngoại giao Việt Nam - Malaysia (30/3/1973 – 30/3/2018) diễn ra "
     "tại Hà Nội.", None, {(("MY", "VN"), DIP, 1973)}),
    # a span of years is no anniversary; a first-ever establishment is history, not the story's year
    ("Trải qua hơn 60 năm kể từ khi thiết lập quan hệ ngoại giao, quan hệ Việt Nam - Lào ngày càng đi vào "
     "chiều sâu.", "2024-05-02", {(("LA", "VN"), DIP, None)}),
    ("Australia là nước phương Tây đầu tiên thiết lập quan hệ ngoại giao với Việt Nam.", "2023-04-03",
     {(("AU", "VN"), DIP, None)}),
    # "nâng cấp quan hệ ngoại giao lên ..." upgrades to a level: no diplomatic relation of its own
    ("Ngày 27/11, Việt Nam và Nhật Bản kỷ niệm 1 năm nâng cấp quan hệ ngoại giao lên Đối tác Chiến lược "
     "toàn diện.", "2024-11-27", {(("JP", "VN"), CSP, 2023)}),
    # "tròn 15 năm hai nước thiết lập"
    ("Năm 2023 có ý nghĩa quan trọng đối với quan hệ Việt-Trung, tròn 15 năm hai nước thiết lập quan hệ "
     "Đối tác hợp tác chiến lược toàn diện.", None, {(("CN", "VN"), CSP, 2008)}),
    # a planned upgrade has no date yet
    ("Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Algeria Sifi Ghrieb. Hai bên nhất trí sớm nâng cấp "
     "quan hệ lên Đối tác chiến lược.", "2025-11-19", {(("DZ", "VN"), SP, None)}),
    # a proposed level is not the pair's level yet
    ("Việt Nam đang xem xét đề nghị của Mông Cổ về thiết lập khuôn khổ quan hệ Đối tác toàn diện giữa hai "
     "nước.", "2023-11-01", set()),
    # the date of the occasion told after the formula; the date of an anniversary in brackets
    ("Hai bên đã chính thức thiết lập quan hệ “Đối tác toàn diện Việt Nam - Mông Cổ” dịp chuyến thăm cấp "
     "Nhà nước của Tổng Bí thư, Chủ tịch nước Tô Lâm (9/2024).", "2026-02-06", {(("MN", "VN"), CP, 2024)}),
    ("Hai bên ra Tuyên bố chung nhân kỷ niệm 10 năm thiết lập quan hệ Đối tác chiến lược Việt Nam - Anh "
     "(tháng 9/2020).", "2021-07-20", {(("GB", "VN"), SP, 2010)}),
    ("Trong suốt hơn 60 năm qua, kể từ khi hai nước chính thức thiết lập quan hệ ngoại giao (1960 - 2024), "
     "quan hệ Việt Nam - Cuba đã trở thành biểu tượng mẫu mực.", None, {(("CU", "VN"), DIP, 1960)}),
    # "hai nước" of a passage about two other states
    ("Thủ tướng Australia Anthony Albanese hội đàm với Tổng thống Indonesia Prabowo Subianto. Hai nhà lãnh "
     "đạo nhất trí làm sâu sắc quan hệ Đối tác chiến lược toàn diện giữa hai nước.", None,
     {(("AU", "ID"), CSP, None)}),
    # the subject of the clause with "với"
    ("Người phát ngôn Bộ Ngoại giao Nga khẳng định Nga coi trọng quan hệ Đối tác chiến lược toàn diện với "
     "Việt Nam.", None, {(("RU", "VN"), CSP, None)}),
    ("Thủ tướng Australia khẳng định Australia coi trọng quan hệ Đối tác chiến lược toàn diện với Indonesia.",
     None, {(("AU", "ID"), CSP, None)}),
    ("Sau 3 thập kỷ, Việt Nam và Hoa Kỳ đã trở thành bạn bè và Đối tác Chiến lược Toàn diện của nhau.", None,
     {(("US", "VN"), CSP, None)}),
    # an upgrade from one level to another: the old level's start is not told
    ("Chiều 26/2, Thủ tướng Phạm Minh Chính và Thủ tướng New Zealand Christopher Luxon công bố nâng cấp "
     "quan hệ Việt Nam – New Zealand từ Đối tác chiến lược lên Đối tác chiến lược toàn diện.", "2025-02-26",
     {(("NZ", "VN"), SP, None), (("NZ", "VN"), CSP, 2025)}),
    # levels listed together share the pair named after the last; a praise formula ("hợp tác toàn diện"
    # without "Đối tác") is no level: gold marks it optional, and it must not head a pair's profile
    ("Hai nhà lãnh đạo khẳng định quan hệ hữu nghị truyền thống và Đối tác chiến lược toàn diện giữa Việt Nam "
     "và Nga không ngừng phát triển.", None,
     {(("RU", "VN"), TRAD, None), (("RU", "VN"), CSP, None)}),
    ("Chủ tịch Quốc hội khẳng định Việt Nam coi trọng quan hệ láng giềng tốt đẹp, tình hữu nghị truyền thống "
     "và hợp tác toàn diện với Campuchia.", None,
     {(("KH", "VN"), TRAD, None)}),
    # the year of the story's passage a "sang năm" anniversary refers to
    ("Hai nước đang chuẩn bị các hoạt động kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam - "
     "Hàn Quốc vào năm tới.", "2021-10-05", {(("KR", "VN"), DIP, 1992)}),
    ("Năm nay, Việt Nam và Sri Lanka sẽ kỷ niệm 55 năm thiết lập quan hệ ngoại giao.", "2025-03-04",
     {(("LK", "VN"), DIP, 1970)}),
    # a coming anniversary falls in the story's year early in it, else in the next
    ("Hai bên thống nhất phối hợp tổ chức các hoạt động hướng tới kỷ niệm 30 năm thiết lập quan hệ ngoại giao "
     "Việt Nam - Nam Phi.", "2023-02-15", {(("VN", "ZA"), DIP, 1993)}),
    ("Chuyến thăm diễn ra khi hai nước hướng tới kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam - Hoa "
     "Kỳ.", "2024-09-20", {(("US", "VN"), DIP, 1995)}),
]


@pytest.mark.parametrize(("text", "published", "want"), CASES, ids=[c[0][:60] for c in CASES])
def test_relations(text: str, published: str | None, want: Found) -> None:
    assert _relations(text, published) == want
