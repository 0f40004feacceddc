"""Find the story in an HTML page: trafilatura for the main content and metadata, then our own
Vietnamese clean-up (captions, bylines, sign-offs) over its text; teasers from the page's link boxes.

Cascade, cheapest and most precise first: trafilatura's main content; if that is too thin, the
plain-text segmenter over all the visible text of the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from doingoai.clean.normalize import normalize, normalize_line
from doingoai.segment.dateline import find_dates
from doingoai.segment.lines import word_count
from doingoai.segment.text import Segments, segment_lines

__all__ = ["HtmlParts", "html_parts"]

# Below this many characters of body, trafilatura missed the story (calibrated on pages whose
# article is inside unusual containers): fall back to reading all visible text.
MIN_BODY_CHARS = 250
_RELATED = re.compile(r"relat|lien-?quan|lienquan|tin-?khac|cung-?chuyen-?muc|xem-?them|doc-?them|doc-?nhieu|"
                      r"more|other|suggest|recommend|box-?news|list-?news|readmore|same|tinmoi|tin-?moi|"
                      r"most|popular|hot-?news|sidebar|aside", re.IGNORECASE)
_LEAD_CLASS = re.compile(r"sapo|lead|desc|summary|teaser|excerpt|chapeau|intro", re.IGNORECASE)
_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section", "article",
               "header", "footer", "figcaption", "blockquote", "ul", "ol", "table", "aside", "nav", "dd", "dt"}
_SITE_SUFFIX = re.compile(r"^(.{12,}?)\s+[-|–—:]\s+([^-|–—]{2,60})$")
_SITE_WORDS = re.compile(r"^(báo|tạp chí|cổng|đài|trang|tin tức|thông tấn|tin|vn)|\.(vn|com|net|org)\b|"
                         r"online|express|plus|news", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HtmlParts:
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


def _clean_title(title: str | None, sitename: str | None) -> str | None:
    if not title:
        return None
    title = normalize_line(title)
    m = _SITE_SUFFIX.match(title)
    if m:
        suffix = m.group(2).strip()
        same_site = sitename and (suffix.casefold() in sitename.casefold() or sitename.casefold() in suffix.casefold())
        if same_site or (_SITE_WORDS.search(suffix) and word_count(suffix) <= 5):
            title = m.group(1).strip()
    return title or None


def _teasers(tree: lxml.html.HtmlElement, title: str | None) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    seen = {title} if title else set()
    containers = [el for el in tree.iter()
                  if isinstance(el.tag, str) and (el.tag == "aside" or _RELATED.search(
                      f"{el.get('class', '')} {el.get('id', '')}"))]
    for box in containers:
        for a in box.iter("a"):
            headline = normalize_line(a.text_content())
            if word_count(headline) < 4 or headline in seen:
                continue
            seen.add(headline)
            lead = ""
            item = a.getparent()
            # climb while the ancestor still holds this teaser alone, then look for its lead inside
            while item is not None and item is not box and _headline_links(item) <= 1:
                texts = [normalize_line(el.text_content()) for el in item.iter()
                         if isinstance(el.tag, str) and el is not a
                         and (el.tag == "p" or _LEAD_CLASS.search(el.get("class", "")))]
                texts = [t for t in texts if t and t != headline and word_count(t) >= 6]
                if texts:
                    lead = texts[0]
                    break
                item = item.getparent()
            items.append((headline, lead))
    return items


def _headline_links(el: lxml.html.HtmlElement) -> int:
    return sum(word_count(a.text_content()) >= 4 for a in el.iter("a"))


def _metadata_date(date: str | None) -> str | None:
    if not date:
        return None
    m = re.match(r"^(\d{4}-\d{2}-\d{2})", date)
    return m.group(1) if m else None


def html_parts(html: str, url: str | None) -> HtmlParts:
    """Title, date, site and segmented story of one HTML page."""
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        tree = None
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, favor_recall=True, deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    ) if tree is not None else None
    title = _clean_title(getattr(doc, "title", None), getattr(doc, "sitename", None))
    published = _metadata_date(getattr(doc, "date", None))
    main_text = normalize(getattr(doc, "text", None) or "")
    visible = normalize(_visible_text(tree)) if tree is not None else normalize(html)
    page_segments = segment_lines(visible.split("\n"))
    segments = segment_lines(main_text.split("\n")) if main_text else Segments()
    if sum(len(t) for _, t in segments.body) < MIN_BODY_CHARS <= sum(len(t) for _, t in page_segments.body):
        segments = page_segments
    # trafilatura sometimes starts the text with the headline; it is the title, not the body
    if title and segments.body and segments.body[0][1] == title:
        segments.body = segments.body[1:]
    if published is None and page_segments.published is not None:
        published = page_segments.published.iso
    if published is None and tree is not None:
        published = _time_element_date(tree)
    segments.header = page_segments.header
    if tree is not None:
        segments.related = _teasers(tree, title) or page_segments.related
    return HtmlParts(title=title or page_segments.title, published=published,
                     hostname=getattr(doc, "hostname", None), sitename=getattr(doc, "sitename", None),
                     segments=segments)


def _time_element_date(tree: lxml.html.HtmlElement) -> str | None:
    for el in tree.iter("time"):
        for value in (el.get("datetime") or "", el.text_content() or ""):
            hits = find_dates(value)
            if hits:
                return hits[0].iso
    return None
