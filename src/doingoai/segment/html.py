"""Find the story in an HTML page: trafilatura for the main content and metadata, then our own
Vietnamese clean-up (captions, bylines, sign-offs) over its text; teasers from the page's link boxes.

Cascade, cheapest and most precise first: trafilatura's main content; if that is too thin, the
plain-text segmenter over all the visible text of the page.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Extractor

from doingoai.clean.normalize import fold, normalize, normalize_line
from doingoai.extract.timeline import DATA_DATE
from doingoai.lexicon import Table, clutter_key, page_clutter, patterns
from doingoai.segment.dateline import find_dates
from doingoai.segment.lines import Kind, classify, word_count
from doingoai.segment.outlet import site_outlet
from doingoai.segment.page_meta import page_meta
from doingoai.segment.text import Readings, Segments, segment_lines

__all__ = ["HtmlParts", "html_parts"]


@cache
def _rx() -> Table[re.Pattern[str]]:
    """The plain patterns of ``data/patterns_html.yaml``."""
    return patterns("patterns_html.yaml")


# Below this many characters of body, trafilatura missed the story (calibrated on pages whose
# article is inside unusual containers): fall back to reading all visible text.
MIN_BODY_CHARS = 250
_SAPO_ATTRIBUTES = frozenset(("class", "id", "data-role", "itemprop"))
# Calibrated on the golden HTML pages and the sites they imitate: a sapo is one to three sentences; a
# block with a "lead" class and more words than this is a wrapper around the whole story.
MIN_SAPO_WORDS = 10
MAX_SAPO_WORDS = 150
# A section marker is a short label ("Tin cùng chuyên mục"); its title bar is at most this deep in its box.
MAX_MARKER_CHARS = 60
MARKER_TITLE_BAR_DEPTH = 2
# A link with fewer words is a menu entry or a tag, not another story's headline.
MIN_HEADLINE_WORDS = 4
_TEXT_BLOCKS = frozenset(("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td"))
_HEADLINE_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6")
_LINK_BLOCKS = frozenset((*_HEADLINE_BLOCKS, "div"))
_MARKER_BLOCKS = frozenset((*_HEADLINE_BLOCKS, "span", "strong", "b", "div"))
_NOT_STORY = {"nav", "footer", "aside"}
_PAGE_CONTAINERS = {"html", "body", "main", "article"}
_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section", "article",
               "header", "footer", "figcaption", "blockquote", "ul", "ol", "table", "aside", "nav", "dd", "dt"}
_SITE_SUFFIX = re.compile(r"^(.{12,}?)\s+[-|–—:]\s+([^-|–—]{2,60})$")


@dataclass(frozen=True, slots=True)
class HtmlParts:
    """``segments.header`` and ``segments.below``: the page's, where they may decide its outlet (no URL, no
    host name, and no site name that names it); else empty."""

    title: str | None
    published: str | None
    hostname: str | None
    sitename: str | None
    segments: Segments


def _visible_text(tree: lxml.html.HtmlElement) -> str:
    """All text a reader sees, one block per line (scripts, styles and templates dropped)."""
    for bad in tree.xpath("//script|//style|//noscript|//template|//svg|//iframe"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCK_TAGS:
            parts.append("\n")

    body = tree.find("body")
    walk(body if body is not None else tree)
    return re.sub(r"\n\s*\n+", "\n\n", "".join(parts))


# What only markup left in a title has: "[if IE 9]></video><![endif]" (a conditional comment's text).
_MARKUP_LEFT = re.compile(r"[<>]|\[if\b|\[endif\]", re.IGNORECASE)


def _text(el: lxml.html.HtmlElement) -> str:
    """``el.text_content()``: for an element without children (most links, labels, paragraphs of plain text),
    its own text, without the XPath run that ``text_content`` is."""
    return (el.text or "") if len(el) == 0 else el.text_content()


def _clean_title(title: str | None, sitename: str | None) -> str | None:
    if not title:
        return None
    title = normalize_line(title)
    if _MARKUP_LEFT.search(title):
        return None  # markup, not a headline
    m = _SITE_SUFFIX.match(title)
    if m:
        suffix = m.group(2).strip()
        same_site = sitename and (suffix.casefold() in sitename.casefold() or sitename.casefold() in suffix.casefold())
        if same_site or (_rx().site_words.search(suffix) and word_count(suffix) <= 5):
            title = m.group(1).strip()
    return title or None


class _Reading:
    """What the teaser, sapo and link-headline passes read of a page's elements, each worked out once: they
    climb and re-walk the same boxes, links and paragraphs (a link's words are weighed once for every box
    around it). Only valid while the tree does not change."""

    __slots__ = ("_lines", "_links", "_related", "_texts", "_words")

    def __init__(self) -> None:
        self._texts: dict[lxml.html.HtmlElement, str] = {}
        self._lines: dict[str, str] = {}
        self._words: dict[lxml.html.HtmlElement, int] = {}
        self._links: dict[lxml.html.HtmlElement, int] = {}
        self._related: dict[lxml.html.HtmlElement, bool] = {}

    def text(self, el: lxml.html.HtmlElement) -> str:
        """``_text(el)``."""
        found = self._texts.get(el)
        if found is None:
            found = self._texts[el] = _text(el)
        return found

    def line(self, el: lxml.html.HtmlElement) -> str:
        """``normalize_line(_text(el))`` (an element and its only child often hold the same text)."""
        text = self.text(el)
        found = self._lines.get(text)
        if found is None:
            found = self._lines[text] = normalize_line(text)
        return found

    def words(self, el: lxml.html.HtmlElement) -> int:
        """``word_count(_text(el))``."""
        found = self._words.get(el)
        if found is None:
            found = self._words[el] = word_count(self.text(el))
        return found

    def headline_links(self, el: lxml.html.HtmlElement) -> int:
        """The links in ``el`` long enough to be another story's headline."""
        found = self._links.get(el)
        if found is None:
            found = self._links[el] = sum(self.words(a) >= MIN_HEADLINE_WORDS for a in el.iter("a"))
        return found

    def named_related(self, el: lxml.html.HtmlElement) -> bool:
        """``_named_related(el)``."""
        found = self._related.get(el)
        if found is None:
            found = self._related[el] = _named_related(el)
        return found


