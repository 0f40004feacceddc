"""``page_meta`` reads the fields the segmenter uses exactly as trafilatura's ``extract_metadata`` does, on
every HTML page the repository ships and on small pages of our own (with and without a URL, a canonical
link, a date in the markup)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from trafilatura.metadata import extract_metadata

from doingoai.extract.timeline import DATA_DATE
from doingoai.segment.html import _date_params, _parser, trim_attributes
from doingoai.segment.page_meta import page_meta

ROOT = Path(__file__).resolve().parents[2]
PARAMS = _date_params(DATA_DATE)  # what the segmenter passes (a latest date of its own, not the clock's)

OWN = [
    ("<html><head><title>Việt Nam - Lào hội đàm cấp cao | Báo Mẫu</title>"
     '<meta property="og:site_name" content="báo mẫu"></head><body><h1>Việt Nam - Lào hội đàm</h1>'
     "<p>Chiều 3/4, hai bên hội đàm tại Hà Nội.</p></body></html>"),
    ('<html><head><link rel="canonical" href="https://baomau.vn/tin/hoi-dam-2024-05-06.html">'
     '<meta property="article:published_time" content="2024-05-06T08:00:00+07:00"></head>'
     "<body><article><p>Sáng 6/5, Bộ trưởng tiếp Đại sứ.</p></article></body></html>"),
    "<html><body><p>Không tiêu đề, không ngày &amp; không địa chỉ.</p></body></html>",
]


def _pages() -> list[str]:
    found = sorted((ROOT / "tests" / "segment" / "pages").glob("*.html")) + sorted((ROOT / "examples").glob("*.html"))
    return [p.read_text(encoding="utf-8") for p in found] + OWN


@pytest.mark.parametrize("html", _pages())
@pytest.mark.parametrize("url", [None, "https://vietnamplus.vn/bai-viet-123.html"])
def test_page_meta_agrees_with_extract_metadata(html: str, url: str | None) -> None:
    tree = lxml.html.fromstring(trim_attributes(html), parser=_parser())
    whole = extract_metadata(tree, url, dict(PARAMS))
    ours = page_meta(tree, url, PARAMS)
    assert (ours.title, ours.date, ours.url, ours.hostname, ours.sitename) == (
        whole.title, whole.date, whole.url, whole.hostname, whole.sitename)


def test_the_shipped_pages_give_metadata() -> None:
    """Not a comparison of two empty results: the pages carry titles and dates."""
    metas = [page_meta(lxml.html.fromstring(trim_attributes(h), parser=_parser()), None, PARAMS) for h in _pages()]
    assert sum(m.title is not None for m in metas) >= 8
    assert sum(m.date is not None for m in metas) >= 5


@pytest.mark.parametrize("html", _pages())
def test_text_is_text_content(html: str) -> None:
    """``_text`` (own text for an element without children) is ``text_content()`` for every element."""
    from doingoai.segment.html import _text

    tree = lxml.html.fromstring(trim_attributes(html), parser=_parser())
    elements = [el for el in tree.iter() if isinstance(el.tag, str)]
    assert any(len(el) == 0 and el.text for el in elements)  # the short cut is taken
    assert all(_text(el) == el.text_content() for el in elements)
