"""Layout rules of plain-text pages: one small hand-written page per rule (see tests/segment/pages for whole pages)."""

from __future__ import annotations

from doingoai.model import Page
from doingoai.segment import segment
from doingoai.segment.lines import Kind, classify, teaser_headline


def page(text: str, **kw: str) -> Page:
    return Page(source="t.txt", content=text, markup="text", **kw)  # type: ignore[arg-type]


TITLE = "Thủ tướng tiếp Đại sứ Hàn Quốc chào kết thúc nhiệm kỳ"
LEAD = ("Chiều 14/3, tại Trụ sở Chính phủ, Thủ tướng đã tiếp Đại sứ Hàn Quốc tại Việt Nam nhân dịp Đại sứ "
        "đến chào kết thúc nhiệm kỳ công tác.")
PARA2 = "Thủ tướng đánh giá cao những đóng góp của Đại sứ đối với sự phát triển của quan hệ hai nước."
PARA3 = "Hai bên nhất trí phấn đấu đưa kim ngạch thương mại song phương đạt 150 tỷ USD vào năm 2030."
PARA4 = "Đại sứ cảm ơn Thủ tướng đã dành thời gian tiếp và khẳng định sẽ tiếp tục đóng góp cho quan hệ hai nước."
TEASER = "Việt Nam - Hàn Quốc phối hợp tổ chức Năm Du lịch 2024"
TEASER2 = "Đại sứ quán Việt Nam tại Hàn Quốc gặp mặt cộng đồng"
CUT_LEAD = "Hai bên thống nhất tổ chức nhiều hoạt động quảng bá du lịch tại các địa phương của hai nước ..."


def test_slug_before_a_headline_marks_a_teaser() -> None:
    assert teaser_headline(f"viet nam han quoc phoi hop to chuc nam du lich 2024 {TEASER}") == TEASER
    assert teaser_headline(f"50 nam quan he {TEASER2}") is None  # the slug must spell the headline
    assert teaser_headline(TEASER) is None


def test_slug_teasers_are_not_joined_to_the_story_nor_in_it() -> None:
    text = "\n".join([
        TITLE, "", LEAD, "Tin liên quan",
        f"viet nam han quoc phoi hop to chuc nam du lich 2024 {TEASER}",
        f"dai su quan viet nam tai han quoc gap mat cong dong {TEASER2}",
        "", PARA2, "", PARA3,
    ])
    art = segment(page(text))
    assert art.text.split("\n") == [LEAD, PARA2, PARA3]
    assert [r.title for r in art.related] == [TEASER, TEASER2]


def test_story_goes_on_after_a_box_of_teasers() -> None:
    text = "\n".join([
        TITLE, "", TITLE, "", "Thứ Năm, 17:05, 14/03/2024", "", LEAD, "", PARA2, "",
        "Tin liên quan", TEASER, CUT_LEAD, TEASER2, CUT_LEAD, "",
        "Hướng tới mục tiêu thương mại mới", "", PARA3, "", PARA4, "",
        "Tin cùng chuyên mục", "Thủ tướng dự Hội nghị Cấp cao ASEAN lần thứ 44, 45", CUT_LEAD,
    ])
    art = segment(page(text))
    assert art.title == TITLE  # the headline printed twice is the title, not a teaser
    assert art.published == "2024-03-14"
    assert art.text.split("\n") == [LEAD, PARA2, "Hướng tới mục tiêu thương mại mới", PARA3, PARA4]
    assert [r.title for r in art.related][:2] == [TEASER, TEASER2]


def test_teasers_with_dates_and_full_leads_end_the_story() -> None:
    lead2 = "Phó Thủ tướng đề nghị hai bên tăng cường kết nối doanh nghiệp trong lĩnh vực công nghiệp hỗ trợ."
    lead3 = "Nhiều hội đoàn người Việt tại Seoul đã tổ chức quyên góp ủng hộ đồng bào miền Trung."
    text = "\n".join([TITLE, LEAD, PARA2, PARA3, "Có thể bạn quan tâm",
                      TEASER, "23/11/2025 20:10", lead2, TEASER2, "22/11/2025 09:45", lead3])
    art = segment(page(text))
    assert art.text.split("\n") == [LEAD, PARA2, PARA3]


