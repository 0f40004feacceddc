"""The short cuts ``segment.html`` takes to read a page faster give what the plain calls give, on every HTML page
the repository ships: the parser's element classes, the trafilatura options copied from a template, the
per-page readings of elements and the cached attribute-name tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import lxml.html
import pytest
import trafilatura
from lxml import etree
from trafilatura.settings import Extractor

from doingoai.clean.normalize import normalize_line
from doingoai.extract.timeline import DATA_DATE
from doingoai.segment.html import (
    _LINK_BLOCKS,
    _SAPO_ATTRIBUTES,
    MIN_HEADLINE_WORDS,
    _date_params,
    _elements,
    _named_related,
    _names,
    _options,
    _parser,
    _Reading,
    _rx,
    trim_attributes,
)
from doingoai.segment.lines import word_count

ROOT = Path(__file__).resolve().parents[2]
URLS = [None, "https://vietnamplus.vn/bai-viet-123.html", "https://báo.vn/tin/ngoại-giao?id=1"]


def _pages() -> list[str]:
    found = sorted((ROOT / "tests" / "segment" / "pages").glob("*.html")) + sorted((ROOT / "examples").glob("*.html"))
    return [p.read_text(encoding="utf-8") for p in found]


def _plain_parser() -> lxml.html.HTMLParser:
    """The parser as it was before its element classes were looked up without a Python call."""
    return lxml.html.HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True)


@pytest.mark.parametrize("url", [*URLS, ""])
def test_options_are_what_the_keywords_build(url: str | None) -> None:
    built = Extractor(output_format="python", fast=True, precision=False, recall=True, comments=False,
                      formatting=None, links=False, images=False, tables=True, dedup=False, lang=None, url=url,
                      with_metadata=False, only_with_metadata=False, author_blacklist=None, url_blacklist=None,
                      date_params=_date_params(DATA_DATE))
    copied = _options(url, DATA_DATE)
    assert {name: getattr(copied, name) for name in Extractor.__slots__} == {
        name: getattr(built, name) for name in Extractor.__slots__}
    assert copied is not _options(url, DATA_DATE)  # each page its own: trafilatura may set fields on it


@pytest.mark.parametrize("html", _pages())
@pytest.mark.parametrize("url", URLS[:2])
def test_trafilatura_reads_our_tree_as_before(html: str, url: str | None) -> None:
    """bare_extraction over our parser's tree with the copied options gives the main text it gave over a plain
    lxml.html tree with its keywords."""
    before = trafilatura.bare_extraction(
        lxml.html.fromstring(trim_attributes(html), parser=_plain_parser()), url=url, with_metadata=False,
        include_comments=False, include_tables=True, include_images=False, favor_recall=True, deduplicate=False,
        fast=True, date_extraction_params=_date_params(DATA_DATE))
    now = trafilatura.bare_extraction(lxml.html.fromstring(trim_attributes(html), parser=_parser()),
                                      options=_options(url, DATA_DATE))
    assert before is not None
    assert now is not None
    assert before.text  # type: ignore[union-attr]
    assert now.text == before.text  # type: ignore[union-attr]


def test_our_elements_are_html_elements() -> None:
    tree = lxml.html.fromstring("<html><body><form><input name='q'><label>Tìm</label></form></body></html>",
                                parser=_parser())
    assert all(isinstance(el, lxml.html.HtmlElement) for el in tree.iter())
    assert tree.find(".//form").text_content() == "Tìm"  # type: ignore[union-attr]


@pytest.mark.parametrize("html", _pages())
def test_reading_is_the_plain_reading(html: str) -> None:
    tree = lxml.html.fromstring(trim_attributes(html), parser=_parser())
    read = _Reading()
    elements = [el for el in tree.iter() if isinstance(el.tag, str)]
    for _ in range(2):  # the second time from what was kept
        for el in elements:
            assert read.line(el) == normalize_line(el.text_content())
            assert read.words(el) == word_count(el.text_content())
            assert read.headline_links(el) == sum(
                word_count(a.text_content()) >= MIN_HEADLINE_WORDS for a in el.iter("a"))
            assert read.named_related(el) == _named_related(el)
    assert any(read.headline_links(el) for el in elements)


def test_cached_name_tests_are_the_patterns() -> None:
    values = {v for html in _pages() for el in lxml.html.fromstring(trim_attributes(html), parser=_parser()).iter()
              if isinstance(el.tag, str)
              for v in (el.get("class"), el.get("id"), el.get("itemprop"), el.get("data-role")) if v}
    for pattern in ("related", "sapo", "lead_class"):
        found = {value: bool(getattr(_rx(), pattern).search(value)) for value in values}
        assert any(found.values())  # the pages have such names: not a comparison of two empty results
        for _ in range(2):  # the second time from the cache
            assert {value: _names(pattern, value) for value in values} == found


# Markup the shipped pages lack: comments and processing instructions the parser would keep, entities, an
# element named with a prefix, tags in capitals, a link block inside a link block.
_ODD_MARKUP = ("<html><body><DIV class='a'><P>Một <A href='/x'>hai</A></P><!-- c --><?pi x?>&amp;<svg:rect/>"
               "<div><p><a href='/y'>ba bốn năm sáu</a></p></div><H2>tiêu đề</H2></DIV><aside><b>x</b></aside>"
               "</body></html>")


@pytest.mark.parametrize("html", [*_pages(), _ODD_MARKUP])
@pytest.mark.parametrize("parser", [_parser, _plain_parser, lxml.html.HTMLParser])
def test_element_list_is_the_tree_walk(html: str, parser: Callable[[], lxml.html.HTMLParser]) -> None:
    """The passes of ``_place_story_parts`` go over ``_elements``' list: it is ``tree.iter(etree.Element)`` with
    the tags and ``_named_related``, and its link blocks are ``tree.iter(*_LINK_BLOCKS)``."""
    tree = lxml.html.fromstring(trim_attributes(html), parser=parser())
    elements = _elements(tree)
    assert [el for el, _, _ in elements] == list(tree.iter(etree.Element))
    assert all(tag == el.tag and related == _named_related(el) for el, tag, related in elements)
    assert [el for el, tag, _ in elements if tag in _LINK_BLOCKS] == list(tree.iter(*_LINK_BLOCKS))
    assert [el for el, tag, _ in elements if tag in _LINK_BLOCKS]  # not two empty lists


_REPEATED_NAMES = ("<html><body><div class='x' CLASS='detail-sapo' id='a' Id='sapo' data-role=''"
                   " itemprop='description'><p class='sapo' class='x'>Một hai</p>"
                   "<span data-role='sapo' data-role='x'>ba</span></div>"
                   "<div xml:lang='vi' lang='vi' class=''>bốn</div></body></html>")


@pytest.mark.parametrize("html", [*_pages(), _REPEATED_NAMES])
@pytest.mark.parametrize("parser", [_parser, lxml.html.HTMLParser])
def test_sapo_names_read_from_all_attributes(html: str, parser: Callable[[], lxml.html.HTMLParser]) -> None:
    """``_sapo`` reads an element's attributes in one ``items()``: the names it tests are those that ``get``
    reads by name (one value for each name, even where the page repeats one)."""
    tree = lxml.html.fromstring(trim_attributes(html), parser=parser())
    found = 0
    for el in tree.iter(etree.Element):
        by_name = [v for v in map(el.get, ("class", "id", "data-role", "itemprop")) if v]
        together = [v for k, v in el.items() if v and k in _SAPO_ATTRIBUTES]
        assert sorted(together) == sorted(by_name)
        found += any(_names("sapo", v) for v in by_name)
    assert found  # the pages have sapo names: not a comparison of empty lists
