"""Segmentation of plain-text pages: small pages written for each layout rule."""

from __future__ import annotations

from doingoai.model import Page
from doingoai.segment import segment


def page(text: str, **kw: str) -> Page:
    return Page(source="t.txt", content=text, markup="text", **kw)  # type: ignore[arg-type]


LEAD = ("Chiều 12/3, tại Hà Nội, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã tiếp Đại sứ Brazil tại Việt Nam "
        "Marco Farani nhân dịp Đại sứ đến chào từ biệt.")
PARA2 = ("Bộ trưởng đánh giá cao những đóng góp của Đại sứ cho quan hệ Đối tác toàn diện Việt Nam - Brazil "
         "trong nhiệm kỳ vừa qua.")
PARA3 = "Về phần mình, Đại sứ Marco Farani cảm ơn sự hỗ trợ quý báu của Bộ Ngoại giao Việt Nam."


def test_title_banner_date_menus_and_captions() -> None:
    text = "\n".join([
        "Trang chủ | Thời sự | Thế giới",
        "Thứ Tư, 12/03/2025 18:40",
        "",
        "Bộ trưởng Ngoại giao tiếp Đại sứ Brazil chào từ biệt",
        "",
        LEAD,
        "Bộ trưởng Bùi Thanh Sơn và Đại sứ Marco Farani. (Ảnh: Tuấn Anh)",
        "Bộ trưởng Bùi Thanh Sơn và Đại sứ Marco Farani. (Ảnh: Tuấn Anh)",
        "",
        PARA2,
        "",
        PARA3,
        "",
        "Tin bài liên quan",
        "Thủ tướng hội đàm với Thủ tướng Singapore",
        "",
        "Thủ tướng hội đàm với Thủ tướng Singapore",
        "",
        "Sáng 26/3, tại Phủ Chủ tịch, hai Thủ tướng đã hội đàm, nhất trí làm sâu sắc quan hệ.",
    ])
    art = segment(page(text))
    assert art.title == "Bộ trưởng Ngoại giao tiếp Đại sứ Brazil chào từ biệt"
    assert art.published == "2025-03-12"
    assert art.text == "\n".join([LEAD, PARA2, PARA3])
    assert [r.title for r in art.related] == ["Thủ tướng hội đàm với Thủ tướng Singapore"]
    assert art.related[0].text.startswith("Sáng 26/3, tại Phủ Chủ tịch")
    assert art.body_lines == (6, 10, 12)


def test_page_that_starts_with_the_lead_has_no_title() -> None:
    art = segment(page("\n\n".join([LEAD, PARA2, PARA3])))
    assert art.title is None
    assert art.published is None
    assert art.text.split("\n") == [LEAD, PARA2, PARA3]


def test_byline_date_after_title_beats_banner_date_before_it() -> None:
    text = "\n".join(["Thứ Hai, ngày 01 tháng 01 năm 2018", "", "Điện mừng Quốc khánh nước bạn Lào", "",
                      "PV - 09:15, 02/12/2024", "", LEAD, "", PARA2])
    art = segment(page(text))
    assert art.title == "Điện mừng Quốc khánh nước bạn Lào"
    assert art.published == "2024-12-02"


def test_date_glued_to_the_headline() -> None:
    text = "\n".join(["Bộ trưởng Ngoại giao tiếp Đại sứ Brazil 12/03/2025 18:40", "", LEAD, "", PARA2])
    art = segment(page(text))
    assert art.title == "Bộ trưởng Ngoại giao tiếp Đại sứ Brazil"
    assert art.published == "2025-03-12"


def test_record_date_wins_over_page_date() -> None:
    text = "\n".join(["Thứ Hai, 24/11/2025 14:30", "Tiêu đề của bài báo ngoại giao", "", LEAD])
    assert segment(page(text, published="2025-11")).published == "2025-11"


def test_subheadings_stay_glued_teasers_go() -> None:
    text = "\n".join([
        "Việt Nam - Brazil thúc đẩy hợp tác nông nghiệp",
        "",
        LEAD,
        "Brazil trở thành đối tác lớn của Việt Nam tại Mỹ Latinh",  # teaser glued under the lead
        "Hội hữu nghị Việt Nam - Brazil tổ chức gặp mặt",
        "",
        "Hợp tác nông nghiệp là trụ cột",  # a sub-heading standing on its own
        "",
        PARA2,
        "",
        PARA3,
    ])
    art = segment(page(text))
    assert art.text.split("\n") == [LEAD, "Hợp tác nông nghiệp là trụ cột", PARA2, PARA3]
    titles = [r.title for r in art.related]
    assert "Brazil trở thành đối tác lớn của Việt Nam tại Mỹ Latinh" in titles


def test_story_ends_at_the_sign_off_and_doubled_teasers() -> None:
    text = "\n".join([
        "Chủ tịch nước tiếp Thủ tướng Nhật Bản",
        "",
        LEAD,
        "",
        PARA2 + "/.",
        "",
        "Thủ tướng dự Hội nghị Cấp cao ASEAN lần thứ 46 Thủ tướng dự Hội nghị Cấp cao ASEAN lần thứ 46",
        "Ngày 26/5, tại Kuala Lumpur, Thủ tướng Phạm Minh Chính dự Hội nghị Cấp cao ASEAN lần thứ 46 và "
        "các hội nghị liên quan.",
        "Minh Thái (tổng hợp)",
    ])
    art = segment(page(text))
    assert art.text.split("\n") == [LEAD, PARA2 + "/."]
    assert art.related[0].title == "Thủ tướng dự Hội nghị Cấp cao ASEAN lần thứ 46"