def test_teasers_after_a_box_are_not_taken_for_the_story_going_on() -> None:
    lead2 = "Phó Thủ tướng đề nghị hai bên tăng cường kết nối doanh nghiệp trong lĩnh vực công nghiệp hỗ trợ."
    lead3 = "Nhiều hội đoàn người Việt tại Seoul đã tổ chức quyên góp ủng hộ đồng bào miền Trung."
    text = "\n".join([TITLE, "", LEAD, "", PARA2, "", PARA3, "", "Tin liên quan", TEASER, CUT_LEAD, "",
                      TEASER2, "", lead2, "", "Thủ tướng dự Hội nghị Cấp cao ASEAN lần thứ 44, 45", "", lead3])
    art = segment(page(text))
    assert art.text.split("\n") == [LEAD, PARA2, PARA3]


def test_headlines_glued_under_the_lead_are_teasers_even_without_blank_lines() -> None:
    text = "\n".join([TITLE, LEAD, TEASER, TEASER2, PARA2, "Quan tâm đến cộng đồng người Việt", PARA3])
    art = segment(page(text))
    assert art.text.split("\n") == [LEAD, PARA2, "Quan tâm đến cộng đồng người Việt", PARA3]
    assert TEASER2 in [r.title for r in art.related]


def test_date_printed_under_the_story() -> None:
    text = "\n".join([LEAD, PARA2, PARA3, "Hải Minh", "Cập nhật: 18:20 ngày 14/03/2023",
                      ">>" + TEASER, "Tin cùng chuyên mục", TEASER2, "12/03/2023"])
    art = segment(page(text))
    assert art.published == "2023-03-14"
    assert art.text.split("\n") == [LEAD, PARA2, PARA3]
    assert [r.title for r in art.related][:2] == [TEASER, TEASER2]


def test_date_under_the_story_beats_the_banner_date_above_the_title() -> None:
    text = "\n".join(["Thứ Bảy, ngày 15 tháng 03 năm 2025", TITLE, LEAD, PARA2, "Cập nhật: 18:20 ngày 14/03/2023"])
    assert segment(page(text)).published == "2023-03-14"


def test_date_between_title_and_story_beats_date_under_it() -> None:
    text = "\n".join([TITLE, "10:15 | 12/03/2023", LEAD, PARA2, "Cập nhật: 18:20 ngày 14/03/2023"])
    assert segment(page(text)).published == "2023-03-12"


def test_teaser_dates_after_a_marker_are_not_the_story_date() -> None:
    text = "\n".join([TITLE, "", LEAD, "", PARA2, "", "Tin cùng chuyên mục", TEASER, "12/03/2023"])
    assert segment(page(text)).published is None


def test_outlet_from_the_footer() -> None:
    footer = "© Bản quyền thuộc về Báo Điện tử Chính phủ - baochinhphu.vn"
    assert classify(footer) is Kind.BOILERPLATE
    art = segment(page("\n".join([TITLE, LEAD, PARA2, "Tin cùng chuyên mục", TEASER, footer])))
    assert art.outlet == "baochinhphu.vn"
    assert footer not in [r.title for r in art.related]


def test_outlet_from_the_follow_button_under_the_lead() -> None:
    text = "\n".join([TITLE, "", LEAD, "Theo dõi Baoquocte.vn trên", "", PARA2, "", PARA3])
    assert segment(page(text)).outlet == "baoquocte.vn"


def test_photo_credit_below_the_story_is_not_the_outlet() -> None:
    text = "\n".join([TITLE, LEAD, "Quang cảnh buổi tiếp. (Ảnh: vietnamplus.vn)", PARA2])
    assert segment(page(text)).outlet is None


def test_a_breadcrumb_between_date_and_story_is_not_the_title() -> None:
    for crumb in ("Trang chủ Bờ cõi biển đảo Lịch sử chủ quyền", "Trang chủ > Thời sự > Đối ngoại"):
        text = "\n".join([TITLE, "17:30 | 03/08/2023 GMT+7", crumb, "", LEAD, "", PARA2, "", PARA3])
        article = segment(Page(source="p.txt", content=text, markup="text"))
        assert article.title == TITLE
        assert crumb not in article.text


def test_a_photo_placeholder_line_is_no_body_line() -> None:
    text = "\n".join([TITLE, "", LEAD, f"{TITLE} - Ảnh 1.", PARA2, "", PARA3])
    article = segment(Page(source="p.txt", content=text, markup="text"))
    assert "Ảnh 1" not in article.text
    assert PARA2 in article.text