# The page's elements (no comments or processing instructions) with their tags and whether their name says a
# box of other stories (``_named_related``), in document order, as ``tree.iter(etree.Element)`` gives them: read
# once for the passes of ``_place_story_parts``, which walked the tree again each and read each element's tag (a
# new string from lxml) every time. The teaser-box pass tests every element's name: it is done here, in line.
_Elements = list[tuple[lxml.html.HtmlElement, str, bool]]


def _elements(tree: lxml.html.HtmlElement) -> _Elements:
    out = []
    for el in tree.iter(etree.Element):
        cls, ident = el.get("class"), el.get("id")  # (as ``_named_related``)
        out.append((el, el.tag, bool((cls or ident) and _names("related", f"{cls or ''} {ident or ''}"))))
    return out


def _teasers(elements: _Elements, title: str | None, read: _Reading) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    seen = {title} if title else set()
    tag_href = _rx().tag_href
    for box in _teaser_boxes(elements, read):
        for a in box.iter("a"):
            headline = read.line(a)
            if (word_count(headline) < MIN_HEADLINE_WORDS or headline in seen
                    or tag_href.search(a.get("href", ""))):
                continue
            seen.add(headline)
            items.append((headline, _teaser_lead(a, box, headline, read)))
    return items


def _teaser_boxes(elements: _Elements, read: _Reading) -> list[lxml.html.HtmlElement]:
    """Boxes of links to other stories: named so by their class, or headed by a section marker
    ("Tin cùng chuyên mục", "Đọc nhiều") whatever their class."""
    markers = page_clutter().section_markers
    boxes = []
    for el, tag, related in elements:
        if tag == "aside" or related:
            boxes.append(el)
        elif tag in _MARKER_BLOCKS and (tag != "div" or len(el) == 0):
            text = read.text(el)
            if len(text) < MAX_MARKER_CHARS and clutter_key(text) in markers:
                box = _marker_box(el, read)
                if box is not None:
                    boxes.append(box)
    return boxes


def _marker_box(marker: lxml.html.HtmlElement, read: _Reading) -> lxml.html.HtmlElement | None:
    """The box a section marker heads: its parent, or a little higher when the marker sits in a
    title bar of its own ("<div class="head"><h3>Đọc nhiều</h3></div><ul>...")."""
    box = marker.getparent()
    for _ in range(MARKER_TITLE_BAR_DEPTH):
        if box is None or read.headline_links(box):
            break
        box = box.getparent()
    return box if box is not None and _is_link_box(box, read) else None