def test_duplicated_lead_and_widgets() -> None:
    text = "\n".join([
        "Mừng Đảng mừng Xuân 2026", "Logo", "Đăng ký mua gói ấn phẩm|Đăng nhập", "",
        "Việt Nam và Brazil ký kết bản ghi nhớ hợp tác", "", LEAD, "", LEAD, "", PARA2, "", PARA3, "",
        "Đọc nhiều", "HỎI ĐÁP THÔNG MINH", "CẢM NHẬN CỦA BẠN VỀ BÀI VIẾT NÀY", "Rất hay", "Thích",
        "BÌNH LUẬN (0)", "Đừng bỏ lỡ", "26 Feb, 06:33 PM",
    ])
    art = segment(page(text))
    assert art.title == "Việt Nam và Brazil ký kết bản ghi nhớ hợp tác"
    assert art.text.split("\n") == [LEAD, PARA2, PARA3]
    assert art.published is None


def test_hard_wrapped_page_is_reflowed() -> None:
    wrapped = [
        "Ngày 16/2, Bộ trưởng Ngoại giao Việt Nam và Ngoại trưởng Hoa Kỳ đã có cuộc",
        "điện đàm trao đổi về quan hệ song phương và các vấn đề khu vực cùng quan",
        "tâm. Hai bên nhất trí thúc đẩy trao đổi đoàn các cấp trong năm tới và",
        "tăng cường hợp tác kinh tế, thương mại, đầu tư giữa hai nước ngày càng",
        "hiệu quả, thực chất hơn nữa trên tất cả các lĩnh vực.",
    ]
    art = segment(page("\n".join(wrapped)))
    assert art.text == " ".join(wrapped)


def test_caption_split_over_two_lines() -> None:
    text = "\n".join([
        "Thủ tướng Phạm Minh Chính và Thủ tướng Australia trao đổi tuyên bố về việc nâng cấp quan hệ",
        "hai nước - Ảnh: VGP/Nhật Bắc",
        LEAD, PARA2, PARA3,
    ])
    art = segment(page(text))
    assert "Ảnh" not in art.text
    assert art.text.split("\n") == [LEAD, PARA2, PARA3]


def test_caption_printed_twice_with_blank_lines_between_stays_inside_the_story() -> None:
    # the photo's text and its caption, each between blank lines, after the lead: neither a headline
    # nor the start of another story, so the title stays the headline above the lead
    caption = "Bộ trưởng Bùi Thanh Sơn và Đại sứ Marco Farani"
    text = "\n".join([
        "Bộ trưởng Ngoại giao tiếp Đại sứ Brazil chào từ biệt", "", LEAD, "", " ", caption, "", caption, " ", "",
        PARA2, "", PARA3,
    ])
    art = segment(page(text))
    assert art.title == "Bộ trưởng Ngoại giao tiếp Đại sứ Brazil chào từ biệt"
    assert art.text.split("\n") == [LEAD, PARA2, PARA3]


def test_teasers_printed_twice_after_cut_leads_stay_out() -> None:
    # a box of teasers whose headlines are printed twice apart: glued to the previous teaser's lead
    text = "\n".join([
        "Bộ trưởng Ngoại giao tiếp Đại sứ Brazil chào từ biệt", "", LEAD, "", PARA2, "", PARA3, "",
        "Tin bài liên quan", "",
        "Thủ tướng hội đàm với Thủ tướng Singapore", "", "Thủ tướng hội đàm với Thủ tướng Singapore", "",
        "Sáng 26/3, tại Phủ Chủ tịch, hai Thủ tướng đã hội đàm, nhất trí làm sâu sắc quan hệ hai nước.",
        "Chủ tịch nước tiếp Đại sứ Nhật Bản chào từ biệt", "", "Chủ tịch nước tiếp Đại sứ Nhật Bản chào từ biệt",
        "", "Chiều 25/3, Chủ tịch nước đã tiếp Đại sứ Nhật Bản đến chào từ biệt nhân dịp kết thúc nhiệm kỳ.",
    ])
    art = segment(page(text))
    assert art.text.split("\n") == [LEAD, PARA2, PARA3]


def test_outlet_from_follow_button_and_lead_tag() -> None:
    text = "\n".join(["Tiêu đề bài báo về ngoại giao Việt Nam", "Theo dõi Baoquocte.vn trên", LEAD, PARA2])
    assert segment(page(text)).outlet == "baoquocte.vn"
    tagged = "\n".join(["Tiêu đề bài báo về ngoại giao Việt Nam", "", "(PLO)- " + LEAD, "", PARA2])
    assert segment(page(tagged)).outlet == "plo.vn"
    assert segment(page(tagged, url="https://www.vietnamplus.vn/abc.vnp")).outlet == "vietnamplus.vn"


def test_empty_story() -> None:
    art = segment(page("Trang chủ\nĐăng nhập\n"))
    assert art.text == ""
    assert art.related == ()
