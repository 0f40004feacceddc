"""Segmentation of HTML pages: small CMS-like pages written for each markup rule."""

from __future__ import annotations

import unicodedata

from doingoai.model import Page
from doingoai.segment import segment

TITLE = "Thủ tướng tiếp Bộ trưởng Ngoại giao Ấn Độ"
SAPO = ("Chiều 17/10, tại Trụ sở Chính phủ, Thủ tướng đã tiếp Bộ trưởng Ngoại giao Ấn Độ đang thăm chính thức "
        "Việt Nam và đồng chủ trì Kỳ họp lần thứ 18 Ủy ban hỗn hợp.")
PARAS = [
    "Thủ tướng đánh giá cao kết quả Kỳ họp lần thứ 18 Ủy ban hỗn hợp Việt Nam - Ấn Độ, đề nghị hai bên sớm "
    "triển khai các thỏa thuận đã đạt được trong lĩnh vực thương mại, đầu tư và năng lượng.",
    "Thủ tướng đề nghị Ấn Độ tạo thuận lợi cho hàng nông sản, thủy sản của Việt Nam tiếp cận thị trường, "
    "thúc đẩy kết nối hàng không và du lịch giữa hai nước trong thời gian tới.",
    "Bộ trưởng Ngoại giao Ấn Độ khẳng định Ấn Độ coi Việt Nam là trụ cột quan trọng trong Chính sách Hành động "
    "hướng Đông, mong muốn cùng Việt Nam đưa quan hệ Đối tác chiến lược toàn diện đi vào chiều sâu.",
    "Hai bên nhất trí tăng cường phối hợp tại các diễn đàn đa phương, trong đó có Liên hợp quốc và các cơ chế "
    "do ASEAN dẫn dắt, vì hòa bình, ổn định và phát triển ở khu vực.",
]
TEASER = "Việt Nam - Ấn Độ họp Ủy ban hỗn hợp lần thứ 18 tại Hà Nội"
READ_MOST = "Hà Nội công bố lộ trình hạn chế xe máy chạy xăng trong nội đô"


def html_page(article_body: str, *, sapo_block: str = f'<div class="detail-sapo">{SAPO}</div>',
              aside: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{TITLE}</title>
<meta property="og:title" content="{TITLE}"></head><body>
<ul class="nav"><li><a href="/">Trang chủ</a></li><li><a href="/chinh-tri">Chính trị</a></li></ul>
<div class="wrap"><h1 class="detail-title">{TITLE}</h1>
{sapo_block}
<div class="detail-content" itemprop="articleBody">{article_body}</div>
<div class="tags"><span>Từ khóa:</span>
<a href="/tag/doi-tac-chien-luoc-toan-dien">Đối tác chiến lược toàn diện</a></div>
{aside}
</div><div class="footer"><p>© Báo điện tử - <a href="https://baochinhphu.vn">baochinhphu.vn</a></p></div>
</body></html>"""


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def seg(html: str) -> tuple[list[str], list[str]]:
    art = segment(Page(source="t.html", content=html, markup="html"))
    return art.text.split("\n"), [r.title or "" for r in art.related]


def test_sapo_outside_the_body_block_leads_the_story() -> None:
    body, _ = seg(html_page(paragraphs(PARAS)))
    assert body == [SAPO, *PARAS]


def test_sapo_printed_again_as_first_paragraph_counts_once() -> None:
    tagged = f"<div class=\"sapo\">(HNMO) - {SAPO}</div>"
    body, _ = seg(html_page(paragraphs([f"(HNMO) - {SAPO}", *PARAS]), sapo_block=tagged))
    assert body == [f"(HNMO) - {SAPO}", *PARAS]


def test_sapo_in_a_heading_inside_a_summary_block() -> None:
    block = f'<div class="post-summary" itemprop="description"><h2>QĐND Online - {SAPO}</h2></div>'
    body, _ = seg(html_page(paragraphs(PARAS), sapo_block=block))
    assert body[0] == f"QĐND Online - {SAPO}"


def test_teaser_summaries_after_the_story_are_no_sapo() -> None:
    aside = (f'<div class="box-category"><h3>Tin cùng chuyên mục</h3><div><a href="/a.htm">{READ_MOST}</a>'
             f'<p class="box-category-sapo">{PARAS[3]}</p></div></div>')
    body, _ = seg(html_page(paragraphs(PARAS), sapo_block="", aside=aside))
    assert body == PARAS


def test_paragraph_that_is_only_a_link_is_a_teaser() -> None:
    link = f'<p><a href="/ha-noi-amsterdam-687102.html"><strong>{TEASER}</strong></a></p>'
    div_link = f'<div class="link-content-footer"><a href="/b.htm">{READ_MOST}</a></div>'
    body, related = seg(html_page(paragraphs(PARAS[:2]) + link + paragraphs(PARAS[2:3]) + div_link
                                  + paragraphs(PARAS[3:])))
    assert body == [SAPO, *PARAS]
    assert TEASER in related
    assert READ_MOST in related


def test_sub_headings_in_h2_and_bold_paragraphs_stay() -> None:
    html = html_page(paragraphs(PARAS[:2]) + "<h2>Những trụ cột hợp tác mới</h2>" + paragraphs(PARAS[2:3])
                     + "<p><strong>Hướng tới mục tiêu thương mại 15 tỷ USD</strong></p>" + paragraphs(PARAS[3:]))
    body, _ = seg(html)
    assert "Những trụ cột hợp tác mới" in body
    assert "Hướng tới mục tiêu thương mại 15 tỷ USD" in body


def test_box_named_by_its_heading_gives_teasers_and_tag_links_do_not() -> None:
    aside = (f'<div class="box-related"><a href="/a.html">{TEASER}</a></div>'
             f'<div class="box-hot"><div class="head"><h3>Đọc nhiều</h3></div>'
             f'<ol><li><a href="/686955.html">{READ_MOST}</a></li></ol></div>')
    _, related = seg(html_page(paragraphs(PARAS), aside=aside))
    assert related == [TEASER, READ_MOST]  # not the tag "Đối tác chiến lược toàn diện" under "Từ khóa:"


def test_decomposed_document() -> None:
    body, _ = seg(unicodedata.normalize("NFD", html_page(paragraphs(PARAS))))
    assert body == [SAPO, *PARAS]


def test_conditional_comment_text_is_no_title() -> None:
    # vnexpress-style <picture> whose IE conditional comments leave "[if IE 9]>…" as the only headline-like line
    picture = ('<div class="fig-picture"><picture>\n<!--[if IE 9]><video style="display: none;"><![endif]-->\n'
               '<source data-srcset="https://example.vn/a.jpg?w=680">\n<!--[if IE 9]></video><![endif]-->\n'
               '<img alt="" src="https://example.vn/a.jpg"></picture></div>')
    html = f'<article class="fck_detail ">{picture}{paragraphs(PARAS)}</article>'
    art = segment(Page(source="t.html", content=html, markup="html"))
    assert art.title is None or "[if" not in art.title
    assert "[if" not in art.text