def _is_link_box(el: lxml.html.HtmlElement, read: _Reading) -> bool:
    """A box of teasers has at most one summary per headline; the story's container has its
    headline, or more paragraphs than links."""
    if el.tag in _PAGE_CONTAINERS or next(el.iterdescendants("h1"), None) is not None:
        return False
    summaries = sum(read.words(p) >= MIN_SAPO_WORDS for p in el.iter("p"))
    return summaries <= read.headline_links(el)


def _teaser_lead(a: lxml.html.HtmlElement, box: lxml.html.HtmlElement, headline: str, read: _Reading) -> str:
    item = a.getparent()
    # climb while the ancestor still holds this teaser alone, then look for its lead inside
    while item is not None and item is not box and read.headline_links(item) <= 1:
        texts = [read.line(el) for el in item.iter(etree.Element)
                 if el is not a and (el.tag == "p" or _names("lead_class", el.get("class", "")))]
        texts = [t for t in texts if t and t != headline and word_count(t) >= 6]
        if texts:
            return texts[0]
        item = item.getparent()
    return ""


def _link_headlines(elements: _Elements, read: _Reading) -> list[str]:
    """Blocks that are nothing but a link to another story, set among the story's paragraphs
    ("<p><a><strong>Headline</strong></a></p>"): bold like a sub-heading, but a teaser."""
    found = []
    tag_href = _rx().tag_href
    # (as ``tree.iter(*_LINK_BLOCKS)``: an HTML page's tags have no namespace)
    for el in [el for el, tag, _ in elements if tag in _LINK_BLOCKS]:
        links = el.iter("a")  # (the element is no link itself: its descendants)
        link = next(links, None)
        if link is None or next(links, None) is not None:
            continue  # no link, or more than one: not a single linked headline
        href = link.get("href") or "#"
        if href.startswith("#") or tag_href.search(href) or not _among_paragraphs(el, read):
            continue
        text = read.line(el)
        if word_count(text) >= MIN_HEADLINE_WORDS and text == read.line(link) and text not in found:
            found.append(text)
    return found


def _among_paragraphs(el: lxml.html.HtmlElement, read: _Reading) -> bool:
    """Next to running text (a story's paragraphs), not in a menu, a logo or a list of links."""
    parent = el.getparent()
    return parent is not None and any(
        p is not el and next(p.iter("a"), None) is None and read.words(p) >= MIN_SAPO_WORDS
        for p in parent.iterchildren("p"))


def _sapo(elements: _Elements, first_line: str, read: _Reading) -> str | None:
    """The lead block ("sapo", "summary", "description") printed above the story's first paragraph."""
    found: str | None = None
    for el, tag, _ in elements:
        if _is_block_of(el, tag, first_line, read):
            return found
        # (an element without these attributes has nothing to search: most of them. Its attributes are read in
        # one call, not four look-ups by name; the parser keeps one value for each name, as ``get`` reads it)
        attributes = el.items()
        if attributes and any(v and k in _SAPO_ATTRIBUTES and _names("sapo", v) for k, v in attributes) and not (
                _outside_story(el, read)):
            text = read.line(el)
            if MIN_SAPO_WORDS <= word_count(text) <= MAX_SAPO_WORDS and classify(text) is Kind.PARAGRAPH:
                found = text
    return None  # the story's first paragraph is not in the markup as such: nothing to place a lead above


def _is_block_of(el: lxml.html.HtmlElement, tag: str, line: str, read: _Reading) -> bool:
    if tag not in _TEXT_BLOCKS and not (tag == "div" and (el.text or "").strip()):
        return False
    return read.line(el) == line


def _outside_story(el: lxml.html.HtmlElement, read: _Reading) -> bool:
    return any(a.tag in _NOT_STORY or read.named_related(a) for a in el.iterancestors(etree.Element))


def _named_related(el: lxml.html.HtmlElement) -> bool:
    """The element's class or id names a box of other stories ("related", "tin-lien-quan", "sidebar")."""
    cls, ident = el.get("class"), el.get("id")
    # most elements have neither, and the pattern's words cannot match the lone space of an empty name
    return bool((cls or ident) and _names("related", f"{cls or ''} {ident or ''}"))


# A page's class names repeat ("item", "title", "box-news"), across a site's pages too; each pattern of
# ``patterns_html.yaml`` is run once for each distinct name (a case-insensitive alternation of a dozen words).
_NAME_CACHE = 4096


@lru_cache(maxsize=_NAME_CACHE)
def _names(pattern: str, value: str) -> bool:
    """Whether ``_rx()``'s ``pattern`` finds its word in the attribute value ``value``."""
    return getattr(_rx(), pattern).search(value) is not None


