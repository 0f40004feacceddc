"""Pathological pages, made by small generators instead of committed huge files: each takes a size and
gives the page's content and markup. ``tests/robust/test_pathological.py`` runs them at sizes that keep
the suite quick; ``tools/fuzz.py pathological`` runs them at full size and times them.

The full sizes are those of the cases that once hung or crawled (issue 12): a 1 MB line of "hội đàm ",
a 1 MB line of "1/1 ", a 200,000-character sentence of cues, an element with 50,000 attributes,
100,000 <p>, a 57.6 KB sentence, 400 lines without final periods, a 20 MB article.
"""

from __future__ import annotations

from collections.abc import Callable

from doingoai.model import Markup

Case = Callable[[int], tuple[str, Markup]]

# One real sentence of the genre (shape of the seed pages), reused to build long inputs.
SENTENCE = ("Sáng 6/11, tại Côn Minh (Trung Quốc), Thủ tướng Chính phủ Phạm Minh Chính đã hội đàm với Thủ tướng "
            "Lào Sonexay Siphandone, nhất trí phấn đấu đưa kim ngạch thương mại hai chiều lên 5 tỷ USD vào năm 2025"
            ", kỷ niệm 62 năm thiết lập quan hệ ngoại giao")
CUES = ("hội đàm với Thủ tướng Lào tiếp Đại sứ Nhật Bản gặp Bộ trưởng Ngoại giao Mỹ điện đàm với Chủ tịch "
        "Trung Quốc thăm chính thức Campuchia ký bản ghi nhớ ")


def _fill(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _varied(i: int) -> str:
    """The sentence with its day, month and amount changed: a page repeating one line verbatim is read as
    page furniture and dropped, so long stories are made of lines that differ."""
    return SENTENCE.replace("6/11", f"{i % 28 + 1}/{i % 12 + 1}").replace("5 tỷ", f"{i % 97 + 1} tỷ")


def _lines(size: int, end: str) -> str:
    out, total, i = [], 0, 0
    while total < size:
        out.append(_varied(i) + end)
        total += len(out[-1]) + 1
        i += 1
    return "\n".join(out)


def cue_line(size: int) -> tuple[str, Markup]:
    return "Tin mới\n" + _fill("hội đàm ", size) + ".\n", "text"


def date_line(size: int) -> tuple[str, Markup]:
    return "Tin mới\n" + _fill("1/1 ", size) + ".\n", "text"


def cue_sentence(size: int) -> tuple[str, Markup]:
    return "Tin mới\nSáng 6/11, " + _fill(CUES, size) + ".\n", "text"


def long_sentence(size: int) -> tuple[str, Markup]:
    """A real-looking sentence of ``size`` characters: clauses joined by commas, one final period."""
    return "Tin mới\n" + ", ".join(_varied(i) for i in range(max(1, size // (len(SENTENCE) + 2)))) + ".\n", "text"


def lines_without_periods(size: int) -> tuple[str, Markup]:
    """Lines of story text none of which ends in a period (about 400 at 57 KB)."""
    return "Tin mới\n" + _lines(size, "") + "\n", "text"


def big_article(size: int) -> tuple[str, Markup]:
    """An article of ``size`` characters in ordinary paragraphs."""
    return "Tin mới\n" + _lines(size, ".") + "\n", "text"


def wide_element(size: int) -> tuple[str, Markup]:
    """One element with ``size // 10`` attributes."""
    attrs = " ".join(f'a{i}="x"' for i in range(max(1, size // 10)))
    return f"<html><body><article><p {attrs}>{SENTENCE}.</p></article></body></html>", "html"


def many_paragraphs(size: int) -> tuple[str, Markup]:
    """``size // 14`` paragraphs."""
    paragraphs = "".join(f"<p>Tin {i}.</p>" for i in range(max(1, size // 14)))
    return f"<html><body><article>{paragraphs}<p>{SENTENCE}.</p></article></body></html>", "html"


def deep_html(size: int) -> tuple[str, Markup]:
    """Elements nested ``size // 11`` deep."""
    n = max(1, size // 11)
    return "<html><body>" + "<div>" * n + SENTENCE + "." + "</div>" * n + "</body></html>", "html"


# name: (generator, full size in characters of the case that was reported)
CASES: dict[str, tuple[Case, int]] = {
    "cue_line": (cue_line, 1_000_000),
    "date_line": (date_line, 1_000_000),
    "cue_sentence": (cue_sentence, 200_000),
    "wide_element": (wide_element, 500_000),
    "many_paragraphs": (many_paragraphs, 1_000_000),
    "long_sentence": (long_sentence, 57_600),
    "lines_without_periods": (lines_without_periods, 60_000),
    "big_article": (big_article, 20_000_000),
    "deep_html": (deep_html, 110_000),
}