def _same_text(a: str, b: str) -> bool:
    """The sapo printed again as the first paragraph, with or without its source tag."""
    fa, fb = fold(a), fold(b)
    return fa in fb or fb in fa


def _metadata_date(date: str | None) -> str | None:
    if not date:
        return None
    m = re.match(r"^(\d{4}-\d{2}-\d{2})", date)
    return m.group(1) if m else None


# The most attributes an element keeps. libxml2 checks each new attribute against the element's others, so
# parsing grows with the square of their number (65 s for one element with 50,000); real elements carry a
# few dozen at most. A start tag with more keeps its first ``MAX_ATTRIBUTES``, before the page is parsed.
MAX_ATTRIBUTES = 256
# A start tag long enough to hold that many attributes (each at least 'a=""' and a space); shorter ones are
# not looked at. Tags cannot nest, so finding them is one pass over the page.
_LONG_TAG = re.compile(r"<([a-zA-Z][^\s<>/]*+)([^<>]{" + str(4 * MAX_ATTRIBUTES) + r",}+)>")
_ATTRIBUTE = re.compile(r"""\s*[^\s=<>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]*))?""")


def _trim_tag(m: re.Match[str]) -> str:
    attributes = _ATTRIBUTE.findall(m.group(2))
    if len(attributes) <= MAX_ATTRIBUTES:
        return m.group(0)
    return f"<{m.group(1)}{''.join(attributes[:MAX_ATTRIBUTES])}>"


def trim_attributes(html: str) -> str:
    """``html`` with every element's attributes cut to the first ``MAX_ATTRIBUTES``."""
    return _LONG_TAG.sub(_trim_tag, html)


# The most elements a page may have for trafilatura to read it. Its main-content pass grows faster than the
# page (1 s for 8,000 paragraphs, 10 s for 86,000); a news page has a few thousand elements. A page with more
# is read from its visible text, as a text page is.
MAX_ELEMENTS = 30_000


@cache
def _parser() -> lxml.html.HTMLParser:
    parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity))
    return parser


@dataclass(frozen=True, slots=True)
class _Extraction:
    """What trafilatura reads in a page: its main text and the metadata we use."""

    text: str | None
    title: str | None
    date: str | None
    hostname: str | None
    sitename: str | None


def _extraction(tree: lxml.html.HtmlElement, url: str | None, today: dt.date) -> _Extraction | None:
    """``trafilatura.bare_extraction(tree, url, with_metadata=True, ...)``'s text, title, date, hostname and
    sitename (None where it gives no document), the metadata read by ``page_meta`` without the fields we do
    not use. As there, the metadata is read first, and the main text is looked for from the page's URL, else
    the one the page names. No date after the end of ``today`` is taken."""
    date_params = _date_params(today)
    try:
        meta = page_meta(tree, url, date_params)
    except (TypeError, ValueError):
        return None
    doc = trafilatura.bare_extraction(tree, options=_options(url or meta.url, today))
    if doc is None:
        return None
    return _Extraction(text=getattr(doc, "text", None), title=meta.title, date=meta.date, hostname=meta.hostname,
                       sitename=meta.sitename)


@cache
def _options_template(today: dt.date) -> Extractor:
    """The options ``bare_extraction`` builds from our keywords, for no URL."""
    return Extractor(
        output_format="python", with_metadata=False, comments=False, tables=True, images=False, recall=True,
        dedup=False, fast=True,  # our own cascade falls back
        date_params=_date_params(today),
    )


def _options(url: str | None, today: dt.date) -> Extractor:
    """``Extractor(url=url, ...)`` for the page: a copy of the template with the page's URL. Building one reads
    trafilatura's settings (a configparser look-up for each of seven numbers), a tenth of its time on a news
    page; only the URL and the source named in its log lines (the URL) differ from page to page."""
    options = copy.copy(_options_template(today))
    options.url = url
    source = url or None  # as Extractor names it (an empty URL is no source)
    options.source = source and source.encode("utf-8", "replace").decode("utf-8")
    return options


def _date_params(today: dt.date) -> dict[str, Any]:
    """htmldate's search, bounded by the end of ``today``: its own latest date is the end of the machine's
    current day, which would make a page's date depend on when and where it is read."""
    latest = dt.datetime(today.year, today.month, today.day, 23, 59, 59, 999999)
    return {"extensive_search": False, "original_date": True, "max_date": latest}


def html_parts(html: str, url: str | None, today: dt.date | None = None) -> HtmlParts:
    """Title, date, site and segmented story of one HTML page. ``today`` (default: the language data's review
    date, never the machine's clock) is the latest date the page's metadata may give."""
    try:
        # parsed once, as trafilatura parses (no comments, no processing instructions); it works on a copy
        tree = lxml.html.fromstring(trim_attributes(html), parser=_parser())
    except (etree.ParserError, ValueError):
        tree = None
    # The page's elements, held while the page is read: lxml makes a Python object for an element each time
    # one is reached while none is alive (through lxml.html's class look-up, in Python), and the passes
    # below walk the tree several times.
    elements = list(tree.iter()) if tree is not None else []
    # a page too big for trafilatura's time has its visible text read as a text page's
    doc = _extraction(tree, url, today or DATA_DATE) if tree is not None and len(elements) <= MAX_ELEMENTS else None
    title = _clean_title(getattr(doc, "title", None), getattr(doc, "sitename", None))
    published = _metadata_date(getattr(doc, "date", None))
    main_text = normalize(getattr(doc, "text", None) or "")
    # the main text's lines stand in the whole visible text too: each is read once
    read = Readings()
    segments = segment_lines(main_text.split("\n"), read) if main_text else Segments()
    visible: list[str] = []
    whole: list[Segments] = []

    def page_text() -> str:
        """All the visible text of the page, normalized: read once. (Reading it drops the tree's scripts and
        styles, which the passes after it then no longer see.)"""
        if not visible:
            visible.append(normalize(_visible_text(tree)) if tree is not None else normalize(html))
        return visible[0]

    def page_segments() -> Segments:
        """All the visible text of the page, segmented like a text page: read only when needed."""
        if not whole:
            whole.append(segment_lines(page_text().split("\n"), read))
        return whole[0]

    if sum(len(t) for _, t in segments.body) < MIN_BODY_CHARS <= sum(len(t) for _, t in page_segments().body):
        segments = page_segments()
    # trafilatura sometimes starts the text with the headline; it is the title, not the body
    if title and segments.body and segments.body[0][1] == title:
        segments.body = segments.body[1:]
    if published is None and page_segments().published is not None:
        published = page_segments().published.iso  # type: ignore[union-attr]
    if published is None and tree is not None:
        published = _time_element_date(tree)
    hostname, sitename = getattr(doc, "hostname", None), getattr(doc, "sitename", None)
    if not (url or hostname):
        if site_outlet(sitename) is None:
            segments.header, segments.below = page_segments().header, page_segments().below
        else:
            # the site's name gives the outlet, and the header and furniture are read for nothing else: the
            # whole page is not segmented for them (half the time of such a page). Its text is read all the
            # same, as the passes below must see the tree that reading leaves (scripts and styles dropped).
            page_text()
    if tree is not None:
        # the teasers of the whole page are read only when the story's own boxes give none (lazily: it costs)
        _place_story_parts(tree, segments, title, lambda elements, read: (
            page_segments().related if not _has_teaser_boxes(elements, read) else []))
    if title is None:  # the page's own headline line, held to the same test (markup text is no title)
        title = _clean_title(page_segments().title, None)
    return HtmlParts(title=title, published=published, hostname=hostname, sitename=sitename, segments=segments)


def _has_teaser_boxes(elements: _Elements, read: _Reading) -> bool:
    return any(tag == "aside" or related for _, tag, related in elements)


def _place_story_parts(tree: lxml.html.HtmlElement, segments: Segments, title: str | None,
                       fallback_related: Callable[[_Elements, _Reading], list[tuple[str, str]]]) -> None:
    """Put the sapo above the body, and links printed as paragraphs among the teasers."""
    read = _Reading()  # (made here: the tree no longer changes until the fallback reads the whole page)
    elements = _elements(tree)  # (the same: valid until then)
    inline = _link_headlines(elements, read)
    links = set(inline)
    segments.body = [(n, t) for n, t in segments.body if t not in links]
    if segments.body:
        sapo = _sapo(elements, segments.body[0][1], read)
        if sapo and not any(_same_text(sapo, t) for _, t in segments.body[:2]):
            segments.body.insert(0, (0, sapo))
    related = _teasers(elements, title, read)
    known = {headline for headline, _ in related}
    related += [(h, "") for h in inline if h not in known and h != title]
    segments.related = related or fallback_related(elements, read)


def _time_element_date(tree: lxml.html.HtmlElement) -> str | None:
    for el in tree.iter("time"):
        for value in (el.get("datetime") or "", _text(el) or ""):
            hits = find_dates(value)
            if hits:
                return hits[0].iso
    return None
